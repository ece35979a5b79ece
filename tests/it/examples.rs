//! Every example case holds the verdicts its `[expect]` table names, for all twelve sets,
//! and the examples together show what version 2 of the decision model is for.

use std::path::Path;

use crate::common;
use iop::engine;
use iop::model::case;

#[test]
fn every_example_meets_its_expectations() {
    let catalog = common::catalog();
    let mut files: Vec<_> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
    files.sort();
    assert!(
        files.len() >= 25,
        "at least 25 examples, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let case =
            case::read(file, catalog).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
        let mut sets: Vec<&str> = case.expect.iter().map(|e| e.set.as_str()).collect();
        let mut all: Vec<&str> = catalog.set_ids().collect();
        sets.sort_unstable();
        all.sort_unstable();
        assert_eq!(sets, all, "{}: [expect] names every set", file.display());
        assert!(
            !case.notes.is_empty(),
            "{}: [notes] says why",
            file.display()
        );
        for expectation in &case.expect {
            let set = catalog.set(&expectation.set).unwrap();
            let actual = engine::evaluate(set, &catalog.law, &catalog.bank, &case.answers).verdict;
            if actual != expectation.verdict {
                failures.push(format!(
                    "{}: {} expected {}, got {actual}",
                    file.display(),
                    set.id,
                    expectation.verdict
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_examples_show_every_verdict() {
    let catalog = common::catalog();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let case = case::read(&entry.unwrap().path(), catalog).unwrap();
        seen.extend(case.expect.iter().map(|e| e.verdict));
    }
    assert_eq!(seen.len(), 4, "{seen:?}");
}

#[test]
fn an_agreement_called_an_iop_that_is_a_public_contract_is_procurement_in_every_set() {
    let catalog = common::catalog();
    let mut found = 0;
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")).unwrap() {
        let case = case::read(&entry.unwrap().path(), catalog).unwrap();
        let law = engine::evaluate_law(&catalog.law, &catalog.bank, &case.answers);
        if law.outcome != engine::LawOutcome::Contract {
            continue;
        }
        found += 1;
        for set in &catalog.sets {
            let e = engine::evaluate(set, &catalog.law, &catalog.bank, &case.answers);
            assert_eq!(e.verdict, iop::model::Verdict::Procurement, "{}: {}", case.file, set.id);
        }
    }
    assert!(found >= 2, "examples of a public contract: {found}");
}

#[test]
fn the_law_overrides_a_set_whose_criteria_give_iop_in_some_example() {
    let catalog = common::catalog();
    let overridden = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
        .unwrap()
        .map(|entry| case::read(&entry.unwrap().path(), catalog).unwrap())
        .any(|case| {
            catalog.sets.iter().any(|set| {
                let e = engine::evaluate(set, &catalog.law, &catalog.bank, &case.answers);
                e.criteria_verdict == iop::model::Verdict::Iop
                    && e.verdict == iop::model::Verdict::Procurement
            })
        });
    assert!(overridden);
}
