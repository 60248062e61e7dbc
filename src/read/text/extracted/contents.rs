//! The contents table: a `Contents` line (in any of the six languages),
//! `Page`, then entries ending in dot leaders and a page number, possibly
//! running onto the next pages. It repeats the headings found later, so it
//! is dropped whole, each line recorded.

use super::pages::Src;
use crate::lang;
use crate::read::audit::{Action, Decision};

/// How far into the document the contents heading is looked for.
const SEARCH_LINES: usize = 200;
/// How many lines an entry may take before its dot leaders.
const ENTRY_LINES: usize = 4;

/// Removes the contents table, recording each dropped line.
pub(super) fn strip(lines: Vec<Src>, out: &mut Vec<Decision>) -> Vec<Src> {
    let Some(start) = lines
        .iter()
        .take(SEARCH_LINES)
        .position(|l| is_heading(l.trimmed()) && leader_follows(&lines, 0, l.no))
    else {
        return lines;
    };
    let mut end = start + 1;
    while end < lines.len() && belongs(&lines, end) {
        end += 1;
    }
    // Blank lines after the table stay.
    while end > start + 1 && lines[end - 1].is_blank() {
        end -= 1;
    }
    let end = trailing_labels_end(&lines, end);
    let mut kept = lines;
    for line in kept.drain(start..end) {
        if !line.is_blank() {
            out.push(Decision::new(
                Action::ContentsDropped,
                line.no,
                line.trimmed(),
            ));
        }
    }
    kept
}

fn is_heading(text: &str) -> bool {
    lang::ALL.iter().any(|l| text == l.contents_word())
        || [
            "Contents",
            "Table des matières",
            "Índice",
            "Содержание",
            "المحتويات",
            "目录",
        ]
        .contains(&text)
}

/// Whether a line with dot leaders comes within a few lines after line `no`.
fn leader_follows(lines: &[Src], from: usize, no: u32) -> bool {
    lines[from..]
        .iter()
        .skip_while(|l| l.no <= no)
        .filter(|l| !l.is_blank())
        .take(ENTRY_LINES + 2)
        .any(|l| has_leader(l.trimmed()))
}

/// Whether `lines[i]` is part of the contents: a leader line, a blank, the
/// `Page` heading, a lone page number or label, or an entry's first lines.
fn belongs(lines: &[Src], i: usize) -> bool {
    let t = lines[i].trimmed();
    if t.is_empty() || has_leader(t) || is_page_word(t) || is_lone_number(t) || is_lone_label(t) {
        return true;
    }
    lines[i + 1..]
        .iter()
        .filter(|l| !l.is_blank())
        .take(ENTRY_LINES)
        .take_while(|l| !is_lone_label(l.trimmed()) || has_leader(l.trimmed()))
        .any(|l| has_leader(l.trimmed()))
}

/// Past the entries of the contents, the labels that raw text reads after
/// them (`II.`, `Annex`: a column of labels set apart from the titles):
/// lone labels up to the foot of the contents' last page. Taken only when
/// nothing else follows them on that page, so that a heading's label that
/// opens the body under the contents, with its text after it, stays.
fn trailing_labels_end(lines: &[Src], end: usize) -> usize {
    let Some(page) = lines[..end]
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .map(|l| l.page)
    else {
        return end;
    };
    let mut past = None;
    for (k, line) in lines.iter().enumerate().skip(end) {
        let t = line.trimmed();
        if line.is_blank() {
            continue;
        }
        if line.page != page {
            break;
        }
        if !is_label_alone(t) {
            return end;
        }
        past = Some(k + 1);
    }
    past.unwrap_or(end)
}

/// A label alone on its line as a heading's label reads (`II.`, `C.`), or
/// the word that opens an annex's entry.
fn is_label_alone(t: &str) -> bool {
    is_lone_label(t) || super::lone_label(t).is_some()
}

/// `. . . . .` or `.....` (a run of at least four dots).
pub(super) fn has_leader(text: &str) -> bool {
    text.contains(". . . .") || text.contains("....") || text.contains("…………")
}

fn is_page_word(t: &str) -> bool {
    ["Page", "Pages", "Página", "Стр.", "الصفحة", "页次"].contains(&t)
}

fn is_lone_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|c| c.is_ascii_digit())
}

/// `I.`, `A.`, `Annex` alone on a line, as raw extraction splits entries.
fn is_lone_label(t: &str) -> bool {
    matches!(crate::read::text::classify(t), Some((_, at)) if at >= t.len())
        || lang::ALL.iter().any(|l| t == l.annex_word())
}
