//! Exact fixed-point points and exact percentage conditions.
//!
//! Points are stored in hundredths (`27.5` is `2750`), so sums and comparisons are
//! exact; percentages are never computed, they are compared by cross-multiplication
//! (`x/n ≥ 30%` is `10·x ≥ 3·n`).

use std::fmt;

/// A number of points with at most two fractional digits, stored exactly in hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Points(
    // INVARIANT: hundredths of a point, so every value is exact to two decimals and sums
    // and comparisons are integer operations; readers of JSON (`from_json_number`,
    // `from_decimal_text`) refuse a third decimal instead of rounding.
    i64,
);

/// Why a JSON number is not a valid amount of points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointsProblem {
    /// More than two digits after the decimal point.
    TooManyDecimals,
    /// Not a finite number, or too large to be points.
    NotANumber,
}

impl Points {
    /// Zero points.
    pub const ZERO: Points = Points(0);

    /// Points from a count of hundredths (`2750` is `27.5`).
    pub const fn from_hundredths(hundredths: i64) -> Points {
        Points(hundredths)
    }

    /// Whole points (`90` is `90.00`).
    pub const fn whole(points: i64) -> Points {
        Points(points * 100)
    }

    /// The value in hundredths.
    pub const fn hundredths(self) -> i64 {
        self.0
    }

    /// Exact sum, saturating at the numeric limits (inputs are range-checked long before).
    pub const fn saturating_add(self, other: Points) -> Points {
        Points(self.0.saturating_add(other.0))
    }

    /// Exact difference, saturating at the numeric limits.
    pub const fn saturating_sub(self, other: Points) -> Points {
        Points(self.0.saturating_sub(other.0))
    }

    /// Reads a JSON number exactly, from the digits the sender wrote.
    ///
    /// serde_json keeps a number's text (feature `arbitrary_precision`), so
    /// `29.999999999999999999` is refused (`TooManyDecimals`) rather than rounded to 30,
    /// `65e-400` is not 0, and `2.5e1` is 25. A number built from a float (a JavaScript
    /// or Python value) writes its shortest representation, which is what its sender
    /// meant. Any non-zero digit after the second decimal is `TooManyDecimals`; a number
    /// too large to be points (or an exponent too large to read) is `NotANumber`.
    pub fn from_json_number(number: &serde_json::Number) -> Result<Points, PointsProblem> {
        Points::from_number_text(&number.to_string())
    }

    /// Reads JSON number text (`-12.50`, `2.5e1`, `1E-2`) exactly; see
    /// [`Points::from_json_number`].
    pub fn from_number_text(text: &str) -> Result<Points, PointsProblem> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match rest.find(['e', 'E']) {
            Some(at) => (&rest[..at], Some(&rest[at + 1..])),
            None => (rest, None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
            return Err(PointsProblem::NotANumber);
        }
        // The value is `digits × 10^(−scale)`.
        let digits = format!("{whole}{fraction}");
        let significant = digits.trim_start_matches('0');
        let trimmed = significant.trim_end_matches('0');
        if trimmed.is_empty() {
            return Ok(Points::ZERO);
        }
        let exponent = match exponent {
            None => 0_i64,
            Some(text) => {
                let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
                if unsigned.is_empty() || !all_digits(unsigned) {
                    return Err(PointsProblem::NotANumber);
                }
                // Beyond this many digits the exponent alone puts the value out of reach.
                if unsigned.trim_start_matches('0').len() > 6 {
                    return Err(if text.starts_with('-') {
                        PointsProblem::TooManyDecimals
                    } else {
                        PointsProblem::NotANumber
                    });
                }
                let magnitude: i64 = unsigned.parse().map_err(|_| PointsProblem::NotANumber)?;
                if text.starts_with('-') {
                    -magnitude
                } else {
                    magnitude
                }
            }
        };
        let dropped_zeros = (significant.len() - trimmed.len()) as i64;
        let scale = fraction.len() as i64 - exponent - dropped_zeros;
        if scale > 2 {
            return Err(PointsProblem::TooManyDecimals);
        }
        // hundredths = trimmed × 10^(2 − scale), at most 17 digits (15 whole digits).
        let shift = 2 - scale;
        if trimmed.len() as i64 + shift > 17 {
            return Err(PointsProblem::NotANumber);
        }
        let mut hundredths: i64 = trimmed.parse().map_err(|_| PointsProblem::NotANumber)?;
        for _ in 0..shift {
            hundredths = hundredths
                .checked_mul(10)
                .ok_or(PointsProblem::NotANumber)?;
        }
        Ok(Points(if negative { -hundredths } else { hundredths }))
    }

