//! `iop`: which form should a collaboration between a Swedish municipality or region and
//! an idéburen organisation take — an idéburet offentligt partnerskap (IOP), a
//! föreningsbidrag or an upphandling — and why.
//!
//! The layers, each importing only those before it (see ARCHITECTURE.md):
//! `lang`, `exit` → `diagnostic`, `escape` → `model` (data and its loaders) → `engine`
//! (the verdict) → `advice` (what follows from it) → `report` and `suite` (the outputs) →
//! `app` (the commands); `i18n` holds the interface's words beside them.

pub mod advice;
pub mod app;
pub mod cli;
pub mod diagnostic;
pub mod embedded;
pub mod engine;
pub mod escape;
pub mod exit;
pub mod files;
pub mod i18n;
pub mod input;
pub mod interview;
pub mod lang;
pub mod model;
pub mod report;
pub mod suggest;
pub mod suite;
pub mod term;

pub use app::run;
pub use exit::Exit;
