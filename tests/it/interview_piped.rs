//! The interview through a pipe: it asks the law's questions first, then what settles the
//! most, and stops once every verdict is settled, with the verdict that every answer would
//! give; it stops half-way and resumes where it was; `q` stops and shows the verdict so far.

use std::path::Path;
use std::process::Output;

use iop::advice;
use iop::i18n::Lang;
use iop::interview;
use iop::model::{Answer, Answers, CriteriaSet, case};

use crate::common;

fn iop(args: &[&str], stdin: &str) -> Output {
    common::iop_with(args, "sv_SE.UTF-8", stdin)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The verdict of each set, in order, from JSON output.
fn verdicts(json: &[u8]) -> Vec<(String, String)> {
    let value: serde_json::Value = serde_json::from_slice(json).unwrap();
    value["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["set"].as_str().unwrap().to_string(),
                r["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// How many questions an interview asked: the lines that start with "[n/".
fn asked(stderr: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.starts_with('[') && l[1..].starts_with(|c: char| c.is_ascii_digit()))
        .count()
}

/// A case's answers, read from one of the fixtures: the truth an interview answers from.
fn truth(file: &str) -> Answers {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    case::read(&path, common::catalog()).unwrap().answers
}

fn sets(ids: &[&str]) -> Vec<&'static CriteriaSet> {
    let catalog = common::catalog();
    if ids == ["all"] {
        return catalog.sets.iter().collect();
    }
    ids.iter().map(|id| catalog.set(id).unwrap()).collect()
}

/// What a user who knows every answer types, in the order the adaptive interview asks:
/// "j" where the text shown holds (a set's statement is met, or a question's answer is
/// yes), "n" where it does not.
fn adaptive_replies(truth: &Answers, sets: &[&CriteriaSet]) -> Vec<&'static str> {
    let catalog = common::catalog();
    let items = match sets {
        [one] => interview::set_items(one, &catalog.law, &catalog.bank, Lang::Sv),
        many => interview::bank_items(many, &catalog.law, &catalog.bank, Lang::Sv),
    };
    let mut given = Answers::new();
    let mut asked: Vec<&str> = Vec::new();
    let mut replies = Vec::new();
    while let Some(q) =
        advice::interview_question(sets, &catalog.law, &catalog.bank, &given, &asked)
    {
        let answer = truth[q];
        let item = items.iter().find(|i| i.question == q).unwrap();
        replies.push(if answer.known() == Some(item.yes) {
            "j"
        } else {
            "n"
        });
        given.insert(q.to_string(), answer);
        asked.push(q);
    }
    replies
}

/// The same, in the contract's order, every question (a fact's others skipped once one
/// of its questions is no), as `--all-questions` asks.
fn every_reply(truth: &Answers, sets: &[&CriteriaSet]) -> Vec<&'static str> {
    let catalog = common::catalog();
    let items = match sets {
        [one] => interview::set_items(one, &catalog.law, &catalog.bank, Lang::Sv),
        many => interview::bank_items(many, &catalog.law, &catalog.bank, Lang::Sv),
    };
    let mut replies = Vec::new();
    let mut settled_facts: Vec<&str> = Vec::new();
    for item in &items {
        if item.fact.is_some_and(|f| settled_facts.contains(&f)) {
            continue;
        }
        let answer = truth[item.question];
        if answer == Answer::No {
            settled_facts.extend(item.fact);
        }
        replies.push(if answer.known() == Some(item.yes) {
            "j"
        } else {
            "n"
        });
    }
    replies
}

/// Answers a case's interview from its truth, adaptively and with every question, and
/// checks that the adaptive one stops early with the verdicts every answer gives; returns
/// how many questions each asked.
fn interview_against(file: &str, set: &str) -> (usize, usize) {
    let truth = truth(file);
    let chosen = sets(&set.split(',').collect::<Vec<_>>());
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("svar.toml");
    let save = save.to_str().unwrap();

    let replies = adaptive_replies(&truth, &chosen);
    let input = replies.join("\n") + "\n";
    let out = iop(
        &["check", "--set", set, "--save", save, "--format", "json"],
        &input,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(asked(&err), replies.len(), "{err}");
    let full = iop(&["check", file, "--set", set, "--format", "json"], "");
    assert_eq!(
        verdicts(&out.stdout),
        verdicts(&full.stdout),
        "{file} {set}"
    );
    // The saved file gives the same verdicts without a question.
    let again = iop(&["check", save, "--set", set, "--format", "json"], "");
    assert_eq!(verdicts(&again.stdout), verdicts(&full.stdout));

    let every = every_reply(&truth, &chosen);
    let save_all = dir.path().join("alla.toml");
    let out = iop(
        &[
            "check",
            "--set",
            set,
            "--all-questions",
            "--save",
            save_all.to_str().unwrap(),
            "--format",
            "json",
        ],
        &(every.join("\n") + "\n"),
    );
    let err_all = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err_all}");
    assert_eq!(asked(&err_all), every.len(), "{err_all}");
    assert_eq!(verdicts(&out.stdout), verdicts(&full.stdout));
    assert!(!err_all.contains("Bedömningen är klar"));
    if replies.len() < every.len() {
        let settled = if chosen.len() == 1 {
            "Bedömningen är klar; återstående frågor kan inte ändra den."
        } else {
            "Bedömningen är klar för alla uppsättningar; återstående frågor kan inte ändra den."
        };
        assert!(err.contains(settled), "{err}");
    }
    eprintln!(
        "{file} --set {set}: {} adaptive, {} with --all-questions",
        replies.len(),
        every.len()
    );
    (replies.len(), every.len())
}

#[test]
fn adaptive_interviews_stop_early_with_the_verdicts_of_every_answer() {
    for file in [
        "tests/cases/interview-laxhjalp.toml",
        "tests/cases/interview-idrott.toml",
        "tests/cases/interview-bestallning.toml",
        "tests/cases/all-met.toml",
    ] {
        let (adaptive, every) = interview_against(file, "all");
        assert!(adaptive <= every, "{file}: {adaptive} <= {every}");
        for set in ["falun", "jonkoping", "kungsbacka", "vgr", "forum,skr-2017"] {
            let (adaptive, every) = interview_against(file, set);
            assert!(adaptive <= every, "{file} {set}: {adaptive} <= {every}");
        }
    }
}

#[test]
fn a_public_contract_settles_every_set_after_the_law() {
    // Payment, direct economic interest and binding obligations: procurement everywhere.
    let out = iop(&["check", "--set", "all", "--lang", "en"], "y\ny\ny\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(asked(&err), 3, "{err}");
    assert!(
        err.contains(
            "The verdict is settled for every set; the remaining questions cannot change it."
        ),
        "{err}"
    );
    let report = String::from_utf8(out.stdout).unwrap();
    let summary = &report[report.rfind("Summary").unwrap()..];
    assert_eq!(summary.matches("procurement").count(), 12, "{summary}");
}

#[test]
fn stop_half_way_resume_and_get_the_files_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("ärende.toml");
    let save = save.to_str().unwrap();

    // Falun's checklist, stopped after three answers: the law is clear.
    let first = iop(
        &["check", "--set", "falun", "--save", save],
        "nej\nnej\nja\n",
    );
    assert_eq!(first.status.code(), Some(2));
    let err = stderr(&first);
    // Named as all output names files, with forward slashes.
    let shown = save.replace('\\', "/");
    assert!(
        err.contains(&format!("Avbrutet. 3 svar är sparade i {shown}.")),
        "{err}"
    );
    assert!(
        err.contains(&format!("iop check {shown} -i --save {shown}")),
        "{err}"
    );
    assert!(
        first.stdout.is_empty(),
        "nothing on stdout when interrupted"
    );

    // The resume numbers on from the three and stops once Falun's verdict is settled: a
    // market exists, whatever the rest.
    let truth: Answers = [("market_exists".to_string(), Answer::Yes)].into();
    let falun = sets(&["falun"]);
    let mut given = truth.clone();
    given.extend(
        case::read(Path::new(save), common::catalog())
            .unwrap()
            .answers,
    );
    let second = iop(
        &["check", save, "-i", "--save", save, "--format", "json"],
        &"ja\n".repeat(20),
    );
    let err = stderr(&second);
    assert_eq!(second.status.code(), Some(0), "{err}");
    assert!(err.contains("3 svar finns redan"), "{err}");
    assert!(err.contains("\n[4/") && !err.contains("\n[1/"), "{err}");
    assert!(!falun.is_empty());

    // The saved file gives the same verdict without any question.
    let third = iop(&["check", save, "--format", "json"], "");
    assert_eq!(verdicts(&second.stdout), verdicts(&third.stdout));
    assert!(Path::new(save).exists());
}

#[test]
fn q_stops_keeps_the_answers_and_shows_the_verdict_so_far() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("case.toml");
    let save = save.to_str().unwrap();
    let out = iop(
        &["check", "--set", "sou-2019-56", "--save", save],
        "n\nsluta\n",
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // Named as all output names files, with forward slashes.
    let save = &save.replace('\\', "/");
    assert!(
        err.contains(&format!("Frågorna avslutade. 1 svar är sparat i {save}.")),
        "{err}"
    );
    assert!(err.contains(&format!(
        "Fortsätt senare med: iop check {save} -i --save {save}"
    )));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("Bedömning: kan inte avgöras"), "{report}");
    assert!(report.contains("Kan fortfarande bli:"), "{report}");
    let saved = std::fs::read_to_string(save).unwrap();
    assert!(saved.contains("payment_for_performance = false"), "{saved}");
}

