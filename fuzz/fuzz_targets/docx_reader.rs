//! Fuzzes the Word reader on zipped inputs: any bytes must give a document
//! or diagnostics, never a panic. The first byte chooses what the rest is:
//! even, a whole package (zip directory, limits, OLE containers); odd, the
//! `word/document.xml` of a package zipped here with fixed styles and
//! numbering, so the fuzzer works on the story's XML itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use undoc::read::docx::package::story_package;
use undoc::read::{self, InputFormat, Source};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let bytes = if selector % 2 == 0 { rest.to_vec() } else { story_package(rest) };
    let format = InputFormat::by_name("docx").expect("the Word reader");
    let _ = read::read(&Source::bytes(&bytes), format, &[]);
});
