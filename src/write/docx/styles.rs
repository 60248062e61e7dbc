//! `word/styles.xml`: the DGACM template's styles, by the template's ids and
//! names and with its metrics (Normal 10 pt Times New Roman on an exact
//! 12 pt line, `SingleTxt` indented 1267 twips both sides, `HCh` 14 pt bold …),
//! with the fonts and language tags of the document's language.

use super::Ctx;
use super::props::{Fonts, Ind, Jc, LineRule, PPr, RPr, Spacing, Tab, TabKind};
use super::units::{Twips, half_points, twips};
use super::xml::{NS_W, Xml};
use crate::write::page::{self, HEADING_NUMBER_END, MINOR_HEADING_TAB, TAB_STOPS, note, running};

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

/// A style definition, written in the child order of `CT_Style`.
struct Style<'a> {
    kind: &'static str,
    id: &'static str,
    name: &'static str,
    default: bool,
    based_on: Option<&'static str>,
    next: Option<&'static str>,
    ui_priority: Option<u32>,
    semi_hidden: bool,
    q_format: bool,
    ppr: PPr<'a>,
    rpr: RPr<'a>,
}

impl<'a> Style<'a> {
    fn paragraph(id: &'static str, name: &'static str) -> Style<'a> {
        Style {
            kind: "paragraph",
            id,
            name,
            default: false,
            based_on: Some("Normal"),
            next: None,
            ui_priority: None,
            semi_hidden: false,
            q_format: true,
            ppr: PPr::default(),
            rpr: RPr::default(),
        }
    }

    fn character(id: &'static str, name: &'static str) -> Style<'a> {
        Style {
            kind: "character",
            based_on: Some("DefaultParagraphFont"),
            q_format: false,
            ..Style::paragraph(id, name)
        }
    }

    fn write(&self, x: &mut Xml) {
        let mut attrs = vec![("w:type", self.kind)];
        if self.default {
            attrs.push(("w:default", "1"));
        } else if !matches!(self.id, "Header" | "Footer" | "FootnoteText")
            && self.kind == "paragraph"
        {
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
        self.ppr.write(x);
        self.rpr.write(x);
        x.close("w:style");
    }
}

fn exact(line: i32) -> Option<Spacing> {
    Some(Spacing {
        line: Some((line, LineRule::Exact)),
        ..Spacing::default()
    })
}

fn size(half_points: u32) -> (Option<u32>, Option<u32>) {
    (Some(half_points), Some(half_points))
}

