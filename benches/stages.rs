//! Every pipeline stage, per document and per MB: read text, read XML, read
//! Akoma Ntoso, validate (rules and XSD), write XML, write Akoma Ntoso, write
//! DOCX, write PDF — for 1-, 10-
//! and 60-page generated reports in each script family (Latin, Cyrillic,
//! Arabic, Chinese), in one process with schema and fonts loaded once.
//!
//! ```sh
//! cargo bench --bench stages
//! ```
//!
//! divan prints the time per document and, from the byte counter (the size of
//! the text source), MB per second.

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use std::fmt;
use std::sync::LazyLock;

use divan::{Bencher, counter::BytesCount};
use undoc::lang::Lang;
use undoc::model::Document;
use undoc::read::{self, InputFormat, Source};
use undoc::validate::{self, FastXml, SchemaEngine, xsd};
use undoc::write::{self, OutputFormat, WriteOptions, xml::XmlOutput};

fn main() {
    divan::main();
}

/// A script family and a length.
#[derive(Clone, Copy)]
struct Case {
    lang: Lang,
    pages: usize,
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let family = match self.lang {
            Lang::Ar => "arabic",
            Lang::Zh => "chinese",
            Lang::Ru => "cyrillic",
            _ => "latin",
        };
        write!(f, "{family}-{}p", self.pages)
    }
}

const CASES: [Case; 12] = {
    const fn c(lang: Lang, pages: usize) -> Case {
        Case { lang, pages }
    }
    [
        c(Lang::En, 1),
        c(Lang::En, 10),
        c(Lang::En, 60),
        c(Lang::Ru, 1),
        c(Lang::Ru, 10),
        c(Lang::Ru, 60),
        c(Lang::Ar, 1),
        c(Lang::Ar, 10),
        c(Lang::Ar, 60),
        c(Lang::Zh, 1),
        c(Lang::Zh, 10),
        c(Lang::Zh, 60),
    ]
};

/// A generated document in every form a stage needs.
struct Prepared {
    text: String,
    doc: Document,
    xml: XmlOutput,
    akn: XmlOutput,
}

static ENGINE: LazyLock<FastXml> = LazyLock::new(|| FastXml::embedded().expect("schema"));

static PREPARED: LazyLock<Vec<Prepared>> = LazyLock::new(|| {
    let pools = corpus_gen::pools().expect("samples");
    CASES
        .iter()
        .enumerate()
        .map(|(i, case)| {
            let pool = pools
                .iter()
                .find(|p| p.lang == case.lang)
                .expect("a pool per language");
            let text = corpus_gen::generate(pool, i, case.pages, &mut corpus_gen::Rng(7));
            let doc = read::read(&Source::bytes(text.as_bytes()), text_format(), &[])
                .document
                .expect("generated text reads");
            let xml = write::xml::write(&doc);
            let akn = write::akn::write(&doc).expect("a generated report has a symbol and date");
            Prepared {
                text,
                doc,
                xml,
                akn,
            }
        })
        .collect()
});

fn prepared(case: &Case) -> &'static Prepared {
    let i = CASES
        .iter()
        .position(|c| c.lang == case.lang && c.pages == case.pages)
        .expect("a known case");
    &PREPARED[i]
}

#[divan::bench(args = CASES)]
fn read_text(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| read::read(&Source::bytes(p.text.as_bytes()), text_format(), &[]));
}

#[divan::bench(args = CASES)]
fn read_xml(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| read::read(&Source::bytes(p.xml.xml.as_bytes()), xml_format(), &[]));
}

#[divan::bench(args = CASES)]
fn read_akn(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| read::akn::read(&p.akn.xml));
}

#[divan::bench(args = CASES)]
fn validate(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    LazyLock::force(&ENGINE);
    bencher.counter(BytesCount::new(p.text.len())).bench(|| {
        validate::check(
            Some(p.doc.clone()),
            Vec::new(),
            Some(p.xml.xml.as_str()),
            &*ENGINE,
        )
    });
}

/// What `undoc validate` does to an undoc XML source: read it with the
/// schema check watching the reader tokenize it (one parse for both),
/// then the rules.
#[divan::bench(args = CASES)]
fn read_and_validate_xml(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    LazyLock::force(&ENGINE);
    bencher.counter(BytesCount::new(p.text.len())).bench(|| {
        let mut watch = validate::watch_reading(xml_format(), &*ENGINE);
        let shown = validate::as_xml_watch(&mut watch);
        let source = Source::bytes(p.xml.xml.as_bytes());
        let mut outcome = read::read_watched(&source, xml_format(), &[], shown);
        validate::check_outcome(&mut outcome, xml_format(), &*ENGINE, watch)
    });
}

/// The rules alone: the part of `validate` a schema cannot express.
#[divan::bench(args = CASES)]
fn validate_rules(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| validate::rules::check(&p.doc));
}

/// The XSD engine alone (fastxml and the namespace pass) on the canonical
/// XML: the schema half of `validate`, for XML and text sources alike.
#[divan::bench(args = CASES)]
fn validate_xsd(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    LazyLock::force(&ENGINE);
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| ENGINE.validate(&p.xml.xml));
}

#[divan::bench(args = CASES)]
fn write_xml(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| write::xml::write(&p.doc));
}

/// The Akoma Ntoso schema check that every `--to akn` output and `.akn.xml`
/// input gets (fastxml, the OASIS schema compiled once).
#[divan::bench(args = CASES)]
fn validate_akn(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    let engine = xsd::akoma_ntoso().expect("the AKN schema compiles");
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| engine.validate(&p.akn.xml));
}

/// Akoma Ntoso serialization alone (the `akn` row also validates its output,
/// which the `validate` stage measures for undoc XML).
#[divan::bench(args = CASES)]
fn write_akn(bencher: Bencher, case: Case) {
    let p = prepared(&case);
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| write::akn::write(&p.doc));
}

fn render(bencher: Bencher, case: Case, name: &str) {
    let p = prepared(&case);
    let options = WriteOptions::default();
    let format = OutputFormat::by_name(name).expect("a writer");
    (format.write)(&p.doc, &options).expect("renders");
    bencher
        .counter(BytesCount::new(p.text.len()))
        .bench(|| (format.write)(&p.doc, &options));
}

fn text_format() -> &'static InputFormat {
    InputFormat::by_name("text").expect("text reader")
}

fn xml_format() -> &'static InputFormat {
    InputFormat::by_name("xml").expect("XML reader")
}

#[divan::bench(args = CASES)]
fn write_docx(bencher: Bencher, case: Case) {
    render(bencher, case, "docx");
}

#[divan::bench(args = CASES, sample_count = 20)]
fn write_pdf(bencher: Bencher, case: Case) {
    render(bencher, case, "pdf");
}
