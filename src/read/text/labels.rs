//! Recognising the label that starts a line (`II.`, `二.`, `ثانيا -`, `B.`,
//! `4.`, `30 -`, `(a)`, `a)`, `(أ)`, `(iv)`, `Annex I`, `[^1]:`) in any of
//! the six languages. A label can be read more than one way (`C.` is chapter
//! 100 or section C; `(i)` is item 9 or roman item 1): every reading is
//! returned and the structure builder picks one from context.

use crate::lang;
use crate::model::ListKind;
use crate::read::window;
use crate::script::is_ideographic;

/// One reading of a line's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Chapter `n` (`I.`, `一.`, `أولا -`).
    Chapter(u32),
    /// Section `n` (`A.`, `ألف -`).
    Section(u32),
    /// Paragraph or decimal list item `n` (`4.`, `30 -`).
    Decimal(u32),
    /// A decimal label whose number is too large for any paragraph or item
    /// (over 4,294,967,295): still a numbered paragraph, reported where it stands.
    TooLarge,
    /// Lettered item `n` (`(a)`, `a)`, `(أ)`).
    Alpha(u32),
    /// Roman-numbered item `n` (`(i)`, `i)`, Arabic `'1'`).
    Roman(u32),
    /// An annex, numbered or not (`Annex`, `Annex II`, `附件一`).
    Annex(Option<u32>),
    /// A footnote definition `[^n]: text`.
    Note(u32),
}

impl Label {
    /// Whether this label starts a heading (chapter, section or annex).
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Label::Chapter(_) | Label::Section(_) | Label::Annex(_)
        )
    }

    /// The lettered readings among `labels` (`(i)` is roman 1 or letter 9),
    /// as list kinds and numbers.
    pub fn lettered_readings(labels: &[Label]) -> Vec<(ListKind, u32)> {
        labels
            .iter()
            .filter_map(|l| match l {
                Label::Alpha(n) => Some((ListKind::Alpha, *n)),
                Label::Roman(n) => Some((ListKind::Roman, *n)),
                _ => None,
            })
            .collect()
    }
}

/// The readings of the label at the start of `text` and the byte offset of
/// the text after it; `None` when the line has no label.
pub fn classify(text: &str) -> Option<(Vec<Label>, usize)> {
    // A line beginning with a small Latin letter (most of a paragraph's
    // lines) can only be an item's label (`a)`, `iv)`): asked first, as
    // every pass over the text asks for every line's label.
    if text.starts_with(|c: char| c.is_ascii_lowercase()) {
        return parenthesised(text);
    }
    annex(text)
        .or_else(|| note(text))
        .or_else(|| chinese_chapter(text))
        .or_else(|| arabic_heading(text))
        .or_else(|| latin_heading(text))
        .or_else(|| decimal(text))
        .or_else(|| parenthesised(text))
}

fn rest_after(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    (!trimmed.is_empty()).then_some(text.len() - trimmed.len())
}

fn annex(text: &str) -> Option<(Vec<Label>, usize)> {
    let t = text.trim();
    if t.len() > 120 {
        return None;
    }
    for word in ["Annex", "Annexe", "Anexo", "Приложение", "المرفق"] {
        if let Some(rest) = t.strip_prefix(word) {
            let rest = rest.trim();
            if rest.is_empty() {
                return Some((vec![Label::Annex(None)], text.len()));
            }
            if !rest.starts_with(' ') && !t[word.len()..].starts_with(' ') {
                continue;
            }
            let n = lang::parse_roman(rest)
                .filter(|_| rest.bytes().all(|b| b.is_ascii_uppercase()))
                .or_else(|| lang::parse_arabic_ordinal(rest))
                .or_else(|| rest.strip_prefix("ال").and_then(arabic_annex_ordinal))?;
            return Some((vec![Label::Annex(Some(n))], text.len()));
        }
    }
    let rest = t.strip_prefix("附件")?;
    if rest.is_empty() {
        return Some((vec![Label::Annex(None)], text.len()));
    }
    let n = lang::parse_chinese_numeral(rest)?;
    Some((vec![Label::Annex(Some(n))], text.len()))
}

