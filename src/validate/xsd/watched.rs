//! The schema check of one undoc XML source, fed by the reader's events
//! as it tokenizes the source (see [`XmlWatch`]), instead of parsing it
//! again.

use fastxml::push::PushValidator;

use super::{FastXml, SchemaViolation, SchemaWatch, stopped, violations};
use crate::model::Span;
use crate::read::XmlWatch;
use crate::validate::namespaces::OneNamespace;

/// fastxml's check of one source, fed by the reader's events: the same
/// checks and verdict as [`FastXml::validate`], each element placed at its
/// start tag's `<` by the reader (no second pass to find it).
pub(super) struct Watched<'e> {
    engine: &'e FastXml,
    push: PushValidator,
    /// Whether the start tags keep every element in the schema's one
    /// namespace: then the namespace pass need not read the text again.
    one: OneNamespace<'e>,
}

impl<'e> Watched<'e> {
    pub(super) fn new(engine: &'e FastXml, push: PushValidator) -> Self {
        Watched {
            engine,
            push,
            one: OneNamespace::of(engine.names()),
        }
    }
}

impl XmlWatch for Watched<'_> {
    fn start<'a>(
        &mut self,
        qname: &'a str,
        attrs: &mut dyn Iterator<Item = (&'a str, &'a str)>,
        empty: bool,
        span: Span,
        at: usize,
    ) {
        let place = (span.line as usize, span.column as usize);
        self.one.element(qname);
        let one = &mut self.one;
        let mut attrs = attrs.inspect(|&(key, value)| one.attribute(key, value));
        self.push.start(qname, &mut attrs, empty, place, at as u64);
    }

    fn end(&mut self, qname: &str, at: usize) {
        self.push.end(qname, at as u64);
    }

    fn text(&mut self, raw: &str, at: usize) {
        self.push.text(raw, at as u64);
    }

    fn cdata(&mut self, text: &str, at: usize) {
        self.push.cdata(text, at as u64);
    }

    fn comment(&mut self, text: &str, at: usize) {
        self.push.comment(text, at as u64);
    }

    fn pi(&mut self, content: &str, at: usize) {
        self.push.pi(content, at as u64);
    }

    fn decl(&mut self, content: &str, at: usize) {
        self.push.decl(content, at as u64);
    }
}

impl SchemaWatch for Watched<'_> {
    fn finish(self: Box<Self>, xml: &str) -> Vec<SchemaViolation> {
        let found = match self.push.finish() {
            Ok(errors) => violations(&errors),
            Err(e) => vec![stopped(xml, &e)],
        };
        self.engine.with_namespaces(xml, found, self.one.holds())
    }
}
