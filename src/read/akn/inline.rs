//! Inline content: `i`, `b`, `a`, `ref` (a cited UN symbol), footnotes
//! (`authorialNote` at the mark, or a `noteRef` to a note of `<meta>`) and
//! table-note marks (`sup class="noteRef"`). Other inline markup (terms,
//! definitions, abbreviations, spans) is not in the model: its text is kept.
//!
//! Text that other tools pretty-printed breaks lines inside paragraphs: a
//! run of white space holding a line break is one space (none at the start
//! or end of the content). Text without line breaks is kept exactly.

use super::AknReader;
use crate::model::{Footnote, Inline, Link, Spanned};
use crate::read::inline::merge_text;
use crate::read::xml::tree::{Element, Node};

/// `text` with each white-space run that breaks a line made one space,
/// or nothing at the start (`first`) or end (`last`) of the content.
fn squash(text: &str, first: bool, last: bool) -> String {
    if !text.contains(['\n', '\r']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        let at_start = first && out.is_empty();
        push_run(&mut out, &run, at_start);
        run.clear();
        out.push(c);
    }
    if !(last || (first && out.is_empty())) {
        push_run(&mut out, &run, false);
    }
    out
}

/// Appends a white-space run: as is, or one space if it breaks a line.
fn push_run(out: &mut String, run: &str, at_start: bool) {
    if run.contains(['\n', '\r']) {
        if !at_start {
            out.push(' ');
        }
    } else {
        out.push_str(run);
    }
}

/// The text of `el`, its line-breaking white space squashed.
fn flat_text(el: &Element) -> String {
    squash(&el.text(), true, true)
}

impl<'t> AknReader<'t> {
    /// The inline content of a paragraph, heading, title or cell.
    pub(super) fn inline_content(&mut self, el: &'t Element<'t>) -> Vec<Inline> {
        self.inline_nodes(el.children)
    }

    /// The inline content of a run of nodes.
    pub(super) fn inline_nodes(&mut self, nodes: &'t [Node]) -> Vec<Inline> {
        let last = nodes.len().saturating_sub(1);
        let mut out = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            match node {
                Node::Text(t) => out.push(Inline::Text(squash(t, i == 0, i == last))),
                Node::Element(e) => self.inline_element(e, &mut out),
            }
        }
        merge_text(out)
            .into_iter()
            .filter(|i| !matches!(i, Inline::Text(t) if t.is_empty()))
            .collect()
    }

    fn inline_element(&mut self, e: &'t Element<'t>, out: &mut Vec<Inline>) {
        match e.name {
            "i" | "em" => {
                if e.elements().next().is_some() {
                    self.unheld(e, "markup inside italics; its text is kept in italics");
                }
                out.push(Inline::Emph(flat_text(e)));
            }
            "b" | "strong" => out.push(Inline::Strong(self.inline_content(e))),
            "a" => match e.attr("href") {
                Some(url) => out.push(Inline::Link(Box::new(Link {
                    url: url.to_string(),
                    text: flat_text(e),
                }))),
                None => out.extend(self.inline_content(e)),
            },
            "ref" => self.reference(e, out),
            "authorialNote" => self.authorial_note(e, out),
            "noteRef" => self.note_ref(e, out),
            "sup" if e.attr("class") == Some(super::floats::NOTE_REF) => {
                match crate::lang::parse_latin_letter(flat_text(e).trim()) {
                    Some(n) => out.push(Inline::TableNoteRef(Spanned::new(n, e.span))),
                    None => out.extend(self.inline_content(e)),
                }
            }
            "eol" | "br" => out.push(Inline::Text(" ".into())),
            "subFlow" | "embeddedStructure" | "quotedStructure" => {
                self.unheld(
                    e,
                    "a passage of blocks inside a paragraph; its text is kept",
                );
                out.push(Inline::Text(flat_text(e)));
            }
            _ => {
                self.unheld(
                    e,
                    "inline markup the model has no place for; its text is kept",
                );
                out.extend(self.inline_content(e));
            }
        }
    }

    /// A `ref`: a cited UN symbol, or else a link (a web address) or text.
    fn reference(&mut self, e: &'t Element<'t>, out: &mut Vec<Inline>) {
        let text = flat_text(e);
        if crate::symbol::is_valid(text.trim()) {
            out.push(Inline::Ref(Spanned::new(text.trim().to_string(), e.span)));
            return;
        }
        match e.attr("href") {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                out.push(Inline::Link(Box::new(Link {
                    url: url.to_string(),
                    text,
                })));
            }
            _ => {
                self.unheld(
                    e,
                    "a reference to something other than a UN document symbol; its text is kept",
                );
                out.extend(self.inline_content(e));
            }
        }
    }

    /// A footnote at its mark: the mark, and the note (numbered by its marker).
    fn authorial_note(&mut self, e: &'t Element<'t>, out: &mut Vec<Inline>) {
        let n = self.note_number(e);
        out.push(Inline::NoteRef(Spanned::new(n, e.span)));
        if self.footnotes.iter().any(|f| f.n == n) {
            self.unheld(e, "a second note with the same number; not read");
            return;
        }
        let content = self.note_content(e);
        self.footnotes.push(Footnote {
            n,
            content,
            span: e.span,
        });
    }

    /// A mark referring to a note: a note of `<meta>` (its text becomes the
    /// footnote) or a footnote already met.
    fn note_ref(&mut self, e: &'t Element<'t>, out: &mut Vec<Inline>) {
        let n = self.note_number(e);
        out.push(Inline::NoteRef(Spanned::new(n, e.span)));
        let target = e
            .attr("href")
            .map(|h| h.trim_start_matches('#'))
            .unwrap_or("");
        let note = self
            .meta_notes
            .iter()
            .find(|(id, _)| *id == target)
            .map(|(_, note)| *note);
        if let Some(note) = note {
            self.referred_notes.push(target.to_string());
            if self.footnotes.iter().all(|f| f.n != n) {
                let content = self.note_content(note);
                self.footnotes.push(Footnote {
                    n,
                    content,
                    span: note.span,
                });
            }
        }
    }

    /// A note's number: its `marker`, else the next after those met.
    fn note_number(&self, e: &Element) -> u32 {
        let next = self.footnotes.iter().map(|f| f.n).max().unwrap_or(0) + 1;
        e.attr("marker")
            .and_then(|m| m.trim().parse().ok())
            .unwrap_or(next)
    }

    /// A note's text: its paragraphs, one after the other.
    pub(super) fn note_content(&mut self, note: &'t Element<'t>) -> Vec<Inline> {
        let mut content = Vec::new();
        for p in note.elements() {
            if !content.is_empty() {
                self.unheld(p, "a footnote's further paragraph; joined to the first");
                content.push(Inline::Text(" ".into()));
            }
            content.extend(self.inline_content(p));
        }
        merge_text(content)
    }
}

#[cfg(test)]
mod tests {
    use super::squash;

    #[test]
    fn line_breaks_in_text_become_single_spaces() {
        assert_eq!(squash("a  b", true, true), "a  b");
        assert_eq!(
            squash("\n   Section 1 was\n   amended ", true, true),
            "Section 1 was amended"
        );
        assert_eq!(squash("text\n   ", false, false), "text ");
        assert_eq!(squash("\n   ", true, false), "");
    }
}
