//! A whole archive in one run, continuing past bad files, losing nothing:
//! panics, outputs inside the input tree, clashes across shards, incremental
//! runs into another directory, all-or-nothing output sets, SIGTERM, stale
//! temporaries, FIFOs, deep trees, file modes and the same input given twice.
//! Every input is built here, at test time.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use common::{root, run};
use undoc::diagnostic::Code;
use undoc::pipeline::{self, DocReport, Job, Status};
use undoc::read::{InputFormat, Source};
use undoc::validate::FastXml;
use undoc::write::{OUTPUT_FORMATS, OutputFormat, Rendered, WriteOptions};

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(root().join("samples").join(name)).expect("sample")
}

fn put(path: &Path, bytes: impl AsRef<[u8]>) -> PathBuf {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, &bytes).expect("write");
    common::keep_figures(path, bytes.as_ref());
    path.to_path_buf()
}

fn convert(args: &[&str]) -> (i32, String) {
    let mut all = vec!["convert"];
    all.extend_from_slice(args);
    let (code, _, stderr) = run(&all);
    (code, stderr)
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn panicking_writer(
    _: &undoc::model::Document,
    _: &WriteOptions,
) -> Result<Rendered, undoc::diagnostic::Diagnostic> {
    panic!("a writer bug")
}

static PANICKING: OutputFormat = OutputFormat {
    name: "boom",
    suffix: "boom",
    description: "a writer that panics",
    paged: false,
    heavy: false,
    write: panicking_writer,
    load: None,
};

#[test]
fn a_panic_is_that_documents_error_and_the_batch_goes_on() {
    let input = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    put(&input.path().join("a.txt"), sample("report-en.txt"));
    put(&input.path().join("b.txt"), sample("report-fr.txt"));
    let found = pipeline::discover(&[input.path().to_path_buf()], None);
    let engine = FastXml::embedded().expect("schema");
    let xml = OutputFormat::by_name("xml").expect("xml");
    let formats = [xml, &PANICKING];
    let options = WriteOptions::default();
    let cancel = AtomicBool::new(false);
    let job = Job {
        output_dir: Some(out.path()),
        input_roots: &found.roots,
        cancel: &cancel,
        ..Job::in_memory(&engine, &formats, &options)
    };
    let mut reports: Vec<DocReport> = Vec::new();
    pipeline::run(&found.inputs, &job, &mut |r| reports.push(r));
    assert_eq!(reports.len(), 2);
    for r in &reports {
        assert_eq!(r.status, Status::Failed);
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.code == Code::Internal && d.message.contains("a writer bug"))
        );
        assert!(r.outputs.is_empty());
    }
    // All or nothing: the XML rendered before the panic was not written.
    assert!(!out.path().join("a.xml").exists());
}

#[test]
fn a_paragraph_of_33000_emphasised_words_fails_alone() {
    let input = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    let words: Vec<String> = (0..33_000).map(|i| format!("*w{i}*")).collect();
    let mut text = String::from_utf8(sample("report-en.txt")).expect("utf-8");
    text.push_str(&format!("\n19. {}\n", words.join(" ")));
    put(&input.path().join("a.txt"), text);
    put(&input.path().join("b.txt"), sample("report-es.txt"));
    let (code, stderr) = convert(&[s(input.path()), "-o", s(out.path()), "--to", "xml,pdf"]);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    assert!(out.path().join("undoc-manifest.json").is_file(), "{stderr}");
    assert!(out.path().join("b.pdf").is_file(), "{stderr}");
    assert!(stderr.contains("2 documents"), "{stderr}");
}

