//! The direct path against parley: on every paragraph the direct path
//! takes, the lines must be the same, glyph for glyph and bit for bit.

use std::ops::Range;

use crate::lang::Lang;
use crate::script::{Script, SimpleChar, simple_char, simple_rtl_char};
use crate::write::pdf::fonts::FontSet;
use crate::write::pdf::hyphen::hyphenation_points;
use crate::write::pdf::shape::{Align, Paragraph, ShapedLine, Shaper, SpanStyle, with_shaper};

use super::Shaping;

const ENGLISH: &str = "The Secretary-General welcomes the adoption of resolution A/RES/78/123 and notes that cost-benefit analyses of digital public infrastructure, undertaken in 2024 by the Office for Digital and Emerging Technologies, show returns of 3.5 to 7 per cent. \"Interoperability\" remains the decisive factor (see para. 12 (a)); nevertheless, the internationalization of standards is uneven.";

const FRENCH: &str = "Le Secrétaire général se félicite de l\u{2019}adoption de la résolution A/RES/78/123\u{202F}; il note que «\u{A0}l\u{2019}infrastructure publique numérique\u{A0}» – ci-après «\u{A0}l\u{2019}infrastructure\u{A0}» – a progressé\u{A0}: 3\u{202F}115 contributions ont été reçues, soit 29,2\u{A0}% de plus qu\u{2019}en 2022.";

const SPANISH: &str = "¿Cómo garantizar la interoperabilidad? El Secretario General observa que la infraestructura pública digital —incluidos los sistemas de identificación— exige financiación previsible; ¡la cooperación Sur-Sur es decisiva!";

const CHINESE: &str = "秘书长欢迎大会通过第A/RES/78/123号决议，并注意到：2024年，数字公共基础设施（包括身份识别、支付和数据交换系统）在“全球数字契约”框架下取得进展；然而，最不发达国家的资金仍然有限。";

const ARABIC: &str = "يرحب الأمين العام باعتماد القرار A/RES/78/123، ويلاحظ أن تحليلات التكلفة والفائدة للبنية التحتية الرقمية العامة، التي أجراها في عام 2024 مكتب التكنولوجيات الرقمية والناشئة (Office for Digital and Emerging Technologies)، تبين عائدات تتراوح بين 3,5 و 7 في المائة. ولا تزال «قابلية التشغيل البيني» العامل الحاسم (انظر الفقرة 12 (أ))؛ وقدم السيد عبد الله التقرير؛ ومع ذلك، فإن توحيد المعايير على الصعيد الدولي لا يزال متفاوتا؟ ١٢٣ ٪";

const RUSSIAN: &str = "Генеральный секретарь приветствует принятие резолюции A/RES/78/123 и отмечает, что государства-члены продолжают укреплять цифровую общественную инфраструктуру; «UNESCO» и другие учреждения оказывают содействие в 2024\u{A0}году.";

/// One span of the whole text, or bold, italic and note-mark spans cut
/// into it.
pub(in crate::write::pdf::shape) fn spans(text: &str, styled: bool) -> Vec<SpanStyle> {
    let plain = |range: Range<usize>, bold: bool, italic: bool, size: f32| SpanStyle {
        range,
        size,
        bold,
        italic,
    };
    if !styled {
        return vec![plain(0..text.len(), false, false, 10.0)];
    }
    let cut = |n: usize| {
        let mut at = text.len() * n / 10;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        at
    };
    let (a, b, c, d) = (cut(2), cut(4), cut(6), cut(7));
    vec![
        plain(0..a, true, false, 10.0),
        plain(a..b, false, false, 10.0),
        plain(b..c, false, true, 10.0),
        plain(c..d, false, false, 6.0),
        plain(d..text.len(), true, true, 10.0),
    ]
}

/// The ranges of `text`'s symbols (`A/RES/…`), never broken.
fn symbols(text: &str) -> Vec<Range<usize>> {
    text.match_indices("A/RES/78/123")
        .map(|(at, s)| at..at + s.len())
        .collect()
}

