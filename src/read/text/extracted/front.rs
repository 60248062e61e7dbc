//! The first page's masthead and titles. In layout text the masthead is in
//! two columns (`United Nations … A/80/614`, `General Assembly … Distr.:
//! General`): each field becomes a line of its own, as the text reader
//! expects. Below it, the session and agenda lines stay alone, and the
//! lines of the agenda item's title, the title and the subtitle are joined
//! (a subtitle opens with `Report of`, `Note by` …).

use super::pages::{Src, fields};
use crate::lang;
use crate::read::text::masthead::{is_agenda_line, is_session_line, is_subtitle_like, organ_wraps};
use crate::read::text::{caption_number, classify};

/// How many lines down the first page the `Original:` line is looked for.
const MASTHEAD_LINES: usize = 14;
/// A block with more lines than this is body text, not a title.
const TITLE_BLOCK_LINES: usize = 7;

/// The masthead and title lines, and the index of the first body line.
pub(super) fn read(lines: &[Src], layout: bool, full: usize) -> (Vec<(u32, String)>, usize) {
    let mut out = Vec::new();
    let Some(original) = lines
        .iter()
        .take_while(|l| l.page == 1)
        .filter(|l| !l.is_blank())
        .take(MASTHEAD_LINES)
        .position(|l| masthead_fields(l, layout).iter().any(|f| is_original(f)))
    else {
        return (out, 0);
    };
    let mut i = 0;
    let mut masthead = Vec::new();
    while i < lines.len() && masthead.len() <= original {
        if !lines[i].is_blank() {
            masthead.push(&lines[i]);
        }
        i += 1;
    }
    if layout {
        out.extend(columns(&masthead));
    } else {
        out.extend(masthead.iter().map(|l| (l.no, l.trimmed().to_string())));
    }
    out.push((lines[i.saturating_sub(1)].no, String::new()));
    let end = titles(lines, i, layout, full, &mut out);
    (out, end)
}

fn masthead_fields(line: &Src, layout: bool) -> Vec<&str> {
    let t = line.trimmed();
    if !layout {
        return vec![t];
    }
    fields(t, 3).into_iter().map(|(_, f)| f).collect()
}

/// The layout masthead's fields in the order the text reader reads them:
/// the organ column first (the Organization, the organ, the symbol), then
/// the distribution column (`Distr.`, date, language, `Original:`), told
/// apart by the column the `Original:` field starts at. A long organ name
/// wraps in its column, its lines interleaved with the other column's:
/// its next line is joined to it.
fn columns(lines: &[&Src]) -> Vec<(u32, String)> {
    let column = lines
        .last()
        .and_then(|l| fields(&l.text, 3).into_iter().find(|(_, f)| is_original(f)))
        .map_or(0, |(col, _)| col);
    let mut organ: Vec<(u32, usize, String)> = Vec::new();
    let mut distribution = Vec::new();
    for line in lines {
        for (col, field) in fields(&line.text, 3) {
            if col.abs_diff(column) <= 3 {
                distribution.push((line.no, field.to_string()));
            } else if let Some((_, _, name)) = organ
                .last_mut()
                .filter(|(_, c, name)| c.abs_diff(col) <= 3 && organ_wraps(name, field))
            {
                name.push(' ');
                name.push_str(field);
            } else {
                organ.push((line.no, col, field.to_string()));
            }
        }
    }
    organ
        .into_iter()
        .map(|(no, _, name)| (no, name))
        .chain(distribution)
        .collect()
}

fn is_original(field: &str) -> bool {
    lang::parse_original_line(field).is_some()
}

/// Joins the title blocks from `lines[i]`; returns where the body starts.
fn titles(
    lines: &[Src],
    mut i: usize,
    layout: bool,
    full: usize,
    out: &mut Vec<(u32, String)>,
) -> usize {
    let mut titles = 0;
    while i < lines.len() && lines[i].page == 1 && titles < 4 {
        while i < lines.len() && lines[i].is_blank() {
            i += 1;
        }
        let end = (i..lines.len())
            .find(|&k| lines[k].is_blank() || lines[k].page != lines[i].page)
            .unwrap_or(lines.len());
        // Raw text sets the body's first heading right under the title,
        // with no blank line between: the title is what comes before it.
        let body_at = lines[i..end]
            .iter()
            .position(|l| opens_body(l, layout, full));
        let block = &lines[i..body_at.map_or(end, |k| i + k)];
        if block.is_empty() || block.len() > TITLE_BLOCK_LINES {
            break;
        }
        titles += title_block(block, out);
        i += block.len();
        if body_at.is_some() {
            break;
        }
    }
    i
}

/// A line that opens the body: a label, the contents or summary heading,
/// a table caption or a row of table cells.
fn opens_body(line: &Src, layout: bool, full: usize) -> bool {
    let t = line.trimmed();
    classify(t).is_some()
        || caption_number(t).is_some()
        || lang::ALL
            .iter()
            .any(|l| t == l.contents_word() || t == l.summary_word())
        || layout && super::tables::is_gapped(line, full)
}

/// Emits one block's lines: session and agenda lines alone, the others
/// joined, a new line before a subtitle. Returns how many titles it held.
fn title_block(block: &[Src], out: &mut Vec<(u32, String)>) -> usize {
    let mut titles = 0;
    let mut current: Option<(u32, String)> = None;
    for line in block {
        let t = line.trimmed();
        let alone = is_session_line(t) || is_agenda_line(t);
        if (alone || is_subtitle_like(t))
            && let Some(done) = current.take()
        {
            out.push(done);
            titles += 1;
        }
        if alone {
            out.push((line.no, t.to_string()));
            continue;
        }
        match &mut current {
            Some((_, text)) => super::flow::join_into(text, t, None, &mut Vec::new(), line.no),
            None => current = Some((line.no, t.to_string())),
        }
    }
    if let Some(done) = current {
        out.push(done);
        titles += 1;
    }
    titles
}
