//! Side-by-side comparison of regimes (`spec/regimes-history.md`, Comparison): one
//! record evaluated under several regimes, with, topic by topic, what each regime's
//! rules found and how those rules differ ("QĐ 124 needed at least 50% of tasks
//! exceeded for Excellent; QĐ 366 needs 30% and 90 points").
//!
//! A record carries what each regime needs: points for QĐ 366, grades for QĐ 124 and
//! QĐ 132; each regime reads its own fields and skips the others'. A record with points
//! only may be given grades by an explicit mapping the caller chooses
//! ([`GradeMapping`]); by default it is not, and the older regimes report the missing
//! grades as an error of their own, while the other regimes are still compared.

use crate::contract::assessment::{Assessment, GradesInput};
use crate::contract::compare::{
    CompareOptions, Comparison, RegimeResult, RegimeRuleSummary, TopicComparison, TopicFinding,
    Verdict,
};
use crate::contract::decision::Effect;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::fields::RegimeField;
use crate::contract::level::{Level, Outcome};
use crate::contract::regime::{RegimeId, RegimeRecord, RegimeSelection};
use crate::contract::state::Rating;
use crate::contract::topic::Topic;
use crate::intake::decode::decode_assessment;
use crate::intake::validate::assessment::validate_with;
use crate::intake::validate::options::ValidateOptions;
use crate::intake::validate::period::period_last_day;
use crate::regimes::decision::Decision;
use crate::regimes::dispatch::evaluate_valid;
use crate::regimes::explain::message;
use crate::regimes::fields::reads;
use crate::regimes::registry::regime_in_force_on;
use crate::regimes::state::select::{regime_for, Selected};
use crate::regimes::topics::rule_summary;
use crate::rules::catalogue::Rule;
use chrono::NaiveDate;

/// One regime's result in a comparison without text ([`compare_levels`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LevelResult {
    /// The regime.
    pub regime: RegimeId,
    /// The outcome, if the record could be evaluated under it.
    pub outcome: Option<Outcome>,
    /// The level.
    pub level: Option<Level>,
    /// The rule that settles the decision ([`Decision::deciding_reason`]).
    pub deciding_rule: Option<Rule>,
    /// Why it could not be evaluated, otherwise.
    pub errors: Vec<InputError>,
}

/// A comparison without text: each regime's outcome, level and deciding rule, and the
/// topics that differ. It settles exactly what [`compare`] settles, for tables of many
/// records (Python's `compare_many`), without rendering a message.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelComparison {
    /// The regime in force on the period's last day, if any.
    pub in_force: Option<RegimeId>,
    /// Each regime's result, in the order asked.
    pub results: Vec<LevelResult>,
    /// Whether every regime that evaluated the record gives the same outcome and level.
    pub levels_agree: bool,
    /// The topics on which the regimes settle differently, in evaluation order.
    pub differs: Vec<Topic>,
}

/// What a regime's rules did on a topic, and the level concerned: no text.
fn verdict(decision: &Decision, topic: Topic) -> (Verdict, Option<Level>) {
    let mut reasons = decision
        .reasons
        .iter()
        .filter(|r| r.rule.topic() == topic)
        .peekable();
    if reasons.peek().is_none() {
        return (Verdict::NotReached, None);
    }
    let (mut deciding, mut blocking) = (None, None);
    for r in reasons {
        // A quota demotion holds false (the subject did not keep its place) yet moves it.
        if deciding.is_none()
            && (r.effect == Effect::Demotes
                || (r.holds && matches!(r.effect, Effect::Decides | Effect::Excludes)))
        {
            deciding = Some(r);
        }
        if blocking.is_none() && r.effect == Effect::Blocks {
            blocking = Some(r);
        }
    }
    match (deciding, blocking) {
        (Some(r), _) => (Verdict::Decides, r.level.or(decision.level)),
        (None, Some(r)) => (Verdict::Blocks, r.level),
        (None, None) => (Verdict::Informs, None),
    }
}

/// What settles a topic for the comparison: the level a deciding rule set, or nothing.
fn settled(verdict: Verdict, level: Option<Level>) -> Option<Option<Level>> {
    (verdict == Verdict::Decides).then_some(level)
}

