//! Tables and figures in the PDF, checked with real consumers: the
//! structure tree has `Table`, `TR`, `TH` (scoped), `TD` and `Figure` with
//! its alternative text (qpdf --json); a table that crosses a page break
//! repeats its header on each page (pdftotext per page); Arabic tables are
//! mirrored, their first column at the right (pdftotext -bbox), and
//! Chinese cells wrap; a picture that cannot be drawn becomes a framed box
//! with its alternative text and a warning; ragged and very wide tables
//! render, the latter with a warning.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use undoc::diagnostic::Diagnostic;
use undoc::model::{Block, Cell, Column, Document, Figure, Inline, Row, Span, Table};
use undoc::read::{self, InputFormat, Source};
use undoc::write::{self, WriteOptions};

/// The document in `text` (UN text), read as if it stood in samples/.
fn read_text(text: &str) -> Document {
    let path = common::root().join("samples/test.txt");
    read_source(text.as_bytes(), &path, "text")
}

fn read_source(bytes: &[u8], path: &Path, format: &str) -> Document {
    let source = Source { bytes, path };
    let outcome = read::read(&source, InputFormat::by_name(format).expect("reader"), &[]);
    let errors: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    outcome.document.expect("reads")
}

fn sample(name: &str) -> Document {
    let path = common::root().join("samples").join(name);
    let bytes = std::fs::read(&path).expect("sample");
    let format = if name.ends_with(".xml") {
        "xml"
    } else {
        "text"
    };
    read_source(&bytes, &path, format)
}

fn render(doc: &Document) -> write::Rendered {
    write::pdf::write(doc, &WriteOptions::default()).expect("PDF renders")
}

/// `doc`'s PDF in `dir`, for the command-line tools.
fn pdf_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path.to_str().expect("utf-8 path").to_string()
}

