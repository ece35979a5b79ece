//! Reports of a check: one renderer per output format, all drawn from one `Report`.

pub mod agreement;
pub mod catalog;
pub mod diagnostics;
pub mod html;
pub mod json;
pub mod markdown;
pub mod memo;
pub mod template;
pub mod text;

use crate::engine::{Evaluation, Status};
use crate::i18n::{Lang, Words};
use crate::model::case::Case;
use crate::model::{Bank, Route};

/// `--format` of `iop check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Markdown,
    Html,
}

/// What a check found: a case and its evaluation by one or more sets.
pub struct Report<'a> {
    pub case: &'a Case,
    pub bank: &'a Bank,
    pub evaluations: Vec<Evaluation<'a>>,
    pub lang: Lang,
}

impl Report<'_> {
    pub fn words(&self) -> Words {
        Words(self.lang)
    }

    /// The case's title, or words that say it has none; not yet escaped.
    pub fn title(&self) -> &str {
        self.case
            .meta
            .title
            .as_deref()
            .unwrap_or_else(|| self.words().untitled())
    }

    /// The short label of a question, for tables and answer lines.
    pub fn short(&self, question: &str) -> String {
        self.bank.get(question).map_or_else(
            || question.to_string(),
            |q| q.short.get(self.lang).to_string(),
        )
    }
}

/// True when a set's undetermined verdict comes from a failed criterion rather than
/// from open questions.
pub fn fails_without_route(evaluation: &Evaluation<'_>) -> bool {
    evaluation
        .with_status(Status::Failed)
        .any(|a| a.criterion.route == Route::None)
}

/// Renders a report in a format.
pub fn render(format: Format, report: &Report<'_>) -> String {
    match format {
        Format::Text => text::render(report),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Html => html::render(report),
    }
}
