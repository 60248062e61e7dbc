//! Layout tables (`w:tbl`) in a story: fixed columns, rows of a minimum
//! height, cells with rules above and below. The masthead is one; tables of
//! the body will be written with the same calls.

use super::body::Story;
use super::props::{PPr, TblPr, TcPr};
use super::units::Twips;

impl Story<'_, '_> {
    /// `<w:tbl>` with properties and grid; rows follow, then [`Story::end_table`].
    pub fn start_table(&mut self, grid: &[Twips]) {
        self.x.open("w:tbl", &[]);
        TblPr {
            bidi_visual: self.ctx.rtl,
            width: Some(grid.iter().sum()),
        }
        .write(&mut self.x);
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
        self.x.open("w:tr", &[]);
        self.x.open("w:trPr", &[]);
        self.x.empty(
            "w:trHeight",
            &[("w:val", &height.to_string()), ("w:hRule", "atLeast")],
        );
        self.x.close("w:trPr");
    }

    /// Closes the row.
    pub fn end_row(&mut self) {
        self.x.close("w:tr");
    }

    /// A cell with properties `tc`; `content` must write at least one paragraph.
    pub fn cell(&mut self, tc: TcPr, content: impl FnOnce(&mut Self)) {
        self.x.open("w:tc", &[]);
        tc.write(&mut self.x);
        content(self);
        self.x.close("w:tc");
    }

    /// An empty paragraph in `style` (a cell holds at least one).
    pub fn empty_paragraph(&mut self, style: &'static str) {
        self.paragraph(
            PPr {
                style: Some(style),
                ..PPr::default()
            },
            |_| {},
        );
    }
}
