//! Declaration resolution shared by the DOM and streaming validators: global
//! element lookup by expanded name, the "does this schema declare anything"
//! test that gates undeclared-element errors, and the run-time flattening of
//! complex types the compile-time cache does not cover.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use crate::schema::types::{
    CompiledSchema, ComplexType, ContentModel, DerivationMethod, ElementDef, FlattenedChildren,
    NsName, NsNameRef,
};

/// Global-element resolution for one schema.
///
/// An instance element is matched to a global declaration by its expanded
/// name `(namespace, local)`. The only fallback is the chameleon-include one:
/// an element in a namespace the schema defines components in may match a
/// component registered under no namespace (a chameleon document merged into
/// that namespace). An element in a namespace the schema knows nothing about
/// never matches a declaration by local name alone.
pub(crate) struct ElementResolver {
    /// Namespaces the schema defines at least one component in. UNDOC
    /// PATCH: hashed by Fx, as the schema's maps are (`types.rs`): every
    /// element not declared globally asks it, and std's SipHash of the
    /// namespace was half the cost of an element's lookup.
    known_namespaces: rustc_hash::FxHashSet<Arc<str>>,
    /// Whether undeclared elements are reported (see [`declares_components`]).
    pub(crate) reports_undeclared: bool,
}

impl ElementResolver {
    pub(crate) fn new(schema: &CompiledSchema) -> Self {
        let mut known_namespaces = rustc_hash::FxHashSet::<Arc<str>>::default();
        let keys = schema
            .elements_ns
            .keys()
            .chain(schema.types_ns.keys())
            .chain(schema.attributes_ns.keys());
        for key in keys {
            if !key.namespace_uri.is_empty() && !known_namespaces.contains(&key.namespace_uri) {
                known_namespaces.insert(Arc::clone(&key.namespace_uri));
            }
        }
        if let Some(tns) = schema.target_namespace.as_deref()
            && !tns.is_empty()
        {
            known_namespaces.insert(Arc::from(tns));
        }
        Self {
            known_namespaces,
            reports_undeclared: declares_components(schema),
        }
    }

    /// Looks up the global element declaration for an instance element.
    ///
    /// `namespace` is the element's namespace URI resolved from its in-scope
    /// declarations (`None` = no namespace). `prefix`/`qname` are consulted
    /// only when the element carries a prefix that did not resolve to any
    /// namespace, where the expanded name is unknown and the legacy
    /// string-keyed lookup is the best available guess.
    pub(crate) fn lookup<'s>(
        &self,
        schema: &'s CompiledSchema,
        local: &str,
        prefix: Option<&str>,
        qname: &str,
        namespace: Option<&str>,
    ) -> Option<&'s ElementDef> {
        let probe = |namespace_uri: &str| {
            schema.elements_ns.get(&NsNameRef {
                namespace_uri,
                local_name: local,
            })
        };
        match namespace {
            Some(ns) => probe(ns).or_else(|| {
                // Chameleon include: a no-namespace component adopted into
                // a namespace the schema defines.
                if self.known_namespaces.contains(ns) {
                    probe("")
                } else {
                    None
                }
            }),
            None => match prefix {
                Some(p) if !p.is_empty() => schema.get_element(qname),
                _ => probe(""),
            },
        }
    }
}

/// Whether the schema declares any component of its own beyond the built-in
/// XSD/GML types every compiled schema carries.
///
/// A schema that does is a user schema, and an element it does not declare
/// is an error in strict mode — even when the schema declares only types.
/// A schema with only the built-in types is what auto-detection falls back
/// to when no schema could be loaded; it has no element declarations to
/// check against, so undeclared elements are not reported for it.
fn declares_components(schema: &CompiledSchema) -> bool {
    static BUILTIN_TYPES: OnceLock<HashSet<NsName>> = OnceLock::new();
    if !schema.elements_ns.is_empty() || !schema.attributes_ns.is_empty() {
        return true;
    }
    let builtin = BUILTIN_TYPES.get_or_init(|| {
        crate::schema::xsd::create_builtin_schema()
            .types_ns
            .keys()
            .cloned()
            .collect()
    });
    schema.types_ns.keys().any(|k| !builtin.contains(k))
}

