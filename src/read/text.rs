//! Reader for UN report text: the form archived reports take once extracted
//! to plain text (see `samples/` and the README's "Source format").
//!
//! The reader recovers the masthead, title, chapters, sections, numbered
//! paragraphs and the lists they hold, in all six languages' numbering
//! conventions, and strips extraction debris (leading ` - `, `[X](#)` links,
//! stray indentation, blank lines inside lists).

mod extracted;
pub(crate) mod figure;
pub(crate) mod labels;
mod masthead;
mod structure;
pub(crate) mod table;

use super::fields;
use super::{ReadOutcome, Source, XmlWatch};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;

pub use labels::{Label, classify};
pub(crate) use masthead::{is_job_number, looks_like_dates};
pub(crate) use table::caption_number;

/// One source line, cleaned of indentation and list debris.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: u32,
    /// 1-based column (in characters) where `text` starts.
    pub col: u32,
    /// The cleaned text; empty for a blank line.
    pub text: &'a str,
}

impl Line<'_> {
    fn span(&self) -> Span {
        Span::new(self.no, self.col)
    }
}

/// Reads a UN report text source from its bytes (UTF-8, or UTF-16 with a
/// byte order mark).
pub fn read_source(source: &Source) -> ReadOutcome {
    super::read_decoded(source, |text| parse_text(text, source, None))
}

/// Reads a UN report text from `source`'s decoded text (its pictures are
/// looked for beside it).
pub fn parse_text(text: &str, source: &Source, _: Option<&mut dyn XmlWatch>) -> ReadOutcome {
    read_in(text, source.dir())
}

/// Whether a file's first bytes look like text: UTF-8 (a character may be
/// cut at the end) or UTF-16 with a byte order mark, no NUL, not XML.
pub fn looks_like(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let utf8 = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    let text = utf8.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    !text.is_empty() && !text.contains('\0') && !text.starts_with('<') && !text.starts_with("%PDF-")
}

/// Reads a UN report text source held in memory (figures' pictures cannot
/// be found: there is no folder).
pub fn read(source: &str) -> ReadOutcome {
    read_in(source, None)
}

/// Reads a UN report text source whose figures' pictures are in `dir`.
/// Text extracted from a PDF (pages ended by form feeds) is first turned
/// into the cleaned form (see `extracted`), its lines keeping their numbers.
pub fn read_in(source: &str, dir: Option<&std::path::Path>) -> ReadOutcome {
    let mut outcome = if extracted::is_extracted(source) {
        read_extracted(source, dir)
    } else {
        let lines: Vec<Line> = source
            .split('\n')
            .enumerate()
            .map(|(i, raw)| clean(i as u32 + 1, raw))
            .collect();
        read_lines(&lines, dir, Vec::new())
    };
    if let Some(doc) = &mut outcome.document {
        // Text tells no paper size: a `V.` job number is all it has.
        doc.masthead.infer_duty_station(false);
    }
    outcome
}

/// [`read_in`] for text extracted from a PDF.
fn read_extracted(source: &str, dir: Option<&std::path::Path>) -> ReadOutcome {
    let mut normalised = extracted::normalise(source);
    let lines: Vec<Line> = normalised
        .lines
        .iter()
        .map(|(no, text)| clean(*no, text))
        .collect();
    let found = std::mem::take(&mut normalised.diagnostics);
    let mut outcome = read_lines(&lines, dir, found);
    if let Some(doc) = &mut outcome.document {
        normalised.mend_numbering(doc);
        normalised.restore_lead_marks(doc);
    }
    outcome.diagnostics.append(&mut normalised.diagnostics);
    outcome.decisions = std::mem::take(&mut normalised.decisions);
    if let (Some(doc), Some(no)) = (&mut outcome.document, normalised.contents_at) {
        // Dropped from the text, its place kept: the writers set it again.
        doc.contents = Some(crate::model::Contents {
            before_summary: doc.summary.as_ref().is_some_and(|s| s.span.line > no),
            span: Span::new(no, 1),
        });
    }
    if let (Some(doc), Some((job, no))) = (&mut outcome.document, normalised.job_number)
        && doc.masthead.job_number.is_none()
    {
        doc.masthead.job_number = Some(crate::model::Spanned::new(job, Span::new(no, 1)));
    }
    outcome
}

/// The cleaned form of text extracted from a PDF, as the reader reads it
/// (one line per block), for review; `None` for text that is not extracted.
pub fn clean_extracted(source: &str) -> Option<String> {
    if !extracted::is_extracted(source) {
        return None;
    }
    let lines: Vec<String> = extracted::normalise(source)
        .lines
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    Some(lines.join("\n"))
}

