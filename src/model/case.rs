//! Answer files: `[case]`, `[answers]`, `[notes]` and `[expect]`, read strictly.
//!
//! The file is parsed into toml's spanned tree and checked by hand rather than through
//! serde, so that every problem is found in one pass and named in the user's language,
//! with its line and a suggestion.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Answer, Answers, Catalog, Verdict};
use crate::diagnostic::{self, Diagnostic, Expected, Problem};
use crate::suggest::closest;

pub const TABLES: &[&str] = &["case", "answers", "notes", "expect"];
pub const CASE_KEYS: &[&str] = &[
    "title",
    "organisation",
    "public_party",
    "description",
    "set",
    "reference",
    "date",
    "officer",
    "decision_body",
];

/// The keys of version 1 that version 2 replaced, with what replaces each.
pub const REPLACED: &[(&str, &[&str])] = &[
    (
        "municipality_orders_service",
        &[
            "payment_for_performance",
            "direct_economic_interest",
            "binding_obligations",
        ],
    ),
    (
        "state_aid_compatible",
        &["economic_activity", "above_de_minimis"],
    ),
];

/// What a case says about itself, shown in reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CaseMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_party: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The set (or `all`) to use when none is named on the command line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set: Option<String>,
    /// The diarienummer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The date of the assessment, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The handläggare.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    /// The beslutsinstans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_body: Option<String>,
}

/// One line of `[expect]`: the verdict a set should give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub set: String,
    pub verdict: Verdict,
    pub line: usize,
}

/// A validated answer file.
#[derive(Debug, Clone, Default)]
pub struct Case {
    pub file: String,
    pub meta: CaseMeta,
    pub answers: Answers,
    pub notes: BTreeMap<String, String>,
    pub expect: Vec<Expectation>,
}

/// Reads and validates an answer file.
pub fn read(path: &Path, catalog: &Catalog) -> Result<Case, Vec<Diagnostic>> {
    let text = diagnostic::read_text(path).map_err(|d| vec![d])?;
    parse(&crate::escape::path(path), &text, catalog)
}

/// Validates the text of an answer file named `file`.
pub fn parse(file: &str, text: &str, catalog: &Catalog) -> Result<Case, Vec<Diagnostic>> {
    let root =
        DeTable::parse(text).map_err(|e| vec![diagnostic::from_toml(file, text, &e, false)])?;
    let mut reader = Reader {
        file,
        lines: diagnostic::Lines::new(text),
        catalog,
        problems: Vec::new(),
    };
    let mut case = Case {
        file: file.to_string(),
        ..Case::default()
    };
    for (key, value) in root.get_ref() {
        let name = key.get_ref().as_ref();
        if !TABLES.contains(&name) {
            reader.problem(
                key.span(),
                Problem::UnknownTable {
                    name: name.to_string(),
                    expected: TABLES,
                    suggestion: closest(name, TABLES.iter().copied()),
                },
            );
            continue;
        }
        let DeValue::Table(table) = value.get_ref() else {
            reader.problem(
                value.span(),
                Problem::NotATable {
                    key: name.to_string(),
                },
            );
            continue;
        };
        match name {
            "case" => reader.case(table, &mut case.meta),
            "answers" => reader.answers(table, &mut case.answers),
            "notes" => reader.notes(table, &mut case.notes),
            _ => reader.expect(table, &mut case.expect),
        }
    }
    if reader.problems.is_empty() {
        Ok(case)
    } else {
        Err(reader.problems)
    }
}

struct Reader<'a> {
    file: &'a str,
    /// Found once: every problem's line comes from it.
    lines: diagnostic::Lines<'a>,
    catalog: &'a Catalog,
    problems: Vec<Diagnostic>,
}

type Entry<'e, 'i> = (
    &'e Spanned<toml::de::DeString<'i>>,
    &'e Spanned<DeValue<'i>>,
);

