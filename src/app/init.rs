//! `iop init`: an answer file to fill in, to stdout or with `-o` to a file.

use super::select::Selection;
use super::{Failure, Io, write_document};
use crate::cli::InitArgs;
use crate::exit::Exit;
use crate::model::Catalog;
use crate::model::case::Case;
use crate::report;

pub(super) fn init(args: &InitArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let selection = Selection::parse(Some(&args.set), catalog)?;
    let sets = selection.sets(catalog, &Case::default());
    let template = report::template::render(&sets, catalog, io.lang);
    write_document(io, template.as_bytes(), args.output.as_deref(), args.force)
}
