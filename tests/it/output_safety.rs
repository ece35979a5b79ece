//! Output safety end to end: a case, criteria and file names full of terminal escapes,
//! C1 controls and bidirectional overrides go through every command and every output
//! format, and nothing raw comes out on stdout or stderr: only `\n` and `\t` of all the
//! control characters, and no bidirectional override. What the files said is still
//! there, shown as escapes (and in JSON, decoded back to the very same text).

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common;

use iop::model::criteria::BUILTIN;

/// Every kind of character a file could use to drive a terminal, written as TOML escapes:
/// clear screen, an OSC window title ended by BEL, CSI as a C1 control, a right-to-left
/// override and isolate, NEL, DEL, a carriage return and a backspace.
const NASTY: &str = r"\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e\u2066\u0085\u007f\u000d\u0008";

/// The same characters as they really are, to find them in decoded JSON.
const NASTY_RAW: &str =
    "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}\u{2066}\u{85}\u{7f}\u{d}\u{8}";

/// A character that must not reach a terminal raw.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A criteria file with the nasty characters at the start of every text in it.
fn poisoned(text: &str) -> String {
    let mut text = text.to_string();
    for key in [
        "sv = \"",
        "en = \"",
        "name = \"",
        "document = \"",
        "publisher = \"",
        "section = \"",
        "url = \"",
        "sources = [\"",
    ] {
        text = text.replace(key, &format!("{key}{NASTY}"));
    }
    text
}

struct Fixture {
    _dir: tempfile::TempDir,
    criteria: PathBuf,
    cases: PathBuf,
    case: PathBuf,
    broken_case: PathBuf,
    broken_criteria: PathBuf,
}

/// A file name that is itself an escape sequence.
#[cfg(unix)]
const NASTY_NAME: &str = "\u{1b}[31m\u{9b}2J\u{202e}";

/// Windows allows no C0 control character (ESC among them) in a file name: there the name
/// drives a terminal with what it does allow, the C1 control CSI, DEL and a right-to-left
/// override.
#[cfg(not(unix))]
const NASTY_NAME: &str = "\u{9b}2J\u{7f}\u{202e}";

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let criteria = dir.path().join(format!("criteria-{NASTY_NAME}"));
    std::fs::create_dir(&criteria).unwrap();
    for (name, text) in BUILTIN {
        let file = Path::new(name).file_name().unwrap();
        std::fs::write(criteria.join(file), poisoned(text)).unwrap();
    }
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    let case = cases.join(format!("case-{NASTY_NAME}.toml"));
    std::fs::write(
        &case,
        format!(
            "[case]\n\
             title = \"{NASTY}Ungdomsbussen\"\n\
             organisation = \"{NASTY}Stadsmissionen\"\n\
             public_party = \"{NASTY}Västerås stad\"\n\
             description = \"{NASTY}Fältarbete.\\n{NASTY}Kvällar.\"\n\
             [answers]\n\
             ideburen_organisation = true\n\
             market_exists = true\n\
             cofinanced = \"unknown\"\n\
             long_term = false\n\
             [notes]\n\
             market_exists = \"{NASTY}Ett företag gör samma sak.\"\n\
             long_term = \"{NASTY}Ett år.\"\n\
             [expect]\n\
             falun = \"iop\"\n\
             sou-2019-56 = \"iop\"\n"
        ),
    )
    .unwrap();
    let broken_case = cases.join(format!("broken-{NASTY_NAME}.toml"));
    std::fs::write(
        &broken_case,
        format!(
            "[case]\ntitle = 3\n[answers]\n\"{NASTY}market\" = true\ncofinanced = \"{NASTY}\"\n[\"{NASTY}\"]\n[expect]\nfalun = \"{NASTY}\"\n\"{NASTY}\" = \"iop\"\n"
        ),
    )
    .unwrap();
    let broken_criteria = dir.path().join(format!("broken-{NASTY_NAME}.toml"));
    std::fs::write(
        &broken_criteria,
        format!(
            "id = \"{NASTY}\"\nname = \"x\"\n\"{NASTY}\" = 1\n[[criterion]]\nquestion = \"{NASTY}\"\ntext = {{ sv = \"{NASTY}\" }}\n"
        ),
    )
    .unwrap();
    Fixture {
        _dir: dir,
        criteria,
        cases,
        case,
        broken_case,
        broken_criteria,
    }
}

fn run(args: &[&str], stdin: &str) -> Output {
    common::iop_with(args, "en_GB.UTF-8", stdin)
}

