//! Diagnostics: what is wrong, where, and a stable code for each kind.

use crate::model::Span;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The document cannot be converted.
    Error,
    /// Suspicious, but the document converts.
    Warning,
}

impl Severity {
    /// Lower-case name, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $explain:literal;)*) => {
        /// A stable diagnostic code; `undoc explain CODE` and the README say what each means.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $(#[doc = $explain] $variant,)* }

        /// Every code, in order.
        pub const ALL_CODES: &[Code] = &[$(Code::$variant,)*];

        impl Code {
            /// The code as printed, e.g. `UND012`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }
            /// The severity diagnostics of this code carry.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
            /// A one-paragraph explanation of the code.
            pub fn explanation(self) -> &'static str {
                match self { $(Code::$variant => $explain,)* }
            }
            /// Looks a code up by its printed form (case-insensitive).
            pub fn parse(s: &str) -> Option<Code> {
                ALL_CODES.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            }
        }
    };
}

codes! {
    Unreadable = "UND001", Error, "The input file could not be read (missing, unreadable, or a directory loop).";
    NotText = "UND002", Error, "The input is not text: invalid UTF-8, NUL bytes or another binary format. Save it as UTF-8 (UTF-16 with a byte order mark is also accepted).";
    Empty = "UND003", Error, "The input holds no document: it is empty or only white space.";
    MalformedXml = "UND004", Error, "The XML is not well-formed; the message says what the parser expected at that position.";
    ForbiddenXml = "UND005", Error, "The XML uses a construct undoc refuses for safety: a DOCTYPE, entity declarations, references to entities other than the five predefined ones, elements nested deeper than 64 levels or an element with more than 64 attributes.";
    TooLarge = "UND006", Error, "The input is larger than undoc reads (64 MiB): no UN document is that large, and the limit keeps memory bounded in a batch.";
    BadPackage = "UND007", Error, "The Word file cannot be read as one: it is not a zip package or is damaged, it would inflate past undoc's limits (256 MiB in all, or a part compressed more than 200 to 1: a zip bomb), it has no `word/document.xml`, it is password-protected (encrypted), or it is a legacy `.doc` (convert it to .docx, e.g. `soffice --headless --convert-to docx FILE.doc`).";
    PdfText = "UND008", Error, "The PDF's text cannot be extracted: it has no text layer (a scan: OCR it first), it is encrypted (remove the password first), it is damaged, or poppler's pdftotext, which undoc runs to read it, is not installed (install the poppler-utils package).";
    FrontMatter = "UND010", Error, "The front-matter block (`---` … `---` at the top of a text source) or a `--set` option is malformed or names an unknown key.";
    BadValue = "UND011", Error, "A masthead value could not be understood: an unknown language, distribution, duty station or an unreadable date.";
    MissingMasthead = "UND012", Error, "A required masthead field is missing: symbol, organ, distribution, date or original language. Supply it in the source, in front matter (`symbol: A/78/1`) or with `--set symbol=A/78/1`.";
    MissingTitle = "UND013", Error, "The document has no title line after its masthead.";
    Structure = "UND014", Warning, "A line could not be placed in the document structure (e.g. a list item with no paragraph to hold it) and was kept as plain text, or a heading's number was given by its position.";
    BadImage = "UND015", Error, "A figure's picture cannot be used: the file is missing, lies outside the source's folder, is not PNG, JPEG, EMF or WMF, is damaged, or is larger than undoc accepts (20 MB, 10,000 pixels a side, 36 megapixels).";
    Unsupported = "UND016", Warning, "The Markdown holds something a UN document cannot: an HTML block, a code block, a heading deeper than four levels (`#####`), strikethrough, a block quote, inline code or HTML, a link that is not a web address. It is left out or kept as plain text, as the message says.";
    MalformedCitation = "UND017", Warning, "Running text holds what looks like a document symbol but does not follow the UN symbol grammar (e.g. `A/HRC/54//32`), so it is not linked: correct it, or ignore the warning if it is not a symbol.";
    AknUnheld = "UND018", Warning, "An Akoma Ntoso input holds something undoc's document model cannot (a speech, a signature, a term definition, an element of another vocabulary, a document type other than doc, statement or debateReport): the message names the element, its eId and what was kept of it, at its line.";
    ExtractedText = "UND019", Warning, "Text extracted from a PDF held something the reader could not place with certainty: a footnote whose mark was not found once in its page's text (the note is kept, its mark put at the end of the page's last line of running text), a table whose rows and columns are not clear (kept as one block, a row per line) or whose header cells came partly after its rows (the header kept as one heading across the table), or a heading or paragraph whose number breaks its sequence (read as text, its label kept, where that mends the sequence). Check the place; `--verbose` lists every line dropped, moved or kept.";
    Schema = "UND020", Error, "The document does not conform to the undoc XML schema (schemas/undoc.xsd); the message names the element and what was expected.";
    AknSchema = "UND021", Error, "The Akoma Ntoso document (an .akn.xml input, or undoc's own --to akn output) does not conform to the OASIS Akoma Ntoso 3.0 schema (schemas/akn/akomantoso30.xsd); the message names the element and what was expected.";
    ParaNumbering = "UND030", Error, "Paragraph numbers must run 1, 2, 3 … through the whole document, without gap or repeat; lists inside a paragraph do not advance the count.";
    DivisionOrder = "UND031", Error, "Chapters must run I, II, III … and sections A, B, C … within each chapter, in order; annexes run Annex I, Annex II … without gap or repeat (a lone annex may be unnumbered).";
    ItemOrder = "UND032", Error, "The items of a list must run (a), (b), (c) … or 1, 2, 3 … in order.";
    BadSymbol = "UND033", Error, "The document symbol does not follow the UN symbol grammar: series/parts/suffixes such as `A/78/123/Add.1`, `S/RES/2712 (2023)` or `A/80/6 (Sect. 24)`.";
    UnrealDate = "UND034", Error, "The date does not exist in the calendar (e.g. 31 June or 29 February of a common year).";
    ScriptMismatch = "UND035", Warning, "The text is not in the script of the declared language (e.g. a Chinese document with no Han characters): check the language line or `--set language=`.";
    Footnote = "UND036", Error, "A footnote mark has no footnote text, a footnote is never referred to, or footnotes are not numbered 1, 2, 3 … in order.";
    FloatNumbering = "UND037", Error, "Tables and figures are numbered 1, 2, 3 … through the body and again through each annex (each kind on its own), and subheadings 1, 2, 3 … (level 3) and (a), (b) … (level 4) within their section.";
    TableGrid = "UND038", Error, "The rows of a table do not fill the same number of grid columns once column and row spans are counted, or a span runs past the grid.";
    TableNotes = "UND039", Warning, "A table or figure note mark (a, b, c) has no note, a note is never marked, or the notes are not lettered a, b, c … in order. A warning, not an error: official documents have such slips (a mark in a heading outside the table, a note that went missing), and an archive must still convert; `--deny-warnings` makes it fail a draft.";
    WriteFailed = "UND040", Error, "An output file could not be written (permissions, full disk); nothing partial was left behind.";
    OutputClash = "UND041", Error, "Two inputs would write the same output file (e.g. `report.txt` and `report.xml` in one folder); rename one or convert them separately.";
    FontDir = "UND050", Error, "The `--font-dir` directory cannot be read; give a directory holding .ttf, .otf or .ttc files.";
    MissingGlyph = "UND051", Warning, "A character is in none of the PDF fonts (the bundled Liberation Serif, Noto Naskh Arabic and Noto Serif SC, or those of `--font-dir`); it is left out of the PDF. Add a font that covers it with `--font-dir`.";
    BadFont = "UND052", Warning, "A font file in `--font-dir` could not be read or embedded and was skipped.";
    PdfExport = "UND053", Error, "The PDF could not be produced: the PDF library refused the document (for example a PDF/A or PDF/UA rule it could not meet); the message gives its reason.";
    PdfLayout = "UND054", Warning, "The PDF cannot show something as the source has it, and shows a stand-in: a figure's EMF or WMF picture (carried in XML and DOCX) or a damaged picture becomes a framed box with its alternative text; a table too wide for the page even at its narrowest columns is squeezed, its words overflowing the cells; a word longer than the line (a checksum, a long address) is broken across lines where it must, without a hyphen.";
    Internal = "UND090", Error, "undoc itself failed on this document (an internal error, caught): nothing was written for it and the batch went on. Please report it with the file.";
}

