//! Problems found in input files, with the place they were found.
//!
//! A loader never prints: it returns `Diagnostic`s, and the caller renders them in the
//! user's language (see `i18n::Words::problem`).

use std::cell::{Cell, OnceCell};
use std::io;
use std::ops::Range;
use std::path::Path;

/// How bad a problem is. Only `iop validate` reports warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file: 1-based line and column (in characters), and a window of the
/// line's text around the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// The line's text, or at most `WINDOW` characters either side of the column, with
    /// `…` where the line goes on: a diagnostic never copies a whole long line.
    pub line_text: String,
    /// The 1-based column of the problem in `line_text`.
    pub text_column: usize,
    /// How many characters of `line_text` the problem covers (at least 1).
    pub width: usize,
}

/// How many characters of a line a diagnostic shows on either side of the column.
pub const WINDOW: usize = 80;

/// How many problems are reported of one file; the rest are counted.
pub const CAP: usize = 50;

impl Location {
    /// Finds the line and column of a byte range of `text`. Scans the text: for more
    /// than one place in the same text, use `Lines`.
    pub fn of(text: &str, span: Range<usize>) -> Location {
        Lines::new(text).locate(span)
    }

    /// The text to show and the 1-based column of the problem in it.
    pub fn excerpt(&self) -> (&str, usize) {
        (&self.line_text, self.text_column)
    }
}

/// Where the lines of a text start, found once, so that locating any number of
/// problems in one file takes time linear in its size.
pub struct Lines<'t> {
    text: &'t str,
    /// The byte offset of every line's start, found on first use.
    starts: OnceCell<Vec<usize>>,
    /// Every `MARK` bytes (at a character boundary): the byte offset and how many
    /// characters come before it. Found on first use, which only a column needs: a line
    /// number (an expectation's, in `iop test`) does not pay for counting characters.
    marks: OnceCell<Vec<(usize, usize)>>,
    /// Bytes looked at so far, building the index and locating: for tests of linearity.
    work: Cell<usize>,
}

const MARK: usize = 256;

