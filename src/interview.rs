//! The interview: asks a checklist's open questions one at a time over any reader and
//! writer, the way the paper checklists do, and keeps every answer as it is given.
//!
//! Prompts go to the writer (stderr in the binary), so a report on stdout stays clean.
//! Every text from a criteria file is shown through `escape`, as in the reports.
//! Input is read as whole lines: a terminal, a pipe and a screen reader all work.

use std::io::{self, BufRead, Write};

use crate::escape::{clean, clean_line};
use crate::i18n::{Reply, Words};
use crate::model::{Answer, Answers, Bank, CriteriaSet};

/// One question as the interview asks it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub question: &'a str,
    /// The statement or question shown.
    pub text: &'a str,
    pub help: &'a str,
    pub source: String,
    pub short: &'a str,
    /// The answer a "yes" stands for. A set's criterion is stated as a requirement, so
    /// "stämmer" means met; a bank question is asked in its own polarity.
    pub yes: bool,
    /// True when the item is a set's criterion ("Stämmer det?"), false for a question.
    pub statement: bool,
}

impl Item<'_> {
    fn answer(&self, reply: Answer) -> Answer {
        match reply.known() {
            Some(yes) => Answer::from_bool(if yes { self.yes } else { !self.yes }),
            None => Answer::Unknown,
        }
    }

    /// The stored answer as the user gave it (yes / no / unknown relative to the text).
    fn shown(&self, answer: Option<Answer>) -> Option<Answer> {
        answer.map(|a| match a.known() {
            Some(value) => Answer::from_bool(value == self.yes),
            None => Answer::Unknown,
        })
    }
}

/// The criteria of one set, in the set's order, each worded as the set words it.
pub fn set_items<'a>(set: &'a CriteriaSet, bank: &'a Bank, words: Words) -> Vec<Item<'a>> {
    let lang = words.0;
    set.criteria
        .iter()
        .map(|c| Item {
            question: &c.question,
            text: c.text.get(lang),
            help: c.help.get(lang),
            source: c.source.to_string(),
            short: bank
                .get(&c.question)
                .map_or(c.question.as_str(), |q| q.short.get(lang)),
            yes: c.ok,
            statement: true,
        })
        .collect()
}

/// The questions of several sets, each once, in the bank's order.
pub fn bank_items<'a>(sets: &[&CriteriaSet], bank: &'a Bank, words: Words) -> Vec<Item<'a>> {
    let lang = words.0;
    bank.questions
        .iter()
        .filter(|q| sets.iter().any(|s| s.uses(&q.id)))
        .map(|q| Item {
            question: &q.id,
            text: q.text.get(lang),
            help: q.help.get(lang),
            source: q.sources.join("; "),
            short: q.short.get(lang),
            yes: true,
            statement: false,
        })
        .collect()
}

/// How an interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every question was answered.
    Done,
    /// The input ended first.
    Interrupted,
}

/// Called after every answer with all answers so far, to save them. A saver that merges
/// in answers changed elsewhere meanwhile updates them.
pub type Saver<'s> = dyn FnMut(&mut Answers) -> io::Result<()> + 's;

pub struct Interview<'a> {
    pub items: Vec<Item<'a>>,
    /// What is being asked: the set's name, or which sets the questions serve.
    pub heading: String,
    pub words: Words,
    /// Offer a review of all answers after the last question (on a terminal only).
    pub review: bool,
}

