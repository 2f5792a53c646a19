//! Facts derived from the tree, in the order of Art. 12.2 (`spec/group-rules.md` §3): the
//! collectives from the units below them and the leadership's members, the QĐ 366
//! leaders from the units in their charge.

use crate::contract::assessment::{LevelCounts, UnitsInCharge};
use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::fields::RegimeField;
use crate::contract::level::{Level, Outcome};
use crate::contract::org::Role;
use crate::group::org::evaluator::{conflict, CapKind, Capped, OrgEvaluator, Pending};
use crate::model::{Discipline, ValidAssessment};
use crate::regimes::fields::reads;
use crate::rules::reason::{Fact, Value, Values, Whose};
use hashbrown::HashMap;

/// Whether a discipline record counts in `valid`'s period (rules-qd366 §7).
pub(super) fn counts_in(valid: &ValidAssessment, record: &Discipline) -> bool {
    valid.period.contains(record.decided_on)
        && record.decided_on <= valid.as_of
        && !record.counted_before
}

/// Level counts as people read them: `2 Xuất sắc, 6 Tốt, …`.
pub(super) fn counts_text(counts: &LevelCounts, name: fn(Level) -> &'static str) -> String {
    [
        (counts.excellent, Level::Excellent),
        (counts.good, Level::Good),
        (counts.completed, Level::Completed),
        (counts.not_completed, Level::NotCompleted),
    ]
    .iter()
    .map(|&(n, level)| format!("{n} {}", name(level)))
    .collect::<Vec<_>>()
    .join(", ")
}

/// What the leadership collective takes from its members' records.
pub(super) struct Person {
    pub(super) id: String,
    pub(super) discipline: Vec<Discipline>,
    pub(super) degraded: bool,
}

/// Derives, from the leadership members' records, their discipline (as the collective's
/// member discipline) and, for the leadership collective itself, member degradation; a
/// contradicting explicit fact is a conflict.
pub(super) fn derive_member_facts(
    collective: &mut ValidAssessment,
    people: &[Person],
    path: &str,
    with_degradation: bool,
) -> Result<Values, InputError> {
    let mut derived: Vec<Discipline> = Vec::new();
    for person in people {
        for record in &person.discipline {
            if counts_in(collective, record) {
                let mut copy = record.clone();
                copy.member_id = Some(person.id.clone());
                derived.push(copy);
            }
        }
    }
    // Explicit member discipline about the listed members must be what their records
    // say; explicit records about others (a member who left during the year) are facts
    // beyond the tree and stand.
    let listed = |d: &Discipline| {
        d.member_id
            .as_ref()
            .is_some_and(|m| people.iter().any(|p| &p.id == m))
    };
    let explicit: Vec<&Discipline> = collective.discipline.iter().filter(|d| listed(d)).collect();
    if !explicit.is_empty() {
        let key = |d: &Discipline| {
            (
                d.member_id.clone(),
                d.decided_on,
                format!("{:?}", d.form),
                d.duty_related,
                d.at_previous_unit,
            )
        };
        let mut a: Vec<_> = explicit.iter().map(|d| key(d)).collect();
        let mut b: Vec<_> = derived.iter().map(key).collect();
        a.sort();
        b.sort();
        if a != b {
            let discipline_path = format!("{path}/discipline");
            let names: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
            return Err(conflict(
                discipline_path.clone(),
                format!(
                    "Kỷ luật thành viên ghi ở `{discipline_path}` ({} quyết định) mâu thuẫn với hồ sơ của các thành viên {} ({} quyết định)",
                    a.len(),
                    names.join(", "),
                    b.len()
                ),
                format!(
                    "the member discipline written at `{discipline_path}` ({} decisions) contradicts the records of members {} ({} decisions)",
                    a.len(),
                    names.join(", "),
                    b.len()
                ),
            ));
        }
    }
    let count = u64::try_from(derived.len()).unwrap_or(u64::MAX);
    let mut values = Values::of(&[(Fact::MembersDisciplined, Value::Count(count))]);
    if with_degradation {
        let degraded = people.iter().any(|p| p.degraded);
        if let Some(explicit) = collective.conclusions.member_degradation {
            if explicit != degraded {
                let degradation_path = format!("{path}/conclusions/member_degradation");
                let names: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
                let (vi_found, en_found) = if degraded {
                    (
                        "có thành viên bị kết luận suy thoái",
                        "a member is concluded degraded",
                    )
                } else {
                    (
                        "không thành viên nào bị kết luận suy thoái",
                        "no member is concluded degraded",
                    )
                };
                return Err(conflict(
                    degradation_path.clone(),
                    format!("`{degradation_path}` = {explicit} mâu thuẫn với hồ sơ các thành viên ({}): {vi_found}", names.join(", ")),
                    format!("`{degradation_path}` = {explicit} contradicts the members' records ({}): {en_found}", names.join(", ")),
                ));
            }
        }
        collective.conclusions.member_degradation = Some(degraded);
        values.push(Fact::MemberDegradation, Value::Flag(degraded));
    }
    if explicit.is_empty() {
        collective.discipline.extend(derived);
    }
    Ok(values)
}

