//! Table regions of extracted text. In layout text (`pdftotext -layout`) a
//! table is a run of lines whose cells are separated by runs of spaces; in
//! raw text a run of short lines, one cell per line, most of them figures.
//! A region takes the `Table N` caption, title and units line above it and
//! the notes (`a` … text) and source line under it; it never takes a
//! numbered paragraph or a heading, so tables never break the numbering.
//! A layout table's grid is rebuilt from its columns ([`super::grid`]), a
//! raw table's from its cells' order when that is certain
//! ([`super::cells`]); otherwise the region is kept as one block (UND019).

use super::cells::Cells;
use super::contents::Titles;
use super::flow::collapse_spaces;
use super::grid;
use super::hyphen::Vocabulary;
use super::pages::{Src, fields};
use super::{Block, Piece, starts_para};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::{CLAUSE_MARKS, COMMAS, FULL_STOPS, ends_with_mark};
use crate::model::Span;
use crate::read::audit::{Action, Decision};
use crate::read::text::{Label, caption_number, classify};

mod parts;

/// The most lines a layout table's header repeated at a page's top has.
const HEADER_LINES: usize = 4;
/// Consecutive blank lines a layout table may hold (between its header and body).
const BLANKS_INSIDE: usize = 3;
/// Raw text: the fewest cell lines that make a table, and how many of them are figures.
const RAW_MIN_CELLS: usize = 6;
const RAW_MIN_FIGURES: usize = 3;
/// Raw text: a smaller table (a variance's header, its row's label and
/// figures) makes one when its figures are amounts or shares, which stand
/// alone on a line only in a table.
const RAW_MIN_SMALL_CELLS: usize = 4;
const RAW_MIN_AMOUNTS: usize = 2;
/// Raw text: the most lines a raw table's notes are looked for in.
const RAW_NOTE_LINES: usize = 12;

/// Splits the lines into text lines and table blocks.
pub(super) fn find(
    lines: Vec<Src>,
    (layout, full): (bool, usize),
    (titles, vocab): (&Titles, &Vocabulary),
    decisions: &mut Vec<Decision>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut taken_to = 0;
    while i < lines.len() {
        let prose = if layout {
            super::prose_layout::find(&lines, i, full, vocab, decisions)
        } else {
            super::prose::find(&lines, i, (full, vocab), decisions, diagnostics)
        };
        if let Some((region, grid)) = prose.filter(|(r, _)| r.head >= taken_to) {
            // The grid is the table of prose's own, in layout text too.
            let table = build(
                &lines,
                &region,
                Rebuilt::Cells(Some((grid, None))),
                decisions,
                diagnostics,
            );
            taken_to = emit(&mut out, &lines, taken_to, &region, table);
            i = taken_to;
            continue;
        }
        let region = if layout {
            layout_region(&lines, i, full).ok_or(i + 1)
        } else {
            raw_region(&lines, i, full, titles).map(|r| raw_over_pages(&lines, r, full, titles))
        };
        let mut region = match region {
            Ok(r) if r.head >= taken_to => r,
            Ok(_) => {
                i += 1;
                continue;
            }
            Err(next) => {
                // A failing run of cells may hold a table of prose's headings.
                let prose_at =
                    (i + 1..next).find(|&k| !layout && super::prose::may_open(&lines, k, full));
                i = prose_at.unwrap_or(next);
                continue;
            }
        };
        if layout {
            for (part, grid) in parts::layout_parts(&lines, region, full) {
                let table = build(&lines, &part, Rebuilt::Layout(grid), decisions, diagnostics);
                taken_to = emit(&mut out, &lines, taken_to, &part, table);
            }
        } else {
            let cells = raw_grid(&lines, &mut region, taken_to, full);
            let table = build(
                &lines,
                &region,
                Rebuilt::Cells(cells),
                decisions,
                diagnostics,
            );
            taken_to = emit(&mut out, &lines, taken_to, &region, table);
        }
        i = taken_to;
    }
    out.extend(
        lines[taken_to.min(lines.len())..]
            .iter()
            .cloned()
            .map(Piece::Line),
    );
    out
}

/// Appends the text lines from `taken_to` up to a table's head and the
/// table; returns where the text goes on.
fn emit(
    out: &mut Vec<Piece>,
    lines: &[Src],
    taken_to: usize,
    region: &Region,
    table: Block,
) -> usize {
    out.extend(
        lines[taken_to..region.head]
            .iter()
            .cloned()
            .map(Piece::Line),
    );
    out.push(Piece::Table(table));
    region.end
}

/// Where a table lies in the lines: its caption, title and units lines
/// from `head`, its rows from `rows` to `notes`, its notes to `end`.
#[derive(Debug)]
pub(super) struct Region {
    pub head: usize,
    pub rows: usize,
    pub notes: usize,
    pub end: usize,
}

/// A layout table starting at `lines[i]` (its first row of cells).
fn layout_region(lines: &[Src], i: usize, full: usize) -> Option<Region> {
    if !is_gapped(&lines[i], full) {
        return None;
    }
    let mut run = Run {
        margin: lines[i].indent(),
        last_row: i,
        blanks: 0,
        gapped: 1,
        text_table: is_text_row(&lines[i]),
        values: has_values(&lines[i]),
        header: header_lines(lines, i, full),
        page: lines[i].page,
        header_rows: 0,
    };
    let mut end = i + 1;
    while end < lines.len() {
        let line = &lines[end];
        let deep = line.indent() > run.margin + 20;
        let far = run.blanks > BLANKS_INSIDE && line.page == lines[run.last_row].page && !deep;
        if line.is_blank() {
            run.blanks += 1;
        } else if far {
            break;
        } else if is_gapped(line, full) {
            run.gapped += 1;
            run.text_table |= is_text_row(line);
            run.values |= has_values(line);
            run.row(line, end);
        } else if run.takes(lines, end, full) {
            run.row(line, end);
        } else {
            break;
        }
        end += 1;
    }
    let rows = header_start(lines, i, full);
    if run.gapped < 2 && rows == i {
        return None;
    }
    let notes = run.last_row + 1;
    let end = notes_end(lines, notes);
    Some(Region {
        head: title_start(lines, rows),
        rows,
        notes,
        end,
    })
}

