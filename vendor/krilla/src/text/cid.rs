use pdf_writer::types::{
    CidFontType, CompactCode, FontFlags, SystemInfo, UnicodeCmap, COMPACT_CODESPACE,
};
use pdf_writer::writers::WMode;
use pdf_writer::{Finish, Name, Ref, Str};
use skrifa::raw::tables::cff::Cff;
use skrifa::raw::{TableProvider, TopLevelTable};
use skrifa::MetadataProvider;
use std::hash::Hash;
use std::ops::DerefMut;
use subsetter::GlyphRemapper;

use super::{CIDIdentifier, FontIdentifier, PDF_UNITS_PER_EM};
use crate::chunk_container::ChunkContainer;
use crate::configure::ValidationError;
use crate::error::{KrillaError, KrillaResult};
use crate::geom::Rect;
use crate::serialize::SerializeContext;
use crate::stream::FilterStreamBuilder;
use crate::surface::Location;
use crate::text::Font;
use crate::text::GlyphId;
use crate::util::{stable_hash128, SliceExt};

const SUBSET_TAG_LEN: usize = 6;
pub(crate) const IDENTITY_H: &str = "Identity-H";
pub(crate) const CMAP_NAME: Name = Name(b"Custom");
pub(crate) const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

pub(crate) type Cid = u16;

/// A shared function for CID fonts and Type3 fonts to write the cmap entries.
pub(crate) fn write_cmap_entry<G>(
    font: &Font,
    entry: Option<&(String, Option<Location>)>,
    sc: &mut SerializeContext,
    cmap: &mut UnicodeCmap<G>,
    g: G,
) where
    G: pdf_writer::types::GlyphId + Into<u32> + Copy,
{
    match entry {
        None => sc.register_validation_error(ValidationError::NoCodepointMapping(
            font.clone(),
            GlyphId::new(g.into()),
            None,
        )),
        Some((text, loc)) => {
            let mut invalid_codepoint = text.is_empty();
            let mut invalid_code = None;
            let mut private_unicode = None;

            for c in text.chars() {
                if matches!(c as u32, 0x0 | 0xFEFF | 0xFFFE) {
                    invalid_code = Some(c);
                    invalid_codepoint = true;
                }

                if matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD) {
                    private_unicode = Some(c);
                }
            }

            match invalid_code {
                Some(c) => sc.register_validation_error(ValidationError::InvalidCodepointMapping(
                    font.clone(),
                    GlyphId::new(g.into()),
                    c,
                    *loc,
                )),
                None if invalid_codepoint => sc.register_validation_error(
                    ValidationError::NoCodepointMapping(font.clone(), GlyphId::new(g.into()), *loc),
                ),
                _ => {}
            }

            if let Some(code) = private_unicode {
                sc.register_validation_error(ValidationError::UnicodePrivateArea(
                    font.clone(),
                    GlyphId::new(g.into()),
                    code,
                    *loc,
                ));
            }

            if !text.is_empty() {
                cmap.pair_with_multiple(g, text.chars());
            }
        }
    }
}

/// A CID-keyed font.
#[derive(Debug)]
pub(crate) struct CIDFont {
    /// The _actual_ underlying OTF font of the CID-keyed font.
    font: Font,
    /// A mapper that maps GIDs from the original font to CIDs, i.e. the corresponding GID in the font
    /// subset. The subsetter will ensure that for CID-keyed CFF fonts, the CID-to-GID mapping
    /// will be the identity mapping, regardless of what the mapping was in the original font. This
    /// allows us to index both, CFF and glyf-based fonts, transparently using GIDs,
    /// instead of having to distinguish according to the underlying font. See section
    /// 9.7.4.2 for more information on how glyphs are indexed in a CID-keyed font.
    glyph_remapper: GlyphRemapper,
    /// UNDOC PATCH: the CID of each glyph id added (`u16::MAX`: none), so
    /// the lookup of every drawn glyph is an index, not a hash.
    cid_by_gid: Vec<u16>,
    /// A mapping from CIDs to their string in the original text.
    /// UNDOC PATCH: by CID (CIDs are given out densely from 0), so the
    /// lookup of every drawn glyph is an index, not a hash.
    cmap_entries: Vec<Option<(String, Option<Location>)>>,
    /// The widths of the glyphs, _indexed by their CID_.
    widths: Vec<f32>,
    is_empty: bool,
    /// undoc patch: the compact codes of a font's glyphs, if it has them
    /// (see [`CompactCodes`]).
    compact: Option<CompactCodes>,
}

