//! Page furniture: the running header and footer of each page (the
//! symbol, `2/13`, the job number), and the first page's footer (`26-04887
//! (E)    150426`, the barcode `*2604887*`, `Please recycle`). Each is
//! recognised by its form, and only near the top or foot of a page (or
//! anywhere on the first page for the first page's footer), so that a
//! number in running text is never taken for one.

use super::pages::{Src, fields, ranges};
use crate::read::audit::{Action, Decision};

/// What the furniture told about the document.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// The job number as the first page prints it (`26-04887 (E)`), with its line.
    pub job_number: Option<(String, u32)>,
    /// The page count of the `2/13` lines.
    pub pages: Option<u32>,
}

/// How many lines at the top and foot of a page are looked at.
const EDGE_LINES: usize = 3;
const FOOT_LINES: usize = 8;

/// Removes the furniture lines, recording each as a decision.
pub(super) fn strip(
    lines: Vec<Src>,
    symbol: Option<&str>,
    out: &mut Vec<Decision>,
) -> (Vec<Src>, Found) {
    let mut drop = vec![false; lines.len()];
    let mut found = Found::default();
    let pages = super::pages::count(&lines);
    for range in ranges(&lines) {
        let text: Vec<usize> = range.filter(|&i| !lines[i].is_blank()).collect();
        let first_page = text.first().is_some_and(|&i| lines[i].page == 1);
        for (k, &i) in text.iter().enumerate() {
            let edge = k < EDGE_LINES || k + FOOT_LINES >= text.len();
            let t = lines[i].trimmed();
            let own = is_own_page_number(t, lines[i].page, pages) || is_own_job(t, &found);
            if !edge && !first_page && !own {
                continue;
            }
            let kind = classify(lines[i].trimmed(), symbol, first_page);
            let take = own
                || match kind {
                    Some(Kind::Running) => edge && !(first_page && k < EDGE_LINES),
                    Some(Kind::FirstFooter) => first_page,
                    None => false,
                };
            if take {
                drop[i] = true;
                note(lines[i].trimmed(), lines[i].no, &mut found);
            }
        }
    }
    let mut kept = Vec::with_capacity(lines.len());
    for (line, dropped) in lines.into_iter().zip(drop) {
        if dropped {
            let parts: Vec<&str> = fields(line.trimmed(), 2)
                .into_iter()
                .map(|(_, f)| f)
                .collect();
            let text = parts.join("  ");
            out.push(Decision::new(Action::FurnitureDropped, line.no, text));
        } else {
            kept.push(line);
        }
    }
    (kept, found)
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// On every page: symbol, page number, job number.
    Running,
    /// Only on the first page: the job number with its language letter,
    /// the print date, the barcode, `Please recycle`.
    FirstFooter,
}

/// The kind of furniture a line is, when every field of it is furniture.
fn classify(text: &str, symbol: Option<&str>, first_page: bool) -> Option<Kind> {
    let parts = fields(text, 2);
    if parts.is_empty() {
        return None;
    }
    let mut kind = Kind::Running;
    for (_, field) in parts {
        if is_page_number(field) || is_job(field) || Some(field) == symbol {
            continue;
        }
        if first_page
            && (is_barcode(field)
                || is_print_date(field)
                || is_recycle(field)
                || is_job_with_letter(field))
        {
            kind = Kind::FirstFooter;
            continue;
        }
        return None;
    }
    Some(kind)
}

fn note(text: &str, no: u32, found: &mut Found) {
    for (_, field) in fields(text, 2) {
        if is_job_with_letter(field) && found.job_number.is_none() {
            found.job_number = Some((field.to_string(), no));
        }
        if let Some((_, total)) = field.split_once('/').filter(|_| is_page_number(field)) {
            found.pages = total.parse().ok().max(found.pages);
        }
    }
}

/// A line that is its own page's number out of the document's pages
/// (`2/5` on page 2 of 5): furniture wherever it stands, for raw text may
/// set the page's foot among a table's cells, far from the page's end.
fn is_own_page_number(t: &str, page: u32, pages: u32) -> bool {
    // Asked of every line: read in place, not formatted for comparison.
    let written = |s: &str, n: u32| {
        !s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit()) && s.parse() == Ok(n)
    };
    t.split_once('/')
        .is_some_and(|(a, b)| written(a, page) && written(b, pages))
}

/// A line that is the document's own job number (`26-01284`, as the first
/// page prints it before its language letter): furniture wherever it
/// stands, for raw text may set a page's foot among a chart's boxes.
fn is_own_job(t: &str, found: &Found) -> bool {
    found
        .job_number
        .as_ref()
        .is_some_and(|(job, _)| job.split_whitespace().next() == Some(t))
}

/// `2/13`.
fn is_page_number(f: &str) -> bool {
    let Some((a, b)) = f.split_once('/') else {
        return false;
    };
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    let (Ok(page), Ok(pages)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    digits(a) && digits(b) && (1..=pages).contains(&page) && pages < 2000
}

/// `26-04887`, `V.23-18588`.
fn is_job(f: &str) -> bool {
    let b = f.strip_prefix("V.").unwrap_or(f).as_bytes();
    b.len() == 8
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// `26-04887 (E)`.
fn is_job_with_letter(f: &str) -> bool {
    crate::read::text::is_job_number(f) && f.ends_with(')')
}

/// `*2604887*`.
fn is_barcode(f: &str) -> bool {
    f.len() > 2
        && f.starts_with('*')
        && f.ends_with('*')
        && f[1..f.len() - 1].bytes().all(|c| c.is_ascii_digit())
}

/// `150426`: the day the job was printed.
fn is_print_date(f: &str) -> bool {
    f.len() == 6 && f.bytes().all(|c| c.is_ascii_digit())
}

fn is_recycle(f: &str) -> bool {
    f.trim_start_matches(['♲', ' '])
        .eq_ignore_ascii_case("please recycle")
        || f == "♲"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_jobs() {
        assert!(is_page_number("2/13"));
        assert!(!is_page_number("2024/25"));
        assert!(is_job("26-04887"));
        assert!(is_job_with_letter("26-04887 (E)"));
        assert!(classify("2/13        26-04887", None, false).is_some());
        assert!(classify("A/80/614", Some("A/80/614"), false).is_some());
        assert!(classify("2024/25 period", None, false).is_none());
    }

    #[test]
    fn a_pages_own_number_is_dropped_among_its_lines() {
        // Page 2 of 3 has its number mid-page, among a table's cells, where
        // `3/3` (not its number) stays.
        let mut text = String::from("A/80/1\n\n1. Text.\n\u{c}");
        let cells = (1..=12).map(|k| format!("Cell {k}\n")).collect::<String>();
        text.push_str(&format!(
            "A/80/1\nTable 1\nA title\n(Units)\n2/3\n3/3\n{cells}\u{c}A/80/1\n\n2. Text.\n\u{c}"
        ));
        let (kept, _) = strip(
            super::super::pages::split(&text),
            Some("A/80/1"),
            &mut Vec::new(),
        );
        let kept: Vec<&str> = kept.iter().map(Src::trimmed).collect();
        assert!(!kept.contains(&"2/3") && kept.contains(&"3/3"), "{kept:?}");
    }
}
