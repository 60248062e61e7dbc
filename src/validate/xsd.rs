//! XSD validation behind a small trait, so that the engine can be swapped.
//! The engine in use is fastxml (pure Rust) with a namespace pass of our own
//! beside it ([`super::namespaces`]); the schema is compiled once, and once
//! again for each further thread that validates with it, so that threads
//! share none of its reference counts.

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread::ThreadId;

use fastxml::push::PushValidator;
use fastxml::schema::{Schema, Validator};

mod local;
mod watched;

use super::namespaces::DeclaredNames;
use super::violation::SchemaViolation;
use crate::read::XmlWatch;
use watched::Watched;

/// The schema embedded in the binary.
pub const UNDOC_XSD: &str = include_str!("../../schemas/undoc.xsd");
/// The XML-namespace schema `undoc.xsd` imports (xml:lang limited to the six languages).
pub const XML_XSD: &str = include_str!("../../schemas/xml.xsd");
/// The OASIS Akoma Ntoso 3.0 schema, embedded too (see `schemas/akn/README.md`).
pub const AKN_XSD: &str = include_str!("../../schemas/akn/akomantoso30.xsd");
/// The W3C XML-namespace schema `akomantoso30.xsd` imports.
pub const AKN_XML_XSD: &str = include_str!("../../schemas/akn/xml.xsd");

/// The Akoma Ntoso engine, compiled on first use and shared by every thread
/// of the process: output and input checks of `.akn.xml` files need it,
/// other runs never pay for it.
pub fn akoma_ntoso() -> Result<&'static FastXml, String> {
    static ENGINE: std::sync::OnceLock<Result<FastXml, String>> = std::sync::OnceLock::new();
    ENGINE
        .get_or_init(FastXml::akoma_ntoso_embedded)
        .as_ref()
        .map_err(Clone::clone)
}

/// An XSD validator that can check many documents, from many threads.
pub trait SchemaEngine: Send + Sync {
    /// Validates `xml`; an empty result means it conforms. A `&str`, as
    /// every caller has one: the engine need not check its UTF-8 again.
    fn validate(&self, xml: &str) -> Vec<SchemaViolation>;

    /// Identifies the schema (a hash of its text), for manifests.
    fn fingerprint(&self) -> String;

    /// A check of one source that watches its reader tokenize it, instead
    /// of parsing it again; `None` when the engine cannot watch.
    fn watch(&self) -> Option<Box<dyn SchemaWatch + '_>> {
        None
    }
}

/// A schema check fed by a reader's events (see [`XmlWatch`]).
pub trait SchemaWatch: XmlWatch {
    /// The violations of the source watched, whose text is `xml`: what
    /// [`SchemaEngine::validate`] finds in it.
    fn finish(self: Box<Self>, xml: &str) -> Vec<SchemaViolation>;
}

/// The fastxml engine with a compiled schema.
pub struct FastXml {
    /// The compiled schema, and a copy of it for each further thread.
    schemas: Schemas,
    /// The names the schema declares, for the namespace pass: read from
    /// the schema of the first thread that needs them (every copy declares
    /// the same).
    names: OnceLock<DeclaredNames>,
    /// The hash of the schema's text, made when first asked for: only
    /// manifests use it, and hashing the embedded schema took a twentieth
    /// of a one-document `validate`.
    fingerprint: OnceLock<String>,
    /// The embedded schema's texts, whose hash `fingerprint` is (empty for
    /// a schema read from a file, whose hash is made as it is read).
    embedded: [&'static str; 2],
}

/// Most violations reported for one document.
const MAX_VIOLATIONS: usize = 100;

/// Compiles the embedded `undoc.xsd`.
fn compile_embedded() -> Result<Schema, String> {
    Schema::builder()
        .add("undoc.xsd", UNDOC_XSD.as_bytes())
        .add("xml.xsd", XML_XSD.as_bytes())
        .resolve()
        .map_err(|e| format!("the embedded schema does not compile: {e}"))
}

impl FastXml {
    /// Compiles the embedded `undoc.xsd`.
    pub fn embedded() -> Result<FastXml, String> {
        let engine = FastXml::embedded_on_demand();
        engine.schemas.first()?;
        Ok(engine)
    }

    /// The embedded `undoc.xsd`, compiled by each thread when it first
    /// validates, instead of here: a batch's threads then compile side by
    /// side as they start, where a compile here held every thread up for
    /// it (2 ms, a twentieth of validating 100 reports on two threads).
    /// The embedded schema compiles (its tests say so); if it did not,
    /// each validation would panic, as on any defect of the program.
    pub fn embedded_on_demand() -> FastXml {
        FastXml::new(
            Schemas::compiled_by(compile_embedded),
            [UNDOC_XSD, XML_XSD],
            None,
        )
    }

