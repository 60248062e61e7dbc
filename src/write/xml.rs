//! The canonical UN XML writer (quick-xml), the form `schemas/undoc.xsd` describes.
//!
//! Output is deterministic and canonical: reading it back and writing it
//! again gives the same bytes. Block elements sit on their own indented
//! lines; mixed content (paragraph text with references) is written as is.

use super::emit::{Emitter, estimated_len};
use crate::model::{
    Annex, Block, Cell, Contents, Division, Document, Figure, Inline, List, Para, Row, Span,
    Spanned, Subheading, Table, TableNote,
};

/// The namespace of undoc's UN XML.
pub use crate::model::XML_NAMESPACE as NAMESPACE;

pub use super::emit::XmlOutput;

/// The XML writer as a row of the output table: the serialized document.
pub fn render(
    doc: &Document,
    _options: &super::WriteOptions,
) -> Result<super::Rendered, crate::diagnostic::Diagnostic> {
    Ok(super::Rendered {
        bytes: write(doc).xml.into_bytes(),
        ..super::Rendered::default()
    })
}

/// Serializes `doc` as canonical UN XML.
pub fn write(doc: &Document) -> XmlOutput {
    let mut w = XmlWriter(Emitter::with_capacity(estimated_len(doc)));
    w.document(doc);
    let mut out = w.0.finish();
    // The XML lives as long as the document is written in other formats:
    // keep no spare capacity (doubling growth leaves up to as much again).
    out.xml.shrink_to_fit();
    out.line_spans.shrink_to_fit();
    out
}

/// The undoc XML writer: the shared emitter and the document's elements.
struct XmlWriter(Emitter);

impl std::ops::Deref for XmlWriter {
    type Target = Emitter;
    fn deref(&self) -> &Emitter {
        &self.0
    }
}

impl std::ops::DerefMut for XmlWriter {
    fn deref_mut(&mut self) -> &mut Emitter {
        &mut self.0
    }
}

impl XmlWriter {
    /// `<contents/>`, where the table of contents stands.
    fn contents(&mut self, contents: Contents) {
        self.newline(1);
        self.record(contents.span);
        self.empty("contents", &[]);
    }

    fn document(&mut self, doc: &Document) {
        self.declaration();
        self.newline(0);
        self.start(
            "document",
            &[("xmlns", NAMESPACE), ("xml:lang", doc.lang.code())],
            Span::default(),
        );
        self.masthead(doc);
        self.inline_element(1, "title", &doc.title);
        if let Some(sub) = &doc.subtitle {
            self.inline_element(1, "subtitle", sub);
        }
        let contents_first = doc
            .contents
            .filter(|c| c.before_summary || doc.summary.is_none());
        if let Some(c) = contents_first {
            self.contents(c);
        }
        if let Some(summary) = &doc.summary {
            self.newline(1);
            self.start("summary", &[], summary.span);
            self.optional_inlines(2, "heading", summary.heading.as_deref());
            self.blocks(2, &summary.blocks);
            self.newline(1);
            self.end("summary");
        }
        if let Some(c) = doc.contents.filter(|_| contents_first.is_none()) {
            self.contents(c);
        }
        if !doc.preamble.is_empty() {
            self.newline(1);
            self.start("preamble", &[], Span::default());
            self.blocks(2, &doc.preamble);
            self.newline(1);
            self.end("preamble");
        }
        self.newline(1);
        self.start("body", &[], Span::default());
        self.blocks(2, &doc.body);
        self.newline(1);
        self.end("body");
        if !doc.footnotes.is_empty() {
            self.newline(1);
            self.start("footnotes", &[], Span::default());
            for note in &doc.footnotes {
                self.newline(2);
                let n = note.n.to_string();
                self.start("footnote", &[("n", &n)], note.span);
                self.inlines(&note.content);
                self.end("footnote");
            }
            self.newline(1);
            self.end("footnotes");
        }
        for annex in &doc.annexes {
            self.annex(annex);
        }
        self.newline(0);
        self.end("document");
        self.text("\n");
    }

    fn masthead(&mut self, doc: &Document) {
        let m = &doc.masthead;
        self.newline(1);
        self.start("masthead", &[], Span::default());
        if let Some(s) = &m.symbol {
            self.leaf(2, "symbol", &s.value, s.span);
        }
        for organ in &m.organ {
            self.leaf(2, "organ", &organ.value, organ.span);
        }
        if let Some(d) = &m.distribution {
            self.leaf(2, "distribution", d.value.as_str(), d.span);
        }
        if let Some(d) = &m.date {
            self.leaf(2, "date", &d.value.iso(), d.span);
        }
        if let Some(o) = &m.original {
            self.leaf(2, "original", o.value.code(), o.span);
        }
        if let Some(b) = &m.session_body {
            self.leaf(2, "session-body", &b.value, b.span);
        }
        if let Some(s) = &m.session {
            self.leaf(2, "session", &s.value, s.span);
        }
        if let Some(d) = &m.session_dates {
            self.leaf(2, "session-dates", &d.value, d.span);
        }
        for agenda in &m.agenda {
            self.leaf(2, "agenda", &agenda.value, agenda.span);
        }
        if let Some(t) = &m.agenda_title {
            self.leaf(2, "agenda-title", &t.value, t.span);
        }
        if let Some(j) = &m.job_number {
            self.leaf(2, "job-number", &j.value, j.span);
        }
        if let Some(d) = &m.duty_station {
            self.leaf(2, "duty-station", d.value.as_str(), d.span);
        }
        self.newline(1);
        self.end("masthead");
    }

