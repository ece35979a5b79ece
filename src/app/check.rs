//! `iop check`: a case's verdict by one set or several, after an interview for what is
//! open.

use std::io;
use std::path::Path;
use std::sync::Mutex;

use super::select::Selection;
use super::{Failure, Io, read_answer_file, write_document};
use crate::cli::CheckArgs;
use crate::diagnostic::Diagnostic;
use crate::escape::clean_line;
use crate::exit::Exit;
use crate::i18n::{Reply, Words};
use crate::interview::{self, Interview, Keep, Order, Outcome};
use crate::lang::Lang;
use crate::model::case::{self, Case};
use crate::model::save::AnswerFile;
use crate::model::{Answer, Answers, Catalog, CriteriaSet};
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
    // `-` reads the answer file from stdin, where an interview reads its answers.
    if interactive && args.file.as_deref() == Some(Path::new("-")) {
        return Err(Failure::StdinTwice);
    }
    // FILE is read once: for the case, and as the start of a new --save file.
    let input = match &args.file {
        Some(path) => Some(read_answer_file(path, io)?),
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
            if input.is_some() {
                file.same_case(&case, args.force)?;
            }
            if let (None, Some(existing)) = (&input, file.existing.take()) {
                case = existing;
            }
            case.file = crate::escape::path(path);
            Some(file)
        }
        None => None,
    };
    // A new interview on a terminal, saved: the case's context first, and the set of the
    // public party, if it has one, proposed.
    if interactive
        && io.stdin_is_terminal
        && case.answers.is_empty()
        && let Some(file) = file.as_mut()
    {
        if !context(&mut case, file, catalog, io)? {
            let saved = args.save.as_deref().filter(|p| p.exists()).map(|p| (0, p));
            let _ = writeln!(io.stderr, "{}", interrupted(lang, saved, None));
            return Ok(Exit::Error);
        }
        if selection == Selection::Default && case.meta.set.is_none() {
            propose_set(&mut case, catalog, io)?;
        }
    }
    let sets = selection.sets(catalog, &case);
    if interactive {
        // A one-set interview records its set, so the file gives the same verdict later;
        // where the file names another set, resuming needs --set.
        let mut resume_set = None;
        if let (Some(file), [one]) = (file.as_mut(), sets.as_slice())
            && file.record_set(&one.id) != one.id
        {
            resume_set = Some(one.id.as_str());
        }
        let outcome = ask(
            &sets,
            catalog,
            &mut case,
            file.as_mut(),
            resume_set,
            args.all_questions,
            io,
        )?;
        // Only a file that was written, or existed, holds answers to claim.
        let holds = file.as_ref().is_some_and(AnswerFile::holds_answers);
        if outcome == Outcome::Interrupted {
            let message = match args.save.as_deref() {
                Some(path) if !holds => {
                    Words(lang).interrupted_unsaved(&clean_line(&crate::escape::path(path)))
                }
                saved => interrupted(lang, saved.map(|p| (case.answers.len(), p)), resume_set),
            };
            let _ = writeln!(io.stderr, "{message}");
            return Ok(Exit::Error);
        }
        // An interview with nothing to ask still saves the case, as --save promises.
        if let Some(file) = file.as_mut().filter(|f| !f.written()) {
            file.save(&mut case.answers, catalog)
                .map_err(|e| write_failed(&file.path, e))?;
        }
        let saved = args.save.as_deref().map(|p| (case.answers.len(), p));
        if outcome == Outcome::Stopped {
            let saved = saved.map(|(count, path)| (count, clean_line(&crate::escape::path(path))));
            let saved = saved.as_ref().map(|(count, path)| (*count, path.as_str()));
            let _ = writeln!(io.stderr, "\n{}", Words(lang).stopped(saved, resume_set));
        } else if let Some((count, path)) = saved {
            let path = clean_line(&crate::escape::path(path));
            let _ = writeln!(io.stderr, "{}", Words(lang).saved(count, &path));
        }
    }
    let governing = selection.governing(catalog, &case, &sets);
    let report = Report::new(&case, catalog, &sets, governing, lang);
    let bytes = report::render(args.format, &report, io.out).map_err(Failure::Build)?;
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
    let saved = saved.map(|(count, path)| (count, clean_line(&crate::escape::path(path))));
    Words(lang).interrupted(
        saved.as_ref().map(|(count, path)| (*count, path.as_str())),
        set,
    )
}

