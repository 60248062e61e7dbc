//! The foundation end to end: samples convert to valid XML, the seed keeps its
//! structure, invalid XML is reported at the right line (agreeing with
//! xmllint), the XML round-trips, and bad files never stop a batch.

mod common;

use std::path::{Path, PathBuf};

use common::{root, run, samples, tool};
use undoc::model::{Block, Document, ListKind};
use undoc::read::{self, InputFormat, Source};

fn xml_outputs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("output dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(xml_outputs(&path));
        } else if path.extension().is_some_and(|e| e == "xml") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// xmllint's verdict on `file`: None when valid, else the line of its first error.
fn xmllint_first_error(xmllint: &Path, file: &Path) -> Option<u32> {
    let out = std::process::Command::new(xmllint)
        .args(["--noout", "--nonet", "--schema"])
        .arg(root().join("schemas/undoc.xsd"))
        .arg(file)
        .output()
        .expect("xmllint runs");
    if out.status.success() {
        return None;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr.lines().next().expect("an error line");
    let after = first
        .strip_prefix(&format!("{}:", file.display()))
        .expect("file:line: prefix");
    Some(
        after
            .split(':')
            .next()
            .expect("line")
            .parse()
            .expect("a line number"),
    )
}

/// undoc's verdict on `file`: None when valid, else the line of its first error.
fn undoc_first_error(file: &Path) -> Option<u32> {
    let (code, stdout, _) = run(&[
        "validate",
        "--format",
        "json",
        file.to_str().expect("utf-8 path"),
    ]);
    let diagnostics: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    let errors: Vec<&serde_json::Value> = diagnostics
        .as_array()
        .expect("an array")
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    match errors.first() {
        None => {
            assert_eq!(code, 0, "no errors means exit 0");
            None
        }
        Some(first) => {
            assert_eq!(code, 1, "errors mean exit 1");
            Some(first["line"].as_u64().expect("line") as u32)
        }
    }
}

#[test]
fn every_sample_converts_to_xml_valid_for_undoc_and_xmllint() {
    let out = tempfile::tempdir().expect("tempdir");
    let samples_dir = root().join("samples");
    common::convert(&[&samples_dir], out.path(), &["--to", "xml"]);
    let xmls = xml_outputs(out.path());
    assert_eq!(xmls.len(), samples().len(), "one XML per sample");
    let xmllint = tool("xmllint");
    for xml in &xmls {
        assert_eq!(
            undoc_first_error(xml),
            None,
            "{} is valid for undoc",
            xml.display()
        );
        if let Some(xmllint) = &xmllint {
            assert_eq!(
                xmllint_first_error(xmllint, xml),
                None,
                "{} is valid for xmllint",
                xml.display()
            );
        }
    }
}

#[test]
fn every_sample_is_valid_and_covers_the_required_structure() {
    for sample in samples() {
        let outcome = common::read_file(&sample);
        assert!(
            outcome.diagnostics.iter().all(|d| !d.is_error()),
            "{}: {:?}",
            sample.display(),
            outcome.diagnostics
        );
        let doc = outcome.document.expect("a document");
        let paras = doc.paragraphs();
        assert_eq!(
            paras.iter().map(|p| p.n).collect::<Vec<_>>(),
            (1..=paras.len() as u32).collect::<Vec<_>>()
        );
        assert!(
            !doc.refs().is_empty(),
            "{}: cited symbols",
            sample.display()
        );
        // The language reports (and the seed) cover the whole structure; the
        // organ samples (HRC, Security Council, A/80/604/Add.1) are shorter.
        let name = sample.file_name().expect("name").to_string_lossy();
        if name.starts_with("report-") || name.starts_with("expert-meeting") {
            whole_structure(&doc, &sample);
        }
    }
}

/// Chapters, a nested list and (but in the seed) fifteen paragraphs.
fn whole_structure(doc: &Document, sample: &Path) {
    let paras = doc.paragraphs();
    let chapters = doc
        .body
        .iter()
        .filter(|b| matches!(b, Block::Chapter(_)))
        .count();
    assert!(chapters >= 3, "{}: {chapters} chapters", sample.display());
    assert!(
        paras.iter().any(|p| p
            .list
            .as_ref()
            .is_some_and(|l| l.items.iter().any(|i| i.list.is_some()))),
        "{}: a list with nested subitems",
        sample.display()
    );
    if !sample.ends_with("expert-meeting-report-2023-zh.txt") {
        assert!(
            paras.len() >= 15,
            "{}: {} paragraphs",
            sample.display(),
            paras.len()
        );
    }
}

#[test]
fn the_seed_xml_has_its_structure() {
    let out = tempfile::tempdir().expect("tempdir");
    let seed = root().join("tests/fixtures/seed.txt");
    common::convert(
        &[&seed],
        out.path(),
        &["--set", "symbol=CAC/COSP/EG.1/2023/4"],
    );
    let xml = std::fs::read(out.path().join("seed.xml")).expect("seed.xml");
    let doc = read::read(
        &Source::bytes(&xml),
        InputFormat::by_name("xml").expect("XML reader"),
        &[],
    )
    .document
    .expect("readable XML");
    let chapters: Vec<&undoc::model::Division> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Chapter(c) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(chapters.len(), 3);
    let sections: Vec<u32> = chapters[1]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some(s.n),
            _ => None,
        })
        .collect();
    assert_eq!(sections, [1, 2, 3, 4], "chapter II has sections A-D");
    let paras = doc.paragraphs();
    assert_eq!(
        paras.iter().map(|p| p.n).collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
    let list = paras[3].list.as_ref().expect("paragraph 4 holds a list");
    assert_eq!((list.kind, list.items.len()), (ListKind::Decimal, 5));
    assert_eq!(list.items[2].list.as_ref().map(|l| l.items.len()), Some(3));
    let text = String::from_utf8(xml).expect("utf-8");
    assert_eq!(
        text.matches("<ref>").count(),
        5,
        "exactly five cited symbols"
    );
    assert!(text.contains("<symbol>CAC/COSP/EG.1/2023/4</symbol>"));
}

