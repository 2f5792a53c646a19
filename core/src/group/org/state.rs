//! State records in a tree (`spec/state-regimes.md` §2.3, design §9): they sit in the
//! same `members` and `leaders` slots as party records, with the unit's state agency
//! record in `state_agency`; ids are unique per rating, and a state and a party record
//! with one id are a pair (the party record reads the state result, as in a batch:
//! `api/pairs.rs`).
//!
//! Once every unit is in, before the party records: the agency of each state record
//! (the nearest unit holding a `state_agency` record, else the root), the agency
//! records, then the people bottom-up — a leader's `d` read from the period scores of
//! the staff of the units it leads (`nd335.15.3.a`), ND 90's managed units, a head's cap
//! from its unit's level — then the state quota (per group, then per agency, with ND 90's
//! rate derived from the paired party records when not given), and last the pairs'
//! party records linked.

use crate::contract::decision::Effect;
use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::fields::RegimeField;
use crate::contract::level::{Level, Outcome};
use crate::contract::limits::MAX_PARTY_AWAITING_STATE;
use crate::contract::org::Role;
use crate::contract::org::{ScoreMean, StateGroupReport, StateUnitReport};
use crate::contract::regime::RegimeId;
use crate::contract::state::QuotaScope;
use crate::contract::state::{ManagedUnits, Rating, StateRatingInput, StateRatingSource};
use crate::contract::state_options::LeaderComponents;
use crate::contract::subject::SubjectKind;
use crate::exact::{int, round_half_away, text, Exact};
use crate::group::org::evaluator::{conflict, derived_reason, OrgEvaluator, Pending, StateEntry};
use crate::group::org::report::{Percents, Tally};
use crate::group::pairs::{
    computed_state_rating, missing_state_pair, pair_conflict, rate_agencies, rates_from,
    state_pair_rejected_reason,
};
use crate::group::quota::state::apply_state_quota_with;
use crate::intake::validate::link::civil_service_level;
use crate::model::{PeriodKey, StateRatingRead, TaskResults, ValidAssessment};
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::dispatch::evaluate_valid;
use crate::regimes::fields::reads;
use crate::regimes::state::link::refresh_mismatch;
use crate::rules::reason::{Fact, Value, Values};
use chrono::Datelike;
use std::collections::{BTreeMap, BTreeSet};

/// What linking a pair's party record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// It reads its state result.
    Linked,
    /// Its state record was rejected: evaluated without it, with an info reason.
    StateRejected,
    /// Rejected itself.
    Rejected,
}

impl StateEntry {
    fn is_person(&self) -> bool {
        matches!(self.role, Role::Leader | Role::Member)
    }

    fn year(&self) -> i32 {
        self.valid.period.to.year()
    }

    /// The exact score of the period `key`, if it is a period of work.
    fn period_score(&self, key: PeriodKey) -> Option<&Exact> {
        let part = self.decision.as_ref()?.state.as_deref()?;
        part.periods
            .iter()
            .find(|p| p.key == key)
            .and_then(|p| p.work.as_ref())
            .map(|w| &w.score)
    }
}

/// ` (a, b)` naming the staff, or nothing when there are none.
fn staff_named(names: &[&str]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" ({})", staff_list(names))
    }
}

fn staff_list(names: &[&str]) -> String {
    let mut shown: Vec<&str> = names.iter().copied().take(10).collect();
    if names.len() > shown.len() {
        shown.push("…");
    }
    shown.join(", ")
}

impl OrgEvaluator {
    /// Places a valid state record: kept until the tree is read.
    pub(super) fn place_state(
        &mut self,
        unit: u32,
        role: Role,
        position: Option<usize>,
        valid: ValidAssessment,
        line: Option<usize>,
    ) {
        let path = self.record_path(unit, role, position);
        if let Some(&first) = self.state_ids.get(valid.id.as_str()) {
            let first_unit = self.state.get(first as usize).map_or(u32::MAX, |e| e.unit);
            let first_unit = self.unit_id(first_unit);
            let error = InputError::new(
                ErrorCode::InvalidValue,
                format!("{path}/id"),
                format!(
                    "Mã hồ sơ đánh giá của Nhà nước `{}` đã dùng (đơn vị {first_unit})",
                    valid.id
                ),
                format!(
                    "state record id `{}` is already used (unit {first_unit})",
                    valid.id
                ),
            );
            let unit_id = self.unit_id(unit);
            self.count_state_rejection(unit);
            self.reject(line, Some(&unit_id), Some(&valid.id), vec![error]);
            return;
        }
        let late_party = role != Role::StateAgency && !self.can_link_earlier_party(&valid.id);
        let index = u32::try_from(self.state.len()).unwrap_or(u32::MAX);
        self.state_ids.insert(valid.id.clone(), index);
        if let Some(u) = self.units.get_mut(unit as usize) {
            u.state_records.push(index);
            if role == Role::StateAgency {
                u.state_agency = Some(index);
            }
        }
        self.state.push(StateEntry {
            unit,
            role,
            path,
            valid,
            decision: None,
            rejected: false,
            late_party,
        });
    }

