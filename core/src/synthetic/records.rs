//! The per-record generator: one realistic, valid assessment from a seed and an index.

use crate::contract::assessment::{
    Assessment, BasicTargets, CollectiveInput, Conclusions, ConfidenceVote, DisciplineForm,
    DisciplineInput, LeaderInput, LeaveInput, Mitigation, PeriodInput, Procedure, ScoreInput,
    ShortcomingsInput, SubjectInput, TasksInput, TemporaryActivity, UnitsInCharge,
};
use crate::contract::subject::{CollectiveKind, PartyStatus, SubjectKind};
use crate::synthetic::random::SplitMix64;
use chrono::{Datelike, Days, Months, NaiveDate};

/// One synthetic assessment: record `index` of the population named by `seed`.
pub fn assessment(seed: u64, index: u64) -> Assessment {
    Generator {
        rng: SplitMix64::for_record(seed, index),
    }
    .assessment(index)
}

/// Records `0..count` of the population named by `seed`, in order.
pub fn assessments(seed: u64, count: u64) -> impl Iterator<Item = Assessment> {
    (0..count).map(move |index| assessment(seed, index))
}

/// One synthetic assessment of a given kind for the calendar year `year`, evaluated on
/// its last day: the facts are drawn as in [`assessment`], from the stream of
/// `(seed, index)`.
pub fn assessment_of_kind_in_year(
    seed: u64,
    index: u64,
    kind: SubjectKind,
    collective_kind: Option<CollectiveKind>,
    year: i32,
) -> Assessment {
    let period = PeriodInput {
        year: Some(year),
        ..PeriodInput::default()
    };
    let timing = Timing {
        from: day(year, 1, 1),
        to: day(year, 12, 31),
        as_of: day(year, 12, 31),
    };
    Generator {
        rng: SplitMix64::for_record(seed, index),
    }
    .facts(index, kind, collective_kind, period, timing, None)
}

/// A calendar day from parts the generator keeps in range (day ≤ 28).
fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn days_before(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(days)))
        .unwrap_or(date)
}

fn days_after(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(date)
}

/// Days from `from` to `to` (0 when `to` is not later).
fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from(to.signed_duration_since(from).num_days()).unwrap_or(0)
}

/// Points in hundredths as the JSON number a sender would write (`27`, `27.5`, `8.25`).
fn points_number(hundredths: u32) -> serde_json::Number {
    if hundredths % 100 == 0 {
        serde_json::Number::from(hundredths / 100)
    } else {
        // Two decimals of a value ≤ 10,000 hundredths print back exactly.
        serde_json::Number::from_f64(f64::from(hundredths) / 100.0)
            .unwrap_or_else(|| serde_json::Number::from(hundredths / 100))
    }
}

/// How a subject performed in the period: drives its score and its tasks together.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Performance {
    /// 90–100 points.
    Outstanding,
    /// 70 to under 90.
    Solid,
    /// 50 to under 70.
    Weak,
    /// 30 to under 50.
    Poor,
}

/// The period and the evaluation day chosen for a record.
#[derive(Clone, Copy)]
struct Timing {
    from: NaiveDate,
    to: NaiveDate,
    /// The evaluation day (`as_of`, or the period's last day).
    as_of: NaiveDate,
}

impl Timing {
    /// The last day a discipline decision can count: the period's end or the evaluation
    /// day, whichever comes first.
    fn last_counted_day(&self) -> NaiveDate {
        self.to.min(self.as_of)
    }
}

/// Facts generated so far that a mitigation could be claimed for.
#[derive(Default)]
struct Adverse {
    violation: bool,
    plan_missed: bool,
}

struct Generator {
    rng: SplitMix64,
}

impl Generator {
    fn assessment(&mut self, index: u64) -> Assessment {
        let (kind, collective_kind) = self.kind();
        let (period, timing, as_of) = self.period();
        self.facts(index, kind, collective_kind, period, timing, as_of)
    }