    /// Parses decimal text such as `27.5`, `-3`, `8.25`.
    pub fn from_decimal_text(text: &str) -> Result<Points, PointsProblem> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (digits, ""),
        };
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(PointsProblem::NotANumber);
        }
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > 2 {
            return Err(PointsProblem::TooManyDecimals);
        }
        if whole.len() > 15 {
            return Err(PointsProblem::NotANumber);
        }
        let whole: i64 = whole.parse().map_err(|_| PointsProblem::NotANumber)?;
        let mut cents: i64 = 0;
        for (position, digit) in fraction.bytes().enumerate() {
            let weight = if position == 0 { 10 } else { 1 };
            cents += i64::from(digit - b'0') * weight;
        }
        let value = whole * 100 + cents;
        Ok(Points(if negative { -value } else { value }))
    }

    /// The value as Vietnamese writes it, with a decimal comma (`27,5`, `90`).
    pub fn vi(self) -> String {
        self.to_string().replace('.', ",")
    }

    /// The value as a JSON number (`27.5`, `90`), for output.
    pub fn to_json_number(self) -> serde_json::Number {
        if self.0 % 100 == 0 {
            serde_json::Number::from(self.0 / 100)
        } else {
            // Two fractional digits always have an exact shortest representation.
            #[expect(
                clippy::cast_precision_loss,
                reason = "|hundredths| ≤ 10^4 after validation"
            )]
            let value = self.0 as f64 / 100.0;
            serde_json::Number::from_f64(value).unwrap_or_else(|| serde_json::Number::from(0))
        }
    }
}

impl fmt::Display for Points {
    /// `27.5`, `90`, `8.25`: no trailing zeros, as people write points.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, cents) = (abs / 100, abs % 100);
        match cents {
            0 => write!(f, "{sign}{whole}"),
            c if c % 10 == 0 => write!(f, "{sign}{whole}.{}", c / 10),
            c => write!(f, "{sign}{whole}.{c:02}"),
        }
    }
}

/// `part/whole ≥ numerator/denominator`, exactly. `whole = 0` holds (nothing to miss).
pub const fn share_at_least(part: u64, whole: u64, numerator: u64, denominator: u64) -> bool {
    (part as u128) * (denominator as u128) >= (numerator as u128) * (whole as u128)
}

/// `part/whole > numerator/denominator`, exactly. `whole = 0` never holds.
pub const fn share_more_than(part: u64, whole: u64, numerator: u64, denominator: u64) -> bool {
    (part as u128) * (denominator as u128) > (numerator as u128) * (whole as u128)
}

