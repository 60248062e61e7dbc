//! Hostile and broken input: each case gets a clear diagnostic naming the
//! file, other documents in the batch are unaffected, nothing crashes and
//! nothing outside the input is read.

mod common;

use std::path::Path;

use common::{root, run};
use undoc::pipeline::{self, Job};
use undoc::read::{InputFormat, Source};
use undoc::write::{OUTPUT_FORMATS, OutputFormat, WriteOptions};

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples").join(name)).expect("sample")
}

/// Validates `file` and returns (exit code, JSON diagnostics as text).
fn validate(file: &Path) -> (i32, String) {
    let (code, stdout, _) = run(&["validate", "--format", "json", file.to_str().expect("path")]);
    (code, stdout)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, &bytes).expect("write fixture");
    common::keep_figures(&path, bytes.as_ref());
    path
}

#[test]
fn doctype_and_entity_expansion_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n<document xmlns=\"urn:undoc:1\" xml:lang=\"en\">&lol9;</document>\n";
    let file = write(dir.path(), "laughs.xml", laughs);
    let (code, json) = validate(&file);
    assert_eq!(code, 1);
    assert!(
        json.contains("UND005") && json.contains("\"line\": 2"),
        "{json}"
    );
    let plain = write(
        dir.path(),
        "doctype.xml",
        "<!DOCTYPE document>\n<document/>\n",
    );
    assert!(validate(&plain).1.contains("UND005"));
    let entity = write(
        dir.path(),
        "entity.xml",
        "<document xmlns=\"urn:undoc:1\">&nbsp;</document>",
    );
    assert!(validate(&entity).1.contains("UND005"));
}

#[test]
fn external_entities_never_leak_a_local_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let secret = write(dir.path(), "secret.txt", "TOP-SECRET-CONTENT");
    let xxe = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file://{}\">]>\n<document xmlns=\"urn:undoc:1\" xml:lang=\"en\"><title>&x;</title></document>\n",
        secret.display()
    );
    let file = write(dir.path(), "xxe.xml", xxe);
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stdout, stderr) = run(&[
        "convert",
        file.to_str().expect("path"),
        "-o",
        out.path().to_str().expect("path"),
    ]);
    assert_eq!(code, 1);
    assert!(!stdout.contains("TOP-SECRET") && !stderr.contains("TOP-SECRET"));
    let written: Vec<_> = std::fs::read_dir(out.path())
        .expect("out")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        written,
        ["undoc-manifest.json"],
        "no output, only the manifest"
    );
    let manifest =
        std::fs::read_to_string(out.path().join("undoc-manifest.json")).expect("manifest");
    assert!(!manifest.contains("TOP-SECRET"));
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let depth = 100_000;
    let xml = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
    let file = write(dir.path(), "deep.xml", xml);
    let (code, json) = validate(&file);
    assert_eq!(code, 1);
    assert!(
        json.contains("UND005") && json.contains("nested deeper than 64"),
        "{json}"
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(200 * 1024 * 1024).expect("sparse 200 MB file");
    let (code, json) = validate(&path);
    assert_eq!(code, 1);
    assert!(json.contains("UND006") && json.contains("64 MiB"), "{json}");
}

