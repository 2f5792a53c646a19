//! The evaluator's state: units, records and their summaries, the id table, and what
//! every job of the engine shares (rejections, evaluation of one record).

use crate::contract::decision::Effect;
use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::level::{Level, Outcome};
use crate::contract::limits::MAX_PARTY_AWAITING_STATE;
use crate::contract::org::{
    OrgDecisionRecord, OrgOptions, OrgOutput, OrgReport, RejectedEntry, Role,
};
use crate::contract::regime::RegimeId;
use crate::contract::state::StateQuotaReport;
use crate::contract::subject::CollectiveKind;
use crate::model::{Discipline, ValidAssessment};
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::dispatch::evaluate_valid;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Reason, Values};
use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashMap, HashTable};
use std::collections::VecDeque;
use std::hash::BuildHasher;

/// What an evaluated record leaves behind: enough for the quota and the statistics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSummary {
    /// The record's id.
    pub id: Box<str>,
    /// Index of its unit in [`OrgReport::units`].
    pub unit: u32,
    /// Its place in the unit.
    pub role: Role,
    /// A collective's sub-kind.
    pub collective_kind: Option<CollectiveKind>,
    /// The regime it is evaluated under.
    pub regime: RegimeId,
    /// Outcome.
    pub outcome: Outcome,
    /// Level.
    pub level: Option<Level>,
    /// Total score.
    pub score: Option<Points>,
    /// Needs a decision of the competent level.
    pub needs_decision: bool,
    /// The rule that put it outside classification.
    pub excluded_by: Option<Rule>,
    /// Tasks exceeded and assigned (for the quota's ranking).
    pub tasks: (u32, u32),
    /// The quota group named in the input.
    pub quota_group: Option<Box<str>>,
    /// Demoted by the quota.
    pub demoted: bool,
    /// Rank among its quota group's Excellent candidates (0: not a candidate).
    pub quota_rank: u32,
    /// In a tie at the quota's cut.
    pub tied_at_cut: bool,
}

/// A kept decision with its place in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgRecord {
    /// The unit's id.
    pub unit: String,
    /// The record's place in the unit.
    pub role: Role,
    /// The decision.
    pub decision: Decision,
}

/// The result: the report, and the decisions when kept (in tree order).
#[derive(Debug, Clone, PartialEq)]
pub struct OrgResult {
    /// Statistics and rejections.
    pub report: OrgReport,
    /// Full decisions, when [`OrgOptions::keep_decisions`].
    pub records: Vec<OrgRecord>,
}

impl OrgResult {
    /// The result as the contract writes it, every kept decision rendered.
    pub fn output(&self) -> OrgOutput<'_> {
        OrgOutput {
            report: &self.report,
            records: self
                .records
                .iter()
                .map(|record| OrgDecisionRecord {
                    unit: &record.unit,
                    role: record.role,
                    decision: record.decision.to_record(),
                })
                .collect(),
        }
    }
}

/// A unit while the tree is read.
pub(super) struct Unit {
    pub(super) id: String,
    pub(super) name: Option<String>,
    pub(super) parent_id: Option<String>,
    pub(super) parent: Option<u32>,
    pub(super) children: Vec<u32>,
    pub(super) line: Option<usize>,
    pub(super) path: String,
    pub(super) led_by: Vec<String>,
    pub(super) leadership_members: Vec<String>,
    /// The id of the leader record of the unit's head (QĐ 132).
    pub(super) head_leader: Option<String>,
    /// A grassroots party organisation (QĐ 132's member quota group).
    pub(super) grassroots: bool,
    pub(super) organisation: Option<u32>,
    pub(super) agency: Option<u32>,
    pub(super) leadership: Option<u32>,
    pub(super) records: Vec<u32>,
    pub(super) depth: u32,
    /// Its state agency record (index into the state records).
    pub(super) state_agency: Option<u32>,
    /// Its state records (indices into the state records).
    pub(super) state_records: Vec<u32>,
}

/// A record that waits for facts from elsewhere in the tree.
pub(super) struct Pending {
    pub(super) record: u32,
    pub(super) valid: ValidAssessment,
    pub(super) path: String,
}

