//! FRBR IRIs by the Akoma Ntoso Naming Convention as AKN4UN profiles it
//! (<https://unsceb-hlcm.github.io/part1/index-145.html>):
//!
//! - Work: `/akn/un/{docType}/{subtype}/{actor}/{date}/{number}`, e.g.
//!   `/akn/un/doc/report/un-ga/2025-08-04/A-80-312`;
//! - Expression: `{work}/{language}@{date}` with the ISO 639-2 code;
//! - Manifestation: `{expression}.xml`; the `FRBRthis` of each level adds
//!   the component, `/!main` (`/!main.xml` for the manifestation).
//!
//! In the number, `/` becomes `-` and a space `_`; the symbol as printed is
//! kept in `FRBRnumber/@showAs` and `<docNumber>`. The actor is the organ
//! the symbol's series and body codes name, `un-` then dash-separated
//! (`un-ga`, `un-ga-hrc`, `un-sc`).

use super::DocClass;
use crate::lang::Lang;
use crate::model::Date;

/// Parts of a symbol that say what a document is, not who issued it.
const NATURE_CODES: [&str; 4] = ["RES", "DEC", "PRST", "INF"];

/// The document type and subtype a symbol names: resolutions, decisions
/// and presidential statements are AKN4UN deliberative statements, any
/// other document a report-like `doc`.
pub fn symbol_class(symbol: &str) -> DocClass {
    let nature = split_at(symbol, '/').find_map(|part| match part {
        "RES" => Some("resolution"),
        "DEC" => Some("decision"),
        "PRST" => Some("presidentialStatement"),
        _ => None,
    });
    match nature {
        Some(name) => DocClass {
            doc_type: "statement",
            subtype: "deliberation",
            name,
        },
        None => DocClass {
            doc_type: "doc",
            subtype: "report",
            name: "report",
        },
    }
}

/// `text` split at `separator` by a plain scan: a symbol is a few bytes,
/// where `str::split(char)` sets up a vectorised search (and compares each
/// match with a library call) for every part.
#[allow(clippy::manual_pattern_char_comparison)] // the scan is the point
fn split_at(text: &str, separator: char) -> std::str::Split<'_, impl FnMut(char) -> bool> {
    text.split(move |c| c == separator)
}

/// The symbol as the number part of an IRI: `A/80/6 (Sect. 29)` →
/// `A-80-6_(Sect._29)`.
pub fn number(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len());
    push_number(&mut out, symbol);
    out
}

/// Appends [`number`]'s form of `symbol` to `out`.
pub fn push_number(out: &mut String, symbol: &str) {
    let spelled = |c| match c {
        '/' => '-',
        ' ' => '_',
        c => c,
    };
    let symbol = symbol.trim();
    if symbol.is_ascii() {
        // Symbols are ASCII: one byte per character, no decoding.
        out.extend(symbol.bytes().map(|b| spelled(char::from(b))));
    } else {
        out.extend(symbol.chars().map(spelled));
    }
}

/// The issuing organ a symbol names, as an IRI actor: the series (`A` is
/// `ga`, `S` `sc`, `E` `ecosoc`, `T` `tc`, others in lower case) and the
/// body codes before the first number (`HRC`, `C.5` → `c5`), after `un-`.
pub fn actor(symbol: &str) -> String {
    let mut out = String::with_capacity(8);
    push_actor(&mut out, symbol);
    out
}

/// Appends [`actor`]'s form of `symbol` to `out`.
pub fn push_actor(out: &mut String, symbol: &str) {
    let mut parts = split_at(symbol, '/');
    out.push_str("un-");
    match parts.next().unwrap_or("").trim() {
        "A" => out.push_str("ga"),
        "S" => out.push_str("sc"),
        "E" => out.push_str("ecosoc"),
        "T" => out.push_str("tc"),
        other => push_lowercase(out, other),
    }
    let bodies = parts
        .take_while(|p| !p.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|p| !p.is_empty() && !NATURE_CODES.contains(p));
    for body in bodies {
        out.push('-');
        for piece in split_at(body, '.') {
            push_lowercase(out, piece);
        }
    }
}

/// Appends `text` in ASCII lower case.
fn push_lowercase(out: &mut String, text: &str) {
    let at = out.len();
    out.push_str(text);
    out[at..].make_ascii_lowercase();
}

