//! Differential fuzzing of validation beside reading: the schema check that
//! watches the XML reader tokenize a source (fastxml fed the reader's
//! events, vendor/fastxml/UNDOC-PATCH.md, twelfth change) must report what
//! fastxml reports when it parses the source again itself. Where fastxml's
//! own tokenizer had no place or a place one character late for a
//! well-formedness error (a start tag's attributes, the XML declaration),
//! the watched check may place it better: for those only the line is
//! compared, when the second parse gave one.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use undoc::diagnostic::Code;
use undoc::read::{self, InputFormat, Source};
use undoc::validate::{self, FastXml};

static ENGINE: LazyLock<FastXml> = LazyLock::new(|| FastXml::embedded().expect("the embedded schema compiles"));

/// What validation reports of `data` as undoc XML, watched or parsed again.
fn reported(data: &[u8], watched: bool) -> Vec<(Code, u32, u32, String)> {
    let format = InputFormat::by_name("xml").expect("XML reader");
    let engine = &*ENGINE;
    let mut watch = if watched { validate::watch_reading(format, engine) } else { None };
    let shown = validate::as_xml_watch(&mut watch);
    let mut outcome = read::read_watched(&Source::bytes(data), format, &[], shown);
    let checked = validate::check_outcome(&mut outcome, format, engine, watch);
    checked
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.span.line, d.span.column, d.message.replace("parse error: not well-formed", "not well-formed")))
        .collect()
}

const STOPPED: &str = "the validator stopped: ";

type Reported = (Code, u32, u32, String);

/// The well-formedness error that stopped the schema check, and the rest.
fn split(reported: Vec<Reported>) -> (Vec<Reported>, Vec<Reported>) {
    reported.into_iter().partition(|d| d.3.starts_with(STOPPED))
}

fuzz_target!(|data: &[u8]| {
    let watched = reported(data, true);
    let parsed = reported(data, false);
    let (w_stop, w_rest) = split(watched.clone());
    let (p_stop, p_rest) = split(parsed.clone());
    let agree = if w_stop.is_empty() && p_stop.is_empty() {
        watched == parsed
    } else {
        // The same stop, on the same line when the second parse placed it;
        // the namespace pass's findings then skip the stop's line (one
        // error a line), wherever the stop is placed.
        let stop_line = w_stop.first().map(|d| d.1);
        // At most 100 violations are kept, in order: what one keeps past
        // the other's last line is not compared.
        let last = |r: &[Reported]| r.iter().map(|d| d.1).max().unwrap_or(0);
        let horizon = match watched.len().max(parsed.len()) {
            100.. => last(&watched).min(last(&parsed)),
            _ => u32::MAX,
        };
        let w_rest: Vec<_> = w_rest.into_iter().filter(|d| d.1 < horizon).collect();
        let p_rest: Vec<_> = p_rest.into_iter().filter(|d| d.1 < horizon).collect();
        w_stop.len() == p_stop.len()
            && w_stop.iter().zip(&p_stop).all(|(w, p)| w.0 == p.0 && w.3 == p.3 && (p.1 == 0 || w.1 == p.1))
            && w_rest.iter().all(|d| p_rest.contains(d))
            && p_rest.iter().all(|d| w_rest.contains(d) || Some(d.1) == stop_line)
    };
    assert!(agree, "watched {watched:#?}\nparsed again {parsed:#?}\n{}", String::from_utf8_lossy(data));
});
