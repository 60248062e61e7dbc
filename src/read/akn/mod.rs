//! Reader for Akoma Ntoso 3.0 (`.akn.xml`): what undoc's Akoma Ntoso writer
//! produces, read back to the same model, and documents other tools wrote
//! (Laws.Africa, legislation.gov.uk, AKN4UN markup): everything the model
//! can hold is kept, and each kind of thing it cannot (an article, a
//! signature, a term, an element of another vocabulary) is a warning
//! (`UND018`) naming the element, its eId and its line; its text is kept
//! wherever there is text to keep.
//!
//! Numbers come from the labels the `num` elements print, in any of the six
//! languages; element ids identify, they do not number.

mod body;
mod floats;
mod front;
mod inline;
mod meta;
mod numbers;

use super::xml::tree::{self, Element, Vocabulary, parse_tree};
use super::{ReadOutcome, Source, XmlWatch};
use crate::akn;
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{Document, Footnote, Span, Spanned};

/// Reads Akoma Ntoso from its bytes (UTF-8, or UTF-16 with a byte order mark).
pub fn read_source(source: &Source) -> ReadOutcome {
    super::read_decoded(source, |text| parse_text(text, source, None))
}

/// Reads Akoma Ntoso from a source's decoded text.
pub fn parse_text(text: &str, _: &Source, _: Option<&mut dyn XmlWatch>) -> ReadOutcome {
    read(text)
}

/// Whether a file's first bytes look like Akoma Ntoso: a root element in
/// the Akoma Ntoso 3.0 namespace.
pub fn looks_like(head: &[u8]) -> bool {
    tree::root_namespace(head).as_deref() == Some(akn::NAMESPACE)
}

/// Akoma Ntoso: elements of other vocabularies may stand in it (local
/// metadata in `proprietary`, undoc's extensions), so the reader looks at
/// each element's namespace itself.
const AKOMA_NTOSO: Vocabulary = Vocabulary {
    what: "Akoma Ntoso XML",
    root: "akomaNtoso",
    only: None,
};

/// Reads Akoma Ntoso.
pub fn read(source: &str) -> ReadOutcome {
    let arena = bumpalo::Bump::new();
    let root = match parse_tree(source, &arena, AKOMA_NTOSO) {
        Ok(root) => root,
        Err(d) => return ReadOutcome::failed(d),
    };
    let mut reader = AknReader::new(&root);
    let document = reader.document(&root);
    let mut diagnostics = reader.warnings();
    match document {
        Ok(doc) => ReadOutcome {
            document: Some(doc),
            diagnostics,
            ..ReadOutcome::default()
        },
        Err(d) => {
            diagnostics.push(d);
            ReadOutcome {
                diagnostics,
                ..ReadOutcome::default()
            }
        }
    }
}

/// A kind of thing the model cannot hold, reported once with where it
/// first occurs and how often.
struct Unheld {
    key: String,
    what: String,
    first: Span,
    count: usize,
}

/// The reading of one document: the prefix of undoc's extension namespace,
/// what could not be held, the footnotes met on the way, the meta notes
/// marks may point to, and the paragraph count for unlabelled paragraphs.
struct AknReader<'t> {
    ext_prefix: Option<String>,
    lang: Lang,
    unheld: Vec<Unheld>,
    footnotes: Vec<Footnote>,
    meta_notes: Vec<(&'t str, &'t Element<'t>)>,
    /// The eIds of meta notes a `noteRef` referred to.
    referred_notes: Vec<String>,
    paragraphs: u32,
    /// The Work's author (`FRBRauthor/@href` without `#`): the organ.
    author: Option<String>,
    /// Reading the preface, whose title wins over the cover's.
    in_preface: bool,
    title_in_preface: bool,
}

/// Akoma Ntoso's hierarchy elements (the `ANhier` group of the schema).
const HIERARCHY: [&str; 27] = [
    "clause",
    "section",
    "part",
    "paragraph",
    "chapter",
    "title",
    "article",
    "book",
    "tome",
    "division",
    "list",
    "point",
    "indent",
    "alinea",
    "rule",
    "subrule",
    "proviso",
    "subsection",
    "subpart",
    "subparagraph",
    "subchapter",
    "subtitle",
    "subdivision",
    "subclause",
    "sublist",
    "level",
    "transitional",
];

/// Whether `name` is an Akoma Ntoso hierarchy element.
fn is_hierarchy(name: &str) -> bool {
    HIERARCHY.contains(&name)
}

fn schema_error(el: &Element, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Code::AknSchema, el.span, message)
}

/// `<name eId="…">`, how a message names an element.
fn describe(el: &Element) -> String {
    match el.attr("eId") {
        Some(id) => format!("<{} eId=\"{id}\">", el.name),
        None => format!("<{}>", el.name),
    }
}

impl<'t> AknReader<'t> {
    fn new(root: &Element) -> Self {
        let ext_prefix = root.attrs.iter().find_map(|(k, v)| {
            let prefix = k.strip_prefix("xmlns:")?;
            (*v == akn::UNDOC_NAMESPACE).then(|| prefix.to_string())
        });
        AknReader {
            ext_prefix,
            lang: Lang::En,
            unheld: Vec::new(),
            footnotes: Vec::new(),
            meta_notes: Vec::new(),
            referred_notes: Vec::new(),
            paragraphs: 0,
            author: None,
            in_preface: false,
            title_in_preface: false,
        }
    }

