//! The draft agreement's template: `title`, `notice`, `[terms]` and `[[section]]` with
//! their parts, conditions and sources, read and checked against the question bank and
//! the sets in force.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::Parsed;
use super::check::{Checker, LOCALIZED_KEYS, RawLocalized, Schema, Seen, valid_set_id};
use super::condition::{self, CONDITION_KEYS, Known, RawCondition, RawSource, SOURCE_KEYS};
use crate::diagnostic::{Diagnostic, Problem};
use crate::model::documents::{
    AGREEMENT_PLACEHOLDERS, CASE_FIELDS, Part, PartKind, Section, Terms,
};
use crate::model::{Agreement, Localized};
use crate::suggest::closest;

const PART_KINDS: &[&str] = &["text", "gap", "case", "commitments", "signatures"];

pub const SCHEMA: Schema = &[
    ("", &["title", "notice", "terms", "section"]),
    ("title", LOCALIZED_KEYS),
    ("notice", LOCALIZED_KEYS),
    ("terms", &["kommun", "region", "other"]),
    ("terms.kommun", LOCALIZED_KEYS),
    ("terms.region", LOCALIZED_KEYS),
    ("terms.other", LOCALIZED_KEYS),
    (
        "section",
        &["id", "title", "numbered", "take", "part", "source"],
    ),
    ("section.title", LOCALIZED_KEYS),
    (
        "section.part",
        &[
            "text",
            "gap",
            "case",
            "commitments",
            "signatures",
            "when",
            "unless",
        ],
    ),
    ("section.part.text", LOCALIZED_KEYS),
    ("section.part.gap", LOCALIZED_KEYS),
    ("section.part.signatures", LOCALIZED_KEYS),
    ("section.part.when", CONDITION_KEYS),
    ("section.part.unless", CONDITION_KEYS),
    ("section.source", SOURCE_KEYS),
];

#[derive(Deserialize)]
pub struct RawAgreement {
    title: Option<RawLocalized>,
    notice: Option<RawLocalized>,
    terms: Option<RawTerms>,
    section: Option<Vec<Spanned<RawSection>>>,
}

#[derive(Deserialize, Default)]
struct RawTerms {
    kommun: Option<RawLocalized>,
    region: Option<RawLocalized>,
    other: Option<RawLocalized>,
}

#[derive(Deserialize)]
struct RawSection {
    id: Spanned<String>,
    title: Option<RawLocalized>,
    numbered: Option<bool>,
    #[serde(default)]
    take: Vec<Spanned<String>>,
    #[serde(default)]
    part: Vec<Spanned<RawPart>>,
    #[serde(default)]
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
struct RawPart {
    text: Option<RawLocalized>,
    gap: Option<RawLocalized>,
    case: Option<Spanned<String>>,
    commitments: Option<bool>,
    signatures: Option<Vec<RawLocalized>>,
    when: Option<RawCondition>,
    unless: Option<RawCondition>,
}

fn part(
    check: &mut Checker<'_>,
    raw: RawPart,
    id: &str,
    span: &std::ops::Range<usize>,
    known: &Known<'_>,
) -> Option<Part> {
    let guard = condition::guard(check, raw.when, raw.unless, known);
    let field = format!("{id}.part");
    let localized = |check: &mut Checker<'_>, raw: RawLocalized| {
        let words = check.localized(Some(raw), &field, span);
        condition::check_placeholders(check, &words, AGREEMENT_PLACEHOLDERS, span);
        words
    };
    let kind = match (raw.text, raw.gap, raw.case, raw.commitments, raw.signatures) {
        (Some(text), None, None, None, None) => PartKind::Text(localized(check, text)),
        (None, Some(gap), None, None, None) => PartKind::Gap(localized(check, gap)),
        // A field of the case, with the gap that stands when the case does not give it.
        (None, gap, Some(name), None, None) => {
            let field_name = name.get_ref().clone();
            if !CASE_FIELDS.contains(&field_name.as_str()) {
                let problem = Problem::InvalidValue {
                    value: field_name.clone(),
                    expected: CASE_FIELDS,
                };
                check.problem(Some(name.span()), problem);
            }
            let gap = match gap {
                Some(gap) => localized(check, gap),
                None => {
                    let missing = format!("{id}.part.gap");
                    check.problem(Some(span.clone()), Problem::Missing { field: missing });
                    Localized::default()
                }
            };
            PartKind::Case {
                field: field_name,
                gap,
            }
        }
        (None, None, None, Some(true), None) => PartKind::Commitments,
        (None, None, None, None, Some(labels)) => {
            PartKind::Signatures(labels.into_iter().map(|l| localized(check, l)).collect())
        }
        _ => {
            let problem = Problem::OneOf {
                table: format!("{id}.part"),
                keys: PART_KINDS,
            };
            check.problem(Some(span.clone()), problem);
            return None;
        }
    };
    Some(Part { kind, guard })
}

