//! Partial evaluation: an assessment still being filled in. Missing points and task
//! counts are unanswered, and so is every field named in `unanswered` (JSON Pointers such
//! as `/conclusions/degradation` or `/discipline`, whose absence would otherwise mean
//! "no"). The result is the lowest and highest level still reachable, and for each
//! unanswered field whether its answer can still change the result.
//!
//! How it stays exact and fast: under QĐ 366 a record's level depends on its points only
//! through the score band, and on its task counts only through six exact predicates
//! (`o = n`, `c = n`, `10·x ≥ 3·n`, `5·(c − o) ≤ n`, `10·c < 7·n`, `2·f > n`). Each
//! unanswered number is therefore tried at the critical values around those thresholds
//! only, and the engine itself is called once per distinct (band, predicates, flags)
//! signature. Facts that are Not-completed triggers (conclusions, discipline, leader
//! facts) make the level Not completed whatever else holds, so they are reasoned about
//! directly.

use crate::analysis::state_partial::evaluate_state_partial;
use crate::conduct::shipped::catalogue;
use crate::contract::assessment::{DisciplineForm, PeriodInput};
use crate::contract::conduct_catalogue::ItemEffect;
use crate::contract::errors::{pointer_segment, ErrorCode, InputError, InputErrors};
use crate::contract::level::{Level, Options, Outcome};
use crate::contract::limits::MAX_RECORD_BYTES;
use crate::contract::partial::{FieldInfluence, PartialResult, Reachable};
use crate::contract::regime::RegimeId;
use crate::contract::state::DisciplineKind;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::intake::decode::decode_and_validate;
use crate::intake::validate::options::ValidateOptions;
use crate::intake::validate::period::period_last_day;
use crate::model::{Discipline, Score, Tasks, ValidAssessment};
use crate::points::Points;
use crate::regimes::dispatch::evaluate_valid;
use crate::regimes::registry::regime_in_force_on;
use std::collections::{BTreeSet, HashMap};

/// Fields whose absence means "no" and which may be marked unanswered, with what they
/// are for each subject kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marked {
    /// A Not-completed trigger for this subject when answered "yes".
    Trigger,
    /// Shortcomings: Excellent needs them all fixed.
    ShortcomingsFixed,
    /// Subordinate units disciplined: a collective's Excellent needs none.
    SubordinatesDisciplined,
    /// Discipline of a party committee, party organisation or agency: its own, or its
    /// members', rules out Excellent (rules-qd366 §4, 11.1.T) but triggers nothing.
    CollectiveDiscipline,
    /// Answered or not, it changes no level for this subject.
    NoEffect,
    /// `/tasks/not_completed`: the count rated not completed.
    NotCompleted,
}

/// What a field marked unanswered is for this subject: `None` for a path that is not a
/// field that can be unanswered, `Some(None)` for one that does not apply to the subject
/// (validation would reject the field itself).
fn marked_kind(path: &str, a: &ValidAssessment) -> Option<Option<Marked>> {
    let kind = a.subject.kind;
    let individual = kind != SubjectKind::Collective;
    let leadership = a.subject.collective_kind == Some(CollectiveKind::Leadership);
    let applies = |yes: bool, marked: Marked| Some(yes.then_some(marked));
    Some(match path {
        "/shortcomings" | "/shortcomings/fixed" => Some(Marked::ShortcomingsFixed),
        "/tasks/not_completed" => Some(Marked::NotCompleted),
        "/conclusions/degradation" => return applies(individual, Marked::Trigger),
        // A leader's breach counts only through a degradation conclusion.
        "/conclusions/prohibition_breach" | "/conclusions/exemplary_breach" => {
            return applies(
                individual,
                if kind == SubjectKind::Member {
                    Marked::Trigger
                } else {
                    Marked::NoEffect
                },
            )
        }
        "/conclusions/cadre_work_violation" | "/conclusions/member_degradation" => {
            return applies(leadership, Marked::Trigger)
        }
        "/discipline" => Some(if individual || leadership {
            Marked::Trigger
        } else {
            Marked::CollectiveDiscipline
        }),
        "/leader/confidence_vote"
        | "/leader/units_in_charge"
        | "/leader/basic_targets"
        | "/leader/scope_corruption_disciplined" => {
            return applies(kind == SubjectKind::Leader, Marked::Trigger)
        }
        "/collective/basic_targets" => return applies(leadership, Marked::Trigger),
        "/collective/subordinate_units_disciplined" => {
            return applies(
                kind == SubjectKind::Collective,
                Marked::SubordinatesDisciplined,
            )
        }
        _ => return None,
    })
}

