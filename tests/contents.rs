//! The table of contents: where a source had one (Word files, the text of
//! official PDFs, `contents:` front matter, `<contents/>`, Akoma Ntoso's
//! `<toc>`), the document keeps its place, and every writer sets its
//! entries from the headings: the PDF with the pages as laid out, the DOCX
//! with page references LibreOffice and Word compute, Akoma Ntoso with
//! links to the headings' eIds.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::{read_as, root, tool};
use undoc::model::{Contents, Document, EntryKind, Span};
use undoc::validate::SchemaEngine;
use undoc::validate::xsd::FastXml;
use undoc::write::{self, WriteOptions};

/// The Human Rights Council sample (a summary, chapters, sections) with a
/// table of contents placed as `before_summary` says.
fn report(before_summary: bool) -> Document {
    let text = std::fs::read_to_string(root().join("samples/hrc-report-en.txt")).expect("sample");
    let mut doc = undoc::read::text::read(&text)
        .document
        .expect("the sample reads");
    assert!(doc.summary.is_some(), "the sample has a summary");
    doc.contents = Some(Contents {
        before_summary,
        span: Span::new(1, 1),
    });
    doc
}

/// How each entry reads on paper: label and heading (`II. Trends`), or an
/// annex's heading alone (its label has a line of its own).
fn entry_lines(doc: &Document) -> Vec<String> {
    doc.contents_entries()
        .iter()
        .map(|e| {
            let heading = undoc::model::plain_text(&e.heading);
            match e.kind {
                EntryKind::Annex(_) => heading,
                kind => format!("{} {heading}", doc.lang.entry_label(kind)),
            }
        })
        .collect()
}

