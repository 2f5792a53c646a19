//! Evaluation under `nd335` and `nd233` (`spec/state-regimes.md` §2): points from
//! periods, the bands with no further condition, the grounds of Not completed, the head
//! cap. ND 233 shares the spec's rule ids; what differs (bases, citations, the head cap's
//! force, the leader's mitigation) is asked of `nd233`.
//!
//! Order of evaluation, which is also the order of the reasons: who is not classified
//! (§2.4); discipline not counted; each work period's `a`, `b`, `c` (and `d`, `đ`, `e`)
//! and score; the year (§2.2); the grounds 20.4.a–d; otherwise the band; the head cap.
//! The quota is the batch's (`group::quota::state`).

use crate::conduct::shipped::catalogue;
use crate::contract::assessment::ConductAnswerKind;
use crate::contract::conduct_catalogue::ItemEffect;
use crate::contract::decision::{Effect, MitigationKind};
use crate::contract::level::{Level, Options, Outcome};
use crate::contract::regime::RegimeId;
use crate::contract::subject::SubjectKind;
use crate::model::{Discipline, StateFacts, ValidAssessment};
use crate::points::Points;
use crate::regimes::decision::{Alternative, Decision};
use crate::regimes::state::citations::points_basis;
use crate::regimes::state::discipline::counted;
use crate::regimes::state::eligibility::points_exclusion;
use crate::regimes::state::nd233::{head_cap_is_hard, mitigation_basis};
use crate::regimes::state::part::StatePart;
use crate::regimes::state::periods::{score_period, year_score, PeriodScore};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};
use num_traits::One;

/// A reason under a points regime, with that regime's basis.
fn reason(
    rule: Rule,
    regime: RegimeId,
    holds: bool,
    effect: Effect,
    level: Option<Level>,
    values: Values,
) -> Reason {
    Reason::new(rule, holds, effect, level, values).with_basis(points_basis(rule, regime))
}

/// Evaluates a validated `nd335` or `nd233` record. Never fails and never panics.
pub fn evaluate(a: &ValidAssessment, s: &StateFacts, options: &Options) -> Decision {
    let regime = a.regime;
    let mut decision = Decision::unclassified(a, options);
    let mut part = StatePart::of(a, s, options);
    let mut reasons = Vec::with_capacity(4 + 4 * s.periods.len());
    if points_exclusion(s, regime, &mut reasons) {
        return finish(decision, reasons, part);
    }
    let records = counted(a, Rule::StateDisciplineNotCounted, true, &mut reasons);
    for record in records.iter().filter(|r| r.at_previous_unit) {
        reasons.push(reason(
            Rule::StateOldUnit,
            regime,
            true,
            Effect::Info,
            None,
            Values::of(&[
                (Fact::Form, Value::Form(record.form)),
                (Fact::DecidedOn, Value::Date(record.decided_on)),
            ]),
        ));
    }
    part.periods = s.periods.iter().map(score_period).collect();
    period_reasons(&part.periods, regime, &mut reasons);
    let Some(year) = year_score(&part.periods, options.rounding) else {
        reasons.push(reason(
            Rule::StateNoWork,
            regime,
            true,
            Effect::Excludes,
            None,
            Values::of(&[(Fact::Year, Value::Year)]),
        ));
        return finish(decision, reasons, part);
    };
    let score = year.score;
    let band = Level::band_of(score);
    part.mean = Some(year);
    decision.score = Some(score);
    decision.band = Some(band);
    decision.outcome = Outcome::Classified;
    reasons.push(reason(
        Rule::StateYear,
        regime,
        true,
        Effect::Info,
        Some(band),
        Values::of(&[
            (Fact::Year, Value::Year),
            (Fact::Total, Value::Points(score)),
        ]),
    ));

    let grounds = grounds(a, &records, score, &mut reasons);
    let capped_band = head_cap(a, band);
    let mut level = if grounds.decides {
        Level::NotCompleted
    } else if let Some(mitigated) = grounds.mitigated {
        decision.needs_decision = true;
        decision.alternatives.push(Alternative {
            level: Some(capped_band),
            mitigation: MitigationKind::SelfDetectedAndRemedied,
            rule: mitigated,
            needs_decision: true,
        });
        Level::NotCompleted
    } else {
        band_reasons(band, regime, score, &mut reasons);
        band
    };
    if let Some(cap) = a.leader.headed_level {
        level = apply_head_cap(regime, level, cap, &mut reasons);
    }
    decision.level = Some(level);
    finish(decision, reasons, part)
}

