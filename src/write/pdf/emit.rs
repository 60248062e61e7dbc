//! The PDF itself, written with krilla: pages with their glyph runs and
//! rules, the structure tree (headings, paragraphs, lists, notes, links,
//! language per span), artifacts for the page furniture, link annotations to
//! `https://undocs.org/<symbol>`, the outline, page labels and metadata,
//! validated as PDF/A-2a and PDF/UA-1.

use std::num::{NonZeroU16, NonZeroU32};
use std::ops::Range;

use krilla::Document;
use krilla::SerializeSettings;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::{DateTime, Metadata, TextDirection};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, ListNumbering, Node, SpanTag, Tag, TagGroup, TagKind,
    TagTree,
};
use krilla::text::GlyphId;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document as Model, ListKind, Span, plain_text};
use crate::symbol::undocs_url;

use super::flow::{Bookmark, FixedLine, Flow, GroupKind, LaidBlock, LaidText, Plan, SpanKind};
use super::furniture::{Barcode, Furniture, Qr, Rule};
use super::paginate::Page;
use super::shape::GlyphRun;
use super::style::Geometry;
use crate::write::page::note;

/// Colour of linked symbols, as Word shows hyperlinks.
const LINK_BLUE: (u8, u8, u8) = (0, 0, 255);
/// Slant of synthetic italics.
const SLANT: f32 = 0.2;

/// Who owns a piece of tagged content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Block(usize),
    Note(usize),
    Fixed(usize),
}

/// Tagged content collected while drawing, before the tree is built.
enum Slot {
    Node(Node),
    /// A link: index into the links list.
    Link(usize),
}

#[derive(Default)]
struct Collected {
    block_label: Vec<Vec<Slot>>,
    block_body: Vec<Vec<Slot>>,
    note_label: Vec<Vec<Slot>>,
    note_body: Vec<Vec<Slot>>,
    fixed: Vec<Vec<Slot>>,
    links: Vec<Option<Node>>,
}

impl Collected {
    fn list(&mut self, owner: Owner, label: bool) -> &mut Vec<Slot> {
        match (owner, label) {
            (Owner::Block(i), true) => &mut self.block_label[i],
            (Owner::Block(i), false) => &mut self.block_body[i],
            (Owner::Note(i), true) => &mut self.note_label[i],
            (Owner::Note(i), false) => &mut self.note_body[i],
            (Owner::Fixed(i), _) => &mut self.fixed[i],
        }
    }

    fn take(&mut self, owner: Owner, label: bool) -> Vec<Node> {
        let slots = std::mem::take(self.list(owner, label));
        slots
            .into_iter()
            .filter_map(|slot| match slot {
                Slot::Node(node) => Some(node),
                Slot::Link(k) => self.links.get_mut(k).and_then(Option::take),
            })
            .collect()
    }
}

/// A link piece drawn on the current page, waiting for its annotation.
struct PendingLink {
    url: String,
    alt: String,
    rect: Rect,
    ids: Vec<Node>,
    slot: usize,
}

