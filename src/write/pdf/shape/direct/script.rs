//! Scripts as parley's itemizer resolves them: the direct path cuts a
//! paragraph into the same segments, each shaped with its script.

use std::ops::Range;

use crate::script::{Script, SimpleChar, simple_char};

/// The script harfrust shapes `script` with.
pub(super) fn harfrust_script(script: Script) -> harfrust::Script {
    let tag = match script {
        Script::Latin => b"Latn",
        Script::Cyrillic => b"Cyrl",
        Script::Arabic => b"Arab",
        Script::Han => b"Hani",
    };
    harfrust::Script::from_iso15924_tag(harfrust::Tag::new(tag))
        .unwrap_or(harfrust::script::UNKNOWN)
}

/// Each character's byte offset and script as parley's itemizer resolves
/// it (a character of no script takes the one before it; those at the
/// start take the first real one, Latin if there is none), or `None` if
/// some character is not for the direct path.
pub(super) fn resolved_scripts(text: &str) -> Option<Vec<(usize, Script)>> {
    let raw: Vec<(usize, SimpleChar)> = text
        .char_indices()
        .map(|(at, c)| simple_char(c).map(|s| (at, s)))
        .collect::<Option<_>>()?;
    let mut current = raw
        .iter()
        .find_map(|&(_, s)| match s {
            SimpleChar::Letter(script) => Some(script),
            SimpleChar::Common => None,
        })
        .unwrap_or(Script::Latin);
    Some(
        raw.into_iter()
            .map(|(at, s)| {
                if let SimpleChar::Letter(script) = s {
                    current = script;
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
