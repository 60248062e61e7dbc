//! Tables of two columns of prose in raw text (pdftotext without
//! `-layout`): a results framework (`Expected accomplishment` against
//! `Indicators of achievement`), a follow-up table (`Decision/request`
//! against `Action taken to implement decision/request`). Raw text gives
//! the two column headings as two short lines set apart, then each row's
//! cells one after the other, each a block of lines narrower than the
//! page's text; a page the table goes on over repeats the headings. The
//! cells are paired by their numbers where they have them (an
//! accomplishment `1.1` and its indicators `1.1.1`, `1.1.2`, a row each),
//! otherwise in turn, left then right. Without this a results framework
//! is read as a run of unnumbered paragraphs, its two columns interleaved.

use super::flow::{collapse_spaces, join_into};
use super::grid::Grid;
use super::hyphen::Vocabulary;
use super::pages::Src;
use super::tables::{Region, is_heading_label, is_units};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;
use crate::read::audit::Decision;
use crate::read::text::{caption_number, classify};

/// The widest a column heading or a line of a cell is, against a full
/// line (`numerator / denominator`): a column is at most three quarters
/// of the text's width.
const COLUMN_WIDTH: (usize, usize) = (3, 4);
/// A line of a cell that is not its last fills its column: at least this
/// share of a full line.
const FILLED: (usize, usize) = (1, 3);

/// The cell text used to mark a row's left cell as the one above it
/// continued (the text reader's `^`): an accomplishment's later indicators.
pub(super) const SPANNED: &str = "^";

/// A table of two columns of prose whose headings start at `lines[i]`:
/// its region (the headings are its grid's head) and grid.
pub(super) fn find(
    lines: &[Src],
    i: usize,
    (full, vocab): (usize, &Vocabulary),
    decisions: &mut Vec<Decision>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Region, Grid)> {
    let (heads, after) = headings(lines, i, full)?;
    let head = [lines[heads[0]].trimmed(), lines[heads[1]].trimmed()];
    let (blocks, end) = blocks(lines, after, head, full);
    // Hyphens joined in the cells count only when the table is one.
    let mut joined = Vec::new();
    let body = match first_item(lines, &blocks)? {
        Some(label) if extended(lines, &blocks, label) => {
            by_numbers(lines, &blocks, vocab, &mut joined)
        }
        Some(_) => return None,
        None => {
            let cells = in_turn(lines, &blocks, vocab, &mut joined);
            if cells.len() < 2 {
                return None;
            }
            if cells.len() % 2 == 1 {
                diagnostics.push(left_over(lines[i].no, head, cells.len()));
            }
            cells
                .chunks(2)
                .map(|pair| vec![pair[0].clone(), pair.get(1).cloned().unwrap_or_default()])
                .collect()
        }
    };
    decisions.append(&mut joined);
    let head = head.iter().map(|h| h.to_string()).collect();
    Some(table_of(i, end, head, body))
}

/// A table of prose from its headings' line `i` to `end`: its region (the
/// headings are its grid's head, no notes) and grid.
pub(super) fn table_of(
    i: usize,
    end: usize,
    head: Vec<String>,
    body: Vec<Vec<String>>,
) -> (Region, Grid) {
    let region = Region {
        head: i,
        rows: i,
        notes: end,
        end,
    };
    (
        region,
        Grid {
            head,
            body,
            ..Grid::default()
        },
    )
}

/// A table read in turn with a cell left over: its rows may be paired
/// wrongly from where a cell went missing or was split.
fn left_over(line: u32, head: [&str; 2], cells: usize) -> Diagnostic {
    Diagnostic::new(
        Code::ExtractedText,
        Span::new(line, 1),
        format!(
            "a table of two columns of prose ({} / {}) has {cells} cells, one without a partner: check its rows",
            head[0], head[1]
        ),
    )
}

/// Whether the two column headings of a table of prose may start at
/// `lines[i]` (the table itself is not read).
pub(super) fn may_open(lines: &[Src], i: usize, full: usize) -> bool {
    headings(lines, i, full).is_some()
}

