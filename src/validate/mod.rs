//! Validation beside the readers and writers: the XSD check
//! (`schemas/undoc.xsd`, see [`xsd`]) and the rules a schema cannot express
//! (see [`rules`]).

mod floats;
pub mod namespaces;
pub mod rules;
mod violation;
pub mod xsd;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, Span};
use crate::read::{InputFormat, ReadOutcome, SourceSchema, SourceView, XmlWatch};
use crate::write::xml;
pub use violation::SchemaViolation;
pub use xsd::{FastXml, SchemaEngine, SchemaWatch};

/// A document after reading and validation.
pub struct Checked {
    /// The document, if it could be read.
    pub document: Option<Document>,
    /// Every diagnostic, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Validates what a reader made of a source.
///
/// `as_written` is the source itself when it is undoc XML: the schema checks
/// the file's own bytes, so errors point at its lines. Any other document is
/// checked by the rules, then through its canonical XML, with schema errors
/// mapped back to the source's spans.
pub fn check(
    document: Option<Document>,
    diagnostics: Vec<Diagnostic>,
    as_written: Option<&str>,
    engine: &dyn SchemaEngine,
) -> Checked {
    check_watched(document, diagnostics, as_written, None, engine)
}

/// [`check`], where `watch`, if any, is the schema check that watched the
/// source `as_written` being read: its verdict is taken instead of
/// parsing the source again.
fn check_watched(
    document: Option<Document>,
    mut diagnostics: Vec<Diagnostic>,
    as_written: Option<&str>,
    watch: Option<Box<dyn SchemaWatch + '_>>,
    engine: &dyn SchemaEngine,
) -> Checked {
    // A reader that refused the source stopped reading, so the watch saw
    // part of it at most; the verdict is only asked of a whole source.
    if let Some(source) = as_written.filter(|_| well_formed(&diagnostics)) {
        let violations = match watch {
            Some(watch) => watch.finish(source),
            None => engine.validate(source),
        };
        if !violations.is_empty() {
            diagnostics.retain(|d| d.code != Code::Schema);
            diagnostics.extend(
                violations
                    .into_iter()
                    .map(|v| Diagnostic::new(Code::Schema, Span::new(v.line, v.column), v.message)),
            );
            return finish(document, diagnostics);
        }
    }
    let Some(doc) = document else {
        return finish(None, diagnostics);
    };
    let rules = rules::check(&doc);
    let start = masthead_start(&doc);
    diagnostics.extend(
        not_reported_yet(rules, &diagnostics)
            .into_iter()
            .map(|mut d| {
                if d.code == Code::MissingMasthead {
                    d.span = start;
                }
                d
            }),
    );
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    if as_written.is_none() && !errors {
        let out = xml::write(&doc);
        for v in engine.validate(&out.xml) {
            let span = out.source_span(v.line);
            diagnostics.push(Diagnostic::new(
                Code::Schema,
                span,
                format!("{} (generated XML line {})", v.message, v.line),
            ));
        }
    }
    finish(Some(doc), diagnostics)
}

/// The schema check to watch `format`'s reader read a source, when that
/// source is checked as written and the reader can be watched: the source
/// is then tokenized once, for reading and the schema alike.
pub fn watch_reading<'e>(
    format: &InputFormat,
    engine: &'e dyn SchemaEngine,
) -> Option<Box<dyn SchemaWatch + 'e>> {
    if format.is_undoc_xml && format.read_watched.is_some() {
        engine.watch()
    } else {
        None
    }
}

/// The schema check from [`watch_reading`] as a reader takes it
/// ([`crate::read::read_watched`]).
pub fn as_xml_watch<'w>(
    watch: &'w mut Option<Box<dyn SchemaWatch + '_>>,
) -> Option<&'w mut dyn XmlWatch> {
    watch.as_deref_mut().map(|w| w as &mut dyn XmlWatch)
}

/// Validates what `format`'s reader made of a source, taking the document
/// and diagnostics out of `outcome` and leaving its view for the reports;
/// `watch` is the schema check that watched it being read (see
/// [`watch_reading`]).
pub fn check_outcome(
    outcome: &mut ReadOutcome,
    format: &InputFormat,
    engine: &dyn SchemaEngine,
    watch: Option<Box<dyn SchemaWatch + '_>>,
) -> Checked {
    let as_written = match &outcome.view {
        SourceView::Text(text) if format.is_undoc_xml => Some(text.as_str()),
        _ => None,
    };
    let mut diagnostics = std::mem::take(&mut outcome.diagnostics);
    if let (Some(schema), SourceView::Text(text)) = (&format.schema, &outcome.view)
        && well_formed(&diagnostics)
    {
        diagnostics.extend(source_schema(schema, text));
    }
    check_watched(
        outcome.document.take(),
        diagnostics,
        as_written,
        watch,
        engine,
    )
}

/// Whether nothing refused the source as malformed, not text or of
/// another format (schema errors would only repeat it).
fn well_formed(diagnostics: &[Diagnostic]) -> bool {
    !diagnostics.iter().any(|d| {
        matches!(
            d.code,
            Code::MalformedXml
                | Code::ForbiddenXml
                | Code::NotText
                | Code::Empty
                | Code::Unreadable
        )
    })
}

/// The violations of a source format's own schema, at the source's lines.
fn source_schema(schema: &SourceSchema, source: &str) -> Vec<Diagnostic> {
    let (engine, code) = match schema {
        SourceSchema::AkomaNtoso => (xsd::akoma_ntoso(), Code::AknSchema),
    };
    match engine {
        Ok(engine) => engine
            .validate(source)
            .into_iter()
            .map(|v| Diagnostic::new(code, Span::new(v.line, v.column), v.message))
            .collect(),
        Err(e) => vec![Diagnostic::new(Code::Internal, Span::default(), e)],
    }
}

/// Where a missing masthead field is reported: the start of the first
/// masthead line read (the front matter's, or the masthead's), else the title.
fn masthead_start(doc: &Document) -> Span {
    let m = &doc.masthead;
    let spans = [
        m.symbol.as_ref().map(|s| s.span),
        m.organ.first().map(|s| s.span),
        m.distribution.as_ref().map(|s| s.span),
        m.date.as_ref().map(|s| s.span),
        m.original.as_ref().map(|s| s.span),
        m.session.as_ref().map(|s| s.span),
        m.job_number.as_ref().map(|s| s.span),
    ];
    spans
        .into_iter()
        .flatten()
        .filter(|s| s.line > 0)
        .min()
        .map_or(doc.title.span, |s| Span::new(s.line, 1))
}

/// The rules' findings less a missing masthead field the reader already
/// reported unreadable (at its line): one root cause, one error.
fn not_reported_yet(rules: Vec<Diagnostic>, read: &[Diagnostic]) -> Vec<Diagnostic> {
    let unreadable: Vec<&str> = read
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.field)
        .collect();
    rules
        .into_iter()
        .filter(|d| {
            d.code != Code::MissingMasthead || d.field.is_none_or(|f| !unreadable.contains(&f))
        })
        .collect()
}

fn finish(document: Option<Document>, mut diagnostics: Vec<Diagnostic>) -> Checked {
    diagnostics.sort_by_key(|d| (d.span.line, d.span.column));
    Checked {
        document,
        diagnostics,
    }
}
