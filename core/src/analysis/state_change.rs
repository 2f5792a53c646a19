//! What would change a state record's level (`nd335`, `nd233`; design §14.2,
//! `docs/state-regimes.md` "What would change").
//!
//! The person still influences the last listed period with work ("this month" or "this
//! quarter"): its products and its general points; earlier periods are closed. For each
//! level above the current one, lowest first, the deficit of the sum of period scores
//! against the level's threshold is `D = n·(T − ½ step) − Σ S_p`, exact. It is covered by
//! the fewest products put right (done, no failed review, no delay: the largest gains
//! first, ties in list order), then by the general points (or, when the period gives
//! `task_results` directly, those first), rounded up to the hundredth. Every plan is
//! applied and evaluated again: a plan is offered only when it reaches its level.
//!
//! A level out of reach is reported once, with why (a ground, a cap, the quota, or the
//! score: `nd335.21.year`); the levels above it are out of reach for the same reason and
//! are not listed again.
//!
//! `nd90` rates criteria grades and task counts, not periods: the person influences their
//! own tasks, as the party's what-would-change reads them (completed, not late or of poor
//! quality, on schedule, exceeded); the criteria, the unit's targets and the managed units
//! are blockers.

use crate::analysis::task_counts::count_change;
use crate::contract::change::{Blocker, Change, LevelPath};
use crate::contract::decision::Effect;
use crate::contract::level::{Level, Options, Outcome};
use crate::contract::regime::RegimeId;
use crate::contract::text::Text;
use crate::exact::{approx, int, of_points, ratio, Exact};
use crate::model::{
    LeaderFacts, PeriodKey, Product, StateFacts, TaskResults, Tasks, ValidAssessment,
};
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::dispatch::evaluate_valid;
use crate::regimes::explain::message;
use crate::regimes::state::periods::{components, task_results};
use crate::rules::catalogue::Rule;
use num_traits::{ToPrimitive, Zero};

/// What a plan changes in the last period.
#[derive(Debug, Clone, Default)]
struct Plan {
    /// Products put right, in the order chosen.
    products: Vec<usize>,
    /// The new `task_results`, when given directly and raised.
    task_results: Option<Points>,
    /// The new general points, when raised.
    general: Option<Points>,
}

/// The exact value rounded up to the hundredth.
fn ceil_hundredths(value: &Exact) -> Points {
    let scaled = (value * int(100)).ceil().to_integer();
    Points::from_hundredths(scaled.to_i64().unwrap_or(i64::MAX))
}

fn put_right(product: &Product) -> Product {
    Product {
        done: true,
        quality_failures: 0,
        delays: 0,
        ..product.clone()
    }
}

fn fully_credited(product: &Product) -> bool {
    product.done && product.quality_failures == 0 && product.delays == 0
}

/// The period's `R_p` from a product list.
fn results_of(products: &[Product], leader: Option<&LeaderFacts>) -> Exact {
    task_results(&components(products, leader))
}

/// The plan that covers `deficit` in the period `last`, or `None` when even a perfect
/// period does not.
fn plan_for(state: &StateFacts, last: usize, deficit: &Exact) -> Option<Plan> {
    let work = state.periods.get(last)?.work.as_ref()?;
    let mut plan = Plan::default();
    let mut missing = deficit.clone();
    let general_room = Points::whole(30).saturating_sub(work.general);
    match &work.results {
        TaskResults::Products(products, leader) => {
            let base = results_of(products, leader.as_ref());
            let mut gains: Vec<(usize, Exact)> = products
                .iter()
                .enumerate()
                .filter(|(_, p)| !fully_credited(p))
                .map(|(i, p)| {
                    let mut fixed = products.clone();
                    fixed[i] = put_right(p);
                    (i, results_of(&fixed, leader.as_ref()) - &base)
                })
                .filter(|(_, gain)| gain > &Exact::zero())
                .collect();
            // Largest gain first; ties in list order (the sort is stable).
            gains.sort_by(|a, b| b.1.cmp(&a.1));
            let mut current = products.clone();
            for (i, _) in gains {
                if missing <= Exact::zero() {
                    break;
                }
                current[i] = put_right(&current[i]);
                plan.products.push(i);
                // The caps make gains interact: the result is re-computed exactly.
                missing = deficit - (results_of(&current, leader.as_ref()) - &base);
            }
        }
        TaskResults::Given(given) if missing > Exact::zero() => {
            let room = Points::whole(70).saturating_sub(*given);
            let add = ceil_hundredths(&missing).min(room);
            if add > Points::ZERO {
                plan.task_results = Some(given.saturating_add(add));
                missing -= of_points(add);
            }
        }
        TaskResults::Given(_) => {}
    }
    if missing > Exact::zero() {
        let add = ceil_hundredths(&missing);
        if add > general_room {
            return None;
        }
        plan.general = Some(work.general.saturating_add(add));
    }
    Some(plan)
}

