//! What would change the result: for a decision below Excellent, the smallest changes of
//! the inputs a person still influences (points, task counts, shortcomings fixed) that
//! reach each higher level, as concrete statements built from the values, each with its
//! rule id; or why a level is out of reach this period.
//!
//! Every suggestion is checked by applying it and evaluating again: a change is only
//! offered when it actually reaches the stated level.

use crate::analysis::state_change::state_what_would_change;
use crate::analysis::task_counts::count_change;
use crate::contract::change::{Blocker, Change, LevelPath};
use crate::contract::decision::Effect;
use crate::contract::level::{Level, Options, Outcome};
use crate::contract::subject::SubjectKind;
use crate::contract::text::Text;
use crate::model::{Score, Tasks, ValidAssessment};
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::dispatch::evaluate_valid;
use crate::regimes::explain::message;
use crate::regimes::qd366::discipline::tally_discipline;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Values};

/// The inputs the person still influences, as changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plan {
    general: Points,
    task_results: Points,
    tasks: Tasks,
    fixed: u32,
}

fn main_rule(level: Level, kind: SubjectKind) -> Rule {
    match (level, kind) {
        (Level::Excellent, SubjectKind::Member) => Rule::ExcellentMember,
        (Level::Excellent, SubjectKind::Leader) => Rule::ExcellentLeader,
        (Level::Excellent, SubjectKind::Collective) => Rule::ExcellentCollective,
        (Level::Good, SubjectKind::Member) => Rule::GoodMember,
        (Level::Good, SubjectKind::Leader) => Rule::GoodLeader,
        (Level::Good, SubjectKind::Collective) => Rule::GoodCollective,
        (_, SubjectKind::Member) => Rule::CompletedMember,
        (_, SubjectKind::Leader) => Rule::CompletedLeader,
        (_, SubjectKind::Collective) => Rule::CompletedCollective,
    }
}

/// Whether a plan trigger holds for a reason the tasks cannot change (basic targets
/// missed, or more than half the units in charge Not completed).
fn plan_fixed_part(values: &Values) -> bool {
    let missed = values.count(Fact::TargetsMissed);
    let targets = values.flag(Fact::TargetsApplicable)
        && if values.flag(Fact::TargetsReadingAll) {
            missed >= 5
        } else {
            missed >= 1
        };
    let units = values.count(Fact::UnitsNotCompleted) * 2 > values.count(Fact::UnitsTotal);
    targets || units
}

/// Triggers that no change of points, tasks or shortcomings can lift.
fn fixed_blockers(decision: &Decision) -> Vec<Blocker> {
    decision
        .reasons
        .iter()
        .filter(|r| {
            r.effect == Effect::Decides
                && r.level == Some(Level::NotCompleted)
                && match r.rule {
                    Rule::NotCompletedScore | Rule::MemberTasks => false,
                    // A plan trigger lifts with the tasks only when neither the basic
                    // targets nor the units in charge are what fired it.
                    Rule::LeaderPlan | Rule::CollectivePlan => plan_fixed_part(&r.values),
                    _ => true,
                }
        })
        .map(|r| Blocker {
            rule: r.rule.id().to_owned(),
            message: {
                let m = message(r, decision);
                Text::new(
                    format!("Không thể đạt trong kỳ này: {}", m.vi),
                    format!("Not reachable this period: {}", m.en),
                )
            },
        })
        .collect()
}

/// Why a collective cannot be Excellent this period whatever its points and tasks: a
/// subordinate unit or a member disciplined (11.1.T), or the collective itself
/// (rules-qd366 §4: 11.1.T for a leadership collective, whose duty-related own
/// discipline is a trigger already; `qd366.7.own_discipline` for the others).
fn collective_excellent_blockers(a: &ValidAssessment) -> Vec<Blocker> {
    let subordinates = a.collective.subordinate_units_disciplined.unwrap_or(0);
    // The records that count, whatever the score's band (the reasons are not needed).
    let tally = tally_discipline(a, &mut Vec::new());
    let mut blockers = Vec::new();
    if subordinates > 0 || tally.members_any > 0 {
        blockers.push(Blocker {
            rule: Rule::ExcellentCollective.id().to_owned(),
            message: Text::new(
                "Không thể đạt Hoàn thành xuất sắc trong kỳ này: có đơn vị trực thuộc hoặc thành viên bị kỷ luật",
                "Excellent is not reachable this period: a subordinate unit or a member was disciplined",
            ),
        });
    }
    if tally.own_any() > 0 {
        let rule = if a.subject.is_leadership_collective() {
            Rule::ExcellentCollective
        } else {
            Rule::OwnDisciplineNeedsDecision
        };
        blockers.push(Blocker {
            rule: rule.id().to_owned(),
            message: Text::new(
                "Không thể đạt Hoàn thành xuất sắc trong kỳ này: chính tập thể bị kỷ luật trong kỳ",
                "Excellent is not reachable this period: the collective itself was disciplined in the period",
            ),
        });
    }
    blockers
}

