//! A report table's grid as Word needs it: where each model cell stands,
//! the covered cells Word needs below a cell that spans rows (the model
//! keeps such a cell in its first row only, as HTML does), the filler a
//! short row needs before a covered cell, and column widths from content.
//!
//! Every pass walks the rows once with a per-column record of the row
//! spans still open, so a table costs time in proportion to its cells, and
//! memory in proportion to its width, whatever its shape: 1,000 columns or
//! 100,000 rows. Damaged tables (ragged rows, spans past the grid, which
//! validation reports) are written as well as they can be, never refused.

use crate::model::{Cell, Column, Row, Table, plain_text};
use crate::script::is_ideographic;

use super::units::{Twips, twips};

/// The widest column span honoured: a damaged span cannot make a grid of
/// billions of columns.
pub const MAX_COL_SPAN: u32 = 1024;

/// What stands at a place of a row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Content<'t> {
    /// A cell of the model.
    Cell(&'t Cell),
    /// A place covered by a cell above that spans rows (`vMerge` continue).
    Covered,
    /// Empty columns of a short row, before a covered place.
    Filler,
}

/// A cell's part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Not merged: the cell spans one row.
    None,
    /// The first row of a merge.
    Start,
    /// A covered row with more below.
    Middle,
    /// The merge's last row.
    End,
}

/// One cell of Word's row: what it holds, where it starts and how many
/// grid columns it spans.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot<'t> {
    /// What stands there.
    pub content: Content<'t>,
    /// First grid column.
    pub col: usize,
    /// Grid columns spanned.
    pub span: usize,
    /// Its part in a vertical merge.
    pub merge: Merge,
}

impl Slot<'_> {
    /// Whether the cell (merged or not) ends in this row: its bottom rule is drawn here.
    pub fn ends_here(&self) -> bool {
        matches!(self.merge, Merge::None | Merge::End)
    }
}

/// A row span still open in a column: rows it covers below the current
/// one, and its width.
#[derive(Debug, Clone, Copy, Default)]
struct Open {
    rows: u32,
    span: usize,
}

/// The grid of one table.
pub struct Grid<'t> {
    table: &'t Table,
    /// Grid columns: the model's columns, or more when a damaged row runs past them.
    pub width: usize,
}

impl<'t> Grid<'t> {
    /// The grid of `table`.
    pub fn new(table: &'t Table) -> Grid<'t> {
        let mut width = table.columns.len();
        walk(table, |_, _, slots| {
            if let Some(last) = slots.last() {
                width = width.max(last.col + last.span);
            }
        });
        Grid { table, width }
    }

    /// Calls `f` with each row's index (header rows first), the row and its slots.
    pub fn rows(&self, f: impl FnMut(usize, &'t Row, &[Slot<'t>])) {
        walk(self.table, f);
    }

    /// The column `i` of the grid (a plain one past the model's columns).
    pub fn column(&self, i: usize) -> Column {
        self.table.columns.get(i).copied().unwrap_or(Column {
            align: crate::model::Align::Start,
            spacer: false,
            width: None,
        })
    }
}

/// Walks `table`'s rows (header, then body) and calls `f` with each row's slots.
fn walk<'t>(table: &'t Table, mut f: impl FnMut(usize, &'t Row, &[Slot<'t>])) {
    let total = table.head.len() + table.body.len();
    let mut open: Vec<Open> = Vec::new();
    let mut open_count = 0usize;
    let mut slots = Vec::new();
    for (i, row) in table.head.iter().chain(&table.body).enumerate() {
        slots.clear();
        let rows_below = (total - i - 1) as u32;
        let mut col = 0;
        let mut cells = row.cells.iter();
        loop {
            if let Some(slot) = covered(&mut open, &mut open_count, col) {
                col += slot.span;
                slots.push(slot);
                continue;
            }
            let Some(cell) = cells.next() else { break };
            let span = span_before_open(&open, col, cell.col_span);
            let rows = cell.row_span.clamp(1, rows_below + 1);
            let merge = if rows > 1 {
                if open.len() <= col {
                    open.resize(col + 1, Open::default());
                }
                open[col] = Open {
                    rows: rows - 1,
                    span,
                };
                open_count += 1;
                Merge::Start
            } else {
                Merge::None
            };
            slots.push(Slot {
                content: Content::Cell(cell),
                col,
                span,
                merge,
            });
            col += span;
        }
        if open_count > 0 {
            cover_after_last_cell(&mut open, &mut open_count, col, &mut slots);
        }
        f(i, row, &slots);
    }
}

