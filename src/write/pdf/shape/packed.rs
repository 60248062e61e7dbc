//! Glyphs as they wait to be drawn. Every glyph of a document is kept from
//! layout until its page is drawn (the footer of each page needs the page
//! count), so a line keeps its glyphs packed in one byte buffer, eight bytes
//! a glyph where a [`PlacedGlyph`] takes 28: each glyph holds only what the
//! PDF gets of it, in whole font units as the PDF writes them.
//!
//! A glyph is one 64-bit word of fixed fields (id, advance, its text as the
//! distance from the previous glyph's and its length), with its offsets in
//! four more bytes when it has any, and the rare glyph whose numbers do not
//! fit written whole after the word. Fixed fields are read without a branch
//! a byte: LEB128 numbers (four or five bytes a glyph) took a tenth of a
//! page's CPU to write and read back.

use std::ops::Range;

use super::PlacedGlyph;

/// A glyph as it is drawn: lengths in font units of its run's font.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph {
    /// Glyph id in its run's font.
    pub id: u32,
    /// Its advance plus the room after it (letter spacing, justification)
    /// up to the next glyph of the run.
    pub advance: i32,
    /// Horizontal offset from the pen position.
    pub dx: i32,
    /// Vertical offset (up).
    pub dy: i32,
    /// The text bytes of the cluster the glyph belongs to.
    pub text: Range<u32>,
}

impl Glyph {
    /// The text bytes of its cluster, as indexes into the paragraph's text.
    pub fn text_range(&self) -> Range<usize> {
        self.text.start as usize..self.text.end as usize
    }
}

/// Appends the glyphs of one run to `out`, each at its pen position moved
/// right by `offset`, lengths in whole units of `unit` points. Each
/// advance, and the room after it, are rounded separately, as the PDF has
/// always positioned them.
pub(super) fn pack(glyphs: &[PlacedGlyph], offset: f32, unit: f32, out: &mut Vec<u8>) {
    let per_unit = Divisor::of(unit);
    // Most offsets, and many gaps, are zero: nothing to round.
    let units = |x: f32| {
        if x == 0.0 {
            0.0
        } else {
            round(per_unit.divide(x))
        }
    };
    // Most gaps between glyphs are the float noise of adding advances up,
    // far below half a unit: they round to zero.
    let gap_units = |x: f32| {
        if x.abs() < unit * 0.49 {
            0.0
        } else {
            round(per_unit.divide(x))
        }
    };
    let mut prev_end = 0;
    for (i, g) in glyphs.iter().enumerate() {
        let x = g.x + offset;
        let own = units(g.advance);
        let after = glyphs
            .get(i + 1)
            .map_or(0.0, |next| gap_units(next.x + offset - x - g.advance));
        // Most glyphs sit on the pen: one test for both offsets.
        let (dx, dy) = if g.dx == 0.0 && g.dy == 0.0 {
            (0, 0)
        } else {
            (units(g.dx) as i32, units(g.dy) as i32)
        };
        push(
            out,
            &Glyph {
                id: g.id,
                advance: (own + after) as i32,
                dx,
                dy,
                text: g.text.clone(),
            },
            &mut prev_end,
        );
    }
}

/// Division by one number, many times over, as a multiplication by its
/// reciprocal: a division's latency held up every glyph packed and drawn.
#[derive(Clone, Copy)]
pub struct Divisor {
    reciprocal: f64,
}

impl Divisor {
    /// Dividing by `divisor` (a normal `f32`).
    pub fn of(divisor: f32) -> Divisor {
        Divisor {
            reciprocal: 1.0 / f64::from(divisor),
        }
    }

    /// `x / divisor`, to the bit as `f32` division rounds it, where the
    /// quotient is a normal `f32` (glyph lengths are). The `f64` product is
    /// within 2⁻⁵² of the true quotient, relatively, and a quotient of two
    /// `f32`s is never within 2⁻⁴⁹ of the midpoint between two `f32`s (nor
    /// on it), so both round to the same `f32`. The tests check it.
    #[inline]
    pub fn divide(&self, x: f32) -> f32 {
        (f64::from(x) * self.reciprocal) as f32
    }
}