    /// Compiles the embedded Akoma Ntoso 3.0 schema.
    pub fn akoma_ntoso_embedded() -> Result<FastXml, String> {
        let schema = Schema::builder()
            .add("akomantoso30.xsd", AKN_XSD.as_bytes())
            .add("xml.xsd", AKN_XML_XSD.as_bytes())
            .resolve()
            .map_err(|e| format!("the embedded Akoma Ntoso schema does not compile: {e}"))?;
        Ok(FastXml::new(
            Schemas::compiled_once(schema),
            [AKN_XSD, AKN_XML_XSD],
            None,
        ))
    }

    /// Compiles the schema in `path`; the files it imports and includes
    /// are read from the disk, relative to the file that names them. It is
    /// compiled here, so that a schema that does not compile is an error
    /// before any document is read.
    pub fn from_file(path: &Path) -> Result<FastXml, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let fingerprint = crate::hash::sha256_hex(&bytes);
        let url = local::file_url(path)?;
        let shown = path.display().to_string();
        let schemas = Schemas::compiled_by(move || {
            Schema::builder()
                .add(url.clone(), bytes.clone())
                .resolve_with(&local::LocalFiles)
                .map_err(|e| format!("{shown}: the schema does not compile: {e}"))
        });
        schemas.first()?;
        Ok(FastXml::new(schemas, ["", ""], Some(fingerprint)))
    }

    /// The compiled schema.
    #[cfg(test)]
    pub(crate) fn schema(&self) -> &Schema {
        self.schemas.first().expect("the schema compiles")
    }

    /// An engine validating with `schemas`, compiled from `embedded` or,
    /// when its `fingerprint` is known, from a file.
    fn new(schemas: Schemas, embedded: [&'static str; 2], fingerprint: Option<String>) -> FastXml {
        FastXml {
            schemas,
            names: OnceLock::new(),
            fingerprint: fingerprint.map_or_else(OnceLock::new, OnceLock::from),
            embedded,
        }
    }

    /// The compiled schema this thread validates with (see [`Schemas`]).
    fn schema_of_this_thread(&self) -> Arc<Schema> {
        self.schemas.of_this_thread()
    }

    /// The names the schema declares.
    fn names(&self) -> &DeclaredNames {
        self.names
            .get_or_init(|| DeclaredNames::of(&self.schema_of_this_thread()))
    }
}

/// Compiles a schema (again).
type Compile = Box<dyn Fn() -> Result<Schema, String> + Send + Sync>;

/// The thread that validates with the schema compiled first, and the
/// copies of the others.
type Held = (Option<ThreadId>, Vec<(ThreadId, Arc<Schema>)>);

/// An engine's compiled schema: the one compiled first, for the first
/// thread that asks, and a copy of its own for each other. fastxml's
/// validator takes a reference to the schema's shared parts (names, types,
/// content models) at every element, and on two threads sharing one schema
/// those counts went back and forth between the cores: 10 ms more CPU for
/// 100 reports at `-j 2` than the same work in two processes. A copy costs
/// one compile (2 ms) a thread.
struct Schemas {
    /// Compiles the schema; `None` for an engine compiled once, which
    /// makes no copies (the Akoma Ntoso schema, whose compile costs more
    /// than the sharing).
    compile: Option<Compile>,
    /// The schema compiled first, when it has been.
    first: OnceLock<Arc<Schema>>,
    held: Mutex<Held>,
}

impl Schemas {
    /// `schema`, and no copies of it.
    fn compiled_once(schema: Schema) -> Schemas {
        Schemas {
            compile: None,
            first: OnceLock::from(Arc::new(schema)),
            held: Mutex::default(),
        }
    }

    /// The schema `compile` makes, compiled when first needed.
    fn compiled_by(
        compile: impl Fn() -> Result<Schema, String> + Send + Sync + 'static,
    ) -> Schemas {
        Schemas {
            compile: Some(Box::new(compile)),
            first: OnceLock::new(),
            held: Mutex::default(),
        }
    }

    /// The schema compiled first, compiled now if it has not been. (Two
    /// threads that find it missing at once both compile it and one is
    /// kept: only a thread past the copies' limit can race its owner so,
    /// and the race costs one compile more, where a lock would hold the
    /// thread up for one.)
    fn first(&self) -> Result<&Arc<Schema>, String> {
        if let Some(first) = self.first.get() {
            return Ok(first);
        }
        let compile = self
            .compile
            .as_ref()
            .expect("a schema compiled once is held");
        let schema = Arc::new(compile()?);
        Ok(self.first.get_or_init(|| schema))
    }

