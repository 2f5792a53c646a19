//! Evaluation under QĐ 366-QĐ/TW (2025) and HD 43-HD/BTCTW (`spec/rules-qd366.md`).
//!
//! Order of evaluation, which is also the order of the reasons: who is not classified
//! (§6); context (leave, temporary activity, the score); discipline records that do not
//! count (§7); the Not-completed triggers (§4, 11.4) and any mitigation (§5); otherwise
//! the level conditions from the score's band down (§4, §5); open complaints (§7).

use crate::contract::decision::Effect;
use crate::contract::level::{Level, Options, Outcome};
use crate::contract::subject::SubjectKind;
use crate::model::{Score, Tasks, ValidAssessment};
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::qd366::conduct::conduct_findings;
use crate::regimes::qd366::discipline::{tally_discipline, DisciplineTally};
use crate::regimes::qd366::levels::{resolve, Resolution};
use crate::regimes::qd366::mitigation::{claim_values, claimed, mitigate, mitigation_rule};
use crate::regimes::qd366::not_classified::exclusion;
use crate::regimes::qd366::triggers::{score_trigger, Fired};
use crate::regimes::qd366::{triggers_collective, triggers_leader, triggers_member};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// Evaluates a validated QĐ 366 assessment. Never fails and never panics.
#[inline]
pub fn evaluate(a: &ValidAssessment, options: &Options) -> Decision {
    let (score, tasks) = (a.score, a.tasks);
    let mut reasons = Vec::with_capacity(4);
    let total = score.map(|s| s.total());
    let band = total.map(Level::band_of);
    let mut decision = Decision::unclassified(a, options);
    decision.score = total;
    decision.band = band;

    let excluded = exclusion(a, &mut reasons);
    let (false, Some(score), Some(tasks), Some(band)) = (excluded, score, tasks, band) else {
        decision.reasons = reasons;
        return decision;
    };

    if a.leave.sick_months >= Points::whole(3) || a.leave.maternity {
        reasons.push(Reason::new(
            Rule::SickLeave,
            true,
            Effect::Info,
            None,
            Values::of(&[
                (Fact::SickMonths, Value::Points(a.leave.sick_months)),
                (Fact::Maternity, Value::Flag(a.leave.maternity)),
            ]),
        ));
    }
    if let Some(activity) = &a.subject.temporary_activity {
        reasons.push(Reason::new(
            Rule::TemporaryActivity,
            true,
            Effect::Info,
            None,
            Values::of(&[(
                Fact::CommentReceived,
                Value::Flag(activity.comment_received),
            )]),
        ));
    }
    reasons.push(Reason::new(
        Rule::Score,
        true,
        Effect::Info,
        Some(band),
        Values::of(&[
            (Fact::General, Value::Points(score.general)),
            (Fact::TaskResults, Value::Points(score.task_results)),
            (Fact::Total, Value::Points(score.total())),
            (Fact::Band, Value::Level(band)),
        ]),
    ));

    let tally = tally_discipline(a, &mut reasons);
    let self_reported = conduct_findings(a, &mut reasons);
    let fired = not_completed_triggers(
        a,
        &score,
        &tasks,
        &tally,
        self_reported,
        options,
        &mut reasons,
    );
    let any_claimed = claimed(a).iter().any(|(_, on)| *on);

    decision.outcome = Outcome::Classified;
    // A party committee, party organisation or agency disciplined itself: the superior
    // committee weighs it (`qd366.7.own_discipline`, reasons pushed by the tally).
    if a.subject.kind == SubjectKind::Collective
        && !a.subject.is_leadership_collective()
        && tally.own_any() > 0
    {
        decision.needs_decision = true;
    }
    if fired.is_empty() {
        match resolve(band, a, &tasks, &tally, options.reading, &mut reasons) {
            Resolution::Level(level) => decision.level = Some(level),
            Resolution::Gap => {
                decision.level = Some(Level::NotCompleted);
                decision.needs_decision = true;
            }
            Resolution::Undetermined => {
                decision.outcome = Outcome::Undetermined;
                decision.needs_decision = true;
            }
        }
        if any_claimed {
            // A claim with nothing to mitigate changes nothing, and says so.
            reasons.push(Reason::new(
                mitigation_rule(a.subject.kind),
                false,
                Effect::Info,
                None,
                claim_values(a),
            ));
        }
    } else {
        decision.level = Some(Level::NotCompleted);
        for trigger in &fired {
            reasons.push(Reason::new(
                trigger.rule,
                true,
                Effect::Decides,
                Some(Level::NotCompleted),
                trigger.values,
            ));
        }
        if any_claimed {
            mitigate(
                a,
                &fired,
                band,
                &tasks,
                &tally,
                options,
                &mut decision,
                &mut reasons,
            );
        }
    }

    if a.procedure.open_complaints {
        decision.needs_decision = true;
        reasons.push(Reason::new(
            Rule::OpenComplaints,
            true,
            Effect::NeedsDecision,
            None,
            Values::default(),
        ));
    }
    decision.reasons = reasons;
    decision
}

/// The Not-completed triggers of Art. 11.4 that fired, in the text's order: the score,
/// then the subject's own.
fn not_completed_triggers(
    a: &ValidAssessment,
    score: &Score,
    tasks: &Tasks,
    tally: &DisciplineTally,
    self_reported: u64,
    options: &Options,
    reasons: &mut Vec<Reason>,
) -> Vec<Fired> {
    let mut fired = Vec::new();
    score_trigger(score, &mut fired);
    match a.subject.kind {
        SubjectKind::Member => {
            triggers_member::triggers(a, tasks, tally, self_reported, reasons, &mut fired);
        }
        SubjectKind::Leader => {
            triggers_leader::triggers(a, tasks, tally, options, reasons, &mut fired);
        }
        SubjectKind::Collective if a.subject.is_leadership_collective() => {
            triggers_collective::triggers(a, tasks, tally, options, reasons, &mut fired);
        }
        SubjectKind::Collective => {}
    }
    fired
}
