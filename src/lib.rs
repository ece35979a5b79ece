//! `iop`: which form should a collaboration between a Swedish municipality and an
//! idéburen organisation take — an idéburet offentligt partnerskap (IOP), a
//! föreningsbidrag or an upphandling — and why.
//!
//! The criteria are data (`criteria/`, embedded); `model` loads and validates them and
//! the answer files, `engine` decides, `report` draws the result in each format, and
//! `i18n` holds every word of the interface in Swedish and English.

pub mod app;
pub mod cli;
pub mod diagnostic;
pub mod engine;
pub mod escape;
pub mod files;
pub mod i18n;
pub mod input;
pub mod interview;
pub mod manual;
pub mod model;
pub mod report;
pub mod suggest;
pub mod suite;
pub mod term;
pub mod validate;

pub use app::{Exit, run};
