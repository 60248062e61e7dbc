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

use samples::bench_all_samples;
use undoc::write::OutputFormat;

fn main() {
    divan::main();
}

/// Every sample to DOCX, one after the other.
#[divan::bench]
fn docx_all_samples(bencher: divan::Bencher) {
    bench_all_samples(bencher, OutputFormat::by_name("docx").expect("DOCX writer"));
}