/// The covered place at `col`, if a row span from above is open there.
fn covered(open: &mut [Open], open_count: &mut usize, col: usize) -> Option<Slot<'static>> {
    let o = open.get_mut(col).filter(|o| o.rows > 0)?;
    o.rows -= 1;
    let merge = if o.rows == 0 {
        *open_count -= 1;
        Merge::End
    } else {
        Merge::Middle
    };
    Some(Slot {
        content: Content::Covered,
        col,
        span: o.span,
        merge,
    })
}

/// A cell's span at `col`, clamped to [`MAX_COL_SPAN`] and cut short
/// before a row span open further right (a damaged row would overlap it).
fn span_before_open(open: &[Open], col: usize, wanted: u32) -> usize {
    let wanted = wanted.clamp(1, MAX_COL_SPAN) as usize;
    let reach = (col + wanted).min(open.len());
    (col + 1..reach)
        .find(|&c| open[c].rows > 0)
        .map_or(wanted, |c| c - col)
}

/// The covered places right of a short row's last cell, with fillers for
/// the empty columns before them.
fn cover_after_last_cell<'t>(
    open: &mut [Open],
    open_count: &mut usize,
    mut col: usize,
    slots: &mut Vec<Slot<'t>>,
) {
    let mut gap_from = col;
    while col < open.len() {
        if open[col].rows == 0 {
            col += 1;
            continue;
        }
        if gap_from < col {
            slots.push(Slot {
                content: Content::Filler,
                col: gap_from,
                span: col - gap_from,
                merge: Merge::None,
            });
        }
        let slot = covered(open, open_count, col).expect("an open span");
        col += slot.span;
        gap_from = col;
        slots.push(slot);
    }
}

/// The type sizes and padding a table's cells are measured with, in points.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    /// Type size of header cells.
    pub head_size: f32,
    /// Type size of body cells.
    pub body_size: f32,
    /// Space before the text of the first column.
    pub lead_first: f32,
    /// Space before the text of the other columns.
    pub lead: f32,
    /// Space after the text of a column.
    pub trail: f32,
    /// Space after the text of the last column.
    pub trail_last: f32,
    /// Width of a spacer column.
    pub spacer: f32,
}

/// How wide a column wants to be: at least its longest word, at best its
/// longest line, in points.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Want {
    min: f32,
    pref: f32,
}

impl Want {
    fn widen(&mut self, other: Want) {
        self.min = self.min.max(other.min);
        self.pref = self.pref.max(other.pref);
    }
}

/// Where the table stands and its column widths: `(indent, widths)`.
/// The table runs from `indent` (the text indent) to the end of `available`
/// when its columns fit there, else across the whole of `available`.
pub fn layout(grid: &Grid, m: &Metrics, available: Twips, indent: Twips) -> (Twips, Vec<Twips>) {
    if let Some(given) = given_layout(grid, available, indent) {
        return given;
    }
    let wants = column_wants(grid, m);
    let spacer: Vec<bool> = (0..grid.width).map(|i| grid.column(i).spacer).collect();
    let min: f32 = wants.iter().map(|w| w.min).sum();
    let (indent, width) = if twips(min) <= available - indent {
        (indent, available - indent)
    } else {
        (0, available)
    };
    (indent, fit(&wants, &spacer, width))
}

