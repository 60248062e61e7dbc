//! The summary box under the title, in the two shapes of the DGACM files.
//!
//! A summary that is only a table of figures (A/80/604/Add.1 page 1) is
//! that table framed: inset from both margins by the text indent, in
//! running-text type, its notes in a last row under a short rule. Any
//! other summary (A/80/600, A/80/630) is a frame the width of the text,
//! one row per block: the italic "Summary" heading, then the paragraphs,
//! each starting with a tab as in the files, and tables and figures as
//! they stand in the body (a table inside the frame is a nested table).

use std::slice;

use super::body::Story;
use super::data_table::{BODY_LOOK, CellStyle, HEAD_STYLE, Look, Setting};
use super::grid::Metrics;
use super::props::{Ind, LineRule, PPr, RPr, Spacing, TblPr, TcPr, TrPr};
use super::styles::TEXT_INDENT;
use super::units::{Twips, eighths, half_points, twips};
use crate::model::{Block, Inline, Summary, Table};
use crate::write::page::{self, table as geometry};

/// A table of figures that is a box: running-text type, wide insets.
const BOX_LOOK: Look = Look {
    metrics: Metrics {
        body_size: page::BODY.size,
        lead_first: geometry::BOX_TABLE_LEAD,
        trail: geometry::BOX_TABLE_GAP,
        trail_last: geometry::BOX_TABLE_TRAIL,
        ..BODY_LOOK.metrics
    },
    head: HEAD_STYLE,
    body: CellStyle {
        id: "SingleTxt",
        style_space: (0.0, page::BODY.after),
        space: (4.0, 4.0),
    },
    style_indents: (page::TEXT_INDENT, page::TEXT_INDENT),
    style_justified: true,
    framed: true,
};

impl Story<'_, '_> {
    /// The summary box, then the space the title block leaves below it.
    pub(super) fn summary(&mut self, s: &Summary) {
        match box_of_figures(s) {
            Some(t) => self.figures_box(t),
            None if s.heading.is_some() || !s.blocks.is_empty() => self.framed_summary(s),
            None => return,
        }
        self.gap(geometry::BELOW);
    }

    /// A table of figures framed, inset by the text indent on both sides;
    /// its notes and source in a last row under a short rule.
    fn figures_box(&mut self, t: &Table) {
        self.table_title(t);
        let setting = Setting {
            look: &BOX_LOOK,
            available: self.ctx.text_width() - TEXT_INDENT,
            indent: TEXT_INDENT,
            frame: Some(eighths(geometry::BOX_RULE)),
            caption: Some(self.ctx.lang.summary_word()),
        };
        let Some(placed) = self.table_grid(t, &setting) else {
            self.float_notes(&t.notes, t.source.as_deref());
            return;
        };
        if !t.notes.is_empty() || t.source.is_some() {
            self.start_row_with(TrPr::default());
            let tc = TcPr {
                width: placed.width,
                span: placed.columns as u32,
                ..TcPr::default()
            };
            self.cell(tc, |f| f.box_notes(t, placed.width));
            self.end_row();
        }
        self.end_table();
    }

    /// The notes of a box of figures under a rule as long as the footnote
    /// separator, at the first column's text.
    fn box_notes(&mut self, t: &Table, width: Twips) {
        let lead = twips(geometry::BOX_TABLE_LEAD);
        let rule = PPr {
            border_bottom: Some(eighths(geometry::THIN_RULE)),
            spacing: Some(Spacing {
                before: Some(0),
                after: Some(twips(geometry::NOTES_ABOVE)),
                line: Some((twips(geometry::NOTES_ABOVE), LineRule::Exact)),
            }),
            ind: Some(Ind {
                left: Some(lead),
                right: Some((width - lead - twips(geometry::BOX_NOTES_RULE)).max(0)),
                hanging: None,
            }),
            mark: Some(RPr {
                sz: Some(2),
                sz_cs: Some(2),
                ..RPr::default()
            }),
            ..PPr::default()
        };
        self.paragraph(rule, |_| {});
        let count = t.notes.len() + usize::from(t.source.is_some());
        let spacing = |i: usize| Spacing {
            after: (i + 1 == count).then(|| twips(geometry::BOX_PADDING)),
            ..Spacing::default()
        };
        for (i, note) in t.notes.iter().enumerate() {
            self.table_note(note, spacing(i), lead);
        }
        if let Some(source) = &t.source {
            self.source_line(source, spacing(count - 1), lead);
        }
    }

    /// A frame the width of the text, one row per block, the heading first.
    fn framed_summary(&mut self, s: &Summary) {
        let width = self.ctx.text_width();
        let caption = s
            .heading
            .as_ref()
            .map(|h| crate::model::plain_text(h))
            .unwrap_or_else(|| self.ctx.lang.summary_word().to_string());
        let tbl = TblPr {
            bidi_visual: self.ctx.rtl,
            width: Some(width),
            indent: Some(0),
            frame: Some(eighths(geometry::BOX_RULE)),
            caption: Some(&caption),
        };
        self.start_table_with(&tbl, &[width]);
        let tc = TcPr {
            width,
            span: 1,
            ..TcPr::default()
        };
        if let Some(heading) = &s.heading {
            self.start_row_with(TrPr::default());
            self.cell(tc, |f| f.box_heading(heading));
            self.end_row();
        }
        let last = s.blocks.len().saturating_sub(1);
        for (i, block) in s.blocks.iter().enumerate() {
            self.start_row_with(TrPr::default());
            self.cell(tc, |f| {
                f.summary_block(block);
                if i == last {
                    f.gap(geometry::BOX_PADDING);
                }
            });
            self.end_row();
        }
        self.end_table();
    }

    /// "Summary": 12 pt italic, inset from the frame.
    fn box_heading(&mut self, heading: &[Inline]) {
        let size = half_points(geometry::BOX_HEADING_SIZE);
        let rpr = RPr {
            i: Some(true),
            i_cs: Some(true),
            sz: Some(size),
            sz_cs: Some(size),
            ..RPr::default()
        };
        let ppr = PPr {
            keep_next: Some(true),
            spacing: Some(Spacing {
                before: Some(twips(page::SECTION.before)),
                after: Some(twips(page::BODY.after)),
                line: Some((twips(page::SECTION.line), LineRule::Exact)),
            }),
            ind: Some(Ind {
                left: Some(twips(geometry::BOX_HEADING_INSET)),
                ..Ind::default()
            }),
            mark: Some(rpr.clone()),
            ..PPr::default()
        };
        self.paragraph(ppr, |f| f.inlines(heading, &rpr));
    }

    /// A block of the summary: an unnumbered paragraph starts with a tab,
    /// as in the files; the others stand as in the body.
    fn summary_block(&mut self, block: &Block) {
        match block {
            Block::Text(t) => {
                let ppr = PPr {
                    style: Some("SingleTxt"),
                    ..PPr::default()
                };
                self.paragraph(ppr, |f| {
                    f.tab();
                    f.inlines(&t.value, &RPr::default());
                });
            }
            _ => self.blocks(slice::from_ref(block)),
        }
    }
}

/// The table of a summary that is nothing but a table of figures.
fn box_of_figures(s: &Summary) -> Option<&Table> {
    match (&s.heading, s.blocks.as_slice()) {
        (None, [Block::Table(t)]) => Some(t),
        _ => None,
    }
}