/// Runs `iop` and checks that neither stream carries a raw unsafe character, and that
/// the nasty text did reach the output (as escapes), so the check is not vacuous.
fn assert_safe(args: &[&str], stdin: &str, code: i32) -> Output {
    let output = run(args, stdin);
    for (name, stream) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8(stream.clone())
            .unwrap_or_else(|e| panic!("iop {args:?}: {name} is not UTF-8: {e}"));
        if let Some((at, c)) = text.char_indices().find(|(_, c)| unsafe_char(*c)) {
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(60)
                .map_or(0, |(i, _)| i);
            panic!(
                "iop {args:?}: raw U+{:04X} on {name} after {:?}",
                c as u32,
                &text[from..at]
            );
        }
    }
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        ["\\u{1b}", "\\u001b", "%1b", "\\u{9b}", "\\u009b"]
            .iter()
            .any(|shown| all.contains(shown)),
        "iop {args:?}: the nasty text never reached the output:\n{all}"
    );
    assert_eq!(output.status.code(), Some(code), "iop {args:?}:\n{all}");
    output
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn check_in_every_format_shows_no_raw_control_character() {
    let f = fixture();
    let c = s(&f.criteria);
    let case = s(&f.case);
    assert_safe(&["check", case, "--criteria", c], "", 0);
    for set in ["falun", "all"] {
        assert_safe(&["check", case, "--set", set, "--criteria", c], "", 0);
        for lang in ["sv", "en"] {
            assert_safe(
                &[
                    "check",
                    case,
                    "-s",
                    set,
                    "-f",
                    "json",
                    "--criteria",
                    c,
                    "--lang",
                    lang,
                ],
                "",
                0,
            );
        }
    }
    assert_safe(
        &[
            "check",
            case,
            "--set",
            "falun",
            "--expect",
            "iop",
            "--criteria",
            c,
        ],
        "",
        1,
    );
}

#[test]
fn json_decodes_to_exactly_what_the_files_said() {
    let f = fixture();
    let out = assert_safe(
        &[
            "check",
            s(&f.case),
            "-s",
            "falun",
            "-f",
            "json",
            "--criteria",
            s(&f.criteria),
        ],
        "",
        0,
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let title = json["case"]["title"].as_str().unwrap();
    assert_eq!(title, format!("{NASTY_RAW}Ungdomsbussen"));
    assert!(json["file"].as_str().unwrap().contains(NASTY_NAME));
    let text = json["results"][0]["criteria"][0]["text"].as_str().unwrap();
    assert!(text.starts_with(NASTY_RAW), "{text:?}");
}

#[test]
fn sets_show_and_init_show_no_raw_control_character() {
    let f = fixture();
    let c = s(&f.criteria);
    assert_safe(&["sets", "--criteria", c], "", 0);
    assert_safe(&["show", "falun", "--criteria", c], "", 0);
    assert_safe(&["show", "--criteria", c], "", 0);
    assert_safe(&["init", "--set", "falun", "--criteria", c], "", 0);
    assert_safe(&["init", "--criteria", c, "--lang", "sv"], "", 0);
}

#[test]
fn the_template_of_poisoned_criteria_is_still_an_answer_file() {
    let f = fixture();
    let out = run(
        &["init", "--set", "falun", "--criteria", s(&f.criteria)],
        "",
    );
    let template = String::from_utf8(out.stdout).unwrap();
    toml::from_str::<toml::Table>(&template).unwrap();
}

#[test]
fn test_in_every_format_shows_no_raw_control_character() {
    let f = fixture();
    let c = s(&f.criteria);
    let cases = s(&f.cases);
    for format in ["text", "json", "junit", "github"] {
        // A broken case file makes the run exit 2.
        let out = assert_safe(&["test", cases, "-f", format, "--criteria", c], "", 2);
        if format == "json" {
            serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
        }
        if format == "junit" {
            let xml = String::from_utf8(out.stdout).unwrap();
            roxmltree::Document::parse(&xml).unwrap();
        }
    }
}

#[test]
fn errors_show_no_raw_control_character() {
    let f = fixture();
    let c = s(&f.criteria);
    // An invalid answer file, an invalid criteria file, a missing file: each named.
    assert_safe(&["check", s(&f.broken_case), "--criteria", c], "", 2);
    assert_safe(
        &["check", s(&f.case), "--criteria", s(&f.broken_criteria)],
        "",
        2,
    );
    let missing = f.cases.join(format!("missing-{NASTY_NAME}.toml"));
    assert_safe(&["check", s(&missing)], "", 2);
    // A usage error repeats what was typed.
    let set = format!("{NASTY_RAW}falun");
    assert_safe(&["check", s(&f.case), "--set", &set], "", 2);
    // An output file that exists is not overwritten, and is named safely.
    assert_safe(&["init", "-o", s(&f.case)], "", 2);
}

#[test]
fn validate_shows_no_raw_control_character() {
    let f = fixture();
    // The poisoned sets replace the built-in ones: warnings only.
    assert_safe(&["validate", s(&f.criteria)], "", 0);
    assert_safe(
        &[
            "validate",
            s(&f.criteria),
            s(&f.broken_criteria),
            "--lang",
            "sv",
        ],
        "",
        1,
    );
}

#[test]
fn the_interview_shows_no_raw_control_character() {
    let f = fixture();
    let c = s(&f.criteria);
    let answers = format!("?\nmaybe\nb\n{}", "j\n".repeat(40));
    assert_safe(&["check", "--set", "falun", "--criteria", c], &answers, 0);
    assert_safe(&["check", "--criteria", c], "?\ny\nn\n", 2);
    let save = f.cases.join(format!("saved-{NASTY_NAME}.toml"));
    assert_safe(
        &[
            "check",
            "-s",
            "sou-2019-56",
            "--save",
            s(&save),
            "--criteria",
            c,
        ],
        "?\ny\ny\n",
        2,
    );
    assert_safe(
        &[
            "check",
            "-s",
            "sou-2019-56",
            "--save",
            s(&save),
            "--criteria",
            c,
        ],
        &"n\n".repeat(12),
        0,
    );
}
