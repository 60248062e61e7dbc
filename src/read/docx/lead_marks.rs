//! Table note marks outside tables. A superscript letter in the lines
//! leading into a table (`Human resources^a`, a sentence, the staffing
//! table with its note a) marks one of the table's notes; elsewhere it is
//! its letter (`XX^e siècle`). The reader reads such letters as maybe
//! marks (`SupLetter::MaybeMark`) and settles them here once the tables
//! are read.

use std::collections::{HashMap, HashSet};

use super::flow::Flat;
use crate::lang;
use crate::model::{Inline, Span, for_each_table_note_mark};

/// Settles the superscript letters read as maybe marks. One stays a mark
/// when it leads into a table that has its note and marks it nowhere
/// itself: the next table in its section, with no heading between
/// (`Human resources^a`, a sentence, the staffing table and its note a).
/// A table's or figure's title keeps the marks of its own notes. Every
/// other is its letter again, as typed (italic or not), so that `XX^e
/// siècle` reads as before.
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
            Flat::Table(t) => {
                letters_again(&mut t.title, maybe, &kept);
                if let Some(units) = &mut t.units {
                    letters_again(units, maybe, &kept);
                }
            }
            Flat::Figure(f) => letters_again(&mut f.title, maybe, &kept),
            Flat::Annex(..) => {}
        }
    }
}

/// The places of the maybe marks that mark a note of the table they lead into.
fn lead_marks_kept(flats: &[Flat], maybe: &HashMap<Span, bool>) -> HashSet<Span> {
    let mut kept = HashSet::new();
    let mut waiting: Vec<(u32, Span)> = Vec::new();
    let collect = |inlines: &[Inline], waiting: &mut Vec<(u32, Span)>| {
        for_each_table_note_mark(inlines, &mut |n, span| {
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
            Flat::Table(t) => {
                let has = |n: u32| t.notes.iter().any(|note| note.n == n);
                kept.extend(
                    waiting
                        .drain(..)
                        .filter(|&(n, _)| has(n) && !t.marks(n))
                        .map(|(_, span)| span),
                );
                // A title (or units line) taken from the lines above keeps
                // the marks of the table's notes.
                for inlines in std::iter::once(&t.title).chain(&t.units) {
                    keep_own(inlines, maybe, &has, &mut kept);
                }
            }
            Flat::Figure(f) => keep_own(
                &f.title,
                maybe,
                &|n| f.notes.iter().any(|x| x.n == n),
                &mut kept,
            ),
        }
    }
    kept
}

/// Keeps the maybe marks of a table's or figure's own title whose notes
/// it has (`has`).
fn keep_own(
    inlines: &[Inline],
    maybe: &HashMap<Span, bool>,
    has: &dyn Fn(u32) -> bool,
    kept: &mut HashSet<Span>,
) {
    for_each_table_note_mark(inlines, &mut |n, span| {
        if maybe.contains_key(&span) && has(n) {
            kept.insert(span);
        }
    });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Spanned, Table, TableNote};

    /// A table's title taken from the lines above keeps a superscript
    /// letter as a mark when the table has that note, and as its letter
    /// (italic as typed) when it has not.
    #[test]
    fn a_titles_letter_is_a_mark_only_of_a_note_of_its_table() {
        let at = Span::new(4, 12);
        let title = |n: u32| {
            vec![
                Inline::Text("Staffing".into()),
                Inline::TableNoteRef(Spanned::new(n, at)),
            ]
        };
        let maybe = HashMap::from([(at, true)]);
        let note = TableNote {
            n: 1,
            content: vec![Inline::Text("Highest strength.".into())],
            span: Span::new(9, 1),
        };
        for (n, expected) in [
            (
                1,
                vec![
                    Inline::Text("Staffing".into()),
                    Inline::TableNoteRef(Spanned::new(1, at)),
                ],
            ),
            (
                2,
                vec![Inline::Text("Staffing".into()), Inline::Emph("b".into())],
            ),
        ] {
            let mut flats = vec![Flat::Table(Table {
                title: title(n),
                notes: vec![note.clone()],
                ..Table::default()
            })];
            settle_lead_marks(&mut flats, &maybe);
            let Flat::Table(t) = &flats[0] else {
                unreachable!("a table")
            };
            assert_eq!(t.title, expected, "mark {n}");
        }
    }
}
