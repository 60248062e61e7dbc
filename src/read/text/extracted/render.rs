//! Writes a table region in the text reader's table form: the caption,
//! title and units lines, pipe rows (a header row and its rule when the
//! grid was rebuilt, one cell per line when it was kept as a block), the
//! notes as `^a^ text` and the source line.

use super::Block;
use super::flow::{collapse_spaces, join_into};
use super::grid::{Grid, is_value};
use super::hyphen::Vocabulary;
use super::tables::{is_note_mark, is_source, is_units};
use crate::read::audit::Decision;
use crate::read::text::caption_number;

/// Appends the table's lines to `out`.
pub(super) fn table(
    block: &Block,
    vocab: &Vocabulary,
    out: &mut Vec<(u32, String)>,
    decisions: &mut Vec<Decision>,
) {
    head(block, out);
    let letters = Letters {
        letters: note_letters(block),
        vocab,
        unmarked: Vec::new(),
    };
    let first = block.rows.first().map_or(0, |l| l.no);
    match &block.grid {
        Some(grid) => {
            let body: Vec<String> = grid.body.iter().map(|r| body_row(r, &letters)).collect();
            if grid.head.iter().any(|c| !c.is_empty()) {
                // Group headings stand on header rows of their own above.
                let overs: Vec<String> = grid.over.iter().map(|o| row(o, &letters)).collect();
                let mut head = row(&grid.head, &letters);
                // A note marked nowhere else is marked in the header, set
                // against a heading's last word (`Percentagea`) however
                // often the header repeats.
                let unmarked: Vec<char> = letters
                    .letters
                    .iter()
                    .copied()
                    .filter(|m| {
                        let mark = format!("^{m}^");
                        !head.contains(&mark) && !body.iter().any(|r| r.contains(&mark))
                    })
                    .collect();
                if !unmarked.is_empty() {
                    let headings = with_lone_marks(&grid.head, &unmarked, &body);
                    head = row(
                        &headings,
                        &Letters {
                            unmarked,
                            ..letters
                        },
                    );
                }
                out.extend(overs.into_iter().map(|o| (first, o)));
                out.push((first, head));
                out.push((first, rule(grid)));
            }
            out.extend(body.into_iter().map(|r| (first, r)));
        }
        None => {
            for line in block.rows.iter().filter(|l| !l.is_blank()) {
                let none = Letters {
                    letters: Vec::new(),
                    vocab,
                    unmarked: Vec::new(),
                };
                out.push((line.no, body_row(&[collapse_spaces(line.trimmed())], &none)));
            }
        }
    }
    out.push((first, String::new()));
    notes(block, vocab, out, decisions);
}

/// The headings with the mark of a note marked nowhere else set on the
/// one heading whose last word ends in its letter (`Expenditurea`, `A
/// distanciaa`), when no other heading does: the word need not be the
/// document's, as [`glued_mark`] asks of a mark it finds alone.
fn with_lone_marks(headings: &[String], unmarked: &[char], body: &[String]) -> Vec<String> {
    let mut headings = headings.to_vec();
    for &m in unmarked {
        if body.iter().any(|r| r.contains(&format!("^{m}^"))) {
            continue;
        }
        let ends_in_mark = |h: &String| {
            let mut end = h.chars().rev();
            end.next() == Some(m) && end.next().is_some_and(char::is_alphabetic)
        };
        let mut candidates = (0..headings.len()).filter(|&k| ends_in_mark(&headings[k]));
        if let (Some(k), None) = (candidates.next(), candidates.next()) {
            let heading = &mut headings[k];
            heading.pop();
            heading.push_str(&format!("^{m}^"));
        }
    }
    headings
}

/// The rule under a rebuilt grid's header: the stub column set left, a
/// column with a figure in its body right, a column of text only (a
/// table of prose, a column of titles) left, as the text reads.
fn rule(grid: &Grid) -> String {
    let figures = |k: usize| {
        grid.body
            .iter()
            .filter_map(|r| r.get(k))
            .any(|c| is_value(c))
    };
    let texts = |k: usize| {
        grid.body
            .iter()
            .filter_map(|r| r.get(k))
            .any(|c| !c.is_empty())
    };
    let aligns: Vec<&str> = (0..grid.head.len())
        .map(|k| {
            if k == 0 || texts(k) && !figures(k) {
                ":--"
            } else {
                "--:"
            }
        })
        .collect();
    format!("|{}|", aligns.join("|"))
}

