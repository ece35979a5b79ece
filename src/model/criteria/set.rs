//! A criteria set: its metadata, `[source]` and `[[criterion]]`, read and checked against
//! the question bank in force.

use serde::Deserialize;
use toml::Spanned;

use super::Parsed;
use super::check::{Checker, LOCALIZED_KEYS, RawLocalized, Schema, Seen, any_id, valid_set_id};
use crate::diagnostic::{Diagnostic, Problem};
use crate::model::{Bank, CriteriaSet, Criterion, Route, SetKind, Source};

const SOURCE_KEYS: &[&str] = &[
    "document",
    "publisher",
    "section",
    "url",
    "date",
    "complete",
];
const CRITERION_SOURCE_KEYS: &[&str] = &["document", "publisher", "section", "url", "date"];

pub const SCHEMA: Schema = &[
    (
        "",
        &[
            "id",
            "name",
            "kind",
            "governs",
            "derives_from",
            "lineage",
            "source",
            "criterion",
        ],
    ),
    ("source", SOURCE_KEYS),
    ("lineage", LOCALIZED_KEYS),
    (
        "criterion",
        &["question", "required", "text", "help", "source"],
    ),
    ("criterion.text", LOCALIZED_KEYS),
    ("criterion.help", LOCALIZED_KEYS),
    ("criterion.source", CRITERION_SOURCE_KEYS),
];

#[derive(Deserialize)]
pub struct RawSet {
    id: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    governs: Vec<String>,
    derives_from: Option<Spanned<String>>,
    lineage: Option<RawLocalized>,
    source: Option<RawSource>,
    criterion: Option<Vec<Spanned<RawCriterion>>>,
}

#[derive(Deserialize, Default, Clone)]
struct RawSource {
    document: Option<String>,
    publisher: Option<String>,
    section: Option<String>,
    url: Option<String>,
    date: Option<String>,
    complete: Option<bool>,
}

#[derive(Deserialize)]
struct RawCriterion {
    question: Spanned<String>,
    required: Option<Spanned<bool>>,
    text: Option<RawLocalized>,
    help: Option<RawLocalized>,
    source: Option<RawSource>,
}

/// A set as read, with the place of its `derives_from`, checked once every set is known.
pub struct SetChecked {
    pub set: CriteriaSet,
    pub problems: Vec<Diagnostic>,
    /// Where `id` stands, for problems found across files (a duplicate id).
    pub id_span: Option<std::ops::Range<usize>>,
    pub derives_span: Option<std::ops::Range<usize>>,
    pub text: String,
}

pub fn set_from(parsed: Parsed<RawSet>, bank: &Bank, builtin: bool) -> SetChecked {
    let Parsed {
        file,
        text,
        raw,
        problems,
    } = parsed;
    let mut check = Checker::new(&file, &text, problems);
    let id_span = raw.id.as_ref().map(Spanned::span);
    let id = match raw.id {
        Some(id) => {
            if !valid_set_id(id.get_ref()) {
                let value = id.get_ref().clone();
                check.problem(Some(id.span()), Problem::InvalidId { value });
            }
            id.into_inner()
        }
        None => {
            check.problem(None, Problem::Missing { field: "id".into() });
            String::new()
        }
    };
    let name_span = raw.name.as_ref().map(Spanned::span);
    let name = check.required(raw.name.map(Spanned::into_inner), "name", name_span);
    let kind = match raw.kind {
        Some(kind) => SetKind::from_id(kind.get_ref()).unwrap_or_else(|| {
            let value = kind.get_ref().clone();
            check.problem(Some(kind.span()), Problem::InvalidKind { value });
            SetKind::Kommun
        }),
        None => {
            let problem = Problem::Missing {
                field: "kind".into(),
            };
            check.problem(None, problem);
            SetKind::Kommun
        }
    };
    let whole = 0..0;
    let lineage = check.optional_localized(raw.lineage, "lineage", &whole);
    let derives_span = raw.derives_from.as_ref().map(Spanned::span);
    let derives_from = raw.derives_from.map(Spanned::into_inner);
    let set_source = raw.source.unwrap_or_default();

    let mut criteria: Vec<Criterion> = Vec::new();
    let mut seen = Seen::default();
    for entry in raw.criterion.unwrap_or_default() {
        let span = entry.span();
        let c = entry.into_inner();
        let question_id = check.id(&c.question, any_id, &mut seen);
        let item = check.item(bank, &c.question, "[criterion]");
        let required = match c.required {
            Some(flag) if *flag.get_ref() => {
                check.problem(Some(flag.span()), Problem::RequiredNotFalse);
                true
            }
            Some(_) => false,
            None => true,
        };
        let own = c.source.unwrap_or_default();
        let source = Source {
            document: check.required(
                own.document.or(set_source.document.clone()),
                "source.document",
                Some(span.clone()),
            ),
            publisher: check.required(
                own.publisher.or(set_source.publisher.clone()),
                "source.publisher",
                Some(span.clone()),
            ),
            section: own.section.or(set_source.section.clone()),
            url: own.url.or(set_source.url.clone()),
            date: own.date.or(set_source.date.clone()),
        };
        let text_field = format!("{question_id}.text");
        let help_field = format!("{question_id}.help");
        criteria.push(Criterion {
            required,
            ok: item.is_none_or(|i| i.ok()),
            route: item.map_or(Route::None, |i| i.route()),
            text: check.localized(c.text, &text_field, &span),
            help: check.localized(c.help, &help_field, &span),
            source,
            question: question_id,
        });
    }
    if criteria.is_empty() {
        check.problem(None, Problem::EmptySet);
    }
    let source = Source {
        document: set_source.document.unwrap_or_default(),
        publisher: set_source.publisher.unwrap_or_default(),
        section: set_source.section,
        url: set_source.url,
        date: set_source.date,
    };
    let set = CriteriaSet {
        id,
        name,
        kind,
        governs: raw
            .governs
            .into_iter()
            .filter(|g| !g.trim().is_empty())
            .collect(),
        derives_from,
        lineage,
        source,
        complete: set_source.complete,
        criteria,
        file: (!builtin).then(|| file.clone()),
    };
    SetChecked {
        set,
        problems: check.problems,
        id_span,
        derives_span,
        text,
    }
}
