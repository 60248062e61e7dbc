//! Numbers out of their sequence in extracted text. A table whose region
//! was not found leaves its rows labelled like chapters (`II. Military
//! contingents` in a staffing table); a figure's number may read as a
//! paragraph's. Each would fail the whole document on the numbering rules
//! (UND030, UND031) and lose it from an archive's run. A heading or a
//! paragraph whose number breaks its sequence is read as text, its label
//! kept in the text, with a warning and an audit line, where that mends
//! the sequence: a few numbers read as text let the ones after them run
//! on in order (the contents, when the document has them, pick which of
//! two headings alike). A gap nothing mends is left to the rules, and a
//! document whose numbers run in order is never touched.

use super::contents::Titles;
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{Block, Division, Document, Inline, Span, Spanned, paragraphs_in, plain_text};
use crate::read::audit::{Action, Decision};

/// How many numbers ahead the expected one is looked for.
const WINDOW: usize = 3;

/// One number of a sequence, as [`strays`] weighs it.
#[derive(Debug, Clone, Copy)]
struct Numbered {
    n: u32,
    /// The contents do not list its title.
    denied: bool,
    /// It can be read as text (a paragraph with a list cannot).
    movable: bool,
}

/// What a reading of a sequence costs: a number left out of order (an
/// error the rules will report) far more than any number read as text, a
/// number read as text more when the contents do not deny it, and each
/// run of such numbers a little, so that strays read together win.
const LEFT_OUT_OF_ORDER: u64 = 1000;
const READ_AS_TEXT: u64 = 10;
const DENIED_READ_AS_TEXT: u64 = 5;
const RUN: u64 = 1;

/// The positions of the numbers among `items` (which should run 1, 2, 3 …)
/// best read as text: the cheapest reading, where every number is kept or
/// read as text, at most [`WINDOW`] together, each run of them followed
/// by a kept number (a gap at the end, or one no kept number closes, is
/// left to the rules). Keeping every number costs nothing when they run
/// in order, so such a sequence is never touched. Of two numbered alike
/// that nothing else tells apart, the earlier is read as text: a table's
/// row labelled like the heading that follows the table.
fn strays(items: &[Numbered]) -> Vec<usize> {
    // best[j]: the cheapest reading of items[..j] that keeps item j - 1
    // (best[0]: nothing read yet), and the item kept before it.
    let mut best: Vec<(u64, Option<usize>)> = vec![(u64::MAX, None); items.len() + 1];
    best[0] = (0, None);
    for j in 1..=items.len() {
        let n = items[j - 1].n;
        // The last kept item before j - 1 is `from - 1` (0: none); the
        // ones between are read as text.
        let mut between = 0;
        for from in (0..j).rev() {
            if best[from].0 != u64::MAX {
                let before = from.checked_sub(1).map_or(0, |k| items[k].n);
                let order = if before.checked_add(1) == Some(n) {
                    0
                } else {
                    LEFT_OUT_OF_ORDER
                };
                let run = if from + 1 < j { RUN } else { 0 };
                let cost = best[from].0 + between + run + order;
                if cost < best[j].0 {
                    best[j] = (cost, Some(from));
                }
            }
            // Widen: item from - 1 joins the ones read as text.
            let Some(k) = from.checked_sub(1) else { break };
            if j - 1 - k > WINDOW || !items[k].movable {
                break;
            }
            between += if items[k].denied {
                DENIED_READ_AS_TEXT
            } else {
                READ_AS_TEXT
            };
        }
    }
    let mut out = Vec::new();
    let mut at = items.len();
    while let (_, Some(from)) = best[at] {
        out.extend(from..at - 1);
        at = from;
    }
    out.sort_unstable();
    out
}

/// What reading strays as text needs: the language's labels, the
/// contents' titles, where to report.
pub(super) struct Mender<'a> {
    pub lang: Lang,
    pub titles: &'a Titles,
    pub decisions: &'a mut Vec<Decision>,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

/// Reads the strays of `doc`'s chapters, sections and paragraphs as text,
/// in the body and in each annex.
pub(super) fn mend(doc: &mut Document, m: &mut Mender) {
    mend_scope(&mut doc.body, m);
    for annex in &mut doc.annexes {
        mend_scope(&mut annex.blocks, m);
    }
}

