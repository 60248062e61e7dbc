//! Akoma Ntoso for the United Nations system (AKN4UN), shared by the
//! Akoma Ntoso writer and reader: the namespaces, the document classes and
//! the FRBR IRIs of the naming convention ([`iri`]).
//!
//! Sources: OASIS Akoma Ntoso Version 1.0 (the schema in `schemas/akn/`),
//! the Akoma Ntoso Naming Convention Version 1.0 and the AKN4UN guidelines
//! (<https://unsceb-hlcm.github.io/>).

pub mod iri;

use crate::model::{Document, Inline, plain_text};
use std::borrow::Cow;

/// The Akoma Ntoso 3.0 namespace (OASIS LegalDocML).
pub const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The namespace of undoc's extension attributes (a table's column grid, a
/// cell's alignment, a total row, a list's labels): Akoma Ntoso allows
/// attributes of other namespaces on every element (`anyAttribute
/// namespace="##other"`), so they stay valid and other tools ignore them.
pub const UNDOC_NAMESPACE: &str = "urn:undoc:akn:1";

/// The prefix undoc writes for [`UNDOC_NAMESPACE`].
pub const UNDOC_PREFIX: &str = "undoc";

/// The local names of undoc's extension attributes and elements.
pub mod ext {
    /// On `<list>`: how its items are labelled (`decimal`, `alpha`, `roman`, `bullet`).
    pub const KIND: &str = "kind";
    /// On `<hcontainer name="subheading">`: 3 or 4.
    pub const LEVEL: &str = "level";
    /// On `<table>`: each grid column's alignment, `-spacer` for a spacer
    /// column (`start end end start-spacer`).
    pub const COLUMNS: &str = "columns";
    /// On `<th>`/`<td>`: the cell's alignment where it differs from its column's.
    pub const ALIGN: &str = "align";
    /// On `<th>`/`<td>`: tab stops a row label stands in (`1`).
    pub const INDENT: &str = "indent";
    /// On `<tr>`: `true` for a total row.
    pub const TOTAL: &str = "total";
    /// In `<proprietary>`: the duty station (`New York`).
    pub const DUTY_STATION: &str = "dutyStation";
}

/// The `name`s of the `hcontainer`s undoc writes: a subheading, and the
/// containers that hold text, a table or a figure inside a chapter or
/// section (where only hierarchy elements may stand).
pub mod hcontainer {
    pub const SUBHEADING: &str = "subheading";
    pub const TEXT: &str = "text";
    pub const TABLE: &str = "table";
    pub const FIGURE: &str = "figure";
}

/// The `class` of the empty `<p>` that stands in an empty body.
pub const PLACEHOLDER: &str = "placeholder";

/// The `name`s of the cover page's inline elements (`<inline name="…">`)
/// that carry masthead fields, as the writer writes and the reader reads them.
pub mod cover {
    pub const DISTRIBUTION: &str = "distribution";
    pub const VERSION: &str = "versionLanguage";
    pub const ORIGINAL: &str = "originalLanguage";
    pub const SESSION_BODY: &str = "sessionBody";
    pub const SESSION_DATES: &str = "sessionDates";
    pub const AGENDA: &str = "agendaItem";
    pub const AGENDA_TITLE: &str = "agendaItemTitle";
}

/// `undoc:name`, the qualified name undoc writes for an extension.
pub fn ext_name(local: &str) -> String {
    format!("{UNDOC_PREFIX}:{local}")
}

/// The extensions' qualified names as the writer writes them (`undoc:` and
/// the names of [`ext`]), spelled out so that no table cell or list builds
/// one; a test holds them equal to [`ext_name`]'s.
pub mod qualified {
    /// The declaration of the prefix, on the root element.
    pub const XMLNS: &str = "xmlns:undoc";
    pub const KIND: &str = "undoc:kind";
    pub const LEVEL: &str = "undoc:level";
    pub const COLUMNS: &str = "undoc:columns";
    pub const ALIGN: &str = "undoc:align";
    pub const INDENT: &str = "undoc:indent";
    pub const TOTAL: &str = "undoc:total";
    pub const DUTY_STATION: &str = "undoc:dutyStation";
}

#[cfg(test)]
mod qualified_tests {
    use super::{UNDOC_PREFIX, ext, ext_name, qualified};

    #[test]
    fn qualified_names_are_the_prefix_and_the_extension() {
        let pairs = [
            (qualified::KIND, ext::KIND),
            (qualified::LEVEL, ext::LEVEL),
            (qualified::COLUMNS, ext::COLUMNS),
            (qualified::ALIGN, ext::ALIGN),
            (qualified::INDENT, ext::INDENT),
            (qualified::TOTAL, ext::TOTAL),
            (qualified::DUTY_STATION, ext::DUTY_STATION),
        ];
        for (written, local) in pairs {
            assert_eq!(written, ext_name(local));
        }
        assert_eq!(qualified::XMLNS, format!("xmlns:{UNDOC_PREFIX}"));
    }
}

/// What kind of document an Akoma Ntoso element holds: the element under
/// `<akomaNtoso>` (`doc`, `statement`), the subtype of the IRIs and the
/// document's `name` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocClass {
    /// The document type element: `doc` or `statement`.
    pub doc_type: &'static str,
    /// The subtype of the Work IRI (AKN4UN: `report`, `deliberation`).
    pub subtype: &'static str,
    /// The `name` attribute (AKN4UN sub-class): `report`, `note`,
    /// `letter`, `resolution`, `decision`, `presidentialStatement`.
    pub name: &'static str,
}

/// The class of `doc`: resolutions, decisions and presidential statements
/// (by their symbol) are AKN4UN deliberative statements; every other
/// document is a `doc`, named a note or a letter by its subtitle or title.
pub fn doc_class(doc: &Document) -> DocClass {
    let symbol = doc
        .masthead
        .symbol
        .as_ref()
        .map_or("", |s| s.value.as_str());
    let class = iri::symbol_class(symbol);
    if class.doc_type != "doc" {
        return class;
    }
    let lines = [doc.subtitle.as_ref(), Some(&doc.title)];
    let name = lines
        .into_iter()
        .flatten()
        .map(|line| line_text(&line.value))
        .find_map(|text| kind_of_line(doc.lang, text.trim()))
        .unwrap_or("report");
    DocClass { name, ..class }
}

/// A line's text, borrowed when it is one run (as titles mostly are).
fn line_text(inlines: &[Inline]) -> Cow<'_, str> {
    match inlines {
        [Inline::Text(text) | Inline::Emph(text)] => Cow::Borrowed(text),
        _ => Cow::Owned(plain_text(inlines)),
    }
}

/// `note` or `letter` when a subtitle or title line opens (in Chinese,
/// ends) with one of the language's words for them.
fn kind_of_line(lang: crate::lang::Lang, line: &str) -> Option<&'static str> {
    let marks = |words: &[&str]| {
        words
            .iter()
            .any(|w| line.starts_with(w) || (lang == crate::lang::Lang::Zh && line.ends_with(w)))
    };
    if marks(lang.letter_words()) {
        Some("letter")
    } else if marks(lang.note_words()) {
        Some("note")
    } else {
        None
    }
}
