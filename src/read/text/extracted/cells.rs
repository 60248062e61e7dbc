//! Rebuilding a raw-text table (`pdftotext` without `-layout`, one cell
//! per line) when its grid is certain. Read row by row, a table comes out
//! as its header cells, then each row's label followed by its figures (a
//! bold total row may give its figures before its label); pdftotext may
//! also read the stub column first, down to where the figures begin (the
//! stub's heading and the first rows' labels, then the other headings and
//! those rows' figures). The grid is taken as clear only when the cells
//! fall into one of these patterns exactly: every run of figures is one
//! row's (the shortest run sets how many columns there are), each
//! preceded by one label, the first run perhaps several rows' with their
//! labels read first, the last run perhaps two rows' with the total's
//! label after it (and before that label the stub's heading, when the
//! header lacks it). When that reading fails, others are tried, each
//! taken only when it fits exactly: the first row's label after the rows
//! with a spanning heading ([`grid_first_label_after`]), cells wrapped
//! over lines that follow each other without a blank line joined
//! ([`grid_of_wrapped_cells`]), and last, header cells after the rows
//! that no column can be told for, kept as one heading across the table
//! with a warning ([`grid_with_late_header`]). Anything else (a table
//! read column by column, a group heading, a single column of figures,
//! fewer than three rows unless every column has its heading, a row label
//! that is a column's heading) is kept as one block.

use super::flow::collapse_spaces;
use super::grid::{Grid, is_value};
use super::pages::Src;
use super::tables::{is_note_mark, is_source};
use crate::lang::{CLAUSE_MARKS, FULL_STOPS, QUESTION_EXCLAMATION, ends_with_mark};
use std::borrow::Cow;

/// The most value columns a rebuilt raw table has.
const MAX_COLUMNS: usize = 12;
/// The fewest body rows a rebuilt raw table has.
const MIN_ROWS: usize = 3;

/// A cell of a run: a token as read, or a label with a note letter put after it.
type Cell<'a> = Cow<'a, str>;
/// A run of figures (`true`) or of labels, in order.
type Run<'a> = (bool, Vec<Cell<'a>>);

/// A region's lines as cells, made once for all the readings tried on
/// them: each non-blank line's index and its text, spaces collapsed.
pub(super) struct Cells {
    tokens: Vec<(usize, String)>,
    /// How many lines the region has, blank ones included.
    lines: usize,
}

impl Cells {
    pub(super) fn of(rows: &[Src]) -> Cells {
        let tokens = rows
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_blank())
            .map(|(i, l)| (i, collapse_spaces(l.trimmed())))
            .collect();
        Cells {
            tokens,
            lines: rows.len(),
        }
    }

    /// Each non-blank line's index in the region and its text.
    pub(super) fn tokens(&self) -> &[(usize, String)] {
        &self.tokens
    }
}

/// A rebuilt grid and the number of lines of the region it took (the rest
/// are the table's notes and source line), when the grid is certain.
pub(super) fn rebuild(cells: &Cells) -> Option<(Grid, usize)> {
    rebuild_with(cells, Reading::AsGiven)
}

