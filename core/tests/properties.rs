//! Properties of decoding, validation and QĐ 366 evaluation over arbitrary inputs
//! (proptest).
//!
//! Valid assessments are built directly from small independent parts (so that proptest
//! shrinks a failure to a small record), and every one is checked to validate.
//!
//! How levels are compared. For two decisions on records that differ by one change, "A
//! is not above B" means: both are not classified, or both are classified and A's level
//! ≤ B's level (`Level` is ordered Not completed < Completed < Good < Excellent). A
//! change that would turn a classified subject into an unclassified one, or back, fails
//! the property: no change here touches who is classified. Under the `strict` reading a
//! decision may be `undetermined` (no level; the competent level decides); such a pair
//! is not compared by level, but every property is also checked under `cascade`, which
//! always gives a level, and `strict_agrees_with_cascade_whenever_it_decides` ties the
//! two readings together.

#![cfg(test)]

use cadre_eval::{
    decode_assessment, evaluate, evaluate_json, evaluate_json_array, evaluate_json_lines,
    evaluate_sheets, evaluate_valid, record_columns, row_values, sheet_assessments, used_columns,
    validate, validate_with, Assessment, BasicTargets, BatchOptions, CollectiveInput,
    CollectiveKind, Conclusions, ConfidenceVote, Decision, DecisionRecord, DisciplineForm,
    DisciplineInput, LeaderInput, LeaveInput, Level, Mitigation, Options, Outcome, PartyStatus,
    PeriodInput, Points, Procedure, Reading, ScoreInput, SheetTable, SheetValue, ShortcomingsInput,
    SubjectInput, SubjectKind, TargetsReading, TasksInput, TemplateValue, TemporaryActivity,
    UnitsInCharge, ValidateOptions,
};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use serde_json::{Number, Value};

// ---------------------------------------------------------------------------------
// Valid assessments
// ---------------------------------------------------------------------------------

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn plus_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days))).unwrap()
}

fn minus_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(days))).unwrap()
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap()
}

/// Hundredths of a point as a sender would write them; `as_float` writes whole points
/// as `27.0`, which is still valid.
fn points_number(hundredths: u32, as_float: bool) -> Number {
    if hundredths % 100 == 0 && !as_float {
        Number::from(hundredths / 100)
    } else {
        Number::from_f64(f64::from(hundredths) / 100.0).unwrap()
    }
}

fn hundredths(number: &Number) -> u32 {
    u32::try_from(Points::from_json_number(number).unwrap().hundredths()).unwrap()
}

/// A period under QĐ 366 with its first and last day: a year, a quarter from Q3 2025,
/// or an explicit span starting from September 2025.
fn period() -> impl Strategy<Value = (PeriodInput, NaiveDate, NaiveDate)> {
    prop_oneof![
        (2025i32..=2027).prop_map(|year| (
            PeriodInput {
                year: Some(year),
                ..PeriodInput::default()
            },
            day(year, 1, 1),
            day(year, 12, 31)
        )),
        (2u32..12).prop_map(|n| {
            let (year, quarter) = (2025 + i32::try_from(n / 4).unwrap(), n % 4 + 1);
            let from = day(year, (quarter - 1) * 3 + 1, 1);
            let to = from
                .checked_add_months(chrono::Months::new(3))
                .unwrap()
                .pred_opt()
                .unwrap();
            (
                PeriodInput {
                    year: Some(year),
                    quarter: Some(quarter),
                    ..PeriodInput::default()
                },
                from,
                to,
            )
        }),
        (0u32..400, 0u32..400).prop_map(|(start, length)| {
            let from = plus_days(day(2025, 9, 1), start);
            let to = plus_days(from, length);
            let input = PeriodInput {
                from: Some(from.to_string()),
                to: Some(to.to_string()),
                ..PeriodInput::default()
            };
            (input, from, to)
        }),
    ]
}

#[derive(Debug, Clone, Copy)]
enum Who {
    Member,
    Leader,
    Collective(CollectiveKind),
}

fn who() -> impl Strategy<Value = Who> {
    prop_oneof![
        4 => Just(Who::Member),
        3 => Just(Who::Leader),
        1 => Just(Who::Collective(CollectiveKind::Leadership)),
        1 => prop_oneof![
            Just(CollectiveKind::PartyCommittee),
            Just(CollectiveKind::PartyOrganisation),
            Just(CollectiveKind::Agency),
        ]
        .prop_map(Who::Collective),
    ]
}

/// Mostly zero, sometimes anything up to `max`: most subjects finish their tasks.
fn mostly_zero(max: u32) -> impl Strategy<Value = u32> {
    prop_oneof![3 => Just(0u32), 1 => 0..=max]
}

fn rare() -> impl Strategy<Value = bool> {
    proptest::bool::weighted(0.1)
}

#[derive(Debug, Clone)]
struct SubjectParts {
    flag: Option<bool>,
    party_status: Option<PartyStatus>,
    admitted_days_before: Option<u32>,
    temporary_activity: Option<(String, bool)>,
    established_days_before: Option<u32>,
}

fn subject_parts() -> impl Strategy<Value = SubjectParts> {
    (
        proptest::option::of(any::<bool>()),
        prop_oneof![
            6 => Just(None),
            2 => Just(Some(PartyStatus::Active)),
            1 => Just(Some(PartyStatus::Exempted)),
            1 => Just(Some(PartyStatus::Suspended)),
        ],
        proptest::option::of(prop_oneof![4 => 200u32..15_000, 1 => 0u32..400]),
        proptest::option::weighted(0.1, ("[a-z]{1,10}", any::<bool>())),
        proptest::option::of(0u32..20_000),
    )
        .prop_map(
            |(
                flag,
                party_status,
                admitted_days_before,
                temporary_activity,
                established_days_before,
            )| SubjectParts {
                flag,
                party_status,
                admitted_days_before,
                temporary_activity,
                established_days_before,
            },
        )
}

/// `(general, task_results)` in hundredths, mostly in the upper half, then rounded to
/// whole points, halves, or left in hundredths.
fn score_parts() -> impl Strategy<Value = (u32, u32, u32, bool)> {
    (
        prop_oneof![1 => 0u32..=3_000, 3 => 2_000u32..=3_000],
        prop_oneof![1 => 0u32..=7_000, 3 => 4_500u32..=7_000],
        0u32..3,
        rare(),
    )
}

