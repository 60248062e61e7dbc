//! A paragraph's runs as the model's inline content: bold runs become
//! `Strong`, italic `Emph`, links `Link` (or `Ref` when they show a
//! symbol), footnote references `NoteRef` numbered in reading order,
//! superscript letters in tables `TableNoteRef` (and in the lines leading
//! into a table, when they mark its notes), and symbols in the text `Ref`.

use std::collections::HashMap;

use super::content::{Run, RunKind};
use crate::model::{Inline, Span, Spanned};
use crate::read::inline::merge_text;
use crate::symbol;

/// Footnote numbers, given in the order references are met.
#[derive(Debug, Default)]
pub struct NoteNumbers {
    /// (endnote, id) → number.
    pub by_id: HashMap<(bool, i64), u32>,
    /// (endnote, id) in number order.
    pub order: Vec<(bool, i64)>,
}

impl NoteNumbers {
    fn number(&mut self, endnote: bool, id: i64) -> u32 {
        let next = self.order.len() as u32 + 1;
        *self.by_id.entry((endnote, id)).or_insert_with(|| {
            self.order.push((endnote, id));
            next
        })
    }
}

/// The text of runs, tabs kept.
pub fn plain(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        if let RunKind::Text(t) = &run.kind {
            out.push_str(t);
        }
    }
    out
}

/// How a superscript lowercase letter (`a`, `b`) reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupLetter {
    /// A table note's mark: in a table.
    Mark,
    /// Maybe a mark: in the body, where a heading or line leading into a
    /// table may mark one of its notes (`Human resources^a`). Read as a
    /// mark, recorded in the builder's `maybe_marks`, and settled once the
    /// tables are read (`lead_marks::settle_lead_marks`).
    MaybeMark,
    /// Its letter, as text: in table notes and source lines, footnotes,
    /// list items, annex titles and the document's title and subtitle.
    Letter,
}

/// Builds inline content from runs.
pub struct Builder<'n> {
    /// Footnote numbering.
    pub notes: &'n mut NoteNumbers,
    /// What superscript letters are.
    pub marks: SupLetter,
    /// The maybe marks read, by place, with whether each was italic.
    pub maybe_marks: &'n mut HashMap<Span, bool>,
    /// The place index (a span's line).
    pub line: u32,
}

/// Inline content gathered, with the column reached.
struct Out {
    inlines: Vec<Inline>,
    column: u32,
}

