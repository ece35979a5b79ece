//! The decision: the law and one criteria set, with a case's answers, give a verdict
//! with its reasons.
//!
//! Pure: no I/O, no printing, no words. The precedence is the decision model's
//! (version 2), for one set and one case, in this order:
//!
//! 1. the law's `public_contract` is true → procurement
//! 2. else a required criterion fails whose route is `procurement` → procurement
//! 3. else a required criterion fails whose route is `association-grant` → association grant
//! 4. else the law's `state_aid` is true or `municipal_competence` is false → undetermined
//! 5. else a required criterion fails whose route is `none` → undetermined
//! 6. else a required criterion or an item of the law is open → undetermined
//! 7. else → IOP
//!
//! A fact is true when every one of its questions is `true`, false when any is `false`,
//! otherwise open. Recommended criteria (`required = false`) never change the verdict. The
//! set's verdict without the law (rules 2, 3, 5, 6 and 7 over its required criteria) is
//! `criteria_verdict`.

pub use crate::model::LawOutcome;
use crate::model::{Answer, Answers, Bank, CriteriaSet, Criterion, Law, LawItem, Route, Verdict};

/// How a criterion or an item of the law stands in one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Met,
    Failed,
    /// Unanswered or answered `"unknown"` (for a fact: none of its questions is `false`
    /// and some are open).
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
}

/// The case's answer to a question, or the value of a fact: `Some(Yes)` when every one
/// of its questions is `true`, `Some(No)` when any is `false`, else `None` (open).
/// A question the case does not answer is `None`.
pub fn answer(bank: &Bank, id: &str, answers: &Answers) -> Option<Answer> {
    let Some(fact) = bank.fact(id) else {
        return answers.get(id).copied();
    };
    let mut open = false;
    for q in &fact.all_of {
        match answers.get(q).and_then(|a| a.known()) {
            Some(false) => return Some(Answer::No),
            Some(true) => {}
            None => open = true,
        }
    }
    if open { None } else { Some(Answer::Yes) }
}

/// How an item stands given the answer that meets it and the case's answer.
pub fn status(ok: bool, answer: Option<Answer>) -> Status {
    match answer.and_then(Answer::known) {
        None => Status::Open,
        Some(value) if value == ok => Status::Met,
        Some(_) => Status::Failed,
    }
}

/// One criterion with the case's answer to its question (or the fact's value).
#[derive(Debug, Clone)]
pub struct Assessment<'a> {
    pub criterion: &'a Criterion,
    /// `None` when the case does not answer the question, or the fact is open.
    pub answer: Option<Answer>,
    pub status: Status,
}

/// One item of the law with the case's answer.
#[derive(Debug, Clone)]
pub struct LawAssessment<'a> {
    pub item: &'a LawItem,
    pub answer: Option<Answer>,
    pub status: Status,
}

/// The law's result for one case.
#[derive(Debug, Clone)]
pub struct LawResult<'a> {
    pub outcome: LawOutcome,
    /// Every item of the law, in the law's order.
    pub items: Vec<LawAssessment<'a>>,
}

impl<'a> LawResult<'a> {
    /// Ids of the items that fail, in the law's order.
    pub fn failed(&self) -> Vec<&'a str> {
        self.ids(Status::Failed)
    }

    /// Ids of the open items, in the law's order.
    pub fn open(&self) -> Vec<&'a str> {
        self.ids(Status::Open)
    }

    fn ids(&self, status: Status) -> Vec<&'a str> {
        self.items
            .iter()
            .filter(|a| a.status == status)
            .map(|a| a.item.id.as_str())
            .collect()
    }

    /// The failing item whose route is `procurement`: a public contract.
    pub fn contract(&self) -> Option<&LawAssessment<'a>> {
        self.items
            .iter()
            .find(|a| a.status == Status::Failed && a.item.route == Route::Procurement)
    }

    /// The failing items that need a legal review (route `none`).
    pub fn review(&self) -> impl Iterator<Item = &LawAssessment<'a>> {
        self.items
            .iter()
            .filter(|a| a.status == Status::Failed && a.item.route == Route::None)
    }
}

