//! Runs a parsed command line: loads what it needs, decides, renders, and says which
//! exit code the outcome deserves. Writes only through the writers it is given. The
//! larger commands have a file each.

mod check;
mod documents;
mod test;

pub use check::interrupt_message;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::cli::{Cli, Command};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Problem;
use crate::escape::{clean, clean_line};
use crate::files::{Overwrite, write_atomic};
use crate::i18n::{Lang, Words};
use crate::model::case::Case;
use crate::model::{Catalog, CriteriaSet, criteria};
use crate::report;
use crate::suggest::closest;
use crate::{manual, validate};

/// The exit codes. A verdict, whatever it is, is a success of the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// A verdict was given.
    Success = 0,
    /// A verdict differs from what was expected, a test case failed, or `validate` found
    /// errors in a criteria file.
    Mismatch = 1,
    /// A usage or input error: nothing was decided.
    Error = 2,
}

/// Why a command could not finish.
#[derive(Debug)]
pub enum Failure {
    /// Problems in input files, each with its place.
    Input(Vec<Diagnostic>),
    /// A usage error, already in the user's language.
    Usage(String),
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(problems: Vec<Diagnostic>) -> Failure {
        Failure::Input(crate::diagnostic::cap(problems))
    }
}

/// Where a command reads and writes, and what it knows of its surroundings.
pub struct Io<'a> {
    pub stdin: &'a mut dyn BufRead,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub lang: Lang,
    /// Whether stdin is a terminal: only then does the interview offer its review.
    pub stdin_is_terminal: bool,
}

/// Runs the command line and returns its exit code.
pub fn run(cli: &Cli, io: &mut Io<'_>) -> Exit {
    match dispatch(cli, io) {
        Ok(exit) => exit,
        Err(failure) => {
            report_failure(&failure, io);
            Exit::Error
        }
    }
}

fn dispatch(cli: &Cli, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let lang = io.lang;
    // Every command but those that do not decide needs the criteria: they load first.
    let load = || criteria::load(&cli.global.criteria).map_err(Failure::from);
    match &cli.command {
        Command::Check(args) => check::check(args, &load()?, io),
        Command::Test(args) => test::test(args, &load()?, io),
        Command::Init(args) => documents::init(args, &load()?, io),
        Command::Agreement(args) => documents::agreement(args, &load()?, io),
        Command::Sets => {
            write_out(io, &report::catalog::sets(&load()?, lang));
            Ok(Exit::Success)
        }
        Command::Show { set: None } => {
            write_out(io, &report::catalog::bank(&load()?.bank, lang));
            Ok(Exit::Success)
        }
        Command::Show { set: Some(id) } => {
            let catalog = load()?;
            let set = find_set(&catalog, id, lang)?;
            write_out(io, &report::catalog::set(set, &catalog.bank, lang));
            Ok(Exit::Success)
        }
        Command::Validate(args) => {
            // `--criteria` and PATH name files to check alike.
            let paths: Vec<PathBuf> = cli
                .global
                .criteria
                .iter()
                .chain(&args.paths)
                .cloned()
                .collect();
            let validation = validate::validate(&paths, Words(lang));
            write_out(io, &validation.text);
            Ok(validation.exit)
        }
        Command::Completions { shell } => {
            write_out_bytes(io, &manual::completions(*shell));
            Ok(Exit::Success)
        }
        Command::Man => {
            let page = manual::man().map_err(|e| {
                Failure::Input(vec![Diagnostic::file("-", Problem::Write(e.to_string()))])
            })?;
            write_out(io, &page);
            Ok(Exit::Success)
        }
    }
}

/// A set by id, or a usage error that names the sets there are.
pub fn find_set<'c>(
    catalog: &'c Catalog,
    id: &str,
    lang: Lang,
) -> Result<&'c CriteriaSet, Failure> {
    catalog
        .set(id)
        .ok_or_else(|| usage_unknown_set(catalog, id, lang))
}

fn usage_unknown_set(catalog: &Catalog, id: &str, lang: Lang) -> Failure {
    let w = Words(lang);
    let known: Vec<&str> = catalog.set_ids().collect();
    let mut message = w.unknown_set_argument(id, &known);
    if let Some(s) = closest(id, known.iter().copied()) {
        message = format!("{message}\n  {}: {}", w.help(), w.did_you_mean(&s));
    }
    Failure::Usage(message)
}

/// The sets a check uses: `--set`, else the case's `[case] set`, else all.
pub fn chosen_sets<'c>(
    catalog: &'c Catalog,
    flag: Option<&str>,
    case: &Case,
    lang: Lang,
) -> Result<Vec<&'c CriteriaSet>, Failure> {
    match flag.or(case.meta.set.as_deref()).unwrap_or("all") {
        "all" => Ok(catalog.sets.iter().collect()),
        id => Ok(vec![find_set(catalog, id, lang)?]),
    }
}

/// Writes a command's document to stdout, or with `-o` to a file, atomically and, without
/// `--force`, never over an existing file.
pub(crate) fn write_document(
    io: &mut Io<'_>,
    text: &str,
    output: Option<&Path>,
    force: bool,
) -> Result<Exit, Failure> {
    let Some(path) = output else {
        write_out(io, text);
        return Ok(Exit::Success);
    };
    let overwrite = if force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    };
    let name = crate::escape::path(path);
    write_atomic(path, text.as_bytes(), overwrite)
        .map_err(|e| Failure::Input(vec![Diagnostic::from_io(&name, e, true)]))?;
    let _ = writeln!(io.stderr, "{}", Words(io.lang).written(&clean_line(&name)));
    Ok(Exit::Success)
}

/// Checks a `--set` flag before any file is read: a wrong set is a usage error whether or
/// not the file is valid.
pub(crate) fn check_set_flag(
    catalog: &Catalog,
    flag: Option<&str>,
    lang: Lang,
) -> Result<(), Failure> {
    match flag.filter(|id| *id != "all") {
        Some(id) => find_set(catalog, id, lang).map(drop),
        None => Ok(()),
    }
}

/// Writes a whole output at once. A failed write is reported, and the exit code set,
/// by the writer the binary gives (`main.rs`), which remembers it.
pub(crate) fn write_out(io: &mut Io<'_>, text: &str) {
    write_out_bytes(io, text.as_bytes());
}

pub(crate) fn write_out_bytes(io: &mut Io<'_>, bytes: &[u8]) {
    let _ = io.stdout.write_all(bytes).and_then(|()| io.stdout.flush());
}

fn report_failure(failure: &Failure, io: &mut Io<'_>) {
    let w = Words(io.lang);
    let text = match failure {
        Failure::Input(problems) => problems
            .iter()
            .map(|d| report::diagnostics::render(d, w))
            .collect::<Vec<_>>()
            .join("\n"),
        Failure::Usage(message) => {
            use colored::Colorize;
            format!("{}: {}\n", w.error().red().bold(), clean(message))
        }
    };
    let _ = io.stderr.write_all(text.as_bytes());
}
