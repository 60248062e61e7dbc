//! The DOCX writer's tables, figures and summary box, checked by real
//! consumers: python-docx resolves every table's grid (`gridSpan`,
//! `vMerge`) to the model's cells, place by place, and finds the header
//! rows repeated and no row split; an Arabic table runs right to left;
//! figures carry their alternative text and their picture's bytes;
//! LibreOffice renders every cell's text; and, where openxml-audit is
//! installed, the Open XML SDK's schema and semantic rules find nothing.
//!
//! The documents: the samples with tables (merged header cells, a spacer
//! column, lettered notes, total rows, a figure, a framed summary), the
//! first page of A/80/604/Add.1 (a summary that is a box of figures) and
//! the Arabic sample with a table added at test time.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use undoc::lang::Lang;
use undoc::model::{Block, Cell, Document, Figure, Inline, Table, plain_text};
use undoc::read::{self, InputFormat, Source};

/// An Arabic table with the shapes the checks look for: a header cell over
/// two rows, one over two columns, a spacer column, a lettered note, a
/// total row and a source line.
const ARABIC_TABLE: &str = "\
الجدول 3
الإنفاق على الحماية الاجتماعية، حسب المنطقة

(نسبة مئوية من الناتج المحلي الإجمالي)

| المنطقة | الإنفاق | < |  | التغير |
| ^ | 2020 | 2024 | | ^ |
|:--|--:|--:|-|--:|
| أفريقيا | 4.1 | 4.6 | | 0.5 |
| آسيا والمحيط الهادئ^a^ | 7.5 | 8.1 | | 0.6 |
| **المجموع** | **11.6** | **12.7** | | **1.1** |

^a^ بما في ذلك الدول الجزرية الصغيرة النامية.
المصدر: منظمة العمل الدولية.
";

/// The sources: samples with tables, the A/80/604/Add.1 page and the
/// Arabic sample with [`ARABIC_TABLE`] (its third) before its last chapter,
/// written into `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let samples = common::root().join("samples");
    let arabic = std::fs::read_to_string(samples.join("report-ar.txt")).expect("Arabic sample");
    let at = arabic
        .find("\n\nرابعا - ")
        .expect("chapter IV of the Arabic sample");
    let with_table = format!("{}\n\n{ARABIC_TABLE}{}", &arabic[..at], &arabic[at..]);
    let arabic_path = dir.join("report-ar-table.txt");
    std::fs::write(&arabic_path, with_table).expect("fixture written");
    let mut out: Vec<PathBuf> = [
        "report-en.txt",
        "hrc-report-en.txt",
        "sc-report-en.txt",
        "acabq-first-page-en.xml",
    ]
    .iter()
    .map(|name| samples.join(name))
    .collect();
    out.push(arabic_path);
    out
}

/// The model of `path`, read with its folder (so figures have their pictures).
fn model(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("source readable");
    let format = InputFormat::for_path(path).expect("a known format");
    let outcome = read::read(
        &Source {
            bytes: &bytes,
            path,
        },
        format,
        &[],
    );
    outcome.document.expect("source reads")
}

/// Converts `sources` to DOCX under `dir`; returns the files in order.
fn convert(sources: &[PathBuf], dir: &Path) -> Vec<PathBuf> {
    let inputs: Vec<&Path> = sources.iter().map(PathBuf::as_path).collect();
    let out = dir.join("docx");
    common::convert(&inputs, &out, &["--to", "docx"]);
    sources
        .iter()
        .map(|s| {
            out.join(s.file_stem().expect("name"))
                .with_extension("docx")
        })
        .collect()
}

/// Every table and figure of `doc` in document order, with whether the
/// table is a summary that is nothing but a box of figures.
fn floats(doc: &Document) -> (Vec<(&Table, bool)>, Vec<&Figure>) {
    fn walk<'d>(
        blocks: &'d [Block],
        tables: &mut Vec<(&'d Table, bool)>,
        figures: &mut Vec<&'d Figure>,
    ) {
        for block in blocks {
            match block {
                Block::Table(t) => tables.push((t, false)),
                Block::Figure(f) => figures.push(f),
                Block::Chapter(d) | Block::Section(d) => walk(&d.blocks, tables, figures),
                _ => {}
            }
        }
    }
    let (mut tables, mut figures) = (Vec::new(), Vec::new());
    if let Some(summary) = &doc.summary {
        match (&summary.heading, summary.blocks.as_slice()) {
            (None, [Block::Table(t)]) => tables.push((t, true)),
            _ => walk(&summary.blocks, &mut tables, &mut figures),
        }
    }
    walk(&doc.preamble, &mut tables, &mut figures);
    walk(&doc.body, &mut tables, &mut figures);
    for annex in &doc.annexes {
        walk(&annex.blocks, &mut tables, &mut figures);
    }
    (tables, figures)
}

