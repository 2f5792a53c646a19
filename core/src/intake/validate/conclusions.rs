//! Conclusions of the competent level and the facts of a leader's or a collective's
//! triggers: each for the subjects it concerns, counts in range and consistent.

use crate::contract::assessment::{Assessment, CollectiveInput, Conclusions};
use crate::contract::errors::ErrorCode;
use crate::contract::regime::RegimeId;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::intake::validate::problems::Problems;
use crate::intake::validate::subject::SubjectFacts;

/// The conclusions, each for the kinds it concerns.
pub fn conclusions(p: &mut Problems, input: &Assessment, subject: &SubjectFacts) {
    let (s, individual, vi_whom, en_whom) = (
        &input.subject,
        subject.individual,
        subject.whom.vi,
        subject.whom.en,
    );
    let c = &input.conclusions;
    if individual {
        if c.cadre_work_violation {
            p.not_applicable("/conclusions/cadre_work_violation", vi_whom, en_whom);
        }
        if c.member_degradation.is_some() {
            p.not_applicable("/conclusions/member_degradation", vi_whom, en_whom);
        }
    } else {
        for (set, path) in [
            (c.degradation, "/conclusions/degradation"),
            (c.prohibition_breach, "/conclusions/prohibition_breach"),
            (c.exemplary_breach, "/conclusions/exemplary_breach"),
        ] {
            if set {
                p.not_applicable(path, vi_whom, en_whom);
            }
        }
        if (c.cadre_work_violation || c.member_degradation.is_some())
            && s.collective_kind != Some(CollectiveKind::Leadership)
        {
            let path = if c.cadre_work_violation {
                "/conclusions/cadre_work_violation"
            } else {
                "/conclusions/member_degradation"
            };
            p.not_applicable(
                path,
                "tập thể không phải tập thể lãnh đạo, quản lý",
                "a collective other than a leadership collective",
            );
        }
    }
}

/// A leader's facts: confidence vote, units in charge, basic targets.
pub fn leader(p: &mut Problems, input: &Assessment, subject: &SubjectFacts) {
    let (kind, vi_whom, en_whom) = (subject.kind, subject.whom.vi, subject.whom.en);
    if let Some(leader) = &input.leader {
        if kind != SubjectKind::Leader {
            p.not_applicable("/leader", vi_whom, en_whom);
        }
        if let Some(vote) = leader.confidence_vote {
            p.count("/leader/confidence_vote/total", vote.total);
            if vote.total == 0 {
                p.push(
                    ErrorCode::OutOfRange,
                    "/leader/confidence_vote/total",
                    "Cuộc lấy phiếu tín nhiệm phải có ít nhất 1 phiếu".to_owned(),
                    "a confidence vote has at least one vote cast".to_owned(),
                );
            }
            p.at_most(
                "/leader/confidence_vote/low",
                vote.low,
                "/leader/confidence_vote/total",
                vote.total,
            );
        }
        if let Some(units) = leader.units_in_charge {
            p.count("/leader/units_in_charge/total", units.total);
            p.at_most(
                "/leader/units_in_charge/not_completed",
                units.not_completed,
                "/leader/units_in_charge/total",
                units.total,
            );
        }
        if let Some(targets) = &leader.basic_targets {
            p.basic_targets("/leader/basic_targets", targets);
        }
    }
}

/// A collective's facts: subordinate units disciplined, basic targets.
pub fn collective(p: &mut Problems, input: &Assessment, subject: &SubjectFacts) {
    let (s, kind, vi_whom, en_whom) = (
        &input.subject,
        subject.kind,
        subject.whom.vi,
        subject.whom.en,
    );
    if let Some(collective) = &input.collective {
        if kind != SubjectKind::Collective {
            p.not_applicable("/collective", vi_whom, en_whom);
        }
        if let Some(units) = collective.subordinate_units_disciplined {
            p.count("/collective/subordinate_units_disciplined", units);
        }
        if let Some(targets) = &collective.basic_targets {
            p.basic_targets("/collective/basic_targets", targets);
            if kind == SubjectKind::Collective
                && s.collective_kind != Some(CollectiveKind::Leadership)
            {
                p.not_applicable(
                    "/collective/basic_targets",
                    "tập thể không phải tập thể lãnh đạo, quản lý",
                    "a collective other than a leadership collective",
                );
            }
        }
    }
}

/// The facts of QĐ 124 and QĐ 132 kept under the record's regime, each for the kinds of
/// collective it concerns, counts in range and consistent.
pub fn graded_facts(
    p: &mut Problems,
    input: &Assessment,
    regime: Option<RegimeId>,
    conclusions: &Conclusions,
    collective: &CollectiveInput,
) {
    let s = &input.subject;
    let organisation_kind = matches!(
        s.collective_kind,
        Some(CollectiveKind::PartyOrganisation | CollectiveKind::PartyCommittee)
    );
    let leadership_kind = s.collective_kind == Some(CollectiveKind::Leadership);
    // Disunity: any collective's under QĐ 124, a leadership collective's under HD 21.
    let any_collective = regime.is_some_and(|r| r.info().disunity_of_any_collective);
    if conclusions.disunity {
        match (s.kind == SubjectKind::Collective, any_collective) {
            (true, true) => {}
            (false, true) => p.not_applicable("/conclusions/disunity", "cá nhân", "an individual"),
            (_, false) if leadership_kind => {}
            (_, false) => p.not_applicable(
                "/conclusions/disunity",
                "đối tượng không phải tập thể lãnh đạo, quản lý",
                "anyone but a leadership collective",
            ),
        }
    }
    for (path, counts) in [
        ("/collective/member_levels", collective.member_levels),
        (
            "/collective/subordinate_levels",
            collective.subordinate_levels,
        ),
    ] {
        if let Some(counts) = counts {
            if !organisation_kind {
                p.not_applicable(
                    path,
                    "tập thể không phải tổ chức đảng",
                    "a collective other than a party organisation or committee",
                );
            }
            for (key, value) in [
                ("excellent", counts.excellent),
                ("good", counts.good),
                ("completed", counts.completed),
                ("not_completed", counts.not_completed),
            ] {
                p.count(&format!("{path}/{key}"), value);
            }
        }
    }
    if collective.same_level_bodies_good.is_some() && !organisation_kind {
        p.not_applicable(
            "/collective/same_level_bodies_good",
            "tập thể không phải tổ chức đảng",
            "a collective other than a party organisation or committee",
        );
    }
    if collective.organisation_level.is_some() && !leadership_kind {
        p.not_applicable(
            "/collective/organisation_level",
            "tập thể không phải tập thể lãnh đạo, quản lý",
            "a collective other than a leadership collective",
        );
    }
    if let Some(total) = collective.subordinate_units {
        p.count("/collective/subordinate_units", total);
        if let Some(disciplined) = collective.subordinate_units_disciplined {
            p.at_most(
                "/collective/subordinate_units_disciplined",
                disciplined,
                "/collective/subordinate_units",
                total,
            );
        }
    }
}
