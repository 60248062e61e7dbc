//! Reporting: diagnostics as people read them (`file:line:col: error[CODE]: …`)
//! or as machines do (JSON), and the one-line summary that ends a run.

use std::time::Duration;

use serde::Serialize;

use crate::pipeline::{DocReport, Status};
use crate::write::OutputFormat;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// `file:line:col: severity[CODE]: message`, one per line.
    Human,
    /// A JSON array with one object per diagnostic.
    Json,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: u32,
    column: u32,
    severity: &'a str,
    code: &'a str,
    message: &'a str,
}

/// Renders every diagnostic of `reports`.
pub fn render(reports: &[DocReport], format: ReportFormat) -> String {
    match format {
        ReportFormat::Human => {
            let mut out = String::new();
            for report in reports {
                for d in &report.diagnostics {
                    let file = report.path.display();
                    let at = if d.span.line > 0 {
                        format!("{file}:{}:{}", d.span.line, d.span.column.max(1))
                    } else {
                        file.to_string()
                    };
                    out.push_str(&format!(
                        "{at}: {}[{}]: {}\n",
                        d.severity.as_str(),
                        d.code.as_str(),
                        d.message
                    ));
                }
            }
            out
        }
        ReportFormat::Json => {
            let all: Vec<JsonDiagnostic> = reports
                .iter()
                .flat_map(|r| {
                    r.diagnostics.iter().map(move |d| JsonDiagnostic {
                        file: r.path.display().to_string(),
                        line: d.span.line,
                        column: d.span.column,
                        severity: d.severity.as_str(),
                        code: d.code.as_str(),
                        message: &d.message,
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".into());
            s.push('\n');
            s
        }
    }
}

/// The line that ends a run, e.g.
/// `undoc: 7 documents: 6 converted, 1 failed; wrote xml 6 in 0.12 s (58 documents/s)`.
pub fn summary(reports: &[DocReport], verb: &str, elapsed: Duration) -> String {
    let total = reports.len();
    let failed = reports
        .iter()
        .filter(|r| r.status == Status::Failed)
        .count();
    let warnings: usize = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter(|d| !d.is_error())
        .count();
    let mut line = format!(
        "undoc: {total} document{}: {} {verb}, {failed} failed",
        if total == 1 { "" } else { "s" },
        total - failed
    );
    if warnings > 0 {
        line.push_str(&format!(
            ", {warnings} warning{}",
            if warnings == 1 { "" } else { "s" }
        ));
    }
    let written: Vec<String> = OutputFormat::ALL
        .iter()
        .filter_map(|&f| {
            let n = reports
                .iter()
                .flat_map(|r| &r.outputs)
                .filter(|o| o.format == f)
                .count();
            (n > 0).then(|| format!("{} {n}", f.extension()))
        })
        .collect();
    if !written.is_empty() {
        line.push_str(&format!("; wrote {}", written.join(", ")));
    }
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { total as f64 / secs } else { 0.0 };
    line.push_str(&format!(" in {secs:.2} s ({rate:.0} documents/s)"));
    line
}
