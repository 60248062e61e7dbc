//! DOM-based schema validator.
//!
//! Validates an already-parsed [`XmlDocument`] by walking its tree, so the
//! whole document is available (identity constraints are evaluated with the
//! crate's XPath engine after the walk).

mod content;
mod identity;
mod lookup;
mod occurrence;

use std::collections::HashMap;
use std::sync::Arc;

use crate::document::XmlDocument;
use crate::error::{ErrorLevel, Result, StructuredError, ValidationErrorType};
use crate::node::{NodeType, XmlNode};
use crate::schema::types::{
    CompiledSchema, ElementDef, FlattenedChildren, ProcessContents, TypeDef, WildcardConstraint,
    WildcardNamespace,
};

use super::ValidationMode;
use super::streaming::ValidationOptions;

/// Validation context an element provides to its children: the allowed
/// child-name constraints plus the actual local element declarations.
#[derive(Default)]
struct ParentContext {
    allowed: Option<Arc<FlattenedChildren>>,
    /// The type's child element declarations, shared through the run-time
    /// type cache rather than copied for every instance element.
    elements: Arc<Vec<ElementDef>>,
    /// Wildcard admitting otherwise-undeclared children (from the type's
    /// content model, or propagated from an enclosing lax/skip wildcard).
    wildcard: Option<WildcardConstraint>,
}

/// A wildcard that admits anything, used to propagate lax/skip processing
/// into the subtree of a wildcard-matched element.
fn propagated_wildcard(mode: ProcessContents) -> WildcardConstraint {
    WildcardConstraint {
        namespace: WildcardNamespace::Any,
        process_contents: mode,
        min_occurs: 0,
        max_occurs: None,
        target_namespace: None,
    }
}

/// XML Schema Instance namespace.
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Resolves a namespace prefix (`""` for the default namespace) against the
/// declarations in scope at `node`, walking ancestors innermost-first.
/// Returns `None` when unbound; an empty-URI binding un-declares the default
/// namespace and also yields `None`.
fn resolve_node_prefix(node: &XmlNode, prefix: &str) -> Option<String> {
    let mut current = Some(node.clone());
    while let Some(n) = current {
        for ns in n.get_namespace_declarations() {
            if ns.prefix() == prefix {
                let uri = ns.uri();
                return (!uri.is_empty()).then(|| uri.to_string());
            }
        }
        current = n.get_parent();
    }
    None
}

/// Looks up an `xsi:*` attribute on a node by namespace, whatever prefix it
/// was written with.
fn get_xsi_attribute(node: &XmlNode, local: &str) -> Option<String> {
    node.get_attribute_ns(local, XSI_NS)
}

/// Document-wide ID / IDREF tracking state.
#[derive(Default)]
pub(crate) struct DocIdState {
    /// `xs:ID` values seen so far (uniqueness checking)
    seen_ids: std::collections::HashSet<String>,
    /// `xs:IDREF` values with their locations, resolved after traversal
    pending_idrefs: Vec<(String, Option<usize>, Option<usize>)>,
    /// Identity constraint tasks (scoping element x constraint), evaluated
    /// after traversal
    constraint_tasks: Vec<identity::ConstraintTask>,
    /// Primitive value-space kind per simple-typed element node, recorded
    /// during traversal so identity-constraint tuples can be compared in
    /// the right value space.
    pub(crate) node_kinds: std::collections::HashMap<
        crate::node::NodeId,
        crate::schema::xsd::primitive::PrimitiveKind,
    >,
    /// Primitive value-space kind of an attribute, keyed by (owner element
    /// node, attribute local name). Recorded during attribute validation so
    /// identity-constraint fields carried by attributes are compared in the
    /// right value space.
    pub(crate) attr_kinds: std::collections::HashMap<
        (crate::node::NodeId, String),
        crate::schema::xsd::primitive::PrimitiveKind,
    >,
    /// Element nodes whose type has no simple value (element-only or mixed
    /// content), which an identity-constraint field must not select.
    /// Recorded only once some identity constraint is in play.
    pub(crate) no_simple_value: std::collections::HashSet<crate::node::NodeId>,
}

