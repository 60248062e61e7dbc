//! Real report structure in the UN text source: pipe tables with merged
//! header cells, spacer columns, total rows, lettered notes and source
//! lines; tab-separated blocks; figures; numbered subheadings; bold; the
//! summary box; the mastheads of the General Assembly, the Human Rights
//! Council and the Security Council; and the diagnostics for what cannot be
//! placed. Inputs are built here.

mod common;

use std::path::Path;

use common::{root, run};
use undoc::diagnostic::Code;
use undoc::model::{Align, Block, Document, Inline, Table, plain_text};
use undoc::read::{InputFormat, Source};

const HEAD: &str = "United Nations\nA/80/312\nGeneral Assembly\n\nDistr.: General\n4 August 2025\n\nOriginal: English\n\nEightieth session\nItem 18 of the provisional agenda\n\nDigital public infrastructure\n\nReport of the Secretary-General\n\n";

fn read_at(text: &str, path: &Path) -> undoc::read::ReadOutcome {
    let format = InputFormat::by_name("text").expect("text reader");
    undoc::read::read(
        &Source {
            bytes: text.as_bytes(),
            path,
        },
        format,
        &[],
    )
}

fn read(text: &str) -> (Document, Vec<undoc::diagnostic::Diagnostic>) {
    let outcome = read_at(text, Path::new(""));
    (outcome.document.expect("a document"), outcome.diagnostics)
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Table(t) => out.push(t),
            Block::Chapter(d) | Block::Section(d) => out.extend(tables(&d.blocks)),
            _ => {}
        }
    }
    out
}

fn cell_text(t: &Table, row: usize, cell: usize) -> String {
    let all: Vec<_> = t.head.iter().chain(&t.body).collect();
    plain_text(&all[row].cells[cell].paragraphs.concat())
}

#[test]
fn pipe_tables_with_merged_cells_spacers_totals_and_notes() {
    let text = format!(
        "{HEAD}I. Resources\n\n1. The resources are shown below.\n\nTable 1\nResources by source\n\n(Millions of United States dollars)\n\n\
         | Source | Expenditure | < |  | Change | < |\n\
         | ^ | 2022 | 2024 | | Amount | Per cent^a^ |\n\
         |:--|--:|--:|-|--:|--:|\n\
         | Regular budget | 18.2 | 19.0 | | 0.8 | 4.4 |\n\
         | **Total** | **364.4** | **431.0** | | **66.6** | **18.3** |\n\n\
         ^a^ Change over 2022.\nSource: Secretariat.\n\n2. The next paragraph.\n"
    );
    let (doc, diagnostics) = read(&text);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    let t = tables(&doc.body)[0];
    assert_eq!(t.n, Some(1));
    assert_eq!(plain_text(&t.title), "Resources by source");
    assert_eq!(
        plain_text(t.units.as_ref().expect("units")),
        "(Millions of United States dollars)"
    );
    assert_eq!(t.columns.len(), 6);
    assert!(t.columns[3].spacer && !t.columns[1].spacer);
    assert_eq!(t.columns[1].align, Align::End);
    assert_eq!(t.head.len(), 2);
    let first = &t.head[0].cells;
    assert_eq!(
        (first[0].row_span, first[1].col_span, first[3].col_span),
        (2, 2, 2)
    );
    assert_eq!(
        t.head[1].cells.len(),
        5,
        "the `^` cell joined the one above"
    );
    assert!(t.body[1].total && !t.body[0].total);
    assert_eq!(cell_text(t, 3, 1), "364.4", "bold marks of a total row go");
    assert_eq!(t.notes.len(), 1);
    assert_eq!(plain_text(&t.notes[0].content), "Change over 2022.");
    assert_eq!(
        plain_text(t.source.as_ref().expect("source")),
        "Source: Secretariat."
    );
    assert_eq!(
        doc.paragraphs().len(),
        2,
        "the table breaks no paragraph numbering"
    );
    let xml = undoc::write::xml::write(&doc).xml;
    let engine = undoc::validate::FastXml::embedded().expect("schema");
    let checked = undoc::validate::check(Some(doc), Vec::new(), None, &engine);
    assert!(!checked.has_errors(), "{:?}\n{xml}", checked.diagnostics);
}

