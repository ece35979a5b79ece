//! `iop agreement`: a draft IOP agreement for a case whose verdict is IOP, to stdout or
//! with `-o` to a file.

use super::select::Selection;
use super::{Failure, Io, read_answer_file, write_document};
use crate::cli::AgreementArgs;
use crate::exit::Exit;
use crate::model::{Catalog, Verdict, case};
use crate::report::{self, AgreementFormat, Report};

/// The draft when the set's verdict is IOP (or with `--force`), else why not on stderr
/// and exit 1.
pub(super) fn agreement(
    args: &AgreementArgs,
    catalog: &Catalog,
    io: &mut Io<'_>,
) -> Result<Exit, Failure> {
    let w = io.words();
    let selection = Selection::parse(args.set.as_deref(), catalog)?;
    if args.format == AgreementFormat::Docx && args.output.is_none() && io.stdout_is_terminal {
        return Err(Failure::BinaryToTerminal { format: "docx" });
    }
    let (name, text) = read_answer_file(&args.file, io)?;
    let case = case::parse(&name, &text, catalog)?;
    let set = selection.one(catalog, &case)?;
    let report = Report::new(&case, catalog, &[set], Some(set), io.lang);
    let evaluation = &report.evaluations[0];
    if evaluation.verdict != Verdict::Iop {
        let _ = io
            .stderr
            .write_all(report::agreement::refusal(&report, evaluation).as_bytes());
        if !args.force {
            let _ = writeln!(io.stderr, "{}", w.not_iop_hint());
            return Ok(Exit::Mismatch);
        }
        let _ = writeln!(io.stderr, "{}", w.forced_warning());
    }
    let draft = report::agreement::build(&report, evaluation);
    let bytes = match args.format {
        AgreementFormat::Markdown => report::markdown::render(&draft).into_bytes(),
        AgreementFormat::Docx => report::docx::render(&draft).map_err(Failure::Build)?,
    };
    write_document(io, &bytes, args.output.as_deref(), args.force)
}
