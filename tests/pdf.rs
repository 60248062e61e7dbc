//! PDF output: every sample converts; fonts are embedded, subset and mapped
//! to Unicode (pdffonts); the file is structurally clean (qpdf --check);
//! the text comes back in reading order (pdftotext); the file is tagged,
//! has an outline, page labels, links and metadata; a barcode reader finds
//! the QR code and the job-number barcode on the first page; output is
//! byte-identical across runs.

mod common;

use common::Half;

use std::path::{Path, PathBuf};
use std::process::Command;

use undoc::lang::Lang;
use undoc::model::{Block, Document, Inline, List, TableNote};
use undoc::write::{self, WriteOptions};

fn model(sample: &Path) -> Document {
    common::read_file(sample).document.expect("sample reads")
}

fn render(doc: &Document, options: &WriteOptions) -> write::Rendered {
    write::pdf::write(doc, options).expect("PDF renders")
}

fn convert_samples() -> (tempfile::TempDir, Vec<(PathBuf, PathBuf)>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let samples = common::samples();
    let inputs: Vec<&Path> = samples.iter().map(PathBuf::as_path).collect();
    common::convert(&inputs, dir.path(), &["--to", "pdf"]);
    let pairs = samples
        .iter()
        .map(|s| {
            let name = s.file_stem().expect("stem").to_string_lossy().to_string();
            (s.clone(), dir.path().join(format!("{name}.pdf")))
        })
        .collect();
    (dir, pairs)
}

fn tool_output(tool: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(tool).args(args).output().expect("tool runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// Inline content as printed: footnote marks as their numbers, table
/// note marks as their letters (`a,b` side by side).
fn inlines(content: &[Inline]) -> String {
    content
        .iter()
        .enumerate()
        .map(|(k, i)| match i {
            Inline::Text(t) | Inline::Emph(t) => t.clone(),
            Inline::Strong(inner) => inlines(inner),
            Inline::Link(link) => link.text.clone(),
            Inline::Ref(r) => r.value.clone(),
            Inline::NoteRef(n) => n.value.to_string(),
            Inline::TableNoteRef(n) => {
                let comma = k > 0 && matches!(content[k - 1], Inline::TableNoteRef(_));
                let letter = undoc::lang::latin_letter(n.value, false);
                if comma { format!(",{letter}") } else { letter }
            }
        })
        .collect()
}

/// The text of each paragraph-level element in reading order, with footnote
/// marks as the numbers printed in the text, in groups found one after the
/// other; the texts of one group may come in any order among themselves
/// (the cells of a right-to-left table row: pdftotext orders mirrored cells
/// its own way).
fn expected_paragraphs(doc: &Document) -> Vec<Vec<String>> {
    fn one(out: &mut Vec<Vec<String>>, text: String) {
        out.push(vec![text]);
    }
    fn list(out: &mut Vec<Vec<String>>, l: &List) {
        for item in &l.items {
            one(out, inlines(&item.content));
            if let Some(sub) = &item.list {
                list(out, sub);
            }
        }
    }
    fn notes(out: &mut Vec<Vec<String>>, notes: &[TableNote], source: Option<&[Inline]>) {
        for note in notes {
            let letter = undoc::lang::latin_letter(note.n, false);
            one(out, format!("{letter}{}", inlines(&note.content)));
        }
        if let Some(source) = source {
            one(out, inlines(source));
        }
    }
    fn blocks(out: &mut Vec<Vec<String>>, bs: &[Block], lang: Lang) {
        for b in bs {
            match b {
                Block::Chapter(d) | Block::Section(d) => {
                    one(out, inlines(&d.heading));
                    blocks(out, &d.blocks, lang);
                }
                Block::Para(p) => {
                    one(out, inlines(&p.content));
                    if let Some(l) = &p.list {
                        list(out, l);
                    }
                }
                Block::Text(t) => one(out, inlines(&t.value)),
                Block::Subheading(h) => one(out, inlines(&h.heading)),
                // A table's number, title and units, every cell row by
                // row, its notes (each after its letter) and source; a
                // figure's number, title (its picture has no text), notes
                // and source.
                Block::Table(t) => {
                    if let Some(n) = t.n {
                        one(out, lang.table_label(n));
                    }
                    one(out, inlines(&t.title));
                    if let Some(units) = &t.units {
                        one(out, inlines(units));
                    }
                    for row in t.head.iter().chain(&t.body) {
                        let cells: Vec<String> = row
                            .cells
                            .iter()
                            .flat_map(|c| c.paragraphs.iter().map(|p| inlines(p)))
                            .collect();
                        if lang.is_rtl() {
                            out.push(cells);
                        } else {
                            out.extend(cells.into_iter().map(|c| vec![c]));
                        }
                    }
                    notes(out, &t.notes, t.source.as_deref());
                }
                Block::Figure(f) => {
                    if let Some(n) = f.n {
                        one(out, lang.figure_label(n));
                    }
                    one(out, inlines(&f.title));
                    notes(out, &f.notes, f.source.as_deref());
                }
            }
        }
    }
    let mut out = vec![vec![inlines(&doc.title.value)]];
    if let Some(sub) = &doc.subtitle {
        one(&mut out, inlines(&sub.value));
    }
    if let Some(summary) = &doc.summary {
        if let Some(heading) = &summary.heading {
            one(&mut out, inlines(heading));
        }
        blocks(&mut out, &summary.blocks, doc.lang);
    }
    blocks(&mut out, &doc.preamble, doc.lang);
    blocks(&mut out, &doc.body, doc.lang);
    for annex in &doc.annexes {
        one(&mut out, inlines(&annex.heading));
        blocks(&mut out, &annex.blocks, doc.lang);
    }
    out
}

fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}')
}

