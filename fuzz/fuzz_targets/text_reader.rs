//! Fuzzes the text reader: any bytes must give a document or diagnostics,
//! never a panic. An input starting with `recipe::MAGIC` is expanded first
//! (emphasis density, long words, numbers past `u32::MAX`, annexes), and the
//! rules are checked on what was read.
#![no_main]

mod recipe;

use libfuzzer_sys::fuzz_target;
use undoc::read::{self, SourceFormat};
use undoc::validate::rules;

fuzz_target!(|data: &[u8]| {
    let Some(source) = recipe::text(data) else {
        let _ = read::read(data, SourceFormat::Text, &[]);
        return;
    };
    let outcome = read::parse(&source, SourceFormat::Text, &[]);
    if let Some(doc) = &outcome.document {
        let _ = rules::check(doc);
    }
});