/// Reads units one at a time and evaluates the tree when all are in.
pub struct OrgEvaluator {
    pub(super) options: OrgOptions,
    pub(super) units: Vec<Unit>,
    pub(super) unit_ids: HashMap<String, u32>,
    /// Every record id, as `(32 bits of the id's hash, record)` (8 bytes an entry: the
    /// table has millions): the id itself is compared in the record's summary, so two
    /// ids of equal hash are never taken for one.
    pub(super) record_ids: HashTable<(u32, u32)>,
    pub(super) id_hasher: DefaultHashBuilder,
    pub(super) summaries: Vec<Option<RecordSummary>>,
    pub(super) decisions: Vec<Option<Decision>>,
    pub(super) collectives: Vec<Pending>,
    pub(super) leaders: Vec<Pending>,
    /// QĐ 132 records capped by another record's level, kept to derive the cap again
    /// after the quota: leadership collectives (lower units first), then heads.
    pub(super) capped: Vec<Capped>,
    /// Discipline records and degradation of people who have any, by id (sparse).
    pub(super) person_facts: HashMap<Box<str>, (Vec<Discipline>, bool)>,
    pub(super) rejected: Vec<RejectedEntry>,
    /// The rejections of state records: their position in `rejected` and their unit.
    /// Each is counted in the state figures only, never in the party's.
    pub(super) state_rejected: Vec<(usize, u32)>,
    /// State records, kept until the tree is read (`state.rs`).
    pub(super) state: Vec<StateEntry>,
    /// State record ids (unique among state records; a party record may share one).
    pub(super) state_ids: HashMap<String, u32>,
    /// Party members paired with a state record: evaluated (again, for one placed before
    /// its state record) once the state results are known.
    pub(super) paired: Vec<Pending>,
    /// Party members evaluated without a state pair: kept in case their state record
    /// comes later (at most [`MAX_PARTY_AWAITING_STATE`], the latest).
    pub(super) awaiting_state: AwaitingState,
    /// The state quota's reports.
    pub(super) state_groups: Vec<StateQuotaReport>,
}

/// The 32 bits of an id's hash kept in `record_ids`.
pub(super) fn short_hash(hash: u64) -> u32 {
    // The high half: the low one is what the table's bucket index is made of below.
    u32::try_from(hash >> 32).unwrap_or(u32::MAX)
}

/// The hash the table works with, made from the kept 32 bits (so that the table can grow
/// without the ids): the bucket index takes the low bits, the control tag the top ones.
pub(super) fn table_hash(short: u32) -> u64 {
    u64::from(short) | (u64::from(short) << 32)
}

/// Whether record `record` is still in the tree with this id.
pub(super) fn has_id(summaries: &[Option<RecordSummary>], record: u32, id: &str) -> bool {
    matches!(summaries.get(record as usize), Some(Some(s)) if &*s.id == id)
}

pub(super) fn prefixed(errors: Vec<InputError>, prefix: &str) -> Vec<InputError> {
    errors
        .into_iter()
        .map(|mut e| {
            e.path = format!("{prefix}{}", e.path);
            e
        })
        .collect()
}

/// A fact derived from the tree, under the rule of the record's regime: a 2022 decision
/// cites HD 21's order of evaluation, not QĐ 366's.
pub(super) fn derived_reason(regime: RegimeId, values: Values) -> Reason {
    Reason::new(regime.info().derived_rule, true, Effect::Info, None, values)
}

pub(super) fn conflict(path: String, vi: String, en: String) -> InputError {
    InputError::new(ErrorCode::Conflict, path, vi, en)
}

impl OrgEvaluator {
    /// An evaluator with these options.
    pub fn new(options: OrgOptions) -> OrgEvaluator {
        OrgEvaluator {
            options,
            units: Vec::new(),
            unit_ids: HashMap::new(),
            record_ids: HashTable::new(),
            id_hasher: DefaultHashBuilder::default(),
            summaries: Vec::new(),
            decisions: Vec::new(),
            collectives: Vec::new(),
            leaders: Vec::new(),
            capped: Vec::new(),
            person_facts: HashMap::new(),
            rejected: Vec::new(),
            state_rejected: Vec::new(),
            state: Vec::new(),
            state_ids: HashMap::new(),
            paired: Vec::new(),
            awaiting_state: AwaitingState::default(),
            state_groups: Vec::new(),
        }
    }

    /// Marks the next rejection as a state record's of `unit` (counted in the state
    /// figures only).
    pub(super) fn count_state_rejection(&mut self, unit: u32) {
        self.state_rejected.push((self.rejected.len(), unit));
    }

    pub(super) fn reject(
        &mut self,
        line: Option<usize>,
        unit: Option<&str>,
        id: Option<&str>,
        errors: Vec<InputError>,
    ) {
        self.rejected.push(RejectedEntry {
            line,
            unit: unit.map(str::to_owned),
            id: id.map(str::to_owned),
            errors,
        });
    }

    /// A record's JSON Pointer in its line or tree; made only when needed (an error, a
    /// record kept for later).
    pub(super) fn record_path(&self, unit: u32, role: Role, position: Option<usize>) -> String {
        let unit_path = self
            .units
            .get(unit as usize)
            .map_or("", |u| u.path.as_str());
        match position {
            Some(i) => format!("{unit_path}/{}/{i}", role.key()),
            None => format!("{unit_path}/{}", role.key()),
        }
    }

