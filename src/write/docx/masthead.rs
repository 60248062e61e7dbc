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
use super::props::{Jc, PPr, RPr, Spacing, TcPr};
use super::units::{Twips, eighths, half_points, twips};
use super::xml::{NS_R, NS_W, Xml};
use crate::model::Document;
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
    let m = &doc.masthead;
    let lang = ctx.lang;
    let tracking = lang.takes_letter_spacing();
    f.start_table(&g);

    let thin = eighths(grid::THIN_RULE_WIDTHS.0);
    let thick = eighths(grid::THICK_RULE_WIDTH);
    let thin_below = |width, span| TcPr {
        width,
        span,
        top: None,
        bottom: Some(thin),
        bottom_aligned: true,
    };
    f.start_row(twips(grid::NAME_ROW));
    f.cell(thin_below(g[0], 1), |f| f.empty_paragraph("Header"));
    // "United Nations" may run past its column (Russian: "Организация
    // Объединенных Наций"), so its cell spans up to the distribution column.
    f.cell(thin_below(g[1] + g[2] + g[3], 3), |f| {
        let rpr = RPr {
            b: Some(false),
            b_cs: Some(false),
            spacing: tracking.then_some(2),
            w: tracking.then_some(96),
            ..RPr::default()
        };
        f.paragraph(
            PPr {
                style: Some("HCh"),
                spacing: Some(Spacing {
                    after: Some(twips(grid::NAME_AFTER_DOCX)),
                    ..Spacing::default()
                }),
                mark: Some(rpr.clone()),
                ..PPr::default()
            },
            |f| f.run(lang.organization_name(), rpr),
        );
    });
    f.cell(thin_below(g[4] + g[5], 2), |f| {
        let symbol = m.symbol.as_ref().map_or("", |s| s.value.as_str());
        f.paragraph_ltr(
            PPr {
                spacing: Some(Spacing {
                    after: Some(twips(grid::NAME_AFTER_DOCX)),
                    line: Some((240, super::props::LineRule::Auto)),
                    ..Spacing::default()
                }),
                jc: Some(if ctx.rtl { Jc::Left } else { Jc::Right }),
                ..PPr::default()
            },
            |f| {
                let mut chars = symbol.chars();
                if let Some(first) = chars.next() {
                    f.run(
                        first.encode_utf8(&mut [0; 4]),
                        RPr {
                            position: Some(-4),
                            sz: Some(half_points(grid::SYMBOL_SIZES.0)),
                            sz_cs: Some(half_points(grid::SYMBOL_SIZES.0)),
                            ..RPr::default()
                        },
                    );
                }
                let rest = chars.as_str();
                if !rest.is_empty() {
                    f.run(
                        rest,
                        RPr {
                            position: Some(-4),
                            ..RPr::default()
                        },
                    );
                }
            },
        );
    });
    f.end_row();

    let framed = |width, span| TcPr {
        width,
        span,
        top: Some(thin),
        bottom: Some(thick),
        bottom_aligned: false,
    };
    f.start_row(twips(grid::ORGAN_ROW));
    f.cell(framed(g[0], 1), |f| f.empty_paragraph("Header"));
    f.cell(framed(g[1] + g[2] + g[3], 3), |f| {
        let total: usize = m.organ.iter().map(|o| display_width(&o.value)).sum();
        let style = if m.organ.len() > 1 || total > grid::ORGAN_LONG_COLUMNS_DOCX {
            "HM"
        } else {
            "XLarge"
        };
        if m.organ.is_empty() {
            f.empty_paragraph(style);
        }
        for (i, organ) in m.organ.iter().enumerate() {
            f.paragraph(
                PPr {
                    style: Some(style),
                    spacing: (i == 0).then(|| Spacing {
                        before: Some(twips(grid::ORGAN_BEFORE_DOCX)),
                        ..Spacing::default()
                    }),
                    ..PPr::default()
                },
                |f| f.run(&organ.value, RPr::default()),
            );
        }
    });
    f.cell(framed(g[4], 1), |f| f.empty_paragraph("Header"));
    f.cell(framed(g[5], 1), |f| {
        let distribution = m
            .distribution
            .as_ref()
            .map(|d| lang.distribution_line(d.value));
        f.paragraph_ltr(
            PPr {
                style: Some("Distribution"),
                spacing: Some(Spacing {
                    before: Some(twips(grid::DISTRIBUTION_BEFORE_DOCX)),
                    ..Spacing::default()
                }),
                ..PPr::default()
            },
            |f| {
                if let Some(line) = &distribution {
                    f.run(line, RPr::default());
                }
            },
        );
        let normal = || PPr::default();
        if let Some(date) = &m.date {
            f.paragraph_ltr(normal(), |f| {
                f.run(&lang.masthead_date(date.value), RPr::default())
            });
        }
        let original = m.original.as_ref().map(|o| o.value);
        f.paragraph_ltr(normal(), |f| {
            if original.is_some_and(|o| o != lang) {
                f.run(lang.version_line(), RPr::default());
            }
        });
        if let Some(original) = original {
            f.paragraph_ltr(
                PPr {
                    style: Some("Original"),
                    ..PPr::default()
                },
                |f| f.run(&lang.original_line(original), RPr::default()),
            );
        }
    });
    f.end_row();
    f.end_table();
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
