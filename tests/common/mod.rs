//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use undoc::model::Document;

/// The project's root directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `undoc` binary built for these tests.
pub fn undoc() -> Command {
    Command::new(env!("CARGO_BIN_EXE_undoc"))
}

/// Every sample source under `samples/` (text and XML) and
/// `samples/markdown/` (Markdown drafts), sorted.
pub fn samples() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = ["samples", "samples/markdown"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root().join(dir)).expect("samples/ exists"))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| undoc::read::InputFormat::for_path(p).is_some())
        .collect();
    out.sort();
    out
}

/// The Markdown drafts under `samples/markdown/`, sorted.
pub fn markdown_samples() -> Vec<PathBuf> {
    samples()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect()
}

/// Reads a source file with the reader its name calls for, from its own
/// folder (so figures find their pictures).
pub fn read_file(path: &Path) -> undoc::read::ReadOutcome {
    let bytes = std::fs::read(path).expect("source readable");
    let format = undoc::read::InputFormat::for_path(path).expect("a source format");
    undoc::read::read(
        &undoc::read::Source {
            bytes: &bytes,
            path,
        },
        format,
        &[],
    )
}

/// Reads `bytes` with the reader named `format`, as if from `path`.
pub fn read_as(format: &str, bytes: &[u8], path: &Path) -> undoc::read::ReadOutcome {
    let format = undoc::read::InputFormat::by_name(format).expect("format");
    undoc::read::read(&undoc::read::Source { bytes, path }, format, &[])
}

/// Converts `files` to PDF into `out_dir` with LibreOffice, its profile in
/// `profile` (so runs never share one), and checks that it succeeded.
pub fn libreoffice_to_pdf(soffice: &Path, files: &[PathBuf], out_dir: &Path, profile: &Path) {
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out_dir)
        .args(files)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "soffice failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Copies `samples/figures/` beside `path` when `text` (a sample, perhaps
/// edited) refers to it, so a sample copied elsewhere keeps its pictures.
pub fn keep_figures(path: &Path, text: &[u8]) {
    let refers = text.windows(10).any(|w| w == b"](figures/");
    let Some(dir) = path.parent().filter(|_| refers) else {
        return;
    };
    let target = dir.join("figures");
    std::fs::create_dir_all(&target).expect("figures/");
    for entry in std::fs::read_dir(root().join("samples/figures")).expect("samples/figures") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), target.join(entry.file_name())).expect("copy figure");
    }
}

/// An external checker (xmllint, pdftotext, soffice …) on PATH.
///
/// When it is missing the calling test is skipped with a note, unless
/// `UNDOC_REQUIRE_TOOLS=1` (set by `.ci/run`, which installs them): then a
/// missing tool fails the test, so CI never passes by skipping.
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("UNDOC_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{name} is required (UNDOC_REQUIRE_TOOLS=1) but not installed: run .ci/run or install it"
        );
        eprintln!("note: {name} is not installed; skipping the checks that need it");
    }
    found
}

/// `python3` when it can import `module` (pip package `package`); a missing
/// module skips the calling test with a note, or fails it under
/// `UNDOC_REQUIRE_TOOLS=1`, as [`tool`] does for programs.
pub fn python_module(module: &str, package: &str) -> Option<PathBuf> {
    let python = tool("python3")?;
    let found = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(python);
    }
    assert!(
        std::env::var("UNDOC_REQUIRE_TOOLS").as_deref() != Ok("1"),
        "the Python package {package} is required (UNDOC_REQUIRE_TOOLS=1): pip install {package}"
    );
    eprintln!(
        "note: the Python package {package} is not installed; skipping the checks that need it"
    );
    None
}

