//! Headings are navigable: the PDF's bookmarks, and those LibreOffice makes
//! from the DOCX's outline levels, nest chapters above sections above
//! subheadings, and the masthead is no heading. qpdf reads the outlines.

mod common;

use std::path::Path;

use serde_json::Value;

/// The outline of `pdf` as (depth, title) pairs in reading order.
fn outline(qpdf: &Path, pdf: &Path) -> Vec<(usize, String)> {
    let out = std::process::Command::new(qpdf)
        .args(["--json", "--json-key=outlines"])
        .arg(pdf)
        .output()
        .expect("qpdf runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("qpdf JSON");
    fn walk(items: &Value, depth: usize, out: &mut Vec<(usize, String)>) {
        for item in items.as_array().into_iter().flatten() {
            out.push((depth, item["title"].as_str().unwrap_or("").to_string()));
            walk(&item["kids"], depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&json["outlines"], 0, &mut out);
    out
}

/// The depth of the entry whose title starts with `title`.
fn depth_of(entries: &[(usize, String)], title: &str) -> usize {
    entries
        .iter()
        .find(|(_, t)| t.starts_with(title))
        .unwrap_or_else(|| panic!("`{title}` not in the outline: {entries:?}"))
        .0
}

fn assert_nested(entries: &[(usize, String)], what: &str) {
    let chapter = depth_of(entries, "III. Action by the United Nations system");
    let section = depth_of(entries, "C. Financing");
    let subheading = depth_of(entries, "1. Regular budget");
    assert_eq!(
        (section, subheading),
        (chapter + 1, chapter + 2),
        "{what}: {entries:?}"
    );
    assert!(
        !entries
            .iter()
            .any(|(_, t)| t == "United Nations" || t == "General Assembly"),
        "{what}: the masthead is not a heading: {entries:?}"
    );
}

#[test]
fn chapters_sections_and_subheadings_nest_in_both_page_formats() {
    let (Some(qpdf), Some(soffice)) = (common::tool("qpdf"), common::tool("soffice")) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = common::root().join("samples/report-en.txt");
    common::convert(&[&sample], dir.path(), &["--to", "docx,pdf"]);
    assert_nested(
        &outline(&qpdf, &dir.path().join("report-en.pdf")),
        "undoc's PDF",
    );
    let rendered = dir.path().join("lo");
    let status = std::process::Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&rendered)
        .arg(dir.path().join("report-en.docx"))
        .output()
        .expect("soffice runs");
    assert!(status.status.success());
    assert_nested(
        &outline(&qpdf, &rendered.join("report-en.pdf")),
        "LibreOffice's PDF of the DOCX",
    );
}
