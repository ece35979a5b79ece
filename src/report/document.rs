//! A document as the memo and the agreement are built: headings, paragraphs, fact lists,
//! tables, criterion entries and lists of text spans, every word already chosen.
//!
//! Built once (`memo.rs`, `agreement.rs`) and drawn by `markdown.rs`, `html.rs` and
//! `docx.rs`, which decide nothing but how each block looks. Text here is as written:
//! each drawer escapes it for its format.

use crate::engine::Status;
use crate::lang::Lang;
use crate::model::Verdict;

/// A whole document.
#[derive(Debug, Clone)]
pub struct Document {
    pub lang: Lang,
    /// What kind of document it is ("Beslutsunderlag: val av samarbetsform"), shown
    /// above the title and in the page header.
    pub kind: String,
    pub title: String,
    /// The document's date, shown in the page footer where there is one.
    pub date: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    /// A heading of level 2 or 3 (the title is level 1).
    Heading(u8, String),
    Paragraph(Text),
    /// A paragraph set apart: the draft's notice, a warning.
    Notice(Text),
    /// Labelled values: the case's particulars.
    Facts(Vec<(String, Text)>),
    Table(Table),
    /// One criterion or item of the law, with its result and details.
    Entry(Entry),
    List(List),
    /// Signature lines: one column per party, one row per label.
    Signatures {
        parties: Vec<Text>,
        labels: Vec<String>,
    },
}

/// A run of spans, drawn on one line (a paragraph, a cell, a list item).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub Vec<Span>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Plain(String),
    Strong(String),
    Emph(String),
    /// A gap to fill in, with its brackets: "[Fyll i: diarienummer]".
    Gap(String),
    /// A web address, shown as itself so that it prints.
    Link(String),
    /// A criterion's or an item's status in words.
    Status(Status, String),
    /// A verdict in words.
    Verdict(Verdict, String),
}

impl Text {
    pub fn plain(text: impl Into<String>) -> Text {
        Text(vec![Span::Plain(text.into())])
    }

    pub fn strong(text: impl Into<String>) -> Text {
        Text(vec![Span::Strong(text.into())])
    }

    pub fn push(&mut self, span: Span) -> &mut Text {
        self.0.push(span);
        self
    }

    pub fn plain_push(&mut self, text: impl Into<String>) -> &mut Text {
        self.push(Span::Plain(text.into()))
    }

    pub fn append(&mut self, other: Text) -> &mut Text {
        self.0.extend(other.0);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text without its styles, for tests and the page header.
    pub fn words(&self) -> String {
        self.0
            .iter()
            .map(|span| match span {
                Span::Plain(t)
                | Span::Strong(t)
                | Span::Emph(t)
                | Span::Gap(t)
                | Span::Link(t)
                | Span::Status(_, t)
                | Span::Verdict(_, t) => t.as_str(),
            })
            .collect()
    }
}

/// A table: its header, its rows, and the share of the width each column takes (in
/// per cent, adding up to 100).
#[derive(Debug, Clone)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<Text>>,
    pub widths: Vec<u16>,
}

/// A criterion or an item of the law: its number, its statement, whether it holds, and
/// its details (the result in words first, then answers, the case's reasons, the source).
#[derive(Debug, Clone)]
pub struct Entry {
    pub number: Option<usize>,
    /// The statement, in paragraphs.
    pub statement: Vec<String>,
    pub status: Status,
    pub details: Vec<(String, Text)>,
}

#[derive(Debug, Clone)]
pub struct List {
    pub ordered: bool,
    pub items: Vec<ListItem>,
}

/// An item of a list, with points under it and a note (its source) after them.
#[derive(Debug, Clone)]
pub struct ListItem {
    pub text: Text,
    pub points: Vec<Text>,
    pub note: Option<Text>,
}

/// Text from a file as paragraphs: split at blank lines, each paragraph's line breaks and
/// runs of spaces made one space.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Text from a file on one line.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text from the data with its placeholders filled in: `{gap:what}` becomes a gap,
/// any other `{name}` what `resolve` gives for it (a name it does not know stays as
/// written). `{{` and `}}` stand for braces.
pub fn fill(
    template: &str,
    gap: impl Fn(&str) -> String,
    resolve: impl Fn(&str) -> Option<Text>,
) -> Text {
    let mut out = Text::default();
    let mut plain = String::new();
    let mut rest = template;
    while let Some(start) = rest.find(['{', '}']) {
        plain.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let brace = &rest[start..start + 1];
        if after.starts_with(brace) {
            plain.push_str(brace);
            rest = &after[1..];
            continue;
        }
        if brace == "}" {
            plain.push('}');
            rest = after;
            continue;
        }
        let Some(end) = after.find('}') else {
            plain.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let name = &after[..end];
        let filled = match name.strip_prefix("gap:") {
            Some(what) => Some(Text(vec![Span::Gap(gap(what))])),
            None => resolve(name),
        };
        match filled {
            Some(text) => {
                if !plain.is_empty() {
                    out.push(Span::Plain(std::mem::take(&mut plain)));
                }
                out.append(text);
            }
            None => plain.push_str(&rest[start..start + end + 2]),
        }
        rest = &after[end + 1..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Span::Plain(plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_gaps_marked() {
        let text = fill(
            "{Party} och {org}, nr {gap:organisationsnummer}; {{x}} {okänd}",
            |w| format!("[Fyll i: {w}]"),
            |name| match name {
                "Party" => Some(Text::plain("Kommunen")),
                "org" => Some(Text(vec![Span::Gap("[Fyll i: namn]".into())])),
                _ => None,
            },
        );
        assert_eq!(
            text.0,
            [
                Span::Plain("Kommunen".into()),
                Span::Plain(" och ".into()),
                Span::Gap("[Fyll i: namn]".into()),
                Span::Plain(", nr ".into()),
                Span::Gap("[Fyll i: organisationsnummer]".into()),
                Span::Plain("; {x} {okänd}".into()),
            ]
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n  c  \r\n\r\n"), ["a b", "c"]);
    }
}
