//! The text report: the verdict first and plainly, then the legal test, then why, with
//! every source.
//!
//! One set gives the law's items, then the set's failed, open and met criteria, each
//! with its own statement and whether it holds (stämmer / stämmer inte), and the
//! question behind it with its own answer (ja / nej). Several sets give one matrix,
//! questions as rows and sets as short columns, then why each set that is not an IOP
//! decided as it did. Colour lives here only; everything from a file passes through
//! `escape::clean`.

use std::fmt::Write;

use anstyle::Style;

use super::Report;
use super::memo;
use crate::advice::{self, Kind};
use crate::engine::{Assessment, Evaluation, LawAssessment, LawOutcome, Status};
use crate::escape::{clean, clean_line};
use crate::model::Verdict;
use crate::term::{self, Term};

/// The report for a stream: coloured or not, its prose broken to the stream's width or
/// not at all (`Term`).
pub fn render(report: &Report<'_>, t: Term) -> String {
    let mut out = String::new();
    header(&mut out, report, t);
    match report.evaluations.as_slice() {
        [one] => single(&mut out, report, t, one),
        many => matrix(&mut out, report, t, many),
    }
    next_steps(&mut out, report, t);
    summary(&mut out, report, t);
    out
}

fn header(out: &mut String, report: &Report<'_>, t: Term) {
    let w = report.words();
    let meta = &report.case.meta;
    let title = clean_line(report.title());
    let _ = writeln!(out, "{}", t.fill("", &t.bold(&title), ""));
    let parties: Vec<String> = [&meta.organisation, &meta.public_party]
        .into_iter()
        .flatten()
        .map(|p| clean_line(p))
        .collect();
    if !parties.is_empty() {
        let _ = writeln!(out, "{}", t.fill("", &parties.join(" · "), ""));
    }
    let record: Vec<String> = [
        (w.reference_label(), &meta.reference),
        (w.date_label_case(), &meta.date),
        (w.officer_label(), &meta.officer),
        (w.decision_body_label(), &meta.decision_body),
    ]
    .into_iter()
    .filter_map(|(label, value)| {
        value
            .as_deref()
            .map(|v| format!("{label}: {}", clean_line(v)))
    })
    .collect();
    if !record.is_empty() {
        let _ = writeln!(out, "{}", t.fill("", &record.join(" · "), ""));
    }
    if let Some(description) = &meta.description {
        let _ = writeln!(out, "{}", t.fill("", &clean(description.trim()), ""));
    }
    if !report.case.file.is_empty() {
        let file = format!("{}: {}", w.file_label(), clean_line(&report.case.file));
        let _ = writeln!(out, "{}", t.fill("", &t.dim(&file), "  "));
    }
    out.push('\n');
}

fn verdict_style(verdict: Verdict) -> Style {
    match verdict {
        Verdict::Iop => term::GREEN,
        Verdict::AssociationGrant => term::CYAN,
        Verdict::Procurement => term::MAGENTA,
        Verdict::Undetermined => term::YELLOW,
    }
    .bold()
}

/// A status as a mark in a list or a table: ✓, ✗ or ?.
fn mark(t: Term, status: Status) -> String {
    match status {
        Status::Met => t.paint(term::GREEN, "✓"),
        Status::Failed => t.paint(term::RED, "✗"),
        Status::Open => t.paint(term::YELLOW, "?"),
    }
}

/// A marked item of a list: `  ✓ text`, the text's following lines under its start.
fn item(t: Term, status: Status, text: &str) -> String {
    t.fill(&format!("  {} ", mark(t, status)), text, "    ")
}