/// A layout table being grown line by line.
struct Run {
    /// Its leftmost indentation so far: the row labels' margin (its first
    /// line may be a header set far right, over the value columns).
    margin: usize,
    last_row: usize,
    /// Blank lines since the last row.
    blanks: usize,
    /// Rows of cells so far.
    gapped: usize,
    /// Whether its cells are text (two columns of prose), not figures.
    text_table: bool,
    /// Whether a row with figures has been taken (the header is behind).
    values: bool,
    /// The lines above its first row of cells, spaces collapsed: a page
    /// that repeats one of them goes on with the table.
    header: Vec<String>,
    /// The page of its last row.
    page: u32,
    /// How many rows its page has taken since the page's first row
    /// repeated the header (0: it did not).
    header_rows: usize,
}

impl Run {
    /// Takes `line` (at `i`) as the table's last row so far.
    fn row(&mut self, line: &Src, i: usize) {
        // A page's first row may repeat the header; the header's other
        // lines (`USG– D-2– P-5–` has figures' characters) follow it.
        self.header_rows = if line.page != self.page {
            usize::from(self.header.contains(&collapse_spaces(line.trimmed())))
        } else if self.header_rows > 0 {
            self.header_rows + 1
        } else {
            0
        };
        (self.last_row, self.blanks, self.page) = (i, 0, line.page);
        self.margin = self.margin.min(line.indent());
    }

    /// Whether a line without cells apart still belongs to the table: a
    /// row label before its row, a labelled row, a group heading, a cell
    /// standing alone far right, a text cell's next line. A numbered title
    /// opening a page (`Component 1: …`) heads the next table; on the
    /// table's page it is a group's heading.
    fn takes(&self, lines: &[Src], i: usize, full: usize) -> bool {
        let line = &lines[i];
        // Under a header of one or two rows, or its repeat at a page's
        // top, a group heading may stand two blank lines down.
        let new_page = line.page != lines[self.last_row].page;
        let under_header = (1..=HEADER_LINES).contains(&self.header_rows);
        let close = self.blanks <= 1 || self.blanks <= 2 && (self.gapped <= 2 || under_header);
        let unlabelled = classify(line.trimmed()).is_none();
        if opens_notes(lines, i, full)
            || self.values && heads_new_table(lines, i, self.last_row, full)
            || new_page && numbered_title(line.trimmed()).is_some()
        {
            return false;
        }
        is_row_label(line, full) && gapped_follows(lines, i, full)
            || is_labelled_row(lines, i, full)
            || continues_on_new_page(lines, i, self.last_row, full)
            || new_page && self.header.contains(&collapse_spaces(line.trimmed()))
            || close && is_long_row_label(lines, i, full)
            || unlabelled
                && line.indent() > self.margin + 20
                && (close || new_page || self.gapped >= 2)
            || self.blanks == 0 && self.text_table && unlabelled
    }
}

/// The caption, title and header lines above `lines[i]`, and `lines[i]`
/// itself when it holds no figure (a header of one line), spaces collapsed.
fn header_lines(lines: &[Src], i: usize, full: usize) -> Vec<String> {
    let to = if has_values(&lines[i]) { i } else { i + 1 };
    lines[title_start(lines, header_start(lines, i, full))..to]
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| collapse_spaces(l.trimmed()))
        .collect()
}

/// A note letter alone on its line with the note's text after it: the
/// table's foot (a letter set above a row, as superscripts are, has the
/// row's cells after it, or a group's label with the group's first row
/// of figures under it: `Temporary positions^a` over `International
/// staff  2  2  2`).
fn opens_notes(lines: &[Src], i: usize, full: usize) -> bool {
    let mut after = lines[i + 1..].iter().filter(|l| !l.is_blank());
    let next = after.next();
    let group_label =
        next.is_some_and(|n| is_row_label(n, full)) && after.next().is_some_and(has_values);
    is_note_mark(lines[i].trimmed())
        && next.is_some_and(|next| !is_gapped(next, full))
        && !group_label
}

/// A title line set off by blank lines, with a header of its own under it
/// (cells without figures), on the page of the table's last row: the next
/// table begins (a table going on over a page repeats its header without
/// a title; a group heading has its rows right under it).
fn heads_new_table(lines: &[Src], i: usize, last_row: usize, full: usize) -> bool {
    let set_off = last_row + 1 < i && lines.get(i + 1).is_some_and(Src::is_blank);
    let page = lines[last_row].page;
    set_off
        && lines[i].page == page
        && lines[i + 1..]
            .iter()
            .find(|l| !l.is_blank())
            .is_some_and(|next| next.page == page && is_gapped(next, full) && !has_values(next))
}

/// Whether a layout line has a figure among its cells after the first.
pub(super) fn has_values(line: &Src) -> bool {
    fields(line.trimmed(), 2)
        .iter()
        .skip(1)
        .any(|(_, f)| grid::is_value(f))
}

/// A row of two or more text cells (each of twenty characters or more).
fn is_text_row(line: &Src) -> bool {
    let parts = fields(line.trimmed(), 3);
    parts.len() >= 2 && parts.iter().all(|(_, f)| f.chars().count() >= 20)
}

/// Whether a layout line holds cells: two or more fields apart by three
/// spaces, not a label and its text, not prose split by a wide space.
pub(super) fn is_gapped(line: &Src, _full: usize) -> bool {
    let t = line.trimmed();
    if !super::pages::has_gap(t) {
        return false;
    }
    let parts = fields(t, 3);
    if parts.len() < 2 || super::contents::has_leader(t) {
        return false;
    }
    if classify(t).is_some() && parts.len() == 2 {
        return false;
    }
    parts.len() >= 3
        || parts[1].1.chars().count() < 40
        || parts.iter().all(|(_, f)| f.chars().count() >= 20)
}

/// A row label standing alone (`Posts`, `Military and police`): short,
/// unlabelled, not a sentence.
fn is_row_label(line: &Src, full: usize) -> bool {
    let t = line.trimmed();
    t.chars().count() * 2 < full && classify(t).is_none() && !t.ends_with(['.', ':', ';'])
}