impl Interview<'_> {
    /// Asks every item that `answers` leaves open, then offers the review.
    pub fn run(
        &self,
        answers: &mut Answers,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        save: &mut Saver<'_>,
    ) -> io::Result<Outcome> {
        let pending: Vec<usize> = (0..self.items.len())
            .filter(|&i| {
                answers
                    .get(self.items[i].question)
                    .and_then(|a| a.known())
                    .is_none()
            })
            .collect();
        let w = self.words;
        if pending.is_empty() {
            writeln!(out, "{}", w.nothing_to_ask())?;
        } else {
            writeln!(out, "{}", indented(&self.heading, "  "))?;
            writeln!(out, "{}", w.interview_intro(pending.len()))?;
        }
        let mut at = 0;
        while at < pending.len() {
            let step = (at + 1, pending.len());
            match self.ask(&self.items[pending[at]], step, input, out)? {
                Asked::Answer(answer) => {
                    answers.insert(self.items[pending[at]].question.to_string(), answer);
                    save(answers)?;
                    at += 1;
                }
                Asked::Back if at == 0 => writeln!(out, "{}", w.no_previous())?,
                Asked::Back => at -= 1,
                Asked::End => return Ok(Outcome::Interrupted),
            }
        }
        if self.review && !self.items.is_empty() {
            self.review(answers, input, out, save)?;
        }
        Ok(Outcome::Done)
    }

    /// Asks one item until it gets an answer, a step back or the end of the input.
    fn ask(
        &self,
        item: &Item<'_>,
        (n, total): (usize, usize),
        input: &mut dyn BufRead,
        out: &mut dyn Write,
    ) -> io::Result<Asked> {
        let w = self.words;
        writeln!(out, "\n[{n}/{total}] {}", indented(item.text.trim(), "  "))?;
        loop {
            write!(out, "{} ", w.choices(item.statement))?;
            out.flush()?;
            let Some(line) = read_line(input)? else {
                writeln!(out)?;
                return Ok(Asked::End);
            };
            match w.reply(&line) {
                Some(Reply::Answer(a)) => return Ok(Asked::Answer(item.answer(a))),
                Some(Reply::Back) => return Ok(Asked::Back),
                Some(Reply::Help) => {
                    writeln!(out, "  {}", indented(item.help.trim(), "  "))?;
                    writeln!(out, "  {}: {}", w.source_label(), clean_line(&item.source))?;
                }
                None => writeln!(out, "{}", w.reply_hint())?,
            }
        }
    }

    /// Lists every answer by number; a number asks that question again, Enter ends.
    fn review(
        &self,
        answers: &mut Answers,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        save: &mut Saver<'_>,
    ) -> io::Result<()> {
        let w = self.words;
        loop {
            writeln!(out, "\n{}", w.review_heading())?;
            for (i, item) in self.items.iter().enumerate() {
                let shown = item.shown(answers.get(item.question).copied());
                let short = clean_line(item.short);
                writeln!(out, "{:>3}. {short}: {}", i + 1, w.answer(shown))?;
            }
            write!(out, "{} ", w.review_prompt(self.items.len()))?;
            out.flush()?;
            let Some(line) = read_line(input)? else {
                writeln!(out)?;
                return Ok(());
            };
            let line = line.trim();
            if line.is_empty() {
                return Ok(());
            }
            let Some(i) = line
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=self.items.len()).contains(n))
            else {
                writeln!(out, "{}", w.review_hint(self.items.len()))?;
                continue;
            };
            let item = &self.items[i - 1];
            match self.ask(item, (i, self.items.len()), input, out)? {
                Asked::Answer(answer) => {
                    answers.insert(item.question.to_string(), answer);
                    save(answers)?;
                }
                Asked::Back => {}
                Asked::End => return Ok(()),
            }
        }
    }
}

enum Asked {
    Answer(Answer),
    Back,
    End,
}

/// One line of input without its line end, or `None` at the end of the input; a line
/// longer than `input::MAX_LINE` ends the interview with an error that says so.
fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    crate::input::read_line(input, crate::input::MAX_LINE)
}

