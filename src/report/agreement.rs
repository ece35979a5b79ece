//! `iop agreement`: a draft IOP agreement in Markdown, and the message that explains why
//! no draft is written when a set's verdict is not IOP.
//!
//! The draft has the twelve sections, in their order, that Jönköpings kommun's IOP policy
//! requires of an IOP agreement. It is filled in from the case (parties, title,
//! description, notes) and from the criteria met, each written as what the parties state
//! or commit to; a gap (`[Fyll i: …]`) stands wherever the case says nothing. A criterion
//! counts as met when the case's answer to its question is the answer that meets it: for
//! the set's own questions this is the set's verdict; an answer to a question the set
//! does not ask is used too, since it is a fact of the case. Failed and open criteria
//! are never written as commitments. Every text from a file passes through
//! `escape::markdown`.

use std::fmt::Write;

use super::Report;
use crate::engine::{Evaluation, Status};
use crate::escape::{clean_line, markdown as md, markdown_paragraphs};
use crate::model::{Answer, Item, Localized, Verdict};

/// The sections of an IOP agreement that Jönköping's policy requires, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Background,
    Challenge,
    Purpose,
    Values,
    Services,
    Collaboration,
    FollowUp,
    Finance,
    Prerequisites,
    Period,
    Renegotiation,
    Contacts,
}

impl Section {
    pub const ALL: [Section; 12] = [
        Section::Background,
        Section::Challenge,
        Section::Purpose,
        Section::Values,
        Section::Services,
        Section::Collaboration,
        Section::FollowUp,
        Section::Finance,
        Section::Prerequisites,
        Section::Period,
        Section::Renegotiation,
        Section::Contacts,
    ];
}

/// A part of a section, in the order written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// A sentence that stands in every draft.
    Text(&'static str),
    /// A sentence that stands only when the criterion on a question is met.
    When(&'static str, &'static str),
    /// The commitments of the section's criteria that are met, with their notes.
    Criteria,
    /// A gap to fill in, described.
    Gap(&'static str),
}

impl Section {
    /// The section's id, as the question bank's `agreement.section` names it.
    pub fn id(self) -> &'static str {
        match self {
            Section::Background => "background",
            Section::Challenge => "challenge",
            Section::Purpose => "purpose",
            Section::Values => "values",
            Section::Services => "services",
            Section::Collaboration => "collaboration",
            Section::FollowUp => "follow-up",
            Section::Finance => "finance",
            Section::Prerequisites => "prerequisites",
            Section::Period => "period",
            Section::Renegotiation => "renegotiation",
            Section::Contacts => "contacts",
        }
    }
}

/// The questions and facts whose commitments a section holds, in the bank's order.
fn questions<'a>(report: &Report<'a>, section: Section) -> Vec<(&'a str, &'a Localized)> {
    let bank = report.bank();
    bank.questions
        .iter()
        .map(Item::Question)
        .chain(bank.facts.iter().map(Item::Fact))
        .filter_map(|item| {
            let c = item.agreement()?;
            (c.section == section.id()).then_some((item.id(), &c.text))
        })
        .collect()
}

/// Whether the case's answer to a question (or a fact's value) is the one that meets it.
fn met(report: &Report<'_>, question: &str) -> bool {
    let bank = report.bank();
    let ok = bank.item(question).map(|q| q.ok());
    let answer =
        crate::engine::answer(bank, question, &report.case.answers).and_then(Answer::known);
    ok.is_some() && answer == ok
}

/// The set's name and id, escaped.
fn set_name(e: &Evaluation<'_>) -> String {
    format!("{} (`{}`)", md(&e.set.name), e.set.id)
}

