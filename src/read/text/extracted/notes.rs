//! Footnotes at the foot of each page: under a short rule of underscores,
//! each note's number (alone on its line, or before its text) and its text.
//! Each is moved to the document's footnotes, and its mark restored where
//! its number stands in the page's text right after a word or punctuation
//! (`… resources,1 or`, `represented. 2 The`). Only a mark found once on
//! its page is restored; a note whose mark is not found is kept, its mark
//! put at the end of its page's text, with a warning: its text is never
//! merged into the body.

use super::pages::{Src, ranges};
use crate::diagnostic::{Code, Diagnostic};
use crate::read::audit::{Action, Decision};

/// A footnote taken from a page foot.
#[derive(Debug)]
pub(super) struct Note {
    pub n: u32,
    /// Source line of the note's number.
    pub no: u32,
    /// Its text lines, in order.
    pub text: Vec<Src>,
}

/// Takes the footnote blocks out of `lines` and restores their marks.
pub(super) fn extract(
    lines: Vec<Src>,
    decisions: &mut Vec<Decision>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Src>, Vec<Note>) {
    let mut lines = rules_apart(lines);
    let mut notes: Vec<Note> = Vec::new();
    let mut keep = vec![true; lines.len()];
    let pages = ranges(&lines);
    for (p, range) in pages.iter().enumerate() {
        let range = range.clone();
        let next = notes.last().map_or(1, |n| n.n + 1);
        let found = range.clone().rev().find(|&i| is_rule(lines[i].trimmed()));
        let (rule, block_start) = match found
            .or_else(|| unruled_start(&lines[range.clone()], next).map(|k| range.start + k))
        {
            Some(k) if found.is_some() => (k, k + 1),
            Some(k) => (k, k),
            None => continue,
        };
        let first_new = notes.len();
        let orphans = orphan_lines(&lines[block_start..range.end], notes.is_empty());
        read_block(&lines[block_start + orphans..range.end], &mut notes);
        let kept_before = match notes.get_mut(first_new) {
            Some(note) if orphans > 0 => {
                open_note(note, &lines[block_start..block_start + orphans]);
                0
            }
            _ => orphans,
        };
        for k in keep
            .iter_mut()
            .take(range.end)
            .skip(block_start + kept_before)
        {
            *k = false;
        }
        keep[rule] = kept_before > 0;
        for note in &notes[first_new..] {
            let mut bodies: Vec<std::ops::Range<usize>> = Vec::with_capacity(2);
            bodies.push(range.start..rule);
            if let Some(before) = p.checked_sub(1).map(|q| pages[q].clone()) {
                let end = (before.start..before.end)
                    .find(|&i| !keep[i])
                    .unwrap_or(before.end);
                bodies.push(before.start..end);
            }
            if let Some(raised) = place(&mut lines, &bodies, note, decisions, diagnostics) {
                keep[raised] = false;
            }
        }
    }
    let kept = lines
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect();
    (kept, notes)
}

/// How many lines at the top of a note block belong to no note (text
/// before the first number, with no note before it to continue): they
/// open the page's first note, or with none stay in the body rather than
/// be lost.
fn orphan_lines(block: &[Src], no_note_yet: bool) -> usize {
    if !no_note_yet {
        return 0;
    }
    let first = block
        .iter()
        .position(|l| leading_number(l.trimmed()).0.is_some())
        .unwrap_or(block.len());
    // Blank lines before the first number belong to no text.
    if block[..first].iter().all(Src::is_blank) {
        0
    } else {
        first
    }
}

/// Puts the text standing under the rule before a page's first note's
/// number at the head of that note (`Note: The following abbreviations
/// are used in the tables: …` over note 1): Word keeps such a general note
/// in the first footnote's text, and under the rule it is no body text.
fn open_note(note: &mut Note, lead: &[Src]) {
    let lead = lead.iter().filter(|l| !l.is_blank()).cloned();
    note.text.splice(0..0, lead);
}

/// Where a page's note block starts when its separator is not text (a
/// PDF that draws it as a line, as undoc's own did before they drew
/// Word's underscores): a blank line, then the expected note's number
/// alone, then its text, to the page's end.
fn unruled_start(page: &[Src], next: u32) -> Option<usize> {
    (1..page.len()).rev().find(|&k| {
        let (number, rest) = leading_number(page[k].trimmed());
        let text_follows = || {
            page[k + 1..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|l| leading_number(l.trimmed()).0.is_none())
        };
        page[k - 1].is_blank()
            && number == Some(next)
            && (rest.is_empty() && text_follows() || glued_to_rtl(page[k].trimmed()))
            && no_cells_after(&page[k + 1..], next)
    })
}

