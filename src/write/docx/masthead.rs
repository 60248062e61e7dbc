//! The first-page header: the masthead table of the DGACM template.
//!
//! Row 1, over a thin rule: "United Nations" and the symbol (first letter
//! large) above the distribution column. Row 2, between a thin and a thick
//! rule: the organ in `XLarge` (or `HM` when long), and the distribution, date, version language and
//! original-language lines. The first column is left for the UN emblem,
//! which is the user's to supply. Arabic mirrors the table (`bidiVisual`).

use std::collections::BTreeSet;

use super::Ctx;
use super::body::{Links, Story};
use super::props::{Jc, LineRule, PPr, RPr, Spacing, TcPr};
use super::units::{Twips, eighths, half_points, twips};
use super::xml::{NS_R, NS_W, Xml};
use crate::model::{Document, Spanned};
use crate::script::is_ideographic;
use crate::write::page::masthead as grid;

/// Column widths: emblem, "United Nations", gap, organ, gap, distribution;
/// the organ's column takes what the others leave of `text_width`.
fn columns(text_width: Twips) -> [Twips; 6] {
    let emblem = twips(grid::EMBLEM_COLUMN);
    let name = twips(grid::NAME_COLUMN);
    let gap = twips(grid::GAP);
    let distribution = twips(grid::DISTRIBUTION_COLUMN);
    let organ = text_width - (emblem + name + gap + gap + distribution);
    let organ = organ.max(twips(grid::ORGAN_COLUMN_MIN));
    [emblem, name, gap, organ, gap, distribution]
}

/// Display width of a line, counting ideographs double.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if is_ideographic(c) { 2 } else { 1 })
        .sum()
}

