//! The labels of the decision memo (`iop check --format markdown|html|docx`) and of the
//! draft IOP agreement (`iop agreement`), in Swedish and English.
//!
//! Only the interface's own words are here: what the memo says about the law, the next
//! steps and the agreement's sections is data in `criteria/`. Every text is as written;
//! each drawer escapes it for its format.

use super::{Lang, Words};
use crate::model::Verdict;

impl Words {
    // --- the memo: heading and case ---------------------------------------------------

    pub fn memo_kind(self) -> &'static str {
        pick!(
            self,
            "Beslutsunderlag: val av samarbetsform",
            "Decision memo: choice of collaboration form"
        )
    }

    pub fn memo_lead(self) -> &'static str {
        pick!(
            self,
            "Underlag för beslut om samarbetet ska ingås som idéburet offentligt partnerskap (IOP), stödjas med föreningsbidrag eller upphandlas. Den rättsliga prövningen redovisas först, sedan varje kriterium med bedömning, motivering och källa.",
            "Basis for deciding whether the collaboration should be entered into as an idéburet offentligt partnerskap (IOP), supported with an association grant (föreningsbidrag) or procured (upphandling). The legal test comes first, then each criterion with its result, the reasons and its source."
        )
    }

    pub fn case_heading(self) -> &'static str {
        pick!(self, "Ärendet", "The case")
    }

    /// The case's particulars: diarienummer, date, handläggare, beslutsinstans, the
    /// organisation and the public party.
    pub fn case_labels(self) -> [&'static str; 6] {
        pick!(
            self,
            [
                "Diarienummer",
                "Datum",
                "Handläggare",
                "Beslutsinstans",
                "Idéburen organisation",
                "Offentlig part",
            ],
            [
                "Case reference (diarienummer)",
                "Date",
                "Case officer (handläggare)",
                "Decision body (beslutsinstans)",
                "Idéburen organisation",
                "Public party",
            ]
        )
    }

    /// A label as the object of a gap: "Diarienummer" gives "diarienummer".
    pub fn lower(self, label: &str) -> String {
        let mut chars = label.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// A gap for the reader to fill in.
    pub fn fill_in(self, what: &str) -> String {
        pick!(
            self,
            format!("[Fyll i: {what}]"),
            format!("[Fill in: {what}]")
        )
    }

    pub fn memo_footer(self) -> &'static str {
        pick!(
            self,
            "Bedömningen är framtagen med iop utifrån ärendets svar och kriterierna i de angivna källorna. Den är ett stöd för beslutet, inte beslutet självt.",
            "This assessment was made with iop from the case's answers and the criteria of the sources named. It supports the decision; it does not make it."
        )
    }

    // --- the memo: assessment ---------------------------------------------------------

    pub fn assessment_heading(self) -> &'static str {
        pick!(self, "Bedömning", "Assessment")
    }

    /// Which set the assessment follows; `set` is its name.
    pub fn governing_lead(self, set: &str) -> String {
        pick!(
            self,
            format!(
                "Ärendet bedöms enligt kriterierna från {set}, som gäller för ärendet, efter den rättsliga prövning som görs i varje ärende."
            ),
            format!(
                "The case is assessed by the criteria of {set}, which apply to it, after the legal test made in every case."
            )
        )
    }

    /// The lead of the verdict line; `set` is the set's name.
    pub fn verdict_by(self, set: &str) -> String {
        pick!(
            self,
            format!("Bedömning enligt {set}"),
            format!("Verdict by the criteria of {set}")
        )
    }

    /// No set governs the case; `party` is its public party, if it names one.
    pub fn no_governing_set(self, party: Option<&str>) -> String {
        match party {
            Some(party) => pick!(
                self,
                format!(
                    "Inga kriterier för {party} finns i underlaget, och ärendet anger inte vilken kriterieuppsättning som gäller. Därför jämförs uppsättningarna nedan. Jämförelsen är ingen rekommendation."
                ),
                format!(
                    "No criteria of {party} are among the sources, and the case does not say which criteria set applies. The sets are therefore compared below. The comparison is no recommendation."
                )
            ),
            None => pick!(
                self,
                "Ärendet anger varken offentlig part eller vilken kriterieuppsättning som gäller. Därför jämförs uppsättningarna nedan. Jämförelsen är ingen rekommendation.".to_string(),
                "The case names neither its public party nor the criteria set that applies. The sets are therefore compared below. The comparison is no recommendation.".to_string()
            ),
        }
    }

    pub fn criteria_heading(self, set: &str) -> String {
        pick!(
            self,
            format!("Kriterier enligt {set}"),
            format!("The criteria of {set}")
        )
    }

    pub fn set_source_label(self) -> &'static str {
        pick!(self, "Kriteriernas källa", "Source of the criteria")
    }

    /// Whether a criterion or an item holds: "Bedömning: stämmer inte".
    pub fn result_label(self) -> &'static str {
        pick!(self, "Bedömning", "Result")
    }

    pub fn outcome_label(self) -> &'static str {
        pick!(self, "Utfall", "Outcome")
    }

    /// The case's reasons for an answer (its note).
    pub fn reasons_label(self) -> &'static str {
        pick!(self, "Motivering", "Reasons")
    }

    pub fn legal_sources_label(self) -> &'static str {
        pick!(self, "Rättskällor", "Legal sources")
    }

    // --- the memo: comparison ---------------------------------------------------------

    pub fn comparison_heading(self, governed: bool) -> &'static str {
        if governed {
            pick!(
                self,
                "Jämförelse med andra kriterieuppsättningar",
                "Comparison with other criteria sets"
            )
        } else {
            pick!(
                self,
                "Jämförelse mellan kriterieuppsättningar",
                "Comparison of criteria sets"
            )
        }
    }

    pub fn comparison_lead(self, governed: bool) -> &'static str {
        if governed {
            pick!(
                self,
                "Andra kommuners, regioners och nationella modellers kriterier, för jämförelse. De gäller inte ärendet. Tabellen visar vad som skiljer: de krav i varje uppsättning som inte är uppfyllda eller är öppna, med svaret på frågan bakom.",
                "Other municipalities', regions' and national models' criteria, for comparison. They do not apply to the case. The table shows what differs: the requirements of each set that are not met or are open, with the answer to the question behind each."
            )
        } else {
            pick!(
                self,
                "Tabellen visar varje uppsättnings bedömning och de krav som inte är uppfyllda eller är öppna, med svaret på frågan bakom.",
                "The table shows each set's verdict and the requirements that are not met or are open, with the answer to the question behind each."
            )
        }
    }

    pub fn comparison_columns(self) -> [&'static str; 4] {
        pick!(
            self,
            ["Kriterieuppsättning", "Bedömning", "Ej uppfyllt", "Öppet"],
            ["Criteria set", "Verdict", "Not met", "Open"]
        )
    }

    pub fn incomplete_word(self) -> &'static str {
        pick!(self, "inte fullständig", "not complete")
    }

    // --- the memo: what is still open -------------------------------------------------

    pub fn open_heading(self) -> &'static str {
        pick!(self, "Det som återstår", "What is still open")
    }

    pub fn deciding_label(self) -> &'static str {
        pick!(
            self,
            "Den fråga som avgör mest",
            "The question that settles most"
        )
    }

    /// The lead of the open questions; `settled` when no answer to them can change the
    /// verdict.
    pub fn open_lead(self, settled: bool) -> &'static str {
        if settled {
            pick!(
                self,
                "Frågorna nedan är obesvarade eller besvarade med vet ej, men inget svar på dem kan ändra bedömningen.",
                "The questions below are not answered, or answered with unknown, but no answer to them can change the verdict."
            )
        } else {
            pick!(
                self,
                "Frågorna nedan är obesvarade eller besvarade med vet ej. Svaren kan ändra bedömningen.",
                "The questions below are not answered, or answered with unknown. Their answers may change the verdict."
            )
        }
    }

    pub fn none_open(self) -> &'static str {
        pick!(
            self,
            "Inga frågor är öppna: alla frågor som bedömningen bygger på är besvarade.",
            "No question is open: every question the assessment rests on is answered."
        )
    }

    // --- the memo: steps and sources --------------------------------------------------

    pub fn steps_heading(self) -> &'static str {
        pick!(self, "Nästa steg", "Next steps")
    }

    pub fn sources_heading(self) -> &'static str {
        pick!(self, "Källor", "Sources")
    }

    /// "Sida" and "av" of "Sida 2 av 5" in a page footer.
    pub fn page_words(self) -> (&'static str, &'static str) {
        pick!(self, ("Sida", "av"), ("Page", "of"))
    }

    // --- the agreement --------------------------------------------------------------

    /// What a verdict other than IOP means for the draft, as a clause after "enligt
    /// {set}" / "by the criteria of {set}".
    fn not_iop_clause(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Procurement => pick!(
                self,
                "pekar bedömningen mot upphandling, inte mot IOP",
                "the verdict points to procurement, not to an IOP"
            ),
            Verdict::AssociationGrant => pick!(
                self,
                "pekar bedömningen mot föreningsbidrag, inte mot IOP",
                "the verdict points to an association grant, not to an IOP"
            ),
            Verdict::Undetermined | Verdict::Iop => pick!(
                self,
                "kan bedömningen ännu inte avgöras, och ett IOP kan inte rekommenderas",
                "the verdict cannot be determined yet, and an IOP cannot be recommended"
            ),
        }
    }

    /// The warning at the head of a draft written with `--force`; `set` is the set's
    /// name and `reasons` what is not met or open.
    pub fn draft_warning(self, set: &str, verdict: Verdict, reasons: &str) -> String {
        let clause = self.not_iop_clause(verdict);
        pick!(
            self,
            format!(
                "Varning: enligt {set} {clause}. Utkastet är skrivet ändå (--force). Ej uppfyllt eller öppet: {reasons}. Inget av detta står som ett åtagande i utkastet."
            ),
            format!(
                "Warning: by the criteria of {set}, {clause}. This draft was written anyway (--force). Not met or still open: {reasons}. The draft states none of these as a commitment."
            )
        )
    }

    // --- iop agreement on the command line ----------------------------------------------

    /// Why no draft is written; `set` is the set's name and id.
    pub fn not_iop(self, set: &str, verdict: Verdict) -> String {
        let clause = self.not_iop_clause(verdict);
        pick!(
            self,
            format!("Inget utkast skrivs: enligt {set} {clause}."),
            format!("No draft written: by the criteria of {set}, {clause}.")
        )
    }

    pub fn not_iop_hint(self) -> &'static str {
        pick!(
            self,
            "Besvara de öppna frågorna och se över det som inte är uppfyllt, eller skriv utkastet ändå med --force.",
            "Answer the open questions and review what is not met, or write the draft anyway with --force."
        )
    }

    pub fn forced_warning(self) -> &'static str {
        pick!(
            self,
            "Utkastet skrevs ändå (--force), med en varning överst.",
            "The draft was written anyway (--force), with a warning at the top."
        )
    }

    /// A document that is not text (Word) is not written to a terminal.
    pub fn binary_to_terminal(self, format: &str) -> String {
        pick!(
            self,
            format!(
                "formatet {format} är ett Word-dokument och skrivs inte till terminalen; ange en fil med -o, till exempel -o beslutsunderlag.{format}"
            ),
            format!(
                "the {format} format is a Word document and is not written to the terminal; name a file with -o, for example -o memo.{format}"
            )
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_other_than_iop_reads_as_swedish() {
        let w = Words(Lang::Sv);
        assert_eq!(
            w.not_iop("Falu kommun (falun)", Verdict::Undetermined),
            "Inget utkast skrivs: enligt Falu kommun (falun) kan bedömningen ännu inte avgöras, och ett IOP kan inte rekommenderas."
        );
        assert!(
            w.not_iop("X", Verdict::Procurement)
                .contains("pekar bedömningen mot upphandling, inte mot IOP")
        );
        assert_eq!(w.lower("Diarienummer"), "diarienummer");
    }
}
