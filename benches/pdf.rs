//! PDF writer throughput, in one process with the fonts already loaded:
//! every sample, and each language's report with its body repeated to ten
//! pages or more (CPU time per ten pages printed for each language).
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

use samples::{bench_all_samples, read_sample, samples};
use undoc::model::{Block, Document};
use undoc::write::{self, OutputFormat, WriteOptions};

/// The report samples whose bodies are repeated to ten pages or more.
const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];

fn main() {
    let options = WriteOptions::default();
    let docs = samples();
    let mut total = 0;
    for doc in &docs {
        let rendered = write::pdf::write(doc, &options).expect("PDF renders");
        total += rendered.bytes.len();
    }
    eprintln!(
        "samples: {} documents, {:.3} MB per PDF on average",
        docs.len(),
        total as f64 / docs.len() as f64 / 1e6,
    );
    // CPU time, which other processes on the machine do not inflate.
    let runs: u32 = std::env::var("UNDOC_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(30)
        .max(1);
    eprintln!("lang  pages  MB/doc  ms CPU/doc  ms CPU per 10 pages");
    for lang in LANGUAGES {
        let (doc, pages) = ten_pages(&format!("report-{lang}.txt"), &options);
        let Some(start) = thread_cpu_ns() else {
            break;
        };
        let mut size = 0;
        for _ in 0..runs {
            let r = write::pdf::write(&doc, &options).expect("renders");
            size = r.bytes.len();
        }
        let Some(end) = thread_cpu_ns() else {
            break;
        };
        let ms = (end - start) as f64 / f64::from(runs) / 1e6;
        eprintln!(
            "{lang:4} {pages:6} {:7.3} {ms:11.2} {:20.2}",
            size as f64 / 1e6,
            ms * 10.0 / f64::from(pages.max(1))
        );
    }
    divan::main();
}

/// CPU time of this thread in nanoseconds (Linux `schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Sample `name` with its body repeated until the PDF has ten pages or
/// more; with the page count.
fn ten_pages(name: &str, options: &WriteOptions) -> (Document, u32) {
    let mut doc = read_sample(name);
    let body: Vec<Block> = doc.body.clone();
    loop {
        let pages = write::pdf::write(&doc, options)
            .expect("renders")
            .pages
            .unwrap_or(0);
        if pages >= 10 || body.is_empty() {
            return (doc, pages);
        }
        doc.body.extend(body.iter().cloned());
    }
}

/// Every sample to PDF, one after the other.
#[divan::bench]
fn pdf_all_samples(bencher: divan::Bencher) {
    bench_all_samples(bencher, OutputFormat::by_name("pdf").expect("PDF writer"));
}

/// One ten-page report.
#[divan::bench]
fn pdf_ten_pages(bencher: divan::Bencher) {
    let options = WriteOptions::default();
    let (doc, _) = ten_pages("report-en.txt", &options);
    bencher.bench(|| {
        let rendered = write::pdf::write(&doc, &options).expect("renders");
        divan::black_box(rendered.bytes.len());
    });
}
