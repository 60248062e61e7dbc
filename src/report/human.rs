//! Diagnostics for people, rustc-style (codespan-reporting): the message, the
//! file, line and column, the source line and a caret under the column.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, termcolor::Ansi};

use crate::diagnostic::{Diagnostic, Severity};
use crate::pipeline::DocReport;

/// Renders every diagnostic of one document. The source is read again (only
/// for documents that have diagnostics) so the line can be shown.
pub fn render(report: &DocReport, color: bool) -> String {
    if report.diagnostics.is_empty() {
        return String::new();
    }
    let name = report.path.display().to_string();
    let source = std::fs::read(&report.path)
        .ok()
        .and_then(|bytes| crate::read::decode(&bytes).ok())
        .unwrap_or_default();
    let mut files = SimpleFiles::new();
    let file = files.add(name.clone(), source.as_str());
    let config = Config::default();
    let starts = line_starts(&source);
    let mut out = String::new();
    for d in &report.diagnostics {
        let rich = to_report(d, file, &name, &source, &starts);
        let rendered = if color {
            let mut ansi = Ansi::new(Vec::new());
            term::emit_to_write_style(&mut ansi, &config, &files, &rich)
                .map(|()| String::from_utf8_lossy(&ansi.into_inner()).into_owned())
        } else {
            term::emit_into_string(&config, &files, &rich)
        };
        match rendered {
            Ok(text) => out.push_str(&text),
            Err(_) => out.push_str(&plain(&name, d)),
        }
    }
    out
}

fn to_report(
    d: &Diagnostic,
    file: usize,
    name: &str,
    source: &str,
    starts: &[usize],
) -> Report<usize> {
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let report = Report::new(level)
        .with_code(d.code.as_str())
        .with_message(&d.message);
    match byte_range(source, starts, d.span.line, d.span.column) {
        Some(range) => report.with_labels(vec![Label::primary(file, range)]),
        None => report.with_notes(vec![format!("in {name}")]),
    }
}

/// Byte offsets where each line of `source` starts.
fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The byte range of the character at (line, column), both 1-based.
fn byte_range(
    source: &str,
    starts: &[usize],
    line: u32,
    column: u32,
) -> Option<std::ops::Range<usize>> {
    let start = *starts.get((line as usize).checked_sub(1)?)?;
    let text = &source[start..];
    let text = &text[..text.find('\n').unwrap_or(text.len())];
    let skip = column.max(1) as usize - 1;
    let (offset, c) = text.char_indices().nth(skip).unwrap_or((text.len(), ' '));
    let end = if offset < text.len() {
        offset + c.len_utf8()
    } else {
        offset
    };
    Some(start + offset..start + end)
}

/// The one-line form, for when the source cannot be shown.
fn plain(name: &str, d: &Diagnostic) -> String {
    let at = if d.span.line > 0 {
        format!("{name}:{}:{}", d.span.line, d.span.column.max(1))
    } else {
        name.to_string()
    };
    format!(
        "{at}: {}[{}]: {}\n",
        d.severity.as_str(),
        d.code.as_str(),
        d.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_follow_lines_and_characters() {
        let source = "first\n第二行 x\nthird";
        let starts = line_starts(source);
        assert_eq!(byte_range(source, &starts, 1, 1), Some(0..1));
        assert_eq!(byte_range(source, &starts, 2, 2), Some(9..12));
        assert_eq!(byte_range(source, &starts, 2, 99), Some(17..17));
        assert_eq!(byte_range(source, &starts, 0, 1), None);
        assert_eq!(byte_range(source, &starts, 9, 1), None);
    }
}
