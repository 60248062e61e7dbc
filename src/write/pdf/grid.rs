//! Table geometry that does not depend on text: column widths from the
//! widths of the cells' content, rows kept together where a cell spans
//! them, row heights, and the bands the paginator places (a group of rows,
//! or a slice of one taller than a page). Every step is linear in the
//! number of cells (times their spans), so a 1,000-column or 100,000-row
//! table costs no more per cell than a small one.

use std::ops::Range;

use crate::write::page::table::SPACER_COLUMN;

/// How wide a cell's content is, and where it stands in the grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellExtent {
    /// Its first grid column.
    pub col: usize,
    /// The columns it spans (at least 1).
    pub span: usize,
    /// Its narrowest width: the widest word, padding included.
    pub min: f32,
    /// Its preferred width: its text on one line, padding included.
    pub max: f32,
    /// Whether it is a header cell: a header wraps before a body cell does.
    pub head: bool,
}

/// The widths of a table's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnWidths {
    /// One width per grid column.
    pub widths: Vec<f32>,
    /// Whether even the narrowest columns did not fit: the widths were
    /// scaled down under the cells' words, which then overflow.
    pub squeezed: bool,
}

/// Column widths for a table `available` wide: each column at least its
/// widest word, spacer columns narrow, the room that is left shared out
/// in proportion to the columns' preferred widths, so the table fills the
/// width as the DGACM tables do. Where the room is short, the header's
/// cells wrap first: every body cell keeps its line while room allows
/// (`Approved 2024/25` whole, `Government-provided personnel` stacked).
pub fn column_widths(spacer: &[bool], cells: &[CellExtent], available: f32) -> ColumnWidths {
    let (min, body, max) = bounds(spacer, cells);
    let sum = |w: &[f32]| w.iter().sum::<f32>();
    if sum(&max) > available && sum(&body) <= available {
        // The body's lines fit: the header's cells share what is left.
        return distribute(&body, &max, available);
    }
    distribute(&min, &max, available)
}

/// Column widths in the proportions the source sets (a Word table's grid,
/// one per column), each at least its widest word; `None` when they are
/// not one per column. A column too narrow for its word gets the word, and
/// the others share what is left in their proportions (a pass per column
/// so fixed, at most: quadratic only in the columns, a thousand at most).
/// Then a column whose body cells would wrap takes the room the others
/// have past their own body cells (see [`keep_body_lines`]).
pub fn given_widths(
    spacer: &[bool],
    given: &[u32],
    cells: &[CellExtent],
    available: f32,
) -> Option<ColumnWidths> {
    let given: Vec<f32> = given.iter().map(|&w| w as f32).collect();
    if given.len() != spacer.len() || given.iter().sum::<f32>() <= 0.0 {
        return None;
    }
    let (mut min, body, _) = bounds(spacer, cells);
    // A spacer holds nothing: it takes its share of the source's width,
    // however narrow (Word's are 7 to 113 twips), not a spacer's 5 pt.
    for (m, _) in min.iter_mut().zip(spacer).filter(|(_, s)| **s) {
        *m = 0.0;
    }
    if min.iter().sum::<f32>() > available + 0.01 {
        return Some(distribute(&min, &min, available));
    }
    let mut fixed = vec![false; given.len()];
    loop {
        let room = available
            - fixed
                .iter()
                .zip(&min)
                .filter(|(f, _)| **f)
                .map(|(_, m)| m)
                .sum::<f32>();
        let share: f32 = given
            .iter()
            .zip(&fixed)
            .filter(|(_, f)| !**f)
            .map(|(g, _)| g)
            .sum();
        let widths: Vec<f32> = (0..given.len())
            .map(|i| {
                if fixed[i] || share <= 0.0 {
                    min[i]
                } else {
                    room * given[i] / share
                }
            })
            .collect();
        let short: Vec<usize> = (0..given.len())
            .filter(|&i| !fixed[i] && widths[i] < min[i])
            .collect();
        if short.is_empty() {
            let mut widths = widths;
            keep_body_lines(&mut widths, spacer, &min, &body);
            return Some(ColumnWidths {
                widths,
                squeezed: false,
            });
        }
        for i in short {
            fixed[i] = true;
        }
    }
}

