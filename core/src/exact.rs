//! Exact rationals for the state regimes (`spec/state-regimes.md` §2.1): a period's
//! components and score, the annual mean, and the one rounding of the mean.
//!
//! Values are `num-rational`'s big rationals: twelve periods of up to 500 weights each
//! give denominators beyond `i128`. Nothing here is ever a float; a float is made only
//! for display (`to_f64_2dp`).

use crate::points::Points;
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};

/// An exact rational number.
pub type Exact = BigRational;

/// An integer as an exact value.
pub fn int(n: i64) -> Exact {
    Exact::from_integer(BigInt::from(n))
}

/// `numerator / denominator` exactly (`denominator` non-zero; zero gives 0).
pub fn ratio(numerator: i64, denominator: i64) -> Exact {
    if denominator == 0 {
        return Exact::zero();
    }
    Exact::new(BigInt::from(numerator), BigInt::from(denominator))
}

/// `numerator / denominator` of unsigned 128-bit integers (the sums of a product list).
pub fn ratio_u128(numerator: u128, denominator: u128) -> Exact {
    if denominator == 0 {
        return Exact::zero();
    }
    Exact::new(BigInt::from(numerator), BigInt::from(denominator))
}

/// Points (hundredths) as an exact value.
pub fn of_points(points: Points) -> Exact {
    ratio(points.hundredths(), 100)
}

/// The exact text of a value: `"n/d"` in lowest terms, or `"n"` when whole.
pub fn text(value: &Exact) -> String {
    if value.is_integer() {
        value.numer().to_string()
    } else {
        format!("{}/{}", value.numer(), value.denom())
    }
}

/// Reads `"n/d"` or `"n"` (or a decimal such as `"85.5"`) exactly.
#[cfg(test)]
pub fn parse(text: &str) -> Option<Exact> {
    let text = text.trim();
    if let Some((n, d)) = text.split_once('/') {
        let n: BigInt = n.trim().parse().ok()?;
        let d: BigInt = d.trim().parse().ok()?;
        if d.is_zero() {
            return None;
        }
        return Some(Exact::new(n, d));
    }
    if let Some((whole, fraction)) = text.split_once('.') {
        let negative = whole.starts_with('-');
        let digits = format!("{}{fraction}", whole.trim_start_matches('-'));
        let mut n: BigInt = digits.parse().ok()?;
        if negative {
            n = -n;
        }
        let d = BigInt::from(10u32).pow(u32::try_from(fraction.len()).ok()?);
        return Some(Exact::new(n, d));
    }
    text.parse::<BigInt>().ok().map(Exact::from_integer)
}

/// Rounds a non-negative value once, half away from zero, to a multiple of `step`
/// hundredths (1: two decimals, 10: one, 100: a whole number), as points.
pub fn round_half_away(value: &Exact, step: u32) -> Points {
    let step = BigInt::from(step.max(1));
    // value in units of `step` hundredths: value · 100 / step.
    let scaled = value * Exact::new(BigInt::from(100), step.clone());
    let magnitude = scaled.abs();
    let units = nearest_half_up(&magnitude);
    let units = if value.is_negative() { -units } else { units };
    let hundredths = (units * step).to_i64().unwrap_or(i64::MAX);
    Points::from_hundredths(hundredths)
}

/// The whole number nearest to a non-negative value, halves up: `⌊x + ½⌋`.
fn nearest_half_up(magnitude: &Exact) -> BigInt {
    let twice: BigInt = magnitude.numer() * 2 + magnitude.denom();
    twice.div_floor(&(magnitude.denom() * 2))
}

/// The value to two decimals as a float, for display only (never compared).
pub fn to_f64_2dp(value: &Exact) -> f64 {
    round_half_away(value, 1).hundredths() as f64 / 100.0
}

/// The value shown with at most `decimals` decimals and a decimal comma (`vi`) or point:
/// exact when it is, else `≈` and the value rounded half away from zero.
pub fn approx(value: &Exact, decimals: u32, comma: bool) -> String {
    shown(value, 1, decimals, comma)
}

/// A share in [0, 1] as a percent with at most two decimals (`83,33%`, `≈ 83,33%`).
pub fn percent(value: &Exact, comma: bool) -> String {
    let text = shown(value, 100, 2, comma);
    format!("{text}%")
}

