//! Page furniture: the first-page masthead (United Nations, symbol with its
//! large first letter, organ, distribution block, rules), the running header
//! and footer of the other pages (symbol, `page/total`, short job number,
//! mirrored on odd and even pages) and the job number with its Code 39
//! barcode at the foot of the first page. Positions follow the reference
//! files (UN-CONVENTIONS §1, §5); right-to-left documents are mirrored.

use crate::write::barcode::{
    Bar, CODES_FOOT_PT, QR_SIDE_PT, QrCode, RECYCLING_GAP_PT, RECYCLING_SYMBOL, RECYCLING_WORDS,
    code39, job_barcode_data, qr, short_job_number,
};
use crate::lang::Lang;
use crate::model::{Document, Inline, Span};
use crate::symbol::document_url;

use super::flow::{Fixed, FlowBuilder, GroupKind, Plan, Text};
use super::shape::Align;
use super::style::{Geometry, Justify, TEXT_INDENT, TextStyle, lang_style};

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
    pub header: Vec<Fixed>,
    /// Footer texts (page number, job number).
    pub footer: Vec<Fixed>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// The first page's barcode.
    pub barcode: Option<Barcode>,
    /// The first page's QR code.
    pub qr: Option<Qr>,
}

const fn style(size: f32, bold: bool) -> TextStyle {
    TextStyle {
        size,
        line: size * 1.2,
        bold,
        italic: false,
        before: 0.0,
        after: 0.0,
    }
}

/// Baseline of "United Nations" and the symbol.
const ORG_BASELINE: f32 = 57.6;
/// The thin rule under them.
const ORG_RULE: f32 = 64.8;
/// Baseline of the organ's first line (`XLarge`, 20 pt bold).
const ORGAN_BASELINE: f32 = 87.4;
/// Pitch of the organ's lines.
const ORGAN_PITCH: f32 = 19.5;
/// Distance of the distribution block from the right margin.
const DISTR_FROM_RIGHT: f32 = 155.0;
/// Baseline of the distribution line.
const DISTR_BASELINE: f32 = 86.4;
/// The thick rule above the session line.
const THICK_RULE: f32 = 209.3;

fn one_line(b: &mut FlowBuilder, lang: Lang, text: &str, style: TextStyle, source: Span) -> Text {
    b.plain_line(lang, text, style, source)
}

