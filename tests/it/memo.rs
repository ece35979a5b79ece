//! The decision memo (`iop check --format markdown|html|docx`) and the draft agreement
//! (`iop agreement`): snapshots of each, what they say and leave out, escaping of hostile
//! case files checked by parsing the output, the Word documents unzipped and read, and
//! the exit codes of writing to a file.
//!
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test it memo`) updates the
//! snapshots in `tests/it/snapshots/` after a deliberate change; read them before accepting.

use std::io::Read;
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

/// Every set met, Jönköping governing, with the case's particulars.
const IOP_CASE: &str = "tests/cases/memo-iop.toml";
/// Falu kommun governs; the law finds a public contract; the partner is idéburen.
const PROCUREMENT_CASE: &str = "tests/cases/memo-procurement.toml";
/// No public party and no set: no set governs.
const MIXED_CASE: &str = "tests/cases/mixed.toml";
const MARKUP_CASE: &str = "tests/cases/memo-markup.toml";

/// Exactly as the case file writes them (the TOML escapes decoded).
const MARKUP_TITLE: &str = "<script>alert(1)</script> | pipe | **bold**";
const MARKUP_ORGANISATION: &str = "[link](javascript:x) & Co";
const MARKUP_NOTE_START: &str = "<img src=x onerror=alert(1)> **bold** | pipe |";
const MARKUP_OFFICER: &str = "<b>Namn</b> | Efternamn";

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
        "check",
        PROCUREMENT_CASE,
        "--set",
        "all",
        "--format",
        "markdown",
        "--lang",
        "en"
    ]));
}

#[test]
fn markdown_memo_without_a_governing_set_sv() {
    insta::assert_snapshot!(ok(&[
        "check",
        MIXED_CASE,
        "--set",
        "falun,forum",
        "--format",
        "markdown",
        "--lang",
        "sv"
    ]));
}

#[test]
fn html_memo_one_set_sv() {
    insta::assert_snapshot!(ok(&["check", IOP_CASE, "--format", "html", "--lang", "sv"]));
}

#[test]
fn html_memo_procurement_en() {
    insta::assert_snapshot!(ok(&[
        "check",
        PROCUREMENT_CASE,
        "--format",
        "html",
        "--lang",
        "en"
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
        PROCUREMENT_CASE,
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

fn h2(parsed: &Parsed) -> Vec<String> {
    parsed
        .headings
        .iter()
        .filter(|(level, _)| *level == HeadingLevel::H2)
        .map(|(_, text)| text.clone())
        .collect()
}

#[test]
fn markdown_memo_shows_markup_from_files_as_written() {
    let markdown = ok(&["check", MARKUP_CASE, "--format", "markdown"]);
    let parsed = parse_markdown(&markdown);
    assert!(parsed.html.is_empty(), "raw HTML: {:?}", parsed.html);
    assert!(
        parsed.links.iter().all(|l| l.starts_with("https://")),
        "links: {:?}",
        parsed.links
    );
    assert_eq!(parsed.headings[0], (HeadingLevel::H1, MARKUP_TITLE.into()));
    assert!(parsed.text.contains(MARKUP_ORGANISATION));
    assert!(parsed.text.contains(MARKUP_OFFICER));
    assert!(parsed.text.contains(MARKUP_NOTE_START), "{}", parsed.text);
    // A control character is shown as an escape, never written.
    assert!(parsed.text.contains("next line \\u{1b}[31m"));
    assert!(!markdown.contains('\u{1b}'));
    // The description's table and list stay text: one set, so the memo has no table.
    assert!(parsed.tables.is_empty(), "{:?}", parsed.tables);
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
fn the_memo_follows_a_tjanstutlatandes_annex() {
    let markdown = ok(&["check", IOP_CASE, "--format", "markdown", "--lang", "sv"]);
    let parsed = parse_markdown(&markdown);
    assert_eq!(
        h2(&parsed),
        [
            "Ärendet",
            "Bedömning",
            "Det som återstår",
            "Nästa steg",
            "Källor"
        ]
    );
    let h3: Vec<&str> = parsed
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H3)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h3,
        ["Rättslig prövning", "Kriterier enligt Jönköpings kommun"]
    );
    for particular in [
        "**Diarienummer:** KS 2026/0412",
        "**Datum:** 2026-11-26",
        "**Handläggare:** Anna Andersson",
        "**Beslutsinstans:** Kultur- och fritidsnämnden",
    ] {
        assert!(markdown.contains(particular), "{particular}");
    }
    // The legal test with its citations, then each criterion with its reasons and source.
    for cited in [
        "LOU (2016:1145) 1 kap. 15 §",
        "HFD 2020 ref. 15",
        "Kommunallagen (2017:725) 2 kap. 1–2 §§",
        "TEUF art. 107",
        "Förordning (EU) 2023/2831",
        "Förordning (EU) 2023/2832",
        "Upphandlingsskadeavgift",
    ] {
        assert!(parsed.text.contains(cited), "{cited}");
    }
    // 8 § only where the organisation acts as an undertaking.
    assert!(!parsed.text.contains("2 kap. 8 §"));
    assert!(markdown.contains("**Motivering:** Föreningen kom till kommunen med idén"));
    assert!(markdown.contains("**Bedömning:** stämmer"));
}

#[test]
fn the_memo_names_no_internal_id_and_no_file() {
    for (case, set) in [(IOP_CASE, "jonkoping"), (PROCUREMENT_CASE, "all")] {
        for lang in ["sv", "en"] {
            let memo = ok(&[
                "check", case, "--set", set, "--format", "markdown", "--lang", lang,
            ]);
            for id in [
                "detail_regulated",
                "market_exists",
                "public_contract",
                "payment_for_performance",
                "tests/cases",
                ".toml",
                "`",
            ] {
                assert!(!memo.contains(id), "{case} {lang}: {id}");
            }
        }
    }
}