/// A labelled line inside a table (`I. Military observers`) with its
/// figures on the very next line; a heading has a blank line or text after it.
fn is_labelled_row(lines: &[Src], i: usize, full: usize) -> bool {
    let t = lines[i].trimmed();
    classify(t).is_some()
        && t.chars().count() * 2 < full
        && lines.get(i + 1).is_some_and(|next| is_gapped(next, full))
}

/// A table going on at the top of the next page with a long row label (a
/// group heading, `Office of the Chief of Operations and Resource
/// Management`) before its next row of cells.
fn continues_on_new_page(lines: &[Src], i: usize, last_row: usize, full: usize) -> bool {
    let t = lines[i].trimmed();
    lines[i].page != lines[last_row].page
        && classify(t).is_none()
        && !t.ends_with(['.', ':', ';'])
        && t.chars().count() <= full
        && gapped_follows(lines, i, full)
}

/// A group heading inside a table, longer than a row label, with the
/// group's first row of cells on the next line.
fn is_long_row_label(lines: &[Src], i: usize, full: usize) -> bool {
    let t = lines[i].trimmed();
    classify(t).is_none()
        && !t.ends_with(['.', ':', ';'])
        && t.chars().count() <= full + 20
        && gapped_follows(lines, i, full)
}

/// Whether a row of cells follows within three lines of text, none of
/// them ending a sentence (a heading over prose that introduces the next
/// table, `Human resources` then `… as follows:`, is no row label).
fn gapped_follows(lines: &[Src], i: usize, full: usize) -> bool {
    for line in lines[i + 1..].iter().filter(|l| !l.is_blank()).take(3) {
        if is_gapped(line, full) {
            return true;
        }
        if line.trimmed().ends_with(['.', ':', ';']) {
            return false;
        }
    }
    false
}

/// Header lines above the first row of cells that hold one cell each,
/// indented past the text (`Actual`, `(2024/25)`); the line of headings
/// squeezed one space apart just above the first row (see
/// [`is_squeezed_header`]); a note mark raised above a heading, on the line
/// just above the header.
fn header_start(lines: &[Src], i: usize, full: usize) -> usize {
    let margin = lines[i].indent();
    let mut start = i;
    let mut k = i;
    while k > 0 {
        k -= 1;
        let line = &lines[k];
        if line.is_blank() {
            continue;
        }
        let adjacent = k + 1 == start;
        if line.indent() > margin + 20 && is_row_label(line, full)
            || start == i && is_squeezed_header(line, &lines[i])
            || adjacent && is_raised_mark(line.trimmed())
        {
            start = k;
            continue;
        }
        break;
    }
    below_caption(lines, start, i)
}

/// A line of headings over the value columns of `first_row` set one space
/// apart, as pdftotext sets headings that fill their columns (`Participants
/// Contributions Deuxième session`): the stub's heading at the margin or
/// none, then one field that reaches from the first value column to the
/// last; no figure, not a sentence, not a labelled line.
fn is_squeezed_header(line: &Src, first_row: &Src) -> bool {
    let t = line.trimmed();
    let row = fields(&first_row.text, 2);
    let parts = fields(&line.text, 3);
    let (Some(&(value_start, _)), Some(&(last_start, last))) = (row.get(1), row.last()) else {
        return false;
    };
    let Some(&(start, headings)) = parts.last() else {
        return false;
    };
    let row_end = last_start + last.chars().count();
    let end = start + headings.chars().count();
    let stub_only = parts.len() == 1 || parts.len() == 2 && parts[0].0 <= first_row.indent() + 6;
    row.len() >= 3
        && stub_only
        && headings.contains(' ')
        && start + 8 >= value_start
        && end + 3 >= row_end
        && !has_values(line)
        && !ends_clause(t)
        && classify(t).is_none()
        && caption_number(t).is_none()
}

/// A note mark alone on its line, as pdftotext sets a superscript raised
/// above its heading or row (`a`, `b`).
pub(super) fn is_raised_mark(t: &str) -> bool {
    is_note_mark(t) && t.len() <= 3
}

/// Where a table's header begins when the lines taken as its header,
/// `lines[start..i]`, hold its caption (`Table 2`, `الجدول 2`): a caption
/// set at the far margin (right-to-left text, or centred) is indented like
/// a header cell, and so are its title and units lines. They are the
/// table's head, not header cells: the header begins after the units line
/// (`(Billions of United States dollars)`, in words, within the three
/// lines under the caption: a header's `(2024/25)` has none), or without
/// one after the caption's one title line.
fn below_caption(lines: &[Src], start: usize, i: usize) -> usize {
    let filled = || (start..i).filter(|&k| !lines[k].is_blank());
    let Some(caption) = filled().find(|&k| caption_number(lines[k].trimmed()).is_some()) else {
        return start;
    };
    let after: Vec<usize> = filled().filter(|&k| k > caption).collect();
    let worded_units = |t: &str| is_units(t) && t.chars().any(char::is_alphabetic);
    let units = after
        .iter()
        .take(3)
        .position(|&k| worded_units(lines[k].trimmed()));
    let head_end = match units {
        Some(u) => u + 1,
        None => 1,
    };
    after.get(head_end).copied().unwrap_or(i)
}

/// The caption, title and units lines above a table (up to four lines,
/// none of them a sentence, a numbered line or a lone label's text; a
/// caption or a numbered title is the first).
pub(super) fn title_start(lines: &[Src], rows: usize) -> usize {
    let mut start = rows;
    let mut k = rows;
    let mut taken = 0;
    let mut most = TITLE_LINES;
    while k > 0 && taken < most {
        k -= 1;
        let t = lines[k].trimmed();
        if t.is_empty() {
            if taken > 0 && !is_units(lines[start].trimmed()) {
                if !caption_above(lines, k) {
                    break;
                }
                // Over a header set apart: on up to the caption.
                most = taken + CAPTION_ABOVE;
            }
            continue;
        }
        let caption = caption_number(t).is_some();
        if !caption
            && (classify(t).is_some()
                || follows_lone_label(lines, k)
                || ends_clause(t)
                || t.chars().count() > 120)
        {
            break;
        }
        start = k;
        taken += 1;
        if caption || numbered_title(t).is_some() {
            break;
        }
    }
    start
}

