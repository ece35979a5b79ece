//! `iop test --format junit`: JUnit XML, one `<testcase>` per case file. The totals come
//! first in the XML but are known last, so the test cases are spooled to a temporary
//! file and copied out at the end: memory stays flat.

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};

use super::{CaseResult, Sink, Status, Summary};
use crate::escape::markup;
use crate::i18n::Words;

pub struct Junit<'a> {
    out: &'a mut dyn Write,
    words: Words,
    spool: BufWriter<File>,
}

impl<'a> Junit<'a> {
    pub fn new(out: &'a mut dyn Write, words: Words) -> io::Result<Junit<'a>> {
        Ok(Junit {
            out,
            words,
            spool: BufWriter::new(tempfile::tempfile()?),
        })
    }
}

impl Sink for Junit<'_> {
    fn case(&mut self, result: &CaseResult) -> io::Result<()> {
        let w = self.words;
        let open = format!(
            "    <testcase name=\"{}\" classname=\"iop\" file=\"{}\"",
            markup(result.name()),
            markup(&result.file)
        );
        match &result.status {
            Status::Passed => writeln!(self.spool, "{open}/>"),
            Status::Skipped => {
                writeln!(self.spool, "{open}>")?;
                writeln!(
                    self.spool,
                    "      <skipped message=\"{}\"/>",
                    markup(w.no_expectations())
                )?;
                writeln!(self.spool, "    </testcase>")
            }
            Status::Failed => {
                let mut message = Vec::new();
                let mut detail = String::new();
                for c in result.failing() {
                    let mismatch = w.expect_mismatch(&c.set, c.expected, c.actual);
                    detail.push_str(&format!("{}:{}: {mismatch}\n", result.file, c.line));
                    for reason in c.reasons(w) {
                        detail.push_str(&format!("  {reason}\n"));
                    }
                    message.push(mismatch);
                }
                writeln!(self.spool, "{open}>")?;
                writeln!(
                    self.spool,
                    "      <failure type=\"verdict\" message=\"{}\">{}</failure>",
                    markup(&message.join("; ")),
                    markup(&detail)
                )?;
                writeln!(self.spool, "    </testcase>")
            }
            Status::Broken(problems) => {
                let messages: Vec<String> = problems
                    .iter()
                    .map(|d| {
                        let place = d
                            .line()
                            .map_or_else(|| d.file.clone(), |l| format!("{}:{l}", d.file));
                        format!("{place}: {}: {}", d.problem.code(), w.problem(&d.problem).0)
                    })
                    .collect();
                writeln!(self.spool, "{open}>")?;
                writeln!(
                    self.spool,
                    "      <error type=\"input\" message=\"{}\">{}</error>",
                    markup(messages.first().map_or("", String::as_str)),
                    markup(&messages.join("\n"))
                )?;
                writeln!(self.spool, "    </testcase>")
            }
        }
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let counts = format!(
            "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"",
            summary.total(),
            summary.failed - summary.broken,
            summary.broken,
            summary.skipped
        );
        writeln!(self.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(self.out, "<testsuites name=\"iop\" {counts}>")?;
        writeln!(self.out, "  <testsuite name=\"iop test\" {counts}>")?;
        self.spool.flush()?;
        let file = self.spool.get_mut();
        file.rewind()?;
        io::copy(file, &mut self.out)?;
        writeln!(self.out, "  </testsuite>")?;
        writeln!(self.out, "</testsuites>")?;
        self.out.flush()
    }
}
