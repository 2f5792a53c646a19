//! What a state decision carries beside the party decision's fields: the employment,
//! every period's exact numbers, the mean and its rounding, the agency, and the steps of
//! the state quota. Reasons point into it (`Value::Period`, `Value::QuotaStep`,
//! `Value::Year`), so they stay small and copyable; rendering expands them here.

use crate::contract::level::{Level, Options};
use crate::contract::state::ManagedUnits;
use crate::contract::state::{
    Employment, PeriodKind, QuotaScope, RatioSource, StatePartRecord, StatePeriodRecord,
};
use crate::contract::state_options::Rounding;
use crate::contract::subject::SubjectKind;
use crate::exact::{ratio, text, to_f64_2dp, Exact};
use crate::model::{Nd90Grades, PeriodKey, StateFacts, Tasks, ValidAssessment};
use crate::points::Points;
use crate::regimes::state::periods::{PeriodScore, YearScore};
use crate::rules::catalogue::Rule;
use chrono::Datelike;
use serde_json::{Map, Value as Json};

/// The state side of a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct StatePart {
    /// The subject's employment (none for an agency record).
    pub employment: Option<Employment>,
    /// Viên chức in 2026: whether the unit had its own regulation, as given.
    pub unit_regulation: Option<bool>,
    /// A cán bộ from 2026: no state regime (`state.none`); the decision's regime is a
    /// placeholder, written as null.
    pub no_regime: bool,
    /// Rated by the leader pattern (a leader, or under ND 90 every cán bộ).
    pub leader: bool,
    /// The rating year.
    pub year: i32,
    /// Months worked in the year.
    pub months_worked: Points,
    /// Months or quarters.
    pub period_kind: Option<PeriodKind>,
    /// Every period, in input order.
    pub periods: Vec<PeriodScore>,
    /// The annual mean (`nd335`, `nd233`, with a period of work).
    pub mean: Option<YearScore>,
    /// How the mean is rounded.
    pub rounding: Rounding,
    /// The agency, for the quota.
    pub agency: String,
    /// An agency record: its level.
    pub unit_level: Option<Level>,
    /// Under ND 90: ND 48 applies.
    pub nd48: bool,
    /// What the state quota did, step by step (in a batch or tree).
    pub quota_steps: Vec<QuotaStep>,
    /// Whether the decision needed a decision before the quota (restored when the quota
    /// is applied again).
    pub needs_decision_before_quota: Option<bool>,
    /// ND 90: the criteria read.
    pub criteria: Option<Nd90Grades>,
    /// ND 90: the person's tasks not on schedule, quality or efficiency.
    pub poor: u32,
    /// ND 90, leader pattern: the unit's targets.
    pub unit: Option<Tasks>,
    /// ND 90, leader pattern: the directly managed units (none: 0 of 0).
    pub managed_units: Option<ManagedUnits>,
}

/// One step of the state quota as it concerned a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaStep {
    /// Group or agency.
    pub scope: QuotaScope,
    /// The group's or agency's name.
    pub name: String,
    /// `nd335.20.5.a` or `nd90.2.6`.
    pub rule: Rule,
    /// The ratio or rate, exact (`None` when not in force).
    pub ratio: Option<(u64, u64)>,
    /// Where the ratio comes from.
    pub source: RatioSource,
    /// Records classified in the scope.
    pub rated: u32,
    /// Excellent candidates in the scope.
    pub candidates: u32,
    /// Good in the scope.
    pub good: u32,
    /// Largest admissible number of Excellent.
    pub e_max: u32,
    /// Rank among the candidates, from 1.
    pub rank: u32,
    /// Tied at the cut.
    pub tied: bool,
    /// Keeps Excellent.
    pub keeps: bool,
    /// A derived party rate's counts: Excellent party members and those classified.
    pub party_counts: Option<(u32, u32)>,
}

fn key_entry(key: PeriodKey, out: &mut Map<String, Json>) {
    match key {
        PeriodKey::Month(m) => out.insert("month".to_owned(), Json::from(m)),
        PeriodKey::Quarter(q) => out.insert("quarter".to_owned(), Json::from(q)),
    };
}

fn exact_entry(out: &mut Map<String, Json>, key: &str, value: &Exact) {
    out.insert(key.to_owned(), Json::String(text(value)));
}

fn points_entry(out: &mut Map<String, Json>, key: &str, value: Points) {
    out.insert(key.to_owned(), Json::Number(value.to_json_number()));
}