/// `(assigned, unfinished, late, exceeded, not_completed)`, made consistent by `build`.
type TaskParts = (u32, u32, u32, u32, Option<u32>);

fn task_parts() -> impl Strategy<Value = TaskParts> {
    (
        0u32..=40,
        mostly_zero(40),
        mostly_zero(40),
        0u32..=40,
        proptest::option::of(0u32..=40),
    )
}

/// `(form, decided_on offset, duty_related, at_previous_unit, counted_before, about_member)`.
type DisciplineParts = (u8, u32, Option<bool>, bool, bool, bool);

fn discipline_parts() -> impl Strategy<Value = Vec<DisciplineParts>> {
    proptest::collection::vec(
        (
            0u8..4,
            any::<u32>(),
            proptest::option::of(any::<bool>()),
            rare(),
            rare(),
            any::<bool>(),
        ),
        0..=2,
    )
}

/// `(confidence vote, units in charge, basic targets, scope corruption)`.
type LeaderParts = (
    Option<(u32, u32)>,
    Option<(u32, u32)>,
    Option<(bool, u32)>,
    bool,
);

fn leader_parts() -> impl Strategy<Value = Option<LeaderParts>> {
    proptest::option::of((
        proptest::option::of((any::<u32>(), 1u32..=100)),
        proptest::option::of((any::<u32>(), 0u32..=10)),
        proptest::option::of((any::<bool>(), 0u32..=5)),
        rare(),
    ))
}

type CollectiveParts = (Option<u32>, Option<(bool, u32)>);

fn collective_parts() -> impl Strategy<Value = Option<CollectiveParts>> {
    proptest::option::of((
        proptest::option::of(0u32..=3),
        proptest::option::of((any::<bool>(), 0u32..=5)),
    ))
}

#[derive(Debug, Clone)]
struct Parts {
    id: String,
    period: (PeriodInput, NaiveDate, NaiveDate),
    as_of: Option<u32>,
    explicit_regime: bool,
    who: Who,
    subject: SubjectParts,
    score: (u32, u32, u32, bool),
    tasks: TaskParts,
    shortcomings: Option<(u32, u32)>,
    leave: Option<(Option<u32>, bool)>,
    discipline: Vec<DisciplineParts>,
    conclusions: [bool; 5],
    leader: Option<LeaderParts>,
    collective: Option<CollectiveParts>,
    mitigation: (bool, bool),
    open_complaints: bool,
    quota_group: Option<String>,
}

fn parts() -> impl Strategy<Value = Parts> {
    (
        (
            "[a-z0-9-]{1,16}",
            period(),
            proptest::option::of(any::<u32>()),
            any::<bool>(),
        ),
        (who(), subject_parts()),
        (
            score_parts(),
            task_parts(),
            proptest::option::of((0u32..=5, 0u32..=5)),
            proptest::option::weighted(0.2, (proptest::option::of(0u32..=1_200), any::<bool>())),
        ),
        (
            discipline_parts(),
            [rare(), rare(), rare(), rare(), rare()],
            leader_parts(),
            collective_parts(),
        ),
        (
            (rare(), rare()),
            rare(),
            proptest::option::of("[a-z0-9/-]{1,20}"),
        ),
    )
        .prop_map(|(head, subject, facts, findings, tail)| {
            let (id, period, as_of, explicit_regime) = head;
            let (who, subject) = subject;
            let (score, tasks, shortcomings, leave) = facts;
            let (discipline, conclusions, leader, collective) = findings;
            let (mitigation, open_complaints, quota_group) = tail;
            Parts {
                id,
                period,
                as_of,
                explicit_regime,
                who,
                subject,
                score,
                tasks,
                shortcomings,
                leave,
                discipline,
                conclusions,
                leader,
                collective,
                mitigation,
                open_complaints,
                quota_group,
            }
        })
}