pub(in crate::write::pdf::shape) fn same(direct: &[ShapedLine], parley: &[ShapedLine], what: &str) {
    assert_eq!(direct.len(), parley.len(), "{what}: line count");
    for (i, (d, p)) in direct.iter().zip(parley).enumerate() {
        let at = format!("{what}, line {i}");
        assert_eq!(d.text, p.text, "{at}: text");
        assert_eq!(d.width.to_bits(), p.width.to_bits(), "{at}: width");
        assert_eq!(d.hyphenated, p.hyphenated, "{at}: hyphen");
        assert_eq!(d.forced, p.forced, "{at}: forced");
        assert_eq!(d.glyphs, p.glyphs, "{at}: glyphs");
        assert_eq!(d.runs.len(), p.runs.len(), "{at}: runs");
        for (r, q) in d.runs.iter().zip(&p.runs) {
            assert!(r.font == q.font, "{at}: font");
            assert_eq!(
                (r.size.to_bits(), r.span, r.rtl, r.slant, r.embolden),
                (q.size.to_bits(), q.span, q.rtl, q.slant, q.embolden),
                "{at}: run"
            );
            assert_eq!(
                (r.left.to_bits(), r.right.to_bits(), r.text_start, &r.glyphs),
                (q.left.to_bits(), q.right.to_bits(), q.text_start, &q.glyphs),
                "{at}: run edges"
            );
        }
    }
}

/// Lays `text` out both ways at many widths and alignments; the direct
/// path must take it and agree with parley.
fn check(text: &str, lang: Lang) {
    let fonts = FontSet::bundled();
    let hyphens = lang
        .hyphenation()
        .map(|h| {
            let mut points = Vec::new();
            hyphenation_points(text, 0, h, &mut points);
            points
        })
        .unwrap_or_default();
    let unbroken = symbols(text);
    for styled in [false, true] {
        let spans = spans(text, styled);

        for align in [Align::Justify, Align::Natural, Align::Start, Align::Center] {
            for width in [40.0, 95.0, 150.0, 233.0, 310.0, 455.0] {
                let p = Paragraph {
                    text,
                    spans: &spans,
                    lang,
                    rtl: lang.is_rtl(),
                    first_width: width - 18.0,
                    width,
                    align,
                    hyphens: &hyphens,
                    unbroken: &unbroken,
                };
                let (direct, parley) = with_shaper(&fonts, |s| {
                    let mut missing = Vec::new();
                    let direct = s.lay_out_direct(&p, &mut missing);
                    assert!(missing.is_empty());
                    // Against parley shaping whole runs, as upstream does.
                    parley_engine::set_word_local(None);
                    let parley = s.lay_out_with_parley(&p, &mut missing);
                    parley_engine::set_word_local(Some(super::super::bundled_and_word_local));
                    (direct, parley)
                });
                let what = format!("{lang:?} styled={styled} {align:?} {width}");
                let direct = direct.unwrap_or_else(|| panic!("{what}: not taken directly"));
                same(&direct, &parley, &what);
            }
        }
    }
}

#[test]
fn english_lays_out_as_parley_does() {
    check(ENGLISH, Lang::En);
}

#[test]
fn french_with_its_no_break_spaces_lays_out_as_parley_does() {
    check(FRENCH, Lang::Fr);
}

#[test]
fn spanish_lays_out_as_parley_does() {
    check(SPANISH, Lang::Es);
}

#[test]
fn russian_with_latin_words_lays_out_as_parley_does() {
    check(RUSSIAN, Lang::Ru);
}

#[test]
fn chinese_with_latin_symbols_lays_out_as_parley_does() {
    check(CHINESE, Lang::Zh);
}

#[test]
fn arabic_with_latin_words_and_numbers_lays_out_as_parley_does() {
    check(ARABIC, Lang::Ar);
    // A line of nothing but a number, of nothing but Latin, and a
    // paragraph that starts and ends with them.
    check("2024", Lang::Ar);
    check("Office for Digital and Emerging Technologies", Lang::Ar);
    check("A/80/1 تقرير الأمين العام 2025", Lang::Ar);
    // Nothing but Arabic, its punctuation and that of ASCII: all at level 1.
    check(
        "يرحب الأمين العام بالتقرير، ويلاحظ (انظر الفقرة [أ]) «قابلية التشغيل البيني» - أي: التوحيد؛ ومع ذلك… لا يزال متفاوتا؟ عبد الله",
        Lang::Ar,
    );
}

