//! The contents table: a `Contents` line (in any of the six languages),
//! `Page`, then entries ending in dot leaders and a page number, possibly
//! running onto the next pages. It repeats the headings found later, so it
//! is dropped whole, each line recorded; its entries' titles are kept to
//! tell a heading from a table's row labelled like one (`III. Civilian
//! staff` in a staffing table).

use super::pages::Src;
use crate::lang;
use crate::read::audit::{Action, Decision};

/// How far into the document the contents heading is looked for.
const SEARCH_LINES: usize = 200;
/// How many lines an entry may take before its dot leaders.
const ENTRY_LINES: usize = 4;

/// The titles of the contents' entries, as [`words`] gives them: a
/// title's first line and the text before its dot leaders.
#[derive(Debug, Default)]
pub(super) struct Titles {
    /// Each entry's title in [`words`].
    entries: Vec<String>,
    /// Each entry's first word, sorted: most lines asked share none.
    firsts: Vec<String>,
    /// The source line of the contents' heading, when there was one.
    pub at: Option<u32>,
}

/// The fewest entries that make a contents worth asking.
const FEWEST_TITLES: usize = 3;

impl Titles {
    /// Whether the contents list `heading` (a heading's text, without its
    /// label): an entry's title begins with its words, or it with a
    /// title's words (a title or heading wrapped over lines). `None`
    /// without a contents, or for a text of no words.
    fn lists(&self, heading: &str) -> Option<bool> {
        if self.entries.len() < FEWEST_TITLES {
            return None;
        }
        // Asked of most lines of raw text: a title and a heading that
        // begin one another share their first word, which is compared
        // before the whole text is made into words.
        let first = words(heading.split_whitespace().next()?);
        if self.firsts.binary_search(&first).is_err() {
            return Some(false);
        }
        let h = words(heading);
        let begins = |long: &str, short: &str| {
            long.strip_prefix(short)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        };
        Some(self.entries.iter().any(|t| begins(t, &h) || begins(&h, t)))
    }

    /// Whether the contents deny that `heading` is one: there is a
    /// contents and it does not list it. Without one nothing is denied.
    pub fn deny(&self, heading: &str) -> bool {
        self.lists(heading) == Some(false)
    }

    /// Whether the contents confirm that `heading` is one: they list it.
    pub fn confirm(&self, heading: &str) -> bool {
        self.lists(heading) == Some(true)
    }

    /// Notes an entry's line: its text before the dot leaders, without
    /// its label.
    fn note(&mut self, line: &str) {
        let leader = LEADERS.iter().filter_map(|l| line.find(l)).min();
        let text = &line[..leader.unwrap_or(line.len())];
        let text = match crate::read::text::classify(text) {
            Some((_, at)) => &text[at..],
            None => text,
        };
        let words = words(text);
        if words.chars().any(char::is_alphabetic) {
            let first = words.split(' ').next().unwrap_or_default().to_string();
            if let Err(at) = self.firsts.binary_search(&first) {
                self.firsts.insert(at, first);
            }
            self.entries.push(words);
        }
    }
}

/// Lowercase words one space apart, hyphens and soft hyphens dropped, and
/// a footnote's mark after a word (`variances4`, `variances[^4]`): a heading's
/// words as the contents and the body may both give them. A number
/// reads as `0`.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let word = word.split("[^").next().unwrap_or(word);
        let word = word.trim_end_matches(|c: char| c.is_ascii_digit());
        let word = if word.is_empty() { "0" } else { word };
        out.extend(
            word.chars()
                .filter(|c| !matches!(c, '-' | '\u{ad}' | '\u{2011}'))
                .flat_map(char::to_lowercase),
        );
    }
    out
}

/// Removes the contents table, recording each dropped line; returns the
/// lines left and the entries' titles.
pub(super) fn strip(lines: Vec<Src>, out: &mut Vec<Decision>) -> (Vec<Src>, Titles) {
    let mut titles = Titles::default();
    let Some(start) = lines
        .iter()
        .take(SEARCH_LINES)
        .position(|l| is_heading(l.trimmed()) && leader_follows(&lines, 0, l.no))
    else {
        return (lines, titles);
    };
    titles.at = Some(lines[start].no);
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
        let t = line.trimmed();
        if line.is_blank() {
            continue;
        }
        if !is_heading(t) && !is_page_word(t) && !is_lone_number(t) && !is_lone_label(t) {
            titles.note(t);
        }
        out.push(Decision::new(Action::ContentsDropped, line.no, t));
    }
    (kept, titles)
}

fn is_heading(text: &str) -> bool {
    lang::ALL.iter().any(|l| text == l.contents_word())
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

/// Dot leaders: `. . . .`, `....`, `…………`.
const LEADERS: [&str; 3] = [". . . .", "....", "…………"];

/// Whether a line has dot leaders (a run of at least four dots).
pub(super) fn has_leader(text: &str) -> bool {
    LEADERS.iter().any(|l| text.contains(l))
}

fn is_page_word(t: &str) -> bool {
    t == "Pages" || lang::ALL.iter().any(|l| t == l.page_word())
}

fn is_lone_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|c| c.is_ascii_digit())
}

/// `I.`, `A.`, `Annex` alone on a line, as raw extraction splits entries.
fn is_lone_label(t: &str) -> bool {
    matches!(crate::read::text::classify(t), Some((_, at)) if at >= t.len())
        || lang::ALL.iter().any(|l| t == l.annex_word())
}
