//! Joins the lines of extracted text into blocks, one output line each: a
//! block starts at a label (`12.`, `IV.`, `A.`, `(a)`) when the line before
//! ended its own block, after a short line that ends a sentence, after a
//! blank line that follows a sentence, or (layout text) at a first-line
//! indent. A paragraph runs on across a page break, and a word hyphenated
//! at a line end is joined when the document's words say it is one word.
//! In layout text an indented label inside an open list (after an
//! introduction that ends with a colon, or after an item) is a list item:
//! it follows its paragraph with no blank line, as items do in the source.

use super::hyphen::Vocabulary;
use super::pages::Src;
use super::sequence::{At, Sequence};
use super::{Piece, render};
use crate::lang::{CLAUSE_MARKS, FULL_STOPS, QUESTION_EXCLAMATION, ends_with_mark};
use crate::read::audit::{Action, Decision};
use crate::read::text::{Label, classify};
use crate::script::{ends_ideographic, is_ideographic, starts_ideographic};

/// What the flow knows of the document.
pub(super) struct Setting<'a> {
    pub layout: bool,
    /// Raw text (not `-layout`): paragraphs have no blank lines between
    /// them, table cells do.
    pub raw: bool,
    /// The width of a full line of text (characters).
    pub full: usize,
    /// Each page's text margin (indexed by page number).
    pub margins: &'a [usize],
    pub vocab: &'a Vocabulary,
}

/// The most lines a heading runs to.
const HEADING_LINES: usize = 7;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Heading,
    Para,
    /// A list item inside a paragraph (layout text).
    Item,
    Text,
}

/// How far (characters) past the margin a label sits to be an item's.
const ITEM_INDENT: isize = 2;

/// The block being gathered.
struct Cur {
    no: u32,
    text: String,
    kind: Kind,
    lines: usize,
    /// The last line's length, relative indent and page.
    last_len: usize,
    /// The longest line's length.
    longest: usize,
    last_indent: isize,
    last_page: u32,
    /// Relative column where a heading's text starts.
    heading_col: isize,
}

struct Flow<'a, 's> {
    s: &'a Setting<'s>,
    out: &'a mut Vec<(u32, String)>,
    decisions: &'a mut Vec<Decision>,
    cur: Option<Cur>,
    blank: bool,
    pending_label: Option<(u32, String)>,
    next_para: u32,
    /// The last chapter and section numbers seen, to know the next ones.
    chapter: u32,
    section: u32,
    /// Lists told by their numbers (text whose indentation tells nothing).
    sequence: Sequence,
    /// The letters that opened blocks since the last paragraph or heading.
    letters: Letters,
    /// The piece being read.
    piece: usize,
    /// Whether a blank line follows the line being read on its page.
    set_apart: bool,
}

/// Writes the pieces as cleaned text lines into `out`.
pub(super) fn write(
    pieces: Vec<Piece>,
    s: &Setting,
    out: &mut Vec<(u32, String)>,
    decisions: &mut Vec<Decision>,
) {
    let mut f = Flow {
        s,
        out,
        decisions,
        cur: None,
        blank: false,
        pending_label: None,
        next_para: 1,
        chapter: 0,
        section: 0,
        sequence: Sequence::new(&pieces),
        letters: Letters::default(),
        piece: 0,
        set_apart: false,
    };
    for (i, piece) in pieces.iter().enumerate() {
        f.piece = i;
        f.set_apart = match piece {
            Piece::Line(line) => is_set_apart(line, &pieces[i + 1..]),
            Piece::Table(_) => false,
        };
        match piece {
            Piece::Line(line) => f.line(line),
            Piece::Table(block) => {
                f.flush();
                render::table(block, f.s.vocab, f.out, f.decisions);
                f.blank = true;
            }
        }
    }
    if let Some((no, label)) = f.pending_label.take() {
        f.start(no, label, Kind::Text, 0, 0);
    }
    f.flush();
}