/// The record with the plan applied to the period `last`.
fn apply(a: &ValidAssessment, last: usize, plan: &Plan) -> ValidAssessment {
    let mut changed = a.clone();
    let work = changed
        .state
        .as_deref_mut()
        .and_then(|s| s.periods.get_mut(last))
        .and_then(|p| p.work.as_mut());
    if let Some(work) = work {
        if let Some(general) = plan.general {
            work.general = general;
        }
        match &mut work.results {
            TaskResults::Products(products, _) => {
                for &i in &plan.products {
                    if let Some(product) = products.get_mut(i) {
                        *product = put_right(product);
                    }
                }
            }
            TaskResults::Given(given) => {
                if let Some(raised) = plan.task_results {
                    *given = raised;
                }
            }
        }
    }
    changed
}

/// `tháng 12` / `this month` and `các tháng` / `months`.
fn period_words(key: PeriodKey) -> (String, &'static str, &'static str, &'static str) {
    match key {
        PeriodKey::Month(m) => (format!("tháng {m}"), "this month", "các tháng", "months"),
        PeriodKey::Quarter(q) => (format!("quý {q}"), "this quarter", "các quý", "quarters"),
    }
}

/// Everything the messages of a plan say.
struct Need<'a> {
    key: PeriodKey,
    n: u32,
    /// `T − S`: what the annual score lacks.
    score_gap: Points,
    /// `D`: what the sum of period scores lacks.
    deficit: &'a Exact,
}

impl Need<'_> {
    fn tail(&self) -> (String, String) {
        let (_, _, vi_periods, en_periods) = period_words(self.key);
        (
            format!(
                "điểm bình quân năm cần thêm {} điểm (tổng điểm {vi_periods} thêm {})",
                self.score_gap.vi(),
                approx(self.deficit, 2, true)
            ),
            format!(
                "the annual mean needs {} more points ({} more over the {} {en_periods})",
                self.score_gap,
                approx(self.deficit, 2, false),
                self.n
            ),
        )
    }
}

/// A product as a message names it: its label, or its position.
fn product_label(product: &Product, index: usize) -> String {
    product
        .label
        .clone()
        .unwrap_or_else(|| format!("#{}", index + 1))
}

