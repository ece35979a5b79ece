//! Properties over random input (proptest):
//!
//! - the engine agrees with a reference implementation of the decision model's precedence,
//!   written here from the contract's text alone, for every built-in set and for random
//!   sets, over random answers;
//! - loading arbitrary bytes, arbitrary TOML and mutated real files, as an answer file and
//!   as a criteria file, never panics and ends in a result or in diagnostics that name the
//!   file, with a line wherever the problem has a place;
//! - an answer file written from random answers reads back as the same answers.

use std::collections::BTreeMap;

use proptest::prelude::*;

use iop::diagnostic::{Diagnostic, Problem};
use iop::engine::{self, Status};
use iop::i18n::{Lang, Words};
use iop::model::criteria::{self, BUILTIN};
use iop::model::{Answer, Answers, Catalog, CriteriaSet, Verdict, case};

use crate::common;
use iop::report::diagnostics;

// --- the contract, as written in decision-model.md (version 2) -----------------------------

/// The questions table: id, `ok`, `route`.
const QUESTIONS: &[(&str, bool, &str)] = &[
    ("ideburen_organisation", true, "none"),
    ("initiated_by_ideburen", true, "procurement"),
    ("market_exists", false, "procurement"),
    ("commercial_activity", false, "none"),
    ("detail_regulated", false, "procurement"),
    ("independent_actor", true, "none"),
    ("part_of_regular_grants", false, "association-grant"),
    ("joint_collaboration", true, "association-grant"),
    ("cofinanced", true, "association-grant"),
    ("long_term", true, "none"),
    ("societal_challenge", true, "none"),
    ("political_goal", true, "none"),
    ("plan_names_civil_society", true, "none"),
    ("public_benefit_goal", true, "none"),
    ("shared_goals", true, "none"),
    ("municipal_competence", true, "none"),
    ("capacity_to_deliver", true, "none"),
    ("added_value_for_target_group", true, "none"),
    ("joint_follow_up", true, "none"),
    ("written_as_cofinanced", true, "none"),
    ("joint_ownership", true, "none"),
    ("complements_public_service", true, "none"),
    ("no_other_public_funding", true, "none"),
    ("activity_already_exists", true, "none"),
    ("payment_for_performance", false, "none"),
    ("direct_economic_interest", false, "none"),
    ("binding_obligations", false, "none"),
    ("economic_activity", false, "none"),
    ("above_de_minimis", false, "none"),
];

/// The facts table: id, all of, `ok`, `route`.
const FACTS: &[(&str, &[&str], bool, &str)] = &[
    (
        "public_contract",
        &[
            "payment_for_performance",
            "direct_economic_interest",
            "binding_obligations",
        ],
        false,
        "procurement",
    ),
    (
        "state_aid",
        &["economic_activity", "above_de_minimis"],
        false,
        "none",
    ),
];

/// The law: item, `ok`, `route`, in order.
const LAW: &[(&str, bool, &str)] = &[
    ("public_contract", false, "procurement"),
    ("state_aid", false, "none"),
    ("municipal_competence", true, "none"),
];

