//! YAML front matter: the masthead fields (the keys of `--set`) and
//! pandoc's `title` and `subtitle`, each with the line it was read at.
//! Parsed with serde-saphyr (pure Rust, no unsafe code, maintained; the
//! serde_yaml crate is archived and serde_yml is flagged unmaintained).

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned as Located;

use super::source::Source;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;
use crate::read::fields;
use crate::suggest;

/// pandoc's keys undoc takes besides the masthead fields.
const TITLE_KEYS: [&str; 2] = ["title", "subtitle"];

/// One `key: value` of the front matter.
pub(super) struct Entry {
    pub key: String,
    /// The value; a list (`organ`, `agenda`) joined with `|`.
    pub value: String,
    /// Where the value was read.
    pub span: Span,
}

/// Reads the front matter `yaml`, which starts at byte `at` of `src`.
/// Unknown keys are errors that name the nearest known key.
pub(super) fn read(yaml: &str, at: usize, src: &Source, out: &mut Vec<Diagnostic>) -> Vec<Entry> {
    let first_line = src.line_no(at);
    let span = |line: u64, column: u64| {
        Span::new(first_line + line.max(1) as u32 - 1, column.max(1) as u32)
    };
    let map: Map = match serde_saphyr::from_str(yaml) {
        Ok(map) => map,
        Err(e) => {
            let at = e
                .location()
                .map_or(Span::new(first_line, 1), |l| span(l.line(), l.column()));
            let first = e.to_string();
            let first = first.lines().next().unwrap_or("");
            out.push(Diagnostic::new(
                Code::FrontMatter,
                at,
                format!("the front matter is not YAML `key: value` lines: {first}"),
            ));
            return Vec::new();
        }
    };
    let mut entries = Vec::new();
    for (key, value) in map.0 {
        let key_span = span(key.referenced.line(), key.referenced.column());
        let known = fields::KEYS.iter().chain(&TITLE_KEYS);
        if !known.clone().any(|k| *k == key.value) {
            let hint = suggest::did_you_mean(&key.value, known.copied());
            out.push(
                Diagnostic::new(
                    Code::FrontMatter,
                    key_span,
                    format!(
                        "unknown front matter key `{}`{hint}: the keys are {}, title, subtitle",
                        key.value,
                        fields::KEYS.join(", ")
                    ),
                )
                .with_length(key.value.chars().count() as u32),
            );
            continue;
        }
        entries.push(Entry {
            key: key.value,
            value: value.value.0,
            span: span(value.referenced.line(), value.referenced.column()),
        });
    }
    entries
}

/// The front matter's entries, in order.
struct Map(Vec<(Located<String>, Located<Value>)>);

/// A value: a scalar as written, or a list of scalars joined with `|`.
struct Value(String);

impl<'de> Deserialize<'de> for Map {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = Map;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`key: value` lines")
            }
            fn visit_unit<E>(self) -> Result<Map, E> {
                Ok(Map(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Map, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Map(entries))
            }
        }
        d.deserialize_map(MapVisitor)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, a number, a date or a list of them")
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(Value(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
                Ok(Value(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value(String::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut parts = Vec::new();
                while let Some(Value(part)) = seq.next_element()? {
                    parts.push(part);
                }
                Ok(Value(parts.join(" | ")))
            }
        }
        d.deserialize_any(ValueVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(yaml: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
        let text = format!("---\n{yaml}---\n");
        let src = Source::new(&text);
        let mut out = Vec::new();
        (read(yaml, 4, &src, &mut out), out)
    }

    #[test]
    fn keys_values_and_lists_with_their_lines() {
        let (e, out) = entries(
            "symbol: A/80/312\norgan:\n  - General Assembly\n  - Human Rights Council\ndate: 2025-08-04\nsession: 80\n",
        );
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(
            (e[0].key.as_str(), e[0].value.as_str(), e[0].span.line),
            ("symbol", "A/80/312", 2)
        );
        assert_eq!(e[1].value, "General Assembly | Human Rights Council");
        assert_eq!((e[2].value.as_str(), e[2].span.line), ("2025-08-04", 6));
        assert_eq!(e[3].value, "80");
    }

    #[test]
    fn an_unknown_key_names_the_nearest_known_one() {
        let (e, out) = entries("sybmol: A/80/312\ntitle: A title\n");
        assert_eq!(e.len(), 1);
        assert_eq!(
            (out[0].code, out[0].span),
            (Code::FrontMatter, Span::new(2, 1))
        );
        assert!(
            out[0].message.contains("did you mean `symbol`?"),
            "{}",
            out[0].message
        );
        let (_, out) = entries("symbol: [unclosed\n");
        assert_eq!(out[0].code, Code::FrontMatter);
    }
}
