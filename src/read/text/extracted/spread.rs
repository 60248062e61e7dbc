//! Justified lines read a word to a line. Where justification stretches a
//! line's spaces far beyond a word space (a long word wrapped to the next
//! line, a substitute font), raw text (`pdftotext` without `-layout`) may
//! read each word as a block of its own and give them one to a line:
//! `continued`, `to`, `undermine`, `State`, … A lone `(b)` among them then
//! reads as a list item's label, and each word as a paragraph's text. Such
//! a run, inside a paragraph, is put back on one line.

use super::pages::Src;

/// Words on a run's lines at most this long (characters): longer ones are
/// cells or headings, not a stretched line's words.
const LONGEST_WORD: usize = 30;
/// Lines a run has at least: two words alone on their lines happen in
/// tables; a stretched line has several.
const SHORTEST_RUN: usize = 3;

/// Joins each run of one-word lines that a justified line was read as.
pub(super) fn rejoin(lines: Vec<Src>, full: usize) -> Vec<Src> {
    let runs = stretched_runs(&lines, full);
    if runs.is_empty() {
        return lines;
    }
    let mut out: Vec<Src> = Vec::with_capacity(lines.len());
    let mut runs = runs.into_iter().peekable();
    let mut joined = String::new();
    for (i, line) in lines.into_iter().enumerate() {
        let Some(&(start, end)) = runs.peek() else {
            out.push(line);
            continue;
        };
        if i < start {
            out.push(line);
            continue;
        }
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(line.trimmed());
        if i == start {
            out.push(line);
        }
        if i + 1 == end {
            let text = std::mem::take(&mut joined);
            if let Some(first) = out.last_mut() {
                first.edit(|t| *t = text);
            }
            runs.next();
        }
    }
    out
}

/// The runs (`start..end`) of one-word lines that are stretched lines.
fn stretched_runs(lines: &[Src], full: usize) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let end = run_end(lines, i);
        if end - i >= SHORTEST_RUN && is_stretched_line(lines, i, end, full) {
            runs.push((i, end));
            i = end;
        } else {
            i = end.max(i + 1);
        }
    }
    runs
}

/// The end of the run of one-word lines starting at `i` (`i` itself when
/// `lines[i]` is not one).
fn run_end(lines: &[Src], i: usize) -> usize {
    lines[i..]
        .iter()
        .position(|l| !is_lone_word(l.trimmed()))
        .map_or(lines.len(), |n| i + n)
}

/// A word with a letter in it (figures stand alone in table columns).
fn is_lone_word(t: &str) -> bool {
    !t.is_empty()
        && !t.contains(super::pages::is_space)
        && t.chars().count() <= LONGEST_WORD
        && t.chars().any(char::is_alphabetic)
}

/// Whether the one-word lines `start..end` are one justified line of a
/// paragraph: a full line of prose before them, the paragraph going on
/// after them (a justified line is never a paragraph's last), a small word
/// among them (a column of cells or labels starts each with a capital),
/// and all of them fitting on one line.
fn is_stretched_line(lines: &[Src], start: usize, end: usize, full: usize) -> bool {
    let Some(before) = start.checked_sub(1).map(|k| lines[k].trimmed()) else {
        return false;
    };
    let goes_on = lines.get(end).is_some_and(|l| !l.is_blank());
    let prose_before = before.contains(' ') && before.chars().count() * 5 >= full * 3;
    let small_word = lines[start + 1..end]
        .iter()
        .any(|l| l.trimmed().starts_with(char::is_lowercase));
    let width: usize = lines[start..end]
        .iter()
        .map(|l| l.trimmed().chars().count() + 1)
        .sum();
    goes_on && prose_before && small_word && width <= full
}

#[cfg(test)]
mod tests {
    use super::super::pages::lines_of as lines;
    use super::*;

    fn texts(lines: &[Src]) -> Vec<&str> {
        lines.iter().map(Src::trimmed).collect()
    }

    #[test]
    fn a_stretched_line_read_a_word_to_a_line_is_one_line_again() {
        let out = rejoin(
            lines(&[
                "equipment to include ground transportation, aviation and troop",
                "rotation, strategic communications, information technology, and",
                "geographic",
                "information",
                "system",
                "(GIS)",
                "support;",
                "(b)",
                "the",
                "reimbursement of contingent-owned equipment in line with the",
            ]),
            66,
        );
        assert_eq!(
            texts(&out),
            [
                "equipment to include ground transportation, aviation and troop",
                "rotation, strategic communications, information technology, and",
                "geographic information system (GIS) support; (b) the",
                "reimbursement of contingent-owned equipment in line with the",
            ]
        );
        assert_eq!(
            out[2].no, 3,
            "the joined line keeps its first line's number"
        );
    }

    #[test]
    fn columns_of_cells_and_a_paragraphs_last_words_stay() {
        let table = lines(&[
            "Resources for peacekeeping operations by category of expenditure",
            "Posts",
            "Consultants",
            "Travel",
            "Total",
        ]);
        assert_eq!(rejoin(table.clone(), 66), table, "capitals only: cells");
        let figures = lines(&[
            "The figures for the periods are set out in the table below, with",
            "135",
            "126",
            "135",
            "notes.",
        ]);
        assert_eq!(rejoin(figures.clone(), 66), figures, "figures: a column");
        // The words end the paragraph: its last line is never justified.
        let last = lines(&[
            "The Committee recommends that the General Assembly approve the",
            "proposals",
            "of",
            "the",
            "",
        ]);
        assert_eq!(rejoin(last.clone(), 66), last);
        let too_wide = lines(&[
            "The Committee recommends that the General Assembly approve the",
            "internationalisation",
            "of",
            "comprehensively",
            "reconsidered",
            "responsibilities",
            "Next line",
        ]);
        assert_eq!(rejoin(too_wide.clone(), 66), too_wide, "wider than a line");
    }
}
