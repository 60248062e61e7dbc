//! What the reader keeps while it builds: the places diagnostics point at
//! (part, position, text), footnote numbers, diagnostics and the styles.

use std::collections::HashMap;

use super::content::WPara;
use super::inlines::{self, NoteNumbers, SupLetter};
use super::styles::{Style, Styles};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Inline, Span};
use crate::read::Place;

/// How many characters of a place's text are kept for reports.
const PLACE_TEXT_CHARS: usize = 200;

/// The reader's state while it turns Word blocks into the model.
pub struct Ctx<'s> {
    /// Every place met, in order; a span's line indexes it (1-based).
    pub places: Vec<Place>,
    /// Footnote numbers in reading order.
    pub notes: NoteNumbers,
    /// What the reader found.
    pub diagnostics: Vec<Diagnostic>,
    /// The part being read.
    pub part: String,
    /// The file's styles.
    pub styles: &'s Styles,
    /// Superscript letters read as maybe marks ([`SupLetter::MaybeMark`]),
    /// by place, with whether each was italic.
    pub maybe_marks: HashMap<Span, bool>,
}

impl<'s> Ctx<'s> {
    /// A context reading `part`.
    pub fn new(part: &str, styles: &'s Styles) -> Self {
        Ctx {
            places: Vec::new(),
            notes: NoteNumbers::default(),
            diagnostics: Vec::new(),
            part: part.to_string(),
            styles,
            maybe_marks: HashMap::new(),
        }
    }

    /// Records the place of `p` and returns its span.
    pub fn place(&mut self, p: &WPara) -> Span {
        let text = inlines::plain(&p.runs);
        self.place_at(&p.position, &text)
    }

    /// Records a place by position and text.
    pub fn place_at(&mut self, position: &str, text: &str) -> Span {
        let text: String = text
            .trim()
            .chars()
            .take(PLACE_TEXT_CHARS)
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        self.places.push(Place {
            part: self.part.clone(),
            position: position.to_string(),
            text,
        });
        Span::new(self.places.len() as u32, 1)
    }

    /// The inline content of `p` from byte `skip` of its text.
    pub fn inlines(&mut self, p: &WPara, skip: usize, marks: SupLetter, span: Span) -> Vec<Inline> {
        inlines::Builder {
            notes: &mut self.notes,
            marks,
            maybe_marks: &mut self.maybe_marks,
            line: span.line,
        }
        .inlines(&p.runs, skip)
    }

    /// The resolved style of `p`.
    pub fn style(&self, p: &WPara) -> Style {
        self.styles.get(p.style.as_deref())
    }

    /// A structure warning at `span`.
    pub fn warn(&mut self, span: Span, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::new(Code::Structure, span, message));
    }
}
