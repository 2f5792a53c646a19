//! A state record (`"rating": "state"`, `spec/state-regimes.md` §6) from the contract's
//! `Assessment` to a `ValidAssessment`, every problem at once in the order of the
//! record's fields: the id, the period (a year), the evaluation day, the employment and
//! the regime, the subject, the party fields it does not read, leave, the regime's own
//! facts (periods, or ND 90's criteria and tasks), conclusions, discipline, leader facts,
//! mitigation, conduct, agency and group.

use crate::contract::assessment::{Assessment, Conclusions, LeaderInput, Mitigation, PeriodInput};
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::regime::RegimeId;
use crate::contract::state::{Employment, LeaveKind, Rating};
use crate::contract::subject::{CollectiveKind, PartyStatus, SubjectKind};
use crate::dates::Span;
use crate::intake::validate::conduct::conduct;
use crate::intake::validate::options::ValidateOptions;
use crate::intake::validate::period::evaluation_day;
use crate::intake::validate::problems::Problems;
use crate::intake::validate::state::discipline::state_discipline;
use crate::intake::validate::state::foreign::{family_fields, party_fields, Family};
use crate::intake::validate::state::nd90::{nd90_facts, Nd90Facts};
use crate::intake::validate::state::periods::{periods, PeriodRules};
use crate::intake::validate::state::select::state_regime;
use crate::model::{Leave, Shortcomings, StateFacts, Subject, ValidAssessment};
use crate::points::Points;
use crate::regimes::state::select::{nd48_applies, Selected};

/// Validates a state record and resolves its defaults.
pub fn validate_state(
    input: &Assessment,
    options: ValidateOptions,
) -> Result<ValidAssessment, InputErrors> {
    let mut problems = Problems::default();
    let p = &mut problems;
    if input.id.is_empty() {
        p.push(
            ErrorCode::MissingField,
            "/id",
            "Mã hồ sơ `id` không được để trống".to_owned(),
            "`id` must not be empty".to_owned(),
        );
    }
    p.string_length("/id", &input.id);
    let year = rating_year(p, &input.period);
    let span = year.and_then(Span::year);
    let as_of = evaluation_day(p, input, span);
    let s = &input.subject;
    let kind = s.kind;
    let agency = kind == SubjectKind::Collective;
    let employment = subject_employment(p, input);
    let selected = if agency || employment.is_some() {
        state_regime(p, input, year, employment, options)
    } else {
        None
    };
    let (regime, selection, no_regime) = match selected {
        Some((Selected::Regime(regime), selection)) => (Some(regime), selection, false),
        Some((Selected::NoRegime, selection)) => (Some(RegimeId::Nd335), selection, true),
        None => (None, Default::default(), false),
    };
    // ND 90 rates every cán bộ by the leader pattern (Arts. 4–7).
    let can_bo_not_leader = employment == Some(Employment::CanBo)
        && regime == Some(RegimeId::Nd90)
        && !no_regime
        && kind != SubjectKind::Leader;
    if can_bo_not_leader {
        p.push(
            ErrorCode::InvalidValue,
            "/subject/kind",
            "Nghị định 90 đánh giá cán bộ theo các tiêu chí của người lãnh đạo (Điều 4–7): `subject.kind` là `leader`".to_owned(),
            "ND 90 rates a cán bộ by a leader's criteria (Arts. 4–7): `subject.kind` is `leader`".to_owned(),
        );
    }
    party_fields(p, input);
    let (months_worked, months_absent, leave_kind) = leave(p, input, agency);
    let family = match regime {
        Some(RegimeId::Nd90) => Some(Family::Graded),
        Some(RegimeId::Nd335 | RegimeId::Nd233) if !no_regime => Some(Family::Points),
        _ => None,
    };
    // Nothing is required of a subject not classified for a reason settled first.
    let under_six = months_worked < Points::whole(6);
    // A cán bộ given as a member is wrong in one place (its kind): the leader's facts
    // that kind would require are not asked for as well.
    let excluded = no_regime
        || agency
        || can_bo_not_leader
        || match family {
            Some(Family::Graded) => under_six && leave_kind != Some(LeaveKind::Maternity),
            Some(Family::Points) => {
                under_six && !matches!(leave_kind, Some(LeaveKind::Sick | LeaveKind::Maternity))
            }
            None => false,
        };
    let leader_pattern = (kind == SubjectKind::Leader || employment == Some(Employment::CanBo))
        && !can_bo_not_leader;
    let mut facts = Nd90Facts {
        criteria: None,
        tasks: None,
        poor: 0,
        unit: None,
        managed_units: None,
    };
    let mut period_kind = None;
    let mut period_list = Vec::new();
    match family {
        Some(Family::Graded) => {
            family_fields(p, input, Family::Graded, options.ignore_other_regime_fields);
            facts = nd90_facts(p, input, leader_pattern, !excluded);
        }
        Some(Family::Points) => {
            family_fields(p, input, Family::Points, options.ignore_other_regime_fields);
            let rules = PeriodRules {
                leader: kind == SubjectKind::Leader,
                components: options.leader_components,
                staff_derived: options.staff_derived,
            };
            match periods(p, input.periods.as_deref(), rules) {
                Some((kind, list)) if !input.periods.as_ref().is_some_and(Vec::is_empty) => {
                    period_kind = Some(kind);
                    period_list = list;
                }
                _ if excluded => {}
                _ => p.missing(
                    "/periods",
                    "cần ít nhất một kỳ (tháng hoặc quý) có điểm",
                    "at least one period (a month or a quarter) with its scores is needed",
                ),
            }
        }
        None => {}
    }
    agency_fields(p, input, agency);
    let conclusions = conclusions(p, &input.conclusions, agency, family);
    let discipline = state_discipline(p, input, agency);
    let leader = leader_facts(p, input.leader.as_ref(), kind, family);
    let mitigation = Mitigation {
        self_detected_and_remedied: input.mitigation.self_detected_and_remedied
            && family == Some(Family::Points),
        force_majeure: false,
    };
    let (conduct_scope, conduct) = if family == Some(Family::Points) && !agency {
        conduct(p, input, kind, as_of)
    } else {
        (None, Vec::new())
    };
    if let Some(agency) = &input.agency {
        p.string_length("/agency", agency);
    }
    if let Some(group) = &input.quota_group {
        p.string_length("/quota_group", group);
    }

    if !problems.0.is_empty() {
        return Err(InputErrors(problems.0));
    }
    let (Some(period), Some(as_of), Some(regime)) = (span, as_of, regime) else {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::InvalidValue,
            "/period",
            "Kỳ đánh giá không hợp lệ",
            "the period is not valid",
        )));
    };
    let nd48 = regime == RegimeId::Nd90 && nd48_applies(as_of);
    Ok(ValidAssessment {
        id: input.id.clone(),
        period,
        as_of,
        regime,
        subject: Subject {
            kind,
            in_political_system: true,
            centrally_managed: false,
            collective_kind: s.collective_kind,
            party_status: PartyStatus::Active,
            admitted_on: None,
            established_on: None,
            temporary_activity: None,
        },
        regime_selection: selection,
        score: None,
        grades: None,
        grades_mapped: false,
        civil_service_level: None,
        tasks: facts.tasks,
        shortcomings: Shortcomings::default(),
        leave: Leave::default(),
        discipline,
        conclusions,
        leader,
        collective: Default::default(),
        mitigation,
        procedure: Default::default(),
        quota_group: input.quota_group.clone(),
        profile: None,
        conduct_scope,
        conduct,
        rating: Rating::State,
        state: Some(Box::new(StateFacts {
            employment,
            unit_regulation: s.unit_regulation,
            no_regime,
            nd48,
            months_worked,
            months_absent,
            leave_kind,
            period_kind,
            periods: period_list,
            criteria: facts.criteria,
            poor: facts.poor,
            unit: facts.unit,
            managed_units: facts.managed_units,
            agency: input.agency.clone(),
            unit_level: input.unit_level,
        })),
        state_rating: None,
    })
}

