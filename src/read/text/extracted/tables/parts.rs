//! A layout table with a header of its own inside it, read by parts: no
//! grid fits the whole (a staffing table's one-column part over its
//! thirteen-column part), but each part has one, and parts ending on the
//! same heading are one table again, as the Word file has them.

use super::super::grid;
use super::super::pages::{Src, fields};
use super::{HEADER_LINES, Region, has_values, is_figure, is_gapped};

/// A layout region and its grid, or the tables it holds one after the
/// other. A budget's staffing table sets a part of one column (military
/// and police, a total each) over a part of thirteen (civilian staff by
/// grade) with a header of its own inside the table; no grid fits both,
/// but each part read alone has one. The region is cut before each
/// header inside it (set off by a blank line, cells without figures, rows
/// of figures under it) when every part then has its grid, and the parts
/// are joined again when they end on the same column; otherwise the
/// region stays whole, its grid unclear.
pub(super) fn layout_parts(
    lines: &[Src],
    region: Region,
    full: usize,
) -> Vec<(Region, Option<grid::Grid>)> {
    let whole = grid::rebuild(&lines[region.rows..region.notes]);
    if whole.is_some() {
        return vec![(region, whole)];
    }
    let mut cuts: Vec<usize> = Vec::new();
    for k in region.rows + 1..region.notes {
        let from = cuts.last().copied().unwrap_or(region.rows);
        if heads_inner_part(lines, k, from, region.notes, full) {
            cuts.push(k);
        }
    }
    if cuts.is_empty() {
        return vec![(region, whole)];
    }
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut head = region.head;
    let mut rows = region.rows;
    for &cut in cuts.iter().chain(std::iter::once(&region.notes)) {
        let last = region.notes == cut;
        // A part ends at its last line of text; the blank lines before the
        // next header go between the tables.
        let end = (rows..cut)
            .rev()
            .find(|&k| !lines[k].is_blank())
            .map_or(cut, |k| k + 1);
        let (notes, end) = if last {
            (region.notes, region.end)
        } else {
            (end, end)
        };
        let part = &lines[rows..notes];
        let Some(grid) = grid::rebuild(part).filter(|_| full_rows_on_every_page(part)) else {
            return vec![(region, whole)];
        };
        parts.push((
            Region {
                head,
                rows,
                notes,
                end,
            },
            Some(grid),
        ));
        (head, rows) = (cut, cut);
    }
    let grids: Vec<&grid::Grid> = parts.iter().filter_map(|(_, g)| g.as_ref()).collect();
    match joined_on_last_column(&grids) {
        Some(grid) => vec![(region, Some(grid))],
        None => parts,
    }
}

/// The parts of one table as one grid, as the Word file has them: when
/// every part's last heading is the same (`Total`), the parts' columns
/// are set flush right under the widest part's, the first part's header
/// heads the table and the later parts' headers are rows among the body.
fn joined_on_last_column(parts: &[&grid::Grid]) -> Option<grid::Grid> {
    let (first, later) = parts.split_first()?;
    let last_heading = |g: &grid::Grid| g.head.last().map(|h| h.trim().to_lowercase());
    let shared = last_heading(first).filter(|h| !h.is_empty())?;
    if later
        .iter()
        .any(|g| last_heading(g).as_ref() != Some(&shared))
    {
        return None;
    }
    let width = parts.iter().map(|g| g.head.len()).max()?;
    let flush_right = |row: &Vec<String>| {
        let mut out = Vec::with_capacity(width);
        out.extend(row.first().cloned());
        out.resize(
            width.saturating_sub(row.len().saturating_sub(1)),
            String::new(),
        );
        out.extend(row.iter().skip(1).cloned());
        out
    };
    let mut body: Vec<Vec<String>> = first.body.iter().map(flush_right).collect();
    for part in later {
        body.extend(part.over.iter().map(flush_right));
        body.push(flush_right(&part.head));
        body.extend(part.body.iter().map(flush_right));
    }
    Some(grid::Grid {
        over: first.over.iter().map(flush_right).collect(),
        head: flush_right(&first.head),
        body,
        head_joined: false,
    })
}

/// Whether every page of a part's rows has a row with as many figures as
/// its fullest: pdftotext places each page's columns anew, so the lone
/// figures of a page without such a row (a total's under the last column)
/// cannot be told from its neighbour's; the part is not read apart then.
fn full_rows_on_every_page(part: &[Src]) -> bool {
    let figures = |l: &Src| {
        fields(l.trimmed(), 2)
            .iter()
            .skip(1)
            .filter(|(_, f)| grid::is_value(f))
            .count()
    };
    let counted: Vec<(u32, usize)> = part.iter().map(|l| (l.page, figures(l))).collect();
    let most = counted.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let full_pages: std::collections::HashSet<u32> = counted
        .iter()
        .filter(|&&(_, n)| n == most)
        .map(|&(page, _)| page)
        .collect();
    counted
        .iter()
        .all(|&(page, n)| n == 0 || full_pages.contains(&page))
}

/// Whether `lines[k]`, inside a table's rows up to `notes`, opens a part
/// with a header of its own: a line of cells without figures after a
/// blank line or a row of figures, rows of figures above it since the last part's start
/// `from`, and a row of figures within the next few lines under it.
fn heads_inner_part(lines: &[Src], k: usize, from: usize, notes: usize, full: usize) -> bool {
    let line = &lines[k];
    // No figure at all: a row's bracketed decrease, `(15)`, is no value.
    let words_only = fields(line.trimmed(), 2).iter().all(|(_, f)| !is_figure(f));
    // Set off by a blank line, or right under a row of figures.
    let above = &lines[k - 1];
    let opens = (above.is_blank() || has_values(above)) && is_gapped(line, full) && words_only;
    opens
        && lines[from..k].iter().any(has_values)
        && lines[k + 1..notes]
            .iter()
            .filter(|l| !l.is_blank())
            .take(HEADER_LINES)
            .any(has_values)
}
