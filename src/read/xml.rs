//! Reader for canonical UN XML (the output of the XML writer), with quick-xml.
//!
//! The XML is parsed into a small element tree (iteratively, with a depth
//! limit, so hostile nesting cannot exhaust the stack), then mapped onto the
//! model. DOCTYPEs and entities other than the five predefined ones are
//! refused: nothing outside the file is ever read. Element names are resolved
//! to their namespace: an element outside undoc's is refused, as the schema
//! refuses it, whatever its prefix.

mod batch;
mod floats;
pub(crate) mod tree;

use super::{ReadOutcome, Source, XmlWatch};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{
    Annex, Block, Contents, Date, Distribution, Division, Document, DutyStation, Footnote, Inline,
    Item, List, ListKind, Masthead, Para, Spanned, Summary,
};
use tree::{Element, Node, Vocabulary, parse_tree_watched, shown};

/// The limits on element nesting and attributes per element.
pub use tree::{MAX_ATTRIBUTES, MAX_DEPTH};

/// The namespace of every element of undoc XML.
const NAMESPACE: &str = crate::model::XML_NAMESPACE;

/// undoc XML, every element in undoc's namespace.
const UNDOC_XML: Vocabulary = Vocabulary {
    what: "undoc XML",
    root: "document",
    only: Some(NAMESPACE),
};

/// Reads canonical UN XML from its bytes (UTF-8, or UTF-16 with a byte order mark).
pub fn read_source(source: &Source) -> ReadOutcome {
    super::read_decoded(source, |text| parse_text(text, source, None))
}

/// [`read_source`], with `watch` shown the XML's events as they are read.
pub fn read_source_watched(source: &Source, watch: &mut dyn XmlWatch) -> ReadOutcome {
    super::read_decoded(source, |text| parse_text(text, source, Some(watch)))
}

/// Reads canonical UN XML from a source's decoded text, with `watch`
/// shown its events.
pub fn parse_text(text: &str, _: &Source, watch: Option<&mut dyn XmlWatch>) -> ReadOutcome {
    read_watched(text, watch)
}

/// Whether a file's first bytes look like undoc XML: a root element in
/// undoc's namespace.
pub fn looks_like(head: &[u8]) -> bool {
    tree::root_namespace(head).as_deref() == Some(crate::model::XML_NAMESPACE)
}

/// Reads canonical UN XML.
pub fn read(source: &str) -> ReadOutcome {
    read_watched(source, None)
}

/// [`read`], with `watch` shown the XML's events as they are read.
fn read_watched(source: &str, watch: Option<&mut dyn XmlWatch>) -> ReadOutcome {
    let head = &source[..source.floor_char_boundary(4096)];
    if tree::root_namespace_in(head).as_deref() == Some(crate::akn::NAMESPACE) {
        return ReadOutcome::failed(Diagnostic::new(
            Code::Unreadable,
            crate::model::Span::new(1, 1),
            "the root element is <akomaNtoso>: this is an Akoma Ntoso document, which undoc reads when its name ends in .akn.xml",
        ));
    }
    let arena = bumpalo::Bump::new();
    let root = match parse_tree_watched(source, &arena, UNDOC_XML, watch) {
        Ok(root) => root,
        Err(d) => return ReadOutcome::failed(d),
    };
    match document(&root) {
        Ok(doc) => ReadOutcome {
            document: Some(doc),
            ..ReadOutcome::default()
        },
        Err(d) => ReadOutcome::failed(d),
    }
}

fn schema_error(el: &Element, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Code::Schema, el.span, message)
}

/// Element-only content: whitespace is ignored, any other text is an error.
fn element_children<'e, 's>(el: &'e Element<'s>) -> Result<Vec<&'e Element<'s>>, Diagnostic> {
    for child in el.children {
        if let Node::Text(t) = child
            && !t.trim().is_empty()
        {
            return Err(schema_error(
                el,
                format!("<{}> holds elements only, not text `{}`", el.name, t.trim()),
            ));
        }
    }
    Ok(el.elements().collect())
}

