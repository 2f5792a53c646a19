//! Form schemas: one per subject kind, every field labelled in both languages and cited,
//! and a form filled from its own schema is a valid assessment.

#![cfg(test)]

use cadre_eval::{
    evaluate_json, form_schema, CollectiveKind, Field, FieldType, FormRequest, FormSchema, IsoDate,
    Level, Options, Rule, SubjectKind,
};
use chrono::NaiveDate;
use serde_json::{json, Value};

fn request(kind: SubjectKind) -> FormRequest {
    FormRequest {
        rating: cadre_eval::Rating::Party,
        employment: None,
        period_kind: None,
        regime: cadre_eval::RegimeId::Qd366,
        kind,
        outside_political_system: false,
        centrally_managed: false,
        collective_kind: None,
        on: IsoDate(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()),
        scope: None,
    }
}

fn all_requests() -> Vec<(String, FormRequest)> {
    let mut list = vec![
        ("member".to_owned(), request(SubjectKind::Member)),
        (
            "member-pl5".to_owned(),
            FormRequest {
                outside_political_system: true,
                ..request(SubjectKind::Member)
            },
        ),
        ("leader".to_owned(), request(SubjectKind::Leader)),
        (
            "leader-pl2".to_owned(),
            FormRequest {
                centrally_managed: true,
                ..request(SubjectKind::Leader)
            },
        ),
    ];
    for kind in [
        CollectiveKind::Leadership,
        CollectiveKind::PartyCommittee,
        CollectiveKind::PartyOrganisation,
        CollectiveKind::Agency,
    ] {
        list.push((
            format!("collective-{kind:?}"),
            FormRequest {
                collective_kind: Some(kind),
                ..request(SubjectKind::Collective)
            },
        ));
    }
    list
}

fn set(record: &mut Value, path: &str, value: Value) {
    let mut at = record;
    let parts: Vec<String> = path
        .trim_start_matches('/')
        .split('/')
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            at[part.as_str()] = value;
            return;
        }
        if at.get(part.as_str()).is_none() {
            at[part.as_str()] = json!({});
        }
        at = &mut at[part.as_str()];
    }
}

/// Fills every required field with its largest allowed value (or the first choice).
fn fill(form: &FormSchema) -> Value {
    let mut record = Value::Object(form.fixed.clone());
    record["id"] = json!("form-test");
    record["period"] = json!({"year": 2025});
    let mut bounded: Vec<&Field> = Vec::new();
    for field in form.sections.iter().flat_map(|s| &s.fields) {
        if !field.required {
            continue;
        }
        match field.field_type {
            FieldType::Decimal | FieldType::Integer if field.max_field.is_some() => {
                bounded.push(field)
            }
            FieldType::Decimal => set(
                &mut record,
                &field.path,
                Value::Number(field.max.clone().unwrap()),
            ),
            FieldType::Integer => set(&mut record, &field.path, json!(10)),
            FieldType::Choice => set(&mut record, &field.path, json!(field.options[0].value)),
            FieldType::Boolean => set(&mut record, &field.path, json!(false)),
            FieldType::Date => set(&mut record, &field.path, json!("2020-01-01")),
            FieldType::Text => set(&mut record, &field.path, json!("x")),
            FieldType::List | FieldType::Group => {}
        }
    }
    for field in bounded {
        let bound = record
            .pointer(field.max_field.as_deref().unwrap())
            .cloned()
            .unwrap_or(json!(0));
        set(&mut record, &field.path, bound);
    }
    record
}

/// A field has labels in both languages and cites rules the catalogue knows.
fn assert_labelled_and_cited(name: &str, field: &Field) {
    assert!(
        !field.label.vi.is_empty() && !field.label.en.is_empty(),
        "{name}: {} unlabelled",
        field.path
    );
    assert!(
        !field.citations.is_empty(),
        "{name}: {} uncited",
        field.path
    );
    for citation in &field.citations {
        assert!(
            Rule::from_id(&citation.rule).is_some(),
            "{name}: {}",
            citation.rule
        );
    }
}

