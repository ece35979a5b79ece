//! The JSON report, in the shape the decision model fixes (version 2). Fields may be
//! added; the model's fields may not be renamed or removed.

use serde::Serialize;

use super::Report;
use crate::advice;
use crate::engine::{Evaluation, LawOutcome, Status};
use crate::model::case::CaseMeta;
use crate::model::{Answer, Route, Verdict};

#[derive(Serialize)]
pub struct Output<'a> {
    pub file: &'a str,
    pub lang: &'static str,
    pub case: &'a CaseMeta,
    /// The set that governs the case, if one does.
    pub governing: Option<&'a str>,
    pub results: Vec<SetResult<'a>>,
}

#[derive(Serialize)]
pub struct SetResult<'a> {
    pub set: &'a str,
    pub name: &'a str,
    pub verdict: Verdict,
    /// The verdict of the set's required criteria alone, without the law.
    pub criteria_verdict: Verdict,
    pub complete: bool,
    /// Required criteria that fail, in the set's order.
    pub failed: Vec<&'a str>,
    /// Required criteria that are open, in the set's order.
    pub open: Vec<&'a str>,
    /// Recommended criteria not met or open, in the set's order.
    pub advisories: Vec<&'a str>,
    pub law: LawJson<'a>,
    /// The verdicts some yes/no answers to the open questions could still give, sorted.
    pub possible: Vec<Verdict>,
    /// The open question that settles the most, or `null` when the verdict is settled.
    pub next_question: Option<&'a str>,
    /// What it would take to become an IOP: the items (the law's, then the set's required
    /// criteria) that fail and the parties can shape by design, that fail and they cannot,
    /// and that are open; all empty when the verdict is IOP.
    pub would_take: advice::WouldTake<'a>,
    pub criteria: Vec<CriterionResult<'a>>,
}

#[derive(Serialize)]
pub struct LawJson<'a> {
    pub outcome: LawOutcome,
    pub failed: Vec<&'a str>,
    pub open: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct CriterionResult<'a> {
    /// A question or fact id.
    pub question: &'a str,
    /// A question's `true`, `false`, `"unknown"`, or `null` when the case does not
    /// answer; a fact's `true`, `false` or `null` (open).
    pub answer: Option<Answer>,
    pub met: bool,
    pub status: &'static str,
    pub required: bool,
    pub route: Route,
    pub text: &'a str,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

pub fn set_result<'a>(report: &Report<'a>, e: &Evaluation<'a>) -> SetResult<'a> {
    let (law, bank) = (report.law(), report.bank());
    SetResult {
        set: &e.set.id,
        name: &e.set.name,
        verdict: e.verdict,
        criteria_verdict: e.criteria_verdict,
        complete: e.complete,
        failed: e.failed(),
        open: e.open(),
        advisories: e.advisory_ids(),
        law: LawJson {
            outcome: e.law.outcome,
            failed: e.law.failed(),
            open: e.law.open(),
        },
        possible: advice::possible(e.set, law, bank, &report.case.answers),
        next_question: advice::next_question(e.set, law, bank, &report.case.answers),
        would_take: advice::WouldTake::of(&advice::shortfalls(e, bank)),
        criteria: e
            .assessments
            .iter()
            .map(|a| CriterionResult {
                question: &a.criterion.question,
                answer: a.answer,
                met: a.status == Status::Met,
                status: a.status.id(),
                required: a.criterion.required,
                route: a.criterion.route,
                text: a.criterion.text.get(report.lang),
                source: a.criterion.source.to_string(),
                note: report
                    .case
                    .notes
                    .get(&a.criterion.question)
                    .map(String::as_str),
            })
            .collect(),
    }
}

pub fn render(report: &Report<'_>) -> String {
    let output = Output {
        file: &report.case.file,
        lang: report.lang.code(),
        case: &report.case.meta,
        governing: report.governing().map(|e| e.set.id.as_str()),
        results: report
            .evaluations
            .iter()
            .map(|e| set_result(report, e))
            .collect(),
    };
    let mut text = crate::escape::json_pretty(&output);
    text.push('\n');
    text
}
