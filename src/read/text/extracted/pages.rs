//! Pages of extracted text: pdftotext ends every page with a form feed, so
//! a line that starts with one starts a new page.

use crate::read::text::Label;

/// One source line of extracted text, with the page it is on. The text is
/// owned because later passes restore footnote marks in it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Src {
    /// 1-based source line number.
    pub no: u32,
    /// 1-based page number.
    pub page: u32,
    /// The line as extracted, without the form feed and the line end;
    /// changed only through [`Src::edit`], which keeps the measures below.
    pub text: String,
    /// Where the text without its surrounding spaces lies (bytes), and the
    /// indentation in characters: measured once, asked for on every pass.
    trim: (usize, usize),
    indent: usize,
}

impl Src {
    pub fn new(no: u32, page: u32, text: String) -> Self {
        let mut line = Src {
            no,
            page,
            text,
            trim: (0, 0),
            indent: 0,
        };
        line.measure();
        line
    }

    fn measure(&mut self) {
        let start = self.text.len() - self.text.trim_start_matches(is_space).len();
        let end = self.text.trim_end_matches(is_space).len().max(start);
        self.trim = (start, end);
        self.indent = self.text[..start].chars().count();
    }

    /// Changes the text (a footnote mark restored).
    pub fn edit(&mut self, change: impl FnOnce(&mut String)) {
        change(&mut self.text);
        self.measure();
    }

    /// The text without indentation or trailing spaces.
    pub fn trimmed(&self) -> &str {
        &self.text[self.trim.0..self.trim.1]
    }

    /// Columns of indentation (in characters).
    pub fn indent(&self) -> usize {
        self.indent
    }

    pub fn is_blank(&self) -> bool {
        self.trim.0 == self.trim.1
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
        out.push(Src::new(i as u32 + 1, page, logical(line)));
    }
    // The form feed closing the last page opens no page.
    while out.last().is_some_and(Src::is_blank) {
        out.pop();
    }
    out
}

/// The line without the direction marks pdftotext sets around right-to-left
/// and embedded left-to-right runs, and with an Arabic paragraph label back
/// in reading order (`- 1 text` as extracted is `1 - text`).
fn logical(line: &str) -> String {
    let is_mark = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    // The marks are all E2 80 xx or E2 81 xx in UTF-8: most lines have none.
    if !line.as_bytes().contains(&0xE2) {
        return line.to_string();
    }
    let moved = label_set_apart(line);
    let line = moved.as_deref().unwrap_or(line);
    let unmarked = |line: &str| line.chars().filter(|&c| !is_mark(c)).collect::<String>();
    let mut text = unmarked(line);
    // `)25-11874 (A`: a job number (set left to right) with its brackets mirrored.
    if let Some(job) = text
        .trim()
        .strip_prefix(')')
        .filter(|j| j.len() > 3 && j.as_bytes()[j.len() - 2] == b'(')
    {
        return format!("{job})");
    }
    if let Some(reordered) = in_reading_order_by_column(line) {
        text = unmarked(&reordered);
    }
    if line.contains('\u{202b}')
        && let Some(labelled) = item_label_set_apart(&text)
    {
        text = labelled;
    }
    // An Arabic label's dash (`أولا - مقدمة`) set in a left-to-right run with
    // the space on its wrong side.
    if let Some(at) = text
        .find(" -")
        .filter(|&at| text[at + 2..].starts_with(is_arabic))
    {
        text.insert(at + 2, ' ');
    }
    let body = text.trim_start_matches(is_space);
    let indent = text.len() - body.len();
    if let Some(rest) = body.strip_prefix("- ") {
        let digits = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(c))
            .count();
        let after = rest.chars().nth(digits);
        if digits > 0 && after.is_none_or(|c| !c.is_ascii_digit()) {
            let split = rest
                .char_indices()
                .nth(digits)
                .map_or(rest.len(), |(i, _)| i);
            text = format!(
                "{}{} - {}",
                &text[..indent],
                &rest[..split],
                rest[split..].trim_start()
            );
        }
    }
    text
}

/// An Arabic paragraph label too wide for the label's place (`- 101`),
/// which pdftotext sets apart at the line's end in a direction run of its
/// own (`text PDF RLE LRE - 101 PDF PDF`): the line with the label before
/// its text, as narrower labels come (`RLE LRE - 1 PDF text`).
fn label_set_apart(line: &str) -> Option<String> {
    let run = line
        .trim_end_matches(is_space)
        .strip_suffix("\u{202c}\u{202c}")?;
    let at = run.rfind("\u{202b}\u{202a}- ")?;
    let number = &run[at + "\u{202b}\u{202a}- ".len()..];
    let body = run[..at]
        .trim_end_matches(is_space)
        .strip_suffix('\u{202c}')?;
    let words = body.trim_start_matches(is_space);
    let indent = &body[..body.len() - words.len()];
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{indent}- {number} {words}\u{202c}"))
}

