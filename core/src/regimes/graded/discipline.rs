//! Which discipline records count in the year, under QĐ 124 and QĐ 132.

use crate::contract::assessment::DisciplineForm;
use crate::model::{Discipline, ValidAssessment};
use crate::regimes::graded::family::Family;
use crate::regimes::shared::discipline::{for_each_counted, outside_period};
use crate::rules::reason::Reason;

/// Discipline records sorted into what counts in this period.
#[derive(Default)]
pub struct DisciplineTally {
    /// The subject's own records (an individual's, or the collective's itself).
    pub own: u64,
    /// Records about members of the collective.
    pub members: u64,
    /// Of them, at warning or heavier (QĐ 132, leadership collective).
    pub members_warning_or_heavier: u64,
}

#[inline]
pub fn tally_discipline(
    a: &ValidAssessment,
    family: Family,
    reasons: &mut Vec<Reason>,
) -> DisciplineTally {
    let mut tally = DisciplineTally::default();
    // Neither QĐ 124 nor QĐ 132 with HD 21 has a counterpart of QĐ 366's notes 2–3: a
    // violation at the previous unit counts here too (ruling of 7/12/2026).
    let not_counted = |record: &Discipline| outside_period(a, record);
    for_each_counted(
        a,
        family.discipline_not_counted(),
        reasons,
        not_counted,
        |record| {
            if record.member_id.is_some() {
                tally.members += 1;
                if record.form != DisciplineForm::Reprimand {
                    tally.members_warning_or_heavier += 1;
                }
            } else {
                tally.own += 1;
            }
        },
    );
    tally
}
