//! Inline content: emphasis and bold as `i` and `b`, links as `a`, cited
//! symbols as `ref` to the cited document's Work IRI, table-note marks as
//! `sup`, and footnotes as `authorialNote` at their mark (Akoma Ntoso keeps
//! a note's text where it is called); a footnote marked again is a
//! `noteRef` to the first.

use super::AknWriter;
use super::eid;
use super::floats::classes;
use crate::akn::iri;
use crate::lang::push_latin_letter;
use crate::model::{Inline, Span};

impl AknWriter<'_> {
    pub(super) fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => self.text(t),
                Inline::Emph(t) => self.wrapped_text("i", &[], t),
                Inline::Strong(inner) => {
                    self.markup("<b>");
                    self.inlines(inner);
                    self.markup("</b>");
                }
                Inline::Link(link) => self.wrapped_text("a", &[("href", &link.url)], &link.text),
                Inline::Ref(r) => {
                    let href = self.ids.build(|o| iri::push_cited_work(o, &r.value));
                    self.record(r.span);
                    self.spelled_tag(&[(r#"<ref href=""#, &href)], "\">");
                    self.text(&r.value);
                    self.markup("</ref>");
                    self.ids.recycle(href);
                }
                Inline::NoteRef(n) => self.footnote(n.value),
                Inline::TableNoteRef(n) => {
                    let letter = self.ids.build(|l| push_latin_letter(l, n.value, false));
                    self.wrapped_text("sup", &[("class", classes::NOTE_REF)], &letter);
                    self.ids.recycle(letter);
                }
            }
        }
    }

    /// `<element attrs>text</element>`.
    fn wrapped_text(&mut self, element: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(element, attrs, Span::default());
        self.text(text);
        self.end(element);
    }

    /// Footnote `n` at its mark: its text the first time, a reference after.
    fn footnote(&mut self, n: u32) {
        let href = self.ids.build(|id| eid::push_note_href(id, n));
        let (id, marker) = eid::note_parts(&href);
        let doc = self.doc;
        let found = self
            .note_index
            .binary_search_by_key(&n, |&(number, _)| number)
            .ok()
            .map(|at| self.note_index[at].1);
        match found {
            Some(i) if !self.placed_notes[i] => {
                self.placed_notes[i] = true;
                let note = &doc.footnotes[i];
                let attrs = [("marker", marker), ("placement", "bottom"), ("eId", id)];
                self.start("authorialNote", &attrs, note.span);
                self.markup("<p>");
                self.inlines(&note.content);
                self.markup("</p>");
                self.markup("</authorialNote>");
            }
            _ => self.empty("noteRef", &[("marker", marker), ("href", &href)]),
        }
        self.ids.recycle(href);
    }
}
