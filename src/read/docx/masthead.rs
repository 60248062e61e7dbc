//! The masthead of a DGACM Word file, from the first page's header (a
//! layout table: the organization's name, the organ, the symbol with its
//! large first letter in a run of its own, `Distr.`, the date and
//! `Original:`) and footer (the job number `26-04887 (E)`).

use super::content::Node;
use super::inlines::plain;
use super::places::Ctx;
use crate::lang::{self, Lang};
use crate::model::{Masthead, Spanned};
use crate::read::text::is_job_number;
use crate::symbol;

/// The texts of a header or footer: one per paragraph, in order, table
/// cells included.
pub fn lines(nodes: &[Node]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in nodes {
        match node {
            Node::Para(p) => {
                let text = plain(&p.runs).replace('\t', " ");
                if !text.trim().is_empty() {
                    out.push((p.position.clone(), text.trim().to_string()));
                }
            }
            Node::Table(t) => {
                for row in &t.rows {
                    for cell in &row.cells {
                        out.extend(lines(&cell.content));
                    }
                }
            }
        }
    }
    out
}

/// Reads the first-page header's lines into `m`; returns the language the
/// organization's name is written in.
pub fn header(lines: &[(String, String)], m: &mut Masthead, ctx: &mut Ctx) -> Option<Lang> {
    let mut lang = None;
    for (position, text) in lines {
        let span = ctx.place_at(position, text);
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(l) = lang::ALL.iter().find(|l| l.organization_name() == text) {
            lang = Some(*l);
        } else if let Some(d) = lang::parse_distribution(text) {
            m.distribution = Some(Spanned::new(d, span));
            lang = lang.or_else(|| lang::distribution_language(text));
        } else if let Some(o) = lang::parse_original_line(text) {
            m.original = Some(Spanned::new(o, span));
        } else if lang::ALL.iter().any(|l| l.version_line() == text) {
            // The version's language above `Original:` (`Arabic`,
            // `Français`): the document's language, no organ.
        } else if let Some(d) = lang::parse_written_date(text) {
            m.date = Some(Spanned::new(d, span));
        } else if m.symbol.is_none()
            && let Some(found) = symbol_of(text, &compact)
        {
            m.symbol = Some(Spanned::new(found, span));
        } else {
            m.organ.push(Spanned::new(text.clone(), span));
        }
    }
    lang
}

/// Reads the job number from the first-page footer's lines: at the start
/// of its line, or after the recycling mark where the footer is mirrored
/// (Arabic: `♲ Please recycle 25-10000 (A)`).
pub fn footer(lines: &[(String, String)], m: &mut Masthead, ctx: &mut Ctx) {
    for (position, text) in lines {
        if let Some(found) = job_number_in(text) {
            let span = ctx.place_at(position, text);
            m.job_number = Some(Spanned::new(found.to_string(), span));
            return;
        }
    }
}

/// The first job number (`25-10000 (A)`) in `text`, ending at a `)`.
fn job_number_in(text: &str) -> Option<&str> {
    text.match_indices(')').find_map(|(close, _)| {
        let before = &text[..=close];
        // It starts at the line's start or after a space, at most two
        // spaces before the `)` (`V.25-10437 (S)`, `25-10000 (A)`).
        let starts = before
            .char_indices()
            .filter(|&(i, c)| i == 0 || c == ' ')
            .map(|(i, _)| i)
            .collect::<Vec<_>>();
        starts
            .iter()
            .rev()
            .take(3)
            .map(|&i| before[i..].trim())
            .find(|candidate| is_job_number(candidate))
    })
}

/// Whether the first section is on US Letter paper, which tells a New
/// York document (`w:pgSz` in twips, twenty to the point).
pub fn on_letter_paper(section: &[(String, String, String)]) -> bool {
    let points = |v: &str| v.trim().parse::<u32>().ok().map(|t| t as f32 / 20.0);
    section.iter().any(|(kind, w, h)| {
        kind == "pgSz"
            && points(w)
                .zip(points(h))
                .is_some_and(|(w, h)| crate::model::is_us_letter(w, h))
    })
}

/// The document symbol a header line holds, as written (`A/80/6 (Sect. 29)`)
/// or without the spaces its large first letter left (`A /80/614`).
fn symbol_of(text: &str, compact: &str) -> Option<String> {
    let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
    [spaced, compact.to_string()]
        .into_iter()
        .find(|s| s.contains('/') && symbol::is_valid(s))
}
