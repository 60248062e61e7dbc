//! Readers: one module per source format, each producing a [`Document`].
//!
//! A reader never knows about a writer. Every reader returns the diagnostics
//! it found alongside the document (when one could be built at all).

pub mod akn;
pub mod audit;
mod citations;
pub mod decode;
pub mod docx;
pub mod fields;
pub(crate) mod inline;
pub mod markdown;
pub mod pdf;
pub mod text;
mod view;
mod watch;
pub mod xml;

use std::path::Path;

pub(crate) use decode::window;
pub use decode::{decode, span_of_offset};
pub use view::{Place, SourceView, attach_excerpts};
pub use watch::XmlWatch;

use crate::diagnostic::Diagnostic;
use crate::model::{Document, Span};

/// A source handed to a reader: its bytes, and the path they came from (to
/// name it, and to find what it refers to relative to itself).
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file's bytes, undecoded: each reader decodes what it reads.
    pub bytes: &'a [u8],
    /// Where the bytes came from.
    pub path: &'a Path,
}

impl<'a> Source<'a> {
    /// Bytes held in memory, with no file behind them.
    pub fn bytes(bytes: &'a [u8]) -> Self {
        Source {
            bytes,
            path: Path::new(""),
        }
    }

    /// The folder the source stands in, where the pictures it names are
    /// looked for (none for bytes with no file behind them).
    pub fn dir(&self) -> Option<&'a Path> {
        self.path
            .parent()
            .filter(|_| !self.path.as_os_str().is_empty())
    }
}

/// One source format undoc reads: a row of [`INPUT_FORMATS`].
#[derive(Debug)]
pub struct InputFormat {
    /// Its name, as `--list-input-formats` prints it.
    pub name: &'static str,
    /// File-name suffixes (without the leading dot), matched case-insensitively.
    pub suffixes: &'static [&'static str],
    /// One line on what it is.
    pub description: &'static str,
    /// Whether a file's first bytes look like this format.
    pub looks_like: Sniffer,
    /// The reader.
    pub read: fn(&Source) -> ReadOutcome,
    /// The reader, for an XML format whose reader lets validation watch
    /// the events it tokenizes (see [`XmlWatch`]), so that the source is
    /// tokenized once for both.
    pub read_watched: Option<fn(&Source, &mut dyn XmlWatch) -> ReadOutcome>,
    /// For a format read as text: the reader of the decoded text of a
    /// source (whose bytes are that text), shown the XML's events when it
    /// can show them. With it, bytes a caller gives up are decoded where
    /// they lie ([`read_owned_watched`]).
    pub parse_text: Option<ParseText>,
    /// Whether the source is undoc XML, which the schema checks as written
    /// (so schema errors point at the file's own lines).
    pub is_undoc_xml: bool,
    /// A schema of the format's own that its sources are checked against
    /// as written, besides undoc's; validation holds the schemas.
    pub schema: Option<SourceSchema>,
}

/// A reader of decoded text (see [`InputFormat::parse_text`]).
pub type ParseText = fn(&str, &Source, Option<&mut dyn XmlWatch>) -> ReadOutcome;

/// The schemas of source formats (validation compiles and applies them;
/// a reader only says which one its format has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceSchema {
    /// The OASIS Akoma Ntoso 3.0 schema (`schemas/akn/`).
    AkomaNtoso,
}

