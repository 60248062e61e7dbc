//! Rebuilding a layout table's grid from the columns its cells stand in:
//! figures are aligned on their right edge, so each value column is a
//! cluster of right edges; the row label (stub) starts at the left margin.
//! The grid is clear when every cell of a row falls in one column of its
//! own and no cell runs across another column's edge; otherwise the table
//! is kept as one block.

use std::collections::{HashMap, HashSet};

use super::flow::collapse_spaces;
use super::pages::{Src, fields};

/// A rebuilt table: header cells and body rows, one string per column.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Grid {
    /// Lines of group headings above the header (`International staff`).
    pub over: Vec<Vec<String>>,
    pub head: Vec<String>,
    pub body: Vec<Vec<String>>,
    /// The header's cells were read partly after the rows, where the text
    /// no longer tells their columns: `head` is one heading across the
    /// table, its words in the order read ([`super::cells::grid_with_late_header`]).
    pub head_joined: bool,
}

/// Right edges within this many columns are one column.
const EDGE_TOLERANCE: usize = 3;
/// The most value columns a rebuilt table has.
const MAX_COLUMNS: usize = 16;
/// How far right of the margin a row label may start.
const STUB_SLACK: usize = 6;
/// The same in a mirrored right-to-left table: pdftotext places each run
/// of Arabic text by its own glyphs' widths, so the right edges of labels
/// set flush right drift by several columns from row to row.
const STUB_SLACK_RIGHT_TO_LEFT: usize = 10;

/// A cell of a layout line: first and last-plus-one column, text.
#[derive(Debug, Clone, Copy)]
struct Cell<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// A line's cells: its fields, and two figures one space apart in a
/// field (`2.5% ($2 033.4)`, pdftotext closing a narrow gap) two cells,
/// an amount and a symbol after it too.
fn cells(line: &str) -> Vec<Cell<'_>> {
    let mut out = Vec::new();
    for (start, text) in fields(line, 2) {
        // Only a field of figures with a space may be two figures.
        let parts = if text.contains(' ') && super::tables::is_figure(text) {
            split_figures(text)
        } else {
            Vec::new()
        };
        // A bracketed number in a body row is a negative amount (`– (17)`,
        // a nil and a decrease), not a header's column number.
        let figure = |p: &str| is_value(p) || is_bracketed_number(p);
        let parts = if parts.len() > 1 && parts.iter().all(|(_, p)| figure(p)) {
            parts
        } else {
            amount_and_symbol(text)
        };
        if parts.len() > 1 {
            for (offset, part) in parts {
                let at = start + text[..offset].chars().count();
                out.push(Cell {
                    start: at,
                    end: at + part.chars().count(),
                    text: part,
                });
            }
            continue;
        }
        out.push(Cell {
            start,
            end: start + text.chars().count(),
            text,
        });
    }
    out
}

/// An amount and the document symbol after it one space apart
/// (`301 237.4 A/79/741`), as pdftotext sets an amount's column against
/// the next period's `Report` column: two cells. Empty otherwise.
fn amount_and_symbol(text: &str) -> Vec<(usize, &str)> {
    let Some((amount, symbol)) = text.rsplit_once(' ') else {
        return Vec::new();
    };
    if is_value(amount) && crate::symbol::is_valid(symbol) {
        vec![(0, amount), (amount.len() + 1, symbol)]
    } else {
        Vec::new()
    }
}