/// Whether a line is a document symbol in brackets alone (`(A/79/372)`),
/// the source a sentence cites after its full stop, perhaps with the
/// footnote mark that follows it (`(A/79/813)[^14]`, restored from `14`).
fn is_citation(text: &str) -> bool {
    crate::read::inline::without_trailing_note_marks(text)
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(crate::symbol::is_valid)
}

/// Whether `text` ends with a full stop, perhaps followed by the citation
/// of its source and a footnote's mark (`… States. (A/79/813)[^2]`).
fn ends_sentence(text: &str) -> bool {
    let text = crate::read::inline::without_trailing_note_marks(text);
    let text = match text.rfind(" (") {
        Some(open) if is_citation(&text[open + 1..]) => &text[..open],
        _ => text,
    };
    text.ends_with(['.', '。'])
}

/// Whether `line` is set apart from what follows on its page by a blank
/// line under it. A citation in brackets (`(A/79/508)`) at a page's foot
/// is not: the blank line above the page's notes follows it, not a gap.
fn is_set_apart(line: &Src, after: &[Piece]) -> bool {
    let Some(Piece::Line(next)) = after.first() else {
        return false;
    };
    if !next.is_blank() || next.page != line.page {
        return false;
    }
    let at_page_foot = || {
        after[1..]
            .iter()
            .find(|p| !matches!(p, Piece::Line(l) if l.is_blank()))
            .is_none_or(|p| matches!(p, Piece::Line(l) if l.page != line.page))
    };
    !(line.trimmed().starts_with('(') && at_page_foot())
}

impl Flow<'_, '_> {
    fn rel_indent(&self, line: &Src) -> isize {
        let margin = self.s.margins.get(line.page as usize).copied().unwrap_or(0);
        line.indent() as isize - margin as isize
    }

    fn line(&mut self, line: &Src) {
        let trimmed = line.trimmed();
        if trimmed.is_empty() {
            self.blank = true;
            return;
        }
        let mut text = collapse_spaces(trimmed);
        let mut no = line.no;
        if let Some((label_no, label)) = self.pending_label.take() {
            text = format!("{label} {text}");
            no = label_no;
        }
        let indent = self.rel_indent(line);
        if self.cur.as_ref().is_some_and(|c| c.last_page != line.page) {
            // A page break is not a blank line: a block whose last line
            // is full runs on at the top of the next page.
            self.blank = false;
        }
        let lone = lone_label(&text);
        let read = classify(&text);
        let far_ahead = matches!(
            lone.or(read.as_ref().map(|(labels, _)| labels[0])),
            Some(Label::Decimal(n)) if self.is_far_ahead(n)
        );
        if lone.is_some() && !far_ahead {
            self.pending_label = Some((no, text));
            return;
        }
        if far_ahead && self.cur.is_some() {
            // Set apart, the cleaned text would read it as a paragraph's number.
            self.append(&text, no, indent);
            self.blank = false;
            return;
        }
        match read {
            Some((labels, at))
                if self.label_starts(&labels, indent) || is_annex_line(&labels, at, &text) =>
            {
                let kind = match labels[0] {
                    Label::Chapter(_) | Label::Section(_) => {
                        self.count_heading(&labels);
                        Kind::Heading
                    }
                    Label::Annex(_) => Kind::Heading,
                    _ if self.opens_item(&labels, indent) => Kind::Item,
                    Label::Decimal(n) => {
                        self.next_para = self.next_para.max(n.saturating_add(1));
                        Kind::Para
                    }
                    _ => Kind::Para,
                };
                self.sequence.opened(&labels, kind == Kind::Item);
                self.letters.opened(&labels, kind);
                let col = indent + text[..at].chars().count() as isize;
                self.start(no, text, kind, indent, col);
            }
            _ if self.continues(&text, indent) => self.append(&text, no, indent),
            _ => self.start(no, text, Kind::Text, indent, indent),
        }
        self.blank = false;
        if let Some(cur) = &mut self.cur {
            cur.last_page = line.page;
        }
    }

