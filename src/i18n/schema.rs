//! The words of `iop schema`: the titles and descriptions an editor shows for the tables
//! and keys of answer files and criteria files. The questions', sets' and verdicts' own
//! words come from the criteria.

use super::Words;
use crate::lang::Lang;

/// A table or key of an answer file or a criteria file that the schemas describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AnswerFile,
    Case,
    CaseSet,
    Answers,
    Answer,
    Notes,
    Expect,
    CriteriaFile,
    Bank,
    Question,
    Fact,
    QuestionId,
    Ok,
    Route,
    RouteSource,
    Design,
    Short,
    Text,
    Help,
    Sources,
    Commitment,
    AllOf,
    Law,
    LawItem,
    Cite,
    Overrides,
    Citation,
    Set,
    SetId,
    Kind,
    Governs,
    DerivesFrom,
    Lineage,
    Source,
    Complete,
    Criterion,
    CriterionQuestion,
    Required,
    Agreement,
    Terms,
    Section,
    Take,
    Part,
    Steps,
    Step,
    Condition,
    Localized,
}

impl Words {
    /// The title of a schema.
    pub fn schema_title(self, criteria: bool) -> &'static str {
        if criteria {
            pick!(self, "iop: kriteriefil", "iop: criteria file")
        } else {
            pick!(self, "iop: svarsfil", "iop: answer file")
        }
    }

    /// What a table or key holds, as an editor shows it.
    pub fn schema(self, key: Key) -> &'static str {
        match key {
            Key::AnswerFile => pick!(
                self,
                "Ett ärende för iop: [case] beskriver det, [answers] besvarar frågorna, [notes] säger varför och [expect] anger de bedömningar som iop test väntar sig.",
                "A case for iop: [case] describes it, [answers] answers the questions, [notes] says why, and [expect] gives the verdicts iop test expects."
            ),
            Key::Case => pick!(
                self,
                "Ärendet, som det visas i rapporterna. Alla fält får saknas eller vara tomma.",
                "The case, as the reports show it. Every field may be missing or empty."
            ),
            Key::CaseSet => pick!(
                self,
                "Uppsättningen att pröva mot när kommandoraden inte anger någon: ett id som i iop sets, eller all.",
                "The set to check against when the command line names none: an id as in iop sets, or all."
            ),
            Key::Answers => pick!(
                self,
                "Svaren: true (ja), false (nej) eller \"unknown\" (vet ej), i frågans egen riktning. En fråga som saknas är öppen.",
                "The answers: true (yes), false (no) or \"unknown\", in the polarity of the question's id. A question left out is open."
            ),
            Key::Answer => pick!(
                self,
                "true (ja), false (nej) eller \"unknown\" (vet ej)",
                "true (yes), false (no) or \"unknown\""
            ),
            Key::Notes => pick!(
                self,
                "Varför varje svar gavs, med frågans eller faktumets id; visas i rapporterna.",
                "Why each answer was given, by the question's or fact's id; shown in the reports."
            ),
            Key::Expect => pick!(
                self,
                "Den bedömning varje uppsättning ska ge, för iop test. Svenska namn går också: upphandling, föreningsbidrag, kan-inte-avgöras.",
                "The verdict each set should give, for iop test. The Swedish names work too: upphandling, föreningsbidrag, kan-inte-avgöras."
            ),
            Key::CriteriaFile => pick!(
                self,
                "En kriteriefil för iop --criteria: en frågebank, den rättsliga prövningen, en kriterieuppsättning, avtalsmallen eller nästa steg. Filens sort avgörs av dess nycklar.",
                "A criteria file for iop --criteria: a question bank, the legal test, a criteria set, the agreement's template or the next steps. A file's kind is told by its keys."
            ),
            Key::Bank => pick!(
                self,
                "Frågebanken: varje fråga och varje faktum som en uppsättning eller lagen får använda.",
                "The question bank: every question and fact a set or the law may use."
            ),
            Key::Question => pick!(
                self,
                "En fråga, i den ordning frågorna ställs när flera uppsättningar prövas.",
                "A question, in the order questions are asked when several sets are checked."
            ),
            Key::Fact => pick!(
                self,
                "Ett faktum: sant när alla dess frågor är sanna, falskt när någon är falsk, annars öppet.",
                "A fact: true when every question of it is true, false when any is false, otherwise open."
            ),
            Key::QuestionId => pick!(
                self,
                "Nyckeln i en svarsfils [answers]: gemena bokstäver, siffror och _.",
                "The key in an answer file's [answers]: lower-case letters, digits and _."
            ),
            Key::Ok => pick!(
                self,
                "Det svar som uppfyller ett kriterium byggt på frågan.",
                "The answer that meets a criterion built on the question."
            ),
            Key::Route => pick!(
                self,
                "Vart ett kriterium som inte uppfylls pekar: procurement, association-grant eller none.",
                "Where a criterion that is not met points: procurement, association-grant or none."
            ),
            Key::RouteSource => pick!(
                self,
                "Källan som anger vart ett underkänt kriterium pekar; krävs utom när route är none, och får då inte finnas.",
                "The source that gives where a failure points; required unless route is none, and then not allowed."
            ),
            Key::Design => pick!(
                self,
                "Om parterna kan påverka svaret genom hur de utformar partnerskapet.",
                "Whether the parties can shape the answer by how they design the partnership."
            ),
            Key::Short => pick!(
                self,
                "Etikett i tabeller, i frågans egen riktning.",
                "The label in tables, in the question's own polarity."
            ),
            Key::Text => pick!(
                self,
                "Texten, på svenska (sv) och engelska (en).",
                "The text, in Swedish (sv) and English (en)."
            ),
            Key::Help => pick!(
                self,
                "Vägledning för den som inte är jurist, ur källorna.",
                "Guidance for a non-lawyer, from the sources."
            ),
            Key::Sources => pick!(self, "Källorna.", "The sources."),
            Key::Commitment => pick!(
                self,
                "\"none\", eller meningen som ett avtalsutkast anger när svaret är ok, och dess avsnitt.",
                "\"none\", or the sentence a draft agreement states when the answer is ok, and its section."
            ),
            Key::AllOf => pick!(
                self,
                "Faktumets frågor: ur den här frågebanken, var och en i högst ett faktum.",
                "The fact's questions: of this bank, each in one fact at most."
            ),
            Key::Law => pick!(
                self,
                "Den rättsliga prövningen: prövas för varje ärende och varje uppsättning, före uppsättningens kriterier.",
                "The legal test: applied to every case and every set, before the set's criteria."
            ),
            Key::LawItem => pick!(
                self,
                "En punkt i prövningen: en fråga eller ett faktum ur frågebanken, i ordning.",
                "An item of the test: a question or fact of the bank, in order."
            ),
            Key::Cite => pick!(
                self,
                "Hänvisningarna: ett [[citation]]-id, eller { id, when, unless } för en som bara gäller ibland.",
                "The citations: a [[citation]] id, or { id, when, unless } for one that applies only sometimes."
            ),
            Key::Overrides => pick!(
                self,
                "Meningen när lagen avgör mot en uppsättning; {set} står för uppsättningens namn.",
                "The sentence when the law decides against a set; {set} stands for the set's name."
            ),
            Key::Citation => pick!(
                self,
                "En rättskälla som prövningen hänvisar till.",
                "A legal source the test cites."
            ),
            Key::Set => pick!(
                self,
                "En kriterieuppsättning: en kommuns, regions eller modells kriterier, vart och ett som källan formulerar det.",
                "A criteria set: a municipality's, region's or model's criteria, each worded as its source words it."
            ),
            Key::SetId => pick!(
                self,
                "Gemena bokstäver, siffror och -, inte all. Samma id som en inbyggd uppsättning ersätter den.",
                "Lower-case letters, digits and -, not all. The id of a built-in set replaces that set."
            ),
            Key::Kind => pick!(
                self,
                "Vilket slags organ uppsättningen kommer från.",
                "What kind of body the set comes from."
            ),
            Key::Governs => pick!(
                self,
                "De offentliga parter som uppsättningen gäller: ett ärendes [case] public_party lika med en av dem hittar uppsättningen.",
                "The public parties the set governs: a case's [case] public_party equal to one of them finds this set."
            ),
            Key::DerivesFrom => pick!(
                self,
                "Uppsättningen som den här bygger på.",
                "The set this one builds on."
            ),
            Key::Lineage => pick!(
                self,
                "Hur den bygger på den, ur källorna.",
                "How it builds on it, from the sources."
            ),
            Key::Source => pick!(
                self,
                "Dokumentet som kriterierna kommer från.",
                "The document the criteria come from."
            ),
            Key::Complete => pick!(
                self,
                "Om den lagrade listan över kriterier är fullständig.",
                "Whether the stored list of criteria is complete."
            ),
            Key::Criterion => pick!(
                self,
                "Ett kriterium per fråga eller faktum, i uppsättningens ordning; texten säger vad som krävs, så att stämmer betyder uppfyllt.",
                "One criterion per question or fact, in the set's order; its text states the requirement, so that met means it holds."
            ),
            Key::CriterionQuestion => pick!(
                self,
                "Frågan eller faktumet som kriteriet bygger på.",
                "The question or fact the criterion is built on."
            ),
            Key::Required => pick!(
                self,
                "Bara false: en rekommendation (med fördel, bör), som aldrig ändrar bedömningen.",
                "Only false: a recommendation (med fördel, bör), which never changes the verdict."
            ),
            Key::Agreement => pick!(
                self,
                "Avtalsmallen: avsnitten i ett utkast till IOP-avtal, med delar, villkor och källor.",
                "The agreement's template: the sections of a draft IOP agreement, with parts, conditions and sources."
            ),
            Key::Terms => pick!(
                self,
                "Den offentliga partens benämning i avtalet, efter uppsättningens sort.",
                "The public party's defined term in the agreement, by the set's kind."
            ),
            Key::Section => pick!(
                self,
                "Ett avsnitt av avtalet.",
                "A section of the agreement."
            ),
            Key::Take => pick!(
                self,
                "Åtaganden som avsnittet tar, per fråge- eller fakta-id.",
                "Commitments the section takes, by question or fact id."
            ),
            Key::Part => pick!(
                self,
                "En del av avsnittet: exakt en av text, gap, case (med gap), commitments och signatures.",
                "A part of the section: exactly one of text, gap, case (with gap), commitments and signatures."
            ),
            Key::Steps => pick!(
                self,
                "Beslutsunderlagets nästa steg, i den ordning de ska tas.",
                "The memo's next steps, in the order to take them."
            ),
            Key::Step => pick!(self, "Ett nästa steg.", "A next step."),
            Key::Condition => pick!(
                self,
                "När delen gäller: varje nyckel som anges måste stämma (en lista stämmer när ett av dess värden gör det).",
                "When the part stands: every key given must hold (a list holds when one of its values does)."
            ),
            Key::Localized => pick!(
                self,
                "En text på svenska (sv) och engelska (en); båda krävs.",
                "A text in Swedish (sv) and English (en); both are required."
            ),
        }
    }
}
