//! The law: `name`, `intro`, `[[item]]` and `[[citation]]`, read and checked against the
//! question bank in force.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::Parsed;
use super::check::{Checker, LOCALIZED_KEYS, RawLocalized, Schema};
use crate::diagnostic::{Diagnostic, Problem};
use crate::model::{Bank, Citation, Law, LawItem, Route};
use crate::suggest::closest;

pub const SCHEMA: Schema = &[
    ("", &["name", "intro", "item", "citation"]),
    ("name", LOCALIZED_KEYS),
    ("intro", LOCALIZED_KEYS),
    ("item", &["id", "text", "help", "cite", "overrides"]),
    ("item.text", LOCALIZED_KEYS),
    ("item.help", LOCALIZED_KEYS),
    ("item.overrides", LOCALIZED_KEYS),
    (
        "citation",
        &["id", "short", "document", "publisher", "url", "quote"],
    ),
    ("citation.short", LOCALIZED_KEYS),
    ("citation.quote", LOCALIZED_KEYS),
];

#[derive(Deserialize)]
pub struct RawLaw {
    name: Option<RawLocalized>,
    intro: Option<RawLocalized>,
    item: Option<Vec<Spanned<RawItem>>>,
    citation: Option<Vec<Spanned<RawCitation>>>,
}

#[derive(Deserialize)]
struct RawItem {
    id: Spanned<String>,
    text: Option<RawLocalized>,
    help: Option<RawLocalized>,
    #[serde(default)]
    cite: Vec<Spanned<String>>,
    overrides: Option<RawLocalized>,
}

#[derive(Deserialize)]
struct RawCitation {
    id: Spanned<String>,
    short: Option<RawLocalized>,
    document: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    quote: Option<RawLocalized>,
}

pub fn law_from(parsed: Parsed<RawLaw>, bank: &Bank) -> (Law, Vec<Diagnostic>) {
    let Parsed {
        file,
        text,
        raw,
        problems,
    } = parsed;
    let mut check = Checker {
        file: &file,
        lines: crate::diagnostic::Lines::new(&text),
        problems,
    };
    let whole = 0..0;
    let name = check.localized(raw.name, "name", &whole);
    let intro = check.localized(raw.intro, "intro", &whole);

    let mut citations: Vec<Citation> = Vec::new();
    let mut first: HashMap<String, usize> = HashMap::new();
    for entry in raw.citation.unwrap_or_default() {
        let span = entry.span();
        let c = entry.into_inner();
        let id = c.id.get_ref().clone();
        if !valid_citation_id(&id) {
            let value = id.clone();
            check.problem(Some(c.id.span()), Problem::InvalidId { value });
        }
        let line = check.line(c.id.span());
        if let Some(first_line) = first.get(&id) {
            let problem = Problem::DuplicateQuestion {
                id: id.clone(),
                first_line: *first_line,
            };
            check.problem(Some(c.id.span()), problem);
        }
        first.entry(id.clone()).or_insert(line);
        citations.push(Citation {
            short: check.localized(c.short, &format!("{id}.short"), &span),
            document: check.required(c.document, &format!("{id}.document"), Some(span.clone())),
            publisher: check.required(c.publisher, &format!("{id}.publisher"), Some(span.clone())),
            url: c.url.filter(|u| !u.trim().is_empty()),
            quote: check.optional_localized(c.quote, &format!("{id}.quote"), &span),
            id,
        });
    }
    let citation_ids: Vec<&str> = citations.iter().map(|c| c.id.as_str()).collect();

    let mut items: Vec<LawItem> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for entry in raw.item.unwrap_or_default() {
        let span = entry.span();
        let i = entry.into_inner();
        let id = i.id.get_ref().clone();
        let line = check.line(i.id.span());
        if let Some(first_line) = seen.get(&id) {
            let problem = Problem::DuplicateQuestion {
                id: id.clone(),
                first_line: *first_line,
            };
            check.problem(Some(i.id.span()), problem);
        }
        seen.entry(id.clone()).or_insert(line);
        let item = bank.item(&id);
        if item.is_none() {
            let suggestion = closest(&id, bank.item_ids());
            check.problem(
                Some(i.id.span()),
                Problem::UnknownQuestion {
                    table: "[item]".into(),
                    key: id.clone(),
                    suggestion,
                },
            );
        } else if let Some(fact) = bank.fact_of(&id) {
            let problem = Problem::FactQuestionInSet {
                question: id.clone(),
                fact: fact.id.clone(),
            };
            check.problem(Some(i.id.span()), problem);
        }
        let mut cite = Vec::new();
        for c in i.cite {
            let name = c.get_ref().clone();
            if !citation_ids.contains(&name.as_str()) {
                let suggestion = closest(&name, citation_ids.iter().copied());
                check.problem(
                    Some(c.span()),
                    Problem::UnknownCitation {
                        id: name.clone(),
                        suggestion,
                    },
                );
            }
            cite.push(name);
        }
        items.push(LawItem {
            ok: item.is_none_or(|i| i.ok()),
            route: item.map_or(Route::None, |i| i.route()),
            text: check.localized(i.text, &format!("{id}.text"), &span),
            help: check.localized(i.help, &format!("{id}.help"), &span),
            overrides: check.localized(i.overrides, &format!("{id}.overrides"), &span),
            cite,
            id,
        });
    }
    if items.is_empty() {
        check.problem(
            None,
            Problem::Missing {
                field: "[[item]]".into(),
            },
        );
    }
    let law = Law {
        name,
        intro,
        items,
        citations,
    };
    (law, check.problems)
}

/// A citation id: lower-case letters, digits, `-` and `_`.
fn valid_citation_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
