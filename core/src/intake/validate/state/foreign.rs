//! Fields a state record does not read: the party contract's own (points, grades,
//! party status…), and under one family of the state regimes the other family's
//! (`periods` under ND 90; `criteria`, `tasks`, `unit`, `managed_units` under ND 335 and
//! ND 233). Each is `regime_field_mismatch` at its path, or skipped in a comparison.

use crate::contract::assessment::Assessment;
use crate::intake::validate::problems::Problems;

const PARTY_VI: &str = "hồ sơ xếp loại đảng viên, tổ chức đảng (`rating: party`)";
const PARTY_EN: &str = "party records (`rating: party`)";

/// The party contract's fields present on a state record, in the contract's order.
pub fn party_fields(p: &mut Problems, input: &Assessment) {
    let s = &input.subject;
    let present = [
        (
            "/subject/in_political_system",
            s.in_political_system.is_some(),
        ),
        ("/subject/centrally_managed", s.centrally_managed.is_some()),
        ("/subject/party_status", s.party_status.is_some()),
        ("/subject/admitted_on", s.admitted_on.is_some()),
        ("/subject/established_on", s.established_on.is_some()),
        (
            "/subject/temporary_activity",
            s.temporary_activity.is_some(),
        ),
        ("/score", input.score.is_some()),
        ("/grades", input.grades.is_some()),
        ("/civil_service_level", input.civil_service_level.is_some()),
        (
            "/tasks/not_completed",
            input.tasks.is_some_and(|t| t.not_completed.is_some()),
        ),
        ("/shortcomings", input.shortcomings.is_some()),
        (
            "/leave/sick_months",
            input
                .leave
                .as_ref()
                .is_some_and(|l| l.sick_months.is_some()),
        ),
        (
            "/leave/maternity",
            input.leave.as_ref().is_some_and(|l| l.maternity),
        ),
        (
            "/conclusions/cadre_work_violation",
            input.conclusions.cadre_work_violation,
        ),
        ("/conclusions/disunity", input.conclusions.disunity),
        (
            "/conclusions/member_degradation",
            input.conclusions.member_degradation.is_some(),
        ),
        (
            "/leader/confidence_vote",
            input.leader.is_some_and(|l| l.confidence_vote.is_some()),
        ),
        (
            "/leader/units_in_charge",
            input.leader.is_some_and(|l| l.units_in_charge.is_some()),
        ),
        (
            "/leader/basic_targets",
            input.leader.is_some_and(|l| l.basic_targets.is_some()),
        ),
        (
            "/leader/main_targets_missed",
            input
                .leader
                .is_some_and(|l| l.main_targets_missed.is_some()),
        ),
        ("/collective", input.collective.is_some()),
        ("/mitigation/force_majeure", input.mitigation.force_majeure),
        ("/procedure", !input.procedure.is_empty()),
        ("/state_rating", input.state_rating.is_some()),
    ];
    for (path, given) in present {
        if given {
            p.foreign(path, PARTY_VI, PARTY_EN);
        }
    }
}

/// The state contract's fields present on a party record.
pub fn state_fields(p: &mut Problems, input: &Assessment) {
    const VI: &str = "hồ sơ đánh giá của Nhà nước (`rating: state`)";
    const EN: &str = "state records (`rating: state`)";
    let s = &input.subject;
    let present = [
        ("/subject/employment", s.employment.is_some()),
        ("/subject/unit_regulation", s.unit_regulation.is_some()),
        ("/tasks/poor", input.tasks.is_some_and(|t| t.poor.is_some())),
        (
            "/leave/months_worked",
            input
                .leave
                .as_ref()
                .is_some_and(|l| l.months_worked.is_some()),
        ),
        (
            "/leave/months_absent",
            input
                .leave
                .as_ref()
                .is_some_and(|l| l.months_absent.is_some()),
        ),
        (
            "/leave/kind",
            input.leave.as_ref().is_some_and(|l| l.kind.is_some()),
        ),
        (
            "/discipline",
            input.discipline.iter().any(|d| d.kind.is_some()),
        ),
        ("/agency", input.agency.is_some()),
        ("/periods", input.periods.is_some()),
        ("/criteria", input.criteria.is_some()),
        ("/unit", input.unit.is_some()),
        ("/managed_units", input.managed_units.is_some()),
        ("/unit_level", input.unit_level.is_some()),
    ];
    for (path, given) in present {
        if given {
            p.foreign(path, VI, EN);
        }
    }
}

/// Which family of the state regimes reads a field: ND 90 (criteria graded) or ND 335
/// and ND 233 (points from periods).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `nd90`.
    Graded,
    /// `nd335`, `nd233`.
    Points,
}

/// The other family's fields present on a state record (skipped when `ignore`).
pub fn family_fields(p: &mut Problems, input: &Assessment, family: Family, ignore: bool) {
    if ignore {
        return;
    }
    let present: &[(&str, bool)] = match family {
        Family::Graded => &[
            ("/periods", input.periods.is_some()),
            (
                "/leader/headed_level",
                input.leader.is_some_and(|l| l.headed_level.is_some()),
            ),
            ("/mitigation", input.mitigation.self_detected_and_remedied),
            ("/conduct", input.conduct.is_some()),
        ],
        Family::Points => &[
            ("/criteria", input.criteria.is_some()),
            ("/tasks", input.tasks.is_some()),
            ("/unit", input.unit.is_some()),
            ("/managed_units", input.managed_units.is_some()),
        ],
    };
    let (vi, en) = match family {
        Family::Graded => (
            "Nghị định 335 và Nghị định 233 (chấm điểm theo kỳ)",
            "ND 335 and ND 233 (points by period)",
        ),
        Family::Points => (
            "Nghị định 90/2020 (xếp loại theo tiêu chí)",
            "ND 90/2020 (criteria graded)",
        ),
    };
    for &(path, given) in present {
        if given {
            p.foreign(path, vi, en);
        }
    }
}
