//! `iop test`: every case under the given paths against its `[expect]` table.

use std::io;

use super::{Failure, Io};
use crate::cli::TestArgs;
use crate::exit::Exit;
use crate::i18n::Words;
use crate::model::Catalog;
use crate::suite;

pub(super) fn test(args: &TestArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let paths = if args.paths.is_empty() {
        vec![std::path::PathBuf::from("examples")]
    } else {
        args.paths.clone()
    };
    let words = Words(io.lang);
    let mut out = io::BufWriter::new(&mut *io.stdout);
    let summary = match args.format {
        suite::Format::Text => {
            let mut sink = suite::text::Text {
                out: &mut out,
                err: &mut *io.stderr,
                words,
                out_term: io.out,
                err_term: io.err,
            };
            suite::run(&paths, catalog, &mut sink)
        }
        suite::Format::Json => {
            let mut sink = suite::json::Json {
                out: &mut out,
                words,
                first: true,
            };
            suite::run(&paths, catalog, &mut sink)
        }
        suite::Format::Junit => suite::junit::Junit::new(&mut out, words)
            .and_then(|mut sink| suite::run(&paths, catalog, &mut sink)),
        suite::Format::Github => {
            let mut sink = suite::github::Github {
                out: &mut out,
                words,
            };
            suite::run(&paths, catalog, &mut sink)
        }
    };
    let summary = match summary {
        Ok(summary) => summary,
        Err(error) => {
            return Err(Failure::Output(error));
        }
    };
    Ok(if summary.broken > 0 {
        Exit::Error
    } else if summary.failed > 0 {
        Exit::Mismatch
    } else {
        Exit::Success
    })
}
