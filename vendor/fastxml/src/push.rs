//! UNDOC PATCH: schema validation fed by another tokenizer's events.
//!
//! A caller that tokenizes a document anyway, to build a tree of its own,
//! hands each event here as text, and [`PushValidator`] runs on it what
//! [`Validator`](crate::schema::Validator) runs on the events fastxml reads
//! itself: the well-formedness checks, the expansion of references and
//! the single-pass schema validation. The document is then tokenized once,
//! not twice.
//!
//! A DOCTYPE is not taken: a caller refuses it (or validates with
//! [`Validator`](crate::schema::Validator)), so the only entities are the
//! five predefined ones.

use std::sync::Arc;

use crate::error::{Error, Result, StructuredError};
use crate::event::{RawEvent, StreamSink, XmlEventHandler, placed_at};
use crate::parser::checks::{StartTag, WellformedChecker};
use crate::parser::expand::EntityExpander;
use crate::parser::source::Utf8;
use crate::schema::types::CompiledSchema;
use crate::schema::validator::streaming::OnePassSchemaValidator;

/// Validates one document whose events are pushed in document order.
///
/// Each event is given with `at`, the byte offset where it starts in the
/// caller's text, so that a well-formedness error is placed where
/// fastxml's own tokenizer would place it. After the first such error the
/// rest is ignored and [`finish`](Self::finish) returns it.
pub struct PushValidator {
    checker: WellformedChecker,
    expander: EntityExpander,
    validator: OnePassSchemaValidator,
    stopped: Option<Error>,
}

impl PushValidator {
    /// A validator against `schema` that keeps at most `max_errors` errors
    /// (0: all), in strict mode.
    pub fn new(schema: Arc<CompiledSchema>, max_errors: usize) -> Self {
        Self {
            checker: WellformedChecker::new(),
            expander: EntityExpander::new(),
            validator: OnePassSchemaValidator::new(schema).with_max_errors(max_errors),
            stopped: None,
        }
    }

    /// A start tag (`empty`: an empty-element tag) with its qualified name
    /// and each attribute's qualified name and raw value (references
    /// unexpanded), in source order. `line` and `column` are where schema
    /// errors found at this element are placed.
    pub fn start<'a>(
        &mut self,
        qname: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
        empty: bool,
        (line, column): (usize, usize),
        at: u64,
    ) {
        // UNDOC PATCH: filled in place, not collected and moved in.
        let mut tag = StartTag {
            qname,
            attrs: smallvec::SmallVec::new(),
        };
        tag.attrs
            .extend(attrs.into_iter().map(|(key, value)| (key, value.into())));
        self.step(at, None, |sink| sink.start_tag(&tag, empty, line, column));
    }

    /// An end tag, by its qualified name.
    pub fn end(&mut self, qname: &str, at: u64) {
        self.step(at, None, |sink| sink.end_tag(qname));
    }

    /// Text as written: references unexpanded, line ends already `\n`.
    pub fn text(&mut self, raw: &str, at: u64) {
        self.step(at, Some(raw), |sink| sink.raw_text(raw, 0, 0));
    }

    /// The content of a CDATA section.
    pub fn cdata(&mut self, text: &str, at: u64) {
        self.step(at, None, |sink| sink.cdata(text));
    }

    /// The content of a comment.
    pub fn comment(&mut self, text: &str, at: u64) {
        self.step(at, None, |sink| sink.comment(text));
    }

    /// The content of a processing instruction (target and data).
    pub fn pi(&mut self, content: &str, at: u64) {
        self.step(at, None, |sink| sink.pi(content));
    }

    /// The content of the XML declaration (`xml version="1.0" …`).
    pub fn decl(&mut self, content: &str, at: u64) {
        if self.stopped.is_none()
            && let Err(e) = self.checker.decl(content)
        {
            self.stopped = Some(placed_at(e, at, None));
        }
    }

    /// Ends the document: the schema errors found, or the well-formedness
    /// error that stopped it (placed by byte offset, as
    /// [`Validator`](crate::schema::Validator)'s are).
    pub fn finish(mut self) -> Result<Vec<StructuredError>> {
        if let Some(e) = self.stopped {
            return Err(e);
        }
        self.checker.eof()?;
        self.validator.handle(&RawEvent::Eof)?;
        self.validator.finish()?;
        Ok(self.validator.into_errors())
    }

    /// Runs one step of fastxml's own event loop on an event that starts
    /// at byte `at` (its raw text `text`, when it is text).
    fn step(
        &mut self,
        at: u64,
        text: Option<&str>,
        run: impl FnOnce(
            &mut StreamSink<'_, '_, dyn FnMut(&RawEvent<'_>) -> Result<()> + '_>,
        ) -> Result<()>,
    ) {
        if self.stopped.is_some() {
            return;
        }
        let validator = &mut self.validator;
        let mut on_event = |event: &RawEvent<'_>| validator.handle(event);
        let mut sink = StreamSink {
            checker: &mut self.checker,
            expander: &mut self.expander,
            on_event: &mut on_event as &mut dyn FnMut(&RawEvent<'_>) -> Result<()>,
            utf8: Utf8::checked(),
        };
        if let Err(e) = run(&mut sink) {
            self.stopped = Some(placed_at(e, at, text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::error::ParseError;
    use crate::schema::Schema;

    const XSD: &str = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="a"><xs:complexType><xs:sequence>
    <xs:element name="b" type="xs:int" maxOccurs="unbounded"/>
  </xs:sequence><xs:attribute name="k" type="xs:string"/></xs:complexType></xs:element>
</xs:schema>"#;

    fn schema() -> Arc<CompiledSchema> {
        Arc::new(
            Schema::builder()
                .add("t.xsd", XSD.as_bytes())
                .resolve()
                .expect("compiles"),
        )
    }

    /// `<a k="…"><b>{b}</b></a>`, pushed, `b` at line 2.
    fn pushed(k: &str, b: &str) -> Result<Vec<StructuredError>> {
        let mut v = PushValidator::new(schema(), 0);
        v.start("a", [("k", k)], false, (1, 1), 0);
        v.text("\n", 10);
        v.start("b", [], false, (2, 1), 11);
        v.text(b, 14);
        v.end("b", 20);
        v.end("a", 24);
        v.finish()
    }

    /// Pushed events get the verdict fastxml's own tokenizer gives the
    /// same document: valid, a bad value at its element's place, a
    /// well-formedness fault at its byte, references expanded.
    #[test]
    fn pushed_events_get_the_validators_verdict() {
        assert!(
            pushed("x &amp; y", "4&#50;")
                .expect("well-formed")
                .is_empty()
        );
        let errors = pushed("x", "four").expect("well-formed");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].location.line, Some(2));
        let Err(crate::error::Error::Parse(ParseError::AtPosition { position, message })) =
            pushed("x", "4&#1;")
        else {
            panic!("an illegal character reference stops validation");
        };
        assert_eq!(position, 15);
        assert!(message.contains("not well-formed"), "{message}");
        assert!(pushed("x < y", "4").is_err(), "`<` in an attribute value");
        let mut unclosed = PushValidator::new(schema(), 0);
        unclosed.start("a", [], false, (1, 1), 0);
        assert!(unclosed.finish().is_err(), "the document ends inside <a>");
    }
}
