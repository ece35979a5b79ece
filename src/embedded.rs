//! The built-in catalog as `build.rs` loaded and checked it when iop was built, written
//! there as the Rust that builds it (`$OUT_DIR/catalog.rs`) and compiled in here: a start
//! reads no TOML, checks nothing again and validates no text as UTF-8; its
//! texts (`Localized`) are borrowed from the binary, not copied.

#[allow(unused_imports)] // Whichever the catalog uses.
use crate::model::documents::{Part, PartKind, Section, Terms};
#[allow(unused_imports)]
use crate::model::{
    Agreement, Answer, Bank, Catalog, Citation, Cite, Commitment, Condition, CriteriaSet,
    Criterion, Fact, Guard, Law, LawItem, LawOutcome, Localized, Question, Route, SetKind, Source,
    Step, Verdict,
};

/// The built-in catalog. Always there: `Option` because while `build.rs` compiles the
/// loader there is none yet, and the loader's `criteria::builtin` serves both.
pub fn catalog() -> Option<Catalog> {
    Some(include!(concat!(env!("OUT_DIR"), "/catalog.rs")))
}