#[test]
fn the_seed_without_a_symbol_says_how_to_supply_one() {
    let seed = root().join("tests/fixtures/seed.txt");
    let (code, stdout, _) = run(&["validate", seed.to_str().expect("path")]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error[UND012]") && stdout.contains("--set symbol="),
        "{stdout}"
    );
}

#[test]
fn invalid_xml_is_reported_at_the_line_xmllint_names() {
    let xmllint = tool("xmllint");
    let dir = root().join("tests/fixtures/invalid");
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 10);
    let expected_lines = [
        ("bad-cell-indent", 35),
        ("bad-contents-text", 16),
        ("bad-contents-twice", 17),
        ("bad-date", 7),
        ("bad-distribution", 6),
        ("bad-lang", 2),
        ("bad-list-kind", 30),
        ("bad-original", 8),
        ("bad-ref", 21),
        ("bad-symbol", 4),
        // Found at the element's end, named at its start tag.
        ("incomplete-masthead", 3),
        ("missing-n", 23),
        ("missing-title", 14),
        // A no-break space between elements is character content.
        ("nbsp-in-list", 27),
        ("no-namespace", 2),
        ("undeclared-prefix", 10),
        ("unknown-element", 24),
        ("unreal-date", 7),
        ("wrong-namespace-chapter", 12),
        ("wrong-namespace-date", 7),
        ("wrong-namespace-masthead", 3),
        ("wrong-namespace-para", 14),
        ("wrong-namespace-title", 10),
        ("zero-number", 20),
    ];
    for fixture in &fixtures {
        let stem = fixture.file_stem().and_then(|s| s.to_str()).expect("stem");
        let expected = expected_lines
            .iter()
            .find(|(name, _)| *name == stem)
            .map(|(_, line)| *line)
            .unwrap_or_else(|| panic!("no expected line for {stem}"));
        assert_eq!(undoc_first_error(fixture), Some(expected), "{stem}: undoc");
        if let Some(xmllint) = &xmllint {
            assert_eq!(
                xmllint_first_error(xmllint, fixture),
                Some(expected),
                "{stem}: xmllint"
            );
        }
    }
}

#[test]
fn rules_the_schema_cannot_express_are_reported_at_their_line() {
    let dir = root().join("tests/fixtures/rules");
    for (name, code, line) in [
        ("para-gap", "UND030", 38),
        ("chapter-order", "UND031", 48),
        ("item-order", "UND032", 29),
    ] {
        let file = dir.join(format!("{name}.xml"));
        if let Some(xmllint) = tool("xmllint") {
            assert_eq!(
                xmllint_first_error(&xmllint, &file),
                None,
                "{name} is schema-valid"
            );
        }
        let (exit, found) = common::validate_json(&file);
        assert_eq!(exit, 1, "{name}");
        assert_eq!(found.first(), Some(&(line, code.to_string())), "{name}");
    }
}

#[test]
fn text_source_errors_point_at_the_source_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("draft.txt");
    let source = "---\nsymbol: A/78/1\n---\nGeneral Assembly\n\nDistr.: General\n31 June 2024\nOriginal: English\n\nTitle\n\n\
                  I. One\n\n1. First.\n\n3. Third.\n\nIII. Three\n\n4. Cites A/78/Add.1 and E/2023/L.1.\n";
    std::fs::write(&file, source).expect("write");
    let (code, found) = common::validate_json(&file);
    assert_eq!(code, 1);
    let at = |line: u32, code: &str| found.contains(&(line, code.to_string()));
    assert!(at(7, "UND034"), "31 June does not exist: {found:?}");
    assert!(at(16, "UND030"), "paragraph 3 after 1: {found:?}");
    assert!(at(18, "UND031"), "chapter III after I: {found:?}");
    assert!(
        !found.iter().any(|(_, c)| c == "UND033"),
        "A/78/Add.1 is not cited: {found:?}"
    );
    let (_, human, _) = run(&["validate", file.to_str().expect("path")]);
    assert!(
        human.contains("16 │ 3. Third."),
        "the source line is shown: {human}"
    );
}

