//! Properties over random input (proptest):
//!
//! - the engine agrees with a reference implementation of the decision model's precedence,
//!   written here from the contract's text alone, for every built-in set and for random
//!   sets, over random answers;
//! - loading arbitrary bytes, arbitrary TOML and mutated real files, as an answer file and
//!   as a criteria file, never panics and ends in a result or in diagnostics that name the
//!   file, with a line wherever the problem has a place;
//! - an answer file written from random answers reads back as the same answers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::sync::LazyLock;

use proptest::prelude::*;

use iop::diagnostic::{Diagnostic, Problem};
use iop::engine::{self, Status};
use iop::i18n::{Lang, Words};
use iop::model::criteria::{self, BUILTIN};
use iop::model::{Answer, Answers, Catalog, CriteriaSet, Criterion, Route, Source, Verdict, case};
use iop::report::diagnostics;

// --- the contract, as written in decision-model.md ---------------------------------------

/// The questions table: id, `ok`, `route`.
const QUESTIONS: &[(&str, bool, &str)] = &[
    ("ideburen_organisation", true, "procurement"),
    ("initiated_by_ideburen", true, "procurement"),
    ("municipality_orders_service", false, "procurement"),
    ("market_exists", false, "procurement"),
    ("commercial_activity", false, "procurement"),
    ("detail_regulated", false, "procurement"),
    ("independent_actor", true, "procurement"),
    ("part_of_regular_grants", false, "association-grant"),
    ("joint_collaboration", true, "association-grant"),
    ("cofinanced", true, "association-grant"),
    ("long_term", true, "association-grant"),
    ("societal_challenge", true, "association-grant"),
    ("political_goal", true, "none"),
    ("shared_goals", true, "none"),
    ("municipal_competence", true, "none"),
    ("state_aid_compatible", true, "none"),
    ("capacity_to_deliver", true, "none"),
    ("added_value_for_target_group", true, "none"),
    ("joint_follow_up", true, "none"),
];

/// The criteria sets table: id and the questions it uses.
const SETS: &[(&str, &[&str])] = &[
    (
        "forum",
        &[
            "ideburen_organisation",
            "initiated_by_ideburen",
            "political_goal",
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
            "joint_collaboration",
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
            "state_aid_compatible",
            "municipality_orders_service",
            "part_of_regular_grants",
            "detail_regulated",
            "joint_collaboration",
            "long_term",
            "joint_follow_up",
        ],
    ),
    (
        "sou-2019-56",
        &[
            "ideburen_organisation",
            "shared_goals",
            "cofinanced",
            "municipality_orders_service",
        ],
    ),
];

/// What the reference decides: the verdict, whether complete, the failed and open ids.
#[derive(Debug, PartialEq, Eq)]
struct Decision {
    verdict: &'static str,
    complete: bool,
    failed: Vec<String>,
    open: Vec<String>,
}

/// The precedence as the contract states it, over `(question, ok, route)` criteria in a
/// set's order and the answers `true`, `false` or unknown / unanswered (`None`).
fn reference(
    criteria: &[(&str, bool, &str)],
    answers: &BTreeMap<String, Option<bool>>,
) -> Decision {
    let answer = |q: &str| answers.get(q).copied().flatten();
    // "a criterion fails (a known answer other than `ok`)"
    let failed: Vec<(&str, &str)> = criteria
        .iter()
        .filter(|(q, ok, _)| answer(q).is_some_and(|a| a != *ok))
        .map(|(q, _, route)| (*q, *route))
        .collect();
    // "open (unanswered or "unknown")"
    let open: Vec<String> = criteria
        .iter()
        .filter(|(q, _, _)| answer(q).is_none())
        .map(|(q, _, _)| q.to_string())
        .collect();
    let fails = |route: &str| failed.iter().any(|(_, r)| *r == route);
    let verdict = if fails("procurement") {
        "procurement"
    } else if fails("association-grant") {
        "association-grant"
    } else if fails("none") || !open.is_empty() {
        "undetermined"
    } else {
        "iop"
    };
    Decision {
        verdict,
        complete: open.is_empty(),
        failed: failed.iter().map(|(q, _)| q.to_string()).collect(),
        open,
    }
}

fn decided_by_engine(set: &CriteriaSet, answers: &Answers) -> Decision {
    let e = engine::evaluate(set, answers);
    let verdict = match e.verdict {
        Verdict::Iop => "iop",
        Verdict::AssociationGrant => "association-grant",
        Verdict::Procurement => "procurement",
        Verdict::Undetermined => "undetermined",
    };
    assert_eq!(e.assessments.len(), set.criteria.len());
    for a in &e.assessments {
        assert_eq!(a.answer, answers.get(&a.criterion.question).copied());
        assert_eq!(
            a.status == Status::Open,
            a.answer.and_then(Answer::known).is_none()
        );
    }
    Decision {
        verdict,
        complete: e.complete,
        failed: e.failed().into_iter().map(String::from).collect(),
        open: e.open().into_iter().map(String::from).collect(),
    }
}

