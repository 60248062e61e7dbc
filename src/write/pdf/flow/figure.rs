//! Figures in the flow: the number and title kept with the picture, the
//! picture scaled to the text width (and to the page's height) keeping its
//! proportions, then its notes and source line. PNG and JPEG pictures are
//! drawn; EMF and WMF pictures (Word charts), and any picture past the
//! limits of [`crate::image`], are carried in XML and DOCX but cannot be
//! drawn here: a framed box with the alternative text stands in their
//! place, with a warning at the figure.

use std::sync::Arc;

use krilla::image::Image as PdfImage;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Figure, ImageKind, Inline};
use crate::write::page::table::{self as geometry, PLACEHOLDER_PADDING};
use crate::write::page::{FOOTNOTE, TEXT_INDENT};

use super::super::shape::Align;
use super::{Float, FlowBuilder, LaidBlock, LaidText, Plan};

/// A figure's picture placed in the flow.
#[derive(Debug, Clone)]
pub struct LaidFigure {
    /// What is drawn.
    pub picture: Picture,
    /// Its width on the page.
    pub width: f32,
    /// Its height on the page.
    pub height: f32,
    /// The alternative text, for the `Figure` tag.
    pub alt: String,
}

/// What stands in a figure's place.
#[derive(Debug, Clone)]
pub enum Picture {
    /// The picture itself (krilla decodes it only when the PDF is written).
    Image(PdfImage),
    /// A framed box holding the alternative text, for a picture that
    /// cannot be drawn.
    Placeholder {
        /// The alternative text, centred on lines as wide as the box's inside.
        text: LaidText,
        /// Its line pitch.
        pitch: f32,
        /// Its type size.
        size: f32,
    },
}

impl FlowBuilder<'_> {
    /// A figure: its caption, picture, notes and source, tagged as a
    /// `Figure` with its alternative text after its caption.
    pub(super) fn figure(&mut self, f: &Figure, plan: &mut Vec<Plan>) {
        let label = f.n.map(|n| self.lang().figure_label(n));
        let caption = self.caption(label.as_deref(), &f.title, None, f.span);
        let picture = self.picture(f, caption.is_empty());
        for &i in &caption {
            plan.push(Plan::Para(i));
            self.note_plans(i, plan);
        }
        plan.push(Plan::Figure(picture));
        self.float_notes(&f.notes, f.source.as_deref(), picture, plan);
    }

    /// The picture's block, at the text indent, as wide as the text.
    fn picture(&mut self, f: &Figure, first: bool) -> usize {
        let p = self.place(TEXT_INDENT, TEXT_INDENT, TEXT_INDENT);
        let page = self.geom.bottom - self.geom.top;
        let (width, height, picture) = match self.drawable(f) {
            Ok(image) => {
                let (w, h) = image.size();
                let (width, height) = fit(w as f32, h as f32, p.width, page * 0.9);
                (width, height, Picture::Image(image))
            }
            Err(reason) => {
                self.flow
                    .diagnostics
                    .push(Diagnostic::new(Code::PdfLayout, f.span, reason));
                self.placeholder(f, p.width, page)
            }
        };
        let x = if self.rtl() {
            p.x + p.width - width
        } else {
            p.x
        };
        let figure = LaidFigure {
            picture,
            width,
            height,
            alt: f.alt.clone(),
        };
        self.push_block(LaidBlock {
            before: if first { geometry::TITLE_BEFORE } else { 0.0 },
            after: geometry::AFTER,
            notes: vec![Vec::new()],
            float: Some(Box::new(Float::Figure(figure))),
            ..self.block(LaidText::default(), x, x, FOOTNOTE)
        })
    }

    /// The picture for krilla, or why it cannot be drawn. Only its header
    /// is read here: the limits are checked before krilla ever decodes it.
    fn drawable(&self, f: &Figure) -> Result<PdfImage, String> {
        let probed = crate::image::probe(&f.image.bytes)
            .map_err(|e| format!("the figure's picture is not drawn in the PDF: {e}"))?;
        let bytes: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(f.image.bytes.clone());
        let made = match probed.kind {
            ImageKind::Png => PdfImage::from_png(bytes.into(), false),
            ImageKind::Jpeg => PdfImage::from_jpeg(bytes.into(), false),
            ImageKind::Emf | ImageKind::Wmf => {
                return Err(format!(
                    "{} pictures are carried in XML and DOCX but not drawn in PDF: a framed box with the figure's alternative text stands in its place",
                    probed.kind.suffix().to_uppercase()
                ));
            }
        };
        made.map_err(|e| format!("the figure's picture is not drawn in the PDF: {e}"))
    }

    /// A framed box as wide as the text holding the alternative text, as
    /// tall as the picture would be (at most a third of a page) and never
    /// shorter than the text.
    fn placeholder(&mut self, f: &Figure, width: f32, page: f32) -> (f32, f32, Picture) {
        let style = FOOTNOTE.for_lang(self.lang());
        let inner = (width - 2.0 * PLACEHOLDER_PADDING).max(1.0);
        let alt = [Inline::Text(f.alt.clone())];
        let text = self.text(&alt, style, inner, inner, Align::Center, f.span);
        let text_height = text.lines.len() as f32 * style.line + 2.0 * PLACEHOLDER_PADDING;
        let (_, picture_height) = fit(
            f.image.width as f32,
            f.image.height as f32,
            width,
            page / 3.0,
        );
        let height = picture_height.max(text_height).min(page * 0.9);
        let picture = Picture::Placeholder {
            text,
            pitch: style.line,
            size: style.size,
        };
        (width, height, picture)
    }
}

/// A picture `w` × `h` scaled to `width`, and smaller if it would be taller than `max_height`.
fn fit(w: f32, h: f32, width: f32, max_height: f32) -> (f32, f32) {
    if w <= 0.0 || h <= 0.0 {
        return (width, max_height.min(width / 2.0));
    }
    let height = width * h / w;
    if height <= max_height {
        (width, height)
    } else {
        (max_height * w / h, max_height)
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn pictures_keep_their_proportions_within_the_text_and_the_page() {
        assert_eq!(fit(800.0, 400.0, 360.0, 600.0), (360.0, 180.0));
        assert_eq!(fit(400.0, 1600.0, 360.0, 600.0), (150.0, 600.0));
        assert_eq!(fit(0.0, 0.0, 360.0, 600.0), (360.0, 180.0));
    }
}