impl Reader<'_> {
    fn problem(&mut self, span: Range<usize>, problem: Problem) {
        let d = Diagnostic::in_lines(self.file, &self.lines, Some(span), problem);
        self.problems.push(d);
    }

    fn line(&self, span: Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    /// The string value of an entry, or a problem.
    fn string(&mut self, (key, value): Entry<'_, '_>, expected: Expected) -> Option<String> {
        match value.get_ref() {
            // A multi-line string in a file saved on Windows keeps its CRLF.
            DeValue::String(s) => Some(s.replace("\r\n", "\n")),
            _ => {
                let key = key.get_ref().to_string();
                self.problem(value.span(), Problem::WrongType { key, expected });
                None
            }
        }
    }

    /// A TOML date (`2026-11-26`), or an empty string as a fresh template has it.
    fn date(&mut self, (key, value): Entry<'_, '_>) -> Option<String> {
        match value.get_ref() {
            DeValue::Datetime(d) if d.date.is_some() && d.time.is_none() => {
                d.date.map(|date| date.to_string())
            }
            DeValue::String(s) if s.trim().is_empty() => None,
            _ => {
                let key = key.get_ref().to_string();
                self.problem(
                    value.span(),
                    Problem::WrongType {
                        key,
                        expected: Expected::Date,
                    },
                );
                None
            }
        }
    }

    /// Whether a key of `[answers]` (or, with `facts`, of `[notes]`) names a question.
    fn question_key(
        &mut self,
        table: &str,
        key: &Spanned<toml::de::DeString<'_>>,
        facts: bool,
    ) -> bool {
        let id = key.get_ref().as_ref();
        let bank = &self.catalog.bank;
        if bank.get(id).is_some() || (facts && bank.fact(id).is_some()) {
            return true;
        }
        if let Some((_, replacements)) = REPLACED.iter().find(|(old, _)| *old == id) {
            self.problem(
                key.span(),
                Problem::ReplacedQuestion {
                    key: id.to_string(),
                    replacements,
                },
            );
            return false;
        }
        if let Some(fact) = bank.fact(id) {
            let problem = Problem::FactAnswered {
                fact: id.to_string(),
                questions: fact.all_of.clone(),
            };
            self.problem(key.span(), problem);
            return false;
        }
        let suggestion = closest(id, self.catalog.bank.ids());
        self.problem(
            key.span(),
            Problem::UnknownQuestion {
                table: table.to_string(),
                key: id.to_string(),
                suggestion,
            },
        );
        false
    }

    fn set_name(&mut self, name: &str, span: Range<usize>, allow_all: bool) -> bool {
        if self.catalog.set(name).is_some() || (allow_all && name == "all") {
            return true;
        }
        let suggestion = closest(name, self.catalog.set_ids());
        self.problem(
            span,
            Problem::UnknownSet {
                value: name.to_string(),
                suggestion,
            },
        );
        false
    }

    fn case(&mut self, table: &DeTable<'_>, meta: &mut CaseMeta) {
        for entry @ (key, value) in table {
            let name = key.get_ref().as_ref();
            if name == "date" {
                meta.date = self.date(entry);
                continue;
            }
            let slot = match name {
                "title" => &mut meta.title,
                "organisation" => &mut meta.organisation,
                "public_party" => &mut meta.public_party,
                "description" => &mut meta.description,
                "set" => &mut meta.set,
                "reference" => &mut meta.reference,
                "officer" => &mut meta.officer,
                "decision_body" => &mut meta.decision_body,
                _ => {
                    self.problem(
                        key.span(),
                        Problem::UnknownKey {
                            table: "case".into(),
                            key: name.to_string(),
                            expected: CASE_KEYS,
                            suggestion: closest(name, CASE_KEYS.iter().copied()),
                        },
                    );
                    continue;
                }
            };
            // An empty field, as a fresh template has, says nothing.
            let Some(text) = self
                .string(entry, Expected::String)
                .filter(|t| !t.trim().is_empty())
            else {
                continue;
            };
            if name == "set" && !self.set_name(&text, value.span(), true) {
                continue;
            }
            *slot = Some(text);
        }
    }

    fn answers(&mut self, table: &DeTable<'_>, answers: &mut Answers) {
        for (key, value) in table {
            if !self.question_key("answers", key, false) {
                continue;
            }
            let answer = match value.get_ref() {
                DeValue::Boolean(b) => Answer::from_bool(*b),
                DeValue::String(s) if s.as_ref() == "unknown" => Answer::Unknown,
                _ => {
                    let key = key.get_ref().to_string();
                    self.problem(
                        value.span(),
                        Problem::WrongType {
                            key,
                            expected: Expected::Answer,
                        },
                    );
                    continue;
                }
            };
            answers.insert(key.get_ref().to_string(), answer);
        }
    }

    fn notes(&mut self, table: &DeTable<'_>, notes: &mut BTreeMap<String, String>) {
        for entry @ (key, _) in table {
            if !self.question_key("notes", key, true) {
                continue;
            }
            if let Some(note) = self.string(entry, Expected::String) {
                notes.insert(key.get_ref().to_string(), note);
            }
        }
    }

    fn expect(&mut self, table: &DeTable<'_>, expect: &mut Vec<Expectation>) {
        for entry @ (key, value) in table {
            let set = key.get_ref().as_ref();
            if !self.set_name(set, key.span(), false) {
                continue;
            }
            let Some(name) = self.string(entry, Expected::Verdict) else {
                continue;
            };
            let Some(verdict) = Verdict::from_input(&name) else {
                let suggestion = closest(&name, Verdict::names());
                self.problem(
                    value.span(),
                    Problem::UnknownVerdict {
                        value: name,
                        suggestion,
                    },
                );
                continue;
            };
            let line = self.line(key.span());
            expect.push(Expectation {
                set: set.to_string(),
                verdict,
                line,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::criteria;

    fn catalog() -> Catalog {
        criteria::builtin().unwrap()
    }

    fn problems(text: &str) -> Vec<Problem> {
        parse("case.toml", text, &catalog())
            .unwrap_err()
            .into_iter()
            .map(|d| d.problem)
            .collect()
    }

    #[test]
    fn reads_every_table() {
        let text = r#"
[case]
title = "Ungdomsbussen"
set = "forum"
[answers]
ideburen_organisation = true
market_exists = false
cofinanced = "unknown"
[notes]
market_exists = "Ingen marknad."
[expect]
forum = "undetermined"
"#;
        let case = parse("case.toml", text, &catalog()).unwrap();
        assert_eq!(case.meta.title.as_deref(), Some("Ungdomsbussen"));
        assert_eq!(case.meta.set.as_deref(), Some("forum"));
        assert_eq!(case.answers["ideburen_organisation"], Answer::Yes);
        assert_eq!(case.answers["market_exists"], Answer::No);
        assert_eq!(case.answers["cofinanced"], Answer::Unknown);
        assert_eq!(case.notes["market_exists"], "Ingen marknad.");
        assert_eq!(
            case.expect,
            [Expectation {
                set: "forum".into(),
                verdict: Verdict::Undetermined,
                line: 12
            }]
        );
    }

    #[test]
    fn an_empty_file_is_a_case_without_answers() {
        let case = parse("case.toml", "", &catalog()).unwrap();
        assert!(case.answers.is_empty() && case.expect.is_empty());
    }

    #[test]
    fn windows_line_ends_are_read() {
        let case = parse("c", "[answers]\r\nlong_term = true\r\n", &catalog()).unwrap();
        assert_eq!(case.answers["long_term"], Answer::Yes);
    }

    #[test]
    fn windows_line_ends_in_a_note_are_read_as_line_ends() {
        let text = "[notes]\r\nlong_term = \"\"\"\r\nEtt år\r\ntill att börja med.\"\"\"\r\n";
        let case = parse("c", text, &catalog()).unwrap();
        assert_eq!(case.notes["long_term"], "Ett år\ntill att börja med.");
    }

    #[test]
    fn an_unknown_question_gets_a_suggestion_and_its_line() {
        let errors = parse(
            "c",
            "[answers]\nlong_term = true\nmarket_exist = true\n",
            &catalog(),
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line(), Some(3));
        assert_eq!(
            errors[0].problem,
            Problem::UnknownQuestion {
                table: "answers".into(),
                key: "market_exist".into(),
                suggestion: Some("market_exists".into())
            }
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let found = problems(
            "[case]\ntitel = \"x\"\nset = \"falu\"\n[answers]\ncofinanced = \"yes\"\n[notes]\ncofinanced = 3\n[expect]\nfalun = \"IOP\"\n[answer]\n",
        );
        assert_eq!(found.len(), 6, "{found:#?}");
        assert!(
            matches!(&found[0], Problem::UnknownKey { suggestion: Some(s), .. } if s == "title")
        );
        assert!(
            matches!(&found[1], Problem::UnknownSet { suggestion: Some(s), .. } if s == "falun")
        );
        assert!(matches!(
            &found[2],
            Problem::WrongType {
                expected: Expected::Answer,
                ..
            }
        ));
        assert!(matches!(
            &found[3],
            Problem::WrongType {
                expected: Expected::String,
                ..
            }
        ));
        assert!(
            matches!(&found[4], Problem::UnknownVerdict { suggestion: Some(s), .. } if s == "iop")
        );
        assert!(
            matches!(&found[5], Problem::UnknownTable { suggestion: Some(s), .. } if s == "answers")
        );
    }

    #[test]
    fn a_table_written_as_a_value_is_named() {
        assert_eq!(
            problems("answers = 3\n"),
            [Problem::NotATable {
                key: "answers".into()
            }]
        );
    }

    #[test]
    fn an_expect_for_an_unknown_set_is_an_error() {
        assert!(matches!(
            &problems("[expect]\nstockholm = \"iop\"\n")[0],
            Problem::UnknownSet { .. }
        ));
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let errors = parse("c", "[answers]\nlong_term = tru\n", &catalog()).unwrap_err();
        assert!(matches!(errors[0].problem, Problem::Syntax(_)));
        assert_eq!(errors[0].line(), Some(2));
    }
}
