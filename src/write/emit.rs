//! The XML emitter the XML-based writers share (undoc XML, Akoma Ntoso):
//! block elements on their own indented lines, escaped text, and for each
//! element that starts a line the source span it came from, so a schema
//! error in generated XML can be reported at the source line.

use crate::model::{Block, Document, Inline, Span};

mod template;

pub use template::{Spelled, Template};

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

/// About how long the undoc XML of `doc` is: its text plus the markup around
/// each run, so the buffer is allocated once, not doubled past the need.
pub fn estimated_len(doc: &Document) -> usize {
    estimated_len_seeing(doc, &mut |_| {})
}

/// [`estimated_len`], showing every run of inlines to `see` on the way: one
/// walk of the document for a writer that must know something of all of it
/// before it starts.
pub fn estimated_len_seeing(doc: &Document, see: &mut impl FnMut(&[Inline])) -> usize {
    /// Markup, indentation and masthead around the text, per run and in all.
    const PER_RUN: usize = 48;
    const FIXED: usize = 4096;
    let mut len = FIXED + figure_bytes(doc) * 4 / 3;
    doc.for_each_inlines(&mut |inlines| {
        len += PER_RUN + inlines_len(inlines);
        see(inlines);
    });
    len
}

fn inlines_len(inlines: &[Inline]) -> usize {
    /// Markup around an inline element.
    const PER_INLINE: usize = 24;
    inlines
        .iter()
        .map(|inline| {
            PER_INLINE
                + match inline {
                    Inline::Text(t) | Inline::Emph(t) => t.len() + t.len() / 16,
                    Inline::Strong(inner) => inlines_len(inner),
                    Inline::Link(link) => link.url.len() + link.text.len(),
                    Inline::Ref(r) => r.value.len(),
                    Inline::NoteRef(_) | Inline::TableNoteRef(_) => 0,
                }
        })
        .sum()
}

/// The bytes of every figure's picture (written in base64).
fn figure_bytes(doc: &Document) -> usize {
    fn walk(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Figure(f) => f.image.bytes.len(),
                Block::Chapter(d) | Block::Section(d) => walk(&d.blocks),
                _ => 0,
            })
            .sum()
    }
    let summary = doc.summary.as_ref().map_or(0, |s| walk(&s.blocks));
    let annexes: usize = doc.annexes.iter().map(|a| walk(&a.blocks)).sum();
    summary + walk(&doc.preamble) + walk(&doc.body) + annexes
}

/// Writes XML to memory, counting lines. Markup goes straight into one
/// string (no event objects, no allocation per tag or line break); text and
/// attribute values are escaped as quick-xml's writer escapes them, so the
/// bytes are those it would write.
pub struct Emitter {
    out: String,
    line: u32,
    line_spans: Vec<(u32, Span)>,
}

impl Emitter {
    /// An emitter with `capacity` bytes reserved.
    pub fn with_capacity(capacity: usize) -> Self {
        Emitter {
            out: String::with_capacity(capacity),
            line: 1,
            // About one element with a source line per 200 bytes of output
            // (a paragraph's start, a heading): grown rarely, if at all.
            line_spans: Vec::with_capacity(capacity / 200),
        }
    }

