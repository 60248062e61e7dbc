//! Archive text: the text of official UN PDFs as pdftotext extracts it
//! (raw and `-layout`), and the PDFs themselves, read to the same structure
//! as the Word files they were printed from. The Word files are counted
//! independently by `tests/docx_counts.py`; the first 60 characters of
//! every numbered paragraph are compared with white space and hyphens
//! removed on both sides (extraction splits words at justified spaces,
//! `an d`, and line ends decide hyphens; neither is a reading error).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use undoc::model::{Block, Document, plain_text};
use undoc::read::{InputFormat, ReadOutcome, Source};

/// What a document holds, counted as `docx_counts.py` counts a Word file.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    chapters: u64,
    sections: u64,
    paragraphs: u64,
    tables: u64,
    footnotes: u64,
}

fn count_blocks(blocks: &[Block], c: &mut Counts) {
    for block in blocks {
        match block {
            Block::Chapter(d) => {
                c.chapters += 1;
                count_blocks(&d.blocks, c);
            }
            Block::Section(d) => {
                c.sections += 1;
                count_blocks(&d.blocks, c);
            }
            Block::Para(_) => c.paragraphs += 1,
            Block::Table(_) => c.tables += 1,
            Block::Subheading(_) | Block::Text(_) | Block::Figure(_) => {}
        }
    }
}

fn model_counts(doc: &Document) -> Counts {
    let mut c = Counts::default();
    if let Some(s) = &doc.summary {
        count_blocks(&s.blocks, &mut c);
    }
    count_blocks(&doc.preamble, &mut c);
    count_blocks(&doc.body, &mut c);
    for annex in &doc.annexes {
        count_blocks(&annex.blocks, &mut c);
    }
    c.footnotes = doc.footnotes.len() as u64;
    c
}

/// The Word file's counts and its numbered paragraphs' starts.
fn word_counts(docx: &Path) -> Option<(Counts, Vec<(u32, String)>)> {
    common::tool("python3")?;
    let out = Command::new("python3")
        .arg(common::root().join("tests/docx_counts.py"))
        .arg(docx)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let n = |k: &str| v[k].as_u64().expect(k);
    let counts = Counts {
        chapters: n("chapters"),
        sections: n("sections"),
        paragraphs: n("paragraphs"),
        tables: n("tables"),
        footnotes: n("footnotes"),
    };
    let starts = v["starts"]
        .as_array()
        .expect("starts")
        .iter()
        .map(|s| {
            (
                s[0].as_u64().expect("n") as u32,
                s[1].as_str().expect("text").to_string(),
            )
        })
        .collect();
    Some((counts, starts))
}

/// White space and hyphens removed: what the comparison of starts sees.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2011}'))
        .collect()
}

/// The official PDFs that have a Word file beside them.
fn official_pdfs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> =
        std::fs::read_dir(common::root().join("tests/fixtures/un-official"))
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "pdf") && p.with_extension("docx").exists()
            })
            .collect();
    out.sort();
    out
}

fn pdftotext(pdf: &Path, layout: bool) -> Option<String> {
    let tool = common::tool("pdftotext")?;
    let mut cmd = Command::new(tool);
    if layout {
        cmd.arg("-layout");
    }
    let out = cmd.arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).expect("UTF-8"))
}

fn read_as(format: &str, bytes: &[u8], path: &Path) -> ReadOutcome {
    let format = InputFormat::by_name(format).expect("format");
    undoc::read::read(&Source { bytes, path }, format, &[])
}

/// Differences between a reading and the Word file: counts, then starts.
fn differences(
    what: &str,
    outcome: &ReadOutcome,
    word: &(Counts, Vec<(u32, String)>),
) -> Vec<String> {
    let Some(doc) = &outcome.document else {
        return vec![format!("{what}: no document: {:?}", outcome.diagnostics)];
    };
    let mut out = Vec::new();
    let counts = model_counts(doc);
    if counts != word.0 {
        out.push(format!("{what}: counts {counts:?}, Word {:?}", word.0));
    }
    let paras: std::collections::HashMap<u32, String> = doc
        .paragraphs()
        .iter()
        .map(|p| (p.n, plain_text(&p.content)))
        .collect();
    for (n, start) in &word.1 {
        let ours = paras.get(n).map(|t| squeeze(t)).unwrap_or_default();
        if !ours.starts_with(&squeeze(start)) {
            out.push(format!(
                "{what}: paragraph {n} reads {:?}, Word {start:?}",
                paras.get(n).map(|t| t.chars().take(70).collect::<String>())
            ));
        }
    }
    out
}