/// Whether the lines under an unruled note's number hold no line without
/// letters other than the next notes' numbers, in order: a table's last
/// rows at a page's foot (`2`, `Organizaciones no gubernamentales`, `–`,
/// `6`) have figures and dashes alone on their lines, a note's text none.
fn no_cells_after(lines: &[Src], n: u32) -> bool {
    let mut expected = n + 1;
    for t in lines.iter().map(Src::trimmed).filter(|t| !t.is_empty()) {
        if t.chars().any(char::is_alphabetic) {
            continue;
        }
        if leading_number(t) != (Some(expected), "") {
            return false;
        }
        expected += 1;
    }
    true
}

/// Whether `t` opens with a number set against right-to-left text with no
/// space (`1تشجيع`): a note's number once its direction marks are out.
fn glued_to_rtl(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with(crate::script::is_arabic)
}

/// Note `n`, whose number raw extraction set below the notes after it
/// (pdftotext may do so where a page's notes are one line each: `1`, two
/// texts, `3`, its text, …, `2`): the lines of note `n - 1` from its last
/// sentence end on, when this page's notes have no note `n`.
fn left_behind(page_notes: &mut [Note], n: u32, no: u32) -> Option<Note> {
    if page_notes.iter().any(|m| m.n == n) {
        return None;
    }
    let before = page_notes.iter_mut().find(|m| m.n + 1 == n)?;
    let split = (1..before.text.len())
        .rev()
        .find(|&p| before.text[p - 1].trimmed().ends_with(['.', '。', ';']))?;
    Some(Note {
        n,
        no,
        text: before.text.split_off(split),
    })
}

/// `__________________`: the footnote rule.
fn is_rule(t: &str) -> bool {
    t.len() >= 5 && t.bytes().all(|c| c == b'_')
}

/// The shortest rule taken apart from the text it is glued to.
const GLUED_RULE: usize = 10;

/// `lines` with each rule glued to the end of a text line (`…los
/// Esta__________________`: raw text reads a rule set close under a page's
/// last line as that line's end) set on a line of its own.
fn rules_apart(lines: Vec<Src>) -> Vec<Src> {
    let glued = |t: &str| {
        let text = t.trim_end_matches('_');
        t.len() - text.len() >= GLUED_RULE && !text.trim_end().is_empty()
    };
    if !lines.iter().any(|l| glued(l.trimmed())) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + 1);
    for line in lines {
        if !glued(line.trimmed()) {
            out.push(line);
            continue;
        }
        let full = line.text.trim_end();
        let text = full.trim_end_matches('_');
        let rule = Src::new(line.no, line.page, full[text.len()..].to_string());
        out.push(Src::new(line.no, line.page, text.trim_end().to_string()));
        out.push(rule);
    }
    out
}

/// Reads one page's note block into notes; text before any number
/// continues the last note (a note running on from the page before).
fn read_block(block: &[Src], notes: &mut Vec<Note>) {
    let first = notes.len();
    let mut pending: Vec<usize> = Vec::new();
    for line in block.iter().filter(|l| !l.is_blank()) {
        let next = notes.last().map_or(1, |n| n.n + 1);
        let t = line.trimmed();
        let (number, rest) = leading_number(t);
        if rest.is_empty()
            && let Some(n) = number.filter(|&n| n < next)
            && let Some(note) = left_behind(&mut notes[first..], n, line.no)
        {
            let at = notes.partition_point(|m| m.n < n);
            notes.insert(at, note);
            pending
                .iter_mut()
                .filter(|k| **k >= at)
                .for_each(|k| *k += 1);
            continue;
        }
        if let Some(n) = number.filter(|&n| n >= next && n <= next + 2) {
            pending.retain(|&k| notes[k].text.is_empty());
            notes.push(Note {
                n,
                no: line.no,
                text: Vec::new(),
            });
            if rest.is_empty() {
                pending.push(notes.len() - 1);
                continue;
            }
            pending.clear();
            let text = Src::new(line.no, line.page, rest.to_string());
            notes.last_mut().expect("pushed").text.push(text);
            continue;
        }
        // Numbers stacked before their texts (raw extraction): each text
        // goes to the first note still without one, moving on at a sentence end.
        let target = pending.first().copied().or(notes.len().checked_sub(1));
        let Some(target) = target else { continue };
        notes[target].text.push(line.clone());
        if t.ends_with(['.', '。']) && pending.len() > 1 {
            pending.remove(0);
        }
    }
}

