//! Words shaped once: a run of text cut at its spaces, each piece shaped
//! with the character on either side of it and kept by the thread.
//!
//! UN reports repeat their words heavily, and shaping is most of the
//! direct path's time. A piece's glyphs can depend on its neighbours only
//! through lookups that reach across a space; pair kerning does (Liberation
//! Serif kerns `A`, `T`, `Y` … against the space, both ways), and is caught
//! by shaping each piece between its neighbouring characters and keying it
//! by them. Longer contexts are not caught, so the cache is used only for
//! faces known to have none that reach across a space: the bundled faces
//! (a test compares both ways of shaping over every character they map
//! beside spaces). Other faces are shaped a run at a time, as before.

use std::ops::Range;

use foldhash::HashMap;

use crate::lang::Lang;
use crate::script::Script;

/// One character's glyph as harfrust shapes it, in font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shaped {
    pub(super) id: u32,
    pub(super) x_offset: i32,
    pub(super) y_offset: i32,
    pub(super) x_advance: i32,
}

/// What a piece's shaping depends on besides its text and neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Context {
    pub(super) face: u16,
    pub(super) script: Script,
    pub(super) lang: Lang,
    pub(super) size_bits: u32,
    /// The piece has a character of the run before it, after it.
    pub(super) before: bool,
    pub(super) after: bool,
}

/// Pieces longer than this (bytes, neighbours included) are shaped each
/// time: a whole sentence of Chinese, a checksum, rarely seen twice.
pub(super) const LONGEST: usize = 64;

/// Pieces kept before the cache starts afresh: about 260 bytes a piece,
/// so some 5 MB a thread at most (the 100 generated documents of
/// `bench/compare.sh` keep under 10,000 a thread, 2.6 MB in all).
const LIMIT: usize = 20_000;

/// Shaped pieces by their text with its neighbours, hashed with foldhash:
/// fast, and seeded per process, as the texts come from the input.
type Pieces = HashMap<Box<str>, Box<[Shaped]>>;

/// The thread's shaped pieces.
#[derive(Default)]
pub(super) struct Words {
    pieces: HashMap<Context, Pieces>,
    count: usize,
}

impl Words {
    /// The glyphs of `key` (the piece with its neighbours) in `context`.
    pub(super) fn get(&self, context: &Context, key: &str) -> Option<&[Shaped]> {
        self.pieces.get(context)?.get(key).map(|s| &**s)
    }

    /// Keeps the glyphs of `key` in `context`.
    pub(super) fn insert(&mut self, context: Context, key: &str, glyphs: &[Shaped]) {
        if self.count >= LIMIT {
            self.pieces.clear();
            self.count = 0;
        }
        self.count += 1;
        self.pieces
            .entry(context)
            .or_default()
            .insert(key.into(), glyphs.into());
    }
}

/// A piece of a run: its bytes, and those of the piece with the
/// character on either side (within the run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) text: Range<usize>,
    pub(super) with_neighbours: Range<usize>,
}

/// `text` cut into pieces: runs of spaces (U+0020) and runs of anything
/// else, each with its neighbouring characters.
pub(super) fn pieces(text: &str) -> impl Iterator<Item = Piece> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let space = bytes[start] == b' ';
        let end = bytes[start..]
            .iter()
            .position(|&b| (b == b' ') != space)
            .map_or(bytes.len(), |n| start + n);
        let before = text[..start].chars().next_back().map_or(0, char::len_utf8);
        let after = text[end..].chars().next().map_or(0, char::len_utf8);
        let piece = Piece {
            text: start..end,
            with_neighbours: start - before..end + after,
        };
        start = end;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_cut_at_its_spaces_with_a_neighbour_on_each_side() {
        let text = "Le  Conseil é";
        let cut: Vec<(&str, &str)> = pieces(text)
            .map(|p| (&text[p.text], &text[p.with_neighbours]))
            .collect();
        assert_eq!(
            cut,
            [
                ("Le", "Le "),
                ("  ", "e  C"),
                ("Conseil", " Conseil "),
                (" ", "l é"),
                ("é", " é")
            ]
        );
        assert_eq!(pieces("").count(), 0);
        let one: Vec<Piece> = pieces(" ").collect();
        assert_eq!(
            one,
            [Piece {
                text: 0..1,
                with_neighbours: 0..1
            }]
        );
    }

    #[test]
    fn the_cache_keeps_pieces_by_context_and_starts_afresh_when_full() {
        let context = Context {
            face: 0,
            script: Script::Latin,
            lang: Lang::En,
            size_bits: 10f32.to_bits(),
            before: true,
            after: false,
        };
        let glyph = Shaped {
            id: 7,
            x_offset: 0,
            y_offset: 0,
            x_advance: 500,
        };
        let mut words = Words::default();
        words.insert(context, " a", &[glyph]);
        assert_eq!(words.get(&context, " a"), Some(&[glyph][..]));
        let other = Context {
            after: true,
            ..context
        };
        assert_eq!(words.get(&other, " a"), None);
        for i in 0..LIMIT {
            words.insert(context, &format!("w{i}"), &[glyph]);
        }
        assert_eq!(words.get(&context, " a"), None, "cleared at the limit");
        assert!(words.get(&context, &format!("w{}", LIMIT - 1)).is_some());
    }
}