    /// Whether the block before has ended: its last line is short, or it
    /// ends a sentence before a blank line, or it is a heading.
    fn ended(&self) -> bool {
        let Some(cur) = &self.cur else { return true };
        // Raw text: in a block of full lines (two or more), a line is short
        // by the block's own lines too, where it is a tenth shorter than
        // the longest (a text of wide letters sets fewer a line than the
        // page's measure, which raw text's merged lines stretch).
        let full_block = self.s.raw && cur.lines >= 2 && cur.longest * 5 >= self.s.full * 4;
        let short_in_block = !full_block || cur.last_len * 10 < cur.longest * 9;
        let short = cur.last_len * 5 < self.s.full * 4 && short_in_block;
        cur.kind == Kind::Heading || short || self.blank && closes(&cur.text)
    }

    /// Notes the chapter or section a heading label opens: the reading
    /// that continues the sequence (`I.` after `H.` is section I). A
    /// chapter more than one ahead (`V.` in chapter I, most likely a
    /// table's row read as a heading) is not counted, so that the real next
    /// chapter still continues the sequence; a chapter back to `I.` (an
    /// annex's) is.
    fn count_heading(&mut self, labels: &[Label]) {
        let next_section = labels
            .iter()
            .any(|&l| l == Label::Section(self.section + 1));
        let chapter = labels.iter().find_map(|&l| match l {
            Label::Chapter(n) => Some(n),
            _ => None,
        });
        match chapter {
            Some(n) if n == self.chapter + 1 || !next_section && n <= self.chapter + 1 => {
                (self.chapter, self.section) = (n, 0)
            }
            _ => {
                if let Some(Label::Section(n)) =
                    labels.iter().find(|l| matches!(l, Label::Section(_)))
                {
                    self.section = *n;
                }
            }
        }
    }

    /// Once a paragraph is numbered (the first may be any number: an
    /// excerpt's), a number more than [`PARA_JUMP`] past the next is not a
    /// paragraph's (`2026.`, a year ending a sentence at a line's start).
    fn is_far_ahead(&self, n: u32) -> bool {
        self.next_para > 1 && n > self.next_para.saturating_add(PARA_JUMP)
    }

    fn label_starts(&self, labels: &[Label], indent: isize) -> bool {
        let continues_sequence = labels.iter().any(|&l| {
            l == Label::Chapter(self.chapter + 1) || l == Label::Section(self.section + 1)
        });
        match labels[0] {
            Label::Decimal(n) if self.is_far_ahead(n) => false,
            Label::Decimal(n) => {
                self.ended() || n == self.next_para || self.opens_item(labels, indent)
            }
            Label::Chapter(_) | Label::Section(_) => self.ended() || continues_sequence,
            Label::Note(_) => false,
            Label::Alpha(_) | Label::Roman(_) if !self.letters.may_open(labels) => false,
            Label::Alpha(_) | Label::Roman(_) => {
                self.ended() || self.introduces_item(indent) || self.opens_item(labels, indent)
            }
            _ => self.ended(),
        }
    }

    /// Whether the block so far ends with a colon or semicolon before a
    /// list item (in layout text, one indented like an item: `(b)` at the
    /// margin after `…Sudan;` goes on an enumeration inside the sentence).
    fn introduces_item(&self, indent: isize) -> bool {
        let Some(cur) = &self.cur else { return true };
        let text = cur.text.trim_end();
        let opens = ends_with_mark(text, &[&CLAUSE_MARKS]);
        let indented = indent > cur.last_indent + 2 || text.ends_with(';') && indent > 0;
        opens && (!self.s.layout || indented)
    }

    /// Whether a label line opens a list item inside a list: the block
    /// before is an item or, for a number or letter, a paragraph whose text
    /// ends with a colon. In layout text the label is indented past the
    /// margin (a paragraph's own sits at it); elsewhere its number says.
    fn opens_item(&self, labels: &[Label], indent: isize) -> bool {
        let Some(cur) = &self.cur else { return false };
        let intro = cur.kind != Kind::Heading && cur.text.trim_end().ends_with([':', '：']);
        if !self.s.layout {
            let at = At {
                piece: self.piece,
                intro,
                in_item: cur.kind == Kind::Item,
                next_para: self.next_para,
            };
            return self.sequence.is_item(labels, &at);
        }
        let listed = matches!(
            labels[0],
            Label::Decimal(_) | Label::Alpha(_) | Label::Roman(_)
        );
        listed && indent >= ITEM_INDENT && (cur.kind == Kind::Item || intro)
    }

