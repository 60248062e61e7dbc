// UNDOC PATCH (see UNDOC-PATCH.md): words shaped once.

//! A run of text cut at its spaces, each piece shaped with the character on
//! either side of it and kept by the thread's [`Shaper`](super::shaper::Shaper).
//!
//! A document repeats its words heavily, and shaping is the largest part of
//! laying out text of a complex script (Arabic's joining forms and
//! ligatures are many lookups a character). A piece's glyphs can depend on
//! its neighbours only through lookups that reach across a space; those that
//! reach one character (pair kerning, joining) are caught by shaping the
//! piece between its neighbours and keying it by them. Longer contexts are
//! not caught, so only the fonts the embedding program vouches for (see
//! [`set_word_local`]) are shaped this way; the others, and runs with
//! features or variations, are shaped whole as upstream does.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cell::Cell;
use core::ops::Range;

use harfrust::{GlyphInfo, GlyphPosition};
use hashbrown::HashMap;

std::thread_local! {
    static WORD_LOCAL: Cell<Option<WordLocal>> = const { Cell::new(None) };
    static REUSED: Cell<usize> = const { Cell::new(0) };
}

/// How many pieces this thread has taken from its cache instead of shaping
/// them (for tests and measurements).
pub fn pieces_reused() -> usize {
    REUSED.with(Cell::get)
}

/// Tells, from a font's file bytes and its index in them, whether no lookup
/// of the font reaches across a space beyond the characters next to it.
pub type WordLocal = fn(data: &[u8], index: u32) -> bool;

/// Shapes runs of the fonts `test` accepts a piece at a time on this thread,
/// keeping each piece's glyphs; `None` (the default) shapes every run whole.
pub fn set_word_local(test: Option<WordLocal>) {
    WORD_LOCAL.with(|cell| cell.set(test));
}

/// Whether this thread shapes the font a piece at a time.
pub(crate) fn is_word_local(data: &[u8], index: u32) -> bool {
    WORD_LOCAL
        .with(Cell::get)
        .is_some_and(|test| test(data, index))
}

/// Pieces longer than this (bytes, neighbours included) are shaped each
/// time: rarely seen twice.
const LONGEST: usize = 64;

/// Pieces kept before the cache starts afresh: a few hundred bytes a piece,
/// some megabytes a thread at most.
const LIMIT: usize = 20_000;

/// What a piece's shaping depends on besides its text and neighbours.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Context {
    pub(crate) blob: u64,
    pub(crate) index: u32,
    pub(crate) rtl: bool,
    pub(crate) script: harfrust::Script,
    pub(crate) language: Option<harfrust::Language>,
    pub(crate) size_bits: u32,
}

/// A piece's glyphs in the order harfrust gives them (visual), clusters
/// counted from the piece's first character.
type Glyphs = Box<[(GlyphInfo, GlyphPosition)]>;

/// Shaped pieces by their text with its neighbours, for each of: no
/// neighbour, one before, one after, both (a key alone cannot tell `b `
/// of the piece `b` from that of the spaces after a `b`).
type Pieces = [HashMap<Box<str>, Glyphs>; 4];

/// The thread's shaped pieces, by context.
#[derive(Default)]
pub(crate) struct Words {
    pieces: HashMap<Context, Pieces>,
    count: usize,
    /// The glyphs of the run being assembled.
    pub(crate) infos: Vec<GlyphInfo>,
    pub(crate) positions: Vec<GlyphPosition>,
    /// The glyphs of the run's pieces, and each piece's first character
    /// and glyphs there.
    scratch: Vec<(GlyphInfo, GlyphPosition)>,
    placed: Vec<(u32, Range<usize>)>,
}

/// A piece of a run: its bytes, and those of the piece with the character
/// on either side (within the run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) text: Range<usize>,
    pub(crate) with_neighbours: Range<usize>,
}

/// `text` cut into pieces: runs of spaces (U+0020) and runs of anything
/// else, each with its neighbouring characters.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = Piece> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    core::iter::from_fn(move || {
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

/// How the pieces of one run are shaped.
pub(crate) struct Shaping<'a> {
    pub(crate) context: Context,
    pub(crate) shaper: &'a harfrust::Shaper<'a>,
    pub(crate) plan: &'a harfrust::ShapePlan,
    pub(crate) direction: harfrust::Direction,
    pub(crate) size: f32,
}

impl Shaping<'_> {
    /// Shapes `text` between `pre` and `post` as upstream shapes a run.
    fn shape(
        &self,
        mut buffer: harfrust::UnicodeBuffer,
        text: &str,
        pre: &str,
        post: &str,
    ) -> harfrust::GlyphBuffer {
        buffer.clear();
        buffer.set_cluster_level(harfrust::BufferClusterLevel::MonotoneCharacters);
        buffer.reserve(text.len());
        for (i, ch) in (0_u32..).zip(text.chars()) {
            buffer.add(ch, i);
        }
        buffer.set_pre_context(pre);
        buffer.set_post_context(post);
        buffer.set_direction(self.direction);
        buffer.set_script(self.context.script);
        if let Some(lang) = &self.context.language {
            buffer.set_language(lang.clone());
        }
        self.shaper.shape(
            buffer,
            harfrust::ShapeOptions::new()
                .plan(Some(self.plan))
                .features(&[])
                .point_size(Some(self.size)),
        )
    }
}

