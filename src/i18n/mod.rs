//! Every word the interface says, in Swedish and English.
//!
//! Criteria wording lives in the data files; everything else a user reads is here, so a
//! translation is reviewed in one place.

/// Chooses the Swedish or the English of two texts by the language of `Words`.
macro_rules! pick {
    ($self:ident, $sv:expr, $en:expr) => {
        match $self.0 {
            Lang::Sv => $sv,
            Lang::En => $en,
        }
    };
}

// The words of larger parts of the interface live in submodules, each adding an
// `impl Words` block: they must be declared after `pick!` above.
pub mod help;
mod memo;
mod validate;

use crate::diagnostic::{Expected, FileKind, Problem, Severity};
use crate::engine::Status;
use crate::model::{Answer, Route, Verdict};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    /// The language the locale asks for: the first set of LC_ALL, LC_MESSAGES and LANG
    /// decides; `sv…` gives Swedish, anything else English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty());
        match locale {
            Some(value) if value.to_ascii_lowercase().starts_with("sv") => Lang::Sv,
            _ => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

/// What a user typed at an interview prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// Yes, no or don't know, relative to the text shown.
    Answer(Answer),
    Help,
    Back,
}

/// The interface's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct Words(pub Lang);

/// "a, b and c" / "a, b och c".
fn list(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn quoted(items: &[&str]) -> Vec<String> {
    items.iter().map(|i| format!("`{i}`")).collect()
}

impl Words {
    fn and(self) -> &'static str {
        pick!(self, "och", "and")
    }

    fn or(self) -> &'static str {
        pick!(self, "eller", "or")
    }

    fn all_of(self, items: &[&str]) -> String {
        let quoted = quoted(items);
        let refs: Vec<&str> = quoted.iter().map(String::as_str).collect();
        list(&refs, self.and())
    }

    fn one_of(self, items: &[&str]) -> String {
        let quoted = quoted(items);
        let refs: Vec<&str> = quoted.iter().map(String::as_str).collect();
        list(&refs, self.or())
    }

    // --- verdicts and answers -------------------------------------------------------

    /// The verdict as a heading: what form the collaboration should take.
    pub fn verdict(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Iop => pick!(
                self,
                "IOP – idéburet offentligt partnerskap",
                "IOP – idéburet offentligt partnerskap (public–non-profit partnership)"
            ),
            Verdict::AssociationGrant => pick!(
                self,
                "föreningsbidrag",
                "association grant (föreningsbidrag)"
            ),
            Verdict::Procurement => pick!(self, "upphandling", "procurement (upphandling)"),
            Verdict::Undetermined => pick!(self, "kan inte avgöras", "undetermined"),
        }
    }

    /// The verdict in a table cell.
    pub fn verdict_short(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Iop => "IOP",
            Verdict::AssociationGrant => pick!(self, "bidrag", "grant"),
            Verdict::Procurement => pick!(self, "upphandling", "procurement"),
            Verdict::Undetermined => pick!(self, "oavgjort", "undetermined"),
        }
    }

    /// What a verdict means for the case. `failed_none` is true when an undetermined
    /// verdict comes from a failed criterion that points nowhere, not from open questions.
    pub fn verdict_meaning(self, verdict: Verdict, failed_none: bool) -> &'static str {
        match verdict {
            Verdict::Iop => pick!(
                self,
                "Alla kriterier i uppsättningen är uppfyllda: samarbetet kan ingås som ett IOP.",
                "Every criterion of the set is met: the collaboration can take the form of an IOP."
            ),
            Verdict::AssociationGrant => pick!(
                self,
                "Inte ett IOP. Det som brister pekar mot att stödja organisationen med föreningsbidrag.",
                "Not an IOP. What fails points to supporting the organisation with an association grant."
            ),
            Verdict::Procurement => pick!(
                self,
                "Inte ett IOP. Det som brister pekar mot ett köp, och ett köp ska upphandlas.",
                "Not an IOP. What fails points to a purchase, and a purchase must be procured."
            ),
            Verdict::Undetermined if failed_none => pick!(
                self,
                "Ingen samarbetsform kan rekommenderas: ett kriterium brister som varken pekar mot bidrag eller upphandling. Det måste lösas först.",
                "No form can be recommended: a criterion fails that points to neither a grant nor procurement. It must be resolved first."
            ),
            Verdict::Undetermined => pick!(
                self,
                "Ingen samarbetsform kan rekommenderas ännu: frågor är obesvarade.",
                "No form can be recommended yet: questions are still open."
            ),
        }
    }

    pub fn not_complete(self, open: usize) -> String {
        pick!(
            self,
            format!(
                "Bedömningen är inte fullständig: {open} {} kan fortfarande ändra den.",
                if open == 1 {
                    "öppen fråga"
                } else {
                    "öppna frågor"
                }
            ),
            format!(
                "Not complete: {open} open {} could still change this verdict.",
                if open == 1 { "question" } else { "questions" }
            )
        )
    }

    pub fn not_complete_short(self, open: usize) -> String {
        pick!(
            self,
            format!(
                "inte fullständig: {open} {}",
                if open == 1 {
                    "öppen fråga"
                } else {
                    "öppna frågor"
                }
            ),
            format!(
                "not complete: {open} open {}",
                if open == 1 { "question" } else { "questions" }
            )
        )
    }

    pub fn answer(self, answer: Option<Answer>) -> &'static str {
        match answer {
            Some(Answer::Yes) => pick!(self, "ja", "yes"),
            Some(Answer::No) => pick!(self, "nej", "no"),
            Some(Answer::Unknown) => pick!(self, "vet ej", "unknown"),
            None => pick!(self, "obesvarad", "not answered"),
        }
    }

    pub fn route(self, route: Route) -> &'static str {
        match route {
            Route::Procurement => pick!(self, "pekar mot upphandling", "points to procurement"),
            Route::AssociationGrant => pick!(
                self,
                "pekar mot föreningsbidrag",
                "points to an association grant"
            ),
            Route::None => pick!(
                self,
                "måste lösas innan en form kan väljas",
                "must be resolved before a form can be chosen"
            ),
        }
    }

    /// Where a criterion points when it is not met, after its `ok_answer`.
    pub fn otherwise(self, route: Route) -> &'static str {
        match route {
            Route::Procurement => pick!(
                self,
                "annars pekar det mot upphandling",
                "otherwise it points to procurement"
            ),
            Route::AssociationGrant => pick!(
                self,
                "annars pekar det mot föreningsbidrag",
                "otherwise it points to an association grant"
            ),
            Route::None => pick!(
                self,
                "annars måste det lösas innan en form kan väljas",
                "otherwise it must be resolved before a form can be chosen"
            ),
        }
    }

    pub fn rule_label(self) -> &'static str {
        pick!(self, "Regel", "Rule")
    }

    pub fn status_heading(self, status: Status, count: usize) -> String {
        match status {
            Status::Failed => pick!(
                self,
                format!("Ej uppfyllda ({count})"),
                format!("Not met ({count})")
            ),
            Status::Open => pick!(
                self,
                format!("Öppna frågor ({count})"),
                format!("Open questions ({count})")
            ),
            Status::Met => pick!(
                self,
                format!("Uppfyllda ({count})"),
                format!("Met ({count})")
            ),
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match status {
            Status::Met => pick!(self, "uppfyllt", "met"),
            Status::Failed => pick!(self, "ej uppfyllt", "not met"),
            Status::Open => pick!(self, "öppen", "open"),
        }
    }

    // --- report labels --------------------------------------------------------------

    pub fn verdict_label(self) -> &'static str {
        pick!(self, "Bedömning", "Verdict")
    }

    pub fn verdicts_label(self) -> &'static str {
        pick!(self, "Bedömningar", "Verdicts")
    }

    pub fn criteria_label(self) -> &'static str {
        pick!(self, "Kriterier", "Criteria")
    }

    pub fn answer_label(self) -> &'static str {
        pick!(self, "Svar", "Answer")
    }

    pub fn note_label(self) -> &'static str {
        pick!(self, "Anteckning", "Note")
    }

    pub fn source_label(self) -> &'static str {
        pick!(self, "Källa", "Source")
    }

    pub fn help_label(self) -> &'static str {
        pick!(self, "Stöd", "Guidance")
    }

    pub fn question_label(self) -> &'static str {
        pick!(self, "Fråga", "Question")
    }

    pub fn why_label(self) -> &'static str {
        pick!(self, "Varför", "Why")
    }

    pub fn file_label(self) -> &'static str {
        pick!(self, "Fil", "File")
    }

    pub fn matrix_legend(self) -> &'static str {
        pick!(
            self,
            "✓ uppfyllt  ✗ ej uppfyllt  ? öppen  · används inte av uppsättningen  * inte fullständig",
            "✓ met  ✗ not met  ? open  · not used by the set  * not complete"
        )
    }

    pub fn matrix_detail_hint(self) -> &'static str {
        pick!(
            self,
            "Hela motiveringen för en uppsättning, med alla källor: iop check FIL --set ID",
            "The full reasoning for one set, with every source: iop check FILE --set ID"
        )
    }

    pub fn all_met(self) -> &'static str {
        pick!(
            self,
            "Alla kriterier är uppfyllda.",
            "Every criterion is met."
        )
    }

    pub fn untitled(self) -> &'static str {
        pick!(self, "Namnlöst ärende", "Untitled case")
    }

    // --- sets and show --------------------------------------------------------------

    pub fn sets_header(self) -> [&'static str; 4] {
        pick!(
            self,
            ["ID", "NAMN", "KRITERIER", "KÄLLA"],
            ["ID", "NAME", "CRITERIA", "SOURCE"]
        )
    }

    pub fn from_file(self, file: &str) -> String {
        pick!(self, format!("(från {file})"), format!("(from {file})"))
    }

    pub fn bank_heading(self, count: usize) -> String {
        pick!(
            self,
            format!("Frågebanken: {count} frågor som uppsättningarna bygger på"),
            format!("The question bank: {count} questions the sets are built on")
        )
    }

    pub fn ok_answer(self, ok: bool) -> String {
        let answer = self.answer(Some(Answer::from_bool(ok)));
        pick!(
            self,
            format!("uppfyllt vid svaret {answer}"),
            format!("met when the answer is {answer}")
        )
    }

    // --- the interview --------------------------------------------------------------

    /// Reads a reply in either language, whatever the interface's language.
    pub fn reply(self, line: &str) -> Option<Reply> {
        let line = line.trim().to_lowercase();
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(match line.as_str() {
            "j" | "ja" | "y" | "yes" | "stämmer" => Reply::Answer(Answer::Yes),
            "n" | "nej" | "no" | "stämmer inte" => Reply::Answer(Answer::No),
            "v" | "vet ej" | "vet inte" | "u" | "unknown" | "don't know" => {
                Reply::Answer(Answer::Unknown)
            }
            "?" | "h" | "hjälp" | "help" => Reply::Help,
            "b" | "bakåt" | "back" => Reply::Back,
            _ => return None,
        })
    }

    pub fn choices(self, statement: bool) -> &'static str {
        match (self.0, statement) {
            (Lang::Sv, true) => "Stämmer det? [j]a / [n]ej / [v]et ej, ? hjälp, b bakåt >",
            (Lang::Sv, false) => "[j]a / [n]ej / [v]et ej, ? hjälp, b bakåt >",
            (Lang::En, true) => "Is this so? [y]es / [n]o / [u]nknown, ? help, b back >",
            (Lang::En, false) => "[y]es / [n]o / [u]nknown, ? help, b back >",
        }
    }

    pub fn reply_hint(self) -> &'static str {
        pick!(
            self,
            "  Svara j (ja), n (nej) eller v (vet ej); ? visar hjälp och b går tillbaka.",
            "  Answer y (yes), n (no) or u (unknown); ? shows help and b goes back."
        )
    }

    pub fn no_previous(self) -> &'static str {
        pick!(
            self,
            "  Det här är den första frågan.",
            "  This is the first question."
        )
    }

    pub fn nothing_to_ask(self) -> &'static str {
        pick!(
            self,
            "Alla frågor är redan besvarade.",
            "Every question is already answered."
        )
    }

    pub fn interview_intro(self, count: usize) -> String {
        pick!(
            self,
            format!(
                "{count} {} att besvara. Svara ja, nej eller vet ej; ? visar hjälp och källa.",
                if count == 1 { "fråga" } else { "frågor" }
            ),
            format!(
                "{count} {} to answer. Answer yes, no or unknown; ? shows help and source.",
                if count == 1 { "question" } else { "questions" }
            )
        )
    }

    /// The heading of an interview over several sets.
    pub fn interview_all_sets(self, sets: &[&str]) -> String {
        pick!(
            self,
            format!(
                "Frågorna i alla uppsättningar ({}). För en enda kommuns checklista: --set ID.",
                sets.join(", ")
            ),
            format!(
                "The questions of every set ({}). For one municipality's checklist: --set ID.",
                sets.join(", ")
            )
        )
    }

    pub fn review_heading(self) -> &'static str {
        pick!(self, "Dina svar:", "Your answers:")
    }

    pub fn review_prompt(self, count: usize) -> String {
        pick!(
            self,
            format!(
                "Ändra ett svar med dess nummer (1–{count}), eller tryck Enter för bedömningen >"
            ),
            format!("Change an answer by its number (1–{count}), or press Enter for the verdict >")
        )
    }

    pub fn review_hint(self, count: usize) -> String {
        pick!(
            self,
            format!("  Skriv ett nummer från 1 till {count}, eller tryck Enter."),
            format!("  Type a number from 1 to {count}, or press Enter.")
        )
    }

    /// After an interview that ended early: what was saved, and how to go on.
    pub fn interrupted(self, saved: Option<(usize, &str)>, set: Option<&str>) -> String {
        let set = set.map(|s| format!(" --set {s}")).unwrap_or_default();
        match saved {
            Some((count, file)) => pick!(
                self,
                format!(
                    "Avbrutet. {count} svar är sparade i {file}.\nFortsätt där du slutade med: iop check {file} -i --save {file}{set}"
                ),
                format!(
                    "Interrupted. {count} {} saved in {file}.\nContinue where you left off with: iop check {file} -i --save {file}{set}",
                    if count == 1 { "answer is" } else { "answers are" }
                )
            ),
            None => pick!(
                self,
                "Avbrutet. Svaren sparades inte; med --save FIL sparas varje svar när det ges.".to_string(),
                "Interrupted. The answers were not saved; with --save FILE every answer is saved as it is given.".to_string()
            ),
        }
    }

    pub fn saved(self, count: usize, file: &str) -> String {
        pick!(
            self,
            format!("{count} svar sparade i {file}."),
            format!("{count} answers saved in {file}.")
        )
    }

    // --- the answer template --------------------------------------------------------

    pub fn template_intro(self) -> [&'static str; 5] {
        pick!(
            self,
            [
                "Svarsfil för iop: ett samarbete mellan en kommun och en idéburen organisation.",
                "Fyll i [case] och besvara varje fråga under [answers] med",
                "  true (ja), false (nej) eller \"unknown\" (vet ej).",
                "Skriv gärna under [notes] varför du svarade som du gjorde.",
                "Kontrollera sedan med: iop check FIL",
            ],
            [
                "Answer file for iop: a collaboration between a municipality and an idéburen organisation.",
                "Fill in [case] and answer each question under [answers] with",
                "  true (yes), false (no) or \"unknown\".",
                "Under [notes], say why you answered as you did.",
                "Then check it with: iop check FILE",
            ]
        )
    }

    pub fn template_case_fields(self) -> [(&'static str, &'static str); 4] {
        pick!(
            self,
            [
                ("title", "ärendets namn"),
                ("organisation", "den idéburna organisationen"),
                ("public_party", "kommunen, regionen eller förvaltningen"),
                ("description", "vad samarbetet gäller"),
            ],
            [
                ("title", "the name of the case"),
                ("organisation", "the idéburen organisation"),
                ("public_party", "the municipality, region or administration"),
                ("description", "what the collaboration is about"),
            ]
        )
    }

    pub fn template_notes(self) -> [&'static str; 2] {
        pick!(
            self,
            [
                "Varför varje svar gavs, med frågans id, till exempel:",
                "cofinanced = \"Föreningen bidrar med lokal och ideell tid.\""
            ],
            [
                "Why each answer was given, by the question's id, for example:",
                "cofinanced = \"The association contributes premises and volunteer time.\""
            ]
        )
    }

    /// Which answer meets a criterion, for a template's comments.
    pub fn met_when(self, ok: bool) -> String {
        let (answer, value) = if ok {
            (self.answer(Some(Answer::Yes)), "true")
        } else {
            (self.answer(Some(Answer::No)), "false")
        };
        pick!(
            self,
            format!("uppfyllt vid svaret {answer} ({value})."),
            format!("met when the answer is {answer} ({value}).")
        )
    }

    pub fn written(self, file: &str) -> String {
        pick!(self, format!("Skrev {file}."), format!("Wrote {file}."))
    }

    // --- outcomes -------------------------------------------------------------------

    pub fn expect_mismatch(self, set: &str, expected: Verdict, actual: Verdict) -> String {
        pick!(
            self,
            format!("{set}: förväntade {expected}, fick {actual}"),
            format!("{set}: expected {expected}, got {actual}")
        )
    }

    pub fn failed_label(self) -> &'static str {
        pick!(self, "ej uppfyllda", "not met")
    }

    pub fn open_label(self) -> &'static str {
        pick!(self, "öppna", "open")
    }

    pub fn no_expectations(self) -> &'static str {
        pick!(
            self,
            "filen har ingen [expect]-tabell",
            "the file has no [expect] table"
        )
    }

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
            Problem::Read(e) => (pick!(self, format!("kan inte läsa filen: {e}"), format!("cannot read the file: {e}")), None),
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
                    "en uppsättning har `id`, `name`, [source] och [[criterion]]; en frågebank har [[question]]".into(),
                    "a set has `id`, `name`, [source] and [[criterion]]; a question bank has [[question]]".into()
                )),
            ),
            Problem::BothKinds => (
                pick!(
                    self,
                    "filen är både en kriterieuppsättning och en frågebank".into(),
                    "the file is both a criteria set and a question bank".into()
                ),
                Some(pick!(self, "lägg [[question]] i en egen fil".into(), "put [[question]] in a file of its own".into())),
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
            Problem::Write(e) => (pick!(self, format!("kan inte skriva filen: {e}"), format!("cannot write the file: {e}")), None),
            Problem::ReplacesBuiltin { id } => (
                pick!(
                    self,
                    format!("uppsättningen `{id}` ersätter den inbyggda uppsättningen med samma id"),
                    format!("set `{id}` replaces the built-in set with the same id")
                ),
                None,
            ),
            Problem::UnusedQuestion { id } => (
                pick!(self, format!("frågan `{id}` används inte av någon uppsättning"), format!("question `{id}` is not used by any set")),
                None,
            ),            trust => self.trust_problem(trust),
        }
    }

    fn verdict_ids(self) -> String {
        let ids: Vec<&str> = Verdict::ALL.iter().map(|v| v.id()).collect();
        self.one_of(&ids).replace('`', "\"")
    }
}

