//! List items' numbers that raw text (`pdftotext` without `-layout`) reads
//! apart from their items. A list's labels stand in a column of their own,
//! and pdftotext may read an item's number with the lettered items of the
//! item before it: after the last letter (`c)`, `3.`, then c's text and
//! 3's), or before the first (`3.`, `a)`, a's text, `b)`, b's text, then
//! 3's). Each such number is put back before its own text, the one text
//! left over after the letters' (recorded as a decision); where the texts
//! do not fall out so, the lines stay as they are.

use super::pages::Src;
use crate::read::audit::Decision;
use crate::read::text::table::caption_number;
use crate::read::text::{Label, classify};

/// What a line is, for the look at a list's labels.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A number alone on its line (`3.`).
    LoneNumber,
    /// A letter alone on its line (`c)`, `(c)`, `(iii)`).
    LoneLetter,
    /// A letter and its text (`b) Los Estados …`).
    Letter,
    /// Any other labelled line (a paragraph, a heading).
    Labelled,
    /// A line of text with no label.
    Text,
}

impl Kind {
    fn of(t: &str) -> Kind {
        let lettered = |labels: &[Label]| {
            labels
                .iter()
                .any(|l| matches!(l, Label::Alpha(_) | Label::Roman(_)))
        };
        match super::lone_labels(t) {
            Some(labels) if matches!(labels[0], Label::Decimal(_)) => Kind::LoneNumber,
            Some(labels) if lettered(&labels) => Kind::LoneLetter,
            Some(_) => Kind::Labelled,
            None => match classify(t) {
                Some((labels, _)) if lettered(&labels) => Kind::Letter,
                Some(_) => Kind::Labelled,
                None => Kind::Text,
            },
        }
    }
}

/// A run of lines read together: a line with a label, or the lines of one
/// text up to a blank line or a label.
#[derive(Debug, Clone, Copy)]
struct Run {
    kind: Kind,
    /// Index of its first and last line in the lines as given.
    first: usize,
    last: usize,
}

/// Puts each item number read in its list's column back before its text.
pub(super) fn rejoin(lines: Vec<Src>, decisions: &mut Vec<Decision>) -> Vec<Src> {
    let runs = runs(&lines);
    let mut moves = Vec::new();
    for (r, run) in runs.iter().enumerate() {
        if run.kind != Kind::LoneNumber {
            continue;
        }
        let own_text =
            after_last_letter(&runs, r, &lines).or_else(|| before_letters(&runs, r, &lines));
        if let Some(t) = own_text.filter(|&t| lines[runs[t].first].page == lines[run.first].page) {
            moves.push((run.first, runs[t].first));
        }
    }
    super::orphans::labels_moved(lines, &moves, decisions)
}

/// The lines as runs: each labelled line is one, the lines of a text
/// between blank lines and labels another.
fn runs(lines: &[Src]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut after_blank = true;
    let mut page = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        // A page break parts texts as a blank line does.
        after_blank |= line.page != page;
        page = line.page;
        let kind = Kind::of(line.trimmed());
        match runs.last_mut() {
            Some(last) if kind == Kind::Text && !after_blank && last.kind == Kind::Text => {
                last.last = i
            }
            // A letter's text runs on over its wrapped lines.
            Some(last) if kind == Kind::Text && !after_blank && last.kind == Kind::Letter => {
                last.last = i
            }
            _ => runs.push(Run {
                kind,
                first: i,
                last: i,
            }),
        }
        after_blank = false;
    }
    runs
}

/// `c)`, `3.`, c's text, 3's text, then a label: the number's text is the
/// second text (the run it goes before).
fn after_last_letter(runs: &[Run], r: usize, lines: &[Src]) -> Option<usize> {
    let kinds = |from: usize, n: usize| runs.get(from..from + n).map(|s| s.iter().map(|x| x.kind));
    let before = r.checked_sub(1).map(|p| runs[p].kind);
    let texts = kinds(r + 1, 2)?.all(|k| k == Kind::Text);
    let letter_text_ends = texts && closes(&lines[runs[r + 1].last]);
    (before == Some(Kind::LoneLetter) && letter_text_ends && is_before_label(runs, r + 3, lines))
        .then_some(r + 2)
}

