//! The conduct checklist: every answer names an item of the catalogue that applies to
//! the subject on the evaluation day.

use crate::conduct::shipped::catalogue;
use crate::contract::assessment::{Assessment, ConductInput};
use crate::contract::conduct::ConductScope;
use crate::contract::conduct_catalogue::ItemEffect;
use crate::contract::errors::{pointer_segment, ErrorCode};
use crate::contract::subject::SubjectKind;
use crate::dates::vi_date;
use crate::intake::validate::problems::Problems;
use crate::model::ConductFinding;
use chrono::NaiveDate;

/// The checklist's scope and findings, when answered and the day is known.
pub fn conduct(
    p: &mut Problems,
    input: &Assessment,
    kind: SubjectKind,
    as_of: Option<NaiveDate>,
) -> (Option<ConductScope>, Vec<ConductFinding>) {
    match (&input.conduct, as_of) {
        (Some(answers), Some(day)) => conduct_answers(p, answers, kind, day),
        _ => (None, Vec::new()),
    }
}

/// applies to the subject on the evaluation day.
fn conduct_answers(
    p: &mut Problems,
    input: &ConductInput,
    kind: SubjectKind,
    day: NaiveDate,
) -> (Option<ConductScope>, Vec<ConductFinding>) {
    let scope = input.scope.clone().unwrap_or_else(|| {
        let mut scope = ConductScope::new(kind);
        scope.leader = kind == SubjectKind::Leader;
        scope
    });
    p.0.extend(scope.problems("/conduct/scope"));
    if scope.subject != kind {
        p.push(
            ErrorCode::Conflict,
            "/conduct/scope/subject",
            "`/conduct/scope/subject` khác `/subject/kind`".to_owned(),
            "`/conduct/scope/subject` differs from `/subject/kind`".to_owned(),
        );
    }
    let catalogue = match catalogue() {
        Ok(catalogue) => catalogue,
        Err(_) => return (Some(scope), Vec::new()),
    };
    let applicable = catalogue.items_for(&scope, day);
    let mut findings = Vec::with_capacity(input.answers.len());
    for (id, answer) in &input.answers {
        let path = format!("/conduct/answers/{}", pointer_segment(id));
        if let Some(evidence) = &answer.evidence {
            p.string_length(&format!("{path}/evidence"), evidence);
        }
        let Some(index) = catalogue.items().iter().position(|item| &item.id == id) else {
            p.push(
                ErrorCode::InvalidValue,
                &path,
                format!(
                    "Không có mục `{id}` trong danh mục nêu gương (phiên bản {})",
                    catalogue.version()
                ),
                format!(
                    "no item `{id}` in the conduct catalogue (version {})",
                    catalogue.version()
                ),
            );
            continue;
        };
        if !applicable.iter().any(|a| &a.item.id == id) {
            p.push(
                ErrorCode::NotApplicable,
                &path,
                format!(
                    "Mục `{id}` không áp dụng cho đối tượng này vào ngày {}",
                    vi_date(day)
                ),
                format!("item `{id}` does not apply to this subject on {day}"),
            );
            continue;
        }
        let effect = catalogue.items().get(index).map(|item| item.effect);
        if effect == Some(ItemEffect::DisciplineForm) {
            p.push(
                ErrorCode::NotApplicable,
                &path,
                format!("`{id}` là một hình thức kỷ luật, không phải nội dung tự kiểm tra; kỷ luật ghi ở `/discipline`"),
                format!("`{id}` is a form of discipline, not a checklist item; discipline goes in `/discipline`"),
            );
            continue;
        }
        if answer.harmed_prestige && effect != Some(ItemEffect::Exemplary) {
            p.push(
                ErrorCode::NotApplicable,
                &format!("{path}/harmed_prestige"),
                "`harmed_prestige` chỉ áp dụng cho nội dung về trách nhiệm nêu gương".to_owned(),
                "`harmed_prestige` applies only to exemplary-conduct items".to_owned(),
            );
            continue;
        }
        findings.push(ConductFinding {
            item: u16::try_from(index).unwrap_or(u16::MAX),
            answer: answer.answer,
            harmed_prestige: answer.harmed_prestige,
        });
    }
    (Some(scope), findings)
}
