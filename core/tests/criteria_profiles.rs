//! Criteria profiles (`cadre_eval::criteria`): the catalogue, the shipped samples,
//! profile validation, scoring from item points, and properties of exact scoring.

#![cfg(test)]

use cadre_eval::{
    appendix_for, criteria_catalogue as catalogue, decode_profile, decode_profile_value,
    even_split_profile, profile_schema, shipped_profile, shipped_profiles, validate_profile,
    Appendix, CriteriaGroup as Group, CriteriaItemKind as ItemKind, CriteriaProfile, ErrorCode,
    InputError, Points, ProfileItem, ScoringMode, Sector, SubjectKind, ValidProfile,
    PL2_POST_GROUPS, SHIPPED_PROFILE_IDS,
};
use proptest::prelude::*;
use serde_json::{json, Number};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------

/// A JSON number written the way a sender writes points (`8`, `7.5`, `0.63`).
fn number(text: &str) -> Number {
    serde_json::from_str(text).unwrap()
}

fn hundredths_number(hundredths: i64) -> Number {
    number(&Points::from_hundredths(hundredths).to_string())
}

fn item(id: &str, parent: &str, max: &str) -> ProfileItem {
    ProfileItem {
        id: id.to_owned(),
        parent: parent.to_owned(),
        max: number(max),
        label: None,
        mode: ScoringMode::Range,
        reason: None,
    }
}

/// The weighting of `criteria-qd366.md` §1.4, as a profile value.
fn spec_example() -> CriteriaProfile {
    CriteriaProfile {
        id: "test-pl5".to_owned(),
        version: Some("1".to_owned()),
        appendix: Appendix::Pl5,
        issuer: None,
        valid_from: None,
        illustrative: true,
        sector: None,
        post_group: None,
        items: vec![
            item("pl5.general.1", "pl5.general", "24"),
            item("pl5.general.1.a", "pl5.general.1", "8"),
            item("pl5.general.1.b", "pl5.general.1", "8"),
            item("pl5.general.1.c", "pl5.general.1", "8"),
            item("pl5.general.2", "pl5.general", "6"),
            item("pl5.task_results.1", "pl5.task_results", "30"),
            item("pl5.task_results.2", "pl5.task_results", "20"),
            item("pl5.task_results.3", "pl5.task_results", "20"),
        ],
    }
}

fn position(profile: &CriteriaProfile, id: &str) -> usize {
    profile.items.iter().position(|i| i.id == id).unwrap()
}

fn set_max(profile: &mut CriteriaProfile, id: &str, max: &str) {
    let at = position(profile, id);
    profile.items[at].max = number(max);
}

fn errors_of(profile: &CriteriaProfile) -> Vec<InputError> {
    match validate_profile(profile) {
        Ok(_) => vec![],
        Err(errors) => errors.0,
    }
}

fn codes_and_paths(errors: &[InputError]) -> Vec<(ErrorCode, String)> {
    errors.iter().map(|e| (e.code, e.path.clone())).collect()
}

fn scores(pairs: &[(&str, &str)]) -> BTreeMap<String, Number> {
    pairs
        .iter()
        .map(|(id, points)| ((*id).to_owned(), number(points)))
        .collect()
}

/// Every leaf of the profile at its maximum.
fn full_marks(profile: &ValidProfile) -> BTreeMap<String, Number> {
    profile
        .leaves()
        .map(|leaf| (leaf.id.clone(), leaf.max.to_json_number()))
        .collect()
}

fn score_errors(
    profile: &ValidProfile,
    items: &BTreeMap<String, Number>,
) -> Vec<(ErrorCode, String)> {
    match profile.score(items, "/score/items") {
        Ok(_) => vec![],
        Err(errors) => codes_and_paths(&errors),
    }
}

// ---------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------

