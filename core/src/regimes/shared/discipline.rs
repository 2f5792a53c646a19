//! What every regime shares about discipline records: whether one falls in the period.

use crate::intake::model::{Discipline, ValidAssessment};
use crate::rules::reason::NotCountedWhy;

/// Why a discipline record does not count in this period, by its dates and by whether
/// it was counted before (one violation is counted once), in every regime.
pub fn outside_period(a: &ValidAssessment, record: &Discipline) -> Option<NotCountedWhy> {
    if record.decided_on < a.period.from {
        Some(NotCountedWhy::BeforePeriod)
    } else if record.decided_on > a.period.to || record.decided_on > a.as_of {
        Some(NotCountedWhy::AfterPeriod)
    } else if record.counted_before {
        Some(NotCountedWhy::CountedBefore)
    } else {
        None
    }
}
