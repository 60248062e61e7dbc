//! The Markdown drafts: each reads without a diagnostic, pandoc (a real
//! consumer of the same files) finds as many headings, tables and
//! footnotes as undoc, and `.md` goes to the Markdown reader.

mod common;

use std::path::Path;
use std::process::Command;

use common::{markdown_samples, read_file, tool};
use undoc::model::{Block, Document};

/// The headings, tables and footnotes pandoc finds in `path` (`-t json`).
fn pandoc_counts(pandoc: &Path, path: &Path) -> (usize, usize, usize) {
    let out = Command::new(pandoc)
        .args(["-f", "commonmark_x", "-t", "json"])
        .arg(path)
        .output()
        .expect("pandoc runs");
    assert!(out.status.success(), "pandoc failed on {}", path.display());
    let ast: serde_json::Value = serde_json::from_slice(&out.stdout).expect("pandoc's JSON");
    let mut counts = (0, 0, 0);
    count(&ast["blocks"], &mut counts);
    counts
}

fn count(value: &serde_json::Value, counts: &mut (usize, usize, usize)) {
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|v| count(v, counts)),
        serde_json::Value::Object(map) => {
            match map.get("t").and_then(|t| t.as_str()) {
                Some("Header") => counts.0 += 1,
                Some("Table") => counts.1 += 1,
                Some("Note") => counts.2 += 1,
                _ => {}
            }
            map.values().for_each(|v| count(v, counts));
        }
        _ => {}
    }
}

/// The same counts in undoc's model: every heading of the source (the
/// title, when a `#` heading gave it, and the chapters, sections,
/// subheadings and annexes), tables, footnotes.
fn undoc_counts(doc: &Document, title_heading: bool) -> (usize, usize, usize) {
    fn walk(blocks: &[Block], counts: &mut (usize, usize, usize)) {
        for block in blocks {
            match block {
                Block::Chapter(d) | Block::Section(d) => {
                    counts.0 += 1;
                    walk(&d.blocks, counts);
                }
                Block::Subheading(_) => counts.0 += 1,
                Block::Table(_) => counts.1 += 1,
                _ => {}
            }
        }
    }
    let mut counts = (usize::from(title_heading), 0, doc.footnotes.len());
    walk(&doc.preamble, &mut counts);
    walk(&doc.body, &mut counts);
    if let Some(summary) = &doc.summary {
        walk(&summary.blocks, &mut counts);
    }
    for annex in &doc.annexes {
        counts.0 += 1;
        walk(&annex.blocks, &mut counts);
    }
    counts
}

#[test]
fn there_is_a_draft_in_each_language_and_each_reads_cleanly() {
    let drafts = markdown_samples();
    assert_eq!(drafts.len(), 6, "{drafts:?}");
    for draft in &drafts {
        let outcome = read_file(draft);
        assert!(
            outcome.diagnostics.is_empty(),
            "{}: {:?}",
            draft.display(),
            outcome.diagnostics
        );
        let doc = outcome.document.expect("a document");
        assert!(doc.paragraphs().len() >= 10, "{}", draft.display());
    }
}

#[test]
fn pandoc_finds_the_same_headings_tables_and_footnotes() {
    let Some(pandoc) = tool("pandoc") else { return };
    for draft in markdown_samples() {
        let text = std::fs::read_to_string(&draft).expect("draft");
        let title_heading = !text.lines().any(|l| l.starts_with("title:"));
        let doc = read_file(&draft).document.expect("a document");
        let ours = undoc_counts(&doc, title_heading);
        assert!(
            ours.0 > 5 && ours.1 > 0 && ours.2 > 0,
            "{}: {ours:?}",
            draft.display()
        );
        assert_eq!(
            ours,
            pandoc_counts(&pandoc, &draft),
            "{}: (headings, tables, footnotes)",
            draft.display()
        );
    }
}

#[test]
fn md_files_are_read_as_markdown_and_listed() {
    let (code, stdout, _) = common::run(&["--list-input-formats"]);
    assert_eq!(code, 0);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("markdown") && l.contains(".md")),
        "{stdout}"
    );
    assert!(
        !stdout
            .lines()
            .any(|l| l.starts_with("text") && l.contains(".md")),
        "{stdout}"
    );
}

/// Reads `text` as Markdown in memory, within `seconds` (a debug build).
fn reads_within(text: &str, seconds: u64) -> undoc::read::ReadOutcome {
    let started = std::time::Instant::now();
    let outcome = undoc::read::markdown::read(text);
    let took = started.elapsed().as_secs();
    assert!(took <= seconds, "{took} s for {} bytes", text.len());
    outcome
}

#[test]
fn hostile_markdown_stays_shallow_and_linear() {
    let head = "---\ntitle: T\n---\n\n";
    // Nesting: block quotes, lists and emphasis far deeper than any document.
    let quotes = format!("{head}{} deep\n", ">".repeat(100_000));
    let outcome = reads_within(&quotes, 20);
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.message.contains("nested deeper"))
    );
    let lists: String = (0..2_000)
        .map(|d| format!("{}- x\n", "  ".repeat(d)))
        .collect();
    reads_within(&format!("{head}1. a:\n{lists}"), 20);
    reads_within(
        &format!("{head}1. {}a{}\n", "*_".repeat(20_000), "_*".repeat(20_000)),
        20,
    );
    // Many blocks: lists, footnotes, tables and captions, each looked at once.
    let many = "1. Intro:\n\n- a\n\n".repeat(30_000);
    reads_within(&format!("{head}# I. A\n\n{many}"), 20);
    let notes: String = (0..30_000)
        .map(|i| format!("1. t[^n{i}]\n\n[^n{i}]: x\n\n"))
        .collect();
    let outcome = reads_within(&format!("{head}{notes}"), 20);
    assert_eq!(
        outcome.document.expect("a document").footnotes.len(),
        30_000
    );
    let tables = "Table 1\nT\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n".repeat(10_000);
    reads_within(&format!("{head}1. P.\n\n{tables}"), 20);
}
