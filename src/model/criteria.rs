//! Criteria files: the question bank and the criteria sets, built in or given with
//! `--criteria`.
//!
//! Files are deserialized into raw types that accept missing wording, then validated
//! into the model's types, so that one pass reports every problem in a file.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Bank, Catalog, CriteriaSet, Criterion, Localized, Question, Route, Source};
use crate::diagnostic::{self, Diagnostic, Problem, Severity};
use crate::suggest::closest;

/// The built-in files, embedded in the binary: the bank first, then the sets in the
/// decision model's order.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "criteria/questions.toml",
        include_str!("../../criteria/questions.toml"),
    ),
    (
        "criteria/forum.toml",
        include_str!("../../criteria/forum.toml"),
    ),
    (
        "criteria/falun.toml",
        include_str!("../../criteria/falun.toml"),
    ),
    (
        "criteria/jonkoping.toml",
        include_str!("../../criteria/jonkoping.toml"),
    ),
    (
        "criteria/kungsbacka.toml",
        include_str!("../../criteria/kungsbacka.toml"),
    ),
    (
        "criteria/sou-2019-56.toml",
        include_str!("../../criteria/sou-2019-56.toml"),
    ),
];

// The raw types ignore unknown keys: `unknown_keys` names them all, where serde's
// `deny_unknown_fields` would stop at the first and hide every other problem in the file.
#[derive(Deserialize)]
struct RawFile {
    id: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    source: Option<RawSource>,
    criterion: Option<Vec<Spanned<RawCriterion>>>,
    question: Option<Vec<Spanned<RawQuestion>>>,
}

#[derive(Deserialize, Default)]
struct RawLocalized {
    sv: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize, Default)]
struct RawSource {
    document: Option<String>,
    publisher: Option<String>,
    section: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
struct RawCriterion {
    question: Spanned<String>,
    text: Option<RawLocalized>,
    help: Option<RawLocalized>,
    source: Option<RawSource>,
}

#[derive(Deserialize)]
struct RawQuestion {
    id: Spanned<String>,
    ok: bool,
    route: Spanned<String>,
    short: Option<RawLocalized>,
    text: Option<RawLocalized>,
    help: Option<RawLocalized>,
    #[serde(default)]
    sources: Vec<String>,
}

/// A criteria file, parsed but not yet checked against the question bank.
struct Parsed {
    file: String,
    text: String,
    raw: RawFile,
    /// Unknown keys, found while parsing.
    problems: Vec<Diagnostic>,
}

/// A text with the line ends of a file saved on Windows: a multi-line string keeps its
/// CRLF, which would show as `\u{d}` in every report.
fn lines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

/// Collects the problems of one file.
struct Checker<'a> {
    file: &'a str,
    /// Found once: every problem's line comes from it.
    lines: diagnostic::Lines<'a>,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn problem(&mut self, span: Option<Range<usize>>, problem: Problem) {
        let d = Diagnostic::in_lines(self.file, &self.lines, span, problem);
        self.problems.push(d);
    }

    fn localized(
        &mut self,
        raw: Option<RawLocalized>,
        field: &str,
        span: &Range<usize>,
    ) -> Localized {
        let raw = raw.unwrap_or_default();
        let mut take = |value: Option<String>, lang: &'static str| match value {
            Some(v) if !v.trim().is_empty() => lines(v),
            _ => {
                let field = field.to_string();
                self.problem(Some(span.clone()), Problem::MissingText { field, lang });
                String::new()
            }
        };
        Localized {
            sv: take(raw.sv, "sv"),
            en: take(raw.en, "en"),
        }
    }

    fn required(
        &mut self,
        value: Option<String>,
        field: &str,
        span: Option<Range<usize>>,
    ) -> String {
        match value {
            Some(v) if !v.trim().is_empty() => lines(v),
            _ => {
                self.problem(
                    span,
                    Problem::Missing {
                        field: field.to_string(),
                    },
                );
                String::new()
            }
        }
    }
}

