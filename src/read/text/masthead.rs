//! The masthead block and title of a text source.
//!
//! Organ lines come before `Distr.`; the date, version language and
//! `Original:` lines after it; then, as the organ prints them, the body
//! whose session it is (`Human Rights Council`), the session line and its
//! dates, agenda lines and the agenda item's title, and a job number; then
//! the title and an optional subtitle. A line that looks like a masthead
//! field but cannot be read (`Distr: General`, `March 12, 2025`, a
//! malformed symbol) is reported at its line, never taken for something else.

use super::{Line, classify};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::{self, Lang};
use crate::model::{Inline, Masthead, Spanned};
use crate::read::inline;
use crate::suggest;

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
pub(super) fn read(lines: &[Line], out: &mut Vec<Diagnostic>) -> Option<Head> {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.is_empty())
        .take(MASTHEAD_LINES)
        .collect();
    let distr = non_blank
        .iter()
        .copied()
        .take_while(|&i| classify(lines[i].text).is_none())
        .find(|&i| is_distribution_line(lines[i].text));
    let mut m = Masthead::default();
    let mut i = 0;
    if let Some(d) = distr {
        for line in &lines[..d] {
            read_before_distr(&mut m, line, out);
        }
        m.distribution = distribution(&lines[d], out).map(|v| Spanned::new(v, lines[d].span()));
        i = d + 1;
    }
    let mut after = After {
        m: &mut m,
        version: None,
        distr: distr.is_some(),
        out,
    };
    i = after.read(lines, i);
    let version = after.version;
    let titles = titles(lines, i, !m.agenda.is_empty());
    let has_agenda_title = titles.len() >= 2
        && !m.agenda.is_empty()
        && (titles.len() >= 3 || !is_subtitle_like(lines[titles[1]].text));
    let rest = if has_agenda_title {
        let line = &lines[titles[0]];
        m.agenda_title = Some(Spanned::new(line.text.to_string(), line.span()));
        &titles[1..]
    } else {
        &titles[..]
    };
    let (&title_at, rest) = rest.split_first()?;
    let title = spanned_inlines(&lines[title_at]);
    let mut consumed = title_at + 1;
    let subtitle = rest
        .first()
        .filter(|&&k| is_subtitle(lines[k].text))
        .map(|&k| {
            consumed = k + 1;
            spanned_inlines(&lines[k])
        });
    let lang = version
        .or_else(|| m.original.as_ref().map(|o| o.value))
        .unwrap_or_else(|| guess_language(lines, &m));
    Some(Head {
        lang,
        masthead: m,
        title,
        subtitle,
        consumed,
    })
}

/// Reading the masthead lines after `Distr.` (or, without one, the session
/// and agenda lines at the top).
struct After<'a> {
    m: &'a mut Masthead,
    version: Option<Lang>,
    distr: bool,
    out: &'a mut Vec<Diagnostic>,
}

impl After<'_> {
    /// Reads from `lines[i]`; returns the index of the first line that is not
    /// part of the masthead.
    fn read(&mut self, lines: &[Line], mut i: usize) -> usize {
        while i < lines.len() {
            let line = &lines[i];
            if !line.text.is_empty() && !self.field(lines, i) {
                break;
            }
            i += 1;
        }
        i
    }

    /// Takes `lines[i]` as a masthead field; `false` when it is none.
    fn field(&mut self, lines: &[Line], i: usize) -> bool {
        let line = &lines[i];
        let (t, span) = (line.text, line.span());
        let m = &mut *self.m;
        if self.distr && m.date.is_none() && m.original.is_none() && looks_like_date(t) {
            match lang::parse_written_date(t) {
                Some(d) => m.date = Some(Spanned::new(d, span)),
                None => self.out.push(
                    Diagnostic::new(
                        Code::BadValue,
                        span,
                        format!("the masthead date `{t}` cannot be read{}: write it as `12 March 2025` (or in the document's language)", month_hint(t)),
                    )
                    .with_length(t.chars().count() as u32)
                    .about("date"),
                ),
            }
        } else if let Some(o) = lang::parse_original_line(t) {
            m.original = Some(Spanned::new(o, span));
        } else if let Some(word) = original_word(t) {
            self.out.push(
                Diagnostic::new(
                    Code::BadValue,
                    span,
                    format!(
                        "the original language `{word}` is not an official language{}: write `Original: English` (French `Original : anglais`, Spanish `Original: inglés`)",
                        suggest::did_you_mean(word, lang::language_names())
                    ),
                )
                .with_length(t.chars().count() as u32)
                .about("original"),
            );
        } else if let Some(v) = Lang::from_name(t).filter(|_| self.distr && m.original.is_none()) {
            self.version = Some(v);
        } else if is_job_number(t) {
            m.job_number = Some(Spanned::new(t.to_string(), span));
        } else if m.session.is_none()
            && m.agenda.is_empty()
            && is_short(t, 60)
            && is_session_line(t)
        {
            m.session = Some(Spanned::new(t.to_string(), span));
        } else if m.session.is_some()
            && m.session_dates.is_none()
            && m.agenda.is_empty()
            && looks_like_dates(t)
        {
            m.session_dates = Some(Spanned::new(t.to_string(), span));
        } else if is_short(t, 150) && is_agenda_line(t) && classify(t).is_none() {
            m.agenda.push(Spanned::new(t.to_string(), span));
        } else if m.original.is_some()
            && m.session.is_none()
            && m.session_body.is_none()
            && is_short(t, 80)
            && classify(t).is_none()
            && next_text(lines, i).is_some_and(|n| is_session_line(n.text))
        {
            m.session_body = Some(Spanned::new(t.to_string(), span));
        } else {
            return false;
        }
        true
    }
}

