//! Characters no font covers (UND051), found from the fonts' character
//! maps alone, without laying anything out: `convert` reports them after
//! writing the PDF and `validate` can report the same list cheaply.
//!
//! Each missing code point is reported once, where it first occurs, every
//! code point of a cluster on its own (a Devanagari conjunct or an emoji
//! sequence names each of its characters). The column is counted from the
//! start of the text it stands in (a paragraph, a heading, a cell), or
//! from the last cited symbol before it, whose place the source gives
//! exactly; inline markup before it in the source (emphasis marks, tags)
//! is not counted.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Block, Document, Inline, List, Span, Table, TableNote};
use crate::write::WriteOptions;

use super::fonts::FontSet;
pub use super::fonts::needs_no_glyph;

/// The characters of `doc` that no font of `options`' font set covers:
/// what `convert` would report as UND051 for the PDF. A `--font-dir` that
/// cannot be read is its UND050 error.
pub fn missing_glyphs(doc: &Document, options: &WriteOptions) -> Vec<Diagnostic> {
    match super::font_set(options) {
        Ok(fonts) => missing_in(doc, &fonts),
        Err(e) => vec![e],
    }
}

/// The characters of `doc` that no font of `fonts` covers.
pub(super) fn missing_in(doc: &Document, fonts: &FontSet) -> Vec<Diagnostic> {
    let mut finder = Finder {
        fonts,
        reported: Vec::new(),
        diagnostics: Vec::new(),
        cursor: Cursor::default(),
    };
    finder.document(doc);
    finder.diagnostics
}

/// Walks the document's texts in order, with where each starts.
struct Finder<'a> {
    fonts: &'a FontSet,
    reported: Vec<char>,
    diagnostics: Vec<Diagnostic>,
    /// Where the text being checked starts.
    cursor: Cursor<'a>,
}

/// Where the next text starts: a place, and the texts passed since whose
/// characters are not counted yet. Most texts have nothing to report, so
/// columns are counted only where a character is.
#[derive(Default)]
struct Cursor<'a> {
    at: Span,
    uncounted: Vec<&'a str>,
}

impl<'a> Cursor<'a> {
    fn restart(&mut self, span: Span) {
        self.at = span;
        self.uncounted.clear();
    }

    /// Moves past `text`, uncounted.
    fn pass(&mut self, text: &'a str) {
        self.uncounted.push(text);
    }

    /// Moves `columns` columns on.
    fn skip(&mut self, columns: u32) {
        self.at.column = self.at.column.saturating_add(columns);
    }

    /// Counts the texts passed: the place is then exact.
    fn settle(&mut self) -> Span {
        for text in self.uncounted.drain(..) {
            self.at.column = column_after(&self.at, text, self.at.column);
        }
        self.at
    }
}

impl<'a> Finder<'a> {
    fn document(&mut self, doc: &'a Document) {
        let m = &doc.masthead;
        let strings = m
            .symbol
            .iter()
            .chain(&m.organ)
            .chain(&m.session_body)
            .chain(&m.session)
            .chain(&m.session_dates)
            .chain(&m.agenda)
            .chain(&m.agenda_title)
            .chain(&m.job_number);
        for s in strings {
            self.text(&s.value, s.span);
        }
        self.inlines(&doc.title.value, doc.title.span);
        if let Some(sub) = &doc.subtitle {
            self.inlines(&sub.value, sub.span);
        }
        if let Some(summary) = &doc.summary {
            if let Some(heading) = &summary.heading {
                self.inlines(heading, summary.span);
            }
            self.blocks(&summary.blocks);
        }
        self.blocks(&doc.preamble);
        self.blocks(&doc.body);
        for note in &doc.footnotes {
            self.inlines(&note.content, note.span);
        }
        for annex in &doc.annexes {
            self.inlines(&annex.heading, annex.span);
            self.blocks(&annex.blocks);
        }
    }

