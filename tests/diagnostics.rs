//! Diagnostics as a person meets them: one error per root cause, at the
//! line it concerns, the whole token underlined, "did you mean" for near
//! misses, long lines cut around the caret, a malformed symbol in running
//! text a warning.

mod common;

use std::path::Path;

use common::{blocks, keep_figures, root, run};

/// `samples/<name>` with `from` replaced by `to`, validated: exit code and human output.
fn validate_edited(name: &str, from: &str, to: &str) -> (i32, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(root().join("samples").join(name)).expect("sample");
    assert!(text.contains(from), "{from} in {name}");
    let edited = text.replacen(from, to, 1);
    let path = dir.path().join(Path::new(name).file_name().expect("name"));
    std::fs::write(&path, &edited).expect("write");
    keep_figures(&path, edited.as_bytes());
    let (code, stdout, _) = run(&["validate", "-q", path.to_str().expect("path")]);
    (code, stdout)
}

#[test]
fn a_distribution_typo_is_one_error_at_its_line_with_the_line_underlined() {
    let (code, out) = validate_edited("report-en.txt", "Distr.: General", "Distr.: Generl");
    assert_eq!(code, 1);
    let found = blocks(&out);
    assert_eq!(found.len(), 1, "one root cause, one error:\n{out}");
    assert!(
        found[0].contains("UND011") && found[0].contains(":9:1"),
        "{out}"
    );
    assert!(found[0].contains("did you mean `General`?"), "{out}");
    assert!(
        found[0].contains(&"^".repeat("Distr.: Generl".len())),
        "{out}"
    );
}

#[test]
fn masthead_words_get_suggestions_at_their_lines() {
    let (_, out) = validate_edited("report-en.txt", "Original: English", "Original: Englsh");
    assert_eq!(blocks(&out).len(), 1, "{out}");
    assert!(
        out.contains(":11:1") && out.contains("did you mean `English`?"),
        "{out}"
    );
    let (_, out) = validate_edited("report-en.txt", "4 August 2025", "4 Agust 2025");
    assert_eq!(blocks(&out).len(), 1, "{out}");
    assert!(
        out.contains(":10:1") && out.contains("did you mean `August`?"),
        "{out}"
    );
    let (_, out) = validate_edited(
        "markdown/draft-en.md",
        "symbol: A/80/312",
        "sybmol: A/80/312",
    );
    assert!(
        out.contains("did you mean `symbol`?") && out.contains(":4:1"),
        "{out}"
    );
    assert!(out.contains("^^^^^^\n"), "the key underlined: {out}");
}

#[test]
fn a_missing_field_points_at_the_masthead_not_line_1() {
    let (code, out) = validate_edited("markdown/draft-en.md", "date: 2025-08-04\n", "");
    assert_eq!(code, 1);
    assert!(
        out.contains("UND012") && out.contains("draft-en.md:4:1"),
        "{out}"
    );
}

#[test]
fn a_malformed_symbol_in_running_text_is_a_warning_cut_around_the_caret() {
    let (code, out) = validate_edited("markdown/draft-en.md", "(A/RES/70/1)", "(A/HRC/54//32)");
    assert_eq!(code, 0, "a warning only: {out}");
    assert!(
        out.contains("warning[UND017]") && out.contains("A/HRC/54//32"),
        "{out}"
    );
    assert!(
        out.contains('…') && out.contains(&"^".repeat(12)),
        "cut, the token underlined: {out}"
    );
}