/// The table's place and columns in the widths its source sets (a Word
/// file's grid), scaled to the room from the text indent when they fit
/// there, else to the whole width: `None` unless every column has one.
fn given_layout(grid: &Grid, available: Twips, indent: Twips) -> Option<(Twips, Vec<Twips>)> {
    let given = grid.table.source_widths(grid.width)?;
    // In floating point: widths from a hostile file may overflow a sum.
    let total = given.iter().map(|&w| w as f32).sum::<f32>();
    if total <= 0.0 {
        return None;
    }
    let (indent, width) = if total <= (available - indent) as f32 {
        (indent, available - indent)
    } else {
        (0, available)
    };
    let points: Vec<f32> = given
        .iter()
        .map(|&w| w as f32 / total * width as f32 / 20.0)
        .collect();
    Some((indent, round_to(&points, width)))
}

/// What each column wants, from its cells: a cell spanning columns
/// widens them evenly by what they lack together.
fn column_wants(grid: &Grid, m: &Metrics) -> Vec<Want> {
    let mut wants = vec![Want::default(); grid.width];
    let head = grid.table.head.len();
    let mut spanning: Vec<(usize, usize, Want)> = Vec::new();
    grid.rows(|i, row, slots| {
        let headed = i < head || row.heading;
        let size = if headed { m.head_size } else { m.body_size };
        let bold = row.total;
        for slot in slots {
            let Content::Cell(cell) = slot.content else {
                continue;
            };
            let lead = if slot.col == 0 {
                m.lead_first + crate::write::page::table::label_indent(cell.indent, row.total)
            } else {
                m.lead
            };
            let trail = if slot.col + slot.span == grid.width {
                m.trail_last
            } else {
                m.trail
            };
            let mut want = cell_want(cell, size, bold, headed);
            want.min += lead + trail;
            want.pref += lead + trail;
            if slot.span == 1 {
                wants[slot.col].widen(want);
            } else {
                spanning.push((slot.col, slot.span, want));
            }
        }
    });
    for (i, want) in wants.iter_mut().enumerate() {
        if grid.column(i).spacer {
            *want = Want {
                min: m.spacer,
                pref: m.spacer,
            };
        }
    }
    for (col, span, want) in spanning {
        spread(&mut wants[col..col + span], want);
    }
    wants
}

/// Widens `columns` evenly until together they want at least `want`.
fn spread(columns: &mut [Want], want: Want) {
    let n = columns.len() as f32;
    let (min, pref) = columns
        .iter()
        .fold((0.0, 0.0), |(a, b), w| (a + w.min, b + w.pref));
    let (more_min, more_pref) = (
        (want.min - min).max(0.0) / n,
        (want.pref - pref).max(0.0) / n,
    );
    for c in columns {
        c.min += more_min;
        c.pref += more_pref;
    }
}

/// How much wider than estimated a word may come out in the font Word or
/// LibreOffice finds: figures must never break.
const WORD_SAFETY: f32 = 1.2;

/// A cell's widths at `size` points: its longest word and its longest
/// paragraph. Header text may take two lines, as in the DGACM files.
fn cell_want(cell: &Cell, size: f32, bold: bool, head: bool) -> Want {
    let scale = size * if bold { 1.08 } else { 1.0 };
    let mut want = Want::default();
    for paragraph in &cell.paragraphs {
        let text = plain_text(paragraph);
        let (word, line) = text_widths(&text);
        let word = word * WORD_SAFETY;
        let line = if head {
            (line / 2.0).max(word)
        } else {
            line.max(word)
        };
        want.widen(Want {
            min: word * scale,
            pref: line * scale,
        });
    }
    want
}

/// The widths of `text`'s longest word and of the whole of it, in ems.
fn text_widths(text: &str) -> (f32, f32) {
    let (mut longest, mut word, mut line) = (0.0f32, 0.0f32, 0.0f32);
    for c in text.chars() {
        let advance = advance(c);
        line += advance;
        if c.is_whitespace() {
            word = 0.0;
        } else if is_ideographic(c) {
            // A line may break before and after any ideograph.
            longest = longest.max(advance);
            word = 0.0;
        } else {
            word += advance;
            longest = longest.max(word);
        }
    }
    (longest, line)
}

