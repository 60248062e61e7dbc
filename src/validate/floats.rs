//! Rules for tables, figures and subheadings: numbering 1..n (through the
//! body, again through each annex), a table grid every row fills, note marks
//! that match their notes, and pictures undoc can carry.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Block, Document, Figure, Inline, Span, Table, TableNote};

/// Checks the tables, figures and subheadings of `doc`.
pub fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let mut body = Counters::default();
    for blocks in [&doc.preamble, &doc.body] {
        walk(blocks, &mut body, out);
    }
    if let Some(summary) = &doc.summary {
        walk(&summary.blocks, &mut Counters::default(), out);
    }
    for annex in &doc.annexes {
        walk(&annex.blocks, &mut Counters::default(), out);
    }
}

/// The next table and figure numbers expected, and the subheading counters
/// of the current section.
#[derive(Default)]
struct Counters {
    table: u32,
    figure: u32,
    level3: u32,
    level4: u32,
}

/// Table note marks outside any table (in a heading or a paragraph that
/// leads into a table, `Human resources^a`), waiting for the table they
/// mark: the next one in their section.
#[derive(Default)]
struct LeadMarks(Vec<(u32, Span)>);

impl LeadMarks {
    fn collect(&mut self, block: &Block) {
        crate::model::visit_blocks(std::slice::from_ref(block), &mut |inlines| {
            collect_marks(inlines, &mut self.0)
        });
    }

    /// The section ends, or a heading starts a new part of it, with no table
    /// for the marks still waiting.
    fn end(&mut self, out: &mut Vec<Diagnostic>) {
        for (n, at) in self.0.drain(..) {
            out.push(Diagnostic::new(
                Code::TableNotes,
                at,
                format!(
                    "mark {} stands outside a table and no table follows it in its section",
                    crate::lang::latin_letter(n, false)
                ),
            ));
        }
    }
}

fn walk(blocks: &[Block], counters: &mut Counters, out: &mut Vec<Diagnostic>) {
    let mut lead = LeadMarks::default();
    for block in blocks {
        match block {
            Block::Chapter(d) | Block::Section(d) => {
                lead.end(out);
                counters.level3 = 0;
                counters.level4 = 0;
                walk(&d.blocks, counters, out);
                counters.level3 = 0;
                counters.level4 = 0;
            }
            Block::Subheading(h) => {
                lead.end(out);
                lead.collect(block);
                let (count, label) = if h.level <= 3 {
                    counters.level4 = 0;
                    (&mut counters.level3, "subheading")
                } else {
                    (&mut counters.level4, "level-4 subheading")
                };
                if let Some(n) = h.n {
                    in_order(count, n, label, h.span, out);
                }
            }
            Block::Table(t) => {
                if let Some(n) = t.n {
                    in_order(&mut counters.table, n, "table", t.span, out);
                }
                table(t, std::mem::take(&mut lead.0), out);
            }
            Block::Figure(f) => {
                if let Some(n) = f.n {
                    in_order(&mut counters.figure, n, "figure", f.span, out);
                }
                figure(f, out);
            }
            Block::Para(_) | Block::Text(_) => lead.collect(block),
        }
    }
    lead.end(out);
}

/// `n` must follow `last`; records it.
fn in_order(last: &mut u32, n: u32, what: &str, span: Span, out: &mut Vec<Diagnostic>) {
    let expected = last.saturating_add(1);
    if n != expected {
        out.push(Diagnostic::new(
            Code::FloatNumbering,
            span,
            format!("{what} {n} follows {what} {last}: {what} {expected} was expected"),
        ));
    }
    *last = n;
}

/// Checks table `t`, whose notes may also be marked by `lead`, the marks in
/// the headings and paragraphs just before it.
fn table(t: &Table, lead: Vec<(u32, Span)>, out: &mut Vec<Diagnostic>) {
    grid(t, out);
    let mut cells = Vec::new();
    cells.push(t.title.as_slice());
    cells.extend(t.units.as_deref());
    for row in t.head.iter().chain(&t.body) {
        for cell in &row.cells {
            cells.extend(cell.paragraphs.iter().map(Vec::as_slice));
        }
    }
    notes(&cells, lead, &t.notes, t.span, out);
}

