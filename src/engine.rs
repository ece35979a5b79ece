//! The decision: one criteria set and a case's answers give a verdict with its reasons.
//!
//! Pure: no I/O, no printing. The precedence is the decision model's, in this order:
//! 1. a criterion fails whose route is `procurement` → procurement
//! 2. else one fails whose route is `association-grant` → association grant
//! 3. else one fails whose route is `none` → undetermined
//! 4. else a question of the set is open (unanswered or `"unknown"`) → undetermined
//! 5. else → IOP

use crate::model::{Answer, Answers, CriteriaSet, Criterion, Route, Verdict};

/// How one criterion stands in one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Met,
    Failed,
    /// Unanswered or answered `"unknown"`.
    Open,
}

impl Status {
    /// The status as JSON and HTML name it.
    pub fn id(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Failed => "failed",
            Status::Open => "open",
        }
    }

    /// The status as a mark in a table: ✓, ✗ or ?.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Met => "✓",
            Status::Failed => "✗",
            Status::Open => "?",
        }
    }
}

/// One criterion with the case's answer to its question.
#[derive(Debug, Clone)]
pub struct Assessment<'a> {
    pub criterion: &'a Criterion,
    /// `None` when the case does not answer the question.
    pub answer: Option<Answer>,
    pub status: Status,
}

/// The result of one set for one case.
#[derive(Debug, Clone)]
pub struct Evaluation<'a> {
    pub set: &'a CriteriaSet,
    pub verdict: Verdict,
    /// True when none of the set's questions is open.
    pub complete: bool,
    /// Every criterion of the set, in the set's order.
    pub assessments: Vec<Assessment<'a>>,
}

impl<'a> Evaluation<'a> {
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &Assessment<'a>> {
        self.assessments.iter().filter(move |a| a.status == status)
    }

    /// Question ids of the failed criteria, in the set's order.
    pub fn failed(&self) -> Vec<&'a str> {
        self.ids(Status::Failed)
    }

    /// Question ids of the open criteria, in the set's order.
    pub fn open(&self) -> Vec<&'a str> {
        self.ids(Status::Open)
    }

    fn ids(&self, status: Status) -> Vec<&'a str> {
        self.assessments
            .iter()
            .filter(|a| a.status == status)
            .map(|a| a.criterion.question.as_str())
            .collect()
    }
}

/// How a criterion stands given an answer.
pub fn status(criterion: &Criterion, answer: Option<Answer>) -> Status {
    match answer.and_then(Answer::known) {
        None => Status::Open,
        Some(value) if value == criterion.ok => Status::Met,
        Some(_) => Status::Failed,
    }
}

