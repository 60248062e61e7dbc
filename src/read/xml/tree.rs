//! The element tree both XML readers (undoc XML, Akoma Ntoso) build from a
//! source: parsed iteratively with limits on depth and attributes, so
//! hostile nesting cannot exhaust the stack nor a flood of attributes stall
//! the schema engine, with every element's line, column and namespace.
//! DOCTYPEs and entities other than the five predefined ones are refused:
//! nothing outside the file is ever read.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;
use crate::read::XmlWatch;

use super::batch::Batch;
use bumpalo::Bump;
use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use std::borrow::Cow;

/// Deepest element nesting accepted; the schemas need far less.
pub const MAX_DEPTH: usize = 64;

/// Most attributes accepted on one element; undoc's schema needs three at
/// most (`xmlns`, `xml:lang`, `n`), Akoma Ntoso's a handful. The XSD engine
/// checks attribute names in quadratic time (100,000 attributes took 42 s),
/// so more are refused here.
pub const MAX_ATTRIBUTES: usize = 64;

/// The XML vocabulary a reader reads.
#[derive(Clone, Copy)]
pub(crate) struct Vocabulary<'a> {
    /// Its name in messages (`undoc XML`).
    pub what: &'a str,
    /// Its root element, named in messages.
    pub root: &'a str,
    /// The namespace every element must be in; `None` when elements of other
    /// namespaces may stand in it (the reader looks at [`Element::namespace`]).
    pub only: Option<&'a str>,
}

/// An element: its local name, its namespace, its attributes as written
/// (qualified names, `xmlns` declarations included), its children and where
/// it starts. Names, and values and text without references, are slices of
/// the source: most of a document is never copied into the tree. The rest
/// (elements, lists of children and attributes, text with references) is
/// in an arena the caller holds, freed at once with it: building and
/// dropping a tree of boxes and vectors was a twentieth of validating a
/// report.
#[derive(Clone, Copy)]
pub(crate) struct Element<'a> {
    pub name: &'a str,
    /// The namespace URI its name resolves to (`None`: no namespace),
    /// shared with the elements before it in the same namespace.
    pub namespace: Option<&'a str>,
    pub attrs: &'a [(&'a str, &'a str)],
    pub children: &'a [Node<'a>],
    pub span: Span,
}

/// A child of an element.
#[derive(Clone, Copy)]
pub(crate) enum Node<'a> {
    Element(&'a Element<'a>),
    Text(&'a str),
}

impl<'a> Element<'a> {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_ref())
    }

    pub fn elements(&self) -> impl Iterator<Item = &'a Element<'a>> + use<'a> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(*e),
            Node::Text(_) => None,
        })
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for child in self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

/// Tracks line and column while the parser moves forward through `source`,
/// counting each byte once (a document on one long line stays linear).
#[derive(Clone, Copy)]
struct Cursor<'a> {
    source: &'a str,
    pos: usize,
    line: u32,
    /// Characters between the start of the line and `pos`.
    column: u32,
}

impl Cursor<'_> {
    fn span_at(&mut self, pos: usize) -> Span {
        let pos = pos.min(self.source.len());
        if pos < self.pos {
            *self = Cursor {
                source: self.source,
                pos: 0,
                line: 1,
                column: 0,
            };
        }
        // Newlines counted and the last one found by vectorised searches;
        // only the characters after it are counted.
        let passed = &self.source.as_bytes()[self.pos..pos];
        let tail_start = match memchr::memrchr(b'\n', passed) {
            Some(last) => {
                let newlines = memchr::memchr_iter(b'\n', passed).count();
                self.line = self.line.saturating_add(newlines as u32);
                self.column = 0;
                self.pos + last + 1
            }
            None => self.pos,
        };
        // std counts a `str`'s characters a word at a time; counting its
        // bytes' lead bits, four a step, was 40 % of the time spent in
        // `element` itself (1.2 % of validating a report).
        // Both ends are places the parser stopped at (a tag's `<`, a line's
        // start), so on character boundaries, except a malformed file's
        // error position, counted by its bytes.
        let chars = match self.source.get(tail_start..pos) {
            Some(tail) => tail.chars().count(),
            None => passed[tail_start - self.pos..]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count(),
        };
        self.column = self.column.saturating_add(chars as u32);
        self.pos = pos;
        Span::new(self.line, self.column + 1)
    }
}

