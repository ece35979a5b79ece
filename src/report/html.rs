//! The decision memo as one self-contained HTML page: inline CSS, no scripts, no
//! external assets or fonts, readable on screen and printable on A4.
//!
//! The content is the Markdown memo's (see `markdown.rs`), drawn from the same parts in
//! `memo.rs`. Every text from a case or criteria file passes through `escape::markup`;
//! only `http(s)` source URLs become links, and each link shows its address, so a
//! printed page keeps it.

use std::fmt::Write;

use super::Report;
use super::memo::{self, Citation, Step, symbol};
use crate::engine::{Assessment, Evaluation, Status};
use crate::escape::{markup, markup_paragraphs, web_url};
use crate::model::Verdict;

const STYLE: &str = r#"
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --paper: #ffffff; --desk: #f3f4f6;
  --met: #1a7f37; --failed: #c62828; --open: #9a6700;
  --iop: #1a7f37; --grant: #0b5cad; --procurement: #7b3fb8; --undetermined: #9a6700;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--desk); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main {
  max-width: 54rem; margin: 2rem auto; padding: 2.5rem 3rem;
  background: var(--paper); border: 1px solid var(--line);
}
.kind { margin: 0; color: var(--muted); font-size: .8rem; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: .2rem 0 .8rem; font-size: 1.9rem; line-height: 1.2; }
h2 { margin: 2.4rem 0 .8rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); font-size: 1.35rem; line-height: 1.25; }
h3 { margin: 0 0 .35rem; font-size: 1.05rem; line-height: 1.3; }
p { margin: 0 0 .7rem; }
.lead { color: var(--muted); }
dl.facts, dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
a { color: var(--grant); overflow-wrap: anywhere; }
table { width: 100%; margin: .6rem 0 1.4rem; border-collapse: collapse; font-size: .93rem; }
th, td { padding: .35rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; }
.num { width: 3rem; text-align: right; font-variant-numeric: tabular-nums; }
.verdict { margin: .4rem 0 1rem; padding: .6rem 1rem; border-left: 6px solid var(--undetermined); }
.verdict p:last-child { margin-bottom: 0; }
.verdict-line { font-size: 1.2rem; }
.verdict-iop { border-color: var(--iop); }
.verdict-association-grant { border-color: var(--grant); }
.verdict-procurement { border-color: var(--procurement); }
.verdict-undetermined { border-color: var(--undetermined); }
.incomplete { color: var(--open); font-weight: 600; }
.status { font-weight: 600; white-space: nowrap; }
.status-met { color: var(--met); }
.status-failed { color: var(--failed); }
.status-open { color: var(--open); }
ol.criteria { margin: 0; padding: 0; list-style: none; }
li.criterion {
  margin: 0 0 .8rem; padding: .8rem 1rem; border: 1px solid var(--line); border-left-width: 5px;
  break-inside: avoid; page-break-inside: avoid;
}
li.criterion.met { border-left-color: var(--met); }
li.criterion.failed { border-left-color: var(--failed); }
li.criterion.open { border-left-color: var(--open); }
.requirement { font-style: italic; }
dl.details { grid-template-columns: 7.5rem 1fr; margin: 0; font-size: .95rem; }
ul.open li, ol.steps > li { margin-bottom: .6rem; }
.source-note { color: var(--muted); font-size: .9rem; }
footer { margin-top: 2.5rem; padding-top: .7rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .88rem; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { background: none; font-size: 10pt; }
  main { max-width: none; margin: 0; padding: 0; border: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .verdict, ul.open li, ol.steps > li { break-inside: avoid; page-break-inside: avoid; }
  .source-note { break-after: avoid; page-break-after: avoid; }
  .summary ~ .set { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"#;

pub fn render(report: &Report<'_>) -> String {
    let w = report.words();
    let title = markup(report.title());
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", report.lang.code());
    let _ = writeln!(out, "<head>");
    let _ = writeln!(out, "<meta charset=\"utf-8\" />");
    let _ = writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"
    );
    let _ = writeln!(out, "<title>{title} – {}</title>", markup(w.memo_kind()));
    let _ = writeln!(out, "<style>{STYLE}</style>");
    let _ = writeln!(out, "</head>");
    let _ = writeln!(out, "<body>");
    let _ = writeln!(out, "<main>");
    header(&mut out, report, &title);
    if report.evaluations.len() > 1 {
        summary(&mut out, report);
    }
    for e in &report.evaluations {
        set_section(&mut out, report, e);
    }
    open_questions(&mut out, report);
    next_steps(&mut out, report);
    let _ = writeln!(out, "<footer><p>{}</p></footer>", markup(w.memo_footer()));
    let _ = writeln!(out, "</main>");
    let _ = writeln!(out, "</body>");
    let _ = writeln!(out, "</html>");
    out
}

fn header(out: &mut String, report: &Report<'_>, title: &str) {
    let w = report.words();
    let meta = &report.case.meta;
    let _ = writeln!(out, "<header>");
    let _ = writeln!(out, "<p class=\"kind\">{}</p>", markup(w.memo_kind()));
    let _ = writeln!(out, "<h1>{title}</h1>");
    let _ = writeln!(out, "<p class=\"lead\">{}</p>", markup(w.memo_lead()));
    let mut facts = Vec::new();
    if let Some(organisation) = &meta.organisation {
        facts.push((w.organisation_label(), markup(organisation)));
    }
    if let Some(party) = &meta.public_party {
        facts.push((w.public_party_label(), markup(party)));
    }
    if !report.case.file.is_empty() {
        facts.push((w.answer_file_label(), markup(&report.case.file)));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "<dl class=\"facts\">");
        for (label, value) in &facts {
            let _ = writeln!(out, "<dt>{}</dt><dd>{value}</dd>", markup(label));
        }
        let _ = writeln!(out, "</dl>");
    }
    let _ = writeln!(out, "</header>");
    if let Some(description) = &meta.description {
        let _ = writeln!(out, "<section class=\"case\">");
        let _ = writeln!(out, "<h2>{}</h2>", markup(w.case_heading()));
        for paragraph in markup_paragraphs(description) {
            let _ = writeln!(out, "<p>{paragraph}</p>");
        }
        let _ = writeln!(out, "</section>");
    }
}

/// A set's name and id, for headings and tables.
fn set_name(e: &Evaluation<'_>) -> String {
    format!("{} <code>{}</code>", markup(&e.set.name), markup(&e.set.id))
}

fn verdict_class(verdict: Verdict) -> String {
    format!("verdict-{}", verdict.id())
}

fn summary(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let _ = writeln!(out, "<section class=\"summary\">");
    let _ = writeln!(out, "<h2>{}</h2>", markup(w.summary_heading()));
    let [set, verdict, failed, open] = w.summary_columns().map(markup);
    let _ = writeln!(out, "<table>");
    let _ = writeln!(
        out,
        "<thead><tr><th>{set}</th><th>{verdict}</th><th>{failed}</th><th class=\"num\">{open}</th></tr></thead>"
    );
    let _ = writeln!(out, "<tbody>");
    for e in &report.evaluations {
        let verdict = format!("<strong>{}</strong>", markup(w.verdict(e.verdict)));
        let failed: Vec<String> = e
            .failed()
            .iter()
            .map(|q| markup(&report.short(q)))
            .collect();
        let failed = if failed.is_empty() {
            markup(w.none_word())
        } else {
            failed.join(", ")
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#set-{}\">{}</a></td><td>{verdict}</td><td>{failed}</td><td class=\"num\">{}</td></tr>",
            markup(&e.set.id),
            set_name(e),
            e.open().len()
        );
    }
    let _ = writeln!(out, "</tbody>");
    let _ = writeln!(out, "</table>");
    let _ = writeln!(out, "</section>");
}

/// A citation: the text escaped, the URL as a link showing its address when it is a web
/// address, else as text.
fn citation(c: &Citation<'_>) -> String {
    let mut text = markup(&c.text);
    if let Some(url) = c.url {
        match web_url(url) {
            Some(url) => {
                let url = markup(url);
                let _ = write!(text, " <a href=\"{url}\">{url}</a>");
            }
            None => {
                let _ = write!(text, " {}", markup(url));
            }
        }
    }
    text
}

/// The result of a criterion: its status marked, with where a failure points.
fn result(report: &Report<'_>, a: &Assessment<'_>) -> String {
    let w = report.words();
    let mut text = format!(
        "<span class=\"status status-{}\">{} {}</span>",
        a.status.id(),
        symbol(a.status),
        markup(w.status(a.status))
    );
    if a.status == Status::Failed {
        let _ = write!(text, ", {}", markup(w.route(a.criterion.route)));
    }
    text
}

fn set_section(out: &mut String, report: &Report<'_>, e: &Evaluation<'_>) {
    let w = report.words();
    let id = markup(&e.set.id);
    let _ = writeln!(out, "<section class=\"set\" id=\"set-{id}\">");
    let _ = writeln!(out, "<h2>{}</h2>", w.set_heading(&set_name(e)));
    let _ = writeln!(out, "<div class=\"verdict {}\">", verdict_class(e.verdict));
    let _ = writeln!(
        out,
        "<p class=\"verdict-line\"><strong>{}:</strong> {}</p>",
        markup(w.verdict_label()),
        markup(w.verdict(e.verdict))
    );
    let _ = writeln!(out, "<p>{}</p>", markup(w.reason(e.reason())));
    if !e.complete {
        let _ = writeln!(
            out,
            "<p class=\"incomplete\">{}</p>",
            markup(&w.not_complete(e.open().len(), false))
        );
    }
    let _ = writeln!(out, "</div>");
    let _ = writeln!(
        out,
        "<p class=\"source-note\">{}: {}</p>",
        markup(w.set_source_label()),
        citation(&memo::set_source(e.set))
    );

    let [number, criterion, answer, result_label] = w.criteria_columns().map(markup);
    let _ = writeln!(out, "<table>");
    let _ = writeln!(
        out,
        "<thead><tr><th class=\"num\">{number}</th><th>{criterion}</th><th>{answer}</th><th>{result_label}</th></tr></thead>"
    );
    let _ = writeln!(out, "<tbody>");
    for a in &e.assessments {
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            memo::number(e.set, a.criterion),
            markup(&report.short(&a.criterion.question)),
            markup(w.answer(a.answer)),
            result(report, a)
        );
    }
    let _ = writeln!(out, "</tbody>");
    let _ = writeln!(out, "</table>");

    let _ = writeln!(out, "<ol class=\"criteria\">");
    for a in &e.assessments {
        criterion_detail(out, report, e, a);
    }
    let _ = writeln!(out, "</ol>");
    let _ = writeln!(out, "</section>");
}

