//! Partial evaluation of a state record being filled in (`nd335`, `nd233`; design §14.1,
//! `docs/state-regimes.md` "Partial evaluation").
//!
//! What is open: a period listed with only its key (`{"month": 10}`); a work period's
//! missing `general` ([0, 30]); its missing `task_results` when it has no products
//! ([0, 70]); a product's missing `done` ({false, true}); a leader's missing `unit` facts
//! when the period is scored from products (`d`, `đ`, `e` ∈ {½, 1}); and the pointers of
//! `unanswered`: a product's `quality_failures` or `delays` ([0, ∞)), one of the fields
//! above, the Not-completed grounds (`/conclusions/…`, `/discipline`,
//! `/leader/scope_corruption_disciplined`) and `/leave`. An open period counts as a period
//! with work (a person filling the form marks a coming month of leave `no_work`).
//!
//! Each period's score `S_p` only grows with each open answer (general, done, the
//! components up; deductions down), so the record with every open answer at its worst
//! and the one with every open answer at its best give the exact bounds of `Σ S_p`, and
//! the engine's levels at the two bounds are `lowest` and `highest` (an unanswered ground
//! can only lower: `lowest` becomes Not completed). Whether one field can change the
//! result: with `[lo, hi]` the range of its period's score and `[O_lo, O_hi]` the range of
//! the other periods' sum, some band threshold `T` must be crossed, i.e. with
//! `need = n·(T − ½ step)` the intervals `[need − hi, need − lo)` and `[O_lo, O_hi]`
//! meet. Exact over rationals; it may answer "can change" for a field whose period holds
//! other open answers too (the period's whole range is used), never the reverse.

use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::level::{Level, Options, Outcome};
use crate::contract::partial::{FieldInfluence, PartialResult, Reachable};
use crate::exact::{int, ratio, Exact};
use crate::intake::decode::decode_and_validate;
use crate::intake::validate::options::ValidateOptions;
use crate::regimes::decision::Decision;
use crate::regimes::dispatch::evaluate_valid;
use num_traits::Zero;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// What an open answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// A period listed with its key only.
    Period,
    /// `general`.
    General,
    /// `task_results`, the period having no products.
    TaskResults,
    /// A product's `done`.
    Done(usize),
    /// A product's count of failed quality reviews or delays.
    Count(usize, &'static str),
    /// A leader's unit facts.
    Unit,
}

/// One open answer: where, in which period, what.
#[derive(Debug, Clone)]
struct OpenAnswer {
    path: String,
    period: usize,
    open: Open,
}

/// A marked field outside the periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkedState {
    /// A Not-completed ground.
    Ground,
    /// `/leave`: the person may turn out not classified.
    Leave,
}

fn marked_state(path: &str) -> Option<MarkedState> {
    match path {
        "/conclusions/degradation"
        | "/conclusions/prohibition_breach"
        | "/conclusions/exemplary_breach"
        | "/discipline"
        | "/leader/scope_corruption_disciplined" => Some(MarkedState::Ground),
        "/leave" => Some(MarkedState::Leave),
        _ => None,
    }
}