/// The draft agreement. When the set's verdict is not IOP (written with `--force`), a
/// warning at the top says so and names what is not shown.
pub fn render(report: &Report<'_>, e: &Evaluation<'_>) -> String {
    let w = report.words();
    let meta = &report.case.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", w.agreement_title());
    if let Some(title) = &meta.title {
        let _ = writeln!(out, "**{}**\n", md(title));
    }
    if e.verdict != Verdict::Iop {
        let reasons: Vec<String> = e
            .with_status(Status::Failed)
            .chain(e.with_status(Status::Open))
            .map(|a| {
                format!(
                    "{} ({})",
                    md(&report.short(&a.criterion.question)),
                    w.status(a.status)
                )
            })
            .collect();
        let warning = w.draft_warning(&set_name(e), e.verdict, &reasons.join(", "));
        let _ = writeln!(out, "> **{warning}**\n");
    }
    let _ = writeln!(out, "> {}\n", w.draft_notice(&set_name(e)));

    let organisation = meta
        .organisation
        .as_deref()
        .map_or_else(|| w.fill_in(w.gap_organisation_name()), md);
    let municipality = meta
        .public_party
        .as_deref()
        .map_or_else(|| w.fill_in(w.gap_municipality_name()), md);
    let _ = writeln!(out, "**{}**\n", w.parties_label());
    let _ = writeln!(
        out,
        "- {}",
        w.party_organisation(&organisation, &w.fill_in(w.gap_organisation_number()))
    );
    let _ = writeln!(
        out,
        "- {}\n",
        w.party_municipality(&municipality, &w.fill_in(w.gap_committee()))
    );

    for (n, section) in Section::ALL.into_iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", n + 1, w.section(section));
        if section == Section::Background {
            if let Some(description) = &meta.description {
                for paragraph in markdown_paragraphs(description) {
                    let _ = writeln!(out, "{paragraph}\n");
                }
            }
            if e.verdict == Verdict::Iop {
                let _ = writeln!(out, "{}\n", w.assessed_as_iop(&set_name(e)));
            }
        }
        for body in w.section_body(section) {
            match body {
                Body::Text(text) => {
                    let _ = writeln!(out, "{text}\n");
                }
                Body::When(question, text) => {
                    if met(report, question) {
                        let _ = writeln!(out, "{text}\n");
                    }
                }
                Body::Criteria => commitments(&mut out, report, section),
                Body::Gap(what) => {
                    let _ = writeln!(out, "{}\n", w.fill_in(what));
                }
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The commitments of a section's criteria that are met, each with the case's note.
fn commitments(out: &mut String, report: &Report<'_>, section: Section) {
    let w = report.words();
    for (question, sentence) in questions(report, section) {
        if !met(report, question) {
            continue;
        }
        let _ = writeln!(out, "{}\n", md(sentence.get(report.lang)));
        if let Some(note) = report.case.notes.get(question) {
            let label = md(&report.short(question));
            let lines: Vec<String> = markdown_paragraphs(note)
                .iter()
                .map(|p| format!("> {}", w.from_assessment(&label, p)))
                .collect();
            if !lines.is_empty() {
                let _ = writeln!(out, "{}\n", lines.join("\n>\n"));
            }
        }
    }
}

/// Why no draft is written: the verdict, then the failed and open criteria, for stderr.
pub fn refusal(report: &Report<'_>, e: &Evaluation<'_>) -> String {
    let w = report.words();
    let set = format!("{} ({})", clean_line(&e.set.name), clean_line(&e.set.id));
    let mut out = format!("{}\n", w.not_iop(&set, e.verdict));
    for a in e
        .with_status(Status::Failed)
        .chain(e.with_status(Status::Open))
    {
        let mark = if a.status == Status::Failed {
            "✗"
        } else {
            "?"
        };
        let _ = write!(
            out,
            "  {mark} {}: {}  [{}]",
            clean_line(&report.short(&a.criterion.question)),
            w.answer(a.answer),
            clean_line(&a.criterion.question)
        );
        if a.status == Status::Failed {
            let _ = write!(out, "  → {}", w.route(a.criterion.route));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::{Lang, Words};

    #[test]
    fn every_commitment_names_a_section_of_the_agreement() {
        let catalog = crate::model::criteria::builtin().unwrap();
        let ids: Vec<&str> = Section::ALL.iter().map(|s| s.id()).collect();
        for q in &catalog.bank.questions {
            if let Some(c) = &q.agreement {
                assert!(ids.contains(&c.section.as_str()), "{}: {}", q.id, c.section);
            }
        }
    }

    #[test]
    fn every_section_places_its_commitments_once() {
        for lang in [Lang::Sv, Lang::En] {
            for section in Section::ALL {
                let body = Words(lang).section_body(section);
                let places = body.iter().filter(|b| **b == Body::Criteria).count();
                assert_eq!(places, 1, "{section:?} in {lang:?}");
            }
        }
    }
}