fn changes(a: &ValidAssessment, last: usize, plan: &Plan, need: &Need<'_>) -> Vec<Change> {
    let Some(work) = a
        .state
        .as_deref()
        .and_then(|s| s.periods.get(last))
        .and_then(|p| p.work.as_ref())
    else {
        return Vec::new();
    };
    let (vi_period, en_period, _, _) = period_words(need.key);
    let (vi_tail, en_tail) = need.tail();
    let mut list = Vec::new();
    if let TaskResults::Products(products, _) = &work.results {
        let k = plan.products.len();
        let labels: Vec<String> = plan
            .products
            .iter()
            .filter_map(|&i| products.get(i).map(|p| product_label(p, i)))
            .collect();
        let text = Text::new(
            format!(
                "{k} sản phẩm nữa hoàn thành đúng hạn, đạt chất lượng trong {vi_period} ({}); {vi_tail}",
                labels.join(", ")
            ),
            format!(
                "{k} more product{} done on time with the required quality {en_period} ({}): {en_tail}",
                if k == 1 { "" } else { "s" },
                labels.join(", ")
            ),
        );
        for &i in &plan.products {
            let Some(product) = products.get(i) else {
                continue;
            };
            let at = |field: &str| format!("/periods/{last}/products/{i}/{field}");
            // Field by field, in the order `done`, `quality_failures`, `delays`.
            let edits: [(Rule, &str, bool, serde_json::Value, serde_json::Value); 3] = [
                (
                    Rule::StateQuantity,
                    "done",
                    !product.done,
                    false.into(),
                    true.into(),
                ),
                (
                    Rule::StateQuality,
                    "quality_failures",
                    product.quality_failures > 0,
                    product.quality_failures.into(),
                    0.into(),
                ),
                (
                    Rule::StateProgress,
                    "delays",
                    product.delays > 0,
                    product.delays.into(),
                    0.into(),
                ),
            ];
            for (rule, field, changed, from, to) in edits {
                if changed {
                    list.push(Change {
                        rule: rule.id().to_owned(),
                        path: at(field),
                        from,
                        to,
                        message: text.clone(),
                    });
                }
            }
        }
    }
    let raised = [
        (
            "task_results",
            plan.task_results,
            match &work.results {
                TaskResults::Given(given) => *given,
                TaskResults::Products(..) => Points::ZERO,
            },
            "kết quả thực hiện nhiệm vụ",
            "task results",
        ),
        (
            "general",
            plan.general,
            work.general,
            "tiêu chí chung",
            "general criteria",
        ),
    ];
    for (field, to, from, vi_name, en_name) in raised {
        let Some(to) = to else { continue };
        let more = to.saturating_sub(from);
        list.push(Change {
            rule: Rule::StatePeriodScore.id().to_owned(),
            path: format!("/periods/{last}/{field}"),
            from: serde_json::Value::Number(from.to_json_number()),
            to: serde_json::Value::Number(to.to_json_number()),
            message: Text::new(
                format!(
                    "thêm {} điểm {vi_name} trong {vi_period} ({} → {}); {vi_tail}",
                    more.vi(),
                    from.vi(),
                    to.vi()
                ),
                format!(
                    "{more} more point{} of {en_name} {en_period} ({from} → {to}): {en_tail}",
                    if more == Points::whole(1) { "" } else { "s" }
                ),
            ),
        });
    }
    list
}

/// Whether a rule is the score's own (a band, or under 50): a level it holds back is
/// out of reach for want of points.
fn score_rule(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::StateExcellent
            | Rule::StateGood
            | Rule::StateCompleted
            | Rule::StateUnder50
            | Rule::StateYear
    )
}

fn blocker(rule: Rule, vi: String, en: String) -> Blocker {
    Blocker {
        rule: rule.id().to_owned(),
        message: Text::new(
            format!("Không thể đạt trong kỳ này: {vi}"),
            format!("Not reachable this period: {en}"),
        ),
    }
}

/// Why `level` stays out of reach even with the best plan (`best`: the decision with the
/// last period perfect).
fn blockers(level: Level, best: &Decision, best_mean: Option<Points>) -> Vec<Blocker> {
    let holding = best
        .reasons
        .iter()
        .filter(|r| !score_rule(r.rule))
        .find(|r| r.level.is_some_and(|l| l < level) && r.effect != Effect::Info);
    match holding {
        Some(reason) => {
            let text = message(reason, best);
            vec![blocker(reason.rule, text.vi, text.en)]
        }
        None => {
            let mean = best_mean.unwrap_or(Points::ZERO);
            let floor = level.floor();
            vec![blocker(
                Rule::StateYear,
                format!(
                    "kể cả kỳ cuối đạt tối đa, điểm bình quân năm là {}, dưới {} điểm để đạt {}",
                    mean.vi(),
                    floor.vi(),
                    level.vi()
                ),
                format!(
                    "even a perfect last period leaves the annual mean at {mean}, under the {floor} points {} needs",
                    level.en()
                ),
            )]
        }
    }
}

/// The best plan: every product of the last period put right, general 30 (and a given
/// `task_results` 70).
fn perfect(state: &StateFacts, last: usize) -> Plan {
    let mut plan = Plan {
        general: Some(Points::whole(30)),
        ..Plan::default()
    };
    if let Some(work) = state.periods.get(last).and_then(|p| p.work.as_ref()) {
        match &work.results {
            TaskResults::Products(products, _) => plan.products = (0..products.len()).collect(),
            TaskResults::Given(_) => plan.task_results = Some(Points::whole(70)),
        }
    }
    plan
}

