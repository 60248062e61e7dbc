//! Paragraph, run, table and style properties whose serialization follows
//! the child order ISO/IEC 29500-1 prescribes (§17.3.1.26 `pPr`, §17.3.2.28
//! `rPr`, §17.7.4 `style`, §17.4.60 `tblPr`, `trPr` and §17.4.70 `tcPr`). The order lives here, in one
//! `write` method per type, so no caller can get it wrong.

use super::units::Twips;
use super::xml::Xml;

/// A tab stop kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabKind {
    /// Text starts at the stop.
    Left,
    /// Text is centred on the stop.
    Center,
    /// Text ends at the stop.
    Right,
    /// Removes a stop inherited from the style.
    Clear,
    /// Text ends at the stop, dot leaders before it (a contents entry's page).
    RightDots,
}

/// A tab stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tab {
    /// Kind.
    pub kind: TabKind,
    /// Position from the leading indent edge.
    pub pos: Twips,
}

impl Tab {
    /// A left tab stop at `pos`.
    pub const fn left(pos: Twips) -> Tab {
        Tab {
            kind: TabKind::Left,
            pos,
        }
    }

    /// A right tab stop at `pos`.
    pub const fn right(pos: Twips) -> Tab {
        Tab {
            kind: TabKind::Right,
            pos,
        }
    }
}

/// How the `line` value of [`Spacing`] is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRule {
    /// Exactly this height, in twips.
    Exact,
    /// In 240ths of a line.
    Auto,
}

/// Space before and after a paragraph, and its line height.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spacing {
    /// Space before, twips.
    pub before: Option<Twips>,
    /// Space after, twips.
    pub after: Option<Twips>,
    /// Line height and how to read it.
    pub line: Option<(Twips, LineRule)>,
}

/// Paragraph indentation. In a `bidi` paragraph Word and LibreOffice read
/// `left` as the leading (right-hand) edge, so one value serves both directions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ind {
    /// Leading indent.
    pub left: Option<Twips>,
    /// Trailing indent.
    pub right: Option<Twips>,
    /// Hanging indent of the first line.
    pub hanging: Option<Twips>,
}

/// Paragraph alignment (logical in `bidi` paragraphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jc {
    /// Leading edge.
    Left,
    /// Trailing edge.
    Right,
    /// Centred.
    Center,
    /// Justified.
    Both,
}

impl Jc {
    fn as_str(self) -> &'static str {
        match self {
            Jc::Left => "left",
            Jc::Right => "right",
            Jc::Center => "center",
            Jc::Both => "both",
        }
    }
}

/// Paragraph properties (`w:pPr`).
#[derive(Debug, Clone, Default)]
pub struct PPr<'a> {
    /// Paragraph style id.
    pub style: Option<&'a str>,
    /// Keep with the next paragraph (`Some(false)` writes `w:val="0"`).
    pub keep_next: Option<bool>,
    /// Keep the paragraph's lines together.
    pub keep_lines: Option<bool>,
    /// Start on a new page.
    pub page_break_before: bool,
    /// A bottom border of this width in eighths of a point.
    pub border_bottom: Option<u32>,
    /// Tab stops.
    pub tabs: &'a [Tab],
    /// Turn automatic hyphenation off.
    pub suppress_auto_hyphens: bool,
    /// Right-to-left (`Some(true)`) or explicitly left-to-right
    /// (`Some(false)`, needed inside right-to-left tables and sections).
    pub bidi: Option<bool>,
    /// Spacing.
    pub spacing: Option<Spacing>,
    /// Indentation.
    pub ind: Option<Ind>,
    /// Alignment.
    pub jc: Option<Jc>,
    /// Outline level (0 = level 1).
    pub outline: Option<u8>,
    /// Properties of the paragraph mark.
    pub mark: Option<RPr<'a>>,
}

fn on_off(x: &mut Xml, name: &str, value: Option<bool>) {
    match value {
        Some(true) => x.empty(name, &[]),
        Some(false) => x.val(name, "0"),
        None => {}
    }
}

