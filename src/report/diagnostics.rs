//! Problems in input files, drawn for stderr the way compilers do: the file, line and
//! column, the line itself with the place marked, and a hint.

use std::fmt::Write;

use colored::Colorize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::escape::clean_line;
use crate::i18n::Words;

pub fn render(diagnostic: &Diagnostic, w: Words) -> String {
    let (message, hint) = w.problem(&diagnostic.problem);
    let label = w.severity(diagnostic.severity);
    let label = match diagnostic.severity {
        Severity::Error => label.red().bold(),
        Severity::Warning => label.yellow().bold(),
    };
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
        let _ = writeln!(out, "{gutter} {}", "|".blue());
        let _ = writeln!(
            out,
            "{} {} {}",
            number.blue(),
            "|".blue(),
            clean_line(line_text)
        );
        let _ = writeln!(
            out,
            "{gutter} {} {}{}",
            "|".blue(),
            " ".repeat(shown_before.chars().count()),
            "^".repeat(width).red()
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
            "=".blue(),
            w.help().bold(),
            clean_line(&hint)
        );
    }
    out
}

/// A usage error or an output failure, which has no file and line: `error: message`.
pub fn usage(message: &str, w: Words) -> String {
    format!(
        "{}: {}\n",
        w.error().red().bold(),
        crate::escape::clean(message)
    )
}