/// `12` or `12 Text…`: the number and what follows it.
fn leading_number(t: &str) -> (Option<u32>, &str) {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return (None, t);
    }
    let rest = &t[digits..];
    // Right-to-left text loses the space between a note's number and its
    // text when its direction marks are taken out: `1تشجيع`.
    if !rest.is_empty() && !rest.starts_with(super::pages::is_space) && !glued_to_rtl(t) {
        return (None, t);
    }
    (
        t[..digits].parse().ok(),
        rest.trim_start_matches(super::pages::is_space),
    )
}

/// Restores note `note`'s mark in the page's body lines; returns the line
/// a raised mark stood on alone, which goes.
fn place(
    lines: &mut [Src],
    bodies: &[std::ops::Range<usize>],
    note: &Note,
    decisions: &mut Vec<Decision>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let digits = note.n.to_string();
    // The note's own page first; a mark near the foot of the page before
    // may have had its note pushed over.
    let found = bodies
        .iter()
        .map(|body| marks_in(lines, body.clone(), &digits))
        .find(|found| !found.is_empty())
        .unwrap_or_default();
    let body = bodies[0].clone();
    let start_of = |text: &str| text.chars().take(60).collect::<String>();
    let summary = note
        .text
        .first()
        .map(|l| start_of(l.trimmed()))
        .unwrap_or_default();
    if let Some(Spot {
        line,
        start,
        end,
        raised,
        ..
    }) = only_one(&found)
    {
        lines[line].edit(|text| text.replace_range(start..end, &format!("[^{}]", note.n)));
        decisions.push(Decision::new(
            Action::FootnoteMoved,
            note.no,
            format!("{}: {summary}", note.n),
        ));
        return raised;
    }
    // The page's last line of running text, not a table's row or heading
    // (cells apart, or set far in): a mark among a row's cells would be a
    // cell too many for its grid.
    let text_lines = body.clone().rev().filter(|&i| !lines[i].is_blank());
    let margin = text_lines.clone().map(|i| lines[i].indent()).min()?;
    let last = text_lines
        .clone()
        .find(|&i| lines[i].indent() <= margin + 20 && !super::pages::has_gap(&lines[i].text))
        .or_else(|| text_lines.clone().next())?;
    lines[last].edit(|text| {
        let end = text.trim_end().len();
        text.insert_str(end, &format!("[^{}]", note.n));
    });
    decisions.push(Decision::new(
        Action::FootnoteUnplaced,
        note.no,
        format!("{}: {summary}", note.n),
    ));
    diagnostics.push(Diagnostic::new(
        Code::ExtractedText,
        crate::model::Span::new(note.no, 1),
        format!(
            "footnote {} at the foot of page {}: its mark was found {} times in the page's text; the note is kept, its mark put at the end of the page's last line of running text",
            note.n,
            lines[last].page,
            found.len()
        ),
    ));
    None
}

/// Where a note's mark stands: the byte range of `line` to replace by the
/// mark, and the line a raised mark stood on alone, which goes.
#[derive(Clone, Copy)]
struct Spot {
    line: usize,
    start: usize,
    end: usize,
    raised: Option<usize>,
    /// Set against its word (`civile.9`), not after a space (`, 9 d'`).
    glued: bool,
}

/// The one place a mark stands: the only one found, or the only one set
/// against its word among places after a space (where a figure may be
/// a figure: `d'États, 9 d'organisations`).
fn only_one(found: &[Spot]) -> Option<Spot> {
    if let [one] = found {
        return Some(*one);
    }
    let mut glued = found.iter().filter(|s| s.glued);
    match (glued.next(), glued.next()) {
        (Some(one), None) => Some(*one),
        _ => None,
    }
}

