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
    /// Stop asking: what is answered is kept.
    Stop,
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
            "q" | "sluta" | "avsluta" | "quit" | "stop" => Reply::Stop,
            _ => return None,
        })
    }

    pub fn choices(self, statement: bool) -> &'static str {
        match (self.0, statement) {
            (Lang::Sv, true) => "Stämmer det? [j]a / [n]ej / [v]et ej, ? hjälp, b bakåt, q sluta >",
            (Lang::Sv, false) => "[j]a / [n]ej / [v]et ej, ? hjälp, b bakåt, q sluta >",
            (Lang::En, true) => "Is this so? [y]es / [n]o / [u]nknown, ? help, b back, q stop >",
            (Lang::En, false) => "[y]es / [n]o / [u]nknown, ? help, b back, q stop >",
        }
    }

    pub fn reply_hint(self) -> &'static str {
        pick!(
            self,
            "  Svara j (ja), n (nej) eller v (vet ej); ? visar hjälp, b går tillbaka och q slutar.",
            "  Answer y (yes), n (no) or u (unknown); ? shows help, b goes back and q stops."
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

    /// The start of an interview that stops once the verdict is settled.
    pub fn adaptive_intro(self, count: usize) -> String {
        let most = self.plural(count, ("fråga", "frågor"), ("question", "questions"));
        pick!(
            self,
            format!(
                "Högst {most}: frågorna slutar när bedömningen är klar. Svara ja, nej eller vet ej; ? visar hjälp och källa."
            ),
            format!(
                "At most {most}: the questions stop once the verdict is settled. Answer yes, no or unknown; ? shows help and source."
            )
        )
    }

    /// An interview that goes on from answers already given.
    pub fn resumed(self, count: usize) -> String {
        let given = self.plural(count, ("svar", "svar"), ("answer", "answers"));
        pick!(
            self,
            format!("{given} finns redan; numreringen fortsätter och b går tillbaka till dem."),
            format!(
                "{given} already given; the numbering goes on from them and b goes back to them."
            )
        )
    }

    /// Before the first question of an interview without --save.
    pub fn unsaved_notice(self) -> &'static str {
        pick!(
            self,
            "Svaren sparas inte. Med --save FIL sparas varje svar när det ges, och du kan fortsätta senare.",
            "The answers will not be kept. With --save FILE every answer is saved as it is given, and you can go on later."
        )
    }

    /// When no answer to the questions left can change any chosen set's verdict.
    pub fn settled(self, sets: usize) -> &'static str {
        match (self.0, sets) {
            (Lang::Sv, 1) => "Bedömningen är klar; återstående frågor kan inte ändra den.",
            (Lang::Sv, _) => {
                "Bedömningen är klar för alla uppsättningar; återstående frågor kan inte ändra den."
            }
            (Lang::En, 1) => "The verdict is settled; the remaining questions cannot change it.",
            (Lang::En, _) => {
                "The verdict is settled for every set; the remaining questions cannot change it."
            }
        }
    }

    /// After a settled verdict, on a terminal: whether to answer the rest anyway.
    pub fn offer_rest(self, count: usize) -> String {
        match (self.0, count) {
            (Lang::Sv, 1) => {
                "Vill du ändå besvara den återstående frågan? [j]a, Enter för bedömningen >"
                    .to_string()
            }
            (Lang::Sv, _) => format!(
                "Vill du ändå besvara de {count} återstående frågorna? [j]a, Enter för bedömningen >"
            ),
            (Lang::En, 1) => {
                "Answer the remaining question anyway? [y]es, Enter for the verdict >".to_string()
            }
            (Lang::En, _) => format!(
                "Answer the {count} remaining questions anyway? [y]es, Enter for the verdict >"
            ),
        }
    }

    /// A question asked again: the answer it has; `word` as `reply_word` gives it.
    pub fn current_answer(self, word: &str) -> String {
        pick!(
            self,
            format!("  Nuvarande svar: {word}. Enter behåller det."),
            format!("  Current answer: {word}. Enter keeps it.")
        )
    }

    /// The prompt for a note after an answer.
    pub fn note_prompt(self) -> &'static str {
        pick!(
            self,
            "Motivering, Enter för att hoppa över >",
            "Reason, Enter to skip >"
        )
    }

    /// A note already written, shown before the prompt; `note` is escaped by the caller.
    pub fn current_note(self, note: &str) -> String {
        pick!(
            self,
            format!("  Nuvarande motivering: ”{note}” Enter behåller den."),
            format!("  Current reason: “{note}” Enter keeps it.")
        )
    }

    /// The lead of the questions on the case before a new interview.
    pub fn context_intro(self) -> &'static str {
        pick!(
            self,
            "Om ärendet (sparas i filen och visas i beslutsunderlaget; Enter hoppar över):",
            "About the case (saved in the file and shown in the memo; Enter skips):"
        )
    }

    pub fn title_prompt(self) -> &'static str {
        pick!(self, "Ärendets rubrik >", "Title of the case >")
    }

    pub fn organisation_prompt(self) -> &'static str {
        pick!(self, "Idéburen organisation >", "Idéburen organisation >")
    }

    pub fn public_party_prompt(self) -> &'static str {
        pick!(
            self,
            "Offentlig part (kommun eller region) >",
            "Public party (municipality or region) >"
        )
    }

    /// Whether to give the record of the case that a decision memo opens with.
    pub fn record_offer(self) -> &'static str {
        pick!(
            self,
            "Fyll i uppgifter för beslutsunderlaget (diarienummer, datum, handläggare, beslutsinstans)? [j]a, Enter hoppar över >",
            "Give the details of the decision memo (case reference, date, officer, decision body)? [y]es, Enter skips >"
        )
    }

    pub fn reference_prompt(self) -> &'static str {
        pick!(self, "Diarienummer >", "Case reference (diarienummer) >")
    }

    pub fn date_prompt(self) -> &'static str {
        pick!(
            self,
            "Datum för bedömningen (ÅÅÅÅ-MM-DD) >",
            "Date of the assessment (YYYY-MM-DD) >"
        )
    }

    pub fn date_hint(self) -> &'static str {
        pick!(
            self,
            "  Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-26, eller tryck Enter.",
            "  Write the date as YYYY-MM-DD, for example 2026-11-26, or press Enter."
        )
    }

    pub fn officer_prompt(self) -> &'static str {
        pick!(self, "Handläggare >", "Officer (handläggare) >")
    }

    pub fn decision_body_prompt(self) -> &'static str {
        pick!(
            self,
            "Beslutsinstans, till exempel socialnämnden >",
            "Decision body (beslutsinstans), for example the social services committee >"
        )
    }

    /// When the public party has criteria of its own; names escaped by the caller.
    pub fn propose_set(self, party: &str, set: &str, id: &str) -> String {
        pick!(
            self,
            format!(
                "{party} har egna kriterier: {set} ({id}). Vill du pröva ärendet mot bara dem? [j]a, Enter för alla uppsättningar >"
            ),
            format!(
                "{party} has criteria of its own: {set} ({id}). Check the case against those only? [y]es, Enter for every set >"
            )
        )
    }

    /// After `q`: the questions stopped, what was saved, and how to go on.
    pub fn stopped(self, saved: Option<(usize, &str)>, set: Option<&str>) -> String {
        let set = set.map(|s| format!(" --set {s}")).unwrap_or_default();
        match saved {
            Some((count, file)) => pick!(
                self,
                format!(
                    "Frågorna avslutade. {count} svar är {} i {file}.\nFortsätt senare med: iop check {file} -i --save {file}{set}",
                    if count == 1 { "sparat" } else { "sparade" }
                ),
                format!(
                    "Questions stopped. {count} {} saved in {file}.\nGo on later with: iop check {file} -i --save {file}{set}",
                    if count == 1 {
                        "answer is"
                    } else {
                        "answers are"
                    }
                )
            ),
            None => pick!(
                self,
                "Frågorna avslutade. Svaren sparades inte.".to_string(),
                "Questions stopped. The answers were not saved.".to_string()
            ),
        }
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

    /// The heading of an interview over some of the sets.
    pub fn interview_sets(self, sets: &[&str]) -> String {
        pick!(
            self,
            format!("Frågorna i uppsättningarna {}.", sets.join(", ")),
            format!("The questions of the sets {}.", sets.join(", "))
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
                    "Avbrutet. {count} svar är {} i {file}.\nFortsätt där du slutade med: iop check {file} -i --save {file}{set}",
                    if count == 1 { "sparat" } else { "sparade" }
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

    /// After an interview with --save that ended before anything was saved.
    pub fn interrupted_unanswered(self) -> &'static str {
        pick!(
            self,
            "Avbrutet innan något svar gavs; ingen fil har skrivits.",
            "Interrupted before any answer was given; no file was written."
        )
    }

    pub fn saved(self, count: usize, file: &str) -> String {
        pick!(
            self,
            format!("{count} svar sparade i {file}."),
            format!("{count} answers saved in {file}.")
        )
    }
}