    /// Everything after the kind and the period, drawn in the same order whatever chose
    /// them, so that [`assessment`] and [`national`] share the per-record logic.
    fn facts(
        &mut self,
        index: u64,
        kind: SubjectKind,
        collective_kind: Option<CollectiveKind>,
        period: PeriodInput,
        timing: Timing,
        as_of: Option<String>,
    ) -> Assessment {
        let regime = self.rng.chance(2_500).then(|| "qd366".to_owned());
        let subject = self.subject(kind, collective_kind, timing);
        let performance = self.performance();
        let score = self.score(performance);
        let tasks = self.tasks(kind, performance, period.quarter.is_some());
        let mut adverse = Adverse::default();
        let leadership_collective = collective_kind == Some(CollectiveKind::Leadership);
        let plan_share_missed = 10 * u64::from(tasks.completed) < 7 * u64::from(tasks.assigned);
        adverse.plan_missed =
            plan_share_missed && (kind == SubjectKind::Leader || leadership_collective);
        let discipline = self.discipline(kind, timing, &mut adverse);
        let conclusions = self.conclusions(kind, collective_kind, &mut adverse);
        let leader = (kind == SubjectKind::Leader)
            .then(|| self.leader(&mut adverse))
            .flatten();
        let collective = (kind == SubjectKind::Collective)
            .then(|| self.collective(leadership_collective, &mut adverse))
            .flatten();
        let individual = kind != SubjectKind::Collective;
        let prefix = match kind {
            SubjectKind::Member => "dv",
            SubjectKind::Leader => "cb",
            SubjectKind::Collective => "tt",
        };
        Assessment {
            rating: None,
            id: format!("{prefix}-{index:07}"),
            period,
            as_of,
            regime,
            subject,
            score: Some(score),
            grades: None,
            civil_service_level: None,
            tasks: Some(tasks),
            shortcomings: self.shortcomings(),
            leave: if individual { self.leave() } else { None },
            discipline,
            conclusions,
            leader,
            collective,
            mitigation: self.mitigation(&adverse, leadership_collective),
            procedure: Procedure {
                open_complaints: self.rng.chance(100),
            },
            quota_group: self.rng.chance(7_500).then(|| {
                let unit = self.rng.below(500);
                let group = match kind {
                    SubjectKind::Member => "members",
                    SubjectKind::Leader => "leaders",
                    SubjectKind::Collective => "units",
                };
                format!("unit-{unit}/{group}")
            }),
            conduct: None,
            agency: None,
            periods: None,
            criteria: None,
            unit: None,
            managed_units: None,
            unit_level: None,
            state_rating: None,
        }
    }

    fn kind(&mut self) -> (SubjectKind, Option<CollectiveKind>) {
        match self.rng.below(10_000) {
            0..=8_799 => (SubjectKind::Member, None),
            8_800..=9_799 => (SubjectKind::Leader, None),
            share => {
                let collective_kind = match share {
                    9_800..=9_849 => CollectiveKind::Leadership,
                    9_850..=9_899 => CollectiveKind::PartyCommittee,
                    9_900..=9_949 => CollectiveKind::PartyOrganisation,
                    _ => CollectiveKind::Agency,
                };
                (SubjectKind::Collective, Some(collective_kind))
            }
        }
    }

    /// Periods under QĐ 366: the years 2025 and 2026, their quarters from Q3 2025 (the
    /// regulation took effect on 30 Aug 2025), and a few explicit spans.
    fn period(&mut self) -> (PeriodInput, Timing, Option<String>) {
        let (period, from, to) = match self.rng.below(100) {
            0..=59 => (
                PeriodInput {
                    year: Some(2025),
                    ..PeriodInput::default()
                },
                day(2025, 1, 1),
                day(2025, 12, 31),
            ),
            60..=79 => (
                PeriodInput {
                    year: Some(2026),
                    ..PeriodInput::default()
                },
                day(2026, 1, 1),
                day(2026, 12, 31),
            ),
            80..=94 => {
                // Q3 2025 to Q4 2026: six quarters.
                let n = self.rng.below(6) + 2;
                let (year, quarter) = (2025 + i32::from(n >= 4), n % 4 + 1);
                let from = day(year, (quarter - 1) * 3 + 1, 1);
                let to = from
                    .checked_add_months(Months::new(3))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(from);
                (
                    PeriodInput {
                        year: Some(year),
                        quarter: Some(quarter),
                        ..PeriodInput::default()
                    },
                    from,
                    to,
                )
            }
            _ => {
                let from = days_after(day(2025, 9, 1), self.rng.below(90));
                let to = days_after(from, self.rng.between(90, 300));
                let period = PeriodInput {
                    from: Some(from.to_string()),
                    to: Some(to.to_string()),
                    ..PeriodInput::default()
                };
                (period, from, to)
            }
        };
        let as_of = self
            .rng
            .chance(1_500)
            .then(|| days_before(to, self.rng.below(days_between(from, to).min(30))));
        let timing = Timing {
            from,
            to,
            as_of: as_of.unwrap_or(to),
        };
        (period, timing, as_of.map(|d| d.to_string()))
    }

