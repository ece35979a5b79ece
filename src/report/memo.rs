//! The decision memo (beslutsunderlag), built once as a `Document` that Markdown, HTML
//! and Word draw: every decision about what it says is made here.
//!
//! In the order of a tjänsteutlåtande's annex: the case (ärendet) with its particulars;
//! the assessment by the governing set, the legal test first, then the set's criteria one
//! by one; the other sets in one comparison table; what is still open; the next steps
//! from `criteria/steps.toml`; the sources with their addresses. Without a governing set
//! the memo compares the sets and says plainly that it recommends nothing. No internal id
//! and no file path is shown.

use super::Report;
use super::document::{
    Block, Document, Entry, List, ListItem, Span, Table, Text, fill, one_line, paragraphs,
};
use crate::advice::{self, Situation};
use crate::engine::{Assessment, Evaluation, LawAssessment, Status};
use crate::model::{Answer, CriteriaSet, Criterion, Question, Route, Source};

/// A question that some set asks and the case leaves open.
pub struct OpenQuestion<'a> {
    pub question: &'a Question,
    /// `None` when not answered, else `Answer::Unknown`.
    pub answer: Option<Answer>,
    /// The sets that ask it, in the report's order.
    pub sets: Vec<&'a CriteriaSet>,
}

/// The questions open in the given evaluations, in the question bank's order.
pub fn open_questions<'a>(
    report: &Report<'a>,
    evaluations: &[&Evaluation<'a>],
) -> Vec<OpenQuestion<'a>> {
    report
        .bank()
        .questions
        .iter()
        .filter_map(|question| {
            let item = report
                .bank()
                .fact_of(&question.id)
                .map_or(question.id.as_str(), |f| f.id.as_str());
            let unanswered = report
                .case
                .answers
                .get(&question.id)
                .and_then(|a| a.known())
                .is_none();
            let sets: Vec<&'a CriteriaSet> = evaluations
                .iter()
                .filter(|e| e.open().contains(&item) || e.law.open().contains(&item))
                .map(|e| e.set)
                .collect();
            (unanswered && !sets.is_empty()).then(|| OpenQuestion {
                question,
                answer: report.case.answers.get(&question.id).copied(),
                sets,
            })
        })
        .collect()
}

/// A criterion's number in its set, from 1.
pub fn number(set: &CriteriaSet, criterion: &Criterion) -> usize {
    set.criteria
        .iter()
        .position(|c| c.question == criterion.question)
        .map_or(0, |i| i + 1)
}

/// A source as the memo cites it, with its address as a link.
fn cite(source: &Source) -> Text {
    let mut text = Text::plain(format!(
        "{}: {}",
        one_line(&source.publisher),
        one_line(&source.document)
    ));
    if let Some(section) = &source.section {
        text.plain_push(format!(", {}", one_line(section)));
    }
    if let Some(date) = &source.date {
        text.plain_push(format!(" ({})", one_line(date)));
    }
    if let Some(url) = &source.url {
        text.plain_push(". ");
        text.push(Span::Link(url.trim().to_string()));
    }
    text
}

/// A criterion's source under its set: only the section where the document is the set's
/// own (the set's source is cited in full once), the address only where it differs.
fn criterion_source(set: &CriteriaSet, criterion: &Criterion) -> Text {
    let own = &criterion.source;
    let same_document =
        own.document == set.source.document && own.publisher == set.source.publisher;
    let mut text = match (&own.section, same_document) {
        (Some(section), true) => Text::plain(one_line(section)),
        (None, true) => Text::plain(one_line(&own.document)),
        (Some(section), false) => Text::plain(format!(
            "{}: {}, {}",
            one_line(&own.publisher),
            one_line(&own.document),
            one_line(section)
        )),
        (None, false) => Text::plain(format!(
            "{}: {}",
            one_line(&own.publisher),
            one_line(&own.document)
        )),
    };
    if let Some(url) = own
        .url
        .as_deref()
        .filter(|u| Some(*u) != set.source.url.as_deref())
    {
        text.plain_push(". ");
        text.push(Span::Link(url.trim().to_string()));
    }
    text
}