/// The grid of `rows` (layout lines), when it is clear. A right-to-left
/// table (its labels at the right, figures to their left) is read
/// mirrored, so its columns come in reading order, labels first.
pub(super) fn rebuild(rows: &[Src]) -> Option<Grid> {
    let mirrored;
    let right_to_left = rows
        .iter()
        .any(|l| l.trimmed().chars().any(crate::script::is_arabic));
    let rows = if right_to_left {
        mirrored = mirror(rows);
        &mirrored
    } else {
        rows
    };
    let kept = without_repeated_headers(rows);
    let (lines, marks, pages) = with_marks_folded(&kept);
    let margin = lines
        .iter()
        .filter_map(|c| c.first())
        .map(|c| c.start)
        .min()?;
    let slack = if right_to_left {
        STUB_SLACK_RIGHT_TO_LEFT
    } else {
        STUB_SLACK
    };
    let at_margin = |c: &Cell| c.start <= margin + slack;
    // A row label indented under its group's (`National Professional
    // Officers` under `National staff` under `Civilian personnel`) starts
    // left of every figure, where rows of figures start: it is the stub
    // too (a text column's cells, `Peacekeeping Reserve Fund`, start no row).
    let figures_from = lines
        .iter()
        .flatten()
        .filter(|c| !at_margin(c) && is_value(c.text))
        .map(|c| c.start)
        .min()
        .unwrap_or(usize::MAX);
    let leads: HashSet<usize> = lines
        .iter()
        .filter(|l| l.iter().skip(1).any(|c| is_value(c.text)))
        .filter_map(|l| l.first().map(|c| c.start))
        .collect();
    let indented = |c: &Cell| {
        c.start < figures_from
            && leads.contains(&c.start)
            && c.text.chars().any(char::is_alphabetic)
            && !is_value(c.text)
    };
    let is_stub = |c: &Cell| (at_margin(c) || indented(c)) && !super::tables::is_note_mark(c.text);
    let lines = with_glued_amounts_apart(lines, &pages, &is_stub);
    let data_from = lines.iter().position(|l| {
        l.iter().any(|c| !is_stub(c) && is_value(c.text)) && l.first().is_some_and(is_stub)
    })?;
    // Row labels alone on their lines just above the first figures are
    // rows, a labelled one (`I.   Military observers`) too.
    let mut data_from = data_from;
    while data_from > 0
        && !lines[data_from - 1].is_empty()
        && lines[data_from - 1].iter().all(is_stub)
    {
        data_from -= 1;
    }
    let data = &lines[data_from..];
    let (mut body, edges, in_order) = body_grid(
        &lines,
        data,
        &marks[data_from..],
        &pages[data_from..],
        &is_stub,
    )?;
    body.retain(|row| row.iter().any(|c| !c.is_empty()));
    // Read in order, the columns stand where the header's page sets them.
    let head_edges = in_order
        .then(|| columns_on_page(data, &pages[data_from..], &is_stub))
        .flatten()
        .filter(|e| e.len() == edges.len());
    let head_lines = with_raised_marks(&lines[..data_from], &marks[..data_from]);
    let head_edges = head_edges.as_deref().unwrap_or(&edges);
    let (over, head) = squeezed::header(&head_lines, head_edges, margin)
        .unwrap_or_else(|| (Vec::new(), header(&head_lines, head_edges, margin)));
    Some(Grid {
        over,
        head,
        body,
        head_joined: false,
    })
}

/// The body rows of `data` and their columns, and whether they were read
/// in order: by their cells' order when the rows with the most cells all
/// have as many (a row with fewer, an amount under a total's column, is
/// placed by the columns those rows set on its page, when they stand
/// still from row to row), else by their right
/// edges unless the pages' columns make more columns than any of `lines`
/// has cells (pdftotext places each page anew).
fn body_grid(
    lines: &[Vec<Cell>],
    data: &[Vec<Cell>],
    marks: &[Vec<Cell>],
    pages: &[u32],
    is_stub: &dyn Fn(&Cell) -> bool,
) -> Option<(Vec<Vec<String>>, Vec<Column>, bool)> {
    let values = |line: &[Cell]| value_cells(line, is_stub);
    let by_order = || {
        let edges = columns_in_order(data, is_stub)?;
        let n = edges.len();
        let mut page_edges: HashMap<u32, Vec<Column>> = HashMap::new();
        for page in pages
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<u32>>()
        {
            let full: Vec<Vec<Cell>> = data
                .iter()
                .zip(pages)
                .filter(|(l, p)| **p == page && values(l) == n)
                .map(|(l, _)| l.clone())
                .collect();
            // Only columns that stand still from row to row place a row
            // a cell short: a drifting column of figures may take the
            // next's figure. A drifting column of text (symbols, dates set
            // flush left: `A/78/744/Add.4` under `A/78/737`) holds no cell
            // of such a row, and the figures beside it are placed.
            let texts = text_columns(&full, is_stub);
            let placing = columns_in_order(&full, is_stub).and_then(|e| {
                e.into_iter()
                    .enumerate()
                    .map(|(k, c)| match c.hi - c.lo <= EDGE_TOLERANCE {
                        true => Some(c),
                        false => texts.contains(&k).then(|| c.holding_nothing()),
                    })
                    .collect::<Option<Vec<Column>>>()
            });
            page_edges.extend(placing.map(|e| (page, e)));
        }
        let place = |k: usize| {
            let line = &data[k];
            let have = values(line);
            if have == 0 || have == n {
                return place_in_order(line, n, is_stub);
            }
            let edges = page_edges.get(&pages[k])?;
            if have == 1 {
                place_figure(line, edges, is_stub)
            } else {
                place(line, edges, is_stub)
            }
        };
        Some((body_rows(data, marks, n, is_stub, &place)?, edges, true))
    };
    let widest_line = lines.iter().map(|l| values(l)).max().unwrap_or(0);
    let by_edges = || {
        let edges = columns(data, is_stub).filter(|e| e.len() <= widest_line)?;
        let place = |k: usize| place(&data[k], &edges, is_stub);
        Some((
            body_rows(data, marks, edges.len(), is_stub, &place)?,
            edges,
            false,
        ))
    };
    by_order().or_else(by_edges)
}