    /// This thread's schema: the first for the first thread to ask, for
    /// an engine that makes no copies, and for a thread that comes after
    /// as many copies as the thread pool has threads (a program that
    /// starts a thread for each document does not pile up a compile and a
    /// schema for each); a copy of its own, compiled on its first ask, for
    /// each other thread.
    fn of_this_thread(&self) -> Arc<Schema> {
        let first = || Arc::clone(self.first().unwrap_or_else(|e| panic!("{e}")));
        let Some(compile) = self.compile.as_ref() else {
            return first();
        };
        let me = std::thread::current().id();
        let shares_first = {
            let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
            let (owner, copies) = &mut *held;
            if let Some((_, copy)) = copies.iter().find(|(thread, _)| *thread == me) {
                return Arc::clone(copy);
            }
            *owner.get_or_insert(me) == me || copies.len() >= rayon::current_num_threads()
        };
        if shares_first {
            return first();
        }
        // Compiled outside the lock: the other threads go on meanwhile.
        let Ok(copy) = compile() else {
            return first();
        };
        let copy = Arc::new(copy);
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        held.1.push((me, Arc::clone(&copy)));
        copy
    }
}

impl SchemaEngine for FastXml {
    fn fingerprint(&self) -> String {
        self.fingerprint
            .get_or_init(|| crate::hash::sha256_hex(self.embedded.concat().as_bytes()))
            .clone()
    }

    fn validate(&self, xml: &str) -> Vec<SchemaViolation> {
        self.with_namespaces(xml, self.fastxml(xml), false)
    }

    fn watch(&self) -> Option<Box<dyn SchemaWatch + '_>> {
        let push = PushValidator::new(self.schema_of_this_thread(), MAX_VIOLATIONS);
        Some(Box::new(Watched::new(self, push)))
    }
}

impl FastXml {
    /// `out`, fastxml's verdict on `xml`, with the namespace pass's own
    /// finds on other lines, in order: at most [`MAX_VIOLATIONS`] in all,
    /// every one of fastxml's kept (the well-formedness error that stopped
    /// it too, wherever it stands), the pass's first finds filling the rest.
    /// With `one_namespace` (every element is known to be in the schema's
    /// one namespace, see [`OneNamespace`](super::namespaces::OneNamespace))
    /// the pass has nothing to find and is not run.
    fn with_namespaces(
        &self,
        xml: &str,
        mut out: Vec<SchemaViolation>,
        one_namespace: bool,
    ) -> Vec<SchemaViolation> {
        if !one_namespace {
            let reported: std::collections::HashSet<u32> = out.iter().map(|v| v.line).collect();
            let room = MAX_VIOLATIONS.saturating_sub(out.len());
            out.extend(
                self.names()
                    .check(xml.as_bytes(), MAX_VIOLATIONS)
                    .into_iter()
                    .filter(|v| !reported.contains(&v.line))
                    .take(room),
            );
        }
        out.sort_by_key(|v| (v.line, v.column));
        out.truncate(MAX_VIOLATIONS);
        out
    }
}

impl FastXml {
    /// fastxml's own verdict (blind to the namespaces of local elements).
    fn fastxml(&self, xml: &str) -> Vec<SchemaViolation> {
        // In place: the streaming parser reads the slice without the
        // buffered reader's copies and position tracking, and without a
        // UTF-8 scan (vendor/fastxml/UNDOC-PATCH.md).
        let report = Validator::from(xml)
            .schema(self.schema_of_this_thread())
            .max_errors(MAX_VIOLATIONS)
            .run();
        let report = match report {
            Ok(report) => report,
            Err(e) => return vec![stopped(xml, &e)],
        };
        let mut violations = violations(report.errors());
        at_tag_starts(xml, &mut violations);
        violations
    }
}

/// fastxml's errors (warnings left out) as violations, where fastxml
/// placed them.
fn violations<'e>(
    errors: impl IntoIterator<Item = &'e fastxml::StructuredError>,
) -> Vec<SchemaViolation> {
    errors
        .into_iter()
        .filter(|e| e.is_error())
        .map(|e| SchemaViolation {
            line: e.location.line.unwrap_or(0) as u32,
            column: e.location.column.unwrap_or(0) as u32,
            message: stable_message(&e.message),
        })
        .collect()
}

/// Moves each violation from where fastxml places it, just after the start
/// tag it read last (`<title>|Report…`), to that tag's `<`, so that a
/// report points at the element and not at the text after it. The tag is
/// the last `<` before the place: attribute values cannot hold one.
/// Positions are counted as fastxml counts them, over the text with its
/// line ends made `\n`, in one pass over the violations in order.
fn at_tag_starts(xml: &str, violations: &mut [SchemaViolation]) {
    if violations.is_empty() {
        return;
    }
    let text = as_fastxml_reads(xml);
    let text = text.as_ref();
    violations.sort_by_key(|v| (v.line, v.column));
    let mut cursor = Place::default();
    for v in violations.iter_mut().filter(|v| v.line > 0 && v.column > 0) {
        let Some(after) = cursor.advance_to(text, v.line, v.column) else {
            continue;
        };
        let Some(open) = text[..after].rfind('<') else {
            continue;
        };
        let tag = &text[open..after];
        let newlines = tag.bytes().filter(|&b| b == b'\n').count() as u32;
        let column = if newlines == 0 {
            v.column - tag.chars().count() as u32
        } else {
            let line_start = text[..open].rfind('\n').map_or(0, |n| n + 1);
            text[line_start..open].chars().count() as u32 + 1
        };
        v.line -= newlines;
        v.column = column;
    }
}

