//! The DOCX writer, checked from outside: every sample converts; every XML
//! part keeps ISO/IEC 29500 child order; LibreOffice opens each file and
//! renders all of its text in order; python-docx, an independent reader,
//! finds the DGACM styles, the Chinese fonts and languages and the Arabic
//! direction; and the bytes do not depend on the run or the batch.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use quick_xml::Reader;
use quick_xml::events::Event;
use undoc::lang::Lang;
use undoc::model::{Block, Document, Inline, List, plain_text};

/// Converts every sample to DOCX into a fresh directory.
fn convert_samples(extra: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let samples = common::samples();
    let inputs: Vec<&Path> = samples.iter().map(PathBuf::as_path).collect();
    let mut args = vec!["--to", "docx"];
    args.extend_from_slice(extra);
    common::convert(&inputs, dir.path(), &args);
    let outputs = samples.iter().map(|s| docx_path(dir.path(), s)).collect();
    (dir, outputs)
}

fn docx_path(dir: &Path, sample: &Path) -> PathBuf {
    dir.join(sample.file_stem().expect("file name"))
        .with_extension("docx")
}

/// The model of a sample, as the writer received it.
fn model(sample: &Path) -> Document {
    common::read_file(sample).document.expect("sample reads")
}

/// Every entry of a DOCX package: name → bytes.
fn entries(docx: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(docx).expect("docx exists");
    let mut zip = zip::ZipArchive::new(file).expect("docx is a zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("entry readable");
        out.insert(entry.name().expect("entry name").into_owned(), data);
    }
    out
}

// Child order of the property elements, from ../shared/reference/OOXML-ORDER.md.
const PPR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];
const RPR: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];
const SECTPR: &[&str] = &[
    "headerReference|footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];
const TBLPR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
];
const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// Tables: properties, grid, rows (ISO/IEC 29500-1, 17.4.38 `tbl`).
const TBL: &[&str] = &["tblPr", "tblGrid", "tr"];
const TBLGRID: &[&str] = &["gridCol", "tblGridChange"];
/// A row: its exceptions, properties, cells (17.4.79 `tr`).
const TR: &[&str] = &["tblPrEx", "trPr", "tc"];
/// Row properties, in the order Word writes them (the schema allows any).
const TRPR: &[&str] = &[
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
];
/// A cell: properties, then paragraphs and nested tables (17.4.66 `tc`).
const TC: &[&str] = &["tcPr", "p|tbl"];
const TCPR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];
/// Borders of a table or a cell, and a table's cell margins.
const BORDERS: &[&str] = &[
    "top",
    "left|start",
    "bottom",
    "right|end",
    "insideH",
    "insideV",
    "tl2br",
    "tr2bl",
];

/// DrawingML pictures in the line (ECMA-376 Part 1, 20.4.2.8).
const INLINE: &[&str] = &[
    "extent",
    "effectExtent",
    "docPr",
    "cNvGraphicFramePr",
    "graphic",
];
/// DrawingML pictures anchored to the page (ECMA-376 Part 1, 20.4.2.3).
const ANCHOR: &[&str] = &[
    "simplePos",
    "positionH",
    "positionV",
    "extent",
    "effectExtent",
    "wrapNone|wrapSquare|wrapTight|wrapThrough|wrapTopAndBottom",
    "docPr",
    "cNvGraphicFramePr",
    "graphic",
];

/// The prescribed order of `parent`'s children, if it is checked.
fn order_of(parent: &str) -> Option<&'static [&'static str]> {
    match parent {
        "wp:inline" => Some(INLINE),
        "wp:anchor" => Some(ANCHOR),
        "w:pPr" => Some(PPR),
        "w:rPr" => Some(RPR),
        "w:sectPr" => Some(SECTPR),
        "w:tblPr" => Some(TBLPR),
        "w:style" => Some(STYLE),
        "w:tbl" => Some(TBL),
        "w:tblGrid" => Some(TBLGRID),
        "w:tr" => Some(TR),
        "w:trPr" => Some(TRPR),
        "w:tc" => Some(TC),
        "w:tcPr" => Some(TCPR),
        "w:tblBorders" | "w:tcBorders" | "w:tblCellMar" => Some(BORDERS),
        _ => None,
    }
}