#[test]
fn every_appendix_catalogue_loads_with_well_formed_ids() {
    for appendix in Appendix::ALL {
        let catalogue = catalogue(appendix);
        assert_eq!(catalogue.appendix, appendix);
        assert!(!catalogue.items.is_empty(), "{appendix:?} has no items");
        let groups: Vec<Group> = catalogue.groups.iter().map(|g| g.group).collect();
        assert_eq!(groups, Group::ALL.to_vec());
        for group in &catalogue.groups {
            assert_eq!(group.id, appendix.group_id(group.group));
            assert_eq!(Points::whole(i64::from(group.max)), group.group.max());
            assert!(!group.basis.is_empty());
        }
        let mut seen = BTreeSet::new();
        for item in &catalogue.items {
            // `pl<N>.<group>.<path>` (criteria-qd366.md §0.3), parents before children.
            let group_id = appendix.group_id(item.group);
            assert!(
                item.id.starts_with(&format!("{group_id}.")),
                "{} is not under {group_id}",
                item.id
            );
            let (parent_of_id, last) = item.id.rsplit_once('.').unwrap();
            assert_eq!(item.parent, parent_of_id, "{}", item.id);
            assert!(!last.is_empty() && last.chars().all(|c| c.is_ascii_alphanumeric()));
            assert!(
                item.parent == group_id || seen.contains(item.parent.as_str()),
                "{} comes before its parent",
                item.id
            );
            assert!(seen.insert(item.id.as_str()), "{} is listed twice", item.id);
            assert!(!item.label.vi.is_empty() && !item.label.en.is_empty());
            assert_eq!(item.citation.document, "366-QĐ/TW");
            assert_eq!(item.citation.appendix, appendix.number());
            assert!(!item.citation.sources.is_empty());
        }
    }
}

#[test]
fn sector_blocks_are_the_nine_sectors_in_order_in_pl1_and_pl4() {
    // criteria-qd366.md §7: PL 1 items 1.1–1.9 and PL 4 blocks 1–9.
    for (appendix, prefix) in [
        (Appendix::Pl1, "pl1.task_results.1."),
        (Appendix::Pl4, "pl4.task_results."),
    ] {
        let blocks: Vec<(String, Sector)> = catalogue(appendix)
            .sector_blocks()
            .map(|(item, sector)| (item.id.clone(), sector))
            .collect();
        let expected: Vec<(String, Sector)> = Sector::ALL
            .iter()
            .enumerate()
            .map(|(i, sector)| (format!("{prefix}{}", i + 1), *sector))
            .collect();
        assert_eq!(blocks, expected, "{appendix:?}");
    }
    for appendix in [Appendix::Pl2, Appendix::Pl3, Appendix::Pl5] {
        assert_eq!(catalogue(appendix).sector_blocks().count(), 0);
    }
}

#[test]
fn pl2_task_results_are_the_eleven_post_groups() {
    let post_groups: Vec<String> = catalogue(Appendix::Pl2)
        .children("pl2.task_results")
        .inspect(|item| assert_eq!(item.kind, ItemKind::PostGroup))
        .map(|item| item.id.clone())
        .collect();
    let expected: Vec<String> = (1..=PL2_POST_GROUPS)
        .map(|n| format!("pl2.task_results.{n}"))
        .collect();
    assert_eq!(post_groups, expected);
}

#[test]
fn appendix_for_maps_subjects_as_article_10_does() {
    assert_eq!(
        appendix_for(SubjectKind::Collective, true, false),
        Appendix::Pl1
    );
    assert_eq!(appendix_for(SubjectKind::Leader, true, true), Appendix::Pl2);
    assert_eq!(
        appendix_for(SubjectKind::Leader, true, false),
        Appendix::Pl3
    );
    assert_eq!(
        appendix_for(SubjectKind::Member, true, false),
        Appendix::Pl4
    );
    assert_eq!(
        appendix_for(SubjectKind::Member, false, false),
        Appendix::Pl5
    );
    // Flags that do not concern the kind change nothing.
    assert_eq!(
        appendix_for(SubjectKind::Collective, false, true),
        Appendix::Pl1
    );
    assert_eq!(appendix_for(SubjectKind::Member, true, true), Appendix::Pl4);
    assert_eq!(
        appendix_for(SubjectKind::Leader, false, false),
        Appendix::Pl3
    );
}

// ---------------------------------------------------------------------------------
// Shipped profiles
// ---------------------------------------------------------------------------------

/// Sum of the maxima of the entries directly under `parent`.
fn children_sum(profile: &ValidProfile, parent: &str) -> Points {
    profile
        .entries()
        .iter()
        .filter(|entry| entry.parent == parent)
        .fold(Points::ZERO, |sum, entry| sum.saturating_add(entry.max))
}

