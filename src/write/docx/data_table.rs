//! The report's tables as the DGACM files set them (A/80/604/Add.1,
//! A/80/630): the title block, then a table from the text indent to the
//! right margin (or across the whole width when it needs it), in fixed
//! columns sized from their content; no vertical rules; a thin rule above
//! the header, a thick one under it and at the foot, thin ones around
//! total rows (bold) and under header cells that span columns; header text
//! in small italic, repeated on every page (`tblHeader`); rows that do not
//! split; text at the foot of its cell; figures aligned by paragraph
//! indents, in cells without side margins; then the notes and source.
//! Arabic tables run right to left (`bidiVisual`), every indent and
//! alignment being logical.

use super::body::Story;
use super::grid::{self, Content, Grid, Metrics, Slot};
use super::props::{Ind, Jc, PPr, RPr, Spacing, Tab, TblPr, TcPr, TrPr, VMerge};
use super::styles::TEXT_INDENT;
use super::units::{Twips, eighths, twips};
use crate::model::{Align, Cell, Row, Table, plain_text};
use crate::write::page::table as geometry;

/// A paragraph style of cell text, the space (above, below) it sets and
/// the space wanted, in points (written where the two differ).
#[derive(Debug, Clone, Copy)]
pub(super) struct CellStyle {
    /// Style id.
    pub id: &'static str,
    /// Space above and below, as the style sets it.
    pub style_space: (f32, f32),
    /// Space above and below wanted in the table.
    pub space: (f32, f32),
}

/// How a table is set: the body's tables, or the table of figures that
/// is a summary box (framed, in running-text type, no rules of its own).
#[derive(Debug, Clone, Copy)]
pub(super) struct Look {
    /// Type sizes and padding.
    pub metrics: Metrics,
    /// Header cells' style.
    pub head: CellStyle,
    /// Body cells' style.
    pub body: CellStyle,
    /// The indents (lead, trail) the cell styles set, in points.
    pub style_indents: (f32, f32),
    /// Whether the cell styles justify their text (left alignment is then written).
    pub style_justified: bool,
    /// A frame stands around the table: no top and foot rules, padding inside.
    pub framed: bool,
    /// The stops a row label's leading tabs go to, one a level from the
    /// first column's lead: Word's way of setting a label in, which its
    /// reader (and undoc's) reads back as the cell's indent.
    pub label_tabs: &'static [Tab; MAX_INDENT],
}

/// The deepest indent of a row label (the schema's bound).
pub(super) const MAX_INDENT: usize = 9;

/// Label stops every [`geometry::TOTAL_INDENT`] past `lead` points.
pub(super) const fn label_tabs(lead: f32) -> [Tab; MAX_INDENT] {
    let mut tabs = [Tab::left(0); MAX_INDENT];
    let mut i = 0;
    while i < MAX_INDENT {
        tabs[i] = Tab::left(twips(lead + (i + 1) as f32 * geometry::TOTAL_INDENT));
        i += 1;
    }
    tabs
}

/// The body tables' label stops (their first column has no lead).
static BODY_LABEL_TABS: [Tab; MAX_INDENT] = label_tabs(0.0);

/// Header cells: `TableHeading` as it is.
pub(super) const HEAD_STYLE: CellStyle = CellStyle {
    id: "TableHeading",
    style_space: (geometry::HEAD.before, geometry::HEAD.after),
    space: (geometry::HEAD.before, geometry::HEAD.after),
};

/// The body's tables.
pub(super) const BODY_LOOK: Look = Look {
    metrics: Metrics {
        head_size: geometry::HEAD.size,
        body_size: geometry::BODY.size,
        lead_first: 0.0,
        lead: geometry::CELL_LEAD,
        trail: geometry::CELL_TRAIL,
        trail_last: geometry::CELL_TRAIL,
        spacer: geometry::SPACER_COLUMN,
    },
    head: HEAD_STYLE,
    body: CellStyle {
        id: "TableText",
        style_space: (geometry::BODY.before, geometry::BODY.after),
        space: (geometry::BODY.before, geometry::BODY.after),
    },
    style_indents: (geometry::CELL_LEAD, geometry::CELL_TRAIL),
    style_justified: false,
    framed: false,
    label_tabs: &BODY_LABEL_TABS,
};

