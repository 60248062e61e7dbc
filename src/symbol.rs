//! UN document symbols: the grammar of UN-CONVENTIONS §2 and the search for
//! symbols cited in running text.
//!
//! A symbol is slash-separated: a series (`A`, `S`, `E`, `CAC`), then parts
//! that are numbers (`78`, `2023`), body or nature codes (`COSP`, `EG.1`,
//! `C.5`, `L.1`, `RES`), and finally stacked suffixes (`Add.1`, `Corr.2`,
//! `Rev.1`, `Amend.1`). A part may carry a parenthetical: `(Sect. 24)`, `(2023)`.

/// Why a string is not a document symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolError(pub String);

impl std::fmt::Display for SymbolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

const SUFFIXES: [&str; 4] = ["Add", "Corr", "Rev", "Amend"];
const MAX_LEN: usize = 100;

/// Checks `s` against the symbol grammar.
pub fn parse(s: &str) -> Result<(), SymbolError> {
    let err = |m: String| Err(SymbolError(m));
    if s.is_empty() {
        return err("the symbol is empty".into());
    }
    if s.len() > MAX_LEN {
        return err(format!("a symbol has at most {MAX_LEN} characters"));
    }
    // Bytes, not characters, and no list of the parts: symbols are checked
    // wherever one is cited, and this took 1,800 instructions a symbol.
    if !s.bytes().all(|b| b.is_ascii_graphic() || b == b' ')
        && let Some(c) = s.chars().find(|c| !c.is_ascii_graphic() && *c != ' ')
    {
        return err(format!("`{c}` cannot appear in a symbol"));
    }
    let Some((series, parts)) = split_byte(s, b'/') else {
        return err("a symbol has at least two parts separated by `/` (e.g. `A/78/1`)".into());
    };
    if series.is_empty() || series.len() > 10 || !series.bytes().all(|b| b.is_ascii_uppercase()) {
        return err(format!(
            "`{series}` is not a series: it must be capital letters such as `A`, `S`, `E/CN.4`, `CAC`"
        ));
    }
    let mut in_suffixes = false;
    let mut main_has_digit = false;
    for part in parts.split('/') {
        let (core, paren) = split_paren(part)?;
        if core.is_empty() {
            return err("empty part: two `/` in a row or a trailing `/`".into());
        }
        if let Some(p) = paren {
            check_paren(p)?;
        }
        if is_suffix(core) {
            in_suffixes = true;
            continue;
        }
        if in_suffixes {
            return err(format!(
                "`{core}` follows a suffix: `/Add.n`, `/Corr.n`, `/Rev.n` and `/Amend.n` come last"
            ));
        }
        if is_number(core) {
            main_has_digit = true;
        } else if is_code(core) {
            main_has_digit |= core.bytes().any(|b| b.is_ascii_digit());
        } else {
            return err(format!(
                "`{core}` is not a symbol part: expected a number (`78`), a code (`COSP`, `EG.1`, `L.2`) or a suffix (`Add.1`)"
            ));
        }
    }
    if !main_has_digit {
        return err(
            "a symbol names a document number or session (e.g. `A/78/1`, `S/RES/2712`)".into(),
        );
    }
    Ok(())
}

/// Whether `s` is a valid symbol.
pub fn is_valid(s: &str) -> bool {
    parse(s).is_ok()
}

/// `s` split at its first `byte`, an ASCII character: a byte loop, which on
/// a symbol's short parts is quicker than a `str` pattern search.
fn split_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == byte)?;
    Some((&s[..at], &s[at + 1..]))
}

fn split_paren(part: &str) -> Result<(&str, Option<&str>), SymbolError> {
    match part.bytes().position(|b| b == b'(') {
        None if part.bytes().any(|b| b == b')') => {
            Err(SymbolError(format!("unbalanced `)` in `{part}`")))
        }
        None => Ok((part, None)),
        Some(open) => {
            let core = &part[..open];
            let Some(core) = core.strip_suffix(' ') else {
                return Err(SymbolError(format!(
                    "a parenthetical in `{part}` is preceded by one space, e.g. `A/80/6 (Sect. 24)`"
                )));
            };
            let inner = part[open + 1..].strip_suffix(')').ok_or_else(|| {
                SymbolError(format!("the parenthetical in `{part}` must close the part"))
            })?;
            Ok((core, Some(inner)))
        }
    }
}

