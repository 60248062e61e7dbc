//! Inline markup of text sources: cited symbols, footnote marks `[^1]`,
//! emphasis `*word*` and the link debris of extracted text `[A/78/1](#)`.

use crate::model::{Inline, Span, Spanned};
use crate::read::window;
use crate::symbol;

/// Where each piece of a joined text came from: (byte offset in the text, span).
pub type SegmentMap = Vec<(usize, Span)>;

/// Span of byte `offset` of a text joined from the segments of `map`.
pub fn span_at(text: &str, map: &[(usize, Span)], offset: usize) -> Span {
    let idx = map.partition_point(|(start, _)| *start <= offset);
    let Some((start, span)) = idx.checked_sub(1).map(|i| map[i]) else {
        return Span::default();
    };
    let chars = text.get(start..offset).map_or(0, |s| s.chars().count()) as u32;
    Span::new(span.line, span.column + chars)
}

/// Parses `text` (joined from the segments in `map`) into inline content.
pub fn parse(text: &str, map: &[(usize, Span)]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let token = match bytes[i] {
            b'[' => note_mark(&text[i..])
                .map(|(n, len)| (Inline::NoteRef(Spanned::new(n, span_at(text, map, i))), len))
                .or_else(|| link(text, map, i)),
            b'*' => emphasis(&text[i..]).map(|(t, len)| (Inline::Emph(t.to_string()), len)),
            _ => None,
        };
        match token {
            Some((inline, len)) => {
                push_plain(&mut out, text, map, plain_start..i);
                out.push(inline);
                i += len;
                plain_start = i;
            }
            None => i += 1,
        }
    }
    push_plain(&mut out, text, map, plain_start..text.len());
    merge_text(out)
}

/// How far a closing mark is looked for: markup never spans more, and the
/// bound keeps hostile lines (a million `[`) linear.
const MAX_LABEL: usize = 400;

/// `[^12]` → (12, length).
fn note_mark(s: &str) -> Option<(u32, usize)> {
    let rest = s.strip_prefix("[^")?;
    let close = window(rest, 12).find(']')?;
    let n: u32 = rest[..close].parse().ok()?;
    (n > 0).then_some((n, close + 3))
}

/// `[text](target)` → the text, as a symbol reference when it is one.
fn link(text: &str, map: &[(usize, Span)], at: usize) -> Option<(Inline, usize)> {
    let s = &text[at..];
    let close = window(s, MAX_LABEL).find("](")?;
    let label = &s[1..close];
    if label.contains(['[', ']', '\n']) {
        return None;
    }
    let target_len = window(&s[close + 2..], MAX_LABEL).find(')')?;
    let len = close + 2 + target_len + 1;
    let label = label.trim();
    let inline = if symbol::is_valid(label) {
        Inline::Ref(Spanned::new(label.to_string(), span_at(text, map, at + 1)))
    } else {
        Inline::Text(label.to_string())
    };
    Some((inline, len))
}

/// `*word*` (no space inside the marks) → (word, length).
fn emphasis(s: &str) -> Option<(&str, usize)> {
    let rest = &s[1..];
    let close = window(rest, MAX_LABEL).find('*')?;
    let inner = &rest[..close];
    let trimmed = !inner.is_empty() && inner.trim() == inner && !inner.contains('\n');
    trimmed.then_some((inner, close + 2))
}

fn push_plain(
    out: &mut Vec<Inline>,
    text: &str,
    map: &[(usize, Span)],
    range: std::ops::Range<usize>,
) {
    let piece = &text[range.clone()];
    let mut last = 0;
    for found in symbol::find_in_text(piece) {
        if found.start > last {
            out.push(Inline::Text(piece[last..found.start].to_string()));
        }
        let span = span_at(text, map, range.start + found.start);
        out.push(Inline::Ref(Spanned::new(
            piece[found.clone()].to_string(),
            span,
        )));
        last = found.end;
    }
    if last < piece.len() {
        out.push(Inline::Text(piece[last..].to_string()));
    }
}

/// Joins adjacent text runs and drops empty ones.
pub fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (_, Inline::Text(t)) if t.is_empty() => {}
            (Some(Inline::Text(prev)), Inline::Text(t)) => prev.push_str(&t),
            (_, other) => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_notes_emphasis_and_symbols() {
        let text = "说明（[CAC/COSP/EG.1/2023/1](#)）见 *Guide*.[^2] A/78/1 end";
        let map = vec![(0, Span::new(7, 5))];
        let inl = parse(text, &map);
        assert_eq!(inl.len(), 9, "{inl:?}");
        assert!(
            matches!(&inl[1], Inline::Ref(r) if r.value == "CAC/COSP/EG.1/2023/1" && r.span == Span::new(7, 9))
        );
        assert!(matches!(&inl[3], Inline::Emph(t) if t == "Guide"));
        assert!(matches!(&inl[5], Inline::NoteRef(n) if n.value == 2));
        assert!(
            matches!(&inl[7], Inline::Ref(r) if r.value == "A/78/1" && r.span == Span::new(7, 49))
        );
    }

    #[test]
    fn spans_follow_joined_segments() {
        let text = "first line second A/1/2";
        let map = vec![(0, Span::new(3, 4)), (11, Span::new(4, 1))];
        assert_eq!(span_at(text, &map, 18), Span::new(4, 8));
    }
}