#[test]
fn every_kind_has_a_form_whose_fields_are_labelled_cited_and_fillable() {
    for (name, request) in all_requests() {
        let form = form_schema(&request, None);
        assert!(
            ["2A", "2B", "2C", "01"].contains(&form.form.as_str()),
            "{name}"
        );
        assert!(
            form.sections.len() >= 6,
            "{name}: {} sections",
            form.sections.len()
        );
        for field in form.sections.iter().flat_map(|s| &s.fields).chain(
            form.sections
                .iter()
                .flat_map(|s| s.fields.iter().flat_map(|f| &f.item_fields)),
        ) {
            assert_labelled_and_cited(&name, field);
            if field.field_type == FieldType::Choice {
                assert!(
                    !field.options.is_empty(),
                    "{name}: {} has no options",
                    field.path
                );
            }
        }
        let record = fill(&form);
        let decision = evaluate_json(&record.to_string(), &Options::default())
            .unwrap_or_else(|e| panic!("{name}: the filled form does not validate: {e}\n{record}"));
        assert!(decision.level.is_some(), "{name}");
    }
}

#[test]
fn the_conduct_checklist_lists_the_items_of_the_role() {
    let member = form_schema(&request(SubjectKind::Member), None);
    let leader = form_schema(&request(SubjectKind::Leader), None);
    let items = |form: &FormSchema| -> Vec<String> {
        form.sections
            .iter()
            .filter(|s| s.id == "conduct")
            .flat_map(|s| &s.fields)
            .map(|f| f.conduct_item.as_ref().unwrap().id.clone())
            .collect()
    };
    let (m, l) = (items(&member), items(&leader));
    assert!(m.len() >= 30, "{}", m.len());
    assert!(
        m.iter().all(|id| l.contains(id)),
        "a leader answers everyone's items too"
    );
    assert!(l.len() > m.len(), "and more");
    assert!(m.iter().any(|id| id.starts_with("q37.")));
    let collective = form_schema(
        &FormRequest {
            collective_kind: Some(CollectiveKind::PartyOrganisation),
            ..request(SubjectKind::Collective)
        },
        None,
    );
    assert!(
        items(&collective).is_empty(),
        "a collective answers no personal item"
    );
}

#[test]
fn a_profile_gives_one_field_per_criteria_item_and_the_items_sum_exactly() {
    let profile = cadre_eval::shipped_profile("illustrative-pl3-even").unwrap();
    let form = form_schema(&request(SubjectKind::Leader), Some(profile));
    let items: Vec<&Field> = form
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.path.starts_with("/score/items/"))
        .collect();
    assert_eq!(items.len(), profile.leaves().count());
    let record = fill(&form);
    let decision = evaluate_json(&record.to_string(), &Options::default())
        .unwrap_or_else(|e| panic!("{e}\n{record}"));
    assert_eq!(
        decision.score.map(|s| s.to_string()),
        Some("100".to_owned()),
        "every item at its max is 100 points"
    );
    assert_eq!(
        decision.level,
        Some(Level::Excellent),
        "100 points, all 10 tasks on time and above requirement"
    );
}

/// The discipline section knows a collective's own discipline (rules-qd366 §4, §7, revision
/// of 7/12/2026): a record without a member is a trigger for a leadership collective
/// (`qd366.11.4.T.own_discipline`) and, for the other collectives, rules out Excellent and
/// goes to the superior committee (`qd366.7.own_discipline`); the member field says how to
/// write it, and every citation reads in Vietnamese ("ghi chú", not "notes").
#[test]
fn the_discipline_section_knows_a_collectives_own_discipline() {
    for (kind, own, not_cited) in [
        (
            CollectiveKind::Leadership,
            "qd366.11.4.T.own_discipline",
            "qd366.7.own_discipline",
        ),
        (
            CollectiveKind::PartyCommittee,
            "qd366.7.own_discipline",
            "qd366.11.4.T.own_discipline",
        ),
        (
            CollectiveKind::PartyOrganisation,
            "qd366.7.own_discipline",
            "qd366.11.4.T.own_discipline",
        ),
        (
            CollectiveKind::Agency,
            "qd366.7.own_discipline",
            "qd366.11.4.T.own_discipline",
        ),
    ] {
        let form = form_schema(
            &FormRequest {
                collective_kind: Some(kind),
                ..request(SubjectKind::Collective)
            },
            None,
        );
        let list = form
            .sections
            .iter()
            .filter(|s| s.id == "discipline")
            .flat_map(|s| &s.fields)
            .find(|f| f.path == "/discipline")
            .unwrap_or_else(|| panic!("{kind:?}: no discipline list"));
        let cited = |field: &Field| -> Vec<String> {
            field.citations.iter().map(|c| c.rule.clone()).collect()
        };
        assert!(
            cited(list).contains(&own.to_owned()),
            "{kind:?}: {:?}",
            cited(list)
        );
        assert!(!cited(list).contains(&not_cited.to_owned()), "{kind:?}");
        let member = list
            .item_fields
            .iter()
            .find(|f| f.path == "/member_id")
            .unwrap_or_else(|| panic!("{kind:?}: no member field"));
        assert!(cited(member).contains(&own.to_owned()), "{kind:?}");
        assert!(member.help.en.contains("the collective itself"), "{kind:?}");
        assert!(member.help.vi.contains("chính tập thể"), "{kind:?}");
        let at_previous_unit = list
            .item_fields
            .iter()
            .find(|f| f.path == "/at_previous_unit")
            .unwrap_or_else(|| panic!("{kind:?}: no previous-unit field"));
        assert_eq!(
            at_previous_unit
                .citations
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["366-QĐ/TW, Điều 11, ghi chú 2–3"]
        );
    }
}

