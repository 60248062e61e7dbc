//! The fonts the PDF writer typesets with: the OFL fonts shipped in `fonts/`
//! (embedded in the binary) and any fonts added with `--font-dir`.
//!
//! Each font is parsed once per process and shared by every thread: a
//! [`FontSet`] holds the bytes, the krilla font (which subsets and embeds)
//! and the family names the layout engine asks for.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use parley::fontique::{Blob, Collection, CollectionOptions};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;

mod mapped;
pub use mapped::needs_no_glyph;
use mapped::{Coverage, Uncovered};

/// Family name of Liberation Serif (Latin, Cyrillic; metric-compatible with Times New Roman).
pub const LIBERATION_SERIF: &str = "Liberation Serif";
/// Family name of Noto Naskh Arabic.
pub const NOTO_NASKH_ARABIC: &str = "Noto Naskh Arabic";
/// Family name of Noto Serif SC (simplified Chinese).
pub const NOTO_SERIF_SC: &str = "Noto Serif SC";

/// The fonts shipped with undoc, as (file name, bytes): a `static`, so
/// that the bytes have one address ([`is_bundled`] compares it).
static BUNDLED: [(&str, &[u8]); 8] = [
    (
        "LiberationSerif-Regular.ttf",
        include_bytes!("../../../fonts/LiberationSerif-Regular.ttf"),
    ),
    (
        "LiberationSerif-Bold.ttf",
        include_bytes!("../../../fonts/LiberationSerif-Bold.ttf"),
    ),
    (
        "LiberationSerif-Italic.ttf",
        include_bytes!("../../../fonts/LiberationSerif-Italic.ttf"),
    ),
    (
        "LiberationSerif-BoldItalic.ttf",
        include_bytes!("../../../fonts/LiberationSerif-BoldItalic.ttf"),
    ),
    (
        "NotoNaskhArabic-Regular.ttf",
        include_bytes!("../../../fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "NotoNaskhArabic-Bold.ttf",
        include_bytes!("../../../fonts/NotoNaskhArabic-Bold.ttf"),
    ),
    (
        "NotoSerifSC-Regular.ttf",
        include_bytes!("../../../fonts/NotoSerifSC-Regular.ttf"),
    ),
    (
        "NotoSerifSC-Bold.ttf",
        include_bytes!("../../../fonts/NotoSerifSC-Bold.ttf"),
    ),
];

/// One face of a font file.
struct Face {
    blob_id: u64,
    index: u32,
    pdf: krilla::text::Font,
}

/// A set of parsed fonts: the bundled ones, plus those of a `--font-dir`.
pub struct FontSet {
    /// Every registered font file, in registration order.
    blobs: Vec<Blob<u8>>,
    faces: Vec<Face>,
    /// Families found in `--font-dir`, tried after each language's own list.
    extra_families: Vec<String>,
    /// Problems met while loading (unreadable font files), reported per document.
    warnings: Vec<String>,
    /// Which code points some face maps, built on first use.
    coverage: OnceLock<Coverage>,
}

/// A font file's bytes, shared by the layout engine and the PDF writer.
type SharedBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Whether `bytes` are one of the bundled font files (the very bytes, not
/// a copy: fonts from `--font-dir` never are).
pub(crate) fn is_bundled(bytes: &[u8]) -> bool {
    BUNDLED
        .iter()
        .any(|(_, file)| std::ptr::eq(file.as_ptr(), bytes.as_ptr()) && file.len() == bytes.len())
}

impl FontSet {
    /// The bundled fonts, parsed on first use.
    pub fn bundled() -> Arc<FontSet> {
        static BUNDLED_SET: LazyLock<Arc<FontSet>> = LazyLock::new(|| {
            let mut set = FontSet::empty();
            for (name, bytes) in BUNDLED {
                let shared: SharedBytes = Arc::new(bytes);
                if let Err(e) = set.add(shared) {
                    set.warnings.push(format!("bundled font {name}: {e}"));
                }
            }
            Arc::new(set)
        });
        BUNDLED_SET.clone()
    }

    /// The bundled fonts plus every font file in `dir`, parsed once per
    /// process and directory.
    pub fn with_dir(dir: &Path) -> Result<Arc<FontSet>, Diagnostic> {
        static BY_DIR: LazyLock<Mutex<HashMap<PathBuf, Arc<FontSet>>>> =
            LazyLock::new(|| Mutex::new(HashMap::new()));
        let key = dir.canonicalize().map_err(|e| font_dir_error(dir, &e))?;
        let mut cache = BY_DIR.lock().unwrap_or_else(|poison| poison.into_inner());
        if let Some(set) = cache.get(&key) {
            return Ok(set.clone());
        }
        let bundled = FontSet::bundled();
        let mut set = FontSet {
            blobs: bundled.blobs.clone(),
            faces: bundled
                .faces
                .iter()
                .map(|f| Face {
                    blob_id: f.blob_id,
                    index: f.index,
                    pdf: f.pdf.clone(),
                })
                .collect(),
            extra_families: Vec::new(),
            warnings: bundled.warnings.clone(),
            coverage: OnceLock::new(),
        };
        let mut files = Vec::new();
        collect_font_files(&key, &mut files, 0).map_err(|e| font_dir_error(dir, &e))?;
        files.sort();
        for file in files {
            let loaded = std::fs::read(&file)
                .map_err(|e| e.to_string())
                .and_then(|bytes| set.add(Arc::new(bytes)));
            match loaded {
                Ok(families) => {
                    for family in families {
                        if !set.extra_families.contains(&family) && !is_bundled_family(&family) {
                            set.extra_families.push(family);
                        }
                    }
                }
                Err(e) => set.warnings.push(format!("{}: {e}", file.display())),
            }
        }
        let set = Arc::new(set);
        cache.insert(key, set.clone());
        Ok(set)
    }

    fn empty() -> FontSet {
        FontSet {
            blobs: Vec::new(),
            faces: Vec::new(),
            extra_families: Vec::new(),
            warnings: Vec::new(),
            coverage: OnceLock::new(),
        }
    }

    /// Registers every face of a font file; returns the family names it holds.
    fn add(&mut self, bytes: SharedBytes) -> Result<Vec<String>, String> {
        let blob = Blob::new(bytes.clone());
        let mut probe = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        let registered = probe.register_fonts(blob.clone(), None);
        if registered.is_empty() {
            return Err("not a font undoc can read".into());
        }
        let mut families = Vec::new();
        for (family, fonts) in registered {
            if let Some(name) = probe.family_name(family) {
                families.push(name.to_string());
            }
            for font in fonts {
                let data = krilla::Data::from(bytes.clone());
                let pdf = krilla::text::Font::new(data, font.index())
                    .ok_or_else(|| format!("face {} cannot be embedded", font.index()))?;
                self.faces.push(Face {
                    blob_id: blob.id(),
                    index: font.index(),
                    pdf,
                });
            }
        }
        self.blobs.push(blob);
        Ok(families)
    }

    /// The krilla font of a face the layout engine chose.
    pub fn pdf_font(&self, blob_id: u64, index: u32) -> Option<&krilla::text::Font> {
        self.faces
            .iter()
            .find(|f| f.blob_id == blob_id && f.index == index)
            .map(|f| &f.pdf)
    }

    /// The bytes of a registered font file.
    pub fn face_data(&self, blob_id: u64) -> Option<&[u8]> {
        self.blobs
            .iter()
            .find(|b| b.id() == blob_id)
            .map(|b| b.data())
    }

    /// Whether some face of the set has a glyph for `c` (its character map
    /// maps it): the fonts the layout falls back on for any language.
    pub fn covers(&self, c: char) -> bool {
        // Printable ASCII is in every bundled face; no map needs reading.
        if c.is_ascii_graphic() || c == ' ' {
            return true;
        }
        self.coverage().covers(c)
    }

    /// The characters of `text` that need a glyph and that no face of the
    /// set maps, with their byte offsets. ASCII is skipped unread: every
    /// bundled face has its printable part, and its controls need no glyph.
    pub fn uncovered<'t>(&'t self, text: &'t str) -> Uncovered<'t> {
        self.coverage().uncovered(text)
    }

    /// Reads which code points the faces map, if not read yet.
    pub(super) fn load_coverage(&self) {
        self.coverage();
    }

    /// Which code points the faces map, read on first use.
    fn coverage(&self) -> &Coverage {
        self.coverage.get_or_init(|| {
            Coverage::of(self.faces.iter().filter_map(|face| {
                let blob = self.blobs.iter().find(|b| b.id() == face.blob_id)?;
                Some((blob, face.index))
            }))
        })
    }

    /// Families from `--font-dir`, tried after each language's own fonts.
    pub fn extra_families(&self) -> &[String] {
        &self.extra_families
    }

    /// Fonts that could not be loaded, as messages.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// A fresh font collection for the layout engine holding every font of the set.
    pub fn collection(&self) -> Collection {
        let mut collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        for blob in &self.blobs {
            collection.register_fonts(blob.clone(), None);
        }
        collection
    }
}

fn is_bundled_family(name: &str) -> bool {
    [LIBERATION_SERIF, NOTO_NASKH_ARABIC, NOTO_SERIF_SC].contains(&name)
}

fn font_dir_error(dir: &Path, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::new(
        Code::FontDir,
        Span::default(),
        format!("--font-dir {}: {e}", dir.display()),
    )
}

/// Font files (`.ttf`, `.otf`, `.ttc`, `.otc`) under `dir`, a few levels deep.
fn collect_font_files(dir: &Path, out: &mut Vec<PathBuf>, depth: u32) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if depth < 4 {
                collect_font_files(&path, out, depth + 1)?;
            }
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["ttf", "otf", "ttc", "otc"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        }) {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bundled_bytes_themselves_count_as_bundled() {
        for (_, bytes) in BUNDLED {
            assert!(is_bundled(bytes));
            // The same file read from a font directory is another face.
            let copy: Vec<u8> = bytes.to_vec();
            assert!(!is_bundled(&copy));
            assert!(!is_bundled(&bytes[..bytes.len() - 1]));
        }
    }

    #[test]
    fn bundled_fonts_load_once_with_all_faces() {
        let a = FontSet::bundled();
        let b = FontSet::bundled();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(a.warnings().is_empty(), "{:?}", a.warnings());
        assert_eq!(a.faces.len(), 8);
        let mut collection = a.collection();
        let names: Vec<String> = collection.family_names().map(str::to_string).collect();
        for family in [LIBERATION_SERIF, NOTO_NASKH_ARABIC, NOTO_SERIF_SC] {
            assert!(names.iter().any(|n| n == family), "{family} in {names:?}");
        }
    }
}