impl DocIdState {
    /// Records ID values (returning duplicate-ID error messages) and IDREF
    /// values found at the given location.
    pub(crate) fn record(
        &mut self,
        ids: Vec<String>,
        idrefs: Vec<String>,
        line: Option<usize>,
        column: Option<usize>,
    ) -> Vec<String> {
        let mut errors = Vec::new();
        for id in ids {
            if !self.seen_ids.insert(id.clone()) {
                errors.push(format!("duplicate ID value '{}'", id));
            }
        }
        for idref in idrefs {
            self.pending_idrefs.push((idref, line, column));
        }
        errors
    }
}

/// DOM-based schema validator: validates a parsed [`XmlDocument`] by
/// walking its tree. Reached through [`Validator`](super::Validator) when the
/// input is a `&XmlDocument`.
#[doc(hidden)]
pub struct DomSchemaValidator {
    pub(crate) schema: Arc<CompiledSchema>,
    /// Global-element resolution and the undeclared-element policy.
    pub(crate) resolver: super::decls::ElementResolver,
    /// Run-time flattening of types outside the compile-time cache.
    pub(crate) runtime_types: std::cell::RefCell<super::decls::RuntimeTypeCache>,
    pub(crate) mode: ValidationMode,
    pub(crate) options: ValidationOptions,
    pub(crate) max_errors: usize,
    /// Memoized facet constraints per named simple type
    pub(crate) facet_cache: std::cell::RefCell<crate::schema::xsd::facets::FacetCache>,
    /// The attribute picture of each named complex type, keyed by the
    /// type's address in `schema`, which is immutable and outlives the
    /// validator, so an address never comes to name another type.
    pub(crate) attr_cache:
        std::cell::RefCell<rustc_hash::FxHashMap<usize, Arc<super::attributes::CollectedAttrs>>>,
    /// Interned error strings (messages repeat heavily on invalid files)
    pub(crate) error_strings: std::cell::RefCell<rustc_hash::FxHashSet<std::sync::Arc<str>>>,
    /// (message, node_name) -> index into the error vec, used when
    /// `aggregate_errors` is on.
    pub(crate) aggregate_index: std::cell::RefCell<crate::error::ErrorAggregateIndex>,
}

impl DomSchemaValidator {
    /// Creates a new DOM validator.
    pub fn new(schema: Arc<CompiledSchema>) -> Self {
        Self {
            resolver: super::decls::ElementResolver::new(&schema),
            runtime_types: Default::default(),
            schema,
            mode: ValidationMode::Strict,
            options: ValidationOptions::default(),
            max_errors: 0,
            facet_cache: Default::default(),
            attr_cache: Default::default(),
            error_strings: Default::default(),
            aggregate_index: Default::default(),
        }
    }

    /// Sets the validation mode.
    pub fn with_mode(mut self, mode: ValidationMode) -> Self {
        self.mode = mode;
        self
    }

    /// Collapses identical errors into one entry with a count (builder).
    pub fn with_aggregate_errors(mut self) -> Self {
        self.options.aggregate_errors = true;
        self
    }

    /// Sets the maximum number of errors to collect; 0 (the default) means
    /// unlimited.
    pub fn with_max_errors(mut self, max: usize) -> Self {
        self.max_errors = max;
        self
    }

    /// Interns an error's strings through the validator-lifetime pool.
    fn intern_error(&self, error: StructuredError) -> StructuredError {
        error.interned(&mut self.error_strings.borrow_mut())
    }

    /// Appends an error, respecting `max_errors` and, when enabled,
    /// collapsing identical errors into one entry with a count.
    pub(crate) fn push_error(&self, errors: &mut Vec<StructuredError>, error: StructuredError) {
        let error = self.intern_error(error);
        if self.options.aggregate_errors {
            let key = (
                std::sync::Arc::clone(&error.message),
                error.node_name.clone(),
            );
            let mut index = self.aggregate_index.borrow_mut();
            if let Some(&idx) = index.get(&key) {
                errors[idx].record_occurrence(error.location.line, error.location.column);
                return;
            }
            if self.should_add_error(errors) {
                index.insert(key, errors.len());
                errors.push(error);
            }
            return;
        }
        if self.should_add_error(errors) {
            errors.push(error);
        }
    }

