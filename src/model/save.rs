//! Saving answers into an answer file while keeping everything else in it: comments,
//! `[case]`, `[notes]`, `[expect]` and the layout stay as the user wrote them, and so do
//! the byte-order mark, the line ends, the mode and the owner (`files::write_atomic`).
//!
//! Nothing in the file is lost to a save:
//! - the answers of one case are not saved into another case's file without `--force`;
//! - before each save the file is read again, and a change made meanwhile (a note added
//!   in an editor, another interview's answers) is merged in; where the same answer was
//!   changed both there and here, the interview stops and the file is left as it is;
//! - each save holds an advisory lock on the file (`fd-lock`), so two interviews never
//!   save it at once.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use toml_edit::{DocumentMut, Item, Value};

use super::case::{self, Case};
use super::{Answer, Answers, Catalog};
use crate::diagnostic::{self, Diagnostic, FileKind, Problem};
use crate::files::{self, Overwrite, write_atomic};
use crate::{escape, input};

/// An answer file being kept up to date.
pub struct AnswerFile {
    pub path: PathBuf,
    /// The case the file held when it was opened, if it existed: where an interview
    /// without FILE resumes.
    pub existing: Option<Case>,
    /// The file's name as messages show it.
    name: String,
    doc: DocumentMut,
    bom: bool,
    crlf: bool,
    /// The file's bytes as last read or written; `None` while it does not exist.
    on_disk: Option<Vec<u8>>,
    /// The answers in the file as last read or written.
    synced: Answers,
    /// The answers the interview started from: one that differs was given in it.
    start: Answers,
    /// Whether a save has written the file.
    written: bool,
    /// The `[case]` fields and notes set in this interview: `(table, key, value)`.
    edits: Vec<(String, String, Value)>,
}

impl AnswerFile {
    /// Opens `path` for saving. An existing file must be a regular file (or a link to
    /// one) and a valid answer file, or it is left untouched; a new file starts from
    /// `base` (the text of the case being answered), or empty.
    pub fn open(
        path: &Path,
        base: Option<&str>,
        catalog: &Catalog,
    ) -> Result<AnswerFile, Vec<Diagnostic>> {
        let name = escape::path(path);
        let on_disk = read_if_there(path, &name).map_err(|d| vec![d])?;
        let (text, bom, crlf, existing) = match &on_disk {
            Some(bytes) => {
                let text = diagnostic::decode(&name, bytes.clone())
                    .map_err(|d| not_answer_file(&name, vec![d]))?;
                let existing =
                    case::parse(&name, &text, catalog).map_err(|d| not_answer_file(&name, d))?;
                let bom = bytes.starts_with(b"\xef\xbb\xbf");
                (text, bom, files::uses_crlf(bytes), Some(existing))
            }
            None => {
                let text = base.unwrap_or_default().to_string();
                let crlf = files::uses_crlf(text.as_bytes());
                (text, false, crlf, None)
            }
        };
        let doc = text.parse::<DocumentMut>().map_err(|e| {
            let problem = Problem::Syntax(e.message().to_string());
            vec![Diagnostic::at(&name, &text, e.span(), problem)]
        })?;
        let synced = match &existing {
            Some(case) => case.answers.clone(),
            None => case::parse(&name, &text, catalog)
                .map(|c| c.answers)
                .unwrap_or_default(),
        };
        Ok(AnswerFile {
            path: path.to_path_buf(),
            existing,
            name,
            doc,
            bom,
            crlf,
            on_disk,
            start: synced.clone(),
            synced,
            written: false,
            edits: Vec::new(),
        })
    }

