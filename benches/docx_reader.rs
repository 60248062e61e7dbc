//! The Word reader: each official DGACM Word file of
//! `tests/fixtures/un-official/` read from its bytes into the model, on one
//! thread (inflate, XML streaming, styles, numbering, tables, footnotes).
//! The goal: a 40-page report with 40 tables in under 20 ms (A/80/614 has
//! 48 pages and 38 tables).
//!
//! ```sh
//! cargo bench --bench docx_reader
//! ```

use std::path::PathBuf;

use divan::Bencher;
use divan::counter::BytesCount;
use undoc::read::{self, InputFormat, Source};

fn main() {
    divan::main();
}

const FILES: [&str; 5] = [
    "A_80_614",
    "A_80_600",
    "A_80_630",
    "A_80_604_Add.1",
    "A_80_6_Sect.29",
];

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/un-official")
        .join(format!("{name}.docx"))
}

/// One Word file to the model.
#[divan::bench(args = FILES)]
fn read_docx(bencher: Bencher, name: &str) {
    let bytes = std::fs::read(path(name)).expect("fixture");
    let format = InputFormat::by_name("docx").expect("the Word reader");
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        let outcome = read::read(&Source::bytes(divan::black_box(&bytes)), format, &[]);
        assert!(outcome.document.is_some());
        outcome
    });
}