/// `الأول`, `الثاني` … as used after `المرفق`.
fn arabic_annex_ordinal(s: &str) -> Option<u32> {
    const WORDS: [&str; 10] = [
        "أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر",
    ];
    WORDS.iter().position(|w| *w == s).map(|i| i as u32 + 1)
}

fn note(text: &str) -> Option<(Vec<Label>, usize)> {
    let rest = text.strip_prefix("[^")?;
    let close = window(rest, 12).find("]:")?;
    let n: u32 = rest[..close].parse().ok()?;
    let at = 2 + close + 2;
    Some((
        vec![Label::Note(n)],
        rest_after(text, at).unwrap_or(text.len()),
    ))
}

fn chinese_chapter(text: &str) -> Option<(Vec<Label>, usize)> {
    let digits_end = text
        .char_indices()
        .find(|(_, c)| !"一二三四五六七八九十".contains(*c))
        .map_or(text.len(), |(i, _)| i);
    if digits_end == 0 {
        return None;
    }
    let n = lang::parse_chinese_numeral(&text[..digits_end])?;
    let sep = text[digits_end..].chars().next()?;
    if !matches!(sep, '.' | '、' | '．') {
        return None;
    }
    let at = rest_after(text, digits_end + sep.len_utf8())?;
    Some((vec![Label::Chapter(n)], at))
}

/// After an Arabic label: optional spaces, a dash, then the text.
fn after_arabic_dash(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].trim_start_matches(['\u{064B}', ' ', '\u{a0}']);
    let dash = rest.chars().next()?;
    if !matches!(dash, '-' | '–' | '—') {
        return None;
    }
    let after = &rest[dash.len_utf8()..];
    if !after.starts_with([' ', '\u{a0}']) {
        return None;
    }
    rest_after(text, text.len() - after.len())
}

fn is_any_digit(c: char) -> bool {
    lang::digit_value(c).is_some()
}

/// The reading of a run of digits: its number, or [`Label::TooLarge`] when
/// it is past `u32::MAX` (the same rule for every length of number).
fn number_label(digits: &str) -> Label {
    let mut n: u32 = 0;
    for c in digits.chars() {
        let next = lang::digit_value(c).and_then(|d| n.checked_mul(10)?.checked_add(d));
        match next {
            Some(next) => n = next,
            None => return Label::TooLarge,
        }
    }
    Label::Decimal(n)
}

/// `30 - text` or `٣ - text`: digits (read to their end, however many),
/// then a dash.
fn arabic_decimal(text: &str) -> Option<(Vec<Label>, usize)> {
    let end = text
        .char_indices()
        .find(|&(_, c)| !is_any_digit(c))
        .map_or(text.len(), |(i, _)| i);
    let digits = &text[..end];
    if digits.is_empty() {
        return None;
    }
    let dash_follows = text[end..]
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(['-', '–', '—']);
    if !(dash_follows || digits.chars().any(|c| !c.is_ascii_digit())) {
        return None;
    }
    Some((vec![number_label(digits)], after_arabic_dash(text, end)?))
}

fn arabic_heading(text: &str) -> Option<(Vec<Label>, usize)> {
    if text.starts_with(is_any_digit) {
        return arabic_decimal(text);
    }
    // Chapter ordinals and section names are Arabic words: any other line
    // is turned away here, before its words are looked up.
    if !text.starts_with(crate::script::is_arabic) {
        return None;
    }
    let dash = window(text, 64).find([' ', '-', '–', '—'])?;
    // Two-word ordinals (`حادي عشر`) need the first two words.
    let words: Vec<&str> = text.split(' ').take(2).collect();
    if words.len() == 2 {
        let two = format!("{} {}", words[0], words[1]);
        if let Some(n) = lang::parse_arabic_ordinal(&two)
            && let Some(at) = after_arabic_dash(text, two.len())
        {
            return Some((vec![Label::Chapter(n)], at));
        }
    }
    let word = &text[..dash];
    if let Some(n) = lang::parse_arabic_ordinal(word) {
        return Some((vec![Label::Chapter(n)], after_arabic_dash(text, dash)?));
    }
    if let Some(n) = lang::parse_arabic_section(word) {
        return Some((vec![Label::Section(n)], after_arabic_dash(text, dash)?));
    }
    None
}

