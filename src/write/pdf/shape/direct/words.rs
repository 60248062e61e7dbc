//! Words shaped once: a run of text cut at its spaces, each piece shaped
//! with the character on either side of it and kept by the thread.
//! Chinese has no spaces: there each ideograph the face shapes alone
//! ([`super::alone`]) is a piece of its own, kept with no neighbours, and
//! the piece beside it is kept without it (no lookup reads it).
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

use std::hash::BuildHasher;
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

/// The glyph id of a character a ligature holds: the glyph of the
/// cluster's first character is the ligature's, with its advance (glyph
/// ids are below 65,536).
pub(super) const JOINED: u32 = u32::MAX;

/// What a piece's shaping depends on besides its text and neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Context {
    pub(super) face: u16,
    pub(super) script: Script,
    pub(super) lang: Lang,
    pub(super) size_bits: u32,
    pub(super) rtl: bool,
    /// The piece has a character of the run before it, after it.
    pub(super) before: bool,
    pub(super) after: bool,
    /// Bytes of the run's context before and after the piece that its key
    /// holds (a piece at an end of its run is shaped with them).
    pub(super) context_before: u8,
    pub(super) context_after: u8,
}

/// Pieces longer than this (bytes, neighbours included) are shaped each
/// time: a whole sentence of Chinese, a checksum, rarely seen twice.
pub(super) const LONGEST: usize = 64;

/// Pieces kept before the cache starts afresh. A word of six letters with
/// its neighbours takes about 110 bytes (its record's 2, its key's 8 and
/// its glyphs' 96, and its place in the table), and the buffers grow by
/// doubling: some 2–4 MB a thread at most (the 100 generated documents of
/// `bench/compare.sh` keep under 10,000 a thread).
const LIMIT: usize = 20_000;

/// The thread's shaped pieces, by context.
#[derive(Default)]
pub(super) struct Words {
    pieces: HashMap<Context, Pieces>,
    /// The glyphs of characters shaped alone, by context: at most as many
    /// a context as the face maps ideographs (27,584 for Noto Serif SC).
    alone: HashMap<Context, Alone>,
    count: usize,
    /// Hashes the pieces' texts: foldhash, fast, and seeded per process,
    /// as the texts come from the input.
    hasher: foldhash::fast::RandomState,
}

impl Words {
    /// Appends the glyphs of `key` (the piece with its neighbours) in
    /// `context` to `out`; `false` if they are not kept.
    pub(super) fn extend(&self, context: &Context, key: &str, out: &mut Vec<Shaped>) -> bool {
        let Some(pieces) = self.pieces.get(context) else {
            return false;
        };
        let key = key.as_bytes();
        match pieces.find(self.hasher.hash_one(key), key) {
            Some(at) => {
                out.extend(pieces.glyphs(at));
                true
            }
            None => false,
        }
    }

    /// Keeps the glyphs of `key` in `context` (a piece longer than
    /// [`LONGEST`] is not kept).
    pub(super) fn insert(&mut self, context: Context, key: &str, glyphs: &[Shaped]) {
        if key.len() > LONGEST || glyphs.len() > LONGEST {
            return;
        }
        if self.count >= LIMIT {
            self.pieces.clear();
            self.count = 0;
        }
        let key = key.as_bytes();
        let hash = self.hasher.hash_one(key);
        let pieces = self.pieces.entry(context).or_default();
        if pieces.find(hash, key).is_none() {
            pieces.insert(hash, key, glyphs, &self.hasher);
            self.count += 1;
        }
    }
}

/// The glyphs of characters shaped alone in one context.
pub(super) type Alone = HashMap<char, Shaped>;

/// Characters shaped alone kept before the thread starts afresh: about
/// 30 bytes each, some 3 MB (a Chinese report uses 2,000–3,000
/// ideographs, in a few sizes and weights).
const ALONE_LIMIT: usize = 100_000;

impl Words {
    /// The characters kept alone in `context`, taken out while a run is
    /// shaped (and shaping a new one needs the shaper); [`Words::put_alone`]
    /// puts them back.
    pub(super) fn take_alone(&mut self, context: &Context) -> Alone {
        self.alone.remove(context).unwrap_or_default()
    }

