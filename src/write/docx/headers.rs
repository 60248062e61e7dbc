//! Running headers and footers, mirrored on even and odd pages (the first
//! page's are `masthead` and `first_footer`).
//!
//! Even pages carry the symbol and `page/total` on the left, odd pages on
//! the right; the short job number sits opposite the page number. Arabic
//! documents mirror the sides. These lines are symbols and numbers, so their
//! paragraphs stay left to right in every language (`2/5` must not turn
//! into `5/2`).

use std::collections::BTreeSet;

use super::Ctx;
use super::body::{Links, Story};
use super::props::{Jc, PPr, RPr, Spacing, Tab, TabKind};
use super::styles::HEADER_TABS;
use super::units::{eighths, half_points, twips};
use super::xml::{NS_R, NS_W, Xml};
use crate::model::Document;
use crate::write::barcode;
use crate::write::page::running;

/// Which pages a running header or footer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Even pages.
    Even,
    /// Odd pages.
    Odd,
}

impl Side {
    /// Whether the symbol and page number stand on the left: on even pages
    /// of left-to-right documents, on odd pages of right-to-left ones.
    fn leading(self, ctx: &Ctx) -> bool {
        (self == Side::Even) != ctx.rtl
    }
}

fn story(root: &str) -> Xml {
    let mut x = Xml::part(2 * 1024);
    x.open(root, &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    x
}

/// The running header: the symbol, bold, over a rule.
pub fn running_header(doc: &Document, ctx: &Ctx, side: Side) -> String {
    let x = story("w:hdr");
    let mut f = Story::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let bold = RPr {
        b: Some(true),
        b_cs: Some(true),
        ..RPr::default()
    };
    f.paragraph_ltr(
        PPr {
            style: Some("Header"),
            border_bottom: Some(eighths(running::HEADER_RULE_WIDTHS.0)),
            spacing: Some(Spacing {
                before: Some(twips(running::HEADER_BEFORE_DOCX)),
                after: Some(twips(running::HEADER_AFTER_DOCX)),
                line: None,
            }),
            jc: Some(if side.leading(ctx) {
                Jc::Left
            } else {
                Jc::Right
            }),
            mark: Some(bold.clone()),
            ..PPr::default()
        },
        |f| {
            if let Some(symbol) = &doc.masthead.symbol {
                f.run(&symbol.value, bold);
            }
        },
    );
    let mut x = f.x;
    x.close("w:hdr");
    x.finish()
}

impl Story<'_, '_> {
    /// A complex field (`PAGE`, `NUMPAGES`) showing `shown` until updated.
    fn field(&mut self, instruction: &str, shown: &str) {
        self.field_start(instruction, false);
        self.x.open("w:r", &[]);
        self.x.open("w:t", &[]);
        self.x.text(shown);
        self.x.close("w:t");
        self.x.close("w:r");
        self.field_end();
    }

    fn page_of_total(&mut self) {
        self.field(" PAGE ", "2");
        self.run("/", RPr::default());
        self.field(" NUMPAGES ", "2");
    }
}

/// The running footer: `page/total` (bold) and the short job number.
pub fn running_footer(doc: &Document, ctx: &Ctx, side: Side) -> String {
    let x = story("w:ftr");
    let mut f = Story::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    let tabs = [
        CLEAR_FOOTER_TABS[0],
        CLEAR_FOOTER_TABS[1],
        Tab::right(ctx.text_width()),
    ];
    let job = doc
        .masthead
        .job_number
        .as_ref()
        .map(|j| barcode::short_job_number(&j.value).to_string());
    let small = RPr {
        b: Some(false),
        b_cs: Some(false),
        sz: Some(half_points(running::JOB_NUMBER_SIZE)),
        sz_cs: Some(half_points(running::JOB_NUMBER_SIZE)),
        ..RPr::default()
    };
    f.paragraph_ltr(
        PPr {
            style: Some("Footer"),
            tabs: &tabs,
            ..PPr::default()
        },
        |f| match side.leading(ctx) {
            true => {
                f.page_of_total();
                if let Some(job) = &job {
                    f.tab();
                    f.run(job, small);
                }
            }
            false => {
                if let Some(job) = &job {
                    f.run(job, small);
                }
                f.tab();
                f.page_of_total();
            }
        },
    );
    let mut x = f.x;
    x.close("w:ftr");
    x.finish()
}

/// The Header and Footer styles' stops, cleared where a header or footer
/// sets its own.
pub const CLEAR_FOOTER_TABS: [Tab; 2] = [
    Tab {
        kind: TabKind::Clear,
        ..HEADER_TABS[0]
    },
    Tab {
        kind: TabKind::Clear,
        ..HEADER_TABS[1]
    },
];
