//! The words of the decision memo (`iop check --format markdown|html`) and of the draft
//! IOP agreement (`iop agreement`), in Swedish and English.
//!
//! Texts that take a part from a file take it already escaped for the output format, so
//! the fixed words here use no character that Markdown or HTML would read as markup.

use super::{Lang, Words};
use crate::model::Verdict;
use crate::report::agreement::{Body, Section};
use crate::report::memo::Step;

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
            "Underlag för beslut om samarbetet ska ingås som idéburet offentligt partnerskap (IOP), stödjas med föreningsbidrag eller upphandlas. Varje kriterium redovisas med svaret, utfallet och sin källa.",
            "Basis for deciding whether the collaboration should be entered into as an idéburet offentligt partnerskap (IOP), supported with an association grant (föreningsbidrag) or procured (upphandling). Each criterion is given with the answer, the result and its source."
        )
    }

    pub fn organisation_label(self) -> &'static str {
        pick!(self, "Idéburen organisation", "Idéburen organisation")
    }

    pub fn public_party_label(self) -> &'static str {
        pick!(self, "Offentlig part", "Public party")
    }

    pub fn answer_file_label(self) -> &'static str {
        pick!(self, "Svarsfil", "Answer file")
    }

    pub fn case_heading(self) -> &'static str {
        pick!(self, "Ärendet", "The case")
    }

    pub fn memo_footer(self) -> &'static str {
        pick!(
            self,
            "Bedömningen är framtagen med iop utifrån svaren i svarsfilen och kriterierna i de angivna källorna. Den är ett stöd för beslutet, inte beslutet självt.",
            "This assessment was made with iop from the answers in the answer file and the criteria of the sources named. It supports the decision; it does not make it."
        )
    }

    // --- the memo: verdicts -----------------------------------------------------------

    pub fn summary_heading(self) -> &'static str {
        pick!(self, "Sammanfattning", "Summary")
    }

    pub fn summary_columns(self) -> [&'static str; 4] {
        pick!(
            self,
            [
                "Kriterieuppsättning",
                "Bedömning",
                "Ej uppfyllda",
                "Öppna frågor"
            ],
            ["Criteria set", "Verdict", "Not met", "Open questions"]
        )
    }

    pub fn none_word(self) -> &'static str {
        pick!(self, "inga", "none")
    }

    /// The heading of one set's section; `name` is escaped by the caller.
    pub fn set_heading(self, name: &str) -> String {
        pick!(
            self,
            format!("Bedömning enligt {name}"),
            format!("Assessment by the criteria of {name}")
        )
    }

    pub fn set_source_label(self) -> &'static str {
        pick!(self, "Kriteriernas källa", "Source of the criteria")
    }

    pub fn criteria_columns(self) -> [&'static str; 4] {
        pick!(
            self,
            ["Nr", "Kriterium", "Svar", "Utfall"],
            ["No.", "Criterion", "Answer", "Result"]
        )
    }

    pub fn result_label(self) -> &'static str {
        pick!(self, "Utfall", "Result")
    }

    // --- the memo: open questions -----------------------------------------------------

    pub fn open_heading(self) -> &'static str {
        pick!(self, "Frågor att reda ut", "Questions to settle")
    }

    pub fn open_lead(self) -> &'static str {
        pick!(
            self,
            "Frågorna nedan är obesvarade eller besvarade med vet ej. Svaren kan ändra bedömningen.",
            "The questions below are not answered, or answered with unknown. Their answers may change the verdict."
        )
    }

    pub fn none_open(self) -> &'static str {
        pick!(
            self,
            "Inga frågor är öppna: alla frågor som kriterierna ställer är besvarade.",
            "No question is open: every question the criteria ask is answered."
        )
    }

    /// Which sets ask an open question; `sets` is escaped by the caller.
    pub fn asked_by(self, sets: &str) -> String {
        pick!(self, format!("Berör {sets}."), format!("Asked by {sets}."))
    }

    // --- the memo: next steps ---------------------------------------------------------

    pub fn steps_heading(self) -> &'static str {
        pick!(self, "Nästa steg", "Next steps")
    }

    /// The text of a step. `failures` is the escaped list of criteria that fail without
    /// pointing to a form, for `ResolveFailures`.
    pub fn step(self, step: Step, failures: &str) -> String {
        match step {
            Step::SettleOpen => pick!(
                self,
                "Reda ut frågorna ovan och gör bedömningen igen när de är besvarade. Så länge de är öppna kan bedömningen ändras.".into(),
                "Settle the questions above and assess the case again once they are answered. While they are open, the verdict may change.".into()
            ),
            Step::ResolveFailures => pick!(
                self,
                format!(
                    "Lös det som brister utan att peka mot bidrag eller upphandling: {failures}. Först därefter kan en samarbetsform väljas."
                ),
                format!(
                    "Resolve what fails without pointing to a grant or to procurement: {failures}. Only then can a form of collaboration be chosen."
                )
            ),
            Step::LegalReview => pick!(
                self,
                "Låt kommunens jurist bedöma de juridiska förutsättningarna innan beslut. Jönköpings kommuns policy för IOP kräver att förutsättningarna bedöms i varje enskilt fall, att förvaltningen alltid tar kontakt med jurist för att bedöma om verksamheten är förenlig med kommunallagen och att avtal om IOP formuleras med stöd av kommunens juristfunktion.".into(),
                "Have the municipality's lawyer assess the legal conditions before the decision. Jönköpings kommun's IOP policy requires the conditions to be assessed case by case, the administration always to consult a lawyer on whether the activity is compatible with the Local Government Act (kommunallagen), and IOP agreements to be drafted with the support of the municipality's legal function.".into()
            ),
            Step::Process => pick!(
                self,
                "Gå igenom processen för att skapa ett IOP tillsammans med den idéburna organisationen:".into(),
                "Go through the process of creating an IOP together with the idéburen organisation:".into()
            ),
            Step::Agreement => pick!(
                self,
                "Ta fram överenskommelsen. Enligt Jönköpings kommuns policy ska ett IOP-avtal innehålla bakgrund, beskrivning av gemensam samhällsutmaning, syften och mål, värdegrund, tjänster som överenskommelsen omfattar, samarbete och samverkan, utvärdering och uppföljning, ekonomi, grundläggande förutsättningar, period, omförhandling och kontaktpersoner. Ett utkast med de avsnitten skrivs med kommandot iop agreement.".into(),
                "Draw up the agreement. Under Jönköpings kommun's policy, an IOP agreement sets out the background, the shared societal challenge, purposes and goals, shared values, the services the agreement covers, collaboration and cooperation, evaluation and follow-up, finances, basic prerequisites, the period, renegotiation and contact persons. The command iop agreement writes a draft with those sections.".into()
            ),
            Step::Grant => pick!(
                self,
                "Pröva om verksamheten kan stödjas med föreningsbidrag enligt kommunens regler för bidrag till föreningar.".into(),
                "Consider supporting the activity with an association grant (föreningsbidrag) under the municipality's rules for grants to associations.".into()
            ),
            Step::Procure => pick!(
                self,
                "Vill kommunen köpa verksamheten ska den upphandlas enligt lagen (2016:1145) om offentlig upphandling (LOU).".into(),
                "If the municipality wants to buy the activity, it must be procured under the Public Procurement Act (2016:1145, LOU).".into()
            ),
            Step::ReservedProcurement => pick!(
                self,
                "Samarbetsparten är en idéburen organisation. Vid upphandling av vissa välfärdstjänster får den upphandlande myndigheten reservera rätten att delta för idéburna organisationer som är registrerade enligt lagen (2022:900) om registrering av idéburna organisationer. Bestämmelsen finns i 19 kap. 25 a § LOU och gäller sedan den 1 januari 2023. Registret förs av Kammarkollegiet.".into(),
                "The partner is an idéburen organisation. When procuring certain welfare services, a contracting authority may reserve the right to take part for idéburna organisations registered under the Act (2022:900) on the registration of idéburna organisations. The provision is LOU chapter 19 section 25 a, in force since 1 January 2023. The register is kept by Kammarkollegiet (the Legal, Financial and Administrative Services Agency).".into()
            ),
        }
    }

    /// The process of creating an IOP, after the Strategi-IOP project.
    pub fn process_questions(self) -> [&'static str; 8] {
        pick!(
            self,
            [
                "Vilka aktörer vill lösa problemet tillsammans?",
                "Kan vi enas om grundläggande frågor?",
                "Är IOP en lämplig form i detta sammanhang?",
                "Hur kan parterna kombinera resurser, och hur ska verksamheten finansieras?",
                "Är parterna beredda att fatta beslut?",
                "Varje part tar ansvar för sina verksamheter; partnerskapet ansvarar för helheten och målen.",
                "Hur följer vi upp våra lärandemål? Lärandet är ömsesidigt.",
                "Viljan och förmågan att gå vidare, inte börja om från start.",
            ],
            [
                "Which actors want to solve the problem together?",
                "Can we agree on the fundamental questions?",
                "Is an IOP a suitable form in this context?",
                "How can the parties combine their resources, and how will the activity be funded?",
                "Are the parties prepared to take decisions?",
                "Each party is responsible for its own activities; the partnership is responsible for the whole and for the goals.",
                "How do we follow up our learning goals? The learning is mutual.",
                "The will and the ability to move forward rather than start again from scratch.",
            ]
        )
    }

    pub fn process_source(self) -> &'static str {
        pick!(
            self,
            "Källa: ”Processen för att skapa IOP”, projektet Strategi-IOP (Forum, Rädda Barnen, Svenska kyrkan och Frälsningsarmén), i presentationen om IOP och SOU 2019:56.",
            "Source: “Processen för att skapa IOP” (the process of creating an IOP), the Strategi-IOP project (Forum, Rädda Barnen, Svenska kyrkan and Frälsningsarmén), in the presentation on IOP and SOU 2019:56."
        )
    }

    // --- the agreement --------------------------------------------------------------

    pub fn agreement_title(self) -> &'static str {
        pick!(
            self,
            "Överenskommelse om idéburet offentligt partnerskap (IOP)",
            "Agreement on an idéburet offentligt partnerskap (IOP)"
        )
    }

    pub fn section(self, section: Section) -> &'static str {
        match section {
            Section::Background => pick!(self, "Bakgrund", "Background"),
            Section::Challenge => pick!(
                self,
                "Beskrivning av gemensam samhällsutmaning",
                "The shared societal challenge"
            ),
            Section::Purpose => pick!(self, "Syften och mål", "Purposes and goals"),
            Section::Values => pick!(self, "Värdegrund", "Shared values"),
            Section::Services => pick!(
                self,
                "Tjänster som överenskommelsen omfattar",
                "Services covered by the agreement"
            ),
            Section::Collaboration => pick!(
                self,
                "Samarbete och samverkan",
                "Collaboration and cooperation"
            ),
            Section::FollowUp => pick!(
                self,
                "Utvärdering och uppföljning",
                "Evaluation and follow-up"
            ),
            Section::Finance => pick!(self, "Ekonomi", "Finances"),
            Section::Prerequisites => {
                pick!(self, "Grundläggande förutsättningar", "Basic prerequisites")
            }
            Section::Period => pick!(self, "Period", "Period"),
            Section::Renegotiation => pick!(self, "Omförhandling", "Renegotiation"),
            Section::Contacts => pick!(self, "Kontaktpersoner", "Contact persons"),
        }
    }

    /// A gap for the parties to fill in.
    pub fn fill_in(self, what: &str) -> String {
        pick!(
            self,
            format!("[Fyll i: {what}]"),
            format!("[Fill in: {what}]")
        )
    }

    /// The notice at the head of the draft; `set` is escaped by the caller.
    pub fn draft_notice(self, set: &str) -> String {
        pick!(
            self,
            format!(
                "Utkast framtaget med iop utifrån svarsfilen och bedömningen enligt {set}. Avsnitten är de som Jönköpings kommuns policy för IOP kräver, och enligt samma policy ska avtal om IOP formuleras med stöd av kommunens juristfunktion: låt kommunens jurist granska och färdigställa överenskommelsen innan den undertecknas. Ersätt varje [Fyll i: …] och stryk det som inte passar."
            ),
            format!(
                "Draft written with iop from the answer file and the assessment by the criteria of {set}. Its sections are those Jönköpings kommun's IOP policy requires, and under the same policy an IOP agreement is to be drafted with the support of the municipality's legal function: have the municipality's lawyer review and complete the agreement before it is signed. Replace every [Fill in: …] and strike what does not fit."
            )
        )
    }

    /// The warning at the head of a draft written with `--force`; every part is escaped
    /// by the caller.
    pub fn draft_warning(self, set: &str, verdict: Verdict, reasons: &str) -> String {
        let verdict = self.verdict(verdict);
        pick!(
            self,
            format!(
                "Varning: enligt {set} är bedömningen {verdict}, inte IOP. Utkastet är skrivet ändå (--force). Ej uppfyllt eller öppet: {reasons}. Inget av detta står som ett åtagande i utkastet."
            ),
            format!(
                "Warning: by the criteria of {set} the verdict is {verdict}, not IOP. This draft was written anyway (--force). Not met or still open: {reasons}. The draft states none of these as a commitment."
            )
        )
    }

    pub fn parties_label(self) -> &'static str {
        pick!(self, "Parter", "Parties")
    }

    /// The organisation as a party; `name` is escaped by the caller.
    pub fn party_organisation(self, name: &str, number: &str) -> String {
        pick!(
            self,
            format!(
                "{name}, idéburen organisation, organisationsnummer {number}, nedan kallad Organisationen."
            ),
            format!(
                "{name}, an idéburen organisation, organisation number {number}, referred to below as the Organisation."
            )
        )
    }

    /// The municipality as a party; `name` is escaped by the caller.
    pub fn party_municipality(self, name: &str, committee: &str) -> String {
        pick!(
            self,
            format!("{name}, genom {committee}, nedan kallad Kommunen."),
            format!("{name}, through {committee}, referred to below as the Municipality.")
        )
    }

    pub fn gap_organisation_name(self) -> &'static str {
        pick!(
            self,
            "den idéburna organisationens namn",
            "the idéburen organisation's name"
        )
    }

    pub fn gap_organisation_number(self) -> &'static str {
        pick!(self, "organisationsnummer", "organisation number")
    }

    pub fn gap_municipality_name(self) -> &'static str {
        pick!(self, "kommunens namn", "the municipality's name")
    }

    pub fn gap_committee(self) -> &'static str {
        pick!(
            self,
            "ansvarig nämnd och förvaltning",
            "the responsible committee (nämnd) and administration (förvaltning)"
        )
    }

    /// Material from the assessment, shown under a commitment; `label` and `note` are
    /// escaped by the caller.
    pub fn from_assessment(self, label: &str, note: &str) -> String {
        pick!(
            self,
            format!("Ur bedömningen ({label}): {note}"),
            format!("From the assessment ({label}): {note}")
        )
    }

    pub fn assessed_as_iop(self, set: &str) -> String {
        pick!(
            self,
            format!(
                "Samarbetet har bedömts mot kriterierna för IOP enligt {set}, och samtliga kriterier är uppfyllda."
            ),
            format!(
                "The collaboration has been assessed against the criteria for an IOP of {set}, and every criterion is met."
            )
        )
    }

    /// What stands in every draft, section by section: fixed sentences drawn from the
    /// sources, the gaps to fill in, and where the commitments of the criteria met go.
    pub fn section_body(self, section: Section) -> &'static [Body] {
        use Body::{Criteria, Gap, Text, When};
        match (section, self.0) {
            (Section::Background, Lang::Sv) => &[
                Criteria,
                Gap(
                    "vad samarbetet gäller, hur det har kommit till och vad parterna har gjort tidigare",
                ),
            ],
            (Section::Background, Lang::En) => &[
                Criteria,
                Gap(
                    "what the collaboration is about, how it came about and what the parties have done before",
                ),
            ],
            (Section::Challenge, Lang::Sv) => &[
                Criteria,
                Gap(
                    "samhällsutmaningen, vilka den berör och varför parterna behöver möta den tillsammans",
                ),
            ],
            (Section::Challenge, Lang::En) => &[
                Criteria,
                Gap(
                    "the societal challenge, whom it concerns and why the parties need to meet it together",
                ),
            ],
            (Section::Purpose, Lang::Sv) => &[
                Criteria,
                Gap("partnerskapets syfte"),
                Gap("vad partnerskapet ska uppnå, helst så att det går att följa upp"),
                Gap("målgruppen"),
                Gap("det politiska mål, program eller den plan som verksamheten bidrar till"),
            ],
            (Section::Purpose, Lang::En) => &[
                Criteria,
                Gap("the purpose of the partnership"),
                Gap(
                    "what the partnership is to achieve, preferably in terms that can be followed up",
                ),
                Gap("the target group"),
                Gap("the political goal, programme or plan the activity contributes to"),
            ],
            (Section::Values, Lang::Sv) => &[
                Criteria,
                Gap(
                    "de värderingar som parterna delar och som samarbetet vilar på, till exempel synen på målgruppen och på varandras roller",
                ),
            ],
            (Section::Values, Lang::En) => &[
                Criteria,
                Gap(
                    "the values the parties share and the collaboration rests on, for example their view of the target group and of each other's roles",
                ),
            ],
            (Section::Services, Lang::Sv) => &[
                Criteria,
                Text(
                    "Överenskommelsen beskriver verksamheten övergripande: vad som ska göras, inte i detalj hur.",
                ),
                Gap("verksamheten, var och när den bedrivs och vilka den vänder sig till"),
            ],
            (Section::Services, Lang::En) => &[
                Criteria,
                Text(
                    "The agreement describes the activity in broad terms: what is to be done, not in detail how.",
                ),
                Gap("the activity, where and when it takes place and whom it is for"),
            ],
            (Section::Collaboration, Lang::Sv) => &[
                Criteria,
                Text(
                    "Varje part tar ansvar för sin egen verksamhet. Partnerskapet ansvarar gemensamt för helheten och målen. Parterna för en kontinuerlig dialog under avtalstiden.",
                ),
                Gap(
                    "hur parterna samverkar, till exempel i en gemensam styrgrupp, hur ofta de möts och hur gemensamma beslut fattas",
                ),
                Gap(
                    "om flera förvaltningar berörs: vilken nämnd som är huvudansvarig och vilken del av ansvaret varje förvaltning har",
                ),
            ],
            (Section::Collaboration, Lang::En) => &[
                Criteria,
                Text(
                    "Each party is responsible for its own activities. The partnership is jointly responsible for the whole and for the goals. The parties keep up a continuous dialogue throughout the agreement period.",
                ),
                Gap(
                    "how the parties cooperate, for example in a joint steering group, how often they meet and how joint decisions are taken",
                ),
                Gap(
                    "if several administrations are involved: which committee is mainly responsible and which part of the responsibility each administration has",
                ),
            ],
            (Section::FollowUp, Lang::Sv) => &[
                Criteria,
                When(
                    "detail_regulated",
                    "Kommunen har insyn i verksamheten genom uppföljningen men detaljstyr den inte.",
                ),
                Gap(
                    "vad som följs upp och hur, när parterna går igenom uppföljningen tillsammans och vilka lärandemål parterna har",
                ),
            ],
            (Section::FollowUp, Lang::En) => &[
                Criteria,
                When(
                    "detail_regulated",
                    "The Municipality has insight into the activity through the follow-up, but does not micro-manage it.",
                ),
                Gap(
                    "what is followed up and how, when the parties review the follow-up together and what learning goals they have",
                ),
            ],
            (Section::Finance, Lang::Sv) => &[
                Criteria,
                Gap(
                    "Kommunens insats: belopp per år eller annan insats, och hur och när den betalas ut",
                ),
                Gap("Organisationens insats: egna medel, lokaler, ideella insatser eller annat"),
                Gap(
                    "verksamhetens budget och, om flera förvaltningar berörs, hur kostnaderna fördelas mellan dem",
                ),
            ],
            (Section::Finance, Lang::En) => &[
                Criteria,
                Gap(
                    "the Municipality's contribution: amount per year or other input, and how and when it is paid",
                ),
                Gap(
                    "the Organisation's contribution: its own funds, premises, volunteer work or other input",
                ),
                Gap(
                    "the activity's budget and, if several administrations are involved, how the costs are shared between them",
                ),
            ],
            (Section::Prerequisites, Lang::Sv) => &[
                Text("Överenskommelsen är ett civilrättsligt avtal om samverkan mellan parterna."),
                Criteria,
                Gap(
                    "andra förutsättningar, till exempel försäkringar, tystnadsplikt och behandling av personuppgifter",
                ),
            ],
            (Section::Prerequisites, Lang::En) => &[
                Text("The agreement is a civil-law agreement on cooperation between the parties."),
                Criteria,
                Gap(
                    "other prerequisites, for example insurance, confidentiality and the processing of personal data",
                ),
            ],
            (Section::Period, Lang::Sv) => &[
                Criteria,
                Gap("överenskommelsens första och sista giltighetsdag"),
                Gap("om och hur överenskommelsen kan förlängas"),
            ],
            (Section::Period, Lang::En) => &[
                Criteria,
                Gap("the first and last day of the agreement"),
                Gap("whether and how the agreement can be extended"),
            ],
            (Section::Renegotiation, Lang::Sv) => &[
                Criteria,
                Gap(
                    "när en part kan begära omförhandling, till exempel om förutsättningarna för verksamheten eller finansieringen ändras väsentligt, och hur överenskommelsen kan sägas upp i förtid",
                ),
            ],
            (Section::Renegotiation, Lang::En) => &[
                Criteria,
                Gap(
                    "when a party may ask for renegotiation, for example if the conditions for the activity or its funding change substantially, and how the agreement can be terminated early",
                ),
            ],
            (Section::Contacts, Lang::Sv) => &[
                Criteria,
                Text(
                    "Kommunen har en gemensam kontaktperson gentemot Organisationen, även när flera förvaltningar berörs.",
                ),
                Gap("Kommunens kontaktperson: namn, befattning, förvaltning, telefon och e-post"),
                Gap("Organisationens kontaktperson: namn, uppdrag, telefon och e-post"),
            ],
            (Section::Contacts, Lang::En) => &[
                Criteria,
                Text(
                    "The Municipality has one contact person for the Organisation, even when several administrations are involved.",
                ),
                Gap(
                    "the Municipality's contact person: name, position, administration, telephone and email",
                ),
                Gap("the Organisation's contact person: name, role, telephone and email"),
            ],
        }
    }

    // --- iop agreement on the command line ----------------------------------------------

    /// Why no draft is written; `set` is the set's name and id.
    pub fn not_iop(self, set: &str, verdict: Verdict) -> String {
        let verdict = self.verdict(verdict);
        pick!(
            self,
            format!("Inget utkast skrivs: enligt {set} är bedömningen {verdict}, inte IOP."),
            format!(
                "No draft written: by the criteria of {set} the verdict is {verdict}, not IOP."
            )
        )
    }

    pub fn not_iop_hint(self) -> &'static str {
        pick!(
            self,
            "Besvara de öppna frågorna och se över det som brister, eller skriv utkastet ändå med --force.",
            "Answer the open questions and review what fails, or write the draft anyway with --force."
        )
    }

    pub fn forced_warning(self) -> &'static str {
        pick!(
            self,
            "Utkastet skrevs ändå (--force), med en varning överst.",
            "The draft was written anyway (--force), with a warning at the top."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escape::{markdown, markup};

    const STEPS: [Step; 8] = [
        Step::SettleOpen,
        Step::ResolveFailures,
        Step::LegalReview,
        Step::Process,
        Step::Agreement,
        Step::Grant,
        Step::Procure,
        Step::ReservedProcurement,
    ];

    /// The fixed words go into Markdown and HTML unescaped: they must need no escaping.
    #[test]
    fn fixed_words_need_no_escaping() {
        for lang in [Lang::Sv, Lang::En] {
            let w = Words(lang);
            let mut texts: Vec<String> = STEPS.iter().map(|s| w.step(*s, "x")).collect();
            texts.extend(w.process_questions().map(String::from));
            for section in Section::ALL {
                texts.push(w.section(section).into());
                for body in w.section_body(section) {
                    match body {
                        Body::Text(t) | Body::Gap(t) | Body::When(_, t) => texts.push((*t).into()),
                        Body::Criteria => {}
                    }
                }
            }
            texts.push(w.memo_lead().into());
            texts.push(w.memo_footer().into());
            texts.push(w.open_lead().into());
            for text in &texts {
                // `'` is escaped by `markup` for attributes, but is only text in content.
                assert_eq!(markup(text).replace("&#39;", "'"), *text, "{text}");
                assert_eq!(&markdown(text), text, "{text}");
            }
        }
    }
}