/// Where and how a table is set.
pub(super) struct Setting<'s> {
    /// Its look.
    pub look: &'s Look,
    /// The width it may take, in twips.
    pub available: Twips,
    /// Its indent when its columns fit beside it.
    pub indent: Twips,
    /// A frame of this thickness around it.
    pub frame: Option<u32>,
    /// What it is, for screen readers, when it has neither number nor title.
    pub caption: Option<&'s str>,
}

/// An open table: its width in twips and its grid columns.
pub(super) struct Placed {
    /// Width in twips.
    pub width: Twips,
    /// Grid columns.
    pub columns: usize,
}

/// Where a table's rows stand: how many header rows and rows in all, and
/// where each grid column starts.
struct Layout {
    look: Look,
    head: usize,
    rows: usize,
    /// Whether each row is a heading row inside the body.
    headings: Vec<bool>,
    /// Whether each row is a group's label, kept with the row under it.
    labels: Vec<bool>,
    /// Start of each grid column and the table's end: `width + 1` offsets.
    offsets: Vec<Twips>,
}

impl Layout {
    fn width_of(&self, slot: &Slot) -> Twips {
        self.offsets[slot.col + slot.span] - self.offsets[slot.col]
    }

    fn grid_width(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether row `i` is a heading row inside the body.
    fn heading(&self, i: usize) -> bool {
        self.headings.get(i).copied().unwrap_or(false)
    }

    /// Whether row `i` is set as a header: the header's, or a heading
    /// row inside the body.
    fn headed(&self, i: usize) -> bool {
        i < self.head || self.heading(i)
    }
}

impl<'a> Story<'_, 'a> {
    /// A table of the body: title block, grid, notes and source.
    pub(super) fn table(&mut self, t: &Table) {
        self.table_title(t);
        let setting = Setting {
            look: &BODY_LOOK,
            available: self.measure,
            indent: TEXT_INDENT,
            frame: None,
            caption: None,
        };
        if self.table_grid(t, &setting).is_some() {
            self.end_table();
        }
        self.float_notes(&t.notes, t.source.as_deref());
    }

    /// The title block of `t`: `Table 3`, its title and units line.
    pub(super) fn table_title(&mut self, t: &Table) {
        let label = t.n.map(|n| self.ctx.lang.table_label(n));
        self.float_title(label.as_deref(), &t.title, t.units.as_deref());
    }

    /// Opens the table of `t` set as `setting` says and writes its rows.
    /// The caller ends the table (it may add a row). A table without rows
    /// writes nothing (Word needs at least one).
    pub(super) fn table_grid(&mut self, t: &Table, setting: &Setting) -> Option<Placed> {
        let grid = Grid::new(t);
        if grid.width == 0 || t.head.len() + t.body.len() == 0 {
            return None;
        }
        let look = setting.look;
        let (indent, widths) =
            grid::layout(&grid, &look.metrics, setting.available, setting.indent);
        let caption = self.caption(t);
        let tbl = TblPr {
            bidi_visual: self.ctx.rtl,
            width: Some(widths.iter().sum()),
            indent: Some(indent),
            frame: setting.frame,
            caption: caption.as_deref().or(setting.caption),
        };
        self.start_table_with(&tbl, &widths);
        let layout = Layout {
            look: *look,
            head: t.head.len(),
            rows: t.head.len() + t.body.len(),
            headings: t.head.iter().chain(&t.body).map(|r| r.heading).collect(),
            labels: t
                .head
                .iter()
                .map(|_| false)
                .chain((0..t.body.len()).map(|r| t.is_group_label(r)))
                .collect(),
            offsets: offsets(&widths),
        };
        grid.rows(|i, row, slots| self.data_row(&layout, &grid, i, row, slots));
        Some(Placed {
            width: widths.iter().sum(),
            columns: grid.width,
        })
    }

    /// What the table is, for screen readers: `Table 3: title`; nothing
    /// for a table with neither number nor title.
    fn caption(&self, t: &Table) -> Option<String> {
        let title = plain_text(&t.title);
        match t.n.map(|n| self.ctx.lang.table_label(n)) {
            Some(label) if title.is_empty() => Some(label),
            Some(label) => Some(format!("{label}: {title}")),
            None => (!title.is_empty()).then_some(title),
        }
    }