/// A share shown to people: `25%`, `33.3%`, rounded half up to one decimal place; more
/// decimals when one would round a share that is not whole onto a whole percent, so a
/// message never shows `50%` beside "under 50%" (999 of 2000 is `49.95%`).
///
/// For messages only; no rule ever compares this value.
pub fn percent_text(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    let (part, whole) = (u128::from(part), u128::from(whole));
    let exact_whole = (part * 100) % whole == 0;
    let mut scale = 10u128;
    loop {
        // the share in 1/scale of a percent, rounded half up
        let scaled = (part * 100 * scale * 2 + whole) / (whole * 2);
        if scaled % scale != 0 || exact_whole || scale >= 10_000 {
            let (units, fraction) = (scaled / scale, scaled % scale);
            if fraction == 0 {
                return format!("{units}%");
            }
            let digits = scale.ilog10() as usize;
            let fraction = format!("{fraction:0digits$}");
            return format!("{units}.{}%", fraction.trim_end_matches('0'));
        }
        scale *= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_never_round_onto_a_whole_threshold() {
        assert_eq!(percent_text(1, 4), "25%");
        assert_eq!(percent_text(1, 3), "33.3%");
        assert_eq!(percent_text(2, 3), "66.7%");
        assert_eq!(percent_text(999, 2000), "49.95%");
        assert_eq!(percent_text(3999, 5000), "79.98%");
        assert_eq!(percent_text(1001, 5000), "20.02%");
        assert_eq!(percent_text(1, 200_000), "0.001%");
        assert_eq!(percent_text(0, 7), "0%");
        assert_eq!(percent_text(7, 7), "100%");
        assert_eq!(percent_text(1, 8), "12.5%");
    }

    #[test]
    fn parses_exact_decimals() {
        assert_eq!(Points::from_decimal_text("27.5"), Ok(Points(2750)));
        assert_eq!(Points::from_decimal_text("8.25"), Ok(Points(825)));
        assert_eq!(Points::from_decimal_text("8.20"), Ok(Points(820)));
        assert_eq!(Points::from_decimal_text("-3"), Ok(Points(-300)));
        assert_eq!(
            Points::from_decimal_text("8.255"),
            Err(PointsProblem::TooManyDecimals)
        );
        assert_eq!(
            Points::from_decimal_text("1e3"),
            Err(PointsProblem::NotANumber)
        );
        assert_eq!(
            Points::from_decimal_text(".5"),
            Err(PointsProblem::NotANumber)
        );
    }

    #[test]
    fn reads_json_numbers_without_rounding() {
        let read = |text: &str| {
            let number: serde_json::Number =
                serde_json::from_str(text).unwrap_or_else(|_| 0.into());
            Points::from_json_number(&number)
        };
        assert_eq!(read("27.5"), Ok(Points(2750)));
        assert_eq!(read("63"), Ok(Points(6300)));
        assert_eq!(read("0.1"), Ok(Points(10)));
        assert_eq!(read("27.505"), Err(PointsProblem::TooManyDecimals));
        assert_eq!(read("1e-7"), Err(PointsProblem::TooManyDecimals));
        assert_eq!(read("1e300"), Err(PointsProblem::NotANumber));
        assert_eq!(read("18446744073709551615"), Err(PointsProblem::NotANumber));
    }

    /// Issue 16, defect 2: more than 15 significant digits are read, not rounded.
    #[test]
    fn reads_json_numbers_from_their_exact_text() {
        let read = |text: &str| {
            let number: serde_json::Number = serde_json::from_str(text).unwrap();
            Points::from_json_number(&number)
        };
        let too_many = Err(PointsProblem::TooManyDecimals);
        assert_eq!(read("29.999999999999999999"), too_many);
        assert_eq!(read("30.000000000000001"), too_many);
        assert_eq!(read("65e-400"), too_many);
        assert_eq!(read("0e-400"), Ok(Points(0)));
        assert_eq!(read("0.0000000000000000000"), Ok(Points(0)));
        assert_eq!(read("27.50000000000000000000"), Ok(Points(2750)));
        assert_eq!(read("2.5e1"), Ok(Points(2500)));
        assert_eq!(read("2.55E1"), Ok(Points(2550)));
        assert_eq!(read("2750e-2"), Ok(Points(2750)));
        assert_eq!(read("2751e-3"), too_many);
        assert_eq!(read("-1.5"), Ok(Points(-150)));
        assert_eq!(read("1e400"), Err(PointsProblem::NotANumber));
        assert_eq!(read("1e99999999999"), Err(PointsProblem::NotANumber));
        assert_eq!(read("1e-99999999999"), too_many);
        assert_eq!(read("0e99999999999"), Ok(Points(0)));
        assert_eq!(
            read("100000000000000000000"),
            Err(PointsProblem::NotANumber)
        );
    }

    #[test]
    fn displays_like_people_write_points() {
        assert_eq!(Points(2750).to_string(), "27.5");
        assert_eq!(Points(9000).to_string(), "90");
        assert_eq!(Points(825).to_string(), "8.25");
        assert_eq!(Points(5).to_string(), "0.05");
        assert_eq!(Points(-150).to_string(), "-1.5");
        assert_eq!(Points(9050).vi(), "90,5");
    }

    #[test]
    fn shares_are_exact_at_the_boundary() {
        assert!(share_at_least(3, 10, 3, 10));
        assert!(!share_at_least(2, 10, 3, 10));
        assert!(share_at_least(0, 0, 3, 10));
        assert!(!share_more_than(5, 10, 1, 2));
        assert!(share_more_than(6, 10, 1, 2));
        assert!(!share_more_than(0, 0, 1, 2));
    }

    #[test]
    fn percent_text_rounds_for_people() {
        assert_eq!(percent_text(3, 12), "25%");
        assert_eq!(percent_text(1, 3), "33.3%");
        assert_eq!(percent_text(2, 3), "66.7%");
        assert_eq!(percent_text(0, 0), "0%");
    }
}
