//! Calendar arithmetic: periods and calendar months with month-end clamping.

use chrono::{Datelike, Months, NaiveDate};

/// A closed span of days `[from, to]`: the period evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First day, inclusive.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
}

impl Span {
    /// Whether `day` lies in the span, both ends included.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The calendar year `year`, if representable.
    pub fn year(year: i32) -> Option<Span> {
        Some(Span {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// Quarter `quarter` (1–4) of `year`.
    pub fn quarter(year: i32, quarter: u32) -> Option<Span> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let first_month = (quarter - 1) * 3 + 1;
        let from = NaiveDate::from_ymd_opt(year, first_month, 1)?;
        let to = add_months(from, 3)?.pred_opt()?;
        Some(Span { from, to })
    }
}

/// `day` plus `months` calendar months; a day past the end of the target month clamps
/// to its last day (31 Aug + 6 months = 28 or 29 Feb).
pub fn add_months(day: NaiveDate, months: u32) -> Option<NaiveDate> {
    day.checked_add_months(Months::new(months))
}

/// Parses an ISO calendar date `YYYY-MM-DD` (exactly that shape: no time, no offset).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let digits_ok = bytes
        .iter()
        .enumerate()
        .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !digits_ok {
        return None;
    }
    let year: i32 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `dd/mm/yyyy`, as Vietnamese documents write dates.
pub fn vi_date(day: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", day.day(), day.month(), day.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn six_months_clamp_to_month_end() {
        assert_eq!(add_months(d(2025, 8, 31), 6), Some(d(2026, 2, 28)));
        assert_eq!(add_months(d(2023, 8, 31), 6), Some(d(2024, 2, 29)));
        assert_eq!(add_months(d(2025, 6, 20), 6), Some(d(2025, 12, 20)));
    }

    #[test]
    fn quarters_cover_the_year() {
        let q1 = Span::quarter(2025, 1);
        assert_eq!(
            q1.map(|s| (s.from, s.to)),
            Some((d(2025, 1, 1), d(2025, 3, 31)))
        );
        let q4 = Span::quarter(2025, 4);
        assert_eq!(q4.map(|s| s.to), Some(d(2025, 12, 31)));
        assert_eq!(Span::quarter(2025, 5), None);
    }

    #[test]
    fn parses_only_iso_dates() {
        assert_eq!(parse_iso_date("2025-02-28"), Some(d(2025, 2, 28)));
        assert_eq!(parse_iso_date("2025-02-29"), None);
        assert_eq!(parse_iso_date("2025-2-28"), None);
        assert_eq!(parse_iso_date("2025-02-28T00:00"), None);
        assert_eq!(parse_iso_date("+025-02-28"), None);
        assert_eq!(vi_date(d(2025, 8, 30)), "30/08/2025");
    }
}
