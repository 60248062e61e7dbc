//! Table note marks that extracted text sets apart from, or glues to, the
//! line leading into their table. Print raises the mark of a staffing
//! table's note a after the line that introduces the table (`Human
//! resources^a`); the text of the PDF gives `Human resources a` or `Human
//! resourcesa`, and the note then reads as never marked. A lead line (a
//! subheading, text or paragraph between the table and the heading or
//! table before it) that ends in such a letter gets it back as the mark of
//! the table's note, when the table has that note and marks it nowhere
//! itself; a glued letter only when the word without it is one the
//! document uses and the word with it is used nowhere else.

use crate::model::{Block, Document, Inline, Span, Spanned};
use crate::read::audit::{Action, Decision};

/// A lead line's last letter: apart from its word, or glued to `stem`.
#[derive(Debug, Clone, PartialEq)]
enum Letter {
    Apart,
    Glued { word: String, stem: String },
}

/// A lead line found to mark its table's note `n`: the path to its block
/// (the scope, then indices through divisions) and how the letter stands.
struct Found {
    path: Vec<usize>,
    n: u32,
    letter: Letter,
}

/// Restores the lead lines' marks in `doc`: its summary, preamble, body
/// and annexes (scopes 0, 1, 2 and 3 on).
pub(super) fn restore(doc: &mut Document, decisions: &mut Vec<Decision>) {
    let mut found = Vec::new();
    for (k, blocks) in scopes(doc).into_iter().enumerate() {
        find(blocks, &mut vec![k], &mut found);
    }
    found.retain(|f| match &f.letter {
        Letter::Apart => true,
        Letter::Glued { word, stem } => {
            let [word, stem] = occurrences(doc, [word, stem]);
            word == 1 && stem > 0
        }
    });
    for f in found {
        let Some(block) = block_at(doc, &f.path) else {
            continue;
        };
        let (inlines, at) = match block {
            Block::Subheading(h) => (&mut h.heading, h.span),
            Block::Text(t) => (&mut t.value, t.span),
            Block::Para(p) => (&mut p.content, p.text_at),
            _ => continue,
        };
        let width = if f.letter == Letter::Apart { 2 } else { 1 };
        if let Some(text) = set_mark(inlines, f.n, width, at) {
            decisions.push(Decision::new(Action::NoteMarkRestored, at.line, text));
        }
    }
}

/// The document's lists of blocks that lead lines and tables stand in.
fn scopes(doc: &Document) -> Vec<&[Block]> {
    let summary = doc.summary.as_ref().map_or(&[][..], |s| &s.blocks[..]);
    let mut all = vec![summary, &doc.preamble[..], &doc.body[..]];
    all.extend(doc.annexes.iter().map(|a| &a.blocks[..]));
    all
}

/// The block at `path` (see [`Found`]).
fn block_at<'d>(doc: &'d mut Document, path: &[usize]) -> Option<&'d mut Block> {
    let (&scope, rest) = path.split_first()?;
    let mut blocks: &mut Vec<Block> = match scope {
        0 => &mut doc.summary.as_mut()?.blocks,
        1 => &mut doc.preamble,
        2 => &mut doc.body,
        k => &mut doc.annexes.get_mut(k - 3)?.blocks,
    };
    let (&last, through) = rest.split_last()?;
    for &i in through {
        match blocks.get_mut(i)? {
            Block::Chapter(d) | Block::Section(d) => blocks = &mut d.blocks,
            _ => return None,
        }
    }
    blocks.get_mut(last)
}

/// Finds in `blocks` (at `path`) the lead lines whose letter marks a note
/// of the table they lead into; each division's blocks are read apart.
fn find(blocks: &[Block], path: &mut Vec<usize>, found: &mut Vec<Found>) {
    let mut waiting: Vec<(usize, u32, Letter)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let lead = |inlines: &[Inline]| last_letter(inlines).map(|(n, l)| (i, n, l));
        match block {
            Block::Chapter(d) | Block::Section(d) => {
                waiting.clear();
                path.push(i);
                find(&d.blocks, path, found);
                path.pop();
            }
            Block::Subheading(h) => {
                waiting.clear();
                waiting.extend(lead(&h.heading));
            }
            Block::Text(t) => waiting.extend(lead(&t.value)),
            Block::Para(p) => waiting.extend(lead(&p.content)),
            Block::Table(t) => {
                for (at, n, letter) in waiting.drain(..) {
                    if t.notes.iter().any(|note| note.n == n) && !t.marks(n) {
                        let mut path = path.clone();
                        path.push(at);
                        found.push(Found { path, n, letter });
                    }
                }
            }
            Block::Figure(_) => {}
        }
    }
}

/// The text run that ends `inlines`, inside a bold one or not.
fn last_text(inlines: &[Inline]) -> Option<&str> {
    match inlines.last()? {
        Inline::Text(t) => Some(t),
        Inline::Strong(inner) => match inner.last()? {
            Inline::Text(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// The note number of the lowercase letter that ends `inlines`: alone
/// after a word (`Human resources a`), or glued to a word of at least
/// three letters (`Human resourcesa`).
fn last_letter(inlines: &[Inline]) -> Option<(u32, Letter)> {
    let text = last_text(inlines)?.trim_end();
    let word = text.rsplit(' ').next()?;
    let number = |c: char| u32::from(c) - u32::from('a') + 1;
    let mut chars = word.chars().rev();
    let last = chars.next()?;
    if !last.is_ascii_lowercase() {
        return None;
    }
    if word.len() == 1 {
        let before = text[..text.len() - 1].trim_end_matches(' ');
        let apart = text.len() >= 3
            && text.as_bytes()[text.len() - 2] == b' '
            && before.chars().next_back().is_some_and(char::is_alphabetic);
        return apart.then(|| (number(last), Letter::Apart));
    }
    let stem: String = chars.rev().collect();
    let glued = stem.chars().count() >= 3 && stem.chars().all(char::is_alphabetic);
    glued.then(|| {
        let letter = Letter::Glued {
            word: word.to_lowercase(),
            stem: stem.to_lowercase(),
        };
        (number(last), letter)
    })
}

/// How often each of `words` (lowercase) stands in `doc`'s text as a
/// word of its own, whatever its case. Read only for a glued letter, a
/// few times a document at most.
fn occurrences<const N: usize>(doc: &Document, words: [&str; N]) -> [u32; N] {
    let mut counts = [0; N];
    doc.for_each_inlines(&mut |inlines| {
        let text = crate::model::plain_text(inlines);
        for token in text.split(|c: char| !c.is_alphabetic()) {
            for (count, word) in counts.iter_mut().zip(words) {
                if token.len() == word.len() && token.to_lowercase() == word {
                    *count += 1;
                }
            }
        }
    });
    counts
}

/// Replaces the last `width` bytes of `inlines`' text (the letter, and the
/// space before it when it stood apart) by the mark of note `n`, at its
/// column from `at`; returns the line as read, for the audit.
fn set_mark(inlines: &mut Vec<Inline>, n: u32, width: usize, at: Span) -> Option<String> {
    let line = crate::model::plain_text(inlines).trim_end().to_string();
    let target = if let Some(Inline::Strong(inner)) = inlines.last_mut() {
        inner
    } else {
        inlines
    };
    let Some(Inline::Text(text)) = target.last_mut() else {
        return None;
    };
    let kept = text.trim_end().len().checked_sub(width)?;
    text.truncate(kept);
    let column = at.column + line.chars().count() as u32 - 1;
    target.push(Inline::TableNoteRef(Spanned::new(
        n,
        Span::new(at.line, column),
    )));
    Some(line)
}