/// Builds a valid assessment: every count, date and field made consistent with the rest.
fn build(p: Parts) -> Assessment {
    let (period, from, to) = p.period;
    let length = days_between(from, to);
    // The evaluation day: in the period, or up to 60 days after it.
    let as_of_day = p
        .as_of
        .map(|offset| plus_days(from, offset % (length + 61)));
    let evaluation_day = as_of_day.unwrap_or(to);
    let (kind, collective_kind) = match p.who {
        Who::Member => (SubjectKind::Member, None),
        Who::Leader => (SubjectKind::Leader, None),
        Who::Collective(sub_kind) => (SubjectKind::Collective, Some(sub_kind)),
    };
    let individual = kind != SubjectKind::Collective;
    let leadership = collective_kind == Some(CollectiveKind::Leadership);

    let s = p.subject;
    let subject = SubjectInput {
        kind,
        in_political_system: if kind == SubjectKind::Member {
            s.flag
        } else {
            None
        },
        centrally_managed: if kind == SubjectKind::Leader {
            s.flag
        } else {
            None
        },
        collective_kind,
        party_status: if individual { s.party_status } else { None },
        admitted_on: s
            .admitted_days_before
            .filter(|_| individual)
            .map(|d| minus_days(evaluation_day, d).to_string()),
        established_on: s
            .established_days_before
            .filter(|_| !individual)
            .map(|d| minus_days(evaluation_day, d).to_string()),
        temporary_activity: s.temporary_activity.filter(|_| individual).map(
            |(unit, comment_received)| TemporaryActivity {
                unit,
                comment_received,
            },
        ),
        employment: None,
        unit_regulation: None,
    };

    let (general, task_results, granularity, as_float) = p.score;
    let round = |h: u32| match granularity {
        0 => h - h % 100,
        1 => h - h % 50,
        _ => h,
    };
    let score = ScoreInput::points(
        points_number(round(general), as_float),
        points_number(round(task_results), as_float),
    );

    let (assigned, unfinished, late, exceeded, not_completed) = p.tasks;
    let completed = assigned - unfinished.min(assigned);
    let tasks = TasksInput {
        assigned,
        completed,
        on_time: completed - late.min(completed),
        exceeded: exceeded.min(completed),
        not_completed: not_completed.map(|f| f.min(assigned - completed)),
        poor: None,
    };

    let discipline = p
        .discipline
        .into_iter()
        .map(
            |(form, offset, duty_related, at_previous_unit, counted_before, about_member)| {
                let about_member = about_member && !individual;
                let forms = if individual || about_member {
                    [
                        DisciplineForm::Reprimand,
                        DisciplineForm::Warning,
                        DisciplineForm::Removal,
                        DisciplineForm::Expulsion,
                    ]
                } else {
                    [
                        DisciplineForm::Reprimand,
                        DisciplineForm::Warning,
                        DisciplineForm::Dissolution,
                        DisciplineForm::Reprimand,
                    ]
                };
                // From 60 days before the period to 60 days after it.
                let decided_on = plus_days(minus_days(from, 60), offset % (length + 121));
                DisciplineInput {
                    form: forms[usize::from(form % 4)],
                    decided_on: decided_on.to_string(),
                    duty_related,
                    at_previous_unit,
                    counted_before,
                    member_id: about_member.then(|| "m-1".to_owned()),
                    kind: None,
                }
            },
        )
        .collect();

    let [degradation, prohibition_breach, exemplary_breach, cadre_work_violation, member_degradation] =
        p.conclusions;
    let conclusions = Conclusions {
        degradation: degradation && individual,
        prohibition_breach: prohibition_breach && individual,
        exemplary_breach: exemplary_breach && individual,
        cadre_work_violation: cadre_work_violation && leadership,
        member_degradation: (member_degradation && leadership).then_some(true),
        disunity: false,
    };
    let targets = |(applicable, missed): (bool, u32)| BasicTargets {
        applicable,
        missed: if applicable { missed } else { 0 },
    };
    let leader = p.leader.filter(|_| kind == SubjectKind::Leader).map(
        |(vote, units, basic_targets, scope)| LeaderInput {
            confidence_vote: vote.map(|(low, total)| ConfidenceVote {
                low: low % (total + 1),
                total,
            }),
            units_in_charge: units.map(|(nc, total)| UnitsInCharge {
                total,
                not_completed: nc % (total + 1),
            }),
            basic_targets: basic_targets.map(targets),
            scope_corruption_disciplined: scope,
            ..LeaderInput::default()
        },
    );
    let collective = p
        .collective
        .filter(|_| !individual)
        .map(|(subordinates, basic_targets)| CollectiveInput {
            subordinate_units_disciplined: subordinates,
            basic_targets: basic_targets.filter(|_| leadership).map(targets),
            ..CollectiveInput::default()
        });

    Assessment {
        id: p.id,
        period,
        as_of: as_of_day.map(|d| d.to_string()),
        regime: p.explicit_regime.then(|| "qd366".to_owned()),
        subject,
        score: Some(score),
        grades: None,
        civil_service_level: None,
        tasks: Some(tasks),
        shortcomings: p.shortcomings.map(|(identified, fixed)| ShortcomingsInput {
            identified,
            fixed: fixed.min(identified),
        }),
        leave: p
            .leave
            .filter(|_| individual)
            .map(|(sick, maternity)| LeaveInput {
                sick_months: sick.map(|h| points_number(h, false)),
                maternity,
                kind: None,
                months_absent: None,
                months_worked: None,
            }),
        discipline,
        conclusions,
        leader,
        collective,
        mitigation: Mitigation {
            self_detected_and_remedied: p.mitigation.0,
            force_majeure: p.mitigation.1,
        },
        procedure: Procedure {
            open_complaints: p.open_complaints,
        },
        quota_group: p.quota_group,
        conduct: None,
        agency: None,
        criteria: None,
        managed_units: None,
        rating: None,
        periods: None,
        unit: None,
        unit_level: None,
        state_rating: None,
    }
}

fn valid_assessment() -> impl Strategy<Value = Assessment> {
    parts().prop_map(build)
}

/// A valid assessment of a collective of any sub-kind.
fn valid_collective() -> impl Strategy<Value = Assessment> {
    (
        parts(),
        prop_oneof![
            Just(CollectiveKind::Leadership),
            Just(CollectiveKind::PartyCommittee),
            Just(CollectiveKind::PartyOrganisation),
            Just(CollectiveKind::Agency),
        ],
    )
        .prop_map(|(mut p, kind)| {
            p.who = Who::Collective(kind);
            build(p)
        })
}

/// A day on which a discipline decision counts for `a`'s period.
fn counted_day(a: &Assessment) -> String {
    let valid = validate(a).unwrap();
    valid
        .period
        .from
        .max(valid.period.to.min(valid.as_of))
        .to_string()
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop_oneof![Just(Reading::Cascade), Just(Reading::Strict)],
        prop_oneof![Just(TargetsReading::Any), Just(TargetsReading::All)],
    )
        .prop_map(|(reading, basic_targets)| Options {
            reading,
            basic_targets,
            leader_components: Default::default(),
            rounding: Default::default(),
            state_cap: Default::default(),
        })
}

// ---------------------------------------------------------------------------------
// Comparing decisions
// ---------------------------------------------------------------------------------

fn decide(a: &Assessment, options: &Options) -> Decision {
    match evaluate(a, options) {
        Ok(decision) => decision,
        Err(errors) => panic!("a valid record failed to evaluate: {errors}\n{a:#?}"),
    }
}

/// `lower` is not classified above `upper` (see the file's documentation).
fn not_above(lower: &Decision, upper: &Decision) -> Result<(), TestCaseError> {
    match (lower.outcome, upper.outcome) {
        (Outcome::NotClassified, Outcome::NotClassified) => Ok(()),
        (Outcome::NotClassified, _) | (_, Outcome::NotClassified) => {
            Err(TestCaseError::fail(format!(
                "the change altered who is classified: {:?} vs {:?}",
                lower.outcome, upper.outcome
            )))
        }
        (Outcome::Classified, Outcome::Classified) => {
            prop_assert!(
                lower.level <= upper.level,
                "{:?} is above {:?} (rules {:?} vs {:?})",
                lower.level,
                upper.level,
                lower.rule_ids().collect::<Vec<_>>(),
                upper.rule_ids().collect::<Vec<_>>()
            );
            Ok(())
        }
        (Outcome::Undetermined, _) | (_, Outcome::Undetermined) => Ok(()),
    }
}

/// `not_above` under the given options and, when those read `strict`, under `cascade` too.
fn assert_not_above(
    lower: &Assessment,
    upper: &Assessment,
    options: &Options,
) -> Result<(), TestCaseError> {
    prop_assert!(
        validate(lower).is_ok() && validate(upper).is_ok(),
        "a derived record is invalid"
    );
    not_above(&decide(lower, options), &decide(upper, options))?;
    let cascade = Options {
        reading: Reading::Cascade,
        ..*options
    };
    not_above(&decide(lower, &cascade), &decide(upper, &cascade))
}