#[test]
fn several_sets_give_the_governing_set_in_full_and_one_table() {
    let markdown = ok(&[
        "check",
        PROCUREMENT_CASE,
        "--set",
        "all",
        "--format",
        "markdown",
        "--lang",
        "sv",
    ]);
    let parsed = parse_markdown(&markdown);
    assert!(parsed.html.is_empty());
    assert!(parsed.links.iter().all(|l| l.starts_with("https://")));
    // One table: the eleven other sets, each row with four cells.
    assert_eq!(parsed.tables.len(), 1);
    assert_eq!(parsed.tables[0], vec![4; 12]);
    assert!(parsed.text.contains("Kriterier enligt Falu kommun"));
    assert!(!parsed.text.contains("Kriterier enligt Jönköpings kommun"));
    // Municipalities' and regions' sets before the national models.
    let row = |name: &str| markdown.find(&format!("| {name}")).unwrap();
    assert!(row("Malmö stad") < row("Forum"), "{markdown}");
}

#[test]
fn without_a_governing_set_the_memo_says_it_recommends_nothing() {
    let markdown = ok(&[
        "check",
        MIXED_CASE,
        "--set",
        "falun,forum",
        "--format",
        "markdown",
        "--lang",
        "sv",
    ]);
    assert!(
        markdown.contains("Jämförelsen är ingen rekommendation."),
        "{markdown}"
    );
    assert!(!markdown.contains("Kriterier enligt"));
    let parsed = parse_markdown(&markdown);
    assert_eq!(parsed.tables, [vec![4; 3]]);
}

// --- what the memo says ---------------------------------------------------------------

#[test]
fn reserved_procurement_is_named_for_an_ideburen_partner_in_a_procurement_only() {
    let memo = ok(&[
        "check",
        PROCUREMENT_CASE,
        "--format",
        "markdown",
        "--lang",
        "sv",
    ]);
    assert!(memo.contains("19 kap. 25 a § LOU"), "{memo}");
    assert!(memo.contains("1 kap. 2 a § lagen (2008:962) om valfrihetssystem"));
    assert!(memo.contains("Registrering hos Kammarkollegiet enligt lagen (2022:900) är frivillig"));
    assert!(memo.contains("inte har prövats i praxis"));
    assert!(!memo.contains("som är registrerade"));
    // The points Upphandlingsmyndigheten weighs between a grant and a procurable service.
    assert!(memo.contains("Drivs verksamheten i enskild regi?"));
    let memo = ok(&["check", IOP_CASE, "--format", "markdown", "--lang", "sv"]);
    assert!(!memo.contains("25 a §"));
    assert!(!memo.contains("enskild regi"));
}

