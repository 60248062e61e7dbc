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
    };
    finder.document(doc);
    finder.diagnostics
}

/// Characters drawn without a glyph of their own: controls, soft hyphens,
/// joiners, marks of direction, variation selectors.
pub fn needs_no_glyph(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// Walks the document's texts in order, with where each starts.
struct Finder<'a> {
    fonts: &'a FontSet,
    reported: Vec<char>,
    diagnostics: Vec<Diagnostic>,
}

impl Finder<'_> {
    fn document(&mut self, doc: &Document) {
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

    fn blocks(&mut self, blocks: &[Block]) {
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

    fn list(&mut self, list: &List) {
        for item in &list.items {
            self.inlines(&item.content, item.text_at);
            if let Some(sub) = &item.list {
                self.list(sub);
            }
        }
    }

    fn table(&mut self, t: &Table) {
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

    fn notes(&mut self, notes: &[TableNote], source: Option<&[Inline]>, span: Span) {
        for note in notes {
            self.inlines(&note.content, note.span);
        }
        if let Some(source) = source {
            self.inlines(source, span);
        }
    }

    /// Checks inline content starting at `span`; a cited symbol restarts
    /// the count at its own place.
    fn inlines(&mut self, inlines: &[Inline], span: Span) {
        let mut at = span;
        self.inlines_from(inlines, &mut at);
    }

    fn inlines_from(&mut self, inlines: &[Inline], at: &mut Span) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Emph(t) => self.advance(t, at),
                Inline::Strong(inner) => self.inlines_from(inner, at),
                Inline::Link(link) => self.advance(&link.text, at),
                Inline::Ref(r) => {
                    *at = r.span;
                    self.advance(&r.value, at);
                }
                // Digits and Latin letters, which every font set covers.
                Inline::NoteRef(n) => at.column = at.column.saturating_add(digits(n.value)),
                Inline::TableNoteRef(_) => at.column = at.column.saturating_add(1),
            }
        }
    }

    /// Checks a plain text starting at `span`.
    fn text(&mut self, text: &str, span: Span) {
        let mut at = span;
        self.advance(text, &mut at);
    }

    /// Checks `text`, which starts at `at`, and moves `at` past it.
    fn advance(&mut self, text: &str, at: &mut Span) {
        // Columns are counted only where a character is reported, and once
        // for the whole text: most texts have nothing to report.
        let mut counted = (0, at.column);
        for (k, c) in self.fonts.uncovered(text) {
            if needs_no_glyph(c) || self.reported.contains(&c) {
                continue;
            }
            let column = column_after(at, &text[counted.0..k], counted.1);
            counted = (k, column);
            self.reported.push(c);
            self.diagnostics.push(
                Diagnostic::new(
                    Code::MissingGlyph,
                    Span { column, ..*at },
                    format!(
                        "U+{:04X} {c:?} is in none of the fonts (bundled or --font-dir); it is left out of the PDF",
                        c as u32
                    ),
                )
                .about_character(c),
            );
        }
        at.column = column_after(at, text, at.column);
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
