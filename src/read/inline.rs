//! Inline markup of text sources: cited symbols, footnote marks `[^1]`,
//! table-note marks `^a^`, emphasis `*word*`, bold `**words**`, links
//! `[text](https://…)` and the link debris of extracted text `[A/78/1](#)`.

use crate::model::{Inline, Link, Span, Spanned};
use crate::read::window;
use crate::symbol;

/// Where each piece of a joined text came from: (byte offset in the text, span).
pub type SegmentMap = Vec<(usize, Span)>;

/// Finds the spans of increasing offsets in one pass over the text, so that
/// a line with thousands of references stays linear.
struct SpanCursor<'a> {
    text: &'a str,
    map: &'a [(usize, Span)],
    /// Index in `map` of the segment holding `pos`.
    segment: usize,
    pos: usize,
    column: u32,
}

impl<'a> SpanCursor<'a> {
    fn new(text: &'a str, map: &'a [(usize, Span)]) -> Self {
        let (pos, column) = map.first().map_or((0, 0), |(p, s)| (*p, s.column));
        SpanCursor {
            text,
            map,
            segment: 0,
            pos,
            column,
        }
    }

    fn at(&mut self, offset: usize) -> Span {
        if self.map.is_empty() || offset < self.map[0].0 {
            return Span::default();
        }
        if offset < self.pos {
            *self = SpanCursor::new(self.text, self.map);
        }
        while self
            .map
            .get(self.segment + 1)
            .is_some_and(|(start, _)| *start <= offset)
        {
            self.segment += 1;
            (self.pos, self.column) = (self.map[self.segment].0, self.map[self.segment].1.column);
        }
        let skipped = self
            .text
            .get(self.pos..offset)
            .map_or(0, |s| s.chars().count());
        self.column += skipped as u32;
        self.pos = offset;
        Span::new(self.map[self.segment].1.line, self.column)
    }
}

/// Inline markup found at one position, before its span is known.
enum Token<'t> {
    Note(u32),
    /// A table (or figure) note mark `^a^`.
    TableNote(u32),
    /// A link's label, where it starts, and its target.
    Link(&'t str, usize, &'t str),
    Emph(&'t str),
    /// Bold text: where its inside starts and ends.
    Strong(std::ops::Range<usize>),
}

/// Parses `text` (joined from the segments in `map`) into inline content.
pub fn parse(text: &str, map: &[(usize, Span)]) -> Vec<Inline> {
    let mut spans = SpanCursor::new(text, map);
    merge_text(parse_range(text, 0..text.len(), &mut spans, true))
}

/// Parses `text[range]`; bold may hold the other markup but not bold again.
fn parse_range(
    text: &str,
    range: std::ops::Range<usize>,
    spans: &mut SpanCursor,
    bold_allowed: bool,
) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain_start = range.start;
    let mut i = range.start;
    let bytes = text.as_bytes();
    while i < range.end {
        // Straight to the next byte that may open markup (one vectorised
        // search instead of a test per byte).
        let Some(at) = memchr::memchr3(b'[', b'^', b'*', &bytes[i..range.end]) else {
            break;
        };
        i += at;
        // Only sliced at an ASCII mark: `i` may be inside a character.
        let here = || &text[i..range.end];
        let found = match bytes[i] {
            b'[' => note_mark(here())
                .map(|(n, len)| (Token::Note(n), len))
                .or_else(|| link(text, i, range.end)),
            b'^' => table_note_mark(here()).map(|(n, len)| (Token::TableNote(n), len)),
            b'*' if bold_allowed && here().starts_with("**") => {
                strong(here()).map(|(inner, len)| (Token::Strong(i + 2..i + 2 + inner), len))
            }
            b'*' => emphasis(here()).map(|(t, len)| (Token::Emph(t), len)),
            _ => None,
        };
        let Some((token, len)) = found else {
            i += 1;
            continue;
        };
        // Spans are asked for in increasing order: the plain text first.
        push_plain(&mut out, text, plain_start..i, spans);
        out.push(match token {
            Token::Note(n) => Inline::NoteRef(Spanned::new(n, spans.at(i))),
            Token::TableNote(n) => Inline::TableNoteRef(Spanned::new(n, spans.at(i))),
            Token::Link(label, at, _) if symbol::is_valid(label) => {
                Inline::Ref(Spanned::new(label.to_string(), spans.at(at)))
            }
            Token::Link(label, _, target) if is_web_address(target) => {
                Inline::Link(Box::new(Link {
                    url: target.to_string(),
                    text: label.to_string(),
                }))
            }
            Token::Link(label, _, _) => Inline::Text(label.to_string()),
            Token::Emph(t) => Inline::Emph(t.to_string()),
            Token::Strong(inner) => {
                Inline::Strong(merge_text(parse_range(text, inner, spans, false)))
            }
        });
        i += len;
        plain_start = i;
    }
    push_plain(&mut out, text, plain_start..range.end, spans);
    out
}

fn is_web_address(target: &str) -> bool {
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| target.starts_with(p))
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

/// The most bytes a footnote mark takes (`[^` and `]` around ten digits).
const MAX_MARK: usize = 16;

