//! The conduct catalogue: the shipped data parses and keeps its own rules, and
//! `items_for` chooses items by position and by date.

#![cfg(test)]

use cadre_eval::{
    conduct_catalogue, conduct_catalogue_json, conduct_catalogue_schema, conduct_catalogue_version,
    conduct_items_for, conduct_scope_schema, discipline_form_item_id, Applicability,
    ApplicableItem, Catalogue, CommitteeLevel, ConductItemKind as ItemKind,
    ConductItemStatus as ItemStatus, ConductScope, Confirmation, DisciplineForm, DocumentCount,
    EndStatus, ItemEffect, Residence, SubjectKind, CONDUCT_CATALOGUE_FORMAT,
};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::path::Path;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn shipped() -> &'static Catalogue {
    conduct_catalogue().expect("the shipped catalogue parses and passes its checks")
}

/// The raw JSON, read independently of the Rust types.
fn raw() -> serde_json::Value {
    serde_json::from_str(conduct_catalogue_json()).unwrap()
}

fn ids(items: &[ApplicableItem<'_>]) -> BTreeSet<String> {
    items.iter().map(|a| a.item.id.clone()).collect()
}

fn leader() -> ConductScope {
    ConductScope::new(SubjectKind::Leader)
}

const DOCUMENTS: [&str; 7] = [
    "101-QĐ/TW",
    "55-QĐ/TW",
    "08-QĐi/TW",
    "144-QĐ/TW",
    "37-QĐ/TW",
    "213-QĐ/TW",
    "69-QĐ/TW",
];

/// A day on which every document of the catalogue is in force.
fn all_in_force() -> NaiveDate {
    day(2025, 12, 31)
}

#[test]
fn the_shipped_catalogue_parses_with_its_version() {
    let catalogue = shipped();
    assert_eq!(
        catalogue.version(),
        raw()["version"].as_str().unwrap(),
        "the version comes from the data"
    );
    assert_eq!(conduct_catalogue_version().unwrap(), catalogue.version());
    assert_eq!(catalogue.format, CONDUCT_CATALOGUE_FORMAT);
}

#[test]
fn it_holds_at_least_60_items_across_the_seven_documents() {
    let catalogue = shipped();
    assert!(
        catalogue.items().len() >= 60,
        "{} items",
        catalogue.items().len()
    );
    let documents: Vec<&str> = catalogue
        .documents()
        .iter()
        .map(|d| d.document.as_str())
        .collect();
    assert_eq!(documents, DOCUMENTS);
    for document in DOCUMENTS {
        assert!(
            catalogue.items().iter().any(|i| i.document == document),
            "{document} has no item"
        );
    }
}

#[test]
fn every_raw_item_has_texts_a_citation_an_applicability_and_a_flag() {
    let value = raw();
    let items = value["items"].as_array().unwrap();
    assert_eq!(items.len(), shipped().items().len());
    let known_applicability = [
        "all_members",
        "leaders",
        "heads",
        "key_leaders",
        "central_committee_members",
        "politburo_secretariat_members",
        "committee_members",
        "working_members_elsewhere",
        "working_members_not_exempt",
        "party_organisations",
    ];
    for item in items {
        let id = item["id"].as_str().unwrap();
        for field in ["title", "text"] {
            for language in ["vi", "en"] {
                let text = item[field][language].as_str().unwrap_or_default();
                assert!(!text.trim().is_empty(), "{id}: {field}.{language}");
            }
        }
        assert!(
            DOCUMENTS.contains(&item["document"].as_str().unwrap()),
            "{id}"
        );
        assert!(!item["article"].as_str().unwrap().trim().is_empty(), "{id}");
        let applies = item["applies_to"].as_array().unwrap();
        assert!(!applies.is_empty(), "{id}: applies_to");
        for value in applies {
            assert!(
                known_applicability.contains(&value.as_str().unwrap()),
                "{id}: {value}"
            );
        }
        assert!(
            ["verified", "secondary", "reconstructed"]
                .contains(&item["confirmation"].as_str().unwrap_or_default()),
            "{id}: confirmation"
        );
    }
}

#[test]
fn ids_are_unique_and_keyed_on_topics_not_clause_numbers() {
    let catalogue = shipped();
    let mut seen = BTreeSet::new();
    for item in catalogue.items() {
        let id = &item.id;
        assert!(seen.insert(id.clone()), "{id} twice");
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
            "{id}"
        );
        let prefix = &catalogue.document(&item.document).unwrap().id_prefix;
        let rest = id.strip_prefix(&format!("{prefix}.")).unwrap_or_else(|| {
            panic!("{id} does not start with {prefix}.");
        });
        for segment in rest.split('.') {
            let digits = segment.chars().filter(char::is_ascii_digit).count();
            let letters = segment.chars().filter(char::is_ascii_alphabetic).count();
            assert!(
                segment.starts_with(|c: char| c.is_ascii_lowercase()),
                "{id}: segment `{segment}`"
            );
            // `s3` names one of QĐ 144's five standards; nothing else carries a number.
            assert!(
                digits == 0 || (prefix == "q144" && letters == 1 && segment.len() == 2),
                "{id}: segment `{segment}` looks like a clause number"
            );
        }
        assert!(
            !rest
                .rsplit('.')
                .next()
                .unwrap()
                .contains(|c: char| c.is_ascii_digit()),
            "{id}"
        );
    }
    for example in [
        "q37.gifts",
        "q55.weddings",
        "q144.s3.integrity",
        "q213.residence_contact",
    ] {
        assert!(catalogue.get(example).is_some(), "{example}");
    }
}