/// The Work IRI of the document `symbol` issued on `date`.
pub fn work(symbol: &str, date: Date) -> String {
    let mut out = String::with_capacity(64 + 2 * symbol.len());
    let actor = actor(symbol);
    push_work(&mut out, symbol_class(symbol), symbol, &actor, &date.iso());
    out
}

/// Appends [`work`]'s IRI to `out`, for a writer that has the symbol's
/// class and [`actor`] already and the date in ISO form (it makes them
/// once for all its IRIs).
pub fn push_work(out: &mut String, class: DocClass, symbol: &str, actor: &str, iso_date: &str) {
    for part in [
        "/akn/un/",
        class.doc_type,
        "/",
        class.subtype,
        "/",
        actor,
        "/",
        iso_date,
        "/",
    ] {
        out.push_str(part);
    }
    push_number(out, symbol);
}

/// The Expression IRI of `work` in `lang`, as of `date`.
pub fn expression(work: &str, lang: Lang, date: Date) -> String {
    let mut out = String::with_capacity(work.len() + 16);
    push_expression(&mut out, work, lang, &date.iso());
    out
}

/// Appends [`expression`]'s IRI to `out`, with the date in ISO form.
pub fn push_expression(out: &mut String, work: &str, lang: Lang, iso_date: &str) {
    for part in [work, "/", lang.iso639_2(), "@", iso_date] {
        out.push_str(part);
    }
}

/// Appends the Manifestation IRI of `expression` in XML to `out` (the
/// writer builds IRIs in reused buffers, so these append).
pub fn push_manifestation(out: &mut String, expression: &str) {
    out.push_str(expression);
    out.push_str(".xml");
}

/// Appends the IRI of component `name` (`main`, `annex_1`) of a Work or
/// Expression `iri` to `out`.
pub fn push_component(out: &mut String, iri: &str, name: &str) {
    out.push_str(iri);
    out.push_str("/!");
    out.push_str(name);
}

/// Appends the IRI of component `name` of the XML Manifestation of
/// `expression`: the component comes before the format
/// (`…@2025-08-04/!main.xml`).
pub fn push_manifestation_component(out: &mut String, expression: &str, name: &str) {
    push_component(out, expression, name);
    out.push_str(".xml");
}

/// The Work IRI a reference to a cited symbol points at. Its date is not
/// known, so the year the symbol names stands for it (the naming
/// convention allows a year): a `(2023)` parenthetical, a year part
/// (`S/2023/123`), or the year a General Assembly session opened
/// (`A/RES/70/1` → 2015); a symbol that names no year has no date part.
pub fn cited_work(symbol: &str) -> String {
    let mut out = String::with_capacity(48 + 2 * symbol.len());
    push_cited_work(&mut out, symbol);
    out
}

/// Appends [`cited_work`]'s IRI of `symbol` to `out` (a writer's reused
/// buffer: a report cites dozens of symbols).
pub fn push_cited_work(out: &mut String, symbol: &str) {
    let class = symbol_class(symbol);
    for part in ["/akn/un/", class.doc_type, "/", class.subtype, "/"] {
        out.push_str(part);
    }
    let actor_at = out.len();
    push_actor(out, symbol);
    if let Some(year) = cited_year(symbol, &out[actor_at..]) {
        out.push('/');
        crate::lang::push_decimal(out, year);
    }
    out.push('/');
    push_number(out, symbol);
}

