//! Reader for PDF files: the text layer is extracted by poppler's
//! `pdftotext -layout` (columns kept, so tables can be rebuilt and the
//! masthead's two columns told apart) and read as extracted text by the
//! text reader. A scan without a text layer, an encrypted file, or a
//! machine without poppler-utils get a diagnostic that says what to do.

use std::io::Write;
use std::process::Command;

use super::{ReadOutcome, Source, SourceView};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;

/// The program that extracts the text, from the package named in errors.
const PDFTOTEXT: &str = "pdftotext";

/// Whether a file's first bytes are a PDF header.
pub fn looks_like(head: &[u8]) -> bool {
    head.starts_with(b"%PDF-")
}

/// Reads a PDF: extracts its text, then reads that as extracted text.
pub fn read_source(source: &Source) -> ReadOutcome {
    let text = match extract(source.bytes) {
        Ok(text) => text,
        Err(d) => return ReadOutcome::failed(d),
    };
    let dir = source.dir();
    let mut outcome = super::text::read_in(&text, dir);
    outcome.view = SourceView::Text(text);
    outcome
}

/// The PDF's text as `pdftotext -layout` gives it (pages ended by form feeds).
pub fn extract(bytes: &[u8]) -> Result<String, Diagnostic> {
    let fail = |message: String| Diagnostic::new(Code::PdfText, Span::default(), message);
    let mut file = tempfile::Builder::new()
        .prefix("undoc-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| fail(format!("cannot write the PDF to a temporary file: {e}")))?;
    file.write_all(bytes)
        .map_err(|e| fail(format!("cannot write the PDF to a temporary file: {e}")))?;
    let output = Command::new(PDFTOTEXT)
        .args(["-layout", "-enc", "UTF-8", "-eol", "unix"])
        .arg(file.path())
        .arg("-")
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => fail(
                "reading a PDF needs poppler's pdftotext, which is not installed: install the poppler-utils package (apt-get install poppler-utils, brew install poppler)".into(),
            ),
            _ => fail(format!("pdftotext could not be run: {e}")),
        })?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(fail(failure_message(&stderr)));
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !has_text(&text) {
        return Err(fail(
            "the PDF has no text layer: OCR it first (a scanned document: e.g. ocrmypdf), then convert the result".into(),
        ));
    }
    Ok(text)
}

/// What pdftotext's complaint means for the person converting.
fn failure_message(stderr: &str) -> String {
    let first = stderr
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if stderr.contains("password") || stderr.contains("Permission") || stderr.contains("ncrypt") {
        return format!(
            "the PDF is encrypted: remove its password (e.g. qpdf --decrypt) and convert the result ({first})"
        );
    }
    format!("the PDF could not be read, it may be damaged: {first}")
}

/// Whether the extracted text holds any letter or digit.
fn has_text(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}