// The keys each table of a criteria file may hold.
const TOP_KEYS: &[&str] = &["id", "name", "source", "criterion", "question"];
const CRITERION_KEYS: &[&str] = &["question", "text", "help", "source"];
const QUESTION_KEYS: &[&str] = &["id", "ok", "route", "short", "text", "help", "sources"];
const SOURCE_KEYS: &[&str] = &["document", "publisher", "section", "url"];
const LOCALIZED_KEYS: &[&str] = &["sv", "en"];

/// Every key that a criteria file's tables do not have, each with its place. Serde stops
/// at the first unknown key; this names them all, in the user's language.
fn unknown_keys(file: &str, text: &str, root: &DeTable<'_>) -> Vec<Diagnostic> {
    fn check(
        table: &DeTable<'_>,
        name: &str,
        expected: &'static [&'static str],
        found: &mut Vec<(Range<usize>, Problem)>,
    ) {
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            if !expected.contains(&k) {
                found.push((
                    key.span(),
                    Problem::UnknownKey {
                        table: name.to_string(),
                        key: k.to_string(),
                        expected,
                        suggestion: closest(k, expected.iter().copied()),
                    },
                ));
                continue;
            }
            let inner: &'static [&'static str] = match (name, k) {
                ("", "source") | ("criterion", "source") => SOURCE_KEYS,
                ("", "criterion") => CRITERION_KEYS,
                ("", "question") => QUESTION_KEYS,
                ("criterion" | "question", "text" | "help" | "short") => LOCALIZED_KEYS,
                _ => continue,
            };
            // Tables are named as their header is written: `source`, `criterion.text`.
            let child = if name.is_empty() {
                k.to_string()
            } else {
                format!("{name}.{k}")
            };
            match value.get_ref() {
                DeValue::Table(t) => check(t, &child, inner, found),
                DeValue::Array(items) => {
                    for item in items {
                        if let DeValue::Table(t) = item.get_ref() {
                            check(t, &child, inner, found);
                        }
                    }
                }
                // A wrong type is left to the deserializer, which names it.
                _ => {}
            }
        }
    }

    let mut found = Vec::new();
    check(root, "", TOP_KEYS, &mut found);
    let lines = diagnostic::Lines::new(text);
    found
        .into_iter()
        .map(|(span, problem)| Diagnostic::in_lines(file, &lines, Some(span), problem))
        .collect()
}

fn parse(file: &str, text: String) -> Result<Parsed, Vec<Diagnostic>> {
    // Parsed once: the same tree is searched for unknown keys and then deserialized.
    let root =
        DeTable::parse(&text).map_err(|e| vec![diagnostic::from_toml(file, &text, &e, false)])?;
    let unknown = unknown_keys(file, &text, root.get_ref());
    match RawFile::deserialize(toml::de::Deserializer::from(root)) {
        Ok(raw) => Ok(Parsed {
            file: file.to_string(),
            text,
            raw,
            problems: unknown,
        }),
        Err(e) => {
            // The TOML is valid: the file has the wrong shape (a value of a wrong type).
            let mut problems = unknown;
            problems.push(diagnostic::from_toml(file, &text, &e, true));
            Err(problems)
        }
    }
}

fn is_bank(raw: &RawFile) -> bool {
    raw.question.is_some()
}

/// A question bank as far as it could be read, its problems, and where each question's
/// id stands in its file.
struct BankChecked {
    bank: Bank,
    problems: Vec<Diagnostic>,
    spans: HashMap<String, Range<usize>>,
}

