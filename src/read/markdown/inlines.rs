//! Inline content of Markdown: text with cited symbols found in it,
//! emphasis, strong, links (an undocs.org link becomes a symbol reference),
//! footnote marks; line breaks kept, so a paragraph's `(a)` lines can be
//! told apart.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::tree::{Picture, Walker, note_ref};
use crate::diagnostic::Code;
use crate::model::{Inline, Span, Spanned, plain_text};
use crate::read::inline::merge_text;
use crate::script::{ends_ideographic, starts_ideographic};
use crate::symbol;

/// One line of a paragraph or heading.
#[derive(Clone)]
pub(super) struct Line {
    /// Where the line starts.
    pub span: Span,
    pub inlines: Vec<Inline>,
    /// A picture found on the line (a figure if it stands alone).
    pub picture: Option<Picture>,
}

impl Line {
    fn new(span: Span) -> Line {
        Line {
            span,
            inlines: Vec::new(),
            picture: None,
        }
    }
}

/// Whether a tag opens inline content.
pub(super) fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

/// Lines run together, with a space unless Chinese text meets.
pub(super) fn join(lines: &[Line]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut before = String::new();
    for line in lines {
        let after = plain_text(&line.inlines);
        if !(out.is_empty() || ends_ideographic(&before) || starts_ideographic(&after)) {
            out.push(Inline::Text(" ".into()));
        }
        out.extend(line.inlines.iter().cloned());
        before = after;
    }
    merge_text(out)
}

impl<'s> Walker<'s, '_> {
    /// The lines of inline content up to `end` (consumed); with no `end`,
    /// up to the first event that is not inline (left in place).
    pub(super) fn lines(&mut self, end: Option<TagEnd>) -> Vec<Line> {
        let start = self.peek().map_or(0, |(_, r)| r.start);
        let mut lines = vec![Line::new(self.src.span(start))];
        while let Some((event, range)) = self.peek().cloned() {
            let is_end = matches!(&event, Event::End(e) if Some(*e) == end);
            let foreign = match &event {
                Event::End(_) => true,
                Event::Start(tag) => !is_inline(tag),
                Event::Rule => true,
                _ => false,
            };
            if is_end {
                self.next();
                break;
            }
            if end.is_none() && foreign {
                break;
            }
            self.next();
            let event = event.into_static();
            if matches!(event, Event::SoftBreak | Event::HardBreak) {
                lines.push(Line::new(self.src.span(range.end)));
                continue;
            }
            let line = lines.last_mut().expect("one line at least");
            match event {
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    let label = plain_text(&self.nested(TagEnd::Image));
                    // The description stands in the text; a picture alone
                    // in its paragraph becomes a figure instead.
                    line.inlines.push(Inline::Text(label.clone()));
                    line.picture = Some(Picture {
                        label,
                        url: dest_url.to_string(),
                        title: title.to_string(),
                    });
                }
                other => {
                    let found = self.inline(other, range);
                    line.inlines.extend(found);
                }
            }
        }
        for line in &mut lines {
            line.inlines = merge_text(std::mem::take(&mut line.inlines));
        }
        lines
    }

    /// Inline content up to `end`, on one line.
    fn nested(&mut self, end: TagEnd) -> Vec<Inline> {
        let at = self.peek().map_or(0, |(_, r)| r.start);
        if self.too_deep(end, at) {
            return Vec::new();
        }
        self.depth += 1;
        let lines = self.lines(Some(end));
        self.depth -= 1;
        join(&lines)
    }

    /// What one inline event becomes.
    fn inline(&mut self, event: Event<'static>, range: std::ops::Range<usize>) -> Vec<Inline> {
        let at = range.start;
        match event {
            Event::Text(t) => self.text(&t, at),
            Event::Code(t) => {
                self.warn(
                    Code::Unsupported,
                    at,
                    "inline code has no place in a UN document: kept as plain text",
                );
                vec![Inline::Text(t.to_string())]
            }
            Event::FootnoteReference(label) => {
                let n = self.note_number(&label);
                vec![note_ref(n, self.src.span(at))]
            }
            Event::InlineHtml(_) | Event::Html(_) => {
                self.warn(
                    Code::Unsupported,
                    at,
                    "inline HTML cannot be held in a UN document: left out",
                );
                Vec::new()
            }
            Event::Start(Tag::Emphasis) => {
                let inner = self.nested(TagEnd::Emphasis);
                vec![Inline::Emph(plain_text(&inner))]
            }
            Event::Start(Tag::Strong) => vec![Inline::Strong(self.nested(TagEnd::Strong))],
            Event::Start(Tag::Strikethrough) => {
                self.warn(Code::Unsupported, at, "strikethrough (`~~text~~`) is refused: a UN document shows no deletions; the text is kept, not struck");
                self.nested(TagEnd::Strikethrough)
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let label = self.nested(TagEnd::Link);
                self.link(&dest_url, label, at)
            }
            Event::Start(tag) => {
                let end = tag.to_end();
                self.nested(end)
            }
            _ => Vec::new(),
        }
    }

    /// Text, with the symbols cited in it as references.
    fn text(&mut self, text: &str, at: usize) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut last = 0;
        for found in symbol::find_in_text(text) {
            out.push(Inline::Text(text[last..found.start].to_string()));
            let span = self.src.span(at + found.start);
            out.push(Inline::Ref(Spanned::new(
                text[found.clone()].to_string(),
                span,
            )));
            last = found.end;
        }
        out.push(Inline::Text(text[last..].to_string()));
        out
    }

    /// A link: a symbol reference when it points at the symbol's page on
    /// undocs.org (or docs.un.org) and shows the symbol; a web link
    /// otherwise; its text alone, with a warning, when it is no web address.
    fn link(&mut self, url: &str, label: Vec<Inline>, at: usize) -> Vec<Inline> {
        let text = plain_text(&label);
        let span = self.src.span(at);
        if let Some(sym) = linked_symbol(url)
            && (text.trim().is_empty() || text.trim() == sym || symbol_only(&label))
        {
            return vec![Inline::Ref(Spanned::new(sym, span))];
        }
        if ["https://", "http://", "mailto:"]
            .iter()
            .any(|p| url.starts_with(p))
        {
            return vec![Inline::Link(Box::new(crate::model::Link {
                url: url.to_string(),
                text,
            }))];
        }
        self.warn(
            Code::Unsupported,
            at,
            format!("the link target `{url}` is not a web address (https://…): only the link's text is kept"),
        );
        label
    }
}

