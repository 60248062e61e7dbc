//! Logical numbers from the labels Akoma Ntoso `num` elements print, in any
//! of the six languages (`II.`, `二.`, `ثانيا -`, `B.`, `ألف -`, `(c)`,
//! `c)`, `(ج)`, `(iv)`, `'4'`, `Table 3`, `Figure II`, `图二`, `الشكل الثاني`):
//! the inverse of the label functions of [`crate::lang`].

use crate::lang;
use crate::model::ListKind;

/// The label without its punctuation: `(c)` → `c`, `II.` → `II`, `ثانيا -` → `ثانيا`.
fn bare(label: &str) -> &str {
    label
        .trim()
        .trim_end_matches(['.', '-', ' ', '、', ')', '\''])
        .trim_start_matches(['(', '\''])
        .trim()
}

/// A chapter's number: Roman, Chinese, Arabic ordinal or digits.
pub(super) fn chapter(label: &str) -> Option<u32> {
    let b = bare(label);
    lang::parse_roman(b)
        .filter(|_| b.bytes().all(|c| c.is_ascii_uppercase()))
        .or_else(|| lang::parse_chinese_numeral(b))
        .or_else(|| lang::parse_arabic_ordinal(b))
        .or_else(|| lang::parse_digits(b))
}

/// A section's letter (Latin or Arabic) or digits.
pub(super) fn section(label: &str) -> Option<u32> {
    let b = bare(label);
    lang::parse_latin_letter(b)
        .or_else(|| lang::parse_arabic_section(b))
        .or_else(|| lang::parse_digits(b))
}

/// A paragraph's (or level-3 subheading's) number.
pub(super) fn decimal(label: &str) -> Option<u32> {
    lang::parse_digits(bare(label))
}

/// A list item's number for a list of `kind`.
pub(super) fn item(kind: ListKind, label: &str) -> Option<u32> {
    let b = bare(label);
    match kind {
        ListKind::Alpha => lang::parse_latin_letter(b).or_else(|| lang::parse_arabic_letter(b)),
        ListKind::Roman => lang::parse_roman(b).or_else(|| lang::parse_digits(b)),
        ListKind::Decimal => lang::parse_digits(b),
        ListKind::Bullet => None,
    }
}

/// The kind of list whose first item is labelled `first` (`None`: unlabelled).
pub(super) fn list_kind(first: Option<&str>) -> ListKind {
    let Some(label) = first else {
        return ListKind::Bullet;
    };
    let b = bare(label);
    if label.trim_start().starts_with('\'') {
        ListKind::Roman
    } else if lang::parse_digits(b).is_some() {
        ListKind::Decimal
    } else if b == "i" || b == "I" {
        ListKind::Roman
    } else if lang::parse_latin_letter(b).is_some() || lang::parse_arabic_letter(b).is_some() {
        ListKind::Alpha
    } else {
        ListKind::Bullet
    }
}

/// A table's number: the digits of `Table 3`, `表3`, `الجدول 3`.
pub(super) fn table(label: &str) -> Option<u32> {
    let digits: String = label
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// A figure's number: what follows the figure word (`Figure II`, `图二`,
/// `الشكل الثاني`, `Gráfico 12`).
pub(super) fn figure(label: &str) -> Option<u32> {
    let label = label.trim();
    let rest = lang::ALL
        .iter()
        .find_map(|l| label.strip_prefix(l.figure_word()))
        .unwrap_or(label);
    lang::parse_label_number(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{ALL, Lang};

    #[test]
    fn every_language_label_reads_back_as_its_number() {
        for lang in ALL {
            for n in [1, 2, 4, 9, 12] {
                assert_eq!(
                    chapter(&lang.chapter_label(n)),
                    Some(n),
                    "{lang:?} chapter {n}"
                );
                assert_eq!(
                    section(&lang.section_label(n)),
                    Some(n),
                    "{lang:?} section {n}"
                );
                assert_eq!(decimal(&lang.para_label(n)), Some(n), "{lang:?} para {n}");
                assert_eq!(table(&lang.table_label(n)), Some(n), "{lang:?} table {n}");
                assert_eq!(
                    figure(&lang.figure_label(n)),
                    Some(n),
                    "{lang:?} figure {n}"
                );
                for kind in [ListKind::Alpha, ListKind::Roman, ListKind::Decimal] {
                    let label = lang.item_label(kind, n);
                    assert_eq!(item(kind, &label), Some(n), "{lang:?} {kind:?} {n}");
                }
            }
            for kind in [
                ListKind::Alpha,
                ListKind::Roman,
                ListKind::Decimal,
                ListKind::Bullet,
            ] {
                assert_eq!(list_kind(Some(&lang.item_label(kind, 1))), kind, "{lang:?}");
            }
        }
        assert_eq!(decimal(&Lang::Ar.subheading_label(3, 7)), Some(7));
    }
}