/// Writes the PDF of `doc`, laid out in `flow` and broken into `pages`.
pub fn emit(
    doc: &Model,
    flow: &Flow,
    pages: &[Page],
    furniture: &[Furniture],
    geom: &Geometry,
) -> Result<Vec<u8>, Diagnostic> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| export_error(format!("{e:?}")))?;
    let settings = SerializeSettings {
        compress_content_streams: true,
        ascii_compatible: false,
        xmp_metadata: true,
        enable_tagging: true,
        configuration,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let mut collected = Collected {
        block_label: flow.blocks.iter().map(|_| Vec::new()).collect(),
        block_body: flow.blocks.iter().map(|_| Vec::new()).collect(),
        note_label: flow.notes.iter().map(|_| Vec::new()).collect(),
        note_body: flow.notes.iter().map(|_| Vec::new()).collect(),
        fixed: flow.fixed.iter().map(|_| Vec::new()).collect(),
        links: Vec::new(),
    };
    // Where each block starts, for the outline.
    let mut starts: Vec<Option<(usize, f32)>> = vec![None; flow.blocks.len()];
    let lang = doc.lang;
    for (index, page) in pages.iter().enumerate() {
        let mut settings = PageSettings::from_wh(geom.width, geom.height)
            .ok_or_else(|| export_error("invalid page size".into()))?;
        if index == 0 {
            settings = settings.with_page_label(PageLabel::new(
                Some(NumberingStyle::Arabic),
                None,
                NonZeroU32::new(1),
            ));
        }
        let mut pdf_page = document.start_page_with(settings);
        let mut pending: Vec<PendingLink> = Vec::new();
        {
            let mut surface = pdf_page.surface();
            if let Some(f) = furniture.get(index) {
                draw_furniture(&mut surface, f);
            }
            if index == 0 {
                for (i, fixed) in flow.fixed.iter().enumerate() {
                    let mut pen = Pen {
                        surface: &mut surface,
                        lang: lang.locale(),
                        collected: &mut collected,
                        pending: &mut pending,
                    };
                    pen.text(
                        &fixed.text,
                        0,
                        fixed.x,
                        fixed.baseline,
                        Owner::Fixed(i),
                        false,
                    );
                }
            }
            for placed in &page.lines {
                let block = &flow.blocks[placed.item];
                let baseline = baseline(block, placed.y);
                if starts[placed.item].is_none() {
                    starts[placed.item] = Some((index, placed.y));
                }
                let mut pen = Pen {
                    surface: &mut surface,
                    lang: lang.locale(),
                    collected: &mut collected,
                    pending: &mut pending,
                };
                pen.block_line(block, placed.line, baseline, Owner::Block(placed.item));
            }
            if !page.notes.is_empty() {
                let heights: f32 = page.notes.iter().map(|&n| flow.notes[n].height()).sum();
                let mut y = geom.bottom - heights;
                let x0 = if lang.is_rtl() {
                    geom.right() - note::START - note::RULE_LENGTH
                } else {
                    geom.margin_x + note::START
                };
                let rule = Rule {
                    x0,
                    x1: x0 + note::RULE_LENGTH,
                    y: y - note::RULE_ABOVE,
                    width: note::RULE_WIDTH,
                };
                artifact(&mut surface, ArtifactType::Layout, |s| draw_rule(s, &rule));
                for &n in &page.notes {
                    let note = &flow.notes[n];
                    for line in 0..note.body.lines.len() {
                        let mut pen = Pen {
                            surface: &mut surface,
                            lang: lang.locale(),
                            collected: &mut collected,
                            pending: &mut pending,
                        };
                        pen.block_line(note, line, baseline(note, y), Owner::Note(n));
                        y += note.pitch;
                    }
                    y += note.after;
                }
            }
            surface.finish();
        }
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
        pdf_page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(lang.locale().to_string()));
    for plan in &flow.plan {
        if let Some(node) = build_node(plan, &mut collected) {
            tree.push(node);
        }
    }
    document.set_tag_tree(tree);

    let mut outline = Outline::new();
    for bookmark in &flow.bookmarks {
        if let Some(node) = outline_node(bookmark, &starts, flow, geom) {
            outline.push_child(node);
        }
    }
    document.set_outline(outline);
    document.set_metadata(metadata(doc));
    document
        .finish()
        .map_err(|e| export_error(format!("{e:?}")))
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

fn build_node(plan: &Plan, c: &mut Collected) -> Option<Node> {
    let group = |tag: TagKind, children: Vec<Node>| -> Option<Node> {
        (!children.is_empty()).then(|| Node::Group(TagGroup::with_children(tag, children)))
    };
    match plan {
        Plan::Group(kind, plans) => {
            let children: Vec<Node> = plans.iter().filter_map(|p| build_node(p, c)).collect();
            let tag: TagKind = match kind {
                GroupKind::Section => Tag::Section.into(),
                GroupKind::Div => Tag::Div.into(),
                GroupKind::List(kind) => Tag::L(match kind {
                    ListKind::Decimal => ListNumbering::Decimal,
                    ListKind::Alpha => ListNumbering::LowerAlpha,
                    ListKind::Roman => ListNumbering::LowerRoman,
                })
                .into(),
            };
            group(tag, children)
        }
        Plan::Para(i) => {
            let mut children = c.take(Owner::Block(*i), true);
            children.extend(c.take(Owner::Block(*i), false));
            group(Tag::P.into(), children)
        }
        Plan::Heading(i, level, title) => {
            let mut children = c.take(Owner::Block(*i), true);
            children.extend(c.take(Owner::Block(*i), false));
            let level = NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN);
            group(Tag::Hn(level, Some(title.clone())).into(), children)
        }
        Plan::Item(i, nested) => {
            let label = c.take(Owner::Block(*i), true);
            let mut body = c.take(Owner::Block(*i), false);
            body.extend(nested.iter().filter_map(|p| build_node(p, c)));
            let mut children = Vec::new();
            children.extend(group(Tag::Lbl.into(), label));
            children.extend(group(Tag::LBody.into(), body));
            group(Tag::LI.into(), children)
        }
        Plan::Note(n) => {
            let mut children = c.take(Owner::Note(*n), true);
            children.extend(c.take(Owner::Note(*n), false));
            group(Tag::Note.into(), children)
        }
        Plan::Fixed(i) => {
            let children = c.take(Owner::Fixed(*i), false);
            group(Tag::P.into(), children)
        }
    }
}

