//! A property test of output safety: whatever text a case file holds — controls, escape
//! sequences, direction marks and overrides, invisible characters, XML noncharacters,
//! line breaks followed by CI workflow commands — no output of `iop check` or `iop test`
//! in any format carries one of those characters raw, the JUnit report stays well-formed
//! XML, and no line of text output begins with a workflow command.

use iop::term::Term;
use proptest::prelude::*;

use crate::common;
use iop::i18n::{Lang, Words};
use iop::model::case;
use iop::report::{self, Report};
use iop::suite::{self, Sink, Summary};

/// A character that must never reach a terminal or a report raw.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{00ad}'
                | '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
                | '\u{fffe}'
                | '\u{ffff}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Pieces of text an attacker would use, and ordinary ones.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\u{1b}[2J".to_string()),
        Just("\u{1b}]0;title\u{7}".to_string()),
        Just("\u{9b}31m".to_string()),
        Just("\r".to_string()),
        Just("\n::error::injected".to_string()),
        Just("\n  ##[error]old".to_string()),
        Just("\u{85}".to_string()),
        Just("<b>&</b>".to_string()),
        Just("ärende – “citat”".to_string()),
        (0x20u32..0x30000)
            .prop_filter_map("a character", |u| { char::from_u32(u).map(String::from) }),
        proptest::sample::select(vec![
            '\u{0}',
            '\u{8}',
            '\u{7f}',
            '\u{ad}',
            '\u{61c}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{200e}',
            '\u{200f}',
            '\u{2028}',
            '\u{2029}',
            '\u{202a}',
            '\u{202e}',
            '\u{2060}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{e0001}',
            '\u{e0041}',
        ])
        .prop_map(String::from),
    ]
}

fn hostile() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 1..8).prop_map(|p| p.concat())
}

/// A TOML basic string holding exactly `text`.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn case_text(title: &str, description: &str, note: &str) -> String {
    format!(
        "[case]\ntitle = {}\ndescription = {}\norganisation = {}\n\n[answers]\ncofinanced = true\nlong_term = false\n\n[notes]\ncofinanced = {}\nlong_term = {}\n\n[expect]\nforum = \"iop\"\n",
        quoted(title),
        quoted(description),
        quoted(note),
        quoted(note),
        quoted(description),
    )
}

fn check_outputs(file: &str, text: &str) -> Vec<(String, String)> {
    let catalog = common::catalog();
    let case = case::parse(file, text, catalog).unwrap();
    let mut outputs = Vec::new();
    for lang in [Lang::Sv, Lang::En] {
        let sets: Vec<_> = catalog.sets.iter().collect();
        let report = Report::new(&case, catalog, &sets, None, lang);
        for format in [
            report::Format::Text,
            report::Format::Json,
            report::Format::Markdown,
            report::Format::Html,
        ] {
            let bytes = report::render(format, &report, Term::default()).unwrap();
            outputs.push((format!("{format:?}"), String::from_utf8(bytes).unwrap()));
        }
    }
    let words = Words(Lang::En);
    let result = suite::test_case(&case, catalog);
    let mut summary = Summary::default();
    summary.add(&result.status);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut text_sink = suite::text::Text {
        out: &mut out,
        err: &mut err,
        words,
        out_term: Term::default(),
        err_term: Term::default(),
    };
    text_sink.case(&result).unwrap();
    text_sink.finish(&summary).unwrap();
    outputs.push(("test text".into(), String::from_utf8(out).unwrap()));
    let mut junit = Vec::new();
    let mut sink = suite::junit::Junit::new(&mut junit, words).unwrap();
    sink.case(&result).unwrap();
    sink.finish(&summary).unwrap();
    outputs.push(("junit".into(), String::from_utf8(junit).unwrap()));
    let mut github = Vec::new();
    let mut sink = suite::github::Github {
        out: &mut github,
        words,
    };
    sink.case(&result).unwrap();
    sink.finish(&summary).unwrap();
    outputs.push(("github".into(), String::from_utf8(github).unwrap()));
    outputs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_output_carries_a_dangerous_character_raw(
        title in hostile(),
        description in hostile(),
        note in hostile(),
        name in hostile(),
    ) {
        let text = case_text(&title, &description, &note);
        for (format, output) in check_outputs(&name, &text) {
            let raw: Vec<char> = output.chars().filter(|&c| dangerous(c)).collect();
            prop_assert!(raw.is_empty(), "{format}: {raw:?} in {output:?}");
            if format == "junit" {
                prop_assert!(roxmltree::Document::parse(&output).is_ok(), "{output}");
            }
            if format == "Text" || format == "test text" {
                for line in output.lines() {
                    let line = line.trim_start();
                    prop_assert!(
                        !line.starts_with("::") && !line.starts_with("##["),
                        "{format}: {line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn diagnostics_carry_no_dangerous_character_raw(key in hostile(), value in hostile()) {
        // An unknown key full of hostile text, on a line of its own.
        let text = format!("[answers]\n{} = {}\n", quoted(&key), quoted(&value));
        let problems = case::parse(&value, &text, common::catalog()).unwrap_err();
        for lang in [Lang::Sv, Lang::En] {
            for d in &problems {
                let shown = report::diagnostics::render(d, Words(lang), iop::term::Term::default());
                let raw: Vec<char> = shown.chars().filter(|&c| dangerous(c)).collect();
                prop_assert!(raw.is_empty(), "{raw:?} in {shown:?}");
            }
        }
    }
}