impl PPr<'_> {
    /// Whether nothing would be written.
    pub fn is_empty(&self) -> bool {
        self.style.is_none()
            && self.keep_next.is_none()
            && self.keep_lines.is_none()
            && !self.page_break_before
            && self.border_bottom.is_none()
            && self.tabs.is_empty()
            && !self.suppress_auto_hyphens
            && self.bidi.is_none()
            && self.spacing.is_none()
            && self.ind.is_none()
            && self.jc.is_none()
            && self.outline.is_none()
            && self.mark.as_ref().is_none_or(RPr::is_empty)
    }

    /// Writes `<w:pPr>` (nothing if empty) in schema order.
    pub fn write(&self, x: &mut Xml) {
        if self.is_empty() {
            return;
        }
        x.open("w:pPr", &[]);
        if let Some(style) = self.style {
            x.val("w:pStyle", style);
        }
        on_off(x, "w:keepNext", self.keep_next);
        on_off(x, "w:keepLines", self.keep_lines);
        if self.page_break_before {
            x.empty("w:pageBreakBefore", &[]);
        }
        if let Some(sz) = self.border_bottom {
            x.open("w:pBdr", &[]);
            x.empty(
                "w:bottom",
                &[
                    ("w:val", "single"),
                    ("w:sz", &sz.to_string()),
                    ("w:space", "1"),
                    ("w:color", "auto"),
                ],
            );
            x.close("w:pBdr");
        }
        write_tabs(x, self.tabs);
        if self.suppress_auto_hyphens {
            x.empty("w:suppressAutoHyphens", &[]);
        }
        on_off(x, "w:bidi", self.bidi);
        if let Some(spacing) = &self.spacing {
            spacing.write(x);
        }
        if let Some(ind) = &self.ind {
            ind.write(x);
        }
        if let Some(jc) = self.jc {
            x.val("w:jc", jc.as_str());
        }
        if let Some(level) = self.outline {
            x.val_n("w:outlineLvl", level.into());
        }
        if let Some(mark) = &self.mark {
            mark.write(x);
        }
        x.close("w:pPr");
    }
}

/// Writes `<w:tabs>` (nothing if there are none).
fn write_tabs(x: &mut Xml, tabs: &[Tab]) {
    if tabs.is_empty() {
        return;
    }
    x.open("w:tabs", &[]);
    for tab in tabs {
        let kind = match tab.kind {
            TabKind::Left => "left",
            TabKind::Center => "center",
            TabKind::Right => "right",
            TabKind::Clear => "clear",
            TabKind::RightDots => "right",
        };
        let pos = tab.pos.to_string();
        if tab.kind == TabKind::RightDots {
            x.empty(
                "w:tab",
                &[("w:val", kind), ("w:leader", "dot"), ("w:pos", &pos)],
            );
        } else {
            x.empty("w:tab", &[("w:val", kind), ("w:pos", &pos)]);
        }
    }
    x.close("w:tabs");
}

impl Spacing {
    /// Writes `<w:spacing>` with the values that are set.
    fn write(&self, x: &mut Xml) {
        let before = self.before.map(|v| v.to_string());
        let after = self.after.map(|v| v.to_string());
        let line = self.line.map(|(v, _)| v.to_string());
        let mut attrs: Vec<(&str, &str)> = Vec::with_capacity(4);
        if let Some(v) = &before {
            attrs.push(("w:before", v));
        }
        if let Some(v) = &after {
            attrs.push(("w:after", v));
        }
        if let (Some(v), Some((_, rule))) = (&line, self.line) {
            attrs.push(("w:line", v));
            attrs.push((
                "w:lineRule",
                match rule {
                    LineRule::Exact => "exact",
                    LineRule::Auto => "auto",
                },
            ));
        }
        x.empty("w:spacing", &attrs);
    }
}

impl Ind {
    /// Writes `<w:ind>` with the values that are set.
    fn write(&self, x: &mut Xml) {
        let left = self.left.map(|v| v.to_string());
        let right = self.right.map(|v| v.to_string());
        let hanging = self.hanging.map(|v| v.to_string());
        let mut attrs: Vec<(&str, &str)> = Vec::with_capacity(3);
        if let Some(v) = &left {
            attrs.push(("w:left", v));
        }
        if let Some(v) = &right {
            attrs.push(("w:right", v));
        }
        if let Some(v) = &hanging {
            attrs.push(("w:hanging", v));
        }
        x.empty("w:ind", &attrs);
    }
}

