//! Raw text extracted from a PDF (`pdftotext`, with or without `-layout`):
//! pages ended by form feeds, running headers and footers, a contents
//! table, lines wrapped and hyphenated, footnotes at the foot of each page,
//! tables flattened. This pass turns it into the cleaned form the text
//! reader reads (see the README's "The source format"): pages → furniture
//! → contents → footnotes → numbers glued to their text → masthead →
//! words of stretched lines and heading labels read apart (raw text) →
//! tables → joined lines. Every output line keeps the number of the source
//! line it starts at, so diagnostics point into the text as given; every
//! decision that drops, moves or keeps text unrebuilt is recorded for the
//! audit.

mod cells;
mod contents;
mod flow;
mod front;
mod furniture;
mod glued;
mod grid;
mod hyphen;
mod item_labels;
mod label_column;
mod lead_marks;
mod notes;
mod orphans;
mod pages;
mod prefixed;
mod prose;
mod prose_layout;
mod render;
mod sequence;
mod spread;
mod strays;
mod tables;
mod variance;

use crate::diagnostic::Diagnostic;
use crate::read::audit::Decision;
use crate::read::text::{Label, classify};
use pages::Src;

/// Extracted text in the cleaned form, with what was done to it.
#[derive(Debug, Default)]
pub(crate) struct Normalised {
    /// Cleaned lines, each with the source line it starts at.
    pub lines: Vec<(u32, String)>,
    pub decisions: Vec<Decision>,
    pub diagnostics: Vec<Diagnostic>,
    /// The first page's job number (`26-04887 (E)`) and its line.
    pub job_number: Option<(String, u32)>,
    /// The line of the contents' heading, when the text had a contents.
    pub contents_at: Option<u32>,
    /// The contents' titles, which tell a heading from a row labelled
    /// like one.
    titles: contents::Titles,
}

impl Normalised {
    /// Reads as text the headings and paragraphs of `doc` (read from
    /// these lines) whose numbers break their sequence where that mends
    /// it (see `strays`), with a warning and a decision each.
    pub(crate) fn mend_numbering(&mut self, doc: &mut crate::model::Document) {
        let mut mender = strays::Mender {
            lang: doc.lang,
            titles: &self.titles,
            decisions: &mut self.decisions,
            diagnostics: &mut self.diagnostics,
        };
        strays::mend(doc, &mut mender);
    }

    /// Puts back the table note marks that the text set apart from the
    /// lines leading into their tables (see `lead_marks`).
    pub(crate) fn restore_lead_marks(&mut self, doc: &mut crate::model::Document) {
        lead_marks::restore(doc, &mut self.decisions);
    }
}

/// A table region on its way out: caption and title lines, the rows (and
/// their grid when rebuilt), the notes.
#[derive(Debug)]
struct Block {
    head: Vec<Src>,
    grid: Option<grid::Grid>,
    rows: Vec<Src>,
    notes: Vec<Src>,
}

/// A line of text, or a table region.
enum Piece {
    Line(Src),
    Table(Block),
}

/// Whether a text is extracted from a PDF: pdftotext ends every page with
/// a form feed, which no cleaned source has.
pub(crate) fn is_extracted(text: &str) -> bool {
    text.contains('\u{c}')
}

/// Turns extracted text into the cleaned form.
pub(crate) fn normalise(text: &str) -> Normalised {
    let mut n = Normalised::default();
    let lines = pages::split(text);
    let page_count = pages::count(&lines);
    let layout = pages::is_layout(&lines);
    let symbol = first_symbol(&lines);
    let (mut lines, found) = furniture::strip(lines, symbol.as_deref(), &mut n.decisions);
    n.diagnostics
        .extend(prefixed::strip(&mut lines, symbol.as_deref()));
    n.job_number = found.job_number;
    if let Some(numbered) = found.pages.filter(|&p| p != page_count) {
        n.diagnostics.push(Diagnostic::new(
            crate::diagnostic::Code::ExtractedText,
            crate::model::Span::new(1, 1),
            format!("the text has {page_count} pages but its page numbers count {numbered}: a page may be missing"),
        ));
    }
    let (mut lines, titles) = contents::strip(lines, &mut n.decisions);
    n.contents_at = titles.at;
    let vocab = hyphen::Vocabulary::new(&lines);
    // pdftotext joins a line broken at a hyphen in raw text only.
    if !layout {
        vocab.rehyphenate(&mut lines, &mut n.decisions);
    }
    let (mut lines, notes) = notes::extract(lines, &mut n.decisions, &mut n.diagnostics);
    glued::separate(&mut lines);
    let margins = margins(&lines);
    // Right-aligned text is measured by its lines' lengths, as raw text is.
    let aligned_left = layout && !is_right_to_left(&lines);
    let full = full_width(&lines, aligned_left, &margins);
    let (front, body_start) = front::read(&lines, layout, full);
    n.lines = front;
    let mut body = lines[body_start..].to_vec();
    if !layout {
        body = spread::rejoin(body, full);
        body = label_column::rejoin(body, &mut n.decisions);
        body = item_labels::rejoin(body, &mut n.decisions);
        body = orphans::rejoin(body, full, &titles, &mut n.decisions);
    }
    let pieces = tables::find(
        body,
        (layout, full),
        (&titles, &vocab),
        &mut n.decisions,
        &mut n.diagnostics,
    );
    let setting = flow::Setting {
        layout: aligned_left,
        raw: !layout,
        full,
        margins: &margins,
        vocab: &vocab,
    };
    flow::write(pieces, &setting, &mut n.lines, &mut n.decisions);
    for note in notes {
        let mut text = format!("[^{}]:", note.n);
        for line in &note.text {
            flow::join_into(
                &mut text,
                &flow::collapse_spaces(line.trimmed()),
                Some(&vocab),
                &mut n.decisions,
                line.no,
            );
        }
        n.lines.push((note.no, text));
    }
    n.titles = titles;
    n
}

