//! `<meta>`: the Expression's language, the symbol and date where the
//! cover does not print them (`FRBRnumber/@showAs`, `FRBRdate`), the duty
//! station undoc keeps in `<proprietary>`, and the notes of `<notes>` that
//! `noteRef`s point to (or that no mark places).

use super::{AknReader, schema_error};
use crate::akn::{self, ext};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::model::{Date, Document, DutyStation, Footnote, Spanned};
use crate::read::xml::tree::Element;

/// The first descendant of `el` named `name`, depth first.
pub(super) fn find<'e, 's>(el: &'e Element<'s>, name: &str) -> Option<&'e Element<'s>> {
    el.elements().find_map(|child| {
        (child.name == name)
            .then_some(child)
            .or_else(|| find(child, name))
    })
}

impl<'t> AknReader<'t> {
    /// The Expression's language, which must be one of the six.
    pub(super) fn language(&self, meta: &Element) -> Result<Lang, Diagnostic> {
        let expression = find(meta, "FRBRExpression")
            .ok_or_else(|| schema_error(meta, "<meta> has no <FRBRExpression>"))?;
        let language = find(expression, "FRBRlanguage")
            .and_then(|l| l.attr("language"))
            .ok_or_else(|| schema_error(expression, "<FRBRExpression> has no <FRBRlanguage>"))?;
        Lang::from_iso639_2(language).ok_or_else(|| {
            schema_error(
                expression,
                format!(
                    "the document's language `{language}` is not one of the six official languages (ara, zho, eng, fra, rus, spa)"
                ),
            )
        })
    }

    /// Remembers `<notes>`' notes by eId, for the marks that refer to them.
    pub(super) fn index_meta_notes(&mut self, meta: &'t Element<'t>) {
        for notes in meta.elements().filter(|e| e.name == "notes") {
            for note in notes.elements().filter(|e| e.name == "note") {
                let id = note.attr("eId").unwrap_or("");
                self.meta_notes.push((id, note));
            }
        }
    }

    /// What the masthead takes from `<meta>` (the cover may say it again).
    pub(super) fn meta(&mut self, meta: &'t Element<'t>, doc: &mut Document) {
        let m = &mut doc.masthead;
        let work = find(meta, "FRBRWork");
        let author = work
            .and_then(|w| find(w, "FRBRauthor"))
            .and_then(|a| a.attr("href"));
        self.author = author.map(|a| a.trim_start_matches('#').to_string());
        if let Some(number) = work.and_then(|w| find(w, "FRBRnumber")) {
            let symbol = number.attr("showAs").or(number.attr("value")).unwrap_or("");
            if crate::symbol::is_valid(symbol) {
                m.symbol = Some(Spanned::new(symbol.to_string(), number.span));
            }
        }
        let date = find(meta, "FRBRExpression").and_then(|e| find(e, "FRBRdate"));
        if let Some((date_el, date)) = date.and_then(|d| Some((d, iso_date(d.attr("date")?)?))) {
            m.date = Some(Spanned::new(date, date_el.span));
        }
        for other in meta.elements() {
            let name = other.name;
            if matches!(
                name,
                "classification" | "workflow" | "analysis" | "temporalData" | "presentation"
            ) {
                self.unheld(other, "metadata the model has no place for; not read");
            }
        }
        for proprietary in meta.elements().filter(|e| e.name == "proprietary") {
            for item in proprietary.elements() {
                let ours = item.namespace == Some(akn::UNDOC_NAMESPACE);
                match DutyStation::parse(&item.text()) {
                    Some(station) if ours && item.name == ext::DUTY_STATION => {
                        m.duty_station = Some(Spanned::new(station, item.span));
                    }
                    _ => self.unheld(item, "local metadata of another tool; not read"),
                }
            }
        }
    }

    /// Notes of `<notes>` no mark referred to become footnotes too (undoc
    /// keeps an unmarked footnote there), numbered by their marker.
    pub(super) fn place_unmarked_notes(&mut self) {
        let notes = std::mem::take(&mut self.meta_notes);
        for (_, note) in &notes {
            let Some(n) = note.attr("marker").and_then(|m| m.trim().parse().ok()) else {
                if !self
                    .referred_notes
                    .iter()
                    .any(|id| Some(id.as_str()) == note.attr("eId"))
                {
                    self.unheld(
                        note,
                        "a note no mark refers to and without a number; not read",
                    );
                }
                continue;
            };
            if self.footnotes.iter().all(|f| f.n != n) {
                let content = self.note_content(note);
                self.footnotes.push(Footnote {
                    n,
                    content,
                    span: note.span,
                });
            }
        }
        self.meta_notes = notes;
    }
}

/// `2025-08-04` (a time or zone after it ignored).
pub(super) fn iso_date(value: &str) -> Option<Date> {
    Date::parse_iso(value.get(..10)?)
}