/// `3.`, then the letters of the item before it, each with its text
/// (`a)`, a's text, `b) text` …), then one text more and a label: that
/// text is the number's.
fn before_letters(runs: &[Run], r: usize, lines: &[Src]) -> Option<usize> {
    let mut k = r + 1;
    let mut letters = 0;
    loop {
        match runs.get(k)?.kind {
            Kind::LoneLetter => {
                let text = runs.get(k + 1)?;
                if text.kind != Kind::Text || !closes(&lines[text.last]) {
                    return None;
                }
                k += 2;
            }
            Kind::Letter if closes(&lines[runs[k].last]) => k += 1,
            _ => break,
        }
        letters += 1;
    }
    let own = runs.get(k)?;
    (letters > 0 && own.kind == Kind::Text && is_before_label(runs, k + 1, lines)).then_some(k)
}

/// Whether run `r` is a label's or a table's caption (or the text ends
/// there): what follows a list.
fn is_before_label(runs: &[Run], r: usize, lines: &[Src]) -> bool {
    runs.get(r).is_none_or(|run| {
        run.kind != Kind::Text || caption_number(lines[run.first].trimmed()).is_some()
    })
}

/// Whether a line ends a sentence or a clause, as an item's text does
/// (a footnote's mark after it, `…;[^2]`, included).
fn closes(line: &Src) -> bool {
    super::orphans::ends_sentence(line.trimmed())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::extracted::pages::{filled_texts, split};

    fn rejoined(text: &str) -> Vec<String> {
        filled_texts(&rejoin(split(text), &mut Vec::new()))
    }

    #[test]
    fn a_number_read_after_the_last_letter_goes_to_the_second_text() {
        let text = "2. Recomendaciones:\nb) Aprobación del informe.\nc)\n3.\n\nOtros asuntos.\n\nApertura de la reunión.\n\n4.\nLos Estados.\n";
        assert_eq!(
            rejoined(text),
            [
                "2. Recomendaciones:",
                "b) Aprobación del informe.",
                "c)",
                "Otros asuntos.",
                "3.",
                "Apertura de la reunión.",
                "4.",
                "Los Estados."
            ]
        );
    }

    /// A table's caption ends the list as a label does.
    #[test]
    fn a_list_ends_at_a_tables_caption() {
        let text =
            "c)\n3.\n\nOtros asuntos.\n\nApertura de la reunión.\n\nCuadro 4\nParticipación\n";
        assert_eq!(
            rejoined(text),
            [
                "c)",
                "Otros asuntos.",
                "3.",
                "Apertura de la reunión.",
                "Cuadro 4",
                "Participación"
            ]
        );
    }

    #[test]
    fn a_number_read_before_the_letters_goes_to_the_text_after_them() {
        let text = "2.\nTras sus deliberaciones:\n\n3.\n\na)\n\nAprobación del informe.\n\nb) Aprobación del programa y\norganización de los trabajos.\n\nc)\n\nApertura de la reunión.\n\nOtros asuntos.\n\n4.\nLos Estados.\n";
        assert_eq!(
            rejoined(text),
            [
                "2.",
                "Tras sus deliberaciones:",
                "a)",
                "Aprobación del informe.",
                "b) Aprobación del programa y",
                "organización de los trabajos.",
                "c)",
                "Apertura de la reunión.",
                "3.",
                "Otros asuntos.",
                "4.",
                "Los Estados."
            ]
        );
    }

    /// A number with its text next, or with no text left over after the
    /// letters, stays where it is.
    #[test]
    fn numbers_whose_texts_do_not_fall_out_stay() {
        for text in [
            "c)\nOtros asuntos.\n3.\nApertura de la reunión.\n4.\nLos Estados.\n",
            "3.\n\na)\n\nAprobación del informe.\n\nb)\n\nOtros asuntos.\n\n4.\nLos Estados.\n",
            "c)\n3.\n\nOtros asuntos.\n\nApertura de la reunión.\n\nMás texto.\n",
            "c)\n3.\n\nOtros asuntos, y\n\nApertura de la reunión.\n\n4. Los Estados.\n",
        ] {
            assert_eq!(rejoined(text), filled_texts(&split(text)), "{text}");
        }
    }

    /// Across a page break the number stays: its text is on its page.
    #[test]
    fn a_number_does_not_move_to_another_page() {
        let text = "c)\n3.\n\nOtros asuntos.\n\u{c}Apertura de la reunión.\n\n4.\nLos Estados.\n";
        assert_eq!(rejoined(text)[1], "3.");
    }
}