/// The caption (`Table 3`), title and units; without a caption, the title
/// and units are text lines before the (unnumbered) table.
fn head(block: &Block, out: &mut Vec<(u32, String)>) {
    let lines: Vec<_> = block.head.iter().filter(|l| !l.is_blank()).collect();
    let caption = lines
        .first()
        .filter(|l| caption_number(l.trimmed()).is_some());
    let mut title: Option<(u32, String)> = None;
    let mut units: Option<(u32, String)> = None;
    for line in lines.iter().skip(usize::from(caption.is_some())) {
        let t = collapse_spaces(line.trimmed());
        if is_units(&t) {
            units = Some((line.no, t));
            continue;
        }
        match &mut title {
            Some((_, text)) => join_into(text, &t, None, &mut Vec::new(), line.no),
            None => title = Some((line.no, t)),
        }
    }
    if let Some(c) = caption {
        out.push((c.no, c.trimmed().to_string()));
    }
    let blank_between = caption.is_none();
    for (no, text) in title.into_iter().chain(units) {
        out.push((no, text));
        if blank_between {
            out.push((no, String::new()));
        }
    }
    if !blank_between {
        out.push((block.rows.first().map_or(0, |l| l.no), String::new()));
    }
}

/// The table's note letters, and the document's words to tell a letter
/// set as a superscript (`populationa`) from a word's own last letter.
struct Letters<'a> {
    letters: Vec<char>,
    vocab: &'a Vocabulary,
    /// Letters marked nowhere else in the table: set against a known word,
    /// they are its mark even where the header repeats (`offlinea` on
    /// every page).
    unmarked: Vec<char>,
}

/// A body row; a total's (its label `Total`, `Subtotal`, `Итого`, `小计`,
/// with figures) with its label in bold, as the cleaned form marks a total
/// row: its bold did not come through the text. Such a label alone heads
/// the rows under it and is no total.
fn body_row(cells: &[String], letters: &Letters) -> String {
    let total = cells.first().is_some_and(|label| {
        crate::lang::is_total_label(label)
            && (cells[1..].iter().any(|c| !c.trim().is_empty()) || has_glued_figures(label))
    });
    pipe_row(cells, letters, total)
}

/// Whether a label cell ends in figures that did not come apart from it
/// (`Net change – – (1)`): a word of digits, a dash, or digits in brackets.
/// Stricter than a cell's `grid::is_value`, which takes `(I–V)`, a range
/// of roman numerals in a heading's label, for a figure.
pub(super) fn has_glued_figures(label: &str) -> bool {
    label.split_whitespace().skip(1).any(|word| {
        let inner = word.trim_start_matches('(').trim_end_matches(')');
        matches!(inner, "–" | "-")
            || (!inner.is_empty()
                && inner
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b','))
    })
}

fn row(cells: &[String], letters: &Letters) -> String {
    pipe_row(cells, letters, false)
}

/// The cells as a pipe row, their note marks set; the first in bold when
/// `bold_label`.
fn pipe_row(cells: &[String], letters: &Letters, bold_label: bool) -> String {
    let mut out = String::with_capacity(cells.iter().map(|c| c.len() + 3).sum::<usize>() + 6);
    out.push('|');
    for (k, cell) in cells.iter().enumerate() {
        out.push(' ');
        let marked = if cell.contains('|') {
            mark_notes(&cell.replace('|', "¦"), letters)
        } else {
            mark_notes(cell, letters)
        };
        let bold = bold_label && k == 0;
        if bold {
            out.push_str("**");
        }
        out.push_str(&marked);
        if bold {
            out.push_str("**");
        }
        out.push_str(" |");
    }
    out
}

/// The letters of the table's notes.
fn note_letters(block: &Block) -> Vec<char> {
    block
        .notes
        .iter()
        .map(|l| l.trimmed())
        .filter(|t| is_note_mark(t))
        .filter_map(|t| t.chars().next())
        .collect()
}

/// A cell ending in a lone note letter (`2024/25 a`, `Temporary positions a,b`)
/// gets the letter as a note mark; so does one whose last word ends in a
/// note letter set against it (`populationa`, `2024 годa`) when the word
/// without it is the document's and the letter is Latin after other
/// letters, or the word is a year (`2023a`) or ends in a bracket
/// (`(budgeted)a`); a heading's before its column's number (`2024/25 a
/// (1)`); a label's before the dash that goes on to its rest
/// (`Appropriation a – General Assembly`); a label's before its period
/// (`Approved temporary positionsa 2024/25`).
fn mark_notes(cell: &str, letters: &Letters) -> String {
    // A heading's mark stands before its column's number, which the
    // header's last line sets under it (`Authorized 2024/25 a (1)`); a
    // row label's before its period (`Approved temporary positionsa
    // 2024/25`).
    if let Some((heading, number)) = cell.rsplit_once(' ')
        && (is_column_number(number) || is_period(number))
    {
        let marked = mark_notes(heading, letters);
        if marked != heading {
            return format!("{marked} {number}");
        }
    }
    if let Some(marked) = glued_mark(cell, letters) {
        return marked;
    }
    if let Some(marked) = mark_before_dash(cell, &letters.letters) {
        return marked;
    }
    let letters = &letters.letters;
    let Some((body, last)) = cell.rsplit_once(' ') else {
        return cell.to_string();
    };
    let marks: Vec<char> = last
        .split(',')
        .filter_map(|m| m.chars().next().filter(|_| m.len() == 1))
        .collect();
    if marks.is_empty() || !marks.iter().all(|m| letters.contains(m)) {
        return cell.to_string();
    }
    let marks: String = marks.iter().map(|m| format!("^{m}^")).collect();
    format!("{body}{marks}")
}

