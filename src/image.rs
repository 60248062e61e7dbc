//! What a picture is, from its first bytes: PNG, JPEG, EMF or WMF, and its
//! size, without decoding it; and the limits undoc accepts, checked before
//! a writer ever decodes one (a 20,000 × 20,000 picture would take 1.6 GB).

use crate::model::{Image, ImageKind};

/// The largest picture file undoc carries.
pub const MAX_IMAGE_BYTES: usize = 20 * 1024 * 1024;

/// The largest picture side, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 10_000;

/// The largest picture area, in pixels (a 6,000 × 6,000 chart at most).
pub const MAX_IMAGE_PIXELS: u64 = 36_000_000;

/// Reads a picture's kind and size from its bytes and checks the limits.
pub fn probe(bytes: &[u8]) -> Result<Image, String> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "the picture is {} MB; undoc carries pictures up to {} MB",
            bytes.len() / 1_000_000,
            MAX_IMAGE_BYTES / 1_000_000
        ));
    }
    let (kind, width, height) = png(bytes)
        .or_else(|| jpeg(bytes))
        .or_else(|| emf(bytes))
        .or_else(|| wmf(bytes))
        .ok_or("not a PNG, JPEG, EMF or WMF picture (or its header is damaged)")?;
    if width == 0 || height == 0 {
        return Err(format!("the picture has no area ({width} × {height})"));
    }
    let raster = matches!(kind, ImageKind::Png | ImageKind::Jpeg);
    if raster
        && (width > MAX_IMAGE_SIDE
            || height > MAX_IMAGE_SIDE
            || u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS)
    {
        return Err(format!(
            "the picture is {width} × {height} pixels; undoc takes at most {MAX_IMAGE_SIDE} pixels a side and {} megapixels",
            MAX_IMAGE_PIXELS / 1_000_000
        ));
    }
    Ok(Image {
        kind,
        bytes: bytes.into(),
        width,
        height,
    })
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le32(b: &[u8], at: usize) -> Option<i32> {
    Some(i32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le16(b: &[u8], at: usize) -> Option<i16> {
    Some(i16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

/// PNG: the signature, then the IHDR chunk's width and height.
fn png(b: &[u8]) -> Option<(ImageKind, u32, u32)> {
    (b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16)? == b"IHDR")
        .then(|| Some((ImageKind::Png, be32(b, 16)?, be32(b, 20)?)))?
}

/// JPEG: walk the markers to the first start-of-frame.
fn jpeg(b: &[u8]) -> Option<(ImageKind, u32, u32)> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    while at + 4 <= b.len() {
        if b[at] != 0xFF {
            return None;
        }
        let marker = b[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[at + 2], b[at + 3]]));
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let h = u16::from_be_bytes([*b.get(at + 5)?, *b.get(at + 6)?]);
            let w = u16::from_be_bytes([*b.get(at + 7)?, *b.get(at + 8)?]);
            return Some((ImageKind::Jpeg, u32::from(w), u32::from(h)));
        }
        at += 2 + len;
    }
    None
}

/// EMF: the header record (type 1) with the " EMF" signature; the frame in
/// hundredths of a millimetre.
fn emf(b: &[u8]) -> Option<(ImageKind, u32, u32)> {
    if le32(b, 0)? != 1 || b.get(40..44)? != b" EMF" {
        return None;
    }
    let (left, top, right, bottom) = (le32(b, 24)?, le32(b, 28)?, le32(b, 32)?, le32(b, 36)?);
    let w = u32::try_from(right.checked_sub(left)?).ok()?;
    let h = u32::try_from(bottom.checked_sub(top)?).ok()?;
    Some((ImageKind::Emf, w, h))
}

/// WMF: the placeable header (key 0x9AC6CDD7) with its bounding box.
fn wmf(b: &[u8]) -> Option<(ImageKind, u32, u32)> {
    if b.get(0..4)? != [0xD7, 0xCD, 0xC6, 0x9A] {
        return None;
    }
    let (left, top, right, bottom) = (le16(b, 6)?, le16(b, 8)?, le16(b, 10)?, le16(b, 12)?);
    let w = u32::try_from(i32::from(right) - i32::from(left)).ok()?;
    let h = u32::try_from(i32::from(bottom) - i32::from(top)).ok()?;
    Some((ImageKind::Wmf, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG header claiming `w` × `h` pixels.
    pub(crate) fn png_header(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 2, 0, 0, 0]);
        b
    }

    #[test]
    fn kinds_and_sizes_from_headers() {
        let png = probe(&png_header(640, 480)).expect("png");
        assert_eq!(
            (png.kind, png.width, png.height),
            (ImageKind::Png, 640, 480)
        );
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 30, 0, 40, 3,
        ];
        let j = probe(&jpeg).expect("jpeg");
        assert_eq!((j.kind, j.width, j.height), (ImageKind::Jpeg, 40, 30));
    }

    #[test]
    fn huge_and_unknown_pictures_are_refused_with_their_size() {
        let err = probe(&png_header(20_000, 20_000)).expect_err("too large");
        assert!(err.contains("20000 × 20000"), "{err}");
        assert!(probe(b"GIF89a....").is_err());
        assert!(probe(&png_header(0, 10)).is_err());
    }
}