/// Where the rows of a raw table whose cells begin at `cells` start: at
/// its cells, or, under a caption whose title block (the lines under it
/// up to a blank line) ends above lines set apart (a line of headings, a
/// stub's heading), at those lines: they are the table's, not its title's.
fn rows_start(lines: &[Src], head: usize, cells: usize) -> usize {
    if head >= cells || caption_number(lines[head].trimmed()).is_none() {
        return cells;
    }
    let title_end = (head..cells)
        .find(|&k| lines[k].is_blank())
        .unwrap_or(cells);
    (title_end..cells)
        .find(|&k| !lines[k].is_blank() && !is_units(lines[k].trimmed()))
        .unwrap_or(cells)
}

/// Whether a caption stands right above blank line `k`, alone or over a
/// title of one or two lines (`Таблица 1`, its title, a blank line, then
/// the stub's heading: raw text sets the header apart from the title).
fn caption_above(lines: &[Src], k: usize) -> bool {
    let above = lines[..k].iter().rev().filter(|l| !l.is_blank());
    for line in above.take(CAPTION_ABOVE) {
        let t = line.trimmed();
        if caption_number(t).is_some() {
            return true;
        }
        if classify(t).is_some() || ends_clause(t) {
            return false;
        }
    }
    false
}

/// Whether `t` ends as a sentence or a clause does, in any script: no
/// title line does.
fn ends_clause(t: &str) -> bool {
    ends_with_mark(t, &[&FULL_STOPS, &CLAUSE_MARKS, &COMMAS])
}

/// The most lines [`caption_above`] reads up to the caption: the title's
/// two lines, or its title and a heading set under it, and a line of
/// headings set apart, then the caption.
const CAPTION_ABOVE: usize = 4;

/// The most lines above a table's rows taken as its head: caption, title
/// and units (over a header set apart, up to [`CAPTION_ABOVE`] more).
const TITLE_LINES: usize = 4;

/// `(Thousands of United States dollars)`.
pub(super) fn is_units(t: &str) -> bool {
    t.starts_with(['(', '（']) && t.ends_with([')', '）']) && t.chars().count() <= 160
}

/// The notes under a table: a lone letter (or `a,b`) and the note's text,
/// `Source:` and `Note:` lines; returns the index after them.
fn notes_end(lines: &[Src], from: usize) -> usize {
    let mut end = from;
    let mut k = from;
    let mut in_note = false;
    while k < lines.len() {
        let line = &lines[k];
        let t = line.trimmed();
        if t.is_empty() {
            k += 1;
            continue;
        }
        let outdented = line.indent() < lines[end.saturating_sub(1)].indent().saturating_sub(2)
            && !is_note_mark(lines[end - 1].trimmed());
        if is_note_mark(t) || is_source(t) {
            in_note = true;
        } else if !in_note || classify(t).is_some() || outdented {
            break;
        }
        k += 1;
        end = k;
    }
    end
}

/// `a`, `b`, `a,b` alone on a line, or a note's first line `a Text`.
pub(super) fn is_note_mark(t: &str) -> bool {
    let mark = t.split(super::pages::is_space).next().unwrap_or("");
    !mark.is_empty()
        && mark.len() <= 5
        && mark
            .split(',')
            .all(|m| m.len() == 1 && m.chars().all(|c| c.is_ascii_lowercase()))
}

pub(super) fn is_source(t: &str) -> bool {
    [
        "Source:",
        "Sources:",
        "Note:",
        "Notes:",
        "Source :",
        "Fuente:",
        "Источник:",
        "Fuentes:",
        "Источники:",
        "المصدر:",
        "المصادر:",
        "资料来源：",
        "来源：",
    ]
    .iter()
    .any(|s| t.starts_with(s))
}

/// A raw-text table: a run of short lines, many of them figures, starting
/// at `lines[i]` (not a label alone, nor its text), ended by a numbered
/// paragraph, a heading or prose. A line labelled as a heading whose text
/// the contents deny is a row's label (`III. Civilian staff`, or `I.`
/// with `Total` after it): it does not end the table. Without a table,
/// the line to look from next.
fn raw_region(lines: &[Src], i: usize, full: usize, titles: &Titles) -> Result<Region, usize> {
    let t = lines[i].trimmed();
    let starts = is_units(t) || caption_number(t).is_some() || is_cell(&lines[i], full);
    if !starts
        || t.is_empty()
        || is_lone_label(t)
        || follows_lone_label(lines, i)
        || ends_prose(lines, i, full)
        || numbered_title(t).is_some()
    {
        return Err(i + 1);
    }
    let mut end = i;
    let (mut cells, mut figures, mut amounts) = (0, 0, 0);
    let series = title_series(lines, i);
    while end < lines.len() {
        let line = &lines[end];
        let t = line.trimmed();
        if !t.is_empty() {
            if cells > 0 && series.is_some_and(|s| continues_series(t, s)) {
                break;
            }
            // The row-label tests look around the line: asked only of a
            // line that is no cell.
            let row_label = || {
                is_wrapped_row_label(lines, end, full)
                    || is_colon_row_label(lines, end, full)
                    || is_whole_row_label(lines, end, full)
            };
            let in_table = is_cell(line, full)
                || cells > 0 && row_label()
                || cells >= RAW_MIN_CELLS && is_raw_group_heading(lines, end, full)
                || figures >= RAW_MIN_FIGURES && is_wrapped_text_cell(lines, end, full);
            let ends = !in_table
                || starts_para(lines, end)
                || is_heading_label(t)
                || opens_raw_para(lines, end, full)
                || opens_raw_heading(lines, end, full)
                || heads_prose(lines, end, full);
            if ends && !is_denied_heading(lines, end, full, titles) {
                break;
            }
            if !ends {
                cells += 1;
                figures += usize::from(is_figure(t));
                amounts += usize::from(is_amount(t));
            }
        }
        end += 1;
    }
    let small = cells >= RAW_MIN_SMALL_CELLS && amounts >= RAW_MIN_AMOUNTS;
    if (cells < RAW_MIN_CELLS || figures < RAW_MIN_FIGURES) && !small {
        // A run starting further on ends here too, with fewer cells.
        return Err(end.max(i + 1));
    }
    while end > i && lines[end - 1].is_blank() {
        end -= 1;
    }
    // A caption opens its table: nothing above it is the table's.
    let head = if caption_number(t).is_some() {
        i
    } else {
        title_start(lines, i)
    };
    Ok(Region {
        head,
        rows: rows_start(lines, head, i),
        notes: end,
        end,
    })
}