fn figure(f: &Figure, out: &mut Vec<Diagnostic>) {
    notes(&[f.title.as_slice()], Vec::new(), &f.notes, f.span, out);
    match crate::image::probe(&f.image.bytes) {
        Err(why) => out.push(Diagnostic::new(Code::BadImage, f.span, why)),
        Ok(found) if found.kind != f.image.kind => out.push(Diagnostic::new(
            Code::BadImage,
            f.span,
            format!(
                "the picture is declared {} but its bytes are {}",
                f.image.kind.media_type(),
                found.kind.media_type()
            ),
        )),
        Ok(_) => {}
    }
}

/// Every row fills the grid's columns, counting the cells that span down
/// into it from rows above.
fn grid(t: &Table, out: &mut Vec<Diagnostic>) {
    let width = t.columns.len();
    // For each grid column, how many more rows a cell above still covers.
    let mut covered = vec![0u32; width];
    for (i, row) in t.head.iter().chain(&t.body).enumerate() {
        let mut column = 0;
        for cell in &row.cells {
            while column < width && covered[column] > 0 {
                column += 1;
            }
            let end = column + cell.col_span as usize;
            if end > width {
                out.push(Diagnostic::new(
                    Code::TableGrid,
                    cell.span,
                    format!("row {} of the table runs past its {width} columns", i + 1),
                ));
                break;
            }
            for slot in &mut covered[column..end] {
                *slot = cell.row_span;
            }
            column = end;
        }
        let filled = covered.iter().filter(|&&c| c > 0).count();
        if filled < width {
            out.push(Diagnostic::new(
                Code::TableGrid,
                row.span,
                format!(
                    "row {} of the table fills {filled} of its {width} columns",
                    i + 1
                ),
            ));
        }
        for slot in &mut covered {
            *slot = slot.saturating_sub(1);
        }
    }
}

/// Notes are lettered 1..n, each marked somewhere in `content` (or in
/// `lead`, the lines leading into the table), and each mark has its note.
fn notes(
    content: &[&[Inline]],
    lead: Vec<(u32, Span)>,
    notes: &[TableNote],
    span: Span,
    out: &mut Vec<Diagnostic>,
) {
    let letter = |n: u32| crate::lang::latin_letter(n, false);
    for (i, note) in notes.iter().enumerate() {
        let expected = i as u32 + 1;
        if note.n != expected {
            out.push(Diagnostic::new(
                Code::TableNotes,
                note.span,
                format!(
                    "note {} stands where note {} was expected",
                    letter(note.n),
                    letter(expected)
                ),
            ));
        }
    }
    let mut marks = lead;
    for inlines in content {
        collect_marks(inlines, &mut marks);
    }
    for &(n, at) in &marks {
        if !notes.iter().any(|note| note.n == n) {
            out.push(Diagnostic::new(
                Code::TableNotes,
                at,
                format!("mark {} has no note under the table", letter(n)),
            ));
        }
    }
    for note in notes {
        if !marks.iter().any(|&(n, _)| n == note.n) {
            let at = if note.span.line > 0 { note.span } else { span };
            out.push(Diagnostic::new(
                Code::TableNotes,
                at,
                format!("note {} is never marked in the table", letter(note.n)),
            ));
        }
    }
}

