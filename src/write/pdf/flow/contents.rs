//! The table of contents as DGACM sets it: `Contents` at the margin, the
//! italic `Page` over the column of numbers, then an entry per chapter,
//! section and annex: its label hanging (chapters' numbers right-aligned
//! before the text, sections' at the text indent), its heading, dot
//! leaders and its page. The pages are known only once the body is
//! paginated, so the numbers are set last ([`FlowBuilder::number_contents`]).

use super::{FlowBuilder, Label, LaidBlock, Plan};
use crate::model::{ContentsEntry, EntryKind, Inline, Span};
use crate::write::page::{BODY, CHAPTER, DEFAULT_TAB, HEADING_NUMBER_END, TEXT_INDENT, TextStyle};
use crate::write::pdf::paginate::Page;
use crate::write::pdf::shape::Align;

/// Room kept at the end of each entry's lines for its page number.
const NUMBER_ROOM: f32 = 30.0;
/// Space between an entry's text and its leaders, and between the leaders
/// and the number column.
const LEADER_GAP: f32 = 4.0;
/// The `Page` column head: 8 pt italic.
const PAGE_HEAD: TextStyle = TextStyle {
    size: 8.0,
    line: 10.0,
    bold: false,
    italic: true,
    before: 0.0,
    after: 4.0,
};

/// What all entries share: where sections' text starts, and the leader's
/// dot and unit widths.
struct Measures {
    section_text: f32,
    leader: (f32, f32),
}

