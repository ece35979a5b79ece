//! The decision memo (`iop check --format markdown|html`) and the draft agreement
//! (`iop agreement`): snapshots of each, escaping of hostile case files checked by parsing
//! the output, and the exit codes of `iop agreement`.
//!
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test memo`) updates the
//! snapshots in `tests/it/snapshots/` after a deliberate change; read them before accepting.

use std::path::Path;
use std::process::Output;

use crate::common;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn iop(args: &[&str]) -> Output {
    common::iop(args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Runs `iop` and returns its stdout, asserting exit code 0.
fn ok(args: &[&str]) -> String {
    let output = iop(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

const IOP_CASE: &str = "tests/cases/memo-iop.toml";
const MIXED_CASE: &str = "tests/cases/mixed.toml";
const MARKUP_CASE: &str = "tests/cases/memo-markup.toml";

/// Exactly as the case file writes them (the TOML escapes decoded).
const MARKUP_TITLE: &str = "<script>alert(1)</script> | pipe | **bold**";
const MARKUP_ORGANISATION: &str = "[link](javascript:x) & Co";
const MARKUP_NOTE_START: &str = "<img src=x onerror=alert(1)> **bold** | pipe |";

// --- snapshots ------------------------------------------------------------------------

#[test]
fn markdown_memo_one_set_sv() {
    insta::assert_snapshot!(ok(&[
        "check", IOP_CASE, "--format", "markdown", "--lang", "sv"
    ]));
}

#[test]
fn markdown_memo_all_sets_en() {
    insta::assert_snapshot!(ok(&[
        "check", MIXED_CASE, "--set", "all", "--format", "markdown", "--lang", "en"
    ]));
}

#[test]
fn html_memo_one_set_sv() {
    insta::assert_snapshot!(ok(&["check", IOP_CASE, "--format", "html", "--lang", "sv"]));
}

#[test]
fn html_memo_procurement_en() {
    insta::assert_snapshot!(ok(&[
        "check", MIXED_CASE, "--set", "falun", "--format", "html", "--lang", "en"
    ]));
}

#[test]
fn agreement_sv() {
    insta::assert_snapshot!(ok(&["agreement", IOP_CASE, "--lang", "sv"]));
}

#[test]
fn agreement_en() {
    insta::assert_snapshot!(ok(&[
        "agreement",
        IOP_CASE,
        "--set",
        "kungsbacka",
        "--lang",
        "en"
    ]));
}

#[test]
fn agreement_forced_en() {
    insta::assert_snapshot!(ok(&[
        "agreement",
        MIXED_CASE,
        "--set",
        "falun",
        "--force",
        "--lang",
        "en"
    ]));
}

// --- Markdown structure and escaping ----------------------------------------------------

/// What a Markdown document parses to, in the parts these tests look at.
#[derive(Default, Debug)]
struct Parsed {
    /// Heading levels and texts, in order.
    headings: Vec<(HeadingLevel, String)>,
    /// The number of cells of every table row, header included, by table.
    tables: Vec<Vec<usize>>,
    html: Vec<String>,
    links: Vec<String>,
    lists: usize,
    /// All text, each block ending a line.
    text: String,
}

fn parse_markdown(markdown: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => parsed.headings.extend(heading.take()),
            Event::Start(Tag::Table(_)) => parsed.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(table) = parsed.tables.last_mut() {
                    table.push(0);
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(row) = parsed.tables.last_mut().and_then(|t| t.last_mut()) {
                    *row += 1;
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => parsed.links.push(dest_url.to_string()),
            Event::Start(Tag::List(_)) => parsed.lists += 1,
            Event::Html(html) | Event::InlineHtml(html) => parsed.html.push(html.to_string()),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&text);
                }
                parsed.text.push_str(&text);
            }
            Event::SoftBreak => parsed.text.push(' '),
            Event::End(_) => parsed.text.push('\n'),
            _ => {}
        }
    }
    parsed
}

#[test]
fn markdown_memo_shows_markup_from_files_as_written() {
    let markdown = ok(&["check", MARKUP_CASE, "--format", "markdown"]);
    let parsed = parse_markdown(&markdown);
    assert!(parsed.html.is_empty(), "raw HTML: {:?}", parsed.html);
    assert!(parsed.links.is_empty(), "links: {:?}", parsed.links);
    assert_eq!(parsed.headings[0], (HeadingLevel::H1, MARKUP_TITLE.into()));
    assert!(parsed.text.contains(MARKUP_ORGANISATION));
    assert!(parsed.text.contains(MARKUP_NOTE_START), "{}", parsed.text);
    // A control character is shown as an escape, never written.
    assert!(parsed.text.contains("next line \\u{1b}[31m"));
    assert!(!markdown.contains('\u{1b}'));
    // The description's table and list stay text: the memo's own table is the only one,
    // and its rows all have four cells.
    assert_eq!(parsed.tables, [vec![4; 5]]);
    assert!(parsed.text.contains("| a | b | |---|---|"));
    assert!(parsed.text.contains("1. not a list - nor this"));
    assert!(
        !parsed
            .headings
            .iter()
            .any(|(_, h)| h.starts_with("Kommunen"))
    );
}

#[test]
fn markdown_memo_tables_keep_their_columns() {
    let markdown = ok(&["check", MIXED_CASE, "--format", "markdown"]);
    let parsed = parse_markdown(&markdown);
    assert!(parsed.html.is_empty());
    // Only the sources' web addresses are links.
    assert!(!parsed.links.is_empty());
    assert!(parsed.links.iter().all(|l| l.starts_with("https://")));
    // The summary, then one table per set.
    assert_eq!(parsed.tables.len(), 6);
    for table in &parsed.tables {
        assert!(table.iter().all(|cells| *cells == 4), "{table:?}");
    }
    assert_eq!(parsed.tables[0].len(), 1 + 5);
}

#[test]
fn agreement_shows_markup_from_files_as_written() {
    let output = iop(&["agreement", MARKUP_CASE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let parsed = parse_markdown(&stdout(&output));
    assert!(parsed.html.is_empty(), "raw HTML: {:?}", parsed.html);
    assert!(parsed.links.is_empty(), "links: {:?}", parsed.links);
    assert!(parsed.tables.is_empty());
    assert!(parsed.text.contains(MARKUP_TITLE));
    assert!(parsed.text.contains(MARKUP_ORGANISATION));
    assert!(parsed.text.contains(MARKUP_NOTE_START));
}

// --- HTML structure and escaping --------------------------------------------------------

/// The HTML memo is also well-formed XML: parse it, and find what a file could inject.
fn check_html<'a>(html: &'a str, lang: &str) -> roxmltree::Document<'a> {
    let doc = roxmltree::Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("not well-formed: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "html");
    assert_eq!(root.attribute("lang"), Some(lang));
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(
            !matches!(
                name,
                "script" | "img" | "iframe" | "object" | "embed" | "link" | "b"
            ),
            "<{name}> in the memo"
        );
        for attribute in node.attributes() {
            assert!(
                !attribute.name().starts_with("on"),
                "event handler {}",
                attribute.name()
            );
            if matches!(attribute.name(), "href" | "src") {
                let value = attribute.value();
                assert!(
                    value.starts_with('#') || value.starts_with("https://"),
                    "link to {value}"
                );
            }
        }
    }
    assert!(html.starts_with("<!DOCTYPE html>\n"));
    assert!(html.contains("<meta charset=\"utf-8\" />"));
    assert!(html.contains("@page { size: A4;"));
    doc
}

fn element_text(doc: &roxmltree::Document<'_>, tag: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect()
        })
        .collect()
}

#[test]
fn html_memo_shows_markup_from_files_as_written() {
    let html = ok(&["check", MARKUP_CASE, "--format", "html", "--lang", "sv"]);
    let doc = check_html(&html, "sv");
    assert_eq!(element_text(&doc, "h1"), [MARKUP_TITLE]);
    assert!(element_text(&doc, "title")[0].starts_with(MARKUP_TITLE));
    let dd = element_text(&doc, "dd");
    assert!(dd.contains(&MARKUP_ORGANISATION.to_string()), "{dd:?}");
    assert!(
        dd.iter()
            .any(|d| d.starts_with(MARKUP_NOTE_START) && d.contains("\\u{1b}[31m")),
        "{dd:?}"
    );
    assert!(!html.contains('\u{1b}'));
}

#[test]
fn html_memo_is_self_contained_for_every_set() {
    for lang in ["sv", "en"] {
        let html = ok(&["check", MIXED_CASE, "--format", "html", "--lang", lang]);
        let doc = check_html(&html, lang);
        // One section per set, and a page of its own when printed.
        let sets = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("set"))
            .count();
        assert_eq!(sets, 5);
        assert!(html.contains(".summary ~ .set { break-before: page;"));
        // The source URL shows as the link's text, so that it prints.
        let links: Vec<_> = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("a") && n.attribute("href").is_some_and(|h| h.starts_with("http"))
            })
            .collect();
        assert!(!links.is_empty());
        for link in links {
            assert_eq!(link.text(), link.attribute("href"));
        }
    }
}

// --- what the memo says ---------------------------------------------------------------

#[test]
fn reserved_procurement_is_named_for_an_ideburen_partner_only() {
    let memo = ok(&[
        "check", MIXED_CASE, "--set", "falun", "--format", "markdown", "--lang", "sv",
    ]);
    assert!(memo.contains("19 kap. 25 a § LOU"), "{memo}");
    assert!(memo.contains("lagen (2022:900) om registrering av idéburna organisationer"));
    assert!(memo.contains("Kammarkollegiet"));
    let memo = ok(&["check", IOP_CASE, "--format", "markdown", "--lang", "sv"]);
    assert!(!memo.contains("25 a §"));
}

#[test]
fn every_memo_asks_for_legal_review() {
    for (lang, words) in [("sv", "juristfunktion"), ("en", "legal function")] {
        for format in ["markdown", "html"] {
            let memo = ok(&["check", IOP_CASE, "--format", format, "--lang", lang]);
            assert!(memo.contains(words), "{format} {lang}");
        }
    }
}

// --- the agreement ----------------------------------------------------------------------

#[test]
fn agreement_has_jonkopings_twelve_sections_in_order() {
    let sections = [
        (
            "sv",
            [
                "Bakgrund",
                "Beskrivning av gemensam samhällsutmaning",
                "Syften och mål",
                "Värdegrund",
                "Tjänster som överenskommelsen omfattar",
                "Samarbete och samverkan",
                "Utvärdering och uppföljning",
                "Ekonomi",
                "Grundläggande förutsättningar",
                "Period",
                "Omförhandling",
                "Kontaktpersoner",
            ],
        ),
        (
            "en",
            [
                "Background",
                "The shared societal challenge",
                "Purposes and goals",
                "Shared values",
                "Services covered by the agreement",
                "Collaboration and cooperation",
                "Evaluation and follow-up",
                "Finances",
                "Basic prerequisites",
                "Period",
                "Renegotiation",
                "Contact persons",
            ],
        ),
    ];
    for (lang, names) in sections {
        let parsed = parse_markdown(&ok(&["agreement", IOP_CASE, "--lang", lang]));
        let h2: Vec<String> = parsed
            .headings
            .iter()
            .filter(|(level, _)| *level == HeadingLevel::H2)
            .map(|(_, text)| text.clone())
            .collect();
        let expected: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(n, name)| format!("{}. {name}", n + 1))
            .collect();
        assert_eq!(h2, expected);
        assert_eq!(
            parsed
                .headings
                .iter()
                .filter(|(level, _)| *level == HeadingLevel::H1)
                .count(),
            1
        );
    }
}

#[test]
fn agreement_writes_what_the_case_says_and_gaps_for_the_rest() {
    let draft = ok(&["agreement", IOP_CASE, "--lang", "sv"]);
    assert!(draft.contains("Föreningen Råslätts läxhjälp, idéburen organisation"));
    assert!(draft.contains("Jönköpings kommun, genom [Fyll i: ansvarig nämnd och förvaltning]"));
    assert!(draft.contains("Parterna samfinansierar verksamheten."));
    assert!(draft.contains("150 000 kronor per år"));
    assert!(draft.contains("Kommunen detaljreglerar inte verksamheten."));
    assert!(draft.contains("Verksamheten är avsedd att drivas under en längre tid."));
    assert!(draft.contains("Parterna följer upp och utvärderar verksamheten gemensamt"));
    assert!(draft.contains("med stöd av kommunens juristfunktion"));
    assert!(draft.contains("[Fyll i: överenskommelsens första och sista giltighetsdag]"));
    assert!(!draft.contains("Varning"));
    let draft = ok(&[
        "agreement",
        "tests/cases/all-met.toml",
        "--set",
        "falun",
        "--lang",
        "en",
    ]);
    assert!(
        draft.contains("[Fill in: the idéburen organisation's name], an idéburen organisation")
    );
    assert!(draft.contains("[Fill in: the municipality's name], through"));
}

#[test]
fn a_forced_draft_commits_to_nothing_that_failed() {
    let draft = ok(&[
        "agreement",
        MIXED_CASE,
        "--set",
        "falun",
        "--force",
        "--lang",
        "sv",
    ]);
    let warning = draft
        .lines()
        .find(|l| l.starts_with("> **Varning:"))
        .unwrap();
    assert!(warning.contains("upphandling"), "{warning}");
    assert!(warning.contains("Marknad finns (ej uppfyllt)"), "{warning}");
    assert!(
        warning.contains("Båda parter finansierar (öppen)"),
        "{warning}"
    );
    assert!(!draft.contains("Det finns ingen fungerande marknad"));
    assert!(!draft.contains("Parterna samfinansierar verksamheten."));
    assert!(!draft.contains("samtliga kriterier är uppfyllda"));
}

// --- exit codes of iop agreement --------------------------------------------------------

#[test]
fn agreement_exits_1_with_the_reasons_when_the_verdict_is_not_iop() {
    let output = iop(&["agreement", MIXED_CASE, "--set", "falun", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    assert!(
        err.contains("the verdict is procurement (upphandling), not IOP"),
        "{err}"
    );
    assert!(err.contains("A market exists: yes  [market_exists]  → points to procurement"));
    assert!(err.contains("Both parties contribute: unknown  [cofinanced]"));
    assert!(err.contains("--force"));
}

#[test]
fn agreement_exit_codes_with_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("avtal.md");
    let file = path.to_str().unwrap();

    // 0: written to the file, nothing on stdout.
    let output = iop(&["agreement", IOP_CASE, "-o", file]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(first.starts_with("# "));

    // 2: the file exists and --force is not given; it is left as it was.
    std::fs::write(&path, "mine").unwrap();
    let output = iop(&["agreement", IOP_CASE, "-o", file]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");

    // 0: --force overwrites it.
    let output = iop(&["agreement", IOP_CASE, "-o", file, "--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);

    // 1: not an IOP, and the file is not touched.
    std::fs::write(&path, "mine").unwrap();
    let output = iop(&["agreement", MIXED_CASE, "--set", "falun", "-o", file]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let other = dir.path().join("other.md");
    let output = iop(&[
        "agreement",
        MIXED_CASE,
        "--set",
        "falun",
        "-o",
        other.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!Path::new(&other).exists());

    // 0 with --force, the draft carrying its warning.
    let output = iop(&["agreement", MIXED_CASE, "--set", "falun", "--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("> **Warning:"));
}

#[test]
fn agreement_needs_one_set() {
    // all-met.toml names no set in [case].
    for args in [
        &["agreement", "tests/cases/all-met.toml"][..],
        &["agreement", "tests/cases/all-met.toml", "--set", "all"][..],
    ] {
        let output = iop(args);
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        assert!(stderr(&output).contains("--set"), "{}", stderr(&output));
    }
    let output = iop(&["agreement", "tests/cases/all-met.toml", "--set", "falu"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `falun`?"));
}