/// `x` rounded half away from zero, as `f32::round`, without its library
/// call where the value is an `i32` (subtracting the whole part is exact).
fn round(x: f32) -> f32 {
    if x.abs() < 2.0e9 {
        let whole = x as i32;
        let rest = x - whole as f32;
        // Selected, not branched on: the halves fall as the text's
        // lengths do.
        (whole + i32::from(rest >= 0.5) - i32::from(rest <= -0.5)) as f32
    } else {
        x.round()
    }
}

/// A glyph's word: its id (bits 0–15), its advance (16–31, signed), its
/// text's start as the distance from the previous glyph's text end (32–47,
/// signed) and its text's length (48–55); bit 56 when its offsets follow
/// (two signed 16-bit numbers), bit 57 when none of that fits and the
/// glyph follows whole ([`WIDE`]).
const OFFSETS: u64 = 1 << 56;
/// The glyph follows the word in six 32-bit numbers: id, advance, text
/// start and end, offsets.
const WIDE: u64 = 1 << 57;
/// Bytes of a glyph's word.
const WORD: usize = 8;

/// Appends one glyph, its text start taken from `prev_end`.
pub(super) fn push(out: &mut Vec<u8>, g: &Glyph, prev_end: &mut u32) {
    let delta = i64::from(g.text.start) - i64::from(*prev_end);
    let len = i64::from(g.text.end) - i64::from(g.text.start);
    *prev_end = g.text.end;
    let (Ok(id), Ok(advance), Ok(delta), Ok(len), Ok(dx), Ok(dy)) = (
        u16::try_from(g.id),
        i16::try_from(g.advance),
        i16::try_from(delta),
        u8::try_from(len),
        i16::try_from(g.dx),
        i16::try_from(g.dy),
    ) else {
        return push_wide(out, g);
    };
    let offsets = dx != 0 || dy != 0;
    let word = u64::from(id)
        | u64::from(advance as u16) << 16
        | u64::from(delta as u16) << 32
        | u64::from(len) << 48
        | if offsets { OFFSETS } else { 0 };
    out.extend_from_slice(&word.to_le_bytes());
    if offsets {
        out.extend_from_slice(&dx.to_le_bytes());
        out.extend_from_slice(&dy.to_le_bytes());
    }
}

/// Appends a glyph whose numbers do not all fit its word.
#[cold]
fn push_wide(out: &mut Vec<u8>, g: &Glyph) {
    out.extend_from_slice(&WIDE.to_le_bytes());
    for n in [
        g.id,
        g.advance as u32,
        g.text.start,
        g.text.end,
        g.dx as u32,
        g.dy as u32,
    ] {
        out.extend_from_slice(&n.to_le_bytes());
    }
}

/// The glyphs packed in `bytes`, in order.
pub struct Glyphs<'a> {
    bytes: &'a [u8],
    prev_end: u32,
}

impl<'a> Glyphs<'a> {
    /// Reads the glyphs `pack` wrote to `bytes`.
    pub fn new(bytes: &'a [u8]) -> Glyphs<'a> {
        Glyphs { bytes, prev_end: 0 }
    }

    /// The next `N` bytes (zeros past the end, which `push` never leaves).
    fn take<const N: usize>(&mut self) -> [u8; N] {
        match self.bytes.split_first_chunk::<N>() {
            Some((chunk, rest)) => {
                self.bytes = rest;
                *chunk
            }
            None => {
                self.bytes = &[];
                [0; N]
            }
        }
    }

    /// A glyph written whole (see [`WIDE`]).
    #[cold]
    fn wide(&mut self) -> Glyph {
        let mut n = || u32::from_le_bytes(self.take::<4>());
        let (id, advance, start, end, dx, dy) = (n(), n(), n(), n(), n(), n());
        self.prev_end = end;
        Glyph {
            id,
            advance: advance as i32,
            dx: dx as i32,
            dy: dy as i32,
            text: start..end,
        }
    }
}

impl Iterator for Glyphs<'_> {
    type Item = Glyph;