/// The rating year: a state rating is annual, its period `{year}`.
fn rating_year(p: &mut Problems, period: &PeriodInput) -> Option<i32> {
    match (period.year, period.quarter, &period.from, &period.to) {
        (Some(year), None, None, None) if (1900..=2200).contains(&year) => Some(year),
        (Some(year), None, None, None) => {
            p.push(
                ErrorCode::OutOfRange,
                "/period/year",
                format!("Năm {year} nằm ngoài khoảng 1900–2200"),
                format!("year {year} is outside 1900–2200"),
            );
            None
        }
        _ => {
            p.push(
                ErrorCode::InvalidValue,
                "/period",
                "Đánh giá, xếp loại của Nhà nước theo năm: kỳ là {year}".to_owned(),
                "a state rating is annual: the period is {year}".to_owned(),
            );
            None
        }
    }
}

/// The subject's employment (required for a person; not for an agency record), and the
/// collective's kind (an agency only).
fn subject_employment(p: &mut Problems, input: &Assessment) -> Option<Employment> {
    let s = &input.subject;
    if s.kind == SubjectKind::Collective {
        match s.collective_kind {
            Some(CollectiveKind::Agency) => {}
            Some(_) => p.push(
                ErrorCode::InvalidValue,
                "/subject/collective_kind",
                "Hồ sơ tập thể của Nhà nước là cơ quan, đơn vị (`agency`)".to_owned(),
                "a state collective record is an agency (`agency`)".to_owned(),
            ),
            None => p.missing(
                "/subject/collective_kind",
                "hồ sơ tập thể của Nhà nước là cơ quan, đơn vị (`agency`)",
                "a state collective record is an agency (`agency`)",
            ),
        }
        if s.employment.is_some() {
            p.not_applicable("/subject/employment", "cơ quan, đơn vị", "an agency");
        }
        return None;
    }
    if s.collective_kind.is_some() {
        p.not_applicable("/subject/collective_kind", "cá nhân", "an individual");
    }
    if s.employment.is_none() {
        p.missing(
            "/subject/employment",
            "hồ sơ đánh giá của Nhà nước nêu `cong_chuc`, `vien_chuc` hoặc `can_bo`",
            "a state record names `cong_chuc`, `vien_chuc` or `can_bo`",
        );
    }
    s.employment
}