    /// Validates the document and returns any errors found.
    pub fn validate(&self, doc: &XmlDocument) -> Result<Vec<StructuredError>> {
        let mut errors = Vec::new();
        let mut ids = DocIdState::default();

        // Start validation from root
        if let Ok(root) = doc.get_root_element() {
            self.validate_node_recursive(&root, None, &mut ids, &mut errors);
        }

        // Evaluate identity constraints (unique / key / keyref)
        for message in identity::validate_identity_constraints(
            &self.schema,
            doc,
            &ids.constraint_tasks,
            &identity::FieldKinds {
                node_kinds: &ids.node_kinds,
                attr_kinds: &ids.attr_kinds,
                no_simple_value: &ids.no_simple_value,
            },
        ) {
            let error = StructuredError::new(message, ValidationErrorType::IdentityConstraint)
                .with_level(ErrorLevel::Error);
            self.push_error(&mut errors, error);
        }

        // Resolve IDREF references against the IDs seen in the document
        for (idref, line, column) in ids.pending_idrefs {
            if !ids.seen_ids.contains(&idref) {
                let mut error = StructuredError::new(
                    format!("IDREF '{}' does not match any ID in the document", idref),
                    ValidationErrorType::IdentityConstraint,
                )
                .with_level(ErrorLevel::Error);
                if let Some(line) = line {
                    error = error.with_line(line);
                }
                if let Some(column) = column {
                    error = error.with_column(column);
                }
                self.push_error(&mut errors, error);
            }
        }

        Ok(errors)
    }

    /// Recursively validates a node and its children.
    ///
    /// `parent_ctx` carries the parent type's allowed-children constraints
    /// and element declarations, so locally declared elements can be
    /// resolved and validated.
    fn validate_node_recursive(
        &self,
        node: &XmlNode,
        parent_ctx: Option<&ParentContext>,
        ids: &mut DocIdState,
        errors: &mut Vec<StructuredError>,
    ) {
        // Check max errors
        if self.max_errors > 0 && errors.len() >= self.max_errors {
            return;
        }

        match node.get_type() {
            NodeType::Element => {
                let ctx = self.validate_element(node, parent_ctx, ids, errors);

                // Validate children recursively with this element's context
                for child in node.get_child_elements() {
                    self.validate_node_recursive(&child, Some(&ctx), ids, errors);
                }
            }
            NodeType::Document => {
                // Validate children of document node
                for child in node.get_child_elements() {
                    self.validate_node_recursive(&child, None, ids, errors);
                }
            }
            _ => {
                // Skip other node types (text, comments, PIs, etc.)
            }
        }
    }