/// The criteria sets table: id and the questions or facts it uses; `+` marks a
/// recommended one (†).
const SETS: &[(&str, &[&str])] = &[
    (
        "forum",
        &[
            "ideburen_organisation",
            "initiated_by_ideburen",
            "plan_names_civil_society",
            "part_of_regular_grants",
            "market_exists",
            "cofinanced",
            "detail_regulated",
        ],
    ),
    (
        "falun",
        &[
            "ideburen_organisation",
            "public_benefit_goal",
            "initiated_by_ideburen",
            "societal_challenge",
            "part_of_regular_grants",
            "independent_actor",
            "cofinanced",
            "detail_regulated",
            "long_term",
            "market_exists",
            "joint_collaboration",
        ],
    ),
    (
        "jonkoping",
        &[
            "ideburen_organisation",
            "initiated_by_ideburen",
            "political_goal",
            "societal_challenge",
            "independent_actor",
            "commercial_activity",
            "market_exists",
            "cofinanced",
            "detail_regulated",
            "long_term",
            "municipal_competence",
        ],
    ),
    (
        "kungsbacka",
        &[
            "ideburen_organisation",
            "political_goal",
            "capacity_to_deliver",
            "societal_challenge",
            "shared_goals",
            "cofinanced",
            "added_value_for_target_group",
            "municipal_competence",
            "state_aid",
            "public_contract",
            "part_of_regular_grants",
            "detail_regulated",
            "written_as_cofinanced",
            "long_term",
            "joint_follow_up",
        ],
    ),
    (
        "sou-2019-56",
        &[
            "ideburen_organisation",
            "public_benefit_goal",
            "cofinanced",
            "public_contract",
        ],
    ),
    (
        "vgr",
        &[
            "ideburen_organisation",
            "municipal_competence",
            "public_benefit_goal",
            "political_goal",
            "complements_public_service",
            "state_aid",
            "public_contract",
            "written_as_cofinanced",
            "no_other_public_funding",
        ],
    ),
    (
        "boras",
        &[
            "ideburen_organisation",
            "market_exists",
            "societal_challenge",
            "plan_names_civil_society",
            "part_of_regular_grants",
            "independent_actor",
            "cofinanced",
            "detail_regulated",
            "long_term",
        ],
    ),
    (
        "gavleborg",
        &[
            "ideburen_organisation",
            "initiated_by_ideburen",
            "activity_already_exists",
            "plan_names_civil_society",
            "part_of_regular_grants",
            "market_exists",
            "cofinanced",
        ],
    ),
    (
        "uddevalla",
        &[
            "ideburen_organisation",
            "initiated_by_ideburen",
            "plan_names_civil_society",
            "part_of_regular_grants",
            "market_exists",
            "cofinanced",
            "detail_regulated",
            "long_term",
            "joint_follow_up",
        ],
    ),
    (
        "skr-2017",
        &[
            "ideburen_organisation",
            "part_of_regular_grants",
            "public_contract",
            "cofinanced",
            "joint_collaboration",
            "+plan_names_civil_society",
            "detail_regulated",
            "joint_ownership",
            "+written_as_cofinanced",
            "long_term",
            "joint_follow_up",
        ],
    ),
    (
        "tyreso",
        &[
            "ideburen_organisation",
            "public_benefit_goal",
            "cofinanced",
            "part_of_regular_grants",
            "public_contract",
        ],
    ),
    (
        "malmo-arbetsmarknad",
        &[
            "ideburen_organisation",
            "initiated_by_ideburen",
            "market_exists",
            "public_benefit_goal",
        ],
    ),
];

/// `ok` and `route` of a question or fact, from the tables.
fn rule(id: &str) -> (bool, &'static str) {
    QUESTIONS
        .iter()
        .find(|(q, _, _)| *q == id)
        .map(|(_, ok, r)| (*ok, *r))
        .or_else(|| {
            FACTS
                .iter()
                .find(|(f, ..)| *f == id)
                .map(|(_, _, ok, r)| (*ok, *r))
        })
        .unwrap()
}

/// A question's answer (`None`: unanswered or unknown), or a fact's: true when all its
/// questions are true, false when any is false, else open.
fn value(id: &str, answers: &BTreeMap<String, Option<bool>>) -> Option<bool> {
    let answer = |q: &str| answers.get(q).copied().flatten();
    match FACTS.iter().find(|(f, ..)| *f == id) {
        None => answer(id),
        Some((_, all, _, _)) => {
            let values: Vec<Option<bool>> = all.iter().map(|q| answer(q)).collect();
            if values.contains(&Some(false)) {
                Some(false)
            } else if values.iter().all(|v| *v == Some(true)) {
                Some(true)
            } else {
                None
            }
        }
    }
}

/// What the reference decides for one set.
#[derive(Debug, PartialEq, Eq, Clone)]
struct Decision {
    verdict: &'static str,
    criteria_verdict: &'static str,
    complete: bool,
    failed: Vec<String>,
    open: Vec<String>,
    advisories: Vec<String>,
    law_outcome: &'static str,
    law_failed: Vec<String>,
    law_open: Vec<String>,
}