impl<'t> Lines<'t> {
    /// The index is built on first use.
    pub fn new(text: &'t str) -> Lines<'t> {
        Lines {
            text,
            starts: OnceCell::new(),
            marks: OnceCell::new(),
            work: Cell::new(0),
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Bytes looked at so far.
    pub fn work(&self) -> usize {
        self.work.get()
    }

    fn starts(&self) -> &[usize] {
        self.starts.get_or_init(|| {
            self.work.set(self.work.get() + self.text.len());
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    fn marks(&self) -> &[(usize, usize)] {
        self.marks.get_or_init(|| {
            let text = self.text;
            self.work.set(self.work.get() + text.len());
            let mut marks = vec![(0, 0)];
            let mut next = MARK;
            for (chars, (i, _)) in text.char_indices().enumerate() {
                if i >= next {
                    marks.push((i, chars));
                    next = i + MARK;
                }
            }
            marks
        })
    }

    /// How many characters come before byte `at` (a character boundary).
    fn chars_before(&self, at: usize) -> usize {
        let marks = self.marks();
        let (from, count) = marks[marks.partition_point(|(b, _)| *b <= at) - 1];
        self.work.set(self.work.get() + (at - from));
        count + self.text[from..at].chars().count()
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        self.starts().partition_point(|s| *s <= offset)
    }

    /// The line, column and a window of the line's text of a byte range.
    pub fn locate(&self, span: Range<usize>) -> Location {
        let text = self.text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line = self.line(start);
        let starts = self.starts();
        let line_start = starts[line - 1];
        let line_end = starts
            .get(line)
            .map_or(text.len(), |next| next - 1)
            .max(start);
        let column = self.chars_before(start) - self.chars_before(line_start) + 1;
        // The window: up to WINDOW characters before the start, and after it as many as
        // make 2 × WINDOW, within the line: a line that short is shown whole.
        let mut from = start;
        let mut taken = 0;
        while taken < WINDOW {
            match text[line_start..from].chars().next_back() {
                Some(c) => from -= c.len_utf8(),
                None => break,
            }
            taken += 1;
        }
        let mut to = start;
        for _ in taken..2 * WINDOW {
            match text[to..line_end].chars().next() {
                Some(c) => to += c.len_utf8(),
                None => break,
            }
        }
        self.work.set(self.work.get() + (to - from));
        let rest = text[to..line_end].trim_end_matches('\r');
        let window = if rest.is_empty() {
            text[from..to].trim_end_matches('\r')
        } else {
            &text[from..to]
        };
        let mut line_text = String::with_capacity(window.len() + 6);
        let mut text_column = text[from..start].chars().count() + 1;
        if from > line_start {
            line_text.push('…');
            text_column += 1;
        }
        line_text.push_str(window);
        if !rest.is_empty() {
            line_text.push('…');
        }
        let width = text[start..end.min(to)].chars().count().max(1);
        Location {
            line,
            column,
            line_text,
            text_column,
            width,
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The kind of a file system object that is not a regular file or a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl FileKind {
    /// The kind of a non-regular file; `None` for a regular file or a folder.
    pub fn of(file_type: std::fs::FileType) -> Option<FileKind> {
        if file_type.is_file() || file_type.is_dir() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(FileKind::Fifo);
            }
            if file_type.is_char_device() {
                return Some(FileKind::CharDevice);
            }
            if file_type.is_block_device() {
                return Some(FileKind::BlockDevice);
            }
            if file_type.is_socket() {
                return Some(FileKind::Socket);
            }
        }
        Some(FileKind::Other)
    }
}

/// What the operating system said when a file could not be read or written: its kind,
/// which iop puts in the user's words where it has words for it (a file not found, no
/// permission, a full disk), and its own message for the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsError {
    pub kind: io::ErrorKind,
    pub message: String,
}

impl From<&io::Error> for OsError {
    fn from(error: &io::Error) -> OsError {
        OsError {
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

/// What is wrong. Rendered in both languages by `i18n::Words::problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file could not be read.
    Read(OsError),
    /// A folder was given where a file is read.
    Folder,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The TOML itself is malformed (the parser's message).
    Syntax(String),
    /// A criteria file does not have the expected shape (the deserializer's message).
    Shape(String),
    /// A key holds a value where a table (`[name]`) is expected.
    NotATable {
        key: String,
    },
    /// A top-level table or key that the file kind does not have.
    UnknownTable {
        name: String,
        expected: &'static [&'static str],
        suggestion: Option<String>,
    },
    /// A key that a table does not have.
    UnknownKey {
        table: String,
        key: String,
        expected: &'static [&'static str],
        suggestion: Option<String>,
    },
    /// A key that should be a question id and is not.
    UnknownQuestion {
        table: String,
        key: String,
        suggestion: Option<String>,
    },
    /// A value of the wrong type.
    WrongType {
        key: String,
        expected: Expected,
    },
    UnknownVerdict {
        value: String,
        suggestion: Option<String>,
    },
    UnknownSet {
        value: String,
        suggestion: Option<String>,
    },
    /// A set uses the same question twice.
    DuplicateQuestion {
        id: String,
        first_line: usize,
    },
    /// Two files define the same set id, or the bank defines a question twice.
    DuplicateId {
        id: String,
        other: String,
    },
    /// A criteria file is neither a set (`id = …`) nor a question bank (`[[question]]`).
    NotCriteria,
    /// A criteria file is both a set and a question bank.
    BothKinds,
    /// A wording is missing or empty in one language.
    MissingText {
        field: String,
        lang: &'static str,
    },
    /// A required key is missing or empty.
    Missing {
        field: String,
    },
    InvalidRoute {
        value: String,
    },
    InvalidId {
        value: String,
    },
    /// A set that has no criteria.
    EmptySet,
    /// A folder given to `--criteria` holds no `.toml` file.
    NoCriteriaFiles,
    /// A file to save answers in exists and is not an answer file; it is left as it was.
    NotAnswerFile,
    /// A file to write exists, and `--force` was not given.
    Exists,
    /// A file could not be written.
    Write(OsError),
    /// A set id that replaces a built-in set (a warning from `iop validate`).
    ReplacesBuiltin {
        id: String,
    },
    /// A question of the bank that no set uses (a warning from `iop validate`).
    UnusedQuestion {
        id: String,
    },
    /// A key of version 1 of the decision model that version 2 replaced.
    ReplacedQuestion {
        key: String,
        replacements: &'static [&'static str],
    },
    /// An answer given to a fact, which is answered by its questions.
    FactAnswered {
        fact: String,
        questions: Vec<String>,
    },
    /// A set names a question that belongs to a fact; sets use the fact.
    FactQuestionInSet {
        question: String,
        fact: String,
    },
    /// A fact and a question of the bank share an id.
    FactIsQuestion {
        id: String,
    },
    /// A route other than `none` without the source that gives it.
    RouteWithoutSource {
        id: String,
    },
    /// A `route_source` on a question whose route is `none`.
    SourceWithoutRoute {
        id: String,
    },
    /// A citation id that the law does not define.
    UnknownCitation {
        id: String,
        suggestion: Option<String>,
    },
    /// `required` set to anything but `false`.
    RequiredNotFalse,
    /// A set's `kind` that is not one of the kinds.
    InvalidKind {
        value: String,
    },
    /// The file is larger than iop reads (`input::MAX_FILE`).
    TooLarge {
        limit: u64,
    },
    /// A line typed at the interview is longer than iop reads (`input::MAX_LINE`).
    LineTooLong {
        limit: usize,
    },
    /// A FIFO, device or socket found in a folder: reported, never read.
    NotRegular {
        kind: FileKind,
    },
    /// A file iop does not write into: a block device, a socket, or (for `--save`) any
    /// file that is not a regular file.
    WontWrite {
        kind: FileKind,
    },
    /// Reading or writing a FIFO or device did not finish in time.
    TimedOut {
        seconds: u64,
        writing: bool,
    },
    /// A symbolic link to a file that does not exist.
    DanglingLink {
        target: String,
    },
    /// `--save` names an answer file of another case (another title, or other answers).
    OtherCase {
        title: Option<String>,
        conflicts: Vec<String>,
    },
    /// The answer file was changed during the interview in a way that cannot be merged:
    /// the same answers changed both there and here, or it is no longer an answer file.
    ChangedOutside {
        conflicts: Vec<String>,
    },
    /// Another iop holds the answer file's lock for longer than it waits.
    Busy {
        seconds: u64,
    },
    /// More problems in the same file than are shown (`CAP`).
    MoreProblems {
        count: usize,
    },
    /// A value that is not one of those a key takes.
    InvalidValue {
        value: String,
        expected: &'static [&'static str],
    },
    /// A `{name}` in a text that the text cannot name.
    UnknownPlaceholder {
        name: String,
        expected: &'static [&'static str],
        suggestion: Option<String>,
    },
    /// A commitment or a section names a section the agreement does not have.
    UnknownSection {
        id: String,
        suggestion: Option<String>,
    },
    /// A section takes the commitment of a question that has none.
    NoCommitment {
        id: String,
    },
    /// A table that must have exactly one of some keys has none or several.
    OneOf {
        table: String,
        keys: &'static [&'static str],
    },
}

impl Problem {
    /// A stable code for the problem, for scripts and CI reports: it never changes with
    /// the language or the wording.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Read(_) => "E-read",
            Problem::Folder => "E-folder",
            Problem::NotUtf8 => "E-not-utf8",
            Problem::Syntax(_) => "E-syntax",
            Problem::Shape(_) => "E-shape",
            Problem::NotATable { .. } => "E-not-a-table",
            Problem::UnknownTable { .. } => "E-unknown-table",
            Problem::UnknownKey { .. } => "E-unknown-key",
            Problem::UnknownQuestion { .. } => "E-unknown-question",
            Problem::WrongType { .. } => "E-wrong-type",
            Problem::UnknownVerdict { .. } => "E-unknown-verdict",
            Problem::UnknownSet { .. } => "E-unknown-set",
            Problem::DuplicateQuestion { .. } => "E-duplicate-question",
            Problem::DuplicateId { .. } => "E-duplicate-id",
            Problem::NotCriteria => "E-not-criteria",
            Problem::BothKinds => "E-mixed-kinds",
            Problem::MissingText { .. } => "E-missing-text",
            Problem::Missing { .. } => "E-missing",
            Problem::InvalidRoute { .. } => "E-invalid-route",
            Problem::InvalidId { .. } => "E-invalid-id",
            Problem::EmptySet => "E-empty-set",
            Problem::NoCriteriaFiles => "E-no-criteria-files",
            Problem::NotAnswerFile => "E-not-answer-file",
            Problem::Exists => "E-exists",
            Problem::Write(_) => "E-write",
            Problem::ReplacesBuiltin { .. } => "W-replaces-builtin",
            Problem::UnusedQuestion { .. } => "W-unused-question",
            Problem::ReplacedQuestion { .. } => "E-replaced-question",
            Problem::FactAnswered { .. } => "E-fact-answered",
            Problem::FactQuestionInSet { .. } => "E-fact-question-in-set",
            Problem::FactIsQuestion { .. } => "E-fact-is-question",
            Problem::RouteWithoutSource { .. } => "E-route-without-source",
            Problem::SourceWithoutRoute { .. } => "E-source-without-route",
            Problem::UnknownCitation { .. } => "E-unknown-citation",
            Problem::RequiredNotFalse => "E-required-not-false",
            Problem::InvalidKind { .. } => "E-invalid-kind",
            Problem::TooLarge { .. } => "E-too-large",
            Problem::LineTooLong { .. } => "E-line-too-long",
            Problem::NotRegular { .. } => "E-not-regular",
            Problem::WontWrite { .. } => "E-wont-write",
            Problem::TimedOut { .. } => "E-timed-out",
            Problem::DanglingLink { .. } => "E-dangling-link",
            Problem::OtherCase { .. } => "E-other-case",
            Problem::ChangedOutside { .. } => "E-changed-outside",
            Problem::Busy { .. } => "E-busy",
            Problem::MoreProblems { .. } => "E-more-problems",
            Problem::InvalidValue { .. } => "E-invalid-value",
            Problem::UnknownPlaceholder { .. } => "E-unknown-placeholder",
            Problem::UnknownSection { .. } => "W-unknown-section",
            Problem::NoCommitment { .. } => "E-no-commitment",
            Problem::OneOf { .. } => "E-one-of",
        }
    }
}

/// The kind of value a key expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `true`, `false` or `"unknown"`.
    Answer,
    String,
    /// A verdict id, as a string.
    Verdict,
    Table,
    /// A TOML date (`2026-11-26`).
    Date,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub location: Option<Location>,
    pub problem: Problem,
}

