//! The state side of the contract (`spec/state-regimes.md` §6, `docs/state-regimes.md`):
//! the fields of a state assessment (`"rating": "state"`), the `state_rating` a party
//! record reads, the options of a state evaluation, and what a state decision adds.

use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::level::Level;
use crate::contract::regime::RegimeId;
use crate::contract::state_options::Rounding;
use crate::points::{Points, PointsProblem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Not;

/// The three groups of a period's general criteria under the default profile (Luật 80
/// Art. 25.4 a–c), each at most 10 points: the ids of `general_items`.
pub const GENERAL_ITEMS: [&str; 3] = ["politics_ethics", "capacity", "innovation"];

/// Which rating a record is: the party's (the default) or the state's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// A party member's or organisation's rating (QĐ 366, QĐ 124, QĐ 132).
    #[default]
    Party,
    /// A cadre's, civil servant's or public employee's rating (ND 90, ND 335, ND 233).
    State,
}

impl Rating {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Party => "party",
            Rating::State => "state",
        }
    }
}

/// How a person is employed by the state (spec §1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    /// Công chức: a civil servant (also in Party, Front and mass-organisation agencies).
    CongChuc,
    /// Viên chức: a public employee of a public service unit.
    VienChuc,
    /// Cán bộ: an elected or appointed official.
    CanBo,
}

impl Employment {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Employment::CongChuc => "cong_chuc",
            Employment::VienChuc => "vien_chuc",
            Employment::CanBo => "can_bo",
        }
    }

    /// The Vietnamese name.
    pub fn vi(self) -> &'static str {
        match self {
            Employment::CongChuc => "công chức",
            Employment::VienChuc => "viên chức",
            Employment::CanBo => "cán bộ",
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Employment::CongChuc => "civil servant",
            Employment::VienChuc => "public employee",
            Employment::CanBo => "cadre",
        }
    }
}

/// A period of a state rating: a month or a quarter of the rating year, with its scores
/// (spec §2.1). A period with its key only is open (a form still being filled in).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct StatePeriodInput {
    /// The month, 1–12 (one of `month`, `quarter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// The quarter, 1–4 (one of `month`, `quarter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u32>,
    /// No work was assigned in the period (whole-period leave): left out of the mean.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub no_work: bool,
    /// General criteria `G_p`, 0–30 (at most two decimals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<serde_json::Number>,
    /// The split of `general` into the three groups of Luật 80 Art. 25.4 a–c
    /// (`politics_ethics`, `capacity`, `innovation`, each 0–10); read by forms only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general_items: Option<BTreeMap<String, serde_json::Number>>,
    /// Task results `R_p`, 0–70, as the agency computed them (instead of `products`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_results: Option<serde_json::Number>,
    /// The period's product list, from which `R_p` is computed (instead of `task_results`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<ProductInput>>,
    /// Leaders: the unit-side facts of the period (`d`, `đ`, `e`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<PeriodUnitInput>,
}

/// One product of a period's list (spec §2.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProductInput {
    /// What the product is, for people; no rule reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Converted weight (đã quy đổi), > 0, at most two decimals.
    pub weight: serde_json::Number,
    /// Completed in the period.
    pub done: bool,
    /// Unexcused failed quality reviews (each takes 25% off the product's quality credit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_failures: Option<u32>,
    /// Unexcused delays (each takes 25% off the product's progress credit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delays: Option<u32>,
    /// Completed beyond the assignment: counted in the numerators, not in the assigned
    /// total.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub extra: bool,
}

/// A leader's unit-side facts of one period (ND 335 Art. 15.3): `d`, `đ`, `e`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PeriodUnitInput {
    /// Civil servants under the leader's management who scored under 50 in the period;
    /// derived in an organisation tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_not_completed: Option<u32>,
    /// Prolonged delays in the unit's work programme (`đ` = ½).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prolonged_delays: Option<bool>,
    /// Complaints of prolonged internal disunity (`e` = ½).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disunity_complaints: Option<bool>,
    /// `d` given directly: 1 or 0.5 (any value in [0, 1] with `leader_components: override`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub d: Option<serde_json::Number>,
    /// `đ` given directly (`dd` is how Telex types it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dd: Option<serde_json::Number>,
    /// `e` given directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e: Option<serde_json::Number>,
}

