//! The interview on a real pseudo-terminal: the review step, which only a terminal gets,
//! and Ctrl-C, which must leave every given answer saved and say how to go on.

#![cfg(unix)]

use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

fn interview(save: &std::path::Path) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_iop"));
    command
        .args([
            "check",
            "--set",
            "sou-2019-56",
            "--lang",
            "en",
            "--color",
            "never",
            "--save",
        ])
        .arg(save)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    spawn_command(command, Some(10_000)).unwrap()
}

#[test]
fn the_review_on_a_terminal_changes_an_answer_before_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("case.toml");
    let mut p = interview(&save);
    for answer in ["y", "y", "n", "y"] {
        p.exp_string("Is this so?").unwrap();
        p.send_line(answer).unwrap();
    }
    p.exp_string("Your answers:").unwrap();
    p.exp_string("3. Both parties contribute: no").unwrap();
    p.exp_string("press Enter for the verdict").unwrap();
    p.send_line("3").unwrap();
    p.exp_string("[3/4]").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("3. Both parties contribute: yes").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Verdict: IOP").unwrap();
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(saved.contains("cofinanced = true"), "{saved}");
    assert!(
        saved.contains("municipality_orders_service = false"),
        "{saved}"
    );
}

#[test]
fn ctrl_c_keeps_the_answers_and_says_how_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("case.toml");
    let mut p = interview(&save);
    p.exp_string("[1/4]").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("[2/4]").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("[3/4]").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Interrupted. 2 answers are saved in").unwrap();
    p.exp_string("-i --save").unwrap();
    p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(
        saved.contains("ideburen_organisation = true") && saved.contains("shared_goals = false"),
        "{saved}"
    );
}
