//! Amounts pdftotext ran together in a tight column (`561 330 451 912`,
//! a bold total's `746 900 566 395`) taken apart: where their digit groups
//! end on the columns' edges, else by the table's widest amounts' groups.

use std::collections::{HashMap, HashSet};

use super::{Cell, is_value};

/// The lines with each field of amounts that pdftotext set one space apart
/// (`561 330 451 912`, a gap closed in a tight column) split where its
/// digit groups end on right edges other figures end on (on its page, or
/// two or more anywhere: pdftotext places each page anew), each part an
/// amount of its own (`561 330` and `451 912`): only in a line with fewer
/// cells than two lines or more with figures have, into as many more as it
/// lacks (see [`amounts_apart`]).
pub(super) fn with_glued_amounts_apart<'a>(
    mut lines: Vec<Vec<Cell<'a>>>,
    pages: &[u32],
    is_stub: &dyn Fn(&Cell) -> bool,
) -> Vec<Vec<Cell<'a>>> {
    let glued = |c: &Cell| !is_stub(c) && c.text.contains(' ') && is_amounts(c.text);
    if !lines.iter().flatten().any(glued) {
        return lines;
    }
    let values = |line: &[Cell]| line.iter().filter(|c| !is_stub(c)).count();
    let figure_ends = |line: &[Cell]| -> Vec<usize> {
        line.iter()
            .filter(|c| !is_stub(c) && is_value(c.text))
            .map(|c| c.end)
            .collect()
    };
    let shifts = page_shifts(&lines, pages, &figure_ends);
    let mut counts: HashMap<usize, usize> = HashMap::new();
    let mut ends: HashMap<usize, usize> = HashMap::new();
    let mut page_ends: HashSet<(u32, usize)> = HashSet::new();
    for (line, &page) in lines.iter().zip(pages) {
        let figures = figure_ends(line);
        if !figures.is_empty() {
            *counts.entry(values(line)).or_default() += 1;
        }
        for end in figures {
            *ends.entry(shifted(end, shifts[&page])).or_default() += 1;
            page_ends.insert((page, end));
        }
    }
    // The most cells two lines or more have (a staffing table's rows may
    // all run a subtotal into its total, `17 238`, but not its `Net
    // change` rows, `– (17)`), else the most lines' count.
    let most_lines = counts
        .iter()
        .max_by_key(|&(&n, &lines)| (lines, n))
        .map(|(&n, _)| n);
    let Some(usual) = counts
        .iter()
        .filter(|&(_, &lines)| lines >= 2)
        .map(|(&n, _)| n)
        .max()
        .or(most_lines)
    else {
        return lines;
    };
    // The most digit groups an amount of the table has, in a full row or
    // with no space at all: no part cut from a cell has more.
    let most_groups = lines
        .iter()
        .flat_map(|l| {
            let full = values(l) >= usual;
            l.iter().filter(move |c| full || !c.text.contains(' '))
        })
        .filter(|c| !is_stub(c) && is_value(c.text))
        .map(|c| c.text.split(' ').count())
        .max()
        .unwrap_or(usize::MAX);
    for (line, &page) in lines.iter_mut().zip(pages) {
        let have = values(line);
        if have >= usual {
            continue;
        }
        let is_edge = |end: usize| {
            page_ends.contains(&(page, end))
                || ends
                    .get(&shifted(end, shifts[&page]))
                    .is_some_and(|&n| n >= 2)
        };
        let need = usual - have;
        let glued_at: Vec<usize> = (0..line.len()).filter(|&at| glued(&line[at])).collect();
        let Some(splits) = row_apart(line, &glued_at, &is_edge, need, most_groups) else {
            continue;
        };
        for (at, parts) in splits.into_iter().rev() {
            line.splice(at..=at, parts);
        }
    }
    lines
}

/// How far farther right each page sets the table's figures than the
/// page with the most figures: pdftotext places each page anew, so a
/// table's next page may stand a few places off (`482 304 452 633`, a
/// total row alone under its repeated header, four places left), its
/// shift the one that ends the most of its figures where that page's do.
fn page_shifts(
    lines: &[Vec<Cell>],
    pages: &[u32],
    figure_ends: &dyn Fn(&[Cell]) -> Vec<usize>,
) -> HashMap<u32, isize> {
    let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (line, &page) in lines.iter().zip(pages) {
        by_page.entry(page).or_default().extend(figure_ends(line));
    }
    let reference: HashSet<usize> = by_page
        .iter()
        .max_by_key(|&(&page, ends)| (ends.len(), std::cmp::Reverse(page)))
        .map(|(_, ends)| ends.iter().copied().collect())
        .unwrap_or_default();
    let near = |end: usize| (end.saturating_sub(1)..=end + 1).any(|e| reference.contains(&e));
    by_page
        .iter()
        .map(|(&page, ends)| {
            let matches = |d: isize| ends.iter().filter(|&&e| near(shifted(e, d))).count();
            // The smallest shift of those that match the most.
            let best = (0..=MAX_PAGE_SHIFT)
                .flat_map(|d| [d, -d])
                .max_by_key(|&d| (matches(d), std::cmp::Reverse(d.unsigned_abs())))
                .unwrap_or(0);
            (page, best)
        })
        .collect()
}

/// The most places a table's page is set off from another's.
const MAX_PAGE_SHIFT: isize = 12;

/// `end` moved `by` places right (left when negative).
fn shifted(end: usize, by: isize) -> usize {
    end.saturating_add_signed(by)
}

