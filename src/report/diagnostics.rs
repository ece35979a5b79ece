//! Problems in input files, drawn for stderr the way compilers do: the file, line and
//! column, the line itself with the place marked, and a hint.

use std::fmt::Write;

use crate::diagnostic::{Diagnostic, Severity};
use crate::escape::clean_line;
use crate::i18n::Words;
use crate::term::{self, Term};

/// A problem for a stream, coloured where `t` says so. Its lines are never broken: the
/// excerpt and its marker must stay one above the other.
pub fn render(diagnostic: &Diagnostic, w: Words, t: Term) -> String {
    let (message, hint) = w.problem(&diagnostic.problem);
    let label = w.severity(diagnostic.severity);
    let label = match diagnostic.severity {
        Severity::Error => t.paint(term::RED.bold(), label),
        Severity::Warning => t.paint(term::YELLOW.bold(), label),
    };
    let bar = t.paint(term::BLUE, "|");
    let mut place = clean_line(&diagnostic.file);
    if let Some(loc) = &diagnostic.location {
        let _ = write!(place, ":{}:{}", loc.line, loc.column);
    }
    let mut out = format!("{label}: {place}: {}\n", clean_line(&message));
    let number = diagnostic.line().map(|l| l.to_string()).unwrap_or_default();
    // The width of the line number, at least one column, so a hint lines up either way.
    let gutter = " ".repeat(number.len().max(1));
    if let Some(loc) = diagnostic
        .location
        .as_ref()
        .filter(|l| !l.line_text.is_empty())
    {
        // The line as shown (a window of a long one), with the marker under the same
        // characters.
        let (line_text, column) = loc.excerpt();
        let before: String = line_text.chars().take(column - 1).collect();
        let shown_before = clean_line(&before);
        let marked: String = line_text.chars().skip(column - 1).take(loc.width).collect();
        let width = clean_line(&marked).chars().count().max(1);
        let _ = writeln!(out, "{gutter} {bar}");
        let _ = writeln!(
            out,
            "{} {bar} {}",
            t.paint(term::BLUE, &number),
            clean_line(line_text)
        );
        let _ = writeln!(
            out,
            "{gutter} {bar} {}{}",
            " ".repeat(shown_before.chars().count()),
            t.paint(term::RED, &"^".repeat(width))
        );
    }
    if let Some(hint) = hint {
        let _ = writeln!(
            out,
            "{}{} {}: {}",
            if gutter.is_empty() {
                String::new()
            } else {
                format!("{gutter} ")
            },
            t.paint(term::BLUE, "="),
            t.bold(w.help()),
            clean_line(&hint)
        );
    }
    out
}

/// A usage error or an output failure, which has no file and line: `error: message`.
pub fn usage(message: &str, w: Words, t: Term) -> String {
    format!(
        "{}: {}\n",
        t.paint(term::RED.bold(), w.error()),
        crate::escape::clean(message)
    )
}
