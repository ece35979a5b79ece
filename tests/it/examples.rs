//! Every example case holds the verdicts its `[expect]` table names, for all five sets.

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
        files.len() >= 12,
        "at least 12 examples, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let case =
            case::read(file, catalog).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
        let sets: Vec<&str> = case.expect.iter().map(|e| e.set.as_str()).collect();
        assert_eq!(
            sets,
            ["forum", "falun", "jonkoping", "kungsbacka", "sou-2019-56"],
            "{}: [expect] names every set",
            file.display()
        );
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
