//! Heading labels that raw text (`pdftotext` without `-layout`) reads
//! apart from their headings. Raw text gives a heading's label alone on
//! its line and the heading's text on the next; but where labels stand in
//! a column of their own, pdftotext may read the label with the column's
//! other labels (`C.` before a list's `a)`), or at the page's foot, in the
//! middle of a paragraph running over the page (`… 但主`, `1.`, `要集中…`).
//! The heading's text then stands alone elsewhere, a short line without
//! label or closing punctuation right above a numbered paragraph. When a
//! page holds exactly one such label and one such text, the label is put
//! back before its text (recorded as a decision); otherwise the lines stay
//! as they are. A label may also be read among a table's cells (`C.`
//! before `Actual value (2024/25)`): when the contents deny that its next
//! line is a heading, it goes to the one text on its page they confirm,
//! or, of several they confirm, to the one right above a numbered
//! paragraph.
//! An annex's or section's label read at the foot of its page (after an
//! organization chart's boxes) goes back to the title at the page's top.

use super::contents::Titles;
use super::pages::Src;
use crate::lang::{CLAUSE_MARKS, FULL_STOPS, QUESTION_EXCLAMATION, ends_with_mark};
use crate::read::audit::{Action, Decision};
use crate::read::text::{Label, classify};

/// Puts each orphan heading label back before its heading's text.
pub(super) fn rejoin(
    lines: Vec<Src>,
    full: usize,
    titles: &Titles,
    decisions: &mut Vec<Decision>,
) -> Vec<Src> {
    let filled: Vec<usize> = (0..lines.len()).filter(|&k| !lines[k].is_blank()).collect();
    let facts: Vec<Facts> = filled
        .iter()
        .map(|&k| Facts::of(lines[k].trimmed()))
        .collect();
    let text = |p: usize| lines[filled[p]].trimmed();
    // Labels at their page's foot are placed first: the title each goes
    // to (the page's first line) is no other label's.
    let at_foot = labels_at_foot(&lines, &filled, &facts, full);
    let claimed = |p: usize| at_foot.iter().any(|&(_, to)| to == p);
    // A heading's text is short, or one the contents list (asked last:
    // the costliest test).
    let texts: Vec<usize> = (0..filled.len())
        .filter(|&p| {
            let t = text(p);
            !claimed(p)
                && is_lone_heading_text(&facts, p, t)
                && (t.chars().count() * 2 <= full || titles.confirm(t))
        })
        .collect();
    // A label whose next line the contents deny is a heading's takes only
    // a text the contents confirm, whatever follows that text; a heading
    // begins with a capital (a table's header cell `efficiency gains`
    // does not).
    let listed: Vec<usize> = (0..filled.len())
        .filter(|&p| {
            let t = text(p);
            !claimed(p)
                && !t.starts_with(char::is_lowercase)
                && is_unlabelled_text(&facts, p, t)
                && titles.confirm(t)
        })
        .collect();
    let denied =
        |p: usize| facts[p].section_label && p + 1 < filled.len() && titles.deny(text(p + 1));
    let orphans: Vec<(usize, bool)> = (0..filled.len())
        .filter_map(|p| {
            if is_orphan(&facts, p, p.checked_sub(1).map(text), full) {
                Some((p, false))
            } else {
                denied(p).then_some((p, true))
            }
        })
        .collect();
    let mut moves = at_foot.clone();
    for &(p, by_contents) in &orphans {
        let page = lines[filled[p]].page;
        let on_page = |q: usize| lines[filled[q]].page == page;
        let placed = at_foot.iter().any(|&(from, _)| from == p);
        if placed {
            continue;
        }
        let here: Vec<(usize, bool)> = orphans
            .iter()
            .copied()
            .filter(|&(q, _)| on_page(q))
            .collect();
        // A title wrapped over two lines is one candidate: its first line.
        // (The pools are in line order.)
        let pool = if by_contents { &listed } else { &texts };
        let wraps = |q: usize| q > 0 && pool.binary_search(&(q - 1)).is_ok();
        let candidates: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|&q| on_page(q) && !wraps(q))
            .collect();
        // Of several texts the contents confirm, the one right above a
        // numbered paragraph, where a heading stands, when only one is
        // (`Efficiency gains` before `40. The cost estimates …`, not the
        // table's header cell `Unencumbered`).
        let above_paragraph: Vec<usize> = if by_contents {
            candidates
                .iter()
                .copied()
                .filter(|q| texts.binary_search(q).is_ok())
                .collect()
        } else {
            Vec::new()
        };
        if let ([_], [q]) = (here.as_slice(), candidates.as_slice()) {
            moves.push((p, *q));
        } else if let ([_], [q]) = (here.as_slice(), above_paragraph.as_slice()) {
            moves.push((p, *q));
        } else if let Some(q) = paired(p, &here, &candidates, &text) {
            // Labels in sequence (`B.`, `C.`) the contents place, each
            // followed by a text they confirm before the next label.
            moves.push((p, q));
        }
    }
    let moved: Vec<usize> = orphans
        .iter()
        .map(|&(p, _)| p)
        .chain(at_foot.iter().map(|&(p, _)| p))
        .collect();
    // A text another label goes to is that label's heading, not a
    // subheading's whose label stray cells kept from it.
    let taken: Vec<usize> = moves.iter().map(|&(_, q)| q).collect();
    moves.extend(
        labels_before_stray_cells(&facts, &text, full)
            .into_iter()
            .filter(|(p, q)| !moved.contains(p) && !taken.contains(q)),
    );
    let moves: Vec<(usize, usize)> = moves
        .into_iter()
        .map(|(p, q)| (filled[p], filled[q]))
        .collect();
    labels_moved(lines, &moves, decisions)
}