/// The unanswered numbers, by field.
#[derive(Debug, Clone, Copy, Default)]
struct Unknown {
    general: bool,
    task_results: bool,
    assigned: bool,
    completed: bool,
    on_time: bool,
    exceeded: bool,
    not_completed: bool,
}

fn is_missing(value: &serde_json::Value, path: &str) -> bool {
    value.pointer(path).is_none_or(serde_json::Value::is_null)
}

fn count_at(value: &serde_json::Value, path: &str) -> Option<u32> {
    value
        .pointer(path)
        .and_then(serde_json::Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
}

/// Fills the unanswered numbers with valid placeholders, so the rest can be validated.
fn fill_placeholders(value: &mut serde_json::Value, unknown: &Unknown) {
    let known: Vec<u32> = [
        "/tasks/completed",
        "/tasks/on_time",
        "/tasks/exceeded",
        "/tasks/not_completed",
    ]
    .iter()
    .filter_map(|p| count_at(value, p))
    .collect();
    let Some(object) = value.as_object_mut() else {
        return;
    };
    let score = object
        .entry("score")
        .or_insert_with(|| serde_json::json!({}));
    if let Some(score) = score.as_object_mut() {
        score.entry("general").or_insert(serde_json::json!(0));
        score.entry("task_results").or_insert(serde_json::json!(0));
    }
    let biggest = known.iter().copied().max().unwrap_or(0).max(10);
    let tasks = object
        .entry("tasks")
        .or_insert_with(|| serde_json::json!({}));
    if let Some(tasks) = tasks.as_object_mut() {
        let assigned = tasks
            .get("assigned")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(u64::from(biggest));
        tasks
            .entry("assigned")
            .or_insert(serde_json::json!(assigned));
        let largest_part = ["on_time", "exceeded"]
            .iter()
            .filter_map(|k| tasks.get(*k).and_then(serde_json::Value::as_u64))
            .max()
            .unwrap_or(0);
        tasks
            .entry("completed")
            .or_insert(serde_json::json!(largest_part));
        tasks.entry("on_time").or_insert(serde_json::json!(0));
        tasks.entry("exceeded").or_insert(serde_json::json!(0));
        if unknown.not_completed {
            tasks.insert("not_completed".to_owned(), serde_json::json!(0));
        }
    }
}

/// Critical values of a count against the thresholds `num/den` of `n` (both sides).
fn around(n: u32, fractions: &[(u32, u32)]) -> BTreeSet<u32> {
    let mut set = BTreeSet::from([0, n]);
    for &(num, den) in fractions {
        let at =
            u32::try_from((u64::from(n) * u64::from(num)).div_ceil(u64::from(den))).unwrap_or(n);
        set.insert(at.min(n));
        if let Some(below) = at.checked_sub(1) {
            set.insert(below.min(n));
        }
    }
    set
}

/// One assignment of the task counts, and the six predicates it sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TaskPoint {
    tasks: Tasks,
}

impl TaskPoint {
    fn predicates(&self) -> u8 {
        let t = self.tasks;
        let (n, c, o, x, f) = (
            u64::from(t.assigned),
            u64::from(t.completed),
            u64::from(t.on_time),
            u64::from(t.exceeded),
            u64::from(t.not_completed),
        );
        let bits = [
            o == n,
            c == n,
            10 * x >= 3 * n,
            5 * (c - o.min(c)) <= n,
            10 * c < 7 * n,
            2 * f > n,
        ];
        bits.iter()
            .enumerate()
            .fold(0u8, |acc, (i, b)| acc | (u8::from(*b) << i))
    }
}

/// Critical values clamped into `[lo, hi]`, with the bounds themselves (empty if none).
fn clamped(values: impl IntoIterator<Item = u32>, lo: u32, hi: u32) -> BTreeSet<u32> {
    if lo > hi {
        return BTreeSet::new();
    }
    values
        .into_iter()
        .map(|v| v.clamp(lo, hi))
        .chain([lo, hi])
        .collect()
}

