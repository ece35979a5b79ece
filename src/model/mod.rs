//! The types the program decides with: the question bank and its facts, the law, the
//! criteria sets, answers and verdicts.
//!
//! Everything here is validated. The raw shapes of the files, and the checks that turn
//! them into these types, live in `criteria/` (criteria files) and `case.rs` (answer
//! files).

pub mod case;
pub mod criteria;
pub mod documents;
pub mod save;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::lang::Lang;

pub use documents::{Agreement, Condition, Guard, LawOutcome, Step};

/// A text in both languages of the interface: borrowed from the binary for the built-in
/// catalog (`embedded`), which thus copies none of its texts at start; owned for a file
/// read at run time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Localized {
    pub sv: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// The four verdicts of the decision model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Iop,
    AssociationGrant,
    Procurement,
    Undetermined,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Iop,
        Verdict::AssociationGrant,
        Verdict::Procurement,
        Verdict::Undetermined,
    ];

    /// The Swedish names accepted on input (`[expect]`, `--expect`), with their verdicts.
    pub const ALIASES: [(&'static str, Verdict); 5] = [
        ("upphandling", Verdict::Procurement),
        ("föreningsbidrag", Verdict::AssociationGrant),
        ("foreningsbidrag", Verdict::AssociationGrant),
        ("kan-inte-avgöras", Verdict::Undetermined),
        ("kan-inte-avgoras", Verdict::Undetermined),
    ];

    /// The verdict's id as written in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Iop => "iop",
            Verdict::AssociationGrant => "association-grant",
            Verdict::Procurement => "procurement",
            Verdict::Undetermined => "undetermined",
        }
    }

    pub fn from_id(id: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.id() == id)
    }

    /// A verdict as a user may write it: its id or one of the Swedish aliases.
    pub fn from_input(name: &str) -> Option<Verdict> {
        Verdict::from_id(name).or_else(|| {
            Verdict::ALIASES
                .iter()
                .find(|(alias, _)| *alias == name)
                .map(|(_, v)| *v)
        })
    }

    /// Every name accepted on input: the ids, then the aliases.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Verdict::ALL
            .iter()
            .map(|v| v.id())
            .chain(Verdict::ALIASES.iter().map(|(alias, _)| *alias))
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where a case goes when a criterion is not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    Procurement,
    AssociationGrant,
    None,
}

impl Route {
    pub const ALL: [Route; 3] = [Route::Procurement, Route::AssociationGrant, Route::None];

    pub fn id(self) -> &'static str {
        match self {
            Route::Procurement => "procurement",
            Route::AssociationGrant => "association-grant",
            Route::None => "none",
        }
    }

    pub fn from_id(id: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// One answer to one question: `true`, `false` or `"unknown"` in an answer file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Yes,
    No,
    Unknown,
}

impl Answer {
    /// The known value of the answer, if any.
    pub fn known(self) -> Option<bool> {
        match self {
            Answer::Yes => Some(true),
            Answer::No => Some(false),
            Answer::Unknown => None,
        }
    }

    pub fn from_bool(value: bool) -> Answer {
        if value { Answer::Yes } else { Answer::No }
    }

    /// The answer as written in an answer file.
    pub fn toml(self) -> &'static str {
        match self {
            Answer::Yes => "true",
            Answer::No => "false",
            Answer::Unknown => "\"unknown\"",
        }
    }
}

/// In JSON as in an answer file: `true`, `false` or `"unknown"`. To a format that is not
/// read by people (the Rust that `build.rs` writes the built-in catalog in), as the
/// variant it is.
impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            let name = match self {
                Answer::Yes => "Yes",
                Answer::No => "No",
                Answer::Unknown => "Unknown",
            };
            return s.serialize_unit_variant("Answer", *self as u32, name);
        }
        match self.known() {
            Some(value) => s.serialize_bool(value),
            None => s.serialize_str("unknown"),
        }
    }
}

/// What a draft agreement states when a question is answered as its criterion needs:
/// a sentence of the parties, and the agreement's section it goes in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Commitment {
    pub section: String,
    pub text: Localized,
}

/// A question of the bank. Its id, `ok` answer and route are fixed by the decision model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: String,
    /// The answer that meets a criterion built on this question.
    pub ok: bool,
    /// Where a case goes when the answer is the other one.
    pub route: Route,
    /// The source that says where a failure points; `None` exactly when the route is
    /// `none`.
    pub route_source: Option<String>,
    /// Whether the parties can shape the answer by how they design the partnership.
    pub design: bool,
    pub short: Localized,
    pub text: Localized,
    pub help: Localized,
    pub sources: Vec<String>,
    /// The sentence a draft agreement states when the answer is `ok`, if any.
    pub agreement: Option<Commitment>,
}