impl PartialEq for InputFormat {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

/// Every source format undoc reads; discovery, the CLI and the reports take
/// their lists from here. A new reader is one module and one row.
pub static INPUT_FORMATS: &[InputFormat] = &[
    InputFormat {
        name: "markdown",
        suffixes: &["md", "markdown"],
        description: "Markdown draft: CommonMark with pipe tables and footnotes, YAML front matter for the masthead (see the README's Markdown drafts)",
        looks_like: markdown::looks_like,
        read: markdown::read_source,
        read_watched: None,
        parse_text: Some(markdown::parse_text),
        is_undoc_xml: false,
        schema: None,
    },
    InputFormat {
        name: "text",
        suffixes: &["txt"],
        description: "UN report text: the form archived reports extract to (masthead, title, numbered chapters, sections and paragraphs)",
        looks_like: text::looks_like,
        read: text::read_source,
        read_watched: None,
        parse_text: Some(text::parse_text),
        is_undoc_xml: false,
        schema: None,
    },
    InputFormat {
        name: "docx",
        suffixes: &["docx", "docm"],
        description: "Word files in the DGACM styles (.docx; .docm read the same, macros ignored): masthead, headings by style, numbered paragraphs, lists, tables, footnotes, figures",
        looks_like: docx::looks_like,
        read: docx::read_source,
        read_watched: None,
        parse_text: None,
        is_undoc_xml: false,
        schema: None,
    },
    InputFormat {
        name: "xml",
        suffixes: &["xml"],
        description: "undoc's canonical UN XML (namespace urn:undoc:1, schemas/undoc.xsd)",
        looks_like: xml::looks_like,
        read: xml::read_source,
        read_watched: Some(xml::read_source_watched),
        parse_text: Some(xml::parse_text),
        is_undoc_xml: true,
        schema: None,
    },
    InputFormat {
        name: "akn",
        suffixes: &["akn.xml"],
        description: "Akoma Ntoso 3.0 (namespace http://docs.oasis-open.org/legaldocml/ns/akn/3.0): undoc's --to akn output, AKN4UN and other publishers' documents",
        looks_like: akn::looks_like,
        read: akn::read_source,
        read_watched: None,
        parse_text: Some(akn::parse_text),
        is_undoc_xml: false,
        schema: Some(SourceSchema::AkomaNtoso),
    },
    InputFormat {
        name: "pdf",
        suffixes: &["pdf"],
        description: "PDF files with a text layer (official UN PDFs, undoc's own): the text is extracted by poppler's pdftotext (package poppler-utils) and read as archive text: page furniture and contents dropped, footnotes and tables rebuilt",
        looks_like: pdf::looks_like,
        read: pdf::read_source,
        read_watched: None,
        parse_text: None,
        is_undoc_xml: false,
        schema: None,
    },
];

/// Whether a file's first bytes look like a format.
type Sniffer = fn(&[u8]) -> bool;

/// Formats undoc recognises by their first bytes but does not read, so a
/// file of one of them gets a diagnostic that names it.
static RECOGNISED_ONLY: &[(&str, Sniffer)] = &[(
    "an OLE compound file: a legacy Word .doc (convert it to .docx, e.g. `soffice --headless --convert-to docx FILE.doc`) or a password-protected Word file",
    |b| b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
)];

impl InputFormat {
    /// The format of a file by its name's suffix (the longest suffix that matches).
    pub fn for_path(path: &Path) -> Option<&'static InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        INPUT_FORMATS
            .iter()
            .flat_map(|f| f.suffixes.iter().map(move |s| (f, *s)))
            .filter(|(_, suffix)| crate::suffix::has_suffix(&name, suffix))
            .max_by_key(|(_, suffix)| suffix.len())
            .map(|(f, _)| f)
    }

    /// The format named `name` (as `--list-input-formats` prints it).
    pub fn by_name(name: &str) -> Option<&'static InputFormat> {
        let name = name.trim().to_ascii_lowercase();
        INPUT_FORMATS.iter().find(|f| f.name == name)
    }

    /// `path` without this format's suffix: the stem outputs are named after
    /// (`a/report.txt` → `a/report`).
    pub fn stem(&self, path: &Path) -> std::path::PathBuf {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let lower = name.to_ascii_lowercase();
        let cut = self
            .suffixes
            .iter()
            .filter(|s| lower.len() > s.len() + 1 && lower.ends_with(&format!(".{s}")))
            .map(|s| name.len() - s.len() - 1)
            .min();
        match cut {
            Some(at) => path.with_file_name(&name[..at]),
            None => path.with_extension(""),
        }
    }
}