    fn subject(
        &mut self,
        kind: SubjectKind,
        collective_kind: Option<CollectiveKind>,
        timing: Timing,
    ) -> SubjectInput {
        let mut subject = SubjectInput {
            kind,
            in_political_system: None,
            centrally_managed: None,
            collective_kind,
            party_status: None,
            employment: None,
            unit_regulation: None,
            admitted_on: None,
            established_on: None,
            temporary_activity: None,
        };
        let evaluation_year = timing.as_of.year();
        match kind {
            SubjectKind::Member => {
                subject.in_political_system = match self.rng.below(100) {
                    0..=19 => Some(false),
                    20..=39 => Some(true),
                    _ => None,
                };
                subject.party_status = match self.rng.below(10_000) {
                    0..=79 => Some(PartyStatus::Exempted),
                    80..=119 => Some(PartyStatus::Suspended),
                    120..=1_599 => Some(PartyStatus::Active),
                    _ => None,
                };
                if self.rng.chance(300) {
                    // A new member: admitted within about six months of the evaluation day.
                    subject.admitted_on =
                        Some(days_before(timing.as_of, self.rng.below(200)).to_string());
                } else if self.rng.chance(9_000) {
                    subject.admitted_on = Some(self.past_day(1970, evaluation_year - 1));
                }
                subject.temporary_activity = self.rng.chance(150).then(|| TemporaryActivity {
                    unit: format!("chi-bo-{}", self.rng.below(1_000)),
                    comment_received: self.rng.chance(8_000),
                });
            }
            SubjectKind::Leader => {
                subject.centrally_managed = match self.rng.below(100) {
                    0..=4 => Some(true),
                    5..=29 => Some(false),
                    _ => None,
                };
                subject.party_status = self.rng.chance(1_000).then_some(PartyStatus::Active);
                if self.rng.chance(7_000) {
                    subject.admitted_on = Some(self.past_day(1975, evaluation_year - 3));
                }
            }
            SubjectKind::Collective => {
                if self.rng.chance(3_000) {
                    subject.established_on = Some(self.past_day(1950, 2020));
                }
            }
        }
        subject
    }

    /// A day in the years `first..=last` (days 1–28, so always a real date).
    fn past_day(&mut self, first: i32, last: i32) -> String {
        let span = u32::try_from(last.saturating_sub(first)).unwrap_or(0);
        let year = first + i32::try_from(self.rng.below(span + 1)).unwrap_or(0);
        day(year, self.rng.between(1, 12), self.rng.between(1, 28)).to_string()
    }

    fn performance(&mut self) -> Performance {
        match self.rng.below(1_000) {
            0..=219 => Performance::Outstanding,
            220..=939 => Performance::Solid,
            940..=989 => Performance::Weak,
            _ => Performance::Poor,
        }
    }

    /// The two groups, about 30:70 of the total, as whole points (60%), halves (25%) or
    /// hundredths (15%).
    fn score(&mut self, performance: Performance) -> ScoreInput {
        let step = match self.rng.below(100) {
            0..=59 => 100,
            60..=84 => 50,
            _ => 1,
        };
        let (low, high) = match performance {
            // Mostly 90–95, rarely up to 100.
            Performance::Outstanding if self.rng.chance(1_000) => (9_500, 10_000),
            Performance::Outstanding => (9_000, 9_500),
            Performance::Solid => (7_000, 8_999),
            Performance::Weak => (5_000, 6_999),
            Performance::Poor => (3_000, 4_999),
        };
        let total = (self.rng.between(low, high) / step) * step;
        // The general group follows the total, ±1.5 points, kept in range.
        let centre = total * 3 / 10;
        let general = self.rng.between(centre.saturating_sub(150), centre + 150) / step * step;
        let general = general.clamp(total.saturating_sub(7_000), total.min(3_000));
        ScoreInput::points(points_number(general), points_number(total - general))
    }

