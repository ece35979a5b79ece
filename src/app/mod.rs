//! The commands: each file resolves its arguments first, then loads, decides, renders,
//! and says which exit code the outcome deserves. Writes only through the writers it is
//! given; a failure is a typed value, put into words here at the edge.

mod agreement;
mod check;
mod init;
pub mod manual;
mod schema;
mod select;
mod show;
mod test;
pub mod validate;

pub use check::interrupt_message;
pub use select::Selection;

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::cli::{Cli, Command};
use crate::diagnostic::{Diagnostic, read_text};
use crate::escape::clean_line;
use crate::exit::Exit;
use crate::files::{Overwrite, write_atomic};
use crate::i18n::Words;
use crate::lang::Lang;
use crate::model::{Catalog, criteria};
use crate::report;
use crate::term::Term;

/// Why a command could not finish.
#[derive(Debug)]
pub enum Failure {
    /// Problems in input files, each with its place.
    Input(Vec<Diagnostic>),
    /// A set id that is not a set.
    UnknownSet {
        id: String,
        known: Vec<String>,
        suggestion: Option<String>,
    },
    /// A command that needs one set was given none, or several.
    NeedsOneSet { known: Vec<String> },
    /// Standard output could not be written. The writer the binary gives remembers the
    /// failure and says it once (`main.rs`); the command stops.
    Output(io::Error),
    /// A binary document (Word) was to be written to a terminal.
    BinaryToTerminal { format: &'static str },
    /// A document could not be put together (the Word file's packing failed).
    Build(io::Error),
    /// `-` as FILE together with an interview, which reads its answers from stdin too.
    StdinTwice,
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
    /// Whether stdout is a terminal: a Word document is not written there.
    pub stdout_is_terminal: bool,
    /// Whether stdout is coloured, and the width its prose is broken to.
    pub out: Term,
    /// Whether stderr is coloured, and its width (the interview's, when asked on a
    /// terminal).
    pub err: Term,
}

impl Io<'_> {
    pub fn words(&self) -> Words {
        Words(self.lang)
    }
}

/// Whether a command asks questions or writes a file, and so needs its own Ctrl-C: one
/// that says what was saved and lets a file being written be finished. Any other command
/// is stopped by Ctrl-C as any program is, without a thread started to wait for it.
pub fn handles_interrupt(command: &Command) -> bool {
    match command {
        Command::Check(args) => {
            args.file.is_none() || args.interactive || args.save.is_some() || args.output.is_some()
        }
        Command::Init(args) => args.output.is_some(),
        Command::Agreement(args) => args.output.is_some(),
        _ => false,
    }
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
    // Every command but those that do not decide needs the criteria: they load first.
    // The catalog lives as long as the process: freeing it, thousands of strings one by
    // one, just before the process ends would cost a check a sixth of its time.
    let load = || -> Result<&'static Catalog, Failure> {
        let catalog = criteria::load(&cli.global.criteria)?;
        Ok(Box::leak(Box::new(catalog)))
    };
    match &cli.command {
        Command::Check(args) => check::check(args, load()?, io),
        Command::Test(args) => test::test(args, load()?, io),
        Command::Init(args) => init::init(args, load()?, io),
        Command::Agreement(args) => agreement::agreement(args, load()?, io),
        Command::Sets(args) => show::sets(args, load()?, io),
        Command::Show { set } => show::show(set.as_deref(), load()?, io),
        Command::Schema { kind } => schema::schema(*kind, load()?, io),
        Command::Validate(args) => {
            // `--criteria` and PATH name files to check alike.
            let paths: Vec<PathBuf> = cli
                .global
                .criteria
                .iter()
                .chain(&args.paths)
                .cloned()
                .collect();
            let validation = validate::validate(&paths, io.words(), io.out);
            write_out(io, &validation.text)?;
            Ok(validation.exit)
        }
        Command::Completions { shell } => {
            write_out_bytes(io, &manual::completions(*shell))?;
            Ok(Exit::Success)
        }
        Command::Man => {
            let page = manual::man().map_err(Failure::Output)?;
            write_out(io, &page)?;
            Ok(Exit::Success)
        }
    }
}

