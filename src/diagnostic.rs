//! Problems found in input files, with the place they were found.
//!
//! A loader never prints: it returns `Diagnostic`s, and the caller renders them in the
//! user's language (see `i18n::Words::problem`).

use std::ops::Range;
use std::path::Path;

/// How bad a problem is. Only `iop validate` reports warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file: 1-based line and column (in characters), and the line's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub line_text: String,
    /// How many characters of the line the problem covers (at least 1).
    pub width: usize,
}

impl Location {
    /// Finds the line and column of a byte range of `text`.
    pub fn of(text: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let width = text[start..end.min(line_end)].chars().count().max(1);
        Location {
            line,
            column,
            line_text: line_text.to_string(),
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

/// What is wrong. Rendered in both languages by `i18n::Words::problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file could not be read (the operating system's message).
    Read(String),
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
    /// A file could not be written (the operating system's message).
    Write(String),
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

    /// A problem at a byte range of the file's text.
    pub fn at(file: &str, text: &str, span: Option<Range<usize>>, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            location: span.map(|span| Location::of(text, span)),
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
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(Diagnostic::file(&name, Problem::Folder));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Diagnostic::file(&name, Problem::Read(e.to_string())))?;
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