    /// Declares the case whose answers will be saved here, when it comes from another
    /// file (`iop check FILE --save OTHER`). An existing file of another case (another
    /// title, or other answers to the same questions) is refused without `force`.
    pub fn same_case(&mut self, case: &Case, force: bool) -> Result<(), Vec<Diagnostic>> {
        if let (Some(existing), false) = (&self.existing, force) {
            let title = |c: &Case| c.meta.title.as_deref().map(str::trim).map(str::to_string);
            let other_title = match (title(existing), title(case)) {
                (Some(there), Some(here)) if there != here => Some(there),
                _ => None,
            };
            let conflicts: Vec<String> = case
                .answers
                .iter()
                .filter(|(id, here)| {
                    let there = existing.answers.get(*id).and_then(|a| a.known());
                    there.is_some() && here.known().is_some() && there != here.known()
                })
                .map(|(id, _)| id.clone())
                .collect();
            if other_title.is_some() || !conflicts.is_empty() {
                let problem = Problem::OtherCase {
                    title: other_title,
                    conflicts,
                };
                return Err(vec![Diagnostic::file(&self.name, problem)]);
            }
        }
        self.start = case.answers.clone();
        Ok(())
    }

    /// Whether the file exists, holding answers: it existed, or a save wrote it.
    pub fn holds_answers(&self) -> bool {
        self.on_disk.is_some()
    }

    /// Whether a save has written the file.
    pub fn written(&self) -> bool {
        self.written
    }

    /// Records the set of a one-set interview in `[case] set`, unless the file names one
    /// already. Returns the set the file names.
    pub fn record_set(&mut self, id: &str) -> String {
        let case = self.doc.entry("case").or_insert_with(toml_edit::table);
        let Some(case) = case.as_table_like_mut() else {
            return id.to_string();
        };
        match case.get("set").and_then(Item::as_str) {
            Some(existing) => existing.to_string(),
            None => {
                case.insert("set", Item::Value(Value::from(id)));
                id.to_string()
            }
        }
    }

    /// Sets a field of `[case]` (a title, an organisation, a public party) in the file
    /// as it will next be saved, keeping the table's other keys and comments.
    pub fn set_case_field(&mut self, key: &str, value: &str) {
        self.set_in("case", key, Value::from(value));
    }

