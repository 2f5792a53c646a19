//! Reading units: JSON Lines lines or a nested tree, each unit's records decoded,
//! validated and checked for their place, then their ids registered.

use crate::contract::assessment::Assessment;
use crate::contract::batch::Line;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::fields::RegimeField;
use crate::contract::limits::{
    MAX_RECORD_BYTES, MAX_STRING_CHARS, MAX_TREE_BYTES, MAX_UNIT_LINE_BYTES,
};
use crate::contract::org::{OrgOptions, Role, UnitInput};
use crate::contract::state::Rating;
use crate::group::org::evaluator::{prefixed, OrgEvaluator, OrgResult, Pending, Unit};
use crate::intake::decode::decode_and_validate;
use crate::intake::validate::assessment::validate_with;
use crate::intake::validate::options::ValidateOptions;
use crate::json::read::{
    decode_json_quietly, decode_reporting_unknown, is_json_syntax, structural_error, Decoded,
};
use crate::model::ValidAssessment;
use crate::regimes::fields::reads;
use serde::Deserialize;
use serde_json::value::RawValue;

/// A unit's own fields, whichever way its line or object was read.
pub(super) struct UnitHead {
    pub(super) id: String,
    pub(super) name: Option<String>,
    pub(super) parent: Option<String>,
    pub(super) leadership_members: Vec<String>,
    pub(super) led_by: Vec<String>,
    pub(super) head_leader: Option<String>,
    pub(super) grassroots: bool,
}

/// The unit's strings (id, name, parent, leader references) over [`MAX_STRING_CHARS`]
/// characters, each an error at its path.
fn oversized_strings(head: &UnitHead, path: &str) -> Vec<InputError> {
    let mut errors = Vec::new();
    let mut check = |field: String, text: &str| {
        let chars = text.chars().take(MAX_STRING_CHARS + 1).count();
        if chars > MAX_STRING_CHARS {
            let chars = text.chars().count();
            errors.push(InputError::string_too_long(field, chars, MAX_STRING_CHARS));
        }
    };
    check(format!("{path}/id"), &head.id);
    if let Some(name) = &head.name {
        check(format!("{path}/name"), name);
    }
    if let Some(parent) = &head.parent {
        check(format!("{path}/parent"), parent);
    }
    if let Some(leader) = &head.head_leader {
        check(format!("{path}/head"), leader);
    }
    for (i, leader) in head.led_by.iter().enumerate() {
        check(format!("{path}/led_by/{i}"), leader);
    }
    for (i, member) in head.leadership_members.iter().enumerate() {
        check(format!("{path}/leadership_members/{i}"), member);
    }
    errors
}

/// A record as read with its unit: raw JSON text (decoded alone, so that its errors are
/// its own), or already decoded with the unit's line, with no unknown field. Borrowed
/// from the unit, so that records are not moved around.
pub(super) enum RecordInput<'a> {
    Raw(&'a RawValue),
    Decoded(&'a Assessment),
}

/// A record and its place in the unit: the role, and the index in `members` or
/// `leaders` (none for the three collectives).
pub(super) struct Slot<'a> {
    pub(super) role: Role,
    pub(super) position: Option<usize>,
    pub(super) record: RecordInput<'a>,
}

/// A unit's records in their places, in the order they are checked: the organisation,
/// agency and leadership collective, then the leaders and members by position. Serves
/// both readings of a unit, raw records (`wrap` = [`RecordInput::Raw`]) and records decoded
/// with the line (`RecordInput::Decoded`).
pub(super) fn unit_slots<'a, T>(
    collectives: [&'a Option<T>; 4],
    leaders: &'a [T],
    members: &'a [T],
    wrap: impl Fn(&'a T) -> RecordInput<'a>,
) -> Vec<Slot<'a>> {
    let mut slots = Vec::with_capacity(4 + leaders.len() + members.len());
    let roles = [
        Role::Organisation,
        Role::Agency,
        Role::Leadership,
        Role::StateAgency,
    ];
    for (role, record) in roles.into_iter().zip(collectives) {
        if let Some(record) = record {
            slots.push(Slot {
                role,
                position: None,
                record: wrap(record),
            });
        }
    }
    for (role, list) in [(Role::Leader, leaders), (Role::Member, members)] {
        for (i, record) in list.iter().enumerate() {
            slots.push(Slot {
                role,
                position: Some(i),
                record: wrap(record),
            });
        }
    }
    slots
}

