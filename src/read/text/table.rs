//! Tables in UN report text: a `Table N` line and a title line, an optional
//! units line in brackets, pipe rows (`| a | b |`) with a rule
//! (`|---|--:|`) under the header rows, then notes (`^a^ text`) and a
//! source line. A cell of just `<` joins the cell to its left, a cell of
//! just `^` the cell above; a row whose first cell is all bold (`**Total**`)
//! is a total row. A pasted block of tab-separated lines is read as a table
//! too, with a warning, never glued into a paragraph.

use super::Line;
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::{self, Lang};
use crate::model::{Align, Cell, Column, Inline, Row, Span, Table, TableNote};
use crate::read::inline;

/// A table read from the lines starting at some index, and how many lines it took.
pub(crate) struct Found {
    pub table: Table,
    pub lines: usize,
}

/// The number in a `Table 3` caption line, in any of the six languages.
pub(crate) fn caption_number(text: &str) -> Option<u32> {
    let t = text.trim();
    lang::ALL.iter().find_map(|l| {
        let rest = t.strip_prefix(l.table_word())?;
        let rest = rest.trim_start_matches([' ', '\u{a0}']);
        let digits: &str = rest.trim_end_matches(['.', ':']);
        (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())?
    })
}

fn is_pipe_row(line: &Line) -> bool {
    line.text.starts_with('|')
}

fn is_units_line(text: &str) -> bool {
    text.starts_with(['(', '（']) && text.ends_with([')', '）']) && text.chars().count() <= 160
}