fn output(tool: &Path, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().expect("tool runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `text` with each run of white space one space (pdftotext -raw breaks
/// lines at a raised note mark).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The structure elements of a PDF, by role, from qpdf --json.
fn structure(qpdf: &Path, pdf: &str) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let json: serde_json::Value =
        serde_json::from_str(&output(qpdf, &["--json", pdf])).expect("qpdf json");
    let objects = json["qpdf"][1].as_object().expect("objects");
    objects
        .values()
        .filter_map(|o| o["value"].as_object())
        .filter(|v| v.get("/Type").and_then(|t| t.as_str()) == Some("/StructElem"))
        .cloned()
        .collect()
}

fn count_roles(elements: &[serde_json::Map<String, serde_json::Value>]) -> BTreeMap<String, usize> {
    let mut roles = BTreeMap::new();
    for e in elements {
        if let Some(role) = e.get("/S").and_then(|s| s.as_str()) {
            *roles.entry(role.to_string()).or_default() += 1;
        }
    }
    roles
}

/// Every table of `blocks` (nested in chapters and sections).
fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks
        .iter()
        .flat_map(|b| match b {
            Block::Table(t) => vec![t],
            Block::Chapter(d) | Block::Section(d) => tables(&d.blocks),
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn tables_and_figures_are_tagged_with_cells_headers_and_alternative_text() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = sample("report-en.txt");
    let rendered = render(&doc);
    assert!(
        rendered.diagnostics.is_empty(),
        "{:?}",
        rendered.diagnostics
    );
    assert!(rendered.bytes == render(&doc).bytes, "same bytes twice");
    let pdf = pdf_file(dir.path(), "report.pdf", &rendered.bytes);
    let elements = structure(&qpdf, &pdf);
    let roles = count_roles(&elements);
    let all = tables(&doc.body);
    let rows: usize = all.iter().map(|t| t.head.len() + t.body.len()).sum();
    let cells = |rows: &[Row]| rows.iter().map(|r| r.cells.len()).sum::<usize>();
    let heads: usize = all.iter().map(|t| cells(&t.head)).sum();
    let data: usize = all.iter().map(|t| cells(&t.body)).sum();
    assert_eq!(roles.get("/Table"), Some(&all.len()), "{roles:?}");
    assert_eq!(roles.get("/TR"), Some(&rows), "{roles:?}");
    assert_eq!(roles.get("/TH"), Some(&heads), "{roles:?}");
    assert_eq!(roles.get("/TD"), Some(&data), "{roles:?}");
    assert_eq!(roles.get("/Caption"), Some(&all.len()), "{roles:?}");
    let text = serde_json::to_string(&elements).expect("json");
    assert!(
        text.contains(r#""/Scope":"/Column""#),
        "header cells scoped"
    );
    assert!(text.contains(r#""/ColSpan":2"#), "Table 2's merged header");
    assert!(text.contains(r#""/RowSpan":2"#), "Table 2's tall header");
    let figure = elements
        .iter()
        .find(|e| e.get("/S").and_then(|s| s.as_str()) == Some("/Figure"))
        .expect("a Figure element");
    let alt = figure["/Alt"].as_str().expect("alternative text");
    assert!(alt.contains("Bar chart: 12 countries in 2019"), "{alt}");
}

#[test]
fn the_summary_box_table_of_a_80_604_add_1_reads_in_order() {
    let (Some(qpdf), Some(pdftotext)) = (common::tool("qpdf"), common::tool("pdftotext")) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = sample("acabq-first-page-en.xml");
    let rendered = render(&doc);
    assert!(
        rendered.diagnostics.is_empty(),
        "{:?}",
        rendered.diagnostics
    );
    let pdf = pdf_file(dir.path(), "acabq.pdf", &rendered.bytes);
    let roles = count_roles(&structure(&qpdf, &pdf));
    assert_eq!(roles.get("/TD"), Some(&20), "{roles:?}");
    let page = words(&output(
        &pdftotext,
        &["-raw", "-f", "1", "-l", "1", &pdf, "-"],
    ));
    let wanted = [
        "Appropriation for 2024/25 $68,743,800",
        "Projected expenditure for 2025/26a,b $59,153,400",
        "Recommendation of the Advisory Committee for 2026/27 $61,552,000",
        "a Estimates as at 28 February 2026.",
    ];
    let mut from = 0;
    for line in wanted {
        let at = page[from..]
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} in\n{page}"));
        from += at + line.len();
    }
}

/// Sample `sample_name` with the text source `table` inserted before the
/// first occurrence of `before`.
fn with_long_table(sample_name: &str, before: &str, table: &str) -> Document {
    let text =
        std::fs::read_to_string(common::root().join("samples").join(sample_name)).expect("sample");
    let at = text.find(before).expect("the paragraph");
    read_text(&format!("{}{table}\n{}", &text[..at], &text[at..]))
}

fn english_table(rows: usize) -> String {
    let body: String = (1..=rows)
        .map(|i| {
            format!(
                "| Region number {i} of the world | {} | {} |\n",
                100 + i,
                i % 7
            )
        })
        .collect();
    format!(
        "Table 1\nCoverage by region, 2024\n\n(Percentage of the population)\n\n\
         | Region | Persons covered^a^ | Change |\n|:--|--:|--:|\n{body}\
         | **Total** | **52** | **4** |\n\n^a^ At least one benefit.\n\
         Source: International Labour Organization.\n\n"
    )
}

#[test]
fn a_table_crossing_pages_repeats_its_header_on_each() {
    let (Some(pdftotext), Some(pdfinfo)) = (common::tool("pdftotext"), common::tool("pdfinfo"))
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = with_long_table("report-en.txt", "\n5. ", &english_table(120));
    let pdf = pdf_file(dir.path(), "long.pdf", &render(&doc).bytes);
    let pages: u32 = output(&pdfinfo, &[&pdf])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let mut pages_with_rows = 0;
    let mut last_row = 0;
    for p in 1..=pages {
        let p = p.to_string();
        let text = output(&pdftotext, &["-raw", "-f", &p, "-l", &p, &pdf, "-"]);
        let rows: Vec<usize> = text
            .lines()
            .filter_map(|l| l.strip_prefix("Region number "))
            .filter_map(|l| l.split_whitespace().next()?.parse().ok())
            .collect();
        if rows.is_empty() {
            continue;
        }
        pages_with_rows += 1;
        assert!(
            words(&text).contains("Region Persons covereda Change"),
            "header on page {p}:\n{text}"
        );
        assert_eq!(rows[0], last_row + 1, "rows continue in order on page {p}");
        last_row = *rows.last().expect("rows");
    }
    assert!(
        pages_with_rows >= 3,
        "the table spans pages: {pages_with_rows}"
    );
    assert_eq!(last_row, 120);
}

/// The words of a PDF page with their left edges (pdftotext -bbox).
fn word_lefts(pdftotext: &Path, pdf: &str, page: u32) -> Vec<(String, f32)> {
    let p = page.to_string();
    let html = output(pdftotext, &["-bbox", "-f", &p, "-l", &p, pdf, "-"]);
    html.lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("<word xMin=\"")?;
            let (x, rest) = l.split_once('"')?;
            let word = rest.split_once('>')?.1.strip_suffix("</word>")?;
            Some((word.to_string(), x.parse().ok()?))
        })
        .collect()
}

#[test]
fn arabic_tables_are_mirrored_and_chinese_cells_wrap() {
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let rows: String = (1..=40)
        .map(|i| format!("| المنطقة R{i} | {} | {} |\n", 1000 + i, 2000 + i))
        .collect();
    let table = format!(
        "الجدول 1\nتغطية الحماية الاجتماعية\n\n| المنطقة | التغطية | التغير |\n|:--|--:|--:|\n{rows}\n"
    );
    let doc = with_long_table("report-ar.txt", "3 - ", &table);
    let rendered = render(&doc);
    assert!(
        rendered.diagnostics.is_empty(),
        "{:?}",
        rendered.diagnostics
    );
    let pdf = pdf_file(dir.path(), "ar.pdf", &rendered.bytes);
    let mut seen = Vec::new();
    for page in 1..=5 {
        let words = word_lefts(&pdftotext, &pdf, page);
        let left_of = |w: &str| words.iter().find(|(t, _)| t == w).map(|(_, x)| *x);
        for i in 1..=40 {
            let columns = [
                format!("R{i}"),
                format!("{}", 1000 + i),
                format!("{}", 2000 + i),
            ];
            let [Some(first), Some(second), Some(third)] = columns.each_ref().map(|w| left_of(w))
            else {
                continue;
            };
            assert!(
                first > second && second > third,
                "row {i}: {first} {second} {third}"
            );
            seen.push(i);
        }
    }
    assert_eq!(
        seen,
        (1..=40).collect::<Vec<_>>(),
        "every row, mirrored, in order"
    );

    // A Chinese cell far wider than its column wraps between ideographs.
    let long = "社会保护覆盖面的扩大取决于可持续的供资、强有力的机构和对最弱势群体的包容".repeat(3);
    let table = format!("表1\n覆盖面\n\n| 区域 | 说明 |\n|:--|:--|\n| 非洲 | {long} |\n\n");
    let doc = with_long_table("report-zh.txt", "\n3. ", &table);
    let pdf = pdf_file(dir.path(), "zh.pdf", &render(&doc).bytes);
    let text = output(&pdftotext, &["-raw", &pdf, "-"]);
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        joined.contains(&long),
        "every ideograph of the cell, in order"
    );
    let cell_lines = text
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().count() >= 5 && long.contains(l))
        .count();
    assert!(
        cell_lines >= 3,
        "the cell wraps on several lines: {cell_lines}"
    );
}

/// A number whose digit groups are set apart by a space (`62 554`) reads
/// left to right in Arabic cells, its groups in order: an ordinary space
/// between two numbers takes the right-to-left direction and shows them
/// `554 62`, the PDF then saying another number than the source.
#[test]
fn arabic_numbers_keep_their_digit_groups_in_order() {
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let table = "الجدول 1\nتغطية الحماية الاجتماعية\n\n| المنطقة | التغطية |\n|:--|--:|\n| أفريقيا | 62 554 |\n| الدول العربية | 1 250 000 |\n\n";
    let doc = with_long_table("report-ar.txt", "3 - ", table);
    let pdf = pdf_file(dir.path(), "ar.pdf", &render(&doc).bytes);
    let text = output(&pdftotext, &["-layout", &pdf, "-"]).replace('\u{a0}', " ");
    for number in ["62 554", "1 250 000"] {
        assert!(text.contains(number), "{number} in order:\n{text}");
    }
    assert!(!text.contains("554 62") && !text.contains("000 250 1"));
}

/// An EMF header (the record type 1, the " EMF" signature, a frame).
fn emf() -> Vec<u8> {
    let mut b = vec![0u8; 88];
    b[0] = 1;
    b[32..36].copy_from_slice(&2000i32.to_le_bytes());
    b[36..40].copy_from_slice(&1000i32.to_le_bytes());
    b[40..44].copy_from_slice(b" EMF");
    b
}

fn figure_of(doc: &mut Document) -> &mut Figure {
    fn find(blocks: &mut [Block]) -> Option<&mut Figure> {
        blocks.iter_mut().find_map(|b| match b {
            Block::Figure(f) => Some(f),
            Block::Chapter(d) | Block::Section(d) => find(&mut d.blocks),
            _ => None,
        })
    }
    find(&mut doc.body).expect("the sample's figure")
}

#[test]
fn an_emf_figure_is_a_framed_box_with_its_alternative_text_and_a_warning() {
    let mut doc = sample("report-en.txt");
    let figure = figure_of(&mut doc);
    figure.image = undoc::image::probe(&emf()).expect("an EMF header");
    let span = figure.span;
    let alt = figure.alt.clone();
    let rendered = render(&doc);
    let warning = rendered
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "UND054")
        .expect("a UND054 warning");
    assert_eq!(warning.span, span, "at the figure");
    assert!(!warning.is_error());
    assert!(
        warning
            .message
            .contains("EMF pictures are carried in XML and DOCX but not drawn in PDF")
    );
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = pdf_file(dir.path(), "emf.pdf", &rendered.bytes);
    let text: String = output(&pdftotext, &[&pdf, "-"])
        .split_whitespace()
        .collect();
    let alt: String = alt.split_whitespace().collect();
    assert!(text.contains(&alt), "the alternative text is printed");
}

fn cell(text: &str) -> Cell {
    Cell {
        paragraphs: vec![vec![Inline::Text(text.to_string())]],
        col_span: 1,
        row_span: 1,
        align: None,
        indent: 0,
        span: Span::default(),
    }
}

fn row(cells: Vec<Cell>) -> Row {
    Row {
        cells,
        total: false,
        heading: false,
        span: Span::default(),
    }
}

/// `doc` with `table` at the end of its body.
fn with_table(mut doc: Document, table: Table) -> Document {
    doc.body.push(Block::Table(table));
    doc
}

fn table(columns: usize, head: Vec<Row>, body: Vec<Row>) -> Table {
    Table {
        n: None,
        title: vec![Inline::Text("A table".into())],
        units: None,
        columns: vec![
            Column {
                align: undoc::model::Align::End,
                spacer: false,
                width: None,
            };
            columns
        ],
        head,
        body,
        notes: Vec::new(),
        source: None,
        span: Span::new(7, 1),
    }
}

#[test]
fn ragged_and_very_wide_tables_render_without_a_panic() {
    let base = sample("report-fr.txt");
    // Rows of one, three and five cells on a grid of three; spans past it.
    let mut wide_span = cell("spans far");
    wide_span.col_span = u32::MAX;
    wide_span.row_span = u32::MAX;
    let ragged = table(
        3,
        vec![row(vec![cell("h1"), cell("h2"), cell("h3")])],
        vec![
            row(vec![cell("one")]),
            row(vec![cell("a"), cell("b"), cell("c")]),
            row((1..=5).map(|i| cell(&format!("x{i}"))).collect()),
            row(vec![wide_span, cell("after")]),
            row(Vec::new()),
        ],
    );
    let rendered = render(&with_table(base.clone(), ragged));
    assert!(rendered.pages.is_some_and(|p| p >= 1));
    // A thousand columns: squeezed into the page, with a warning at the table.
    let wide = table(
        1000,
        vec![row((0..1000)
            .map(|i| cell(&format!("Column {i}")))
            .collect())],
        vec![row((0..1000).map(|i| cell(&format!("{i}"))).collect())],
    );
    let rendered = render(&with_table(base, wide));
    let warning = rendered
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "UND054")
        .expect("the squeezed table is reported");
    assert_eq!(warning.span, Span::new(7, 1));
    assert!(
        warning.message.contains("1000 columns"),
        "{}",
        warning.message
    );
}

