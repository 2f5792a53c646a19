//! The arithmetic of `nd335` and `nd233` (`spec/state-regimes.md` §2.1–2.2): a period's
//! `a`, `b`, `c` from its product list (and a leader's `d`, `đ`, `e`), its score
//! `S_p = G_p + R_p`, and the annual mean over the periods with work, rounded once.
//!
//! Sums over a product list are integers (weights in hundredths, credits in quarters of
//! them); the rest is exact rationals (`crate::exact`). Nothing is rounded before the
//! mean.

use crate::contract::state_options::Rounding;
use crate::exact::{int, of_points, ratio_u128, round_half_away, Exact};
use crate::model::{LeaderFacts, PeriodKey, PeriodWork, Product, StatePeriod, TaskResults};
use crate::points::Points;
use num_traits::{One, Zero};

/// One period's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodScore {
    /// Which month or quarter.
    pub key: PeriodKey,
    /// Its numbers, or `None` for a period without assigned work.
    pub work: Option<WorkScore>,
}

/// A work period's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkScore {
    /// `G_p`.
    pub general: Points,
    /// The components, when `R_p` was computed from a product list.
    pub components: Option<Box<Components>>,
    /// `R_p`, exact.
    pub task_results: Exact,
    /// `S_p = G_p + R_p`, exact.
    pub score: Exact,
}

/// What a product list gives (ND 335 Art. 14.2, 15.3, 16).
#[derive(Debug, Clone, PartialEq)]
pub struct Components {
    /// The assigned total of converted weights (products not `extra`).
    pub assigned_weight: Points,
    /// Converted weight of the products done (extra ones included).
    pub done_weight: Points,
    /// Converted weight of the products done beyond the assignment.
    pub extra_weight: Points,
    /// Σ w·done·max(0, 1 − ¼·failures), exact.
    pub quality_weight: Exact,
    /// Σ w·done·max(0, 1 − ¼·delays), exact.
    pub progress_weight: Exact,
    /// Failed quality reviews counted (of products done).
    pub quality_failures: u64,
    /// Delays counted (of products done).
    pub delays: u64,
    /// Products done whose quality credit fell to zero.
    pub quality_at_zero: u32,
    /// Products done whose progress credit fell to zero.
    pub progress_at_zero: u32,
    /// Quantity `a`, capped at 1.
    pub a: Exact,
    /// Quality `b`, capped at 1.
    pub b: Exact,
    /// Progress `c`, capped at 1.
    pub c: Exact,
    /// Which of `a`, `b`, `c` were capped (bits 0, 1, 2).
    pub capped: u8,
    /// `a`, `b`, `c` before the cap, when capped.
    pub uncapped: [Exact; 3],
    /// A leader's `d`, `đ`, `e`.
    pub leader: Option<LeaderScore>,
}

/// A leader's unit-side components of one period.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderScore {
    /// `d`.
    pub d: Exact,
    /// `đ`.
    pub dd: Exact,
    /// `e`.
    pub e: Exact,
    /// The facts read.
    pub facts: LeaderFacts,
    /// Which of `d`, `đ`, `e` were given directly (bits 0, 1, 2).
    pub given: u8,
    /// Which given values are neither 1 nor ½ (the `override` option; bits 0, 1, 2).
    pub overridden: u8,
}

/// The annual mean.
#[derive(Debug, Clone, PartialEq)]
pub struct YearScore {
    /// Periods counted (with work).
    pub counted: u32,
    /// Σ S_p over them, exact.
    pub sum: Exact,
    /// The mean, exact.
    pub mean: Exact,
    /// The mean rounded once (the annual score `S`).
    pub score: Points,
}

/// `max(0, 4 − k)`: a product's credit in quarters after `k` deductions of 25%.
fn quarters_left(deductions: u32) -> u128 {
    u128::from(4u32.saturating_sub(deductions))
}

/// Scores one period.
pub fn score_period(period: &StatePeriod) -> PeriodScore {
    PeriodScore {
        key: period.key,
        work: period.work.as_ref().map(score_work),
    }
}

fn score_work(work: &PeriodWork) -> WorkScore {
    let general = of_points(work.general);
    match &work.results {
        TaskResults::Given(points) => {
            let task_results = of_points(*points);
            WorkScore {
                general: work.general,
                components: None,
                score: &general + &task_results,
                task_results,
            }
        }
        TaskResults::Products(products, leader) => {
            let components = components(products, leader.as_ref());
            let task_results = task_results(&components);
            WorkScore {
                general: work.general,
                score: &general + &task_results,
                task_results,
                components: Some(Box::new(components)),
            }
        }
    }
}

/// `R_p` from the components: 70·(a+b+c)/3, or 70·(a+b+c+d+đ+e)/6 for a leader.
pub fn task_results(c: &Components) -> Exact {
    let mut sum = &c.a + &c.b + &c.c;
    let parts = match &c.leader {
        Some(l) => {
            sum += &l.d + &l.dd + &l.e;
            6
        }
        None => 3,
    };
    sum * int(70) / int(parts)
}