fn rebuild_with(cells: &Cells, reading: Reading) -> Option<(Grid, usize)> {
    let tokens = &cells.tokens;
    let last_value = tokens.iter().rposition(|(_, t)| is_value(t))?;
    // The notes begin after the last figure at the first source line,
    // note with its letter (`a Text`), or lone letter with a sentence or
    // nothing after it (a letter raised over a label has the label after).
    let after = &tokens[last_value + 1..];
    let notes_at = (0..after.len())
        .find(|&k| {
            let t = after[k].1.as_str();
            let next = after.get(k + 1).map(|(_, n)| n.as_str());
            is_source(t)
                || is_note_mark(t) && t.contains(' ')
                || is_lone_mark(t)
                    && next.is_none_or(|n| n.ends_with(['.', '。']) || is_lone_mark(n))
        })
        .map_or(tokens.len(), |p| last_value + 1 + p);
    let used = tokens.get(notes_at).map_or(cells.lines, |(i, _)| *i);
    let wrapped;
    let cells = match reading {
        Reading::Wrapped | Reading::LateHeader { wrapped: true } => {
            wrapped = joined(&tokens[..notes_at])?;
            &wrapped[..]
        }
        _ => &tokens[..notes_at],
    };
    let runs = runs(cells)?;
    let grid = match reading {
        Reading::AsGiven => grid_with(&runs, false),
        Reading::FirstLabelAfter => grid_with(&runs, true),
        // Wrapped cells joined, the first row's label may come after too.
        Reading::Wrapped => grid_with(&runs, false).or_else(|| grid_with(&runs, true)),
        Reading::LateHeader { .. } => grid_with_header_joined(&runs),
    }?;
    Some((grid, used))
}

/// The rows of a table's part on a new page, under the header `head` of
/// its part before (`n` value columns): the header's cells that the page
/// repeats are left out, each once, and the rest must make whole rows,
/// read row by row (each label before its figures) or stub column first
/// (every label, then the figures row by row), with exactly `n` figures a
/// row.
pub(super) fn continued_rows(
    head: &[String],
    cells: Vec<String>,
    n: usize,
) -> Option<Vec<Vec<String>>> {
    let mut repeated: Vec<&String> = head.iter().filter(|c| !c.is_empty()).collect();
    let cells: Vec<String> = cells
        .into_iter()
        .filter(|c| match repeated.iter().position(|h| *h == c) {
            Some(p) => {
                repeated.remove(p);
                false
            }
            None => true,
        })
        .collect();
    let split = cells.iter().position(|c| is_value(c))?;
    let (labels, figures) = cells.split_at(split);
    if n == 0 || labels.is_empty() {
        return None;
    }
    if figures.iter().all(|f| is_value(f)) && labels.len() * n == figures.len() {
        let rows = labels
            .iter()
            .zip(figures.chunks(n))
            .map(|(label, figures)| row(label.clone(), figures))
            .collect();
        return Some(rows);
    }
    // Row by row: a label, then its figures.
    let mut rows = Vec::new();
    for chunk in cells.chunks(n + 1) {
        let (label, figures) = chunk.split_first()?;
        if figures.len() != n || is_value(label) || !figures.iter().all(|f| is_value(f)) {
            return None;
        }
        rows.push(row(label.clone(), figures));
    }
    Some(rows)
}

/// A lone note letter (`a`, `b`, `a,b`): a superscript set on a line of its own.
fn is_lone_mark(t: &str) -> bool {
    is_note_mark(t) && !t.contains(' ')
}

/// Alternating runs of labels and of figures, labels first; a lone note
/// letter after a label is set on it (`Asia b`).
fn runs(tokens: &[(usize, String)]) -> Option<Vec<Run<'_>>> {
    let mut runs: Vec<Run> = Vec::new();
    for (_, t) in tokens {
        let value = is_value(t);
        if !value && is_lone_mark(t) {
            match runs.last_mut() {
                Some((false, labels)) => {
                    let last = labels.last_mut()?.to_mut();
                    last.push(' ');
                    last.push_str(t);
                    continue;
                }
                _ => return None,
            }
        }
        match runs.last_mut() {
            Some((v, items)) if *v == value => items.push(Cow::Borrowed(t)),
            _ => runs.push((value, vec![Cow::Borrowed(t)])),
        }
    }
    runs.first().is_some_and(|(v, _)| !v).then_some(runs)
}

/// The grid of the runs read with the first row's label after the rows:
/// under a header of two rows, whose cells the count does not fix, the
/// labels before the first figures may be the header's alone, pdftotext
/// having read the top of the table in two blocks, the second after the
/// rows: the first row's label and a heading over later value columns
/// (taken only when such a spanning heading is among those leftovers, see
/// [`fill_from_after`]); under the value columns' headings alone, the
/// stub's heading and the first row's label. Tried when the labelled
/// reading fails.
pub(super) fn grid_first_label_after(cells: &Cells) -> Option<(Grid, usize)> {
    rebuild_with(cells, Reading::FirstLabelAfter)
}

