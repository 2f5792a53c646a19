//! Which state regime rates whom (`spec/state-regimes.md` §1): by the rating year and
//! the subject's employment (and, for a viên chức in 2026, whether the unit had its own
//! regulation), never by the rating day.

use crate::contract::regime::RegimeId;
use crate::contract::state::Employment;
use chrono::NaiveDate;

/// The first rating year a state regime of the library rates (ND 90 took effect on
/// 20/8/2020; the years before were under ND 56/2015, not implemented).
pub const FIRST_YEAR: i32 = 2020;

/// The day ND 48/2023 took effect: ratings made on or after it apply its amendments.
pub fn nd48_in_force() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 9, 15).unwrap_or(NaiveDate::MIN)
}

/// What rates a subject in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selected {
    /// This regime.
    Regime(RegimeId),
    /// No state regime: a cán bộ from 2026 (`state.none`).
    NoRegime,
}

/// The regime that rates `employment` (none: an agency record) in `year`; `None`
/// before [`FIRST_YEAR`]. `unit_regulation: Some(false)` selects ND 90 for a viên chức
/// in 2026 (ND 233 Art. 20.1).
pub fn regime_for(
    employment: Option<Employment>,
    year: i32,
    unit_regulation: Option<bool>,
) -> Option<Selected> {
    if year < FIRST_YEAR {
        return None;
    }
    let before_2026 = year <= 2025;
    Some(match employment {
        _ if before_2026 => Selected::Regime(RegimeId::Nd90),
        Some(Employment::CanBo) => Selected::NoRegime,
        Some(Employment::VienChuc) if year == 2026 && unit_regulation == Some(false) => {
            Selected::Regime(RegimeId::Nd90)
        }
        Some(Employment::VienChuc) => Selected::Regime(RegimeId::Nd233),
        Some(Employment::CongChuc) | None => Selected::Regime(RegimeId::Nd335),
    })
}

/// Whether a state regime can rate some employment in `year` (a given `state_rating`'s
/// regime is checked against its year this way).
pub fn rates_year(regime: RegimeId, year: i32) -> bool {
    match regime {
        RegimeId::Nd90 => (FIRST_YEAR..=2026).contains(&year),
        RegimeId::Nd335 | RegimeId::Nd233 => year >= 2026,
        RegimeId::Qd132 | RegimeId::Qd124 | RegimeId::Qd366 => false,
    }
}

/// Whether ND 48's amendments apply to a rating made on `as_of`.
pub fn nd48_applies(as_of: NaiveDate) -> bool {
    as_of >= nd48_in_force()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_by_year_and_employment() {
        let cc = Some(Employment::CongChuc);
        let vc = Some(Employment::VienChuc);
        let cb = Some(Employment::CanBo);
        assert_eq!(regime_for(cc, 2019, None), None);
        assert_eq!(
            regime_for(cc, 2025, None),
            Some(Selected::Regime(RegimeId::Nd90))
        );
        assert_eq!(
            regime_for(cc, 2026, None),
            Some(Selected::Regime(RegimeId::Nd335))
        );
        assert_eq!(
            regime_for(vc, 2026, None),
            Some(Selected::Regime(RegimeId::Nd233))
        );
        assert_eq!(
            regime_for(vc, 2026, Some(false)),
            Some(Selected::Regime(RegimeId::Nd90))
        );
        assert_eq!(
            regime_for(vc, 2027, None),
            Some(Selected::Regime(RegimeId::Nd233))
        );
        assert_eq!(
            regime_for(cb, 2025, None),
            Some(Selected::Regime(RegimeId::Nd90))
        );
        assert_eq!(regime_for(cb, 2026, None), Some(Selected::NoRegime));
    }
}