    fn continues(&self, text: &str, indent: isize) -> bool {
        let Some(cur) = &self.cur else { return false };
        if cur.kind == Kind::Heading {
            return self.heading_continues(cur, text, indent);
        }
        if is_figure_caption(text, self.s.full)
            || is_source_line(text)
            || is_bare_figure_label(&cur.text)
        {
            // A figure whose picture is not in the text: its label, its
            // title and its source line each stand alone (Chinese, with no
            // capital to start a line, ran the three into one).
            return false;
        }
        if is_citation(text) && closes(&cur.text) {
            // `… next session.` then `(A/79/372)`: the sentence's source.
            return true;
        }
        let lower = text.starts_with(|c: char| c.is_lowercase());
        let first_line_indent =
            self.s.layout && cur.lines >= 1 && indent > cur.last_indent + 2 && !lower;
        if first_line_indent && self.ended() {
            return false;
        }
        if self.is_set_apart_after(cur, text) {
            return false;
        }
        // Where lines are measured by their length, an item's first line is
        // short by its label's indent: an item runs on to its punctuation.
        let open_item = !self.s.layout && cur.kind == Kind::Item && !closes(&cur.text);
        lower || open_item || !self.ended()
    }

    /// Raw text: a short line after a paragraph's full stop with a blank
    /// line under it is not the paragraph's (its lines have no blank lines
    /// between them): it is a cell of a table too small to be read as one,
    /// or a line set apart, and is not glued to the paragraph.
    fn is_set_apart_after(&self, cur: &Cur, text: &str) -> bool {
        self.s.raw
            && self.set_apart
            && cur.kind != Kind::Heading
            && ends_sentence(&cur.text)
            && text.chars().count() * 2 <= self.s.full
            && !text.starts_with(|c: char| c.is_lowercase())
    }

    fn heading_continues(&self, cur: &Cur, text: &str, indent: isize) -> bool {
        if self.blank || cur.lines >= HEADING_LINES || text.ends_with('.') {
            return false;
        }
        if self.s.layout {
            return (indent - cur.heading_col).abs() <= 1;
        }
        text.starts_with(|c: char| c.is_lowercase())
            || cur.last_len >= 40 && text.chars().count() * 20 < self.s.full * 17
    }

    fn start(&mut self, no: u32, text: String, kind: Kind, indent: isize, heading_col: isize) {
        self.flush();
        if kind == Kind::Item && self.out.last().is_some_and(|(_, t)| t.is_empty()) {
            // An item follows its paragraph or the item before directly.
            self.out.pop();
        }
        let last_len = self.extent(&text, indent);
        self.cur = Some(Cur {
            no,
            text,
            kind,
            lines: 1,
            last_len,
            longest: last_len,
            last_indent: indent,
            last_page: 0,
            heading_col,
        });
    }

    fn append(&mut self, text: &str, no: u32, indent: isize) {
        let Some(cur) = &mut self.cur else { return };
        join_into(&mut cur.text, text, Some(self.s.vocab), self.decisions, no);
        cur.lines += 1;
        cur.last_indent = indent;
        let extent = self.extent(text, indent);
        if let Some(cur) = &mut self.cur {
            cur.last_len = extent;
            cur.longest = cur.longest.max(extent);
        }
    }

    /// How far a line reaches: its length, and in layout text its end
    /// column from the page's margin (an indented item line is not short).
    /// A footnote's mark put back (`[^5]`) counts as its number, as the
    /// page set it.
    fn extent(&self, text: &str, indent: isize) -> usize {
        let len = text
            .chars()
            .count()
            .saturating_sub(text.matches("[^").count() * 3);
        if self.s.layout {
            indent.max(0) as usize + len
        } else {
            len
        }
    }