/// The state forms (`rating: state`): every field labelled and cited; the period's fields,
/// answered at their best for period 0 (`{p}` → 0), give a record the engine rates
/// Excellent with 100 points, so every path is one the contract reads.
#[test]
fn the_state_forms_are_labelled_cited_and_fill_a_valid_period() {
    use cadre_eval::{form_schema_for, state_form_schema, PeriodKind, Rating, RegimeId};
    for regime in [RegimeId::Nd335, RegimeId::Nd233] {
        for kind in [SubjectKind::Member, SubjectKind::Leader] {
            for period_kind in [PeriodKind::Month, PeriodKind::Quarter] {
                let name = format!("{}-{kind:?}-{period_kind:?}", regime.as_str());
                let request = FormRequest {
                    rating: Rating::State,
                    regime,
                    period_kind: Some(period_kind),
                    on: IsoDate(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
                    ..request(kind)
                };
                let form = state_form_schema(&request).unwrap();
                assert_eq!(form_schema_for(&request, None).unwrap(), form);
                assert_eq!(form.period_placeholder.as_deref(), Some("{p}"), "{name}");
                let mut record = Value::Object(form.fixed.clone());
                record["id"] = json!("state-form-test");
                record["period"] = json!({"year": 2026});
                for section in &form.sections {
                    for field in section
                        .fields
                        .iter()
                        .chain(section.fields.iter().flat_map(|f| &f.item_fields))
                    {
                        assert_labelled_and_cited(&name, field);
                    }
                    if !["period", "general_criteria", "products", "unit"]
                        .contains(&section.id.as_str())
                    {
                        continue;
                    }
                    for field in &section.fields {
                        let path = field.path.replace("{p}", "0");
                        // The totals written directly are the alternatives of the items.
                        if path.ends_with("/general") || path.ends_with("/task_results") {
                            continue;
                        }
                        match field.field_type {
                            FieldType::Integer if field.required => set(
                                &mut record,
                                &path,
                                Value::Number(field.max.clone().unwrap()),
                            ),
                            FieldType::Integer => set(&mut record, &path, json!(0)),
                            FieldType::Decimal => set(
                                &mut record,
                                &path,
                                Value::Number(field.max.clone().unwrap()),
                            ),
                            FieldType::Boolean => set(&mut record, &path, json!(false)),
                            FieldType::List => {
                                let mut item = json!({});
                                for sub in field.item_fields.iter().filter(|f| f.required) {
                                    let value = match sub.field_type {
                                        FieldType::Boolean => json!(true),
                                        _ => json!(1),
                                    };
                                    set(&mut item, &sub.path, value);
                                }
                                set(&mut record, &path, json!([item]));
                            }
                            other => panic!("{name}: {path} is {other:?}"),
                        }
                    }
                }
                // `set` made the period index an object key: the periods are a list.
                let period = record["periods"]["0"].take();
                record["periods"] = json!([period]);
                let decision = evaluate_json(&record.to_string(), &Options::default())
                    .unwrap_or_else(|e| panic!("{name}: {e}\n{record}"));
                assert_eq!(
                    decision.level,
                    Some(cadre_eval::Level::Excellent),
                    "{name}: {record}"
                );
            }
        }
    }
}
