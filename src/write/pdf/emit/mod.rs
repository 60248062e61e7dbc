//! The PDF itself, written with krilla: pages with their glyph runs and
//! rules, tables and figures, the structure tree (headings, paragraphs,
//! lists, notes, links, tables, figures, language per span), artifacts for the page furniture, link annotations to
//! `https://undocs.org/<symbol>`, the outline, page labels and metadata,
//! validated as PDF/A-2a and PDF/UA-1.
//!
//! The steps: `tags` (the structure tree), `draw` (artifacts and glyph
//! runs) and `pen` (tagged lines, links); this module draws the pages
//! and adds the outline and metadata.

mod draw;
mod failure;
mod float;
mod pen;
mod tags;

use std::num::NonZeroU32;

use krilla::Document;
use krilla::SerializeSettings;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Rect};
use krilla::metadata::{DateTime, Metadata, TextDirection};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::{NumberingStyle, Page as PdfPage, PageLabel, PageSettings};
use krilla::tagging::{ArtifactType, Node, Tag, TagGroup};

use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{Document as Model, Span, plain_text};
use crate::write::page::table::{BOX_PADDING, BOX_RULE};
use crate::write::page::{TEXT_INDENT, note};

use super::Laid;
use super::flow::{Bookmark, Float, Flow, LaidBlock, LaidText, SummaryBox};
use super::furniture::Furniture;
use super::paginate::Page;
use super::style::Geometry;
use draw::{artifact, draw_frame, draw_furniture, draw_line};
use pen::{Pen, PendingLink};
use tags::{Collected, Owner, tag_tree};

/// Writes the PDF of `doc` from its layout. The glyphs of each text line
/// are freed once it is drawn, and the whole layout once the structure
/// tree and outline are built from it, before krilla serialises the file:
/// at that peak the memory is the PDF's, not the document's layout as well.
pub fn emit(doc: &Model, laid: Laid) -> Result<Vec<u8>, Diagnostic> {
    let Laid {
        mut flow,
        pages,
        furniture,
        geom,
    } = laid;
    let mut document = Document::new_with(serialize_settings()?);
    let collected = Collected::for_flow(&flow);
    let starts = vec![None; flow.blocks.len()];
    let mut emitter = Emitter {
        flow: &mut flow,
        geom: &geom,
        lang: doc.lang,
        collected,
        starts,
    };
    for (index, page) in pages.iter().enumerate() {
        emitter.page(&mut document, index, page, furniture.get(index))?;
    }
    let Emitter {
        mut collected,
        starts,
        ..
    } = emitter;
    drop((pages, furniture));
    document.set_tag_tree(tag_tree(&flow, doc.lang.locale(), &mut collected));
    document.set_outline(outline(&flow, &starts, &geom));
    drop((flow, collected, starts));
    document.set_metadata(metadata(doc));
    document
        .finish()
        .map_err(|e| export_error(failure::describe(&e)))
}

/// PDF/A-2a and PDF/UA-1, tagged, with compressed content streams.
fn serialize_settings() -> Result<SerializeSettings, Diagnostic> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| export_error(failure::describe_configuration(&e)))?;
    Ok(SerializeSettings {
        compress_content_streams: true,
        ascii_compatible: false,
        xmp_metadata: true,
        enable_tagging: true,
        configuration,
        ..SerializeSettings::default()
    })
}

/// The size of the pages; the first starts the page labels (1, 2, …).
fn page_settings(geom: &Geometry, index: usize) -> Result<PageSettings, Diagnostic> {
    let settings = PageSettings::from_wh(geom.width, geom.height)
        .ok_or_else(|| export_error("invalid page size".into()))?;
    Ok(if index == 0 {
        settings.with_page_label(PageLabel::new(
            Some(NumberingStyle::Arabic),
            None,
            NonZeroU32::new(1),
        ))
    } else {
        settings
    })
}

/// What the pages share while they are drawn: the layout, and what the
/// structure tree and the outline are built from once all are drawn.
struct Emitter<'a> {
    flow: &'a mut Flow,
    geom: &'a Geometry,
    lang: Lang,
    collected: Collected,
    /// Where each block starts (page, top of its first line), for the outline.
    starts: Vec<Option<(usize, f32)>>,
}