/// The grid of a table whose cells may be wrapped over lines: pdftotext
/// ends each block of text with a blank line, so the lines of a wrapped
/// cell (`Organizaciones` / `intergubernamentales`, `Presencial` /
/// `Expertos`) follow each other without one. Lines apart from the
/// figures that so follow each other are read as one cell, then read as
/// given or with the first row's label after the rows (its header then
/// the value columns' headings alone, the stub's heading after the rows
/// too); taken only when no reading of them as they come fits (the stub
/// column read first gives several rows' labels without blank lines
/// between).
pub(super) fn grid_of_wrapped_cells(cells: &Cells) -> Option<(Grid, usize)> {
    rebuild_with(cells, Reading::Wrapped)
}

/// The grid of a table whose rows are certain but some of whose header
/// cells pdftotext gave after the rows: where a heading's label hangs in
/// the margin under the table (as DGACM sets `2.` left of the text
/// column), poppler's reading order may put that label, and after it
/// header cells to its right, behind the table's last row (`… 18.3`,
/// `Total`, `2022`, `Change`). Those cells can no longer be told apart
/// from the ones read in place, nor their columns, so the header is kept
/// as one heading across the table, every cell's words in the order
/// read, and the reading is flagged ([`Grid::head_joined`]). Taken only
/// when the rows fit the row-by-row pattern exactly, a row read without
/// its label (the bold total) finds the one leftover that is a total's
/// label, no two rows have the same label (rows in groups: the leftovers
/// may be the groups' headings), no row's label is made of the header's
/// words only, and what is left is a few short cells (at most one a
/// column, none a sentence or a note letter). Tried after every other
/// reading, cells as given and then wrapped cells joined; the table
/// finder tries it only on a table within one page.
pub(super) fn grid_with_late_header(cells: &Cells) -> Option<(Grid, usize)> {
    rebuild_with(cells, Reading::LateHeader { wrapped: false })
        .or_else(|| rebuild_with(cells, Reading::LateHeader { wrapped: true }))
}

/// How a raw table's cells are read.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    /// One cell a line, in the order given.
    AsGiven,
    /// The first row's label after the rows (see [`grid_first_label_after`]).
    FirstLabelAfter,
    /// Wrapped cells joined (see [`grid_of_wrapped_cells`]).
    Wrapped,
    /// Header cells after the rows (see [`grid_with_late_header`]), with
    /// wrapped cells joined or not.
    LateHeader { wrapped: bool },
}

/// The cells with the lines of each wrapped cell joined: a line that is
/// not a figure or a note letter, right under another such (no blank line
/// between), goes on that one's cell. `None` when no line is so joined.
fn joined(tokens: &[(usize, String)]) -> Option<Vec<(usize, String)>> {
    let text = |t: &str| !is_value(t) && !is_lone_mark(t);
    let mut out: Vec<(usize, String)> = Vec::with_capacity(tokens.len());
    let mut any = false;
    for (i, t) in tokens {
        match out.last_mut() {
            Some((last, cell)) if *last + 1 == *i && text(cell) && text(t) => {
                cell.push(' ');
                cell.push_str(t);
                *last = *i;
                any = true;
            }
            _ => out.push((*i, t.clone())),
        }
    }
    any.then_some(out)
}

/// Runs that follow the row-by-row pattern: labels (header and first
/// row's label), then figures and one label in turn, then the last
/// figures and perhaps labels after them.
struct RowRuns<'r, 'a> {
    /// How many value columns: the shortest run of figures.
    n: usize,
    /// The labels before the first figures.
    labels: &'r [Cell<'a>],
    /// The first run of figures.
    first: &'r [Cell<'a>],
    /// The later rows: each one's label (none for the second of two rows
    /// read as one run, a bold total whose label comes after) and figures.
    rest: Vec<(Option<String>, &'r [Cell<'a>])>,
    /// The labels after the last figures.
    after: &'r [Cell<'a>],
}

