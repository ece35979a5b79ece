//! The Markdown job summary that `iop test` appends to `$GITHUB_STEP_SUMMARY` under
//! GitHub Actions, whatever its `--format`: the totals, the failing cases with what
//! differed, and the files that could not be read with their first problem and its code.
//!
//! Collected as the results pass on their way to the format's sink, one line each, and at
//! most `LIMIT` of each kind, so a summary stays small however many cases fail (GitHub
//! shows up to 1 MiB of it).

use std::fmt::Write as _;
use std::io;

use super::{CaseResult, Sink, Status, Summary, text::summary_line};
use crate::escape::markdown;
use crate::i18n::Words;

/// How many failing cases, and how many broken files, a summary lists.
pub const LIMIT: usize = 50;

/// The lines of a summary, gathered case by case.
pub struct Collect {
    words: Words,
    failing: Vec<String>,
    broken: Vec<String>,
    more_failing: usize,
    more_broken: usize,
}

impl Collect {
    pub fn new(words: Words) -> Collect {
        Collect {
            words,
            failing: Vec::new(),
            broken: Vec::new(),
            more_failing: 0,
            more_broken: 0,
        }
    }

    pub fn add(&mut self, result: &CaseResult) {
        let w = self.words;
        match &result.status {
            Status::Passed | Status::Skipped => {}
            Status::Failed if self.failing.len() >= LIMIT => self.more_failing += 1,
            Status::Broken(_) if self.broken.len() >= LIMIT => self.more_broken += 1,
            Status::Failed => {
                let mut entry = format!("- {}", markdown(&result.file));
                if let Some(title) = &result.title {
                    let _ = write!(entry, " – {}", markdown(title));
                }
                for check in result.failing() {
                    let mismatch = w.expect_mismatch(&check.set, check.expected, check.actual);
                    let _ = write!(
                        entry,
                        "\n  - {} ({} {})",
                        markdown(&mismatch),
                        w.summary_line_label(),
                        check.line
                    );
                    for reason in check.reasons(w) {
                        let _ = write!(entry, "; {}", markdown(&reason));
                    }
                }
                self.failing.push(entry);
            }
            Status::Broken(problems) => {
                let Some(first) = problems.first() else {
                    return;
                };
                let place = match first.line() {
                    Some(line) => format!("{}:{line}", first.file),
                    None => first.file.clone(),
                };
                let (message, _) = w.problem(&first.problem);
                self.broken.push(format!(
                    "- {}: `{}` {}",
                    markdown(&place),
                    first.problem.code(),
                    markdown(&message)
                ));
            }
        }
    }

    /// The summary, in Markdown, ending with the line of the fixed form CI scripts read.
    pub fn render(&self, summary: &Summary) -> String {
        let w = self.words;
        let [passed, failed, skipped, errors] = w.summary_header();
        let mut out = String::from("### iop test\n\n");
        let _ = writeln!(out, "| {passed} | {failed} | {skipped} | {errors} |");
        out.push_str("|---:|---:|---:|---:|\n");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n",
            summary.passed,
            summary.failed - summary.broken,
            summary.skipped,
            summary.broken
        );
        let lists = [
            (w.summary_failing(), &self.failing, self.more_failing),
            (w.summary_broken(), &self.broken, self.more_broken),
        ];
        for (heading, entries, more) in lists {
            if entries.is_empty() {
                continue;
            }
            let _ = writeln!(out, "#### {heading}\n");
            for entry in entries {
                let _ = writeln!(out, "{entry}");
            }
            if more > 0 {
                let _ = writeln!(out, "- {}", w.summary_more(more));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "{}\n", summary_line(summary));
        out
    }
}

/// A sink that hands every result to another and collects the summary on the way.
pub struct Tee<'a> {
    pub sink: &'a mut dyn Sink,
    pub collect: &'a mut Collect,
}

impl Sink for Tee<'_> {
    fn case(&mut self, result: &CaseResult) -> io::Result<()> {
        self.collect.add(result);
        self.sink.case(result)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        self.sink.finish(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Problem};
    use crate::lang::Lang;
    use crate::model::Verdict;
    use crate::suite::Check;

    fn failing(file: &str, title: Option<&str>) -> CaseResult {
        CaseResult {
            file: file.into(),
            title: title.map(String::from),
            checks: vec![Check {
                set: "forum".into(),
                expected: Verdict::Iop,
                actual: Verdict::Procurement,
                complete: false,
                failed: vec!["market_exists".into()],
                open: vec!["public_contract".into()],
                line: 15,
            }],
            status: Status::Failed,
        }
    }

    fn broken(file: &str) -> CaseResult {
        let problem = Problem::UnknownQuestion {
            table: "answers".into(),
            key: "cofinance".into(),
            suggestion: Some("cofinanced".into()),
        };
        CaseResult {
            file: file.into(),
            title: None,
            checks: Vec::new(),
            status: Status::Broken(vec![Diagnostic::at(
                file,
                "[answers]\ncofinance = true\n",
                Some(10..19),
                problem,
            )]),
        }
    }

    fn summary_of(results: &[CaseResult], lang: Lang) -> String {
        let mut collect = Collect::new(Words(lang));
        let mut totals = Summary::default();
        for r in results {
            collect.add(r);
            totals.add(&r.status);
        }
        collect.render(&totals)
    }

    #[test]
    fn a_summary_has_the_totals_what_differed_and_the_first_problem_with_its_code() {
        let passed = CaseResult {
            file: "cases/ok.toml".into(),
            title: None,
            checks: Vec::new(),
            status: Status::Passed,
        };
        let results = [
            passed,
            failing("cases/fail.toml", Some("Fails | for <Forum>")),
            broken("cases/bad.toml"),
        ];
        let text = summary_of(&results, Lang::En);
        assert_eq!(
            text,
            "### iop test\n\n\
             | passed | failed | skipped | file errors |\n\
             |---:|---:|---:|---:|\n\
             | 1 | 1 | 0 | 1 |\n\n\
             #### Failing cases\n\n\
             - cases/fail.toml – Fails \\| for \\<Forum\\>\n  \
             - forum: expected iop, got procurement (line 15); not met: market\\_exists; \
             open: public\\_contract\n\n\
             #### Files that could not be read, with their first problem\n\n\
             - cases/bad.toml:2: `E-unknown-question` \
             \\`cofinance\\` in \\[answers\\] is not a question of the question bank\n\n\
             1 passed, 2 failed, 0 skipped\n\n"
        );
    }

    #[test]
    fn a_summary_lists_at_most_the_limit_and_counts_the_rest() {
        let results: Vec<CaseResult> = (0..LIMIT + 3)
            .map(|i| failing(&format!("cases/{i}.toml"), None))
            .collect();
        let text = summary_of(&results, Lang::Sv);
        assert!(text.contains("| klarade | klarade inte |"), "{text}");
        assert!(text.contains("#### Ärenden som inte klarade testet"));
        assert_eq!(text.matches("\n- cases/").count(), LIMIT);
        assert!(text.contains("- … och 3 till\n"));
        assert!(!text.contains("Filer som inte kunde läsas"));
    }
}
