//! The outputs of a check: one renderer per format, all drawn from one `Report`. The
//! memo and the agreement are built once as a `Document` (`memo.rs`, `agreement.rs`)
//! and drawn by Markdown, HTML and Word (`markdown.rs`, `html.rs`, `docx.rs`).

pub mod agreement;
pub mod catalog;
pub mod diagnostics;
pub mod document;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod memo;
pub mod schema;
pub mod template;
pub mod text;

use crate::engine::{self, Evaluation};
use crate::i18n::Words;
use crate::lang::Lang;
use crate::model::case::Case;
use crate::model::{Bank, Catalog, CriteriaSet, Law};
use crate::term::Term;

/// `--format` of `iop check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Markdown,
    Html,
    /// The memo as a Word document.
    Docx,
}

impl Format {
    /// Whether the output is a binary file that is not written to a terminal.
    pub fn is_binary(self) -> bool {
        self == Format::Docx
    }
}

/// `--format` of `iop agreement`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AgreementFormat {
    #[default]
    Markdown,
    /// A Word document.
    Docx,
}

/// What a check found: a case and its evaluation by one or more sets, the law first.
pub struct Report<'a> {
    pub case: &'a Case,
    pub catalog: &'a Catalog,
    pub evaluations: Vec<Evaluation<'a>>,
    /// The set that governs the case, by its index in `evaluations`.
    pub governing: Option<usize>,
    pub lang: Lang,
}

impl<'a> Report<'a> {
    /// Decides every set for the case.
    pub fn new(
        case: &'a Case,
        catalog: &'a Catalog,
        sets: &[&'a CriteriaSet],
        governing: Option<&CriteriaSet>,
        lang: Lang,
    ) -> Report<'a> {
        let evaluations: Vec<Evaluation<'a>> = sets
            .iter()
            .map(|set| engine::evaluate(set, &catalog.law, &catalog.bank, &case.answers))
            .collect();
        let governing = governing.and_then(|g| evaluations.iter().position(|e| e.set.id == g.id));
        Report {
            case,
            catalog,
            evaluations,
            governing,
            lang,
        }
    }

    pub fn words(&self) -> Words {
        Words(self.lang)
    }

    pub fn bank(&self) -> &'a Bank {
        &self.catalog.bank
    }

    pub fn law(&self) -> &'a Law {
        &self.catalog.law
    }

    /// The case's title, or words that say it has none; not yet escaped.
    pub fn title(&self) -> &str {
        self.case
            .meta
            .title
            .as_deref()
            .unwrap_or_else(|| self.words().untitled())
    }

    /// The short label of a question or fact, for tables and answer lines.
    pub fn short(&self, id: &str) -> String {
        self.bank().item(id).map_or_else(
            || id.to_string(),
            |item| item.short().get(self.lang).to_string(),
        )
    }

    /// The evaluation of the governing set.
    pub fn governing(&self) -> Option<&Evaluation<'a>> {
        self.governing.map(|i| &self.evaluations[i])
    }
}

/// Renders a report in a format, as the bytes to write; the text report for the stream
/// `t`, which says whether to colour it and how wide to break its prose.
pub fn render(format: Format, report: &Report<'_>, t: Term) -> std::io::Result<Vec<u8>> {
    Ok(match format {
        Format::Text => text::render(report, t).into_bytes(),
        Format::Json => json::render(report).into_bytes(),
        Format::Markdown => markdown::render(&memo::build(report)).into_bytes(),
        Format::Html => html::render(&memo::build(report)).into_bytes(),
        Format::Docx => docx::render(&memo::build(report))?,
    })
}
