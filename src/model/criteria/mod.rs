//! Criteria files: the question bank with its facts, the law, the criteria sets, the
//! agreement's template and the memo's next steps, built in or given with `--criteria`.
//!
//! A file's kind is told by its keys. Each is deserialized into raw types that accept
//! missing wording, then validated into the model's types, so that one pass reports every
//! problem in every file: `bank.rs`, `law.rs`, `set.rs`, `agreement.rs` and `steps.rs`
//! check one kind each, against the question bank (and the sets) in force;
//! `condition.rs` reads what several kinds share.

mod agreement;
mod bank;
mod check;
mod condition;
mod law;
mod set;
mod steps;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::de::DeTable;

use self::agreement::RawAgreement;
use self::bank::{BankChecked, RawBank};
use self::check::Schema;
use self::condition::Known;
use self::law::RawLaw;
use self::set::RawSet;
use self::steps::RawSteps;
use super::{Agreement, Catalog, Item, Law};
use crate::diagnostic::{self, Diagnostic, Problem, Severity};
use crate::suggest::closest;

/// The built-in files, embedded in the binary: the bank, the law, the agreement's
/// template, the next steps, then the sets in the decision model's order.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "criteria/questions.toml",
        include_str!("../../../criteria/questions.toml"),
    ),
    (
        "criteria/law.toml",
        include_str!("../../../criteria/law.toml"),
    ),
    (
        "criteria/agreement.toml",
        include_str!("../../../criteria/agreement.toml"),
    ),
    (
        "criteria/steps.toml",
        include_str!("../../../criteria/steps.toml"),
    ),
    (
        "criteria/forum.toml",
        include_str!("../../../criteria/forum.toml"),
    ),
    (
        "criteria/falun.toml",
        include_str!("../../../criteria/falun.toml"),
    ),
    (
        "criteria/jonkoping.toml",
        include_str!("../../../criteria/jonkoping.toml"),
    ),
    (
        "criteria/kungsbacka.toml",
        include_str!("../../../criteria/kungsbacka.toml"),
    ),
    (
        "criteria/sou-2019-56.toml",
        include_str!("../../../criteria/sou-2019-56.toml"),
    ),
    (
        "criteria/vgr.toml",
        include_str!("../../../criteria/vgr.toml"),
    ),
    (
        "criteria/boras.toml",
        include_str!("../../../criteria/boras.toml"),
    ),
    (
        "criteria/gavleborg.toml",
        include_str!("../../../criteria/gavleborg.toml"),
    ),
    (
        "criteria/uddevalla.toml",
        include_str!("../../../criteria/uddevalla.toml"),
    ),
    (
        "criteria/skr-2017.toml",
        include_str!("../../../criteria/skr-2017.toml"),
    ),
    (
        "criteria/tyreso.toml",
        include_str!("../../../criteria/tyreso.toml"),
    ),
    (
        "criteria/malmo-arbetsmarknad.toml",
        include_str!("../../../criteria/malmo-arbetsmarknad.toml"),
    ),
];

/// A criteria file, parsed into its raw shape but not yet checked against the bank.
pub struct Parsed<R> {
    pub file: String,
    pub text: String,
    pub raw: R,
    /// Unknown keys, found while parsing.
    pub problems: Vec<Diagnostic>,
}

/// A parsed file of one of the kinds. Each is made once and moved into its list at
/// once, so the size of the largest kind costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
enum File {
    Bank(Parsed<RawBank>),
    Law(Parsed<RawLaw>),
    Set(Parsed<RawSet>),
    Agreement(Parsed<RawAgreement>),
    Steps(Parsed<RawSteps>),
}

/// The keys each table of each kind of file may hold, as the loaders check them, by the
/// kind's name: what `iop schema criteria` describes, which a test holds to these.
pub const KEYS: [(&str, Schema); 5] = [
    ("bank", bank::SCHEMA),
    ("law", law::SCHEMA),
    ("set", set::SCHEMA),
    ("agreement", agreement::SCHEMA),
    ("steps", steps::SCHEMA),
];

/// The kinds of criteria file, and the keys that tell each.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bank,
    Law,
    Set,
    Agreement,
    Steps,
}

const KIND_KEYS: &[(Kind, &[&str])] = &[
    (Kind::Bank, &["question", "fact"]),
    (Kind::Law, &["item", "citation"]),
    (Kind::Agreement, &["section", "terms", "notice", "title"]),
    (Kind::Steps, &["step"]),
    (
        Kind::Set,
        &[
            "id",
            "criterion",
            "kind",
            "governs",
            "source",
            "derives_from",
            "lineage",
        ],
    ),
];