#[test]
fn every_shipped_profile_validates_and_sums_to_30_and_70() {
    let shipped: Vec<&str> = shipped_profiles().iter().map(ValidProfile::id).collect();
    assert_eq!(shipped, SHIPPED_PROFILE_IDS.to_vec());
    for profile in shipped_profiles() {
        let appendix = profile.appendix();
        for group in Group::ALL {
            assert_eq!(
                children_sum(profile, &appendix.group_id(group)),
                group.max(),
                "{} {group:?}",
                profile.id()
            );
        }
        for entry in profile.entries().iter().filter(|e| !e.is_leaf) {
            assert_eq!(children_sum(profile, &entry.id), entry.max, "{}", entry.id);
        }
        // Never presented as official (qd366.crit.no_default).
        assert!(profile.is_illustrative(), "{}", profile.id());
        assert!(profile.id().starts_with("illustrative-"));
        assert!(profile
            .profile()
            .issuer
            .as_deref()
            .is_some_and(|issuer| issuer.contains("ILLUSTRATIVE ONLY")));
        // Full marks are exactly 30 and 70, however small the leaves.
        let (general, task_results) = profile.score(&full_marks(profile), "/score/items").unwrap();
        assert_eq!(
            (general, task_results),
            (Points::whole(30), Points::whole(70))
        );
    }
    for appendix in Appendix::ALL {
        assert!(
            shipped_profiles().iter().any(|p| p.appendix() == appendix),
            "no shipped profile for {appendix:?}"
        );
    }
}

#[test]
fn shipped_even_splits_follow_the_documented_rule() {
    let generated = [
        even_split_profile(Appendix::Pl1, Some(Sector::StateAdministration), None),
        even_split_profile(Appendix::Pl2, None, Some(11)),
        even_split_profile(Appendix::Pl3, None, None),
        even_split_profile(Appendix::Pl4, Some(Sector::StateAdministration), None),
        even_split_profile(Appendix::Pl5, None, None),
    ];
    for profile in generated {
        let shipped = shipped_profile(&profile.id).unwrap();
        let generated = validate_profile(&profile).unwrap();
        let shape = |p: &ValidProfile| -> Vec<(String, String, Points)> {
            p.entries()
                .iter()
                .map(|e| (e.id.clone(), e.parent.clone(), e.max))
                .collect()
        };
        assert_eq!(shape(shipped), shape(&generated), "{}", profile.id);
        assert_eq!(shipped.profile().sector, profile.sector);
        assert_eq!(shipped.profile().post_group, profile.post_group);
    }
}

#[test]
fn even_splits_validate_for_every_sector_and_post_group() {
    for sector in Sector::ALL {
        for appendix in [Appendix::Pl1, Appendix::Pl4] {
            let profile = even_split_profile(appendix, Some(sector), None);
            let valid = validate_profile(&profile).unwrap();
            assert_eq!(valid.profile().sector, Some(sector));
        }
    }
    for post_group in 1..=PL2_POST_GROUPS {
        validate_profile(&even_split_profile(Appendix::Pl2, None, Some(post_group))).unwrap();
    }
    // Without its selection a PL 4 profile has no task items and does not validate.
    let errors = errors_of(&even_split_profile(Appendix::Pl4, None, None));
    assert!(codes_and_paths(&errors).contains(&(ErrorCode::MissingField, "/sector".to_owned())));
}

#[test]
fn the_spec_example_is_shipped_as_an_illustrative_profile() {
    let shipped = shipped_profile("illustrative-pl5-spec-example").unwrap();
    let example = validate_profile(&spec_example()).unwrap();
    let maxima = |p: &ValidProfile| -> Vec<(String, Points)> {
        p.entries().iter().map(|e| (e.id.clone(), e.max)).collect()
    };
    assert_eq!(maxima(shipped), maxima(&example));
    assert_eq!(
        shipped.reference(),
        cadre_eval::ProfileReference {
            id: "illustrative-pl5-spec-example".to_owned(),
            version: Some("1".to_owned()),
        }
    );
}

// ---------------------------------------------------------------------------------
// Invalid profiles
// ---------------------------------------------------------------------------------

#[test]
fn a_group_that_sums_to_29_5_is_rejected_naming_the_items_and_both_sums() {
    let mut profile = spec_example();
    let at = position(&profile, "pl5.general.2");
    profile.items[at].max = number("5.5");
    let errors = errors_of(&profile);
    assert_eq!(
        codes_and_paths(&errors),
        vec![(ErrorCode::InconsistentCounts, "/items".to_owned())]
    );
    let message = &errors[0].message;
    for expected in [
        "pl5.general",
        "pl5.general.1 = 24",
        "pl5.general.2 = 5.5",
        "29.5",
        "30",
    ] {
        assert!(
            message.en.contains(expected),
            "{expected} not in {}",
            message.en
        );
    }
    for expected in ["pl5.general.2 = 5,5", "29,5", "30"] {
        assert!(
            message.vi.contains(expected),
            "{expected} not in {}",
            message.vi
        );
    }
}