#[test]
fn an_output_directory_inside_the_inputs_never_replaces_a_source() {
    let tree = tempfile::tempdir().expect("tempdir");
    let input = tree.path().join("in");
    put(&input.join("b.txt"), sample("report-en.txt"));
    let source_xml = std::fs::read(root().join("tests/fixtures/report-en.xml")).expect("xml");
    put(&input.join("sub/b.xml"), &source_xml);
    let (code, stderr) = convert(&[s(&input), "-o", s(&input.join("sub")), "--to", "xml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(common::reports(&stderr, "b.txt", "UND041"), "{stderr}");
    assert_eq!(
        std::fs::read(input.join("sub/b.xml")).expect("source"),
        source_xml
    );
    // The output directory is not searched for inputs: a second run does
    // not read `sub/sub/…` back.
    let (_, stderr) = convert(&[
        s(&input),
        "-o",
        s(&input.join("out")),
        "--to",
        "xml",
        "--incremental",
    ]);
    let (code, stderr2) = convert(&[
        s(&input),
        "-o",
        s(&input.join("out")),
        "--to",
        "xml",
        "--incremental",
    ]);
    assert_eq!(code, 0, "{stderr}\n{stderr2}");
    assert!(stderr2.contains("unchanged"), "{stderr2}");
    assert!(!input.join("out/out").exists(), "{stderr2}");
}

#[test]
fn the_output_directory_may_be_the_input_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(&dir.path().join("a.txt"), sample("report-ru.txt"));
    let (code, stderr) = convert(&[s(dir.path()), "-o", s(dir.path()), "--to", "docx"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("a.docx").is_file());
    // Run again: its own outputs (listed in the manifest) are replaced.
    let (code, stderr) = convert(&[s(dir.path()), "-o", s(dir.path()), "--to", "docx"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn clashes_are_found_whatever_the_sharding() {
    let input = tempfile::tempdir().expect("tempdir");
    put(&input.path().join("a.txt"), sample("report-en.txt"));
    put(&input.path().join("a.md"), sample("report-fr.txt"));
    let out = tempfile::tempdir().expect("tempdir");
    let mut clashes = 0;
    for k in 1..=4 {
        let shard = format!("{k}/4");
        let (code, stderr) = convert(&[
            s(input.path()),
            "-o",
            s(out.path()),
            "--to",
            "xml",
            "--shard",
            &shard,
        ]);
        clashes += stderr.matches("UND041").count();
        assert!(code == 0 || code == 1, "{stderr}");
    }
    assert_eq!(
        clashes, 2,
        "each of the two inputs is refused in its own shard"
    );
    assert!(!out.path().join("a.xml").exists());
}

#[test]
fn incremental_rebuilds_outputs_missing_from_this_output_directory() {
    let input = tempfile::tempdir().expect("tempdir");
    let a = put(&input.path().join("sub/a.txt"), sample("report-en.txt"));
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = convert(&[
        s(input.path()),
        "-o",
        s(out.path()),
        "--to",
        "xml",
        "--incremental",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.path().join("sub/a.xml").is_file());
    let (code, stderr) = convert(&[s(&a), "-o", s(out.path()), "--to", "xml", "--incremental"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.path().join("a.xml").is_file(), "{stderr}");
    assert!(stderr.contains("wrote xml 1"), "{stderr}");
}

#[test]
#[cfg(unix)]
fn a_failed_document_keeps_its_previous_outputs_together() {
    let input = tempfile::tempdir().expect("tempdir");
    let a = put(&input.path().join("a.txt"), sample("report-en.txt"));
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = convert(&[s(input.path()), "-o", s(out.path()), "--to", "xml,pdf"]);
    assert_eq!(code, 0, "{stderr}");
    let old_xml = std::fs::read(out.path().join("a.xml")).expect("xml");
    let old_pdf = std::fs::read(out.path().join("a.pdf")).expect("pdf");
    // Change the source, and make the PDF impossible to write: a directory
    // stands where the new PDF would be renamed to.
    let mut text = String::from_utf8(sample("report-en.txt")).expect("utf-8");
    text.push_str("\n19. A paragraph added since the first run.\n");
    put(&a, text);
    std::fs::remove_file(out.path().join("a.pdf")).expect("rm");
    std::fs::create_dir(out.path().join("a.pdf")).expect("blocker");
    std::fs::write(out.path().join("a.pdf/keep"), "x").expect("non-empty blocker");
    let (code, stderr) = convert(&[s(input.path()), "-o", s(out.path()), "--to", "xml,pdf"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        std::fs::read(out.path().join("a.xml")).expect("xml"),
        old_xml,
        "XML not replaced alone"
    );
    assert!(!old_pdf.is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporaries removed");
}

#[test]
#[cfg(unix)]
fn sigterm_is_an_interrupt_and_stale_temporaries_go() {
    let input = tempfile::tempdir().expect("tempdir");
    let text = sample("report-en.txt");
    for i in 0..400 {
        put(&input.path().join(format!("d{i:04}.txt")), &text);
    }
    let out = tempfile::tempdir().expect("tempdir");
    let stale = put(
        &out.path().join(".undoc-999999999-abcdef.tmp"),
        "left by a SIGKILL",
    );
    let mut child = common::undoc()
        .args([
            "convert",
            s(input.path()),
            "-o",
            s(out.path()),
            "--to",
            "xml,docx",
            "-j",
            "1",
            "-q",
        ])
        .spawn()
        .expect("undoc runs");
    std::thread::sleep(std::time::Duration::from_millis(700));
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("exit");
    assert_eq!(status.code(), Some(130));
    assert!(out.path().join("undoc-manifest.json").is_file());
    assert!(!stale.exists(), "a dead run's temporary is removed");
    let leftovers = std::fs::read_dir(out.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
#[cfg(unix)]
fn fifos_are_skipped_and_named_not_waited_for() {
    let input = tempfile::tempdir().expect("tempdir");
    put(&input.path().join("a.txt"), sample("report-en.txt"));
    let fifo = input.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = convert(&[s(input.path()), "-o", s(out.path()), "--to", "xml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("pipe.txt") && stderr.contains("FIFO"),
        "{stderr}"
    );
    assert!(stderr.contains("skipped 1 file"), "{stderr}");
    // Named on the command line it is refused, not read.
    let (code, stderr) = convert(&[s(&fifo), "-o", s(out.path()), "--to", "xml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(common::reports(&stderr, "pipe.txt", "UND001"), "{stderr}");
}

#[test]
fn a_deep_directory_tree_is_walked_in_linear_time() {
    let input = tempfile::tempdir().expect("tempdir");
    let mut dir = input.path().to_path_buf();
    for _ in 0..1200 {
        dir.push("d");
    }
    std::fs::create_dir_all(&dir).expect("deep tree");
    put(&dir.join("a.txt"), sample("report-en.txt"));
    let found = pipeline::discover(&[input.path().to_path_buf()], None);
    assert_eq!(found.inputs.len(), 1);
    assert!(found.problems.is_empty());
}

#[test]
#[cfg(unix)]
fn outputs_and_the_manifest_get_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let out = tempfile::tempdir().expect("tempdir");
    // The test process's umask is inherited by undoc; 022 is the usual one.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022 && exec {} convert {} -o {} --to xml,pdf -q",
            env!("CARGO_BIN_EXE_undoc"),
            s(&root().join("samples/report-ar.txt")),
            s(out.path())
        ))
        .status()
        .expect("sh");
    assert!(status.success());
    for name in ["report-ar.xml", "report-ar.pdf", "undoc-manifest.json"] {
        let mode = std::fs::metadata(out.path().join(name))
            .expect(name)
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "{name}");
    }
}

#[test]
fn the_same_input_given_twice_is_read_once() {
    let input = tempfile::tempdir().expect("tempdir");
    put(&input.path().join("a.txt"), sample("report-zh.txt"));
    let dotted = input.path().join(".");
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = convert(&[
        s(input.path()),
        s(&dotted),
        "-o",
        s(out.path()),
        "--to",
        "xml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("1 document"), "{stderr}");
}

#[test]
fn a_file_named_for_no_format_is_named_for_what_it_looks_like() {
    let dir = tempfile::tempdir().expect("tempdir");
    let renamed = put(&dir.path().join("report.bin"), sample("report-en.txt"));
    let zip = put(
        &dir.path().join("report.dat"),
        b"PK\x03\x04\x14\x00rest of a zip",
    );
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = convert(&[s(&renamed), s(&zip), "-o", s(out.path())]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("looks like text") && stderr.contains(".txt"),
        "{stderr}"
    );
    assert!(
        stderr.contains("looks like docx") && stderr.contains(".docx"),
        "{stderr}"
    );
}

#[test]
fn the_format_tables_are_listed() {
    let (code, stdout, _) = run(&["--list-input-formats"]);
    assert_eq!(code, 0);
    for format in undoc::read::INPUT_FORMATS {
        assert!(
            stdout.contains(format.name) && stdout.contains(format.suffixes[0]),
            "{stdout}"
        );
    }
    let (code, stdout, _) = run(&["--list-output-formats"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), OUTPUT_FORMATS.len());
    let (code, _, stderr) = run(&["convert", "samples", "-o", "/tmp/x", "--to", "odt"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("xml, akn, docx, pdf"), "{stderr}");
    let text = InputFormat::by_name("text").expect("text");
    let outcome = undoc::read::read(&Source::bytes(&sample("report-en.txt")), text, &[]);
    assert!(outcome.document.is_some());
}