/// A problem the interview met reading its answers (a line too long), named `-`.
fn stdin_failed(e: io::Error) -> Failure {
    Failure::Input(vec![Diagnostic::from_io("-", e, false)])
}

/// A save that failed, or was refused, named by its file.
fn write_failed(path: &Path, e: io::Error) -> Failure {
    Failure::Input(vec![Diagnostic::from_io(
        &crate::escape::path(path),
        e,
        true,
    )])
}

/// Asks the title, the organisation and the public party that the case does not have
/// yet, each saved as it is given (Enter skips). False when the input ended.
fn context(
    case: &mut Case,
    file: &mut AnswerFile,
    catalog: &Catalog,
    io: &mut Io<'_>,
) -> Result<bool, Failure> {
    let w = Words(io.lang);
    let meta = &mut case.meta;
    let fields: [(&str, &str, &mut Option<String>); 3] = [
        ("title", w.title_prompt(), &mut meta.title),
        (
            "organisation",
            w.organisation_prompt(),
            &mut meta.organisation,
        ),
        (
            "public_party",
            w.public_party_prompt(),
            &mut meta.public_party,
        ),
    ];
    let mut intro = false;
    let path = file.path.clone();
    for (key, prompt, slot) in fields {
        if slot.is_some() {
            continue;
        }
        if !intro {
            let _ = writeln!(io.stderr, "{}", w.context_intro());
            intro = true;
        }
        let line =
            interview::ask_line(prompt, width(io), io.stdin, io.stderr).map_err(stdin_failed)?;
        let Some(line) = line else {
            return Ok(false);
        };
        let value = line.trim();
        if value.is_empty() {
            continue;
        }
        file.set_case_field(key, value);
        file.save(&mut case.answers, catalog)
            .map_err(|e| write_failed(&path, e))?;
        *slot = Some(value.to_string());
        set_interrupt_message(interrupted(io.lang, Some((0, &path)), None));
    }
    if !record(case, file, catalog, io)? {
        return Ok(false);
    }
    if intro {
        let _ = writeln!(io.stderr);
    }
    Ok(true)
}

/// Offers the record a decision memo opens with (diarienummer, date, handläggare,
/// beslutsinstans), for an official; one Enter skips it all. Each is saved as it is
/// given. False when the input ended.
fn record(
    case: &mut Case,
    file: &mut AnswerFile,
    catalog: &Catalog,
    io: &mut Io<'_>,
) -> Result<bool, Failure> {
    let w = Words(io.lang);
    let meta = &case.meta;
    if meta.reference.is_some()
        || meta.date.is_some()
        || meta.officer.is_some()
        || meta.decision_body.is_some()
    {
        return Ok(true);
    }
    let Some(line) = interview::ask_line(w.record_offer(), width(io), io.stdin, io.stderr)
        .map_err(stdin_failed)?
    else {
        return Ok(false);
    };
    if !matches!(w.reply(&line), Some(Reply::Answer(Answer::Yes))) {
        return Ok(true);
    }
    let path = file.path.clone();
    let prompts = [
        ("reference", w.reference_prompt()),
        ("date", w.date_prompt()),
        ("officer", w.officer_prompt()),
        ("decision_body", w.decision_body_prompt()),
    ];
    for (key, prompt) in prompts {
        let value = loop {
            let Some(line) = interview::ask_line(prompt, width(io), io.stdin, io.stderr)
                .map_err(stdin_failed)?
            else {
                return Ok(false);
            };
            let value = line.trim().to_string();
            if key != "date" || value.is_empty() {
                break value;
            }
            match value.parse::<toml_edit::Datetime>() {
                Ok(toml_edit::Datetime {
                    date: Some(date),
                    time: None,
                    ..
                }) => {
                    file.set_case_date(date);
                    break value;
                }
                _ => {
                    let _ = writeln!(io.stderr, "{}", w.date_hint());
                }
            }
        };
        if value.is_empty() {
            continue;
        }
        if key != "date" {
            file.set_case_field(key, &value);
        }
        file.save(&mut case.answers, catalog)
            .map_err(|e| write_failed(&path, e))?;
        let slot = match key {
            "reference" => &mut case.meta.reference,
            "date" => &mut case.meta.date,
            "officer" => &mut case.meta.officer,
            _ => &mut case.meta.decision_body,
        };
        *slot = Some(value);
    }
    Ok(true)
}

