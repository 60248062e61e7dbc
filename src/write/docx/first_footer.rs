//! The first-page footer: the job number with its Code 39 barcode under it
//! at one margin, the QR code of the document's address with the recycling
//! mark beside it at the other (right and left swap in right-to-left
//! documents). The codes are PNG pictures (`png`) drawn as DrawingML
//! (`drawing`), placed as the page template says.

use std::collections::BTreeSet;

use super::Ctx;
use super::body::{Links, Story};
use super::drawing::{Drawing, NS_WP, Placement};
use super::headers::CLEAR_FOOTER_TABS;
use super::png;
use super::props::{Jc, PPr, RPr, Spacing, Tab};
use super::units::{EMU_PER_TWIP, Twips, emu, half_points, twips};
use super::xml::{NS_R, NS_W, Xml};
use crate::model::Document;
use crate::symbol::document_url;
use crate::write::barcode;
use crate::write::page::{codes, margin};

/// The first-page footer part and the pictures it shows.
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

/// The QR code's picture: its relationship and the address it encodes.
struct QrPicture {
    rel: String,
    url: String,
}

/// The barcode's picture: its relationship, the digits it encodes and its
/// width in narrow modules.
struct BarcodePicture {
    rel: String,
    data: String,
    modules: u32,
}

/// The footer's codes: the pictures in relationship order, and which of
/// the two there are (no symbol, no address; no digits, no barcode).
struct Codes {
    pictures: Vec<Picture>,
    qr: Option<QrPicture>,
    barcode: Option<BarcodePicture>,
}

/// The QR code's side in EMU.
const QR_EMU: u32 = emu(codes::QR_SIDE) as u32;
/// Height of the barcode's paragraph: the space above it and the bars.
const BARCODE_LINE: Twips = twips(codes::BARCODE_BEFORE_DOCX + codes::BARCODE_HEIGHT_DOCX);

/// The first-page footer: the job number, under it its barcode and, at the
/// other margin, the QR code of the document's address.
pub fn first_page_footer(doc: &Document, ctx: &Ctx) -> FirstFooter {
    let codes = codes(doc);
    let tabs = codes_line_tabs(ctx);
    let mut x = Xml::part(4 * 1024);
    x.open(
        "w:ftr",
        &[("xmlns:w", NS_W), ("xmlns:r", NS_R), ("xmlns:wp", NS_WP)],
    );
    let mut f = Story::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let job = doc.masthead.job_number.as_ref().map(|j| j.value.as_str());
    f.codes_line(&codes, job, &tabs);
    if let Some(bars) = &codes.barcode {
        f.barcode_line(bars);
    }
    let mut x = f.x;
    x.close("w:ftr");
    FirstFooter {
        xml: x.finish(),
        pictures: codes.pictures,
    }
}

/// The PNGs of the document's QR code and barcode, numbered in that order.
fn codes(doc: &Document) -> Codes {
    let mut pictures = Vec::new();
    let mut qr = None;
    if let Some((url, code)) = qr_code(doc) {
        pictures.push(Picture {
            part: "word/media/qr.png",
            png: png::qr_png(&code),
        });
        let rel = format!("rId{}", pictures.len());
        qr = Some(QrPicture { rel, url });
    }
    let mut barcode = None;
    if let Some((data, bars, modules)) = job_barcode(doc) {
        pictures.push(Picture {
            part: "word/media/barcode.png",
            png: png::bars_png(&bars, modules),
        });
        let rel = format!("rId{}", pictures.len());
        barcode = Some(BarcodePicture { rel, data, modules });
    }
    Codes {
        pictures,
        qr,
        barcode,
    }
}

/// The address of the document in its language, and its QR code.
fn qr_code(doc: &Document) -> Option<(String, barcode::QrCode)> {
    let symbol = doc.masthead.symbol.as_ref()?;
    let url = document_url(doc.lang, &symbol.value);
    barcode::qr(&url).map(|code| (url, code))
}

/// The digits of the job number, their Code 39 bars and width in modules.
fn job_barcode(doc: &Document) -> Option<(String, Vec<barcode::Bar>, u32)> {
    let job = doc.masthead.job_number.as_ref()?;
    let data = barcode::job_barcode_data(&job.value);
    let (bars, modules) = barcode::code39(&data).filter(|_| !data.is_empty())?;
    Some((data, bars, modules))
}