fn check_paren(inner: &str) -> Result<(), SymbolError> {
    let year = inner.len() == 4 && inner.bytes().all(|b| b.is_ascii_digit());
    let sect = inner
        .strip_prefix("Sect. ")
        .is_some_and(|n| is_number(n) && n.len() <= 3);
    if year || sect {
        Ok(())
    } else {
        Err(SymbolError(format!(
            "`({inner})` is not a symbol parenthetical: expected a year `(2023)` or a section `(Sect. 24)`"
        )))
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')
}

/// `COSP`, `EG.1`, `C.5`, `CN.4`, `L.1`, `RES`, `PV.9000`, `AC.105`.
fn is_code(s: &str) -> bool {
    let (letters, number) = match split_byte(s, b'.') {
        Some((l, n)) => (l, Some(n)),
        None => (s, None),
    };
    let letters_ok = !letters.is_empty()
        && letters.len() <= 10
        && letters.bytes().all(|b| b.is_ascii_uppercase());
    letters_ok && number.is_none_or(is_number)
}

fn is_suffix(s: &str) -> bool {
    split_byte(s, b'.').is_some_and(|(word, n)| SUFFIXES.contains(&word) && is_number(n))
}

/// Whether a symbol may start at `i`: a capital ASCII letter not glued to
/// a preceding letter, digit, `/`, `.`, `-` or `_`.
fn starts_candidate(bytes: &[u8], i: usize) -> bool {
    let glued = i > 0
        && (bytes[i - 1].is_ascii_alphanumeric()
            || matches!(bytes[i - 1], b'/' | b'.' | b'-' | b'_'));
    bytes[i].is_ascii_uppercase() && !glued
}

/// Finds the symbols cited in `text`; returns their byte ranges, in order.
///
/// A candidate starts at a capital ASCII letter not glued to a preceding
/// letter, digit, `/` or `.`, runs over symbol characters (and a following
/// `(Sect. n)` or `(YYYY)`), loses trailing `.` and `/`, and counts only if
/// it parses. Resolution numbers such as `第4/2号` never start a candidate.
pub fn find_in_text(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Every symbol has a `/`: most texts have none, and one vectorised
    // search tells.
    if memchr::memchr(b'/', bytes).is_none() {
        return found;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !starts_candidate(bytes, i) {
            i += 1;
            continue;
        }
        let end = candidate_end(text, i);
        let mut cand = &text[i..end];
        cand = cand.trim_end_matches(['.', '/']);
        if cand.contains('/') && is_valid(cand) {
            found.push(i..i + cand.len());
            i += cand.len();
        } else {
            i = end.max(i + 1);
        }
    }
    found
}

/// Finds what looks meant as a symbol in `text` but does not follow the
/// grammar (`A/HRC/54//32`, `A/78/Add.1/2`): capital letters, a `/`, a
/// digit, symbol characters only. Returns their byte ranges and why each
/// is not a symbol. Slash-joined words without a digit (`UN/DESA`) are left alone.
pub fn find_malformed_in_text(text: &str) -> Vec<(std::ops::Range<usize>, SymbolError)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // What looks meant as a symbol has a `/`: most text has none, and
    // one vectorised search tells.
    if memchr::memchr(b'/', bytes).is_none() {
        return found;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !starts_candidate(bytes, i) {
            i += 1;
            continue;
        }
        let end = candidate_end(text, i);
        let cand = text[i..end].trim_end_matches('.');
        let series = cand.split('/').next().unwrap_or("");
        let looks_meant = cand.contains('/')
            && cand.bytes().any(|b| b.is_ascii_digit())
            && series.bytes().all(|b| b.is_ascii_uppercase());
        if looks_meant && let Err(why) = parse(cand.trim_end_matches('/')).and(parse(cand)) {
            found.push((i..i + cand.len(), why));
        }
        i = end.max(i + 1);
    }
    found
}

fn candidate_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    loop {
        while j < bytes.len()
            && (bytes[j].is_ascii_alphanumeric() || matches!(bytes[j], b'/' | b'.'))
        {
            j += 1;
        }
        // A parenthetical after a part: ` (Sect. 24)` or ` (2023)`.
        if let Some(len) = paren_len(&text[j..]) {
            j += len;
            if bytes.get(j) == Some(&b'/') {
                continue;
            }
        }
        return j;
    }
}

