//! The documented mapping from QĐ 366 points to the criterion grades of QĐ 124 and
//! QĐ 132, for comparing a record written with points only (`docs/regimes.md`).

use crate::contract::assessment::{Grade, GradesInput};
use crate::contract::compare::GradeMapping;
use crate::model::Score;
use crate::points::Points;
use std::collections::BTreeMap;

/// The grades of a score by `mapping`.
pub fn mapped_grades(mapping: GradeMapping, score: &Score) -> GradesInput {
    match mapping {
        GradeMapping::ScoreShares => GradesInput {
            criteria: BTreeMap::from([(
                "general".to_owned(),
                share_grade(score.general, Points::whole(30)),
            )]),
            task_results: share_grade(score.task_results, Points::whole(70)),
        },
    }
}

/// The grade of `points` out of `maximum` by the share bands 90/70/50%, exactly:
/// `100·p ≥ 90·max`.
fn share_grade(points: Points, maximum: Points) -> Grade {
    let (p, m) = (
        i128::from(points.hundredths()),
        i128::from(maximum.hundredths()),
    );
    if 100 * p >= 90 * m {
        Grade::Excellent
    } else if 100 * p >= 70 * m {
        Grade::Good
    } else if 100 * p >= 50 * m {
        Grade::Average
    } else {
        Grade::Poor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_shares_are_exact_at_each_band() {
        let grade = |hundredths: i64, max: i64| {
            share_grade(Points::from_hundredths(hundredths), Points::whole(max))
        };
        assert_eq!(grade(2700, 30), Grade::Excellent); // 27/30 = 90%
        assert_eq!(grade(2699, 30), Grade::Good);
        assert_eq!(grade(4900, 70), Grade::Good); // 49/70 = 70%
        assert_eq!(grade(4899, 70), Grade::Average);
        assert_eq!(grade(3500, 70), Grade::Average); // 50%
        assert_eq!(grade(3499, 70), Grade::Poor);
    }
}
