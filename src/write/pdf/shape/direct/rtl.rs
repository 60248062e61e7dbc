//! Right-to-left paragraphs on the direct path: their bidi levels (from
//! parley's resolver), the glyphs of right-to-left ligatures, and their
//! lines in visual order with a ligature's advance shared by its
//! characters, as parley places them.

use std::ops::Range;

use super::super::place::{PendingParts, Single, cluster_kind};
use super::super::{LineGlyphs, Missing, Paragraph};
use super::words::{JOINED, Shaped};
use super::{Atom, GlyphPair, RunCursor, shaped_glyph};
use crate::script::{is_arabic_letter, is_arabic_punctuation};
use crate::write::pdf::shape::Shaper;

impl Shaper {
    /// Resolves the bidi levels of `p` into [`super::Direct::levels`] as
    /// runs of bytes: parley's, for a right-to-left paragraph; level 0
    /// throughout for a left-to-right one (the direct path takes no
    /// right-to-left text there).
    pub(super) fn resolve_levels(&mut self, p: &Paragraph) {
        let direct = &mut self.direct;
        direct.levels.clear();
        if !p.rtl || plainly_right_to_left(p.text) {
            direct.levels.push((0..p.text.len(), u8::from(p.rtl)));
            return;
        }
        direct.bidi.resolve_bidi_levels(
            p.text,
            parley_engine::BaseDirection::Rtl,
            &mut direct.char_levels,
        );
        for ((at, c), &level) in p.text.char_indices().zip(&direct.char_levels) {
            match direct.levels.last_mut() {
                Some((run, l)) if *l == level => run.end = at + c.len_utf8(),
                _ => direct.levels.push((at..at + c.len_utf8(), level)),
            }
        }
    }

    /// Places the atoms `range` of a right-to-left paragraph whose text
    /// starts before `visible` in visual order, a ligature's advance
    /// shared by its characters as parley shares it.
    pub(super) fn place_visually(
        &mut self,
        p: &Paragraph,
        range: Range<usize>,
        visible: usize,
        placed: &mut LineGlyphs,
        missing: &mut Vec<Missing>,
    ) {
        let atoms = &self.direct.atoms[range.clone()];
        let levels = self.direct.atom_levels.get(range).unwrap_or(&[]);
        // Every atom of a right-to-left paragraph has its level.
        debug_assert_eq!(levels.len(), atoms.len());
        let mut order = std::mem::take(&mut self.direct.order);
        visual_order(levels, &mut order);
        let mut pending = PendingParts::default();
        let mut runs = RunCursor::default();
        for &k in &order {
            let atom = &atoms[k];
            let start = atom.start as usize;
            if start >= visible {
                continue; // trailing spaces
            }
            let text = start..atom.end as usize;
            let advance = ligature_share(atoms, k);
            if atom.joined() {
                pending.add(placed.pen, text);
                placed.push_blank(advance);
                continue;
            }
            let (left, text) = pending.take(placed.pen, text);
            let rtl = levels.get(k).is_some_and(|l| l % 2 == 1);
            let key = runs.key(self, p, atom, rtl);
            // A ligature's parts before it lend its text their first
            // character.
            let kind = if text.start == start {
                atom.kind
            } else {
                cluster_kind(p.text.get(text.clone()).unwrap_or_default())
            };
            let single = Single {
                glyph: atom.glyph,
                left,
                text,
                kind,
            };
            placed.push_single(single, key, p.text, missing);
            placed.pen += advance;
        }
        self.direct.order = order;
    }
}

/// Whether every character of `text`, in a right-to-left paragraph, is at
/// level 1 without asking the resolver: Arabic letters and punctuation,
/// and the spaces, signs and punctuation of ASCII and a few of prose. With
/// no strong left-to-right character and no number, rules W1 to N2 of
/// UAX #9 leave every character at the paragraph's level.
pub(super) fn plainly_right_to_left(text: &str) -> bool {
    text.chars().all(|c| {
        is_arabic_letter(c)
            || is_arabic_punctuation(c)
            || matches!(c,
                '\u{66D}'
                | ' '..='/' | ':'..='@' | '['..='`' | '{'..='~'
                | '«' | '»' | '\u{A0}' | '–' | '—' | '…' | '“' | '”' | '‘' | '’')
    })
}

/// The atoms of a line in visual order (indices), as parley orders a
/// line's runs by their bidi levels (UAX #9 rule L2, reversing from the
/// highest level to the lowest odd one) and each run's clusters by its
/// direction.
pub(super) fn visual_order(levels: &[u8], order: &mut Vec<usize>) {
    order.clear();
    order.extend(0..levels.len());
    let max = levels.iter().copied().max().unwrap_or(0);
    let lowest_odd = levels
        .iter()
        .copied()
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(u8::MAX);
    for level in (lowest_odd..=max).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] < level {
                i += 1;
                continue;
            }
            let run = order[i..]
                .iter()
                .take_while(|&&k| levels[k] >= level)
                .count();
            order[i..i + run].reverse();
            i += run;
        }
    }
}

/// The advance of atom `k` as parley's cluster has it: a ligature's
/// advance (held by its first character) split evenly over its characters.
pub(super) fn ligature_share(atoms: &[Atom], k: usize) -> f32 {
    let first = atoms[..=k].iter().rposition(|a| !a.joined()).unwrap_or(k);
    let parts = 1 + atoms[first + 1..].iter().take_while(|a| a.joined()).count();
    if parts == 1 {
        return atoms[k].glyph.advance;
    }
    atoms[first].glyph.advance / parts as f32
}

/// Appends a glyph per character of `chars` to `out` from glyphs in
/// logical order: one a cluster (none .notdef), the characters after a
/// cluster's first [`JOINED`] to it, as parley makes a shaped
/// cluster of a ligature. A cluster of several glyphs: `false`.
pub(super) fn push_ligated<'a>(
    glyphs: impl Iterator<Item = GlyphPair<'a>>,
    chars: usize,
    out: &mut Vec<Shaped>,
) -> bool {
    let start = out.len();
    let joined = Shaped {
        id: JOINED,
        x_offset: 0,
        y_offset: 0,
        x_advance: 0,
    };
    // The first character with no glyph yet.
    let mut next = 0;
    for (info, pos) in glyphs {
        let cluster = info.cluster as usize;
        if cluster < next || cluster >= chars || info.glyph_id == 0 || (next == 0 && cluster > 0) {
            out.truncate(start);
            return false;
        }
        out.extend(std::iter::repeat_n(joined, cluster - next));
        out.push(shaped_glyph(info, pos));
        next = cluster + 1;
    }
    if next == 0 {
        return false;
    }
    out.extend(std::iter::repeat_n(joined, chars - next));
    true
}
