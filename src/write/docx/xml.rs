//! A minimal, allocation-light XML builder for WordprocessingML parts.
//!
//! Parts are written straight into a `String`: element names and attribute
//! names are static, values and text are escaped here. Child order is the
//! caller's business (see [`super::props`], which encodes ISO/IEC 29500 order).

use std::fmt::Write as _;

/// The XML declaration every part starts with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The WordprocessingML main namespace.
pub const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace used by `r:id` attributes.
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A part being written.
#[derive(Default)]
pub struct Xml {
    out: String,
}

impl Xml {
    /// A part that starts with the XML declaration.
    pub fn part(capacity: usize) -> Xml {
        let mut out = String::with_capacity(capacity);
        out.push_str(DECLARATION);
        Xml { out }
    }

    /// An XML fragment (no declaration).
    pub fn fragment() -> Xml {
        Xml::default()
    }

    fn attrs(&mut self, attrs: &[(&str, &str)]) {
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push('"');
        }
    }

    /// `<name attrs…>`
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push('>');
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<name attrs…/>`
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attrs(attrs);
        self.out.push_str("/>");
    }

    /// `<name w:val="value"/>`, the most common WordprocessingML shape.
    pub fn val(&mut self, name: &str, value: &str) {
        self.empty(name, &[("w:val", value)]);
    }

    /// `<name w:val="n"/>` for a number.
    pub fn val_n(&mut self, name: &str, value: i64) {
        let _ = write!(self.out, "<{name} w:val=\"{value}\"/>");
    }

    /// Escaped character data.
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text, false);
    }

    /// Markup that is already well-formed (another fragment, a constant).
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// The markup written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// The finished part.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Escapes `text` for element content, or for a double-quoted attribute
/// when `attr`. Characters XML 1.0 forbids (C0 controls other than tab,
/// newline and carriage return) are dropped, so output is always well-formed.
pub fn escape_into(out: &mut String, text: &str, attr: bool) {
    let special = if attr {
        &ATTRIBUTE_SPECIAL
    } else {
        &TEXT_SPECIAL
    };
    crate::write::emit::replace_bytes(out, text, special, |b| match b {
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'&' => "&amp;",
        b'"' => "&quot;",
        _ => "",
    });
}

/// Bytes escaped or dropped in element content: markup characters and the
/// C0 controls XML 1.0 forbids. A table: one load a byte, no char decoding.
static TEXT_SPECIAL: [bool; 256] = specials(false);
/// Those of text, and the double quote that delimits attribute values.
static ATTRIBUTE_SPECIAL: [bool; 256] = specials(true);

const fn specials(attr: bool) -> [bool; 256] {
    let mut set = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        set[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
        b += 1;
    }
    set[b'<' as usize] = true;
    set[b'>' as usize] = true;
    set[b'&' as usize] = true;
    set[b'"' as usize] = attr;
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut x = Xml::fragment();
        x.open("w:t", &[("a", "x\"<y>&")]);
        x.text("1 < 2 & \"q\"\u{1}");
        x.close("w:t");
        assert_eq!(
            x.finish(),
            "<w:t a=\"x&quot;&lt;y&gt;&amp;\">1 &lt; 2 &amp; \"q\"</w:t>"
        );
    }
}