impl StatePart {
    /// A state part with nothing in it (a party decision read by state wording).
    pub fn empty() -> StatePart {
        StatePart {
            employment: None,
            unit_regulation: None,
            no_regime: false,
            leader: false,
            year: 0,
            months_worked: Points::ZERO,
            period_kind: None,
            periods: Vec::new(),
            mean: None,
            rounding: Rounding::default(),
            agency: String::new(),
            unit_level: None,
            nd48: false,
            quota_steps: Vec::new(),
            needs_decision_before_quota: None,
            criteria: None,
            poor: 0,
            unit: None,
            managed_units: None,
        }
    }

    /// The state part of a decision on `a`, before any rule.
    pub fn of(a: &ValidAssessment, s: &StateFacts, options: &Options) -> StatePart {
        StatePart {
            employment: s.employment,
            unit_regulation: s.unit_regulation,
            no_regime: s.no_regime,
            leader: a.subject.kind == SubjectKind::Leader
                || s.employment == Some(Employment::CanBo),
            year: a.period.to.year(),
            months_worked: s.months_worked,
            period_kind: s.period_kind,
            periods: Vec::new(),
            mean: None,
            rounding: options.rounding,
            agency: s.agency_name().to_owned(),
            unit_level: s.unit_level,
            nd48: s.nd48,
            quota_steps: Vec::new(),
            needs_decision_before_quota: None,
            criteria: s.criteria,
            poor: s.poor,
            unit: s.unit,
            managed_units: s.managed_units,
        }
    }

    /// The values a reason's `Value::Period(index)` stands for, for its rule.
    pub fn period_values(&self, index: u8, rule: Rule, out: &mut Map<String, Json>) {
        let Some(period) = self.periods.get(usize::from(index)) else {
            return;
        };
        key_entry(period.key, out);
        let Some(work) = &period.work else {
            return;
        };
        let components = work.components.as_deref();
        match (rule, components) {
            (Rule::StateQuantity, Some(c)) => {
                points_entry(out, "assigned_weight", c.assigned_weight);
                points_entry(out, "done_weight", c.done_weight);
                points_entry(out, "extra_weight", c.extra_weight);
                exact_entry(out, "a", &c.a);
                out.insert("capped".to_owned(), Json::Bool(c.capped & 1 != 0));
            }
            (Rule::StateQuality, Some(c)) => {
                points_entry(out, "assigned_weight", c.assigned_weight);
                exact_entry(out, "quality_weight", &c.quality_weight);
                out.insert(
                    "quality_failures".to_owned(),
                    Json::from(c.quality_failures),
                );
                out.insert("products_at_zero".to_owned(), Json::from(c.quality_at_zero));
                exact_entry(out, "b", &c.b);
                out.insert("capped".to_owned(), Json::Bool(c.capped & 2 != 0));
            }
            (Rule::StateProgress, Some(c)) => {
                points_entry(out, "assigned_weight", c.assigned_weight);
                exact_entry(out, "progress_weight", &c.progress_weight);
                out.insert("delays".to_owned(), Json::from(c.delays));
                out.insert(
                    "products_at_zero".to_owned(),
                    Json::from(c.progress_at_zero),
                );
                exact_entry(out, "c", &c.c);
                out.insert("capped".to_owned(), Json::Bool(c.capped & 4 != 0));
            }
            (Rule::StateUnitResults, Some(c)) => {
                if let Some(l) = &c.leader {
                    exact_entry(out, "d", &l.d);
                }
            }
            (Rule::StateOrganising, Some(c)) => {
                if let Some(l) = &c.leader {
                    exact_entry(out, "dd", &l.dd);
                    out.insert(
                        "prolonged_delays".to_owned(),
                        Json::Bool(l.facts.prolonged_delays == Some(true)),
                    );
                }
            }
            (Rule::StateRallying, Some(c)) => {
                if let Some(l) = &c.leader {
                    exact_entry(out, "e", &l.e);
                    out.insert(
                        "disunity_complaints".to_owned(),
                        Json::Bool(l.facts.disunity_complaints == Some(true)),
                    );
                }
            }
            (Rule::StatePeriodScore, _) => {
                points_entry(out, "general", work.general);
                if let Some(c) = components {
                    exact_entry(out, "a", &c.a);
                    exact_entry(out, "b", &c.b);
                    exact_entry(out, "c", &c.c);
                    if let Some(l) = &c.leader {
                        exact_entry(out, "d", &l.d);
                        exact_entry(out, "dd", &l.dd);
                        exact_entry(out, "e", &l.e);
                    }
                }
                exact_entry(out, "task_results", &work.task_results);
                out.insert("given".to_owned(), Json::Bool(components.is_none()));
                exact_entry(out, "score", &work.score);
            }
            _ => {}
        }
    }

