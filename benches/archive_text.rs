//! Archive text: the text pdftotext extracts from the official PDFs of
//! `tests/fixtures/un-official/` (raw and `-layout`), read into the model
//! on one thread (pages, furniture, contents, footnotes, tables, joined
//! lines, then the text reader). The goal: a 48-page report (A/80/614) in
//! under 10 ms. The text is extracted once, before timing; without
//! pdftotext (poppler-utils) the benchmark has nothing to read and says so.
//!
//! ```sh
//! cargo bench --bench archive_text
//! ```

use std::path::PathBuf;
use std::process::Command;

use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

const FILES: [&str; 4] = ["A_80_614", "A_80_600", "A_80_630", "A_80_604_Add.1"];

/// The PDF's text as pdftotext gives it, `-layout` or raw.
fn extracted(name: &str, layout: bool) -> Option<String> {
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/un-official")
        .join(format!("{name}.pdf"));
    let mut cmd = Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    match cmd.arg(&pdf).arg("-").output() {
        Ok(out) if out.status.success() => String::from_utf8(out.stdout).ok(),
        _ => {
            eprintln!("pdftotext (poppler-utils) is not installed: nothing to read");
            None
        }
    }
}

fn bench_text(bencher: Bencher, name: &str, layout: bool) {
    let Some(text) = extracted(name, layout) else {
        return;
    };
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| undoc::read::text::read(divan::black_box(&text)));
}

/// `pdftotext -layout` text (what `.pdf` input reads) to the model.
#[divan::bench(args = FILES)]
fn read_layout_text(bencher: Bencher, name: &str) {
    bench_text(bencher, name, true);
}

/// Raw `pdftotext` text to the model.
#[divan::bench(args = FILES)]
fn read_raw_text(bencher: Bencher, name: &str) {
    bench_text(bencher, name, false);
}
