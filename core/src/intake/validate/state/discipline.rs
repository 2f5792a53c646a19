//! Discipline records of a state record: party or administrative, each form of its kind
//! (`docs/state-regimes.md`, discipline), dated; never about a member of a collective.

use crate::contract::assessment::{Assessment, DisciplineForm};
use crate::contract::errors::ErrorCode;
use crate::contract::limits::MAX_DISCIPLINE_RECORDS;
use crate::contract::state::DisciplineKind;
use crate::intake::validate::problems::Problems;
use crate::model::Discipline;

/// Whether a form of discipline is one of `kind`'s: party discipline (QĐ 69) reprimands,
/// warns, removes or expels; administrative discipline reprimands, warns, downgrades the
/// salary, demotes, removes or dismisses.
pub fn form_of_kind(form: DisciplineForm, kind: DisciplineKind) -> bool {
    matches!(
        (kind, form),
        (
            _,
            DisciplineForm::Reprimand | DisciplineForm::Warning | DisciplineForm::Removal
        ) | (DisciplineKind::Party, DisciplineForm::Expulsion)
            | (
                DisciplineKind::Administrative,
                DisciplineForm::SalaryDowngrade
                    | DisciplineForm::Demotion
                    | DisciplineForm::Dismissal,
            )
    )
}

/// The discipline records with their dates read.
pub fn state_discipline(p: &mut Problems, input: &Assessment, agency: bool) -> Vec<Discipline> {
    if input.discipline.len() > MAX_DISCIPLINE_RECORDS {
        p.push(
            ErrorCode::TooLarge,
            "/discipline",
            format!(
                "{} quyết định kỷ luật, vượt giới hạn {MAX_DISCIPLINE_RECORDS}",
                input.discipline.len()
            ),
            format!(
                "{} discipline records, over the limit of {MAX_DISCIPLINE_RECORDS}",
                input.discipline.len()
            ),
        );
    }
    if agency && !input.discipline.is_empty() {
        p.not_applicable("/discipline", "cơ quan, đơn vị", "an agency");
        return Vec::new();
    }
    let mut out = Vec::with_capacity(input.discipline.len().min(MAX_DISCIPLINE_RECORDS));
    for (index, record) in input
        .discipline
        .iter()
        .enumerate()
        .take(MAX_DISCIPLINE_RECORDS)
    {
        let base = format!("/discipline/{index}");
        let decided_on = p.date(&format!("{base}/decided_on"), &record.decided_on);
        if record.member_id.is_some() {
            p.not_applicable(&format!("{base}/member_id"), "cá nhân", "an individual");
        }
        let kind = record.kind.unwrap_or_default();
        if record.form == DisciplineForm::Dissolution {
            p.not_applicable(&format!("{base}/form"), "cá nhân", "an individual");
        } else if !form_of_kind(record.form, kind) {
            p.push(
                ErrorCode::InvalidValue,
                &format!("{base}/form"),
                "Hình thức kỷ luật này không thuộc loại kỷ luật đã nêu (`kind`)".to_owned(),
                "this form of discipline is not one of the kind given (`kind`)".to_owned(),
            );
        }
        if let Some(decided_on) = decided_on {
            out.push(Discipline {
                form: record.form,
                decided_on,
                duty_related: record.duty_related.unwrap_or(true),
                at_previous_unit: record.at_previous_unit,
                counted_before: record.counted_before,
                member_id: None,
                kind,
            });
        }
    }
    out
}
