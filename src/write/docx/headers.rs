//! Running headers and footers, mirrored on even and odd pages, and the
//! first-page footer with the job number and its Code 39 barcode.
//!
//! Even pages carry the symbol and `page/total` on the left, odd pages on
//! the right; the short job number sits opposite the page number. Arabic
//! documents mirror the sides. These lines are symbols and numbers, so their
//! paragraphs stay left to right in every language (`2/5` must not turn
//! into `5/2`).

use std::collections::BTreeSet;

use super::Ctx;
use super::body::{Flow, Links};
use super::props::{Jc, PPr, RPr, Spacing, Tab, TabKind};
use super::xml::{NS_R, NS_W, Xml};
use crate::barcode;
use crate::model::Document;

/// Which pages a running header or footer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Even pages.
    Even,
    /// Odd pages.
    Odd,
}

impl Side {
    /// Whether the symbol and page number stand on the left: on even pages
    /// of left-to-right documents, on odd pages of right-to-left ones.
    fn leading(self, ctx: &Ctx) -> bool {
        (self == Side::Even) != ctx.rtl
    }
}

const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// Width of a narrow barcode module: 0.0125 in, in EMU.
const MODULE_EMU: u32 = 11_430;
/// Height of the bars: 0.15 in, in EMU.
const BAR_HEIGHT_EMU: u32 = 137_160;

