//! Labels raw text (`pdftotext` without `-layout`) reads as a column of
//! their own. Where labels stand one under another in their column with
//! a line of text beside each (an agenda's last item, then a section's
//! label), pdftotext may give the labels first and the texts after them
//! (`3.`, `B.`, `Questions diverses.`, `Résumé des débats`). A run of two
//! or more lone labels followed, on their page, by as many lines without a
//! label, and then by a labelled line or the page's end, is put back label
//! by label (each recorded as a decision); other runs stay as they are.

use super::orphans::labels_moved;
use super::pages::Src;
use crate::read::audit::Decision;
use crate::read::text::classify;

/// The fewest lone labels one under another that are read as a column.
const MIN_RUN: usize = 2;

/// Puts each label of a column read apart back before its text.
pub(super) fn rejoin(lines: Vec<Src>, decisions: &mut Vec<Decision>) -> Vec<Src> {
    let filled: Vec<usize> = (0..lines.len()).filter(|&k| !lines[k].is_blank()).collect();
    let lone = |k: usize| super::lone_labels(lines[filled[k]].trimmed()).is_some();
    let mut moves: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < filled.len() {
        if !lone(k) {
            k += 1;
            continue;
        }
        let start = k;
        let page = lines[filled[start]].page;
        while k < filled.len() && lone(k) && lines[filled[k]].page == page {
            k += 1;
        }
        let run = k - start;
        if run >= MIN_RUN && texts_follow(&lines, &filled, start, run) {
            moves.extend((0..run).map(|i| (filled[start + i], filled[start + run + i])));
            k = start + 2 * run;
        }
    }
    labels_moved(lines, &moves, decisions)
}

/// Whether the `run` non-blank lines after the labels from `filled[start]`
/// on are their texts: on the labels' page, none with a label, and after
/// them a labelled line or the page's end.
fn texts_follow(lines: &[Src], filled: &[usize], start: usize, run: usize) -> bool {
    let page = lines[filled[start]].page;
    let Some(texts) = filled.get(start + run..start + 2 * run) else {
        return false;
    };
    let unlabelled = texts
        .iter()
        .all(|&t| lines[t].page == page && classify(lines[t].trimmed()).is_none());
    let closed = filled
        .get(start + 2 * run)
        .is_none_or(|&a| lines[a].page != page || classify(lines[a].trimmed()).is_some());
    unlabelled && closed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<Src> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Src::new(i as u32 + 1, 0, l.to_string()))
            .collect()
    }

    fn texts(lines: &[Src]) -> Vec<&str> {
        lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.trimmed())
            .collect()
    }

    #[test]
    fn a_column_of_labels_goes_back_label_by_label() {
        let lines = split(
            "2. Adoption of the agenda.\n3.\n\nB.\n\nOther matters.\n\nSummary of the debates\n12. At its 10th meeting, the Working Group adopted its report.",
        );
        let mut decisions = Vec::new();
        let out = rejoin(lines, &mut decisions);
        assert_eq!(
            texts(&out),
            [
                "2. Adoption of the agenda.",
                "3.",
                "Other matters.",
                "B.",
                "Summary of the debates",
                "12. At its 10th meeting, the Working Group adopted its report."
            ]
        );
        assert_eq!(decisions.len(), 2);
    }

    #[test]
    fn labels_whose_texts_do_not_fall_out_stay() {
        // A number before a lettered item's label and text: not a column.
        let nested = "3.\na)\nThe first item.\nb) The second item.\nThe third text.";
        // More texts than labels before the next label: which is whose is unclear.
        let unclear = "3.\nB.\nOther matters.\nSummary of the debates\nA line more.\n12. Text.";
        for text in [nested, unclear] {
            let lines = split(text);
            let mut decisions = Vec::new();
            let out = rejoin(lines.clone(), &mut decisions);
            assert_eq!(texts(&out), texts(&lines), "{text}");
            assert!(decisions.is_empty());
        }
    }
}
