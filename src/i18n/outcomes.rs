//! The words of a verdict and of the reports that give it: verdicts, answers, routes,
//! statuses, the legal test and the labels of the text report.

use super::Words;
use crate::advice::Kind;
use crate::engine::{LawOutcome, Reason, Status};
use crate::lang::Lang;
use crate::model::{Answer, Route, Verdict};

impl Words {
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
            Verdict::Undetermined => pick!(self, "kan inte avgöras", "undetermined"),
        }
    }

    /// What a verdict means for the case, by the rule that decided it. An IOP is where the
    /// criteria and the legal test point, not a finished legal assessment.
    pub fn reason(self, reason: Reason) -> &'static str {
        match reason {
            Reason::Iop => pick!(
                self,
                "Kriterierna och den rättsliga prövningen pekar mot ett IOP. Det är en första bedömning: överenskommelsen behöver granskas av kommunens eller regionens jurist innan den ingås.",
                "The criteria and the legal test point to an IOP. This is a first assessment: the agreement needs review by the municipality's or region's lawyer before it is entered into."
            ),
            Reason::Contract => pick!(
                self,
                "Inte ett IOP. Avtalet är ett offentligt kontrakt enligt den prövning som HFD 2020 ref. 15 gör: det ska upphandlas enligt LOU, vad parterna än kallar det.",
                "Not an IOP. The agreement is a public contract by the test of HFD 2020 ref. 15: it must be procured under LOU, whatever the parties call it."
            ),
            Reason::Purchase => pick!(
                self,
                "Inte ett IOP. Det som brister pekar mot ett köp, och ett köp ska upphandlas.",
                "Not an IOP. What fails points to a purchase, and a purchase must be procured."
            ),
            Reason::Grant => pick!(
                self,
                "Inte ett IOP. Det som brister pekar mot att stödja organisationen med föreningsbidrag.",
                "Not an IOP. What fails points to supporting the organisation with an association grant."
            ),
            Reason::LegalReview => pick!(
                self,
                "Ingen samarbetsform kan väljas ännu: den rättsliga prövningen kräver en juridisk bedömning (statligt stöd eller kommunallagen) innan ett beslut kan fattas.",
                "No form can be chosen yet: the legal test calls for a legal assessment (state aid or the Local Government Act) before a decision can be taken."
            ),
            Reason::FailsWithoutRoute => pick!(
                self,
                "Ingen samarbetsform kan rekommenderas: ett kriterium är inte uppfyllt som varken pekar mot föreningsbidrag eller upphandling. Det behöver åtgärdas först.",
                "No form can be recommended: a criterion is not met that points to neither an association grant nor procurement. It needs to be dealt with first."
            ),
            Reason::Open => pick!(
                self,
                "Ingen samarbetsform kan rekommenderas ännu: frågor är obesvarade.",
                "No form can be recommended yet: questions are still open."
            ),
        }
    }

    /// The verdict a set's own criteria give, beside the verdict with the law.
    pub fn criteria_verdict(self, verdict: Verdict) -> String {
        let verdict = self.verdict(verdict);
        pick!(
            self,
            format!("Enligt kriterierna ensamma: {verdict}"),
            format!("By the criteria alone: {verdict}")
        )
    }

    /// When the legal test is still open while a set's criteria give IOP; `set` is the
    /// set's name, escaped by the caller.
    pub fn law_not_settled(self, set: &str) -> String {
        pick!(
            self,
            format!(
                "{set}: kriterierna pekar mot IOP, men den rättsliga prövningen är inte avgjord."
            ),
            format!("{set}: the criteria point to an IOP, but the legal test is not settled.")
        )
    }

    /// The outcome of the legal test.
    pub fn law_outcome(self, outcome: LawOutcome) -> &'static str {
        match outcome {
            LawOutcome::Contract => pick!(
                self,
                "offentligt kontrakt: ska upphandlas",
                "public contract: must be procured"
            ),
            LawOutcome::Review => pick!(
                self,
                "kräver juridisk bedömning",
                "needs a legal assessment"
            ),
            LawOutcome::Open => pick!(
                self,
                "inte avgjord: frågor är öppna",
                "not settled: questions are open"
            ),
            LawOutcome::Clear => pick!(self, "inget hinder", "no obstacle"),
        }
    }

    /// A fact's value: true, false or open.
    pub fn fact_answer(self, answer: Option<Answer>) -> &'static str {
        match answer.and_then(Answer::known) {
            Some(true) => pick!(self, "ja", "yes"),
            Some(false) => pick!(self, "nej", "no"),
            None => pick!(self, "öppen", "open"),
        }
    }

    /// The verdicts still possible; `list` is joined by the caller ("IOP eller upphandling").
    pub fn still_possible(self, list: &str) -> String {
        pick!(
            self,
            format!("Kan fortfarande bli: {list}"),
            format!("Could still become: {list}")
        )
    }

    /// The open question that settles the most; `text` is escaped by the caller.
    pub fn deciding_question(self, text: &str, id: &str) -> String {
        pick!(
            self,
            format!("Avgörande fråga: {text} [{id}]"),
            format!("Deciding question: {text} [{id}]")
        )
    }

    /// The heading over what a set would need to become an IOP, by kind.
    pub fn would_take(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Design => pick!(
                self,
                "Ett IOP kräver att detta ändras, och det kan parterna påverka genom hur de utformar samarbetet:",
                "An IOP needs this changed, which the parties can do by how they design the partnership:"
            ),
            Kind::Fixed => pick!(
                self,
                "Ett IOP kräver att detta stämmer, men det kan inte ändras:",
                "An IOP needs this to hold, but it cannot be changed:"
            ),
            Kind::Open => pick!(
                self,
                "Ett IOP kräver att detta utreds och stämmer:",
                "An IOP needs this settled, and to hold:"
            ),
        }
    }

    /// The summary line's note on what a verdict could still become; `list` is joined by
    /// the caller.
    pub fn could_become(self, list: &str) -> String {
        pick!(
            self,
            format!("möjliga: {list}"),
            format!("possible: {list}")
        )
    }

    /// Beside the set that governs the case's public party; `party` is escaped.
    pub fn governs(self, party: &str) -> String {
        pick!(
            self,
            format!("(kriterierna för {party})"),
            format!("(the criteria for {party})")
        )
    }

    pub fn summary_label(self) -> &'static str {
        pick!(self, "Sammanfattning", "Summary")
    }

    pub fn recommended(self) -> &'static str {
        pick!(self, "rekommenderat", "recommended")
    }

    pub fn advisories_heading(self, count: usize) -> String {
        pick!(
            self,
            format!("Rekommendationer som inte är uppfyllda ({count})"),
            format!("Recommendations not met ({count})")
        )
    }

    pub fn advisories_lead(self) -> &'static str {
        pick!(
            self,
            "Rekommenderade kriterier påverkar inte bedömningen.",
            "Recommended criteria do not change the verdict."
        )
    }

    /// That a verdict is not complete; `settled` when no answer to the open questions
    /// can change it.
    pub fn not_complete(self, open: usize, settled: bool) -> String {
        let count = self.plural(
            open,
            ("öppen fråga", "öppna frågor"),
            ("open question", "open questions"),
        );
        match (self.0, settled) {
            (Lang::Sv, false) => {
                format!("Bedömningen är inte fullständig: {count} kan fortfarande ändra den.")
            }
            (Lang::Sv, true) => format!(
                "Bedömningen är inte fullständig: {count} återstår, men inget svar på dem kan ändra bedömningen."
            ),
            (Lang::En, false) => format!("Not complete: {count} could still change this verdict."),
            (Lang::En, true) => format!(
                "Not complete: {count} remain, but no answer to them can change this verdict."
            ),
        }
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
            Status::Met => pick!(self, "stämmer", "met"),
            Status::Failed => pick!(self, "stämmer inte", "not met"),
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

    pub fn reference_label(self) -> &'static str {
        pick!(self, "Diarienummer", "Reference")
    }

    pub fn date_label_case(self) -> &'static str {
        pick!(self, "Datum", "Date")
    }

    pub fn officer_label(self) -> &'static str {
        pick!(self, "Handläggare", "Officer")
    }

    pub fn decision_body_label(self) -> &'static str {
        pick!(self, "Beslutsinstans", "Decision body")
    }

    pub fn file_label(self) -> &'static str {
        pick!(self, "Fil", "File")
    }

    pub fn matrix_legend(self) -> &'static str {
        pick!(
            self,
            "✓ stämmer  ✗ stämmer inte  ? öppen  · används inte av uppsättningen; de tre första raderna är den rättsliga prövningen, som gäller alla",
            "✓ met  ✗ not met  ? open  · not used by the set; the first three rows are the legal test, which applies to every set"
        )
    }

    pub fn matrix_detail_hint(self) -> &'static str {
        pick!(
            self,
            "Hela motiveringen för en uppsättning, med alla källor: iop check FIL --set ID",
            "The full reasoning for one set, with every source: iop check FILE --set ID"
        )
    }

    pub fn untitled(self) -> &'static str {
        pick!(self, "Namnlöst ärende", "Untitled case")
    }

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

    /// The column heads of a job summary's totals: passed, failed, skipped, errors.
    pub fn summary_header(self) -> [&'static str; 4] {
        pick!(
            self,
            ["klarade", "klarade inte", "hoppades över", "fel i filen"],
            ["passed", "failed", "skipped", "file errors"]
        )
    }

    pub fn summary_failing(self) -> &'static str {
        pick!(self, "Ärenden som inte klarade testet", "Failing cases")
    }

    pub fn summary_broken(self) -> &'static str {
        pick!(
            self,
            "Filer som inte kunde läsas, med det första felet",
            "Files that could not be read, with their first problem"
        )
    }

    /// The line that says how many more were left out of a list.
    pub fn summary_more(self, count: usize) -> String {
        pick!(
            self,
            format!("… och {count} till"),
            format!("… and {count} more")
        )
    }

    pub fn summary_line_label(self) -> &'static str {
        pick!(self, "rad", "line")
    }

    /// That the job summary could not be written; `file` and `error` are escaped.
    pub fn summary_not_written(self, file: &str, error: &str) -> String {
        pick!(
            self,
            format!("sammanfattningen kunde inte skrivas till {file}: {error}"),
            format!("the job summary could not be written to {file}: {error}")
        )
    }
}
