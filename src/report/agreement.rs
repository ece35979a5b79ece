//! `iop agreement`: the draft IOP agreement, built once as a `Document` from the template
//! in `criteria/agreement.toml` and drawn in Markdown or Word; and the message that
//! explains why no draft is written when a set's verdict is not IOP.
//!
//! Each section's parts stand when their conditions hold for the case. A commitment of
//! the question bank is written where the case's answer meets it (for the set's own
//! questions this is the set's verdict; an answer to a question the set does not ask is
//! used too, since it is a fact of the case); failed and open criteria are never written
//! as commitments, and no assessment note is pasted in: the reasons belong in the memo.
//! A gap (`[Fyll i: …]`) stands wherever the case says nothing.
//!
//! The public party's defined term follows the set's kind: "Kommunen" for a
//! municipality's set, "Regionen" for a region's. A national model or an inquiry does not
//! say which the party is, so the set that governs the case's public party decides, and
//! with none the neutral "den offentliga parten" is used rather than calling a region a
//! municipality.

use std::fmt::Write;

use super::Report;
use super::document::{Block, Document, Span, Text, fill, one_line, paragraphs};
use crate::advice::{self, Situation};
use crate::engine::{Evaluation, Status};
use crate::escape::clean_line;
use crate::model::documents::{PartKind, Section};
use crate::model::{Answer, Item, Localized, SetKind, Verdict};

/// Whether the case's answer to a question (or a fact's value) is the one that meets it.
fn met(report: &Report<'_>, id: &str) -> bool {
    let bank = report.bank();
    let ok = bank.item(id).map(|q| q.ok());
    let answer = crate::engine::answer(bank, id, &report.case.answers).and_then(Answer::known);
    ok.is_some() && answer == ok
}

/// The commitments a section holds, in order: those it takes by id, then those that name
/// it and no section takes, in the bank's order.
fn commitments<'a>(report: &Report<'a>, section: &Section) -> Vec<(&'a str, &'a Localized)> {
    let bank = report.bank();
    let agreement = &report.catalog.agreement;
    let items: Vec<Item<'a>> = bank
        .questions
        .iter()
        .map(Item::Question)
        .chain(bank.facts.iter().map(Item::Fact))
        .collect();
    let mut found: Vec<(&'a str, &'a Localized)> = Vec::new();
    for id in &section.take {
        if let Some(c) = bank.item(id).and_then(|i| i.agreement()) {
            let id = bank.item(id).map_or("", |i| i.id());
            found.push((id, &c.text));
        }
    }
    for item in items {
        let Some(c) = item.agreement() else {
            continue;
        };
        let taken = agreement
            .sections
            .iter()
            .any(|s| s.take.iter().any(|t| t == item.id()));
        if c.section == section.id && !taken {
            found.push((item.id(), &c.text));
        }
    }
    found
}

/// The public party's defined term: by the set's kind, else by the kind of the set that
/// governs the case's public party, else the neutral term.
fn term<'a>(report: &Report<'a>, e: &Evaluation<'a>) -> &'a Localized {
    let terms = &report.catalog.agreement.terms;
    let governing = report
        .case
        .meta
        .public_party
        .as_deref()
        .and_then(|p| report.catalog.governing(p));
    let kind = match e.set.kind {
        SetKind::Kommun | SetKind::Region => Some(e.set.kind),
        SetKind::NationalModel | SetKind::Inquiry => governing.map(|g| g.kind),
    };
    match kind {
        Some(SetKind::Kommun) => &terms.kommun,
        Some(SetKind::Region) => &terms.region,
        _ => &terms.other,
    }
}

