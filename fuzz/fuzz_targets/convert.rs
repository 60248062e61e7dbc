//! Fuzzes the whole path: read (text or XML, by the first byte) → validate →
//! write every format. Any input must end in outputs or diagnostics.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use undoc::read::{self, SourceFormat};
use undoc::validate::{self, FastXml};
use undoc::write::{self, OutputFormat, WriteOptions};

static ENGINE: LazyLock<FastXml> = LazyLock::new(|| FastXml::embedded().expect("the embedded schema compiles"));

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = if selector % 2 == 0 { SourceFormat::Text } else { SourceFormat::Xml };
    let Ok(text) = read::decode(bytes) else {
        return;
    };
    let outcome = read::parse(&text, format, &[]);
    let checked = validate::check(&text, format, outcome, &*ENGINE);
    if let (Some(doc), Some(xml)) = (&checked.document, &checked.xml) {
        for format in OutputFormat::built() {
            let _ = write::render(format, doc, xml, &WriteOptions::default());
        }
    }
});