/// Text for comparison: no white space, hyphens or bidi controls
/// (pdftotext joins a word broken after a hyphen at a line end).
/// Arabic keeps its letters only, in logical order: pdftotext reorders the
/// Latin and digit runs inside right-to-left lines by its own rules.
fn normalize(text: &str, lang: Lang) -> String {
    if lang == Lang::Ar {
        text.chars()
            .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
            .collect()
    } else {
        text.chars()
            .filter(|&c| !is_invisible(c) && c != '-')
            .collect()
    }
}

#[test]
fn every_sample_converts_with_embedded_fonts_clean_structure_and_text_in_order() {
    let (_dir, pairs) = convert_samples();
    let pdffonts = common::tool("pdffonts");
    let qpdf = common::tool("qpdf");
    let pdftotext = common::tool("pdftotext");
    for (sample, pdf) in &pairs {
        let pdf_arg = pdf.to_str().expect("path");
        assert!(pdf.is_file(), "{} written", pdf.display());
        if let Some(tool) = &pdffonts {
            let (ok, out) = tool_output(tool, &[pdf_arg]);
            assert!(ok, "pdffonts {pdf_arg}: {out}");
            let rows: Vec<&str> = out
                .lines()
                .skip(2)
                .filter(|l| !l.trim().is_empty())
                .collect();
            assert!(!rows.is_empty(), "{pdf_arg} has fonts");
            for row in rows {
                let cols: Vec<&str> = row.split_whitespace().collect();
                // name type [type] encoding emb sub uni object ID
                let n = cols.len();
                assert_eq!(
                    &cols[n - 5..n - 2],
                    ["yes", "yes", "yes"],
                    "{pdf_arg}: font not embedded, subset and mapped: {row}"
                );
            }
        }
        if let Some(tool) = &qpdf {
            let (ok, out) = tool_output(tool, &["--check", pdf_arg]);
            assert!(ok, "qpdf --check {pdf_arg}: {out}");
            assert!(out.contains("No syntax or stream encoding errors"), "{out}");
            assert!(!out.to_lowercase().contains("warning"), "{out}");
        }
        if let Some(tool) = &pdftotext {
            let doc = model(sample);
            let height = page_height(pdf);
            // The body and footnotes only: running headers and footers are cropped.
            let crop = format!("{}", (height - 66.0 - 50.0).round());
            let mut args = vec![
                "-enc", "UTF-8", "-x", "0", "-y", "66", "-W", "700", "-H", &crop,
            ];
            // Left-to-right text is read in content-stream order: pdftotext's
            // column detection takes a list item's first line (at its tab
            // stop) and its other lines (at the paragraph indent) for two
            // columns. Right-to-left lines need its reordering instead.
            if !doc.lang.is_rtl() {
                args.push("-raw");
            }
            args.extend([pdf_arg, "-"]);
            let (ok, text) = tool_output(tool, &args);
            assert!(ok, "pdftotext {pdf_arg}");
            // The footnote separator is text, as in Word's PDFs (a line of
            // underscores); like the notes, it may sit inside a split paragraph.
            let text = text.replace("__________________", "");
            let mut haystack = normalize(&text, doc.lang);
            // Footnotes sit at the foot of the page, inside split paragraphs.
            for note in &doc.footnotes {
                let note = normalize(&format!("{}{}", note.n, inlines(&note.content)), doc.lang);
                if let Some(at) = haystack.rfind(&note)
                    && !note.is_empty()
                {
                    haystack.replace_range(at..at + note.len(), "");
                }
            }
            let mut from = 0;
            for (i, group) in expected_paragraphs(&doc).iter().enumerate() {
                let mut end = from;
                for para in group {
                    let needle = normalize(para, doc.lang);
                    if needle.is_empty() {
                        continue;
                    }
                    match haystack[from..].find(&needle) {
                        Some(at) => end = end.max(from + at + needle.len()),
                        None => panic!(
                            "{}: paragraph {i} missing or out of order:\n{para}\nnormalized: {needle}\nin: {}",
                            sample.display(),
                            &haystack[from..]
                        ),
                    }
                }
                from = end;
            }
        }
    }
}

