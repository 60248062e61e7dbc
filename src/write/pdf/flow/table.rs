//! Tables in the flow, as the DGACM files set them: the number, title and
//! units line kept with the grid; the grid from the text indent to the
//! margin (to both margins when it needs the room), its columns as wide
//! as their content asks ([`grid::column_widths`]), header cells italic in
//! small type, total rows bold, every cell bottom-aligned; rules above and
//! under the header rows, above totals and at the bottom, none between
//! columns; lettered notes and the source line under it. Right-to-left
//! tables are mirrored: the first column at the right.

use crate::model::{Align as CellAlign, Cell, Table};
use crate::write::page::table::{
    self as geometry, CELL_LEAD, CELL_TRAIL, HEAD, THICK_RULE, THIN_RULE, TOTAL,
};
use crate::write::page::{BODY, TEXT_INDENT, TextStyle};

use super::super::grid::{
    self, Band, BandRule, CellExtent, CellHeight, CellLine, ColumnWidths, column_widths,
    given_widths,
};
use super::super::shape::Align;
use super::{Float, FlowBuilder, LaidBlock, LaidText, Plan, SpanKind, SummaryBox};
use crate::diagnostic::{Code, Diagnostic};

/// The width a cell's text is laid out at to find its preferred width.
const UNBROKEN: f32 = 1.0e5;
/// The width a cell's text is laid out at to find its widest word.
const NARROWEST: f32 = 0.5;

/// A table's grid laid out: its cells' text and the bands the paginator places.
#[derive(Debug, Clone)]
pub struct LaidTable {
    /// The cells, row by row as in the model.
    pub cells: Vec<LaidCell>,
    /// The cells (indexes into `cells`) of each model row, header rows first.
    pub rows: Vec<Vec<usize>>,
    /// How many of `rows` are header rows.
    pub head_rows: usize,
    /// The bands, header bands first.
    pub bands: Vec<Band>,
    /// How many of `bands` hold the header rows.
    pub head_bands: usize,
    /// Whether the header bands are repeated on each page the table
    /// continues on (not when they would leave the body too little room).
    pub repeat_head: bool,
}

/// A cell's laid-out text and what its tag says.
#[derive(Debug, Clone)]
pub struct LaidCell {
    /// One laid-out text per paragraph.
    pub paragraphs: Vec<LaidText>,
    /// A header cell (`TH`), else a data cell (`TD`).
    pub header: bool,
    /// Grid columns it spans.
    pub col_span: u32,
    /// Rows it spans.
    pub row_span: u32,
    /// Line pitch of its text.
    pub pitch: f32,
    /// Space above its text.
    pub before: f32,
    /// Space below its text.
    pub after: f32,
    /// Type size of its text.
    pub size: f32,
}

impl LaidCell {
    /// Its lines, all paragraphs together.
    pub fn lines(&self) -> usize {
        self.paragraphs.iter().map(|t| t.lines.len()).sum()
    }
}

/// Where a model cell stands in the grid.
struct Placement<'t> {
    cell: &'t Cell,
    row: usize,
    col: usize,
    span: usize,
    row_span: usize,
    header: bool,
    total: bool,
}

/// The cells of `t` in the grid, with spans clamped to it, and the number
/// of grid columns (more than declared when a ragged row runs past them).
fn place_cells(t: &Table) -> (Vec<Placement<'_>>, usize) {
    let declared = t.columns.len();
    let rows = t.head.iter().map(|r| (r, true));
    let rows: Vec<_> = rows.chain(t.body.iter().map(|r| (r, false))).collect();
    let mut busy_until: Vec<usize> = vec![0; declared];
    let mut out = Vec::new();
    for (r, (row, header)) in rows.iter().enumerate() {
        let section_end = if *header { t.head.len() } else { rows.len() };
        let mut col = 0;
        for cell in &row.cells {
            while col < busy_until.len() && busy_until[col] > r {
                col += 1;
            }
            let span = (cell.col_span.max(1) as usize).min(declared.saturating_sub(col).max(1));
            let row_span = (cell.row_span.max(1) as usize).min(section_end - r);
            if busy_until.len() < col + span {
                busy_until.resize(col + span, 0);
            }
            busy_until[col..col + span].fill(r + row_span);
            out.push(Placement {
                cell,
                row: r,
                col,
                span,
                row_span,
                header: *header || row.heading,
                total: row.total,
            });
            col += span;
        }
    }
    (out, busy_until.len())
}