    /// Sets `[case] date`, a TOML date, in the file as it will next be saved.
    pub fn set_case_date(&mut self, date: toml_edit::Date) {
        let datetime = toml_edit::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        };
        self.set_in("case", "date", Value::from(datetime));
    }

    /// Sets the note on a question in `[notes]` as the file will next be saved.
    pub fn set_note(&mut self, question: &str, note: &str) {
        self.set_in("notes", question, Value::from(note));
    }

    /// Sets a value in a table as the file will next be saved, and again after a merge
    /// with changes made outside takes in the file as it is then.
    fn set_in(&mut self, table: &str, key: &str, value: Value) {
        self.edits.retain(|(t, k, _)| !(t == table && k == key));
        self.edits
            .push((table.to_string(), key.to_string(), value.clone()));
        self.apply(table, key, value);
    }

    /// Sets a value in a table of the document, keeping the decor of a value it replaces.
    fn apply(&mut self, table: &str, key: &str, value: Value) {
        let Some(table) = self
            .doc
            .entry(table)
            .or_insert_with(toml_edit::table)
            .as_table_like_mut()
        else {
            return;
        };
        match table.get_mut(key).and_then(Item::as_value_mut) {
            Some(old) => {
                let decor = old.decor().clone();
                *old = value;
                *old.decor_mut() = decor;
            }
            None => {
                table.insert(key, Item::Value(value));
            }
        }
    }

    /// Saves the answers given: under the file's lock, after merging in what changed in
    /// the file since it was last read (which may change `answers` too), new answers in
    /// the bank's order. A refusal is an `io::Error` that carries its diagnostic.
    pub fn save(&mut self, answers: &mut Answers, catalog: &Catalog) -> io::Result<()> {
        // A file that appears between the look and the write is merged in turn.
        let mut tries = 0;
        loop {
            match self.save_once(answers, catalog) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 3 => tries += 1,
                done => return done,
            }
        }
    }

    /// One save under the file's lock, waiting up to `input::WAIT` for another iop to
    /// finish its own. `AlreadyExists` when the file at the path is no longer the one
    /// locked (a save renames a new file into place) or appeared meanwhile: look again.
    fn save_once(&mut self, answers: &mut Answers, catalog: &Catalog) -> io::Result<()> {
        if !self.path.exists() {
            return self.save_locked(answers, catalog, None);
        }
        // Windows lets no other handle read a locked file, nor replace one that is open:
        // there the save reads and writes through the handle that holds the lock.
        let through = cfg!(windows);
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(through)
            .open(&self.path)?;
        let mut lock = fd_lock::RwLock::new(file);
        let since = Instant::now();
        loop {
            match lock.try_write() {
                Ok(mut guard) => {
                    if !same_file(&guard, &self.path)? {
                        return Err(io::ErrorKind::AlreadyExists.into());
                    }
                    let handle = Some(&mut *guard).filter(|_| through);
                    return self.save_locked(answers, catalog, handle);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(e),
            }
            if since.elapsed() > input::WAIT {
                let problem = Problem::Busy {
                    seconds: input::WAIT.as_secs(),
                };
                return Err(Diagnostic::file(&self.name, problem).into_io());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// One save, under the lock; `through` is the locked file where the save must read and
    /// write through it (Windows).
    fn save_locked(
        &mut self,
        answers: &mut Answers,
        catalog: &Catalog,
        mut through: Option<&mut File>,
    ) -> io::Result<()> {
        let now = match through.as_deref_mut() {
            Some(file) => read_through(file, &self.name).map(Some),
            None => read_if_there(&self.path, &self.name),
        }
        .map_err(Diagnostic::into_io)?;
        if now != self.on_disk {
            match now {
                Some(now) => {
                    self.merge(now, answers, catalog)?;
                    // The fields and notes given in this interview stand over the file's.
                    for (table, key, value) in self.edits.clone() {
                        self.apply(&table, &key, value);
                    }
                }
                None => self.on_disk = None,
            }
        }
        let table = self
            .doc
            .entry("answers")
            .or_insert_with(toml_edit::table)
            .as_table_like_mut()
            .ok_or_else(|| io::Error::other("[answers] is not a table"))?;
        let mut changed = Vec::new();
        for id in catalog.bank.ids() {
            let Some(&answer) = answers.get(id) else {
                continue;
            };
            let there = self.synced.get(id).copied();
            let given = self.start.get(id) != Some(&answer);
            // A known answer in the file is not replaced by an "unknown" the interview
            // did not give (from FILE, when saving into another file of the same case).
            let keep = there.and_then(Answer::known).is_some() && answer.known().is_none();
            if there == Some(answer) || (keep && !given) {
                continue;
            }
            let value = match answer {
                Answer::Yes => Value::from(true),
                Answer::No => Value::from(false),
                Answer::Unknown => Value::from("unknown"),
            };
            match table.get_mut(id).and_then(Item::as_value_mut) {
                Some(old) => {
                    let decor = old.decor().clone();
                    *old = value;
                    *old.decor_mut() = decor;
                }
                None => {
                    table.insert(id, Item::Value(value));
                }
            }
            changed.push((id.to_string(), answer));
        }
        let mut text = if self.bom {
            "\u{feff}".to_string()
        } else {
            String::new()
        };
        text.push_str(&self.doc.to_string());
        let bytes = files::with_line_ends(&text, self.crlf)
            .into_owned()
            .into_bytes();
        let overwrite = match self.on_disk {
            Some(_) => Overwrite::Allow,
            None => Overwrite::Refuse,
        };
        match (through, &self.on_disk) {
            (Some(file), Some(old)) => files::rewrite_through(file, &self.path, old, &bytes)?,
            _ => write_atomic(&self.path, &bytes, overwrite)?,
        }
        self.on_disk = Some(bytes);
        self.synced.extend(changed);
        self.written = true;
        Ok(())
    }

    /// Takes in the file as it is now: its answers changed there become the interview's
    /// too, unless the interview changed them as well (then nothing is saved).
    fn merge(&mut self, now: Vec<u8>, answers: &mut Answers, catalog: &Catalog) -> io::Result<()> {
        let invalid = || {
            let problem = Problem::ChangedOutside {
                conflicts: Vec::new(),
            };
            Diagnostic::file(&self.name, problem).into_io()
        };
        let text = diagnostic::decode(&self.name, now.clone()).map_err(|_| invalid())?;
        let theirs = case::parse(&self.name, &text, catalog).map_err(|_| invalid())?;
        let doc = text.parse::<DocumentMut>().map_err(|_| invalid())?;
        let mut ids: Vec<String> = self.synced.keys().cloned().collect();
        ids.extend(theirs.answers.keys().cloned());
        ids.sort();
        ids.dedup();
        let mut conflicts = Vec::new();
        let mut taken = Vec::new();
        for id in ids {
            let there = theirs.answers.get(&id);
            if there == self.synced.get(&id) {
                continue;
            }
            let here = answers.get(&id);
            if here != self.start.get(&id) && here != there {
                conflicts.push(id);
            } else {
                taken.push((id, there.copied()));
            }
        }
        if !conflicts.is_empty() {
            let problem = Problem::ChangedOutside { conflicts };
            return Err(Diagnostic::file(&self.name, problem).into_io());
        }
        for (id, there) in taken {
            match there {
                Some(answer) => {
                    answers.insert(id.clone(), answer);
                    self.start.insert(id, answer);
                }
                None => {
                    answers.remove(&id);
                    self.start.remove(&id);
                }
            }
        }
        self.bom = now.starts_with(b"\xef\xbb\xbf");
        self.crlf = files::uses_crlf(&now);
        self.doc = doc;
        self.synced = theirs.answers;
        self.on_disk = Some(now);
        Ok(())
    }
}

/// The bytes of the file at `path`, or `None` if there is none. What is there must be a
/// regular file, or a link to one.
fn read_if_there(path: &Path, name: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Diagnostic::file(name, Problem::Read((&e).into()))),
        Ok(_) => {}
    }
    let meta = match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let target = std::fs::read_link(path).unwrap_or_default();
            let target = escape::path(&target);
            return Err(Diagnostic::file(name, Problem::DanglingLink { target }));
        }
        Err(e) => return Err(Diagnostic::file(name, Problem::Read((&e).into()))),
        Ok(meta) => meta,
    };
    if meta.is_dir() {
        return Err(Diagnostic::file(name, Problem::Folder));
    }
    if let Some(kind) = FileKind::of(meta.file_type()) {
        return Err(Diagnostic::file(name, Problem::WontWrite { kind }));
    }
    input::read_file(path, name).map(Some)
}