/// The runs as rows, when they follow the row-by-row pattern exactly
/// (`None` too for a single run of figures, read by [`one_run`]).
fn row_runs<'r, 'a>(runs: &'r [Run<'a>]) -> Option<RowRuns<'r, 'a>> {
    let values: Vec<&Vec<Cell>> = runs.iter().filter(|(v, _)| *v).map(|(_, r)| r).collect();
    if values.len() < 2 {
        return None;
    }
    let n = values.iter().map(|v| v.len()).min()?;
    if n > MAX_COLUMNS {
        return None;
    }
    let after: &[Cell] = if runs.len() == 2 * values.len() + 1 {
        &runs[runs.len() - 1].1
    } else if runs.len() == 2 * values.len() {
        &[]
    } else {
        return None;
    };
    let mut rest = Vec::new();
    for (k, figures) in values.iter().enumerate().skip(1) {
        let [label] = &runs[2 * k].1[..] else {
            return None;
        };
        if figures.len() == n {
            rest.push((Some(label.to_string()), &figures[..]));
        } else if k == values.len() - 1 && figures.len() == 2 * n {
            rest.push((Some(label.to_string()), &figures[..n]));
            rest.push((None, &figures[n..]));
        } else {
            return None;
        }
    }
    Some(RowRuns {
        n,
        labels: &runs[0].1,
        first: values[0],
        rest,
        after,
    })
}

/// The grid of the runs when they follow the row-by-row pattern exactly,
/// the labels before the first figures read as the header and the first
/// row's label (or, `first_after`, as the header alone).
fn grid_with(runs: &[Run], first_after: bool) -> Option<Grid> {
    let values = runs.iter().filter(|(v, _)| *v).count();
    match values {
        0 => return None,
        1 => return one_run(runs),
        _ => {}
    }
    let RowRuns {
        n,
        labels,
        first,
        rest,
        after,
    } = row_runs(runs)?;
    if !first_after {
        let (mut head, mut body) = first_rows(labels, first, n)?;
        body.extend(fill_from_after(&mut head, &rest, after, false)?);
        return checked(head, body, n);
    }
    // The first run one row's, the labels before it the header's alone:
    // two rows of it, or the value columns' headings only (the stub's
    // heading then left after the rows with the first row's label).
    let two_rows = first.len() == n && labels.len() > n + 1;
    let value_heads = first.len() == n && labels.len() == n;
    let mut head = header(labels, n).filter(|_| two_rows || value_heads)?;
    let rows: Vec<_> = std::iter::once((None, first))
        .chain(rest.iter().cloned())
        .collect();
    let missing = rows.iter().filter(|(label, _)| label.is_none()).count();
    let spanning = labels.len().saturating_sub(n + 1);
    if after.len() != missing + 1
        || two_rows && lacks_stub_heading(&head)
        || spanning >= n / 2 && !value_heads
    {
        return None;
    }
    let body = fill_from_after(&mut head, &rows, after, true)?;
    checked(head, body, n)
}

