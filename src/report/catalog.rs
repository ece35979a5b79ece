//! `iop sets` and `iop show`: the criteria themselves, for reading before a check.

use std::fmt::Write;

use serde::Serialize;

use crate::escape::{clean, clean_line};
use crate::i18n::Words;
use crate::lang::Lang;
use crate::model::{Catalog, CriteriaSet, Item, SetKind};
use crate::term::{self, Term};

fn pad(text: &str, width: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(width.saturating_sub(text.chars().count()))
    )
}

/// The sets as a table: id, name, kind and number of criteria on one line, the source
/// indented below, so that the table stays readable in a narrow terminal. Where the
/// stream has a width, a name too long for its column goes on in the column below.
pub fn sets(catalog: &Catalog, lang: Lang, t: Term) -> String {
    let w = Words(lang);
    let header = w.sets_header();
    let rows: Vec<[String; 5]> = catalog
        .sets
        .iter()
        .map(|s| {
            let mut source = format!("{}: {}", s.source.publisher, s.source.document);
            if let Some(date) = &s.source.date {
                let _ = write!(source, " ({date})");
            }
            if let Some(file) = &s.file {
                let _ = write!(source, " {}", w.from_file(file));
            }
            [
                clean_line(&s.id),
                clean_line(&s.name),
                w.set_kind(s.kind).to_string(),
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
    let mut widths = [width(0), width(1), width(2), width(3)];
    // The name's column takes what the others leave of the width, within reason.
    if let Some(total) = t.width {
        let others = widths[0] + widths[2] + widths[3] + 6;
        widths[1] = widths[1].min(total.saturating_sub(others).max(16));
    }
    let line = |cells: [&str; 4]| {
        format!(
            "{}  {}  {}  {}",
            pad(cells[0], widths[0]),
            pad(cells[1], widths[1]),
            pad(cells[2], widths[2]),
            cells[3]
        )
    };
    let mut out = format!(
        "{}\n",
        t.bold(line([header[0], header[1], header[2], header[3]]).trim_end())
    );
    let indent = " ".repeat(widths[0] + 2);
    for r in &rows {
        let names = match t.width {
            Some(_) => term::wrap(&r[1], widths[1]),
            None => vec![r[1].clone()],
        };
        let mut names = names.iter();
        let first = names.next().map_or("", String::as_str);
        let _ = writeln!(out, "{}", line([&r[0], first, &r[2], &r[3]]).trim_end());
        for name in names {
            let _ = writeln!(out, "{indent}{name}");
        }
        let source = format!("{}: {}", header[4].to_lowercase(), r[4]);
        let _ = writeln!(out, "{}", t.fill(&indent, &t.dim(&source), &indent));
    }
    out
}

/// One set for scripts.
#[derive(Serialize)]
struct SetJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: SetKind,
    publisher: &'a str,
    document: &'a str,
    date: Option<&'a str>,
    url: Option<&'a str>,
    criteria: usize,
    /// Of the criteria, how many are recommendations.
    recommended: usize,
    /// The public parties the set governs.
    governs: &'a [String],
    derives_from: Option<&'a str>,
    /// Whether the stored list of criteria is complete, where the data says.
    complete: Option<bool>,
    /// The file the set was read from, for a set given with `--criteria`.
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
}

/// The sets as JSON: an array, one object per set.
pub fn sets_json(catalog: &Catalog) -> String {
    let sets: Vec<SetJson<'_>> = catalog
        .sets
        .iter()
        .map(|s| SetJson {
            id: &s.id,
            name: &s.name,
            kind: s.kind,
            publisher: &s.source.publisher,
            document: &s.source.document,
            date: s.source.date.as_deref(),
            url: s.source.url.as_deref(),
            criteria: s.criteria.len(),
            recommended: s.criteria.iter().filter(|c| !c.required).count(),
            governs: &s.governs,
            derives_from: s.derives_from.as_deref(),
            complete: s.complete,
            file: s.file.as_deref(),
        })
        .collect();
    let mut text = crate::escape::json_pretty(&sets);
    text.push('\n');
    text
}

/// A labelled text under an item: `   Label: text`, its following lines under the label.
fn block(out: &mut String, t: Term, label: &str, text: &str) {
    let text = clean(text.trim());
    let label = format!("   {} ", t.dim(&format!("{label}:")));
    let _ = writeln!(out, "{}", t.fill(&label, &text, "      "));
}

/// A line of the set's or the bank's own, broken to the width, its following lines
/// indented.
fn line(out: &mut String, t: Term, text: &str) {
    let _ = writeln!(out, "{}", t.fill("", text, "  "));
}

/// A set's criteria, each with its question, guidance and source, after the set's
/// metadata and lineage.
pub fn set(set: &CriteriaSet, catalog: &Catalog, lang: Lang, t: Term) -> String {
    let w = Words(lang);
    let bank = &catalog.bank;
    let mut out = String::new();
    let title = format!(
        "{} ({})",
        t.bold(&clean_line(&set.name)),
        clean_line(&set.id)
    );
    line(&mut out, t, &title);
    line(
        &mut out,
        t,
        &format!("{}: {}", w.kind_label(), w.set_kind(set.kind)),
    );
    let source = clean_line(&set.source.to_string());
    line(&mut out, t, &format!("{}: {source}", w.source_label()));
    if let Some(date) = &set.source.date {
        line(
            &mut out,
            t,
            &format!("{}: {}", w.date_label(), clean_line(date)),
        );
    }
    if let Some(complete) = set.complete {
        line(&mut out, t, w.list_complete(complete));
    }
    if !set.governs.is_empty() {
        let parties: Vec<String> = set.governs.iter().map(|g| clean_line(g)).collect();
        line(
            &mut out,
            t,
            &format!("{}: {}", w.governs_label(), parties.join(", ")),
        );
    }
    if let Some(parent) = &set.derives_from {
        let name = catalog
            .set(parent)
            .map_or_else(|| parent.clone(), |p| format!("{} ({})", p.name, p.id));
        line(
            &mut out,
            t,
            &format!("{}: {}", w.derives_label(), clean_line(&name)),
        );
        if let Some(lineage) = &set.lineage {
            let lineage = clean(lineage.get(lang).trim());
            let _ = writeln!(out, "{}", t.fill("  ", &lineage, "  "));
        }
    }
    line(
        &mut out,
        t,
        &w.law_applies(&clean_line(catalog.law.name.get(lang))),
    );
    out.push('\n');
    for (n, c) in set.criteria.iter().enumerate() {
        let mut heading = t.bold(&clean(c.text.get(lang).trim()));
        if !c.required {
            let _ = write!(heading, " ({})", w.recommended());
        }
        let number = format!("{:>2}. ", n + 1);
        let _ = writeln!(out, "{}", t.fill(&number, &heading, "    "));
        let item = bank.item(&c.question);
        let short = item.map_or("", |q| q.short().get(lang));
        let mut question = format!(
            "{} [{}], {}",
            clean_line(short),
            clean_line(&c.question),
            w.ok_answer(c.ok)
        );
        if c.required {
            let _ = write!(question, "; {}", w.otherwise(c.route));
        } else {
            let _ = write!(question, "; {}", w.advisory_only());
        }
        block(&mut out, t, w.question_label(), &question);
        block(&mut out, t, w.help_label(), c.help.get(lang));
        block(&mut out, t, w.source_label(), &c.source.to_string());
        if let Some(route_source) = item.and_then(Item::route_source).filter(|_| c.required) {
            block(&mut out, t, w.route_source_label(), route_source);
        }
        out.push('\n');
    }
    out
}

/// The question bank and the law: every question with its wording, the answer that meets
/// it, where a failing answer points and the source that says so; then the facts; then
/// the law's items with their citations.
pub fn bank(catalog: &Catalog, lang: Lang, t: Term) -> String {
    let w = Words(lang);
    let bank = &catalog.bank;
    let heading = t.bold(&w.bank_heading(bank.questions.len()));
    let mut out = format!("{}\n\n", t.fill("", &heading, ""));
    let rule = |out: &mut String, item: Item<'_>| {
        let mut rule = format!("{}; {}", w.ok_answer(item.ok()), w.otherwise(item.route()));
        if let Item::Question(q) = item
            && q.design
        {
            let _ = write!(rule, "; {}", w.design_note());
        }
        block(out, t, w.rule_label(), &rule);
        if let Some(source) = item.route_source() {
            block(out, t, w.route_source_label(), source);
        }
    };
    for q in &bank.questions {
        let mut title = format!(
            "{} {}",
            t.bold(&clean_line(&q.id)),
            t.dim(&clean_line(q.short.get(lang)))
        );
        if let Some(fact) = bank.fact_of(&q.id) {
            let _ = write!(title, " {}", w.part_of_fact(&fact.id));
        }
        line(&mut out, t, &title);
        block(&mut out, t, w.question_label(), q.text.get(lang));
        if bank.fact_of(&q.id).is_none() {
            rule(&mut out, Item::Question(q));
        }
        block(&mut out, t, w.help_label(), q.help.get(lang));
        block(&mut out, t, w.source_label(), &q.sources.join("; "));
        out.push('\n');
    }
    let heading = t.bold(&w.facts_heading(bank.facts.len()));
    let _ = writeln!(out, "{}\n", t.fill("", &heading, ""));
    for f in &bank.facts {
        let title = format!(
            "{} {}",
            t.bold(&clean_line(&f.id)),
            t.dim(&clean_line(f.short.get(lang)))
        );
        line(&mut out, t, &title);
        block(&mut out, t, w.fact_label(), f.text.get(lang));
        block(&mut out, t, w.all_of_label(), &f.all_of.join(", "));
        rule(&mut out, Item::Fact(f));
        block(&mut out, t, w.help_label(), f.help.get(lang));
        block(&mut out, t, w.source_label(), &f.sources.join("; "));
        out.push('\n');
    }
    let law = &catalog.law;
    line(&mut out, t, &t.bold(&clean_line(law.name.get(lang))));
    let _ = writeln!(
        out,
        "{}\n",
        t.fill("", &clean(law.intro.get(lang).trim()), "")
    );
    for (n, item) in law.items.iter().enumerate() {
        let number = format!("{:>2}. ", n + 1);
        let text = format!(
            "{} [{}]",
            t.bold(&clean(item.text.get(lang).trim())),
            clean_line(&item.id)
        );
        let _ = writeln!(out, "{}", t.fill(&number, &text, "    "));
        block(&mut out, t, w.help_label(), item.help.get(lang));
        let cites: Vec<String> = law
            .cites(item)
            .map(|c| {
                let mut text = c.short.get(lang).to_string();
                if let Some(url) = &c.url {
                    let _ = write!(text, " <{url}>");
                }
                text
            })
            .collect();
        block(&mut out, t, w.source_label(), &cites.join("; "));
        out.push('\n');
    }
    out
}