/// A record after its own checks: rejected with its id (if it has one) and errors, or
/// valid with its place.
#[expect(
    clippy::large_enum_variant,
    reason = "held for one unit at a time; boxing would allocate once per record"
)]
pub(super) enum Checked {
    /// Its id, its problems, and whether it is a state record.
    Rejected(Option<String>, Vec<InputError>, bool),
    Valid(Role, Option<usize>, ValidAssessment),
}

/// A unit with its records already read: one JSON Lines unit decoded in one pass with
/// its records typed (the fast path for lines without problems), or a unit of a
/// spreadsheet's rows. The same fields as [`UnitInput`] but `units` (which JSON Lines do
/// not allow): for a line, any problem, or any unknown field, sends it to the reporting
/// path ([`decode_unit`], each record decoded from its own text).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UnitRecords {
    /// Unique among units.
    pub id: String,
    /// The unit's name, for reports.
    #[serde(default)]
    pub name: Option<String>,
    /// The parent unit's id.
    #[serde(default)]
    pub parent: Option<String>,
    /// The party organisation or committee.
    #[serde(default)]
    pub organisation: Option<Assessment>,
    /// The organisation, agency or unit itself.
    #[serde(default)]
    pub agency: Option<Assessment>,
    /// The leadership collective.
    #[serde(default)]
    pub leadership: Option<Assessment>,
    /// The unit's state agency record.
    #[serde(default)]
    pub state_agency: Option<Assessment>,
    /// Ids of the unit's records in its leadership collective.
    #[serde(default)]
    pub leadership_members: Vec<String>,
    /// Ids of the leader records responsible for the unit.
    #[serde(default)]
    pub led_by: Vec<String>,
    /// QĐ 132: the id of the leader record of the unit's head.
    #[serde(default)]
    pub head: Option<String>,
    /// QĐ 132: a grassroots party organisation.
    #[serde(default)]
    pub grassroots: bool,
    /// Records of kind `member`.
    #[serde(default)]
    pub members: Vec<Assessment>,
    /// Records of kind `leader`.
    #[serde(default)]
    pub leaders: Vec<Assessment>,
}

#[derive(Deserialize)]
pub(super) struct IdOnly {
    id: Option<String>,
    /// `"state"` for a state record (read loosely: a record that cannot be read may
    /// still say which rating it is, and is counted in that rating's figures only).
    #[serde(default)]
    rating: Option<serde_json::Value>,
}

/// Decodes one unit (its records stay raw), locating a structural error by path.
pub fn decode_unit(text: &str) -> Result<UnitInput, InputErrors> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let decoded = decode_reporting_unknown(&mut deserializer, is_json_syntax);
    let unit = match decoded.value {
        Some(unit) if decoded.errors.is_empty() => unit,
        _ => return Err(InputErrors(decoded.errors)),
    };
    deserializer.end().map_err(|error| {
        InputErrors::one(structural_error(&error.to_string(), String::new(), true))
    })?;
    Ok(unit)
}

/// A unit of a nested tree as read: [`UnitInput`]'s fields, with its subordinate units
/// kept raw, so that each is read on its own and a bad field rejects that unit only.
#[derive(Deserialize)]
struct NestedUnit {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    organisation: Option<Box<RawValue>>,
    #[serde(default)]
    agency: Option<Box<RawValue>>,
    #[serde(default)]
    leadership: Option<Box<RawValue>>,
    #[serde(default)]
    state_agency: Option<Box<RawValue>>,
    #[serde(default)]
    leadership_members: Vec<String>,
    #[serde(default)]
    led_by: Vec<String>,
    #[serde(default)]
    head: Option<String>,
    #[serde(default)]
    grassroots: bool,
    #[serde(default)]
    members: Vec<Box<RawValue>>,
    #[serde(default)]
    leaders: Vec<Box<RawValue>>,
    #[serde(default)]
    units: Vec<Box<RawValue>>,
}

