//! The domain text of the documents, read from `criteria/agreement.toml` and
//! `criteria/steps.toml`: the draft agreement's sections and the memo's next steps, each
//! with the condition under which it stands and its sources.
//!
//! Nothing here decides: `advice::holds` tells whether a condition holds for a case, and
//! `report` builds the documents from these parts.

use serde::Serialize;

use super::{Answer, Localized, Route, Source, Verdict};

/// What the law finds: `contract` (public_contract is true), else `review` (state aid, or
/// outside the municipality's competence), else `open` (an item is open), else `clear`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LawOutcome {
    Contract,
    Review,
    Open,
    Clear,
}

impl LawOutcome {
    pub const ALL: [LawOutcome; 4] = [
        LawOutcome::Contract,
        LawOutcome::Review,
        LawOutcome::Open,
        LawOutcome::Clear,
    ];

    pub const IDS: &'static [&'static str] = &["contract", "review", "open", "clear"];

    pub fn id(self) -> &'static str {
        match self {
            LawOutcome::Contract => "contract",
            LawOutcome::Review => "review",
            LawOutcome::Open => "open",
            LawOutcome::Clear => "clear",
        }
    }

    pub fn from_id(id: &str) -> Option<LawOutcome> {
        LawOutcome::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// When a step, a part of the agreement or a citation stands. Every key given must hold
/// (a list holds when one of its values does); an empty condition always holds.
///
/// "The verdict" is the governing set's; in a memo without one, any set's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Condition {
    /// The verdict is one of these.
    pub verdict: Vec<Verdict>,
    /// One of these verdicts can still be reached by answering what is open.
    pub possible: Vec<Verdict>,
    /// The law's outcome is one of these.
    pub law: Vec<LawOutcome>,
    /// The governing set is one of these (by id).
    pub set: Vec<String>,
    /// The case's answer to each question (or a fact's value) is this one; `Unknown`
    /// stands for an open answer.
    pub answers: Vec<(String, Answer)>,
    /// The result is complete (nothing open), or not.
    pub complete: Option<bool>,
    /// The verdict is settled (no answer to what is open can change it), or not.
    pub settled: Option<bool>,
    /// A required criterion fails whose route is one of these.
    pub failing: Vec<Route>,
}

impl Condition {
    pub fn is_empty(&self) -> bool {
        *self == Condition::default()
    }
}

/// A condition and its exception: the part stands when `when` holds and `unless` does not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Guard {
    pub when: Condition,
    pub unless: Option<Condition>,
}

/// One of the memo's next steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub id: String,
    /// The step; may name `{decision_body}`, `{public_party}`, `{organisation}`, `{set}`
    /// and `{failures}`.
    pub text: Localized,
    /// Points under the step (the process questions), in order.
    pub items: Vec<Localized>,
    pub guard: Guard,
    pub sources: Vec<Source>,
}

/// What a placeholder in a step may name, besides the case's fields.
pub const STEP_PLACEHOLDERS: &[&str] = &[
    "decision_body",
    "public_party",
    "organisation",
    "set",
    "failures",
];

/// What a placeholder in the agreement may name: the case's fields, and the public
/// party's defined term at the start of a sentence (`Party`) or inside one (`party`).
pub const AGREEMENT_PLACEHOLDERS: &[&str] = &[
    "organisation",
    "public_party",
    "decision_body",
    "reference",
    "title",
    "Party",
    "party",
    "set",
];

/// What a commitment of the question bank may name.
pub const COMMITMENT_PLACEHOLDERS: &[&str] = &["Party", "party"];

/// The case's fields a part of the agreement may show.
pub const CASE_FIELDS: &[&str] = &["description", "title"];

/// The public party's defined term in the agreement, by the kind of the set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Terms {
    pub kommun: Localized,
    pub region: Localized,
    /// For a set that is neither a municipality's nor a region's.
    pub other: Localized,
}

/// What a part of a section holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum PartKind {
    /// A paragraph that stands as written (placeholders filled in).
    Text(Localized),
    /// A gap for the parties to fill in, described.
    Gap(Localized),
    /// A field of the case, or the gap when the case does not give it.
    Case { field: String, gap: Localized },
    /// The commitments of the criteria met that belong to the section.
    Commitments,
    /// The signature lines, one per label, for each party.
    Signatures(Vec<Localized>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub kind: PartKind,
    pub guard: Guard,
}

/// A section of the draft agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: Localized,
    /// Whether the heading carries the section's number.
    pub numbered: bool,
    /// Commitments the section takes by question or fact id, before those that name it.
    pub take: Vec<String>,
    pub parts: Vec<Part>,
    pub sources: Vec<Source>,
}

/// The draft IOP agreement's template.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Agreement {
    pub title: Localized,
    /// The notice at the head of a draft; may name `{set}`.
    pub notice: Localized,
    pub terms: Terms,
    pub sections: Vec<Section>,
}

impl Agreement {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}
