//! What a reader keeps of its source for the reports: the decoded text, or
//! a package's list of places. Excerpts are cut from it while the source is
//! in memory, so the reports never read an input again (a report of a 3 GB
//! file, or of a link to `/dev/zero`, must not cost its size).

use crate::diagnostic::{Diagnostic, Excerpt};

/// What a report can show of a source around a diagnostic.
#[derive(Debug, Default)]
pub enum SourceView {
    /// Nothing: the source could not be decoded.
    #[default]
    Unavailable,
    /// The decoded text (spans are lines and columns in it).
    Text(String),
    /// The places of a package source, such as a Word file's paragraphs and
    /// table cells: a span's line is the 1-based index of its place.
    Places(Vec<Place>),
}

/// A place in a package source: where a paragraph or table cell stands, for
/// diagnostics (a Word file's XML parts are not lines a person reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The part of the package, e.g. `word/document.xml`.
    pub part: String,
    /// Where in the part, e.g. `paragraph 57` or `table 3, row 2, cell 4`.
    pub position: String,
    /// The place's text, for people to recognise it.
    pub text: String,
}

/// How many characters of a line an excerpt keeps on each side of its column.
const CONTEXT_CHARS: usize = 60;

/// Attaches to each diagnostic the line (or place) of `view` it points at,
/// first pinning a diagnostic about a character to where that character
/// stands.
pub fn attach_excerpts(diagnostics: &mut [Diagnostic], view: &SourceView) {
    if diagnostics.iter().all(|d| d.span.line == 0) {
        return;
    }
    match view {
        SourceView::Unavailable => {}
        SourceView::Text(text) => {
            let starts = line_starts(text);
            for d in diagnostics.iter_mut() {
                pin_in_text(d, text, &starts);
                d.excerpt = text_line(text, &starts, d.span.line)
                    .map(|line| cut(line, d.span.column, d.length, None));
            }
        }
        SourceView::Places(places) => {
            for d in diagnostics.iter_mut() {
                let place = (d.span.line as usize)
                    .checked_sub(1)
                    .and_then(|i| places.get(i));
                if let Some(p) = place {
                    pin_in_place(d, p);
                }
                d.excerpt = place.map(|p| {
                    cut(
                        &p.text,
                        d.span.column,
                        d.length,
                        Some(format!("{}, {}", p.part, p.position)),
                    )
                });
            }
        }
    }
}

/// Byte offsets where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Moves a diagnostic about a character to the character's first place at
/// or after the start of the diagnostic's line: the span marks where the
/// text holding it starts, and the character is reported at its first
/// place in the text, so the first place from there is its own.
fn pin_in_text(d: &mut Diagnostic, text: &str, starts: &[usize]) {
    let (Some(c), Some(&from)) = (
        d.character,
        (d.span.line as usize)
            .checked_sub(1)
            .and_then(|i| starts.get(i)),
    ) else {
        return;
    };
    let Some(found) = text[from..].find(c).map(|k| from + k) else {
        return;
    };
    let line = starts.partition_point(|&s| s <= found);
    let column = text[starts[line - 1]..found].chars().count() + 1;
    d.span.line = line as u32;
    d.span.column = u32::try_from(column).unwrap_or(u32::MAX);
}

/// Moves a diagnostic about a character to the character's column in its
/// place's text (a Word paragraph or cell).
fn pin_in_place(d: &mut Diagnostic, place: &Place) {
    let found = d
        .character
        .and_then(|c| place.text.chars().position(|x| x == c));
    if let Some(at) = found {
        d.span.column = u32::try_from(at + 1).unwrap_or(u32::MAX);
    }
}

fn text_line<'a>(text: &'a str, starts: &[usize], line: u32) -> Option<&'a str> {
    let start = *starts.get((line as usize).checked_sub(1)?)?;
    let rest = &text[start..];
    Some(&rest[..rest.find('\n').unwrap_or(rest.len())])
}

/// How many characters from `column` (1-based) of `line` a diagnostic
/// underlines: `length` when the reader gave one, else the token there (up
/// to the next space; a tag, as a schema error points at, to its `>`), at
/// least one.
fn underline(line: &str, column: u32, length: u32) -> usize {
    if length > 0 {
        return length as usize;
    }
    let rest = line.chars().skip(column.max(1) as usize - 1);
    let token = if rest.clone().next() == Some('<') {
        let to_line_end = rest.clone().count();
        rest.clone()
            .position(|c| c == '>')
            .map_or(to_line_end, |end| end + 1)
    } else {
        rest.take_while(|c| !c.is_whitespace()).count()
    };
    token.max(1)
}

