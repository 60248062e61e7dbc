//! Word tables as the model's tables: the grid with its narrow spacer
//! columns, cells spanning columns (`gridSpan`, `gridBefore`/`gridAfter`)
//! and rows (`vMerge`), header rows (`tblHeader`), column alignment, bold
//! total rows, and lettered notes kept in the table's last rows.

use super::content::{Node, VMerge, WCell, WPara, WRow, WTable};
use super::inlines::{SupLetter, merged, plain, unbold};
use super::places::Ctx;
use crate::model::{Align, Cell, Column, Inline, Row, Span, Table, TableNote, plain_text};

/// Grid columns narrower than this (twentieths of a point, 0.1 inch) that
/// hold no text of their own only separate others.
const SPACER_WIDTH: i64 = 200;

/// A cell placed on the grid: its first column, and its content.
struct Placed<'t> {
    column: usize,
    cell: &'t WCell,
    row_span: u32,
}

/// The model table of `t` (title, units and notes outside it are added by
/// the caller).
pub fn table(t: &WTable, ctx: &mut Ctx) -> Table {
    let width = grid_width(t);
    let placed = place_cells(t, width);
    let mut head = Vec::new();
    let mut body = Vec::new();
    let mut aligns: Vec<Vec<Align>> = vec![Vec::new(); width];
    let mut notes = Vec::new();
    let mut heading = true;
    let mut span = Span::default();
    let mut covered = vec![0u32; width];
    for (row, cells) in t.rows.iter().zip(&placed) {
        if let Some(found) = note_row(row, ctx) {
            notes.extend(found);
            continue;
        }
        let spanned_into = covered.iter().any(|&c| c > 0);
        let mut built = build_row(row, cells, &mut covered, ctx, &mut aligns);
        if is_spacer_row(&built, spanned_into) {
            continue;
        }
        // A row set as a header (italic column headings) that Word does
        // not mark is a heading row all the same.
        let italic_heading = !row.header && is_heading_row(&built);
        if row.header || italic_heading {
            built.cells.iter_mut().for_each(plain_header_cell);
        }
        built.heading |= italic_heading;
        if span.line == 0 {
            span = built.span;
        }
        heading &= row.header;
        if heading {
            // Only header rows past the head are headings inside the body.
            built.heading = false;
            head.push(built)
        } else {
            body.push(built)
        }
    }
    if head.is_empty() {
        // Unmarked heading rows at the table's top are its header.
        let lead = body.iter().take_while(|r| r.heading).count();
        if lead < body.len() {
            head = body
                .drain(..lead)
                .map(|r| Row {
                    heading: false,
                    ..r
                })
                .collect();
        }
    }
    let columns = columns(t, width, &aligns, &head, &body);
    let mut table = Table {
        columns,
        head,
        body,
        notes,
        span,
        ..Table::default()
    };
    clear_default_aligns(&mut table);
    table
}