/// Every place in `lines[body]` where `digits` stands as a note mark.
fn marks_in(lines: &[Src], body: std::ops::Range<usize>, digits: &str) -> Vec<Spot> {
    let mut found = Vec::new();
    for i in body.clone() {
        let before_line = i
            .checked_sub(1)
            .filter(|p| body.contains(p))
            .and_then(|p| lines[p].trimmed().chars().next_back());
        for (start, end) in candidates(&lines[i].text, digits, before_line) {
            found.push(Spot {
                line: i,
                start,
                end,
                raised: None,
                glued: lines[i].text[start..end] == *digits,
            });
        }
        if let Some(spot) = raised_mark(lines, i, body.end, digits) {
            found.push(spot);
        }
    }
    if found.is_empty() {
        found.extend(heading_mark(lines, body, digits));
    }
    found
}

/// A mark set a space after a heading's last word (`Human resources 1`,
/// `Results-based budgeting frameworks 5`), as pdftotext gives a raised
/// number after a bold word: asked only when the page has no other place
/// for the mark, and taken only on the one short line of words that ends
/// so, with no other figure, its last word in lower case (`Sector 2` is a
/// name).
fn heading_mark(lines: &[Src], body: std::ops::Range<usize>, digits: &str) -> Option<Spot> {
    const HEADING_CHARS: usize = 80;
    let mut ends_so = body.filter(|&i| {
        let t = lines[i].trimmed();
        let Some(words) = t.strip_suffix(digits).and_then(|w| w.strip_suffix(' ')) else {
            return false;
        };
        let last = words.rsplit(' ').next().unwrap_or(words);
        words.contains(' ')
            && t.chars().count() <= HEADING_CHARS
            && last.starts_with(char::is_lowercase)
            && last.ends_with(char::is_lowercase)
            && !words.bytes().any(|b| b.is_ascii_digit())
    });
    let (Some(i), None) = (ends_so.next(), ends_so.next()) else {
        return None;
    };
    let text = &lines[i].text;
    let end = text.trim_end_matches(super::pages::is_space).len();
    let start = end - digits.len() - 1;
    Some(Spot {
        line: i,
        start,
        end,
        raised: None,
        glued: false,
    })
}

/// A mark pdftotext raises onto a line of its own in right-to-left text,
/// over the end of the next line (its left end, where the mark's column
/// is): the mark goes at the end of that line.
fn raised_mark(lines: &[Src], i: usize, end: usize, digits: &str) -> Option<Spot> {
    if lines[i].trimmed() != digits {
        return None;
    }
    let next = (i + 1..end).find(|&k| !lines[k].is_blank())?;
    let line = &lines[next];
    let arabic = |l: &Src| l.trimmed().chars().any(crate::script::is_arabic);
    let rtl = arabic(line) || i.checked_sub(1).is_some_and(|p| arabic(&lines[p]));
    let under = line.indent().abs_diff(lines[i].indent()) <= 3;
    let at = line.text.trim_end_matches(super::pages::is_space).len();
    (rtl && under).then_some(Spot {
        line: next,
        start: at,
        end: at,
        raised: Some(i),
        glued: true,
    })
}

/// Abbreviations after which a number is a reference, not a note mark.
const ABBREVIATIONS: &[&str] = &[
    "para.",
    "paras.",
    "No.",
    "Nos.",
    "Vol.",
    "art.",
    "arts.",
    "Sect.",
    "p.",
    "pp.",
    "chap.",
    "sect.",
    "annex",
    "resolution",
    "rule",
    "item",
];