/// The end of the run of heading rows inside the body that `r` is in.
fn heading_end(r: usize, heading: &dyn Fn(usize) -> bool) -> usize {
    (r..).find(|&e| !heading(e)).unwrap_or(r)
}

/// Padding at a cell's start and end: none before the first column's
/// text, a tab's worth more for the label of a total row.
fn padding(p: &Placement) -> (f32, f32) {
    let start = match p.col {
        0 => geometry::label_indent(p.cell.indent, p.total),
        _ => CELL_LEAD,
    };
    (start, CELL_TRAIL)
}

/// Where a line `width` wide starts in a box from `left`, `room` wide.
fn line_x(align: CellAlign, rtl: bool, left: f32, room: f32, width: f32) -> f32 {
    match (align, rtl) {
        (CellAlign::Center, _) => left + (room - width) / 2.0,
        (CellAlign::Start, false) | (CellAlign::End, true) => left,
        (CellAlign::End, false) | (CellAlign::Start, true) => left + room - width,
    }
}

impl FlowBuilder<'_> {
    /// A table: its caption, grid, notes and source, tagged as a `Table`
    /// with its caption and followed by its notes.
    pub(super) fn table(&mut self, t: &Table, plan: &mut Vec<Plan>) {
        let label = t.n.map(|n| self.lang().table_label(n));
        let caption = self.caption(label.as_deref(), &t.title, t.units.as_deref(), t.span);
        let grid = self.grid(t, caption.is_empty());
        plan.push(Plan::Table(
            caption.iter().copied().map(Plan::Para).collect(),
            grid,
        ));
        for i in caption {
            self.note_plans(i, plan);
        }
        self.note_plans(grid, plan);
        self.float_notes(&t.notes, t.source.as_deref(), grid, plan);
    }

    /// The grid of `t` as one block of bands; `first` when nothing stands
    /// above it (it takes the caption's space before).
    fn grid(&mut self, t: &Table, first: bool) -> usize {
        let (placements, columns) = place_cells(t);
        let styles: Vec<TextStyle> = placements.iter().map(|p| self.cell_style(p)).collect();
        let mut cells: Vec<LaidCell> = placements
            .iter()
            .zip(&styles)
            .map(|(p, style)| self.cell_text(p, *style, UNBROKEN))
            .collect();
        let (x, width, widths) = self.columns(t, &placements, &mut cells, columns);
        let lefts = column_lefts(&widths.widths, x, self.rtl());
        self.fit_cells(&placements, &styles, &mut cells, &widths.widths);
        let rows = t.head.len() + t.body.len();
        let mut table = LaidTable {
            rows: vec![Vec::new(); rows],
            head_rows: t.head.len(),
            bands: Vec::new(),
            head_bands: 0,
            repeat_head: false,
            cells,
        };
        for (k, p) in placements.iter().enumerate() {
            table.rows[p.row].push(k);
        }
        let geometry = Columns {
            widths: &widths.widths,
            lefts: &lefts,
            x,
            width,
        };
        self.bands(t, &placements, &mut table, &geometry);
        let notes = self.band_notes(&table);
        let body = LaidText::default();
        self.push_block(LaidBlock {
            before: if first { geometry::TITLE_BEFORE } else { 0.0 },
            after: geometry::AFTER,
            notes,
            float: Some(Box::new(Float::Table(table))),
            ..self.block(body, x, x, BODY)
        })
    }

    /// The style of a cell: header, total or body type, in the document's language.
    fn cell_style(&self, p: &Placement) -> TextStyle {
        let style = if p.header {
            HEAD
        } else if self.in_summary == Some(SummaryBox::Figures) {
            TextStyle {
                before: geometry::BODY.before,
                after: geometry::BODY.after,
                ..BODY
            }
        } else if p.total {
            TOTAL
        } else {
            geometry::BODY
        };
        style.for_lang(self.lang())
    }

    /// A cell's paragraphs laid out in `style` at `width` (padding excluded).
    fn cell_text(&mut self, p: &Placement, style: TextStyle, width: f32) -> LaidCell {
        let lang = self.lang();
        let paragraphs = p
            .cell
            .paragraphs
            .iter()
            .map(|inlines| {
                self.text_in(
                    lang,
                    inlines,
                    style,
                    width,
                    width,
                    Align::Natural,
                    p.cell.span,
                )
            })
            .collect();
        LaidCell {
            paragraphs,
            header: p.header,
            col_span: p.span as u32,
            row_span: p.row_span as u32,
            pitch: style.line,
            before: style.before,
            after: style.after,
            size: style.size,
        }
    }

    /// The table's left edge, width and column widths: from the text
    /// indent to the margin, or margin to margin when the columns need it
    /// (inside a box of figures, the box's width less its inset; inside a
    /// framed summary, the frame's less a little). A table squeezed even
    /// so is reported.
    fn columns(
        &mut self,
        t: &Table,
        placements: &[Placement],
        cells: &mut [LaidCell],
        columns: usize,
    ) -> (f32, f32, ColumnWidths) {
        let spacer: Vec<bool> = (0..columns)
            .map(|i| t.columns.get(i).is_some_and(|c| c.spacer))
            .collect();
        let mut extents: Vec<CellExtent> = placements
            .iter()
            .zip(cells.iter())
            .map(|(p, c)| {
                let (start, end) = padding(p);
                let max = widest_line(c) + start + end;
                CellExtent {
                    col: p.col,
                    span: p.span,
                    min: max,
                    max,
                    head: p.header,
                }
            })
            .collect();
        let (x, right) = match self.in_summary {
            Some(SummaryBox::Figures) => {
                let inset = TEXT_INDENT + geometry::BOX_INSET;
                self.span_box(inset, inset)
            }
            Some(SummaryBox::Framed) => {
                self.span_box(geometry::FRAMED_TABLE_INDENT, geometry::FRAMED_TABLE_INDENT)
            }
            None => self.span_box(TEXT_INDENT, 0.0),
        };
        if let Some(given) = self.given_columns(t, (placements, &mut extents), &spacer, (x, right))
        {
            return given;
        }
        // Most tables fit at their preferred widths: no word needs measuring.
        let preferred = column_widths(&spacer, &extents, right - x);
        if !preferred.squeezed {
            return (x, right - x, preferred);
        }
        self.narrowest(placements, &mut extents);
        let mut widths = column_widths(&spacer, &extents, right - x);
        let (mut x, mut width) = (x, right - x);
        if widths.squeezed && self.in_summary.is_none() {
            (x, width) = (self.geom.margin_x, self.geom.right() - self.geom.margin_x);
            widths = column_widths(&spacer, &extents, width);
        }
        if widths.squeezed {
            self.flow.diagnostics.push(Diagnostic::new(
                Code::PdfLayout,
                t.span,
                format!(
                    "the table's {columns} columns are wider than the page even at their narrowest: their words overflow the cells in the PDF"
                ),
            ));
        }
        (x, width, widths)
    }

    /// The table's box and columns in the proportions its source sets (a
    /// Word table's grid), when every column has a width and each keeps
    /// its widest word: a grid wider than the box from the text indent
    /// starts at the margin and keeps its width, as Word sets it, into the
    /// margin beyond if need be ([`Self::wide_box`]).
    fn given_columns(
        &mut self,
        t: &Table,
        (placements, extents): (&[Placement], &mut [CellExtent]),
        spacer: &[bool],
        (x, right): (f32, f32),
    ) -> Option<(f32, f32, ColumnWidths)> {
        let given = t.source_widths(spacer.len())?;
        // Twentieths of a point, as Word's grid is set.
        let total = given.iter().map(|&w| w as f32).sum::<f32>() / 20.0;
        let (x, right) = if total > right - x + 1.0 && self.in_summary.is_none() {
            self.wide_box(total)
        } else {
            (x, right)
        };
        self.narrowest(placements, extents);
        let widths = given_widths(spacer, &given, extents, right - x)?;
        (!widths.squeezed).then_some((x, right - x, widths))
    }

    /// The box of a Word table `width` wide, wider than the text column:
    /// from the margin at its start, as wide as Word sets it but leaving
    /// [`geometry::EDGE_ROOM`] at the page's edge, and never narrower than
    /// the text column.
    fn wide_box(&self, width: f32) -> (f32, f32) {
        let g = &self.geom;
        let most = g.width - g.margin_x - geometry::EDGE_ROOM;
        let width = width.min(most).max(g.right() - g.margin_x);
        if self.rtl() {
            (g.right() - width, g.right())
        } else {
            (g.margin_x, g.margin_x + width)
        }
    }

    /// Sets each extent's smallest width: the cell's widest word.
    fn narrowest(&mut self, placements: &[Placement], extents: &mut [CellExtent]) {
        for (p, extent) in placements.iter().zip(extents.iter_mut()) {
            let style = self.cell_style(p);
            let narrow = self.cell_text(p, style, NARROWEST);
            let (start, end) = padding(p);
            extent.min = widest_line(&narrow) + start + end;
        }
    }

    /// Lays out again, at their columns' width, the cells laid out wider.
    fn fit_cells(
        &mut self,
        placements: &[Placement],
        styles: &[TextStyle],
        cells: &mut [LaidCell],
        widths: &[f32],
    ) {
        for ((p, style), cell) in placements.iter().zip(styles).zip(cells.iter_mut()) {
            let (start, end) = padding(p);
            let room: f32 = widths[p.col..p.col + p.span].iter().sum::<f32>() - start - end;
            if widest_line(cell) > room + 0.01 {
                *cell = self.cell_text(p, *style, room.max(1.0));
            }
        }
    }

    /// The bands of the grid: its groups of rows, header first, with their
    /// lines and rules; a group taller than a page is sliced.
    fn bands(&self, t: &Table, placements: &[Placement], table: &mut LaidTable, cols: &Columns) {
        let rows = table.rows.len();
        let mut reach: Vec<usize> = (0..rows).collect();
        let mut heights = Vec::with_capacity(placements.len());
        for (p, cell) in placements.iter().zip(&table.cells) {
            reach[p.row] = reach[p.row].max(p.row + p.row_span - 1);
            // A heading row inside the body, or a group's label alone on
            // its row, never ends a page: it stays with the row under it.
            let heading = p.header && p.row >= table.head_rows;
            let label = p.row >= table.head_rows && t.is_group_label(p.row - table.head_rows);
            if (heading || label) && p.row + 1 < rows {
                reach[p.row] = reach[p.row].max(p.row + 1);
            }
            heights.push(CellHeight {
                row: p.row,
                span: p.row_span,
                height: cell.before + cell.lines().max(1) as f32 * cell.pitch + cell.after,
            });
        }
        let row_heights = grid::row_heights(rows, &heights);
        let mut bands = Vec::new();
        let mut head_bands = 0;
        for group in grid::row_groups(&reach) {
            let band = self.band(t, group.clone(), &row_heights, placements, table, cols);
            bands.push(band);
            if group.end <= table.head_rows {
                head_bands = bands.len();
            }
        }
        let page = self.geom.bottom - self.geom.top;
        let head: f32 = bands[..head_bands].iter().map(|b| b.height).sum();
        let repeat = head_bands > 0 && head <= page / 2.0;
        let limit = if repeat { page - head } else { page };
        let cells = &table.cells;
        let pitch = |l: &CellLine| cells[l.cell].pitch;
        let mut sliced = Vec::with_capacity(bands.len());
        for (k, band) in bands.into_iter().enumerate() {
            let slices = grid::slice_band(band, limit, pitch);
            if k < head_bands {
                table.head_bands += slices.len();
            }
            sliced.extend(slices);
        }
        table.repeat_head = repeat;
        table.bands = sliced;
    }

    /// The band of the rows `group`, whose heights are `heights`.
    fn band(
        &self,
        t: &Table,
        group: std::ops::Range<usize>,
        heights: &[f32],
        placements: &[Placement],
        table: &LaidTable,
        cols: &Columns,
    ) -> Band {
        // Row tops from the band's top, and its foot.
        let mut tops = Vec::with_capacity(group.len() + 1);
        let mut y = 0.0;
        for r in group.clone() {
            tops.push(y);
            y += heights[r];
        }
        tops.push(y);
        let mut band = Band {
            height: y,
            ..Band::default()
        };
        for r in group.clone() {
            for &k in &table.rows[r] {
                let (p, cell) = (&placements[k], &table.cells[k]);
                let top = tops[p.row - group.start];
                let foot = tops[p.row + p.row_span - group.start];
                self.cell_lines(t, k, p, cell, (top, foot), cols, &mut band.lines);
            }
        }
        band.rules = self.rules(t, &group, &tops, placements, table, cols);
        band
    }

    /// The lines of cell `k`, bottom-aligned in its box from `top` to `foot`.
    #[allow(clippy::too_many_arguments)]
    fn cell_lines(
        &self,
        t: &Table,
        k: usize,
        p: &Placement,
        cell: &LaidCell,
        (top, foot): (f32, f32),
        cols: &Columns,
        out: &mut Vec<CellLine>,
    ) {
        let rtl = self.rtl();
        let (left, right) = cols.cell_box(p.col, p.span);
        let (start, end) = padding(p);
        let (lp, rp) = if rtl { (end, start) } else { (start, end) };
        let room = right - left - lp - rp;
        // A header over several columns is centred over them.
        let spanning = (p.header && p.span > 1).then_some(CellAlign::Center);
        let align = p
            .cell
            .align
            .or(spanning)
            .or_else(|| t.columns.get(p.col).map(|c| c.align))
            .unwrap_or(CellAlign::Start);
        let mut y = foot - cell.after - cell.lines() as f32 * cell.pitch;
        for (paragraph, text) in cell.paragraphs.iter().enumerate() {
            for line in 0..text.lines.len() {
                out.push(CellLine {
                    cell: k,
                    paragraph,
                    line,
                    x: line_x(align, rtl, left + lp, room, text.line_width(line)),
                    top: y.max(top),
                });
                y += cell.pitch;
            }
        }
    }

    /// The rules of the band of rows `group`: above the table, under the
    /// header rows (and heading rows inside the body), under header cells
    /// with text that span columns above others, above total rows, and at
    /// the bottom. A box of figures has none.
    fn rules(
        &self,
        t: &Table,
        group: &std::ops::Range<usize>,
        tops: &[f32],
        placements: &[Placement],
        table: &LaidTable,
        cols: &Columns,
    ) -> Vec<BandRule> {
        if self.in_summary == Some(SummaryBox::Figures) {
            return Vec::new();
        }
        let full = |y: f32, width: f32| BandRule {
            y,
            x0: cols.x,
            x1: cols.x + cols.width,
            width,
        };
        let (head, rows) = (table.head_rows, table.rows.len());
        let height = tops[tops.len() - 1];
        let mut rules = Vec::new();
        if group.start == 0 {
            rules.push(full(0.0, THIN_RULE));
        }
        let body_row = |r: usize| r.checked_sub(head).and_then(|b| t.body.get(b));
        let heading = |r: usize| body_row(r).is_some_and(|row| row.heading);
        for r in group.clone() {
            let y = tops[r - group.start];
            let total = body_row(r).is_some_and(|row| row.total);
            // A heading row inside the body opens with a thin rule, as
            // the header does, and closes with a thick one.
            let opens = r > 0 && heading(r) && !heading(r - 1);
            if (total || opens) && r > 0 && r != head {
                rules.push(full(y, THIN_RULE));
            }
            if heading(r) && !heading(r + 1) && r + 1 < rows {
                rules.push(full(tops[r + 1 - group.start], THICK_RULE));
            }
            let run_end = if r < head {
                head
            } else {
                heading_end(r, &heading)
            };
            for &k in &table.rows[r] {
                let p = &placements[k];
                let text = !p.cell.paragraphs.is_empty();
                if p.header && text && p.span > 1 && p.row + p.row_span < run_end {
                    let (left, right) = cols.cell_box(p.col, p.span);
                    let foot = tops[p.row + p.row_span - group.start];
                    rules.push(BandRule {
                        y: foot,
                        x0: left + CELL_LEAD.min(right - left),
                        x1: right - CELL_TRAIL.min(right - left),
                        width: THIN_RULE,
                    });
                }
            }
        }
        if head > 0 && group.end == head {
            rules.push(full(height, THICK_RULE));
        }
        if group.end == rows && rows > head {
            rules.push(full(height, THICK_RULE));
        }
        rules
    }

    /// For each band, the footnotes its cells' lines cite.
    fn band_notes(&self, table: &LaidTable) -> Vec<Vec<usize>> {
        let citing: Vec<Option<Vec<Vec<Vec<usize>>>>> = table
            .cells
            .iter()
            .map(|c| {
                let cites = c.paragraphs.iter().any(|t| {
                    t.spans
                        .iter()
                        .any(|s| matches!(s.kind, SpanKind::NoteMark(_)))
                });
                cites.then(|| c.paragraphs.iter().map(|t| self.cited_notes(t)).collect())
            })
            .collect();
        table
            .bands
            .iter()
            .map(|band| {
                let mut notes: Vec<usize> = Vec::new();
                for l in &band.lines {
                    let cited = citing[l.cell]
                        .as_ref()
                        .and_then(|c| c.get(l.paragraph)?.get(l.line));
                    for &n in cited.into_iter().flatten() {
                        if !notes.contains(&n) {
                            notes.push(n);
                        }
                    }
                }
                notes
            })
            .collect()
    }
}

