//! Figures: the title block (`Figure II` over the bold title), the
//! picture in a line of its own, as wide as a table (from the text indent
//! to the right margin) and as high as its proportions make it, but never
//! higher than most of a page; its alternative text as the drawing's
//! description; then the notes and source. The picture's bytes go into
//! `word/media/` as they were read: PNG, JPEG, or an EMF or WMF metafile,
//! which Word draws.

use super::body::{Media, RelKind, Story};
use super::drawing::{Drawing, Placement};
use super::package::media_type;
use super::props::{Ind, Jc, LineRule, PPr, Spacing};
use super::styles::TEXT_INDENT;
use super::units::{EMU_PER_TWIP, Twips, twips};
use crate::model::{Figure, Image};
use crate::write::page::margin;

/// Drawing ids of figures start here (the first page's codes take 1 and 2).
const FIRST_DRAWING_ID: u32 = 10;

/// The share of the page between the margins a picture may fill in height.
const MAX_HEIGHT_SHARE: f32 = 0.75;

impl Story<'_, '_> {
    /// A figure of the body: title block, picture, notes and source.
    pub(super) fn figure(&mut self, f: &Figure) {
        let label = f.n.map(|n| self.ctx.lang.figure_label(n));
        self.float_title(label.as_deref(), &f.title, None);
        let index = self.media.len();
        let (suffix, _) = media_type(f.image.kind);
        let part = format!("media/figure{}.{suffix}", index + 1);
        let rel = self.links.id_of(RelKind::Image, part.clone());
        self.media.push(Media {
            part,
            bytes: f.image.bytes.clone(),
            kind: f.image.kind,
        });
        let (cx, cy) = self.picture_size(&f.image);
        let name = label.unwrap_or_else(|| format!("Figure {}", index + 1));
        let drawing = Drawing {
            cx,
            cy,
            id: FIRST_DRAWING_ID + index as u32,
            name: &name,
            descr: &f.alt,
            rel: &rel,
        };
        let ppr = PPr {
            keep_next: (!f.notes.is_empty() || f.source.is_some()).then_some(true),
            // An exact line pitch would cut the picture to one line.
            spacing: Some(Spacing {
                before: Some(0),
                after: Some(0),
                line: Some((240, LineRule::Auto)),
            }),
            ind: Some(Ind {
                left: Some(TEXT_INDENT),
                right: Some(0),
                hanging: None,
            }),
            jc: Some(Jc::Center),
            ..PPr::default()
        };
        self.paragraph(ppr, |s| s.drawing(&drawing, Placement::Inline));
        self.float_notes(&f.notes, f.source.as_deref());
    }

    /// The picture's size in EMU: as wide as a table, its proportions kept,
    /// scaled down to [`MAX_HEIGHT_SHARE`] of the page's text height.
    fn picture_size(&self, image: &Image) -> (u32, u32) {
        let width = self.measure - TEXT_INDENT;
        let page_text = self.ctx.page.1 - twips(margin::TOP) - twips(margin::BOTTOM);
        let max_height = (page_text as f32 * MAX_HEIGHT_SHARE) as Twips;
        let (w, h) = fit_picture(image.width, image.height, width, max_height);
        let emu = |t: Twips| (i64::from(t.max(1)) * EMU_PER_TWIP).min(i64::from(u32::MAX)) as u32;
        (emu(w), emu(h))
    }
}

/// A `px_w` × `px_h` picture in a box `width` wide and at most
/// `max_height` high, in twips, its proportions kept (4:3 when unknown).
fn fit_picture(px_w: u32, px_h: u32, width: Twips, max_height: Twips) -> (Twips, Twips) {
    let ratio = if px_w > 0 && px_h > 0 {
        f64::from(px_h) / f64::from(px_w)
    } else {
        0.75
    };
    let height = f64::from(width) * ratio;
    if height <= f64::from(max_height) {
        (width, height.round() as Twips)
    } else {
        ((f64::from(max_height) / ratio).round() as Twips, max_height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_fill_the_width_and_keep_their_proportions() {
        assert_eq!(fit_picture(800, 400, 8000, 10_000), (8000, 4000));
        // A tall picture is held to the height, narrower.
        assert_eq!(fit_picture(100, 1000, 8000, 10_000), (1000, 10_000));
        // A metafile of unknown size comes out 4:3.
        assert_eq!(fit_picture(0, 0, 8000, 10_000), (8000, 6000));
    }
}
