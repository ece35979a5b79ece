//! What the agreement, the steps and the law's citations share: conditions (`when`,
//! `unless`), sources, and placeholders in their texts, read and checked against the
//! question bank and the sets in force.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::check::{Checker, lines};
use crate::diagnostic::Problem;
use crate::model::{Answer, Bank, Condition, Guard, LawOutcome, Localized, Route, Source, Verdict};
use crate::suggest::closest;

pub const CONDITION_KEYS: &[&str] = &[
    "verdict", "possible", "law", "set", "answers", "complete", "settled", "failing",
];
pub const SOURCE_KEYS: &[&str] = &["publisher", "document", "section", "url", "date"];

/// `true`, `false` or `"unknown"`, as in an answer file.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum RawAnswer {
    Bool(bool),
    Word(String),
}

#[derive(Deserialize, Default)]
pub struct RawCondition {
    #[serde(default)]
    verdict: Vec<Spanned<String>>,
    #[serde(default)]
    possible: Vec<Spanned<String>>,
    #[serde(default)]
    law: Vec<Spanned<String>>,
    #[serde(default)]
    set: Vec<Spanned<String>>,
    #[serde(default)]
    answers: BTreeMap<Spanned<String>, Spanned<RawAnswer>>,
    complete: Option<bool>,
    settled: Option<bool>,
    #[serde(default)]
    failing: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default, Clone)]
pub struct RawSource {
    publisher: Option<String>,
    document: Option<String>,
    section: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

/// What a condition is checked against: the bank's questions and facts, and the sets.
pub struct Known<'a> {
    pub bank: &'a Bank,
    pub sets: &'a [String],
}

fn verdicts(check: &mut Checker<'_>, values: Vec<Spanned<String>>) -> Vec<Verdict> {
    let mut found = Vec::new();
    for value in values {
        match Verdict::from_id(value.get_ref()) {
            Some(v) => found.push(v),
            None => {
                let name = value.get_ref().clone();
                let suggestion = closest(&name, Verdict::ALL.iter().map(|v| v.id()));
                check.problem(
                    Some(value.span()),
                    Problem::UnknownVerdict {
                        value: name,
                        suggestion,
                    },
                );
            }
        }
    }
    found
}

/// A condition as read, its problems reported.
pub fn condition(check: &mut Checker<'_>, raw: RawCondition, known: &Known<'_>) -> Condition {
    let verdict = verdicts(check, raw.verdict);
    let possible = verdicts(check, raw.possible);
    let mut law = Vec::new();
    for value in raw.law {
        match LawOutcome::from_id(value.get_ref()) {
            Some(o) => law.push(o),
            None => {
                let problem = Problem::InvalidValue {
                    value: value.get_ref().clone(),
                    expected: LawOutcome::IDS,
                };
                check.problem(Some(value.span()), problem);
            }
        }
    }
    let mut set = Vec::new();
    for value in raw.set {
        let id = value.get_ref().clone();
        if !known.sets.contains(&id) {
            let suggestion = closest(&id, known.sets.iter().map(String::as_str));
            let problem = Problem::UnknownSet {
                value: id.clone(),
                suggestion,
            };
            check.problem(Some(value.span()), problem);
        }
        set.push(id);
    }
    let mut answers = Vec::new();
    for (key, value) in raw.answers {
        let id = key.get_ref().clone();
        if known.bank.item(&id).is_none() {
            let problem = Problem::UnknownQuestion {
                table: "when.answers".into(),
                key: id.clone(),
                suggestion: closest(&id, known.bank.ids().chain(known.bank.item_ids())),
            };
            check.problem(Some(key.span()), problem);
        }
        let span = value.span();
        let answer = match value.into_inner() {
            RawAnswer::Bool(b) => Answer::from_bool(b),
            RawAnswer::Word(w) if w == "unknown" => Answer::Unknown,
            RawAnswer::Word(w) => {
                let problem = Problem::InvalidValue {
                    value: w,
                    expected: &["true", "false", "\"unknown\""],
                };
                check.problem(Some(span), problem);
                Answer::Unknown
            }
        };
        answers.push((id, answer));
    }
    let mut failing = Vec::new();
    for value in raw.failing {
        match Route::from_id(value.get_ref()) {
            Some(r) => failing.push(r),
            None => {
                let value_text = value.get_ref().clone();
                check.problem(
                    Some(value.span()),
                    Problem::InvalidRoute { value: value_text },
                );
            }
        }
    }
    Condition {
        verdict,
        possible,
        law,
        set,
        answers,
        complete: raw.complete,
        settled: raw.settled,
        failing,
    }
}

/// `when` and `unless`, as read.
pub fn guard(
    check: &mut Checker<'_>,
    when: Option<RawCondition>,
    unless: Option<RawCondition>,
    known: &Known<'_>,
) -> Guard {
    Guard {
        when: condition(check, when.unwrap_or_default(), known),
        unless: unless.map(|u| condition(check, u, known)),
    }
}

/// A source: publisher and document required, the rest optional.
pub fn source(check: &mut Checker<'_>, raw: RawSource, field: &str, span: &Range<usize>) -> Source {
    Source {
        publisher: check.required(
            raw.publisher,
            &format!("{field}.publisher"),
            Some(span.clone()),
        ),
        document: check.required(
            raw.document,
            &format!("{field}.document"),
            Some(span.clone()),
        ),
        section: raw.section.filter(|s| !s.trim().is_empty()).map(lines),
        url: raw.url.filter(|u| !u.trim().is_empty()),
        date: raw.date.filter(|d| !d.trim().is_empty()),
    }
}

/// The names in `{…}` in a text, in order (`{{` and `}}` stand for braces).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            rest = stripped;
            continue;
        }
        match after.find('}') {
            Some(end) => {
                found.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => {
                found.push(after);
                break;
            }
        }
    }
    found
}

/// Reports each placeholder of a text (in both languages) that is not one of `allowed`.
pub fn check_placeholders(
    check: &mut Checker<'_>,
    text: &Localized,
    allowed: &'static [&'static str],
    span: &Range<usize>,
) {
    for lang_text in [&text.sv, &text.en] {
        for name in placeholders(lang_text) {
            let gap = name
                .strip_prefix("gap:")
                .is_some_and(|g| !g.trim().is_empty());
            if !gap && !allowed.contains(&name) {
                let problem = Problem::UnknownPlaceholder {
                    name: name.to_string(),
                    expected: allowed,
                    suggestion: closest(name, allowed.iter().copied()),
                };
                check.problem(Some(span.clone()), problem);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_are_found_and_braces_doubled_are_not() {
        assert_eq!(placeholders("{Party} och {party}s"), ["Party", "party"]);
        assert_eq!(placeholders("{{inte}} {x}"), ["x"]);
        assert_eq!(placeholders("öppen {rest"), ["rest"]);
    }
}