fn finish(mut decision: Decision, reasons: Vec<Reason>, part: StatePart) -> Decision {
    decision.reasons = reasons;
    decision.state = Some(Box::new(part));
    decision
}

/// The reasons of each work period: `a`, `b`, `c` from a product list, a leader's `d`,
/// `đ`, `e`, and the period's score.
fn period_reasons(periods: &[PeriodScore], regime: RegimeId, reasons: &mut Vec<Reason>) {
    for (index, period) in periods.iter().enumerate() {
        let Some(work) = &period.work else {
            continue;
        };
        let at = Value::Period(u8::try_from(index).unwrap_or(u8::MAX));
        if let Some(c) = &work.components {
            for rule in [Rule::StateQuantity, Rule::StateQuality, Rule::StateProgress] {
                reasons.push(reason(
                    rule,
                    regime,
                    true,
                    Effect::Info,
                    None,
                    Values::of(&[(Fact::Period, at)]),
                ));
            }
            if let Some(l) = &c.leader {
                let facts = l.facts;
                for (bit, rule, value) in [
                    (0u8, Rule::StateUnitResults, &l.d),
                    (1, Rule::StateOrganising, &l.dd),
                    (2, Rule::StateRallying, &l.e),
                ] {
                    let mut values = Values::of(&[(Fact::Period, at)]);
                    if bit == 0 {
                        if let Some(k) = facts.staff_not_completed {
                            values.push(Fact::StaffNotCompleted, Value::count(k));
                        }
                        if let Some(n) = facts.staff_counted {
                            values.push(Fact::StaffCounted, Value::count(n));
                        }
                    }
                    values.push(Fact::Given, Value::Flag(l.given & (1 << bit) != 0));
                    let overridden = l.overridden & (1 << bit) != 0;
                    if overridden {
                        values.push(Fact::Override, Value::Flag(true));
                    }
                    reasons.push(
                        reason(rule, regime, value.is_one(), Effect::Info, None, values)
                            .inferred_if(overridden),
                    );
                }
            }
        }
        reasons.push(reason(
            Rule::StatePeriodScore,
            regime,
            true,
            Effect::Info,
            None,
            Values::of(&[(Fact::Period, at)]),
        ));
    }
}

/// What the grounds of Not completed found.
struct Grounds {
    /// A ground decides Not completed.
    decides: bool,
    /// Only the leader's corruption ground holds, with the mitigation claimed: the case
    /// needs a decision (its rule).
    mitigated: Option<Rule>,
}

/// Self-reported breaches of the conduct checklist that are a ground (spec §2.3, read as
/// `qd366.11.4.N.conduct` reads them, for members and leaders alike).
fn self_reported(a: &ValidAssessment) -> u64 {
    let Ok(catalogue) = catalogue() else {
        return 0;
    };
    a.conduct
        .iter()
        .filter(|finding| finding.answer == ConductAnswerKind::Breach)
        .filter(|finding| {
            catalogue
                .items()
                .get(usize::from(finding.item))
                .is_some_and(|item| match item.effect {
                    ItemEffect::MustNotDo => true,
                    ItemEffect::Exemplary => finding.harmed_prestige,
                    ItemEffect::Standard | ItemEffect::DisciplineForm => false,
                })
        })
        .count() as u64
}