// --- trust (issue 11) ---
impl Words {
    /// The problems of reading and writing safely: limits, special files, the answer
    /// file changed or locked elsewhere, and the cap on problems per file.
    fn trust_problem(self, problem: &Problem) -> (String, Option<String>) {
        match problem {
            Problem::TooLarge { limit } => (
                pick!(
                    self,
                    format!(
                        "filen är större än {}, det mesta iop läser",
                        self.size(*limit)
                    ),
                    format!(
                        "the file is larger than {}, the most iop reads",
                        self.size(*limit)
                    )
                ),
                Some(pick!(
                    self,
                    "en svarsfil är några kilobyte: är det rätt fil?".into(),
                    "an answer file is a few kilobytes: is this the right file?".into()
                )),
            ),
            Problem::LineTooLong { limit } => (
                pick!(
                    self,
                    format!(
                        "en rad i svaren är längre än {}, det mesta iop läser; intervjun avbröts",
                        self.size(*limit as u64)
                    ),
                    format!(
                        "a line of input is longer than {}, the most iop reads; the interview stopped",
                        self.size(*limit as u64)
                    )
                ),
                None,
            ),
            Problem::NotRegular { kind } => (
                pick!(
                    self,
                    format!(
                        "det här är {}, inte en vanlig fil; den lästes inte",
                        self.file_kind(*kind)
                    ),
                    format!(
                        "this is {}, not a regular file; it was not read",
                        self.file_kind(*kind)
                    )
                ),
                None,
            ),
            Problem::WontWrite { kind } => (
                pick!(
                    self,
                    format!(
                        "det här är {}; iop skriver inte till den, och inget skrevs",
                        self.file_kind(*kind)
                    ),
                    format!(
                        "this is {}; iop does not write to it, and nothing was written",
                        self.file_kind(*kind)
                    )
                ),
                Some(pick!(
                    self,
                    "välj en vanlig fil".into(),
                    "choose a regular file".into()
                )),
            ),
            Problem::TimedOut {
                seconds,
                writing: false,
            } => (
                pick!(
                    self,
                    format!("inget kom från filen på {seconds} sekunder; iop gav upp"),
                    format!("nothing came from the file within {seconds} seconds; iop gave up")
                ),
                Some(pick!(
                    self,
                    "en FIFO eller enhet läses bara när något skriver till den".into(),
                    "a FIFO or device is read only while something writes to it".into()
                )),
            ),
            Problem::TimedOut {
                seconds,
                writing: true,
            } => (
                pick!(
                    self,
                    format!("ingen läste från filen på {seconds} sekunder; inget skrevs"),
                    format!(
                        "no one read from the file within {seconds} seconds; nothing was written"
                    )
                ),
                None,
            ),
            Problem::DanglingLink { target } => (
                pick!(
                    self,
                    format!(
                        "filen är en symbolisk länk till {target}, som inte finns; inget skrevs"
                    ),
                    format!(
                        "the file is a symbolic link to {target}, which does not exist; nothing was written"
                    )
                ),
                Some(pick!(
                    self,
                    "skriv till länkens mål direkt, eller ta bort länken".into(),
                    "write to the link's target directly, or remove the link".into()
                )),
            ),
            Problem::OtherCase { title, conflicts } => {
                let title = title
                    .as_deref()
                    .map(|t| format!(" ({t})"))
                    .unwrap_or_default();
                let refs: Vec<&str> = conflicts.iter().map(String::as_str).collect();
                let answers = if refs.is_empty() {
                    String::new()
                } else {
                    pick!(
                        self,
                        format!(", med andra svar på {}", self.all_of(&refs)),
                        format!(", with other answers to {}", self.all_of(&refs))
                    )
                };
                (
                    pick!(
                        self,
                        format!("filen är svarsfil för ett annat ärende{title}{answers}; den har inte ändrats"),
                        format!("the file holds the answers of another case{title}{answers}; it was left as it was")
                    ),
                    Some(pick!(
                        self,
                        "välj ett annat filnamn för --save, eller --force för att ändå spara svaren i den".into(),
                        "choose another file name for --save, or --force to save the answers in it anyway".into()
                    )),
                )
            }
            Problem::ChangedOutside { conflicts } => {
                let refs: Vec<&str> = conflicts.iter().map(String::as_str).collect();
                let what = if refs.is_empty() {
                    pick!(
                        self,
                        "filen ändrades under intervjun och är inte längre en giltig svarsfil".to_string(),
                        "the file was changed during the interview and is no longer a valid answer file".to_string()
                    )
                } else {
                    pick!(
                        self,
                        format!(
                            "filen ändrades under intervjun: svaren på {} ändrades både där och här",
                            self.all_of(&refs)
                        ),
                        format!(
                            "the file was changed during the interview: the answers to {} changed both there and here",
                            self.all_of(&refs)
                        )
                    )
                };
                (
                    pick!(
                        self,
                        format!("{what}; intervjun avbröts och filen lämnades som den var"),
                        format!("{what}; the interview stopped and left the file as it was")
                    ),
                    Some(pick!(
                        self,
                        "rätta filen och fortsätt med: iop check FIL -i --save FIL".into(),
                        "mend the file, then go on with: iop check FILE -i --save FILE".into()
                    )),
                )
            }
            Problem::Busy { seconds } => (
                pick!(
                    self,
                    format!(
                        "en annan iop sparade i filen i mer än {seconds} sekunder; inget sparades"
                    ),
                    format!(
                        "another iop was saving to the file for more than {seconds} seconds; nothing was saved"
                    )
                ),
                None,
            ),
            Problem::MoreProblems { count } => (
                pick!(
                    self,
                    format!("… och {} problem till i den här filen", self.number(*count)),
                    format!("… and {} more problems in this file", self.number(*count))
                ),
                None,
            ),
            other => (format!("{other:?}"), None),
        }
    }