// ---------------------------------------------------------------------------------
// Changes that can only help, and changes that can only hurt
// ---------------------------------------------------------------------------------

fn with_score(a: &Assessment, general: u32, task_results: u32) -> Assessment {
    let mut raised = a.clone();
    raised.score = Some(ScoreInput::points(
        points_number(general, false),
        points_number(task_results, false),
    ));
    raised
}

/// A change that hurts the subject, and whether the text makes it a Not-completed trigger.
struct Adverse {
    name: &'static str,
    record: Assessment,
    is_trigger: bool,
}

/// Every adverse change that applies to `a`'s kind of subject (rules-qd366 §4, 11.4).
fn adverse_changes(a: &Assessment) -> Vec<Adverse> {
    // A day on which a discipline decision counts for this period.
    let counted_day = counted_day(a);
    let tasks = a.tasks.unwrap();
    let kind = a.subject.kind;
    let leadership = a.subject.collective_kind == Some(CollectiveKind::Leadership);
    let mut changes = Vec::new();
    let mut add = |name: &'static str, is_trigger: bool, change: &dyn Fn(&mut Assessment)| {
        let mut record = a.clone();
        change(&mut record);
        changes.push(Adverse {
            name,
            record,
            is_trigger,
        });
    };
    let discipline = |member_id: Option<&str>| DisciplineInput {
        form: DisciplineForm::Reprimand,
        decided_on: counted_day.clone(),
        duty_related: None,
        at_previous_unit: false,
        counted_before: false,
        member_id: member_id.map(str::to_owned),
        kind: None,
    };
    // Under 70% of planned tasks completed: 10·c < 7·n.
    let plan_missed = |r: &mut Assessment| {
        let assigned = tasks.assigned.max(1);
        let completed = (7 * assigned - 1) / 10;
        let t = r.tasks.as_mut().unwrap();
        *t = TasksInput {
            assigned,
            completed,
            on_time: tasks.on_time.min(completed),
            exceeded: tasks.exceeded.min(completed),
            not_completed: tasks.not_completed.map(|f| f.min(assigned - completed)),
            poor: None,
        };
    };
    let targets_missed = BasicTargets {
        applicable: true,
        missed: 5,
    };

    add("one more task late", false, &|r| {
        let t = r.tasks.as_mut().unwrap();
        t.on_time = t.on_time.saturating_sub(1);
    });
    match kind {
        SubjectKind::Member => {
            add("degradation", true, &|r| r.conclusions.degradation = true);
            add("prohibition breach", true, &|r| {
                r.conclusions.prohibition_breach = true
            });
            add("exemplary breach", true, &|r| {
                r.conclusions.exemplary_breach = true
            });
            add("duty-related discipline in the period", true, &|r| {
                r.discipline.push(discipline(None))
            });
            add("over half the tasks not completed", true, &|r| {
                let assigned = tasks.assigned.max(1);
                let failed = assigned / 2 + 1;
                let completed = assigned - failed;
                *r.tasks.as_mut().unwrap() = TasksInput {
                    assigned,
                    completed,
                    on_time: tasks.on_time.min(completed),
                    exceeded: tasks.exceeded.min(completed),
                    not_completed: tasks.not_completed.map(|_| failed),
                    poor: None,
                };
            });
        }
        SubjectKind::Leader => {
            add("degradation", true, &|r| r.conclusions.degradation = true);
            // conduct.md: for a leader a breach counts only through a degradation conclusion.
            add("exemplary breach", false, &|r| {
                r.conclusions.exemplary_breach = true
            });
            add("duty-related discipline in the period", true, &|r| {
                r.discipline.push(discipline(None))
            });
            add("under 70% of the plan", true, &plan_missed);
            add("basic targets missed", true, &|r| {
                r.leader
                    .get_or_insert_with(LeaderInput::default)
                    .basic_targets = Some(targets_missed)
            });
            add("over half low-confidence votes", true, &|r| {
                let leader = r.leader.get_or_insert_with(LeaderInput::default);
                let total = leader.confidence_vote.map_or(10, |v| v.total.max(1));
                leader.confidence_vote = Some(ConfidenceVote {
                    low: total / 2 + 1,
                    total,
                });
            });
            add("over half the units not completed", true, &|r| {
                let leader = r.leader.get_or_insert_with(LeaderInput::default);
                let total = leader.units_in_charge.map_or(4, |u| u.total.max(1));
                leader.units_in_charge = Some(UnitsInCharge {
                    total,
                    not_completed: total / 2 + 1,
                });
            });
            add("corruption in scope, disciplined", true, &|r| {
                r.leader
                    .get_or_insert_with(LeaderInput::default)
                    .scope_corruption_disciplined = true;
            });
        }
        SubjectKind::Collective if leadership => {
            add("cadre-work violation", true, &|r| {
                r.conclusions.cadre_work_violation = true
            });
            add("its own duty-related discipline", true, &|r| {
                r.discipline.push(discipline(None))
            });
            add("a member's degradation", true, &|r| {
                r.conclusions.member_degradation = Some(true)
            });
            add("a member's duty-related discipline", true, &|r| {
                r.discipline.push(discipline(Some("m-9")))
            });
            add("under 70% of the plan", true, &plan_missed);
            add("basic targets missed", true, &|r| {
                r.collective
                    .get_or_insert_with(CollectiveInput::default)
                    .basic_targets = Some(targets_missed);
            });
        }
        SubjectKind::Collective => {
            // No Not-completed trigger applies; these only block Excellent.
            add("a member's duty-related discipline", false, &|r| {
                r.discipline.push(discipline(Some("m-9")))
            });
            add("its own discipline", false, &|r| {
                r.discipline.push(discipline(None))
            });
            add("one more subordinate unit disciplined", false, &|r| {
                let c = r.collective.get_or_insert_with(CollectiveInput::default);
                c.subordinate_units_disciplined =
                    Some(c.subordinate_units_disciplined.unwrap_or(0) + 1);
            });
        }
    }
    changes
}

// ---------------------------------------------------------------------------------
// Emitting JSON with keys in any order
// ---------------------------------------------------------------------------------

