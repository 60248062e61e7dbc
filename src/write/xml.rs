//! The canonical UN XML writer (quick-xml), the form `schemas/undoc.xsd` describes.
//!
//! Output is deterministic and canonical: reading it back and writing it
//! again gives the same bytes. Block elements sit on their own indented
//! lines; mixed content (paragraph text with references) is written as is.

use crate::model::{Annex, Block, Division, Document, Inline, List, Para, Span, Spanned};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// The namespace of undoc's UN XML.
pub const NAMESPACE: &str = "urn:undoc:1";

/// The XML of a document and, for each element that starts a line, the
/// source span of the node it came from (so schema errors in generated XML
/// can be reported at the source line).
pub struct XmlOutput {
    /// The serialized document.
    pub xml: String,
    /// (1-based XML line, source span), in line order.
    pub line_spans: Vec<(u32, Span)>,
}

impl XmlOutput {
    /// The source span of the node written at or before XML line `line`.
    pub fn source_span(&self, line: u32) -> Span {
        let idx = self.line_spans.partition_point(|(l, _)| *l <= line);
        idx.checked_sub(1)
            .map_or_else(Span::default, |i| self.line_spans[i].1)
    }
}

/// Serializes `doc` as canonical UN XML.
pub fn write(doc: &Document) -> XmlOutput {
    let mut w = XmlWriter {
        w: Writer::new(Vec::with_capacity(estimated_len(doc))),
        line: 1,
        line_spans: Vec::new(),
    };
    w.document(doc);
    let mut bytes = w.w.into_inner();
    // The XML lives as long as the document is written in other formats:
    // keep no spare capacity (doubling growth leaves up to as much again).
    bytes.shrink_to_fit();
    w.line_spans.shrink_to_fit();
    XmlOutput {
        xml: String::from_utf8(bytes).unwrap_or_default(),
        line_spans: w.line_spans,
    }
}

/// About how long the XML of `doc` is: its text plus the markup around each
/// run, so the buffer is allocated once, not doubled past the need.
fn estimated_len(doc: &Document) -> usize {
    /// Markup, indentation and masthead around the text, per run and in all.
    const PER_RUN: usize = 48;
    const FIXED: usize = 4096;
    let mut len = FIXED;
    doc.for_each_inlines(&mut |inlines| {
        len += PER_RUN;
        for inline in inlines {
            len += PER_RUN / 2
                + match inline {
                    Inline::Text(t) | Inline::Emph(t) => t.len() + t.len() / 16,
                    Inline::Ref(r) => r.value.len(),
                    Inline::NoteRef(_) => 0,
                };
        }
    });
    len
}

struct XmlWriter {
    w: Writer<Vec<u8>>,
    line: u32,
    line_spans: Vec<(u32, Span)>,
}

impl XmlWriter {
    fn event<'a>(&mut self, event: impl Into<Event<'a>>) {
        // Writing to a Vec<u8> cannot fail.
        let _ = self.w.write_event(event);
    }

    fn newline(&mut self, depth: usize) {
        self.line += 1;
        let indent = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::from_escaped(indent)));
    }

    fn text(&mut self, text: &str) {
        self.line += text.matches('\n').count() as u32;
        let escaped = quick_xml::escape::partial_escape(text);
        self.event(Event::Text(BytesText::from_escaped(escaped)));
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)], span: Span) {
        if span.line > 0 {
            self.line_spans.push((self.line, span));
        }
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Start(start));
    }

    fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// `<name>text</name>` on its own line.
    fn leaf(&mut self, depth: usize, name: &str, text: &str, span: Span) {
        self.newline(depth);
        self.start(name, &[], span);
        self.text(text);
        self.end(name);
    }

    fn document(&mut self, doc: &Document) {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
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
        if let Some(s) = &m.session {
            self.leaf(2, "session", &s.value, s.span);
        }
        for agenda in &m.agenda {
            self.leaf(2, "agenda", &agenda.value, agenda.span);
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
                Inline::NoteRef(n) => {
                    let num = n.value.to_string();
                    let start = BytesStart::new("noteref").with_attributes([("n", num.as_str())]);
                    self.event(Event::Empty(start));
                }
            }
        }
    }

    fn blocks(&mut self, depth: usize, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Chapter(d) => self.division(depth, "chapter", d),
                Block::Section(d) => self.division(depth, "section", d),
                Block::Para(p) => self.para(depth, p),
                Block::Text(t) => self.inline_element(depth, "p", t),
            }
        }
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