/// What a table is called for screen readers (`w:tblCaption`).
fn caption(t: &Table, boxed: bool, lang: Lang) -> String {
    let title = plain_text(&t.title);
    match t.n.map(|n| lang.table_label(n)) {
        Some(label) if title.is_empty() => label,
        Some(label) => format!("{label}: {title}"),
        None if title.is_empty() && boxed => lang.summary_word().to_string(),
        None => title,
    }
}

/// A cell's text as a reader of the DOCX sees it: its paragraphs one a
/// line, note marks as letters (a comma between marks in a row).
fn cell_text(cell: &Cell) -> String {
    fn inlines(out: &mut String, content: &[Inline]) {
        for (i, inline) in content.iter().enumerate() {
            match inline {
                Inline::Text(t) | Inline::Emph(t) => out.push_str(t),
                Inline::Strong(inner) => inlines(out, inner),
                Inline::Link(link) => out.push_str(&link.text),
                Inline::Ref(r) => out.push_str(&r.value),
                Inline::NoteRef(_) => {}
                Inline::TableNoteRef(n) => {
                    if i > 0 && matches!(content[i - 1], Inline::TableNoteRef(_)) {
                        out.push(',');
                    }
                    out.push_str(&undoc::lang::latin_letter(n.value, false));
                }
            }
        }
    }
    let lines: Vec<String> = cell
        .paragraphs
        .iter()
        .map(|p| {
            let mut line = String::new();
            inlines(&mut line, p);
            line
        })
        .collect();
    lines.join("\n")
}