/// Reads cleaned lines; `diagnostics` holds what was found before.
fn read_lines(
    lines: &[Line],
    dir: Option<&std::path::Path>,
    mut diagnostics: Vec<Diagnostic>,
) -> ReadOutcome {
    let (front, body_start) = match front_matter(lines) {
        Ok(found) => found,
        Err(d) => return ReadOutcome::failed(d),
    };
    let head = masthead::read(&lines[body_start..], &mut diagnostics);
    let Some(head) = head else {
        let at = lines[body_start..]
            .iter()
            .find(|l| !l.text.is_empty())
            .map_or(Span::new(1, 1), Line::span);
        return ReadOutcome::failed(Diagnostic::new(
            Code::MissingTitle,
            at,
            "no title found: after the masthead, the first line that is not a heading or numbered paragraph is the title",
        ));
    };
    let rest = &lines[body_start + head.consumed..];
    let context = structure::Context {
        lang: head.lang,
        dir,
    };
    let built = structure::build(rest, &context, &mut diagnostics);
    let (summary, preamble) = split_summary(built.preamble, head.lang);
    let mut doc = crate::model::Document {
        lang: head.lang,
        masthead: head.masthead,
        title: head.title,
        subtitle: head.subtitle,
        summary,
        contents: None,
        preamble,
        body: built.body,
        footnotes: built.footnotes,
        annexes: built.annexes,
    };
    for (key, value, span) in front {
        if let Err(d) = fields::apply(&mut doc, key, value, span) {
            diagnostics.push(d);
        }
    }
    ReadOutcome {
        document: Some(doc),
        diagnostics,
        ..ReadOutcome::default()
    }
}

/// A preamble that opens with the word "Summary" (in the document's
/// language) on a line of its own is the report's summary box.
fn split_summary(
    preamble: Vec<crate::model::Block>,
    lang: crate::lang::Lang,
) -> (Option<crate::model::Summary>, Vec<crate::model::Block>) {
    use crate::model::{Block, Summary, plain_text};
    let opens = matches!(
        preamble.first(),
        Some(Block::Text(t)) if plain_text(&t.value).trim() == lang.summary_word()
    );
    if !opens {
        return (None, preamble);
    }
    let mut blocks = preamble.into_iter();
    let (heading, span) = match blocks.next() {
        Some(Block::Text(t)) => (Some(t.value), t.span),
        _ => (None, Span::default()),
    };
    (
        Some(Summary {
            heading,
            blocks: blocks.collect(),
            span,
        }),
        Vec::new(),
    )
}

/// Strips indentation (including ideographic and no-break spaces) and the
/// ` - ` / `•` marks that extraction leaves before list labels.
fn clean(no: u32, raw: &str) -> Line<'_> {
    let is_space = |c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}';
    let mut text = raw.trim_start_matches(is_space);
    for mark in ["- ", "– ", "• ", "· "] {
        if let Some(rest) = text.strip_prefix(mark) {
            text = rest.trim_start_matches(is_space);
            break;
        }
    }
    let skipped = raw.len() - text.len();
    let col = raw[..skipped].chars().count() as u32 + 1;
    Line {
        no,
        col,
        text: text.trim_end_matches(is_space),
    }
}

type FrontMatter<'a> = Vec<(&'a str, &'a str, Span)>;

/// Reads an optional `---` … `---` block of `key: value` lines at the top.
fn front_matter<'a>(lines: &[Line<'a>]) -> Result<(FrontMatter<'a>, usize), Diagnostic> {
    if lines.first().is_none_or(|l| l.text != "---") {
        return Ok((Vec::new(), 0));
    }
    let mut entries = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(1) {
        if line.text == "---" {
            return Ok((entries, i + 1));
        }
        if line.text.is_empty() || line.text.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.text.split_once(':') else {
            return Err(Diagnostic::new(
                Code::FrontMatter,
                line.span(),
                format!("front matter line `{}` is not `key: value`", line.text),
            ));
        };
        let key = key.trim();
        if !fields::KEYS.contains(&key) {
            return Err(Diagnostic::new(
                Code::FrontMatter,
                line.span(),
                format!(
                    "unknown front matter key `{key}`{}: the keys are {}",
                    crate::suggest::did_you_mean(key, fields::KEYS),
                    fields::KEYS.join(", ")
                ),
            )
            .with_length(key.chars().count() as u32));
        }
        entries.push((key, value.trim(), line.span()));
    }
    Err(Diagnostic::new(
        Code::FrontMatter,
        Span::new(1, 1),
        "the front matter opened by `---` on line 1 is never closed by a second `---`",
    ))
}

#[cfg(test)]
mod tests;