/// undoc patch (see UNDOC-PATCH.md, fifteenth change): codes that are CIDs
/// of one byte below 0x80 and two from 0x8000, given out as glyphs are
/// first drawn, with 32 kept for the space glyph, so that word spacing
/// (`Tw`) can move a justified line's spaces instead of a number after
/// each. The glyphs themselves stay where the subsetter puts them (the
/// "index" that krilla calls a CID elsewhere); a `CIDToGIDMap` stream maps
/// each code's CID to its index. Codes equal CIDs, as MuPDF up to 1.21
/// needs to read a `ToUnicode` map of such codes.
#[derive(Debug)]
struct CompactCodes {
    /// The code of each glyph, by index; .notdef's is 0.
    by_index: Vec<u16>,
    /// The next one-byte code to give out (32 skipped).
    next_one: u16,
    /// The next two-byte code to give out.
    next_two: u32,
    /// The font's glyph for U+0020, which gets code 32.
    space: Option<u16>,
}

/// undoc patch: the code word spacing applies to.
pub(crate) const SPACE_CODE: u16 = 0x20;

/// undoc patch: the most glyphs a font may have for compact codes: code 0,
/// the 122 one-byte codes given out (`take_one`) and 32,768 of two bytes;
/// 32 is kept for the space glyph.
const MOST_COMPACT_GLYPHS: u16 = 1 + 122 + 0x8000;

/// undoc patch: fonts of more glyphs are CJK fonts (Noto Serif SC has
/// 30,920), whose text takes two-byte codes anyway and is not justified
/// by its spaces: compact codes would only add a 64 KB `CIDToGIDMap`
/// (Chinese documents 4 % slower to write, 0.6 % larger).
const MOST_GLYPHS_BUT_CJK: u16 = 8192;

impl CompactCodes {
    /// Compact codes for `font`, if every glyph it has can get one and its
    /// outlines are TrueType (a CFF program keeps its own CIDs).
    fn of(font: &Font) -> Option<CompactCodes> {
        let font_ref = font.font_ref();
        let glyphs = font_ref.maxp().ok()?.num_glyphs();
        let cff = font_ref.cff().is_ok() || font_ref.cff2().is_ok();
        if glyphs > MOST_COMPACT_GLYPHS.min(MOST_GLYPHS_BUT_CJK) || font_ref.glyf().is_err() || cff
        {
            return None;
        }
        let space = font_ref
            .charmap()
            .map(' ')
            .and_then(|g| u16::try_from(g.to_u32()).ok());
        Some(CompactCodes {
            by_index: vec![0],
            next_one: 1,
            next_two: 0x8000,
            space,
        })
    }

    /// Gives the glyph `gid`, new at index `by_index.len()`, its code.
    fn give(&mut self, gid: u16) {
        let code = if self.space == Some(gid) {
            SPACE_CODE
        } else if let Some(code) = self.take_one() {
            code
        } else {
            self.take_two()
        };
        self.by_index.push(code);
    }

    /// The next one-byte code, skipping 32 and the bytes a literal string
    /// escapes (CR, the parentheses, the backslash), which would take two.
    fn take_one(&mut self) -> Option<u16> {
        while matches!(self.next_one, SPACE_CODE | 0x0D | 0x28 | 0x29 | 0x5C) {
            self.next_one += 1;
        }
        if self.next_one >= 0x80 {
            return None;
        }
        self.next_one += 1;
        Some(self.next_one - 1)
    }

    fn take_two(&mut self) -> u16 {
        // More glyphs than the font has (ids past `numGlyphs`, which the
        // subsetter refuses) share the last code rather than panic.
        let code = u16::try_from(self.next_two).unwrap_or(u16::MAX);
        self.next_two += 1;
        code
    }

    fn code(&self, index: Cid) -> CompactCode {
        CompactCode(self.by_index[index as usize])
    }