/// The `Footer` style, at the right in right-to-left documents.
fn footer_ppr<'a>(ctx: &Ctx) -> PPr<'a> {
    PPr {
        style: Some("Footer"),
        jc: ctx.rtl.then_some(Jc::Right),
        ..PPr::default()
    }
}

/// Space above the first line, so the footer fills the bottom margin:
/// LibreOffice sizes the first page's body by the footer's content, Word by
/// the margin; both then end the body above the QR code. Heights are
/// estimated low, so it never comes short.
fn space_above(qr: bool, barcode: bool) -> Twips {
    let first_line = if qr {
        twips(codes::MARK_LINE_DOCX)
    } else {
        twips(codes::FOOTER_LINE_DOCX)
    };
    let below = first_line + if barcode { BARCODE_LINE } else { 0 };
    twips(margin::BOTTOM) - twips(margin::FOOTER) - below
}

/// Tab stops of the line beside a QR code: the recycling mark stands next
/// to the code and the job number at the other margin (the paragraph
/// starts at the left).
fn codes_line_tabs(ctx: &Ctx) -> Vec<Tab> {
    let width = ctx.text_width();
    let beside_qr = twips(codes::QR_SIDE) + twips(codes::RECYCLING_GAP);
    let mut tabs = CLEAR_FOOTER_TABS.to_vec();
    if ctx.rtl {
        tabs.extend([Tab::left(beside_qr), Tab::right(width)]);
    } else {
        tabs.push(Tab::right(width - beside_qr));
    }
    tabs
}

impl<'a> Story<'_, 'a> {
    /// The first line: the job number, and with a QR code the code itself
    /// (anchored to the other margin) and the recycling mark beside it.
    fn codes_line(&mut self, codes: &Codes, job: Option<&str>, tabs: &'a [Tab]) {
        let rtl = self.ctx.rtl;
        let qr = codes.qr.as_ref();
        let footer = footer_ppr(self.ctx);
        let ppr = PPr {
            spacing: Some(Spacing {
                before: Some(space_above(qr.is_some(), codes.barcode.is_some())),
                ..Spacing::default()
            }),
            tabs: if qr.is_some() { tabs } else { &[] },
            jc: if qr.is_some() { None } else { footer.jc },
            ..footer
        };
        let plain = RPr {
            b: Some(false),
            b_cs: Some(false),
            ..RPr::default()
        };
        self.paragraph_ltr(ppr, |f| {
            if let Some(qr) = qr {
                f.qr_code(qr);
            }
            // The recycling mark comes first when the code is at the left.
            if qr.is_some() && rtl {
                f.tab();
                f.recycling_mark(true);
                f.tab();
            }
            if let Some(job) = job {
                f.run(job, plain);
            }
            if qr.is_some() && !rtl {
                f.tab();
                f.recycling_mark(false);
            }
        });
    }

    /// The QR code, opposite the job number: at the right margin, or the
    /// left one in right-to-left documents, its foot where the template says.
    fn qr_code(&mut self, qr: &QrPicture) {
        let drawing = Drawing {
            cx: QR_EMU,
            cy: QR_EMU,
            id: 2,
            name: "QR code",
            descr: &qr.url,
            rel: &qr.rel,
        };
        let page_height = i64::from(self.ctx.page.1) * EMU_PER_TWIP;
        let top = page_height - emu(codes::FOOT) - i64::from(QR_EMU);
        let right = !self.ctx.rtl;
        self.drawing(&drawing, Placement::Margin { right, top });
    }

    /// The job number's barcode, in a line of its own under the number.
    fn barcode_line(&mut self, bars: &BarcodePicture) {
        let descr = format!("*{}*", bars.data);
        let drawing = Drawing {
            cx: bars.modules * emu(codes::BARCODE_MODULE_DOCX) as u32,
            cy: emu(codes::BARCODE_HEIGHT_DOCX) as u32,
            id: 1,
            name: "Barcode",
            descr: &descr,
            rel: &bars.rel,
        };
        let ppr = PPr {
            spacing: Some(Spacing {
                before: Some(twips(codes::BARCODE_BEFORE_DOCX)),
                ..Spacing::default()
            }),
            ..footer_ppr(self.ctx)
        };
        self.paragraph_ltr(ppr, |f| f.drawing(&drawing, Placement::Inline));
    }

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
}
