//! The first page's masthead as fixed, tagged lines: "United Nations", the
//! symbol with its large first letter, the organ, and the distribution
//! block, between two rules; placed where the page template says, mirrored
//! in right-to-left documents (UN-CONVENTIONS §1, §5).

use crate::lang::Lang;
use crate::model::{Inline, Span, Spanned};
use crate::write::page::{TextStyle, masthead as grid};

use super::flow::{FixedLine, FlowBuilder, GroupKind, LaidText, Plan};
use super::furniture::Rule;
use super::shape::Align;
use super::style::{Geometry, Justify, lang_style};

/// Lays out the masthead of the first page as tagged fixed lines, in
/// reading order, grouped in one `Div`.
pub fn lay_out(b: &mut FlowBuilder) {
    let mut fixed = vec![organization_name(b)];
    if let Some(symbol) = &b.doc.masthead.symbol {
        fixed.extend(symbol_lines(b, symbol));
    }
    fixed.extend(organ(b));
    fixed.extend(distribution_block(b));
    let first = b.flow.fixed.len();
    b.flow.fixed.extend(fixed);
    let plans = (first..b.flow.fixed.len()).map(Plan::Fixed).collect();
    b.flow.plan.push(Plan::Group(GroupKind::Div, plans));
}

/// The rules of the masthead: thin under the first row, thick under the second.
pub fn rules(geom: &Geometry) -> [Rule; 2] {
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

/// Left edge of a text `width` wide at the start of the name and organ
/// column, after the emblem's, mirrored in right-to-left documents.
fn column_start(b: &FlowBuilder, width: f32) -> f32 {
    if b.doc.lang.is_rtl() {
        b.geom.right() - grid::EMBLEM_COLUMN - width
    } else {
        b.geom.margin_x + grid::EMBLEM_COLUMN
    }
}

/// "United Nations" in the document's language.
fn organization_name(b: &mut FlowBuilder) -> FixedLine {
    let lang = b.doc.lang;
    let style = TextStyle::plain_line(grid::NAME_SIZE_PDF, false);
    let text = b.plain_line(lang, lang.organization_name(), style, Span::default());
    FixedLine {
        x: column_start(b, text.line_width(0)),
        baseline: grid::NAME_BASELINE_PDF,
        text,
    }
}

/// The symbol at the trailing margin, its first letter large.
fn symbol_lines(b: &mut FlowBuilder, symbol: &Spanned<String>) -> [FixedLine; 2] {
    let mut chars = symbol.value.chars();
    let first: String = chars.next().map(String::from).unwrap_or_default();
    let rest: String = chars.collect();
    let (initial_size, size) = grid::SYMBOL_SIZES;
    let initial_style = TextStyle::plain_line(initial_size, false);
    let initial = b.plain_line(Lang::En, &first, initial_style, symbol.span);
    let rest_style = TextStyle::plain_line(size, false);
    let rest = b.plain_line(Lang::En, &rest, rest_style, symbol.span);
    let (iw, rw) = (initial.line_width(0), rest.line_width(0));
    let x = if b.doc.lang.is_rtl() {
        b.geom.margin_x
    } else {
        b.geom.right() - iw - rw
    };
    [
        FixedLine {
            text: initial,
            x,
            baseline: grid::SYMBOL_BASELINE_PDF,
        },
        FixedLine {
            text: rest,
            x: x + iw,
            baseline: grid::SYMBOL_BASELINE_PDF,
        },
    ]
}

/// The organ's lines: each line of the source is a paragraph of its own; in
/// scripts written without spaces between words a space also marks a line.
fn organ_parts(b: &FlowBuilder) -> Vec<(String, Span)> {
    let unspaced = lang_style(b.doc.lang).justify == Justify::InterCharacter;
    b.doc
        .masthead
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
        .collect()
}

/// The organ in `XLarge`, or smaller when that would take more than two
/// lines, in the column between the text indent and the distribution block.
fn organ(b: &mut FlowBuilder) -> Vec<FixedLine> {
    let parts = organ_parts(b);
    let width = b.geom.right()
        - grid::DISTRIBUTION_FROM_RIGHT_PDF
        - grid::GAP_PDF
        - (b.geom.margin_x + grid::EMBLEM_COLUMN);
    let x = column_start(b, width);
    let mut size = grid::ORGAN.size;
    let mut texts = lay_organ(b, &parts, size, width);
    if texts.iter().map(|t| t.lines.len()).sum::<usize>() > 2 {
        size = grid::ORGAN_LONG_SIZE_PDF;
        texts = lay_organ(b, &parts, size, width);
    }
    let pitch = grid::ORGAN.line * size / grid::ORGAN.size;
    let mut fixed = Vec::new();
    for text in texts {
        for l in &text.lines {
            let mut line = text.clone();
            line.lines = vec![l.clone()];
            fixed.push(FixedLine {
                x,
                baseline: grid::ORGAN_BASELINE_PDF + pitch * fixed.len() as f32,
                text: line,
            });
        }
    }
    fixed
}

/// The organ's parts laid out bold at `size` in lines `width` wide.
fn lay_organ(
    b: &mut FlowBuilder,
    parts: &[(String, Span)],
    size: f32,
    width: f32,
) -> Vec<LaidText> {
    let lang = b.doc.lang;
    parts
        .iter()
        .map(|(part, source)| {
            let inline = [Inline::Text(part.clone())];
            let style = TextStyle::plain_line(size, true);
            b.text_in(lang, &inline, style, width, width, Align::Start, *source)
        })
        .collect()
}

/// Distribution, date, version and original lines at the trailing margin:
/// English form except in French and Spanish versions; a blank line before
/// the version line.
fn distribution_block(b: &mut FlowBuilder) -> Vec<FixedLine> {
    let m = &b.doc.masthead;
    let lang = b.doc.lang;
    let mut lines: Vec<(String, Span)> = Vec::new();
    if let Some(d) = &m.distribution {
        lines.push((lang.distribution_line(d.value), d.span));
    }
    if let Some(d) = &m.date {
        lines.push((lang.masthead_date(d.value), d.span));
    }
    let blank_before = lines.len();
    if let Some(o) = &m.original {
        if o.value != lang {
            lines.push((lang.version_line().to_string(), o.span));
        }
        lines.push((lang.original_line(o.value), o.span));
    }
    let form = lang.masthead_lang();
    let x = if lang.is_rtl() {
        b.geom.margin_x
    } else {
        b.geom.right() - grid::DISTRIBUTION_FROM_RIGHT_PDF
    };
    let style = TextStyle::plain_line(grid::DISTRIBUTION_SIZE, false);
    let mut y = grid::DISTRIBUTION_BASELINE_PDF;
    let mut fixed = Vec::with_capacity(lines.len());
    for (i, (line, source)) in lines.iter().enumerate() {
        if i == blank_before {
            y += grid::DISTRIBUTION_PITCH_PDF;
        }
        let text = b.plain_line(form, line, style, *source);
        fixed.push(FixedLine {
            text,
            x,
            baseline: y,
        });
        y += grid::DISTRIBUTION_PITCH_PDF;
    }
    fixed
}