/// A criterion's grade under ND 90 (Art. 3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CriterionGrade {
    /// Not met.
    Fails,
    /// Đáp ứng: meets the requirements.
    Meets,
    /// Tốt.
    Good,
}

impl CriterionGrade {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionGrade::Fails => "fails",
            CriterionGrade::Meets => "meets",
            CriterionGrade::Good => "good",
        }
    }
}

/// ND 90's general criteria (Art. 3 clauses 1–4) and, for leaders and cán bộ, clause 5.a.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Nd90Criteria {
    /// Clause 1: politics and ideology.
    #[serde(rename = "1", default, skip_serializing_if = "Option::is_none")]
    pub c1: Option<CriterionGrade>,
    /// Clause 2: ethics, culture and style.
    #[serde(rename = "2", default, skip_serializing_if = "Option::is_none")]
    pub c2: Option<CriterionGrade>,
    /// Clause 3: discipline.
    #[serde(rename = "3", default, skip_serializing_if = "Option::is_none")]
    pub c3: Option<CriterionGrade>,
    /// Clause 4: the tasks of the post.
    #[serde(rename = "4", default, skip_serializing_if = "Option::is_none")]
    pub c4: Option<CriterionGrade>,
    /// Clause 5.a: leading and managing (leaders and cán bộ only).
    #[serde(rename = "5a", default, skip_serializing_if = "Option::is_none")]
    pub c5a: Option<CriterionGrade>,
}

/// ND 90: the unit's targets of a leader (or the person's own tasks), with those not on
/// schedule, quality or efficiency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UnitTargetsInput {
    /// Targets assigned.
    pub assigned: u32,
    /// Completed.
    pub completed: u32,
    /// Completed on schedule with quality.
    pub on_time: u32,
    /// Completed above requirement.
    pub exceeded: u32,
    /// Not on schedule, quality or efficiency (read of the person's own tasks only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poor: Option<u32>,
}

/// ND 90: the levels of the units a leader manages directly (derived in a tree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ManagedUnits {
    /// Units managed directly.
    pub total: u32,
    /// Of them, rated Completed or better.
    pub completed_or_better: u32,
    /// Of them, rated Good or better.
    pub good_or_better: u32,
}

/// The kind of a leave of the year (spec §2.4, §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeaveKind {
    /// Unpaid personal leave.
    Unpaid,
    /// Sick leave under social-insurance law.
    Sick,
    /// Maternity leave under social-insurance law.
    Maternity,
    /// Other justified absence.
    Other,
}

impl LeaveKind {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LeaveKind::Unpaid => "unpaid",
            LeaveKind::Sick => "sick",
            LeaveKind::Maternity => "maternity",
            LeaveKind::Other => "other",
        }
    }
}

/// Whose discipline a record is: the party's or the administration's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisciplineKind {
    /// Party discipline (QĐ 69-QĐ/TW), the default.
    #[default]
    Party,
    /// Administrative discipline of a civil servant or public employee.
    Administrative,
}

/// The state rating a party record reads (spec §4): given, or computed in the same call
/// from the person's state record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct StateRatingInput {
    /// The state regime that rated it (`nd90`, `nd335`, `nd233`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<String>,
    /// The rating year; must be the party record's.
    pub year: i32,
    /// The level, or `not_classified`.
    pub level: StateLevel,
    /// `given` (default) or `computed` (the library derived it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<StateRatingSource>,
}

/// A state result: one of the four levels, or not classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StateLevel {
    /// Không hoàn thành nhiệm vụ.
    NotCompleted,
    /// Hoàn thành nhiệm vụ.
    Completed,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành xuất sắc nhiệm vụ.
    Excellent,
    /// Not classified.
    NotClassified,
}

impl StateLevel {
    /// The level, `None` when not classified.
    pub fn level(self) -> Option<Level> {
        match self {
            StateLevel::NotCompleted => Some(Level::NotCompleted),
            StateLevel::Completed => Some(Level::Completed),
            StateLevel::Good => Some(Level::Good),
            StateLevel::Excellent => Some(Level::Excellent),
            StateLevel::NotClassified => None,
        }
    }