/// The horizontal geometry of a grid.
struct Columns<'g> {
    widths: &'g [f32],
    /// Left edge of each column on the page (mirrored in right-to-left tables).
    lefts: &'g [f32],
    x: f32,
    width: f32,
}

impl Columns<'_> {
    /// Left and right edges of a cell spanning `span` columns from `col`.
    fn cell_box(&self, col: usize, span: usize) -> (f32, f32) {
        let last = col + span - 1;
        let a = self.lefts[col];
        let b = self.lefts[last];
        let left = a.min(b);
        let right = (a + self.widths[col]).max(b + self.widths[last]);
        (left, right)
    }
}

/// Left edges of columns `widths` wide from `x`, the first at the right
/// in right-to-left tables.
fn column_lefts(widths: &[f32], x: f32, rtl: bool) -> Vec<f32> {
    let total: f32 = widths.iter().sum();
    let mut edge = 0.0;
    widths
        .iter()
        .map(|w| {
            let left = if rtl { x + total - edge - w } else { x + edge };
            edge += w;
            left
        })
        .collect()
}

/// The widest line of a cell's text, in points.
fn widest_line(cell: &LaidCell) -> f32 {
    cell.paragraphs
        .iter()
        .flat_map(|t| (0..t.lines.len()).map(move |i| t.line_width(i)))
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Document};
    use crate::write::WriteOptions;

    /// The laid-out grid of the first table of `doc`.
    fn first_table(doc: &Document) -> LaidTable {
        let options = WriteOptions::default();
        let fonts = crate::write::pdf::font_set(&options).expect("fonts");
        let laid = crate::write::pdf::lay_out(doc, &options, &fonts);
        laid.flow
            .blocks
            .into_iter()
            .find_map(|b| match b.float.map(|f| *f) {
                Some(Float::Table(t)) => Some(t),
                _ => None,
            })
            .expect("a table")
    }

    fn thick_rules(t: &LaidTable) -> usize {
        t.bands
            .iter()
            .flat_map(|b| &b.rules)
            .filter(|r| r.width == THICK_RULE)
            .count()
    }

    /// The English sample report, whose first table the tests change.
    fn sample_table() -> Document {
        let source = std::fs::read_to_string("samples/report-en.txt").expect("the sample");
        crate::read::text::read(&source).document.expect("reads")
    }

    fn table_in(blocks: &mut [Block]) -> Option<&mut Table> {
        blocks.iter_mut().find_map(|b| match b {
            Block::Chapter(d) | Block::Section(d) => table_in(&mut d.blocks),
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    #[test]
    fn a_groups_label_stays_with_the_row_under_it() {
        let mut doc = sample_table();
        let table = table_in(&mut doc.body).expect("a table");
        let head_rows = table.head.len();
        for cell in table.body[0].cells.iter_mut().skip(1) {
            cell.paragraphs.clear();
        }
        assert!(table.body[0].is_group_label());
        let laid = first_table(&doc);
        let band_of = |r: usize| {
            laid.bands
                .iter()
                .position(|b| b.lines.iter().any(|l| laid.rows[r].contains(&l.cell)))
        };
        assert_eq!(band_of(head_rows), band_of(head_rows + 1));
        assert_ne!(band_of(head_rows + 1), band_of(head_rows + 2));
    }

    #[test]
    fn a_heading_row_inside_the_body_is_set_as_the_header_is() {
        let mut doc = sample_table();
        let plain = first_table(&doc);
        let table = table_in(&mut doc.body).expect("the sample has a table");
        assert!(table.body.len() >= 3, "rows to work with");
        table.body[1].heading = true;
        let head_rows = table.head.len();
        let laid = first_table(&doc);
        let row = |t: &LaidTable, r: usize| -> Vec<bool> {
            t.rows[r].iter().map(|&k| t.cells[k].header).collect()
        };
        assert!(row(&laid, head_rows + 1).iter().all(|&h| h), "TH cells");
        assert!(row(&laid, head_rows).iter().all(|&h| !h));
        assert!(row(&plain, head_rows + 1).iter().all(|&h| !h));
        // Thick under the header, under the heading row and at the foot.
        assert_eq!(thick_rules(&plain), 2);
        assert_eq!(thick_rules(&laid), 3);
        // The heading row shares its band with the row under it.
        let band_of = |t: &LaidTable, r: usize| {
            t.bands
                .iter()
                .position(|b| b.lines.iter().any(|l| t.rows[r].contains(&l.cell)))
        };
        assert_eq!(band_of(&laid, head_rows + 1), band_of(&laid, head_rows + 2));
    }

    #[test]
    fn right_to_left_columns_start_at_the_right() {
        let lefts = column_lefts(&[50.0, 30.0, 20.0], 100.0, true);
        assert_eq!(lefts, [150.0, 120.0, 100.0]);
        let lefts = column_lefts(&[50.0, 30.0, 20.0], 100.0, false);
        assert_eq!(lefts, [100.0, 150.0, 180.0]);
    }

    #[test]
    fn start_and_end_flip_in_right_to_left_cells() {
        assert_eq!(line_x(CellAlign::End, false, 0.0, 100.0, 20.0), 80.0);
        assert_eq!(line_x(CellAlign::End, true, 0.0, 100.0, 20.0), 0.0);
        assert_eq!(line_x(CellAlign::Start, true, 0.0, 100.0, 20.0), 80.0);
        assert_eq!(line_x(CellAlign::Center, true, 0.0, 100.0, 20.0), 40.0);
    }
}