/// The grid of the runs with header cells after the rows (see
/// [`grid_with_late_header`]): the rows as [`grid_with`] reads them, a
/// row without a label taking the total's label among the leftovers, and
/// the header's cells, before the rows and after them, joined into one
/// heading across the table.
fn grid_with_header_joined(runs: &[Run]) -> Option<Grid> {
    let rows = row_runs(runs)?;
    let n = rows.n;
    let (mut words, mut body) = first_rows_as_read(rows.labels, rows.first, n)?;
    // A row read without its label is the bold total, whose label comes
    // after its figures: the one leftover that is a total's label.
    let mut late: Vec<&Cell> = rows.after.iter().collect();
    for (label, figures) in rows.rest {
        let label = match label {
            Some(label) => label,
            None => {
                let totals: Vec<usize> = (0..late.len())
                    .filter(|&k| crate::lang::is_total_label(late[k]))
                    .collect();
                let [at] = totals[..] else {
                    return None;
                };
                late.remove(at).to_string()
            }
        };
        body.push(row(label, figures));
    }
    if late.is_empty() || late.len() > n || words.len() + late.len() > 2 * (n + 1) {
        return None;
    }
    // Rows labelled alike stand in groups whose headings the leftovers
    // may be (`Proposed 2026/27` under each component): not a header's;
    // a row labelled with the header's words only (`Observers`, `Online
    // Observers` under `In person Observers` and `Online Experts`) is a
    // header cell, the rows read amiss.
    let mut labels: Vec<&str> = body.iter().map(|r| r[0].as_str()).collect();
    labels.sort_unstable();
    let header_words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .chain(late.iter().map(|c| c.as_ref()))
        .flat_map(str::split_whitespace)
        .collect();
    let heading = |l: &str| l.split_whitespace().all(|w| header_words.contains(&w));
    if labels.windows(2).any(|w| w[0] == w[1]) || labels.iter().any(|l| heading(l)) {
        return None;
    }
    if !late.iter().all(|c| is_header_cell(c)) {
        return None;
    }
    words.extend(late.iter().map(|c| c.to_string()));
    let mut head = vec!["<".to_string(); n + 1];
    head[0] = words.join(" ");
    let mut grid = checked(head, body, n)?;
    grid.head_joined = true;
    Some(grid)
}

/// A cell that may be a column's heading: a few words, no sentence or
/// clause ended, no note letter alone.
fn is_header_cell(t: &str) -> bool {
    t.split_whitespace().count() <= 4
        && !ends_with_mark(t, &[&FULL_STOPS, &CLAUSE_MARKS, &QUESTION_EXCLAMATION])
        && !is_lone_mark(t)
}

/// The grid, unless it may be a heading's lines read as a table: two
/// rows or a single column of figures (`2024/25 variance`) are taken only
/// under a heading for every column, and a label without letters
/// (`2024/25`) is a column's heading read before its row.
fn checked(head: Vec<String>, body: Vec<Vec<String>>, n: usize) -> Option<Grid> {
    let bare = |label: &String| !label.chars().any(char::is_alphabetic);
    let headed = !head.is_empty() && head.iter().all(|c| !c.is_empty());
    let enough = body.len() >= MIN_ROWS || body.len() == 2 && headed;
    if n < 2 || !enough || body.iter().any(|r| bare(&r[0])) {
        return None;
    }
    Some(Grid {
        head,
        body,
        ..Grid::default()
    })
}

/// The rows with a label each, the labels that pdftotext gave after the
/// table's last figures filling the rows without one. Those leftovers
/// come column by column, each top down: first the stub column's (the
/// stub's heading when the header lacks it, then the label-less rows'
/// labels in order), then a heading over value columns that a header of
/// two rows lacks (`may_span`: it has fewer spanning headings than half
/// its value columns), set with the other spanning headings on the last
/// column. Taken only when the leftovers number exactly those.
fn fill_from_after(
    head: &mut [String],
    rows: &[(Option<String>, &[Cell])],
    after: &[Cell],
    may_span: bool,
) -> Option<Vec<Vec<String>>> {
    let missing = rows.iter().filter(|(label, _)| label.is_none()).count();
    let stub = usize::from(lacks_stub_heading(head));
    let spanning = match after.len().checked_sub(stub + missing)? {
        0 => None,
        1 if may_span && stub == 0 => after.last(),
        _ => return None,
    };
    let mut labels = after.iter();
    if stub == 1 {
        head[0] = labels.next()?.to_string();
    }
    let body = rows
        .iter()
        .map(|(label, figures)| {
            let label = label
                .clone()
                .or_else(|| labels.next().map(|l| l.to_string()))?;
            Some(row(label, figures))
        })
        .collect::<Option<Vec<_>>>()?;
    if let (Some(heading), Some(last)) = (spanning, head.last_mut()) {
        *last = format!("{heading} {last}");
    }
    Some(body)
}

