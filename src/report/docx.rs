//! A document (the memo or the agreement) as a Word file (`.docx`), through `docx-rs`:
//! A4, Word's own heading styles (Title, Heading 1, Heading 2), real tables and lists,
//! the document's kind and title in the page header and its date and page numbers in
//! the footer.
//!
//! Draws the blocks built in `memo.rs` and `agreement.rs`, deciding nothing. Text from a
//! file is put in as text (docx-rs escapes it for XML); characters XML cannot carry are
//! shown as escapes first, as `escape::clean` shows them on a terminal.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, Header, Hyperlink, HyperlinkType,
    IndentLevel, Level, LevelJc, LevelOverride, LevelText, LineSpacing, LineSpacingType, NumPages,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, Run, RunFonts, Shading,
    SpecialIndentType, Start, Style, StyleType, Table as WordTable, TableCell, TableLayoutType,
    TableRow, WidthType,
};

use super::document::{Block, Document, Entry, List, Span, Table, Text};
use crate::engine::Status;
use crate::escape::{clean_line, web_url};
use crate::i18n::Words;
use crate::model::Verdict;

/// A4 in twentieths of a point, with 2 cm margins.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN: i32 = 1134;
const TEXT_WIDTH: usize = 11906 - 2 * 1134;

/// Numbering ids of our own (docx-rs defines id 1 itself): bullets, and the abstract
/// numbering each ordered list restarts from.
const BULLETS: usize = 10;
const NUMBERS: usize = 11;

/// Text for a Word run: on one line, with the characters XML cannot carry shown as
/// escapes.
fn words(text: &str) -> String {
    clean_line(text)
}

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize, before: u32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color("1F2328")
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(before).after(80))
    };
    docx.default_fonts(
        RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .cs("Calibri"),
    )
    .default_size(21)
    .add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true)
            .line_spacing(
                LineSpacing::new()
                    .after(100)
                    .line(264)
                    .line_rule(LineSpacingType::Auto),
            ),
    )
    .add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(36)
            .line_spacing(LineSpacing::new().after(160)),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .color("59636E")
            .size(20),
    )
    .add_style(heading("Heading1", "heading 1", 28, 0, 320))
    .add_style(heading("Heading2", "heading 2", 23, 1, 220))
    .add_style(
        Style::new("ListParagraph", StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal")
            .q_format(true)
            .line_spacing(LineSpacing::new().after(60)),
    )
    .add_style(
        Style::new("Footer", StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(16)
            .color("59636E"),
    )
    .add_style(
        Style::new("Header", StyleType::Paragraph)
            .name("header")
            .based_on("Normal")
            .size(16)
            .color("59636E"),
    )
}

fn numbering(docx: Docx) -> Docx {
    let bullets = AbstractNumbering::new(BULLETS)
        .add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None),
        )
        .add_level(
            Level::new(
                1,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("–"),
                LevelJc::new("left"),
            )
            .indent(Some(720), Some(SpecialIndentType::Hanging(240)), None, None),
        );
    let numbers = AbstractNumbering::new(NUMBERS).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new("%1."),
            LevelJc::new("left"),
        )
        .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None),
    );
    docx.add_abstract_numbering(bullets)
        .add_abstract_numbering(numbers)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// The runs of a text.
fn runs(mut paragraph: Paragraph, text: &Text) -> Paragraph {
    for span in &text.0 {
        paragraph = match span {
            Span::Plain(t) => paragraph.add_run(Run::new().add_text(words(t))),
            Span::Strong(t) => paragraph.add_run(Run::new().add_text(words(t)).bold()),
            Span::Emph(t) => paragraph.add_run(Run::new().add_text(words(t)).italic()),
            Span::Gap(t) => paragraph.add_run(Run::new().add_text(words(t)).highlight("yellow")),
            Span::Link(url) => match web_url(url) {
                Some(url) => paragraph.add_hyperlink(
                    Hyperlink::new(url, HyperlinkType::External).add_run(
                        Run::new()
                            .add_text(words(url))
                            .color("0B5CAD")
                            .underline("single"),
                    ),
                ),
                None => paragraph.add_run(Run::new().add_text(words(url))),
            },
            Span::Status(status, t) => {
                let colour = match status {
                    Status::Met => "1A7F37",
                    Status::Failed => "C62828",
                    Status::Open => "9A6700",
                };
                paragraph.add_run(Run::new().add_text(words(t)).bold().color(colour))
            }
            Span::Verdict(verdict, t) => {
                let colour = match verdict {
                    Verdict::Iop => "1A7F37",
                    Verdict::AssociationGrant => "0B5CAD",
                    Verdict::Procurement => "7B3FB8",
                    Verdict::Undetermined => "9A6700",
                };
                paragraph.add_run(Run::new().add_text(words(t)).bold().color(colour))
            }
        };
    }
    paragraph
}