    fn flush(&mut self) {
        if let Some(cur) = self.cur.take() {
            self.out.push((cur.no, cur.text));
            self.out.push((cur.no, String::new()));
        }
    }
}

/// Whether [`collapse_spaces`] leaves `text` as it is: ASCII whose spaces
/// stand alone, none before a hyphen (most lines of raw text: one pass
/// over the bytes instead of a character-by-character copy).
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut after_space = false;
    for &b in bytes {
        if !b.is_ascii() || b == b'\t' || b == b'\r' || after_space && (b == b' ' || b == b'-') {
            return false;
        }
        after_space = b == b' ';
    }
    true
}

/// Whether a text ends a sentence or a clause, or a sentence and then a
/// citation in brackets (`… system. (A/79/794)`), before any footnote
/// marks.
fn closes(text: &str) -> bool {
    let text = crate::read::inline::without_trailing_note_marks(text.trim_end());
    let ends = |t: &str| ends_with_mark(t, &[&FULL_STOPS, &CLAUSE_MARKS, &QUESTION_EXCLAMATION]);
    ends(text)
        || text
            .strip_suffix([')', '）'])
            .and_then(|inner| inner.rfind(['(', '（']).map(|open| &inner[..open]))
            .is_some_and(|before| ends(before.trim_end()))
}

/// A figure's label with no title after it (`Figure I`, `图一`).
fn is_bare_figure_label(text: &str) -> bool {
    matches!(
        crate::read::text::figure::caption(text, crate::lang::Lang::En),
        (Some(_), "")
    )
}

/// A line that gives a figure's or table's source (`Source: …`,
/// `资料来源: …`, `المصدر: …`), in any language.
fn is_source_line(text: &str) -> bool {
    crate::lang::ALL.iter().any(|l| {
        text.strip_prefix(l.source_word())
            .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
    })
}

/// A figure's caption standing alone (`Figure I`, `Gráfico II: Gastos`):
/// it opens a block of its own (the picture under it is not in the text).
fn is_figure_caption(text: &str, full: usize) -> bool {
    text.chars().count() * 2 <= full
        && crate::read::text::figure::caption(text, crate::lang::Lang::En)
            .0
            .is_some()
}

/// The letters (`(a)`, `(ii)`, each reading) that opened blocks since the
/// last paragraph or heading, as bits.
#[derive(Debug, Default)]
struct Letters(u64);

impl Letters {
    /// Whether a letter label may open a block: it is `(a)` (or `(i)`), or
    /// the letter after one that opened a block. `(b)` with no `(a)` before
    /// it runs on in its sentence (`… to: (a) the rates;` / `(b) the flights`).
    fn may_open(&self, labels: &[Label]) -> bool {
        labels.iter().any(|&l| match l {
            Label::Alpha(n) | Label::Roman(n) => n == 1 || self.has(n - 1),
            _ => true,
        })
    }

    fn has(&self, n: u32) -> bool {
        n < 64 && self.0 & (1 << n) != 0
    }

    /// Notes the block a label opened.
    fn opened(&mut self, labels: &[Label], kind: Kind) {
        match labels[0] {
            Label::Alpha(_) | Label::Roman(_) => {
                for &l in labels {
                    if let Label::Alpha(n) | Label::Roman(n) = l
                        && n < 64
                    {
                        self.0 |= 1 << n;
                    }
                }
            }
            Label::Decimal(_) if kind == Kind::Item => {}
            _ => self.0 = 0,
        }
    }
}

/// An annex's label that is the whole line (`Annex`, `Annex II`): it opens
/// the annex wherever it stands, a page's full last line before it or not.
fn is_annex_line(labels: &[Label], at: usize, text: &str) -> bool {
    matches!(labels[0], Label::Annex(_)) && at >= text.len()
}

/// How far past the next paragraph's number a number may be and still be
/// a paragraph's (paragraphs lost to a misread table, say).
const PARA_JUMP: u32 = 20;