/// Fonts of a run (`w:rFonts`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fonts<'a> {
    /// Latin (ASCII and high ANSI) font.
    pub latin: Option<&'a str>,
    /// East Asian font.
    pub east_asia: Option<&'a str>,
    /// Complex-script (Arabic) font.
    pub cs: Option<&'a str>,
    /// Which font ambiguous characters take (`eastAsia`).
    pub hint: Option<&'a str>,
}

/// Language tags of a run (`w:lang`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LangTags<'a> {
    /// Language of Latin and Cyrillic text.
    pub val: Option<&'a str>,
    /// Language of East Asian text.
    pub east_asia: Option<&'a str>,
    /// Language of right-to-left text.
    pub bidi: Option<&'a str>,
}

impl Fonts<'_> {
    /// Writes `<w:rFonts>` with the fonts that are set.
    fn write(&self, x: &mut Xml) {
        let mut attrs: Vec<(&str, &str)> = Vec::with_capacity(5);
        if let Some(latin) = self.latin {
            attrs.push(("w:ascii", latin));
            attrs.push(("w:hAnsi", latin));
        }
        if let Some(ea) = self.east_asia {
            attrs.push(("w:eastAsia", ea));
        }
        if let Some(cs) = self.cs {
            attrs.push(("w:cs", cs));
        }
        if let Some(hint) = self.hint {
            attrs.push(("w:hint", hint));
        }
        x.empty("w:rFonts", &attrs);
    }
}

impl LangTags<'_> {
    /// Writes the tags that are set as the attributes of an empty element
    /// `name` (`w:lang`, or the settings' `w:themeFontLang`).
    pub fn write_as(&self, x: &mut Xml, name: &str) {
        let mut attrs: Vec<(&str, &str)> = Vec::with_capacity(3);
        if let Some(v) = self.val {
            attrs.push(("w:val", v));
        }
        if let Some(v) = self.east_asia {
            attrs.push(("w:eastAsia", v));
        }
        if let Some(v) = self.bidi {
            attrs.push(("w:bidi", v));
        }
        x.empty(name, &attrs);
    }
}

/// Run properties (`w:rPr`).
#[derive(Debug, Clone, Default)]
pub struct RPr<'a> {
    /// Character style id.
    pub style: Option<&'a str>,
    /// Fonts.
    pub fonts: Option<Fonts<'a>>,
    /// Bold.
    pub b: Option<bool>,
    /// Complex-script bold.
    pub b_cs: Option<bool>,
    /// Italic.
    pub i: Option<bool>,
    /// Complex-script italic.
    pub i_cs: Option<bool>,
    /// Not spell-checked.
    pub no_proof: bool,
    /// Colour, `RRGGBB` or `auto`.
    pub color: Option<&'a str>,
    /// Letter spacing in twips.
    pub spacing: Option<i32>,
    /// Horizontal scale, per cent.
    pub w: Option<u32>,
    /// Kerning from this size on, half-points.
    pub kern: Option<u32>,
    /// Raised or lowered by half-points.
    pub position: Option<i32>,
    /// Size, half-points.
    pub sz: Option<u32>,
    /// Complex-script size, half-points.
    pub sz_cs: Option<u32>,
    /// Underline kind.
    pub u: Option<&'a str>,
    /// `superscript` or `subscript`.
    pub vert_align: Option<&'a str>,
    /// Right-to-left run.
    pub rtl: bool,
    /// Languages.
    pub lang: Option<LangTags<'a>>,
}