/// Draws an artifact (content outside the structure tree).
fn artifact(surface: &mut Surface, kind: ArtifactType, draw: impl FnOnce(&mut Surface)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
    draw(surface);
    surface.end_tagged();
}

fn draw_rule(surface: &mut Surface, rule: &Rule) {
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

fn draw_furniture(surface: &mut Surface, f: &Furniture) {
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
        artifact(surface, kind, |s| {
            s.push_transform(&line_transform(text, *x, *baseline));
            for run in text.lines.first().map_or(&[][..], |l| l.runs.as_slice()) {
                draw_run(s, run, text);
            }
            s.pop();
        });
    }
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
fn line_transform(text: &LaidText, x: f32, baseline: f32) -> Transform {
    Transform::from_row(text.scale, 0.0, 0.0, 1.0, x, baseline)
}

/// Draws a run of `text` in its line's coordinates ([`line_transform`]).
fn draw_run(surface: &mut Surface, run: &GlyphRun, text: &LaidText) {
    let Some(first) = run.glyphs.first() else {
        return;
    };
    let span = text.spans.get(run.span);
    let rise = span.map_or(0.0, |s| s.rise);
    let link = matches!(span.map(|s| &s.kind), Some(SpanKind::Link(_)));
    // Advances in whole font units, the glyph's own and the space after it
    // (letter spacing, justification) each rounded: the numbers krilla
    // writes to position glyphs then repeat exactly, which keeps the
    // content streams short and quick to compress.
    let upem = run.font.units_per_em().max(1.0);
    let unit = run.size.max(0.01) / upem;
    let units = |x: f32| (x / unit).round();
    let glyphs: Vec<PdfGlyph> = run
        .glyphs
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let own = units(g.advance);
            let after = run
                .glyphs
                .get(i + 1)
                .map_or(0.0, |next| units(next.x - g.x - g.advance));
            PdfGlyph {
                id: g.id,
                advance: (own + after) / upem,
                dx: units(g.dx) / upem,
                dy: units(g.dy) / upem,
                text: g.text.clone(),
            }
        })
        .collect();
    let start = Point::from_xy(first.x, -rise);
    if run.slant {
        surface.push_transform(&Transform::from_row(
            1.0, 0.0, -SLANT, 1.0, start.x, start.y,
        ));
    }
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
    let origin = if run.slant {
        Point::from_xy(0.0, 0.0)
    } else {
        start
    };
    surface.draw_glyphs(
        origin,
        &glyphs,
        run.font.clone(),
        &text.text,
        run.size,
        false,
    );
    if run.slant {
        surface.pop();
    }
}

