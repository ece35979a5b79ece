//! A document (the memo or the agreement) in Markdown: CommonMark with GitHub's tables,
//! to paste into a tjänsteutlåtande or convert.
//!
//! Draws the blocks built in `memo.rs` and `agreement.rs`, deciding nothing. Every text
//! passes through `escape::markdown`, so that it shows as written and cannot break a
//! table or start a block; only `http(s)` addresses become links.

use std::fmt::Write;

use super::document::{Block, Document, Entry, List, Span, Table, Text};
use crate::escape::{markdown as md, web_url};

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&doc.title));
    if !doc.kind.is_empty() {
        let _ = writeln!(out, "*{}*\n", md(&doc.kind));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from((*level).clamp(2, 6)));
                let _ = writeln!(out, "{hashes} {}\n", md(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}\n", spans(text));
            }
            Block::Notice(text) => {
                let _ = writeln!(out, "> {}\n", spans(text));
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    let _ = writeln!(out, "- **{}:** {}", md(label), spans(value));
                }
                out.push('\n');
            }
            Block::Table(table) => draw_table(&mut out, table),
            Block::Entry(entry) => draw_entry(&mut out, entry),
            Block::List(list) => draw_list(&mut out, list),
            Block::Signatures { parties, labels } => {
                let head: Vec<String> = parties.iter().map(spans).collect();
                let _ = writeln!(out, "| {} |", head.join(" | "));
                let _ = writeln!(out, "|{}", "---|".repeat(parties.len()));
                for label in labels {
                    let cell = format!("{}: ____________________", md(label));
                    let row = vec![cell; parties.len()];
                    let _ = writeln!(out, "| {} |", row.join(" | "));
                }
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Text escaped by `escape::markdown`, keeping a space at either end, where spans meet.
fn spaced(text: &str) -> String {
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{lead}{}{trail}", md(text))
}

/// Styled text: the marks inside, the spaces outside.
fn styled(text: &str, mark: &str) -> String {
    let inner = md(text);
    if inner.is_empty() {
        return spaced(text);
    }
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{mark}{inner}{mark}{trail}")
}

/// A run of spans on one line.
fn spans(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(t) | Span::Gap(t) | Span::Status(_, t) => out.push_str(&spaced(t)),
            Span::Strong(t) | Span::Verdict(_, t) => out.push_str(&styled(t, "**")),
            Span::Emph(t) => out.push_str(&styled(t, "*")),
            Span::Link(url) => match web_url(url) {
                Some(url) => {
                    let _ = write!(out, "<{url}>");
                }
                None => out.push_str(&md(url)),
            },
        }
    }
    out
}

fn draw_table(out: &mut String, table: &Table) {
    let head: Vec<String> = table.head.iter().map(|h| md(h)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(table.head.len()));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(spans).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn draw_entry(out: &mut String, entry: &Entry) {
    let statement: Vec<String> = entry.statement.iter().map(|p| md(p)).collect();
    match entry.number {
        Some(n) => {
            let _ = writeln!(out, "**{n}.** {}\n", statement.join(" "));
        }
        None => {
            let _ = writeln!(out, "{}\n", statement.join(" "));
        }
    }
    for (label, value) in &entry.details {
        let _ = writeln!(out, "- **{}:** {}", md(label), spans(value));
    }
    out.push('\n');
}

fn draw_list(out: &mut String, list: &List) {
    for (n, item) in list.items.iter().enumerate() {
        let marker = if list.ordered {
            format!("{}. ", n + 1)
        } else {
            "- ".to_string()
        };
        let pad = " ".repeat(marker.len());
        let _ = writeln!(out, "{marker}{}", spans(&item.text));
        if !item.points.is_empty() {
            out.push('\n');
            for point in &item.points {
                let _ = writeln!(out, "{pad}- {}", spans(point));
            }
        }
        if let Some(note) = &item.note {
            let _ = writeln!(out, "\n{pad}{}", spans(note));
        }
        if list.ordered || !item.points.is_empty() || item.note.is_some() {
            out.push('\n');
        }
    }
    if !list.ordered {
        out.push('\n');
    }
}