/// Parses `source` into its element tree. With `vocabulary.only`, an element
/// outside that namespace is refused (as the schema refuses it, whatever its
/// prefix), reported once the whole file is parsed; an undeclared prefix is
/// always refused (the document is not namespace-well-formed).
pub(crate) fn parse_tree<'a>(
    source: &'a str,
    arena: &'a Bump,
    vocabulary: Vocabulary,
) -> Result<Element<'a>, Diagnostic> {
    parse_tree_watched(source, arena, vocabulary, None)
}

/// [`parse_tree`], with `watch` shown every event in order, a batch at a
/// time (see [`Batch`]); the first error ends reading, and what is held
/// then is never shown: a refused source gets no verdict.
pub(crate) fn parse_tree_watched<'a>(
    source: &'a str,
    arena: &'a Bump,
    vocabulary: Vocabulary,
    watch: Option<&mut dyn XmlWatch>,
) -> Result<Element<'a>, Diagnostic> {
    // The events are slices of `source`, already UTF-8: quick-xml need not
    // check each again (vendor/quick-xml/UNDOC-PATCH.md).
    quick_xml::reader::with_known_utf8(source, || read_tree(source, arena, vocabulary, watch))
}

fn read_tree<'a>(
    source: &'a str,
    arena: &'a Bump,
    vocabulary: Vocabulary,
    watch: Option<&mut dyn XmlWatch>,
) -> Result<Element<'a>, Diagnostic> {
    let mut reader = NsReader::from_str(source);
    reader.config_mut().check_end_names = true;
    let mut tree = TreeBuilder {
        cursor: Cursor {
            source,
            pos: 0,
            line: 1,
            column: 0,
        },
        arena,
        stack: Vec::new(),
        open_children: Vec::new(),
        run: None,
        attrs: Vec::new(),
        root: None,
        outside: None,
        last_namespace: None,
        vocabulary,
        watch: watch.map(Batch::new),
        raw_attrs: Vec::new(),
    };
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_resolved_event() {
            Ok((_, Event::Eof)) => {
                if let Some(watch) = &mut tree.watch {
                    watch.hand_over();
                }
                break;
            }
            Ok((ns, event)) => tree.event(resolved(&ns), event, before)?,
            Err(e) => {
                let span = tree.cursor.span_at(reader.error_position() as usize);
                return Err(Diagnostic::new(
                    Code::MalformedXml,
                    span,
                    format!("malformed XML: {e}"),
                ));
            }
        }
    }
    tree.finish()
}