/// Memoized run-time flattening of complex types that are not in the
/// compile-time `ns_type_children_cache` (anonymous types, and named types
/// reached only through a string key).
///
/// Entries are keyed by the address of the type's `particle` `Arc`: clones of
/// an `ElementDef` / `ComplexType` share that `Arc`, and the schema keeps the
/// original alive for the validator's lifetime, so the address identifies the
/// content model. The base reference is stored alongside and compared on
/// every hit, so a key collision can never hand out another type's picture.
///
/// UNDOC PATCH: (1) a type without a particle of its own, element
/// declarations of its own or a wildcard of its own (an anonymous
/// `complexContent` extension that only adds attributes, as most of Akoma
/// Ntoso's are) is keyed by its derivation, which is all its flattening
/// depends on; upstream flattened it afresh at every element. (2) a miss
/// here is looked up in the schema's [`SharedRuntimeTypes`] before anything
/// is flattened, and what is flattened is stored there, so each type is
/// flattened (and its automaton built) once per compiled schema, not once
/// per document.
#[derive(Default)]
pub(crate) struct RuntimeTypeCache {
    entries: rustc_hash::FxHashMap<RuntimeKey, Vec<RuntimeEntry>>,
}

/// UNDOC PATCH: what identifies a run-time flattening. A key may be shared
/// by several types (a particle reused by a derived type, or a hash
/// collision): each key holds the entries of all of them, told apart by
/// [`RuntimeEntry::is_for`], so no type is flattened afresh at each element.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum RuntimeKey {
    /// The address of the type's own particle.
    Particle(usize),
    /// A type with nothing of its own but its derivation: a hash of its
    /// content kind and content base, base type and derivation (computed
    /// without allocating, as it is asked for at every element).
    Derivation(u64),
}

impl RuntimeKey {
    fn of(complex: &ComplexType) -> Option<RuntimeKey> {
        use std::hash::{Hash, Hasher};
        if let Some(particle) = &complex.particle {
            return Some(RuntimeKey::Particle(Arc::as_ptr(particle) as usize));
        }
        let content_base = content_base(complex)?;
        if complex.wildcard.is_some() {
            return None;
        }
        let mut hasher = rustc_hash::FxHasher::default();
        std::mem::discriminant(&complex.content).hash(&mut hasher);
        content_base.hash(&mut hasher);
        complex.base_type.hash(&mut hasher);
        complex.base_ns.hash(&mut hasher);
        complex.derivation.map(|d| d as u8).hash(&mut hasher);
        Some(RuntimeKey::Derivation(hasher.finish()))
    }
}

/// UNDOC PATCH: the base a derivation-keyed type's content names (`None`
/// for empty content), or `None` outright when the type is not keyed so.
#[allow(clippy::option_option)]
fn content_base(complex: &ComplexType) -> Option<Option<&str>> {
    match &complex.content {
        ContentModel::Empty => Some(None),
        ContentModel::ComplexExtension {
            base_type,
            elements,
        } if elements.is_empty() => Some(Some(base_type.as_str())),
        _ => None,
    }
}

#[derive(Clone)]
struct RuntimeEntry {
    /// UNDOC PATCH: the particle a `Particle` entry was built from, held so
    /// that its address (the key) cannot be reused while the entry lives.
    particle: Option<Arc<crate::schema::types::Particle>>,
    base_type: Option<String>,
    derivation: Option<DerivationMethod>,
    /// UNDOC PATCH: the rest of what a `Derivation` key hashes, compared
    /// on every hit so that a hash collision is never taken for a match.
    content_kind: std::mem::Discriminant<ContentModel>,
    content_base: Option<String>,
    base_ns: Option<NsName>,
    children: Arc<FlattenedChildren>,
    elements: Arc<Vec<ElementDef>>,
}

impl RuntimeEntry {
    fn is_for(&self, complex: &ComplexType) -> bool {
        let same_particle = match (&self.particle, &complex.particle) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_particle
            && self.base_type == complex.base_type
            && self.derivation == complex.derivation
            && self.content_kind == std::mem::discriminant(&complex.content)
            && self.content_base.as_deref() == content_base(complex).flatten()
            && self.base_ns == complex.base_ns
    }
}

