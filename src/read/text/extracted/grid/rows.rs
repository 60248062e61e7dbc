//! A layout table's body rows, once each line's cells are placed: a row
//! label alone on its line is a row (a group heading) or the start of the
//! next row's wrapped label; a line of figures without a label is part of
//! the row whose empty columns it fills.

use std::collections::{HashMap, HashSet};

use super::{Cell, is_value};

/// The body rows: a row label alone on its line is a row of its own, or the
/// first part of the next row's label when that goes on in lower case, or
/// when the label was wrapped (see [`wraps_into`]) and the next label does
/// not open as other rows' labels do (a group heading's rows).
pub(super) fn body_rows(
    lines: &[Vec<Cell>],
    marks: &[Vec<Cell>],
    values: usize,
    is_stub: &dyn Fn(&Cell) -> bool,
    place: &dyn Fn(usize) -> Option<Vec<String>>,
) -> Option<Vec<Vec<String>>> {
    let widest = lines
        .iter()
        .filter_map(|l| l.first().filter(|c| is_stub(c)))
        .map(|c| c.end)
        .max()
        .unwrap_or(0);
    let own = OwnLabels::of(lines, is_stub);
    let mut placed = Vec::with_capacity(lines.len());
    for (k, marks) in marks.iter().enumerate() {
        let mut row = place(k)?;
        for mark in marks {
            row[0] = format!("{} {}", row[0], mark.text);
        }
        placed.push((k, row));
    }
    let mut body: Vec<Vec<String>> = Vec::new();
    let mut label: Option<(String, Cell)> = None;
    // The last line of the row above's label while that label goes on
    // under its figures: it ended on a dash (`Proposed budget –` over
    // `Secretary-General`), then while its lines wrap; a total's label or
    // a labelled line (`II. Military contingents`) opens rows of its own.
    let mut going_on: Option<Cell> = None;
    for (k, mut row) in with_floating_figures_merged(placed) {
        let line = &lines[k];
        if row[1..].iter().all(String::is_empty) {
            let first = line.first().copied();
            let goes_on = going_on.zip(first).is_some_and(|(prev, next)| {
                let opens_rows = crate::lang::is_total_label(next.text)
                    || crate::read::text::classify(next.text).is_some();
                !opens_rows
                    && (ends_on_dash(prev.text)
                        || next.text.starts_with(char::is_lowercase)
                        || wraps_into(&prev, &next, widest))
            });
            if let (true, Some(above)) = (goes_on && label.is_none(), body.last_mut()) {
                above[0] = format!("{} {}", above[0], row[0]);
                going_on = first;
                continue;
            }
            going_on = None;
            body.extend(label.take().map(|(prev, _)| one_cell(prev, values)));
            label = first.map(|c| (row[0].clone(), c));
            continue;
        }
        // A nil's dash run into its label (`Net change –`, the first
        // column empty) does not go on.
        going_on = line
            .first()
            .copied()
            .filter(|_| ends_on_dash(&row[0]) && !row[1].is_empty());
        if let Some((prev, cell)) = label.take() {
            let next = line.first().filter(|c| is_stub(c));
            if row[0].starts_with(char::is_lowercase)
                || next.is_some_and(|next| wraps_into(&cell, next, widest) && !own.is_own(next))
            {
                row[0] = format!("{prev} {}", row[0]);
            } else {
                body.push(one_cell(prev, values));
            }
        }
        body.push(row);
    }
    body.extend(label.map(|(prev, _)| one_cell(prev, values)));
    Some(body)
}