/// Widens the columns whose body cells would wrap (`body`, their widest
/// cell on one line, is wider than the column) with the room other columns
/// have past their own body cells, taken from each in proportion to it:
/// the source's proportions were set for its own type, and a stub such as
/// `Approved 2024/25` that the official file keeps on one line should not
/// wrap beside figures columns with room to spare. A header cell wraps
/// first, as [`column_widths`] has it. Where the room is short, each
/// column gets the same share of what it lacks.
fn keep_body_lines(widths: &mut [f32], spacer: &[bool], min: &[f32], body: &[f32]) {
    let lacks: Vec<f32> = (0..widths.len())
        .map(|i| {
            if spacer[i] {
                0.0
            } else {
                (body[i] - widths[i]).max(0.0)
            }
        })
        .collect();
    let spare: Vec<f32> = (0..widths.len())
        .map(|i| {
            let keeps = body[i].max(min[i]);
            if spacer[i] {
                0.0
            } else {
                (widths[i] - keeps).max(0.0)
            }
        })
        .collect();
    let (lacking, spared): (f32, f32) = (lacks.iter().sum(), spare.iter().sum());
    if lacking <= 0.01 || spared <= 0.01 {
        return;
    }
    let moved = lacking.min(spared);
    for i in 0..widths.len() {
        widths[i] += lacks[i] * moved / lacking - spare[i] * moved / spared;
    }
}

/// Each column's narrowest width (its widest word), the width of its body
/// cells on one line, and its preferred width (every cell on one line).
fn bounds(spacer: &[bool], cells: &[CellExtent]) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let n = spacer.len();
    let (mut min, mut body, mut max) = (vec![0.0_f32; n], vec![0.0_f32; n], vec![0.0_f32; n]);
    for c in cells.iter().filter(|c| c.span <= 1 && c.col < n) {
        min[c.col] = min[c.col].max(c.min);
        max[c.col] = max[c.col].max(c.max);
        if !c.head {
            body[c.col] = body[c.col].max(c.max);
        }
    }
    // Cells that span columns widen the columns they span only where the
    // single-column cells leave them too narrow.
    for c in cells.iter().filter(|c| c.span > 1 && c.col < n) {
        let cols = c.col..(c.col + c.span).min(n);
        widen(&mut min, spacer, cols.clone(), c.min);
        widen(&mut max, spacer, cols.clone(), c.max);
        if !c.head {
            widen(&mut body, spacer, cols, c.max);
        }
    }
    for i in 0..n {
        if spacer[i] {
            (min[i], body[i], max[i]) = (SPACER_COLUMN, SPACER_COLUMN, SPACER_COLUMN);
        }
        body[i] = body[i].clamp(min[i], max[i].max(min[i]));
        max[i] = max[i].max(min[i]);
    }
    (min, body, max)
}

/// Spreads what `cols` lack of `need` evenly over its columns that are not spacers.
fn widen(widths: &mut [f32], spacer: &[bool], cols: Range<usize>, need: f32) {
    let flexible: Vec<usize> = cols.filter(|&i| !spacer[i]).collect();
    let have: f32 = flexible.iter().map(|&i| widths[i]).sum();
    if flexible.is_empty() || have >= need {
        return;
    }
    let each = (need - have) / flexible.len() as f32;
    for i in flexible {
        widths[i] += each;
    }
}

/// Widths between `min` and `max` that add up to `available`.
fn distribute(min: &[f32], max: &[f32], available: f32) -> ColumnWidths {
    let (sum_min, sum_max): (f32, f32) = (min.iter().sum(), max.iter().sum());
    let widths = if sum_max <= available && sum_max > 0.0 {
        let scale = available / sum_max;
        max.iter().map(|w| w * scale).collect()
    } else if sum_max <= available {
        vec![available / min.len().max(1) as f32; min.len()]
    } else if sum_min <= available {
        let t = (available - sum_min) / (sum_max - sum_min);
        min.iter().zip(max).map(|(a, b)| a + (b - a) * t).collect()
    } else {
        let scale = available.max(0.0) / sum_min;
        min.iter().map(|w| w * scale).collect()
    };
    ColumnWidths {
        widths,
        squeezed: sum_min > available + 0.01,
    }
}

/// The groups of rows that stay on one page: a row joins the group above
/// when a cell from a row above spans down into it. `reach[r]` is the last
/// row that a cell starting in row `r` spans.
pub fn row_groups(reach: &[usize]) -> Vec<Range<usize>> {
    let mut groups = Vec::new();
    let mut start = 0;
    let mut end = 0;
    for (r, &last) in reach.iter().enumerate() {
        end = end.max(last.max(r));
        if r == end {
            groups.push(start..r + 1);
            start = r + 1;
        }
    }
    if start < reach.len() {
        groups.push(start..reach.len());
    }
    groups
}

