use super::*;
use crate::model::{Route, SetKind};

fn catalog() -> Catalog {
    builtin().unwrap()
}

fn set_problems(text: &str) -> Vec<Diagnostic> {
    match parse("set.toml", text.to_string()) {
        Ok(File::Set(parsed)) => set::set_from(parsed, &catalog().bank, false).problems,
        Ok(_) => panic!("not a set"),
        Err(problems) => problems,
    }
}

fn problems_of(problems: Vec<Diagnostic>) -> Vec<Problem> {
    problems.into_iter().map(|d| d.problem).collect()
}

const GOOD: &str = r#"
id = "vasteras"
name = "Västerås stad"
kind = "kommun"
governs = ["Västerås stad"]
[source]
document = "Riktlinjer"
publisher = "Västerås stad"
[[criterion]]
question = "cofinanced"
text = { sv = "Båda parter bidrar.", en = "Both parties contribute." }
help = { sv = "Pengar eller tid.", en = "Money or time." }
source = { section = "Punkt 1" }
"#;

#[test]
fn a_set_takes_ok_and_route_from_the_bank() {
    let Ok(File::Set(parsed)) = parse("set.toml", GOOD.to_string()) else {
        panic!()
    };
    let checked = set::set_from(parsed, &catalog().bank, false);
    assert_eq!(checked.problems, []);
    let set = checked.set;
    assert_eq!(set.criteria[0].route, Route::AssociationGrant);
    assert!(set.criteria[0].ok && set.criteria[0].required);
    assert_eq!(set.criteria[0].source.section.as_deref(), Some("Punkt 1"));
    assert_eq!(set.criteria[0].source.publisher, "Västerås stad");
    assert_eq!(set.kind, SetKind::Kommun);
    assert!(set.governs("västerås stad "));
    assert_eq!(set.file.as_deref(), Some("set.toml"));
}

#[test]
fn a_set_may_use_a_fact_and_a_recommended_criterion() {
    let text = format!(
        "{GOOD}[[criterion]]\nquestion = \"public_contract\"\nrequired = false\ntext = {{ sv = \"a\", en = \"a\" }}\nhelp = {{ sv = \"a\", en = \"a\" }}\n"
    );
    let Ok(File::Set(parsed)) = parse("set.toml", text) else {
        panic!()
    };
    let checked = set::set_from(parsed, &catalog().bank, false);
    assert_eq!(checked.problems, []);
    let c = &checked.set.criteria[1];
    assert_eq!(
        (c.ok, c.route, c.required),
        (false, Route::Procurement, false)
    );
}

#[test]
fn required_true_and_a_fact_question_in_a_set_are_errors() {
    let text = GOOD.replace("\"cofinanced\"", "\"binding_obligations\"\nrequired = true");
    let found = problems_of(set_problems(&text));
    assert!(found.contains(&Problem::FactQuestionInSet {
        question: "binding_obligations".into(),
        fact: "public_contract".into()
    }));
    assert!(found.contains(&Problem::RequiredNotFalse), "{found:?}");
}

#[test]
fn an_unknown_question_is_named_with_a_suggestion() {
    let found = set_problems(&GOOD.replace("\"cofinanced\"", "\"cofinance\""));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].line(), Some(10));
    assert!(
        matches!(&found[0].problem, Problem::UnknownQuestion { suggestion: Some(s), .. } if s == "cofinanced")
    );
}

#[test]
fn missing_wording_and_duplicates_are_all_reported() {
    let twice =
        format!("{GOOD}[[criterion]]\nquestion = \"cofinanced\"\ntext = {{ sv = \"x\" }}\n");
    let found = problems_of(set_problems(&twice));
    assert!(found.contains(&Problem::DuplicateQuestion {
        id: "cofinanced".into(),
        first_line: 10
    }));
    assert!(found.contains(&Problem::MissingText {
        field: "cofinanced.text".into(),
        lang: "en"
    }));
    assert!(found.contains(&Problem::MissingText {
        field: "cofinanced.help".into(),
        lang: "sv"
    }));
}

#[test]
fn every_unknown_key_is_named_with_its_line() {
    let text = GOOD
        .replace("name =", "namn =")
        .replace("help = { sv", "help = { se");
    let found = set_problems(&text);
    assert!(
        matches!(&found[0].problem, Problem::UnknownKey { table, key, suggestion: Some(s), .. } if table.is_empty() && key == "namn" && s == "name")
    );
    assert_eq!(found[0].line(), Some(3));
    assert!(
        matches!(&found[1].problem, Problem::UnknownKey { table, key, .. } if table == "criterion.help" && key == "se")
    );
    assert_eq!(found[1].line(), Some(12));
    let rest: Vec<&Problem> = found[2..].iter().map(|d| &d.problem).collect();
    assert_eq!(
        rest,
        [
            &Problem::Missing {
                field: "name".into()
            },
            &Problem::MissingText {
                field: "cofinanced.help".into(),
                lang: "sv"
            }
        ]
    );
}

