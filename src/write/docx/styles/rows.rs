//! The DGACM template's styles as data: one [`StyleRow`] per style, in the
//! order `word/styles.xml` lists them, with sizes, pitches and spacing from
//! the page template.

use super::super::contents::{TOC1_TEXT, TOC2_TEXT};
use super::super::props::{Ind, Jc, LineRule, Spacing, Tab};
use super::super::units::{half_points, twips};
use super::{BODY_TABS, HEADER_TABS, HEADING_TABS, TEXT_INDENT};
use crate::write::page::{
    BODY, CHAPTER, FOOTNOTE, MINOR_HEADING_TAB, SECTION, SUBSECTION, TextStyle, masthead, note,
    running, table,
};

/// Whether a style formats paragraphs or runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleKind {
    /// A paragraph style (`w:type="paragraph"`).
    Paragraph,
    /// A character style (`w:type="character"`).
    Character,
}

/// One style of the template: its identity in `CT_Style`, then its
/// paragraph and run properties. Fonts, language tags and direction come
/// from the document being written, so rows only say whether they take them.
#[derive(Debug, Clone, Copy)]
pub struct StyleRow {
    /// Paragraph or character style.
    pub kind: StyleKind,
    /// `w:styleId`.
    pub id: &'static str,
    /// `w:name`, as the template spells it.
    pub name: &'static str,
    /// The default style of its kind.
    pub default: bool,
    /// Marked `w:customStyle` (the template's own, not one of Word's).
    pub custom: bool,
    /// `w:basedOn`.
    pub based_on: Option<&'static str>,
    /// `w:next`: the style of the paragraph typed after this one.
    pub next: Option<&'static str>,
    /// `w:uiPriority`.
    pub ui_priority: Option<u32>,
    /// Hidden until used (`w:semiHidden`, `w:unhideWhenUsed`).
    pub semi_hidden: bool,
    /// Shown in the style gallery (`w:qFormat`).
    pub q_format: bool,

    /// Keep with the next paragraph and keep lines together (both, or
    /// explicitly neither).
    pub keep: Option<bool>,
    /// Tab stops.
    pub tabs: &'static [Tab],
    /// No automatic hyphenation.
    pub no_hyphens: bool,
    /// Right to left in right-to-left documents.
    pub bidi: bool,
    /// Spacing, in twips.
    pub spacing: Option<Spacing>,
    /// Indents, in twips.
    pub ind: Option<Ind>,
    /// Alignment.
    pub jc: Option<Jc>,
    /// Outline level (0 = level 1).
    pub outline: Option<u8>,

    /// The document's fonts.
    pub fonts: bool,
    /// The document's language tags.
    pub lang: bool,
    /// Bold (and complex-script bold).
    pub bold: Option<bool>,
    /// Italic (and complex-script italic).
    pub italic: Option<bool>,
    /// Not spell-checked.
    pub no_proof: bool,
    /// Colour.
    pub color: Option<&'static str>,
    /// Letter spacing in twips, in languages that take it.
    pub tracking: Option<i32>,
    /// Horizontal glyph scale in per cent, in languages that take letter spacing.
    pub scale: Option<u32>,
    /// Kerning from this size on, in half-points.
    pub kern: Option<u32>,
    /// Raised or lowered, in half-points.
    pub position: Option<i32>,
    /// Type size in half-points (and complex-script size).
    pub size: Option<u32>,
    /// Underline.
    pub underline: Option<&'static str>,
    /// Superscript or subscript.
    pub vert_align: Option<&'static str>,
}