#[test]
fn sub_items_that_do_not_sum_to_their_parent_are_rejected_at_the_parent() {
    let mut profile = spec_example();
    let at = position(&profile, "pl5.general.1.c");
    profile.items[at].max = number("7.5");
    let errors = errors_of(&profile);
    let parent = position(&profile, "pl5.general.1");
    assert_eq!(
        codes_and_paths(&errors),
        vec![(
            ErrorCode::InconsistentCounts,
            format!("/items/{parent}/max")
        )]
    );
    assert!(errors[0]
        .message
        .en
        .contains("sum to 23.5; they must sum to 24"));
}

#[test]
fn item_maxima_are_exact_points_within_the_group() {
    let cases = [
        ("35", ErrorCode::OutOfRange),
        ("-1", ErrorCode::OutOfRange),
        ("8.125", ErrorCode::TooManyDecimals),
    ];
    for (max, code) in cases {
        let mut profile = spec_example();
        let at = position(&profile, "pl5.general.1");
        profile.items[at].max = number(max);
        let errors = codes_and_paths(&errors_of(&profile));
        assert_eq!(
            errors.first(),
            Some(&(code, format!("/items/{at}/max"))),
            "{max}"
        );
    }
}

#[test]
fn item_ids_must_be_items_of_the_appendix() {
    let mut profile = spec_example();
    profile
        .items
        .push(item("pl5.general.9", "pl5.general", "0"));
    profile
        .items
        .push(item("pl4.general.1", "pl5.general", "0"));
    profile.items.push(item("general-1", "pl5.general", "0"));
    profile.items.push(item("pl5.general", "pl5.general", "0"));
    let errors = codes_and_paths(&errors_of(&profile));
    for index in 8..=11 {
        assert!(
            errors.contains(&(ErrorCode::InvalidValue, format!("/items/{index}/id"))),
            "{index}: {errors:?}"
        );
    }
}

#[test]
fn a_missing_central_item_is_named() {
    let mut profile = spec_example();
    profile.items.retain(|i| i.id != "pl5.task_results.3");
    set_max(&mut profile, "pl5.task_results.1", "50");
    let errors = errors_of(&profile);
    assert_eq!(
        codes_and_paths(&errors),
        vec![(ErrorCode::MissingField, "/items".to_owned())]
    );
    assert!(errors[0].message.en.contains("pl5.task_results.3"));

    // Splitting an item into some of its central sub-items leaves the others missing.
    let mut profile = spec_example();
    profile.items.retain(|i| i.id != "pl5.general.1.c");
    set_max(&mut profile, "pl5.general.1.b", "16");
    let errors = errors_of(&profile);
    assert_eq!(
        codes_and_paths(&errors),
        vec![(ErrorCode::MissingField, "/items".to_owned())]
    );
    assert!(errors[0].message.en.contains("pl5.general.1.c"));
}

#[test]
fn a_zero_point_central_item_needs_a_reason() {
    let mut profile = spec_example();
    let (a, b) = (
        position(&profile, "pl5.general.1.a"),
        position(&profile, "pl5.general.1.b"),
    );
    profile.items[a].max = number("0");
    profile.items[b].max = number("16");
    assert_eq!(
        codes_and_paths(&errors_of(&profile)),
        vec![(ErrorCode::MissingField, format!("/items/{a}/reason"))]
    );
    profile.items[a].reason = Some("Chấm chung trong mục 1.b theo hướng dẫn của cấp uỷ".to_owned());
    assert!(validate_profile(&profile).is_ok());
}