/// A cell's rows and the height its content needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellHeight {
    /// Its first row.
    pub row: usize,
    /// The rows it spans (at least 1), within its group.
    pub span: usize,
    /// Its content's height, spacing included.
    pub height: f32,
}

/// The height of each of `rows` rows: the tallest of its one-row cells;
/// a cell spanning rows that need less than it does makes its last row taller.
pub fn row_heights(rows: usize, cells: &[CellHeight]) -> Vec<f32> {
    let mut heights = vec![0.0_f32; rows];
    for c in cells.iter().filter(|c| c.span <= 1 && c.row < rows) {
        heights[c.row] = heights[c.row].max(c.height);
    }
    for c in cells.iter().filter(|c| c.span > 1 && c.row < rows) {
        let last = (c.row + c.span).min(rows) - 1;
        let have: f32 = heights[c.row..=last].iter().sum();
        if have < c.height {
            heights[last] += c.height - have;
        }
    }
    heights
}

/// A line of a cell's text in a band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellLine {
    /// The cell (index into the table's cells).
    pub cell: usize,
    /// Its paragraph in the cell.
    pub paragraph: usize,
    /// The line in the paragraph.
    pub line: usize,
    /// Left edge of the line's box on the page.
    pub x: f32,
    /// Top of the line's box, from the band's top.
    pub top: f32,
}

/// A horizontal rule in a band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandRule {
    /// Its centre, from the band's top.
    pub y: f32,
    /// Left end on the page.
    pub x0: f32,
    /// Right end on the page.
    pub x1: f32,
    /// Thickness.
    pub width: f32,
}

/// What the paginator places as one line: rows that stay together, or a
/// slice of a group taller than a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Band {
    /// Its height.
    pub height: f32,
    /// The text lines drawn in it.
    pub lines: Vec<CellLine>,
    /// The rules drawn in it.
    pub rules: Vec<BandRule>,
}

/// Cuts `band` into slices no taller than `limit`, each cut at the top of
/// a line it would otherwise cross; `pitch(line)` is a line's height.
/// Lines go to the slice their top is in, rules to the one their centre
/// is in. Linear in the band's lines.
pub fn slice_band(band: Band, limit: f32, pitch: impl Fn(&CellLine) -> f32) -> Vec<Band> {
    if band.height <= limit || limit <= 0.0 {
        return vec![band];
    }
    let mut lines = band.lines;
    lines.sort_by(|a, b| a.top.total_cmp(&b.top));
    let cuts = cut_points(&lines, band.height, limit, &pitch);
    let mut slices: Vec<Band> = cuts
        .windows(2)
        .map(|w| Band {
            height: w[1] - w[0],
            ..Band::default()
        })
        .collect();
    let last = slices.len() - 1;
    let slice_of = |y: f32| cuts[1..].partition_point(|&c| c <= y).min(last);
    for mut line in lines {
        let k = slice_of(line.top);
        line.top -= cuts[k];
        slices[k].lines.push(line);
    }
    for mut rule in band.rules {
        let k = slice_of(rule.y - 0.01);
        rule.y -= cuts[k];
        slices[k].rules.push(rule);
    }
    slices
}

