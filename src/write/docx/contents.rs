//! The table of contents as DGACM sets it: `Contents`, the italic `Page`
//! over the numbers, then an entry per chapter, section and annex (`TOC1`,
//! `TOC2`: hanging label, text, dot leaders to the number at the margin).
//! Each number is a PAGEREF field to a bookmark on its heading, marked for
//! updating: LibreOffice computes it as it lays the pages out, Word when
//! the file opens. The entries are not wrapped in a TOC field: LibreOffice
//! shows such a field's stored text, where no page number can be stored
//! (only Word's layout knows Word's pages).

use super::body::Story;
use super::props::{Ind, Jc, PPr, RPr, Spacing, Tab, TabKind};
use super::styles::TEXT_INDENT;
use super::units::{Twips, half_points, twips};
use crate::model::{ContentsEntry, Document, EntryKind};
use crate::write::Paper;
use crate::write::page::{CHAPTER, DEFAULT_TAB, HEADING_NUMBER_END, TAB_STOPS, margin};

/// The bookmark of entry `k`'s heading: hidden (a leading underscore), as
/// Word names the bookmarks of its own contents.
pub fn bookmark_name(k: usize) -> String {
    format!("_Toc{k}")
}

impl Story<'_, '_> {
    /// The table of contents, when the document has one and entries
    /// (true then).
    pub(super) fn contents(&mut self, doc: &Document) -> bool {
        if doc.contents.is_none() {
            return false;
        }
        let entries = doc.contents_entries();
        if entries.is_empty() {
            return false;
        }
        let lang = self.ctx.lang;
        self.paragraph(
            PPr {
                keep_next: Some(true),
                spacing: Some(Spacing {
                    before: Some(twips(CHAPTER.before)),
                    after: Some(twips(CHAPTER.after)),
                    line: None,
                }),
                ..PPr::default()
            },
            |f| {
                let size = Some(half_points(CHAPTER.size));
                let rpr = RPr {
                    sz: size,
                    sz_cs: size,
                    ..RPr::default()
                };
                f.run(lang.contents_word(), rpr);
            },
        );
        self.paragraph(
            PPr {
                keep_next: Some(true),
                jc: Some(Jc::Right),
                ..PPr::default()
            },
            |f| {
                let rpr = RPr {
                    i: Some(true),
                    i_cs: Some(true),
                    sz: Some(16),
                    sz_cs: Some(16),
                    ..RPr::default()
                };
                f.run(lang.page_word(), rpr);
            },
        );
        for (k, e) in entries.iter().enumerate() {
            self.entry(k, e);
        }
        true
    }

    /// Entry `k`, with its page number.
    fn entry(&mut self, k: usize, e: &ContentsEntry) {
        let lang = self.ctx.lang;
        let style = if e.level == 1 { "TOC1" } else { "TOC2" };
        let tabs = if self.ctx.page.0 == twips(Paper::Letter.size_pt().0) {
            &LETTER_TABS
        } else {
            &A4_TABS
        };
        let ppr = PPr {
            style: Some(style),
            tabs: &tabs[usize::from(e.level != 1)],
            ..PPr::default()
        };
        let annex = matches!(e.kind, EntryKind::Annex(_));
        if annex {
            self.paragraph(
                PPr {
                    keep_next: Some(true),
                    spacing: Some(Spacing {
                        before: None,
                        after: Some(0),
                        line: None,
                    }),
                    ind: Some(Ind {
                        left: Some(twips(DEFAULT_TAB)),
                        right: None,
                        hanging: Some(0),
                    }),
                    ..ppr.clone()
                },
                |f| f.run(&lang.entry_label(e.kind), RPr::default()),
            );
        }
        self.paragraph(ppr, |f| {
            f.tab();
            if !annex {
                f.run(&lang.entry_label(e.kind), RPr::default());
            }
            f.tab();
            f.inlines(&e.heading, &RPr::default());
            f.tab();
            f.field_start(&format!(" PAGEREF {} \\h ", bookmark_name(k)), true);
            f.field_end();
        });
    }
}

/// A level-1 entry's text starts at the text indent, its label hanging.
pub const TOC1_TEXT: Twips = TEXT_INDENT;
/// Where the text of a level-2 entry starts, its label at the text indent.
pub const TOC2_TEXT: Twips = twips(TAB_STOPS[0]);

/// The stops of an entry on a text column `width` wide: the label's (a
/// right stop for chapters' numbers, a left one for sections'), the
/// text's, and the number's at the margin with dot leaders.
const fn entry_tabs(width: f32) -> [[Tab; 3]; 2] {
    let number = Tab {
        kind: TabKind::RightDots,
        pos: twips(width),
    };
    [
        [
            Tab::right(twips(HEADING_NUMBER_END)),
            Tab::left(TOC1_TEXT),
            number,
        ],
        [Tab::left(TEXT_INDENT), Tab::left(TOC2_TEXT), number],
    ]
}

/// The entries' stops on A4 and on US Letter.
static A4_TABS: [[Tab; 3]; 2] = entry_tabs(Paper::A4.size_pt().0 - 2.0 * margin::SIDE);
static LETTER_TABS: [[Tab; 3]; 2] = entry_tabs(Paper::Letter.size_pt().0 - 2.0 * margin::SIDE);
