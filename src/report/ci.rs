//! Reports for CI systems: JSON, JUnit XML, SARIF 2.1.0 and GitHub workflow
//! commands. All are deterministic: documents in input order, diagnostics in
//! source order.

use quick_xml::escape::escape;
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
        let name = escape(file(r)).into_owned();
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
                escape(message.as_str()),
                first.map_or("", |d| d.code.as_str()),
                escape(lines.join("\n").as_str())
            ));
        } else if lines.is_empty() {
            out.push_str("/>\n");
        } else {
            out.push_str(&format!(
                ">\n      <system-out>{}</system-out>\n    </testcase>\n",
                escape(lines.join("\n").as_str())
            ));
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
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
            let mut location = json!({ "artifactLocation": { "uri": uri(&file(r)) } });
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

/// A relative path as a SARIF URI reference (forward slashes, spaces escaped).
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
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
            },
            DocReport {
                path: "ok.txt".into(),
                status: Status::Ok,
                diagnostics: Vec::new(),
                outputs: Vec::new(),
                sha256: None,
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