/// Height of the first page in points (pdfinfo).
fn page_height(pdf: &Path) -> f32 {
    let Some(pdfinfo) = common::tool("pdfinfo") else {
        return 792.0;
    };
    let (_, out) = tool_output(&pdfinfo, &[pdf.to_str().expect("path")]);
    out.lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .and_then(|l| l.split_whitespace().nth(2))
        .and_then(|h| h.parse().ok())
        .unwrap_or(792.0)
}

/// A PDF rewritten by qpdf with `args`.
fn rewritten(qpdf: &Path, bytes: &[u8], args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temp dir");
    let (pdf, out) = (dir.path().join("doc.pdf"), dir.path().join("out.pdf"));
    std::fs::write(&pdf, bytes).expect("written");
    let status = Command::new(qpdf)
        .args(args)
        .arg(&pdf)
        .arg(&out)
        .status()
        .expect("qpdf runs");
    assert!(status.success());
    std::fs::read(&out).expect("rewritten")
}

/// A PDF rewritten by qpdf without compression, for looking inside.
fn uncompressed(qpdf: &Path, bytes: &[u8]) -> String {
    let qdf = rewritten(qpdf, bytes, &["--qdf", "--object-streams=disable"]);
    String::from_utf8_lossy(&qdf).into_owned()
}

/// The PDF of the sample `name` with default options, rewritten by qpdf
/// with its streams uncompressed.
fn uncompressed_sample(qpdf: &Path, name: &str) -> String {
    let doc = model(&common::root().join("samples").join(name));
    uncompressed(qpdf, &render(&doc, &WriteOptions::default()).bytes)
}

/// The data of each stream of `raw` (a PDF rewritten by qpdf's `--qdf`).
fn stream_data(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(">>\nstream\n")
        .skip(1)
        .map(|stream| &stream[..stream.find("endstream").expect("stream ends")])
}

#[test]
fn pdfs_are_tagged_archival_with_outline_labels_links_and_metadata() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let sample = common::root().join("samples/report-en.txt");
    let doc = model(&sample);
    let rendered = render(&doc, &WriteOptions::default());
    assert!(
        rendered.diagnostics.is_empty(),
        "{:?}",
        rendered.diagnostics
    );
    assert!(rendered.pages.is_some_and(|p| p >= 2));
    // The structure tree's many small dictionaries are packed into
    // compressed object streams, indexed by a cross-reference stream.
    let has = |needle: &[u8]| rendered.bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/Type/ObjStm"), "no object streams");
    assert!(has(b"/Type/XRef"), "no cross-reference stream");
    assert!(
        !has(b"/Type /StructElem"),
        "structure elements left unpacked"
    );
    let raw = uncompressed(&qpdf, &rendered.bytes);
    for needle in [
        "/StructTreeRoot",
        "/MarkInfo",
        "/Outlines",
        "/PageLabels",
        "/Lang (en-GB)",
        "/URI (https://undocs.org/A/RES/70/1)",
        "/S /H2",
        "/S /L",
        "/S /LI",
        "/S /Note",
        "/S /Link",
        "/Artifact",
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "A/80/312",
    ] {
        assert!(raw.contains(needle), "{needle} missing from the PDF");
    }
    assert!(
        raw.contains("D:20250804"),
        "creation date from the document date"
    );
}

#[test]
fn output_is_byte_identical_across_runs_and_threads() {
    let sample = common::root().join("samples/expert-meeting-report-2023-zh.txt");
    let doc = model(&sample);
    let first = render(&doc, &WriteOptions::default()).bytes;
    let second = std::thread::spawn(move || render(&doc, &WriteOptions::default()).bytes)
        .join()
        .expect("thread");
    assert!(first == second, "same document, different bytes");
    // Page streams and pictures encoded on a pool's free threads, as the
    // batch has its last documents' done: the same bytes.
    let with_figure = model(&common::root().join("samples/report-en.txt"));
    let options = WriteOptions::default();
    let at_once = render(&with_figure, &options).bytes;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .expect("pool");
    let spread = pool.install(|| {
        write::pdf::encode_on_free_threads(true);
        let bytes = render(&with_figure, &options).bytes;
        write::pdf::encode_on_free_threads(false);
        bytes
    });
    assert!(
        at_once == spread,
        "encoded on free threads, different bytes"
    );
    let (dir_a, pairs_a) = convert_samples();
    let (dir_b, pairs_b) = convert_samples();
    for ((_, a), (_, b)) in pairs_a.iter().zip(&pairs_b) {
        assert!(
            std::fs::read(a).expect("a") == std::fs::read(b).expect("b"),
            "{} differs between runs",
            a.display()
        );
    }
    drop((dir_a, dir_b));
}

