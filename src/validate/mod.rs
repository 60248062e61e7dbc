//! Validation beside the readers and writers: the XSD check
//! (`schemas/undoc.xsd`, see [`xsd`]) and the rules a schema cannot express
//! (see [`rules`]).

pub mod namespaces;
pub mod rules;
pub mod xsd;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, Span};
use crate::read::{ReadOutcome, SourceFormat};
use crate::write::xml::{self, XmlOutput};
pub use xsd::{FastXml, SchemaEngine, SchemaViolation};

/// A document after reading and validation.
pub struct Checked {
    /// The document, if it could be read.
    pub document: Option<Document>,
    /// Its canonical XML, when the document was read.
    pub xml: Option<XmlOutput>,
    /// Every diagnostic, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Validates what a reader made of `source`.
///
/// XML sources are checked against the schema as written, so errors point
/// at the file's own lines; text sources are checked by the rules first and
/// then through their generated XML, with errors mapped back to source lines.
pub fn check(
    source: &str,
    format: SourceFormat,
    outcome: ReadOutcome,
    engine: &dyn SchemaEngine,
) -> Checked {
    let ReadOutcome {
        document,
        mut diagnostics,
    } = outcome;
    let well_formed = !diagnostics.iter().any(|d| {
        matches!(
            d.code,
            Code::MalformedXml | Code::ForbiddenXml | Code::NotText | Code::Empty
        )
    });
    if format == SourceFormat::Xml && well_formed {
        let violations = engine.validate(source.as_bytes());
        if !violations.is_empty() {
            diagnostics.retain(|d| d.code != Code::Schema);
            diagnostics.extend(
                violations
                    .into_iter()
                    .map(|v| Diagnostic::new(Code::Schema, Span::new(v.line, v.column), v.message)),
            );
            return finish(document, None, diagnostics);
        }
    }
    let Some(doc) = document else {
        return finish(None, None, diagnostics);
    };
    diagnostics.extend(rules::check(&doc));
    let out = xml::write(&doc);
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    if format == SourceFormat::Text && !errors {
        for v in engine.validate(out.xml.as_bytes()) {
            let span = out.source_span(v.line);
            diagnostics.push(Diagnostic::new(
                Code::Schema,
                span,
                format!("{} (generated XML line {})", v.message, v.line),
            ));
        }
    }
    finish(Some(doc), Some(out), diagnostics)
}

fn finish(
    document: Option<Document>,
    xml: Option<XmlOutput>,
    mut diagnostics: Vec<Diagnostic>,
) -> Checked {
    diagnostics.sort_by_key(|d| (d.span.line, d.span.column));
    Checked {
        document,
        xml,
        diagnostics,
    }
}