/// Each label line `from` placed before its text line `to`, each move
/// recorded as a decision.
pub(super) fn labels_moved(
    lines: Vec<Src>,
    moves: &[(usize, usize)],
    decisions: &mut Vec<Decision>,
) -> Vec<Src> {
    for &(from, to) in moves {
        decisions.push(Decision::new(
            Action::LabelMoved,
            lines[from].no,
            format!("{} {}", lines[from].trimmed(), lines[to].trimmed()),
        ));
    }
    placed_before(lines, moves)
}

/// The text orphan `p` goes to when a page holds several orphans
/// (`here`, in order) placed by the contents: section or chapter labels in
/// sequence (`B.`, `C.`), each followed by a text the contents confirm
/// (`candidates`) before the next label. Each takes the first such text.
/// `None` unless every label of the page finds one.
fn paired<'a>(
    p: usize,
    here: &[(usize, bool)],
    candidates: &[usize],
    text: &impl Fn(usize) -> &'a str,
) -> Option<usize> {
    if here.len() < 2 || !here.iter().all(|&(_, by)| by) {
        return None;
    }
    // A letter that is also a Roman numeral (`C.`) is read as a section's.
    let section_first = |t: &str| {
        let (readings, _) = classify(&format!("{t} Text"))?;
        readings
            .iter()
            .copied()
            .find(|l| matches!(l, Label::Section(_)))
            .or(readings.first().copied())
    };
    let labels: Vec<Label> = here
        .iter()
        .map(|&(q, _)| section_first(text(q)))
        .collect::<Option<_>>()?;
    let in_sequence = labels.windows(2).all(|w| match (w[0], w[1]) {
        (Label::Section(a), Label::Section(b)) | (Label::Chapter(a), Label::Chapter(b)) => {
            b == a + 1
        }
        _ => false,
    });
    if !in_sequence {
        return None;
    }
    let texts: Vec<usize> = here
        .iter()
        .enumerate()
        .map(|(i, &(label, _))| {
            let next = here.get(i + 1).map_or(usize::MAX, |&(n, _)| n);
            candidates.iter().copied().find(|&q| label < q && q < next)
        })
        .collect::<Option<_>>()?;
    here.iter().position(|&(q, _)| q == p).map(|i| texts[i])
}