    /// From a level, or not classified.
    pub fn of(level: Option<Level>) -> StateLevel {
        match level {
            Some(Level::NotCompleted) => StateLevel::NotCompleted,
            Some(Level::Completed) => StateLevel::Completed,
            Some(Level::Good) => StateLevel::Good,
            Some(Level::Excellent) => StateLevel::Excellent,
            None => StateLevel::NotClassified,
        }
    }

    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        self.level().map_or("not_classified", Level::as_str)
    }
}

/// Where a party record's state rating came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StateRatingSource {
    /// Given in the record.
    #[default]
    Given,
    /// Computed in the same call from the person's state record.
    Computed,
}

impl StateRatingSource {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StateRatingSource::Given => "given",
            StateRatingSource::Computed => "computed",
        }
    }
}

/// The state rating a party decision read, as the decision writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateRatingRecord {
    /// The state regime, if known.
    pub regime: Option<RegimeId>,
    /// The rating year.
    pub year: i32,
    /// The level, or `not_classified`.
    pub level: StateLevel,
    /// `given` or `computed`.
    pub source: StateRatingSource,
}

/// A party Excellent rate for ND 48's quota (`nd90.2.6`): counts, or a percent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum PartyRate {
    /// Excellent party members among those classified.
    Counts {
        /// Party members rated Excellent.
        excellent: u32,
        /// Party members classified.
        rated: u32,
    },
    /// A percent, 0–100, at most two decimals.
    Percent(serde_json::Number),
}

impl PartyRate {
    /// Reads one agency's rate as a command line or a query string writes it:
    /// `AGENCY=E/N` (E of N party members rated Excellent) or `AGENCY=P%` (a percent,
    /// 0–100, at most two decimals). A rate that cannot be read exactly is refused,
    /// naming `path`: it is never rounded.
    pub fn parse_agency_rate(path: &str, text: &str) -> Result<(String, PartyRate), InputError> {
        let refuse = |why_vi: &str, why_en: &str| {
            InputError::new(
                ErrorCode::InvalidValue,
                path,
                format!(
                    "Tỷ lệ đảng viên xuất sắc `{text}` không đọc được chính xác: {why_vi}; \
                     viết CƠ_QUAN=E/N (ví dụ vu-khtc=3/20) hoặc CƠ_QUAN=P% (ví dụ vu-khtc=15%)"
                ),
                format!(
                    "party Excellent rate `{text}` cannot be read exactly: {why_en}; \
                     write AGENCY=E/N (e.g. vu-khtc=3/20) or AGENCY=P% (e.g. vu-khtc=15%)"
                ),
            )
        };
        let Some((agency, rate)) = text.rsplit_once('=') else {
            return Err(refuse("thiếu dấu `=`", "no `=`"));
        };
        let (agency, rate) = (agency.trim(), rate.trim());
        if agency.is_empty() {
            return Err(refuse("thiếu tên cơ quan", "no agency"));
        }
        let count = |t: &str| {
            let t = t.trim();
            (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse::<u32>().ok())
                .flatten()
        };
        let parsed = if let Some(percent) = rate.strip_suffix('%') {
            let percent = percent.trim();
            match Points::from_number_text(percent) {
                Ok(p)
                    if (0..=10_000).contains(&p.hundredths())
                        && !percent.contains(['e', 'E', '-']) =>
                {
                    let number: serde_json::Number = serde_json::from_str(percent)
                        .map_err(|_| refuse("không phải một số", "not a number"))?;
                    PartyRate::Percent(number)
                }
                Ok(_) => {
                    return Err(refuse(
                        "phần trăm phải từ 0 đến 100",
                        "a percent is 0 to 100",
                    ))
                }
                Err(PointsProblem::TooManyDecimals) => {
                    return Err(refuse("quá hai chữ số thập phân", "more than two decimals"))
                }
                Err(PointsProblem::NotANumber) => {
                    return Err(refuse("không phải một số", "not a number"))
                }
            }
        } else if let Some((excellent, rated)) = rate.split_once('/') {
            match (count(excellent), count(rated)) {
                (Some(excellent), Some(rated)) if rated > 0 && excellent <= rated => {
                    PartyRate::Counts { excellent, rated }
                }
                (Some(_), Some(_)) => {
                    return Err(refuse(
                        "cần 0 ≤ E ≤ N và N > 0",
                        "it needs 0 ≤ E ≤ N and N > 0",
                    ))
                }
                _ => {
                    return Err(refuse(
                        "E và N phải là số nguyên",
                        "E and N must be whole numbers",
                    ))
                }
            }
        } else {
            return Err(refuse("không có `/` hay `%`", "neither `/` nor `%`"));
        };
        Ok((agency.to_owned(), parsed))
    }