/// Draws tagged text, collecting the structure leaves.
struct Pen<'a, 'b> {
    surface: &'a mut Surface<'b>,
    /// The document's language tag.
    lang: &'static str,
    collected: &'a mut Collected,
    pending: &'a mut Vec<PendingLink>,
}

impl Pen<'_, '_> {
    /// Draws line `line` of a block, with its label on the first line.
    fn block_line(&mut self, block: &LaidBlock, line: usize, baseline: f32, owner: Owner) {
        if line == 0
            && let Some(label) = &block.label
        {
            self.text(&label.text, 0, label.x, baseline, owner, true);
        }
        let x = if line == 0 { block.first_x } else { block.x };
        self.text(&block.body, line, x, baseline, owner, false);
    }

    /// Draws line `line` of `text` with its box at `x`; leaves go to `owner`.
    fn text(
        &mut self,
        text: &LaidText,
        line: usize,
        x: f32,
        baseline: f32,
        owner: Owner,
        label: bool,
    ) {
        let Some(l) = text.lines.get(line) else {
            return;
        };
        // Leaves in logical order: (text start, slot).
        let mut leaves: Vec<(usize, Slot)> = Vec::new();
        let mut current_link: Option<(usize, usize)> = None; // (span, pending index)
        self.surface
            .push_transform(&line_transform(text, x, baseline));
        for run in &l.runs {
            let span = text.spans.get(run.span);
            // The document's language is on the structure root.
            let lang = span.map(|s| s.lang).filter(|&l| l != self.lang);
            let id = self
                .surface
                .start_tagged(ContentTag::Span(SpanTag::empty().with_lang(lang)));
            draw_run(self.surface, run, text);
            self.surface.end_tagged();
            match span.map(|s| &s.kind) {
                Some(SpanKind::Link(symbol)) => {
                    let left = x + run.left() * text.scale;
                    let right = x + run.right() * text.scale;
                    let size = run.size;
                    let rect = Rect::from_ltrb(
                        left,
                        baseline - size * 0.85,
                        right,
                        baseline + size * 0.25,
                    );
                    match current_link {
                        Some((s, k)) if s == run.span => {
                            let link = &mut self.pending[k];
                            link.ids.push(Node::Leaf(id));
                            if let Some(r) = rect {
                                link.rect = union(link.rect, r);
                            }
                        }
                        _ => {
                            let Some(rect) = rect else {
                                leaves.push((run.text_start(), Slot::Node(Node::Leaf(id))));
                                continue;
                            };
                            let slot = self.collected.links.len();
                            self.collected.links.push(None);
                            let url = undocs_url(symbol);
                            self.pending.push(PendingLink {
                                alt: format!("{symbol} ({url})"),
                                url,
                                rect,
                                ids: vec![Node::Leaf(id)],
                                slot,
                            });
                            current_link = Some((run.span, self.pending.len() - 1));
                            leaves.push((run.text_start(), Slot::Link(slot)));
                        }
                    }
                }
                _ => {
                    current_link = None;
                    leaves.push((run.text_start(), Slot::Node(Node::Leaf(id))));
                }
            }
        }
        self.surface.pop();
        leaves.sort_by_key(|(start, _)| *start);
        let list = self.collected.list(owner, label);
        list.extend(leaves.into_iter().map(|(_, slot)| slot));
    }
}

fn union(a: Rect, b: Rect) -> Rect {
    Rect::from_ltrb(
        a.left().min(b.left()),
        a.top().min(b.top()),
        a.right().max(b.right()),
        a.bottom().max(b.bottom()),
    )
    .unwrap_or(a)
}