    /// Validates an element node.
    ///
    /// Returns the validation context (allowed children + local element
    /// declarations) of this element's type for validating its children.
    fn validate_element(
        &self,
        node: &XmlNode,
        parent_ctx: Option<&ParentContext>,
        ids: &mut DocIdState,
        errors: &mut Vec<StructuredError>,
    ) -> ParentContext {
        let name_arc = node.name_arc();
        let name: &str = &name_arc;
        let prefix = node.prefix_arc();
        let node_ns = node.namespace_uri_arc();

        // Look up the element declaration. A local declaration in the
        // parent's type wins over a global element with the same name — the
        // same element name can be declared with different types in
        // different content models (e.g. gml:exterior in Solid vs Polygon,
        // or gen:value as xs:string vs the measure 'value' with required
        // @uom). A reference (`ref=`) falls back to the global declaration
        // it points to. Local declarations are searched from the end so a
        // derived type's redeclaration shadows the base type's.
        let inline_def =
            parent_ctx.and_then(|ctx| ctx.elements.iter().rev().find(|e| e.name == *name));
        let elem_def = match inline_def {
            Some(e) if e.ref_ns.is_none() => Some(e),
            _ => self
                .lookup_element(name, prefix.as_deref(), node_ns.as_deref())
                .or(inline_def),
        };

        // Check if element is allowed by parent's type definition
        let is_allowed_by_parent = parent_ctx
            .and_then(|ctx| ctx.allowed.as_ref())
            .map(|fc| fc.constraints.contains_key(name))
            .unwrap_or(false);

        // An undeclared element whose xsi:type names a schema type is
        // validated against that type.
        let xsi_declaration;
        let mut declared_by_xsi_type = false;
        let elem_def = match elem_def {
            None if !is_allowed_by_parent => {
                xsi_declaration = self.xsi_type_declaration(node, name);
                declared_by_xsi_type = xsi_declaration.is_some();
                xsi_declaration.as_ref()
            }
            found => found,
        };

        // A skip wildcard admits this element without any validation, even
        // when a matching declaration exists.
        if !is_allowed_by_parent {
            if let Some(w) = parent_ctx.and_then(|ctx| ctx.wildcard.as_ref()) {
                if w.process_contents == ProcessContents::Skip
                    && w.matches(node.get_namespace_uri().as_deref())
                {
                    return ParentContext {
                        wildcard: Some(propagated_wildcard(ProcessContents::Skip)),
                        ..ParentContext::default()
                    };
                }
            }
        }

        if let Some(elem) = elem_def {
            // xsi:type substitution: validate against the named type instead
            // of the declared one (when the substitution is allowed). A
            // declaration built from the xsi:type already carries that type.
            let mut elem_substituted;
            let mut elem = elem;
            if !declared_by_xsi_type && let Some(xsi_type) = get_xsi_attribute(node, "type") {
                let declared = super::xsi_type::DeclaredType::of(elem);
                // The xsi:type QName is interpreted against the
                // namespace declarations in scope at this node.
                let resolve_prefix = |p: &str| resolve_node_prefix(node, p);
                match super::xsi_type::resolve_xsi_type(
                    &self.schema,
                    declared,
                    &xsi_type,
                    resolve_prefix,
                ) {
                    Ok(substituted) => {
                        elem_substituted = elem.clone();
                        // The resolved xsi:type replaces the declared type;
                        // the compile-time type_ns still points at the
                        // DECLARED type and must not survive the swap, or the
                        // ns-first children lookup would keep validating
                        // against the declared type's content model.
                        elem_substituted.type_ns = substituted
                            .ns
                            .or_else(|| self.schema.resolve_type_ref_to_ns(&substituted.key));
                        elem_substituted.type_ref = Some(substituted.key);
                        elem_substituted.inline_type = None;
                        elem = &elem_substituted;
                    }
                    Err(message) => {
                        let error = self
                            .make_error(
                                ValidationErrorType::InvalidAttributeValue,
                                format!("element '{}': {}", name, message),
                                node,
                            )
                            .with_node_name(name)
                            .with_level(ErrorLevel::Error);
                        self.push_error(errors, error);
                    }
                }
            }

            // An abstract element may not appear in the instance directly.
            if elem.is_abstract {
                let error = self
                    .make_error(
                        ValidationErrorType::InvalidContent,
                        format!("element '{}' is abstract and cannot be used directly", name),
                        node,
                    )
                    .with_node_name(name)
                    .with_level(ErrorLevel::Error);
                self.push_error(errors, error);
            }

            // xsi:nil handling: only nillable declarations may carry it, and
            // a nilled element must be empty.
            let nilled = get_xsi_attribute(node, "nil").is_some_and(|v| v.trim() == "true");
            if nilled {
                if !elem.nillable {
                    let error = self
                        .make_error(
                            ValidationErrorType::InvalidAttributeValue,
                            format!(
                                "element '{}' is not nillable but has xsi:nil=\"true\"",
                                name
                            ),
                            node,
                        )
                        .with_node_name(name)
                        .with_level(ErrorLevel::Error);
                    self.push_error(errors, error);
                } else if !node.get_child_elements().is_empty()
                    || !self.collect_text_content(node).trim().is_empty()
                {
                    let error = self
                        .make_error(
                            ValidationErrorType::InvalidContent,
                            format!("element '{}' has xsi:nil=\"true\" but is not empty", name),
                            node,
                        )
                        .with_node_name(name)
                        .with_level(ErrorLevel::Error);
                    self.push_error(errors, error);
                }
            }

            // Only a nillable declaration can be nilled; on any other the
            // xsi:nil attribute is an error (above) and the content is
            // validated as usual.
            let nilled = nilled && elem.nillable;

            // Queue identity constraints declared on this element for
            // post-traversal evaluation.
            for constraint in &elem.constraints {
                ids.constraint_tasks.push(identity::ConstraintTask {
                    node: node.clone(),
                    constraint: constraint.clone(),
                });
            }
            if !ids.constraint_tasks.is_empty() {
                let type_def = match elem.type_ref {
                    Some(ref type_ref) => self.schema.type_by_ref(elem.type_ns.as_ref(), type_ref),
                    None => elem.inline_type.as_ref(),
                };
                if type_def.is_some_and(|td| !super::attributes::type_has_simple_value(td)) {
                    ids.no_simple_value.insert(node.id());
                }
            }

            // Get flattened children for validation
            let flattened = self.get_flattened_children_for_element(elem);
            if let Some(ref fc) = flattened {
                // The content-model automaton replaces the count-based
                // checks when the type has one.
                if !self.validate_with_automaton(node, fc, nilled, errors) {
                    let child_counts = self.count_child_elements(node);
                    // Validate min_occurs for all children
                    self.validate_min_occurs_batch(node, &child_counts, fc, errors);

                    // Validate max_occurs for all children
                    self.validate_max_occurs_batch(node, &child_counts, fc, errors);

                    // Validate sequence order for sequence content models
                    self.validate_sequence_order(node, fc, errors);
                }

                // Validate wildcard occurrence bounds when the wildcard is
                // the sole particle (no declared siblings). The automaton
                // does not report wildcard-admitted children it cannot
                // place, so this applies with or without one (as in the
                // streaming engine).
                if let Some(ref w) = fc.wildcard
                    && fc.constraints.is_empty()
                {
                    let matched = node
                        .get_child_elements()
                        .iter()
                        .filter(|c| {
                            !fc.constraints.contains_key(&c.get_name())
                                && w.matches(c.get_namespace_uri().as_deref())
                        })
                        .count() as u32;
                    if matched < w.min_occurs {
                        let error = self
                            .make_error(
                                ValidationErrorType::TooFewOccurrences,
                                format!(
                                    "element '{}' requires at least {} wildcard-matched child element(s), found {}",
                                    name, w.min_occurs, matched
                                ),
                                node,
                            )
                            .with_node_name(name)
                            .with_level(ErrorLevel::Error);
                        self.push_error(errors, error);
                    }
                    if let Some(max) = w.max_occurs {
                        if matched > max {
                            let error = self
                                .make_error(
                                    ValidationErrorType::TooManyOccurrences,
                                    format!(
                                        "element '{}' allows at most {} wildcard-matched child element(s), found {}",
                                        name, max, matched
                                    ),
                                    node,
                                )
                                .with_node_name(name)
                                .with_level(ErrorLevel::Error);
                            self.push_error(errors, error);
                        }
                    }
                }
            }

            // Validate text content. Value constraints (`default`/`fixed`)
            // are positional when the parent's content model declares this
            // name at multiple positions with differing constraints — pick
            // the declaration matching this node's occurrence index instead
            // of the by-name (derived-first) resolution.
            match self.positional_value_constraint(node, elem, parent_ctx) {
                Some(vc_elem) => self.validate_text_content(node, &vc_elem, nilled, ids, errors),
                None => self.validate_text_content(node, elem, nilled, ids, errors),
            }

            // Validate attributes against the type's attribute declarations
            self.validate_node_attributes(node, elem, ids, errors);

            let wildcard = flattened.as_ref().and_then(|fc| fc.wildcard.clone());
            ParentContext {
                elements: self.element_child_declarations(elem),
                allowed: flattened,
                wildcard,
            }
        } else if is_allowed_by_parent {
            // Element is allowed by the parent type but has no resolvable
            // declaration - nothing further to validate.
            ParentContext::default()
        } else if self.mode == ValidationMode::Strict && self.resolver.reports_undeclared {
            // An undeclared element admitted by a lax wildcard is fine; its
            // subtree keeps lax processing.
            if let Some(w) = parent_ctx.and_then(|ctx| ctx.wildcard.as_ref()) {
                if w.process_contents == ProcessContents::Lax
                    && w.matches(node.get_namespace_uri().as_deref())
                {
                    return ParentContext {
                        wildcard: Some(propagated_wildcard(ProcessContents::Lax)),
                        ..ParentContext::default()
                    };
                }
            }

            // Unknown element
            let qname = match &prefix {
                Some(p) => format!("{}:{}", p, name),
                None => name.to_string(),
            };

            let error = self
                .make_error(
                    ValidationErrorType::UnknownElement,
                    format!("element '{}' is not declared in schema", qname),
                    node,
                )
                .with_node_name(&qname)
                .with_level(ErrorLevel::Error);

            self.push_error(errors, error);
            ParentContext::default()
        } else {
            ParentContext::default()
        }
    }

