//! `<meta>`: the FRBR identification of the Work, Expression and
//! Manifestation, the publication, the lifecycle (the date of issue), the
//! references (TLCOrganization for the organ and for undoc, TLCRole for the
//! author and editor roles, TLCConcept for the distribution class and the
//! original language), footnotes no mark places, and the duty station.

use super::AknWriter;
use crate::akn::{self, iri};
use crate::model::{Inline, Span};

/// `href` of a Top Level Class entity of the UN ontology (naming convention §4.11).
fn ontology(class: &str, name: &str) -> String {
    format!("/akn/ontology/{class}/un/{name}")
}

/// A `TLCRole` reference.
fn role(id: &str, show_as: &str) -> (&'static str, String, String, String) {
    ("TLCRole", id.into(), ontology("roles", id), show_as.into())
}

impl AknWriter<'_> {
    pub(super) fn meta(&mut self, depth: usize) {
        self.newline(depth);
        self.start("meta", &[], Span::default());
        self.identification(depth + 1, "main");
        self.publication(depth + 1);
        self.lifecycle(depth + 1);
        self.references(depth + 1);
        self.unplaced_notes(depth + 1);
        self.proprietary(depth + 1);
        self.newline(depth);
        self.end("meta");
    }

    /// The `<meta>` of an annex: the identification of component `name`.
    pub(super) fn component_meta(&mut self, depth: usize, name: &str) {
        self.newline(depth);
        self.start("meta", &[], Span::default());
        self.identification(depth + 1, name);
        self.newline(depth);
        self.end("meta");
    }

    /// `<identification>` of component `name` (`main`, `annex_1`).
    fn identification(&mut self, depth: usize, name: &str) {
        let id = &self.identity;
        let (work, expression) = (id.work.clone(), id.expression.clone());
        let date = id.date.iso();
        let author = format!("#{}", id.actor);
        self.newline(depth);
        self.start("identification", &[("source", "#undoc")], Span::default());
        self.frbr_open(depth + 1, "FRBRWork", &iri::component(&work, name), &work);
        self.frbr_tail(depth + 2, &date, "publication", &author, "#author");
        self.value(depth + 2, "FRBRcountry", "un", None);
        self.value(depth + 2, "FRBRsubtype", self.identity.class.subtype, None);
        let (number, symbol) = (
            iri::number(&self.identity.symbol),
            self.identity.symbol.clone(),
        );
        self.value(depth + 2, "FRBRnumber", &number, Some(&symbol));
        self.frbr_close(depth + 1, "FRBRWork");
        let this = iri::component(&expression, name);
        self.frbr_open(depth + 1, "FRBRExpression", &this, &expression);
        self.frbr_tail(depth + 2, &date, "publication", &author, "#author");
        self.newline(depth + 2);
        let language = self.doc.lang.iso639_2();
        self.empty("FRBRlanguage", &[("language", language)]);
        self.frbr_close(depth + 1, "FRBRExpression");
        let this = iri::manifestation_component(&expression, name);
        let uri = iri::manifestation(&expression);
        self.frbr_open(depth + 1, "FRBRManifestation", &this, &uri);
        self.frbr_tail(depth + 2, &date, "markup", "#undoc", "#editor");
        self.value(depth + 2, "FRBRformat", "application/akn+xml", None);
        self.frbr_close(depth + 1, "FRBRManifestation");
        self.newline(depth);
        self.end("identification");
    }

    /// An FRBR level's start with its `FRBRthis` and `FRBRuri`.
    fn frbr_open(&mut self, depth: usize, level: &str, this: &str, uri: &str) {
        self.newline(depth);
        self.start(level, &[], Span::default());
        self.value(depth + 1, "FRBRthis", this, None);
        self.value(depth + 1, "FRBRuri", uri, None);
    }

    /// An FRBR level's `FRBRdate` and `FRBRauthor`.
    fn frbr_tail(&mut self, depth: usize, date: &str, event: &str, author: &str, role: &str) {
        self.newline(depth);
        self.empty("FRBRdate", &[("date", date), ("name", event)]);
        self.newline(depth);
        self.empty("FRBRauthor", &[("href", author), ("as", role)]);
    }

    fn frbr_close(&mut self, depth: usize, level: &str) {
        self.newline(depth);
        self.end(level);
    }

    /// `<name value="…"/>`, with `showAs` when given.
    fn value(&mut self, depth: usize, name: &str, value: &str, show_as: Option<&str>) {
        self.newline(depth);
        let mut attrs = vec![("value", value)];
        attrs.extend(show_as.map(|s| ("showAs", s)));
        self.empty(name, &attrs);
    }

    /// The publication in the Official Document System under the symbol.
    fn publication(&mut self, depth: usize) {
        let date = self.identity.date.iso();
        let symbol = self.identity.symbol.clone();
        self.newline(depth);
        self.empty(
            "publication",
            &[
                ("date", &date),
                ("name", "ods"),
                ("showAs", "Official Document System of the United Nations"),
                ("number", &symbol),
            ],
        );
    }

    /// The one event undoc knows: the document's issue on its date.
    fn lifecycle(&mut self, depth: usize) {
        let date = self.identity.date.iso();
        self.newline(depth);
        self.start("lifecycle", &[("source", "#undoc")], Span::default());
        self.newline(depth + 1);
        let attrs = [
            ("eId", "e_issued"),
            ("date", date.as_str()),
            ("source", "#original"),
            ("type", "generation"),
        ];
        self.empty("eventRef", &attrs);
        self.newline(depth);
        self.end("lifecycle");
    }

    /// `<references>`: the original, the organ, undoc, the roles, and the
    /// concepts the masthead uses.
    fn references(&mut self, depth: usize) {
        let entries = self.reference_entries();
        self.newline(depth);
        self.start("references", &[("source", "#undoc")], Span::default());
        for (element, id, href, show_as) in &entries {
            self.newline(depth + 1);
            self.empty(element, &[("eId", id), ("href", href), ("showAs", show_as)]);
        }
        self.newline(depth);
        self.end("references");
    }

    /// (element, eId, href, showAs) of each reference.
    fn reference_entries(&self) -> Vec<(&'static str, String, String, String)> {
        let m = &self.doc.masthead;
        let organ = m
            .organ
            .iter()
            .map(|o| o.value.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let id = &self.identity;
        let actor = id.actor.clone();
        let mut entries = vec![
            (
                "original",
                "original".into(),
                id.expression.clone(),
                id.symbol.clone(),
            ),
            (
                "TLCOrganization",
                actor.clone(),
                ontology("organizations", &actor),
                organ,
            ),
            (
                "TLCOrganization",
                "undoc".into(),
                "/akn/ontology/organizations/undoc".into(),
                "undoc".into(),
            ),
            role("author", "Author"),
            role("editor", "Editor"),
        ];
        if let Some(d) = &m.distribution {
            let name = d.value.as_str();
            let id = name.to_ascii_lowercase();
            let href = ontology("concepts", &format!("distribution/{id}"));
            entries.push(("TLCConcept", id, href, name.into()));
        }
        if let Some(o) = &m.original {
            let code = o.value.iso639_2();
            let href = ontology("concepts", &format!("languages/{code}"));
            let name = o.value.english_name().into();
            entries.push(("TLCConcept", code.into(), href, name));
        }
        entries
    }

    /// Footnotes no mark in the text refers to, kept as the document's
    /// notes so that nothing is lost (a valid document has none).
    fn unplaced_notes(&mut self, depth: usize) {
        if self.doc.footnotes.is_empty() {
            return;
        }
        let marked = marked_notes(self.doc);
        let unplaced: Vec<usize> = (0..self.doc.footnotes.len())
            .filter(|&i| !marked.contains(&self.doc.footnotes[i].n))
            .collect();
        if unplaced.is_empty() {
            return;
        }
        self.newline(depth);
        self.start("notes", &[("source", "#undoc")], Span::default());
        for i in unplaced {
            let note = &self.doc.footnotes[i];
            let (id, marker) = (super::eid::footnote(note.n), note.n.to_string());
            self.newline(depth + 1);
            self.start("note", &[("eId", &id), ("marker", &marker)], note.span);
            self.start("p", &[], Span::default());
            self.placed_notes[i] = true;
            self.inlines(&note.content);
            self.end("p");
            self.end("note");
        }
        self.newline(depth);
        self.end("notes");
    }

    /// The duty station, which only the page writers use (for the paper):
    /// in undoc's own namespace, where Akoma Ntoso keeps local metadata.
    fn proprietary(&mut self, depth: usize) {
        let Some(station) = self.doc.masthead.duty_station.as_ref() else {
            return;
        };
        let element = akn::qualified::DUTY_STATION;
        self.newline(depth);
        self.start("proprietary", &[("source", "#undoc")], Span::default());
        self.leaf(depth + 1, element, station.value.as_str(), station.span);
        self.newline(depth);
        self.end("proprietary");
    }
}

/// The footnote numbers marked anywhere in the document (a set: a report
/// may hold hundreds of notes and thousands of marks).
fn marked_notes(doc: &crate::model::Document) -> std::collections::HashSet<u32> {
    fn collect(inlines: &[Inline], out: &mut std::collections::HashSet<u32>) {
        for inline in inlines {
            match inline {
                Inline::NoteRef(n) => {
                    out.insert(n.value);
                }
                Inline::Strong(inner) => collect(inner, out),
                _ => {}
            }
        }
    }
    let mut out = std::collections::HashSet::new();
    doc.for_each_inlines(&mut |inlines| collect(inlines, &mut out));
    out
}