fn latin_heading(text: &str) -> Option<(Vec<Label>, usize)> {
    // A Roman number or a capital letter: a line starting otherwise is
    // turned away before it is searched.
    if !text.starts_with(char::is_uppercase) {
        return None;
    }
    // A byte search: a string pattern sets up a searcher per line.
    let dot = window(text, 16)
        .as_bytes()
        .windows(2)
        .position(|w| w == b". ")?;
    let token = &text[..dot];
    if token.is_empty() || token.len() > 12 {
        return None;
    }
    let at = rest_after(text, dot + 1)?;
    let mut labels = Vec::new();
    if let Some(n) =
        lang::parse_roman(token).filter(|_| token.bytes().all(|b| b.is_ascii_uppercase()))
    {
        labels.push(Label::Chapter(n));
    }
    let single_capital = token.chars().count() == 1 && token.chars().all(|c| c.is_uppercase());
    if single_capital && let Some(n) = lang::parse_latin_letter(token) {
        labels.push(Label::Section(n));
    }
    (!labels.is_empty()).then_some((labels, at))
}

/// `4. text`: any number of digits, so that no number is demoted to plain
/// text for its size (one too large is [`Label::TooLarge`]).
fn decimal(text: &str) -> Option<(Vec<Label>, usize)> {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if end == 0 {
        return None;
    }
    let label = number_label(&text[..end]);
    let after = text[end..].strip_prefix('.')?;
    let next = after.chars().next()?;
    // `1. text`, or `1.会议开幕` (CJK text glued to the label), never `1.5 million`.
    if !(next.is_whitespace() || is_ideographic(next)) {
        return None;
    }
    Some((vec![label], rest_after(text, end + 1)?))
}

