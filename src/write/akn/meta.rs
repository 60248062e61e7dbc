//! `<meta>`: the FRBR identification of the Work, Expression and
//! Manifestation, the publication, the lifecycle (the date of issue), the
//! references (TLCOrganization for the organ and for undoc, TLCRole for the
//! author and editor roles, TLCConcept for the distribution class and the
//! original language), footnotes no mark places, and the duty station.

use super::AknWriter;
use crate::akn::{self, iri};
use crate::model::Inline;

impl AknWriter<'_> {
    pub(super) fn meta(&mut self, depth: usize) {
        self.newline(depth);
        self.markup("<meta>");
        self.identification(depth + 1, "main");
        self.publication(depth + 1);
        self.lifecycle(depth + 1);
        self.references(depth + 1);
        self.unplaced_notes(depth + 1);
        self.proprietary(depth + 1);
        self.newline(depth);
        self.markup("</meta>");
    }

    /// The `<meta>` of an annex: the identification of component `name`.
    pub(super) fn component_meta(&mut self, depth: usize, name: &str) {
        self.newline(depth);
        self.markup("<meta>");
        self.identification(depth + 1, name);
        self.newline(depth);
        self.markup("</meta>");
    }

    /// `<identification>` of component `name` (`main`, `annex_1`).
    fn identification(&mut self, depth: usize, name: &str) {
        let id = self.identity;
        let (date, author) = (id.date.as_str(), id.author.as_str());
        let d = depth + 2;
        self.newline(depth);
        self.markup(r##"<identification source="#undoc">"##);
        let this = self.ids.build(|o| iri::push_component(o, &id.work, name));
        self.frbr_open(depth + 1, "<FRBRWork>", &this, &id.work);
        self.frbr_tail(d, date, "publication", author, "#author");
        self.value(d, r#"<FRBRcountry value=""#, "un");
        self.value(d, r#"<FRBRsubtype value=""#, id.class.subtype);
        self.newline(d);
        let number = [
            (r#"<FRBRnumber value=""#, id.number.as_str()),
            (r#"" showAs=""#, &id.symbol),
        ];
        self.spelled_tag(&number, "\"/>");
        self.frbr_close(depth + 1, "</FRBRWork>");
        self.ids.recycle(this);
        let this = self
            .ids
            .build(|o| iri::push_component(o, &id.expression, name));
        self.frbr_open(depth + 1, "<FRBRExpression>", &this, &id.expression);
        self.frbr_tail(d, date, "publication", author, "#author");
        let language = self.doc.lang.iso639_2();
        self.value(d, r#"<FRBRlanguage language=""#, language);
        self.frbr_close(depth + 1, "</FRBRExpression>");
        self.ids.recycle(this);
        let this = self
            .ids
            .build(|o| iri::push_manifestation_component(o, &id.expression, name));
        let uri = self
            .ids
            .build(|o| iri::push_manifestation(o, &id.expression));
        self.frbr_open(depth + 1, "<FRBRManifestation>", &this, &uri);
        self.frbr_tail(d, date, "markup", "#undoc", "#editor");
        self.value(d, r#"<FRBRformat value=""#, "application/akn+xml");
        self.frbr_close(depth + 1, "</FRBRManifestation>");
        self.newline(depth);
        self.markup("</identification>");
        self.ids.recycle(this);
        self.ids.recycle(uri);
    }

    /// An FRBR level's start tag (`open`) with its `FRBRthis` and `FRBRuri`.
    fn frbr_open(&mut self, depth: usize, open: &'static str, this: &str, uri: &str) {
        self.newline(depth);
        self.markup(open);
        self.value(depth + 1, r#"<FRBRthis value=""#, this);
        self.value(depth + 1, r#"<FRBRuri value=""#, uri);
    }

    /// An FRBR level's `FRBRdate` and `FRBRauthor`.
    fn frbr_tail(
        &mut self,
        depth: usize,
        date: &str,
        event: &'static str,
        author: &str,
        role: &'static str,
    ) {
        self.newline(depth);
        self.spelled_tag(
            &[(r#"<FRBRdate date=""#, date), (r#"" name=""#, event)],
            "\"/>",
        );
        self.newline(depth);
        let tag = [(r#"<FRBRauthor href=""#, author), (r#"" as=""#, role)];
        self.spelled_tag(&tag, "\"/>");
    }

    fn frbr_close(&mut self, depth: usize, close: &'static str) {
        self.newline(depth);
        self.markup(close);
    }

    /// An empty element of one attribute on its own line: `open` spells
    /// it up to the value (`<FRBRthis value="`).
    fn value(&mut self, depth: usize, open: &'static str, value: &str) {
        self.newline(depth);
        self.spelled_tag(&[(open, value)], "\"/>");
    }

    /// The publication in the Official Document System under the symbol.
    fn publication(&mut self, depth: usize) {
        let id = self.identity;
        self.newline(depth);
        let tag = [
            (r#"<publication date=""#, id.date.as_str()),
            (r#"" name=""#, "ods"),
            (
                r#"" showAs=""#,
                "Official Document System of the United Nations",
            ),
            (r#"" number=""#, &id.symbol),
        ];
        self.spelled_tag(&tag, "\"/>");
    }

    /// The one event undoc knows: the document's issue on its date.
    fn lifecycle(&mut self, depth: usize) {
        let date = &self.identity.date;
        self.newline(depth);
        self.markup(r##"<lifecycle source="#undoc">"##);
        self.newline(depth + 1);
        let tag = [(r#"<eventRef eId="e_issued" date=""#, date.as_str())];
        self.spelled_tag(&tag, r##"" source="#original" type="generation"/>"##);
        self.newline(depth);
        self.markup("</lifecycle>");
    }

    /// `<references>`: the original, the organ, undoc, the roles, and the
    /// concepts the masthead uses.
    fn references(&mut self, depth: usize) {
        let (id, m) = (self.identity, &self.doc.masthead);
        self.newline(depth);
        self.markup(r##"<references source="#undoc">"##);
        let d = depth + 1;
        let original = r#"<original eId=""#;
        self.reference(d, original, "original", &id.expression, &id.symbol);
        let organ = self.ids.build(|organ| {
            for (i, o) in m.organ.iter().enumerate() {
                if i > 0 {
                    organ.push(' ');
                }
                organ.push_str(&o.value);
            }
        });
        let organization = r#"<TLCOrganization eId=""#;
        let href = self.ontology("organizations", &[&id.actor]);
        self.reference(d, organization, &id.actor, &href, &organ);
        self.ids.recycle(href);
        self.ids.recycle(organ);
        let href = "/akn/ontology/organizations/undoc";
        self.reference(d, organization, "undoc", href, "undoc");
        for (role, show_as) in [("author", "Author"), ("editor", "Editor")] {
            let href = self.ontology("roles", &[role]);
            self.reference(d, r#"<TLCRole eId=""#, role, &href, show_as);
            self.ids.recycle(href);
        }
        let concept = r#"<TLCConcept eId=""#;
        if let Some(dist) = &m.distribution {
            let name = dist.value.as_str();
            let id = self.ids.build(|id| {
                id.push_str(name);
                id.make_ascii_lowercase();
            });
            let href = self.ontology("concepts", &["distribution/", &id]);
            self.reference(d, concept, &id, &href, name);
            self.ids.recycle(href);
            self.ids.recycle(id);
        }
        if let Some(o) = &m.original {
            let code = o.value.iso639_2();
            let href = self.ontology("concepts", &["languages/", code]);
            self.reference(d, concept, code, &href, o.value.english_name());
            self.ids.recycle(href);
        }
        self.newline(depth);
        self.markup("</references>");
    }

    /// One entry of `<references>`: `open` spells its tag up to the id
    /// (`<TLCRole eId="`).
    fn reference(&mut self, depth: usize, open: &'static str, id: &str, href: &str, show_as: &str) {
        self.newline(depth);
        let tag = [
            (open, id),
            (r#"" href=""#, href),
            (r#"" showAs=""#, show_as),
        ];
        self.spelled_tag(&tag, "\"/>");
    }

    /// The `href` of a Top Level Class entity of the UN ontology (naming
    /// convention §4.11), `/akn/ontology/CLASS/un/NAME` with the name made
    /// of `name`, in a reused buffer.
    fn ontology(&mut self, class: &str, name: &[&str]) -> String {
        self.ids.build(|href| {
            for part in ["/akn/ontology/", class, "/un/"].iter().chain(name) {
                href.push_str(part);
            }
        })
    }

    /// Footnotes no mark in the text refers to, kept as the document's
    /// notes so that nothing is lost (a valid document has none).
    fn unplaced_notes(&mut self, depth: usize) {
        if self.doc.footnotes.is_empty() {
            return;
        }
        let unplaced: Vec<usize> = (0..self.doc.footnotes.len())
            .filter(|&i| self.marks.binary_search(&self.doc.footnotes[i].n).is_err())
            .collect();
        if unplaced.is_empty() {
            return;
        }
        self.newline(depth);
        self.markup(r##"<notes source="#undoc">"##);
        for i in unplaced {
            let note = &self.doc.footnotes[i];
            let href = self.ids.build(|id| super::eid::push_note_href(id, note.n));
            let (id, marker) = super::eid::note_parts(&href);
            self.newline(depth + 1);
            self.start("note", &[("eId", id), ("marker", marker)], note.span);
            self.markup("<p>");
            self.placed_notes[i] = true;
            self.inlines(&note.content);
            self.markup("</p>");
            self.markup("</note>");
            self.ids.recycle(href);
        }
        self.newline(depth);
        self.markup("</notes>");
    }

    /// The duty station, which only the page writers use (for the paper):
    /// in undoc's own namespace, where Akoma Ntoso keeps local metadata.
    fn proprietary(&mut self, depth: usize) {
        let Some(station) = self.doc.masthead.duty_station.as_ref() else {
            return;
        };
        let element = akn::qualified::DUTY_STATION;
        self.newline(depth);
        self.markup(r##"<proprietary source="#undoc">"##);
        self.leaf(depth + 1, element, station.value.as_str(), station.span);
        self.newline(depth);
        self.markup("</proprietary>");
    }
}

/// Adds the footnote numbers marked in `inlines` to `out`.
pub(super) fn collect_marks(inlines: &[Inline], out: &mut Vec<u32>) {
    for inline in inlines {
        match inline {
            Inline::NoteRef(n) => out.push(n.value),
            Inline::Strong(inner) => collect_marks(inner, out),
            _ => {}
        }
    }
}
