//! 1-bit greyscale PNG pictures of the first-page codes: the job number's
//! Code 39 bars and the QR code of the document's address. Word and
//! LibreOffice both show a picture, while the DGACM barcode font is rarely
//! installed.

use std::cell::RefCell;

use flate2::Crc;

use super::archive::{Wrapper, compress};

use crate::write::barcode::{Bar, QrCode};

/// Pixels per narrow barcode module.
pub const PX_PER_MODULE: u32 = 2;
/// Barcode picture height in pixels (the picture is stretched to the bar height).
const HEIGHT: u32 = 4;
/// Pixels per QR module.
pub const PX_PER_QR_MODULE: u32 = 4;

thread_local! {
    /// The compressor of this thread's pictures, by the library that
    /// deflates the package's parts (its default level: its best spends
    /// more on setting up than these pictures of a few KB repay).
    static ZLIB: RefCell<libdeflater::Compressor> =
        RefCell::new(libdeflater::Compressor::new(libdeflater::CompressionLvl::default()));
}

/// Encodes `bars` of a symbol `modules` wide as a PNG.
pub fn bars_png(bars: &[Bar], modules: u32) -> Vec<u8> {
    let width = modules * PX_PER_MODULE;
    let mut row = vec![false; width as usize];
    for bar in bars {
        let from = bar.x * PX_PER_MODULE;
        for px in from..from + bar.width * PX_PER_MODULE {
            if let Some(p) = row.get_mut(px as usize) {
                *p = true;
            }
        }
    }
    mono_png(width, HEIGHT, |x, _| row[x as usize])
}

/// Encodes a QR code as a PNG, [`PX_PER_QR_MODULE`] pixels a module.
pub fn qr_png(code: &QrCode) -> Vec<u8> {
    let side = code.size * PX_PER_QR_MODULE;
    mono_png(side, side, |x, y| {
        code.is_dark(x / PX_PER_QR_MODULE, y / PX_PER_QR_MODULE)
    })
}

/// A `width` × `height` 1-bit greyscale PNG, black where `dark` says.
fn mono_png(width: u32, height: u32, dark: impl Fn(u32, u32) -> bool) -> Vec<u8> {
    let row_bytes = width.div_ceil(8) as usize;
    let mut raw = Vec::with_capacity((row_bytes + 1) * height as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        let start = raw.len();
        // White (1) everywhere, black (0) where dark.
        raw.resize(start + row_bytes, 0xFF);
        for x in (0..width).filter(|&x| dark(x, y)) {
            raw[start + (x / 8) as usize] &= !(0x80 >> (x % 8));
        }
    }
    let idat = ZLIB.with_borrow_mut(|c| compress(c, &raw, Wrapper::Zlib));

    let mut png = Vec::with_capacity(idat.len() + 64);
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[1, 0, 0, 0, 0]); // 1 bit, greyscale, deflate, no filter, no interlace
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let mut crc = Crc::new();
    crc.update(kind);
    crc.update(data);
    png.extend_from_slice(&crc.sum().to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::ZlibDecoder;
    use std::io::Read;

    #[test]
    fn png_rows_hold_the_bars() {
        let (bars, modules) = crate::write::barcode::code39("2604887").unwrap();
        let png = bars_png(&bars, modules);
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert_eq!(width, modules * PX_PER_MODULE);
        let idat_len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
        assert_eq!(&png[37..41], b"IDAT");
        let mut raw = Vec::new();
        ZlibDecoder::new(&png[41..41 + idat_len])
            .read_to_end(&mut raw)
            .unwrap();
        let row_bytes = width.div_ceil(8) as usize;
        assert_eq!(raw.len(), (row_bytes + 1) * HEIGHT as usize);
        // The start character `*` begins with a narrow bar: pixels 0–1 black, 2 white.
        assert_eq!(raw[1] & 0xE0, 0x20);
        assert!(png.ends_with(&[0xAE, 0x42, 0x60, 0x82]), "IEND CRC");
    }

    #[test]
    fn qr_png_is_the_code_scaled() {
        let code = crate::write::barcode::qr("https://docs.un.org/fr/A/HRC/60/45").unwrap();
        let png = qr_png(&code);
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (code.size * 4, code.size * 4));
        let idat_len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
        let mut raw = Vec::new();
        ZlibDecoder::new(&png[41..41 + idat_len])
            .read_to_end(&mut raw)
            .unwrap();
        let row_bytes = width.div_ceil(8) as usize;
        // Top-left finder pattern: 7 dark modules (28 px), then a light one.
        let first_row = &raw[1..1 + row_bytes];
        assert_eq!(&first_row[..3], &[0, 0, 0]);
        assert_eq!(first_row[3], 0x0F);
    }
}