    fn tasks(&mut self, kind: SubjectKind, performance: Performance, quarter: bool) -> TasksInput {
        let assigned = match kind {
            SubjectKind::Member => self.rng.between(3, 24),
            SubjectKind::Leader => self.rng.between(10, 80),
            SubjectKind::Collective => self.rng.between(20, 150),
        };
        let assigned = if quarter {
            assigned.div_ceil(3)
        } else {
            assigned
        };
        let assigned = if self.rng.chance(20) { 0 } else { assigned };
        let high = matches!(performance, Performance::Outstanding | Performance::Solid);
        let unfinished = if high {
            if self.rng.chance(70) {
                self.rng.between(1, (assigned / 3).max(1))
            } else {
                0
            }
        } else if self.rng.chance(800) {
            // More than half unfinished: the member's task trigger, a leader's plan.
            self.rng.between(assigned / 2 + 1, assigned)
        } else if self.rng.chance(1_500) {
            self.rng.between(1, (assigned / 3).max(1))
        } else {
            0
        };
        let unfinished = unfinished.min(assigned);
        let completed = assigned - unfinished;
        let late = if (high && self.rng.chance(600)) || (!high && self.rng.chance(3_500)) {
            // Mostly within the 20% that Completed allows; weak subjects sometimes beyond.
            let most = if !high && self.rng.chance(2_000) {
                (completed / 2).max(1)
            } else {
                (completed / 5).max(1)
            };
            self.rng.between(1, most).min(completed)
        } else {
            0
        };
        let exceeded_percent = match performance {
            Performance::Outstanding => self.rng.between(15, 60),
            Performance::Solid => self.rng.between(0, 40),
            Performance::Weak | Performance::Poor => self.rng.between(0, 10),
        };
        let not_completed = match self.rng.below(100) {
            0..=9 => Some(unfinished),
            10..=14 => Some(self.rng.below(unfinished + 1)),
            _ => None,
        };
        TasksInput {
            assigned,
            completed,
            on_time: completed - late,
            exceeded: completed * exceeded_percent / 100,
            not_completed,
            poor: None,
        }
    }

    fn shortcomings(&mut self) -> Option<ShortcomingsInput> {
        if !self.rng.chance(3_500) {
            return None;
        }
        let identified = if self.rng.chance(1_000) {
            0
        } else {
            self.rng.between(1, 4)
        };
        let fixed = if self.rng.chance(8_500) {
            identified
        } else {
            self.rng.below(identified)
        };
        Some(ShortcomingsInput { identified, fixed })
    }

    fn leave(&mut self) -> Option<LeaveInput> {
        if !self.rng.chance(500) {
            return None;
        }
        let maternity = self.rng.chance(2_500);
        let sick_months = match self.rng.below(100) {
            0..=29 if maternity => None,
            0..=49 => Some(points_number(self.rng.between(6, 16) * 50)), // 3 to 8 months, in halves
            _ => Some(points_number(self.rng.between(10, 299))), // under 3 months, in hundredths
        };
        Some(LeaveInput {
            sick_months,
            maternity,
            ..LeaveInput::default()
        })
    }

    fn discipline(
        &mut self,
        kind: SubjectKind,
        timing: Timing,
        adverse: &mut Adverse,
    ) -> Vec<DisciplineInput> {
        let basis_points = match kind {
            SubjectKind::Member => 80,
            SubjectKind::Leader => 120,
            SubjectKind::Collective => 400,
        };
        if !self.rng.chance(basis_points) {
            return Vec::new();
        }
        let about_member = kind == SubjectKind::Collective && self.rng.chance(7_500);
        let individual_form = kind != SubjectKind::Collective || about_member;
        let form = match self.rng.below(100) {
            0..=69 => DisciplineForm::Reprimand,
            70..=94 => DisciplineForm::Warning,
            _ if individual_form => {
                if self.rng.chance(8_000) {
                    DisciplineForm::Removal
                } else {
                    DisciplineForm::Expulsion
                }
            }
            _ => DisciplineForm::Dissolution,
        };
        let in_period = self.rng.chance(7_500);
        let decided_on = if in_period {
            days_after(
                timing.from,
                self.rng
                    .below(days_between(timing.from, timing.last_counted_day()) + 1),
            )
        } else {
            days_before(timing.from, self.rng.between(1, 400))
        };
        let duty_related = match self.rng.below(100) {
            0..=19 => Some(false),
            20..=29 => Some(true),
            _ => None,
        };
        let record = DisciplineInput {
            form,
            decided_on: decided_on.to_string(),
            duty_related,
            at_previous_unit: self.rng.chance(500),
            counted_before: self.rng.chance(500),
            member_id: about_member.then(|| format!("m-{}", self.rng.below(40))),
            kind: None,
        };
        adverse.violation |= in_period && !record.counted_before && duty_related != Some(false);
        vec![record]
    }

