//! Unit tests of the layout adapter: line breaking, hyphens, bidi, justification.

use super::packed::Glyph;
use super::*;
use crate::write::pdf::fonts::FontSet;
use crate::write::pdf::hyphen::hyphenation_points;

/// A fixed pseudo-random sequence (xorshift64) for the layout's tests that
/// draw many inputs: the same inputs on every run and every machine.
pub(super) struct PseudoRandom(u64);

impl PseudoRandom {
    /// The sequence from `seed` (not zero).
    pub(super) fn new(seed: u64) -> PseudoRandom {
        PseudoRandom(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// 32 bits.
    pub(super) fn bits(&mut self) -> u32 {
        (self.next() >> 32) as u32
    }
}

fn lay_out(text: &str, lang: Lang, width: f32, align: Align) -> (Vec<ShapedLine>, Vec<Missing>) {
    lay_out_with(text, lang, width, align, &[], &[])
}

fn lay_out_with(
    text: &str,
    lang: Lang,
    width: f32,
    align: Align,
    hyphens: &[usize],
    unbroken: &[Range<usize>],
) -> (Vec<ShapedLine>, Vec<Missing>) {
    let fonts = FontSet::bundled();
    let spans = [SpanStyle {
        range: 0..text.len(),
        size: 10.0,
        bold: false,
        italic: false,
    }];
    let mut missing = Vec::new();
    let lines = with_shaper(&fonts, |s| {
        s.lay_out(
            &Paragraph {
                text,
                spans: &spans,
                lang,
                rtl: lang.is_rtl(),
                first_width: width,
                width,
                align,
                hyphens,
                unbroken,
            },
            &mut missing,
        )
    });
    (lines, missing)
}

fn right_edge(line: &ShapedLine) -> f32 {
    line.runs.iter().map(|r| r.right).fold(0.0, f32::max)
}

fn left_edge(line: &ShapedLine) -> f32 {
    line.runs.iter().map(|r| r.left).fold(f32::MAX, f32::min)
}

/// Every glyph of `line` with its pen position (from the run's left edge
/// and the whole-unit advances the line keeps).
fn placed(line: &ShapedLine) -> Vec<(f32, Glyph)> {
    let mut out = Vec::new();
    for run in &line.runs {
        let mut x = run.left;
        for g in line.glyphs(run) {
            let advance = g.advance as f32 * run.unit();
            out.push((x, g));
            x += advance;
        }
    }
    out
}

/// The x of the glyph drawn for the text at byte `at`.
fn x_of(line: &ShapedLine, at: usize) -> f32 {
    placed(line)
        .into_iter()
        .find(|(_, g)| g.text_range().contains(&at))
        .map(|(x, _)| x)
        .unwrap_or_else(|| panic!("no glyph for byte {at}"))
}

const ENGLISH: &str = "Digital public infrastructure is understood in the present report as the set of shared, interoperable digital systems, such as digital identification, digital payments and data exchange platforms, that are built on open standards and governed in the public interest.";

#[test]
fn latin_lines_fit_and_are_justified_but_the_last() {
    for width in [150.0, 200.0, 260.0, 365.0] {
        let (lines, missing) = lay_out(ENGLISH, Lang::En, width, Align::Justify);
        assert!(missing.is_empty());
        assert!(lines.len() > 1);
        for (i, line) in lines.iter().enumerate() {
            assert!(
                right_edge(line) <= width + 0.01,
                "line {i} overfull at {width}"
            );
            assert!(left_edge(line) >= -0.01);
            if i + 1 < lines.len() {
                assert!((line.width - width).abs() < 0.01, "line {i} not justified");
                assert!((right_edge(line) - width).abs() < 0.5, "line {i} ragged");
            }
        }
        assert!(lines.last().is_some_and(|l| l.width < width));
    }
}

#[test]
fn hyphenated_lines_end_with_a_visible_hyphen_that_fits() {
    let mut hyphens = Vec::new();
    hyphenation_points(ENGLISH, 0, hypher::Lang::English, &mut hyphens);
    let mut count = 0;
    for width in (120..=300).step_by(9) {
        let width = width as f32;
        let (lines, _) = lay_out_with(ENGLISH, Lang::En, width, Align::Justify, &hyphens, &[]);
        for line in &lines {
            assert!(right_edge(line) <= width + 0.01, "overfull at {width}");
            let last = line.runs.last().and_then(|r| line.glyphs(r).last());
            if line.hyphenated {
                count += 1;
                assert!(
                    hyphens.contains(&line.text.end),
                    "breaks at a hyphenation point"
                );
                let last = last.expect("a glyph");
                assert_eq!(
                    last.text.start as usize,
                    ENGLISH.len(),
                    "the hyphen stands for the hyphen past the text"
                );
            }
        }
        let joined: String = lines.iter().map(|l| &ENGLISH[l.text.clone()]).collect();
        assert_eq!(joined.replace(' ', ""), ENGLISH.replace(' ', ""));
    }
    assert!(count > 0, "some line breaks inside a word");
}

#[test]
fn symbols_are_never_broken() {
    let text = "as requested in the report of the Secretary-General (A/RES/79/150/Add.1), which";
    let symbol = text.find("A/RES").expect("symbol")..text.find(')').expect("end");
    for width in (60..=200).step_by(5) {
        let (lines, _) = lay_out_with(
            text,
            Lang::En,
            width as f32,
            Align::Start,
            &[],
            std::slice::from_ref(&symbol),
        );
        for line in &lines {
            let inside = symbol.start < line.text.end && line.text.end < symbol.end;
            assert!(
                !inside,
                "broken inside the symbol at {width}: {:?}",
                &text[line.text.clone()]
            );
        }
    }
}

const CHINESE: &str = "联合国反腐败公约缔约国会议在第4/2号、第5/1号、第7/1号决议中召集了增进《联合国反腐败公约》下国际合作不限成员名额政府间专家会议（专家会议）并指导其工作，以便就《公约》第四章的实施向缔约国会议提供建议和协助。专家会议收到了下列文件：临时议程说明；秘书处的说明「准则」。是否？是！";

#[test]
fn chinese_lines_respect_punctuation_rules_and_justify_between_characters() {
    let no_start = "，。、；：？！）》」";
    let no_end = "（《「";
    for width in (80..=330).step_by(7) {
        let width = width as f32;
        let (lines, missing) = lay_out(CHINESE, Lang::Zh, width, Align::Justify);
        assert!(missing.is_empty());
        for (i, line) in lines.iter().enumerate() {
            let text = &CHINESE[line.text.clone()];
            let first = text.chars().next().expect("non-empty line");
            let last = text.chars().last().expect("non-empty line");
            assert!(
                !no_start.contains(first),
                "line {i} starts with {first} at {width}"
            );
            assert!(
                !no_end.contains(last),
                "line {i} ends with {last} at {width}"
            );
            assert!(
                right_edge(line) <= width + 0.01,
                "line {i} overfull at {width}"
            );
            if i + 1 < lines.len() {
                assert!((line.width - width).abs() < 0.01, "line {i} not justified");
            }
        }
    }
}

#[test]
fn a_mixed_arabic_and_latin_line_is_ordered_right_to_left() {
    let text = "ويستعرض التقرير السابق (A/79/189) ويحدد الثغرات";
    let (lines, missing) = lay_out(text, Lang::Ar, 400.0, Align::Justify);
    assert!(missing.is_empty());
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    // Right-aligned: the line ends at the right edge.
    assert!((right_edge(line) - 400.0).abs() < 0.5);
    let first_word = x_of(line, 0);
    let symbol = text.find("A/79").expect("symbol");
    let last_word = x_of(line, text.find("الثغرات").expect("word"));
    // Logical order runs right to left ...
    assert!(first_word > x_of(line, symbol));
    assert!(x_of(line, symbol) > last_word);
    // ... and the Latin symbol inside reads left to right.
    assert!(x_of(line, symbol) < x_of(line, symbol + 2));
    assert!(x_of(line, symbol + 2) < x_of(line, symbol + 5));
    assert!(line.runs.iter().any(|r| r.rtl) && line.runs.iter().any(|r| !r.rtl));
}

#[test]
fn characters_no_font_covers_are_reported_not_drawn() {
    let text = "Amharic ሰላም here";
    let (lines, missing) = lay_out(text, Lang::En, 300.0, Align::Start);
    assert_eq!(missing.first().map(|m| m.ch), Some('ሰ'));
    assert_eq!(missing.first().map(|m| m.at), Some(8));
    assert!(
        lines
            .iter()
            .flat_map(|l| l.runs.iter().flat_map(|r| l.glyphs(r)))
            .all(|g| g.id != 0)
    );
}

#[test]
fn empty_text_is_one_empty_line() {
    let (lines, missing) = lay_out("", Lang::Ar, 100.0, Align::Justify);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].runs.is_empty() && missing.is_empty());
}