/// A numbered title (`Component 2: military`): a capitalised word, its
/// number and a colon, then the title's text. Tables set one after
/// another under such titles are one series.
fn numbered_title(t: &str) -> Option<(&str, u32)> {
    let (word, rest) = t.split_once(' ')?;
    let (number, text) = rest.split_once(':')?;
    let numbered = word.chars().count() > 2
        && word.starts_with(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && (1..=2).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit());
    (numbered && text.starts_with(' ') && !text.trim().is_empty())
        .then(|| Some((word, number.parse().ok()?)))?
}

/// The numbered title a raw table stands right under (`Component 1:
/// substantive civilian`), if any.
fn title_series(lines: &[Src], i: usize) -> Option<(&str, u32)> {
    let above = lines[..i].iter().rev().take(2).find(|l| !l.is_blank())?;
    numbered_title(above.trimmed())
}

/// Whether `t` is a later title of the series a table stands under
/// (`Component 2: military` inside the table under `Component 1: …`):
/// raw text runs the next table on with nothing between, but a table
/// never holds its successor's title.
fn continues_series(t: &str, (word, n): (&str, u32)) -> bool {
    numbered_title(t).is_some_and(|(w, m)| w == word && m > n)
}

/// A figure closing the sentence of the prose line right above it
/// (`… in the approved budget for` then `2025/26.`): the paragraph's last
/// line, not a table's first cell.
fn ends_prose(lines: &[Src], i: usize, full: usize) -> bool {
    let t = lines[i].trimmed();
    t.ends_with('.')
        && is_figure(t)
        && i > 0
        && lines[i - 1].page == lines[i].page
        && !lines[i - 1].is_blank()
        && !is_cell(&lines[i - 1], full)
        && !lines[i - 1].trimmed().ends_with(['.', ':', ';'])
}

/// A line of a text cell wrapped in its column (`3 camps; for irrigation,
/// recycling water,` in a table of efficiency measures): a little longer
/// than a cell, ending a clause but no sentence, no label, and the lines
/// around it on its page as short. A paragraph's lines fill the width.
fn is_wrapped_text_cell(lines: &[Src], i: usize, full: usize) -> bool {
    let narrow = |l: &Src| l.trimmed().chars().count() * 5 <= full * 3;
    let t = lines[i].trimmed();
    let around = |k: Option<usize>| {
        k.is_some_and(|k| {
            lines[k].page == lines[i].page && narrow(&lines[k]) && !starts_para(lines, k)
        })
    };
    narrow(&lines[i])
        && !t.ends_with(['.', '。'])
        && classify(t).is_none()
        && around((0..i).rev().find(|&k| !lines[k].is_blank()))
        && around(texts_after(lines, i).next())
}

/// A row label too long for a cell that raw text breaks over two lines
/// (`Organisations intergouvernementales et entités des Nations`, then
/// `Unies`): no label, no sentence's end, its rest a short line and a
/// figure right after.
fn is_wrapped_row_label(lines: &[Src], i: usize, full: usize) -> bool {
    let t = lines[i].trimmed();
    if classify(t).is_some() || t.ends_with(['.', ':', ';', ',']) || t.chars().count() > full {
        return false;
    }
    let mut after = lines[i + 1..].iter().filter(|l| !l.is_blank());
    let (Some(rest), Some(figure)) = (after.next(), after.next()) else {
        return false;
    };
    let rest = rest.trimmed();
    rest.chars().count() * 4 <= full
        && !is_figure(rest)
        && classify(rest).is_none()
        && is_figure(figure.trimmed())
}

/// A row label broken after its colon (`Military contingents:`, then
/// `troops`): short, no label, its rest a cell on the next line, which
/// neither opens a paragraph nor is labelled (a sentence introducing a
/// list ends the same way, and its list's items are labelled).
fn is_colon_row_label(lines: &[Src], i: usize, full: usize) -> bool {
    let t = lines[i].trimmed();
    if !t.ends_with([':', '：']) || t.chars().count() * 2 > full || classify(t).is_some() {
        return false;
    }
    texts_after(lines, i).next().is_some_and(|k| {
        let rest = lines[k].trimmed();
        is_cell(&lines[k], full)
            && !starts_para(lines, k)
            && classify(rest).is_none()
            && !is_lone_label(rest)
    })
}

/// A raw table that goes on over the next page: after its last row only
/// its notes stand at the page's foot (no paragraph, no heading), and the
/// next page opens with one of its header's lines (`International staff`)
/// and a table from there. The notes between stay among its rows.
fn raw_over_pages(lines: &[Src], mut region: Region, full: usize, titles: &Titles) -> Region {
    loop {
        let last_page = lines[region.end - 1].page;
        let mut k = region.end;
        while k < lines.len() && lines[k].page == last_page {
            let t = lines[k].trimmed();
            if k - region.end > RAW_NOTE_LINES || starts_para(lines, k) || is_heading_label(t) {
                return region;
            }
            k += 1;
        }
        let Some(next) = (k..lines.len()).find(|&j| !lines[j].is_blank()) else {
            return region;
        };
        let first = lines[next].trimmed();
        let repeats = lines[region.rows..region.notes]
            .iter()
            .filter(|l| !l.is_blank())
            .take(6)
            .any(|l| l.trimmed() == first);
        match raw_region(lines, next, full, titles) {
            Ok(more) if repeats && more.end > region.end => {
                region.notes = more.notes;
                region.end = more.end;
            }
            _ => return region,
        }
    }
}

/// A row label too long for a cell, whole on its line (`Communications
/// and information technology`), its row's first figure right under it.
fn is_whole_row_label(lines: &[Src], i: usize, full: usize) -> bool {
    is_long_label(lines[i].trimmed(), full)
        && texts_after(lines, i)
            .next()
            .is_some_and(|k| is_figure(lines[k].trimmed()))
}

/// A table's label too long for a cell: one line, no label of its own, no
/// caption, no units line, no sentence's end.
fn is_long_label(t: &str, full: usize) -> bool {
    !ends_clause(t)
        && t.chars().count() <= full
        && classify(t).is_none()
        && caption_number(t).is_none()
        && !is_units(t)
}

