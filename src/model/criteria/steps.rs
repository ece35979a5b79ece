//! The memo's next steps: `[[step]]`, each with its text, its points, when it stands and
//! its sources, read and checked against the question bank and the sets in force.

use serde::Deserialize;
use toml::Spanned;

use super::Parsed;
use super::check::{Checker, LOCALIZED_KEYS, RawLocalized, Schema, Seen, valid_set_id};
use super::condition::{self, CONDITION_KEYS, Known, RawCondition, RawSource, SOURCE_KEYS};
use crate::diagnostic::{Diagnostic, Problem};
use crate::model::Step;
use crate::model::documents::STEP_PLACEHOLDERS;

pub const SCHEMA: Schema = &[
    ("", &["step"]),
    ("step", &["id", "text", "items", "when", "unless", "source"]),
    ("step.text", LOCALIZED_KEYS),
    ("step.items", LOCALIZED_KEYS),
    ("step.when", CONDITION_KEYS),
    ("step.unless", CONDITION_KEYS),
    ("step.source", SOURCE_KEYS),
];

#[derive(Deserialize)]
pub struct RawSteps {
    step: Option<Vec<Spanned<RawStep>>>,
}

#[derive(Deserialize)]
struct RawStep {
    id: Spanned<String>,
    text: Option<RawLocalized>,
    #[serde(default)]
    items: Vec<RawLocalized>,
    when: Option<RawCondition>,
    unless: Option<RawCondition>,
    #[serde(default)]
    source: Vec<RawSource>,
}

pub fn steps_from(parsed: Parsed<RawSteps>, known: &Known<'_>) -> (Vec<Step>, Vec<Diagnostic>) {
    let Parsed {
        file,
        text,
        raw,
        problems,
    } = parsed;
    let mut check = Checker::new(&file, &text, problems);
    let mut steps = Vec::new();
    let mut first = Seen::default();
    for entry in raw.step.unwrap_or_default() {
        let span = entry.span();
        let s = entry.into_inner();
        let id = check.id(&s.id, valid_set_id, &mut first);
        let words = check.localized(s.text, &format!("{id}.text"), &span);
        condition::check_placeholders(&mut check, &words, STEP_PLACEHOLDERS, &span);
        let items = s
            .items
            .into_iter()
            .map(|i| check.localized(Some(i), &format!("{id}.items"), &span))
            .collect();
        let guard = condition::guard(&mut check, s.when, s.unless, known);
        let sources = s
            .source
            .into_iter()
            .map(|raw| condition::source(&mut check, raw, &format!("{id}.source"), &span))
            .collect();
        steps.push(Step {
            id,
            text: words,
            items,
            guard,
            sources,
        });
    }
    if steps.is_empty() {
        let field = "[[step]]".to_string();
        check.problem(None, Problem::Missing { field });
    }
    (steps, check.problems)
}