/// Decides one set for one case.
pub fn evaluate<'a>(set: &'a CriteriaSet, answers: &Answers) -> Evaluation<'a> {
    let assessments: Vec<Assessment<'a>> = set
        .criteria
        .iter()
        .map(|criterion| {
            let answer = answers.get(&criterion.question).copied();
            Assessment {
                criterion,
                answer,
                status: status(criterion, answer),
            }
        })
        .collect();
    let fails = |route: Route| {
        assessments
            .iter()
            .any(|a| a.status == Status::Failed && a.criterion.route == route)
    };
    let complete = assessments.iter().all(|a| a.status != Status::Open);
    let verdict = if fails(Route::Procurement) {
        Verdict::Procurement
    } else if fails(Route::AssociationGrant) {
        Verdict::AssociationGrant
    } else if fails(Route::None) || !complete {
        Verdict::Undetermined
    } else {
        Verdict::Iop
    };
    Evaluation {
        set,
        verdict,
        complete,
        assessments,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Localized, Source};

    fn words() -> Localized {
        Localized {
            sv: "text".into(),
            en: "text".into(),
        }
    }

    fn criterion(question: &str, ok: bool, route: Route) -> Criterion {
        Criterion {
            question: question.into(),
            ok,
            route,
            text: words(),
            help: words(),
            source: Source {
                document: "d".into(),
                publisher: "p".into(),
                section: None,
                url: None,
            },
        }
    }

    /// A set with one question of each route, and one whose `ok` answer is `false`.
    pub(crate) fn sample_set() -> CriteriaSet {
        CriteriaSet {
            id: "sample".into(),
            name: "Sample".into(),
            source: criterion("x", true, Route::None).source,
            criteria: vec![
                criterion("buy", false, Route::Procurement),
                criterion("grant", true, Route::AssociationGrant),
                criterion("goal", true, Route::None),
                criterion("ngo", true, Route::Procurement),
            ],
            file: None,
        }
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    use Answer::{No, Unknown, Yes};

    #[test]
    fn all_met_gives_iop() {
        let set = sample_set();
        let e = evaluate(
            &set,
            &answers(&[("buy", No), ("grant", Yes), ("goal", Yes), ("ngo", Yes)]),
        );
        assert_eq!(e.verdict, Verdict::Iop);
        assert!(e.complete);
        assert!(e.failed().is_empty() && e.open().is_empty());
    }

    #[test]
    fn rule_1_procurement_wins_over_every_other_failure() {
        let set = sample_set();
        let e = evaluate(
            &set,
            &answers(&[("buy", Yes), ("grant", No), ("goal", No), ("ngo", Yes)]),
        );
        assert_eq!(e.verdict, Verdict::Procurement);
        assert_eq!(e.failed(), ["buy", "grant", "goal"]);
    }

    #[test]
    fn rule_1_a_false_ok_answer_fails_when_true() {
        let set = sample_set();
        let e = evaluate(&set, &answers(&[("buy", Yes)]));
        assert_eq!(e.verdict, Verdict::Procurement);
        assert_eq!(e.failed(), ["buy"]);
    }

    #[test]
    fn rule_2_association_grant_wins_over_route_none() {
        let set = sample_set();
        let e = evaluate(
            &set,
            &answers(&[("buy", No), ("grant", No), ("goal", No), ("ngo", Yes)]),
        );
        assert_eq!(e.verdict, Verdict::AssociationGrant);
    }

    #[test]
    fn rule_3_route_none_gives_undetermined_though_complete() {
        let set = sample_set();
        let e = evaluate(
            &set,
            &answers(&[("buy", No), ("grant", Yes), ("goal", No), ("ngo", Yes)]),
        );
        assert_eq!(e.verdict, Verdict::Undetermined);
        assert!(e.complete);
        assert_eq!(e.failed(), ["goal"]);
    }

    #[test]
    fn rule_4_unknown_and_unanswered_are_open() {
        let set = sample_set();
        let e = evaluate(
            &set,
            &answers(&[("buy", No), ("grant", Unknown), ("ngo", Yes)]),
        );
        assert_eq!(e.verdict, Verdict::Undetermined);
        assert!(!e.complete);
        assert_eq!(e.open(), ["grant", "goal"]);
        assert_eq!(e.assessments[1].answer, Some(Unknown));
        assert_eq!(e.assessments[2].answer, None);
    }

    #[test]
    fn a_failure_stands_while_questions_are_open() {
        let set = sample_set();
        let e = evaluate(&set, &answers(&[("grant", No)]));
        assert_eq!(e.verdict, Verdict::AssociationGrant);
        assert!(!e.complete);
        assert_eq!(e.open(), ["buy", "goal", "ngo"]);
    }

    #[test]
    fn answers_to_questions_the_set_does_not_use_are_ignored() {
        let set = sample_set();
        let all = [
            ("buy", No),
            ("grant", Yes),
            ("goal", Yes),
            ("ngo", Yes),
            ("other", Yes),
        ];
        assert_eq!(evaluate(&set, &answers(&all)).verdict, Verdict::Iop);
    }

    #[test]
    fn no_answers_gives_undetermined_with_everything_open() {
        let set = sample_set();
        let e = evaluate(&set, &Answers::new());
        assert_eq!(e.verdict, Verdict::Undetermined);
        assert_eq!(e.open().len(), set.criteria.len());
    }
}