    pub(super) fn unit_id(&self, unit: u32) -> String {
        self.units
            .get(unit as usize)
            .map(|u| u.id.clone())
            .unwrap_or_default()
    }

    /// The id's hash as kept in `record_ids`, and as the table takes it.
    pub(super) fn id_hash(&self, id: &str) -> (u32, u64) {
        let short = short_hash(self.id_hasher.hash_one(id));
        (short, table_hash(short))
    }

    /// The record with this id, if it is in the tree and was not rejected.
    pub(super) fn find_record(&self, id: &str) -> Option<&RecordSummary> {
        let (short, hash) = self.id_hash(id);
        let &(_, record) = self
            .record_ids
            .find(hash, |&(h, r)| h == short && has_id(&self.summaries, r, id))?;
        self.summaries.get(record as usize)?.as_ref()
    }

    /// The index of the record with this id, if it is in the tree and was not rejected.
    pub(super) fn record_index(&self, id: &str) -> Option<u32> {
        let (short, hash) = self.id_hash(id);
        self.record_ids
            .find(hash, |&(h, r)| h == short && has_id(&self.summaries, r, id))
            .map(|&(_, record)| record)
    }

    /// Registers a record's id and reserves its slot (a placeholder summary until it is
    /// evaluated); an id already used gives the id of the unit that holds it first.
    pub(super) fn reserve(
        &mut self,
        id: &str,
        unit: u32,
        role: Role,
        collective_kind: Option<CollectiveKind>,
        regime: RegimeId,
    ) -> Result<u32, String> {
        let (short, hash) = self.id_hash(id);
        let index = u32::try_from(self.summaries.len()).unwrap_or(u32::MAX);
        let summaries = &self.summaries;
        match self.record_ids.entry(
            hash,
            |&(h, r)| h == short && has_id(summaries, r, id),
            |&(h, _)| table_hash(h),
        ) {
            Entry::Occupied(first) => {
                let first = first.get().1;
                let first_unit = summaries
                    .get(first as usize)
                    .and_then(Option::as_ref)
                    .map_or(u32::MAX, |s| s.unit);
                return Err(self.unit_id(first_unit));
            }
            Entry::Vacant(slot) => {
                slot.insert((short, index));
            }
        }
        self.summaries.push(Some(RecordSummary {
            id: id.into(),
            unit,
            role,
            collective_kind,
            regime,
            outcome: Outcome::NotClassified,
            level: None,
            score: None,
            needs_decision: false,
            excluded_by: None,
            tasks: (0, 0),
            quota_group: None,
            demoted: false,
            quota_rank: 0,
            tied_at_cut: false,
        }));
        if self.options.keep_decisions {
            self.decisions.push(None);
        }
        Ok(index)
    }

    pub(super) fn reject_reserved(
        &mut self,
        record: u32,
        line: Option<usize>,
        unit: &str,
        id: &str,
        errors: Vec<InputError>,
    ) {
        if let Some(slot) = self.summaries.get_mut(record as usize) {
            *slot = None;
        }
        self.reject(line, Some(unit), Some(id), errors);
    }

    pub(super) fn evaluate_now(
        &mut self,
        record: u32,
        valid: &ValidAssessment,
        derived: Option<Values>,
    ) {
        let Ok(mut decision) = evaluate_valid(valid, &self.options.evaluation) else {
            // validate() accepted the record, so its regime is implemented.
            return;
        };
        if let Some(values) = derived {
            if values.iter().next().is_some() {
                decision
                    .reasons
                    .insert(0, derived_reason(valid.regime, values));
            }
        }
        if let Some(Some(summary)) = self.summaries.get_mut(record as usize) {
            summary.outcome = decision.outcome;
            summary.level = decision.level;
            summary.score = decision.score;
            summary.needs_decision = decision.needs_decision;
            // A fresh decision: whatever the quota did before is for the quota to redo.
            summary.demoted = false;
            summary.excluded_by = decision
                .reasons
                .iter()
                .find(|r| r.effect == Effect::Excludes)
                .map(|r| r.rule);
            summary.tasks = decision.tasks.map_or((0, 0), |t| (t.exceeded, t.assigned));
            summary.quota_group = valid.quota_group.as_deref().map(Into::into);
        }
        if self.options.keep_decisions {
            if let Some(slot) = self.decisions.get_mut(record as usize) {
                *slot = Some(decision);
            }
        }
    }

    /// The level of a unit: its agency's if it has one, else its organisation's.
    pub(super) fn unit_rating(&self, unit: u32) -> Option<Level> {
        let u = self.units.get(unit as usize)?;
        let record = u.agency.or(u.organisation)?;
        let summary = self.summaries.get(record as usize)?.as_ref()?;
        (summary.outcome == Outcome::Classified)
            .then_some(summary.level)
            .flatten()
    }