/// The two column headings at `lines[i]`: short lines, each set apart by
/// a blank line, with no label, no figure and no sentence's end, and a
/// cell's first line under them. Returns their indices and the index
/// after the second. Asked of nearly every line of raw text, so the
/// cheap tests come first and labels are asked for last.
fn headings(lines: &[Src], i: usize, full: usize) -> Option<([usize; 2], usize)> {
    let apart = |k: usize| lines.get(k + 1).is_some_and(Src::is_blank);
    if !apart(i) || !may_head_column(&lines[i], full) {
        return None;
    }
    let next_text = |k: usize| (k + 1..lines.len()).find(|&j| !lines[j].is_blank());
    let second = next_text(i)?;
    let same_page = lines[second].page == lines[i].page;
    if !same_page || !apart(second) || !may_head_column(&lines[second], full) {
        return None;
    }
    let unlabelled = |k: usize| classify(lines[k].trimmed()).is_none();
    (opens_cell(lines, next_text(second)?, full) && unlabelled(i) && unlabelled(second))
        .then_some(([i, second], second + 1))
}

/// A column heading's look, its label aside: a short line opening with a
/// capital, ending no sentence, without figures.
fn may_head_column(line: &Src, full: usize) -> bool {
    is_heading_text(line.trimmed(), full)
}

/// The same, of a text (a layout line's field).
pub(super) fn is_heading_text(t: &str, full: usize) -> bool {
    let starts_upper = t
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase());
    starts_upper
        && !t.ends_with(['.', ':', ';', ','])
        && !t.bytes().any(|b| b.is_ascii_digit())
        && narrow(t, full)
}

/// Whether a table's first cell may open at `lines[k]`: a narrow line
/// filling its column with the cell's next line right under it, or a
/// line opening a numbered item.
fn opens_cell(lines: &[Src], k: usize, full: usize) -> bool {
    let t = lines[k].trimmed();
    let filled = t.chars().count() * FILLED.1 >= full * FILLED.0;
    let runs_on = lines.get(k + 1).is_some_and(|l| !l.is_blank());
    narrow(t, full) && (filled && runs_on || item_label(t).is_some())
}

fn narrow(t: &str, full: usize) -> bool {
    t.chars().count() * COLUMN_WIDTH.1 <= full * COLUMN_WIDTH.0
}

/// The blocks of lines under the headings that are cells, in order, and
/// the index after the last: a cell is a block of lines between blank
/// lines, narrow as a column is; a page's repeated headings are passed
/// over; a numbered paragraph, a heading, a caption, a units line or a
/// block that is not a cell ends the table.
fn blocks(lines: &[Src], mut k: usize, head: [&str; 2], full: usize) -> (Vec<Vec<usize>>, usize) {
    let repeats = |k: usize| head.contains(&lines[k].trimmed());
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut end = k;
    loop {
        while k < lines.len() && lines[k].is_blank() {
            k += 1;
        }
        if k >= lines.len() || ends_table(lines, k) {
            break;
        }
        if repeats(k) {
            k += 1;
            end = k;
            continue;
        }
        let block: Vec<usize> = (k..lines.len())
            .take_while(|&j| {
                !lines[j].is_blank() && !repeats(j) && (j == k || !ends_inside(lines, j))
            })
            .collect();
        let numbered = blocks
            .first()
            .is_some_and(|b| item_label(lines[b[0]].trimmed()).is_some());
        if !is_cell(lines, &block, full, numbered || blocks.is_empty()) {
            break;
        }
        k = block[block.len() - 1] + 1;
        end = k;
        blocks.push(block);
    }
    (blocks, end)
}

/// What a table of prose never takes: a numbered paragraph, a heading or
/// its label alone, a table's caption or units line.
fn ends_table(lines: &[Src], k: usize) -> bool {
    let t = lines[k].trimmed();
    super::starts_para(lines, k)
        || is_heading_label(t)
        || super::lone_label(t).is_some()
        || caption_number(t).is_some()
        || is_units(t)
}

/// What ends a table of prose inside a block of lines: a numbered
/// paragraph or a heading. A cell's lines may look like a units line
/// (`(2025/26: 60; 2026/27: 70)`) or a label alone (`2026.`).
fn ends_inside(lines: &[Src], j: usize) -> bool {
    super::starts_para(lines, j) || is_heading_label(lines[j].trimmed())
}

