//! Pages of extracted text: pdftotext ends every page with a form feed, so
//! a line that starts with one starts a new page.

/// One source line of extracted text, with the page it is on. The text is
/// owned because later passes restore footnote marks in it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Src {
    /// 1-based source line number.
    pub no: u32,
    /// 1-based page number.
    pub page: u32,
    /// The line as extracted, without the form feed and the line end.
    pub text: String,
}

impl Src {
    /// The text without indentation or trailing spaces.
    pub fn trimmed(&self) -> &str {
        self.text.trim_matches(is_space)
    }

    /// Columns of indentation (in characters).
    pub fn indent(&self) -> usize {
        self.text.chars().take_while(|&c| is_space(c)).count()
    }

    pub fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
    }
}

/// Spaces as extraction leaves them, with no-break and ideographic ones.
pub(super) fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\r' || c == '\u{a0}' || c == '\u{3000}' || c == '\u{feff}'
}

/// Splits the text into lines, each knowing its page.
pub(super) fn split(text: &str) -> Vec<Src> {
    let mut page = 1;
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let mut line = raw;
        while let Some(rest) = line.strip_prefix('\u{c}') {
            page += 1;
            line = rest;
        }
        let line = line.trim_end_matches(['\r', '\u{c}']);
        out.push(Src {
            no: i as u32 + 1,
            page,
            text: line.to_string(),
        });
    }
    // The form feed closing the last page opens no page.
    while out.last().is_some_and(Src::is_blank) {
        out.pop();
    }
    out
}

/// The number of pages.
pub(super) fn count(lines: &[Src]) -> u32 {
    lines.iter().map(|l| l.page).max().unwrap_or(0)
}

/// The lines of each page, as index ranges into `lines`.
pub(super) fn ranges(lines: &[Src]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=lines.len() {
        if i == lines.len() || lines[i].page != lines[start].page {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// Whether the text keeps the page's layout (`pdftotext -layout`): most
/// lines are indented, and columns are separated by runs of spaces.
pub(super) fn is_layout(lines: &[Src]) -> bool {
    let text: Vec<&Src> = lines.iter().filter(|l| !l.is_blank()).collect();
    let indented = text.iter().filter(|l| l.indent() >= 4).count();
    !text.is_empty() && indented * 2 > text.len()
}

/// The fields of a layout line: runs of text separated by `gap` or more
/// spaces, each with the column (in characters) where it starts.
pub(super) fn fields(text: &str, gap: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut spaces = 0;
    let mut last_end = 0;
    for (col, (byte, c)) in text.char_indices().enumerate() {
        if is_space(c) {
            spaces += 1;
            if spaces >= gap {
                if let Some((c0, b0)) = start.take() {
                    out.push((c0, &text[b0..last_end]));
                }
            }
            continue;
        }
        spaces = 0;
        if start.is_none() {
            start = Some((col, byte));
        }
        last_end = byte + c.len_utf8();
    }
    if let Some((c0, b0)) = start {
        out.push((c0, &text[b0..last_end]));
    }
    out
}
