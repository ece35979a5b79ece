//! The interview on a real pseudo-terminal, where it does more than through a pipe: a new
//! saved interview asks for the case's title, organisation and public party and proposes
//! the public party's own set; a note after each answer; the rest offered once the verdict
//! is settled; the review; and Ctrl-C, which must leave everything given saved.
//!
//! rexpect reads the terminal's bytes one by one as characters: the texts expected here
//! are ASCII.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

fn spawn(args: &[&str]) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_iop"));
    command
        .args(args)
        .args(["--lang", "en", "--color", "never"])
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    spawn_command(command, Some(10_000)).unwrap()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_new_interview_asks_for_the_case_and_ctrl_c_keeps_everything_given() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("case.toml");
    let mut p = spawn(&["check", "--save", path(&save)]);
    p.exp_string("About the case").unwrap();
    p.exp_string("Title of the case >").unwrap();
    p.send_line("Homework help").unwrap();
    p.exp_string("buren organisation >").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Public party (municipality or region) >")
        .unwrap();
    p.send_line("Falu kommun").unwrap();
    // The record a memo opens with, for an official.
    p.exp_regex(r"Give the details of the decision memo")
        .unwrap();
    p.send_line("y").unwrap();
    p.exp_string("Case reference (diarienummer) >").unwrap();
    p.send_line("KS 2026/7").unwrap();
    p.exp_string("Date of the assessment (YYYY-MM-DD) >")
        .unwrap();
    p.send_line("26 november").unwrap();
    p.exp_string("Write the date as YYYY-MM-DD").unwrap();
    p.exp_string("Date of the assessment (YYYY-MM-DD) >")
        .unwrap();
    p.send_line("2026-11-26").unwrap();
    p.exp_string("Officer (handl").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Decision body (beslutsinstans), for example")
        .unwrap();
    p.send_line("Kultur- och fritidsnämnden").unwrap();
    // A terminal that does not tell its width is written to at 80 columns.
    p.exp_regex(r"Falu kommun has criteria of its own: Falu kommun \(falun\)\.\s+Check\s+the\s+case\s+against\s+those\s+only\?")
        .unwrap();
    p.send_line("y").unwrap();
    p.exp_string("Falu kommun (falun)").unwrap();
    p.exp_string("[1/").unwrap();
    p.exp_string("q stop >").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("Reason, Enter to skip >").unwrap();
    p.send_line("A grant; nothing is bought.").unwrap();
    p.exp_string("[2/").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Interrupted. 1 answer is saved in").unwrap();
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    for line in [
        "title = \"Homework help\"",
        "public_party = \"Falu kommun\"",
        "reference = \"KS 2026/7\"",
        "date = 2026-11-26",
        "decision_body = \"Kultur- och fritidsnämnden\"",
        "set = \"falun\"",
        "payment_for_performance = false",
        "payment_for_performance = \"A grant; nothing is bought.\"",
    ] {
        assert!(saved.contains(line), "{line}\n{saved}");
    }
    assert!(!saved.contains("organisation"), "{saved}");
}

#[test]
fn a_resumed_interview_numbers_on_and_b_reaches_the_earlier_answers() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("case.toml");
    std::fs::write(
        &save,
        "[case]\ntitle = \"Homework help\"\nset = \"falun\"\n\n[answers]\npayment_for_performance = false\n\n[notes]\npayment_for_performance = \"A grant.\"\n",
    )
    .unwrap();
    let mut p = spawn(&["check", path(&save), "-i", "--save", path(&save)]);
    p.exp_string("1 answer already given").unwrap();
    p.exp_string("[2/").unwrap();
    p.send_line("b").unwrap();
    p.exp_string("[1/").unwrap();
    p.exp_string("Current answer: no. Enter keeps it.").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Current reason: ").unwrap();
    p.exp_string("A grant.").unwrap();
    p.exp_string(" Enter keeps it.").unwrap();
    p.send_line("").unwrap();
    p.exp_string("[2/").unwrap();
    p.send_line("q").unwrap();
    p.exp_string("Questions stopped. 1 answer is saved in")
        .unwrap();
    p.exp_string("Verdict: undetermined").unwrap();
    p.exp_string("Summary").unwrap();
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(
        saved.contains("payment_for_performance = \"A grant.\""),
        "{saved}"
    );
}

#[test]
fn once_settled_the_rest_is_offered_then_the_review_then_the_verdict() {
    let mut p = spawn(&["check", "--set", "sou-2019-56"]);
    p.exp_string("The answers will not be kept.").unwrap();
    for _ in 0..3 {
        p.exp_string("q stop >").unwrap();
        p.send_line("y").unwrap();
    }
    p.exp_string("The verdict is settled; the remaining questions cannot change it.")
        .unwrap();
    p.exp_string("Answer the 6 remaining questions anyway? [y]es, Enter for the verdict >")
        .unwrap();
    p.send_line("").unwrap();
    p.exp_string("Your answers:").unwrap();
    p.exp_string("3. Legally binding obligations: yes").unwrap();
    p.send_line("3").unwrap();
    p.exp_string("Current answer: yes. Enter keeps it.")
        .unwrap();
    p.send_line("n").unwrap();
    p.exp_string("3. Legally binding obligations: no").unwrap();
    p.send_line("").unwrap();
    // No longer a public contract: the questions go on where they matter.
    p.exp_string("[4/").unwrap();
    p.send_line("q").unwrap();
    p.exp_string("Questions stopped. The answers were not saved.")
        .unwrap();
    p.exp_string("Verdict: undetermined").unwrap();
    p.exp_eof().unwrap();
}
