//! The registry of regimes: which rules were in force when (`spec/regimes-history.md`),
//! each regime's documents, span and the rules that stand for it in group evaluation.
//!
//! Adding a regime adds its entry here (see `docs/architecture.md`, "Adding a regime").

use crate::contract::regime::{RegimeId, RegimeRecord, RegimeSelection};
use crate::contract::state::Rating;
use crate::contract::text::Text;
use crate::dates::vi_date;
use crate::rules::catalogue::Rule;
use chrono::NaiveDate;

/// What the registry knows of a regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegimeInfo {
    /// Its id.
    pub id: RegimeId,
    /// Which rating it is a regime of: the party's, or the state's (`nd90`, `nd335`,
    /// `nd233`, selected by the rating year and employment, never by the period's day).
    pub rating: Rating,
    /// The regulation.
    pub document: &'static str,
    /// The guideline(s).
    pub guideline: &'static str,
    /// First day in force.
    pub in_force_from: NaiveDate,
    /// Last day in force, if replaced.
    pub in_force_until: Option<NaiveDate>,
    /// Whether this version evaluates it.
    pub implemented: bool,
    /// Whether it classifies by quarter too (QĐ 124 and HD 21 classify once a year).
    pub quarterly: bool,
    /// Whether a collective established under six months before the evaluation is left
    /// unclassified (HD 21 for QĐ 132; QĐ 366 and QĐ 124 have no such rule).
    pub skips_new_collectives: bool,
    /// Whether a group may raise its Excellent ratio to 25% (`raised_ratio_groups`,
    /// QĐ 366 Art. 11.1); QĐ 124 and HD 21 know only 20%.
    pub raised_ratio: bool,
    /// Whether the library has its self-assessment form, and so partial evaluation
    /// (QĐ 366's; a record of an earlier regime is evaluated whole).
    pub forms: bool,
    /// What it takes from an organisation tree beyond the facts every regime derives.
    pub tree: TreeRules,
    /// Its Excellent quota rule, cited when the quota moves one of its decisions.
    pub quota_rule: Rule,
    /// Its rule for a fact derived from an organisation tree: a 2022 decision cites
    /// HD 21's order of evaluation, not QĐ 366's.
    pub derived_rule: Rule,
}

/// What a regime takes from an organisation tree (`group/org`) beyond what every regime
/// derives there (discipline of members and subordinate units; the levels of the units
/// a leader is in charge of, where the regime reads them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeRules {
    /// Caps from the tree, each capped record classified after what caps it (HD 21
    /// §II.B.3–4): a leadership collective never above its organisation, a head never
    /// above what they head.
    pub caps: bool,
    /// An organisation counts the levels of its members and leaders (HD 21 §II.B).
    pub level_counts: bool,
    /// Members' Excellent quota is taken per grassroots organisation, not per unit
    /// (HD 21).
    pub grassroots_member_quota: bool,
}

/// Takes nothing more from the tree.
const NO_TREE_RULES: TreeRules = TreeRules {
    caps: false,
    level_counts: false,
    grassroots_member_quota: false,
};

const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// Every regime, the party's oldest first, then the state's oldest first.
pub static REGIMES: [RegimeInfo; 6] = [
    RegimeInfo {
        id: RegimeId::Qd132,
        rating: Rating::Party,
        document: "132-QĐ/TW",
        guideline: "16-HD/BTCTW; 21-HD/BTCTW",
        in_force_from: day(2018, 3, 8),
        in_force_until: Some(day(2023, 10, 3)),
        implemented: true,
        quarterly: false,
        skips_new_collectives: true,
        raised_ratio: false,
        forms: false,
        tree: TreeRules {
            caps: true,
            level_counts: true,
            grassroots_member_quota: true,
        },
        quota_rule: Rule::Qd132Quota,
        derived_rule: Rule::Qd132DerivedFact,
    },
    RegimeInfo {
        id: RegimeId::Qd124,
        rating: Rating::Party,
        document: "124-QĐ/TW",
        guideline: "25-HD/BTCTW",
        in_force_from: day(2023, 10, 4),
        in_force_until: Some(day(2025, 8, 29)),
        implemented: true,
        quarterly: false,
        skips_new_collectives: false,
        raised_ratio: false,
        forms: false,
        tree: NO_TREE_RULES,
        quota_rule: Rule::Qd124Quota,
        derived_rule: Rule::Qd124DerivedFact,
    },
    RegimeInfo {
        id: RegimeId::Qd366,
        rating: Rating::Party,
        document: "366-QĐ/TW",
        guideline: "43-HD/BTCTW",
        in_force_from: day(2025, 8, 30),
        in_force_until: None,
        implemented: true,
        quarterly: true,
        skips_new_collectives: false,
        raised_ratio: true,
        forms: true,
        tree: NO_TREE_RULES,
        quota_rule: Rule::ExcellentQuota,
        derived_rule: Rule::DerivedFact,
    },
    RegimeInfo {
        id: RegimeId::Nd90,
        rating: Rating::State,
        document: "90/2020/NĐ-CP",
        guideline: "48/2023/NĐ-CP",
        in_force_from: day(2020, 8, 20),
        in_force_until: Some(day(2026, 6, 30)),
        implemented: true,
        quarterly: false,
        skips_new_collectives: false,
        raised_ratio: false,
        forms: true,
        tree: NO_TREE_RULES,
        quota_rule: Rule::Nd90Quota,
        derived_rule: Rule::StateDerived,
    },
    RegimeInfo {
        id: RegimeId::Nd335,
        rating: Rating::State,
        document: "335/2025/NĐ-CP",
        guideline: "",
        in_force_from: day(2026, 1, 1),
        in_force_until: None,
        implemented: true,
        quarterly: false,
        skips_new_collectives: false,
        raised_ratio: false,
        forms: true,
        tree: NO_TREE_RULES,
        quota_rule: Rule::StateQuota,
        derived_rule: Rule::StateDerived,
    },
    RegimeInfo {
        id: RegimeId::Nd233,
        rating: Rating::State,
        document: "233/2026/NĐ-CP",
        guideline: "",
        in_force_from: day(2026, 7, 1),
        in_force_until: None,
        implemented: true,
        quarterly: false,
        skips_new_collectives: false,
        raised_ratio: false,
        forms: true,
        tree: NO_TREE_RULES,
        quota_rule: Rule::StateQuota,
        derived_rule: Rule::StateDerived,
    },
];

