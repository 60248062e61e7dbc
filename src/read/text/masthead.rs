//! The masthead block and title of a text source.
//!
//! Organ lines come before `Distr.`; the date, version language and
//! `Original:` lines after it; then optional session, agenda and job-number
//! lines; then the title and an optional subtitle.

use super::{Line, classify};
use crate::lang::{self, Lang};
use crate::model::{Inline, Masthead, Spanned};
use crate::read::inline;

/// What the top of a text source held.
pub(super) struct Head {
    pub lang: Lang,
    pub masthead: Masthead,
    pub title: Spanned<Vec<Inline>>,
    pub subtitle: Option<Spanned<Vec<Inline>>>,
    /// How many lines the masthead and titles took.
    pub consumed: usize,
}

/// How far down a `Distr.` line is looked for.
const MASTHEAD_LINES: usize = 12;

/// Reads the masthead, title and subtitle; `None` when there is no title.
pub(super) fn read(lines: &[Line]) -> Option<Head> {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.is_empty())
        .take(MASTHEAD_LINES)
        .collect();
    let distr = non_blank
        .iter()
        .copied()
        .take_while(|&i| classify(lines[i].text).is_none())
        .find(|&i| lang::parse_distribution(lines[i].text).is_some());
    let mut m = Masthead::default();
    let mut version: Option<Lang> = None;
    let mut i = 0;
    if let Some(d) = distr {
        for line in &lines[..d] {
            read_before_distr(&mut m, line);
        }
        let dist = lang::parse_distribution(lines[d].text)?;
        m.distribution = Some(Spanned::new(dist, lines[d].span()));
        i = d + 1;
    }
    // Masthead lines after `Distr.` (and session/agenda lines with or without one).
    while i < lines.len() {
        let line = &lines[i];
        let t = line.text;
        let span = line.span();
        if t.is_empty() {
        } else if distr.is_some() && m.date.is_none() && lang::parse_written_date(t).is_some() {
            m.date = lang::parse_written_date(t).map(|d| Spanned::new(d, span));
        } else if let Some(o) = lang::parse_original_line(t) {
            m.original = Some(Spanned::new(o, span));
        } else if let Some(v) =
            Lang::from_name(t).filter(|_| distr.is_some() && m.original.is_none())
        {
            version = Some(v);
        } else if is_job_number(t) {
            m.job_number = Some(Spanned::new(t.to_string(), span));
        } else if m.session.is_none()
            && m.agenda.is_empty()
            && is_short(t, 60)
            && is_session_line(t)
        {
            m.session = Some(Spanned::new(t.to_string(), span));
        } else if is_short(t, 150) && is_agenda_line(t) && classify(t).is_none() {
            m.agenda.push(Spanned::new(t.to_string(), span));
        } else {
            break;
        }
        i += 1;
    }
    let title_at = i;
    let title_line = lines.get(title_at).filter(|l| classify(l.text).is_none())?;
    let title = spanned_inlines(title_line);
    i += 1;
    while lines.get(i).is_some_and(|l| l.text.is_empty()) {
        i += 1;
    }
    let subtitle = lines.get(i).filter(|l| is_subtitle(l.text)).map(|l| {
        i += 1;
        spanned_inlines(l)
    });
    let lang = version
        .or_else(|| m.original.as_ref().map(|o| o.value))
        .unwrap_or_else(|| guess_language(lines, &m));
    Some(Head {
        lang,
        masthead: m,
        title,
        subtitle,
        consumed: i,
    })
}

fn read_before_distr(m: &mut Masthead, line: &Line) {
    let t = line.text;
    let span = line.span();
    if t.is_empty() || lang::ALL.iter().any(|l| l.organization_name() == t) {
    } else if crate::symbol::is_valid(t) {
        m.symbol = Some(Spanned::new(t.to_string(), span));
    } else if is_job_number(t) {
        m.job_number = Some(Spanned::new(t.to_string(), span));
    } else {
        m.organ.push(Spanned::new(t.to_string(), span));
    }
}