#[test]
fn first_page_carries_a_readable_qr_code_job_barcode_and_recycling_mark() {
    let (Some(pdftoppm), Some(zbarimg)) = (common::tool("pdftoppm"), common::tool("zbarimg"))
    else {
        return;
    };
    let pdftotext = common::tool("pdftotext");
    let first_page_text = |pdf: &Path| {
        let pdftotext = pdftotext.as_ref()?;
        let pdf = pdf.to_str().expect("utf-8 path");
        Some(tool_output(pdftotext, &["-f", "1", "-l", "1", pdf, "-"]).1)
    };
    let (_dir, pairs) = convert_samples();
    for (sample, pdf) in &pairs {
        let doc = model(sample);
        common::assert_first_page_codes(&pdftoppm, &zbarimg, pdf, &doc);
        // The recycling mark beside the code, its symbol mapped to U+2672.
        if let Some(text) = first_page_text(pdf) {
            assert!(
                text.contains("Please recycle") && text.contains('\u{2672}'),
                "{text}"
            );
        }
    }
    // A document without a symbol has no address, so no QR code.
    let mut doc = model(&common::root().join("samples/report-fr.txt"));
    doc.masthead.symbol = None;
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("no-symbol.pdf");
    std::fs::write(&pdf, render(&doc, &WriteOptions::default()).bytes).expect("written");
    let read = common::codes_on_first_page(&pdftoppm, &zbarimg, &pdf, Half::Whole);
    assert!(!read.contains("docs.un.org"), "{read}");
    if let Some(text) = first_page_text(&pdf) {
        assert!(!text.contains("Please recycle"), "{text}");
    }
}

#[test]
fn paper_follows_the_duty_station_unless_overridden() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let media_box = |raw: &str| -> String {
        let at = raw.find("/MediaBox").expect("a media box");
        let end = at + raw[at..].find(']').expect("closed");
        raw[at..end]
            .split_whitespace()
            .skip(2)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let en = model(&common::root().join("samples/report-en.txt"));
    let letter = uncompressed(&qpdf, &render(&en, &WriteOptions::default()).bytes);
    assert_eq!(media_box(&letter), "0 0 612 792", "New York is Letter");
    let a4 = WriteOptions {
        paper: write::Paper::parse("a4"),
        ..WriteOptions::default()
    };
    let a4 = uncompressed(&qpdf, &render(&en, &a4).bytes);
    assert_eq!(media_box(&a4), "0 0 595.28 841.89", "A4 on demand");
    let zh = model(&common::root().join("samples/expert-meeting-report-2023-zh.txt"));
    let vienna = uncompressed(&qpdf, &render(&zh, &WriteOptions::default()).bytes);
    assert_eq!(media_box(&vienna), "0 0 595.28 841.89", "A4 elsewhere");
}

#[test]
fn characters_without_a_font_are_reported_with_their_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("amharic.txt");
    let text = std::fs::read_to_string(common::root().join("samples/report-en.txt"))
        .expect("sample")
        .replacen(
            "The present report is submitted",
            "The present report (ሰላም) is submitted",
            1,
        );
    std::fs::write(&source, text).expect("written");
    // The sample's figure, beside it as in samples/.
    std::fs::create_dir(dir.path().join("figures")).expect("dir");
    for entry in std::fs::read_dir(common::root().join("samples/figures")).expect("figures") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name");
        std::fs::copy(&path, dir.path().join("figures").join(name)).expect("copied");
    }
    let out = dir.path().join("out");
    let (code, stdout, stderr) = common::run(&[
        "convert",
        source.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--to",
        "pdf",
    ]);
    let all = stdout + &stderr;
    assert_eq!(code, 0, "a warning only: {all}");
    assert!(common::reports(&all, "U+1230", "UND051"), "{all}");
    assert!(out.join("amharic.pdf").is_file());
}

#[test]
fn font_dir_adds_fonts_and_a_missing_one_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).expect("dir");
    std::fs::copy(
        common::root().join("fonts/NotoNaskhArabic-Regular.ttf"),
        fonts.join("extra.ttf"),
    )
    .expect("copied");
    std::fs::write(fonts.join("broken.ttf"), b"not a font").expect("written");
    let sample = common::root().join("samples/report-fr.txt");
    let doc = model(&sample);
    let with_dir = WriteOptions {
        font_dir: Some(fonts.clone()),
        ..WriteOptions::default()
    };
    let rendered = render(&doc, &with_dir);
    assert!(
        rendered
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "UND052" && d.message.contains("broken.ttf")),
        "{:?}",
        rendered.diagnostics
    );
    let missing = WriteOptions {
        font_dir: Some(dir.path().join("nowhere")),
        ..WriteOptions::default()
    };
    let err = write::pdf::write(&doc, &missing).expect_err("no such dir");
    assert_eq!(err.code.as_str(), "UND050");
}