/// The tree under construction: the elements open, the root once closed.
struct TreeBuilder<'a, 'v, 'w> {
    cursor: Cursor<'a>,
    /// Where the tree's elements, lists and copied text go.
    arena: &'a Bump,
    /// The elements open, each with where its children start in
    /// `open_children`.
    stack: Vec<(Element<'a>, usize)>,
    /// The children of every open element, in document order: an element's
    /// are copied into the arena at their exact number when it closes.
    open_children: Vec<Node<'a>>,
    /// The text of the last child, while references join runs to it: kept
    /// here and put in the arena once, when an element starts or ends.
    run: Option<String>,
    /// A start tag's attributes, until they are put in the arena.
    attrs: Vec<(&'a str, &'a str)>,
    root: Option<Element<'a>>,
    /// The first element found outside the vocabulary's namespace.
    outside: Option<Diagnostic>,
    /// The namespace of the last element, shared by the next if the same.
    last_namespace: Option<&'a str>,
    vocabulary: Vocabulary<'v>,
    /// What is shown every event, in batches.
    watch: Option<Batch<'a, 'w>>,
    /// A start tag's attributes as written, for `watch`.
    raw_attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl<'a> TreeBuilder<'a, '_, '_> {
    /// Takes one parser event that started at byte `before`.
    fn event(
        &mut self,
        namespace: Resolved,
        event: Event<'a>,
        before: usize,
    ) -> Result<(), Diagnostic> {
        self.show(&event, before);
        let cursor = self.cursor;
        let span = || {
            let mut c = cursor;
            c.span_at(before)
        };
        match event {
            Event::Start(e) | Event::Empty(e) if self.root.is_some() => Err(Diagnostic::new(
                Code::MalformedXml,
                span(),
                format!("content after the root element: <{}>", e.name().as_ref()),
            )),
            Event::Start(_) if self.stack.len() >= MAX_DEPTH => Err(Diagnostic::new(
                Code::ForbiddenXml,
                span(),
                format!("elements nested deeper than {MAX_DEPTH} levels"),
            )),
            Event::Start(e) => {
                self.end_run();
                let el = self.element(&e, namespace, before, false)?;
                self.stack.push((el, self.open_children.len()));
                Ok(())
            }
            Event::Empty(e) => {
                self.end_run();
                let el = self.element(&e, namespace, before, true)?;
                self.close(el);
                Ok(())
            }
            Event::End(_) => {
                self.end_run();
                let (mut done, start) = self.stack.pop().ok_or_else(|| {
                    Diagnostic::new(Code::MalformedXml, span(), "unexpected end tag")
                })?;
                done.children = self.arena.alloc_slice_copy(&self.open_children[start..]);
                self.open_children.truncate(start);
                self.close(done);
                Ok(())
            }
            Event::Text(t) => self.push_text(t.xml10_content(), &span),
            Event::CData(t) => self.push_text(t.xml10_content(), &span),
            Event::GeneralRef(r) => {
                let resolved = general_ref(&r, &span)?;
                self.push_text(Cow::Owned(resolved), &span)
            }
            Event::DocType(_) => Err(Diagnostic::new(
                Code::ForbiddenXml,
                span(),
                format!(
                    "DOCTYPE refused: {} has no DTD, and DTDs can define entities that expand without bound or read local files",
                    self.vocabulary.what
                ),
            )),
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::Eof => Ok(()),
        }
    }

    /// The element a start tag opens (`empty`: `<a/>`), its namespace
    /// checked; the watch is shown the tag.
    fn element(
        &mut self,
        e: &BytesStart,
        namespace: Resolved,
        before: usize,
        empty: bool,
    ) -> Result<Element<'a>, Diagnostic> {
        let span = self.cursor.span_at(before);
        let check = check_namespace(e, &namespace, span, self.vocabulary);
        defer(&mut self.outside, check)?;
        let namespace = match namespace {
            Resolved::In(Some(uri)) => Some(self.shared(uri)),
            Resolved::In(None) | Resolved::UnknownPrefix(_) => None,
        };
        let source = self.cursor.source;
        let mut place = Place {
            source,
            arena: self.arena,
            attrs: &mut self.attrs,
        };
        let Some(watch) = &mut self.watch else {
            return element(&mut place, e, namespace, span, self.vocabulary, None);
        };
        let raw = Some(&mut self.raw_attrs);
        let el = element(&mut place, e, namespace, span, self.vocabulary, raw)?;
        let qname = in_source(source, e.name().into_inner());
        watch.start(qname, self.raw_attrs.drain(..), empty, span, before);
        Ok(el)
    }

    /// Shows the watch an event that starts at byte `at`; start tags are
    /// shown by [`element`](Self::element), with their attributes.
    fn show(&mut self, event: &Event<'a>, at: usize) {
        let Some(watch) = &mut self.watch else {
            return;
        };
        let source = self.cursor.source;
        let written = |text: &str| in_source(source, text);
        match event {
            Event::End(e) => watch.end(written(e.name().into_inner()), at),
            Event::Text(t) => watch.text(written(t), at),
            Event::GeneralRef(r) => watch.text(reference_as_written(source, r, at), at),
            Event::CData(t) => watch.cdata(written(t), at),
            Event::Comment(t) => watch.comment(written(t), at),
            Event::PI(p) => watch.pi(written(p), at),
            Event::Decl(d) => watch.decl(written(d), at),
            Event::Start(_) | Event::Empty(_) | Event::DocType(_) | Event::Eof => {}
        }
    }

    /// `uri`, shared with the element before when it is the same (a
    /// document's elements are mostly in one namespace: one copy).
    fn shared(&mut self, uri: &str) -> &'a str {
        match self.last_namespace {
            Some(last) if last == uri => last,
            _ => {
                let fresh: &'a str = self.arena.alloc_str(uri);
                self.last_namespace = Some(fresh);
                fresh
            }
        }
    }

    /// A finished element joins its parent, or is the root.
    fn close(&mut self, done: Element<'a>) {
        if self.stack.is_empty() {
            self.root = Some(done);
        } else {
            let done = self.arena.alloc(done);
            self.open_children.push(Node::Element(done));
        }
    }

    /// Text joins its element, one node with the text before it (a
    /// reference between two runs makes one text).
    fn push_text(&mut self, text: Cow<'a, str>, span: &dyn Fn() -> Span) -> Result<(), Diagnostic> {
        let Some(&(_, start)) = self.stack.last() else {
            if text.trim().is_empty() {
                return Ok(());
            }
            return Err(Diagnostic::new(
                Code::MalformedXml,
                span(),
                "text outside the root element",
            ));
        };
        let own = &self.open_children[start..];
        match (own.last(), &mut self.run) {
            (Some(Node::Text(_)), Some(run)) => run.push_str(&text),
            (Some(Node::Text(prev)), None) => self.run = Some([*prev, &text].concat()),
            _ => {
                let text = match text {
                    Cow::Borrowed(text) => text,
                    Cow::Owned(text) => self.arena.alloc_str(&text),
                };
                self.open_children.push(Node::Text(text));
            }
        }
        Ok(())
    }

    /// The joined text of the last child, if references joined runs to
    /// it, put in the arena as that child.
    fn end_run(&mut self) {
        if let Some(run) = self.run.take()
            && let Some(last) = self.open_children.last_mut()
        {
            *last = Node::Text(self.arena.alloc_str(&run));
        }
    }

    fn finish(mut self) -> Result<Element<'a>, Diagnostic> {
        if let Some((open, _)) = self.stack.last() {
            let name = open.name;
            let at = self.cursor.span_at(self.cursor.source.len());
            return Err(Diagnostic::new(
                Code::MalformedXml,
                at,
                format!("the document ends inside <{name}>: the file is truncated"),
            ));
        }
        if let Some(d) = self.outside {
            return Err(d);
        }
        self.root.ok_or_else(|| {
            Diagnostic::new(
                Code::MalformedXml,
                Span::new(1, 1),
                "no root element: this is not an XML document",
            )
        })
    }
}