/// Builds the memo.
pub fn build(report: &Report<'_>) -> Document {
    let mut memo = Memo {
        report,
        blocks: Vec::new(),
        sources: Vec::new(),
    };
    memo.case();
    let governing = report.governing();
    match governing {
        Some(e) => memo.assessment(e),
        None => memo.no_governing_set(),
    }
    memo.comparison(governing);
    memo.still_open(governing);
    memo.steps(governing);
    memo.source_list();
    let w = report.words();
    memo.blocks.push(Block::Paragraph(Text(vec![Span::Emph(
        w.memo_footer().into(),
    )])));
    Document {
        lang: report.lang,
        kind: w.memo_kind().to_string(),
        title: one_line(report.title()),
        date: report.case.meta.date.clone(),
        blocks: memo.blocks,
    }
}

struct Memo<'r, 'a> {
    report: &'r Report<'a>,
    blocks: Vec<Block>,
    /// The sources cited, each once, in the order first cited.
    sources: Vec<Source>,
}

impl<'a> Memo<'_, 'a> {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.push(Block::Heading(level, text.into()));
    }

    fn paragraph(&mut self, text: Text) {
        self.push(Block::Paragraph(text));
    }

    /// Cites a source once: the same address, or the same publisher and document.
    fn source(&mut self, source: &Source) {
        let same = |s: &Source| match (&s.url, &source.url) {
            (Some(a), Some(b)) => a.trim() == b.trim(),
            _ => s.publisher == source.publisher && s.document == source.document,
        };
        if !self.sources.iter().any(same) {
            self.sources.push(source.clone());
        }
    }

    /// A field of the case, or a gap to fill in.
    fn field(&self, value: Option<&String>, label: &str) -> Text {
        let w = self.report.words();
        match value.map(|v| one_line(v)).filter(|v| !v.is_empty()) {
            Some(v) => Text::plain(v),
            None => Text(vec![Span::Gap(w.fill_in(&w.lower(label)))]),
        }
    }

    /// Ärendet: the particulars a tjänsteutlåtande's annex needs, then the description.
    fn case(&mut self) {
        let w = self.report.words();
        let meta = &self.report.case.meta;
        self.paragraph(Text::plain(w.memo_lead()));
        self.heading(2, w.case_heading());
        let [reference, date, officer, body, organisation, party] = w.case_labels();
        let facts = vec![
            (
                reference.to_string(),
                self.field(meta.reference.as_ref(), reference),
            ),
            (date.to_string(), self.field(meta.date.as_ref(), date)),
            (
                officer.to_string(),
                self.field(meta.officer.as_ref(), officer),
            ),
            (
                body.to_string(),
                self.field(meta.decision_body.as_ref(), body),
            ),
            (
                organisation.to_string(),
                self.field(meta.organisation.as_ref(), organisation),
            ),
            (
                party.to_string(),
                self.field(meta.public_party.as_ref(), party),
            ),
        ];
        self.push(Block::Facts(facts));
        if let Some(description) = &meta.description {
            for p in paragraphs(description) {
                self.paragraph(Text::plain(p));
            }
        }
    }

    /// The verdict of one set: what it is, why, and what the law changes.
    fn verdict(&mut self, e: &Evaluation<'a>) {
        let w = self.report.words();
        let lang = self.report.lang;
        let mut line = Text::plain(format!("{}: ", w.verdict_by(&one_line(&e.set.name))));
        line.push(Span::Verdict(e.verdict, w.verdict(e.verdict).to_string()));
        line.plain_push(". ");
        line.plain_push(w.reason(e.reason()));
        self.paragraph(line);
        if let Some(item) = e.overriding() {
            let sentence = if item.status == Status::Open {
                w.law_not_settled(&one_line(&e.set.name))
            } else {
                one_line(&item.item.overrides.get(lang).replace("{set}", &e.set.name))
            };
            let mut text = Text::strong(sentence);
            text.plain_push(format!(" {}.", w.criteria_verdict(e.criteria_verdict)));
            self.paragraph(text);
        }
        if !e.complete {
            let r = self.report;
            let settled = advice::possible(e.set, r.law(), r.bank(), &r.case.answers).len() <= 1;
            self.paragraph(Text(vec![Span::Emph(
                w.not_complete(e.open_count(), settled),
            )]));
        }
    }

    fn assessment(&mut self, e: &Evaluation<'a>) {
        let w = self.report.words();
        self.heading(2, w.assessment_heading());
        self.paragraph(Text::plain(w.governing_lead(&one_line(&e.set.name))));
        self.verdict(e);
        self.law(e);
        self.heading(3, w.criteria_heading(&one_line(&e.set.name)));
        let mut lead = Text::plain(format!("{}: ", w.set_source_label()));
        lead.append(cite(&e.set.source));
        self.paragraph(lead);
        self.source(&e.set.source.clone());
        for a in &e.assessments {
            let entry = self.criterion(e, a);
            self.push(Block::Entry(entry));
        }
    }

    fn no_governing_set(&mut self) {
        let w = self.report.words();
        let party = self.report.case.meta.public_party.as_deref().map(one_line);
        self.heading(2, w.assessment_heading());
        self.paragraph(Text::strong(w.no_governing_set(party.as_deref())));
        if let Some(first) = self.report.evaluations.first() {
            self.law(first);
        }
    }

    /// The legal test: its outcome, then each item with its answers, reasons and
    /// citations.
    fn law(&mut self, e: &Evaluation<'a>) {
        let w = self.report.words();
        let lang = self.report.lang;
        let law = self.report.law();
        self.heading(3, one_line(law.name.get(lang)));
        self.paragraph(Text::plain(one_line(law.intro.get(lang))));
        let mut outcome = Text::plain(format!("{}: ", w.outcome_label()));
        outcome.push(Span::Strong(w.law_outcome(e.law.outcome).to_string()));
        self.paragraph(outcome);
        for a in &e.law.items {
            let entry = self.law_item(a);
            self.push(Block::Entry(entry));
        }
    }

    fn situation<'s>(&'s self, governing: Option<&'s Evaluation<'a>>) -> Situation<'s, 'a> {
        Situation {
            bank: self.report.bank(),
            law: self.report.law(),
            answers: &self.report.case.answers,
            evaluations: &self.report.evaluations,
            governing,
        }
    }

    fn law_item(&mut self, a: &LawAssessment<'a>) -> Entry {
        let w = self.report.words();
        let lang = self.report.lang;
        let report = self.report;
        let bank = report.bank();
        let mut details = vec![(
            w.result_label().to_string(),
            self.result(a.status, None, true),
        )];
        let answers: Vec<String> = bank
            .questions_of(&a.item.id)
            .into_iter()
            .map(|q| {
                let answer = report.case.answers.get(q).copied();
                format!("{}: {}", one_line(&report.short(q)), w.answer(answer))
            })
            .collect();
        details.push((
            w.answer_label().to_string(),
            Text::plain(answers.join(" · ")),
        ));
        if let Some(note) = self.notes(&a.item.id) {
            details.push((w.reasons_label().to_string(), note));
        }
        let situation = self.situation(report.governing());
        let cited: Vec<&crate::model::Citation> = a
            .item
            .cite
            .iter()
            .filter(|c| advice::stands(&c.guard, &situation))
            .filter_map(|c| report.law().citation(&c.id))
            .collect();
        if !cited.is_empty() {
            let shorts: Vec<String> = cited.iter().map(|c| one_line(c.short.get(lang))).collect();
            details.push((
                w.legal_sources_label().to_string(),
                Text::plain(shorts.join("; ")),
            ));
            for c in cited {
                let mut source = Source {
                    document: c.document.clone(),
                    publisher: c.publisher.clone(),
                    section: None,
                    url: c.url.clone(),
                    date: None,
                };
                if source.document.is_empty() {
                    source.document = c.short.get(lang).to_string();
                }
                self.source(&source);
            }
        }
        Entry {
            number: None,
            statement: paragraphs(a.item.text.get(lang)),
            status: a.status,
            details,
        }
    }

    /// The case's reasons for an item: its own note, or for a fact its questions' notes.
    fn notes(&self, id: &str) -> Option<Text> {
        let report = self.report;
        let notes = &report.case.notes;
        if let Some(note) = notes.get(id) {
            return Some(Text::plain(one_line(note)));
        }
        let parts: Vec<String> = report
            .bank()
            .questions_of(id)
            .into_iter()
            .filter(|q| *q != id)
            .filter_map(|q| {
                notes
                    .get(q)
                    .map(|n| format!("{}: {}", one_line(&report.short(q)), one_line(n)))
            })
            .collect();
        (!parts.is_empty()).then(|| Text::plain(parts.join(" ")))
    }

    /// Whether an item holds, in words, with where a failure points.
    fn result(&self, status: Status, route: Option<Route>, required: bool) -> Text {
        let w = self.report.words();
        let mut text = Text(vec![Span::Status(status, w.status(status).to_string())]);
        if let (Status::Failed, Some(route), true) = (status, route, required) {
            text.plain_push(format!(", {}", w.route(route)));
        }
        if !required {
            text.plain_push(format!(" ({})", w.recommended()));
        }
        text
    }

    fn criterion(&mut self, e: &Evaluation<'a>, a: &Assessment<'a>) -> Entry {
        let w = self.report.words();
        let lang = self.report.lang;
        let c = a.criterion;
        let mut details = vec![(
            w.result_label().to_string(),
            self.result(a.status, Some(c.route), c.required),
        )];
        if let Some(note) = self.notes(&c.question) {
            details.push((w.reasons_label().to_string(), note));
        }
        details.push((w.source_label().to_string(), criterion_source(e.set, c)));
        if c.source.document != e.set.source.document
            || c.source.publisher != e.set.source.publisher
        {
            self.source(&Source {
                section: None,
                ..c.source.clone()
            });
        }
        Entry {
            number: Some(number(e.set, c)),
            statement: paragraphs(c.text.get(lang)),
            status: a.status,
            details,
        }
    }

    /// The required criteria of a set with a status, as question labels with their own
    /// answers, so that no label stands beside an answer of the other polarity.
    fn answered(&self, e: &Evaluation<'a>, status: Status) -> Text {
        let w = self.report.words();
        let bank = self.report.bank();
        let items: Vec<String> = e
            .with_status(status)
            .map(|a| {
                let id = a.criterion.question.as_str();
                let answer = if bank.fact(id).is_some() {
                    w.fact_answer(a.answer)
                } else {
                    w.answer(a.answer)
                };
                format!("{}: {answer}", one_line(&self.report.short(id)))
            })
            .collect();
        if items.is_empty() {
            Text::plain("–")
        } else {
            Text::plain(items.join("; "))
        }
    }

    /// The sets that do not govern the case, in one table: municipalities' and regions'
    /// sets first, then the national models.
    fn comparison(&mut self, governing: Option<&Evaluation<'a>>) {
        let w = self.report.words();
        let mut others: Vec<&Evaluation<'a>> = self
            .report
            .evaluations
            .iter()
            .filter(|e| governing.is_none_or(|g| g.set.id != e.set.id))
            .collect();
        if others.is_empty() {
            return;
        }
        others.sort_by_key(|e| e.set.governs.is_empty());
        self.heading(2, w.comparison_heading(governing.is_some()));
        self.paragraph(Text::plain(w.comparison_lead(governing.is_some())));
        let rows = others
            .iter()
            .map(|e| {
                let mut verdict = Text(vec![Span::Verdict(
                    e.verdict,
                    w.verdict_short(e.verdict).to_string(),
                )]);
                if !e.complete {
                    verdict.plain_push(format!(" ({})", w.incomplete_word()));
                }
                vec![
                    Text::plain(one_line(&e.set.name)),
                    verdict,
                    self.answered(e, Status::Failed),
                    self.answered(e, Status::Open),
                ]
            })
            .collect();
        let head = w.comparison_columns().map(String::from).to_vec();
        self.push(Block::Table(Table {
            head,
            rows,
            widths: vec![22, 15, 25, 38],
        }));
    }

    /// What is still open: the verdicts still possible, the question that settles most,
    /// and every open question with its own text and answer.
    fn still_open(&mut self, governing: Option<&Evaluation<'a>>) {
        let w = self.report.words();
        let report = self.report;
        let (law, bank, answers) = (report.law(), report.bank(), &report.case.answers);
        self.heading(2, w.open_heading());
        let evaluations: Vec<&Evaluation<'a>> = match governing {
            Some(g) => vec![g],
            None => report.evaluations.iter().collect(),
        };
        let sets: Vec<&CriteriaSet> = evaluations.iter().map(|e| e.set).collect();
        if let Some(g) = governing {
            let possible = advice::possible(g.set, law, bank, answers);
            if possible.len() > 1 {
                let names: Vec<String> =
                    possible.iter().map(|v| w.verdict(*v).to_string()).collect();
                self.paragraph(Text::plain(w.still_possible(&w.or_list(&names))));
            }
        }
        if let Some(q) = advice::next_question_for(&sets, law, bank, answers)
            && let Some(question) = bank.get(q)
        {
            let mut text = Text::plain(format!("{}: ", w.deciding_label()));
            text.push(Span::Strong(one_line(question.text.get(report.lang))));
            self.paragraph(text);
        }
        let open = open_questions(report, &evaluations);
        if open.is_empty() {
            self.paragraph(Text::plain(w.none_open()));
            return;
        }
        let settled = advice::settled(&sets, law, bank, answers);
        self.paragraph(Text::plain(w.open_lead(settled)));
        let items = open
            .iter()
            .map(|q| {
                let mut text = Text::plain(one_line(q.question.text.get(report.lang)));
                text.plain_push(" ");
                text.push(Span::Emph(format!("({})", w.answer(q.answer))));
                ListItem {
                    text,
                    points: Vec::new(),
                    note: None,
                }
            })
            .collect();
        self.push(Block::List(List {
            ordered: false,
            items,
        }));
    }

    /// The next steps from the data whose conditions hold.
    fn steps(&mut self, governing: Option<&Evaluation<'a>>) {
        let w = self.report.words();
        let (items, cited) = next_steps(self.report, governing);
        if items.is_empty() {
            return;
        }
        self.heading(2, w.steps_heading());
        self.push(Block::List(List {
            ordered: true,
            items,
        }));
        for s in &cited {
            self.source(s);
        }
    }

    /// Every source cited, with its address.
    fn source_list(&mut self) {
        let w = self.report.words();
        if self.sources.is_empty() {
            return;
        }
        self.heading(2, w.sources_heading());
        let items = self
            .sources
            .iter()
            .map(|s| ListItem {
                text: cite(s),
                points: Vec::new(),
                note: None,
            })
            .collect();
        self.push(Block::List(List {
            ordered: false,
            items,
        }));
    }
}

