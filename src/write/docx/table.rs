//! Tables (`w:tbl`) in a story, in the calls every table shares: the
//! table with its properties and grid, rows, cells. The masthead is a
//! layout table of fixed rows; the report's tables (`data_table`) and the
//! summary box (`summary`) are written with the same calls.

use super::body::Story;
use super::props::{PPr, TblPr, TcPr, TrPr};
use super::units::Twips;

impl<'a> Story<'_, 'a> {
    /// A layout table of `grid` columns, laid out right to left in
    /// right-to-left documents; rows follow, then [`Story::end_table`].
    pub fn start_table(&mut self, grid: &[Twips]) {
        let tbl = TblPr {
            bidi_visual: self.ctx.rtl,
            width: Some(grid.iter().sum()),
            ..TblPr::default()
        };
        self.start_table_with(&tbl, grid);
    }

    /// `<w:tbl>` with properties `tbl` and `grid`; rows follow, then [`Story::end_table`].
    pub fn start_table_with(&mut self, tbl: &TblPr, grid: &[Twips]) {
        self.x.open("w:tbl", &[]);
        tbl.write(&mut self.x);
        self.x.open("w:tblGrid", &[]);
        for w in grid {
            self.x.empty("w:gridCol", &[("w:w", &w.to_string())]);
        }
        self.x.close("w:tblGrid");
    }

    /// Closes the table.
    pub fn end_table(&mut self) {
        self.x.close("w:tbl");
    }

    /// A row at least `height` twips high; cells follow, then [`Story::end_row`].
    pub fn start_row(&mut self, height: Twips) {
        self.start_row_with(TrPr {
            min_height: Some(height),
            ..TrPr::default()
        });
    }

    /// A row with properties `tr`; cells follow, then [`Story::end_row`].
    pub fn start_row_with(&mut self, tr: TrPr) {
        self.x.open("w:tr", &[]);
        tr.write(&mut self.x);
    }

    /// Closes the row.
    pub fn end_row(&mut self) {
        self.x.close("w:tr");
    }

    /// A cell with properties `tc`; `content` must end with a paragraph.
    pub fn cell(&mut self, tc: TcPr, content: impl FnOnce(&mut Self)) {
        self.x.open("w:tc", &[]);
        tc.write(&mut self.x);
        content(self);
        self.x.close("w:tc");
    }

    /// An empty paragraph in `style` (a cell holds at least one).
    pub fn empty_paragraph(&mut self, style: &'a str) {
        self.paragraph(
            PPr {
                style: Some(style),
                ..PPr::default()
            },
            |_| {},
        );
    }
}
