//! What both halves of the schema check report: the engine's verdict
//! ([`super::xsd`]) and the namespace pass beside it
//! ([`super::namespaces`]). Its own module, so that neither half imports
//! the other for it.

/// One schema violation, at a position in the validated XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaViolation {
    /// 1-based line in the XML (0 when unknown).
    pub line: u32,
    /// 1-based column in the XML (0 when unknown).
    pub column: u32,
    /// What is wrong.
    pub message: String,
}
