//! Streaming a package part with quick-xml, refusing what the XML reader
//! refuses (DOCTYPEs, entities other than the five predefined ones) and
//! nesting deeper than a Word file ever needs.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;

/// Deepest element nesting accepted in a part (Word's deepest is a table in
/// a table in a content control: a few dozen).
pub const MAX_DEPTH: usize = 256;

/// One event of a part, names reduced to their local part (`w:p` → `p`).
pub enum Ev<'a> {
    /// An element opens; its end will come.
    Start(BytesStart<'a>),
    /// An empty element (`<w:tab/>`).
    Empty(BytesStart<'a>),
    /// An element closes.
    End(EndName<'a>),
    /// Character data (character references resolved).
    Text(Cow<'a, str>),
    /// The part is over.
    Eof,
}

/// The name of a closing element, borrowed from the part.
pub struct EndName<'a>(quick_xml::events::BytesEnd<'a>);

impl EndName<'_> {
    /// Its local part (`w:p` → `p`).
    pub fn local(&self) -> &[u8] {
        let name = self.0.name().0.as_bytes();
        match name.iter().position(|&b| b == b':') {
            Some(i) => &name[i + 1..],
            None => name,
        }
    }

    /// Whether its local part is `local`.
    pub fn is(&self, local: &[u8]) -> bool {
        self.local() == local
    }
}

/// Runs `read`, which reads the part `bytes`: when they are UTF-8 (checked
/// once, vectorised), quick-xml takes their events as text without checking
/// each again (vendor/quick-xml/UNDOC-PATCH.md); when not, it checks each
/// and reports the first bad one, as before.
pub fn reading_part<T>(bytes: &[u8], read: impl FnOnce() -> T) -> T {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => quick_xml::reader::with_known_utf8(text, read),
        Err(_) => read(),
    }
}

/// Reads the events of one part.
pub struct PartReader<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    depth: usize,
}

impl<'a> PartReader<'a> {
    /// A reader of `bytes`, the part named `part` (for diagnostics).
    pub fn new(bytes: &'a [u8], part: &'a str) -> Self {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().check_end_names = true;
        PartReader {
            reader,
            part,
            depth: 0,
        }
    }

    /// A diagnostic about this part.
    pub fn error(&self, code: Code, message: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::new(
            code,
            Span::default(),
            format!(
                "{} (at byte {}): {message}",
                self.part,
                self.reader.buffer_position()
            ),
        )
    }

    /// The next event worth reading: declarations, comments and processing
    /// instructions are passed over.
    pub fn next(&mut self) -> Result<Ev<'a>, Diagnostic> {
        loop {
            let event = self
                .reader
                .read_event()
                .map_err(|e| self.error(Code::MalformedXml, format!("malformed XML: {e}")))?;
            match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self.error(
                            Code::ForbiddenXml,
                            format!("elements nested deeper than {MAX_DEPTH} levels"),
                        ));
                    }
                    return Ok(Ev::Start(e));
                }
                Event::Empty(e) => return Ok(Ev::Empty(e)),
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Ev::End(EndName(e)));
                }
                Event::Text(t) => return Ok(Ev::Text(t.xml10_content())),
                Event::CData(t) => return Ok(Ev::Text(t.xml10_content())),
                Event::GeneralRef(r) => return self.reference(&r).map(Ev::Text),
                Event::DocType(_) => {
                    return Err(self.error(
                        Code::ForbiddenXml,
                        "DOCTYPE refused: Word parts have none, and a DTD can define entities that expand without bound or read local files",
                    ));
                }
                Event::Eof => return Ok(Ev::Eof),
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
            }
        }
    }

    /// A character reference or one of the five predefined entities.
    fn reference(&self, r: &quick_xml::events::BytesRef) -> Result<Cow<'a, str>, Diagnostic> {
        if let Ok(Some(c)) = r.resolve_char_ref() {
            return Ok(Cow::Owned(c.to_string()));
        }
        let name = r.xml10_content();
        let c = match name.as_ref() {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            "apos" => "'",
            _ => {
                return Err(self.error(
                    Code::ForbiddenXml,
                    format!("entity reference `&{name};` refused: only &lt; &gt; &amp; &quot; &apos; and character references are allowed"),
                ));
            }
        };
        Ok(Cow::Borrowed(c))
    }

    /// Skips everything up to the end of the element just opened.
    pub fn skip(&mut self) -> Result<(), Diagnostic> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Ev::Start(_) => depth += 1,
                Ev::End(_) => depth -= 1,
                Ev::Eof => return Ok(()),
                Ev::Empty(_) | Ev::Text(_) => {}
            }
        }
        Ok(())
    }
}

/// The local part of an element's name (`w:p` → `p`).
pub fn local<'b>(e: &'b BytesStart) -> &'b [u8] {
    let name = e.name().0.as_bytes();
    match name.iter().position(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// The value of the attribute whose local name is `key` (`w:val` → `val`).
pub fn attr<'b>(e: &'b BytesStart, key: &[u8]) -> Option<Cow<'b, str>> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        let name = a.key.0.as_bytes();
        let local = match name.iter().position(|&b| b == b':') {
            Some(i) => &name[i + 1..],
            None => name,
        };
        if local != key {
            return None;
        }
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()
    })
}

/// `w:val` of an element.
pub fn val<'b>(e: &'b BytesStart) -> Option<Cow<'b, str>> {
    attr(e, b"val")
}

/// Whether an on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
pub fn on(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off" | "none"))
}

/// A number attribute.
pub fn num(e: &BytesStart, key: &[u8]) -> Option<i64> {
    attr(e, key)?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_text(xml: &str) -> Result<String, Diagnostic> {
        let mut r = PartReader::new(xml.as_bytes(), "word/document.xml");
        let mut out = String::new();
        loop {
            match r.next()? {
                Ev::Text(t) => out.push_str(&t),
                Ev::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    #[test]
    fn references_resolve_and_entities_are_refused() {
        assert_eq!(all_text("<w:t>a &amp; b &#233;</w:t>").unwrap(), "a & b é");
        let doctype = all_text("<!DOCTYPE x [<!ENTITY e \"boom\">]><w:t>&e;</w:t>").unwrap_err();
        assert_eq!(doctype.code, Code::ForbiddenXml);
        assert!(doctype.message.starts_with("word/document.xml"));
        let entity = all_text("<w:t>&e;</w:t>").unwrap_err();
        assert_eq!(entity.code, Code::ForbiddenXml);
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert_eq!(all_text(&deep).unwrap_err().code, Code::ForbiddenXml);
    }
}