/// `value · factor` shown as [`approx`] shows it. Computed on the value's numerator and
/// denominator as integers: no rational product is formed and reduced (a gcd each),
/// which was most of a state decision's rendering time (issue 15).
fn shown(value: &Exact, factor: u32, decimals: u32, comma: bool) -> String {
    let scale = BigInt::from(10u32).pow(decimals);
    // value · factor · 10^decimals = numerator / denominator (denominator > 0).
    let numerator = value.numer() * factor * &scale;
    let denominator = value.denom();
    let exact = (&numerator % denominator).is_zero();
    // The nearest whole number, halves up: ⌊(2·|n| + d) / 2d⌋.
    let units = (numerator.abs() * 2u32 + denominator).div_floor(&(denominator * 2u32));
    let (whole, fraction) = units.div_rem(&scale);
    let mut digits = fraction.to_string();
    while digits.len() < decimals as usize {
        digits.insert(0, '0');
    }
    let digits = digits.trim_end_matches('0');
    let sign = if value.is_negative() && !units.is_zero() {
        "-"
    } else {
        ""
    };
    let separator = if comma { "," } else { "." };
    let shown = if digits.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{separator}{digits}")
    };
    if exact {
        shown
    } else {
        format!("≈ {shown}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_once() {
        // 89.995 exactly → 90.00; a hair under → 89.99.
        assert_eq!(round_half_away(&ratio(17999, 200), 1), Points::whole(90));
        let under = ratio(17999, 200) - ratio(1, 1_000_000_000_000);
        assert_eq!(round_half_away(&under, 1), Points::from_hundredths(8999));
        assert_eq!(round_half_away(&ratio(1799, 20), 10), Points::whole(90));
        assert_eq!(
            round_half_away(&ratio(1799, 20), 1),
            Points::from_hundredths(8995)
        );
        assert_eq!(round_half_away(&ratio(179, 2), 100), Points::whole(90));
    }

    #[test]
    fn texts_are_lowest_terms() {
        assert_eq!(text(&ratio(10, 4)), "5/2");
        assert_eq!(text(&ratio(98, 1)), "98");
        assert_eq!(parse("5/2"), Some(ratio(5, 2)));
        assert_eq!(parse("85.5"), Some(ratio(171, 2)));
        assert_eq!(parse("90"), Some(int(90)));
    }

    #[test]
    fn shows_exact_values_exactly_and_others_approximately() {
        assert_eq!(approx(&ratio(17999, 200), 4, true), "89,995");
        assert_eq!(approx(&ratio(260, 3), 2, false), "≈ 86.67");
        assert_eq!(approx(&int(98), 2, true), "98");
        assert_eq!(percent(&ratio(17, 20), true), "85%");
        assert_eq!(percent(&ratio(5, 6), true), "≈ 83,33%");
    }

    /// The shown value against the rational product, reduced, rounded by the written-out
    /// rule: the integer path must agree on every sign, size and number of decimals.
    #[test]
    fn showing_agrees_with_the_rational_product() {
        for n in -250i64..=250 {
            for d in [1i64, 2, 3, 6, 7, 8, 12, 40, 99, 365] {
                let value = ratio(n, d);
                for (factor, decimals) in [(1u32, 0u32), (1, 2), (1, 4), (100, 2)] {
                    let scaled = &value * int(i64::from(factor) * 10i64.pow(decimals));
                    let units = nearest_half_up(&scaled.abs());
                    let scale = BigInt::from(10u32).pow(decimals);
                    let (whole, fraction) = units.div_rem(&scale);
                    let mut digits = format!("{fraction:0>width$}", width = decimals as usize);
                    digits = digits.trim_end_matches('0').to_owned();
                    let sign = if n < 0 && !units.is_zero() { "-" } else { "" };
                    let mut want = format!("{sign}{whole}");
                    if !digits.is_empty() {
                        want = format!("{want}.{digits}");
                    }
                    if !scaled.is_integer() {
                        want = format!("≈ {want}");
                    }
                    assert_eq!(shown(&value, factor, decimals, false), want, "{n}/{d}");
                }
            }
        }
    }
}