/// A right-to-left list item whose label layout text sets apart at the
/// line's end (`text     (أ)`: the label hangs at the right margin, the
/// text starts at the item's indent), with the label back before its text
/// (`(أ) text`), as raw text and the other items give it.
fn item_label_set_apart(text: &str) -> Option<String> {
    let body = text.trim_end_matches(is_space);
    let open = body.rfind('(')?;
    let label = &body[open..];
    if !matches!(
        super::lone_label(label),
        Some(Label::Alpha(_) | Label::Roman(_))
    ) {
        return None;
    }
    let before = &body[..open];
    let words = before.trim_end_matches(is_space);
    let gap = before.len() - words.len();
    let start = words.len() - words.trim_start_matches(is_space).len();
    (gap >= 3 && start < words.len())
        .then(|| format!("{}{label} {}", &words[..start], &words[start..]))
}

/// Spaces that part two columns of a layout line (a masthead's symbol or
/// `Distr.: General` beside the organ's name), wider than any word space.
const COLUMN_GAP: &str = "        ";

/// [`embedded_in_reading_order`] for each column of a layout line on its
/// own: a column that is one left-to-right stretch (`Distr.: General`
/// across the page from `الجمعية العامة`) is set as seen, as it is on a
/// line alone in raw text, not read as a run embedded in Arabic text.
fn in_reading_order_by_column(line: &str) -> Option<String> {
    if !line.contains(COLUMN_GAP) {
        return embedded_in_reading_order(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut changed = false;
    let mut rest = line;
    while !rest.is_empty() {
        let column_end = rest.find(COLUMN_GAP).unwrap_or(rest.len());
        let gap_end = column_end + rest[column_end..].len()
            - rest[column_end..].trim_start_matches(' ').len();
        match embedded_in_reading_order(&rest[..column_end]) {
            Some(column) => {
                out.push_str(&column);
                changed = true;
            }
            None => out.push_str(&rest[..column_end]),
        }
        out.push_str(&rest[column_end..gap_end]);
        rest = &rest[gap_end..];
    }
    changed.then_some(out)
}

/// A right-to-left line's left-to-right runs back in reading order.
/// pdftotext gives each such stretch (between LRE and PDF) as it is seen,
/// left to right: its figures and Latin words in order, but the runs and
/// the punctuation between them as an Arabic reader meets them reversed
/// (`)A/RES/79/150( 79/150` for `79/150 (A/RES/79/150)`, `3-1` for
/// `1-3`, `.2030` for `2030.`). The stretch is cut into runs and single
/// characters, and their order reversed. None for a line that is not
/// right to left (no RLE), or is one left-to-right stretch alone (a
/// symbol, a page number, a job number: set left to right, as seen), or
/// has no stretch to change.
fn embedded_in_reading_order(line: &str) -> Option<String> {
    const RLE: char = '\u{202b}';
    const LRE: char = '\u{202a}';
    const PDF: char = '\u{202c}';
    let mut open: Vec<char> = Vec::new();
    let mut outside = false;
    for c in line.chars() {
        match c {
            RLE | LRE => open.push(c),
            PDF => {
                open.pop();
            }
            c if open.last() != Some(&LRE) && !is_space(c) => outside = true,
            _ => {}
        }
    }
    if !outside || !line.contains(RLE) || !line.contains(LRE) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(LRE) {
        let start = at + LRE.len_utf8();
        out.push_str(&rest[..start]);
        let end = rest[start..].find(PDF).map_or(rest.len(), |e| start + e);
        out.extend(reading_order(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out != line).then_some(out)
}

/// The runs and single characters of a left-to-right stretch as seen,
/// in reverse. A run is figures and Latin letters with what joins them:
/// inside Latin text (a symbol, `A/RES/79/150`, `E/CN.5/2025/3`) any mark
/// between two of them, and a space between two letters; between figures
/// only a separator of digit groups or decimals (`79/150`, `3,8`,
/// `1 250`), since a bidi layout sets figures around a hyphen apart
/// (`1-3` is seen `3-1`).
fn reading_order(stretch: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = stretch.char_indices().collect();
    let kind = |c: char| {
        if c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c) {
            'd'
        } else if c.is_alphabetic() && !is_arabic(c) {
            'l'
        } else {
            'n'
        }
    };
    let mut pieces: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (from, c) = chars[i];
        let mut j = i + 1;
        if kind(c) != 'n' {
            let mut latin = kind(c) == 'l';
            while j < chars.len() {
                let k = kind(chars[j].1);
                if k != 'n' {
                    latin |= k == 'l';
                    j += 1;
                    continue;
                }
                let (prev, mark) = (kind(chars[j - 1].1), chars[j].1);
                let Some(next) = chars.get(j + 1).map(|&(_, c)| kind(c)) else {
                    break;
                };
                let joins = match (prev, next) {
                    (_, 'n') => false,
                    ('l', 'l') => true,
                    _ if latin || next == 'l' => mark != ' ',
                    _ => matches!(mark, '/' | '.' | ',' | ':' | ' ' | '\u{a0}'),
                };
                if !joins {
                    break;
                }
                j += 2;
            }
        }
        let to = chars.get(j).map_or(stretch.len(), |&(at, _)| at);
        pieces.push(&stretch[from..to]);
        i = j;
    }
    pieces.reverse();
    pieces
}

fn is_arabic(c: char) -> bool {
    ('\u{600}'..='\u{6ff}').contains(&c)
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
/// lines are indented, or columns are separated by runs of spaces. Raw
/// text has neither: a single space between words, a cell to a line. A
/// short document whose tables run from margin to margin is indented on
/// fewer than half its lines, but a tenth or more hold columns.
pub(super) fn is_layout(lines: &[Src]) -> bool {
    let text: Vec<&Src> = lines.iter().filter(|l| !l.is_blank()).collect();
    let indented = text.iter().filter(|l| l.indent() >= 4).count();
    let gapped = text.iter().filter(|l| has_gap(l.trimmed())).count();
    !text.is_empty() && (indented * 2 > text.len() || gapped * 10 >= text.len())
}

/// Whether a line has a run of three spaces between two pieces of text
/// (a cheap test before [`fields`], asked of every line more than once:
/// a vectorised search for the run, its searcher built once).
pub(super) fn has_gap(text: &str) -> bool {
    static GAP: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let gap = GAP.get_or_init(|| memchr::memmem::Finder::new(b"   "));
    gap.find(text.trim_matches(is_space).as_bytes()).is_some()
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
            if spaces >= gap
                && let Some((c0, b0)) = start.take()
            {
                out.push((c0, &text[b0..last_end]));
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

/// Lines of page 1, numbered from 1: the small inputs of the passes' tests.
#[cfg(test)]
pub(super) fn lines_of(texts: &[&str]) -> Vec<Src> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Src::new(i as u32 + 1, 1, (*t).to_string()))
        .collect()
}

/// The texts of the lines that are not blank, trimmed: what the passes'
/// tests compare.
#[cfg(test)]
pub(super) fn filled_texts(lines: &[Src]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.trimmed().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::lines_of as lines;
    use super::*;

    #[test]
    fn layout_text_is_told_by_its_indents_or_its_columns() {
        let paragraph = "                1.    The overall purpose of section 29 is to enhance";
        let row = "Posts                      1 234.5        1 300.0        65.5";
        let raw = "The overall purpose of section 29 is to enhance the accountability";
        assert!(is_layout(&lines(&[paragraph, paragraph, raw])));
        // A short document whose table runs from margin to margin: most
        // lines flush left, one in ten or more in columns.
        let mut short = vec![raw; 8];
        short.extend([row, row]);
        assert!(is_layout(&lines(&short)));
        // Raw text: single spaces, a cell to a line.
        let cells = ["Posts", "1 234.5", "1 300.0", raw, raw, raw];
        assert!(!is_layout(&lines(&cells)));
        short.truncate(9);
        short.extend([raw; 3]);
        assert!(!is_layout(&lines(&short)), "one row in twelve");
    }

    /// `text` as pdftotext marks a right-to-left run (RLE … PDF).
    fn rtl(text: &str) -> String {
        format!("\u{202b}{text}\u{202c}")
    }

    /// `text` as pdftotext marks a left-to-right run inside one (RLE LRE … PDF PDF).
    fn ltr(text: &str) -> String {
        format!("\u{202b}\u{202a}{text}\u{202c}\u{202c}")
    }

    #[test]
    fn a_layout_masthead_column_of_latin_text_is_kept_as_seen() {
        // The Arabic masthead in layout text: `Distr.: General` on the
        // left, the organ on the right of the same line.
        let gap = " ".repeat(60);
        let line = format!("{}{gap}{}", ltr("Distr.: General"), rtl("الجمعية العامة"));
        let read = logical(&line);
        assert!(read.starts_with("Distr.: General "), "{read}");
        assert!(read.ends_with("الجمعية العامة"), "{read}");
        // A run inside Arabic text is still put back in reading order.
        let inside = "\u{202b}بحلول عام \u{202a}.2030\u{202c} ولسد الثغرات\u{202c}";
        assert_eq!(logical(inside), "بحلول عام 2030. ولسد الثغرات");
    }

    #[test]
    fn an_arabic_item_label_set_apart_at_the_line_end_goes_before_its_text() {
        let line = format!(
            "{}{}     {}",
            " ".repeat(30),
            rtl("تحديد المستفيدين المؤهلين؛"),
            rtl("(أ)")
        );
        assert_eq!(
            logical(&line).trim_start(),
            "(أ) تحديد المستفيدين المؤهلين؛"
        );
        // Words in brackets after a word space are the text's own.
        let own = rtl("وفقا للمادة (ب)");
        assert_eq!(logical(&own), "وفقا للمادة (ب)");
    }
}