/// FNV-1a, to order keys by a seed without a hashing dependency.
fn key_rank(seed: u64, key: &str) -> u64 {
    key.bytes()
        .fold(0xcbf2_9ce4_8422_2325 ^ seed, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// Writes `value` as JSON with every object's keys reversed (`seed = 0`) or shuffled by `seed`.
fn emit(value: &Value, seed: u64, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            if seed == 0 {
                keys.reverse();
            } else {
                keys.sort_by_key(|key| key_rank(seed, key));
            }
            out.push('{');
            for (position, key) in keys.into_iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push(':');
                emit(&map[key], seed, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (position, item) in items.iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                emit(item, seed, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&serde_json::to_string(scalar).unwrap()),
    }
}

// ---------------------------------------------------------------------------------
// Arbitrary (mostly invalid) input
// ---------------------------------------------------------------------------------

fn any_number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from),
        any::<u64>().prop_map(Number::from),
        any::<f64>().prop_filter_map("finite", Number::from_f64),
        (-20_000i64..20_000).prop_map(|h| Number::from_f64(h as f64 / 1000.0).unwrap()),
        (-100i64..200).prop_map(Number::from),
    ]
}

fn any_date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (1890i32..2210, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        Just("9999-12-31".to_owned()),
        Just("0000-01-01".to_owned()),
        ".{0,12}",
    ]
}

fn any_count() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..50, any::<u32>(), 999_990u32..1_000_010]
}

fn any_targets() -> impl Strategy<Value = BasicTargets> {
    (any::<bool>(), any_count())
        .prop_map(|(applicable, missed)| BasicTargets { applicable, missed })
}

fn any_discipline_record() -> impl Strategy<Value = DisciplineInput> {
    let form = prop_oneof![
        Just(DisciplineForm::Reprimand),
        Just(DisciplineForm::Warning),
        Just(DisciplineForm::Removal),
        Just(DisciplineForm::Expulsion),
        Just(DisciplineForm::Dissolution),
    ];
    (
        form,
        any_date_text(),
        proptest::option::of(any::<bool>()),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(".{0,10}"),
    )
        .prop_map(
            |(form, decided_on, duty_related, at_previous_unit, counted_before, member_id)| {
                DisciplineInput {
                    form,
                    decided_on,
                    duty_related,
                    at_previous_unit,
                    counted_before,
                    member_id,
                    kind: None,
                }
            },
        )
}

fn any_assessment() -> impl Strategy<Value = Assessment> {
    let period = (
        proptest::option::of(prop_oneof![1890i32..2210, any::<i32>()]),
        proptest::option::of(prop_oneof![0u32..6, any::<u32>()]),
        proptest::option::of(any_date_text()),
        proptest::option::of(any_date_text()),
    )
        .prop_map(|(year, quarter, from, to)| PeriodInput {
            year,
            quarter,
            from,
            to,
        });
    let kind = prop_oneof![
        Just(SubjectKind::Member),
        Just(SubjectKind::Leader),
        Just(SubjectKind::Collective)
    ];
    let collective_kind = proptest::option::of(prop_oneof![
        Just(CollectiveKind::Leadership),
        Just(CollectiveKind::PartyCommittee),
        Just(CollectiveKind::PartyOrganisation),
        Just(CollectiveKind::Agency),
    ]);
    let party_status = proptest::option::of(prop_oneof![
        Just(PartyStatus::Active),
        Just(PartyStatus::Exempted),
        Just(PartyStatus::Suspended)
    ]);
    let subject = (
        kind,
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        collective_kind,
        party_status,
        proptest::option::of(any_date_text()),
        proptest::option::of(any_date_text()),
        proptest::option::of((".{0,300}", any::<bool>())),
    )
        .prop_map(
            |(
                kind,
                in_political_system,
                centrally_managed,
                collective_kind,
                party_status,
                admitted_on,
                established_on,
                temp,
            )| {
                SubjectInput {
                    kind,
                    in_political_system,
                    centrally_managed,
                    collective_kind,
                    party_status,
                    admitted_on,
                    established_on,
                    temporary_activity: temp.map(|(unit, comment_received)| TemporaryActivity {
                        unit,
                        comment_received,
                    }),
                    employment: None,
                    unit_regulation: None,
                }
            },
        );
    let tasks = (
        any_count(),
        any_count(),
        any_count(),
        any_count(),
        proptest::option::of(any_count()),
    )
        .prop_map(
            |(assigned, completed, on_time, exceeded, not_completed)| TasksInput {
                assigned,
                completed,
                on_time,
                exceeded,
                not_completed,
                poor: None,
            },
        );
    let discipline = prop_oneof![
        4 => proptest::collection::vec(any_discipline_record(), 0..3),
        1 => proptest::collection::vec(any_discipline_record(), 99..=102),
    ];
    let leader = proptest::option::of((
        proptest::option::of((any_count(), any_count())),
        proptest::option::of((any_count(), any_count())),
        proptest::option::of(any_targets()),
        any::<bool>(),
    ))
    .prop_map(|leader| {
        leader.map(|(vote, units, basic_targets, scope)| LeaderInput {
            confidence_vote: vote.map(|(low, total)| ConfidenceVote { low, total }),
            units_in_charge: units.map(|(not_completed, total)| UnitsInCharge {
                total,
                not_completed,
            }),
            basic_targets,
            scope_corruption_disciplined: scope,
            ..LeaderInput::default()
        })
    });
    let collective = proptest::option::of((
        proptest::option::of(any_count()),
        proptest::option::of(any_targets()),
    ))
    .prop_map(|c| {
        c.map(
            |(subordinate_units_disciplined, basic_targets)| CollectiveInput {
                subordinate_units_disciplined,
                basic_targets,
                ..CollectiveInput::default()
            },
        )
    });
    let conclusions =
        proptest::array::uniform5(any::<bool>()).prop_map(|[a, b, c, d, e]| Conclusions {
            degradation: a,
            prohibition_breach: b,
            exemplary_breach: c,
            cadre_work_violation: d,
            member_degradation: e.then_some(true),
            disunity: false,
        });
    (
        (
            prop_oneof![".{0,20}", ".{250,260}"],
            period,
            proptest::option::of(any_date_text()),
            proptest::option::of(prop_oneof![
                Just("qd366".to_owned()),
                Just("qd124".to_owned()),
                Just("qd132".to_owned()),
                ".{0,6}"
            ]),
            subject,
        ),
        (
            proptest::option::of((any_number(), any_number())),
            proptest::option::of(tasks),
            proptest::option::of((any_count(), any_count())),
            proptest::option::of((proptest::option::of(any_number()), any::<bool>())),
            discipline,
        ),
        (
            conclusions,
            leader,
            collective,
            any::<(bool, bool, bool)>(),
            proptest::option::of(".{0,300}"),
        ),
    )
        .prop_map(
            |(
                (id, period, as_of, regime, subject),
                (score, tasks, shortcomings, leave, discipline),
                tail,
            )| {
                let (
                    conclusions,
                    leader,
                    collective,
                    (self_detected, force_majeure, open_complaints),
                    quota_group,
                ) = tail;
                Assessment {
                    id,
                    period,
                    as_of,
                    regime,
                    subject,
                    score: score
                        .map(|(general, task_results)| ScoreInput::points(general, task_results)),
                    grades: None,
                    civil_service_level: None,
                    tasks,
                    shortcomings: shortcomings
                        .map(|(identified, fixed)| ShortcomingsInput { identified, fixed }),
                    leave: leave.map(|(sick_months, maternity)| LeaveInput {
                        sick_months,
                        maternity,
                        kind: None,
                        months_absent: None,
                        months_worked: None,
                    }),
                    discipline,
                    conclusions,
                    leader,
                    collective,
                    mitigation: Mitigation {
                        self_detected_and_remedied: self_detected,
                        force_majeure,
                    },
                    procedure: Procedure { open_complaints },
                    quota_group,
                    conduct: None,
                    agency: None,
                    criteria: None,
                    managed_units: None,
                    rating: None,
                    periods: None,
                    unit: None,
                    unit_level: None,
                    state_rating: None,
                }
            },
        )
}

