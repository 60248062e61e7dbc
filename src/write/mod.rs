//! Writers: one module per output format, each consuming a [`crate::model::Document`].

pub mod barcode;
pub mod docx;
pub mod page;
pub mod pdf;
pub mod xml;

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::model::{Document, DutyStation};

/// The output formats undoc knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutputFormat {
    /// Canonical UN XML.
    Xml,
    /// Word (WordprocessingML).
    Docx,
    /// PDF.
    Pdf,
}

impl OutputFormat {
    /// Every format undoc knows, in output order.
    pub const ALL: [OutputFormat; 3] = [OutputFormat::Xml, OutputFormat::Docx, OutputFormat::Pdf];

    /// The file extension (and the name used by `--to`).
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Xml => "xml",
            OutputFormat::Docx => "docx",
            OutputFormat::Pdf => "pdf",
        }
    }

    /// Parses a `--to` name.
    pub fn parse(name: &str) -> Option<OutputFormat> {
        Self::ALL
            .into_iter()
            .find(|f| f.extension() == name.trim().to_ascii_lowercase())
    }

    /// Whether this build of undoc can write the format.
    pub fn is_built(self) -> bool {
        matches!(
            self,
            OutputFormat::Xml | OutputFormat::Docx | OutputFormat::Pdf
        )
    }

    /// The formats this build can write.
    pub fn built() -> Vec<OutputFormat> {
        Self::ALL.into_iter().filter(|f| f.is_built()).collect()
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
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
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

/// Renders `doc` in `format`; the XML is already serialized in `xml`.
pub fn render(
    format: OutputFormat,
    doc: &Document,
    xml: &xml::XmlOutput,
    options: &WriteOptions,
) -> Result<Rendered, Diagnostic> {
    match format {
        OutputFormat::Xml => Ok(Rendered {
            bytes: xml.xml.as_bytes().to_vec(),
            ..Rendered::default()
        }),
        OutputFormat::Docx => docx::write(doc, options),
        OutputFormat::Pdf => pdf::write(doc, options),
    }
}