#[test]
fn qd37_has_its_19_must_not_do_items() {
    let q37: Vec<_> = shipped()
        .items()
        .iter()
        .filter(|i| i.document == "37-QĐ/TW")
        .collect();
    assert_eq!(q37.len(), 19);
    let mut articles = BTreeSet::new();
    for item in &q37 {
        assert_eq!(item.kind, ItemKind::Prohibition, "{}", item.id);
        assert_eq!(item.effect, ItemEffect::MustNotDo, "{}", item.id);
        assert_eq!(item.applies_to, [Applicability::AllMembers], "{}", item.id);
        articles.insert(item.article.parse::<u32>().unwrap());
    }
    assert_eq!(
        articles,
        (1..=19).collect::<BTreeSet<_>>(),
        "one item per article"
    );
}

#[test]
fn effects_follow_the_documents() {
    for item in shipped().items() {
        let expected = match item.document.as_str() {
            "37-QĐ/TW" => ItemEffect::MustNotDo,
            "101-QĐ/TW" | "55-QĐ/TW" | "08-QĐi/TW" => ItemEffect::Exemplary,
            "144-QĐ/TW" | "213-QĐ/TW" => ItemEffect::Standard,
            "69-QĐ/TW" => ItemEffect::DisciplineForm,
            other => panic!("unexpected document {other}"),
        };
        assert_eq!(item.effect, expected, "{}", item.id);
        assert_eq!(
            item.effect.trigger_rule().map(|r| r.id()),
            matches!(expected, ItemEffect::MustNotDo | ItemEffect::Exemplary)
                .then_some("qd366.11.4.N.conduct"),
            "{}",
            item.id
        );
    }
}

#[test]
fn a_plain_member_gets_every_all_members_item_and_nothing_reserved_for_posts() {
    let catalogue = shipped();
    let on = all_in_force();
    let got = ids(&catalogue.items_for(&ConductScope::default(), on));
    let expected: BTreeSet<String> = catalogue
        .items()
        .iter()
        .filter(|i| i.applies_to.contains(&Applicability::AllMembers))
        .filter(|i| catalogue.status_on(i, on).is_some())
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(got, expected);
    assert!(got.contains("q37.gifts") && got.contains("q144.s3.integrity"));
    for item in catalogue.items() {
        let reserved = !item.applies_to.contains(&Applicability::AllMembers);
        if reserved {
            assert!(
                !got.contains(&item.id),
                "{} is not for a plain member",
                item.id
            );
        }
    }
    // Every kind of reserved item exists, so the exclusion above is not vacuous.
    for reserved in [
        Applicability::Leaders,
        Applicability::Heads,
        Applicability::KeyLeaders,
        Applicability::CentralCommitteeMembers,
        Applicability::PolitburoSecretariatMembers,
    ] {
        assert!(catalogue
            .items()
            .iter()
            .any(|i| i.applies_to.contains(&reserved)
                && !i.applies_to.contains(&Applicability::AllMembers)));
    }
}