#[test]
fn encodings_line_ends_and_binary_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = String::from_utf8(sample("report-en.txt")).expect("utf-8");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let mut bom_crlf = vec![0xEF, 0xBB, 0xBF];
    bom_crlf.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    let inputs = [
        write(dir.path(), "plain.txt", &text),
        write(dir.path(), "utf16.txt", utf16),
        write(dir.path(), "crlf.txt", bom_crlf),
    ];
    let out = tempfile::tempdir().expect("tempdir");
    let mut args = vec!["convert".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend([
        "-o".into(),
        out.path().display().to_string(),
        "--to".into(),
        "xml".into(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let plain = std::fs::read(out.path().join("plain.xml")).expect("plain");
    assert_eq!(
        plain,
        std::fs::read(out.path().join("utf16.xml")).expect("utf16")
    );
    assert_eq!(
        plain,
        std::fs::read(out.path().join("crlf.xml")).expect("crlf")
    );

    let invalid = write(dir.path(), "latin1.txt", b"Distr.: General\nR\xE9sum\xE9\n");
    let (code, json) = validate(&invalid);
    assert_eq!(code, 1);
    assert!(
        json.contains("UND002") && json.contains("\"line\": 2"),
        "{json}"
    );
    let nul = write(dir.path(), "nul.txt", b"Title\n\0\0\0");
    assert!(validate(&nul).1.contains("UND002"));
}

#[test]
fn very_long_lines_stay_linear() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from_utf8(sample("report-en.txt")).expect("utf-8");
    let hostile = "[^ [x]( *a A/ (Sect. ".repeat(200_000);
    text.push_str(&format!("\n19. {hostile}\n"));
    let file = write(dir.path(), "long.txt", text);
    let (code, json) = validate(&file);
    assert!(code == 0 || code == 1, "{json}");
    assert!(json.starts_with('['), "a report came back");
}

#[test]
#[cfg(unix)]
fn symlink_loops_and_dangling_links_are_named_and_skipped() {
    let input = tempfile::tempdir().expect("tempdir");
    write(input.path(), "report-en.txt", sample("report-en.txt"));
    std::fs::create_dir(input.path().join("sub")).expect("mkdir");
    std::os::unix::fs::symlink(input.path(), input.path().join("sub/loop")).expect("loop");
    std::os::unix::fs::symlink(
        input.path().join("missing.txt"),
        input.path().join("dangling.txt"),
    )
    .expect("dangling");
    let out = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = run(&[
        "convert",
        input.path().to_str().expect("path"),
        "-o",
        out.path().to_str().expect("path"),
        "--to",
        "xml",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(common::reports(&stderr, "loop", "UND001"), "{stderr}");
    assert!(
        common::reports(&stderr, "dangling.txt", "UND001"),
        "{stderr}"
    );
    assert!(
        out.path().join("report-en.xml").is_file(),
        "the good document still converts"
    );
}

#[test]
fn an_output_directory_that_cannot_be_written_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = write(
        dir.path(),
        "not-a-dir",
        "a file where the output directory should be",
    );
    let (code, _, stderr) = run(&[
        "convert",
        root().join("samples/report-fr.txt").to_str().expect("path"),
        "-o",
        blocker.to_str().expect("path"),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("report-fr.txt") && stderr.contains("UND040"),
        "{stderr}"
    );
}

/// Inputs that once crashed a fuzz target (kept by `.ci/fuzz`) and the
/// hostile shapes above, replayed through every reader and the whole path.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = root().join("tests/fixtures/fuzz");
    let mut cases: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let engine = undoc::validate::FastXml::embedded().expect("schema");
    for case in cases {
        let bytes = std::fs::read(&case).expect("case");
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        // Inputs of the `docx_reader` target are a package, or a story to
        // zip (by their first byte); those of `convert` start with a byte
        // that picks the format. Every other case goes through every
        // text-based reader.
        let docx = InputFormat::by_name("docx").expect("Word reader");
        let text_readers =
            ["text", "xml", "markdown"].map(|n| InputFormat::by_name(n).expect("a reader"));
        let (formats, bytes) = match bytes.split_first() {
            Some((selector, rest)) if name.starts_with("docx_reader-") => {
                let bytes = if selector % 2 == 0 {
                    rest.to_vec()
                } else {
                    undoc::read::docx::package::story_package(rest)
                };
                (vec![docx], bytes)
            }
            Some((_, rest)) if name.starts_with("convert-") => {
                (text_readers.to_vec(), rest.to_vec())
            }
            _ => (text_readers.to_vec(), bytes),
        };
        let outputs: Vec<&'static OutputFormat> = OUTPUT_FORMATS.iter().collect();
        let options = WriteOptions::default();
        let job = Job::in_memory(&engine, &outputs, &options);
        for format in formats {
            let converted = pipeline::convert(&Source::bytes(&bytes), format, &job);
            assert!(
                !converted
                    .diagnostics
                    .iter()
                    .any(|d| d.code == undoc::diagnostic::Code::Internal),
                "{}: {:?}",
                case.display(),
                converted.diagnostics
            );
        }
    }
}
