//! `iop schema`: the JSON Schema of answer files or criteria files, for editors.

use super::{Failure, Io, write_out};
use crate::cli::SchemaKind;
use crate::exit::Exit;
use crate::model::Catalog;
use crate::report::schema;

pub(super) fn schema(
    kind: SchemaKind,
    catalog: &Catalog,
    io: &mut Io<'_>,
) -> Result<Exit, Failure> {
    let value = match kind {
        SchemaKind::Answers => schema::answers(catalog, io.lang),
        SchemaKind::Criteria => schema::criteria(catalog, io.lang),
    };
    let mut text = crate::escape::json_pretty(&value);
    text.push('\n');
    write_out(io, &text)?;
    Ok(Exit::Success)
}
