//! Ideographs a face shapes the same whatever stands beside them.
//!
//! Chinese has no spaces, so the words cache ([`super::words`]) saw each
//! Chinese run as one piece, rarely met twice, and harfrust shaped every
//! run. An ideograph whose glyph no lookup of the face reads in context
//! can be shaped alone and kept once for the whole thread. This module
//! proves that from the face's own tables, so no face is trusted
//! blindly:
//!
//! - a glyph is *reached* when a lookup that depends on context names it:
//!   a ligature (first glyph or component), a multiple substitution, any
//!   coverage of a contextual lookup, a kerning pair (either side), a
//!   cursive attachment, or a mark attachment (mark or base);
//! - single and alternate substitutions and single adjustments depend on
//!   the glyph alone, but what they turn a glyph into must not be reached
//!   either (`locl` may make one ideograph another);
//! - a glyph GDEF calls a ligature or a mark is reached, as lookups skip
//!   such glyphs;
//! - a face whose tables this reading does not understand in full
//!   (contextual lookups by glyph or by class, where class 0 matches every
//!   glyph; a lookup that skips base glyphs; legacy `kern`, AAT `morx` or
//!   `kerx`, which harfrust also applies) has no ideograph alone.
//!
//! The character after an ideograph can still change it (a variation
//! selector picks another glyph through the `cmap`); the caller cuts an
//! ideograph off only before characters that cannot ([`stays_apart`]).

use skrifa::MetadataProvider;
use skrifa::raw::tables::gpos::{PairPos, PositionLookup, PositionSubtables, ValueRecord};
use skrifa::raw::tables::gsub::{
    LigatureSubstFormat1, SingleSubst, SubstitutionLookup, SubstitutionSubtables,
};
use skrifa::raw::tables::layout::{
    ChainedSequenceContext, ClassDef, CoverageTable, LookupFlag, SequenceContext,
};
use skrifa::raw::{FontRef, ReadError, TableProvider};
use skrifa::{GlyphId16, Tag};

/// The blocks of ideographs that may be cut off: CJK Unified Ideographs
/// and its Extension A. (Compatibility ideographs decompose, so they are
/// left to whole runs.)
pub(super) fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// The character after an ideograph leaves it as it is: nothing, or a
/// character that never combines with the one before it (no mark, no
/// variation selector, no joiner).
pub(super) fn stays_apart(next: Option<char>) -> bool {
    next.is_none_or(|c| {
        matches!(c,
            ' '..='~'
            | '\u{2010}'..='\u{2027}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF60}')
            || is_ideograph(c)
    })
}

/// One bit per code point below U+10000: the ideographs of `font` that
/// no lookup reads in context (none when its tables are not understood).
pub(super) fn alone_ideographs(font: &FontRef) -> Vec<u64> {
    let mut alone = vec![0u64; 0x10000 / 64];
    let Some(reached) = reached_glyphs(font) else {
        return alone;
    };
    for (code, gid) in font.charmap().mappings() {
        let (Ok(c), Ok(gid)) = (char::try_from(code), u16::try_from(gid.to_u32())) else {
            continue;
        };
        if gid != 0 && is_ideograph(c) && !reached.has(gid) {
            alone[code as usize / 64] |= 1 << (code % 64);
        }
    }
    alone
}

/// A set of glyph ids.
struct Glyphs(Vec<u64>);

impl Glyphs {
    fn new() -> Self {
        Glyphs(vec![0; 0x10000 / 64])
    }

    fn has(&self, g: u16) -> bool {
        self.0[usize::from(g) / 64] & (1 << (g % 64)) != 0
    }

    fn add(&mut self, g: GlyphId16) {
        let g = g.to_u16();
        self.0[usize::from(g) / 64] |= 1 << (g % 64);
    }

    fn add_coverage(&mut self, coverage: Result<CoverageTable, ReadError>) -> Option<()> {
        coverage.ok()?.iter().for_each(|g| self.add(g));
        Some(())
    }

    fn add_class_def(&mut self, classes: Result<ClassDef, ReadError>) -> Option<()> {
        classes.ok()?.iter().for_each(|(g, _)| self.add(g));
        Some(())
    }
}

