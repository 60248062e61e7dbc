//! Figures in UN report text: `![Figure II: Title](chart.png "what it
//! shows")` on a line of its own, then notes (`^a^ text`) and a source line
//! as under a table. The picture's path is relative to the source's folder
//! and may not leave it.

use std::path::{Component, Path};

use super::structure::Context;
use super::{Line, table};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::{self, Lang};
use crate::model::{Figure, Span};
use crate::read::inline;

/// A figure line and what followed it: the figure (`None` when its picture
/// could not be used; the diagnostic says why) and how many lines it took.
pub(in crate::read::text) struct Found {
    pub figure: Option<Figure>,
    pub lines: usize,
}

/// Reads a figure starting at `lines[i]`, if that line is one.
pub(in crate::read::text) fn read(
    lines: &[Line],
    i: usize,
    context: &Context,
    out: &mut Vec<Diagnostic>,
) -> Option<Found> {
    let line = &lines[i];
    let (label, target) = parse_line(line.text)?;
    let (path, alt) = split_target(target);
    let (n, title_text) = caption(label, context.lang);
    let title_at = line.text.find(title_text).unwrap_or(2);
    let col = line.col + line.text[..title_at].chars().count() as u32;
    let title = inline::parse(title_text, &[(0, Span::new(line.no, col))]);
    let (notes, source, next) = table::read_notes(lines, i + 1, context.lang);
    let image = match load(path, context.dir) {
        Ok(image) => image,
        Err(why) => {
            out.push(
                Diagnostic::new(
                    Code::BadImage,
                    line.span(),
                    format!("figure picture `{path}`: {why}"),
                )
                .with_length(line.text.chars().count() as u32),
            );
            return Some(Found {
                figure: None,
                lines: next - i,
            });
        }
    };
    let alt = match alt {
        Some(alt) => alt.to_string(),
        None => crate::model::plain_text(&title),
    };
    Some(Found {
        figure: Some(Figure {
            n,
            title,
            image,
            alt,
            notes,
            source,
            span: line.span(),
        }),
        lines: next - i,
    })
}

/// `![label](target)` filling the whole line → (label, target).
fn parse_line(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("![")?;
    let close = rest.find("](")?;
    let target = rest[close + 2..].strip_suffix(')')?;
    Some((&rest[..close], target))
}

/// `path "alt text"` → (path, alt).
fn split_target(target: &str) -> (&str, Option<&str>) {
    let target = target.trim();
    match target.find(" \"") {
        Some(at) if target.ends_with('"') => (
            target[..at].trim(),
            Some(&target[at + 2..target.len() - 1]).filter(|a| !a.trim().is_empty()),
        ),
        _ => (target, None),
    }
}

/// `Figure II: Title` → (Some(2), "Title"), in any language (`图二`,
/// `الشكل الثاني`); any other label is an unnumbered figure's title.
pub(crate) fn caption(label: &str, lang: Lang) -> (Option<u32>, &str) {
    let label = label.trim();
    for l in [lang].into_iter().chain(lang::ALL) {
        let Some(rest) = label.strip_prefix(l.figure_word()) else {
            continue;
        };
        let (number, title) = match rest.find([':', '：', '.']) {
            Some(at) => (&rest[..at], rest[at..].trim_start_matches([':', '：', '.'])),
            None => (rest, ""),
        };
        if let Some(n) = lang::parse_label_number(number) {
            return (Some(n), title.trim());
        }
    }
    (None, label)
}

/// Loads the picture at `path`, relative to `dir`, refusing paths that
/// leave it.
pub(crate) fn load(path: &str, dir: Option<&Path>) -> Result<crate::model::Image, String> {
    let dir = dir.ok_or("a figure's picture is found relative to the source's folder; this source has none (standard input?)")?;
    let relative = Path::new(path);
    if relative.is_absolute()
        || relative
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(
            "the path must stay inside the source's folder (no absolute path, no `..`)".into(),
        );
    }
    // A source named without a folder (`report.md`) is in the current one.
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let full = dir.join(relative);
    let meta = std::fs::metadata(&full).map_err(|e| format!("cannot read it: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    // A link inside the folder may still point out of it.
    let inside = match (full.canonicalize(), dir.canonicalize()) {
        (Ok(f), Ok(d)) => f.starts_with(d),
        _ => false,
    };
    if !inside {
        return Err("it leads outside the source's folder".into());
    }
    if meta.len() > crate::image::MAX_IMAGE_BYTES as u64 {
        return Err(format!(
            "the file is {} MB; undoc carries pictures up to {} MB",
            meta.len() / 1_000_000,
            crate::image::MAX_IMAGE_BYTES / 1_000_000
        ));
    }
    let bytes = std::fs::read(&full).map_err(|e| format!("cannot read it: {e}"))?;
    crate::image::probe(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_in_each_language() {
        assert_eq!(
            caption("Figure II: Staffing", Lang::En),
            (Some(2), "Staffing")
        );
        assert_eq!(caption("Gráfico IV. Gastos", Lang::Es), (Some(4), "Gastos"));
        assert_eq!(caption("图三：经费", Lang::Zh), (Some(3), "经费"));
        // Arabic numbers its figures by ordinal adjectives, as it writes them.
        assert_eq!(caption("الشكل الأول: مقدمة", Lang::Ar), (Some(1), "مقدمة"));
        assert_eq!(
            caption(&Lang::Ar.figure_label(12), Lang::Ar),
            (Some(12), "")
        );
        assert_eq!(caption("A chart", Lang::En), (None, "A chart"));
        assert_eq!(split_target("c.png \"Bars\""), ("c.png", Some("Bars")));
        assert_eq!(split_target("c.png"), ("c.png", None));
    }

    #[test]
    fn pictures_stay_inside_the_source_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(
            load("../x.png", Some(dir.path()))
                .unwrap_err()
                .contains("inside")
        );
        assert!(
            load("/etc/passwd", Some(dir.path()))
                .unwrap_err()
                .contains("inside")
        );
        assert!(
            load("missing.png", Some(dir.path()))
                .unwrap_err()
                .contains("cannot read")
        );
        std::fs::write(dir.path().join("fake.png"), "not a picture").expect("write");
        assert!(load("fake.png", Some(dir.path())).is_err());
        assert!(load("x.png", None).is_err());
    }
}
