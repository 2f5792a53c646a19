//! A state record's regime (`spec/state-regimes.md` §1): selected by the rating year and
//! the employment, or named and allowed; a state record never names a party regime.

use crate::contract::assessment::Assessment;
use crate::contract::errors::ErrorCode;
use crate::contract::regime::{RegimeId, RegimeSelection};
use crate::contract::state::{Employment, Rating};
use crate::contract::subject::SubjectKind;
use crate::intake::validate::options::ValidateOptions;
use crate::intake::validate::problems::Problems;
use crate::regimes::registry::regimes_of;
use crate::regimes::state::select::{regime_for, Selected, FIRST_YEAR};

/// The state regimes' ids, as an error lists them.
fn state_regime_ids() -> String {
    let ids: Vec<&str> = regimes_of(Rating::State).map(|r| r.id.as_str()).collect();
    ids.join(", ")
}

/// The regime of a state record: what rates it, how it was chosen; `Selected::NoRegime`
/// for a cán bộ from 2026. `None` when a problem was found.
pub fn state_regime(
    p: &mut Problems,
    input: &Assessment,
    year: Option<i32>,
    employment: Option<Employment>,
    options: ValidateOptions,
) -> Option<(Selected, RegimeSelection)> {
    let year = year?;
    let s = &input.subject;
    let agency = s.kind == SubjectKind::Collective;
    // `unit_regulation` is read for a viên chức's 2026 rating only (ND 233 Art. 20.1).
    let regulation_read = employment == Some(Employment::VienChuc) && year == 2026;
    if s.unit_regulation.is_some() && !regulation_read && !agency {
        p.push(
            ErrorCode::NotApplicable,
            "/subject/unit_regulation",
            "`/subject/unit_regulation` chỉ áp dụng cho viên chức khi đánh giá năm 2026 (Nghị định 233, Điều 20.1)".to_owned(),
            "`/subject/unit_regulation` applies only to a viên chức's 2026 rating (Decree 233 Art. 20.1)".to_owned(),
        );
    }
    let unit_regulation = if regulation_read {
        s.unit_regulation
    } else {
        None
    };
    let named = match options.regime_override {
        Some(regime) => Some(regime),
        None => match input.regime.as_deref() {
            Some(name) => {
                let known = RegimeId::parse(name).filter(|r| r.info().rating == Rating::State);
                let Some(regime) = known else {
                    let ids = state_regime_ids();
                    p.push(
                        ErrorCode::UnknownRegime,
                        "/regime",
                        format!("Hồ sơ đánh giá của Nhà nước nêu một trong các chế độ {ids}, không phải `{name}`"),
                        format!("a state record names {ids}, not `{name}`"),
                    );
                    return None;
                };
                Some(regime)
            }
            None => None,
        },
    };
    let table = regime_for(employment, year, unit_regulation);
    if let (Some(regime), true) = (named, options.allow_regime_outside_span) {
        // A comparison: every state regime may be named for any year from 2020.
        if year < FIRST_YEAR {
            return before_first_year(p, year);
        }
        let selection = if table == Some(Selected::Regime(regime)) {
            RegimeSelection::Period
        } else {
            RegimeSelection::Comparison
        };
        return Some((Selected::Regime(regime), selection));
    }
    let Some(table) = table else {
        return before_first_year(p, year);
    };
    let Some(named) = named else {
        return Some((table, RegimeSelection::Period));
    };
    if Selected::Regime(named) == table {
        return Some((table, RegimeSelection::Named));
    }
    // A viên chức's 2026 rating under ND 90 names the fallback of ND 233 Art. 20.1.
    if regulation_read && named == RegimeId::Nd90 {
        if s.unit_regulation == Some(true) {
            conflict_with_regulation(p, "nd90", true);
            return None;
        }
        return Some((Selected::Regime(named), RegimeSelection::Named));
    }
    if regulation_read && named == RegimeId::Nd233 && s.unit_regulation == Some(false) {
        conflict_with_regulation(p, "nd233", false);
        return None;
    }
    if agency && year >= 2026 && named == RegimeId::Nd233 {
        return Some((Selected::Regime(named), RegimeSelection::Named));
    }
    let (vi_rates, en_rates) = match table {
        Selected::Regime(regime) => (
            format!("{} ({})", regime.as_str(), regime.info().document),
            format!("{} ({})", regime.as_str(), regime.info().document),
        ),
        Selected::NoRegime => (
            "không chế độ nào (cán bộ từ năm 2026)".to_owned(),
            "no state regime (a cán bộ from 2026)".to_owned(),
        ),
    };
    p.push(
        ErrorCode::RegimePeriodMismatch,
        "/regime",
        format!(
            "Năm {year} được đánh giá theo {vi_rates}, không theo {}",
            named.as_str()
        ),
        format!(
            "the {year} rating is under {en_rates}, not {}",
            named.as_str()
        ),
    );
    None
}

fn before_first_year(p: &mut Problems, year: i32) -> Option<(Selected, RegimeSelection)> {
    p.push(
        ErrorCode::RegimePeriodMismatch,
        "/period",
        format!("Năm {year} được đánh giá theo Nghị định 56/2015/NĐ-CP, thư viện chưa có chế độ này; Nghị định 90/2020 áp dụng từ năm 2020"),
        format!("the {year} rating was under Decree 56/2015/NĐ-CP, which the library does not implement; Decree 90/2020 rates from 2020"),
    );
    None
}

fn conflict_with_regulation(p: &mut Problems, named: &str, regulation: bool) {
    let (vi, en) = if regulation {
        (
            "đơn vị có quy chế đánh giá riêng (`unit_regulation: true`) thì đánh giá theo nd233",
            "a unit with its own regulation (`unit_regulation: true`) rates under nd233",
        )
    } else {
        (
            "đơn vị chưa có quy chế đánh giá riêng (`unit_regulation: false`) thì đánh giá theo nd90 (Nghị định 233, Điều 20.1)",
            "a unit without its own regulation (`unit_regulation: false`) rates under nd90 (Decree 233 Art. 20.1)",
        )
    };
    p.push(
        ErrorCode::Conflict,
        "/regime",
        format!("Chế độ `{named}` mâu thuẫn với `/subject/unit_regulation`: {vi}"),
        format!("regime `{named}` contradicts `/subject/unit_regulation`: {en}"),
    );
}
