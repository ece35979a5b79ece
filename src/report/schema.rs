//! `iop schema`: JSON Schemas of answer files and criteria files, for editors. Draft-07,
//! which taplo (and so VS Code's Even Better TOML) validates and completes from.
//!
//! Both are built from the criteria in force, so that `--criteria` extends them: the
//! question and fact ids, the set ids, the agreement's sections. Every table the loaders
//! check for unknown keys has `additionalProperties: false`, and its keys are the loaders'
//! own lists (`model::case::CASE_KEYS`, `model::criteria::KEYS`), which the tests hold the
//! schemas to. Descriptions come from the criteria (a question's text and help) and from
//! `i18n::schema`, in the user's language.

use serde_json::{Map, Value, json};

use crate::i18n::{SchemaKey as Key, Words};
use crate::lang::Lang;
use crate::model::documents::{CASE_FIELDS, LawOutcome};
use crate::model::{Catalog, Route, SetKind, Verdict};

/// The file an answer file written by `iop init` names as its schema, in its own folder
/// (`#:schema ./iop-answers.schema.json`): made with `iop schema answers`.
pub const ANSWERS_FILE: &str = "iop-answers.schema.json";

/// The draft both schemas follow.
pub const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// The schema of answer files.
pub fn answers(catalog: &Catalog, lang: Lang) -> Value {
    let w = Words(lang);
    let bank = &catalog.bank;

    let mut case = Map::new();
    for (key, hint) in w.template_case_fields() {
        let value = if key == "date" {
            let date = json!({ "type": "string", "format": "date" });
            json!({ "description": hint, "anyOf": [date, blank()] })
        } else {
            json!({ "type": "string", "description": hint })
        };
        case.insert(key.to_string(), value);
    }
    let mut sets: Vec<&str> = vec!["all"];
    sets.extend(catalog.set_ids());
    case.insert(
        "set".into(),
        json!({ "description": w.schema(Key::CaseSet), "anyOf": [{ "enum": sets }, blank()] }),
    );

    let mut answers = Map::new();
    for q in &bank.questions {
        let description = format!("{}\n\n{}", q.text.get(lang), q.help.get(lang));
        let value = json!({
            "title": q.short.get(lang),
            "description": description,
            "enum": [true, false, "unknown"],
        });
        answers.insert(q.id.clone(), value);
    }

    let mut notes = Map::new();
    let items = bank.questions.iter().map(|q| (&q.id, &q.short, &q.text));
    let facts = bank.facts.iter().map(|f| (&f.id, &f.short, &f.text));
    for (id, short, text) in items.chain(facts) {
        let value =
            json!({ "type": "string", "title": short.get(lang), "description": text.get(lang) });
        notes.insert(id.clone(), value);
    }

    let verdicts: Vec<&str> = Verdict::names().collect();
    let mut expect = Map::new();
    for set in &catalog.sets {
        let value = json!({
            "title": set.name,
            "description": format!("{} ({})", set.name, set.source.publisher),
            "enum": verdicts,
        });
        expect.insert(set.id.clone(), value);
    }

    json!({
        "$schema": DRAFT,
        "title": w.schema_title(false),
        "description": w.schema(Key::AnswerFile),
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "case": table(w.schema(Key::Case), case, &[]),
            "answers": table(w.schema(Key::Answers), answers, &[]),
            "notes": table(w.schema(Key::Notes), notes, &[]),
            "expect": table(w.schema(Key::Expect), expect, &[]),
        },
    })
}