/// Where the case's public party has criteria of its own, proposes them instead of
/// every set; the choice is recorded as the case's set by the interview.
fn propose_set(case: &mut Case, catalog: &Catalog, io: &mut Io<'_>) -> Result<(), Failure> {
    let Some(set) = case
        .meta
        .public_party
        .as_deref()
        .and_then(|party| catalog.governing(party))
    else {
        return Ok(());
    };
    let w = Words(io.lang);
    let party = clean_line(case.meta.public_party.as_deref().unwrap_or_default());
    let prompt = w.propose_set(&party, &clean_line(&set.name), &clean_line(&set.id));
    let line =
        interview::ask_line(&prompt, width(io), io.stdin, io.stderr).map_err(stdin_failed)?;
    if let Some(Reply::Answer(Answer::Yes)) = line.as_deref().and_then(|l| w.reply(l)) {
        case.meta.set = Some(set.id.clone());
    }
    let _ = writeln!(io.stderr);
    Ok(())
}

/// The width to break the interview's lines to: stderr's, when the answers are typed at
/// a terminal; through a pipe lines stay whole.
fn width(io: &Io<'_>) -> Option<usize> {
    io.err.width.filter(|_| io.stdin_is_terminal)
}

/// Keeps what the interview is given: every answer, and every note, in the answer file
/// as it is given, and says where they are if Ctrl-C stops the interview.
struct Keeper<'k> {
    file: Option<&'k mut AnswerFile>,
    catalog: &'k Catalog,
    answers: Answers,
    lang: Lang,
    resume_set: Option<&'k str>,
}

impl Keeper<'_> {
    fn write(&mut self) -> io::Result<()> {
        let Some(file) = self.file.as_deref_mut() else {
            return Ok(());
        };
        file.save(&mut self.answers, self.catalog)?;
        let saved = Some((self.answers.len(), file.path.as_path()));
        set_interrupt_message(interrupted(self.lang, saved, self.resume_set));
        Ok(())
    }
}

impl Keep for Keeper<'_> {
    /// Saves the answers; answers changed in the file meanwhile come back merged in.
    fn answers(&mut self, answers: &mut Answers) -> io::Result<()> {
        self.answers = answers.clone();
        self.write()?;
        answers.clone_from(&self.answers);
        Ok(())
    }

    fn note(&mut self, question: &str, note: &str) -> io::Result<()> {
        if let Some(file) = self.file.as_deref_mut() {
            file.set_note(question, note);
        }
        self.write()
    }
}

/// Runs the interview over the chosen sets, the law's questions first: one set in its
/// own order and wording, several as the union of their questions in the bank's order;
/// adaptively unless every question is asked for.
fn ask(
    sets: &[&CriteriaSet],
    catalog: &Catalog,
    case: &mut Case,
    file: Option<&mut AnswerFile>,
    resume_set: Option<&str>,
    all_questions: bool,
    io: &mut Io<'_>,
) -> Result<Outcome, Failure> {
    let lang = io.lang;
    let words = Words(lang);
    let items = match sets {
        [one] => interview::set_items(one, &catalog.law, &catalog.bank, lang),
        many => interview::bank_items(many, &catalog.law, &catalog.bank, lang),
    };
    let ids: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
    let heading = match sets {
        [one] => format!("{} ({})", one.name, one.id),
        _ if sets.len() == catalog.sets.len() => words.interview_all_sets(&ids),
        _ => words.interview_sets(&ids),
    };
    let order = if all_questions {
        Order::Every
    } else {
        Order::Adaptive {
            sets: sets.to_vec(),
            law: &catalog.law,
            bank: &catalog.bank,
        }
    };
    let interview = Interview {
        items,
        heading,
        words,
        order,
        terminal: io.stdin_is_terminal,
        notes: io.stdin_is_terminal && file.is_some(),
        unsaved: file.is_none(),
        width: width(io),
    };
    let path = file.as_ref().map(|f| f.path.clone());
    // Until the first answer is saved, only a file that exists holds answers.
    let given = path
        .as_deref()
        .filter(|p| p.exists())
        .map(|p| (case.answers.len(), p));
    set_interrupt_message(match (&path, given) {
        (Some(_), None) => words.interrupted_unanswered().to_string(),
        _ => interrupted(lang, given, resume_set),
    });
    let mut keeper = Keeper {
        file,
        catalog,
        answers: case.answers.clone(),
        lang,
        resume_set,
    };
    let result = interview.run(
        &mut case.answers,
        &mut case.notes,
        io.stdin,
        io.stderr,
        &mut keeper,
    );
    set_interrupt_message(String::new());
    result.map_err(|e| match path {
        Some(p) => write_failed(&p, e),
        None => stdin_failed(e),
    })
}