/// What the face's lookups reach: glyphs read in context, and the
/// substitutions that turn one glyph into another on its own.
struct Reach {
    glyphs: Glyphs,
    turns_into: Vec<(u16, u16)>,
}

/// Every glyph a lookup of `font` reads in context, or becomes through
/// substitutions a glyph that is; `None` if some table is not understood.
fn reached_glyphs(font: &FontRef) -> Option<Glyphs> {
    let applied_elsewhere = [b"kern", b"morx", b"kerx"];
    if applied_elsewhere
        .iter()
        .any(|tag| font.table_data(Tag::new(tag)).is_some())
    {
        return None;
    }
    let mut reach = Reach {
        glyphs: Glyphs::new(),
        turns_into: Vec::new(),
    };
    if let Some(gsub) = present(font.gsub())? {
        for lookup in gsub.lookup_list().ok()?.lookups().iter() {
            reach.substitution(lookup.ok()?)?;
        }
    }
    if let Some(gpos) = present(font.gpos())? {
        for lookup in gpos.lookup_list().ok()?.lookups().iter() {
            reach.positioning(lookup.ok()?)?;
        }
    }
    if let Some(classes) = present(font.gdef())?.and_then(|gdef| gdef.glyph_class_def()) {
        for (g, class) in classes.ok()?.iter() {
            if class >= 2 {
                reach.glyphs.add(g);
            }
        }
    }
    reach.spread()
}

/// A table the face may lack: `Some(None)` when it has none, `None` when
/// it has one that cannot be read (which harfrust might still apply).
fn present<T>(table: Result<T, ReadError>) -> Option<Option<T>> {
    match table {
        Ok(table) => Some(Some(table)),
        Err(ReadError::TableIsMissing(_)) => Some(None),
        Err(_) => None,
    }
}

impl Reach {
    /// Marks a glyph reached when a substitution on its own turns it into
    /// one that is, until nothing changes (a chain of substitutions is
    /// short; a longer one than this gives up).
    fn spread(mut self) -> Option<Glyphs> {
        for _ in 0..16 {
            let mut changed = false;
            for &(from, to) in &self.turns_into {
                if self.glyphs.has(to) && !self.glyphs.has(from) {
                    self.glyphs.add(GlyphId16::new(from));
                    changed = true;
                }
            }
            if !changed {
                return Some(self.glyphs);
            }
        }
        None
    }

    /// Reads each of `tables` with `read`; `None` at the first that
    /// cannot be read or is not understood.
    fn each<T>(
        &mut self,
        tables: impl Iterator<Item = Result<T, ReadError>>,
        read: impl Fn(&mut Self, T) -> Option<()>,
    ) -> Option<()> {
        for table in tables {
            read(self, table.ok()?)?;
        }
        Some(())
    }

    /// Every glyph of a ligature: its first and its components.
    fn ligatures(&mut self, table: LigatureSubstFormat1) -> Option<()> {
        self.glyphs.add_coverage(table.coverage())?;
        for set in table.ligature_sets().iter() {
            for ligature in set.ok()?.ligatures().iter() {
                for g in ligature.ok()?.component_glyph_ids() {
                    self.glyphs.add(g.get());
                }
            }
        }
        Some(())
    }

    /// A lookup that may skip base glyphs could reach across one.
    fn flags(&self, flag: LookupFlag) -> Option<()> {
        (!flag.contains(LookupFlag::IGNORE_BASE_GLYPHS)).then_some(())
    }