/// Writes the first-page header part.
pub fn first_page_header(doc: &Document, ctx: &Ctx) -> String {
    let mut x = Xml::part(8 * 1024);
    x.open("w:hdr", &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    let mut f = Story::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let g = columns(ctx.text_width());
    f.start_table(&g);
    f.name_row(&g, doc);
    f.organ_row(&g, doc);
    f.end_table();
    // A table must be followed by a paragraph; this one is 1 pt high.
    f.paragraph(
        PPr {
            style: Some("Header"),
            mark: Some(RPr {
                sz: Some(2),
                ..RPr::default()
            }),
            ..PPr::default()
        },
        |_| {},
    );
    let mut x = f.x;
    x.close("w:hdr");
    x.finish()
}

/// A cell of `span` columns, `width` wide, between the rules the page
/// template draws: none above the first row, a thin rule between the rows,
/// a thick one under the second.
fn masthead_cell(width: Twips, span: u32, first_row: bool) -> TcPr {
    let thin = Some(eighths(grid::THIN_RULE_WIDTHS.0));
    let thick = Some(eighths(grid::THICK_RULE_WIDTH));
    TcPr {
        width,
        span,
        top: if first_row { None } else { thin },
        bottom: if first_row { thin } else { thick },
        bottom_aligned: first_row,
        ..TcPr::default()
    }
}

impl Story<'_, '_> {
    /// Row 1, over a thin rule: the emblem's cell, "United Nations", the symbol.
    fn name_row(&mut self, g: &[Twips; 6], doc: &Document) {
        self.start_row(twips(grid::NAME_ROW));
        self.cell(masthead_cell(g[0], 1, true), |f| {
            f.empty_paragraph("Header")
        });
        // "United Nations" may run past its column (Russian: "Организация
        // Объединенных Наций"), so its cell spans up to the distribution column.
        let name = masthead_cell(g[1] + g[2] + g[3], 3, true);
        self.cell(name, Self::organization_name);
        let symbol = doc
            .masthead
            .symbol
            .as_ref()
            .map_or("", |s| s.value.as_str());
        let symbol_cell = masthead_cell(g[4] + g[5], 2, true);
        self.cell(symbol_cell, |f| f.symbol(symbol));
        self.end_row();
    }

    /// "United Nations" in the document's language, in `HCh` but not bold.
    fn organization_name(&mut self) {
        let tracking = self.ctx.lang.takes_letter_spacing();
        let rpr = RPr {
            b: Some(false),
            b_cs: Some(false),
            spacing: tracking.then_some(2),
            w: tracking.then_some(96),
            ..RPr::default()
        };
        let ppr = PPr {
            style: Some("HCh"),
            spacing: Some(Spacing {
                after: Some(twips(grid::NAME_AFTER_DOCX)),
                ..Spacing::default()
            }),
            // Set in the chapter style's type, but not a heading.
            outline: Some(super::styles::BODY_TEXT_LEVEL),
            mark: Some(rpr.clone()),
            ..PPr::default()
        };
        let name = self.ctx.lang.organization_name();
        self.paragraph(ppr, |f| f.run(name, rpr));
    }

    /// The symbol at the trailing edge, its first letter large; both sit
    /// a little low, on the name's baseline.
    fn symbol(&mut self, symbol: &str) {
        let ppr = PPr {
            spacing: Some(Spacing {
                after: Some(twips(grid::NAME_AFTER_DOCX)),
                line: Some((240, LineRule::Auto)),
                ..Spacing::default()
            }),
            jc: Some(if self.ctx.rtl { Jc::Left } else { Jc::Right }),
            ..PPr::default()
        };
        let lowered = RPr {
            position: Some(-4),
            ..RPr::default()
        };
        let initial_size = half_points(grid::SYMBOL_SIZES.0);
        let mut chars = symbol.chars();
        let first = chars.next();
        let rest = chars.as_str();
        self.paragraph_ltr(ppr, |f| {
            if let Some(first) = first {
                let initial = RPr {
                    sz: Some(initial_size),
                    sz_cs: Some(initial_size),
                    ..lowered.clone()
                };
                f.run(first.encode_utf8(&mut [0; 4]), initial);
            }
            if !rest.is_empty() {
                f.run(rest, lowered);
            }
        });
    }

    /// Row 2, between a thin and a thick rule: the emblem's cell, the
    /// organ, a gap and the distribution block.
    fn organ_row(&mut self, g: &[Twips; 6], doc: &Document) {
        self.start_row(twips(grid::ORGAN_ROW));
        self.cell(masthead_cell(g[0], 1, false), |f| {
            f.empty_paragraph("Header")
        });
        let organ = masthead_cell(g[1] + g[2] + g[3], 3, false);
        self.cell(organ, |f| f.organ(&doc.masthead.organ));
        self.cell(masthead_cell(g[4], 1, false), |f| {
            f.empty_paragraph("Header")
        });
        self.cell(masthead_cell(g[5], 1, false), |f| f.distribution_block(doc));
        self.end_row();
    }

    /// The organ's lines in `XLarge`, or `HM` when there are several or
    /// they are long.
    fn organ(&mut self, organ: &[Spanned<String>]) {
        let total: usize = organ.iter().map(|o| display_width(&o.value)).sum();
        let style = if organ.len() > 1 || total > grid::ORGAN_LONG_COLUMNS_DOCX {
            "HM"
        } else {
            "XLarge"
        };
        if organ.is_empty() {
            self.empty_paragraph(style);
        }
        for (i, line) in organ.iter().enumerate() {
            let ppr = PPr {
                style: Some(style),
                spacing: (i == 0).then(|| Spacing {
                    before: Some(twips(grid::ORGAN_BEFORE_DOCX)),
                    ..Spacing::default()
                }),
                ..PPr::default()
            };
            self.paragraph(ppr, |f| f.run(&line.value, RPr::default()));
        }
    }

    /// The distribution, date, version language and original-language
    /// lines, left to right in every language.
    fn distribution_block(&mut self, doc: &Document) {
        let m = &doc.masthead;
        let lang = self.ctx.lang;
        let distribution = m
            .distribution
            .as_ref()
            .map(|d| lang.distribution_line(d.value));
        let first = PPr {
            style: Some("Distribution"),
            spacing: Some(Spacing {
                before: Some(twips(grid::DISTRIBUTION_BEFORE_DOCX)),
                ..Spacing::default()
            }),
            ..PPr::default()
        };
        self.paragraph_ltr(first, |f| {
            if let Some(line) = &distribution {
                f.run(line, RPr::default());
            }
        });
        if let Some(date) = &m.date {
            let line = lang.masthead_date(date.value);
            self.paragraph_ltr(PPr::default(), |f| f.run(&line, RPr::default()));
        }
        let original = m.original.as_ref().map(|o| o.value);
        self.paragraph_ltr(PPr::default(), |f| {
            if original.is_some_and(|o| o != lang) {
                f.run(lang.version_line(), RPr::default());
            }
        });
        if let Some(original) = original {
            let ppr = PPr {
                style: Some("Original"),
                ..PPr::default()
            };
            let line = lang.original_line(original);
            self.paragraph_ltr(ppr, |f| f.run(&line, RPr::default()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masthead_grid_fills_the_text_column() {
        assert_eq!(columns(9840).iter().sum::<i32>(), 9840);
        assert_eq!(columns(9506).iter().sum::<i32>(), 9506);
        assert_eq!(display_width("联合国 a"), 8);
    }
}
