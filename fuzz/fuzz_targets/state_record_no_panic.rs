//! state-record-no-panic: state records (`"rating": "state"`) built from the bytes —
//! months or quarters, `no_work`, general points, product lists with weights, failures,
//! delays and extras, a leader's unit facts, leave — evaluated alone and in a batch with
//! the state quota. Nothing may panic, whatever the exact arithmetic meets (twelve
//! periods of many weights give large denominators); every result renders.

#![no_main]

mod common;

use cadre_eval::{evaluate_batch_json, evaluate_text, BatchOptions, Options, QuotaOptions};
use libfuzzer_sys::fuzz_target;

/// Reads the bytes one at a time, zero when they run out.
struct Bytes<'a>(std::slice::Iter<'a, u8>);

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        self.0.next().copied().unwrap_or(0)
    }
}

fn record(id: usize, b: &mut Bytes<'_>) -> serde_json::Value {
    let quarterly = b.next() % 4 == 0;
    let leader = b.next() % 3 == 0;
    let count = usize::from(b.next() % if quarterly { 5 } else { 13 });
    let periods: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            let key = if quarterly { "quarter" } else { "month" };
            if b.next() % 7 == 0 {
                return serde_json::json!({ key: i + 1, "no_work": true });
            }
            let products: Vec<serde_json::Value> = (0..usize::from(b.next() % 9 + 1))
                .map(|_| {
                    serde_json::json!({
                        "weight": f64::from(u16::from(b.next()) * 7 + 1) / 100.0,
                        "done": b.next() % 5 != 0,
                        "quality_failures": b.next() % 6,
                        "delays": b.next() % 6,
                    })
                })
                .collect();
            let mut period = serde_json::json!({
                key: i + 1,
                "general": f64::from(u32::from(b.next()) * 3000 / 255) / 100.0,
                "products": products,
            });
            if leader {
                period["unit"] = serde_json::json!({
                    "staff_not_completed": b.next() % 3,
                    "prolonged_delays": b.next() % 2 == 0,
                    "disunity_complaints": b.next() % 2 == 0,
                });
            }
            period
        })
        .collect();
    serde_json::json!({
        "id": format!("s{id}"),
        "rating": "state",
        "period": {"year": 2026},
        "subject": {"kind": if leader { "leader" } else { "member" }, "employment": "cong_chuc"},
        "periods": periods,
        "agency": format!("a{}", b.next() % 2),
        "leave": {"months_absent": b.next() % 8, "kind": "sick"},
    })
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = Bytes(data.iter());
    let records: Vec<serde_json::Value> = (0..usize::from(bytes.next() % 6 + 1))
        .map(|id| record(id, &mut bytes))
        .collect();
    for record in &records {
        match evaluate_text(&record.to_string(), &Options::default()) {
            Ok(decision) => common::check_decision(&decision),
            Err(errors) => common::check_errors(&errors),
        }
    }
    let options = BatchOptions {
        evaluation: Options::default(),
        quota: Some(QuotaOptions::default()),
    };
    match evaluate_batch_json(&serde_json::Value::Array(records).to_string(), &options) {
        Ok(batch) => batch.items.iter().for_each(common::check_item),
        Err(errors) => common::check_errors(&errors),
    }
});