/// The columns, read in order, of the rows on the first row's page.
fn columns_on_page(
    data: &[Vec<Cell>],
    pages: &[u32],
    is_stub: &dyn Fn(&Cell) -> bool,
) -> Option<Vec<Column>> {
    let page = *pages.first()?;
    let same_page: Vec<Vec<Cell>> = data
        .iter()
        .zip(pages)
        .filter(|(_, p)| **p == page)
        .map(|(l, _)| l.clone())
        .collect();
    columns_in_order(&same_page, is_stub)
}

/// The lines with their cells set at the mirrored columns (a cell's text
/// as it is: extraction gives each in reading order). A note letter that
/// ends a line of figures where its label should stand (set higher, it
/// parted from its label, which follows alone on the next line) is put
/// back after its label, on the figures' line.
fn mirror(rows: &[Src]) -> Vec<Src> {
    let width = rows
        .iter()
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        let line = &rows[i];
        let mut cells = cells(&line.text);
        let label = rows.get(i + 1).map(|l| self::cells(&l.text));
        let raised = cells.len() > 1
            && cells
                .last()
                .is_some_and(|c| c.text.len() == 1 && super::tables::is_note_mark(c.text));
        let joined;
        if raised && let Some([label]) = label.as_deref() {
            let mark = cells.pop().map_or("", |c| c.text);
            joined = format!("{} {mark}", label.text);
            cells.push(Cell {
                start: label.start,
                end: label.end,
                text: &joined,
            });
            i += 1;
        }
        let mut text = String::with_capacity(line.text.len());
        for cell in cells.iter().rev() {
            let at = width.saturating_sub(cell.end);
            let pad = at
                .saturating_sub(text.chars().count())
                .max(2 * usize::from(!text.is_empty()));
            text.extend(std::iter::repeat_n(' ', pad));
            text.push_str(cell.text);
        }
        out.push(Src::new(line.no, line.page, text));
        i += 1;
    }
    out
}

/// Each line's cells, the note mark folded onto it, and its page.
type Folded<'a> = (Vec<Vec<Cell<'a>>>, Vec<Vec<Cell<'a>>>, Vec<u32>);