/// UNDOC PATCH: the run-time flattenings of one compiled schema, shared by
/// every validator (and thread) that validates against it. A clone of the
/// schema starts with an empty one, since a clone may be changed.
#[derive(Default)]
pub(crate) struct SharedRuntimeTypes(
    std::sync::Mutex<rustc_hash::FxHashMap<RuntimeKey, Vec<RuntimeEntry>>>,
);

impl SharedRuntimeTypes {
    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, rustc_hash::FxHashMap<RuntimeKey, Vec<RuntimeEntry>>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The entry of `complex`, flattened and stored here on first use
    /// (outside the lock: other threads are not held up while an automaton
    /// is built; two threads may both build it, and the first stored is
    /// kept).
    fn entry(
        &self,
        schema: &CompiledSchema,
        key: RuntimeKey,
        complex: &ComplexType,
    ) -> RuntimeEntry {
        let found = |entries: &[RuntimeEntry]| entries.iter().find(|e| e.is_for(complex)).cloned();
        if let Some(e) = self.lock().get(&key).and_then(|entries| found(entries)) {
            return e;
        }
        let fresh = RuntimeEntry {
            particle: complex.particle.clone(),
            base_type: complex.base_type.clone(),
            derivation: complex.derivation,
            content_kind: std::mem::discriminant(&complex.content),
            content_base: content_base(complex).flatten().map(str::to_string),
            base_ns: complex.base_ns.clone(),
            children: Arc::new(crate::schema::xsd::compiler::flatten_type_children(
                complex, schema,
            )),
            elements: Arc::new(collect_elements(schema, complex)),
        };
        let mut entries = self.lock();
        let stored = entries.entry(key).or_default();
        if let Some(e) = found(stored) {
            return e;
        }
        stored.push(fresh.clone());
        fresh
    }
}

impl Clone for SharedRuntimeTypes {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for SharedRuntimeTypes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SharedRuntimeTypes({} entries)", self.lock().len())
    }
}

impl RuntimeTypeCache {
    fn entry(&mut self, schema: &CompiledSchema, complex: &ComplexType) -> Option<&RuntimeEntry> {
        let key = RuntimeKey::of(complex)?;
        let entries = self.entries.entry(key).or_default();
        let at = match entries.iter().position(|e| e.is_for(complex)) {
            Some(at) => at,
            None => {
                entries.push(schema.shared_runtime_types.entry(schema, key, complex));
                entries.len() - 1
            }
        };
        entries.get(at)
    }

    /// The flattened child constraints (with automaton) of `complex`.
    pub(crate) fn children(
        &mut self,
        schema: &CompiledSchema,
        complex: &ComplexType,
    ) -> Arc<FlattenedChildren> {
        match self.entry(schema, complex) {
            Some(e) => Arc::clone(&e.children),
            None => Arc::new(crate::schema::xsd::compiler::flatten_type_children(
                complex, schema,
            )),
        }
    }

    /// The inheritance-flattened child element declarations of `complex`.
    pub(crate) fn elements(
        &mut self,
        schema: &CompiledSchema,
        complex: &ComplexType,
    ) -> Arc<Vec<ElementDef>> {
        match self.entry(schema, complex) {
            Some(e) => Arc::clone(&e.elements),
            None => Arc::new(collect_elements(schema, complex)),
        }
    }
}

/// UNDOC PATCH: the inheritance-flattened element lists of the schema's
/// named complex types, shared by every validator of the schema. A
/// validator memoized them itself, so every document cloned each list it
/// met (every `ElementDef` along the base chain) and dropped it at its
/// end: an eighth of validating a one-page report. Keyed as the
/// validator's own memos are, by type name or by `(namespace, local)`.
#[derive(Default)]
pub(crate) struct SharedElements(std::sync::Mutex<SharedElementLists>);