fn kind_of(root: &DeTable<'_>) -> Result<Kind, Problem> {
    let kinds: Vec<Kind> = KIND_KEYS
        .iter()
        .filter(|(_, keys)| keys.iter().any(|k| root.contains_key(*k)))
        .map(|(kind, _)| *kind)
        .collect();
    match kinds.as_slice() {
        [one] => Ok(*one),
        [] => Err(Problem::NotCriteria),
        _ => Err(Problem::BothKinds),
    }
}

fn deserialize<'de, R: Deserialize<'de>>(
    file: &str,
    text: &str,
    root: toml::Spanned<DeTable<'de>>,
    schema: Schema,
) -> Result<(R, Vec<Diagnostic>), Vec<Diagnostic>> {
    let lines = diagnostic::Lines::new(text);
    let mut problems: Vec<Diagnostic> = check::unknown_keys(root.get_ref(), schema)
        .into_iter()
        .map(|(span, problem)| Diagnostic::in_lines(file, &lines, Some(span), problem))
        .collect();
    match R::deserialize(toml::de::Deserializer::from(root)) {
        Ok(raw) => Ok((raw, problems)),
        Err(e) => {
            // The TOML is valid: the file has the wrong shape (a value of a wrong type).
            problems.push(diagnostic::from_toml(file, text, &e, true));
            Err(problems)
        }
    }
}

fn parsed<R>(file: &str, raw: R, problems: Vec<Diagnostic>, text: String) -> Parsed<R> {
    Parsed {
        file: file.to_string(),
        text,
        raw,
        problems,
    }
}

fn parse(file: &str, text: String) -> Result<File, Vec<Diagnostic>> {
    // Parsed once: the same tree is searched for unknown keys and then deserialized.
    let root =
        DeTable::parse(&text).map_err(|e| vec![diagnostic::from_toml(file, &text, &e, false)])?;
    let kind = kind_of(root.get_ref()).map_err(|p| vec![Diagnostic::file(file, p)])?;
    Ok(match kind {
        Kind::Bank => {
            let (raw, problems) = deserialize::<RawBank>(file, &text, root, bank::SCHEMA)?;
            File::Bank(parsed(file, raw, problems, text))
        }
        Kind::Law => {
            let (raw, problems) = deserialize::<RawLaw>(file, &text, root, law::SCHEMA)?;
            File::Law(parsed(file, raw, problems, text))
        }
        Kind::Set => {
            let (raw, problems) = deserialize::<RawSet>(file, &text, root, set::SCHEMA)?;
            File::Set(parsed(file, raw, problems, text))
        }
        Kind::Agreement => {
            let (raw, problems) =
                deserialize::<RawAgreement>(file, &text, root, agreement::SCHEMA)?;
            File::Agreement(parsed(file, raw, problems, text))
        }
        Kind::Steps => {
            let (raw, problems) = deserialize::<RawSteps>(file, &text, root, steps::SCHEMA)?;
            File::Steps(parsed(file, raw, problems, text))
        }
    })
}

/// The `.toml` files a `--criteria` path stands for: the file itself, or the files
/// directly in the folder, by name.
pub fn files_in(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let name = crate::escape::path(path);
    let read_error = |e: std::io::Error| Diagnostic::file(&name, Problem::Read((&e).into()));
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Diagnostic::file(&name, Problem::NoCriteriaFiles));
    }
    Ok(files)
}

/// What a look at the criteria found: the catalog as far as it could be built, the files
/// looked at, and every problem in every file, warnings included.
#[derive(Debug, Clone)]
pub struct Examined {
    pub catalog: Catalog,
    /// The files given, each once, in the order read; the built-in files when none was.
    pub files: Vec<String>,
    /// Errors and warnings, each file's in the order found.
    pub problems: Vec<Diagnostic>,
}

impl Examined {
    /// The catalog, or the errors. Warnings are for `iop validate` and are dropped here.
    pub fn into_result(self) -> Result<Catalog, Vec<Diagnostic>> {
        let errors: Vec<Diagnostic> = self
            .problems
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        if errors.is_empty() {
            Ok(self.catalog)
        } else {
            Err(errors)
        }
    }
}