/// The schema of criteria files: every top-level key of every kind, and for each kind,
/// once a key only that kind has is there, the keys it allows and requires.
pub fn criteria(catalog: &Catalog, lang: Lang) -> Value {
    let w = Words(lang);
    let d = |key: Key| w.schema(key);
    let bank = &catalog.bank;
    let questions: Vec<&str> = bank.ids().collect();
    // What a condition or a section's commitments may name: every question and fact.
    let mut items: Vec<&str> = bank.ids().collect();
    items.extend(bank.facts.iter().map(|f| f.id.as_str()));
    // What a criterion or the law's item may name: a fact, or a question of none.
    let criteria_items: Vec<&str> = bank.item_ids().collect();
    let sets: Vec<&str> = catalog.set_ids().collect();
    let sections: Vec<&str> = catalog
        .agreement
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let routes: Vec<&str> = Route::ALL.iter().map(|r| r.id()).collect();
    let localized = |key: Key| json!({ "$ref": "#/definitions/localized", "description": d(key) });
    let string = |key: Key| json!({ "type": "string", "description": d(key) });
    let boolean = |key: Key| json!({ "type": "boolean", "description": d(key) });
    let strings =
        |key: Key| json!({ "type": "array", "items": { "type": "string" }, "description": d(key) });
    let array =
        |key: Key, item: Value| json!({ "type": "array", "items": item, "description": d(key) });
    let source = || json!({ "$ref": "#/definitions/source" });

    // The question bank.
    let route_source = json!({
        "if": { "properties": { "route": { "const": "none" } } },
        "then": { "not": { "required": ["route_source"] } },
        "else": { "required": ["route_source"] },
    });
    let commitment = json!({
        "description": d(Key::Commitment),
        "anyOf": [
            { "const": "none" },
            table_value(json!({}), props([
                ("section", json!({ "enum": sections })),
                ("sv", json!({ "type": "string" })),
                ("en", json!({ "type": "string" })),
            ]), &["section", "sv", "en"]),
        ],
    });
    let bank_common = |extra: Vec<(&'static str, Value)>| {
        let mut p = props([
            (
                "id",
                json!({
                    "type": "string",
                    "pattern": "^[a-z0-9_]+$",
                    "description": d(Key::QuestionId),
                }),
            ),
            ("ok", boolean(Key::Ok)),
            (
                "route",
                json!({ "enum": routes, "description": d(Key::Route) }),
            ),
            ("route_source", string(Key::RouteSource)),
            ("short", localized(Key::Short)),
            ("text", localized(Key::Text)),
            ("help", localized(Key::Help)),
            ("sources", strings(Key::Sources)),
            ("agreement", commitment.clone()),
        ]);
        p.extend(extra.into_iter().map(|(k, v)| (k.to_string(), v)));
        p
    };
    let question = table_value(
        route_source.clone(),
        bank_common(vec![("design", boolean(Key::Design))]),
        &["id", "ok", "route", "short", "text", "help", "agreement"],
    );
    let all_of = json!({
        "type": "array",
        "minItems": 1,
        "items": { "enum": questions },
        "description": d(Key::AllOf),
    });
    let fact = table_value(
        route_source,
        bank_common(vec![("all_of", all_of)]),
        &[
            "id",
            "all_of",
            "ok",
            "route",
            "short",
            "text",
            "help",
            "agreement",
        ],
    );

    // The law.
    let guarded_cite = table_value(
        json!({}),
        props([
            ("id", json!({ "type": "string" })),
            ("when", json!({ "$ref": "#/definitions/condition" })),
            ("unless", json!({ "$ref": "#/definitions/condition" })),
        ]),
        &["id"],
    );
    let item = table_value(
        json!({ "description": d(Key::LawItem) }),
        props([
            (
                "id",
                json!({ "enum": criteria_items, "description": d(Key::CriterionQuestion) }),
            ),
            ("text", localized(Key::Text)),
            ("help", localized(Key::Help)),
            (
                "cite",
                array(
                    Key::Cite,
                    json!({ "anyOf": [{ "type": "string" }, guarded_cite] }),
                ),
            ),
            ("overrides", localized(Key::Overrides)),
        ]),
        &["id", "text", "help", "overrides"],
    );
    let citation = table_value(
        json!({ "description": d(Key::Citation) }),
        props([
            (
                "id",
                json!({ "type": "string", "pattern": "^[a-z0-9_-]+$" }),
            ),
            ("short", localized(Key::Short)),
            ("document", json!({ "type": "string" })),
            ("publisher", json!({ "type": "string" })),
            ("url", json!({ "type": "string" })),
            ("quote", localized(Key::Text)),
        ]),
        &["id", "short", "document", "publisher"],
    );

    // A criteria set.
    let set_id = json!({
        "type": "string",
        "pattern": "^[a-z0-9][a-z0-9-]*$",
        "not": { "const": "all" },
        "description": d(Key::SetId),
    });
    let source_keys = |complete: bool| {
        let mut p = props([
            ("document", json!({ "type": "string" })),
            ("publisher", json!({ "type": "string" })),
            ("section", json!({ "type": "string" })),
            ("url", json!({ "type": "string" })),
            ("date", json!({ "type": "string" })),
        ]);
        if complete {
            p.insert("complete".into(), boolean(Key::Complete));
        }
        p
    };
    let criterion = table_value(
        json!({ "description": d(Key::Criterion) }),
        props([
            (
                "question",
                json!({ "enum": criteria_items, "description": d(Key::CriterionQuestion) }),
            ),
            (
                "required",
                json!({ "const": false, "description": d(Key::Required) }),
            ),
            ("text", localized(Key::Text)),
            ("help", localized(Key::Help)),
            ("source", table_value(json!({}), source_keys(false), &[])),
        ]),
        &["question", "text", "help"],
    );
    let kinds: Vec<&str> = SetKind::ALL.iter().map(|k| k.id()).collect();

    // The agreement's template.
    let part = table_value(
        json!({ "description": d(Key::Part) }),
        props([
            ("text", localized(Key::Text)),
            ("gap", localized(Key::Text)),
            ("case", json!({ "enum": CASE_FIELDS })),
            ("commitments", json!({ "const": true })),
            (
                "signatures",
                json!({ "type": "array", "items": { "$ref": "#/definitions/localized" } }),
            ),
            ("when", json!({ "$ref": "#/definitions/condition" })),
            ("unless", json!({ "$ref": "#/definitions/condition" })),
        ]),
        &[],
    );
    let section = table_value(
        json!({ "description": d(Key::Section) }),
        props([
            ("id", set_id.clone()),
            ("title", localized(Key::Text)),
            ("numbered", json!({ "type": "boolean" })),
            (
                "take",
                json!({ "type": "array", "items": { "enum": items }, "description": d(Key::Take) }),
            ),
            ("part", array(Key::Part, part)),
            ("source", json!({ "type": "array", "items": source() })),
        ]),
        &["id", "title"],
    );
    let terms = table_value(
        json!({ "description": d(Key::Terms) }),
        props([
            ("kommun", localized(Key::Terms)),
            ("region", localized(Key::Terms)),
            ("other", localized(Key::Terms)),
        ]),
        &["kommun", "region", "other"],
    );

    // The next steps.
    let step = table_value(
        json!({ "description": d(Key::Step) }),
        props([
            ("id", set_id.clone()),
            ("text", localized(Key::Text)),
            (
                "items",
                json!({ "type": "array", "items": { "$ref": "#/definitions/localized" } }),
            ),
            ("when", json!({ "$ref": "#/definitions/condition" })),
            ("unless", json!({ "$ref": "#/definitions/condition" })),
            ("source", json!({ "type": "array", "items": source() })),
        ]),
        &["id", "text"],
    );

    // Every top-level key of every kind. `name` is the law's text or a set's name.
    let top = props([
        ("question", array(Key::Question, question)),
        ("fact", array(Key::Fact, fact)),
        (
            "name",
            json!({ "anyOf": [{ "type": "string" }, { "$ref": "#/definitions/localized" }] }),
        ),
        ("intro", localized(Key::Law)),
        ("item", array(Key::LawItem, item)),
        ("citation", array(Key::Citation, citation)),
        ("id", set_id),
        (
            "kind",
            json!({ "enum": kinds, "description": d(Key::Kind) }),
        ),
        ("governs", strings(Key::Governs)),
        (
            "derives_from",
            json!({ "enum": sets, "description": d(Key::DerivesFrom) }),
        ),
        ("lineage", localized(Key::Lineage)),
        (
            "source",
            table_value(
                json!({ "description": d(Key::Source) }),
                source_keys(true),
                &[],
            ),
        ),
        (
            "criterion",
            json!({
                "type": "array",
                "minItems": 1,
                "items": criterion,
                "description": d(Key::Criterion),
            }),
        ),
        ("title", localized(Key::Agreement)),
        ("notice", localized(Key::Agreement)),
        ("terms", terms),
        ("section", array(Key::Section, section)),
        ("step", array(Key::Step, step)),
    ]);

    // Each kind: what it requires and allows, once a key only it has is there.
    let kinds_of_file = [
        ("bank", Key::Bank, json!({})),
        (
            "law",
            Key::Law,
            json!({ "name": { "$ref": "#/definitions/localized" } }),
        ),
        ("set", Key::Set, json!({ "name": { "type": "string" } })),
        ("agreement", Key::Agreement, json!({})),
        ("steps", Key::Steps, json!({})),
    ];
    let required: &[(&str, &[&str])] = &[
        ("bank", &[]),
        ("law", &["name", "intro", "item"]),
        ("set", &["id", "name", "kind", "criterion"]),
        ("agreement", &["title", "notice", "terms", "section"]),
        ("steps", &["step"]),
    ];
    let mut all_of = Vec::new();
    for (kind, key, properties) in kinds_of_file {
        let keys = top_keys(kind);
        let own: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| {
                crate::model::criteria::KEYS
                    .iter()
                    .all(|(other, _)| *other == kind || !top_keys(other).contains(k))
            })
            .collect();
        let required = required
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[][..], |(_, r)| *r);
        let triggers: Vec<Value> = own.iter().map(|k| json!({ "required": [k] })).collect();
        all_of.push(json!({
            "if": { "anyOf": triggers },
            "then": {
                "description": d(key),
                "propertyNames": { "enum": keys },
                "required": required,
                "properties": properties,
            },
        }));
    }
    let any_key: Vec<Value> = top.keys().map(|k| json!({ "required": [k] })).collect();

    json!({
        "$schema": DRAFT,
        "title": w.schema_title(true),
        "description": d(Key::CriteriaFile),
        "type": "object",
        "additionalProperties": false,
        "properties": top,
        "anyOf": any_key,
        "allOf": all_of,
        "definitions": {
            "localized": table_value(
                json!({ "description": d(Key::Localized) }),
                props([("sv", json!({ "type": "string" })), ("en", json!({ "type": "string" }))]),
                &["sv", "en"],
            ),
            "source": table_value(json!({ "description": d(Key::Source) }), source_keys(false), &[]),
            "condition": condition(catalog, &items, d(Key::Condition)),
        },
    })
}