#[test]
fn jonkopings_legal_function_only_where_jonkoping_governs() {
    for (lang, words) in [("sv", "juristfunktion"), ("en", "legal function")] {
        for format in ["markdown", "html"] {
            let memo = ok(&["check", IOP_CASE, "--format", format, "--lang", lang]);
            assert!(memo.contains(words), "{format} {lang}");
            let memo = ok(&[
                "check",
                PROCUREMENT_CASE,
                "--format",
                format,
                "--lang",
                lang,
            ]);
            assert!(!memo.contains(words), "{format} {lang}");
        }
    }
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
    assert!(html.contains("counter(page)") && html.contains("counter(pages)"));
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
    assert!(dd.contains(&MARKUP_OFFICER.to_string()), "{dd:?}");
    assert!(
        dd.iter()
            .any(|d| d.starts_with(MARKUP_NOTE_START) && d.contains("\\u{1b}[31m")),
        "{dd:?}"
    );
    assert!(!html.contains('\u{1b}'));
    // The title in the page margins is a CSS string that nothing in it can end.
    let style = element_text(&doc, "style").concat();
    assert!(!style.contains("</"), "{style}");
    assert!(!style.contains("<script"));
}

#[test]
fn html_memo_is_self_contained_and_prints_its_date() {
    for lang in ["sv", "en"] {
        let html = ok(&[
            "check", IOP_CASE, "--set", "all", "--format", "html", "--lang", lang,
        ]);
        let doc = check_html(&html, lang);
        assert!(html.contains("@bottom-left { content: \"2026\\2d 11\\2d 26\";"));
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
        assert_eq!(element_text(&doc, "table").len(), 1);
    }
}

// --- Word -------------------------------------------------------------------------------

/// A `.docx` file's parts, by name.
fn unzip(path: &Path) -> std::collections::BTreeMap<String, String> {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut parts = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let mut text = String::new();
        if part.read_to_string(&mut text).is_ok() {
            parts.insert(part.name().to_string(), text);
        }
    }
    parts
}

/// The paragraphs of a Word document: each with its style and its text.
fn word_paragraphs(document: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(document).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name("pStyle"))
                .and_then(|s| {
                    s.attributes()
                        .find(|a| a.name() == "val")
                        .map(|a| a.value().to_string())
                })
                .unwrap_or_default();
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|n| n.text())
                .collect();
            (style, text)
        })
        .collect()
}

fn write_docx(args: &[&str], dir: &Path, name: &str) -> std::collections::BTreeMap<String, String> {
    let path = dir.join(name);
    let mut all: Vec<&str> = args.to_vec();
    let file = path.to_str().unwrap().to_string();
    all.extend(["--format", "docx", "-o", &file]);
    let output = iop(&all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    unzip(&path)
}

#[test]
fn the_word_memo_has_headings_tables_a4_and_page_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let parts = write_docx(
        &["check", PROCUREMENT_CASE, "--set", "all", "--lang", "sv"],
        dir.path(),
        "memo.docx",
    );
    let document = &parts["word/document.xml"];
    let paragraphs = word_paragraphs(document);
    let styled = |style: &str| -> Vec<&str> {
        paragraphs
            .iter()
            .filter(|(s, _)| s == style)
            .map(|(_, t)| t.as_str())
            .collect()
    };
    assert_eq!(styled("Title"), ["Kafé med arbetsträning i stadsparken"]);
    assert_eq!(
        styled("Heading1"),
        [
            "Ärendet",
            "Bedömning",
            "Jämförelse med andra kriterieuppsättningar",
            "Det som återstår",
            "Nästa steg",
            "Källor"
        ]
    );
    assert_eq!(
        styled("Heading2"),
        ["Rättslig prövning", "Kriterier enligt Falu kommun"]
    );
    // Word's own names for the heading styles.
    assert!(parts["word/styles.xml"].contains("w:val=\"heading 1\""));
    // The particulars and the comparison are tables; A4; a page number in the footer.
    assert!(document.matches("<w:tbl>").count() >= 2, "{document}");
    assert!(document.contains("w:w=\"11906\"") && document.contains("w:h=\"16838\""));
    let footer = parts
        .iter()
        .find(|(name, _)| name.starts_with("word/footer"))
        .map(|(_, text)| text.as_str())
        .unwrap();
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
    assert!(footer.contains("2026-11-20"));
    let text: String = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    assert!(text.contains("SN 2026/88"));
    assert!(text.contains("19 kap. 25 a § LOU"));
    assert!(!text.contains("market_exists"));
}