#[test]
fn xml_round_trips_byte_for_byte() {
    let first = tempfile::tempdir().expect("tempdir");
    let second = tempfile::tempdir().expect("tempdir");
    common::convert(&[&root().join("samples")], first.path(), &["--to", "xml"]);
    common::convert(&[first.path()], second.path(), &["--to", "xml"]);
    for xml in xml_outputs(first.path()) {
        let again = second
            .path()
            .join(xml.strip_prefix(first.path()).expect("under the first"));
        assert_eq!(
            std::fs::read(&xml).expect("first"),
            std::fs::read(&again).expect("second"),
            "{}",
            xml.display()
        );
    }
}

#[test]
fn output_is_deterministic() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    common::convert(
        &[&root().join("samples")],
        a.path(),
        &["--to", "xml", "-j", "1"],
    );
    common::convert(
        &[&root().join("samples")],
        b.path(),
        &["--to", "xml", "-j", "2"],
    );
    for xml in xml_outputs(a.path()) {
        let other = b.path().join(xml.strip_prefix(a.path()).expect("under a"));
        assert_eq!(
            std::fs::read(&xml).expect("a"),
            std::fs::read(&other).expect("b")
        );
    }
}

#[test]
fn bad_files_are_named_and_do_not_stop_the_batch() {
    let input = tempfile::tempdir().expect("tempdir");
    let output = tempfile::tempdir().expect("tempdir");
    let valid = ["report-en.txt", "report-ar.txt"];
    for name in valid {
        let text = std::fs::read(root().join("samples").join(name)).expect("sample");
        std::fs::write(input.path().join(name), &text).expect("copy");
        common::keep_figures(&input.path().join(name), &text);
    }
    std::fs::create_dir(input.path().join("bad")).expect("mkdir");
    std::fs::write(input.path().join("bad/empty.txt"), "").expect("empty");
    std::fs::write(
        input.path().join("bad/binary.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0xFF, 0xFE, 7],
    )
    .expect("binary");
    std::fs::write(
        input.path().join("bad/broken.xml"),
        "<document xmlns=\"urn:undoc:1\"><masthead>",
    )
    .expect("xml");
    let (code, _, stderr) = run(&[
        "convert",
        input.path().to_str().expect("path"),
        "-o",
        output.path().to_str().expect("path"),
        "--to",
        "xml",
    ]);
    assert_eq!(code, 1, "{stderr}");
    for (name, code) in [
        ("empty.txt", "UND003"),
        ("binary.txt", "UND002"),
        ("broken.xml", "UND004"),
    ] {
        assert!(
            common::reports(&stderr, name, code),
            "{name} named with {code}: {stderr}"
        );
    }
    assert!(
        stderr.contains("5 documents: 2 converted, 3 failed"),
        "{stderr}"
    );
    let mut written: Vec<String> = walk(output.path());
    written.sort();
    assert_eq!(
        written,
        ["report-ar.xml", "report-en.xml", "undoc-manifest.json"],
        "only complete outputs of valid inputs"
    );
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(
                path.strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string(),
            );
        }
    }
    out
}

#[test]
fn two_inputs_for_one_output_are_refused() {
    let input = tempfile::tempdir().expect("tempdir");
    let output = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        root().join("samples/report-en.txt"),
        input.path().join("report.txt"),
    )
    .expect("copy");
    std::fs::copy(
        root().join("tests/fixtures/report-en.xml"),
        input.path().join("report.xml"),
    )
    .expect("copy");
    let (code, _, stderr) = run(&[
        "convert",
        input.path().to_str().expect("path"),
        "-o",
        output.path().to_str().expect("path"),
    ]);
    assert_eq!(code, 1);
    assert_eq!(stderr.matches("UND041").count(), 2, "{stderr}");
    assert_eq!(walk(output.path()), ["undoc-manifest.json"]);
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = run(&["validate", "--set", "colour=red", "samples"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, _) = run(&["convert", "samples"]);
    assert_eq!(code, 2, "missing -o");
    let (code, stdout, _) = run(&["explain", "UND030"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Paragraph numbers"));
}

#[test]
fn the_readme_explains_every_diagnostic_code() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    for code in undoc::diagnostic::ALL_CODES {
        let row = format!("| {} | {} |", code.as_str(), code.severity().as_str());
        assert!(
            readme.contains(&row),
            "README lacks the row for {}",
            code.as_str()
        );
    }
}