impl RPr<'_> {
    /// Whether nothing would be written.
    pub fn is_empty(&self) -> bool {
        self.style.is_none()
            && self.fonts.is_none()
            && self.b.is_none()
            && self.b_cs.is_none()
            && self.i.is_none()
            && self.i_cs.is_none()
            && !self.no_proof
            && self.color.is_none()
            && self.spacing.is_none()
            && self.w.is_none()
            && self.kern.is_none()
            && self.position.is_none()
            && self.sz.is_none()
            && self.sz_cs.is_none()
            && self.u.is_none()
            && self.vert_align.is_none()
            && !self.rtl
            && self.lang.is_none()
    }

    /// Writes `<w:rPr>` (nothing if empty) in schema order.
    pub fn write(&self, x: &mut Xml) {
        if self.is_empty() {
            return;
        }
        x.open("w:rPr", &[]);
        if let Some(style) = self.style {
            x.val("w:rStyle", style);
        }
        if let Some(fonts) = &self.fonts {
            fonts.write(x);
        }
        on_off(x, "w:b", self.b);
        on_off(x, "w:bCs", self.b_cs);
        on_off(x, "w:i", self.i);
        on_off(x, "w:iCs", self.i_cs);
        if self.no_proof {
            x.empty("w:noProof", &[]);
        }
        if let Some(color) = self.color {
            x.val("w:color", color);
        }
        if let Some(v) = self.spacing {
            x.val_n("w:spacing", v.into());
        }
        if let Some(v) = self.w {
            x.val_n("w:w", v.into());
        }
        if let Some(v) = self.kern {
            x.val_n("w:kern", v.into());
        }
        if let Some(v) = self.position {
            x.val_n("w:position", v.into());
        }
        if let Some(v) = self.sz {
            x.val_n("w:sz", v.into());
        }
        if let Some(v) = self.sz_cs {
            x.val_n("w:szCs", v.into());
        }
        if let Some(u) = self.u {
            x.val("w:u", u);
        }
        if let Some(v) = self.vert_align {
            x.val("w:vertAlign", v);
        }
        if self.rtl {
            x.empty("w:rtl", &[]);
        }
        if let Some(tags) = &self.lang {
            tags.write_as(x, "w:lang");
        }
        x.close("w:rPr");
    }
}

/// A rule: a single line this many eighths of a point thick.
pub type Rule = u32;

/// Writes a single-line border element `side` (`w:top`, `w:left` …).
fn rule(x: &mut Xml, side: &str, sz: Rule) {
    x.empty(
        side,
        &[
            ("w:val", "single"),
            ("w:sz", &sz.to_string()),
            ("w:space", "0"),
            ("w:color", "auto"),
        ],
    );
}

/// Table properties (`w:tblPr`): fixed layout, no side cell margins (cell
/// text is placed by paragraph indents, as in the DGACM files).
#[derive(Debug, Clone, Default)]
pub struct TblPr<'a> {
    /// Lay the columns out right to left.
    pub bidi_visual: bool,
    /// Total width in twips; `None` for automatic.
    pub width: Option<Twips>,
    /// Indent from the leading margin.
    pub indent: Option<Twips>,
    /// A frame around the table, this thick (the summary box).
    pub frame: Option<Rule>,
    /// What the table holds, for screen readers (`w:tblCaption`).
    pub caption: Option<&'a str>,
}

impl TblPr<'_> {
    /// Writes `<w:tblPr>` in schema order.
    pub fn write(&self, x: &mut Xml) {
        x.open("w:tblPr", &[]);
        if self.bidi_visual {
            x.empty("w:bidiVisual", &[]);
        }
        match self.width {
            Some(w) => x.empty("w:tblW", &[("w:w", &w.to_string()), ("w:type", "dxa")]),
            None => x.empty("w:tblW", &[("w:w", "0"), ("w:type", "auto")]),
        }
        if let Some(indent) = self.indent {
            x.empty(
                "w:tblInd",
                &[("w:w", &indent.to_string()), ("w:type", "dxa")],
            );
        }
        if let Some(sz) = self.frame {
            x.open("w:tblBorders", &[]);
            for side in ["w:top", "w:left", "w:bottom", "w:right"] {
                rule(x, side, sz);
            }
            x.close("w:tblBorders");
        }
        x.empty("w:tblLayout", &[("w:type", "fixed")]);
        x.open("w:tblCellMar", &[]);
        x.empty("w:left", &[("w:w", "0"), ("w:type", "dxa")]);
        x.empty("w:right", &[("w:w", "0"), ("w:type", "dxa")]);
        x.close("w:tblCellMar");
        x.empty(
            "w:tblLook",
            &[
                ("w:val", "0000"),
                ("w:firstRow", "0"),
                ("w:lastRow", "0"),
                ("w:firstColumn", "0"),
                ("w:lastColumn", "0"),
                ("w:noHBand", "0"),
                ("w:noVBand", "0"),
            ],
        );
        if let Some(caption) = self.caption {
            x.val("w:tblCaption", caption);
        }
        x.close("w:tblPr");
    }
}

/// Row properties (`w:trPr`).
#[derive(Debug, Clone, Copy, Default)]
pub struct TrPr {
    /// Grid columns left empty after the row's last cell (a short row).
    pub grid_after: u32,
    /// The row is never split across pages (unless taller than a page).
    pub cant_split: bool,
    /// The least height.
    pub min_height: Option<Twips>,
    /// A header row, repeated at the top of each page the table reaches.
    pub header: bool,
}

