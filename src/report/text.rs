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

use colored::{ColoredString, Colorize};

use super::Report;
use super::memo;
use crate::advice::{self, Kind};
use crate::engine::{Assessment, Evaluation, LawAssessment, LawOutcome, Status};
use crate::escape::{clean, clean_line};
use crate::model::Verdict;
use crate::term;

pub fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    header(&mut out, report);
    match report.evaluations.as_slice() {
        [one] => single(&mut out, report, one),
        many => matrix(&mut out, report, many),
    }
    next_steps(&mut out, report);
    summary(&mut out, report);
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
        let _ = writeln!(out, "{}", record.join(" · "));
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

/// A status as a mark in a list or a table: ✓, ✗ or ?.
fn mark(status: Status) -> ColoredString {
    match status {
        Status::Met => "✓".green(),
        Status::Failed => "✗".red(),
        Status::Open => "?".yellow(),
    }
}

/// Continues a block of text on following lines with the given indentation.
fn indent(text: &str, pad: &str) -> String {
    text.lines().collect::<Vec<_>>().join(&format!("\n{pad}"))
}

/// The verdict, the set, why, and whether the law overrides the set's own criteria.
fn verdict_block(out: &mut String, report: &Report<'_>, e: &Evaluation<'_>, lead: &str) {
    let w = report.words();
    let lang = report.lang;
    let _ = writeln!(out, "{lead}{}", w.reason(e.reason()));
    if let Some(item) = e.overriding() {
        let sentence = if item.status == Status::Open {
            w.law_not_settled(&e.set.name)
        } else {
            item.item.overrides.get(lang).replace("{set}", &e.set.name)
        };
        let _ = writeln!(out, "{lead}{}", clean(sentence.trim()).bold());
        let _ = writeln!(out, "{lead}{}", w.criteria_verdict(e.criteria_verdict));
    }
    let possible = advice::possible(e.set, report.law(), report.bank(), &report.case.answers);
    if !e.complete {
        let line = w.not_complete(e.open_count(), possible.len() <= 1);
        let _ = writeln!(out, "{lead}{}", line.yellow());
    }
    if possible.len() > 1 {
        let names: Vec<String> = possible.iter().map(|v| w.verdict(*v).to_string()).collect();
        let _ = writeln!(out, "{lead}{}", w.still_possible(&w.or_list(&names)));
        if let Some(q) =
            advice::next_question(e.set, report.law(), report.bank(), &report.case.answers)
        {
            let text = report
                .bank()
                .get(q)
                .map_or(q.to_string(), |q| q.text.get(lang).to_string());
            let _ = writeln!(
                out,
                "{lead}{}",
                w.deciding_question(&clean_line(text.trim()), q)
            );
        }
    }
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
    verdict_block(out, report, e, "");
    would_take(out, report, e);
    law_section(out, report, e, true);
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
    let advisories: Vec<&Assessment<'_>> = e.advisories().collect();
    if !advisories.is_empty() {
        let _ = writeln!(out, "\n{}", w.advisories_heading(advisories.len()).bold());
        let _ = writeln!(out, "  {}", w.advisories_lead().dimmed());
        for a in advisories {
            assessment(out, report, a, true);
        }
    }
}

/// The legal test: its outcome, then each item with its statement, the answers behind
/// it and its citations.
fn law_section(out: &mut String, report: &Report<'_>, e: &Evaluation<'_>, met_too: bool) {
    let w = report.words();
    let lang = report.lang;
    let law = report.law();
    let outcome = w.law_outcome(e.law.outcome);
    let outcome = match e.law.outcome {
        LawOutcome::Clear => outcome.green(),
        LawOutcome::Contract => outcome.magenta(),
        LawOutcome::Review | LawOutcome::Open => outcome.yellow(),
    };
    let lead = if met_too { "\n" } else { "" };
    let _ = writeln!(
        out,
        "{lead}{}: {outcome}",
        clean_line(law.name.get(lang)).bold()
    );
    for a in e
        .law
        .items
        .iter()
        .filter(|a| met_too || a.status != Status::Met)
    {
        law_item(out, report, a);
    }
}

fn law_item(out: &mut String, report: &Report<'_>, a: &LawAssessment<'_>) {
    let w = report.words();
    let lang = report.lang;
    let bank = report.bank();
    let _ = writeln!(
        out,
        "  {} {}",
        mark(a.status),
        indent(&clean(a.item.text.get(lang).trim()), "    ")
    );
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
    let _ = writeln!(
        out,
        "    {}. {}",
        capitalized(w.status(a.status)),
        answers.join(" · ")
    );
    notes(out, report, &a.item.id, "      ");
    let cites: Vec<String> = report
        .law()
        .cites(a.item)
        .map(|c| clean_line(c.short.get(lang)))
        .collect();
    if !cites.is_empty() {
        let line = format!("{}: {}", w.source_label(), cites.join("; "));
        let _ = writeln!(out, "    {}", line.dimmed());
    }
}

/// The case's notes on an item: on the item itself, and on each of a fact's questions
/// (an interview notes the question it asked), with the question's label.
fn notes(out: &mut String, report: &Report<'_>, id: &str, pad: &str) {
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
        let _ = writeln!(out, "    {label}{}", indent(&clean(note.trim()), pad));
    }
}