/// What a file's first bytes look like, for a file whose name does not say:
/// the format undoc would read it as, or one it recognises but does not read.
pub fn recognise(head: &[u8]) -> Option<Recognised> {
    if let Some(format) = INPUT_FORMATS.iter().find(|f| (f.looks_like)(head)) {
        return Some(Recognised::Readable(format));
    }
    RECOGNISED_ONLY
        .iter()
        .find(|(_, looks)| looks(head))
        .map(|(what, _)| Recognised::Unread(what))
}

/// A format recognised by content.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Recognised {
    /// A format undoc reads.
    Readable(&'static InputFormat),
    /// A format undoc knows but does not read, described.
    Unread(&'static str),
}

/// What a reader made of a source: the document (unless it could not be
/// built), every diagnostic found on the way, and the view of the source
/// that reports show.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    /// The document, if one could be built.
    pub document: Option<Document>,
    /// Errors and warnings, with source positions.
    pub diagnostics: Vec<Diagnostic>,
    /// The source as reports show it.
    pub view: SourceView,
    /// What the reader dropped, moved or could not rebuild (extracted PDF
    /// text), for an audit of a batch; empty for other sources.
    pub decisions: Vec<audit::Decision>,
}

impl ReadOutcome {
    /// An outcome with no document and one diagnostic.
    pub fn failed(diagnostic: Diagnostic) -> Self {
        ReadOutcome {
            document: None,
            diagnostics: vec![diagnostic],
            view: SourceView::Unavailable,
            decisions: Vec::new(),
        }
    }
}

/// The warning every reader gives for paragraphs numbered with a budget
/// section's prefix (`29.1`): the model holds them as 1, 2, 3 ….
pub(crate) fn section_prefix_warning(prefix: &str) -> String {
    format!(
        "paragraphs are numbered with the section prefix `{prefix}` (e.g. `{prefix}1`): the model numbers them 1, 2, 3 … and the writers print them so"
    )
}

/// Appends `block` to `body` where a reader meets it in reading order: a
/// chapter at the top level, a section into the open chapter, anything else
/// into the innermost open division (section, else chapter).
pub(crate) fn nest_into(body: &mut Vec<crate::model::Block>, block: crate::model::Block) {
    use crate::model::Block;
    let is_section = matches!(block, Block::Section(_));
    let is_chapter = matches!(block, Block::Chapter(_));
    match body.last_mut() {
        Some(Block::Chapter(ch)) if !is_chapter => match ch.blocks.last_mut() {
            Some(Block::Section(sec)) if !is_section => sec.blocks.push(block),
            _ => ch.blocks.push(block),
        },
        Some(Block::Section(sec)) if !is_section && !is_chapter => sec.blocks.push(block),
        _ => body.push(block),
    }
}

/// Reads `source` in `format`, then applies `overrides` (`--set key=value`).
pub fn read(source: &Source, format: &InputFormat, overrides: &[(String, String)]) -> ReadOutcome {
    read_watched(source, format, overrides, None)
}

/// [`read`], with `watch` shown the events of an XML source as they are
/// read, when its format's reader can show them.
pub fn read_watched(
    source: &Source,
    format: &InputFormat,
    overrides: &[(String, String)],
    watch: Option<&mut dyn XmlWatch>,
) -> ReadOutcome {
    let outcome = match (format.read_watched, watch) {
        (Some(read), Some(watch)) => read(source, watch),
        _ => (format.read)(source),
    };
    finished(outcome, overrides)
}

/// [`read_watched`], of bytes the caller gives up: a source read as text
/// is decoded where its bytes lie ([`decode::decode_owned`]), and the
/// text becomes the outcome's view without a copy.
pub fn read_owned_watched(
    bytes: Vec<u8>,
    path: &Path,
    format: &InputFormat,
    overrides: &[(String, String)],
    watch: Option<&mut dyn XmlWatch>,
) -> ReadOutcome {
    let Some(parse) = format.parse_text else {
        return read_watched(
            &Source {
                bytes: &bytes,
                path,
            },
            format,
            overrides,
            watch,
        );
    };
    let outcome = match decode::decode_owned(bytes) {
        Ok(text) => {
            let watch = watch.filter(|_| format.read_watched.is_some());
            let source = Source {
                bytes: text.as_bytes(),
                path,
            };
            let mut outcome = parse(&text, &source, watch);
            outcome.view = SourceView::Text(text);
            outcome
        }
        Err(d) => ReadOutcome::failed(d),
    };
    finished(outcome, overrides)
}