/// "kommunen" at the start of a sentence: "Kommunen".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The draft agreement. When the set's verdict is not IOP (written with `--force`), a
/// warning at the top says so and names what is not shown.
pub fn build(report: &Report<'_>, e: &Evaluation<'_>) -> Document {
    let w = report.words();
    let lang = report.lang;
    let meta = &report.case.meta;
    let agreement = &report.catalog.agreement;
    let party = term(report, e).get(lang).to_string();
    let [
        reference_label,
        _,
        _,
        body_label,
        organisation_label,
        party_label,
    ] = w.case_labels();
    let field = |value: Option<&String>, label: &str| -> Text {
        match value.map(|v| one_line(v)).filter(|v| !v.is_empty()) {
            Some(v) => Text::plain(v),
            None => Text(vec![Span::Gap(w.fill_in(&w.lower(label)))]),
        }
    };
    let set_name = one_line(&e.set.name);
    let resolve = |name: &str| -> Option<Text> {
        match name {
            "organisation" => Some(field(meta.organisation.as_ref(), organisation_label)),
            "public_party" => Some(field(meta.public_party.as_ref(), party_label)),
            "decision_body" => Some(field(meta.decision_body.as_ref(), body_label)),
            "reference" => Some(field(meta.reference.as_ref(), reference_label)),
            "title" => Some(Text::plain(one_line(report.title()))),
            "set" => Some(Text::plain(set_name.clone())),
            "Party" => Some(Text::plain(capitalised(&party))),
            "party" => Some(Text::plain(party.clone())),
            _ => None,
        }
    };
    let fill_text = |text: &str| fill(text, |what| w.fill_in(what), resolve);
    let evaluations = std::slice::from_ref(e);
    let situation = Situation {
        bank: report.bank(),
        law: report.law(),
        answers: &report.case.answers,
        evaluations,
        governing: Some(e),
    };

    let mut blocks = Vec::new();
    if e.verdict != Verdict::Iop {
        let reasons: Vec<String> = e
            .with_status(Status::Failed)
            .chain(e.with_status(Status::Open))
            .map(|a| {
                format!(
                    "{} ({})",
                    one_line(&report.short(&a.criterion.question)),
                    w.status(a.status)
                )
            })
            .collect();
        let warning = w.draft_warning(&set_name, e.verdict, &reasons.join(", "));
        blocks.push(Block::Notice(Text::strong(warning)));
    }
    blocks.push(Block::Notice(fill_text(agreement.notice.get(lang))));

    let mut number = 0;
    for section in &agreement.sections {
        let title = one_line(section.title.get(lang));
        let heading = if section.numbered {
            number += 1;
            format!("{number}. {title}")
        } else {
            title
        };
        blocks.push(Block::Heading(2, heading));
        let written: Vec<Text> = commitments(report, section)
            .into_iter()
            .filter(|(id, _)| met(report, id))
            .map(|(_, text)| fill_text(text.get(lang)))
            .collect();
        let mut placed = false;
        for part in section
            .parts
            .iter()
            .filter(|p| advice::stands(&p.guard, &situation))
        {
            match &part.kind {
                PartKind::Text(text) => blocks.push(Block::Paragraph(fill_text(text.get(lang)))),
                PartKind::Gap(what) => {
                    let what = fill_text(what.get(lang)).words();
                    blocks.push(Block::Paragraph(Text(vec![Span::Gap(w.fill_in(&what))])));
                }
                PartKind::Case { field, gap } => {
                    let value = match field.as_str() {
                        "description" => meta.description.as_deref().map(paragraphs),
                        "title" => meta.title.as_deref().map(|t| vec![one_line(t)]),
                        _ => None,
                    }
                    .filter(|p| !p.is_empty());
                    match value {
                        Some(ps) => {
                            blocks.extend(ps.into_iter().map(|p| Block::Paragraph(Text::plain(p))))
                        }
                        None => {
                            let what = fill_text(gap.get(lang)).words();
                            blocks.push(Block::Paragraph(Text(vec![Span::Gap(w.fill_in(&what))])));
                        }
                    }
                }
                PartKind::Commitments => {
                    placed = true;
                    blocks.extend(written.iter().cloned().map(Block::Paragraph));
                }
                PartKind::Signatures(labels) => {
                    let mut public = field(meta.public_party.as_ref(), party_label);
                    public.plain_push(format!(" ({party})"));
                    let organisation = field(meta.organisation.as_ref(), organisation_label);
                    blocks.push(Block::Signatures {
                        parties: vec![public, organisation],
                        labels: labels.iter().map(|l| one_line(l.get(lang))).collect(),
                    });
                }
            }
        }
        if !placed {
            blocks.extend(written.into_iter().map(Block::Paragraph));
        }
    }
    Document {
        lang,
        kind: meta.title.as_deref().map(one_line).unwrap_or_default(),
        title: one_line(agreement.title.get(lang)),
        date: None,
        blocks,
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

    use crate::lang::Lang;
    use crate::model::case::Case;

    fn draft(set: &str, party: Option<&str>, answers: &[(&str, Answer)]) -> String {
        let catalog = crate::model::criteria::builtin().unwrap();
        let mut case = Case::default();
        case.meta.public_party = party.map(String::from);
        for (k, v) in answers {
            case.answers.insert((*k).to_string(), *v);
        }
        let set = catalog.set(set).unwrap();
        let report = Report::new(&case, &catalog, &[set], Some(set), Lang::Sv);
        let doc = build(&report, &report.evaluations[0]);
        doc.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(t) | Block::Notice(t) => t.words(),
                Block::Heading(_, h) => h.clone(),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_public_party_is_named_by_the_kind_of_the_set() {
        let answers = [("detail_regulated", Answer::No)];
        assert!(draft("falun", None, &answers).contains("Kommunen detaljreglerar inte"));
        assert!(draft("vgr", None, &answers).contains("Regionen detaljreglerar inte"));
        let forum = draft("forum", None, &answers);
        assert!(
            forum.contains("Den offentliga parten detaljreglerar inte"),
            "{forum}"
        );
        let forum = draft("forum", Some("Region Gävleborg"), &answers);
        assert!(forum.contains("Regionen detaljreglerar inte"), "{forum}");
    }

    #[test]
    fn a_clause_stands_only_where_its_condition_holds() {
        let undertaking = [("economic_activity", Answer::Yes)];
        assert!(draft("falun", None, &undertaking).contains("de minimis"));
        assert!(!draft("falun", None, &[]).contains("de minimis"));
    }

    #[test]
    fn every_commitment_names_a_section_of_the_agreement() {
        let catalog = crate::model::criteria::builtin().unwrap();
        for q in &catalog.bank.questions {
            if let Some(c) = &q.agreement {
                assert!(
                    catalog.agreement.section(&c.section).is_some(),
                    "{}: {}",
                    q.id,
                    c.section
                );
            }
        }
    }
}