/// A test made of questions: true when every one of them is `true`, false when any is
/// `false`, otherwise open. Sets and the law use a fact like a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub id: String,
    pub all_of: Vec<String>,
    pub ok: bool,
    pub route: Route,
    pub route_source: Option<String>,
    pub short: Localized,
    pub text: Localized,
    pub help: Localized,
    pub sources: Vec<String>,
    pub agreement: Option<Commitment>,
}

/// The questions and facts every set and the law draw on, questions in the order used
/// when sets are checked together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Bank {
    pub questions: Vec<Question>,
    pub facts: Vec<Fact>,
}

/// What a criterion or an item of the law uses: a question or a fact.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    Question(&'a Question),
    Fact(&'a Fact),
}

impl<'a> Item<'a> {
    pub fn id(self) -> &'a str {
        match self {
            Item::Question(q) => &q.id,
            Item::Fact(f) => &f.id,
        }
    }

    pub fn ok(self) -> bool {
        match self {
            Item::Question(q) => q.ok,
            Item::Fact(f) => f.ok,
        }
    }

    pub fn route(self) -> Route {
        match self {
            Item::Question(q) => q.route,
            Item::Fact(f) => f.route,
        }
    }

    pub fn short(self) -> &'a Localized {
        match self {
            Item::Question(q) => &q.short,
            Item::Fact(f) => &f.short,
        }
    }

    pub fn text(self) -> &'a Localized {
        match self {
            Item::Question(q) => &q.text,
            Item::Fact(f) => &f.text,
        }
    }

    pub fn help(self) -> &'a Localized {
        match self {
            Item::Question(q) => &q.help,
            Item::Fact(f) => &f.help,
        }
    }

    pub fn sources(self) -> &'a [String] {
        match self {
            Item::Question(q) => &q.sources,
            Item::Fact(f) => &f.sources,
        }
    }

    pub fn route_source(self) -> Option<&'a str> {
        match self {
            Item::Question(q) => q.route_source.as_deref(),
            Item::Fact(f) => f.route_source.as_deref(),
        }
    }

    pub fn agreement(self) -> Option<&'a Commitment> {
        match self {
            Item::Question(q) => q.agreement.as_ref(),
            Item::Fact(f) => f.agreement.as_ref(),
        }
    }
}

impl Bank {
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// A question or a fact by id.
    pub fn item(&self, id: &str) -> Option<Item<'_>> {
        self.get(id)
            .map(Item::Question)
            .or_else(|| self.fact(id).map(Item::Fact))
    }

    /// The question ids, in the bank's order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.questions.iter().map(|q| q.id.as_str())
    }

    /// Every id a criterion may use: the questions that belong to no fact, then the facts.
    pub fn item_ids(&self) -> impl Iterator<Item = &str> {
        self.questions
            .iter()
            .filter(|q| self.fact_of(&q.id).is_none())
            .map(|q| q.id.as_str())
            .chain(self.facts.iter().map(|f| f.id.as_str()))
    }

    /// The fact a question belongs to, if any.
    pub fn fact_of(&self, question: &str) -> Option<&Fact> {
        self.facts
            .iter()
            .find(|f| f.all_of.iter().any(|q| q == question))
    }

    /// The questions an item is answered by: itself, or a fact's questions.
    pub fn questions_of<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        match self.fact(id) {
            Some(fact) => fact.all_of.iter().map(String::as_str).collect(),
            None => vec![id],
        }
    }

    /// Whether the parties can shape an item by the partnership's design: a question's
    /// own flag, or any of a fact's questions.
    pub fn design(&self, id: &str) -> bool {
        self.questions_of(id)
            .iter()
            .any(|q| self.get(q).is_some_and(|q| q.design))
    }
}

/// A legal source the law cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub id: String,
    /// How a memo cites it: "LOU (2016:1145) 1 kap. 15 §".
    pub short: Localized,
    pub document: String,
    pub publisher: String,
    pub url: Option<String>,
    /// Words from the source, where the stored copy has them.
    pub quote: Option<Localized>,
}

/// One item of the law: a fact or question of the bank, stated as the law requires it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LawItem {
    /// A fact or question id.
    pub id: String,
    pub ok: bool,
    pub route: Route,
    /// A statement that holds when the item is `ok`.
    pub text: Localized,
    pub help: Localized,
    /// The citations, in the order cited, each with when it applies.
    pub cite: Vec<Cite>,
    /// The sentence shown when the item overrides a set's criteria; `{set}` stands for
    /// the set's name.
    pub overrides: Localized,
}

/// A citation of a law item: the citation's id, and when it applies (kommunallagen's
/// 8 § only where an undertaking is supported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cite {
    pub id: String,
    pub guard: Guard,
}