/// Decodes one unit of a nested tree, its subordinate units left raw; errors are
/// located below `path` (the unit's place in the tree).
fn decode_nested(text: &str, path: &str) -> Result<(UnitInput, Vec<Box<RawValue>>), InputErrors> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let decoded: Decoded<NestedUnit> = decode_reporting_unknown(&mut deserializer, is_json_syntax);
    let located = |errors: Vec<InputError>| {
        InputErrors(
            errors
                .into_iter()
                .map(|mut error| {
                    error.path = format!("{path}{}", error.path);
                    error
                })
                .collect(),
        )
    };
    let nested = match decoded.value {
        Some(unit) if decoded.errors.is_empty() => unit,
        _ => return Err(located(decoded.errors)),
    };
    deserializer.end().map_err(|error| {
        located(vec![structural_error(
            &error.to_string(),
            String::new(),
            true,
        )])
    })?;
    let NestedUnit {
        id,
        name,
        parent,
        organisation,
        agency,
        leadership,
        state_agency,
        leadership_members,
        led_by,
        head,
        grassroots,
        members,
        leaders,
        units,
    } = nested;
    let unit = UnitInput {
        id,
        name,
        parent,
        organisation,
        agency,
        leadership,
        state_agency,
        leadership_members,
        led_by,
        head,
        grassroots,
        members,
        leaders,
        units: Vec::new(),
    };
    Ok((unit, units))
}

impl OrgEvaluator {
    /// How each record is validated: as written, or under the regime compared.
    pub(super) fn validate_options(&self) -> ValidateOptions {
        match self.options.regime {
            Some(regime) => ValidateOptions {
                allow_regime_outside_span: true,
                ignore_other_regime_fields: true,
                regime_override: Some(regime),
                grades_from_points: self.options.grades_from_points,
                leader_components: self.options.evaluation.leader_components,
                staff_derived: true,
            },
            None => ValidateOptions {
                leader_components: self.options.evaluation.leader_components,
                staff_derived: true,
                ..ValidateOptions::default()
            },
        }
    }

    /// Reports a line a reader could not hand over (too long, not UTF-8).
    pub fn reject_line(&mut self, line: usize, error: InputError) {
        self.reject(Some(line), None, None, vec![error]);
    }

    /// Adds one line of JSON Lines of units as a reader hands it over (see
    /// [`OrgEvaluator::add_unit_line`]); a blank line is skipped, one the reader could
    /// not keep is reported.
    pub fn add_line(&mut self, index: usize, line: Line<'_>) {
        match line {
            Line::Text(text) if text.trim().is_empty() => {}
            Line::Text(text) => self.add_unit_line(index, text),
            Line::TooLong(length) => {
                self.reject_line(
                    index,
                    InputError::line_too_large(length, MAX_UNIT_LINE_BYTES),
                );
            }
            Line::NotUtf8 => self.reject_line(index, InputError::line_not_utf8()),
        }
    }

    /// Adds one JSON Lines line: a unit naming its `parent` (none for the root).
    pub fn add_unit_line(&mut self, line: usize, text: &str) {
        if text.len() > MAX_UNIT_LINE_BYTES {
            let length = u64::try_from(text.len()).unwrap_or(u64::MAX);
            self.reject_line(
                line,
                InputError::line_too_large(length, MAX_UNIT_LINE_BYTES),
            );
            return;
        }
        // Fast path: the unit and its records in one parse. Only for a line no longer
        // than one record may be, where no record can be over that limit (the reporting
        // path checks each record's length).
        if text.len() <= MAX_RECORD_BYTES {
            if let Some(unit) = decode_json_quietly::<UnitRecords>(text) {
                self.add_unit_records(unit, Some(line));
                return;
            }
        }
        match decode_unit(text) {
            Ok(unit) if !unit.units.is_empty() => {
                let error = InputError::new(
                    ErrorCode::NotApplicable,
                    "/units",
                    "Trong JSON Lines, mỗi dòng là một đơn vị và nêu `parent`; không lồng `units`",
                    "in JSON Lines each line is one unit naming its `parent`; `units` cannot be nested",
                );
                self.reject(Some(line), Some(&unit.id), None, vec![error]);
            }
            Ok(unit) => self.add_unit_input(unit, Some(line), String::new()),
            Err(errors) => self.reject(Some(line), None, None, errors.0),
        }
    }