/// The precedence as the contract states it, for a set given as `(id, required)` in its
/// order: rule by rule, as the contract numbers them, though rules give the same verdict.
#[allow(clippy::if_same_then_else)]
fn reference(set: &[(&str, bool)], answers: &BTreeMap<String, Option<bool>>) -> Decision {
    let fails = |id: &str| {
        let (ok, _) = rule(id);
        value(id, answers).is_some_and(|v| v != ok)
    };
    let open = |id: &str| value(id, answers).is_none();
    let required: Vec<&str> = set.iter().filter(|(_, r)| *r).map(|(id, _)| *id).collect();
    let failed: Vec<String> = required
        .iter()
        .filter(|id| fails(id))
        .map(|s| s.to_string())
        .collect();
    let open_ids: Vec<String> = required
        .iter()
        .filter(|id| open(id))
        .map(|s| s.to_string())
        .collect();
    let advisories: Vec<String> = set
        .iter()
        .filter(|(id, r)| !*r && (fails(id) || open(id)))
        .map(|(id, _)| id.to_string())
        .collect();
    let law_failed: Vec<String> = LAW
        .iter()
        .filter(|(id, ..)| fails(id))
        .map(|(id, ..)| id.to_string())
        .collect();
    let law_open: Vec<String> = LAW
        .iter()
        .filter(|(id, ..)| open(id))
        .map(|(id, ..)| id.to_string())
        .collect();
    let fails_route = |route: &str| failed.iter().any(|id| rule(id).1 == route);
    let contract = fails("public_contract");
    let review = fails("state_aid") || fails("municipal_competence");
    let law_outcome = if contract {
        "contract"
    } else if review {
        "review"
    } else if !law_open.is_empty() {
        "open"
    } else {
        "clear"
    };
    // Rules 2, 3, 5, 6 (criteria only) and 7.
    let criteria_verdict = if fails_route("procurement") {
        "procurement"
    } else if fails_route("association-grant") {
        "association-grant"
    } else if fails_route("none") || !open_ids.is_empty() {
        "undetermined"
    } else {
        "iop"
    };
    let verdict = if contract {
        "procurement"
    } else if fails_route("procurement") {
        "procurement"
    } else if fails_route("association-grant") {
        "association-grant"
    } else if review {
        "undetermined"
    } else if fails_route("none") {
        "undetermined"
    } else if !open_ids.is_empty() || !law_open.is_empty() {
        "undetermined"
    } else {
        "iop"
    };
    Decision {
        verdict,
        criteria_verdict,
        complete: open_ids.is_empty() && law_open.is_empty(),
        failed,
        open: open_ids,
        advisories,
        law_outcome,
        law_failed,
        law_open,
    }
}

/// A set of the contract's table as `(id, required)`.
fn table_set(id: &str) -> Vec<(&'static str, bool)> {
    SETS.iter()
        .find(|(s, _)| *s == id)
        .unwrap()
        .1
        .iter()
        .map(|c| match c.strip_prefix('+') {
            Some(id) => (id, false),
            None => (*c, true),
        })
        .collect()
}

/// The verdicts every yes/no answer to the open questions gives, by trying them all: the
/// questions of the law and of the set's criteria that are unanswered or unknown.
fn reference_possible(
    set: &[(&str, bool)],
    answers: &BTreeMap<String, Option<bool>>,
) -> Vec<&'static str> {
    let mut relevant: Vec<&str> = Vec::new();
    for id in LAW
        .iter()
        .map(|(id, ..)| *id)
        .chain(set.iter().map(|(id, _)| *id))
    {
        let questions: Vec<&str> = match FACTS.iter().find(|(f, ..)| *f == id) {
            Some((_, all, ..)) => all.to_vec(),
            None => vec![id],
        };
        for q in questions {
            if answers.get(q).copied().flatten().is_none() && !relevant.contains(&q) {
                relevant.push(q);
            }
        }
    }
    let mut verdicts: Vec<&'static str> = Vec::new();
    for mask in 0u32..(1 << relevant.len()) {
        let mut given = answers.clone();
        for (i, q) in relevant.iter().enumerate() {
            given.insert(q.to_string(), Some(mask & (1 << i) != 0));
        }
        let v = reference(set, &given).verdict;
        if !verdicts.contains(&v) {
            verdicts.push(v);
        }
    }
    verdicts.sort_unstable();
    verdicts
}