/// The verdict, the set, why, and whether the law overrides the set's own criteria.
fn verdict_block(out: &mut String, report: &Report<'_>, t: Term, e: &Evaluation<'_>, lead: &str) {
    let w = report.words();
    let lang = report.lang;
    let _ = writeln!(out, "{}", t.fill(lead, w.reason(e.reason()), lead));
    if let Some(item) = e.overriding() {
        let sentence = if item.status == Status::Open {
            w.law_not_settled(&e.set.name)
        } else {
            item.item.overrides.get(lang).replace("{set}", &e.set.name)
        };
        let sentence = t.bold(&clean(sentence.trim()));
        let _ = writeln!(out, "{}", t.fill(lead, &sentence, lead));
        let _ = writeln!(
            out,
            "{}",
            t.fill(lead, &w.criteria_verdict(e.criteria_verdict), lead)
        );
    }
    let possible = advice::possible(e.set, report.law(), report.bank(), &report.case.answers);
    if !e.complete {
        let line = w.not_complete(e.open_count(), possible.len() <= 1);
        let _ = writeln!(out, "{}", t.fill(lead, &t.paint(term::YELLOW, &line), lead));
    }
    if possible.len() > 1 {
        let names: Vec<String> = possible.iter().map(|v| w.verdict(*v).to_string()).collect();
        let line = w.still_possible(&w.or_list(&names));
        let _ = writeln!(out, "{}", t.fill(lead, &line, lead));
        if let Some(q) =
            advice::next_question(e.set, report.law(), report.bank(), &report.case.answers)
        {
            let text = report
                .bank()
                .get(q)
                .map_or(q.to_string(), |q| q.text.get(lang).to_string());
            let line = w.deciding_question(&clean_line(text.trim()), q);
            let _ = writeln!(out, "{}", t.fill(lead, &line, lead));
        }
    }
}

fn single(out: &mut String, report: &Report<'_>, t: Term, e: &Evaluation<'_>) {
    let w = report.words();
    let label = format!("{}: ", t.bold(w.verdict_label()));
    let verdict = t.paint(verdict_style(e.verdict), w.verdict(e.verdict));
    let _ = writeln!(out, "{}", t.fill(&label, &verdict, "  "));
    let criteria = format!(
        "{}: {} ({})",
        w.criteria_label(),
        clean_line(&e.set.name),
        clean_line(&e.set.id)
    );
    let _ = writeln!(out, "{}", t.fill("", &criteria, "  "));
    verdict_block(out, report, t, e, "");
    would_take(out, report, t, e);
    law_section(out, report, t, e, true);
    for status in [Status::Failed, Status::Open, Status::Met] {
        let items: Vec<&Assessment<'_>> = e.with_status(status).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", t.bold(&w.status_heading(status, items.len())));
        for a in items {
            assessment(out, report, t, a, true);
        }
    }
    let advisories: Vec<&Assessment<'_>> = e.advisories().collect();
    if !advisories.is_empty() {
        let _ = writeln!(out, "\n{}", t.bold(&w.advisories_heading(advisories.len())));
        let lead = t.fill("  ", w.advisories_lead(), "  ");
        let _ = writeln!(out, "{}", t.dim(&lead));
        for a in advisories {
            assessment(out, report, t, a, true);
        }
    }
}

/// The legal test: its outcome, then each item with its statement, the answers behind
/// it and its citations.
fn law_section(out: &mut String, report: &Report<'_>, t: Term, e: &Evaluation<'_>, met_too: bool) {
    let w = report.words();
    let lang = report.lang;
    let law = report.law();
    let outcome = w.law_outcome(e.law.outcome);
    let outcome = match e.law.outcome {
        LawOutcome::Clear => t.paint(term::GREEN, outcome),
        LawOutcome::Contract => t.paint(term::MAGENTA, outcome),
        LawOutcome::Review | LawOutcome::Open => t.paint(term::YELLOW, outcome),
    };
    let lead = if met_too { "\n" } else { "" };
    let name = format!("{}: ", t.bold(&clean_line(law.name.get(lang))));
    let _ = writeln!(out, "{lead}{}", t.fill(&name, &outcome, "  "));
    for a in e
        .law
        .items
        .iter()
        .filter(|a| met_too || a.status != Status::Met)
    {
        law_item(out, report, t, a);
    }
}

fn law_item(out: &mut String, report: &Report<'_>, t: Term, a: &LawAssessment<'_>) {
    let w = report.words();
    let lang = report.lang;
    let bank = report.bank();
    let text = clean(a.item.text.get(lang).trim());
    let _ = writeln!(out, "{}", item(t, a.status, &text));
    let answers: Vec<String> = bank
        .questions_of(&a.item.id)
        .into_iter()
        .map(|q| {
            let answer = report.case.answers.get(q).copied();
            format!(
                "{}: {} [{}]",
                clean_line(&report.short(q)),
                w.answer(answer),
                clean_line(q)
            )
        })
        .collect();
    let line = format!(
        "{}. {}",
        capitalized(w.status(a.status)),
        answers.join(" · ")
    );
    let _ = writeln!(out, "{}", t.fill("    ", &line, "      "));
    notes(out, report, t, &a.item.id);
    let cites: Vec<String> = report
        .law()
        .cites(a.item)
        .map(|c| clean_line(c.short.get(lang)))
        .collect();
    if !cites.is_empty() {
        let line = format!("{}: {}", w.source_label(), cites.join("; "));
        let _ = writeln!(out, "{}", t.fill("    ", &t.dim(&line), "      "));
    }
}