/// Runs `undoc` with `args`; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = undoc().args(args).output().expect("undoc runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Converts `inputs` into `dir` with extra `args`; panics unless it exits 0.
pub fn convert(inputs: &[&Path], dir: &Path, args: &[&str]) {
    let mut cmd = undoc();
    cmd.arg("convert")
        .args(inputs)
        .arg("-o")
        .arg(dir)
        .args(args);
    let out = cmd.output().expect("undoc runs");
    assert!(
        out.status.success(),
        "undoc convert failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Splits human diagnostics into one block per diagnostic (a block starts
/// with `error[` or `warning[`).
pub fn blocks(output: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in output.lines() {
        if line.starts_with("error[") || line.starts_with("warning[") || out.is_empty() {
            out.push(String::new());
        }
        if let Some(block) = out.last_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    out
}

/// Whether one diagnostic block of `output` mentions both `needle` and `code`.
pub fn reports(output: &str, needle: &str, code: &str) -> bool {
    blocks(output)
        .iter()
        .any(|b| b.contains(needle) && b.contains(code))
}

/// `undoc validate --format json FILE`: exit code and (line, code) of each diagnostic.
pub fn validate_json(file: &Path) -> (i32, Vec<(u32, String)>) {
    let (code, stdout, _) = run(&["validate", "--format", "json", file.to_str().expect("path")]);
    let all: serde_json::Value = serde_json::from_str(&stdout).expect("a JSON report");
    let found = all
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().expect("line") as u32,
                d["code"].as_str().expect("code").to_string(),
            )
        })
        .collect();
    (code, found)
}

/// Which part of a page to read codes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// The whole page.
    Whole,
    /// The left half.
    Left,
    /// The right half.
    Right,
}

/// What zbarimg reads on page 1 of `pdf` (or one half of it), rendered at
/// 200 dpi: one decoded code a line.
pub fn codes_on_first_page(pdftoppm: &Path, zbarimg: &Path, pdf: &Path, half: Half) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let stem = dir.path().join("page");
    let mut args = vec!["-r", "200", "-f", "1", "-l", "1", "-png"];
    // 850 px is mid-page on Letter (1700 px) and A4 (1654 px).
    match half {
        Half::Whole => {}
        Half::Left => args.extend(["-x", "0", "-y", "0", "-W", "850", "-H", "3000"]),
        Half::Right => args.extend(["-x", "850", "-y", "0", "-W", "3000", "-H", "3000"]),
    }
    let out = Command::new(pdftoppm)
        .args(&args)
        .arg(pdf)
        .arg(&stem)
        .output()
        .expect("pdftoppm runs");
    assert!(out.status.success(), "pdftoppm failed on {}", pdf.display());
    let page = std::fs::read_dir(dir.path())
        .expect("pages")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("page 1 rendered");
    let out = Command::new(zbarimg)
        .args(["-q", "--raw"])
        .arg(&page)
        .output()
        .expect("zbarimg runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Checks page 1 of `pdf`, made from `doc`: the QR code of the document's
/// address at one margin (right, or left in right-to-left documents) and the
/// job number's barcode, if any, alone at the other.
pub fn assert_first_page_codes(pdftoppm: &Path, zbarimg: &Path, pdf: &Path, doc: &Document) {
    let symbol = &doc.masthead.symbol.as_ref().expect("a symbol").value;
    let url = format!("https://docs.un.org/{}/{symbol}", doc.lang.code());
    let (qr_half, job_half) = if doc.lang.is_rtl() {
        (Half::Left, Half::Right)
    } else {
        (Half::Right, Half::Left)
    };
    let on_qr_side = codes_on_first_page(pdftoppm, zbarimg, pdf, qr_half);
    assert!(
        on_qr_side.lines().any(|c| c == url),
        "{}: {url} expected in {on_qr_side:?}",
        pdf.display()
    );
    if let Some(job) = &doc.masthead.job_number {
        let digits = undoc::write::barcode::job_barcode_data(&job.value);
        let on_job_side = codes_on_first_page(pdftoppm, zbarimg, pdf, job_half);
        assert!(
            on_job_side.lines().any(|c| c == digits) && !on_job_side.contains(&url),
            "{}: barcode {digits} alone expected in {on_job_side:?}",
            pdf.display()
        );
    }
}
