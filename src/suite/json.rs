//! `iop test --format json`: one object, `{"cases": [...], "summary": {...}}`, written as
//! the cases are decided.

use std::io::{self, Write};

use serde::Serialize;

use super::{CaseResult, Sink, Status, Summary};
use crate::i18n::Words;
use crate::model::Verdict;

pub struct Json<'a> {
    pub out: &'a mut dyn Write,
    pub words: Words,
    pub first: bool,
}

#[derive(Serialize)]
struct CaseJson<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    status: &'static str,
    checks: Vec<CheckJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ErrorJson>,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    set: &'a str,
    expected: Verdict,
    actual: Verdict,
    passed: bool,
    complete: bool,
    failed: &'a [String],
    open: &'a [String],
    line: usize,
}

#[derive(Serialize)]
struct ErrorJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    /// The problem's stable code (`E-unknown-question`), whatever the language.
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct SummaryJson {
    passed: usize,
    failed: usize,
    skipped: usize,
    errors: usize,
}

pub fn status_id(status: &Status) -> &'static str {
    match status {
        Status::Passed => "passed",
        Status::Failed => "failed",
        Status::Skipped => "skipped",
        Status::Broken(_) => "error",
    }
}

impl Sink for Json<'_> {
    fn case(&mut self, result: &CaseResult) -> io::Result<()> {
        let errors = match &result.status {
            Status::Broken(problems) => problems
                .iter()
                .map(|d| ErrorJson {
                    line: d.line(),
                    code: d.problem.code(),
                    message: self.words.problem(&d.problem).0,
                })
                .collect(),
            _ => Vec::new(),
        };
        let case = CaseJson {
            file: &result.file,
            title: result.title.as_deref(),
            status: status_id(&result.status),
            checks: result
                .checks
                .iter()
                .map(|c| CheckJson {
                    set: &c.set,
                    expected: c.expected,
                    actual: c.actual,
                    passed: c.passed(),
                    complete: c.complete,
                    failed: &c.failed,
                    open: &c.open,
                    line: c.line,
                })
                .collect(),
            errors,
        };
        self.out.write_all(if self.first {
            b"{\"cases\":[\n"
        } else {
            b",\n"
        })?;
        self.first = false;
        crate::escape::write_json(&mut *self.out, &case)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"{\"cases\":[" } else { b"\n" })?;
        let totals = SummaryJson {
            passed: summary.passed,
            failed: summary.failed,
            skipped: summary.skipped,
            errors: summary.broken,
        };
        self.out.write_all(b"],\"summary\":")?;
        crate::escape::write_json(&mut *self.out, &totals)?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}
