//! Tables of two columns of prose in layout text (`pdftotext -layout`,
//! and `.pdf` input): the two column headings on one line, apart by a
//! wide space, then the cells side by side, each column's lines at its
//! own place. A row begins where a left cell begins; the right column's
//! cells from there to the next left cell are the row's (an
//! accomplishment `1.1` and its indicators `1.1.1`, `1.1.2`, a row each,
//! the left cell spanning them). pdftotext places each page anew, so each
//! page's right column is taken from its repeated headings or its lines
//! of both columns, or else kept from the page before.

use super::flow::{collapse_spaces, join_into};
use super::grid::{Grid, is_value};
use super::hyphen::Vocabulary;
use super::pages::{Src, fields};
use super::prose::{SPANNED, is_heading_text, item_label, table_of};
use super::tables::{Region, is_heading_label, is_units};
use crate::read::audit::Decision;
use crate::read::text::{caption_number, classify};
use std::collections::HashMap;

/// Blank lines a table of prose may hold between its cells on one page.
const BLANKS_INSIDE: usize = 3;
/// How far left of its column a line may start and still be the column's
/// (a page whose column is carried from the page before may sit a few
/// columns off; the left column's lines start far from it).
const SLACK: usize = 12;

/// Which column a piece of a line is in.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

/// A piece of a line in one column: its line and text, and whether it is
/// its column's first after the headings repeated (a new page's first
/// cell, never the cell before going on).
struct Piece {
    line: usize,
    side: Side,
    text: String,
    fresh: bool,
}

/// A table of prose whose headings are `lines[i]`: its region and grid.
pub(super) fn find(
    lines: &[Src],
    i: usize,
    full: usize,
    vocab: &Vocabulary,
    decisions: &mut Vec<Decision>,
) -> Option<(Region, Grid)> {
    // Asked of every line of layout text: the cheap tests first.
    if !lines.get(i + 1).is_some_and(Src::is_blank) || !super::pages::has_gap(lines[i].trimmed()) {
        return None;
    }
    let head = headings(&lines[i], full)?;
    let end = region_end(lines, i, &head, full);
    // Two columns of prose: no line holds a third field.
    let three = lines[i + 1..end]
        .iter()
        .any(|l| fields(&l.text, 3).len() > 2);
    let pieces = pieces(lines, i, end, &head);
    // Prose, not figures: a right column mostly of figures is a table's.
    let right: Vec<&Piece> = pieces.iter().filter(|p| p.side == Side::Right).collect();
    let figures = right.iter().filter(|p| is_value(&p.text)).count();
    if three || figures * 2 > right.len() {
        return None;
    }
    if !pieces.iter().any(|p| p.side == Side::Left) || !pieces.iter().any(|p| p.side == Side::Right)
    {
        return None;
    }
    let mut joined = Vec::new();
    let body = rows(lines, &pieces, vocab, &mut joined);
    if body.is_empty() || body.iter().all(|r| r[1].is_empty()) {
        return None;
    }
    decisions.append(&mut joined);
    let head = vec![head[0].1.clone(), head[1].1.clone()];
    Some(table_of(i, end, head, body))
}

/// The two headings of a line (their columns and texts): two fields apart
/// by a wide space, each a column heading's text.
fn headings(line: &Src, full: usize) -> Option<[(usize, String); 2]> {
    let f = fields(&line.text, 3);
    let [(lc, left), (rc, right)] = f[..] else {
        return None;
    };
    (is_heading_text(left, full) && is_heading_text(right, full) && classify(left).is_none())
        .then(|| [(lc, left.to_string()), (rc, right.to_string())])
}

/// Whether a line repeats the headings (a new page of the table).
fn repeats(line: &Src, head: &[(usize, String); 2]) -> Option<usize> {
    let f = fields(&line.text, 3);
    match f[..] {
        [(_, l), (rc, r)] if l == head[0].1 && r == head[1].1 => Some(rc),
        _ => None,
    }
}

