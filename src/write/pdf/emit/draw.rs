//! Drawing on a page: artifacts (rules, the codes, furniture lines) and
//! glyph runs, with synthetic italics and bold.

use std::cell::RefCell;
use std::ops::Range;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag};
use krilla::text::GlyphId;

use crate::write::pdf::flow::{FixedLine, LaidText, SpanKind};
use crate::write::pdf::furniture::{Barcode, Furniture, Qr, Rule};
use crate::write::pdf::shape::packed::Divisor;
use crate::write::pdf::shape::{GlyphRun, ShapedLine};

/// Colour of linked symbols, as Word shows hyperlinks.
const LINK_BLUE: (u8, u8, u8) = (0, 0, 255);
/// Slant of synthetic italics.
const SLANT: f32 = 0.2;

/// Draws an artifact (content outside the structure tree).
pub(super) fn artifact(surface: &mut Surface, kind: ArtifactType, draw: impl FnOnce(&mut Surface)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
    draw(surface);
    surface.end_tagged();
}

pub(super) fn draw_rule(surface: &mut Surface, rule: &Rule) {
    let half = rule.width / 2.0;
    let rect = Rect::from_ltrb(rule.x0, rule.y - half, rule.x1, rule.y + half);
    fill_rects(surface, [rect]);
}

/// Fills `rects` black as one path.
fn fill_rects(surface: &mut Surface, rects: impl IntoIterator<Item = Option<Rect>>) {
    let mut pb = PathBuilder::new();
    for rect in rects.into_iter().flatten() {
        pb.push_rect(rect);
    }
    if let Some(path) = pb.finish() {
        surface.set_fill(Some(Fill::default()));
        surface.set_stroke(None);
        surface.draw_path(&path);
    }
}

fn draw_barcode(surface: &mut Surface, code: &Barcode) {
    let bars = code.bars.iter().map(|bar| {
        let x = code.x + bar.x as f32 * code.module;
        Rect::from_xywh(x, code.y, bar.width as f32 * code.module, code.height)
    });
    fill_rects(surface, bars);
}

fn draw_qr(surface: &mut Surface, qr: &Qr) {
    let modules = qr.code.runs().map(|(row, column, len)| {
        let x = qr.x + column as f32 * qr.module;
        let y = qr.y + row as f32 * qr.module;
        Rect::from_xywh(x, y, len as f32 * qr.module, qr.module)
    });
    fill_rects(surface, modules);
}

pub(super) fn draw_furniture(surface: &mut Surface, f: &Furniture) {
    for rule in &f.rules {
        artifact(surface, ArtifactType::Layout, |s| draw_rule(s, rule));
    }
    if let Some(code) = &f.barcode {
        artifact(surface, ArtifactType::Footer, |s| draw_barcode(s, code));
    }
    if let Some(qr) = &f.qr {
        artifact(surface, ArtifactType::Footer, |s| draw_qr(s, qr));
    }
    let lines = f
        .header
        .iter()
        .map(|t| (ArtifactType::Header, t))
        .chain(f.footer.iter().map(|t| (ArtifactType::Footer, t)));
    for (kind, FixedLine { text, x, baseline }) in lines {
        artifact(surface, kind, |s| draw_line(s, text, 0, *x, *baseline));
    }
}

/// Draws line `line` of `text` untagged (inside an artifact), its box at `x`.
pub(super) fn draw_line(
    surface: &mut Surface,
    text: &LaidText,
    line: usize,
    x: f32,
    baseline: f32,
) {
    surface.push_transform(&line_transform(text, x, baseline));
    if let Some(l) = text.lines.get(line) {
        for run in &l.runs {
            draw_run(surface, run, l, text);
        }
    }
    surface.pop();
}

