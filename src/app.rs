//! Runs a parsed command line: loads what it needs, decides, renders, and says which
//! exit code the outcome deserves. Writes only through the writers it is given.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::cli::{AgreementArgs, CheckArgs, Cli, Command, InitArgs, TestArgs};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Problem;
use crate::engine;
use crate::escape::{clean, clean_line};
use crate::files::{Overwrite, write_atomic};
use crate::i18n::{Lang, Words};
use crate::interview::{self, Interview, Outcome};
use crate::model::case::{self, Case};
use crate::model::save::AnswerFile;
use crate::model::{Catalog, CriteriaSet, Verdict, criteria};
use crate::report::{self, Report};
use crate::suggest::closest;
use crate::suite;
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
        Failure::Input(problems)
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

/// What to tell the user if Ctrl-C stops an interview now: which answers are where.
static ON_INTERRUPT: Mutex<String> = Mutex::new(String::new());

/// The message for an interview stopped by Ctrl-C (empty when none is under way).
pub fn interrupt_message() -> String {
    ON_INTERRUPT.lock().map(|m| m.clone()).unwrap_or_default()
}

fn set_interrupt_message(message: String) {
    if let Ok(mut slot) = ON_INTERRUPT.lock() {
        *slot = message;
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
    let lang = io.lang;
    // Every command but those that do not decide needs the criteria: they load first.
    let load = || criteria::load(&cli.global.criteria).map_err(Failure::from);
    match &cli.command {
        Command::Check(args) => check(args, &load()?, io),
        Command::Test(args) => test(args, &load()?, io),
        Command::Init(args) => init(args, &load()?, io),
        Command::Agreement(args) => agreement(args, &load()?, io),
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

fn check(args: &CheckArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let lang = io.lang;
    // A wrong --set is a usage error whether or not the file is valid: report it first.
    if let Some(id) = args.set.as_deref().filter(|id| *id != "all") {
        find_set(catalog, id, lang)?;
    }
    let interactive = args.interactive || args.file.is_none() || args.save.is_some();
    let mut case = match &args.file {
        Some(path) => case::read(path, catalog)?,
        None => Case::default(),
    };
    // The file the answers are saved in: an existing one must be an answer file, and
    // without FILE it is where an interview resumes.
    let mut file = match &args.save {
        Some(path) => {
            let base = match &args.file {
                Some(input) => Some(crate::diagnostic::read_text(input).map_err(|d| vec![d])?),
                None => None,
            };
            let file = AnswerFile::open(path, base.as_deref(), catalog)?;
            if args.file.is_none() && path.exists() {
                case = case::read(path, catalog)?;
            }
            case.file = path.display().to_string();
            Some(file)
        }
        None => None,
    };
    let sets = chosen_sets(catalog, args.set.as_deref(), &case, lang)?;
    if interactive {
        // A one-set interview records its set, so the file gives the same verdict later;
        // where the file names another set, resuming needs --set.
        let mut resume_set = None;
        if let (Some(file), [one]) = (file.as_mut(), sets.as_slice()) {
            if file.record_set(&one.id) != one.id {
                resume_set = Some(one.id.as_str());
            }
        }
        let outcome = ask(&sets, catalog, &mut case, file.as_mut(), resume_set, io)?;
        let saved = args.save.as_deref().map(|p| (case.answers.len(), p));
        if outcome == Outcome::Interrupted {
            let _ = writeln!(io.stderr, "{}", interrupted(lang, saved, resume_set));
            return Ok(Exit::Error);
        }
        if let Some((count, path)) = saved {
            let path = clean_line(&path.display().to_string());
            let _ = writeln!(io.stderr, "{}", Words(lang).saved(count, &path));
        }
    }
    let report = Report {
        case: &case,
        bank: &catalog.bank,
        evaluations: sets
            .iter()
            .map(|set| engine::evaluate(set, &case.answers))
            .collect(),
        lang,
    };
    write_out(io, &report::render(args.format, &report));
    let Some(expected) = args.expect else {
        return Ok(Exit::Success);
    };
    let mut exit = Exit::Success;
    for e in report.evaluations.iter().filter(|e| e.verdict != expected) {
        let line = Words(lang).expect_mismatch(&e.set.id, expected, e.verdict);
        let _ = writeln!(io.stderr, "{line}");
        exit = Exit::Mismatch;
    }
    Ok(exit)
}

fn test(args: &TestArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let paths = if args.paths.is_empty() {
        vec![std::path::PathBuf::from("examples")]
    } else {
        args.paths.clone()
    };
    let words = Words(io.lang);
    let mut out = io::BufWriter::new(&mut *io.stdout);
    let summary = match args.format {
        suite::Format::Text => {
            let mut sink = suite::text::Text {
                out: &mut out,
                err: &mut *io.stderr,
                words,
            };
            suite::run(&paths, catalog, &mut sink)
        }
        suite::Format::Json => {
            let mut sink = suite::json::Json {
                out: &mut out,
                words,
                first: true,
            };
            suite::run(&paths, catalog, &mut sink)
        }
        suite::Format::Junit => suite::junit::Junit::new(&mut out, words)
            .and_then(|mut sink| suite::run(&paths, catalog, &mut sink)),
        suite::Format::Github => {
            let mut sink = suite::github::Github {
                out: &mut out,
                words,
            };
            suite::run(&paths, catalog, &mut sink)
        }
    };
    let summary = match summary {
        Ok(summary) => summary,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(Exit::Success),
        Err(e) => {
            return Err(Failure::Input(vec![Diagnostic::file(
                "-",
                Problem::Write(e.to_string()),
            )]));
        }
    };
    Ok(if summary.broken > 0 {
        Exit::Error
    } else if summary.failed > 0 {
        Exit::Mismatch
    } else {
        Exit::Success
    })
}

fn init(args: &InitArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let sets: Vec<&CriteriaSet> = match args.set.as_str() {
        "all" => catalog.sets.iter().collect(),
        id => vec![find_set(catalog, id, io.lang)?],
    };
    let template = report::template::render(&sets, &catalog.bank, io.lang);
    let Some(path) = &args.output else {
        write_out(io, &template);
        return Ok(Exit::Success);
    };
    let overwrite = if args.force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    };
    let name = path.display().to_string();
    write_atomic(path, template.as_bytes(), overwrite).map_err(|e| {
        let problem = if e.kind() == io::ErrorKind::AlreadyExists {
            Problem::Exists
        } else {
            Problem::Write(e.to_string())
        };
        Failure::Input(vec![Diagnostic::file(&name, problem)])
    })?;
    let _ = writeln!(io.stderr, "{}", Words(io.lang).written(&clean_line(&name)));
    Ok(Exit::Success)
}

/// `iop agreement`: the draft when the set's verdict is IOP (or with `--force`), else
/// why not on stderr and exit 1.
fn agreement(args: &AgreementArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let lang = io.lang;
    let w = Words(lang);
    // A wrong --set is a usage error whether or not the file is valid: report it first.
    if let Some(id) = args.set.as_deref().filter(|id| *id != "all") {
        find_set(catalog, id, lang)?;
    }
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
    let Some(path) = &args.output else {
        write_out(io, &draft);
        return Ok(Exit::Success);
    };
    let overwrite = if args.force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    };
    let name = path.display().to_string();
    write_atomic(path, draft.as_bytes(), overwrite).map_err(|e| {
        let problem = if e.kind() == io::ErrorKind::AlreadyExists {
            Problem::Exists
        } else {
            Problem::Write(e.to_string())
        };
        Failure::Input(vec![Diagnostic::file(&name, problem)])
    })?;
    let _ = writeln!(io.stderr, "{}", w.written(&name));
    Ok(Exit::Success)
}

fn interrupted(lang: Lang, saved: Option<(usize, &Path)>, set: Option<&str>) -> String {
    let saved = saved.map(|(count, path)| (count, clean_line(&path.display().to_string())));
    Words(lang).interrupted(
        saved.as_ref().map(|(count, path)| (*count, path.as_str())),
        set,
    )
}

/// Runs the interview over the chosen sets: one set in its own order and wording, several
/// as the union of their questions in the bank's order.
fn ask(
    sets: &[&CriteriaSet],
    catalog: &Catalog,
    case: &mut Case,
    mut file: Option<&mut AnswerFile>,
    resume_set: Option<&str>,
    io: &mut Io<'_>,
) -> Result<Outcome, Failure> {
    let words = Words(io.lang);
    let items = match sets {
        [one] => interview::set_items(one, &catalog.bank, words),
        many => interview::bank_items(many, &catalog.bank, words),
    };
    let interview = Interview {
        items,
        words,
        review: io.stdin_is_terminal,
    };
    let path = file.as_ref().map(|f| f.path.clone());
    let lang = io.lang;
    let given = path.as_deref().map(|p| (case.answers.len(), p));
    set_interrupt_message(interrupted(lang, given, resume_set));
    let mut save = |answers: &crate::model::Answers| -> io::Result<()> {
        if let Some(file) = file.as_deref_mut() {
            file.save(answers, &catalog.bank)?;
        }
        let saved = path.as_deref().map(|p| (answers.len(), p));
        set_interrupt_message(interrupted(lang, saved, resume_set));
        Ok(())
    };
    let result = interview.run(&mut case.answers, io.stdin, io.stderr, &mut save);
    set_interrupt_message(String::new());
    result.map_err(|e| {
        let name = path.map_or_else(|| "-".to_string(), |p| p.display().to_string());
        Failure::Input(vec![Diagnostic::file(&name, Problem::Write(e.to_string()))])
    })
}

/// Writes a whole output at once. A closed pipe (`iop … | head`) is not an error.
fn write_out(io: &mut Io<'_>, text: &str) {
    write_out_bytes(io, text.as_bytes());
}

fn write_out_bytes(io: &mut Io<'_>, bytes: &[u8]) {
    if let Err(e) = io.stdout.write_all(bytes).and_then(|()| io.stdout.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(io.stderr, "{}: {e}", Words(io.lang).error());
    }
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