/// The lines' cells, with the note marks that stand alone on a line above
/// a row (superscripts set higher than their line; several on one line
/// over a header's headings) moved to that row. A
/// table going on over pages has each page's cells moved so that its
/// leftmost text stands at the first page's: pdftotext places each page
/// anew, and the row labels (the stub) are told by their margin.
fn with_marks_folded<'a>(lines: &[&'a Src]) -> Folded<'a> {
    // Each page's margin: its rows' of figures when it has any (a title
    // set further out under the table, `Estimated amount`, its own rows
    // after it, does not move the page's rows), else its lines'.
    let mut margins: Vec<(u32, usize, Option<usize>)> = Vec::new();
    for line in lines {
        let row = super::tables::has_values(line).then(|| line.indent());
        match margins.last_mut() {
            Some((page, any, rows)) if *page == line.page => {
                *any = (*any).min(line.indent());
                *rows = match (*rows, row) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            _ => margins.push((line.page, line.indent(), row)),
        }
    }
    let margins: Vec<(u32, usize)> = margins
        .into_iter()
        .map(|(page, any, rows)| (page, rows.unwrap_or(any)))
        .collect();
    let base = margins.first().map_or(0, |m| m.1);
    let mut out = Vec::new();
    let mut marks = Vec::new();
    let mut pages = Vec::new();
    let mut pending = Vec::new();
    for line in lines {
        let mut cells = cells(&line.text);
        let margin = margins
            .iter()
            .find(|(page, _)| *page == line.page)
            .map_or(base, |m| m.1);
        if margin != base {
            for cell in &mut cells {
                let width = cell.end - cell.start;
                cell.start = (cell.start + base).saturating_sub(margin);
                cell.end = cell.start + width;
            }
        }
        if !cells.is_empty() && cells.iter().all(|c| super::tables::is_raised_mark(c.text)) {
            pending.extend(cells);
            continue;
        }
        out.push(cells);
        marks.push(std::mem::take(&mut pending));
        pages.push(line.page);
    }
    (out, marks, pages)
}

/// The rows without the header lines a table repeats at the top of each
/// new page (compared with spaces collapsed: a page sets its columns apart
/// by its own widths): only the first page's lines above its first row of
/// figures are a header, and only a page's first lines repeat it; a body
/// row alike on two pages (`Net change` with the same figures) is kept.
fn without_repeated_headers(rows: &[Src]) -> Vec<&Src> {
    let lines: Vec<&Src> = rows.iter().filter(|l| !l.is_blank()).collect();
    let Some(first_page) = lines.first().map(|l| l.page) else {
        return lines;
    };
    let header: HashSet<String> = lines
        .iter()
        .take_while(|l| l.page == first_page && !super::tables::has_values(l))
        .map(|l| collapse_spaces(l.trimmed()))
        .collect();
    let mut out = Vec::new();
    let mut page_top = first_page;
    let mut at_top = false;
    for line in lines {
        if line.page != page_top {
            (page_top, at_top) = (line.page, true);
        }
        if at_top && header.contains(&collapse_spaces(line.trimmed())) {
            continue;
        }
        at_top = false;
        out.push(line);
    }
    out
}

/// A field's figures, each with its byte offset: two set one space apart
/// (`2.5% ($2 033.4)`, `70 694.1 62 709.3`, `– 3 951`) are split where one
/// closes (`%`, `)`, a decimal part, a nil dash) and the next opens (`(`,
/// `$`, a digit, a dash); a thousands space (`$2 033.4`) never splits.
pub(super) fn split_figures(t: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, _) in t.match_indices(' ') {
        let (left, right) = (&t[start..k], &t[k + 1..]);
        // A decimal part ends a figure: thousands groups come before it.
        let last_word = left.rsplit(' ').next().unwrap_or(left);
        let closes = left.ends_with(['%', ')'])
            || last_word.contains(['.', ',']) && left.ends_with(|c: char| c.is_ascii_digit())
            || matches!(last_word, "–" | "—" | "-");
        let opens = right.starts_with(['(', '$', '–', '—', '-'])
            || right.starts_with(|c: char| c.is_ascii_digit());
        if closes && opens {
            out.push((start, left));
            start = k + 1;
        }
    }
    out.push((start, &t[start..]));
    out
}

