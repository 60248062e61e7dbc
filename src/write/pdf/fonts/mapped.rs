//! Which code points a font set maps, one bit each, and a scan of a text
//! for the characters that need a glyph it does not map. The scan reads
//! UTF-8 by its lead bytes: a lead byte all of whose code points are mapped
//! or need no glyph (basic Cyrillic, part of Arabic, most ideographs) is passed
//! over like ASCII and continuation bytes, eight bytes at a time. A word
//! with another byte is read character by character, for a few words, and
//! a character of two or three bytes is looked up in the map straight from
//! its bytes; only four-byte and unmapped characters are decoded in full.

use parley::fontique::Blob;
use skrifa::MetadataProvider;

/// One bit per Unicode code point: whether some face of the set maps it.
pub(super) struct Coverage {
    bits: Vec<u64>,
    /// For each byte, 1 when a word holding it is read character by
    /// character: a lead byte some of whose code points are neither mapped
    /// nor without a glyph. 0 for ASCII (every face has it, and its
    /// controls need no glyph), continuation bytes and the lead bytes whose
    /// every code point is mapped or needs no glyph. Eight bytes are tested
    /// together by or-ing these.
    needs_look: [u8; 256],
    /// One bit for each code point below U+0800 (one or two bytes of
    /// UTF-8): set when the scan passes it, mapped or needing no glyph.
    /// A fixed-size array: a lead byte's five bits index it with no bounds
    /// to check.
    below_0800: [u64; 32],
}

/// Characters drawn without a glyph of their own: controls, soft hyphens,
/// joiners, marks of direction, variation selectors.
pub fn needs_no_glyph(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// How many bytes of ASCII the scan passes over at once: one machine word.
const CHUNK: usize = 8;

/// How many bytes the scan reads character by character once a word has
/// something to look up. Text with one such character mostly has more:
/// Arabic words (lead byte 0xD8 has unmapped code points) and Chinese
/// (0xE4 has), where trying whole words again after each word failed
/// nearly every time. callgrind, the coverage scan of 17 Arabic and 17
/// Chinese generated reports: 8 bytes 30.6 M and 10.9 M instructions,
/// 32 bytes 20.4 M and 8.7 M, 128 bytes 18.2 M and 7.5 M; the DGACM Word
/// files, in English with curly quotes, +4 % at 32 and +7 % at 128.
const SLOW_RUN: usize = 4 * CHUNK;

/// The high bit of each of eight bytes: set in a word only if one of its
/// bytes is not ASCII.
const NOT_ASCII: u64 = 0x8080_8080_8080_8080;

impl Coverage {
    /// The code points the character maps of `fonts` (bytes and face
    /// index) map.
    pub(super) fn of<'a>(fonts: impl IntoIterator<Item = (&'a Blob<u8>, u32)>) -> Coverage {
        let mut bits = vec![0u64; (char::MAX as usize + 1).div_ceil(64)];
        // The faces of a family often share one character map (the
        // ideographs' 31,000 codes are in both weights): each map is read
        // once. Its mappings depend on `cmap` and on the glyph count.
        let mut read: Vec<[&[u8]; 2]> = Vec::new();
        for (blob, index) in fonts {
            let Ok(font) = skrifa::FontRef::from_index(blob.data(), index) else {
                continue;
            };
            let tables = [b"cmap", b"maxp"].map(|tag| {
                font.table_data(skrifa::Tag::new(tag))
                    .map_or(&[][..], |data| data.as_bytes())
            });
            if read.contains(&tables) {
                continue;
            }
            read.push(tables);
            for (code, _) in font.charmap().mappings() {
                if let Some(word) = bits.get_mut(code as usize / 64) {
                    *word |= 1 << (code % 64);
                }
            }
        }
        Coverage::from_bits(bits)
    }

    /// The coverage of the code points set in `bits`.
    fn from_bits(bits: Vec<u64>) -> Coverage {
        let mut below_0800 = [0u64; 32];
        for code in 0..0x800u32 {
            let passes = code < 0x80
                || bits[code as usize / 64] & (1 << (code % 64)) != 0
                || char::from_u32(code).is_some_and(needs_no_glyph);
            below_0800[code as usize / 64] |= u64::from(passes) << (code % 64);
        }
        let mut coverage = Coverage {
            bits,
            needs_look: [0; 256],
            below_0800,
        };
        for lead in 0xC0..=0xFF_u8 {
            let blocks = lead_blocks(lead);
            let whole = !blocks.is_empty() && blocks.into_iter().all(|b| coverage.passes_block(b));
            coverage.needs_look[usize::from(lead)] = u8::from(!whole);
        }
        coverage
    }

    /// Whether some face maps `c`.
    pub(super) fn covers(&self, c: char) -> bool {
        self.maps(c as usize)
    }

    /// Whether every code point of `block` (a code point shifted right by
    /// six) is mapped or needs no glyph.
    fn passes_block(&self, block: usize) -> bool {
        let Some(&word) = self.bits.get(block) else {
            return false;
        };
        word == u64::MAX
            || (0..64).all(|k| {
                let code = (block << 6 | k) as u32;
                word & (1 << k) != 0 || char::from_u32(code).is_none_or(needs_no_glyph)
            })
    }

    /// The non-ASCII characters of `text` that need a glyph and that no
    /// face maps, with their byte offsets, in order.
    pub(super) fn uncovered<'t>(&'t self, text: &'t str) -> Uncovered<'t> {
        Uncovered {
            coverage: self,
            text,
            at: 0,
        }
    }

    /// How many bytes at the start of `bytes` are whole words with nothing
    /// to look up: ASCII, continuation bytes and lead bytes passed whole.
    #[inline]
    fn passed_words(&self, bytes: &[u8]) -> usize {
        let mut rest = bytes;
        while let Some((chunk, tail)) = rest.split_first_chunk::<CHUNK>() {
            if u64::from_le_bytes(*chunk) & NOT_ASCII != 0 && self.any_needs_look(chunk) {
                break;
            }
            rest = tail;
        }
        bytes.len() - rest.len()
    }

    /// Whether one of `bytes` needs a look at the map.
    #[inline]
    fn any_needs_look(&self, bytes: &[u8; CHUNK]) -> bool {
        bytes
            .iter()
            .fold(0, |any, &b| any | self.needs_look[usize::from(b)])
            != 0
    }

    /// Whether `bytes[at]` starts a two-byte character (Latin, Greek,
    /// Cyrillic, Arabic …) that the scan passes, read straight from its
    /// bytes without the checks of a general decoder (the text is known to
    /// be UTF-8) and looked up in `below_0800`, where the characters that
    /// need no glyph are set too.
    #[inline]
    fn passes_two_bytes(&self, bytes: &[u8], at: usize) -> bool {
        let (Some(&lead @ 0xC0..=0xDF), Some(&second)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        let code = usize::from(lead & 0x1F) << 6 | usize::from(second & 0x3F);
        self.below_0800[code / 64] & (1 << (code % 64)) != 0
    }

    /// Whether `bytes[at]` starts a three-byte character (ideographs,
    /// punctuation, presentation forms) that some face maps, read as
    /// [`passes_two_bytes`](Self::passes_two_bytes) reads its own. Such a
    /// character that needs no glyph, and four-byte and unmapped ones, are
    /// decoded in full.
    #[inline]
    fn maps_three_bytes(&self, bytes: &[u8], at: usize) -> bool {
        let (Some(&lead @ 0xE0..=0xEF), Some(&second), Some(&third)) =
            (bytes.get(at), bytes.get(at + 1), bytes.get(at + 2))
        else {
            return false;
        };
        let low = |b: u8| usize::from(b & 0x3F);
        self.maps(usize::from(lead & 0x0F) << 12 | low(second) << 6 | low(third))
    }

    /// Whether some face maps code point `code`.
    #[inline]
    fn maps(&self, code: usize) -> bool {
        self.bits
            .get(code / 64)
            .is_some_and(|word| word & (1 << (code % 64)) != 0)
    }
}