/// The smallest plan for `level`: task counts first (the level's conditions), then points.
fn plan_for(level: Level, a: &ValidAssessment, score: Score, tasks: Tasks) -> Option<Plan> {
    let n = tasks.assigned;
    let mut t = tasks;
    let kind = a.subject.kind;
    // Completed and above need every task completed; that also lifts the plan and
    // task triggers (10·c ≥ 7·n, 2·f ≤ n).
    t.completed = n;
    t.not_completed = 0;
    match level {
        Level::Completed => {
            // late = c − o ≤ n/5: on time at least n − floor(n/5).
            let needed = n - n / 5;
            t.on_time = t.on_time.max(needed).min(n);
        }
        Level::Good => t.on_time = n,
        Level::Excellent => {
            // 11.1.L asks a leader's units for all tasks completed, not on time.
            if kind != SubjectKind::Leader {
                t.on_time = n;
            }
            // 10·x ≥ 3·n
            let needed = (3 * u64::from(n)).div_ceil(10);
            t.exceeded = t
                .exceeded
                .max(u32::try_from(needed).unwrap_or(u32::MAX))
                .min(n);
        }
        Level::NotCompleted => return None,
    }
    let fixed = if level == Level::Excellent {
        a.shortcomings.identified
    } else {
        a.shortcomings.fixed
    };
    // Points: the level's floor, taken first from task results, then general criteria.
    let floor = level.floor();
    let total = score.total();
    let (mut general, mut task_results) = (score.general, score.task_results);
    if total < floor {
        let mut missing = floor.saturating_sub(total);
        let room_r = Points::whole(70).saturating_sub(task_results);
        let add_r = if missing < room_r { missing } else { room_r };
        task_results = task_results.saturating_add(add_r);
        missing = missing.saturating_sub(add_r);
        let room_g = Points::whole(30).saturating_sub(general);
        if missing > room_g {
            return None;
        }
        general = general.saturating_add(missing);
    }
    Some(Plan {
        general,
        task_results,
        tasks: t,
        fixed,
    })
}

fn apply(a: &ValidAssessment, plan: &Plan) -> ValidAssessment {
    let mut changed = a.clone();
    changed.score = Some(Score {
        general: plan.general,
        task_results: plan.task_results,
    });
    changed.tasks = Some(plan.tasks);
    changed.shortcomings.fixed = plan.fixed;
    changed
}

fn changes(
    level: Level,
    a: &ValidAssessment,
    score: Score,
    tasks: Tasks,
    plan: &Plan,
) -> Vec<Change> {
    let rule = main_rule(level, a.subject.kind);
    let n = tasks.assigned;
    let mut list = Vec::new();
    list.extend(count_change(
        rule,
        "/tasks/completed",
        tasks.completed,
        plan.tasks.completed,
        n,
        "hoàn thành",
        "completed",
    ));
    list.extend(count_change(
        rule,
        "/tasks/on_time",
        tasks.on_time,
        plan.tasks.on_time,
        n,
        "hoàn thành đúng hạn, bảo đảm chất lượng",
        "completed on time with the required quality",
    ));
    list.extend(count_change(
        rule,
        "/tasks/exceeded",
        tasks.exceeded,
        plan.tasks.exceeded,
        n,
        "hoàn thành vượt mức yêu cầu",
        "completed above requirement",
    ));
    if plan.tasks.not_completed != tasks.not_completed {
        // Every task completed leaves none rated not completed.
        let from = tasks.not_completed;
        list.push(Change {
            rule: rule.id().to_owned(),
            path: "/tasks/not_completed".to_owned(),
            from: from.into(),
            to: plan.tasks.not_completed.into(),
            message: Text::new(
                format!("không còn nhiệm vụ nào không hoàn thành (hiện {from})"),
                format!("no task left rated not completed (now {from})"),
            ),
        });
    }
    if plan.fixed != a.shortcomings.fixed {
        let remaining = plan.fixed - a.shortcomings.fixed;
        list.push(Change {
            rule: Rule::ExcellentShortcomingsFixed.id().to_owned(),
            path: "/shortcomings/fixed".to_owned(),
            from: a.shortcomings.fixed.into(),
            to: plan.fixed.into(),
            message: Text::new(
                format!("khắc phục {remaining} hạn chế, khuyết điểm còn lại"),
                format!(
                    "fix the {remaining} remaining shortcoming{}",
                    if remaining == 1 { "" } else { "s" }
                ),
            ),
        });
    }
    for (path, from, to) in [
        ("/score/task_results", score.task_results, plan.task_results),
        ("/score/general", score.general, plan.general),
    ] {
        if to != from {
            let more = to.saturating_sub(from);
            let total = plan.general.saturating_add(plan.task_results);
            list.push(Change {
                rule: rule.id().to_owned(),
                path: path.to_owned(),
                from: serde_json::Value::Number(from.to_json_number()),
                to: serde_json::Value::Number(to.to_json_number()),
                message: Text::new(
                    format!(
                        "thêm {} điểm ({}), tổng {}",
                        more.vi(),
                        if path.ends_with("general") {
                            "tiêu chí chung"
                        } else {
                            "kết quả thực hiện nhiệm vụ"
                        },
                        total.vi()
                    ),
                    format!(
                        "{more} more point{} ({}), {total} in total",
                        if more == Points::whole(1) { "" } else { "s" },
                        if path.ends_with("general") {
                            "general criteria"
                        } else {
                            "task results"
                        }
                    ),
                ),
            });
        }
    }
    list
}