#[test]
fn a_head_answers_strictly_more_than_a_leader_who_answers_more_than_a_member() {
    let on = all_in_force();
    let member = ids(&conduct_items_for(&ConductScope::default(), on).unwrap());
    let plain_leader = ids(&conduct_items_for(&leader(), on).unwrap());
    let head = ids(&conduct_items_for(
        &ConductScope {
            head: true,
            ..leader()
        },
        on,
    )
    .unwrap());
    assert!(member.is_subset(&plain_leader) && member.len() < plain_leader.len());
    assert!(plain_leader.is_subset(&head) && plain_leader.len() < head.len());
    assert!(head.contains("q101.unit_wrongdoing_responsibility"));
    assert!(head.contains("q55.delegation_reception"));
    assert!(!member.contains("q55.delegation_reception"));
}

#[test]
fn adding_a_position_never_removes_an_item() {
    let catalogue = shipped();
    let on = all_in_force();
    let levels = [
        None,
        Some(CommitteeLevel::Grassroots),
        Some(CommitteeLevel::Provincial),
        Some(CommitteeLevel::Central),
    ];
    let residences = [
        Residence::NotApplicable,
        Residence::WorkingElsewhereExempt,
        Residence::WorkingElsewhere,
    ];
    for bits in 0..16u32 {
        for (level_index, level) in levels.iter().enumerate() {
            for (residence_index, residence) in residences.iter().enumerate() {
                let scope = ConductScope {
                    leader: bits & 1 != 0,
                    head: bits & 2 != 0,
                    key_leader: bits & 4 != 0,
                    politburo_secretariat: bits & 8 != 0,
                    committee_level: *level,
                    residence: *residence,
                    ..leader()
                };
                let base = ids(&catalogue.items_for(&scope, on));
                let mut higher = Vec::new();
                for flag in 0..4 {
                    let mut more = scope.clone();
                    match flag {
                        0 => more.leader = true,
                        1 => more.head = true,
                        2 => more.key_leader = true,
                        _ => more.politburo_secretariat = true,
                    }
                    higher.push(more);
                }
                if let Some(next) = levels.get(level_index + 1) {
                    higher.push(ConductScope {
                        committee_level: *next,
                        ..scope.clone()
                    });
                }
                if let Some(next) = residences.get(residence_index + 1) {
                    higher.push(ConductScope {
                        residence: *next,
                        ..scope.clone()
                    });
                }
                for more in higher {
                    let more_items = ids(&catalogue.items_for(&more, on));
                    assert!(base.is_subset(&more_items), "{scope:?} → {more:?}");
                }
            }
        }
    }
}

#[test]
fn a_day_before_a_document_starts_excludes_its_items() {
    let member = ConductScope::default();
    let count = |on: NaiveDate, prefix: &str| {
        conduct_items_for(&member, on)
            .unwrap()
            .iter()
            .filter(|a| a.item.id.starts_with(prefix))
            .count()
    };
    assert_eq!(count(day(2021, 10, 24), "q37."), 0);
    assert_eq!(count(day(2021, 10, 25), "q37."), 19);
    assert_eq!(count(day(2024, 5, 8), "q144."), 0);
    assert!(count(day(2024, 5, 9), "q144.") > 0);
    assert_eq!(count(day(2022, 7, 5), "q69."), 0);
    assert!(count(day(2022, 7, 6), "q69.") > 0);
    // Before QĐ 08-QĐi only QĐ 101 and 55 speak of exemplary conduct.
    let early = conduct_items_for(&member, day(2017, 1, 1)).unwrap();
    let documents: BTreeSet<&str> = early.iter().map(|a| a.item.document.as_str()).collect();
    assert_eq!(documents, BTreeSet::from(["101-QĐ/TW", "55-QĐ/TW"]));

    let working = ConductScope {
        residence: Residence::WorkingElsewhere,
        ..ConductScope::default()
    };
    let residence = |on| {
        conduct_items_for(&working, on)
            .unwrap()
            .iter()
            .filter(|a| a.item.id.starts_with("q213."))
            .count()
    };
    assert_eq!(residence(day(2020, 1, 1)), 0);
    assert!(residence(day(2020, 1, 2)) > 0);
}

