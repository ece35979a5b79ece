//! The question bank: `[[question]]` and `[[fact]]`, read and checked.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::Parsed;
use super::check::{Checker, LOCALIZED_KEYS, RawLocalized, Schema, Seen, valid_question_id};
use crate::diagnostic::{Diagnostic, Problem};
use crate::model::documents::COMMITMENT_PLACEHOLDERS;
use crate::model::{Bank, Commitment, Fact, Question, Route};
use crate::suggest::closest;

const QUESTION_KEYS: &[&str] = &[
    "id",
    "ok",
    "route",
    "route_source",
    "design",
    "short",
    "text",
    "help",
    "sources",
    "agreement",
];
const FACT_KEYS: &[&str] = &[
    "id",
    "all_of",
    "ok",
    "route",
    "route_source",
    "short",
    "text",
    "help",
    "sources",
    "agreement",
];
const AGREEMENT_KEYS: &[&str] = &["section", "sv", "en"];

pub const SCHEMA: Schema = &[
    ("", &["question", "fact"]),
    ("question", QUESTION_KEYS),
    ("question.short", LOCALIZED_KEYS),
    ("question.text", LOCALIZED_KEYS),
    ("question.help", LOCALIZED_KEYS),
    ("question.agreement", AGREEMENT_KEYS),
    ("fact", FACT_KEYS),
    ("fact.short", LOCALIZED_KEYS),
    ("fact.text", LOCALIZED_KEYS),
    ("fact.help", LOCALIZED_KEYS),
    ("fact.agreement", AGREEMENT_KEYS),
];

#[derive(Deserialize)]
pub struct RawBank {
    question: Option<Vec<Spanned<RawQuestion>>>,
    fact: Option<Vec<Spanned<RawFact>>>,
}

/// `agreement = "none"`, or the sentence and its section.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawAgreement {
    Word(String),
    Sentence {
        section: Option<String>,
        sv: Option<String>,
        en: Option<String>,
    },
}

#[derive(Deserialize)]
struct RawQuestion {
    id: Spanned<String>,
    ok: bool,
    route: Spanned<String>,
    route_source: Option<String>,
    #[serde(default)]
    design: bool,
    short: Option<RawLocalized>,
    text: Option<RawLocalized>,
    help: Option<RawLocalized>,
    #[serde(default)]
    sources: Vec<String>,
    agreement: Option<RawAgreement>,
}

#[derive(Deserialize)]
struct RawFact {
    id: Spanned<String>,
    all_of: Spanned<Vec<Spanned<String>>>,
    ok: bool,
    route: Spanned<String>,
    route_source: Option<String>,
    short: Option<RawLocalized>,
    text: Option<RawLocalized>,
    help: Option<RawLocalized>,
    #[serde(default)]
    sources: Vec<String>,
    agreement: Option<RawAgreement>,
}

/// A question bank as far as it could be read, its problems, and where each question's
/// id stands in its file (for warnings about questions no set uses).
pub struct BankChecked {
    pub bank: Bank,
    pub problems: Vec<Diagnostic>,
    pub spans: HashMap<String, Range<usize>>,
}

impl BankChecked {
    pub fn empty() -> BankChecked {
        BankChecked {
            bank: Bank::default(),
            problems: Vec::new(),
            spans: HashMap::new(),
        }
    }
}

/// What both questions and facts need: a valid, unused id and a route with its source.
struct Common<'c, 'a> {
    check: &'c mut Checker<'a>,
    seen: &'c mut Seen,
    spans: &'c mut HashMap<String, Range<usize>>,
}

impl Common<'_, '_> {
    /// A question's or fact's id, checked as every table's id is, and where it first
    /// stands (for the warning about a question no set uses).
    fn id(&mut self, id: &Spanned<String>) -> String {
        let value = self.check.id(id, valid_question_id, self.seen);
        self.spans.entry(value.clone()).or_insert(id.span());
        value
    }

    fn route(
        &mut self,
        id: &str,
        route: &Spanned<String>,
        source: Option<String>,
        span: &Range<usize>,
    ) -> (Route, Option<String>) {
        let parsed = Route::from_id(route.get_ref()).unwrap_or_else(|| {
            let value = route.get_ref().clone();
            self.check
                .problem(Some(route.span()), Problem::InvalidRoute { value });
            Route::None
        });
        let source = source.filter(|s| !s.trim().is_empty());
        match (parsed, &source) {
            (Route::None, Some(_)) => {
                let id = id.to_string();
                self.check
                    .problem(Some(span.clone()), Problem::SourceWithoutRoute { id });
            }
            (Route::Procurement | Route::AssociationGrant, None) => {
                let id = id.to_string();
                self.check
                    .problem(Some(route.span()), Problem::RouteWithoutSource { id });
            }
            _ => {}
        }
        (parsed, source)
    }