/// Decides the law for one case.
pub fn evaluate_law<'a>(law: &'a Law, bank: &Bank, answers: &Answers) -> LawResult<'a> {
    let items: Vec<LawAssessment<'a>> = law
        .items
        .iter()
        .map(|item| {
            let answer = answer(bank, &item.id, answers);
            LawAssessment {
                item,
                answer,
                status: status(item.ok, answer),
            }
        })
        .collect();
    let fails = |route: Route| {
        items
            .iter()
            .any(|a| a.status == Status::Failed && a.item.route == route)
    };
    let outcome = if fails(Route::Procurement) {
        LawOutcome::Contract
    } else if items.iter().any(|a| a.status == Status::Failed) {
        LawOutcome::Review
    } else if items.iter().any(|a| a.status == Status::Open) {
        LawOutcome::Open
    } else {
        LawOutcome::Clear
    };
    LawResult { outcome, items }
}

/// What the precedence looks at: the law's outcome and how the set's required criteria
/// stand, with nothing else. `advice` asks the same question of answers not yet given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// The law finds a public contract (rule 1).
    pub contract: bool,
    /// A required criterion fails with route procurement (rule 2).
    pub fails_procurement: bool,
    /// … with route association-grant (rule 3).
    pub fails_grant: bool,
    /// The law needs a legal review: state aid, or outside competence (rule 4).
    pub review: bool,
    /// A required criterion fails with route none (rule 5).
    pub fails_none: bool,
    /// A required criterion or an item of the law is open (rule 6).
    pub open: bool,
}

impl Standing {
    /// The verdict, by the precedence.
    pub fn verdict(self) -> Verdict {
        if self.contract || self.fails_procurement {
            Verdict::Procurement
        } else if self.fails_grant {
            Verdict::AssociationGrant
        } else if self.review || self.fails_none || self.open {
            Verdict::Undetermined
        } else {
            Verdict::Iop
        }
    }

    /// Records a required criterion that fails with a route.
    pub fn fail(&mut self, route: Route) {
        match route {
            Route::Procurement => self.fails_procurement = true,
            Route::AssociationGrant => self.fails_grant = true,
            Route::None => self.fails_none = true,
        }
    }

    /// Records a failing item of the law with its route.
    pub fn fail_law(&mut self, route: Route) {
        match route {
            Route::Procurement => self.contract = true,
            Route::AssociationGrant | Route::None => self.review = true,
        }
    }
}

/// Why a set's verdict is what it is: the rule of the precedence that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Rule 7: the law finds no obstacle and every required criterion is met.
    Iop,
    /// Rule 1: the law finds a public contract.
    Contract,
    /// Rule 2: a required criterion fails that points to a purchase.
    Purchase,
    /// Rule 3: a required criterion fails that points to a grant.
    Grant,
    /// Rule 4: the law needs a legal review (state aid, competence).
    LegalReview,
    /// Rule 5: a required criterion fails that points to no form.
    FailsWithoutRoute,
    /// Rule 6: something is open.
    Open,
}

/// The result of one set for one case.
#[derive(Debug, Clone)]
pub struct Evaluation<'a> {
    pub set: &'a CriteriaSet,
    pub verdict: Verdict,
    /// The set's verdict by its required criteria alone, without the law.
    pub criteria_verdict: Verdict,
    /// True when no required criterion and no item of the law is open.
    pub complete: bool,
    pub law: LawResult<'a>,
    /// Every criterion of the set, in the set's order.
    pub assessments: Vec<Assessment<'a>>,
}