fn cell(paragraph: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph)
        .width(width, WidthType::Dxa)
}

fn header_cell(text: &str, width: usize) -> TableCell {
    cell(
        Paragraph::new().add_run(Run::new().add_text(words(text)).bold()),
        width,
    )
    .shading(Shading::new().fill("E7EBF0"))
}

fn draw_table(table: &Table) -> WordTable {
    let widths: Vec<usize> = table
        .widths
        .iter()
        .map(|w| TEXT_WIDTH * usize::from(*w) / 100)
        .collect();
    let mut rows = vec![TableRow::new(
        table
            .head
            .iter()
            .zip(&widths)
            .map(|(h, w)| header_cell(h, *w))
            .collect(),
    )];
    for row in &table.rows {
        rows.push(
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .map(|(t, w)| cell(runs(Paragraph::new(), t), *w))
                    .collect(),
            )
            .cant_split(),
        );
    }
    WordTable::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A label and its value on one line, the label bold.
fn labelled(label: &str, value: &Text) -> Paragraph {
    runs(
        Paragraph::new().add_run(Run::new().add_text(format!("{}: ", words(label))).bold()),
        value,
    )
}

fn draw_entry(docx: Docx, entry: &Entry) -> Docx {
    let mut docx = docx;
    for (n, statement) in entry.statement.iter().enumerate() {
        let mut p = Paragraph::new().keep_next(true);
        if let (0, Some(number)) = (n, entry.number) {
            p = p.add_run(Run::new().add_text(format!("{number}. ")).bold());
        }
        p = p.add_run(Run::new().add_text(words(statement)).italic());
        docx = docx.add_paragraph(p);
    }
    let last = entry.details.len().saturating_sub(1);
    for (n, (label, value)) in entry.details.iter().enumerate() {
        let spacing = if n == last { 200 } else { 20 };
        let p = labelled(label, value)
            .indent(Some(360), None, None, None)
            .keep_next(n != last)
            .line_spacing(LineSpacing::new().after(spacing));
        docx = docx.add_paragraph(p);
    }
    docx
}

fn draw_list(docx: Docx, list: &List, next_id: &mut usize) -> Docx {
    let mut docx = docx;
    let id = if list.ordered {
        *next_id += 1;
        let id = *next_id;
        docx = docx.add_numbering(
            Numbering::new(id, NUMBERS).add_override(LevelOverride::new(0).start(1)),
        );
        id
    } else {
        BULLETS
    };
    for item in &list.items {
        let p = runs(
            Paragraph::new()
                .style("ListParagraph")
                .numbering(NumberingId::new(id), IndentLevel::new(0)),
            &item.text,
        );
        docx = docx.add_paragraph(p);
        for point in &item.points {
            let p = runs(
                Paragraph::new()
                    .style("ListParagraph")
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(1)),
                point,
            );
            docx = docx.add_paragraph(p);
        }
        if let Some(note) = &item.note {
            let p = runs(
                Paragraph::new()
                    .style("ListParagraph")
                    .indent(Some(360), None, None, None)
                    .size(18),
                note,
            );
            docx = docx.add_paragraph(p);
        }
    }
    docx
}