fn criterion_detail(out: &mut String, report: &Report<'_>, e: &Evaluation<'_>, a: &Assessment<'_>) {
    let w = report.words();
    let c = a.criterion;
    let _ = writeln!(out, "<li class=\"criterion {}\">", a.status.id());
    let _ = writeln!(
        out,
        "<h3>{}. {}</h3>",
        memo::number(e.set, c),
        markup(&report.short(&c.question))
    );
    for paragraph in markup_paragraphs(c.text.get(report.lang)) {
        let _ = writeln!(out, "<p class=\"requirement\">{paragraph}</p>");
    }
    let _ = writeln!(out, "<dl class=\"details\">");
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{}</dd>",
        markup(w.result_label()),
        result(report, a)
    );
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{} <code>{}</code></dd>",
        markup(w.answer_label()),
        markup(w.answer(a.answer)),
        markup(&c.question)
    );
    if let Some(note) = report.case.notes.get(&c.question) {
        let note = markup_paragraphs(note).join("<br />");
        let _ = writeln!(out, "<dt>{}</dt><dd>{note}</dd>", markup(w.note_label()));
    }
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{}</dd>",
        markup(w.source_label()),
        citation(&memo::criterion_source(e.set, c))
    );
    let _ = writeln!(out, "</dl>");
    let _ = writeln!(out, "</li>");
}