fn annual(decision: &Decision) -> Option<(u32, Exact, Points)> {
    let mean = decision.state.as_deref()?.mean.as_ref()?;
    Some((mean.counted, mean.sum.clone(), mean.score))
}

/// `nd90`: the person's own tasks, as the party's what-would-change reads them; the
/// candidate plans, smallest first: every task completed, then none late or of poor
/// quality, then every one on schedule, then the fewest more exceeded. `poor` never
/// exceeds the tasks not on time (`assigned − on_time`), so it falls before `on_time`
/// rises.
fn nd90_plans(tasks: Tasks, poor: u32) -> Vec<(Tasks, u32)> {
    let n = tasks.assigned;
    let mut plans = Vec::new();
    let mut t = tasks;
    t.completed = n;
    t.not_completed = 0;
    plans.push((t, poor));
    plans.push((t, 0));
    t.on_time = n;
    plans.push((t, 0));
    // At least half exceeded (ND 90 Art. 8.1), the fewest more.
    let half = n.div_ceil(2).max(t.exceeded);
    if half != t.exceeded {
        plans.push((
            Tasks {
                exceeded: half,
                ..t
            },
            0,
        ));
    }
    plans
}

fn apply_nd90(a: &ValidAssessment, tasks: Tasks, poor: u32) -> ValidAssessment {
    let mut changed = a.clone();
    changed.tasks = Some(tasks);
    if let Some(state) = changed.state.as_deref_mut() {
        state.poor = poor;
    }
    changed
}

fn nd90_rule(level: Level) -> Rule {
    match level {
        Level::Excellent => Rule::Nd90Excellent,
        Level::Good => Rule::Nd90Good,
        _ => Rule::Nd90Completed,
    }
}

fn nd90_changes(level: Level, from: Tasks, poor: u32, to: Tasks, to_poor: u32) -> Vec<Change> {
    let rule = nd90_rule(level);
    let n = from.assigned;
    let mut list = Vec::new();
    list.extend(count_change(
        rule,
        "/tasks/completed",
        from.completed,
        to.completed,
        n,
        "hoàn thành",
        "completed",
    ));
    if to_poor != poor {
        list.push(Change {
            rule: rule.id().to_owned(),
            path: "/tasks/poor".to_owned(),
            from: poor.into(),
            to: to_poor.into(),
            message: Text::new(
                format!(
                    "không còn nhiệm vụ chậm tiến độ, chất lượng hoặc hiệu quả thấp (hiện {poor})"
                ),
                format!("no task left late or of poor quality or efficiency (now {poor})"),
            ),
        });
    }
    list.extend(count_change(
        rule,
        "/tasks/on_time",
        from.on_time,
        to.on_time,
        n,
        "hoàn thành đúng tiến độ",
        "completed on schedule",
    ));
    list.extend(count_change(
        rule,
        "/tasks/exceeded",
        from.exceeded,
        to.exceeded,
        n,
        "vượt mức",
        "exceeded",
    ));
    list
}

