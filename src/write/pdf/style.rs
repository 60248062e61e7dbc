//! Typographic settings: the per-language table (fonts, hyphenation,
//! justification, type sizes), the paragraph styles of the DGACM Word
//! template and the page geometry of the official files (UN-CONVENTIONS §5).

use crate::lang::Lang;
use crate::write::Paper;

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
    /// Type size factor against the template's Times New Roman sizes.
    pub size_factor: f32,
    /// Line pitch factor against the template's exact line heights.
    pub line_factor: f32,
    /// Horizontal scale of the glyphs: the template's `w:w="103"` for Times
    /// New Roman, times about 1.04 for its letter spacing (0.2 pt on an
    /// average advance of 4.7 pt at 10 pt).
    pub width_scale: f32,
}

const LATIN: LangStyle = LangStyle {
    families: &[LIBERATION_SERIF, NOTO_SERIF_SC, NOTO_NASKH_ARABIC],
    hyphenation: Some(hypher::Lang::English),
    justify: Justify::InterWord,
    letter_spacing: 0.0,
    size_factor: 1.0,
    line_factor: 1.0,
    width_scale: 1.07,
};

/// The typographic settings of `lang`.
pub fn lang_style(lang: Lang) -> &'static LangStyle {
    const EN: LangStyle = LATIN;
    const FR: LangStyle = LangStyle {
        hyphenation: Some(hypher::Lang::French),
        ..LATIN
    };
    const ES: LangStyle = LangStyle {
        hyphenation: Some(hypher::Lang::Spanish),
        ..LATIN
    };
    const RU: LangStyle = LangStyle {
        hyphenation: Some(hypher::Lang::Russian),
        ..LATIN
    };
    const AR: LangStyle = LangStyle {
        families: &[NOTO_NASKH_ARABIC, LIBERATION_SERIF, NOTO_SERIF_SC],
        hyphenation: None,
        justify: Justify::InterWord,
        letter_spacing: 0.0,
        size_factor: 1.2,
        line_factor: 1.3,
        width_scale: 1.0,
    };
    const ZH: LangStyle = LangStyle {
        families: &[LIBERATION_SERIF, NOTO_SERIF_SC, NOTO_NASKH_ARABIC],
        hyphenation: None,
        justify: Justify::InterCharacter,
        letter_spacing: 0.0,
        size_factor: 1.05,
        line_factor: 1.25,
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

/// One twip (1/20 pt), the unit of the Word template.
const fn twips(t: u32) -> f32 {
    t as f32 / 20.0
}

/// Left (and right) indent of body paragraphs: 1267 twips, 0.88 in.
pub const TEXT_INDENT: f32 = twips(1267);
/// Right indent of headings and titles: 1260 twips.
pub const HEADING_RIGHT_INDENT: f32 = twips(1260);
/// Right edge of heading numbers (`I.`, `A.`): a right tab at 1022 twips.
pub const HEADING_NUMBER_END: f32 = twips(1022);
/// The template's tab stops after the text indent, in points from the margin.
pub const TAB_STOPS: [f32; 4] = [twips(1742), twips(2218), twips(2693), twips(3182)];
/// Footnote numbers end at this right tab (1195 twips); text at [`TEXT_INDENT`].
pub const NOTE_NUMBER_END: f32 = twips(1195);
/// Left end of the footnote separator rule (792 twips).
pub const NOTE_RULE_START: f32 = twips(792);
/// Length of the footnote separator (eighteen underscores at 8 pt).
pub const NOTE_RULE_LENGTH: f32 = 72.0;

/// A paragraph style of the template.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Type size in points.
    pub size: f32,
    /// Exact line pitch in points.
    pub line: f32,
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
    /// Space before, in points (dropped at the top of a page).
    pub before: f32,
    /// Space after, in points.
    pub after: f32,
}

impl TextStyle {
    /// The style adjusted to a language's size and pitch factors.
    pub fn for_lang(self, lang: Lang) -> TextStyle {
        let s = lang_style(lang);
        TextStyle {
            size: self.size * s.size_factor,
            line: self.line * s.line_factor,
            ..self
        }
    }
}

/// `SingleTxt`: body paragraphs, 10 pt on 12 pt, 6 pt after.
pub const BODY: TextStyle = TextStyle {
    size: 10.0,
    line: 12.0,
    bold: false,
    italic: false,
    before: 0.0,
    after: 6.0,
};
/// `HCh`: chapter headings, 14 pt bold on 15 pt, with two 6 pt spacers each side.
pub const CHAPTER: TextStyle = TextStyle {
    size: 14.0,
    line: 15.0,
    bold: true,
    italic: false,
    before: 12.0,
    after: 12.0,
};
/// `H1`: section headings, 12 pt bold on 13.5 pt.
pub const SECTION: TextStyle = TextStyle {
    size: 12.0,
    line: 13.5,
    bold: true,
    italic: false,
    before: 12.0,
    after: 12.0,
};
/// `TitleHCH`: the document title.
pub const TITLE: TextStyle = TextStyle {
    size: 14.0,
    line: 15.0,
    bold: true,
    italic: false,
    before: 18.0,
    after: 0.0,
};
/// `TitleH1`: the subtitle ("Report of the Secretary-General").
pub const SUBTITLE: TextStyle = TextStyle {
    size: 12.0,
    line: 13.5,
    bold: true,
    italic: false,
    before: 12.0,
    after: 0.0,
};
/// `Session` (bold) and agenda lines under the masthead.
pub const SESSION: TextStyle = TextStyle {
    size: 10.0,
    line: 12.0,
    bold: true,
    italic: false,
    before: 0.0,
    after: 0.0,
};
/// `FootnoteText`: 8.5 pt on 10.5 pt.
pub const FOOTNOTE: TextStyle = TextStyle {
    size: 8.5,
    line: 10.5,
    bold: false,
    italic: false,
    before: 0.0,
    after: 2.0,
};
/// Space between the last title line and the body (three 6 pt spacers).
pub const AFTER_TITLE: f32 = 18.0;
/// Width of the masthead's session and agenda block (right indent 4620 twips).
pub const AGENDA_RIGHT_INDENT: f32 = twips(4620);

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
    /// The geometry of `paper` (New York template: top 1 in, bottom 1.2 in,
    /// sides 0.83 in).
    pub fn new(paper: Paper) -> Geometry {
        let (width, height) = paper.size_pt();
        Geometry {
            width,
            height,
            margin_x: 60.0,
            top: 72.0,
            bottom: height - 86.4,
            first_top: 212.0,
            header_baseline: 58.5,
            header_rule: 64.8,
            footer_baseline: height - 37.0,
        }
    }

    /// Right edge of the text block.
    pub fn right(&self) -> f32 {
        self.width - self.margin_x
    }
}
