//! Reporting: diagnostics for people (rustc-style, with the source line and a
//! caret) and for CI systems (JSON, JUnit, SARIF, GitHub workflow commands),
//! and the summary that ends a run.

mod ci;
mod human;

use std::time::Duration;

use crate::pipeline::{DocReport, Status};
use crate::read::audit::{self, Action};
use crate::write::OUTPUT_FORMATS;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// rustc-style: `error[UND030]: …` with the file, line, column, source line and caret.
    Human,
    /// A JSON array with one object per diagnostic.
    Json,
    /// JUnit XML: one test case per document.
    Junit,
    /// SARIF 2.1.0: one result per diagnostic.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…,line=…::message`).
    Github,
}

/// Renders the diagnostics of `reports` in `format`. `color` applies to the
/// human format only (use it when the output is a terminal).
pub fn render(reports: &[DocReport], format: ReportFormat, color: bool) -> String {
    match format {
        ReportFormat::Human => reports.iter().map(|r| human::render(r, color)).collect(),
        ReportFormat::Json => ci::json(reports),
        ReportFormat::Junit => ci::junit(reports),
        ReportFormat::Sarif => ci::sarif(reports),
        ReportFormat::Github => ci::github(reports),
    }
}

/// Renders one document's diagnostics for people; used while a batch streams.
pub fn render_human(report: &DocReport, color: bool) -> String {
    human::render(report, color)
}

/// Files of one format written in a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// How many files.
    pub files: usize,
    /// Their pages, for a format that counts them.
    pub pages: u64,
}

/// The reader's decisions on one document, a line each (`--verbose`):
/// `report.txt:12: furniture lines dropped: 2/13  26-04887`.
pub fn render_decisions(report: &DocReport) -> String {
    report
        .decisions
        .iter()
        .map(|d| {
            format!(
                "{}:{}: {}: {}\n",
                report.path.display(),
                d.line,
                d.action.name(),
                d.text
            )
        })
        .collect()
}

/// Counts gathered over a run, for the closing summary.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Documents processed (read, or at least attempted).
    pub documents: usize,
    /// Documents that converted (or validated) without errors.
    pub ok: usize,
    /// Documents skipped as unchanged (`--incremental`).
    pub skipped: usize,
    /// Documents that failed.
    pub failed: usize,
    /// Warnings over all documents.
    pub warnings: usize,
    /// Files written and their pages, per format (in [`OUTPUT_FORMATS`] order).
    pub written: Vec<Written>,
    /// Documents not processed because the run was interrupted.
    pub not_processed: usize,
    /// Files with a source suffix passed over in discovery (not regular files).
    pub skipped_files: usize,
    /// What readers dropped, moved or kept unrebuilt, by action, over all
    /// documents (archive text).
    pub decisions: Vec<(Action, usize)>,
}

impl Summary {
    /// Adds one document's report.
    pub fn add(&mut self, report: &DocReport) {
        self.documents += 1;
        match report.status {
            Status::Ok => self.ok += 1,
            Status::Skipped => self.skipped += 1,
            Status::Failed => self.failed += 1,
        }
        self.warnings += report.diagnostics.iter().filter(|d| !d.is_error()).count();
        for (action, n) in audit::tally(&report.decisions) {
            match self.decisions.iter_mut().find(|(a, _)| *a == action) {
                Some((_, total)) => *total += n,
                None => self.decisions.push((action, n)),
            }
        }
        self.decisions.sort();
        if self.written.is_empty() {
            self.written = vec![Written::default(); OUTPUT_FORMATS.len()];
        }
        for output in &report.outputs {
            let written = &mut self.written[output.format.index()];
            written.files += 1;
            written.pages += u64::from(output.pages.unwrap_or(0));
        }
    }

    /// The closing line, e.g. `undoc: 7 documents: 6 converted, 1 failed;
    /// wrote xml 6, pdf 6 (42 pages) in 0.12 s (58 documents/s)`.
    pub fn line(&self, verb: &str, elapsed: Duration) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut line = format!(
            "undoc: {}: {} {verb}, {} failed",
            plural(self.documents, "document"),
            self.ok,
            self.failed
        );
        if self.skipped > 0 {
            line.push_str(&format!(", {} unchanged (skipped)", self.skipped));
        }
        if self.warnings > 0 {
            line.push_str(&format!(", {}", plural(self.warnings, "warning")));
        }
        let written: Vec<String> = OUTPUT_FORMATS
            .iter()
            .zip(&self.written)
            .filter(|(_, w)| w.files > 0)
            .map(|(f, w)| match w.pages {
                0 => format!("{} {}", f.name, w.files),
                pages => format!("{} {} ({pages} pages)", f.name, w.files),
            })
            .collect();
        if !written.is_empty() {
            line.push_str(&format!("; wrote {}", written.join(", ")));
        }
        if !self.decisions.is_empty() {
            let counts: Vec<String> = self
                .decisions
                .iter()
                .map(|(a, n)| format!("{n} {}", a.name()))
                .collect();
            line.push_str(&format!(
                "; archive text: {} (--verbose lists them)",
                counts.join(", ")
            ));
        }
        let secs = elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            self.documents as f64 / secs
        } else {
            0.0
        };
        line.push_str(&format!(" in {secs:.2} s ({rate:.0} documents/s)"));
        if self.skipped_files > 0 {
            line.push_str(&format!(
                "; skipped {} (not regular files)",
                plural(self.skipped_files, "file")
            ));
        }
        if self.not_processed > 0 {
            line.push_str(&format!(
                "; interrupted: {} not processed",
                plural(self.not_processed, "document")
            ));
        }
        line
    }
}