#[test]
fn local_items_split_central_ones_and_need_labels() {
    let mut profile = spec_example();
    let mut accountability = item("x-tinh-uy.accountability", "pl5.general.2", "2");
    accountability.label = Some(cadre_eval::Text::new(
        "Trách nhiệm giải trình",
        "Accountability",
    ));
    let mut remedy = item("x-tinh-uy.remedy", "pl5.general.2", "4");
    remedy.label = Some(cadre_eval::Text::new(
        "Khắc phục hạn chế",
        "Remedying shortcomings",
    ));
    remedy.mode = ScoringMode::PassFail;
    profile.items.push(accountability.clone());
    profile.items.push(remedy);
    let valid = validate_profile(&profile).unwrap();
    assert!(!valid.entry("pl5.general.2").unwrap().is_leaf);
    assert_eq!(valid.entry("x-tinh-uy.remedy").unwrap().depth, 2);

    let mut unlabeled = profile.clone();
    let at = position(&unlabeled, "x-tinh-uy.accountability");
    unlabeled.items[at].label = None;
    assert_eq!(
        codes_and_paths(&errors_of(&unlabeled)),
        vec![(ErrorCode::MissingField, format!("/items/{at}/label"))]
    );

    // A parent must come before its children.
    let mut reordered = profile.clone();
    let child = reordered
        .items
        .remove(position(&reordered, "x-tinh-uy.accountability"));
    reordered.items.insert(0, child);
    let mut late_parent = item("x-tinh-uy.sub", "x-tinh-uy.later", "0");
    late_parent.label = accountability.label.clone();
    reordered.items.insert(0, late_parent);
    let errors = codes_and_paths(&errors_of(&reordered));
    assert!(errors.contains(&(ErrorCode::InvalidValue, "/items/0/parent".to_owned())));
    assert!(errors.contains(&(ErrorCode::InvalidValue, "/items/1/parent".to_owned())));
}

#[test]
fn a_central_item_keeps_its_parent_and_is_listed_once() {
    let mut profile = spec_example();
    let at = position(&profile, "pl5.general.1.a");
    profile.items[at].parent = "pl5.general".to_owned();
    let errors = codes_and_paths(&errors_of(&profile));
    assert_eq!(
        errors[0],
        (ErrorCode::InvalidValue, format!("/items/{at}/parent"))
    );

    let mut profile = spec_example();
    profile
        .items
        .push(item("pl5.task_results.3", "pl5.task_results", "0"));
    let errors = codes_and_paths(&errors_of(&profile));
    assert!(
        errors.contains(&(ErrorCode::Conflict, "/items/8/id".to_owned())),
        "{errors:?}"
    );
}

#[test]
fn sector_and_post_group_select_the_task_items() {
    let mut profile = even_split_profile(Appendix::Pl4, Some(Sector::StateAdministration), None);
    profile.sector = Some(Sector::Judiciary);
    let errors = codes_and_paths(&errors_of(&profile));
    let block = position(&profile, "pl4.task_results.2");
    assert!(errors.contains(&(ErrorCode::NotApplicable, format!("/items/{block}/id"))));
    // The judiciary block is then missing.
    assert!(errors.contains(&(ErrorCode::MissingField, "/items".to_owned())));

    let mut profile = even_split_profile(Appendix::Pl4, Some(Sector::StateAdministration), None);
    profile.sector = None;
    assert_eq!(
        codes_and_paths(&errors_of(&profile)),
        vec![(ErrorCode::MissingField, "/sector".to_owned())]
    );

    let mut profile = spec_example();
    profile.sector = Some(Sector::Judiciary);
    profile.post_group = Some(3);
    assert_eq!(
        codes_and_paths(&errors_of(&profile)),
        vec![
            (ErrorCode::NotApplicable, "/sector".to_owned()),
            (ErrorCode::NotApplicable, "/post_group".to_owned()),
        ]
    );

    let mut profile = even_split_profile(Appendix::Pl2, None, Some(11));
    profile.post_group = Some(12);
    assert!(codes_and_paths(&errors_of(&profile))
        .contains(&(ErrorCode::OutOfRange, "/post_group".to_owned())));
    profile.post_group = Some(4);
    let at = position(&profile, "pl2.task_results.11");
    assert!(codes_and_paths(&errors_of(&profile))
        .contains(&(ErrorCode::NotApplicable, format!("/items/{at}/id"))));
}

#[test]
fn pass_fail_applies_only_to_leaves() {
    let mut profile = spec_example();
    let at = position(&profile, "pl5.general.1");
    profile.items[at].mode = ScoringMode::PassFail;
    assert_eq!(
        codes_and_paths(&errors_of(&profile)),
        vec![(ErrorCode::InvalidValue, format!("/items/{at}/mode"))]
    );
}

// ---------------------------------------------------------------------------------
// Reading profile documents
// ---------------------------------------------------------------------------------