#[test]
fn official_pdfs_read_as_their_word_files() {
    let mut failures = Vec::new();
    for pdf in official_pdfs() {
        let Some(word) = word_counts(&pdf.with_extension("docx")) else {
            return;
        };
        let name = pdf.file_name().unwrap().to_string_lossy().to_string();
        for layout in [true, false] {
            let Some(text) = pdftotext(&pdf, layout) else {
                return;
            };
            let outcome = read_as("text", text.as_bytes(), Path::new("report.txt"));
            let what = format!(
                "{name} ({})",
                if layout {
                    "pdftotext -layout"
                } else {
                    "pdftotext"
                }
            );
            failures.extend(differences(&what, &outcome, &word));
        }
        let bytes = std::fs::read(&pdf).expect("pdf");
        let outcome = read_as("pdf", &bytes, &pdf);
        failures.extend(differences(&format!("{name} (.pdf)"), &outcome, &word));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What a round trip through print must keep: chapters and sections with
/// their headings, numbered paragraphs with their text, tables' cells,
/// footnotes (text squeezed as for the official files).
fn outline(doc: &Document) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::Chapter(d) => {
                    out.push(format!(
                        "chapter {} {}",
                        d.n,
                        squeeze(&plain_text(&d.heading))
                    ));
                    walk(&d.blocks, out);
                }
                Block::Section(d) => {
                    out.push(format!(
                        "section {} {}",
                        d.n,
                        squeeze(&plain_text(&d.heading))
                    ));
                    walk(&d.blocks, out);
                }
                Block::Para(p) => {
                    out.push(format!("para {} {}", p.n, squeeze(&plain_text(&p.content))))
                }
                Block::Table(t) => {
                    for row in t.head.iter().chain(&t.body) {
                        let cells: Vec<String> = row
                            .cells
                            .iter()
                            .map(|c| {
                                c.paragraphs
                                    .iter()
                                    .map(|p| squeeze(&plain_text(p)))
                                    .collect::<String>()
                            })
                            .collect();
                        out.push(format!("row {}", cells.join("|")));
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.body, &mut out);
    for annex in &doc.annexes {
        out.push(format!("annex {:?}", annex.n));
        walk(&annex.blocks, &mut out);
    }
    for note in &doc.footnotes {
        out.push(format!(
            "footnote {} {}",
            note.n,
            squeeze(&plain_text(&note.content))
        ));
    }
    out
}

/// The first line where two outlines differ, with its neighbours.
fn first_difference(a: &[String], b: &[String]) -> Option<String> {
    let at = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i))?;
    let (x, y) = (
        a.get(at).cloned().unwrap_or_default(),
        b.get(at).cloned().unwrap_or_default(),
    );
    let same = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    let cut = |s: &str| {
        s.chars()
            .skip(same.saturating_sub(20))
            .take(60)
            .collect::<String>()
    };
    Some(format!(
        "item {at}: {:?} / {:?} ({} and {} items)",
        cut(&x),
        cut(&y),
        a.len(),
        b.len()
    ))
}

#[test]
fn undocs_own_pdfs_read_back_to_their_samples() {
    let Some(tool) = common::tool("pdftotext") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    for sample in common::samples() {
        let doc = common::read_file(&sample).document.expect("sample reads");
        let rendered =
            undoc::write::pdf::write(&doc, &undoc::write::WriteOptions::default()).expect("PDF");
        let pdf = dir.path().join("out.pdf");
        std::fs::write(&pdf, &rendered.bytes).expect("written");
        let want = outline(&doc);
        for layout in [false, true] {
            let mut cmd = Command::new(&tool);
            if layout {
                cmd.arg("-layout");
            }
            let out = cmd.arg(&pdf).arg("-").output().expect("pdftotext runs");
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            let outcome = read_as("text", text.as_bytes(), Path::new("report.txt"));
            let name = format!(
                "{} ({})",
                sample.display(),
                if layout { "layout" } else { "raw" }
            );
            match &outcome.document {
                None => failures.push(format!("{name}: no document: {:?}", outcome.diagnostics)),
                Some(back) => failures.extend(
                    first_difference(&want, &outline(back)).map(|d| format!("{name}: {d}")),
                ),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
