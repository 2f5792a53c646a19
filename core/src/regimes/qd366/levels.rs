//! QĐ 366 Art. 11.1–11.3, the conditions of Excellent, Good and Completed, applied from
//! the score's band down under the `cascade` or `strict` reading (rules-qd366 §5).

use crate::contract::decision::Effect;
use crate::contract::level::{Level, Reading};
use crate::contract::subject::SubjectKind;
use crate::model::{Tasks, ValidAssessment};
use crate::points::share_at_least;
use crate::regimes::qd366::discipline::DisciplineTally;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// One level condition: the rule, whether it holds, the values it read.
pub type Condition = (Rule, bool, Values);

/// The conditions of `level` for this subject (Art. 11.1–11.3), each with its values.
pub fn conditions(
    level: Level,
    a: &ValidAssessment,
    tasks: &Tasks,
    tally: &DisciplineTally,
) -> [Option<Condition>; 2] {
    let (n, c, o, x) = (
        u64::from(tasks.assigned),
        u64::from(tasks.completed),
        u64::from(tasks.on_time),
        u64::from(tasks.exceeded),
    );
    let kind = a.subject.kind;
    let task_values = |extra: &[(Fact, Value)]| {
        let mut values = Values::of(&[
            (Fact::Assigned, Value::count(tasks.assigned)),
            (Fact::Completed, Value::count(tasks.completed)),
            (Fact::OnTime, Value::count(tasks.on_time)),
            (Fact::Exceeded, Value::count(tasks.exceeded)),
        ]);
        for &(fact, value) in extra {
            values.push(fact, value);
        }
        values
    };
    let thirty_percent = share_at_least(x, n, 3, 10);
    match level {
        Level::Excellent => {
            let main = match kind {
                SubjectKind::Collective => {
                    let subordinates =
                        u64::from(a.collective.subordinate_units_disciplined.unwrap_or(0));
                    // Nor was the collective itself disciplined (rules-qd366 §4, 11.1.T).
                    let holds = o == n
                        && thirty_percent
                        && subordinates == 0
                        && tally.members_any == 0
                        && tally.own_any() == 0;
                    let values = task_values(&[
                        (
                            Fact::SubordinateUnitsDisciplined,
                            Value::Count(subordinates),
                        ),
                        (Fact::MembersDisciplined, Value::Count(tally.members_any)),
                        (Fact::CollectiveDisciplined, Value::Count(tally.own_any())),
                    ]);
                    (Rule::ExcellentCollective, holds, values)
                }
                // The text does not say "on time" for the units a leader leads.
                SubjectKind::Leader => (
                    Rule::ExcellentLeader,
                    c == n && thirty_percent,
                    task_values(&[]),
                ),
                SubjectKind::Member => (
                    Rule::ExcellentMember,
                    o == n && thirty_percent,
                    task_values(&[]),
                ),
            };
            let fix = (a.shortcomings.identified > 0).then(|| {
                let s = a.shortcomings;
                (
                    Rule::ExcellentShortcomingsFixed,
                    s.fixed >= s.identified,
                    Values::of(&[
                        (Fact::Identified, Value::count(s.identified)),
                        (Fact::Fixed, Value::count(s.fixed)),
                    ]),
                )
            });
            [Some(main), fix]
        }
        Level::Good => {
            let rule = match kind {
                SubjectKind::Collective => Rule::GoodCollective,
                SubjectKind::Leader => Rule::GoodLeader,
                SubjectKind::Member => Rule::GoodMember,
            };
            [Some((rule, o == n, task_values(&[]))), None]
        }
        Level::Completed => {
            let rule = match kind {
                SubjectKind::Collective => Rule::CompletedCollective,
                SubjectKind::Leader => Rule::CompletedLeader,
                SubjectKind::Member => Rule::CompletedMember,
            };
            let late = c.saturating_sub(o);
            // 5·late ≤ n: tasks not on schedule at most 20%.
            let holds = c == n && late * 5 <= n;
            [
                Some((
                    rule,
                    holds,
                    task_values(&[(Fact::Late, Value::Count(late))]),
                )),
                None,
            ]
        }
        Level::NotCompleted => [None, None],
    }
}

/// How the level conditions resolved.
pub enum Resolution {
    Level(Level),
    /// `cascade`: no level's conditions hold (rules-qd366 §5.3).
    Gap,
    /// `strict`: the band's own conditions fail.
    Undetermined,
}

/// Applies the level conditions from `band` down (rules-qd366 §5), pushing each
/// condition's reason: all of the deciding level's, and the failed ones above it.
pub fn resolve(
    band: Level,
    a: &ValidAssessment,
    tasks: &Tasks,
    tally: &DisciplineTally,
    reading: Reading,
    reasons: &mut Vec<Reason>,
) -> Resolution {
    let mut level = band;
    while level != Level::NotCompleted {
        let conds = conditions(level, a, tasks, tally);
        let all_hold = conds.iter().flatten().all(|(_, holds, _)| *holds);
        for (rule, holds, values) in conds.into_iter().flatten() {
            if all_hold {
                reasons.push(Reason::new(
                    rule,
                    true,
                    Effect::Decides,
                    Some(level),
                    values,
                ));
            } else if !holds {
                reasons.push(Reason::new(
                    rule,
                    false,
                    Effect::Blocks,
                    Some(level),
                    values,
                ));
            }
        }
        if all_hold {
            return Resolution::Level(level);
        }
        if reading == Reading::Strict {
            reasons.push(Reason::new(
                Rule::StrictUndetermined,
                true,
                Effect::NeedsDecision,
                Some(band),
                Values::of(&[(Fact::Band, Value::Level(band))]),
            ));
            return Resolution::Undetermined;
        }
        let Some(next) = level.below() else { break };
        level = next;
    }
    reasons.push(Reason::new(
        Rule::CascadeGap,
        true,
        Effect::NeedsDecision,
        Some(Level::NotCompleted),
        Values::default(),
    ));
    Resolution::Gap
}