    /// A kind of special file, with its article.
    pub fn file_kind(self, kind: FileKind) -> &'static str {
        match kind {
            FileKind::Fifo => pick!(
                self,
                "en namngiven rörledning (FIFO)",
                "a named pipe (FIFO)"
            ),
            FileKind::CharDevice => pick!(self, "en teckenenhet", "a character device"),
            FileKind::BlockDevice => pick!(self, "en blockenhet", "a block device"),
            FileKind::Socket => pick!(self, "en socket", "a socket"),
            FileKind::Other => pick!(self, "en specialfil", "a special file"),
        }
    }

    /// A size limit: "16 MiB", "64 KiB".
    fn size(self, bytes: u64) -> String {
        match bytes {
            b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
            b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
            b => pick!(self, format!("{b} byte"), format!("{b} bytes")),
        }
    }

    /// A count with its thousands grouped: "4,950" / "4 950".
    fn number(self, n: usize) -> String {
        let digits = n.to_string();
        let separator = pick!(self, '\u{a0}', ',');
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(separator);
            }
            out.push(d);
        }
        out
    }

    /// A write to standard output or standard error failed.
    pub fn output_failed(self, stderr: bool, error: &str) -> String {
        let stream = match stderr {
            false => pick!(self, "standard ut", "standard output"),
            true => pick!(self, "standard fel", "standard error"),
        };
        pick!(
            self,
            format!("kan inte skriva till {stream}: {error}"),
            format!("cannot write to {stream}: {error}")
        )
    }

    /// After an interview that ended before its first answer was saved in a new file.
    pub fn interrupted_unsaved(self, file: &str) -> String {
        pick!(
            self,
            format!("Avbrutet före första svaret; inget skrevs till {file}."),
            format!("Interrupted before the first answer; nothing was written to {file}.")
        )
    }
}

