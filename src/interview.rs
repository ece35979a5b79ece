//! The interview: asks the open questions one at a time over any reader and writer, the
//! law's first, then a checklist's in its own wording, and keeps every answer as it is
//! given.
//!
//! Prompts go to the writer (stderr in the binary), so a report on stdout stays clean.
//! Every text from a criteria file is shown through `escape`, as in the reports.
//! Input is read as whole lines: a terminal, a pipe and a screen reader all work.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use crate::advice;
use crate::escape::{clean, clean_line};
use crate::i18n::{Reply, Words};
use crate::lang::Lang;
use crate::model::{Answer, Answers, Bank, CriteriaSet, Law};
use crate::term::fill;

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
    /// Every question it meant to ask was asked, or the verdict was settled first.
    Done,
    /// The user stopped it (`q`): what was answered is kept.
    Stopped,
    /// The input ended first.
    Interrupted,
}

/// In what order the questions come, and when they stop.
#[derive(Debug, Clone)]
pub enum Order<'a> {
    /// Every item, in the contract's order (`--all-questions`).
    Every,
    /// The law's questions first, then the question that settles the most across the
    /// sets (`advice::interview_question`); it stops once every set's verdict is settled.
    Adaptive {
        sets: Vec<&'a CriteriaSet>,
        law: &'a Law,
        bank: &'a Bank,
    },
}

/// Where an interview keeps what it is given, as it is given.
pub trait Keep {
    /// Saves every answer so far.
    fn answers(&mut self, answers: &mut Answers) -> io::Result<()>;
    /// Saves the note on a question.
    fn note(&mut self, question: &str, note: &str) -> io::Result<()>;
}

/// The notes of a case, keyed by question id.
pub type Notes = BTreeMap<String, String>;

pub struct Interview<'a> {
    pub items: Vec<Item<'a>>,
    /// What is being asked: the set's name, or which sets the questions serve.
    pub heading: String,
    pub words: Words,
    pub order: Order<'a>,
    /// On a terminal: offer a review of the answers at the end, and the questions left
    /// once the verdict is settled.
    pub terminal: bool,
    /// Offer a one-line note after each answer.
    pub notes: bool,
    /// Say before the first question that the answers will not be kept.
    pub unsaved: bool,
    /// Break the questions to this width (a terminal's); `None` leaves lines whole.
    pub width: Option<usize>,
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

fn known(answers: &Answers, question: &str) -> bool {
    answers.get(question).and_then(|a| a.known()).is_some()
}

/// Where an interview stands.
#[derive(Debug, Default)]
struct Progress {
    /// The items answered, in the order given: first those answered before this run (in
    /// the items' order), then this run's. `b` goes back along it; its length numbers
    /// the questions.
    history: Vec<usize>,
    /// The items asked in this run, whatever the answer: "vet ej" is not asked again.
    asked: Vec<usize>,
    /// The answered items gone back over with `b`, the latest on top: they return to
    /// the history once the question gone back to is answered.
    redo: Vec<usize>,
    /// Every question left, in order: `--all-questions`, or after a settled verdict.
    every: bool,
    /// Whether the settled verdict has been announced.
    settled_said: bool,
}

/// What to ask next.
enum Next {
    Ask(usize),
    /// Every chosen set's verdict is settled; questions may remain.
    Settled,
    /// Nothing is left to ask.
    Done,
}

