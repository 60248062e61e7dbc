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

use super::xsd::SchemaViolation;

/// The namespaces in which a schema declares each element name.
#[derive(Debug, Default)]
pub struct DeclaredNames {
    /// Local name → the namespaces it is declared in (`""` for none).
    namespaces: HashMap<String, HashSet<String>>,
    /// Whether the schema has a wildcard (`xs:any`), which admits elements
    /// of other namespaces: then nothing is refused here.
    open: bool,
}

impl DeclaredNames {
    /// Every element declaration of `schema`, global and local.
    pub fn of(schema: &Schema) -> DeclaredNames {
        let mut names = DeclaredNames::default();
        for def in schema.elements_ns.values() {
            names.element(def);
        }
        for ty in schema.types_ns.values() {
            names.type_def(ty);
        }
        names
    }

    fn element(&mut self, def: &ElementDef) {
        let Some(namespace) = &def.namespace else {
            // Only fastxml's built-in types (GML, SOAP) are built by hand,
            // without it; a compiled schema always sets it.
            return;
        };
        self.namespaces
            .entry(def.name.clone())
            .or_default()
            .insert(namespace.clone());
        if let Some(ty) = &def.inline_type {
            self.type_def(ty);
        }
    }

    fn type_def(&mut self, ty: &TypeDef) {
        let TypeDef::Complex(complex) = ty else {
            return;
        };
        match &complex.content {
            ContentModel::Sequence(defs)
            | ContentModel::Choice(defs)
            | ContentModel::All(defs)
            | ContentModel::ComplexExtension { elements: defs, .. } => {
                defs.iter().for_each(|d| self.element(d));
            }
            ContentModel::Any { .. } => self.open = true,
            ContentModel::Empty | ContentModel::SimpleContent { .. } => {}
        }
        self.open |= complex.wildcard.is_some();
        if let Some(particle) = &complex.particle {
            self.particle(particle);
        }
    }

    fn particle(&mut self, particle: &Particle) {
        match particle {
            Particle::Element(def) => self.element(def),
            Particle::Wildcard(_) => self.open = true,
            Particle::Sequence { items, .. } | Particle::Choice { items, .. } => {
                items.iter().for_each(|p| self.particle(p));
            }
            Particle::All { elements, .. } => elements.iter().for_each(|d| self.element(d)),
        }
    }

    /// The elements of `xml` whose name the schema declares, but not in the
    /// namespace they are in (at most `max`). Malformed XML ends the pass
    /// quietly: the schema engine reports it.
    pub fn check(&self, xml: &[u8], max: usize) -> Vec<SchemaViolation> {
        let mut out = Vec::new();
        if self.open {
            return out;
        }
        let mut reader = NsReader::from_reader(xml);
        let mut lines = LineCounter::default();
        while out.len() < max {
            let before = reader.buffer_position() as usize;
            let Ok((ns, event)) = reader.read_resolved_event() else {
                break;
            };
            let (Event::Start(e) | Event::Empty(e)) = event else {
                if matches!(event, Event::Eof) {
                    break;
                }
                continue;
            };
            let local = e.local_name().into_inner();
            let Some(declared) = self.namespaces.get(local) else {
                continue;
            };
            let namespace = match ns {
                ResolveResult::Bound(Namespace(uri)) => uri.to_string(),
                ResolveResult::Unbound => String::new(),
                // An undeclared prefix is a parse error for the engine.
                ResolveResult::Unknown(_) => break,
            };
            if !declared.contains(&namespace) {
                let (line, column) = lines.at(xml, before);
                out.push(SchemaViolation {
                    line,
                    column,
                    message: wrong_namespace(local, &namespace, declared),
                });
            }
        }
        out
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
        assert!(!names.open);
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
}