/// `(17)`: digits in brackets.
fn is_bracketed_number(t: &str) -> bool {
    t.strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// A value cell: figures, a dash, a bracketed figure; not a header's
/// period (`(2024/25)`), year (`2024`, `2024年`) or column number (`(1)`,
/// `(6)=(5)-(3)`); a unit's letter or ideograph may follow the figure, never
/// words (`金额2022年`).
pub(super) fn is_value(t: &str) -> bool {
    let inner = t.trim_start_matches('(').trim_end_matches(')');
    let period = inner.len() >= 6
        && inner.contains('/')
        && inner.bytes().all(|b| b.is_ascii_digit() || b == b'/');
    let column_number = t.starts_with('(') && (inner.len() <= 2 || t.contains('='));
    let year = t.len() >= 4 && (t.starts_with("19") || t.starts_with("20")) && {
        let (digits, rest) = t.split_at(4);
        digits.bytes().all(|b| b.is_ascii_digit())
            && (rest.is_empty()
                || rest.starts_with(' ')
                || crate::script::starts_ideographic(rest)
                || rest.len() == 1 && super::tables::is_note_mark(rest))
    };
    !period && !column_number && !year && !is_grade(t) && figure_like(t)
}

/// A document symbol (`A/78/737`): a figure's characters, but a column of
/// them is a column of text, set flush left.
fn is_symbol(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_uppercase()) && t.contains('/') && crate::symbol::is_valid(t)
}