#[test]
fn poppler_reads_cleanly_and_a_hyphen_added_at_a_break_extracts_as_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("draft-en.pdf");
    let draft = common::root().join("samples/markdown/draft-en.md");
    let (code, _, stderr) = common::run(&[
        "convert",
        draft.to_str().expect("path"),
        "-o",
        pdf.to_str().expect("path"),
        "-q",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let pdf_arg = pdf.to_str().expect("path");
    if let Some(pdfinfo) = common::tool("pdfinfo") {
        let (ok, out) = tool_output(&pdfinfo, &[pdf_arg]);
        assert!(ok && !out.contains("Syntax Error"), "pdfinfo: {out}");
    }
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let (ok, text) = tool_output(&pdftotext, &["-enc", "UTF-8", pdf_arg, "-"]);
    assert!(ok && !text.contains("Syntax Error"), "{text}");
    assert!(!text.contains('\u{AD}'), "no soft hyphen in the text");
    // `sys-` ends a line of paragraph 1 and `tem.` starts the next.
    assert!(text.contains("United Nations system. It draws"), "{text}");
}

#[test]
fn a_line_of_styled_words_is_one_structure_leaf_and_links_are_their_own() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let source =
        std::fs::read_to_string(common::root().join("samples/report-en.txt")).expect("sample");
    let head = &source[..source.find("I. Introduction").expect("a chapter")];
    // 300 words, every other one italic or bold, and a cited symbol.
    let words: Vec<String> = (0..300)
        .map(|i| match i % 4 {
            0 => format!("*word{i}*"),
            2 => format!("**word{i}**"),
            _ => format!("word{i}"),
        })
        .collect();
    let body = format!("1. {} (see A/RES/70/1) end.\n", words.join(" "));
    let path = dir.path().join("styled.txt");
    std::fs::write(&path, format!("{head}{body}")).expect("written");
    let rendered = render(&model(&path), &WriteOptions::default());
    let raw = uncompressed(&qpdf, &rendered.bytes);
    // A marked-content sequence per run would be over 300 for this
    // paragraph alone; one a line (and one for the link) is a few dozen
    // for the whole document.
    let sequences = raw.matches("/Span<</MCID").count();
    assert!(
        (10..150).contains(&sequences),
        "{sequences} marked-content sequences"
    );
    assert!(
        raw.contains("/S /Link"),
        "the symbol keeps its link element"
    );
    // The leaves read in the text's order.
    let Some(pdfinfo) = common::tool("pdfinfo") else {
        return;
    };
    let pdf = dir.path().join("styled.pdf");
    std::fs::write(&pdf, &rendered.bytes).expect("written");
    let (ok, tree) = tool_output(&pdfinfo, &["-struct-text", pdf.to_str().expect("path")]);
    assert!(ok, "{tree}");
    let leaves: String = tree
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
        .collect();
    let numbers: Vec<usize> = leaves
        .split("word")
        .skip(1)
        .filter_map(|w| w.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
        .collect();
    assert_eq!(numbers, (0..300).collect::<Vec<_>>());
}

/// The characters of `text` but whitespace, hyphens (pdftotext drops a
/// hyphen that ends a line, MuPDF keeps it) and the direction marks
/// pdftotext puts around right-to-left text, counted.
fn character_counts(text: &str) -> std::collections::BTreeMap<char, usize> {
    let read = |c: &char| {
        !c.is_whitespace()
            && !matches!(c, '-' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    let mut counts = std::collections::BTreeMap::new();
    for c in text.chars().filter(read) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

#[test]
fn mupdf_reads_the_same_characters_as_poppler() {
    // Two readers of the fonts' Unicode maps: MuPDF (up to 1.2x) checks a
    // map's CIDs against the font's encoding, where poppler does not; an
    // encoding other than Identity-H lost a Chinese report's text there.
    let (Some(mutool), Some(pdftotext)) = (common::tool("mutool"), common::tool("pdftotext"))
    else {
        return;
    };
    let (_dir, pairs) = convert_samples();
    for (_, pdf) in &pairs {
        let pdf_arg = pdf.to_str().expect("path");
        let (ok, poppler) = tool_output(&pdftotext, &["-enc", "UTF-8", pdf_arg, "-"]);
        assert!(ok, "pdftotext {pdf_arg}");
        let out = Command::new(&mutool)
            .args(["draw", "-q", "-F", "txt", "-o", "-", pdf_arg])
            .output()
            .expect("mutool runs");
        assert!(out.status.success(), "mutool draw {pdf_arg}");
        let mupdf = String::from_utf8_lossy(&out.stdout);
        assert!(
            !mupdf.contains('\u{FFFD}'),
            "{pdf_arg}: MuPDF found characters without Unicode"
        );
        let (a, b) = (character_counts(&poppler), character_counts(&mupdf));
        let differ: Vec<(&char, Option<&usize>, Option<&usize>)> = a
            .keys()
            .chain(b.keys())
            .filter(|c| a.get(c) != b.get(c))
            .map(|c| (c, a.get(c), b.get(c)))
            .collect();
        assert!(
            differ.is_empty(),
            "{pdf_arg}: poppler and MuPDF read {differ:?}"
        );
    }
}

/// The operators of a content stream as qpdf writes it uncompressed (hex
/// strings), each with its operands.
fn operators(content: &str) -> Vec<(String, Vec<String>)> {
    let bytes = content.as_bytes();
    let (mut ops, mut operands) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let skip_to =
            |i: usize, end: u8| i + bytes[i..].iter().position(|&b| b == end).unwrap_or(0) + 1;
        match bytes[i] {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if bytes.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => i = skip_to(i, b'>'),
            b'(' => i = skip_to(i, b')'),
            b'[' | b']' => i += 1,
            b'/' => {
                i += 1;
                while i < bytes.len() && !b" \n\r\t/[]<>()".contains(&bytes[i]) {
                    i += 1;
                }
            }
            b if b.is_ascii_digit() || b == b'-' || b == b'.' => {
                while i < bytes.len() && (bytes[i].is_ascii_digit() || b"-.".contains(&bytes[i])) {
                    i += 1;
                }
            }
            _ => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphabetic() || b"*'\"".contains(&bytes[i]))
                {
                    i += 1;
                }
                i = i.max(start + 1);
                let op = String::from_utf8_lossy(&bytes[start..i]).into_owned();
                ops.push((op, std::mem::take(&mut operands)));
                continue;
            }
        }
        operands.push(String::from_utf8_lossy(&bytes[start..i]).into_owned());
    }
    ops
}

/// What the text shown in the streams of `raw` (a PDF rewritten by qpdf)
/// holds: `counted` of each hex string summed, how many numbers stand
/// between the strings, and each value `spacing_op` sets. Font programs
/// and maps are streams too: their bytes may read as the operator with no
/// number before it, and are passed over.
fn shown_text(raw: &str, spacing_op: &str, counted: fn(&str) -> usize) -> (usize, usize, Vec<f32>) {
    let (mut shown, mut numbers, mut spacings) = (0, 0, Vec::new());
    for content in stream_data(raw) {
        for (op, args) in operators(content) {
            if op == spacing_op {
                if let Some(arg) = args.first() {
                    spacings.push(arg.parse::<f32>().expect("a number"));
                }
            } else if op == "TJ" || op == "Tj" {
                for arg in &args {
                    if arg.starts_with('<') {
                        shown += counted(arg);
                    } else if arg != "[" && arg != "]" {
                        numbers += 1;
                    }
                }
            }
        }
    }
    (shown, numbers, spacings)
}

/// How many spaces (the one-byte code 32) a hex string of compact codes
/// shows: bytes below 0x80 are one-byte codes, others start a two-byte one.
fn spaces_in(hex: &str) -> usize {
    let digits = hex.trim_start_matches('<').trim_end_matches('>');
    let bytes: Vec<u8> = (0..digits.len() / 2)
        .filter_map(|k| u8::from_str_radix(&digits[2 * k..2 * k + 2], 16).ok())
        .collect();
    let (mut spaces, mut at) = (0, 0);
    while at < bytes.len() {
        spaces += usize::from(bytes[at] == 0x20);
        at += if bytes[at] < 0x80 { 1 } else { 2 };
    }
    spaces
}

/// Justified lines move their spaces by word spacing (`Tw`;
/// vendor/krilla/UNDOC-PATCH.md, fifteenth change): the fonts' glyphs are
/// shown in compact codes with the space as the one-byte code 32, so a
/// line's words are one string, not a string a word with the stretch
/// written after each space. A line not stretched sets it back to 0.
#[test]
fn justified_lines_move_their_spaces_by_word_spacing() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let raw = uncompressed_sample(&qpdf, "report-fr.txt");
    assert!(
        raw.contains("/CMapName /Undoc-Compact-"),
        "fonts encoded by compact codes"
    );
    let (spaces, numbers, spacings) = shown_text(&raw, "Tw", spaces_in);
    assert!(spaces > 1000, "{spaces} spaces");
    assert!(
        numbers * 10 < spaces,
        "{numbers} adjustments for {spaces} spaces"
    );
    assert!(
        spacings.iter().filter(|&&w| w > 0.0).count() > 30,
        "{spacings:?}"
    );
    assert!(spacings.contains(&0.0), "{spacings:?}");
}