    fn inline_element(&mut self, depth: usize, name: &str, content: &Spanned<Vec<Inline>>) {
        self.newline(depth);
        self.start(name, &[], content.span);
        self.inlines(&content.value);
        self.end(name);
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => self.text(t),
                Inline::Emph(t) => {
                    self.start("emph", &[], Span::default());
                    self.text(t);
                    self.end("emph");
                }
                Inline::Ref(r) => {
                    self.start("ref", &[], r.span);
                    self.text(&r.value);
                    self.end("ref");
                }
                Inline::Strong(inner) => {
                    self.start("strong", &[], Span::default());
                    self.inlines(inner);
                    self.end("strong");
                }
                Inline::Link(link) => {
                    let (url, text) = (&link.url, &link.text);
                    self.start("link", &[("href", url)], Span::default());
                    self.text(text);
                    self.end("link");
                }
                Inline::NoteRef(n) => self.numbered_empty("noteref", n.value),
                Inline::TableNoteRef(n) => self.numbered_empty("table-noteref", n.value),
            }
        }
    }

    /// `<name n="…"/>`.
    fn numbered_empty(&mut self, name: &str, n: u32) {
        let num = n.to_string();
        self.empty(name, &[("n", num.as_str())]);
    }

    fn blocks(&mut self, depth: usize, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Chapter(d) => self.division(depth, "chapter", d),
                Block::Section(d) => self.division(depth, "section", d),
                Block::Para(p) => self.para(depth, p),
                Block::Text(t) => self.inline_element(depth, "p", t),
                Block::Subheading(h) => self.subheading(depth, h),
                Block::Table(t) => self.table(depth, t),
                Block::Figure(f) => self.figure(depth, f),
            }
        }
    }

    fn subheading(&mut self, depth: usize, h: &Subheading) {
        self.newline(depth);
        let level = h.level.to_string();
        let n = h.n.map(|n| n.to_string());
        let mut attrs = vec![("level", level.as_str())];
        attrs.extend(n.as_deref().map(|n| ("n", n)));
        self.start("subheading", &attrs, h.span);
        self.inlines(&h.heading);
        self.end("subheading");
    }

    /// An optional inline child on its own line.
    fn optional_inlines(&mut self, depth: usize, name: &str, content: Option<&[Inline]>) {
        if let Some(content) = content {
            self.newline(depth);
            self.start(name, &[], Span::default());
            self.inlines(content);
            self.end(name);
        }
    }

    fn table(&mut self, depth: usize, t: &Table) {
        self.newline(depth);
        let n = t.n.map(|n| n.to_string());
        let attrs: Vec<(&str, &str)> = n.as_deref().map(|n| ("n", n)).into_iter().collect();
        self.start("table", &attrs, t.span);
        self.optional_inlines(
            depth + 1,
            "title",
            Some(&t.title).filter(|t| !t.is_empty()).map(Vec::as_slice),
        );
        self.optional_inlines(depth + 1, "units", t.units.as_deref());
        self.newline(depth + 1);
        self.start("columns", &[], Span::default());
        for column in &t.columns {
            self.newline(depth + 2);
            let width = column.width.map(|w| w.to_string());
            let mut attrs = vec![("align", column.align.as_str())];
            if column.spacer {
                attrs.push(("spacer", "true"));
            }
            if let Some(w) = &width {
                attrs.push(("width", w));
            }
            self.empty("column", &attrs);
        }
        self.newline(depth + 1);
        self.end("columns");
        for (name, rows) in [("head", &t.head), ("rows", &t.body)] {
            if rows.is_empty() {
                continue;
            }
            self.newline(depth + 1);
            self.start(name, &[], Span::default());
            for row in rows {
                self.row(depth + 2, row);
            }
            self.newline(depth + 1);
            self.end(name);
        }
        self.notes(depth + 1, &t.notes, t.source.as_deref());
        self.newline(depth);
        self.end("table");
    }

    fn row(&mut self, depth: usize, row: &Row) {
        self.newline(depth);
        let mut attrs: Vec<(&str, &str)> = Vec::new();
        if row.total {
            attrs.push(("total", "true"));
        }
        if row.heading {
            attrs.push(("heading", "true"));
        }
        self.start("row", &attrs, row.span);
        for cell in &row.cells {
            self.cell(depth + 1, cell);
        }
        self.newline(depth);
        self.end("row");
    }

    fn cell(&mut self, depth: usize, cell: &Cell) {
        self.newline(depth);
        let cols = cell.col_span.to_string();
        let rows = cell.row_span.to_string();
        let mut attrs = Vec::new();
        if cell.col_span != 1 {
            attrs.push(("cols", cols.as_str()));
        }
        if cell.row_span != 1 {
            attrs.push(("rows", rows.as_str()));
        }
        if let Some(align) = cell.align {
            attrs.push(("align", align.as_str()));
        }
        let indent = cell.indent.to_string();
        if cell.indent > 0 {
            attrs.push(("indent", indent.as_str()));
        }
        self.start("cell", &attrs, cell.span);
        match cell.paragraphs.as_slice() {
            [] => {}
            [only] => self.inlines(only),
            many => {
                for paragraph in many {
                    self.start("p", &[], Span::default());
                    self.inlines(paragraph);
                    self.end("p");
                }
            }
        }
        self.end("cell");
    }

    /// Notes lettered a, b, c and the source line, under a table or figure.
    fn notes(&mut self, depth: usize, notes: &[TableNote], source: Option<&[Inline]>) {
        if !notes.is_empty() {
            self.newline(depth);
            self.start("notes", &[], Span::default());
            for note in notes {
                self.newline(depth + 1);
                let n = note.n.to_string();
                self.start("note", &[("n", &n)], note.span);
                self.inlines(&note.content);
                self.end("note");
            }
            self.newline(depth);
            self.end("notes");
        }
        self.optional_inlines(depth, "source", source);
    }

    fn figure(&mut self, depth: usize, f: &Figure) {
        use base64::Engine;
        self.newline(depth);
        let n = f.n.map(|n| n.to_string());
        let attrs: Vec<(&str, &str)> = n.as_deref().map(|n| ("n", n)).into_iter().collect();
        self.start("figure", &attrs, f.span);
        self.optional_inlines(
            depth + 1,
            "title",
            Some(&f.title).filter(|t| !t.is_empty()).map(Vec::as_slice),
        );
        self.newline(depth + 1);
        let (width, height) = (f.image.width.to_string(), f.image.height.to_string());
        self.start(
            "image",
            &[
                ("type", f.image.kind.media_type()),
                ("width", &width),
                ("height", &height),
            ],
            Span::default(),
        );
        let encoded = base64::engine::general_purpose::STANDARD.encode(&f.image.bytes);
        // 76 characters a line, as MIME writes base64; the schema's
        // xs:base64Binary ignores the line breaks.
        for chunk in encoded.as_bytes().chunks(76) {
            self.newline(depth + 2);
            self.text(std::str::from_utf8(chunk).unwrap_or_default());
        }
        self.newline(depth + 1);
        self.end("image");
        self.leaf(depth + 1, "alt", &f.alt, Span::default());
        self.notes(depth + 1, &f.notes, f.source.as_deref());
        self.newline(depth);
        self.end("figure");
    }

    fn division(&mut self, depth: usize, name: &str, d: &Division) {
        self.newline(depth);
        let n = d.n.to_string();
        self.start(name, &[("n", &n)], d.span);
        self.newline(depth + 1);
        self.start("heading", &[], d.span);
        self.inlines(&d.heading);
        self.end("heading");
        self.blocks(depth + 1, &d.blocks);
        self.newline(depth);
        self.end(name);
    }

    fn para(&mut self, depth: usize, p: &Para) {
        self.newline(depth);
        let n = p.n.to_string();
        self.start("para", &[("n", &n)], p.span);
        self.inlines(&p.content);
        if let Some(list) = &p.list {
            self.list(depth, list);
        }
        self.end("para");
    }

    fn list(&mut self, depth: usize, list: &List) {
        self.start("list", &[("kind", list.kind.as_str())], Span::default());
        for item in &list.items {
            self.newline(depth + 1);
            let n = item.n.to_string();
            self.start("item", &[("n", &n)], item.span);
            self.inlines(&item.content);
            if let Some(sub) = &item.list {
                self.list(depth + 1, sub);
            }
            self.end("item");
        }
        self.newline(depth);
        self.end("list");
    }

    fn annex(&mut self, annex: &Annex) {
        self.newline(1);
        let n = annex.n.map(|n| n.to_string());
        let attrs: Vec<(&str, &str)> = n.as_deref().map(|n| ("n", n)).into_iter().collect();
        self.start("annex", &attrs, annex.span);
        self.newline(2);
        self.start("heading", &[], annex.span);
        self.inlines(&annex.heading);
        self.end("heading");
        self.blocks(2, &annex.blocks);
        self.newline(1);
        self.end("annex");
    }
}
