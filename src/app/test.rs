//! `iop test`: every case under the given paths against its `[expect]` table, and under
//! GitHub Actions a job summary appended to `$GITHUB_STEP_SUMMARY`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Failure, Io};
use crate::cli::TestArgs;
use crate::escape::clean_line;
use crate::exit::Exit;
use crate::i18n::Words;
use crate::model::Catalog;
use crate::suite::{self, Sink, summary};

pub(super) fn test(args: &TestArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let paths = if args.paths.is_empty() {
        vec![std::path::PathBuf::from("examples")]
    } else {
        args.paths.clone()
    };
    let words = Words(io.lang);
    // Under GitHub Actions, a Markdown summary of the run for the job's page, whatever the
    // format written to stdout.
    let summary_file = std::env::var_os("GITHUB_STEP_SUMMARY")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let mut collect = summary::Collect::new(words);
    let mut run = |sink: &mut dyn Sink| match summary_file {
        Some(_) => {
            let mut tee = summary::Tee {
                sink,
                collect: &mut collect,
            };
            suite::run(&paths, catalog, &mut tee)
        }
        None => suite::run(&paths, catalog, sink),
    };
    let mut out = io::BufWriter::new(&mut *io.stdout);
    let totals = match args.format {
        suite::Format::Text => run(&mut suite::text::Text {
            out: &mut out,
            err: &mut *io.stderr,
            words,
            out_term: io.out,
            err_term: io.err,
        }),
        suite::Format::Json => run(&mut suite::json::Json {
            out: &mut out,
            words,
            first: true,
        }),
        suite::Format::Junit => {
            suite::junit::Junit::new(&mut out, words).and_then(|mut sink| run(&mut sink))
        }
        suite::Format::Github => run(&mut suite::github::Github {
            out: &mut out,
            words,
        }),
    };
    drop(out);
    let totals = totals.map_err(Failure::Output)?;
    if let Some(file) = summary_file {
        let text = collect.render(&totals);
        if let Err(e) = append(&file, &text) {
            let name = clean_line(&crate::escape::path(&file));
            let error = words.os_error(&(&e).into());
            let message = words.summary_not_written(&name, &clean_line(&error));
            let _ = writeln!(io.stderr, "{}: {message}", words.warning());
        }
    }
    Ok(if totals.broken > 0 {
        Exit::Error
    } else if totals.failed > 0 {
        Exit::Mismatch
    } else {
        Exit::Success
    })
}

/// Adds text to the end of a file, as GitHub expects of its step summary.
fn append(file: &Path, text: &str) -> io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(file)?;
    f.write_all(text.as_bytes())
}