    /// A person's state record placed after a party record with its id: a party member
    /// kept since ([`MAX_PARTY_AWAITING_STATE`]) waits for the state result as if it had
    /// come second (a leader waits anyway). False for a member let go before: the pair
    /// cannot be linked.
    fn can_link_earlier_party(&mut self, id: &str) -> bool {
        let Some(record) = self.record_index(id) else {
            return true;
        };
        let Some(Some(summary)) = self.summaries.get(record as usize) else {
            return true;
        };
        if summary.role != Role::Member {
            return true;
        }
        let unit = summary.unit;
        let Some((position, valid)) = self.awaiting_state.take(record) else {
            return false;
        };
        let path = self.record_path(unit, Role::Member, position);
        self.paired.push(Pending {
            record,
            valid,
            path,
        });
        true
    }

    /// Whether a party record with this id is the party half of a pair.
    pub(super) fn pairs_with_state(&self, id: &str) -> bool {
        self.state_ids
            .get(id)
            .and_then(|&i| self.state.get(i as usize))
            .is_some_and(StateEntry::is_person)
    }

    /// Whether `name` (in `led_by` or `head`) names a state leader record.
    pub(super) fn is_state_leader(&self, name: &str) -> bool {
        self.state_ids
            .get(name)
            .and_then(|&i| self.state.get(i as usize))
            .is_some_and(|e| e.role == Role::Leader)
    }

    fn reject_state(&mut self, index: usize, errors: Vec<InputError>) {
        let Some(entry) = self.state.get_mut(index) else {
            return;
        };
        entry.rejected = true;
        entry.decision = None;
        let (unit, id) = (entry.unit, entry.valid.id.clone());
        let line = self.units.get(unit as usize).and_then(|u| u.line);
        let unit_id = self.unit_id(unit);
        self.count_state_rejection(unit);
        self.reject(line, Some(&unit_id), Some(&id), errors);
    }

    fn evaluate_state_entry(&mut self, index: usize, derived: Vec<Values>) {
        let options = self.options.evaluation;
        let Some(entry) = self.state.get_mut(index) else {
            return;
        };
        let Ok(mut decision) = evaluate_valid(&entry.valid, &options) else {
            return;
        };
        for values in derived.into_iter().rev() {
            decision
                .reasons
                .insert(0, derived_reason(entry.valid.regime, values));
        }
        entry.decision = Some(decision);
    }

    /// The agency of each unit's state records: the id of the nearest unit (itself or
    /// an ancestor) holding a state agency record, else the root's id.
    fn state_agencies(&self, preorder: &[u32]) -> Vec<String> {
        let mut agency = vec![String::new(); self.units.len()];
        for &unit in preorder {
            let Some(u) = self.units.get(unit as usize) else {
                continue;
            };
            let own = u.state_agency.is_some_and(|a| {
                self.state.get(a as usize).is_some_and(|e| {
                    e.valid
                        .state
                        .as_deref()
                        .is_some_and(|s| s.unit_level.is_some())
                })
            });
            let name = if own {
                u.id.clone()
            } else {
                u.parent
                    .and_then(|p| agency.get(p as usize))
                    .cloned()
                    .unwrap_or_else(|| u.id.clone())
            };
            if let Some(slot) = agency.get_mut(unit as usize) {
                *slot = name;
            }
        }
        agency
    }

    /// The state records of the subtrees of `units`, each once.
    fn state_in_subtrees(&self, units: &[u32]) -> BTreeSet<usize> {
        let mut found = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut stack: Vec<u32> = units.to_vec();
        while let Some(unit) = stack.pop() {
            if !seen.insert(unit) {
                continue;
            }
            let Some(u) = self.units.get(unit as usize) else {
                continue;
            };
            found.extend(u.state_records.iter().map(|&r| r as usize));
            stack.extend(u.children.iter().copied());
        }
        found
    }