/// Chapters first (a stray's blocks join the chapter before it), then
/// each chapter's sections, then the paragraphs through the whole scope.
fn mend_scope(blocks: &mut Vec<Block>, m: &mut Mender) {
    mend_divisions(blocks, Kind::Chapter, m);
    mend_divisions(blocks, Kind::Section, m);
    for block in blocks.iter_mut() {
        if let Block::Chapter(d) = block {
            mend_divisions(&mut d.blocks, Kind::Section, m);
        }
    }
    mend_paragraphs(blocks, m);
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Chapter,
    Section,
}

impl Kind {
    fn of(self, block: &Block) -> Option<&Division> {
        match (self, block) {
            (Kind::Chapter, Block::Chapter(d)) | (Kind::Section, Block::Section(d)) => Some(d),
            _ => None,
        }
    }

    fn of_mut(self, block: &mut Block) -> Option<&mut Division> {
        match (self, block) {
            (Kind::Chapter, Block::Chapter(d)) | (Kind::Section, Block::Section(d)) => Some(d),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Chapter => "chapter",
            Kind::Section => "section",
        }
    }

    fn label(self, lang: Lang, n: u32) -> String {
        match self {
            Kind::Chapter => lang.chapter_label(n),
            Kind::Section => lang.section_label(n),
        }
    }
}

/// Reads the stray chapters (or sections) among `blocks` as text: the
/// heading, label first, becomes a line of text, and it and the
/// division's blocks go to the end of the division before it (a stray
/// chapter's sections after that chapter's), or stay where they are when
/// none comes before.
fn mend_divisions(blocks: &mut Vec<Block>, kind: Kind, m: &mut Mender) {
    let at: Vec<usize> = (0..blocks.len())
        .filter(|&i| kind.of(&blocks[i]).is_some())
        .collect();
    if runs_in_order(at.iter().filter_map(|&i| kind.of(&blocks[i])).map(|d| d.n)) {
        return;
    }
    let items: Vec<Numbered> = at
        .iter()
        .filter_map(|&i| kind.of(&blocks[i]))
        .map(|d| Numbered {
            n: d.n,
            denied: m.titles.deny(&plain_text(&d.heading)),
            movable: true,
        })
        .collect();
    let strays = strays(&items);
    if strays.is_empty() {
        return;
    }
    // One pass over the blocks (a hostile text may hold many strays).
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // Where, in `out`, the last division kept stands.
    let mut kept: Option<usize> = None;
    let mut next = strays.iter().peekable();
    for (i, block) in std::mem::take(blocks).into_iter().enumerate() {
        let stray = next.peek().is_some_and(|&&s| at[s] == i);
        if !stray {
            if kind.of(&block).is_some() {
                kept = Some(out.len());
            }
            out.push(block);
            continue;
        }
        let (Block::Chapter(d) | Block::Section(d)) = block else {
            unreachable!("a stray is a division")
        };
        let denied = items[*next.next().expect("a stray")].denied;
        let label = kind.label(m.lang, d.n);
        let why = if denied {
            "the contents do not list it"
        } else {
            "the number expected follows"
        };
        report(m, d.span.line, &label, &d.heading, kind.name(), why);
        let mut moved = vec![as_text(&label, d.heading, d.span)];
        moved.extend(d.blocks);
        match kept.and_then(|k| kind.of_mut(&mut out[k])) {
            Some(target) => {
                // Its text runs on in the last division there; its
                // sections follow that chapter's sections.
                let sections = moved
                    .iter()
                    .position(|b| matches!(b, Block::Section(_)))
                    .unwrap_or(moved.len());
                let divisions = moved.split_off(sections);
                last_division(target).blocks.extend(moved);
                target.blocks.extend(divisions);
            }
            None => out.extend(moved),
        }
    }
    *blocks = out;
}

/// The division whose text runs last in `d`: its last section's, when it
/// ends in one (nothing follows a chapter's sections but sections).
fn last_division(d: &mut Division) -> &mut Division {
    match d.blocks.last() {
        Some(Block::Section(_)) => match d.blocks.last_mut() {
            Some(Block::Section(s)) => s,
            _ => unreachable!("the last block is a section"),
        },
        _ => d,
    }
}

/// Reads the stray paragraphs through `blocks` (into chapters and
/// sections) as text.
fn mend_paragraphs(blocks: &mut [Block], m: &mut Mender) {
    let paras = paragraphs_in(blocks);
    if runs_in_order(paras.iter().map(|p| p.n)) {
        return;
    }
    let items: Vec<Numbered> = paras
        .iter()
        .map(|p| Numbered {
            n: p.n,
            denied: false,
            movable: p.list.is_none(),
        })
        .collect();
    let strays = strays(&items);
    if strays.is_empty() {
        return;
    }
    let mut index = 0;
    each_block(blocks, &mut |block: &mut Block| {
        let Block::Para(p) = block else { return };
        let stray = strays.binary_search(&index).is_ok();
        index += 1;
        if stray {
            let label = m.lang.para_label(p.n);
            let content = std::mem::take(&mut p.content);
            report(
                m,
                p.span.line,
                &label,
                &content,
                "paragraph",
                "the number expected follows",
            );
            *block = as_text(&label, content, p.span);
        }
    });
}

