//! `iop test` for people: one block per failing case, then the totals.

use std::io::{self, Write};

use super::{CaseResult, Sink, Status, Summary};
use crate::escape::clean_line;
use crate::i18n::Words;
use crate::report::diagnostics;
use crate::term::{self, Term};

/// Failing cases on `out`, files that cannot be read on `err`, each coloured as its own
/// stream is (`out_term`, `err_term`). Lines are not broken: CI logs keep them whole.
pub struct Text<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub words: Words,
    pub out_term: Term,
    pub err_term: Term,
}

impl Sink for Text<'_> {
    fn case(&mut self, result: &CaseResult) -> io::Result<()> {
        let w = self.words;
        match &result.status {
            Status::Passed | Status::Skipped => Ok(()),
            Status::Broken(problems) => {
                for problem in problems {
                    self.err
                        .write_all(diagnostics::render(problem, w, self.err_term).as_bytes())?;
                }
                Ok(())
            }
            Status::Failed => {
                let t = self.out_term;
                let mark = t.paint(term::RED, "✗");
                let mut block = format!("{mark} {}", t.bold(&clean_line(&result.file)));
                if let Some(title) = &result.title {
                    block.push_str(&format!(" – {}", clean_line(title)));
                }
                block.push('\n');
                for check in result.failing() {
                    let mut line = w.expect_mismatch(&check.set, check.expected, check.actual);
                    if !check.complete {
                        line.push_str(&format!(" ({})", w.status(crate::engine::Status::Open)));
                    }
                    block.push_str(&format!("  {line}\n"));
                    for reason in check.reasons(w) {
                        block.push_str(&format!("    {reason}\n"));
                    }
                }
                writeln!(self.out, "{block}")
            }
        }
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "{}", summary_line(summary))?;
        self.out.flush()
    }
}

/// The closing line, in the fixed form CI scripts read: `N passed, N failed, N skipped`.
pub fn summary_line(summary: &Summary) -> String {
    format!(
        "{} passed, {} failed, {} skipped",
        summary.passed, summary.failed, summary.skipped
    )
}