    /// Evaluates every state record of the tree and applies the state quota; then links
    /// the pairs' party records. Called once the tree is linked, before the party jobs.
    pub(super) fn evaluate_state(&mut self, preorder: &[u32]) {
        if self.state.is_empty() {
            return;
        }
        let agencies = self.state_agencies(preorder);
        for entry in &mut self.state {
            let name = agencies
                .get(entry.unit as usize)
                .cloned()
                .unwrap_or_default();
            if let Some(facts) = entry.valid.state.as_deref_mut() {
                if facts.agency.is_none() {
                    facts.agency = Some(name);
                }
            }
        }
        // Units by the state leader that `led_by` and `head` name.
        let mut led: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        let mut headed: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        for (index, unit) in self.units.iter().enumerate() {
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            for name in &unit.led_by {
                if let Some(&i) = self.state_ids.get(name.as_str()) {
                    led.entry(i as usize).or_default().push(index);
                }
            }
            if let Some(name) = &unit.head_leader {
                if let Some(&i) = self.state_ids.get(name.as_str()) {
                    headed.entry(i as usize).or_default().push(index);
                }
            }
        }
        // 1. Agency records.
        for index in 0..self.state.len() {
            if self.state[index].role == Role::StateAgency {
                self.evaluate_state_entry(index, Vec::new());
            }
        }
        // 2. People: those who read nothing from other people first, then the leaders
        // whose staff are all evaluated (bottom-up).
        let mut staff: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (&leader, units) in &led {
            let Some(entry) = self.state.get(leader) else {
                continue;
            };
            if entry.role != Role::Leader || entry.valid.regime == RegimeId::Nd90 {
                continue;
            }
            let (regime, year) = (entry.valid.regime, entry.year());
            let list: Vec<usize> = self
                .state_in_subtrees(units)
                .into_iter()
                .filter(|&i| {
                    i != leader
                        && self.state.get(i).is_some_and(|s| {
                            s.is_person() && s.valid.regime == regime && s.year() == year
                        })
                })
                .collect();
            staff.insert(leader, list);
        }
        let mut waiting: Vec<usize> = Vec::new();
        for index in 0..self.state.len() {
            if !self.state[index].is_person() || self.state[index].rejected {
                continue;
            }
            if staff.contains_key(&index) {
                waiting.push(index);
            } else {
                self.evaluate_person(index, None, &led, &headed);
            }
        }
        while !waiting.is_empty() {
            let (ready, rest): (Vec<usize>, Vec<usize>) = waiting.iter().partition(|&&l| {
                staff
                    .get(&l)
                    .is_none_or(|list| list.iter().all(|s| !waiting.contains(s)))
            });
            if ready.is_empty() {
                for index in rest {
                    let path = self.state[index].path.clone();
                    let error = conflict(
                        format!("{path}/periods"),
                        "Vòng lặp trong cây: người lãnh đạo này ở trong số công chức thuộc quyền quản lý của một người mà chính họ quản lý (hoặc phụ thuộc vào vòng lặp đó)".to_owned(),
                        "a cycle in the tree: this leader is among the staff of a leader who is among their own staff (or depends on such a cycle)".to_owned(),
                    );
                    self.reject_state(index, vec![error]);
                }
                break;
            }
            for index in ready {
                let list = staff.get(&index).cloned().unwrap_or_default();
                self.evaluate_person(index, Some(&list), &led, &headed);
            }
            waiting = rest;
        }
        // 3. The state quota, with ND 90's rates derived from the paired party records.
        if let Some(quota) = self.options.quota.clone() {
            let derived = {
                let states = self.state.iter().filter_map(|e| e.decision.as_ref());
                let agency_of = rate_agencies(states, &quota);
                if agency_of.is_empty() {
                    BTreeMap::new()
                } else {
                    let options = self.options.evaluation;
                    let party: Vec<Decision> = self
                        .paired_party()
                        .into_iter()
                        .filter(|v| agency_of.contains_key(v.id.as_str()))
                        .filter_map(|v| {
                            let mut unlinked = v.clone();
                            unlinked.state_rating = None;
                            evaluate_valid(&unlinked, &options).ok()
                        })
                        .collect();
                    rates_from(party, &agency_of, &quota)
                }
            };
            let taken: Vec<usize> = (0..self.state.len())
                .filter(|&i| self.state[i].decision.is_some())
                .collect();
            let mut decisions: Vec<Decision> = taken
                .iter()
                .filter_map(|&i| self.state[i].decision.take())
                .collect();
            self.state_groups = apply_state_quota_with(&mut decisions, &quota, &derived);
            for (i, decision) in taken.into_iter().zip(decisions) {
                self.state[i].decision = Some(decision);
            }
        }
        self.link_pairs();
    }