    /// A declaration for an undeclared element that carries an `xsi:type`
    /// naming a schema type: the element is validated against that type.
    fn xsi_type_declaration(&self, node: &XmlNode, name: &str) -> Option<ElementDef> {
        let xsi_type = get_xsi_attribute(node, "type")?;
        let resolved = super::xsi_type::resolve_xsi_type(
            &self.schema,
            super::xsi_type::DeclaredType::AnyType,
            &xsi_type,
            |p| resolve_node_prefix(node, p),
        )
        .ok()?;
        let mut decl = ElementDef::new(name);
        decl.type_ns = resolved
            .ns
            .or_else(|| self.schema.resolve_type_ref_to_ns(&resolved.key));
        decl.type_ref = Some(resolved.key);
        Some(decl)
    }

    /// Validates an element's attributes against the attribute declarations
    /// of its complex type.
    fn validate_node_attributes(
        &self,
        node: &XmlNode,
        elem: &ElementDef,
        ids: &mut DocIdState,
        errors: &mut Vec<StructuredError>,
    ) {
        let named = elem.type_ref.is_some();
        let type_def = if let Some(ref type_ref) = elem.type_ref {
            // ns-first (compile-time resolved), string fallback.
            self.schema.type_by_ref(elem.type_ns.as_ref(), type_ref)
        } else {
            elem.inline_type.as_ref()
        };
        // A simple type admits no attributes at all; an unresolved or absent
        // type (xs:anyType) admits any.
        let collected = match type_def {
            // A named type lives in the schema, so it is memoized by address.
            // An inline type may sit in a declaration copied for this element
            // alone, so it is collected afresh.
            Some(TypeDef::Complex(complex)) if named => {
                let key = complex as *const _ as usize;
                let cached = self.attr_cache.borrow().get(&key).cloned();
                cached.unwrap_or_else(|| {
                    let built = Arc::new(super::attributes::CollectedAttrs::collect(
                        &self.schema,
                        complex,
                    ));
                    self.attr_cache.borrow_mut().insert(key, Arc::clone(&built));
                    built
                })
            }
            Some(TypeDef::Complex(complex)) => Arc::new(
                super::attributes::CollectedAttrs::collect(&self.schema, complex),
            ),
            Some(TypeDef::Simple(_)) => Arc::new(super::attributes::CollectedAttrs::none()),
            None => return,
        };
        let complex = match type_def {
            Some(TypeDef::Complex(complex)) => Some(complex),
            _ => None,
        };

        // The DOM stores attribute names without prefixes; exclude xsi:*
        // control attributes so they aren't matched against declared
        // attributes that happen to share a local name (e.g. "type").
        let attrs = node.get_attributes();
        let ns_info: Vec<Option<(String, String)>> = attrs
            .iter()
            .map(|(k, _)| node.get_attribute_ns_info(k))
            .collect();
        let filtered: Vec<(&str, Option<&str>, &str)> = attrs
            .iter()
            .zip(ns_info.iter())
            .filter(|(_, info)| !matches!(info, Some((_, ns)) if ns == XSI_NS))
            .map(|((k, v), info)| {
                (
                    k.as_str(),
                    info.as_ref().map(|(_, ns)| ns.as_str()),
                    v.as_str(),
                )
            })
            .collect();
        // Record each attribute's value-space kind, keyed by (this element,
        // local name), so identity-constraint fields carried by attributes
        // (e.g. `@id`) can be canonicalized at constraint-evaluation time.
        for (name, _, _) in &filtered {
            let local = name.rsplit(':').next().unwrap_or(name);
            if let Some(kind) = complex.and_then(|complex| {
                super::attributes::attribute_primitive_kind(&self.schema, complex, local)
            }) {
                ids.attr_kinds.insert((node.id(), local.to_string()), kind);
            }
        }

        let result = super::attributes::validate_element_attributes(
            &self.schema,
            &collected,
            filtered.iter().copied(),
            &mut self.facet_cache.borrow_mut(),
        );
        let mut messages = result.errors;
        messages.extend(ids.record(result.ids, result.idrefs, node.line(), node.column()));
        for message in messages {
            let name = node.get_name();
            let error = self
                .make_error(
                    ValidationErrorType::InvalidAttributeValue,
                    format!("element '{}': {}", name, message),
                    node,
                )
                .with_node_name(&name)
                .with_level(ErrorLevel::Error);
            self.push_error(errors, error);
        }
    }

