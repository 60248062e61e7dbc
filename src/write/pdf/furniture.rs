//! Page furniture: the first-page masthead (United Nations, symbol with its
//! large first letter, organ, distribution block, rules), the running header
//! and footer of the other pages (symbol, `page/total`, short job number,
//! mirrored on odd and even pages) and the job number with its Code 39
//! barcode at the foot of the first page. Positions follow the reference
//! files (UN-CONVENTIONS §1, §5); right-to-left documents are mirrored.

use crate::lang::Lang;
use crate::model::{Document, Inline, Span};
use crate::symbol::document_url;
use crate::write::barcode::{
    Bar, QrCode, RECYCLING_SYMBOL, RECYCLING_WORDS, code39, job_barcode_data, qr, short_job_number,
};
use crate::write::page::{TEXT_INDENT, TextStyle, codes, masthead as grid, running};

use super::flow::{FixedLine, FlowBuilder, GroupKind, LaidText, Plan};
use super::shape::Align;
use super::style::{Geometry, Justify, lang_style};

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
}

fn one_line(
    b: &mut FlowBuilder,
    lang: Lang,
    text: &str,
    style: TextStyle,
    source: Span,
) -> LaidText {
    b.plain_line(lang, text, style, source)
}

/// Lays out the masthead of the first page as tagged fixed lines.
pub fn masthead(b: &mut FlowBuilder) {
    let doc = b.doc;
    let geom = b.geom;
    let lang = doc.lang;
    let rtl = lang.is_rtl();
    let m = &doc.masthead;
    let mut fixed: Vec<FixedLine> = Vec::new();
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
        TextStyle::line(grid::NAME_SIZE_PDF, false),
        Span::default(),
    );
    let w = org.line_width(0);
    fixed.push(FixedLine {
        text: org,
        x: column(w),
        baseline: grid::NAME_BASELINE_PDF,
    });

    if let Some(symbol) = &m.symbol {
        let mut chars = symbol.value.chars();
        let first: String = chars.next().map(String::from).unwrap_or_default();
        let rest: String = chars.collect();
        let big = one_line(
            b,
            Lang::En,
            &first,
            TextStyle::line(grid::SYMBOL_SIZES.0, false),
            symbol.span,
        );
        let small = one_line(
            b,
            Lang::En,
            &rest,
            TextStyle::line(grid::SYMBOL_SIZES.1, false),
            symbol.span,
        );
        let (bw, sw) = (big.line_width(0), small.line_width(0));
        let x = if rtl {
            geom.margin_x
        } else {
            geom.right() - bw - sw
        };
        fixed.push(FixedLine {
            text: big,
            x,
            baseline: grid::SYMBOL_BASELINE_PDF,
        });
        fixed.push(FixedLine {
            text: small,
            x: x + bw,
            baseline: grid::SYMBOL_BASELINE_PDF,
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
    let width = geom.right()
        - grid::DISTRIBUTION_FROM_RIGHT_PDF
        - grid::GAP_PDF
        - (geom.margin_x + TEXT_INDENT);
    let x = if rtl {
        geom.right() - TEXT_INDENT - width
    } else {
        geom.margin_x + TEXT_INDENT
    };
    let lay = |b: &mut FlowBuilder, size: f32| -> Vec<LaidText> {
        organ
            .iter()
            .map(|(part, source)| {
                let inline = [Inline::Text(part.clone())];
                b.text_in(
                    lang,
                    &inline,
                    TextStyle::line(size, true),
                    width,
                    width,
                    Align::Start,
                    *source,
                )
            })
            .collect()
    };
    let mut size = grid::ORGAN.size;
    let mut parts = lay(b, size);
    if parts.iter().map(|t| t.lines.len()).sum::<usize>() > 2 {
        size = grid::ORGAN_LONG_SIZE_PDF;
        parts = lay(b, size);
    }
    let pitch = grid::ORGAN.line * size / grid::ORGAN.size;
    let mut row = 0;
    for text in parts {
        for l in &text.lines {
            let mut line = text.clone();
            line.lines = vec![l.clone()];
            fixed.push(FixedLine {
                x,
                baseline: grid::ORGAN_BASELINE_PDF + pitch * row as f32,
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
        geom.right() - grid::DISTRIBUTION_FROM_RIGHT_PDF
    };
    let mut y = grid::DISTRIBUTION_BASELINE_PDF;
    let mut line = |b: &mut FlowBuilder, text: &str, source: Span, y: f32| {
        let t = one_line(
            b,
            form,
            text,
            TextStyle::line(grid::DISTRIBUTION_SIZE, false),
            source,
        );
        fixed.push(FixedLine {
            text: t,
            x: distr_x,
            baseline: y,
        });
    };
    if let Some(d) = &m.distribution {
        line(b, &lang.distribution_line(d.value), d.span, y);
        y += grid::DISTRIBUTION_PITCH_PDF;
    }
    if let Some(d) = &m.date {
        line(b, &lang.masthead_date(d.value), d.span, y);
        y += grid::DISTRIBUTION_PITCH_PDF;
    }
    y += grid::DISTRIBUTION_PITCH_PDF;
    if let Some(o) = &m.original {
        if o.value != lang {
            line(b, lang.version_line(), o.span, y);
            y += grid::DISTRIBUTION_PITCH_PDF;
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
            y: grid::NAME_RULE_PDF,
            width: grid::THIN_RULE_WIDTHS.1,
        },
        Rule {
            x0: geom.margin_x,
            x1: geom.right(),
            y: grid::THICK_RULE_PDF,
            width: grid::THICK_RULE_WIDTH,
        },
    ]
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
    let words = one_line(
        b,
        Lang::En,
        RECYCLING_WORDS,
        TextStyle::line(codes::RECYCLING_SIZES.0, true),
        Span::default(),
    );
    let symbol = one_line(
        b,
        Lang::En,
        RECYCLING_SYMBOL,
        TextStyle::line(codes::RECYCLING_SIZES.1, false),
        Span::default(),
    );
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
            let text = one_line(
                b,
                Lang::En,
                job,
                TextStyle::line(codes::JOB_NUMBER_SIZE_PDF, false),
                Span::default(),
            );
            // At the left margin, or the right one in right-to-left documents;
            // the number and its barcode share their start edge.
            let start = |w: f32| {
                if rtl {
                    geom.right() - codes::INSET_PDF - w
                } else {
                    geom.margin_x + codes::INSET_PDF
                }
            };
            f.footer.push(FixedLine {
                x: start(text.line_width(0)),
                baseline: geom.height - codes::JOB_NUMBER_BASELINE_FROM_BOTTOM_PDF,
                text,
            });
            if let Some((bars, modules)) = code39(&job_barcode_data(job)) {
                let (width, height) = codes::BARCODE_PDF;
                let module = width / modules.max(1) as f32;
                f.barcode = Some(Barcode {
                    x: start(width),
                    y: geom.height - codes::FOOT - height,
                    height,
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
            TextStyle::line(running::SIZE, true),
            Span::default(),
        );
        let w = text.line_width(0);
        f.header.push(FixedLine {
            x: outer(w),
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
    let folio = one_line(
        b,
        Lang::En,
        &format!("{number}/{total}"),
        TextStyle::line(running::SIZE, true),
        Span::default(),
    );
    let fw = folio.line_width(0);
    f.footer.push(FixedLine {
        x: outer(fw),
        baseline: geom.footer_baseline,
        text: folio,
    });
    if let Some(job) = &job {
        let text = one_line(
            b,
            Lang::En,
            short_job_number(job),
            TextStyle::line(running::JOB_NUMBER_SIZE, false),
            Span::default(),
        );
        let w = text.line_width(0);
        f.footer.push(FixedLine {
            x: inner(w),
            baseline: geom.footer_baseline - running::JOB_NUMBER_DROP_PDF,
            text,
        });
    }
    f
}
