//! Placing the glyphs of one broken line: clusters in visual order (with
//! ligatures, invisible format characters and glyphs no font has), the
//! visible hyphen at a hyphenated end, justification and alignment. The
//! result is cut into runs by the shaper, which owns the fonts.

use std::ops::Range;

use parley::{Glyph, Run};

use crate::script::is_ideographic;
use crate::write::pdf::style::Justify;

use super::{Align, HYPHEN_TEXT, Missing, Paragraph, PlacedGlyph, span_at, text_offset};

/// One grapheme cluster on a line, in visual order.
pub(super) struct PlacedCluster {
    /// Its glyphs in [`LineGlyphs::glyphs`].
    glyphs: Range<usize>,
    /// What it contributes to justification.
    kind: ClusterKind,
}

/// How a cluster takes part in justification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClusterKind {
    /// A space: room goes after it in every language.
    Space,
    /// An ideograph or full-width sign: room goes either side in Chinese.
    Ideograph,
    /// Anything else.
    Other,
}

/// A glyph that is a cluster of its own, placed with its left edge at
/// `left`, standing for the bytes `text`.
pub(super) struct Single {
    pub glyph: Glyph,
    pub left: f32,
    pub text: Range<usize>,
    pub kind: ClusterKind,
}

/// What glyphs of one run share: font, size, span, direction, synthesis.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct RunKey {
    pub blob: u64,
    pub index: u32,
    pub size: f32,
    pub span: u32,
    pub rtl: bool,
    pub slant: bool,
    pub embolden: bool,
}

/// The left edge and text of a right-to-left ligature's parts, which come
/// before its glyphs in visual order; the glyphs take them.
#[derive(Default)]
pub(super) struct PendingParts(Option<(f32, Range<usize>)>);

impl PendingParts {
    /// A part with the text `text`, placed at `pen`.
    pub fn add(&mut self, pen: f32, text: Range<usize>) {
        let (_, r) = self.0.get_or_insert((pen, text.clone()));
        r.start = r.start.min(text.start);
        r.end = r.end.max(text.end);
    }

    /// Where the glyphs of a cluster with the text `text` start and the
    /// text they stand for: from the parts met before them, if any, else
    /// from `pen`.
    pub fn take(&mut self, pen: f32, text: Range<usize>) -> (f32, Range<usize>) {
        match self.0.take() {
            Some((x, r)) => (x, r.start.min(text.start)..r.end.max(text.end)),
            None => (pen, text),
        }
    }
}

/// The glyphs of a line as they are placed, left to right.
#[derive(Default)]
pub(super) struct LineGlyphs {
    /// Every glyph drawn.
    pub glyphs: Vec<PlacedGlyph>,
    /// Where each run starts in `glyphs`, and its key: a run is kept as it
    /// starts, so the line is cut into runs without comparing the keys of
    /// its glyphs again.
    pub runs: Vec<(usize, RunKey)>,
    /// Every cluster, drawn or not.
    clusters: Vec<PlacedCluster>,
    /// The pen: the right edge of the last cluster.
    pub pen: f32,
}

impl LineGlyphs {
    /// The buffers kept in `slot`, emptied, for the next line to be
    /// placed in (the shaper's `finish_line` puts them back).
    pub fn take_cleared(slot: &mut LineGlyphs) -> LineGlyphs {
        let mut placed = std::mem::take(slot);
        placed.glyphs.clear();
        placed.runs.clear();
        placed.clusters.clear();
        placed.pen = 0.0;
        placed
    }

    /// A cluster that draws nothing but takes its advance.
    pub(super) fn push_blank(&mut self, advance: f32) {
        let at = self.glyphs.len();
        self.clusters.push(PlacedCluster {
            glyphs: at..at,
            kind: ClusterKind::Other,
        });
        self.pen += advance;
    }