/// Writes `word/styles.xml` for the document's language.
pub fn styles(ctx: &Ctx) -> String {
    let fonts = ctx.style_fonts();
    let lang = ctx.lang_tags();
    let tracking = ctx.lang.takes_letter_spacing();
    let track = |v: i32| tracking.then_some(v);
    let scale = |v: u32| tracking.then_some(v);
    let bidi = ctx.rtl;

    let mut x = Xml::part(12 * 1024);
    x.open("w:styles", &[("xmlns:w", NS_W)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    let (sz, sz_cs) = size(BODY_SIZE);
    RPr {
        fonts: Some(fonts),
        sz,
        sz_cs,
        lang: Some(lang),
        ..RPr::default()
    }
    .write(&mut x);
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

    let mut styles: Vec<Style> = Vec::with_capacity(24);

    let (sz, sz_cs) = size(BODY_SIZE);
    styles.push(Style {
        default: true,
        based_on: None,
        ppr: PPr {
            suppress_auto_hyphens: true,
            bidi: bidi.then_some(true),
            spacing: exact(240).map(|s| Spacing {
                after: Some(0),
                ..s
            }),
            ..PPr::default()
        },
        rpr: RPr {
            fonts: Some(fonts),
            spacing: track(4),
            w: scale(103),
            sz,
            sz_cs,
            lang: Some(lang),
            ..RPr::default()
        },
        ..Style::paragraph("Normal", "Normal")
    });

    let header_rpr = |bold: bool| {
        let (sz, sz_cs) = size(17);
        RPr {
            fonts: Some(fonts),
            b: bold.then_some(true),
            b_cs: bold.then_some(true),
            no_proof: true,
            sz,
            sz_cs,
            ..RPr::default()
        }
    };
    let header_ppr = PPr {
        tabs: &HEADER_TABS,
        bidi: bidi.then_some(true),
        spacing: Some(Spacing {
            after: Some(0),
            line: Some((240, LineRule::Auto)),
            ..Spacing::default()
        }),
        ..PPr::default()
    };
    styles.push(Style {
        based_on: None,
        ui_priority: Some(99),
        ppr: header_ppr.clone(),
        rpr: header_rpr(false),
        ..Style::paragraph("Header", "header")
    });
    styles.push(Style {
        based_on: None,
        ppr: header_ppr,
        rpr: header_rpr(true),
        ..Style::paragraph("Footer", "footer")
    });

    let (sz, sz_cs) = size(24);
    styles.push(Style {
        next: Some("SingleTxt"),
        ppr: PPr {
            keep_next: Some(true),
            keep_lines: Some(true),
            spacing: exact(270),
            outline: Some(0),
            ..PPr::default()
        },
        rpr: RPr {
            b: Some(true),
            b_cs: Some(true),
            kern: Some(14),
            sz,
            sz_cs,
            ..RPr::default()
        },
        ..Style::paragraph("H1", "_ H_1")
    });
    let (sz, sz_cs) = size(28);
    styles.push(Style {
        based_on: Some("H1"),
        next: Some("SingleTxt"),
        ppr: PPr {
            spacing: exact(300),
            ..PPr::default()
        },
        rpr: RPr {
            spacing: track(-2),
            sz,
            sz_cs,
            ..RPr::default()
        },
        ..Style::paragraph("HCh", "_ H _Ch")
    });
    let (sz, sz_cs) = size(20);
    styles.push(Style {
        based_on: Some("H1"),
        next: Some("SingleTxt"),
        ppr: PPr {
            spacing: exact(240),
            outline: Some(1),
            ..PPr::default()
        },
        rpr: RPr {
            spacing: track(2),
            sz,
            sz_cs,
            ..RPr::default()
        },
        ..Style::paragraph("H23", "_ H_2/3")
    });
    const H4_TABS: [Tab; 1] = [Tab::right(twips(MINOR_HEADING_TAB))];
    styles.push(Style {
        next: Some("SingleTxt"),
        ppr: PPr {
            keep_next: Some(true),
            keep_lines: Some(true),
            tabs: &H4_TABS,
            outline: Some(3),
            ..PPr::default()
        },
        rpr: RPr {
            i: Some(true),
            i_cs: Some(true),
            spacing: track(3),
            kern: Some(14),
            ..RPr::default()
        },
        ..Style::paragraph("H4", "_ H_4")
    });
    styles.push(Style {
        next: Some("Normal"),
        ppr: PPr {
            keep_next: Some(true),
            keep_lines: Some(true),
            tabs: &H4_TABS,
            outline: Some(4),
            ..PPr::default()
        },
        rpr: RPr {
            kern: Some(14),
            ..RPr::default()
        },
        ..Style::paragraph("H56", "_ H_5/6")
    });
    let (sz, sz_cs) = size(34);
    styles.push(Style {
        based_on: Some("HCh"),
        next: Some("Normal"),
        ppr: PPr {
            spacing: exact(360),
            ..PPr::default()
        },
        rpr: RPr {
            spacing: track(-3),
            w: scale(99),
            sz,
            sz_cs,
            ..RPr::default()
        },
        ..Style::paragraph("HM", "_ H __M")
    });
    let (sz, sz_cs) = size(40);
    styles.push(Style {
        based_on: Some("HM"),
        ppr: PPr {
            spacing: exact(390),
            ..PPr::default()
        },
        rpr: RPr {
            spacing: track(-4),
            w: scale(98),
            sz,
            sz_cs,
            ..RPr::default()
        },
        ..Style::paragraph("XLarge", "XLarge")
    });
    styles.push(Style {
        ppr: PPr {
            tabs: &BODY_TABS,
            spacing: Some(Spacing {
                after: Some(120),
                ..Spacing::default()
            }),
            ind: Some(Ind {
                left: Some(TEXT_INDENT),
                right: Some(TEXT_INDENT),
                hanging: None,
            }),
            jc: Some(Jc::Both),
            ..PPr::default()
        },
        rpr: RPr {
            kern: Some(14),
            ..RPr::default()
        },
        ..Style::paragraph("SingleTxt", "__Single Txt")
    });
    let title_ind = Some(Ind {
        left: Some(TEXT_INDENT),
        right: Some(TEXT_INDENT),
        hanging: Some(TEXT_INDENT),
    });
    styles.push(Style {
        based_on: Some("HCh"),
        next: Some("SingleTxt"),
        ppr: PPr {
            tabs: &HEADING_TABS,
            ind: title_ind,
            ..PPr::default()
        },
        ..Style::paragraph("TitleHCH", "Title_H_CH")
    });
    styles.push(Style {
        based_on: Some("H1"),
        next: Some("SingleTxt"),
        ppr: PPr {
            keep_next: Some(false),
            keep_lines: Some(false),
            tabs: &HEADING_TABS,
            ind: title_ind,
            ..PPr::default()
        },
        ..Style::paragraph("TitleH1", "Title_H1")
    });
    let masthead_line = PPr {
        spacing: Some(Spacing {
            after: Some(0),
            line: Some((240, LineRule::Auto)),
            ..Spacing::default()
        }),
        ..PPr::default()
    };
    styles.push(Style {
        next: Some("Normal"),
        ppr: masthead_line.clone(),
        ..Style::paragraph("Distribution", "Distribution")
    });
    styles.push(Style {
        next: Some("Normal"),
        ppr: masthead_line,
        ..Style::paragraph("Original", "Original")
    });
    styles.push(Style {
        based_on: Some("H23"),
        ..Style::paragraph("Session", "Session")
    });
    styles.push(Style {
        next: Some("Normal"),
        rpr: RPr {
            kern: Some(14),
            ..RPr::default()
        },
        ..Style::paragraph("AgendaItemNormal", "Agenda_Item_Normal")
    });
    const FOOTNOTE_TABS: [Tab; 1] = [Tab::right(twips(note::STYLE_TAB))];
    let (sz, sz_cs) = size(17);
    styles.push(Style {
        q_format: false,
        ppr: PPr {
            tabs: &FOOTNOTE_TABS,
            spacing: exact(210),
            ind: Some(Ind {
                left: Some(twips(note::STYLE_INDENT)),
                right: None,
                hanging: Some(twips(note::STYLE_INDENT)),
            }),
            ..PPr::default()
        },
        rpr: RPr {
            spacing: track(5),
            w: scale(104),
            sz,
            sz_cs,
            ..RPr::default()
        },
        ..Style::paragraph("FootnoteText", "footnote text")
    });

    styles.push(Style {
        default: true,
        based_on: None,
        ui_priority: Some(1),
        semi_hidden: true,
        ..Style::character("DefaultParagraphFont", "Default Paragraph Font")
    });
    styles.push(Style {
        based_on: None,
        semi_hidden: true,
        rpr: RPr {
            color: Some("auto"),
            spacing: track(5),
            w: scale(103),
            kern: Some(14),
            position: Some(0),
            vert_align: Some("superscript"),
            ..RPr::default()
        },
        ..Style::character("FootnoteReference", "footnote reference")
    });
    for (id, name) in [
        ("Hyperlink", "Hyperlink"),
        ("FollowedHyperlink", "FollowedHyperlink"),
    ] {
        styles.push(Style {
            ui_priority: Some(99),
            rpr: RPr {
                color: Some("0000FF"),
                u: Some("none"),
                ..RPr::default()
            },
            ..Style::character(id, name)
        });
    }
    for style in &styles {
        style.write(&mut x);
    }
    table_normal(&mut x);
    x.close("w:styles");
    x.finish()
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