/// Chinese lines justified between their characters, and any text whose
/// glyphs are spaced alike, set that spacing once as character spacing
/// (`Tc`, vendor/krilla/UNDOC-PATCH.md, eighteenth change) instead of a
/// number after every glyph: before it, seven glyphs in ten of the
/// Chinese report had one. A run not spaced alike sets it back to 0.
#[test]
fn lines_spaced_between_characters_set_character_spacing() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let raw = uncompressed_sample(&qpdf, "report-zh.txt");
    // Two-byte codes, four hex digits a glyph.
    let (glyphs, numbers, spacings) = shown_text(&raw, "Tc", |hex| (hex.len() - 2) / 4);
    assert!(glyphs > 2000, "{glyphs} glyphs");
    assert!(
        numbers * 20 < glyphs,
        "{numbers} adjustments for {glyphs} glyphs"
    );
    assert!(
        spacings.iter().filter(|&&c| c > 0.0).count() > 20,
        "{spacings:?}"
    );
    assert!(spacings.contains(&0.0), "{spacings:?}");
}

/// What the Arabic report's content streams show of its right-to-left
/// text.
struct RightToLeft {
    /// Text objects (`BT`).
    objects: usize,
    /// Text matrices set (`Tm`).
    matrices: usize,
    /// `/ReversedChars` marked-content sequences.
    sequences: usize,
    /// Show strings inside one: a word each (PDF 1.7 §14.8.2.3.3 keeps
    /// spaces out of them).
    words: usize,
}