/// A place in a text: its line and column (1-based, in characters) and
/// its byte offset.
struct Place {
    line: u32,
    column: u32,
    offset: usize,
}

impl Default for Place {
    fn default() -> Self {
        Place {
            line: 1,
            column: 1,
            offset: 0,
        }
    }
}

impl Place {
    /// Moves to `line` and `column` (forward, or from the start if it is
    /// behind) and gives its byte offset; `None` if `text` has no such place.
    fn advance_to(&mut self, text: &str, line: u32, column: u32) -> Option<usize> {
        if (line, column) < (self.line, self.column) {
            *self = Place::default();
        }
        while self.line < line {
            let newline = memchr::memchr(b'\n', &text.as_bytes()[self.offset..])?;
            self.offset += newline + 1;
            self.line += 1;
            self.column = 1;
        }
        for c in text[self.offset..].chars() {
            if self.column == column {
                break;
            }
            if c == '\n' {
                return None;
            }
            self.offset += c.len_utf8();
            self.column += 1;
        }
        (self.column == column).then_some(self.offset)
    }
}

/// Why fastxml stopped, at the place it names when it names one (a
/// character that is not XML, a `]]>` in text: vendor/fastxml/UNDOC-PATCH.md).
fn stopped(xml: &str, e: &fastxml::Error) -> SchemaViolation {
    use fastxml::parser::error::ParseError;
    let fastxml::Error::Parse(ParseError::AtPosition { position, message }) = e else {
        return SchemaViolation {
            line: 0,
            column: 0,
            message: format!("the validator stopped: {e}"),
        };
    };
    let offset = usize::try_from(*position).unwrap_or(usize::MAX);
    let at = crate::read::decode::span_of_offset(&as_fastxml_reads(xml), offset);
    SchemaViolation {
        line: at.line,
        column: at.column,
        message: format!("the validator stopped: {message}"),
    }
}

/// `xml` as fastxml counts its places: Windows and old Mac line ends read
/// as `\n`.
fn as_fastxml_reads(xml: &str) -> std::borrow::Cow<'_, str> {
    if xml.contains('\r') {
        xml.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        xml.into()
    }
}

