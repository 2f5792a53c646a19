//! Golden explanations: the exact wording of decisions in Vietnamese and English, for
//! cases where wording matters. Review a change with `cargo insta review`; CI fails on
//! any difference.

#![cfg(test)]

use cadre_eval::{apply_quota, evaluate_json, Options, QuotaOptions, Reading};
use std::fmt::Write;

fn render(json: &str, options: &Options) -> String {
    let record = evaluate_json(json, options).unwrap();
    let mut out = String::new();
    let level = record
        .label
        .as_ref()
        .map_or("—".to_owned(), |l| format!("{} / {}", l.vi, l.en));
    writeln!(
        out,
        "{} → {:?} {level} (needs decision: {})",
        record.id, record.outcome, record.needs_decision
    )
    .unwrap();
    for reason in &record.reasons {
        writeln!(
            out,
            "- {} [{}; holds: {}]",
            reason.rule,
            serde_json::to_value(reason.effect)
                .unwrap()
                .as_str()
                .unwrap(),
            reason.holds
        )
        .unwrap();
        writeln!(out, "  vi: {}", reason.message.vi).unwrap();
        writeln!(out, "  en: {}", reason.message.en).unwrap();
    }
    for alternative in &record.alternatives {
        writeln!(
            out,
            "* alternative: {} / {}",
            alternative.message.vi, alternative.message.en
        )
        .unwrap();
    }
    out
}

const CONTRACT_EXAMPLE: &str = r#"{"id":"dv-0042","period":{"year":2025},"as_of":"2025-12-20",
  "subject":{"kind":"member","admitted_on":"2019-05-19"},
  "score":{"general":27.5,"task_results":63},
  "tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":3}}"#;

#[test]
fn member_blocked_from_excellent_by_the_share_exceeded() {
    insta::assert_snapshot!(render(CONTRACT_EXAMPLE, &Options::default()));
}

#[test]
fn member_excellent_with_shortcomings_fixed_and_sick_leave() {
    let json = r#"{"id":"dv-lan","period":{"year":2025},
      "subject":{"kind":"member","in_political_system":true,"admitted_on":"2010-01-15"},
      "score":{"general":29,"task_results":66.75},
      "tasks":{"assigned":10,"completed":10,"on_time":10,"exceeded":3},
      "shortcomings":{"identified":2,"fixed":2},
      "leave":{"sick_months":3.5}}"#;
    insta::assert_snapshot!(render(json, &Options::default()));
}

#[test]
fn member_disciplined_with_mitigation_claimed() {
    let json = r#"{"id":"dv-minh","period":{"year":2025},
      "subject":{"kind":"member"},
      "score":{"general":24,"task_results":56},
      "tasks":{"assigned":8,"completed":8,"on_time":8,"exceeded":1},
      "discipline":[{"form":"reprimand","decided_on":"2025-04-10"},
                    {"form":"warning","decided_on":"2024-12-31"}],
      "mitigation":{"self_detected_and_remedied":true}}"#;
    insta::assert_snapshot!(render(json, &Options::default()));
}

#[test]
fn leader_whose_units_missed_the_plan() {
    let json = r#"{"id":"bi-thu-tuan","period":{"year":2025},
      "subject":{"kind":"leader"},
      "score":{"general":26,"task_results":58},
      "tasks":{"assigned":20,"completed":13,"on_time":12,"exceeded":2},
      "leader":{"confidence_vote":{"low":5,"total":30},"units_in_charge":{"total":4,"not_completed":1},
                "basic_targets":{"applicable":true,"missed":1}}}"#;
    insta::assert_snapshot!(render(json, &Options::default()));
}

#[test]
fn gap_under_cascade_and_strict() {
    let json = r#"{"id":"dv-gap","period":{"year":2025},"subject":{"kind":"member"},
      "score":{"general":22,"task_results":38},
      "tasks":{"assigned":10,"completed":9,"on_time":9,"exceeded":0}}"#;
    let strict = Options {
        reading: Reading::Strict,
        ..Options::default()
    };
    insta::assert_snapshot!(format!(
        "{}\n{}",
        render(json, &Options::default()),
        render(json, &strict)
    ));
}

#[test]
fn new_member_not_classified_with_month_end_clamping() {
    let json = r#"{"id":"dv-moi","period":{"from":"2025-09-01","to":"2026-02-28"},"as_of":"2026-02-27",
      "subject":{"kind":"member","admitted_on":"2025-08-31"}}"#;
    insta::assert_snapshot!(render(json, &Options::default()));
}

#[test]
fn quota_demotion_is_explained() {
    let base = |id: &str, general: u32| {
        format!(
            r#"{{"id":"{id}","period":{{"year":2025}},"quota_group":"chi-bo-3/members","subject":{{"kind":"member"}},
              "score":{{"general":{general},"task_results":66}},"tasks":{{"assigned":10,"completed":10,"on_time":10,"exceeded":4}}}}"#
        )
    };
    let mut decisions: Vec<_> = [("a", 29), ("b", 28)]
        .iter()
        .map(|(id, g)| {
            let assessment = cadre_eval::decode_assessment(&base(id, *g)).unwrap();
            cadre_eval::evaluate(&assessment, &Options::default()).unwrap()
        })
        .collect();
    apply_quota(&mut decisions, &QuotaOptions::default());
    let demoted = decisions[1].to_record();
    let reason = demoted.reasons.last().unwrap();
    insta::assert_snapshot!(format!(
        "{}\nvi: {}\nen: {}",
        reason.rule, reason.message.vi, reason.message.en
    ));
}