/// The words of the trust block in both languages (issue 11).
#[cfg(test)]
mod trust_words {
    use super::*;

    #[test]
    fn every_trust_problem_has_words_in_both_languages() {
        let problems = [
            Problem::TooLarge { limit: 16 << 20 },
            Problem::LineTooLong { limit: 64 << 10 },
            Problem::NotRegular {
                kind: FileKind::Fifo,
            },
            Problem::WontWrite {
                kind: FileKind::BlockDevice,
            },
            Problem::TimedOut {
                seconds: 10,
                writing: false,
            },
            Problem::TimedOut {
                seconds: 10,
                writing: true,
            },
            Problem::DanglingLink { target: "x".into() },
            Problem::OtherCase {
                title: Some("T".into()),
                conflicts: vec!["cofinanced".into()],
            },
            Problem::ChangedOutside {
                conflicts: Vec::new(),
            },
            Problem::Busy { seconds: 10 },
            Problem::MoreProblems { count: 4_950 },
        ];
        for problem in &problems {
            let (sv, _) = Words(Lang::Sv).problem(problem);
            let (en, _) = Words(Lang::En).problem(problem);
            assert!(!sv.is_empty() && !en.is_empty() && sv != en, "{problem:?}");
            assert!(!en.contains("TooLarge") && !sv.contains('{'), "{en} / {sv}");
        }
        let (en, _) = Words(Lang::En).problem(&problems[0]);
        assert!(en.contains("16 MiB"), "{en}");
        let (en, _) = Words(Lang::En).problem(&problems[10]);
        assert_eq!(en, "… and 4,950 more problems in this file");
        let (sv, _) = Words(Lang::Sv).problem(&problems[10]);
        assert_eq!(sv, "… och 4\u{a0}950 problem till i den här filen");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::tests::env;

    #[test]
    fn locale_order_is_lc_all_lc_messages_lang() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "sv_SE.UTF-8")])), Lang::Sv);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "sv_SE")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_MESSAGES", "sv_FI"), ("LANG", "C")])),
            Lang::Sv
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "sv")])),
            Lang::Sv
        );
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list(&["a", "b", "c"], "och"), "a, b och c");
        assert_eq!(Words(Lang::En).one_of(&["x", "y"]), "`x` or `y`");
    }

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