/// `nd90`: for each level above the decision's, the smallest change of the person's own
/// tasks that reaches it, or why it is out of reach (reported once).
fn nd90_what_would_change(
    a: &ValidAssessment,
    state: &StateFacts,
    decision: &Decision,
    options: &Options,
) -> Vec<LevelPath> {
    let Some(tasks) = a.tasks else {
        return Vec::new();
    };
    let current = decision.level.unwrap_or(Level::NotCompleted);
    let mut paths = Vec::new();
    for level in [Level::Completed, Level::Good, Level::Excellent] {
        if level <= current {
            continue;
        }
        let reaches = |(t, poor): &(Tasks, u32)| {
            evaluate_valid(&apply_nd90(a, *t, *poor), options)
                .is_ok_and(|d| d.outcome == Outcome::Classified && d.level >= Some(level))
        };
        let plans = nd90_plans(tasks, state.poor);
        let found = plans
            .iter()
            .find(|plan| (plan.0, plan.1) != (tasks, state.poor) && reaches(plan));
        if let Some(&(to, to_poor)) = found {
            paths.push(LevelPath {
                level,
                reachable: true,
                changes: nd90_changes(level, tasks, state.poor, to, to_poor),
                blockers: Vec::new(),
            });
            continue;
        }
        let best = plans
            .last()
            .and_then(|&(t, poor)| evaluate_valid(&apply_nd90(a, t, poor), options).ok());
        // The level's own conditions that still fail (the criteria, the unit), else what
        // holds the level lower (a ground, the leave cap, the quota).
        let holding = best.as_ref().and_then(|best| {
            best.reasons
                .iter()
                .find(|r| r.rule == nd90_rule(level) && !r.holds)
                .or_else(|| {
                    best.reasons
                        .iter()
                        .find(|r| r.level.is_some_and(|l| l < level) && r.effect != Effect::Info)
                })
                .map(|r| (r.rule, message(r, best)))
        });
        let blocker_of = |rule: Rule, text: Text| blocker(rule, text.vi, text.en);
        let list = match holding {
            Some((rule, text)) => vec![blocker_of(rule, text)],
            None => vec![blocker_of(
                nd90_rule(level),
                Text::new(
                    format!(
                        "{} cần các tiêu chí đạt mức yêu cầu, không chỉ nhiệm vụ",
                        level.vi()
                    ),
                    format!(
                        "{} needs the criteria graded as required, not only the tasks",
                        level.en()
                    ),
                ),
            )],
        };
        paths.push(LevelPath {
            level,
            reachable: false,
            changes: Vec::new(),
            blockers: list,
        });
        break;
    }
    paths
}

/// For each level above a state decision's, the smallest changes of the last period with
/// work that reach it, or why it is out of reach this period (see the module docs); under
/// `nd90`, of the person's own tasks.
pub fn state_what_would_change(
    a: &ValidAssessment,
    state: &StateFacts,
    decision: &Decision,
    options: &Options,
) -> Vec<LevelPath> {
    if decision.outcome != Outcome::Classified {
        return Vec::new();
    }
    if decision.regime == RegimeId::Nd90 {
        return nd90_what_would_change(a, state, decision, options);
    }
    let Some((n, sum, score)) = annual(decision) else {
        return Vec::new();
    };
    let Some(last) = state.periods.iter().rposition(|p| p.work.is_some()) else {
        return Vec::new();
    };
    let key = state.periods[last].key;
    let current = decision.level.unwrap_or(Level::NotCompleted);
    let half_step = ratio(i64::from(options.rounding.step()), 200);
    let mut paths = Vec::new();
    for level in [Level::Completed, Level::Good, Level::Excellent] {
        if level <= current {
            continue;
        }
        let need = int(i64::from(n)) * (of_points(level.floor()) - &half_step);
        let deficit = &need - &sum;
        let plan = if deficit > Exact::zero() {
            plan_for(state, last, &deficit)
        } else {
            Some(Plan::default())
        };
        let reached = plan.as_ref().filter(|p| {
            (!p.products.is_empty() || p.general.is_some() || p.task_results.is_some())
                && evaluate_valid(&apply(a, last, p), options)
                    .is_ok_and(|d| d.outcome == Outcome::Classified && d.level >= Some(level))
        });
        if let Some(plan) = reached {
            let need = Need {
                key,
                n,
                score_gap: level.floor().saturating_sub(score),
                deficit: &deficit,
            };
            paths.push(LevelPath {
                level,
                reachable: true,
                changes: changes(a, last, plan, &need),
                blockers: Vec::new(),
            });
            continue;
        }
        let best = evaluate_valid(&apply(a, last, &perfect(state, last)), options).ok();
        let list = match &best {
            Some(best) => blockers(level, best, annual(best).map(|(_, _, s)| s)),
            None => Vec::new(),
        };
        paths.push(LevelPath {
            level,
            reachable: false,
            changes: Vec::new(),
            blockers: list,
        });
        // The levels above are out of reach for the same reason: reported once.
        break;
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_up_to_the_hundredth() {
        assert_eq!(
            ceil_hundredths(&ratio(98, 100)),
            Points::from_hundredths(98)
        );
        assert_eq!(ceil_hundredths(&ratio(1, 300)), Points::from_hundredths(1));
        assert_eq!(ceil_hundredths(&ratio(7, 6)), Points::from_hundredths(117));
    }
}
