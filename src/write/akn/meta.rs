//! `<meta>`: the FRBR identification of the Work, Expression and
//! Manifestation, the publication, the lifecycle (the date of issue), the
//! references (TLCOrganization for the organ and for undoc, TLCRole for the
//! author and editor roles, TLCConcept for the distribution class and the
//! original language), footnotes no mark places, and the duty station.

use super::AknWriter;
use crate::akn::{self, iri};
use crate::model::Inline;
use crate::write::emit::{self, Spelled};

/// The three FRBR levels of a component; its holes, in order: the Work's
/// this and uri, date, author (the organ's id), subtype, number and
/// symbol; the Expression's this and uri, date, author and language; the
/// Manifestation's this and uri and date.
const IDENTIFICATION: &[(usize, &str)] = &[
    (0, r##"<identification source="#undoc">"##),
    (1, "<FRBRWork>"),
    (2, r#"<FRBRthis value="{}"/>"#),
    (2, r#"<FRBRuri value="{}"/>"#),
    (2, r#"<FRBRdate date="{}" name="publication"/>"#),
    (2, r##"<FRBRauthor href="#{}" as="#author"/>"##),
    (2, r#"<FRBRcountry value="un"/>"#),
    (2, r#"<FRBRsubtype value="{}"/>"#),
    (2, r#"<FRBRnumber value="{}" showAs="{}"/>"#),
    (1, "</FRBRWork>"),
    (1, "<FRBRExpression>"),
    (2, r#"<FRBRthis value="{}"/>"#),
    (2, r#"<FRBRuri value="{}"/>"#),
    (2, r#"<FRBRdate date="{}" name="publication"/>"#),
    (2, r##"<FRBRauthor href="#{}" as="#author"/>"##),
    (2, r#"<FRBRlanguage language="{}"/>"#),
    (1, "</FRBRExpression>"),
    (1, "<FRBRManifestation>"),
    (2, r#"<FRBRthis value="{}"/>"#),
    (2, r#"<FRBRuri value="{}"/>"#),
    (2, r#"<FRBRdate date="{}" name="markup"/>"#),
    (2, r##"<FRBRauthor href="#undoc" as="#editor"/>"##),
    (2, r#"<FRBRformat value="application/akn+xml"/>"#),
    (1, "</FRBRManifestation>"),
    (0, "</identification>"),
];

/// The publication, the lifecycle and the references every document has;
/// its holes: the date and symbol, the date, the original's href and
/// symbol, the organ's id, name (in its href) and title.
const PUBLICATION_TO_ROLES: &[(usize, &str)] = &[
    (
        0,
        r#"<publication date="{}" name="ods" showAs="Official Document System of the United Nations" number="{}"/>"#,
    ),
    (0, r##"<lifecycle source="#undoc">"##),
    (
        1,
        r##"<eventRef eId="e_issued" date="{}" source="#original" type="generation"/>"##,
    ),
    (0, "</lifecycle>"),
    (0, r##"<references source="#undoc">"##),
    (1, r#"<original eId="original" href="{}" showAs="{}"/>"#),
    (
        1,
        r#"<TLCOrganization eId="{}" href="/akn/ontology/organizations/un/{}" showAs="{}"/>"#,
    ),
    (
        1,
        r#"<TLCOrganization eId="undoc" href="/akn/ontology/organizations/undoc" showAs="undoc"/>"#,
    ),
    (
        1,
        r#"<TLCRole eId="author" href="/akn/ontology/roles/un/author" showAs="Author"/>"#,
    ),
    (
        1,
        r#"<TLCRole eId="editor" href="/akn/ontology/roles/un/editor" showAs="Editor"/>"#,
    ),
];

static IDENTIFICATIONS: Spelled = Spelled::new(IDENTIFICATION);
static PUBLICATIONS: Spelled = Spelled::new(PUBLICATION_TO_ROLES);

impl AknWriter<'_> {
    pub(super) fn meta(&mut self, depth: usize) {
        self.newline(depth);
        self.markup("<meta>");
        self.identification(depth + 1, "main");
        self.publication_to_roles(depth + 1);
        self.concepts(depth + 2);
        self.newline(depth + 1);
        self.markup("</references>");
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
        let work_this = self.ids.build(|o| iri::push_component(o, &id.work, name));
        let expression_this = self
            .ids
            .build(|o| iri::push_component(o, &id.expression, name));
        let manifestation_this = self
            .ids
            .build(|o| iri::push_manifestation_component(o, &id.expression, name));
        let manifestation = self
            .ids
            .build(|o| iri::push_manifestation(o, &id.expression));
        let (date, author) = (id.date.as_str(), id.actor.as_str());
        let values = [
            &work_this,
            &id.work,
            date,
            author,
            id.class.subtype,
            &id.number,
            id.symbol,
            &expression_this,
            &id.expression,
            date,
            author,
            self.doc.lang.iso639_2(),
            &manifestation_this,
            &manifestation,
            date,
        ];
        let identification = IDENTIFICATIONS.at(depth);
        // Component names are ids (`annex_1`): plain like the rest.
        if id.plain && emit::is_plain_attribute(name) {
            self.fill_plain(&identification, &values);
        } else {
            self.fill(&identification, &values);
        }
        for buffer in [
            work_this,
            expression_this,
            manifestation_this,
            manifestation,
        ] {
            self.ids.recycle(buffer);
        }
    }

    /// The publication in the Official Document System under the symbol,
    /// the one event undoc knows (the document's issue on its date), and
    /// the references up to the roles: the original, the organ, undoc.
    fn publication_to_roles(&mut self, depth: usize) {
        let (id, m) = (self.identity, &self.doc.masthead);
        let organ = self.ids.build(|organ| {
            for (i, o) in m.organ.iter().enumerate() {
                if i > 0 {
                    organ.push(' ');
                }
                organ.push_str(&o.value);
            }
        });
        let (date, symbol, actor) = (id.date.as_str(), id.symbol, id.actor.as_str());
        let values = [
            date,
            symbol,
            date,
            &id.expression,
            symbol,
            actor,
            actor,
            &organ,
        ];
        self.fill(&PUBLICATIONS.at(depth), &values);
        self.ids.recycle(organ);
    }

    /// The concepts the masthead uses: its distribution class and the
    /// original language.
    fn concepts(&mut self, d: usize) {
        let m = &self.doc.masthead;
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
