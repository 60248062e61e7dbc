//! The DGACM page template, in points: margins, body indents and tab stops,
//! the paragraph styles' sizes and spacing, the masthead grid, the running
//! header and footer and the first page's codes. Both page writers read it;
//! the PDF writer places text with these numbers, the DOCX writer converts
//! them to Word's units (`docx::units`: twips, half-points, EMU). Most values
//! are the Word template's twips over 20, and convert back exactly.
//!
//! Horizontal positions are from the margin unless a name says otherwise,
//! and mirror in right-to-left documents; vertical ones are from the page's
//! top edge, or from its bottom edge where the name says `FROM_BOTTOM`.
//!
//! Where the two writers place a thing differently today, both numbers stand
//! here side by side, each named for the writer that uses it
//! (`…_DOCX`, `…_PDF`), so the difference is visible in one place.
//!
//! The paper sizes are [`crate::write::Paper::size_pt`].

use crate::lang::Lang;

/// Page margins of the New York template: top 1 in, bottom 1.2 in, sides 0.83 in.
pub mod margin {
    /// Top margin: the body's top on continuation pages.
    pub const TOP: f32 = 72.0;
    /// Bottom margin: footnotes end above it.
    pub const BOTTOM: f32 = 86.4;
    /// Left and right margins.
    pub const SIDE: f32 = 60.0;
    /// Word's header distance: from the page's top edge to the header.
    pub const HEADER: f32 = 21.6;
    /// Word's footer distance: from the page's bottom edge to the footer.
    pub const FOOTER: f32 = 25.2;
    /// Top of the body on the first page, under the masthead (PDF; Word
    /// places the body under the first-page header by itself).
    pub const FIRST_PAGE_BODY_PDF: f32 = 212.0;
}

/// Left (and right) indent of body paragraphs and of headings' text: 0.88 in.
pub const TEXT_INDENT: f32 = 63.35;
/// Right edge of heading numbers (`I.`, `A.`): a right tab stop.
pub const HEADING_NUMBER_END: f32 = 51.1;
/// Right indent of headings, titles and footnotes in the PDF (the DOCX
/// writer indents headings by [`TEXT_INDENT`] on both sides).
pub const HEADING_RIGHT_INDENT_PDF: f32 = 63.0;
/// Right indent of the session and agenda lines under the masthead (PDF;
/// the DOCX writer gives them the full width).
pub const AGENDA_RIGHT_INDENT_PDF: f32 = 231.0;
/// The body's tab stops after [`TEXT_INDENT`], about every 0.33 in.
pub const TAB_STOPS: [f32; 10] = [
    87.1, 110.9, 134.65, 159.1, 182.9, 206.65, 231.1, 254.9, 278.65, 302.4,
];
/// How many of [`TAB_STOPS`] the PDF writer hangs list labels on; deeper
/// levels stay on the last of them.
pub const LABEL_TAB_STOPS_PDF: usize = 4;
/// Where text goes after a label past the last label stop (PDF).
pub const TAB_PAST_STOPS_PDF: f32 = 24.0;
/// Word's default tab interval.
pub const DEFAULT_TAB: f32 = 23.75;
/// The right tab stop of the `H4` and `H5/6` heading styles.
pub const MINOR_HEADING_TAB: f32 = 18.0;

/// Footnotes and their separator.
pub mod note {
    /// Where the footnote separator starts (PDF) and the footnote number
    /// stands (DOCX).
    pub const START: f32 = 39.6;
    /// Right edge of the footnote number (PDF); its text starts at the text indent.
    pub const NUMBER_END_PDF: f32 = 59.75;
    /// The `FootnoteText` style's right tab stop, cleared in each footnote.
    pub const STYLE_TAB: f32 = 20.9;
    /// The `FootnoteText` style's indent, hanging by as much.
    pub const STYLE_INDENT: f32 = 23.75;
    /// The separator as text (PDF): what Word prints, 72 pt long.
    pub const SEPARATOR_TEXT: &str = "__________________";
    /// Type size of the separator's underscores (PDF).
    pub const SEPARATOR_SIZE: f32 = 8.0;
    /// How far below its baseline an underscore's stroke lies, in ems
    /// (Times and its metric twins: from -0.125 to -0.075).
    pub const UNDERSCORE_DROP: f32 = 0.1;
    /// Height of the separator: the rule and the space around it.
    pub const SEPARATOR: f32 = 14.0;
    /// From the separator rule down to the top of the first footnote.
    pub const RULE_ABOVE: f32 = 6.0;
}

