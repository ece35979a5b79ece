//! What the decision memo says, whatever its format: the open questions to settle, the
//! next steps a set of verdicts calls for, and how a criterion's source is cited. The
//! Markdown and HTML renderers draw the same memo from these.

use super::Report;
use crate::engine::Status;
use crate::model::{Answer, CriteriaSet, Criterion, Question, Verdict};

/// A status as a mark: ✓, ✗ or ?.
pub fn symbol(status: Status) -> &'static str {
    match status {
        Status::Met => "✓",
        Status::Failed => "✗",
        Status::Open => "?",
    }
}

/// One step of the memo's "next steps".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Questions are open: settle them, the verdict may move.
    SettleOpen,
    /// A criterion fails that points to no form (goals, legal review, capacity).
    ResolveFailures,
    /// Always: the legal review Jönköping's policy requires.
    LegalReview,
    /// An IOP is still possible: go through the process questions with the organisation.
    Process,
    /// A set gives IOP: draw up the agreement.
    Agreement,
    /// A set points to an association grant.
    Grant,
    /// A set points to procurement.
    Procure,
    /// A set points to procurement and the partner is an idéburen organisation: a
    /// procurement may be reserved for registered idéburna organisations.
    ReservedProcurement,
}

/// A question that some set asks and the case leaves open.
pub struct OpenQuestion<'a> {
    pub question: &'a Question,
    /// `None` when not answered, else `Answer::Unknown`.
    pub answer: Option<Answer>,
    /// The sets that ask it, in the report's order.
    pub sets: Vec<&'a CriteriaSet>,
}

/// The questions open in any of the report's sets, in the question bank's order.
pub fn open_questions<'a>(report: &Report<'a>) -> Vec<OpenQuestion<'a>> {
    report
        .bank()
        .questions
        .iter()
        .filter_map(|question| {
            let sets: Vec<&'a CriteriaSet> = report
                .evaluations
                .iter()
                .filter(|e| {
                    e.open().contains(&question.id.as_str())
                        || e.law.open().contains(&question.id.as_str())
                })
                .map(|e| e.set)
                .collect();
            (!sets.is_empty()).then(|| OpenQuestion {
                question,
                answer: report.case.answers.get(&question.id).copied(),
                sets,
            })
        })
        .collect()
}

/// The question ids that fail without pointing to a form, in any set, in the bank's order.
pub fn failures_without_route<'a>(report: &Report<'a>) -> Vec<&'a str> {
    report
        .bank()
        .ids()
        .filter(|id| {
            report.evaluations.iter().any(|e| {
                e.with_status(Status::Failed).any(|a| {
                    a.criterion.question == *id && a.criterion.route == crate::model::Route::None
                })
            })
        })
        .collect()
}

/// The next steps the verdicts call for, in the order to take them.
pub fn next_steps(report: &Report<'_>) -> Vec<Step> {
    let any = |verdict: Verdict| report.evaluations.iter().any(|e| e.verdict == verdict);
    let partner_is_ideburen =
        report.case.answers.get("ideburen_organisation") == Some(&Answer::Yes);
    let iop_possible = report.evaluations.iter().any(|e| {
        e.verdict == Verdict::Iop
            || (e.verdict == Verdict::Undetermined && !e.fails_without_route())
    });
    let mut steps = Vec::new();
    if report.evaluations.iter().any(|e| !e.complete) {
        steps.push(Step::SettleOpen);
    }
    if report.evaluations.iter().any(|e| e.fails_without_route()) {
        steps.push(Step::ResolveFailures);
    }
    steps.push(Step::LegalReview);
    if iop_possible {
        steps.push(Step::Process);
    }
    if any(Verdict::Iop) {
        steps.push(Step::Agreement);
    }
    if any(Verdict::AssociationGrant) {
        steps.push(Step::Grant);
    }
    if any(Verdict::Procurement) {
        steps.push(Step::Procure);
        if partner_is_ideburen {
            steps.push(Step::ReservedProcurement);
        }
    }
    steps
}

/// A source as a memo cites it: the text, and the URL apart so that a renderer can link
/// it. Neither is escaped.
pub struct Citation<'a> {
    pub text: String,
    pub url: Option<&'a str>,
}

/// A set's source: publisher and document.
pub fn set_source(set: &CriteriaSet) -> Citation<'_> {
    Citation {
        text: format!("{}: {}", set.source.publisher, set.source.document),
        url: set.source.url.as_deref(),
    }
}

/// A criterion's source under its set's section: only the section where the document is
/// the set's own (the set's source is cited once above), and the URL only where it
/// differs from the set's.
pub fn criterion_source<'a>(set: &CriteriaSet, criterion: &'a Criterion) -> Citation<'a> {
    let own = &criterion.source;
    let same_document =
        own.document == set.source.document && own.publisher == set.source.publisher;
    let text = match (&own.section, same_document) {
        (Some(section), true) => section.clone(),
        (None, true) => own.document.clone(),
        (Some(section), false) => format!("{}: {}, {section}", own.publisher, own.document),
        (None, false) => format!("{}: {}", own.publisher, own.document),
    };
    let url = own
        .url
        .as_deref()
        .filter(|u| Some(*u) != set.source.url.as_deref());
    Citation { text, url }
}

/// A criterion's number in its set, from 1.
pub fn number(set: &CriteriaSet, criterion: &Criterion) -> usize {
    set.criteria
        .iter()
        .position(|c| c.question == criterion.question)
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::case::Case;
    use crate::model::criteria;

    fn report_steps(answers: &[(&str, Answer)], sets: &[&str]) -> Vec<Step> {
        let catalog = criteria::builtin().unwrap();
        let mut case = Case::default();
        for (k, v) in answers {
            case.answers.insert((*k).to_string(), *v);
        }
        let sets: Vec<_> = sets.iter().map(|id| catalog.set(id).unwrap()).collect();
        let report = Report::new(&case, &catalog, &sets, None, Lang::Sv);
        next_steps(&report)
    }

    #[test]
    fn reserved_procurement_only_for_an_ideburen_partner() {
        use Answer::{No, Yes};
        let steps = report_steps(
            &[("ideburen_organisation", Yes), ("market_exists", Yes)],
            &["falun"],
        );
        assert!(steps.contains(&Step::Procure));
        assert!(steps.contains(&Step::ReservedProcurement));
        assert!(!steps.contains(&Step::Process), "{steps:?}");
        let steps = report_steps(
            &[("ideburen_organisation", No), ("market_exists", Yes)],
            &["falun"],
        );
        assert!(steps.contains(&Step::Procure));
        assert!(!steps.contains(&Step::ReservedProcurement));
    }

    #[test]
    fn legal_review_always_and_the_process_while_an_iop_is_possible() {
        let steps = report_steps(&[], &["sou-2019-56"]);
        assert_eq!(steps, [Step::SettleOpen, Step::LegalReview, Step::Process]);
    }
}