impl OrgEvaluator {
    /// Evaluates the organisations, agencies and leadership collectives, lower units first
    /// (Art. 12.2). In a unit, under QĐ 366 the leadership collective comes first; under
    /// QĐ 132 last, as its level is capped by its organisation's (HD 21).
    pub(super) fn evaluate_collectives(&mut self, preorder: &[u32]) {
        // Pending records stay where they are; a small map finds each by its record.
        let mut pending: Vec<Option<Pending>> = std::mem::take(&mut self.collectives)
            .into_iter()
            .map(Some)
            .collect();
        let position_of: HashMap<u32, usize> = pending
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((p.as_ref()?.record, i)))
            .collect();
        // Own discipline of each unit's organisation and agency, for the parent's fact.
        let own = |p: &Pending| -> Vec<Discipline> {
            p.valid
                .discipline
                .iter()
                .filter(|d| d.member_id.is_none())
                .cloned()
                .collect()
        };
        // Sparse: a record without any is simply absent.
        let mut own_discipline: HashMap<u32, Vec<Discipline>> = HashMap::new();
        for p in pending.iter().flatten() {
            let list = own(p);
            if !list.is_empty() {
                own_discipline.insert(p.record, list);
            }
        }
        for &unit in preorder.iter().rev() {
            let Some(u) = self.units.get(unit as usize) else {
                continue;
            };
            let (line, unit_id, children) = (u.line, u.id.clone(), u.children.clone());
            let people = (!u.leadership_members.is_empty()).then(|| self.leadership_people(unit));
            let order = if u
                .leadership
                .and_then(|r| self.regime_of(r))
                .is_some_and(|regime| regime.info().tree.caps)
            {
                [
                    (u.organisation, Role::Organisation),
                    (u.agency, Role::Agency),
                    (u.leadership, Role::Leadership),
                ]
            } else {
                [
                    (u.leadership, Role::Leadership),
                    (u.organisation, Role::Organisation),
                    (u.agency, Role::Agency),
                ]
            };
            for (record, role) in order {
                let Some(record) = record else { continue };
                let Some(mut p) = position_of
                    .get(&record)
                    .and_then(|&i| pending.get_mut(i))
                    .and_then(Option::take)
                else {
                    continue;
                };
                let mut values = Values::default();
                // The leadership's members: their discipline counts for the leadership
                // collective (11.4.T, 11.1.T) and for the unit's organisation and agency
                // (11.1.T); their degradation for the leadership collective (11.4.T).
                let derived = match &people {
                    Some(Err(error)) => Err(error.clone()),
                    Some(Ok(people)) => {
                        derive_member_facts(&mut p.valid, people, &p.path, role == Role::Leadership)
                            .map(|derived| derived.iter().for_each(|(f, v)| values.push(*f, *v)))
                    }
                    None => Ok(()),
                }
                .and_then(|()| {
                    if role == Role::Leadership {
                        return Ok(());
                    }
                    self.derive_subordinate_facts(
                        &mut p,
                        role,
                        &children,
                        &own_discipline,
                        &mut values,
                    )?;
                    if role == Role::Organisation && p.valid.regime.info().tree.level_counts {
                        self.derive_level_counts(unit, &children, &mut p, &mut values)?;
                    }
                    Ok(())
                });
                if let Err(error) = derived {
                    let id = p.valid.id.clone();
                    self.reject_reserved(record, line, &unit_id, &id, vec![error]);
                    continue;
                }
                if role == Role::Leadership && p.valid.regime.info().tree.caps {
                    // Checked against the tree once the levels are final (after the quota).
                    let explicit = p.valid.collective.organisation_level.take();
                    let mut capped = Capped {
                        pending: p,
                        kind: CapKind::Leadership,
                        units: vec![unit],
                        explicit,
                        derived: None,
                        values,
                    };
                    let cap = self.cap_level(capped.kind, &capped.units);
                    self.evaluate_capped(&mut capped, cap);
                    self.capped.push(capped);
                    continue;
                }
                self.evaluate_now(record, &p.valid, Some(values));
            }
        }
    }

    /// From the direct subordinate units holding the same kind of record (organisation
    /// for the organisation, agency for the agency): how many were disciplined in the
    /// record's period (every regime) and, under QĐ 124, how many there are.
    pub(super) fn derive_subordinate_facts(
        &self,
        p: &mut Pending,
        role: Role,
        children: &[u32],
        own_discipline: &HashMap<u32, Vec<Discipline>>,
        values: &mut Values,
    ) -> Result<(), InputError> {
        let mut disciplined: Vec<String> = Vec::new();
        let mut subordinates = 0u32;
        for &child in children {
            let Some(c) = self.units.get(child as usize) else {
                continue;
            };
            let child_record = if role == Role::Organisation {
                c.organisation
            } else {
                c.agency
            };
            let Some(child_record) = child_record else {
                continue;
            };
            subordinates = subordinates.saturating_add(1);
            if own_discipline
                .get(&child_record)
                .is_some_and(|list| list.iter().any(|d| counts_in(&p.valid, d)))
            {
                disciplined.push(c.id.clone());
            }
        }
        if subordinates == 0 {
            return Ok(());
        }
        let derived = u32::try_from(disciplined.len()).unwrap_or(u32::MAX);
        match p.valid.collective.subordinate_units_disciplined {
            Some(explicit) if explicit != derived => {
                let path = format!("{}/collective/subordinate_units_disciplined", p.path);
                let places = if disciplined.is_empty() {
                    "—".to_owned()
                } else {
                    disciplined.join(", ")
                };
                return Err(conflict(
                    path.clone(),
                    format!("`{path}` = {explicit} mâu thuẫn với cây tổ chức: {derived} đơn vị trực thuộc bị kỷ luật ({places})"),
                    format!("`{path}` = {explicit} contradicts the tree: {derived} subordinate units disciplined ({places})"),
                ));
            }
            _ => {
                p.valid.collective.subordinate_units_disciplined = Some(derived);
                values.push(
                    Fact::SubordinateUnitsDisciplined,
                    Value::Count(u64::from(derived)),
                );
            }
        }
        // Only a regime that reads the number of subordinate units (QĐ 124: "more than
        // 20%") is given it.
        if reads(p.valid.regime, RegimeField::SubordinateUnits) {
            match p.valid.collective.subordinate_units {
                Some(explicit) if explicit != subordinates => {
                    let path = format!("{}/collective/subordinate_units", p.path);
                    return Err(conflict(
                        path.clone(),
                        format!("`{path}` = {explicit} mâu thuẫn với cây tổ chức: {subordinates} đơn vị trực thuộc"),
                        format!("`{path}` = {explicit} contradicts the tree: {subordinates} subordinate units"),
                    ));
                }
                _ => {
                    p.valid.collective.subordinate_units = Some(subordinates);
                    values.push(
                        Fact::SubordinateUnits,
                        Value::Count(u64::from(subordinates)),
                    );
                }
            }
        }
        Ok(())
    }

    /// QĐ 132 (HD 21 §II.B.1), a party organisation's Excellent reads its members'
    /// levels (a chi bộ) or its subordinate organisations' (a đảng bộ). A unit with
    /// subordinate units holding an organisation record is a đảng bộ; any other, a chi
    /// bộ, whose members are its own `members` and `leaders` records. Levels are read as
    /// evaluated before the quota (which moves Excellent to Good only, so it changes
    /// neither count the rule reads), from QĐ 132 records only; a record not classified
    /// (or rejected) is not counted. Nothing is derived when no such record is in the
    /// tree: a given value then stands.
    pub(super) fn derive_level_counts(
        &self,
        unit: u32,
        children: &[u32],
        p: &mut Pending,
        values: &mut Values,
    ) -> Result<(), InputError> {
        let dang_bo = children.iter().any(|&c| {
            self.units
                .get(c as usize)
                .is_some_and(|c| c.organisation.is_some())
        });
        let records: Vec<u32> = if dang_bo {
            children
                .iter()
                .filter_map(|&c| self.units.get(c as usize)?.organisation)
                .collect()
        } else {
            self.units
                .get(unit as usize)
                .map(|u| u.records.clone())
                .unwrap_or_default()
        };
        let mut counts = LevelCounts::default();
        let mut derivable = false;
        for record in records {
            let Some(Some(s)) = self.summaries.get(record as usize) else {
                continue;
            };
            // The levels of records under the organisation's own regime.
            if s.regime != p.valid.regime
                || (!dang_bo && !matches!(s.role, Role::Member | Role::Leader))
            {
                continue;
            }
            derivable = true;
            if let (Outcome::Classified, Some(level)) = (s.outcome, s.level) {
                counts.add(level);
            }
        }
        if !derivable {
            return Ok(());
        }
        let (whose, field, slot) = if dang_bo {
            (
                Whose::SubordinateOrganisations,
                "subordinate_levels",
                &mut p.valid.collective.subordinate_levels,
            )
        } else {
            (
                Whose::Members,
                "member_levels",
                &mut p.valid.collective.member_levels,
            )
        };
        if let Some(explicit) = *slot {
            if explicit != counts {
                let path = format!("{}/collective/{field}", p.path);
                let (whose_vi, whose_en) = if dang_bo {
                    ("tổ chức đảng trực thuộc", "subordinate party organisations")
                } else {
                    ("đảng viên của chi bộ", "members of the chi bộ")
                };
                return Err(conflict(
                    path.clone(),
                    format!(
                        "`{path}` ({}) mâu thuẫn với cây tổ chức: {whose_vi} được xếp loại {}",
                        counts_text(&explicit, Level::vi),
                        counts_text(&counts, Level::vi)
                    ),
                    format!(
                        "`{path}` ({}) contradicts the tree: {whose_en} rated {}",
                        counts_text(&explicit, Level::en),
                        counts_text(&counts, Level::en)
                    ),
                ));
            }
        }
        *slot = Some(counts);
        values.push(Fact::Whose, Value::Whose(whose));
        values.push(Fact::UnitsCounted, Value::Count(counts.total()));
        values.push(
            Fact::AtLeastCompleted,
            Value::Count(counts.at_least(Level::Completed)),
        );
        values.push(
            Fact::AtLeastGood,
            Value::Count(counts.at_least(Level::Good)),
        );
        Ok(())
    }

    /// The people of a unit's leadership collective, from their records anywhere in the
    /// tree; an id that names no valid member or leader record is an error.
    pub(super) fn leadership_people(&self, unit: u32) -> Result<Vec<Person>, InputError> {
        let Some(u) = self.units.get(unit as usize) else {
            return Ok(Vec::new());
        };
        let mut people = Vec::with_capacity(u.leadership_members.len());
        for (i, id) in u.leadership_members.iter().enumerate() {
            let found = self
                .find_record(id)
                .filter(|s| matches!(s.role, Role::Member | Role::Leader));
            if found.is_none() {
                return Err(InputError::new(
                    ErrorCode::InvalidValue,
                    format!("{}/leadership_members/{i}", u.path),
                    format!(
                        "Không có hồ sơ (hợp lệ) của đảng viên hay cán bộ `{id}` trong cây tổ chức"
                    ),
                    format!("no (valid) member or leader record `{id}` in the tree"),
                ));
            }
            let (discipline, degraded) = self
                .person_facts
                .get(id.as_str())
                .cloned()
                .unwrap_or_default();
            people.push(Person {
                id: id.clone(),
                discipline,
                degraded,
            });
        }
        Ok(people)
    }

    /// Whether a leader's units in charge, from the current levels, differ from those it
    /// was evaluated with.
    pub(super) fn units_in_charge_changed(
        &self,
        led: &HashMap<String, Vec<u32>>,
        used: &[(usize, Option<UnitsInCharge>)],
    ) -> bool {
        used.iter().any(|(position, before)| {
            self.leaders
                .get(*position)
                .and_then(|p| led.get(&p.valid.id))
                .is_some_and(|units| Some(self.units_in_charge(units).0) != *before)
        })
    }

    pub(super) fn units_in_charge(&self, units: &[u32]) -> (UnitsInCharge, Vec<String>) {
        let mut total = 0u32;
        let mut failed = Vec::new();
        for &unit in units {
            if let Some(level) = self.unit_rating(unit) {
                total += 1;
                if level == Level::NotCompleted {
                    failed.push(
                        self.units
                            .get(unit as usize)
                            .map(|u| u.id.clone())
                            .unwrap_or_default(),
                    );
                }
            }
        }
        let not_completed = u32::try_from(failed.len()).unwrap_or(u32::MAX);
        (
            UnitsInCharge {
                total,
                not_completed,
            },
            failed,
        )
    }

    /// Evaluates the QĐ 366 leaders, after the units they lead are rated (the others
    /// were rated when read). Returns, by position in `self.leaders`, what each one's
    /// derived fact was, to check it again after the quota.
    pub(super) fn evaluate_leaders(
        &mut self,
        led: &HashMap<String, Vec<u32>>,
    ) -> Vec<(usize, Option<UnitsInCharge>)> {
        let leaders = std::mem::take(&mut self.leaders);
        let mut used = Vec::with_capacity(leaders.len());
        let mut kept = Vec::with_capacity(leaders.len());
        for mut p in leaders {
            // Units in charge are a fact of QĐ 366 alone.
            if !reads(p.valid.regime, RegimeField::UnitsInCharge) {
                kept.push(p);
                continue;
            }
            let unit_index = self
                .summaries
                .get(p.record as usize)
                .and_then(|s| s.as_ref())
                .map_or(0, |s| s.unit);
            let line = self.units.get(unit_index as usize).and_then(|u| u.line);
            let mut values = Values::default();
            let mut derived_fact = None;
            if let Some(units) = led.get(&p.valid.id) {
                let (derived, failed) = self.units_in_charge(units);
                match p.valid.leader.units_in_charge {
                    Some(explicit) if explicit != derived => {
                        let path = format!("{}/leader/units_in_charge", p.path);
                        let error = conflict(
                            path.clone(),
                            format!(
                                "`{path}` = {}/{} mâu thuẫn với cây tổ chức: {}/{} đơn vị phụ trách bị xếp loại Không hoàn thành nhiệm vụ ({})",
                                explicit.not_completed, explicit.total, derived.not_completed, derived.total, failed.join(", ")
                            ),
                            format!(
                                "`{path}` = {} of {} contradicts the tree: {} of {} units in charge rated Not completed ({})",
                                explicit.not_completed, explicit.total, derived.not_completed, derived.total, failed.join(", ")
                            ),
                        );
                        let id = p.valid.id.clone();
                        let unit_id = self.unit_id(unit_index);
                        self.reject_reserved(p.record, line, &unit_id, &id, vec![error]);
                        continue;
                    }
                    _ => {
                        p.valid.leader.units_in_charge = Some(derived);
                        values.push(
                            Fact::UnitsNotCompleted,
                            Value::Count(u64::from(derived.not_completed)),
                        );
                        values.push(Fact::UnitsTotal, Value::Count(u64::from(derived.total)));
                        derived_fact = Some(derived);
                    }
                }
            }
            self.evaluate_now(p.record, &p.valid, Some(values));
            // Its position among the leaders kept (a rejected one is not kept).
            used.push((kept.len(), derived_fact));
            kept.push(p);
        }
        self.leaders = kept;
        used
    }
}
