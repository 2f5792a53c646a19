//! A party record's `state_rating` (`spec/state-regimes.md` §4, §6): of the record's
//! year, naming a state regime able to rate that year, and under QĐ 132 agreeing with
//! `civil_service_level` when both are given.

use crate::contract::assessment::Assessment;
use crate::contract::errors::ErrorCode;
use crate::contract::level::Level;
use crate::contract::regime::RegimeId;
use crate::contract::state::{Rating, StateLevel};
use crate::dates::Span;
use crate::intake::validate::problems::Problems;
use crate::model::StateRatingRead;
use crate::regimes::state::select::rates_year;
use chrono::Datelike;

/// The state rating a party record gives, checked.
pub fn state_rating(
    p: &mut Problems,
    input: &Assessment,
    span: Option<Span>,
    civil_service_level: Option<Level>,
) -> Option<StateRatingRead> {
    let given = input.state_rating.as_ref()?;
    let before = p.0.len();
    if let Some(span) = span {
        let year = span.to.year();
        if given.year != year {
            p.push(
                ErrorCode::Conflict,
                "/state_rating/year",
                format!(
                    "Kết quả xếp loại của Nhà nước năm {} không phải của năm đánh giá {year}",
                    given.year
                ),
                format!(
                    "the state rating of {} is not of the rating year {year}",
                    given.year
                ),
            );
        }
    }
    let regime = match given.regime.as_deref() {
        None => None,
        Some(name) => match RegimeId::parse(name).filter(|r| r.info().rating == Rating::State) {
            None => {
                p.push(
                    ErrorCode::UnknownRegime,
                    "/state_rating/regime",
                    format!(
                        "`state_rating.regime` nêu nd90, nd335 hoặc nd233, không phải `{name}`"
                    ),
                    format!("`state_rating.regime` names nd90, nd335 or nd233, not `{name}`"),
                );
                None
            }
            Some(regime) if !rates_year(regime, given.year) => {
                p.push(
                    ErrorCode::RegimePeriodMismatch,
                    "/state_rating/regime",
                    format!(
                        "{} ({}) không đánh giá năm {}",
                        regime.as_str(),
                        regime.info().document,
                        given.year
                    ),
                    format!(
                        "{} ({}) does not rate the year {}",
                        regime.as_str(),
                        regime.info().document,
                        given.year
                    ),
                );
                None
            }
            Some(regime) => Some(regime),
        },
    };
    if input.civil_service_level.is_some() && given.level.level() != civil_service_level {
        p.push(
            ErrorCode::Conflict,
            "/state_rating/level",
            format!(
                "`state_rating.level` ({}) khác `civil_service_level`",
                given.level.as_str()
            ),
            format!(
                "`state_rating.level` ({}) differs from `civil_service_level`",
                given.level.as_str()
            ),
        );
    }
    (p.0.len() == before).then_some(StateRatingRead {
        regime,
        year: given.year,
        level: given.level,
        source: given.source.unwrap_or_default(),
        employment: None,
    })
}

/// Under QĐ 132 the state rating is the level as a civil servant (`not_classified`:
/// not rated as one).
pub fn civil_service_level(given: Option<Level>, read: Option<&StateRatingRead>) -> Option<Level> {
    match read {
        Some(read) if read.level != StateLevel::NotClassified || given.is_none() => {
            read.level.level()
        }
        _ => given,
    }
}