/// Reads a table starting at `lines[i]`: a caption line (`Table 3`) followed
/// by a title and pipe rows, or pipe rows alone (an unnumbered table), or a
/// tab-separated block. `None` when no table starts there.
pub(crate) fn read(
    lines: &[Line],
    i: usize,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Option<Found> {
    let line = lines.get(i)?;
    if is_pipe_row(line) {
        return pipe_table(lines, i, None, Vec::new(), None, line.span(), lang, out);
    }
    if let Some(n) = caption_number(line.text) {
        let mut j = skip_blank(lines, i + 1);
        let mut title = Vec::new();
        if let Some(l) = lines
            .get(j)
            .filter(|l| !is_pipe_row(l) && !is_units_line(l.text))
        {
            title = line_inlines(l, 0);
            j = skip_blank(lines, j + 1);
        }
        let mut units = None;
        if let Some(l) = lines.get(j).filter(|l| is_units_line(l.text)) {
            units = Some(line_inlines(l, 0));
            j = skip_blank(lines, j + 1);
        }
        if !lines.get(j).is_some_and(is_pipe_row) {
            out.push(Diagnostic::new(
                Code::Structure,
                line.span(),
                format!(
                    "`{}` announces a table, but no table rows (`| a | b |`) follow its title: kept as text",
                    line.text
                ),
            ));
            return None;
        }
        return pipe_table(lines, j, Some(n), title, units, line.span(), lang, out).map(|f| {
            Found {
                lines: f.lines + (j - i),
                ..f
            }
        });
    }
    tab_separated(lines, i, lang, out)
}

fn skip_blank(lines: &[Line], mut j: usize) -> usize {
    while lines.get(j).is_some_and(|l| l.text.is_empty()) {
        j += 1;
    }
    j
}

fn line_inlines(line: &Line, offset: usize) -> Vec<Inline> {
    let col = line.col + line.text[..offset].chars().count() as u32;
    inline::parse(&line.text[offset..], &[(0, Span::new(line.no, col))])
}

#[allow(clippy::too_many_arguments)]
fn pipe_table(
    lines: &[Line],
    start: usize,
    n: Option<u32>,
    title: Vec<Inline>,
    units: Option<Vec<Inline>>,
    span: Span,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Option<Found> {
    let mut end = start;
    while lines.get(end).is_some_and(is_pipe_row) {
        end += 1;
    }
    let rows = &lines[start..end];
    let rule = rows.iter().position(|l| rule_aligns(l.text).is_some());
    let columns_from_rule = rule.and_then(|r| rule_aligns(rows[r].text));
    let mut read: Vec<(Row, Vec<bool>)> = rows
        .iter()
        .enumerate()
        .filter(|(k, _)| Some(*k) != rule)
        .map(|(_, line)| read_row(line))
        .collect();
    let carets: Vec<Vec<bool>> = read.iter().map(|(_, c)| c.clone()).collect();
    let mut all: Vec<&mut Row> = read.iter_mut().map(|(row, _)| row).collect();
    merge_up(&mut all, &carets);
    let head_rows = rule.unwrap_or(0);
    let mut body: Vec<Row> = read.into_iter().map(|(row, _)| row).collect();
    let head: Vec<Row> = body.drain(..head_rows.min(body.len())).collect();
    let width = head
        .iter()
        .chain(&body)
        .map(|r| r.cells.iter().map(|c| c.col_span as usize).sum::<usize>())
        .max()
        .unwrap_or(0);
    let ruled = columns_from_rule.is_some();
    let mut columns = columns_from_rule.unwrap_or_default();
    if columns.len() != width && ruled {
        out.push(Diagnostic::new(
            Code::TableGrid,
            rows[rule.unwrap_or(0)].span(),
            format!(
                "the rule under the header has {} columns, the rows {width}",
                columns.len()
            ),
        ));
    }
    columns.resize(
        width,
        Column {
            align: Align::Start,
            spacer: false,
            width: None,
        },
    );
    let mut table = Table {
        n,
        title,
        units,
        columns,
        head,
        body,
        notes: Vec::new(),
        source: None,
        span,
    };
    let used = notes_and_source(lines, end, lang, &mut table);
    Some(Found {
        table,
        lines: used - start,
    })
}

/// Reads the notes (`^a^ text`) and the source line under a table or
/// figure, from `lines[from]`; returns the index after them.
pub(super) fn notes_and_source(
    lines: &[Line],
    from: usize,
    lang: Lang,
    table: &mut Table,
) -> usize {
    let (notes, source, next) = read_notes(lines, from, lang);
    table.notes = notes;
    table.source = source;
    next
}

/// The notes and source line from `lines[from]`, and the index after them.
pub(crate) fn read_notes(
    lines: &[Line],
    from: usize,
    lang: Lang,
) -> (Vec<TableNote>, Option<Vec<Inline>>, usize) {
    let mut notes = Vec::new();
    let mut source = None;
    let mut j = from;
    loop {
        let k = skip_blank(lines, j);
        let Some(line) = lines.get(k) else { break };
        if let Some(n) = note_letter(line.text) {
            let start = line.text.len() - line.text[3..].trim_start().len();
            notes.push(TableNote {
                n,
                content: line_inlines(line, start),
                span: line.span(),
            });
        } else if source.is_none() && is_source_line(line.text, lang) {
            source = Some(line_inlines(line, 0));
        } else {
            break;
        }
        j = k + 1;
    }
    (notes, source, j)
}

/// `^a^ …` at the start of a line: note a (1).
fn note_letter(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    (b.len() > 3 && b[0] == b'^' && b[1].is_ascii_lowercase() && b[2] == b'^' && b[3] == b' ')
        .then(|| u32::from(b[1] - b'a') + 1)
}

fn is_source_line(text: &str, lang: Lang) -> bool {
    [lang.source_word(), "Source", "Sources"]
        .iter()
        .any(|w| text.starts_with(w) && text[w.len()..].trim_start().starts_with([':', '：']))
}

/// The alignments of a rule line (`|---|:--:|--:|-|`), or `None` when the
/// line is not a rule. A single `-` marks a narrow spacer column.
fn rule_aligns(text: &str) -> Option<Vec<Column>> {
    let inner = text.trim().strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner
        .split('|')
        .map(|seg| {
            let seg = seg.trim();
            let dashes = seg.trim_matches(':');
            if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
                return None;
            }
            let align = match (seg.starts_with(':'), seg.ends_with(':')) {
                (true, true) => Align::Center,
                (false, true) => Align::End,
                _ => Align::Start,
            };
            Some(Column {
                align,
                spacer: seg == "-",
                width: None,
            })
        })
        .collect()
}

/// The cells of a pipe row: `|` separates them (`\|` is a literal bar).
fn split_cells(text: &str) -> Vec<(usize, &str)> {
    let mut cells = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 1;
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == b'|' {
            cells.push((start, &text[start..i]));
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        cells.push((start, &text[start..]));
    }
    cells
}

/// A row's cells, and which of them were `^` (joining the cell above).
fn read_row(line: &Line) -> (Row, Vec<bool>) {
    let raw = split_cells(line.text);
    let total = raw.first().is_some_and(|(_, t)| {
        t.trim().starts_with("**") && t.trim().ends_with("**") && t.trim().len() > 4
    });
    let mut cells: Vec<Cell> = Vec::new();
    let mut carets = Vec::new();
    for (offset, text) in &raw {
        let trimmed = text.trim();
        if trimmed == "<"
            && let Some(left) = cells.last_mut()
        {
            left.col_span += 1;
            continue;
        }
        carets.push(trimmed == "^");
        let lead = text.len() - text.trim_start().len();
        let at = offset + lead;
        let content = if total {
            trimmed
                .strip_prefix("**")
                .and_then(|t| t.strip_suffix("**"))
                .unwrap_or(trimmed)
        } else {
            trimmed
        };
        let skip = if total && content.len() != trimmed.len() {
            2
        } else {
            0
        };
        let paragraphs = if content.is_empty() || trimmed == "^" {
            Vec::new()
        } else {
            let col = line.col + line.text[..at + skip].chars().count() as u32;
            vec![inline::parse(
                &content.replace("\\|", "|"),
                &[(0, Span::new(line.no, col))],
            )]
        };
        cells.push(Cell {
            paragraphs,
            col_span: 1,
            row_span: 1,
            align: None,
            indent: 0,
            span: Span::new(line.no, line.col + line.text[..at].chars().count() as u32),
        });
    }
    (
        Row {
            cells,
            total,
            heading: false,
            span: line.span(),
        },
        carets,
    )
}

/// `^` cells merge into the cell above them: that cell grows a row and the
/// `^` cell goes. `carets[r][c]` says whether cell `c` of row `r` was `^`.
fn merge_up(rows: &mut [&mut Row], carets: &[Vec<bool>]) {
    let width: usize = rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.col_span as usize).sum::<usize>())
        .max()
        .unwrap_or(0);
    // For each grid column, the (row, cell) occupying it.
    let mut owner: Vec<Option<(usize, usize)>> = vec![None; width];
    let mut grow = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut column = 0;
        for (c, cell) in row.cells.iter().enumerate() {
            let span = cell.col_span as usize;
            if carets[r][c] {
                if let Some(above) = owner[column] {
                    grow.push(above);
                }
            } else {
                owner[column..column + span].fill(Some((r, c)));
            }
            column += span;
        }
    }
    for (r, c) in grow {
        rows[r].cells[c].row_span += 1;
    }
    for (row, marks) in rows.iter_mut().zip(carets) {
        let mut k = 0;
        row.cells.retain(|_| {
            let keep = !marks[k];
            k += 1;
            keep
        });
    }
}