impl TrPr {
    /// Writes `<w:trPr>` (nothing if empty) in the order Word writes it.
    pub fn write(&self, x: &mut Xml) {
        if self.grid_after == 0 && !self.cant_split && self.min_height.is_none() && !self.header {
            return;
        }
        x.open("w:trPr", &[]);
        if self.grid_after > 0 {
            x.val_n("w:gridAfter", self.grid_after.into());
        }
        if self.cant_split {
            x.empty("w:cantSplit", &[]);
        }
        if let Some(height) = self.min_height {
            x.empty(
                "w:trHeight",
                &[("w:val", &height.to_string()), ("w:hRule", "atLeast")],
            );
        }
        if self.header {
            x.empty("w:tblHeader", &[]);
        }
        x.close("w:trPr");
    }
}

/// A cell's part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VMerge {
    /// The first cell of the merge, holding its text.
    Restart,
    /// A cell below it, covered by the merge (Word needs one per row).
    Continue,
}

/// Cell properties (`w:tcPr`).
#[derive(Debug, Clone, Copy, Default)]
pub struct TcPr {
    /// Width.
    pub width: Twips,
    /// Grid columns spanned.
    pub span: u32,
    /// Its part in a vertical merge, if any.
    pub v_merge: Option<VMerge>,
    /// Top rule, in eighths of a point.
    pub top: Option<Rule>,
    /// Bottom rule, in eighths of a point.
    pub bottom: Option<Rule>,
    /// Content sits at the bottom of the cell.
    pub bottom_aligned: bool,
}

impl TcPr {
    /// Writes `<w:tcPr>` in schema order.
    pub fn write(&self, x: &mut Xml) {
        x.open("w:tcPr", &[]);
        x.empty(
            "w:tcW",
            &[("w:w", &self.width.to_string()), ("w:type", "dxa")],
        );
        if self.span > 1 {
            x.val_n("w:gridSpan", self.span.into());
        }
        match self.v_merge {
            Some(VMerge::Restart) => x.val("w:vMerge", "restart"),
            Some(VMerge::Continue) => x.empty("w:vMerge", &[]),
            None => {}
        }
        if self.top.is_some() || self.bottom.is_some() {
            x.open("w:tcBorders", &[]);
            if let Some(sz) = self.top {
                rule(x, "w:top", sz);
            }
            if let Some(sz) = self.bottom {
                rule(x, "w:bottom", sz);
            }
            x.close("w:tcBorders");
        }
        if self.bottom_aligned {
            x.val("w:vAlign", "bottom");
        }
        x.close("w:tcPr");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_properties_come_out_in_schema_order() {
        let mut x = Xml::fragment();
        PPr {
            mark: Some(RPr {
                b: Some(true),
                ..RPr::default()
            }),
            jc: Some(Jc::Both),
            ind: Some(Ind {
                left: Some(1267),
                ..Ind::default()
            }),
            bidi: Some(true),
            style: Some("SingleTxt"),
            ..PPr::default()
        }
        .write(&mut x);
        assert_eq!(
            x.finish(),
            "<w:pPr><w:pStyle w:val=\"SingleTxt\"/><w:bidi/><w:ind w:left=\"1267\"/>\
             <w:jc w:val=\"both\"/><w:rPr><w:b/></w:rPr></w:pPr>"
        );
    }

    #[test]
    fn run_properties_come_out_in_schema_order() {
        let mut x = Xml::fragment();
        RPr {
            lang: Some(LangTags {
                bidi: Some("ar-SA"),
                ..LangTags::default()
            }),
            rtl: true,
            sz_cs: Some(20),
            fonts: Some(Fonts {
                cs: Some("Simplified Arabic"),
                ..Fonts::default()
            }),
            style: Some("Hyperlink"),
            ..RPr::default()
        }
        .write(&mut x);
        assert_eq!(
            x.finish(),
            "<w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:rFonts w:cs=\"Simplified Arabic\"/>\
             <w:szCs w:val=\"20\"/><w:rtl/><w:lang w:bidi=\"ar-SA\"/></w:rPr>"
        );
        let mut empty = Xml::fragment();
        RPr::default().write(&mut empty);
        assert_eq!(empty.finish(), "");
    }
}