/// Every assignment of the unanswered counts at their critical values (each clamped into
/// the interval the known counts leave it).
fn task_grid(base: Tasks, unknown: &Unknown, default_not_completed: bool) -> Vec<TaskPoint> {
    let known = |flag: bool, value: u32| if flag { 0 } else { value };
    let (kc, ko, kx) = (
        known(unknown.completed, base.completed),
        known(unknown.on_time, base.on_time),
        known(unknown.exceeded, base.exceeded),
    );
    let kf = if unknown.not_completed || default_not_completed {
        0
    } else {
        base.not_completed
    };
    let smallest_n = (kc + kf).max(ko).max(kx).max(kc);
    let n_values: Vec<u32> = if unknown.assigned {
        let m = smallest_n.max(1);
        let mut set = BTreeSet::from([
            smallest_n,
            m.saturating_mul(2),
            m.saturating_mul(10),
            smallest_n.max(10),
        ]);
        // The assigned counts at which a known count crosses a threshold, and one past:
        // 5·(n − o) ≤ n ⇔ n ≤ 5o/4; 10·x ≥ 3·n ⇔ n ≤ 10x/3; 10·c ≥ 7·n ⇔ n ≤ 10c/7;
        // 2·f > n ⇔ n ≤ 2f − 1.
        let mut edge = |known: bool, value: u32, num: u64, den: u64, shift: i64| {
            if known {
                let at = i64::try_from(u64::from(value) * num / den).unwrap_or(i64::MAX) + shift;
                for n in [at, at + 1] {
                    if let Ok(n) = u32::try_from(n) {
                        set.insert(n);
                    }
                }
            }
        };
        edge(!unknown.on_time, base.on_time, 5, 4, 0);
        edge(!unknown.exceeded, base.exceeded, 10, 3, 0);
        edge(!unknown.completed, base.completed, 10, 7, 0);
        edge(
            !unknown.not_completed && !default_not_completed,
            base.not_completed,
            2,
            1,
            -1,
        );
        set.into_iter().filter(|&n| n >= smallest_n).collect()
    } else {
        vec![base.assigned]
    };
    let mut points = Vec::new();
    for n in n_values {
        let c_values: BTreeSet<u32> = if unknown.completed {
            let hi = n.saturating_sub(kf);
            clamped(
                around(n, &[(7, 10)])
                    .into_iter()
                    .chain([n.saturating_sub(1)]),
                ko.max(kx),
                hi,
            )
        } else {
            BTreeSet::from([base.completed])
        };
        // Each count's critical values are the union over every completed count, so that
        // two assignments differing in one count only are both in the grid.
        let c_in_range: Vec<u32> = c_values.iter().copied().filter(|&c| c <= n).collect();
        let union = |values: &dyn Fn(u32) -> BTreeSet<u32>| -> BTreeSet<u32> {
            c_in_range.iter().flat_map(|&c| values(c)).collect()
        };
        let fifth = n / 5;
        let o_all: BTreeSet<u32> = if unknown.on_time {
            union(&|c| {
                let mut critical = vec![0, n, c, c.saturating_sub(fifth)];
                critical.extend(c.checked_sub(fifth + 1));
                clamped(critical, 0, c)
            })
        } else {
            BTreeSet::from([base.on_time])
        };
        let x_all: BTreeSet<u32> = if unknown.exceeded {
            union(&|c| clamped(around(n, &[(3, 10)]), 0, c))
        } else {
            BTreeSet::from([base.exceeded])
        };
        let f_all: BTreeSet<u32> = if unknown.not_completed {
            union(&|c| clamped(around(n, &[(1, 2)]).into_iter().chain([n / 2]), 0, n - c))
        } else {
            BTreeSet::new()
        };
        for &c in &c_in_range {
            let o_values = &o_all;
            let x_values = &x_all;
            let f_values: BTreeSet<u32> = if unknown.not_completed {
                f_all.clone()
            } else if default_not_completed {
                BTreeSet::from([n - c])
            } else {
                BTreeSet::from([base.not_completed])
            };
            for &o in o_values.iter().filter(|&&o| o <= c) {
                for &x in x_values.iter().filter(|&&x| x <= c) {
                    for &f in f_values.iter().filter(|&&f| f <= n - c) {
                        points.push(TaskPoint {
                            tasks: Tasks {
                                assigned: n,
                                completed: c,
                                on_time: o,
                                exceeded: x,
                                not_completed: f,
                            },
                        });
                    }
                }
            }
        }
    }
    points
}