/// Text from a file over several lines, each line after the first indented by `pad`, so
/// that no line of the output begins with the file's text.
fn indented(text: &str, pad: &str) -> String {
    clean(text).replace('\n', &format!("\n{pad}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Catalog, criteria};

    struct Run {
        answers: Answers,
        outcome: Outcome,
        shown: String,
        saves: Vec<Answers>,
    }

    fn run_set(catalog: &Catalog, set: &str, input: &str, start: Answers, review: bool) -> Run {
        let words = Words(Lang::Sv);
        let set = catalog.set(set).unwrap();
        let interview = Interview {
            items: set_items(set, &catalog.bank, words),
            heading: set.name.clone(),
            words,
            review,
        };
        let mut answers = start;
        let mut out = Vec::new();
        let mut saves = Vec::new();
        let outcome = interview
            .run(
                &mut answers,
                &mut input.as_bytes(),
                &mut out,
                &mut |a: &mut Answers| {
                    saves.push(a.clone());
                    Ok(())
                },
            )
            .unwrap();
        Run {
            answers,
            outcome,
            shown: String::from_utf8(out).unwrap(),
            saves,
        }
    }

    fn catalog() -> Catalog {
        criteria::builtin().unwrap()
    }

    #[test]
    fn every_keyword_in_either_language() {
        let catalog = catalog();
        // sou-2019-56: ideburen_organisation, shared_goals, cofinanced, municipality_orders_service
        let run = run_set(
            &catalog,
            "sou-2019-56",
            "J\nyes\nVet ej\nstämmer\n",
            Answers::new(),
            false,
        );
        assert_eq!(run.outcome, Outcome::Done);
        assert_eq!(run.answers["ideburen_organisation"], Answer::Yes);
        assert_eq!(run.answers["shared_goals"], Answer::Yes);
        assert_eq!(run.answers["cofinanced"], Answer::Unknown);
        // The criterion is stated as a requirement ("not a purchase"): "stämmer" meets it.
        assert_eq!(run.answers["municipality_orders_service"], Answer::No);
        assert_eq!(run.saves.len(), 4, "saved after every answer");
        assert!(run.shown.contains("[1/4]") && run.shown.contains("[4/4]"));
    }

    #[test]
    fn no_to_a_requirement_fails_it() {
        let run = run_set(
            &catalog(),
            "sou-2019-56",
            "n\nnej\nno\nn\n",
            Answers::new(),
            false,
        );
        assert_eq!(run.answers["ideburen_organisation"], Answer::No);
        assert_eq!(run.answers["municipality_orders_service"], Answer::Yes);
    }

    #[test]
    fn help_shows_guidance_and_source_then_asks_again() {
        let catalog = catalog();
        let run = run_set(
            &catalog,
            "sou-2019-56",
            "?\nj\nj\nj\nn\n",
            Answers::new(),
            false,
        );
        let criterion = &catalog.set("sou-2019-56").unwrap().criteria[0];
        assert!(
            run.shown
                .contains(criterion.help.sv.trim().lines().next().unwrap())
        );
        assert!(run.shown.contains("Källa: "));
        assert_eq!(run.answers.len(), 4);
    }

    #[test]
    fn back_returns_to_the_previous_question() {
        let run = run_set(
            &catalog(),
            "sou-2019-56",
            "b\nj\nb\nn\nj\nj\nn\n",
            Answers::new(),
            false,
        );
        assert!(run.shown.contains("Det här är den första frågan."));
        assert_eq!(
            run.answers["ideburen_organisation"],
            Answer::No,
            "the second answer replaced the first"
        );
        assert_eq!(run.outcome, Outcome::Done);
    }

    #[test]
    fn invalid_input_gets_a_hint_and_the_same_question() {
        let run = run_set(
            &catalog(),
            "sou-2019-56",
            "kanske\n\nj\nj\nj\nn\n",
            Answers::new(),
            false,
        );
        assert_eq!(
            run.shown
                .matches("Svara j (ja), n (nej) eller v (vet ej)")
                .count(),
            2
        );
        assert_eq!(run.answers.len(), 4);
    }

    #[test]
    fn end_of_input_keeps_what_was_answered() {
        let run = run_set(&catalog(), "sou-2019-56", "j\nn", Answers::new(), false);
        assert_eq!(run.outcome, Outcome::Interrupted);
        assert_eq!(run.answers.len(), 2);
        assert_eq!(run.saves.len(), 2);
    }

    #[test]
    fn only_open_questions_are_asked() {
        let start: Answers = [
            ("ideburen_organisation".to_string(), Answer::Yes),
            ("shared_goals".to_string(), Answer::Unknown),
        ]
        .into();
        let run = run_set(&catalog(), "sou-2019-56", "j\nj\nn\n", start, false);
        assert!(run.shown.contains("[1/3]") && !run.shown.contains("[1/4]"));
        assert_eq!(run.answers["shared_goals"], Answer::Yes);
    }

    #[test]
    fn the_review_changes_an_answer_by_number() {
        let run = run_set(
            &catalog(),
            "sou-2019-56",
            "j\nj\nj\nn\n3\nn\n\n",
            Answers::new(),
            true,
        );
        assert!(run.shown.contains("Dina svar:"));
        assert_eq!(run.answers["cofinanced"], Answer::No);
        assert_eq!(run.saves.len(), 5);
    }

    #[test]
    fn all_sets_ask_each_question_once_in_its_own_polarity() {
        let catalog = catalog();
        let words = Words(Lang::En);
        let sets: Vec<&CriteriaSet> = catalog.sets.iter().collect();
        let items = bank_items(&sets, &catalog.bank, words);
        assert_eq!(items.len(), catalog.bank.questions.len());
        let market = items
            .iter()
            .find(|i| i.question == "market_exists")
            .unwrap();
        assert_eq!(market.answer(Answer::Yes), Answer::Yes);
    }
}