/// One finding about a document, pointing at its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem this is.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// A message a person can act on.
    pub message: String,
    /// Where in the source (line 0 when the whole file is concerned).
    pub span: Span,
    /// How many characters from the column the problem covers (a token, a
    /// line), for the underline; 0 when the reader does not know.
    pub length: u32,
    /// The masthead field (front-matter key) the diagnostic is about: a
    /// field reported unreadable is not reported missing as well.
    pub field: Option<&'static str>,
    /// The character the diagnostic is about (UND051). The span then marks
    /// where the text holding it starts, and the batch pins it to the
    /// character's own line and column in the source (see
    /// [`crate::read::attach_excerpts`]): markup and line breaks inside the
    /// text leave the model's count short.
    pub character: Option<char>,
    /// What reports show of the source there; attached by the batch while
    /// the source is still in memory, so reports never read it again.
    pub excerpt: Option<Excerpt>,
}

/// The piece of source a diagnostic points into, as reports show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// In a package source (a Word file), the place: `word/document.xml,
    /// table 3, row 2, cell 4`; `None` in a text source.
    pub place: Option<String>,
    /// The source line (or the place's text), cut around the column when long.
    pub text: String,
    /// The 1-based character column of the diagnostic in `text`.
    pub column: u32,
    /// How many characters from `column` to underline (at least 1).
    pub length: u32,
}

impl Diagnostic {
    /// A diagnostic of `code` with its usual severity.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span,
            length: 0,
            field: None,
            character: None,
            excerpt: None,
        }
    }

    /// The same diagnostic covering `length` characters from its column.
    pub fn with_length(mut self, length: u32) -> Self {
        self.length = length;
        self
    }

    /// The same diagnostic, about masthead field `key`.
    pub fn about(mut self, key: &'static str) -> Self {
        self.field = Some(key);
        self
    }

    /// The same diagnostic, about character `c` of the source.
    pub fn about_character(mut self, c: char) -> Self {
        self.character = Some(c);
        self.length = 1;
        self
    }

    /// Whether this diagnostic stops the document from converting.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_explained() {
        let mut seen = std::collections::HashSet::new();
        for code in ALL_CODES {
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
            assert!(code.explanation().len() > 40);
            assert_eq!(Code::parse(code.as_str()), Some(*code));
        }
    }
}