impl Builder<'_> {
    /// The inline content of `runs` from byte `skip` of their joined text.
    pub fn inlines(&mut self, runs: &[Run], skip: usize) -> Vec<Inline> {
        let mut out = Out {
            inlines: Vec::new(),
            column: 1,
        };
        let mut pos = 0usize;
        let mut strong: Vec<Inline> = Vec::new();
        for run in runs {
            let piece = match &run.kind {
                RunKind::Text(t) => {
                    let start = pos;
                    pos += t.len();
                    if pos <= skip {
                        continue;
                    }
                    &t[skip.saturating_sub(start).min(t.len())..]
                }
                RunKind::NoteRef { .. } if pos < skip => continue,
                _ => "",
            };
            out.column += piece.chars().count() as u32;
            for inline in self.inlines_of(run, piece, out.column) {
                // A maybe mark stays in its bold group: read as its letter
                // again, it is what it would have been.
                let maybe_mark = self.marks == SupLetter::MaybeMark;
                let mark = matches!(inline, Inline::NoteRef(_))
                    || matches!(inline, Inline::TableNoteRef(_)) && !maybe_mark;
                if run.bold && !mark {
                    strong.push(inline);
                } else {
                    flush_strong(&mut strong, &mut out.inlines);
                    out.inlines.push(inline);
                }
            }
        }
        flush_strong(&mut strong, &mut out.inlines);
        tidy(out.inlines)
    }

    /// The inlines of `piece` of `run`: one, or none, or each table note
    /// mark of a superscript run that holds several (`a,b`, or `,b` after
    /// a run with `a`).
    fn inlines_of(&mut self, run: &Run, piece: &str, column: u32) -> Vec<Inline> {
        if run.sup
            && self.marks != SupLetter::Letter
            && let Some(letters) = mark_letters(piece)
            && (letters.len() > 1 || piece.trim_start().starts_with(','))
        {
            let span = Span::new(self.line, column);
            if self.marks == SupLetter::MaybeMark {
                self.maybe_marks.insert(span, run.italic);
            }
            return letters
                .into_iter()
                .map(|n| Inline::TableNoteRef(Spanned::new(n, span)))
                .collect();
        }
        self.inline(run, piece, column).into_iter().collect()
    }

    fn inline(&mut self, run: &Run, piece: &str, column: u32) -> Option<Inline> {
        let span = Span::new(self.line, column);
        match &run.kind {
            RunKind::NoteRef { id, endnote } => Some(Inline::NoteRef(Spanned::new(
                self.notes.number(*endnote, *id),
                span,
            ))),
            RunKind::Image { .. } => None,
            RunKind::Text(_) if piece.is_empty() => None,
            RunKind::Text(_) => {
                let text = piece.replace(['\t', '\u{a0}'], " ");
                let mark = text.trim();
                if run.sup
                    && self.marks != SupLetter::Letter
                    && mark.len() == 1
                    && mark.as_bytes()[0].is_ascii_lowercase()
                {
                    if self.marks == SupLetter::MaybeMark {
                        self.maybe_marks.insert(span, run.italic);
                    }
                    let n = u32::from(mark.as_bytes()[0] - b'a') + 1;
                    return Some(Inline::TableNoteRef(Spanned::new(n, span)));
                }
                if let Some(url) = &run.link {
                    if symbol::is_valid(mark) {
                        return Some(Inline::Ref(Spanned::new(mark.to_string(), span)));
                    }
                    return Some(Inline::Link(Box::new(crate::model::Link {
                        url: url.clone(),
                        text,
                    })));
                }
                if run.italic {
                    return Some(Inline::Emph(text));
                }
                Some(Inline::Text(text))
            }
        }
    }
}

/// The table note marks of a superscript `text`: letters separated by
/// commas (`a,b`, `a, b`), a leading comma allowed (`,b` set apart from the
/// `a` before it); `None` for anything else.
fn mark_letters(text: &str) -> Option<Vec<u32>> {
    let text = text.trim();
    let text = text.strip_prefix(',').unwrap_or(text);
    text.split(',')
        .map(|part| match part.trim().as_bytes() {
            [b] if b.is_ascii_lowercase() => Some(u32::from(b - b'a') + 1),
            _ => None,
        })
        .collect()
}

/// `inlines` without the bold around them: the bold a style gives every
/// heading, title or total row, which the writers give them again.
pub fn unbold(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::new();
    for i in inlines {
        match i {
            Inline::Strong(inner) => out.extend(inner),
            other => out.push(other),
        }
    }
    merge_text(out)
}

fn flush_strong(strong: &mut Vec<Inline>, out: &mut Vec<Inline>) {
    if strong.is_empty() {
        return;
    }
    let inner = merge_text(std::mem::take(strong));
    if inner
        .iter()
        .all(|i| matches!(i, Inline::Text(t) if t.trim().is_empty()))
    {
        out.extend(inner);
    } else {
        out.push(Inline::Strong(inner));
    }
}

/// Joins text, finds cited symbols in plain text, collapses spaces and
/// trims the ends.
fn tidy(inlines: Vec<Inline>) -> Vec<Inline> {
    let joined = merge_text(inlines);
    let mut out: Vec<Inline> = Vec::with_capacity(joined.len());
    for inline in joined {
        match inline {
            Inline::Text(t) => push_with_refs(&collapse(&t), &mut out),
            Inline::Strong(inner) => {
                let mut inside = Vec::new();
                for i in inner {
                    match i {
                        Inline::Text(t) => push_with_refs(&collapse(&t), &mut inside),
                        Inline::Emph(t) => push_emph(&collapse(&t), &mut inside),
                        other => inside.push(other),
                    }
                }
                push_strong(merge_text(inside), &mut out);
            }
            Inline::Emph(t) => push_emph(&collapse(&t), &mut out),
            other => out.push(other),
        }
    }
    trim_ends(&mut out);
    merged(out)
}