/// Calls `f` on every block, into chapters and sections, in order.
fn each_block(blocks: &mut [Block], f: &mut dyn FnMut(&mut Block)) {
    for block in blocks {
        match block {
            Block::Chapter(d) | Block::Section(d) => each_block(&mut d.blocks, f),
            other => f(other),
        }
    }
}

/// Whether numbers run 1, 2, 3 …: nothing to mend, nothing to weigh.
fn runs_in_order(numbers: impl Iterator<Item = u32>) -> bool {
    numbers.zip(1..).all(|(n, want)| n == want)
}

/// A line of text: the label, a space, the inlines.
fn as_text(label: &str, mut inlines: Vec<Inline>, span: Span) -> Block {
    inlines.insert(0, Inline::Text(format!("{label} ")));
    Block::Text(Spanned::new(inlines, span))
}

fn report(m: &mut Mender, line: u32, label: &str, inlines: &[Inline], what: &str, why: &str) {
    let text = format!("{label} {}", plain_text(inlines));
    let shown: String = text.chars().take(60).collect();
    m.diagnostics.push(Diagnostic::new(
        Code::ExtractedText,
        Span::new(line, 1),
        format!("`{shown}` reads as a {what} out of order ({why}): kept as text"),
    ));
    m.decisions
        .push(Decision::new(Action::NumberReadAsText, line, text));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(ns: &[u32]) -> Vec<Numbered> {
        ns.iter()
            .map(|&n| Numbered {
                n,
                denied: false,
                movable: true,
            })
            .collect()
    }

    #[test]
    fn a_number_in_order_is_never_a_stray() {
        assert!(strays(&numbers(&[1, 2, 3, 4])).is_empty());
        assert!(strays(&numbers(&[])).is_empty());
    }

    #[test]
    fn a_number_is_a_stray_when_the_expected_one_comes_close_after() {
        assert_eq!(strays(&numbers(&[1, 2, 93, 3, 4])), [2]);
        assert_eq!(strays(&numbers(&[1, 2, 93, 94, 3])), [2, 3]);
        assert_eq!(strays(&numbers(&[7, 1, 2])), [0]);
        // A repeat: one of the two.
        assert_eq!(strays(&numbers(&[1, 2, 2, 3])).len(), 1);
        assert_eq!(strays(&numbers(&[1, 2, 3, 2, 4])), [3]);
        // An agenda's items read among the paragraphs: `3.`, `4.`, `5.`
        // after paragraph 4, then paragraph 5.
        assert_eq!(strays(&numbers(&[1, 2, 3, 4, 3, 4, 5, 5, 6])), [4, 5, 6]);
    }

    #[test]
    fn a_gap_nothing_mends_is_left_to_the_rules() {
        assert!(strays(&numbers(&[1, 2, 4, 5])).is_empty());
        // The expected number too far ahead.
        assert!(strays(&numbers(&[1, 7, 8, 9, 10, 2, 3])).is_empty());
        let mut fixed = numbers(&[1, 5, 2]);
        fixed[1].movable = false;
        assert!(strays(&fixed).is_empty());
    }

    #[test]
    fn the_contents_decide_between_two_headings_numbered_alike() {
        // `II. Military contingents` (a table's row) before `II. Financial
        // resources`: the contents list only the second.
        let mut items = numbers(&[1, 2, 2, 3]);
        items[1].denied = true;
        assert_eq!(strays(&items), [1]);
        // Out of order and denied, with nothing expected close after.
        let mut items = numbers(&[1, 2, 3, 4, 5, 9, 6]);
        items[5].denied = true;
        assert_eq!(strays(&items), [5]);
        // Denied but in order, alone: a heading the contents miss is kept.
        let mut items = numbers(&[1, 2, 3]);
        items[1].denied = true;
        assert!(strays(&items).is_empty());
        // Contents that list no sections deny them all: a gap stays a gap.
        let mut items = numbers(&[1, 2, 4, 5]);
        items.iter_mut().for_each(|x| x.denied = true);
        assert!(strays(&items).is_empty());
    }
}