    /// Places the clusters of `run` whose text starts before `end` (the
    /// line's visible end); characters no font has go to `missing`.
    pub fn place_run(
        &mut self,
        run: &Run<'_, u32>,
        p: &Paragraph,
        end: usize,
        missing: &mut Vec<Missing>,
    ) {
        let font = run.font();
        let synthesis = run.synthesis();
        let mut key = RunKey {
            blob: font.data.id(),
            index: font.index,
            size: run.font_size(),
            span: 0,
            rtl: run.is_rtl(),
            slant: synthesis.skew().is_some(),
            embolden: synthesis.embolden(),
        };
        let mut pending = PendingParts::default();
        let mut atom_start = self.glyphs.len();
        for cluster in run.visual_clusters() {
            let text = cluster.text_range();
            let advance = cluster.advance();
            if text.start >= end {
                continue; // trailing spaces (and a final soft hyphen)
            }
            key.span = span_at(p.spans, text.start) as u32;
            if is_ignorable(p.text.get(text.clone()).unwrap_or_default()) {
                // Soft hyphens and joiners: no glyph, no text to copy.
                self.push_blank(advance);
                continue;
            }
            if cluster.is_ligature_continuation() {
                self.join_ligature(text, key.rtl, &mut pending, atom_start);
                self.push_blank(advance);
                continue;
            }
            let (left, text) = pending.take(self.pen, text);
            atom_start = self.glyphs.len();
            self.push_cluster(cluster.glyphs(), left, text, key, p.text, missing);
            self.pen += advance;
        }
    }

    /// A ligature part with no glyph of its own: its text joins the glyphs
    /// of the ligature placed before it (`atom_start` on), or, right to
    /// left where the parts come first, the `pending` left edge and text
    /// the ligature's glyphs will take.
    fn join_ligature(
        &mut self,
        text: Range<usize>,
        rtl: bool,
        pending: &mut PendingParts,
        atom_start: usize,
    ) {
        if rtl {
            pending.add(self.pen, text);
        } else {
            for g in &mut self.glyphs[atom_start..] {
                g.text.end = g.text.end.max(text_offset(text.end));
            }
        }
    }

    /// The glyphs of a cluster of `source`'s bytes `text`, from `left` on;
    /// glyph 0 (no font has the character) is reported, not drawn.
    pub(super) fn push_cluster(
        &mut self,
        glyphs: impl Iterator<Item = Glyph>,
        left: f32,
        text: Range<usize>,
        key: RunKey,
        source: &str,
        missing: &mut Vec<Missing>,
    ) {
        let first = self.glyphs.len();
        let mut gx = left;
        let mut new_run = self.last_key() != Some(key);
        // Internal iteration: the cluster's glyphs are a flattened iterator,
        // whose `next` moves its whole state for every glyph.
        glyphs.for_each(|glyph| {
            if glyph.id == 0 {
                report_missing(source, &text, missing);
            } else {
                if new_run {
                    self.runs.push((self.glyphs.len(), key));
                    new_run = false;
                }
                self.glyphs.push(placed_glyph(glyph, gx, &text));
            }
            gx += glyph.advance;
        });
        let kind = cluster_kind(source.get(text.clone()).unwrap_or_default());
        self.clusters.push(PlacedCluster {
            glyphs: first..self.glyphs.len(),
            kind,
        });
    }

    /// A cluster of one glyph, as the direct path places each character:
    /// its kind known from its character, and its run's key only where
    /// the run may change (`None`: the glyph continues the run of the last
    /// glyph placed, which the caller knows from what the key is made of).
    pub(super) fn push_single(
        &mut self,
        single: Single,
        key: Option<RunKey>,
        source: &str,
        missing: &mut Vec<Missing>,
    ) {
        let Single {
            glyph,
            left,
            text,
            kind,
        } = single;
        let first = self.glyphs.len();
        if glyph.id == 0 {
            report_missing(source, &text, missing);
        } else {
            if let Some(key) = key
                && self.last_key() != Some(key)
            {
                self.runs.push((first, key));
            }
            self.glyphs.push(placed_glyph(glyph, left, &text));
        }
        self.clusters.push(PlacedCluster {
            glyphs: first..self.glyphs.len(),
            kind,
        });
    }

    /// The key of the last glyph placed, whose font draws a hyphen after it.
    pub fn last_key(&self) -> Option<RunKey> {
        self.runs.last().map(|&(_, key)| key)
    }