    fn substitution(&mut self, lookup: SubstitutionLookup) -> Option<()> {
        self.flags(lookup.lookup_flag())?;
        match lookup.subtables().ok()? {
            SubstitutionSubtables::Single(tables) => {
                for table in tables.iter() {
                    match table.ok()? {
                        SingleSubst::Format1(table) => {
                            let delta = table.delta_glyph_id();
                            for g in table.coverage().ok()?.iter() {
                                let g = g.to_u16();
                                self.turns_into.push((g, g.wrapping_add_signed(delta)));
                            }
                        }
                        SingleSubst::Format2(table) => {
                            let to = table.substitute_glyph_ids();
                            for (i, g) in table.coverage().ok()?.iter().enumerate() {
                                self.turns_into
                                    .push((g.to_u16(), to.get(i)?.get().to_u16()));
                            }
                        }
                    }
                }
            }
            SubstitutionSubtables::Alternate(tables) => {
                for table in tables.iter() {
                    let table = table.ok()?;
                    let sets = table.alternate_sets();
                    for (i, g) in table.coverage().ok()?.iter().enumerate() {
                        for to in sets.get(i).ok()?.alternate_glyph_ids() {
                            self.turns_into.push((g.to_u16(), to.get().to_u16()));
                        }
                    }
                }
            }
            SubstitutionSubtables::Multiple(tables) => {
                self.each(tables.iter(), |r, table| {
                    r.glyphs.add_coverage(table.coverage())
                })?;
            }
            SubstitutionSubtables::Ligature(tables) => {
                self.each(tables.iter(), Self::ligatures)?;
            }
            SubstitutionSubtables::Contextual(tables) => self.each(tables.iter(), Self::context)?,
            SubstitutionSubtables::ChainContextual(tables) => {
                self.each(tables.iter(), Self::chained_context)?;
            }
            SubstitutionSubtables::EmptyExtension => {}
            SubstitutionSubtables::Reverse(tables) => {
                for table in tables.iter() {
                    let table = table.ok()?;
                    self.glyphs.add_coverage(table.coverage())?;
                    for coverage in table
                        .backtrack_coverages()
                        .iter()
                        .chain(table.lookahead_coverages().iter())
                    {
                        self.glyphs.add_coverage(coverage)?;
                    }
                }
            }
        }
        Some(())
    }

    fn positioning(&mut self, lookup: PositionLookup) -> Option<()> {
        self.flags(lookup.lookup_flag())?;
        match lookup.subtables().ok()? {
            // An adjustment of the glyph alone.
            PositionSubtables::Single(_) | PositionSubtables::EmptyExtension => {}
            PositionSubtables::Pair(tables) => self.each(tables.iter(), Self::pair)?,
            PositionSubtables::Cursive(tables) => {
                self.each(tables.iter(), |r, table| {
                    r.glyphs.add_coverage(table.coverage())
                })?;
            }
            // Marks, and what they attach to.
            PositionSubtables::MarkToBase(tables) => self.each(tables.iter(), |r, table| {
                r.glyphs.add_coverage(table.mark_coverage())?;
                r.glyphs.add_coverage(table.base_coverage())
            })?,
            PositionSubtables::MarkToLig(tables) => self.each(tables.iter(), |r, table| {
                r.glyphs.add_coverage(table.mark_coverage())?;
                r.glyphs.add_coverage(table.ligature_coverage())
            })?,
            PositionSubtables::MarkToMark(tables) => self.each(tables.iter(), |r, table| {
                r.glyphs.add_coverage(table.mark1_coverage())?;
                r.glyphs.add_coverage(table.mark2_coverage())
            })?,
            PositionSubtables::Contextual(tables) => self.each(tables.iter(), Self::context)?,
            PositionSubtables::ChainContextual(tables) => {
                self.each(tables.iter(), Self::chained_context)?;
            }
        }
        Some(())
    }

    /// Both sides of every kerning pair. By class, class 0 of the second
    /// glyph is every glyph not listed: it must move nothing.
    fn pair(&mut self, table: PairPos) -> Option<()> {
        match table {
            PairPos::Format1(table) => {
                self.glyphs.add_coverage(table.coverage())?;
                for set in table.pair_sets().iter() {
                    for record in set.ok()?.pair_value_records().iter() {
                        self.glyphs.add(record.ok()?.second_glyph());
                    }
                }
            }
            PairPos::Format2(table) => {
                self.glyphs.add_coverage(table.coverage())?;
                self.glyphs.add_class_def(table.class_def2())?;
                for class1 in table.class1_records().iter() {
                    let class1 = class1.ok()?;
                    let any_other = class1.class2_records().get(0).ok()?;
                    if moves(any_other.value_record1()) || moves(any_other.value_record2()) {
                        return None;
                    }
                }
            }
        }
        Some(())
    }

