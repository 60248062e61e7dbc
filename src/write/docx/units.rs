//! Word's units, from the page template's points ([`crate::write::page`]):
//! twips for lengths, half-points for type sizes, eighths of a point for
//! rules, EMU for pictures. Each rounds to the nearest unit, so the
//! template's points (most of them twips over 20) give back the template's
//! integers.

/// One twip is 1/20 of a point; Word measures lengths in twips ("dxa").
pub type Twips = i32;

/// EMU (English Metric Units) per twip.
pub const EMU_PER_TWIP: i64 = 635;

/// `pt` points in twips.
pub const fn twips(pt: f32) -> Twips {
    (pt * 20.0).round() as Twips
}

/// A type size of `pt` points in half-points (`w:sz`).
pub const fn half_points(pt: f32) -> u32 {
    (pt * 2.0).round() as u32
}

/// A rule `pt` points thick in eighths of a point (`w:sz` of a border).
pub const fn eighths(pt: f32) -> u32 {
    (pt * 8.0).round() as u32
}

/// `pt` points in EMU (1/12700 pt), the unit of DrawingML.
pub const fn emu(pt: f32) -> i64 {
    (pt * 12_700.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::page::{TAB_STOPS, TEXT_INDENT, codes, margin};

    #[test]
    fn template_points_give_back_the_template_integers() {
        assert_eq!(twips(TEXT_INDENT), 1267);
        assert_eq!(TAB_STOPS.map(twips)[3], 3182);
        assert_eq!(twips(margin::BOTTOM), 1728);
        assert_eq!(emu(codes::BARCODE_MODULE_DOCX), 11_430);
        assert_eq!(emu(codes::QR_SIDE), 698_500);
        assert_eq!(half_points(8.5), 17);
        assert_eq!(eighths(1.5), 12);
    }
}