/// The bytes of the locked file, read through its handle, within `input::MAX_FILE`.
fn read_through(file: &mut File, name: &str) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Seek;
    let failed = |e: io::Error| Diagnostic::file(name, Problem::Read((&e).into()));
    file.rewind().map_err(failed)?;
    input::read_limited(&mut *file, input::MAX_FILE, 0)
        .map_err(failed)?
        .ok_or_else(|| {
            let limit = input::MAX_FILE;
            Diagnostic::file(name, Problem::TooLarge { limit })
        })
}

/// Whether `file` is the file at `path` now.
fn same_file(file: &File, path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (locked, there) = (file.metadata()?, std::fs::metadata(path)?);
        Ok((locked.dev(), locked.ino()) == (there.dev(), there.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        Ok(true)
    }
}

fn not_answer_file(name: &str, mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.insert(0, Diagnostic::file(name, Problem::NotAnswerFile));
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::criteria;

    #[test]
    fn keeps_comments_and_other_tables() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        let original = "# Ungdomsbussen\n[case]\ntitle = \"U\" # the bus\n\n[answers]\nlong_term = \"unknown\" # ask\n\n[notes]\nlong_term = \"?\"\n";
        std::fs::write(&path, original).unwrap();
        let mut file = AnswerFile::open(&path, None, &catalog).unwrap();
        let answers: Answers = [
            ("long_term".to_string(), Answer::Yes),
            ("cofinanced".to_string(), Answer::No),
        ]
        .into();
        file.save(&mut answers.clone(), &catalog).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            saved,
            "# Ungdomsbussen\n[case]\ntitle = \"U\" # the bus\n\n[answers]\nlong_term = true # ask\ncofinanced = false\n\n[notes]\nlong_term = \"?\"\n"
        );
        let case = case::parse("x", &saved, &catalog).unwrap();
        assert_eq!(case.answers, answers);
    }

    #[test]
    fn refuses_a_file_that_is_not_an_answer_file() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Cargo.toml");
        std::fs::write(&path, "[package]\nname = \"x\"\n").unwrap();
        let problems = AnswerFile::open(&path, None, &catalog).err().unwrap();
        assert_eq!(problems[0].problem, Problem::NotAnswerFile);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "[package]\nname = \"x\"\n"
        );
    }

    #[test]
    fn a_new_file_starts_from_the_case() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.toml");
        let mut file = AnswerFile::open(&path, Some("[case]\ntitle = \"T\"\n"), &catalog).unwrap();
        file.save(
            &mut [("cofinanced".to_string(), Answer::Unknown)].into(),
            &catalog,
        )
        .unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            saved,
            "[case]\ntitle = \"T\"\n\n[answers]\ncofinanced = \"unknown\"\n"
        );
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(k, a)| (k.to_string(), *a)).collect()
    }

    #[test]
    fn crlf_and_the_byte_order_mark_are_kept() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        std::fs::write(
            &path,
            "\u{feff}[case]\r\ntitle = \"W\"\r\n\r\n[answers]\r\nlong_term = true\r\n",
        )
        .unwrap();
        let mut file = AnswerFile::open(&path, None, &catalog).unwrap();
        let mut given = answers(&[("long_term", Answer::Yes), ("cofinanced", Answer::No)]);
        file.save(&mut given, &catalog).unwrap();
        let saved = std::fs::read(&path).unwrap();
        assert_eq!(
            String::from_utf8(saved).unwrap(),
            "\u{feff}[case]\r\ntitle = \"W\"\r\n\r\n[answers]\r\nlong_term = true\r\ncofinanced = false\r\n"
        );
    }

    #[test]
    fn a_note_added_during_the_interview_is_kept() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        std::fs::write(&path, "[answers]\nlong_term = true\n").unwrap();
        let mut file = AnswerFile::open(&path, None, &catalog).unwrap();
        let mut given = answers(&[("long_term", Answer::Yes), ("cofinanced", Answer::No)]);
        file.save(&mut given, &catalog).unwrap();
        // An editor adds a note and answers another question meanwhile.
        let edited = std::fs::read_to_string(&path).unwrap()
            + "shared_goals = true\n\n[notes]\ncofinanced = \"Lokalen är kommunens.\"\n";
        std::fs::write(&path, edited).unwrap();
        given.insert("long_term".into(), Answer::No);
        file.save(&mut given, &catalog).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        let case = case::parse("x", &saved, &catalog).unwrap();
        assert_eq!(case.notes["cofinanced"], "Lokalen är kommunens.");
        assert_eq!(
            case.answers["long_term"],
            Answer::No,
            "the answer given here"
        );
        assert_eq!(
            case.answers["shared_goals"],
            Answer::Yes,
            "the answer given there"
        );
        assert_eq!(
            given["shared_goals"],
            Answer::Yes,
            "taken into the interview"
        );
    }

    #[test]
    fn the_same_answer_changed_there_and_here_stops_the_interview() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        std::fs::write(&path, "[answers]\n").unwrap();
        let mut file = AnswerFile::open(&path, None, &catalog).unwrap();
        std::fs::write(&path, "[answers]\ncofinanced = true\n").unwrap();
        let mut given = answers(&[("cofinanced", Answer::No)]);
        let e = file.save(&mut given, &catalog).unwrap_err();
        let d = Diagnostic::from_io("x", e, true);
        assert_eq!(
            d.problem,
            Problem::ChangedOutside {
                conflicts: vec!["cofinanced".into()]
            }
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "[answers]\ncofinanced = true\n",
            "left as it was"
        );
    }

    #[test]
    fn another_case_is_not_saved_into_without_force() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.toml");
        let other = "[case]\ntitle = \"Annat\"\n\n[answers]\ncofinanced = true\n";
        std::fs::write(&path, other).unwrap();
        let here = case::parse(
            "mine",
            "[case]\ntitle = \"Mitt\"\n[answers]\ncofinanced = false\n",
            &catalog,
        )
        .unwrap();
        let mut file = AnswerFile::open(&path, Some(""), &catalog).unwrap();
        let d = file.same_case(&here, false).unwrap_err();
        assert_eq!(
            d[0].problem,
            Problem::OtherCase {
                title: Some("Annat".into()),
                conflicts: vec!["cofinanced".into()]
            }
        );
        assert!(file.same_case(&here, true).is_ok());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), other);
    }

    #[test]
    fn concurrent_saves_keep_every_answer() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        std::fs::write(&path, "[case]\ntitle = \"T\"\n").unwrap();
        let ids: Vec<String> = catalog.bank.ids().map(String::from).take(8).collect();
        std::thread::scope(|scope| {
            for half in ids.chunks(4) {
                let (catalog, path) = (&catalog, &path);
                scope.spawn(move || {
                    let mut file = AnswerFile::open(path, None, catalog).unwrap();
                    let mut given = Answers::new();
                    for id in half {
                        given.insert(id.clone(), Answer::Yes);
                        file.save(&mut given, catalog).unwrap();
                    }
                });
            }
        });
        let saved = std::fs::read_to_string(&path).unwrap();
        let case = case::parse("x", &saved, &catalog).unwrap();
        assert_eq!(case.answers.len(), 8, "{saved}");
    }

    #[test]
    fn case_fields_and_notes_are_set_beside_what_is_there() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        let original = "[case]\ntitle = \"Old\" # keep\n\n[notes]\ncofinanced = \"x\"\n";
        std::fs::write(&path, original).unwrap();
        let mut file = AnswerFile::open(&path, None, &catalog).unwrap();
        file.set_case_field("title", "Ny \"rubrik\"");
        file.set_case_field("public_party", "Falu kommun");
        file.set_note("market_exists", "Inga företag.");
        file.save(&mut Answers::new(), &catalog).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        let case = case::parse("x", &saved, &catalog).unwrap();
        assert_eq!(case.meta.title.as_deref(), Some("Ny \"rubrik\""));
        assert_eq!(case.meta.public_party.as_deref(), Some("Falu kommun"));
        assert_eq!(case.notes["market_exists"], "Inga företag.");
        assert_eq!(case.notes["cofinanced"], "x");
        assert!(saved.contains("# keep"), "{saved}");
        // A note added outside before the next save is merged in; this interview's
        // fields stay.
        std::fs::write(&path, format!("{saved}\n# edited\n")).unwrap();
        file.set_note("long_term", "Tre år.");
        file.save(&mut Answers::new(), &catalog).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert!(
            saved.contains("# edited") && saved.contains("Tre år."),
            "{saved}"
        );
        let case = case::parse("x", &saved, &catalog).unwrap();
        assert_eq!(case.meta.public_party.as_deref(), Some("Falu kommun"));
    }
}