#[test]
fn words_longer_than_the_line_are_broken_anywhere_in_latin_cyrillic_and_arabic() {
    let words = [
        ("0123456789ABCDEF".repeat(12), Lang::En),
        ("АБВГДЕЖЗИЙКЛМНОП".repeat(12), Lang::Ru),
        ("بتثجحخسشصضطظعغفق".repeat(12), Lang::Ar),
    ];
    for (word, lang) in words {
        let text = format!("see {word} here");
        let (lines, _) = lay_out(&text, lang, 200.0, Align::Justify);
        assert!(lines.len() > 2, "{lang:?}: {} lines", lines.len());
        assert!(lines.iter().any(|l| l.forced), "{lang:?}: marked as forced");
        for (i, line) in lines.iter().enumerate() {
            assert!(right_edge(line) <= 200.01, "{lang:?} line {i} overfull");
            assert!(
                left_edge(line) >= -0.01,
                "{lang:?} line {i} before the edge"
            );
        }
        let joined: String = lines.iter().map(|l| &text[l.text.clone()]).collect();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        // Unaligned text (labels, table cells measured for their widest
        // word) keeps its words whole.
        let (natural, _) = lay_out(&text, lang, 200.0, Align::Natural);
        assert!(natural.iter().all(|l| !l.forced), "{lang:?}");
    }
}

