//! The PDF writer: print-ready, tagged, archival PDFs that look like the
//! official DGACM files, in all six languages.
//!
//! The steps, one module each: [`fonts`] (the shipped and `--font-dir`
//! fonts, parsed once per process), [`shape`] (paragraphs into lines: harfrust and
//! our own breaker for Latin, Cyrillic and Chinese, parley for the rest,
//! with hyphens, justification and bidi alignment),
//! [`flow`] (the model as blocks in the DGACM geometry, tables measured by
//! [`grid`]), [`masthead`] (the
//! first page's masthead lines), [`furniture`] (rules, running header and
//! footer, barcode and QR code), [`paginate`] (page
//! breaks with keeps, widows, orphans and footnotes) and [`emit`] (krilla:
//! drawing, structure tree, links, outline, metadata, PDF/A and PDF/UA).

pub mod coverage;
pub mod emit;
pub mod flow;
pub mod fonts;
pub mod furniture;
pub mod grid;
pub mod hyphen;
pub mod masthead;
pub mod paginate;
pub mod shape;
pub mod style;

use std::sync::Arc;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, Span};
use crate::write::{Paper, Rendered, WriteOptions, page};

pub use coverage::missing_glyphs;
use flow::{Float, FlowBuilder, LaidBlock};
use fonts::FontSet;
use paginate::{Frame, PageItem};
use style::Geometry;

/// The font set for `options`: the bundled fonts, plus `--font-dir`.
pub fn font_set(options: &WriteOptions) -> Result<Arc<FontSet>, Diagnostic> {
    match &options.font_dir {
        Some(dir) => FontSet::with_dir(dir),
        None => Ok(FontSet::bundled()),
    }
}

/// Loads the fonts `options` name and the map of the characters they
/// cover, which the first document would otherwise wait for. A font
/// directory that cannot be read is left to be reported with the first
/// document.
pub fn load_fonts(options: &WriteOptions) {
    if let Ok(fonts) = font_set(options) {
        fonts.load_coverage();
    }
}

/// Whether the PDFs this thread writes from now on hand the compression
/// of their page streams and the encoding of their pictures to threads of
/// rayon's pool that are free, or do it at once (the default). Worth it
/// when threads are free (a document alone, the last ones of a batch); a
/// cost when every one is busy.
pub fn encode_on_free_threads(on: bool) {
    krilla::set_deferred_in_parallel(on);
}

/// Writes `doc` as PDF.
pub fn write(doc: &Document, options: &WriteOptions) -> Result<Rendered, Diagnostic> {
    let fonts = font_set(options)?;
    let mut laid = lay_out(doc, options, &fonts);
    let mut diagnostics = std::mem::take(&mut laid.flow.diagnostics);
    let pages = u32::try_from(laid.pages.len()).ok();
    let bytes = emit::emit(doc, laid)?;
    diagnostics.extend(coverage::missing_in(doc, &fonts));
    diagnostics.extend(
        fonts
            .warnings()
            .iter()
            .map(|w| Diagnostic::new(Code::BadFont, Span::default(), format!("font skipped: {w}"))),
    );
    Ok(Rendered {
        bytes,
        diagnostics,
        pages,
    })
}

/// A document laid out and broken into pages, ready to be drawn.
pub struct Laid {
    /// The blocks, notes, masthead lines and tag plan.
    pub flow: flow::Flow,
    /// The lines and footnotes of each page.
    pub pages: Vec<paginate::Page>,
    /// Each page's rules, running header and footer, codes.
    pub furniture: Vec<furniture::Furniture>,
    /// The page geometry.
    pub geom: Geometry,
}

/// Lays `doc` out with `fonts` on `options`' paper and paginates it: everything but drawing
/// (separate so benchmarks can time the two halves).
pub fn lay_out(doc: &Document, options: &WriteOptions, fonts: &Arc<FontSet>) -> Laid {
    let geom = Geometry::new(Paper::for_document(doc, options.paper));
    let (flow, pages, furniture) = shape::with_shaper(fonts, |shaper| {
        let mut builder = FlowBuilder::new(doc, geom, shaper);
        masthead::lay_out(&mut builder);
        builder.build_body();
        let items: Vec<PageItem> = builder.flow.blocks.iter().map(item).collect();
        let heights: Vec<f32> = builder.flow.notes.iter().map(LaidBlock::height).collect();
        let pages = paginate::paginate(
            &items,
            &heights,
            &Frame {
                first_top: geom.first_top,
                top: geom.top,
                bottom: geom.bottom,
                note_separator: page::note::SEPARATOR,
            },
        );
        builder.number_contents(&pages);
        let total = pages.len();
        let furniture: Vec<_> = pages
            .iter()
            .enumerate()
            .map(|(i, p)| furniture::page(&mut builder, i, total, !p.notes.is_empty()))
            .collect();
        (builder.flow, pages, furniture)
    });
    Laid {
        flow,
        pages,
        furniture,
        geom,
    }
}

/// The paginator's view of a block.
fn item(block: &LaidBlock) -> PageItem {
    let (rows, head, repeat_head) = match block.float.as_deref() {
        Some(Float::Table(t)) => (true, t.head_bands, t.repeat_head),
        _ => (false, 0, false),
    };
    PageItem {
        lines: block.line_heights(),
        before: block.before,
        after: block.after,
        keep_with_next: block.keep_with_next,
        page_break_before: block.page_break_before,
        notes: block.notes.clone(),
        rows,
        head,
        repeat_head,
    }
}
