//! Tables and figures, each a `<tblock>` (Akoma Ntoso's titled block): the
//! label as `num`, the title as `heading`, then the units line, the AKN
//! `table` (`tr`, `th` for header rows, `td`, `colspan`/`rowspan`) or the
//! picture, the lettered notes and the source line as classed paragraphs.
//!
//! A picture is an `img` whose `src` is a `data:` URI (RFC 2397) holding
//! the image's bytes: the Akoma Ntoso file stays one self-contained file,
//! as undoc's XML is, instead of a package of parts, and `src` is typed
//! `anyURI`, which a data URI is.

use base64::Engine;

use super::AknWriter;
use crate::akn;
use crate::lang::latin_letter;
use crate::model::{Cell, Figure, Inline, Row, Span, Table, TableNote};

/// `class` values of the tblock and of its paragraphs.
pub(super) mod classes {
    pub const TABLE: &str = "table";
    pub const FIGURE: &str = "figure";
    pub const UNITS: &str = "units";
    pub const NOTE: &str = "note";
    pub const SOURCE: &str = "source";
    /// On the `<sup>` of a note mark in a cell or title.
    pub const NOTE_REF: &str = "noteRef";
}

impl AknWriter<'_> {
    pub(super) fn table(&mut self, depth: usize, t: &Table, id: &str) {
        self.tblock_head(
            depth,
            id,
            classes::TABLE,
            t.n.map(|n| self.doc.lang.table_label(n)),
            &t.title,
            t.span,
        );
        if let Some(units) = &t.units {
            self.classed_p(depth + 1, classes::UNITS, units);
        }
        let columns: Vec<String> = t
            .columns
            .iter()
            .map(|c| {
                let align = c.align.as_str();
                if c.spacer {
                    format!("{align}-spacer")
                } else {
                    align.to_string()
                }
            })
            .collect();
        let (table_id, columns_attr) = (format!("{id}__table"), akn::qualified::COLUMNS);
        let columns = columns.join(" ");
        self.newline(depth + 1);
        self.start(
            "table",
            &[("eId", &table_id), (columns_attr, &columns)],
            t.span,
        );
        for row in &t.head {
            self.row(depth + 2, row, "th");
        }
        for row in &t.body {
            // A row of headings inside the body is one of header cells.
            self.row(depth + 2, row, if row.heading { "th" } else { "td" });
        }
        if t.head.is_empty() && t.body.is_empty() {
            self.newline(depth + 2);
            self.markup("<tr>");
            self.empty("td", &[]);
            self.markup("</tr>");
        }
        self.newline(depth + 1);
        self.markup("</table>");
        self.notes(depth + 1, &t.notes, t.source.as_deref());
        self.newline(depth);
        self.markup("</tblock>");
    }

    /// The tblock's start, with the label and title when there are any.
    fn tblock_head(
        &mut self,
        depth: usize,
        id: &str,
        class: &str,
        label: Option<String>,
        title: &[Inline],
        span: Span,
    ) {
        self.newline(depth);
        self.start("tblock", &[("eId", id), ("class", class)], span);
        if let Some(label) = label {
            self.leaf(depth + 1, "num", &label, Span::default());
        }
        if !title.is_empty() {
            self.newline(depth + 1);
            self.markup("<heading>");
            self.inlines(title);
            self.markup("</heading>");
        }
    }

    fn row(&mut self, depth: usize, row: &Row, cell_element: &str) {
        self.newline(depth);
        let total_attr = akn::qualified::TOTAL;
        let attrs: Vec<(&str, &str)> = if row.total {
            vec![(total_attr, "true")]
        } else {
            vec![]
        };
        self.start("tr", &attrs, row.span);
        for cell in &row.cells {
            self.cell(depth + 1, cell, cell_element);
        }
        self.newline(depth);
        self.markup("</tr>");
    }

    fn cell(&mut self, depth: usize, cell: &Cell, element: &str) {
        let (cols, rows) = (cell.col_span.to_string(), cell.row_span.to_string());
        let align_attr = akn::qualified::ALIGN;
        let mut attrs = Vec::new();
        if cell.row_span != 1 {
            attrs.push(("rowspan", rows.as_str()));
        }
        if cell.col_span != 1 {
            attrs.push(("colspan", cols.as_str()));
        }
        if let Some(align) = cell.align {
            attrs.push((align_attr, align.as_str()));
        }
        let indent = cell.indent.to_string();
        if cell.indent > 0 {
            attrs.push((akn::qualified::INDENT, indent.as_str()));
        }
        self.newline(depth);
        if cell.paragraphs.is_empty() {
            self.empty(element, &attrs);
            return;
        }
        self.start(element, &attrs, cell.span);
        for paragraph in &cell.paragraphs {
            self.markup("<p>");
            self.inlines(paragraph);
            self.markup("</p>");
        }
        self.end(element);
    }

    /// `<p class="…">inlines</p>` on its own line.
    fn classed_p(&mut self, depth: usize, class: &str, content: &[Inline]) {
        self.newline(depth);
        self.start("p", &[("class", class)], Span::default());
        self.inlines(content);
        self.markup("</p>");
    }

    /// The lettered notes (`<sup>a</sup> text`) and the source line.
    fn notes(&mut self, depth: usize, notes: &[TableNote], source: Option<&[Inline]>) {
        for note in notes {
            self.newline(depth);
            self.start("p", &[("class", classes::NOTE)], note.span);
            self.markup("<sup>");
            self.text(&latin_letter(note.n, false));
            self.markup("</sup>");
            self.text(" ");
            self.inlines(&note.content);
            self.markup("</p>");
        }
        if let Some(source) = source {
            self.classed_p(depth, classes::SOURCE, source);
        }
    }

    pub(super) fn figure(&mut self, depth: usize, f: &Figure, id: &str) {
        let label = f.n.map(|n| self.doc.lang.figure_label(n));
        self.tblock_head(depth, id, classes::FIGURE, label, &f.title, f.span);
        let encoded = base64::engine::general_purpose::STANDARD.encode(&f.image.bytes);
        let src = format!("data:{};base64,{encoded}", f.image.kind.media_type());
        let (width, height) = (f.image.width.to_string(), f.image.height.to_string());
        self.newline(depth + 1);
        self.markup("<p>");
        let attrs = [
            ("src", src.as_str()),
            ("alt", f.alt.as_str()),
            ("width", width.as_str()),
            ("height", height.as_str()),
        ];
        self.empty("img", &attrs);
        self.markup("</p>");
        self.notes(depth + 1, &f.notes, f.source.as_deref());
        self.newline(depth);
        self.markup("</tblock>");
    }
}