/// `lines` with each `(from, to)` line taken out and put right before
/// line `to`, wherever that line goes itself (indices into `lines` as
/// given, so that moves never see each other's shifts; two labels before
/// one line keep their order).
pub(super) fn placed_before(lines: Vec<Src>, moves: &[(usize, usize)]) -> Vec<Src> {
    if moves.is_empty() {
        return lines;
    }
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); lines.len()];
    let mut taken = vec![false; lines.len()];
    for &(from, to) in moves {
        if !taken[from] {
            taken[from] = true;
            before[to].push(from);
        }
    }
    /// Line `i`, after the lines placed before it.
    fn place(i: usize, before: &[Vec<usize>], slots: &mut [Option<Src>], out: &mut Vec<Src>) {
        for &from in &before[i] {
            place(from, before, slots, out);
        }
        out.extend(slots[i].take());
    }
    let mut slots: Vec<Option<Src>> = lines.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for i in (0..slots.len()).filter(|&i| !taken[i]) {
        place(i, &before, &mut slots, &mut out);
    }
    // Only lines moved before each other in a circle are left: kept, in order.
    out.extend(slots.into_iter().flatten());
    out
}

/// The most of a table's cells pdftotext may read between a subheading's
/// label and its text (header cells set beside the heading, as `2022`
/// and `Change` over a table ending just above `2. Extrabudgetary
/// resources`).
const MAX_STRAY_CELLS: usize = 3;

/// Subheading labels (`2.`) read before a few of the table's cells above
/// them, their text after those cells and right above a numbered
/// paragraph: each (label, text) as indices into the filled lines. The
/// cells are short unlabelled lines; the text a short line of words that
/// begins with a capital and ends no sentence.
fn labels_before_stray_cells<'a>(
    facts: &[Facts],
    text: &impl Fn(usize) -> &'a str,
    full: usize,
) -> Vec<(usize, usize)> {
    let short = |t: &str| t.chars().count() * 2 <= full;
    let mut moves = Vec::new();
    for p in 0..facts.len() {
        if !facts[p].decimal_label {
            continue;
        }
        let stray = |q: usize| !facts[q].labelled && !facts[q].lone && short(text(q));
        let cells = (p + 1..facts.len())
            .take(MAX_STRAY_CELLS + 1)
            .take_while(|&q| stray(q) && !is_lone_heading_text(facts, q, text(q)))
            .count();
        let q = p + 1 + cells;
        let heading = |t: &str| short(t) && t.starts_with(char::is_uppercase);
        let found = (1..=MAX_STRAY_CELLS).contains(&cells)
            && q < facts.len()
            && heading(text(q))
            && is_lone_heading_text(facts, q, text(q));
        if found {
            moves.push((p, q));
        }
    }
    moves
}

