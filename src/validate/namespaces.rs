//! The namespace half of schema validation, which fastxml leaves out: it
//! matches child elements by local name alone, so `<e:masthead
//! xmlns:e="urn:evil">` passed where xmllint refuses it. This pass resolves
//! each element's namespace and refuses one whose local name the schema
//! declares only in other namespaces, so the engine's verdict is xmllint's.

use std::collections::{HashMap, HashSet};

use fastxml::schema::Schema;
use fastxml::schema::types::{ContentModel, ElementDef, Particle, TypeDef};
use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};

use super::violation::SchemaViolation;

/// The namespaces in which a schema declares each element name.
#[derive(Debug, Default)]
pub struct DeclaredNames {
    /// Local name → the namespaces it is declared in (`""` for none).
    namespaces: HashMap<String, HashSet<String>>,
    /// Local names of the elements whose content admits elements of other
    /// namespaces (an `xs:any` in their type or the types it extends, as in
    /// Akoma Ntoso's `proprietary`): an element of another namespace there
    /// is the wildcard's, and what it holds is not looked into.
    open: HashSet<String>,
}

/// The `xmlns` of namespace declarations (and of nothing else in a name).
const XMLNS: &[u8] = b"xmlns";

impl DeclaredNames {
    /// Every element declaration of `schema`, global and local.
    pub fn of(schema: &Schema) -> DeclaredNames {
        let mut names = DeclaredNames::default();
        for def in schema.elements_ns.values() {
            names.element(schema, def);
        }
        for ty in schema.types_ns.values() {
            names.type_def(schema, ty);
        }
        names
    }

    fn element(&mut self, schema: &Schema, def: &ElementDef) {
        let Some(namespace) = &def.namespace else {
            // Only fastxml's built-in types (GML, SOAP) are built by hand,
            // without it; a compiled schema always sets it.
            return;
        };
        self.namespaces
            .entry(def.name.clone())
            .or_default()
            .insert(namespace.clone());
        let ty = def
            .inline_type
            .as_ref()
            .or_else(|| def.type_ns.as_ref().and_then(|t| schema.types_ns.get(t)));
        if ty.is_some_and(|ty| admits_other_namespaces(schema, ty, 0)) {
            self.open.insert(def.name.clone());
        }
        if let Some(ty) = &def.inline_type {
            self.type_def(schema, ty);
        }
    }

    fn type_def(&mut self, schema: &Schema, ty: &TypeDef) {
        let TypeDef::Complex(complex) = ty else {
            return;
        };
        match &complex.content {
            ContentModel::Sequence(defs)
            | ContentModel::Choice(defs)
            | ContentModel::All(defs)
            | ContentModel::ComplexExtension { elements: defs, .. } => {
                defs.iter().for_each(|d| self.element(schema, d));
            }
            ContentModel::Any { .. } | ContentModel::Empty | ContentModel::SimpleContent { .. } => {
            }
        }
        if let Some(particle) = &complex.particle {
            self.particle(schema, particle);
        }
    }

    fn particle(&mut self, schema: &Schema, particle: &Particle) {
        match particle {
            Particle::Element(def) => self.element(schema, def),
            Particle::Wildcard(_) => {}
            Particle::Sequence { items, .. } | Particle::Choice { items, .. } => {
                items.iter().for_each(|p| self.particle(schema, p));
            }
            Particle::All { elements, .. } => {
                elements.iter().for_each(|d| self.element(schema, d));
            }
        }
    }

    /// The one namespace every element is declared in, if there is one (a
    /// file whose elements are all in it has none misplaced, wildcards or not).
    fn sole_namespace(&self) -> Option<&str> {
        let mut all = self.namespaces.values().flatten();
        let first = all.next()?;
        all.all(|ns| ns == first).then_some(first.as_str())
    }