/// A table too wide for the page at its preferred widths shrinks its
/// columns toward their widest word; a number whose digit groups are set
/// apart by spaces (`1 250 000`, as DGACM tables write them) is one word
/// there: it is never split across lines.
#[test]
fn numbers_grouped_with_spaces_stay_on_one_line_in_narrow_columns() {
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let sentence = "Resources for the maintenance of the Force, including rations, fuel, \
                    spare parts and the rotation of contingent personnel";
    let body: String = (1..=6)
        .map(|i| format!("| {sentence} {i} | {sentence} | 1 250 00{i} | 3 11{i} |\n"))
        .collect();
    let table = format!(
        "Table 1\nResource requirements\n\n| Item | Description | Amount | Posts |\n\
         |:--|:--|--:|--:|\n{body}\n"
    );
    let doc = with_long_table("report-en.txt", "\n5. ", &table);
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = pdf_file(dir.path(), "grouped.pdf", &render(&doc).bytes);
    let text = output(&pdftotext, &["-raw", &pdf, "-"]);
    for i in 1..=6 {
        for number in [format!("1 250 00{i}"), format!("3 11{i}")] {
            assert!(
                text.lines().any(|l| l.contains(&number)),
                "{number} whole on a line:\n{text}"
            );
        }
    }
}

