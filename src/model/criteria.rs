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

use super::{Bank, Catalog, CriteriaSet, Criterion, Localized, Question, Route, Source};
use crate::diagnostic::{self, Diagnostic, Problem};
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    id: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    source: Option<RawSource>,
    criterion: Option<Vec<Spanned<RawCriterion>>>,
    question: Option<Vec<Spanned<RawQuestion>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLocalized {
    sv: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSource {
    document: Option<String>,
    publisher: Option<String>,
    section: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    question: Spanned<String>,
    text: Option<RawLocalized>,
    help: Option<RawLocalized>,
    source: Option<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
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
}

/// Collects the problems of one file.
struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn problem(&mut self, span: Option<Range<usize>>, problem: Problem) {
        self.problems
            .push(Diagnostic::at(self.file, self.text, span, problem));
    }

    fn localized(
        &mut self,
        raw: Option<RawLocalized>,
        field: &str,
        span: &Range<usize>,
    ) -> Localized {
        let raw = raw.unwrap_or_default();
        let mut take = |value: Option<String>, lang: &'static str| match value {
            Some(v) if !v.trim().is_empty() => v,
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
            Some(v) if !v.trim().is_empty() => v,
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

fn parse(file: &str, text: String) -> Result<Parsed, Diagnostic> {
    match toml::from_str::<RawFile>(&text) {
        Ok(raw) => Ok(Parsed {
            file: file.to_string(),
            text,
            raw,
        }),
        Err(e) => {
            // Tell a syntax error from a file of the wrong shape: only the latter parses.
            let shape = text.parse::<toml::Table>().is_ok();
            Err(diagnostic::from_toml(file, &text, &e, shape))
        }
    }
}

fn is_bank(raw: &RawFile) -> bool {
    raw.question.is_some()
}

fn bank_from(parsed: Parsed) -> Result<Bank, Vec<Diagnostic>> {
    let Parsed { file, text, raw } = parsed;
    let mut check = Checker {
        file: &file,
        text: &text,
        problems: Vec::new(),
    };
    if raw.id.is_some() || raw.criterion.is_some() || raw.name.is_some() {
        check.problem(None, Problem::BothKinds);
    }
    let mut questions: Vec<Question> = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for entry in raw.question.unwrap_or_default() {
        let span = entry.span();
        let q = entry.into_inner();
        let id = q.id.get_ref().clone();
        if !valid_question_id(&id) {
            check.problem(Some(q.id.span()), Problem::InvalidId { value: id.clone() });
        }
        if let Some(line) = first_line.get(&id) {
            check.problem(
                Some(q.id.span()),
                Problem::DuplicateQuestion {
                    id: id.clone(),
                    first_line: *line,
                },
            );
        } else {
            first_line.insert(
                id.clone(),
                diagnostic::Location::of(&text, q.id.span()).line,
            );
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
    if check.problems.is_empty() {
        Ok(Bank { questions })
    } else {
        Err(check.problems)
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

fn set_from(parsed: Parsed, bank: &Bank, builtin: bool) -> Result<CriteriaSet, Vec<Diagnostic>> {
    let Parsed { file, text, raw } = parsed;
    if raw.id.is_none() && raw.name.is_none() && raw.criterion.is_none() && raw.source.is_none() {
        return Err(vec![Diagnostic::file(&file, Problem::NotCriteria)]);
    }
    let mut check = Checker {
        file: &file,
        text: &text,
        problems: Vec::new(),
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
        let line = diagnostic::Location::of(&text, c.question.span()).line;
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
    if check.problems.is_empty() {
        Ok(CriteriaSet {
            id,
            name,
            source,
            criteria,
            file: (!builtin).then_some(file),
        })
    } else {
        Err(check.problems)
    }
}

/// The `.toml` files a `--criteria` path stands for: the file itself, or the files
/// directly in the folder, by name.
pub fn files_in(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let name = path.display().to_string();
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

/// Loads the built-in bank and sets, then the files given with `--criteria`: a set
/// replaces the built-in one with its id, a question bank replaces the built-in bank.
pub fn load(extra: &[PathBuf]) -> Result<Catalog, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut user = Vec::new();
    for path in extra {
        match files_in(path) {
            Ok(files) => {
                for file in files {
                    let name = file.display().to_string();
                    match diagnostic::read_text(&file).and_then(|text| parse(&name, text)) {
                        Ok(parsed) => user.push(parsed),
                        Err(d) => problems.push(d),
                    }
                }
            }
            Err(d) => problems.push(d),
        }
    }
    let mut builtin = Vec::new();
    for (name, text) in BUILTIN {
        match parse(name, (*text).to_string()) {
            Ok(parsed) => builtin.push(parsed),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let (user_banks, user_sets): (Vec<_>, Vec<_>) = user.into_iter().partition(|p| is_bank(&p.raw));
    let (builtin_banks, builtin_sets): (Vec<_>, Vec<_>) =
        builtin.into_iter().partition(|p| is_bank(&p.raw));
    let mut banks = user_banks.into_iter();
    let bank_file = match banks.next() {
        Some(first) => {
            for extra in banks {
                let other = first.file.clone();
                let problem = Problem::DuplicateId {
                    id: "question".into(),
                    other,
                };
                problems.push(Diagnostic::file(&extra.file, problem));
            }
            first
        }
        None => builtin_banks.into_iter().next().ok_or_else(Vec::new)?,
    };
    let bank = bank_from(bank_file)?;
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut catalog = Catalog {
        bank,
        sets: Vec::new(),
    };
    for parsed in builtin_sets {
        match set_from(parsed, &catalog.bank, true) {
            Ok(set) => catalog.sets.push(set),
            Err(d) => problems.extend(d),
        }
    }
    let mut seen: HashMap<String, String> = HashMap::new();
    for parsed in user_sets {
        let file = parsed.file.clone();
        match set_from(parsed, &catalog.bank, false) {
            Ok(set) => {
                if let Some(other) = seen.insert(set.id.clone(), file.clone()) {
                    problems.push(Diagnostic::file(
                        &file,
                        Problem::DuplicateId {
                            id: set.id.clone(),
                            other,
                        },
                    ));
                }
                catalog.insert(set);
            }
            Err(d) => problems.extend(d),
        }
    }
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems)
    }
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
        let parsed = parse("set.toml", text.to_string()).map_err(|d| vec![d]);
        parsed
            .and_then(|p| set_from(p, &catalog().bank, false))
            .unwrap_err()
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
        let set = set_from(parsed, &catalog().bank, false).unwrap();
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
    fn an_unknown_key_is_a_shape_error_with_a_line() {
        let found = set_problems(&GOOD.replace("name =", "namn ="));
        assert!(matches!(&found[0].problem, Problem::Shape(m) if m.contains("namn")));
        assert_eq!(found[0].line(), Some(3));
    }

    #[test]
    fn a_file_that_is_no_criteria_file_says_so() {
        let found = set_problems("[case]\ntitle = \"x\"\n");
        assert!(matches!(&found[0].problem, Problem::Shape(_)));
        let found = set_problems("# nothing\n");
        assert_eq!(found[0].problem, Problem::NotCriteria);
    }

    #[test]
    fn set_ids_are_checked() {
        let found = set_problems(&GOOD.replace("\"vasteras\"", "\"all\""));
        assert!(matches!(&found[0].problem, Problem::InvalidId { .. }));
    }
}