/// A paragraph of `ENGLISH` repeated past one piece, with its hyphenation points.
fn long_paragraph() -> (String, Vec<usize>) {
    let text = format!("{ENGLISH} ").repeat(80);
    let text = text.trim_end().to_string();
    assert!(text.len() > super::pieces::PIECE);
    let mut hyphens = Vec::new();
    hyphenation_points(&text, 0, hypher::Lang::English, &mut hyphens);
    (text, hyphens)
}

#[test]
fn a_long_paragraph_laid_out_in_pieces_has_the_lines_of_the_whole() {
    let (text, _) = long_paragraph();
    let fonts = FontSet::bundled();
    let spans = [SpanStyle {
        range: 0..text.len(),
        size: 10.0,
        bold: false,
        italic: false,
    }];
    let p = Paragraph {
        text: &text,
        spans: &spans,
        lang: Lang::En,
        rtl: false,
        first_width: 250.0,
        width: 300.0,
        align: Align::Justify,
        hyphens: &[],
        unbroken: &[],
    };
    let (whole, pieces) = with_shaper(&fonts, |s| {
        let whole = s.lay_out_whole(&p, &mut Vec::new());
        (whole, s.lay_out(&p, &mut Vec::new()))
    });
    let ranges = |lines: &[ShapedLine]| -> Vec<Range<usize>> {
        lines.iter().map(|l| l.text.clone()).collect()
    };
    assert_eq!(ranges(&pieces), ranges(&whole));
    let widths = |lines: &[ShapedLine]| -> Vec<f32> { lines.iter().map(|l| l.width).collect() };
    assert_eq!(widths(&pieces), widths(&whole));
}

#[test]
fn a_long_hyphenated_paragraph_fits_its_lines_and_keeps_its_text() {
    let (text, hyphens) = long_paragraph();
    let (lines, missing) = lay_out_with(&text, Lang::En, 300.0, Align::Justify, &hyphens, &[]);
    assert!(missing.is_empty());
    for (i, line) in lines.iter().enumerate() {
        assert!(right_edge(line) <= 300.01, "line {i} overfull");
        for g in line.runs.iter().flat_map(|r| line.glyphs(r)) {
            let at = g.text_range();
            assert!(
                at.end <= text.len() || at.start == text.len(),
                "glyph text in range"
            );
        }
    }
    let joined: String = lines.iter().map(|l| &text[l.text.clone()]).collect();
    assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
    assert!(lines.iter().any(|l| l.hyphenated));
}

