//! Rules-qd366 §7: which discipline records count for this subject in this period.

use crate::contract::subject::SubjectKind;
use crate::model::{Discipline, ValidAssessment};
use crate::regimes::shared::discipline::{for_each_counted, outside_period};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{NotCountedWhy, Reason};

/// Discipline records sorted into what counts for this subject in this period.
pub struct DisciplineTally {
    /// Counted, tied to duties (individual: its own; collective: its members').
    pub duty_related: u64,
    /// Counted, not tied to duties.
    pub not_duty_related: u64,
    /// Counted records about members of the collective, any kind.
    pub members_any: u64,
}

#[inline]
pub fn tally_discipline(a: &ValidAssessment, reasons: &mut Vec<Reason>) -> DisciplineTally {
    let collective = a.subject.kind == SubjectKind::Collective;
    let mut tally = DisciplineTally {
        duty_related: 0,
        not_duty_related: 0,
        members_any: 0,
    };
    let not_counted = |record: &Discipline| not_counted_why(a, record, collective);
    for_each_counted(
        a,
        Rule::DisciplineNotCounted,
        reasons,
        not_counted,
        |record| {
            if collective {
                tally.members_any += 1;
            }
            if record.duty_related {
                tally.duty_related += 1;
            } else {
                tally.not_duty_related += 1;
            }
        },
    );
    tally
}

#[inline]
pub fn not_counted_why(
    a: &ValidAssessment,
    record: &Discipline,
    collective: bool,
) -> Option<NotCountedWhy> {
    outside_period(a, record).or_else(|| {
        if collective && record.at_previous_unit {
            Some(NotCountedWhy::PreviousUnit)
        } else if collective && record.member_id.is_none() {
            Some(NotCountedWhy::CollectiveItself)
        } else {
            None
        }
    })
}