#[test]
fn profile_documents_report_every_unknown_field_and_problem_with_document_paths() {
    let mut document = json!({ "criteria_profile": spec_example() });
    document["criteria_profile"]["owner"] = json!("x");
    document["criteria_profile"]["items"][0]["maxx"] = json!(1);
    document["criteria_profile"]["items"][4]["max"] = json!(5.5);
    let text = document.to_string();
    let errors = codes_and_paths(&decode_profile(&text).unwrap_err().0);
    assert_eq!(
        errors,
        vec![
            // In the order of the text (serde_json writes keys sorted).
            (
                ErrorCode::UnknownField,
                "/criteria_profile/items/0/maxx".to_owned()
            ),
            (
                ErrorCode::UnknownField,
                "/criteria_profile/owner".to_owned()
            ),
            (
                ErrorCode::InconsistentCounts,
                "/criteria_profile/items".to_owned()
            ),
        ]
    );
    assert_eq!(
        codes_and_paths(&decode_profile_value(&document).unwrap_err().0),
        errors
    );

    let bad_appendix = json!({ "criteria_profile": { "id": "a", "appendix": "pl6", "items": [] } });
    assert_eq!(
        codes_and_paths(&decode_profile_value(&bad_appendix).unwrap_err().0),
        vec![(
            ErrorCode::InvalidValue,
            "/criteria_profile/appendix".to_owned()
        )]
    );
    let missing = json!({ "criteria_profile": { "id": "a", "appendix": "pl5" } });
    assert_eq!(
        codes_and_paths(&decode_profile_value(&missing).unwrap_err().0),
        vec![(
            ErrorCode::MissingField,
            "/criteria_profile/items".to_owned()
        )]
    );
    assert_eq!(
        codes_and_paths(&decode_profile("{").unwrap_err().0),
        vec![(ErrorCode::InvalidJson, String::new())]
    );
}

#[test]
fn the_profile_schema_describes_the_document() {
    let schema = profile_schema();
    assert!(
        schema["properties"]["criteria_profile"].is_object(),
        "{schema}"
    );
    let text = schema.to_string();
    for name in [
        "appendix",
        "post_group",
        "sector",
        "pass_fail",
        "state_administration",
    ] {
        assert!(text.contains(name), "{name}");
    }
}

// ---------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------

#[test]
fn scoring_a_full_item_map_gives_the_exact_group_totals() {
    let profile = validate_profile(&spec_example()).unwrap();
    let items = scores(&[
        ("pl5.general.1.a", "7.75"),
        ("pl5.general.1.b", "8"),
        ("pl5.general.1.c", "6.5"),
        ("pl5.general.2", "5.25"),
        ("pl5.task_results.1", "29.99"),
        ("pl5.task_results.2", "19.01"),
        ("pl5.task_results.3", "20"),
    ]);
    let (general, task_results) = profile.score(&items, "/score/items").unwrap();
    assert_eq!(general, Points::from_hundredths(2750));
    assert_eq!(task_results, Points::from_hundredths(6900));
    let detail = profile.score_items(&items, "/score/items").unwrap();
    assert_eq!(detail.items["pl5.general.1"], Points::from_hundredths(2225));
    assert_eq!(detail.total(), Points::from_hundredths(9650));
}

#[test]
fn hundredths_that_floats_would_round_sum_exactly() {
    // 0.1 + 0.2 is not 0.3 in binary floating point; in hundredths it is.
    let profile = shipped_profile("illustrative-pl4-even-state-administration").unwrap();
    let mut items = full_marks(profile);
    items.insert("pl4.general.2.i.a".to_owned(), number("0.1"));
    items.insert("pl4.general.2.i.b".to_owned(), number("0.2"));
    let (general, _) = profile.score(&items, "/score/items").unwrap();
    // Full marks minus (0.63 − 0.1) minus (0.63 − 0.2).
    assert_eq!(general, Points::from_hundredths(3000 - 53 - 43));
}