/// The questions of the law's and a set's required items that are unanswered or
/// unknown, and whose item is still open, in the bank's order: the open questions.
fn reference_open_questions(
    set: &[(&str, bool)],
    answers: &BTreeMap<String, Option<bool>>,
) -> Vec<&'static str> {
    let items: Vec<&str> = LAW
        .iter()
        .map(|(id, ..)| *id)
        .chain(set.iter().filter(|(_, r)| *r).map(|(id, _)| *id))
        .filter(|id| value(id, answers).is_none())
        .collect();
    QUESTIONS
        .iter()
        .map(|(q, ..)| *q)
        .filter(|q| answers.get(*q).copied().flatten().is_none())
        .filter(|q| {
            let item = FACTS
                .iter()
                .find(|(_, all, ..)| all.contains(q))
                .map_or(*q, |(f, ..)| *f);
            items.contains(&item)
        })
        .collect()
}

/// The next question by trying every open question and every way the rest could go: the
/// fewest possible verdicts in the worst case, ties by the bank's order. With
/// `passing_over` (what an interview asks), a question that cannot change any set's
/// possible verdicts is passed over while another can.
fn reference_next(
    sets: &[Vec<(&str, bool)>],
    answers: &BTreeMap<String, Option<bool>>,
    passing_over: bool,
) -> Option<&'static str> {
    let now: Vec<Vec<&str>> = sets
        .iter()
        .map(|s| reference_possible(s, answers))
        .collect();
    let unsettled: Vec<&Vec<(&str, bool)>> = sets
        .iter()
        .zip(&now)
        .filter(|(_, p)| p.len() > 1)
        .map(|(s, _)| s)
        .collect();
    if unsettled.is_empty() {
        return None;
    }
    let open: Vec<Vec<&str>> = unsettled
        .iter()
        .map(|s| reference_open_questions(s, answers))
        .collect();
    let candidates: Vec<&'static str> = QUESTIONS
        .iter()
        .map(|(q, ..)| *q)
        .filter(|q| open.iter().any(|o| o.contains(q)))
        .collect();
    let mut best: Option<(&'static str, usize)> = None;
    for q in &candidates {
        let mut worst = 0;
        let mut moves = false;
        for value in [true, false] {
            let mut given = answers.clone();
            given.insert(q.to_string(), Some(value));
            let after: Vec<Vec<&str>> =
                sets.iter().map(|s| reference_possible(s, &given)).collect();
            moves |= after != now;
            worst = worst.max(after.iter().map(Vec::len).sum());
        }
        if (moves || !passing_over) && best.is_none_or(|(_, b)| worst < b) {
            best = Some((q, worst));
        }
    }
    best.map(|(q, _)| q).or_else(|| candidates.first().copied())
}

fn decided_by_engine(set: &CriteriaSet, answers: &Answers) -> Decision {
    let catalog = common::catalog();
    let e = engine::evaluate(set, &catalog.law, &catalog.bank, answers);
    let ids = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(e.assessments.len(), set.criteria.len());
    for a in &e.assessments {
        assert_eq!(
            a.status == Status::Open,
            a.answer.and_then(Answer::known).is_none()
        );
    }
    Decision {
        verdict: verdict_id(e.verdict),
        criteria_verdict: verdict_id(e.criteria_verdict),
        complete: e.complete,
        failed: ids(e.failed()),
        open: ids(e.open()),
        advisories: ids(e.advisory_ids()),
        law_outcome: e.law.outcome.id(),
        law_failed: ids(e.law.failed()),
        law_open: ids(e.law.open()),
    }
}

fn verdict_id(v: Verdict) -> &'static str {
    match v {
        Verdict::Iop => "iop",
        Verdict::AssociationGrant => "association-grant",
        Verdict::Procurement => "procurement",
        Verdict::Undetermined => "undetermined",
    }
}

