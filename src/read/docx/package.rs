//! The Word package: a zip of XML parts, opened with limits checked before
//! anything is inflated (a zip bomb is refused from its directory), and the
//! OLE containers Word uses for encrypted and legacy files told apart.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;

/// The most a package may inflate to, all parts together.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// The highest compression ratio accepted for a part over [`RATIO_FLOOR`]
/// bytes: Word's XML compresses about 25 to 1; a bomb, thousands to 1.
pub const MAX_RATIO: u64 = 200;

/// Parts smaller than this are not held to [`MAX_RATIO`]: they cost nothing.
const RATIO_FLOOR: u64 = 1024 * 1024;

/// The first bytes of an OLE compound file (legacy `.doc`, encrypted `.docx`).
pub const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// An opened Word package: its parts by name, inflated on demand.
pub struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Uncompressed bytes inflated so far.
    inflated: u64,
}

fn refuse(message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Code::BadPackage, Span::default(), message)
}

impl<'a> Package<'a> {
    /// Opens the package, or says why these bytes are not a Word file undoc reads.
    pub fn open(bytes: &'a [u8]) -> Result<Self, Diagnostic> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(refuse(ole_message(bytes)));
        }
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            refuse(format!(
                "not a Word file: a .docx is a zip package, and this one cannot be opened ({e})"
            ))
        })?;
        let mut package = Package {
            archive,
            inflated: 0,
        };
        package.check_sizes()?;
        Ok(package)
    }

    /// Refuses a package whose directory declares more than undoc inflates.
    fn check_sizes(&mut self) -> Result<(), Diagnostic> {
        let mut total: u64 = 0;
        for i in 0..self.archive.len() {
            let entry = self
                .archive
                .by_index_raw(i)
                .map_err(|e| refuse(format!("a damaged zip entry: {e}")))?;
            let (size, packed) = (entry.size(), entry.compressed_size().max(1));
            total = total.saturating_add(size);
            if size > RATIO_FLOOR && size / packed > MAX_RATIO {
                return Err(refuse(format!(
                    "refused as a zip bomb: `{}` would inflate {} times ({} MiB from {} KiB); Word parts compress about 25 to 1",
                    entry.name().unwrap_or_default(),
                    size / packed,
                    size / (1024 * 1024),
                    packed / 1024
                )));
            }
        }
        if total > MAX_TOTAL_BYTES {
            return Err(refuse(format!(
                "refused as a zip bomb: the parts would inflate to {} MiB; undoc reads Word files up to {} MiB inflated",
                total / (1024 * 1024),
                MAX_TOTAL_BYTES / (1024 * 1024)
            )));
        }
        Ok(())
    }

    /// Whether the package holds a part of this name.
    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The bytes of the part `name`, or `None` when there is none; inflated
    /// no further than its declared size and the package's budget.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let budget = MAX_TOTAL_BYTES - self.inflated;
        let mut entry = self
            .archive
            .by_index(index)
            .map_err(|e| refuse(format!("the part `{name}` cannot be read: {e}")))?;
        let declared = entry.size();
        if declared > budget {
            return Err(refuse(format!(
                "refused as a zip bomb: the parts would inflate past {} MiB",
                MAX_TOTAL_BYTES / (1024 * 1024)
            )));
        }
        let mut out = Vec::with_capacity(declared.min(64 * 1024 * 1024) as usize);
        (&mut entry)
            .take(declared + 1)
            .read_to_end(&mut out)
            .map_err(|e| refuse(format!("the part `{name}` is damaged: {e}")))?;
        if out.len() as u64 > declared {
            return Err(refuse(format!(
                "the part `{name}` inflates past the size its zip entry declares: refused as a zip bomb"
            )));
        }
        self.inflated += out.len() as u64;
        Ok(Some(out))
    }

    /// Every part name, for parts found by pattern (headers, footers).
    pub fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(Result::ok)
            .map(|name| name.into_owned())
            .collect()
    }
}

/// Why an OLE container is not read: an encrypted Word file keeps its
/// package in an `EncryptedPackage` stream; a legacy `.doc` has a
/// `WordDocument` stream. Stream names are UTF-16 in the directory.
fn ole_message(bytes: &[u8]) -> String {
    let has = |name: &str| {
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
    };
    if has("EncryptedPackage") || has("EncryptionInfo") {
        "this Word file is password-protected (encrypted): undoc cannot read it; remove the password in Word (File > Info > Protect Document) and save it again".into()
    } else {
        "this is a legacy Word .doc file (an OLE compound file), which undoc does not read: convert it to .docx, e.g. with LibreOffice: `soffice --headless --convert-to docx FILE.doc`".into()
    }
}

/// A part's relationships (`word/_rels/document.xml.rels`): id → (type, target).
pub type Rels = HashMap<String, Rel>;

/// One relationship of a part.
#[derive(Debug, Clone)]
pub struct Rel {
    /// The last segment of its type URI (`image`, `header`, `hyperlink`, `footnotes`).
    pub kind: String,
    /// The target: a part name resolved against the source part's folder,
    /// or an external address as written.
    pub target: String,
    /// Whether the target is outside the package (a web address).
    pub external: bool,
}

/// The name of the relationships part of `part` (`word/document.xml` →
/// `word/_rels/document.xml.rels`).
pub fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Resolves a relative target against the folder of `part`
/// (`word/document.xml` + `media/image1.png` → `word/media/image1.png`).
pub fn resolve(part: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut segments: Vec<&str> = match part.rsplit_once('/') {
        Some((dir, _)) => dir.split('/').collect(),
        None => Vec::new(),
    };
    for seg in target.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

const FUZZ_STYLES: &[u8] = br#"<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="HCh"><w:basedOn w:val="H1"/></w:style><w:style w:type="paragraph" w:styleId="H1"><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="SingleTxt"/><w:style w:type="paragraph" w:styleId="Num"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#;
const FUZZ_NUMBERING: &[u8] = br#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
const FUZZ_RELS: &[u8] = br#"<Relationships><Relationship Id="r1" Type="x/styles" Target="styles.xml"/><Relationship Id="r2" Type="x/numbering" Target="numbering.xml"/><Relationship Id="r3" Type="x/hyperlink" Target="https://undocs.org" TargetMode="External"/></Relationships>"#;

/// A package whose story is `document`, with a few DGACM styles, a
/// numbering and a link: the fuzz target's frame around the XML it varies
/// (the regression tests replay its crashes through it).
pub fn story_package(document: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in [
        ("word/document.xml", document),
        ("word/styles.xml", FUZZ_STYLES),
        ("word/numbering.xml", FUZZ_NUMBERING),
        ("word/_rels/document.xml.rels", FUZZ_RELS),
    ] {
        // Writing to memory cannot fail.
        let _ = zip.start_file(name, options);
        let _ = zip.write_all(bytes);
    }
    let _ = zip.finish();
    out.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(
            resolve("word/document.xml", "media/image1.png"),
            "word/media/image1.png"
        );
        assert_eq!(
            resolve("word/document.xml", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve("_rels/.rels", "/word/document.xml"),
            "word/document.xml"
        );
        assert_eq!(rels_name("word/header3.xml"), "word/_rels/header3.xml.rels");
    }

    #[test]
    fn ole_containers_are_told_apart() {
        let mut bytes = OLE_MAGIC.to_vec();
        bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(ole_message(&bytes).contains("password-protected"));
        let mut doc = OLE_MAGIC.to_vec();
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(ole_message(&doc).contains("soffice --headless --convert-to docx"));
    }
}