/// The advance of `c` in ems of a Times-like face, with the template's
/// 103 % width and letter spacing: close enough to share a line's width
/// among columns.
fn advance(c: char) -> f32 {
    let em = match c {
        ' ' => 0.25,
        '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'j' | 'l' => 0.28,
        '(' | ')' | '[' | ']' | '-' | '/' | 'f' | 'r' | 't' | 'I' => 0.33,
        'm' | 'M' | 'W' | '%' => 0.89,
        'w' | 'Ш' | 'Щ' | 'Ж' | 'Ю' | 'ш' | 'щ' | 'ж' | 'ю' => 0.72,
        'A'..='Z' | 'А'..='Я' => 0.68,
        'a'..='z' | '0'..='9' | 'а'..='я' => 0.5,
        c if is_ideographic(c) || ('\u{3000}'..='\u{30ff}').contains(&c) => 1.0,
        c if ('\u{ff00}'..='\u{ffef}').contains(&c) => 1.0,
        '\u{0600}'..='\u{06ff}' => 0.45,
        _ => 0.5,
    };
    em * 1.06
}

/// Widths in twips summing to `width`: each column its preferred width
/// and an equal share of what is left (so that columns of figures come
/// out about as wide as each other, as in the DGACM files); or, when the
/// preferred widths do not fit, its longest word and a share of the rest
/// in proportion to what it lacks; or, when not even the words fit, the
/// words' widths scaled down (Word then breaks words). Spacer columns keep
/// their width while the others can give way.
fn fit(wants: &[Want], spacer: &[bool], width: Twips) -> Vec<Twips> {
    let total = |f: &dyn Fn(&Want) -> f32| wants.iter().map(f).sum::<f32>();
    let (min, pref) = (total(&|w| w.min), total(&|w| w.pref));
    let width_pt = width as f32 / 20.0;
    let points: Vec<f32> = if pref <= width_pt {
        let growing = spacer.iter().filter(|s| !**s).count();
        let (share, shared_by_all) = match growing {
            0 => ((width_pt - pref) / wants.len() as f32, true),
            n => ((width_pt - pref) / n as f32, false),
        };
        wants
            .iter()
            .zip(spacer)
            .map(|(w, s)| {
                if *s && !shared_by_all {
                    w.pref
                } else {
                    w.pref + share
                }
            })
            .collect()
    } else if min <= width_pt {
        let ratio = (width_pt - min) / (pref - min);
        wants
            .iter()
            .map(|w| w.min + (w.pref - w.min) * ratio)
            .collect()
    } else {
        wants.iter().map(|w| w.min * width_pt / min).collect()
    };
    round_to(&points, width)
}