#[test]
fn a_wrong_type_is_a_shape_error_with_a_line() {
    let found = set_problems(&GOOD.replace("name = \"Västerås stad\"", "name = 3"));
    assert!(matches!(&found[0].problem, Problem::Shape(_)));
    assert_eq!(found[0].line(), Some(3));
}

#[test]
fn an_unknown_kind_is_named() {
    let found = problems_of(set_problems(&GOOD.replace("\"kommun\"", "\"stad\"")));
    assert_eq!(
        found,
        [Problem::InvalidKind {
            value: "stad".into()
        }]
    );
}

fn examine_one(name: &str, text: &str) -> Examined {
    examine_texts(vec![(name.to_string(), text.to_string())])
}

#[test]
fn the_built_in_criteria_have_no_problem_at_all() {
    let examined = examine(&[]);
    assert_eq!(examined.problems, []);
    assert_eq!(examined.files.len(), BUILTIN.len());
    assert_eq!(examined.catalog.sets.len(), 12);
}

#[test]
fn the_built_in_bank_has_the_contracts_facts_and_law() {
    let catalog = catalog();
    let contract = catalog.bank.fact("public_contract").unwrap();
    assert_eq!(
        contract.all_of,
        [
            "payment_for_performance",
            "direct_economic_interest",
            "binding_obligations"
        ]
    );
    assert_eq!((contract.ok, contract.route), (false, Route::Procurement));
    let aid = catalog.bank.fact("state_aid").unwrap();
    assert_eq!(aid.all_of, ["economic_activity", "above_de_minimis"]);
    assert_eq!((aid.ok, aid.route), (false, Route::None));
    let law: Vec<(&str, bool, Route)> = catalog
        .law
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.ok, i.route))
        .collect();
    assert_eq!(
        law,
        [
            ("public_contract", false, Route::Procurement),
            ("state_aid", false, Route::None),
            ("municipal_competence", true, Route::None)
        ]
    );
    for item in &catalog.law.items {
        assert!(!item.cite.is_empty(), "{}", item.id);
    }
}

#[test]
fn every_route_but_none_names_its_source() {
    let catalog = catalog();
    for q in &catalog.bank.questions {
        assert_eq!(q.route_source.is_some(), q.route != Route::None, "{}", q.id);
    }
}

#[test]
fn a_route_without_a_source_is_an_error_at_its_line() {
    let bank = BUILTIN[0]
        .1
        .replacen("\nroute_source =", "\n# route_source =", 1);
    let examined = examine_one("bank.toml", &bank);
    assert!(
        examined
            .problems
            .iter()
            .any(|d| matches!(d.problem, Problem::RouteWithoutSource { .. }) && d.line().is_some()),
        "{:#?}",
        examined.problems
    );
}

#[test]
fn a_set_that_replaces_a_built_in_one_is_a_warning() {
    let examined = examine_one("falun.toml", &GOOD.replace("\"vasteras\"", "\"falun\""));
    let [warning] = examined.problems.as_slice() else {
        panic!("{:#?}", examined.problems)
    };
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.problem,
        Problem::ReplacesBuiltin { id: "falun".into() }
    );
    assert_eq!(warning.line(), Some(2));
    let catalog = examined.into_result().unwrap();
    assert_eq!(catalog.set("falun").unwrap().criteria.len(), 1);
}

#[test]
fn a_question_no_set_uses_is_a_warning_at_its_line() {
    let extra = "\n[[question]]\nid = \"spare\"\nok = true\nroute = \"none\"\nshort = { sv = \"a\", en = \"a\" }\ntext = { sv = \"a\", en = \"a\" }\nhelp = { sv = \"a\", en = \"a\" }\nagreement = \"none\"\n";
    // The new question goes before the facts, where questions are.
    let bank = BUILTIN[0]
        .1
        .replacen("[[fact]]", &format!("{extra}\n[[fact]]"), 1);
    let examined = examine_one("bank.toml", &bank);
    let [warning] = examined.problems.as_slice() else {
        panic!("{:#?}", examined.problems)
    };
    assert_eq!(
        warning.problem,
        Problem::UnusedQuestion { id: "spare".into() }
    );
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.file, "bank.toml");
    let line = bank.lines().position(|l| l == "id = \"spare\"").unwrap() + 1;
    assert_eq!(warning.line(), Some(line));
}