/// fastxml lists allowed values in hash order; sort them so that the same
/// input always gives the same message.
fn stable_message(message: &str) -> String {
    let marker = "allowed values: [";
    let Some(start) = message.find(marker).map(|i| i + marker.len()) else {
        return message.to_string();
    };
    let Some(len) = message[start..].find(']') else {
        return message.to_string();
    };
    let mut values: Vec<&str> = message[start..start + len].split(", ").collect();
    values.sort_unstable();
    format!(
        "{}{}{}",
        &message[..start],
        values.join(", "),
        &message[start + len..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start tag of the report fixture's first paragraph.
    const FIRST_PARAGRAPH: &str = r#"<para n="1">"#;

    /// The report fixture, and the byte just after its first paragraph's
    /// start tag, where tests insert what they check.
    fn after_first_paragraph() -> (&'static str, usize) {
        let xml = include_str!("../../tests/fixtures/report-en.xml");
        let at = xml.find(FIRST_PARAGRAPH).expect("a paragraph") + FIRST_PARAGRAPH.len();
        (xml, at)
    }

    /// The first thread to validate uses the schema compiled first; every
    /// other its own copy, compiled once, which judges alike. An engine
    /// from a schema file makes copies too, the Akoma Ntoso one none.
    #[test]
    fn each_further_thread_validates_with_a_copy_of_its_own() {
        let (xml, at) = after_first_paragraph();
        let bad = format!("{}<bogus/>{}", &xml[..at], &xml[at..]);
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/undoc.xsd");
        for engine in [
            FastXml::embedded().expect("schema"),
            FastXml::from_file(&path).expect("schema file"),
            FastXml::embedded_on_demand(),
        ] {
            let verdicts = |engine: &FastXml| (engine.validate(xml), engine.validate(&bad));
            let here = verdicts(&engine);
            let first = |engine: &FastXml| Arc::clone(engine.schemas.first().expect("schema"));
            assert!(Arc::ptr_eq(
                &engine.schema_of_this_thread(),
                &first(&engine)
            ));
            assert!(here.0.is_empty() && !here.1.is_empty());
            std::thread::scope(|scope| {
                scope.spawn(|| {
                    let copy = engine.schema_of_this_thread();
                    assert!(!Arc::ptr_eq(&copy, &first(&engine)));
                    assert!(Arc::ptr_eq(&copy, &engine.schema_of_this_thread()));
                    assert_eq!(verdicts(&engine), here);
                });
            });
            assert!(Arc::ptr_eq(
                &engine.schema_of_this_thread(),
                &first(&engine)
            ));
            // A thread for each of many documents: the copies stop at the
            // pool's size, and the threads after them share the first.
            let most = rayon::current_num_threads();
            let mut distinct: Vec<Arc<Schema>> = Vec::new();
            for _ in 0..most + 3 {
                let seen = std::thread::scope(|scope| {
                    scope
                        .spawn(|| engine.schema_of_this_thread())
                        .join()
                        .expect("thread")
                });
                if !distinct.iter().any(|s| Arc::ptr_eq(s, &seen)) {
                    distinct.push(seen);
                }
            }
            assert!(distinct.iter().any(|s| Arc::ptr_eq(s, &first(&engine))));
            assert!(distinct.len() <= most + 1, "{} schemas", distinct.len());
        }
        let akn = FastXml::akoma_ntoso_embedded().expect("schema");
        let elsewhere = std::thread::scope(|scope| {
            scope
                .spawn(|| akn.schema_of_this_thread())
                .join()
                .expect("thread")
        });
        assert!(Arc::ptr_eq(&elsewhere, &akn.schema_of_this_thread()));
        assert!(Arc::ptr_eq(
            &elsewhere,
            akn.schemas.first().expect("schema")
        ));
    }

    /// An engine compiled on demand compiles nothing until a thread
    /// validates; two threads that start at once each compile their own
    /// schema, side by side, and judge alike (no thread waits for the
    /// other's compile).
    #[test]
    fn an_engine_compiled_on_demand_compiles_on_each_thread_as_it_starts() {
        let (xml, at) = after_first_paragraph();
        let bad = format!("{}<bogus/>{}", &xml[..at], &xml[at..]);
        let engine = FastXml::embedded_on_demand();
        assert!(engine.schemas.first.get().is_none());
        let start = std::sync::Barrier::new(2);
        let (one, two) = std::thread::scope(|scope| {
            let run = || {
                start.wait();
                let schema = engine.schema_of_this_thread();
                (schema, engine.validate(xml), engine.validate(&bad))
            };
            let one = scope.spawn(run);
            let two = scope.spawn(run);
            (one.join().expect("thread"), two.join().expect("thread"))
        });
        assert!(!Arc::ptr_eq(&one.0, &two.0));
        assert!(one.1.is_empty() && !one.2.is_empty());
        assert_eq!((&one.1, &one.2), (&two.1, &two.2));
        assert_eq!(FastXml::embedded().expect("schema").validate(&bad), one.2);
    }

    /// The fingerprint, made when first asked for, is the hash of the
    /// schema's text as before (manifests of earlier runs stay valid); a
    /// schema read from a file is hashed as read.
    #[test]
    fn the_fingerprint_hashes_the_schema_text() {
        let embedded = FastXml::embedded().expect("schema");
        let text = format!("{UNDOC_XSD}{XML_XSD}");
        assert_eq!(
            embedded.fingerprint(),
            crate::hash::sha256_hex(text.as_bytes())
        );
        assert_eq!(embedded.fingerprint(), embedded.fingerprint());
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/undoc.xsd");
        let file = FastXml::from_file(&path).expect("schema file");
        let bytes = std::fs::read(&path).expect("read");
        assert_eq!(file.fingerprint(), crate::hash::sha256_hex(&bytes));
        assert_ne!(file.fingerprint(), embedded.fingerprint());
    }

    /// A violation is placed at the `<` of its element's start tag, not
    /// after it: on the same line, across the lines of a tag's attributes,
    /// after text in other scripts, with Windows line ends alike.
    #[test]
    fn violations_point_at_the_start_tag_of_their_element() {
        let engine = FastXml::embedded().expect("schema");
        let (xml, at) = after_first_paragraph();
        let place = |xml: &str| {
            let v = &engine.validate(xml)[0];
            (v.line, v.column)
        };
        let line = xml[..at].lines().count() as u32;
        let column_of = |text: &str, from: &str| {
            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            text[line_start..at].chars().count() as u32 + from.chars().count() as u32 + 1
        };
        // `<bogus/>` inserted after `<para n="1">Доклад `: at its `<`.
        let bogus = format!("{}Доклад <bogus/>{}", &xml[..at], &xml[at..]);
        assert_eq!(place(&bogus), (line, column_of(&bogus, "Доклад ")));
        // A start tag over two lines: at its first line's `<`.
        let split = format!("{}<bogus\n   x=\"1\"/>{}", &xml[..at], &xml[at..]);
        assert_eq!(place(&split), (line, column_of(&split, "")));
        assert_eq!(place(&split.replace('\n', "\r\n")), place(&split));
    }

    #[test]
    fn allowed_values_are_listed_in_a_stable_order() {
        assert_eq!(
            stable_message(r#"value 'x' not in allowed values: ["b", "c", "a"] here"#),
            r#"value 'x' not in allowed values: ["a", "b", "c"] here"#
        );
    }

    #[test]
    fn the_akoma_ntoso_schema_compiles_and_checks_content_models() {
        let engine = akoma_ntoso().expect("schema");
        let doc = |body: &str| {
            format!(
                r##"<akomaNtoso xmlns="{}"><doc name="report"><meta><identification source="#u"><FRBRWork><FRBRthis value="/a"/><FRBRuri value="/a"/><FRBRdate date="2025-01-01" name="x"/><FRBRauthor href="#u"/><FRBRcountry value="un"/></FRBRWork><FRBRExpression><FRBRthis value="/a"/><FRBRuri value="/a"/><FRBRdate date="2025-01-01" name="x"/><FRBRauthor href="#u"/><FRBRlanguage language="eng"/></FRBRExpression><FRBRManifestation><FRBRthis value="/a"/><FRBRuri value="/a"/><FRBRdate date="2025-01-01" name="x"/><FRBRauthor href="#u"/></FRBRManifestation></identification></meta><mainBody>
{body}</mainBody></doc></akomaNtoso>"##,
                crate::akn::NAMESPACE
            )
        };
        let valid =
            doc(r#"<paragraph eId="para_1"><num>1.</num><content><p>x</p></content></paragraph>"#);
        assert!(engine.validate(&valid).is_empty());
        let misplaced =
            doc(r#"<paragraph eId="para_1"><content><p>x</p></content><num>1.</num></paragraph>"#);
        let errors = engine.validate(&misplaced);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 2);
    }

    #[test]
    fn the_embedded_schema_compiles_and_rejects_a_bad_language() {
        let engine = FastXml::embedded().expect("schema");
        let xml = include_str!("../../tests/fixtures/report-en.xml");
        assert!(engine.validate(xml).is_empty());
        let bad = xml.replace(r#"xml:lang="en""#, r#"xml:lang="de""#);
        assert_eq!(engine.validate(&bad)[0].line, 2);
        // Windows line ends take the path that normalizes (and checks) a
        // copy: the same verdict at the same line.
        let crlf = bad.replace('\n', "\r\n");
        assert_eq!(engine.validate(&crlf), engine.validate(&bad));
    }

    /// Text that is not XML stops the validator, which says where: every
    /// fault at every place within the 32-byte chunks fastxml looks at
    /// first (vendor/fastxml/UNDOC-PATCH.md), with Unix and Windows line
    /// ends; what only looks like a fault passes.
    #[test]
    fn text_that_is_not_xml_is_reported_where_it_is() {
        let engine = FastXml::embedded().expect("schema");
        let (xml, at) = after_first_paragraph();
        let column = 7 + FIRST_PARAGRAPH.chars().count() as u32;
        let faults = [
            "\u{1}", "]]>", "\u{FFFE}", "\u{FFFF}", "&#1;", "&#xFFFE;", "\u{B}",
        ];
        let harmless = [
            "\t", "\u{F8FF}", "]>", "] ]>", ">", "&amp;", "&#x41;", "\u{FFFD}",
        ];
        for pad in 0..70 {
            let before = "é".repeat(pad % 3) + &"a".repeat(pad);
            let width = before.chars().count() as u32;
            for fault in faults {
                let bad = format!("{}{before}{fault}z{}", &xml[..at], &xml[at..]);
                for text in [bad.clone(), bad.replace('\n', "\r\n")] {
                    let found = engine.validate(&text);
                    assert_eq!(found.len(), 1, "{fault:?} after {pad}: {found:?}");
                    assert_eq!(
                        (found[0].line, found[0].column),
                        (19, column + width),
                        "{fault:?} after {pad}: {}",
                        found[0].message
                    );
                    assert!(
                        found[0].message.contains("not well-formed"),
                        "{}",
                        found[0].message
                    );
                }
            }
            for fine in harmless {
                let good = format!("{}{before}{fine}z{}", &xml[..at], &xml[at..]);
                assert_eq!(engine.validate(&good), Vec::new(), "{fine:?} after {pad}");
            }
        }
    }

    /// Anonymous types are resolved once per validation and looked up by
    /// their address (vendor/fastxml/UNDOC-PATCH.md): two anonymous parents
    /// with a same-named child of different types, and two anonymous
    /// children with different attributes, must each keep their own.
    #[test]
    fn anonymous_types_keep_their_own_children_and_attributes() {
        let xsd = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="root"><xs:complexType><xs:sequence maxOccurs="unbounded">
            <xs:element name="a"><xs:complexType><xs:sequence>
              <xs:element name="x" type="xs:positiveInteger"/>
            </xs:sequence><xs:attribute name="n" type="xs:positiveInteger"/></xs:complexType></xs:element>
            <xs:element name="b"><xs:complexType><xs:sequence>
              <xs:element name="x" type="xs:date"/>
            </xs:sequence><xs:attribute name="d" type="xs:date" use="required"/></xs:complexType></xs:element>
          </xs:sequence></xs:complexType></xs:element>
        </xs:schema>"#;
        let schema = Schema::builder()
            .add("anonymous.xsd", xsd.as_bytes())
            .resolve()
            .expect("schema");
        let engine = FastXml::new(
            Schemas::compiled_once(schema),
            ["", ""],
            Some(String::new()),
        );
        let lines =
            |xml: &str| -> Vec<u32> { engine.validate(xml).iter().map(|v| v.line).collect() };
        let a = r#"<a n="2"><x>7</x></a>"#;
        let b = r#"<b d="2025-01-01"><x>2025-02-02</x></b>"#;
        let valid = format!("<root>\n{a}\n{b}\n{a}\n{b}\n</root>");
        assert_eq!(lines(&valid), Vec::<u32>::new());
        // The second `a` and `b` swap their children's values, then their
        // attributes: each is judged by its own parent's type.
        let children = format!(
            "<root>\n{a}\n{b}\n<a n=\"2\"><x>2025-02-02</x></a>\n<b d=\"2025-01-01\"><x>7</x></b>\n</root>"
        );
        assert_eq!(lines(&children), vec![4, 5]);
        let attributes = format!(
            "<root>\n{a}\n{b}\n<a d=\"2025-01-01\"><x>7</x></a>\n<b n=\"2\"><x>2025-02-02</x></b>\n</root>"
        );
        let errors = lines(&attributes);
        assert!(errors.contains(&4) && errors.contains(&5), "{errors:?}");
    }

    /// Text between elements of element-only content is refused unless it
    /// is XML white space (a no-break space is not), at the element's start
    /// tag, also in elements after the first of their type, whose text the
    /// engine no longer gathers when only its white space matters
    /// (vendor/fastxml/UNDOC-PATCH.md); a paragraph's own text stays free.
    #[test]
    fn text_in_element_only_content_is_refused_at_its_element() {
        let engine = FastXml::embedded().expect("schema");
        let xml = include_str!("../../tests/fixtures/report-en.xml");
        let nth_chapter = |n: usize| {
            xml.match_indices("<chapter ")
                .nth(n)
                .map(|(at, _)| at + xml[at..].find('>').expect("tag end") + 1)
                .expect("a chapter")
        };
        assert!(engine.validate(xml).is_empty());
        let line_of = |text: &str, at: usize| text[..at].lines().count() as u32;
        for (n, stray) in [(0, "x"), (1, "\u{a0}"), (2, " \t\r\n\u{2003} ")] {
            let at = nth_chapter(n);
            let bad = format!("{}{stray}{}", &xml[..at], &xml[at..]);
            let violations = engine.validate(&bad);
            let found: Vec<(u32, bool)> = violations
                .iter()
                .map(|v| (v.line, v.message.contains("element-only content")))
                .collect();
            assert_eq!(found, vec![(line_of(&bad, at), true)], "{stray:?}");
            let spaces = format!("{}\n \t{}", &xml[..at], &xml[at..]);
            assert!(engine.validate(&spaces).is_empty(), "white space is free");
        }
    }

    /// What a source's validation reports, read as the batch reads it:
    /// with the schema watching the reader (`watched`), or parsing the
    /// source again after reading.
    fn reported(engine: &FastXml, xml: &str, watched: bool) -> Vec<(u32, u32, String)> {
        let format = crate::read::InputFormat::by_name("xml").expect("the XML reader");
        let mut watch = watched
            .then(|| super::super::watch_reading(format, engine))
            .flatten();
        assert_eq!(watch.is_some(), watched, "undoc XML is read watched");
        let shown = super::super::as_xml_watch(&mut watch);
        let source = crate::read::Source::bytes(xml.as_bytes());
        let mut outcome = crate::read::read_watched(&source, format, &[], shown);
        let checked = super::super::check_outcome(&mut outcome, format, engine, watch);
        checked
            .diagnostics
            .into_iter()
            .map(|d| (d.span.line, d.span.column, d.message))
            .collect()
    }

    /// The schema check that watches the reader tokenize a source finds
    /// what parsing the source again finds, at the same places: schema
    /// errors, faults in text, malformed input the reader refuses itself.
    /// A fault in a start tag's attributes is placed at the tag's `<`
    /// (fastxml's own tokenizer placed it one character after), and a bad
    /// XML declaration at line 1 (it had no place).
    #[test]
    fn the_schema_watching_the_reader_finds_what_a_second_parse_finds() {
        let engine = FastXml::embedded().expect("schema");
        let (xml, at) = after_first_paragraph();
        let insert = |what: &str| format!("{}{what}{}", &xml[..at], &xml[at..]);
        let tag_at = xml[..at].rfind('<').expect("the tag");
        let with_tag = |tag: &str| format!("{}{tag}{}", &xml[..tag_at], &xml[at..]);
        let same = [
            xml.to_string(),
            xml.replace(r#"xml:lang="en""#, r#"xml:lang="de""#),
            insert("Доклад <bogus/>"),
            insert("a &#1; b"),
            insert("a \u{1} b"),
            insert("a ]]> b"),
            insert("a &amp; b &#x41; &lt;c&gt; <![CDATA[ <raw> ]]> <!-- note --> <?pi x?>"),
            insert("<!-- a -- b -->"),
            insert("<?XmL x?>"),
            insert("&nbsp;"),
            insert("<z:em>x</z:em>"),
            // Elements of other namespaces, which the namespace pass finds.
            insert(r#"<e:emph xmlns:e="urn:evil">x</e:emph>"#),
            insert(r#"<emph xmlns="urn:evil">x</emph>"#),
            insert(r#"<u:emph xmlns:u="urn:undoc:1">x</u:emph>"#),
            insert("<em>unclosed</para>"),
            xml.replacen("<chapter ", "\u{a0}<chapter ", 1),
            with_tag(r#"<para n="1" n="2">"#),
            format!("{xml}<after/>"),
            format!("<!DOCTYPE document>{xml}"),
        ];
        for source in same {
            let watched = reported(&engine, &source, true);
            assert_eq!(watched, reported(&engine, &source, false), "{source:.200}");
        }
        let (line, column) = (19, 7);
        for tag in [
            r#"<para n="1<">"#,
            "<para n=\"1\u{2}\">",
            r#"<para xmlns:x="u" xmlns:y="u" x:k="1" y:k="2" n="1">"#,
            r#"<para xmlns:x="" n="1">"#,
            r#"<para q:n="1" n="1">"#,
        ] {
            let found = reported(&engine, &with_tag(tag), true);
            assert_eq!(found.len(), 1, "{tag}: {found:?}");
            assert_eq!((found[0].0, found[0].1), (line, column), "{tag}: {found:?}");
            assert!(found[0].2.contains("not well-formed"), "{found:?}");
        }
        let body = xml.split_once("?>").expect("a declaration").1;
        let version = reported(&engine, &format!(r#"<?xml version="2.0"?>{body}"#), true);
        assert_eq!(version.len(), 1, "{version:?}");
        assert_eq!((version[0].0, version[0].1), (1, 1));
        assert!(
            version[0].2.contains("unsupported XML version"),
            "{version:?}"
        );
    }

    /// At most a hundred violations are kept, the first in document
    /// order, but never without the well-formedness error that stopped
    /// fastxml, however late it stands.
    #[test]
    fn the_error_that_stopped_the_check_is_kept_among_a_hundred() {
        let engine = FastXml::embedded().expect("schema");
        let xml = include_str!("../../tests/fixtures/report-en.xml");
        let at = xml.find("</para>").expect("a paragraph") + "</para>".len();
        let many = "\n<para n=\"2\">x</para>".repeat(150);
        let late = xml.rfind("</document>").expect("the end");
        let source = format!(
            "{}{many}{}<?xml version=\"1.0\"?>{}",
            &xml[..at],
            &xml[at..late],
            &xml[late..]
        )
        .replace(r#"xmlns="urn:undoc:1""#, r#"xmlns="urn:other""#);
        for found in [
            engine.validate(&source),
            reported(&engine, &source, true)
                .into_iter()
                .map(|(line, column, message)| SchemaViolation {
                    line,
                    column,
                    message,
                })
                .collect(),
        ] {
            assert_eq!(found.len(), MAX_VIOLATIONS);
            let stop = found
                .iter()
                .filter(|v| v.message.contains("the validator stopped"))
                .count();
            assert_eq!(stop, 1, "{:?}", found.last());
            let foreign = found
                .iter()
                .filter(|v| v.message.contains("namespace `urn:other`"));
            assert_eq!(foreign.count(), MAX_VIOLATIONS - 1);
        }
    }

    #[test]
    fn patterns_compiled_once_hold_for_every_document_on_every_thread() {
        // The symbol's (named) and a link's (anonymous) patterns are shared
        // by all validations of the schema (vendor/fastxml/UNDOC-PATCH.md).
        let engine = FastXml::embedded().expect("schema");
        let xml = include_str!("../../tests/fixtures/report-en.xml").replacen(
            "</para>",
            "<link href=\"https://www.un.org\">the site</link></para>",
            1,
        );
        let bad_symbol = xml.replacen("<ref>A/", "<ref>a/", 1);
        let bad_link = xml.replacen("<link href=\"https:", "<link href=\"gopher:", 1);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..3 {
                        assert!(engine.validate(&xml).is_empty());
                        assert_eq!(engine.validate(&bad_symbol).len(), 1);
                        assert_eq!(engine.validate(&bad_link).len(), 1);
                    }
                });
            }
        });
    }
}