#[test]
fn qd132_member_capped_by_sick_leave_and_blocked_as_civil_servant() {
    let json = r#"{"id":"dv-2022-om","period":{"year":2022},
      "subject":{"kind":"member","admitted_on":"2008-04-12"},
      "grades":{"criteria":{"chinh_tri":"excellent","dao_duc":"good"},"task_results":"excellent"},
      "civil_service_level":"good",
      "leave":{"sick_months":3.5},
      "tasks":{"assigned":8,"completed":8,"on_time":8,"exceeded":2}}"#;
    insta::assert_snapshot!(render(json, &Options::default()));
}

#[test]
fn qd124_collective_with_subordinate_units_disciplined() {
    let json = r#"{"id":"dang-uy-xa-2024","period":{"year":2024},
      "subject":{"kind":"collective","collective_kind":"party_committee"},
      "grades":{"criteria":{"chinh_tri":"good","to_chuc":"good"},"task_results":"good"},
      "collective":{"subordinate_units":10,"subordinate_units_disciplined":3},
      "mitigation":{"self_detected_and_remedied":true},
      "tasks":{"assigned":20,"completed":20,"on_time":19,"exceeded":4}}"#;
    insta::assert_snapshot!(render(json, &Options::default()));
}

#[test]
fn qd132_chi_bo_blocked_by_its_members_levels_and_leadership_capped() {
    let chi_bo = r#"{"id":"chi-bo-3-2021","period":{"year":2021},
      "subject":{"kind":"collective","collective_kind":"party_organisation"},
      "grades":{"criteria":{"xay_dung_dang":"excellent","lanh_dao":"good"},"task_results":"excellent"},
      "collective":{"member_levels":{"excellent":1,"good":6,"completed":3},"same_level_bodies_good":true},
      "tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":5}}"#;
    let leadership = r#"{"id":"cap-uy-3-2021","period":{"year":2021},
      "subject":{"kind":"collective","collective_kind":"leadership"},
      "grades":{"criteria":{"doan_ket":"excellent","lanh_dao":"good"},"task_results":"excellent"},
      "collective":{"organisation_level":"good","main_targets_missed":false},
      "tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":5}}"#;
    insta::assert_snapshot!(format!(
        "{}\n{}",
        render(chi_bo, &Options::default()),
        render(leadership, &Options::default())
    ));
}

#[test]
fn comparison_of_a_record_under_three_regimes() {
    use cadre_eval::{compare_json, CompareOptions};
    let json = r#"{"id":"dv-0042","period":{"year":2025},
      "subject":{"kind":"member","admitted_on":"2019-05-19"},
      "score":{"general":27.5,"task_results":63},
      "grades":{"criteria":{"chinh_tri":"excellent","dao_duc":"good"},"task_results":"excellent"},
      "tasks":{"assigned":12,"completed":12,"on_time":12,"exceeded":4}}"#;
    let comparison = compare_json(json, &CompareOptions::default()).unwrap();
    let mut out = String::new();
    for (result, level) in comparison.results.iter().zip(&comparison.levels) {
        writeln!(
            out,
            "{} ({:?}): {}",
            result.regime.name.en,
            result.regime.selected,
            level.map_or("—", |l| l.en())
        )
        .unwrap();
    }
    for topic in comparison.differences() {
        writeln!(out, "## {} / {}", topic.title.vi, topic.title.en).unwrap();
        for finding in &topic.findings {
            writeln!(
                out,
                "- {} {:?}: {}",
                finding.regime.as_str(),
                finding.verdict,
                finding.rules.join(", ")
            )
            .unwrap();
            for message in &finding.messages {
                writeln!(out, "  vi: {}\n  en: {}", message.vi, message.en).unwrap();
            }
        }
        for rule in &topic.rules {
            writeln!(
                out,
                "  rule {}: {} / {}",
                rule.regime.as_str(),
                rule.summary.vi,
                rule.summary.en
            )
            .unwrap();
        }
    }
    insta::assert_snapshot!(out);
}

/// The state side (`docs/state-regimes.md`): a leader's month by month, every number
/// shown (`a`, `b`, `c`, `d`, `đ`, `e`, the period score, the mean and its rounding).
const STATE_LEADER: &str = r#"{"id":"tran-thi-binh","rating":"state","period":{"year":2026},
  "subject":{"kind":"leader","employment":"cong_chuc"},
  "periods":[
    {"month":4,"general":27,"products":[
      {"label":"Kế hoạch quý","weight":3,"done":true},
      {"label":"Báo cáo","weight":2,"done":true,"quality_failures":1,"delays":2}],
     "unit":{"staff_not_completed":0}},
    {"month":5,"general":26,"products":[
      {"weight":2,"done":true,"quality_failures":1},
      {"weight":2,"done":true,"delays":1},
      {"weight":1,"done":true,"extra":true}],
     "unit":{"staff_not_completed":1}},
    {"month":6,"no_work":true}]}"#;

#[test]
fn state_leader_periods_and_the_mean() {
    insta::assert_snapshot!(render(STATE_LEADER, &Options::default()));
}

/// ND 90 with ND 48: a civil servant blocked from Excellent by the share exceeded, then
/// lowered by leave of 3 to under 6 months.
const STATE_ND90: &str = r#"{"id":"cc-90","rating":"state","period":{"year":2024},
  "subject":{"kind":"member","employment":"cong_chuc"},
  "criteria":{"1":"good","2":"good","3":"good","4":"meets"},
  "tasks":{"assigned":10,"completed":10,"on_time":10,"exceeded":3,"poor":0},
  "leave":{"months_absent":4,"kind":"sick"}}"#;

#[test]
fn state_nd90_levels_and_the_leave_cap() {
    insta::assert_snapshot!(render(STATE_ND90, &Options::default()));
}