/// The case's notes on an item: on the item itself, and on each of a fact's questions
/// (an interview notes the question it asked), with the question's label.
fn notes(out: &mut String, report: &Report<'_>, t: Term, id: &str) {
    let w = report.words();
    let bank = report.bank();
    let mut ids = vec![id];
    if bank.fact(id).is_some() {
        ids.extend(bank.questions_of(id));
    }
    for (n, key) in ids.into_iter().enumerate() {
        let Some(note) = report.case.notes.get(key) else {
            continue;
        };
        let label = if n == 0 {
            format!("{}: ", w.note_label())
        } else {
            format!("{} ({}): ", w.note_label(), clean_line(&report.short(key)))
        };
        let note = format!("{label}{}", clean(note.trim()));
        let _ = writeln!(out, "{}", t.fill("    ", &note, "      "));
    }
}

/// One criterion: its requirement, whether it holds and the answer behind it, the note
/// and the source.
fn assessment(
    out: &mut String,
    report: &Report<'_>,
    t: Term,
    a: &Assessment<'_>,
    with_source: bool,
) {
    let w = report.words();
    let lang = report.lang;
    let c = a.criterion;
    let mut text = clean(c.text.get(lang).trim()).into_owned();
    if !c.required {
        let _ = write!(text, " ({})", w.recommended());
    }
    let _ = writeln!(out, "{}", item(t, a.status, &text));
    let fact = report.bank().fact(&c.question).is_some();
    let given = if fact {
        w.fact_answer(a.answer)
    } else {
        w.answer(a.answer)
    };
    let mut answer = format!(
        "{}. {}: {given} [{}]",
        capitalized(w.status(a.status)),
        clean_line(&report.short(&c.question)),
        clean_line(&c.question)
    );
    if a.status == Status::Failed && c.required {
        let _ = write!(answer, "  → {}", w.route(c.route));
    }
    let _ = writeln!(out, "{}", t.fill("    ", &answer, "      "));
    notes(out, report, t, &c.question);
    if with_source {
        let source = format!(
            "{}: {}",
            w.source_label(),
            clean_line(&c.source.to_string())
        );
        let _ = writeln!(out, "{}", t.fill("    ", &t.dim(&source), "      "));
    }
}

/// A word with its first letter in upper case, to start a line.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What it would take for one set to become an IOP: each item, the law's first, in the
/// words of the law or the set, under what can be changed by design, what cannot and
/// what is open.
fn would_take(out: &mut String, report: &Report<'_>, t: Term, e: &Evaluation<'_>) {
    let w = report.words();
    let shortfalls = advice::shortfalls(e, report.bank());
    if !shortfalls.is_empty() {
        out.push('\n');
    }
    for kind in Kind::ALL {
        let items: Vec<&advice::Shortfall<'_>> =
            shortfalls.iter().filter(|s| s.kind() == kind).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", t.fill("", w.would_take(kind), "  "));
        for s in items {
            let text = clean(s.statement.get(report.lang).trim());
            let _ = writeln!(out, "{}", item(t, s.status, &text));
        }
    }
}

/// The next steps, as the memo lists them (`memo::next_steps`), numbered, with their
/// points; their sources are in the memo.
fn next_steps(out: &mut String, report: &Report<'_>, t: Term) {
    let w = report.words();
    let (steps, _) = memo::next_steps(report, report.governing());
    if steps.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", t.bold(w.steps_heading()));
    for (n, step) in steps.iter().enumerate() {
        let first = format!("{:>2}. ", n + 1);
        let text = clean(&step.text.words()).into_owned();
        let _ = writeln!(out, "{}", t.fill(&first, &text, "    "));
        for point in &step.points {
            let point = clean(&point.words()).into_owned();
            let _ = writeln!(out, "{}", t.fill("    – ", &point, "      "));
        }
    }
}