fn open_questions(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let _ = writeln!(out, "<section class=\"questions\">");
    let _ = writeln!(out, "<h2>{}</h2>", markup(w.open_heading()));
    let open = memo::open_questions(report);
    if open.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", markup(w.none_open()));
    } else {
        let _ = writeln!(out, "<p>{}</p>", markup(w.open_lead()));
        let _ = writeln!(out, "<ul class=\"open\">");
        for q in &open {
            let sets: Vec<String> = q.sets.iter().map(|s| markup(&s.name)).collect();
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> <code>{}</code>, {}: {} {}</li>",
                markup(q.question.short.get(report.lang)),
                markup(&q.question.id),
                markup(w.answer(q.answer)),
                markup(q.question.text.get(report.lang)),
                w.asked_by(&w.and_list(&sets))
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "</section>");
}

fn next_steps(out: &mut String, report: &Report<'_>) {
    let w = report.words();
    let _ = writeln!(out, "<section class=\"steps\">");
    let _ = writeln!(out, "<h2>{}</h2>", markup(w.steps_heading()));
    let failures: Vec<String> = memo::failures_without_route(report)
        .iter()
        .map(|q| markup(&report.short(q)))
        .collect();
    let failures = w.and_list(&failures);
    let _ = writeln!(out, "<ol class=\"steps\">");
    for step in memo::next_steps(report) {
        let _ = write!(out, "<li><p>{}</p>", w.step(step, &failures));
        if step == Step::Process {
            let _ = writeln!(out, "\n<ul>");
            for question in w.process_questions() {
                let _ = writeln!(out, "<li>{}</li>", markup(question));
            }
            let _ = writeln!(out, "</ul>");
            let _ = write!(
                out,
                "<p class=\"source-note\">{}</p>",
                markup(w.process_source())
            );
        }
        let _ = writeln!(out, "</li>");
    }
    let _ = writeln!(out, "</ol>");
    let _ = writeln!(out, "</section>");
}
