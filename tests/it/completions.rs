//! `iop completions SHELL` and `iop man`: every shell gets a script that knows the
//! commands, and the manual page is roff that names every command.

use crate::common;

const COMMANDS: &[&str] = &[
    "check",
    "test",
    "init",
    "sets",
    "show",
    "validate",
    "completions",
    "man",
];

fn iop(args: &[&str]) -> String {
    let output = common::iop(args);
    assert!(output.status.success(), "iop {args:?}: {output:?}");
    assert!(output.stderr.is_empty(), "iop {args:?} wrote to stderr");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_shell_gets_a_script_that_knows_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = iop(&["completions", shell]);
        assert!(!script.is_empty(), "{shell}");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let output = common::iop(&["completions", "cmd.exe"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bash"));
}

#[test]
fn the_man_page_is_roff_and_names_every_command() {
    let page = iop(&["man"]);
    assert!(page.starts_with(".TH iop 1 "), "{}", &page[..80]);
    for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS"] {
        assert!(page.contains(&format!(".SH {section}\n")), "{section}");
    }
    assert!(page.contains(".SH \"EXIT STATUS\"\n"));
    for command in COMMANDS {
        assert!(page.contains(&format!(".SS {command}\n")), "{command}");
    }
    // Every option of every command is described once, and the global ones once only.
    assert!(page.contains("\\-\\-expect"));
    assert_eq!(page.matches("\\fB\\-\\-criteria\\fR \\fI<PATH>").count(), 1);
}
