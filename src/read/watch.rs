//! What may watch an XML reader tokenize its source: the schema check,
//! beside reading, sees each event as the reader reads it, so that a
//! source is tokenized once for both (validation implements the trait; a
//! reader only calls it).

use crate::model::Span;

/// Sees an XML source's events in document order, each as written (raw
/// text, references unexpanded) with `at`, the byte offset where it
/// starts in the text the reader was given. A reader may hand them over
/// some at a time, and stops at the first error it finds: a watch
/// speaks for a source only if the reader read it all.
pub trait XmlWatch {
    /// A start tag (`empty`: `<a/>`), with its qualified name, each
    /// attribute's qualified name and raw value, and where it starts.
    fn start<'a>(
        &mut self,
        qname: &'a str,
        attrs: &mut dyn Iterator<Item = (&'a str, &'a str)>,
        empty: bool,
        span: Span,
        at: usize,
    );
    /// An end tag, by its qualified name.
    fn end(&mut self, qname: &str, at: usize);
    /// Text, or one reference (`&amp;`), as written.
    fn text(&mut self, raw: &str, at: usize);
    /// The content of a CDATA section.
    fn cdata(&mut self, text: &str, at: usize);
    /// The content of a comment.
    fn comment(&mut self, text: &str, at: usize);
    /// The content of a processing instruction.
    fn pi(&mut self, content: &str, at: usize);
    /// The content of the XML declaration.
    fn decl(&mut self, content: &str, at: usize);
}