impl Interview<'_> {
    /// The items still to ask in the contract's order: open in `answers`, not settled
    /// by a fact, not yet asked in this run.
    fn remaining(&self, answers: &Answers, asked: &[usize]) -> Vec<usize> {
        (0..self.items.len())
            .filter(|i| !asked.contains(i))
            .filter(|&i| {
                let item = &self.items[i];
                !known(answers, item.question) && !settled_by_fact(&self.items, item, answers)
            })
            .collect()
    }

    fn asked_questions<'q>(&'q self, progress: &Progress) -> Vec<&'q str> {
        progress
            .asked
            .iter()
            .map(|&i| self.items[i].question)
            .collect()
    }

    fn next(&self, answers: &Answers, progress: &Progress) -> Next {
        let Order::Adaptive { sets, law, bank } = &self.order else {
            return self.next_in_order(answers, progress);
        };
        if progress.every {
            return self.next_in_order(answers, progress);
        }
        if advice::settled(sets, law, bank, answers) {
            return Next::Settled;
        }
        let asked = self.asked_questions(progress);
        match advice::interview_question(sets, law, bank, answers, &asked)
            .and_then(|q| self.items.iter().position(|i| i.question == q))
        {
            Some(index) => Next::Ask(index),
            None => Next::Done,
        }
    }

    fn next_in_order(&self, answers: &Answers, progress: &Progress) -> Next {
        match self.remaining(answers, &progress.asked).first() {
            Some(index) => Next::Ask(*index),
            None => Next::Done,
        }
    }

    /// How many questions could still be asked after those answered: all that remain,
    /// or, adaptively, the open questions that could still matter (an upper bound).
    fn left(&self, answers: &Answers, progress: &Progress) -> usize {
        match &self.order {
            Order::Adaptive { sets, law, bank } if !progress.every => {
                let asked = self.asked_questions(progress);
                advice::questions_left(sets, law, bank, answers, &asked)
            }
            _ => self.remaining(answers, &progress.asked).len(),
        }
    }

    /// Asks what `answers` leaves open, then offers the review on a terminal.
    pub fn run(
        &self,
        answers: &mut Answers,
        notes: &mut Notes,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        keep: &mut dyn Keep,
    ) -> io::Result<Outcome> {
        let w = self.words;
        let mut progress = Progress {
            history: (0..self.items.len())
                .filter(|&i| known(answers, self.items[i].question))
                .collect(),
            every: matches!(self.order, Order::Every),
            ..Progress::default()
        };
        let nothing_left = self.remaining(answers, &[]).is_empty();
        match self.next(answers, &progress) {
            Next::Done => writeln!(out, "{}", self.fit(w.nothing_to_ask()))?,
            Next::Settled if nothing_left => writeln!(out, "{}", self.fit(w.nothing_to_ask()))?,
            Next::Settled => {
                writeln!(out, "{}", fill("", &clean(&self.heading), "  ", self.width))?
            }
            Next::Ask(_) => {
                writeln!(out, "{}", fill("", &clean(&self.heading), "  ", self.width))?;
                let left = self.left(answers, &progress);
                let intro = if progress.every {
                    w.interview_intro(left)
                } else {
                    w.adaptive_intro(left)
                };
                writeln!(out, "{}", self.fit(&intro))?;
                if !progress.history.is_empty() {
                    writeln!(out, "{}", self.fit(&w.resumed(progress.history.len())))?;
                }
                if self.unsaved {
                    writeln!(out, "{}", self.fit(w.unsaved_notice()))?;
                }
            }
        }
        loop {
            if let Some(end) = self.questions(answers, notes, &mut progress, input, out, keep)? {
                return Ok(end);
            }
            if !self.terminal || answers.is_empty() {
                return Ok(Outcome::Done);
            }
            match self.review(answers, notes, input, out, keep)? {
                Reviewed::Unchanged => return Ok(Outcome::Done),
                Reviewed::End => return Ok(Outcome::Interrupted),
                // A changed answer may open questions that matter again.
                Reviewed::Changed => match self.next(answers, &progress) {
                    Next::Ask(_) => {}
                    Next::Settled | Next::Done => return Ok(Outcome::Done),
                },
            }
        }
    }

    /// Asks one question after another until nothing is left to ask or the verdict is
    /// settled; `Some` when the interview ends here.
    fn questions(
        &self,
        answers: &mut Answers,
        notes: &mut Notes,
        progress: &mut Progress,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        keep: &mut dyn Keep,
    ) -> io::Result<Option<Outcome>> {
        let w = self.words;
        // An answered item gone back to with `b`.
        let mut back: Option<usize> = None;
        loop {
            let (index, again) = match back.take() {
                Some(index) => (index, true),
                None => match self.next(answers, progress) {
                    Next::Ask(index) => (index, false),
                    Next::Done => return Ok(None),
                    Next::Settled => {
                        if progress.settled_said {
                            return Ok(None);
                        }
                        progress.settled_said = true;
                        let rest = self.remaining(answers, &progress.asked).len();
                        if rest == 0 {
                            return Ok(None);
                        }
                        writeln!(out, "\n{}", self.fit(w.settled(self.set_count())))?;
                        if !self.terminal {
                            return Ok(None);
                        }
                        write!(out, "{} ", self.fit(&w.offer_rest(rest)))?;
                        out.flush()?;
                        let Some(line) = read_line(input)? else {
                            writeln!(out)?;
                            return Ok(Some(Outcome::Interrupted));
                        };
                        match w.reply(&line) {
                            Some(Reply::Answer(Answer::Yes)) => {
                                progress.every = true;
                                continue;
                            }
                            _ => return Ok(None),
                        }
                    }
                },
            };
            let before = progress.history.len();
            let total = before
                + progress.redo.len()
                + usize::from(again)
                + self.left(answers, progress).max(usize::from(!again));
            let item = &self.items[index];
            let current = again.then(|| answers.get(item.question).copied()).flatten();
            match self.ask(item, (before + 1, total), current, input, out)? {
                Asked::Answer(answer) => {
                    answers.insert(item.question.to_string(), answer);
                    keep.answers(answers)?;
                    self.answered(index, progress, answers);
                }
                Asked::Keep => self.answered(index, progress, answers),
                Asked::Back => {
                    if again {
                        progress.redo.push(index);
                    }
                    match progress.history.pop() {
                        Some(previous) => back = Some(previous),
                        None => {
                            writeln!(out, "{}", self.fit(w.no_previous()))?;
                            if again {
                                progress.redo.pop();
                            }
                            back = again.then_some(index);
                        }
                    }
                    continue;
                }
                Asked::Stop => return Ok(Some(Outcome::Stopped)),
                Asked::End => return Ok(Some(Outcome::Interrupted)),
            }
            if self.notes && self.note(item.question, notes, input, out, keep)?.is_none() {
                return Ok(Some(Outcome::Interrupted));
            }
        }
    }

    /// A line of the interview's own words, broken to the terminal's width; an indented
    /// one keeps its indentation on the following lines.
    fn fit(&self, text: &str) -> String {
        let pad: String = text.chars().take_while(|c| *c == ' ').collect();
        fill(&pad, text.trim_start(), &pad, self.width)
    }

    fn set_count(&self) -> usize {
        match &self.order {
            Order::Adaptive { sets, .. } => sets.len(),
            Order::Every => 1,
        }
    }

    /// Records an item as answered, and puts back the answered items gone back over.
    fn answered(&self, index: usize, progress: &mut Progress, answers: &Answers) {
        if !progress.asked.contains(&index) {
            progress.asked.push(index);
        }
        progress.history.retain(|&i| i != index);
        progress.history.push(index);
        while let Some(later) = progress.redo.pop() {
            let item = &self.items[later];
            if known(answers, item.question)
                && !settled_by_fact(&self.items, item, answers)
                && !progress.history.contains(&later)
            {
                progress.history.push(later);
            }
        }
    }

    /// Offers a one-line note on a question, saved under `[notes]`; Enter keeps the note
    /// there is. `None` at the end of the input.
    fn note(
        &self,
        question: &str,
        notes: &mut Notes,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        keep: &mut dyn Keep,
    ) -> io::Result<Option<()>> {
        let w = self.words;
        if let Some(note) = notes.get(question) {
            writeln!(out, "{}", self.fit(&w.current_note(&clean_line(note))))?;
        }
        write!(out, "{} ", w.note_prompt())?;
        out.flush()?;
        let Some(line) = read_line(input)? else {
            writeln!(out)?;
            return Ok(None);
        };
        let note = line.trim();
        if !note.is_empty() {
            notes.insert(question.to_string(), note.to_string());
            keep.note(question, note)?;
        }
        Ok(Some(()))
    }

    /// Asks one item until it gets an answer, a step back, a stop or the end of the
    /// input. With the item's `current` answer, shown first, Enter keeps it.
    fn ask(
        &self,
        item: &Item<'_>,
        (n, total): (usize, usize),
        current: Option<Answer>,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
    ) -> io::Result<Asked> {
        let w = self.words;
        let mark = if item.required {
            String::new()
        } else {
            format!(" ({})", w.recommended())
        };
        let first = format!("[{n}/{total}] ");
        let pad = " ".repeat(first.chars().count());
        let text = format!("{}{mark}", clean(item.text.trim()));
        writeln!(out, "\n{}", fill(&first, &text, &pad, self.width))?;
        if let Some(answer) = current {
            let word = w.reply_word(item.shown(Some(answer)), item.statement);
            writeln!(out, "{}", self.fit(&w.current_answer(word)))?;
        }
        loop {
            write!(out, "{} ", w.choices(item.statement))?;
            out.flush()?;
            let Some(line) = read_line(input)? else {
                writeln!(out)?;
                return Ok(Asked::End);
            };
            if current.is_some() && line.trim().is_empty() {
                return Ok(Asked::Keep);
            }
            match w.reply(&line) {
                Some(Reply::Answer(a)) => return Ok(Asked::Answer(item.answer(a))),
                Some(Reply::Back) => return Ok(Asked::Back),
                Some(Reply::Stop) => return Ok(Asked::Stop),
                Some(Reply::Help) => {
                    let help = clean(item.help.trim());
                    writeln!(out, "{}", fill("  ", &help, "  ", self.width))?;
                    let source = format!("{}: {}", w.source_label(), clean_line(&item.source));
                    writeln!(out, "{}", fill("  ", &source, "  ", self.width))?;
                }
                None => writeln!(out, "{}", self.fit(w.reply_hint()))?,
            }
        }
    }

    /// Lists every answer by number, each with the text it was asked with; a number asks
    /// that question again, Enter ends.
    fn review(
        &self,
        answers: &mut Answers,
        notes: &mut Notes,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        keep: &mut dyn Keep,
    ) -> io::Result<Reviewed> {
        let w = self.words;
        let mut changed = false;
        loop {
            let shown: Vec<&Item<'_>> = self
                .items
                .iter()
                .filter(|i| answers.contains_key(i.question))
                .collect();
            writeln!(out, "\n{}", w.review_heading())?;
            for (i, item) in shown.iter().enumerate() {
                let answer = item.shown(answers.get(item.question).copied());
                let reply = w.reply_word(answer, item.statement);
                // "NNN. " before, ": " and the reply after, within the width.
                let room = self
                    .width
                    .map_or(72, |w| w.saturating_sub(7 + reply.chars().count()).min(72));
                let text = if item.statement {
                    let statement = item.text.trim().trim_end_matches('.');
                    clean_line(&first_words(statement, room))
                } else {
                    clean_line(item.short)
                };
                writeln!(out, "{:>3}. {text}: {reply}", i + 1)?;
            }
            write!(out, "{} ", self.fit(&w.review_prompt(shown.len())))?;
            out.flush()?;
            let Some(line) = read_line(input)? else {
                writeln!(out)?;
                return Ok(Reviewed::End);
            };
            let line = line.trim();
            if line.is_empty() {
                return Ok(if changed {
                    Reviewed::Changed
                } else {
                    Reviewed::Unchanged
                });
            }
            let Some(i) = line
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=shown.len()).contains(n))
            else {
                writeln!(out, "{}", self.fit(&w.review_hint(shown.len())))?;
                continue;
            };
            let item = shown[i - 1];
            let current = answers.get(item.question).copied();
            match self.ask(item, (i, shown.len()), current, input, out)? {
                Asked::Answer(answer) => {
                    changed |= current != Some(answer);
                    answers.insert(item.question.to_string(), answer);
                    keep.answers(answers)?;
                }
                Asked::Keep | Asked::Back | Asked::Stop => continue,
                Asked::End => return Ok(Reviewed::End),
            }
            if self.notes && self.note(item.question, notes, input, out, keep)?.is_none() {
                return Ok(Reviewed::End);
            }
        }
    }
}