impl Diagnostic {
    /// A problem with the file as a whole.
    pub fn file(file: &str, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            location: None,
            problem,
        }
    }

    /// A problem at a byte range of the file's text. Scans the text: for more than one
    /// problem in the same text, use `in_lines`.
    pub fn at(file: &str, text: &str, span: Option<Range<usize>>, problem: Problem) -> Diagnostic {
        Diagnostic::in_lines(file, &Lines::new(text), span, problem)
    }

    /// A problem at a byte range of a text whose lines are indexed.
    pub fn in_lines(
        file: &str,
        lines: &Lines<'_>,
        span: Option<Range<usize>>,
        problem: Problem,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            location: span.map(|span| lines.locate(span)),
            problem,
        }
    }

    pub fn warning(mut self) -> Diagnostic {
        self.severity = Severity::Warning;
        self
    }

    pub fn line(&self) -> Option<usize> {
        self.location.as_ref().map(|l| l.line)
    }
}

/// Reads a file as text: UTF-8, with a byte-order mark (as Windows editors write) removed.
/// The file is read within the limits of `input`: at most `input::MAX_FILE` bytes, and a
/// FIFO or device only for `input::WAIT`.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let name = crate::escape::path(path);
    let bytes = crate::input::read_file(path, &name)?;
    decode(&name, bytes)
}