/// Heading labels read at the foot of their page, each with the page's
/// first line, an unlabelled title, that it goes back before: an annex's
/// (`Annex` after the organization chart's title and boxes: pdftotext
/// reads a landscape page in its own order) or a section's (`C.` after a
/// chart's boxes, its title `Substantive (2025/26 approved)` at the top).
/// A label and its title share a line on the page, so a label last on its
/// page, with no title after it, was read out of place. Only the page's
/// last line moves, and only where it is the page's one label alone on a
/// line; a section's title must also be short and begin with a capital.
/// As indices into `filled`.
fn labels_at_foot(
    lines: &[Src],
    filled: &[usize],
    facts: &[Facts],
    full: usize,
) -> Vec<(usize, usize)> {
    let is_annex = |k: usize| matches!(classify(lines[k].trimmed()), Some((labels, at)) if matches!(labels[0], Label::Annex(_)) && at >= lines[k].trimmed().len());
    let mut moves = Vec::new();
    for (p, &k) in filled.iter().enumerate() {
        let page = lines[k].page;
        let last_on_page = filled.get(p + 1).is_none_or(|&n| lines[n].page != page);
        // Only a page's last line is asked its label (classifying every
        // line again would double the pass).
        if !last_on_page {
            continue;
        }
        let annex = is_annex(k);
        if !(annex || facts[p].section_label) {
            continue;
        }
        let earlier = (0..p)
            .rev()
            .take_while(|&q| lines[filled[q]].page == page)
            .collect::<Vec<_>>();
        let Some(&top) = earlier.last() else {
            continue;
        };
        let title = lines[filled[top]].trimmed();
        // The page's one annex label; a section's, its one label alone.
        let alone = !earlier
            .iter()
            .any(|&q| is_annex(filled[q]) || (!annex && facts[q].lone));
        // A title may end in a parenthesis it opens (`Support (2025/26
        // approved)`); a sentence may not.
        let parenthesised = title.ends_with(')') && title.contains('(');
        let ends = ends_sentence(title) && !parenthesised;
        let after_label = top.checked_sub(1).is_some_and(|q| facts[q].lone);
        let fits = annex
            || (title.chars().count() * 2 <= full
                && title.starts_with(char::is_uppercase)
                && !after_label
                && !facts[top].labelled);
        if alone && fits && classify(title).is_none() && !ends {
            moves.push((p, top));
        }
    }
    moves
}

/// What the rules ask of a line's label, worked out once a line: a text
/// has thousands of lines, and each rule looks at a line's neighbours.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    /// A label alone on its line (`C.`, `3.`, `a)`).
    lone: bool,
    /// A chapter's, section's or decimal label alone on its line.
    heading_label: bool,
    /// A chapter's or section's label alone on its line.
    section_label: bool,
    /// A decimal label alone on its line (`2.`: a subheading's or a
    /// paragraph's).
    decimal_label: bool,
    /// The line begins with a label.
    labelled: bool,
    /// The line begins with a decimal label (a numbered paragraph).
    numbered: bool,
}

impl Facts {
    fn of(t: &str) -> Facts {
        let own = classify(t).map(|(labels, _)| labels[0]);
        let alone = super::lone_label(t);
        Facts {
            lone: alone.is_some(),
            heading_label: matches!(
                alone,
                Some(Label::Chapter(_) | Label::Section(_) | Label::Decimal(_))
            ),
            section_label: matches!(alone, Some(Label::Chapter(_) | Label::Section(_))),
            decimal_label: matches!(alone, Some(Label::Decimal(_))),
            labelled: own.is_some(),
            numbered: matches!(own, Some(Label::Decimal(_))),
        }
    }
}

/// A heading's label alone on its line (`C.`, `1.`) with its text not
/// after it: the next line is another label alone (`a)`), or the label
/// stands in a sentence, between a full line (`prev`) that does not end
/// it and an unlabelled line.
fn is_orphan(facts: &[Facts], p: usize, prev: Option<&str>, full: usize) -> bool {
    if !facts[p].heading_label {
        return false;
    }
    let next = facts.get(p + 1);
    let before_label = next.is_some_and(|n| n.lone);
    let in_sentence = prev.is_some_and(|prev| {
        prev.chars().count() * 5 >= full * 4 && !ends_sentence(prev) && !facts[p - 1].labelled
    }) && next.is_some_and(|n| !n.labelled && !n.lone);
    before_label || in_sentence
}

/// Whether `t` ends a sentence, before any footnote mark put back after
/// it (`… prevención.[^1]`).
pub(super) fn ends_sentence(t: &str) -> bool {
    let t = without_note_mark(t);
    ends_with_mark(t, &[&FULL_STOPS, &CLAUSE_MARKS, &QUESTION_EXCLAMATION])
        || t.ends_with([')', '）'])
}