    // Inlined, so that the glyph reaches its caller in registers: returned
    // through memory, reading it back stalled the drawing of every glyph.
    #[inline(always)]
    fn next(&mut self) -> Option<Glyph> {
        if self.bytes.len() < WORD {
            return None;
        }
        let word = u64::from_le_bytes(self.take::<WORD>());
        if word & WIDE != 0 {
            return Some(self.wide());
        }
        let start = self
            .prev_end
            .wrapping_add_signed(i32::from((word >> 32) as u16 as i16));
        let end = start.wrapping_add(u32::from((word >> 48) as u8));
        self.prev_end = end;
        let (dx, dy) = if word & OFFSETS != 0 {
            let [a, b, c, d] = self.take::<4>();
            (i16::from_le_bytes([a, b]), i16::from_le_bytes([c, d]))
        } else {
            (0, 0)
        };
        Some(Glyph {
            id: u32::from(word as u16),
            advance: i32::from((word >> 16) as u16 as i16),
            dx: i32::from(dx),
            dy: i32::from(dy),
            text: start..end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::PseudoRandom;
    use super::*;

    /// `x / d`, through `per` (dividing by `d`), is `f32` division's, to the bit.
    fn assert_divides_as_f32(per: &Divisor, x: f32, d: f32) {
        assert_eq!(per.divide(x).to_bits(), (x / d).to_bits(), "{x} / {d}");
    }

    #[test]
    fn font_units_divide_into_ems_as_f32_division_does() {
        let near = -300_000..=300_000;
        // Glyph numbers stay far below 2²⁴; a sparse sweep up to it.
        let far = (-(1 << 24)..=(1 << 24)).step_by(4_099);
        let units: Vec<f32> = near.chain(far).map(|u| u as f32).collect();
        for units_per_em in [
            1000.0f32, 2048.0, 1024.0, 2000.0, 4096.0, 256.0, 16.0, 1.0, 65535.0,
        ] {
            let per_em = Divisor::of(units_per_em);
            for &u in &units {
                assert_divides_as_f32(&per_em, u, units_per_em);
            }
        }
    }

    #[test]
    fn any_f32_divides_as_f32_division_does() {
        // A fixed pseudo-random sequence: any normal f32 of a wide range of
        // magnitudes (mantissas of every bit pattern), over any other.
        let mut random = PseudoRandom::new(0x9E37_79B9_7F4A_7C15);
        let mut float = || {
            let exponent = 127 - 30 + (random.bits() % 61);
            f32::from_bits((random.bits() & 0x807F_FFFF) | (exponent << 23))
        };
        for _ in 0..2_000_000 {
            let (x, d) = (float(), float());
            assert_divides_as_f32(&Divisor::of(d), x, d);
        }
        // Lengths as the packer divides them: points over a font unit.
        for size in [7.0f32, 8.0, 9.5, 10.0, 11.5, 12.0, 13.0, 14.0, 17.0] {
            for units_per_em in [1000.0f32, 2048.0] {
                let unit = size / units_per_em;
                let per_unit = Divisor::of(unit);
                for k in 0..200_000 {
                    assert_divides_as_f32(&per_unit, k as f32 * 0.003_17 - 300.0, unit);
                }
            }
        }
    }

    #[test]
    fn rounding_is_that_of_f32_round() {
        for x in [
            0.0f32,
            -0.0,
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            0.49999997,
            -0.49999997,
            1023.5,
            -1023.49,
            8388607.5,
            16777215.0,
            3.0e9,
            -3.0e9,
            1.0e-30,
        ] {
            assert_eq!(round(x), x.round(), "{x}");
        }
        for i in -100_000..100_000 {
            let x = i as f32 * 0.173;
            assert_eq!(round(x), x.round(), "{x}");
        }
    }

    #[test]
    fn glyphs_read_back_as_packed() {
        let glyphs = [
            Glyph {
                id: 70_000,
                advance: -3,
                dx: 0,
                dy: 0,
                text: 5..9,
            },
            Glyph {
                id: 3,
                advance: 1_000_000,
                dx: -120,
                dy: 40,
                text: 2..3,
            },
            Glyph {
                id: 0,
                advance: i32::MIN,
                dx: i32::MAX,
                dy: 0,
                text: u32::MAX - 1..u32::MAX,
            },
        ];
        // Lengths of none to four bytes, and a cluster of two glyphs (the
        // second starts before the first ends); the first three are wide.
        let lengths = (0..5).map(|len| Glyph {
            id: 40 + len,
            advance: 500,
            dx: 0,
            dy: 0,
            text: 10..10 + len,
        });
        let cluster = [3, 4].map(|id| Glyph {
            id,
            advance: 0,
            dx: 0,
            dy: -7,
            text: 20..23,
        });
        // A cluster of text longer than a length field, and a text far behind.
        let far = [(30..330), (7..8)].map(|text| Glyph {
            id: 9,
            advance: 12,
            dx: 1,
            dy: 0,
            text,
        });
        let glyphs: Vec<Glyph> = (glyphs.into_iter().chain(lengths).chain(cluster))
            .chain(far)
            .collect();
        let mut bytes = Vec::new();
        let mut prev_end = 0;
        for g in &glyphs {
            push(&mut bytes, g, &mut prev_end);
        }
        assert_eq!(Glyphs::new(&bytes).collect::<Vec<_>>(), glyphs);
    }

    #[test]
    fn a_latin_glyph_takes_eight_bytes() {
        let placed: Vec<PlacedGlyph> = (0..100)
            .map(|i| PlacedGlyph {
                id: 68 + i % 26,
                x: i as f32 * 5.0,
                dx: 0.0,
                dy: 0.0,
                advance: 5.0,
                text: i..i + 1,
            })
            .collect();
        let mut bytes = Vec::new();
        pack(&placed, 0.0, 10.0 / 2048.0, &mut bytes);
        // One word a glyph: no offsets, every number fits.
        assert_eq!(bytes.len(), 800);
        let read: Vec<Glyph> = Glyphs::new(&bytes).collect();
        assert_eq!(read.len(), 100);
        assert!(read.iter().all(|g| g.advance == 1024));
    }

    #[test]
    fn gaps_round_as_their_units_whether_noise_or_room() {
        // A unit of 0.01: gaps of float noise, of just under and just over
        // half a unit, of a unit and a half, and of room to the left.
        let unit = 0.01;
        let gaps = [1.0e-6, -2.0e-6, 0.0049, 0.0051, 0.015, -0.0051];
        let mut x = 0.0;
        let placed: Vec<PlacedGlyph> = (0..=gaps.len())
            .map(|i| {
                let g = PlacedGlyph {
                    id: 1,
                    x,
                    dx: 0.0,
                    dy: 0.0,
                    advance: 0.5,
                    text: i as u32..i as u32 + 1,
                };
                x += 0.5 + gaps.get(i).copied().unwrap_or(0.0);
                g
            })
            .collect();
        let mut bytes = Vec::new();
        pack(&placed, 0.25, unit, &mut bytes);
        let advances: Vec<i32> = Glyphs::new(&bytes).map(|g| g.advance).collect();
        // Each advance is its own 50 units and its gap rounded on its own,
        // as `f32::round` of the gap in units gives it.
        let expected: Vec<i32> = placed
            .windows(2)
            .map(|w| 50 + ((w[1].x + 0.25 - (w[0].x + 0.25) - 0.5) / unit).round() as i32)
            .chain([50])
            .collect();
        assert_eq!(advances, expected);
        assert_eq!(&advances[..2], &[50, 50]);
        assert_eq!(advances[3], 51);
        assert_eq!(advances[5], 49);
    }
}
