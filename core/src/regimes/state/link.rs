//! The link between a party record and the person's state rating (`spec/state-regimes.md`
//! §4, design §8): what the party record read (`link.state_rating`), HD 21's caps when the
//! option `state_cap: hd21` asks for them under QĐ 124 and QĐ 366, and the finding when
//! the party level is above the state one (`link.state_party.mismatch`). Under QĐ 132 the
//! state rating is HD 21's civil-service level, which the QĐ 132 rules read themselves.

use crate::contract::decision::{Basis, Effect};
use crate::contract::level::{Level, Options, Outcome};
use crate::contract::regime::RegimeId;
use crate::contract::state::{StateLevel, StateRatingRecord};
use crate::contract::state_options::StateCap;
use crate::model::{StateRatingRead, ValidAssessment};
use crate::regimes::decision::Decision;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// The values of `link.state_rating`: what was read.
fn read_values(read: &StateRatingRead) -> Values {
    let mut values = Values::of(&[
        (Fact::RatingYear, Value::Year4(read.year)),
        (Fact::StateRatingLevel, Value::StateLevel(read.level)),
        (Fact::Source, Value::Source(read.source)),
    ]);
    if let Some(regime) = read.regime {
        values.push(Fact::Regime, Value::Regime(regime));
    }
    if let Some(employment) = read.employment {
        values.push(Fact::Employment, Value::Employment(employment));
    }
    values
}

/// Reads the state rating into a party decision: the `link.state_rating` reason, HD 21's
/// caps under `state_cap: hd21` (QĐ 124, QĐ 366), then the mismatch finding on the level
/// so far (a batch refreshes it after the party quota, [`refresh_mismatch`]).
pub fn read_state_rating(a: &ValidAssessment, decision: &mut Decision, options: &Options) {
    let Some(read) = a.state_rating else {
        return;
    };
    decision.state_rating = Some(StateRatingRecord {
        regime: read.regime,
        year: read.year,
        level: read.level,
        source: read.source,
    });
    let mut values = read_values(&read);
    let graded_by_hd21 = a.regime == RegimeId::Qd132;
    let capped = options.state_cap == StateCap::Hd21 && !graded_by_hd21;
    let classified = decision.outcome == Outcome::Classified;
    let (effect, level) = match (capped && classified, read.level.level(), decision.level) {
        (true, Some(Level::NotCompleted), Some(before)) if before != Level::NotCompleted => {
            values.push(Fact::LevelBefore, Value::Level(before));
            decision.level = Some(Level::NotCompleted);
            (Effect::Decides, Some(Level::NotCompleted))
        }
        (true, Some(state), Some(Level::Excellent)) if state < Level::Excellent => {
            values.push(Fact::LevelBefore, Value::Level(Level::Excellent));
            values.push(Fact::CapLevel, Value::Level(Level::Good));
            decision.level = Some(Level::Good);
            (Effect::Demotes, Some(Level::Good))
        }
        _ => (Effect::Info, None),
    };
    let mut reason = Reason::new(Rule::LinkStateRating, true, effect, level, values);
    if effect != Effect::Info {
        reason = reason.with_basis(Basis::Reading);
    }
    decision.reasons.push(reason);
    if !graded_by_hd21 {
        refresh_mismatch(decision);
    }
}

/// The finding when the party level is above the state one (QĐ 124, QĐ 366), on the
/// decision's final level: replaces an earlier finding. None when either side is not
/// classified.
pub fn refresh_mismatch(decision: &mut Decision) {
    decision.reasons.retain(|r| r.rule != Rule::LinkMismatch);
    let Some(read) = decision.state_rating.as_ref() else {
        return;
    };
    if decision.regime == RegimeId::Qd132 {
        return;
    }
    let (Some(state), Some(party)) = (read.level.level(), decision.level) else {
        return;
    };
    if decision.outcome != Outcome::Classified {
        return;
    }
    decision.reasons.push(Reason::new(
        Rule::LinkMismatch,
        party > state,
        Effect::Info,
        None,
        Values::of(&[
            (Fact::PartyLevel, Value::Level(party)),
            (
                Fact::StateLevel,
                Value::StateLevel(StateLevel::of(Some(state))),
            ),
            (
                Fact::StateNotCompleted,
                Value::Flag(state == Level::NotCompleted),
            ),
        ]),
    ));
}