/// `(a)`, `a)`, `(iv)`, `iv)`, `(أ)`, Arabic `'1'`.
fn parenthesised(text: &str) -> Option<(Vec<Label>, usize)> {
    // A bracket, a quote or a lower-case letter opens every such label.
    if !text.starts_with(['(', '（', '\'', '‘'])
        && !text.starts_with(|c: char| c.is_ascii_lowercase())
    {
        return None;
    }
    let (inner, len) = if let Some(rest) = text.strip_prefix(['(', '（']) {
        let close = window(rest, 16).find([')', '）'])?;
        let close_len = rest[close..].chars().next()?.len_utf8();
        (&rest[..close], text.len() - rest.len() + close + close_len)
    } else if let Some(rest) = text.strip_prefix(['\'', '‘']) {
        let close = window(rest, 16).find(['\'', '’'])?;
        let n = lang::parse_digits(&rest[..close])?;
        let at = rest_after(
            text,
            text.len() - rest.len() + close + rest[close..].chars().next()?.len_utf8(),
        )?;
        return Some((vec![Label::Roman(n)], at));
    } else {
        let close = window(text, 16).find(')')?;
        let inner = &text[..close];
        if !inner.bytes().all(|b| b.is_ascii_lowercase()) || !text[close + 1..].starts_with(' ') {
            return None;
        }
        (inner, close + 1)
    };
    if inner.is_empty() || inner.chars().count() > 5 {
        return None;
    }
    let at = rest_after(text, len)?;
    let mut labels = Vec::new();
    if inner.chars().all(|c| c.is_ascii_lowercase()) {
        if let Some(n) = lang::parse_roman(inner) {
            labels.push(Label::Roman(n));
        }
        if let Some(n) = lang::parse_latin_letter(inner) {
            labels.push(Label::Alpha(n));
        }
    } else if let Some(n) = lang::parse_arabic_letter(inner) {
        labels.push(Label::Alpha(n));
    } else if let Some(n) =
        lang::parse_latin_letter(inner).filter(|_| inner.chars().all(char::is_lowercase))
    {
        labels.push(Label::Alpha(n));
    }
    (!labels.is_empty()).then_some((labels, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Vec<Label> {
        classify(text).map(|(l, _)| l).unwrap_or_default()
    }

    #[test]
    fn chapters_in_every_language() {
        assert_eq!(
            first("II. Organization of the session"),
            [Label::Chapter(2)]
        );
        assert_eq!(first("二. 会议安排"), [Label::Chapter(2)]);
        assert_eq!(first("三、通过报告"), [Label::Chapter(3)]);
        assert_eq!(first("ثالثا - اعتماد التقرير"), [Label::Chapter(3)]);
        assert_eq!(first("أولاً - مقدمة"), [Label::Chapter(1)]);
        assert_eq!(first("حادي عشر - مسائل أخرى"), [Label::Chapter(11)]);
    }

    #[test]
    fn sections_and_ambiguous_letters() {
        assert_eq!(first("B. Attendance"), [Label::Section(2)]);
        assert_eq!(first("С. Участие"), [Label::Section(3)], "Cyrillic С");
        assert_eq!(first("باء - الحضور"), [Label::Section(2)]);
        assert_eq!(
            first("C. Attendance"),
            [Label::Chapter(100), Label::Section(3)]
        );
        assert_eq!(
            first("I. Introduction"),
            [Label::Chapter(1), Label::Section(9)]
        );
    }

    #[test]
    fn paragraphs_and_items() {
        assert_eq!(first("4. 2023年9月5日"), [Label::Decimal(4)]);
        assert_eq!(first("1.会议开幕。"), [Label::Decimal(1)]);
        assert_eq!(first("30 - وقد أشار"), [Label::Decimal(30)]);
        assert_eq!(first("٣ - وقد أشار"), [Label::Decimal(3)]);
        assert_eq!(first("(a) 关于"), [Label::Alpha(1)]);
        assert_eq!(first("b) les États"), [Label::Alpha(2)]);
        assert_eq!(first("(ج) التعاون"), [Label::Alpha(3)]);
        assert_eq!(first("(i) first"), [Label::Roman(1), Label::Alpha(9)]);
        assert_eq!(first("ii) deuxième"), [Label::Roman(2), Label::Alpha(35)]);
        assert_eq!(first("'2' البند"), [Label::Roman(2)]);
        assert!(first("1.5 million people").is_empty());
        assert_eq!(first("123456. text"), [Label::Decimal(123_456)]);
        assert_eq!(first("4294967295. text"), [Label::Decimal(u32::MAX)]);
        assert_eq!(first("4294967296. text"), [Label::TooLarge]);
        assert_eq!(first("00000000000000000000001. text"), [Label::Decimal(1)]);
        assert_eq!(first("٤٢٩٤٩٦٧٢٩٦ - نص"), [Label::TooLarge]);
        assert_eq!(first("4294967296 - نص"), [Label::TooLarge]);
        assert!(first("2023年9月5日").is_empty());
    }

    #[test]
    fn annexes_and_notes() {
        assert_eq!(first("Annex II"), [Label::Annex(Some(2))]);
        assert_eq!(first("Annexe"), [Label::Annex(None)]);
        assert_eq!(first("附件一"), [Label::Annex(Some(1))]);
        assert_eq!(first("المرفق الثاني"), [Label::Annex(Some(2))]);
        assert_eq!(first("[^3]: See A/78/1."), [Label::Note(3)]);
        assert!(first("Annex to the report of the Committee on things").is_empty());
    }
}