impl RightToLeft {
    /// Whether `count` is under one a text object and one every five words:
    /// about one a line, where one a word would be over it.
    fn about_once_a_line(&self, count: usize) -> bool {
        count < self.objects + self.words / 5
    }
}

/// Counts [`RightToLeft`]'s operators, and checks on the way that every
/// text object sets its matrix before it shows anything and closes every
/// `/ReversedChars` sequence it opens.
fn right_to_left_of_the_arabic_report(qpdf: &Path) -> RightToLeft {
    let raw = uncompressed_sample(qpdf, "report-ar.txt");
    let mut counts = RightToLeft {
        objects: 0,
        matrices: 0,
        sequences: 0,
        words: 0,
    };
    for content in stream_data(&raw) {
        let mut placed = false;
        // The tags of the marked content open, innermost last.
        let mut marked: Vec<bool> = Vec::new();
        let reversed = |marked: &[bool]| marked.iter().any(|&r| r);
        for (op, args) in operators(content) {
            match op.as_str() {
                "BT" => {
                    counts.objects += 1;
                    placed = false;
                }
                "ET" => assert!(
                    !reversed(&marked),
                    "a text object ends inside /ReversedChars"
                ),
                "Tm" => {
                    counts.matrices += 1;
                    placed = true;
                }
                "BMC" | "BDC" => {
                    let is_reversed = args.first().is_some_and(|a| a == "/ReversedChars");
                    counts.sequences += usize::from(is_reversed);
                    marked.push(is_reversed);
                }
                "EMC" => {
                    marked.pop();
                }
                "TJ" | "Tj" => {
                    assert!(placed, "text shown before its text object's matrix");
                    counts.words += usize::from(reversed(&marked));
                }
                _ => {}
            }
        }
    }
    assert!(counts.words > 1000, "{} right-to-left words", counts.words);
    counts
}

/// Each word of a right-to-left line starts where the one before it ended:
/// the line's text object sets its text matrix once, not once a word
/// (vendor/krilla/UNDOC-PATCH.md, nineteenth change). Before it, the
/// Arabic report had a `Tm` for each of its words.
#[test]
fn right_to_left_words_of_a_line_share_its_text_matrix() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let c = right_to_left_of_the_arabic_report(&qpdf);
    assert!(
        c.about_once_a_line(c.matrices),
        "{} text matrices for {} text objects and {} words",
        c.matrices,
        c.objects,
        c.words
    );
}

/// The words of a right-to-left line are shown in one `/ReversedChars`
/// sequence, a show string each (PDF 1.7 §14.8.2.3.3 lets a sequence hold
/// several; vendor/krilla/UNDOC-PATCH.md, twenty-first change). Before it,
/// every word was a sequence of its own.
#[test]
fn right_to_left_words_of_a_line_share_one_reversed_sequence() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let c = right_to_left_of_the_arabic_report(&qpdf);
    assert!(
        c.about_once_a_line(c.sequences),
        "{} /ReversedChars sequences for {} text objects and {} words",
        c.sequences,
        c.objects,
        c.words
    );
}

/// The objects of a PDF rewritten by qpdf with every stream uncompressed
/// and out of object streams: each object's number, dictionary and stream
/// data (empty for an object without one).
fn objects(qpdf: &Path, bytes: &[u8]) -> Vec<(u32, Vec<u8>, Vec<u8>)> {
    let raw = rewritten(
        qpdf,
        bytes,
        &["--object-streams=disable", "--stream-data=uncompress"],
    );
    let find = |from: usize, what: &[u8]| {
        raw[from..]
            .windows(what.len())
            .position(|w| w == what)
            .map(|k| from + k)
    };
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(obj) = find(at, b" 0 obj") {
        let number_start = raw[..obj]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |k| k + 1);
        let number = std::str::from_utf8(&raw[number_start..obj])
            .ok()
            .and_then(|n| n.parse().ok());
        let end = find(obj, b"endobj").expect("objects end");
        let body = &raw[obj + 6..end];
        let (dict, data) = match body.windows(7).position(|w| w == b"stream\n") {
            Some(k) => {
                let dict = &body[..k];
                let text = String::from_utf8_lossy(dict);
                let length: usize = text
                    .split("/Length ")
                    .nth(1)
                    .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
                    .and_then(|n| n.parse().ok())
                    .expect("a direct length");
                (dict.to_vec(), body[k + 7..k + 7 + length].to_vec())
            }
            None => (body.to_vec(), Vec::new()),
        };
        if let Some(number) = number {
            out.push((number, dict, data));
        }
        at = end;
    }
    out
}