fn document(root: &Element) -> Result<Document, Diagnostic> {
    if root.name != "document" {
        return Err(schema_error(
            root,
            format!("the root element is <{}>, not <document>", root.name),
        ));
    }
    let lang = root
        .attr("xml:lang")
        .and_then(Lang::from_code)
        .ok_or_else(|| {
            schema_error(
                root,
                "<document> needs xml:lang, one of ar, zh, en, fr, ru, es",
            )
        })?;
    let mut doc = Document::empty(lang, root.span);
    let mut has_title = false;
    for el in element_children(root)? {
        match el.name {
            "masthead" => doc.masthead = masthead(el)?,
            "title" => {
                doc.title = Spanned::new(inlines(el)?, el.span);
                has_title = true;
            }
            "subtitle" => doc.subtitle = Some(Spanned::new(inlines(el)?, el.span)),
            "summary" => doc.summary = Some(summary(el)?),
            "contents" => {
                if let Some(child) = element_children(el)?.first() {
                    return Err(schema_error(
                        child,
                        "<contents> is empty: the writers set its entries",
                    ));
                }
                doc.contents = Some(Contents {
                    before_summary: doc.summary.is_none(),
                    span: el.span,
                });
            }
            "preamble" => doc.preamble = blocks(el)?,
            "body" => doc.body = blocks(el)?,
            "footnotes" => {
                for note in element_children(el)? {
                    expect_name(note, "footnote")?;
                    doc.footnotes.push(Footnote {
                        n: number(note)?,
                        content: inlines(note)?,
                        span: note.span,
                    });
                }
            }
            "annex" => doc.annexes.push(annex(el)?),
            other => {
                return Err(schema_error(
                    el,
                    format!("unknown element <{other}> in <document>"),
                ));
            }
        }
    }
    if !has_title {
        return Err(schema_error(root, "<document> has no <title>"));
    }
    Ok(doc)
}

/// `<summary>`: an optional `<heading>`, then blocks.
fn summary(el: &Element) -> Result<Summary, Diagnostic> {
    let children = element_children(el)?;
    let (heading, rest) = match children.split_first() {
        Some((first, rest)) if first.name == "heading" => (Some(inlines(first)?), rest),
        _ => (None, &children[..]),
    };
    Ok(Summary {
        heading,
        blocks: rest
            .iter()
            .map(|child| block(child, el.name))
            .collect::<Result<_, _>>()?,
        span: el.span,
    })
}

fn expect_name(el: &Element, name: &str) -> Result<(), Diagnostic> {
    if el.name == name {
        Ok(())
    } else {
        Err(schema_error(
            el,
            format!("expected <{name}>, found <{}>", el.name),
        ))
    }
}

fn masthead(el: &Element) -> Result<Masthead, Diagnostic> {
    let mut m = Masthead::default();
    for field in element_children(el)? {
        let text = field.text();
        let value = text.trim();
        let span = field.span;
        let bad =
            |what: &str| schema_error(field, format!("<{}> `{value}` is not {what}", field.name));
        match field.name {
            "symbol" => m.symbol = Some(Spanned::new(value.to_string(), span)),
            "organ" => m.organ.push(Spanned::new(value.to_string(), span)),
            "distribution" => {
                let d = Distribution::parse(value)
                    .ok_or_else(|| bad("General, Limited or Restricted"))?;
                m.distribution = Some(Spanned::new(d, span));
            }
            "date" => {
                let d = Date::parse_iso(value).ok_or_else(|| bad("an ISO date"))?;
                m.date = Some(Spanned::new(d, span));
            }
            "original" => {
                let l = Lang::from_code(value).ok_or_else(|| bad("a language code"))?;
                m.original = Some(Spanned::new(l, span));
            }
            "session-body" => m.session_body = Some(Spanned::new(value.to_string(), span)),
            "session" => m.session = Some(Spanned::new(value.to_string(), span)),
            "session-dates" => m.session_dates = Some(Spanned::new(value.to_string(), span)),
            "agenda" => m.agenda.push(Spanned::new(value.to_string(), span)),
            "agenda-title" => m.agenda_title = Some(Spanned::new(value.to_string(), span)),
            "job-number" => m.job_number = Some(Spanned::new(value.to_string(), span)),
            "duty-station" => {
                let d = DutyStation::parse(value).ok_or_else(|| bad("a duty station"))?;
                m.duty_station = Some(Spanned::new(d, span));
            }
            other => {
                return Err(schema_error(
                    field,
                    format!("unknown element <{other}> in <masthead>"),
                ));
            }
        }
    }
    Ok(m)
}