/// When a part, a step or a citation stands.
fn condition(catalog: &Catalog, items: &[&str], description: &str) -> Value {
    let verdicts: Vec<&str> = Verdict::ALL.iter().map(|v| v.id()).collect();
    let outcomes = LawOutcome::IDS;
    let sets: Vec<&str> = catalog.set_ids().collect();
    let routes: Vec<&str> = Route::ALL.iter().map(|r| r.id()).collect();
    let list = |values: Value| json!({ "type": "array", "items": { "enum": values } });
    let mut answers = Map::new();
    for id in items {
        answers.insert(id.to_string(), json!({ "enum": [true, false, "unknown"] }));
    }
    table_value(
        json!({ "description": description }),
        props([
            ("verdict", list(json!(verdicts))),
            ("possible", list(json!(verdicts))),
            ("law", list(json!(outcomes))),
            ("set", list(json!(sets))),
            ("answers", table_value(json!({}), answers, &[])),
            ("complete", json!({ "type": "boolean" })),
            ("settled", json!({ "type": "boolean" })),
            ("failing", list(json!(routes))),
        ]),
        &[],
    )
}

/// The keys a kind of file has at its top, as its loader checks them.
fn top_keys(kind: &str) -> &'static [&'static str] {
    crate::model::criteria::KEYS
        .iter()
        .find(|(k, _)| *k == kind)
        .and_then(|(_, schema)| schema.iter().find(|(path, _)| path.is_empty()))
        .map_or(&[], |(_, keys)| *keys)
}