    /// Agencies' rates as read one by one ([`PartyRate::parse_agency_rate`]) gathered by
    /// agency. An agency named twice is refused, naming it and `path`, even with the same
    /// rate: the quota never picks one of two rates given for one agency.
    pub fn by_agency(
        path: &str,
        rates: impl IntoIterator<Item = (String, PartyRate)>,
    ) -> Result<BTreeMap<String, PartyRate>, InputError> {
        let mut by_agency = BTreeMap::new();
        for (agency, rate) in rates {
            if by_agency.contains_key(&agency) {
                return Err(InputError::new(
                    ErrorCode::Conflict,
                    path,
                    format!("Tỷ lệ đảng viên xuất sắc của cơ quan `{agency}` được nêu hai lần"),
                    format!("the party Excellent rate of agency `{agency}` is given twice"),
                ));
            }
            by_agency.insert(agency, rate);
        }
        Ok(by_agency)
    }
}

/// What a state decision adds (spec §2, `docs/state-regimes.md` "The decision"): the
/// employment, and for `nd335` and `nd233` every period's exact score and the mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatePartRecord {
    /// The subject's employment (none for an agency record).
    pub employment: Option<Employment>,
    /// Viên chức in 2026: whether the unit had its own regulation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_regulation: Option<bool>,
    /// Months worked in the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_worked: Option<serde_json::Number>,
    /// `month` or `quarter` (`nd335`, `nd233`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_kind: Option<PeriodKind>,
    /// Every period, in input order.
    #[serde(default)]
    pub periods: Vec<StatePeriodRecord>,
    /// How many periods count in the mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periods_counted: Option<u32>,
    /// The unrounded annual mean, exact (`"n/d"` or `"n"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<String>,
    /// How the mean was rounded into the annual score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// The agency, for the quota.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// An agency record: the level the competent level gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_level: Option<Level>,
}

/// Months or quarters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Monthly scores.
    Month,
    /// Quarterly scores.
    Quarter,
}

impl PeriodKind {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
        }
    }
}

/// One period of a state decision, its numbers exact (`"n/d"` or `"n"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatePeriodRecord {
    /// The month, if monthly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// The quarter, if quarterly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u32>,
    /// Whether the period counts in the mean (false: no assigned work).
    pub counted: bool,
    /// General criteria `G_p`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<serde_json::Number>,
    /// The assigned total of converted weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_weight: Option<serde_json::Number>,
    /// Quantity `a`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<String>,
    /// Quality `b`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<String>,
    /// Progress `c`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub c: Option<String>,
    /// Leaders: the unit's results `d`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub d: Option<String>,
    /// Leaders: organising capacity `đ`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dd: Option<String>,
    /// Leaders: rallying capacity `e`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e: Option<String>,
    /// Task results `R_p`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_results: Option<String>,
    /// `R_p` was given directly.
    #[serde(default, skip_serializing_if = "Not::not")]
    pub task_results_given: bool,
    /// The period's score `S_p = G_p + R_p`, exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<String>,
    /// The same, to two decimals, for display only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_2dp: Option<f64>,
}

/// What the state quota did in one group or agency (spec §2.3 `nd335.20.5.a`, §3
/// `nd90.2.6`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateQuotaReport {
    /// `group` (with similar tasks) or `agency`.
    pub scope: QuotaScope,
    /// The group's or agency's name.
    pub name: String,
    /// The rating year.
    pub year: i32,
    /// The regime.
    pub regime: RegimeId,
    /// `nd335.20.5.a` or `nd90.2.6`.
    pub rule: String,
    /// The ratio or rate, exact (`"1/5"`, `"1/4"`, `"3/20"`); null when not in force.
    pub ratio: Option<String>,
    /// Where the ratio comes from.
    pub ratio_source: RatioSource,
    /// Records classified.
    pub rated: u32,
    /// Excellent candidates.
    pub candidates: u32,
    /// Rated Good.
    pub good: u32,
    /// Largest admissible number of Excellent.
    pub e_max: u32,
    /// Moved down to Good.
    pub demoted: u32,
    /// Candidates tied at the cut.
    pub tied_at_cut: u32,
}