    /// The elements of `xml` whose name the schema declares, but not in the
    /// namespace they are in (at most `max`), outside what wildcards admit.
    /// Malformed XML ends the pass quietly: the schema engine reports it.
    pub fn check(&self, xml: &[u8], max: usize) -> Vec<SchemaViolation> {
        let mut out = Vec::new();
        if self
            .sole_namespace()
            .is_some_and(|ns| every_element_is_in(xml, ns))
        {
            return out;
        }
        let mut reader = NsReader::from_reader(xml);
        let mut lines = LineCounter::default();
        // Per open element: whether elements of other namespaces may stand
        // in it, and whether it is wildcard content (not looked into).
        let mut open: Vec<Frame> = Vec::new();
        while out.len() < max {
            let before = reader.buffer_position() as usize;
            let Ok((ns, event)) = reader.read_resolved_event() else {
                break;
            };
            let (empty, e) = match event {
                Event::Start(e) => (false, e),
                Event::Empty(e) => (true, e),
                Event::End(_) => {
                    open.pop();
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let namespace = match ns {
                ResolveResult::Bound(Namespace(uri)) => uri.to_string(),
                ResolveResult::Unbound => String::new(),
                // An undeclared prefix is a parse error for the engine.
                ResolveResult::Unknown(_) => break,
            };
            let local = e.local_name().into_inner();
            let frame = self.frame(local, &namespace, open.last());
            if frame.misplaced {
                let (line, column) = lines.at(xml, before);
                let declared = &self.namespaces[local];
                out.push(SchemaViolation {
                    line,
                    column,
                    message: wrong_namespace(local, &namespace, declared),
                });
            }
            if !empty {
                open.push(frame);
            }
        }
        out
    }

    /// How the element `local` in `namespace` stands in its parent.
    fn frame(&self, local: &str, namespace: &str, parent: Option<&Frame>) -> Frame {
        let in_wildcard = parent.is_some_and(|p| p.wildcard);
        let declared = self.namespaces.get(local);
        let ours = declared.is_some_and(|d| d.contains(namespace));
        if in_wildcard || (!ours && parent.is_some_and(|p| p.admits_others)) {
            return Frame {
                wildcard: true,
                ..Frame::default()
            };
        }
        Frame {
            admits_others: ours && self.open.contains(local),
            wildcard: false,
            misplaced: declared.is_some() && !ours,
        }
    }
}

/// An open element, for the namespace pass.
#[derive(Default)]
struct Frame {
    /// Its content admits elements of other namespaces.
    admits_others: bool,
    /// It is wildcard content: neither it nor what it holds is checked.
    wildcard: bool,
    /// Its name is declared, but not in its namespace.
    misplaced: bool,
}

/// Whether a type's content, or that of a type it extends, has a wildcard.
fn admits_other_namespaces(schema: &Schema, ty: &TypeDef, depth: usize) -> bool {
    let TypeDef::Complex(complex) = ty else {
        return false;
    };
    if depth > 16 {
        return false;
    }
    let own = complex.wildcard.is_some()
        || matches!(complex.content, ContentModel::Any { .. })
        || complex.particle.as_deref().is_some_and(has_wildcard);
    own || complex
        .base_ns
        .as_ref()
        .and_then(|base| schema.types_ns.get(base))
        .is_some_and(|base| admits_other_namespaces(schema, base, depth + 1))
}

fn has_wildcard(particle: &Particle) -> bool {
    match particle {
        Particle::Wildcard(_) => true,
        Particle::Element(_) | Particle::All { .. } => false,
        Particle::Sequence { items, .. } | Particle::Choice { items, .. } => {
            items.iter().any(has_wildcard)
        }
    }
}

/// Whether every element of `xml` is in `namespace`, seen without reading
/// its elements: the only `xmlns` in the whole file is the root's default
/// declaration, binding `namespace` (so nothing redeclares it below), and no
/// element is in the `xml:` namespace. Any other file takes the full pass;
/// an undeclared prefix is malformed XML, which the engine reports.
fn every_element_is_in(xml: &[u8], namespace: &str) -> bool {
    let mut declarations = memchr::memmem::find_iter(xml, XMLNS);
    let (Some(at), None) = (declarations.next(), declarations.next()) else {
        return false;
    };
    if memchr::memmem::find(xml, b"<xml:").is_some() {
        return false;
    }
    let mut reader = NsReader::from_reader(xml);
    loop {
        let start = reader.buffer_position() as usize;
        let root_in_namespace = match reader.read_resolved_event() {
            Ok((ns, Event::Start(root) | Event::Empty(root))) => {
                root.name().prefix().is_none()
                    && matches!(ns, ResolveResult::Bound(Namespace(uri)) if *uri == *namespace)
            }
            Ok((_, Event::Eof)) | Err(_) => return false,
            Ok(_) => continue,
        };
        let declared_by_root = (start..reader.buffer_position() as usize).contains(&at);
        return root_in_namespace && declared_by_root;
    }
}

/// [`every_element_is_in`], told from the start tags as a reader meets
/// them instead of from the text: the root unprefixed, declaring the
/// namespace as its default and nothing else, and no other element
/// prefixed or declaring a namespace. Then every element is in the
/// namespace, and [`DeclaredNames::check`] has nothing to find.
#[derive(Debug)]
pub struct OneNamespace<'n> {
    /// The schema's sole namespace (`None`: it has several, and the full
    /// pass always runs).
    namespace: Option<&'n str>,
    /// Whether a start tag has been met, and the one being read is the root's.
    met_root: bool,
    in_root: bool,
    /// Whether the root declared the namespace as its default.
    declared: bool,
    /// Whether no tag has had a prefix or another declaration so far.
    clean: bool,
}

impl<'n> OneNamespace<'n> {
    /// Watches for the sole namespace of `names`' schema.
    pub fn of(names: &'n DeclaredNames) -> Self {
        OneNamespace {
            namespace: names.sole_namespace(),
            met_root: false,
            in_root: false,
            declared: false,
            clean: true,
        }
    }