/// The document as the bytes of a `.docx` file.
pub fn render(doc: &Document) -> Result<Vec<u8>, std::io::Error> {
    let (page, of) = Words(doc.lang).page_words();
    let mut top = Paragraph::new().style("Header");
    if !doc.kind.is_empty() {
        top = top.add_run(Run::new().add_text(format!("{} – ", words(&doc.kind))));
    }
    top = top.add_run(Run::new().add_text(words(&doc.title)));
    let mut bottom = Paragraph::new().style("Footer").align(AlignmentType::Right);
    if let Some(date) = &doc.date {
        bottom = bottom.add_run(Run::new().add_text(format!("{}   ", words(date))));
    }
    bottom = bottom
        .add_run(Run::new().add_text(format!("{page} ")))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(format!(" {of} ")))
        .add_num_pages(NumPages::new());

    let mut docx = numbering(styles(Docx::new()))
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .header(Header::new().add_paragraph(top))
        .footer(Footer::new().add_paragraph(bottom));
    if let Some(date) = &doc.date {
        docx = docx.created_at(&format!("{}T00:00:00Z", words(date)));
    }
    if !doc.kind.is_empty() {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(words(&doc.kind))),
        );
    }
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(words(&doc.title))),
    );
    let mut next_id = NUMBERS;
    for block in &doc.blocks {
        docx = match block {
            Block::Heading(level, text) => {
                let style = if *level <= 2 { "Heading1" } else { "Heading2" };
                docx.add_paragraph(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(words(text))),
                )
            }
            Block::Paragraph(text) => docx.add_paragraph(runs(Paragraph::new(), text)),
            Block::Notice(text) => {
                let box_cell = cell(runs(Paragraph::new(), text), TEXT_WIDTH)
                    .shading(Shading::new().fill("FFF8DC"));
                docx.add_table(
                    WordTable::new(vec![TableRow::new(vec![box_cell])])
                        .set_grid(vec![TEXT_WIDTH])
                        .width(TEXT_WIDTH, WidthType::Dxa),
                )
                .add_paragraph(Paragraph::new())
            }
            Block::Facts(facts) => {
                let label_width = TEXT_WIDTH * 32 / 100;
                let value_width = TEXT_WIDTH - label_width;
                let rows = facts
                    .iter()
                    .map(|(label, value)| {
                        TableRow::new(vec![
                            cell(
                                Paragraph::new().add_run(Run::new().add_text(words(label)).bold()),
                                label_width,
                            ),
                            cell(runs(Paragraph::new(), value), value_width),
                        ])
                    })
                    .collect();
                docx.add_table(
                    WordTable::without_borders(rows)
                        .set_grid(vec![label_width, value_width])
                        .width(TEXT_WIDTH, WidthType::Dxa)
                        .layout(TableLayoutType::Fixed),
                )
                .add_paragraph(Paragraph::new())
            }
            Block::Table(table) => docx
                .add_table(draw_table(table))
                .add_paragraph(Paragraph::new()),
            Block::Entry(entry) => draw_entry(docx, entry),
            Block::List(list) => draw_list(docx, list, &mut next_id),
            Block::Signatures { parties, labels } => {
                let width = TEXT_WIDTH / parties.len().max(1);
                // Every row kept with the next, so that the signatures stay on one page.
                let mut rows = vec![TableRow::new(
                    parties
                        .iter()
                        .map(|p| cell(runs(Paragraph::new().keep_next(true), p), width))
                        .collect(),
                )];
                for (n, label) in labels.iter().enumerate() {
                    let keep = n + 1 < labels.len();
                    let line = |_: &Text| {
                        cell(
                            Paragraph::new()
                                .keep_next(keep)
                                .add_run(Run::new().add_break(BreakType::TextWrapping))
                                .add_run(Run::new().add_text("_______________________________"))
                                .add_run(Run::new().add_break(BreakType::TextWrapping))
                                .add_run(Run::new().add_text(words(label)).size(16)),
                            width,
                        )
                    };
                    rows.push(TableRow::new(parties.iter().map(line).collect()).cant_split());
                }
                docx.add_table(
                    WordTable::without_borders(rows)
                        .set_grid(vec![width; parties.len()])
                        .width(TEXT_WIDTH, WidthType::Dxa)
                        .layout(TableLayoutType::Fixed),
                )
            }
        };
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(std::io::Error::other)?;
    Ok(bytes.into_inner())
}
