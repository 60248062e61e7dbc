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
use super::data_table::{BODY_LOOK, CellStyle, HEAD_STYLE, Look, MAX_INDENT, Setting, label_tabs};
use super::grid::Metrics;
use super::props::{Ind, LineRule, PPr, RPr, Spacing, Tab, TblPr, TcPr, TrPr};
use super::styles::TEXT_INDENT;
use super::units::{Twips, eighths, half_points, twips};
use crate::model::{Block, Inline, Summary, Table, all_strong};
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
    label_tabs: &BOX_LABEL_TABS,
};

/// The box's label stops, past its first column's lead.
static BOX_LABEL_TABS: [Tab; MAX_INDENT] = label_tabs(geometry::BOX_TABLE_LEAD);

impl Story<'_, '_> {
    /// The summary box, then the space the title block leaves below it.
    pub(super) fn summary(&mut self, s: &Summary) {
        match s.table_alone() {
            Some(t) => self.figures_box(t),
            None if s.heading.is_some() || !s.blocks.is_empty() => self.framed_summary(s),
            None => return,
        }
        self.gap(geometry::AFTER);
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
                after: Some(twips(geometry::NOTES_BEFORE)),
                line: Some((twips(geometry::NOTES_BEFORE), LineRule::Exact)),
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
        // Tables and figures inside stop short of the frame.
        let measure = self.measure;
        self.measure = width - twips(geometry::BOX_INSET);
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
        self.measure = measure;
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
                left: Some(twips(geometry::BOX_INSET)),
                ..Ind::default()
            }),
            mark: Some(rpr.clone()),
            ..PPr::default()
        };
        self.paragraph(ppr, |f| f.inlines(heading, &rpr));
    }

    /// A block of the summary: an unnumbered paragraph starts with a tab,
    /// as in the files (a bold run-in heading does not); the others stand
    /// as in the body.
    fn summary_block(&mut self, block: &Block) {
        match block {
            Block::Text(t) => {
                let ppr = PPr {
                    style: Some("SingleTxt"),
                    ..PPr::default()
                };
                // A bold run-in heading stands at the text indent.
                let tab = !all_strong(&t.value);
                self.paragraph(ppr, |f| {
                    if tab {
                        f.tab();
                    }
                    f.inlines(&t.value, &RPr::default());
                });
            }
            _ => self.blocks(slice::from_ref(block)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::super::body::{self, SectionRefs};
    use crate::model::{Block, Document};
    use crate::read;
    use crate::write::WriteOptions;

    const HRC: &str = include_str!("../../../samples/hrc-report-en.txt");
    const REPORT: &str = include_str!("../../../samples/report-en.txt");

    fn document_xml(doc: &Document) -> String {
        let options = WriteOptions::default();
        let ctx = Ctx::new(doc, &options);
        let refs = SectionRefs {
            headers: ["rId5", "rId6", "rId7"],
            footers: ["rId8", "rId9", "rId10"],
        };
        body::document(doc, &ctx, &refs, 12).xml
    }

    /// The first table of the report sample.
    fn a_table() -> Block {
        let doc = read::text::read(REPORT).document.expect("sample reads");
        let mut tables = Vec::new();
        fn find(blocks: &[Block], out: &mut Vec<Block>) {
            for b in blocks {
                match b {
                    Block::Table(_) => out.push(b.clone()),
                    Block::Chapter(d) | Block::Section(d) => find(&d.blocks, out),
                    _ => {}
                }
            }
        }
        find(&doc.body, &mut tables);
        tables.swap_remove(0)
    }

    #[test]
    fn a_summary_with_a_heading_is_a_frame_of_rows() {
        let mut doc = read::text::read(HRC).document.expect("sample reads");
        let summary = doc.summary.as_mut().expect("the sample has a summary");
        let paragraphs = summary.blocks.len();
        summary.blocks.push(a_table());
        let xml = document_xml(&doc);
        let frame_at = xml
            .find("<w:tblCaption w:val=\"Summary\"/>")
            .expect("the frame");
        let frame = &xml[xml[..frame_at].rfind("<w:tbl>").unwrap()..];
        assert!(frame.contains(
            "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        ));
        assert!(frame.contains("<w:tblInd w:w=\"0\" w:type=\"dxa\"/>"));
        // The heading (12 pt italic), each paragraph starting with a tab, then the table nested.
        assert!(frame.contains(
            "<w:i/><w:iCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t>Summary</w:t>"
        ));
        assert!(frame.contains("<w:pStyle w:val=\"SingleTxt\"/></w:pPr><w:r><w:tab/></w:r><w:r><w:t>In the present report"));
        let rows = frame[..frame.find("<w:tblCaption w:val=\"Table 1").unwrap()]
            .matches("<w:tr>")
            .count();
        assert_eq!(
            rows,
            1 + paragraphs + 1,
            "heading, paragraphs, the table's row"
        );
        let nested = frame.find("<w:tblCaption w:val=\"Table 1").unwrap();
        assert!(frame[..nested].rfind("<w:tbl>").unwrap() > frame.find("<w:tc>").unwrap());
        // A cell ends with a paragraph, after the nested table's notes.
        let end = nested + frame[nested..].find("</w:tbl>").unwrap();
        assert!(frame[end..].starts_with("</w:tbl><w:p>"));
    }

    #[test]
    fn a_summary_of_figures_is_the_framed_table() {
        let doc = read::xml::read(include_str!("../../../samples/acabq-first-page-en.xml"))
            .document
            .expect("sample reads");
        let xml = document_xml(&doc);
        let start = xml.find("<w:tbl>").expect("the box");
        let table = &xml[start..start + xml[start..].find("</w:tbl>").unwrap()];
        assert!(table.contains("<w:tblInd w:w=\"1267\" w:type=\"dxa\"/><w:tblBorders>"));
        assert!(table.contains("<w:tblCaption w:val=\"Summary\"/>"));
        assert_eq!(table.matches("<w:gridCol ").count(), 2);
        // Ten rows of figures and the notes' row across both columns.
        assert_eq!(table.matches("<w:tr>").count(), 11);
        assert!(table.contains("<w:gridSpan w:val=\"2\"/>"));
        assert!(table.contains("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\""));
        assert!(table.contains("<w:t>Estimates as at 28 February 2026.</w:t>"));
        // Running-text type: SingleTxt, its justification undone.
        assert!(table.contains("<w:pStyle w:val=\"SingleTxt\"/>"));
        assert!(table.contains("<w:jc w:val=\"left\"/>"));
        assert!(
            !xml[..start].contains("<w:tbl>"),
            "no frame of rows around it"
        );
    }
}
