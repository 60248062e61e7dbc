//! The PDF writer past what real documents hold (issue 10): a paragraph of
//! more styled spans than parley's style table takes, a paragraph hundreds
//! of kilobytes long, words longer than the line in Latin, Cyrillic and
//! Arabic, and characters no font covers (every code point of a cluster,
//! with its column; `validate` and `--deny-warnings` see them too). Every
//! input is built here from the English sample's masthead.

mod common;

use undoc::diagnostic::Diagnostic;
use undoc::model::Document;
use undoc::read::{self, InputFormat, Source};
use undoc::write::{self, WriteOptions};

/// The English sample's masthead, title and first heading, then `body`.
fn source_with_body(body: &str) -> String {
    let sample =
        std::fs::read_to_string(common::root().join("samples/report-en.txt")).expect("sample");
    let head = &sample[..sample.find("I. Introduction").expect("first chapter")];
    format!("{head}I. Introduction\n\n{body}\n")
}

fn read_text(source: &str) -> Document {
    read::read(
        &Source::bytes(source.as_bytes()),
        InputFormat::by_name("text").expect("text reader"),
        &[],
    )
    .document
    .expect("the source reads")
}

/// The line of `source` that starts with `prefix` (1-based).
fn line_of(source: &str, prefix: &str) -> u32 {
    let index = source
        .lines()
        .position(|l| l.starts_with(prefix))
        .expect("the line is there");
    u32::try_from(index + 1).expect("small")
}

fn codes(diagnostics: &[Diagnostic], code: &str) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.code.as_str() == code)
        .cloned()
        .collect()
}

#[test]
fn a_paragraph_of_more_spans_than_parley_styles_renders() {
    // 34,000 emphasised words: 68,000 spans, past parley's 65,535 styles.
    let words: Vec<String> = (0..34_000).map(|i| format!("*w{i}*")).collect();
    let source = source_with_body(&format!("1. {}", words.join(" ")));
    let doc = read_text(&source);
    let rendered = write::pdf::write(&doc, &WriteOptions::default()).expect("renders");
    assert!(rendered.pages.unwrap_or(0) > 10, "{:?}", rendered.pages);
}

#[test]
fn words_longer_than_the_line_are_broken_with_a_warning_at_their_line() {
    // Capitals inside a word keep hyphenation out: only the last resort breaks these.
    let checksum: String = "0123456789ABCDEF".repeat(12); // 192 characters
    let cyrillic: String = "АБВГДЕЖЗИЙКЛМНОП".repeat(20);
    let arabic: String = "بتثجحخسشصضطظعغفق".repeat(20);
    let body = format!(
        "1. The file's checksum is {checksum} as published.\n\n2. Слово {cyrillic} здесь.\n\n3. كلمة {arabic} هنا."
    );
    let source = source_with_body(&body);
    let doc = read_text(&source);
    let rendered = write::pdf::write(&doc, &WriteOptions::default()).expect("renders");
    let broken = codes(&rendered.diagnostics, "UND054");
    for prefix in ["1. The file", "2. Слово", "3. كلمة"] {
        let line = line_of(&source, prefix);
        assert!(
            broken.iter().any(|d| d.span.line == line),
            "a warning at line {line}: {broken:?}"
        );
    }
    // The text is all there, in order, broken across lines.
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("long.pdf");
    std::fs::write(&pdf, &rendered.bytes).expect("written");
    if let Some(pdftotext) = common::tool("pdftotext") {
        let out = std::process::Command::new(pdftotext)
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let text: String = String::from_utf8_lossy(&out.stdout)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(text.contains(&checksum), "the checksum comes back whole");
        assert!(
            text.contains(&cyrillic),
            "the Cyrillic word comes back whole"
        );
    }
}

#[test]
fn every_missing_code_point_is_reported_with_its_column_in_convert_and_validate() {
    // Ethiopic, a Devanagari conjunct and an emoji ZWJ sequence: no
    // bundled font covers them.
    let body = "1. The present report (ሰላም) cites क्ष and 👩\u{200D}💻 here.";
    let source = source_with_body(body);
    let doc = read_text(&source);
    let rendered = write::pdf::write(&doc, &WriteOptions::default()).expect("renders");
    let reported = codes(&rendered.diagnostics, "UND051");
    let named: Vec<&str> = reported
        .iter()
        .filter_map(|d| d.message.split_whitespace().next())
        .collect();
    assert_eq!(
        named,
        [
            "U+1230", "U+120B", "U+121D", "U+0915", "U+094D", "U+0937", "U+1F469", "U+1F4BB"
        ],
        "each code point of each cluster, the joiner left out"
    );
    let line = line_of(&source, "1. The present report (");
    let columns: Vec<u32> = reported.iter().map(|d| d.span.column).collect();
    assert!(reported.iter().all(|d| d.span.line == line), "{reported:?}");
    assert!(
        columns.windows(2).all(|w| w[0] < w[1]) && columns[0] > 1,
        "real, increasing columns: {columns:?}"
    );
    // The first is where `ሰ` stands in its source line: counted from the
    // paragraph's text, after its label `1. `.
    let source_line = source.lines().nth(line as usize - 1).expect("the line");
    let at = source_line.chars().position(|c| c == 'ሰ').expect("ሰ");
    assert_eq!(columns[0] as usize, at + 1, "{source_line}");
    // Validation finds the same without laying anything out.
    let found = write::pdf::missing_glyphs(&doc, &WriteOptions::default());
    assert_eq!(found, reported);
}

