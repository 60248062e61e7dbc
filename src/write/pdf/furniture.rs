//! Page furniture: the running header and footer of the pages after the
//! first (symbol, `page/total`, short job number, mirrored on odd and even
//! pages) and, on the first page, the masthead's rules (its lines are
//! `masthead`), the job number with its Code 39 barcode and the QR code with
//! the recycling mark. Positions follow the reference files and the page
//! template (UN-CONVENTIONS §1, §5); right-to-left documents are mirrored.

use crate::lang::Lang;
use crate::model::{Document, Span};
use crate::symbol::document_url;
use crate::write::barcode::{
    Bar, QrCode, RECYCLING_SYMBOL, RECYCLING_WORDS, code39, job_barcode_data, qr, short_job_number,
};
use crate::write::page::{TextStyle, codes, note, running};

use super::flow::{FixedLine, FlowBuilder, LaidText};
use super::masthead;
use super::style::Geometry;

/// A horizontal rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Vertical centre.
    pub y: f32,
    /// Thickness.
    pub width: f32,
}

/// A Code 39 barcode drawn as vector bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Barcode {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Bar height.
    pub height: f32,
    /// Width of a narrow module.
    pub module: f32,
    /// The bars.
    pub bars: Vec<Bar>,
}

/// The first page's QR code of the document's address, as vector modules.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Side of a module.
    pub module: f32,
    /// The modules.
    pub code: QrCode,
}

/// The artifacts of one page: header and footer texts, rules, barcode, QR code.
#[derive(Debug, Clone, Default)]
pub struct Furniture {
    /// Running header texts.
    pub header: Vec<FixedLine>,
    /// Footer texts (page number, job number).
    pub footer: Vec<FixedLine>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// The first page's barcode.
    pub barcode: Option<Barcode>,
    /// The first page's QR code.
    pub qr: Option<Qr>,
    /// The footnote separator, on a page with footnotes (see [`note_separator`]).
    pub note_separator: Option<LaidText>,
}

/// A line of furniture in English, which has no source.
fn furniture_line(b: &mut FlowBuilder, text: &str, size: f32, bold: bool) -> LaidText {
    b.plain_line(
        Lang::En,
        text,
        TextStyle::plain_line(size, bold),
        Span::default(),
    )
}

/// The QR code of the document's address in its language, on the barcode's
/// foot line at the other margin (right, or left in right-to-left
/// documents); none without a symbol.
fn first_page_qr(doc: &Document, geom: &Geometry) -> Option<Qr> {
    let symbol = doc.masthead.symbol.as_ref()?;
    let code = qr(&document_url(doc.lang, &symbol.value))?;
    let module = codes::QR_SIDE / code.size.max(1) as f32;
    Some(Qr {
        x: if doc.lang.is_rtl() {
            geom.margin_x
        } else {
            geom.right() - codes::QR_SIDE
        },
        y: geom.height - codes::FOOT - codes::QR_SIDE,
        module,
        code,
    })
}

/// The recycling mark beside the QR code, as on the official files: "Please
/// recycle" and the recycling symbol nearest the code.
fn recycling_mark(b: &mut FlowBuilder, qr: &Qr, rtl: bool) -> [FixedLine; 2] {
    let geom = b.geom;
    let (words_size, symbol_size) = codes::RECYCLING_SIZES;
    let words = furniture_line(b, RECYCLING_WORDS, words_size, true);
    let symbol = furniture_line(b, RECYCLING_SYMBOL, symbol_size, false);
    let (ww, sw) = (words.line_width(0), symbol.line_width(0));
    let (words_x, symbol_x) = if rtl {
        let symbol_x = qr.x + codes::QR_SIDE + codes::RECYCLING_GAP;
        (symbol_x + sw + codes::RECYCLING_WORDS_GAP_PDF, symbol_x)
    } else {
        let symbol_x = qr.x - codes::RECYCLING_GAP - sw;
        (symbol_x - codes::RECYCLING_WORDS_GAP_PDF - ww, symbol_x)
    };
    let (words_baseline, symbol_baseline) = codes::RECYCLING_BASELINES_FROM_BOTTOM_PDF;
    [
        FixedLine {
            text: words,
            x: words_x,
            baseline: geom.height - words_baseline,
        },
        FixedLine {
            text: symbol,
            x: symbol_x,
            baseline: geom.height - symbol_baseline,
        },
    ]
}

/// Header, footer, barcode and QR code of page `index` (0-based) of
/// `total`, and the footnote separator if the page has `notes`.
pub fn page(b: &mut FlowBuilder, index: usize, total: usize, notes: bool) -> Furniture {
    let mut f = if index == 0 {
        first_page(b)
    } else {
        running_page(b, index + 1, total)
    };
    if notes {
        f.note_separator = Some(note_separator(b));
    }
    f
}

