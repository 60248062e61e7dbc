//! Markup spelled out ahead: lines of tags with holes, made once per
//! process and depth with their line breaks and indentation, so that what
//! every document writes the same way (Akoma Ntoso's identification, the
//! frame of each numbered paragraph) costs a copy per piece instead of
//! several per tag, quote and indentation.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::{Emitter, escape_attribute_into, is_plain_attribute};

/// Lines of markup with holes (`{}`), spelled at one depth.
#[derive(Debug, Clone)]
pub struct Template {
    /// The markup between the holes, one more piece than holes, each with
    /// the line breaks it holds.
    pieces: Vec<(String, u32)>,
}

impl Template {
    /// `lines`, each (depth under `depth`, markup), each on its own line.
    pub fn new(depth: usize, lines: &[(usize, &str)]) -> Template {
        let mut pieces = vec![(String::new(), 0)];
        for &(under, line) in lines {
            let mut parts = line.split("{}");
            let (current, breaks) = pieces.last_mut().expect("a piece at least");
            current.push('\n');
            current.extend(std::iter::repeat_n(' ', 2 * (depth + under)));
            current.push_str(parts.next().unwrap_or_default());
            *breaks += 1;
            pieces.extend(parts.map(|part| (part.to_owned(), 0)));
        }
        Template { pieces }
    }

    /// How many values [`Emitter::fill`] takes.
    pub fn holes(&self) -> usize {
        self.pieces.len() - 1
    }
}

/// Depths up to this one are spelled once per process; deeper ones (no
/// real document goes there) are spelled when used.
const CACHED_DEPTHS: usize = 16;

/// A template's lines and their spellings at each depth, made on first use.
pub struct Spelled {
    lines: &'static [(usize, &'static str)],
    at: [OnceLock<Template>; CACHED_DEPTHS],
}

impl Spelled {
    pub const fn new(lines: &'static [(usize, &'static str)]) -> Spelled {
        Spelled {
            lines,
            at: [const { OnceLock::new() }; CACHED_DEPTHS],
        }
    }

    /// The lines spelled at `depth`.
    pub fn at(&'static self, depth: usize) -> Cow<'static, Template> {
        match self.at.get(depth) {
            Some(cell) => Cow::Borrowed(cell.get_or_init(|| Template::new(depth, self.lines))),
            None => Cow::Owned(Template::new(depth, self.lines)),
        }
    }
}

impl Emitter {
    /// `template` with its holes filled, in order, by `values`, escaped as
    /// attribute values.
    pub fn fill(&mut self, template: &Template, values: &[&str]) {
        assert_eq!(values.len(), template.holes(), "a value for each hole");
        for (i, value) in values.iter().enumerate() {
            self.piece(template, i);
            escape_attribute_into(&mut self.out, value);
        }
        self.piece(template, values.len());
    }

    /// [`Emitter::fill`] with values known to hold no byte that escaping
    /// changes (checked once where they were made, not at every hole).
    pub fn fill_plain(&mut self, template: &Template, values: &[&str]) {
        assert_eq!(values.len(), template.holes(), "a value for each hole");
        for (i, value) in values.iter().enumerate() {
            debug_assert!(is_plain_attribute(value), "a value to escape: {value}");
            self.piece(template, i);
            self.out.push_str(value);
        }
        self.piece(template, values.len());
    }

    /// Piece `i` of `template` alone: the caller writes what stands in the
    /// holes around it (an id, a label, a paragraph's text).
    pub fn piece(&mut self, template: &Template, i: usize) {
        let (markup, breaks) = &template.pieces[i];
        self.out.push_str(markup);
        self.line += breaks;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_indent_their_lines_and_escape_what_fills_their_holes() {
        let lines = [(0, r#"<a x="{}" y="{}">"#), (1, "<b/>"), (0, "</a>")];
        let template = Template::new(1, &lines);
        assert_eq!(template.holes(), 2);
        let mut e = Emitter::with_capacity(0);
        e.fill(&template, &["<&", "plain"]);
        e.fill_plain(&template, &["p", "q"]);
        assert_eq!(e.line, 7);
        let expected = "\n  <a x=\"&lt;&amp;\" y=\"plain\">\n    <b/>\n  </a>";
        let plain = "\n  <a x=\"p\" y=\"q\">\n    <b/>\n  </a>";
        assert_eq!(e.finish().xml, format!("{expected}{plain}"));
        assert!(!is_plain_attribute("a\"b") && is_plain_attribute("/akn/un/A-80-1"));
    }

    #[test]
    fn pieces_count_the_lines_they_break() {
        let template = Template::new(0, &[(0, "<a>{}"), (1, "<b>{}</b>"), (0, "</a>")]);
        let mut e = Emitter::with_capacity(0);
        e.piece(&template, 0);
        assert_eq!(e.line, 2);
        e.piece(&template, 1);
        assert_eq!(e.line, 3);
        e.piece(&template, 2);
        assert_eq!(e.line, 4);
        assert_eq!(e.finish().xml, "\n<a>\n  <b></b>\n</a>");
    }

    #[test]
    fn deep_templates_are_spelled_when_used() {
        static DEEP: Spelled = Spelled::new(&[(0, "<a/>")]);
        let spelled = DEEP.at(CACHED_DEPTHS + 1);
        assert!(matches!(spelled, Cow::Owned(_)));
        assert_eq!(spelled.pieces[0].0.len(), 1 + 2 * (CACHED_DEPTHS + 1) + 4);
        assert!(matches!(DEEP.at(2), Cow::Borrowed(_)));
    }

    #[test]
    #[should_panic(expected = "a value for each hole")]
    fn a_template_is_filled_with_a_value_for_each_hole() {
        let template = Template::new(0, &[(0, r#"<a x="{}"/>"#)]);
        Emitter::with_capacity(0).fill(&template, &[]);
    }
}
