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
    /// The guideline(s), all of them (the catalogue of regimes lists them).
    pub guideline: &'static str,
    /// Each guideline with the periods it governs, oldest first (a decision names the
    /// one of its period).
    // INVARIANT: at least one, the first governing from the regime's first day in force
    // (test `every_period_has_one_guideline`).
    pub guidelines: &'static [Guideline],
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
    /// Whether disunity concluded by the competent level is a Not-completed ground for any
    /// collective (QĐ 124, ruling of 7/12/2026), or for a leadership collective only
    /// (HD 21); QĐ 366 words it within its cadre-work trigger.
    pub disunity_of_any_collective: bool,
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

/// A guideline of a regime, and the periods it governs: those whose last day is on or
/// after `from_period_end`, until the next guideline's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guideline {
    /// The document (`21-HD/BTCTW`).
    pub document: &'static str,
    /// The earliest last day of a period it governs.
    pub from_period_end: NaiveDate,
    /// Whether members suspended from party activities and members admitted under six
    /// months are left unclassified besides the exempted (HD 21 and later); HD 16, like
    /// QĐ 132 Art. 5.2, left only the exempted (ruling of 7/12/2026).
    pub excludes_suspended_and_new: bool,
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
        // The 2018 round under HD 16 (24/9/2018); HD 21 from its issue on 18/10/2019
        // (spec/regimes-history.md, ruling of 7/12/2026).
        guidelines: &[
            Guideline {
                document: "16-HD/BTCTW",
                from_period_end: day(2018, 3, 8),
                excludes_suspended_and_new: false,
            },
            Guideline {
                document: "21-HD/BTCTW",
                from_period_end: day(2019, 10, 18),
                excludes_suspended_and_new: true,
            },
        ],
        in_force_from: day(2018, 3, 8),
        in_force_until: Some(day(2023, 10, 3)),
        implemented: true,
        quarterly: false,
        skips_new_collectives: true,
        disunity_of_any_collective: false,
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
        guidelines: &[Guideline {
            document: "25-HD/BTCTW",
            from_period_end: day(2023, 10, 4),
            excludes_suspended_and_new: true,
        }],
        in_force_from: day(2023, 10, 4),
        in_force_until: Some(day(2025, 8, 29)),
        implemented: true,
        quarterly: false,
        skips_new_collectives: false,
        disunity_of_any_collective: true,
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
        guidelines: &[Guideline {
            document: "43-HD/BTCTW",
            from_period_end: day(2025, 8, 30),
            excludes_suspended_and_new: true,
        }],
        in_force_from: day(2025, 8, 30),
        in_force_until: None,
        implemented: true,
        quarterly: true,
        skips_new_collectives: false,
        disunity_of_any_collective: false,
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
        // A state regime has no guideline: a decision names the amending decree (ND 48)
        // in its place, for every year (whether ND 48 applied is the rating day's, §1.3).
        guidelines: &[Guideline {
            document: "48/2023/NĐ-CP",
            from_period_end: day(2020, 8, 20),
            excludes_suspended_and_new: false,
        }],
        in_force_from: day(2020, 8, 20),
        in_force_until: Some(day(2026, 6, 30)),
        implemented: true,
        quarterly: false,
        skips_new_collectives: false,
        disunity_of_any_collective: false,
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
        guidelines: &[Guideline {
            document: "",
            from_period_end: day(2026, 1, 1),
            excludes_suspended_and_new: false,
        }],
        in_force_from: day(2026, 1, 1),
        in_force_until: None,
        implemented: true,
        quarterly: false,
        skips_new_collectives: false,
        disunity_of_any_collective: false,
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
        guidelines: &[Guideline {
            document: "",
            from_period_end: day(2026, 7, 1),
            excludes_suspended_and_new: false,
        }],
        in_force_from: day(2026, 7, 1),
        in_force_until: None,
        implemented: true,
        quarterly: false,
        skips_new_collectives: false,
        disunity_of_any_collective: false,
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

    /// The guideline that governs a period ending on `period_end` (a period before the
    /// regime's first day, compared under it, takes the first).
    #[inline]
    pub fn guideline_for(&self, period_end: NaiveDate) -> Option<&'static Guideline> {
        self.guidelines
            .iter()
            .take_while(|g| g.from_period_end <= period_end)
            .last()
            .or(self.guidelines.first())
    }

    /// Whether a period ending on `period_end` leaves suspended members and members
    /// admitted under six months unclassified (besides the exempted, in every regime).
    #[inline]
    pub fn excludes_suspended_and_new(&self, period_end: NaiveDate) -> bool {
        self.guideline_for(period_end)
            .is_none_or(|g| g.excludes_suspended_and_new)
    }

    /// Its record as the catalogue of regimes, or a comparison over a tree, names it:
    /// every guideline.
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

    /// Its record in a decision on a period ending on `period_end`: the guideline named
    /// is that period's (HD 16 for QĐ 132's 2018 round, HD 21 from 18/10/2019).
    pub fn record_for_period(
        &self,
        selected: RegimeSelection,
        period_end: NaiveDate,
    ) -> RegimeRecord {
        RegimeRecord {
            guideline: self
                .guideline_for(period_end)
                .map_or(self.guideline, |g| g.document)
                .to_owned(),
            ..self.record(selected)
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
    fn every_period_has_one_guideline() {
        for regime in &REGIMES {
            let first = regime.guidelines.first();
            assert_eq!(
                first.map(|g| g.from_period_end),
                Some(regime.in_force_from),
                "{:?}",
                regime.id
            );
            assert!(regime
                .guidelines
                .windows(2)
                .all(|pair| pair[0].from_period_end < pair[1].from_period_end));
            for guideline in regime.guidelines {
                assert!(regime.guideline.contains(guideline.document));
            }
        }
    }

    #[test]
    fn the_2018_round_is_hd16_until_17_10_2019() {
        let qd132 = RegimeId::Qd132.info();
        let named = |day: NaiveDate| qd132.guideline_for(day).map(|g| g.document);
        assert_eq!(named(d(2018, 3, 8)), Some("16-HD/BTCTW"));
        assert_eq!(named(d(2019, 10, 17)), Some("16-HD/BTCTW"));
        assert_eq!(named(d(2019, 10, 18)), Some("21-HD/BTCTW"));
        assert_eq!(named(d(2023, 10, 3)), Some("21-HD/BTCTW"));
        assert!(!qd132.excludes_suspended_and_new(d(2019, 10, 17)));
        assert!(qd132.excludes_suspended_and_new(d(2019, 10, 18)));
        // A period before QĐ 132, compared under it, takes its first guideline.
        assert_eq!(named(d(2017, 12, 31)), Some("16-HD/BTCTW"));
        for regime in [RegimeId::Qd124, RegimeId::Qd366] {
            assert!(regime.info().excludes_suspended_and_new(d(2025, 12, 31)));
        }
    }

    #[test]
    fn ids_round_trip() {
        for regime in REGIMES {
            assert_eq!(RegimeId::parse(regime.id.as_str()), Some(regime.id));
        }
        assert_eq!(RegimeId::parse("qd999"), None);
    }
}
