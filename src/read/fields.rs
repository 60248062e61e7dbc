//! Masthead fields that front matter (`key: value`) and `--set key=value` supply
//! or override, for documents of any source format.

use crate::diagnostic::{Code, Diagnostic};
use crate::lang::{self, Lang};
use crate::model::{Contents, Date, Distribution, Document, DutyStation, Span, Spanned};

/// The keys front matter and `--set` accept.
pub const KEYS: [&str; 11] = [
    "symbol",
    "organ",
    "distribution",
    "date",
    "language",
    "original",
    "session",
    "agenda",
    "job-number",
    "duty-station",
    "contents",
];

/// Sets masthead field `key` of `doc` to `value` (read at `span`).
///
/// `organ` and `agenda` take several lines separated by `|`; `contents`
/// (a table of contents, which is no masthead field but is given the same
/// way) takes `yes`, `before-summary` or `no`.
pub fn apply(doc: &mut Document, key: &str, value: &str, span: Span) -> Result<(), Diagnostic> {
    let value = value.trim();
    let field = KEYS.iter().copied().find(|k| *k == key);
    let bad = |what: &str| {
        let d = Diagnostic::new(
            Code::BadValue,
            span,
            format!("`{key}`: `{value}` is not {what}"),
        );
        match field {
            Some(k) => d.about(k),
            None => d,
        }
    };
    let m = &mut doc.masthead;
    let lines = || {
        value
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Spanned::new(s.to_string(), span))
            .collect::<Vec<_>>()
    };
    match key {
        "symbol" => m.symbol = Some(Spanned::new(value.to_string(), span)),
        "organ" => m.organ = lines(),
        "agenda" => m.agenda = lines(),
        "session" => m.session = Some(Spanned::new(value.to_string(), span)),
        "job-number" => m.job_number = Some(Spanned::new(value.to_string(), span)),
        "distribution" => {
            let d = Distribution::parse(value)
                .or_else(|| lang::parse_distribution(value))
                .or_else(|| lang::parse_distribution(&format!("Distr.: {value}")))
                .ok_or_else(|| bad("a distribution (General, Limited or Restricted)"))?;
            m.distribution = Some(Spanned::new(d, span));
        }
        "date" => {
            let d = Date::parse_iso(value)
                .or_else(|| lang::parse_written_date(value))
                .ok_or_else(|| bad("a date (2023-09-29 or 29 September 2023)"))?;
            m.date = Some(Spanned::new(d, span));
        }
        "original" => {
            let l = Lang::from_name(value).ok_or_else(|| bad("an official language"))?;
            m.original = Some(Spanned::new(l, span));
        }
        "language" => {
            doc.lang = Lang::from_name(value)
                .ok_or_else(|| bad("an official language (ar, zh, en, fr, ru, es or its name)"))?
        }
        "contents" => {
            doc.contents = match value {
                "yes" | "after-summary" => Some(Contents {
                    before_summary: false,
                    span,
                }),
                "before-summary" => Some(Contents {
                    before_summary: true,
                    span,
                }),
                "no" => None,
                _ => return Err(bad("yes, before-summary or no")),
            }
        }
        "duty-station" => {
            let d = DutyStation::parse(value)
                .ok_or_else(|| bad("a duty station (New York, Geneva, Vienna or Nairobi)"))?;
            m.duty_station = Some(Spanned::new(d, span));
        }
        _ => {
            return Err(Diagnostic::new(
                Code::FrontMatter,
                span,
                format!(
                    "unknown key `{key}`{}: the keys are {}",
                    crate::suggest::did_you_mean(key, KEYS),
                    KEYS.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Splits a `KEY=VALUE` option; used for `--set`.
pub fn parse_assignment(s: &str) -> Result<(String, String), String> {
    let (key, value) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}` is not KEY=VALUE"))?;
    let key = key.trim();
    if !KEYS.contains(&key) {
        return Err(format!(
            "unknown key `{key}`{}: the keys are {}",
            crate::suggest::did_you_mean(key, KEYS),
            KEYS.join(", ")
        ));
    }
    Ok((key.to_string(), value.to_string()))
}