/// A header with a heading over every value column but none over the stub.
fn lacks_stub_heading(head: &[String]) -> bool {
    head.len() > 1 && head[0].is_empty() && head[1..].iter().all(|c| !c.is_empty())
}

/// A table whose figures are all in one run: with the other rows' labels
/// after them (see [`labels_after`]), or read stub column first (the
/// stub's heading and every row's label, the other headings, then the
/// figures row by row), where how many columns there are is told only
/// when one split of the labels alone gives headings that are all years
/// or periods (`2022 год`, `2024/25`) and row labels that are none.
fn one_run(runs: &[Run]) -> Option<Grid> {
    if let [(false, labels), (true, figures), (false, rest)] = runs {
        return labels_after(labels, figures, rest);
    }
    let [(false, labels), (true, figures)] = runs else {
        return None;
    };
    let fits: Vec<usize> = (2..=MAX_COLUMNS)
        .filter(|&n| {
            let rows = figures.len() / n;
            figures.len().is_multiple_of(n)
                && rows >= MIN_ROWS
                && labels.len() == 1 + rows + n
                && labels[1 + rows..].iter().all(|h| is_dated(h))
                && !labels[1..=rows].iter().any(|l| is_dated(l))
        })
        .collect();
    let [n] = fits[..] else {
        return None;
    };
    let (head, body) = first_rows(labels, figures, n)?;
    Some(Grid {
        head,
        body,
        ..Grid::default()
    })
}

/// A table whose figures all come after its header and first row's
/// label, the other rows' labels after them: the rows are as many as the
/// labels, the columns as many as the headings (which must be years or
/// periods, the labels none), and the figures must fill them exactly.
fn labels_after(labels: &[Cell], figures: &[Cell], rest: &[Cell]) -> Option<Grid> {
    let rows = rest.len() + 1;
    let n = figures.len() / rows;
    let (first, head) = labels.split_last()?;
    let fits = figures.len() == rows * n
        && (2..=MAX_COLUMNS).contains(&n)
        && rows >= MIN_ROWS
        && head.len() == n + 1
        && head[1..].iter().all(|h| is_dated(h))
        && !std::iter::once(first).chain(rest).any(|l| is_dated(l));
    if !fits {
        return None;
    }
    let body = std::iter::once(first)
        .chain(rest)
        .zip(figures.chunks(n))
        .map(|(label, figures)| row(label.to_string(), figures))
        .collect();
    Some(Grid {
        head: head.iter().map(|h| h.to_string()).collect(),
        body,
        ..Grid::default()
    })
}

/// A heading that begins with a year or a period (`2024`, `2024 годa`,
/// `2022年`, `2024/25`).
fn is_dated(t: &str) -> bool {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits == 4
        && (t.starts_with("19") || t.starts_with("20"))
        && !t[4..].starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
}

/// The header and the first rows, from the labels before the first
/// figures. Read row by row, the labels are the header's cells and the
/// first row's label; when the first figures are several rows' (the stub
/// column read first, down to where the figures begin), they are the
/// stub's heading, those rows' labels and the value columns' headings,
/// exactly one each.
fn first_rows(
    labels: &[Cell],
    figures: &[Cell],
    n: usize,
) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    // One row: the header's cells set in their columns.
    if figures.len() == n {
        let (label, head) = labels.split_last()?;
        return Some((header(head, n)?, vec![row(label.to_string(), figures)]));
    }
    first_rows_as_read(labels, figures, n)
}

