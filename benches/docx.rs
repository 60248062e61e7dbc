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

#[path = "support/samples.rs"]
mod samples;

use samples::samples;
use undoc::write::{self, OutputFormat, WriteOptions};

fn main() {
    divan::main();
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
