//! Batches: a JSON array or JSON Lines of assessments, evaluated record by record, with
//! the Excellent quota over the batch when asked.
//!
//! A bad record never stops the batch: it is reported by index and id with all its
//! errors, and every good record is still evaluated, in input order. JSON Lines are read
//! one line at a time ([`JsonLinesBatch`]): without the quota each decision can be
//! written as soon as it is made, so memory stays bounded whatever the input's length.

use crate::api::evaluate::evaluate_text;
use crate::api::pairs::evaluate_with_pairs;
use crate::contract::batch::{BatchOptions, Line, RejectedRecord};
use crate::contract::errors::{InputError, InputErrors};
use crate::contract::level::Options;
use crate::contract::level::{Level, Outcome};
use crate::contract::limits::{
    MAX_BATCH_RECORDS, MAX_STATE_RECORD_BYTES, MAX_STREAM_QUOTA_CANDIDATES,
};
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::state::{Rating, StateQuotaReport};
pub use crate::group::quota::apply::apply_quota;
use crate::group::quota::gather::{BatchQuota, BatchQuotaPlan};
pub use crate::group::tally::OutcomeTally;
use crate::intake::batch::{batch_records_within, salvage_id, BatchText};
use crate::regimes::decision::Decision;

/// One record's result in a batch.
#[derive(Debug, Clone, PartialEq)]
pub enum BatchItem {
    /// Evaluated.
    Decision(Box<Decision>),
    /// Rejected, with its errors.
    Rejected(RejectedRecord),
}

/// A batch's records in input order, with the quota applied when asked, and what the
/// quota did in each group (none without the quota).
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// Each record, evaluated or rejected, in input order.
    pub items: Vec<BatchItem>,
    /// The party quota's report per group, by group name.
    pub groups: Vec<GroupQuotaReport>,
    /// The state quota's reports (`spec/state-regimes.md` §2.3): per group with similar
    /// tasks, then per agency; none without the quota or without state records.
    pub state_groups: Vec<StateQuotaReport>,
}

/// Evaluates one record's JSON text, as a batch item.
pub fn evaluate_record_text(index: usize, json: &str, options: &Options) -> BatchItem {
    match evaluate_text(json, options) {
        Ok(decision) => BatchItem::Decision(Box::new(decision)),
        Err(errors) => BatchItem::Rejected(RejectedRecord {
            index,
            id: salvage_id(json),
            errors: errors.0,
        }),
    }
}

/// Evaluates a JSON array of assessments. Fails as a whole only when the text is not a
/// JSON array or holds more than `MAX_BATCH_RECORDS` records.
pub fn evaluate_json_array(json: &str, options: &Options) -> Result<Vec<BatchItem>, InputErrors> {
    evaluate_json_array_within(json, options, MAX_BATCH_RECORDS)
}

/// [`evaluate_json_array`] for a caller that takes at most `max_records` records at once
/// (a service's limit per request; at most `MAX_BATCH_RECORDS`).
pub fn evaluate_json_array_within(
    json: &str,
    options: &Options,
    max_records: usize,
) -> Result<Vec<BatchItem>, InputErrors> {
    Ok(
        batch_records_within(json, BatchText::ArrayOrLines, max_records)?
            .into_iter()
            .enumerate()
            .map(|(index, record)| evaluate_record_text(index, record, options))
            .collect(),
    )
}

/// Evaluates a JSON array of assessments, then applies the quota over the batch when
/// `options` asks for it; records keep their input order.
pub fn evaluate_batch_json(json: &str, options: &BatchOptions) -> Result<Batch, InputErrors> {
    evaluate_batch_json_within(json, options, MAX_BATCH_RECORDS)
}

/// [`evaluate_batch_json`] for a caller that takes at most `max_records` records at once
/// (a service's limit per request; at most `MAX_BATCH_RECORDS`).
pub fn evaluate_batch_json_within(
    json: &str,
    options: &BatchOptions,
    max_records: usize,
) -> Result<Batch, InputErrors> {
    let records = batch_records_within(json, BatchText::ArrayOrLines, max_records)?;
    if records.iter().any(|r| holds_state_record(r)) {
        return Ok(with_pairs(&records, options));
    }
    let items = records
        .into_iter()
        .enumerate()
        .map(|(index, record)| evaluate_record_text(index, record, &options.evaluation))
        .collect();
    Ok(match &options.quota {
        Some(quota) => with_quota(items, quota),
        None => Batch {
            items,
            groups: Vec::new(),
            state_groups: Vec::new(),
        },
    })
}

