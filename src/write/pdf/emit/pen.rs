//! The pen: draws the tagged lines of the body, the footnotes and the
//! masthead, collecting their structure leaves and the links to annotate.

use krilla::geom::Rect;
use krilla::surface::Surface;
use krilla::tagging::{ContentTag, Identifier, Node, SpanTag};

use crate::write::pdf::flow::{LaidBlock, LaidText, LinkTarget, SpanKind};
use crate::write::pdf::shape::GlyphRun;

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
        self.surface
            .push_transform(&line_transform(text, x, baseline));
        for run in &l.runs {
            let span = text.spans.get(run.span);
            // The document's language is on the structure root.
            let lang = span.map(|s| s.lang).filter(|&l| l != self.lang);
            let id = self
                .surface
                .start_tagged(ContentTag::Span(SpanTag::empty().with_lang(lang)));
            draw_run(self.surface, run, l, text);
            self.surface.end_tagged();
            match span.map(|s| &s.kind) {
                Some(SpanKind::Link(target)) => {
                    let rect = link_rect(text, run, x, baseline);
                    let piece = self.link_piece(target, run.span, rect, id, &mut current_link);
                    if let Some(slot) = piece {
                        leaves.push((run.text_start, slot));
                    }
                }
                _ => {
                    current_link = None;
                    leaves.push((run.text_start, Slot::Leaf(id)));
                }
            }
        }
        self.surface.pop();
        leaves.sort_by_key(|(start, _)| *start);
        let list = self.collected.list(owner, label);
        list.extend(leaves.into_iter().map(|(_, slot)| slot));
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
