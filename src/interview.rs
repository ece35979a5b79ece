//! The interview: asks the open questions one at a time over any reader and writer, the
//! law's first, then a checklist's in its own wording, and keeps every answer as it is
//! given.
//!
//! Prompts go to the writer (stderr in the binary), so a report on stdout stays clean.
//! Every text from a criteria file is shown through `escape`, as in the reports.
//! Input is read as whole lines: a terminal, a pipe and a screen reader all work.

use std::io::{self, BufRead, Write};

use crate::escape::{clean, clean_line};
use crate::i18n::{Reply, Words};
use crate::lang::Lang;
use crate::model::{Answer, Answers, Bank, CriteriaSet, Law};

/// One question as the interview asks it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// The question id the answer is saved under.
    pub question: &'a str,
    /// The statement or question shown.
    pub text: &'a str,
    pub help: &'a str,
    pub source: String,
    /// The question's short label, in its own polarity.
    pub short: &'a str,
    /// The answer a "yes" stands for. A set's criterion is stated as a requirement, so
    /// "stämmer" means met; a question is asked in its own polarity.
    pub yes: bool,
    /// True when the item is a set's criterion ("Stämmer det?"), false for a question.
    pub statement: bool,
    /// False for a recommended criterion: asked, and marked as not required.
    pub required: bool,
    /// The fact the question belongs to: once one of its questions is `false`, the fact
    /// is settled and its other questions are not asked.
    pub fact: Option<&'a str>,
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

/// A question of the bank, asked in its own words and polarity.
fn question_item<'a>(bank: &'a Bank, id: &'a str, lang: Lang) -> Option<Item<'a>> {
    let q = bank.get(id)?;
    Some(Item {
        question: &q.id,
        text: q.text.get(lang),
        help: q.help.get(lang),
        source: q.sources.join("; "),
        short: q.short.get(lang),
        yes: true,
        statement: false,
        required: true,
        fact: bank.fact_of(id).map(|f| f.id.as_str()),
    })
}

/// The questions an item of the law or of a set is answered by, asked as questions.
fn questions_of<'a>(bank: &'a Bank, id: &'a str, lang: Lang) -> Vec<Item<'a>> {
    bank.questions_of(id)
        .into_iter()
        .filter_map(|q| question_item(bank, q, lang))
        .collect()
}

/// The law's questions, in the law's order: a fact's questions, or the question itself.
pub fn law_items<'a>(law: &'a Law, bank: &'a Bank, lang: Lang) -> Vec<Item<'a>> {
    law.items
        .iter()
        .flat_map(|item| questions_of(bank, &item.id, lang))
        .collect()
}

/// The law's questions, then the criteria of one set in the set's order, each worded as
/// the set words it; a criterion on something the law has asked already is not asked
/// again, and one on a fact is asked through the fact's questions.
pub fn set_items<'a>(
    set: &'a CriteriaSet,
    law: &'a Law,
    bank: &'a Bank,
    lang: Lang,
) -> Vec<Item<'a>> {
    let mut items = law_items(law, bank, lang);
    for c in &set.criteria {
        if bank.fact(&c.question).is_some() {
            for item in questions_of(bank, &c.question, lang) {
                if !items.iter().any(|i| i.question == item.question) {
                    items.push(item);
                }
            }
            continue;
        }
        if items.iter().any(|i| i.question == c.question) {
            continue;
        }
        items.push(Item {
            question: &c.question,
            text: c.text.get(lang),
            help: c.help.get(lang),
            source: c.source.to_string(),
            short: bank
                .get(&c.question)
                .map_or(c.question.as_str(), |q| q.short.get(lang)),
            yes: c.ok,
            statement: true,
            required: c.required,
            fact: None,
        });
    }
    items
}

