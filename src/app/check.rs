//! `iop check`: a case's verdict by one set or several, after an interview for what is
//! open.

use std::io;
use std::path::Path;
use std::sync::Mutex;

use super::select::Selection;
use super::{Failure, Io, write_document};
use crate::cli::CheckArgs;
use crate::diagnostic::{Diagnostic, Problem, read_text};
use crate::escape::clean_line;
use crate::exit::Exit;
use crate::i18n::Words;
use crate::interview::{self, Interview, Outcome};
use crate::lang::Lang;
use crate::model::case::{self, Case};
use crate::model::save::AnswerFile;
use crate::model::{Catalog, CriteriaSet};
use crate::report::{self, Report};

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

pub(super) fn check(args: &CheckArgs, catalog: &Catalog, io: &mut Io<'_>) -> Result<Exit, Failure> {
    let lang = io.lang;
    // Arguments first: a wrong set is a usage error whether or not the file is valid, and
    // a Word document is not written to a terminal.
    let selection = Selection::parse(args.set.as_deref(), catalog)?;
    if args.format.is_binary() && args.output.is_none() && io.stdout_is_terminal {
        return Err(Failure::BinaryToTerminal { format: "docx" });
    }
    let interactive = args.interactive || args.file.is_none() || args.save.is_some();
    // FILE is read once: for the case, and as the start of a new --save file.
    let input = match &args.file {
        Some(path) => Some((
            path.display().to_string(),
            read_text(path).map_err(|d| vec![d])?,
        )),
        None => None,
    };
    let mut case = match &input {
        Some((name, text)) => case::parse(name, text, catalog)?,
        None => Case::default(),
    };
    // The file the answers are saved in: an existing one must be an answer file, and
    // without FILE it is where an interview resumes.
    let mut file = match &args.save {
        Some(path) => {
            let base = input.as_ref().map(|(_, text)| text.as_str());
            let mut file = AnswerFile::open(path, base, catalog)?;
            if let (None, Some(existing)) = (&input, file.existing.take()) {
                case = existing;
            }
            case.file = path.display().to_string();
            Some(file)
        }
        None => None,
    };
    let sets = selection.sets(catalog, &case);
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
    let governing = selection.governing(catalog, &case, &sets);
    let report = Report::new(&case, catalog, &sets, governing, lang);
    let bytes = report::render(args.format, &report).map_err(|error| Failure::Output {
        target: args.output.as_ref().map(|p| p.display().to_string()),
        error,
    })?;
    write_document(io, &bytes, args.output.as_deref(), args.force)?;
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

fn interrupted(lang: Lang, saved: Option<(usize, &Path)>, set: Option<&str>) -> String {
    let saved = saved.map(|(count, path)| (count, clean_line(&path.display().to_string())));
    Words(lang).interrupted(
        saved.as_ref().map(|(count, path)| (*count, path.as_str())),
        set,
    )
}

/// Runs the interview over the chosen sets, the law's questions first: one set in its
/// own order and wording, several as the union of their questions in the bank's order.
fn ask(
    sets: &[&CriteriaSet],
    catalog: &Catalog,
    case: &mut Case,
    mut file: Option<&mut AnswerFile>,
    resume_set: Option<&str>,
    io: &mut Io<'_>,
) -> Result<Outcome, Failure> {
    let lang = io.lang;
    let words = Words(lang);
    let items = match sets {
        [one] => interview::set_items(one, &catalog.law, &catalog.bank, lang),
        many => interview::bank_items(many, &catalog.law, &catalog.bank, lang),
    };
    let heading = match sets {
        [one] => format!("{} ({})", one.name, one.id),
        many => words.interview_all_sets(&many.iter().map(|s| s.id.as_str()).collect::<Vec<_>>()),
    };
    let interview = Interview {
        items,
        heading,
        words,
        review: io.stdin_is_terminal,
    };
    let path = file.as_ref().map(|f| f.path.clone());
    // Until the first answer is saved, only a file that exists holds answers.
    let given = path
        .as_deref()
        .filter(|p| p.exists())
        .map(|p| (case.answers.len(), p));
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
    result.map_err(|e| match path {
        Some(p) => Failure::Input(vec![Diagnostic::file(
            &p.display().to_string(),
            Problem::Write(e.to_string()),
        )]),
        None => Failure::Output {
            target: None,
            error: e,
        },
    })
}