/// The blocks of 64 code points (a code point shifted right by six) the
/// UTF-8 sequences that start with `lead` can encode: none for a byte no
/// sequence starts with, and all of a four-byte lead's (too many to be
/// worth knowing: they are looked at one by one).
fn lead_blocks(lead: u8) -> std::ops::Range<usize> {
    let high = usize::from(lead & 0x0F) << 6;
    match lead {
        0xC2..=0xDF => usize::from(lead & 0x1F)..usize::from(lead & 0x1F) + 1,
        0xE0 => 0x20..0x40,
        0xE1..=0xEC | 0xEE | 0xEF => high..high + 0x40,
        0xED => high..high + 0x20,
        _ => 0..0,
    }
}

/// The scan behind [`Coverage::uncovered`].
pub struct Uncovered<'t> {
    coverage: &'t Coverage,
    text: &'t str,
    /// Where the scan goes on: a character's first byte.
    at: usize,
}

impl Iterator for Uncovered<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        while at < bytes.len() {
            at += self.coverage.passed_words(&bytes[at..]);
            // Character by character for a few words, then whole words
            // are tried again.
            let end = (at + SLOW_RUN).min(bytes.len());
            while at < end {
                let start = at;
                // One branch on the character's length, then its lookup,
                // nearly always a pass: a branch on whether the lead byte
                // is passed whole went either way letter by letter in
                // Arabic words (0xD8 is not, 0xD9 is). callgrind's branch
                // simulation, 100 generated reports: the scan's mispredicted
                // branches 875,000 -> 514,000 for 8 M more instructions;
                // CPU of validating the Arabic and Chinese ones -5 %.
                let passed = match bytes[start] {
                    // ASCII, or the rest of a character passed whole.
                    0x00..=0xBF => 1,
                    0xC0..=0xDF if self.coverage.passes_two_bytes(bytes, start) => 2,
                    0xE0..=0xEF if self.coverage.maps_three_bytes(bytes, start) => 3,
                    _ => 0,
                };
                if passed != 0 {
                    at += passed;
                    continue;
                }
                let c = self.text[start..].chars().next()?;
                at += c.len_utf8();
                if !self.coverage.covers(c) && !needs_no_glyph(c) {
                    self.at = at;
                    return Some((start, c));
                }
            }
        }
        self.at = at;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A coverage of exactly `codes`.
    fn covering(codes: impl IntoIterator<Item = u32>) -> Coverage {
        let mut bits = vec![0u64; (char::MAX as usize + 1).div_ceil(64)];
        for code in codes {
            bits[code as usize / 64] |= 1 << (code % 64);
        }
        Coverage::from_bits(bits)
    }

    /// What a character-by-character scan finds.
    fn decoded(coverage: &Coverage, text: &str) -> Vec<(usize, char)> {
        text.char_indices()
            .filter(|&(_, c)| !c.is_ascii() && !coverage.covers(c) && !needs_no_glyph(c))
            .collect()
    }

    #[test]
    fn the_scan_finds_what_decoding_every_character_finds() {
        // Whole blocks (Cyrillic 0x400–0x43F, ideographs 0x4E00–0x4E3F),
        // part of a block (Arabic 0x620–0x63A), one supplementary ideograph.
        let coverage = covering(
            (0x400..0x440)
                .chain(0x4E00..0x4E40)
                .chain(0x620..0x63B)
                .chain([0x20000]),
        );
        let texts = [
            "",
            "plain ASCII, longer than eight bytes",
            "Отчёт Генерального секретаря ѣ",
            "الأمين العام ۝ text",
            "一丁七万丈三上下不与 and 书 (0x4E66) 丂",
            "𠀀 and 𠀁, 😀",
            "é",
            "abcdefgé",
            "abcdefghé",
            // Back to whole words after a run read character by character.
            "ب then plain ASCII for longer than the scan reads one by one ѣ then 书 and 丂",
            "\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        ];
        for text in texts {
            let found: Vec<_> = coverage.uncovered(text).collect();
            assert_eq!(found, decoded(&coverage, text), "{text:?}");
        }
        let found: Vec<char> = coverage
            .uncovered("Ожё ѣ 书 丂 😀")
            .map(|(_, c)| c)
            .collect();
        assert_eq!(found, ['ё', 'ѣ', '书', '😀']);
    }

    #[test]
    fn the_scan_agrees_with_decoding_on_random_text() {
        // Lead bytes D0 (U+0400–U+043F) and E5 (U+5000–U+5FFF) are mapped
        // whole, others in part.
        let coverage = covering((0x400..0x440).chain(0x4E00..0x6000).chain(0x621..0x64B));
        let look = |b: u8| coverage.needs_look[usize::from(b)];
        assert_eq!([look(0xD0), look(0xE5), look(b'a'), look(0x80)], [0; 4]);
        assert_eq!([look(0xD1), look(0xE6), look(0xF0), look(0xF8)], [1; 4]);
        // Soft hyphens and Greek's unmapped question mark (U+037E) test
        // the two-byte table; texts of up to 120 characters, runs longer
        // than the scan reads character by character.
        let pool: Vec<char> =
            "abc .,\u{A0}\u{AD}\u{37E}éёѣЖжءاب٣۝一书丂們忘我\u{3000}\u{FFFD}𠀀😀\u{10FFFF}"
                .chars()
                .collect();
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..state % 120 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(pool[(state % pool.len() as u64) as usize]);
            }
            let found: Vec<_> = coverage.uncovered(&text).collect();
            assert_eq!(found, decoded(&coverage, &text), "{text:?}");
        }
    }

    #[test]
    fn a_map_shared_by_faces_is_read_once_and_covers_the_same() {
        let set = crate::write::pdf::fonts::FontSet::bundled();
        let mut every = vec![0u64; (char::MAX as usize + 1).div_ceil(64)];
        for face in &set.faces {
            let blob = set
                .blobs
                .iter()
                .find(|b| b.id() == face.blob_id)
                .expect("blob");
            let font = skrifa::FontRef::from_index(blob.data(), face.index).expect("face");
            for (code, _) in font.charmap().mappings() {
                every[code as usize / 64] |= 1 << (code % 64);
            }
        }
        assert_eq!(set.coverage().bits, every);
        assert!(set.covers('中') && set.covers('ж') && set.covers('ب'));
    }
}
