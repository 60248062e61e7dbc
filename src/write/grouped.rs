//! Numbers whose digit groups are set apart by spaces (`3 115`, `8 137.6`,
//! `1 250 000`), as DGACM tables and French, Spanish and Russian text write
//! them: a line never breaks between the groups of one number (no-break
//! and narrow no-break spaces already hold; an ordinary space does not),
//! and in right-to-left text its groups stay in order.

use std::borrow::Cow;
use std::ops::Range;

/// `text` with the spaces between a number's digit groups made no-break
/// spaces, for right-to-left text. There an ordinary space between two
/// numbers takes the paragraph's direction, so `62 554` is shown `554 62`;
/// a no-break space is a common separator, which keeps the number one
/// left-to-right run (the Unicode bidirectional algorithm, rule W4).
pub fn digit_groups_joined(text: &str) -> Cow<'_, str> {
    let mut numbers = Vec::new();
    grouped_numbers(text, 0, &mut numbers);
    if numbers.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + numbers.len() * 2);
    let mut done = 0;
    for number in numbers {
        out.push_str(&text[done..number.start]);
        out.push_str(&text[number.clone()].replace(' ', "\u{a0}"));
        done = number.end;
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// Appends to `out`, in order, the byte ranges (offset by `base`) of the
/// numbers in `text` made of a group of one to three digits followed by
/// groups of three, each after one space. A group of four digits or more
/// before the first space (`2024 100`) is no such number.
pub fn grouped_numbers(text: &str, base: usize, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit() && (i == 0 || !is_word_byte(bytes[i - 1]));
        if !starts_number {
            i += 1;
            continue;
        }
        let lead = digits(bytes, i);
        let mut end = i + lead;
        if lead <= 3 {
            while end < bytes.len()
                && bytes[end] == b' '
                && digits(bytes, end + 1) == 3
                && !bytes.get(end + 4).is_some_and(|&b| b.is_ascii_digit())
            {
                end += 4;
            }
        }
        if end > i + lead {
            out.push(base + i..base + end);
        }
        i = end.max(i + 1);
    }
}

/// The number of ASCII digits from `at`.
fn digits(bytes: &[u8], at: usize) -> usize {
    bytes.get(at..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// Digits, letters and the decimal point and comma: a number that follows
/// one of them is part of something else (`A/80/614`, `2,5 000`).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b',' | b'/')
}

#[cfg(test)]
mod tests {
    use super::{digit_groups_joined, grouped_numbers};

    #[test]
    fn right_to_left_numbers_keep_their_groups_together() {
        assert_eq!(
            digit_groups_joined("بلغ 62 554 و8 137.6 في 2024 100"),
            "بلغ 62\u{a0}554 و8\u{a0}137.6 في 2024 100"
        );
        assert!(matches!(
            digit_groups_joined("المجموع 45"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    fn found(text: &str) -> Vec<&str> {
        let mut ranges = Vec::new();
        grouped_numbers(text, 0, &mut ranges);
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn groups_of_three_after_spaces_make_one_number() {
        assert_eq!(found("3 115"), ["3 115"]);
        assert_eq!(
            found("Approved 8 137.6 and 1 250 000 posts"),
            ["8 137", "1 250 000"]
        );
        assert_eq!(
            found("soit 12 500 personnes, 3 000 de plus"),
            ["12 500", "3 000"]
        );
    }

    #[test]
    fn other_runs_of_digits_are_left_alone() {
        assert!(
            found("in 2024 100 people").is_empty(),
            "a year, then a count"
        );
        assert!(found("paragraphs 3 and 4").is_empty());
        assert!(found("12 1000").is_empty(), "a group of four is no group");
        assert!(found("A/80/614 123").is_empty(), "part of a symbol");
        assert_eq!(found("45 678 9"), ["45 678"], "a short last group ends it");
    }

    #[test]
    fn ranges_are_offset_and_in_order() {
        let mut ranges = Vec::new();
        grouped_numbers("x 1 000 y 2 000", 10, &mut ranges);
        assert_eq!(ranges, [12..17, 20..25]);
    }
}