    /// Contextual lookups by coverage name their glyphs; by glyph or by
    /// class they are not read here.
    fn context(&mut self, table: SequenceContext) -> Option<()> {
        let SequenceContext::Format3(table) = table else {
            return None;
        };
        for coverage in table.coverages().iter() {
            self.glyphs.add_coverage(coverage)?;
        }
        Some(())
    }

    fn chained_context(&mut self, table: ChainedSequenceContext) -> Option<()> {
        let ChainedSequenceContext::Format3(table) = table else {
            return None;
        };
        for coverage in table
            .backtrack_coverages()
            .iter()
            .chain(table.input_coverages().iter())
            .chain(table.lookahead_coverages().iter())
        {
            self.glyphs.add_coverage(coverage)?;
        }
        Some(())
    }
}

/// The value record changes a position (a device table may).
fn moves(value: &ValueRecord) -> bool {
    let nonzero = |v: Option<i16>| v.is_some_and(|v| v != 0);
    nonzero(value.x_placement())
        || nonzero(value.y_placement())
        || nonzero(value.x_advance())
        || nonzero(value.y_advance())
        || !value.x_placement_device.get().is_null()
        || !value.y_placement_device.get().is_null()
        || !value.x_advance_device.get().is_null()
        || !value.y_advance_device.get().is_null()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font_file(name: &str) -> Vec<u8> {
        let path = format!("{}/fonts/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn alone_in(bits: &[u64], c: char) -> bool {
        super::super::face::has_bit(bits, c)
    }

    #[test]
    fn noto_serif_sc_shapes_nearly_every_ideograph_alone() {
        for name in ["NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf"] {
            let data = font_file(name);
            let font = FontRef::new(&data).expect("a font");
            let alone = alone_ideographs(&font);
            let count: u32 = alone.iter().map(|w| w.count_ones()).sum();
            // It maps 27,584 ideographs of the two blocks; 15 are parts
            // of its ligatures (fontTools reads the same lookups alike).
            assert_eq!(count, 27_569, "{name}");
            assert!(alone_in(&alone, '中') && alone_in(&alone, '国'), "{name}");
            // 株式会社 makes one glyph (U+337F) under `liga`, so each of
            // its characters is read in context.
            for c in "株式会社".chars() {
                assert!(!alone_in(&alone, c), "{name}: {c}");
            }
            // Punctuation is kerned and Latin is no ideograph.
            for c in "，。「a1".chars() {
                assert!(!alone_in(&alone, c), "{name}: {c}");
            }
        }
    }

    #[test]
    fn a_face_with_tables_this_reading_does_not_cover_has_nothing_alone() {
        // Liberation Serif has a legacy `kern` table, which harfrust would
        // apply beside GPOS.
        let data = font_file("LiberationSerif-Regular.ttf");
        let font = FontRef::new(&data).expect("a font");
        assert!(reached_glyphs(&font).is_none());
        // A table the face lacks is no table; one it has but that cannot
        // be read is not understood.
        let missing = ReadError::TableIsMissing(Tag::new(b"GSUB"));
        assert_eq!(present::<u8>(Err(missing)), Some(None));
        assert_eq!(present::<u8>(Err(ReadError::OutOfBounds)), None);
        assert_eq!(present(Ok(7u8)), Some(Some(7)));
        // Noto Naskh Arabic's contextual lookups go by coverage: read.
        let data = font_file("NotoNaskhArabic-Regular.ttf");
        let font = FontRef::new(&data).expect("a font");
        assert!(reached_glyphs(&font).is_some());
    }

    #[test]
    fn an_ideograph_is_cut_off_only_before_what_cannot_change_it() {
        assert!(is_ideograph('中') && is_ideograph('\u{3400}'));
        assert!(
            !is_ideograph('\u{F900}'),
            "compatibility ideographs decompose"
        );
        for next in [
            None,
            Some('国'),
            Some('，'),
            Some('。'),
            Some('1'),
            Some(' '),
            Some('—'),
        ] {
            assert!(stays_apart(next), "{next:?}");
        }
        // A variation selector, an ideographic variation selector, a
        // joiner, a combining mark, an ideographic tone mark.
        for next in ['\u{FE00}', '\u{E0100}', '\u{200D}', '\u{301}', '\u{302A}'] {
            assert!(!stays_apart(Some(next)), "{next:?}");
        }
    }
}