/// A staff grade's code heading a staffing table's column (`D-1`, `P-4`,
/// `P-5–` stacked over `P-4`, `GS-6`): letters, a hyphen, a digit.
fn is_grade(t: &str) -> bool {
    let t = t.trim_end_matches(['–', '-']);
    let Some((letters, digits)) = t.split_once('-') else {
        return false;
    };
    (1..=3).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A digit or dash, at most three letters and one ideograph: read in one
/// pass that stops at the fourth letter, since most lines of a text are
/// words (every line of a table region is asked).
fn figure_like(t: &str) -> bool {
    let (mut figure, mut letters, mut ideographs) = (false, 0, 0);
    for c in t.chars() {
        if c.is_ascii_digit() || matches!(c, '–' | '—' | '-') {
            figure = true;
        } else if c.is_alphabetic() {
            letters += 1;
            if crate::script::is_ideographic(c) {
                ideographs += 1;
            }
            if letters > 3 || ideographs > 1 {
                return false;
            }
        } else if crate::script::is_ideographic(c) {
            ideographs += 1;
            if ideographs > 1 {
                return false;
            }
        }
    }
    figure
}

/// A value column: its cells' leftmost start and the span of their right
/// edges (pdftotext sets a dash or a bracketed figure a column or two off
/// the others' edge, so edges chain by at most [`EDGE_TOLERANCE`]).
#[derive(Debug, Clone, Copy)]
struct Column {
    start: usize,
    lo: usize,
    hi: usize,
}

impl Column {
    /// The column as a place no cell is set in; its right edge still
    /// tells where a cell reaching over it crosses it.
    fn holding_nothing(self) -> Column {
        Column {
            lo: usize::MAX - EDGE_TOLERANCE,
            ..self
        }
    }

    /// Whether a cell ending at `end` is set in this column.
    fn holds(&self, end: usize) -> bool {
        end + EDGE_TOLERANCE >= self.lo && end <= self.hi + EDGE_TOLERANCE
    }
}

/// The value columns, by their cells' right edges.
fn columns(lines: &[Vec<Cell>], is_stub: &dyn Fn(&Cell) -> bool) -> Option<Vec<Column>> {
    let mut ends: Vec<(usize, usize)> = lines
        .iter()
        .flat_map(|l| l.iter().filter(|c| !is_stub(c)).map(|c| (c.end, c.start)))
        .collect();
    ends.sort_unstable();
    let mut out: Vec<Column> = Vec::new();
    for (end, start) in ends {
        match out.last_mut() {
            Some(column) if end <= column.hi + EDGE_TOLERANCE => {
                column.hi = end;
                column.start = column.start.min(start);
            }
            _ => out.push(Column {
                start,
                lo: end,
                hi: end,
            }),
        }
    }
    (!out.is_empty() && out.len() <= MAX_COLUMNS).then_some(out)
}

/// A body line's cells by column (stub first); `None` when a cell falls in
/// no column, two cells in one, or a cell runs across another column's edge.
fn place(line: &[Cell], edges: &[Column], is_stub: &dyn Fn(&Cell) -> bool) -> Option<Vec<String>> {
    let mut row = vec![String::new(); edges.len() + 1];
    let (stub, rest) = leading_stub(line, is_stub);
    row[0] = stub;
    for cell in rest {
        let k = edges.iter().position(|c| c.holds(cell.end))?;
        let crosses = edges
            .iter()
            .enumerate()
            .any(|(j, c)| j != k && cell.start < c.hi && c.hi < cell.end);
        if crosses || !row[k + 1].is_empty() {
            return None;
        }
        row[k + 1] = cell.text.to_string();
    }
    Some(row)
}

/// A row of one figure (an amount under a total's column, a cell set
/// between the lines of a wrapped label), in the column whose right edge
/// it ends on (the nearest that holds it): a wide amount may reach over
/// the narrow column before it, as it does in print. A row of several
/// figures is placed strictly ([`place`]): one reaching over a column may
/// be two run together. `None` when the cell is no figure or falls in no
/// column.
fn place_figure(
    line: &[Cell],
    edges: &[Column],
    is_stub: &dyn Fn(&Cell) -> bool,
) -> Option<Vec<String>> {
    let mut row = vec![String::new(); edges.len() + 1];
    let (stub, rest) = leading_stub(line, is_stub);
    row[0] = stub;
    for cell in rest {
        let k = (0..edges.len())
            .filter(|&j| edges[j].holds(cell.end))
            .min_by_key(|&j| edges[j].hi.abs_diff(cell.end))?;
        if !is_value(cell.text) || !row[k + 1].is_empty() {
            return None;
        }
        row[k + 1] = cell.text.to_string();
    }
    Some(row)
}

/// How many of a line's cells are not the stub's.
fn value_cells(line: &[Cell], is_stub: &dyn Fn(&Cell) -> bool) -> usize {
    line.iter().filter(|c| !is_stub(c)).count()
}

/// The value columns, in order, of the rows with the most value cells:
/// pdftotext -layout may set a row's last columns a few places left or
/// right of the row above's (a wide table squeezed), so right edges do not
/// line up, but the count of cells does.
fn columns_in_order(lines: &[Vec<Cell>], is_stub: &dyn Fn(&Cell) -> bool) -> Option<Vec<Column>> {
    let n = lines.iter().map(|l| value_cells(l, is_stub)).max()?;
    let mut out: Vec<Column> = Vec::new();
    for line in lines
        .iter()
        .filter(|l| n > 0 && value_cells(l, is_stub) == n)
    {
        let cells = line.iter().filter(|c| !is_stub(c));
        if out.is_empty() {
            out = cells
                .map(|c| Column {
                    start: c.start,
                    lo: c.end,
                    hi: c.end,
                })
                .collect();
            continue;
        }
        for (column, cell) in out.iter_mut().zip(cells) {
            column.start = column.start.min(cell.start);
            column.lo = column.lo.min(cell.end);
            column.hi = column.hi.max(cell.end);
        }
    }
    // Columns in order still follow each other on every line.
    (!out.is_empty() && out.len() <= MAX_COLUMNS).then_some(out)
}

/// The value columns (by index, in order) of rows with a cell in every
/// column in which no row has a figure (a symbol is none).
fn text_columns(full: &[Vec<Cell>], is_stub: &dyn Fn(&Cell) -> bool) -> HashSet<usize> {
    let mut figures = HashSet::new();
    for line in full {
        let values = line.iter().filter(|c| !is_stub(c));
        figures.extend(
            values
                .enumerate()
                .filter(|(_, c)| is_value(c.text) && !is_symbol(c.text))
                .map(|(k, _)| k),
        );
    }
    let columns = full
        .iter()
        .map(|l| value_cells(l, is_stub))
        .max()
        .unwrap_or(0);
    (0..columns).filter(|k| !figures.contains(k)).collect()
}

/// A body line's cells in order: the stub, then one cell a column.
fn place_in_order(
    line: &[Cell],
    values: usize,
    is_stub: &dyn Fn(&Cell) -> bool,
) -> Option<Vec<String>> {
    let mut row = vec![String::new(); values + 1];
    let (stub, rest) = leading_stub(line, is_stub);
    row[0] = stub;
    if rest.is_empty() {
        return Some(row);
    }
    if rest.len() != values || rest.iter().any(is_stub) {
        return None;
    }
    for (slot, cell) in row[1..].iter_mut().zip(rest) {
        *slot = cell.text.to_string();
    }
    Some(row)
}

/// A line's row label and its other cells. A label set apart from its
/// text by a tab (`I.   Military observers`) leaves two cells at the
/// margin: they are one label.
fn leading_stub<'l, 'a>(
    line: &'l [Cell<'a>],
    is_stub: &dyn Fn(&Cell) -> bool,
) -> (String, &'l [Cell<'a>]) {
    let n = line.iter().take_while(|c| is_stub(c)).count();
    let texts: Vec<&str> = line[..n].iter().map(|c| c.text).collect();
    (texts.join(" "), &line[n..])
}

