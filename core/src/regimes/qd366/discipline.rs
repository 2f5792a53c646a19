//! Rules-qd366 §7: which discipline records count for this subject in this period, and
//! whose they are: an individual's own; for a collective, a member's (with `member_id`)
//! or the collective's own (without; §4, ruling of 7/12/2026).

use crate::contract::decision::Effect;
use crate::contract::subject::SubjectKind;
use crate::model::{Discipline, ValidAssessment};
use crate::regimes::shared::discipline::{for_each_counted, outside_period};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, NotCountedWhy, Reason, Value, Values};

/// Discipline records sorted into what counts for this subject in this period.
pub struct DisciplineTally {
    /// Counted, tied to duties (individual: its own; collective: its members').
    pub duty_related: u64,
    /// Counted, not tied to duties (individual: its own; collective: its members').
    pub not_duty_related: u64,
    /// Counted records about members of the collective, any kind.
    pub members_any: u64,
    /// Counted records of the collective itself, tied to its duties.
    pub own_duty_related: u64,
    /// Counted records of the collective itself, not tied to its duties.
    pub own_not_duty_related: u64,
}

impl DisciplineTally {
    /// Counted records of the collective itself, any kind (each rules out Excellent).
    #[inline]
    pub fn own_any(&self) -> u64 {
        self.own_duty_related + self.own_not_duty_related
    }
}

#[inline]
pub fn tally_discipline(a: &ValidAssessment, reasons: &mut Vec<Reason>) -> DisciplineTally {
    let collective = a.subject.kind == SubjectKind::Collective;
    let mut tally = DisciplineTally {
        duty_related: 0,
        not_duty_related: 0,
        members_any: 0,
        own_duty_related: 0,
        own_not_duty_related: 0,
    };
    // A party committee, party organisation or agency has no trigger for its own
    // discipline: each record goes to the superior committee (`qd366.7.own_discipline`).
    let for_superior = collective && !a.subject.is_leadership_collective();
    let mut own_records: Vec<Values> = Vec::new();
    let not_counted = |record: &Discipline| not_counted_why(a, record, collective);
    for_each_counted(
        a,
        Rule::DisciplineNotCounted,
        reasons,
        not_counted,
        |record| {
            let own = collective && record.member_id.is_none();
            if collective && !own {
                tally.members_any += 1;
            }
            let count = match (own, record.duty_related) {
                (true, true) => &mut tally.own_duty_related,
                (true, false) => &mut tally.own_not_duty_related,
                (false, true) => &mut tally.duty_related,
                (false, false) => &mut tally.not_duty_related,
            };
            *count += 1;
            if own && for_superior {
                own_records.push(Values::of(&[
                    (Fact::Form, Value::Form(record.form)),
                    (Fact::DecidedOn, Value::Date(record.decided_on)),
                    (Fact::DutyRelated, Value::Flag(record.duty_related)),
                ]));
            }
        },
    );
    for values in own_records {
        reasons.push(Reason::new(
            Rule::OwnDisciplineNeedsDecision,
            true,
            Effect::NeedsDecision,
            None,
            values,
        ));
    }
    tally
}

/// Why a record does not count here: outside the period or counted before (every
/// subject); for a collective, a violation at the previous unit (Art. 11 notes 2–3:
/// it counts against that unit). An individual's previous-unit record still counts
/// against the individual (rules-qd366 §7).
#[inline]
pub fn not_counted_why(
    a: &ValidAssessment,
    record: &Discipline,
    collective: bool,
) -> Option<NotCountedWhy> {
    outside_period(a, record)
        .or_else(|| (collective && record.at_previous_unit).then_some(NotCountedWhy::PreviousUnit))
}