/// A reader's outcome with what every format gets after reading: the
/// warnings on its citations, and `overrides` applied.
fn finished(mut outcome: ReadOutcome, overrides: &[(String, String)]) -> ReadOutcome {
    if let Some(doc) = &outcome.document {
        let warnings = citations::warnings(doc, &outcome.view);
        outcome.diagnostics.extend(warnings);
    }
    if let Some(doc) = &mut outcome.document {
        for (key, value) in overrides {
            if let Err(d) = fields::apply(doc, key, value, Span::default()) {
                outcome.diagnostics.push(d);
            }
        }
    }
    outcome
}

/// Reads a text-based source: decodes it (see [`decode`]), parses the text
/// with `parse`, and keeps the text as the outcome's view.
pub(crate) fn read_decoded(
    source: &Source,
    parse: impl FnOnce(&str) -> ReadOutcome,
) -> ReadOutcome {
    match decode(source.bytes) {
        Ok(text) => {
            let mut outcome = parse(&text);
            outcome.view = SourceView::Text(text);
            outcome
        }
        Err(d) => ReadOutcome::failed(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::xml::tree::tests::Recorder;

    /// Bytes given up are read as borrowed bytes are, in every format:
    /// the same document, diagnostics and view, the same events shown to
    /// a watch, and the same refusals of text that is not UTF-8, is
    /// binary or is empty; a byte order mark, UTF-16 and CRLF line ends
    /// too. Overrides apply on both paths.
    #[test]
    fn bytes_given_up_are_read_as_borrowed_ones_are() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = |p: &str| std::fs::read(root.join(p)).expect(p);
        let text = file("samples/report-fr.txt");
        let crlf = String::from_utf8(text.clone())
            .expect("utf-8")
            .replace('\n', "\r\n");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in crlf.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let mut bad = text.clone();
        bad.insert(900, 0xC3);
        let cases: Vec<(&str, &str, Vec<u8>)> = vec![
            ("text", "samples/report-fr.txt", text.clone()),
            (
                "text",
                "samples/report-fr.txt",
                [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat(),
            ),
            ("text", "samples/report-fr.txt", utf16),
            ("text", "samples/report-fr.txt", bad),
            ("text", "samples/report-fr.txt", b"a\0b".to_vec()),
            ("text", "samples/report-fr.txt", b"\n \n".to_vec()),
            (
                "markdown",
                "samples/markdown/draft-ar.md",
                file("samples/markdown/draft-ar.md"),
            ),
            (
                "xml",
                "samples/acabq-first-page-en.xml",
                file("samples/acabq-first-page-en.xml"),
            ),
            (
                "akn",
                "tests/fixtures/akn/asp-2017-1.akn.xml",
                file("tests/fixtures/akn/asp-2017-1.akn.xml"),
            ),
            (
                "docx",
                "tests/fixtures/un-official/A_80_614.docx",
                file("tests/fixtures/un-official/A_80_614.docx"),
            ),
        ];
        let overrides = [("symbol".to_string(), "A/80/999".to_string())];
        for (name, at, bytes) in cases {
            let format = InputFormat::by_name(name).expect(name);
            let path = root.join(at);
            let (mut borrowed_tags, mut owned_tags) = (Recorder::default(), Recorder::default());
            let source = Source {
                bytes: &bytes,
                path: &path,
            };
            let borrowed = read_watched(&source, format, &overrides, Some(&mut borrowed_tags));
            let owned = read_owned_watched(
                bytes.clone(),
                &path,
                format,
                &overrides,
                Some(&mut owned_tags),
            );
            assert_eq!(format!("{owned:?}"), format!("{borrowed:?}"), "{name} {at}");
            assert_eq!(owned_tags.0, borrowed_tags.0, "{name} {at}");
            if name == "xml" {
                assert!(owned_tags.0.len() > 10, "the XML reader showed its events");
            }
        }
    }
}