/// Everything a caller can do with text: decode, evaluate, render, and the batch paths.
fn exercise_text(text: &str) {
    if let Ok(assessment) = decode_assessment(text) {
        for reading in [Reading::Cascade, Reading::Strict] {
            if let Ok(decision) = evaluate(
                &assessment,
                &Options {
                    reading,
                    ..Options::default()
                },
            ) {
                let _ = decision.to_record();
                let _ = decision.deciding_reason();
            }
        }
    }
    let _ = evaluate_json_lines(text, &Options::default());
    let _ = evaluate_json_array(text, &Options::default());
}

// ---------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The generator itself: every record it builds is valid, so the properties below
    /// speak about valid input.
    #[test]
    fn generated_assessments_are_valid(a in valid_assessment()) {
        if let Err(errors) = validate(&a) {
            return Err(TestCaseError::fail(format!("{errors}")));
        }
    }

    /// Raising `general` or `task_results` (within its range, nothing else changed) never
    /// lowers the level.
    #[test]
    fn raising_a_score_never_lowers_the_level(
        a in valid_assessment(),
        options in options(),
        raise_general in any::<bool>(),
        raise in 1u32..=7_000,
    ) {
        let score = a.score.clone().unwrap();
        let (general, task_results) = (
            hundredths(score.general.as_ref().unwrap()),
            hundredths(score.task_results.as_ref().unwrap()),
        );
        let raised = if raise_general {
            with_score(&a, (general + raise).min(3_000), task_results)
        } else {
            with_score(&a, general, (task_results + raise).min(7_000))
        };
        assert_not_above(&a, &raised, &options)?;
    }

    /// Adding an adverse fact never raises the level; adding a Not-completed trigger of
    /// Art. 11.4 makes a classified subject Not completed under either reading (a claimed
    /// mitigation only adds an alternative).
    #[test]
    fn adding_a_trigger_never_raises_the_level(a in valid_assessment(), options in options()) {
        let before = decide(&a, &options);
        for change in adverse_changes(&a) {
            prop_assert!(validate(&change.record).is_ok(), "change `{}` made the record invalid", change.name);
            assert_not_above(&change.record, &a, &options)?;
            let after = decide(&change.record, &options);
            if change.is_trigger && before.outcome != Outcome::NotClassified {
                prop_assert_eq!(after.outcome, Outcome::Classified, "after `{}`", change.name);
                prop_assert_eq!(after.level, Some(Level::NotCompleted), "after `{}`", change.name);
            }
        }
    }

    /// A collective's own discipline counted in the period (a record without `member_id`,
    /// rules-qd366 §4 and §7 as revised on 7/12/2026) never raises the level. It rules
    /// out Excellent; for a leadership collective disciplined for a violation tied to its
    /// duties it is a trigger (Not completed); for a party committee, party organisation
    /// or agency the decision needs a decision.
    #[test]
    fn a_collectives_own_discipline_never_raises_the_level(
        a in valid_collective(),
        options in options(),
        form in 0usize..3,
        duty_related in proptest::option::of(any::<bool>()),
    ) {
        let mut disciplined = a.clone();
        disciplined.discipline.push(DisciplineInput {
            form: [DisciplineForm::Reprimand, DisciplineForm::Warning, DisciplineForm::Dissolution][form],
            decided_on: counted_day(&a),
            duty_related,
            at_previous_unit: false,
            counted_before: false,
            member_id: None,
            kind: None,
        });
        assert_not_above(&disciplined, &a, &options)?;
        let after = decide(&disciplined, &options);
        prop_assert_ne!(after.level, Some(Level::Excellent));
        let leadership = a.subject.collective_kind == Some(CollectiveKind::Leadership);
        if leadership && duty_related != Some(false) {
            prop_assert_eq!(after.level, Some(Level::NotCompleted));
            prop_assert!(after.rule_ids().any(|id| id == "qd366.11.4.T.own_discipline"));
        } else if !leadership {
            prop_assert!(after.needs_decision);
            prop_assert!(after.rule_ids().any(|id| id == "qd366.7.own_discipline"));
        }
    }

    /// Claiming a mitigation (self-detected and remedied, force majeure, or both) never
    /// lowers the level; what it opens is an alternative, never below the level, and a
    /// decision with an alternative needs a decision (rules-qd366 §5).
    #[test]
    fn a_mitigation_never_lowers_the_level(a in valid_assessment(), options in options(), claim in 1u8..4) {
        let mut without = a.clone();
        without.mitigation = Mitigation::default();
        let mut with = a.clone();
        with.mitigation = Mitigation {
            self_detected_and_remedied: claim & 1 != 0,
            force_majeure: claim & 2 != 0,
        };
        assert_not_above(&without, &with, &options)?;
        let claimed = decide(&with, &options);
        for alternative in &claimed.alternatives {
            prop_assert!(alternative.level.is_none_or(|l| Some(l) >= claimed.level));
            prop_assert!(claimed.needs_decision);
        }
    }

    /// Fixing one more shortcoming identified at the previous review never lowers the level.
    #[test]
    fn fixing_a_shortcoming_never_lowers_the_level(a in valid_assessment(), options in options()) {
        let mut before = a.clone();
        let current = a.shortcomings.unwrap_or(ShortcomingsInput { identified: 0, fixed: 0 });
        // Make sure one is left to fix.
        let identified = current.identified.max(current.fixed + 1);
        before.shortcomings = Some(ShortcomingsInput { identified, fixed: current.fixed });
        let mut after = before.clone();
        after.shortcomings = Some(ShortcomingsInput { identified, fixed: current.fixed + 1 });
        assert_not_above(&before, &after, &options)?;
    }

    /// The same record gives the same decision, the same record and the same JSON, every time.
    #[test]
    fn evaluation_is_deterministic(a in valid_assessment(), options in options()) {
        let first = decide(&a, &options);
        let second = decide(&a.clone(), &options);
        prop_assert_eq!(&first, &second);
        let (first, second) = (first.to_record(), second.to_record());
        prop_assert_eq!(serde_json::to_string(&first).unwrap(), serde_json::to_string(&second).unwrap());
        prop_assert_eq!(first, second);
    }

    /// The order of keys in the JSON, at every level, changes nothing.
    #[test]
    fn evaluation_ignores_json_key_order(a in valid_assessment(), options in options(), seed in any::<u64>()) {
        let value = serde_json::to_value(&a).unwrap();
        for seed in [0, seed] {
            let mut text = String::new();
            emit(&value, seed, &mut text);
            let decoded = decode_assessment(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert_eq!(&decoded, &a);
            prop_assert_eq!(decide(&decoded, &options), decide(&a, &options));
        }
    }

    /// Every valid assessment survives JSON: serialize, decode, same record, same decision.
    #[test]
    fn valid_assessments_round_trip_through_json(a in valid_assessment(), options in options()) {
        let text = serde_json::to_string(&a).unwrap();
        let decoded = decode_assessment(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&decoded, &a);
        prop_assert_eq!(decide(&decoded, &options).to_record(), decide(&a, &options).to_record());
    }

    /// Invariants of every decision: `cascade` always decides; a level is never above
    /// the score's band; a level is given exactly when classified; `undetermined` always
    /// needs a decision.
    #[test]
    fn decisions_keep_their_invariants(a in valid_assessment(), options in options()) {
        let decision = decide(&a, &options);
        prop_assert_eq!(decision.reading, options.reading);
        if options.reading == Reading::Cascade {
            prop_assert_ne!(decision.outcome, Outcome::Undetermined);
        }
        if let (Some(level), Some(band)) = (decision.level, decision.band) {
            prop_assert!(level <= band, "level {:?} above band {:?}", level, band);
        }
        prop_assert_eq!(decision.level.is_some(), decision.outcome == Outcome::Classified);
        if decision.outcome == Outcome::Undetermined {
            prop_assert!(decision.needs_decision);
        }
    }

    /// Whenever `strict` proposes a level, it is the level `cascade` proposes: the
    /// readings differ only in what they do when the band's conditions fail.
    #[test]
    fn strict_agrees_with_cascade_whenever_it_decides(a in valid_assessment(), targets in prop_oneof![Just(TargetsReading::Any), Just(TargetsReading::All)]) {
        let strict = decide(&a, &Options { reading: Reading::Strict, basic_targets: targets,
    leader_components: Default::default(),
    rounding: Default::default(),
    state_cap: Default::default(),
});
        let cascade = decide(&a, &Options { reading: Reading::Cascade, basic_targets: targets,
    leader_components: Default::default(),
    rounding: Default::default(),
    state_cap: Default::default(),
});
        if strict.outcome != Outcome::Undetermined {
            prop_assert_eq!(strict.outcome, cascade.outcome);
            prop_assert_eq!(strict.level, cascade.level);
        }
    }

    /// No text makes decoding or evaluation panic: arbitrary Unicode, JSON-like noise,
    /// and valid records with a slice replaced.
    #[test]
    fn no_text_makes_evaluation_panic(
        noise in prop_oneof![".{0,200}", r#"[\[\]{}":,0-9a-z_. \-eE+]{0,200}"#],
        a in valid_assessment(),
        at in any::<proptest::sample::Index>(),
        cut in 0usize..20,
        patch in r#"[\[\]{}":,0-9a-z_. \-]{0,12}"#,
    ) {
        exercise_text(&noise);
        let text = serde_json::to_string(&a).unwrap();
        let start = at.index(text.len());
        let end = (start + cut).min(text.len());
        // Byte offsets may split a character: cut on the characters' boundaries.
        let (start, end) = (text.floor_char_boundary_compat(start), text.floor_char_boundary_compat(end));
        let mutated = format!("{}{}{}", &text[..start], patch, &text[end..]);
        exercise_text(&mutated);
    }

    /// No bytes make decoding or evaluation panic.
    #[test]
    fn no_bytes_make_evaluation_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        exercise_text(&String::from_utf8_lossy(&bytes));
    }

    /// No field values, in range or not, make validation or evaluation panic; a record
    /// that validates always evaluates.
    #[test]
    fn no_field_values_make_evaluation_panic(a in any_assessment(), options in options()) {
        if let Ok(valid) = validate(&a) {
            let decision = evaluate_valid(&valid, &options);
            prop_assert!(decision.is_ok(), "a validated record failed to evaluate: {:?}", decision.err());
            let _ = decision.map(|d| d.to_record());
        }
        let lenient = ValidateOptions { allow_regime_outside_span: true, ..ValidateOptions::default() };
        if let Ok(valid) = validate_with(&a, lenient) {
            let _ = evaluate_valid(&valid, &options).map(|d| d.to_record());
        }
        let _ = evaluate(&a, &options);
        let text = serde_json::to_string(&a).unwrap();
        exercise_text(&text);
    }
}