/// Where the number `digits` stands as a note mark in `text`: glued after
/// a lowercase letter or punctuation (`word1`, `word,1`), or after
/// punctuation and a space (`, 1 or`), or after an ideograph before
/// full-width punctuation (`数据1。`); the byte range to replace by the
/// mark (the space before the number included). `before` is the last
/// character of the line before, for a number at the start of this one.
fn candidates(text: &str, digits: &str, before: Option<char>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(digits) {
        let start = from + at;
        let end = start + digits.len();
        from = end;
        let after = text[end..].chars().next();
        let head = &text[..start];
        if crate::script::ends_ideographic(head) {
            // Chinese and Japanese set the mark after the word, before the
            // full-width punctuation: `数据1。`; a number after the table
            // or figure word opening the line is a caption's (`表1`), one
            // after a word ending in it is not (`代表1。`).
            if !is_caption(&text[..end]) && after.is_none_or(|c| "。，；：、）".contains(c)) {
                out.push((start, end));
            }
            continue;
        }
        let after_ok = after.is_none_or(|c| {
            c == ' '
                || c == ','
                || c == ';'
                || c == ':'
                || c == ')'
                || c == '.' && !text[end + 1..].starts_with(|d: char| d.is_ascii_digit())
        });
        if !after_ok {
            continue;
        }
        let prev = head.chars().next_back();
        let punct = |c: char| matches!(c, '.' | ',' | ';' | ':' | ')' | '’' | '”' | '"');
        match prev {
            Some(c)
                if c.is_lowercase() || punct(c) && !is_decimal_point(head) && !in_symbol(head) =>
            {
                out.push((start, end))
            }
            Some(' ') => {
                let word = head.trim_end();
                let glued = word.chars().next_back();
                if glued.is_some_and(punct)
                    && !ends_with_abbreviation(word)
                    && !after_figure_cell(word, head.len() - word.len())
                {
                    out.push((word.len(), end));
                }
            }
            None if before.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':'))
                && after == Some(' ') =>
            {
                out.push((start, end + 1));
            }
            _ => {}
        }
    }
    out
}

/// Whether `text` is a table's or figure's caption (`表1`, `图2`), in any
/// of the six languages.
fn is_caption(text: &str) -> bool {
    crate::read::text::caption_number(text).is_some()
        || crate::read::text::figure::caption(text, crate::lang::Lang::Zh)
            .0
            .is_some()
}

/// Whether the punctuation ending `head` sits inside a number (`2.5`,
/// `2,5`); a comma after a group of three digits (`10,500,500,`) ends a
/// number written with thousands separators, and a full stop after a
/// year (`in May 2025.`) ends a sentence, so a mark may follow them, as
/// it may a bracket closed after figures (`(A/79/101)`).
fn is_decimal_point(head: &str) -> bool {
    let mut rev = head.chars().rev();
    let punct = rev.next();
    let mut digits: Vec<char> = rev.take_while(char::is_ascii_digit).collect();
    digits.reverse();
    let year = digits.len() == 4 && matches!(digits[..2], ['1', '9'] | ['2', '0']);
    let is_number = match punct {
        Some(',') => digits.len() != 3,
        Some('.') => !year,
        _ => false,
    };
    !digits.is_empty() && is_number
}

/// Whether a full stop ending `head` is inside a document symbol's word
/// (`A/HRC/WG.17/2/L.1`, `A/80/614/Add.1`): the figures after it are the
/// symbol's.
fn in_symbol(head: &str) -> bool {
    head.ends_with('.') && {
        let word = head.rsplit([' ', '(', '[']).next().unwrap_or(head);
        word.contains('/')
    }
}

/// Whether a number `gap` spaces after `word` (the text before it,
/// trimmed) is a table's next cell rather than a note mark: the last word
/// is a figure (`(3)`, `4.4`, `–`) set a column's gap (two spaces or more)
/// before it, or a bracketed figure, a negative amount (`(3)     1`, a
/// staffing table's net change, its next column's figure).
fn after_figure_cell(word: &str, gap: usize) -> bool {
    let last = word.rsplit(' ').next().unwrap_or(word);
    let bracketed = last.starts_with('(') && last.ends_with(')');
    super::tables::is_figure(last) && (gap >= 2 || bracketed)
}

fn ends_with_abbreviation(word: &str) -> bool {
    let last = word.rsplit(' ').next().unwrap_or(word);
    ABBREVIATIONS.iter().any(|a| {
        last.trim_start_matches(['(', '['])
            .trim_end_matches([',', ';'])
            == *a
    })
}

#[cfg(test)]
mod tests {
    use super::super::pages::split;
    use super::*;