#[test]
fn ragged_rows_and_unmatched_note_marks_are_reported_at_their_lines() {
    let text = format!(
        "{HEAD}I. Resources\n\n1. Text.\n\nTable 1\nTitle\n\n| a | b |\n|--|--|\n| 1 | 2 |\n| 3 |\n| 4 | 5^b^ |\n\n^a^ Never marked.\n"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("ragged.txt");
    std::fs::write(&file, text).expect("write");
    let (code, stdout, _) = run(&["validate", "--format", "json", file.to_str().expect("path")]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let at = |code: &str| -> Vec<u64> {
        json.as_array()
            .expect("array")
            .iter()
            .filter(|d| d["code"] == code)
            .map(|d| d["line"].as_u64().expect("line"))
            .collect()
    };
    assert_eq!(at("UND038"), vec![27], "{stdout}");
    let notes = at("UND039");
    assert!(notes.contains(&28) && notes.contains(&30), "{stdout}");
}

#[test]
fn tab_separated_blocks_become_tables_with_a_warning() {
    let text = format!(
        "{HEAD}I. Data\n\n1. Figures:\n\nRegion\tValue\nAfrica\t840\nAsia\t1250\n\n2. Next.\n"
    );
    let (doc, diagnostics) = read(&text);
    let t = tables(&doc.body)[0];
    assert_eq!((t.head.len(), t.body.len(), t.columns.len()), (1, 2, 2));
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == Code::Structure && d.message.contains("tab-separated"))
    );
    let ragged =
        format!("{HEAD}I. Data\n\n1. Figures.\n\nRegion\tValue\tMore\nAfrica\t840\n\n2. Next.\n");
    let (_, diagnostics) = read(&ragged);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.message.contains("do not form a table")),
        "{diagnostics:?}"
    );
}

#[test]
fn a_thousand_columns_and_a_hundred_thousand_rows_read_in_linear_time() {
    let wide_row = format!("|{}\n", " x |".repeat(1000));
    let wide_rule = format!("|{}\n", "--|".repeat(1000));
    let mut text = format!(
        "{HEAD}I. Data\n\n1. Wide.\n\n{wide_row}{wide_rule}{wide_row}\n2. Long.\n\n| a | b |\n|--|--:|\n"
    );
    for i in 0..100_000 {
        text.push_str(&format!("| row {i} | {i} |\n"));
    }
    let (doc, _) = read(&text);
    let found = tables(&doc.body);
    assert_eq!(found[0].columns.len(), 1000);
    assert_eq!(found[1].body.len(), 100_000);
}

#[test]
fn figures_load_their_picture_and_refuse_what_they_cannot_use() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        root().join("samples/figures/dpi-countries.png"),
        dir.path().join("chart.png"),
    )
    .expect("png");
    std::fs::write(dir.path().join("fake.png"), "not a picture").expect("fake");
    let mut huge = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    huge.extend_from_slice(&20_000u32.to_be_bytes());
    huge.extend_from_slice(&20_000u32.to_be_bytes());
    huge.extend_from_slice(&[8, 2, 0, 0, 0]);
    std::fs::write(dir.path().join("huge.png"), huge).expect("huge");
    let source = dir.path().join("report.txt");
    let good = format!(
        "{HEAD}I. Data\n\n1. See the figure.\n\n![Figure I: Growth](chart.png \"Bars rising from 12 to 54\")\n\nSource: Member States.\n\n2. Next.\n"
    );
    let outcome = read_at(&good, &source);
    let doc = outcome.document.expect("document");
    let Block::Chapter(ch) = &doc.body[0] else {
        panic!("chapter")
    };
    let Some(Block::Figure(f)) = ch.blocks.get(1) else {
        panic!("{:?}", ch.blocks)
    };
    assert_eq!((f.n, f.image.width, f.image.height), (Some(1), 640, 320));
    assert_eq!(f.alt, "Bars rising from 12 to 54");
    assert_eq!(
        plain_text(f.source.as_ref().expect("source")),
        "Source: Member States."
    );
    for (path, why) in [
        ("fake.png", "not a PNG"),
        ("huge.png", "20000 × 20000"),
        ("../outside.png", "inside the source's folder"),
        ("/etc/hostname", "inside the source's folder"),
        ("missing.png", "cannot read"),
    ] {
        let bad = format!("{HEAD}I. Data\n\n1. See.\n\n![Figure I: Growth]({path})\n\n2. Next.\n");
        let outcome = read_at(&bad, &source);
        let d = outcome
            .diagnostics
            .iter()
            .find(|d| d.code == Code::BadImage)
            .unwrap_or_else(|| panic!("{path}: {:?}", outcome.diagnostics));
        assert!(d.message.contains(why), "{path}: {}", d.message);
        assert_eq!(d.span.line, 21, "{path}");
        let doc = outcome.document.expect("the rest still reads");
        assert_eq!(doc.paragraphs().len(), 2);
    }
}