/// `str::floor_char_boundary` is not stable on the project's minimum Rust version.
trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, index: usize) -> usize;
}

impl FloorCharBoundary for String {
    fn floor_char_boundary_compat(&self, index: usize) -> usize {
        (0..=index.min(self.len()))
            .rev()
            .find(|&i| self.is_char_boundary(i))
            .unwrap_or(0)
    }
}

/// The generator reaches every outcome, so that the properties above are not vacuous:
/// each level, not classified, undetermined (strict), the cascade gap, a mitigation
/// alternative and every subject kind occur among 2,000 generated records.
#[test]
fn generator_reaches_every_outcome() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::collections::BTreeSet;

    let mut runner = TestRunner::deterministic();
    let strategy = valid_assessment();
    let mut seen = BTreeSet::new();
    for _ in 0..2_000 {
        let a = strategy.new_tree(&mut runner).unwrap().current();
        seen.insert(format!("{:?}", a.subject.kind));
        let cascade = decide(&a, &Options::default());
        let strict = decide(
            &a,
            &Options {
                reading: Reading::Strict,
                ..Options::default()
            },
        );
        seen.insert(match cascade.level {
            Some(level) => level.as_str().to_owned(),
            None => format!("{:?}", cascade.outcome),
        });
        seen.insert(format!("strict {:?}", strict.outcome));
        if cascade
            .rule_ids()
            .any(|id| id == "qd366.reading.cascade_gap")
        {
            seen.insert("cascade gap".to_owned());
        }
        if !cascade.alternatives.is_empty() {
            seen.insert("alternative".to_owned());
        }
    }
    let expected = [
        "Member",
        "Leader",
        "Collective",
        "excellent",
        "good",
        "completed",
        "not_completed",
        "NotClassified",
        "strict Undetermined",
        "cascade gap",
        "alternative",
    ];
    for outcome in expected {
        assert!(
            seen.contains(outcome),
            "never generated: {outcome}; seen {seen:?}"
        );
    }
}

