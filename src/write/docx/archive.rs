//! The package's zip, written directly: entries in the given order, the DOS
//! epoch as every time stamp, Unix mode 0644, no extra fields, sizes in the
//! local headers — byte for byte the layout the zip crate wrote before.
//! Written here so that each thread keeps one compressor for every entry
//! of every package: the zip crate started (allocated and cleared) a new
//! deflate state for each of a package's twenty entries, most of them
//! under 2 KB. The entries are deflated by libdeflate, as the PDF's streams
//! are.

use std::cell::RefCell;

use flate2::Crc;

/// Deflate level of XML parts, on libdeflate's scale: its fastest, which
/// packs them 10 % smaller than zlib-rs's level 2 did, in 4 % less of a
/// conversion's CPU (levels 2 to 6 pack 14–22 % smaller but cost more
/// than zlib-rs did; bench/RESULTS.md).
const DEFLATE_LEVEL: i32 = 1;

/// Zip "version needed to extract": 2.0 for deflate, 1.0 for stored entries.
const VERSION_DEFLATE: u16 = 20;
const VERSION_STORED: u16 = 10;
/// "Version made by": Unix (3) in the high byte.
const MADE_BY_UNIX: u16 = 3 << 8;
/// DOS date of 1980-01-01 (day 1, month 1, year 0); the time is 00:00:00.
const DOS_EPOCH_DATE: u16 = (1 << 5) | 1;
/// External attributes: a regular file, mode 0644.
const REGULAR_0644: u32 = 0o100_644 << 16;

/// One entry's bytes as they go into the zip.
#[derive(Debug)]
pub struct Entry {
    /// CRC-32 of the uncompressed bytes.
    crc: u32,
    /// Uncompressed size.
    size: u32,
    /// Deflated (method 8) or stored (method 0).
    deflated: bool,
    /// The bytes as stored in the zip.
    bytes: Vec<u8>,
}

thread_local! {
    /// The raw deflate compressor of this thread (libdeflate keeps no
    /// state between calls).
    static DEFLATE: RefCell<libdeflater::Compressor> = RefCell::new(
        libdeflater::Compressor::new(
            libdeflater::CompressionLvl::new(DEFLATE_LEVEL).expect("a level libdeflate knows"),
        ),
    );
}

impl Entry {
    /// `data` deflated at [`DEFLATE_LEVEL`].
    pub fn deflated(data: &[u8]) -> std::io::Result<Entry> {
        let bytes = DEFLATE.with_borrow_mut(|c| compress(c, data, Wrapper::Raw));
        Ok(Entry {
            crc: crc32(data),
            size: size(data)?,
            deflated: true,
            bytes,
        })
    }

    /// `data` stored as it is (pictures compressed already).
    pub fn stored(data: Vec<u8>) -> std::io::Result<Entry> {
        Ok(Entry {
            crc: crc32(&data),
            size: size(&data)?,
            deflated: false,
            bytes: data,
        })
    }

    fn version(&self) -> u16 {
        if self.deflated {
            VERSION_DEFLATE
        } else {
            VERSION_STORED
        }
    }

    fn method(&self) -> u16 {
        if self.deflated { 8 } else { 0 }
    }
}

/// How a deflate stream is framed: raw in a zip entry, zlib in a PNG.
#[derive(Debug, Clone, Copy)]
pub enum Wrapper {
    Raw,
    Zlib,
}

/// `data` deflated by `c` as one stream, framed as `wrapper` says.
pub fn compress(c: &mut libdeflater::Compressor, data: &[u8], wrapper: Wrapper) -> Vec<u8> {
    let bound = match wrapper {
        Wrapper::Raw => c.deflate_compress_bound(data.len()),
        Wrapper::Zlib => c.zlib_compress_bound(data.len()),
    };
    let mut out = vec![0; bound];
    let written = match wrapper {
        Wrapper::Raw => c.deflate_compress(data, &mut out),
        Wrapper::Zlib => c.zlib_compress(data, &mut out),
    }
    .expect("the bound leaves room for any input");
    out.truncate(written);
    out.shrink_to_fit();
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = Crc::new();
    crc.update(data);
    crc.sum()
}

