//! Typographic settings of the PDF writer: the per-language table (fonts,
//! hyphenation, justification, glyph widths) and the page geometry of a
//! paper size, from the page template ([`crate::write::page`], UN-CONVENTIONS §5).

use crate::lang::Lang;
use crate::write::Paper;
use crate::write::page::{margin, running};

use super::fonts::{LIBERATION_SERIF, NOTO_NASKH_ARABIC, NOTO_SERIF_SC};

/// How the spare room of a justified line is shared out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Justify {
    /// Between words (Latin, Cyrillic, Arabic).
    InterWord,
    /// Between characters (Chinese), and at spaces.
    InterCharacter,
}

/// The typographic facts of one language, in one table.
#[derive(Debug)]
pub struct LangStyle {
    /// Font families in order of preference; `--font-dir` families follow.
    pub families: &'static [&'static str],
    /// Patterns that hyphenate words at line ends, if the language is hyphenated.
    pub hyphenation: Option<hypher::Lang>,
    /// How justified lines are filled.
    pub justify: Justify,
    /// Extra space after every character, in points (the template's `w:spacing`).
    /// Latin text gets none: its +0.2 pt is folded into [`Self::width_scale`],
    /// which looks the same at 10 pt, keeps the template's line lengths and
    /// halves the content streams (every spaced glyph needs its own offset).
    pub letter_spacing: f32,
    /// Horizontal scale of the glyphs: the template's `w:w="103"` for Times
    /// New Roman, times about 1.04 for its letter spacing (0.2 pt on an
    /// average advance of 4.7 pt at 10 pt).
    pub width_scale: f32,
}

const LATIN: LangStyle = LangStyle {
    families: &[LIBERATION_SERIF, NOTO_SERIF_SC, NOTO_NASKH_ARABIC],
    hyphenation: Lang::En.hyphenation(),
    justify: Justify::InterWord,
    letter_spacing: 0.0,
    width_scale: 1.07,
};

/// The typographic settings of `lang`.
pub fn lang_style(lang: Lang) -> &'static LangStyle {
    const EN: LangStyle = LATIN;
    const FR: LangStyle = LangStyle {
        hyphenation: Lang::Fr.hyphenation(),
        ..LATIN
    };
    const ES: LangStyle = LangStyle {
        hyphenation: Lang::Es.hyphenation(),
        ..LATIN
    };
    const RU: LangStyle = LangStyle {
        hyphenation: Lang::Ru.hyphenation(),
        ..LATIN
    };
    const AR: LangStyle = LangStyle {
        families: &[NOTO_NASKH_ARABIC, LIBERATION_SERIF, NOTO_SERIF_SC],
        hyphenation: Lang::Ar.hyphenation(),
        justify: Justify::InterWord,
        letter_spacing: 0.0,
        width_scale: 1.0,
    };
    const ZH: LangStyle = LangStyle {
        families: &[LIBERATION_SERIF, NOTO_SERIF_SC, NOTO_NASKH_ARABIC],
        hyphenation: Lang::Zh.hyphenation(),
        justify: Justify::InterCharacter,
        letter_spacing: 0.0,
        width_scale: 1.0,
    };
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Es => &ES,
        Lang::Ru => &RU,
        Lang::Ar => &AR,
        Lang::Zh => &ZH,
    }
}

/// Size of footnote marks in the text, against the text size.
pub const NOTE_MARK_SCALE: f32 = 0.65;
/// Rise of footnote marks, against the text size.
pub const NOTE_MARK_RISE: f32 = 0.35;

/// Where things go on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left and right margins.
    pub margin_x: f32,
    /// Top of the body on continuation pages.
    pub top: f32,
    /// Bottom of the body (from the top edge).
    pub bottom: f32,
    /// Top of the body on the first page, under the masthead.
    pub first_top: f32,
    /// Baseline of the running header.
    pub header_baseline: f32,
    /// The rule under the running header.
    pub header_rule: f32,
    /// Baseline of the running footer.
    pub footer_baseline: f32,
}

impl Geometry {
    /// The template's geometry on `paper`.
    pub fn new(paper: Paper) -> Geometry {
        let (width, height) = paper.size_pt();
        Geometry {
            width,
            height,
            margin_x: margin::SIDE,
            top: margin::TOP,
            bottom: height - margin::BOTTOM,
            first_top: margin::FIRST_PAGE_BODY_PDF,
            header_baseline: running::HEADER_BASELINE_PDF,
            header_rule: running::HEADER_RULE_PDF,
            footer_baseline: height - running::FOOTER_BASELINE_FROM_BOTTOM_PDF,
        }
    }

    /// Right edge of the text block.
    pub fn right(&self) -> f32 {
        self.width - self.margin_x
    }
}
