//! Tables and figures in Markdown, read by the UN text reader's table and
//! figure readers from the same lines: a `Table 3` paragraph with its
//! title (and units line), a pipe table, then `^a^` notes and a `Source:`
//! line; a picture alone in its paragraph, with notes and a source line.

use super::build::Builder;
use super::tree::{Node, Picture};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Block, Figure, Span, plain_text};
use crate::read::inline;
use crate::read::text::{figure, table};

/// How many lines under a table or figure are searched for its notes and
/// source line (bounded, so a source of many tables stays linear).
const NOTE_LINES: usize = 120;

impl Builder<'_, '_> {
    /// The table starting at byte `from` (its caption or its first row).
    pub(super) fn table(&mut self, node: &Node, from: usize) {
        let until = self.next_table_end.unwrap_or(node.range.end);
        let lines = self.src.lines_window(from, until, NOTE_LINES);
        match table::read(&lines, 0, self.cx.lang, self.out) {
            Some(found) => {
                self.skip_lines(&lines, found.lines);
                self.push(Block::Table(found.table));
            }
            None => {
                let span = node.span;
                self.warn(span, Code::Structure, "a table undoc cannot read: write each row between pipes (`| a | b |`), with a rule (`|---|--:|`) under the header");
                self.consumed = node.range.end;
            }
        }
    }

    /// A picture alone in its paragraph: a figure, with the notes and
    /// source line under it.
    pub(super) fn figure(&mut self, picture: &Picture, node: &Node) {
        let lines = self.src.lines(node.range.clone());
        let after = self
            .src
            .lines_window(node.range.end, node.range.end, NOTE_LINES);
        let (notes, source, next) = table::read_notes(&after, 0, self.cx.lang);
        self.skip_lines(&after, next);
        let (n, title) = figure::caption(&picture.label, self.cx.lang);
        let span = lines.first().map_or(node.span, |l| Span::new(l.no, l.col));
        let title = inline::parse(title, &[(0, span)]);
        let image = match figure::load(&picture.url, self.cx.dir) {
            Ok(image) => image,
            Err(why) => {
                let message = format!("figure picture `{}`: {why}", picture.url);
                self.out
                    .push(Diagnostic::new(Code::BadImage, span, message));
                return;
            }
        };
        let alt = match picture.title.trim() {
            "" => plain_text(&title),
            alt => alt.to_string(),
        };
        self.push(Block::Figure(Figure {
            n,
            title,
            image,
            alt,
            notes,
            source,
            span,
        }));
    }

    /// Marks the first `count` of `lines` as read: blocks starting there are skipped.
    fn skip_lines(&mut self, lines: &[crate::read::text::Line], count: usize) {
        let last = match count.checked_sub(1).and_then(|k| lines.get(k)) {
            Some(line) => line.no,
            None => return,
        };
        self.consumed = self.consumed.max(self.src.line_end(last));
    }
}
