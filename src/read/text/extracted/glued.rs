//! Paragraph numbers glued to their text. A PDF whose number is wider than
//! the room its tab leaves (three digits in a narrow hanging indent, or a
//! substitute font) extracts as `100.For the period`, no space between.
//! Such a number is the paragraph's when it is the next of the document's
//! running sequence; a space is put back so that every later pass (tables,
//! lists, joined lines) reads it as the label it is. Any other `12.Text`
//! (a figure, an abbreviation) is left as it stands.

use super::{Src, decimal_label};

/// Separates each glued number that continues the paragraph sequence;
/// returns how many were separated.
pub(super) fn separate(lines: &mut [Src]) -> usize {
    let mut last: Option<u32> = None;
    let mut separated = 0;
    for line in lines.iter_mut() {
        // Both kinds of line open with a digit: others are passed cheaply.
        if !line.trimmed().starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // A label alone on its line (raw text sets `104.` apart from its
        // text) counts as one with its text, once the sequence has begun
        // (`2027.` alone ends a sentence).
        let lone = || last.and(lone_number(line.trimmed()));
        if let Some(n) = decimal_label(line.trimmed()).or_else(lone) {
            if last.is_none_or(|l| n == l + 1) {
                last = Some(n);
            }
            continue;
        }
        let Some((n, digits)) = glued(line.trimmed()) else {
            continue;
        };
        if last.is_some_and(|l| n == l + 1) {
            let at = line.text.len() - line.text.trim_start().len() + digits + 1;
            line.edit(|text| text.insert(at, ' '));
            last = Some(n);
            separated += 1;
        }
    }
    separated
}

/// `104.` alone: a paragraph's number set apart from its text.
fn lone_number(t: &str) -> Option<u32> {
    numbered(t)
        .filter(|(_, rest)| rest.is_empty())
        .map(|(n, _)| n)
}

/// `12.Text`: the number and its digits' length, when a capital letter
/// follows the full stop directly.
fn glued(t: &str) -> Option<(u32, usize)> {
    let (n, rest) = numbered(t)?;
    rest.chars().next().filter(|c| c.is_uppercase())?;
    Some((n, t.len() - rest.len() - 1))
}

/// A paragraph's number (one to four digits, no leading zero) and its
/// full stop at the start of `t`, and what follows the stop.
fn numbered(t: &str) -> Option<(u32, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 || t.starts_with('0') {
        return None;
    }
    let rest = t[digits..].strip_prefix('.')?;
    Some((t[..digits].parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::super::pages::lines_of as lines;
    use super::*;

    #[test]
    fn the_next_number_glued_to_its_text_is_separated() {
        let mut ls = lines(&[
            "           99. For the 2025/26 period, the requirements cover",
            "           medical services.",
            "           100.For the 2026/27 period, the increased requirements",
            "           101.The increased requirements are offset in part",
            "102.Ниже приводится",
        ]);
        assert_eq!(separate(&mut ls), 3);
        assert_eq!(
            ls[2].trimmed(),
            "100. For the 2026/27 period, the increased requirements"
        );
        assert_eq!(
            ls[3].trimmed(),
            "101. The increased requirements are offset in part"
        );
        assert_eq!(ls[4].trimmed(), "102. Ниже приводится");
        assert_eq!(ls[3].indent(), 11);
    }

    #[test]
    fn a_label_alone_on_its_line_counts_in_the_sequence() {
        // Raw text sets `104.` apart from its text; `105.` glued after it.
        let mut ls = lines(&[
            "2027.",
            "99. The ninety-ninth paragraph.",
            "100.",
            "For the 2025/26 period, the requirements cover",
            "101.",
            "The other requirements.",
            "102.",
            "The requirements.",
            "103.",
            "For the 2026/27 period, the reduced requirements are",
            "104.",
            "The reduced requirements are offset in part.",
            "IV. Actions to be taken by the General Assembly",
            "105.The actions to be taken by the General Assembly in",
        ]);
        assert_eq!(separate(&mut ls), 1);
        assert_eq!(
            ls[13].trimmed(),
            "105. The actions to be taken by the General Assembly in"
        );
    }

    #[test]
    fn other_glued_numbers_stand() {
        let mut ls = lines(&[
            "4. The Committee recalls",
            // Not the next number: a figure, a reference.
            "7.The text",
            "5.million dollars",
            "05.Total",
            "12345.Net",
            "5. The next paragraph",
        ]);
        assert_eq!(separate(&mut ls), 0);
        assert_eq!(ls[1].trimmed(), "7.The text");
        assert_eq!(ls[2].trimmed(), "5.million dollars");
        // No sequence yet: nothing to continue.
        let mut first = lines(&["1.Introduction"]);
        assert_eq!(separate(&mut first), 0);
    }
}