fn bank_from(parsed: Parsed) -> BankChecked {
    let Parsed {
        file,
        text,
        raw,
        problems,
    } = parsed;
    let mut check = Checker {
        file: &file,
        lines: diagnostic::Lines::new(&text),
        problems,
    };
    if raw.id.is_some() || raw.criterion.is_some() || raw.name.is_some() {
        check.problem(None, Problem::BothKinds);
    }
    let mut questions: Vec<Question> = Vec::new();
    let mut spans: HashMap<String, Range<usize>> = HashMap::new();
    for entry in raw.question.unwrap_or_default() {
        let span = entry.span();
        let q = entry.into_inner();
        let id = q.id.get_ref().clone();
        if !valid_question_id(&id) {
            check.problem(Some(q.id.span()), Problem::InvalidId { value: id.clone() });
        }
        if let Some(first) = spans.get(&id) {
            let first_line = check.lines.line(first.start);
            check.problem(
                Some(q.id.span()),
                Problem::DuplicateQuestion {
                    id: id.clone(),
                    first_line,
                },
            );
        } else {
            spans.insert(id.clone(), q.id.span());
        }
        let route = Route::from_id(q.route.get_ref()).unwrap_or_else(|| {
            let value = q.route.get_ref().clone();
            check.problem(Some(q.route.span()), Problem::InvalidRoute { value });
            Route::None
        });
        questions.push(Question {
            short: check.localized(q.short, &format!("{id}.short"), &span),
            text: check.localized(q.text, &format!("{id}.text"), &span),
            help: check.localized(q.help, &format!("{id}.help"), &span),
            sources: q.sources,
            id,
            ok: q.ok,
            route,
        });
    }
    let problems = check.problems;
    BankChecked {
        bank: Bank { questions },
        problems,
        spans,
    }
}