    /// A visible hyphen (glyph `id`, `advance` wide) at the pen; its text
    /// is the hyphen just past the paragraph's `text_len` bytes.
    pub fn push_hyphen(&mut self, key: RunKey, id: u32, advance: f32, text_len: u32) {
        let first = self.glyphs.len();
        if self.last_key() != Some(key) {
            self.runs.push((first, key));
        }
        self.glyphs.push(PlacedGlyph {
            id,
            x: self.pen,
            dx: 0.0,
            dy: 0.0,
            advance,
            text: text_len..text_len + HYPHEN_TEXT.len_utf8() as u32,
        });
        self.clusters.push(PlacedCluster {
            glyphs: first..self.glyphs.len(),
            kind: ClusterKind::Other,
        });
        self.pen += advance;
    }

    /// Spreads the room left up to `target` over the line's gaps; returns
    /// the line's width (the pen if it has no gap).
    pub fn justify(&mut self, target: f32, mode: Justify) -> f32 {
        let natural = self.pen;
        let count = (0..self.clusters.len())
            .filter(|&i| gap_after(&self.clusters, i, mode))
            .count();
        if count == 0 {
            return natural;
        }
        let each = (target - natural) / count as f32;
        let mut shift = 0.0;
        for (i, cluster) in self.clusters.iter().enumerate() {
            for g in &mut self.glyphs[cluster.glyphs.clone()] {
                g.x += shift;
            }
            if gap_after(&self.clusters, i, mode) {
                shift += each;
            }
        }
        target
    }
}

/// How far a line `width` wide moves right in its box `target` wide.
pub(super) fn align_offset(p: &Paragraph, width: f32, target: f32) -> f32 {
    match p.align {
        _ if width >= target => 0.0,
        Align::Natural => 0.0,
        Align::Center => (target - width) / 2.0,
        Align::Start | Align::Justify if p.rtl => target - width,
        Align::Start | Align::Justify => 0.0,
    }
}

/// End of the visible text of a line: trailing white space is dropped.
pub(super) fn visible_end(text: &str, range: Range<usize>) -> usize {
    let slice = text.get(range.clone()).unwrap_or_default();
    let trimmed = slice.trim_end_matches([' ', '\t', '\n', '\u{2028}', '\u{2029}']);
    range.start + trimmed.len()
}

/// Invisible format characters (soft hyphen, joiners, marks of direction).
fn is_ignorable(text: &str) -> bool {
    text.chars().all(
        |c| matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'),
    )
}

/// A glyph with its pen position `x`, standing for the bytes `text`.
fn placed_glyph(glyph: Glyph, x: f32, text: &Range<usize>) -> PlacedGlyph {
    PlacedGlyph {
        id: glyph.id,
        x,
        dx: glyph.x,
        dy: -glyph.y,
        advance: glyph.advance,
        text: text_offset(text.start)..text_offset(text.end),
    }
}

/// The character at `text` of `source`, which no font has (glyph 0).
fn report_missing(source: &str, text: &Range<usize>, missing: &mut Vec<Missing>) {
    if let Some(ch) = source.get(text.clone()).and_then(|t| t.chars().next()) {
        missing.push(Missing { ch, at: text.start });
    }
}

/// How a cluster's text takes part in justification.
pub(super) fn cluster_kind(text: &str) -> ClusterKind {
    text.chars()
        .next()
        .map_or(ClusterKind::Other, ClusterKind::of)
}

impl ClusterKind {
    /// The kind of a cluster whose text starts with `c`.
    pub(super) fn of(c: char) -> ClusterKind {
        match c {
            ' ' => ClusterKind::Space,
            c if is_ideographic(c) => ClusterKind::Ideograph,
            _ => ClusterKind::Other,
        }
    }
}

/// Whether extra space goes after cluster `i` (never after the last:
/// found twice a justified line, counted then spread, without a buffer).
fn gap_after(clusters: &[PlacedCluster], i: usize, mode: Justify) -> bool {
    let (Some(cluster), Some(next)) = (clusters.get(i), clusters.get(i + 1)) else {
        return false;
    };
    match mode {
        Justify::InterWord => cluster.kind == ClusterKind::Space,
        Justify::InterCharacter => {
            cluster.kind == ClusterKind::Space
                || (cluster.glyphs.end > cluster.glyphs.start
                    && (cluster.kind == ClusterKind::Ideograph
                        || next.kind == ClusterKind::Ideograph))
        }
    }
}