    /// Adds a unit whose records are already read (`line`: its JSON Lines line, if it
    /// has one).
    pub fn add_unit_records(&mut self, unit: UnitRecords, line: Option<usize>) {
        let UnitRecords {
            id,
            name,
            parent,
            organisation,
            agency,
            leadership,
            state_agency,
            leadership_members,
            led_by,
            head,
            grassroots,
            members,
            leaders,
        } = unit;
        let slots = unit_slots(
            [&organisation, &agency, &leadership, &state_agency],
            &leaders,
            &members,
            RecordInput::Decoded,
        );
        let head = UnitHead {
            id,
            name,
            parent,
            leadership_members,
            led_by,
            head_leader: head,
            grassroots,
        };
        self.add_unit(head, slots, line, String::new());
    }

    /// Reports a record a reader could not hand over (a spreadsheet's row that could not
    /// be read), in its unit if it names one.
    pub fn reject_record(&mut self, unit: Option<&str>, id: Option<&str>, errors: Vec<InputError>) {
        self.reject(None, unit, id, errors);
    }

    /// Adds a nested tree (its units are read depth-first; `parent` is implied). Each
    /// subordinate unit is read on its own: one that cannot be read is rejected with
    /// its errors at their paths, and the units nested in it with it (they cannot be
    /// placed); the rest of the tree is evaluated.
    fn add_tree(&mut self, root: UnitInput, children: Vec<Box<RawValue>>) {
        let mut stack = vec![(root, children, String::new(), None::<String>)];
        while let Some((mut unit, children, path, parent)) = stack.pop() {
            if parent.is_some() {
                unit.parent = parent;
            }
            let id = unit.id.clone();
            // Pushed in reverse so that units are read in document order.
            for (index, child) in children.into_iter().enumerate().rev() {
                let child_path = format!("{path}/units/{index}");
                match decode_nested(child.get(), &child_path) {
                    Ok((child, grandchildren)) => {
                        stack.push((child, grandchildren, child_path, Some(id.clone())));
                    }
                    Err(errors) => {
                        let child_id = serde_json::from_str::<IdOnly>(child.get())
                            .ok()
                            .and_then(|only| only.id)
                            .map(|id| id.chars().take(MAX_STRING_CHARS).collect::<String>());
                        self.reject(None, child_id.as_deref(), None, errors.0);
                    }
                }
            }
            self.add_unit_input(unit, None, path);
        }
    }

    /// Adds a unit whose records are raw JSON (each decoded on its own).
    pub(super) fn add_unit_input(&mut self, unit: UnitInput, line: Option<usize>, path: String) {
        let UnitInput {
            id,
            name,
            parent,
            organisation,
            agency,
            leadership,
            state_agency,
            leadership_members,
            led_by,
            head,
            grassroots,
            members,
            leaders,
            units: _,
        } = unit;
        let slots = unit_slots(
            [&organisation, &agency, &leadership, &state_agency],
            &leaders,
            &members,
            |raw| RecordInput::Raw(raw),
        );
        let head = UnitHead {
            id,
            name,
            parent,
            leadership_members,
            led_by,
            head_leader: head,
            grassroots,
        };
        self.add_unit(head, slots, line, path);
    }