/// Critical values of one score group given the other's possible values.
fn score_values(known: Option<Points>, max: i64, others: &[Points]) -> Vec<Points> {
    if let Some(value) = known {
        return vec![value];
    }
    let mut set = BTreeSet::from([Points::ZERO, Points::whole(max)]);
    for &other in others {
        for floor in [50, 70, 90] {
            let at = Points::whole(floor).saturating_sub(other);
            for candidate in [at, at.saturating_sub(Points::from_hundredths(1))] {
                if candidate >= Points::ZERO && candidate <= Points::whole(max) {
                    set.insert(candidate);
                }
            }
        }
    }
    set.into_iter().collect()
}

/// Key of one engine call: band, task predicates, and the three non-trigger flags.
type Signature = (Level, u8, bool, bool, bool);

/// The regime a record names, or the one in force on its period's last day, with the
/// path that chose it.
fn record_regime(value: &serde_json::Value) -> Option<(RegimeId, &'static str)> {
    if let Some(name) = value.get("regime").and_then(serde_json::Value::as_str) {
        return RegimeId::parse(name).map(|r| (r, "/regime"));
    }
    let period: PeriodInput = serde_json::from_value(value.get("period")?.clone()).ok()?;
    period_last_day(&period)
        .and_then(regime_in_force_on)
        .map(|r| (r, "/period"))
}