#[test]
fn plainly_right_to_left_text_is_all_at_level_one() {
    let pool: Vec<char> = ('\u{600}'..='\u{6FF}')
        .chain(' '..='~')
        .chain("«»\u{A0}–—…“”‘’".chars())
        .filter(|&c| super::rtl::plainly_right_to_left(&c.to_string()))
        .collect();
    assert!(pool.len() > 150, "{}", pool.len());
    let mut random = crate::write::pdf::shape::tests::PseudoRandom::new(0x5EED);
    let mut resolver = parley_engine::Analyzer::new();
    let mut levels = Vec::new();
    for _ in 0..20_000 {
        let len = 1 + random.below(24);
        let text: String = (0..len).map(|_| pool[random.below(pool.len())]).collect();
        resolver.resolve_bidi_levels(&text, parley_engine::BaseDirection::Rtl, &mut levels);
        assert!(levels.iter().all(|&l| l == 1), "{text:?}: {levels:?}");
    }
    // A digit or a Latin letter is not plain.
    assert!(!super::rtl::plainly_right_to_left("عام 2024"));
    assert!(!super::rtl::plainly_right_to_left("القرار A"));
}

#[test]
fn a_word_longer_than_the_line_is_broken_as_parley_breaks_it() {
    let checksum = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    check(
        &format!("Checksum {checksum}{checksum} of the file."),
        Lang::En,
    );
    check("1.", Lang::En);
}

#[test]
fn text_the_direct_path_does_not_take_goes_to_parley() {
    let fonts = FontSet::bundled();
    for (text, lang) in [
        ("يُرحِّب الأمين العام", Lang::Ar),
        ("يرحب\u{200F} الأمين", Lang::Ar),
        ("カタカナの文", Lang::Zh),
        ("inter\u{AD}national", Lang::En),
        ("re\u{301}sume\u{301}", Lang::En),
        ("line\nbreak", Lang::En),
    ] {
        let spans = spans(text, false);
        let p = Paragraph {
            text,
            spans: &spans,
            lang,
            rtl: lang.is_rtl(),
            first_width: 200.0,
            width: 200.0,
            align: Align::Justify,
            hyphens: &[],
            unbroken: &[],
        };
        let taken = with_shaper(&fonts, |s| s.lay_out_direct(&p, &mut Vec::new()).is_some());
        assert!(!taken, "{text:?} was taken directly");
    }
}

/// The characters of `script` (its letters and the common ones) that the
/// face `face` maps, spaces left out.
fn pool(s: &Shaper, face: usize, script: Script) -> Vec<char> {
    let step = if script == Script::Han { 13 } else { 1 };
    let classify = if script == Script::Arabic {
        simple_rtl_char
    } else {
        simple_char
    };
    ('!'..='\u{FFEF}')
        .filter(|&c| match classify(c) {
            Some(SimpleChar::Letter(of)) => of == script,
            Some(SimpleChar::Common) => c != ' ',
            None => false,
        })
        .filter(|&c| s.direct.loaded[face].covers(c))
        .step_by(step)
        .collect()
}

/// Sentences in which every character of `pool` stands before and after
/// a space, among others of the pool (a fixed pseudo-random choice).
fn sentences(pool: &[char]) -> Vec<String> {
    let mut seed: u32 = 2026;
    let mut pick = move || {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        pool[(seed >> 8) as usize % pool.len()]
    };
    pool.iter()
        .map(|&c| {
            let (a, b, d, e) = (pick(), pick(), pick(), pick());
            format!("{a}{c} {c}{b}  {d}{c}{e} {c} {a}{b}{d}")
        })
        .collect()
}