/// Masthead lines are short; a title that happens to end in "session" is not one.
fn is_short(text: &str, max_chars: usize) -> bool {
    text.chars().count() <= max_chars
}

/// A subtitle is a short unlabelled line that is not a sentence.
fn is_subtitle(text: &str) -> bool {
    !text.is_empty()
        && classify(text).is_none()
        && text.chars().count() <= 150
        && !text.ends_with(['.', '。', ':', '：', ';'])
}

fn spanned_inlines(line: &Line) -> Spanned<Vec<Inline>> {
    let span = line.span();
    Spanned::new(inline::parse(line.text, &[(0, span)]), span)
}

/// Without a version or original line: the script decides (Han, Arabic,
/// Cyrillic), then the form of the distribution line (French, Spanish).
fn guess_language(lines: &[Line], m: &Masthead) -> Lang {
    let mut counts = [0usize; 3];
    for c in lines.iter().flat_map(|l| l.text.chars()) {
        for (slot, lang) in [Lang::Zh, Lang::Ar, Lang::Ru].into_iter().enumerate() {
            if lang.is_native_char(c) {
                counts[slot] += 1;
            }
        }
    }
    let (best, count) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, c)| **c)
        .unwrap_or((0, &0));
    if *count > 20 {
        return [Lang::Zh, Lang::Ar, Lang::Ru][best];
    }
    let distr_line = m.distribution.as_ref().map(|d| d.span.line).unwrap_or(0);
    lines
        .iter()
        .find(|l| l.no == distr_line)
        .and_then(|l| lang::distribution_language(l.text))
        .unwrap_or(Lang::En)
}

/// Whether a masthead line is a session line (`Eightieth session`,
/// `第八十届会议`) in any language.
fn is_session_line(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    lang::ALL.iter().any(|lang| {
        let w = lang.masthead_words();
        w.session_openings.iter().any(|o| l.starts_with(o))
            || w.session_endings.iter().any(|e| l.ends_with(e))
    })
}

/// Whether a masthead line is an agenda item line (`Item 7 of the
/// provisional agenda*`, `临时议程项目68`) in any language.
fn is_agenda_line(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    lang::ALL.iter().any(|lang| {
        let w = lang.masthead_words();
        w.agenda_openings.iter().any(|o| l.starts_with(o))
            || (!w.agenda_all_of.is_empty() && w.agenda_all_of.iter().all(|a| l.contains(a)))
    })
}

/// Whether a line is a job number such as `V.23-18588 (C)` or `26-04887 (E)`:
/// two digits, a hyphen, five digits and a language letter in brackets.
pub(crate) fn is_job_number(line: &str) -> bool {
    let s = line.trim();
    let s = s.strip_prefix("V.").unwrap_or(s);
    let b = s.as_bytes();
    if b.len() < 12 || !b[..2].iter().all(u8::is_ascii_digit) || b[2] != b'-' {
        return false;
    }
    let digits = b[3..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 5 {
        return false;
    }
    let tail = s[8..].trim_start();
    tail.len() >= 3
        && tail.starts_with('(')
        && lang::ALL
            .iter()
            .any(|l| l.job_letter() as u8 == tail.as_bytes()[1])
        && tail.as_bytes()[2] == b')'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_agenda_and_job_number_lines() {
        assert!(is_job_number("V.23-18588 (C)"));
        assert!(is_job_number("26-04887 (E)"));
        assert!(!is_job_number("26-0488 (E)"));
        assert!(is_session_line("Eightieth session"));
        assert!(is_session_line("第八十届会议"));
        assert!(is_session_line("الدورة الثمانون"));
        assert!(is_agenda_line("Item 7 of the provisional agenda*"));
        assert!(is_agenda_line("临时议程项目68"));
        assert!(is_agenda_line("Point 3 de l’ordre du jour"));
        assert!(!is_agenda_line("Introduction"));
    }
}