fn number(el: &Element) -> Result<u32, Diagnostic> {
    let value = el.attr("n").map(str::trim);
    if let Some(n) = value.and_then(|n| n.parse::<u32>().ok()).filter(|&n| n > 0) {
        return Ok(n);
    }
    let too_large = value.is_some_and(|n| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && n.trim_start_matches('0').len() >= 10
    });
    let message = if too_large {
        format!(
            "<{}> n=\"{}\" is too large: undoc numbers go up to {}",
            el.name,
            shown(value.unwrap_or_default()),
            u32::MAX
        )
    } else {
        format!("<{}> needs a positive number in its `n` attribute", el.name)
    };
    Err(schema_error(el, message))
}

fn blocks(el: &Element) -> Result<Vec<Block>, Diagnostic> {
    element_children(el)?
        .into_iter()
        .map(|child| block(child, el.name))
        .collect()
}

fn block(child: &Element, parent: &str) -> Result<Block, Diagnostic> {
    Ok(match child.name {
        "chapter" => Block::Chapter(division(child)?),
        "section" => Block::Section(division(child)?),
        "para" => Block::Para(para(child)?),
        "p" => Block::Text(Spanned::new(inlines(child)?, child.span)),
        "subheading" => Block::Subheading(floats::subheading(child)?),
        "table" => Block::Table(floats::table(child)?),
        "figure" => Block::Figure(floats::figure(child)?),
        other => {
            return Err(schema_error(
                child,
                format!("unknown element <{other}> in <{parent}>"),
            ));
        }
    })
}

/// A `<heading>` followed by blocks (chapters, sections, annexes).
fn heading_and_rest(el: &Element) -> Result<(Vec<Inline>, Vec<Block>), Diagnostic> {
    let children = element_children(el)?;
    let Some((first, rest)) = children.split_first() else {
        return Err(schema_error(el, format!("<{}> needs a <heading>", el.name)));
    };
    expect_name(first, "heading")?;
    let blocks = rest
        .iter()
        .map(|child| block(child, el.name))
        .collect::<Result<_, _>>()?;
    Ok((inlines(first)?, blocks))
}

fn division(el: &Element) -> Result<Division, Diagnostic> {
    let (heading, blocks) = heading_and_rest(el)?;
    Ok(Division {
        n: number(el)?,
        heading,
        span: el.span,
        blocks,
    })
}

fn annex(el: &Element) -> Result<Annex, Diagnostic> {
    let (heading, blocks) = heading_and_rest(el)?;
    let n = match el.attr("n") {
        Some(_) => Some(number(el)?),
        None => None,
    };
    Ok(Annex {
        n,
        heading,
        span: el.span,
        blocks,
    })
}

/// Mixed content followed by an optional `<list>`.
fn content_and_list(el: &Element) -> Result<(Vec<Inline>, Option<List>), Diagnostic> {
    // The inline content is every child before the list (a slice of the
    // children, gathered without a vector); after the list, white space only.
    let at = el
        .children
        .iter()
        .position(|child| matches!(child, Node::Element(e) if e.name == "list"))
        .unwrap_or(el.children.len());
    let (inline, rest) = el.children.split_at(at);
    let mut list = None;
    if let Some((Node::Element(first), after)) = rest.split_first() {
        list = Some(read_list(first)?);
        for child in after {
            match child {
                Node::Element(e) if e.name == "list" => {
                    return Err(schema_error(
                        e,
                        format!("<{}> holds at most one <list>", el.name),
                    ));
                }
                Node::Element(e) => {
                    return Err(schema_error(
                        e,
                        format!("<{}> after the <list> in <{}>", e.name, el.name),
                    ));
                }
                Node::Text(t) if !t.trim().is_empty() => {
                    return Err(schema_error(
                        el,
                        format!("text after the <list> in <{}>", el.name),
                    ));
                }
                Node::Text(_) => {}
            }
        }
    }
    Ok((inline_list(el, inline.iter())?, list))
}

