//! What tables and figures share, as the DGACM files set it: the title
//! block above (`Table 3` and the bold title in `H23`, hanging like a
//! subheading but kept out of the outline; the units line in 7 pt) and
//! the notes and source line below, in footnote type, each note's letter
//! hanging at the text indent.

use super::body::{Story, heading};
use super::props::{Ind, LineRule, PPr, RPr, Spacing};
use super::styles::TEXT_INDENT;
use super::units::{half_points, twips};
use crate::model::{Inline, TableNote};
use crate::write::page::table as geometry;

/// Outline level of body text: table and figure titles are not headings.
const BODY_TEXT_LEVEL: u8 = 9;

impl<'a> Story<'_, 'a> {
    /// The title block: `label` (not bold) over `title` (bold), then the
    /// units line; the last line keeps [`geometry::TITLE_AFTER`] below it.
    pub(super) fn float_title(
        &mut self,
        label: Option<&str>,
        title: &[Inline],
        units: Option<&[Inline]>,
    ) {
        let gap = |last: bool| twips(if last { geometry::TITLE_AFTER } else { 0.0 });
        if label.is_some() || !title.is_empty() {
            let mut ppr = heading("H23", geometry::TITLE_BEFORE, 0.0);
            ppr.outline = Some(BODY_TEXT_LEVEL);
            if let Some(spacing) = &mut ppr.spacing {
                spacing.after = Some(gap(units.is_none()));
            }
            self.paragraph(ppr, |f| {
                f.tab();
                f.tab();
                if let Some(label) = label {
                    let plain = RPr {
                        b: Some(false),
                        b_cs: Some(false),
                        ..RPr::default()
                    };
                    let text = if title.is_empty() {
                        label.to_string()
                    } else {
                        format!("{label}\n")
                    };
                    f.run(&text, plain);
                }
                f.inlines(title, &RPr::default());
            });
        }
        if let Some(units) = units {
            self.units_line(units, gap(true));
        }
    }

    /// `(Thousands of United States dollars)`: 7 pt, kept with the table.
    fn units_line(&mut self, units: &[Inline], after: i32) {
        let small = RPr {
            sz: Some(half_points(geometry::UNITS.size)),
            sz_cs: Some(half_points(geometry::UNITS.size)),
            ..RPr::default()
        };
        let ppr = PPr {
            style: Some("SingleTxt"),
            keep_next: Some(true),
            keep_lines: Some(true),
            spacing: Some(Spacing {
                after: Some(after),
                ..Spacing::default()
            }),
            mark: Some(small.clone()),
            ..PPr::default()
        };
        self.paragraph(ppr, |f| f.inlines(units, &small));
    }

    /// The notes and source line under a table or figure, or, when it has
    /// neither, an empty line as high as the space below it: a table must
    /// be followed by a paragraph (Word would join two tables in a row).
    pub(super) fn float_notes(&mut self, notes: &[TableNote], source: Option<&[Inline]>) {
        if notes.is_empty() && source.is_none() {
            self.gap(geometry::AFTER);
            return;
        }
        let count = notes.len() + usize::from(source.is_some());
        let spacing = |i: usize| Spacing {
            before: (i == 0).then(|| twips(geometry::NOTES_BEFORE)),
            after: (i + 1 == count).then(|| twips(geometry::AFTER)),
            line: None,
        };
        for (i, note) in notes.iter().enumerate() {
            self.table_note(note, spacing(i), TEXT_INDENT);
        }
        if let Some(source) = source {
            self.source_line(source, spacing(count - 1), TEXT_INDENT);
        }
    }

    /// A note: its letter, raised and italic, hanging at `indent`, then its text.
    pub(super) fn table_note(&mut self, note: &TableNote, spacing: Spacing, indent: i32) {
        let hang = twips(geometry::NOTE_TEXT - crate::write::page::TEXT_INDENT);
        let ppr = note_ppr(spacing, indent + hang, Some(hang));
        let letter = crate::lang::latin_letter(note.n, false);
        self.paragraph(ppr, |f| {
            f.run(
                &letter,
                RPr {
                    i: Some(true),
                    i_cs: Some(true),
                    vert_align: Some("superscript"),
                    ..RPr::default()
                },
            );
            f.tab();
            f.inlines(&note.content, &RPr::default());
        });
    }

    /// The source line at `indent`, its leading `Source` in italic.
    pub(super) fn source_line(&mut self, source: &[Inline], spacing: Spacing, indent: i32) {
        let ppr = note_ppr(spacing, indent, None);
        let word = self.source_word(source);
        self.paragraph(ppr, |f| match word {
            Some((word, rest)) => {
                let italic = RPr {
                    i: Some(true),
                    i_cs: Some(true),
                    ..RPr::default()
                };
                f.run(word, italic);
                f.run(rest, RPr::default());
                f.inlines(&source[1..], &RPr::default());
            }
            None => f.inlines(source, &RPr::default()),
        });
    }

    /// `Source` (or `Sources`, or the language's word) at the head of a
    /// source line, and the rest of its first run.
    fn source_word<'s>(&self, source: &'s [Inline]) -> Option<(&'s str, &'s str)> {
        let Some(Inline::Text(first)) = source.first() else {
            return None;
        };
        let (word, _) = first.split_once(':')?;
        let known = [self.ctx.lang.source_word(), "Source", "Sources"];
        known
            .contains(&word.trim())
            .then(|| first.split_at(word.len()))
    }

    /// An empty line exactly `height` points high.
    pub(super) fn gap(&mut self, height: f32) {
        let ppr = PPr {
            spacing: Some(Spacing {
                before: Some(0),
                after: Some(0),
                line: Some((twips(height), LineRule::Exact)),
            }),
            mark: Some(RPr {
                sz: Some(2),
                sz_cs: Some(2),
                ..RPr::default()
            }),
            ..PPr::default()
        };
        self.paragraph(ppr, |_| {});
    }
}

/// A note or source paragraph in footnote type, starting at `left` (the
/// first line `hanging` before it).
fn note_ppr<'a>(spacing: Spacing, left: i32, hanging: Option<i32>) -> PPr<'a> {
    PPr {
        style: Some("FootnoteText"),
        spacing: Some(spacing),
        ind: Some(Ind {
            left: Some(left),
            right: Some(0),
            hanging: Some(hanging.unwrap_or(0)),
        }),
        ..PPr::default()
    }
}
