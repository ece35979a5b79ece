//! `iop test` output that other tools read: JUnit XML parsed as XML, JSON parsed as JSON.

use std::process::Output;

use crate::common;

fn iop_test(args: &[&str]) -> Output {
    let args: Vec<&str> = ["test"].into_iter().chain(args.iter().copied()).collect();
    common::iop(&args)
}

#[test]
fn junit_is_well_formed_xml_with_one_testcase_per_file() {
    let out = iop_test(&["tests/suite", "--format", "junit"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a broken file makes the exit code 2"
    );
    let xml = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("JUnit output is XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(suites.attribute("tests"), Some("4"));
    assert_eq!(suites.attribute("failures"), Some("1"));
    assert_eq!(suites.attribute("errors"), Some("1"));
    assert_eq!(suites.attribute("skipped"), Some("1"));
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 4);
    let failing = cases
        .iter()
        .find(|c| c.attribute("file") == Some("tests/suite/fail.toml"))
        .unwrap();
    assert_eq!(
        failing.attribute("name"),
        Some("Fails | for <Forum>"),
        "the title is escaped, not lost"
    );
    let failure = failing
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(
        failure.attribute("message"),
        Some("forum: expected iop, got procurement")
    );
    assert!(failure.text().unwrap().contains("not met: market_exists"));
    let broken = cases
        .iter()
        .find(|c| c.attribute("file") == Some("tests/suite/nested/broken.toml"))
        .unwrap();
    assert!(broken.children().any(|n| n.has_tag_name("error")));
    let skipped = cases
        .iter()
        .find(|c| c.attribute("file") == Some("tests/suite/nested/skip.toml"))
        .unwrap();
    assert!(skipped.children().any(|n| n.has_tag_name("skipped")));
}

#[test]
fn json_has_every_case_and_the_totals() {
    let out = iop_test(&["tests/suite", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["cases"].as_array().unwrap().len(), 4);
    assert_eq!(
        value["summary"],
        serde_json::json!({"passed": 1, "failed": 2, "skipped": 1, "errors": 1})
    );
    let statuses: Vec<&str> = value["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["failed", "error", "skipped", "passed"]);
}

#[test]
fn an_empty_run_is_still_valid_json_and_xml() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    let out = iop_test(&[path, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["cases"], serde_json::json!([]));
    let out = iop_test(&[path, "--format", "junit"]);
    roxmltree::Document::parse(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
}

#[test]
fn exit_codes_follow_the_worst_outcome() {
    assert_eq!(iop_test(&["tests/suite/pass.toml"]).status.code(), Some(0));
    assert_eq!(
        iop_test(&["tests/suite/nested/skip.toml"]).status.code(),
        Some(0)
    );
    assert_eq!(
        iop_test(&["tests/suite/pass.toml", "tests/suite/fail.toml"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        iop_test(&["tests/suite/fail.toml", "tests/suite/nested/broken.toml"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_changed_policy_shows_which_cases_change_verdict() {
    // A case that holds under both versions of the Falun set passes with either.
    let out = iop_test(&[
        "tests/suite/pass.toml",
        "--criteria",
        "tests/criteria/strict-falun.toml",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A case that holds under the built-in Falun set fails under the stricter one.
    let out = iop_test(&[
        "tests/cases/mixed-expect.toml",
        "--criteria",
        "tests/criteria/strict-falun.toml",
    ]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("falun: expected undetermined, got procurement"),
        "{stdout}"
    );
}

#[test]
fn errors_in_every_format_carry_their_code() {
    let out = iop_test(&["tests/suite/nested/broken.toml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["cases"][0]["errors"][0]["code"], "E-syntax");
    let out = iop_test(&["tests/suite/nested/broken.toml", "--format", "github"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(",title=iop E-syntax::"), "{stdout}");
    let out = iop_test(&["tests/suite/nested/broken.toml", "--format", "junit"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("broken.toml:2: E-syntax: "), "{stdout}");
}

/// Under GitHub Actions the job's summary gets the totals, what differed in each failing
/// case and each broken file's first problem, added after what the file held; stdout is
/// the format asked for, as without it.
#[test]
fn under_github_actions_a_summary_is_added_to_the_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("summary.md");
    std::fs::write(&file, "An earlier step's summary.\n").unwrap();
    let run = |summary: Option<&std::path::Path>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_iop"));
        command
            .args(["test", "tests/suite", "--format", "junit"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("LANG", "en_GB.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("GITHUB_STEP_SUMMARY");
        if let Some(file) = summary {
            command.env("GITHUB_STEP_SUMMARY", file);
        }
        command.output().unwrap()
    };
    let with = run(Some(&file));
    let without = run(None);
    assert_eq!(with.status.code(), Some(2));
    assert_eq!(with.stdout, without.stdout);
    let summary = std::fs::read_to_string(&file).unwrap();
    assert!(
        summary.starts_with("An earlier step's summary.\n### iop test\n"),
        "{summary}"
    );
    assert!(summary.contains("| 1 | 1 | 1 | 1 |"), "{summary}");
    assert!(summary.contains("- tests/suite/fail.toml – Fails \\| for \\<Forum\\>\n"));
    assert!(summary.contains("  - forum: expected iop, got procurement (line 15); not met:"));
    assert!(summary.contains("- tests/suite/nested/broken.toml:2: `E-syntax` invalid TOML"));
    assert!(
        summary.ends_with("1 passed, 2 failed, 1 skipped\n\n"),
        "{summary}"
    );
}

/// The file names of a run in JSON, JUnit and GitHub annotations.
fn names_in_every_format(folder: &str) -> Vec<String> {
    let mut names = Vec::new();
    let json = iop_test(&[folder, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for case in value["cases"].as_array().unwrap() {
        names.push(case["file"].as_str().unwrap().to_string());
    }
    let junit = iop_test(&[folder, "--format", "junit"]);
    let xml = String::from_utf8(junit.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    for case in doc.descendants().filter(|n| n.has_tag_name("testcase")) {
        names.push(case.attribute("file").unwrap().to_string());
    }
    let github = iop_test(&[folder, "--format", "github"]);
    for line in String::from_utf8(github.stdout).unwrap().lines() {
        if let Some(rest) = line.strip_prefix("::error file=") {
            names.push(rest.split(',').next().unwrap().to_string());
        }
    }
    names
}

#[test]
fn machine_output_names_files_as_github_places_them() {
    let expected = names_in_every_format("tests/suite");
    assert_eq!(expected.len(), 4 + 4 + 2, "{expected:?}");
    assert!(
        expected.iter().all(|n| n.starts_with("tests/suite/")),
        "{expected:?}"
    );
    // The same folder named from here, with the system's separator, and by its full path:
    // the names are the same, relative to the working folder, with forward slashes.
    let absolute = std::path::absolute(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .join("tests")
        .join("suite");
    let native = std::path::Path::new("tests").join("suite");
    for folder in [
        "./tests/suite/",
        native.to_str().unwrap(),
        absolute.to_str().unwrap(),
    ] {
        assert_eq!(names_in_every_format(folder), expected, "iop test {folder}");
    }
}
