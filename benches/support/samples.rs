//! The project's samples, read once for the writer benchmarks.

use std::path::Path;

use undoc::model::Document;
use undoc::read::{self, InputFormat, Source};
use undoc::write::{OutputFormat, WriteOptions};

/// Reads `samples/<name>` (a text source).
pub fn read_sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    let bytes = std::fs::read(path).expect("sample");
    read::read(
        &Source::bytes(&bytes),
        InputFormat::by_name("text").expect("text reader"),
        &[],
    )
    .document
    .expect("sample reads")
}

/// Every text sample, in name order.
pub fn samples() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("samples/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names.iter().map(|n| read_sample(n)).collect()
}

/// Benchmarks writing every sample to `format`, one after the other.
pub fn bench_all_samples(bencher: divan::Bencher, format: &OutputFormat) {
    let docs = samples();
    let options = WriteOptions::default();
    bencher
        .counter(divan::counter::ItemsCount::new(docs.len()))
        .bench(|| {
            for doc in &docs {
                let rendered = (format.write)(doc, &options).expect("renders");
                divan::black_box(rendered.bytes.len());
            }
        });
}
