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
use crate::contract::limits::MAX_BATCH_RECORDS;
use crate::contract::limits::MAX_STATE_RECORD_BYTES;
use crate::contract::quota::{GroupQuotaReport, QuotaOptions};
use crate::contract::state::{Rating, StateQuotaReport};
pub use crate::group::quota::apply::apply_quota;
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
    let items = evaluate_json_lines(text, &options.evaluation);
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
fn holds_state_record(text: &str) -> bool {
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
