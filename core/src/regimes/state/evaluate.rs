//! Evaluation of a validated state record: the one place that knows which state engine
//! evaluates which record (`state.none`, an agency record, `nd90`, `nd335`/`nd233`).

use crate::contract::decision::Effect;
use crate::contract::level::{Options, Outcome};
use crate::contract::regime::RegimeId;
use crate::model::{StateFacts, ValidAssessment};
use crate::regimes::decision::Decision;
use crate::regimes::state::part::StatePart;
use crate::regimes::state::{nd335, nd90};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Reason, Values};

/// Evaluates a validated state record. Never fails and never panics.
pub fn evaluate(a: &ValidAssessment, s: &StateFacts, options: &Options) -> Decision {
    if s.no_regime {
        let mut decision = Decision::unclassified(a, options);
        decision.reasons.push(Reason::new(
            Rule::StateNone,
            true,
            Effect::Excludes,
            None,
            Values::default(),
        ));
        decision.state = Some(Box::new(StatePart::of(a, s, options)));
        return decision;
    }
    if let Some(level) = s.unit_level {
        let mut decision = Decision::unclassified(a, options);
        decision.outcome = Outcome::Classified;
        decision.level = Some(level);
        decision.reasons.push(Reason::new(
            Rule::StateUnitLevel,
            true,
            Effect::Decides,
            Some(level),
            Values::default(),
        ));
        decision.state = Some(Box::new(StatePart::of(a, s, options)));
        return decision;
    }
    match a.regime {
        RegimeId::Nd90 => nd90::evaluate(a, s, options),
        _ => nd335::evaluate(a, s, options),
    }
}