/// For each level above the decision's, the smallest changes that reach it, or why it
/// cannot be reached this period; a trigger that no change lifts is reported once, on the
/// first level above the decision (the levels above it are held back by the same
/// trigger). Empty for Excellent, not classified, or a regime this version does not
/// evaluate. A state record: [`state_what_would_change`].
pub fn what_would_change(
    a: &ValidAssessment,
    decision: &Decision,
    options: &Options,
) -> Vec<LevelPath> {
    // State records under nd335 and nd233: the last period's products and points.
    if let Some(state) = a.state.as_deref() {
        return state_what_would_change(a, state, decision, options);
    }
    let (Some(score), Some(tasks)) = (a.score, a.tasks) else {
        return Vec::new();
    };
    if decision.outcome == Outcome::NotClassified {
        return Vec::new();
    }
    let current = decision.level.unwrap_or(Level::NotCompleted);
    let blockers = fixed_blockers(decision);
    let mut paths = Vec::new();
    for level in [Level::Completed, Level::Good, Level::Excellent] {
        if decision.outcome == Outcome::Classified && level <= current {
            continue;
        }
        if !blockers.is_empty() {
            // A trigger no change lifts holds every higher level back too: reported once,
            // on the first level above the decision.
            paths.push(LevelPath {
                level,
                reachable: false,
                changes: Vec::new(),
                blockers,
            });
            break;
        }
        let mut unreachable = Vec::new();
        if level == Level::Excellent && a.subject.kind == SubjectKind::Collective {
            unreachable.extend(collective_excellent_blockers(a));
        }
        // The level's own plan first; under the `strict` reading a score in a higher band
        // reaches the level only through that band's conditions, so try those next.
        let verified = if unreachable.is_empty() {
            [Level::Completed, Level::Good, Level::Excellent]
                .into_iter()
                .filter(|target| *target >= level)
                .find_map(|target| {
                    let plan = plan_for(target, a, score, tasks)?;
                    let reached = evaluate_valid(&apply(a, &plan), options).ok()?;
                    (reached.outcome == Outcome::Classified && reached.level >= Some(level))
                        .then_some((target, plan))
                })
        } else {
            None
        };
        match verified {
            Some((target, plan)) => paths.push(LevelPath {
                level,
                reachable: true,
                changes: changes(target, a, score, tasks, &plan),
                blockers: Vec::new(),
            }),
            None => {
                if unreachable.is_empty() {
                    unreachable.push(Blocker {
                        rule: main_rule(level, a.subject.kind).id().to_owned(),
                        message: Text::new(
                            format!("Không thể đạt {} bằng cách thay đổi điểm, nhiệm vụ hay khắc phục khuyết điểm", level.vi()),
                            format!("{} cannot be reached by changing points, tasks or shortcomings fixed", level.en()),
                        ),
                    });
                }
                paths.push(LevelPath {
                    level,
                    reachable: false,
                    changes: Vec::new(),
                    blockers: unreachable,
                });
            }
        }
    }
    paths
}