impl<'a> Evaluation<'a> {
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &Assessment<'a>> {
        self.required().filter(move |a| a.status == status)
    }

    /// The required criteria, in the set's order.
    pub fn required(&self) -> impl Iterator<Item = &Assessment<'a>> {
        self.assessments.iter().filter(|a| a.criterion.required)
    }

    /// The recommended criteria that are not met or are open, in the set's order.
    pub fn advisories(&self) -> impl Iterator<Item = &Assessment<'a>> {
        self.assessments
            .iter()
            .filter(|a| !a.criterion.required && a.status != Status::Met)
    }

    /// Ids of the required criteria that fail, in the set's order.
    pub fn failed(&self) -> Vec<&'a str> {
        self.ids(Status::Failed)
    }

    /// Ids of the open required criteria, in the set's order.
    pub fn open(&self) -> Vec<&'a str> {
        self.ids(Status::Open)
    }

    /// Ids of the advisories, in the set's order.
    pub fn advisory_ids(&self) -> Vec<&'a str> {
        self.advisories()
            .map(|a| a.criterion.question.as_str())
            .collect()
    }

    fn ids(&self, status: Status) -> Vec<&'a str> {
        self.with_status(status)
            .map(|a| a.criterion.question.as_str())
            .collect()
    }

    /// The item of the law that decides against the set's own criteria, when the law
    /// gives another verdict than the criteria alone would: the public contract, or the
    /// item that needs a legal review.
    pub fn overriding(&self) -> Option<&LawAssessment<'a>> {
        if self.verdict == self.criteria_verdict {
            return None;
        }
        self.law
            .contract()
            .or_else(|| self.law.review().next())
            .or_else(|| self.law.items.iter().find(|a| a.status == Status::Open))
    }

    /// The rule of the precedence that decided the verdict.
    pub fn reason(&self) -> Reason {
        let law_fails = |route: Route| {
            self.law
                .items
                .iter()
                .any(|a| a.status == Status::Failed && (a.item.route == route))
        };
        let fails = |route: Route| {
            self.with_status(Status::Failed)
                .any(|a| a.criterion.route == route)
        };
        if law_fails(Route::Procurement) {
            Reason::Contract
        } else if fails(Route::Procurement) {
            Reason::Purchase
        } else if fails(Route::AssociationGrant) {
            Reason::Grant
        } else if self.law.review().next().is_some() {
            Reason::LegalReview
        } else if fails(Route::None) {
            Reason::FailsWithoutRoute
        } else if !self.complete {
            Reason::Open
        } else {
            Reason::Iop
        }
    }

    /// How many required criteria and items of the law are open (each id once).
    pub fn open_count(&self) -> usize {
        let law_open = self.law.open();
        let own = self.open();
        own.len() + law_open.iter().filter(|id| !own.contains(id)).count()
    }
}