    pub(super) fn add_unit(
        &mut self,
        head: UnitHead,
        slots: Vec<Slot<'_>>,
        line: Option<usize>,
        path: String,
    ) {
        let oversized = oversized_strings(&head, &path);
        if !oversized.is_empty() {
            // The unit is not placed: its records are not evaluated, and units naming it
            // as their parent are evaluated as roots (each told so).
            let id: String = head.id.chars().take(MAX_STRING_CHARS).collect();
            self.reject(line, Some(&id), None, oversized);
            return;
        }
        if head.id.is_empty() || self.unit_ids.contains_key(head.id.as_str()) {
            let error = InputError::new(
                ErrorCode::InvalidValue,
                format!("{path}/id"),
                format!("Mã đơn vị `{}` trống hoặc trùng", head.id),
                format!("unit id `{}` is empty or used twice", head.id),
            );
            self.reject(line, Some(&head.id), None, vec![error]);
            return;
        }
        let index = u32::try_from(self.units.len()).unwrap_or(u32::MAX);
        self.unit_ids.insert(head.id.clone(), index);
        self.units.push(Unit {
            id: head.id,
            name: head.name,
            parent_id: head.parent,
            parent: None,
            children: Vec::new(),
            line,
            path,
            led_by: head.led_by,
            leadership_members: head.leadership_members,
            head_leader: head.head_leader,
            grassroots: head.grassroots,
            organisation: None,
            agency: None,
            leadership: None,
            records: Vec::with_capacity(slots.len()),
            depth: 0,
            state_agency: None,
            state_records: Vec::new(),
        });
        // Each record is decoded, validated and checked for its place; then the ids of
        // the valid ones are registered together (random accesses into a table of
        // millions of ids: done back to back, their cache misses overlap); then, in the
        // records' order, the problems are reported and the rest placed.
        let mut checked: Vec<Checked> = slots
            .into_iter()
            .map(|slot| self.check_record(index, slot))
            .collect();
        // State records first (their ids are their own; a party record of the unit may
        // pair with one), then the party records.
        let is_state =
            |c: &Checked| matches!(c, Checked::Valid(_, _, v) if v.rating == Rating::State);
        if checked.iter().any(is_state) {
            let (state, party): (Vec<Checked>, Vec<Checked>) =
                checked.into_iter().partition(is_state);
            for item in state {
                if let Checked::Valid(role, position, valid) = item {
                    self.place_state(index, role, position, valid, line);
                }
            }
            checked = party;
        }
        let mut reserved: Vec<Result<u32, String>> = Vec::with_capacity(checked.len());
        for item in &checked {
            if let Checked::Valid(role, _, valid) = item {
                reserved.push(self.reserve(
                    &valid.id,
                    index,
                    *role,
                    valid.subject.collective_kind,
                    valid.regime,
                ));
            }
        }
        let mut reserved = reserved.into_iter();
        for item in checked.drain(..) {
            match item {
                Checked::Rejected(id, errors, state) => {
                    let unit_id = self.unit_id(index);
                    if state {
                        self.count_state_rejection(index);
                    }
                    self.reject(line, Some(&unit_id), id.as_deref(), errors);
                }
                Checked::Valid(role, position, valid) => match reserved.next() {
                    Some(Ok(record)) => self.place_record(index, record, role, position, valid),
                    Some(Err(first)) => {
                        let record_path = self.record_path(index, role, position);
                        let error = InputError::new(
                            ErrorCode::InvalidValue,
                            format!("{record_path}/id"),
                            format!("Mã hồ sơ `{}` đã dùng (đơn vị {first})", valid.id),
                            format!("record id `{}` is already used (unit {first})", valid.id),
                        );
                        let unit_id = self.unit_id(index);
                        self.reject(line, Some(&unit_id), Some(&valid.id), vec![error]);
                    }
                    None => {}
                },
            }
        }
    }

    /// Decodes and validates a record and checks that it may sit in its place.
    pub(super) fn check_record(&self, unit: u32, slot: Slot<'_>) -> Checked {
        let Slot {
            role,
            position,
            record,
        } = slot;
        // A decoded record has no unknown field, so its problems are validation's alone,
        // as decode_and_validate would report them.
        let options = self.validate_options();
        let checked = match record {
            RecordInput::Raw(raw) => decode_and_validate(raw.get(), options).map_err(|errors| {
                let salvaged = serde_json::from_str::<IdOnly>(raw.get()).ok();
                let state = salvaged
                    .as_ref()
                    .is_some_and(|r| r.rating.as_ref().and_then(|v| v.as_str()) == Some("state"));
                (errors, salvaged.and_then(|r| r.id), state)
            }),
            RecordInput::Decoded(assessment) => {
                validate_with(assessment, options).map_err(|errors| {
                    let state = assessment.rating == Some(Rating::State);
                    (errors, Some(assessment.id.clone()), state)
                })
            }
        };
        let valid = match checked {
            Ok(valid) => valid,
            Err((errors, id, state)) => {
                let record_path = self.record_path(unit, role, position);
                return Checked::Rejected(id, prefixed(errors.0, &record_path), state);
            }
        };
        let state = valid.rating == Rating::State;
        let collective_slot = matches!(
            role,
            Role::Organisation | Role::Agency | Role::Leadership | Role::StateAgency
        );
        if collective_slot && state != (role == Role::StateAgency) {
            let record_path = self.record_path(unit, role, position);
            let (vi, en) = if state {
                (
                    "hồ sơ đánh giá của Nhà nước về cơ quan, đơn vị đặt ở `state_agency`",
                    "a state agency record goes in `state_agency`",
                )
            } else {
                (
                    "`state_agency` chỉ chứa hồ sơ đánh giá của Nhà nước (`rating: state`)",
                    "`state_agency` holds a state record (`rating: state`) only",
                )
            };
            let error = InputError::new(
                ErrorCode::NotApplicable,
                format!("{record_path}/rating"),
                format!("Hồ sơ `{}`: {vi}", valid.id),
                format!("record `{}`: {en}", valid.id),
            );
            return Checked::Rejected(Some(valid.id), vec![error], state);
        }
        if !role.admits(valid.subject.kind, valid.subject.collective_kind) {
            let record_path = self.record_path(unit, role, position);
            let error = InputError::new(
                ErrorCode::NotApplicable,
                format!("{record_path}/subject"),
                format!(
                    "Hồ sơ `{}` không thuộc loại được đặt ở vị trí `{}`",
                    valid.id,
                    role.key()
                ),
                format!(
                    "record `{}` is not of the kind that `{}` holds",
                    valid.id,
                    role.key()
                ),
            );
            return Checked::Rejected(Some(valid.id), vec![error], state);
        }
        Checked::Valid(role, position, valid)
    }

