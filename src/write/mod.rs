//! Writers: one module per output format, each consuming a [`crate::model::Document`].

pub mod akn;
pub mod barcode;
pub mod docx;
pub mod emit;
pub mod grouped;
pub mod page;
pub mod pdf;
pub mod xml;

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::model::{Document, DutyStation};

/// One output format undoc writes: a row of [`OUTPUT_FORMATS`].
pub struct OutputFormat {
    /// Its name for `--to` and in the manifest.
    pub name: &'static str,
    /// The suffix of its files, without the leading dot.
    pub suffix: &'static str,
    /// One line on what it is.
    pub description: &'static str,
    /// Whether it has pages (and reports how many).
    pub paged: bool,
    /// Whether its writer needs many times the memory of the others (the
    /// PDF's layout): a document's formats render it first, so the outputs
    /// of the others are not held through its peak.
    pub heavy: bool,
    /// The writer.
    pub write: fn(&Document, &WriteOptions) -> Result<Rendered, Diagnostic>,
    /// What the writer loads once per process before its first document
    /// (the PDF's fonts and their character maps), if anything: a run
    /// loads it on a spare thread while the schema compiles.
    pub load: Option<fn(&WriteOptions)>,
}

impl PartialEq for OutputFormat {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for OutputFormat {}

impl std::fmt::Debug for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Every output format, in the order outputs are written; the CLI, the
/// manifest, the summary and the incremental fingerprint take their lists
/// from here. A new writer is one module and one row.
pub static OUTPUT_FORMATS: &[OutputFormat] = &[
    OutputFormat {
        name: "xml",
        suffix: "xml",
        description: "undoc's canonical UN XML, valid against schemas/undoc.xsd",
        paged: false,
        heavy: false,
        write: xml::render,
        load: None,
    },
    OutputFormat {
        name: "akn",
        suffix: "akn.xml",
        description: "Akoma Ntoso 3.0 as AKN4UN profiles it, valid against schemas/akn/akomantoso30.xsd",
        paged: false,
        heavy: false,
        write: akn::render,
        load: None,
    },
    OutputFormat {
        name: "docx",
        suffix: "docx",
        description: "Word, with the DGACM styles, masthead, running headers and footnotes",
        paged: true,
        heavy: false,
        write: docx::write,
        load: None,
    },
    OutputFormat {
        name: "pdf",
        suffix: "pdf",
        description: "typeset PDF/A-2a and PDF/UA-1, fonts embedded",
        paged: true,
        heavy: true,
        write: pdf::write,
        load: Some(pdf::load_fonts),
    },
];

impl OutputFormat {
    /// The format named `name` (case-insensitive).
    pub fn by_name(name: &str) -> Option<&'static OutputFormat> {
        let name = name.trim().to_ascii_lowercase();
        OUTPUT_FORMATS.iter().find(|f| f.name == name)
    }

    /// The format of a file by its name's suffix, the longest that matches
    /// (`r.akn.xml` is Akoma Ntoso, `r.xml` undoc XML).
    pub fn for_path(path: &std::path::Path) -> Option<&'static OutputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        OUTPUT_FORMATS
            .iter()
            .filter(|f| crate::suffix::has_suffix(&name, f.suffix))
            .max_by_key(|f| f.suffix.len())
    }

    /// The names of every format, comma-separated, for messages.
    pub fn names() -> String {
        OUTPUT_FORMATS
            .iter()
            .map(|f| f.name)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Where this format's output of a source with `stem` goes under `dir`.
    pub fn path(&self, dir: &std::path::Path, stem: &std::path::Path) -> PathBuf {
        let mut name = stem.as_os_str().to_os_string();
        name.push(".");
        name.push(self.suffix);
        dir.join(name)
    }

    /// Position in [`OUTPUT_FORMATS`].
    pub fn index(&self) -> usize {
        OUTPUT_FORMATS
            .iter()
            .position(|f| f == self)
            .unwrap_or_default()
    }
}

/// Paper sizes of UN documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Paper {
    /// ISO A4, 595.28 × 841.89 pt (Geneva, Vienna, Nairobi).
    A4,
    /// US Letter, 612 × 792 pt (New York).
    Letter,
}

impl Paper {
    /// Parses a `--paper` value.
    pub fn parse(name: &str) -> Option<Paper> {
        match name.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" => Some(Paper::Letter),
            _ => None,
        }
    }

    /// The paper of a document: the override if given, else Letter for New
    /// York and A4 for the other duty stations (and when none is known).
    pub fn for_document(doc: &Document, choice: Option<Paper>) -> Paper {
        choice.unwrap_or(match doc.masthead.duty_station.as_ref().map(|d| d.value) {
            Some(DutyStation::NewYork) => Paper::Letter,
            _ => Paper::A4,
        })
    }

    /// Width and height in points.
    pub const fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => crate::model::US_LETTER_PT,
        }
    }
}

/// Options every writer receives.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// `--paper`: overrides the duty station's paper.
    pub paper: Option<Paper>,
    /// `--font-dir`: extra fonts for the PDF writer.
    pub font_dir: Option<PathBuf>,
    /// `--latin-font`: the Word font for Latin and Cyrillic text [Times New Roman].
    pub latin_font: Option<String>,
    /// `--east-asian-font`: the Word font for Chinese text [SimSun].
    pub east_asian_font: Option<String>,
    /// `--arabic-font`: the Word font for Arabic text [Simplified Arabic].
    pub arabic_font: Option<String>,
}

/// A rendered output and what the writer noticed on the way.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Warnings (or errors) with source positions.
    pub diagnostics: Vec<Diagnostic>,
    /// Number of pages, for paged formats.
    pub pages: Option<u32>,
}
