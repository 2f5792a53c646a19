//! Invariants of the state regimes (`spec/state-regimes.md` §2), over generated records:
//!
//! - the annual score is the exact mean of the period scores, rounded once (half away
//!   from zero, two decimals), checked against an independent computation in integers;
//! - the band is the score's, and a higher score never gives a lower level when no
//!   ground holds;
//! - the state quota never leaves more Excellent than `⌊(H + X)/6⌋` per group and per
//!   agency (20%, by cross-multiplication), and applying it twice changes nothing.

#![cfg(test)]

use cadre_eval::{evaluate_text, evaluate_with_pairs, Level, Options, QuotaOptions};
use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::str::FromStr;

/// One month: general (hundredths, 0–3000) and task results (hundredths, 0–7000).
fn month() -> impl Strategy<Value = (u32, u32)> {
    (0u32..=3000, 0u32..=7000)
}

fn record(id: &str, months: &[(u32, u32)], agency: &str, group: &str) -> String {
    let periods: Vec<serde_json::Value> = months
        .iter()
        .enumerate()
        .map(|(i, (g, r))| {
            serde_json::json!({
                "month": i + 1,
                "general": f64::from(*g) / 100.0,
                "task_results": f64::from(*r) / 100.0,
            })
        })
        .collect();
    serde_json::json!({
        "id": id,
        "rating": "state",
        "period": {"year": 2026},
        "subject": {"kind": "member", "employment": "cong_chuc"},
        "periods": periods,
        "agency": agency,
        "quota_group": group,
    })
    .to_string()
}

/// The annual score in hundredths, computed independently: Σ (g + r) over n months, in
/// hundredths, divided by n and rounded half up once: ⌊(2·Σ + n) / (2·n)⌋.
fn expected_hundredths(months: &[(u32, u32)]) -> u64 {
    let sum: u64 = months.iter().map(|(g, r)| u64::from(g + r)).sum();
    let n = months.len() as u64;
    (2 * sum + n) / (2 * n)
}

fn hundredths(number: &serde_json::Number) -> u64 {
    let text = number.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = format!("{fraction:0<2}");
    whole.parse::<u64>().unwrap() * 100 + fraction[..2].parse::<u64>().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_annual_score_is_the_mean_rounded_once(months in prop::collection::vec(month(), 1..=12)) {
        let decision = evaluate_text(&record("p", &months, "a", "g"), &Options::default())
            .unwrap()
            .to_record();
        let score = decision.score.clone().unwrap();
        prop_assert_eq!(hundredths(&score), expected_hundredths(&months));
        // The exact mean is the one the decision shows.
        let state = decision.state.unwrap();
        let mean = BigRational::from_str(state.mean.as_deref().unwrap()).unwrap();
        let sum: u64 = months.iter().map(|(g, r)| u64::from(g + r)).sum();
        let wanted = BigRational::new(BigInt::from(sum), BigInt::from(100 * months.len() as u64));
        prop_assert_eq!(mean, wanted);
        // The band is the score's.
        let band = decision.band.unwrap();
        let s = hundredths(&score);
        let by_score = match s {
            9000.. => Level::Excellent,
            7000..=8999 => Level::Good,
            5000..=6999 => Level::Completed,
            _ => Level::NotCompleted,
        };
        prop_assert_eq!(band, by_score);
    }

    #[test]
    fn a_higher_score_never_gives_a_lower_level(
        months in prop::collection::vec(month(), 1..=12),
        bump in 0u32..=500,
    ) {
        let raised: Vec<(u32, u32)> = months
            .iter()
            .map(|(g, r)| ((g + bump).min(3000), *r))
            .collect();
        let low = evaluate_text(&record("p", &months, "a", "g"), &Options::default()).unwrap();
        let high = evaluate_text(&record("p", &raised, "a", "g"), &Options::default()).unwrap();
        prop_assert!(high.level >= low.level);
    }

    #[test]
    fn the_quota_keeps_at_most_a_fifth_of_the_good_count(
        people in prop::collection::vec((prop::collection::vec(month(), 1..=3), 0usize..3, 0usize..2), 1..=25),
    ) {
        let texts: Vec<String> = people
            .iter()
            .enumerate()
            .map(|(i, (months, group, agency))| {
                // Scores mostly high, so that there are candidates.
                let months: Vec<(u32, u32)> =
                    months.iter().map(|(g, r)| (2500 + g / 6, 6000 + r / 7)).collect();
                record(&format!("p{i}"), &months, &format!("ag{agency}"), &format!("g{group}"))
            })
            .collect();
        let quota = QuotaOptions::default();
        let batch = evaluate_with_pairs(&texts, &Options::default(), Some(&quota));
        let mut by_group: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let mut by_agency: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        for (d, (_, group, agency)) in batch.decisions.iter().zip(&people) {
            for (map, key) in [(&mut by_group, format!("g{group}")), (&mut by_agency, format!("ag{agency}"))] {
                let entry = map.entry(key).or_default();
                match d.level {
                    Some(Level::Excellent) => entry.0 += 1,
                    Some(Level::Good) => entry.1 += 1,
                    _ => {}
                }
            }
        }
        // X ≤ ⌊(H + X)/6⌋ ⇔ 6·X ≤ H + X (cross-multiplied), per group and per agency.
        for (excellent, good) in by_group.values().chain(by_agency.values()) {
            prop_assert!(6 * excellent <= good + excellent, "{excellent} Excellent, {good} Good");
        }
        // Applying the quota again changes nothing.
        let mut again = batch.decisions.clone();
        cadre_eval::apply_state_quota(&mut again, &quota);
        prop_assert_eq!(again, batch.decisions);
    }
}
