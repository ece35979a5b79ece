//! `iop init` and `iop agreement`: the documents the tool writes, to stdout or with `-o`
//! to a file.

use super::{Exit, Failure, Io, check_set_flag, find_set, write_document};
use crate::cli::{AgreementArgs, InitArgs};
use crate::engine;
use crate::i18n::Words;
use crate::model::case;
use crate::model::{Catalog, CriteriaSet, Verdict};
use crate::report::{self, Report};

pub(super) fn init(args: &InitArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let sets: Vec<&CriteriaSet> = match args.set.as_str() {
        "all" => catalog.sets.iter().collect(),
        id => vec![find_set(catalog, id, io.lang)?],
    };
    let template = report::template::render(&sets, &catalog.bank, io.lang);
    write_document(io, &template, args.output.as_deref(), args.force)
}

/// `iop agreement`: the draft when the set's verdict is IOP (or with `--force`), else
/// why not on stderr and exit 1.
pub(super) fn agreement(
    args: &AgreementArgs,
    catalog: &Catalog,
    io: &mut Io<'_>,
) -> Result<Exit, Failure> {
    let lang = io.lang;
    let w = Words(lang);
    check_set_flag(catalog, args.set.as_deref(), lang)?;
    let case = case::read(&args.file, catalog)?;
    let set = match args.set.as_deref().or(case.meta.set.as_deref()) {
        Some(id) if id != "all" => find_set(catalog, id, lang)?,
        _ => {
            let known: Vec<&str> = catalog.set_ids().collect();
            return Err(Failure::Usage(w.agreement_needs_set(&known)));
        }
    };
    let evaluation = engine::evaluate(set, &case.answers);
    let report = Report {
        case: &case,
        bank: &catalog.bank,
        evaluations: vec![evaluation.clone()],
        lang,
    };
    if evaluation.verdict != Verdict::Iop {
        let _ = io
            .stderr
            .write_all(report::agreement::refusal(&report, &evaluation).as_bytes());
        if !args.force {
            let _ = writeln!(io.stderr, "{}", w.not_iop_hint());
            return Ok(Exit::Mismatch);
        }
        let _ = writeln!(io.stderr, "{}", w.forced_warning());
    }
    let draft = report::agreement::render(&report, &evaluation);
    write_document(io, &draft, args.output.as_deref(), args.force)
}
