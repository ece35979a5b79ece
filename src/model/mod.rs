//! The types the program decides with: questions, criteria sets, answers and verdicts.
//!
//! Everything here is validated. The raw shapes of the files, and the checks that turn
//! them into these types, live in `criteria.rs` (criteria files) and `case.rs` (answer
//! files).

pub mod case;
pub mod criteria;
pub mod save;

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::i18n::Lang;

/// A text in both languages of the interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub sv: String,
    pub en: String,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
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

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.known() {
            Some(value) => s.serialize_bool(value),
            None => s.serialize_str("unknown"),
        }
    }
}

/// A question of the bank. Its id, `ok` answer and route are fixed by the decision model.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    /// The answer that meets a criterion built on this question.
    pub ok: bool,
    /// Where a case goes when the answer is the other one.
    pub route: Route,
    pub short: Localized,
    pub text: Localized,
    pub help: Localized,
    pub sources: Vec<String>,
}

/// The questions every set draws on, in the order used when sets are checked together.
#[derive(Debug, Clone)]
pub struct Bank {
    pub questions: Vec<Question>,
}

impl Bank {
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.questions.iter().map(|q| q.id.as_str())
    }
}

/// Where a criterion comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub document: String,
    pub publisher: String,
    pub section: Option<String>,
    pub url: Option<String>,
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

/// One criterion of a set: a question of the bank, worded as the set's source words it.
///
/// `text` states the requirement, so that "stämmer" means the criterion is met.
#[derive(Debug, Clone)]
pub struct Criterion {
    pub question: String,
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

/// A municipality's (or a model's) criteria.
#[derive(Debug, Clone)]
pub struct CriteriaSet {
    pub id: String,
    pub name: String,
    pub source: Source,
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
}

/// The answers of a case, keyed by question id.
pub type Answers = BTreeMap<String, Answer>;

/// The question bank and every known set, built-in sets first in the contract's order.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub bank: Bank,
    pub sets: Vec<CriteriaSet>,
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
}