fn paren_len(rest: &str) -> Option<usize> {
    let inner_start = rest.strip_prefix(" (")?;
    let close = inner_start.bytes().take(12).position(|b| b == b')')?;
    check_paren(&inner_start[..close]).ok()?;
    Some(2 + close + 1)
}

/// The address a cited symbol links to: `https://undocs.org/<symbol>`,
/// with anything but letters, digits and `/.-_()` percent-encoded.
pub fn undocs_url(symbol: &str) -> String {
    address("https://undocs.org/", symbol)
}

/// The address of a document in one language, as its first-page QR code
/// gives it: `https://docs.un.org/<language>/<symbol>`.
pub fn document_url(lang: crate::lang::Lang, symbol: &str) -> String {
    address(&format!("https://docs.un.org/{}/", lang.code()), symbol)
}

fn address(base: &str, symbol: &str) -> String {
    let mut url = String::from(base);
    for b in symbol.trim().bytes() {
        if b.is_ascii_alphanumeric() || b"/.-_()".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_symbols() {
        for s in [
            "A/78/123",
            "A/78/123/Add.1",
            "CAC/COSP/EG.1/2023/4",
            "CAC/COSP/EG.1/2023/L.1",
            "S/RES/2712 (2023)",
            "A/80/6 (Sect. 24)",
            "A/80/6 (Sect. 24)/Corr.1",
            "A/80/604/Add.1",
            "E/CN.4/2005/L.10",
            "A/RES/77/1",
            "A/C.5/78/L.2/Rev.1/Corr.1",
            "ST/SGB/2019/8",
            "CRC/C/GC/25",
            "HRC/55/12/Add.1",
            "S/PV.9000",
            "E/2023/L.1",
        ] {
            assert!(parse(s).is_ok(), "{s}: {:?}", parse(s));
        }
    }

    #[test]
    fn invalid_symbols() {
        for s in [
            "",
            "A",
            "a/78/1",
            "A//78",
            "A/78/",
            "A/HRC",
            "A/78/Add.1/12",
            "A/78/Add",
            "A/78/1 (see)",
            "A/80/6(Sect. 24)",
            "A/07/1",
            "A/78/1\u{3002}",
            "4/2",
        ] {
            assert!(parse(s).is_err(), "{s} should be invalid");
        }
    }

    #[test]
    fn finds_cited_symbols_in_running_text() {
        let text = "第4/2号决议（CAC/COSP/EG.1/2023/1）and S/RES/2712 (2023) of A/80/6 (Sect. 24)/Corr.1. See A/78/1.";
        let found: Vec<&str> = find_in_text(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "CAC/COSP/EG.1/2023/1",
                "S/RES/2712 (2023)",
                "A/80/6 (Sect. 24)/Corr.1",
                "A/78/1"
            ]
        );
        assert!(find_in_text("Aftab Ahmad Khokher, UN/DESA and ISO/IEC").is_empty());
    }

    #[test]
    fn finds_malformed_symbols_in_running_text() {
        let text = "as in A/HRC/54//32, A/78/1 and UN/DESA, see A/78/Add.1/2.";
        let found: Vec<&str> = find_malformed_in_text(text)
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect();
        assert_eq!(found, ["A/HRC/54//32", "A/78/Add.1/2"]);
        assert!(find_malformed_in_text("S/RES/2712 (2023) and A/80/6 (Sect. 24).").is_empty());
    }

    #[test]
    fn addresses_escape_spaces() {
        assert_eq!(undocs_url("A/RES/70/1"), "https://undocs.org/A/RES/70/1");
        assert_eq!(
            undocs_url("A/80/6 (Sect. 9)"),
            "https://undocs.org/A/80/6%20(Sect.%209)"
        );
        assert_eq!(
            document_url(crate::lang::Lang::En, "A/80/604/Add.1"),
            "https://docs.un.org/en/A/80/604/Add.1"
        );
        assert_eq!(
            document_url(crate::lang::Lang::Zh, "CAC/COSP/EG.1/2023/4"),
            "https://docs.un.org/zh/CAC/COSP/EG.1/2023/4"
        );
    }
}