/// Zip32 sizes and offsets: a package over 4 GB is refused.
fn size(data: &[u8]) -> std::io::Result<u32> {
    u32::try_from(data.len()).map_err(|_| std::io::Error::other("a part over 4 GB"))
}

/// Zips the entries in order, named as given.
pub fn zip(entries: &[(&str, &Entry)]) -> std::io::Result<Vec<u8>> {
    let capacity = entries
        .iter()
        .map(|(name, e)| 2 * (name.len() + 46) + e.bytes.len())
        .sum::<usize>()
        + 22;
    let mut out = Vec::with_capacity(capacity);
    let mut offsets = Vec::with_capacity(entries.len());
    for (name, entry) in entries {
        offsets.push(offset(&out)?);
        local_header(&mut out, name, entry)?;
        out.extend_from_slice(&entry.bytes);
    }
    let directory_start = offset(&out)?;
    for ((name, entry), at) in entries.iter().zip(offsets) {
        central_header(&mut out, name, entry, at)?;
    }
    let directory_size = offset(&out)? - directory_start;
    let count = u16::try_from(entries.len()).map_err(std::io::Error::other)?;
    out.extend_from_slice(b"PK\x05\x06");
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // the directory's disk
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, directory_size);
    put32(&mut out, directory_start);
    put16(&mut out, 0); // comment length
    Ok(out)
}

fn offset(out: &[u8]) -> std::io::Result<u32> {
    size(out)
}

/// The fields local and central headers share, from "version needed" to
/// the name's length (the extra field's length, always 0, follows).
fn common_fields(out: &mut Vec<u8>, name: &str, entry: &Entry) -> std::io::Result<()> {
    put16(out, entry.version());
    put16(out, 0); // flags
    put16(out, entry.method());
    put16(out, 0); // time 00:00:00
    put16(out, DOS_EPOCH_DATE);
    put32(out, entry.crc);
    put32(out, size(&entry.bytes)?);
    put32(out, entry.size);
    put16(
        out,
        u16::try_from(name.len()).map_err(std::io::Error::other)?,
    );
    put16(out, 0); // extra field length
    Ok(())
}

fn local_header(out: &mut Vec<u8>, name: &str, entry: &Entry) -> std::io::Result<()> {
    out.extend_from_slice(b"PK\x03\x04");
    common_fields(out, name, entry)?;
    out.extend_from_slice(name.as_bytes());
    Ok(())
}

fn central_header(out: &mut Vec<u8>, name: &str, entry: &Entry, at: u32) -> std::io::Result<()> {
    out.extend_from_slice(b"PK\x01\x02");
    put16(out, MADE_BY_UNIX | entry.version());
    common_fields(out, name, entry)?;
    put16(out, 0); // comment length
    put16(out, 0); // disk number
    put16(out, 0); // internal attributes
    put32(out, REGULAR_0644);
    put32(out, at);
    out.extend_from_slice(name.as_bytes());
    Ok(())
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn entries_read_back_with_their_names_methods_and_modes() {
        let text = "<w:p>repeated text, repeated text, repeated text</w:p>".repeat(50);
        let png = vec![0x89, b'P', b'N', b'G', 1, 2, 3];
        let entries = [
            ("a.xml", &Entry::deflated(text.as_bytes()).unwrap()),
            ("media/b.png", &Entry::stored(png.clone()).unwrap()),
            ("c.xml", &Entry::deflated(b"").unwrap()),
        ];
        let bytes = zip(&entries).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut read = |i: usize| {
            let mut file = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            (
                file.name().unwrap().to_string(),
                file.compression(),
                file.unix_mode(),
                data,
            )
        };
        let (name, method, mode, data) = read(0);
        assert_eq!(
            (name.as_str(), method),
            ("a.xml", zip::CompressionMethod::Deflated)
        );
        assert_eq!((mode, data), (Some(0o100_644), text.into_bytes()));
        assert_eq!(read(1).1, zip::CompressionMethod::Stored);
        assert_eq!(read(1).3, png);
        assert!(read(2).3.is_empty());
    }
}