/// How much larger a language's type and line pitch are set than the
/// template's Times New Roman sizes, for its script's fonts (PDF; the Word
/// template keeps the sizes and leaves it to SimSun and Simplified Arabic).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeScale {
    /// Factor on type sizes.
    pub size: f32,
    /// Factor on line pitches.
    pub line: f32,
}

/// The type scale of `lang`.
pub fn type_scale(lang: Lang) -> TypeScale {
    match lang {
        Lang::Ar => TypeScale {
            size: 1.2,
            line: 1.3,
        },
        Lang::Zh => TypeScale {
            size: 1.05,
            line: 1.25,
        },
        Lang::En | Lang::Fr | Lang::Es | Lang::Ru => TypeScale {
            size: 1.0,
            line: 1.0,
        },
    }
}

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
    /// The style of one unbroken line (masthead, furniture): `size` on 1.2
    /// times `size`, no spacing.
    pub const fn plain_line(size: f32, bold: bool) -> TextStyle {
        TextStyle {
            size,
            line: size * 1.2,
            bold,
            italic: false,
            before: 0.0,
            after: 0.0,
        }
    }

    /// The style adjusted to a language's [`TypeScale`].
    pub fn for_lang(self, lang: Lang) -> TextStyle {
        let scale = type_scale(lang);
        TextStyle {
            size: self.size * scale.size,
            line: self.line * scale.line,
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
/// Space after a section heading in the DOCX writer (the PDF writer uses
/// [`SECTION`]'s).
pub const SECTION_AFTER_DOCX: f32 = 6.0;
/// `H2/3`: subsection headings, 10 pt bold on 12 pt; the `Session` line is one.
pub const SUBSECTION: TextStyle = TextStyle {
    size: 10.0,
    line: 12.0,
    bold: true,
    italic: false,
    before: 0.0,
    after: 0.0,
};

/// `H4`: the level-4 subheading, 10 pt italic.
pub const MINOR_SUBSECTION: TextStyle = TextStyle {
    bold: false,
    italic: true,
    ..SUBSECTION
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
/// Space between the last title line and the body (three 6 pt spacers).
pub const AFTER_TITLE: f32 = 18.0;
/// Space between the title and the subtitle in the DOCX writer (after the
/// title; the PDF writer puts [`SUBTITLE`]'s before the subtitle).
pub const TITLE_AFTER_DOCX: f32 = 12.0;
/// `Session` (bold) and agenda lines under the masthead.
pub const SESSION: TextStyle = SUBSECTION;
/// `FootnoteText`: 8.5 pt on 10.5 pt.
pub const FOOTNOTE: TextStyle = TextStyle {
    size: 8.5,
    line: 10.5,
    bold: false,
    italic: false,
    before: 0.0,
    after: 2.0,
};
/// Space before an annex's title line, under its "Annex" line (PDF).
pub const ANNEX_TITLE_BEFORE_PDF: f32 = 6.0;

/// The first page's header: the masthead, a table of six columns (emblem,
/// "United Nations", gap, organ, gap, distribution) in two rows between
/// rules. The DOCX writer builds the table; the PDF writer sets its lines
/// on the baselines below, the name and organ after the emblem column.
pub mod masthead {
    use super::TextStyle;

    /// The emblem column, as wide as the text indent.
    pub const EMBLEM_COLUMN: f32 = super::TEXT_INDENT;
    /// The "United Nations" column.
    pub const NAME_COLUMN: f32 = 93.6;
    /// The gaps either side of the organ column.
    pub const GAP: f32 = 12.25;
    /// The distribution column (DOCX; the PDF writer sets the block
    /// [`DISTRIBUTION_FROM_RIGHT_PDF`] from the right margin).
    pub const DISTRIBUTION_COLUMN: f32 = 154.8;
    /// The organ column takes the rest, and never less than this.
    pub const ORGAN_COLUMN_MIN: f32 = 72.0;
    /// Height of the first row ("United Nations" and the symbol).
    pub const NAME_ROW: f32 = 43.2;
    /// Height of the second row (organ and distribution block).
    pub const ORGAN_ROW: f32 = 144.0;

    /// The agenda item's title under the agenda line (`AgendaTitleH2`):
    /// bold 10 pt on an exact 12 pt line, kept clear of the right half.
    pub const AGENDA_TITLE_SIZE: f32 = 10.0;
    /// See [`AGENDA_TITLE_SIZE`].
    pub const AGENDA_TITLE_LINE: f32 = 12.0;
    /// The agenda title's right indent (4620 twips in the DGACM template).
    pub const AGENDA_TITLE_RIGHT: f32 = 231.0;

    /// `XLarge`: the organ, 20 pt bold on 19.5 pt.
    pub const ORGAN: TextStyle = TextStyle {
        size: 20.0,
        line: 19.5,
        bold: true,
        italic: false,
        before: 0.0,
        after: 0.0,
    };
    /// Space above the organ's first line in its cell (DOCX).
    pub const ORGAN_BEFORE_DOCX: f32 = 5.45;
    /// `HM`: an organ of several lines or more than [`ORGAN_LONG_COLUMNS_DOCX`] (DOCX).
    pub const ORGAN_LONG_DOCX: TextStyle = TextStyle {
        size: 17.0,
        line: 18.0,
        ..ORGAN
    };
    /// Width of the longest organ set in `XLarge`, in columns of a
    /// fixed-width grid (ideographs take two).
    pub const ORGAN_LONG_COLUMNS_DOCX: usize = 30;
    /// Type size of an organ that would take more than two lines (PDF).
    pub const ORGAN_LONG_SIZE_PDF: f32 = 15.0;
    /// Type size of "United Nations" (PDF; the DOCX writer sets it in `HCh`).
    pub const NAME_SIZE_PDF: f32 = 17.0;
    /// Type size of the symbol's first letter, and of the rest.
    pub const SYMBOL_SIZES: (f32, f32) = (20.0, 10.0);
    /// Type size of the distribution block's lines.
    pub const DISTRIBUTION_SIZE: f32 = 10.0;
    /// Space under "United Nations" and the symbol in their row (DOCX).
    pub const NAME_AFTER_DOCX: f32 = 4.0;
    /// Space above the distribution line in its cell (DOCX).
    pub const DISTRIBUTION_BEFORE_DOCX: f32 = 12.0;

    /// Baseline of "United Nations" (PDF).
    pub const NAME_BASELINE_PDF: f32 = 57.6;
    /// Baseline of the symbol (PDF), 1 pt above the name's.
    pub const SYMBOL_BASELINE_PDF: f32 = NAME_BASELINE_PDF - 1.0;
    /// The thin rule under the first row: the running header's rule.
    pub const NAME_RULE_PDF: f32 = super::running::HEADER_RULE_PDF;
    /// Baseline of the organ's first line (PDF).
    pub const ORGAN_BASELINE_PDF: f32 = 87.4;
    /// Distance of the distribution block from the right margin (PDF).
    pub const DISTRIBUTION_FROM_RIGHT_PDF: f32 = 155.0;
    /// Space between the organ and the distribution block (PDF).
    pub const GAP_PDF: f32 = 12.0;
    /// Baseline of the distribution line (PDF).
    pub const DISTRIBUTION_BASELINE_PDF: f32 = 86.4;
    /// Line pitch of the distribution block (PDF).
    pub const DISTRIBUTION_PITCH_PDF: f32 = 12.0;
    /// The thick rule under the second row (PDF).
    pub const THICK_RULE_PDF: f32 = 209.3;
    /// Thickness of the rule under the first row: DOCX, PDF.
    pub const THIN_RULE_WIDTHS: (f32, f32) = (0.5, 0.75);
    /// Thickness of the rule under the second row.
    pub const THICK_RULE_WIDTH: f32 = 1.5;
}

/// The running header (the symbol over a rule) and footer (`page/total`
/// and the short job number) of the pages after the first.
pub mod running {
    /// Type size of the header's symbol and the footer's page number, bold.
    pub const SIZE: f32 = 8.5;
    /// Type size of the footer's short job number.
    pub const JOB_NUMBER_SIZE: f32 = 7.0;
    /// The `Header` and `Footer` styles' centre and right tab stops (3 and 6 in).
    pub const STYLE_TABS: (f32, f32) = (216.0, 432.0);
    /// Space above the header's symbol, under the header distance (DOCX).
    pub const HEADER_BEFORE_DOCX: f32 = 30.0;
    /// Space between the symbol and its rule (DOCX).
    pub const HEADER_AFTER_DOCX: f32 = 4.0;
    /// Baseline of the header's symbol (PDF).
    pub const HEADER_BASELINE_PDF: f32 = 58.5;
    /// The rule under the header (PDF).
    pub const HEADER_RULE_PDF: f32 = 64.8;
    /// Thickness of the header's rule: DOCX, PDF.
    pub const HEADER_RULE_WIDTHS: (f32, f32) = (0.25, 0.5);
    /// Baseline of the footer's page number (PDF).
    pub const FOOTER_BASELINE_FROM_BOTTOM_PDF: f32 = 37.0;
    /// How much lower the short job number's baseline is (PDF).
    pub const JOB_NUMBER_DROP_PDF: f32 = 1.0;
}

/// The first page's footer: the job number over its Code 39 barcode at one
/// margin, the QR code of the document's address with the recycling mark at
/// the other (as in the official files).
pub mod codes {
    /// Side of the QR code, quiet zone excluded.
    pub const QR_SIDE: f32 = 55.0;
    /// Distance from the foot of the QR code and the barcode to the page's bottom edge.
    pub const FOOT: f32 = 29.0;
    /// Space between the recycling symbol and the QR code.
    pub const RECYCLING_GAP: f32 = 6.0;
    /// Type size of "Please recycle" (bold) and of the recycling symbol.
    pub const RECYCLING_SIZES: (f32, f32) = (8.0, 19.0);

    /// Type size of the job number (PDF; the DOCX writer uses the `Footer` style's).
    pub const JOB_NUMBER_SIZE_PDF: f32 = 9.0;
    /// Inset of the job number and its barcode from their margin (PDF).
    pub const INSET_PDF: f32 = 6.0;
    /// Width and height of the barcode (PDF).
    pub const BARCODE_PDF: (f32, f32) = (100.0, 13.0);
    /// Baseline of the job number (PDF).
    pub const JOB_NUMBER_BASELINE_FROM_BOTTOM_PDF: f32 = 44.0;
    /// Baselines of "Please recycle" and of the recycling symbol (PDF).
    pub const RECYCLING_BASELINES_FROM_BOTTOM_PDF: (f32, f32) = (36.0, 34.0);
    /// Space between "Please recycle" and the recycling symbol (PDF).
    pub const RECYCLING_WORDS_GAP_PDF: f32 = 1.0;

    /// Width of a narrow barcode module: 0.0125 in (DOCX).
    pub const BARCODE_MODULE_DOCX: f32 = 0.9;
    /// Height of the bars: 0.15 in (DOCX).
    pub const BARCODE_HEIGHT_DOCX: f32 = 10.8;
    /// Space above the barcode's paragraph (DOCX).
    pub const BARCODE_BEFORE_DOCX: f32 = 4.0;
    /// Height of a footer line, a little under its real 10 pt (DOCX).
    pub const FOOTER_LINE_DOCX: f32 = 9.5;
    /// Height of the line with the recycling mark, a little under its real 22 pt (DOCX).
    pub const MARK_LINE_DOCX: f32 = 20.0;
}

/// Tables and figures, as the DGACM files set them (A/80/604/Add.1,
/// A/80/630): from the text indent to the right margin, no vertical rules,
/// a thin rule above the header and a thick one under it, a thin rule above
/// total rows and a thick one at the foot; header text italic and small,
/// body text a size under the running text, both on exact lines; cells with
/// no side margins, their text indented 86 twips at its start and 40 at its
/// end. Notes (lettered) and the source line follow in footnote type.
pub mod table {
    use super::TextStyle;

    /// Left and right cell margin of Word's default table style.
    pub const CELL_MARGIN: f32 = 5.4;
    /// Space between a cell's text and the column before it (none in the
    /// first column, which starts at the text indent): 86 twips.
    pub const CELL_LEAD: f32 = 4.3;
    /// Space between a cell's text and the column after it: 40 twips.
    pub const CELL_TRAIL: f32 = 2.0;
    /// The least room a Word table wider than the text column leaves at
    /// the page's edge: Word lets such a table run into the margin beyond
    /// its end (A/80/600's staffing tables end 41 pt from the edge).
    pub const EDGE_ROOM: f32 = 36.0;
    /// Width of a spacer column, the narrow empty column between groups
    /// (the files' spacer columns are 7 to 113 twips).
    pub const SPACER_COLUMN: f32 = 5.0;

    /// A thin rule: above the header, above total rows, under a header cell
    /// that spans columns (`w:sz` 4).
    pub const THIN_RULE: f32 = 0.5;
    /// A thick rule: under the header and at the foot of the table (`w:sz` 12).
    pub const THICK_RULE: f32 = 1.5;

    /// Header cells: italic 7 pt on an exact 8 pt line, 4.05 pt above and below.
    pub const HEAD: TextStyle = TextStyle {
        size: 7.0,
        line: 8.0,
        bold: false,
        italic: true,
        before: 4.05,
        after: 4.05,
    };
    /// Body cells: 8.5 pt on an exact 10.5 pt line, 2 pt above and below.
    pub const BODY: TextStyle = TextStyle {
        size: 8.5,
        line: 10.5,
        bold: false,
        italic: false,
        before: 2.0,
        after: 2.0,
    };
    /// Total rows: bold, 4.05 pt above and below.
    pub const TOTAL: TextStyle = TextStyle {
        bold: true,
        before: 4.05,
        after: 4.05,
        ..BODY
    };
    /// A total row's label stands in from the column's start by a tab (288 twips).
    pub const TOTAL_INDENT: f32 = 14.4;

    /// How far a row label stands in from its column's start: a tab per
    /// level of its cell's indent (a label under its group's), a total's
    /// at least one.
    pub fn label_indent(indent: u32, total: bool) -> f32 {
        let tabs = indent as f32 * TOTAL_INDENT;
        if total { tabs.max(TOTAL_INDENT) } else { tabs }
    }
    /// Space above the first body row, under the header's thick rule.
    pub const UNDER_HEAD: f32 = 5.75;

    /// The units line under the title (`(Thousands of United States
    /// dollars)`): 7 pt roman (`w:sz` 14).
    pub const UNITS: TextStyle = TextStyle {
        size: 7.0,
        line: 9.0,
        bold: false,
        italic: false,
        before: 0.0,
        after: 0.0,
    };
    /// Space above a table's or figure's title line, after the paragraph before.
    pub const TITLE_BEFORE: f32 = 12.0;
    /// Space between the title block and the grid or picture (two 6 pt spacers).
    pub const TITLE_AFTER: f32 = 12.0;
    /// Space between the grid or picture and its notes.
    pub const NOTES_BEFORE: f32 = 6.0;
    /// Space after the whole table or figure.
    pub const AFTER: f32 = 12.0;
    /// Right edge of a note's raised letter (a tab at 1476 twips from the margin).
    pub const NOTE_LETTER_END: f32 = 73.8;
    /// Where a note's text starts (1548 twips).
    pub const NOTE_TEXT: f32 = 77.4;

    /// Frame of a picture that cannot be drawn (PDF): its rule …
    pub const PLACEHOLDER_RULE: f32 = 0.5;
    /// … and its inner margin around the alternative text.
    pub const PLACEHOLDER_PADDING: f32 = 6.0;

    /// The summary box: a frame around the summary, margin to margin.
    pub const BOX_RULE: f32 = 0.5;
    /// The box's "Summary" heading: 12 pt italic.
    pub const BOX_HEADING_SIZE: f32 = 12.0;
    /// How far the heading stands in from the frame, and tables stop short of it.
    pub const BOX_INSET: f32 = 10.8;
    /// A box that is a table of figures (A/80/604/Add.1): the table is the
    /// box, inset from both margins by the text indent, its first column's
    /// text this far from the frame (475 twips) …
    pub const BOX_TABLE_LEAD: f32 = 23.75;
    /// … its last column's this far …
    pub const BOX_TABLE_TRAIL: f32 = 14.4;
    /// … and the other columns' text this far from the next column.
    pub const BOX_TABLE_GAP: f32 = 7.2;
    /// Space inside the frame above the first row and below the last.
    pub const BOX_PADDING: f32 = 5.75;
    /// A table inside a framed summary stands in from the frame (90 twips,
    /// A/80/600's nested tables).
    pub const FRAMED_TABLE_INDENT: f32 = 4.5;
    /// The rule over the notes in a box, as long as the footnote separator.
    pub const BOX_NOTES_RULE: f32 = 72.0;
}

#[cfg(test)]
mod tests {
    use super::table::{TOTAL_INDENT, label_indent};

    #[test]
    fn a_row_label_stands_in_a_tab_per_level_and_a_total_at_least_one() {
        assert_eq!(label_indent(0, false), 0.0);
        assert_eq!(label_indent(1, false), TOTAL_INDENT);
        assert_eq!(label_indent(0, true), TOTAL_INDENT);
        assert_eq!(label_indent(1, true), TOTAL_INDENT);
        assert_eq!(label_indent(2, true), 2.0 * TOTAL_INDENT);
    }
}