/// The index after the table's last line: its last line with a piece in
/// the right column, and the left cell's lines right under it. A line
/// reaching into the right column never ends it; otherwise a numbered
/// paragraph, a heading, a caption or units line, a line of full text,
/// or more blank lines than a table holds on one page do.
fn region_end(lines: &[Src], i: usize, head: &[(usize, String); 2], full: usize) -> usize {
    let half = head[0].0 + (head[1].0 - head[0].0) / 2;
    let mut last_right = i;
    let mut blanks = 0;
    let mut k = i + 1;
    while k < lines.len() {
        let line = &lines[k];
        if line.is_blank() {
            blanks += 1;
            k += 1;
            continue;
        }
        let f = fields(&line.text, 3);
        let right = f.len() >= 2 || f.first().is_some_and(|(c, _)| *c > half);
        let starts_left = f.first().is_some_and(|(c, _)| *c <= half);
        let new_page = line.page != lines[k - 1 - blanks].page;
        if starts_left && ends(lines, k, full) || !right && blanks > BLANKS_INSIDE && !new_page {
            break;
        }
        blanks = 0;
        if right {
            last_right = k;
        }
        k += 1;
    }
    // A left cell longer than its row's right one goes on under it; a line
    // under a line without left text (`External factors`) is not its.
    let starts_left = |l: &Src| fields(&l.text, 3).first().is_some_and(|(c, _)| *c <= half);
    let mut end = last_right + 1;
    while end < k && !lines[end].is_blank() && starts_left(&lines[end - 1]) {
        end += 1;
    }
    end
}

/// A line starting in the left column that ends the table (a full line
/// of text reaches into the right column, a heading's label may have its
/// text a wide space after it).
fn ends(lines: &[Src], k: usize, full: usize) -> bool {
    let t = lines[k].trimmed();
    let single = fields(&lines[k].text, 3).len() == 1;
    super::starts_para(lines, k)
        || is_heading_label(t)
        || super::lone_label(t).is_some()
        || caption_number(t).is_some()
        || single && is_units(t)
        || single && t.chars().count() * 4 > full * 3
}

/// Each page's right column: where its repeated headings put it, or its
/// lines with two pieces; a page with neither (its lines all in one
/// column) keeps the page before's.
fn right_columns(
    lines: &[Src],
    i: usize,
    end: usize,
    head: &[(usize, String); 2],
) -> HashMap<u32, usize> {
    let mut found: HashMap<u32, usize> = HashMap::new();
    found.insert(lines[i].page, head[1].0);
    for line in lines[i + 1..end].iter().filter(|l| !l.is_blank()) {
        let second = match repeats(line, head) {
            Some(rc) => Some(rc),
            None => fields(&line.text, 3).get(1).map(|(c, _)| *c),
        };
        if let Some(rc) = second {
            let at = found.entry(line.page).or_insert(rc);
            *at = (*at).min(rc);
        }
    }
    let mut out = HashMap::new();
    let mut carried = head[1].0;
    for line in &lines[i..end] {
        let rc = *found.get(&line.page).unwrap_or(&carried);
        carried = rc;
        out.insert(line.page, rc);
    }
    out
}

/// The region's lines cut into their columns' pieces, in order; repeated
/// headings left out.
fn pieces(lines: &[Src], i: usize, end: usize, head: &[(usize, String); 2]) -> Vec<Piece> {
    let right_at = right_columns(lines, i, end, head);
    let mut out: Vec<Piece> = Vec::new();
    let mut fresh = [false, false];
    for (k, line) in lines.iter().enumerate().take(end).skip(i + 1) {
        if repeats(line, head).is_some() {
            fresh = [true, true];
            continue;
        }
        if line.is_blank() {
            continue;
        }
        let rc = right_at[&line.page];
        for (col, text) in fields(&line.text, 3) {
            let side = if col + SLACK >= rc {
                Side::Right
            } else {
                Side::Left
            };
            let n = usize::from(side == Side::Right);
            match out.last_mut() {
                Some(Piece {
                    line: l,
                    side: s,
                    text: t,
                    ..
                }) if *l == k && *s == side => {
                    t.push(' ');
                    t.push_str(text);
                }
                _ => out.push(Piece {
                    line: k,
                    side,
                    text: collapse_spaces(text),
                    fresh: std::mem::take(&mut fresh[n]),
                }),
            }
        }
    }
    out
}