/// A template paragraph style: based on `Normal`, shown in the gallery,
/// no properties of its own.
const PARAGRAPH: StyleRow = StyleRow {
    kind: StyleKind::Paragraph,
    id: "",
    name: "",
    default: false,
    custom: true,
    based_on: Some("Normal"),
    next: None,
    ui_priority: None,
    semi_hidden: false,
    q_format: true,
    keep: None,
    tabs: &[],
    no_hyphens: false,
    bidi: false,
    spacing: None,
    ind: None,
    jc: None,
    outline: None,
    fonts: false,
    lang: false,
    bold: None,
    italic: None,
    no_proof: false,
    color: None,
    tracking: None,
    scale: None,
    kern: None,
    position: None,
    size: None,
    underline: None,
    vert_align: None,
};

/// A character style based on the default paragraph font.
const CHARACTER: StyleRow = StyleRow {
    kind: StyleKind::Character,
    custom: false,
    based_on: Some("DefaultParagraphFont"),
    q_format: false,
    ..PARAGRAPH
};

/// Kerning from 7 pt on, as the template sets it.
const KERN: Option<u32> = Some(14);

/// `w:outlineLvl` 9: body text, never shown in the navigation pane.
pub(in crate::write::docx) const BODY_TEXT_LEVEL: u8 = 9;

/// A size of `pt` points.
const fn size(pt: f32) -> Option<u32> {
    Some(half_points(pt))
}

/// An exact line pitch of `pt` points.
const fn exact(pt: f32) -> Spacing {
    Spacing {
        before: None,
        after: None,
        line: Some((twips(pt), LineRule::Exact)),
    }
}

/// `style`'s space above and below and its exact line pitch.
const fn spaced(style: TextStyle) -> Spacing {
    Spacing {
        before: Some(twips(style.before)),
        after: Some(twips(style.after)),
        line: Some((twips(style.line), LineRule::Exact)),
    }
}

/// Single line spacing and no space after.
const SINGLE: Option<Spacing> = Some(Spacing {
    before: None,
    after: Some(0),
    line: Some((240, LineRule::Auto)),
});

/// Headings and titles: hanging at the text indent, text indented both sides.
const TITLE_IND: Option<Ind> = Some(Ind {
    left: Some(TEXT_INDENT),
    right: Some(TEXT_INDENT),
    hanging: Some(TEXT_INDENT),
});

const MINOR_HEADING_TABS: [Tab; 1] = [Tab::right(twips(MINOR_HEADING_TAB))];
const FOOTNOTE_TABS: [Tab; 1] = [Tab::right(twips(note::STYLE_TAB))];

/// The `Header` and `Footer` styles: the document's fonts, 8.5 pt, not spell-checked.
const HEADER: StyleRow = StyleRow {
    based_on: None,
    custom: false,
    tabs: &HEADER_TABS,
    bidi: true,
    spacing: SINGLE,
    fonts: true,
    no_proof: true,
    size: size(running::SIZE),
    ..PARAGRAPH
};

