//! DOCX writer throughput, in one process over the samples: documents are
//! read once, then each iteration writes every sample to DOCX bytes.
//!
//! ```sh
//! cargo bench --bench docx
//! ```
//!
//! divan reports the time per iteration and, with the item count, documents
//! per second. Pandoc needs about 57 ms per document for markdown → DOCX
//! with two processes in parallel on the reference machine.

use undoc::model::Document;
use undoc::read::{self, SourceFormat};
use undoc::write::{self, OutputFormat, WriteOptions};

fn main() {
    divan::main();
}

fn samples() -> Vec<(Document, write::xml::XmlOutput)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("samples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("sample");
            let doc = read::read(&bytes, SourceFormat::Text, &[])
                .document
                .expect("sample reads");
            let xml = write::xml::write(&doc);
            (doc, xml)
        })
        .collect()
}

/// Every sample to DOCX, one after the other.
#[divan::bench]
fn docx_all_samples(bencher: divan::Bencher) {
    let docs = samples();
    let options = WriteOptions::default();
    bencher
        .counter(divan::counter::ItemsCount::new(docs.len()))
        .bench(|| {
            for (doc, xml) in &docs {
                let rendered =
                    write::render(OutputFormat::Docx, doc, xml, &options).expect("DOCX renders");
                divan::black_box(rendered.bytes.len());
            }
        });
}