impl Words {
    /// Shapes `run` (with `before` and `after` it in the paragraph) a piece
    /// at a time into [`Words::infos`] and [`Words::positions`], as harfrust
    /// shapes the whole run; `false` if a piece's glyphs cannot be told from
    /// its neighbours' (they then hold nothing useful).
    pub(crate) fn shape_run(
        &mut self,
        how: &Shaping<'_>,
        run: &str,
        (before, after): (&str, &str),
        buffer: &mut Option<harfrust::UnicodeBuffer>,
    ) -> bool {
        if self.count >= LIMIT {
            self.pieces.clear();
            self.count = 0;
        }
        // The context's pieces are taken out for the run and put back.
        let mut kept = self.pieces.remove(&how.context).unwrap_or_default();
        let shaped = self.shape_pieces(how, run, (before, after), buffer, &mut kept);
        self.pieces.insert(how.context.clone(), kept);
        if shaped {
            self.assemble(how.direction == harfrust::Direction::RightToLeft);
        }
        shaped
    }

    /// Shapes the pieces of `run` into `scratch`, through `kept`.
    fn shape_pieces(
        &mut self,
        how: &Shaping<'_>,
        run: &str,
        (before, after): (&str, &str),
        buffer: &mut Option<harfrust::UnicodeBuffer>,
        kept: &mut Pieces,
    ) -> bool {
        self.scratch.clear();
        self.placed.clear();
        let mut first_char = 0_u32;
        for piece in pieces(run) {
            let key = &run[piece.with_neighbours.clone()];
            let has_before = piece.with_neighbours.start < piece.text.start;
            let has_after = piece.with_neighbours.end > piece.text.end;
            let pre = if has_before { "" } else { before };
            let post = if has_after { "" } else { after };
            let chars = run[piece.text.clone()].chars().count() as u32;
            let start = self.scratch.len();
            let cached = pre.is_empty() && post.is_empty() && key.len() <= LONGEST;
            let map = &mut kept[usize::from(has_before) * 2 + usize::from(has_after)];
            if let Some(glyphs) = cached.then(|| map.get(key)).flatten() {
                self.scratch.extend_from_slice(glyphs);
                REUSED.with(|n| n.set(n.get() + 1));
            } else {
                let shaped = how.shape(buffer.take().unwrap_or_default(), key, pre, post);
                let own = own_glyphs(&shaped, has_before, has_after, chars, how.direction);
                if let Some(own) = own.clone() {
                    let skip = u32::from(has_before);
                    self.scratch.extend(
                        shaped.glyph_infos()[own.clone()]
                            .iter()
                            .zip(&shaped.glyph_positions()[own])
                            .map(|(info, pos)| {
                                let mut info = *info;
                                info.cluster -= skip;
                                (info, *pos)
                            }),
                    );
                }
                *buffer = Some(shaped.clear());
                if own.is_none() {
                    return false;
                }
                if cached {
                    self.count += 1;
                    map.insert(key.into(), self.scratch[start..].into());
                }
            }
            self.placed.push((first_char, start..self.scratch.len()));
            first_char += chars;
        }
        true
    }

    /// The run's glyphs from its pieces: in their order left to right, or
    /// the last piece first right to left (harfrust's visual order), each
    /// cluster counted from the run's first character.
    fn assemble(&mut self, rtl: bool) {
        self.infos.clear();
        self.positions.clear();
        let mut push = |first: u32, glyphs: &Range<usize>| {
            for (info, pos) in &self.scratch[glyphs.clone()] {
                let mut info = *info;
                info.cluster += first;
                self.infos.push(info);
                self.positions.push(*pos);
            }
        };
        if rtl {
            self.placed.iter().rev().for_each(|(f, g)| push(*f, g));
        } else {
            self.placed.iter().for_each(|(f, g)| push(*f, g));
        }
    }
}

/// The glyphs of the piece within `shaped` (the piece between its
/// neighbours), or `None` unless each neighbour gave exactly one glyph of
/// its own at its end of the output, and every other glyph is the piece's
/// with its first character among them (no lookup joined a neighbour and
/// the piece).
fn own_glyphs(
    shaped: &harfrust::GlyphBuffer,
    has_before: bool,
    has_after: bool,
    chars: u32,
    direction: harfrust::Direction,
) -> Option<Range<usize>> {
    let infos = shaped.glyph_infos();
    let first_own = u32::from(has_before);
    let after_cluster = first_own + chars;
    // harfrust's order is visual: right to left, the neighbour after the
    // piece comes first.
    let rtl = direction == harfrust::Direction::RightToLeft;
    let (left, right) = if rtl {
        ((has_after, after_cluster), (has_before, 0))
    } else {
        ((has_before, 0), (has_after, after_cluster))
    };
    let start = usize::from(left.0);
    let end = infos.len().checked_sub(usize::from(right.0))?;
    let inside = infos.get(start..end)?;
    let ends_ok =
        (!left.0 || infos[0].cluster == left.1) && (!right.0 || infos[end].cluster == right.1);
    let ok = ends_ok
        && inside
            .iter()
            .all(|i| (first_own..after_cluster).contains(&i.cluster))
        && (chars == 0 || inside.iter().any(|i| i.cluster == first_own));
    ok.then_some(start..end)
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
    }
}