/// The text of a character reference or one of the five predefined
/// entities; any other entity is refused.
fn general_ref(
    r: &quick_xml::events::BytesRef,
    span: &dyn Fn() -> Span,
) -> Result<String, Diagnostic> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Ok(c.to_string()),
        Ok(None) => predefined_entity(&r.xml10_content())
            .map(String::from)
            .ok_or_else(|| {
                Diagnostic::new(
                    Code::ForbiddenXml,
                    span(),
                    format!(
                        "entity reference `&{};` refused: only &lt; &gt; &amp; &quot; &apos; and character references are allowed",
                        r.xml10_content()
                    ),
                )
            }),
        Err(e) => Err(Diagnostic::new(
            Code::MalformedXml,
            span(),
            format!("bad character reference: {e}"),
        )),
    }
}

fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// An element's resolved namespace.
enum Resolved<'a> {
    /// In this namespace, or in none (`None`).
    In(Option<&'a str>),
    /// Its prefix is declared nowhere.
    UnknownPrefix(String),
}

fn resolved<'a>(ns: &ResolveResult<'a>) -> Resolved<'a> {
    match ns {
        ResolveResult::Bound(Namespace(uri)) => Resolved::In(Some(uri)),
        ResolveResult::Unbound => Resolved::In(None),
        ResolveResult::Unknown(prefix) => Resolved::UnknownPrefix(prefix.clone()),
    }
}