    fn conclusions(
        &mut self,
        kind: SubjectKind,
        collective_kind: Option<CollectiveKind>,
        adverse: &mut Adverse,
    ) -> Conclusions {
        let mut conclusions = Conclusions::default();
        match kind {
            SubjectKind::Member | SubjectKind::Leader => {
                conclusions.degradation = self.rng.chance(10);
                conclusions.prohibition_breach = self.rng.chance(10);
                conclusions.exemplary_breach = self.rng.chance(20);
            }
            SubjectKind::Collective if collective_kind == Some(CollectiveKind::Leadership) => {
                conclusions.cadre_work_violation = self.rng.chance(200);
                // Stated only when true, as before the field could say `false`.
                conclusions.member_degradation = self.rng.chance(200).then_some(true);
            }
            SubjectKind::Collective => {}
        }
        adverse.violation |= !conclusions.is_empty();
        conclusions
    }

    fn basic_targets(&mut self) -> BasicTargets {
        let applicable = self.rng.chance(6_000);
        let missed = match self.rng.below(100) {
            _ if !applicable => 0,
            0..=84 => 0,
            85..=96 => self.rng.between(1, 2),
            _ => 5,
        };
        BasicTargets { applicable, missed }
    }

    fn leader(&mut self, adverse: &mut Adverse) -> Option<LeaderInput> {
        if !self.rng.chance(5_000) {
            return None;
        }
        let confidence_vote = self.rng.chance(4_000).then(|| {
            let total = self.rng.between(15, 120);
            let low = match self.rng.below(100) {
                0..=94 => self.rng.below(total / 5 + 1),
                95..=97 => self.rng.below(total / 2 + 1),
                _ => self.rng.between(total / 2 + 1, total),
            };
            ConfidenceVote { low, total }
        });
        let units_in_charge = self.rng.chance(4_000).then(|| {
            let total = self.rng.between(1, 12);
            let not_completed = match self.rng.below(100) {
                0..=84 => 0,
                85..=97 => self.rng.between(1, (total / 3).max(1)),
                _ => self.rng.between(total / 2 + 1, total),
            };
            UnitsInCharge {
                total,
                not_completed,
            }
        });
        let basic_targets = self.rng.chance(2_500).then(|| self.basic_targets());
        let scope_corruption_disciplined = self.rng.chance(80);
        adverse.violation |= scope_corruption_disciplined;
        Some(LeaderInput {
            confidence_vote,
            units_in_charge,
            basic_targets,
            scope_corruption_disciplined,
            ..LeaderInput::default()
        })
    }

    fn collective(&mut self, leadership: bool, adverse: &mut Adverse) -> Option<CollectiveInput> {
        if !self.rng.chance(6_000) {
            return None;
        }
        let subordinate_units_disciplined = self.rng.chance(5_000).then(|| {
            if self.rng.chance(1_500) {
                self.rng.between(1, 3)
            } else {
                0
            }
        });
        let basic_targets = (leadership && self.rng.chance(4_000)).then(|| self.basic_targets());
        adverse.plan_missed |= basic_targets.is_some_and(|t| t.missed > 0);
        Some(CollectiveInput {
            subordinate_units_disciplined,
            basic_targets,
            ..CollectiveInput::default()
        })
    }

