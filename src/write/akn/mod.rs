//! The Akoma Ntoso writer (`--to akn`): a UN document as AKN4UN marks it up,
//! valid under the OASIS Akoma Ntoso 3.0 schema.
//!
//! `<akomaNtoso><doc name="report">` (a `<statement>` for resolutions and
//! decisions) holds `meta` (FRBR identification, publication, lifecycle,
//! references), the masthead in `coverPage`, the title in `preface`, the
//! summary and unnumbered text in `preamble`, chapters, sections and
//! numbered paragraphs in `mainBody`, and annexes as `attachments`.
//! Element ids follow the naming convention with language-neutral numbers
//! (`chp_II__sec_A`, `para_4__list_1__point_c`), so every language version
//! of a document has the same ids. Output is deterministic.

mod body;
mod eid;
mod floats;
mod front;
mod inline;
mod meta;

use crate::akn::{self, DocClass, iri};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Annex, Document, Span};
use crate::validate::{SchemaEngine, xsd};
use crate::write::emit::{self, Emitter, XmlOutput};
use eid::Scope;

/// The writer as a row of the output table: the document, checked against
/// the Akoma Ntoso schema (a violation is undoc's error, reported at the
/// source line the offending element came from).
pub fn render(
    doc: &Document,
    _options: &super::WriteOptions,
) -> Result<super::Rendered, Diagnostic> {
    let out = write(doc)?;
    let engine =
        xsd::akoma_ntoso().map_err(|e| Diagnostic::new(Code::Internal, Span::default(), e))?;
    let diagnostics = engine
        .validate(&out.xml)
        .into_iter()
        .map(|v| {
            Diagnostic::new(
                Code::AknSchema,
                out.source_span(v.line),
                format!("{} (generated Akoma Ntoso line {})", v.message, v.line),
            )
        })
        .collect();
    Ok(super::Rendered {
        bytes: out.xml.into_bytes(),
        diagnostics,
        pages: None,
    })
}

/// Serializes `doc` as Akoma Ntoso. A document needs its symbol and date to
/// be named (its FRBR IRIs); without them there is nothing to write.
pub fn write(doc: &Document) -> Result<XmlOutput, Diagnostic> {
    let mut ids = eid::Ids::for_thread();
    let identity = Identity::of(doc, &mut ids).ok_or_else(|| {
        Diagnostic::new(
            Code::MissingMasthead,
            Span::new(1, 1),
            "an Akoma Ntoso document is named by its symbol and date: the masthead has no symbol or no date",
        )
    })?;
    let mut marks = Vec::with_capacity(doc.footnotes.len());
    let xml_len = crate::write::emit::estimated_len_seeing(doc, &mut |inlines| {
        meta::collect_marks(inlines, &mut marks);
    });
    marks.sort_unstable();
    marks.dedup();
    let mut w = AknWriter {
        // Akoma Ntoso is up to about twice undoc XML's length (measured on
        // the samples: 1.3–2.2×): one allocation, no doubling.
        e: Emitter::with_capacity(2 * xml_len),
        marks,
        doc,
        identity: &identity,
        placed_notes: vec![false; doc.footnotes.len()],
        note_index: note_index(doc),
        ids,
    };
    w.document();
    let AknWriter { e, mut ids, .. } = w;
    identity.give_back(&mut ids);
    Ok(e.finish())
}

/// What names the document: its symbol, date and class, and the IRIs and
/// references made of them (worked out once, written several times).
struct Identity<'d> {
    symbol: &'d str,
    /// The date of issue, `YYYY-MM-DD`.
    date: String,
    class: DocClass,
    /// The organ the symbol names (`un-ga`), the id of its TLCOrganization.
    actor: String,
    /// The symbol as the IRIs' number (`A-80-312-Add.1`).
    number: String,
    work: String,
    expression: String,
    /// Whether all of the above is written as it is in an attribute (as
    /// symbols are): the metadata then writes them without escaping.
    plain: bool,
}

impl<'d> Identity<'d> {
    /// The identity of `doc`, its strings built in `ids`' buffers (give
    /// them back with [`Identity::give_back`]).
    fn of(doc: &'d Document, ids: &mut eid::Ids) -> Option<Identity<'d>> {
        let symbol = doc.masthead.symbol.as_ref()?.value.as_str();
        let date = doc.masthead.date.as_ref()?.value;
        let date = ids.build(|iso| date.push_iso(iso));
        let actor = ids.build(|actor| iri::push_actor(actor, symbol));
        let class = akn::doc_class(doc);
        let work = ids.build(|work| iri::push_work(work, class, symbol, &actor, &date));
        let expression = ids.build(|e| iri::push_expression(e, &work, doc.lang, &date));
        let mut identity = Identity {
            expression,
            actor,
            class,
            number: ids.build(|number| iri::push_number(number, symbol)),
            symbol,
            date,
            work,
            plain: false,
        };
        // The Work's IRI holds the actor, the date and the number, and the
        // Expression's extends it.
        identity.plain = [&identity.expression, identity.symbol]
            .iter()
            .all(|s| emit::is_plain_attribute(s));
        Some(identity)
    }

    /// Returns the identity's buffers to `ids`, for the next document.
    fn give_back(self, ids: &mut eid::Ids) {
        for buffer in [
            self.date,
            self.actor,
            self.number,
            self.work,
            self.expression,
        ] {
            ids.recycle(buffer);
        }
    }
}

struct AknWriter<'d> {
    e: Emitter,
    doc: &'d Document,
    identity: &'d Identity<'d>,
    /// For each footnote (in `doc.footnotes` order), whether it has been
    /// written at its first mark; later marks refer to it.
    placed_notes: Vec<bool>,
    /// (footnote number, its index in `doc.footnotes`), sorted by number,
    /// the first footnote of a number only.
    note_index: Vec<(u32, usize)>,
    /// The footnote numbers marked in the text, sorted: a footnote no mark
    /// calls is kept in `<meta>`, which comes before the text.
    marks: Vec<u32>,
    /// Buffers the element ids and component IRIs are built in.
    ids: eid::Ids,
}

