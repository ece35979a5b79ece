//! The JSON output decoded into strict structs: a renamed, removed or added field fails
//! here, so the shape the decision model fixes cannot drift unnoticed.


use crate::common;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Output {
    file: String,
    lang: String,
    case: Case,
    results: Vec<SetResult>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Case {
    title: Option<String>,
    organisation: Option<String>,
    public_party: Option<String>,
    description: Option<String>,
    set: Option<String>,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Verdict {
    Iop,
    AssociationGrant,
    Procurement,
    Undetermined,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Route {
    Procurement,
    AssociationGrant,
    None,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Status {
    Met,
    Failed,
    Open,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(untagged)]
enum Answer {
    Known(bool),
    Unknown(UnknownWord),
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "lowercase")]
enum UnknownWord {
    Unknown,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetResult {
    set: String,
    name: String,
    verdict: Verdict,
    complete: bool,
    failed: Vec<String>,
    open: Vec<String>,
    criteria: Vec<Criterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Criterion {
    question: String,
    answer: Option<Answer>,
    met: bool,
    status: Status,
    route: Route,
    text: String,
    source: String,
    note: Option<String>,
}

fn check_json(args: &[&str]) -> Output {
    let out = common::iop(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn all_sets_in_json_have_the_contract_shape() {
    let output = check_json(&[
        "check",
        "tests/cases/mixed.toml",
        "--set",
        "all",
        "--format",
        "json",
    ]);
    assert_eq!(output.lang, "en");
    assert_eq!(output.case.title.as_deref(), Some("Mixed answers"));
    let sets: Vec<&str> = output.results.iter().map(|r| r.set.as_str()).collect();
    assert_eq!(
        sets,
        ["forum", "falun", "jonkoping", "kungsbacka", "sou-2019-56"]
    );
    for result in &output.results {
        assert!(!result.name.is_empty());
        // failed and open are the question ids of the criteria with that status, in order.
        let with = |status: Status| -> Vec<String> {
            result
                .criteria
                .iter()
                .filter(|c| c.status == status)
                .map(|c| c.question.clone())
                .collect()
        };
        assert_eq!(result.failed, with(Status::Failed));
        assert_eq!(result.open, with(Status::Open));
        assert_eq!(result.complete, result.open.is_empty());
        for c in &result.criteria {
            assert_eq!(c.met, c.status == Status::Met);
            assert!(!c.text.is_empty() && !c.source.is_empty());
        }
    }
}

#[test]
fn answers_and_routes_are_reported_as_in_the_file() {
    let output = check_json(&[
        "check",
        "tests/cases/mixed.toml",
        "--set",
        "falun",
        "--format",
        "json",
    ]);
    let falun = &output.results[0];
    assert_eq!(falun.verdict, Verdict::Procurement);
    assert_eq!(falun.failed, ["market_exists"]);
    let market = falun
        .criteria
        .iter()
        .find(|c| c.question == "market_exists")
        .unwrap();
    assert_eq!(market.answer, Some(Answer::Known(true)));
    assert_eq!(market.route, Route::Procurement);
    assert_eq!(
        market.note.as_deref(),
        Some("Two companies offer the same service.")
    );
    let cofinanced = falun
        .criteria
        .iter()
        .find(|c| c.question == "cofinanced")
        .unwrap();
    assert_eq!(
        cofinanced.answer,
        Some(Answer::Unknown(UnknownWord::Unknown))
    );
    let long_term = falun
        .criteria
        .iter()
        .find(|c| c.question == "long_term")
        .unwrap();
    assert_eq!(long_term.answer, None);
    assert_eq!(long_term.status, Status::Open);
    assert!(!falun.complete);
}