/// [`first_rows`] with the header's cells as read, one a line, not yet
/// set in their columns.
fn first_rows_as_read(
    labels: &[Cell],
    figures: &[Cell],
    n: usize,
) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let rows = figures.len() / n;
    if !figures.len().is_multiple_of(n) || rows == 0 {
        return None;
    }
    if rows == 1 {
        let (label, head) = labels.split_last()?;
        let head = head.iter().map(|c| c.to_string()).collect();
        return Some((head, vec![row(label.to_string(), figures)]));
    }
    if labels.len() != 1 + rows + n {
        return None;
    }
    let head = std::iter::once(&labels[0])
        .chain(&labels[1 + rows..])
        .map(|l| l.to_string())
        .collect();
    let body = labels[1..=rows]
        .iter()
        .zip(figures.chunks(n))
        .map(|(label, figures)| row(label.to_string(), figures))
        .collect();
    Some((head, body))
}

fn row<S: AsRef<str>>(label: String, figures: &[S]) -> Vec<String> {
    std::iter::once(label)
        .chain(figures.iter().map(|f| f.as_ref().to_string()))
        .collect()
}

/// The header cells, one per column: as many as the columns (the stub's
/// first), fewer (the stub's left empty), or more when headings span
/// columns over a second header row. Then the last cells are the second
/// row's, one per value column, and the stub's heading, set down across
/// both rows, comes second (after the first spanning heading, set higher);
/// the spanning headings, whose columns the order does not tell, are set
/// on the last column, so that no heading is lost.
fn header(cells: &[Cell], n: usize) -> Option<Vec<String>> {
    let columns = n + 1;
    if cells.is_empty() {
        return Some(Vec::new());
    }
    if cells.len() > 2 * columns {
        return None;
    }
    let mut head = vec![String::new(); columns];
    if cells.len() <= columns {
        let skip = columns - cells.len();
        for (k, c) in cells.iter().enumerate() {
            head[skip + k] = c.to_string();
        }
        return Some(head);
    }
    let (upper, lower) = cells.split_at(cells.len() - n);
    let stub = upper.len().min(2) - 1;
    head[0] = upper[stub].to_string();
    for (h, l) in head[1..].iter_mut().zip(lower) {
        *h = l.to_string();
    }
    let spanning: Vec<&str> = upper
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != stub)
        .map(|(_, c)| c.as_ref())
        .collect();
    head[n] = format!("{} {}", spanning.join(" "), head[n]);
    Some(head)
}

/// A raw table's notes with each letter before its note: raw text may
/// give the letters apart from the texts (`a`, both notes, the source
/// line, `b`). When the lone letters are as many as the notes' sentences,
/// each letter is set before its sentence, in order, the source and note
/// lines after them; otherwise the lines stay as they are.
pub(super) fn notes_in_order(notes: &[Src]) -> Vec<Src> {
    let mut marks = Vec::new();
    let mut texts: Vec<Vec<Src>> = Vec::new();
    let mut sources = Vec::new();
    let mut in_source = false;
    let mut open = false;
    for line in notes.iter().filter(|l| !l.is_blank()) {
        let t = line.trimmed();
        let ends = t.ends_with(['.', ')', '。']);
        if is_lone_mark(t) {
            marks.push(line.clone());
            in_source = false;
        } else if is_source(t) {
            sources.push(line.clone());
            in_source = !ends;
        } else if is_note_mark(t) {
            // `a Text`: the letter is with its note already.
            return notes.to_vec();
        } else if in_source {
            sources.push(line.clone());
            in_source = !ends;
        } else {
            match texts.last_mut() {
                Some(text) if open => text.push(line.clone()),
                _ => texts.push(vec![line.clone()]),
            }
            open = !ends;
        }
    }
    if marks.is_empty() || marks.len() != texts.len() {
        return notes.to_vec();
    }
    marks
        .into_iter()
        .zip(texts)
        .flat_map(|(mark, text)| std::iter::once(mark).chain(text))
        .chain(sources)
        .collect()
}

#[cfg(test)]
mod tests;