/// One line per set: its verdict and, while answers could change it, what it could
/// still become; the last lines, so the verdict is on screen when an interview ends.
fn summary(out: &mut String, report: &Report<'_>, t: Term) {
    let w = report.words();
    let _ = writeln!(out, "\n{}", t.bold(w.summary_label()));
    let width = report
        .evaluations
        .iter()
        .map(|e| e.set.id.chars().count())
        .max()
        .unwrap_or(0);
    let governing = report.governing().map(|g| g.set.id.as_str());
    let party = report.case.meta.public_party.as_deref().map(clean_line);
    // What follows the verdict stands under it when it takes more than one line.
    let under = " ".repeat(width + 4);
    for e in &report.evaluations {
        let mut line = format!(
            "  {}  {}",
            pad(&clean_line(&e.set.id), width),
            t.paint(verdict_style(e.verdict), w.verdict_short(e.verdict))
        );
        if let (Some(party), true) = (&party, governing == Some(e.set.id.as_str()))
            && report.evaluations.len() > 1
        {
            let _ = write!(line, " {}", w.governs(party));
        }
        let possible = advice::possible(e.set, report.law(), report.bank(), &report.case.answers);
        if possible.len() > 1 {
            let names: Vec<String> = possible
                .iter()
                .map(|v| w.verdict_short(*v).to_string())
                .collect();
            let _ = write!(line, "; {}", w.could_become(&w.or_list(&names)));
        }
        let _ = writeln!(out, "{}", t.fill("", &line, &under));
    }
}

fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

