//! The command-line habits people bring from pandoc and cargo: `-o FILE`,
//! `-` for standard input and output, file permissions, "did you mean",
//! `explain` with examples, `schema`, shell completions and the man page,
//! each checked by its real consumer where there is one (bash, man, xmllint).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{root, run, tool, undoc};

fn draft(lang: &str) -> std::path::PathBuf {
    root().join(format!("samples/markdown/draft-{lang}.md"))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Runs `undoc args` under `sh` with umask 022, as a login shell has it.
fn run_with_umask(args: &[&str]) -> (i32, String) {
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!(
        "umask 022; exec '{}' {}",
        env!("CARGO_BIN_EXE_undoc"),
        quoted.join(" ")
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .output()
        .expect("sh runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("output")
        .permissions()
        .mode()
        & 0o777
}

#[test]
#[cfg(unix)]
fn dash_o_file_writes_that_file_with_the_usual_permissions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = dir.path().join("r.docx");
    let (code, stderr) = run_with_umask(&["convert", s(&draft("en")), "-o", s(&docx), "-q"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(docx.is_file(), "a file, not a directory");
    assert_eq!(mode(&docx), 0o644);
    assert!(std::fs::read(&docx).expect("docx").starts_with(b"PK"));
    // A batch into a directory: 0644 too.
    let out = dir.path().join("out");
    let (code, stderr) = run_with_umask(&[
        "convert",
        s(&draft("fr")),
        "-o",
        s(&out),
        "--to",
        "xml",
        "-q",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(mode(&out.join("draft-fr.xml")), 0o644);
}

#[test]
fn dash_reads_standard_input_and_dash_o_dash_writes_standard_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("r.xml");
    let (code, _, stderr) = run(&["convert", s(&draft("zh")), "-o", s(&file), "-q"]);
    assert_eq!(code, 0, "{stderr}");
    let mut child = undoc()
        .args([
            "convert", "-", "--from", "markdown", "-o", "-", "--to", "xml", "-q",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("undoc runs");
    let source = std::fs::read(draft("zh")).expect("draft");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&source)
        .expect("write");
    let out = child.wait_with_output().expect("undoc ends");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        out.stdout,
        std::fs::read(&file).expect("xml"),
        "the same bytes"
    );
}

#[test]
fn standard_input_without_from_is_recognised_and_named_in_diagnostics() {
    let mut child = undoc()
        .args(["validate", "-", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("undoc runs");
    let text = std::fs::read_to_string(draft("en"))
        .expect("draft")
        .replace("symbol: A/80/312", "symbol: A/80//312");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("undoc ends");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.contains("<stdin>:4:9"), "{stdout}");
}

#[test]
fn one_output_needs_one_input_and_one_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let samples = root().join("samples");
    let pdf = dir.path().join("x.pdf");
    let (code, _, stderr) = run(&["convert", s(&samples), "-o", s(&pdf)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("give a directory"), "{stderr}");
    assert!(!pdf.exists());
    let (code, _, stderr) = run(&["convert", s(&draft("en")), "-o", "-"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--to"), "{stderr}");
    let (code, _, stderr) = run(&["convert", s(&draft("en")), "-o", s(&pdf), "--to", "xml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("ends in .pdf"), "{stderr}");
}

#[test]
fn misspelt_names_get_a_suggestion() {
    let (code, _, stderr) = run(&["convert", s(&draft("en")), "-o", "out", "--to", "dcox"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `docx`?"), "{stderr}");
    let (_, _, stderr) = run(&[
        "convert", "-", "--from", "markdwn", "-o", "-", "--to", "xml",
    ]);
    assert!(stderr.contains("did you mean `markdown`?"), "{stderr}");
    let (_, _, stderr) = run(&["explain", "UND30"]);
    assert!(stderr.contains("did you mean `UND030`?"), "{stderr}");
}

#[test]
fn explain_shows_the_mistake_and_its_fix_and_lists_the_codes() {
    let (code, stdout, _) = run(&["explain", "und010"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("sybmol: A/80/312") && stdout.contains("Fix:"),
        "{stdout}"
    );
    let (code, stdout, _) = run(&["explain", "--list"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), undoc::diagnostic::ALL_CODES.len());
    assert!(
        stdout.lines().any(|l| l.starts_with("UND016  warning")),
        "{stdout}"
    );
}

#[test]
fn the_printed_schema_validates_the_xml_and_xpath_queries_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, xsd, _) = run(&["schema"]);
    assert_eq!(xsd, undoc::validate::xsd::UNDOC_XSD);
    let Some(xmllint) = tool("xmllint") else {
        return;
    };
    std::fs::write(dir.path().join("undoc.xsd"), xsd).expect("xsd");
    std::fs::write(dir.path().join("xml.xsd"), run(&["schema", "xml"]).1).expect("xml.xsd");
    let xml = dir.path().join("r.xml");
    assert_eq!(run(&["convert", s(&draft("en")), "-o", s(&xml), "-q"]).0, 0);
    let valid = Command::new(&xmllint)
        .args([
            "--noout",
            "--schema",
            s(&dir.path().join("undoc.xsd")),
            s(&xml),
        ])
        .output()
        .expect("xmllint runs");
    assert!(
        valid.status.success(),
        "{}",
        String::from_utf8_lossy(&valid.stderr)
    );
    // The README's queries: the namespace named in an --xpath predicate,
    // and bound to a prefix in xmllint's shell.
    let count = Command::new(&xmllint)
        .args([
            "--xpath",
            "count(//*[namespace-uri()='urn:undoc:1' and local-name()='para'])",
            s(&xml),
        ])
        .output()
        .expect("xmllint runs");
    let paras: usize = String::from_utf8_lossy(&count.stdout)
        .trim()
        .parse()
        .expect("a count");
    assert!(paras >= 10, "{paras} paragraphs");
    let mut shell = Command::new(&xmllint)
        .args(["--shell", s(&xml)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("xmllint runs");
    let query = b"setns u=urn:undoc:1\nxpath string(//u:masthead/u:symbol)\n";
    shell
        .stdin
        .take()
        .expect("stdin")
        .write_all(query)
        .expect("query");
    let out = shell.wait_with_output().expect("xmllint ends");
    assert!(String::from_utf8_lossy(&out.stdout).contains("A/80/312"));
}

/// `--schema FILE` compiles the file with its imports read beside it, in
/// a folder whose name needs escaping in a URL; a schema that refuses the
/// document fails it, and one whose import is missing is a usage error
/// that names the file.
#[test]
fn validate_with_a_schema_file_reads_its_imports_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let schemas = dir.path().join("our schemas #2");
    std::fs::create_dir(&schemas).expect("dir");
    let undoc_xsd = schemas.join("undoc.xsd");
    std::fs::write(&undoc_xsd, run(&["schema"]).1).expect("undoc.xsd");
    std::fs::write(schemas.join("xml.xsd"), run(&["schema", "xml"]).1).expect("xml.xsd");
    let xml = dir.path().join("r.xml");
    assert_eq!(run(&["convert", s(&draft("fr")), "-o", s(&xml), "-q"]).0, 0);
    for path in [
        undoc_xsd.clone(),
        Path::new("our schemas #2/undoc.xsd").to_path_buf(),
    ] {
        let out = undoc()
            .current_dir(dir.path())
            .args(["validate", "-q", "--schema", s(&path), s(&xml)])
            .output()
            .expect("undoc runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The same schema, with the document's title (its first) renamed.
    let narrower = schemas.join("narrower.xsd");
    let text = run(&["schema"]).1;
    assert!(
        text.contains("<xs:element name=\"title\""),
        "the schema declares a title"
    );
    std::fs::write(
        &narrower,
        text.replacen("name=\"title\"", "name=\"heading-of-it\"", 1),
    )
    .expect("narrower.xsd");
    let (code, stdout, stderr) = run(&["validate", "--schema", s(&narrower), s(&xml)]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("title"), "{stdout}");
    // An import that is not there.
    std::fs::remove_file(schemas.join("xml.xsd")).expect("remove");
    let (code, _, stderr) = run(&["validate", "--schema", s(&undoc_xsd), s(&xml)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("undoc.xsd: the schema does not compile"),
        "{stderr}"
    );
    assert!(stderr.contains("xml.xsd"), "{stderr}");
}

#[test]
fn bash_sources_the_completions() {
    let Some(bash) = tool("bash") else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("undoc.bash");
    std::fs::write(&script, run(&["completions", "bash"]).1).expect("script");
    let check = format!("source '{}' && complete -p undoc", s(&script));
    let out = Command::new(bash)
        .args(["-c", &check])
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("_undoc"));
}

#[test]
fn man_renders_the_man_page() {
    let (code, page, _) = run(&["manpage"]);
    assert_eq!(code, 0);
    assert!(
        page.starts_with(".ie") || page.contains(".TH undoc"),
        "{page}"
    );
    let Some(man) = tool("man") else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("undoc.1");
    std::fs::write(&file, page).expect("page");
    let out = Command::new(man)
        .args(["-l", s(&file)])
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .expect("man runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("NAME") && text.contains("convert"),
        "{text}"
    );
}

/// Runs `undoc args` with standard output a pipe whose reader has already
/// gone, as `undoc … | head -1` leaves it once `head` has its line: the
/// exit status and standard error.
fn run_into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = undoc()
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("undoc runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_reader_that_has_gone_ends_undoc_quietly_with_the_sigpipe_status() {
    let (samples, draft) = (root().join("samples"), draft("en"));
    let invalid = root().join("tests/fixtures/invalid");
    let cases: [&[&str]; 7] = [
        // Reports printed by the workers, document by document.
        &["validate", s(&invalid), "-q"],
        // One report printed at the end.
        &["validate", s(&samples), "--format", "json", "-q"],
        &["validate", s(&draft), "--format", "json", "-q"],
        &["explain", "--list"],
        &["schema"],
        // A converted document written to standard output.
        &["convert", s(&draft), "--to", "xml", "-o", "-", "-q"],
        &["convert", s(&draft), "--to", "pdf", "-o", "-", "-q"],
    ];
    for args in cases {
        let (code, stderr) = run_into_closed_pipe(args);
        assert_eq!(code, Some(141), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} says nothing: {stderr}");
    }
    // With a reader, the same runs print and end as before.
    let out = undoc()
        .args(["explain", "--list"])
        .output()
        .expect("undoc runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("UND001"));
}
