//! Runs the comparison vectors (`vectors/compare/*.json`): each record is compared
//! under the regimes of its options ([`cadre_eval::compare`]) and checked against its
//! expectations: each regime's level or errors, whether the levels agree, the exact set
//! of topics on which the regimes settle differently, how each regime was selected, and
//! the grades mapped from points. The format is in `vectors/README.md`.
//!
//! `vectors/state/compare/*.json` too: state records compared under the state regimes,
//! and (`options.state_party`) a call's people with their state and party levels side by
//! side ([`cadre_eval::compare_state_party`]).

#![cfg(test)]

use cadre_eval::{
    compare_json, compare_levels, compare_state_party, CompareOptions, GradeMapping, GradesInput,
    Level, Options, RegimeId, RegimeSelection, StateLevel, Topic,
};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[expect(dead_code, reason = "documentation of the file")]
    description: String,
    comparisons: Vec<Vector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    name: String,
    #[expect(dead_code, reason = "documentation of the vector")]
    description: String,
    #[serde(default)]
    options: OptionsInput,
    input: serde_json::Value,
    expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct OptionsInput {
    regimes: Option<Vec<RegimeId>>,
    grades_from_points: Option<GradeMapping>,
    /// The input is a call's records, compared state against party.
    #[serde(default)]
    state_party: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorExpect {
    code: String,
    path: String,
}

/// A person's expected state and party levels.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonExpect {
    state: StateLevel,
    party: Option<Level>,
    agree: bool,
    mismatch: Option<bool>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Expect {
    /// A state and party comparison: exactly these people.
    StateParty {
        people: BTreeMap<String, PersonExpect>,
    },
    Regimes(Box<RegimeExpect>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegimeExpect {
    in_force: Option<RegimeId>,
    levels: BTreeMap<RegimeId, Option<Level>>,
    #[serde(default)]
    errors: BTreeMap<RegimeId, Vec<ErrorExpect>>,
    levels_agree: bool,
    differs: BTreeSet<Topic>,
    #[serde(default)]
    selected: BTreeMap<RegimeId, RegimeSelection>,
    #[serde(default)]
    mapped_grades: BTreeMap<RegimeId, GradesInput>,
}

fn check_state_party(vector: &Vector, people: &BTreeMap<String, PersonExpect>) -> Vec<String> {
    let comparison = match compare_state_party(&vector.input.to_string(), &Options::default()) {
        Ok(comparison) => comparison,
        Err(errors) => return vec![format!("not compared: {errors}")],
    };
    let mut problems = Vec::new();
    if !comparison.rejected.is_empty() {
        problems.push(format!("rejected: {:?}", comparison.rejected));
    }
    let got: BTreeMap<&str, _> = comparison
        .people
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    if got.keys().copied().ne(people.keys().map(String::as_str)) {
        problems.push(format!("people {:?}", got.keys().collect::<Vec<_>>()));
    }
    for (id, want) in people {
        let Some(person) = got.get(id.as_str()) else {
            continue;
        };
        let seen = (
            person.state.level,
            person.party.level,
            person.agree,
            person.mismatch,
        );
        if seen != (want.state, want.party, want.agree, want.mismatch) {
            problems.push(format!("{id}: got {seen:?}"));
        }
    }
    let totals = comparison.totals;
    if totals.people != people.len()
        || totals.agree + totals.party_above + totals.party_below + totals.not_comparable
            != totals.people
        || totals.agree != people.values().filter(|p| p.agree).count()
    {
        problems.push(format!("totals {totals:?}"));
    }
    problems
}

fn check(vector: &Vector) -> Vec<String> {
    let expect = match &vector.expect {
        Expect::StateParty { people } if vector.options.state_party => {
            return check_state_party(vector, people)
        }
        Expect::StateParty { .. } => {
            return vec!["`people` expected without `options.state_party`".to_owned()]
        }
        Expect::Regimes(_) if vector.options.state_party => {
            return vec!["`options.state_party` expects `people`".to_owned()]
        }
        Expect::Regimes(expect) => expect,
    };
    let mut problems = Vec::new();
    let mut options = CompareOptions {
        grades_from_points: vector.options.grades_from_points,
        ..CompareOptions::default()
    };
    if let Some(regimes) = &vector.options.regimes {
        options.regimes.clone_from(regimes);
    }
    let comparison = match compare_json(&vector.input.to_string(), &options) {
        Ok(comparison) => comparison,
        Err(errors) => return vec![format!("not compared: {errors}")],
    };
    if let Some(in_force) = expect.in_force {
        if comparison.in_force != Some(in_force) {
            problems.push(format!("in_force: got {:?}", comparison.in_force));
        }
    }
    if vector.options.regimes.is_some() && comparison.results.len() != options.regimes.len() {
        problems.push(format!("{} results", comparison.results.len()));
    }
    for (result, level) in comparison.results.iter().zip(&comparison.levels) {
        let regime = result.regime.id;
        match expect.levels.get(&regime) {
            Some(want) if want != level => {
                problems.push(format!(
                    "{}: level {level:?}, want {want:?}",
                    regime.as_str()
                ));
            }
            None => problems.push(format!("{}: no expected level", regime.as_str())),
            _ => {}
        }
        let got: Vec<(String, String)> = result
            .errors
            .iter()
            .map(|e| (e.code.as_str().to_owned(), e.path.clone()))
            .collect();
        let want: Vec<(String, String)> = expect
            .errors
            .get(&regime)
            .map(|list| {
                list.iter()
                    .map(|e| (e.code.clone(), e.path.clone()))
                    .collect()
            })
            .unwrap_or_default();
        if got != want {
            problems.push(format!(
                "{}: errors {got:?}, want {want:?}",
                regime.as_str()
            ));
        }
        if let Some(selected) = expect.selected.get(&regime) {
            if result.regime.selected != *selected {
                problems.push(format!(
                    "{}: selected {:?}, want {selected:?}",
                    regime.as_str(),
                    result.regime.selected
                ));
            }
        }
        if let Some(decision) = &result.decision {
            if decision.regime_info.as_ref().map(|info| info.selected)
                != Some(result.regime.selected)
            {
                problems.push(format!(
                    "{}: the decision's selection differs",
                    regime.as_str()
                ));
            }
        }
        if result.mapped_grades.as_ref() != expect.mapped_grades.get(&regime) {
            problems.push(format!(
                "{}: mapped grades {:?}",
                regime.as_str(),
                result.mapped_grades
            ));
        }
    }
    if comparison.levels_agree != expect.levels_agree {
        problems.push(format!("levels_agree: got {}", comparison.levels_agree));
    }
    let differs: BTreeSet<Topic> = comparison.differences().map(|t| t.topic).collect();
    if differs != expect.differs {
        problems.push(format!(
            "differs: got {differs:?}, want {:?}",
            expect.differs
        ));
    }
    // The text-free comparison settles exactly the same.
    if let Ok(assessment) = cadre_eval::decode_assessment(&vector.input.to_string()) {
        let compact = compare_levels(&assessment, &options);
        let levels: Vec<Option<Level>> = compact.results.iter().map(|r| r.level).collect();
        if levels != comparison.levels
            || compact.levels_agree != comparison.levels_agree
            || compact.differs
                != comparison
                    .differences()
                    .map(|t| t.topic)
                    .collect::<Vec<_>>()
        {
            problems.push("compare_levels differs from compare".to_owned());
        }
    }
    // Every difference names each compared regime's finding and rule summary.
    for topic in comparison.differences() {
        if topic.rules.len() != comparison.results.len() {
            problems.push(format!(
                "{:?}: {} rule summaries",
                topic.topic,
                topic.rules.len()
            ));
        }
    }
    problems
}

#[test]
fn every_comparison_vector_gives_its_expected_result() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors");
    let mut failures = Vec::new();
    let mut count = 0;
    let mut state_count = 0;
    let mut paths: Vec<_> = ["compare", "state/compare"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(root.join(folder)).unwrap())
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let file: File = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .map_err(|e| format!("{}: {e}", path.display()))
            .unwrap();
        for vector in &file.comparisons {
            count += 1;
            if path.parent().is_some_and(|p| p.ends_with("state/compare")) {
                state_count += 1;
            }
            for problem in check(vector) {
                failures.push(format!("{} / {}: {problem}", path.display(), vector.name));
            }
        }
    }
    assert!(count > 0, "no comparison vectors under vectors/compare");
    assert!(
        state_count > 0,
        "no comparison vectors under vectors/state/compare"
    );
    println!("{count} comparison vectors checked ({state_count} of state records)");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