/// One criterion: its requirement, whether it holds and the answer behind it, the note
/// and the source.
fn assessment(out: &mut String, report: &Report<'_>, a: &Assessment<'_>, with_source: bool) {
    let w = report.words();
    let lang = report.lang;
    let c = a.criterion;
    let pad = "      ";
    let mut first = format!(
        "  {} {}",
        mark(a.status),
        indent(&clean(c.text.get(lang).trim()), "    ")
    );
    if !c.required {
        let _ = write!(first, " ({})", w.recommended());
    }
    let _ = writeln!(out, "{first}");
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
    let _ = writeln!(out, "    {answer}");
    notes(out, report, &c.question, pad);
    if with_source {
        let source = clean_line(&c.source.to_string());
        let _ = writeln!(
            out,
            "    {}",
            format!("{}: {source}", w.source_label()).dimmed()
        );
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
fn would_take(out: &mut String, report: &Report<'_>, e: &Evaluation<'_>) {
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
        let _ = writeln!(out, "{}", w.would_take(kind));
        for s in items {
            let text = clean(s.statement.get(report.lang).trim());
            let _ = writeln!(out, "  {} {}", mark(s.status), indent(&text, "    "));
        }
    }
}

/// The next steps, as the memo lists them (`memo::next_steps`), numbered, with their
/// points, each broken to 80 columns; their sources are in the memo.
fn next_steps(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let (steps, _) = memo::next_steps(report, report.governing());
    if steps.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", w.steps_heading().bold());
    for (n, step) in steps.iter().enumerate() {
        let first = format!("{:>2}. ", n + 1);
        let text = clean(&step.text.words()).into_owned();
        let _ = writeln!(out, "{}", term::fill(&first, &text, "    ", Some(80)));
        for point in &step.points {
            let point = clean(&point.words()).into_owned();
            let _ = writeln!(out, "{}", term::fill("    – ", &point, "      ", Some(80)));
        }
    }
}

/// One line per set: its verdict and, while answers could change it, what it could
/// still become; the last lines, so the verdict is on screen when an interview ends.
fn summary(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let _ = writeln!(out, "\n{}", w.summary_label().bold());
    let width = report
        .evaluations
        .iter()
        .map(|e| e.set.id.chars().count())
        .max()
        .unwrap_or(0);
    let governing = report.governing().map(|g| g.set.id.as_str());
    let party = report.case.meta.public_party.as_deref().map(clean_line);
    for e in &report.evaluations {
        let mut line = format!(
            "  {}  {}",
            pad(&clean_line(&e.set.id), width),
            verdict_colour(e.verdict, w.verdict_short(e.verdict))
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
        let _ = writeln!(out, "{line}");
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

fn matrix(out: &mut String, report: &Report<'_>, evaluations: &[Evaluation<'_>]) {
    let w = report.words();
    let heads = column_heads(evaluations);
    let head_width = heads.iter().map(|h| h.chars().count()).max().unwrap_or(1);

    // The verdicts, one line per set, with its column head.
    let _ = writeln!(out, "{}", w.verdicts_label().bold());
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
            verdict_colour(e.verdict, w.verdict(e.verdict))
        );
        if !e.complete {
            let _ = write!(
                line,
                "  {}",
                format!("({})", w.not_complete_short(e.open_count())).yellow()
            );
        }
        let _ = writeln!(out, "{line}");
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

    let mut head = format!(
        "{}  {}",
        pad(w.question_label(), label_width),
        pad(w.answer_label(), answer_width)
    );
    for h in &heads {
        let _ = write!(head, " {}", pad(h, head_width));
    }
    let _ = writeln!(out, "{}", head.trim_end().bold());
    let law_rows = report.law().items.len();
    for (n, ((id, label), answer)) in rows.iter().zip(&labels).zip(&answers).enumerate() {
        if n == law_rows {
            let _ = writeln!(out, "{}", "·".repeat(label_width).dimmed());
        }
        let mut row = format!("{}  {}", pad(label, label_width), pad(answer, answer_width));
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
                Some((status, true)) => mark(status),
                Some((status, false)) => match status {
                    Status::Met => "✓".dimmed(),
                    Status::Failed => "✗".dimmed(),
                    Status::Open => "?".dimmed(),
                },
                None => "·".dimmed(),
            };
            let _ = write!(row, " {cell}{}", " ".repeat(head_width - 1));
        }
        let _ = writeln!(out, "{}", row.trim_end());
    }
    let _ = writeln!(out, "{}", w.matrix_legend().dimmed());

    // Why: the law and the failed and open criteria of every set that is not an IOP.
    let undecided: Vec<&Evaluation<'_>> = evaluations
        .iter()
        .filter(|e| e.verdict != Verdict::Iop)
        .collect();
    if !undecided.is_empty() {
        let _ = writeln!(out, "\n{}", w.why_label().bold());
        // The law is the same for every set: its open or failing items once.
        if let Some(first) = evaluations.first()
            && first.law.outcome != LawOutcome::Clear
        {
            law_section(out, report, first, false);
            out.push('\n');
        }
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
            verdict_block(out, report, e, "  ");
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
                let _ = writeln!(out, "  {}", w.would_take(kind).bold());
                for a in items {
                    assessment(out, report, a, a.status == Status::Failed);
                }
            }
        }
    }
    let _ = writeln!(out, "\n{}", w.matrix_detail_hint().dimmed());
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
        colored::control::set_override(false);
        let catalog = criteria::builtin().unwrap();
        let case = Case::default();
        let sets: Vec<_> = catalog.sets.iter().collect();
        let report = Report::new(&case, &catalog, &sets, None, Lang::Sv);
        let text = render(&report);
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