fn collect_marks(inlines: &[Inline], marks: &mut Vec<(u32, Span)>) {
    crate::model::for_each_table_note_mark(inlines, &mut |n, at| marks.push((n, at)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Align, Cell, Column, Row, Spanned};

    fn cell(text: &str, cols: u32, rows: u32) -> Cell {
        Cell {
            paragraphs: vec![vec![Inline::Text(text.into())]],
            col_span: cols,
            row_span: rows,
            align: None,
            indent: 0,
            span: Span::new(1, 1),
        }
    }

    fn grid_table(rows: Vec<Vec<Cell>>, width: usize) -> Table {
        Table {
            n: Some(1),
            title: vec![],
            units: None,
            columns: vec![
                Column {
                    align: Align::Start,
                    spacer: false,
                    width: None,
                };
                width
            ],
            head: vec![],
            body: rows
                .into_iter()
                .map(|cells| Row {
                    cells,
                    total: false,
                    heading: false,
                    span: Span::new(2, 1),
                })
                .collect(),
            notes: vec![],
            source: None,
            span: Span::new(1, 1),
        }
    }

    #[test]
    fn spans_fill_the_grid_and_ragged_rows_do_not() {
        let mut out = Vec::new();
        let merged = grid_table(
            vec![
                vec![cell("Category", 1, 2), cell("Variance", 2, 1)],
                vec![cell("Amount", 1, 1), cell("%", 1, 1)],
            ],
            3,
        );
        grid(&merged, &mut out);
        assert!(out.is_empty(), "{out:?}");
        let ragged = grid_table(
            vec![
                vec![cell("a", 1, 1), cell("b", 1, 1)],
                vec![cell("c", 1, 1)],
            ],
            2,
        );
        grid(&ragged, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].code, Code::TableGrid);
        let too_wide = grid_table(vec![vec![cell("a", 3, 1)]], 2);
        out.clear();
        grid(&too_wide, &mut out);
        assert!(out[0].message.contains("runs past"));
    }

    #[test]
    fn note_marks_and_notes_match() {
        let mut t = grid_table(vec![vec![cell("a", 1, 1)]], 1);
        t.body[0].cells[0].paragraphs[0]
            .push(Inline::TableNoteRef(Spanned::new(2, Span::new(3, 4))));
        t.notes.push(TableNote {
            n: 1,
            content: vec![Inline::Text("Funded.".into())],
            span: Span::new(5, 1),
        });
        let mut out = Vec::new();
        table_rules(&t, &mut out);
        let messages: Vec<&str> = out.iter().map(|d| d.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("mark b has no note")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("note a is never marked")),
            "{messages:?}"
        );
    }

    /// A bold lead line `Human resources^a`, a sentence, then the table
    /// whose note a it marks; or a mark with a heading between it and the
    /// table.
    #[test]
    fn a_mark_in_the_lines_leading_into_a_table_marks_its_note() {
        let mut t = grid_table(vec![vec![cell("Posts", 1, 1)]], 1);
        t.notes.push(TableNote {
            n: 1,
            content: vec![Inline::Text("Highest level of strength.".into())],
            span: Span::new(9, 1),
        });
        let text = |inlines: Vec<Inline>, line: u32| {
            Block::Text(Spanned::new(inlines, Span::new(line, 1)))
        };
        let lead = text(
            vec![Inline::Strong(vec![
                Inline::Text("Human resources".into()),
                Inline::TableNoteRef(Spanned::new(1, Span::new(1, 16))),
            ])],
            1,
        );
        let sentence = text(vec![Inline::Text("The budget provides for:".into())], 2);
        let mut out = Vec::new();
        walk(
            &[lead.clone(), sentence, Block::Table(t.clone())],
            &mut Counters::default(),
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");

        let heading = Block::Subheading(crate::model::Subheading {
            level: 3,
            n: None,
            heading: vec![Inline::Text("Component 1".into())],
            span: Span::new(2, 1),
        });
        walk(
            &[lead, heading, Block::Table(t)],
            &mut Counters::default(),
            &mut out,
        );
        let messages: Vec<&str> = out.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "mark a stands outside a table and no table follows it in its section",
                "note a is never marked in the table"
            ]
        );
        assert_eq!(out[0].span, Span::new(1, 16));
    }

    fn table_rules(t: &Table, out: &mut Vec<Diagnostic>) {
        super::table(t, Vec::new(), out)
    }
}