/// A string that says nothing, as a fresh template has it (`date = ""`).
fn blank() -> Value {
    json!({ "type": "string", "pattern": "^\\s*$" })
}

fn props<const N: usize>(entries: [(&str, Value); N]) -> Map<String, Value> {
    entries
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// A table with these keys and no others.
fn table(description: &str, properties: Map<String, Value>, required: &[&str]) -> Value {
    table_value(json!({ "description": description }), properties, required)
}

/// `base` made a table with these keys and no others.
fn table_value(mut base: Value, properties: Map<String, Value>, required: &[&str]) -> Value {
    if let Value::Object(map) = &mut base {
        map.insert("type".into(), json!("object"));
        map.insert("additionalProperties".into(), json!(false));
        map.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            map.insert("required".into(), json!(required));
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::model::case::{CASE_KEYS, TABLES};
    use crate::model::criteria;

    fn catalog() -> Catalog {
        criteria::builtin().unwrap()
    }

    fn keys(value: &Value) -> BTreeSet<String> {
        value["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn set(keys: &[&str]) -> BTreeSet<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    /// A TOML document as taplo gives it to the validator: dates as strings.
    fn json_of(value: toml::Value) -> Value {
        match value {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => json!(i),
            toml::Value::Float(f) => json!(f),
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(items) => Value::Array(items.into_iter().map(json_of).collect()),
            toml::Value::Table(table) => {
                Value::Object(table.into_iter().map(|(k, v)| (k, json_of(v))).collect())
            }
        }
    }

    /// The problems a validator finds in a TOML text, as `path: message`.
    fn problems(schema: &Value, text: &str) -> Vec<String> {
        let value = json_of(toml::from_str::<toml::Value>(text).unwrap());
        let validator = jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(schema)
            .unwrap();
        validator
            .iter_errors(&value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }

    fn files(folder: &str) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| {
                (
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        found.sort();
        assert!(!found.is_empty(), "no files in {folder}");
        found
    }

    #[test]
    fn the_answer_schema_names_every_question_fact_set_and_field() {
        let catalog = catalog();
        let schema = answers(&catalog, Lang::En);
        let props = &schema["properties"];
        assert_eq!(keys(&schema), set(TABLES));
        assert_eq!(keys(&props["case"]), set(CASE_KEYS));
        let questions: Vec<&str> = catalog.bank.ids().collect();
        assert_eq!(keys(&props["answers"]), set(&questions));
        let mut notes = questions.clone();
        notes.extend(catalog.bank.facts.iter().map(|f| f.id.as_str()));
        assert_eq!(keys(&props["notes"]), set(&notes));
        let sets: Vec<&str> = catalog.set_ids().collect();
        assert_eq!(keys(&props["expect"]), set(&sets));
        for table in TABLES {
            assert_eq!(
                props[table]["additionalProperties"],
                json!(false),
                "[{table}]"
            );
        }
        assert_eq!(schema["additionalProperties"], json!(false));
        // Every verdict name and alias, and the three answers.
        let verdicts: Vec<&str> = Verdict::names().collect();
        assert_eq!(
            props["expect"]["properties"]["falun"]["enum"],
            json!(verdicts)
        );
        assert_eq!(
            props["answers"]["properties"]["cofinanced"]["enum"],
            json!([true, false, "unknown"])
        );
    }

    #[test]
    fn descriptions_are_in_the_language_asked_for() {
        let catalog = catalog();
        let q = catalog.bank.get("cofinanced").unwrap();
        for lang in [Lang::Sv, Lang::En] {
            let schema = answers(&catalog, lang);
            let cofinanced = &schema["properties"]["answers"]["properties"]["cofinanced"];
            let description = cofinanced["description"].as_str().unwrap();
            assert!(description.starts_with(q.text.get(lang)), "{description}");
            assert!(description.ends_with(q.help.get(lang)));
            assert_eq!(cofinanced["title"], json!(q.short.get(lang)));
            assert_eq!(schema["title"], json!(Words(lang).schema_title(false)));
        }
    }

    /// A schema with `$ref`s, arrays and a choice of a table or something else followed
    /// to the table it describes.
    fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
        if let Some(r) = v["$ref"].as_str() {
            resolve(
                root,
                &root["definitions"][r.trim_start_matches("#/definitions/")],
            )
        } else if v["type"] == "array" {
            resolve(root, &v["items"])
        } else if let Some(choices) = v["anyOf"].as_array() {
            choices
                .iter()
                .map(|c| resolve(root, c))
                .find(|c| c["type"] == "object")
                .unwrap_or(v)
        } else {
            v
        }
    }

    /// The schema's table at a loader's table path (`criterion.text`).
    fn table_at<'a>(root: &'a Value, path: &str) -> &'a Value {
        let mut node = root;
        if !path.is_empty() {
            for key in path.split('.') {
                node = resolve(root, &node["properties"][key]);
            }
        }
        node
    }

    #[test]
    fn the_criteria_schema_has_the_keys_the_loaders_check() {
        let schema = criteria(&catalog(), Lang::En);
        for (kind, tables) in criteria::KEYS {
            for (path, keys_of_table) in tables {
                let table = table_at(&schema, path);
                assert_eq!(table["additionalProperties"], json!(false), "{kind} {path}");
                if path.is_empty() {
                    // The top: every key of the kind is one the file may have.
                    let all = keys(table);
                    assert!(set(keys_of_table).is_subset(&all), "{kind}");
                } else {
                    assert_eq!(keys(table), set(keys_of_table), "{kind} {path}");
                }
            }
        }
        let mut every: BTreeSet<String> = BTreeSet::new();
        for (_, tables) in criteria::KEYS {
            every.extend(set(tables[0].1));
        }
        assert_eq!(
            keys(&schema),
            every,
            "the top has every kind's keys and no others"
        );
    }

    #[test]
    fn every_example_and_every_template_validates() {
        let catalog = catalog();
        let schema = answers(&catalog, Lang::En);
        for (name, text) in files("examples") {
            assert_eq!(problems(&schema, &text), Vec::<String>::new(), "{name}");
        }
        let all: Vec<&crate::model::CriteriaSet> = catalog.sets.iter().collect();
        for sets in [&all[..], &all[1..2]] {
            for lang in [Lang::Sv, Lang::En] {
                let template = crate::report::template::render(sets, &catalog, lang);
                assert_eq!(problems(&schema, &template), Vec::<String>::new());
                let first = template.lines().next().unwrap_or_default();
                assert_eq!(first, format!("#:schema ./{ANSWERS_FILE}"));
            }
        }
    }

    #[test]
    fn every_built_in_criteria_file_validates() {
        let schema = criteria(&catalog(), Lang::Sv);
        for (name, text) in files("criteria") {
            assert_eq!(problems(&schema, &text), Vec::<String>::new(), "{name}");
        }
    }

    #[test]
    fn a_misspelt_key_a_wrong_answer_or_verdict_is_flagged() {
        let catalog = catalog();
        let schema = answers(&catalog, Lang::En);
        let flagged = |text: &str| problems(&schema, text);
        assert_eq!(
            flagged("[answers]\ncofinanced = true\n"),
            Vec::<String>::new()
        );
        assert_eq!(flagged("[answers]\ncofinance = true\n").len(), 1);
        assert_eq!(flagged("[answers]\ncofinanced = \"yes\"\n").len(), 1);
        // A fact is answered through its questions; version 1's keys are gone.
        assert_eq!(flagged("[answers]\npublic_contract = false\n").len(), 1);
        assert_eq!(flagged("[answers]\nstate_aid_compatible = true\n").len(), 1);
        assert_eq!(
            flagged("[notes]\npublic_contract = \"Nej.\"\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            flagged("[expect]\nfalun = \"upphandling\"\n"),
            Vec::<String>::new()
        );
        assert_eq!(flagged("[expect]\nfalun = \"purchase\"\n").len(), 1);
        assert_eq!(flagged("[expect]\nfalu = \"iop\"\n").len(), 1);
        assert_eq!(
            flagged("[case]\ndate = 2026-11-26\nset = \"all\"\n"),
            Vec::<String>::new()
        );
        assert_eq!(flagged("[case]\ndate = 2026-11-26T10:00:00\n").len(), 1);
        assert_eq!(flagged("[case]\nset = \"stockholm\"\n").len(), 1);
        assert_eq!(flagged("[cases]\n").len(), 1);

        let schema = criteria(&catalog, Lang::En);
        let set_file = |criterion: &str| {
            format!(
                "id = \"x\"\nname = \"X\"\nkind = \"kommun\"\n[[criterion]]\n{criterion}\n\
                 text = {{ sv = \"a\", en = \"b\" }}\nhelp = {{ sv = \"a\", en = \"b\" }}\n"
            )
        };
        assert_eq!(
            problems(&schema, &set_file("question = \"cofinanced\"")),
            Vec::<String>::new()
        );
        assert!(!problems(&schema, &set_file("question = \"cofinance\"")).is_empty());
        // A question of a fact is named through its fact.
        assert!(!problems(&schema, &set_file("question = \"binding_obligations\"")).is_empty());
        assert!(
            !problems(
                &schema,
                &set_file("question = \"cofinanced\"\nrequired = true")
            )
            .is_empty()
        );
        assert!(
            !problems(
                &schema,
                &set_file("question = \"cofinanced\"\ncofinanced = 1")
            )
            .is_empty()
        );
    }

    #[test]
    fn the_schemas_know_sets_given_with_criteria() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vasteras.toml");
        let text = "id = \"vasteras\"\nname = \"Västerås stad\"\nkind = \"kommun\"\n\
                    [source]\ndocument = \"Riktlinjer\"\npublisher = \"Västerås stad\"\n\
                    [[criterion]]\nquestion = \"cofinanced\"\n\
                    text = { sv = \"Båda bidrar.\", en = \"Both contribute.\" }\n\
                    help = { sv = \"Tid.\", en = \"Time.\" }\n";
        std::fs::write(&path, text).unwrap();
        let catalog = criteria::load(&[path]).unwrap();
        let schema = answers(&catalog, Lang::En);
        assert!(keys(&schema["properties"]["expect"]).contains("vasteras"));
        let case = "[case]\nset = \"vasteras\"\n[expect]\nvasteras = \"iop\"\n";
        assert_eq!(problems(&schema, case), Vec::<String>::new());
        assert!(!problems(&answers(&super::tests::catalog(), Lang::En), case).is_empty());
        let schema = criteria(&catalog, Lang::En);
        assert_eq!(problems(&schema, text), Vec::<String>::new());
        let derived = text.replace(
            "id = \"vasteras\"",
            "id = \"x\"\nderives_from = \"vasteras\"",
        );
        assert_eq!(problems(&schema, &derived), Vec::<String>::new());
    }
}