/// Word's cells of a row: (text, gridSpan, vMerge).
type Tcs = Vec<(String, u64, Option<&'static str>)>;

/// What python-docx should find for `t`, row by row: the text at each
/// grid place (a cell spanning columns or rows stands in every place it
/// covers) and the cells Word stores, covered places (`vMerge` continue)
/// included. Written from the model alone, independently of the writer.
fn expected(t: &Table) -> Vec<(Vec<String>, Tcs)> {
    let width = t.columns.len();
    // For each grid column: rows still covered below, the covering text, its span.
    let mut covered: Vec<(u32, String, usize)> = vec![(0, String::new(), 1); width];
    let mut out = Vec::new();
    for row in t.head.iter().chain(&t.body) {
        let (mut grid, mut tcs) = (Vec::new(), Tcs::new());
        let mut cells = row.cells.iter();
        let mut col = 0;
        while col < width {
            if covered[col].0 > 0 {
                let (_, text, span) = covered[col].clone();
                covered[col].0 -= 1;
                grid.extend(std::iter::repeat_n(text, span));
                tcs.push((String::new(), span as u64, Some("continue")));
                col += span;
                continue;
            }
            let Some(cell) = cells.next() else { break };
            let (text, span) = (cell_text(cell), cell.col_span as usize);
            grid.extend(std::iter::repeat_n(text.clone(), span));
            let merge = (cell.row_span > 1).then_some("restart");
            if cell.row_span > 1 {
                covered[col] = (cell.row_span - 1, text.clone(), span);
            }
            tcs.push((text, span as u64, merge));
            col += span;
        }
        out.push((grid, tcs));
    }
    out
}

/// Runs tests/docx_tables_check.py (python-docx) on `docx`; `None` when
/// python-docx is missing and not required.
fn python_docx(docx: &Path) -> Option<serde_json::Value> {
    let python = common::tool("python3")?;
    let script = common::root().join("tests/docx_tables_check.py");
    let out = Command::new(python)
        .arg(script)
        .arg(docx)
        .output()
        .expect("python runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.contains("No module named 'docx'") {
        assert!(
            std::env::var("UNDOC_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "python-docx is required (pip install python-docx)"
        );
        eprintln!("note: python-docx is not installed; skipping");
        return None;
    }
    assert!(
        out.status.success(),
        "docx_tables_check.py failed on {}:\n{stderr}",
        docx.display()
    );
    Some(serde_json::from_slice(&out.stdout).expect("JSON"))
}

/// Word's cells of one row as python-docx reports them.
fn tcs_of(row: &serde_json::Value) -> Tcs {
    row["tcs"]
        .as_array()
        .expect("tcs")
        .iter()
        .map(|tc| {
            let merge = match tc["vmerge"].as_str() {
                Some("restart") => Some("restart"),
                Some("continue") => Some("continue"),
                _ => None,
            };
            let text = tc["text"].as_str().expect("text").to_string();
            (text, tc["span"].as_u64().expect("span"), merge)
        })
        .collect()
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|s| s.as_str().expect("a string").to_string())
        .collect()
}

/// Checks one table python-docx found against its model.
fn check_table(name: &str, found: &serde_json::Value, t: &Table, boxed: bool, lang: Lang) {
    let what = format!("{name}: {}", found["caption"]);
    assert_eq!(
        found["columns"].as_u64(),
        Some(t.columns.len() as u64),
        "{what}"
    );
    assert_eq!(
        found["bidi_visual"].as_bool(),
        Some(lang.is_rtl()),
        "{what}: direction"
    );
    let rows = found["rows"].as_array().expect("rows");
    let expected = expected(t);
    let extra = usize::from(boxed && (!t.notes.is_empty() || t.source.is_some()));
    assert_eq!(rows.len(), expected.len() + extra, "{what}: rows");
    for (i, ((grid, tcs), row)) in expected.iter().zip(rows).enumerate() {
        assert_eq!(
            &strings(&row["grid"]),
            grid,
            "{what}: row {i}'s grid places"
        );
        assert_eq!(
            &tcs_of(row),
            tcs,
            "{what}: row {i}'s cells (text, gridSpan, vMerge)"
        );
        assert_eq!(
            row["header"].as_bool(),
            Some(i < t.head.len()),
            "{what}: row {i} header"
        );
        assert_eq!(
            row["cant_split"].as_bool(),
            Some(true),
            "{what}: row {i} splits"
        );
    }
    if extra == 1 {
        // The box's notes, in its last row across the grid.
        let notes = &rows[expected.len()]["tcs"][0];
        assert_eq!(
            notes["span"].as_u64(),
            Some(t.columns.len() as u64),
            "{what}"
        );
        for note in &t.notes {
            let text = plain_text(&note.content);
            assert!(
                notes["text"].as_str().is_some_and(|s| s.contains(&text)),
                "{what}: {text}"
            );
        }
    }
}

#[test]
fn python_docx_finds_every_table_cell_span_and_picture() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let sources = sources(dir.path());
    let outputs = convert(&sources, dir.path());
    let mut spans = (0, 0, 0);
    for (source, docx) in sources.iter().zip(&outputs) {
        let doc = model(source);
        let Some(report) = python_docx(docx) else {
            return;
        };
        let name = docx.display().to_string();
        let found = report["tables"].as_array().expect("tables");
        let (tables, figures) = floats(&doc);
        assert!(!tables.is_empty(), "{name}: the document has tables");
        for (t, boxed) in tables {
            let caption = caption(t, boxed, doc.lang);
            let matching: Vec<_> = found
                .iter()
                .filter(|f| f["caption"].as_str() == Some(caption.as_str()))
                .collect();
            assert_eq!(matching.len(), 1, "{name}: one table called {caption:?}");
            check_table(&name, matching[0], t, boxed, doc.lang);
            for (_, tcs) in expected(t) {
                for (_, span, merge) in tcs {
                    spans.0 += usize::from(span > 1);
                    spans.1 += usize::from(merge == Some("restart"));
                    spans.2 += usize::from(merge == Some("continue"));
                }
            }
        }
        let pictures = report["pictures"].as_array().expect("pictures");
        assert_eq!(
            pictures.len(),
            figures.len(),
            "{name}: one picture a figure"
        );
        for (f, p) in figures.iter().zip(pictures) {
            assert_eq!(
                p["descr"].as_str(),
                Some(f.alt.as_str()),
                "{name}: alternative text"
            );
            assert_eq!(
                p["content_type"].as_str(),
                Some(f.image.kind.media_type()),
                "{name}"
            );
            assert_eq!(
                p["bytes"].as_u64(),
                Some(f.image.bytes.len() as u64),
                "{name}"
            );
            let label = f.n.map(|n| doc.lang.figure_label(n));
            assert_eq!(p["name"].as_str(), label.as_deref(), "{name}: drawing name");
        }
    }
    // The documents hold column spans, row spans and their covered cells.
    assert!(spans.0 >= 3 && spans.1 >= 3 && spans.2 >= 3, "{spans:?}");
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// Text for comparison, as tests/docx.rs compares it: no white space;
/// Arabic keeps only its letters, each run of lams and alefs in a word
/// sorted (pdftotext may decompose lam–alef ligatures out of order). Runs
/// are sorted word by word, so that a cell's last alef does not mix with
/// the next cell's first.
fn normalize(text: &str, lang: Lang) -> String {
    if lang != Lang::Ar {
        return text.chars().filter(|c| !c.is_whitespace()).collect();
    }
    let lam_alef = |c: char| matches!(c, 'ل' | 'ا' | 'أ' | 'إ' | 'آ');
    let mut out = String::new();
    for word in text.split_whitespace() {
        let mut chars: Vec<char> = word.chars().filter(|&c| is_arabic_letter(c)).collect();
        let mut start = 0;
        while start < chars.len() {
            let len = chars[start..].iter().take_while(|&&c| lam_alef(c)).count();
            chars[start..start + len].sort_unstable();
            start += len.max(1);
        }
        out.extend(chars);
    }
    out
}

#[test]
fn libreoffice_renders_every_cell() {
    let (Some(soffice), Some(pdftotext)) = (common::tool("soffice"), common::tool("pdftotext"))
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let sources = sources(dir.path());
    let outputs = convert(&sources, dir.path());
    let pdf_dir = dir.path().join("pdf");
    common::libreoffice_to_pdf(&soffice, &outputs, &pdf_dir, &dir.path().join("lo-profile"));
    for (source, docx) in sources.iter().zip(&outputs) {
        let doc = model(source);
        let pdf = pdf_dir
            .join(docx.file_name().expect("name"))
            .with_extension("pdf");
        // -raw keeps a row's cells in the order they are drawn; right-to-left
        // text needs the layout analysis.
        let mode: &[&str] = if doc.lang.is_rtl() { &[] } else { &["-raw"] };
        let out = Command::new(&pdftotext)
            .args(mode)
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        assert!(
            out.status.success(),
            "{} did not become a PDF",
            docx.display()
        );
        let raw = String::from_utf8_lossy(&out.stdout);
        let text = normalize(&raw, doc.lang);
        let flat: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let (tables, _) = floats(&doc);
        // Left to right, every cell in reading order; right to left, the
        // columns come out mirrored, so each cell is looked for on its own.
        let mut cursor = 0;
        for (t, _) in tables {
            for cell in t.head.iter().chain(&t.body).flat_map(|r| &r.cells) {
                let plain = cell_text(cell);
                let expected = normalize(&plain, doc.lang);
                if doc.lang.is_rtl() {
                    let found = if expected.is_empty() {
                        let figures: String =
                            plain.chars().filter(|c| !c.is_whitespace()).collect();
                        flat.contains(&figures)
                    } else {
                        text.contains(&expected)
                    };
                    assert!(found, "{}: cell {plain:?} not rendered", pdf.display());
                    continue;
                }
                match text[cursor..].find(&expected) {
                    Some(at) => cursor += at + expected.len(),
                    None => panic!(
                        "{}: cell {plain:?} not found in order after byte {cursor}:\n{}",
                        pdf.display(),
                        text[cursor..].chars().take(300).collect::<String>()
                    ),
                }
            }
        }
    }
}

/// `python3` when it runs `-m openxml_audit` (pip install openxml-audit).
fn openxml_audit() -> Option<PathBuf> {
    common::python_module("openxml_audit", "openxml-audit")
}

#[test]
fn the_open_xml_sdk_rules_find_nothing() {
    let Some(python) = openxml_audit() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let sources = sources(dir.path());
    // One file a run: the tool's checks across parts are not reliable
    // when it is given a folder.
    for docx in convert(&sources, dir.path()) {
        let out = Command::new(&python)
            .args(["-m", "openxml_audit", "-f", "microsoft365", "-m", "0"])
            .arg(&docx)
            .output()
            .expect("openxml-audit runs");
        assert!(
            out.status.success(),
            "{}:\n{}",
            docx.display(),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
