//! Fuzzes the UN XML reader: any bytes must give a document or diagnostics,
//! never a panic. An input starting with `recipe::MAGIC` is expanded first
//! (attribute counts, namespaces and prefixes, emphasis density, long words,
//! huge numbers) and also checked by the schema engine, which must agree
//! with the reader about namespaces both ways.
#![no_main]

mod recipe;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use undoc::diagnostic::Code;
use undoc::read::{self, InputFormat, Source};
use undoc::validate::{FastXml, SchemaEngine};

static ENGINE: LazyLock<FastXml> = LazyLock::new(|| FastXml::embedded().expect("the embedded schema compiles"));

fuzz_target!(|data: &[u8]| {
    let xml = InputFormat::by_name("xml").expect("XML reader");
    let Some(source) = recipe::xml(data) else {
        let _ = read::read(&Source::bytes(data), xml, &[]);
        return;
    };
    let outcome = read::read(&Source::bytes(source.as_bytes()), xml, &[]);
    let refused = |code| outcome.diagnostics.iter().any(|d| d.code == code);
    if refused(Code::MalformedXml) || refused(Code::ForbiddenXml) {
        return; // the schema engine never sees such a file
    }
    let violations = ENGINE.validate(&source);
    let reader_foreign = outcome
        .diagnostics
        .iter()
        .any(|d| d.code == Code::Schema && d.message.contains("namespace"));
    let engine_foreign = violations.iter().any(|v| v.message.contains("but the schema declares it in"));
    assert!(
        !reader_foreign || !violations.is_empty(),
        "the reader refused a foreign namespace the engine accepted:\n{source}"
    );
    assert!(
        !engine_foreign || !outcome.diagnostics.is_empty(),
        "the engine refused a foreign namespace the reader accepted:\n{violations:?}"
    );
});