    fn agreement(
        &mut self,
        id: &str,
        raw: Option<RawAgreement>,
        span: &Range<usize>,
    ) -> Option<Commitment> {
        match raw {
            None => {
                let field = format!("{id}.agreement");
                self.check
                    .problem(Some(span.clone()), Problem::Missing { field });
                None
            }
            Some(RawAgreement::Word(word)) => {
                if word != "none" {
                    let field = format!("{id}.agreement");
                    self.check
                        .problem(Some(span.clone()), Problem::Missing { field });
                }
                None
            }
            Some(RawAgreement::Sentence { section, sv, en }) => {
                let section = self.check.required(
                    section,
                    &format!("{id}.agreement.section"),
                    Some(span.clone()),
                );
                let text = self.check.localized(
                    Some(RawLocalized { sv, en }),
                    &format!("{id}.agreement"),
                    span,
                );
                super::condition::check_placeholders(
                    self.check,
                    &text,
                    COMMITMENT_PLACEHOLDERS,
                    span,
                );
                Some(Commitment { section, text })
            }
        }
    }
}

pub fn bank_from(parsed: Parsed<RawBank>) -> BankChecked {
    let Parsed {
        file,
        text,
        raw,
        problems,
    } = parsed;
    let mut check = Checker::new(&file, &text, problems);
    let mut spans: HashMap<String, Range<usize>> = HashMap::new();
    let mut seen = Seen::default();
    let mut questions: Vec<Question> = Vec::new();
    for entry in raw.question.unwrap_or_default() {
        let span = entry.span();
        let q = entry.into_inner();
        let mut common = Common {
            check: &mut check,
            seen: &mut seen,
            spans: &mut spans,
        };
        let id = common.id(&q.id);
        let (route, route_source) = common.route(&id, &q.route, q.route_source, &span);
        let agreement = common.agreement(&id, q.agreement, &span);
        questions.push(Question {
            short: check.localized(q.short, &format!("{id}.short"), &span),
            text: check.localized(q.text, &format!("{id}.text"), &span),
            help: check.localized(q.help, &format!("{id}.help"), &span),
            sources: q.sources,
            id,
            ok: q.ok,
            route,
            route_source,
            design: q.design,
            agreement,
        });
    }
    let question_ids: Vec<String> = questions.iter().map(|q| q.id.clone()).collect();
    let mut facts: Vec<Fact> = Vec::new();
    let mut member_of: HashMap<String, String> = HashMap::new();
    for entry in raw.fact.unwrap_or_default() {
        let span = entry.span();
        let f = entry.into_inner();
        if question_ids.contains(f.id.get_ref()) {
            let id = f.id.get_ref().clone();
            check.problem(Some(f.id.span()), Problem::FactIsQuestion { id });
        }
        let mut common = Common {
            check: &mut check,
            seen: &mut seen,
            spans: &mut spans,
        };
        let id = common.id(&f.id);
        let (route, route_source) = common.route(&id, &f.route, f.route_source, &span);
        let agreement = common.agreement(&id, f.agreement, &span);
        let mut all_of = Vec::new();
        if f.all_of.get_ref().is_empty() {
            let field = format!("{id}.all_of");
            check.problem(Some(f.all_of.span()), Problem::Missing { field });
        }
        for member in f.all_of.into_inner() {
            let name = member.get_ref().clone();
            if !question_ids.contains(&name) {
                let suggestion = closest(&name, question_ids.iter().map(String::as_str));
                check.problem(
                    Some(member.span()),
                    Problem::UnknownQuestion {
                        table: "[fact]".into(),
                        key: name.clone(),
                        suggestion,
                    },
                );
            } else if let Some(other) = member_of.insert(name.clone(), id.clone()) {
                check.problem(
                    Some(member.span()),
                    Problem::FactQuestionInSet {
                        question: name.clone(),
                        fact: other,
                    },
                );
            }
            all_of.push(name);
        }
        facts.push(Fact {
            short: check.localized(f.short, &format!("{id}.short"), &span),
            text: check.localized(f.text, &format!("{id}.text"), &span),
            help: check.localized(f.help, &format!("{id}.help"), &span),
            sources: f.sources,
            id,
            all_of,
            ok: f.ok,
            route,
            route_source,
            agreement,
        });
    }
    BankChecked {
        bank: Bank { questions, facts },
        problems: check.problems,
        spans,
    }
}
