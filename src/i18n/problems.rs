//! The words of problems: errors and warnings in input files, usage errors, and the
//! labels that go with them.

use super::{Words, list};
use crate::diagnostic::{Expected, Problem, Severity};
use crate::lang::Lang;
use crate::model::Verdict;

impl Words {
    pub fn error(self) -> &'static str {
        pick!(self, "fel", "error")
    }

    pub fn warning(self) -> &'static str {
        pick!(self, "varning", "warning")
    }

    pub fn severity(self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => self.error(),
            Severity::Warning => self.warning(),
        }
    }

    pub fn help(self) -> &'static str {
        pick!(self, "tips", "help")
    }

    pub fn did_you_mean(self, suggestion: &str) -> String {
        pick!(
            self,
            format!("menade du `{suggestion}`?"),
            format!("did you mean `{suggestion}`?")
        )
    }

    pub fn unknown_set_argument(self, set: &str, known: &[&str]) -> String {
        pick!(
            self,
            format!(
                "okänd kriterieuppsättning `{set}`; uppsättningarna är {}, eller `all` för alla",
                self.all_of(known)
            ),
            format!(
                "unknown criteria set `{set}`; the sets are {}, or `all` for every set",
                self.all_of(known)
            )
        )
    }

    /// A command that needs one set got none or several.
    /// `-` as FILE given with an interview.
    pub fn stdin_twice(self) -> &'static str {
        pick!(
            self,
            "`-` läser svarsfilen från standard in, men där läser intervjun (-i, --save) sina svar; ange svarsfilens namn i stället",
            "`-` reads the answer file from standard input, where the interview (-i, --save) reads its answers; name the answer file instead"
        )
    }

    pub fn needs_one_set(self, known: &[&str]) -> String {
        pick!(
            self,
            format!(
                "ange en kriterieuppsättning med --set (eller `set` under [case] i svarsfilen); uppsättningarna är {}",
                self.all_of(known)
            ),
            format!(
                "name one criteria set with --set (or `set` under [case] in the answer file); the sets are {}",
                self.all_of(known)
            )
        )
    }

    /// A document that could not be put together.
    pub fn cannot_build(self, error: &str) -> String {
        pick!(
            self,
            format!("dokumentet kunde inte sättas ihop: {error}"),
            format!("the document could not be put together: {error}")
        )
    }

    fn language(self, code: &str) -> &'static str {
        match code {
            "sv" => pick!(self, "svenska", "Swedish"),
            _ => pick!(self, "engelska", "English"),
        }
    }

    /// A problem found in an input file: the message, and a hint when there is one.
    pub fn problem(self, problem: &Problem) -> (String, Option<String>) {
        let suggest = |s: &Option<String>| s.as_deref().map(|s| self.did_you_mean(s));
        match problem {
            Problem::Read(e) => (self.read_failed(e), None),
            Problem::Folder => (
                pick!(self, "det här är en mapp, inte en fil".into(), "this is a folder, not a file".into()),
                Some(pick!(
                    self,
                    "`iop test MAPP` prövar alla ärenden i en mapp".into(),
                    "`iop test FOLDER` checks every case in a folder".into()
                )),
            ),
            Problem::NotUtf8 => (
                pick!(self, "filen är inte UTF-8-text".into(), "the file is not UTF-8 text".into()),
                Some(pick!(self, "spara filen som UTF-8".into(), "save the file as UTF-8".into())),
            ),
            Problem::Syntax(m) => (pick!(self, format!("ogiltig TOML: {m}"), format!("invalid TOML: {m}")), None),
            Problem::Shape(m) => (pick!(self, format!("fel uppbyggnad: {m}"), format!("wrong structure: {m}")), None),
            Problem::NotATable { key } => (
                pick!(self, format!("`{key}` ska vara en tabell"), format!("`{key}` must be a table")),
                Some(pick!(self, format!("skriv `[{key}]` på en egen rad och nycklarna under den"), format!("write `[{key}]` on a line of its own, with its keys below it"))),
            ),
            Problem::UnknownTable { name, expected, suggestion } => {
                let tables: Vec<String> = expected.iter().map(|t| format!("[{t}]")).collect();
                let refs: Vec<&str> = tables.iter().map(String::as_str).collect();
                (
                    pick!(
                        self,
                        format!("okänd tabell `{name}`; en svarsfil har {}", list(&refs, self.and())),
                        format!("unknown table `{name}`; an answer file has {}", list(&refs, self.and()))
                    ),
                    suggest(suggestion),
                )
            }
            Problem::UnknownKey { table, key, expected, suggestion } => (
                pick!(
                    self,
                    format!("okänd nyckel `{key}` {}; väntade {}", self.in_table(table), self.one_of(expected)),
                    format!("unknown key `{key}` {}; expected {}", self.in_table(table), self.one_of(expected))
                ),
                suggest(suggestion),
            ),
            Problem::UnknownQuestion { table, key, suggestion } => (
                pick!(
                    self,
                    format!("`{key}` i [{table}] är inte en fråga i frågebanken"),
                    format!("`{key}` in [{table}] is not a question of the question bank")
                ),
                suggest(suggestion).or_else(|| Some(pick!(self, "frågorna listas med `iop show`".into(), "`iop show` lists the questions".into()))),
            ),
            Problem::WrongType { key, expected } => match expected {
                Expected::Answer => (
                    pick!(
                        self,
                        format!("svaret på `{key}` ska vara true, false eller \"unknown\""),
                        format!("the answer to `{key}` must be true, false or \"unknown\"")
                    ),
                    Some(pick!(
                        self,
                        format!("ja skrivs true, nej false och vet ej \"unknown\", till exempel `{key} = true`"),
                        format!("yes is written true, no false, and don't know \"unknown\", for example `{key} = true`")
                    )),
                ),
                Expected::String => (
                    pick!(self, format!("`{key}` ska vara en text inom citattecken"), format!("`{key}` must be a text in quotes")),
                    Some(format!("{key} = \"…\"")),
                ),
                Expected::Verdict => (
                    pick!(
                        self,
                        format!("`{key}` ska vara en bedömning inom citattecken: {}", self.verdict_ids()),
                        format!("`{key}` must be a verdict in quotes: {}", self.verdict_ids())
                    ),
                    None,
                ),
                Expected::Table => (pick!(self, format!("`{key}` ska vara en tabell"), format!("`{key}` must be a table")), None),
                Expected::Date => (
                    pick!(self, format!("`{key}` ska vara ett datum"), format!("`{key}` must be a date")),
                    Some(format!("{key} = 2026-11-26")),
                ),
            },
            Problem::UnknownVerdict { value, suggestion } => (
                pick!(
                    self,
                    format!("okänd bedömning `{value}`; väntade {}", self.verdict_ids()),
                    format!("unknown verdict `{value}`; expected {}", self.verdict_ids())
                ),
                suggest(suggestion),
            ),
            Problem::UnknownSet { value, suggestion } => (
                pick!(self, format!("okänd kriterieuppsättning `{value}`"), format!("unknown criteria set `{value}`")),
                suggest(suggestion).or_else(|| Some(pick!(self, "uppsättningarna listas med `iop sets`".into(), "`iop sets` lists the sets".into()))),
            ),
            Problem::DuplicateQuestion { id, first_line } => (
                pick!(
                    self,
                    format!("frågan `{id}` förekommer två gånger (första gången på rad {first_line})"),
                    format!("question `{id}` appears twice (first on line {first_line})")
                ),
                None,
            ),
            Problem::DuplicateId { id, other } => (
                pick!(self, format!("`{id}` finns också i {other}"), format!("`{id}` is also defined in {other}")),
                None,
            ),
            Problem::NotCriteria => (
                pick!(self, "inte en kriteriefil".into(), "not a criteria file".into()),
                Some(pick!(
                    self,
                    "en uppsättning har `id`, `name`, [source] och [[criterion]]; en frågebank har [[question]] och [[fact]]; den rättsliga prövningen har [[item]] och [[citation]]".into(),
                    "a set has `id`, `name`, [source] and [[criterion]]; a question bank has [[question]] and [[fact]]; the legal test has [[item]] and [[citation]]".into()
                )),
            ),
            Problem::BothKinds => (
                pick!(
                    self,
                    "filen blandar olika sorters kriteriefiler (uppsättning, frågebank, rättslig prövning)".into(),
                    "the file mixes kinds of criteria file (set, question bank, legal test)".into()
                ),
                Some(pick!(self, "lägg varje sort i en egen fil".into(), "put each kind in a file of its own".into())),
            ),
            Problem::MissingText { field, lang } => (
                pick!(
                    self,
                    format!("`{field}` saknar text på {}", self.language(lang)),
                    format!("`{field}` has no {} wording", self.language(lang))
                ),
                Some(format!("{} = {{ sv = \"…\", en = \"…\" }}", field.rsplit('.').next().unwrap_or(field))),
            ),
            Problem::Missing { field } => (
                pick!(self, format!("`{field}` saknas eller är tom"), format!("`{field}` is missing or empty")),
                None,
            ),
            Problem::InvalidRoute { value } => (
                pick!(
                    self,
                    format!("ogiltig väg `{value}`; väntade {}", self.one_of(&["procurement", "association-grant", "none"])),
                    format!("invalid route `{value}`; expected {}", self.one_of(&["procurement", "association-grant", "none"]))
                ),
                None,
            ),
            Problem::InvalidId { value } => (
                pick!(self, format!("ogiltigt id `{value}`"), format!("invalid id `{value}`")),
                Some(pick!(
                    self,
                    "använd små bokstäver a–z, siffror och '-' (i fråge-id '_'); `all` är reserverat".into(),
                    "use lower-case letters a–z, digits and '-' ('_' in question ids); `all` is reserved".into()
                )),
            ),
            Problem::EmptySet => (
                pick!(self, "uppsättningen har inga kriterier ([[criterion]])".into(), "the set has no criteria ([[criterion]])".into()),
                None,
            ),
            Problem::NoCriteriaFiles => (
                pick!(self, "mappen innehåller ingen .toml-fil".into(), "the folder holds no .toml file".into()),
                None,
            ),
            Problem::NotAnswerFile => (
                pick!(
                    self,
                    "filen finns redan och är inte en svarsfil; den har inte ändrats".into(),
                    "the file exists and is not an answer file; it was left as it was".into()
                ),
                Some(pick!(self, "välj ett annat filnamn för --save".into(), "choose another file name for --save".into())),
            ),
            Problem::Exists => (
                pick!(self, "filen finns redan".into(), "the file already exists".into()),
                Some(pick!(self, "använd --force för att skriva över den".into(), "use --force to overwrite it".into())),
            ),
            Problem::Write(e) => (self.write_failed(e), None),
            Problem::ReplacesBuiltin { id } => (
                pick!(
                    self,
                    format!("uppsättningen `{id}` ersätter den inbyggda uppsättningen med samma id"),
                    format!("set `{id}` replaces the built-in set with the same id")
                ),
                None,
            ),
            Problem::ReplacedQuestion { key, replacements } => (
                pick!(
                    self,
                    format!("`{key}` fanns i version 1 av beslutsmodellen och har ersatts av {}", self.all_of(replacements)),
                    format!("`{key}` was a question of version 1 of the decision model and is replaced by {}", self.all_of(replacements))
                ),
                Some(pick!(
                    self,
                    "besvara de nya frågorna var för sig; `iop show` visar dem".into(),
                    "answer the new questions one by one; `iop show` lists them".into()
                )),
            ),
            Problem::FactAnswered { fact, questions } => {
                let refs: Vec<&str> = questions.iter().map(String::as_str).collect();
                (
                    pick!(
                        self,
                        format!("`{fact}` är en sammanvägd prövning och besvaras genom sina frågor: {}", self.all_of(&refs)),
                        format!("`{fact}` is a test made of questions and is answered through them: {}", self.all_of(&refs))
                    ),
                    None,
                )
            }
            Problem::FactQuestionInSet { question, fact } => (
                pick!(
                    self,
                    format!("`{question}` ingår i prövningen `{fact}`; en uppsättning använder `{fact}`"),
                    format!("`{question}` is part of the test `{fact}`; a set uses `{fact}`")
                ),
                None,
            ),
            Problem::FactIsQuestion { id } => (
                pick!(
                    self,
                    format!("`{id}` är både en fråga och en sammanvägd prövning ([[fact]])"),
                    format!("`{id}` is both a question and a test made of questions ([[fact]])")
                ),
                None,
            ),
            Problem::RouteWithoutSource { id } => (
                pick!(
                    self,
                    format!("`{id}` pekar någonstans men anger inte vilken källa som säger det"),
                    format!("`{id}` points somewhere but does not name the source that says so")
                ),
                Some(pick!(
                    self,
                    "lägg till `route_source`, eller ange `route = \"none\"`".into(),
                    "add `route_source`, or give `route = \"none\"`".into()
                )),
            ),
            Problem::SourceWithoutRoute { id } => (
                pick!(
                    self,
                    format!("`{id}` har `route_source` men pekar ingenstans (`route = \"none\"`)"),
                    format!("`{id}` has a `route_source` but points nowhere (`route = \"none\"`)")
                ),
                None,
            ),
            Problem::UnknownCitation { id, suggestion } => (
                pick!(self, format!("okänd källhänvisning `{id}`"), format!("unknown citation `{id}`")),
                suggest(suggestion),
            ),
            Problem::RequiredNotFalse => (
                pick!(
                    self,
                    "`required` kan bara vara false (ett rekommenderat kriterium); ett kriterium är annars obligatoriskt".into(),
                    "`required` can only be false (a recommended criterion); otherwise a criterion is required".into()
                ),
                Some(pick!(self, "ta bort raden, eller skriv `required = false`".into(), "remove the line, or write `required = false`".into())),
            ),
            Problem::InvalidKind { value } => (
                pick!(
                    self,
                    format!("okänd sort `{value}`; väntade {}", self.one_of(&["kommun", "region", "national-model", "inquiry"])),
                    format!("unknown kind `{value}`; expected {}", self.one_of(&["kommun", "region", "national-model", "inquiry"]))
                ),
                None,
            ),
            Problem::InvalidValue { value, expected } => (
                pick!(
                    self,
                    format!("okänt värde `{value}`; väntade {}", self.one_of(expected)),
                    format!("unknown value `{value}`; expected {}", self.one_of(expected))
                ),
                None,
            ),
            Problem::UnknownPlaceholder {
                name,
                expected,
                suggestion,
            } => (
                pick!(
                    self,
                    format!("texten kan inte nämna `{{{name}}}`; den kan nämna {}", self.one_of(expected)),
                    format!("the text cannot name `{{{name}}}`; it can name {}", self.one_of(expected))
                ),
                suggest(suggestion),
            ),
            Problem::UnknownSection { id, suggestion } => (
                pick!(
                    self,
                    format!("överenskommelsen har inget avsnitt `{id}`"),
                    format!("the agreement has no section `{id}`")
                ),
                suggest(suggestion),
            ),
            Problem::NoCommitment { id } => (
                pick!(
                    self,
                    format!("`{id}` har inget åtagande (`agreement`) i frågebanken"),
                    format!("`{id}` has no commitment (`agreement`) in the question bank")
                ),
                None,
            ),
            Problem::OneOf { table, keys } => (
                pick!(
                    self,
                    format!("`{table}` ska ha precis en av {}", self.one_of(keys)),
                    format!("`{table}` must have exactly one of {}", self.one_of(keys))
                ),
                None,
            ),
            Problem::UnusedQuestion { id } => (
                pick!(self, format!("frågan `{id}` används inte av någon uppsättning"), format!("question `{id}` is not used by any set")),
                None,
            ),
            other => self.file_problem(other),
        }
    }

    fn verdict_ids(self) -> String {
        let ids: Vec<&str> = Verdict::names().collect();
        self.one_of(&ids).replace('`', "\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_words_in_both_languages() {
        let problems = [
            Problem::NotUtf8,
            Problem::WrongType {
                key: "k".into(),
                expected: Expected::Answer,
            },
            Problem::UnknownVerdict {
                value: "iopp".into(),
                suggestion: Some("iop".into()),
            },
        ];
        for problem in &problems {
            let (sv, _) = Words(Lang::Sv).problem(problem);
            let (en, _) = Words(Lang::En).problem(problem);
            assert!(!sv.is_empty() && !en.is_empty() && sv != en);
        }
    }
}
