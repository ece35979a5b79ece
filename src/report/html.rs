//! A document (the decision memo) as one self-contained HTML page: inline CSS, no
//! scripts, no external files or fonts; readable on screen and printed on A4 with the
//! document's kind, title, date and page numbers in the margins.
//!
//! Draws the blocks built in `memo.rs`, deciding nothing. Every text passes through
//! `escape::markup`; only `http(s)` addresses become links, and each link shows its
//! address, so a printed page keeps it.

use std::fmt::Write;

use super::document::{Block, Document, Entry, List, Span, Table, Text};
use crate::escape::{markup, web_url};
use crate::i18n::Words;

const STYLE: &str = r#"
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --paper: #ffffff; --desk: #f3f4f6;
  --met: #1a7f37; --failed: #c62828; --open: #9a6700;
  --iop: #1a7f37; --grant: #0b5cad; --procurement: #7b3fb8; --undetermined: #9a6700;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--desk); color: var(--ink);
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main {
  max-width: 54rem; margin: 2rem auto; padding: 2.5rem 3rem;
  background: var(--paper); border: 1px solid var(--line);
}
.kind { margin: 0; color: var(--muted); font-size: .8rem; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: .2rem 0 .8rem; font-size: 1.8rem; line-height: 1.2; }
h2 { margin: 2rem 0 .7rem; padding-bottom: .2rem; border-bottom: 2px solid var(--ink); font-size: 1.3rem; line-height: 1.25; }
h3 { margin: 1.4rem 0 .5rem; font-size: 1.08rem; line-height: 1.3; }
p { margin: 0 0 .6rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
a { color: var(--grant); overflow-wrap: anywhere; }
.gap { background: #fff3bf; }
.notice { margin: 0 0 1rem; padding: .6rem 1rem; border-left: 5px solid var(--open); background: #fffbea; }
table { width: 100%; margin: .5rem 0 1.2rem; border-collapse: collapse; font-size: .9rem; }
th, td { padding: .3rem .45rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; }
.verdict { font-weight: 700; }
.verdict-iop { color: var(--iop); }
.verdict-association-grant { color: var(--grant); }
.verdict-procurement { color: var(--procurement); }
.verdict-undetermined { color: var(--undetermined); }
.status { font-weight: 600; }
.status-met { color: var(--met); }
.status-failed { color: var(--failed); }
.status-open { color: var(--open); }
.entry { margin: 0 0 .7rem; padding: .5rem .8rem; border: 1px solid var(--line); border-left-width: 5px; break-inside: avoid; page-break-inside: avoid; }
.entry.met { border-left-color: var(--met); }
.entry.failed { border-left-color: var(--failed); }
.entry.open { border-left-color: var(--open); }
.entry p { margin-bottom: .3rem; }
.statement { font-style: italic; }
.entry dl { display: grid; grid-template-columns: 7rem 1fr; gap: .05rem .8rem; margin: 0; font-size: .93rem; }
ol.steps > li, ul.list > li { margin-bottom: .45rem; }
.note { color: var(--muted); font-size: .88rem; }
@page { size: A4; margin: 20mm 16mm 20mm; }
@media print {
  body { background: none; font-size: 9.5pt; line-height: 1.35; }
  main { max-width: none; margin: 0; padding: 0; border: 0; }
  h2 { margin: 1.1rem 0 .4rem; }
  h3 { margin: .8rem 0 .35rem; }
  .entry { margin-bottom: .4rem; padding: .3rem .6rem; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// A string for CSS `content`, every character but letters, digits and spaces escaped,
/// so that nothing from a file can end the string or the style sheet.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

/// The page's margins in print: the document's kind and title at the top, its date and
/// the page number at the bottom.
fn page_boxes(doc: &Document) -> String {
    let (page, of) = Words(doc.lang).page_words();
    let mut css = String::from("@page {\n");
    let _ = writeln!(
        css,
        "  @top-left {{ content: {}; font: 8pt sans-serif; color: #59636e; }}",
        css_string(&doc.kind)
    );
    let _ = writeln!(
        css,
        "  @top-right {{ content: {}; font: 8pt sans-serif; color: #59636e; }}",
        css_string(&doc.title)
    );
    if let Some(date) = &doc.date {
        let _ = writeln!(
            css,
            "  @bottom-left {{ content: {}; font: 8pt sans-serif; color: #59636e; }}",
            css_string(date)
        );
    }
    let _ = writeln!(
        css,
        "  @bottom-right {{ content: {} counter(page) {} counter(pages); font: 8pt sans-serif; color: #59636e; }}",
        css_string(&format!("{page} ")),
        css_string(&format!(" {of} "))
    );
    css.push_str("}\n");
    css
}

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let title = markup(&doc.title);
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", doc.lang.code());
    let _ = writeln!(out, "<head>");
    let _ = writeln!(out, "<meta charset=\"utf-8\" />");
    let _ = writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"
    );
    let _ = writeln!(out, "<title>{title} – {}</title>", markup(&doc.kind));
    let _ = writeln!(out, "<style>{STYLE}{}</style>", page_boxes(doc));
    let _ = writeln!(out, "</head>");
    let _ = writeln!(out, "<body>");
    let _ = writeln!(out, "<main>");
    let _ = writeln!(out, "<header>");
    if !doc.kind.is_empty() {
        let _ = writeln!(out, "<p class=\"kind\">{}</p>", markup(&doc.kind));
    }
    let _ = writeln!(out, "<h1>{title}</h1>");
    let _ = writeln!(out, "</header>");
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let level = (*level).clamp(2, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", markup(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", spans(text));
            }
            Block::Notice(text) => {
                let _ = writeln!(out, "<p class=\"notice\">{}</p>", spans(text));
            }
            Block::Facts(facts) => {
                let _ = writeln!(out, "<dl class=\"facts\">");
                for (label, value) in facts {
                    let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", markup(label), spans(value));
                }
                let _ = writeln!(out, "</dl>");
            }
            Block::Table(table) => draw_table(&mut out, table),
            Block::Entry(entry) => draw_entry(&mut out, entry),
            Block::List(list) => draw_list(&mut out, list),
            Block::Signatures { parties, labels } => {
                let _ = writeln!(out, "<table class=\"signatures\">");
                let head: Vec<String> = parties
                    .iter()
                    .map(|p| format!("<th>{}</th>", spans(p)))
                    .collect();
                let _ = writeln!(out, "<thead><tr>{}</tr></thead>", head.concat());
                let _ = writeln!(out, "<tbody>");
                for label in labels {
                    let cell = format!("<td>{}: ____________________</td>", markup(label));
                    let _ = writeln!(out, "<tr>{}</tr>", cell.repeat(parties.len()));
                }
                let _ = writeln!(out, "</tbody>");
                let _ = writeln!(out, "</table>");
            }
        }
    }
    let _ = writeln!(out, "</main>");
    let _ = writeln!(out, "</body>");
    let _ = writeln!(out, "</html>");
    out
}