/// A group heading inside a raw table, too long for a cell (`Office of
/// the Chief of Operations and Resource Management`), with the group's
/// rows right under it: cells with a digit among the next four (`1 D-1`;
/// a title over the next table has its header's words there, a subheading
/// its paragraph).
fn is_raw_group_heading(lines: &[Src], i: usize, full: usize) -> bool {
    if !is_long_label(lines[i].trimmed(), full) {
        return false;
    }
    let next: Vec<usize> = texts_after(lines, i).take(4).collect();
    next.len() == 4
        && next.iter().all(|&k| {
            is_cell(&lines[k], full) && !starts_para(lines, k) && !is_lone_label(lines[k].trimmed())
        })
        && next
            .iter()
            .any(|&k| lines[k].trimmed().bytes().any(|b| b.is_ascii_digit()))
}

/// Whether `lines[i]` is the text of a heading's or paragraph's label
/// standing alone on the line before (raw text sets them so): it is
/// never a table's first cell.
fn follows_lone_label(lines: &[Src], i: usize) -> bool {
    lines[..i]
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .is_some_and(|l| is_lone_label(l.trimmed()))
}

/// A chapter's or section's label (`III. Civilian staff`, or `I.` alone
/// with its text on the next line) whose text the contents deny is one,
/// when a row's cell follows it.
fn is_denied_heading(lines: &[Src], i: usize, full: usize, titles: &Titles) -> bool {
    let t = lines[i].trimmed();
    let Some((labels, at)) =
        classify(t).or_else(|| super::lone_label(t).map(|l| (vec![l], t.len())))
    else {
        return false;
    };
    if !matches!(labels[0], Label::Chapter(_) | Label::Section(_)) {
        return false;
    }
    let mut after = texts_after(lines, i);
    let text = match t[at..].trim() {
        "" => match after.next() {
            Some(k) => lines[k].trimmed(),
            None => return false,
        },
        rest => rest,
    };
    let row_follows = after
        .next()
        .is_some_and(|k| is_cell(&lines[k], full) && !starts_para(lines, k));
    row_follows && titles.deny(text)
}

/// A heading's or paragraph's label alone on its line (`C.`, `III.`,
/// `7.`), its text on the next line as raw text sets it.
fn is_lone_label(t: &str) -> bool {
    super::lone_label(t).is_some()
}

/// A numbered heading's label alone on its line (`2.`) with its text, a
/// short line that ends no sentence (`Extrabudgetary resources`), on the
/// next and a numbered paragraph right after: raw text sets a subsection's
/// heading so, and a table's cells never run on into a paragraph.
fn opens_raw_heading(lines: &[Src], i: usize, full: usize) -> bool {
    if !matches!(
        super::lone_label(lines[i].trimmed()),
        Some(Label::Decimal(_))
    ) {
        return false;
    }
    let mut after = texts_after(lines, i);
    let (Some(text), Some(para)) = (after.next(), after.next()) else {
        return false;
    };
    let heading = lines[text].trimmed();
    is_cell(&lines[text], full)
        && !is_figure(heading)
        && classify(heading).is_none()
        && !heading.ends_with(['.', ':', ';', ','])
        && (starts_para(lines, para) || opens_raw_para(lines, para, full))
}

/// A short line of words right over a paragraph, with no blank line
/// between (`Human resources a` over `The proposed budget provides …`):
/// the paragraph's heading, not a table's cell. The paragraph's first line
/// is full (it wraps) and another line follows it; a table's long label
/// (`Component 1: security, governance and …`) is shorter.
fn heads_prose(lines: &[Src], i: usize, full: usize) -> bool {
    let t = lines[i].trimmed();
    let (Some(first), Some(second)) = (lines.get(i + 1), lines.get(i + 2)) else {
        return false;
    };
    let first_text = first.trimmed();
    // Bytes first: most lines asked are a table's short cells.
    first_text.len() * 10 >= full * 8
        && first.page == lines[i].page
        && second.page == lines[i].page
        && !second.is_blank()
        && first_text.starts_with(char::is_uppercase)
        && !first_text.ends_with(['.', ':', ';'])
        && first_text.chars().count() * 10 >= full * 8
        && !is_figure(t)
}

/// A paragraph number alone on its line (`3.`) with the paragraph's text
/// on the next: raw text sets a numbered paragraph so.
fn opens_raw_para(lines: &[Src], i: usize, full: usize) -> bool {
    let t = lines[i].trimmed();
    let number = t
        .strip_suffix('.')
        .is_some_and(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    number
        && lines[i + 1..]
            .iter()
            .find(|l| !l.is_blank())
            .is_some_and(|next| !is_cell(next, full))
}

fn is_cell(line: &Src, full: usize) -> bool {
    let t = line.trimmed();
    t.chars().count() * 2 <= full && !ends_with_mark(t, &[&FULL_STOPS, &CLAUSE_MARKS])
        || is_figure(t)
}

pub(super) fn is_heading_label(t: &str) -> bool {
    matches!(classify(t), Some((labels, _)) if matches!(labels[0], Label::Chapter(_) | Label::Section(_) | Label::Annex(_)))
}

/// The indices of the lines with text after `lines[i]`, in order.
fn texts_after(lines: &[Src], i: usize) -> impl Iterator<Item = usize> + '_ {
    (i + 1..lines.len()).filter(|&k| !lines[k].is_blank())
}

/// An amount or a share: a figure with a currency sign or a per cent sign
/// (`$340.5`, `46.9%`, `($27.6)`, `(5.8%)`).
fn is_amount(t: &str) -> bool {
    is_figure(t) && t.contains(['$', '%'])
}

/// A figure cell: digits with separators, `$`, `%`, brackets, or a dash.
pub(super) fn is_figure(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars()
            .any(|c| c.is_ascii_digit() || c == '–' || c == '—' || c == '-')
        && t.chars()
            .all(|c| c.is_ascii_digit() || " ,.$%()–—-+/".contains(c) || c == '\u{a0}')
}