// ---------------------------------------------------------------------------------
// Spreadsheet rows
// ---------------------------------------------------------------------------------

/// The cell a workbook holds for a template's value: numbers as binary floats, days as
/// date cells, choices and flags as the Vietnamese labels of the drop-downs.
fn sheet_cell(value: &TemplateValue) -> SheetValue {
    match value {
        TemplateValue::Text(text) | TemplateValue::Choice(text) => SheetValue::Text(text.clone()),
        TemplateValue::Whole(n) => SheetValue::Number(*n as f64),
        TemplateValue::Decimal(text) => SheetValue::Number(text.parse().unwrap()),
        TemplateValue::Date(iso) => SheetValue::DateTime(
            NaiveDate::parse_from_str(iso, "%Y-%m-%d")
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        ),
        TemplateValue::Flag(flag) => {
            SheetValue::Text(if *flag { "Có" } else { "Không" }.to_owned())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any valid record a row can hold (one discipline record at most), written to a
    /// template's row and read back, is the same record: the same validated record and
    /// the same decision. (A flag stated with its default, `duty_related: true`, and one
    /// left out are one record to every regime; a row does not tell them apart.)
    #[test]
    fn a_record_written_to_a_sheet_row_reads_back_as_the_same_record(
        assessment in valid_assessment(),
    ) {
        prop_assume!(assessment.discipline.len() <= 1);
        let valid = validate(&assessment).unwrap();
        let kinds = [assessment.subject.kind];
        let columns = record_columns(&kinds, valid.regime, false, &[], &used_columns(&assessment));
        let row = row_values(&assessment, &columns, Some("Nguyễn Văn A"), None).unwrap();
        let header: Vec<SheetValue> = columns
            .iter()
            .map(|c| SheetValue::Text(c.template_column(valid.regime).header.vi))
            .collect();
        let cells: Vec<SheetValue> = row
            .iter()
            .map(|v| v.as_ref().map_or(SheetValue::Empty, sheet_cell))
            .collect();
        let table = SheetTable {
            name: "Hồ sơ".to_owned(),
            rows: vec![header, cells],
            ..SheetTable::default()
        };
        let (read, rejected) = sheet_assessments(&[table]);
        prop_assert!(rejected.is_empty(), "{:?}", rejected);
        prop_assert_eq!(read.len(), 1);
        let back = &read[0].2;
        prop_assert_eq!(&validate(back).unwrap(), &valid);
        let options = Options::default();
        prop_assert_eq!(evaluate(back, &options).unwrap(), evaluate(&assessment, &options).unwrap());
    }
}

// ---------------------------------------------------------------------------------
// The same record through each front door (issue 16)
// ---------------------------------------------------------------------------------

/// What a decision decides, whichever way its record came in: level, outcome, whether
/// the competent level decides, the deciding rule, and every reason's rule and effect.
fn decided(record: &DecisionRecord) -> (String, Option<String>, Vec<String>) {
    let summary = format!(
        "{:?} {:?} needs_decision={}",
        record.outcome, record.level, record.needs_decision
    );
    let deciding = record.deciding_reason().map(|reason| reason.rule.clone());
    let reasons = record
        .reasons
        .iter()
        .map(|reason| {
            format!(
                "{} {} {:?} {:?}",
                reason.rule, reason.holds, reason.effect, reason.level
            )
        })
        .collect();
    (summary, deciding, reasons)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A differential property: a random record as JSON text (`evaluate_json`) and as
    /// a flat row of a records sheet (`evaluate_sheets`, the row reader Python's Arrow
    /// tables use too) gives the same decision under every option. (Python dicts and
    /// WASM values are converted to the same JSON text by their bindings.)
    #[test]
    fn a_record_as_json_and_as_a_flat_row_gets_the_same_decision(
        assessment in valid_assessment(),
        options in options(),
    ) {
        prop_assume!(assessment.discipline.len() <= 1);
        let json = serde_json::to_string(&assessment).unwrap();
        let from_json = evaluate_json(&json, &options).unwrap();
        let valid = validate(&assessment).unwrap();
        let kinds = [assessment.subject.kind];
        let columns = record_columns(&kinds, valid.regime, false, &[], &used_columns(&assessment));
        let row = row_values(&assessment, &columns, None, None).unwrap();
        let table = SheetTable {
            name: "Hồ sơ".to_owned(),
            rows: vec![
                columns
                    .iter()
                    .map(|c| SheetValue::Text(c.template_column(valid.regime).header.vi))
                    .collect(),
                row.iter().map(|v| v.as_ref().map_or(SheetValue::Empty, sheet_cell)).collect(),
            ],
            ..SheetTable::default()
        };
        let batch = BatchOptions { evaluation: options, quota: None };
        let evaluated = evaluate_sheets(&[table], &batch, 1).unwrap();
        prop_assert!(evaluated.tables.rejected.is_empty(), "{:?}", evaluated.tables.rejected);
        prop_assert_eq!(evaluated.decisions.len(), 1);
        prop_assert_eq!(decided(&evaluated.decisions[0].to_record()), decided(&from_json));
    }
}