/// The built-in catalog, loaded once: a debug build takes milliseconds to load it, and
/// the properties run hundreds of cases.
fn catalog() -> &'static Catalog {
    static CATALOG: LazyLock<Catalog> = LazyLock::new(|| criteria::builtin().unwrap());
    &CATALOG
}

#[test]
fn the_built_in_criteria_are_the_contract_s() {
    let catalog = catalog();
    let bank: Vec<(&str, bool, &str)> = catalog
        .bank
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.ok, q.route.id()))
        .collect();
    assert_eq!(bank, QUESTIONS);
    let sets: Vec<&str> = catalog.set_ids().collect();
    assert_eq!(sets, SETS.iter().map(|(id, _)| *id).collect::<Vec<_>>());
    for (id, questions) in SETS {
        let mut used: Vec<&str> = catalog
            .set(id)
            .unwrap()
            .criteria
            .iter()
            .map(|c| c.question.as_str())
            .collect();
        let mut expected = questions.to_vec();
        used.sort_unstable();
        expected.sort_unstable();
        assert_eq!(used, expected, "{id} uses exactly the contract's questions");
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

/// Random answers to the bank's questions, and perhaps to questions no set uses.
fn any_answers() -> impl Strategy<Value = Answers> {
    (
        proptest::collection::vec(any_answer(), QUESTIONS.len()),
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

fn as_reference(answers: &Answers) -> BTreeMap<String, Option<bool>> {
    answers
        .iter()
        .map(|(id, a)| (id.clone(), a.known()))
        .collect()
}

fn route(id: &str) -> Route {
    Route::from_id(id).unwrap()
}

fn words(text: &str) -> iop::model::Localized {
    iop::model::Localized {
        sv: text.into(),
        en: text.into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_built_in_set_decides_as_the_contract_says(answers in any_answers()) {
        let catalog = catalog();
        for (id, _) in SETS {
            let set = catalog.set(id).unwrap();
            // The set's own order, with `ok` and `route` from the contract's table.
            let criteria: Vec<(&str, bool, &str)> = set
                .criteria
                .iter()
                .map(|c| *QUESTIONS.iter().find(|(q, _, _)| *q == c.question).unwrap())
                .collect();
            prop_assert_eq!(
                decided_by_engine(set, &answers),
                reference(&criteria, &as_reference(&answers)),
                "set {}", id
            );
        }
    }

    #[test]
    fn any_set_decides_as_the_contract_says(
        shape in proptest::collection::vec(
            (any::<bool>(), prop_oneof![Just("procurement"), Just("association-grant"), Just("none")], any_answer()),
            0..12,
        )
    ) {
        let criteria: Vec<(String, bool, &str)> = shape
            .iter()
            .enumerate()
            .map(|(i, (ok, route, _))| (format!("q{i}"), *ok, *route))
            .collect();
        let set = CriteriaSet {
            id: "random".into(),
            name: "Random".into(),
            source: Source { document: "d".into(), publisher: "p".into(), section: None, url: None },
            criteria: criteria
                .iter()
                .map(|(q, ok, r)| Criterion {
                    question: q.clone(),
                    ok: *ok,
                    route: route(r),
                    text: words("t"),
                    help: words("h"),
                    source: Source { document: "d".into(), publisher: "p".into(), section: None, url: None },
                })
                .collect(),
            file: None,
        };
        let answers: Answers = criteria
            .iter()
            .zip(&shape)
            .filter_map(|((q, _, _), (_, _, a))| a.map(|a| (q.clone(), a)))
            .collect();
        let reference_criteria: Vec<(&str, bool, &str)> =
            criteria.iter().map(|(q, ok, r)| (q.as_str(), *ok, *r)).collect();
        prop_assert_eq!(
            decided_by_engine(&set, &answers),
            reference(&reference_criteria, &as_reference(&answers))
        );
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
            let shown = diagnostics::render(d, w);
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
    include_str!("../examples/ungdomsbussen-vasteras.toml"),
    include_str!("../examples/falun-roda-korset.toml"),
    include_str!("cases/bad-keys.toml"),
];

const CRITERIA_TEXTS: &[&str] = &[
    include_str!("../criteria/sou-2019-56.toml"),
    include_str!("../criteria/falun.toml"),
    include_str!("criteria/validate/many-problems.toml"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_crash_the_loaders(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        load_case(bytes.clone(), catalog());
        load_criteria(bytes);
    }

    #[test]
    fn arbitrary_toml_never_crashes_the_loaders(text in any_document()) {
        load_case(text.clone().into_bytes(), catalog());
        load_criteria(text.into_bytes());
    }

    #[test]
    fn mutated_answer_files_never_crash_the_loader(bytes in mutated(CASE_TEXTS)) {
        load_case(bytes, catalog());
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
        let catalog = catalog();
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
