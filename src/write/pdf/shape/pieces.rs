//! Very long paragraphs laid out in pieces. Parley's memory grows by about
//! 90 bytes a character of the paragraph (kept by the thread afterwards),
//! its style table holds at most 65,535 runs, and each hyphen pass breaks
//! the whole paragraph again; so a paragraph longer than [`PIECE`] is cut
//! at spaces and laid out piece by piece. Each piece's last line is laid
//! out again at the start of the next piece, so the lines are those of the
//! whole paragraph (a piece boundary never ends a line early).

use std::ops::Range;

use super::{Missing, Paragraph, ShapedLine, Shaper, SpanStyle, text_offset};

/// The longest text (bytes) laid out in one go: far beyond any real
/// paragraph, small enough to bound memory, styles and hyphen passes.
pub(super) const PIECE: usize = 16 * 1024;

/// Lays out `p` (longer than [`PIECE`]) piece by piece.
pub(super) fn lay_out_in_pieces(
    shaper: &mut Shaper,
    p: &Paragraph,
    missing: &mut Vec<Missing>,
) -> Vec<ShapedLine> {
    let mut lines: Vec<ShapedLine> = Vec::new();
    let mut start = 0;
    while start < p.text.len() {
        let end = piece_end(p.text, start);
        let piece = Piece::of(p, start..end, lines.is_empty());
        let mut piece_missing = Vec::new();
        let mut laid = shaper.lay_out_whole(&piece.paragraph(p), &mut piece_missing);
        // The piece's last line is laid out again with the next piece.
        let carry = end < p.text.len() && laid.len() > 1;
        let next = match laid.pop() {
            Some(last) if carry && last.text.start > 0 => start + last.text.start,
            Some(last) => {
                laid.push(last);
                end
            }
            None => end,
        };
        missing.extend(
            piece_missing
                .into_iter()
                .map(|m| Missing {
                    at: m.at + start,
                    ..m
                })
                .filter(|m| m.at < next),
        );
        lines.extend(laid.into_iter().map(|l| piece.shift(l, p.text.len())));
        start = next;
    }
    lines
}

/// Where the piece starting at `start` ends: at the first space past
/// [`PIECE`] bytes, or, in a text with no space for as long again (one
/// huge word), at a character boundary.
fn piece_end(text: &str, start: usize) -> usize {
    let from = floor_boundary(text, start + PIECE);
    if from >= text.len() {
        return text.len();
    }
    let limit = floor_boundary(text, from + PIECE);
    match text[from..limit].find(' ') {
        Some(i) => from + i + 1,
        None => from.max(start + 1),
    }
}

/// The last character boundary at or before `at` (or the text's end).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One piece of a paragraph: its text and, shifted to it, the spans,
/// hyphenation points and unbroken ranges it holds.
struct Piece {
    range: Range<usize>,
    /// Index of the paragraph's first span the piece holds.
    first_span: usize,
    spans: Vec<SpanStyle>,
    hyphens: Vec<usize>,
    unbroken: Vec<Range<usize>>,
    /// Whether the piece starts the paragraph (takes the first line's width).
    first: bool,
}

impl Piece {
    fn of(p: &Paragraph, range: Range<usize>, first: bool) -> Piece {
        let (start, end) = (range.start, range.end);
        let first_span = p.spans.partition_point(|s| s.range.end <= start);
        let spans = p.spans[first_span..]
            .iter()
            .take_while(|s| s.range.start < end)
            .map(|s| SpanStyle {
                range: s.range.start.max(start) - start..s.range.end.min(end) - start,
                ..s.clone()
            })
            .collect();
        let hyphens = p
            .hyphens
            .iter()
            .filter(|&&h| start < h && h < end)
            .map(|h| h - start)
            .collect();
        let unbroken = p
            .unbroken
            .iter()
            .filter(|r| r.start < end && r.end > start)
            .map(|r| r.start.max(start) - start..r.end.min(end) - start)
            .collect();
        Piece {
            range,
            first_span,
            spans,
            hyphens,
            unbroken,
            first,
        }
    }

    /// The piece as a paragraph of its own, laid out like `p`.
    fn paragraph<'a>(&'a self, p: &Paragraph<'a>) -> Paragraph<'a> {
        Paragraph {
            text: &p.text[self.range.clone()],
            spans: &self.spans,
            first_width: if self.first { p.first_width } else { p.width },
            hyphens: &self.hyphens,
            unbroken: &self.unbroken,
            ..p.clone()
        }
    }

    /// A line of the piece as a line of the paragraph (`text_len` bytes
    /// long): text ranges and span indexes shifted; a drawn hyphen's text
    /// stays just past the paragraph's text.
    fn shift(&self, mut line: ShapedLine, text_len: usize) -> ShapedLine {
        let start = self.range.start;
        let piece_len = text_offset(self.range.len());
        let (offset, hyphen) = (text_offset(start), text_offset(text_len));
        line.text = line.text.start + start..line.text.end + start;
        for run in &mut line.runs {
            run.span += self.first_span;
        }
        line.map_text(|text| {
            if text.start >= piece_len {
                hyphen..hyphen + (text.end - text.start)
            } else {
                text.start + offset..text.end + offset
            }
        });
        line
    }
}