/// How a row's run-together cells (at `glued_at`) come apart into the
/// `need` more cells it lacks, each part an amount of at most
/// `most_groups` digit groups: where their groups end on the columns'
/// edges; else, when that cuts none or cuts wrongly (`381 364 313 795 340
/// 393` into `381 364`, `313 795 340` and `393`), into amounts of exactly
/// `most_groups` groups each, the one way they divide.
fn row_apart<'a>(
    line: &[Cell<'a>],
    glued_at: &[usize],
    is_edge: &dyn Fn(usize) -> bool,
    need: usize,
    most_groups: usize,
) -> Option<Vec<(usize, Vec<Cell<'a>>)>> {
    let fits = |splits: &[(usize, Vec<Cell>)]| {
        splits
            .iter()
            .map(|(_, parts)| parts.len() - 1)
            .sum::<usize>()
            == need
            && splits
                .iter()
                .flat_map(|(_, parts)| parts)
                .all(|p| p.text.split(' ').count() <= most_groups)
    };
    if let Some(splits) = by_edges(line, glued_at, is_edge, need).filter(|s| fits(s)) {
        return Some(splits);
    }
    let splits = glued_at
        .iter()
        .map(|&at| Some((at, in_groups_of(line[at], most_groups)?)))
        .collect::<Option<Vec<_>>>()?;
    fits(&splits).then_some(splits)
}

/// The cuts [`amounts_apart`] makes where groups end on edges: one cell,
/// and only one, come apart as the row needs; else a bold total row's
/// figures run together in more than one place (`746 900 566 395` and
/// `690 796 597 042`): each comes apart, in the one way its groups' ends
/// allow.
fn by_edges<'a>(
    line: &[Cell<'a>],
    glued_at: &[usize],
    is_edge: &dyn Fn(usize) -> bool,
    need: usize,
) -> Option<Vec<(usize, Vec<Cell<'a>>)>> {
    let splits: Vec<(usize, Vec<Cell>)> = glued_at
        .iter()
        .filter_map(|&at| Some((at, amounts_apart(line[at], is_edge, need)?)))
        .collect();
    if splits.len() == 1 {
        return Some(splits);
    }
    glued_at
        .iter()
        .map(|&at| Some((at, only_way_apart(line[at], is_edge, need)?)))
        .collect()
}

/// `cell` cut into amounts of `k` digit groups each (`381 364 313 795 340
/// 393` into three of two), when its groups divide so, each an amount; a
/// cell of `k` groups or fewer stays whole (`481 205` beside it).
fn in_groups_of(cell: Cell<'_>, k: usize) -> Option<Vec<Cell<'_>>> {
    let spaces: Vec<usize> = cell.text.match_indices(' ').map(|(i, _)| i).collect();
    let groups = spaces.len() + 1;
    if groups <= k {
        return is_one_amount(cell.text).then(|| vec![cell]);
    }
    if k == 0 || !groups.is_multiple_of(k) {
        return None;
    }
    cut_into_amounts(cell, spaces.iter().skip(k - 1).step_by(k).copied())
}

/// `cell` cut into amounts by [`amounts_apart`] in one way only, into two
/// to `most` + 1 amounts; `None` when no way or several ways fit.
fn only_way_apart<'a>(
    cell: Cell<'a>,
    is_edge: &dyn Fn(usize) -> bool,
    most: usize,
) -> Option<Vec<Cell<'a>>> {
    let mut ways = (1..=most).filter_map(|more| amounts_apart(cell, is_edge, more));
    match (ways.next(), ways.next()) {
        (Some(parts), None) => Some(parts),
        _ => None,
    }
}

/// Digit groups one space apart (ASCII digits only).
fn is_amounts(t: &str) -> bool {
    t.split(' ')
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `t` is one amount: a group of one to three digits, not led by
/// a zero unless it is zero, then groups of three.
fn is_one_amount(t: &str) -> bool {
    let mut groups = t.split(' ');
    let lead = groups.next().unwrap_or("");
    let well_led = lead == "0" || !lead.starts_with('0');
    (1..=3).contains(&lead.len()) && well_led && groups.all(|g| g.len() == 3)
}

/// `cell` cut into `more` + 1 amounts after the digit groups that end on
/// an edge: those that end exactly on one when they are `more`,
/// else those within a place of one when they are; `None` otherwise.
fn amounts_apart<'a>(
    cell: Cell<'a>,
    is_edge: &dyn Fn(usize) -> bool,
    more: usize,
) -> Option<Vec<Cell<'a>>> {
    let ends: Vec<(usize, bool)> = cell
        .text
        .match_indices(' ')
        .map(|(k, _)| (k, cell.start + k))
        .filter(|&(_, end)| (end - 1..=end + 1).any(is_edge))
        .map(|(k, end)| (k, is_edge(end)))
        .collect();
    let exact: Vec<usize> = ends.iter().filter(|e| e.1).map(|e| e.0).collect();
    let cuts: Vec<usize> = if exact.len() == more {
        exact
    } else if ends.len() == more {
        ends.iter().map(|e| e.0).collect()
    } else {
        return None;
    };
    cut_into_amounts(cell, cuts)
}

/// `cell` cut at the spaces at `cuts` (byte offsets, in order), when
/// every piece is one amount. Amounts are ASCII: a byte is a column.
fn cut_into_amounts<'a>(
    cell: Cell<'a>,
    cuts: impl IntoIterator<Item = usize>,
) -> Option<Vec<Cell<'a>>> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for to in cuts.into_iter().chain([cell.text.len()]) {
        let text = &cell.text[from..to];
        if !is_one_amount(text) {
            return None;
        }
        pieces.push(Cell {
            start: cell.start + from,
            end: cell.start + to,
            text,
        });
        from = to + 1;
    }
    Some(pieces)
}
