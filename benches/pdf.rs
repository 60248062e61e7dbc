//! PDF writer throughput, in one process with the fonts already loaded:
//! every sample, and each language's report with its body repeated to ten
//! pages or more (CPU time per ten pages printed for each language, split
//! into layout and drawing), the fixed cost per document (a one-page
//! document against the ten-page one), and table-heavy pages against text
//! pages (issue 12: within 20 % per page).
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

use std::borrow::Cow;

use samples::{bench_all_samples, read_sample, samples};
use undoc::model::{Block, Document, Table};
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
    eprintln!(
        "lang  pages  MB/doc  ms CPU/doc  ms CPU per 10 pages  layout  drawing  fixed ms  ms/page"
    );
    // `UNDOC_BENCH_LANGS=ru,ar` times those languages only (for profiling).
    // `UNDOC_BENCH_ONLY=ten` (or `one`) writes only the long (or the
    // one-page) document of each, `UNDOC_BENCH_RUNS` times, for a profiler.
    let chosen = std::env::var("UNDOC_BENCH_LANGS").unwrap_or_default();
    for lang in LANGUAGES {
        if !chosen.is_empty() && !chosen.split(',').any(|l| l == lang) {
            continue;
        }
        let (doc, pages) = ten_pages(&format!("report-{lang}.txt"), &options);
        if let Some(only) = profiled(&doc, &options, lang) {
            for _ in 0..runs {
                divan::black_box(write::pdf::write(&only, &options).expect("renders"));
            }
            continue;
        }
        let Some(total) = cpu_ms(runs, || {
            divan::black_box(write::pdf::write(&doc, &options).expect("renders"));
        }) else {
            break;
        };
        let size = write::pdf::write(&doc, &options)
            .expect("renders")
            .bytes
            .len();
        let fonts = write::pdf::font_set(&options).expect("fonts");
        let layout = cpu_ms(runs, || {
            divan::black_box(write::pdf::lay_out(&doc, &options, &fonts));
        })
        .unwrap_or(0.0);
        let one = one_page(&format!("report-{lang}.txt"), &options);
        let single = cpu_ms(runs, || {
            divan::black_box(write::pdf::write(&one, &options).expect("renders"));
        })
        .unwrap_or(0.0);
        // The per-page slope between the one-page and the long document,
        // and what a document costs beyond its pages.
        let per_page = (total - single) / f64::from(pages.saturating_sub(1).max(1));
        let fixed = single - per_page;
        eprintln!(
            "{lang:4} {pages:6} {:7.3} {total:11.2} {:20.2} {:7.1}% {:7.1}% {fixed:9.2} {per_page:8.3}",
            size as f64 / 1e6,
            total * 10.0 / f64::from(pages.max(1)),
            layout / total * 100.0,
            (total - layout) / total * 100.0,
        );
    }
    if chosen.is_empty() {
        tables_against_text(&options, runs);
    }
    divan::main();
}

/// The one document `UNDOC_BENCH_ONLY` picks for a profiler: `ten` the
/// long document, `one` the one-page one; `None` to time them all. A
/// profile of each, subtracted, is the cost of the pages between.
fn profiled<'a>(
    ten: &'a Document,
    options: &WriteOptions,
    lang: &str,
) -> Option<Cow<'a, Document>> {
    match std::env::var("UNDOC_BENCH_ONLY").ok()?.as_str() {
        "ten" => Some(Cow::Borrowed(ten)),
        "one" => Some(Cow::Owned(one_page(&format!("report-{lang}.txt"), options))),
        other => panic!("UNDOC_BENCH_ONLY={other}: `ten` or `one`"),
    }
}

/// CPU per page of the English report's text (its tables and figure taken
/// out) and of pages of nothing but its tables (their rows repeated), both
/// ten pages or more.
fn tables_against_text(options: &WriteOptions, runs: u32) {
    let sample = read_sample("report-en.txt");
    let mut text = sample.clone();
    strip_floats(&mut text.body);
    let mut tables = sample.clone();
    tables.body = table_pages(&sample.body);
    let mut per_page = Vec::new();
    for (name, doc) in [("text", text), ("tables", tables)] {
        let (doc, pages) = ten_pages_of(doc, options);
        let Some(start) = thread_cpu_ns() else {
            return;
        };
        for _ in 0..runs {
            divan::black_box(write::pdf::write(&doc, options).expect("renders"));
        }
        let Some(end) = thread_cpu_ns() else {
            return;
        };
        let ms = (end - start) as f64 / f64::from(runs) / 1e6 / f64::from(pages.max(1));
        eprintln!("{name:6} {pages:3} pages {ms:7.3} ms CPU per page");
        per_page.push(ms);
    }
    if let [text, tables] = per_page[..] {
        eprintln!("tables/text per page: {:.2}", tables / text);
    }
}

/// Takes the tables and figures out of `blocks`.
fn strip_floats(blocks: &mut Vec<Block>) {
    blocks.retain(|b| !matches!(b, Block::Table(_) | Block::Figure(_)));
    for b in blocks {
        if let Block::Chapter(d) | Block::Section(d) = b {
            strip_floats(&mut d.blocks);
        }
    }
}

/// The tables of `blocks`, each with its body rows repeated eight times.
fn table_pages(blocks: &[Block]) -> Vec<Block> {
    fn collect(blocks: &[Block], out: &mut Vec<Table>) {
        for b in blocks {
            match b {
                Block::Table(t) => out.push(t.clone()),
                Block::Chapter(d) | Block::Section(d) => collect(&d.blocks, out),
                _ => {}
            }
        }
    }
    let mut tables = Vec::new();
    collect(blocks, &mut tables);
    tables
        .into_iter()
        .map(|mut t| {
            t.body = (0..8).flat_map(|_| t.body.iter().cloned()).collect();
            Block::Table(t)
        })
        .collect()
}

/// Milliseconds of this thread's CPU per call of `f`, over `runs` calls.
fn cpu_ms(runs: u32, mut f: impl FnMut()) -> Option<f64> {
    let start = thread_cpu_ns()?;
    for _ in 0..runs {
        f();
    }
    let end = thread_cpu_ns()?;
    Some((end - start) as f64 / f64::from(runs) / 1e6)
}

/// Sample `name` cut to its masthead, title and first paragraph: a
/// one-page document, for the fixed cost of a document.
fn one_page(name: &str, options: &WriteOptions) -> Document {
    let mut doc = read_sample(name);
    doc.summary = None;
    doc.preamble.clear();
    doc.annexes.clear();
    doc.footnotes.clear();
    doc.body = first_paragraph(&doc.body).into_iter().collect();
    let pages = write::pdf::write(&doc, options)
        .expect("renders")
        .pages
        .unwrap_or(0);
    assert_eq!(pages, 1, "{name}: one page");
    doc
}

/// The first numbered paragraph of `blocks`, as a block of its own.
fn first_paragraph(blocks: &[Block]) -> Option<Block> {
    blocks.iter().find_map(|b| match b {
        Block::Para(_) => Some(b.clone()),
        Block::Chapter(d) | Block::Section(d) => first_paragraph(&d.blocks),
        _ => None,
    })
}

/// CPU time of this thread in nanoseconds (Linux `schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Sample `name` with its body repeated until the PDF has ten pages or
/// more; with the page count.
fn ten_pages(name: &str, options: &WriteOptions) -> (Document, u32) {
    ten_pages_of(read_sample(name), options)
}

/// `doc` with its body repeated until the PDF has ten pages or more; with
/// the page count.
fn ten_pages_of(mut doc: Document, options: &WriteOptions) -> (Document, u32) {
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