/// `text` without the footnote marks it ends with (`… States.[^2]` is
/// `… States.`): where a sentence ends is read past its marks.
pub(crate) fn without_trailing_note_marks(mut text: &str) -> &str {
    // A mark is short: it is looked for only in the text's last bytes.
    while text.ends_with(']') {
        let tail = (text.len().saturating_sub(MAX_MARK)..text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let Some(open) = text[tail..].rfind("[^").map(|k| tail + k) else {
            break;
        };
        match note_mark(&text[open..]) {
            Some((_, len)) if open + len == text.len() => text = &text[..open],
            _ => break,
        }
    }
    text
}

/// `[text](target)` → the text, where it starts and the target, with the
/// length of the whole link (which ends before `end`).
fn link(text: &str, at: usize, end: usize) -> Option<(Token<'_>, usize)> {
    let s = &text[at..end];
    let close = window(s, MAX_LABEL).find("](")?;
    let label = &s[1..close];
    if label.contains(['[', ']', '\n']) {
        return None;
    }
    let target_len = window(&s[close + 2..], MAX_LABEL).find(')')?;
    let target = s[close + 2..close + 2 + target_len].trim();
    let len = close + 2 + target_len + 1;
    let trimmed = label.trim_start();
    let label_at = at + 1 + (label.len() - trimmed.len());
    Some((Token::Link(trimmed.trim_end(), label_at, target), len))
}

/// `^a^` … `^z^` → (1 … 26, length).
fn table_note_mark(s: &str) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    (b.len() >= 3 && b[1].is_ascii_lowercase() && b[2] == b'^')
        .then(|| (u32::from(b[1] - b'a') + 1, 3))
}

/// `**words**` (no space just inside the marks) → (length of the inside, length).
fn strong(s: &str) -> Option<(usize, usize)> {
    let rest = &s[2..];
    let close = window(rest, MAX_LABEL).find("**")?;
    let inner = &rest[..close];
    let trimmed = !inner.is_empty() && inner.trim() == inner;
    trimmed.then_some((close, close + 4))
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
    range: std::ops::Range<usize>,
    spans: &mut SpanCursor,
) {
    let piece = &text[range.clone()];
    let mut last = 0;
    for found in symbol::find_in_text(piece) {
        if found.start > last {
            out.push(Inline::Text(piece[last..found.start].to_string()));
        }
        let span = spans.at(range.start + found.start);
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

/// Joins adjacent text runs and drops empty ones, in place: a paragraph of
/// 300,000 emphasised words holds its runs once, not twice.
pub fn merge_text(mut inlines: Vec<Inline>) -> Vec<Inline> {
    inlines.retain(|inline| !matches!(inline, Inline::Text(t) if t.is_empty()));
    inlines.dedup_by(|next, prev| match (next, prev) {
        (Inline::Text(next), Inline::Text(prev)) => {
            prev.push_str(next);
            true
        }
        _ => false,
    });
    // Most paragraphs hold a run or two in a vector made for four: giving
    // back a few places is not worth a reallocation each.
    if inlines.capacity() - inlines.len() > SPARE_INLINES {
        inlines.shrink_to_fit();
    }
    inlines
}

/// How many unused places [`merge_text`] leaves in a vector of inlines.
const SPARE_INLINES: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_note_marks_are_set_aside_and_nothing_else() {
        assert_eq!(without_trailing_note_marks("States.[^2]"), "States.");
        assert_eq!(
            without_trailing_note_marks("(A/79/813)[^14][^15]"),
            "(A/79/813)"
        );
        assert_eq!(without_trailing_note_marks("a list [^x]"), "a list [^x]");
        assert_eq!(without_trailing_note_marks("[^2] opens"), "[^2] opens");
        // Letters of several bytes just before the mark.
        assert_eq!(without_trailing_note_marks("会员国。[^3]"), "会员国。");
        assert_eq!(without_trailing_note_marks("]"), "]");
    }

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
    fn bold_table_note_marks_and_web_links() {
        let text = "**The Committee recommends *approval* (A/80/600)**.[^1] Total^a^ see [OHCHR](https://www.ohchr.org).";
        let inl = parse(text, &[(0, Span::new(2, 1))]);
        let Inline::Strong(inner) = &inl[0] else {
            panic!("{inl:?}")
        };
        assert!(matches!(&inner[1], Inline::Emph(t) if t == "approval"));
        assert!(
            inner
                .iter()
                .any(|i| matches!(i, Inline::Ref(r) if r.value == "A/80/600"))
        );
        assert!(
            inl.iter()
                .any(|i| matches!(i, Inline::NoteRef(n) if n.value == 1))
        );
        assert!(inl.iter().any(
            |i| matches!(i, Inline::TableNoteRef(n) if n.value == 1 && n.span == Span::new(2, 62))
        ));
        assert!(inl.iter().any(
            |i| matches!(i, Inline::Link(l) if l.url == "https://www.ohchr.org" && l.text == "OHCHR")
        ));
        let plain = parse("2 ** 3 and a^b", &[(0, Span::new(1, 1))]);
        assert_eq!(plain, vec![Inline::Text("2 ** 3 and a^b".into())]);
    }

    #[test]
    fn text_runs_are_merged_and_empty_ones_dropped() {
        let text = |t: &str| Inline::Text(t.to_string());
        let merged = merge_text(vec![
            text("a"),
            text(""),
            text("b"),
            Inline::Emph("e".into()),
            text(""),
            text("c"),
            text("d"),
        ]);
        assert_eq!(merged, [text("ab"), Inline::Emph("e".into()), text("cd")]);
        // Four places given back are not worth a reallocation.
        assert_eq!(merged.capacity(), 7);
        // A thousand runs joined into one give their places back.
        let many = merge_text((0..1000).map(|k| text(&k.to_string())).collect());
        assert_eq!(many.len(), 1);
        assert!(many.capacity() <= 1 + SPARE_INLINES, "{}", many.capacity());
    }

    #[test]
    fn spans_follow_joined_segments() {
        let text = "first line second A/1/2";
        let map = vec![(0, Span::new(3, 4)), (11, Span::new(4, 1))];
        let mut spans = SpanCursor::new(text, &map);
        assert_eq!(spans.at(2), Span::new(3, 6));
        assert_eq!(spans.at(18), Span::new(4, 8));
        assert_eq!(spans.at(1), Span::new(3, 5), "going back starts over");
    }
}