/// Whether a block of lines is a cell: narrow lines (one in four may be
/// twice as long, where pdftotext joined a word broken at the line's
/// end), most filling the column, and two lines or more; or one line
/// opening an item in a numbered table (`2.1 Cessation of hostilities`),
/// or one line at a page's foot (a cell the page breaks).
fn is_cell(lines: &[Src], block: &[usize], full: usize, numbered: bool) -> bool {
    let texts: Vec<&str> = block.iter().map(|&j| lines[j].trimmed()).collect();
    let wide = texts.iter().filter(|t| !narrow(t, full)).count();
    // An item's last line may be short; most lines fill the column.
    let short = texts[..texts.len() - 1]
        .iter()
        .filter(|t| t.chars().count() * FILLED.1 < full * FILLED.0)
        .count();
    let filled = short * 2 < texts.len();
    let last = block[block.len() - 1];
    let at_foot = (last + 1..lines.len())
        .find(|&j| !lines[j].is_blank())
        .is_some_and(|j| lines[j].page != lines[last].page);
    let one_line = numbered && item_label(texts[0]).is_some() || at_foot;
    wide * 4 <= texts.len() && filled && (texts.len() >= 2 || one_line) && narrow(texts[0], full)
}

/// The label of the item a line opens (`1.1`, `1.1.2`): numbers joined by
/// full stops, two or more, then a space.
pub(super) fn item_label(t: &str) -> Option<&str> {
    let (label, rest) = t.split_once(' ')?;
    let parts = label.split('.').count();
    let numbers = label
        .split('.')
        .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    (parts >= 2 && numbers && !rest.is_empty()).then_some(label)
}

/// Whether the table has cells: `Some(Some(label))` when its first cell
/// opens a numbered item, `Some(None)` when it is not numbered.
fn first_item<'a>(lines: &'a [Src], blocks: &[Vec<usize>]) -> Option<Option<&'a str>> {
    let first = blocks.first()?;
    Some(item_label(lines[first[0]].trimmed()))
}

/// Whether some cell opens an item under `label` (`1.1.1` under `1.1`):
/// the right column's items extend the left column's.
fn extended(lines: &[Src], blocks: &[Vec<usize>], label: &str) -> bool {
    blocks.iter().flatten().any(|&j| {
        item_label(lines[j].trimmed())
            .and_then(|l| l.strip_prefix(label))
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// Rows of a numbered table: a row for each item of the left column's
/// depth with its first item of the right column, a row for each further
/// item of the right column under the left cell continued.
fn by_numbers(
    lines: &[Src],
    blocks: &[Vec<usize>],
    vocab: &Vocabulary,
    decisions: &mut Vec<Decision>,
) -> Vec<Vec<String>> {
    let depth = |l: &str| l.split('.').count();
    let left = depth(item_label(lines[blocks[0][0]].trimmed()).unwrap_or(""));
    let mut items: Vec<(usize, String)> = Vec::new();
    for &j in blocks.iter().flatten() {
        let t = lines[j].trimmed();
        match (item_label(t), items.last_mut()) {
            (None, Some((_, text))) => join_into(
                text,
                &collapse_spaces(t),
                Some(vocab),
                decisions,
                lines[j].no,
            ),
            (label, _) => items.push((label.map_or(left + 1, depth), collapse_spaces(t))),
        }
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (d, text) in items {
        match rows.last_mut() {
            _ if d <= left => rows.push(vec![text, String::new()]),
            Some(row) if row[1].is_empty() => row[1] = text,
            _ => rows.push(vec![SPANNED.to_string(), text]),
        }
    }
    rows
}

/// The cells of a table read in turn, each block's lines joined; a block
/// opening in lower case on a new page goes on with the cell before it
/// (the cell was broken by the page).
fn in_turn(
    lines: &[Src],
    blocks: &[Vec<usize>],
    vocab: &Vocabulary,
    decisions: &mut Vec<Decision>,
) -> Vec<String> {
    let mut cells: Vec<String> = Vec::new();
    let mut last_page = 0;
    for block in blocks {
        let first = &lines[block[0]];
        let goes_on = first.page != last_page
            && first.trimmed().starts_with(char::is_lowercase)
            && !cells.is_empty();
        if !goes_on {
            cells.push(String::new());
        }
        let text = cells.last_mut().expect("a cell was pushed");
        for &j in block {
            join_into(
                text,
                &collapse_spaces(lines[j].trimmed()),
                Some(vocab),
                decisions,
                lines[j].no,
            );
        }
        last_page = lines[block[block.len() - 1]].page;
    }
    cells
}