/// The header lines with the note mark set above each (a superscript
/// pdftotext puts on a line of its own) back among its cells, where it
/// stands: it goes to the heading of its column.
fn with_raised_marks<'a>(lines: &[Vec<Cell<'a>>], marks: &[Vec<Cell<'a>>]) -> Vec<Vec<Cell<'a>>> {
    lines
        .iter()
        .zip(marks)
        .map(|(line, marks)| line.iter().chain(marks).copied().collect())
        .collect()
}

/// The header lines' cells joined per column: each cell goes to the column
/// whose right edge is nearest its own (the stub when it starts at the
/// margin). A cell that holds a column's right edge inside it may be
/// headings one space apart (`Percentage apportionment`, a wide table
/// squeezed): it is split when its words fall into groups each ending on
/// its own column's edge, two or more in a header of stacked lines, three
/// or more in a header of one line.
fn header(lines: &[Vec<Cell>], edges: &[Column], margin: usize) -> Vec<String> {
    let mut head = vec![String::new(); edges.len() + 1];
    let column_of = |start: usize, end: usize| {
        if start <= margin + 2 && end < edges[0].start {
            0
        } else {
            1 + (0..edges.len())
                .min_by_key(|&j| edges[j].hi.abs_diff(end))
                .unwrap_or(0)
        }
    };
    let stacked = lines.len() >= 2;
    for line in lines {
        for cell in line {
            // In a header of one line, two words each ending on a column's
            // edge may be one heading over both (`2024/25 variance`).
            let groups = headings_squeezed(cell, edges, &column_of)
                .filter(|groups| stacked || groups.len() >= 3)
                .or_else(|| headings_shifted(cell, edges));
            for (k, text) in groups
                .unwrap_or_else(|| vec![(column_of(cell.start, cell.end), cell.text.to_string())])
            {
                if !head[k].is_empty() {
                    head[k].push(' ');
                }
                head[k].push_str(&text);
            }
        }
    }
    if let [line] = lines {
        span_headings(line, edges, &mut head);
    }
    head
}

/// In a header of one line, a heading set over two or more columns that
/// have no heading of their own (`2024/25 variance` over an amount and its
/// share) spans them: it stands at the first, `<` at the others.
fn span_headings(line: &[Cell], edges: &[Column], head: &mut [String]) {
    for cell in line {
        let over: Vec<usize> = (0..edges.len())
            .filter(|&j| cell.end.min(edges[j].hi) > cell.start.max(edges[j].start))
            .map(|j| j + 1)
            .collect();
        let (Some(&first), Some(&last)) = (over.first(), over.last()) else {
            continue;
        };
        let held: Vec<usize> = (first..=last).filter(|&k| !head[k].is_empty()).collect();
        if over.len() < 2 || held.len() != 1 || head[held[0]] != cell.text {
            continue;
        }
        let text = std::mem::take(&mut head[held[0]]);
        head[first] = text;
        for spanned in &mut head[first + 1..=last] {
            *spanned = "<".to_string();
        }
    }
}

/// A header cell's words grouped by column, when the cell holds a
/// column's edge inside it and each group's last word ends on its
/// column's edge (a heading over two columns, `2024/25 variance`, ends on
/// one edge only).
fn headings_squeezed(
    cell: &Cell,
    edges: &[Column],
    column_of: &dyn Fn(usize, usize) -> usize,
) -> Option<Vec<(usize, String)>> {
    let holds_edge = edges
        .iter()
        .any(|c| cell.start < c.hi && c.hi + EDGE_TOLERANCE < cell.end);
    if !holds_edge || !cell.text.contains(' ') {
        return None;
    }
    let mut groups: Vec<(usize, String, usize)> = Vec::new();
    let mut at = cell.start;
    for word in cell.text.split(' ') {
        let end = at + word.chars().count();
        let k = column_of(at, end);
        match groups.last_mut() {
            Some((last, text, last_end)) if *last == k => {
                text.push(' ');
                text.push_str(word);
                *last_end = end;
            }
            _ => groups.push((k, word.to_string(), end)),
        }
        at = end + 1;
    }
    let on_edges = groups
        .iter()
        .all(|&(k, _, end)| k > 0 && edges[k - 1].holds(end));
    (groups.len() >= 2 && on_edges).then(|| groups.into_iter().map(|(k, t, _)| (k, t)).collect())
}

/// How far before their columns' edges headings set in a smaller type than
/// the figures may all end (pdftotext's places are the characters'); they
/// may also end up to [`EDGE_TOLERANCE`] past them.
const MAX_HEADING_SHIFT: isize = 8;

/// The most words a header cell is cut among columns by
/// [`headings_shifted`], which tries every way.
const MOST_SHIFTED_WORDS: usize = 14;

/// A header cell over three or more columns whose headings stand one space
/// apart and all end the same distance from their columns' edges (`Dont
/// femmes Contributions Dont femmes`, where each word taken to its nearest
/// edge puts `Dont` under the wrong heading): its words cut into one
/// heading a column, the only cut whose pieces all end that one distance
/// (give or take one) from their edges.
fn headings_shifted(cell: &Cell, edges: &[Column]) -> Option<Vec<(usize, String)>> {
    let words: Vec<&str> = cell.text.split(' ').collect();
    let mut ends = Vec::with_capacity(words.len());
    let mut at = cell.start;
    for word in &words {
        at += word.chars().count();
        ends.push(at);
        at += 1;
    }
    let last = (0..edges.len()).min_by_key(|&j| edges[j].hi.abs_diff(cell.end))?;
    let first = (0..=last).find(|&j| edges[j].hi > cell.start)?;
    let columns = last - first + 1;
    if columns < 3 || words.len() < columns || words.len() > MOST_SHIFTED_WORDS {
        return None;
    }
    let final_word = [words.len() - 1];
    let spread_of = |cuts: &[usize]| {
        let offsets = cuts
            .iter()
            .chain(&final_word)
            .zip(first..=last)
            .map(|(&w, j)| edges[j].hi as isize - ends[w] as isize);
        let (lo, hi) = offsets.fold((isize::MAX, isize::MIN), |(lo, hi), o| {
            (lo.min(o), hi.max(o))
        });
        (lo >= -(EDGE_TOLERANCE as isize) && hi <= MAX_HEADING_SHIFT).then_some(hi - lo)
    };
    let mut fitting = Vec::new();
    cuts_among(words.len() - 1, columns - 1, &mut Vec::new(), &mut |cuts| {
        if spread_of(cuts).is_some_and(|spread| spread <= 1) {
            fitting.push(cuts.to_vec());
        }
    });
    let [cuts] = fitting.as_slice() else {
        return None;
    };
    let mut out = Vec::with_capacity(columns);
    let mut from = 0;
    for (k, &to) in cuts.iter().chain(&final_word).enumerate() {
        out.push((first + k + 1, words[from..=to].join(" ")));
        from = to + 1;
    }
    Some(out)
}

/// Calls `each` with every increasing choice of `count` word indices below
/// `gaps` (the last word of each piece but the final one).
fn cuts_among(gaps: usize, count: usize, chosen: &mut Vec<usize>, each: &mut dyn FnMut(&[usize])) {
    if chosen.len() == count {
        each(chosen);
        return;
    }
    let from = chosen.last().map_or(0, |&c| c + 1);
    for w in from..gaps {
        chosen.push(w);
        cuts_among(gaps, count, chosen, each);
        chosen.pop();
    }
}

mod amounts;
mod rows;
mod squeezed;

use amounts::with_glued_amounts_apart;
use rows::body_rows;

#[cfg(test)]
mod tests;