/// Writes a command's document to stdout, or with `-o` to a file, atomically and, without
/// `--force`, never over an existing file.
pub(crate) fn write_document(
    io: &mut Io<'_>,
    bytes: &[u8],
    output: Option<&Path>,
    force: bool,
) -> Result<Exit, Failure> {
    let Some(path) = output else {
        write_out_bytes(io, bytes)?;
        return Ok(Exit::Success);
    };
    let overwrite = if force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    };
    let name = crate::escape::path(path);
    write_atomic(path, bytes, overwrite)
        .map_err(|e| Failure::Input(vec![Diagnostic::from_io(&name, e, true)]))?;
    let _ = writeln!(io.stderr, "{}", io.words().written(&clean_line(&name)));
    Ok(Exit::Success)
}

/// An answer file named on the command line, by the name messages give it, and its text;
/// `-` reads it from stdin.
pub(crate) fn read_answer_file(path: &Path, io: &mut Io<'_>) -> Result<(String, String), Failure> {
    let (name, text) = if path == Path::new("-") {
        let bytes = crate::input::read_stdin(&mut *io.stdin, crate::input::MAX_FILE);
        let text = bytes.and_then(|bytes| crate::diagnostic::decode("-", bytes));
        ("-".to_string(), text)
    } else {
        (crate::escape::path(path), read_text(path))
    };
    Ok((name, text.map_err(|d| vec![d])?))
}

/// Writes a whole output at once.
pub(crate) fn write_out(io: &mut Io<'_>, text: &str) -> Result<(), Failure> {
    write_out_bytes(io, text.as_bytes())
}

pub(crate) fn write_out_bytes(io: &mut Io<'_>, bytes: &[u8]) -> Result<(), Failure> {
    io.stdout
        .write_all(bytes)
        .and_then(|()| io.stdout.flush())
        .map_err(Failure::Output)
}

/// Puts a failure into words on stderr.
fn report_failure(failure: &Failure, io: &mut Io<'_>) {
    let w = io.words();
    let text = match failure {
        Failure::Input(problems) => problems
            .iter()
            .map(|d| report::diagnostics::render(d, w, io.err))
            .collect::<Vec<_>>()
            .join("\n"),
        Failure::UnknownSet {
            id,
            known,
            suggestion,
        } => {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            let mut message = w.unknown_set_argument(&clean_line(id), &known);
            if let Some(s) = suggestion {
                message = format!("{message}\n  {}: {}", w.help(), w.did_you_mean(s));
            }
            report::diagnostics::usage(&message, w, io.err)
        }
        Failure::NeedsOneSet { known } => {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            report::diagnostics::usage(&w.needs_one_set(&known), w, io.err)
        }
        // Said once by the binary's writer, which remembers it.
        Failure::Output(_) => String::new(),
        Failure::BinaryToTerminal { format } => {
            report::diagnostics::usage(&w.binary_to_terminal(format), w, io.err)
        }
        Failure::Build(error) => {
            report::diagnostics::usage(&w.cannot_build(&error.to_string()), w, io.err)
        }
        Failure::StdinTwice => report::diagnostics::usage(w.stdin_twice(), w, io.err),
    };
    let _ = io.stderr.write_all(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[test]
    fn only_an_interview_or_a_written_file_takes_over_ctrl_c() {
        let takes = |args: &[&str]| {
            let cli = Cli::try_parse_from(["iop"].iter().chain(args)).unwrap();
            handles_interrupt(&cli.command)
        };
        assert!(takes(&["check"]));
        assert!(takes(&["check", "case.toml", "-i"]));
        assert!(takes(&["check", "case.toml", "--save", "case.toml"]));
        assert!(takes(&[
            "check",
            "case.toml",
            "-o",
            "memo.md",
            "-f",
            "markdown"
        ]));
        assert!(takes(&["init", "-o", "case.toml"]));
        assert!(takes(&["agreement", "case.toml", "-o", "avtal.md"]));
        assert!(!takes(&["check", "case.toml", "--set", "all"]));
        assert!(!takes(&["init"]));
        assert!(!takes(&["test", "cases/"]));
        assert!(!takes(&["schema", "answers"]));
    }
}