/// ` (did you mean `August`?)` for the word of a date that is near a month name.
fn month_hint(date: &str) -> String {
    date.split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() > 2)
        .map(|w| suggest::did_you_mean(w, lang::month_names()))
        .find(|hint| !hint.is_empty())
        .unwrap_or_default()
}

/// The word of a line meant as `Original: <language>` that is no language's name.
fn original_word(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("Original")?;
    let word = rest
        .trim_start_matches([' ', '\u{a0}'])
        .strip_prefix(':')?
        .trim();
    (!word.is_empty() && word.chars().count() <= 20).then_some(word)
}

/// The next non-blank line after `lines[i]`.
fn next_text<'a, 'b>(lines: &'a [Line<'b>], i: usize) -> Option<&'a Line<'b>> {
    lines[i + 1..].iter().find(|l| !l.text.is_empty())
}

/// The indices of the unlabelled lines from `lines[i]` up to the first
/// heading or numbered line (at most three: agenda title, title, subtitle).
fn titles(lines: &[Line], i: usize, with_agenda: bool) -> Vec<usize> {
    let limit = if with_agenda { 3 } else { 2 };
    lines[i..]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.text.is_empty())
        .take_while(|(_, l)| classify(l.text).is_none() && !opens_body(l.text))
        .take(limit)
        .map(|(k, _)| i + k)
        .collect()
}

/// Whether a line opens the part under the titles: the summary's heading
/// (in any language), a table or a figure.
fn opens_body(text: &str) -> bool {
    text.starts_with(['|', '!'])
        || super::table::caption_number(text).is_some()
        || lang::ALL.iter().any(|l| text == l.summary_word())
}

fn is_distribution_line(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("Distr") && t.len() < 40
}

/// The distribution class of a `Distr.` line; a line that starts like one
/// but is malformed (`Distr: General`) is reported, and read if its class is clear.
fn distribution(line: &Line, out: &mut Vec<Diagnostic>) -> Option<crate::model::Distribution> {
    if let Some(d) = lang::parse_distribution(line.text) {
        return Some(d);
    }
    let word = line
        .text
        .trim_start_matches(|c: char| c != ' ' && c != ':')
        .trim_start_matches([':', ' ']);
    let guess = lang::parse_distribution(&format!("Distr.: {word}"));
    let hint = match guess {
        Some(_) => String::new(),
        None => suggest::did_you_mean(word, lang::DISTRIBUTION_WORDS),
    };
    out.push(
        Diagnostic::new(
            Code::BadValue,
            line.span(),
            format!(
                "the distribution line `{}` is not in the masthead's form{hint}: write `Distr.: General` (French `Distr. générale`, Spanish `Distr. general`)",
                line.text
            ),
        )
        .with_length(line.text.chars().count() as u32)
        .about("distribution"),
    );
    guess
}

/// A line that is meant as a date: short, with a year.
fn looks_like_date(text: &str) -> bool {
    text.chars().count() <= 40
        && text
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
        && !text.contains('/')
}

/// A session's dates: short, with a year, and a range or a day.
pub(crate) fn looks_like_dates(text: &str) -> bool {
    text.chars().count() <= 60
        && text
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
        && classify(text).is_none()
}

