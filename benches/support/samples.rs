//! The project's samples, read once for the writer benchmarks.

use std::path::Path;

use undoc::model::Document;
use undoc::read::{self, SourceFormat};
use undoc::write::xml::{self, XmlOutput};
use undoc::write::{self, OutputFormat, WriteOptions};

/// Reads `samples/<name>` (a text source).
pub fn read_sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    let bytes = std::fs::read(path).expect("sample");
    read::read(&bytes, SourceFormat::Text, &[])
        .document
        .expect("sample reads")
}

/// Every text sample, in name order, with its XML.
pub fn samples() -> Vec<(Document, XmlOutput)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("samples/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| {
            let doc = read_sample(n);
            let xml = xml::write(&doc);
            (doc, xml)
        })
        .collect()
}

/// Benchmarks writing every sample to `format`, one after the other.
pub fn bench_all_samples(bencher: divan::Bencher, format: OutputFormat) {
    let docs = samples();
    let options = WriteOptions::default();
    bencher
        .counter(divan::counter::ItemsCount::new(docs.len()))
        .bench(|| {
            for (doc, xml) in &docs {
                let rendered = write::render(format, doc, xml, &options).expect("renders");
                divan::black_box(rendered.bytes.len());
            }
        });
}
