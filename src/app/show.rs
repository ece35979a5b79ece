//! `iop sets` and `iop show`: the criteria themselves, for reading before a check.

use super::select::known;
use super::{Failure, Io, write_out};
use crate::cli::{SetsArgs, SetsFormat};
use crate::exit::Exit;
use crate::model::Catalog;
use crate::report::catalog;

pub(super) fn sets(args: &SetsArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let text = match args.format {
        SetsFormat::Text => catalog::sets(catalog, io.lang, io.out),
        SetsFormat::Json => catalog::sets_json(catalog),
    };
    write_out(io, &text)?;
    Ok(Exit::Success)
}

pub(super) fn show(set: Option<&str>, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let text = match set {
        None => catalog::bank(catalog, io.lang, io.out),
        Some(id) => catalog::set(known(catalog, id)?, catalog, io.lang, io.out),
    };
    write_out(io, &text)?;
    Ok(Exit::Success)
}