/// Whether a line reads like a subtitle (`Report of the Secretary-General`).
pub(super) fn is_subtitle_like(text: &str) -> bool {
    lang::ALL.iter().any(|l| {
        let w = l.masthead_words();
        w.subtitle_openings.iter().any(|o| text.starts_with(o))
            || w.subtitle_endings.iter().any(|e| text.ends_with(e))
    })
}

/// Whether a line before `Distr.` is meant as the document symbol: one
/// token of capitals, digits, dots and slashes (a `(Sect. n)` or `(YYYY)` part aside).
fn looks_like_symbol(text: &str) -> bool {
    let core = text.split(" (").next().unwrap_or(text);
    core.contains('/')
        && core.starts_with(|c: char| c.is_ascii_uppercase())
        && core
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-'))
}

/// Whether a masthead line is the Organization's name, or one of its
/// words where the name is set stacked beside the emblem (`United` over
/// `Nations`): no organ.
fn is_organization_name(t: &str) -> bool {
    lang::ALL.iter().any(|l| {
        let name = l.organization_name();
        name == t || name.split_whitespace().any(|w| w == t)
    })
}

fn read_before_distr(m: &mut Masthead, line: &Line, out: &mut Vec<Diagnostic>) {
    let t = line.text;
    let span = line.span();
    if t.is_empty() || is_organization_name(t) {
    } else if crate::symbol::is_valid(t) {
        m.symbol = Some(Spanned::new(t.to_string(), span));
    } else if is_job_number(t) {
        m.job_number = Some(Spanned::new(t.to_string(), span));
    } else if looks_like_symbol(t) {
        let why = crate::symbol::parse(t)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        out.push(
            Diagnostic::new(
                Code::BadSymbol,
                span,
                format!("`{t}` stands where the document symbol goes but is not one: {why}"),
            )
            .with_length(t.chars().count() as u32)
            .about("symbol"),
        );
    } else if let Some(name) = m.organ.last_mut().filter(|n| organ_wraps(&n.value, t)) {
        // A name wrapped onto a second line (`Conseil des droits de` over
        // `l'homme`): one organ, not two.
        name.value.push(' ');
        name.value.push_str(t);
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
pub(super) fn is_session_line(line: &str) -> bool {
    if opens_lowercase(line) {
        return false;
    }
    let l = line.trim().to_lowercase();
    lang::ALL.iter().any(|lang| {
        let w = lang.masthead_words();
        w.session_openings.iter().any(|o| l.starts_with(o))
            || w.session_endings.iter().any(|e| l.ends_with(e))
    })
}

/// Whether a masthead line is an agenda item line (`Item 7 of the
/// provisional agenda*`, `临时议程项目68`) in any language.
pub(super) fn is_agenda_line(line: &str) -> bool {
    if opens_lowercase(line) {
        return false;
    }
    let l = line.trim().to_lowercase();
    lang::ALL.iter().any(|lang| {
        let w = lang.masthead_words();
        w.agenda_openings.iter().any(|o| l.starts_with(o))
            || (!w.agenda_all_of.is_empty() && w.agenda_all_of.iter().all(|a| l.contains(a)))
    })
}

/// Whether `next` goes on the organ's name `name`, wrapped: it starts
/// with a small letter, or the name ends with a short word in small
/// letters (`de`, `on`, `que`).
pub(super) fn organ_wraps(name: &str, next: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("");
    opens_lowercase(next) || (last.chars().count() <= 4 && last.chars().all(char::is_lowercase))
}

/// Whether a line opens in lower case: a title's wrapped line (`travaux
/// de sa deuxième session`), never a session or agenda line, however it
/// ends.
fn opens_lowercase(line: &str) -> bool {
    line.trim_start().starts_with(char::is_lowercase)
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
        assert!(is_agenda_line("Items 137 and 138 of the preliminary list*"));
        assert!(is_agenda_line("Agenda items 134 and 149"));
        assert!(is_agenda_line("临时议程项目68"));
        assert!(is_agenda_line("Point 3 de l’ordre du jour"));
        // A title's wrapped lines, however they end.
        assert!(!is_session_line("travaux de sa deuxième session"));
        assert!(!is_agenda_line(
            "point 3 de l’ordre du jour, et de ses travaux"
        ));
        assert!(!is_agenda_line("Introduction"));
        assert!(is_organization_name("United Nations"));
        assert!(is_organization_name("Nations"));
        assert!(is_organization_name("Unies"));
        assert!(!is_organization_name("General Assembly"));
    }
}
