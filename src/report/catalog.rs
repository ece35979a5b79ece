//! `iop sets` and `iop show`: the criteria themselves, for reading before a check.

use std::fmt::Write;

use colored::Colorize;

use crate::escape::{clean, clean_line};
use crate::i18n::{Lang, Words};
use crate::model::{Bank, Catalog, CriteriaSet};

fn pad(text: &str, width: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(width.saturating_sub(text.chars().count()))
    )
}

/// The sets as a table: id, name, number of criteria, source.
pub fn sets(catalog: &Catalog, lang: Lang) -> String {
    let w = Words(lang);
    let header = w.sets_header();
    let rows: Vec<[String; 4]> = catalog
        .sets
        .iter()
        .map(|s| {
            let mut source = format!("{}: {}", s.source.publisher, s.source.document);
            if let Some(file) = &s.file {
                let _ = write!(source, " {}", w.from_file(file));
            }
            [
                clean_line(&s.id),
                clean_line(&s.name),
                s.criteria.len().to_string(),
                clean_line(&source),
            ]
        })
        .collect();
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2)];
    let line = |cells: [&str; 4]| {
        format!(
            "{}  {}  {}  {}",
            pad(cells[0], widths[0]),
            pad(cells[1], widths[1]),
            pad(cells[2], widths[2]),
            cells[3]
        )
    };
    let mut out = format!("{}\n", line(header).bold());
    for r in &rows {
        let _ = writeln!(out, "{}", line([&r[0], &r[1], &r[2], &r[3]]));
    }
    out
}

fn block(out: &mut String, label: &str, text: &str) {
    let text = clean(text.trim());
    let _ = writeln!(
        out,
        "   {} {}",
        format!("{label}:").dimmed(),
        text.lines().collect::<Vec<_>>().join("\n      ")
    );
}

/// A set's criteria, each with its question, guidance and source.
pub fn set(set: &CriteriaSet, bank: &Bank, lang: Lang) -> String {
    let w = Words(lang);
    let mut out = format!(
        "{} ({})\n",
        clean_line(&set.name).bold(),
        clean_line(&set.id)
    );
    let _ = writeln!(
        out,
        "{}: {}\n",
        w.source_label(),
        clean_line(&set.source.to_string())
    );
    for (n, c) in set.criteria.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>2}. {}",
            n + 1,
            clean(c.text.get(lang).trim()).bold()
        );
        let short = bank.get(&c.question).map_or("", |q| q.short.get(lang));
        let question = format!(
            "{} [{}], {}",
            clean_line(short),
            clean_line(&c.question),
            w.ok_answer(c.ok)
        );
        block(&mut out, w.question_label(), &question);
        block(&mut out, w.help_label(), c.help.get(lang));
        block(&mut out, w.source_label(), &c.source.to_string());
        out.push('\n');
    }
    out
}

/// The question bank: every question with its wording, the answer that meets it, and
/// where a failing answer points.
pub fn bank(bank: &Bank, lang: Lang) -> String {
    let w = Words(lang);
    let mut out = format!("{}\n\n", w.bank_heading(bank.questions.len()).bold());
    for q in &bank.questions {
        let _ = writeln!(
            out,
            "{} {}",
            clean_line(&q.id).bold(),
            clean_line(q.short.get(lang)).dimmed()
        );
        block(&mut out, w.question_label(), q.text.get(lang));
        let rule = format!("{}; {}", w.ok_answer(q.ok), w.otherwise(q.route));
        block(&mut out, w.rule_label(), &rule);
        block(&mut out, w.help_label(), q.help.get(lang));
        block(&mut out, w.source_label(), &q.sources.join("; "));
        out.push('\n');
    }
    out
}