#[test]
fn a_paragraph_of_many_styled_spans_shapes_one_style_per_look() {
    // Alternating italic words: 70,000 spans, more than parley's 65,535 styles.
    let mut text = String::new();
    let mut spans = Vec::new();
    for i in 0..35_000 {
        let start = text.len();
        text.push_str(&format!("w{i}"));
        spans.push(SpanStyle {
            range: start..text.len(),
            size: 10.0,
            bold: false,
            italic: true,
        });
        let start = text.len();
        text.push(' ');
        spans.push(SpanStyle {
            range: start..text.len(),
            size: 10.0,
            bold: false,
            italic: false,
        });
    }
    let fonts = FontSet::bundled();
    let lines = with_shaper(&fonts, |s| {
        s.lay_out(
            &Paragraph {
                text: &text,
                spans: &spans,
                lang: Lang::En,
                rtl: false,
                first_width: 300.0,
                width: 300.0,
                align: Align::Justify,
                hyphens: &[],
                unbroken: &[],
            },
            &mut Vec::new(),
        )
    });
    let runs: Vec<(&ShapedLine, &GlyphRun)> = lines
        .iter()
        .flat_map(|l| l.runs.iter().map(move |r| (l, r)))
        .collect();
    assert!(runs.iter().all(|(l, r)| {
        let span = &spans[r.span];
        l.glyphs(r)
            .all(|g| span.range.contains(&g.text_range().start))
    }));
    assert_eq!(runs.last().map(|(_, r)| r.span), Some(spans.len() - 2));
}

/// Parley shapes runs of the bundled faces a word at a time (our patch of
/// parley_engine): on right-to-left Arabic with Latin symbols and digits,
/// styled and plain, the lines must be those of runs shaped whole, glyph
/// for glyph and bit for bit, the second time (from the cache) as the first.
#[test]
fn parley_lays_arabic_out_a_word_at_a_time_as_it_does_whole_runs() {
    use super::direct::tests::{same, spans};
    let sample = include_str!("../../../../samples/report-ar.txt");
    let paragraphs: Vec<&str> = sample
        .lines()
        .filter(|l| {
            l.chars()
                .filter(|c| ('\u{600}'..='\u{6FF}').contains(c))
                .count()
                > 40
        })
        .collect();
    assert!(paragraphs.len() >= 20, "{}", paragraphs.len());
    let fonts = FontSet::bundled();
    for text in paragraphs {
        for styled in [false, true] {
            let spans = spans(text, styled);
            for width in [95.0, 233.0, 455.0] {
                let p = Paragraph {
                    text,
                    spans: &spans,
                    lang: Lang::Ar,
                    rtl: true,
                    first_width: width - 18.0,
                    width,
                    align: Align::Justify,
                    hyphens: &[],
                    unbroken: &[],
                };
                let what = format!("styled={styled} {width}: {text}");
                let (whole, words, again, reused) = with_shaper(&fonts, |s| {
                    let mut missing = Vec::new();
                    parley_engine::set_word_local(None);
                    let whole = s.lay_out_with_parley(&p, &mut missing);
                    parley_engine::set_word_local(Some(bundled_and_word_local));
                    let words = s.lay_out_with_parley(&p, &mut missing);
                    let before = parley_engine::pieces_reused();
                    let again = s.lay_out_with_parley(&p, &mut missing);
                    assert!(missing.is_empty(), "{what}");
                    (whole, words, again, parley_engine::pieces_reused() - before)
                });
                same(&words, &whole, &what);
                same(&again, &whole, &what);
                assert!(reused > 10, "{what}: {reused} pieces from the cache");
            }
        }
    }
}

/// The span search from a guess finds what the search from scratch finds,
/// whatever the guess, an empty span and the ends included.
#[test]
fn span_from_a_guess_is_the_span_searched_for() {
    let style = |range: Range<usize>| SpanStyle {
        range,
        size: 10.0,
        bold: false,
        italic: false,
    };
    let spans = [style(0..3), style(3..3), style(3..7), style(7..12)];
    for at in 0..15 {
        for guess in 0..6 {
            assert_eq!(
                span_from(&spans, at, guess),
                span_at(&spans, at),
                "byte {at}, guess {guess}"
            );
        }
    }
    assert_eq!(span_from(&[], 4, 0), 0);
    assert_eq!(span_from(&[], 4, 2), 0);
}