/// Whether every decision gives the same outcome and level.
fn levels_agree(decisions: &[Decision]) -> bool {
    decisions
        .windows(2)
        .all(|pair| (pair[0].outcome, pair[0].level) == (pair[1].outcome, pair[1].level))
}

/// The topics on which the decisions settle differently, in evaluation order: one
/// regime's rules grant or fire on the topic and another's do not (or at another
/// level). Whether a rule that did not grant was reached or not is not a difference:
/// QĐ 366 never reaches Excellent's conditions under 90 points, where a graded regime
/// blocks it, and both leave the level where it is. Context (the score, derived facts)
/// explains, it does not decide.
fn differing_topics(decisions: &[Decision]) -> Vec<Topic> {
    Topic::ALL
        .into_iter()
        .filter(|&topic| topic != Topic::Context)
        .filter(|&topic| {
            let mut settled_by = decisions.iter().map(|d| {
                let (v, l) = verdict(d, topic);
                settled(v, l)
            });
            let first = settled_by.next();
            settled_by.any(|s| Some(s) != first)
        })
        .collect()
}

fn finding(decision: &Decision, topic: Topic) -> TopicFinding {
    let reasons: Vec<_> = decision
        .reasons
        .iter()
        .filter(|r| r.rule.topic() == topic)
        .collect();
    let (verdict, level) = verdict(decision, topic);
    let mut rules: Vec<String> = Vec::new();
    for reason in &reasons {
        let id = reason.rule.id().to_owned();
        if !rules.contains(&id) {
            rules.push(id);
        }
    }
    TopicFinding {
        regime: decision.regime,
        verdict,
        level,
        rules,
        messages: reasons.iter().map(|r| message(r, decision)).collect(),
    }
}

/// Evaluates `assessment` under one regime for a comparison; also returns the grades
/// mapped from points, when the mapping was used.
pub fn evaluate_under(
    assessment: &Assessment,
    regime: RegimeId,
    options: &CompareOptions,
) -> (Result<Decision, InputErrors>, Option<GradesInput>) {
    // A state record is rated by the state regimes only (a party record under a state
    // regime is refused by validation, which reads its `rating`).
    if assessment.rating == Some(Rating::State) && regime.info().rating != Rating::State {
        return (
            Err(InputErrors::one(InputError::new(
                ErrorCode::InvalidValue,
                "/rating",
                format!(
                    "Hồ sơ đánh giá của Nhà nước được so sánh theo nd335, nd233, nd90, không theo {}",
                    regime.as_str()
                ),
                format!(
                    "a state record is compared under nd335, nd233 and nd90, not {}",
                    regime.as_str()
                ),
            ))),
            None,
        );
    }
    let validate_options = ValidateOptions {
        allow_regime_outside_span: true,
        ignore_other_regime_fields: true,
        regime_override: Some(regime),
        grades_from_points: options.grades_from_points,
        ..ValidateOptions::default()
    };
    match validate_with(assessment, validate_options) {
        Ok(valid) => {
            let mapped = valid
                .grades
                .as_ref()
                .filter(|_| valid.grades_mapped)
                .map(|g| GradesInput {
                    criteria: g.criteria.clone(),
                    task_results: g.task_results,
                });
            (evaluate_valid(&valid, &options.evaluation), mapped)
        }
        Err(errors) if reads(regime, RegimeField::Grades) => {
            (Err(explain_missing_grades(errors)), None)
        }
        Err(errors) => (Err(errors), None),
    }
}

/// Adds to a missing-grades error what a comparison can do about it.
pub fn explain_missing_grades(errors: InputErrors) -> InputErrors {
    InputErrors(
        errors
            .0
            .into_iter()
            .map(|e| {
                if e.code == ErrorCode::MissingField && e.path.ends_with("/grades") {
                    InputError::new(
                        ErrorCode::MissingField,
                        e.path.clone(),
                        "Hồ sơ chỉ có điểm theo Quy định 366; cần mức đánh giá từng tiêu chí (grades), hoặc chọn cách quy đổi điểm sang mức (score_shares)",
                        "the record has QĐ 366 points only: give criterion grades (grades), or choose a mapping from points (score_shares)",
                    )
                } else {
                    e
                }
            })
            .collect(),
    )
}