/// Checks every checked element of one part; returns the violations.
fn order_violations(part: &str, xml: &[u8]) -> Vec<String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    // (element, rank of the last child seen, children seen, last child)
    let mut stack: Vec<(String, usize, usize, String)> = Vec::new();
    let mut problems = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).expect("well-formed XML");
        let (name, empty) = match &event {
            Event::Start(e) => (e.name().into_inner().to_string(), false),
            Event::Empty(e) => (e.name().into_inner().to_string(), true),
            Event::End(_) => {
                // Word needs a paragraph at the end of every cell.
                if let Some((parent, _, _, last)) = stack.pop()
                    && parent == "w:tc"
                    && last != "w:p"
                {
                    problems.push(format!("{part}: a <w:tc> ends with <{last}>, not <w:p>"));
                }
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        if let Some((parent, last, count, last_child)) = stack.last_mut() {
            if let Some(order) = order_of(parent) {
                let local = name.split_once(':').map_or(name.as_str(), |(_, l)| l);
                match order
                    .iter()
                    .position(|o| o.split('|').any(|alt| alt == local))
                {
                    None => problems.push(format!("{part}: <{name}> is not a child of <{parent}>")),
                    Some(rank) if rank < *last => problems.push(format!(
                        "{part}: <{name}> comes after <{}> in <{parent}>",
                        order[*last]
                    )),
                    Some(rank) => *last = rank,
                }
            }
            // Properties come first in paragraphs and runs.
            let first_only = match parent.as_str() {
                "w:p" => Some("w:pPr"),
                "w:r" => Some("w:rPr"),
                _ => None,
            };
            if first_only == Some(name.as_str()) && *count > 0 {
                problems.push(format!(
                    "{part}: <{name}> is not the first child of <{parent}>"
                ));
            }
            *count += 1;
            last_child.clone_from(&name);
        }
        if !empty {
            stack.push((name, 0, 0, String::new()));
        }
        buf.clear();
    }
    problems
}

#[test]
fn every_sample_converts_and_every_part_keeps_schema_order() {
    let (_dir, outputs) = convert_samples(&[]);
    for (sample, docx) in common::samples().iter().zip(&outputs) {
        let parts = entries(docx);
        for required in [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/footnotes.xml",
            "word/header3.xml",
            "word/footer3.xml",
        ] {
            assert!(
                parts.contains_key(required),
                "{}: no {required}",
                docx.display()
            );
        }
        let mut problems = Vec::new();
        for (name, data) in &parts {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                problems.extend(order_violations(name, data));
            }
        }
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            docx.display(),
            problems.join("\n")
        );
        let document = String::from_utf8_lossy(&parts["word/document.xml"]);
        assert!(document.contains("<w:pStyle w:val=\"SingleTxt\"/>"));
        // Arabic: the masthead table is laid out right to left, and the section too.
        let rtl = model(sample).lang.is_rtl();
        let masthead = String::from_utf8_lossy(&parts["word/header3.xml"]);
        assert_eq!(
            masthead.contains("<w:bidiVisual/>"),
            rtl,
            "{}",
            docx.display()
        );
        assert_eq!(
            document.contains("<w:bidi/></w:sectPr>"),
            rtl,
            "{}",
            docx.display()
        );
    }
}

#[test]
fn the_order_check_catches_misplaced_properties() {
    let bad = br#"<w:p><w:r><w:t>x</w:t><w:rPr/></w:r><w:pPr><w:jc w:val="both"/><w:pStyle w:val="H1"/></w:pPr></w:p>"#;
    let problems = order_violations("test", bad);
    assert_eq!(problems.len(), 3, "{problems:?}");
    let anchor = br#"<wp:anchor><wp:positionH/><wp:simplePos/><wp:extent/><wp:docPr/><wp:wrapNone/></wp:anchor>"#;
    let problems = order_violations("test", anchor);
    assert_eq!(problems.len(), 2, "{problems:?}");
    let table = br#"<w:tbl><w:tblGrid/><w:tblPr/><w:tr><w:tc><w:tcPr><w:vMerge/><w:gridSpan/></w:tcPr><w:tbl/></w:tc><w:trPr/></w:tr></w:tbl>"#;
    let problems = order_violations("test", table);
    assert_eq!(problems.len(), 4, "{problems:?}");
}