/// At most 80 characters of a name, for messages (names may be megabytes long).
pub(crate) fn shown(name: &str) -> String {
    match name.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &name[..at]),
        None => name.to_string(),
    }
}

/// Refuses an element outside the vocabulary's namespace, when it has one;
/// an undeclared prefix is refused in any vocabulary (the document is not
/// namespace-well-formed, as xmllint says too). The element's name is only
/// written out when it is refused.
fn check_namespace(
    e: &BytesStart,
    namespace: &Resolved,
    span: Span,
    vocabulary: Vocabulary,
) -> Result<(), Diagnostic> {
    let qname = || shown(e.name().as_ref());
    let (code, message) = match (namespace, vocabulary.only) {
        (Resolved::In(_), None) => return Ok(()),
        (Resolved::In(Some(uri)), Some(only)) if *uri == only => return Ok(()),
        (Resolved::In(Some(uri)), Some(only)) => (
            Code::Schema,
            format!(
                "<{}> is in namespace `{}`, not in {}'s `{only}`",
                qname(),
                shown(uri),
                owner(vocabulary.what)
            ),
        ),
        (Resolved::In(None), Some(only)) => (
            Code::Schema,
            format!(
                "<{}> is in no namespace: {} elements are in `{only}` (xmlns=\"{only}\" on <{}>)",
                qname(),
                vocabulary.what,
                vocabulary.root
            ),
        ),
        (Resolved::UnknownPrefix(prefix), _) => (
            Code::MalformedXml,
            format!(
                "the namespace prefix `{}` of <{}> is not declared",
                shown(prefix),
                qname()
            ),
        ),
    };
    Err(Diagnostic::new(code, span, message))
}

/// Who owns a vocabulary's namespace, for messages: `undoc` for undoc XML.
fn owner(what: &str) -> &str {
    what.strip_suffix(" XML").unwrap_or(what)
}

/// Keeps the first element found outside the vocabulary's namespace,
/// reported once the whole file is parsed: the limits on depth and
/// attributes and well-formedness come first, so a hostile file never
/// reaches the schema engine (which runs unless the reader refused the XML
/// itself).
fn defer(first: &mut Option<Diagnostic>, found: Result<(), Diagnostic>) -> Result<(), Diagnostic> {
    match found {
        Err(d) if d.code == Code::Schema => {
            first.get_or_insert(d);
            Ok(())
        }
        other => other,
    }
}

/// Where an element's parts go: slices of the source where they are,
/// copies into the arena where they are not.
struct Place<'a, 'b> {
    source: &'a str,
    arena: &'a Bump,
    /// The attributes of the tag being read (reused from tag to tag).
    attrs: &'b mut Vec<(&'a str, &'a str)>,
}

impl<'a> Place<'a, '_> {
    /// `text` as a slice of the source, else as a copy in the arena.
    fn keep(&self, text: Cow<'_, str>) -> &'a str {
        match slice_of(self.source, &text) {
            Some(slice) => slice,
            None => self.arena.alloc_str(&text),
        }
    }
}

/// The element of start tag `e`; with `raw`, its attributes as written
/// are put there too.
fn element<'a>(
    place: &mut Place<'a, '_>,
    e: &BytesStart,
    namespace: Option<&'a str>,
    span: Span,
    vocabulary: Vocabulary,
    mut raw: Option<&mut Vec<(Cow<'a, str>, Cow<'a, str>)>>,
) -> Result<Element<'a>, Diagnostic> {
    let source = place.source;
    let name = place.keep(e.local_name().into_inner().into());
    place.attrs.clear();
    // Duplicates are looked for among the attributes kept (at most
    // MAX_ATTRIBUTES), not by quick-xml, whose check allocates a list of
    // names for every element.
    let mut unchecked = e.attributes();
    unchecked.with_checks(false);
    for attr in unchecked {
        if place.attrs.len() == MAX_ATTRIBUTES {
            return Err(Diagnostic::new(
                Code::ForbiddenXml,
                span,
                format!(
                    "<{}> has more than {MAX_ATTRIBUTES} attributes: refused ({} elements have far fewer)",
                    shown(name),
                    vocabulary.what
                ),
            ));
        }
        if let (Some(raw), Ok(attr)) = (raw.as_deref_mut(), &attr) {
            raw.push((
                in_source(source, attr.key.as_ref()),
                in_source(source, &attr.value),
            ));
        }
        let (key, value) = attribute(source, attr, name, span)?;
        let (key, value) = (place.keep(key), place.keep(value));
        if place.attrs.iter().any(|(k, _)| *k == key) {
            return Err(Diagnostic::new(
                Code::MalformedXml,
                span,
                format!("bad attribute in <{name}>: `{key}` is given twice"),
            ));
        }
        place.attrs.push((key, value));
    }
    Ok(Element {
        name,
        namespace,
        attrs: place.arena.alloc_slice_copy(place.attrs),
        children: &[],
        span,
    })
}