/// Months worked and absent in the year, and the kind of the leave.
fn leave(
    p: &mut Problems,
    input: &Assessment,
    agency: bool,
) -> (Points, Points, Option<LeaveKind>) {
    let full = (Points::whole(12), Points::ZERO, None);
    let Some(leave) = &input.leave else {
        return full;
    };
    if agency {
        p.not_applicable("/leave", "cơ quan, đơn vị", "an agency");
        return full;
    }
    let worked = leave
        .months_worked
        .as_ref()
        .and_then(|n| p.points("/leave/months_worked", n, 12));
    let absent = leave
        .months_absent
        .as_ref()
        .and_then(|n| p.points("/leave/months_absent", n, 12));
    if let (Some(worked), Some(absent)) = (worked, absent) {
        if worked.saturating_add(absent) > Points::whole(12) {
            p.push(
                ErrorCode::InconsistentCounts,
                "/leave/months_absent",
                format!("{worked} tháng làm việc và {absent} tháng nghỉ, quá 12 tháng"),
                format!("{worked} months worked and {absent} absent, more than 12"),
            );
        }
    }
    let absent = absent.unwrap_or(Points::ZERO);
    if absent > Points::ZERO && leave.kind.is_none() {
        p.missing(
            "/leave/kind",
            "tháng nghỉ cần nêu loại nghỉ (`unpaid`, `sick`, `maternity`, `other`)",
            "months of leave name their kind (`unpaid`, `sick`, `maternity`, `other`)",
        );
    }
    let worked = worked.unwrap_or_else(|| Points::whole(12).saturating_sub(absent));
    (worked, absent, leave.kind)
}

/// An agency record's level, and what an agency record does not read.
fn agency_fields(p: &mut Problems, input: &Assessment, agency: bool) {
    if agency {
        if input.unit_level.is_none() {
            p.missing(
                "/unit_level",
                "hồ sơ cơ quan, đơn vị nêu mức xếp loại do cấp có thẩm quyền đánh giá",
                "an agency record gives the level the competent level rated it",
            );
        }
        for (path, given) in [
            ("/periods", input.periods.is_some()),
            ("/criteria", input.criteria.is_some()),
            ("/tasks", input.tasks.is_some()),
            ("/unit", input.unit.is_some()),
            ("/managed_units", input.managed_units.is_some()),
        ] {
            if given {
                p.not_applicable(path, "cơ quan, đơn vị", "an agency");
            }
        }
    } else if input.unit_level.is_some() {
        p.not_applicable("/unit_level", "cá nhân", "an individual");
    }
}

/// The conclusions a state regime reads: degradation under every one; must-not-do and
/// exemplary breaches under ND 335 and ND 233.
fn conclusions(
    p: &mut Problems,
    c: &Conclusions,
    agency: bool,
    family: Option<Family>,
) -> Conclusions {
    let mut kept = Conclusions::default();
    for (given, path, slot) in [
        (c.degradation, "/conclusions/degradation", 0),
        (c.prohibition_breach, "/conclusions/prohibition_breach", 1),
        (c.exemplary_breach, "/conclusions/exemplary_breach", 2),
    ] {
        if !given {
            continue;
        }
        if agency {
            p.not_applicable(path, "cơ quan, đơn vị", "an agency");
        } else if slot > 0 && family == Some(Family::Graded) {
            p.not_applicable(
                path,
                "hồ sơ theo Nghị định 90 (chỉ đọc kết luận suy thoái)",
                "an ND 90 record (it reads the degradation conclusion only)",
            );
        } else {
            match slot {
                0 => kept.degradation = true,
                1 => kept.prohibition_breach = true,
                _ => kept.exemplary_breach = true,
            }
        }
    }
    kept
}

/// A leader's facts a state regime reads.
fn leader_facts(
    p: &mut Problems,
    input: Option<&LeaderInput>,
    kind: SubjectKind,
    family: Option<Family>,
) -> LeaderInput {
    let mut kept = LeaderInput::default();
    let Some(leader) = input else {
        return kept;
    };
    if leader.scope_corruption_disciplined {
        if kind == SubjectKind::Leader {
            kept.scope_corruption_disciplined = true;
        } else {
            p.not_applicable(
                "/leader/scope_corruption_disciplined",
                "người không giữ chức vụ lãnh đạo",
                "a person without a leadership post",
            );
        }
    }
    if let Some(level) = leader.headed_level {
        if kind != SubjectKind::Leader {
            p.not_applicable(
                "/leader/headed_level",
                "người không giữ chức vụ lãnh đạo",
                "a person without a leadership post",
            );
        } else if family == Some(Family::Points) {
            kept.headed_level = Some(level);
        }
    }
    kept
}