    /// One row: header rows repeat on each page, no row splits; a short
    /// row leaves the grid's last columns empty (`gridAfter`).
    fn data_row(&mut self, layout: &Layout, grid: &Grid, i: usize, row: &Row, slots: &[Slot]) {
        let whole_row = [Slot {
            content: Content::Filler,
            col: 0,
            span: layout.grid_width(),
            merge: grid::Merge::None,
        }];
        // Word needs a cell in every row.
        let slots = if slots.is_empty() { &whole_row } else { slots };
        let end = slots.last().map_or(0, |s| s.col + s.span);
        self.start_row_with(TrPr {
            grid_after: layout.grid_width().saturating_sub(end) as u32,
            cant_split: true,
            // Word repeats only the header at the table's top; a heading
            // row inside the body keeps the mark so that it reads back.
            header: i < layout.head || (layout.heading(i) && i > layout.head),
            min_height: None,
        });
        for slot in slots {
            self.data_cell(layout, grid, i, row, slot);
        }
        self.end_row();
    }

    /// One cell: its rules, its part in a vertical merge, its paragraphs.
    fn data_cell(&mut self, layout: &Layout, grid: &Grid, i: usize, row: &Row, slot: &Slot) {
        let (top, bottom) = rules(layout, grid, i, row, slot);
        let v_merge = match slot.merge {
            grid::Merge::None => None,
            grid::Merge::Start => Some(VMerge::Restart),
            grid::Merge::Middle | grid::Merge::End => Some(VMerge::Continue),
        };
        let tc = TcPr {
            width: layout.width_of(slot),
            span: slot.span as u32,
            v_merge,
            top,
            bottom,
            bottom_aligned: true,
        };
        let place = Place {
            layout,
            row: i,
            total: row.total,
            indent: match slot.content {
                Content::Cell(cell) => cell.indent,
                _ => 0,
            },
            col: slot.col,
            last_column: slot.col + slot.span == layout.grid_width(),
            align: alignment(grid, layout.headed(i), slot),
        };
        self.cell(tc, |f| match slot.content {
            Content::Cell(cell) if !cell.paragraphs.is_empty() => f.cell_text(&place, cell),
            _ => {
                let ppr = place.ppr(0, 1);
                f.paragraph(ppr, |_| {});
            }
        });
    }

    /// The paragraphs of a cell; a total row's are bold.
    fn cell_text(&mut self, place: &Place, cell: &Cell) {
        let base = if place.total {
            RPr {
                b: Some(true),
                b_cs: Some(true),
                ..RPr::default()
            }
        } else {
            RPr::default()
        };
        let n = cell.paragraphs.len();
        for (k, paragraph) in cell.paragraphs.iter().enumerate() {
            let ppr = place.ppr(k, n);
            let tabs = place.label_tabs(k);
            self.paragraph(ppr, |f| {
                if tabs > 0 {
                    f.run(&"\t".repeat(tabs), base.clone());
                }
                f.inlines(paragraph, &base)
            });
        }
    }
}

/// Where each column starts, and the table's end.
fn offsets(widths: &[Twips]) -> Vec<Twips> {
    let mut out = Vec::with_capacity(widths.len() + 1);
    out.push(0);
    for w in widths {
        out.push(out.last().copied().unwrap_or(0) + w);
    }
    out
}

/// The rules of a cell: thin above the table (unless framed), above a
/// total row that does not follow the header and above heading rows inside
/// the body; thick under the header, under those heading rows and at the
/// foot (unless framed); thin under a header cell with text spanning
/// columns of figures, and under a total row.
fn rules(
    layout: &Layout,
    grid: &Grid,
    i: usize,
    row: &Row,
    slot: &Slot,
) -> (Option<u32>, Option<u32>) {
    let thin = eighths(geometry::THIN_RULE);
    let thick = eighths(geometry::THICK_RULE);
    let framed = layout.look.framed;
    let top_of_table = i == 0 && !framed;
    let under_head = layout.head > 0 && i == layout.head;
    let above_total = row.total && i > 0 && !under_head;
    let opens_headings = layout.heading(i) && i > 0 && !layout.heading(i - 1) && !under_head;
    let top = (top_of_table || above_total || opens_headings).then_some(thin);
    let bottom = if !slot.ends_here() {
        None
    } else if i + 1 == layout.rows {
        (!framed).then_some(thick)
    } else if i + 1 == layout.head || (layout.heading(i) && !layout.heading(i + 1)) {
        Some(thick)
    } else {
        let text = matches!(slot.content, Content::Cell(c) if !c.paragraphs.is_empty());
        let group = layout.headed(i) && slot.span > 1 && text;
        let spacer = grid.column(slot.col).spacer && slot.span == 1;
        let under_total = row.total && !spacer;
        (group || under_total).then_some(thin)
    };
    (top, bottom)
}