/// An attribute's qualified name and its normalized value.
fn attribute<'a>(
    source: &'a str,
    attr: Result<
        quick_xml::events::attributes::Attribute,
        quick_xml::events::attributes::AttrError,
    >,
    element: &str,
    span: Span,
) -> Result<(Cow<'a, str>, Cow<'a, str>), Diagnostic> {
    let attr = attr.map_err(|err| {
        Diagnostic::new(
            Code::MalformedXml,
            span,
            format!("bad attribute in <{element}>: {err}"),
        )
    })?;
    let key = in_source(source, attr.key.as_ref());
    let value = match attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
        Ok(Cow::Borrowed(value)) => in_source(source, value),
        Ok(Cow::Owned(value)) => Cow::Owned(value),
        Err(err) => {
            return Err(Diagnostic::new(
                Code::ForbiddenXml,
                span,
                format!("attribute `{key}` of <{element}>: {err}"),
            ));
        }
    };
    Ok((key, value))
}

/// `text` as the slice of `source` it is, when it is one (the parser's
/// names and unescaped values are), else as a copy.
fn in_source<'a>(source: &'a str, text: &str) -> Cow<'a, str> {
    match slice_of(source, text) {
        Some(slice) => Cow::Borrowed(slice),
        None => Cow::Owned(text.to_string()),
    }
}

/// `text` as the slice of `source` it is, if it is one.
fn slice_of<'a>(source: &'a str, text: &str) -> Option<&'a str> {
    let start = (text.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
    let slice = source.get(start..start.checked_add(text.len())?)?;
    (slice.as_ptr() == text.as_ptr()).then_some(slice)
}

/// A reference as written (`&amp;`), which starts at byte `at`.
fn reference_as_written<'a>(
    source: &'a str,
    r: &quick_xml::events::BytesRef,
    at: usize,
) -> Cow<'a, str> {
    let written = at
        .checked_add(r.len() + 2)
        .and_then(|end| source.get(at..end))
        .filter(|w| w.starts_with('&') && w.ends_with(';'));
    match written {
        Some(w) => Cow::Borrowed(w),
        None => format!("&{};", &r[..]).into(),
    }
}

/// The namespace of the root element of an XML document whose first bytes
/// are `head` (the prolog, comments and processing instructions skipped),
/// for telling XML vocabularies apart by content. `None` when no root start
/// tag is found or its namespace is not declared on it.
pub(crate) fn root_namespace(head: &[u8]) -> Option<String> {
    root_namespace_in(&String::from_utf8_lossy(head))
}

/// [`root_namespace`] of text already decoded (decoding a reader's first
/// 4 KB again cost 35,000 instructions a document).
pub(crate) fn root_namespace_in(text: &str) -> Option<String> {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    loop {
        rest = rest.trim_start();
        let skip_to = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else if rest.starts_with("<!") {
            ">"
        } else {
            break;
        };
        rest = &rest[rest.find(skip_to)? + skip_to.len()..];
    }
    let tag = rest.strip_prefix('<')?;
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let name_end = tag
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(tag.len());
    let declaration = match tag[..name_end].split_once(':') {
        Some((prefix, _)) => format!("xmlns:{prefix}"),
        None => "xmlns".to_string(),
    };
    declared_value(&tag[name_end..], &declaration)
}