#[test]
fn a_reported_replacement_keeps_the_items_but_marks_them() {
    let catalogue = shipped();
    let gifts = catalogue.get("q37.gifts").unwrap();
    let version = catalogue.document_version(&gifts.versions[0]).unwrap();
    let end = version.until.as_ref().unwrap();
    assert_eq!(end.status, EndStatus::Reported);
    assert_eq!(end.followed_by.as_deref(), Some("207-QĐ/TW"));

    let last_day = end.last_day.day();
    let (_, on_last_day) = catalogue.status_on(gifts, last_day).unwrap();
    assert_eq!(on_last_day, ItemStatus::InForce);
    let after = last_day.succ_opt().unwrap();
    let (read_under, status) = catalogue.status_on(gifts, after).unwrap();
    assert_eq!(status, ItemStatus::PossiblySuperseded);
    assert_eq!(read_under.id, version.id);

    let listed = conduct_items_for(&ConductScope::default(), after).unwrap();
    let q37: Vec<_> = listed
        .iter()
        .filter(|a| a.item.document == "37-QĐ/TW")
        .collect();
    assert_eq!(q37.len(), 19);
    assert!(q37
        .iter()
        .all(|a| a.status == ItemStatus::PossiblySuperseded));
    assert!(listed
        .iter()
        .filter(|a| a.item.document == "144-QĐ/TW")
        .all(|a| a.status == ItemStatus::InForce));
}

#[test]
fn a_confirmed_amendment_moves_items_to_the_next_version() {
    let catalogue = shipped();
    let reprimand = catalogue
        .get(discipline_form_item_id(DisciplineForm::Reprimand).unwrap())
        .unwrap();
    let first = catalogue.document_version(&reprimand.versions[0]).unwrap();
    let second = catalogue.document_version(&reprimand.versions[1]).unwrap();
    let first_end = first.until.as_ref().unwrap();
    assert_eq!(first_end.status, EndStatus::Confirmed);
    let (version, status) = catalogue
        .status_on(reprimand, first_end.last_day.day())
        .unwrap();
    assert_eq!(
        (version.id.as_str(), status),
        (first.id.as_str(), ItemStatus::InForce)
    );
    let (version, status) = catalogue.status_on(reprimand, second.from.day()).unwrap();
    assert_eq!(
        (version.id.as_str(), status),
        (second.id.as_str(), ItemStatus::InForce)
    );
    let second_end = second.until.as_ref().unwrap().last_day.day();
    let (_, status) = catalogue
        .status_on(reprimand, second_end.succ_opt().unwrap())
        .unwrap();
    assert_eq!(status, ItemStatus::PossiblySuperseded);
}

