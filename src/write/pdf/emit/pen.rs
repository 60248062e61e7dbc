//! The pen: draws the tagged lines of the body, the footnotes and the
//! masthead, collecting their structure leaves and the links to annotate.

use krilla::geom::Rect;
use krilla::surface::Surface;
use krilla::tagging::{ContentTag, Identifier, Node, SpanTag};

use crate::write::pdf::flow::{LaidBlock, LaidText, LinkTarget, SpanKind};
use crate::write::pdf::shape::{GlyphRun, ShapedLine};

use super::draw::{draw_run, line_transform};
use super::tags::{Collected, Owner, Slot};

/// A link piece drawn on the current page, waiting for its annotation.
pub(super) struct PendingLink {
    pub url: String,
    pub alt: String,
    pub rect: Rect,
    pub ids: Vec<Node>,
    pub slot: usize,
}

/// Draws tagged text, collecting the structure leaves.
pub(super) struct Pen<'a, 'b> {
    pub surface: &'a mut Surface<'b>,
    /// The document's language tag.
    pub lang: &'static str,
    pub collected: &'a mut Collected,
    pub pending: &'a mut Vec<PendingLink>,
}

impl Pen<'_, '_> {
    /// Draws line `line` of a block, with its label on the first line.
    pub fn block_line(&mut self, block: &LaidBlock, line: usize, baseline: f32, owner: Owner) {
        if line == 0
            && let Some(label) = &block.label
        {
            self.text(&label.text, 0, label.x, baseline, owner, true);
        }
        let x = if line == 0 { block.first_x } else { block.x };
        self.text(&block.body, line, x, baseline, owner, false);
        if line + 1 == block.body.lines.len() {
            for t in &block.trailing {
                self.text(&t.text, 0, t.x, baseline, owner, false);
            }
        }
    }

    /// Draws line `line` of `text` with its box at `x`; leaves go to `owner`.
    pub fn text(
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
        let mut leaves: Vec<(u32, Slot)> = Vec::new();
        let mut current_link: Option<(usize, usize)> = None; // (span, pending index)
        let mut open: Option<OpenLeaf> = None;
        self.surface
            .push_transform(&line_transform(text, x, baseline));
        for run in &l.runs {
            let span = text.spans.get(run.span);
            // The document's language is on the structure root.
            let lang = span.map(|s| s.lang.locale()).filter(|&l| l != self.lang);
            if let Some(SpanKind::Link(target)) = span.map(|s| &s.kind) {
                self.close(&mut open);
                let id = self.tagged_run(run, l, text, lang);
                let rect = link_rect(text, run, x, baseline);
                let piece = self.link_piece(target, run.span, rect, id, &mut current_link);
                leaves.extend(piece.map(|slot| (run.text_start, slot)));
                continue;
            }
            current_link = None;
            match &mut open {
                Some(leaf) if leaf.continues(run, lang) => leaf.last_start = run.text_start,
                _ => {
                    self.close(&mut open);
                    let id = self.start_leaf(lang);
                    open = Some(OpenLeaf {
                        lang,
                        rtl: run.rtl,
                        last_start: run.text_start,
                    });
                    leaves.push((run.text_start, Slot::Leaf(id)));
                }
            }
            draw_run(self.surface, run, l, text);
        }
        self.close(&mut open);
        self.surface.pop();
        leaves.sort_by_key(|(start, _)| *start);
        let list = self.collected.list(owner, label);
        list.extend(leaves.into_iter().map(|(_, slot)| slot));
    }

    /// Draws `run` of line `l` as marked content of its own.
    fn tagged_run(
        &mut self,
        run: &GlyphRun,
        l: &ShapedLine,
        text: &LaidText,
        lang: Option<&'static str>,
    ) -> Identifier {
        let id = self.start_leaf(lang);
        draw_run(self.surface, run, l, text);
        self.surface.end_tagged();
        id
    }

    /// Starts the marked content of a leaf in language `lang` (none: the
    /// document's).
    fn start_leaf(&mut self, lang: Option<&'static str>) -> Identifier {
        self.surface
            .start_tagged(ContentTag::Span(SpanTag::empty().with_lang(lang)))
    }

    /// Ends the marked content of the open leaf, if any.
    fn close(&mut self, open: &mut Option<OpenLeaf>) {
        if open.take().is_some() {
            self.surface.end_tagged();
        }
    }

    /// Adds the drawn run `leaf` of a link to span `span`'s link: to the
    /// link `current` if it continues it, else to a new one waiting for its
    /// annotation. Returns the slot for the owner's leaves, if any (a run
    /// with no area to click is a plain leaf).
    fn link_piece(
        &mut self,
        target: &LinkTarget,
        span: usize,
        rect: Option<Rect>,
        leaf: Identifier,
        current: &mut Option<(usize, usize)>,
    ) -> Option<Slot> {
        if let Some((s, k)) = *current
            && s == span
        {
            let link = &mut self.pending[k];
            link.ids.push(Node::Leaf(leaf));
            if let Some(r) = rect {
                link.rect = union(link.rect, r);
            }
            return None;
        }
        let Some(rect) = rect else {
            return Some(Slot::Leaf(leaf));
        };
        let slot = self.collected.links.len();
        self.collected.links.push(None);
        self.pending.push(PendingLink {
            alt: format!("{} ({})", target.label, target.url),
            url: target.url.clone(),
            rect,
            ids: vec![Node::Leaf(leaf)],
            slot,
        });
        *current = Some((span, self.pending.len() - 1));
        Some(Slot::Link(slot))
    }
}

/// Marked content being drawn for the left-to-right runs of a line that
/// are no link: the runs that follow it in reading order join it, so a line
/// of plain, italic and bold text is one leaf of the structure tree, not one
/// a run (a paragraph of emphasised words had a leaf a word and a leaf a
/// space). Right-to-left runs keep a leaf each: drawn from the left, runs
/// joined in one leaf would read in visual order, not in reading order.
struct OpenLeaf {
    lang: Option<&'static str>,
    rtl: bool,
    /// The text start of the last run drawn in it.
    last_start: u32,
}

impl OpenLeaf {
    /// Whether `run`, drawn next on the line, continues this leaf's text:
    /// left to right, in the same language, and further on in the text.
    fn continues(&self, run: &GlyphRun, lang: Option<&'static str>) -> bool {
        !self.rtl && !run.rtl && self.lang == lang && run.text_start > self.last_start
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

/// The clickable area of a link's run: its width, from a little above the
/// type's top to a little below the baseline.
fn link_rect(text: &LaidText, run: &GlyphRun, x: f32, baseline: f32) -> Option<Rect> {
    let left = x + run.left * text.scale;
    let right = x + run.right * text.scale;
    Rect::from_ltrb(
        left,
        baseline - run.size * 0.85,
        right,
        baseline + run.size * 0.25,
    )
}