/// A cell's alignment: its own, else centred over the columns a header
/// cell spans, else its column's.
fn alignment(grid: &Grid, head: bool, slot: &Slot) -> Align {
    let own = match slot.content {
        Content::Cell(cell) => cell.align,
        _ => None,
    };
    own.or((head && slot.span > 1).then_some(Align::Center))
        .unwrap_or(grid.column(slot.col).align)
}

/// Where a cell's paragraphs stand, which decides their properties.
struct Place<'f> {
    layout: &'f Layout,
    row: usize,
    total: bool,
    /// The cell's indent (tab stops), for a row label.
    indent: u32,
    col: usize,
    last_column: bool,
    align: Align,
}

impl Place<'_> {
    /// How many leading tabs paragraph `k` of the cell starts with: the
    /// label's indent, on its first paragraph.
    fn label_tabs(&self, k: usize) -> usize {
        let set_in = self.col == 0 && self.align == Align::Start && k == 0;
        if set_in {
            (self.indent as usize).min(MAX_INDENT)
        } else {
            0
        }
    }

    /// Properties of paragraph `k` of `n` in the cell: the cell style, and
    /// only where they differ from it the indents (none before the first
    /// column, a tab's more for a total's label), the alignment and the
    /// space (more under the header, around totals, inside a frame).
    fn ppr<'a>(&self, k: usize, n: usize) -> PPr<'a> {
        let look = &self.layout.look;
        let head = self.layout.headed(self.row);
        let style = if head { look.head } else { look.body };
        let mut lead = if self.col == 0 {
            look.metrics.lead_first
        } else {
            look.metrics.lead
        };
        let label_indent = if self.col == 0 && self.align == Align::Start {
            geometry::label_indent(self.indent, self.total)
        } else {
            0.0
        };
        lead += label_indent;
        // The first paragraph of an indented label starts at the lead and
        // reaches the indent by its leading tabs; the others are set in.
        let tabs: &'static [Tab] = match self.label_tabs(k) {
            0 => &[],
            n => &look.label_tabs[..n],
        };
        let (mut before, mut after) = style.space;
        if self.total {
            (before, after) = (geometry::TOTAL.before, geometry::TOTAL.before);
        }
        let under_headings = self.row > 0 && self.layout.heading(self.row - 1) && !head;
        if (self.layout.head > 0 && self.row == self.layout.head) || under_headings {
            before += geometry::UNDER_HEAD;
        }
        if look.framed && self.row == 0 {
            before += geometry::BOX_PADDING;
        }
        if look.framed && self.row + 1 == self.layout.rows {
            after += geometry::BOX_PADDING;
        }
        // Extra space goes above the first paragraph and below the last.
        let before = if k == 0 { before } else { style.space.0 };
        let after = if k + 1 == n { after } else { style.space.1 };
        let differs = |a: f32, b: f32| (twips(a) != twips(b)).then(|| twips(a));
        let spacing = Spacing {
            before: differs(before, style.style_space.0),
            after: differs(after, style.style_space.1),
            line: None,
        };
        let trail = if self.last_column {
            look.metrics.trail_last
        } else {
            look.metrics.trail
        };
        let (style_lead, style_trail) = look.style_indents;
        let ind = Ind {
            left: differs(lead, style_lead),
            right: differs(trail, style_trail),
            hanging: (!tabs.is_empty()).then(|| twips(label_indent)),
        };
        PPr {
            style: Some(style.id),
            tabs,
            keep_next: (head || self.layout.labels.get(self.row) == Some(&true)).then_some(true),
            spacing: (spacing != Spacing::default()).then_some(spacing),
            ind: (ind != Ind::default()).then_some(ind),
            jc: match self.align {
                Align::Start => look.style_justified.then_some(Jc::Left),
                Align::Center => Some(Jc::Center),
                Align::End => Some(Jc::Right),
            },
            ..PPr::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::super::body::{self, SectionRefs};
    use super::*;
    use crate::model::{Block, Column, Document, Inline, Span};
    use crate::read;
    use crate::write::WriteOptions;

    const ENGLISH: &str = include_str!("../../../samples/report-en.txt");
    const ARABIC: &str = include_str!("../../../samples/report-ar.txt");

    fn document(source: &str) -> Document {
        read::text::read(source).document.expect("source reads")
    }

    /// `word/document.xml` of `doc`.
    fn document_xml(doc: &Document) -> String {
        let options = WriteOptions::default();
        let ctx = Ctx::new(doc, &options);
        let refs = SectionRefs {
            headers: ["rId5", "rId6", "rId7"],
            footers: ["rId8", "rId9", "rId10"],
        };
        body::document(doc, &ctx, &refs, 12).xml
    }

    /// The part's text from the first table whose caption starts with `caption` to its end.
    fn table_xml<'x>(xml: &'x str, caption: &str) -> &'x str {
        let at = xml
            .find(&format!("<w:tblCaption w:val=\"{caption}"))
            .expect("the table");
        let start = xml[..at].rfind("<w:tbl>").expect("its start");
        let end = at + xml[at..].find("</w:tbl>").expect("its end");
        &xml[start..end]
    }

    fn cell(text: &str, cols: u32, rows: u32) -> Cell {
        Cell {
            paragraphs: vec![vec![Inline::Text(text.into())]],
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

    fn table(n: u32, columns: usize, head: Vec<Row>, body: Vec<Row>) -> Table {
        Table {
            n: Some(n),
            title: vec![Inline::Text("Test".into())],
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

    /// The English sample with `t` after its last chapter.
    fn with_table(source: &str, t: Table) -> Document {
        let mut doc = document(source);
        doc.body.push(Block::Table(t));
        doc
    }

    #[test]
    fn spans_come_out_as_grid_spans_and_vertical_merges() {
        let xml = document_xml(&document(ENGLISH));
        let t = table_xml(&xml, "Table 2:");
        assert_eq!(t.matches("<w:gridSpan w:val=\"2\"/>").count(), 2);
        assert_eq!(t.matches("<w:vMerge w:val=\"restart\"/>").count(), 1);
        assert_eq!(t.matches("<w:vMerge/>").count(), 1);
        assert_eq!(t.matches("<w:tblHeader/>").count(), 2);
        assert_eq!(t.matches("<w:cantSplit/>").count(), 5);
        assert!(
            t.contains("<w:gridCol w:w=\"100\"/>"),
            "a 5 pt spacer column"
        );
        // Thin rule on top, thick under the header and at the foot.
        assert!(t.contains("<w:top w:val=\"single\" w:sz=\"4\""));
        assert_eq!(t.matches("w:sz=\"12\"").count(), 6 + 6);
        // The total row is bold, its label indented.
        assert!(t.contains(
            "<w:ind w:left=\"288\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>Total</w:t>"
        ));
        let title = &xml[..xml.find("<w:tblCaption w:val=\"Table 2").unwrap()];
        assert!(title.contains("<w:t>Table 2</w:t><w:br/></w:r><w:r><w:t>Resources"));
        assert!(title.contains("<w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/></w:rPr><w:t>(Millions"));
    }

    #[test]
    fn notes_are_lettered_under_the_table_and_the_source_word_is_italic() {
        let xml = document_xml(&document(ENGLISH));
        let after = &xml[xml.find("<w:tblCaption w:val=\"Table 1").unwrap()..];
        let after = &after[after.find("</w:tbl>").unwrap()..];
        assert!(after.starts_with("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/>"));
        assert!(after.contains(
            "<w:i/><w:iCs/><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>a</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Percentage"
        ));
        assert!(
            after
                .contains("<w:i/><w:iCs/></w:rPr><w:t>Source</w:t></w:r><w:r><w:t>: International")
        );
    }

    #[test]
    fn a_thousand_columns_take_the_whole_width() {
        let cells = |r: usize| (0..1000).map(|c| cell(&format!("{r}.{c}"), 1, 1)).collect();
        let t = table(3, 1000, vec![row(cells(0))], vec![row(cells(1))]);
        let xml = document_xml(&with_table(ENGLISH, t));
        let t = table_xml(&xml, "Table 3:");
        assert_eq!(t.matches("<w:gridCol ").count(), 1000);
        assert_eq!(t.matches("<w:tc>").count(), 2000);
        assert!(t.contains("<w:tblInd w:w=\"0\" w:type=\"dxa\"/>"));
    }

    #[test]
    fn a_hundred_thousand_rows_write_in_linear_time_and_space() {
        let rows = 100_000;
        let body = (0..rows)
            .map(|r| {
                row(vec![
                    cell(&format!("Item {r}"), 1, 1),
                    cell(&r.to_string(), 1, 1),
                ])
            })
            .collect();
        let t = table(
            3,
            2,
            vec![row(vec![cell("Item", 1, 1), cell("Amount", 1, 1)])],
            body,
        );
        let started = std::time::Instant::now();
        let xml = document_xml(&with_table(ENGLISH, t));
        let elapsed = started.elapsed();
        assert_eq!(
            table_xml(&xml, "Table 3:").matches("<w:tr>").count(),
            rows + 1
        );
        // Each row costs a bounded number of bytes.
        assert!(xml.len() < 600 * rows, "{} bytes", xml.len());
        assert!(elapsed.as_secs() < 60, "{elapsed:?}");
    }

    #[test]
    fn ragged_rows_are_written_without_panicking() {
        let t = table(
            3,
            3,
            Vec::new(),
            vec![
                row(vec![cell("one", 1, 1)]),
                row(vec![cell("a", 1, 1), cell("b", 1, 1), cell("c", 1, 1)]),
                row(Vec::new()),
                row((0..5).map(|i| cell(&i.to_string(), 1, 1)).collect()),
                row(vec![cell("tall", 1, 7), cell("x", 0, 0)]),
            ],
        );
        let xml = document_xml(&with_table(ENGLISH, t));
        let t = table_xml(&xml, "Table 3:");
        // The grid widens to the longest row; short rows end early.
        assert_eq!(t.matches("<w:gridCol ").count(), 5);
        assert!(t.contains("<w:gridAfter w:val=\"4\"/>"));
        assert!(t.contains("<w:gridAfter w:val=\"2\"/>"));
        assert!(t.contains("<w:gridAfter w:val=\"3\"/>"));
        // An empty row gets one cell across the grid; a span past the end is cut.
        assert!(t.contains("<w:gridSpan w:val=\"5\"/>"));
        assert!(!t.contains("<w:vMerge"));
    }

    #[test]
    fn cells_hold_paragraphs_and_never_a_table() {
        let mut two = cell("First line", 1, 1);
        two.paragraphs.push(vec![Inline::Emph("second".into())]);
        let t = table(3, 2, Vec::new(), vec![row(vec![two, cell("1", 1, 1)])]);
        let xml = document_xml(&with_table(ENGLISH, t));
        let t = table_xml(&xml, "Table 3:");
        let first = &t[t.find("<w:tc>").unwrap()..t.find("</w:tc>").unwrap()];
        assert_eq!(first.matches("<w:p>").count(), 2);
        assert_eq!(t.matches("<w:tbl>").count(), 1, "no table inside a cell");
    }

    #[test]
    fn arabic_tables_run_right_to_left() {
        // Numbered past the sample's own tables, so the label is this table's.
        let t = table(
            9,
            2,
            vec![row(vec![cell("المنطقة", 1, 1), cell("2024", 1, 1)])],
            vec![
                row(vec![cell("أفريقيا", 1, 1), cell("4.6", 1, 1)]),
                row(vec![cell("المجموع", 1, 1), cell("62 554", 1, 1)]),
            ],
        );
        let xml = document_xml(&with_table(ARABIC, t));
        let t = table_xml(&xml, "الجدول 9:");
        // Its digit groups are joined by a no-break space, which keeps them
        // in order in right-to-left text (an ordinary space shows `554 62`).
        assert!(t.contains("<w:t>62\u{a0}554</w:t>"), "{t}");
        assert!(t.starts_with("<w:tbl><w:tblPr><w:bidiVisual/>"));
        // Cell paragraphs are right to left; a number stays a left-to-right run.
        assert!(t.contains("<w:bidi/>"));
        assert!(t.contains("<w:rtl/>"));
        assert!(t.contains("<w:rPr><w:lang w:bidi=\"ar-SA\"/></w:rPr><w:t>4.6</w:t>"));
    }
}