/// The object number a dictionary refers to under `key` (`/Key 12 0 R`).
fn reference(dict: &[u8], key: &str) -> Option<u32> {
    let text = String::from_utf8_lossy(dict);
    let rest = text.split(&format!("{key} ")).nth(1)?;
    rest.split(' ').next()?.parse().ok()
}

/// Every font's CIDSet lists exactly the CIDs its `CIDToGIDMap` holds
/// (and the CJK font, which keeps `Identity-H`, has none):
/// with compact codes (krilla's fifteenth change) the CIDs between the
/// codes map to .notdef, which is in the font too, and PDF/A-2 validators
/// (veraPDF) count them as present; a CIDSet must list every CID present.
#[test]
fn every_fonts_cid_set_lists_the_cids_of_its_map() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let mut fonts = 0;
    for lang in ["en", "ar", "zh"] {
        let doc = model(&common::root().join(format!("samples/report-{lang}.txt")));
        let objects = objects(&qpdf, &render(&doc, &WriteOptions::default()).bytes);
        let by_number = |n: u32| objects.iter().find(|o| o.0 == n).expect("referred to");
        if lang == "zh" {
            // A CJK font's glyphs take two bytes anyway: it keeps Identity-H.
            let cjk_identity = objects.iter().any(|(_, dict, _)| {
                let text = String::from_utf8_lossy(dict);
                text.contains("NotoSerifSC") && text.contains("/Encoding /Identity-H")
            });
            assert!(cjk_identity, "Noto Serif SC encoded by Identity-H");
        }
        for (_, dict, _) in &objects {
            let (Some(map), Some(descriptor)) = (
                reference(dict, "/CIDToGIDMap"),
                reference(dict, "/FontDescriptor"),
            ) else {
                continue;
            };
            let set = reference(&by_number(descriptor).1, "/CIDSet").expect("a CIDSet");
            let cids = by_number(map).2.len() / 2;
            let bits = &by_number(set).2;
            let listed: Vec<usize> = (0..bits.len() * 8)
                .filter(|&i| bits[i / 8] & (0x80 >> (i % 8)) != 0)
                .collect();
            assert_eq!(listed, (0..cids).collect::<Vec<_>>(), "{lang}");
            fonts += 1;
        }
    }
    assert!(fonts >= 6, "{fonts} fonts with a CIDToGIDMap stream");
}

/// Lines of text are drawn flat (vendor/krilla/UNDOC-PATCH.md, fourteenth
/// change): no `q`, `cm` and `Q` around each, the fill colour and the font
/// set outside any `q` only when they change. Followed through the graphics
/// states of every page: no text is shown before its colour and font are
/// set, none is set twice over, and the black of running text is set again
/// after the blue of a cited symbol.
#[test]
fn lines_of_text_are_drawn_flat_with_colour_and_font_set_when_they_change() {
    let Some(qpdf) = common::tool("qpdf") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let source =
        std::fs::read_to_string(common::root().join("samples/report-en.txt")).expect("sample");
    let cited = source.replace("resolution 79/204", "resolution 79/204 (A/RES/79/204)");
    let path = dir.path().join("flat.txt");
    std::fs::write(&path, cited).expect("written");
    let rendered = render(&model(&path), &WriteOptions::default());
    let raw = uncompressed(&qpdf, &rendered.bytes);
    let (mut flat, mut isolated, mut transforms) = (0, 0, 0);
    let mut colours = Vec::new();
    for content in stream_data(&raw) {
        if !content.contains("TJ") {
            continue;
        }
        let mut saved: Vec<(Option<String>, Option<String>)> = Vec::new();
        let (mut colour, mut font): (Option<String>, Option<String>) = (None, None);
        for (op, args) in operators(content) {
            let flat_level = saved.is_empty();
            match op.as_str() {
                "q" => saved.push((colour.clone(), font.clone())),
                "Q" => (colour, font) = saved.pop().expect("a q for each Q"),
                "cm" => transforms += 1,
                "BT" if flat_level => flat += 1,
                "BT" => isolated += 1,
                "scn" | "sc" | "rg" | "g" | "k" if flat_level => {
                    let set = args.join(" ");
                    assert_ne!(colour.as_deref(), Some(set.as_str()), "colour set twice");
                    colours.push(set.clone());
                    colour = Some(set);
                }
                "Tf" if flat_level => {
                    let set = args.join(" ");
                    assert_ne!(font.as_deref(), Some(set.as_str()), "font set twice");
                    font = Some(set);
                }
                "TJ" | "Tj" if flat_level => {
                    assert!(colour.is_some() && font.is_some(), "text shown unset");
                }
                _ => {}
            }
        }
    }
    assert!(flat > 100, "{flat} text objects drawn flat");
    assert!(
        isolated + transforms < flat / 4,
        "{isolated} isolated, {transforms} cm"
    );
    let blue = colours
        .iter()
        .position(|c| c == "0 0 1")
        .expect("a cited symbol in blue");
    assert!(colours[blue..].iter().any(|c| c == "0 0 0"), "{colours:?}");
}