    /// The party records of the pairs (validated), for the derived party rate.
    fn paired_party(&self) -> Vec<&ValidAssessment> {
        self.paired
            .iter()
            .map(|p| &p.valid)
            .chain(
                self.leaders
                    .iter()
                    .filter(|p| self.pairs_with_state(&p.valid.id))
                    .map(|p| &p.valid),
            )
            .collect()
    }

    /// Derives what a person's state record takes from the tree, checks what it gives,
    /// and evaluates it (or rejects it for a conflict).
    fn evaluate_person(
        &mut self,
        index: usize,
        staff: Option<&[usize]>,
        led: &BTreeMap<usize, Vec<u32>>,
        headed: &BTreeMap<usize, Vec<u32>>,
    ) {
        let mut errors = Vec::new();
        let mut derived = Vec::new();
        let Some(entry) = self.state.get(index) else {
            return;
        };
        let path = entry.path.clone();
        let leader = entry.role == Role::Leader;
        let regime = entry.valid.regime;
        let components = self.options.evaluation.leader_components;
        let mut valid = entry.valid.clone();
        // `d`: staff under 50 in each period (nd335, nd233).
        if leader && regime != RegimeId::Nd90 {
            let kind = valid.state.as_deref().and_then(|s| s.period_kind);
            match staff {
                Some(staff) => {
                    let mismatched: Vec<&str> = staff
                        .iter()
                        .filter_map(|&s| self.state.get(s))
                        .filter(|s| {
                            let other = s.valid.state.as_deref().and_then(|f| f.period_kind);
                            kind.is_some() && other.is_some() && other != kind
                        })
                        .map(|s| s.valid.id.as_str())
                        .collect();
                    if !mismatched.is_empty() {
                        errors.push(conflict(
                            format!("{path}/periods"),
                            format!(
                                "Kỳ chấm (tháng hoặc quý) của người lãnh đạo khác kỳ của công chức thuộc quyền quản lý: {}",
                                staff_list(&mismatched)
                            ),
                            format!(
                                "the leader is scored by a different kind of period (months or quarters) than their staff: {}",
                                staff_list(&mismatched)
                            ),
                        ));
                    }
                    let (mut under_total, mut counted_total) = (0u32, 0u32);
                    let fifty = int(50);
                    if let Some(facts) = valid.state.as_deref_mut() {
                        for (i, period) in facts.periods.iter_mut().enumerate() {
                            let Some(work) = period.work.as_mut() else {
                                continue;
                            };
                            let TaskResults::Products(_, Some(unit)) = &mut work.results else {
                                continue;
                            };
                            let mut counted = 0u32;
                            let mut under: Vec<&str> = Vec::new();
                            for s in staff.iter().filter_map(|&s| self.state.get(s)) {
                                if let Some(score) = s.period_score(period.key) {
                                    counted += 1;
                                    if *score < fifty {
                                        under.push(s.valid.id.as_str());
                                    }
                                }
                            }
                            let k = u32::try_from(under.len()).unwrap_or(u32::MAX);
                            let at = format!("{path}/periods/{i}/unit");
                            if let Some(given) = unit.staff_not_completed {
                                if given != k {
                                    errors.push(conflict(
                                        format!("{at}/staff_not_completed"),
                                        format!(
                                            "Đã ghi {given} công chức dưới 50 điểm trong kỳ {}, cây tổ chức cho {k}{}",
                                            period.key.number(),
                                            staff_named(&under)
                                        ),
                                        format!(
                                            "{given} staff under 50 given for period {}, the tree gives {k}{}",
                                            period.key.number(),
                                            staff_named(&under)
                                        ),
                                    ));
                                }
                            }
                            if let Some(d) = unit.d {
                                if components == LeaderComponents::Text
                                    && (d == Points::whole(1)) != (k == 0)
                                {
                                    errors.push(conflict(
                                        format!("{at}/d"),
                                        format!(
                                            "d = {d} mâu thuẫn với cây tổ chức: {k} công chức dưới 50 điểm trong kỳ {}{}",
                                            period.key.number(),
                                            staff_named(&under)
                                        ),
                                        format!(
                                            "d = {d} contradicts the tree: {k} staff under 50 in period {}{}",
                                            period.key.number(),
                                            staff_named(&under)
                                        ),
                                    ));
                                }
                            }
                            unit.staff_not_completed = Some(k);
                            unit.staff_counted = Some(counted);
                            under_total = under_total.saturating_add(k);
                            counted_total = counted_total.saturating_add(counted);
                        }
                    }
                    derived.push(Values::of(&[
                        (Fact::StaffNotCompleted, Value::count(under_total)),
                        (Fact::StaffCounted, Value::count(counted_total)),
                    ]));
                }
                None => {
                    // Nothing derives `d`: each period scored from products gives it.
                    if let Some(facts) = valid.state.as_deref() {
                        for (i, period) in facts.periods.iter().enumerate() {
                            let Some(work) = &period.work else { continue };
                            if let TaskResults::Products(_, Some(unit)) = &work.results {
                                if unit.staff_not_completed.is_none() && unit.d.is_none() {
                                    errors.push(InputError::new(
                                        ErrorCode::MissingField,
                                        format!("{path}/periods/{i}/unit/staff_not_completed"),
                                        "số công chức thuộc quyền quản lý dưới 50 điểm trong kỳ (hoặc `d`): không đơn vị nào trong cây nêu người này ở `led_by`",
                                        "the number of staff under 50 in the period (or `d`): no unit of the tree names this leader in `led_by`",
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
        // ND 90: the managed units' levels.
        if leader && regime == RegimeId::Nd90 {
            if let Some(units) = led.get(&index) {
                let own = self.state.get(index).map(|e| e.unit);
                let mut managed = ManagedUnits::default();
                for &unit in units.iter().filter(|&&u| Some(u) != own) {
                    let Some(level) = self.state_unit_level(unit) else {
                        continue;
                    };
                    managed.total += 1;
                    if level >= Level::Completed {
                        managed.completed_or_better += 1;
                    }
                    if level >= Level::Good {
                        managed.good_or_better += 1;
                    }
                }
                if let Some(facts) = valid.state.as_deref_mut() {
                    match facts.managed_units {
                        Some(given) if given != managed => errors.push(conflict(
                            format!("{path}/managed_units"),
                            format!(
                                "Đã ghi {}/{}/{} đơn vị trực thuộc (tổng/từ Hoàn thành/từ Hoàn thành tốt), cây tổ chức cho {}/{}/{}",
                                given.total, given.completed_or_better, given.good_or_better,
                                managed.total, managed.completed_or_better, managed.good_or_better
                            ),
                            format!(
                                "managed units given as {}/{}/{} (total/Completed or better/Good or better), the tree gives {}/{}/{}",
                                given.total, given.completed_or_better, given.good_or_better,
                                managed.total, managed.completed_or_better, managed.good_or_better
                            ),
                        )),
                        _ => facts.managed_units = Some(managed),
                    }
                }
                derived.push(Values::of(&[
                    (Fact::ManagedTotal, Value::count(managed.total)),
                    (
                        Fact::CompletedOrBetter,
                        Value::count(managed.completed_or_better),
                    ),
                    (Fact::GoodOrBetter, Value::count(managed.good_or_better)),
                ]));
            }
        }
        // The head's cap: the level of the unit headed (nd335, nd233).
        if leader && regime != RegimeId::Nd90 {
            let level = headed
                .get(&index)
                .and_then(|units| units.iter().find_map(|&u| self.state_unit_level(u)));
            if let Some(level) = level {
                match valid.leader.headed_level {
                    Some(given) if given != level => errors.push(conflict(
                        format!("{path}/leader/headed_level"),
                        format!(
                            "Đã ghi mức xếp loại của đơn vị đứng đầu là {}, cây tổ chức cho {}",
                            given.as_str(),
                            level.as_str()
                        ),
                        format!(
                            "`headed_level` is given as {}, the tree gives {}",
                            given.as_str(),
                            level.as_str()
                        ),
                    )),
                    _ => valid.leader.headed_level = Some(level),
                }
                derived.push(Values::of(&[(Fact::CapLevel, Value::Level(level))]));
            }
        }
        if !errors.is_empty() {
            self.reject_state(index, errors);
            return;
        }
        if let Some(entry) = self.state.get_mut(index) {
            entry.valid = valid;
        }
        self.evaluate_state_entry(index, derived);
    }

    /// The level of a unit's state agency record, if it has one that was evaluated.
    fn state_unit_level(&self, unit: u32) -> Option<Level> {
        let record = self.units.get(unit as usize)?.state_agency?;
        let decision = self.state.get(record as usize)?.decision.as_ref()?;
        (decision.outcome == Outcome::Classified)
            .then_some(decision.level)
            .flatten()
    }

    /// The pairs' party records read their state result: members waiting since they were
    /// placed (or kept since they were evaluated, their state record coming later) are
    /// evaluated; leaders (still pending) read it before their evaluation. A party member
    /// placed too long before its state record to be kept ([`MAX_PARTY_AWAITING_STATE`])
    /// is rejected; one whose state record was rejected follows decision D-16.
    fn link_pairs(&mut self) {
        // Party members let go before their state record came.
        let late: Vec<String> = self
            .state
            .iter()
            .filter(|e| e.late_party)
            .map(|e| e.valid.id.clone())
            .collect();
        for id in late {
            let Some(record) = self.record_index(&id) else {
                continue;
            };
            let unit = self
                .summaries
                .get(record as usize)
                .and_then(Option::as_ref)
                .map_or(u32::MAX, |s| s.unit);
            let line = self.units.get(unit as usize).and_then(|u| u.line);
            let unit_id = self.unit_id(unit);
            if let Some(slot) = self.decisions.get_mut(record as usize) {
                *slot = None;
            }
            let error = conflict(
                "/id".to_owned(),
                format!("Hồ sơ đánh giá của Nhà nước cùng mã `{id}` đứng sau hồ sơ này hơn {MAX_PARTY_AWAITING_STATE} hồ sơ đảng viên: hãy đặt nó gần hơn (cùng đơn vị hoặc một đơn vị đứng trước)"),
                format!("the state record with the same id `{id}` comes more than {MAX_PARTY_AWAITING_STATE} party members after this record: put it nearer (in the same unit or one before)"),
            );
            self.reject_reserved(record, line, &unit_id, &id, vec![error]);
        }
        let members = std::mem::take(&mut self.paired);
        for mut p in members {
            let link = self.link_one(&mut p);
            if link != Link::Rejected {
                self.evaluate_now(p.record, &p.valid, None);
                self.note_link(&p, link);
            }
        }
        let leaders = std::mem::take(&mut self.leaders);
        let mut kept = Vec::with_capacity(leaders.len());
        for mut p in leaders {
            if !self.pairs_with_state(&p.valid.id) {
                kept.push(p);
                continue;
            }
            let link = self.link_one(&mut p);
            if link != Link::Rejected {
                // Under the regimes that grade criteria a leader is rated now (as when
                // placed); under QĐ 366 once its units in charge are derived.
                if !reads(p.valid.regime, RegimeField::UnitsInCharge) {
                    self.evaluate_now(p.record, &p.valid, None);
                    self.note_link(&p, link);
                }
                kept.push(p);
            }
        }
        self.leaders = kept;
    }

    /// Adds the info reason of D-16 to a kept party decision whose state record was
    /// rejected.
    fn note_link(&mut self, p: &Pending, link: Link) {
        if link != Link::StateRejected {
            return;
        }
        if let Some(Some(decision)) = self.decisions.get_mut(p.record as usize) {
            decision.reasons.push(state_pair_rejected_reason());
        }
    }

    /// Sets a pair's party record's state rating from its state decision.
    fn link_one(&mut self, p: &mut Pending) -> Link {
        let state = self
            .state_ids
            .get(p.valid.id.as_str())
            .and_then(|&i| self.state.get(i as usize))
            .and_then(|e| e.decision.as_ref());
        let unit = self
            .summaries
            .get(p.record as usize)
            .and_then(Option::as_ref)
            .map_or(u32::MAX, |s| s.unit);
        let line = self.units.get(unit as usize).and_then(|u| u.line);
        let unit_id = self.unit_id(unit);
        let id = p.valid.id.clone();
        let Some(state) = state else {
            if let Some(errors) = missing_state_pair(p.valid.regime, &self.options.evaluation) {
                let errors = super::evaluator::prefixed(errors.0, &p.path);
                self.reject_reserved(p.record, line, &unit_id, &id, errors);
                return Link::Rejected;
            }
            return Link::StateRejected;
        };
        let computed = computed_state_rating(state);
        let employment = state.state.as_deref().and_then(|s| s.employment);
        let mut errors = Vec::new();
        let year = p.valid.period.to.year();
        if computed.year != year {
            errors.push(conflict(
                format!("{}/state_rating/year", p.path),
                format!(
                    "Hồ sơ đánh giá của Nhà nước cùng mã là của năm {}, không phải năm đánh giá {year}",
                    computed.year
                ),
                format!(
                    "the state record with the same id rates {}, not the rating year {year}",
                    computed.year
                ),
            ));
        }
        if let Some(given) = &p.valid.state_rating {
            let given = StateRatingInput {
                regime: given.regime.map(|r| r.as_str().to_owned()),
                year: given.year,
                level: given.level,
                source: Some(given.source),
            };
            if let Some(conflict) = pair_conflict(&given, &computed) {
                errors.extend(super::evaluator::prefixed(conflict.0, &p.path));
            }
        } else if p.valid.civil_service_level.is_some()
            && p.valid.civil_service_level != computed.level.level()
        {
            errors.push(conflict(
                format!("{}/civil_service_level", p.path),
                format!(
                    "`civil_service_level` khác kết quả tính từ hồ sơ đánh giá của Nhà nước cùng mã ({})",
                    computed.level.as_str()
                ),
                format!(
                    "`civil_service_level` differs from the one computed from the state record with the same id ({})",
                    computed.level.as_str()
                ),
            ));
        }
        if !errors.is_empty() {
            self.reject_reserved(p.record, line, &unit_id, &id, errors);
            return Link::Rejected;
        }
        let read = StateRatingRead {
            regime: computed.regime.as_deref().and_then(RegimeId::parse),
            year: computed.year,
            level: computed.level,
            source: StateRatingSource::Computed,
            employment,
        };
        p.valid.civil_service_level = civil_service_level(p.valid.civil_service_level, Some(&read));
        p.valid.state_rating = Some(read);
        Link::Linked
    }
}

/// Counts over state records: the party statistics' tally and the annual scores' sum.
#[derive(Debug, Clone, Default)]
struct StateTally {
    tally: Tally,
    /// Σ annual scores (hundredths) and how many.
    scores: (i128, u64),
}

impl StateTally {
    fn add(&mut self, d: &Decision) {
        let excluded_by = d
            .reasons
            .iter()
            .find(|r| r.effect == Effect::Excludes)
            .map(|r| r.rule);
        let demoted = d.quota.as_ref().is_some_and(|q| q.demoted);
        self.tally
            .add_outcome(d.outcome, d.level, excluded_by, d.needs_decision, demoted);
        if let (Outcome::Classified, Some(score)) = (d.outcome, d.score) {
            self.scores.0 += i128::from(score.hundredths());
            self.scores.1 += 1;
        }
    }

    fn merge(&mut self, other: &StateTally) {
        self.tally.merge(&other.tally);
        self.scores.0 += other.scores.0;
        self.scores.1 += other.scores.1;
    }

    fn mean(&self) -> Option<ScoreMean> {
        let (sum, count) = self.scores;
        if count == 0 {
            return None;
        }
        let mean = Exact::new(sum.into(), (i128::from(count) * 100).into());
        Some(ScoreMean {
            scored: count,
            exact: text(&mean),
            display: round_half_away(&mean, 1).to_string(),
        })
    }
}

/// The quota group a state decision was counted in (as the state quota names it).
fn group_name(d: &Decision, agency: &str) -> String {
    d.quota_group.clone().unwrap_or_else(|| {
        let who = if d.subject_kind == SubjectKind::Leader {
            "leaders"
        } else {
            "members"
        };
        format!("{agency}/{who}")
    })
}

impl OrgEvaluator {
    /// The state statistics: per unit (own records and subtree) in tree order, for the
    /// units with state records in their subtree; per state quota group and agency.
    pub(super) fn state_report(
        &mut self,
        preorder: &[u32],
        percents: &mut Percents,
    ) -> (Vec<StateUnitReport>, Vec<StateGroupReport>) {
        let reports = std::mem::take(&mut self.state_groups);
        if self.state.is_empty() && self.state_rejected.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let mut own: Vec<StateTally> = vec![StateTally::default(); self.units.len()];
        let mut present = vec![false; self.units.len()];
        type Key = (i32, RegimeId, QuotaScope, String);
        let mut groups: BTreeMap<Key, StateTally> = BTreeMap::new();
        for entry in &self.state {
            let Some(d) = entry.decision.as_ref() else {
                continue;
            };
            if let Some(flag) = present.get_mut(entry.unit as usize) {
                *flag = true;
            }
            if d.subject_kind == SubjectKind::Collective {
                continue;
            }
            if let Some(tally) = own.get_mut(entry.unit as usize) {
                tally.add(d);
            }
            let Some(part) = d.state.as_deref() else {
                continue;
            };
            if d.outcome != Outcome::Classified || part.no_regime {
                continue;
            }
            let year = part.year;
            for (scope, name) in [
                (QuotaScope::Group, group_name(d, &part.agency)),
                (QuotaScope::Agency, part.agency.clone()),
            ] {
                groups
                    .entry((year, d.regime, scope, name))
                    .or_default()
                    .add(d);
            }
        }
        for &(_, unit) in &self.state_rejected {
            if let Some(tally) = own.get_mut(unit as usize) {
                tally.tally.add_rejected();
            }
            if let Some(flag) = present.get_mut(unit as usize) {
                *flag = true;
            }
        }
        let mut subtree = own.clone();
        for &unit in preorder.iter().rev() {
            let Some(parent) = self.units.get(unit as usize).and_then(|u| u.parent) else {
                continue;
            };
            let child = subtree.get(unit as usize).cloned().unwrap_or_default();
            let has = present.get(unit as usize).copied().unwrap_or(false);
            if let Some(p) = subtree.get_mut(parent as usize) {
                p.merge(&child);
            }
            if has {
                if let Some(flag) = present.get_mut(parent as usize) {
                    *flag = true;
                }
            }
        }
        let agencies = self.state_agencies(preorder);
        let mut units = Vec::new();
        for &unit in preorder {
            let index = unit as usize;
            if !present.get(index).copied().unwrap_or(false) {
                continue;
            }
            let Some(u) = self.units.get(index) else {
                continue;
            };
            let (own, subtree) = (&own[index], &subtree[index]);
            units.push(StateUnitReport {
                id: u.id.clone(),
                name: u.name.clone(),
                parent: u
                    .parent
                    .and_then(|p| self.units.get(p as usize))
                    .map(|p| p.id.clone()),
                depth: u.depth,
                agency: agencies.get(index).cloned().unwrap_or_default(),
                rating: self.state_unit_level(unit),
                own: own.tally.stats(percents),
                own_mean: own.mean(),
                subtree: subtree.tally.stats(percents),
                subtree_mean: subtree.mean(),
            });
        }
        let empty = StateTally::default();
        let groups = reports
            .into_iter()
            .map(|quota| {
                let tally = groups
                    .get(&(quota.year, quota.regime, quota.scope, quota.name.clone()))
                    .unwrap_or(&empty);
                StateGroupReport {
                    stats: tally.tally.stats(percents),
                    mean: tally.mean(),
                    quota,
                }
            })
            .collect();
        (units, groups)
    }

    /// A unit's state decisions, agency record first, then leaders and members in input
    /// order (taken for the output).
    pub(super) fn take_state_records(&mut self, unit: u32) -> Vec<(Role, Decision)> {
        let Some(u) = self.units.get(unit as usize) else {
            return Vec::new();
        };
        let mut records: Vec<(Role, Decision)> = Vec::new();
        for &index in &u.state_records {
            if let Some(entry) = self.state.get_mut(index as usize) {
                if let Some(d) = entry.decision.take() {
                    records.push((entry.role, d));
                }
            }
        }
        records.sort_by_key(|(role, _)| *role);
        records
    }
}

impl OrgEvaluator {
    /// The pairs' party decisions: the mismatch findings on their final levels (after
    /// the party quota).
    pub(super) fn refresh_link_findings(&mut self) {
        if self.state.is_empty() {
            return;
        }
        for decision in self.decisions.iter_mut().flatten() {
            if decision.rating == Rating::Party && decision.state_rating.is_some() {
                refresh_mismatch(decision);
            }
        }
    }
}