/// A raw table's grid, when it is certain (see [`super::cells`]): the
/// region's rows then start under its caption, title and units line and
/// end at its notes, which run on to the notes' last line.
fn raw_grid(
    lines: &[Src],
    region: &mut Region,
    taken_to: usize,
    full: usize,
) -> Option<(grid::Grid, Option<Vec<Src>>)> {
    let mut wide = Region {
        rows: anchor_above(lines, region.rows, taken_to, full).unwrap_or(region.rows),
        ..*region
    };
    let start = raw_rows_start(lines, &wide);
    let wrapped = || {
        let next = title_wrapped(lines, &wide, start, full)?;
        let cells = Cells::of(&lines[next..wide.notes]);
        Some((next, super::cells::rebuild(&cells)?))
    };
    let cells = Cells::of(&lines[start..wide.notes]);
    let found = super::cells::rebuild(&cells)
        .map(|found| (start, found))
        .or_else(wrapped)
        .or_else(|| super::cells::grid_first_label_after(&cells).map(|found| (start, found)))
        .or_else(|| super::cells::grid_of_wrapped_cells(&cells).map(|found| (start, found)))
        .or_else(|| super::variance::grid(&cells).map(|found| (start, found)));
    let (rows, (grid, used)) = match found {
        Some(found) => found,
        None => {
            // Then a table going on over a page break, read in two parts.
            if let Some(over) = over_page(lines, &wide, start, full) {
                set_head(lines, &mut wide, start, taken_to);
                *region = Region {
                    rows: start,
                    notes: over.end,
                    end: raw_notes_end(lines, over.end, full),
                    ..wide
                };
                let mut notes = over.notes;
                notes.extend_from_slice(&lines[region.notes..region.end]);
                return Some((over.grid, Some(notes)));
            }
            // Last, a table on one page whose header cells come partly
            // after its rows.
            if page_break(lines, start, wide.notes).is_some() {
                return None;
            }
            (start, super::cells::grid_with_late_header(&cells)?)
        }
    };
    set_head(lines, &mut wide, rows, taken_to);
    *region = wide;
    region.rows = rows;
    region.notes = rows + used;
    region.end = region.end.max(raw_notes_end(lines, region.notes, full));
    Some((grid, None))
}

/// The first line of text in `start..end` on another page than
/// `lines[start]`'s: where a table's cells go on over a page break.
fn page_break(lines: &[Src], start: usize, end: usize) -> Option<usize> {
    let page = lines.get(start)?.page;
    (start..end).find(|&k| !lines[k].is_blank() && lines[k].page != page)
}

/// Where a raw table's head begins, its cells beginning at `rows`: at
/// its caption, title and units lines; a caption heads its table, the
/// lines above it being the text's.
fn set_head(lines: &[Src], wide: &mut Region, rows: usize, taken_to: usize) {
    wide.head = wide.head.min(title_start(lines, wide.rows)).max(taken_to);
    if let Some(caption) = (wide.rows..rows)
        .find(|&k| !lines[k].is_blank())
        .filter(|&k| caption_number(lines[k].trimmed()).is_some())
    {
        wide.head = caption;
    }
}

/// A raw table going on over a page break, rebuilt in two parts.
struct OverPage {
    grid: grid::Grid,
    /// The note lines read among the next page's cells, in order.
    notes: Vec<Src>,
    /// The index after the table's last cell.
    end: usize,
}

/// A raw table whose rows go on over a page break, when its first page's
/// cells give a clear grid by themselves and the next page's, read apart,
/// give whole rows under the same header. pdftotext reads the next page's
/// part anew: it repeats the header's cells (left out here, each once),
/// and may read the stub column first with the notes set under it (a lone
/// note letter and its sentence) before the other headings and the
/// figures. The part ends at the first line that is neither a cell nor
/// such a note: a source line, a heading, a paragraph.
fn over_page(lines: &[Src], region: &Region, start: usize, full: usize) -> Option<OverPage> {
    let brk = page_break(lines, start, region.notes)?;
    let (first, used) = super::cells::rebuild(&Cells::of(&lines[start..brk]))?;
    if used != brk - start {
        return None;
    }
    let next_page = lines[brk].page;
    let mut cells = Vec::new();
    let mut notes = Vec::new();
    let mut end = brk;
    let mut k = brk;
    while k < lines.len() && lines[k].page == next_page {
        let t = lines[k].trimmed();
        if t.is_empty() {
            k += 1;
            continue;
        }
        let next = texts_after(lines, k).next();
        let sentence = next.filter(|&j| {
            let n = lines[j].trimmed();
            n.ends_with(['.', '。']) && !is_figure(n) && classify(n).is_none()
        });
        if is_note_mark(t)
            && !t.contains(' ')
            && let Some(j) = sentence
        {
            notes.extend([lines[k].clone(), lines[j].clone()]);
            k = j + 1;
            end = k;
            continue;
        }
        if !is_cell(&lines[k], full)
            || is_source(t)
            || starts_para(lines, k)
            || is_heading_label(t)
            || opens_raw_para(lines, k, full)
        {
            break;
        }
        cells.push(collapse_spaces(t));
        k += 1;
        end = k;
    }
    let values = first.body.first()?.len().checked_sub(1)?;
    let rows = super::cells::continued_rows(&first.head, cells, values)?;
    let mut grid = first;
    grid.body.extend(rows);
    Some(OverPage { grid, notes, end })
}

/// The caption or units line a raw region's first cells hang from, when
/// only row labels stand between them (lines too long to be taken as
/// cells, `All small island developing States`, none a sentence or a
/// numbered line).
fn anchor_above(lines: &[Src], rows: usize, taken_to: usize, full: usize) -> Option<usize> {
    let mut k = rows;
    let mut seen = 0;
    while k > taken_to && seen < RAW_NOTE_LINES {
        k -= 1;
        let t = lines[k].trimmed();
        if t.is_empty() {
            continue;
        }
        if is_units(t) || caption_number(t).is_some() {
            return Some(k);
        }
        seen += 1;
        let label = t.chars().count() <= full
            && !t.ends_with(['.', ':', ';', ','])
            && classify(t).is_none()
            && !is_lone_label(t);
        if !label {
            return None;
        }
    }
    None
}

