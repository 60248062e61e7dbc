//! `word/styles.xml`: the DGACM template's styles, by the template's ids and
//! names and with its metrics (Normal 10 pt Times New Roman on an exact
//! 12 pt line, `SingleTxt` indented 1267 twips both sides, `HCh` 14 pt bold …),
//! with the fonts and language tags of the document's language. The styles
//! are data ([`rows`]); this module writes them.

mod rows;

pub(super) use rows::BODY_TEXT_LEVEL;

use super::Ctx;
use super::props::{Fonts, PPr, RPr, Tab, TabKind};
use super::units::{Twips, half_points, twips};
use super::xml::{NS_W, Xml};
use crate::write::page::{self, HEADING_NUMBER_END, TAB_STOPS, running};
use rows::{STYLES, StyleKind, StyleRow};

/// The indent of body text and headings from both margins.
pub const TEXT_INDENT: Twips = twips(page::TEXT_INDENT);

/// Tab stops of `SingleTxt`: at the text indent and every template stop after it.
pub const BODY_TABS: [Tab; 1 + TAB_STOPS.len()] = {
    let mut tabs = [Tab::left(TEXT_INDENT); 1 + TAB_STOPS.len()];
    let mut i = 0;
    while i < TAB_STOPS.len() {
        tabs[i + 1] = Tab::left(twips(TAB_STOPS[i]));
        i += 1;
    }
    tabs
};

/// Tab stops of numbered headings: the number ends at a right stop, the
/// text starts at the text indent.
pub const HEADING_TABS: [Tab; 1 + BODY_TABS.len()] = {
    let mut tabs = [Tab::right(twips(HEADING_NUMBER_END)); 1 + BODY_TABS.len()];
    let mut i = 0;
    while i < BODY_TABS.len() {
        tabs[i + 1] = BODY_TABS[i];
        i += 1;
    }
    tabs
};

/// Normal's size.
const BODY_SIZE: u32 = half_points(page::BODY.size);

/// Tab stops of the `Header` and `Footer` styles.
pub const HEADER_TABS: [Tab; 2] = [
    Tab {
        kind: TabKind::Center,
        pos: twips(running::STYLE_TABS.0),
    },
    Tab::right(twips(running::STYLE_TABS.1)),
];

impl StyleRow {
    /// Writes the style in the child order of `CT_Style`, with the
    /// document's fonts, language tags and direction where the row takes them.
    fn write(&self, x: &mut Xml, ctx: &Ctx) {
        let kind = match self.kind {
            StyleKind::Paragraph => "paragraph",
            StyleKind::Character => "character",
        };
        let mut attrs = vec![("w:type", kind)];
        if self.default {
            attrs.push(("w:default", "1"));
        } else if self.custom {
            attrs.push(("w:customStyle", "1"));
        }
        attrs.push(("w:styleId", self.id));
        x.open("w:style", &attrs);
        x.val("w:name", self.name);
        if let Some(b) = self.based_on {
            x.val("w:basedOn", b);
        }
        if let Some(n) = self.next {
            x.val("w:next", n);
        }
        if let Some(p) = self.ui_priority {
            x.val_n("w:uiPriority", p.into());
        }
        if self.semi_hidden {
            x.empty("w:semiHidden", &[]);
            x.empty("w:unhideWhenUsed", &[]);
        }
        if self.q_format {
            x.empty("w:qFormat", &[]);
        }
        self.ppr(ctx).write(x);
        self.rpr(ctx).write(x);
        x.close("w:style");
    }

    fn ppr<'a>(&self, ctx: &Ctx) -> PPr<'a> {
        PPr {
            keep_next: self.keep,
            keep_lines: self.keep,
            tabs: self.tabs,
            suppress_auto_hyphens: self.no_hyphens,
            bidi: (self.bidi && ctx.rtl).then_some(true),
            spacing: self.spacing,
            ind: self.ind,
            jc: self.jc,
            outline: self.outline,
            ..PPr::default()
        }
    }

    fn rpr<'a>(&self, ctx: &Ctx<'a>) -> RPr<'a> {
        // Times New Roman's tracking and width; Arabic and Chinese fonts take none.
        let tracked = ctx.lang.takes_letter_spacing();
        RPr {
            fonts: self.fonts.then(|| ctx.style_fonts()),
            b: self.bold,
            b_cs: self.bold,
            i: self.italic,
            i_cs: self.italic,
            no_proof: self.no_proof,
            color: self.color,
            spacing: self.tracking.filter(|_| tracked),
            w: self.scale.filter(|_| tracked),
            kern: self.kern,
            position: self.position,
            sz: self.size,
            sz_cs: self.size,
            u: self.underline,
            vert_align: self.vert_align,
            lang: self.lang.then(|| ctx.lang_tags()),
            ..RPr::default()
        }
    }
}

/// Writes `word/styles.xml` for the document's language.
pub fn styles(ctx: &Ctx) -> String {
    let mut x = Xml::part(12 * 1024);
    x.open("w:styles", &[("xmlns:w", NS_W)]);
    doc_defaults(&mut x, ctx);
    for row in &STYLES {
        row.write(&mut x, ctx);
    }
    table_normal(&mut x);
    x.close("w:styles");
    x.finish()
}

/// The document defaults: the document's fonts, body size and languages,
/// single-spaced paragraphs with no space after.
fn doc_defaults(x: &mut Xml, ctx: &Ctx) {
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    RPr {
        fonts: Some(ctx.style_fonts()),
        sz: Some(BODY_SIZE),
        sz_cs: Some(BODY_SIZE),
        lang: Some(ctx.lang_tags()),
        ..RPr::default()
    }
    .write(x);
    x.close("w:rPrDefault");
    x.open("w:pPrDefault", &[]);
    x.open("w:pPr", &[]);
    x.empty(
        "w:spacing",
        &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
    );
    x.close("w:pPr");
    x.close("w:pPrDefault");
    x.close("w:docDefaults");
}

/// The default table style, as in the template (no indent, the template's cell margins).
fn table_normal(x: &mut Xml) {
    let margin = twips(page::table::CELL_MARGIN).to_string();
    x.open(
        "w:style",
        &[
            ("w:type", "table"),
            ("w:default", "1"),
            ("w:styleId", "TableNormal"),
        ],
    );
    x.val("w:name", "Normal Table");
    x.val_n("w:uiPriority", 99);
    x.empty("w:semiHidden", &[]);
    x.empty("w:unhideWhenUsed", &[]);
    x.open("w:tblPr", &[]);
    x.empty("w:tblInd", &[("w:w", "0"), ("w:type", "dxa")]);
    x.open("w:tblCellMar", &[]);
    for (side, w) in [
        ("w:top", "0"),
        ("w:left", margin.as_str()),
        ("w:bottom", "0"),
        ("w:right", margin.as_str()),
    ] {
        x.empty(side, &[("w:w", w), ("w:type", "dxa")]);
    }
    x.close("w:tblCellMar");
    x.close("w:tblPr");
    x.close("w:style");
}

/// The fonts every style names, for reuse by parts that set fonts directly.
pub fn font_names<'a>(fonts: &Fonts<'a>) -> Vec<&'a str> {
    let mut names: Vec<&str> = [fonts.latin, fonts.east_asia, fonts.cs]
        .into_iter()
        .flatten()
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}
