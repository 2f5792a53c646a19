//! Discipline records: dated, each form for the subjects it concerns, at most
//! `MAX_DISCIPLINE_RECORDS`.

use crate::contract::assessment::{Assessment, DisciplineForm};
use crate::contract::errors::ErrorCode;
use crate::contract::limits::MAX_DISCIPLINE_RECORDS;
use crate::contract::state::DisciplineKind;
use crate::intake::validate::problems::Problems;
use crate::intake::validate::subject::SubjectFacts;
use crate::model::Discipline;

/// The discipline records with their dates read.
pub fn discipline(p: &mut Problems, input: &Assessment, subject: &SubjectFacts) -> Vec<Discipline> {
    let (individual, vi_whom, en_whom) = (subject.individual, subject.whom.vi, subject.whom.en);
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
    let mut discipline = Vec::with_capacity(input.discipline.len().min(MAX_DISCIPLINE_RECORDS));
    for (index, record) in input
        .discipline
        .iter()
        .enumerate()
        .take(MAX_DISCIPLINE_RECORDS)
    {
        let base = format!("/discipline/{index}");
        let decided_on = p.date(&format!("{base}/decided_on"), &record.decided_on);
        let about_member = record.member_id.is_some();
        if let Some(member) = &record.member_id {
            p.string_length(&format!("{base}/member_id"), member);
            if individual {
                p.not_applicable(&format!("{base}/member_id"), vi_whom, en_whom);
            }
        }
        if matches!(
            record.form,
            DisciplineForm::SalaryDowngrade | DisciplineForm::Demotion | DisciplineForm::Dismissal
        ) {
            p.push(
                ErrorCode::InvalidValue,
                &format!("{base}/form"),
                "Hình thức kỷ luật hành chính (hạ bậc lương, giáng chức, buộc thôi việc) không phải kỷ luật đảng".to_owned(),
                "an administrative form of discipline (salary downgrade, demotion, dismissal) is not party discipline".to_owned(),
            );
        }
        let form_fits = match record.form {
            DisciplineForm::SalaryDowngrade
            | DisciplineForm::Demotion
            | DisciplineForm::Dismissal => true,
            DisciplineForm::Dissolution => !individual && !about_member,
            DisciplineForm::Removal | DisciplineForm::Expulsion => individual || about_member,
            DisciplineForm::Reprimand | DisciplineForm::Warning => true,
        };
        if !form_fits {
            p.push(
                ErrorCode::NotApplicable,
                &format!("{base}/form"),
                "Hình thức kỷ luật này không áp dụng cho đối tượng này (giải tán chỉ cho tổ chức; cách chức, khai trừ chỉ cho cá nhân)".to_owned(),
                "this form of discipline does not apply here (dissolution is for organisations; removal and expulsion for individuals)".to_owned(),
            );
        }
        if let Some(decided_on) = decided_on {
            discipline.push(Discipline {
                form: record.form,
                decided_on,
                duty_related: record.duty_related.unwrap_or(true),
                at_previous_unit: record.at_previous_unit,
                counted_before: record.counted_before,
                member_id: record.member_id.clone(),
                kind: DisciplineKind::Party,
            });
        }
    }

    discipline
}