/// A marked pointer into the periods: (period, what).
fn marked_period(path: &str) -> Option<(usize, Open)> {
    let rest = path.strip_prefix("/periods/")?;
    let mut parts = rest.split('/');
    let period: usize = parts.next()?.parse().ok()?;
    let open = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (None, ..) => Open::Period,
        (Some("general"), None, ..) => Open::General,
        (Some("task_results"), None, ..) => Open::TaskResults,
        (Some("unit"), None, ..) => Open::Unit,
        (Some("products"), Some(index), Some(field), None) => {
            let index: usize = index.parse().ok()?;
            match field {
                "done" => Open::Done(index),
                "quality_failures" => Open::Count(index, "quality_failures"),
                "delays" => Open::Count(index, "delays"),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some((period, open))
}

fn is_leader(value: &Value) -> bool {
    value.pointer("/subject/kind").and_then(Value::as_str) == Some("leader")
}

fn remove_at(value: &mut Value, path: &str) {
    if let Some((parent, key)) = path.rsplit_once('/') {
        let parent = if parent.is_empty() {
            Some(&mut *value)
        } else {
            value.pointer_mut(parent)
        };
        if let Some(object) = parent.and_then(Value::as_object_mut) {
            object.remove(key);
        }
    }
}

/// The open answers the record leaves, in the periods' order.
fn open_answers(value: &Value) -> Vec<OpenAnswer> {
    let leader = is_leader(value);
    let mut open = Vec::new();
    let Some(periods) = value.get("periods").and_then(Value::as_array) else {
        return open;
    };
    for (p, period) in periods.iter().enumerate() {
        let Some(object) = period.as_object() else {
            continue;
        };
        if object.get("no_work") == Some(&Value::Bool(true)) {
            continue;
        }
        let at = |tail: &str| format!("/periods/{p}{tail}");
        if object.keys().all(|k| k == "month" || k == "quarter") {
            open.push(OpenAnswer {
                path: at(""),
                period: p,
                open: Open::Period,
            });
            continue;
        }
        if !object.contains_key("general") && !object.contains_key("general_items") {
            open.push(OpenAnswer {
                path: at("/general"),
                period: p,
                open: Open::General,
            });
        }
        let products = object.get("products").and_then(Value::as_array);
        if !object.contains_key("task_results") && products.is_none() {
            open.push(OpenAnswer {
                path: at("/task_results"),
                period: p,
                open: Open::TaskResults,
            });
        }
        for (i, product) in products.into_iter().flatten().enumerate() {
            if product.as_object().is_some_and(|o| !o.contains_key("done")) {
                open.push(OpenAnswer {
                    path: at(&format!("/products/{i}/done")),
                    period: p,
                    open: Open::Done(i),
                });
            }
        }
        if leader
            && products.is_some()
            && !object.contains_key("task_results")
            && !object.contains_key("unit")
        {
            open.push(OpenAnswer {
                path: at("/unit"),
                period: p,
                open: Open::Unit,
            });
        }
    }
    open
}

/// Writes one open answer at its worst (`best` false) or best.
fn fill(value: &mut Value, answer: &OpenAnswer, best: bool) {
    let Some(period) = value.pointer_mut(&format!("/periods/{}", answer.period)) else {
        return;
    };
    let Some(object) = period.as_object_mut() else {
        return;
    };
    match answer.open {
        Open::Period => {
            object.insert("general".to_owned(), json!(if best { 30 } else { 0 }));
            object.insert("task_results".to_owned(), json!(if best { 70 } else { 0 }));
        }
        Open::General => {
            object.insert("general".to_owned(), json!(if best { 30 } else { 0 }));
        }
        Open::TaskResults => {
            object.insert("task_results".to_owned(), json!(if best { 70 } else { 0 }));
        }
        Open::Unit => {
            object.insert(
                "unit".to_owned(),
                json!({
                    "staff_not_completed": u32::from(!best),
                    "prolonged_delays": !best,
                    "disunity_complaints": !best,
                }),
            );
        }
        Open::Done(i) | Open::Count(i, _) => {
            let product = object
                .get_mut("products")
                .and_then(|p| p.get_mut(i))
                .and_then(Value::as_object_mut);
            if let Some(product) = product {
                match answer.open {
                    Open::Done(_) => {
                        product.insert("done".to_owned(), Value::Bool(best));
                    }
                    // Four deductions of 25% leave nothing.
                    Open::Count(_, field) => {
                        product.insert(field.to_owned(), json!(if best { 0 } else { 4 }));
                    }
                    _ => {}
                }
            }
        }
    }
}

fn evaluate_filled(value: &Value, options: &Options) -> Result<Decision, InputErrors> {
    let valid = decode_and_validate(&value.to_string(), ValidateOptions::for_evaluation(options))?;
    evaluate_valid(&valid, options)
}

fn reachable_of(decision: &Decision) -> Reachable {
    Reachable {
        outcome: decision.outcome,
        level: decision.level,
    }
}

/// Each period's exact score (zero for a period without work).
fn period_scores(decision: &Decision) -> Vec<Exact> {
    decision
        .state
        .as_deref()
        .map(|s| {
            s.periods
                .iter()
                .map(|p| {
                    p.work
                        .as_ref()
                        .map_or_else(Exact::zero, |w| w.score.clone())
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The periods counted in the mean.
fn counted(decision: &Decision) -> u32 {
    decision
        .state
        .as_deref()
        .and_then(|s| s.mean.as_ref())
        .map_or(0, |m| m.counted)
}

/// Whether some answers to the other periods and to this period let the sum cross a band
/// threshold (see the module docs).
fn can_cross(
    lo: &Exact,
    hi: &Exact,
    others_lo: &Exact,
    others_hi: &Exact,
    n: u32,
    step: u32,
) -> bool {
    if lo >= hi || n == 0 {
        return false;
    }
    let n = int(i64::from(n));
    [50, 70, 90].into_iter().any(|threshold| {
        // The rounded mean reaches T from T − half a step (in hundredths).
        let need = &n * (int(threshold) - ratio(i64::from(step), 200));
        &need - hi <= *others_hi && *others_lo < &need - lo
    })
}

/// Partial evaluation of a state record (JSON value, `unanswered` taken out).
pub fn evaluate_state_partial(
    mut value: Value,
    marked: &[String],
    options: &Options,
) -> Result<PartialResult, InputErrors> {
    let mut errors = Vec::new();
    let mut grounds = Vec::new();
    let mut leave = None;
    let mut marked_open = Vec::new();
    let mut marked_fields = Vec::new();
    for (i, path) in marked.iter().enumerate() {
        if let Some(kind) = marked_state(path) {
            remove_at(&mut value, path);
            match kind {
                MarkedState::Ground => grounds.push(path.clone()),
                MarkedState::Leave => leave = Some(path.clone()),
            }
            continue;
        }
        // The field itself may be absent, not the period or product it belongs to.
        let exists = |at: &str| value.pointer(at).is_some();
        let known = match marked_period(path) {
            Some((period, Open::Period)) => exists(&format!("/periods/{period}")),
            Some((_, _)) => path
                .rsplit_once('/')
                .is_some_and(|(parent, _)| exists(parent)),
            None => false,
        };
        match marked_period(path) {
            Some((period, open)) if known => {
                match open {
                    Open::Period => {
                        if let Some(object) = value
                            .pointer_mut(&format!("/periods/{period}"))
                            .and_then(Value::as_object_mut)
                        {
                            object.retain(|k, _| k == "month" || k == "quarter");
                        }
                    }
                    Open::General => {
                        remove_at(&mut value, &format!("/periods/{period}/general_items"));
                        remove_at(&mut value, path);
                    }
                    _ => remove_at(&mut value, path),
                }
                if let Open::Count(..) = open {
                    marked_open.push(OpenAnswer {
                        path: path.clone(),
                        period,
                        open,
                    });
                } else {
                    marked_fields.push((i, path));
                }
            }
            _ => errors.push(InputError::new(
                ErrorCode::InvalidValue,
                format!("/unanswered/{i}"),
                format!("`{path}` không phải trường có thể để trống khi đánh giá từng phần hồ sơ của Nhà nước"),
                format!("`{path}` is not a field of a state record that can be left unanswered in a partial evaluation"),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    let mut open = open_answers(&value);
    // A field marked open that the record does not leave open once it is taken out (a
    // period without work, `task_results` beside a product list, a unit not read).
    let not_open: Vec<InputError> = marked_fields
        .into_iter()
        .filter(|(_, path)| !open.iter().any(|o| o.path == **path))
        .map(|(i, path)| {
            InputError::new(
                ErrorCode::NotApplicable,
                format!("/unanswered/{i}"),
                format!("`{path}` không được đọc trong hồ sơ này nên không thể để trống"),
                format!("`{path}` is not read in this record, so it cannot be left unanswered"),
            )
        })
        .collect();
    if !not_open.is_empty() {
        return Err(InputErrors(not_open));
    }
    for answer in marked_open {
        if !open.iter().any(|o| o.path == answer.path) {
            open.push(answer);
        }
    }
    let (mut worst, mut best) = (value.clone(), value);
    for answer in &open {
        fill(&mut worst, answer, false);
        fill(&mut best, answer, true);
    }
    let low = evaluate_filled(&worst, options)?;
    if open.is_empty() && grounds.is_empty() && leave.is_none() {
        let result = reachable_of(&low);
        return Ok(PartialResult {
            complete: true,
            lowest: result.level,
            highest: result.level,
            reachable: vec![result],
            unanswered: Vec::new(),
            decision: Some(low.to_record()),
        });
    }
    let high = evaluate_filled(&best, options)?;
    let (low_result, high_result) = (reachable_of(&low), reachable_of(&high));
    let classified = |r: Reachable| {
        (r.outcome == Outcome::Classified)
            .then_some(r.level)
            .flatten()
    };
    let ground_bites = !grounds.is_empty() && classified(high_result).is_some();
    let lowest = if ground_bites {
        Some(Level::NotCompleted)
    } else {
        classified(low_result)
    };
    let highest = classified(high_result);
    let mut reachable: BTreeSet<Reachable> = BTreeSet::from([low_result, high_result]);
    if let (Some(from), Some(to)) = (lowest, highest) {
        for level in [
            Level::NotCompleted,
            Level::Completed,
            Level::Good,
            Level::Excellent,
        ] {
            if from <= level && level <= to {
                reachable.insert(Reachable {
                    outcome: Outcome::Classified,
                    level: Some(level),
                });
            }
        }
    }
    if leave.is_some() {
        reachable.insert(Reachable {
            outcome: Outcome::NotClassified,
            level: None,
        });
    }
    // Whether the open answers can move the level at all (an answered ground may hold it).
    let scores_matter = low_result != high_result;
    let (low_scores, high_scores) = (period_scores(&low), period_scores(&high));
    let n = counted(&high);
    let step = options.rounding.step();
    let total = |scores: &[Exact]| scores.iter().fold(Exact::zero(), |sum, s| sum + s);
    let (low_total, high_total) = (total(&low_scores), total(&high_scores));
    let mut unanswered: Vec<FieldInfluence> = open
        .iter()
        .map(|answer| {
            let can_change = scores_matter
                && match (
                    low_scores.get(answer.period),
                    high_scores.get(answer.period),
                ) {
                    (Some(lo), Some(hi)) => {
                        can_cross(lo, hi, &(&low_total - lo), &(&high_total - hi), n, step)
                    }
                    _ => true,
                };
            FieldInfluence {
                path: answer.path.clone(),
                can_change,
            }
        })
        .collect();
    let ground_can_change = classified(high_result).is_some_and(|l| l > Level::NotCompleted);
    unanswered.extend(grounds.into_iter().map(|path| FieldInfluence {
        path,
        can_change: ground_can_change,
    }));
    unanswered.extend(leave.map(|path| FieldInfluence {
        path,
        can_change: true,
    }));
    Ok(PartialResult {
        complete: false,
        lowest,
        highest,
        reachable: reachable.into_iter().collect(),
        unanswered,
        decision: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::partial::evaluate_partial_json;

    fn partial(json: Value) -> Result<PartialResult, InputErrors> {
        evaluate_partial_json(&json.to_string(), &Options::default())
    }

    fn record(periods: Value, unanswered: &[&str]) -> Value {
        json!({
            "id": "t", "rating": "state", "period": {"year": 2026},
            "subject": {"kind": "member", "employment": "cong_chuc"},
            "periods": periods, "unanswered": unanswered,
        })
    }

    #[test]
    fn a_field_the_record_does_not_read_cannot_be_left_open() {
        // `task_results` beside a product list, and a member's unit facts.
        let periods = json!([
            {"month": 1, "general": 20, "products": [{"weight": 1, "done": true}]},
            {"month": 2, "general": 20, "task_results": 50}
        ]);
        let errors = partial(record(
            periods,
            &["/periods/0/task_results", "/periods/1/unit"],
        ))
        .err()
        .map(|e| e.0.iter().map(|e| e.path.clone()).collect::<Vec<_>>());
        assert_eq!(
            errors,
            Some(vec!["/unanswered/0".to_owned(), "/unanswered/1".to_owned()])
        );
        let unknown = partial(record(
            json!([{"month": 1}]),
            &["/periods/0/products/7/delays"],
        ));
        assert!(unknown.is_err());
    }

    #[test]
    fn a_written_value_marked_open_is_disregarded() {
        // 30 + 70 written, the general points marked open: 70 to 100, Good to Excellent.
        let result = partial(record(
            json!([{"month": 1, "general": 30, "task_results": 70}]),
            &["/periods/0/general"],
        ));
        let result = result.ok();
        assert_eq!(result.as_ref().and_then(|r| r.lowest), Some(Level::Good));
        assert_eq!(
            result.as_ref().and_then(|r| r.highest),
            Some(Level::Excellent)
        );
    }
}