/// The rows: one for each left cell, with the right column's cells from
/// its first line to the next left cell's, each after the first in a row
/// of its own under the left cell continued (`^`). In a numbered table a
/// cell is an item (`1.1`, `1.1.2`); otherwise a row begins on a line
/// where the right column begins a cell (after a line without right text)
/// beside left text, as rows' cells are set top to top.
fn rows(
    lines: &[Src],
    pieces: &[Piece],
    vocab: &Vocabulary,
    decisions: &mut Vec<Decision>,
) -> Vec<Vec<String>> {
    let numbered = pieces
        .iter()
        .find(|p| p.side == Side::Left)
        .is_some_and(|p| item_label(&p.text).is_some());
    let same_page = |l: usize, k: usize| lines[l].page == lines[k].page;
    let row_starts = if numbered {
        Vec::new()
    } else {
        row_starts(pieces, &same_page)
    };
    let starts = |p: &Piece, last: Option<usize>| {
        let blank = |l: usize| same_page(l, p.line) && (l + 1..p.line).any(|k| lines[k].is_blank());
        p.fresh
            || if numbered {
                item_label(&p.text).is_some() || last.is_none_or(blank)
            } else {
                last.is_none() || row_starts.contains(&p.line)
            }
    };
    let left = cells(lines, pieces, Side::Left, &starts, vocab, decisions);
    let right = cells(lines, pieces, Side::Right, &starts, vocab, decisions);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let starts: Vec<usize> = left.iter().map(|(at, _)| *at).collect();
    for (n, (_, text)) in left.iter().enumerate() {
        let from = if n == 0 { 0 } else { starts[n] };
        let to = starts.get(n + 1).copied().unwrap_or(usize::MAX);
        let mine: Vec<&String> = right
            .iter()
            .filter(|(at, _)| *at >= from && *at < to)
            .map(|(_, t)| t)
            .collect();
        rows.push(vec![
            text.clone(),
            mine.first().map(|t| t.to_string()).unwrap_or_default(),
        ]);
        for t in mine.iter().skip(1) {
            rows.push(vec![SPANNED.to_string(), t.to_string()]);
        }
    }
    rows
}

/// The lines where an unnumbered table's rows begin: where the right
/// column begins a cell (its first line, after a line of the same page
/// without right text, or after the headings repeated) beside left text.
fn row_starts(pieces: &[Piece], same_page: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let left_at: Vec<usize> = pieces
        .iter()
        .filter(|p| p.side == Side::Left)
        .map(|p| p.line)
        .collect();
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    for p in pieces.iter().filter(|p| p.side == Side::Right) {
        let begins = p.fresh || last.is_none_or(|l| p.line > l + 1 && same_page(l, p.line));
        if begins && left_at.contains(&p.line) {
            out.push(p.line);
        }
        last = Some(p.line);
    }
    out
}

/// A column's cells, each with the line it begins on (`starts` tells,
/// from a piece and its column's line before); across a page break a
/// cell goes on unless `starts` says otherwise. Its lines are joined.
fn cells(
    lines: &[Src],
    pieces: &[Piece],
    side: Side,
    starts: &dyn Fn(&Piece, Option<usize>) -> bool,
    vocab: &Vocabulary,
    decisions: &mut Vec<Decision>,
) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut last_line: Option<usize> = None;
    for p in pieces.iter().filter(|p| p.side == side) {
        match out.last_mut() {
            Some((_, text)) if !starts(p, last_line) => {
                join_into(text, &p.text, Some(vocab), decisions, lines[p.line].no)
            }
            _ => out.push((p.line, p.text.clone())),
        }
        last_line = Some(p.line);
    }
    out
}
