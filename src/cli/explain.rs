//! `undoc explain`: what a diagnostic code means, with an example of the
//! mistake and its fix (as `rustc --explain` does), and the list of codes.

use undoc::diagnostic::{ALL_CODES, Code};

/// The explanation of `code`, with its example.
pub fn explain(code: Code) -> String {
    let (mistake, fix) = example(code);
    let indent = |s: &str| s.lines().map(|l| format!("    {l}\n")).collect::<String>();
    format!(
        "{} ({}): {}\n\nFor example:\n\n{}\nFix:\n\n{}",
        code.as_str(),
        code.severity().as_str(),
        code.explanation(),
        indent(mistake),
        indent(fix)
    )
}

/// `undoc explain --list`: one line per code.
pub fn list() -> String {
    ALL_CODES
        .iter()
        .map(|c| {
            let first = c.explanation().split(". ").next().unwrap_or_default();
            format!(
                "{}  {:<7}  {}\n",
                c.as_str(),
                c.severity().as_str(),
                first.trim_end_matches('.')
            )
        })
        .collect()
}

/// A mistake that gives `code`, and how it is fixed.
fn example(code: Code) -> (&'static str, &'static str) {
    match code {
        Code::Unreadable => (
            "undoc convert reprot.txt -o out      # no such file",
            "undoc convert report.txt -o out",
        ),
        Code::NotText => (
            "report.txt saved as Windows-1252 (é is byte 0xE9)",
            "save report.txt as UTF-8 (or UTF-16 with a byte order mark)",
        ),
        Code::Empty => (
            "an empty report.txt",
            "write the report in it, or leave it out of the run",
        ),
        Code::MalformedXml => (
            "<para n=\"1\">Text</paragraph>",
            "<para n=\"1\">Text</para>",
        ),
        Code::ForbiddenXml => (
            "<!DOCTYPE document [<!ENTITY un \"United Nations\">]>",
            "write \"United Nations\" out; no DOCTYPE",
        ),
        Code::BadPackage => (
            "undoc convert report.doc -o out      # a Word 97-2003 file renamed .docx",
            "soffice --headless --convert-to docx report.doc, then undoc convert report.docx -o out",
        ),
        Code::PdfText => (
            "undoc convert scanned-report.pdf -o out      # pages are pictures, no text layer",
            "OCR it first (e.g. ocrmypdf scanned-report.pdf report.pdf), or convert the Word file it was printed from",
        ),
        Code::TooLarge => (
            "a 200 MiB file of pasted data",
            "split it: no UN document is over 64 MiB",
        ),
        Code::FrontMatter => ("---\nsybmol: A/80/312\n---", "---\nsymbol: A/80/312\n---"),
        Code::BadValue => (
            "Distr: General\n4 Agust 2025",
            "Distr.: General\n4 August 2025",
        ),
        Code::MissingMasthead => (
            "a source with no document symbol",
            "---\nsymbol: A/80/312\n---\n(or: undoc convert r.md -o out --set symbol=A/80/312)",
        ),
        Code::MissingTitle => (
            "---\nsymbol: A/80/312\n---\n\n# I. Introduction",
            "---\nsymbol: A/80/312\ntitle: Digital public infrastructure\n---\n\n# I. Introduction",
        ),
        Code::Structure => (
            "(a) An item with no paragraph before it;",
            "4. The Committee recommends:\n(a) An item of paragraph 4;",
        ),
        Code::BadImage => (
            "![Figure I: Staffing](../shared/chart.png)",
            "![Figure I: Staffing](figures/chart.png)   (inside the source's folder)",
        ),
        Code::Unsupported => (
            "~~deleted text~~ and <div>HTML</div>",
            "write the text as it is to be issued: no strikethrough, no HTML",
        ),
        Code::MalformedCitation => ("as noted in A/HRC/54//32,", "as noted in A/HRC/54/32,"),
        Code::AknUnheld => (
            "<paragraph eId=\"para_3\">…<signature><person refersTo=\"#sg\">A. Guterres</person></signature>",
            "nothing to fix in the source: undoc keeps the signature's text and says so; write the signature in the text if it must stay",
        ),
        Code::ExtractedText => (
            "a page's footnote 3 whose number stands nowhere in the page's text",
            "nothing to fix in the PDF: check the note's place in the output (undoc convert r.pdf -o out --verbose lists each move)",
        ),
        Code::Schema => (
            "<para>Text</para>          (no number)",
            "<para n=\"4\">Text</para>",
        ),
        Code::AknSchema => (
            "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc>   (a doc needs its name)",
            "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"report\">",
        ),
        Code::ParaNumbering => ("1. First.\n3. Second.", "1. First.\n2. Second."),
        Code::DivisionOrder => (
            "I. Introduction\nIII. Trends",
            "I. Introduction\nII. Trends",
        ),
        Code::ItemOrder => ("(a) First;\n(c) Second.", "(a) First;\n(b) Second."),
        Code::BadSymbol => ("symbol: A/80//312", "symbol: A/80/312"),
        Code::UnrealDate => ("date: 2025-06-31", "date: 2025-06-30"),
        Code::ScriptMismatch => (
            "language: zh   (and the text is in English)",
            "language: en",
        ),
        Code::Footnote => ("Text.[^2]\n\n[^1]: A note.", "Text.[^1]\n\n[^1]: A note."),
        Code::FloatNumbering => ("Table 1 … Table 3", "Table 1 … Table 2"),
        Code::TableGrid => (
            "| a | b |\n|---|---|\n| 1 | 2 | 3 |",
            "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |",
        ),
        Code::TableNotes => ("| Total^b^ |\n\n^a^ A note.", "| Total^a^ |\n\n^a^ A note."),
        Code::WriteFailed => (
            "undoc convert r.md -o /read-only/out",
            "undoc convert r.md -o out   (a folder you can write)",
        ),
        Code::OutputClash => (
            "undoc convert drafts -o out   (drafts/r.txt and drafts/r.md)",
            "rename one: drafts/r-text.txt and drafts/r.md",
        ),
        Code::FontDir => (
            "--font-dir ~/fonts   (no such folder)",
            "--font-dir /usr/share/fonts/truetype/noto",
        ),
        Code::MissingGlyph => (
            "text in a script no bundled font covers (e.g. Devanagari)",
            "--font-dir /usr/share/fonts/truetype/noto   (a font that covers it)",
        ),
        Code::BadFont => (
            "--font-dir fonts/   (holding a damaged broken.ttf)",
            "remove broken.ttf from fonts/",
        ),
        Code::PdfExport => (
            "a document the PDF library refuses (the message says why)",
            "correct what the message names, or convert --to xml,docx meanwhile",
        ),
        Code::PdfLayout => (
            "![Figure I: Chart](figures/chart.emf)",
            "![Figure I: Chart](figures/chart.png)   (EMF is not drawn in PDF)",
        ),
        Code::Internal => (
            "a file on which undoc itself fails",
            "report it with the file; the rest of the batch was converted",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_an_example_and_a_line_in_the_list() {
        for code in ALL_CODES {
            let text = explain(*code);
            assert!(
                text.contains("For example:") && text.contains("Fix:"),
                "{text}"
            );
        }
        assert_eq!(list().lines().count(), ALL_CODES.len());
    }
}
