//! Scripts as parley's itemizer resolves them: the direct path cuts a
//! paragraph into the same segments, each shaped with its script.

use std::ops::Range;

/// The scripts the direct path shapes; `Common` takes its neighbour's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Script {
    Latin,
    Cyrillic,
    Han,
    Common,
}

impl Script {
    pub(super) fn tag(self) -> harfrust::Script {
        let tag = match self {
            Script::Cyrillic => b"Cyrl",
            Script::Han => b"Hani",
            Script::Latin | Script::Common => b"Latn",
        };
        harfrust::Script::from_iso15924_tag(harfrust::Tag::new(tag))
            .unwrap_or(harfrust::script::UNKNOWN)
    }
}

/// The script of `c` if the direct path takes it (Unicode's `Script`
/// property): letters of Latin and Cyrillic without combining marks, Han
/// ideographs, and the digits, spaces, punctuation and symbols of running
/// text, Chinese full-width forms included (`Common`). Format characters
/// (soft hyphen, joiners), line separators and everything else: `None`.
fn script_of(c: char) -> Option<Script> {
    use Script::*;
    Some(match c {
        'A'..='Z' | 'a'..='z' | 'ª' | 'º' => Latin,
        '\u{C0}'..='\u{24F}' if c != '×' && c != '÷' => Latin,
        ' '..='~' | '\u{A0}'..='\u{BF}' if c != '\u{AD}' => Common,
        '×' | '÷' => Common,
        '\u{400}'..='\u{482}' | '\u{48A}'..='\u{52F}' => Cyrillic,
        '\u{2010}'..='\u{2027}' | '\u{202F}'..='\u{205E}' | '\u{20A0}'..='\u{20C0}' => Common,
        '№' | '™' => Common,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{3005}' | '\u{3007}' => Han,
        '\u{3000}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' => Common,
        '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Latin,
        '\u{FF01}'..='\u{FF5E}' => Common,
        _ => return None,
    })
}

/// Each character's byte offset and script as parley's itemizer resolves
/// it (a character of no script takes the one before it; those at the
/// start take the first real one, Latin if there is none), or `None` if
/// some character is not for the direct path.
pub(super) fn resolved_scripts(text: &str) -> Option<Vec<(usize, Script)>> {
    let raw: Vec<(usize, Script)> = text
        .char_indices()
        .map(|(at, c)| script_of(c).map(|s| (at, s)))
        .collect::<Option<_>>()?;
    let mut current = raw
        .iter()
        .map(|&(_, s)| s)
        .find(|&s| s != Script::Common)
        .unwrap_or(Script::Latin);
    Some(
        raw.into_iter()
            .map(|(at, s)| {
                if s != Script::Common {
                    current = s;
                }
                (at, current)
            })
            .collect(),
    )
}

/// The bytes `range` cut where the resolved script changes.
pub(super) fn segments(
    scripts: &[(usize, Script)],
    range: Range<usize>,
) -> Vec<(Range<usize>, Script)> {
    let first = scripts.partition_point(|&(at, _)| at < range.start);
    let mut out: Vec<(Range<usize>, Script)> = Vec::new();
    for &(at, script) in scripts[first..]
        .iter()
        .take_while(|&&(at, _)| at < range.end)
    {
        if out.last().is_some_and(|&(_, s)| s == script) {
            continue;
        }
        if let Some((r, _)) = out.last_mut() {
            r.end = at;
        }
        out.push((at..range.end, script));
    }
    out
}