/// Evaluates JSON Lines text (one assessment per non-blank line), then applies the
/// quota over the batch when `options` asks for it; records keep their order, each
/// indexed by its line (from 0).
pub fn evaluate_batch_lines(text: &str, options: &BatchOptions) -> Batch {
    batch_with_quota(evaluate_json_lines(text, &options.evaluation), options)
}

/// A batch's items, evaluated one by one, with the quota applied over them when
/// `options` asks for it; every item stays in its place.
pub fn batch_with_quota(items: Vec<BatchItem>, options: &BatchOptions) -> Batch {
    match &options.quota {
        Some(quota) => with_quota(items, quota),
        None => Batch {
            items,
            groups: Vec::new(),
            state_groups: Vec::new(),
        },
    }
}

/// Whether a record's text is a state record (`"rating": "state"`): a batch holding one
/// is evaluated with the pair form and the state quota.
pub fn holds_state_record(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct RatingOnly {
        #[serde(default)]
        rating: Option<Rating>,
    }
    serde_json::from_str::<RatingOnly>(text).is_ok_and(|r| r.rating == Some(Rating::State))
}

/// A batch with state records: pairs, the state quota then the party quota, the link
/// (`api::pairs`); every item stays in its place.
fn with_pairs(records: &[&str], options: &BatchOptions) -> Batch {
    let texts: Vec<String> = records.iter().map(|r| (*r).to_owned()).collect();
    let paired = evaluate_with_pairs(&texts, &options.evaluation, options.quota.as_ref());
    let mut items: Vec<Option<BatchItem>> = (0..records.len()).map(|_| None).collect();
    for (index, decision) in paired.indices.into_iter().zip(paired.decisions) {
        if let Some(slot) = items.get_mut(index) {
            *slot = Some(BatchItem::Decision(Box::new(decision)));
        }
    }
    for (index, name, errors) in paired.rejected {
        if let Some(slot) = items.get_mut(index) {
            *slot = Some(BatchItem::Rejected(RejectedRecord {
                index,
                id: Some(name),
                errors: errors.0,
            }));
        }
    }
    Batch {
        items: items.into_iter().flatten().collect(),
        groups: paired.groups,
        state_groups: paired.state_groups,
    }
}

/// Applies the quota to the evaluated items of a batch; every item stays in its place.
fn with_quota(items: Vec<BatchItem>, quota: &QuotaOptions) -> Batch {
    // The quota sees the evaluated records only.
    let mut decisions = Vec::with_capacity(items.len());
    let mut rejected: Vec<Option<RejectedRecord>> = Vec::with_capacity(items.len());
    for item in items {
        match item {
            BatchItem::Decision(decision) => {
                decisions.push(*decision);
                rejected.push(None);
            }
            BatchItem::Rejected(record) => rejected.push(Some(record)),
        }
    }
    let groups = apply_quota(&mut decisions, quota);
    let mut decisions = decisions.into_iter();
    let items = rejected
        .into_iter()
        .filter_map(|slot| match slot {
            Some(record) => Some(BatchItem::Rejected(record)),
            None => decisions
                .next()
                .map(|decision| BatchItem::Decision(Box::new(decision))),
        })
        .collect();
    Batch {
        items,
        groups,
        state_groups: Vec::new(),
    }
}

/// The rejection of a JSON Lines line over the record limit (`length` bytes), for
/// readers that skip such a line without keeping it.
pub fn line_too_large(index: usize, length: u64) -> RejectedRecord {
    RejectedRecord {
        index,
        id: None,
        errors: vec![InputError::line_too_large(length, MAX_STATE_RECORD_BYTES)],
    }
}

/// The rejection of a JSON Lines line that is not UTF-8 text.
pub fn line_not_utf8(index: usize) -> RejectedRecord {
    RejectedRecord {
        index,
        id: None,
        errors: vec![InputError::line_not_utf8()],
    }
}

/// Evaluates one JSON Lines line (blank lines are skipped by the caller).
pub fn evaluate_json_line(index: usize, line: &str, options: &Options) -> BatchItem {
    // The record's own limit (64 KiB, a state record's 256 KiB) is checked when it is
    // read; a line over the larger one is not read at all.
    if line.len() > MAX_STATE_RECORD_BYTES {
        let length = u64::try_from(line.len()).unwrap_or(u64::MAX);
        return BatchItem::Rejected(line_too_large(index, length));
    }
    evaluate_record_text(index, line, options)
}