/// The scope of a state quota step.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum QuotaScope {
    /// A group with similar tasks.
    Group,
    /// The agency as a whole.
    Agency,
}

impl QuotaScope {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QuotaScope::Group => "group",
            QuotaScope::Agency => "agency",
        }
    }
}

/// Where a state quota's ratio comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RatioSource {
    /// ND 335 Art. 20.5.a: 20% of the Good count.
    Norm,
    /// ND 335 Art. 20.5.b: 25%, the agency recognised Excellent.
    Recognised,
    /// ND 48: the party Excellent rate given for the agency.
    Given,
    /// ND 48: the party Excellent rate derived from the paired party records.
    Derived,
    /// ND 48 without a party rate: the party norm (Excellent ≤ 20% of Good).
    PartyNorm,
    /// ND 48 not yet in force (rated before 15/9/2023): no state quota.
    NotInForce,
}

impl RatioSource {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RatioSource::Norm => "norm",
            RatioSource::Recognised => "recognised",
            RatioSource::Given => "given",
            RatioSource::Derived => "derived",
            RatioSource::PartyNorm => "party_norm",
            RatioSource::NotInForce => "not_in_force",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(text: &str) -> Result<(String, PartyRate), String> {
        PartyRate::parse_agency_rate("/party_excellent_rate", text).map_err(|e| e.message.en)
    }

    #[test]
    fn agency_rates_read_exactly_as_counts_or_percents() {
        assert_eq!(
            rate("vu-khtc=3/20"),
            Ok((
                "vu-khtc".to_owned(),
                PartyRate::Counts {
                    excellent: 3,
                    rated: 20
                }
            ))
        );
        let (agency, percent) = rate("so=a=b=12.5%").unwrap();
        assert_eq!(agency, "so=a=b");
        assert!(matches!(percent, PartyRate::Percent(n) if n.to_string() == "12.5"));
        assert!(rate("x=100%").is_ok());
        assert!(rate("x=0/1").is_ok());
    }

    #[test]
    fn inexact_or_malformed_rates_are_refused_with_the_reason() {
        for (text, why) in [
            ("x=12.345%", "more than two decimals"),
            ("x=100.01%", "0 to 100"),
            ("x=-1%", "0 to 100"),
            ("x=1e1%", "0 to 100"),
            ("x=4/3", "E ≤ N"),
            ("x=1/0", "N > 0"),
            ("x=1.5/3", "whole numbers"),
            ("x=0.15", "neither"),
            ("=1/2", "no agency"),
            ("x", "no `=`"),
        ] {
            let error = rate(text).unwrap_err();
            assert!(error.contains(why), "{text}: {error}");
        }
        let error = PartyRate::parse_agency_rate("p", "x=1/0").unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::InvalidValue, "p")
        );
        assert!(error.message.vi.contains("không đọc được chính xác"));
    }

    #[test]
    fn an_agency_named_twice_is_refused_naming_it() {
        let read = |texts: &[&str]| {
            let rates: Vec<(String, PartyRate)> = texts.iter().map(|t| rate(t).unwrap()).collect();
            PartyRate::by_agency("--party-excellent-rate", rates)
        };
        let error = read(&["vu-a=1/10", "vu-b=5%", "vu-a=2/10"]).unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::Conflict, "--party-excellent-rate")
        );
        assert!(
            error.message.en.contains("`vu-a` is given twice"),
            "{}",
            error.message.en
        );
        assert!(error.message.vi.contains("`vu-a`"), "{}", error.message.vi);
        // The same rate twice is refused too; distinct agencies are kept, each once.
        assert!(read(&["vu-a=10%", "vu-a=10%"]).is_err());
        let rates = read(&["vu-a=1/10", "vu-b=5%"]).unwrap();
        assert_eq!(rates.len(), 2);
        assert_eq!(
            rates.get("vu-a"),
            Some(&PartyRate::Counts {
                excellent: 1,
                rated: 10
            })
        );
    }
}