    /// Puts back what [`Words::take_alone`] took, starting afresh when
    /// the contexts' characters together would pass [`ALONE_LIMIT`].
    pub(super) fn put_alone(&mut self, context: Context, alone: Alone) {
        if alone.is_empty() {
            return;
        }
        let kept: usize = self.alone.values().map(HashMap::len).sum();
        if kept + alone.len() > ALONE_LIMIT {
            self.alone.clear();
        }
        self.alone.insert(context, alone);
    }
}

/// The pieces of one context, each a record in one buffer: its key's
/// length, its glyph count, its key, its glyphs. A table of the records'
/// offsets finds them. A lookup reads a small table and one record, where
/// a map of boxed keys and glyphs read a large bucket, then a key and the
/// glyphs from wherever each was allocated.
#[derive(Default)]
struct Pieces {
    records: hashbrown::HashTable<u32>,
    bytes: Vec<u8>,
}

/// A glyph's bytes in a record: id, offsets and advance, four bytes each.
const GLYPH_BYTES: usize = 16;

impl Pieces {
    /// The offset of the record of `key`, whose hash is `hash`.
    fn find(&self, hash: u64, key: &[u8]) -> Option<u32> {
        self.records
            .find(hash, |&at| record_key(&self.bytes, at) == key)
            .copied()
    }

    /// The glyphs of the record at `at`.
    fn glyphs(&self, at: u32) -> impl Iterator<Item = Shaped> + '_ {
        let at = at as usize;
        let (key_len, count) = (usize::from(self.bytes[at]), usize::from(self.bytes[at + 1]));
        let start = at + 2 + key_len;
        self.bytes[start..start + count * GLYPH_BYTES]
            .chunks_exact(GLYPH_BYTES)
            .map(|g| {
                let number = |i: usize| {
                    i32::from_le_bytes([g[i * 4], g[i * 4 + 1], g[i * 4 + 2], g[i * 4 + 3]])
                };
                Shaped {
                    id: number(0) as u32,
                    x_offset: number(1),
                    y_offset: number(2),
                    x_advance: number(3),
                }
            })
    }

    /// Adds the record of `key` (at most 255 bytes, as `glyphs` at most
    /// 255 glyphs), whose hash under `hasher` is `hash`.
    fn insert(
        &mut self,
        hash: u64,
        key: &[u8],
        glyphs: &[Shaped],
        hasher: &foldhash::fast::RandomState,
    ) {
        let (Ok(key_len), Ok(count), Ok(at)) = (
            u8::try_from(key.len()),
            u8::try_from(glyphs.len()),
            u32::try_from(self.bytes.len()),
        ) else {
            return;
        };
        self.bytes.extend_from_slice(&[key_len, count]);
        self.bytes.extend_from_slice(key);
        for g in glyphs {
            for number in [g.id as i32, g.x_offset, g.y_offset, g.x_advance] {
                self.bytes.extend_from_slice(&number.to_le_bytes());
            }
        }
        let bytes = &self.bytes;
        self.records
            .insert_unique(hash, at, |&at| hasher.hash_one(record_key(bytes, at)));
    }
}

/// The key of the record at `at` in `bytes`.
fn record_key(bytes: &[u8], at: u32) -> &[u8] {
    let at = at as usize;
    let len = usize::from(bytes[at]);
    &bytes[at + 2..at + 2 + len]
}

/// A piece of a run: its bytes, and those of the piece with the
/// character on either side (within the run); a character shaped alone
/// has no neighbours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) text: Range<usize>,
    pub(super) with_neighbours: Range<usize>,
    pub(super) alone: bool,
}

