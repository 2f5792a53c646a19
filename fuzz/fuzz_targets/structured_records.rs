//! structured-records: structure-aware (`arbitrary`) records rather than bytes: each
//! input builds an assessment with every field in or near its range (subject kinds,
//! points with two decimals, task counts, discipline, leave, regimes by year), written
//! as JSON and evaluated under every option combination. Nothing may panic; a record
//! is decided or rejected with errors; the same record read from its JSON text and from
//! a parsed JSON value gives the same decision.

#![no_main]

mod common;

use arbitrary::Arbitrary;
use cadre_eval::{assessment_from_value, evaluate, evaluate_text};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

#[derive(Debug, Arbitrary)]
struct Record {
    kind: u8,
    year: u8,
    general_hundredths: u16,
    task_hundredths: u16,
    assigned: u8,
    completed: u8,
    on_time: u8,
    exceeded: u8,
    discipline: Option<(u8, u8, u8)>,
    leave_months: Option<u8>,
    basic_targets_missed: Option<u8>,
    grades: Option<(u8, u8)>,
    regime: Option<u8>,
}

const KINDS: [&str; 3] = ["member", "leader", "collective"];
const FORMS: [&str; 4] = ["reprimand", "warning", "removal", "expulsion"];
const GRADES: [&str; 4] = ["excellent", "good", "average", "poor"];
const REGIMES: [&str; 3] = ["qd366", "qd124", "qd132"];

fn build(record: &Record) -> Value {
    let kind = KINDS[usize::from(record.kind) % KINDS.len()];
    let year = 2018 + i64::from(record.year % 10);
    let points = |hundredths: u16, max: u16| {
        let value = hundredths % (max * 100 + 200);
        json!(value as f64 / 100.0)
    };
    let mut value = json!({
        "id": "r",
        "period": {"year": year},
        "subject": {"kind": kind},
        "score": {
            "general": points(record.general_hundredths, 30),
            "task_results": points(record.task_hundredths, 70),
        },
        "tasks": {
            "assigned": record.assigned,
            "completed": record.completed,
            "on_time": record.on_time,
            "exceeded": record.exceeded,
        },
    });
    if kind == "collective" {
        value["subject"]["collective_kind"] = json!("leadership");
    }
    if let Some((form, month, day)) = record.discipline {
        value["discipline"] = json!([{
            "form": FORMS[usize::from(form) % FORMS.len()],
            "decided_on": format!("{year}-{:02}-{:02}", 1 + month % 12, 1 + day % 28),
        }]);
    }
    if let Some(months) = record.leave_months {
        value["leave"] = json!({"sick_months": months % 14});
    }
    if let (Some(missed), "leader") = (record.basic_targets_missed, kind) {
        value["leader"] = json!({"basic_targets": {"applicable": true, "missed": missed % 7}});
    }
    if let Some((a, b)) = record.grades {
        value["grades"] = json!({
            "criteria": {"c1": GRADES[usize::from(a) % 4]},
            "task_results": GRADES[usize::from(b) % 4],
        });
    }
    if let Some(regime) = record.regime {
        value["regime"] = json!(REGIMES[usize::from(regime) % REGIMES.len()]);
    }
    value
}

fuzz_target!(|record: Record| {
    let value = build(&record);
    let text = value.to_string();
    for options in &common::ALL_OPTIONS {
        let from_text = evaluate_text(&text, options);
        let from_value = assessment_from_value(&value).and_then(|a| evaluate(&a, options));
        match (&from_text, &from_value) {
            (Ok(a), Ok(b)) => {
                common::check_decision(a);
                assert_eq!(a.to_record(), b.to_record(), "text and value disagree");
            }
            (Err(a), Err(b)) => {
                common::check_errors(a);
                assert_eq!(a, b, "text and value give different errors");
            }
            _ => panic!("text and value disagree: {from_text:?} / {from_value:?}"),
        }
    }
});
