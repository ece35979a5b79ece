//! `iop init`: an answer file to fill in, every question present and set to "unknown",
//! the law's first, each with its wording, guidance and source as comments above it.

use std::fmt::Write;

use crate::escape::clean;
use crate::i18n::Words;
use crate::interview::{self, Item};
use crate::lang::Lang;
use crate::model::{Catalog, CriteriaSet};
use crate::term;

/// Text as TOML comment lines, the first after `first`, the rest indented to match.
/// Control characters, which a TOML comment may not hold, are shown as escapes.
fn comment(out: &mut String, first: &str, text: &str) {
    let pad = " ".repeat(first.chars().count());
    for (i, line) in term::wrap(&clean(text), 88 - pad.len()).iter().enumerate() {
        let lead = if i == 0 { first } else { &pad };
        let _ = writeln!(out, "# {lead}{line}");
    }
}

/// A TOML string literal, escaped as TOML requires.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The template for one set (the law's questions, then the set's criteria in its order
/// and wording) or for several (the law's, then the bank's questions, in its order).
pub fn render(sets: &[&CriteriaSet], catalog: &Catalog, lang: Lang) -> String {
    let w = Words(lang);
    let (bank, law) = (&catalog.bank, &catalog.law);
    // First, where an editor finds the schema (taplo reads it from the file's first
    // comments): a path beside the file, since the schema depends on the criteria in force.
    let mut out = format!("#:schema ./{}\n", crate::report::schema::ANSWERS_FILE);
    for line in w.template_intro() {
        let _ = writeln!(out, "# {line}");
    }
    for line in w.template_schema(crate::report::schema::ANSWERS_FILE) {
        let _ = writeln!(out, "# {line}");
    }
    let names: Vec<String> = sets
        .iter()
        .map(|s| format!("{} ({})", s.name, s.id))
        .collect();
    comment(
        &mut out,
        &format!("{}: ", w.criteria_label()),
        &names.join(", "),
    );
    out.push('\n');
    let _ = writeln!(out, "[case]");
    for (key, hint) in w.template_case_fields() {
        let _ = writeln!(out, "{key} = \"\"{}# {hint}", " ".repeat(14 - key.len()));
    }
    if let [one] = sets {
        let _ = writeln!(out, "set = {}", toml_string(&one.id));
    }
    let _ = writeln!(out, "\n[answers]");
    let items: Vec<Item<'_>> = match sets {
        [one] => interview::set_items(one, law, bank, lang),
        many => interview::bank_items(many, law, bank, lang),
    };
    let law_count = interview::law_items(law, bank, lang).len();
    for (n, item) in items.iter().enumerate() {
        if n == 0 {
            let _ = writeln!(out, "\n# {}", w.template_law());
        } else if n == law_count {
            let _ = writeln!(out, "\n# {}", w.template_criteria());
        }
        out.push('\n');
        let question = bank.get(item.question);
        let text = question.map_or(item.text, |q| q.text.get(lang));
        comment(&mut out, &format!("{}. ", n + 1), text);
        if item.statement {
            if let [one] = sets {
                let mut quote = format!(
                    "{}: ”{}” – {}",
                    one.name,
                    item.text.trim(),
                    w.met_when(item.yes)
                );
                if !item.required {
                    let _ = write!(quote, " ({})", w.recommended());
                }
                comment(&mut out, "   ", &quote);
            }
        } else if let Some(q) = question.filter(|q| bank.fact_of(&q.id).is_none()) {
            comment(&mut out, "   ", &w.met_when(q.ok));
        }
        comment(&mut out, &format!("   {}: ", w.help_label()), item.help);
        comment(
            &mut out,
            &format!("   {}: ", w.source_label()),
            &item.source,
        );
        let _ = writeln!(out, "{} = \"unknown\"", item.question);
    }
    let _ = writeln!(out, "\n[notes]");
    for line in w.template_notes() {
        let _ = writeln!(out, "# {line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case;
    use crate::model::criteria;

    #[test]
    fn every_template_is_a_valid_answer_file_with_the_law_first() {
        let catalog = criteria::builtin().unwrap();
        for set in &catalog.sets {
            for lang in [Lang::Sv, Lang::En] {
                let text = render(&[set], &catalog, lang);
                let case = case::parse("t.toml", &text, &catalog).unwrap();
                assert_eq!(case.meta.set.as_deref(), Some(set.id.as_str()));
                let first = text.find("payment_for_performance =").unwrap();
                let own = text.find("ideburen_organisation =").unwrap();
                assert!(first < own, "{}", set.id);
            }
        }
        let all: Vec<&CriteriaSet> = catalog.sets.iter().collect();
        let text = render(&all, &catalog, Lang::Sv);
        let case = case::parse("t.toml", &text, &catalog).unwrap();
        assert_eq!(case.answers.len(), catalog.bank.questions.len());
    }
}
