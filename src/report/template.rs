//! `iop init`: an answer file to fill in, every question present and set to "unknown",
//! each with its wording, guidance and source as comments above it.

use std::fmt::Write;

use crate::escape::clean;
use crate::i18n::{Lang, Words};
use crate::model::{Bank, CriteriaSet};

/// Breaks text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// Text as TOML comment lines, the first after `first`, the rest indented to match.
/// Control characters, which a TOML comment may not hold, are shown as escapes.
fn comment(out: &mut String, first: &str, text: &str) {
    let pad = " ".repeat(first.chars().count());
    for (i, line) in wrap(&clean(text), 88 - pad.len()).iter().enumerate() {
        let lead = if i == 0 { first } else { &pad };
        let _ = writeln!(out, "# {lead}{line}").map(|_| ());
    }
}

/// A TOML string literal, escaped as TOML requires.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The template for one set (in its order and wording) or for several (the bank's
/// questions, in its order).
pub fn render(sets: &[&CriteriaSet], bank: &Bank, lang: Lang) -> String {
    let w = Words(lang);
    let mut out = String::new();
    for line in w.template_intro() {
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
    let questions: Vec<&str> = bank
        .ids()
        .filter(|id| sets.iter().any(|s| s.uses(id)))
        .collect();
    let ordered: Vec<&str> = match sets {
        [one] => one.criteria.iter().map(|c| c.question.as_str()).collect(),
        _ => questions,
    };
    for (n, id) in ordered.iter().enumerate() {
        let Some(question) = bank.get(id) else {
            continue;
        };
        out.push('\n');
        comment(&mut out, &format!("{}. ", n + 1), question.text.get(lang));
        match sets {
            [one] => {
                if let Some(c) = one.criterion(id) {
                    let quote = format!(
                        "{}: ”{}” – {}",
                        one.name,
                        c.text.get(lang).trim(),
                        w.met_when(c.ok)
                    );
                    comment(&mut out, "   ", &quote);
                    comment(
                        &mut out,
                        &format!("   {}: ", w.help_label()),
                        c.help.get(lang),
                    );
                    comment(
                        &mut out,
                        &format!("   {}: ", w.source_label()),
                        &c.source.to_string(),
                    );
                }
            }
            _ => {
                comment(&mut out, "   ", &w.met_when(question.ok));
                comment(
                    &mut out,
                    &format!("   {}: ", w.help_label()),
                    question.help.get(lang),
                );
                comment(
                    &mut out,
                    &format!("   {}: ", w.source_label()),
                    &question.sources.join("; "),
                );
            }
        }
        let _ = writeln!(out, "{id} = \"unknown\"");
    }
    let _ = writeln!(out, "\n[notes]");
    for line in w.template_notes() {
        let _ = writeln!(out, "# {line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 6), Vec::<String>::new());
    }
}