/// Short heads for the sets' columns: the first three letters of each id, upper case,
/// when they tell the sets apart; else numbers.
fn column_heads(evaluations: &[Evaluation<'_>]) -> Vec<String> {
    let heads: Vec<String> = evaluations
        .iter()
        .map(|e| {
            e.set
                .id
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(3)
                .collect::<String>()
                .to_uppercase()
        })
        .collect();
    let mut sorted = heads.clone();
    sorted.sort();
    sorted.dedup();
    if sorted.len() == heads.len() && heads.iter().all(|h| !h.is_empty()) {
        heads
    } else {
        (1..=evaluations.len()).map(|n| n.to_string()).collect()
    }
}

/// The narrowest the questions' column of the matrix gets on a narrow terminal.
const MIN_LABEL: usize = 14;

fn matrix(out: &mut String, report: &Report<'_>, t: Term, evaluations: &[Evaluation<'_>]) {
    let w = report.words();
    let heads = column_heads(evaluations);
    let head_width = heads.iter().map(|h| h.chars().count()).max().unwrap_or(1);

    // The verdicts, one line per set, with its column head.
    let _ = writeln!(out, "{}", t.bold(w.verdicts_label()));
    let id_width = evaluations
        .iter()
        .map(|e| e.set.id.chars().count())
        .max()
        .unwrap_or(0);
    for (e, head) in evaluations.iter().zip(&heads) {
        let mut line = format!(
            "  {}  {}  {}",
            pad(head, head_width),
            pad(&clean_line(&e.set.id), id_width),
            t.paint(verdict_style(e.verdict), w.verdict(e.verdict))
        );
        if !e.complete {
            let _ = write!(
                line,
                "  {}",
                t.paint(
                    term::YELLOW,
                    &format!("({})", w.not_complete_short(e.open_count()))
                )
            );
        }
        // A verdict too long for the line goes on under itself.
        let under = " ".repeat(2 + head_width + 2 + id_width + 2);
        let _ = writeln!(out, "{}", t.fill("", &line, &under));
    }
    out.push('\n');

    // Rows: the law's items, then every question or fact some chosen set uses, in the
    // bank's order (a fact where its first question stands).
    let bank = report.bank();
    let mut rows: Vec<&str> = report.law().items.iter().map(|i| i.id.as_str()).collect();
    for q in bank.ids() {
        let item = bank.fact_of(q).map_or(q, |f| f.id.as_str());
        if !rows.contains(&item) && evaluations.iter().any(|e| e.set.uses(item)) {
            rows.push(item);
        }
    }
    let labels: Vec<String> = rows.iter().map(|q| clean_line(&report.short(q))).collect();
    let answers: Vec<&str> = rows
        .iter()
        .map(|id| {
            let answer = crate::engine::answer(bank, id, &report.case.answers);
            if bank.fact(id).is_some() {
                w.fact_answer(answer)
            } else {
                w.answer(answer)
            }
        })
        .collect();
    let label_width = labels
        .iter()
        .map(|l| l.chars().count())
        .chain([w.question_label().chars().count()])
        .max()
        .unwrap_or(0);
    let answer_width = answers
        .iter()
        .map(|a| a.chars().count())
        .chain([w.answer_label().chars().count()])
        .max()
        .unwrap_or(0);
    // A table wider than the stream narrows its questions' column, within reason: a long
    // label goes on in the column below its row.
    let cells = evaluations.len() * (head_width + 1);
    let label_width = match t.width {
        Some(total) if label_width + 2 + answer_width + cells > total => total
            .saturating_sub(2 + answer_width + cells)
            .clamp(MIN_LABEL.min(label_width), label_width),
        _ => label_width,
    };

    let mut head = format!(
        "{}  {}",
        pad(w.question_label(), label_width),
        pad(w.answer_label(), answer_width)
    );
    for h in &heads {
        let _ = write!(head, " {}", pad(h, head_width));
    }
    let _ = writeln!(out, "{}", t.bold(head.trim_end()));
    let law_rows = report.law().items.len();
    for (n, ((id, label), answer)) in rows.iter().zip(&labels).zip(&answers).enumerate() {
        if n == law_rows {
            let _ = writeln!(out, "{}", t.dim(&"·".repeat(label_width)));
        }
        let label: Vec<String> = match t.width {
            Some(_) => term::fill("", label, "  ", Some(label_width))
                .lines()
                .map(String::from)
                .collect(),
            None => vec![label.clone()],
        };
        let (first, more) = label
            .split_first()
            .map_or(("", &[][..]), |(f, m)| (f.as_str(), m));
        let mut row = format!("{}  {}", pad(first, label_width), pad(answer, answer_width));
        for e in evaluations {
            let status = if n < law_rows {
                e.law.items.get(n).map(|a| (a.status, true))
            } else {
                e.assessments
                    .iter()
                    .find(|a| a.criterion.question == *id)
                    .map(|a| (a.status, a.criterion.required))
            };
            let cell = match status {
                Some((status, true)) => mark(t, status),
                Some((status, false)) => t.dim(match status {
                    Status::Met => "✓",
                    Status::Failed => "✗",
                    Status::Open => "?",
                }),
                None => t.dim("·"),
            };
            let _ = write!(row, " {cell}{}", " ".repeat(head_width - 1));
        }
        let _ = writeln!(out, "{}", row.trim_end());
        for line in more {
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(out, "{}", t.fill("", &t.dim(w.matrix_legend()), ""));

    // Why: the law and the failed and open criteria of every set that is not an IOP.
    let undecided: Vec<&Evaluation<'_>> = evaluations
        .iter()
        .filter(|e| e.verdict != Verdict::Iop)
        .collect();
    if !undecided.is_empty() {
        let _ = writeln!(out, "\n{}", t.bold(w.why_label()));
        // The law is the same for every set: its open or failing items once.
        if let Some(first) = evaluations.first()
            && first.law.outcome != LawOutcome::Clear
        {
            law_section(out, report, t, first, false);
            out.push('\n');
        }
        for (n, e) in undecided.into_iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{} – {}",
                t.bold(&clean_line(&e.set.id)),
                t.paint(verdict_style(e.verdict), w.verdict(e.verdict))
            );
            verdict_block(out, report, t, e, "  ");
            // The set's own criteria, by what it would take to change them; the law's
            // items are shown once above.
            let shortfalls = advice::shortfalls(e, report.bank());
            for kind in Kind::ALL {
                let items: Vec<&Assessment<'_>> = e
                    .required()
                    .filter(|a| {
                        shortfalls
                            .iter()
                            .any(|s| s.id == a.criterion.question && s.kind() == kind)
                    })
                    .collect();
                if items.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "{}", t.fill("  ", &t.bold(w.would_take(kind)), "    "));
                for a in items {
                    assessment(out, report, t, a, a.status == Status::Failed);
                }
            }
        }
    }
    let _ = writeln!(out, "\n{}", t.fill("", &t.dim(w.matrix_detail_hint()), ""));
}

/// The answer a matrix row shows, for tests.
#[cfg(test)]
fn row_answer(report: &Report<'_>, id: &str) -> Option<crate::model::Answer> {
    crate::engine::answer(report.bank(), id, &report.case.answers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::model::case::Case;
    use crate::model::criteria;

    #[test]
    fn twelve_sets_fit_a_hundred_columns() {
        let catalog = criteria::builtin().unwrap();
        let case = Case::default();
        let sets: Vec<_> = catalog.sets.iter().collect();
        let report = Report::new(&case, &catalog, &sets, None, Lang::Sv);
        let text = render(&report, Term::default());
        let start = text.find("Fråga").unwrap();
        let table = &text[start..text.find("✓ stämmer").unwrap_or(text.len())];
        for line in table.lines() {
            assert!(
                line.chars().count() <= 100,
                "{} columns: {line}",
                line.chars().count()
            );
        }
        assert_eq!(row_answer(&report, "public_contract"), None);
    }
}