/// How a review ended.
enum Reviewed {
    Unchanged,
    Changed,
    /// The input ended.
    End,
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
    /// Enter on a question asked again: the answer stays.
    Keep,
    Back,
    Stop,
    End,
}

/// Shows a prompt and reads one line: the answer to a free-text question. `None` at
/// the end of the input.
pub fn ask_line(
    prompt: &str,
    width: Option<usize>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Option<String>> {
    write!(out, "{} ", fill("", prompt, "", width))?;
    out.flush()?;
    let line = read_line(input)?;
    if line.is_none() {
        writeln!(out)?;
    }
    Ok(line)
}

/// One line of input without its line end, or `None` at the end of the input; a line
/// longer than `input::MAX_LINE` ends the interview with an error that says so.
pub fn read_line(input: &mut dyn BufRead) -> io::Result<Option<String>> {
    crate::input::read_line(input, crate::input::MAX_LINE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Catalog, criteria};

    struct Run {
        answers: Answers,
        notes: Notes,
        outcome: Outcome,
        shown: String,
        saves: Vec<Answers>,
        noted: Vec<(String, String)>,
    }

    /// What the tests keep: every save of the answers, every note.
    #[derive(Default)]
    struct Kept {
        saves: Vec<Answers>,
        notes: Vec<(String, String)>,
    }

    impl Keep for Kept {
        fn answers(&mut self, answers: &mut Answers) -> io::Result<()> {
            self.saves.push(answers.clone());
            Ok(())
        }

        fn note(&mut self, question: &str, note: &str) -> io::Result<()> {
            self.notes.push((question.into(), note.into()));
            Ok(())
        }
    }

    fn catalog() -> Catalog {
        criteria::builtin().unwrap()
    }

    /// An interview in Swedish, as a pipe (`terminal` false) or a terminal would run it.
    fn interview<'a>(items: Vec<Item<'a>>, order: Order<'a>, terminal: bool) -> Interview<'a> {
        Interview {
            items,
            heading: "heading".into(),
            words: Words(Lang::Sv),
            order,
            terminal,
            notes: false,
            unsaved: false,
            width: None,
        }
    }

    fn run_with(interview: &Interview<'_>, input: &str, start: Answers) -> Run {
        let mut answers = start;
        let mut notes = Notes::new();
        let mut out = Vec::new();
        let mut kept = Kept::default();
        let outcome = interview
            .run(
                &mut answers,
                &mut notes,
                &mut input.as_bytes(),
                &mut out,
                &mut kept,
            )
            .unwrap();
        Run {
            answers,
            notes,
            outcome,
            shown: String::from_utf8(out).unwrap(),
            saves: kept.saves,
            noted: kept.notes,
        }
    }

    fn run_items(items: Vec<Item<'_>>, input: &str, start: Answers, terminal: bool) -> Run {
        run_with(&interview(items, Order::Every, terminal), input, start)
    }

    /// One set's interview, every question in the contract's order.
    fn run_set(catalog: &Catalog, set: &str, input: &str, start: Answers, terminal: bool) -> Run {
        let set = catalog.set(set).unwrap();
        let items = set_items(set, &catalog.law, &catalog.bank, Lang::Sv);
        run_items(items, input, start, terminal)
    }

    /// One set's interview, adaptively.
    fn run_adaptive(
        catalog: &Catalog,
        set: &str,
        input: &str,
        start: Answers,
        terminal: bool,
    ) -> Run {
        let set = catalog.set(set).unwrap();
        let items = set_items(set, &catalog.law, &catalog.bank, Lang::Sv);
        let order = Order::Adaptive {
            sets: vec![set],
            law: &catalog.law,
            bank: &catalog.bank,
        };
        run_with(&interview(items, order, terminal), input, start)
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
        // The law's six answers were given before: the numbering goes on from them.
        assert!(run.shown.contains("[7/9]") && run.shown.contains("[9/9]"));
        assert!(run.shown.contains("6 svar finns redan"), "{}", run.shown);
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
            .find(|l| l.contains(pay.short.sv.as_ref()))
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

    /// The answers of a case where the law finds no obstacle.
    fn law_clear() -> Answers {
        [
            ("payment_for_performance", Answer::No),
            ("economic_activity", Answer::No),
            ("municipal_competence", Answer::Yes),
        ]
        .into_iter()
        .map(|(q, a)| (q.to_string(), a))
        .collect()
    }

    #[test]
    fn adaptive_asks_the_law_first_and_stops_once_settled() {
        let catalog = catalog();
        // Three yes to the public contract's questions: procurement, whatever else.
        let run = run_adaptive(&catalog, "falun", "j\nj\nj\n", Answers::new(), false);
        assert_eq!(run.outcome, Outcome::Done);
        assert_eq!(run.answers.len(), 3, "{:?}", run.answers);
        assert!(run.shown.contains("[1/"), "{}", run.shown);
        assert!(
            run.shown
                .contains("Bedömningen är klar; återstående frågor kan inte ändra den."),
            "{}",
            run.shown
        );
        // Piped: nothing offered after the stop.
        assert!(!run.shown.contains("Vill du ändå"));
    }

    #[test]
    fn adaptive_asks_next_what_settles_the_most() {
        let catalog = catalog();
        let falun = catalog.set("falun").unwrap();
        // The law clear: the next question is the advisor's, in Falun's own wording.
        let start = law_clear();
        let expected = advice::next_question(falun, &catalog.law, &catalog.bank, &start).unwrap();
        let run = run_adaptive(&catalog, "falun", "", start, false);
        let text = &falun.criterion(expected).unwrap().text.sv;
        let asked = run.shown.lines().find(|l| l.starts_with("[4/")).unwrap();
        assert!(asked.contains(text.trim()), "{asked} / {expected}");
        assert_eq!(run.outcome, Outcome::Interrupted);
    }

    #[test]
    fn adaptive_needs_fewer_questions_than_every_question() {
        let catalog = catalog();
        // A market exists (Falun: "Det finns inte en marknad …" does not hold): procurement,
        // once the law is clear.
        let mut start = law_clear();
        start.insert("market_exists".into(), Answer::Yes);
        let falun = catalog.set("falun").unwrap();
        assert!(advice::settled(
            &[falun],
            &catalog.law,
            &catalog.bank,
            &start
        ));
        let run = run_adaptive(&catalog, "falun", "", start.clone(), false);
        assert!(
            run.shown.starts_with("heading\n\nBedömningen är klar"),
            "{}",
            run.shown
        );
        assert_eq!(run.outcome, Outcome::Done);
        let every = run_set(&catalog, "falun", "", start, false);
        assert!(every.shown.contains("[5/"), "{}", every.shown);
    }

    #[test]
    fn on_a_terminal_the_rest_is_offered_once_settled() {
        let catalog = catalog();
        let mut start = law_clear();
        start.insert("market_exists".into(), Answer::Yes);
        // j: go on with the rest, in the set's order; two answers, then the input ends.
        let run = run_adaptive(&catalog, "falun", "j\nj\nj\n", start.clone(), true);
        assert!(
            run.shown
                .contains("Vill du ändå besvara de 10 återstående frågorna?")
        );
        assert_eq!(run.answers.len(), 4 + 2, "{:?}", run.answers);
        assert_eq!(run.answers["ideburen_organisation"], Answer::Yes);
        assert_eq!(run.outcome, Outcome::Interrupted);
        // Enter: the verdict, with the review first.
        let run = run_adaptive(&catalog, "falun", "\n\n", start, true);
        assert_eq!(run.outcome, Outcome::Done);
        assert_eq!(run.answers.len(), 4);
        assert!(run.shown.contains("Dina svar:"));
    }

    #[test]
    fn an_unknown_answer_is_not_asked_again() {
        let catalog = catalog();
        // Every question "vet ej": each asked once, then nothing is left to ask.
        let input = "v\n".repeat(40);
        let run = run_adaptive(&catalog, "sou-2019-56", &input, Answers::new(), false);
        assert_eq!(run.outcome, Outcome::Done);
        let asked = run
            .shown
            .lines()
            .filter(|l| l.starts_with('[') && l[1..].starts_with(|c: char| c.is_ascii_digit()))
            .count();
        assert_eq!(asked, run.answers.len(), "{}", run.shown);
        assert!(run.answers.values().all(|a| *a == Answer::Unknown));
    }

    #[test]
    fn back_reaches_answers_given_before_and_shows_the_current_answer() {
        let catalog = catalog();
        let start = law_clear();
        // b from the fourth question: the third (given before this run) with its answer;
        // Enter keeps it and the interview goes on where it was.
        let run = run_adaptive(&catalog, "sou-2019-56", "b\n\nq\n", start, false);
        let shown = &run.shown;
        assert!(shown.contains("[4/"), "{shown}");
        assert!(shown.contains("[3/"), "{shown}");
        assert!(
            shown.contains("Nuvarande svar: ja. Enter behåller det."),
            "{shown}"
        );
        assert_eq!(shown.matches("[4/").count(), 2, "{shown}");
        assert_eq!(run.outcome, Outcome::Stopped);
        assert_eq!(run.answers, law_clear());
        assert!(run.saves.is_empty());
    }

    #[test]
    fn back_then_a_new_answer_returns_to_where_it_was() {
        let catalog = catalog();
        // Two answers, back twice, change the first, and the next question is the third.
        let run = run_set(
            &catalog,
            "sou-2019-56",
            "n\nn\nb\nb\nj\nj\n",
            Answers::new(),
            false,
        );
        let shown = &run.shown;
        assert_eq!(run.answers["payment_for_performance"], Answer::Yes);
        assert_eq!(run.answers["direct_economic_interest"], Answer::Yes);
        // payment nej settled the contract, so economic_activity came second; changed to
        // ja, the contract is open again and direct_economic_interest is asked.
        assert!(shown.contains("Nuvarande svar: nej"), "{shown}");
        assert_eq!(run.outcome, Outcome::Interrupted);
    }

    #[test]
    fn q_stops_and_keeps_the_answers() {
        let catalog = catalog();
        let run = run_adaptive(&catalog, "falun", "n\nsluta\n", Answers::new(), false);
        assert_eq!(run.outcome, Outcome::Stopped);
        assert_eq!(run.answers.len(), 1);
        assert_eq!(run.saves.len(), 1);
        assert!(run.shown.contains("q sluta >"));
    }

    #[test]
    fn a_note_follows_each_answer_and_enter_skips_it() {
        let catalog = catalog();
        let set = catalog.set("sou-2019-56").unwrap();
        let items = set_items(set, &catalog.law, &catalog.bank, Lang::Sv);
        let mut interview = interview(items, Order::Every, false);
        interview.notes = true;
        let run = run_with(
            &interview,
            "n\nBidrag, ingen ersättning.\nn\n\nq\n",
            Answers::new(),
        );
        assert_eq!(
            run.noted,
            [(
                "payment_for_performance".to_string(),
                "Bidrag, ingen ersättning.".to_string()
            )]
        );
        assert_eq!(run.notes.len(), 1);
        assert_eq!(
            run.shown
                .matches("Motivering, Enter för att hoppa över >")
                .count(),
            2
        );
    }

    #[test]
    fn without_save_it_says_the_answers_are_not_kept() {
        let catalog = catalog();
        let set = catalog.set("sou-2019-56").unwrap();
        let items = set_items(set, &catalog.law, &catalog.bank, Lang::Sv);
        let mut interview = interview(items, Order::Every, false);
        interview.unsaved = true;
        let run = run_with(&interview, "", Answers::new());
        let notice = run.shown.find("Svaren sparas inte.").unwrap();
        assert!(notice < run.shown.find("[1/").unwrap());
    }
}