    /// The values `Value::Year` stands for.
    pub fn year_values(&self, out: &mut Map<String, Json>) {
        let excluded: Vec<Json> = self
            .periods
            .iter()
            .filter(|p| p.work.is_none())
            .map(|p| Json::from(p.key.number()))
            .collect();
        out.insert("periods_excluded".to_owned(), Json::Array(excluded));
        out.insert(
            "rounding".to_owned(),
            Json::String(self.rounding.as_str().to_owned()),
        );
        if let Some(year) = &self.mean {
            out.insert("periods_counted".to_owned(), Json::from(year.counted));
            exact_entry(out, "sum", &year.sum);
            exact_entry(out, "mean", &year.mean);
            points_entry(out, "score", year.score);
        }
    }

    /// The values `Value::QuotaStep(index)` stands for.
    pub fn quota_values(&self, index: u8, out: &mut Map<String, Json>) {
        let Some(step) = self.quota_steps.get(usize::from(index)) else {
            return;
        };
        out.insert(
            "scope".to_owned(),
            Json::String(step.scope.as_str().to_owned()),
        );
        out.insert("group".to_owned(), Json::String(step.name.clone()));
        out.insert("rated".to_owned(), Json::from(step.rated));
        match step.ratio {
            Some((n, d)) => {
                let ratio = ratio(
                    i64::try_from(n).unwrap_or(i64::MAX),
                    i64::try_from(d).unwrap_or(1),
                );
                out.insert("rate".to_owned(), Json::String(text(&ratio)));
            }
            None => {
                out.insert("rate".to_owned(), Json::Null);
            }
        }
        out.insert(
            "rate_source".to_owned(),
            Json::String(step.source.as_str().to_owned()),
        );
        out.insert("e_max".to_owned(), Json::from(step.e_max));
        out.insert("rank".to_owned(), Json::from(step.rank));
        out.insert("candidates".to_owned(), Json::from(step.candidates));
        out.insert("good".to_owned(), Json::from(step.good));
        out.insert("tied".to_owned(), Json::Bool(step.tied));
        out.insert(
            "in_force".to_owned(),
            Json::Bool(step.source != RatioSource::NotInForce),
        );
        if let Some((excellent, rated)) = step.party_counts {
            out.insert("party_excellent".to_owned(), Json::from(excellent));
            out.insert("party_rated".to_owned(), Json::from(rated));
        }
    }

    /// The contract's record of the state part.
    pub fn record(&self) -> StatePartRecord {
        StatePartRecord {
            employment: self.employment,
            unit_regulation: self.unit_regulation,
            months_worked: (self.employment.is_some()).then(|| self.months_worked.to_json_number()),
            period_kind: self.period_kind,
            periods: self.periods.iter().map(period_record).collect(),
            periods_counted: self.mean.as_ref().map(|y| y.counted),
            mean: self.mean.as_ref().map(|y| text(&y.mean)),
            rounding: self.mean.as_ref().map(|_| self.rounding),
            agency: (!self.no_regime).then(|| self.agency.clone()),
            unit_level: self.unit_level,
        }
    }
}

fn period_record(period: &PeriodScore) -> StatePeriodRecord {
    let (month, quarter) = match period.key {
        PeriodKey::Month(m) => (Some(u32::from(m)), None),
        PeriodKey::Quarter(q) => (None, Some(u32::from(q))),
    };
    let mut record = StatePeriodRecord {
        month,
        quarter,
        counted: period.work.is_some(),
        general: None,
        assigned_weight: None,
        a: None,
        b: None,
        c: None,
        d: None,
        dd: None,
        e: None,
        task_results: None,
        task_results_given: false,
        score: None,
        score_2dp: None,
    };
    if let Some(work) = &period.work {
        record.general = Some(work.general.to_json_number());
        record.task_results = Some(text(&work.task_results));
        record.task_results_given = work.components.is_none();
        record.score = Some(text(&work.score));
        record.score_2dp = Some(to_f64_2dp(&work.score));
        if let Some(c) = &work.components {
            record.assigned_weight = Some(c.assigned_weight.to_json_number());
            record.a = Some(text(&c.a));
            record.b = Some(text(&c.b));
            record.c = Some(text(&c.c));
            if let Some(l) = &c.leader {
                record.d = Some(text(&l.d));
                record.dd = Some(text(&l.dd));
                record.e = Some(text(&l.e));
            }
        }
    }
    record
}