    /// Claims follow the facts: a violation is sometimes said to be self-detected, a
    /// missed plan sometimes blamed on force majeure; a few claims have nothing to mitigate.
    fn mitigation(&mut self, adverse: &Adverse, leadership_collective: bool) -> Mitigation {
        Mitigation {
            self_detected_and_remedied: (adverse.violation && self.rng.chance(2_500))
                || self.rng.chance(30),
            force_majeure: (adverse.plan_missed && leadership_collective && self.rng.chance(3_000))
                || self.rng.chance(10),
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::{evaluate, validate, Level, Options, Outcome};
    use std::collections::BTreeMap;

    const SEED: u64 = 366;
    const RECORDS: u64 = 20_000;

    #[test]
    fn every_record_validates() {
        let mut rejected = Vec::new();
        for a in assessments(SEED, RECORDS) {
            if let Err(errors) = validate(&a) {
                rejected.push((a.id.clone(), errors.to_string()));
            }
        }
        assert!(
            rejected.is_empty(),
            "{} of {RECORDS} rejected, first: {:?}",
            rejected.len(),
            rejected.first()
        );
    }

    #[test]
    fn records_depend_only_on_seed_and_index() {
        assert_eq!(assessment(SEED, 12_345), assessment(SEED, 12_345));
        assert_eq!(assessments(SEED, 10).nth(7), Some(assessment(SEED, 7)));
        assert_ne!(assessment(SEED, 1), assessment(SEED, 2));
        let other_seed: Vec<_> = assessments(SEED + 1, 50).collect();
        let this_seed: Vec<_> = assessments(SEED, 50).collect();
        assert_ne!(other_seed, this_seed);
    }

    #[test]
    fn mix_of_subjects_and_facts_is_as_documented() {
        let mut kinds: BTreeMap<&str, u64> = BTreeMap::new();
        let (mut pl5, mut fractional, mut discipline, mut mitigation, mut complaints) =
            (0u64, 0u64, 0u64, 0u64, 0u64);
        for a in assessments(SEED, RECORDS) {
            let kind = match (a.subject.kind, a.subject.collective_kind) {
                (SubjectKind::Member, _) => "member",
                (SubjectKind::Leader, _) => "leader",
                (SubjectKind::Collective, Some(CollectiveKind::Leadership)) => "leadership",
                (SubjectKind::Collective, _) => "other collective",
            };
            *kinds.entry(kind).or_default() += 1;
            pl5 += u64::from(a.subject.in_political_system == Some(false));
            fractional += u64::from(a.score.as_ref().is_some_and(|s| {
                s.general.as_ref().is_some_and(serde_json::Number::is_f64)
                    || s.task_results
                        .as_ref()
                        .is_some_and(serde_json::Number::is_f64)
            }));
            discipline += u64::from(!a.discipline.is_empty());
            mitigation += u64::from(!a.mitigation.is_empty());
            complaints += u64::from(a.procedure.open_complaints);
        }
        let share = |count: u64| count * 1_000 / RECORDS; // per mille
        assert!((860..=900).contains(&share(kinds["member"])), "{kinds:?}");
        assert!((85..=115).contains(&share(kinds["leader"])), "{kinds:?}");
        assert!((2..=10).contains(&share(kinds["leadership"])), "{kinds:?}");
        assert!(
            (10..=22).contains(&share(kinds["other collective"])),
            "{kinds:?}"
        );
        assert!(
            (150..=220).contains(&(pl5 * 1_000 / kinds["member"])),
            "PL 5 members: {pl5}"
        );
        assert!(
            (280..=400).contains(&share(fractional)),
            "fractional scores: {fractional}"
        );
        assert!(discipline > 0 && mitigation > 0 && complaints > 0);
    }

    #[test]
    fn level_distribution_is_plausible() {
        let mut levels: BTreeMap<String, u64> = BTreeMap::new();
        for a in assessments(SEED, RECORDS) {
            let decision = evaluate(&a, &Options::default()).expect("valid");
            let key = match (decision.outcome, decision.level) {
                (Outcome::Classified, Some(level)) => level.as_str().to_owned(),
                (outcome, _) => format!("{outcome:?}"),
            };
            *levels.entry(key).or_default() += 1;
        }
        eprintln!("levels over {RECORDS} synthetic records (seed {SEED}): {levels:?}");
        let count = |level: Level| levels.get(level.as_str()).copied().unwrap_or(0);
        // Good is the usual level; Excellent is a minority; every outcome occurs.
        assert!(count(Level::Good) > RECORDS / 2, "{levels:?}");
        assert!(
            count(Level::Excellent) > RECORDS / 50
                && count(Level::Excellent) < count(Level::Good) / 3,
            "{levels:?}"
        );
        assert!(
            count(Level::Completed) > 0 && count(Level::NotCompleted) > 0,
            "{levels:?}"
        );
        assert!(
            levels.get("NotClassified").is_some_and(|n| *n > 0),
            "{levels:?}"
        );
    }
}