    /// Places a valid record whose id is registered: members are evaluated at once, the
    /// rest wait for what they take from the tree.
    pub(super) fn place_record(
        &mut self,
        unit: u32,
        record: u32,
        role: Role,
        position: Option<usize>,
        valid: ValidAssessment,
    ) {
        if matches!(role, Role::Member | Role::Leader)
            && (!valid.discipline.is_empty() || valid.conclusions.degradation)
        {
            // Kept for a leadership collective that may name this person.
            self.person_facts.insert(
                valid.id.as_str().into(),
                (valid.discipline.clone(), valid.conclusions.degradation),
            );
        }
        // The party half of a pair waits for its state result.
        let paired =
            matches!(role, Role::Member | Role::Leader) && self.pairs_with_state(&valid.id);
        match role {
            Role::Member if paired => {
                let path = self.record_path(unit, role, position);
                self.paired.push(Pending {
                    record,
                    valid,
                    path,
                });
            }
            Role::Member => {
                self.evaluate_now(record, &valid, None);
                self.awaiting_state.keep(record, position, valid);
            }
            Role::Organisation | Role::Agency | Role::Leadership | Role::StateAgency => {
                let path = self.record_path(unit, role, position);
                if let Some(u) = self.units.get_mut(unit as usize) {
                    match role {
                        Role::Organisation => u.organisation = Some(record),
                        Role::Agency => u.agency = Some(record),
                        _ => u.leadership = Some(record),
                    }
                }
                self.collectives.push(Pending {
                    record,
                    valid,
                    path,
                });
            }
            Role::Leader => {
                // Under the regimes that grade criteria a leader takes nothing from the
                // tree but a head's cap, so is rated now: a QĐ 132 chi bộ counts its
                // leaders' levels (a head's before the cap, which reads the chi bộ).
                if !paired && !reads(valid.regime, RegimeField::UnitsInCharge) {
                    self.evaluate_now(record, &valid, None);
                }
                let path = self.record_path(unit, role, position);
                self.leaders.push(Pending {
                    record,
                    valid,
                    path,
                });
            }
        }
        if let Some(u) = self.units.get_mut(unit as usize) {
            u.records.push(record);
        }
    }
}

/// Evaluates a nested tree given as JSON text. Fails as a whole only when the text is not
/// a readable unit; bad records and units are reported in the result.
pub fn evaluate_tree_json(json: &str, options: OrgOptions) -> Result<OrgResult, InputErrors> {
    if json.len() > MAX_TREE_BYTES {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "Cây dài {} byte, vượt giới hạn {MAX_TREE_BYTES}; hãy dùng JSON Lines các đơn vị",
                json.len()
            ),
            format!(
                "the tree is {} bytes, over the limit of {MAX_TREE_BYTES}; use JSON Lines of units",
                json.len()
            ),
        )));
    }
    let (root, children) = decode_nested(json, "")?;
    let mut evaluator = OrgEvaluator::new(options);
    evaluator.add_tree(root, children);
    Ok(evaluator.finish())
}

/// Evaluates JSON Lines of units (one unit per non-blank line, each naming its parent).
pub fn evaluate_unit_lines(text: &str, options: OrgOptions) -> OrgResult {
    let mut evaluator = OrgEvaluator::new(options);
    for (line, content) in text.lines().enumerate() {
        if !content.trim().is_empty() {
            evaluator.add_unit_line(line, content);
        }
    }
    evaluator.finish()
}