#[test]
fn bad_item_points_are_located_by_item_id() {
    let profile = validate_profile(&spec_example()).unwrap();
    let base = || {
        scores(&[
            ("pl5.general.1.a", "8"),
            ("pl5.general.1.b", "8"),
            ("pl5.general.1.c", "8"),
            ("pl5.general.2", "6"),
            ("pl5.task_results.1", "30"),
            ("pl5.task_results.2", "20"),
            ("pl5.task_results.3", "20"),
        ])
    };
    let with = |id: &str, points: &str| {
        let mut items = base();
        items.insert(id.to_owned(), number(points));
        score_errors(&profile, &items)
    };
    assert_eq!(
        with("pl5.general.1.a", "8.01"),
        vec![(
            ErrorCode::OutOfRange,
            "/score/items/pl5.general.1.a".to_owned()
        )]
    );
    assert_eq!(
        with("pl5.general.2", "-0.5"),
        vec![(
            ErrorCode::OutOfRange,
            "/score/items/pl5.general.2".to_owned()
        )]
    );
    assert_eq!(
        with("pl5.task_results.2", "12.345"),
        vec![(
            ErrorCode::TooManyDecimals,
            "/score/items/pl5.task_results.2".to_owned()
        )]
    );
    assert_eq!(
        with("pl5.general.3", "1"),
        vec![(
            ErrorCode::UnknownField,
            "/score/items/pl5.general.3".to_owned()
        )]
    );
    assert_eq!(
        with("pl5.general", "30"),
        vec![(
            ErrorCode::UnknownField,
            "/score/items/pl5.general".to_owned()
        )]
    );
    let mut items = base();
    items.remove("pl5.task_results.3");
    assert_eq!(
        score_errors(&profile, &items),
        vec![(
            ErrorCode::MissingField,
            "/score/items/pl5.task_results.3".to_owned()
        )]
    );
    // Every problem at once.
    let mut items = base();
    items.remove("pl5.general.1.c");
    items.insert("pl5.general.1.a".to_owned(), number("9"));
    items.insert("pl5.extra".to_owned(), number("1"));
    assert_eq!(
        score_errors(&profile, &items),
        vec![
            (
                ErrorCode::OutOfRange,
                "/score/items/pl5.general.1.a".to_owned()
            ),
            (
                ErrorCode::MissingField,
                "/score/items/pl5.general.1.c".to_owned()
            ),
            (ErrorCode::UnknownField, "/score/items/pl5.extra".to_owned()),
        ]
    );
}

#[test]
fn a_stated_intermediate_item_must_equal_its_derived_sum() {
    let profile = validate_profile(&spec_example()).unwrap();
    let mut items = scores(&[
        ("pl5.general.1", "22"),
        ("pl5.general.1.a", "7"),
        ("pl5.general.1.b", "8"),
        ("pl5.general.1.c", "7"),
        ("pl5.general.2", "6"),
        ("pl5.task_results.1", "30"),
        ("pl5.task_results.2", "20"),
        ("pl5.task_results.3", "20"),
    ]);
    assert_eq!(
        profile.score(&items, "/score/items").unwrap(),
        (Points::whole(28), Points::whole(70))
    );
    items.insert("pl5.general.1".to_owned(), number("21.5"));
    assert_eq!(
        score_errors(&profile, &items),
        vec![(ErrorCode::Conflict, "/score/items/pl5.general.1".to_owned())]
    );
}

#[test]
fn a_pass_fail_item_takes_zero_or_its_maximum() {
    let mut profile = spec_example();
    let at = position(&profile, "pl5.task_results.3");
    profile.items[at].mode = ScoringMode::PassFail;
    let profile = validate_profile(&profile).unwrap();
    let mut items = full_marks(&profile);
    assert!(profile.score(&items, "").is_ok());
    items.insert("pl5.task_results.3".to_owned(), number("0"));
    assert_eq!(
        profile.score(&items, "").unwrap(),
        (Points::whole(30), Points::whole(50))
    );
    items.insert("pl5.task_results.3".to_owned(), number("10"));
    assert_eq!(
        score_errors(&profile, &items),
        vec![(
            ErrorCode::InvalidValue,
            "/score/items/pl5.task_results.3".to_owned()
        )]
    );
}

// ---------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------