/// Partial evaluation of an assessment given as JSON text (see the module docs).
pub fn evaluate_partial_json(json: &str, options: &Options) -> Result<PartialResult, InputErrors> {
    if json.len() > MAX_RECORD_BYTES {
        return Err(InputErrors::one(InputError::record_too_large(json.len())));
    }
    let mut value: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| InputErrors::one(InputError::invalid_json("", &e)))?;
    // The list of fields marked unanswered.
    let mut marked: Vec<String> = Vec::new();
    if let Some(object) = value.as_object_mut() {
        if let Some(list) = object.remove("unanswered") {
            let Some(items) = list.as_array() else {
                return Err(InputErrors::one(InputError::new(
                    ErrorCode::InvalidType,
                    "/unanswered",
                    "`unanswered` phải là một mảng các JSON Pointer",
                    "`unanswered` must be an array of JSON Pointers",
                )));
            };
            for (i, item) in items.iter().enumerate() {
                match item.as_str() {
                    Some(path) => marked.push(path.to_owned()),
                    None => {
                        return Err(InputErrors::one(InputError::new(
                            ErrorCode::InvalidType,
                            format!("/unanswered/{i}"),
                            "Mỗi phần tử của `unanswered` là một chuỗi JSON Pointer",
                            "each item of `unanswered` is a JSON Pointer string",
                        )))
                    }
                }
            }
        }
    }
    // A state record (nd335, nd233) has a partial evaluation of its own.
    if value.get("rating").and_then(serde_json::Value::as_str) == Some("state") {
        return evaluate_state_partial(value, &marked, options);
    }
    // The self-assessment forms, and so partial evaluation, are QĐ 366's: a record of an
    // earlier regime is evaluated whole, not as you type.
    if let Some((regime, path)) = record_regime(&value) {
        if !regime.info().forms {
            return Err(InputErrors::one(InputError::new(
                ErrorCode::NotApplicable,
                path,
                format!(
                    "Đánh giá từng phần chỉ áp dụng cho phiếu theo Quy định 366-QĐ/TW; hồ sơ theo Quy định {} được đánh giá đầy đủ",
                    regime.info().document
                ),
                format!(
                    "partial evaluation is for QĐ 366 forms only; a record under {} is evaluated whole",
                    regime.info().document
                ),
            )));
        }
    }
    let mut unknown = Unknown {
        general: is_missing(&value, "/score/general"),
        task_results: is_missing(&value, "/score/task_results"),
        assigned: is_missing(&value, "/tasks/assigned"),
        completed: is_missing(&value, "/tasks/completed"),
        on_time: is_missing(&value, "/tasks/on_time"),
        exceeded: is_missing(&value, "/tasks/exceeded"),
        not_completed: false,
    };
    let default_not_completed = is_missing(&value, "/tasks/not_completed");
    if marked.iter().any(|p| p == "/tasks/not_completed") {
        unknown.not_completed = true;
    }
    // A field marked unanswered is disregarded, whatever the record still says there.
    for path in &marked {
        if path == "/shortcomings/fixed" {
            // `fixed` is required beside `identified`: the best answer stands in for it.
            let identified = value.pointer("/shortcomings/identified").cloned();
            if let (Some(identified), Some(slot)) =
                (identified, value.pointer_mut("/shortcomings/fixed"))
            {
                *slot = identified;
            }
            continue;
        }
        if let Some((parent, key)) = path.rsplit_once('/') {
            let parent = if parent.is_empty() {
                Some(&mut value)
            } else {
                value.pointer_mut(parent)
            };
            if let Some(object) = parent.and_then(serde_json::Value::as_object_mut) {
                object.remove(key);
            }
        }
    }
    fill_placeholders(&mut value, &unknown);
    let text = value.to_string();
    let valid = decode_and_validate(&text, ValidateOptions::default())?;

    let mut kinds = Vec::with_capacity(marked.len());
    let mut errors = Vec::new();
    for (i, path) in marked.iter().enumerate() {
        match marked_kind(path, &valid) {
            Some(Some(kind)) => kinds.push((path.clone(), kind)),
            Some(None) => errors.push(InputError::new(
                ErrorCode::NotApplicable,
                format!("/unanswered/{i}"),
                format!("`{path}` không áp dụng cho đối tượng này"),
                format!("`{path}` does not apply to this subject"),
            )),
            None => errors.push(InputError::new(
                ErrorCode::InvalidValue,
                format!("/unanswered/{i}"),
                format!("`{path}` không phải trường có thể để trống khi đánh giá từng phần"),
                format!(
                    "`{path}` is not a field that can be left unanswered in a partial evaluation"
                ),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    // With a conduct checklist, every applicable item not yet answered is unanswered: for
    // a member a must-not-do item, or an exemplary one (its breach may harm prestige), can
    // still make the level Not completed; the others change no level.
    if let (Some(scope), Ok(catalogue)) = (&valid.conduct_scope, catalogue()) {
        for applicable in catalogue.items_for(scope, valid.as_of) {
            let item = applicable.item;
            let answered = valid.conduct.iter().any(|f| {
                catalogue
                    .items()
                    .get(usize::from(f.item))
                    .is_some_and(|i| i.id == item.id)
            });
            if answered || item.effect == ItemEffect::DisciplineForm {
                continue;
            }
            let hard = matches!(item.effect, ItemEffect::MustNotDo | ItemEffect::Exemplary);
            let kind = if hard && valid.subject.kind == SubjectKind::Member {
                Marked::Trigger
            } else {
                Marked::NoEffect
            };
            kinds.push((
                format!("/conduct/answers/{}", pointer_segment(&item.id)),
                kind,
            ));
        }
    }
    Ok(partial(
        &valid,
        options,
        &unknown,
        default_not_completed,
        &kinds,
    ))
}

fn number_paths(unknown: &Unknown) -> Vec<&'static str> {
    let mut paths = Vec::new();
    for (flag, path) in [
        (unknown.general, "/score/general"),
        (unknown.task_results, "/score/task_results"),
        (unknown.assigned, "/tasks/assigned"),
        (unknown.completed, "/tasks/completed"),
        (unknown.on_time, "/tasks/on_time"),
        (unknown.exceeded, "/tasks/exceeded"),
        (unknown.not_completed, "/tasks/not_completed"),
    ] {
        if flag {
            paths.push(path);
        }
    }
    paths
}

fn partial(
    valid: &ValidAssessment,
    options: &Options,
    unknown: &Unknown,
    default_not_completed: bool,
    marked: &[(String, Marked)],
) -> PartialResult {
    let nothing_unanswered = number_paths(unknown).is_empty() && marked.is_empty();
    let base_score = valid.score.unwrap_or(Score {
        general: Points::ZERO,
        task_results: Points::ZERO,
    });
    let base_tasks = valid.tasks.unwrap_or_default();
    let decision = evaluate_valid(valid, options).ok();
    if nothing_unanswered {
        let result = decision.as_ref().map(|d| Reachable {
            outcome: d.outcome,
            level: d.level,
        });
        return PartialResult {
            complete: true,
            lowest: result.and_then(|r| r.level),
            highest: result.and_then(|r| r.level),
            reachable: result.into_iter().collect(),
            unanswered: Vec::new(),
            decision: decision.map(|d| d.to_record()),
        };
    }
    let unanswered_trigger = marked.iter().any(|(_, k)| *k == Marked::Trigger);
    let fix_unknown = marked.iter().any(|(_, k)| *k == Marked::ShortcomingsFixed);
    let subs_unknown = marked
        .iter()
        .any(|(_, k)| *k == Marked::SubordinatesDisciplined);
    let own_unknown = marked
        .iter()
        .any(|(_, k)| *k == Marked::CollectiveDiscipline);

    // Score grid: (general, task_results) at critical values.
    let general_values = score_values(
        (!unknown.general).then_some(base_score.general),
        30,
        &score_values(
            (!unknown.task_results).then_some(base_score.task_results),
            70,
            &[Points::ZERO, Points::whole(30)],
        ),
    );
    let result_values = score_values(
        (!unknown.task_results).then_some(base_score.task_results),
        70,
        &general_values,
    );
    let tasks = task_grid(base_tasks, unknown, default_not_completed);
    let fix_values: Vec<bool> = if fix_unknown {
        vec![true, false]
    } else {
        vec![true]
    };
    let subs_values: Vec<bool> = if subs_unknown {
        vec![false, true]
    } else {
        vec![false]
    };
    let own_values: Vec<bool> = if own_unknown {
        vec![false, true]
    } else {
        vec![false]
    };
    // A "yes" to the discipline question of a collective without triggers: a warning of
    // its own, decided on the period's first day (so it counts).
    let own_record = Discipline {
        form: DisciplineForm::Warning,
        decided_on: valid.period.from,
        duty_related: true,
        at_previous_unit: false,
        counted_before: false,
        member_id: None,
        kind: DisciplineKind::Party,
    };

    // One engine call per signature.
    let mut cache: HashMap<Signature, Reachable> = HashMap::new();
    let mut evaluate =
        |score: Score, point: &TaskPoint, fix: bool, subs: bool, own: bool| -> Reachable {
            let key = (
                Level::band_of(score.total()),
                point.predicates(),
                fix,
                subs,
                own,
            );
            *cache.entry(key).or_insert_with(|| {
                let mut record = valid.clone();
                record.score = Some(score);
                record.tasks = Some(point.tasks);
                if fix_unknown {
                    let identified = record.shortcomings.identified.max(1);
                    record.shortcomings.identified = identified;
                    record.shortcomings.fixed = if fix { identified } else { identified - 1 };
                }
                if subs_unknown {
                    record.collective.subordinate_units_disciplined = Some(u32::from(subs));
                }
                if own {
                    record.discipline.push(own_record.clone());
                }
                match evaluate_valid(&record, options) {
                    Ok(d) => Reachable {
                        outcome: d.outcome,
                        level: d.level,
                    },
                    Err(_) => Reachable {
                        outcome: Outcome::Undetermined,
                        level: None,
                    },
                }
            })
        };

    // Every combination, remembered by its indices for the "can it change" check.
    let mut combos: Vec<(Combo, Reachable)> = Vec::new();
    let mut reachable: BTreeSet<Reachable> = BTreeSet::new();
    for (gi, &g) in general_values.iter().enumerate() {
        for (ri, &r) in result_values.iter().enumerate() {
            let score = Score {
                general: g,
                task_results: r,
            };
            for (ti, point) in tasks.iter().enumerate() {
                for (fi, &fix) in fix_values.iter().enumerate() {
                    for (si, &subs) in subs_values.iter().enumerate() {
                        for (oi, &own) in own_values.iter().enumerate() {
                            let result = evaluate(score, point, fix, subs, own);
                            reachable.insert(result);
                            combos.push((
                                Combo {
                                    general: gi,
                                    task_results: ri,
                                    task: ti,
                                    fix: fi,
                                    subs: si,
                                    own: oi,
                                },
                                result,
                            ));
                        }
                    }
                }
            }
        }
    }
    let triggered = Reachable {
        outcome: Outcome::Classified,
        level: Some(Level::NotCompleted),
    };
    let classified_possible = reachable
        .iter()
        .any(|r| r.outcome != Outcome::NotClassified);
    // An unanswered trigger answered "yes" gives Not completed; it changes the result
    // when some answers to the rest give anything else (a classified subject).
    let trigger_changes = unanswered_trigger
        && reachable
            .iter()
            .any(|r| *r != triggered && r.outcome != Outcome::NotClassified);
    if unanswered_trigger && classified_possible {
        reachable.insert(triggered);
    }

    // The counts of a combination's task point, with one count blanked; `not_completed`
    // left to its default follows `assigned − completed` and is not a field of its own.
    let counts = |c: &Combo, blank: Option<usize>| -> [u32; 5] {
        let t = tasks.get(c.task).map(|p| p.tasks).unwrap_or_default();
        let mut values = [
            t.assigned,
            t.completed,
            t.on_time,
            t.exceeded,
            t.not_completed,
        ];
        if default_not_completed {
            values[4] = u32::MAX;
        }
        if let Some(slot) = blank.and_then(|i| values.get_mut(i)) {
            *slot = u32::MAX;
        }
        values
    };
    let mut fields = Vec::new();
    for path in number_paths(unknown) {
        let can_change = match path {
            "/score/general" => varies(&combos, |c| (c.task_results, c.task, c.fix, c.subs, c.own)),
            "/score/task_results" => varies(&combos, |c| (c.general, c.task, c.fix, c.subs, c.own)),
            _ => {
                let field = match path {
                    "/tasks/assigned" => 0,
                    "/tasks/completed" => 1,
                    "/tasks/on_time" => 2,
                    "/tasks/exceeded" => 3,
                    _ => 4,
                };
                varies(&combos, |c| {
                    (
                        c.general,
                        c.task_results,
                        c.fix,
                        c.subs,
                        c.own,
                        counts(c, Some(field)),
                    )
                })
            }
        };
        fields.push(FieldInfluence {
            path: path.to_owned(),
            can_change,
        });
    }
    for (path, kind) in marked {
        if path == "/tasks/not_completed" {
            continue;
        }
        let can_change = match kind {
            Marked::Trigger => trigger_changes,
            Marked::ShortcomingsFixed => varies(&combos, |c| {
                (c.general, c.task_results, c.task, c.subs, c.own)
            }),
            Marked::SubordinatesDisciplined => varies(&combos, |c| {
                (c.general, c.task_results, c.task, c.fix, c.own)
            }),
            Marked::CollectiveDiscipline => varies(&combos, |c| {
                (c.general, c.task_results, c.task, c.fix, c.subs)
            }),
            Marked::NoEffect | Marked::NotCompleted => false,
        };
        fields.push(FieldInfluence {
            path: path.clone(),
            can_change,
        });
    }
    let levels: Vec<Level> = reachable
        .iter()
        .filter(|r| r.outcome == Outcome::Classified)
        .filter_map(|r| r.level)
        .collect();
    PartialResult {
        complete: false,
        lowest: levels.iter().min().copied(),
        highest: levels.iter().max().copied(),
        reachable: reachable.into_iter().collect(),
        unanswered: fields,
        decision: None,
    }
}

/// One combination of the critical values, by index into each list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Combo {
    general: usize,
    task_results: usize,
    task: usize,
    fix: usize,
    subs: usize,
    own: usize,
}

/// Whether two combinations that agree on `rest` (everything but the field examined)
/// give different results.
fn varies<K: std::hash::Hash + Eq>(
    combos: &[(Combo, Reachable)],
    rest: impl Fn(&Combo) -> K,
) -> bool {
    let mut seen: HashMap<K, Reachable> = HashMap::new();
    for (combo, result) in combos {
        match seen.entry(rest(combo)) {
            std::collections::hash_map::Entry::Occupied(first) if first.get() != result => {
                return true
            }
            std::collections::hash_map::Entry::Occupied(_) => {}
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(*result);
            }
        }
    }
    false
}