    /// How many rows of 256 two-byte codes have been given out.
    fn rows(&self) -> u16 {
        (self.next_two - 0x8000).div_ceil(256) as u16
    }

    /// The encoding's name: encodings of the same rows are the same CMap.
    fn cmap_name(&self) -> String {
        format!("Undoc-Compact-{}", self.rows())
    }

    /// The encoding: each code its own CID, over the one-byte codes and
    /// the rows of 256 two-byte codes given out.
    fn encoding(&self) -> Vec<u8> {
        let rows = self.rows();
        let name = self.cmap_name();
        let mut out = Vec::with_capacity(700 + 24 * rows as usize);
        out.extend(b"%!PS-Adobe-3.0 Resource-CMap\n%%DocumentNeededResources: procset CIDInit\n%%IncludeResource: procset CIDInit\n");
        out.extend(format!("%%BeginResource: CMap {name}\n%%Title: ({name} Adobe Identity 0)\n%%Version: 1\n%%EndComments\n").as_bytes());
        out.extend(b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo 3 dict dup begin\n    /Registry (Adobe) def\n    /Ordering (Identity) def\n    /Supplement 0 def\nend def\n");
        out.extend(
            format!("/CMapName /{name} def\n/CMapVersion 1 def\n/CMapType 1 def\n/WMode 0 def\n")
                .as_bytes(),
        );
        out.extend(COMPACT_CODESPACE);
        let mut ranges = vec!["<00> <7F> 0".to_string()];
        ranges.extend((0..rows).map(|r| {
            let first = 0x8000 + 256 * u32::from(r);
            format!("<{first:04X}> <{:04X}> {first}", first + 255)
        }));
        for chunk in ranges.chunks(100) {
            out.extend(format!("{} begincidrange\n", chunk.len()).as_bytes());
            for range in chunk {
                out.extend(range.as_bytes());
                out.push(b'\n');
            }
            out.extend(b"endcidrange\n");
        }
        out.extend(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n%%EndResource\n%%EOF");
        out
    }

    /// How many CIDs the `CIDToGIDMap` holds: every one up to the highest
    /// code, and at least 128, so that the map is longer than its
    /// compressed stream (veraPDF counts CIDs by the stream's `/Length`).
    /// A CID between the codes maps to .notdef and is in the font too, for
    /// the CIDSet.
    fn cids(&self) -> usize {
        let highest = self.by_index.iter().copied().max().unwrap_or(0) as usize;
        (highest + 1).max(128)
    }

    /// The `CIDToGIDMap`: for each CID up to the highest code, the index
    /// of its glyph (two bytes, big-endian), 0 where no glyph has it.
    fn cid_to_gid_map(&self) -> Vec<u8> {
        let mut map = vec![0u8; 2 * self.cids()];
        for (index, &code) in self.by_index.iter().enumerate() {
            let at = 2 * code as usize;
            map[at..at + 2].copy_from_slice(&(index as u16).to_be_bytes());
        }
        map
    }
}

impl CIDFont {
    /// Create a new CID-keyed font.
    pub(crate) fn new(font: Font) -> CIDFont {
        // Always include the .notdef glyph. Will also always be included by the subsetter in
        // the glyph remapper.
        let widths = vec![font.advance_width(GlyphId::new(0)).unwrap_or(0.0)];

        Self {
            glyph_remapper: GlyphRemapper::new(),
            cid_by_gid: Vec::new(),
            cmap_entries: Vec::new(),
            widths,
            compact: CompactCodes::of(&font),
            font,
            is_empty: true,
        }
    }

    /// undoc patch: the font's space glyph when it has compact codes, in
    /// which it is shown by the one-byte code 32.
    pub(crate) fn word_space(&self) -> Option<GlyphId> {
        let space = self.compact.as_ref()?.space?;
        Some(GlyphId::new(u32::from(space)))
    }

    /// undoc patch: appends the code that shows the glyph at `index`.
    #[inline]
    pub(crate) fn encode_into(&self, index: Cid, out: &mut Vec<u8>) {
        match &self.compact {
            Some(codes) => codes.code(index).encode_into(out),
            None => out.extend(index.to_be_bytes()),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.is_empty
    }

    pub(crate) fn font(&self) -> Font {
        self.font.clone()
    }

    // Note that this refers to the units per em in PDF (which is always 1000), and not the
    // units per em of the underlying font.
    pub(crate) fn units_per_em(&self) -> f32 {
        PDF_UNITS_PER_EM
    }

    #[inline]
    pub(crate) fn get_cid(&self, glyph_id: GlyphId) -> Option<u16> {
        // UNDOC PATCH: by index (see `cid_by_gid`); glyph 0 is in the
        // remapper from the start without being added.
        self.added_cid(glyph_id.to_u32())
            .or_else(|| self.glyph_remapper.get(glyph_id.to_u32() as u16))
    }

    /// UNDOC PATCH: the CID of glyph `gid` if it was added (see `add_glyph`).
    #[inline]
    pub(crate) fn added_cid(&self, gid: u32) -> Option<u16> {
        self.cid_by_gid
            .get(gid as usize)
            .copied()
            .filter(|&cid| cid != u16::MAX)
    }

    /// UNDOC PATCH: the advance of the glyph of `cid` in font units, as
    /// `Font::advance_width` gives it, from the width kept for the CID
    /// (asked again only where that width is 0, which `None` also gives).
    #[inline]
    pub(crate) fn advance_of(&self, cid: Cid, glyph_id: GlyphId) -> Option<f32> {
        match self.widths.get(cid as usize) {
            Some(&w) if w != 0.0 => Some(w),
            _ => self.font.advance_width(glyph_id),
        }
    }

    /// Add a new glyph (if it has not already been added) and return its CID.
    #[inline]
    pub(crate) fn add_glyph(&mut self, glyph_id: GlyphId) -> Cid {
        self.is_empty = false;

        let new_id = self
            .glyph_remapper
            .remap(u16::try_from(glyph_id.to_u32()).unwrap());

        let gid = glyph_id.to_u32() as usize;
        if self.cid_by_gid.len() <= gid {
            // Sized once for the whole font, not grown glyph by glyph.
            let glyphs = self.font.num_glyphs() as usize;
            self.cid_by_gid.resize(glyphs.max(gid + 1), u16::MAX);
        }
        self.cid_by_gid[gid] = new_id;

        // This means that the glyph ID has been newly assigned, and thus we need to add its width.
        if new_id as usize >= self.widths.len() {
            self.widths
                .push(self.font.advance_width(glyph_id).unwrap_or(0.0));
            if let Some(codes) = &mut self.compact {
                codes.give(glyph_id.to_u32() as u16);
            }
        }

        new_id
    }

    #[inline]
    pub(crate) fn get_codepoints(&self, cid: Cid) -> Option<&str> {
        self.cmap_entries
            .get(cid as usize)
            .and_then(Option::as_ref)
            .map(|s| s.0.as_str())
    }

    #[inline]
    pub(crate) fn set_codepoints(&mut self, cid: Cid, text: String, location: Option<Location>) {
        let at = cid as usize;
        if self.cmap_entries.len() <= at {
            self.cmap_entries.resize(at + 1, None);
        }
        self.cmap_entries[at] = Some((text, location));
    }

    #[inline]
    pub(crate) fn identifier(&self) -> FontIdentifier {
        FontIdentifier::Cid(CIDIdentifier(self.font.clone()))
    }

    pub(crate) fn serialize(
        &self,
        sc: &mut SerializeContext,
        chunk_container: &mut ChunkContainer,
        root_ref: Ref,
    ) -> KrillaResult<()> {
        let chunk = &mut chunk_container.non_stream.fonts;
        let mut stream_chunk = sc.new_chunk();

        let cid_ref = sc.new_ref();
        let descriptor_ref = sc.new_ref();
        let cmap_ref = sc.new_ref();
        let cid_set_ref = sc.new_ref();
        let data_ref = sc.new_ref();

        let glyph_remapper = &self.glyph_remapper;

        let is_glyf = self.font.font_ref().glyf().is_ok();
        let is_cff = self.font.font_ref().cff().is_ok();
        let is_cff2 = self.font.font_ref().cff2().is_ok();

        if !is_glyf && !is_cff && !is_cff2 {
            return Err(KrillaError::Font(
                self.font.clone(),
                "font is missing an outline table".to_string(),
            ));
        }

        // OS/2 fsType has a few bits that describe which kind of license the font has. Of
        // particular interest is bit 2 "Restricted License embedding", which places restrictions on
        // font embedding that are incompatible with some PDF standards.
        //
        // The OpenType spec intended for the different bits to be mutually exclusive. However, some
        // fonts have multiple of the bits sets. The OpenType spec was thus adjusted to require
        // mutual exclusion, allowing applications to assume the least-restrictive specified
        // variant. Specifically, it also clarifies that "For Restricted License embedding to take
        // effect, the Embedding permissions sub-field must have the value 2 (that is, only bit 1 is
        // set)."
        //
        // Hence, we are not checking `fsType & 2 != 0` (as would be usual for bit flags),
        // but rather `fsType & 0xF == 2`.
        if self
            .font
            .font_ref()
            .os2()
            .is_ok_and(|os2| os2.fs_type() & 0xF == 2)
        {
            sc.register_validation_error(ValidationError::RestrictedLicense(self.font.clone()));
        }

        let (subsetted_data, global_bbox) = subset_font(self.font.clone(), glyph_remapper)?;
        let num_glyphs = skrifa::FontRef::new(&subsetted_data)
            .and_then(|f| f.maxp())
            .map(|maxp| maxp.num_glyphs())
            .map_err(|_| {
                KrillaError::Font(self.font.clone(), "failed to read font subset".to_string())
            })?;

        let font_stream = {
            let mut data = subsetted_data.as_slice();

            // If we have a CFF font, only embed the standalone CFF program.
            let subsetted_ref = skrifa::FontRef::new(data).map_err(|_| {
                KrillaError::Font(self.font.clone(), "failed to read font subset".to_string())
            })?;

            if let Some(cff) = subsetted_ref.data_for_tag(Cff::TAG) {
                data = cff.as_bytes();
            }

            FilterStreamBuilder::new_from_binary_data(data).finish(&sc.serialize_settings())
        };

        let base_font = base_font_name(&self.font, &self.glyph_remapper);
        let base_font_type0 = if is_cff {
            format!("{base_font}-{IDENTITY_H}")
        } else {
            base_font.clone()
        };

        let mut type0 = chunk.type0_font(root_ref);
        type0.base_font(Name(base_font_type0.as_bytes()));
        // undoc patch: compact codes are encoded by an embedded CMap.
        match &self.compact {
            Some(codes) => {
                let encoding_ref = sc.new_ref();
                type0.encoding_cmap(encoding_ref);
                let data = codes.encoding();
                let encoding =
                    FilterStreamBuilder::new_from_content_stream(&data, &sc.serialize_settings())
                        .finish(&sc.serialize_settings());
                let mut cmap = stream_chunk.cmap(encoding_ref, encoding.encoded_data());
                encoding.write_filters(cmap.deref_mut().deref_mut());
                cmap.name(Name(codes.cmap_name().as_bytes()));
                cmap.system_info(SYSTEM_INFO);
                cmap.writing_mode(WMode::Horizontal);
                cmap.finish();
            }
            None => {
                type0.encoding_predefined(Name(IDENTITY_H.as_bytes()));
            }
        }
        type0.descendant_font(cid_ref).to_unicode(cmap_ref);
        type0.finish();

        let mut cid = chunk.cid_font(cid_ref);
        cid.subtype(if is_cff {
            CidFontType::Type0
        } else {
            CidFontType::Type2
        });
        cid.base_font(Name(base_font.as_bytes()));
        cid.system_info(SYSTEM_INFO);
        cid.font_descriptor(descriptor_ref);
        cid.default_width(0.0);

        if let Some(codes) = &self.compact {
            let map_ref = sc.new_ref();
            cid.cid_to_gid_map_stream(map_ref);
            let map_data = codes.cid_to_gid_map();
            let map = FilterStreamBuilder::new_from_binary_data(&map_data)
                .finish(&sc.serialize_settings());
            let mut stream = stream_chunk.stream(map_ref, map.encoded_data());
            map.write_filters(stream.deref_mut());
            stream.finish();
        } else if !is_cff {
            cid.cid_to_gid_map_predefined(Name(b"Identity"));
        }

        // IN CID fonts, a upem value of 1000 is assumed for all fonts, so we need to convert.
        let to_pdf_units = |v: f32| v / self.font.units_per_em() * self.units_per_em();

        let mut width_writer = cid.widths();
        if let Some(codes) = &self.compact {
            // undoc patch: widths by code, in runs of consecutive codes.
            let mut by_code: Vec<(u16, f32)> = codes
                .by_index
                .iter()
                .zip(&self.widths)
                .map(|(&code, &w)| (code, w))
                .collect();
            by_code.sort_by_key(|&(code, _)| code);
            let mut run: Option<(u16, u16, f32)> = None;
            for &(code, w) in &by_code {
                match run {
                    Some((first, last, rw)) if rw == w && code == last + 1 => {
                        run = Some((first, code, rw));
                    }
                    _ => {
                        if let Some((first, last, rw)) = run.filter(|r| r.2 != 0.0) {
                            width_writer.same(first, last, to_pdf_units(rw));
                        }
                        run = Some((code, code, w));
                    }
                }
            }
            if let Some((first, last, rw)) = run.filter(|r| r.2 != 0.0) {
                width_writer.same(first, last, to_pdf_units(rw));
            }
        } else {
            let mut first = 0;
            for (w, group) in self.widths.group_by_key(|&w| w) {
                let end = first + group.len();
                if w != 0.0 {
                    let last = end - 1;
                    width_writer.same(first as u16, last as u16, to_pdf_units(w));
                }
                first = end;
            }
        }

        width_writer.finish();
        cid.finish();

        // The only reason we write this in the first place is that PDF/A-1b requires
        // a CIDSet.
        if !sc.serialize_settings().pdf_version().deprecates_cid_set() {
            // It's always guaranteed by the subsetter that CIDs start from 0 and are
            // consecutive, so this encoding is very straight-forward. undoc patch:
            // with compact codes, every CID of the map is in the font (those
            // between the codes given out as .notdef).
            let cids = self
                .compact
                .as_ref()
                .map_or(num_glyphs as usize, CompactCodes::cids);
            let mut cid_stream_data = vec![0xFFu8; cids / 8];
            if cids % 8 != 0 {
                cid_stream_data.push(!(0xFF >> (cids % 8)));
            }

            let cid_stream = FilterStreamBuilder::new_from_binary_data(&cid_stream_data)
                .finish(&sc.serialize_settings());
            let mut cid_set = stream_chunk.stream(cid_set_ref, cid_stream.encoded_data());
            cid_stream.write_filters(cid_set.deref_mut());
            cid_set.finish();
            cid_stream.finish();
        }

        let mut flags = FontFlags::empty();
        flags.set(
            FontFlags::SERIF,
            self.font
                .postscript_name()
                .is_some_and(|n| n.contains("Serif")),
        );
        flags.set(FontFlags::FIXED_PITCH, self.font.is_monospaced());
        flags.set(FontFlags::ITALIC, self.font.italic_angle() != 0.0);
        flags.insert(FontFlags::SYMBOLIC);
        flags.insert(FontFlags::SMALL_CAP);

        let bbox = {
            Rect::from_ltrb(
                to_pdf_units(global_bbox.left()),
                to_pdf_units(global_bbox.top()),
                to_pdf_units(global_bbox.right()),
                to_pdf_units(global_bbox.bottom()),
            )
            .unwrap()
        }
        .to_pdf_rect();

        let italic_angle = self.font.italic_angle();
        let ascender = to_pdf_units(self.font.ascent());
        let descender = to_pdf_units(self.font.descent());
        let cap_height = self.font.cap_height().map(to_pdf_units).unwrap_or(ascender);
        let stem_v = 10.0 + 0.244 * (self.font.weight() - 50.0);

        let mut font_descriptor = chunk.font_descriptor(descriptor_ref);
        font_descriptor
            .name(Name(base_font.as_bytes()))
            .flags(flags)
            .bbox(bbox)
            .italic_angle(italic_angle)
            .ascent(ascender)
            .descent(descender)
            .cap_height(cap_height)
            .stem_v(stem_v);

        if !sc.serialize_settings().pdf_version().deprecates_cid_set() {
            font_descriptor.cid_set(cid_set_ref);
        }

        if is_cff {
            font_descriptor.font_file3(data_ref);
        } else {
            font_descriptor.font_file2(data_ref);
        }

        font_descriptor.finish();

        // undoc patch: with compact codes, the map is by code.
        let cmap_stream = match &self.compact {
            Some(codes) => self.to_unicode(sc, |g| codes.code(g)),
            None => self.to_unicode(sc, |g| g),
        };
        let cmap_stream =
            FilterStreamBuilder::new_from_content_stream(&cmap_stream, &sc.serialize_settings())
                .finish(&sc.serialize_settings());
        let mut cmap = stream_chunk.cmap(cmap_ref, cmap_stream.encoded_data());
        cmap_stream.write_filters(cmap.deref_mut().deref_mut());
        cmap.writing_mode(WMode::Horizontal);
        cmap.finish();

        let mut stream = stream_chunk.stream(data_ref, font_stream.encoded_data());
        font_stream.write_filters(stream.deref_mut());
        if is_cff {
            stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
        }

        stream.finish();
        chunk_container.streams.fonts.push(stream_chunk);

        Ok(())
    }
}

impl CIDFont {
    /// The `ToUnicode` map, each glyph by the code `code` gives it.
    fn to_unicode<G>(&self, sc: &mut SerializeContext, code: impl Fn(Cid) -> G) -> Vec<u8>
    where
        G: pdf_writer::types::GlyphId + Into<u32> + Copy,
    {
        let mut cmap = UnicodeCmap::<G>::new(CMAP_NAME, SYSTEM_INFO);
        // For the .notdef glyph, it's fine if no mapping exists, since it is included
        // even if it was not referenced in the text.
        for g in 1..self.glyph_remapper.num_gids() {
            let entry = self.cmap_entries.get(g as usize).and_then(Option::as_ref);
            write_cmap_entry(&self.font, entry, sc, &mut cmap, code(g));
        }
        cmap.finish().into_vec()
    }
}

/// Create a tag for a font subset.
pub(crate) fn subset_tag<T: Hash>(data: &T) -> String {
    const BASE: u128 = 26;
    let mut hash = stable_hash128(data);
    let mut letter = [b'A'; SUBSET_TAG_LEN];
    for l in letter.iter_mut() {
        *l = b'A' + (hash % BASE) as u8;
        hash /= BASE;
    }
    std::str::from_utf8(&letter).unwrap().to_string()
}

pub(crate) fn base_font_name<T: Hash>(font: &Font, data: &T) -> String {
    const REST_LEN: usize = SUBSET_TAG_LEN + 1 + 1 + IDENTITY_H.len();

    let postscript_name = font.postscript_name().unwrap_or("unknown");
    let max_len = 127 - REST_LEN;
    let trimmed = &postscript_name[..postscript_name.len().min(max_len)];
    let subset_tag = subset_tag(&data);

    format!("{subset_tag}+{trimmed}")
}

/// Subsets `font` to the glyphs of `glyph_remapper`; returns the subset's
/// bytes and the bounding box for the font descriptor.
///
/// undoc patch: the box is the font's own (`head`), as before krilla's
/// PR #241; drawing the outline of every glyph of every subset to compute
/// a tighter one cost more than the rest of the subsetting. A font's box
/// encloses all its glyphs, which is all `FontBBox` asks.
fn subset_font(font: Font, glyph_remapper: &GlyphRemapper) -> KrillaResult<(Vec<u8>, Rect)> {
    let variation_coordinates = font
        .variation_coordinates()
        .iter()
        .map(|v| (subsetter::Tag::new(v.0.get()), v.1.get()))
        .collect::<Vec<_>>();
    let data = subsetter::subset_with_variations(
        font.font_data().as_ref(),
        font.index(),
        &variation_coordinates,
        glyph_remapper,
    )
    .map_err(|e| KrillaError::Font(font.clone(), format!("failed to subset font: {e}")))?;
    Ok((data, font.bbox()))
}
