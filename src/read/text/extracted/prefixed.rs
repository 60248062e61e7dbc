//! Paragraphs numbered with their budget section's prefix. The fascicles
//! of the proposed programme budget (`A/80/6 (Sect. 29)`, `… (Sect. 29A)`)
//! number their paragraphs `29.1`, `29.2` … and their tables `Table 29.1`.
//! The model numbers paragraphs 1, 2, 3 …, as the Word reader reads such
//! a file: each label that continues the sequence is read as the
//! paragraph's number, the prefix dropped (the line keeps its width, so
//! `-layout` columns stay where they were), with one warning. Without the
//! section in the symbol nothing is changed: `29.1` may be a figure.

use super::Src;
use crate::diagnostic::{Code, Diagnostic};
use crate::lang;

/// How far past the last number a prefixed label may go (a paragraph lost
/// to a table kept as a block), as paragraphs themselves may.
const JUMP: u32 = 3;

/// The section of a budget fascicle's symbol: `29` of `A/80/6 (Sect. 29)`.
pub(super) fn section_of(symbol: &str) -> Option<&str> {
    let rest = &symbol[symbol.find("(Sect.")? + "(Sect.".len()..];
    let section = rest.trim_start().split(')').next()?.trim();
    let valid = section.starts_with(|c: char| c.is_ascii_digit())
        && section.len() <= 4
        && section.chars().all(|c| c.is_ascii_alphanumeric());
    valid.then_some(section)
}

/// Reads the section-prefixed numbers of paragraphs and table captions in
/// `lines` as plain numbers; returns the warning, when there were any.
pub(super) fn strip(lines: &mut [Src], symbol: Option<&str>) -> Option<Diagnostic> {
    let section = symbol.and_then(section_of)?;
    let prefix = format!("{section}.");
    let mut last = 0;
    let mut first_at = None;
    for line in lines.iter_mut() {
        let t = line.trimmed();
        if let Some((n, len)) = prefixed_label(t, &prefix)
            && n > last
            && n <= last + JUMP
            && (last > 0 || n == 1)
        {
            let at = line.text.len() - line.text.trim_start().len();
            // Padded where text follows on the line, to keep its column.
            let plain = if t.len() == len {
                format!("{n}.")
            } else {
                format!("{:<len$}", format!("{n}."))
            };
            line.edit(|text| text.replace_range(at..at + len, &plain));
            last = n;
            first_at.get_or_insert(line.no);
        } else if let Some((word, len)) = prefixed_caption(t, &prefix) {
            let at = line.text.len() - line.text.trim_start().len() + word;
            line.edit(|text| text.replace_range(at..at + len, ""));
        }
    }
    let line = first_at?;
    Some(Diagnostic::new(
        Code::Structure,
        crate::model::Span::new(line, 1),
        crate::read::section_prefix_warning(&prefix),
    ))
}

/// `29.7` and what follows it (a space, or nothing: raw text sets the
/// label alone): the number and the label's length in bytes.
fn prefixed_label(t: &str, prefix: &str) -> Option<(u32, usize)> {
    let rest = t.strip_prefix(prefix)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    let ends = after.is_empty() || after.starts_with(char::is_whitespace);
    if digits == 0 || digits > 4 || !ends {
        return None;
    }
    Some((rest[..digits].parse().ok()?, prefix.len() + digits))
}

/// `Table 29.4`: where the prefix starts after the table word, and its
/// length, so that the caption reads `Table 4`.
fn prefixed_caption(t: &str, prefix: &str) -> Option<(usize, usize)> {
    lang::ALL.iter().find_map(|l| {
        let rest = t.strip_prefix(l.table_word())?;
        let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        let number = rest[spaces..].split(char::is_whitespace).next()?;
        prefixed_label(number.trim_end_matches(['.', ':']), prefix)
            .map(|_| (l.table_word().len() + spaces, prefix.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_section_comes_from_a_fascicles_symbol() {
        assert_eq!(section_of("A/80/6 (Sect. 29)"), Some("29"));
        assert_eq!(section_of("A/80/6 (Sect. 29A)"), Some("29A"));
        assert_eq!(section_of("A/80/6 (Introduction)"), None);
        assert_eq!(section_of("A/80/600"), None);
    }

    fn lines(texts: &[&str]) -> Vec<Src> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Src::new(i as u32 + 1, 1, t.to_string()))
            .collect()
    }

    #[test]
    fn prefixed_numbers_in_sequence_lose_their_prefix_and_keep_their_width() {
        let mut l = lines(&[
            "      29.1   The overall purpose of section 29 is",
            "             to enhance accountability, as in",
            "29.5 per cent of the cases.",
            "      29.2   The departments derive their mandates.",
            "29.3",
            "Details are contained in subsections 29A to 29F.",
            "           Table 29.4",
            "           Table 29.5: Resources",
        ]);
        let warning = strip(&mut l, Some("A/80/6 (Sect. 29)")).expect("a warning");
        assert_eq!(warning.code, Code::Structure);
        assert_eq!(warning.span.line, 1);
        let texts: Vec<&str> = l.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "      1.     The overall purpose of section 29 is",
                "             to enhance accountability, as in",
                "29.5 per cent of the cases.",
                "      2.     The departments derive their mandates.",
                "3.",
                "Details are contained in subsections 29A to 29F.",
                "           Table 4",
                "           Table 5: Resources",
            ]
        );
    }

    #[test]
    fn without_the_section_in_the_symbol_nothing_changes() {
        let mut l = lines(&["29.1 The first.", "29.2 The second."]);
        assert!(strip(&mut l, Some("A/80/600")).is_none());
        assert!(strip(&mut l, None).is_none());
        assert_eq!(l[0].text, "29.1 The first.");
        // A sequence must open at 1.
        let mut l = lines(&["29.4 per cent of the posts.", "29.5 The second."]);
        assert!(strip(&mut l, Some("A/80/6 (Sect. 29)")).is_none());
        assert_eq!(l[1].text, "29.5 The second.");
    }
}