/// Turns a file's bytes into text, or says where it stops being UTF-8.
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let mut diagnostic = Diagnostic::at(file, &text, Some(valid..valid), Problem::NotUtf8);
            if let Some(location) = &mut diagnostic.location {
                location.line_text.clear();
            }
            Err(diagnostic)
        }
    }
}

/// Turns a TOML parse error into a diagnostic.
pub fn from_toml(file: &str, text: &str, error: &toml::de::Error, shape: bool) -> Diagnostic {
    let message = error.message().trim().to_string();
    let problem = if shape {
        Problem::Shape(message)
    } else {
        Problem::Syntax(message)
    };
    Diagnostic::at(file, text, error.span(), problem)
}

/// At most `CAP` problems of each file, in their order, then one that counts the rest:
/// "… and 4,950 more problems in this file".
pub fn cap(problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for d in &problems {
        *seen.entry(d.file.clone()).or_default() += 1;
    }
    if seen.values().all(|&n| n <= CAP) {
        return problems;
    }
    let mut shown: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(problems.len().min(seen.len() * (CAP + 1)));
    for d in problems {
        let total = seen.get(&d.file).copied().unwrap_or_default();
        let n = shown.entry(d.file.clone()).or_default();
        *n += 1;
        if *n <= CAP {
            out.push(d);
        } else if *n == CAP + 1 {
            let more = Problem::MoreProblems { count: total - CAP };
            out.push(Diagnostic::file(&d.file, more));
        }
    }
    out
}

/// A diagnostic carried through an `io::Error`, for the paths that report through
/// `io::Result` (the interview's saver, the writers of `files`).
#[derive(Debug)]
pub struct Carried(pub Box<Diagnostic>);

impl std::fmt::Display for Carried {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?}", self.0.file, self.0.problem)
    }
}

impl std::error::Error for Carried {}

impl Diagnostic {
    /// This diagnostic as an `io::Error`, to be taken out again by `from_io`.
    pub fn into_io(self) -> io::Error {
        io::Error::other(Carried(Box::new(self)))
    }

