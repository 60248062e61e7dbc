//! Fuzzes the Markdown reader: any bytes must give a document or diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use undoc::read::{self, InputFormat, Source};

fuzz_target!(|data: &[u8]| {
    let _ = read::read(&Source::bytes(data), InputFormat::by_name("markdown").expect("Markdown reader"), &[]);
});