/// The label of a label alone on its line (`1.`, `A.`, `(a)`), as raw
/// extraction puts them: its text is on the next line. An annex line
/// stands alone anyway.
fn lone_label(text: &str) -> Option<Label> {
    if text.contains(' ') {
        return None;
    }
    match classify(&format!("{text} x")) {
        Some((labels, at)) if at > text.len() && !matches!(labels[0], Label::Annex(_)) => {
            Some(labels[0])
        }
        _ => None,
    }
}

/// Appends the next line's text: a word hyphenated at the line end joined
/// when `vocab` says so (recorded), a hyphen after a space closed up
/// (`self -` + `sufficiency`), no space where Chinese text meets.
pub(super) fn join_into(
    text: &mut String,
    next: &str,
    vocab: Option<&Vocabulary>,
    decisions: &mut Vec<Decision>,
    no: u32,
) {
    if text.ends_with('\u{ad}') {
        // A soft hyphen: the typesetter's break, never part of the word.
        text.pop();
        text.push_str(next);
        return;
    }
    if let Some(left) = text.strip_suffix('-') {
        if vocab.is_some_and(|v| v.joins(left, next)) {
            text.pop();
            let word_start = text.rfind(' ').map_or(0, |i| i + 1);
            let word = format!("{}{}", &text[word_start..], first_token(next));
            decisions.push(Decision::new(Action::HyphenJoined, no, word));
        } else if left.ends_with(' ') && next.starts_with(char::is_alphabetic) {
            text.truncate(text.len() - 2);
            text.push('-');
        }
        text.push_str(next);
        return;
    }
    if let Some(v) = vocab
        && v.rejoins(text, next)
    {
        let word_start = text.rfind(' ').map_or(0, |i| i + 1);
        let word = format!("{}{}", &text[word_start..], first_token(next));
        decisions.push(Decision::new(Action::HyphenJoined, no, word));
    } else if !(ends_ideographic(text) || starts_ideographic(next) || text.is_empty()) {
        text.push(' ');
    }
    text.push_str(next);
}

/// The text up to the first space.
fn first_token(text: &str) -> &str {
    text.split(' ').next().unwrap_or("")
}

/// Whether a space between `before` and `after` is a gap pdftotext saw in
/// wide text, not a space of the text: Chinese is written without spaces
/// between characters or between them and figures (`2023年9月`), but a
/// line justified between characters spreads them, and pdftotext reads
/// each wider gap as a space (`2023 年 9 月`); nor is a space next to a
/// full-width mark (`（ CAC/COSP/EG.1/2023/1 ）`). Latin words in Chinese
/// text keep their spaces.
fn is_wide_gap(before: Option<char>, after: char) -> bool {
    let Some(before) = before else { return false };
    let wide_mark = |c: char| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}');
    (is_ideographic(before) && (is_ideographic(after) || after.is_ascii_digit()))
        || (before.is_ascii_digit() && is_ideographic(after))
        || wide_mark(before)
        || wide_mark(after)
}

/// Collapses runs of spaces (layout text's column gaps) to one, closes
/// the space pdftotext leaves before a hyphen inside a word (`Secretary
/// -General`), and drops the gaps it reads as spaces in Chinese text
/// ([`is_wide_gap`]).
pub(super) fn collapse_spaces(text: &str) -> String {
    if is_collapsed(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if super::pages::is_space(c) {
            while chars.peek().is_some_and(|&n| super::pages::is_space(n)) {
                chars.next();
            }
            // Latin and Cyrillic only: Arabic labels keep their ` - `.
            let letter = |c: char| c.is_alphabetic() && c < '\u{590}';
            let hyphen_glued = chars.peek() == Some(&'-') && out.ends_with(letter) && {
                let mut ahead = chars.clone();
                ahead.next();
                ahead.peek().is_some_and(|&n| letter(n))
            };
            let wide_gap = chars
                .peek()
                .is_some_and(|&n| is_wide_gap(out.chars().next_back(), n));
            if !hyphen_glued && !wide_gap {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out
}
