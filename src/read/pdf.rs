//! Reader for PDF files: the text layer is extracted by poppler's
//! `pdftotext -layout` (columns kept, so tables can be rebuilt and the
//! masthead's two columns told apart) and read as extracted text by the
//! text reader. A scan without a text layer, an encrypted file, or a
//! machine without poppler-utils get a diagnostic that says what to do.

use std::io::Write;
use std::process::Command;

use super::{ReadOutcome, Source, SourceView};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Span, is_us_letter};

/// The program that extracts the text, from the package named in errors.
const PDFTOTEXT: &str = "pdftotext";

/// Whether a file's first bytes are a PDF header.
pub fn looks_like(head: &[u8]) -> bool {
    head.starts_with(b"%PDF-")
}

/// The program that tells the page size, from the same package.
const PDFINFO: &str = "pdfinfo";

/// Reads a PDF: extracts its text, then reads that as extracted text; the
/// first page's paper tells a New York document (US Letter) that names
/// no duty station.
pub fn read_source(source: &Source) -> ReadOutcome {
    let file = match temporary_copy(source.bytes) {
        Ok(file) => file,
        Err(d) => return ReadOutcome::failed(d),
    };
    let text = match extract_file(file.path()) {
        Ok(text) => text,
        Err(d) => return ReadOutcome::failed(d),
    };
    let dir = source.dir();
    let mut outcome = super::text::read_in(&text, dir);
    if let Some(doc) = &mut outcome.document {
        let letter =
            letter_in_bytes(source.bytes).unwrap_or_else(|| first_page_is_letter(file.path()));
        doc.masthead.infer_duty_station(letter);
    }
    outcome.view = SourceView::Text(text);
    outcome
}

/// The PDF's text as `pdftotext -layout` gives it (pages ended by form feeds).
pub fn extract(bytes: &[u8]) -> Result<String, Diagnostic> {
    extract_file(temporary_copy(bytes)?.path())
}

fn fail(message: String) -> Diagnostic {
    Diagnostic::new(Code::PdfText, Span::default(), message)
}

/// The PDF written to a temporary file, for poppler's tools to read.
fn temporary_copy(bytes: &[u8]) -> Result<tempfile::NamedTempFile, Diagnostic> {
    let mut file = tempfile::Builder::new()
        .prefix("undoc-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| fail(format!("cannot write the PDF to a temporary file: {e}")))?;
    file.write_all(bytes)
        .map_err(|e| fail(format!("cannot write the PDF to a temporary file: {e}")))?;
    Ok(file)
}

/// Whether most pages are US Letter, by the page boxes written in the
/// file's bytes (`/MediaBox [0 0 612 792]`, as Word writes them); `None`
/// when none is (they are in compressed object streams), for `pdfinfo`
/// to tell, at the cost of a process.
fn letter_in_bytes(bytes: &[u8]) -> Option<bool> {
    let (mut letter, mut other) = (0usize, 0usize);
    let key = b"/MediaBox";
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&bytes[at..], key) {
        at += found + key.len();
        let rest = &bytes[at..bytes.len().min(at + 64)];
        let Some(close) = rest.iter().position(|&b| b == b']') else {
            continue;
        };
        let boxed = String::from_utf8_lossy(&rest[..close]);
        let numbers: Vec<f32> = boxed
            .trim_start_matches([' ', '['])
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        let [x0, y0, x1, y1] = numbers[..] else {
            continue;
        };
        if is_us_letter(x1 - x0, y1 - y0) {
            letter += 1;
        } else {
            other += 1;
        }
    }
    (letter + other > 0).then_some(letter > other)
}

/// Whether the first page is US Letter (612 × 792 pt, either way up,
/// within a point), as `pdfinfo` gives its size; `false` when it cannot
/// tell (A4, what a document with no duty station prints on).
fn first_page_is_letter(path: &std::path::Path) -> bool {
    let Ok(output) = Command::new(PDFINFO)
        .args(["-f", "1", "-l", "1"])
        .arg(path)
        .output()
    else {
        return false;
    };
    let info = String::from_utf8_lossy(&output.stdout);
    info.lines()
        .find_map(|l| {
            l.trim_start()
                .strip_prefix("Page")
                .filter(|r| r.contains("size:"))
        })
        .and_then(|l| page_size(l.split_once("size:")?.1))
        .is_some_and(|(w, h)| is_us_letter(w, h))
}

/// `612 x 792 pts (letter)` → (612, 792).
fn page_size(text: &str) -> Option<(f32, f32)> {
    let mut numbers = text
        .split_whitespace()
        .filter_map(|w| w.parse::<f32>().ok());
    Some((numbers.next()?, numbers.next()?))
}

/// The text of the PDF at `path`, as [`extract`] gives it.
fn extract_file(path: &std::path::Path) -> Result<String, Diagnostic> {
    let output = Command::new(PDFTOTEXT)
        .args(["-layout", "-enc", "UTF-8", "-eol", "unix"])
        .arg(path)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_boxes_in_the_bytes_tell_letter_paper() {
        let pages = |boxes: &[&str]| {
            boxes
                .iter()
                .map(|b| format!("<< /Type /Page /MediaBox{b} >>\n"))
                .collect::<String>()
        };
        // As Word writes them; a landscape page counts as Letter too.
        let word = pages(&["[ 0 0 612 792]", "[ 0 0 792 612]", "[0 0 612.1 792]"]);
        assert_eq!(letter_in_bytes(word.as_bytes()), Some(true));
        let a4 = pages(&[
            "[0 0 595.28 841.89]",
            "[0 0 595.28 841.89]",
            "[0 0 612 792]",
        ]);
        assert_eq!(letter_in_bytes(a4.as_bytes()), Some(false));
        // Page boxes in compressed object streams are not in the bytes.
        assert_eq!(
            letter_in_bytes(b"%PDF-1.7\n1 0 obj <</Type /ObjStm>>"),
            None
        );
        assert_eq!(letter_in_bytes(b"/MediaBox [0 0 612"), None);
    }
}