#[test]
fn packages_are_deflated_with_fixed_time_stamps() {
    let (_dir, outputs) = convert_samples(&[]);
    let file = std::fs::File::open(&outputs[2]).expect("docx");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    assert_eq!(
        zip.by_index(0).expect("entry").name().expect("name"),
        "[Content_Types].xml"
    );
    for i in 0..zip.len() {
        let entry = zip.by_index(i).expect("entry");
        let modified = entry.last_modified().expect("time stamp");
        assert_eq!(
            (modified.year(), modified.month(), modified.day()),
            (1980, 1, 1)
        );
        let name = entry.name().expect("name").into_owned();
        if name.ends_with(".xml") {
            assert_eq!(
                entry.compression(),
                zip::CompressionMethod::Deflated,
                "{name}"
            );
        }
    }
}

#[test]
fn output_is_byte_identical_across_runs_and_batch_positions() {
    let (_a, first) = convert_samples(&[]);
    let (_b, second) = convert_samples(&[]);
    for (x, y) in first.iter().zip(&second) {
        assert!(
            std::fs::read(x).expect("docx") == std::fs::read(y).expect("docx"),
            "{} differs between two runs",
            x.display()
        );
    }
    // The fifth document of the batch, converted on its own.
    let samples = common::samples();
    let fifth = &samples[4];
    let alone = tempfile::tempdir().expect("temporary directory");
    common::convert(
        &[fifth.as_path()],
        alone.path(),
        &["--to", "docx", "-j", "1"],
    );
    assert!(
        std::fs::read(docx_path(alone.path(), fifth)).expect("docx")
            == std::fs::read(&first[4]).expect("docx"),
        "{} differs when converted alone",
        fifth.display()
    );
}

/// Text the rendering must show, in reading order: a run of text, or the
/// cells of a table, row by row. A right-to-left table's columns come out
/// of pdftotext mirrored or interleaved, so its cells are looked for one by
/// one within the table; a left-to-right table's in order.
enum Fragment {
    Text(String),
    Cells(Vec<String>),
}

