//! Scripts as parley's itemizer resolves them: the direct path cuts a
//! paragraph into the same segments, each shaped with its script.

use std::ops::Range;

use crate::script::{Script, SimpleChar};

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

/// The runs of `text` in one script as parley's itemizer resolves it (a
/// character of no script takes the one before it; those at the start take
/// the first real one, Latin if there is none), in order and covering the
/// whole text, or `None` if some character is not for the direct path
/// (`classify` gives `None`). Found in one pass, without a script per
/// character: the direct path asks this of every paragraph (`classify` is
/// generic, so that a table lookup stays inline).
pub(super) fn script_runs(
    text: &str,
    classify: impl Fn(char) -> Option<SimpleChar>,
) -> Option<Vec<(Range<usize>, Script)>> {
    let mut runs: Vec<(Range<usize>, Script)> = Vec::new();
    // The script of the run being built, unknown until its first letter.
    let mut current: Option<Script> = None;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let SimpleChar::Letter(script) = classify(c)? else {
            continue;
        };
        match current {
            None => current = Some(script),
            Some(s) if s != script => {
                runs.push((start..at, s));
                start = at;
                current = Some(script);
            }
            Some(_) => {}
        }
    }
    if !text.is_empty() {
        runs.push((start..text.len(), current.unwrap_or(Script::Latin)));
    }
    Some(runs)
}

/// The bytes `range` cut where the runs (of a script, of a bidi level)
/// change.
pub(super) fn segments<T: Copy>(
    runs: &[(Range<usize>, T)],
    range: Range<usize>,
) -> impl Iterator<Item = (Range<usize>, T)> + '_ {
    let first = runs.partition_point(|(r, _)| r.end <= range.start);
    runs[first..]
        .iter()
        .take_while(move |(r, _)| r.start < range.end)
        .map(move |(r, script)| (r.start.max(range.start)..r.end.min(range.end), *script))
        .filter(|(r, _)| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::{simple_char, simple_rtl_char};

    /// The script of each character, resolved one by one: what the runs
    /// must agree with.
    fn per_character(text: &str) -> Vec<Script> {
        let first_letter = text.chars().find_map(|c| match simple_char(c)? {
            SimpleChar::Letter(s) => Some(s),
            SimpleChar::Common => None,
        });
        let mut current = first_letter.unwrap_or(Script::Latin);
        text.chars()
            .map(|c| {
                if let Some(SimpleChar::Letter(s)) = simple_char(c) {
                    current = s;
                }
                current
            })
            .collect()
    }

    /// The script of each character as the runs give it.
    fn from_runs(text: &str, runs: &[(Range<usize>, Script)]) -> Vec<Script> {
        text.char_indices()
            .map(|(at, _)| runs.iter().find(|(r, _)| r.contains(&at)).unwrap().1)
            .collect()
    }

    #[test]
    fn runs_resolve_each_character_as_parley_does() {
        let texts = [
            "",
            "  12, 3 ",
            "Report of the Secretary-General",
            "  «Доклад» Генерального секретаря (A/80/1) и ООН",
            "第八十届会议 Agenda item 12 议程项目",
            "Résumé: 5 % — 中文。Текст, text.",
            "(1) 中",
        ];
        for text in texts {
            let runs = script_runs(text, simple_char).unwrap();
            assert_eq!(from_runs(text, &runs), per_character(text), "{text:?}");
            // Maximal: no two runs in a row share a script.
            assert!(runs.windows(2).all(|w| w[0].1 != w[1].1), "{text:?}");
            assert!(
                runs.windows(2).all(|w| w[0].0.end == w[1].0.start),
                "{text:?}"
            );
        }
        assert_eq!(
            script_runs("  Доклад and 报告", simple_char),
            Some(vec![
                (0..15, Script::Cyrillic),
                (15..19, Script::Latin),
                (19..25, Script::Han),
            ])
        );
    }

    #[test]
    fn text_not_for_the_direct_path_has_no_runs() {
        assert_eq!(script_runs("تقرير", simple_char), None);
        assert_eq!(script_runs("soft\u{AD}hyphen", simple_char), None);
        // Harakat and joiners stay with parley, in a right-to-left paragraph too.
        assert_eq!(script_runs("مُحَمَّد", simple_rtl_char), None);
        assert_eq!(script_runs("ب\u{200D}", simple_rtl_char), None);
    }

    #[test]
    fn right_to_left_characters_have_the_scripts_parley_reads() {
        let data = parley_engine::AnalysisDataSources::new();
        let (arabic, common) = (data.properties('ب').script(), data.properties('،').script());
        assert_ne!(arabic, common);
        for c in '\u{600}'..='\u{6FF}' {
            let Some(class) = simple_rtl_char(c) else {
                continue;
            };
            let expected = match class {
                SimpleChar::Letter(Script::Arabic) => arabic,
                SimpleChar::Letter(other) => panic!("{c:?} is not {other:?}"),
                SimpleChar::Common => common,
            };
            assert_eq!(data.properties(c).script(), expected, "{c:?}");
        }
        let runs = script_runs("(A/80/1) تقرير، 2025", simple_rtl_char).unwrap();
        assert_eq!(runs, vec![(0..9, Script::Latin), (9..26, Script::Arabic)]);
    }

    #[test]
    fn segments_cut_a_range_where_the_script_changes() {
        let text = "Доклад and 报告";
        let runs = script_runs(text, simple_char).unwrap();
        assert_eq!(
            segments(&runs, 4..22).collect::<Vec<_>>(),
            vec![
                (4..13, Script::Cyrillic),
                (13..17, Script::Latin),
                (17..22, Script::Han)
            ]
        );
        let cut = |range| segments(&runs, range).collect::<Vec<_>>();
        assert_eq!(cut(13..17), vec![(13..17, Script::Latin)]);
        assert_eq!(cut(8..8), vec![]);
    }
}