/// Whether the decisions agree, and the topics any of them reached, each with whether
/// the regimes settle it differently.
pub fn compare_decisions(
    decisions: &[Decision],
    regimes: &[RegimeId],
) -> (bool, Vec<TopicComparison>) {
    let differing = differing_topics(decisions);
    let mut topics = Vec::new();
    for topic in Topic::ALL {
        let findings: Vec<TopicFinding> = decisions.iter().map(|d| finding(d, topic)).collect();
        if findings.iter().all(|f| f.verdict == Verdict::NotReached) {
            continue;
        }
        topics.push(TopicComparison {
            topic,
            title: topic.title(),
            differs: differing.contains(&topic),
            findings,
            rules: regimes
                .iter()
                .map(|&regime| RegimeRuleSummary {
                    regime,
                    summary: rule_summary(topic, regime),
                })
                .collect(),
        });
    }
    (levels_agree(decisions), topics)
}

/// A regime as a comparison names it: with the guideline of the record's period when
/// the period is known.
fn regime_record(
    regime: RegimeId,
    selected: RegimeSelection,
    last_day: Option<NaiveDate>,
) -> RegimeRecord {
    match last_day {
        Some(day) => regime.info().record_for_period(selected, day),
        None => regime.info().record(selected),
    }
}

/// The regime in force for a record: a state record's by its year and employment
/// (`spec/state-regimes.md` §1; none for a cán bộ from 2026), a party record's on its
/// period's last day.
fn in_force_for(assessment: &Assessment) -> Option<RegimeId> {
    if assessment.rating == Some(Rating::State) {
        let year = assessment.period.year?;
        return match regime_for(
            assessment.subject.employment,
            year,
            assessment.subject.unit_regulation,
        )? {
            Selected::Regime(regime) => Some(regime),
            Selected::NoRegime => None,
        };
    }
    period_last_day(&assessment.period).and_then(regime_in_force_on)
}

/// The regimes a record is compared under: those asked; a state record compared with the
/// default (party) regimes is compared under the state regimes instead, the one in force
/// first (design §12).
fn regimes_for(assessment: &Assessment, options: &CompareOptions) -> Vec<RegimeId> {
    let state = assessment.rating == Some(Rating::State);
    if !state || options.regimes != CompareOptions::default().regimes {
        return options.regimes.clone();
    }
    let mut regimes = vec![RegimeId::Nd335, RegimeId::Nd233, RegimeId::Nd90];
    if let Some(first) = in_force_for(assessment) {
        regimes.retain(|&r| r != first);
        regimes.insert(0, first);
    }
    regimes
}

/// Compares one record under the regimes of `options` (a state record with the default
/// regimes: under the state regimes, [`regimes_for`]).
pub fn compare(assessment: &Assessment, options: &CompareOptions) -> Comparison {
    let last_day = period_last_day(&assessment.period);
    let in_force = in_force_for(assessment);
    let regimes = regimes_for(assessment, options);
    let mut results = Vec::with_capacity(regimes.len());
    let mut decisions = Vec::with_capacity(regimes.len());
    let mut levels = Vec::with_capacity(regimes.len());
    for &regime in &regimes {
        let selected = if Some(regime) == in_force {
            RegimeSelection::Period
        } else {
            RegimeSelection::Comparison
        };
        let (result, mapped_grades) = evaluate_under(assessment, regime, options);
        match result {
            Ok(mut decision) => {
                decision.regime_selection = selected;
                levels.push(decision.level);
                results.push(RegimeResult {
                    regime: regime_record(regime, selected, last_day),
                    decision: Some(decision.to_record()),
                    errors: Vec::new(),
                    mapped_grades,
                });
                decisions.push(decision);
            }
            Err(errors) => {
                levels.push(None);
                results.push(RegimeResult {
                    regime: regime_record(regime, selected, last_day),
                    decision: None,
                    errors: errors.0,
                    mapped_grades,
                });
            }
        }
    }
    let (levels_agree, topics) = compare_decisions(&decisions, &regimes);
    Comparison {
        id: assessment.id.clone(),
        in_force,
        grades_from_points: options.grades_from_points,
        results,
        levels,
        levels_agree,
        topics,
    }
}