/// The value of attribute `name` in the attribute text of a start tag.
fn declared_value(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let value_end = after[1..].find(quote)?;
        if key == name {
            return Some(after[1..1 + value_end].to_string());
        }
        rest = &after[1 + value_end + 1..];
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{Bump, Element, Node, Vocabulary, parse_tree, parse_tree_watched};
    use crate::model::Span;
    use crate::read::XmlWatch;
    use quick_xml::Reader;
    use quick_xml::events::Event;
    use quick_xml::reader::with_known_utf8;

    /// The text events of `bytes`, read while `known` is registered.
    fn texts(known: &str, bytes: &[u8]) -> Result<Vec<String>, quick_xml::Error> {
        with_known_utf8(known, || {
            let mut reader = Reader::from_reader(bytes);
            let mut out = Vec::new();
            loop {
                match reader.read_event()? {
                    Event::Text(t) => out.push(t.xml10_content().into_owned()),
                    Event::Eof => return Ok(out),
                    _ => {}
                }
            }
        })
    }

    /// quick-xml takes the slices of a `&str` being read as text without a
    /// second UTF-8 scan (vendor/quick-xml/UNDOC-PATCH.md): the same text,
    /// in every script and at every place; bytes outside that `&str`, or
    /// cut inside one of its characters, are still checked.
    #[test]
    fn quick_xml_trusts_only_whole_characters_of_the_string_it_reads() {
        let words = ["مرحبا", "中文", "Привет", "déjà", "🙂", "a"];
        for k in 0..words.len() {
            let text: String = words[k..].concat();
            let xml = format!("<a>{text}<b>{}</b>{text}</a>", words[k]);
            let got = texts(&xml, xml.as_bytes()).expect("reads");
            assert_eq!(got, [text.clone(), words[k].to_string(), text]);
        }
        // A copy is not the registered string: its bad bytes are found.
        let xml = "<a>中文</a>";
        let mut broken = xml.as_bytes().to_vec();
        broken[4] = b'x';
        assert!(texts(xml, &broken).is_err());
        // A slice that starts inside a character of the registered string.
        let inside = "中文<a/>";
        assert!(texts(inside, &inside.as_bytes()[1..]).is_err());
        // Nothing is registered after the call.
        assert!(texts("", &broken).is_err());
    }

    const ANY: Vocabulary = Vocabulary {
        what: "test XML",
        root: "a",
        only: None,
    };

    /// Whether `text` is a slice of `source` (else a copy in the arena).
    fn borrowed(source: &str, text: &str) -> bool {
        source.as_bytes().as_ptr_range().contains(&text.as_ptr())
    }

    /// Names, and values and text without references, are borrowed from
    /// the source; a reference makes its value or text a copy in the
    /// arena, and the runs around it one text, however many references
    /// join them; an element or the end ends the run.
    #[test]
    fn the_tree_borrows_what_it_need_not_copy() {
        let source =
            r#"<a k="plain" e="1 &amp; 2">t &lt; u<b/>v<c>&amp;w&#x41;<!-- x -->z</c>y &gt; </a>"#;
        let arena = Bump::new();
        let root = parse_tree(source, &arena, ANY).expect("well-formed");
        assert!(root.name == "a" && borrowed(source, root.name));
        let [(plain_key, plain), (escaped_key, escaped)] = root.attrs else {
            panic!("two attributes");
        };
        assert!(
            [plain_key, plain, escaped_key]
                .iter()
                .all(|t| borrowed(source, t))
        );
        assert!(*escaped == "1 & 2" && !borrowed(source, escaped));
        let texts = |el: &Element| -> Vec<(String, bool)> {
            el.children
                .iter()
                .filter_map(|c| match c {
                    Node::Text(t) => Some((t.to_string(), borrowed(source, t))),
                    Node::Element(_) => None,
                })
                .collect()
        };
        let owned = |t: &str| (t.to_string(), false);
        let kept = |t: &str| (t.to_string(), true);
        assert_eq!(texts(&root), [owned("t < u"), kept("v"), owned("y > ")]);
        let c = root.elements().nth(1).expect("<c>");
        assert_eq!(texts(c), [owned("&wAz")]);
        assert_eq!(root.text(), "t < uv&wAzy > ");
        let many = format!("<a>{}</a>", "x&amp;".repeat(1000));
        let root = parse_tree(&many, &arena, ANY).expect("well-formed");
        assert_eq!(root.children.len(), 1);
        assert_eq!(root.text(), "x&".repeat(1000));
    }

    /// Writes down what it is shown, one line an event.
    #[derive(Default)]
    pub(crate) struct Recorder(pub(crate) Vec<String>);

    impl XmlWatch for Recorder {
        fn start<'a>(
            &mut self,
            qname: &'a str,
            attrs: &mut dyn Iterator<Item = (&'a str, &'a str)>,
            empty: bool,
            span: Span,
            at: usize,
        ) {
            let attrs: Vec<String> = attrs.map(|(k, v)| format!("{k}={v}")).collect();
            let (line, column) = (span.line, span.column);
            self.0
                .push(format!("<{qname} {attrs:?} {empty} {line}:{column} @{at}"));
        }
        fn end(&mut self, qname: &str, at: usize) {
            self.0.push(format!("</{qname} @{at}"));
        }
        fn text(&mut self, raw: &str, at: usize) {
            self.0.push(format!("text {raw:?} @{at}"));
        }
        fn cdata(&mut self, text: &str, at: usize) {
            self.0.push(format!("cdata {text:?} @{at}"));
        }
        fn comment(&mut self, text: &str, at: usize) {
            self.0.push(format!("comment {text:?} @{at}"));
        }
        fn pi(&mut self, content: &str, at: usize) {
            self.0.push(format!("pi {content:?} @{at}"));
        }
        fn decl(&mut self, content: &str, at: usize) {
            self.0.push(format!("decl {content:?} @{at}"));
        }
    }

    /// The watch is shown every event, as written and in order, with the
    /// byte it starts at, across the batches it is handed them in.
    #[test]
    fn the_watch_is_shown_every_event_in_order() {
        let item = r#"<p n="1" k='a &amp; b'>x &lt; y<!--c--><![CDATA[<z>]]><?pi d?><br/></p>"#;
        let source = format!("<?xml version=\"1.0\"?>\n<a>{}</a>", item.repeat(300));
        let mut recorder = Recorder::default();
        let arena = Bump::new();
        parse_tree_watched(&source, &arena, ANY, Some(&mut recorder)).expect("well-formed");
        let shown = recorder.0;
        assert_eq!(shown.len(), 3 + 300 * 9 + 1, "{:?}", &shown[..12]);
        assert_eq!(shown[0], r#"decl "xml version=\"1.0\"" @0"#);
        assert_eq!(shown[1], r#"text "\n" @21"#);
        assert_eq!(shown[2], "<a [] false 2:1 @22");
        let of = |part: &str| item.find(part).expect("in the item");
        for (k, event) in shown[3..shown.len() - 1].chunks(9).enumerate() {
            let at = 25 + k * item.len();
            let column = 4 + k * item.len();
            let expected = [
                format!(r#"<p ["n=1", "k=a &amp; b"] false 2:{column} @{at}"#),
                format!(r#"text "x " @{}"#, at + of("x &lt;")),
                format!(r#"text "&lt;" @{}"#, at + of("&lt;")),
                format!(r#"text " y" @{}"#, at + of(" y<")),
                format!(r#"comment "c" @{}"#, at + of("<!--")),
                format!(r#"cdata "<z>" @{}"#, at + of("<![CDATA[")),
                format!(r#"pi "pi d" @{}"#, at + of("<?pi")),
                format!(
                    "<br [] true 2:{} @{}",
                    column + of("<br/>"),
                    at + of("<br/>")
                ),
                format!("</p @{}", at + of("</p>")),
            ];
            assert_eq!(event, &expected[..], "item {k}");
        }
        assert_eq!(shown[shown.len() - 1], format!("</a @{}", source.len() - 4));
    }
}
