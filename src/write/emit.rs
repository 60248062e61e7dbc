//! The XML emitter the XML-based writers share (undoc XML, Akoma Ntoso):
//! block elements on their own indented lines, escaped text, and for each
//! element that starts a line the source span it came from, so a schema
//! error in generated XML can be reported at the source line.

use crate::model::Span;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

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

/// Writes XML events to memory, counting lines.
pub struct Emitter {
    w: Writer<Vec<u8>>,
    line: u32,
    line_spans: Vec<(u32, Span)>,
}

impl Emitter {
    /// An emitter with `capacity` bytes reserved.
    pub fn with_capacity(capacity: usize) -> Self {
        Emitter {
            w: Writer::new(Vec::with_capacity(capacity)),
            line: 1,
            line_spans: Vec::new(),
        }
    }

    /// The document written so far and its line map.
    pub fn finish(self) -> XmlOutput {
        XmlOutput {
            xml: String::from_utf8(self.w.into_inner()).unwrap_or_default(),
            line_spans: self.line_spans,
        }
    }

    /// Writes one event.
    pub fn event<'a>(&mut self, event: impl Into<Event<'a>>) {
        // Writing to a Vec<u8> cannot fail.
        let _ = self.w.write_event(event);
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    pub fn declaration(&mut self) {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    }

    /// A line break and the indentation of `depth`.
    pub fn newline(&mut self, depth: usize) {
        self.line += 1;
        let indent = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::from_escaped(indent)));
    }

    /// Text, with `<`, `>` and `&` escaped.
    pub fn text(&mut self, text: &str) {
        self.line += text.matches('\n').count() as u32;
        let escaped = quick_xml::escape::partial_escape(text);
        self.event(Event::Text(BytesText::from_escaped(escaped)));
    }

    /// A start tag; `span` (when known) is recorded against the current line.
    pub fn start(&mut self, name: &str, attrs: &[(&str, &str)], span: Span) {
        if span.line > 0 {
            self.line_spans.push((self.line, span));
        }
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Start(start));
    }

    /// An end tag.
    pub fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// An empty element `<name …/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Empty(start));
    }

    /// `<name>text</name>` on its own line.
    pub fn leaf(&mut self, depth: usize, name: &str, text: &str, span: Span) {
        self.newline(depth);
        self.start(name, &[], span);
        self.text(text);
        self.end(name);
    }
}