#[test]
fn the_word_memo_shows_markup_from_files_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let parts = write_docx(
        &["check", MARKUP_CASE, "--lang", "sv"],
        dir.path(),
        "m.docx",
    );
    let document = &parts["word/document.xml"];
    let paragraphs = word_paragraphs(document);
    let text: String = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    assert!(text.contains(MARKUP_TITLE));
    assert!(text.contains(MARKUP_ORGANISATION));
    assert!(text.contains(MARKUP_NOTE_START));
    assert!(text.contains("\\u{1b}[31m"));
    // Nothing from the case became XML: no element but Word's own.
    let doc = roxmltree::Document::parse(document).unwrap();
    assert!(
        doc.descendants()
            .filter(|n| n.is_element())
            .all(|n| n.tag_name().namespace().is_some()),
    );
    assert!(!document.contains('\u{1b}'));
}

#[test]
fn the_word_agreement_has_the_sections_and_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let parts = write_docx(
        &["agreement", IOP_CASE, "--lang", "sv"],
        dir.path(),
        "a.docx",
    );
    let paragraphs = word_paragraphs(&parts["word/document.xml"]);
    let headings: Vec<&str> = paragraphs
        .iter()
        .filter(|(s, _)| s == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(headings.first(), Some(&"1. Parter"));
    assert_eq!(headings.last(), Some(&"Underskrifter"));
    assert!(headings.contains(&"12. Grundläggande förutsättningar"));
    let text: String = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    assert!(text.contains("[Fyll i: organisationsnummer]"));
    assert!(text.contains("Ort och datum"));
}