/// Whether inline content is one cited symbol.
fn symbol_only(label: &[Inline]) -> bool {
    matches!(label, [Inline::Ref(_)])
}

/// The symbol an undocs.org or docs.un.org address points at
/// (`https://undocs.org/A/78/1`, `https://undocs.org/en/A/78/1`).
pub(super) fn linked_symbol(url: &str) -> Option<String> {
    let rest = [
        "https://undocs.org/",
        "http://undocs.org/",
        "https://docs.un.org/",
        "http://docs.un.org/",
    ]
    .iter()
    .find_map(|base| url.strip_prefix(base))?;
    let rest = rest.replace("%20", " ");
    let without_lang = match rest.split_once('/') {
        Some((lang, tail)) if crate::lang::Lang::from_code(lang).is_some() => tail.to_string(),
        _ => rest.clone(),
    };
    [without_lang, rest]
        .into_iter()
        .find(|s| symbol::is_valid(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undocs_addresses_name_their_symbol() {
        assert_eq!(
            linked_symbol("https://undocs.org/A/78/1").as_deref(),
            Some("A/78/1")
        );
        assert_eq!(
            linked_symbol("https://undocs.org/en/A/80/6%20(Sect.%2024)").as_deref(),
            Some("A/80/6 (Sect. 24)")
        );
        assert_eq!(linked_symbol("https://www.ohchr.org/en"), None);
        assert_eq!(linked_symbol("https://undocs.org/not-a-symbol"), None);
    }
}