fn q08_articles_2_3(items: &[ApplicableItem<'_>]) -> BTreeSet<String> {
    items
        .iter()
        .filter(|a| a.item.document == "08-QĐi/TW" && a.item.article != "1")
        .map(|a| a.item.id.clone())
        .collect()
}

#[test]
fn the_q08_scope_parameter_extends_articles_2_and_3_to_local_committees() {
    let catalogue = shipped();
    let on = all_in_force();
    let expected: BTreeSet<String> = catalogue
        .items()
        .iter()
        .filter(|i| i.document == "08-QĐi/TW" && i.article != "1")
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(expected.len(), 16, "8 things to lead in, 8 to oppose");

    let provincial = ConductScope {
        committee_level: Some(CommitteeLevel::Provincial),
        ..leader()
    };
    assert!(q08_articles_2_3(&catalogue.items_for(&provincial, on)).is_empty());
    let extended = ConductScope {
        q08_committee_levels: vec![CommitteeLevel::Provincial, CommitteeLevel::Central],
        ..provincial.clone()
    };
    assert_eq!(
        q08_articles_2_3(&catalogue.items_for(&extended, on)),
        expected
    );
    // Extending to one level does not reach another.
    let grassroots = ConductScope {
        committee_level: Some(CommitteeLevel::Grassroots),
        ..extended.clone()
    };
    assert!(q08_articles_2_3(&catalogue.items_for(&grassroots, on)).is_empty());

    let central = ConductScope {
        committee_level: Some(CommitteeLevel::Central),
        ..leader()
    };
    assert_eq!(
        q08_articles_2_3(&catalogue.items_for(&central, on)),
        expected
    );
    let politburo = ConductScope {
        politburo_secretariat: true,
        ..leader()
    };
    assert_eq!(
        q08_articles_2_3(&catalogue.items_for(&politburo, on)),
        expected
    );
    // Article 1 is everyone's.
    let member = catalogue.items_for(&ConductScope::default(), on);
    assert!(member
        .iter()
        .any(|a| a.item.document == "08-QĐi/TW" && a.item.article == "1"));
    assert!(q08_articles_2_3(&member).is_empty());
}

#[test]
fn a_collective_gets_only_the_discipline_forms_of_organisations() {
    let catalogue = shipped();
    let got = catalogue.items_for(&ConductScope::new(SubjectKind::Collective), all_in_force());
    assert!(!got.is_empty());
    for applicable in &got {
        assert_eq!(applicable.item.kind, ItemKind::DisciplineForm);
        assert!(applicable
            .item
            .applies_to
            .contains(&Applicability::PartyOrganisations));
    }
    assert!(ids(&got).contains(discipline_form_item_id(DisciplineForm::Dissolution).unwrap()));
}

#[test]
fn exempt_working_members_skip_the_meeting_duties() {
    let on = all_in_force();
    let full = ids(&conduct_items_for(
        &ConductScope {
            residence: Residence::WorkingElsewhere,
            ..ConductScope::default()
        },
        on,
    )
    .unwrap());
    let exempt = ids(&conduct_items_for(
        &ConductScope {
            residence: Residence::WorkingElsewhereExempt,
            ..ConductScope::default()
        },
        on,
    )
    .unwrap());
    assert!(exempt.contains("q213.residence_contact"));
    assert!(full.contains("q213.residence_meetings"));
    assert!(!exempt.contains("q213.residence_meetings"));
    assert!(exempt.is_subset(&full) && exempt.len() < full.len());
}

#[test]
fn every_discipline_form_has_its_item() {
    let catalogue = shipped();
    for form in [
        DisciplineForm::Reprimand,
        DisciplineForm::Warning,
        DisciplineForm::Removal,
        DisciplineForm::Expulsion,
        DisciplineForm::Dissolution,
    ] {
        let item = catalogue
            .get(discipline_form_item_id(form).unwrap())
            .unwrap();
        assert_eq!(item.kind, ItemKind::DisciplineForm);
        assert_eq!(item.document, "69-QĐ/TW");
    }
    // The administrative forms are not QĐ 69's.
    for form in [
        DisciplineForm::SalaryDowngrade,
        DisciplineForm::Demotion,
        DisciplineForm::Dismissal,
    ] {
        assert_eq!(discipline_form_item_id(form), None);
    }
}

#[test]
fn the_catalogue_round_trips_through_json() {
    let catalogue = shipped();
    // Serializing loses nothing the data says.
    assert_eq!(serde_json::to_value(catalogue).unwrap(), raw());
    let text = serde_json::to_string(catalogue).unwrap();
    assert_eq!(&Catalogue::from_json(&text).unwrap(), catalogue);
    let applicable = conduct_items_for(&ConductScope::default(), all_in_force()).unwrap();
    let value = serde_json::to_value(&applicable).unwrap();
    assert_eq!(value[0]["item"]["id"], applicable[0].item.id.as_str());
    assert_eq!(value[0]["status"], "in_force");
    assert!(conduct_catalogue_schema()["properties"]["items"].is_object());
    assert!(conduct_scope_schema()["properties"]["q08_committee_levels"].is_object());
}

#[test]
fn citations_name_the_document_article_and_clause() {
    let catalogue = shipped();
    let item = catalogue.get("q144.s3.integrity").unwrap();
    let citation = catalogue.citation(item);
    let clause = item.clause.as_deref().unwrap();
    assert_eq!(
        citation.vi,
        format!("Điều {}, khoản {clause}, Quy định 144-QĐ/TW", item.article)
    );
    assert_eq!(
        citation.en,
        format!("144-QĐ/TW, Art. {}, cl. {clause}", item.article)
    );
}

/// Mutates the shipped JSON and expects the check to refuse it.
fn refused(change: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let mut value = raw();
    change(&mut value);
    Catalogue::from_json(&value.to_string())
        .expect_err("the catalogue check refuses the change")
        .problems
        .into_iter()
        .map(|p| p.en)
        .collect()
}

#[test]
fn the_check_refuses_broken_data() {
    let duplicate = refused(|v| {
        let copy = v["items"][0].clone();
        v["items"].as_array_mut().unwrap().push(copy);
    });
    assert!(
        duplicate.iter().any(|p| p.contains("used twice")),
        "{duplicate:?}"
    );

    let numbered = refused(|v| v["items"][0]["id"] = "q101.art1".into());
    assert!(
        numbered.iter().any(|p| p.contains("clause numbers")),
        "{numbered:?}"
    );

    let unknown_version = refused(|v| v["items"][0]["versions"] = serde_json::json!(["qd37"]));
    assert!(
        unknown_version.iter().any(|p| p.contains("is not one of")),
        "{unknown_version:?}"
    );

    let empty = refused(|v| {
        v["items"][0]["applies_to"] = serde_json::json!([]);
        v["items"][0]["text"]["en"] = " ".into();
    });
    assert_eq!(empty.len(), 2, "{empty:?}");

    let unknown_flag = refused(|v| v["items"][0]["confirmation"] = "rumoured".into());
    assert!(
        unknown_flag[0].contains("cannot be read"),
        "{unknown_flag:?}"
    );

    let overlapping = refused(|v| {
        v["documents"][6]["versions"][1]["from"] = "2025-01-01".into();
    });
    assert!(
        overlapping.iter().any(|p| p.contains("overlap")),
        "{overlapping:?}"
    );

    let wrong_format = refused(|v| v["format"] = 2.into());
    assert!(wrong_format[0].contains("format 2"), "{wrong_format:?}");
}

#[test]
fn the_docs_table_matches_the_data() {
    let catalogue = shipped();
    let mut table = String::from(
        "| document | items | verified [V] | secondary [S] | reconstructed [R] |\n|---|---:|---:|---:|---:|\n",
    );
    let counts = catalogue.counts();
    for count in &counts {
        table.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            count.document, count.items, count.verified, count.secondary, count.reconstructed
        ));
    }
    let total = |f: fn(&DocumentCount) -> usize| counts.iter().map(f).sum::<usize>();
    table.push_str(&format!(
        "| **all** | **{}** | **{}** | **{}** | **{}** |\n",
        total(|c| c.items),
        total(|c| c.verified),
        total(|c| c.secondary),
        total(|c| c.reconstructed)
    ));
    assert_eq!(total(|c| c.items), catalogue.items().len());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/conduct-catalogue.md");
    let docs = std::fs::read_to_string(&path).unwrap();
    assert!(
        docs.contains(&table),
        "{} is out of date; the table should read:\n{table}",
        path.display()
    );
    assert!(docs.contains(&format!("`{}`", catalogue.version())));
    let flags: BTreeSet<&str> = Confirmation::ALL.iter().map(|c| c.as_str()).collect();
    assert!(flags.iter().all(|flag| docs.contains(&format!("`{flag}`"))));
}
