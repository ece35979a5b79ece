//! The law: `name`, `intro`, `[[item]]` and `[[citation]]`, read and checked against the
//! question bank in force.

use serde::Deserialize;
use toml::Spanned;

use super::Parsed;
use super::check::{Checker, LOCALIZED_KEYS, RawLocalized, Schema, Seen, any_id};
use super::condition::{self, CONDITION_KEYS, Known, RawCondition};
use crate::diagnostic::{Diagnostic, Problem};
use crate::model::{Citation, Cite, Guard, Law, LawItem, Route};
use crate::suggest::closest;

pub const SCHEMA: Schema = &[
    ("", &["name", "intro", "item", "citation"]),
    ("name", LOCALIZED_KEYS),
    ("intro", LOCALIZED_KEYS),
    ("item", &["id", "text", "help", "cite", "overrides"]),
    ("item.text", LOCALIZED_KEYS),
    ("item.help", LOCALIZED_KEYS),
    ("item.overrides", LOCALIZED_KEYS),
    ("item.cite", &["id", "when", "unless"]),
    ("item.cite.when", CONDITION_KEYS),
    ("item.cite.unless", CONDITION_KEYS),
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
    cite: Vec<Spanned<RawCite>>,
    overrides: Option<RawLocalized>,
}

/// A citation's id, or `{ id, when, unless }` for one that applies only sometimes.
enum RawCite {
    Id(String),
    Guarded(Box<RawGuardedCite>),
}

#[derive(Deserialize)]
struct RawGuardedCite {
    id: String,
    when: Option<RawCondition>,
    unless: Option<RawCondition>,
}

/// Read by hand rather than `#[serde(untagged)]`, which would buffer the table and lose
/// the places of the condition's values.
impl<'de> Deserialize<'de> for RawCite {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawCite;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a citation id, or a table with `id` and `when`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawCite, E> {
                Ok(RawCite::Id(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawCite, A::Error> {
                let de = serde::de::value::MapAccessDeserializer::new(map);
                RawGuardedCite::deserialize(de).map(|g| RawCite::Guarded(Box::new(g)))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
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

pub fn law_from(parsed: Parsed<RawLaw>, known: &Known<'_>) -> (Law, Vec<Diagnostic>) {
    let bank = known.bank;
    let Parsed {
        file,
        text,
        raw,
        problems,
    } = parsed;
    let mut check = Checker::new(&file, &text, problems);
    let whole = 0..0;
    let name = check.localized(raw.name, "name", &whole);
    let intro = check.localized(raw.intro, "intro", &whole);

    let mut citations: Vec<Citation> = Vec::new();
    let mut first = Seen::default();
    for entry in raw.citation.unwrap_or_default() {
        let span = entry.span();
        let c = entry.into_inner();
        let id = check.id(&c.id, valid_citation_id, &mut first);
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
    let mut seen = Seen::default();
    for entry in raw.item.unwrap_or_default() {
        let span = entry.span();
        let i = entry.into_inner();
        let id = check.id(&i.id, any_id, &mut seen);
        let item = check.item(bank, &i.id, "[item]");
        let mut cite = Vec::new();
        for c in i.cite {
            let place = c.span();
            let (name, guard) = match c.into_inner() {
                RawCite::Id(name) => (name, Guard::default()),
                RawCite::Guarded(g) => {
                    (g.id, condition::guard(&mut check, g.when, g.unless, known))
                }
            };
            if !citation_ids.contains(&name.as_str()) {
                let suggestion = closest(&name, citation_ids.iter().copied());
                check.problem(
                    Some(place),
                    Problem::UnknownCitation {
                        id: name.clone(),
                        suggestion,
                    },
                );
            }
            cite.push(Cite { id: name, guard });
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