    /// When the parent's content model declares `node`'s name at multiple
    /// positions with *differing* value constraints (e.g. a sequence of two
    /// same-name elements with distinct `fixed` values, or a base `default`
    /// shadowed by an extension `fixed`), the by-name pick is wrong for all
    /// but one occurrence. Returns a copy of `elem` carrying the value
    /// constraints of the declaration matching this node's occurrence index
    /// among its same-named siblings (clamped to the last declaration).
    /// Returns `None` in the common unambiguous case.
    fn positional_value_constraint(
        &self,
        node: &XmlNode,
        elem: &ElementDef,
        parent_ctx: Option<&ParentContext>,
    ) -> Option<ElementDef> {
        let name = node.get_name();
        let decls: Vec<&ElementDef> = parent_ctx?
            .elements
            .iter()
            .filter(|e| e.name == *name)
            .collect();
        if decls.len() < 2
            || decls
                .iter()
                .all(|e| e.default == elem.default && e.fixed == elem.fixed)
        {
            return None;
        }
        // Occurrence index of `node` among same-named siblings.
        let occurrence = node
            .get_parent()
            .map(|p| {
                p.get_child_elements()
                    .iter()
                    .take_while(|c| c.id() != node.id())
                    .filter(|c| c.get_name() == *name)
                    .count()
            })
            .unwrap_or(0);
        let vc = decls[occurrence.min(decls.len() - 1)];
        let mut patched = elem.clone();
        patched.default = vc.default.clone();
        patched.fixed = vc.fixed.clone();
        patched.nillable = vc.nillable;
        Some(patched)
    }

    /// Collects the child element declarations of an element's type so
    /// locally declared children can be resolved during recursion.
    fn element_child_declarations(&self, elem: &ElementDef) -> Arc<Vec<ElementDef>> {
        let type_def = if let Some(ref type_ref) = elem.type_ref {
            // ns-first (compile-time resolved), string fallback.
            self.schema.type_by_ref(elem.type_ns.as_ref(), type_ref)
        } else {
            elem.inline_type.as_ref()
        };
        match type_def {
            Some(TypeDef::Complex(complex)) => self
                .runtime_types
                .borrow_mut()
                .elements(&self.schema, complex),
            _ => Arc::default(),
        }
    }

    /// Counts child elements directly from DOM.
    pub(crate) fn count_child_elements(&self, node: &XmlNode) -> HashMap<String, u32> {
        let mut counts = HashMap::new();
        for child in node.get_child_elements() {
            let name = child.get_name();
            *counts.entry(name).or_insert(0) += 1;
        }
        counts
    }
}

#[cfg(test)]
mod tests;