/// Where a raw table's cells begin when its title, under its caption and
/// with no units line, was wrapped onto a short line taken as the first
/// cell (`… notificadas por los` / `Estados`): the title's line is too
/// long to be a cell and the line after it is a word, not a figure. Only
/// a grid clear from the next line on takes it (see [`raw_grid`]).
fn title_wrapped(lines: &[Src], region: &Region, start: usize, full: usize) -> Option<usize> {
    let above: Vec<usize> = (region.rows..start)
        .filter(|&k| !lines[k].is_blank())
        .collect();
    let [caption, title] = above[..] else {
        return None;
    };
    let t = lines[start].trimmed();
    let wrapped = caption_number(lines[caption].trimmed()).is_some()
        && !is_cell(&lines[title], full)
        && !is_figure(t)
        && !is_units(t)
        && caption_number(t).is_none();
    if !wrapped {
        return None;
    }
    (start + 1..region.notes).find(|&k| !lines[k].is_blank())
}

/// Where a raw region's cells begin: after its caption (`Table 1`),
/// title and units line when a units line comes within its first five
/// lines, before any figure (else after the caption and the one title
/// line under it).
fn raw_rows_start(lines: &[Src], region: &Region) -> usize {
    let filled: Vec<usize> = (region.rows..region.notes)
        .filter(|&k| !lines[k].is_blank())
        .collect();
    let units = filled
        .iter()
        .take(5)
        .take_while(|&&k| {
            let t = lines[k].trimmed();
            !grid::is_value(t) || caption_number(t).is_some()
        })
        .position(|&k| is_units(lines[k].trimmed()));
    let caption = filled
        .first()
        .is_some_and(|&k| caption_number(lines[k].trimmed()).is_some());
    let mut at = match units {
        Some(u) => u + 1,
        None => usize::from(caption) * 2,
    };
    while filled
        .get(at)
        .is_some_and(|&k| is_units(lines[k].trimmed()))
    {
        at += 1;
    }
    filled.get(at).map_or(region.notes, |&k| k)
}

/// The notes under a raw table: lone note letters, each note's text, a
/// `Source:` or `Note:` line; returns the index after them. Raw text may
/// give a note's letter after the notes' texts (`a`, two notes, the
/// source line, `b`): a sentence is taken when a letter or a source line
/// follows it, within the next lines, before a heading or a numbered
/// paragraph.
fn raw_notes_end(lines: &[Src], from: usize, full: usize) -> usize {
    let mut end = from;
    // Taking a sentence to its end: a note's after its letter, or a source line's.
    let mut open = false;
    let mut seen = 0;
    for k in from..lines.len() {
        let t = lines[k].trimmed();
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > RAW_NOTE_LINES {
            break;
        }
        let ends = t.ends_with(['.', ')', '。']);
        if is_note_mark(t) && !t.contains(' ') {
            open = true;
        } else if is_source(t) || is_note_mark(t) && classify(t).is_none() {
            open = !ends;
        } else if classify(t).is_some()
            || caption_number(t).is_some()
            || is_units(t)
            || is_lone_label(t)
            || opens_raw_para(lines, k, full)
            || is_heading_label(t)
        {
            break;
        } else if open {
            open = !ends;
        } else {
            continue;
        }
        end = k + 1;
    }
    end
}

/// Renders a region: a rebuilt table, or the lines kept as one block.
fn build(
    lines: &[Src],
    region: &Region,
    rebuilt: Rebuilt,
    decisions: &mut Vec<Decision>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Block {
    let (rebuilt, notes) = match rebuilt {
        Rebuilt::Layout(grid) => (grid, lines[region.notes..region.end].to_vec()),
        // Notes read among a raw table's cells come in their own order.
        Rebuilt::Cells(Some((grid, Some(notes)))) => {
            (Some(grid), super::cells::notes_in_order(&notes))
        }
        Rebuilt::Cells(Some((grid, None))) => (
            Some(grid),
            super::cells::notes_in_order(&lines[region.notes..region.end]),
        ),
        Rebuilt::Cells(None) => (None, lines[region.notes..region.end].to_vec()),
    };
    let rows_start = match rebuilt {
        Some(_) => region.rows,
        None => kept_rows_start(lines, region),
    };
    let head = lines[region.head..rows_start].to_vec();
    let rows = lines[rows_start..region.notes].to_vec();
    let at = lines[region.rows].no;
    let what = head
        .iter()
        .chain(&rows)
        .map(Src::trimmed)
        .find(|t| !t.is_empty())
        .unwrap_or("");
    let what: String = what.chars().take(60).collect();
    if let Some(grid) = &rebuilt {
        if grid.head_joined {
            decisions.push(Decision::new(Action::HeaderJoined, at, what.clone()));
            diagnostics.push(Diagnostic::new(
                Code::ExtractedText,
                Span::new(at, 1),
                "the table's header cells come partly after its rows, where their columns cannot be told: its headings are kept as one heading across the table, in the order read",
            ));
        }
        decisions.push(Decision::new(Action::TableRebuilt, at, what));
    } else {
        decisions.push(Decision::new(Action::TableKept, at, what));
        diagnostics.push(Diagnostic::new(
            Code::ExtractedText,
            Span::new(at, 1),
            format!(
                "a table of {} lines whose rows and columns are not clear: kept as one block, a row per line",
                rows.iter().filter(|l| !l.is_blank()).count()
            ),
        ));
    }
    Block {
        head,
        grid: rebuilt,
        rows,
        notes,
    }
}

/// A table region's grid, as its kind of text gives it.
enum Rebuilt {
    /// A layout table's grid from its columns, when they are clear.
    Layout(Option<grid::Grid>),
    /// A grid from raw cells or prose, with the notes read among the
    /// cells when they were (in the order read).
    Cells(Option<(grid::Grid, Option<Vec<Src>>)>),
}

/// Where a kept block's rows begin: raw text sets a table's caption,
/// title and units line a line each like its cells, so a region kept as
/// one block may hold them among its rows; they go back to the table's
/// head (caption first), which keeps its title and units.
fn kept_rows_start(lines: &[Src], region: &Region) -> usize {
    let first = (region.head..region.notes).find(|&k| !lines[k].is_blank());
    match first {
        Some(k) if caption_number(lines[k].trimmed()).is_some() => {
            below_caption(lines, k, region.notes).clamp(region.rows, region.notes)
        }
        _ => region.rows,
    }
}

#[cfg(test)]
mod tests;
