//! A person's state and party levels side by side (`spec/state-regimes.md` §4, design
//! §12): the records of one call evaluated as a batch without quota (state records first,
//! each party record reading its pair's result or its given `state_rating`), then, for
//! every party decision that read a state rating, both levels, whether they agree, the
//! mismatch finding and whether HD 21's caps lowered the party level.

use crate::api::pairs::evaluate_with_pairs;
use crate::contract::batch::RejectedRecord;
use crate::contract::compare::{
    PartySide, PersonLevels, StatePartyComparison, StatePartyTotals, StateSide,
};
use crate::contract::decision::Effect;
use crate::contract::errors::InputErrors;
use crate::contract::level::{Options, Outcome};
use crate::contract::state::{Rating, StateRatingSource};
use crate::intake::batch::{batch_records, BatchText};
use crate::regimes::decision::Decision;
use crate::rules::catalogue::Rule;
use std::collections::HashMap;

/// The person's line: the party decision and the state decision it read, if computed.
fn person(party: &Decision, state: Option<&Decision>) -> Option<PersonLevels> {
    let read = party.state_rating.as_ref()?;
    let score = state
        .and_then(|s| s.state.as_deref())
        .and_then(|s| s.mean.as_ref())
        .map(|mean| mean.score.to_json_number());
    let party_level = (party.outcome == Outcome::Classified)
        .then_some(party.level)
        .flatten();
    let state_level = read.level.level();
    let mismatch = party
        .reasons
        .iter()
        .find(|r| r.rule == Rule::LinkMismatch)
        .map(|r| r.holds);
    let capped = party
        .reasons
        .iter()
        .any(|r| r.rule == Rule::LinkStateRating && r.effect != Effect::Info);
    Some(PersonLevels {
        id: party.id.clone(),
        state: StateSide {
            regime: read.regime,
            level: read.level,
            score: if read.source == StateRatingSource::Computed {
                score
            } else {
                None
            },
            source: read.source,
        },
        party: PartySide {
            regime: party.regime,
            outcome: party.outcome,
            level: party_level,
        },
        agree: state_level.is_some() && state_level == party_level,
        mismatch,
        capped,
    })
}

/// Compares the state and party levels of the people of one call (JSON text: an array of
/// records, state and party, or one record). Fails as a whole only when the text is
/// neither, or holds more than `MAX_BATCH_RECORDS` records; a rejected record is
/// reported and left out.
pub fn compare_state_party(
    json: &str,
    options: &Options,
) -> Result<StatePartyComparison, InputErrors> {
    let records: Vec<String> = batch_records(json, BatchText::ArrayOrRecord)?
        .into_iter()
        .map(str::to_owned)
        .collect();
    let batch = evaluate_with_pairs(&records, options, None);
    let states: HashMap<&str, &Decision> = batch
        .decisions
        .iter()
        .filter(|d| d.rating == Rating::State)
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut totals = StatePartyTotals::default();
    let mut people = Vec::new();
    for party in batch.decisions.iter().filter(|d| d.rating != Rating::State) {
        let Some(line) = person(party, states.get(party.id.as_str()).copied()) else {
            continue;
        };
        totals.people += 1;
        match (line.state.level.level(), line.party.level) {
            (Some(state), Some(party)) if state == party => totals.agree += 1,
            (Some(state), Some(party)) if party > state => totals.party_above += 1,
            (Some(_), Some(_)) => totals.party_below += 1,
            _ => totals.not_comparable += 1,
        }
        people.push(line);
    }
    let rejected = batch
        .rejected
        .into_iter()
        .map(|(index, name, errors)| RejectedRecord {
            index,
            id: Some(name).filter(|n| !n.is_empty()),
            errors: errors.0,
        })
        .collect();
    Ok(StatePartyComparison {
        people,
        totals,
        rejected,
    })
}