/// The footnote separator as Word prints it in the official files: eighteen
/// underscores at 8 pt, drawn as text (an artifact, so the structure tree
/// is unchanged). Text extracted from the PDF then has the
/// `__________________` line the official files give, which tells a reader
/// of the extracted text where the notes start; a drawn rule leaves no
/// trace, and raw extraction puts the notes among the body's lines.
pub fn note_separator(b: &mut FlowBuilder) -> LaidText {
    let mut text = furniture_line(b, note::SEPARATOR_TEXT, note::SEPARATOR_SIZE, false);
    // Unwidened, unlike text set in the template's style: the rule is
    // Word's, 72 pt long.
    text.scale = 1.0;
    text
}

/// The first page's furniture: the masthead's rules, the job number over
/// its barcode, the QR code with the recycling mark.
fn first_page(b: &mut FlowBuilder) -> Furniture {
    let doc = b.doc;
    let mut f = Furniture::default();
    f.rules.extend(masthead::rules(&b.geom));
    if let Some(job) = &doc.masthead.job_number {
        let (number, barcode) = job_number(b, &job.value);
        f.footer.push(number);
        f.barcode = barcode;
    }
    f.qr = first_page_qr(doc, &b.geom);
    if let Some(qr) = &f.qr {
        f.footer.extend(recycling_mark(b, qr, doc.lang.is_rtl()));
    }
    f
}

/// The job number and, under it, its barcode, at the left margin (the
/// right one in right-to-left documents), sharing their start edge.
fn job_number(b: &mut FlowBuilder, job: &str) -> (FixedLine, Option<Barcode>) {
    let geom = b.geom;
    let rtl = b.doc.lang.is_rtl();
    let start = |w: f32| {
        if rtl {
            geom.right() - codes::INSET_PDF - w
        } else {
            geom.margin_x + codes::INSET_PDF
        }
    };
    let text = furniture_line(b, job, codes::JOB_NUMBER_SIZE_PDF, false);
    let number = FixedLine {
        x: start(text.line_width(0)),
        baseline: geom.height - codes::JOB_NUMBER_BASELINE_FROM_BOTTOM_PDF,
        text,
    };
    let barcode = code39(&job_barcode_data(job)).map(|(bars, modules)| {
        let (width, height) = codes::BARCODE_PDF;
        Barcode {
            x: start(width),
            y: geom.height - codes::FOOT - height,
            height,
            module: width / modules.max(1) as f32,
            bars,
        }
    });
    (number, barcode)
}

/// The furniture of page `number` (from 1) of `total` after the first: the
/// symbol over a rule, `number/total` and the short job number. Even pages
/// are left-hand pages: the symbol and page number stand at their outer
/// (left) margin, mirrored in right-to-left documents.
fn running_page(b: &mut FlowBuilder, number: usize, total: usize) -> Furniture {
    let doc = b.doc;
    let geom = b.geom;
    let outer_left = number.is_multiple_of(2) != doc.lang.is_rtl();
    // Left edge of a text `w` wide set at the outer or the inner margin.
    let outer = |w: f32| {
        if outer_left {
            geom.margin_x
        } else {
            geom.right() - w
        }
    };
    let inner = |w: f32| {
        if outer_left {
            geom.right() - w
        } else {
            geom.margin_x
        }
    };
    let mut f = Furniture::default();
    if let Some(symbol) = &doc.masthead.symbol {
        let text = furniture_line(b, &symbol.value, running::SIZE, true);
        f.header.push(FixedLine {
            x: outer(text.line_width(0)),
            baseline: geom.header_baseline,
            text,
        });
    }
    f.rules.push(Rule {
        x0: geom.margin_x,
        x1: geom.right(),
        y: geom.header_rule,
        width: running::HEADER_RULE_WIDTHS.1,
    });
    let folio = furniture_line(b, &format!("{number}/{total}"), running::SIZE, true);
    f.footer.push(FixedLine {
        x: outer(folio.line_width(0)),
        baseline: geom.footer_baseline,
        text: folio,
    });
    if let Some(job) = &doc.masthead.job_number {
        let short = short_job_number(&job.value);
        let text = furniture_line(b, short, running::JOB_NUMBER_SIZE, false);
        f.footer.push(FixedLine {
            x: inner(text.line_width(0)),
            baseline: geom.footer_baseline - running::JOB_NUMBER_DROP_PDF,
            text,
        });
    }
    f
}