/// The law's questions, then the questions of several sets, each once, in the bank's
/// order (a fact's through its questions).
pub fn bank_items<'a>(
    sets: &[&CriteriaSet],
    law: &'a Law,
    bank: &'a Bank,
    lang: Lang,
) -> Vec<Item<'a>> {
    let mut items = law_items(law, bank, lang);
    let used = |q: &str| {
        let item = bank.fact_of(q).map_or(q, |f| f.id.as_str());
        sets.iter().any(|s| s.uses(item))
    };
    for q in &bank.questions {
        if used(&q.id) && !items.iter().any(|i| i.question == q.id) {
            items.extend(question_item(bank, &q.id, lang));
        }
    }
    items
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

/// Whether a question need not be asked: its fact is settled by another question's
/// `false`.
fn settled_by_fact(items: &[Item<'_>], item: &Item<'_>, answers: &Answers) -> bool {
    let Some(fact) = item.fact else {
        return false;
    };
    items.iter().any(|other| {
        other.fact == Some(fact)
            && other.question != item.question
            && answers.get(other.question).and_then(|a| a.known()) == Some(false)
    })
}

impl Interview<'_> {
    /// The items still to ask, in order: open in `answers`, not settled by a fact, not
    /// yet asked in this run.
    fn remaining(&self, answers: &Answers, asked: &[usize]) -> Vec<usize> {
        (0..self.items.len())
            .filter(|i| !asked.contains(i))
            .filter(|&i| {
                let item = &self.items[i];
                answers.get(item.question).and_then(|a| a.known()).is_none()
                    && !settled_by_fact(&self.items, item, answers)
            })
            .collect()
    }

    /// Asks every item that `answers` leaves open, then offers the review.
    pub fn run(
        &self,
        answers: &mut Answers,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        save: &mut Saver<'_>,
    ) -> io::Result<Outcome> {
        let w = self.words;
        let first = self.remaining(answers, &[]);
        if first.is_empty() {
            writeln!(out, "{}", w.nothing_to_ask())?;
        } else {
            writeln!(out, "{}", indented(&self.heading, "  "))?;
            writeln!(out, "{}", w.interview_intro(first.len()))?;
        }
        // The items asked in this run, in the order asked: `b` goes back along it.
        let mut asked: Vec<usize> = Vec::new();
        let mut back: Option<usize> = None;
        loop {
            let index = match back.take() {
                Some(index) => index,
                None => match self.remaining(answers, &asked).first() {
                    Some(index) => *index,
                    None => break,
                },
            };
            let step = (
                asked.len() + 1,
                asked.len() + self.remaining(answers, &asked).len().max(1),
            );
            match self.ask(&self.items[index], step, input, out)? {
                Asked::Answer(answer) => {
                    answers.insert(self.items[index].question.to_string(), answer);
                    save(answers)?;
                    asked.push(index);
                }
                Asked::Back => match asked.pop() {
                    Some(previous) => {
                        back = Some(previous);
                    }
                    None => {
                        writeln!(out, "{}", w.no_previous())?;
                        back = Some(index);
                    }
                },
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
        let mark = if item.required {
            String::new()
        } else {
            format!(" ({})", w.recommended())
        };
        writeln!(
            out,
            "\n[{n}/{total}] {}{mark}",
            indented(item.text.trim(), "  ")
        )?;
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

    /// Lists every answer by number, each with the text it was asked with; a number asks
    /// that question again, Enter ends.
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
                let reply = w.reply_word(shown, item.statement);
                let text = if item.statement {
                    clean_line(&first_words(item.text.trim(), 72))
                } else {
                    clean_line(item.short)
                };
                writeln!(out, "{:>3}. {text}: {reply}", i + 1)?;
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

/// The start of a text, cut at a word before `max` characters, with "…" when cut.
fn first_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
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
    use crate::model::{Catalog, criteria};

    struct Run {
        answers: Answers,
        outcome: Outcome,
        shown: String,
        saves: Vec<Answers>,
    }

    fn catalog() -> Catalog {
        criteria::builtin().unwrap()
    }

    fn run_items(items: Vec<Item<'_>>, input: &str, start: Answers, review: bool) -> Run {
        let interview = Interview {
            items,
            heading: "heading".into(),
            words: Words(Lang::Sv),
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

    fn run_set(catalog: &Catalog, set: &str, input: &str, start: Answers, review: bool) -> Run {
        let set = catalog.set(set).unwrap();
        let items = set_items(set, &catalog.law, &catalog.bank, Lang::Sv);
        run_items(items, input, start, review)
    }

    /// The law's questions answered so that no fact is settled early: every one `ja`.
    fn law_answers(catalog: &Catalog, value: Answer) -> Answers {
        law_items(&catalog.law, &catalog.bank, Lang::Sv)
            .iter()
            .map(|i| (i.question.to_string(), value))
            .collect()
    }

    #[test]
    fn the_law_comes_first_in_the_contracts_order() {
        let catalog = catalog();
        let items = set_items(
            catalog.set("falun").unwrap(),
            &catalog.law,
            &catalog.bank,
            Lang::Sv,
        );
        let first: Vec<&str> = items.iter().take(6).map(|i| i.question).collect();
        assert_eq!(
            first,
            [
                "payment_for_performance",
                "direct_economic_interest",
                "binding_obligations",
                "economic_activity",
                "above_de_minimis",
                "municipal_competence"
            ]
        );
        assert!(items[..6].iter().all(|i| !i.statement && i.yes));
        assert!(items[6..].iter().all(|i| i.statement));
    }

    #[test]
    fn municipal_competence_is_asked_once_though_a_set_uses_it() {
        let catalog = catalog();
        for id in ["jonkoping", "kungsbacka", "vgr"] {
            let items = set_items(
                catalog.set(id).unwrap(),
                &catalog.law,
                &catalog.bank,
                Lang::Sv,
            );
            let count = items
                .iter()
                .filter(|i| i.question == "municipal_competence")
                .count();
            assert_eq!(count, 1, "{id}");
            // A set's facts are asked through the law's questions, not again.
            let contract = items
                .iter()
                .filter(|i| i.question == "binding_obligations")
                .count();
            assert_eq!(contract, 1, "{id}");
        }
    }

    #[test]
    fn a_facts_other_questions_are_skipped_once_one_is_false() {
        let catalog = catalog();
        // nej to payment: the public contract cannot be met; its two other questions go.
        let run = run_set(&catalog, "sou-2019-56", "n\nn\nj\n", Answers::new(), false);
        assert_eq!(run.answers["payment_for_performance"], Answer::No);
        assert!(!run.answers.contains_key("direct_economic_interest"));
        assert!(!run.answers.contains_key("binding_obligations"));
        // Then state aid: nej to economic activity settles it too.
        assert_eq!(run.answers["economic_activity"], Answer::No);
        assert!(!run.answers.contains_key("above_de_minimis"));
        assert_eq!(run.answers["municipal_competence"], Answer::Yes);
    }

    #[test]
    fn every_keyword_in_either_language() {
        let catalog = catalog();
        // sou-2019-56 after the law: ideburen_organisation, public_benefit_goal, cofinanced
        let run = run_set(
            &catalog,
            "sou-2019-56",
            "J\nyes\nVet ej\n",
            law_answers(&catalog, Answer::No),
            false,
        );
        assert_eq!(run.outcome, Outcome::Done);
        assert_eq!(run.answers["ideburen_organisation"], Answer::Yes);
        assert_eq!(run.answers["public_benefit_goal"], Answer::Yes);
        assert_eq!(run.answers["cofinanced"], Answer::Unknown);
        assert_eq!(run.saves.len(), 3, "saved after every answer");
        assert!(run.shown.contains("[1/3]") && run.shown.contains("[3/3]"));
    }

    #[test]
    fn stammer_to_a_statement_of_the_other_polarity_meets_it() {
        let catalog = catalog();
        let mut start = law_answers(&catalog, Answer::No);
        for q in [
            "ideburen_organisation",
            "initiated_by_ideburen",
            "plan_names_civil_society",
            "part_of_regular_grants",
        ] {
            start.insert(q.into(), Answer::Yes);
        }
        // Forum: "Det finns ingen marknad …" (market_exists, ok = false): stämmer → false.
        let run = run_set(&catalog, "forum", "stämmer\nstämmer inte\n", start, false);
        assert_eq!(run.answers["market_exists"], Answer::No);
        assert_eq!(run.answers["cofinanced"], Answer::No);
    }

    #[test]
    fn the_review_shows_each_answer_with_its_own_text() {
        let catalog = catalog();
        let falun = catalog.set("falun").unwrap();
        let mut start = law_answers(&catalog, Answer::No);
        for c in &falun.criteria {
            start.insert(c.question.clone(), c.answer_for(true));
        }
        // market_exists is saved false; the review must not say "Marknad finns: ja".
        let run = run_set(&catalog, "falun", "\n", start, true);
        assert!(run.shown.contains("Dina svar:"));
        let market = falun.criterion("market_exists").unwrap();
        let line = run
            .shown
            .lines()
            .find(|l| l.contains(&first_words(market.text.sv.trim(), 72)))
            .unwrap();
        assert!(line.ends_with(": stämmer"), "{line}");
        // A question of the law is shown with its own label and ja / nej.
        let pay = catalog.bank.get("payment_for_performance").unwrap();
        let line = run
            .shown
            .lines()
            .find(|l| l.contains(&pay.short.sv))
            .unwrap();
        assert!(line.ends_with(": nej"), "{line}");
    }

    #[test]
    fn back_returns_to_the_previous_question() {
        let catalog = catalog();
        let run = run_set(
            &catalog,
            "sou-2019-56",
            "b\nj\nb\nn\nn\nj\nj\nj\nj\n",
            Answers::new(),
            false,
        );
        assert!(run.shown.contains("Det här är den första frågan."));
        assert_eq!(
            run.answers["payment_for_performance"],
            Answer::No,
            "the second answer replaced the first"
        );
        assert_eq!(run.outcome, Outcome::Done);
    }

    #[test]
    fn invalid_input_gets_a_hint_and_the_same_question() {
        let catalog = catalog();
        let run = run_set(
            &catalog,
            "sou-2019-56",
            "kanske\n\nn\n",
            Answers::new(),
            false,
        );
        assert_eq!(
            run.shown
                .matches("Svara j (ja), n (nej) eller v (vet ej)")
                .count(),
            2
        );
        assert_eq!(run.answers.len(), 1);
    }

    #[test]
    fn end_of_input_keeps_what_was_answered() {
        let catalog = catalog();
        let run = run_set(&catalog, "sou-2019-56", "j\nj", Answers::new(), false);
        assert_eq!(run.outcome, Outcome::Interrupted);
        assert_eq!(run.answers.len(), 2);
        assert_eq!(run.saves.len(), 2);
    }

    #[test]
    fn a_recommended_criterion_is_asked_and_marked() {
        let catalog = catalog();
        let skr = catalog.set("skr-2017").unwrap();
        let mut start = law_answers(&catalog, Answer::No);
        for c in skr.criteria.iter().filter(|c| c.required) {
            start.insert(c.question.clone(), c.answer_for(true));
        }
        let run = run_set(&catalog, "skr-2017", "j\nj\n", start, false);
        assert_eq!(run.saves.len(), 2);
        assert_eq!(run.answers["plan_names_civil_society"], Answer::Yes);
        assert_eq!(run.answers["written_as_cofinanced"], Answer::Yes);
        assert_eq!(
            run.shown.matches("(rekommenderat)").count(),
            2,
            "{}",
            run.shown
        );
    }

    #[test]
    fn all_sets_ask_each_question_once_in_its_own_polarity() {
        let catalog = catalog();
        let sets: Vec<&CriteriaSet> = catalog.sets.iter().collect();
        let items = bank_items(&sets, &catalog.law, &catalog.bank, Lang::En);
        let mut ids: Vec<&str> = items.iter().map(|i| i.question).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "each once");
        assert_eq!(n, catalog.bank.questions.len());
        let market = items
            .iter()
            .find(|i| i.question == "market_exists")
            .unwrap();
        assert_eq!(market.answer(Answer::Yes), Answer::Yes);
    }
}