    /// The diagnostic an `io::Error` carries, or one that names `file` and says what the
    /// operating system said, as a failed read or write.
    pub fn from_io(file: &str, error: io::Error, writing: bool) -> Diagnostic {
        if error.get_ref().is_some_and(|e| e.is::<Carried>()) {
            if let Some(inner) = error.into_inner()
                && let Ok(carried) = inner.downcast::<Carried>()
            {
                return *carried.0;
            }
            return Diagnostic::file(file, Problem::Write(OsError::from(&io::Error::other(""))));
        }
        let problem = match error.kind() {
            io::ErrorKind::AlreadyExists if writing => Problem::Exists,
            _ if writing => Problem::Write(OsError::from(&error)),
            _ => Problem::Read(OsError::from(&error)),
        };
        Diagnostic::file(file, problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_characters() {
        let text = "a = 1\nåäö = 2\r\nc = 3";
        let start = text.find("= 2").unwrap();
        let loc = Location::of(text, start..start + 1);
        assert_eq!((loc.line, loc.column), (2, 5));
        assert_eq!(loc.line_text, "åäö = 2");
    }

    #[test]
    fn location_at_end_of_text() {
        let loc = Location::of("a = ", 4..4);
        assert_eq!((loc.line, loc.column, loc.width), (1, 5, 1));
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_column() {
        let line = format!("{} = 1", "å".repeat(10_000));
        let text = format!("[answers]\n{line}\n");
        let at = text.find(" = 1").unwrap();
        let loc = Location::of(&text, at..at + 1);
        assert_eq!((loc.line, loc.column), (2, 10_001));
        assert!(loc.line_text.chars().count() <= 2 * WINDOW + 2);
        assert!(loc.line_text.starts_with('…') && !loc.line_text.ends_with('…'));
        let (shown, column) = loc.excerpt();
        assert_eq!(shown.chars().nth(column - 1), Some(' '));
        let short = Location::of("a = 1\r\n", 4..5);
        assert_eq!((short.line_text.as_str(), short.text_column), ("a = 1", 5));
    }

    #[test]
    fn locating_every_line_of_a_tall_file_is_linear() {
        // 40,000 bad lines: each located once; the work is counted, not timed.
        let text: String = (0..40_000).map(|i| format!("bad_{i} = true\n")).collect();
        let lines = Lines::new(&text);
        let mut at = 0;
        for (n, line) in text.lines().enumerate() {
            let loc = lines.locate(at..at + 3);
            assert_eq!((loc.line, loc.column), (n + 1, 1));
            at += line.len() + 1;
        }
        assert!(
            lines.work() < 4 * text.len() + 40_000 * 2 * MARK,
            "{} bytes looked at for a text of {}",
            lines.work(),
            text.len()
        );
    }

    #[test]
    fn locating_many_places_on_one_long_line_is_linear() {
        let text: String = (0..5_000).map(|i| format!("k{i:04} = true, ")).collect();
        let lines = Lines::new(&text);
        for (at, _) in text.match_indices('k') {
            let loc = lines.locate(at..at + 5);
            assert!(loc.line_text.len() <= 4 * (2 * WINDOW + 2));
        }
        // Each place looks at its window and at most two stretches between marks.
        assert!(lines.work() < text.len() + 5_000 * (2 * MARK + 8 * WINDOW));
    }

    #[test]
    fn problems_are_capped_per_file() {
        let many: Vec<Diagnostic> = (0..5_000)
            .map(|i| Diagnostic::file(if i % 2 == 0 { "a" } else { "b" }, Problem::NotUtf8))
            .chain([Diagnostic::file("c", Problem::Folder)])
            .collect();
        let capped = cap(many);
        assert_eq!(capped.len(), 2 * (CAP + 1) + 1);
        let more: Vec<_> = capped
            .iter()
            .filter_map(|d| match d.problem {
                Problem::MoreProblems { count } => Some((d.file.as_str(), count)),
                _ => None,
            })
            .collect();
        assert_eq!(more, [("a", 2_500 - CAP), ("b", 2_500 - CAP)]);
        assert_eq!(capped.last().unwrap().file, "c");
    }

    #[test]
    fn byte_order_mark_is_removed() {
        let text = decode("f", b"\xef\xbb\xbf[case]\r\n".to_vec()).unwrap();
        assert_eq!(text, "[case]\r\n");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let d = decode("f", b"[case]\ntitle = \"\xff\"".to_vec()).unwrap_err();
        assert_eq!(d.problem, Problem::NotUtf8);
        assert_eq!(d.line(), Some(2));
    }
}