/// The part of `line` around `column` (1-based characters), with `…` where
/// it was cut, the column within what is kept and the underline's length
/// (cut where the excerpt is).
fn cut(line: &str, column: u32, length: u32, place: Option<String>) -> Excerpt {
    let wanted = underline(line, column, length);
    let column = column.max(1) as usize;
    let first = column.saturating_sub(CONTEXT_CHARS + 1);
    let mut text: String = line
        .chars()
        .skip(first)
        .take(column - first + CONTEXT_CHARS)
        .collect();
    let mut kept_column = column - first;
    if first > 0 {
        text.insert(0, '…');
        kept_column += 1;
    }
    if line.chars().nth(column + CONTEXT_CHARS).is_some() {
        text.push('…');
    }
    let room = text.chars().count().saturating_sub(kept_column - 1);
    let room = room - usize::from(text.ends_with('…') && room > 1);
    Excerpt {
        place,
        text,
        column: kept_column as u32,
        length: wanted.min(room).max(1) as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::model::Span;

    #[test]
    fn text_excerpts_are_the_line_cut_around_the_column() {
        let long = format!("{}X{}", "a".repeat(200), "b".repeat(200));
        let text = format!("first\n第二行 x\n{long}\n");
        let mut ds = vec![
            Diagnostic::new(Code::Structure, Span::new(2, 5), "m"),
            Diagnostic::new(Code::Structure, Span::new(3, 201), "m"),
            Diagnostic::new(Code::Structure, Span::new(9, 1), "m"),
        ];
        attach_excerpts(&mut ds, &SourceView::Text(text));
        let first = ds[0].excerpt.as_ref().unwrap();
        assert_eq!((first.text.as_str(), first.column), ("第二行 x", 5));
        let second = ds[1].excerpt.as_ref().unwrap();
        assert!(second.text.starts_with('…') && second.text.ends_with('…'));
        assert_eq!(
            second.text.chars().nth(second.column as usize - 1),
            Some('X')
        );
        assert!(second.text.chars().count() < 130);
        assert_eq!(first.length, 1, "the token `x`");
        assert_eq!(second.length, 61, "the token, up to the cut");
        assert_eq!(ds[2].excerpt, None);
    }

    /// A schema error points at a start tag: the whole tag is underlined,
    /// spaces between its attributes included, to its `>` or the line's end.
    #[test]
    fn a_tag_is_underlined_to_its_end() {
        assert_eq!(underline(r#"  <column align="middle"/> x"#, 3, 0), 24);
        assert_eq!(underline("<subtitle>Report of", 1, 0), 10);
        assert_eq!(underline("  <bogus", 3, 0), 6);
        assert_eq!(underline("<a> b", 4, 0), 1, "a space: one character");
        assert_eq!(underline("word and", 1, 0), 4);
    }

    #[test]
    fn a_character_is_pinned_to_where_it_stands() {
        let text = "1. The **word**\nis ሰ here.\n".to_string();
        let about = |span| Diagnostic::new(Code::MissingGlyph, span, "m").about_character('ሰ');
        // The model's count falls short of markup and of the line break.
        let mut ds = vec![about(Span::new(1, 20)), about(Span::new(3, 1))];
        attach_excerpts(&mut ds, &SourceView::Text(text));
        assert_eq!(ds[0].span, Span::new(2, 4));
        let e = ds[0].excerpt.as_ref().unwrap();
        assert_eq!((e.column, e.length), (4, 1));
        assert_eq!(
            ds[1].span,
            Span::new(3, 1),
            "not found after it: left as given"
        );
        let places = vec![Place {
            part: "word/document.xml".into(),
            position: "paragraph 7".into(),
            text: "The ሰ word".into(),
        }];
        let mut ds = vec![about(Span::new(1, 0))];
        attach_excerpts(&mut ds, &SourceView::Places(places));
        assert_eq!(ds[0].span, Span::new(1, 5));
    }

    #[test]
    fn place_excerpts_name_the_part_and_position() {
        let places = vec![Place {
            part: "word/document.xml".into(),
            position: "table 3, row 2, cell 4".into(),
            text: "1 234.5".into(),
        }];
        let mut ds = vec![Diagnostic::new(Code::Structure, Span::new(1, 3), "m")];
        attach_excerpts(&mut ds, &SourceView::Places(places));
        let e = ds[0].excerpt.as_ref().unwrap();
        assert_eq!(
            e.place.as_deref(),
            Some("word/document.xml, table 3, row 2, cell 4")
        );
        assert_eq!((e.text.as_str(), e.column), ("1 234.5", 3));
    }
}