/// [`compare`] without text.
pub fn compare_levels(assessment: &Assessment, options: &CompareOptions) -> LevelComparison {
    let in_force = in_force_for(assessment);
    let regimes = regimes_for(assessment, options);
    let mut results = Vec::with_capacity(regimes.len());
    let mut decisions = Vec::with_capacity(regimes.len());
    for &regime in &regimes {
        match evaluate_under(assessment, regime, options).0 {
            Ok(decision) => {
                results.push(LevelResult {
                    regime,
                    outcome: Some(decision.outcome),
                    level: decision.level,
                    deciding_rule: decision.deciding_reason().map(|r| r.rule),
                    errors: Vec::new(),
                });
                decisions.push(decision);
            }
            Err(errors) => results.push(LevelResult {
                regime,
                outcome: None,
                level: None,
                deciding_rule: None,
                errors: errors.0,
            }),
        }
    }
    LevelComparison {
        in_force,
        results,
        levels_agree: levels_agree(&decisions),
        differs: differing_topics(&decisions),
    }
}

/// Decodes one record (every unknown field reported) and compares it.
pub fn compare_json(json: &str, options: &CompareOptions) -> Result<Comparison, InputErrors> {
    Ok(compare(&decode_assessment(json)?, options))
}

/// How the outcomes of two regimes compare over records: how many move down, up, or
/// between classified and not.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PairTally {
    /// Classified under both, lower under the second.
    pub down: usize,
    /// Classified under both, higher under the second.
    pub up: usize,
    /// Classified under one regime, not classified or undetermined under the other.
    pub other: usize,
    /// Not evaluated under one of the two.
    pub not_comparable: usize,
}

impl PairTally {
    /// Counts one record's results under the two regimes.
    pub fn count(&mut self, from: &RegimeResult, to: &RegimeResult) {
        let (Some(from), Some(to)) = (&from.decision, &to.decision) else {
            self.not_comparable += 1;
            return;
        };
        match ((from.outcome, from.level), (to.outcome, to.level)) {
            (a, b) if a == b => {}
            ((Outcome::Classified, Some(a)), (Outcome::Classified, Some(b))) if b < a => {
                self.down += 1;
            }
            ((Outcome::Classified, Some(_)), (Outcome::Classified, Some(_))) => self.up += 1,
            _ => self.other += 1,
        }
    }

    /// Records whose result changed.
    pub fn changed(&self) -> usize {
        self.down + self.up + self.other
    }
}

