//! The built-in criteria, checked when iop is built.
//!
//! The files in `criteria/` are loaded and validated here by the loader's own code — the
//! modules below are iop's source files, compiled into this script as they are compiled
//! into iop — and any error in them fails the build, with its file, line and stable code.
//! The validated `Catalog` is written to `$OUT_DIR/catalog.rs` as the Rust expression that
//! builds it (`build/rust.rs`), which iop compiles in (`src/embedded.rs`): a start parses
//! no TOML and validates no text. A test checks that it equals the catalog loaded from the
//! TOML at run time.
//!
//! Including the files (rather than splitting the loader into a crate of its own) keeps
//! one package to build and publish; the price is that a dependency of these modules is
//! listed twice in `Cargo.toml`, under `[dependencies]` and `[build-dependencies]`.

// Much of these modules serves the program, not this script.
#![allow(dead_code, unused_imports)]

#[path = "src/diagnostic.rs"]
mod diagnostic;
#[path = "src/escape.rs"]
mod escape;
#[path = "src/files.rs"]
mod files;
#[path = "src/input.rs"]
mod input;
#[path = "src/model/mod.rs"]
mod model;
#[path = "build/rust.rs"]
mod rust;
#[path = "src/suggest.rs"]
mod suggest;

/// The languages, which are all the loader needs of `src/lang.rs` (the locale is found
/// there, with what the operating system needs).
mod lang {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Lang {
        Sv,
        En,
    }
}

/// Nothing is embedded yet while iop is being built: the loader reads the files.
mod embedded {
    pub fn catalog() -> Option<crate::model::Catalog> {
        None
    }
}

use std::path::PathBuf;
use std::process::ExitCode;

use diagnostic::Severity;

/// What the loader is made of, and what it reads: a change to any of them builds again.
const INPUTS: &[&str] = &[
    "build",
    "criteria",
    "src/diagnostic.rs",
    "src/escape.rs",
    "src/files.rs",
    "src/input.rs",
    "src/model",
    "src/suggest.rs",
];

fn main() -> ExitCode {
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
    let examined = model::criteria::examine_texts(Vec::new());
    let mut errors = 0;
    for d in &examined.problems {
        let place = match &d.location {
            Some(l) => format!("{}:{}:{}", d.file, l.line, l.column),
            None => d.file.clone(),
        };
        let line = format!("{place}: {}: {:?}", d.problem.code(), d.problem);
        match d.severity {
            Severity::Error => {
                errors += 1;
                eprintln!("error: {line}");
            }
            Severity::Warning => println!("cargo::warning={line}"),
        }
    }
    if errors > 0 {
        let plural = if errors == 1 { "" } else { "s" };
        eprintln!(
            "error: {errors} error{plural} in the built-in criteria (above): iop is not built"
        );
        return ExitCode::FAILURE;
    }
    let written = rust::expression(&examined.catalog)
        .map_err(|e| e.to_string())
        .and_then(|code| {
            let out = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
            let path = PathBuf::from(out).join("catalog.rs");
            std::fs::write(&path, code).map_err(|e| format!("{}: {e}", path.display()))
        });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: the built-in catalog could not be written: {e}");
            ExitCode::FAILURE
        }
    }
}
