//! A header squeezed by pdftotext -layout: a staffing table's thirteen
//! narrow columns (`ASG D-1 P-4 P-2`, `USG– D-2– P-5– P-3–` stacked over
//! them), or headings wider than their columns (`Cost estimates Related
//! expected` over `(2026/27) accomplishment`), come out one space apart in
//! one field, set in a smaller font than the figures, so their places do
//! not line up with the figures' columns. They do line up with each other:
//! the header's last line, when it holds one word per value column, sets a
//! slot per column, and the lines above are read against those slots.

use super::{Cell, Column, EDGE_TOLERANCE};

/// How far beyond touching a heading's middle may stand from its slot's.
const SLACK: usize = 4;

/// The middle of a word or field, in columns.
fn centre(c: &Cell) -> usize {
    (c.start + c.end) / 2
}

/// The headings over the columns and, above them, the lines of group
/// headings (`International staff`, each set at the column nearest its
/// middle), when the header has two lines or more, its last holding exactly one word per value
/// column and its fields of several words each run over a figures' column
/// edge (`Total cost` over one column does not): `None` otherwise (the
/// header is read by the figures' edges), or when a line's headings do not
/// fall near slots of their own, in order, or the header holds a script
/// without capitals (whose headings the words cannot tell apart).
pub(super) fn header(
    lines: &[Vec<Cell>],
    edges: &[Column],
    margin: usize,
) -> Option<(Vec<Vec<String>>, Vec<String>)> {
    let values = edges.len();
    let (last, above) = lines.split_last()?;
    let is_stub = |c: &Cell| c.start <= margin + 2;
    let uncased = lines.iter().flatten().any(|c| {
        c.text
            .chars()
            .any(|ch| ch.is_alphabetic() && !ch.is_uppercase() && !ch.is_lowercase())
    });
    let several: Vec<&Cell> = last
        .iter()
        .filter(|c| !is_stub(c) && c.text.contains(' '))
        .collect();
    let over_an_edge = |c: &Cell| {
        edges
            .iter()
            .any(|e| c.start < e.hi && e.hi + EDGE_TOLERANCE < c.end)
    };
    // A header of one line has its spanning headings read by the edges.
    if above.is_empty() || uncased || several.is_empty() || !several.iter().all(|c| over_an_edge(c))
    {
        return None;
    }
    // A slot per value column: the last line's words.
    let slots: Vec<Cell> = last
        .iter()
        .filter(|c| !is_stub(c))
        .flat_map(words)
        .collect();
    if slots.len() != values {
        return None;
    }
    let mut head = vec![String::new(); values + 1];
    let mut over = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let is_last = k + 1 == lines.len();
        let stub: Vec<&str> = line.iter().filter(|c| is_stub(c)).map(|c| c.text).collect();
        if !stub.is_empty() {
            stack(&mut head[0], &stub.join(" "));
        }
        let cells: Vec<&Cell> = line.iter().filter(|c| !is_stub(c)).collect();
        if !is_last && group_line(&cells, &slots) {
            over.push(group_row(&cells, &slots));
            continue;
        }
        // A field over one slot at most is one heading; one over several
        // is read word by word, each word falling on its slot or near it.
        let pieces = cells.iter().flat_map(|c| {
            if covered(c, &slots) >= 2 {
                words(c)
            } else {
                vec![**c]
            }
        });
        let mut next = 0;
        for piece in pieces {
            let k = nearest(&slots, next, centre(&piece))?;
            let reach = (slots[k].end - slots[k].start + piece.end - piece.start) / 2 + SLACK;
            if centre(&slots[k]).abs_diff(centre(&piece)) > reach {
                return None;
            }
            stack(&mut head[k + 1], piece.text);
            next = k;
        }
    }
    Some((over, head))
}

/// Whether a line is one of group headings: each of its fields one
/// heading (`International staff`, `National staff`, `UNV`), one of them
/// reaching over the middles of two slots or more.
fn group_line(cells: &[&Cell], slots: &[Cell]) -> bool {
    let heading = |c: &Cell| c.text.starts_with(char::is_uppercase) && headings(c) == 1;
    cells.iter().all(|c| heading(c)) && cells.iter().any(|c| covered(c, slots) >= 2)
}

/// How many slots' middles a field reaches over.
fn covered(cell: &Cell, slots: &[Cell]) -> usize {
    slots
        .iter()
        .filter(|s| (cell.start..=cell.end).contains(&centre(s)))
        .count()
}

/// A line of group headings as a header row: each at the slot nearest its
/// middle (their spans are not in the text), the stub's cell empty.
fn group_row(cells: &[&Cell], slots: &[Cell]) -> Vec<String> {
    let mut row = vec![String::new(); slots.len() + 1];
    for cell in cells {
        if let Some(k) = nearest(slots, 0, centre(cell)) {
            stack(&mut row[k + 1], cell.text);
        }
    }
    row
}

/// The slot from `from` on whose middle is nearest `at`.
fn nearest(slots: &[Cell], from: usize, at: usize) -> Option<usize> {
    (from..slots.len()).min_by_key(|&k| centre(&slots[k]).abs_diff(at))
}

/// `text` set under what a heading holds so far: a word broken at its
/// hyphen joins up (`Inter-` `national`), a grade range closes up on its
/// dash (`USG–` `ASG`), other lines join with a space.
fn stack(heading: &mut String, text: &str) {
    if heading.is_empty() {
        heading.push_str(text);
    } else if heading.ends_with('-') && text.starts_with(char::is_lowercase) {
        heading.pop();
        heading.push_str(text);
    } else if heading.ends_with(['–', '-']) {
        heading.push_str(text);
    } else {
        heading.push(' ');
        heading.push_str(text);
    }
}

/// A cell's words, each a cell of its own at its place.
fn words<'a>(cell: &Cell<'a>) -> Vec<Cell<'a>> {
    let mut out = Vec::new();
    let mut at = cell.start;
    for word in cell.text.split(' ') {
        let end = at + word.chars().count();
        if !word.is_empty() {
            out.push(Cell {
                start: at,
                end,
                text: word,
            });
        }
        at = end + 1;
    }
    out
}

/// How many headings a cell holds: a word opens one unless it starts in
/// lower case (`Cost estimates`, `Related expected`).
fn headings(cell: &Cell) -> usize {
    cell.text
        .split(' ')
        .filter(|w| !w.is_empty() && !w.starts_with(char::is_lowercase))
        .count()
        .max(1)
}
