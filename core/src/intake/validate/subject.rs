//! The subject: each field only for the kinds it concerns, days of admission and
//! establishment, and whether the subject is classified at all.

use crate::contract::assessment::SubjectInput;
use crate::contract::errors::ErrorCode;
use crate::contract::regime::RegimeId;
use crate::contract::subject::{PartyStatus, SubjectKind};
use crate::dates::{add_months, vi_date};
use crate::intake::validate::problems::{Problems, Whom};
use chrono::NaiveDate;

/// What the rest of validation needs of the subject.
pub struct SubjectFacts {
    /// The kind.
    pub kind: SubjectKind,
    /// A member or a leader.
    pub individual: bool,
    /// The kind as the messages name it.
    pub whom: Whom,
    /// The day of admission, if given and a date.
    pub admitted_on: Option<NaiveDate>,
    /// The day of establishment, if given and a date.
    pub established_on: Option<NaiveDate>,
    /// The party status, `active` by default.
    pub party_status: PartyStatus,
}

/// Checks the subject against the evaluation day.
pub fn subject(p: &mut Problems, s: &SubjectInput, as_of: Option<NaiveDate>) -> SubjectFacts {
    let kind = s.kind;
    let individual = kind != SubjectKind::Collective;
    let whom = Whom::of(kind);
    let (vi_whom, en_whom) = (whom.vi, whom.en);
    if s.in_political_system.is_some() && kind != SubjectKind::Member {
        p.not_applicable("/subject/in_political_system", vi_whom, en_whom);
    }
    if s.centrally_managed.is_some() && kind != SubjectKind::Leader {
        p.not_applicable("/subject/centrally_managed", vi_whom, en_whom);
    }
    match (kind, s.collective_kind) {
        (SubjectKind::Collective, None) => p.missing(
            "/subject/collective_kind",
            "tập thể phải nêu loại (leadership, party_committee, party_organisation, agency)",
            "a collective names its kind (leadership, party_committee, party_organisation, agency)",
        ),
        (SubjectKind::Member | SubjectKind::Leader, Some(_)) => {
            p.not_applicable("/subject/collective_kind", vi_whom, en_whom)
        }
        _ => {}
    }
    if !individual {
        if s.party_status.is_some() {
            p.not_applicable("/subject/party_status", vi_whom, en_whom);
        }
        if s.admitted_on.is_some() {
            p.not_applicable("/subject/admitted_on", vi_whom, en_whom);
        }
        if s.temporary_activity.is_some() {
            p.not_applicable("/subject/temporary_activity", vi_whom, en_whom);
        }
    } else if s.established_on.is_some() {
        p.not_applicable("/subject/established_on", vi_whom, en_whom);
    }
    let admitted_on = s
        .admitted_on
        .as_deref()
        .and_then(|t| p.date("/subject/admitted_on", t));
    if let (Some(admitted), Some(day)) = (admitted_on, as_of) {
        if admitted > day {
            p.push(
                ErrorCode::InvalidDate,
                "/subject/admitted_on",
                format!(
                    "Ngày vào Đảng {} sau ngày đánh giá {}",
                    vi_date(admitted),
                    vi_date(day)
                ),
                format!("admitted on {admitted}, after the evaluation day {day}"),
            );
        }
    }
    let established_on = s
        .established_on
        .as_deref()
        .and_then(|t| p.date("/subject/established_on", t));
    if let (Some(established), Some(day)) = (established_on, as_of) {
        if established > day {
            p.push(
                ErrorCode::InvalidDate,
                "/subject/established_on",
                format!(
                    "Ngày thành lập {} sau ngày đánh giá {}",
                    vi_date(established),
                    vi_date(day)
                ),
                format!("established on {established}, after the evaluation day {day}"),
            );
        }
    }
    if let Some(activity) = &s.temporary_activity {
        p.string_length("/subject/temporary_activity/unit", &activity.unit);
    }
    let party_status = s.party_status.unwrap_or_default();
    SubjectFacts {
        kind,
        individual,
        whom,
        admitted_on,
        established_on,
        party_status,
    }
}

/// Whether the subject is not classified (and so needs no score, grades or tasks):
/// exempted; suspended or admitted under six months, where the period's guideline says
/// so (all but HD 16, QĐ 132's 2018 round); under HD 21, established under six months.
pub fn excluded(
    subject: &SubjectFacts,
    regime: Option<RegimeId>,
    period_end: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
) -> bool {
    let under_six_months = |since: Option<NaiveDate>| matches!((since, as_of), (Some(since), Some(day)) if add_months(since, 6).is_none_or(|d| d > day));
    if subject.individual {
        let suspended_and_new = match (regime, period_end) {
            (Some(regime), Some(end)) => regime.info().excludes_suspended_and_new(end),
            _ => true,
        };
        subject.party_status == PartyStatus::Exempted
            || (suspended_and_new
                && (subject.party_status == PartyStatus::Suspended
                    || under_six_months(subject.admitted_on)))
    } else {
        regime.is_some_and(|regime| regime.info().skips_new_collectives)
            && under_six_months(subject.established_on)
    }
}