#[test]
fn a_word_document_is_written_only_to_a_file_and_never_over_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memo.docx");
    let file = path.to_str().unwrap();
    std::fs::write(&path, "mine").unwrap();
    let output = iop(&["check", IOP_CASE, "--format", "docx", "-o", file]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let output = iop(&["check", IOP_CASE, "--format", "docx", "-o", file, "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"));
    // -o for every format: the Markdown memo as a file, UTF-8 whatever the shell.
    let md = dir.path().join("memo.md");
    let output = iop(&[
        "check",
        IOP_CASE,
        "--format",
        "markdown",
        "-o",
        md.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .starts_with("# Läxhjälp")
    );
}

// --- the agreement ----------------------------------------------------------------------

#[test]
fn agreement_has_jonkopings_twelve_sections_in_order() {
    let twelve = [
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
    for (lang, names) in twelve {
        let parsed = parse_markdown(&ok(&["agreement", IOP_CASE, "--lang", lang]));
        let titles: Vec<String> = h2(&parsed)
            .iter()
            .map(|h| h.split_once(". ").map_or(h.clone(), |(_, t)| t.to_string()))
            .collect();
        let found: Vec<usize> = names
            .iter()
            .map(|name| {
                titles
                    .iter()
                    .position(|t| t == name)
                    .unwrap_or_else(|| panic!("{name}"))
            })
            .collect();
        assert!(found.windows(2).all(|w| w[0] < w[1]), "{titles:?}");
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
fn agreement_writes_commitments_and_gaps_and_no_assessment() {
    let draft = ok(&["agreement", IOP_CASE, "--lang", "sv"]);
    assert!(draft.contains(
        "Föreningen Råslätts läxhjälp, organisationsnummer \\[Fyll i: organisationsnummer\\]"
    ));
    assert!(draft.contains("Jönköpings kommun, organisationsnummer"));
    assert!(draft.contains("genom Kultur- och fritidsnämnden, nedan kallad Kommunen."));
    assert!(draft.contains("i ärende KS 2026/0412"));
    assert!(draft.contains("Parterna samfinansierar verksamheten."));
    assert!(draft.contains("Kommunen detaljreglerar inte verksamheten."));
    assert!(draft.contains("Medel som inte har använts"));
    assert!(draft.contains("\\[Fyll i: överenskommelsens första och sista giltighetsdag\\]"));
    // The reasons stay in the memo; no legal conclusion is a clause.
    assert!(!draft.contains("150 000 kronor per år"));
    assert!(!draft.contains("Juristen har bedömt"));
    assert!(!draft.contains("Antagande"));
    assert!(!draft.contains("förenligt med EU:s regler om statligt stöd"));
    assert!(!draft.contains("samtliga kriterier är uppfyllda"));
    assert!(!draft.contains("Varning"));
    // A region's set names the party Regionen.
    let draft = ok(&[
        "agreement",
        IOP_CASE,
        "--set",
        "vgr",
        "--force",
        "--lang",
        "sv",
    ]);
    assert!(draft.contains("nedan kallad Regionen"), "{draft}");
}

#[test]
fn agreement_shows_markup_from_files_as_written() {
    let output = iop(&["agreement", MARKUP_CASE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let parsed = parse_markdown(&stdout(&output));
    assert!(parsed.html.is_empty(), "raw HTML: {:?}", parsed.html);
    assert!(parsed.links.is_empty(), "links: {:?}", parsed.links);
    assert!(parsed.text.contains(MARKUP_TITLE));
    assert!(parsed.text.contains(MARKUP_ORGANISATION));
    assert!(!parsed.text.contains(MARKUP_NOTE_START));
}

#[test]
fn a_forced_draft_commits_to_nothing_that_failed() {
    let draft = ok(&["agreement", PROCUREMENT_CASE, "--force", "--lang", "sv"]);
    let warning = draft
        .lines()
        .find(|l| l.starts_with("> **Varning:"))
        .unwrap();
    assert!(
        warning.contains("pekar bedömningen mot upphandling, inte mot IOP"),
        "{warning}"
    );
    assert!(
        warning.contains("Marknad finns (stämmer inte)"),
        "{warning}"
    );
    assert!(!draft.contains("Det finns ingen fungerande marknad"));
    assert!(!draft.contains("Parterna samfinansierar verksamheten."));
    assert!(!draft.contains("Kommunen detaljreglerar inte"));
}

// --- exit codes of iop agreement --------------------------------------------------------

#[test]
fn agreement_exits_1_with_the_reasons_when_the_verdict_is_not_iop() {
    let output = iop(&["agreement", PROCUREMENT_CASE, "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    assert!(
        err.contains("the verdict points to procurement, not to an IOP"),
        "{err}"
    );
    assert!(err.contains("A market exists: yes  [market_exists]  → points to procurement"));
    assert!(err.contains("--force"));
    let output = iop(&["agreement", PROCUREMENT_CASE, "--lang", "sv"]);
    let err = stderr(&output);
    assert!(!err.contains("är bedömningen"), "{err}");
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
    let output = iop(&["agreement", PROCUREMENT_CASE, "-o", file]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let other = dir.path().join("other.md");
    let output = iop(&["agreement", PROCUREMENT_CASE, "-o", other.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!Path::new(&other).exists());

    // 0 with --force, the draft carrying its warning.
    let output = iop(&["agreement", PROCUREMENT_CASE, "--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("> **Warning:"));
}

#[test]
fn agreement_needs_one_set() {
    // mixed.toml names neither a set nor a public party.
    for args in [
        &["agreement", MIXED_CASE][..],
        &["agreement", MIXED_CASE, "--set", "all"][..],
    ] {
        let output = iop(args);
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        assert!(stderr(&output).contains("--set"), "{}", stderr(&output));
    }
    let output = iop(&["agreement", MIXED_CASE, "--set", "falu"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `falun`?"));
}