/// The styles of `word/styles.xml`, in order; `TableNormal` follows them.
pub const STYLES: [StyleRow; 27] = [
    StyleRow {
        id: "Normal",
        name: "Normal",
        default: true,
        custom: false,
        based_on: None,
        no_hyphens: true,
        bidi: true,
        spacing: Some(Spacing {
            after: Some(0),
            ..exact(BODY.line)
        }),
        fonts: true,
        lang: true,
        tracking: Some(4),
        scale: Some(103),
        size: size(BODY.size),
        ..PARAGRAPH
    },
    StyleRow {
        id: "Header",
        name: "header",
        ui_priority: Some(99),
        ..HEADER
    },
    StyleRow {
        id: "Footer",
        name: "footer",
        bold: Some(true),
        ..HEADER
    },
    StyleRow {
        id: "H1",
        name: "_ H_1",
        next: Some("SingleTxt"),
        keep: Some(true),
        spacing: Some(exact(SECTION.line)),
        // Navigable: chapters (0) above sections (1) above subheadings (2, 3).
        outline: Some(1),
        bold: Some(true),
        kern: KERN,
        size: size(SECTION.size),
        ..PARAGRAPH
    },
    StyleRow {
        id: "HCh",
        name: "_ H _Ch",
        based_on: Some("H1"),
        next: Some("SingleTxt"),
        spacing: Some(exact(CHAPTER.line)),
        outline: Some(0),
        tracking: Some(-2),
        size: size(CHAPTER.size),
        ..PARAGRAPH
    },
    StyleRow {
        id: "H23",
        name: "_ H_2/3",
        based_on: Some("H1"),
        next: Some("SingleTxt"),
        spacing: Some(exact(SUBSECTION.line)),
        outline: Some(2),
        tracking: Some(2),
        size: size(SUBSECTION.size),
        ..PARAGRAPH
    },
    StyleRow {
        id: "H4",
        name: "_ H_4",
        next: Some("SingleTxt"),
        keep: Some(true),
        tabs: &MINOR_HEADING_TABS,
        outline: Some(3),
        italic: Some(true),
        tracking: Some(3),
        kern: KERN,
        ..PARAGRAPH
    },
    StyleRow {
        id: "H56",
        name: "_ H_5/6",
        next: Some("Normal"),
        keep: Some(true),
        tabs: &MINOR_HEADING_TABS,
        outline: Some(4),
        kern: KERN,
        ..PARAGRAPH
    },
    StyleRow {
        id: "HM",
        name: "_ H __M",
        based_on: Some("HCh"),
        next: Some("Normal"),
        spacing: Some(exact(masthead::ORGAN_LONG_DOCX.line)),
        tracking: Some(-3),
        scale: Some(99),
        size: size(masthead::ORGAN_LONG_DOCX.size),
        // The masthead is not a heading: no place in the navigation pane.
        outline: Some(BODY_TEXT_LEVEL),
        ..PARAGRAPH
    },
    StyleRow {
        id: "XLarge",
        name: "XLarge",
        based_on: Some("HM"),
        spacing: Some(exact(masthead::ORGAN.line)),
        tracking: Some(-4),
        scale: Some(98),
        size: size(masthead::ORGAN.size),
        ..PARAGRAPH
    },
    StyleRow {
        id: "SingleTxt",
        name: "__Single Txt",
        tabs: &BODY_TABS,
        spacing: Some(Spacing {
            before: None,
            after: Some(twips(BODY.after)),
            line: None,
        }),
        ind: Some(Ind {
            left: Some(TEXT_INDENT),
            right: Some(TEXT_INDENT),
            hanging: None,
        }),
        jc: Some(Jc::Both),
        kern: KERN,
        ..PARAGRAPH
    },
    StyleRow {
        id: "TOC1",
        name: "toc 1",
        custom: false,
        q_format: false,
        ui_priority: Some(39),
        next: Some("Normal"),
        spacing: Some(Spacing {
            before: None,
            after: Some(twips(BODY.after)),
            line: None,
        }),
        // No right indent: LibreOffice drops what follows a tab stop
        // past it, and the page numbers stand at the margin.
        ind: Some(Ind {
            left: Some(TOC1_TEXT),
            right: None,
            hanging: Some(TOC1_TEXT),
        }),
        ..PARAGRAPH
    },
    StyleRow {
        id: "TOC2",
        name: "toc 2",
        based_on: Some("TOC1"),
        custom: false,
        q_format: false,
        ui_priority: Some(39),
        next: Some("Normal"),
        ind: Some(Ind {
            left: Some(TOC2_TEXT),
            right: None,
            hanging: Some(TOC2_TEXT),
        }),
        ..PARAGRAPH
    },
    StyleRow {
        id: "TitleHCH",
        name: "Title_H_CH",
        based_on: Some("HCh"),
        next: Some("SingleTxt"),
        tabs: &HEADING_TABS,
        ind: TITLE_IND,
        // The title is no chapter: out of the contents Word rebuilds.
        outline: Some(BODY_TEXT_LEVEL),
        ..PARAGRAPH
    },
    StyleRow {
        id: "TitleH1",
        name: "Title_H1",
        based_on: Some("H1"),
        next: Some("SingleTxt"),
        keep: Some(false),
        outline: Some(BODY_TEXT_LEVEL),
        tabs: &HEADING_TABS,
        ind: TITLE_IND,
        ..PARAGRAPH
    },
    StyleRow {
        id: "Distribution",
        name: "Distribution",
        next: Some("Normal"),
        spacing: SINGLE,
        ..PARAGRAPH
    },
    StyleRow {
        id: "Original",
        name: "Original",
        next: Some("Normal"),
        spacing: SINGLE,
        ..PARAGRAPH
    },
    StyleRow {
        id: "Session",
        name: "Session",
        based_on: Some("H23"),
        // Body text in the outline: the masthead is not a heading.
        outline: Some(BODY_TEXT_LEVEL),
        ..PARAGRAPH
    },
    StyleRow {
        id: "AgendaItemNormal",
        name: "Agenda_Item_Normal",
        next: Some("Normal"),
        kern: KERN,
        ..PARAGRAPH
    },
    StyleRow {
        id: "AgendaTitleH2",
        name: "Agenda_Title_H2",
        based_on: Some("TitleH1"),
        next: Some("Normal"),
        keep: Some(true),
        spacing: Some(exact(masthead::AGENDA_TITLE_LINE)),
        // No hanging indent (TitleH1's), as the template's `firstLine="0"`.
        ind: Some(Ind {
            left: Some(twips(0.0)),
            right: Some(twips(masthead::AGENDA_TITLE_RIGHT)),
            hanging: Some(0),
        }),
        outline: Some(BODY_TEXT_LEVEL),
        size: size(masthead::AGENDA_TITLE_SIZE),
        ..PARAGRAPH
    },
    StyleRow {
        id: "FootnoteText",
        name: "footnote text",
        custom: false,
        q_format: false,
        tabs: &FOOTNOTE_TABS,
        spacing: Some(exact(FOOTNOTE.line)),
        ind: Some(Ind {
            left: Some(twips(note::STYLE_INDENT)),
            right: None,
            hanging: Some(twips(note::STYLE_INDENT)),
        }),
        tracking: Some(5),
        scale: Some(104),
        size: size(FOOTNOTE.size),
        ..PARAGRAPH
    },
    StyleRow {
        id: "TableText",
        name: "Table_Text",
        spacing: Some(spaced(table::BODY)),
        ind: Some(Ind {
            left: Some(twips(table::CELL_LEAD)),
            right: Some(twips(table::CELL_TRAIL)),
            hanging: None,
        }),
        outline: Some(BODY_TEXT_LEVEL),
        kern: KERN,
        size: size(table::BODY.size),
        ..PARAGRAPH
    },
    StyleRow {
        id: "TableHeading",
        name: "Table_Heading",
        based_on: Some("TableText"),
        spacing: Some(spaced(table::HEAD)),
        italic: Some(true),
        size: size(table::HEAD.size),
        ..PARAGRAPH
    },
    StyleRow {
        id: "DefaultParagraphFont",
        name: "Default Paragraph Font",
        default: true,
        based_on: None,
        ui_priority: Some(1),
        semi_hidden: true,
        ..CHARACTER
    },
    StyleRow {
        id: "FootnoteReference",
        name: "footnote reference",
        based_on: None,
        semi_hidden: true,
        color: Some("auto"),
        tracking: Some(5),
        scale: Some(103),
        kern: KERN,
        position: Some(0),
        vert_align: Some("superscript"),
        ..CHARACTER
    },
    StyleRow {
        id: "Hyperlink",
        name: "Hyperlink",
        ui_priority: Some(99),
        color: Some("0000FF"),
        underline: Some("none"),
        ..CHARACTER
    },
    StyleRow {
        id: "FollowedHyperlink",
        name: "FollowedHyperlink",
        ui_priority: Some(99),
        color: Some("0000FF"),
        underline: Some("none"),
        ..CHARACTER
    },
];