/// The legal test: applied to every case and every set, before the set's criteria.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Law {
    pub name: Localized,
    pub intro: Localized,
    pub items: Vec<LawItem>,
    pub citations: Vec<Citation>,
}

impl Law {
    pub fn citation(&self, id: &str) -> Option<&Citation> {
        self.citations.iter().find(|c| c.id == id)
    }

    pub fn item(&self, id: &str) -> Option<&LawItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The citations of an item, in order, whatever their conditions.
    pub fn cites<'a>(&'a self, item: &'a LawItem) -> impl Iterator<Item = &'a Citation> {
        item.cite.iter().filter_map(|c| self.citation(&c.id))
    }
}

/// Where a criterion or a set comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Source {
    pub document: String,
    pub publisher: String,
    pub section: Option<String>,
    pub url: Option<String>,
    /// The date the source prints, as it prints it.
    pub date: Option<String>,
}

impl fmt::Display for Source {
    /// `Publisher: Document, section. URL`, the form a memo cites.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.publisher, self.document)?;
        if let Some(section) = &self.section {
            write!(f, ", {section}")?;
        }
        if let Some(url) = &self.url {
            write!(f, ". {url}")?;
        }
        Ok(())
    }
}

/// One criterion of a set: a question or fact of the bank, worded as the set's source
/// words it.
///
/// `text` states the requirement, so that "stämmer" means the criterion is met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Criterion {
    /// A question or fact id.
    pub question: String,
    /// False for a recommendation ("med fördel", "bör"): it never changes the verdict.
    pub required: bool,
    pub ok: bool,
    pub route: Route,
    pub text: Localized,
    pub help: Localized,
    pub source: Source,
}

impl Criterion {
    /// The answer to the question that meets (or fails) this criterion.
    pub fn answer_for(&self, met: bool) -> Answer {
        Answer::from_bool(if met { self.ok } else { !self.ok })
    }
}

/// What kind of body a set comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetKind {
    Kommun,
    Region,
    NationalModel,
    Inquiry,
}

impl SetKind {
    pub const ALL: [SetKind; 4] = [
        SetKind::Kommun,
        SetKind::Region,
        SetKind::NationalModel,
        SetKind::Inquiry,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SetKind::Kommun => "kommun",
            SetKind::Region => "region",
            SetKind::NationalModel => "national-model",
            SetKind::Inquiry => "inquiry",
        }
    }

    pub fn from_id(id: &str) -> Option<SetKind> {
        SetKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// A municipality's, a region's or a model's criteria.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriteriaSet {
    pub id: String,
    pub name: String,
    pub kind: SetKind,
    /// The public parties the set governs: a case's `public_party` finds its set here.
    pub governs: Vec<String>,
    /// The set this one derives from, and how.
    pub derives_from: Option<String>,
    pub lineage: Option<Localized>,
    pub source: Source,
    /// Whether the stored list of criteria is complete, where the data says.
    pub complete: Option<bool>,
    pub criteria: Vec<Criterion>,
    /// The file the set was read from, or `None` for a built-in set.
    pub file: Option<String>,
}

impl CriteriaSet {
    pub fn uses(&self, question: &str) -> bool {
        self.criterion(question).is_some()
    }

    pub fn criterion(&self, question: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.question == question)
    }

    /// Whether the set governs a public party (compared without case or surrounding
    /// spaces).
    pub fn governs(&self, party: &str) -> bool {
        let party = party.trim().to_lowercase();
        self.governs
            .iter()
            .any(|g| g.trim().to_lowercase() == party)
    }
}

/// The answers of a case, keyed by question id.
pub type Answers = BTreeMap<String, Answer>;

/// The question bank, the law and every known set, built-in sets first in the contract's
/// order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Catalog {
    pub bank: Bank,
    pub law: Law,
    pub sets: Vec<CriteriaSet>,
    /// The draft agreement's sections.
    pub agreement: Agreement,
    /// The memo's next steps, in the order to take them.
    pub steps: Vec<Step>,
}

impl Catalog {
    pub fn set(&self, id: &str) -> Option<&CriteriaSet> {
        self.sets.iter().find(|s| s.id == id)
    }

    pub fn set_ids(&self) -> impl Iterator<Item = &str> {
        self.sets.iter().map(|s| s.id.as_str())
    }

    /// Adds a set, or replaces the one with the same id in its place.
    pub fn insert(&mut self, set: CriteriaSet) {
        match self.sets.iter_mut().find(|s| s.id == set.id) {
            Some(slot) => *slot = set,
            None => self.sets.push(set),
        }
    }

    /// The set that governs a public party, if exactly one does.
    pub fn governing(&self, party: &str) -> Option<&CriteriaSet> {
        let mut found = self.sets.iter().filter(|s| s.governs(party));
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }
}