/// A block of at least two lines of tab-separated fields, all with the same
/// number of fields, read as a table whose first line is the header.
fn tab_separated(
    lines: &[Line],
    i: usize,
    _lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Option<Found> {
    let fields = |l: &Line| l.text.split('\t').count();
    let first = lines.get(i)?;
    if !first.text.contains('\t') {
        return None;
    }
    let mut end = i;
    while lines.get(end).is_some_and(|l| l.text.contains('\t')) {
        end += 1;
    }
    let block = &lines[i..end];
    let width = fields(first);
    if block.len() < 2 || block.iter().any(|l| fields(l) != width) {
        out.push(Diagnostic::new(
            Code::Structure,
            first.span(),
            "tab-separated lines that do not form a table (each line needs the same number of fields): kept as text; write a pipe table (`| a | b |`)",
        ));
        return None;
    }
    out.push(Diagnostic::new(
        Code::Structure,
        first.span(),
        format!(
            "a block of {} tab-separated lines was read as a table with {width} columns and the first line as its header; write it as a pipe table to say so",
            block.len()
        ),
    ));
    Some(Found {
        table: Table {
            columns: vec![
                Column {
                    align: Align::Start,
                    spacer: false,
                    width: None,
                };
                width
            ],
            head: vec![tab_row(first)],
            body: block[1..].iter().map(tab_row).collect(),
            span: first.span(),
            ..Table::default()
        },
        lines: block.len(),
    })
}

/// A line of tab-separated fields as a table row, each field a cell.
fn tab_row(l: &Line) -> Row {
    let mut offset = 0;
    let cells = l
        .text
        .split('\t')
        .map(|field| {
            let col = l.col + l.text[..offset].chars().count() as u32;
            offset += field.len() + 1;
            let text = field.trim();
            Cell {
                paragraphs: if text.is_empty() {
                    Vec::new()
                } else {
                    vec![inline::parse(text, &[(0, Span::new(l.no, col))])]
                },
                col_span: 1,
                row_span: 1,
                align: None,
                indent: 0,
                span: Span::new(l.no, col),
            }
        })
        .collect();
    Row {
        cells,
        total: false,
        heading: false,
        span: l.span(),
    }
}