    fn blocks(&mut self, blocks: &'a [Block]) {
        for block in blocks {
            match block {
                Block::Chapter(d) | Block::Section(d) => {
                    self.inlines(&d.heading, d.span);
                    self.blocks(&d.blocks);
                }
                Block::Para(p) => {
                    self.inlines(&p.content, p.text_at);
                    if let Some(list) = &p.list {
                        self.list(list);
                    }
                }
                Block::Text(t) => self.inlines(&t.value, t.span),
                Block::Subheading(h) => self.inlines(&h.heading, h.span),
                Block::Table(t) => self.table(t),
                Block::Figure(f) => {
                    self.inlines(&f.title, f.span);
                    self.text(&f.alt, f.span);
                    self.notes(&f.notes, f.source.as_deref(), f.span);
                }
            }
        }
    }

    fn list(&mut self, list: &'a List) {
        for item in &list.items {
            self.inlines(&item.content, item.text_at);
            if let Some(sub) = &item.list {
                self.list(sub);
            }
        }
    }

    fn table(&mut self, t: &'a Table) {
        self.inlines(&t.title, t.span);
        if let Some(units) = &t.units {
            self.inlines(units, t.span);
        }
        for cell in t.head.iter().chain(&t.body).flat_map(|r| &r.cells) {
            for paragraph in &cell.paragraphs {
                self.inlines(paragraph, cell.span);
            }
        }
        self.notes(&t.notes, t.source.as_deref(), t.span);
    }

    fn notes(&mut self, notes: &'a [TableNote], source: Option<&'a [Inline]>, span: Span) {
        for note in notes {
            self.inlines(&note.content, note.span);
        }
        if let Some(source) = source {
            self.inlines(source, span);
        }
    }

    /// Checks inline content starting at `span`; a cited symbol restarts
    /// the count at its own place.
    fn inlines(&mut self, inlines: &'a [Inline], span: Span) {
        self.cursor.restart(span);
        self.inlines_from(inlines);
    }

    fn inlines_from(&mut self, inlines: &'a [Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Emph(t) => self.advance(t),
                Inline::Strong(inner) => self.inlines_from(inner),
                Inline::Link(link) => self.advance(&link.text),
                Inline::Ref(r) => {
                    self.cursor.restart(r.span);
                    self.advance(&r.value);
                }
                // Digits and Latin letters, which every font set covers.
                Inline::NoteRef(n) => self.cursor.skip(digits(n.value)),
                Inline::TableNoteRef(_) => self.cursor.skip(1),
            }
        }
    }

    /// Checks a plain text starting at `span`.
    fn text(&mut self, text: &'a str, span: Span) {
        self.cursor.restart(span);
        self.advance(text);
    }

    /// Checks `text`, which starts at the cursor, and moves the cursor
    /// past it.
    fn advance(&mut self, text: &'a str) {
        // The last character reported: its byte and its place.
        let mut counted: Option<(usize, Span)> = None;
        for (k, c) in self.fonts.uncovered(text) {
            if self.reported.contains(&c) {
                continue;
            }
            let (from, at) = *counted.get_or_insert_with(|| (0, self.cursor.settle()));
            let place = Span {
                column: column_after(&at, &text[from..k], at.column),
                ..at
            };
            counted = Some((k, place));
            self.reported.push(c);
            self.diagnostics.push(
                Diagnostic::new(
                    Code::MissingGlyph,
                    place,
                    format!(
                        "U+{:04X} {c:?} is in none of the fonts (bundled or --font-dir); it is left out of the PDF",
                        c as u32
                    ),
                )
                .about_character(c),
            );
        }
        self.cursor.pass(text);
    }
}

/// The column after `text`, which starts at column `column` of `at`'s
/// line; a place with no line (line 0) keeps its column.
fn column_after(at: &Span, text: &str, column: u32) -> u32 {
    if at.line == 0 {
        return column;
    }
    let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
    column.saturating_add(chars)
}

/// How many decimal digits `n` has.
fn digits(n: u32) -> u32 {
    n.checked_ilog10().map_or(1, |d| d + 1)
}