impl Emitter<'_> {
    /// Draws page `index`: its furniture, the masthead on the first page,
    /// its body lines and footnotes, then the annotations of its links.
    fn page(
        &mut self,
        document: &mut Document,
        index: usize,
        page: &Page,
        furniture: Option<&Furniture>,
    ) -> Result<(), Diagnostic> {
        let mut pdf_page = document.start_page_with(page_settings(self.geom, index)?);
        let mut pending: Vec<PendingLink> = Vec::new();
        {
            let mut surface = pdf_page.surface();
            let mut pen = Pen {
                surface: &mut surface,
                lang: self.lang.locale(),
                collected: &mut self.collected,
                pending: &mut pending,
            };
            if let Some(f) = furniture {
                draw_furniture(pen.surface, f);
            }
            if index == 0 {
                for (i, fixed) in self.flow.fixed.iter().enumerate() {
                    let owner = Owner::Fixed(i);
                    pen.text(&fixed.text, 0, fixed.x, fixed.baseline, owner, false);
                }
            }
            body_lines(&mut pen, &mut *self.flow, page, index, &mut self.starts);
            frames(&mut pen, self.flow, page, self.geom);
            if !page.notes.is_empty() {
                let separator = furniture.and_then(|f| f.note_separator.as_ref());
                footnotes(
                    &mut pen,
                    &mut *self.flow,
                    page,
                    separator,
                    self.geom,
                    self.lang.is_rtl(),
                );
            }
            surface.finish();
        }
        annotate_links(&mut pdf_page, pending, &mut self.collected);
        pdf_page.finish();
        Ok(())
    }
}

/// Draws the body lines of page `index`, noting where blocks start; a
/// text line's glyphs are freed once drawn (only a table's header bands
/// are drawn again, on the pages it continues on).
fn body_lines(
    pen: &mut Pen,
    flow: &mut Flow,
    page: &Page,
    index: usize,
    starts: &mut [Option<(usize, f32)>],
) {
    for placed in &page.lines {
        let block = &flow.blocks[placed.item];
        if starts[placed.item].is_none() && !placed.repeat {
            starts[placed.item] = Some((index, placed.y));
        }
        let at = float::At {
            block: placed.item,
            y: placed.y,
            repeat: placed.repeat,
        };
        match block.float.as_deref() {
            Some(Float::Table(table)) => float::band(pen, table, placed.line, &at),
            Some(Float::Figure(figure)) => float::figure(pen, figure, block.first_x, &at),
            None => {
                let baseline = baseline(block, placed.y);
                pen.block_line(block, placed.line, baseline, Owner::Block(placed.item));
                flow.blocks[placed.item].release_line(placed.line);
            }
        }
    }
}

/// Draws the frame of each boxed run of blocks (the summary box) around
/// its lines on `page`: a box of figures inset by the text indent, a
/// framed summary from margin to margin.
fn frames(pen: &mut Pen, flow: &Flow, page: &Page, geom: &Geometry) {
    for (range, kind) in &flow.boxed {
        let inset = match kind {
            SummaryBox::Figures => TEXT_INDENT,
            SummaryBox::Framed => 0.0,
        };
        let mut extent: Option<(f32, f32)> = None;
        for placed in page.lines.iter().filter(|p| range.contains(&p.item)) {
            let foot = placed.y + flow.blocks[placed.item].line_height(placed.line);
            extent = Some(extent.map_or((placed.y, foot), |(top, bottom)| {
                (top.min(placed.y), bottom.max(foot))
            }));
        }
        let Some((top, bottom)) = extent else {
            continue;
        };
        let rect = Rect::from_ltrb(
            geom.margin_x + inset,
            top - BOX_PADDING,
            geom.right() - inset,
            bottom + BOX_PADDING,
        );
        if let Some(rect) = rect {
            artifact(pen.surface, ArtifactType::Layout, |s| {
                draw_frame(s, rect, BOX_RULE)
            });
        }
    }
}

