//! Rebuilding a raw-text table (`pdftotext` without `-layout`, one cell
//! per line) when its grid is certain. Read row by row, a table comes out
//! as its header cells, then each row's label followed by its figures (a
//! bold total row may give its figures before its label). The grid is
//! taken as clear only when the cells fall into that pattern exactly:
//! every run of figures is one row's (the first run sets how many columns
//! there are), each preceded by one label, the last run perhaps two rows'
//! with the total's label after it; anything else (labels set apart from
//! their figures, a table read column by column, a wrapped label, a group
//! heading, a single column of figures, fewer than three rows, a row
//! label that is a column's heading) is left to be kept as one block.

use super::flow::collapse_spaces;
use super::grid::{Grid, is_value};
use super::pages::Src;
use super::tables::{is_note_mark, is_source};

/// The most value columns a rebuilt raw table has.
const MAX_COLUMNS: usize = 12;
/// The fewest body rows a rebuilt raw table has.
const MIN_ROWS: usize = 3;

/// A rebuilt grid and the number of lines of `rows` it took (the rest are
/// the table's notes and source line), when the grid is certain.
pub(super) fn rebuild(rows: &[Src]) -> Option<(Grid, usize)> {
    let tokens: Vec<(usize, String)> = rows
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_blank())
        .map(|(i, l)| (i, collapse_spaces(l.trimmed())))
        .collect();
    let last_value = tokens.iter().rposition(|(_, t)| is_value(t))?;
    // The notes begin at the first lone note letter or source line after
    // the last figure.
    let notes_at = tokens[last_value + 1..]
        .iter()
        .position(|(_, t)| is_lone_mark(t) || is_source(t))
        .map_or(tokens.len(), |p| last_value + 1 + p);
    let used = tokens.get(notes_at).map_or(rows.len(), |(i, _)| *i);
    let runs = runs(&tokens[..notes_at])?;
    let grid = grid_of(&runs)?;
    Some((grid, used))
}

/// A lone note letter (`a`, `b`, `a,b`): a superscript set on a line of its own.
fn is_lone_mark(t: &str) -> bool {
    is_note_mark(t) && !t.contains(' ')
}

/// Alternating runs of labels and of figures, labels first; a lone note
/// letter after a label is set on it (`Asia b`).
fn runs(tokens: &[(usize, String)]) -> Option<Vec<(bool, Vec<String>)>> {
    let mut runs: Vec<(bool, Vec<String>)> = Vec::new();
    for (_, t) in tokens {
        let value = is_value(t);
        if !value && is_lone_mark(t) {
            match runs.last_mut() {
                Some((false, labels)) => {
                    let last = labels.last_mut()?;
                    last.push(' ');
                    last.push_str(t);
                    continue;
                }
                _ => return None,
            }
        }
        match runs.last_mut() {
            Some((v, items)) if *v == value => items.push(t.clone()),
            _ => runs.push((value, vec![t.clone()])),
        }
    }
    runs.first().is_some_and(|(v, _)| !v).then_some(runs)
}

/// The grid of the runs when they follow the row-by-row pattern exactly.
fn grid_of(runs: &[(bool, Vec<String>)]) -> Option<Grid> {
    let values: Vec<&Vec<String>> = runs.iter().filter(|(v, _)| *v).map(|(_, r)| r).collect();
    if values.len() < 2 {
        return None;
    }
    let n = values[0].len();
    if n > MAX_COLUMNS {
        return None;
    }
    let last = values.len() - 1;
    // Runs: labels (header and first row's label), then figures and one
    // label in turn, then the last figures and perhaps the total's label.
    let after: &[String] = if runs.len() == 2 * values.len() + 1 {
        &runs[runs.len() - 1].1
    } else if runs.len() == 2 * values.len() {
        &[]
    } else {
        return None;
    };
    let mut body = Vec::new();
    for (k, figures) in values.iter().enumerate() {
        let labels = &runs[2 * k].1;
        if k > 0 && labels.len() != 1 {
            return None;
        }
        let label = labels.last()?.clone();
        if figures.len() == n {
            body.push(row(label, figures));
        } else if k == last && figures.len() == 2 * n && after.len() == 1 {
            body.push(row(label, &figures[..n]));
            body.push(row(after[0].clone(), &figures[n..]));
            continue;
        } else {
            return None;
        }
        if k == last && !after.is_empty() {
            return None;
        }
    }
    // Two rows or a single column of figures may be a heading's lines
    // (`2024/25 variance`) read as a table; a label without letters
    // (`2024/25`) is a column's heading read before its row.
    let bare = |label: &String| !label.chars().any(char::is_alphabetic);
    if n < 2 || body.len() < MIN_ROWS || body.iter().any(|r| bare(&r[0])) {
        return None;
    }
    let first = &runs[0].1;
    let head = header(&first[..first.len() - 1], n)?;
    Some(Grid { head, body })
}

fn row(label: String, figures: &[String]) -> Vec<String> {
    std::iter::once(label)
        .chain(figures.iter().cloned())
        .collect()
}

/// The header cells, one per column: as many as the columns (the stub's
/// first), fewer (the stub's left empty), or more when a heading spans
/// columns over the others (read first, it is set on the last column).
fn header(cells: &[String], n: usize) -> Option<Vec<String>> {
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
            head[skip + k] = c.clone();
        }
    } else {
        let extra = cells.len() - columns;
        for (k, c) in cells[extra..].iter().enumerate() {
            head[k] = c.clone();
        }
        let spanning = cells[..extra].join(" ");
        head[n] = format!("{spanning} {}", head[n]);
    }
    Some(head)
}