/// Evaluates line `index` of JSON Lines as read (from 0, blank lines counted): `None`
/// for a blank line, else its decision or its rejection. Lines are independent, so a
/// front end may evaluate them on several threads and write the results in order.
pub fn evaluate_line(index: usize, line: Line<'_>, options: &Options) -> Option<BatchItem> {
    Some(match line {
        Line::Text(text) if text.trim().is_empty() => return None,
        Line::Text(text) => evaluate_json_line(index, text, options),
        Line::TooLong(length) => BatchItem::Rejected(line_too_large(index, length)),
        Line::NotUtf8 => BatchItem::Rejected(line_not_utf8(index)),
    })
}

/// Evaluates JSON Lines text: one assessment per non-blank line.
pub fn evaluate_json_lines(text: &str, options: &Options) -> Vec<BatchItem> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| evaluate_json_line(index, line, options))
        .collect()
}

/// JSON Lines evaluated as they are read, one line at a time.
///
/// Each line's result is handed back at once: a rejection always, a decision when the
/// quota is not asked for. With the quota, decisions are held until [`finish`], which
/// applies it over the whole batch: only then is memory proportional to the input.
///
/// [`finish`]: JsonLinesBatch::finish
pub struct JsonLinesBatch {
    options: Options,
    quota: Option<QuotaOptions>,
    /// The index of the next line, from 0 (blank lines count).
    next: usize,
    /// Decisions held for the quota.
    held: Vec<Decision>,
}

impl JsonLinesBatch {
    /// A batch with these options.
    pub fn new(options: BatchOptions) -> JsonLinesBatch {
        JsonLinesBatch {
            options: options.evaluation,
            quota: options.quota,
            next: 0,
            held: Vec::new(),
        }
    }

    /// Reads the next line: what to write now, if anything (a blank line gives nothing;
    /// with the quota, neither does a decision).
    pub fn push(&mut self, line: Line<'_>) -> Option<BatchItem> {
        let index = self.next;
        self.next += 1;
        match evaluate_line(index, line, &self.options)? {
            BatchItem::Decision(decision) if self.quota.is_some() => {
                self.held.push(*decision);
                None
            }
            item => Some(item),
        }
    }

    /// The decisions held for the quota, in input order with the quota applied, and the
    /// quota's report per group; without the quota, nothing.
    pub fn finish(mut self) -> (Vec<Decision>, Vec<GroupQuotaReport>) {
        let groups = match &self.quota {
            Some(quota) => apply_quota(&mut self.held, quota),
            None => Vec::new(),
        };
        (self.held, groups)
    }
}

/// JSON Lines with the quota in bounded memory (issue 16, defect 5), read twice.
///
/// The first reading ([`QuotaStream::push`] on every line) evaluates each record and
/// keeps only what the quota needs (`BatchQuota`: an Excellent candidate's rank key and
/// id, a count for any other classified record), never the decision. [`plan`] then plans
/// the quota, and the second reading ([`QuotaStreamPlan::decide`] on the same lines)
/// evaluates each record again and applies its verdict. Decisions are therefore written
/// in input order, each complete, with memory that grows with the Excellent candidates
/// only.
///
/// State records need every record of the call at once (pairs, the state quota, the
/// link: `api::pairs`); a stream that holds one says so ([`holds_state_records`]) and is
/// evaluated whole with [`evaluate_paired_lines`] instead.
///
/// [`plan`]: QuotaStream::plan
/// [`holds_state_records`]: QuotaStream::holds_state_records
pub struct QuotaStream {
    options: Options,
    quota: QuotaOptions,
    next: usize,
    gathered: BatchQuota,
    candidates: usize,
    holds_state: bool,
}

impl QuotaStream {
    /// A stream with these options (`options.quota` set; without it the quota is the
    /// default one).
    pub fn new(options: BatchOptions) -> QuotaStream {
        QuotaStream {
            options: options.evaluation,
            quota: options.quota.unwrap_or_default(),
            next: 0,
            gathered: BatchQuota::default(),
            candidates: 0,
            holds_state: false,
        }
    }