/// A profile with the shape of an even split, its maxima redistributed at random (each
/// parent's maximum cut into as many parts as it has children, at random points).
fn random_profile(shape: &CriteriaProfile, cuts: &[u32]) -> CriteriaProfile {
    let mut profile = shape.clone();
    let mut maxima: BTreeMap<String, i64> = Group::ALL
        .into_iter()
        .map(|g| (profile.appendix.group_id(g), g.max().hundredths()))
        .collect();
    let mut cuts = cuts.iter().cycle();
    let parents: Vec<String> = {
        let mut seen = Vec::new();
        for item in &profile.items {
            if !seen.contains(&item.parent) {
                seen.push(item.parent.clone());
            }
        }
        seen
    };
    for parent in parents {
        let total = maxima[&parent];
        let children: Vec<usize> = (0..profile.items.len())
            .filter(|&i| profile.items[i].parent == parent)
            .collect();
        let mut points: Vec<i64> = (1..children.len())
            .map(|_| i64::from(*cuts.next().unwrap()) % (total + 1))
            .collect();
        points.push(0);
        points.push(total);
        points.sort_unstable();
        for (k, &child) in children.iter().enumerate() {
            let max = points[k + 1] - points[k];
            profile.items[child].max = hundredths_number(max);
            // A central item at 0 points carries a reason.
            profile.items[child].reason = (max == 0).then(|| "test".to_owned());
            maxima.insert(profile.items[child].id.clone(), max);
        }
    }
    profile
}

fn shapes() -> Vec<CriteriaProfile> {
    vec![
        even_split_profile(Appendix::Pl1, Some(Sector::Judiciary), None),
        even_split_profile(Appendix::Pl2, None, Some(4)),
        even_split_profile(Appendix::Pl3, None, None),
        even_split_profile(Appendix::Pl4, Some(Sector::ArmedForces), None),
        even_split_profile(Appendix::Pl5, None, None),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn item_points_sum_exactly_into_group_totals(
        shape in 0usize..5,
        cuts in prop::collection::vec(any::<u32>(), 1..64),
        seeds in prop::collection::vec(any::<u32>(), 1..64),
    ) {
        let profile = random_profile(&shapes()[shape], &cuts);
        let valid = validate_profile(&profile).unwrap();
        let mut seeds = seeds.iter().cycle();
        let mut expected = [0_i64; 2];
        let mut items = BTreeMap::new();
        for leaf in valid.leaves() {
            let points = i64::from(*seeds.next().unwrap()) % (leaf.max.hundredths() + 1);
            expected[usize::from(leaf.group == Group::TaskResults)] += points;
            items.insert(leaf.id.clone(), hundredths_number(points));
        }
        let (general, task_results) = valid.score(&items, "/score/items").unwrap();
        prop_assert_eq!(general.hundredths(), expected[0]);
        prop_assert_eq!(task_results.hundredths(), expected[1]);
        prop_assert!(Points::ZERO <= general && general <= Points::whole(30));
        prop_assert!(Points::ZERO <= task_results && task_results <= Points::whole(70));
        let total = general.saturating_add(task_results);
        prop_assert!(Points::ZERO <= total && total <= Points::whole(100));
    }

    #[test]
    fn a_maximum_off_by_one_hundredth_is_rejected_at_its_parent(
        shape in 0usize..5,
        cuts in prop::collection::vec(any::<u32>(), 1..64),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut profile = random_profile(&shapes()[shape], &cuts);
        let at = pick.index(profile.items.len());
        let old = Points::from_json_number(&profile.items[at].max).unwrap();
        // One hundredth less (or more, from 0): always within the group's bound.
        let changed = if old > Points::ZERO { old.hundredths() - 1 } else { 1 };
        profile.items[at].max = hundredths_number(changed);
        let parent = profile.items[at].parent.clone();
        let expected_path = match profile.items.iter().position(|i| i.id == parent) {
            Some(p) => format!("/items/{p}/max"),
            None => "/items".to_owned(),
        };
        let errors = validate_profile(&profile).unwrap_err().0;
        let sum_errors: Vec<&InputError> = errors
            .iter()
            .filter(|e| e.code == ErrorCode::InconsistentCounts)
            .collect();
        // The parent's children no longer sum; if the item has children, they no
        // longer sum to it either.
        prop_assert!(sum_errors.iter().any(|e| e.path == expected_path
            && e.message.en.contains(&format!("`{parent}`"))), "{:?}", errors);
        prop_assert!(sum_errors.len() <= 2);
    }
}

#[test]
fn the_documented_example_profile_validates() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/criteria-profiles.md"
    ))
    .unwrap();
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let profile = decode_profile(&doc[start..end]).unwrap();
    assert_eq!(profile.appendix(), Appendix::Pl5);
    assert!(!profile.is_illustrative());
    let local = profile.entry("x-tu-hn.accountability").unwrap();
    assert!(local.catalogue.is_none() && local.is_leaf);
    assert_eq!(local.max, Points::whole(5));
}