#[test]
fn without_save_it_says_first_that_the_answers_are_not_kept() {
    let out = iop(&["check", "--set", "falun", "--lang", "en"], "");
    let err = stderr(&out);
    let notice = err.find("The answers will not be kept.").unwrap();
    assert!(notice < err.find("[1/").unwrap(), "{err}");
    // With --save, no such word.
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("case.toml");
    let out = iop(
        &[
            "check",
            "--set",
            "falun",
            "--lang",
            "en",
            "--save",
            save.to_str().unwrap(),
        ],
        "",
    );
    assert!(!stderr(&out).contains("will not be kept"));
}

#[test]
fn piped_input_is_never_asked_for_the_case_or_notes() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("case.toml");
    let out = iop(
        &["check", "--set", "all", "--save", save.to_str().unwrap()],
        "j\nj\nj\n",
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        !err.contains("Ärendets rubrik") && !err.contains("Motivering"),
        "{err}"
    );
}

#[test]
fn save_refuses_a_file_that_is_not_an_answer_file() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("Cargo.toml");
    std::fs::write(&other, "[package]\nname = \"x\"\n").unwrap();
    let out = iop(
        &["check", "--set", "falun", "--save", other.to_str().unwrap()],
        "ja\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("är inte en svarsfil; den har inte ändrats"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "[package]\nname = \"x\"\n"
    );
}