#[test]
fn a_question_without_its_agreement_sentence_is_an_error() {
    let bank = BUILTIN[0].1.replacen("\nagreement =", "\n# agreement =", 1);
    let examined = examine_one("bank.toml", &bank);
    assert!(
        examined.problems.iter().any(
            |d| matches!(&d.problem, Problem::Missing { field } if field.ends_with(".agreement"))
        ),
        "{:#?}",
        examined.problems
    );
}

#[test]
fn problems_in_every_file_are_reported_together() {
    let examined = examine_texts(vec![
        ("a.toml".into(), "id = \"a\n".into()),
        ("b.toml".into(), GOOD.replace("cofinanced", "cofinance")),
        ("c.toml".into(), GOOD.replace("name =", "namn =")),
    ]);
    let mut files: Vec<&str> = examined.problems.iter().map(|d| d.file.as_str()).collect();
    files.dedup();
    assert_eq!(files, ["a.toml", "b.toml", "c.toml"]);
    assert!(examined.into_result().is_err());
}

#[test]
fn two_sets_with_one_id_are_an_error() {
    let examined = examine_texts(vec![
        ("a.toml".into(), GOOD.into()),
        ("b.toml".into(), GOOD.into()),
    ]);
    let [error] = examined.problems.as_slice() else {
        panic!("{:#?}", examined.problems)
    };
    assert_eq!(error.file, "b.toml");
    assert_eq!(error.severity, Severity::Error);
    assert!(matches!(&error.problem, Problem::DuplicateId { other, .. } if other == "a.toml"));
}

#[test]
fn lineage_must_name_a_set() {
    let examined = examine_one(
        "x.toml",
        &GOOD.replace("kind = ", "derives_from = \"forun\"\nkind = "),
    );
    let [error] = examined.problems.as_slice() else {
        panic!("{:#?}", examined.problems)
    };
    assert_eq!(error.line(), Some(4));
    assert!(
        matches!(&error.problem, Problem::UnknownSet { value, suggestion: Some(s) } if value == "forun" && s == "forum")
    );
}

#[test]
fn a_file_that_is_no_criteria_file_says_so() {
    let found = set_problems("[case]\ntitle = \"x\"\n");
    assert_eq!(problems_of(found), [Problem::NotCriteria]);
    let found = set_problems("# nothing\n");
    assert_eq!(problems_of(found), [Problem::NotCriteria]);
    let found = set_problems("id = \"x\"\n[[question]]\n");
    assert_eq!(problems_of(found), [Problem::BothKinds]);
}

#[test]
fn windows_line_ends_in_a_text_are_read_as_line_ends() {
    let text = GOOD
        .replace(
            "help = { sv = \"Pengar eller tid.\", en = \"Money or time.\" }",
            "help.sv = \"\"\"\nPengar\neller tid.\"\"\"\nhelp.en = \"Money.\"",
        )
        .replace('\n', "\r\n");
    let Ok(File::Set(parsed)) = parse("set.toml", text) else {
        panic!()
    };
    let checked = set::set_from(parsed, &catalog().bank, false);
    assert_eq!(checked.problems, []);
    assert_eq!(checked.set.criteria[0].help.sv, "Pengar\neller tid.");
}

#[test]
fn set_ids_are_checked() {
    let found = set_problems(&GOOD.replace("\"vasteras\"", "\"all\""));
    assert!(matches!(&found[0].problem, Problem::InvalidId { .. }));
}

/// The catalog `build.rs` checked and compiled in is the one the loader reads from
/// `criteria/` now: the build step cannot drift from the loader.
#[test]
fn the_embedded_catalog_is_the_one_the_loader_reads() {
    let embedded = crate::embedded::catalog().unwrap();
    let examined = examine(&[]);
    assert!(
        examined.problems.is_empty(),
        "the built-in files have problems: {:?}",
        examined.problems
    );
    let loaded = examined.catalog;
    // Part by part, so that a difference names its part rather than printing it all.
    assert_eq!(embedded.bank.questions, loaded.bank.questions);
    assert_eq!(embedded.bank.facts, loaded.bank.facts);
    assert_eq!(embedded.law, loaded.law);
    assert_eq!(embedded.sets.len(), loaded.sets.len());
    for (e, l) in embedded.sets.iter().zip(&loaded.sets) {
        assert_eq!(e, l, "set {}", l.id);
    }
    assert_eq!(embedded.agreement, loaded.agreement);
    assert_eq!(embedded.steps, loaded.steps);
    assert!(embedded == loaded);
    assert_eq!(catalog(), loaded, "builtin() is the embedded catalog");
}