    /// A start tag named `qname`, whose attributes follow.
    pub fn element(&mut self, qname: &str) {
        self.in_root = !self.met_root;
        self.met_root = true;
        self.clean &= !qname.as_bytes().contains(&b':');
    }

    /// An attribute of the start tag, its value as written.
    pub fn attribute(&mut self, key: &str, value: &str) {
        if !key.as_bytes().starts_with(XMLNS) {
            return;
        }
        if self.in_root && key == "xmlns" && Some(value) == self.namespace && !self.declared {
            self.declared = true;
        } else {
            self.clean = false;
        }
    }

    /// Whether every element met is in the sole namespace.
    pub fn holds(&self) -> bool {
        self.declared && self.clean
    }
}

fn wrong_namespace(local: &str, namespace: &str, declared: &HashSet<String>) -> String {
    let mut expected: Vec<&str> = declared.iter().map(String::as_str).collect();
    expected.sort_unstable();
    let shown = |ns: &str| {
        if ns.is_empty() {
            "no namespace".to_string()
        } else {
            format!("namespace `{ns}`")
        }
    };
    let expected: Vec<String> = expected.into_iter().map(shown).collect();
    format!(
        "element '{local}' is in {}, but the schema declares it in {}",
        shown(namespace),
        expected.join(" or ")
    )
}

/// Line and column (in characters, 1-based) of increasing byte offsets,
/// counting each byte once.
#[derive(Default)]
struct LineCounter {
    pos: usize,
    line: u32,
    column: u32,
}

impl LineCounter {
    fn at(&mut self, text: &[u8], offset: usize) -> (u32, u32) {
        for &b in &text[self.pos.min(offset)..offset.min(text.len())] {
            if b == b'\n' {
                self.line += 1;
                self.column = 0;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
        self.pos = self.pos.max(offset);
        (self.line + 1, self.column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::xsd::{UNDOC_XSD, XML_XSD};

    fn names() -> DeclaredNames {
        let schema = Schema::builder()
            .add("undoc.xsd", UNDOC_XSD.as_bytes())
            .add("xml.xsd", XML_XSD.as_bytes())
            .resolve()
            .expect("the schema compiles");
        DeclaredNames::of(&schema)
    }

    #[test]
    fn every_undoc_element_is_declared_in_the_undoc_namespace() {
        let names = names();
        assert!(names.open.is_empty());
        for local in [
            "document", "masthead", "title", "para", "chapter", "date", "emph", "item",
        ] {
            let declared = names.namespaces.get(local).expect(local);
            assert_eq!(
                declared.iter().collect::<Vec<_>>(),
                ["urn:undoc:1"],
                "{local}"
            );
        }
    }

    #[test]
    fn a_file_whose_root_alone_declares_the_namespace_is_not_read_twice() {
        let ns = "urn:undoc:1";
        let root = |rest: &str| {
            format!("<?xml version=\"1.0\"?>\n<document xmlns=\"{ns}\">{rest}</document>")
        };
        assert!(every_element_is_in(root("<para>x</para>").as_bytes(), ns));
        // Another declaration anywhere, even in text, takes the full pass.
        assert!(!every_element_is_in(
            root("<para>xmlns</para>").as_bytes(),
            ns
        ));
        assert!(!every_element_is_in(root("<xml:para/>").as_bytes(), ns));
        assert!(!every_element_is_in(root("").as_bytes(), "urn:other"));
        let prefixed = format!("<u:document xmlns:u=\"{ns}\"><para/></u:document>");
        assert!(!every_element_is_in(prefixed.as_bytes(), ns));
        // Declared by a DTD's default attribute, not by the root.
        let dtd = "<!DOCTYPE document [<!ATTLIST para xmlns CDATA #FIXED \"urn:evil\">]><document><para/></document>";
        assert!(!every_element_is_in(dtd.as_bytes(), ns));
        assert_eq!(names().sole_namespace(), Some(ns));
    }

    /// [`OneNamespace`] fed the start tags of `xml`, as a reader feeds it.
    fn one_namespace(names: &DeclaredNames, xml: &str) -> bool {
        let mut one = OneNamespace::of(names);
        let mut reader = quick_xml::Reader::from_str(xml);
        loop {
            match reader.read_event().expect("well-formed") {
                Event::Start(e) | Event::Empty(e) => {
                    one.element(e.name().into_inner());
                    for attr in e.attributes() {
                        let attr = attr.expect("an attribute");
                        one.attribute(attr.key.into_inner(), &attr.value);
                    }
                }
                Event::Eof => return one.holds(),
                _ => {}
            }
        }
    }

    #[test]
    fn the_start_tags_tell_what_the_text_tells_of_one_namespace() {
        let names = names();
        let ns = "urn:undoc:1";
        let root = |attrs: &str, rest: &str| {
            format!("<?xml version=\"1.0\"?>\n<document{attrs}>{rest}</document>")
        };
        let default = format!(" xmlns=\"{ns}\"");
        for (xml, holds) in [
            (root(&default, "<para n=\"1\">x</para>"), true),
            (root(&default, "<para>xmlns</para>"), true),
            (root(&default, "<xml:para/>"), false),
            (root(" xmlns=\"urn:other\"", ""), false),
            (root("", "<para/>"), false),
            (root(&format!("{default} xmlns:e=\"urn:e\""), ""), false),
            (root(&default, "<para xmlns=\"urn:evil\"/>"), false),
            (root(&default, &format!("<para xmlns=\"{ns}\"/>")), false),
            (root(&default, "<e:para xmlns:e=\"urn:evil\"/>"), false),
            (
                format!("<u:document xmlns:u=\"{ns}\"><para/></u:document>"),
                false,
            ),
        ] {
            assert_eq!(one_namespace(&names, &xml), holds, "{xml}");
            // What the tags tell never contradicts the text.
            if holds {
                assert!(names.check(xml.as_bytes(), 100).is_empty(), "{xml}");
            }
        }
    }

    #[test]
    fn an_element_in_another_namespace_is_refused_at_its_line() {
        let xml = "<document xmlns=\"urn:undoc:1\">\n  <e:masthead xmlns:e=\"urn:evil\"/>\n  <u:title xmlns:u=\"urn:undoc:1\"/>\n  <body xmlns=\"\"/>\n</document>";
        let found = names().check(xml.as_bytes(), 100);
        let at: Vec<(u32, u32)> = found.iter().map(|v| (v.line, v.column)).collect();
        assert_eq!(at, [(2, 3), (4, 3)], "{found:?}");
        assert_eq!(
            found[0].message,
            "element 'masthead' is in namespace `urn:evil`, but the schema declares it in namespace `urn:undoc:1`"
        );
        assert!(found[1].message.contains("is in no namespace"));
    }

    #[test]
    fn akoma_ntoso_admits_other_namespaces_only_where_its_wildcards_stand() {
        let akn = crate::validate::xsd::akoma_ntoso().expect("compiles");
        let names = DeclaredNames::of(akn.schema());
        assert!(names.open.contains("proprietary"));
        assert!(!names.open.contains("p"));
        let ns = crate::akn::NAMESPACE;
        let xml = format!(
            "<akomaNtoso xmlns=\"{ns}\">\n<proprietary><x:p xmlns:x=\"urn:evil\"><p/></x:p></proprietary>\n<content><x:p xmlns:x=\"urn:evil\"/></content></akomaNtoso>"
        );
        let found = names.check(xml.as_bytes(), 100);
        let at: Vec<(u32, u32)> = found.iter().map(|v| (v.line, v.column)).collect();
        assert_eq!(at, [(3, 10)], "{found:?}");
    }
}
