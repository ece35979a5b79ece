//! `iop validate`: checks criteria files the way `--criteria` loads them and explains
//! every problem at once, file by file and line by line, then counts them.
//!
//! The checks are the loader's own (`model::criteria::examine`), so a file that validates
//! is a file that `iop check --criteria` accepts.

use crate::term::Term;
use std::collections::HashMap;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Problem, Severity};
use crate::exit::Exit;
use crate::i18n::Words;
use crate::model::criteria;
use crate::report::diagnostics;

/// What a validation found, ready to print.
#[derive(Debug, Clone)]
pub struct Validation {
    /// Every problem drawn as on stderr elsewhere, then the closing count.
    pub text: String,
    pub errors: usize,
    pub warnings: usize,
    pub exit: Exit,
}

/// True for a problem that keeps a file from being read at all, as opposed to a file
/// that was read and is wrong.
fn unreadable(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::Read(_) | Problem::NotUtf8 | Problem::Syntax(_) | Problem::NoCriteriaFiles
    )
}

/// The problems in the order the files were given, each file's from its first line on.
fn in_file_order(files: &[String], mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut rank: HashMap<String, usize> = HashMap::new();
    for file in files.iter().chain(problems.iter().map(|d| &d.file)) {
        let next = rank.len();
        rank.entry(file.clone()).or_insert(next);
    }
    problems.sort_by_key(|d| (rank.get(&d.file).copied(), d.line().unwrap_or(0)));
    problems
}

/// Validates the criteria files under `paths` (files or folders), or the built-in files
/// when there are none.
///
/// Exit 0 when there is no error (warnings alone pass), 1 when a file has errors, 2 when
/// a file cannot be read or is not valid TOML. The text is for the stream `t`.
pub fn validate(paths: &[PathBuf], words: Words, t: Term) -> Validation {
    let examined = criteria::examine(paths);
    let problems = in_file_order(&examined.files, examined.problems);
    let errors = problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let exit = if problems.iter().any(|d| unreadable(&d.problem)) {
        Exit::Error
    } else if errors > 0 {
        Exit::Mismatch
    } else {
        Exit::Success
    };
    // Counted in full, drawn up to a cap per file.
    let mut text: String = crate::diagnostic::cap(problems)
        .iter()
        .map(|d| diagnostics::render(d, words, t) + "\n")
        .collect();
    text.push_str(&words.validate_summary(examined.files.len(), errors, warnings));
    text.push('\n');
    Validation {
        text,
        errors,
        warnings,
        exit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_built_in_criteria_are_clean() {
        let v = validate(&[], Words(Lang::En), Term::default());
        assert_eq!((v.errors, v.warnings, v.exit), (0, 0, Exit::Success));
        assert_eq!(v.text, "16 files checked: 0 errors, 0 warnings\n");
    }

    #[test]
    fn problems_come_in_file_and_line_order() {
        let at = |file: &str, line: usize| {
            let text = "\n".repeat(line - 1);
            let start = text.len();
            Diagnostic::at(file, &text, Some(start..start), Problem::EmptySet)
        };
        let sorted = in_file_order(
            &["b".into(), "a".into()],
            vec![at("a", 3), at("c", 1), at("b", 9), at("a", 1)],
        );
        let places: Vec<(&str, Option<usize>)> =
            sorted.iter().map(|d| (d.file.as_str(), d.line())).collect();
        assert_eq!(
            places,
            [
                ("b", Some(9)),
                ("a", Some(1)),
                ("a", Some(3)),
                ("c", Some(1))
            ]
        );
    }
}