#[test]
fn the_built_in_criteria_are_the_contract_s() {
    let catalog = common::catalog();
    let bank: Vec<(&str, bool, &str)> = catalog
        .bank
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.ok, q.route.id()))
        .collect();
    assert_eq!(bank, QUESTIONS);
    for (id, all, ok, route) in FACTS {
        let fact = catalog.bank.fact(id).unwrap();
        assert_eq!(fact.all_of, *all);
        assert_eq!((fact.ok, fact.route.id()), (*ok, *route));
    }
    let law: Vec<(&str, bool, &str)> = catalog
        .law
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.ok, i.route.id()))
        .collect();
    assert_eq!(law, LAW);
    let sets: Vec<&str> = catalog.set_ids().collect();
    assert_eq!(sets, SETS.iter().map(|(id, _)| *id).collect::<Vec<_>>());
    for (id, _) in SETS {
        let mut used: Vec<(&str, bool)> = catalog
            .set(id)
            .unwrap()
            .criteria
            .iter()
            .map(|c| (c.question.as_str(), c.required))
            .collect();
        let mut expected = table_set(id);
        used.sort_unstable();
        expected.sort_unstable();
        assert_eq!(used, expected, "{id} uses exactly the contract's criteria");
    }
}

/// An answer as a case may give it: not at all, yes, no or unknown.
fn any_answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        Just(Some(Answer::Yes)),
        Just(Some(Answer::No)),
        Just(Some(Answer::Unknown)),
    ]
}

/// An answer that is mostly given: so that the open questions are few enough to try
/// every way they could go.
fn mostly_answered() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        1 => Just(None),
        4 => Just(Some(Answer::Yes)),
        4 => Just(Some(Answer::No)),
        1 => Just(Some(Answer::Unknown)),
    ]
}

fn answers_from(strategy: impl Strategy<Value = Option<Answer>>) -> impl Strategy<Value = Answers> {
    (
        proptest::collection::vec(strategy, QUESTIONS.len()),
        proptest::collection::vec(("[a-z_]{1,12}", any_answer()), 0..3),
    )
        .prop_map(|(known, extra)| {
            QUESTIONS
                .iter()
                .map(|(id, _, _)| id.to_string())
                .zip(known)
                .chain(extra)
                .filter_map(|(id, answer)| answer.map(|a| (id, a)))
                .collect()
        })
}

/// Random answers to the bank's questions, and perhaps to questions no set uses.
fn any_answers() -> impl Strategy<Value = Answers> {
    answers_from(any_answer())
}