/// `t` without a footnote mark at its end (`[^12]`).
fn without_note_mark(t: &str) -> &str {
    t.strip_suffix(']')
        .and_then(|rest| rest.rsplit_once("[^"))
        .filter(|(_, digits)| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .map_or(t, |(text, _)| text)
}

/// A heading's text standing without its label: an unlabelled line `t`,
/// no sentence's end, not a figure, not the text of a label alone on the
/// line before, right above a numbered paragraph (`14. Asistieron …`).
fn is_lone_heading_text(facts: &[Facts], p: usize, t: &str) -> bool {
    // Raw text may set the paragraph's number alone on its line.
    let before_para = facts
        .get(p + 1)
        .is_some_and(|n| n.numbered || n.decimal_label);
    before_para && is_unlabelled_text(facts, p, t)
}

/// A line of words that could be a heading's text without its label: no
/// label of its own nor alone on the line before, no sentence's end, not a
/// table's or figure's source line (`Source: …`, which also ends no
/// sentence right above a paragraph).
fn is_unlabelled_text(facts: &[Facts], p: usize, t: &str) -> bool {
    let worded = t.chars().any(char::is_alphabetic);
    let after_label = p.checked_sub(1).is_some_and(|q| facts[q].lone);
    worded
        && !after_label
        && !facts[p].labelled
        && !ends_sentence(t)
        && !t.ends_with([',', '，'])
        && !super::tables::is_source(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::extracted::pages::{filled_texts, split};

    fn rejoined(text: &str) -> Vec<String> {
        filled_texts(&rejoin(
            split(text),
            80,
            &Titles::default(),
            &mut Vec::new(),
        ))
    }

    /// Moves are made on the lines as given: one never shifts another's
    /// lines, and two labels before one line keep their order.
    #[test]
    fn moves_are_made_on_the_lines_as_given() {
        let lines = split("T1\nL1\nT2\nL2\nL3\n");
        let placed = placed_before(lines, &[(4, 0), (1, 2), (3, 0)]);
        let texts: Vec<&str> = placed.iter().map(Src::trimmed).collect();
        assert_eq!(texts, ["L3", "L2", "T1", "L1", "T2"]);
        // A label goes with the line it is put before, wherever that goes.
        let lines = split("T1\nT2\nL1\nL2\n");
        let placed = placed_before(lines, &[(2, 1), (1, 0), (3, 2)]);
        let texts: Vec<&str> = placed.iter().map(Src::trimmed).collect();
        assert_eq!(texts, ["L2", "L1", "T2", "T1"]);
    }

    /// A page whose section label `C.` pdftotext read with the list's
    /// labels, before its first item.
    const LABEL_WITH_THE_LIST: &str = "3.\nExamination of the responses of criminal justice to crimes that affect\nthe environment:\n\nC.\n\na)\n\nNational legal frameworks;\n\nb)\n\nInternational cooperation.\n\n4.\n\nOther matters.\n\nAttendance\n14. The meeting was attended by experts from 78 Member States.\n";

    #[test]
    fn a_section_label_read_with_a_lists_labels_goes_back_before_its_heading() {
        let lines = rejoined(LABEL_WITH_THE_LIST);
        let at = lines.iter().position(|l| l == "C.").expect("the label");
        assert_eq!(lines[at - 1], "Other matters.");
        assert_eq!(lines[at + 1], "Attendance");
        assert!(lines[at + 2].starts_with("14. "), "{lines:?}");
    }

    #[test]
    fn an_orphan_label_with_two_headings_to_choose_from_stays() {
        let text = LABEL_WITH_THE_LIST.replace(
            "4.\n\nOther matters.\n",
            "Participation\n13. The meeting was opened by the Chair.\n",
        );
        let lines = rejoined(&text);
        let at = lines.iter().position(|l| l == "C.").expect("the label");
        assert_eq!(lines[at + 1], "a)");
    }

    /// A figure's source line above a paragraph ends no sentence either,
    /// but is no heading: the one heading on the page still takes the label.
    #[test]
    fn a_source_line_is_no_heading_for_an_orphan_label() {
        let text = LABEL_WITH_THE_LIST.replace(
            "3.\n",
            "Figure II\nGeneral debate\n\nSource: Human Rights Council\n2. The Chair opened the meeting.\n3.\n",
        );
        let lines = rejoined(&text);
        let at = lines.iter().position(|l| l == "C.").expect("the label");
        assert_eq!(lines[at + 1], "Attendance", "{lines:?}");
    }

    /// A section label after a paragraph ending with a footnote's mark
    /// (`prevención.[^1]`) is followed by its heading: it is no orphan, so
    /// the page's one orphan, `C.` read before a list's numbers, goes to
    /// its heading, right above a paragraph number alone on its line.
    #[test]
    fn a_label_after_a_note_mark_stays_and_the_pages_orphan_finds_its_heading() {
        let text = "prestaran especial atención a la participación de las comunidades en la prevención.[^1]\nB.\n\nOrganización de la reunión\n4.\nTras sus deliberaciones, el Grupo aprobó lo siguiente:\n1.\n\nAprobación del informe.\n\nC.\n\n2.\n\nApertura de la reunión.\n\nRecomendaciones\n5.\nAlgunos oradores observaron que la legislación seguía siendo insuficiente.\n";
        let lines = rejoined(text);
        let b = lines.iter().position(|l| l == "B.").expect("B.");
        assert_eq!(lines[b + 1], "Organización de la reunión", "{lines:?}");
        let c = lines.iter().position(|l| l == "C.").expect("C.");
        assert_eq!(lines[c + 1], "Recomendaciones", "{lines:?}");
        assert_eq!(lines[c + 2], "5.", "{lines:?}");
    }

    /// The foot of a table whose header cells pdftotext read after its
    /// rows, across the subheading under the table.
    const LABEL_AMONG_HEADER_CELLS: &str = "Table 2\nResources, by source of funds\n\nExpenditure\nSource of funds\n\n2024\n\nRegular budget\n\n18.2\n\n19.0\n\nTotal\n\n2.\n\n2022\n\nChange\n\nExtrabudgetary resources\n15. Several innovative financing approaches have emerged.\n";

    #[test]
    fn a_subheading_label_read_before_a_tables_header_cells_goes_to_its_text() {
        let lines = rejoined(LABEL_AMONG_HEADER_CELLS);
        let at = lines.iter().position(|l| l == "2.").expect("the label");
        assert_eq!(lines[at - 2..at], ["2022", "Change"], "{lines:?}");
        assert_eq!(lines[at + 1], "Extrabudgetary resources");
    }

    #[test]
    fn a_label_before_cells_and_a_sentence_or_lower_case_text_stays() {
        for (from, to) in [
            ("Extrabudgetary resources\n", "Extrabudgetary resources.\n"),
            ("Extrabudgetary resources\n", "extrabudgetary resources\n"),
            ("2022\n\nChange\n", "2022\n\nChange\n\nAmount\n\nShare\n"),
        ] {
            let lines = rejoined(&LABEL_AMONG_HEADER_CELLS.replace(from, to));
            let at = lines.iter().position(|l| l == "2.").expect("the label");
            assert_eq!(lines[at + 1], "2022", "{to}: {lines:?}");
        }
    }

    #[test]
    fn a_label_in_a_sentence_running_over_a_page_goes_back_to_its_heading() {
        let text = "A. Main challenges\nFunding\n11. Insufficient funding remains the main obstacle to restoring\necosystems in drylands: the funds fall short of what the targets require, and\n\n1.\n\u{c}\nmost of it comes as short-term projects.\n2.\n\nClimate change\n12. Climate change adds to the uncertainty.\n";
        let lines = rejoined(text);
        let at = lines.iter().position(|l| l == "1.").expect("the label");
        assert_eq!(lines[at + 1], "Funding");
        assert_eq!(lines[at - 1], "A. Main challenges");
    }
}
