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
    governing: Option<String>,
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
    reference: Option<String>,
    date: Option<String>,
    officer: Option<String>,
    decision_body: Option<String>,
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

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Outcome {
    Contract,
    Review,
    Open,
    Clear,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Law {
    outcome: Outcome,
    failed: Vec<String>,
    open: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetResult {
    set: String,
    name: String,
    verdict: Verdict,
    criteria_verdict: Verdict,
    complete: bool,
    failed: Vec<String>,
    open: Vec<String>,
    advisories: Vec<String>,
    law: Law,
    possible: Vec<Verdict>,
    next_question: Option<String>,
    would_take: WouldTake,
    criteria: Vec<Criterion>,
}

#[derive(Deserialize, Debug, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct WouldTake {
    design: Vec<String>,
    fixed: Vec<String>,
    open: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Criterion {
    question: String,
    answer: Option<Answer>,
    met: bool,
    status: Status,
    required: bool,
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
        [
            "forum",
            "falun",
            "jonkoping",
            "kungsbacka",
            "sou-2019-56",
            "vgr",
            "boras",
            "gavleborg",
            "uddevalla",
            "skr-2017",
            "tyreso",
            "malmo-arbetsmarknad"
        ]
    );
    for result in &output.results {
        assert!(!result.name.is_empty());
        // failed and open are the ids of the required criteria with that status, in order;
        // advisories the recommended ones not met.
        let with = |status: Status, required: bool| -> Vec<String> {
            result
                .criteria
                .iter()
                .filter(|c| c.status == status && c.required == required)
                .map(|c| c.question.clone())
                .collect()
        };
        assert_eq!(result.failed, with(Status::Failed, true));
        assert_eq!(result.open, with(Status::Open, true));
        let mut advisories = with(Status::Failed, false);
        advisories.extend(with(Status::Open, false));
        let mut shown = result.advisories.clone();
        shown.sort();
        advisories.sort();
        assert_eq!(shown, advisories);
        assert_eq!(
            result.complete,
            result.open.is_empty() && result.law.open.is_empty()
        );
        // The law is the same for every set; possible verdicts are sorted by id.
        assert_eq!(result.law.outcome, Outcome::Open);
        assert_eq!(result.law.open, ["state_aid", "municipal_competence"]);
        assert!(result.law.failed.is_empty());
        assert!(!result.possible.is_empty());
        assert_eq!(result.next_question.is_none(), result.possible.len() == 1);
        // What it would take: every failing or open item of the law and of the set's
        // required criteria, once, split by whether the parties can shape it.
        let take = &result.would_take;
        let mut listed: Vec<&String> = take.design.iter().chain(&take.fixed).collect();
        listed.sort();
        let mut failed: Vec<&String> = result.failed.iter().chain(&result.law.failed).collect();
        failed.sort();
        failed.dedup();
        assert_eq!(listed, failed, "{}", result.set);
        let mut open: Vec<&String> = result.law.open.iter().chain(&result.open).collect();
        open.dedup();
        let mut shown: Vec<&String> = take.open.iter().collect();
        shown.sort();
        open.sort();
        open.dedup();
        assert_eq!(shown, open, "{}", result.set);
        assert_eq!(
            result.verdict == Verdict::Iop,
            take == &WouldTake::default()
        );
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
    assert_eq!(falun.criteria_verdict, Verdict::Procurement);
    assert_eq!(falun.failed, ["market_exists"]);
    assert_eq!(falun.possible, [Verdict::Procurement]);
    assert_eq!(falun.next_question, None);
    // A market cannot be designed away; the legal test's open items remain to settle.
    assert_eq!(
        falun.would_take,
        WouldTake {
            design: vec![],
            fixed: vec!["market_exists".into()],
            open: vec![
                "state_aid".into(),
                "municipal_competence".into(),
                "public_benefit_goal".into(),
                "cofinanced".into(),
                "long_term".into()
            ],
        }
    );
    assert_eq!(output.governing.as_deref(), Some("falun"));
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

#[test]
fn a_public_contract_overrides_the_criteria_and_a_fact_answers_null_when_open() {
    let output = check_json(&[
        "check",
        "tests/cases/contract.toml",
        "--set",
        "kungsbacka,sou-2019-56",
        "--format",
        "json",
    ]);
    for result in &output.results {
        assert_eq!(result.verdict, Verdict::Procurement, "{}", result.set);
        assert_eq!(result.law.outcome, Outcome::Contract);
        assert_eq!(result.law.failed, ["public_contract"]);
        let contract = result
            .criteria
            .iter()
            .find(|c| c.question == "public_contract")
            .unwrap();
        assert_eq!(contract.answer, Some(Answer::Known(true)));
        assert_eq!(contract.route, Route::Procurement);
        let aid = result.criteria.iter().find(|c| c.question == "state_aid");
        if let Some(aid) = aid {
            assert_eq!(aid.answer, None, "an open fact is null");
        }
    }
    // Both sets name the public contract among their own criteria, too.
    assert_eq!(output.results[1].criteria_verdict, Verdict::Procurement);
}

/// `iop schema`: JSON on stdout, the answer file's tables with every question, and with
/// `--criteria` the sets it adds.
#[test]
fn the_schemas_are_json_of_the_criteria_in_force() {
    let out = common::iop(&["schema", "answers", "--lang", "sv"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["title"], "iop: svarsfil");
    let answers = schema["properties"]["answers"]["properties"]
        .as_object()
        .unwrap();
    assert_eq!(answers.len(), common::catalog().bank.questions.len());

    let out = common::iop(&["schema", "criteria"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["additionalProperties"], false);

    let out = common::iop(&[
        "schema",
        "criteria",
        "--criteria",
        "tests/criteria/bad-key.toml",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "invalid criteria give no schema"
    );
    assert!(out.stdout.is_empty());
}
