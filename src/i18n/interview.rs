//! The words of the interview: prompts, replies, the review and what was saved.

use super::Words;
use crate::lang::Lang;
use crate::model::Answer;

/// What a user typed at an interview prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// Yes, no or don't know, relative to the text shown.
    Answer(Answer),
    Help,
    Back,
}

impl Words {
    /// Reads a reply in either language, whatever the interface's language.
    pub fn reply(self, line: &str) -> Option<Reply> {
        let line = line.trim().to_lowercase();
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(match line.as_str() {
            "j" | "ja" | "y" | "yes" | "stämmer" => Reply::Answer(Answer::Yes),
            "n" | "nej" | "no" | "stämmer inte" => Reply::Answer(Answer::No),
            "v" | "vet ej" | "vet inte" | "u" | "unknown" | "don't know" => {
                Reply::Answer(Answer::Unknown)
            }
            "?" | "h" | "hjälp" | "help" => Reply::Help,
            "b" | "bakåt" | "back" => Reply::Back,
            _ => return None,
        })
    }

    pub fn choices(self, statement: bool) -> &'static str {
        match (self.0, statement) {
            (Lang::Sv, true) => "Stämmer det? [j]a / [n]ej / [v]et ej, ? hjälp, b bakåt >",
            (Lang::Sv, false) => "[j]a / [n]ej / [v]et ej, ? hjälp, b bakåt >",
            (Lang::En, true) => "Is this so? [y]es / [n]o / [u]nknown, ? help, b back >",
            (Lang::En, false) => "[y]es / [n]o / [u]nknown, ? help, b back >",
        }
    }

    pub fn reply_hint(self) -> &'static str {
        pick!(
            self,
            "  Svara j (ja), n (nej) eller v (vet ej); ? visar hjälp och b går tillbaka.",
            "  Answer y (yes), n (no) or u (unknown); ? shows help and b goes back."
        )
    }

    pub fn no_previous(self) -> &'static str {
        pick!(
            self,
            "  Det här är den första frågan.",
            "  This is the first question."
        )
    }

    pub fn nothing_to_ask(self) -> &'static str {
        pick!(
            self,
            "Alla frågor är redan besvarade.",
            "Every question is already answered."
        )
    }

    pub fn interview_intro(self, count: usize) -> String {
        pick!(
            self,
            format!(
                "{count} {} att besvara. Svara ja, nej eller vet ej; ? visar hjälp och källa.",
                if count == 1 { "fråga" } else { "frågor" }
            ),
            format!(
                "{count} {} to answer. Answer yes, no or unknown; ? shows help and source.",
                if count == 1 { "question" } else { "questions" }
            )
        )
    }

    /// The heading of an interview over several sets.
    pub fn interview_all_sets(self, sets: &[&str]) -> String {
        pick!(
            self,
            format!(
                "Frågorna i alla uppsättningar ({}). För en enda kommuns checklista: --set ID.",
                sets.join(", ")
            ),
            format!(
                "The questions of every set ({}). For one municipality's checklist: --set ID.",
                sets.join(", ")
            )
        )
    }

    /// An answer as the user gave it: to a statement "stämmer" / "stämmer inte", to a
    /// question "ja" / "nej".
    pub fn reply_word(self, answer: Option<Answer>, statement: bool) -> &'static str {
        match (answer, statement) {
            (Some(Answer::Yes), true) => pick!(self, "stämmer", "met"),
            (Some(Answer::No), true) => pick!(self, "stämmer inte", "not met"),
            _ => self.answer(answer),
        }
    }

    pub fn review_heading(self) -> &'static str {
        pick!(self, "Dina svar:", "Your answers:")
    }

    pub fn review_prompt(self, count: usize) -> String {
        pick!(
            self,
            format!(
                "Ändra ett svar med dess nummer (1–{count}), eller tryck Enter för bedömningen >"
            ),
            format!("Change an answer by its number (1–{count}), or press Enter for the verdict >")
        )
    }

    pub fn review_hint(self, count: usize) -> String {
        pick!(
            self,
            format!("  Skriv ett nummer från 1 till {count}, eller tryck Enter."),
            format!("  Type a number from 1 to {count}, or press Enter.")
        )
    }

    /// After an interview that ended early: what was saved, and how to go on.
    pub fn interrupted(self, saved: Option<(usize, &str)>, set: Option<&str>) -> String {
        let set = set.map(|s| format!(" --set {s}")).unwrap_or_default();
        match saved {
            Some((count, file)) => pick!(
                self,
                format!(
                    "Avbrutet. {count} svar är sparade i {file}.\nFortsätt där du slutade med: iop check {file} -i --save {file}{set}"
                ),
                format!(
                    "Interrupted. {count} {} saved in {file}.\nContinue where you left off with: iop check {file} -i --save {file}{set}",
                    if count == 1 { "answer is" } else { "answers are" }
                )
            ),
            None => pick!(
                self,
                "Avbrutet. Svaren sparades inte; med --save FIL sparas varje svar när det ges.".to_string(),
                "Interrupted. The answers were not saved; with --save FILE every answer is saved as it is given.".to_string()
            ),
        }
    }

    pub fn saved(self, count: usize, file: &str) -> String {
        pick!(
            self,
            format!("{count} svar sparade i {file}."),
            format!("{count} answers saved in {file}.")
        )
    }
}