#[test]
fn contents_stand_before_or_after_the_summary_in_xml_and_read_back() {
    let engine = FastXml::embedded().expect("schema");
    for before in [true, false] {
        let doc = report(before);
        let xml = write::xml::write(&doc).xml;
        let (contents, summary) = (
            xml.find("<contents/>").expect("written"),
            xml.find("<summary>").expect("summary"),
        );
        assert_eq!(contents < summary, before, "{xml}");
        assert!(engine.validate(&xml).is_empty(), "{before}");
        let back = read_as("xml", xml.as_bytes(), Path::new("r.xml"))
            .document
            .expect("reads back");
        assert_eq!(
            back.contents.map(|c| c.before_summary),
            Some(before),
            "{before}"
        );
        assert_eq!(write::xml::write(&back).xml, xml);
        if let Some(xmllint) = tool("xmllint") {
            let dir = tempfile::tempdir().expect("temp");
            let file = dir.path().join("r.xml");
            std::fs::write(&file, &xml).expect("written");
            let out = Command::new(xmllint)
                .args(["--noout", "--schema"])
                .arg(root().join("schemas/undoc.xsd"))
                .arg(&file)
                .output()
                .expect("xmllint runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn a_contents_with_entries_of_its_own_is_refused() {
    let engine = FastXml::embedded().expect("schema");
    let xml = write::xml::write(&report(true))
        .xml
        .replace("<contents/>", "<contents><p>I. Introduction</p></contents>");
    assert!(!engine.validate(&xml).is_empty());
    let outcome = read_as("xml", xml.as_bytes(), Path::new("r.xml"));
    assert!(
        outcome.diagnostics.iter().any(|d| d.is_error()),
        "{:?}",
        outcome.diagnostics
    );
}

#[test]
fn the_contents_field_sets_or_removes_a_contents() {
    let mut doc = report(true);
    let at = Span::new(3, 1);
    undoc::read::fields::apply(&mut doc, "contents", "yes", at).expect("yes");
    assert_eq!(
        doc.contents,
        Some(Contents {
            before_summary: false,
            span: at
        })
    );
    undoc::read::fields::apply(&mut doc, "contents", "before-summary", at).expect("before");
    assert_eq!(doc.contents.map(|c| c.before_summary), Some(true));
    undoc::read::fields::apply(&mut doc, "contents", "no", at).expect("no");
    assert_eq!(doc.contents, None);
    let bad = undoc::read::fields::apply(&mut doc, "contents", "maybe", at).expect_err("bad");
    assert!(bad.message.contains("before-summary"), "{}", bad.message);
    assert_eq!(bad.span, at);
}

#[test]
fn word_files_and_official_pdfs_keep_where_their_contents_stood() {
    let dir = root().join("tests/fixtures/un-official");
    for (name, expected) in [
        ("A_80_600", Some(true)),
        ("A_80_630", Some(true)),
        ("A_80_604_Add.1", None),
    ] {
        let docx = dir.join(format!("{name}.docx"));
        let bytes = std::fs::read(&docx).expect("fixture");
        let doc = read_as("docx", &bytes, &docx).document.expect("reads");
        assert_eq!(doc.contents.map(|c| c.before_summary), expected, "{name}");
        let Some(pdftotext) = tool("pdftotext") else {
            continue;
        };
        for layout in [true, false] {
            let mut cmd = Command::new(&pdftotext);
            if layout {
                cmd.arg("-layout");
            }
            let out = cmd
                .arg(dir.join(format!("{name}.pdf")))
                .arg("-")
                .output()
                .expect("pdftotext runs");
            let text = undoc::read::text::read(&String::from_utf8(out.stdout).expect("UTF-8"))
                .document
                .expect("reads");
            assert_eq!(
                text.contents.map(|c| c.before_summary),
                expected,
                "{name} layout {layout}"
            );
        }
    }
}

/// The lines of `pdf` (`pdftotext -layout`), white space squeezed, each
/// with its page number.
fn lines_of(pdftotext: &Path, pdf: &Path) -> Vec<(usize, String)> {
    let out = Command::new(pdftotext)
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .split('\u{c}')
        .enumerate()
        .flat_map(|(n, page)| {
            page.lines()
                .map(move |l| (n + 1, l.split_whitespace().collect::<Vec<_>>().join(" ")))
        })
        .collect()
}

/// A contents line's page number: the figures after its dot leaders
/// (`. . . 12` as undoc sets them, `.....12` as LibreOffice does).
fn leader_number(line: &str) -> Option<usize> {
    let text = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let number = &line[text.len()..];
    (text.trim_end().ends_with('.') && !number.is_empty())
        .then(|| number.parse().ok())
        .flatten()
}

/// A contents line without its leaders and number.
fn entry_text(line: &str) -> &str {
    line.trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['.', ' '])
}

/// Whether `line` opens `listed` (a heading or entry wrapped over lines
/// shows its start; a heading may end in a footnote's number), and is more
/// than a label.
fn opens(listed: &str, line: &str) -> bool {
    line.len() > 4 && (listed.starts_with(line) || line.starts_with(listed))
}

/// Checks that the contents list each entry of `doc`, in order, with the
/// page its heading is on (headings found in order after the contents).
fn check_entry_pages(doc: &Document, lines: &[(usize, String)]) {
    let word = doc.lang.contents_word();
    let mut at = lines
        .iter()
        .position(|(_, l)| l == word)
        .expect("a contents heading");
    let mut listed = Vec::new();
    for entry in entry_lines(doc) {
        let first = (at + 1..lines.len())
            .find(|&k| opens(&entry, entry_text(&lines[k].1)))
            .unwrap_or_else(|| panic!("no entry for `{entry}`"));
        let (last, number) = (first..lines.len())
            .find_map(|k| leader_number(&lines[k].1).map(|n| (k, n)))
            .unwrap_or_else(|| panic!("no page number for `{entry}`"));
        listed.push((entry, number));
        at = last;
    }
    for (entry, number) in listed {
        let k = (at + 1..lines.len())
            .find(|&k| opens(&entry, &lines[k].1))
            .unwrap_or_else(|| panic!("no heading `{entry}` after the contents"));
        assert_eq!(number, lines[k].0, "{entry}");
        at = k;
    }
}

#[test]
fn the_pdf_lists_every_heading_at_its_page_tagged_as_a_toc() {
    let Some(pdftotext) = tool("pdftotext") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp");
    for before in [true, false] {
        let doc = report(before);
        let pdf = write::pdf::write(&doc, &WriteOptions::default()).expect("PDF");
        let file = dir.path().join("r.pdf");
        std::fs::write(&file, &pdf.bytes).expect("written");
        let lines = lines_of(&pdftotext, &file);
        check_entry_pages(&doc, &lines);
        // With the contents first, the summary opens the next page.
        let page_of = |word: &str| lines.iter().find(|(_, l)| l == word).expect(word).0;
        assert_eq!(page_of("Summary") > page_of("Contents"), before);
        if let Some(qpdf) = tool("qpdf") {
            let out = Command::new(qpdf)
                .args(["--qdf", "--object-streams=disable"])
                .arg(&file)
                .arg("-")
                .output()
                .expect("qpdf runs");
            let raw = String::from_utf8_lossy(&out.stdout);
            let items = raw.matches("/S /TOCI").count();
            assert_eq!(raw.matches("/S /TOC\n").count(), 1, "one TOC");
            assert_eq!(items, doc.contents_entries().len(), "a TOCI per entry");
        }
    }
    // Without a contents, no page lists one.
    let mut doc = report(true);
    doc.contents = None;
    let pdf = write::pdf::write(&doc, &WriteOptions::default()).expect("PDF");
    let file = dir.path().join("none.pdf");
    std::fs::write(&file, &pdf.bytes).expect("written");
    assert!(
        !lines_of(&pdftotext, &file)
            .iter()
            .any(|(_, l)| l == "Contents")
    );
}

#[test]
fn a_word_files_contents_come_back_in_undocs_pdf_at_the_right_pages() {
    let Some(pdftotext) = tool("pdftotext") else {
        return;
    };
    let docx = root().join("tests/fixtures/un-official/A_80_600.docx");
    let bytes = std::fs::read(&docx).expect("fixture");
    let doc = read_as("docx", &bytes, &docx).document.expect("reads");
    let pdf = write::pdf::write(&doc, &WriteOptions::default()).expect("PDF");
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("a.pdf");
    std::fs::write(&file, &pdf.bytes).expect("written");
    check_entry_pages(&doc, &lines_of(&pdftotext, &file));
    let annexes = doc
        .contents_entries()
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Annex(_)))
        .count();
    assert_eq!(annexes, doc.annexes.len());
}