/// The year a symbol (of organ `actor`) names, if any (see [`cited_work`]).
fn cited_year(symbol: &str, actor: &str) -> Option<u32> {
    let paren_year = split_at(symbol, '(').skip(1).find_map(|p| {
        let inner = split_at(p, ')').next()?;
        (inner.len() == 4).then(|| inner.parse().ok()).flatten()
    });
    let first_number: Option<u32> = split_at(symbol, '/')
        .map(|p| split_at(p, ' ').next().unwrap_or(p))
        .find(|p| p.starts_with(|c: char| c.is_ascii_digit()))
        .and_then(|p| p.parse().ok());
    let ga_session = actor == "un-ga"
        || actor
            .strip_prefix("un-ga-c")
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit());
    paren_year
        .or(first_number.filter(|n| (1946..=2100).contains(n)))
        .or(first_number
            .filter(|n| ga_session && *n < 200)
            .map(|n| 1945 + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse_iso(s).expect("date")
    }

    #[test]
    fn work_iris_keep_the_symbol_as_the_number() {
        assert_eq!(
            work("A/80/312", date("2025-08-04")),
            "/akn/un/doc/report/un-ga/2025-08-04/A-80-312"
        );
        assert_eq!(
            work("A/80/312/Add.1", date("2025-09-01")),
            "/akn/un/doc/report/un-ga/2025-09-01/A-80-312-Add.1"
        );
        assert_eq!(
            work("A/HRC/58/12/Rev.1", date("2025-03-03")),
            "/akn/un/doc/report/un-ga-hrc/2025-03-03/A-HRC-58-12-Rev.1"
        );
        assert_eq!(
            work("A/80/6 (Sect. 29)", date("2025-04-22")),
            "/akn/un/doc/report/un-ga/2025-04-22/A-80-6_(Sect._29)"
        );
        assert_eq!(
            work("S/RES/2712 (2023)", date("2023-11-15")),
            "/akn/un/statement/deliberation/un-sc/2023-11-15/S-RES-2712_(2023)"
        );
        assert_eq!(
            work("CAC/COSP/EG.1/2023/4", date("2023-09-29")),
            "/akn/un/doc/report/un-cac-cosp-eg1/2023-09-29/CAC-COSP-EG.1-2023-4"
        );
    }

    #[test]
    fn numbers_and_actors_keep_characters_beyond_ascii() {
        assert_eq!(number(" E/ICEF/2025/Révision 1 "), "E-ICEF-2025-Révision_1");
        // Lower case is ASCII's: IRIs of other scripts keep their letters.
        assert_eq!(actor("UNEP/ÉA.6/1"), "un-unep-Éa6");
        assert_eq!(actor("a/C.5/80/2"), "un-a-c5");
    }

    #[test]
    fn expressions_and_manifestations_extend_the_work() {
        let work = work("A/80/312", date("2025-08-04"));
        let expression = expression(&work, Lang::Zh, date("2025-08-04"));
        assert_eq!(
            expression,
            "/akn/un/doc/report/un-ga/2025-08-04/A-80-312/zho@2025-08-04"
        );
        let built = |push: &dyn Fn(&mut String)| {
            let mut out = String::new();
            push(&mut out);
            out
        };
        assert_eq!(
            built(&|o| push_manifestation(o, &expression)),
            "/akn/un/doc/report/un-ga/2025-08-04/A-80-312/zho@2025-08-04.xml"
        );
        assert_eq!(
            built(&|o| push_manifestation_component(o, &expression, "main")),
            "/akn/un/doc/report/un-ga/2025-08-04/A-80-312/zho@2025-08-04/!main.xml"
        );
        assert_eq!(
            built(&|o| push_component(o, &expression, "annex_1")),
            "/akn/un/doc/report/un-ga/2025-08-04/A-80-312/zho@2025-08-04/!annex_1"
        );
        let codes: Vec<&str> = crate::lang::ALL.iter().map(|l| l.iso639_2()).collect();
        assert_eq!(codes, ["ara", "zho", "eng", "fra", "rus", "spa"]);
    }

    #[test]
    fn cited_symbols_point_at_a_work_with_the_year_they_name() {
        assert_eq!(
            cited_work("S/RES/2712 (2023)"),
            "/akn/un/statement/deliberation/un-sc/2023/S-RES-2712_(2023)"
        );
        assert_eq!(
            cited_work("A/RES/70/1"),
            "/akn/un/statement/deliberation/un-ga/2015/A-RES-70-1"
        );
        assert_eq!(
            cited_work("A/79/266/Add.1"),
            "/akn/un/doc/report/un-ga/2024/A-79-266-Add.1"
        );
        assert_eq!(
            cited_work("A/C.5/80/2/Rev.1"),
            "/akn/un/doc/report/un-ga-c5/2025/A-C.5-80-2-Rev.1"
        );
        assert_eq!(
            cited_work("A/80/6 (Sect. 29)"),
            "/akn/un/doc/report/un-ga/2025/A-80-6_(Sect._29)"
        );
        assert_eq!(
            cited_work("S/2023/123"),
            "/akn/un/doc/report/un-sc/2023/S-2023-123"
        );
        assert_eq!(
            cited_work("A/HRC/58/1"),
            "/akn/un/doc/report/un-ga-hrc/A-HRC-58-1"
        );
    }
}
