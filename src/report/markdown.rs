//! The decision memo in Markdown (CommonMark with GitHub's tables), to paste into a
//! tjänsteutlåtande or convert to a document.
//!
//! The case first, then for several sets a summary table, then one section per set with
//! its criteria as a table and one by one (requirement, answer, result, note, source),
//! then the questions to settle and the next steps. Every text from a case or criteria
//! file passes through `escape::markdown`, so it shows as written and cannot break a
//! table or start a block.

use std::fmt::Write;

use super::Report;
use super::memo::{self, Citation, Step, symbol};
use crate::engine::{Assessment, Evaluation, Status};
use crate::escape::{markdown as md, markdown_paragraphs, web_url};

pub fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    header(&mut out, report);
    if report.evaluations.len() > 1 {
        summary(&mut out, report);
    }
    for e in &report.evaluations {
        set_section(&mut out, report, e);
    }
    open_questions(&mut out, report);
    next_steps(&mut out, report);
    let _ = writeln!(out, "---\n\n*{}*", report.words().memo_footer());
    out
}

fn header(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let meta = &report.case.meta;
    let title = md(report.title());
    let _ = writeln!(out, "# {title}\n");
    let _ = writeln!(out, "**{}**\n", w.memo_kind());
    let _ = writeln!(out, "{}\n", w.memo_lead());
    let mut facts = Vec::new();
    if let Some(organisation) = &meta.organisation {
        facts.push((w.organisation_label(), md(organisation)));
    }
    if let Some(party) = &meta.public_party {
        facts.push((w.public_party_label(), md(party)));
    }
    if !report.case.file.is_empty() {
        facts.push((w.answer_file_label(), md(&report.case.file)));
    }
    for (label, value) in &facts {
        let _ = writeln!(out, "- **{label}:** {value}");
    }
    if !facts.is_empty() {
        out.push('\n');
    }
    if let Some(description) = &meta.description {
        let _ = writeln!(out, "## {}\n", w.case_heading());
        for paragraph in markdown_paragraphs(description) {
            let _ = writeln!(out, "{paragraph}\n");
        }
    }
}

/// A set's name and id, for headings and tables.
fn set_name(e: &Evaluation<'_>) -> String {
    format!("{} (`{}`)", md(&e.set.name), e.set.id)
}

fn summary(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let _ = writeln!(out, "## {}\n", w.summary_heading());
    let [set, verdict, failed, open] = w.summary_columns();
    let _ = writeln!(out, "| {set} | {verdict} | {failed} | {open} |");
    let _ = writeln!(out, "|---|---|---|---:|");
    for e in &report.evaluations {
        let verdict = format!("**{}**", w.verdict(e.verdict));
        let failed: Vec<String> = e.failed().iter().map(|q| md(&report.short(q))).collect();
        let failed = if failed.is_empty() {
            w.none_word().to_string()
        } else {
            failed.join(", ")
        };
        let _ = writeln!(
            out,
            "| {} | {verdict} | {failed} | {} |",
            set_name(e),
            e.open().len()
        );
    }
    out.push('\n');
}

/// A citation: the text escaped, the URL as an autolink when it is a web address.
fn citation(c: &Citation<'_>) -> String {
    let mut text = md(&c.text);
    if let Some(url) = c.url {
        match web_url(url) {
            Some(url) => {
                let _ = write!(text, " <{url}>");
            }
            None => {
                let _ = write!(text, " {}", md(url));
            }
        }
    }
    text
}

/// The result of a criterion in words, with where a failure points.
fn result(report: &Report<'_>, a: &Assessment<'_>) -> String {
    let w = report.words();
    let mut text = format!("{} {}", symbol(a.status), w.status(a.status));
    if a.status == Status::Failed {
        let _ = write!(text, ", {}", w.route(a.criterion.route));
    }
    text
}

fn set_section(out: &mut String, report: &Report<'_>, e: &Evaluation<'_>) {
    let w = report.words();
    let _ = writeln!(out, "## {}\n", w.set_heading(&set_name(e)));
    let _ = writeln!(
        out,
        "**{}: {}.** {}\n",
        w.verdict_label(),
        w.verdict(e.verdict),
        w.reason(e.reason())
    );
    if !e.complete {
        let _ = writeln!(out, "*{}*\n", w.not_complete(e.open().len(), false));
    }
    let _ = writeln!(
        out,
        "{}: {}\n",
        w.set_source_label(),
        citation(&memo::set_source(e.set))
    );

    let [number, criterion, answer, result_label] = w.criteria_columns();
    let _ = writeln!(
        out,
        "| {number} | {criterion} | {answer} | {result_label} |"
    );
    let _ = writeln!(out, "|---:|---|---|---|");
    for a in &e.assessments {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            memo::number(e.set, a.criterion),
            md(&report.short(&a.criterion.question)),
            w.answer(a.answer),
            result(report, a)
        );
    }
    out.push('\n');

    for a in &e.assessments {
        criterion_detail(out, report, e, a);
    }
}

fn criterion_detail(out: &mut String, report: &Report<'_>, e: &Evaluation<'_>, a: &Assessment<'_>) {
    let w = report.words();
    let c = a.criterion;
    let _ = writeln!(
        out,
        "### {}. {}\n",
        memo::number(e.set, c),
        md(&report.short(&c.question))
    );
    let quoted: Vec<String> = markdown_paragraphs(c.text.get(report.lang))
        .into_iter()
        .map(|p| format!("> {p}"))
        .collect();
    if !quoted.is_empty() {
        let _ = writeln!(out, "{}\n", quoted.join("\n>\n"));
    }
    let _ = writeln!(out, "- **{}:** {}", w.result_label(), result(report, a));
    let _ = writeln!(
        out,
        "- **{}:** {} (`{}`)",
        w.answer_label(),
        w.answer(a.answer),
        c.question
    );
    if let Some(note) = report.case.notes.get(&c.question) {
        let _ = writeln!(out, "- **{}:** {}", w.note_label(), md(note));
    }
    let _ = writeln!(
        out,
        "- **{}:** {}\n",
        w.source_label(),
        citation(&memo::criterion_source(e.set, c))
    );
}

fn open_questions(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let _ = writeln!(out, "## {}\n", w.open_heading());
    let open = memo::open_questions(report);
    if open.is_empty() {
        let _ = writeln!(out, "{}\n", w.none_open());
        return;
    }
    let _ = writeln!(out, "{}\n", w.open_lead());
    for q in &open {
        let sets: Vec<String> = q.sets.iter().map(|s| md(&s.name)).collect();
        let _ = writeln!(
            out,
            "- **{}** (`{}`), {}: {} {}",
            md(q.question.short.get(report.lang)),
            q.question.id,
            w.answer(q.answer),
            md(q.question.text.get(report.lang)),
            w.asked_by(&w.and_list(&sets))
        );
    }
    out.push('\n');
}

fn next_steps(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let _ = writeln!(out, "## {}\n", w.steps_heading());
    let failures: Vec<String> = memo::failures_without_route(report)
        .iter()
        .map(|q| md(&report.short(q)))
        .collect();
    let failures = w.and_list(&failures);
    for (n, step) in memo::next_steps(report).into_iter().enumerate() {
        let marker = format!("{}. ", n + 1);
        let pad = " ".repeat(marker.len());
        let _ = writeln!(out, "{marker}{}\n", w.step(step, &failures));
        if step == Step::Process {
            for question in w.process_questions() {
                let _ = writeln!(out, "{pad}- {question}");
            }
            let _ = writeln!(out, "\n{pad}*{}*\n", w.process_source());
        }
    }
}