/// ND 335 Art. 20.4.a–d (ND 233 Art. 12.4), each its own reason.
fn grounds(
    a: &ValidAssessment,
    records: &[&Discipline],
    score: Points,
    reasons: &mut Vec<Reason>,
) -> Grounds {
    let regime = a.regime;
    let not_completed = Some(Level::NotCompleted);
    let mut decides = false;
    if score < Points::whole(50) {
        decides = true;
        reasons.push(reason(
            Rule::StateUnder50,
            regime,
            true,
            Effect::Decides,
            not_completed,
            Values::of(&[(Fact::Total, Value::Points(score))]),
        ));
    }
    let c = &a.conclusions;
    let reported = self_reported(a);
    if c.degradation || c.prohibition_breach || c.exemplary_breach || reported > 0 {
        decides = true;
        reasons.push(reason(
            Rule::StateConduct,
            regime,
            true,
            Effect::Decides,
            not_completed,
            Values::of(&[
                (Fact::Degradation, Value::Flag(c.degradation)),
                (Fact::ProhibitionBreach, Value::Flag(c.prohibition_breach)),
                (Fact::ExemplaryBreach, Value::Flag(c.exemplary_breach)),
                (Fact::SelfReported, Value::Count(reported)),
            ]),
        ));
    }
    for record in records {
        let holds = record.duty_related;
        decides |= holds;
        reasons.push(reason(
            Rule::StateDisciplined,
            regime,
            holds,
            if holds { Effect::Decides } else { Effect::Info },
            holds.then_some(Level::NotCompleted),
            Values::of(&[
                (Fact::Form, Value::Form(record.form)),
                (Fact::DecidedOn, Value::Date(record.decided_on)),
                (Fact::DisciplineKind, Value::DisciplineKind(record.kind)),
                (Fact::DutyRelated, Value::Flag(record.duty_related)),
            ]),
        ));
    }
    let mut mitigated = None;
    if a.subject.kind == SubjectKind::Leader && a.leader.scope_corruption_disciplined {
        let claim = a.mitigation.self_detected_and_remedied;
        let values = Values::of(&[
            (Fact::ScopeCorruption, Value::Flag(true)),
            (Fact::SelfDetectedAndRemedied, Value::Flag(claim)),
        ]);
        if claim && !decides {
            mitigated = Some(Rule::StateScopeCorruption);
            reasons.push(
                Reason::new(
                    Rule::StateScopeCorruption,
                    true,
                    Effect::NeedsDecision,
                    not_completed,
                    values,
                )
                .with_basis(mitigation_basis(regime)),
            );
        } else {
            decides = true;
            let rule = Rule::StateScopeCorruption;
            let mut reason = reason(rule, regime, true, Effect::Decides, not_completed, values);
            if claim {
                reason = reason.with_basis(mitigation_basis(regime));
            }
            reasons.push(reason);
        }
    }
    Grounds { decides, mitigated }
}

/// The band rules: the levels above the band block, the band's decides (no other
/// condition).
fn band_reasons(band: Level, regime: RegimeId, score: Points, reasons: &mut Vec<Reason>) {
    for (level, rule) in [
        (Level::Excellent, Rule::StateExcellent),
        (Level::Good, Rule::StateGood),
        (Level::Completed, Rule::StateCompleted),
    ] {
        if level < band {
            break;
        }
        let holds = level == band;
        reasons.push(reason(
            rule,
            regime,
            holds,
            if holds {
                Effect::Decides
            } else {
                Effect::Blocks
            },
            Some(level),
            Values::of(&[(Fact::Total, Value::Points(score))]),
        ));
    }
}

/// The level a head may have under the unit's level (for an alternative).
fn head_cap(a: &ValidAssessment, band: Level) -> Level {
    match a.leader.headed_level {
        Some(cap) if head_cap_is_hard(a.regime) => band.min(cap),
        _ => band,
    }
}

/// ND 233 Art. 12.7: a head's level never above the unit's (a warning under `nd335`).
fn apply_head_cap(regime: RegimeId, level: Level, cap: Level, reasons: &mut Vec<Reason>) -> Level {
    let above = level > cap;
    let hard = head_cap_is_hard(regime);
    let values = Values::of(&[
        (Fact::CapLevel, Value::Level(cap)),
        (Fact::LevelBefore, Value::Level(level)),
    ]);
    let effect = if above && hard {
        Effect::Demotes
    } else {
        Effect::Info
    };
    reasons.push(reason(
        Rule::StateHeadCap,
        regime,
        above,
        effect,
        Some(cap),
        values,
    ));
    if above && hard {
        cap
    } else {
        level
    }
}