/// (footnote number, index of the first footnote of that number), sorted
/// by number: footnotes come numbered in order, so this is usually sorted
/// as built, and a search in it costs no hashing.
fn note_index(doc: &Document) -> Vec<(u32, usize)> {
    let mut index: Vec<(u32, usize)> = doc
        .footnotes
        .iter()
        .enumerate()
        .map(|(i, note)| (note.n, i))
        .collect();
    // Stable, so that the first footnote of a number stays first.
    index.sort_by_key(|&(n, _)| n);
    index.dedup_by_key(|&mut (n, _)| n);
    index
}

impl std::ops::Deref for AknWriter<'_> {
    type Target = Emitter;
    fn deref(&self) -> &Emitter {
        &self.e
    }
}

impl std::ops::DerefMut for AknWriter<'_> {
    fn deref_mut(&mut self) -> &mut Emitter {
        &mut self.e
    }
}

impl AknWriter<'_> {
    fn document(&mut self) {
        self.declaration();
        self.newline(0);
        self.start(
            "akomaNtoso",
            &[
                ("xmlns", akn::NAMESPACE),
                (akn::qualified::XMLNS, akn::UNDOC_NAMESPACE),
            ],
            Span::default(),
        );
        let (doc_type, name) = (self.identity.class.doc_type, self.identity.class.name);
        self.newline(1);
        self.start(doc_type, &[("name", name)], Span::default());
        self.meta(2);
        self.cover_page(2);
        self.preface(2);
        self.preamble(2);
        self.main_body(2, &self.doc.body, &Scope::body(""));
        self.attachments(2);
        self.newline(1);
        self.end(doc_type);
        self.newline(0);
        self.markup("</akomaNtoso>");
        self.text("\n");
    }

    /// `<mainBody>` with `blocks`; a body must hold something, so an empty
    /// one (a letter with no numbered part) holds an empty placeholder.
    fn main_body(&mut self, depth: usize, blocks: &[crate::model::Block], scope: &Scope) {
        self.newline(depth);
        self.markup("<mainBody>");
        if blocks.is_empty() {
            self.newline(depth + 1);
            self.empty("p", &[("class", akn::PLACEHOLDER)]);
        }
        self.blocks(depth + 1, blocks, scope);
        self.newline(depth);
        self.markup("</mainBody>");
    }

    /// Annexes as `<attachments>`: each an `<attachment>` with its label and
    /// heading and a `<doc name="annex">` of its own, named as a component
    /// of the main document (`…/!annex_1`).
    fn attachments(&mut self, depth: usize) {
        let annexes = &self.doc.annexes;
        if annexes.is_empty() {
            return;
        }
        self.newline(depth);
        self.markup("<attachments>");
        for (i, annex) in annexes.iter().enumerate() {
            self.attachment(depth + 1, i + 1, annex);
        }
        self.newline(depth);
        self.markup("</attachments>");
    }

    fn attachment(&mut self, depth: usize, k: usize, annex: &Annex) {
        let id = format!("att_{k}");
        self.newline(depth);
        self.start("attachment", &[("eId", &id)], annex.span);
        let label = self.doc.lang.annex_label(annex.n);
        self.leaf(depth + 1, "num", &label, annex.span);
        self.newline(depth + 1);
        self.start("heading", &[], annex.span);
        self.inlines(&annex.heading);
        self.markup("</heading>");
        self.newline(depth + 1);
        self.start("doc", &[("name", "annex")], Span::default());
        self.component_meta(depth + 2, &format!("annex_{k}"));
        let prefix = self.ids.build(|p| eid::push_component_prefix(p, &id));
        self.main_body(depth + 2, &annex.blocks, &Scope::body(&prefix));
        self.ids.recycle(prefix);
        self.newline(depth + 1);
        self.markup("</doc>");
        self.newline(depth);
        self.markup("</attachment>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Footnote, Inline};

    /// A footnote number given twice (a draft's slip) is written at its
    /// first note's marks; numbers out of order are still found.
    #[test]
    fn note_index_keeps_the_first_footnote_of_a_number() {
        let mut doc = Document::empty(crate::lang::Lang::En, Span::default());
        for n in [1, 3, 2, 3] {
            doc.footnotes.push(Footnote {
                n,
                content: vec![Inline::Text(format!("note {n}"))],
                span: Span::default(),
            });
        }
        assert_eq!(note_index(&doc), vec![(1, 0), (2, 2), (3, 1)]);
    }
}