/// `word/document.xml` of a DOCX.
fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut part = zip.by_name("word/document.xml").expect("document part");
    let mut xml = String::new();
    part.read_to_string(&mut xml).expect("UTF-8");
    xml
}

#[test]
fn the_docx_refers_each_entry_to_its_headings_bookmark() {
    let doc = report(true);
    let docx = write::docx::write(&doc, &WriteOptions::default()).expect("DOCX");
    let xml = document_xml(&docx.bytes);
    let entries = doc.contents_entries().len();
    assert_eq!(xml.matches("<w:pStyle w:val=\"TOC").count(), entries);
    for k in 0..entries {
        let name = format!("w:name=\"_Toc{k}\"");
        assert_eq!(xml.matches(&name).count(), 1, "bookmark {k}");
        assert_eq!(
            xml.matches(&format!(" PAGEREF _Toc{k} \\h ")).count(),
            1,
            "reference {k}"
        );
    }
    assert!(xml.find("<w:br w:type=\"page\"/>") < xml.find("Summary"));
    // Read back, the file has its contents where they were, and neither
    // their heading nor the `Page` head turns into text.
    let back = read_as("docx", &docx.bytes, Path::new("r.docx"))
        .document
        .expect("reads back");
    assert_eq!(back.contents.map(|c| c.before_summary), Some(true));
    let back_xml = write::xml::write(&back).xml;
    assert!(
        !back_xml.contains(">Contents<") && !back_xml.contains(">Page<"),
        "{back_xml}"
    );
    let plain = write::docx::write(
        &Document {
            contents: None,
            ..doc.clone()
        },
        &WriteOptions::default(),
    )
    .expect("DOCX");
    let xml = document_xml(&plain.bytes);
    assert!(!xml.contains("PAGEREF") && !xml.contains("_Toc"));
}

/// LibreOffice computes the page references: each entry shows the page its
/// heading is on in LibreOffice's own layout.
#[test]
fn libreoffice_shows_the_docx_entries_pages() {
    let (Some(soffice), Some(pdftotext)) = (tool("soffice"), tool("pdftotext")) else {
        return;
    };
    let doc = report(true);
    let docx = write::docx::write(&doc, &WriteOptions::default()).expect("DOCX");
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("r.docx");
    std::fs::write(&file, &docx.bytes).expect("written");
    common::libreoffice_to_pdf(
        &soffice,
        &[file],
        dir.path(),
        &dir.path().join("lo-profile"),
    );
    check_entry_pages(&doc, &lines_of(&pdftotext, &dir.path().join("r.pdf")));
}

#[test]
fn akoma_ntoso_lists_the_entries_as_links_to_their_headings() {
    let engine = undoc::validate::xsd::akoma_ntoso().expect("schema");
    for before in [true, false] {
        let doc = report(before);
        let akn = write::akn::write(&doc).expect("AKN").xml;
        assert!(engine.validate(&akn).is_empty());
        let hrefs: Vec<&str> = akn
            .split("<tocItem href=\"#")
            .skip(1)
            .map(|s| s.split('"').next().expect("href"))
            .collect();
        assert_eq!(hrefs.len(), doc.contents_entries().len());
        for href in hrefs {
            assert!(akn.contains(&format!("eId=\"{href}\"")), "{href}");
        }
        let back = read_as("akn", akn.as_bytes(), Path::new("r.akn.xml"))
            .document
            .expect("reads back");
        assert_eq!(back.contents.map(|c| c.before_summary), Some(before));
    }
}