/// Reads the files given with `--criteria` (or to `iop validate`) and checks them with
/// the built-in ones, as `examine_texts` does.
pub fn examine(extra: &[PathBuf]) -> Examined {
    let mut unread = Vec::new();
    let mut user = Vec::new();
    let mut files: Vec<String> = Vec::new();
    for path in extra {
        match files_in(path) {
            Ok(found) => {
                for file in found {
                    let name = crate::escape::path(&file);
                    if files.contains(&name) {
                        continue;
                    }
                    files.push(name.clone());
                    match diagnostic::read_text(&file) {
                        Ok(text) => user.push((name, text)),
                        Err(d) => unread.push(d),
                    }
                }
            }
            Err(d) => unread.push(d),
        }
    }
    let mut examined = examine_texts(user);
    unread.append(&mut examined.problems);
    examined.problems = unread;
    if !extra.is_empty() {
        examined.files = files;
    }
    examined
}

/// One of a kind of file: the user's first (the others are duplicates), else the
/// built-in one.
fn one_of<R>(
    user: Vec<Parsed<R>>,
    builtin: Vec<Parsed<R>>,
    what: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Parsed<R>> {
    let mut user = user.into_iter();
    match user.next() {
        Some(first) => {
            for extra in user {
                let problem = Problem::DuplicateId {
                    id: what.to_string(),
                    other: first.file.clone(),
                };
                problems.push(Diagnostic::file(&extra.file, problem));
            }
            Some(first)
        }
        None => builtin.into_iter().next(),
    }
}

#[derive(Default)]
struct Sorted {
    banks: Vec<Parsed<RawBank>>,
    laws: Vec<Parsed<RawLaw>>,
    sets: Vec<Parsed<RawSet>>,
    agreements: Vec<Parsed<RawAgreement>>,
    steps: Vec<Parsed<RawSteps>>,
}

fn sort(texts: Vec<(String, String)>, problems: &mut Vec<Diagnostic>) -> Sorted {
    let mut sorted = Sorted::default();
    for (name, text) in texts {
        match parse(&name, text) {
            Ok(File::Bank(p)) => sorted.banks.push(p),
            Ok(File::Law(p)) => sorted.laws.push(p),
            Ok(File::Set(p)) => sorted.sets.push(p),
            Ok(File::Agreement(p)) => sorted.agreements.push(p),
            Ok(File::Steps(p)) => sorted.steps.push(p),
            Err(d) => problems.extend(d),
        }
    }
    sorted
}

/// Checks the built-in bank, law and sets together with criteria files given as `(name,
/// text)`, and reports every problem in all of them at once.
///
/// A set replaces the built-in one with its id (a warning), a question bank or a law
/// replaces the built-in one, and a question that no set or law uses is a warning. Every
/// file is checked even when others have errors: a set or the law is checked against the
/// bank as far as the bank could be read.
pub fn examine_texts(user: Vec<(String, String)>) -> Examined {
    let mut problems = Vec::new();
    let user = sort(user, &mut problems);
    let builtin_texts = BUILTIN
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    let builtin = sort(builtin_texts, &mut problems);

    let bank_file = one_of(user.banks, builtin.banks, "[[question]]", &mut problems);
    let bank_place = bank_file.as_ref().map(|p| (p.file.clone(), p.text.clone()));
    let checked = bank_file.map_or_else(BankChecked::empty, bank::bank_from);
    problems.extend(checked.problems);
    let bank = checked.bank;

    let mut catalog = Catalog {
        bank,
        ..Catalog::default()
    };
    let mut lineage = Vec::new();
    for parsed in builtin.sets {
        let checked = set::set_from(parsed, &catalog.bank, true);
        problems.extend(checked.problems);
        lineage.push((checked.set.file.clone(), checked.derives_span, checked.text));
        catalog.sets.push(checked.set);
    }
    let builtin_ids: Vec<String> = catalog.sets.iter().map(|s| s.id.clone()).collect();
    let mut seen: HashMap<String, String> = HashMap::new();
    for parsed in user.sets {
        let file = parsed.file.clone();
        let checked = set::set_from(parsed, &catalog.bank, false);
        problems.extend(checked.problems);
        let set = checked.set;
        if set.id.is_empty() {
            continue;
        }
        let place = checked.id_span;
        if let Some(other) = seen.insert(set.id.clone(), file.clone()) {
            let problem = Problem::DuplicateId {
                id: set.id.clone(),
                other,
            };
            problems.push(Diagnostic::at(&file, &checked.text, place, problem));
        } else if builtin_ids.contains(&set.id) {
            let problem = Problem::ReplacesBuiltin { id: set.id.clone() };
            problems.push(Diagnostic::at(&file, &checked.text, place, problem).warning());
        }
        lineage.push((Some(file), checked.derives_span, checked.text));
        catalog.insert(set);
    }

    // Lineage names a set that exists.
    let ids: Vec<String> = catalog.sets.iter().map(|s| s.id.clone()).collect();
    for set in &catalog.sets {
        let Some(parent) = &set.derives_from else {
            continue;
        };
        if ids.contains(parent) {
            continue;
        }
        let file = set.file.clone();
        let place = lineage
            .iter()
            .find(|(f, span, _)| *f == file && span.is_some());
        let name = file.unwrap_or_else(|| format!("criteria/{}.toml", set.id));
        let problem = Problem::UnknownSet {
            value: parent.clone(),
            suggestion: closest(parent, ids.iter().map(String::as_str)),
        };
        problems.push(match place {
            Some((_, span, text)) => Diagnostic::at(&name, text, span.clone(), problem),
            None => Diagnostic::file(&name, problem),
        });
    }

    // The law, the agreement and the steps name questions and sets: they are read last.
    let set_ids: Vec<String> = catalog.sets.iter().map(|s| s.id.clone()).collect();
    let known = Known {
        bank: &catalog.bank,
        sets: &set_ids,
    };
    let law = match one_of(user.laws, builtin.laws, "[[item]]", &mut problems) {
        Some(parsed) => {
            let (law, found) = law::law_from(parsed, &known);
            problems.extend(found);
            law
        }
        None => Law::default(),
    };
    let agreement = match one_of(
        user.agreements,
        builtin.agreements,
        "[[section]]",
        &mut problems,
    ) {
        Some(parsed) => {
            let (agreement, found) = agreement::agreement_from(parsed, &known);
            problems.extend(found);
            agreement
        }
        None => Agreement::default(),
    };
    let steps = match one_of(user.steps, builtin.steps, "[[step]]", &mut problems) {
        Some(parsed) => {
            let (steps, found) = steps::steps_from(parsed, &known);
            problems.extend(found);
            steps
        }
        None => Vec::new(),
    };
    catalog.law = law;
    catalog.agreement = agreement;
    catalog.steps = steps;

    if let Some((file, text)) = &bank_place {
        // Every commitment names a section the agreement has.
        let section_ids: Vec<&str> = catalog
            .agreement
            .sections
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let bank = &catalog.bank;
        let items = bank
            .questions
            .iter()
            .map(Item::Question)
            .chain(bank.facts.iter().map(Item::Fact));
        for item in items {
            let Some(commitment) = item.agreement() else {
                continue;
            };
            if section_ids.contains(&commitment.section.as_str()) {
                continue;
            }
            let span = checked.spans.get(item.id()).cloned();
            let problem = Problem::UnknownSection {
                id: commitment.section.clone(),
                suggestion: closest(&commitment.section, section_ids.iter().copied()),
            };
            // A warning: the commitment is left out of the draft, and `iop validate` says so.
            problems.push(Diagnostic::at(file, text, span, problem).warning());
        }
    }

    if let Some((file, text)) = bank_place {
        let used = |id: &str| {
            let item = catalog.bank.fact_of(id).map_or(id, |f| f.id.as_str());
            catalog.law.item(item).is_some() || catalog.sets.iter().any(|s| s.uses(item))
        };
        for q in &catalog.bank.questions {
            if used(&q.id) {
                continue;
            }
            let span = checked.spans.get(&q.id).cloned();
            let problem = Problem::UnusedQuestion { id: q.id.clone() };
            problems.push(Diagnostic::at(&file, &text, span, problem).warning());
        }
    }

    Examined {
        catalog,
        files: BUILTIN.iter().map(|(name, _)| name.to_string()).collect(),
        problems,
    }
}

/// Loads the built-in bank, law and sets, then the files given with `--criteria`: a set
/// replaces the built-in one with its id, a question bank or a law the built-in one.
///
/// Without `--criteria` the built-in catalog is the one checked when iop was built
/// (`embedded`); with it, the built-in files are read again with the user's, since a
/// user's question bank changes what the built-in sets are checked against.
pub fn load(extra: &[PathBuf]) -> Result<Catalog, Vec<Diagnostic>> {
    if extra.is_empty() {
        return builtin();
    }
    examine(extra).into_result()
}

/// The built-in catalog alone: the one `build.rs` checked and embedded, else (only if
/// that could not be read, which a test rules out) the built-in files read now.
pub fn builtin() -> Result<Catalog, Vec<Diagnostic>> {
    match crate::embedded::catalog() {
        Some(catalog) => Ok(catalog),
        None => examine(&[]).into_result(),
    }
}

#[cfg(test)]
mod tests;
