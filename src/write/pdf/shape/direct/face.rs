//! A face as the direct path shapes with it: harfrust's tables, plans by
//! script and language, and which characters it maps.

use std::collections::HashMap;
use std::rc::Rc;

use parley::fontique::Blob;

use crate::lang::Lang;

use crate::script::Script;

/// A face the direct path shapes with, and harfrust's state for it.
pub(super) struct Face {
    pub(super) blob: Blob<u8>,
    pub(super) index: u32,
    pub(super) units_per_em: f32,
    /// One bit per code point below U+10000 that the face maps.
    pub(super) covered: Vec<u64>,
    pub(super) data: harfrust::ShaperData,
    pub(super) instance: harfrust::ShaperInstance,
    /// Shaping plans by script, language and direction (right to left).
    pub(super) plans: HashMap<(Script, Option<Lang>, bool), harfrust::ShapePlan>,
    /// No lookup of the face reaches across a space beyond the characters
    /// next to it, so a run may be shaped a piece at a time (`words`):
    /// known of the bundled faces (tested), not assumed of others.
    pub(super) word_local: bool,
    /// One bit per ideograph below U+10000 that no lookup of the face
    /// reads in context ([`super::alone`]), so it may be shaped alone;
    /// empty unless the face is word-local and maps ideographs.
    pub(super) alone: Rc<[u64]>,
}

impl Face {
    pub(super) fn covers(&self, c: char) -> bool {
        has_bit(&self.covered, c)
    }
}

/// `c` has its bit in `bits` (one per code point below U+10000).
pub(super) fn has_bit(bits: &[u64], c: char) -> bool {
    let code = c as usize;
    bits.get(code / 64)
        .is_some_and(|word| word & (1 << (code % 64)) != 0)
}

/// A face's harfrust state and coverage, or `None` if harfrust or skrifa
/// cannot read it.
pub(super) fn new_face(blob: Blob<u8>, index: u32) -> Option<Face> {
    use skrifa::MetadataProvider;
    let font = harfrust::FontRef::from_index(blob.data(), index).ok()?;
    let data = harfrust::ShaperData::new(&font);
    let instance =
        harfrust::ShaperInstance::from_variations(&font, std::iter::empty::<harfrust::Variation>());
    let skrifa_font = skrifa::FontRef::from_index(blob.data(), index).ok()?;
    let metrics = skrifa_font.metrics(
        skrifa::instance::Size::unscaled(),
        skrifa::instance::LocationRef::default(),
    );
    let mut covered = vec![0u64; 0x10000 / 64];
    for (code, gid) in skrifa_font.charmap().mappings() {
        if code < 0x10000 && gid.to_u32() != 0 {
            covered[code as usize / 64] |= 1 << (code % 64);
        }
    }
    let word_local = crate::write::pdf::fonts::is_bundled(blob.data());
    let maps_ideographs = has_bit(&covered, '\u{4E00}');
    let alone = if word_local && maps_ideographs {
        super::alone::alone_ideographs(&skrifa_font)
    } else {
        Vec::new()
    };
    Some(Face {
        blob,
        index,
        units_per_em: f32::from(metrics.units_per_em),
        covered,
        data,
        instance,
        plans: HashMap::new(),
        word_local,
        alone: alone.into(),
    })
}
