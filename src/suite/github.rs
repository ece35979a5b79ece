//! `iop test --format github`: a GitHub Actions annotation for each failing expectation
//! and each broken file (titled with the problem's code), at the line it concerns, then
//! the totals.

use std::io::{self, Write};

use super::{CaseResult, Sink, Status, Summary, text::summary_line};
use crate::escape::workflow_command;
use crate::i18n::Words;

pub struct Github<'a> {
    pub out: &'a mut dyn Write,
    pub words: Words,
}

impl Github<'_> {
    fn error(
        &mut self,
        file: &str,
        line: Option<usize>,
        title: &str,
        message: &str,
    ) -> io::Result<()> {
        let mut props = format!("file={}", workflow_command(file, true));
        if let Some(line) = line {
            props.push_str(&format!(",line={line}"));
        }
        props.push_str(&format!(",title={}", workflow_command(title, true)));
        writeln!(
            self.out,
            "::error {props}::{}",
            workflow_command(message, false)
        )
    }
}

impl Sink for Github<'_> {
    fn case(&mut self, result: &CaseResult) -> io::Result<()> {
        let w = self.words;
        match &result.status {
            Status::Passed | Status::Skipped => Ok(()),
            Status::Broken(problems) => {
                for d in problems {
                    let (message, hint) = w.problem(&d.problem);
                    let message = match hint {
                        Some(hint) => format!("{message} ({}: {hint})", w.help()),
                        None => message,
                    };
                    let title = format!("iop {}", d.problem.code());
                    self.error(&d.file, d.line(), &title, &message)?;
                }
                Ok(())
            }
            Status::Failed => {
                for check in result.failing() {
                    let mut message = w.expect_mismatch(&check.set, check.expected, check.actual);
                    for reason in check.reasons(w) {
                        message.push_str(&format!("; {reason}"));
                    }
                    let title = format!("iop {}: {}", check.set, result.name());
                    self.error(&result.file, Some(check.line), &title, &message)?;
                }
                Ok(())
            }
        }
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "{}", summary_line(summary))?;
        self.out.flush()
    }
}