fn story(root: &str) -> Xml {
    let mut x = Xml::part(2 * 1024);
    x.open(root, &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    x
}

/// The running header: the symbol, bold, over a rule.
pub fn running_header(doc: &Document, ctx: &Ctx, side: Side) -> String {
    let x = story("w:hdr");
    let mut f = Flow::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let bold = RPr {
        b: Some(true),
        b_cs: Some(true),
        ..RPr::default()
    };
    f.paragraph_ltr(
        PPr {
            style: Some("Header"),
            border_bottom: Some(2),
            spacing: Some(Spacing {
                before: Some(600),
                after: Some(80),
                line: None,
            }),
            jc: Some(if side.leading(ctx) {
                Jc::Left
            } else {
                Jc::Right
            }),
            mark: Some(bold.clone()),
            ..PPr::default()
        },
        |f| {
            if let Some(symbol) = &doc.masthead.symbol {
                f.run(&symbol.value, bold);
            }
        },
    );
    let mut x = f.x;
    x.close("w:hdr");
    x.finish()
}

impl Flow<'_, '_> {
    /// A complex field (`PAGE`, `NUMPAGES`) showing `shown` until updated.
    fn field(&mut self, instruction: &str, shown: &str) {
        for (i, kind) in ["begin", "", "separate", "", "end"].iter().enumerate() {
            self.x.open("w:r", &[]);
            match i {
                1 => {
                    self.x.open("w:instrText", &[("xml:space", "preserve")]);
                    self.x.text(instruction);
                    self.x.close("w:instrText");
                }
                3 => {
                    self.x.open("w:t", &[]);
                    self.x.text(shown);
                    self.x.close("w:t");
                }
                _ => self.x.empty("w:fldChar", &[("w:fldCharType", kind)]),
            }
            self.x.close("w:r");
        }
    }

    fn page_of_total(&mut self) {
        self.field(" PAGE ", "2");
        self.run("/", RPr::default());
        self.field(" NUMPAGES ", "2");
    }
}

/// The running footer: `page/total` (bold) and the short job number.
pub fn running_footer(doc: &Document, ctx: &Ctx, side: Side) -> String {
    let x = story("w:ftr");
    let mut f = Flow::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let tabs = [
        Tab {
            kind: TabKind::Clear,
            pos: 4320,
        },
        Tab {
            kind: TabKind::Clear,
            pos: 8640,
        },
        Tab::right(ctx.text_width()),
    ];
    let job = doc
        .masthead
        .job_number
        .as_ref()
        .map(|j| barcode::short_job_number(&j.value).to_string());
    let small = RPr {
        b: Some(false),
        b_cs: Some(false),
        sz: Some(14),
        sz_cs: Some(14),
        ..RPr::default()
    };
    f.paragraph_ltr(
        PPr {
            style: Some("Footer"),
            tabs: &tabs,
            ..PPr::default()
        },
        |f| match side.leading(ctx) {
            true => {
                f.page_of_total();
                if let Some(job) = &job {
                    f.tab();
                    f.run(job, small);
                }
            }
            false => {
                if let Some(job) = &job {
                    f.run(job, small);
                }
                f.tab();
                f.page_of_total();
            }
        },
    );
    let mut x = f.x;
    x.close("w:ftr");
    x.finish()
}

/// The first-page footer part and the barcode picture it shows, if the
/// job number has digits to encode.
pub struct FirstFooter {
    /// The footer part.
    pub xml: String,
    /// The PNG the footer's `rId1` points to.
    pub picture: Option<Vec<u8>>,
}

/// The first-page footer: the job number and, under it, its barcode.
pub fn first_page_footer(doc: &Document, ctx: &Ctx) -> std::io::Result<FirstFooter> {
    let mut x = Xml::part(4 * 1024);
    x.open(
        "w:ftr",
        &[("xmlns:w", NS_W), ("xmlns:r", NS_R), ("xmlns:wp", NS_WP)],
    );
    let mut f = Flow::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let mut picture = None;
    match &doc.masthead.job_number {
        None => f.empty_paragraph("Footer"),
        Some(job) => {
            let plain = RPr {
                b: Some(false),
                b_cs: Some(false),
                ..RPr::default()
            };
            let jc = ctx.rtl.then_some(Jc::Right);
            f.paragraph_ltr(
                PPr {
                    style: Some("Footer"),
                    jc,
                    ..PPr::default()
                },
                |f| f.run(&job.value, plain),
            );
            let data = barcode::job_barcode_data(&job.value);
            if let Some((bars, modules)) = barcode::code39(&data).filter(|_| !data.is_empty()) {
                picture = Some(super::png::bars_png(&bars, modules)?);
                f.paragraph_ltr(
                    PPr {
                        style: Some("Footer"),
                        spacing: Some(Spacing {
                            before: Some(80),
                            ..Spacing::default()
                        }),
                        jc,
                        ..PPr::default()
                    },
                    |f| f.picture(modules * MODULE_EMU, BAR_HEIGHT_EMU, &format!("*{data}*")),
                );
            }
        }
    }
    let mut x = f.x;
    x.close("w:ftr");
    Ok(FirstFooter {
        xml: x.finish(),
        picture,
    })
}

impl Flow<'_, '_> {
    /// An inline picture (relationship `rId1` of the part), `cx` × `cy` EMU,
    /// described by `descr` for screen readers.
    fn picture(&mut self, cx: u32, cy: u32, descr: &str) {
        let (cx, cy) = (cx.to_string(), cy.to_string());
        let x = &mut self.x;
        x.open("w:r", &[]);
        x.open("w:drawing", &[]);
        x.open(
            "wp:inline",
            &[
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
            ],
        );
        x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
        x.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        x.empty(
            "wp:docPr",
            &[("id", "1"), ("name", "Barcode"), ("descr", descr)],
        );
        x.open("wp:cNvGraphicFramePr", &[]);
        x.empty(
            "a:graphicFrameLocks",
            &[("xmlns:a", NS_A), ("noChangeAspect", "1")],
        );
        x.close("wp:cNvGraphicFramePr");
        x.open("a:graphic", &[("xmlns:a", NS_A)]);
        x.open("a:graphicData", &[("uri", NS_PIC)]);
        x.open("pic:pic", &[("xmlns:pic", NS_PIC)]);
        x.open("pic:nvPicPr", &[]);
        x.empty("pic:cNvPr", &[("id", "1"), ("name", "barcode.png")]);
        x.empty("pic:cNvPicPr", &[]);
        x.close("pic:nvPicPr");
        x.open("pic:blipFill", &[]);
        x.empty("a:blip", &[("r:embed", "rId1")]);
        x.open("a:stretch", &[]);
        x.empty("a:fillRect", &[]);
        x.close("a:stretch");
        x.close("pic:blipFill");
        x.open("pic:spPr", &[]);
        x.open("a:xfrm", &[]);
        x.empty("a:off", &[("x", "0"), ("y", "0")]);
        x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
        x.close("a:xfrm");
        x.open("a:prstGeom", &[("prst", "rect")]);
        x.empty("a:avLst", &[]);
        x.close("a:prstGeom");
        x.close("pic:spPr");
        x.close("pic:pic");
        x.close("a:graphicData");
        x.close("a:graphic");
        x.close("wp:inline");
        x.close("w:drawing");
        x.close("w:r");
    }
}
