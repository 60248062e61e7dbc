//! What stands around a table or figure: the number, title and units
//! lines above it, kept with it, and the lettered notes and source line
//! under it, in small type, each note's raised letter hanging before its
//! text as in the DGACM files.

use crate::lang::latin_letter;
use crate::model::{Inline, Span, TableNote};
use crate::write::page::table::{self as geometry, NOTE_LETTER_END, NOTE_TEXT};
use crate::write::page::{FOOTNOTE, HEADING_RIGHT_INDENT_PDF, SUBSECTION, TEXT_INDENT, TextStyle};

use super::super::shape::Align;
use super::super::style::{NOTE_MARK_RISE, NOTE_MARK_SCALE};
use super::{FlowBuilder, LaidBlock, Plan, SpanKind};

impl FlowBuilder<'_> {
    /// The number, title and units lines above a table or figure, kept with
    /// what follows; returns their blocks.
    pub(super) fn caption(
        &mut self,
        label: Option<&str>,
        title: &[Inline],
        units: Option<&[Inline]>,
        source: Span,
    ) -> Vec<usize> {
        let lang = self.lang();
        let heading = SUBSECTION;
        let plain = TextStyle {
            bold: false,
            ..SUBSECTION
        };
        let label_line = label.map(|l| (vec![Inline::Text(l.to_string())], plain));
        let title_line = (!title.is_empty()).then(|| (title.to_vec(), heading));
        let units_line = units.map(|u| (u.to_vec(), geometry::UNITS));
        let lines: Vec<_> = [label_line, title_line, units_line]
            .into_iter()
            .flatten()
            .collect();
        let indent = self.caption_indent();
        let p = self.place(indent, indent, HEADING_RIGHT_INDENT_PDF);
        let mut blocks = Vec::new();
        for (k, (inlines, style)) in lines.iter().enumerate() {
            let style = style.for_lang(lang);
            let body = self.text(inlines, style, p.first_width, p.width, Align::Start, source);
            let last = k + 1 == lines.len();
            blocks.push(self.push_block(LaidBlock {
                before: if k == 0 { geometry::TITLE_BEFORE } else { 0.0 },
                after: if last { geometry::TITLE_AFTER } else { 0.0 },
                keep_with_next: true,
                ..self.block(body, p.first_x, p.x, style)
            }));
        }
        blocks
    }

    /// The notes and source line under the table or figure of block
    /// `float`, which then keeps only a little space after it.
    pub(super) fn float_notes(
        &mut self,
        notes: &[TableNote],
        source: Option<&[Inline]>,
        float: usize,
        plan: &mut Vec<Plan>,
    ) {
        if notes.is_empty() && source.is_none() {
            return;
        }
        self.flow.blocks[float].after = geometry::NOTES_BEFORE;
        let mut blocks: Vec<usize> = notes.iter().map(|n| self.table_note(n)).collect();
        if let Some(source) = source {
            let style = FOOTNOTE.for_lang(self.lang());
            let p = self.place(TEXT_INDENT, TEXT_INDENT, TEXT_INDENT);
            let body = self.text(
                source,
                style,
                p.first_width,
                p.width,
                Align::Justify,
                Span::default(),
            );
            blocks.push(self.push_block(LaidBlock {
                before: 0.0,
                ..self.block(body, p.first_x, p.x, style)
            }));
        }
        if let Some(&last) = blocks.last() {
            self.flow.blocks[last].after = geometry::AFTER;
        }
        for i in blocks {
            plan.push(Plan::Para(i));
            self.note_plans(i, plan);
        }
    }

    /// A note: its raised italic letter ending at the note tab, its text after it.
    fn table_note(&mut self, note: &TableNote) -> usize {
        let lang = self.lang();
        let style = FOOTNOTE.for_lang(lang);
        // Notes of a box of figures stand inside it.
        let inset = if self.in_summary == Some(super::SummaryBox::Figures) {
            geometry::BOX_TABLE_LEAD
        } else {
            0.0
        };
        let p = self.place(NOTE_TEXT + inset, NOTE_TEXT + inset, TEXT_INDENT + inset);
        let body = self.text(
            &note.content,
            style,
            p.first_width,
            p.width,
            Align::Justify,
            note.span,
        );
        let mark = TextStyle {
            size: style.size * NOTE_MARK_SCALE,
            italic: true,
            ..style
        };
        let mut letter = self.plain_line(lang, &latin_letter(note.n, false), mark, note.span);
        for span in &mut letter.spans {
            span.rise = style.size * NOTE_MARK_RISE;
            span.kind = SpanKind::Raised;
        }
        let label = self.end_label(letter, NOTE_LETTER_END + inset);
        self.push_block(LaidBlock {
            label: Some(label),
            before: 0.0,
            ..self.block(body, p.first_x, p.x, style)
        })
    }
}