/// Where `slice_band` cuts: from 0 to `height`, at most `limit` apart.
fn cut_points(
    lines: &[CellLine],
    height: f32,
    limit: f32,
    pitch: &impl Fn(&CellLine) -> f32,
) -> Vec<f32> {
    let mut cuts = vec![0.0];
    let mut start = 0.0;
    let mut first = 0;
    while height - start > limit {
        let mut cut = start + limit;
        let mut k = first;
        while k < lines.len() && lines[k].top < start + limit {
            let line = &lines[k];
            if line.top > start + 0.01 && line.top + pitch(line) > cut + 0.01 {
                cut = cut.min(line.top);
            }
            k += 1;
        }
        while first < lines.len() && lines[first].top < cut {
            first += 1;
        }
        cuts.push(cut);
        start = cut;
    }
    cuts.push(height);
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(col: usize, span: usize, min: f32, max: f32) -> CellExtent {
        CellExtent {
            col,
            span,
            min,
            max,
            head: false,
        }
    }

    fn close(a: &[f32], b: &[f32]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01)
    }

    #[test]
    fn preferred_widths_that_fit_are_stretched_to_the_width() {
        let cells = [cell(0, 1, 30.0, 100.0), cell(1, 1, 20.0, 50.0)];
        let w = column_widths(&[false, false], &cells, 300.0);
        assert!(close(&w.widths, &[200.0, 100.0]), "{w:?}");
        assert!(!w.squeezed);
    }

    #[test]
    fn narrow_room_is_shared_between_the_smallest_and_preferred_widths() {
        // Minimums 30 + 20, preferred 130 + 70: 100 pt is a third of the
        // way, so each column gets a third of what it would like more.
        let cells = [cell(0, 1, 30.0, 130.0), cell(1, 1, 20.0, 70.0)];
        let w = column_widths(&[false, false], &cells, 100.0);
        assert!(
            close(&w.widths, &[30.0 + 100.0 / 3.0, 20.0 + 50.0 / 3.0]),
            "{w:?}"
        );
        assert!(w.widths.iter().sum::<f32>() - 100.0 < 0.01);
    }

    #[test]
    fn header_cells_wrap_before_body_cells_do() {
        // A row label of 70 pt on one line beside a column whose header
        // would like 150 pt and whose figures need 30: with 160 pt, the
        // label keeps its line and the header wraps.
        let head = |col, min, max| CellExtent {
            head: true,
            ..cell(col, 1, min, max)
        };
        let cells = [
            cell(0, 1, 40.0, 70.0),
            head(1, 50.0, 150.0),
            cell(1, 1, 30.0, 30.0),
        ];
        let w = column_widths(&[false, false], &cells, 160.0);
        assert!(w.widths[0] >= 70.0, "{w:?}");
        assert!(close(&[w.widths.iter().sum()], &[160.0]), "{w:?}");
        // Too little room for the body's lines too: all share as before.
        let narrow = column_widths(&[false, false], &cells, 100.0);
        assert!(
            narrow.widths[0] < 70.0 && narrow.widths[0] >= 40.0,
            "{narrow:?}"
        );
        assert!(close(&[narrow.widths.iter().sum()], &[100.0]), "{narrow:?}");
    }

    /// A stub whose body cells the grid's proportions would wrap takes the
    /// room the figures columns have past their own cells; all of it it
    /// needs when there is enough, else what there is.
    #[test]
    fn given_widths_keep_body_cells_on_one_line_where_others_have_room() {
        let cells = |stub: f32, figures: f32| {
            let mut cells = vec![CellExtent {
                col: 0,
                span: 1,
                min: 50.0,
                max: stub,
                head: false,
            }];
            for col in 1..3 {
                cells.push(CellExtent {
                    col,
                    span: 1,
                    min: 25.0,
                    max: figures,
                    head: false,
                });
                // A header wider than the figures may wrap.
                cells.push(CellExtent {
                    col,
                    span: 1,
                    min: 30.0,
                    max: 90.0,
                    head: true,
                });
            }
            cells
        };
        let given = [1000, 1000, 1000];
        let w = given_widths(&[false; 3], &given, &cells(150.0, 40.0), 300.0).expect("widths");
        assert!(close(&w.widths, &[150.0, 75.0, 75.0]), "{w:?}");
        let short = given_widths(&[false; 3], &given, &cells(250.0, 90.0), 300.0).expect("widths");
        assert!(close(&short.widths, &[120.0, 90.0, 90.0]), "{short:?}");
        let fits = given_widths(&[false; 3], &given, &cells(90.0, 40.0), 300.0).expect("widths");
        assert!(close(&fits.widths, &[100.0, 100.0, 100.0]), "{fits:?}");
    }

    #[test]
    fn given_widths_keep_their_proportions_and_each_column_its_widest_word() {
        // Word's grid 3 : 1 : 1 over 250 pt; the second column's word needs 60.
        let cells = [
            cell(0, 1, 40.0, 300.0),
            cell(1, 1, 20.0, 20.0),
            cell(2, 1, 60.0, 60.0),
        ];
        let given = [3000, 1000, 1000];
        let w = given_widths(&[false; 3], &given, &cells, 500.0).expect("widths");
        assert!(close(&w.widths, &[300.0, 100.0, 100.0]), "{w:?}");
        let narrow = given_widths(&[false; 3], &given, &cells, 250.0).expect("widths");
        assert!(narrow.widths[2] >= 60.0 - 0.01, "{narrow:?}");
        assert!(close(&[narrow.widths.iter().sum()], &[250.0]), "{narrow:?}");
        assert!(narrow.widths[0] > narrow.widths[1], "{narrow:?}");
        // Widths that are not one per column: the content decides.
        assert!(given_widths(&[false; 3], &[1, 1], &cells, 500.0).is_none());
        // A spacer takes its share, however narrow: not 5 pt of the others'.
        let spaced = [cell(0, 1, 40.0, 300.0), cell(2, 1, 20.0, 20.0)];
        let w =
            given_widths(&[false, true, false], &[3000, 10, 1000], &spaced, 401.0).expect("widths");
        assert!(close(&w.widths, &[300.0, 1.0, 100.0]), "{w:?}");
    }

    #[test]
    fn spacers_stay_narrow_and_spanning_cells_widen_their_columns() {
        // A header spanning columns 2 and 3 needs 100; they hold 20 each.
        let cells = [
            cell(0, 1, 40.0, 40.0),
            cell(2, 2, 100.0, 100.0),
            cell(2, 1, 20.0, 20.0),
            cell(3, 1, 20.0, 20.0),
            cell(1, 1, 80.0, 80.0),
        ];
        let spacer = [false, true, false, false];
        let w = column_widths(&spacer, &cells, 40.0 + SPACER_COLUMN + 100.0);
        assert!(
            close(&w.widths, &[40.0, SPACER_COLUMN, 50.0, 50.0]),
            "{w:?}"
        );
    }

    #[test]
    fn a_thousand_columns_are_squeezed_into_the_width() {
        let cells: Vec<CellExtent> = (0..1000).map(|i| cell(i, 1, 10.0, 20.0)).collect();
        let w = column_widths(&[false; 1000], &cells, 500.0);
        assert!(w.squeezed);
        assert_eq!(w.widths.len(), 1000);
        assert!((w.widths.iter().sum::<f32>() - 500.0).abs() < 0.1);
    }

    #[test]
    fn rows_spanned_by_a_cell_stay_in_one_group() {
        // Row 1 has a cell reaching row 3; rows 0 and 4 stand alone.
        let groups = row_groups(&[0, 3, 2, 3, 4]);
        assert_eq!(groups, [0..1, 1..4, 4..5]);
        let many: Vec<usize> = (0..100_000).collect();
        assert_eq!(row_groups(&many).len(), 100_000);
    }

    #[test]
    fn a_spanning_cell_that_needs_more_makes_its_last_row_taller() {
        let cells = [
            CellHeight {
                row: 0,
                span: 1,
                height: 10.0,
            },
            CellHeight {
                row: 1,
                span: 1,
                height: 12.0,
            },
            CellHeight {
                row: 0,
                span: 2,
                height: 30.0,
            },
        ];
        assert_eq!(row_heights(2, &cells), [10.0, 20.0]);
    }

    fn line(top: f32) -> CellLine {
        CellLine {
            cell: 0,
            paragraph: 0,
            line: 0,
            x: 0.0,
            top,
        }
    }

    #[test]
    fn a_band_taller_than_a_page_is_cut_between_lines() {
        // 25 lines of 10 pt from 2 pt down, 254 pt; pages of 95 pt.
        let band = Band {
            height: 254.0,
            lines: (0..25).map(|i| line(2.0 + 10.0 * i as f32)).collect(),
            rules: vec![BandRule {
                y: 254.0,
                x0: 0.0,
                x1: 1.0,
                width: 1.0,
            }],
        };
        let slices = slice_band(band, 95.0, |_| 10.0);
        let heights: Vec<f32> = slices.iter().map(|s| s.height).collect();
        assert!(close(&heights, &[92.0, 90.0, 72.0]), "{heights:?}");
        let counts: Vec<usize> = slices.iter().map(|s| s.lines.len()).collect();
        assert_eq!(counts, [9, 9, 7]);
        assert!(
            slices
                .iter()
                .all(|s| s.lines.iter().all(|l| l.top + 10.0 <= s.height + 0.01))
        );
        assert_eq!(
            slices[2].rules.len(),
            1,
            "the bottom rule under the last slice"
        );
        // A band that fits stays whole.
        assert_eq!(slice_band(slices[0].clone(), 95.0, |_| 10.0).len(), 1);
    }
}
