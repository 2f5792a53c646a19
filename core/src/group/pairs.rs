//! What a call holding pairs (a state and a party record with one id) and an
//! organisation tree holding them share (`spec/state-regimes.md` §4, design §8.4, §9):
//! the rate an `nd90` agency derives from its paired party records, the state rating a
//! party record reads from its pair, and the errors and reason of a pair that cannot be
//! linked.

use crate::contract::decision::Effect;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::level::{Level, Options, Outcome};
use crate::contract::quota::QuotaOptions;
use crate::contract::regime::RegimeId;
use crate::contract::state::{StateLevel, StateRatingInput, StateRatingSource};
use crate::contract::state_options::StateCap;
use crate::group::quota::apply::apply_quota;
use crate::regimes::decision::Decision;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Reason, Values};
use std::collections::{BTreeMap, HashMap};

fn one(code: ErrorCode, path: &str, vi: String, en: String) -> InputErrors {
    InputErrors::one(InputError::new(code, path, vi, en))
}

/// The state records whose agency's party Excellent rate is to be derived (`nd90` under
/// ND 48, no rate given for the agency): id → agency.
pub(crate) fn rate_agencies<'a>(
    states: impl Iterator<Item = &'a Decision>,
    quota: &QuotaOptions,
) -> HashMap<String, String> {
    let mut agency_of: HashMap<String, String> = HashMap::new();
    for d in states {
        let Some(part) = d.state.as_deref() else {
            continue;
        };
        if d.regime == RegimeId::Nd90
            && part.nd48
            && !quota.party_excellent_rate.contains_key(&part.agency)
        {
            agency_of.insert(d.id.clone(), part.agency.clone());
        }
    }
    agency_of
}

/// The derived rates from the paired party decisions (evaluated without the link): the
/// party quota applied, then per agency (Excellent, classified).
pub(crate) fn rates_from(
    mut party: Vec<Decision>,
    agency_of: &HashMap<String, String>,
    quota: &QuotaOptions,
) -> BTreeMap<String, (u32, u32)> {
    apply_quota(&mut party, quota);
    let mut rates: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for d in &party {
        if d.outcome != Outcome::Classified {
            continue;
        }
        if let Some(agency) = agency_of.get(d.id.as_str()) {
            let entry = rates.entry(agency.clone()).or_default();
            entry.1 += 1;
            if d.level == Some(Level::Excellent) {
                entry.0 += 1;
            }
        }
    }
    rates
}

/// The state rating a paired party record reads: its state decision's final result.
pub(crate) fn computed_state_rating(state: &Decision) -> StateRatingInput {
    StateRatingInput {
        regime: state.regime_shown().map(|r| r.as_str().to_owned()),
        year: state.state.as_deref().map_or(0, |s| s.year),
        level: StateLevel::of(
            (state.outcome == Outcome::Classified)
                .then_some(state.level)
                .flatten(),
        ),
        source: Some(StateRatingSource::Computed),
    }
}

/// A party record's given state rating that disagrees with the computed one.
pub(crate) fn pair_conflict(
    given: &StateRatingInput,
    computed: &StateRatingInput,
) -> Option<InputErrors> {
    (given.level != computed.level || given.year != computed.year).then(|| {
        one(
            ErrorCode::Conflict,
            "/state_rating",
            format!(
                "`state_rating` ({}) khác kết quả tính từ hồ sơ đánh giá của Nhà nước cùng mã ({})",
                given.level.as_str(),
                computed.level.as_str()
            ),
            format!(
                "`state_rating` ({}) differs from the one computed from the state record with the same id ({})",
                given.level.as_str(),
                computed.level.as_str()
            ),
        )
    })
}

/// The error of a party record whose pair's state record was rejected, when the party
/// record needs the state result (QĐ 132, or `state_cap: hd21`; decision D-16).
pub(crate) fn missing_state_pair(regime: RegimeId, options: &Options) -> Option<InputErrors> {
    (regime == RegimeId::Qd132 || options.state_cap == StateCap::Hd21).then(|| {
        one(
            ErrorCode::MissingField,
            "/state_rating",
            "Hồ sơ đánh giá của Nhà nước cùng mã bị từ chối: không có kết quả xếp loại của Nhà nước để đọc".to_owned(),
            "the state record with the same id was rejected: there is no state rating to read".to_owned(),
        )
    })
}

/// The reason a party decision carries when its pair's state record was rejected and it
/// is evaluated without the state result.
pub(crate) fn state_pair_rejected_reason() -> Reason {
    Reason::new(
        Rule::LinkStateRating,
        false,
        Effect::Info,
        None,
        Values::default(),
    )
}
