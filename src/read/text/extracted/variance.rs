//! Raw text of a budget report's variance tables: one row, its label
//! under one to three column headings that each name a period
//! (`2024/25 variance`, `2025/26 requirements`), each heading over an
//! amount and, most often, its share (`($773.5)` `(12.0%)`). Raw
//! `pdftotext` gives the cells one a line in no fixed order: the label
//! before or after the first heading, a heading among the figures, the
//! figures row by row or amounts first, two figures on one line
//! (`2.5% ($2 033.4)`). The grid is taken only when every line is a
//! heading, the one label or a figure, and the figures fall into one
//! group per heading, each an amount with perhaps its share after it;
//! otherwise the table stays a block (UND019).

use super::cells::Cells;
use super::grid::{Grid, split_figures};
use super::tables::is_figure;

/// The most headings (periods) a variance table has.
const MAX_HEADINGS: usize = 3;

/// The grid of a variance table, and the region's lines it took.
pub(super) fn grid(cells: &Cells) -> Option<(Grid, usize)> {
    let tokens = cells.tokens();
    let (mut headings, mut label, mut figures) = (Vec::new(), Vec::new(), Vec::new());
    let mut label_line = None;
    for (line, t) in tokens {
        if is_figure(t) {
            figures.extend(split_figures(t).into_iter().map(|(_, f)| f));
        } else if names_a_year(t) {
            headings.push(t.as_str());
        } else {
            // A label wrapped over lines that follow each other is one.
            let apart = label_line.is_some_and(|l| l + 1 != *line);
            if apart {
                return None;
            }
            label.push(t.as_str());
            label_line = Some(*line);
        }
    }
    if headings.is_empty() || headings.len() > MAX_HEADINGS || label.is_empty() {
        return None;
    }
    let groups = groups(&figures, headings.len())?;
    let mut head = vec![String::new()];
    let mut row = vec![label.join(" ")];
    for (heading, group) in headings.iter().zip(&groups) {
        head.push(heading.to_string());
        head.extend(group.iter().skip(1).map(|_| "<".to_string()));
        row.extend(group.iter().map(|f| f.to_string()));
    }
    let used = tokens.last().map_or(0, |(line, _)| line + 1);
    Some((
        Grid {
            head,
            body: vec![row],
            ..Grid::default()
        },
        used,
    ))
}

/// Whether a text names a year (`2024/25 variance`, `Écart 2024/25`).
fn names_a_year(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(3)).any(|k| {
        b[k..k + 4].iter().all(u8::is_ascii_digit)
            && (b[k] == b'1' && b[k + 1] == b'9' || b[k] == b'2' && b[k + 1] == b'0')
            && (k == 0 || !b[k - 1].is_ascii_digit())
            && b.get(k + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// The figures as one group per heading, each an amount and perhaps its
/// share: row by row as given, or amounts first (`$147.6 $166.3 6.0%
/// 6.2%`), which a full table of pairs may be read in.
fn groups<'a>(figures: &[&'a str], headings: usize) -> Option<Vec<Vec<&'a str>>> {
    let pair_ok = |p: &Vec<&str>| !is_share(p[0]) && !is_amount_only(p[1]);
    if figures.len() == 2 * headings {
        let as_given: Vec<Vec<&str>> = figures.chunks(2).map(<[&str]>::to_vec).collect();
        let (amounts, shares) = figures.split_at(headings);
        let amounts_first: Vec<Vec<&str>> = amounts
            .iter()
            .zip(shares)
            .map(|(a, s)| vec![*a, *s])
            .collect();
        // Taken only when one reading fits, or both give the same.
        return match (
            as_given.iter().all(pair_ok),
            amounts_first.iter().all(pair_ok),
        ) {
            (true, false) => Some(as_given),
            (false, true) => Some(amounts_first),
            (true, true) if as_given == amounts_first => Some(as_given),
            _ => None,
        };
    }
    if figures.len() < headings || figures.len() > 2 * headings {
        return None;
    }
    // Fewer figures than two a heading: an amount opens each group, a
    // share closes it.
    let mut out: Vec<Vec<&str>> = Vec::new();
    for f in figures {
        match out.last_mut() {
            Some(group) if group.len() == 1 && is_share(f) => group.push(f),
            _ if is_share(f) => return None,
            _ => out.push(vec![f]),
        }
    }
    (out.len() == headings).then_some(out)
}

/// A share: a figure with a per cent sign.
fn is_share(t: &str) -> bool {
    t.contains('%')
}

/// An amount that cannot be a share: it has a currency sign.
fn is_amount_only(t: &str) -> bool {
    t.contains('$')
}
