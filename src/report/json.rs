//! The JSON report, in the shape the decision model fixes. Fields may be added; the
//! model's fields may not be renamed or removed.

use serde::Serialize;

use super::Report;
use crate::engine::{Evaluation, Status};
use crate::model::case::CaseMeta;
use crate::model::{Answer, Route, Verdict};

#[derive(Serialize)]
pub struct Output<'a> {
    pub file: &'a str,
    pub lang: &'static str,
    pub case: &'a CaseMeta,
    pub results: Vec<SetResult<'a>>,
}

#[derive(Serialize)]
pub struct SetResult<'a> {
    pub set: &'a str,
    pub name: &'a str,
    pub verdict: Verdict,
    pub complete: bool,
    pub failed: Vec<&'a str>,
    pub open: Vec<&'a str>,
    pub criteria: Vec<CriterionResult<'a>>,
}

#[derive(Serialize)]
pub struct CriterionResult<'a> {
    pub question: &'a str,
    /// `true`, `false`, `"unknown"`, or `null` when the case does not answer.
    pub answer: Option<Answer>,
    pub met: bool,
    pub status: &'static str,
    pub route: Route,
    pub text: &'a str,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

pub fn set_result<'a>(report: &Report<'a>, e: &Evaluation<'a>) -> SetResult<'a> {
    SetResult {
        set: &e.set.id,
        name: &e.set.name,
        verdict: e.verdict,
        complete: e.complete,
        failed: e.failed(),
        open: e.open(),
        criteria: e
            .assessments
            .iter()
            .map(|a| CriterionResult {
                question: &a.criterion.question,
                answer: a.answer,
                met: a.status == Status::Met,
                status: a.status.id(),
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
