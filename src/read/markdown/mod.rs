//! Reader for Markdown drafts: CommonMark with GitHub's tables and
//! footnotes (pulldown-cmark), YAML front matter for the masthead, mapped
//! onto UN structure as the README's "Markdown drafts" says: `#` chapters,
//! `##` sections, `###` and `####` subheadings, top-level numbered lists
//! as numbered paragraphs, tables and figures as in UN report text.
//! Whatever the model cannot hold is a warning at its line.

mod build;
mod floats;
mod front;
mod inlines;
mod lists;
mod source;
mod tree;

use std::path::Path;

use super::{ReadOutcome, Source, XmlWatch, fields};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{Document, Inline, Masthead, Span, Spanned};

/// Reads a Markdown draft from its bytes (UTF-8, or UTF-16 with a byte order mark).
pub fn read_source(source: &Source) -> ReadOutcome {
    super::read_decoded(source, |text| parse_text(text, source, None))
}

/// Reads a Markdown draft from `source`'s decoded text (its pictures are
/// looked for beside it).
pub fn parse_text(text: &str, source: &Source, _: Option<&mut dyn XmlWatch>) -> ReadOutcome {
    read_in(text, source.dir())
}

/// Whether a file's first bytes look like a Markdown draft: text with an
/// ATX heading (`# Title`, `## A. Scope`) at the start of a line, or front
/// matter holding a pandoc `title:` (UN report text has neither).
pub fn looks_like(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let heading = text
        .lines()
        .any(|l| l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### "));
    let front = text.trim_start_matches('\u{feff}').starts_with("---")
        && text.lines().take(20).any(|l| l.starts_with("title:"));
    !text.contains('\0') && (heading || front)
}

/// Reads a Markdown draft held in memory (figures' pictures cannot be found).
pub fn read(text: &str) -> ReadOutcome {
    read_in(text, None)
}

/// Reads a Markdown draft whose figures' pictures are in `dir`.
pub fn read_in(text: &str, dir: Option<&Path>) -> ReadOutcome {
    let src = source::Source::new(text);
    let mut diagnostics = Vec::new();
    let tree = tree::parse(&src, &mut diagnostics);
    let front = match &tree.front {
        Some((yaml, at)) => front::read(yaml, *at, &src, &mut diagnostics),
        None => Vec::new(),
    };
    let lang = language(&front, text);
    let value = |key: &str| front.iter().find(|e| e.key == key);
    let cx = build::Context {
        lang,
        dir,
        titled: value("title").is_some(),
    };
    let built = build::build(&tree.blocks, &src, &cx, &mut diagnostics);
    let spanned = |e: &front::Entry| Spanned::new(plain_inlines(&e.value), e.span);
    let title = value("title").map(spanned).or(built.title);
    let Some(title) = title else {
        diagnostics.push(Diagnostic::new(
            Code::MissingTitle,
            Span::new(1, 1),
            "no title: give it in the front matter (`title: …`) or as a `# Title` heading before the first chapter",
        ));
        return ReadOutcome {
            diagnostics,
            ..ReadOutcome::default()
        };
    };
    let mut doc = Document {
        lang,
        masthead: Masthead::default(),
        title,
        subtitle: value("subtitle").map(spanned).or(built.subtitle),
        summary: built.summary,
        contents: None,
        preamble: built.preamble,
        body: built.body,
        footnotes: tree.footnotes,
        annexes: built.annexes,
    };
    for entry in front
        .iter()
        .filter(|e| fields::KEYS.contains(&e.key.as_str()))
    {
        if let Err(d) = fields::apply(&mut doc, &entry.key, &entry.value, entry.span) {
            diagnostics.push(d);
        }
    }
    ReadOutcome {
        document: Some(doc),
        diagnostics,
        ..ReadOutcome::default()
    }
}

/// A front-matter value as inline content, with the symbols cited in it.
fn plain_inlines(text: &str) -> Vec<Inline> {
    super::inline::parse(text, &[])
}

/// The document's language: the front matter's `language`, else its
/// `original`, else the script most of the text is in (English by default).
fn language(front: &[front::Entry], text: &str) -> Lang {
    let named = |key: &str| {
        front
            .iter()
            .find(|e| e.key == key)
            .and_then(|e| Lang::from_name(&e.value))
    };
    named("language")
        .or_else(|| named("original"))
        .unwrap_or_else(|| by_script(text))
}

/// Chinese, Arabic or Russian when over 20 characters of the text are in
/// its script (the most of the three), else English.
fn by_script(text: &str) -> Lang {
    [Lang::Zh, Lang::Ar, Lang::Ru]
        .into_iter()
        .map(|l| (text.chars().filter(|&c| l.is_native_char(c)).count(), l))
        .filter(|(count, _)| *count > 20)
        .max_by_key(|(count, _)| *count)
        .map_or(Lang::En, |(_, l)| l)
}

#[cfg(test)]
mod tests;
