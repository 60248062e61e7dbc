//! Tables and figures on a page: a table's band (its rules as layout
//! artifacts, its cells' lines tagged to their cell, or, when the band
//! repeats the header on a continuation page, all of it an artifact), and
//! a figure's picture tagged to its `Figure`, or the framed box with the
//! alternative text that stands in for a picture that cannot be drawn.

use krilla::geom::{Rect, Size, Transform};
use krilla::tagging::{ArtifactType, ContentTag};

use crate::write::page::table::{PLACEHOLDER_PADDING, PLACEHOLDER_RULE};
use crate::write::pdf::flow::figure::{LaidFigure, Picture};
use crate::write::pdf::flow::table::LaidTable;
use crate::write::pdf::furniture::Rule;

use super::draw::{artifact, draw_frame, draw_line, draw_rule};
use super::pen::Pen;
use super::tags::{Owner, Slot};

/// Where a band or picture goes on the page.
pub(super) struct At {
    /// The block.
    pub block: usize,
    /// Top of its box.
    pub y: f32,
    /// Whether it repeats a table's header band.
    pub repeat: bool,
}

/// Draws band `index` of the table in block `at.block`, its top at `at.y`.
pub(super) fn band(pen: &mut Pen, table: &LaidTable, index: usize, at: &At) {
    let Some(band) = table.bands.get(index) else {
        return;
    };
    for r in &band.rules {
        let rule = Rule {
            x0: r.x0,
            x1: r.x1,
            y: at.y + r.y,
            width: r.width,
        };
        artifact(pen.surface, ArtifactType::Layout, |s| draw_rule(s, &rule));
    }
    for line in &band.lines {
        let cell = &table.cells[line.cell];
        let Some(text) = cell.paragraphs.get(line.paragraph) else {
            continue;
        };
        let baseline = at.y + line.top + cell.pitch * 0.5 + cell.size * 0.34;
        if at.repeat {
            artifact(pen.surface, ArtifactType::PaginationOther, |s| {
                draw_line(s, text, line.line, line.x, baseline)
            });
        } else {
            let owner = Owner::Cell(at.block, line.cell);
            pen.text(text, line.line, line.x, baseline, owner, false);
        }
    }
}

/// Draws a figure's picture with its left edge at `x`.
pub(super) fn figure(pen: &mut Pen, figure: &LaidFigure, x: f32, at: &At) {
    let owner = Owner::Block(at.block);
    match &figure.picture {
        Picture::Image(image) => {
            let Some(size) = Size::from_wh(figure.width, figure.height) else {
                return;
            };
            let id = pen.surface.start_tagged(ContentTag::Other);
            pen.surface
                .push_transform(&Transform::from_translate(x, at.y));
            pen.surface.draw_image(image.clone(), size);
            pen.surface.pop();
            pen.surface.end_tagged();
            pen.collected.list(owner, false).push(Slot::Leaf(id));
        }
        Picture::Placeholder { text, pitch, size } => {
            if let Some(rect) = Rect::from_xywh(x, at.y, figure.width, figure.height) {
                artifact(pen.surface, ArtifactType::Layout, |s| {
                    draw_frame(s, rect, PLACEHOLDER_RULE)
                });
            }
            let lines = text.lines.len() as f32 * pitch;
            let top = at.y + (figure.height - lines) / 2.0;
            for line in 0..text.lines.len() {
                let baseline = top + line as f32 * pitch + pitch * 0.5 + size * 0.34;
                pen.text(text, line, x + PLACEHOLDER_PADDING, baseline, owner, false);
            }
        }
    }
}