/// The next steps from the data whose conditions hold for the case, each filled in from
/// the case, with the sources they cite: what the memo lists and the text report ends
/// with.
pub fn next_steps<'a>(
    report: &Report<'a>,
    governing: Option<&Evaluation<'a>>,
) -> (Vec<ListItem>, Vec<Source>) {
    let w = report.words();
    let lang = report.lang;
    let meta = &report.case.meta;
    let situation = Situation {
        bank: report.bank(),
        law: report.law(),
        answers: &report.case.answers,
        evaluations: &report.evaluations,
        governing,
    };
    let failures: Vec<String> = {
        let mut found: Vec<&str> = Vec::new();
        let considered: Vec<&Evaluation<'a>> = match governing {
            Some(g) => vec![g],
            None => report.evaluations.iter().collect(),
        };
        for e in considered {
            for a in e
                .with_status(Status::Failed)
                .filter(|a| a.criterion.route == Route::None)
            {
                if !found.contains(&a.criterion.question.as_str()) {
                    found.push(&a.criterion.question);
                }
            }
        }
        found.iter().map(|q| one_line(&report.short(q))).collect()
    };
    let set_name = governing.map(|g| one_line(&g.set.name));
    let [_, _, _, body_label, organisation_label, party_label] = w.case_labels();
    let field = |value: Option<&String>, label: &str| -> Text {
        match value.map(|v| one_line(v)).filter(|v| !v.is_empty()) {
            Some(v) => Text::plain(v),
            None => Text(vec![Span::Gap(w.fill_in(&w.lower(label)))]),
        }
    };
    let chosen: Vec<&crate::model::Step> = report
        .catalog
        .steps
        .iter()
        .filter(|s| advice::stands(&s.guard, &situation))
        .collect();
    if chosen.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut items = Vec::new();
    let mut cited: Vec<Source> = Vec::new();
    for step in chosen {
        let text = fill(
            step.text.get(lang),
            |what| w.fill_in(what),
            |name| match name {
                "decision_body" => Some(field(meta.decision_body.as_ref(), body_label)),
                "organisation" => Some(field(meta.organisation.as_ref(), organisation_label)),
                "public_party" => Some(field(meta.public_party.as_ref(), party_label)),
                "set" => set_name.clone().map(Text::plain),
                "failures" => Some(Text::plain(w.and_list(&failures))),
                _ => None,
            },
        );
        let points = step
            .items
            .iter()
            .map(|i| Text::plain(one_line(i.get(lang))))
            .collect();
        let note = (!step.sources.is_empty()).then(|| {
            let names: Vec<String> = step
                .sources
                .iter()
                .map(|s| format!("{}: {}", one_line(&s.publisher), one_line(&s.document)))
                .collect();
            Text(vec![Span::Emph(format!(
                "{}: {}",
                w.source_label(),
                names.join("; ")
            ))])
        });
        cited.extend(step.sources.iter().cloned());
        items.push(ListItem { text, points, note });
    }
    (items, cited)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::model::case::Case;
    use crate::model::criteria;

    fn memo(answers: &[(&str, Answer)], sets: &[&str], governing: Option<&str>) -> String {
        let catalog = criteria::builtin().unwrap();
        let mut case = Case::default();
        for (k, v) in answers {
            case.answers.insert((*k).to_string(), *v);
        }
        let sets: Vec<_> = sets.iter().map(|id| catalog.set(id).unwrap()).collect();
        let governing = governing.and_then(|g| catalog.set(g));
        let report = Report::new(&case, &catalog, &sets, governing, Lang::Sv);
        let doc = build(&report);
        let mut out = String::new();
        for block in &doc.blocks {
            match block {
                Block::Heading(_, t) => out.push_str(t),
                Block::Paragraph(t) | Block::Notice(t) => out.push_str(&t.words()),
                Block::List(l) => {
                    for i in &l.items {
                        out.push_str(&i.text.words());
                        for p in &i.points {
                            out.push_str(&p.words());
                        }
                    }
                }
                _ => {}
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn reserved_procurement_only_for_an_ideburen_partner_and_a_procurement() {
        use Answer::{No, Yes};
        let text = memo(
            &[("ideburen_organisation", Yes), ("market_exists", Yes)],
            &["falun"],
            Some("falun"),
        );
        assert!(text.contains("19 kap. 25 a § LOU"), "{text}");
        assert!(text.contains("frivillig"));
        assert!(!text.contains("Gå igenom processen"), "{text}");
        let text = memo(
            &[("ideburen_organisation", No), ("market_exists", Yes)],
            &["falun"],
            Some("falun"),
        );
        assert!(!text.contains("25 a §"));
    }

    #[test]
    fn jonkopings_legal_function_only_where_jonkoping_governs() {
        let text = memo(&[], &["jonkoping"], Some("jonkoping"));
        assert!(text.contains("juristfunktion"), "{text}");
        let text = memo(&[], &["falun"], Some("falun"));
        assert!(!text.contains("juristfunktion"), "{text}");
        assert!(text.contains("Låt en jurist granska"), "{text}");
    }

    #[test]
    fn without_a_governing_set_the_memo_recommends_nothing() {
        let text = memo(&[], &["falun", "forum"], None);
        assert!(text.contains("ingen rekommendation"), "{text}");
    }
}
