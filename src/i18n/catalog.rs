//! The words of `iop sets`, `iop show`, `iop init` and `iop validate`: the criteria
//! themselves, the answer template and the check of criteria files.

use super::Words;
use crate::lang::Lang;
use crate::model::{Answer, SetKind};

impl Words {
    pub fn sets_header(self) -> [&'static str; 5] {
        pick!(
            self,
            ["ID", "NAMN", "SORT", "KRITERIER", "Källa"],
            ["ID", "NAME", "KIND", "CRITERIA", "Source"]
        )
    }

    /// What kind of body a set comes from.
    pub fn set_kind(self, kind: SetKind) -> &'static str {
        match kind {
            SetKind::Kommun => pick!(self, "kommun", "municipality"),
            SetKind::Region => pick!(self, "region", "region"),
            SetKind::NationalModel => pick!(self, "nationell modell", "national model"),
            SetKind::Inquiry => pick!(self, "statlig utredning", "government inquiry"),
        }
    }

    pub fn kind_label(self) -> &'static str {
        pick!(self, "Sort", "Kind")
    }

    pub fn date_label(self) -> &'static str {
        pick!(self, "Datum", "Date")
    }

    /// Whether the stored list of a set's criteria is complete.
    pub fn list_complete(self, complete: bool) -> &'static str {
        if complete {
            pick!(
                self,
                "Källans lista över kriterier är fullständig.",
                "The source's list of criteria is complete."
            )
        } else {
            pick!(
                self,
                "Källans lista över kriterier är inte fullständig i den lagrade kopian.",
                "The source's list of criteria is not complete in the stored copy."
            )
        }
    }

    pub fn governs_label(self) -> &'static str {
        pick!(self, "Gäller för", "Governs")
    }

    pub fn derives_label(self) -> &'static str {
        pick!(self, "Bygger på", "Derives from")
    }

    /// That the legal test applies before a set's criteria; `name` is escaped.
    pub fn law_applies(self, name: &str) -> String {
        pick!(
            self,
            format!("{name}: görs före kriterierna och gäller varje uppsättning (se iop show)."),
            format!("{name}: applies before the criteria, to every set (see iop show).")
        )
    }

    pub fn advisory_only(self) -> &'static str {
        pick!(
            self,
            "en rekommendation som inte påverkar bedömningen",
            "a recommendation that does not change the verdict"
        )
    }

    pub fn route_source_label(self) -> &'static str {
        pick!(self, "Vägens källa", "Route's source")
    }

    pub fn design_note(self) -> &'static str {
        pick!(
            self,
            "parterna kan påverka svaret genom hur de utformar samarbetet",
            "the parties can shape the answer by how they design the partnership"
        )
    }

    /// That a question is part of a fact.
    pub fn part_of_fact(self, fact: &str) -> String {
        pick!(
            self,
            format!("(del av prövningen {fact})"),
            format!("(part of the test {fact})")
        )
    }

    pub fn facts_heading(self, count: usize) -> String {
        pick!(
            self,
            format!(
                "Sammanvägda prövningar: {count}, som uppsättningarna och den rättsliga prövningen använder som frågor"
            ),
            format!(
                "Tests made of questions: {count}, used by the sets and the legal test as questions"
            )
        )
    }

    pub fn fact_label(self) -> &'static str {
        pick!(self, "Prövning", "Test")
    }

    pub fn all_of_label(self) -> &'static str {
        pick!(self, "Sann när alla är ja", "True when all are yes")
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

    /// What the template's first line is for, and the command that makes the schema it
    /// names; `file` is the schema's file name.
    pub fn template_schema(self, file: &str) -> [String; 2] {
        [
            pick!(
                self,
                "Första raden låter en editor (VS Code med Even Better TOML) fylla i och kontrollera filen",
                "The first line lets an editor (VS Code with Even Better TOML) complete and check this file"
            )
            .to_string(),
            pick!(
                self,
                format!("  när schemat finns i samma mapp: iop schema answers > {file}"),
                format!("  once the schema is in its folder: iop schema answers > {file}")
            ),
        ]
    }

    pub fn template_case_fields(self) -> [(&'static str, &'static str); 8] {
        pick!(
            self,
            [
                ("title", "ärendets namn"),
                ("organisation", "den idéburna organisationen"),
                ("public_party", "kommunen eller regionen, som i iop sets"),
                ("description", "vad samarbetet gäller"),
                ("reference", "diarienummer"),
                (
                    "date",
                    "bedömningens datum, till exempel 2026-11-26 (utan citattecken)"
                ),
                ("officer", "handläggare"),
                (
                    "decision_body",
                    "beslutsinstans, till exempel socialnämnden"
                ),
            ],
            [
                ("title", "the name of the case"),
                ("organisation", "the idéburen organisation"),
                ("public_party", "the municipality or region, as in iop sets"),
                ("description", "what the collaboration is about"),
                ("reference", "the case reference (diarienummer)"),
                (
                    "date",
                    "the date of the assessment, for example 2026-11-26 (no quotes)"
                ),
                ("officer", "the official handling the case (handläggare)"),
                (
                    "decision_body",
                    "the body that decides (beslutsinstans), for example the social services committee"
                ),
            ]
        )
    }

    /// The heading above the law's questions in a template.
    pub fn template_law(self) -> &'static str {
        pick!(
            self,
            "Rättslig prövning: frågorna gäller varje uppsättning och besvaras först.",
            "Legal test: these questions apply to every set and come first."
        )
    }

    /// The heading above a set's own questions in a template.
    pub fn template_criteria(self) -> &'static str {
        pick!(self, "Kriterierna:", "The criteria:")
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

    // --- iop validate ---------------------------------------------------------------

    /// Where an unknown key stands: in a named table, or at the top of the file.
    pub fn in_table(self, table: &str) -> String {
        if table.is_empty() {
            pick!(self, "överst i filen", "at the top of the file").to_string()
        } else {
            pick!(self, format!("i [{table}]"), format!("in [{table}]"))
        }
    }

    /// The closing line of `iop validate`: how many files, errors and warnings.
    pub fn validate_summary(self, files: usize, errors: usize, warnings: usize) -> String {
        pick!(
            self,
            format!(
                "{files} {} {}: {errors} fel, {warnings} {}",
                if files == 1 { "fil" } else { "filer" },
                if files == 1 {
                    "kontrollerad"
                } else {
                    "kontrollerade"
                },
                if warnings == 1 {
                    "varning"
                } else {
                    "varningar"
                }
            ),
            format!(
                "{files} {} checked: {errors} {}, {warnings} {}",
                if files == 1 { "file" } else { "files" },
                if errors == 1 { "error" } else { "errors" },
                if warnings == 1 { "warning" } else { "warnings" }
            )
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_agrees_in_number() {
        assert_eq!(
            Words(Lang::Sv).validate_summary(1, 1, 1),
            "1 fil kontrollerad: 1 fel, 1 varning"
        );
        assert_eq!(
            Words(Lang::Sv).validate_summary(6, 0, 2),
            "6 filer kontrollerade: 0 fel, 2 varningar"
        );
        assert_eq!(
            Words(Lang::En).validate_summary(1, 1, 1),
            "1 file checked: 1 error, 1 warning"
        );
        assert_eq!(
            Words(Lang::En).validate_summary(6, 0, 2),
            "6 files checked: 0 errors, 2 warnings"
        );
    }

    #[test]
    fn a_key_is_placed_in_its_table() {
        assert_eq!(Words(Lang::Sv).in_table(""), "överst i filen");
        assert_eq!(Words(Lang::En).in_table("source"), "in [source]");
    }
}