    /// The regime a record is evaluated under, if it is in the tree.
    pub(super) fn regime_of(&self, record: u32) -> Option<RegimeId> {
        Some(self.summaries.get(record as usize)?.as_ref()?.regime)
    }
}

/// Which QĐ 132 cap a record takes from the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CapKind {
    /// A leadership collective, by its organisation (`collective.organisation_level`).
    Leadership,
    /// A head, by what they head (`leader.headed_level`).
    Head,
}

/// A QĐ 132 record whose level is capped by another record's, kept to derive the cap
/// again when levels change (the quota) and to check a given cap against the final one.
pub(super) struct Capped {
    pub(super) pending: Pending,
    pub(super) kind: CapKind,
    /// The leadership collective's unit, or the units the head heads.
    pub(super) units: Vec<u32>,
    /// The cap given in the record.
    pub(super) explicit: Option<Level>,
    /// The cap derived when last evaluated (`None`: nothing in the tree to derive from).
    pub(super) derived: Option<Level>,
    /// The other facts derived for it (the leadership members'), shown with the cap.
    pub(super) values: Values,
}

/// Party members evaluated without a state pair, kept for a state record that may come
/// later in the input: the latest [`MAX_PARTY_AWAITING_STATE`] not paired since.
///
/// The validated records (several hundred bytes each) sit in slots that are reused, and
/// only a record's index and slot number are hashed and queued: a map holding the records
/// themselves moved each one in and out again and let the memory of the evicted ones go
/// cold, a quarter more CPU on a party-only tree (`docs/performance.md`).
#[derive(Default)]
pub(super) struct AwaitingState {
    /// Kept records: their place in their unit's `members` and their slot.
    kept: HashMap<u32, (Option<usize>, u32)>,
    /// The records of `kept` oldest first (some already paired and gone).
    order: VecDeque<u32>,
    /// The validated records; `None` in a free slot.
    slots: Vec<Option<ValidAssessment>>,
    /// Free slots.
    free: Vec<u32>,
}

impl AwaitingState {
    /// Keeps an evaluated party member; the oldest kept is let go past
    /// [`MAX_PARTY_AWAITING_STATE`].
    pub(super) fn keep(&mut self, record: u32, position: Option<usize>, valid: ValidAssessment) {
        let slot = match self.free.pop() {
            Some(slot) => {
                if let Some(free) = self.slots.get_mut(slot as usize) {
                    *free = Some(valid);
                }
                slot
            }
            None => {
                self.slots.push(Some(valid));
                u32::try_from(self.slots.len() - 1).unwrap_or(u32::MAX)
            }
        };
        if let Some((_, replaced)) = self.kept.insert(record, (position, slot)) {
            self.release(replaced);
        }
        self.order.push_back(record);
        while self.kept.len() > MAX_PARTY_AWAITING_STATE {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some((_, slot)) = self.kept.remove(&oldest) {
                self.release(slot);
            }
        }
        // Entries paired and gone leave their record in the order: dropped once they
        // outnumber the kept ones.
        if self.order.len() > 2 * MAX_PARTY_AWAITING_STATE {
            let kept = &self.kept;
            self.order.retain(|r| kept.contains_key(r));
        }
    }

    /// Takes a kept member out: its place in its unit's `members` and its record.
    pub(super) fn take(&mut self, record: u32) -> Option<(Option<usize>, ValidAssessment)> {
        let (position, slot) = self.kept.remove(&record)?;
        let valid = self.slots.get_mut(slot as usize)?.take()?;
        self.free.push(slot);
        Some((position, valid))
    }

    /// How many slots were ever needed.
    #[cfg(test)]
    pub(super) fn slot_count(&self) -> usize {
        self.slots.len()
    }

    /// Drops a slot's record (in place) and frees the slot.
    fn release(&mut self, slot: u32) {
        if let Some(Some(_)) = self.slots.get(slot as usize) {
            if let Some(held) = self.slots.get_mut(slot as usize) {
                *held = None;
            }
            self.free.push(slot);
        }
    }
}

/// A state record of the tree.
pub(super) struct StateEntry {
    /// Its unit.
    pub(super) unit: u32,
    /// Its place in the unit.
    pub(super) role: Role,
    /// Its JSON Pointer.
    pub(super) path: String,
    /// The record, validated.
    pub(super) valid: ValidAssessment,
    /// Its decision, once evaluated.
    pub(super) decision: Option<Decision>,
    /// Rejected once the tree was read (a conflict with the tree).
    pub(super) rejected: bool,
    /// A party member with the same id came before it in the input, too long before to
    /// be kept ([`MAX_PARTY_AWAITING_STATE`]).
    pub(super) late_party: bool,
}
