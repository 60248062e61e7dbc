//! Reports for CI systems: JSON, JUnit XML, SARIF 2.1.0 and GitHub workflow
//! commands. All are deterministic: documents in input order, diagnostics in
//! source order.

use std::path::{Component, Path};

use serde_json::{Value, json};

use crate::diagnostic::{ALL_CODES, Diagnostic, Severity};
use crate::pipeline::{DocReport, Status};

fn file(report: &DocReport) -> String {
    report.path.display().to_string()
}

fn each(reports: &[DocReport]) -> impl Iterator<Item = (&DocReport, &Diagnostic)> {
    reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
}

/// A JSON array with one object per diagnostic.
pub fn json(reports: &[DocReport]) -> String {
    let all: Vec<Value> = each(reports)
        .map(|(r, d)| {
            json!({
                "file": file(r),
                "line": d.span.line,
                "column": d.span.column,
                "severity": d.severity.as_str(),
                "code": d.code.as_str(),
                "message": d.message,
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// JUnit XML: a test suite with one test case per document; a document with
/// errors (or, with `--deny-warnings`, warnings) is a failure.
pub fn junit(reports: &[DocReport]) -> String {
    let failures = reports
        .iter()
        .filter(|r| r.status == Status::Failed)
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"undoc\" tests=\"{}\" failures=\"{failures}\">\n  <testsuite name=\"undoc validate\" tests=\"{}\" failures=\"{failures}\">\n",
        reports.len(),
        reports.len()
    ));
    for r in reports {
        let name = xml_attribute(&file(r));
        out.push_str(&format!(
            "    <testcase classname=\"undoc\" name=\"{name}\""
        ));
        let lines: Vec<String> = r
            .diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{}:{}:{}: {}[{}]: {}",
                    file(r),
                    d.span.line,
                    d.span.column,
                    d.severity.as_str(),
                    d.code.as_str(),
                    d.message
                )
            })
            .collect();
        if r.status == Status::Failed {
            let first = r
                .diagnostics
                .iter()
                .find(|d| d.is_error())
                .or(r.diagnostics.first());
            let message = first.map_or(String::new(), |d| {
                format!("[{}] {}", d.code.as_str(), d.message)
            });
            out.push_str(&format!(
                ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                xml_attribute(&message),
                first.map_or("", |d| d.code.as_str()),
                xml_text(&lines.join("\n"))
            ));
        } else if lines.is_empty() {
            out.push_str("/>\n");
        } else {
            out.push_str(&format!(
                ">\n      <system-out>{}</system-out>\n    </testcase>\n",
                xml_text(&lines.join("\n"))
            ));
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Text as XML 1.0 element content: markup escaped, CR as `&#13;` (a parser
/// would turn it into LF), and the characters XML 1.0 cannot hold even as
/// references (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF)
/// written as the text `\u{1b}`, Rust's notation, so the report stays
/// well-formed and still says which character was there.
fn xml_text(s: &str) -> String {
    xml_escaped(s, false)
}

/// An XML 1.0 attribute value: as [`xml_text`], and tab and LF as
/// references too (a parser would turn them into spaces).
fn xml_attribute(s: &str) -> String {
    xml_escaped(s, true)
}

fn xml_escaped(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' if attribute => out.push_str(&format!("&#{};", c as u32)),
            '\t' | '\n' => out.push(c),
            c if is_xml_char(c) => out.push(c),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` at all (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// SARIF 2.1.0 with every code as a rule and one result per diagnostic.
pub fn sarif(reports: &[DocReport]) -> String {
    let rules: Vec<Value> = ALL_CODES
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "shortDescription": { "text": c.explanation().split(". ").next().unwrap_or("") },
                "fullDescription": { "text": c.explanation() },
                "defaultConfiguration": { "level": level(c.severity()) },
            })
        })
        .collect();
    let results: Vec<Value> = each(reports)
        .map(|(r, d)| {
            let mut location = json!({ "artifactLocation": { "uri": uri(&r.path) } });
            if d.span.line > 0 {
                location["region"] =
                    json!({ "startLine": d.span.line, "startColumn": d.span.column.max(1) });
            }
            json!({
                "ruleId": d.code.as_str(),
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [ { "physicalLocation": location } ],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "undoc",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://undocs.org/",
                "rules": rules,
            } },
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A path as an RFC 3986 URI reference: components joined by `/`, every
/// byte but the unreserved ones (`A-Z a-z 0-9 - . _ ~`) percent-encoded, so
/// `#`, `?`, `%`, `:`, spaces and control characters never change which
/// file the URI names.
fn uri(path: &Path) -> String {
    let mut out = String::new();
    for (i, component) in path.components().enumerate() {
        match component {
            Component::RootDir => {}
            _ if i > 0 && !out.ends_with('/') => out.push('/'),
            _ => {}
        }
        match component {
            Component::RootDir => out.push('/'),
            Component::CurDir => out.push('.'),
            Component::ParentDir => out.push_str(".."),
            Component::Prefix(p) => percent_encode(p.as_os_str().as_encoded_bytes(), &mut out),
            Component::Normal(name) => percent_encode(name.as_encoded_bytes(), &mut out),
        }
    }
    out
}

fn percent_encode(bytes: &[u8], out: &mut String) {
    for &b in bytes {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// GitHub Actions workflow commands, one line per diagnostic.
pub fn github(reports: &[DocReport]) -> String {
    let mut out = String::new();
    for (r, d) in each(reports) {
        let mut props = format!("file={}", property(&file(r)));
        if d.span.line > 0 {
            props.push_str(&format!(
                ",line={},col={}",
                d.span.line,
                d.span.column.max(1)
            ));
        }
        props.push_str(&format!(",title={}", d.code.as_str()));
        out.push_str(&format!(
            "::{} {props}::{}\n",
            level(d.severity),
            data(&format!("[{}] {}", d.code.as_str(), d.message))
        ));
    }
    out
}

fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::model::Span;

    fn reports() -> Vec<DocReport> {
        vec![
            DocReport {
                path: "a, b.txt".into(),
                status: Status::Failed,
                diagnostics: vec![Diagnostic::new(
                    Code::ParaNumbering,
                    Span::new(16, 1),
                    "paragraph 3 <skips>\na number",
                )],
                outputs: Vec::new(),
                sha256: None,
                decisions: Vec::new(),
            },
            DocReport {
                path: "ok.txt".into(),
                status: Status::Ok,
                diagnostics: Vec::new(),
                outputs: Vec::new(),
                sha256: None,
                decisions: Vec::new(),
            },
        ]
    }

    #[test]
    fn github_commands_escape_their_properties_and_data() {
        assert_eq!(
            github(&reports()),
            "::error file=a%2C b.txt,line=16,col=1,title=UND030::[UND030] paragraph 3 <skips>%0Aa number\n"
        );
    }

    #[test]
    fn junit_has_one_case_per_document() {
        let xml = junit(&reports());
        assert_eq!(xml.matches("<testcase").count(), 2);
        assert!(xml.contains("failures=\"1\"") && xml.contains("&lt;skips&gt;"));
    }

    #[test]
    fn xml_reports_hold_no_character_xml_cannot() {
        assert_eq!(
            xml_text("a\u{1}b\u{1b}<c>\r\n\t\u{FFFE}"),
            "a\\u{1}b\\u{1b}&lt;c&gt;&#13;\n\t\\u{fffe}"
        );
        assert_eq!(xml_attribute("\"a\tb\nc\""), "&quot;a&#9;b&#10;c&quot;");
        assert_eq!(xml_text("é 联合国 😀"), "é 联合国 😀");
    }

    #[test]
    fn sarif_uris_encode_every_reserved_byte() {
        assert_eq!(
            uri(Path::new("in/pct%0A,:#?.txt")),
            "in/pct%250A%2C%3A%23%3F.txt"
        );
        assert_eq!(uri(Path::new("a b/c\nd\u{1}.txt")), "a%20b/c%0Ad%01.txt");
        assert_eq!(uri(Path::new("/tmp/./x/../é.txt")), "/tmp/x/../%C3%A9.txt");
        assert_eq!(uri(Path::new("./a.txt")), "./a.txt");
    }

    #[test]
    fn sarif_results_carry_regions() {
        let log: Value = serde_json::from_str(&sarif(&reports())).expect("JSON");
        let result = &log["runs"][0]["results"][0];
        assert_eq!(result["ruleId"], "UND030");
        assert_eq!(
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            16
        );
        assert_eq!(log["version"], "2.1.0");
    }
}