/// Text runs of the document in reading order: title, subtitle, headings,
/// paragraphs and list items, each split at footnote marks; tables' titles,
/// cells and notes.
fn expected_fragments(doc: &Document) -> Vec<Fragment> {
    fn inlines(out: &mut Vec<Fragment>, content: &[Inline]) {
        let mut texts = Vec::new();
        texts_of(&mut texts, content);
        out.extend(texts.into_iter().map(Fragment::Text));
    }
    fn texts_of(out: &mut Vec<String>, content: &[Inline]) {
        let mut current = String::new();
        run(out, &mut current, content);
        out.push(current);
    }
    fn run(out: &mut Vec<String>, current: &mut String, content: &[Inline]) {
        for (i, inline) in content.iter().enumerate() {
            match inline {
                Inline::Text(t) | Inline::Emph(t) => current.push_str(t),
                Inline::Strong(inner) => run(out, current, inner),
                Inline::Link(link) => current.push_str(&link.text),
                Inline::Ref(r) => current.push_str(&r.value),
                Inline::TableNoteRef(n) => {
                    // Marks in a row are separated by commas (`26a,b`).
                    if i > 0 && matches!(content[i - 1], Inline::TableNoteRef(_)) {
                        current.push(',');
                    }
                    current.push_str(&undoc::lang::latin_letter(n.value, false))
                }
                Inline::NoteRef(_) => out.push(std::mem::take(current)),
            }
        }
    }
    fn list(out: &mut Vec<Fragment>, l: &List) {
        for item in &l.items {
            inlines(out, &item.content);
            if let Some(sub) = &item.list {
                list(out, sub);
            }
        }
    }
    fn blocks(out: &mut Vec<Fragment>, bs: &[Block]) {
        for b in bs {
            match b {
                Block::Chapter(d) | Block::Section(d) => {
                    inlines(out, &d.heading);
                    blocks(out, &d.blocks);
                }
                Block::Para(p) => {
                    inlines(out, &p.content);
                    if let Some(l) = &p.list {
                        list(out, l);
                    }
                }
                Block::Text(t) => inlines(out, &t.value),
                Block::Subheading(h) => inlines(out, &h.heading),
                Block::Table(t) => {
                    inlines(out, &t.title);
                    let mut cells = Vec::new();
                    for row in t.head.iter().chain(&t.body) {
                        for cell in &row.cells {
                            for paragraph in &cell.paragraphs {
                                texts_of(&mut cells, paragraph);
                            }
                        }
                    }
                    out.push(Fragment::Cells(cells));
                    for note in &t.notes {
                        inlines(out, &note.content);
                    }
                }
                Block::Figure(f) => inlines(out, &f.title),
            }
        }
    }
    let mut out = Vec::new();
    inlines(&mut out, &doc.title.value);
    if let Some(sub) = &doc.subtitle {
        inlines(&mut out, &sub.value);
    }
    blocks(&mut out, &doc.preamble);
    blocks(&mut out, &doc.body);
    for annex in &doc.annexes {
        inlines(&mut out, &annex.heading);
        blocks(&mut out, &annex.blocks);
    }
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// Text for comparison: no white space or bidi controls. Arabic keeps only
/// its letters, in logical order, with each run of lams and alefs in a word
/// sorted: pdftotext reorders the Latin and digit runs of mixed lines and,
/// with some fonts, decomposes lam–alef ligatures out of order, while
/// LibreOffice's kashida justification shows up as stray digits. Runs are
/// sorted word by word, so that a word's last lam does not mix with the
/// next word's alef when the text before it (a table's label) is not
/// compared.
fn normalize(text: &str, lang: Lang) -> String {
    if lang != Lang::Ar {
        return text
            .chars()
            .filter(|&c| !(c.is_whitespace() || c == '-' || is_bidi_control(c)))
            .collect();
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

/// Removes a footnote's text from `body`: whole, or split in two where the
/// renderer continued a long footnote at the foot of the next page (the
/// second part then stands after the first, past that page's body text).
fn remove_footnote(body: &mut String, note: &str) -> bool {
    if let Some(at) = body.find(note) {
        body.replace_range(at..at + note.len(), "");
        return true;
    }
    let splits: Vec<usize> = note.char_indices().map(|(i, _)| i).skip(8).collect();
    for &split in splits.iter().rev() {
        let (head, tail) = note.split_at(split);
        let Some(at) = body.find(head) else { continue };
        if let Some(rest) = body[at + head.len()..].find(tail) {
            let tail_at = at + head.len() + rest;
            body.replace_range(tail_at..tail_at + tail.len(), "");
            body.replace_range(at..at + head.len(), "");
            return true;
        }
    }
    false
}

#[test]
fn libreoffice_renders_every_paragraph_in_order_and_the_first_page_codes() {
    let (Some(soffice), Some(pdftotext)) = (common::tool("soffice"), common::tool("pdftotext"))
    else {
        return;
    };
    let codes_reader = common::tool("pdftoppm").zip(common::tool("zbarimg"));
    let (dir, outputs) = convert_samples(&[]);
    let pdf_dir = dir.path().join("pdf");
    let profile = dir.path().join("lo-profile");
    let started = std::time::Instant::now();
    common::libreoffice_to_pdf(&soffice, &outputs, &pdf_dir, &profile);
    eprintln!(
        "LibreOffice converted {} files in {:.1?}",
        outputs.len(),
        started.elapsed()
    );
    for (sample, docx) in common::samples().iter().zip(&outputs) {
        let doc = model(sample);
        let pdf = pdf_dir
            .join(docx.file_name().expect("name"))
            .with_extension("pdf");
        // -raw: content-stream order, which is line order, as the default
        // layout analysis may take a subparagraph's indent for a column; but
        // that order is visual, so right-to-left text needs the analysis.
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
        let text = String::from_utf8_lossy(&out.stdout);
        if let Some((pdftoppm, zbarimg)) = &codes_reader {
            // The first page's pictures: the QR code of the address and the barcode.
            common::assert_first_page_codes(pdftoppm, zbarimg, &pdf, &doc);
        }
        // Drop the running heads and feet (the symbol, `page/total`, the job
        // number) and the first page's job number and recycling mark.
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let symbol = doc.masthead.symbol.as_ref().map(|s| s.value.clone());
        let full_job = doc.masthead.job_number.as_ref().map(|j| j.value.clone());
        let job = doc
            .masthead
            .job_number
            .as_ref()
            .map(|j| undoc::write::barcode::short_job_number(&j.value).to_string());
        let mut body = String::new();
        for (i, page) in pages.iter().enumerate() {
            let marker = format!("{}/{}", i + 1, pages.len());
            for line in page.lines() {
                let bare: String = line.chars().filter(|&c| !is_bidi_control(c)).collect();
                let bare = bare.trim();
                let mut rest = bare.replace(&marker, "");
                for running in [&full_job, &job, &symbol].into_iter().flatten() {
                    rest = rest.replace(running.as_str(), "");
                }
                for mark in ["Please recycle", "\u{2672}"] {
                    rest = rest.replace(mark, "");
                }
                if rest.trim().is_empty() {
                    continue;
                }
                body.push_str(line);
                body.push('\n');
            }
        }
        let mut body = normalize(&body, doc.lang);
        // Footnotes sit at the foot of their page, perhaps inside a paragraph.
        for note in &doc.footnotes {
            let expected = normalize(&plain_text(&note.content), doc.lang);
            let numbered = format!("{}{expected}", note.n);
            if !remove_footnote(&mut body, &numbered) && !remove_footnote(&mut body, &expected) {
                panic!("{}: footnote {} missing", pdf.display(), note.n);
            }
        }
        let mut cursor = 0;
        let find = |from: usize, fragment: &str| -> Option<usize> {
            let expected = normalize(fragment, doc.lang);
            if expected.is_empty() {
                return Some(from);
            }
            body[from..]
                .find(&expected)
                .map(|at| from + at + expected.len())
        };
        let missing = |cursor: usize, fragment: &str| -> ! {
            panic!(
                "{}: not found in order after byte {cursor}:\n{fragment}\n--- rendered text from there:\n{}",
                pdf.display(),
                &body[cursor..].chars().take(400).collect::<String>()
            )
        };
        for fragment in expected_fragments(&doc) {
            match fragment {
                Fragment::Text(text) => {
                    cursor = find(cursor, &text).unwrap_or_else(|| missing(cursor, &text));
                }
                Fragment::Cells(cells) if !doc.lang.is_rtl() => {
                    for cell in cells {
                        cursor = find(cursor, &cell).unwrap_or_else(|| missing(cursor, &cell));
                    }
                }
                Fragment::Cells(cells) => {
                    // Each cell after the table's start; the text after the
                    // table comes after the last of them.
                    let start = cursor;
                    for cell in cells {
                        let end = find(start, &cell).unwrap_or_else(|| missing(start, &cell));
                        cursor = cursor.max(end);
                    }
                }
            }
        }
        // Latin runs of Arabic text (cited symbols) are all there too.
        if doc.lang == Lang::Ar {
            let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            for r in doc.refs() {
                assert!(
                    flat.contains(&r.value),
                    "{}: {} missing",
                    pdf.display(),
                    r.value
                );
            }
        }
    }
}

/// Runs tests/docx_check.py (python-docx) on `docx`; `None` when python-docx is missing.
fn python_docx(python: &Path, docx: &Path) -> Option<serde_json::Value> {
    let script = common::root().join("tests/docx_check.py");
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
        "docx_check.py failed on {}:\n{stderr}",
        docx.display()
    );
    Some(serde_json::from_slice(&out.stdout).expect("JSON"))
}

#[test]
fn python_docx_reads_styles_fonts_and_direction() {
    let Some(python) = common::tool("python3") else {
        return;
    };
    let (_dir, outputs) = convert_samples(&[]);
    for (sample, docx) in common::samples().iter().zip(&outputs) {
        let doc = model(sample);
        let Some(report) = python_docx(&python, docx) else {
            return;
        };
        let name = docx.display();
        let paragraphs = report["paragraphs"].as_array().expect("paragraphs");
        let styled = |style: &str, text: &str| {
            paragraphs
                .iter()
                .any(|p| p["style"] == style && p["text"].as_str() == Some(text))
        };
        let lang = doc.lang;
        for p in doc.paragraphs() {
            let text = format!("{}\t{}", lang.para_label(p.n), plain_text(&p.content));
            assert!(
                styled("SingleTxt", &text),
                "{name}: no SingleTxt paragraph {text:?}"
            );
        }
        fn divisions(blocks: &[Block], out: &mut Vec<(bool, u32, String)>) {
            for b in blocks {
                if let Block::Chapter(d) | Block::Section(d) = b {
                    out.push((matches!(b, Block::Chapter(_)), d.n, plain_text(&d.heading)));
                    divisions(&d.blocks, out);
                }
            }
        }
        let mut headings = Vec::new();
        divisions(&doc.body, &mut headings);
        assert!(!headings.is_empty());
        for (chapter, n, heading) in headings {
            let (style, label) = if chapter {
                ("HCh", lang.chapter_label(n))
            } else {
                ("H1", lang.section_label(n))
            };
            let text = format!("\t{label}\t{heading}");
            assert!(styled(style, &text), "{name}: no {style} heading {text:?}");
        }
        let runs = &report["runs"];
        let bidi = paragraphs.iter().filter(|p| p["bidi"] == true).count();
        match lang {
            Lang::Zh => {
                assert!(runs["ideographic"].as_u64() > Some(10), "{name}");
                assert_eq!(
                    runs["east_asian_fonts"],
                    serde_json::json!(["SimSun"]),
                    "{name}"
                );
                assert_eq!(
                    runs["east_asian_langs"],
                    serde_json::json!(["zh-CN"]),
                    "{name}"
                );
            }
            Lang::Ar => {
                assert_eq!(
                    bidi,
                    paragraphs.len(),
                    "{name}: every body paragraph is bidi"
                );
                assert!(runs["arabic"].as_u64() > Some(10), "{name}");
                assert_eq!(
                    runs["arabic_rtl"], runs["arabic"],
                    "{name}: Arabic runs are rtl"
                );
                assert_eq!(runs["bidi_langs"], serde_json::json!(["ar-SA"]), "{name}");
            }
            _ => assert_eq!(bidi, 0, "{name}: no bidi paragraph"),
        }
        let core = &report["core"];
        assert_eq!(
            core["title"].as_str(),
            Some(plain_text(&doc.title.value).trim()),
            "{name}"
        );
        assert_eq!(
            core["subject"].as_str(),
            doc.masthead.symbol.as_ref().map(|s| s.value.as_str()),
            "{name}"
        );
        assert_eq!(core["language"].as_str(), Some(lang.locale()), "{name}");
        assert_eq!(
            core["author"].as_str().unwrap_or(""),
            "",
            "{name}: no personal data"
        );
        if let Some(date) = &doc.masthead.date {
            let created = format!("{}T00:00:00", date.value.iso());
            assert!(
                core["created"]
                    .as_str()
                    .is_some_and(|c| c.starts_with(&created)),
                "{name}: created {} is the document date",
                core["created"]
            );
        }
        let page = &report["page"];
        let letter = doc
            .masthead
            .duty_station
            .as_ref()
            .is_some_and(|d| d.value == undoc::model::DutyStation::NewYork);
        let width = if letter { 7_772_400 } else { 7_560_310 };
        assert_eq!(
            page["width"].as_i64(),
            Some(width),
            "{name}: paper by duty station"
        );
        assert_eq!(page["different_first_page"], true, "{name}");
        assert_eq!(page["odd_and_even"], true, "{name}");
    }
}

#[test]
fn paper_option_overrides_the_duty_station() {
    let (_dir, outputs) = convert_samples(&["--paper", "a4"]);
    let document = entries(&outputs[2]);
    let xml = String::from_utf8_lossy(&document["word/document.xml"]);
    assert!(
        xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
        "A4 in twips"
    );
}