fn para(el: &Element) -> Result<Para, Diagnostic> {
    let (content, list) = content_and_list(el)?;
    Ok(Para {
        n: number(el)?,
        content,
        list,
        span: el.span,
        text_at: el.span,
    })
}

fn read_list(el: &Element) -> Result<List, Diagnostic> {
    let kind = el.attr("kind").and_then(ListKind::parse).ok_or_else(|| {
        schema_error(
            el,
            "<list> needs kind=\"decimal\", \"alpha\", \"roman\" or \"bullet\"",
        )
    })?;
    let mut items = Vec::new();
    for child in element_children(el)? {
        expect_name(child, "item")?;
        let (content, list) = content_and_list(child)?;
        items.push(Item {
            n: number(child)?,
            content,
            list,
            span: child.span,
            text_at: child.span,
        });
    }
    Ok(List { kind, items })
}

fn inlines(el: &Element) -> Result<Vec<Inline>, Diagnostic> {
    inline_list(el, el.children.iter())
}

fn inline_list<'a, 's: 'a>(
    parent: &Element,
    nodes: impl Iterator<Item = &'a Node<'s>>,
) -> Result<Vec<Inline>, Diagnostic> {
    // One inline a node: allocated once, at its size.
    let mut out = Vec::with_capacity(nodes.size_hint().0);
    for node in nodes {
        out.push(match node {
            Node::Text(t) => Inline::Text(t.to_string()),
            Node::Element(e) => match e.name {
                "emph" => Inline::Emph(e.text()),
                "strong" => Inline::Strong(inlines(e)?),
                "link" => Inline::Link(Box::new(crate::model::Link {
                    url: e
                        .attr("href")
                        .ok_or_else(|| schema_error(e, "<link> needs an href"))?
                        .to_string(),
                    text: e.text(),
                })),
                "ref" => Inline::Ref(Spanned::new(e.text(), e.span)),
                "noteref" => Inline::NoteRef(Spanned::new(number(e)?, e.span)),
                "table-noteref" => Inline::TableNoteRef(Spanned::new(number(e)?, e.span)),
                other => {
                    return Err(schema_error(
                        e,
                        format!("unknown element <{other}> in <{}>", parent.name),
                    ));
                }
            },
        });
    }
    Ok(crate::read::inline::merge_text(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document whose body is `body`, in `root` (the `<document …>` start tag).
    fn source(root: &str, body: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n{root}\n<masthead><symbol>A/1</symbol></masthead>\n<title>T</title>\n<body>{body}</body>\n</document>\n"
        )
    }

    const ROOT: &str = r#"<document xmlns="urn:undoc:1" xml:lang="en">"#;

    fn error(root: &str, body: &str) -> Diagnostic {
        let outcome = read(&source(root, body));
        assert!(outcome.document.is_none(), "refused");
        outcome
            .diagnostics
            .into_iter()
            .next()
            .expect("a diagnostic")
    }

    #[test]
    fn an_akoma_ntoso_document_is_named_for_what_it_is() {
        let akn = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">"#;
        // After a comment that ends past the first 4 KB, in the middle of
        // an Arabic letter: the root is not looked for there.
        for prolog in ["", "<!-- تقرير -->\n"] {
            let d = error(&format!("{prolog}{akn}"), "");
            assert_eq!(d.code, Code::Unreadable);
            assert!(d.message.contains("<akomaNtoso>"), "{}", d.message);
        }
        let long = format!("<!-- {} -->\n{akn}", "ب".repeat(2100));
        assert!(long.len() > 4096 && !long.is_char_boundary(4096));
        assert_ne!(error(&long, "").code, Code::Unreadable);
    }

    #[test]
    fn elements_outside_the_undoc_namespace_are_refused() {
        let evil = error(ROOT, r#"<e:para xmlns:e="urn:evil" n="1">x</e:para>"#);
        assert_eq!((evil.code, evil.span.line), (Code::Schema, 5));
        assert!(
            evil.message.contains("<e:para> is in namespace `urn:evil`"),
            "{}",
            evil.message
        );
        let default = error(ROOT, r#"<para xmlns="urn:evil" n="1">x</para>"#);
        assert_eq!(default.code, Code::Schema);
        let none = error(r#"<document xml:lang="en">"#, "");
        assert_eq!((none.code, none.span.line), (Code::Schema, 2));
        assert!(none.message.contains("in no namespace"), "{}", none.message);
        let unknown = error(ROOT, r#"<u:para n="1">x</u:para>"#);
        assert_eq!(unknown.code, Code::MalformedXml);
        let prefixed = read(&source(
            ROOT,
            r#"<u:para xmlns:u="urn:undoc:1" n="1">x</u:para>"#,
        ));
        assert!(
            prefixed.document.is_some(),
            "any prefix bound to urn:undoc:1 is undoc's"
        );
    }

    #[test]
    fn a_paragraph_holds_its_text_then_one_list_then_white_space() {
        let list = r#"<list kind="alpha"><item n="1">one</item></list>"#;
        let outcome = read(&source(
            ROOT,
            &format!("<para n=\"1\">Text <emph>this</emph>:{list}\n  </para>"),
        ));
        let doc = outcome.document.expect("read");
        let Some(Block::Para(p)) = doc.body.first() else {
            panic!("a paragraph: {:?}", doc.body)
        };
        assert_eq!(p.content.len(), 3, "{:?}", p.content);
        assert_eq!(p.list.as_ref().map(|l| l.items.len()), Some(1));
        for (after, says) in [
            (list.to_string(), "holds at most one <list>"),
            ("more".into(), "text after the <list> in <para>"),
            ("<emph>x</emph>".into(), "<emph> after the <list> in <para>"),
        ] {
            let refused = error(ROOT, &format!("<para n=\"1\">Text{list}{after}</para>"));
            assert_eq!(refused.code, Code::Schema, "{after}");
            assert!(refused.message.contains(says), "{}", refused.message);
        }
    }

    #[test]
    fn an_element_with_too_many_attributes_is_refused() {
        let attrs: String = (0..MAX_ATTRIBUTES)
            .map(|i| format!(" a{i}=\"v\""))
            .collect();
        let at_limit = read(&source(ROOT, &format!("<para{attrs}>x</para>")));
        assert!(
            at_limit
                .diagnostics
                .iter()
                .all(|d| d.code != Code::ForbiddenXml)
        );
        let over = error(ROOT, &format!("<para n=\"1\"{attrs}>x</para>"));
        assert_eq!((over.code, over.span.line), (Code::ForbiddenXml, 5));
        assert!(
            over.message.contains("more than 64 attributes"),
            "{}",
            over.message
        );
    }

    #[test]
    fn an_attribute_given_twice_is_malformed_at_its_element() {
        let twice = error(ROOT, r#"<para n="1" n="2">x</para>"#);
        assert_eq!((twice.code, twice.span.line), (Code::MalformedXml, 5));
        assert!(
            twice.message.contains("`n` is given twice"),
            "{}",
            twice.message
        );
        // The same local name under two prefixes is two attributes.
        let two = read(&source(
            ROOT,
            r#"<para xmlns:a="urn:a" xmlns:b="urn:b" a:x="1" b:x="2" n="1">x</para>"#,
        ));
        assert!(
            two.diagnostics.iter().all(|d| d.code != Code::MalformedXml),
            "{:?}",
            two.diagnostics
        );
    }

    #[test]
    fn a_number_too_large_is_named_as_such() {
        let big = error(ROOT, r#"<para n="4294967296">x</para>"#);
        assert!(big.message.contains("too large"), "{}", big.message);
        let zero = error(ROOT, r#"<para n="0">x</para>"#);
        assert!(zero.message.contains("positive number"), "{}", zero.message);
    }
}