    #[test]
    fn marks_after_words_and_punctuation() {
        assert_eq!(candidates("balance,1 or", "1", None), vec![(8, 9)]);
        assert_eq!(
            candidates("$10,500,500, 1 or 15", "1", None),
            vec![(12, 14)]
        );
        assert_eq!(candidates("represented. 2 The", "2", None), vec![(12, 14)]);
        // A table's next cell after a figure is no mark; after a year a
        // sentence ends, a mark may stand.
        assert!(candidates("Net change   –   (3)     1     –", "1", None).is_empty());
        assert!(candidates("Total (3) 1 (2)", "1", None).is_empty());
        assert!(candidates("Share   4.4   1", "1", None).is_empty());
        assert_eq!(candidates("in 2024. 2 The", "2", None), vec![(8, 10)]);
        assert!(candidates("(A/80/596, para. 28)", "28", None).is_empty());
        assert!(candidates("(A/80/6 (Sect. 9))", "9", None).is_empty());
        assert!(candidates("(A/HRC/WG.17/2/L.1) et", "1", None).is_empty());
        assert_eq!(candidates("(A/79/101)6", "6", None), vec![(10, 11)]);
        assert_eq!(candidates("in May 2025.8", "8", None), vec![(12, 13)]);
        assert!(candidates("rose by 12025.8 per", "8", None).is_empty());
        // A Chinese caption's number is no mark; a word's is.
        assert!(candidates("表1", "1", None).is_empty());
        assert!(candidates("图2", "2", None).is_empty());
        assert_eq!(candidates("更加紧迫1。", "1", None).len(), 1);
        assert_eq!(candidates("各国代表1。", "1", None).len(), 1);
        assert!(candidates("group 1 and 2.5 per", "2", None).is_empty());
        assert!(candidates("1 July 2024", "1", Some('a')).is_empty());
        assert_eq!(candidates("提交数据1。", "1", None), vec![(12, 13)]);
        assert!(candidates("共有1个项目", "1", None).is_empty());
    }

    #[test]
    fn a_mark_a_space_after_a_headings_last_word_is_taken_when_nothing_else_is() {
        let marks = |page: &str, digits: &str| {
            let lines = split(page);
            let spots = marks_in(&lines, 0..lines.len(), digits);
            spots
                .iter()
                .map(|s| (s.line, lines[s.line].text[s.start..s.end].to_string()))
                .collect::<Vec<_>>()
        };
        let heading = "Human resources 1

Staff of 28 nationalities attended the session.
";
        assert_eq!(marks(heading, "1"), [(0, " 1".to_string())]);
        // A place after punctuation wins: the heading is asked last.
        let both = "Human resources 1

The total, 1 in all, was met.
";
        assert_eq!(marks(both, "1"), [(2, " 1".to_string())]);
        // A name with its number, or two such headings, are no place for it.
        assert!(
            marks(
                "Sector 2

The sector was reviewed.
",
                "2"
            )
            .is_empty()
        );
        assert!(
            marks(
                "Human resources 1

Financial resources 1
",
                "1"
            )
            .is_empty()
        );
    }

    /// Raw text may read a rule set close under the page's last line as
    /// that line's end: the rule is taken apart and the note read.
    #[test]
    fn a_rule_glued_to_the_last_line_still_opens_the_notes() {
        let page = "1. The experts met in Vienna to examine the responses.1\nThey\nmet again in 2025.2 The meeting was held in a hybrid for__________________\n1\n\n4/14\n\nSee E/2024/30.\n2\n\nIbid.\n\u{c}";
        let (lines, notes) = extract(split(page), &mut Vec::new(), &mut Vec::new());
        assert_eq!(notes.iter().map(|n| n.n).collect::<Vec<_>>(), [1, 2]);
        let last = lines.iter().rev().find(|l| !l.is_blank()).expect("text");
        assert_eq!(
            last.trimmed(),
            "met again in 2025.[^2] The meeting was held in a hybrid for"
        );
        // A line of underscores alone stays a rule; a short run of them is text.
        let blank = "Name: ____\n";
        assert_eq!(rules_apart(split(blank))[0].trimmed(), "Name: ____");
    }

    #[test]
    fn a_tables_last_rows_at_an_unruled_page_foot_are_not_notes() {
        // `2` alone after a blank line, text after it: a note's number,
        // unless figures and dashes stand alone on the lines under it.
        let page = |foot: &str| {
            split(&format!(
                "The experts met in Vienna.\n\nIntergovernmental\n\n7\n\n3\n\n{foot}"
            ))
        };
        let table = page("2\n\nNon-governmental organizations\n\n–\n\n6\n\nMember States\n");
        assert_eq!(unruled_start(&table, 2), None);
        let notes = page("2\n\nSee the report of 2024.\n\n3\n\nIbid.\n");
        assert_eq!(unruled_start(&notes, 2), Some(8));
    }
}