/// `points` in twips, rounded down, the twips lost to rounding given one
/// each to the first columns so that they sum to `width` exactly.
fn round_to(points: &[f32], width: Twips) -> Vec<Twips> {
    if points.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Twips> = points
        .iter()
        .map(|p| ((p * 20.0).floor() as Twips).max(0))
        .collect();
    let short = (width - out.iter().sum::<Twips>()).max(0) as usize;
    let n = out.len();
    for (i, w) in out.iter_mut().enumerate() {
        *w += (short / n + usize::from(i < short % n)) as Twips;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Align, Inline, Span};

    fn cell(text: &str, cols: u32, rows: u32) -> Cell {
        Cell {
            paragraphs: if text.is_empty() {
                Vec::new()
            } else {
                vec![vec![Inline::Text(text.into())]]
            },
            col_span: cols,
            row_span: rows,
            align: None,
            indent: 0,
            span: Span::default(),
        }
    }

    fn row(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            total: false,
            heading: false,
            span: Span::default(),
        }
    }

    fn table(columns: usize, head: Vec<Row>, body: Vec<Row>) -> Table {
        Table {
            n: Some(1),
            title: Vec::new(),
            units: None,
            columns: vec![
                Column {
                    align: Align::End,
                    spacer: false,
                    width: None,
                };
                columns
            ],
            head,
            body,
            notes: Vec::new(),
            source: None,
            span: Span::default(),
        }
    }

    /// Each row as `text@col+span` for cells, `^col+span`/`$col+span` for
    /// covered places (more below / last), `_col+span` for fillers.
    fn plan(t: &Table) -> Vec<String> {
        let mut out = Vec::new();
        Grid::new(t).rows(|_, _, slots| {
            let row: Vec<String> = slots
                .iter()
                .map(|s| {
                    let what = match (s.content, s.merge) {
                        (Content::Cell(c), Merge::Start) => {
                            format!("{}v", plain_text(&c.paragraphs[0]))
                        }
                        (Content::Cell(c), _) => c
                            .paragraphs
                            .first()
                            .map_or(String::new(), |p| plain_text(p)),
                        (Content::Covered, Merge::End) => "$".into(),
                        (Content::Covered, _) => "^".into(),
                        (Content::Filler, _) => "_".into(),
                    };
                    format!("{what}@{}+{}", s.col, s.span)
                })
                .collect();
            out.push(row.join(" "));
        });
        out
    }

    #[test]
    fn row_spans_leave_covered_places_in_the_rows_below() {
        // | Source ^ | Expenditure < | spacer | Change < |
        // | (covered) | 2022 | 2024 | | Amount | Percentage |
        let t = table(
            6,
            vec![
                row(vec![
                    cell("Source", 1, 2),
                    cell("Expenditure", 2, 1),
                    cell("", 1, 1),
                    cell("Change", 2, 1),
                ]),
                row(vec![
                    cell("2022", 1, 1),
                    cell("2024", 1, 1),
                    cell("", 1, 1),
                    cell("Amount", 1, 1),
                    cell("Percentage", 1, 1),
                ]),
            ],
            vec![row((0..6).map(|i| cell(&i.to_string(), 1, 1)).collect())],
        );
        assert_eq!(
            plan(&t),
            [
                "Sourcev@0+1 Expenditure@1+2 @3+1 Change@4+2",
                "$@0+1 2022@1+1 2024@2+1 @3+1 Amount@4+1 Percentage@5+1",
                "0@0+1 1@1+1 2@2+1 3@3+1 4@4+1 5@5+1",
            ]
        );
        assert_eq!(Grid::new(&t).width, 6);
    }

    #[test]
    fn a_span_over_three_rows_and_columns_is_covered_twice() {
        let t = table(
            3,
            Vec::new(),
            vec![
                row(vec![cell("a", 1, 1), cell("big", 2, 3)]),
                row(vec![cell("b", 1, 1)]),
                row(vec![cell("c", 1, 1)]),
                row(vec![cell("d", 1, 1), cell("e", 2, 1)]),
            ],
        );
        assert_eq!(
            plan(&t),
            [
                "a@0+1 bigv@1+2",
                "b@0+1 ^@1+2",
                "c@0+1 $@1+2",
                "d@0+1 e@1+2"
            ]
        );
    }

    #[test]
    fn damaged_tables_are_planned_without_panicking() {
        // A short row before a covered place gets a filler; a row span past
        // the table's end is cut at it; a long row widens the grid; a cell
        // overlapping an open row span is cut before it; spans of 0 count as 1.
        let t = table(
            3,
            Vec::new(),
            vec![
                row(vec![cell("a", 1, 1), cell("b", 1, 1), cell("tall", 1, 9)]),
                row(Vec::new()),
                row(vec![cell("wide", 3, 0), cell("x", 0, 1), cell("y", 1, 1)]),
            ],
        );
        assert_eq!(
            plan(&t),
            [
                "a@0+1 b@1+1 tallv@2+1",
                "_@0+2 ^@2+1",
                "wide@0+2 $@2+1 x@3+1 y@4+1",
            ]
        );
        assert_eq!(Grid::new(&t).width, 5);
        let wide = table(1, Vec::new(), vec![row(vec![cell("w", u32::MAX, 1)])]);
        assert_eq!(Grid::new(&wide).width, MAX_COL_SPAN as usize);
    }

    const METRICS: Metrics = Metrics {
        head_size: 7.0,
        body_size: 8.5,
        lead_first: 0.0,
        lead: 4.3,
        trail: 2.0,
        trail_last: 2.0,
        spacer: 5.0,
    };

    #[test]
    fn text_columns_are_wider_than_figures_and_spacers_narrow() {
        let mut t = table(
            4,
            vec![row(vec![
                cell("Region", 1, 1),
                cell("Persons offline", 1, 1),
                cell("", 1, 1),
                cell("Share", 1, 1),
            ])],
            vec![
                row(vec![
                    cell("Latin America and the Caribbean", 1, 1),
                    cell("170", 1, 1),
                    cell("", 1, 1),
                    cell("26", 1, 1),
                ]),
                row(vec![
                    cell("Africa", 1, 1),
                    cell("840", 1, 1),
                    cell("", 1, 1),
                    cell("57", 1, 1),
                ]),
            ],
        );
        t.columns[2].spacer = true;
        let (indent, widths) = layout(&Grid::new(&t), &METRICS, 9840, 1267);
        assert_eq!(indent, 1267);
        assert_eq!(widths.iter().sum::<Twips>(), 9840 - 1267);
        assert_eq!(widths[2], 100, "{widths:?}");
        assert!(
            widths[0] > widths[1] + 1000 && widths[1] > widths[2],
            "{widths:?}"
        );
    }

    #[test]
    fn a_table_too_wide_for_the_indent_takes_the_whole_width() {
        let words = "Extraordinarily";
        let t = table(
            8,
            Vec::new(),
            vec![row((0..8).map(|_| cell(words, 1, 1)).collect())],
        );
        let (indent, widths) = layout(&Grid::new(&t), &METRICS, 9840, 1267);
        assert_eq!(indent, 0);
        assert_eq!(widths.iter().sum::<Twips>(), 9840);
    }

    #[test]
    fn widths_from_the_source_keep_their_proportions() {
        let mut t = table(3, Vec::new(), vec![row(vec![cell("Category", 1, 1); 3])]);
        for (c, w) in t.columns.iter_mut().zip([3000, 1000, 1000]) {
            c.width = Some(w);
        }
        let (indent, widths) = layout(&Grid::new(&t), &METRICS, 9840, 1267);
        assert_eq!(indent, 1267);
        assert_eq!(widths.iter().sum::<Twips>(), 9840 - 1267);
        assert!((widths[0] - 3 * widths[1]).abs() <= 3, "{widths:?}");
        // A grid wider than the room from the indent takes the whole width.
        for (c, w) in t.columns.iter_mut().zip([6000, 2000, 2000]) {
            c.width = Some(w);
        }
        let (indent, widths) = layout(&Grid::new(&t), &METRICS, 9840, 1267);
        assert_eq!(indent, 0);
        assert_eq!(widths.iter().sum::<Twips>(), 9840);
    }

    #[test]
    fn a_thousand_columns_share_the_width_in_linear_time() {
        let t = table(
            1000,
            Vec::new(),
            (0..20)
                .map(|r| row((0..1000).map(|c| cell(&format!("{r}.{c}"), 1, 1)).collect()))
                .collect(),
        );
        let grid = Grid::new(&t);
        assert_eq!(grid.width, 1000);
        let (indent, widths) = layout(&grid, &METRICS, 9840, 1267);
        assert_eq!((indent, widths.len()), (0, 1000));
        assert_eq!(widths.iter().sum::<Twips>(), 9840);
        assert!(widths.iter().all(|&w| (4..20).contains(&w)), "{widths:?}");
    }

    #[test]
    fn spanning_cells_widen_their_columns_together() {
        let t = table(
            3,
            vec![row(vec![
                cell("", 1, 1),
                cell("A very long heading over two columns of figures", 2, 1),
            ])],
            vec![row(vec![cell("x", 1, 1), cell("1", 1, 1), cell("2", 1, 1)])],
        );
        let wants = column_wants(&Grid::new(&t), &METRICS);
        assert!((wants[1].min - wants[2].min).abs() < 0.01, "{wants:?}");
        assert!(wants[1].pref + wants[2].pref > 80.0, "{wants:?}");
    }
}