/// Decides one set for one case, the law first.
pub fn evaluate<'a>(
    set: &'a CriteriaSet,
    law: &'a Law,
    bank: &Bank,
    answers: &Answers,
) -> Evaluation<'a> {
    let law = evaluate_law(law, bank, answers);
    let assessments: Vec<Assessment<'a>> = set
        .criteria
        .iter()
        .map(|criterion| {
            let answer = answer(bank, &criterion.question, answers);
            Assessment {
                criterion,
                answer,
                status: status(criterion.ok, answer),
            }
        })
        .collect();
    let mut own = Standing::default();
    for a in assessments.iter().filter(|a| a.criterion.required) {
        match a.status {
            Status::Failed => own.fail(a.criterion.route),
            Status::Open => own.open = true,
            Status::Met => {}
        }
    }
    let criteria_verdict = own.verdict();
    let mut full = own;
    for a in &law.items {
        match a.status {
            Status::Failed => full.fail_law(a.item.route),
            Status::Open => full.open = true,
            Status::Met => {}
        }
    }
    Evaluation {
        set,
        verdict: full.verdict(),
        criteria_verdict,
        complete: !full.open,
        law,
        assessments,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Fact, Localized, Question, SetKind, Source};

    fn words() -> Localized {
        Localized {
            sv: "text".into(),
            en: "text".into(),
        }
    }

    fn question(id: &str, ok: bool, route: Route) -> Question {
        Question {
            id: id.into(),
            ok,
            route,
            route_source: (route != Route::None).then(|| "s".into()),
            design: false,
            short: words(),
            text: words(),
            help: words(),
            sources: Vec::new(),
            agreement: None,
        }
    }

    fn criterion(question: &str, ok: bool, route: Route, required: bool) -> Criterion {
        Criterion {
            question: question.into(),
            required,
            ok,
            route,
            text: words(),
            help: words(),
            source: Source::default(),
        }
    }

    /// A bank with one question of each route, a fact of two questions for the public
    /// contract, a fact of one for state aid and a question for competence.
    pub(crate) fn sample_bank() -> Bank {
        Bank {
            questions: vec![
                question("buy", false, Route::Procurement),
                question("grant", true, Route::AssociationGrant),
                question("goal", true, Route::None),
                question("extra", true, Route::None),
                question("pay", false, Route::None),
                question("bind", false, Route::None),
                question("undertaking", false, Route::None),
                question("competence", true, Route::None),
            ],
            facts: vec![
                Fact {
                    id: "contract".into(),
                    all_of: vec!["pay".into(), "bind".into()],
                    ok: false,
                    route: Route::Procurement,
                    route_source: Some("s".into()),
                    short: words(),
                    text: words(),
                    help: words(),
                    sources: Vec::new(),
                    agreement: None,
                },
                Fact {
                    id: "aid".into(),
                    all_of: vec!["undertaking".into()],
                    ok: false,
                    route: Route::None,
                    route_source: None,
                    short: words(),
                    text: words(),
                    help: words(),
                    sources: Vec::new(),
                    agreement: None,
                },
            ],
        }
    }

    pub(crate) fn sample_law() -> Law {
        let item = |id: &str, ok: bool, route: Route| LawItem {
            id: id.into(),
            ok,
            route,
            text: words(),
            help: words(),
            cite: Vec::new(),
            overrides: words(),
        };
        Law {
            name: words(),
            intro: words(),
            items: vec![
                item("contract", false, Route::Procurement),
                item("aid", false, Route::None),
                item("competence", true, Route::None),
            ],
            citations: Vec::new(),
        }
    }

    /// A set with one criterion of each route and one recommended criterion.
    pub(crate) fn sample_set() -> CriteriaSet {
        CriteriaSet {
            id: "sample".into(),
            name: "Sample".into(),
            kind: SetKind::Kommun,
            governs: Vec::new(),
            derives_from: None,
            lineage: None,
            source: Source::default(),
            complete: None,
            criteria: vec![
                criterion("buy", false, Route::Procurement, true),
                criterion("grant", true, Route::AssociationGrant, true),
                criterion("goal", true, Route::None, true),
                criterion("extra", true, Route::None, false),
            ],
            file: None,
        }
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    use Answer::{No, Unknown, Yes};

    /// Answers that meet everything: the law clear, every criterion met.
    const CLEAR: [(&str, Answer); 8] = [
        ("buy", No),
        ("grant", Yes),
        ("goal", Yes),
        ("extra", Yes),
        ("pay", No),
        ("bind", No),
        ("undertaking", No),
        ("competence", Yes),
    ];

    fn with(changes: &[(&str, Answer)]) -> Answers {
        let mut all = answers(&CLEAR);
        for (k, v) in changes {
            all.insert(k.to_string(), *v);
        }
        all
    }

    fn without(ids: &[&str]) -> Answers {
        let mut all = answers(&CLEAR);
        for id in ids {
            all.remove(*id);
        }
        all
    }

    fn check(answers: &Answers) -> (Verdict, Verdict, bool) {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let e = evaluate(&set, &law, &bank, answers);
        (e.verdict, e.criteria_verdict, e.complete)
    }

    #[test]
    fn a_fact_is_true_when_all_true_false_when_any_false_else_open() {
        let bank = sample_bank();
        let a = |pairs: &[(&str, Answer)]| answer(&bank, "contract", &answers(pairs));
        assert_eq!(a(&[("pay", Yes), ("bind", Yes)]), Some(Yes));
        assert_eq!(a(&[("pay", Yes), ("bind", No)]), Some(No));
        assert_eq!(
            a(&[("pay", No)]),
            Some(No),
            "one false decides while the other is open"
        );
        assert_eq!(a(&[("pay", Yes), ("bind", Unknown)]), None);
        assert_eq!(a(&[("pay", Yes)]), None);
        assert_eq!(a(&[]), None);
    }

    #[test]
    fn rule_7_everything_met_and_the_law_clear_gives_iop() {
        assert_eq!(check(&with(&[])), (Verdict::Iop, Verdict::Iop, true));
    }

    #[test]
    fn rule_1_a_public_contract_is_procurement_whatever_the_criteria_say() {
        let contract = with(&[("pay", Yes), ("bind", Yes)]);
        assert_eq!(check(&contract), (Verdict::Procurement, Verdict::Iop, true));
        // It wins over a failure that points to a grant, too.
        let mut grant = contract.clone();
        grant.insert("grant".into(), No);
        assert_eq!(check(&grant).0, Verdict::Procurement);
        assert_eq!(check(&grant).1, Verdict::AssociationGrant);
    }

    #[test]
    fn rule_1_stands_while_other_things_are_open() {
        let open = without(&["grant", "goal", "competence"]);
        let mut contract = open.clone();
        contract.insert("pay".into(), Yes);
        contract.insert("bind".into(), Yes);
        let (verdict, criteria, complete) = check(&contract);
        assert_eq!(verdict, Verdict::Procurement);
        assert_eq!(criteria, Verdict::Undetermined);
        assert!(!complete);
    }

    #[test]
    fn rule_2_a_criterion_pointing_to_procurement_beats_a_grant() {
        let a = with(&[("buy", Yes), ("grant", No)]);
        assert_eq!(
            check(&a),
            (Verdict::Procurement, Verdict::Procurement, true)
        );
    }

    #[test]
    fn rule_3_a_grant_beats_the_law_review_and_route_none() {
        let a = with(&[("grant", No), ("undertaking", Yes), ("goal", No)]);
        assert_eq!(check(&a).0, Verdict::AssociationGrant);
        let a = with(&[("grant", No), ("competence", No)]);
        assert_eq!(check(&a).0, Verdict::AssociationGrant);
    }

    #[test]
    fn rule_4_state_aid_or_no_competence_is_undetermined() {
        assert_eq!(
            check(&with(&[("undertaking", Yes)])),
            (Verdict::Undetermined, Verdict::Iop, true)
        );
        assert_eq!(
            check(&with(&[("competence", No)])),
            (Verdict::Undetermined, Verdict::Iop, true)
        );
    }

    #[test]
    fn rule_5_route_none_gives_undetermined_though_complete() {
        assert_eq!(
            check(&with(&[("goal", No)])),
            (Verdict::Undetermined, Verdict::Undetermined, true)
        );
    }

    #[test]
    fn rule_6_an_open_criterion_or_law_item_is_undetermined() {
        assert_eq!(
            check(&without(&["goal"])),
            (Verdict::Undetermined, Verdict::Undetermined, false)
        );
        // The law open: the criteria alone would give IOP.
        assert_eq!(
            check(&with(&[("pay", Yes), ("bind", Unknown)])),
            (Verdict::Undetermined, Verdict::Iop, false)
        );
        assert_eq!(
            check(&without(&["competence"])),
            (Verdict::Undetermined, Verdict::Iop, false)
        );
    }

    #[test]
    fn a_fact_with_one_false_question_is_settled_though_the_other_is_open() {
        let a = with(&[("pay", No), ("bind", Unknown)]);
        assert_eq!(check(&a), (Verdict::Iop, Verdict::Iop, true));
    }

    #[test]
    fn a_recommended_criterion_never_changes_the_verdict() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        for extra in [Some(No), Some(Unknown), None] {
            let mut a = with(&[]);
            match extra {
                Some(v) => a.insert("extra".into(), v),
                None => a.remove("extra"),
            };
            let e = evaluate(&set, &law, &bank, &a);
            assert_eq!((e.verdict, e.complete), (Verdict::Iop, true), "{extra:?}");
            assert_eq!(e.advisory_ids(), ["extra"]);
            assert!(e.failed().is_empty() && e.open().is_empty());
        }
        let e = evaluate(&set, &law, &bank, &with(&[]));
        assert!(e.advisory_ids().is_empty());
    }

    #[test]
    fn failed_and_open_list_required_criteria_and_the_law_its_items() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let a = answers(&[
            ("buy", Yes),
            ("grant", Unknown),
            ("pay", Yes),
            ("bind", Yes),
        ]);
        let e = evaluate(&set, &law, &bank, &a);
        assert_eq!(e.failed(), ["buy"]);
        assert_eq!(e.open(), ["grant", "goal"]);
        assert_eq!(e.law.failed(), ["contract"]);
        assert_eq!(e.law.open(), ["aid", "competence"]);
        assert_eq!(e.law.outcome, LawOutcome::Contract);
        assert_eq!(e.assessments[1].answer, Some(Unknown));
        assert_eq!(e.assessments[2].answer, None);
        assert_eq!(e.law.items[0].answer, Some(Yes));
        assert_eq!(e.law.items[1].answer, None);
    }

    #[test]
    fn the_law_outcome_is_contract_then_review_then_open_then_clear() {
        let (bank, law) = (sample_bank(), sample_law());
        let outcome = |a: &Answers| evaluate_law(&law, &bank, a).outcome;
        assert_eq!(outcome(&with(&[])), LawOutcome::Clear);
        assert_eq!(
            outcome(&with(&[("pay", Yes), ("bind", Unknown)])),
            LawOutcome::Open
        );
        assert_eq!(
            outcome(&with(&[("competence", No), ("bind", Unknown)])),
            LawOutcome::Review
        );
        assert_eq!(
            outcome(&with(&[("pay", Yes), ("bind", Yes), ("undertaking", Yes)])),
            LawOutcome::Contract
        );
    }

    #[test]
    fn no_answers_gives_undetermined_with_everything_open() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let e = evaluate(&set, &law, &bank, &Answers::new());
        assert_eq!(e.verdict, Verdict::Undetermined);
        assert_eq!(e.open().len(), 3);
        assert_eq!(e.law.open().len(), 3);
        assert_eq!(e.law.outcome, LawOutcome::Open);
    }

    #[test]
    fn the_reason_names_the_rule_that_decided() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let reason = |a: &Answers| evaluate(&set, &law, &bank, a).reason();
        assert_eq!(reason(&with(&[])), Reason::Iop);
        assert_eq!(
            reason(&with(&[("pay", Yes), ("bind", Yes), ("buy", Yes)])),
            Reason::Contract
        );
        assert_eq!(
            reason(&with(&[("buy", Yes), ("grant", No)])),
            Reason::Purchase
        );
        assert_eq!(
            reason(&with(&[("grant", No), ("competence", No)])),
            Reason::Grant
        );
        assert_eq!(
            reason(&with(&[("competence", No), ("goal", No)])),
            Reason::LegalReview
        );
        assert_eq!(reason(&with(&[("goal", No)])), Reason::FailsWithoutRoute);
        assert_eq!(reason(&without(&["competence"])), Reason::Open);
    }

    #[test]
    fn the_overriding_item_is_named_only_when_the_law_changes_the_verdict() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let e = evaluate(&set, &law, &bank, &with(&[("pay", Yes), ("bind", Yes)]));
        assert_eq!(e.overriding().map(|a| a.item.id.as_str()), Some("contract"));
        let e = evaluate(&set, &law, &bank, &with(&[("competence", No)]));
        assert_eq!(
            e.overriding().map(|a| a.item.id.as_str()),
            Some("competence")
        );
        let e = evaluate(
            &set,
            &law,
            &bank,
            &with(&[("buy", Yes), ("pay", Yes), ("bind", Yes)]),
        );
        assert_eq!(e.overriding().map(|a| a.item.id.as_str()), None);
    }
}