/// `inlines` with adjacent text joined and its spaces collapsed, across
/// the places where runs met (`as at ` and ` 28 February`, each in italic,
/// leave two spaces between them once the italic is taken off).
pub fn merged(inlines: Vec<Inline>) -> Vec<Inline> {
    merge_text(inlines)
        .into_iter()
        .map(|i| match i {
            Inline::Text(t) => Inline::Text(collapse(&t)),
            other => other,
        })
        .collect()
}

/// Emphasis without the spaces at its ends (they stay plain text).
fn push_emph(text: &str, out: &mut Vec<Inline>) {
    let inner = text.trim();
    if inner.is_empty() {
        out.push(Inline::Text(text.to_string()));
        return;
    }
    let start = text.len() - text.trim_start().len();
    if start > 0 {
        out.push(Inline::Text(text[..start].to_string()));
    }
    out.push(Inline::Emph(inner.to_string()));
    if text.trim_end().len() < text.len() {
        out.push(Inline::Text(text[text.trim_end().len()..].to_string()));
    }
}

/// Bold content with the spaces at its ends moved outside it.
fn push_strong(mut inner: Vec<Inline>, out: &mut Vec<Inline>) {
    let mut before = String::new();
    let mut after = String::new();
    if let Some(Inline::Text(t)) = inner.first_mut() {
        let trimmed = t.trim_start().to_string();
        before = t[..t.len() - trimmed.len()].to_string();
        *t = trimmed;
    }
    if let Some(Inline::Text(t)) = inner.last_mut() {
        let trimmed = t.trim_end().to_string();
        after = t[trimmed.len()..].to_string();
        *t = trimmed;
    }
    inner.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    out.push(Inline::Text(before));
    if !inner.is_empty() {
        out.push(Inline::Strong(inner));
    }
    out.push(Inline::Text(after));
}

/// Runs of spaces as one.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == ' ' {
            if !space {
                out.push(c);
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn push_with_refs(text: &str, out: &mut Vec<Inline>) {
    let mut last = 0;
    for found in symbol::find_in_text(text) {
        if found.start > last {
            out.push(Inline::Text(text[last..found.start].to_string()));
        }
        out.push(Inline::Ref(Spanned::new(
            text[found.clone()].to_string(),
            Span::default(),
        )));
        last = found.end;
    }
    if last < text.len() {
        out.push(Inline::Text(text[last..].to_string()));
    }
}

fn trim_ends(out: &mut Vec<Inline>) {
    out.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    if let Some(Inline::Text(t)) = out.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = out.last_mut() {
        *t = t.trim_end().to_string();
    }
    out.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, bold: bool, italic: bool) -> Run {
        Run {
            kind: RunKind::Text(t.into()),
            bold,
            italic,
            sup: false,
            link: None,
        }
    }

    #[test]
    fn runs_become_inlines_after_the_label() {
        let runs = vec![
            text("12.\tThe ", false, false),
            text("Committee", true, false),
            text(" notes ", false, false),
            text("ibid.", false, true),
            Run {
                kind: RunKind::NoteRef {
                    id: 7,
                    endnote: false,
                },
                bold: false,
                italic: false,
                sup: true,
                link: None,
            },
            text(" (see A/80/614).", false, false),
        ];
        let mut notes = NoteNumbers::default();
        let mut maybe_marks = HashMap::new();
        let mut b = Builder {
            notes: &mut notes,
            marks: SupLetter::Letter,
            maybe_marks: &mut maybe_marks,
            line: 3,
        };
        let inl = b.inlines(&runs, 4);
        assert_eq!(inl[0], Inline::Text("The ".into()));
        assert_eq!(
            inl[1],
            Inline::Strong(vec![Inline::Text("Committee".into())])
        );
        assert_eq!(inl[3], Inline::Emph("ibid.".into()));
        assert!(matches!(&inl[4], Inline::NoteRef(n) if n.value == 1 && n.span.line == 3));
        assert!(
            inl.iter()
                .any(|i| matches!(i, Inline::Ref(r) if r.value == "A/80/614"))
        );
    }
}
