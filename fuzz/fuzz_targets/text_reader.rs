//! Fuzzes the text reader: any bytes must give a document or diagnostics,
//! never a panic. An input starting with `recipe::MAGIC` is expanded first
//! (emphasis density, long words, numbers past `u32::MAX`, annexes), and the
//! rules are checked on what was read.
#![no_main]

mod recipe;

use libfuzzer_sys::fuzz_target;
use undoc::read::{self, InputFormat, Source};
use undoc::validate::rules;

fuzz_target!(|data: &[u8]| {
    let text = InputFormat::by_name("text").expect("text reader");
    let Some(source) = recipe::text(data) else {
        let _ = read::read(&Source::bytes(data), text, &[]);
        return;
    };
    let outcome = read::read(&Source::bytes(source.as_bytes()), text, &[]);
    if let Some(doc) = &outcome.document {
        let _ = rules::check(doc);
    }
});