#[test]
fn missing_characters_after_cited_symbols_are_placed_at_their_own_columns() {
    // Cited symbols restart the count at their own place; the texts
    // between are counted only where a character is reported.
    let body = "1. The report ሰ of A/80/1 and ለ, with A/80/2, ሐ and መ.\n\
                2. Nothing here.\n\
                3. Then ሠ after A/80/3.";
    let source = source_with_body(body);
    let doc = read_text(&source);
    let found = write::pdf::missing_glyphs(&doc, &WriteOptions::default());
    let places: Vec<(char, u32, u32)> = found
        .iter()
        .map(|d| {
            let named = d.message.split_whitespace().next().expect("U+");
            let code = u32::from_str_radix(&named[2..], 16).expect("hex");
            (
                char::from_u32(code).expect("char"),
                d.span.line,
                d.span.column,
            )
        })
        .collect();
    let expected: Vec<(char, u32, u32)> = "ሰለሐመሠ"
        .chars()
        .map(|c| {
            let (line, text) = source
                .lines()
                .enumerate()
                .find(|(_, l)| l.contains(c))
                .expect("in the source");
            let column = text.chars().position(|x| x == c).expect("on the line") + 1;
            (c, line as u32 + 1, column as u32)
        })
        .collect();
    assert_eq!(places, expected);
}

#[test]
fn deny_warnings_fails_a_document_with_characters_no_font_covers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("amharic.txt");
    std::fs::write(&path, source_with_body("1. The word ሰላም is Amharic.")).expect("written");
    let out = dir.path().join("out");
    let args = |deny: bool| {
        let mut a = vec![
            "convert",
            path.to_str().expect("path"),
            "-o",
            out.to_str().expect("path"),
            "--to",
            "pdf",
        ];
        if deny {
            a.push("--deny-warnings");
        }
        a
    };
    let (code, stdout, stderr) = common::run(&args(false));
    assert_eq!(code, 0, "a warning only: {stdout}{stderr}");
    let (code, stdout, stderr) = common::run(&args(true));
    let all = stdout + &stderr;
    assert_eq!(code, 1, "--deny-warnings fails it: {all}");
    assert!(common::reports(&all, "U+1230", "UND051"), "{all}");

    // `validate` reports what `convert` would, and fails it the same way.
    let file = path.to_str().expect("path");
    let (code, stdout, stderr) = common::run(&["validate", file]);
    let all = stdout + &stderr;
    assert_eq!(code, 0, "a warning only: {all}");
    assert!(common::reports(&all, "U+1230", "UND051"), "{all}");
    let (code, stdout, stderr) = common::run(&["validate", file, "--deny-warnings"]);
    let all = stdout + &stderr;
    assert_eq!(code, 1, "--deny-warnings fails it: {all}");
    assert!(common::reports(&all, "U+1230", "UND051"), "{all}");
}

/// Where `c` first stands in `source`: its 1-based line and character column.
fn place_of(source: &str, c: char) -> (u64, u64) {
    let (index, line) = source
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(c))
        .expect("the character is there");
    let column = line.chars().position(|x| x == c).expect("on the line");
    (index as u64 + 1, column as u64 + 1)
}

/// `validate --format json`'s UND051 places in `file`, character by character.
fn glyph_places(file: &std::path::Path) -> Vec<(String, u64, u64)> {
    let (_, stdout, stderr) =
        common::run(&["validate", file.to_str().expect("path"), "--format", "json"]);
    let found: serde_json::Value = serde_json::from_str(&stdout).expect(&stderr);
    found
        .as_array()
        .expect("an array")
        .iter()
        .filter(|d| d["code"] == "UND051")
        .map(|d| {
            let message = d["message"].as_str().expect("message");
            (
                message[..message.find(' ').expect("U+…")].to_string(),
                d["line"].as_u64().expect("line"),
                d["column"].as_u64().expect("column"),
            )
        })
        .collect()
}

#[test]
fn missing_glyphs_are_reported_where_they_stand_in_markdown_xml_and_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = common::root();
    // Markdown: markup before the character and a paragraph over two lines.
    let draft = std::fs::read_to_string(root.join("samples/markdown/draft-en.md")).expect("draft");
    let markdown: String = draft
        .lines()
        .filter(|l| !l.starts_with("!["))
        .map(|l| {
            l.replacen(
                "1. The present report is",
                "1. The **present** report (ሰ) is",
                1,
            )
            .replacen(
                "2. Digital public infrastructure is understood",
                "2. Digital *public* infrastructure\nis understood (ጀ)",
                1,
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    // XML: a strong run and a citation before the character.
    let xml = std::fs::read_to_string(root.join("samples/acabq-first-page-en.xml"))
        .expect("xml sample")
        .replacen(
            "<strong>The Advisory Committee trusts that",
            "<strong>The Advisory</strong> Committee ሰ <strong>trusts that",
            1,
        )
        .replacen(
            "(<ref>A/80/604</ref>), and those",
            "(<ref>A/80/604</ref>), and ጀ those",
            1,
        );
    // Text: the character on a paragraph's second line.
    let text = source_with_body("1. The present report\ncites the word ሰ and\n\n2. Then ጀ here.");
    for (name, source) in [
        ("draft.md", markdown),
        ("first.xml", xml),
        ("report.txt", text),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &source).expect("written");
        let expected: Vec<(String, u64, u64)> = ['ሰ', 'ጀ']
            .into_iter()
            .map(|c| {
                let (line, column) = place_of(&source, c);
                (format!("U+{:04X}", c as u32), line, column)
            })
            .collect();
        let mut found = glyph_places(&path);
        found.sort();
        assert_eq!(found, expected, "{name}");
    }
}
