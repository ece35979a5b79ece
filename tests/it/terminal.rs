//! On a real pseudo-terminal: each stream decides for itself whether to colour (a stream
//! redirected to a file gets none, the other keeps its colour), the variables that turn
//! colour off are honoured, and prose is broken to the terminal's width without breaking
//! a word, where through a pipe every line stays whole.

#![cfg(unix)]

use std::process::Command;

use rexpect::session::spawn_command;

use crate::common;

/// What `iop ARGS` shows on a terminal `columns` wide, run by `sh` so that a redirection
/// can send one stream elsewhere (`redirect`, such as `2>FILE`), with the environment
/// given.
fn on_terminal(args: &[&str], columns: usize, redirect: &str, env: &[(&str, &str)]) -> String {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "stty rows 50 cols {columns} && exec \"$0\" \"$@\" {redirect}"
        ))
        .arg(env!("CARGO_BIN_EXE_iop"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("TERM", "xterm-256color");
    for (name, value) in env {
        command.env(name, value);
    }
    let mut p = spawn_command(command, Some(10_000)).unwrap();
    let shown = p.exp_eof().unwrap();
    // rexpect reads the terminal's bytes one by one as characters.
    let bytes: Vec<u8> = shown.chars().map(|c| c as u8).collect();
    String::from_utf8(bytes).unwrap().replace('\r', "")
}

/// Text without its colour.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_redirected_stream_gets_no_colour_and_the_other_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    let log_arg = log.to_str().unwrap();
    // `iop test` writes the failing case to stdout, the broken file to stderr.
    let args = ["test", "tests/suite"];
    let shown = on_terminal(&args, 100, &format!("2>{log_arg}"), &[]);
    assert!(shown.contains("\u{1b}["), "stdout on the terminal: {shown}");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("fel:"), "{logged}");
    assert!(!logged.contains('\u{1b}'), "stderr in a file: {logged:?}");

    let shown = on_terminal(&args, 100, &format!(">{log_arg}"), &[]);
    assert!(shown.contains("\u{1b}["), "stderr on the terminal: {shown}");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("1 passed"), "{logged}");
    assert!(!logged.contains('\u{1b}'), "stdout in a file: {logged:?}");
}

#[test]
fn colour_is_turned_off_by_the_environment_and_the_flag() {
    let args = [
        "check",
        "examples/ungdomsbussen-vasteras.toml",
        "--set",
        "forum",
    ];
    assert!(on_terminal(&args, 100, "", &[]).contains("\u{1b}["));
    for env in [("NO_COLOR", "1"), ("CLICOLOR", "0"), ("TERM", "dumb")] {
        let shown = on_terminal(&args, 100, "", &[env]);
        assert!(!shown.contains('\u{1b}'), "{env:?}: {shown}");
    }
    let mut never = args.to_vec();
    never.extend(["--color", "never"]);
    assert!(!on_terminal(&never, 100, "", &[]).contains('\u{1b}'));
    // Help too: clap's own styles follow the same choice.
    assert!(on_terminal(&["--help"], 100, "", &[]).contains("\u{1b}["));
    let shown = on_terminal(&["--help"], 100, "", &[("NO_COLOR", "1")]);
    assert!(!shown.contains('\u{1b}'), "{shown}");
}

#[test]
fn prose_fits_the_terminal_and_no_word_is_broken() {
    let commands: [&[&str]; 5] = [
        &[
            "check",
            "examples/ungdomsbussen-vasteras.toml",
            "--set",
            "forum",
        ],
        &[
            "check",
            "examples/ungdomsbussen-vasteras.toml",
            "--set",
            "all",
        ],
        &["show", "falun"],
        &["show"],
        &["sets"],
    ];
    for (args, lang) in commands
        .iter()
        .flat_map(|args| [(args, "sv_SE.UTF-8"), (args, "en_GB.UTF-8")])
    {
        let piped = common::iop_with(args, lang, "");
        let piped = String::from_utf8(piped.stdout).unwrap();
        assert!(
            piped.lines().any(|l| l.chars().count() > 80),
            "iop {args:?}: through a pipe, lines are whole"
        );
        // 70 columns is about the narrowest the table of twelve sets fits in.
        for columns in [70, 80] {
            let shown = plain(&on_terminal(args, columns, "", &[("LANG", lang)]));
            for line in shown.lines() {
                // Only a word longer than the line (a web address) may overflow it.
                let width = line.chars().count();
                assert!(
                    width <= columns || line.split_whitespace().count() == 1,
                    "iop {args:?} in {lang} at {columns} columns, a line of {width}: {line}"
                );
            }
            // The same words as through the pipe, where lines are whole: none broken, none
            // lost (a label in the table goes on below its row, so not in the same order).
            // (The dotted rule under the law's rows is as wide as the column.)
            let words = |text: &str| -> Vec<String> {
                let mut words: Vec<String> = text
                    .split_whitespace()
                    .filter(|w| w.chars().any(|c| c != '·'))
                    .map(String::from)
                    .collect();
                words.sort();
                words
            };
            let (shown, piped) = (words(&shown), words(&piped));
            let only_shown: Vec<&String> = shown.iter().filter(|w| !piped.contains(w)).collect();
            let only_piped: Vec<&String> = piped.iter().filter(|w| !shown.contains(w)).collect();
            assert!(
                shown == piped,
                "iop {args:?} in {lang} at {columns}: {only_shown:?} on the terminal, {only_piped:?} piped"
            );
        }
    }
}