impl FlowBuilder<'_> {
    /// Lays out the table of contents, when the document has one and
    /// something to list (true then); the numbers come later.
    pub(super) fn contents(&mut self, plan: &mut Vec<Plan>) -> bool {
        let doc = self.doc;
        let Some(contents) = doc.contents else {
            return false;
        };
        let entries = doc.contents_entries();
        if entries.is_empty() {
            return false;
        }
        let lang = self.lang();
        let word = lang.contents_word();
        let style = TextStyle {
            bold: false,
            ..CHAPTER
        }
        .for_lang(lang);
        let p = self.place(0.0, 0.0, 0.0);
        let head = [Inline::Text(word.to_string())];
        let body = self.text(
            &head,
            style,
            p.first_width,
            p.width,
            Align::Start,
            contents.span,
        );
        let h = self.push_block(LaidBlock {
            keep_with_next: true,
            ..self.block(body, p.first_x, p.x, style)
        });
        plan.push(Plan::Heading(h, 2, word.to_string()));
        let page_style = PAGE_HEAD.for_lang(lang);
        let page_head = self.plain_line(lang, lang.page_word(), page_style, contents.span);
        let Label { text, x } = self.end_label(page_head, self.full_width());
        let i = self.push_block(LaidBlock {
            keep_with_next: true,
            ..self.block(text, x, x, page_style)
        });
        plan.push(Plan::Para(i));
        let measures = Measures {
            section_text: self.section_text(&entries),
            leader: self.leader_unit(),
        };
        let items = entries
            .iter()
            .enumerate()
            .flat_map(|(k, e)| self.entry(k, e, &measures, contents.span))
            .collect();
        plan.push(Plan::Contents(items));
        true
    }

    /// The width between the margins.
    fn full_width(&self) -> f32 {
        self.geom.right() - self.geom.margin_x
    }

    /// Where sections' text starts: the first stop past the widest of their
    /// labels (Arabic's `ألف -` is wider than `A.`), so that all line up.
    fn section_text(&mut self, entries: &[ContentsEntry]) -> f32 {
        let lang = self.lang();
        let style = BODY.for_lang(lang);
        let widest = entries
            .iter()
            .filter(|e| e.level != 1)
            .map(|e| {
                let label = lang.entry_label(e.kind);
                self.plain_line(lang, &label, style, Span::default())
                    .line_width(0)
            })
            .fold(0.0, f32::max);
        Self::tab_after(TEXT_INDENT + widest + LEADER_GAP)
    }

    /// One entry's blocks (an annex's label has a line of its own).
    fn entry(
        &mut self,
        k: usize,
        e: &ContentsEntry,
        measures: &Measures,
        source: Span,
    ) -> Vec<Plan> {
        let lang = self.lang();
        let style = BODY.for_lang(lang);
        let line = self.plain_line(lang, &lang.entry_label(e.kind), style, source);
        let mut plans = Vec::new();
        let (label, text_start) = match (e.kind, e.level) {
            (EntryKind::Annex(_), _) => {
                let Label { text, x } = self.start_label(line, DEFAULT_TAB);
                let i = self.push_block(LaidBlock {
                    keep_with_next: true,
                    after: 0.0,
                    ..self.block(text, x, x, style)
                });
                plans.push(Plan::ContentsItem(i));
                (None, TEXT_INDENT)
            }
            // Chapters' numbers end before the text, as in headings.
            (_, 1) => (Some(self.end_label(line, HEADING_NUMBER_END)), TEXT_INDENT),
            // Sections' labels start there.
            _ => (
                Some(self.start_label(line, TEXT_INDENT)),
                measures.section_text,
            ),
        };
        let p = self.place(text_start, text_start, NUMBER_ROOM);
        let body = self.text(
            &e.heading,
            style,
            p.first_width,
            p.width,
            Align::Start,
            source,
        );
        let last = body.lines.len().saturating_sub(1);
        let end_of_text = text_start + body.line_width(last);
        let leader = self.leader(
            end_of_text + LEADER_GAP,
            self.full_width() - NUMBER_ROOM - LEADER_GAP,
            measures.leader,
            source,
        );
        let i = self.push_block(LaidBlock {
            label,
            trailing: leader.into_iter().collect(),
            ..self.block(body, p.first_x, p.x, style)
        });
        self.flow.contents.push((i, k));
        plans.push(Plan::ContentsItem(i));
        plans
    }

    /// The width of a leader's dot, and of a dot and space. A line's width
    /// leaves out its trailing space: a unit is what a second dot adds.
    fn leader_unit(&mut self) -> (f32, f32) {
        let lang = self.lang();
        let style = BODY.for_lang(lang);
        let dot = self
            .plain_line(lang, ".", style, Span::default())
            .line_width(0);
        let two = self.plain_line(lang, ". .", style, Span::default());
        (dot, two.line_width(0) - dot)
    }

    /// Dot leaders filling from `from` to `to` (distances from the start
    /// margin), ending at `to` so that the dots of all entries line up.
    fn leader(
        &mut self,
        from: f32,
        to: f32,
        (dot, unit): (f32, f32),
        source: Span,
    ) -> Option<Label> {
        let lang = self.lang();
        let style = BODY.for_lang(lang);
        let n = ((to - from - dot) / unit.max(0.1)).floor() + 1.0;
        if n < 3.0 {
            return None;
        }
        let dots = ". ".repeat(n as usize);
        let line = self.plain_line(lang, dots.trim_end(), style, source);
        Some(self.end_label(line, to))
    }

    /// Sets each entry's page number, now that the body is paginated.
    pub fn number_contents(&mut self, pages: &[Page]) {
        if self.flow.contents.is_empty() {
            return;
        }
        let mut page_of = vec![None; self.flow.blocks.len()];
        for (n, page) in pages.iter().enumerate() {
            for line in &page.lines {
                page_of[line.item].get_or_insert(n + 1);
            }
        }
        let lang = self.lang();
        let style = BODY.for_lang(lang);
        let full = self.full_width();
        for (block, k) in std::mem::take(&mut self.flow.contents) {
            let Some(page) = self.flow.contents_targets.get(k).and_then(|&t| page_of[t]) else {
                continue;
            };
            let line = self.plain_line(lang, &page.to_string(), style, Span::default());
            let number = self.end_label(line, full);
            self.flow.blocks[block].trailing.push(number);
        }
    }
}
