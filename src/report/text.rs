//! The text report: the verdict first and plainly, then why, with every source.
//!
//! One set gives the failed, open and met criteria in turn. Several sets give one
//! matrix, questions as rows and sets as columns, so that differences between
//! municipalities show at a glance, followed by why each set that is not an IOP decided
//! as it did. Colour lives here only; everything from a file passes through `term::clean`.

use std::fmt::Write;

use colored::{ColoredString, Colorize};

use super::{Report, fails_without_route};
use crate::engine::{Assessment, Evaluation, Status};
use crate::escape::{clean, clean_line};
use crate::model::Verdict;

pub fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    header(&mut out, report);
    match report.evaluations.as_slice() {
        [one] => single(&mut out, report, one),
        many => matrix(&mut out, report, many),
    }
    out
}

fn header(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let meta = &report.case.meta;
    let title = clean_line(report.title());
    let _ = writeln!(out, "{}", title.bold());
    let parties: Vec<String> = [&meta.organisation, &meta.public_party]
        .into_iter()
        .flatten()
        .map(|p| clean_line(p))
        .collect();
    if !parties.is_empty() {
        let _ = writeln!(out, "{}", parties.join(" · "));
    }
    if let Some(description) = &meta.description {
        let _ = writeln!(out, "{}", indent(&clean(description.trim()), ""));
    }
    if !report.case.file.is_empty() {
        let file = format!("{}: {}", w.file_label(), clean_line(&report.case.file));
        let _ = writeln!(out, "{}", file.dimmed());
    }
    out.push('\n');
}

fn verdict_colour(verdict: Verdict, text: &str) -> ColoredString {
    match verdict {
        Verdict::Iop => text.green().bold(),
        Verdict::AssociationGrant => text.cyan().bold(),
        Verdict::Procurement => text.magenta().bold(),
        Verdict::Undetermined => text.yellow().bold(),
    }
}

fn mark(status: Status) -> ColoredString {
    let symbol = status.symbol();
    match status {
        Status::Met => symbol.green(),
        Status::Failed => symbol.red(),
        Status::Open => symbol.yellow(),
    }
}

/// Continues a block of text on following lines with the given indentation.
fn indent(text: &str, pad: &str) -> String {
    text.lines().collect::<Vec<_>>().join(&format!("\n{pad}"))
}

fn single(out: &mut String, report: &Report<'_>, e: &Evaluation<'_>) {
    let w = report.words();
    let _ = writeln!(
        out,
        "{}: {}",
        w.verdict_label().bold(),
        verdict_colour(e.verdict, w.verdict(e.verdict))
    );
    let _ = writeln!(
        out,
        "{}: {} ({})",
        w.criteria_label(),
        clean_line(&e.set.name),
        clean_line(&e.set.id)
    );
    let _ = writeln!(
        out,
        "{}",
        w.verdict_meaning(e.verdict, fails_without_route(e))
    );
    if !e.complete {
        let _ = writeln!(out, "{}", w.not_complete(e.open().len()).yellow());
    }
    for status in [Status::Failed, Status::Open, Status::Met] {
        let items: Vec<&Assessment<'_>> = e.with_status(status).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", w.status_heading(status, items.len()).bold());
        for a in items {
            assessment(out, report, a, true);
        }
    }
}

/// One criterion: its requirement, the answer behind it, the note and the source.
fn assessment(out: &mut String, report: &Report<'_>, a: &Assessment<'_>, with_source: bool) {
    let w = report.words();
    let lang = report.lang;
    let c = a.criterion;
    let pad = "      ";
    let _ = writeln!(
        out,
        "  {} {}",
        mark(a.status),
        indent(&clean(c.text.get(lang).trim()), "    ")
    );
    let mut answer = format!(
        "{}: {}: {}  [{}]",
        w.answer_label(),
        clean_line(&report.short(&c.question)),
        w.answer(a.answer),
        clean_line(&c.question)
    );
    if a.status == Status::Failed {
        let _ = write!(answer, "  → {}", w.route(c.route));
    }
    let _ = writeln!(out, "    {answer}");
    if let Some(note) = report.case.notes.get(&c.question) {
        let label = format!("{}: ", w.note_label());
        let _ = writeln!(out, "    {label}{}", indent(&clean(note.trim()), pad));
    }
    if with_source {
        let source = clean_line(&c.source.to_string());
        let _ = writeln!(
            out,
            "    {}",
            format!("{}: {source}", w.source_label()).dimmed()
        );
    }
}

fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

fn matrix(out: &mut String, report: &Report<'_>, evaluations: &[Evaluation<'_>]) {
    let w = report.words();
    let _ = writeln!(out, "{}", w.verdicts_label().bold());
    let id_width = evaluations
        .iter()
        .map(|e| e.set.id.chars().count())
        .max()
        .unwrap_or(0);
    for e in evaluations {
        let mut line = format!(
            "  {}  {}",
            pad(&clean_line(&e.set.id), id_width),
            verdict_colour(e.verdict, w.verdict(e.verdict))
        );
        if !e.complete {
            let _ = write!(
                line,
                "  {}",
                format!("({})", w.not_complete_short(e.open().len())).yellow()
            );
        }
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');

    // Rows: every question some chosen set uses, in the bank's order.
    let questions: Vec<&str> = report
        .bank
        .ids()
        .filter(|q| evaluations.iter().any(|e| e.set.uses(q)))
        .collect();
    let labels: Vec<String> = questions
        .iter()
        .map(|q| clean_line(&report.short(q)))
        .collect();
    let answers: Vec<&str> = questions
        .iter()
        .map(|q| w.answer(report.case.answers.get(*q).copied()))
        .collect();
    let cells: Vec<String> = evaluations
        .iter()
        .map(|e| {
            let star = if e.complete { "" } else { "*" };
            format!("{}{star}", w.verdict_short(e.verdict))
        })
        .collect();
    let label_width = labels
        .iter()
        .map(|l| l.chars().count())
        .chain([
            w.question_label().chars().count(),
            w.verdict_label().chars().count(),
        ])
        .max()
        .unwrap_or(0);
    let answer_width = answers
        .iter()
        .map(|a| a.chars().count())
        .chain([w.answer_label().chars().count()])
        .max()
        .unwrap_or(0);
    let widths: Vec<usize> = evaluations
        .iter()
        .zip(&cells)
        .map(|(e, cell)| e.set.id.chars().count().max(cell.chars().count()))
        .collect();

    let mut head = format!(
        "{}  {}",
        pad(w.question_label(), label_width),
        pad(w.answer_label(), answer_width)
    );
    for (e, width) in evaluations.iter().zip(&widths) {
        let _ = write!(head, "  {}", pad(&clean_line(&e.set.id), *width));
    }
    let _ = writeln!(out, "{}", head.trim_end().bold());
    for ((question, label), answer) in questions.iter().zip(&labels).zip(&answers) {
        let mut row = format!("{}  {}", pad(label, label_width), pad(answer, answer_width));
        for (e, width) in evaluations.iter().zip(&widths) {
            let cell = match e
                .assessments
                .iter()
                .find(|a| a.criterion.question == *question)
            {
                Some(a) => mark(a.status),
                None => "·".dimmed(),
            };
            let _ = write!(row, "  {cell}{}", " ".repeat(width - 1));
        }
        let _ = writeln!(out, "{}", row.trim_end());
    }
    let mut last = format!(
        "{}  {}",
        pad(w.verdict_label(), label_width),
        pad("", answer_width)
    );
    for ((e, cell), width) in evaluations.iter().zip(&cells).zip(&widths) {
        let _ = write!(last, "  {}", verdict_colour(e.verdict, &pad(cell, *width)));
    }
    let _ = writeln!(out, "{}", last.trim_end());
    let _ = writeln!(out, "{}", w.matrix_legend().dimmed());

    // Why: the failed and open criteria of every set that is not an IOP.
    let undecided: Vec<&Evaluation<'_>> = evaluations
        .iter()
        .filter(|e| e.verdict != Verdict::Iop)
        .collect();
    if !undecided.is_empty() {
        let _ = writeln!(out, "\n{}", w.why_label().bold());
        for (n, e) in undecided.into_iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{} – {}",
                clean_line(&e.set.id).bold(),
                verdict_colour(e.verdict, w.verdict(e.verdict))
            );
            let _ = writeln!(
                out,
                "  {}",
                w.verdict_meaning(e.verdict, fails_without_route(e))
            );
            for a in e
                .with_status(Status::Failed)
                .chain(e.with_status(Status::Open))
            {
                assessment(out, report, a, a.status == Status::Failed);
            }
        }
    }
    let _ = writeln!(out, "\n{}", w.matrix_detail_hint().dimmed());
}