    /// The document written so far and its line map.
    pub fn finish(self) -> XmlOutput {
        XmlOutput {
            xml: self.out,
            line_spans: self.line_spans,
        }
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    pub fn declaration(&mut self) {
        self.out
            .push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    }

    /// A line break and the indentation of `depth` (one copy from a
    /// prepared run of spaces, however deep).
    pub fn newline(&mut self, depth: usize) {
        /// A line break and the indentation of 32 levels.
        const BREAK: &str = concat!(
            "\n",
            "                                ",
            "                                "
        );
        self.line += 1;
        let width = 1 + 2 * depth;
        self.out.push_str(&BREAK[..width.min(BREAK.len())]);
        for _ in BREAK.len()..width {
            self.out.push(' ');
        }
    }

    /// Text, with `<`, `>`, `&` (and `\r`) escaped.
    pub fn text(&mut self, text: &str) {
        self.line += escape_text_into(&mut self.out, text);
    }

    /// `span` (when known) recorded against the current line: the element
    /// starting there came from it.
    pub fn record(&mut self, span: Span) {
        if span.line > 0 {
            self.line_spans.push((self.line, span));
        }
    }

    /// A start tag; `span` (when known) is recorded against the current line.
    pub fn start(&mut self, name: &str, attrs: &[(&str, &str)], span: Span) {
        self.record(span);
        self.open_tag(name, attrs);
        self.out.push('>');
    }

    /// Markup spelled out whole (`<content>`, `</p>`): one copy where
    /// [`Emitter::start`] and [`Emitter::end`] make three, for the tags a
    /// writer writes around every paragraph. Nothing in it is escaped.
    pub fn markup(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// A start tag with one attribute, an id: `open` spelled out up to the
    /// value's opening quote (`<paragraph eId="`), then `id`, which is made
    /// of ASCII letters, digits and `_` and so needs no escaping, then `">`.
    /// `span` is recorded as by [`Emitter::start`].
    pub fn start_with_id(&mut self, open: &'static str, id: &str, span: Span) {
        self.record(span);
        self.out.push_str(open);
        self.id(id);
        self.out.push_str("\">");
    }

    /// An element id, made of ASCII letters, digits and `_`: written as it
    /// is, with nothing to escape.
    pub fn id(&mut self, id: &str) {
        debug_assert!(
            id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
            "an id to escape: {id}"
        );
        self.out.push_str(id);
    }

    /// A tag spelled out whole around its attribute values: each part is
    /// the markup before a value (`<FRBRdate date="`, `" name="`) and the
    /// value, escaped; `close` ends it (`"/>`, `">`). One copy for a name
    /// and its quotes where [`Emitter::empty`] makes four, for writers that
    /// write many tags of a few attributes (Akoma Ntoso's metadata).
    pub fn spelled_tag(&mut self, parts: &[(&'static str, &str)], close: &'static str) {
        for (markup, value) in parts {
            self.out.push_str(markup);
            escape_attribute_into(&mut self.out, value);
        }
        self.out.push_str(close);
    }

    /// [`Emitter::spelled_tag`] with values undoc makes (names, ids, ISO
    /// dates, language codes), which hold nothing to escape.
    pub fn spelled_plain_tag(&mut self, parts: &[(&'static str, &str)], close: &'static str) {
        for (markup, value) in parts {
            debug_assert!(is_plain_attribute(value), "a value to escape: {value}");
            self.out.push_str(markup);
            self.out.push_str(value);
        }
        self.out.push_str(close);
    }

    /// What `write` appends, as it is: text with no markup character (a
    /// label's digits and punctuation).
    pub fn write_raw(&mut self, write: impl FnOnce(&mut String)) {
        write(&mut self.out);
    }

    /// An end tag.
    pub fn end(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// An empty element `<name …/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.open_tag(name, attrs);
        self.out.push_str("/>");
    }

    /// `<name>text</name>` on its own line.
    pub fn leaf(&mut self, depth: usize, name: &str, text: &str, span: Span) {
        self.newline(depth);
        self.start(name, &[], span);
        self.text(text);
        self.end(name);
    }

    /// `<name a="v" …`, values escaped, the tag left open.
    fn open_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_attribute_into(&mut self.out, value);
            self.out.push('"');
        }
    }
}

/// Bytes escaped in text: `<`, `>`, `&`, and `\r` (which XML end-of-line
/// handling would otherwise turn into `\n`).
static TEXT_SPECIAL: [bool; 256] = byte_set(b"<>&\r");

/// [`TEXT_SPECIAL`] and the line break, which text counts.
static TEXT_SPECIAL_OR_BREAK: [bool; 256] = byte_set(b"<>&\r\n");

/// Bytes escaped in attribute values: those of text, both quotes, and the
/// white space attribute-value normalization would turn into spaces.
static ATTRIBUTE_SPECIAL: [bool; 256] = byte_set(b"<>&'\"\r\n\t");

/// A lookup table of `bytes`: one load a byte, no call, in the loop that
/// every character of a document goes through.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

/// [`escape_into`] for text, with the markup characters found by a
/// vectorised search: most runs of a document hold none, and `\r` (the
/// fourth special byte of text) almost never stands in one.
fn escape_text_into(out: &mut String, raw: &str) -> u32 {
    let bytes = raw.as_bytes();
    // Short runs (labels, numbers, words between marks) are done sooner
    // byte by byte than by setting up a vectorised search.
    if bytes.len() < SHORT {
        // Most short runs (labels, headings, names) hold neither markup nor
        // a line break: one pass tells, and they are copied as they are.
        if !any_special(bytes, &TEXT_SPECIAL_OR_BREAK) {
            out.push_str(raw);
            return 0;
        }
        return escape_into(out, raw, &TEXT_SPECIAL);
    }
    // One pass for the line breaks and the rare `\r`, one for the markup.
    let mut lines = 0u32;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\r' {
            return escape_into(out, raw, &TEXT_SPECIAL);
        }
        lines += 1;
    }
    let mut from = 0;
    for i in memchr::memchr3_iter(b'<', b'>', b'&', bytes) {
        out.push_str(&raw[from..i]);
        out.push_str(reference(bytes[i]));
        from = i + 1;
    }
    out.push_str(&raw[from..]);
    lines
}

/// An attribute value, escaped. A long value (a picture's data in base64,
/// an IRI) is searched for the eight special bytes with vectorised passes,
/// as text is: it almost never holds one.
fn escape_attribute_into(out: &mut String, raw: &str) {
    let bytes = raw.as_bytes();
    let plain = bytes.len() >= SHORT
        && memchr::memchr3(b'<', b'>', b'&', bytes).is_none()
        && memchr::memchr3(b'\'', b'"', b'\n', bytes).is_none()
        && memchr::memchr2(b'\r', b'\t', bytes).is_none();
    if plain {
        out.push_str(raw);
    } else {
        replace_bytes(out, raw, &ATTRIBUTE_SPECIAL, reference);
    }
}

/// Whether `raw` is written as it is in an attribute value (no byte of it
/// is escaped there).
pub fn is_plain_attribute(raw: &str) -> bool {
    !any_special(raw.as_bytes(), &ATTRIBUTE_SPECIAL)
}

/// Below this length a string is scanned byte by byte.
const SHORT: usize = 64;

/// The `\n`s in `bytes`: a plain loop for the short strings most calls
/// get (labels, numbers, attribute values), a vectorised count otherwise.
fn line_breaks(bytes: &[u8]) -> u32 {
    let count = if bytes.len() < SHORT {
        bytes.iter().filter(|&&b| b == b'\n').count()
    } else {
        memchr::memchr_iter(b'\n', bytes).count()
    };
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// Appends `raw` to `out` with the bytes `special` picks replaced by their
/// references (all ASCII, so slicing between them stays on char bounds);
/// returns the number of line breaks in `raw`.
fn escape_into(out: &mut String, raw: &str, special: &[bool; 256]) -> u32 {
    replace_bytes(out, raw, special, reference);
    line_breaks(raw.as_bytes())
}

/// The character reference undoc writes for a special byte.
fn reference(b: u8) -> &'static str {
    match b {
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'&' => "&amp;",
        b'\'' => "&apos;",
        b'"' => "&quot;",
        b'\t' => "&#9;",
        b'\n' => "&#10;",
        _ => "&#13;",
    }
}

/// Appends `raw` to `out` with each byte `special` picks replaced by
/// `with(byte)`. The special bytes are ASCII, so slicing between them
/// stays on char boundaries. The XML writers' escaping (and the DOCX
/// writer's, which drops what XML forbids) share it.
pub(crate) fn replace_bytes(
    out: &mut String,
    raw: &str,
    special: &[bool; 256],
    with: fn(u8) -> &'static str,
) {
    if !any_special(raw.as_bytes(), special) {
        out.push_str(raw);
        return;
    }
    let mut from = 0;
    for (i, &b) in raw.as_bytes().iter().enumerate() {
        if special[usize::from(b)] {
            out.push_str(&raw[from..i]);
            out.push_str(with(b));
            from = i + 1;
        }
    }
    out.push_str(&raw[from..]);
}

/// Whether any byte of `bytes` is in `special`: the table's answers
/// or-ed a chunk at a time, with no branch a byte, since most values
/// (ids, IRIs, names) hold none.
fn any_special(bytes: &[u8], special: &[bool; 256]) -> bool {
    let is = |b: u8| u8::from(special[usize::from(b)]);
    let mut chunks = bytes.chunks_exact(8);
    let found = chunks.any(|c| {
        let found = is(c[0]) | is(c[1]) | is(c[2]) | is(c[3]);
        (found | is(c[4]) | is(c[5]) | is(c[6]) | is(c[7])) != 0
    });
    found || chunks.remainder().iter().any(|&b| special[usize::from(b)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_attribute_values_are_escaped_like_short_ones() {
        for special in ['<', '>', '&', '\'', '"', '\r', '\n', '\t'] {
            for at in [0, 31, 63, 64, 99] {
                let mut raw: String = "A/80/6".repeat(17);
                raw.insert(at, special);
                let (mut fast, mut slow) = (String::new(), String::new());
                escape_attribute_into(&mut fast, &raw);
                replace_bytes(&mut slow, &raw, &ATTRIBUTE_SPECIAL, reference);
                assert_eq!(fast, slow, "{special:?} at {at}");
                let escaped = special == '&' || !fast.contains(special);
                assert!(escaped, "{special:?} at {at}");
            }
        }
        let plain = "QUJD".repeat(40);
        let mut out = String::new();
        escape_attribute_into(&mut out, &plain);
        assert_eq!(out, plain);
    }

    #[test]
    fn escapes_as_quick_xml_writes() {
        let raw = "a<b>&c'd\"e\r\n\tf é";
        let mut e = Emitter::with_capacity(0);
        e.start("x", &[("v", raw)], Span::default());
        e.text(raw);
        e.end("x");
        let expected = format!(
            "<x v=\"{}\">{}</x>",
            quick_xml::escape::escape(raw)
                .replace('\n', "&#10;")
                .replace('\t', "&#9;"),
            quick_xml::escape::partial_escape(raw)
        );
        assert_eq!(e.finish().xml, expected);
    }

    #[test]
    fn text_is_escaped_alike_on_both_paths_and_its_lines_counted() {
        let long = "a<b>&c\nd é, and a longer run of plain words ".repeat(4);
        let long_cr = format!("{long}\r\n");
        for raw in [
            "",
            "plain",
            "a<b>&c\nd é",
            "<<&&>>",
            "x\n\n&",
            &long,
            &long_cr,
        ] {
            let (mut fast, mut table) = (String::new(), String::new());
            let lines = escape_text_into(&mut fast, raw);
            assert_eq!(
                lines,
                escape_into(&mut table, raw, &TEXT_SPECIAL),
                "{raw:?}"
            );
            assert_eq!(fast, table, "{raw:?}");
            assert_eq!(fast, quick_xml::escape::partial_escape(raw), "{raw:?}");
            assert_eq!(lines as usize, raw.matches('\n').count());
        }
    }
}