/// `a`, `b`, `c` (and `d`, `đ`, `e`) of a product list. The denominator is always the
/// assigned total (never the completed one); each share is capped at 1.
pub fn components(products: &[Product], leader: Option<&LeaderFacts>) -> Components {
    let mut assigned: u128 = 0;
    let mut done: u128 = 0;
    let mut extra: u128 = 0;
    let mut quality: u128 = 0;
    let mut progress: u128 = 0;
    let (mut failures, mut delays) = (0u64, 0u64);
    let (mut quality_at_zero, mut progress_at_zero) = (0u32, 0u32);
    for product in products {
        let weight = u128::try_from(product.weight.hundredths()).unwrap_or(0);
        if !product.extra {
            assigned += weight;
        }
        if !product.done {
            continue;
        }
        done += weight;
        if product.extra {
            extra += weight;
        }
        quality += weight * quarters_left(product.quality_failures);
        progress += weight * quarters_left(product.delays);
        failures += u64::from(product.quality_failures);
        delays += u64::from(product.delays);
        quality_at_zero += u32::from(product.quality_failures >= 4);
        progress_at_zero += u32::from(product.delays >= 4);
    }
    let raw_a = ratio_u128(done, assigned);
    let raw_b = ratio_u128(quality, 4 * assigned);
    let raw_c = ratio_u128(progress, 4 * assigned);
    let mut capped = 0u8;
    let mut cap = |value: &Exact, bit: u8| {
        if *value > Exact::one() {
            capped |= 1 << bit;
            Exact::one()
        } else {
            value.clone()
        }
    };
    let (a, b, c) = (cap(&raw_a, 0), cap(&raw_b, 1), cap(&raw_c, 2));
    let hundredths = |n: u128| Points::from_hundredths(i64::try_from(n).unwrap_or(i64::MAX));
    Components {
        assigned_weight: hundredths(assigned),
        done_weight: hundredths(done),
        extra_weight: hundredths(extra),
        quality_weight: ratio_u128(quality, 400),
        progress_weight: ratio_u128(progress, 400),
        quality_failures: failures,
        delays,
        quality_at_zero,
        progress_at_zero,
        a,
        b,
        c,
        capped,
        uncapped: [raw_a, raw_b, raw_c],
        leader: leader.map(leader_score),
    }
}

/// A leader's `d`, `đ`, `e` (ND 335 Art. 15.3): a value given directly, else ½ when the
/// fact holds (staff under 50, prolonged delays, disunity complaints), else 1.
pub fn leader_score(facts: &LeaderFacts) -> LeaderScore {
    let half = Exact::new(1.into(), 2.into());
    let one = Exact::one();
    let mut given = 0u8;
    let mut overridden = 0u8;
    let mut component = |direct: Option<Points>, fact: bool, bit: u8| match direct {
        Some(points) => {
            given |= 1 << bit;
            if points != Points::whole(1) && points != Points::from_hundredths(50) {
                overridden |= 1 << bit;
            }
            of_points(points)
        }
        None if fact => half.clone(),
        None => one.clone(),
    };
    let d = component(facts.d, facts.staff_not_completed.is_some_and(|k| k > 0), 0);
    let dd = component(facts.dd, facts.prolonged_delays == Some(true), 1);
    let e = component(facts.e, facts.disunity_complaints == Some(true), 2);
    LeaderScore {
        d,
        dd,
        e,
        facts: *facts,
        given,
        overridden,
    }
}

/// The annual mean over the periods with work, rounded once (`None`: no period with
/// work).
pub fn year_score(periods: &[PeriodScore], rounding: Rounding) -> Option<YearScore> {
    let mut sum = Exact::zero();
    let mut counted = 0u32;
    for work in periods.iter().filter_map(|p| p.work.as_ref()) {
        sum += &work.score;
        counted += 1;
    }
    if counted == 0 {
        return None;
    }
    let mean = &sum / int(i64::from(counted));
    let score = round_half_away(&mean, rounding.step());
    Some(YearScore {
        counted,
        sum,
        mean,
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::{ratio, text};

    fn product(weight: i64, done: bool, failures: u32, delays: u32) -> Product {
        Product {
            weight: Points::from_hundredths(weight),
            done,
            quality_failures: failures,
            delays,
            extra: false,
            label: None,
        }
    }

    #[test]
    fn the_denominator_is_the_assigned_total() {
        // 2 units done with 1 failed review and 2 delays, 2 units not done.
        let c = components(&[product(200, true, 1, 2), product(200, false, 0, 0)], None);
        assert_eq!(c.a, ratio(1, 2));
        assert_eq!(c.b, ratio(3, 8));
        assert_eq!(c.c, ratio(1, 4));
        assert_eq!(text(&task_results(&c)), "105/4");
    }

    #[test]
    fn deductions_floor_at_zero() {
        let c = components(&[product(100, true, 5, 0), product(100, true, 0, 0)], None);
        assert_eq!(c.b, ratio(1, 2));
        assert_eq!(c.quality_at_zero, 1);
    }

    #[test]
    fn extra_products_are_capped_at_one() {
        let mut extra = product(100, true, 0, 1);
        extra.extra = true;
        let c = components(
            &[product(200, true, 2, 0), product(100, true, 0, 0), extra],
            None,
        );
        assert_eq!(c.a, Exact::one());
        assert_eq!(c.b, Exact::one());
        assert_eq!(c.c, Exact::one());
        assert_eq!(c.capped, 0b101);
    }

    #[test]
    fn a_leaders_d_is_half_with_staff_under_50() {
        let facts = LeaderFacts {
            staff_not_completed: Some(1),
            ..LeaderFacts::default()
        };
        let c = components(&[product(300, true, 0, 0)], Some(&facts));
        assert_eq!(text(&task_results(&c)), "385/6");
    }
}
