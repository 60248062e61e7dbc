//! Batch and CI grade: manifest, incremental runs, sharding, interruption,
//! progress, CI report formats and --deny-warnings.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{root, run, samples};
use serde_json::Value;

fn convert(args: &[&str]) -> (i32, String) {
    let mut all = vec!["convert"];
    all.extend_from_slice(args);
    let (code, _, stderr) = run(&all);
    (code, stderr)
}

fn manifest(dir: &Path, name: &str) -> Value {
    let text = std::fs::read_to_string(dir.join(name)).expect("a manifest");
    serde_json::from_str(&text).expect("JSON manifest")
}

fn sha256(path: &Path) -> String {
    undoc::pipeline::manifest::sha256_hex(&std::fs::read(path).expect("file"))
}

/// A directory with `copies` copies of the English sample.
fn many_inputs(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read(root().join("samples/report-en.txt")).expect("sample");
    for i in 0..copies {
        std::fs::write(dir.path().join(format!("doc-{i:05}.txt")), &text).expect("copy");
    }
    common::keep_figures(&dir.path().join("doc.txt"), &text);
    dir
}

#[test]
fn the_manifest_records_inputs_and_outputs_with_hashes() {
    let out = tempfile::tempdir().expect("tempdir");
    let samples_dir = root().join("samples");
    let (code, stderr) = convert(&[
        samples_dir.to_str().expect("path"),
        "-o",
        out.path().to_str().expect("path"),
        "--to",
        "xml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let m = manifest(out.path(), "undoc-manifest.json");
    assert_eq!(m["undoc"], env!("CARGO_PKG_VERSION"));
    let docs = m["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), samples().len());
    for (doc, sample) in docs.iter().zip(samples()) {
        assert_eq!(doc["status"], "converted");
        assert_eq!(doc["sha256"], sha256(&sample));
        let output = &doc["outputs"][0];
        let written = out.path().join(output["path"].as_str().expect("path"));
        assert_eq!(output["sha256"], sha256(&written));
        assert_eq!(
            output["bytes"],
            std::fs::metadata(&written).expect("output").len()
        );
    }
}

#[test]
fn incremental_runs_skip_what_did_not_change() {
    let input = tempfile::tempdir().expect("tempdir");
    for sample in samples() {
        let target = input.path().join(sample.file_name().expect("name"));
        std::fs::copy(&sample, &target).expect("copy");
        common::keep_figures(&target, &std::fs::read(&sample).expect("sample"));
    }
    let out = tempfile::tempdir().expect("tempdir");
    let (i, o) = (
        input.path().to_str().expect("path"),
        out.path().to_str().expect("path"),
    );
    let n = samples().len();
    let (code, stderr) = convert(&[i, "-o", o, "--to", "xml", "--incremental"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = convert(&[i, "-o", o, "--to", "xml", "--incremental"]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains(&format!("{n} unchanged (skipped)")),
        "{stderr}"
    );

    let en = input.path().join("report-en.txt");
    let text = std::fs::read_to_string(&en).expect("en");
    std::fs::write(
        &en,
        text.replace(
            "Digital public infrastructure for",
            "Digital public goods for",
        ),
    )
    .expect("edit");
    std::fs::remove_file(out.path().join("report-fr.xml")).expect("remove an output");
    let (_, stderr) = convert(&[i, "-o", o, "--to", "xml", "--incremental"]);
    assert!(
        stderr.contains(&format!("2 converted, 0 failed, {} unchanged", n - 2)),
        "{stderr}"
    );
    let xml = std::fs::read_to_string(out.path().join("report-en.xml")).expect("rebuilt");
    assert!(xml.contains("Digital public goods for"));

    let (_, stderr) = convert(&[
        i,
        "-o",
        o,
        "--to",
        "xml",
        "--incremental",
        "--set",
        "session=Eightieth session",
    ]);
    assert!(
        stderr.contains(&format!("{n} converted")) && !stderr.contains("unchanged"),
        "options changed: {stderr}"
    );
}

#[test]
fn shards_split_the_inputs_without_overlap_or_gap() {
    let input = many_inputs(40);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut total = 0;
    for k in 1..=3 {
        let out = tempfile::tempdir().expect("tempdir");
        let shard = format!("{k}/3");
        let (code, stderr) = convert(&[
            input.path().to_str().expect("path"),
            "-o",
            out.path().to_str().expect("path"),
            "--to",
            "xml",
            "--shard",
            &shard,
        ]);
        assert_eq!(code, 0, "{stderr}");
        let m = manifest(out.path(), &format!("undoc-manifest-{k}-of-3.json"));
        for doc in m["documents"].as_array().expect("documents") {
            total += 1;
            seen.insert(doc["input"].as_str().expect("input").to_string());
        }
    }
    assert_eq!(total, 40, "no overlap");
    assert_eq!(seen.len(), 40, "no gap");
    let (code, _, stderr) = run(&["validate", "--shard", "4/3", "samples"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
#[cfg(unix)]
fn an_interrupt_leaves_complete_files_and_a_manifest_of_what_completed() {
    let input = many_inputs(3000);
    let out = tempfile::tempdir().expect("tempdir");
    let mut child = common::undoc()
        .args(["convert"])
        .arg(input.path())
        .arg("-o")
        .arg(out.path())
        .args(["--to", "xml", "-j", "2"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("undoc starts");
    let started = std::time::Instant::now();
    while std::fs::read_dir(out.path()).expect("out").count() < 20 {
        assert!(started.elapsed().as_secs() < 60, "no output appeared");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("undoc ends");
    assert_eq!(status.code(), Some(130));
    let m = manifest(out.path(), "undoc-manifest.json");
    let docs = m["documents"].as_array().expect("documents");
    assert!(
        !docs.is_empty() && docs.len() < 3000,
        "{} documents",
        docs.len()
    );
    for doc in docs {
        let path = out
            .path()
            .join(doc["outputs"][0]["path"].as_str().expect("path"));
        assert_eq!(
            doc["outputs"][0]["sha256"],
            sha256(&path),
            "complete output"
        );
    }
    let leftovers: Vec<PathBuf> = std::fs::read_dir(out.path())
        .expect("out")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Starts `undoc convert` on `input` into `out` with `args`, and sends it
/// `signal` once `outputs` files are in `out`.
#[cfg(unix)]
fn convert_until(
    input: &Path,
    out: &Path,
    args: &[&str],
    outputs: usize,
    signal: &str,
) -> std::process::ExitStatus {
    let mut child = common::undoc()
        .arg("convert")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(args)
        .arg("-q")
        .spawn()
        .expect("undoc starts");
    let started = std::time::Instant::now();
    while std::fs::read_dir(out).expect("out").count() < outputs {
        assert!(started.elapsed().as_secs() < 60, "no output appeared");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let killed = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    child.wait().expect("undoc ends")
}

fn inputs_listed(m: &Value) -> Vec<String> {
    m["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["input"].as_str().expect("input").to_string())
        .collect()
}

#[test]
#[cfg(unix)]
fn a_killed_run_leaves_the_previous_manifest_whole_and_the_next_completes_it() {
    let input = many_inputs(300);
    let out = tempfile::tempdir().expect("tempdir");
    let (i, o) = (
        input.path().to_str().expect("path"),
        out.path().to_str().expect("path"),
    );
    let (code, stderr) = convert(&[i, "-o", o, "--to", "xml"]);
    assert_eq!(code, 0, "{stderr}");
    let first = std::fs::read(out.path().join("undoc-manifest.json")).expect("manifest");

    // The manifest is streamed to a temporary as documents finish; SIGKILL
    // stops the run before it is renamed into place.
    let status = convert_until(
        input.path(),
        out.path(),
        &["--to", "xml,docx"],
        // The first run's 300 XML files and manifest, and 60 DOCX files:
        // the second run is well under way and far from done.
        361,
        "-KILL",
    );
    assert_eq!(status.code(), None, "killed");
    assert_eq!(
        std::fs::read(out.path().join("undoc-manifest.json")).expect("manifest"),
        first,
        "the previous manifest, whole"
    );

    let (code, stderr) = convert(&[i, "-o", o, "--to", "xml,docx"]);
    assert_eq!(code, 0, "{stderr}");
    let m = manifest(out.path(), "undoc-manifest.json");
    let listed = inputs_listed(&m);
    assert_eq!(listed.len(), 300);
    assert!(listed.is_sorted(), "input order");
    assert!(m["documents"][299]["outputs"][1]["path"] == "doc-00299.docx");
    let leftovers: Vec<PathBuf> = std::fs::read_dir(out.path())
        .expect("out")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "the killed run's temporaries go: {leftovers:?}"
    );
}

#[test]
#[cfg(unix)]
fn an_interrupted_incremental_run_is_taken_up_where_it_stopped() {
    let input = many_inputs(1000);
    let out = tempfile::tempdir().expect("tempdir");
    let args = ["--to", "xml", "--incremental", "-j", "2"];
    let status = convert_until(input.path(), out.path(), &args, 20, "-INT");
    assert_eq!(status.code(), Some(130));
    let done = inputs_listed(&manifest(out.path(), "undoc-manifest.json"));
    assert!(!done.is_empty() && done.len() < 1000, "{} done", done.len());

    let mut all = vec![
        input.path().to_str().expect("path"),
        "-o",
        out.path().to_str().expect("path"),
    ];
    all.extend(args);
    let (code, stderr) = convert(&all);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{} converted, 0 failed, {} unchanged",
            1000 - done.len(),
            done.len()
        )),
        "{stderr}"
    );
    let m = manifest(out.path(), "undoc-manifest.json");
    let listed = inputs_listed(&m);
    assert_eq!(listed.len(), 1000);
    assert!(listed.is_sorted());
    for (entry, input) in m["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .zip(&listed)
    {
        let expected = if done.contains(input) {
            "unchanged"
        } else {
            "converted"
        };
        assert_eq!(entry["status"], expected, "{input}");
    }
}

#[test]
#[cfg(unix)]
fn shards_running_at_once_into_one_directory_each_stream_their_own_manifest() {
    let input = many_inputs(90);
    let out = tempfile::tempdir().expect("tempdir");
    let children: Vec<_> = (1..=3)
        .map(|k| {
            common::undoc()
                .arg("convert")
                .arg(input.path())
                .arg("-o")
                .arg(out.path())
                .args(["--to", "xml", "-j", "1", "-q", "--shard", &format!("{k}/3")])
                .spawn()
                .expect("undoc starts")
        })
        .collect();
    for mut child in children {
        assert_eq!(child.wait().expect("undoc ends").code(), Some(0));
    }
    let mut seen = BTreeSet::new();
    for k in 1..=3 {
        let m = manifest(out.path(), &format!("undoc-manifest-{k}-of-3.json"));
        let listed = inputs_listed(&m);
        assert!(listed.is_sorted());
        for (doc, input) in m["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .zip(listed)
        {
            let path = out
                .path()
                .join(doc["outputs"][0]["path"].as_str().expect("path"));
            assert_eq!(doc["outputs"][0]["sha256"], sha256(&path));
            assert!(seen.insert(input), "no overlap");
        }
    }
    assert_eq!(seen.len(), 90, "no gap");
    let names: Vec<String> = std::fs::read_dir(out.path())
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".xml") && n != "figures")
        .collect();
    assert_eq!(names.len(), 3, "three manifests, no temporary: {names:?}");
}

#[test]
fn plain_progress_lines_and_quiet() {
    let input = many_inputs(60);
    let out = tempfile::tempdir().expect("tempdir");
    let (code, stderr) = convert(&[
        input.path().to_str().expect("path"),
        "-o",
        out.path().to_str().expect("path"),
        "--to",
        "xml",
    ]);
    assert_eq!(code, 0);
    assert!(stderr.contains("undoc: 30/60 documents (50%)"), "{stderr}");
    assert!(
        stderr.contains("60 documents: 60 converted, 0 failed; wrote xml 60"),
        "{stderr}"
    );
    let (code, stderr) = convert(&[
        input.path().to_str().expect("path"),
        "-o",
        out.path().to_str().expect("path"),
        "--to",
        "xml",
        "--quiet",
    ]);
    assert_eq!(code, 0);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn ci_report_formats() {
    let invalid = root().join("tests/fixtures/invalid");
    let path = invalid.to_str().expect("path");
    let fixtures = std::fs::read_dir(&invalid).expect("fixtures").count();

    let (code, junit, _) = run(&["validate", "--format", "junit", path]);
    assert_eq!(code, 1);
    assert_eq!(junit.matches("<testcase ").count(), fixtures);
    assert_eq!(junit.matches("<failure ").count(), fixtures);

    let (_, sarif, _) = run(&["validate", "--format", "sarif", path]);
    let log: Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() >= fixtures);
    assert!(
        results.iter().all(
            |r| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64() > Some(0)
        )
    );

    let (_, github, _) = run(&["validate", "--format", "github", path]);
    let first = github.lines().next().expect("a command");
    assert!(
        first.starts_with("::error file=")
            && first.contains(",line=")
            && first.contains("::[UND020]"),
        "{first}"
    );
}

#[test]
fn deny_warnings_makes_warnings_fail() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("wrong-language.txt");
    let text = std::fs::read_to_string(root().join("samples/report-en.txt")).expect("sample");
    std::fs::write(&file, text.replacen("---\n", "---\nlanguage: zh\n", 1)).expect("write");
    common::keep_figures(&file, text.as_bytes());
    let (code, found) = common::validate_json(&file);
    assert_eq!(code, 0, "a warning alone passes");
    assert!(found.iter().any(|(_, c)| c == "UND035"), "{found:?}");
    let (code, _, _) = run(&["validate", "--deny-warnings", file.to_str().expect("path")]);
    assert_eq!(code, 1);
}

#[test]
#[cfg(unix)]
fn a_terminal_gets_a_progress_bar() {
    let Some(script) = common::tool("script") else {
        return;
    };
    let input = many_inputs(30);
    let out = tempfile::tempdir().expect("tempdir");
    let command = format!(
        "{} convert {} -o {} --to xml",
        env!("CARGO_BIN_EXE_undoc"),
        input.path().display(),
        out.path().display()
    );
    // `script` runs the command on a pseudo-terminal and copies what it shows.
    let shown = std::process::Command::new(script)
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script runs");
    let screen = String::from_utf8_lossy(&shown.stdout);
    assert!(shown.status.success(), "{screen}");
    assert!(
        screen.contains("/30 documents") && screen.contains("ETA"),
        "a bar: {screen}"
    );
    assert!(
        !screen.contains("undoc: 3/30 documents (10%)"),
        "no plain lines on a terminal: {screen}"
    );
    assert!(screen.contains("30 documents: 30 converted"), "{screen}");
}