/// `text` cut into pieces: runs of spaces (U+0020), characters that
/// `alone` (given the character after, `after` the run's end) lets be
/// shaped alone, and runs of anything else, each with its neighbouring
/// characters but those shaped alone.
pub(super) fn pieces<'a, A>(
    text: &'a str,
    after: Option<char>,
    alone: Option<A>,
) -> impl Iterator<Item = Piece> + 'a
where
    A: Fn(char, Option<char>) -> bool + 'a,
{
    let bytes = text.as_bytes();
    let mut start = 0;
    let some_alone = alone.is_some();
    // The length of the character at a byte offset if it is shaped alone.
    let alone_at = move |at: usize| {
        let alone = alone.as_ref()?;
        let mut chars = text[at..].chars();
        let c = chars.next()?;
        let next = chars.next().or(after);
        alone(c, next).then_some(c.len_utf8())
    };
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        if let Some(len) = alone_at(start) {
            let piece = Piece {
                text: start..start + len,
                with_neighbours: start..start + len,
                alone: true,
            };
            start += len;
            return Some(piece);
        }
        let space = bytes[start] == b' ';
        let mut end = bytes[start..]
            .iter()
            .position(|&b| (b == b' ') != space)
            .map_or(bytes.len(), |n| start + n);
        if !space && some_alone {
            end = text[start..end]
                .char_indices()
                .skip(1)
                .find(|&(at, _)| alone_at(start + at).is_some())
                .map_or(end, |(at, _)| start + at);
        }
        // A neighbour shaped alone is read by no lookup: it changes
        // nothing, so the piece is kept without it.
        let before = text[..start].chars().next_back().map_or(0, char::len_utf8);
        let before = match before > 0 && alone_at(start - before).is_some() {
            true => 0,
            false => before,
        };
        let after = match alone_at(end) {
            Some(_) => 0,
            None => text[end..].chars().next().map_or(0, char::len_utf8),
        };
        let piece = Piece {
            text: start..end,
            with_neighbours: start - before..end + after,
            alone: false,
        };
        start = end;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No character is shaped alone.
    const NEVER: Option<fn(char, Option<char>) -> bool> = None;

    /// A glyph with no offsets.
    fn plain_glyph(id: u32, x_advance: i32) -> Shaped {
        Shaped {
            id,
            x_offset: 0,
            y_offset: 0,
            x_advance,
        }
    }

    /// The context of face 0 at `size`, left to right, with no neighbours.
    fn context_of(script: Script, lang: Lang, size: f32) -> Context {
        Context {
            face: 0,
            script,
            lang,
            size_bits: size.to_bits(),
            rtl: false,
            before: false,
            after: false,
            context_before: 0,
            context_after: 0,
        }
    }

    #[test]
    fn a_run_is_cut_at_its_spaces_with_a_neighbour_on_each_side() {
        let text = "Le  Conseil é";
        let cut: Vec<(&str, &str)> = pieces(text, None, NEVER)
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
        assert_eq!(pieces("", None, Some(|_, _| true)).count(), 0);
        let one: Vec<Piece> = pieces(" ", None, NEVER).collect();
        assert_eq!(
            one,
            [Piece {
                text: 0..1,
                with_neighbours: 0..1,
                alone: false
            }]
        );
    }

    #[test]
    fn a_character_shaped_alone_is_a_piece_of_its_own() {
        // Every ideograph but 会 alone, unless a variation selector follows
        // (after the run, here).
        let alone = |c: char, next: Option<char>| {
            c != '会' && ('\u{4E00}'..='\u{9FFF}').contains(&c) && next != Some('\u{FE00}')
        };
        let text = "大会通过了A/1号决议";
        let cut: Vec<(&str, &str, bool)> = pieces(text, Some('\u{FE00}'), Some(alone))
            .map(|p| (&text[p.text], &text[p.with_neighbours], p.alone))
            .collect();
        assert_eq!(
            cut,
            [
                ("大", "大", true),
                ("会", "会", false),
                ("通", "通", true),
                ("过", "过", true),
                ("了", "了", true),
                ("A/1", "A/1", false),
                ("号", "号", true),
                ("决", "决", true),
                ("议", "议", false),
            ]
        );
    }

    #[test]
    fn characters_kept_alone_are_put_back_and_start_afresh_past_the_limit() {
        let context = |size: f32| context_of(Script::Han, Lang::Zh, size);
        let glyph = plain_glyph(1, 1000);
        let mut words = Words::default();
        let mut kept = words.take_alone(&context(10.0));
        assert!(kept.is_empty());
        kept.insert('中', glyph);
        words.put_alone(context(10.0), kept);
        assert_eq!(words.take_alone(&context(10.0)).get(&'中'), Some(&glyph));
        // Taken out, it is no longer there; an empty map is not kept.
        assert!(words.take_alone(&context(10.0)).is_empty());
        words.put_alone(context(10.0), Alone::default());
        assert!(words.alone.is_empty());
        // Contexts fill up to the limit, then the cache starts afresh.
        let many: Alone = ('\u{3400}'..='\u{FFFF}')
            .take(40_000)
            .map(|c| (c, glyph))
            .collect();
        assert_eq!(many.len(), 40_000);
        words.put_alone(context(9.0), many.clone());
        words.put_alone(context(10.0), many.clone());
        assert_eq!(words.alone.len(), 2);
        words.put_alone(context(11.0), many);
        assert_eq!(words.alone.len(), 1, "started afresh");
        assert_eq!(words.take_alone(&context(11.0)).len(), 40_000);
    }

    #[test]
    fn the_cache_keeps_pieces_by_context_and_starts_afresh_when_full() {
        let context = Context {
            before: true,
            ..context_of(Script::Latin, Lang::En, 10.0)
        };
        let glyph = plain_glyph(7, 500);
        let mut words = Words::default();
        let get = |words: &Words, context: &Context, key: &str| {
            let mut out = Vec::new();
            words.extend(context, key, &mut out).then_some(out)
        };
        words.insert(context, " a", &[glyph]);
        assert_eq!(get(&words, &context, " a"), Some(vec![glyph]));
        let other = Context {
            after: true,
            ..context
        };
        assert_eq!(get(&words, &other, " a"), None);
        for i in 0..LIMIT {
            words.insert(context, &format!("w{i}"), &[glyph]);
        }
        assert_eq!(get(&words, &context, " a"), None, "cleared at the limit");
        assert!(get(&words, &context, &format!("w{}", LIMIT - 1)).is_some());
    }

    #[test]
    fn pieces_give_back_the_glyphs_kept_whatever_the_numbers() {
        let context = Context {
            face: 1,
            script: Script::Cyrillic,
            lang: Lang::Ru,
            size_bits: 11f32.to_bits(),
            rtl: true,
            before: false,
            after: true,
            context_before: 0,
            context_after: 0,
        };
        let glyph = |n: i32| Shaped {
            id: n.unsigned_abs() * 7919,
            x_offset: -n,
            y_offset: n * 3 - 40,
            // The extremes of an `i32`, to check every byte comes back.
            x_advance: if n % 2 == 0 {
                i32::MAX - n.abs()
            } else {
                i32::MIN + n.abs()
            },
        };
        let mut words = Words::default();
        let keys: Vec<String> = (0..2_000).map(|i| format!("слово{i} ")).collect();
        for (i, key) in keys.iter().enumerate() {
            let glyphs: Vec<Shaped> = (0..(i % 40) as i32).map(glyph).collect();
            words.insert(context, key, &glyphs);
            // Kept once: the same piece again changes nothing.
            words.insert(context, key, &[glyph(-1)]);
        }
        assert_eq!(words.count, keys.len());
        for (i, key) in keys.iter().enumerate() {
            let mut out = vec![glyph(99)];
            assert!(words.extend(&context, key, &mut out), "{key}");
            let want: Vec<Shaped> = [99]
                .into_iter()
                .chain(0..(i % 40) as i32)
                .map(glyph)
                .collect();
            assert_eq!(out, want, "{key}");
        }
        let mut out = Vec::new();
        assert!(!words.extend(&context, "слово", &mut out));
        assert!(out.is_empty());
        // Too long to keep: left out, not cut.
        let long = "x".repeat(LONGEST + 1);
        words.insert(context, &long, &[glyph(1)]);
        assert!(!words.extend(&context, &long, &mut out));
    }
}
