//! Byte offsets of the Markdown source turned into lines and columns, and
//! the source's lines as the UN text reader takes them (its table and
//! figure readers are reused on the same text).

use std::ops::Range;

use crate::model::Span;
use crate::read::text::Line;

/// The source text with the byte offset where each line starts.
pub(super) struct Source<'s> {
    pub text: &'s str,
    starts: Vec<usize>,
}

impl<'s> Source<'s> {
    pub fn new(text: &'s str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source { text, starts }
    }

    /// 0-based index of the line holding byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Line and column (characters, 1-based) of byte `offset`.
    pub fn span(&self, offset: usize) -> Span {
        let offset = offset.min(self.text.len());
        let i = self.line_index(offset);
        let start = self.starts[i];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        Span::new(i as u32 + 1, column as u32 + 1)
    }

    /// The 1-based line number of byte `offset`.
    pub fn line_no(&self, offset: usize) -> u32 {
        self.line_index(offset.min(self.text.len())) as u32 + 1
    }

    /// The byte offset just after line `no` (1-based) and its line end.
    pub fn line_end(&self, no: u32) -> usize {
        self.starts
            .get(no as usize)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The lines from the one holding `range.start` to the one holding its
    /// last byte, trimmed as the text reader trims them.
    pub fn lines(&self, range: Range<usize>) -> Vec<Line<'s>> {
        let first = self.line_index(range.start);
        let last = self.line_index(range.end.saturating_sub(1).max(range.start));
        (first..=last).map(|i| self.line(i)).collect()
    }

    /// The lines from the one holding `from` to the one holding `until`,
    /// and `extra` more (fewer at the end of the source).
    pub fn lines_window(&self, from: usize, until: usize, extra: usize) -> Vec<Line<'s>> {
        let first = self.line_index(from.min(self.text.len()));
        let last = self.line_index(until.max(from).min(self.text.len())) + extra;
        (first..=last.min(self.starts.len() - 1))
            .map(|i| self.line(i))
            .collect()
    }

    fn line(&self, i: usize) -> Line<'s> {
        let start = self.starts[i];
        let end = self.starts.get(i + 1).map_or(self.text.len(), |e| e - 1);
        let raw = &self.text[start..end];
        let text = raw.trim_start();
        let col = raw[..raw.len() - text.len()].chars().count() as u32 + 1;
        Line {
            no: i as u32 + 1,
            col,
            text: text.trim_end(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let s = Source::new("ab\n第二 x\n\n  | a |\n");
        assert_eq!(s.span(0), Span::new(1, 1));
        assert_eq!(s.span(s.text.find('x').unwrap()), Span::new(2, 4));
        let lines = s.lines(s.text.find('|').unwrap()..s.text.len());
        assert_eq!((lines[0].no, lines[0].col, lines[0].text), (4, 3, "| a |"));
    }
}