/// Draws the separator and the footnotes of `page` at the foot of its
/// body, the separator's underscores at the start edge, their stroke
/// where Word's rule stands.
fn footnotes(
    pen: &mut Pen,
    flow: &mut Flow,
    page: &Page,
    separator: Option<&LaidText>,
    geom: &Geometry,
    rtl: bool,
) {
    let heights: f32 = page.notes.iter().map(|&n| flow.notes[n].height()).sum();
    let mut y = geom.bottom - heights;
    if let Some(text) = separator {
        let x = if rtl {
            geom.right() - note::START - text.line_width(0)
        } else {
            geom.margin_x + note::START
        };
        let baseline = y - note::RULE_ABOVE - note::UNDERSCORE_DROP * note::SEPARATOR_SIZE;
        artifact(pen.surface, ArtifactType::Layout, |s| {
            draw_line(s, text, 0, x, baseline)
        });
    }
    for &n in &page.notes {
        let note = &mut flow.notes[n];
        for line in 0..note.body.lines.len() {
            pen.block_line(note, line, baseline(note, y), Owner::Note(n));
            note.release_line(line);
            y += note.pitch;
        }
        y += note.after;
    }
}

/// Adds the link annotations drawn on a page and completes their `Link`
/// structure elements.
fn annotate_links(pdf_page: &mut PdfPage, pending: Vec<PendingLink>, collected: &mut Collected) {
    for link in pending {
        let annotation = Annotation::new_link(
            LinkAnnotation::new(
                link.rect,
                Target::Action(Action::Link(LinkAction::new(link.url))),
            ),
            Some(link.alt),
        );
        let id = pdf_page.add_tagged_annotation(annotation);
        let mut children = link.ids;
        children.push(Node::Leaf(id));
        if let Some(slot) = collected.links.get_mut(link.slot) {
            *slot = Some(Node::Group(TagGroup::with_children(Tag::Link, children)));
        }
    }
}

/// The outline: a bookmark per chapter, section and annex, where it starts.
fn outline(flow: &Flow, starts: &[Option<(usize, f32)>], geom: &Geometry) -> Outline {
    let mut outline = Outline::new();
    for bookmark in &flow.bookmarks {
        if let Some(node) = outline_node(bookmark, starts, flow, geom) {
            outline.push_child(node);
        }
    }
    outline
}

fn export_error(message: String) -> Diagnostic {
    Diagnostic::new(Code::PdfExport, Span::default(), message)
}

/// Baseline of a line whose box starts at `top`.
fn baseline(block: &LaidBlock, top: f32) -> f32 {
    top + block.pitch * 0.5 + block.size * 0.34
}

fn metadata(doc: &Model) -> Metadata {
    let title = plain_text(&doc.title.value);
    let mut meta = Metadata::new()
        .title(title)
        .language(doc.lang.locale().to_string())
        .creator(format!("undoc {}", env!("CARGO_PKG_VERSION")))
        .producer("undoc (krilla)".to_string());
    if let Some(symbol) = &doc.masthead.symbol {
        meta = meta.description(symbol.value.clone()).document_id(format!(
            "{} {}",
            symbol.value,
            doc.lang.code()
        ));
    }
    if let Some(date) = &doc.masthead.date {
        let d = date.value;
        let year = u16::try_from(d.year.clamp(1, 9999)).unwrap_or(2000);
        meta = meta.creation_date(
            DateTime::new(year)
                .month(d.month.clamp(1, 12) as u8)
                .day(d.day.clamp(1, 31) as u8)
                .hour(0)
                .minute(0)
                .second(0)
                .utc_offset_hour(0)
                .utc_offset_minute(0),
        );
    }
    if doc.lang.is_rtl() {
        meta = meta.text_direction(TextDirection::RightToLeft);
    }
    meta
}

fn outline_node(
    bookmark: &Bookmark,
    starts: &[Option<(usize, f32)>],
    flow: &Flow,
    geom: &Geometry,
) -> Option<OutlineNode> {
    let (page, y) = starts.get(bookmark.block).copied().flatten()?;
    let x = flow
        .blocks
        .get(bookmark.block)
        .map_or(geom.margin_x, |b| b.x);
    let mut node = OutlineNode::new(
        bookmark.title.clone(),
        XyzDestination::new(page, Point::from_xy(x, y)),
    );
    for child in &bookmark.children {
        if let Some(c) = outline_node(child, starts, flow, geom) {
            node.push_child(c);
        }
    }
    Some(node)
}