#[test]
fn numbered_subheadings_do_not_interrupt_paragraph_numbering() {
    let text = format!(
        "{HEAD}I. Resources\n\nA. Posts\n\n1. The posts are as follows.\n\n1. Civilian personnel\n\n2. The civilian staff.\n\n(a) International staff\n\n3. International staff.\n\n2. Military personnel\n\n4. Contingents.\n"
    );
    let (doc, diagnostics) = read(&text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let Block::Chapter(ch) = &doc.body[0] else {
        panic!()
    };
    let Block::Section(sec) = &ch.blocks[0] else {
        panic!()
    };
    let shape: Vec<String> = sec
        .blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => format!("p{}", p.n),
            Block::Subheading(h) => format!("h{}.{}", h.level, h.n.unwrap_or(0)),
            _ => "?".into(),
        })
        .collect();
    assert_eq!(shape, ["p1", "h3.1", "p2", "h4.1", "p3", "h3.2", "p4"]);
}

#[test]
fn bold_and_the_summary_box() {
    let text = format!(
        "{HEAD}Summary\n\nThe report finds **three gaps**.\n\nI. Introduction\n\n1. **The Committee recommends approval.** Other text.\n"
    );
    let (doc, _) = read(&text);
    let summary = doc.summary.as_ref().expect("summary");
    assert_eq!(
        plain_text(summary.heading.as_ref().expect("heading")),
        "Summary"
    );
    assert_eq!(summary.blocks.len(), 1);
    assert!(doc.preamble.is_empty());
    let para = doc.paragraphs()[0];
    assert!(
        matches!(&para.content[0], Inline::Strong(inner) if plain_text(inner) == "The Committee recommends approval.")
    );
}

#[test]
fn human_rights_council_and_security_council_mastheads() {
    let hrc = std::fs::read_to_string(root().join("samples/hrc-report-en.txt")).expect("sample");
    let (doc, diagnostics) = read(&hrc);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    let m = &doc.masthead;
    assert_eq!(m.organ[0].value, "General Assembly");
    assert_eq!(
        m.session_body.as_ref().expect("body").value,
        "Human Rights Council"
    );
    assert_eq!(
        m.session.as_ref().expect("session").value,
        "Fifty-eighth session"
    );
    assert_eq!(
        m.session_dates.as_ref().expect("dates").value,
        "24 February–4 April 2025"
    );
    assert_eq!(m.agenda[0].value, "Agenda item 3");
    assert!(
        m.agenda_title
            .as_ref()
            .expect("agenda title")
            .value
            .starts_with("Promotion and protection")
    );
    assert_eq!(
        plain_text(&doc.title.value),
        "Inclusive education for persons with disabilities"
    );
    assert!(doc.summary.is_some());
    let sc = std::fs::read_to_string(root().join("samples/sc-report-en.txt")).expect("sample");
    let (doc, _) = read(&sc);
    assert_eq!(doc.masthead.organ[0].value, "Security Council");
    assert!(doc.masthead.agenda_title.is_none());
    assert_eq!(
        plain_text(&doc.title.value),
        "Children and armed conflict in the Lake Chad Basin"
    );
    assert_eq!(
        plain_text(&doc.subtitle.expect("subtitle").value),
        "Report of the Secretary-General"
    );
}

#[test]
fn masthead_lines_that_cannot_be_read_are_reported_at_their_line() {
    let cases = [
        ("Distr.: General", "Distr: General", 5, Code::BadValue),
        ("4 August 2025", "August 4, 2025", 6, Code::BadValue),
        ("A/80/312", "A/80//312", 2, Code::BadSymbol),
    ];
    for (good, bad, line, code) in cases {
        let text = HEAD.replace(good, bad) + "I. Introduction\n\n1. Text.\n";
        let (doc, diagnostics) = read(&text);
        let found: Vec<_> = diagnostics.iter().filter(|d| d.code == code).collect();
        assert_eq!(found.len(), 1, "{bad}: {diagnostics:?}");
        assert_eq!(found[0].span.line, line, "{bad}");
        assert_eq!(
            plain_text(&doc.title.value),
            "Digital public infrastructure",
            "{bad}"
        );
        assert!(
            doc.masthead
                .organ
                .iter()
                .all(|o| o.value == "General Assembly"),
            "{bad}: no second organ line"
        );
    }
}
