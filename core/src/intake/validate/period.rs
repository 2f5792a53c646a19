//! The period and the evaluation day.

use crate::contract::assessment::{Assessment, PeriodInput};
use crate::contract::errors::ErrorCode;
use crate::contract::regime::RegimeId;
use crate::dates::{vi_date, Span};
use crate::intake::validate::problems::Problems;
use chrono::{Datelike, Months, NaiveDate};

/// The period as written, checked.
pub fn period(problems: &mut Problems, input: &PeriodInput) -> Option<Span> {
    match (input.year, input.quarter, &input.from, &input.to) {
        (Some(year), quarter, None, None) => {
            if !(1900..=2200).contains(&year) {
                problems.push(
                    ErrorCode::OutOfRange,
                    "/period/year",
                    format!("Năm {year} nằm ngoài khoảng 1900–2200"),
                    format!("year {year} is outside 1900–2200"),
                );
                return None;
            }
            match quarter {
                None => Span::year(year),
                Some(q) => {
                    let span = Span::quarter(year, q);
                    if span.is_none() {
                        problems.push(
                            ErrorCode::OutOfRange,
                            "/period/quarter",
                            format!("Quý {q} không tồn tại (1–4)"),
                            format!("quarter {q} does not exist (1–4)"),
                        );
                    }
                    span
                }
            }
        }
        (None, None, Some(from), Some(to)) => {
            let from = problems.date("/period/from", from);
            let to = problems.date("/period/to", to);
            let (from, to) = (from?, to?);
            // The same years as `{year}` (issue 16, defect 11: `{from, to}` skipped them).
            let mut in_range = true;
            for (path, day) in [("/period/from", from), ("/period/to", to)] {
                if !(1900..=2200).contains(&day.year()) {
                    problems.push(
                        ErrorCode::OutOfRange,
                        path,
                        format!("Ngày {} nằm ngoài các năm 1900–2200", vi_date(day)),
                        format!("{day} is outside the years 1900–2200"),
                    );
                    in_range = false;
                }
            }
            if !in_range {
                return None;
            }
            if from > to {
                problems.push(
                    ErrorCode::InvalidDate,
                    "/period/to",
                    format!(
                        "Ngày kết thúc {} trước ngày bắt đầu {}",
                        vi_date(to),
                        vi_date(from)
                    ),
                    format!("the period ends ({to}) before it starts ({from})"),
                );
                return None;
            }
            Some(Span { from, to })
        }
        _ => {
            problems.push(
                ErrorCode::InvalidValue,
                "/period",
                "Kỳ đánh giá phải là {year}, {year, quarter} hoặc {from, to}".to_owned(),
                "the period must be {year}, {year, quarter} or {from, to}".to_owned(),
            );
            None
        }
    }
}

/// The last day of a period as written, if it is valid.
pub fn period_last_day(input: &PeriodInput) -> Option<NaiveDate> {
    period(&mut Problems::default(), input).map(|span| span.to)
}

/// How many years after its period's last day a record may be evaluated
/// ([`evaluation_day`]); documented in `docs/contract.md`.
pub const MAX_YEARS_AFTER_PERIOD: i32 = 10;

/// The evaluation day: as written, or the period's last day; never before the period,
/// nor more than [`MAX_YEARS_AFTER_PERIOD`] years after its last day.
pub fn evaluation_day(
    p: &mut Problems,
    input: &Assessment,
    span: Option<Span>,
) -> Option<NaiveDate> {
    let as_of = match &input.as_of {
        Some(text) => p.date("/as_of", text),
        None => span.map(|s| s.to),
    };
    if let (Some(span), Some(day)) = (span, as_of) {
        if day < span.from {
            p.push(
                ErrorCode::InvalidDate,
                "/as_of",
                format!(
                    "Ngày đánh giá {} trước khi kỳ bắt đầu ({})",
                    vi_date(day),
                    vi_date(span.from)
                ),
                format!(
                    "the evaluation day {day} is before the period starts ({})",
                    span.from
                ),
            );
        } else if let Some(bound) = span.to.checked_add_months(Months::new(
            u32::try_from(12 * MAX_YEARS_AFTER_PERIOD).unwrap_or(u32::MAX),
        )) {
            if day > bound {
                p.push(
                    ErrorCode::InvalidDate,
                    "/as_of",
                    format!(
                        "Ngày đánh giá {} sau khi kỳ kết thúc ({}) hơn {MAX_YEARS_AFTER_PERIOD} năm",
                        vi_date(day),
                        vi_date(span.to)
                    ),
                    format!(
                        "the evaluation day {day} is more than {MAX_YEARS_AFTER_PERIOD} years after the period ends ({})",
                        span.to
                    ),
                );
            }
        }
    }
    as_of
}

/// QĐ 124 and HD 21 classify once a year (a term of several years is read at its end):
/// a quarter is refused under a regime that does not classify by quarter.
pub fn yearly_only(p: &mut Problems, input: &Assessment, regime: Option<RegimeId>) {
    if regime.is_some_and(|regime| !regime.info().quarterly) && input.period.quarter.is_some() {
        p.push(
            ErrorCode::NotApplicable,
            "/period/quarter",
            "Quy định 124 và 132 xếp loại chất lượng hằng năm, không theo quý".to_owned(),
            "QĐ 124 and QĐ 132 classify yearly, not by quarter".to_owned(),
        );
    }
}