fn valid_question_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn valid_set_id(id: &str) -> bool {
    id != "all"
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A set as far as it could be read (`None` when the file is no set at all), and its
/// problems.
fn set_from(parsed: Parsed, bank: &Bank, builtin: bool) -> (Option<CriteriaSet>, Vec<Diagnostic>) {
    let Parsed {
        file,
        text,
        raw,
        problems,
    } = parsed;
    if raw.id.is_none() && raw.name.is_none() && raw.criterion.is_none() && raw.source.is_none() {
        // Not one key of a criteria file (an answer file, say): that alone is the news,
        // not each of its keys.
        return (None, vec![Diagnostic::file(&file, Problem::NotCriteria)]);
    }
    let mut check = Checker {
        file: &file,
        lines: diagnostic::Lines::new(&text),
        problems,
    };
    let id = match raw.id {
        Some(id) => {
            if !valid_set_id(id.get_ref()) {
                check.problem(
                    Some(id.span()),
                    Problem::InvalidId {
                        value: id.get_ref().clone(),
                    },
                );
            }
            id.into_inner()
        }
        None => {
            check.problem(None, Problem::Missing { field: "id".into() });
            String::new()
        }
    };
    let name_span = raw.name.as_ref().map(|n| n.span());
    let name = check.required(raw.name.map(Spanned::into_inner), "name", name_span);
    let set_source = raw.source.unwrap_or_default();
    let mut criteria: Vec<Criterion> = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for entry in raw.criterion.unwrap_or_default() {
        let span = entry.span();
        let c = entry.into_inner();
        let question_id = c.question.get_ref().clone();
        let line = check.lines.line(c.question.span().start);
        if let Some(first_line) = first_line.get(&question_id) {
            let problem = Problem::DuplicateQuestion {
                id: question_id.clone(),
                first_line: *first_line,
            };
            check.problem(Some(c.question.span()), problem);
        }
        first_line.entry(question_id.clone()).or_insert(line);
        let question = bank.get(&question_id);
        if question.is_none() {
            let problem = Problem::UnknownQuestion {
                table: "[criterion]".into(),
                key: question_id.clone(),
                suggestion: closest(&question_id, bank.ids()),
            };
            check.problem(Some(c.question.span()), problem);
        }
        let own = c.source.unwrap_or_default();
        let source = Source {
            document: check.required(
                own.document.or(set_source.document.clone()),
                "source.document",
                Some(span.clone()),
            ),
            publisher: check.required(
                own.publisher.or(set_source.publisher.clone()),
                "source.publisher",
                Some(span.clone()),
            ),
            section: own.section.or(set_source.section.clone()),
            url: own.url.or(set_source.url.clone()),
        };
        let text_field = format!("{question_id}.text");
        let help_field = format!("{question_id}.help");
        criteria.push(Criterion {
            ok: question.is_none_or(|q| q.ok),
            route: question.map_or(Route::None, |q| q.route),
            text: check.localized(c.text, &text_field, &span),
            help: check.localized(c.help, &help_field, &span),
            source,
            question: question_id,
        });
    }
    if criteria.is_empty() {
        check.problem(None, Problem::EmptySet);
    }
    let source = Source {
        document: set_source.document.unwrap_or_default(),
        publisher: set_source.publisher.unwrap_or_default(),
        section: set_source.section,
        url: set_source.url,
    };
    let problems = check.problems;
    let set = CriteriaSet {
        id,
        name,
        source,
        criteria,
        file: (!builtin).then_some(file),
    };
    (Some(set), problems)
}

/// The `.toml` files a `--criteria` path stands for: the file itself, or the files
/// directly in the folder, by name.
pub fn files_in(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let name = crate::escape::path(path);
    let read_error = |e: std::io::Error| Diagnostic::file(&name, Problem::Read(e.to_string()));
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

/// Checks the built-in bank and sets together with criteria files given as `(name,
/// text)`, and reports every problem in all of them at once.
///
/// A set replaces the built-in one with its id (a warning), a question bank replaces the
/// built-in bank, and a question of the bank that no set uses is a warning. Every file is
/// checked even when others have errors: a set is checked against the bank as far as
/// the bank could be read.
pub fn examine_texts(user: Vec<(String, String)>) -> Examined {
    let mut problems = Vec::new();
    let mut parsed_user = Vec::new();
    for (name, text) in user {
        match parse(&name, text) {
            Ok(parsed) => parsed_user.push(parsed),
            Err(d) => problems.extend(d),
        }
    }
    let mut builtin = Vec::new();
    for (name, text) in BUILTIN {
        match parse(name, (*text).to_string()) {
            Ok(parsed) => builtin.push(parsed),
            Err(d) => problems.extend(d),
        }
    }

    let (user_banks, user_sets): (Vec<_>, Vec<_>) =
        parsed_user.into_iter().partition(|p| is_bank(&p.raw));
    let (builtin_banks, builtin_sets): (Vec<_>, Vec<_>) =
        builtin.into_iter().partition(|p| is_bank(&p.raw));
    let mut banks = user_banks.into_iter();
    let bank_file = match banks.next() {
        Some(first) => {
            for extra in banks {
                let problem = Problem::DuplicateId {
                    id: "[[question]]".into(),
                    other: first.file.clone(),
                };
                problems.push(Diagnostic::file(&extra.file, problem));
            }
            Some(first)
        }
        None => builtin_banks.into_iter().next(),
    };
    let bank_place = bank_file.as_ref().map(|p| (p.file.clone(), p.text.clone()));
    let checked = match bank_file {
        Some(parsed) => bank_from(parsed),
        None => BankChecked {
            bank: Bank {
                questions: Vec::new(),
            },
            problems: Vec::new(),
            spans: HashMap::new(),
        },
    };
    problems.extend(checked.problems);

    let mut catalog = Catalog {
        bank: checked.bank,
        sets: Vec::new(),
    };
    for parsed in builtin_sets {
        let (set, found) = set_from(parsed, &catalog.bank, true);
        problems.extend(found);
        catalog.sets.extend(set);
    }
    let builtin_ids: Vec<String> = catalog.sets.iter().map(|s| s.id.clone()).collect();
    let mut seen: HashMap<String, String> = HashMap::new();
    for parsed in user_sets {
        let file = parsed.file.clone();
        let place = parsed.raw.id.as_ref().map(|id| id.span());
        let text = parsed.text.clone();
        let (set, found) = set_from(parsed, &catalog.bank, false);
        problems.extend(found);
        let Some(set) = set else { continue };
        if set.id.is_empty() {
            continue;
        }
        if let Some(other) = seen.insert(set.id.clone(), file.clone()) {
            let problem = Problem::DuplicateId {
                id: set.id.clone(),
                other,
            };
            problems.push(Diagnostic::at(&file, &text, place, problem));
        } else if builtin_ids.contains(&set.id) {
            let problem = Problem::ReplacesBuiltin { id: set.id.clone() };
            problems.push(Diagnostic::at(&file, &text, place, problem).warning());
        }
        catalog.insert(set);
    }

    if let Some((file, text)) = bank_place {
        for q in &catalog.bank.questions {
            if catalog.sets.iter().any(|s| s.uses(&q.id)) {
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

/// Loads the built-in bank and sets, then the files given with `--criteria`: a set
/// replaces the built-in one with its id, a question bank replaces the built-in bank.
pub fn load(extra: &[PathBuf]) -> Result<Catalog, Vec<Diagnostic>> {
    examine(extra).into_result()
}

/// The built-in catalog alone.
pub fn builtin() -> Result<Catalog, Vec<Diagnostic>> {
    load(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        builtin().unwrap()
    }

    fn set_problems(text: &str) -> Vec<Diagnostic> {
        match parse("set.toml", text.to_string()) {
            Ok(parsed) => set_from(parsed, &catalog().bank, false).1,
            Err(problems) => problems,
        }
    }

    const GOOD: &str = r#"
id = "vasteras"
name = "Västerås stad"
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
        let parsed = parse("set.toml", GOOD.to_string()).unwrap();
        let (set, problems) = set_from(parsed, &catalog().bank, false);
        assert!(problems.is_empty());
        let set = set.unwrap();
        assert_eq!(set.criteria[0].route, Route::AssociationGrant);
        assert!(set.criteria[0].ok);
        assert_eq!(set.criteria[0].source.section.as_deref(), Some("Punkt 1"));
        assert_eq!(set.criteria[0].source.publisher, "Västerås stad");
        assert_eq!(set.file.as_deref(), Some("set.toml"));
    }

    #[test]
    fn an_unknown_question_is_named_with_a_suggestion() {
        let found = set_problems(&GOOD.replace("\"cofinanced\"", "\"cofinance\""));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line(), Some(8));
        assert!(
            matches!(&found[0].problem, Problem::UnknownQuestion { suggestion: Some(s), .. } if s == "cofinanced")
        );
    }

    #[test]
    fn missing_wording_and_duplicates_are_all_reported() {
        let twice =
            format!("{GOOD}[[criterion]]\nquestion = \"cofinanced\"\ntext = {{ sv = \"x\" }}\n");
        let found: Vec<Problem> = set_problems(&twice)
            .into_iter()
            .map(|d| d.problem)
            .collect();
        assert!(found.contains(&Problem::DuplicateQuestion {
            id: "cofinanced".into(),
            first_line: 8
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
        assert_eq!(found[1].line(), Some(10));
        // The rest of the file is still checked: what the unknown keys leave missing too.
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

    fn examine_one(name: &str, text: &str) -> Examined {
        examine_texts(vec![(name.to_string(), text.to_string())])
    }

    #[test]
    fn the_built_in_criteria_have_no_problem_at_all() {
        let examined = examine(&[]);
        assert_eq!(examined.problems, []);
        assert_eq!(examined.files.len(), BUILTIN.len());
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
        let extra = "\n[[question]]\nid = \"spare\"\nok = true\nroute = \"none\"\nshort = { sv = \"a\", en = \"a\" }\ntext = { sv = \"a\", en = \"a\" }\nhelp = { sv = \"a\", en = \"a\" }\n";
        let bank = format!("{}{extra}", BUILTIN[0].1);
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
        assert_eq!(warning.line(), Some(bank.lines().count() - 5));
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
    fn a_file_that_is_no_criteria_file_says_so() {
        let found = set_problems("[case]\ntitle = \"x\"\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].problem, Problem::NotCriteria);
        let found = set_problems("# nothing\n");
        assert_eq!(found[0].problem, Problem::NotCriteria);
    }

    #[test]
    fn windows_line_ends_in_a_text_are_read_as_line_ends() {
        let text = GOOD
            .replace(
                "help = { sv = \"Pengar eller tid.\", en = \"Money or time.\" }",
                "help.sv = \"\"\"\nPengar\neller tid.\"\"\"\nhelp.en = \"Money.\"",
            )
            .replace('\n', "\r\n");
        let (set, problems) = set_from(parse("set.toml", text).unwrap(), &catalog().bank, false);
        assert_eq!(problems, []);
        assert_eq!(set.unwrap().criteria[0].help.sv, "Pengar\neller tid.");
    }

    #[test]
    fn set_ids_are_checked() {
        let found = set_problems(&GOOD.replace("\"vasteras\"", "\"all\""));
        assert!(matches!(&found[0].problem, Problem::InvalidId { .. }));
    }
}
