//! What every kind of criteria file shares: the keys each of its tables may hold, and the
//! checker that collects a file's problems with their places.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Lines, Problem};
use crate::model::{Bank, Item, Localized};
use crate::suggest::closest;

/// The keys of each table of a kind of file, by the table's path as its header is
/// written (`""` for the top level, `criterion.text` for a criterion's text).
pub type Schema = &'static [(&'static str, &'static [&'static str])];

pub const LOCALIZED_KEYS: &[&str] = &["sv", "en"];

/// A text in both languages, as read: either may be missing.
#[derive(Deserialize, Default)]
pub struct RawLocalized {
    pub sv: Option<String>,
    pub en: Option<String>,
}

/// A text with the line ends of a file saved on Windows: a multi-line string keeps its
/// CRLF, which would show as `\u{d}` in every report.
pub fn lines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

/// Every key that a file's tables do not have, each with its place. Serde stops at the
/// first unknown key; this names them all, in the user's language.
pub fn unknown_keys(root: &DeTable<'_>, schema: Schema) -> Vec<(Range<usize>, Problem)> {
    fn expected(schema: Schema, path: &str) -> Option<&'static [&'static str]> {
        schema
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, keys)| *keys)
    }
    fn check(
        table: &DeTable<'_>,
        path: &str,
        schema: Schema,
        found: &mut Vec<(Range<usize>, Problem)>,
    ) {
        let Some(keys) = expected(schema, path) else {
            return;
        };
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            if !keys.contains(&k) {
                found.push((
                    key.span(),
                    Problem::UnknownKey {
                        table: path.to_string(),
                        key: k.to_string(),
                        expected: keys,
                        suggestion: closest(k, keys.iter().copied()),
                    },
                ));
                continue;
            }
            let child = if path.is_empty() {
                k.to_string()
            } else {
                format!("{path}.{k}")
            };
            match value.get_ref() {
                DeValue::Table(t) => check(t, &child, schema, found),
                DeValue::Array(items) => {
                    for item in items {
                        if let DeValue::Table(t) = item.get_ref() {
                            check(t, &child, schema, found);
                        }
                    }
                }
                // A wrong type is left to the deserializer, which names it.
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    check(root, "", schema, &mut found);
    found
}

/// Collects the problems of one file.
pub struct Checker<'a> {
    pub file: &'a str,
    /// Found once: every problem's line comes from it.
    pub lines: Lines<'a>,
    pub problems: Vec<Diagnostic>,
}

/// The ids a file's tables have given so far, with the line each was first given on.
#[derive(Default)]
pub struct Seen(HashMap<String, usize>);

impl<'a> Checker<'a> {
    /// A checker of the file `file` with the text `text`, starting from the problems
    /// found while parsing it.
    pub fn new(file: &'a str, text: &'a str, problems: Vec<Diagnostic>) -> Checker<'a> {
        Checker {
            file,
            lines: Lines::new(text),
            problems,
        }
    }

    /// The id of one table of the file (`[[item]]`, `[[step]]`, …): checked with `valid`,
    /// and named as a duplicate when an earlier table gave it.
    pub fn id(
        &mut self,
        id: &toml::Spanned<String>,
        valid: fn(&str) -> bool,
        seen: &mut Seen,
    ) -> String {
        let value = id.get_ref().clone();
        if !valid(&value) {
            let problem = Problem::InvalidId {
                value: value.clone(),
            };
            self.problem(Some(id.span()), problem);
        }
        let line = self.line(id.span());
        if let Some(first_line) = seen.0.get(&value) {
            let problem = Problem::DuplicateQuestion {
                id: value.clone(),
                first_line: *first_line,
            };
            self.problem(Some(id.span()), problem);
        }
        seen.0.entry(value.clone()).or_insert(line);
        value
    }

    pub fn problem(&mut self, span: Option<Range<usize>>, problem: Problem) {
        self.problems
            .push(Diagnostic::in_lines(self.file, &self.lines, span, problem));
    }

    /// The line of a byte offset, for "first on line N".
    pub fn line(&self, span: Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    /// The question or fact a set's criterion or the law's item names: one the bank has,
    /// and not a question that belongs to a fact (a set names the fact). `None` when the
    /// bank does not have it.
    pub fn item<'b>(
        &mut self,
        bank: &'b Bank,
        id: &toml::Spanned<String>,
        table: &str,
    ) -> Option<Item<'b>> {
        let name = id.get_ref();
        let item = bank.item(name);
        if item.is_none() {
            let problem = Problem::UnknownQuestion {
                table: table.to_string(),
                key: name.clone(),
                suggestion: closest(name, bank.item_ids()),
            };
            self.problem(Some(id.span()), problem);
        } else if let Some(fact) = bank.fact_of(name) {
            let problem = Problem::FactQuestionInSet {
                question: name.clone(),
                fact: fact.id.clone(),
            };
            self.problem(Some(id.span()), problem);
        }
        item
    }

    /// A text that must have both languages.
    pub fn localized(
        &mut self,
        raw: Option<RawLocalized>,
        field: &str,
        span: &Range<usize>,
    ) -> Localized {
        let raw = raw.unwrap_or_default();
        let mut take = |value: Option<String>, lang: &'static str| match value {
            Some(v) if !v.trim().is_empty() => lines(v),
            _ => {
                let field = field.to_string();
                self.problem(Some(span.clone()), Problem::MissingText { field, lang });
                String::new()
            }
        };
        Localized {
            sv: take(raw.sv, "sv").into(),
            en: take(raw.en, "en").into(),
        }
    }

    /// A text that may be absent, but when given has both languages.
    pub fn optional_localized(
        &mut self,
        raw: Option<RawLocalized>,
        field: &str,
        span: &Range<usize>,
    ) -> Option<Localized> {
        raw.map(|raw| self.localized(Some(raw), field, span))
    }

    /// A value that must be there and not be empty.
    pub fn required(
        &mut self,
        value: Option<String>,
        field: &str,
        span: Option<Range<usize>>,
    ) -> String {
        match value {
            Some(v) if !v.trim().is_empty() => lines(v),
            _ => {
                self.problem(
                    span,
                    Problem::Missing {
                        field: field.to_string(),
                    },
                );
                String::new()
            }
        }
    }
}

/// Any id: for tables whose ids are checked against the bank instead.
pub fn any_id(_: &str) -> bool {
    true
}

/// A question or set id: lower-case letters, digits and `_`.
pub fn valid_question_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A set id: lower-case letters, digits and `-`, not `all`.
pub fn valid_set_id(id: &str) -> bool {
    id != "all"
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