fn as_reference(answers: &Answers) -> BTreeMap<String, Option<bool>> {
    answers
        .iter()
        .map(|(id, a)| (id.clone(), a.known()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_built_in_set_decides_as_the_contract_says(answers in any_answers()) {
        let catalog = common::catalog();
        for (id, _) in SETS {
            let set = catalog.set(id).unwrap();
            prop_assert_eq!(
                decided_by_engine(set, &answers),
                reference(&table_set(id), &as_reference(&answers)),
                "set {}", id
            );
        }
    }

    #[test]
    fn a_public_contract_is_never_an_iop(answers in any_answers()) {
        let catalog = common::catalog();
        let mut answers = answers;
        for q in ["payment_for_performance", "direct_economic_interest", "binding_obligations"] {
            answers.insert(q.into(), Answer::Yes);
        }
        for set in &catalog.sets {
            let e = engine::evaluate(set, &catalog.law, &catalog.bank, &answers);
            prop_assert_eq!(e.verdict, Verdict::Procurement, "{}", set.id);
        }
    }

    #[test]
    fn possible_verdicts_are_those_of_every_way_the_open_questions_go(
        answers in answers_from(mostly_answered())
    ) {
        let catalog = common::catalog();
        for (id, _) in SETS {
            let set = catalog.set(id).unwrap();
            let reference_set = table_set(id);
            let given = as_reference(&answers);
            let open = QUESTIONS.iter().filter(|(q, ..)| given.get(*q).copied().flatten().is_none()).count();
            if open > 14 {
                continue;
            }
            let possible: Vec<&str> = iop::advice::possible(set, &catalog.law, &catalog.bank, &answers)
                .into_iter()
                .map(verdict_id)
                .collect();
            prop_assert_eq!(possible, reference_possible(&reference_set, &given), "set {}", id);
        }
    }

    #[test]
    fn the_next_question_is_the_one_that_settles_the_most(
        answers in answers_from(mostly_answered())
    ) {
        let catalog = common::catalog();
        let given = as_reference(&answers);
        let open = QUESTIONS.iter().filter(|(q, ..)| given.get(*q).copied().flatten().is_none()).count();
        if open > 8 {
            return Ok(());
        }
        for (id, _) in SETS {
            let set = catalog.set(id).unwrap();
            let next = iop::advice::next_question(set, &catalog.law, &catalog.bank, &answers);
            prop_assert_eq!(next, reference_next(&[table_set(id)], &given, false), "set {}", id);
        }
        // Every set at once, as an interview over all of them chooses.
        let sets: Vec<&CriteriaSet> = catalog.sets.iter().collect();
        let next = iop::advice::next_question_for(&sets, &catalog.law, &catalog.bank, &answers);
        let reference: Vec<Vec<(&str, bool)>> = SETS.iter().map(|(id, _)| table_set(id)).collect();
        prop_assert_eq!(next, reference_next(&reference, &given, true), "all sets");
    }
}

// --- loaders: no input crashes them ------------------------------------------------------

/// Diagnostics that a user can act on: each names one of the files read, has a place
/// within its text when it has one, and has words in both languages.
fn assert_clear(problems: &[Diagnostic], file: &str, text: &str) {
    assert!(
        !problems.is_empty(),
        "an error comes with at least one diagnostic"
    );
    for d in problems {
        let known = d.file == file || BUILTIN.iter().any(|(name, _)| *name == d.file);
        assert!(known, "{d:?} names a file that was not read");
        if let Some(loc) = &d.location {
            assert!(loc.line >= 1 && loc.column >= 1 && loc.width >= 1, "{d:?}");
            if d.file == file {
                assert!(loc.line <= text.split('\n').count(), "{d:?} past the end");
            }
        }
        if matches!(
            d.problem,
            Problem::Syntax(_)
                | Problem::NotUtf8
                | Problem::UnknownKey { .. }
                | Problem::UnknownTable { .. }
                | Problem::UnknownQuestion { .. }
                | Problem::WrongType { .. }
                | Problem::NotATable { .. }
        ) {
            assert!(d.location.is_some(), "{d:?} has a place but no line");
        }
        for lang in [Lang::Sv, Lang::En] {
            let w = Words(lang);
            assert!(!w.problem(&d.problem).0.is_empty());
            let shown = diagnostics::render(d, w, iop::term::Term::default());
            assert!(shown.contains(&d.file), "{shown}");
        }
    }
}

/// Loads `bytes` as an answer file, as `iop check` reads one.
fn load_case(bytes: Vec<u8>, catalog: &Catalog) {
    let name = "case.toml";
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    match iop::diagnostic::decode(name, bytes) {
        Err(d) => assert_clear(&[d], name, &lossy),
        Ok(text) => match case::parse(name, &text, catalog) {
            Ok(case) => {
                for id in case.answers.keys() {
                    assert!(catalog.bank.get(id).is_some(), "only question ids are kept");
                }
            }
            Err(problems) => assert_clear(&problems, name, &text),
        },
    }
}

/// Loads `bytes` as a criteria file given with `--criteria`.
fn load_criteria(bytes: Vec<u8>) {
    let name = "set.toml";
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    match iop::diagnostic::decode(name, bytes) {
        Err(d) => assert_clear(&[d], name, &lossy),
        Ok(text) => {
            let examined = criteria::examine_texts(vec![(name.to_string(), text.clone())]);
            let warnings: Vec<Diagnostic> = examined
                .problems
                .iter()
                .filter(|d| d.severity == iop::diagnostic::Severity::Warning)
                .cloned()
                .collect();
            if !warnings.is_empty() {
                assert_clear(&warnings, name, &text);
            }
            if let Err(problems) = examined.into_result() {
                assert_clear(&problems, name, &text);
            }
        }
    }
}

/// Words that the loaders give meaning to, so that random TOML reaches past the first
/// unknown key.
const KEYS: &[&str] = &[
    "case",
    "answers",
    "notes",
    "expect",
    "title",
    "organisation",
    "public_party",
    "description",
    "set",
    "id",
    "name",
    "source",
    "criterion",
    "question",
    "text",
    "help",
    "short",
    "sv",
    "en",
    "document",
    "publisher",
    "section",
    "url",
    "ok",
    "route",
    "sources",
    "cofinanced",
    "market_exists",
    "long_term",
    "falun",
    "forum",
    "sou-2019-56",
];

const VALUES: &[&str] = &[
    "unknown",
    "iop",
    "procurement",
    "association-grant",
    "undetermined",
    "none",
    "falun",
    "all",
    "cofinanced",
    "market_exists",
    "",
    " ",
    "\u{1b}[2J",
    "Borås\u{202e}",
];

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(KEYS).prop_map(String::from),
        1 => any::<String>(),
    ]
}