/// Lays out the masthead of the first page as tagged fixed lines.
pub fn masthead(b: &mut FlowBuilder) {
    let doc = b.doc;
    let geom = b.geom;
    let lang = doc.lang;
    let rtl = lang.is_rtl();
    let m = &doc.masthead;
    let mut fixed: Vec<Fixed> = Vec::new();
    // Start edge of the "United Nations" and organ column, mirrored for RTL.
    let column = |w: f32| {
        if rtl {
            geom.right() - TEXT_INDENT - w
        } else {
            geom.margin_x + TEXT_INDENT
        }
    };

    let org = one_line(
        b,
        lang,
        lang.organization_name(),
        style(17.0, false),
        Span::default(),
    );
    let w = org.line_width(0);
    fixed.push(Fixed {
        text: org,
        x: column(w),
        baseline: ORG_BASELINE,
    });

    if let Some(symbol) = &m.symbol {
        let mut chars = symbol.value.chars();
        let first: String = chars.next().map(String::from).unwrap_or_default();
        let rest: String = chars.collect();
        let big = one_line(b, Lang::En, &first, style(20.0, false), symbol.span);
        let small = one_line(b, Lang::En, &rest, style(10.0, false), symbol.span);
        let (bw, sw) = (big.line_width(0), small.line_width(0));
        let x = if rtl {
            geom.margin_x
        } else {
            geom.right() - bw - sw
        };
        fixed.push(Fixed {
            text: big,
            x,
            baseline: ORG_BASELINE - 1.0,
        });
        fixed.push(Fixed {
            text: small,
            x: x + bw,
            baseline: ORG_BASELINE - 1.0,
        });
    }

    // Each organ line of the source is a paragraph of its own; in scripts
    // written without spaces between words a space also marks a line.
    let unspaced = lang_style(lang).justify == Justify::InterCharacter;
    let organ: Vec<(String, Span)> = m
        .organ
        .iter()
        .flat_map(|o| {
            let parts: Vec<String> = if unspaced {
                o.value.split_whitespace().map(str::to_string).collect()
            } else {
                vec![o.value.clone()]
            };
            parts.into_iter().map(move |p| (p, o.span))
        })
        .collect();
    let width = geom.right() - DISTR_FROM_RIGHT - 12.0 - (geom.margin_x + TEXT_INDENT);
    let x = if rtl {
        geom.right() - TEXT_INDENT - width
    } else {
        geom.margin_x + TEXT_INDENT
    };
    let lay = |b: &mut FlowBuilder, size: f32| -> Vec<Text> {
        organ
            .iter()
            .map(|(part, source)| {
                let inline = [Inline::Text(part.clone())];
                b.text_in(
                    lang,
                    &inline,
                    style(size, true),
                    width,
                    width,
                    Align::Start,
                    *source,
                )
            })
            .collect()
    };
    let mut size = 20.0;
    let mut parts = lay(b, size);
    if parts.iter().map(|t| t.lines.len()).sum::<usize>() > 2 {
        size = 15.0;
        parts = lay(b, size);
    }
    let pitch = ORGAN_PITCH * size / 20.0;
    let mut row = 0;
    for text in parts {
        for l in &text.lines {
            let mut line = text.clone();
            line.lines = vec![l.clone()];
            fixed.push(Fixed {
                x,
                baseline: ORGAN_BASELINE + pitch * row as f32,
                text: line,
            });
            row += 1;
        }
    }

    // Distribution, date, version and original lines: English form except
    // in French and Spanish versions.
    let form = lang.masthead_lang();
    let distr_x = if rtl {
        geom.margin_x
    } else {
        geom.right() - DISTR_FROM_RIGHT
    };
    let mut y = DISTR_BASELINE;
    let mut line = |b: &mut FlowBuilder, text: &str, source: Span, y: f32| {
        let t = one_line(b, form, text, style(10.0, false), source);
        fixed.push(Fixed {
            text: t,
            x: distr_x,
            baseline: y,
        });
    };
    if let Some(d) = &m.distribution {
        line(b, &lang.distribution_line(d.value), d.span, y);
        y += 12.0;
    }
    if let Some(d) = &m.date {
        line(b, &lang.masthead_date(d.value), d.span, y);
        y += 12.0;
    }
    y += 12.0;
    if let Some(o) = &m.original {
        if o.value != lang {
            line(b, lang.version_line(), o.span, y);
            y += 12.0;
        }
        line(b, &lang.original_line(o.value), o.span, y);
    }

    let first = b.flow.fixed.len();
    b.flow.fixed.extend(fixed);
    let plans = (first..b.flow.fixed.len()).map(Plan::Fixed).collect();
    b.flow.plan.push(Plan::Group(GroupKind::Div, plans));
}

/// The rules of the masthead.
pub fn masthead_rules(geom: &Geometry) -> [Rule; 2] {
    [
        Rule {
            x0: geom.margin_x,
            x1: geom.right(),
            y: ORG_RULE,
            width: 0.75,
        },
        Rule {
            x0: geom.margin_x,
            x1: geom.right(),
            y: THICK_RULE,
            width: 1.5,
        },
    ]
}

/// Inset of the job number and its barcode from their margin.
const CODES_INSET: f32 = 6.0;
/// Width of the job number's barcode.
const BARCODE_WIDTH: f32 = 100.0;

/// The QR code of the document's address in its language, on the barcode's
/// foot line at the other margin (right, or left in right-to-left
/// documents); none without a symbol.
fn first_page_qr(doc: &Document, geom: &Geometry) -> Option<Qr> {
    let symbol = doc.masthead.symbol.as_ref()?;
    let code = qr(&document_url(doc.lang, &symbol.value))?;
    let module = QR_SIDE_PT / code.size.max(1) as f32;
    Some(Qr {
        x: if doc.lang.is_rtl() {
            geom.margin_x
        } else {
            geom.right() - QR_SIDE_PT
        },
        y: geom.height - CODES_FOOT_PT - QR_SIDE_PT,
        module,
        code,
    })
}