/// The document symbol: the first field of the first page's top lines
/// that is one.
fn first_symbol(lines: &[Src]) -> Option<String> {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(12)
        .flat_map(|l| {
            pages::fields(l.trimmed(), 3)
                .into_iter()
                .map(|(_, f)| f.to_string())
                .collect::<Vec<_>>()
        })
        .find(|f| crate::symbol::is_valid(f))
}

/// How far a full line of running text reaches: the 90th percentile of
/// the lines that are not table rows, by length (raw text) or by end
/// column from the page's margin (layout text), lines joined at a broken
/// word left out.
fn full_width(lines: &[Src], layout: bool, margins: &[usize]) -> usize {
    let mut extents: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank() && !pages::has_gap(&l.text))
        .map(|l| {
            let len = l.trimmed().chars().count();
            let margin = margins.get(l.page as usize).copied().unwrap_or(0);
            if layout {
                l.indent().saturating_sub(margin) + len
            } else {
                len
            }
        })
        .collect();
    if extents.is_empty() {
        return 80;
    }
    extents.sort_unstable();
    let full = extents[extents.len() * 9 / 10].max(20);
    // Where a word is broken at a line end, pdftotext (raw) joins the two
    // lines into one of about twice a full line. When such lines are so
    // many that they set the measure (past half again the median line not
    // short), the measure is taken without them.
    let long = &extents[extents.partition_point(|&e| e < 20)..];
    let Some(&median) = long.get(long.len() / 2) else {
        return full;
    };
    let within = |e: usize| e * 2 <= median * 3;
    if within(full) {
        return full;
    }
    let kept = extents.partition_point(|&e| within(e));
    extents[kept * 9 / 10].max(20)
}

/// Whether most lines are in Arabic script (set right to left).
fn is_right_to_left(lines: &[Src]) -> bool {
    let arabic = |l: &&Src| l.text.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c));
    let text = lines.iter().filter(|l| !l.is_blank()).count();
    lines.iter().filter(arabic).count() * 2 > text
}

/// Each page's text margin: the commonest indentation of its lines.
fn margins(lines: &[Src]) -> Vec<usize> {
    let pages = pages::count(lines) as usize;
    let mut counts: Vec<std::collections::HashMap<usize, usize>> =
        vec![Default::default(); pages + 1];
    for l in lines.iter().filter(|l| !l.is_blank()) {
        *counts[l.page as usize].entry(l.indent()).or_default() += 1;
    }
    counts
        .iter()
        .map(|c| {
            c.iter()
                .max_by_key(|&(indent, n)| (*n, usize::MAX - indent))
                .map_or(0, |(i, _)| *i)
        })
        .collect()
}

/// The label of a label alone on its line (`C.`, `3.`, `a)`), read as it
/// reads with its text after it: raw text sets a heading's or paragraph's
/// label so, its text on the next line.
fn lone_label(t: &str) -> Option<Label> {
    lone_labels(t).map(|labels| labels[0])
}

/// Every reading of a label alone on its line (`c)` is a letter and the
/// Roman numeral 100), first the one [`lone_label`] gives.
fn lone_labels(t: &str) -> Option<Vec<Label>> {
    // Every label ends in a full stop, a bracket, a colon, a quote or an
    // enumeration comma: a line ending otherwise (most cells) is turned
    // away before it is copied.
    const LABEL_ENDS: [char; 8] = ['.', ')', '）', '、', '．', ':', '\'', '’'];
    if !t.ends_with(LABEL_ENDS) || t.contains(char::is_whitespace) {
        return None;
    }
    classify(&format!("{t} Text")).map(|(labels, _)| labels)
}

/// Whether `lines[i]` starts a numbered paragraph (a table never takes it).
fn starts_para(lines: &[Src], i: usize) -> bool {
    decimal_label(lines[i].trimmed()).is_some()
}

/// The number of a line that opens with a paragraph's label (`12. Text`).
fn decimal_label(t: &str) -> Option<u32> {
    match classify(t)?.0.first()? {
        Label::Decimal(n) => Some(*n),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