#[test]
fn the_bundled_faces_shape_a_run_as_they_shape_its_pieces() {
    // The word cache (`words`) takes a face's shaping of a piece between
    // its neighbours for its shaping within any run: true only if no
    // lookup reaches further across a space. Every character each face
    // maps, for each script the direct path shapes, is checked beside
    // spaces both ways (Arabic right to left).
    let fonts = FontSet::bundled();
    with_shaper(&fonts, |s| {
        let mut faces = Vec::new();
        for lang in [Lang::En, Lang::Ru, Lang::Zh, Lang::Ar] {
            for (bold, italic) in [(false, false), (true, false), (false, true), (true, true)] {
                let candidates = s.candidates(lang, bold, italic).expect("bundled families");
                faces.extend(candidates.iter().map(|c| c.face));
            }
        }
        faces.sort_unstable();
        faces.dedup();
        assert!(
            faces.len() >= 8,
            "Liberation Serif's four faces, Noto Serif SC's two, Noto Naskh Arabic's two"
        );
        let mut checked = 0;
        for face in faces {
            assert!(s.direct.loaded[face].word_local, "bundled face {face}");
            for script in [Script::Latin, Script::Cyrillic, Script::Han, Script::Arabic] {
                let chars = pool(s, face, script);
                if chars.len() < 2 {
                    continue;
                }
                for text in sentences(&chars) {
                    let how = Shaping {
                        face: face as u16,
                        script,
                        lang: Lang::En,
                        size: 10.0,
                        rtl: script == Script::Arabic,
                    };
                    let (mut whole, mut pieces) = (Vec::new(), Vec::new());
                    let a = s.shape_text(&how, &text, "", "", &mut whole);
                    let b = s.shape_pieces(&how, &text, ("", ""), &mut pieces);
                    assert_eq!(a.is_some(), b.is_some(), "{text:?} in face {face}");
                    assert_eq!(whole, pieces, "{text:?} in face {face}, {script:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 5_000, "{checked} sentences");
    });
}

#[test]
fn every_ideograph_shaped_alone_shapes_as_it_does_in_a_run() {
    // The cache keeps an ideograph the face shapes alone (`alone`) with
    // no context: each of them, in both Chinese faces, must come out of
    // a run shaped whole as it comes out alone, beside punctuation,
    // Latin, digits and characters that are read in context (the face
    // kerns "V—" and "—Y").
    let fonts = FontSet::bundled();
    let others = [
        "，", "。", "会", "「", "」", "A/80/1", "2025年", "大会", "（a）", "V—Y",
    ];
    with_shaper(&fonts, |s| {
        let mut faces = Vec::new();
        for bold in [false, true] {
            let candidates = s.candidates(Lang::Zh, bold, false).expect("bundled");
            faces.extend(candidates.iter().map(|c| c.face));
        }
        faces.retain(|&face| s.direct.loaded[face].covers('中'));
        faces.sort_unstable();
        faces.dedup();
        assert_eq!(faces.len(), 2, "Noto Serif SC, regular and bold");
        for face in faces {
            let alone: Vec<char> = ('\u{3400}'..='\u{9FFF}')
                .filter(|&c| super::face::has_bit(&s.direct.loaded[face].alone, c))
                .collect();
            assert!(alone.len() > 27_000, "{}", alone.len());
            let mut checked = 0;
            for (i, chunk) in alone.chunks(12).enumerate() {
                let mut text = String::new();
                for (k, &c) in chunk.iter().enumerate() {
                    if k % 4 == 0 {
                        text.push_str(others[(i + k) % others.len()]);
                    }
                    text.push(c);
                }
                let how = Shaping {
                    face: face as u16,
                    script: Script::Han,
                    lang: Lang::Zh,
                    size: 10.0,
                    rtl: false,
                };
                let (mut whole, mut pieces) = (Vec::new(), Vec::new());
                let a = s.shape_text(&how, &text, "", "。", &mut whole);
                let b = s.shape_pieces(&how, &text, ("", "。"), &mut pieces);
                assert!(a.is_some() && b.is_some(), "{text:?} in face {face}");
                assert_eq!(whole, pieces, "{text:?} in face {face}");
                checked += chunk.len();
            }
            assert_eq!(checked, alone.len());
        }
    });
}

#[test]
fn an_arabic_ligature_is_one_glyph_its_characters_share() {
    let fonts = FontSet::bundled();
    with_shaper(&fonts, |s| {
        let candidates = s
            .candidates(Lang::Ar, false, false)
            .expect("bundled families");
        let how = Shaping {
            face: candidates[0].face as u16,
            script: Script::Arabic,
            lang: Lang::Ar,
            size: 10.0,
            rtl: true,
        };
        // Lam, lam and heh make one glyph in Noto Naskh Arabic.
        let mut glyphs = Vec::new();
        s.shape_text(&how, "الله", "", "", &mut glyphs)
            .expect("shaped");
        let ids: Vec<bool> = glyphs
            .iter()
            .map(|g| g.id == super::words::JOINED)
            .collect();
        assert_eq!(ids, [false, false, true, true]);
        assert!(glyphs[1].x_advance > 0);
        // Laid out, the ligature's characters share its advance.
        let text = "عبد الله";
        let spans = spans(text, false);
        let p = Paragraph {
            text,
            spans: &spans,
            lang: Lang::Ar,
            rtl: true,
            first_width: 300.0,
            width: 300.0,
            align: Align::Natural,
            hyphens: &[],
            unbroken: &[],
        };
        s.shape_direct(&p).expect("taken directly");
        let atoms = &s.direct.atoms;
        assert!(atoms[6].joined() && atoms[7].joined() && !atoms[5].joined());
        let share = super::rtl::ligature_share(atoms, 7);
        assert_eq!(share, atoms[5].glyph.advance / 3.0);
        assert_eq!(super::rtl::ligature_share(atoms, 5), share);
        assert!(!atoms[6].soft && !atoms[6].emergency);
    });
}

#[test]
fn a_right_to_left_line_is_in_visual_order() {
    // An Arabic word of three letters, a space, a two-digit number, a
    // space and another word of three: 1 1 1 1 2 2 1 1 1 1.
    let mut order = Vec::new();
    super::rtl::visual_order(&[1, 1, 1, 1, 2, 2, 1, 1, 1, 1], &mut order);
    assert_eq!(order, [9, 8, 7, 6, 4, 5, 3, 2, 1, 0]);
    // Left to right throughout: as it is.
    super::rtl::visual_order(&[0, 0, 0], &mut order);
    assert_eq!(order, [0, 1, 2]);
    // A Latin phrase with a number in it, in Arabic: 1 2 2 2 1.
    super::rtl::visual_order(&[1, 2, 2, 2, 1], &mut order);
    assert_eq!(order, [4, 1, 2, 3, 0]);
}

#[test]
fn the_run_context_is_the_five_characters_harfrust_reads_each_side() {
    use super::run_context;
    assert_eq!(run_context(("", "")), ("", ""));
    assert_eq!(run_context(("ab", "cd")), ("ab", "cd"));
    assert_eq!(
        run_context(("قرار A/RES/78", "/123، ويلاحظ")),
        ("ES/78", "/123،")
    );
    assert_eq!(run_context(("12345678", "abcdefgh")), ("45678", "abcde"));
}

#[test]
fn a_paragraph_laid_out_again_is_shaped_from_the_cache_run_ends_too() {
    // The Arabic paragraph's runs change at every number and Latin word,
    // so many of its pieces sit at an end of a run and are shaped with
    // the run's context. Laid out once more, at another width, each piece
    // comes from the thread's cache: harfrust shapes nothing.
    let fonts = FontSet::bundled();
    let spans = spans(ARABIC, false);
    let paragraph = |width: f32| Paragraph {
        text: ARABIC,
        spans: &spans,
        lang: Lang::Ar,
        rtl: true,
        first_width: width,
        width,
        align: Align::Justify,
        hyphens: &[],
        unbroken: &[],
    };
    let (first, again) = with_shaper(&fonts, |s| {
        let mut missing = Vec::new();
        let start = s.direct.shaped;
        s.lay_out_direct(&paragraph(233.0), &mut missing)
            .expect("taken directly");
        let first = s.direct.shaped - start;
        let start = s.direct.shaped;
        s.lay_out_direct(&paragraph(455.0), &mut missing)
            .expect("taken directly");
        assert!(missing.is_empty());
        (first, s.direct.shaped - start)
    });
    assert!(first > 20, "{first} pieces shaped the first time");
    assert_eq!(again, 0, "pieces shaped again");
}