/// A row label whose mark stands inside it, before the dash that goes on
/// to the rest of the label (`Appropriation a – General Assembly`): a
/// lone note letter between a word and a dash, as no article stands.
fn mark_before_dash(cell: &str, letters: &[char]) -> Option<String> {
    // Found by the dash: no pattern is built for every cell of a table.
    [" – ", " - "].iter().find_map(|dash| {
        cell.match_indices(dash).find_map(|(at, _)| {
            let mut before = cell[..at].chars().rev();
            let mark = before.next().filter(|m| letters.contains(m))?;
            let word = before.next() == Some(' ') && before.next()?.is_alphabetic();
            let label = &cell[..at - mark.len_utf8() - 1];
            word.then(|| format!("{label}^{mark}^{}", &cell[at..]))
        })
    })
}

/// A budget period or a year (`2024/25`, `2026`).
fn is_period(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(b),
        7 => digits(&b[..4]) && b[4] == b'/' && digits(&b[5..]),
        _ => false,
    }
}

/// A column's number in a header (`(1)`, `(6)=(5)-(3)`).
fn is_column_number(t: &str) -> bool {
    t.starts_with('(')
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || "()=+-–−×/".contains(c))
}

fn glued_mark(cell: &str, letters: &Letters) -> Option<String> {
    let mark = cell
        .chars()
        .next_back()
        .filter(|m| letters.letters.contains(m))?;
    let body = &cell[..cell.len() - 1];
    let word = body.rsplit(' ').next().unwrap_or(body);
    let before = word.chars().next_back()?;
    let other_script = before.is_alphabetic() && !before.is_ascii();
    // A year (`2023a`, a header's): figures never end in a letter.
    let year = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    // No word ends in a letter after its closing bracket (`(budgeted)a`).
    let bracket = before == ')';
    let glued = format!("{word}{mark}");
    let rare = letters.vocab.count(&glued) <= 1 || letters.unmarked.contains(&mark);
    let known = word.chars().count() >= 3 && letters.vocab.has(word) && rare;
    (other_script || year || known || bracket).then(|| format!("{body}^{mark}^"))
}

/// The notes (`a` and its text, or `a Text`) and source lines under the
/// table, each joined from its lines (a word hyphenated at a line end
/// joined as the body's are, recorded).
fn notes(
    block: &Block,
    vocab: &Vocabulary,
    out: &mut Vec<(u32, String)>,
    decisions: &mut Vec<Decision>,
) {
    let mut current: Option<(u32, String)> = None;
    for line in block.notes.iter().filter(|l| !l.is_blank()) {
        let t = collapse_spaces(line.trimmed());
        let mark = is_note_mark(&t)
            .then(|| t.split(' ').next().unwrap_or(""))
            .filter(|m| !m.is_empty());
        let opens =
            mark.is_some() || is_source(&t) || t.starts_with("Source") || t.starts_with("Note");
        if opens || current.is_none() {
            out.extend(current.take());
            let text = match mark {
                Some(m) => format!("^{}^ {}", &m[..1], t[m.len()..].trim_start())
                    .trim_end()
                    .to_string(),
                None => t,
            };
            current = Some((line.no, text));
            continue;
        }
        if let Some((_, text)) = &mut current {
            let joined_mark = text.ends_with('^') && text.len() <= 4;
            if joined_mark {
                text.push(' ');
                text.push_str(&t);
            } else {
                join_into(text, &t, Some(vocab), decisions, line.no);
            }
        }
    }
    out.extend(current);
    out.push((block.notes.first().map_or(0, |l| l.no), String::new()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks the official budget reports' tables set in their cells'
    /// text, as pdftotext gives them; an article `a` is no mark.
    #[test]
    fn note_letters_in_cells_become_marks() {
        let vocab = Vocabulary::new(&[]);
        let letters = Letters {
            letters: vec!['a', 'b'],
            vocab: &vocab,
            unmarked: Vec::new(),
        };
        for (cell, marked) in [
            ("Authorized 2024/25 a (1)", "Authorized 2024/25^a^ (1)"),
            ("(budgeted)a", "(budgeted)^a^"),
            (
                "Appropriation a – General Assembly",
                "Appropriation^a^ – General Assembly",
            ),
            ("Temporary positions a,b", "Temporary positions^a^^b^"),
            ("Cost of a unit", "Cost of a unit"),
            ("Actual (3)", "Actual (3)"),
        ] {
            assert_eq!(mark_notes(cell, &letters), marked, "{cell}");
        }
    }
}