/// The recycling mark beside the QR code, as on the official files: "Please
/// recycle" and the recycling symbol nearest the code.
fn recycling_mark(b: &mut FlowBuilder, qr: &Qr, rtl: bool) -> [Fixed; 2] {
    let geom = b.geom;
    let words = one_line(
        b,
        Lang::En,
        RECYCLING_WORDS,
        style(8.0, true),
        Span::default(),
    );
    let symbol = one_line(
        b,
        Lang::En,
        RECYCLING_SYMBOL,
        style(19.0, false),
        Span::default(),
    );
    let (ww, sw) = (words.line_width(0), symbol.line_width(0));
    let (words_x, symbol_x) = if rtl {
        let symbol_x = qr.x + QR_SIDE_PT + RECYCLING_GAP_PT;
        (symbol_x + sw + 1.0, symbol_x)
    } else {
        let symbol_x = qr.x - RECYCLING_GAP_PT - sw;
        (symbol_x - 1.0 - ww, symbol_x)
    };
    [
        Fixed {
            text: words,
            x: words_x,
            baseline: geom.height - 36.0,
        },
        Fixed {
            text: symbol,
            x: symbol_x,
            baseline: geom.height - 34.0,
        },
    ]
}

/// Header, footer, barcode and QR code of page `index` (0-based) of `total`.
pub fn page(b: &mut FlowBuilder, index: usize, total: usize) -> Furniture {
    let doc = b.doc;
    let geom = b.geom;
    let rtl = doc.lang.is_rtl();
    let mut f = Furniture::default();
    let job = doc.masthead.job_number.as_ref().map(|j| j.value.clone());
    if index == 0 {
        f.rules.extend(masthead_rules(&geom));
        if let Some(job) = &job {
            let text = one_line(b, Lang::En, job, style(9.0, false), Span::default());
            // At the left margin, or the right one in right-to-left documents;
            // the number and its barcode share their start edge.
            let start = |w: f32| {
                if rtl {
                    geom.right() - CODES_INSET - w
                } else {
                    geom.margin_x + CODES_INSET
                }
            };
            f.footer.push(Fixed {
                x: start(text.line_width(0)),
                baseline: geom.height - 44.0,
                text,
            });
            if let Some((bars, modules)) = code39(&job_barcode_data(job)) {
                let module = BARCODE_WIDTH / modules.max(1) as f32;
                f.barcode = Some(Barcode {
                    x: start(BARCODE_WIDTH),
                    y: geom.height - CODES_FOOT_PT - 13.0,
                    height: 13.0,
                    module,
                    bars,
                });
            }
        }
        f.qr = first_page_qr(doc, &geom);
        if let Some(qr) = &f.qr {
            f.footer.extend(recycling_mark(b, qr, rtl));
        }
        return f;
    }
    // Pages are numbered from 1: even pages are left-hand pages (mirrored in RTL).
    let number = index + 1;
    let outer_left = number.is_multiple_of(2) != rtl;
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
    if let Some(symbol) = &doc.masthead.symbol {
        let text = one_line(
            b,
            Lang::En,
            &symbol.value,
            style(8.5, true),
            Span::default(),
        );
        let w = text.line_width(0);
        f.header.push(Fixed {
            x: outer(w),
            baseline: geom.header_baseline,
            text,
        });
    }
    f.rules.push(Rule {
        x0: geom.margin_x,
        x1: geom.right(),
        y: geom.header_rule,
        width: 0.5,
    });
    let folio = one_line(
        b,
        Lang::En,
        &format!("{number}/{total}"),
        style(8.5, true),
        Span::default(),
    );
    let fw = folio.line_width(0);
    f.footer.push(Fixed {
        x: outer(fw),
        baseline: geom.footer_baseline,
        text: folio,
    });
    if let Some(job) = &job {
        let text = one_line(
            b,
            Lang::En,
            short_job_number(job),
            style(7.0, false),
            Span::default(),
        );
        let w = text.line_width(0);
        f.footer.push(Fixed {
            x: inner(w),
            baseline: geom.footer_baseline - 1.0,
            text,
        });
    }
    f
}