/// Draws the outline of `rect` with lines `width` thick, inside it.
pub(super) fn draw_frame(surface: &mut Surface, rect: Rect, width: f32) {
    let (l, t, r, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    fill_rects(
        surface,
        [
            Rect::from_ltrb(l, t, r, t + width),
            Rect::from_ltrb(l, b - width, r, b),
            Rect::from_ltrb(l, t, l + width, b),
            Rect::from_ltrb(r - width, t, r, b),
        ],
    );
}

/// A krilla glyph made from one of ours; lengths are in ems (krilla scales them).
struct PdfGlyph {
    id: u32,
    advance: f32,
    dx: f32,
    dy: f32,
    text: Range<usize>,
}

impl krilla::text::Glyph for PdfGlyph {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(self.id)
    }
    fn text_range(&self) -> Range<usize> {
        self.text.clone()
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.advance * size
    }
    fn x_offset(&self, size: f32) -> f32 {
        self.dx * size
    }
    fn y_offset(&self, size: f32) -> f32 {
        self.dy * size
    }
    fn y_advance(&self, _size: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<krilla::surface::Location> {
        None
    }
}

/// The coordinates of a line of `text` whose box starts at `x`, on `baseline`:
/// origin on the baseline, glyphs scaled horizontally.
pub(super) fn line_transform(text: &LaidText, x: f32, baseline: f32) -> Transform {
    Transform::from_row(text.scale, 0.0, 0.0, 1.0, x, baseline)
}

/// The glyphs of `run` (of `line`) for krilla, in `out`. Advances are in
/// whole font units, the glyph's own and the space after it (letter
/// spacing, justification) each rounded when the line was packed: the
/// numbers krilla writes to position glyphs then repeat exactly, which
/// keeps the content streams short and quick to compress.
fn pdf_glyphs(run: &GlyphRun, line: &ShapedLine, out: &mut Vec<PdfGlyph>) {
    let per_em = Divisor::of(run.font.units_per_em().max(1.0));
    // Font units are whole numbers far below 2²⁴: exact as `f32`.
    let em = |units: i32| per_em.divide(units as f32);
    out.clear();
    out.extend(line.glyphs(run).map(|g| PdfGlyph {
        id: g.id,
        advance: em(g.advance),
        dx: em(g.dx),
        dy: em(g.dy),
        text: g.text_range(),
    }));
}

thread_local! {
    /// The glyphs of the run being drawn, one buffer for every run.
    static GLYPHS: RefCell<Vec<PdfGlyph>> = const { RefCell::new(Vec::new()) };
}

/// Black fill, or blue for a link; a thin outline for synthetic bold.
fn set_paint(surface: &mut Surface, run: &GlyphRun, link: bool) {
    let paint = if link {
        let (r, g, b) = LINK_BLUE;
        rgb::Color::new(r, g, b).into()
    } else {
        rgb::Color::black().into()
    };
    surface.set_fill(Some(Fill {
        paint,
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
    if run.embolden {
        surface.set_stroke(Some(Stroke {
            width: run.size * 0.03,
            ..Stroke::default()
        }));
    } else {
        surface.set_stroke(None);
    }
}

/// Draws a run of `line` of `text` in the line's coordinates ([`line_transform`]).
pub(super) fn draw_run(surface: &mut Surface, run: &GlyphRun, line: &ShapedLine, text: &LaidText) {
    if run.glyphs.is_empty() {
        return;
    }
    let span = text.spans.get(run.span);
    let rise = span.map_or(0.0, |s| s.rise);
    let link = matches!(span.map(|s| &s.kind), Some(SpanKind::Link(_)));
    let start = Point::from_xy(run.left, -rise);
    if run.slant {
        surface.push_transform(&Transform::from_row(
            1.0, 0.0, -SLANT, 1.0, start.x, start.y,
        ));
    }
    set_paint(surface, run, link);
    let origin = if run.slant {
        Point::from_xy(0.0, 0.0)
    } else {
        start
    };
    GLYPHS.with_borrow_mut(|glyphs| {
        pdf_glyphs(run, line, glyphs);
        surface.draw_glyphs(
            origin,
            glyphs,
            run.font.clone(),
            &text.text,
            run.size,
            false,
        );
    });
    if run.slant {
        surface.pop();
    }
}