/// A framed summary (A/80/600): its frame runs from margin to margin, its
/// heading stands in from the frame, and a table in it is set as in the
/// body, its header wrapping before its row labels do.
#[test]
fn a_framed_summary_spans_the_margins_and_its_tables_row_labels_stay_whole() {
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let header: String = (1..=6)
        .map(|i| format!(" Government-provided personnel {i} |"))
        .collect();
    let row: String = (1..=6).map(|i| format!(" {i} |")).collect();
    let table = format!(
        "(Number of posts)\n\n| Category |{header}\n|:--|{}\n| Approved 2024/25 |{row}\n| Proposed 2026/27 |{row}\n\n",
        "--:|".repeat(6)
    );
    let doc = with_long_table("hrc-report-en.txt", "I. Introduction", &table);
    let summary = doc.summary.as_ref().expect("a summary");
    assert!(
        summary.blocks.iter().any(|b| matches!(b, Block::Table(_))),
        "the table stands in the summary"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = pdf_file(dir.path(), "framed.pdf", &render(&doc).bytes);
    let lefts = word_lefts(&pdftotext, &pdf, 1);
    let left = |word: &str| {
        lefts
            .iter()
            .find(|(w, _)| w == word)
            .map(|(_, x)| *x)
            .unwrap_or_else(|| panic!("{word:?} in {lefts:?}"))
    };
    // The body's paragraph number stands at the text indent, the
    // summary's heading 10.8 pt in from the frame at the margin.
    let from_text_indent = left("1.") - left("Summary");
    assert!(
        (from_text_indent - (63.35 - 10.8)).abs() < 1.0,
        "{from_text_indent}"
    );
    let page = output(&pdftotext, &["-layout", "-f", "1", "-l", "2", &pdf, "-"]);
    for label in ["Approved 2024/25", "Proposed 2026/27"] {
        assert!(
            page.lines().any(|l| l.contains(label)),
            "{label:?} on one line in\n{page}"
        );
    }
}