fn spans(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(t) => out.push_str(&markup(t)),
            Span::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", markup(t));
            }
            Span::Emph(t) => {
                let _ = write!(out, "<em>{}</em>", markup(t));
            }
            Span::Gap(t) => {
                let _ = write!(out, "<span class=\"gap\">{}</span>", markup(t));
            }
            Span::Link(url) => match web_url(url) {
                Some(url) => {
                    let url = markup(url);
                    let _ = write!(out, "<a href=\"{url}\">{url}</a>");
                }
                None => out.push_str(&markup(url)),
            },
            Span::Status(status, t) => {
                let _ = write!(
                    out,
                    "<span class=\"status status-{}\">{}</span>",
                    status.id(),
                    markup(t)
                );
            }
            Span::Verdict(verdict, t) => {
                let _ = write!(
                    out,
                    "<span class=\"verdict verdict-{}\">{}</span>",
                    verdict.id(),
                    markup(t)
                );
            }
        }
    }
    out
}

fn draw_table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "<table>");
    let _ = write!(out, "<thead><tr>");
    for (head, width) in table.head.iter().zip(&table.widths) {
        let _ = write!(out, "<th style=\"width: {width}%\">{}</th>", markup(head));
    }
    let _ = writeln!(out, "</tr></thead>");
    let _ = writeln!(out, "<tbody>");
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| format!("<td>{}</td>", spans(c)))
            .collect();
        let _ = writeln!(out, "<tr>{}</tr>", cells.concat());
    }
    let _ = writeln!(out, "</tbody>");
    let _ = writeln!(out, "</table>");
}

fn draw_entry(out: &mut String, entry: &Entry) {
    let _ = writeln!(out, "<div class=\"entry {}\">", entry.status.id());
    for (n, paragraph) in entry.statement.iter().enumerate() {
        let number = match (n, entry.number) {
            (0, Some(number)) => format!("<strong>{number}.</strong> "),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<p class=\"statement\">{number}{}</p>",
            markup(paragraph)
        );
    }
    let _ = writeln!(out, "<dl>");
    for (label, value) in &entry.details {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", markup(label), spans(value));
    }
    let _ = writeln!(out, "</dl>");
    let _ = writeln!(out, "</div>");
}

fn draw_list(out: &mut String, list: &List) {
    let (tag, class) = if list.ordered {
        ("ol", "steps")
    } else {
        ("ul", "list")
    };
    let _ = writeln!(out, "<{tag} class=\"{class}\">");
    for item in &list.items {
        let _ = write!(out, "<li>{}", spans(&item.text));
        if !item.points.is_empty() {
            let _ = write!(out, "\n<ul>");
            for point in &item.points {
                let _ = write!(out, "<li>{}</li>", spans(point));
            }
            let _ = write!(out, "</ul>");
        }
        if let Some(note) = &item.note {
            let _ = write!(out, "\n<p class=\"note\">{}</p>", spans(note));
        }
        let _ = writeln!(out, "</li>");
    }
    let _ = writeln!(out, "</{tag}>");
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn nothing_from_a_file_ends_a_css_string() {
        let s = css_string("a\"</style><script>\\ å");
        assert!(!s[1..s.len() - 1].contains(['"', '<', '>']), "{s}");
        assert!(s.contains("å"));
    }
}