impl RegimeId {
    /// Reads an id as written in JSON.
    pub fn parse(text: &str) -> Option<RegimeId> {
        REGIMES.iter().map(|r| r.id).find(|id| id.as_str() == text)
    }

    /// What the registry knows of it.
    pub fn info(self) -> &'static RegimeInfo {
        match self {
            RegimeId::Qd132 => &REGIMES[0],
            RegimeId::Qd124 => &REGIMES[1],
            RegimeId::Qd366 => &REGIMES[2],
            RegimeId::Nd90 => &REGIMES[3],
            RegimeId::Nd335 => &REGIMES[4],
            RegimeId::Nd233 => &REGIMES[5],
        }
    }
}

impl RegimeInfo {
    /// Whether the regime was in force on `day`.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.in_force_from <= day && self.in_force_until.is_none_or(|until| day <= until)
    }

    /// Its span as people read it: `30/08/2025 –` or `04/10/2023 – 29/08/2025`.
    pub fn span_text(&self) -> String {
        let from = vi_date(self.in_force_from);
        match self.in_force_until {
            Some(until) => format!("{from} – {}", vi_date(until)),
            None => format!("{from} –"),
        }
    }

    /// Its record in a decision.
    pub fn record(&self, selected: RegimeSelection) -> RegimeRecord {
        RegimeRecord {
            id: self.id,
            name: self.title(),
            document: self.document.to_owned(),
            guideline: self.guideline.to_owned(),
            in_force_from: self.in_force_from.to_string(),
            in_force_until: self.in_force_until.map(|d| d.to_string()),
            selected,
        }
    }

    /// Its name in two languages.
    pub fn title(&self) -> Text {
        match (self.rating, self.guideline) {
            (Rating::Party, _) => Text::new(
                format!("Quy định {} ({})", self.document, self.span_text()),
                format!("Regulation {} ({})", self.document, self.span_text()),
            ),
            (Rating::State, "") => Text::new(
                format!("Nghị định {} ({})", self.document, self.span_text()),
                format!("Decree {} ({})", self.document, self.span_text()),
            ),
            (Rating::State, amended_by) => Text::new(
                format!(
                    "Nghị định {}, sửa đổi bởi Nghị định {amended_by} ({})",
                    self.document,
                    self.span_text()
                ),
                format!(
                    "Decree {} as amended by Decree {amended_by} ({})",
                    self.document,
                    self.span_text()
                ),
            ),
        }
    }
}

/// The party regime in force on `day` (the period's last day), if any. State regimes are
/// never selected by a day (`intake::validate::state`).
pub fn regime_in_force_on(day: NaiveDate) -> Option<RegimeId> {
    REGIMES
        .iter()
        .find(|r| r.rating == Rating::Party && r.in_force_on(day))
        .map(|r| r.id)
}

/// The regimes of one rating, oldest first.
pub fn regimes_of(rating: Rating) -> impl Iterator<Item = &'static RegimeInfo> {
    REGIMES.iter().filter(move |r| r.rating == rating)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    #[test]
    fn selects_by_the_last_day_on_the_boundaries() {
        assert_eq!(regime_in_force_on(d(2023, 10, 3)), Some(RegimeId::Qd132));
        assert_eq!(regime_in_force_on(d(2023, 10, 4)), Some(RegimeId::Qd124));
        assert_eq!(regime_in_force_on(d(2025, 8, 29)), Some(RegimeId::Qd124));
        assert_eq!(regime_in_force_on(d(2025, 8, 30)), Some(RegimeId::Qd366));
        assert_eq!(regime_in_force_on(d(2018, 3, 7)), None);
        assert_eq!(regime_in_force_on(d(2018, 3, 8)), Some(RegimeId::Qd132));
        // A state regime is never selected by a day.
        assert_eq!(regime_in_force_on(d(2026, 7, 1)), Some(RegimeId::Qd366));
    }

    #[test]
    fn ids_round_trip() {
        for regime in REGIMES {
            assert_eq!(RegimeId::parse(regime.id.as_str()), Some(regime.id));
        }
        assert_eq!(RegimeId::parse("qd999"), None);
    }
}