/// For each pair of the regimes compared (in the order asked, each with every later
/// one), how the records' results change from the first to the second. Records compared
/// under different lists of regimes (a state record under the state regimes, a party
/// record under the party ones) are counted per list, in first-appearance order.
pub fn pair_tallies(comparisons: &[Comparison]) -> Vec<(RegimeId, RegimeId, PairTally)> {
    let mut lists: Vec<(Vec<RegimeId>, Vec<&Comparison>)> = Vec::new();
    for comparison in comparisons {
        let regimes: Vec<RegimeId> = comparison.results.iter().map(|r| r.regime.id).collect();
        match lists.iter_mut().find(|(list, _)| *list == regimes) {
            Some((_, members)) => members.push(comparison),
            None => lists.push((regimes, vec![comparison])),
        }
    }
    let mut out = Vec::new();
    for (regimes, members) in &lists {
        for (i, &from) in regimes.iter().enumerate() {
            for (j, &to) in regimes.iter().enumerate().skip(i + 1) {
                let mut tally = PairTally::default();
                for comparison in members {
                    if let (Some(a), Some(b)) =
                        (comparison.results.get(i), comparison.results.get(j))
                    {
                        tally.count(a, b);
                    }
                }
                out.push((from, to, tally));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::evaluate::evaluate_json;
    use crate::contract::compare::GradeMapping;
    use crate::contract::decision::DecisionRecord;
    use crate::contract::level::{Options, Outcome};
    use crate::rules::catalogue::Rule;

    #[test]
    fn compare_levels_settles_what_compare_settles() {
        let json = r#"{"id":"dv","period":{"year":2025},
          "subject":{"kind":"member","admitted_on":"2019-05-19"},
          "score":{"general":27.5,"task_results":63},
          "grades":{"criteria":{"a":"excellent"},"task_results":"excellent"},
          "leave":{"sick_months":4},
          "tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":4}}"#;
        let assessment = decode_assessment(json).unwrap();
        for mapping in [None, Some(GradeMapping::ScoreShares)] {
            let options = CompareOptions {
                grades_from_points: mapping,
                ..CompareOptions::default()
            };
            let full = compare(&assessment, &options);
            let compact = compare_levels(&assessment, &options);
            assert_eq!(compact.in_force, full.in_force);
            assert_eq!(compact.levels_agree, full.levels_agree);
            let differs: Vec<Topic> = full.differences().map(|t| t.topic).collect();
            assert_eq!(compact.differs, differs);
            assert!(!differs.is_empty());
            for (c, f) in compact.results.iter().zip(&full.results) {
                assert_eq!(c.level, f.decision.as_ref().and_then(|d| d.level));
                assert_eq!(
                    c.deciding_rule.map(Rule::id),
                    f.decision
                        .as_ref()
                        .and_then(|d| d.deciding_reason())
                        .map(|r| r.rule.as_str())
                );
                assert_eq!(c.errors, f.errors);
            }
        }
    }

    #[test]
    fn a_state_record_is_compared_under_the_state_regimes_only() {
        let json = r#"{"id":"s","rating":"state","period":{"year":2026},
          "subject":{"kind":"member","employment":"vien_chuc"},
          "periods":[{"quarter":1,"general":25,"task_results":60}]}"#;
        let assessment = decode_assessment(json).unwrap();
        // The default regimes: the state ones, the one in force first.
        let default = compare(&assessment, &CompareOptions::default());
        let regimes: Vec<RegimeId> = default.results.iter().map(|r| r.regime.id).collect();
        assert_eq!(regimes, [RegimeId::Nd233, RegimeId::Nd335, RegimeId::Nd90]);
        assert_eq!(default.in_force, Some(RegimeId::Nd233));
        // A party regime named for it is refused, the state one still compared.
        let options = CompareOptions {
            regimes: vec![RegimeId::Qd366, RegimeId::Nd335],
            ..CompareOptions::default()
        };
        let named = compare(&assessment, &options);
        assert!(named.results[0].decision.is_none());
        assert_eq!(named.results[0].errors[0].path, "/rating");
        assert_eq!(named.levels[1], Some(Level::Good));
    }

    #[test]
    fn pairs_count_down_up_and_other() {
        let record = r#"{"id":"x","period":{"year":2025},"subject":{"kind":"member"},"score":{"general":25,"task_results":55},"tasks":{"assigned":1,"completed":1,"on_time":1,"exceeded":0}}"#;
        let decision = evaluate_json(record, &Options::default()).unwrap();
        let result = |outcome: Outcome, level: Option<Level>| RegimeResult {
            regime: RegimeId::Qd366.info().record(RegimeSelection::Period),
            decision: Some(DecisionRecord {
                outcome,
                level,
                ..decision.clone()
            }),
            errors: Vec::new(),
            mapped_grades: None,
        };
        let excellent = result(Outcome::Classified, Some(Level::Excellent));
        let good = result(Outcome::Classified, Some(Level::Good));
        let excluded = result(Outcome::NotClassified, None);
        let mut tally = PairTally::default();
        tally.count(&excellent, &good);
        tally.count(&good, &excellent);
        tally.count(&good, &good);
        tally.count(&good, &excluded);
        assert_eq!((tally.down, tally.up, tally.other), (1, 1, 1));
        assert_eq!(tally.changed(), 3);
    }
}
