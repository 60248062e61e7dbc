//! Fuzzes the whole path: read (text, XML or Markdown, by the first byte) → validate →
//! write every format, as the batch does for one document. Any input must
//! end in outputs or diagnostics. The batch catches panics (UND090); here a
//! caught panic is turned back into one, so the fuzzer reports it.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use undoc::diagnostic::Code;
use undoc::pipeline::{self, Job};
use undoc::read::{InputFormat, Source};
use undoc::validate::FastXml;
use undoc::write::{OUTPUT_FORMATS, OutputFormat, WriteOptions};

static ENGINE: LazyLock<FastXml> = LazyLock::new(|| FastXml::embedded().expect("the embedded schema compiles"));

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = ["text", "xml", "markdown"][usize::from(selector % 3)];
    let format = InputFormat::by_name(name).expect("a reader");
    let outputs: Vec<&'static OutputFormat> = OUTPUT_FORMATS.iter().collect();
    let options = WriteOptions::default();
    let job = Job::in_memory(&*ENGINE, &outputs, &options);
    let converted = pipeline::convert(&Source::bytes(bytes), format, &job);
    if let Some(d) = converted.diagnostics.iter().find(|d| d.code == Code::Internal) {
        panic!("{}", d.message);
    }
});