pub fn agreement_from(
    parsed: Parsed<RawAgreement>,
    known: &Known<'_>,
) -> (Agreement, Vec<Diagnostic>) {
    let Parsed {
        file,
        text,
        raw,
        problems,
    } = parsed;
    let mut check = Checker::new(&file, &text, problems);
    let whole = 0..0;
    let title = check.localized(raw.title, "title", &whole);
    let notice = check.localized(raw.notice, "notice", &whole);
    condition::check_placeholders(&mut check, &notice, AGREEMENT_PLACEHOLDERS, &whole);
    let terms = raw.terms.unwrap_or_default();
    let terms = Terms {
        kommun: check.localized(terms.kommun, "terms.kommun", &whole),
        region: check.localized(terms.region, "terms.region", &whole),
        other: check.localized(terms.other, "terms.other", &whole),
    };

    let bank = known.bank;
    let mut sections: Vec<Section> = Vec::new();
    let mut first = Seen::default();
    let mut taken: HashMap<String, usize> = HashMap::new();
    for entry in raw.section.unwrap_or_default() {
        let span = entry.span();
        let s = entry.into_inner();
        let id = check.id(&s.id, valid_set_id, &mut first);
        let mut take = Vec::new();
        for t in s.take {
            let name = t.get_ref().clone();
            match bank.item(&name) {
                None => {
                    let problem = Problem::UnknownQuestion {
                        table: format!("{id}.take"),
                        key: name.clone(),
                        suggestion: closest(&name, bank.ids().chain(bank.item_ids())),
                    };
                    check.problem(Some(t.span()), problem);
                }
                Some(item) if item.agreement().is_none() => {
                    let problem = Problem::NoCommitment { id: name.clone() };
                    check.problem(Some(t.span()), problem);
                }
                Some(_) => {}
            }
            let line = check.line(t.span());
            if let Some(first_line) = taken.get(&name) {
                let problem = Problem::DuplicateQuestion {
                    id: name.clone(),
                    first_line: *first_line,
                };
                check.problem(Some(t.span()), problem);
            }
            taken.entry(name.clone()).or_insert(line);
            take.push(name);
        }
        let mut parts = Vec::new();
        for p in s.part {
            let place = p.span();
            if let Some(part) = part(&mut check, p.into_inner(), &id, &place, known) {
                parts.push(part);
            }
        }
        let sources = s
            .source
            .into_iter()
            .map(|raw| condition::source(&mut check, raw, &format!("{id}.source"), &span))
            .collect();
        sections.push(Section {
            title: check.localized(s.title, &format!("{id}.title"), &span),
            numbered: s.numbered.unwrap_or(true),
            take,
            parts,
            sources,
            id,
        });
    }
    if sections.is_empty() {
        let field = "[[section]]".to_string();
        check.problem(None, Problem::Missing { field });
    }
    let agreement = Agreement {
        title,
        notice,
        terms,
        sections,
    };
    (agreement, check.problems)
}