#[derive(Default)]
struct SharedElementLists {
    by_name: rustc_hash::FxHashMap<String, Arc<Vec<ElementDef>>>,
    by_ns: rustc_hash::FxHashMap<NsName, Arc<Vec<ElementDef>>>,
}

impl SharedElements {
    fn lock(&self) -> std::sync::MutexGuard<'_, SharedElementLists> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The element list of the complex type named `type_name`, built on
    /// first use (outside the lock; the first stored is kept).
    pub(crate) fn by_name(
        &self,
        schema: &CompiledSchema,
        type_name: &str,
    ) -> Option<Arc<Vec<ElementDef>>> {
        if let Some(hit) = self.lock().by_name.get(type_name) {
            return Some(Arc::clone(hit));
        }
        let Some(crate::schema::types::TypeDef::Complex(complex)) = schema.get_type(type_name)
        else {
            return None;
        };
        let fresh = Arc::new(collect_elements(schema, complex));
        let mut lists = self.lock();
        Some(Arc::clone(
            lists.by_name.entry(type_name.to_string()).or_insert(fresh),
        ))
    }

    /// The element list of the complex type `ns`, built on first use.
    pub(crate) fn by_ns(
        &self,
        schema: &CompiledSchema,
        ns: &NsName,
    ) -> Option<Arc<Vec<ElementDef>>> {
        if let Some(hit) = self.lock().by_ns.get(ns) {
            return Some(Arc::clone(hit));
        }
        let Some(crate::schema::types::TypeDef::Complex(complex)) =
            schema.type_ns(&ns.namespace_uri, &ns.local_name)
        else {
            return None;
        };
        let fresh = Arc::new(collect_elements(schema, complex));
        let mut lists = self.lock();
        Some(Arc::clone(lists.by_ns.entry(ns.clone()).or_insert(fresh)))
    }
}

/// A clone of a schema starts with nothing shared (it may be changed).
impl Clone for SharedElements {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for SharedElements {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lists = self.lock();
        write!(
            f,
            "SharedElements({} + {} lists)",
            lists.by_name.len(),
            lists.by_ns.len()
        )
    }
}

/// The inheritance-flattened child element declarations of a complex type.
pub(crate) fn collect_elements(schema: &CompiledSchema, complex: &ComplexType) -> Vec<ElementDef> {
    let mut visited = HashSet::new();
    crate::schema::xsd::compiler::collect_elements_with_inheritance(complex, schema, &mut visited)
}

#[cfg(test)]
mod shared_elements_tests {
    use super::*;
    use crate::schema::Schema;

    /// UNDOC PATCH: a named type's element list is built once per schema,
    /// the same list as before (base chain included), and every validation
    /// of the schema gets that one list; an unknown or simple type has none.
    #[test]
    fn a_named_types_element_list_is_built_once_per_schema() {
        let xsd = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="derived"><xs:complexContent><xs:extension base="base">
    <xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence>
  </xs:extension></xs:complexContent></xs:complexType>
  <xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:element name="r" type="derived"/>
</xs:schema>"#;
        let schema = Schema::builder()
            .add("t.xsd", xsd.as_bytes())
            .resolve()
            .expect("compiles");
        let Some(crate::schema::types::TypeDef::Complex(derived)) = schema.get_type("derived")
        else {
            panic!("a complex type");
        };
        let first = schema
            .shared_elements
            .by_name(&schema, "derived")
            .expect("a list");
        let names: Vec<&str> = first.iter().map(|e| e.name.as_str()).collect();
        let direct = collect_elements(&schema, derived);
        assert_eq!(
            names,
            direct.iter().map(|e| e.name.as_str()).collect::<Vec<_>>()
        );
        assert_eq!(names, ["a", "b"]);
        let again = schema
            .shared_elements
            .by_name(&schema, "derived")
            .expect("a list");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(schema.shared_elements.by_name(&schema, "code").is_none());
        assert!(schema.shared_elements.by_name(&schema, "nothing").is_none());
        let valid = "<r><a>x</a><b>1</b></r>";
        for _ in 0..2 {
            let report = crate::schema::Validator::from(valid)
                .schema(schema.clone())
                .run();
            assert!(report.expect("well-formed").is_valid());
        }
    }
}