    /// The value of undoc's extension attribute `local` on `el`.
    fn ext<'e>(&self, el: &'e Element, local: &str) -> Option<&'e str> {
        let prefix = self.ext_prefix.as_deref()?;
        el.attr(&format!("{prefix}:{local}"))
    }

    /// Notes that `el` holds something the model cannot: `kept` says what
    /// became of it. Reported once per element name and reason.
    fn unheld(&mut self, el: &Element, kept: &str) {
        let key = format!("<{}>: {kept}", el.name);
        match self.unheld.iter_mut().find(|u| u.key == key) {
            Some(u) => u.count += 1,
            None => self.unheld.push(Unheld {
                key,
                what: format!("{}: {kept}", describe(el)),
                first: el.span,
                count: 1,
            }),
        }
    }

    fn warnings(&self) -> Vec<Diagnostic> {
        self.unheld
            .iter()
            .map(|u| {
                let more = match u.count {
                    1 => String::new(),
                    n => format!(" ({n} occurrences; the first is shown)"),
                };
                Diagnostic::new(
                    Code::AknUnheld,
                    u.first,
                    format!("the model cannot hold {}{more}", u.what),
                )
            })
            .collect()
    }

    fn document(&mut self, root: &'t Element<'t>) -> Result<Document, Diagnostic> {
        if root.name != "akomaNtoso" || root.namespace != Some(akn::NAMESPACE) {
            return Err(schema_error(
                root,
                format!(
                    "the root element is <{}>, not <akomaNtoso> in `{}`",
                    root.name,
                    akn::NAMESPACE
                ),
            ));
        }
        let mut types = root.elements();
        let doc_el = types
            .next()
            .ok_or_else(|| schema_error(root, "<akomaNtoso> holds no document"))?;
        for extra in types {
            self.unheld(extra, "a second document part (components) is not read");
        }
        self.document_type(doc_el)
    }

    /// The document under `<akomaNtoso>`: `doc`, `statement` and
    /// `debateReport` are read whole; other types for what they share.
    fn document_type(&mut self, el: &'t Element<'t>) -> Result<Document, Diagnostic> {
        if !matches!(el.name, "doc" | "statement" | "debateReport") {
            self.unheld(el, "a document type other than doc, statement or debateReport; its parts are read as a report's");
        }
        let meta = el
            .elements()
            .find(|e| e.name == "meta")
            .ok_or_else(|| schema_error(el, format!("<{}> has no <meta>", el.name)))?;
        self.lang = self.language(meta)?;
        self.index_meta_notes(meta);
        let mut doc = Document::empty(self.lang, el.span);
        self.meta(meta, &mut doc);
        for part in el.elements().filter(|e| e.name != "meta") {
            self.part(part, &mut doc);
        }
        self.place_unmarked_notes();
        doc.footnotes = std::mem::take(&mut self.footnotes);
        doc.footnotes.sort_by_key(|f| f.n);
        Ok(doc)
    }

    /// An element the model has no place for: reported, its text kept as
    /// one unnumbered paragraph.
    fn foreign_blocks(&mut self, el: &Element, kept: &str) -> Vec<crate::model::Block> {
        self.unheld(el, kept);
        let text = el.text().split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Vec::new();
        }
        let inlines = vec![crate::model::Inline::Text(text)];
        vec![crate::model::Block::Text(Spanned::new(inlines, el.span))]
    }

    /// Annexes: each `<attachment>` with its label, heading and the body of
    /// the document it holds.
    fn attachments(&mut self, part: &'t Element<'t>, doc: &mut Document) {
        for attachment in part.elements() {
            let label = attachment
                .elements()
                .find(|e| e.name == "num")
                .map(|n| n.text());
            let n = label
                .as_deref()
                .and_then(|l| match super::text::labels::classify(l.trim()) {
                    Some((labels, _)) => labels.iter().find_map(|l| match l {
                        super::text::labels::Label::Annex(n) => Some(*n),
                        _ => None,
                    }),
                    None => None,
                });
            let heading = attachment
                .elements()
                .find(|e| e.name == "heading")
                .map(|h| self.inline_content(h))
                .unwrap_or_default();
            let mut blocks = Vec::new();
            for inner in attachment
                .elements()
                .filter(|e| !matches!(e.name, "num" | "heading" | "subheading"))
            {
                let body = inner
                    .elements()
                    .find(|e| e.name.ends_with("Body") || e.name == "body");
                match body {
                    Some(body) => blocks.extend(self.blocks(body)),
                    None => {
                        blocks.extend(self.foreign_blocks(
                            inner,
                            "an attachment that is no document; kept as text",
                        ))
                    }
                }
            }
            doc.annexes.push(crate::model::Annex {
                n: n.flatten(),
                heading,
                span: attachment.span,
                blocks,
            });
        }
    }

    /// One part of the document after `<meta>`.
    fn part(&mut self, part: &'t Element<'t>, doc: &mut Document) {
        match part.name {
            "coverPage" | "preface" => self.front(part, doc),
            "preamble" => self.preamble(part, doc),
            "mainBody" | "body" | "debateBody" | "judgmentBody" | "portionBody"
            | "amendmentBody" | "collectionBody" => {
                let blocks = self.blocks(part);
                doc.body.extend(blocks);
            }
            "attachments" => self.attachments(part, doc),
            _ => {
                self.unheld(part, "a part of the document the model does not have; what it holds is read as the body's");
                let blocks = self.blocks(part);
                doc.body.extend(blocks);
            }
        }
    }
}