fn grid_width(t: &WTable) -> usize {
    let widest = t
        .rows
        .iter()
        .map(|r| {
            r.grid_before as usize
                + r.grid_after as usize
                + r.cells.iter().map(|c| c.span as usize).sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    widest.max(t.grid.len()).max(1)
}

/// Each row's cells with their grid column; covered (`vMerge` continue)
/// cells are left out and counted into the row span of the cell above.
fn place_cells(t: &WTable, width: usize) -> Vec<Vec<Placed<'_>>> {
    let mut rows: Vec<Vec<Placed>> = Vec::new();
    // For each grid column, (row, index) of the cell that started a merge there.
    let mut open: Vec<Option<(usize, usize)>> = vec![None; width];
    for (r, row) in t.rows.iter().enumerate() {
        let mut column = row.grid_before as usize;
        let mut placed = Vec::new();
        for cell in &row.cells {
            let at = column.min(width.saturating_sub(1));
            column += cell.span as usize;
            if cell.vmerge == Some(VMerge::Continue)
                && let Some((pr, pi)) = open[at]
            {
                let above: &mut Placed = &mut rows[pr][pi];
                above.row_span += 1;
                continue;
            }
            open[at] = (cell.vmerge == Some(VMerge::Restart)).then_some((r, placed.len()));
            placed.push(Placed {
                column: at,
                cell,
                row_span: 1,
            });
        }
        rows.push(placed);
    }
    rows
}

fn build_row(
    row: &WRow,
    cells: &[Placed],
    covered: &mut [u32],
    ctx: &mut Ctx,
    aligns: &mut [Vec<Align>],
) -> Row {
    let mut out = Vec::new();
    let mut column = 0usize;
    let mut span = Span::default();
    for placed in cells {
        fill_gap(&mut out, covered, column, placed.column, span);
        let cell = build_cell(placed, ctx);
        if span.line == 0 {
            span = cell.span;
        }
        if let Some(a) = cell.align
            && placed.cell.span == 1
            && placed.column < aligns.len()
        {
            aligns[placed.column].push(a);
        }
        let end = (placed.column + cell.col_span as usize).min(covered.len());
        for slot in &mut covered[placed.column.min(end)..end] {
            *slot = placed.row_span;
        }
        column = end.max(column);
        out.push(cell);
    }
    if !cells.is_empty() || row.grid_after > 0 {
        fill_gap(&mut out, covered, column, covered.len(), span);
    }
    for slot in covered.iter_mut() {
        *slot = slot.saturating_sub(1);
    }
    let total = !row.header && is_total(&out);
    if total {
        // The bold is the total row's own style, which the writers give it.
        for cell in &mut out {
            for paragraph in &mut cell.paragraphs {
                *paragraph = unbold(std::mem::take(paragraph));
            }
        }
    }
    Row {
        cells: out,
        total,
        heading: row.header,
        span,
    }
}

/// Empty cells for the grid columns between `from` and `to` that no cell
/// above spans into (`gridBefore`, `gridAfter`, short rows).
fn fill_gap(out: &mut Vec<Cell>, covered: &mut [u32], from: usize, to: usize, span: Span) {
    let mut run_start = None;
    let end = to.min(covered.len());
    for (i, &cover) in covered.iter().enumerate().take(end).skip(from) {
        match (cover > 0, run_start) {
            (false, None) => run_start = Some(i),
            (true, Some(s)) => {
                out.push(empty_cell((i - s) as u32, span));
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = run_start {
        let end = to.min(covered.len());
        out.push(empty_cell((end - s) as u32, span));
        for slot in &mut covered[s..end] {
            *slot = 1;
        }
    }
}

/// A row with no text that no cell spans into or out of: Word's spacing
/// between header and body, which the writers make themselves.
fn is_spacer_row(row: &Row, spanned_into: bool) -> bool {
    !spanned_into
        && row
            .cells
            .iter()
            .all(|c| c.paragraphs.is_empty() && c.row_span == 1)
}

/// A header cell's text without the italic DGACM header rows are set in
/// (a paragraph wholly in italic, but for the spaces and tabs between its
/// words, is plain; mixed emphasis is kept).
fn plain_header_cell(cell: &mut Cell) {
    for p in &mut cell.paragraphs {
        if p.iter().all(italic_or_space) {
            for i in p.iter_mut() {
                if let Inline::Emph(t) = i {
                    *i = Inline::Text(std::mem::take(t));
                }
            }
            *p = merged(std::mem::take(p));
        }
    }
}

fn empty_cell(col_span: u32, span: Span) -> Cell {
    Cell {
        paragraphs: Vec::new(),
        col_span,
        row_span: 1,
        align: None,
        indent: 0,
        span,
    }
}

fn build_cell(placed: &Placed, ctx: &mut Ctx) -> Cell {
    let mut paragraphs = Vec::new();
    let mut align = None;
    let mut indent = None;
    let mut span = Span::default();
    for p in flat_paragraphs(&placed.cell.content, ctx) {
        let at = ctx.place(p);
        if span.line == 0 {
            span = at;
        }
        let inlines = ctx.inlines(p, 0, SupLetter::Mark, at);
        if !inlines.is_empty() {
            align = align.or(p.align);
            indent = indent.or_else(|| Some(leading_tabs(p)));
            paragraphs.push(inlines);
        }
    }
    if span.line == 0 {
        span = ctx.place_at(&placed.cell_position(), "");
    }
    Cell {
        paragraphs,
        col_span: placed.cell.span.max(1),
        row_span: placed.row_span,
        align,
        // Only row labels: a tab before a figure aligns it on a tab stop.
        indent: indent.filter(|_| placed.column == 0).unwrap_or(0),
        span,
    }
}

/// The tabs before a paragraph's text: the indent of a row label under
/// its group's (Word sets it so, not by the paragraph's indent).
fn leading_tabs(p: &WPara) -> u32 {
    let tabs = plain(&p.runs).chars().take_while(|&c| c == '\t').count();
    (tabs as u32).min(Cell::MAX_INDENT)
}

impl Placed<'_> {
    fn cell_position(&self) -> String {
        match self.cell.content.first() {
            Some(Node::Para(p)) => p.position.clone(),
            Some(Node::Table(t)) => t.position.clone(),
            None => String::from("table cell"),
        }
    }
}

/// The paragraphs of a cell; a table inside it is flattened into its
/// paragraphs, with a warning.
fn flat_paragraphs<'c>(content: &'c [Node], ctx: &mut Ctx) -> Vec<&'c WPara> {
    let mut out = Vec::new();
    for node in content {
        match node {
            Node::Para(p) => out.push(p),
            Node::Table(t) => {
                let at = ctx.place_at(&t.position, "");
                ctx.warn(
                    at,
                    "a table inside a table cell: its cells are kept as paragraphs of the outer cell",
                );
                for row in &t.rows {
                    for cell in &row.cells {
                        out.extend(flat_paragraphs(&cell.content, ctx));
                    }
                }
            }
        }
    }
    out
}

/// Italic text, a table note's mark, or the spaces between italic words:
/// what a wholly italic header paragraph holds.
fn italic_or_space(i: &Inline) -> bool {
    match i {
        Inline::Emph(_) | Inline::TableNoteRef(_) => true,
        Inline::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

/// A row of column headings Word does not mark as one: two cells or more
/// with text, each wholly in italic, none a figure (a row of italic
/// figures is data; a lone italic label heads a group of rows).
fn is_heading_row(row: &Row) -> bool {
    let with_text: Vec<&Cell> = row
        .cells
        .iter()
        .filter(|c| !c.paragraphs.is_empty())
        .collect();
    let italic = |c: &Cell| {
        c.paragraphs.iter().all(|p| {
            p.iter().all(italic_or_space) && p.iter().any(|i| matches!(i, Inline::Emph(_)))
        })
    };
    let figure = |c: &Cell| {
        c.paragraphs.iter().any(|p| {
            plain_text(p)
                .chars()
                .all(|ch| ch.is_ascii_digit() || " .,()–-—%".contains(ch))
        })
    };
    with_text.len() >= 2 && with_text.iter().all(|c| italic(c) && !figure(c))
}

fn is_total(cells: &[Cell]) -> bool {
    let with_text: Vec<&Cell> = cells.iter().filter(|c| !c.paragraphs.is_empty()).collect();
    with_text.len() >= 2
        && with_text.iter().all(|c| {
            c.paragraphs.iter().all(|p| {
                p.iter()
                    .all(|i| matches!(i, Inline::Strong(_) | Inline::TableNoteRef(_)))
            })
        })
}

/// The notes of a row that spans the whole table and holds only lettered
/// notes (`a` tab text), as DGACM tables keep them in their last row.
fn note_row(row: &WRow, ctx: &mut Ctx) -> Option<Vec<TableNote>> {
    let [cell] = row.cells.as_slice() else {
        return None;
    };
    let paragraphs: Vec<&WPara> = cell
        .content
        .iter()
        .filter_map(|n| match n {
            Node::Para(p) if !plain(&p.runs).trim().is_empty() => Some(p),
            _ => None,
        })
        .collect();
    if paragraphs.is_empty() || !paragraphs.iter().all(|p| note_letter(p).is_some()) {
        return None;
    }
    Some(paragraphs.iter().map(|p| note(p, ctx)).collect())
}

/// `a\tText` (or a superscript `a` then text): the note's letter and where its text starts.
pub fn note_letter(p: &WPara) -> Option<(u32, usize)> {
    let text = plain(&p.runs);
    let lead = text.len() - text.trim_start().len();
    let b = text.as_bytes();
    let letter = *b.get(lead)?;
    let after = *b.get(lead + 1)?;
    (letter.is_ascii_lowercase() && (after == b'\t' || after == b' ' || after.is_ascii_uppercase()))
        .then(|| (u32::from(letter - b'a') + 1, lead + 1))
}

/// A table note read from its paragraph.
pub fn note(p: &WPara, ctx: &mut Ctx) -> TableNote {
    let (n, skip) = note_letter(p).unwrap_or((1, 0));
    let span = ctx.place(p);
    TableNote {
        n,
        content: ctx.inlines(p, skip, SupLetter::Letter, span),
        span,
    }
}

fn columns(
    t: &WTable,
    width: usize,
    aligns: &[Vec<Align>],
    head: &[Row],
    body: &[Row],
) -> Vec<Column> {
    (0..width)
        .map(|i| Column {
            align: majority(&aligns[i]).unwrap_or(Align::Start),
            spacer: t.grid.get(i).is_some_and(|&w| w > 0 && w < SPACER_WIDTH)
                && width > 2
                && !starts_text(head, body, i),
            width: t
                .grid
                .get(i)
                .and_then(|&w| u32::try_from(w).ok())
                .filter(|&w| w > 0),
        })
        .collect()
}

/// Whether a cell with text starts at grid column `i`.
fn starts_text(head: &[Row], body: &[Row], i: usize) -> bool {
    // Rows still covered, per column, by a cell spanning rows above: a
    // row's cells start after the columns it covers.
    let mut covered: Vec<u32> = Vec::new();
    head.iter().chain(body).any(|row| {
        let mut column = 0;
        let mut found = false;
        for c in &row.cells {
            while covered.get(column).is_some_and(|&n| n > 0) {
                column += 1;
            }
            // An empty paragraph (the one every Word cell holds) is no text.
            let text = c.paragraphs.iter().any(|p| !p.is_empty());
            found |= column == i && text && c.col_span == 1;
            let span = c.col_span.max(1) as usize;
            if covered.len() < column + span {
                covered.resize(column + span, 0);
            }
            for slot in &mut covered[column..column + span] {
                *slot = c.row_span.max(1);
            }
            column += span;
        }
        for slot in &mut covered {
            *slot = slot.saturating_sub(1);
        }
        found
    })
}

fn majority(aligns: &[Align]) -> Option<Align> {
    [Align::Start, Align::Center, Align::End]
        .into_iter()
        .map(|a| (a, aligns.iter().filter(|&&x| x == a).count()))
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(_, n)| n)
        .map(|(a, _)| a)
}

/// A cell's alignment is kept only where it differs from its column's.
fn clear_default_aligns(table: &mut Table) {
    let columns = table.columns.clone();
    for row in table.head.iter_mut().chain(table.body.iter_mut()) {
        let mut column = 0;
        for cell in &mut row.cells {
            let default = columns.get(column).map_or(Align::Start, |c| c.align);
            if cell.align == Some(default) || cell.paragraphs.is_empty() {
                cell.align = None;
            }
            column += cell.col_span as usize;
        }
    }
}
