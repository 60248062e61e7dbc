//! Table note marks outside tables. A superscript letter in the lines
//! leading into a table (`Human resources^a`, a sentence, the staffing
//! table with its note a) marks one of the table's notes; elsewhere it is
//! its letter (`XX^e siècle`). The reader reads such letters as maybe
//! marks (`SupLetter::MaybeMark`) and settles them here once the tables
//! are read.

use std::collections::{HashMap, HashSet};

use super::flow::{Flat, visit_marks};
use crate::lang;
use crate::model::{Inline, Span};

/// Settles the superscript letters read as maybe marks. One stays a mark
/// when it leads into a table that has its note and marks it nowhere
/// itself: the next table in its section, with no heading between
/// (`Human resources^a`, a sentence, the staffing table and its note a).
/// Every other is its letter again, as typed (italic or not), so that
/// `XX^e siècle` reads as before.
pub(super) fn settle_lead_marks(flats: &mut [Flat], maybe: &HashMap<Span, bool>) {
    if maybe.is_empty() {
        return;
    }
    let kept = lead_marks_kept(flats, maybe);
    for flat in flats.iter_mut() {
        match flat {
            Flat::Chapter(_, inlines, _) | Flat::Section(_, inlines, _) => {
                letters_again(inlines, maybe, &kept)
            }
            Flat::Sub(_, _, inlines, _) => letters_again(inlines, maybe, &kept),
            Flat::Para(p) => letters_again(&mut p.content, maybe, &kept),
            Flat::Text(t, _) => letters_again(&mut t.value, maybe, &kept),
            Flat::Table(_) | Flat::Figure(_) | Flat::Annex(..) => {}
        }
    }
}

/// The places of the maybe marks that mark a note of the table they lead into.
fn lead_marks_kept(flats: &[Flat], maybe: &HashMap<Span, bool>) -> HashSet<Span> {
    let mut kept = HashSet::new();
    let mut waiting: Vec<(u32, Span)> = Vec::new();
    let collect = |inlines: &[Inline], waiting: &mut Vec<(u32, Span)>| {
        visit_marks(inlines, &mut |n, span| {
            if maybe.contains_key(&span) {
                waiting.push((n, span));
            }
        })
    };
    for flat in flats {
        match flat {
            Flat::Chapter(..) | Flat::Section(..) | Flat::Annex(..) => waiting.clear(),
            Flat::Sub(_, _, inlines, _) => {
                waiting.clear();
                collect(inlines, &mut waiting);
            }
            Flat::Para(p) => collect(&p.content, &mut waiting),
            Flat::Text(t, _) => collect(&t.value, &mut waiting),
            Flat::Table(t) => kept.extend(
                waiting
                    .drain(..)
                    .filter(|&(n, _)| t.notes.iter().any(|note| note.n == n) && !t.marks(n))
                    .map(|(_, span)| span),
            ),
            Flat::Figure(_) => {}
        }
    }
    kept
}

/// Turns the maybe marks of `inlines` not `kept` back into their letters.
fn letters_again(inlines: &mut Vec<Inline>, maybe: &HashMap<Span, bool>, kept: &HashSet<Span>) {
    let mut changed = false;
    for inline in inlines.iter_mut() {
        match inline {
            Inline::TableNoteRef(m) if !kept.contains(&m.span) => {
                if let Some(&italic) = maybe.get(&m.span) {
                    let letter = lang::latin_letter(m.value, false);
                    *inline = if italic {
                        Inline::Emph(letter)
                    } else {
                        Inline::Text(letter)
                    };
                    changed = true;
                }
            }
            Inline::Strong(inner) => letters_again(inner, maybe, kept),
            _ => {}
        }
    }
    if changed {
        *inlines = crate::read::inline::merge_text(std::mem::take(inlines));
    }
}
