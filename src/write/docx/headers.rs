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
use super::body::{Links, Story};
use super::props::{Jc, PPr, RPr, Spacing, Tab, TabKind};
use super::styles::HEADER_TABS;
use super::units::{EMU_PER_TWIP, Twips, eighths, emu, half_points, twips};
use super::xml::{NS_R, NS_W, Xml};
use crate::model::Document;
use crate::symbol::document_url;
use crate::write::barcode;
use crate::write::page::{codes, margin, running};

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

fn story(root: &str) -> Xml {
    let mut x = Xml::part(2 * 1024);
    x.open(root, &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    x
}

/// The running header: the symbol, bold, over a rule.
pub fn running_header(doc: &Document, ctx: &Ctx, side: Side) -> String {
    let x = story("w:hdr");
    let mut f = Story::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let bold = RPr {
        b: Some(true),
        b_cs: Some(true),
        ..RPr::default()
    };
    f.paragraph_ltr(
        PPr {
            style: Some("Header"),
            border_bottom: Some(eighths(running::HEADER_RULE_WIDTHS.0)),
            spacing: Some(Spacing {
                before: Some(twips(running::HEADER_BEFORE_DOCX)),
                after: Some(twips(running::HEADER_AFTER_DOCX)),
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

impl Story<'_, '_> {
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
    let mut f = Story::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let tabs = [
        CLEAR_FOOTER_TABS[0],
        CLEAR_FOOTER_TABS[1],
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
        sz: Some(half_points(running::JOB_NUMBER_SIZE)),
        sz_cs: Some(half_points(running::JOB_NUMBER_SIZE)),
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
    /// The pictures it shows, relationship `rId1`, `rId2`… in order.
    pub pictures: Vec<Picture>,
}

/// A picture of a footer: its part and its bytes.
pub struct Picture {
    /// Its part in the package, `word/media/<name>.png`.
    pub part: &'static str,
    /// The PNG.
    pub png: Vec<u8>,
}

/// The QR code's side in EMU.
const QR_EMU: u32 = emu(codes::QR_SIDE) as u32;
/// The Header and Footer styles' stops, cleared where a header or footer
/// sets its own.
const CLEAR_FOOTER_TABS: [Tab; 2] = [
    Tab {
        kind: TabKind::Clear,
        ..HEADER_TABS[0]
    },
    Tab {
        kind: TabKind::Clear,
        ..HEADER_TABS[1]
    },
];
/// Height of the barcode's paragraph: the space above it and the bars.
const BARCODE_LINE: Twips = twips(codes::BARCODE_BEFORE_DOCX + codes::BARCODE_HEIGHT_DOCX);

/// Where a picture sits.
enum Placement {
    /// In the line, like a character.
    Inline,
    /// Against the left or right margin, its top `top` EMU from the page's
    /// top edge, text flowing as if it were not there.
    Margin { right: bool, top: i64 },
}

/// A picture to draw: its size in EMU, its drawing id (unique in the
/// package), name, description for screen readers and relationship.
struct Drawing<'a> {
    cx: u32,
    cy: u32,
    id: u32,
    name: &'a str,
    descr: &'a str,
    rel: &'a str,
}

/// The first-page footer: the job number, under it its barcode and, at the
/// other margin, the QR code of the document's address.
pub fn first_page_footer(doc: &Document, ctx: &Ctx) -> std::io::Result<FirstFooter> {
    let mut x = Xml::part(4 * 1024);
    x.open(
        "w:ftr",
        &[("xmlns:w", NS_W), ("xmlns:r", NS_R), ("xmlns:wp", NS_WP)],
    );
    let mut f = Story::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let mut pictures = Vec::new();
    let qr = match &doc.masthead.symbol {
        Some(symbol) => {
            let url = document_url(doc.lang, &symbol.value);
            barcode::qr(&url).map(|code| (url, code))
        }
        None => None,
    };
    let qr = match qr {
        Some((url, code)) => {
            pictures.push(Picture {
                part: "word/media/qr.png",
                png: super::png::qr_png(&code)?,
            });
            Some((format!("rId{}", pictures.len()), url))
        }
        None => None,
    };
    let job = doc.masthead.job_number.as_ref().map(|j| j.value.as_str());
    let bars = job.and_then(|job| {
        let data = barcode::job_barcode_data(job);
        let (bars, modules) = barcode::code39(&data).filter(|_| !data.is_empty())?;
        Some((data, bars, modules))
    });
    let bars = match bars {
        Some((data, bars, modules)) => {
            pictures.push(Picture {
                part: "word/media/barcode.png",
                png: super::png::bars_png(&bars, modules)?,
            });
            Some((format!("rId{}", pictures.len()), data, modules))
        }
        None => None,
    };

    let jc = ctx.rtl.then_some(Jc::Right);
    let footer = || PPr {
        style: Some("Footer"),
        jc,
        ..PPr::default()
    };
    // The footer fills the bottom margin: LibreOffice sizes the first page's
    // body by the footer's content, Word by the margin; both then end the
    // body above the QR code. Heights are estimated low, so it never comes short.
    let first_line = if qr.is_some() {
        twips(codes::MARK_LINE_DOCX)
    } else {
        twips(codes::FOOTER_LINE_DOCX)
    };
    let below = first_line + if bars.is_some() { BARCODE_LINE } else { 0 };
    let spacing = Some(Spacing {
        before: Some(twips(margin::BOTTOM) - twips(margin::FOOTER) - below),
        ..Spacing::default()
    });
    // With a QR code, the recycling mark stands beside it and the job number
    // at the other margin, both on tab stops (the paragraph starts at the left).
    let width = ctx.text_width();
    let beside_qr = twips(codes::QR_SIDE) + twips(codes::RECYCLING_GAP);
    let mut tabs = CLEAR_FOOTER_TABS.to_vec();
    if ctx.rtl {
        tabs.extend([Tab::left(beside_qr), Tab::right(width)]);
    } else {
        tabs.push(Tab::right(width - beside_qr));
    }
    let first = PPr {
        spacing,
        tabs: if qr.is_some() { &tabs } else { &[] },
        jc: if qr.is_some() { None } else { jc },
        ..footer()
    };
    let plain = RPr {
        b: Some(false),
        b_cs: Some(false),
        ..RPr::default()
    };
    f.paragraph_ltr(first, |f| {
        if let Some((rel, url)) = &qr {
            let drawing = Drawing {
                cx: QR_EMU,
                cy: QR_EMU,
                id: 2,
                name: "QR code",
                descr: url,
                rel,
            };
            // Opposite the job number: right, or left in right-to-left documents.
            let top = i64::from(ctx.page.1) * EMU_PER_TWIP - emu(codes::FOOT) - i64::from(QR_EMU);
            let right = !ctx.rtl;
            f.drawing(&drawing, Placement::Margin { right, top });
        }
        // The recycling mark comes first when the code is at the left.
        if qr.is_some() && ctx.rtl {
            f.tab();
            f.recycling_mark(true);
            f.tab();
        }
        if let Some(job) = job {
            f.run(job, plain);
        }
        if qr.is_some() && !ctx.rtl {
            f.tab();
            f.recycling_mark(false);
        }
    });
    if let Some((rel, data, modules)) = &bars {
        let descr = format!("*{data}*");
        let drawing = Drawing {
            cx: modules * emu(codes::BARCODE_MODULE_DOCX) as u32,
            cy: emu(codes::BARCODE_HEIGHT_DOCX) as u32,
            id: 1,
            name: "Barcode",
            descr: &descr,
            rel,
        };
        let ppr = PPr {
            spacing: Some(Spacing {
                before: Some(twips(codes::BARCODE_BEFORE_DOCX)),
                ..Spacing::default()
            }),
            ..footer()
        };
        f.paragraph_ltr(ppr, |f| f.drawing(&drawing, Placement::Inline));
    }
    let mut x = f.x;
    x.close("w:ftr");
    Ok(FirstFooter {
        xml: x.finish(),
        pictures,
    })
}

impl Story<'_, '_> {
    /// "Please recycle" (bold, 8 pt) and the recycling symbol (19 pt), the
    /// symbol first when `symbol_first` (beside a QR code on the left).
    fn recycling_mark(&mut self, symbol_first: bool) {
        let (words_size, symbol_size) = codes::RECYCLING_SIZES;
        let words = RPr {
            b: Some(true),
            b_cs: Some(true),
            sz: Some(half_points(words_size)),
            sz_cs: Some(half_points(words_size)),
            ..RPr::default()
        };
        let symbol = RPr {
            b: Some(false),
            b_cs: Some(false),
            sz: Some(half_points(symbol_size)),
            sz_cs: Some(half_points(symbol_size)),
            ..RPr::default()
        };
        if symbol_first {
            self.run(barcode::RECYCLING_SYMBOL, symbol);
            self.run(&format!(" {}", barcode::RECYCLING_WORDS), words);
        } else {
            self.run(&format!("{} ", barcode::RECYCLING_WORDS), words);
            self.run(barcode::RECYCLING_SYMBOL, symbol);
        }
    }

    /// A picture in a run, placed as `placement` says.
    fn drawing(&mut self, d: &Drawing, placement: Placement) {
        let (cx, cy) = (d.cx.to_string(), d.cy.to_string());
        let x = &mut self.x;
        x.open("w:r", &[]);
        x.open("w:drawing", &[]);
        let zero = [
            ("distT", "0"),
            ("distB", "0"),
            ("distL", "0"),
            ("distR", "0"),
        ];
        let element = match placement {
            Placement::Inline => {
                x.open("wp:inline", &zero);
                "wp:inline"
            }
            Placement::Margin { right, top } => {
                let mut attributes = zero.to_vec();
                attributes.extend([
                    ("simplePos", "0"),
                    ("relativeHeight", "1"),
                    ("behindDoc", "0"),
                    ("locked", "0"),
                    ("layoutInCell", "1"),
                    ("allowOverlap", "1"),
                ]);
                x.open("wp:anchor", &attributes);
                x.empty("wp:simplePos", &[("x", "0"), ("y", "0")]);
                x.open("wp:positionH", &[("relativeFrom", "margin")]);
                x.open("wp:align", &[]);
                x.text(if right { "right" } else { "left" });
                x.close("wp:align");
                x.close("wp:positionH");
                x.open("wp:positionV", &[("relativeFrom", "page")]);
                x.open("wp:posOffset", &[]);
                x.text(&top.to_string());
                x.close("wp:posOffset");
                x.close("wp:positionV");
                "wp:anchor"
            }
        };
        x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
        x.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        if element == "wp:anchor" {
            x.empty("wp:wrapNone", &[]);
        }
        let id = d.id.to_string();
        x.empty(
            "wp:docPr",
            &[("id", &id), ("name", d.name), ("descr", d.descr)],
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
        x.empty("pic:cNvPr", &[("id", &id), ("name", d.name)]);
        x.empty("pic:cNvPicPr", &[]);
        x.close("pic:nvPicPr");
        x.open("pic:blipFill", &[]);
        x.empty("a:blip", &[("r:embed", d.rel)]);
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
        x.close(element);
        x.close("w:drawing");
        x.close("w:r");
    }
}