/// The placed rows (each with its line's index) with every line of
/// figures without a label merged into the row under it, or else the row
/// above, when their figures fill each other's empty columns: a cell set
/// in the middle of a row whose label wraps over two lines
/// (`Communications and information`, `576.0`, `technology 1 467.5 …`)
/// stands on a line of its own.
fn with_floating_figures_merged(placed: Vec<(usize, Vec<String>)>) -> Vec<(usize, Vec<String>)> {
    let fits = |a: &[String], b: &[String]| {
        a[1..]
            .iter()
            .zip(&b[1..])
            .all(|(x, y)| x.is_empty() || y.is_empty())
    };
    let floating = |row: &[String]| {
        row[0].is_empty()
            && row[1..].iter().any(|c| !c.is_empty())
            && row[1..].iter().all(|c| c.is_empty() || is_value(c))
    };
    let fill = |into: &mut Vec<String>, from: &[String]| {
        for (slot, cell) in into[1..].iter_mut().zip(&from[1..]) {
            if slot.is_empty() {
                slot.clone_from(cell);
            }
        }
    };
    let mut out: Vec<(usize, Vec<String>)> = Vec::with_capacity(placed.len());
    let mut pending: Option<(usize, Vec<String>)> = None;
    let settle =
        |out: &mut Vec<(usize, Vec<String>)>, (at, figures): (usize, Vec<String>)| match out
            .last_mut()
        {
            Some((_, above)) if fits(above, &figures) && !floating(above) => fill(above, &figures),
            _ => out.push((at, figures)),
        };
    for (k, mut row) in placed {
        if let Some((at, figures)) = pending.take() {
            if fits(&row, &figures) && row[1..].iter().any(|c| !c.is_empty()) {
                fill(&mut row, &figures);
            } else {
                settle(&mut out, (at, figures));
            }
        }
        if floating(&row) {
            pending = Some((k, row));
            continue;
        }
        out.push((k, row));
    }
    if let Some(last) = pending {
        settle(&mut out, last);
    }
    out
}

/// Whether a row label alone on its line (`… entités des Nations`) was
/// wrapped into the next line's label (`Unies`), though that starts with a
/// capital: both start at one column, and the next label's first word would
/// not have fitted after it within the widest label of the table (so the
/// line was full). A group heading over its rows is shorter than the
/// widest label by more than a word, or its rows are indented.
fn wraps_into(label: &Cell, next: &Cell, widest: usize) -> bool {
    let word = next.text.split(' ').next().unwrap_or("").chars().count();
    label.start.abs_diff(next.start) <= 1
        && !label.text.ends_with([':', '.', ';'])
        && label.end + 1 + word > widest
}

/// What tells a row's own label from the end of a wrapped one: the first
/// words of the labels (of two words or more) of rows that stand alone,
/// not under a label alone on its line, which they might go on from
/// (`Unies` under `… entités des Nations`), and each label's labels alone
/// above it (`None`: none above).
struct OwnLabels<'a> {
    openers: HashSet<&'a str>,
    above: HashMap<&'a str, HashSet<Option<&'a str>>>,
}

impl<'a> OwnLabels<'a> {
    fn of(lines: &[Vec<Cell<'a>>], is_stub: &dyn Fn(&Cell) -> bool) -> Self {
        let mut own = OwnLabels {
            openers: HashSet::new(),
            above: HashMap::new(),
        };
        let mut alone: Option<&str> = None;
        for line in lines {
            let stub = line.first().filter(|c| is_stub(c));
            if let Some(stub) = stub.filter(|s| several_words(s)) {
                own.above.entry(stub.text).or_default().insert(alone);
                if alone.is_none() {
                    own.openers.insert(first_word(stub));
                }
            }
            alone = stub.filter(|_| line.len() == 1).map(|s| s.text);
        }
        own
    }

    /// Whether a label of several words is a row's own: its first word
    /// opens a row's label that stands alone (`Approved 2024/25` under
    /// `Approved posts 2024/25`), or it stands under different labels (a
    /// wrapped label's end, `Nations Unies`, stands under its start each
    /// time).
    fn is_own(&self, c: &Cell) -> bool {
        several_words(c)
            && (self.openers.contains(first_word(c))
                || self.above.get(c.text).is_some_and(|a| a.len() >= 2))
    }
}

fn first_word<'a>(c: &Cell<'a>) -> &'a str {
    c.text.split(' ').next().unwrap_or("")
}

fn several_words(c: &Cell) -> bool {
    c.text.contains(' ')
}

/// Whether a row label ends on a dash set apart (`Recommendation –`): its
/// text goes on, under the row's figures.
fn ends_on_dash(label: &str) -> bool {
    let mut end = label.trim_end().chars().rev();
    matches!(end.next(), Some('–' | '—' | '-')) && end.next().is_some_and(char::is_whitespace)
}

fn one_cell(text: String, values: usize) -> Vec<String> {
    let mut row = vec![String::new(); values + 1];
    row[0] = text;
    row
}
