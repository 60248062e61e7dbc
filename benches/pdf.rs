//! PDF writer throughput, in one process with the fonts already loaded:
//! every sample, and a ten-page report (the English sample's body repeated).
//!
//! ```sh
//! cargo bench --bench pdf
//! ```
//!
//! divan reports the time per iteration and, with the item count, documents
//! per second; the sizes of the PDFs are printed first. LibreOffice needs
//! 140–250 ms per document in a batch call, pandoc with XeLaTeX about 4 s.

#[path = "support/samples.rs"]
mod samples;

use samples::{read_sample, samples};
use undoc::model::{Block, Document};
use undoc::write::{self, OutputFormat, WriteOptions};

fn main() {
    let options = WriteOptions::default();
    let docs = samples();
    let mut total = 0;
    for (doc, xml) in &docs {
        let rendered = write::render(OutputFormat::Pdf, doc, xml, &options).expect("PDF renders");
        total += rendered.bytes.len();
    }
    let (long, long_xml) = ten_pages();
    let rendered = write::render(OutputFormat::Pdf, &long, &long_xml, &options).expect("renders");
    eprintln!(
        "samples: {} documents, {:.3} MB per PDF on average; long report: {} pages, {:.3} MB",
        docs.len(),
        total as f64 / docs.len() as f64 / 1e6,
        rendered.pages.unwrap_or(0),
        rendered.bytes.len() as f64 / 1e6,
    );
    // CPU time, which other processes on the machine do not inflate.
    if let Some(start) = thread_cpu_ns() {
        let runs: u32 = std::env::var("UNDOC_BENCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(50)
            .max(1);
        for _ in 0..runs {
            let r = write::render(OutputFormat::Pdf, &long, &long_xml, &options).expect("renders");
            divan::black_box(r.bytes.len());
        }
        if let Some(end) = thread_cpu_ns() {
            let ms = (end - start) as f64 / f64::from(runs) / 1e6;
            eprintln!(
                "long report: {ms:.2} ms CPU per document, {:.2} ms CPU per 10 pages",
                ms * 10.0 / rendered.pages.unwrap_or(10).max(1) as f64
            );
        }
    }
    divan::main();
}

/// CPU time of this thread in nanoseconds (Linux `schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// The English report with its body repeated to ten pages.
fn ten_pages() -> (Document, write::xml::XmlOutput) {
    let mut doc = read_sample("report-en.txt");
    let body: Vec<Block> = doc.body.clone();
    doc.body.extend(body.iter().cloned());
    doc.body.extend(body.iter().take(2).cloned());
    let xml = write::xml::write(&doc);
    (doc, xml)
}

/// Every sample to PDF, one after the other.
#[divan::bench]
fn pdf_all_samples(bencher: divan::Bencher) {
    let docs = samples();
    let options = WriteOptions::default();
    bencher
        .counter(divan::counter::ItemsCount::new(docs.len()))
        .bench(|| {
            for (doc, xml) in &docs {
                let rendered =
                    write::render(OutputFormat::Pdf, doc, xml, &options).expect("PDF renders");
                divan::black_box(rendered.bytes.len());
            }
        });
}

/// One ten-page report.
#[divan::bench]
fn pdf_ten_pages(bencher: divan::Bencher) {
    let (doc, xml) = ten_pages();
    let options = WriteOptions::default();
    bencher.bench(|| {
        let rendered = write::render(OutputFormat::Pdf, &doc, &xml, &options).expect("renders");
        divan::black_box(rendered.bytes.len());
    });
}
