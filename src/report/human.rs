//! Diagnostics for people, rustc-style (codespan-reporting): the message, the
//! file, line and column (or, in a Word file, the part and place), the source
//! line and a caret under the column. Everything shown comes from the
//! diagnostic's excerpt: the source is never read again.

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::{Error, Files};
use codespan_reporting::term::{self, Config, termcolor::Ansi};

use crate::diagnostic::{Diagnostic, Excerpt, Severity};
use crate::pipeline::DocReport;

/// Renders every diagnostic of one document.
pub fn render(report: &DocReport, color: bool) -> String {
    let name = report.path.display().to_string();
    let config = Config::default();
    let mut out = String::new();
    for d in &report.diagnostics {
        let shown = match &d.excerpt {
            Some(excerpt) if d.span.line > 0 => rich(d, excerpt, &name, &config, color),
            _ => None,
        };
        out.push_str(&shown.unwrap_or_else(|| plain(&name, d)));
    }
    out
}

/// The rustc-style form with the excerpt's line and a caret.
fn rich(
    d: &Diagnostic,
    excerpt: &Excerpt,
    name: &str,
    config: &Config,
    color: bool,
) -> Option<String> {
    let file = ExcerptFile {
        name: match &excerpt.place {
            Some(place) => format!("{name} ({place})"),
            None => name.to_string(),
        },
        line: if excerpt.place.is_some() {
            1
        } else {
            d.span.line as usize
        },
        text: &excerpt.text,
    };
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let report = Report::new(level)
        .with_code(d.code.as_str())
        .with_message(&d.message)
        .with_labels(vec![Label::primary(
            (),
            char_range(&excerpt.text, excerpt.column, excerpt.length),
        )]);
    if color {
        let mut ansi = Ansi::new(Vec::new());
        term::emit_to_write_style(&mut ansi, config, &file, &report)
            .ok()
            .map(|()| String::from_utf8_lossy(&ansi.into_inner()).into_owned())
    } else {
        term::emit_into_string(config, &file, &report).ok()
    }
}

/// The byte range of `length` characters from 1-based `column` of `text`
/// (empty at its end).
fn char_range(text: &str, column: u32, length: u32) -> Range<usize> {
    let skip = column.max(1) as usize - 1;
    let mut chars = text.char_indices().skip(skip);
    let Some((start, _)) = chars.next() else {
        return text.len()..text.len();
    };
    let end = chars
        .nth(length.max(1) as usize - 1)
        .map_or(text.len(), |(at, _)| at);
    start..end
}

/// A one-line "file": the excerpt, numbered with its real line.
struct ExcerptFile<'a> {
    name: String,
    line: usize,
    text: &'a str,
}

impl<'a> Files<'a> for ExcerptFile<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, Error> {
        Ok(self.line)
    }

    fn line_range(&'a self, (): (), _line_index: usize) -> Result<Range<usize>, Error> {
        Ok(0..self.text.len())
    }
}

/// The one-line form, for when no source can be shown.
fn plain(name: &str, d: &Diagnostic) -> String {
    let at = match (&d.excerpt, d.span.line) {
        (
            Some(Excerpt {
                place: Some(place), ..
            }),
            _,
        ) => format!("{name} ({place})"),
        (_, 0) => name.to_string(),
        (_, line) => format!("{name}:{line}:{}", d.span.column.max(1)),
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
    use crate::diagnostic::Code;
    use crate::model::Span;
    use crate::pipeline::{DocReport, Status};

    fn report(diagnostics: Vec<Diagnostic>) -> DocReport {
        DocReport {
            path: "r.txt".into(),
            status: Status::Failed,
            diagnostics,
            outputs: Vec::new(),
            sha256: None,
            decisions: Vec::new(),
        }
    }

    #[test]
    fn shows_the_real_line_number_and_a_caret_under_the_column() {
        let mut d = Diagnostic::new(Code::ParaNumbering, Span::new(42, 3), "skips");
        d.excerpt = Some(Excerpt {
            place: None,
            text: "第二行 x".into(),
            column: 3,
            length: 1,
        });
        let text = render(&report(vec![d]), false);
        assert!(text.contains("r.txt:42:3"), "{text}");
        assert!(text.contains("42 │ 第二行 x"), "{text}");
        assert!(text.contains('^'), "{text}");
    }

    #[test]
    fn the_underline_covers_the_whole_token() {
        let mut d = Diagnostic::new(Code::BadValue, Span::new(9, 1), "bad");
        d.excerpt = Some(Excerpt {
            place: None,
            text: "Distr: General".into(),
            column: 1,
            length: 14,
        });
        let text = render(&report(vec![d]), false);
        assert!(text.contains(&format!("│ {}", "^".repeat(14))), "{text}");
    }

    #[test]
    fn a_place_in_a_package_is_named_and_no_excerpt_gives_the_plain_form() {
        let mut d = Diagnostic::new(Code::ParaNumbering, Span::new(7, 1), "skips");
        d.excerpt = Some(Excerpt {
            place: Some("word/document.xml, paragraph 7".into()),
            text: "12.\tText".into(),
            column: 1,
            length: 3,
        });
        let plain = Diagnostic::new(Code::TooLarge, Span::default(), "too large");
        let text = render(&report(vec![d, plain]), false);
        assert!(
            text.contains("r.txt (word/document.xml, paragraph 7)"),
            "{text}"
        );
        assert!(text.contains("r.txt: error[UND006]: too large"), "{text}");
    }
}