    /// The first reading of the next line: its rejection, if it is rejected (to report
    /// now). A stream with more Excellent candidates than
    /// [`MAX_STREAM_QUOTA_CANDIDATES`] is refused with `too_large`.
    pub fn push(&mut self, line: Line<'_>) -> Result<Option<RejectedRecord>, InputError> {
        let index = self.next;
        self.next += 1;
        match evaluate_line(index, line, &self.options) {
            None => Ok(None),
            Some(BatchItem::Rejected(rejected)) => {
                if let Line::Text(text) = line {
                    self.holds_state |= holds_state_record(text);
                }
                Ok(Some(rejected))
            }
            Some(BatchItem::Decision(decision)) => {
                if decision.rating == Rating::State {
                    self.holds_state = true;
                    return Ok(None);
                }
                if decision.outcome == Outcome::Classified
                    && decision.level == Some(Level::Excellent)
                {
                    self.candidates += 1;
                    if self.candidates > MAX_STREAM_QUOTA_CANDIDATES {
                        return Err(InputError::too_many_candidates(MAX_STREAM_QUOTA_CANDIDATES));
                    }
                }
                self.gathered.add(index, &decision);
                Ok(None)
            }
        }
    }

    /// Whether a line read so far holds a state record.
    pub fn holds_state_records(&self) -> bool {
        self.holds_state
    }

    /// Plans the quota over every line read, for the second reading.
    pub fn plan(self) -> QuotaStreamPlan {
        QuotaStreamPlan {
            plan: self.gathered.plan(&self.quota),
            options: self.options,
            next: 0,
            lines: self.next,
        }
    }
}

/// The quota planned over a stream's first reading, applied on its second
/// ([`QuotaStream`]).
pub struct QuotaStreamPlan {
    plan: BatchQuotaPlan,
    options: Options,
    next: usize,
    /// Lines of the first reading.
    lines: usize,
}

impl QuotaStreamPlan {
    /// The second reading of the next line: its decision with the quota applied, or its
    /// rejection (already reported by the first reading); `None` for a blank line.
    /// A second reading longer than the first is refused (the input changed).
    pub fn decide(&mut self, line: Line<'_>) -> Result<Option<BatchItem>, InputError> {
        let index = self.next;
        self.next += 1;
        if index >= self.lines {
            return Err(InputError::input_changed());
        }
        Ok(match evaluate_line(index, line, &self.options) {
            Some(BatchItem::Decision(mut decision)) => {
                self.plan.apply(index, &mut decision);
                Some(BatchItem::Decision(decision))
            }
            other => other,
        })
    }

    /// What the quota did in each group; a second reading shorter than the first is
    /// refused (the input changed).
    pub fn finish(self) -> Result<Vec<GroupQuotaReport>, InputError> {
        if self.next != self.lines {
            return Err(InputError::input_changed());
        }
        Ok(self.plan.into_reports())
    }
}

/// JSON Lines text evaluated as one call with state records: pairs, both quotas and the
/// link (`api::pairs`), each item indexed by its line (from 0, blank lines counted).
pub fn evaluate_paired_lines(text: &str, options: &BatchOptions) -> Batch {
    let mut lines = Vec::new();
    let mut items: Vec<(usize, BatchItem)> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if line.len() > MAX_STATE_RECORD_BYTES {
            let length = u64::try_from(line.len()).unwrap_or(u64::MAX);
            items.push((index, BatchItem::Rejected(line_too_large(index, length))));
        } else {
            lines.push((index, line.to_owned()));
        }
    }
    let (indices, texts): (Vec<usize>, Vec<String>) = lines.into_iter().unzip();
    let paired = evaluate_with_pairs(&texts, &options.evaluation, options.quota.as_ref());
    for (position, decision) in paired.indices.into_iter().zip(paired.decisions) {
        if let Some(&index) = indices.get(position) {
            items.push((index, BatchItem::Decision(Box::new(decision))));
        }
    }
    for (position, name, errors) in paired.rejected {
        if let Some(&index) = indices.get(position) {
            let rejected = RejectedRecord {
                index,
                id: Some(name).filter(|name| !name.is_empty()),
                errors: errors.0,
            };
            items.push((index, BatchItem::Rejected(rejected)));
        }
    }
    items.sort_by_key(|(index, _)| *index);
    Batch {
        items: items.into_iter().map(|(_, item)| item).collect(),
        groups: paired.groups,
        state_groups: paired.state_groups,
    }
}