fn any_toml() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        any::<bool>().prop_map(toml::Value::Boolean),
        any::<i64>().prop_map(toml::Value::Integer),
        any::<f64>()
            .prop_filter("TOML floats are finite", |f| f.is_finite())
            .prop_map(toml::Value::Float),
        proptest::sample::select(VALUES).prop_map(|v| toml::Value::String(v.into())),
        any::<String>().prop_map(toml::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            proptest::collection::vec((any_key(), inner), 0..6)
                .prop_map(|entries| toml::Value::Table(entries.into_iter().collect())),
        ]
    })
}

fn any_document() -> impl Strategy<Value = String> {
    proptest::collection::vec((any_key(), any_toml()), 0..6).prop_map(|entries| {
        let table: toml::Table = entries.into_iter().collect();
        toml::to_string(&table).unwrap_or_default()
    })
}

/// A real file with a few bytes replaced, inserted or removed.
fn mutated(texts: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::sample::select(texts),
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..6),
    )
        .prop_map(|(text, edits)| {
            let mut bytes = text.as_bytes().to_vec();
            for (at, byte, kind) in edits {
                if bytes.is_empty() {
                    bytes.push(byte);
                    continue;
                }
                let i = at.index(bytes.len());
                match kind {
                    0 => bytes[i] = byte,
                    1 => bytes.insert(i, byte),
                    _ => {
                        bytes.remove(i);
                    }
                }
            }
            bytes
        })
}

const CASE_TEXTS: &[&str] = &[
    include_str!("../../examples/ungdomsbussen-vasteras.toml"),
    include_str!("../../examples/falun-roda-korset.toml"),
    include_str!("../cases/bad-keys.toml"),
];

const CRITERIA_TEXTS: &[&str] = &[
    include_str!("../../criteria/sou-2019-56.toml"),
    include_str!("../../criteria/falun.toml"),
    include_str!("../criteria/validate/many-problems.toml"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_crash_the_loaders(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        load_case(bytes.clone(), common::catalog());
        load_criteria(bytes);
    }

    #[test]
    fn arbitrary_toml_never_crashes_the_loaders(text in any_document()) {
        load_case(text.clone().into_bytes(), common::catalog());
        load_criteria(text.into_bytes());
    }

    #[test]
    fn mutated_answer_files_never_crash_the_loader(bytes in mutated(CASE_TEXTS)) {
        load_case(bytes, common::catalog());
    }

    #[test]
    fn mutated_criteria_files_never_crash_the_loader(bytes in mutated(CRITERIA_TEXTS)) {
        load_criteria(bytes);
    }

    #[test]
    fn written_answers_read_back_the_same(
        answers in any_answers(),
        note in any::<String>(),
        title in any::<String>(),
    ) {
        let catalog = common::catalog();
        let answers: Answers = answers
            .into_iter()
            .filter(|(id, _)| catalog.bank.get(id).is_some())
            .collect();
        let mut doc = toml::Table::new();
        let mut case_table = toml::Table::new();
        case_table.insert("title".into(), toml::Value::String(title.clone()));
        doc.insert("case".into(), toml::Value::Table(case_table));
        let answer_table: toml::Table = answers
            .iter()
            .map(|(id, a)| {
                let value = match a.known() {
                    Some(b) => toml::Value::Boolean(b),
                    None => toml::Value::String("unknown".into()),
                };
                (id.clone(), value)
            })
            .collect();
        doc.insert("answers".into(), toml::Value::Table(answer_table));
        let notes: toml::Table = answers
            .keys()
            .map(|id| (id.clone(), toml::Value::String(note.clone())))
            .collect();
        doc.insert("notes".into(), toml::Value::Table(notes));
        let text = toml::to_string(&doc).unwrap();
        let case = case::parse("case.toml", &text, catalog).unwrap();
        prop_assert_eq!(&case.answers, &answers);
        let expected_title = (!title.trim().is_empty()).then_some(title);
        prop_assert_eq!(case.meta.title, expected_title);
        prop_assert!(case.notes.values().all(|n| *n == note));
    }
}
