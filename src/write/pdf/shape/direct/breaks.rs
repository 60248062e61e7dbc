//! Line breaking on the direct path: where a line may end (UAX #14 from
//! ICU4X, strict, with our overrides, as parley asks for them) and the
//! first-fit breaker that takes those opportunities as parley's does.

use std::ops::Range;

use icu_segmenter::LineSegmenter;
use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness, LineBreakWordOption};
use parley::BreakReason;

use super::super::{Align, Overrides, Paragraph, WHOLE_SYMBOL, line_room};
use super::Atom;
use super::prose_breaks::prose_breaks;

/// A broken line: its atoms, its width (hanging spaces included) and why
/// it ended.
pub(super) struct Line {
    pub(super) atoms: Range<usize>,
    pub(super) advance: f32,
    pub(super) reason: BreakReason,
}

/// Marks where a line may break before each atom: UAX #14 (strict, as
/// parley asks ICU4X) overridden at hyphenation points and inside
/// unbroken ranges, and where the last resort may break a word.
pub(super) fn mark_breaks(p: &Paragraph, atoms: &mut [Atom]) {
    let breaks = uax14_breaks(p.text);
    // Cursors over the breaks and the short unbroken ranges not yet
    // passed, as slices that shrink from the front.
    let mut icu = breaks.as_slice();
    let mut overrides = Overrides::new(p);
    let anywhere = p.align != Align::Natural;
    let mut unbroken = p.unbroken;
    for (k, atom) in atoms.iter_mut().enumerate() {
        let at = atom.start as usize;
        while let Some((&b, rest)) = icu.split_first()
            && b < at
        {
            icu = rest;
        }
        let by_icu = k > 0 && icu.first() == Some(&at) && at < p.text.len();
        // The atoms are the text's characters in order.
        let overridden = if k > 0 { overrides.before(at) } else { None };
        atom.soft = k > 0 && overridden.unwrap_or(by_icu);
        // A range too long to be a symbol (a web address) may break.
        while let Some((r, rest)) = unbroken.split_first()
            && (r.end <= at || r.len() > WHOLE_SYMBOL)
        {
            unbroken = rest;
        }
        let whole = unbroken.first().is_some_and(|r| r.start <= at);
        atom.emergency = anywhere && !whole;
        // A ligature is one atom for parley: never broken inside.
        if atom.joined() {
            (atom.soft, atom.emergency) = (false, false);
        }
    }
}

/// Where UAX #14 lets a line break in `text` (0 and its length included):
/// prose of Latin and Cyrillic letters by [`prose_breaks`], which gives
/// ICU4X's breaks without its lookups, any other by ICU4X (strict, as
/// parley asks).
fn uax14_breaks(text: &str) -> Vec<usize> {
    prose_breaks(text).unwrap_or_else(|| icu_breaks(text))
}

/// Where ICU4X's line segmenter (strict, as parley asks it) lets a line
/// break in `text`, 0 and its length included.
pub(super) fn icu_breaks(text: &str) -> Vec<usize> {
    let mut options = LineBreakOptions::default();
    options.strictness = Some(LineBreakStrictness::Strict);
    options.word_option = Some(LineBreakWordOption::Normal);
    LineSegmenter::new_for_non_complex_scripts(options)
        .segment_str(text)
        .collect()
}

/// No break found yet.
const NONE: usize = usize::MAX;

/// Breaks the atoms after `lines` (all of them if it is empty) into
/// lines first-fit, as parley's `break_next` does. First-fit breaks a
/// line by its own start and width alone, so lines kept from an earlier
/// pass stand as they are, up to the first one whose width changed.
pub(super) fn break_atoms_after(
    atoms: &[Atom],
    widths: &dyn Fn(usize) -> f32,
    narrower: &[f32],
    lines: &mut Vec<Line>,
) {
    let mut i = lines.last().map_or(0, |line| line.atoms.end);
    loop {
        let n = lines.len();
        let max = line_room(widths, narrower, n).max(1.0);
        let start = i;
        let mut x = 0.0f32;
        // The last break allowed so far, of each kind, and the pen there
        // (`NONE`: none yet). Kept by selects, not branches: where words
        // end is the text's to say, and mispredicted branches cost more
        // than the two selects an atom.
        let mut regular = (NONE, 0.0f32);
        let mut emergency = (NONE, 0.0f32);
        let mut reason = BreakReason::None;
        while let Some(atom) = atoms.get(i) {
            let started = x != 0.0;
            let soft = atom.soft & started;
            let last_resort = !atom.soft & atom.emergency & started;
            regular = if soft { (i, x) } else { regular };
            emergency = if last_resort { (i, x) } else { emergency };
            let next_x = x + atom.glyph.advance;
            // A space hangs past the end of the line: it always fits.
            if next_x <= max || atom.space {
                x = next_x;
                i += 1;
                continue;
            }
            if regular.0 != NONE {
                (i, x, reason) = (regular.0, regular.1, BreakReason::Regular);
                break;
            }
            if emergency.0 != NONE {
                (i, x, reason) = (emergency.0, emergency.1, BreakReason::Emergency);
                break;
            }
            x = next_x;
            i += 1;
        }
        lines.push(Line {
            atoms: start..i,
            advance: x,
            reason,
        });
        if reason == BreakReason::None {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::pdf::shape::place::ClusterKind;

    /// Words of `len` letters 1.0 wide, each followed by a space 0.5 wide
    /// (a break allowed before each word but the first).
    fn words(lens: &[usize]) -> Vec<Atom> {
        let mut atoms = Vec::new();
        for (w, &len) in lens.iter().enumerate() {
            for k in 0..=len {
                let space = k == len;
                let at = atoms.len() as u32;
                atoms.push(Atom {
                    start: at,
                    end: at + 1,
                    glyph: parley::Glyph {
                        id: 1,
                        x: 0.0,
                        y: 0.0,
                        advance: if space { 0.5 } else { 1.0 },
                    },
                    face: 0,
                    slant: false,
                    embolden: false,
                    size: 10.0,
                    soft: w > 0 && k == 0,
                    emergency: false,
                    space,
                    kind: if space {
                        ClusterKind::Space
                    } else {
                        ClusterKind::Other
                    },
                });
            }
        }
        atoms
    }

    fn spans(lines: &[Line]) -> Vec<(Range<usize>, f32)> {
        lines.iter().map(|l| (l.atoms.clone(), l.advance)).collect()
    }

    #[test]
    fn lines_kept_from_a_pass_and_the_rest_broken_again_are_a_fresh_break() {
        let atoms = words(&[3, 5, 2, 7, 4, 4, 1, 6, 3, 5, 2, 8, 3]);
        let widths = |_: usize| 12.0;
        let mut lines = Vec::new();
        break_atoms_after(&atoms, &widths, &[], &mut lines);
        assert!(lines.len() >= 5, "{} lines", lines.len());
        // Each line in turn made narrower, as a hyphen's room is made.
        for line in [1, 3, 4] {
            let mut narrower = vec![0.0; line + 1];
            narrower[line] = 3.0;
            let mut fresh = Vec::new();
            break_atoms_after(&atoms, &widths, &narrower, &mut fresh);
            let mut resumed = Vec::new();
            break_atoms_after(&atoms, &widths, &[], &mut resumed);
            resumed.truncate(line);
            break_atoms_after(&atoms, &widths, &narrower, &mut resumed);
            assert_eq!(spans(&resumed), spans(&fresh), "line {line} narrower");
            assert_ne!(spans(&fresh), spans(&lines), "line {line} changed nothing");
        }
    }
}
