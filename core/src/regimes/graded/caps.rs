//! HD 21's caps (QĐ 132): sick leave, a leadership collective under its organisation, a
//! head under what they head.

use crate::contract::decision::Effect;
use crate::contract::level::Level;
use crate::model::ValidAssessment;
use crate::points::Points;
use crate::regimes::graded::family::Family;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Part, Reason, Value, Values};

/// A cap by another level (HD 21): lowers the level, or says it did not.
#[inline]
pub fn cap(
    rule: Rule,
    level: Level,
    cap: Level,
    extra: (Fact, Value),
    reasons: &mut Vec<Reason>,
) -> Level {
    let lowers = level > cap;
    reasons.push(Reason::new(
        rule,
        lowers,
        if lowers {
            Effect::Demotes
        } else {
            Effect::Info
        },
        Some(level.min(cap)),
        Values::of(&[
            (Fact::Part, Value::Part(Part::Cap)),
            (Fact::LevelBefore, Value::Level(level)),
            (Fact::CapLevel, Value::Level(cap)),
            extra,
        ]),
    ));
    level.min(cap)
}

/// HD 21's caps: sick leave, the leadership collective under its organisation, the head
/// under what they head.
#[inline]
pub fn caps(
    a: &ValidAssessment,
    family: Family,
    mut level: Level,
    reasons: &mut Vec<Reason>,
) -> Level {
    if family == Family::Qd132Member {
        if a.leave.sick_months >= Points::whole(3) {
            level = cap(
                Rule::Qd132Sick,
                level,
                Level::Completed,
                (Fact::SickMonths, Value::Points(a.leave.sick_months)),
                reasons,
            );
        }
        if a.leave.maternity {
            reasons.push(Reason::new(
                Rule::Qd132Sick,
                true,
                Effect::Info,
                None,
                Values::of(&[
                    (Fact::Part, Value::Part(Part::Leave)),
                    (Fact::Maternity, Value::Flag(true)),
                ]),
            ));
        }
        if let Some(headed) = a.leader.headed_level {
            level = cap(
                Rule::Qd132HeadCap,
                level,
                headed,
                (Fact::Kind, Value::Kind(a.subject.kind)),
                reasons,
            );
        }
    }
    if family == Family::Qd132Leadership {
        if let Some(organisation) = a.collective.organisation_level {
            level = cap(
                Rule::Qd132LcCap,
                level,
                organisation,
                (Fact::Kind, Value::Kind(a.subject.kind)),
                reasons,
            );
        }
    }
    level
}
