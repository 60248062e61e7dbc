//! Writers: one module per output format, each consuming a [`crate::model::Document`].

pub mod xml;

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
        matches!(self, OutputFormat::Xml)
    }

    /// The formats this build can write.
    pub fn built() -> Vec<OutputFormat> {
        Self::ALL.into_iter().filter(|f| f.is_built()).collect()
    }
}
