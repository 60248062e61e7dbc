//! `word/document.xml`: the front matter under the masthead (session, agenda,
//! title), the numbered body and the annexes, and the paragraph and run
//! writer ([`Story`]) the other story parts share.
//!
//! Numbers are typed text, as in final DGACM files: a paragraph is
//! `1.<tab>text` in `SingleTxt`, its subparagraphs `<tab>(a)<tab>text`, and
//! headings `<tab>I.<tab>Heading` hanging in the 1267-twip indent.

use std::collections::BTreeSet;

use super::Ctx;
use super::drawing::NS_WP;
use super::props::{Ind, PPr, RPr, Spacing};
use super::styles::{HEADING_TABS, TEXT_INDENT};
use super::units::{Twips, twips};
use super::xml::{NS_R, NS_W, Xml};
use crate::model::{Annex, Block, Document, ImageKind, Inline, List, Para, Subheading};
use crate::symbol::undocs_url;
use crate::write::grouped::digit_groups_joined;
use crate::write::page::{self, AFTER_TITLE, CHAPTER, SECTION, SUBSECTION, TITLE, margin};

/// What a relationship of a part points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelKind {
    /// A web address (external).
    Hyperlink,
    /// A picture in the package.
    Image,
}

/// The relationship targets of one part (web addresses, pictures); each
/// distinct target gets one relationship, numbered from `first` in order
/// of first use.
pub struct Links {
    first: usize,
    targets: Vec<(RelKind, String)>,
}

impl Links {
    /// Links whose relationship ids start at `rId{first}`.
    pub fn starting_at(first: usize) -> Links {
        Links {
            first,
            targets: Vec::new(),
        }
    }

    /// The relationship id of the web address `target`.
    fn id(&mut self, target: String) -> String {
        self.id_of(RelKind::Hyperlink, target)
    }

    /// The relationship id of a `kind` target.
    pub fn id_of(&mut self, kind: RelKind, target: String) -> String {
        let index = match self
            .targets
            .iter()
            .position(|t| t.0 == kind && t.1 == target)
        {
            Some(i) => i,
            None => {
                self.targets.push((kind, target));
                self.targets.len() - 1
            }
        };
        format!("rId{}", self.first + index)
    }

    /// (relationship id, kind, target) triples in id order.
    pub fn relationships(&self) -> impl Iterator<Item = (String, RelKind, &str)> {
        self.targets
            .iter()
            .enumerate()
            .map(|(i, (kind, t))| (format!("rId{}", self.first + i), *kind, t.as_str()))
    }
}

/// A picture the story placed, to be stored in the package as `part`.
pub struct Media {
    /// Its part name, under `word/`.
    pub part: String,
    /// Its bytes, as read.
    pub bytes: std::sync::Arc<[u8]>,
    /// Its encoding.
    pub kind: ImageKind,
}

/// Paragraphs and runs of one story (body, header, footer, footnotes).
pub struct Story<'c, 'a> {
    /// The part's markup.
    pub x: Xml,
    /// The document's conventions.
    pub ctx: &'c Ctx<'a>,
    /// Hyperlinks used in the part.
    pub links: Links,
    /// Footnotes that may still be referenced (each once, as Word requires).
    notes: BTreeSet<u32>,
    /// Pictures placed in the story, in order.
    pub media: Vec<Media>,
    /// Width of the column text is set in: the text's, or less inside a frame.
    pub measure: Twips,
    /// The next contents entry's index, while the headings the contents
    /// list are written (each gets the bookmark its entry's PAGEREF names).
    toc_next: Option<usize>,
    /// The bookmark (an entry's index) the next paragraph carries.
    mark_next: Option<usize>,
    /// Whether a table of contents was written (its headings are then marked).
    has_contents: bool,
}

impl<'c, 'a> Story<'c, 'a> {
    /// A story written into `x`; footnote marks become real references for `notes`.
    pub fn new(ctx: &'c Ctx<'a>, x: Xml, links: Links, notes: BTreeSet<u32>) -> Self {
        Story {
            x,
            ctx,
            links,
            notes,
            media: Vec::new(),
            measure: ctx.text_width(),
            toc_next: None,
            mark_next: None,
            has_contents: false,
        }
    }

    /// A paragraph with properties `ppr` (made right to left in Arabic) and
    /// content written by `content`.
    pub fn paragraph(&mut self, ppr: PPr<'a>, content: impl FnOnce(&mut Self)) {
        let rtl = self.ctx.rtl;
        self.paragraph_in(ppr, rtl, content);
    }

    /// A left-to-right paragraph in any language: lines of symbols, dates
    /// and numbers written in Latin script (the masthead's distribution
    /// block, page numbers, the job number).
    pub fn paragraph_ltr(&mut self, ppr: PPr<'a>, content: impl FnOnce(&mut Self)) {
        self.paragraph_in(ppr, false, content);
    }

    fn paragraph_in(&mut self, ppr: PPr<'a>, rtl: bool, content: impl FnOnce(&mut Self)) {
        self.x.open("w:p", &[]);
        // In a right-to-left document a left-to-right paragraph says so:
        // LibreOffice would otherwise inherit the section's direction.
        let bidi = (rtl || self.ctx.rtl).then_some(rtl);
        PPr { bidi, ..ppr }.write(&mut self.x);
        let mark = self.mark_next.take();
        if let Some(k) = mark {
            let (id, name) = (k.to_string(), super::contents::bookmark_name(k));
            self.x
                .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", &name)]);
        }
        content(self);
        if let Some(k) = mark {
            self.x.empty("w:bookmarkEnd", &[("w:id", &k.to_string())]);
        }
        self.x.close("w:p");
    }

    /// A run of `text` (tabs and line breaks included) with `rpr` plus the
    /// language's run properties.
    pub fn run(&mut self, text: &str, rpr: RPr<'a>) {
        let joined;
        let text = if self.ctx.rtl {
            joined = digit_groups_joined(text);
            joined.as_ref()
        } else {
            text
        };
        let rpr = self.ctx.run_props(text, rpr);
        self.x.open("w:r", &[]);
        rpr.write(&mut self.x);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.x.empty("w:br", &[]);
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    self.x.empty("w:tab", &[]);
                }
                if piece.is_empty() {
                    continue;
                }
                let preserve =
                    piece.starts_with(' ') || piece.ends_with(' ') || piece.contains("  ");
                if preserve {
                    self.x.open("w:t", &[("xml:space", "preserve")]);
                } else {
                    self.x.open("w:t", &[]);
                }
                self.x.text(piece);
                self.x.close("w:t");
            }
        }
        self.x.close("w:r");
    }

    /// Opens a complex field: its start, `instruction` and the separator
    /// before its shown result. `dirty` asks Word to update it on opening.
    pub fn field_start(&mut self, instruction: &str, dirty: bool) {
        self.x.open("w:r", &[]);
        if dirty {
            self.x.empty(
                "w:fldChar",
                &[("w:fldCharType", "begin"), ("w:dirty", "true")],
            );
        } else {
            self.x.empty("w:fldChar", &[("w:fldCharType", "begin")]);
        }
        self.x.close("w:r");
        self.x.open("w:r", &[]);
        self.x.open("w:instrText", &[("xml:space", "preserve")]);
        self.x.text(instruction);
        self.x.close("w:instrText");
        self.x.close("w:r");
        self.x.open("w:r", &[]);
        self.x.empty("w:fldChar", &[("w:fldCharType", "separate")]);
        self.x.close("w:r");
    }

    /// Closes the innermost open field.
    pub fn field_end(&mut self) {
        self.x.open("w:r", &[]);
        self.x.empty("w:fldChar", &[("w:fldCharType", "end")]);
        self.x.close("w:r");
    }

    /// A tab.
    pub fn tab(&mut self) {
        self.run("\t", RPr::default());
    }

    /// Inline content: text, emphasis, cited symbols as hyperlinks to
    /// undocs.org, footnote references.
    pub fn inlines(&mut self, inlines: &[Inline], base: &RPr<'a>) {
        for (i, inline) in inlines.iter().enumerate() {
            match inline {
                Inline::Text(t) => self.run(t, base.clone()),
                Inline::Emph(t) => self.run(
                    t,
                    RPr {
                        i: Some(true),
                        i_cs: Some(true),
                        ..base.clone()
                    },
                ),
                Inline::Ref(symbol) => {
                    let id = self.links.id(undocs_url(&symbol.value));
                    self.x
                        .open("w:hyperlink", &[("r:id", &id), ("w:history", "1")]);
                    self.run(
                        &symbol.value,
                        RPr {
                            style: Some("Hyperlink"),
                            ..base.clone()
                        },
                    );
                    self.x.close("w:hyperlink");
                }
                Inline::NoteRef(n) => self.note_ref(n.value, base),
                Inline::Strong(inner) => {
                    let bold = RPr {
                        b: Some(true),
                        b_cs: Some(true),
                        ..base.clone()
                    };
                    self.inlines(inner, &bold);
                }
                Inline::Link(link) => {
                    let (url, text) = (&link.url, &link.text);
                    let id = self.links.id(url.clone());
                    self.x
                        .open("w:hyperlink", &[("r:id", &id), ("w:history", "1")]);
                    self.run(
                        text,
                        RPr {
                            style: Some("Hyperlink"),
                            ..base.clone()
                        },
                    );
                    self.x.close("w:hyperlink");
                }
                Inline::TableNoteRef(n) => {
                    // Raised italic letters, as in the DGACM files; marks in
                    // a row are separated by commas (`2025/26ᵃ,ᵇ`).
                    let after_mark = i > 0 && matches!(inlines[i - 1], Inline::TableNoteRef(_));
                    let letter = crate::lang::latin_letter(n.value, false);
                    let text = if after_mark {
                        format!(",{letter}")
                    } else {
                        letter
                    };
                    self.run(
                        &text,
                        RPr {
                            i: Some(true),
                            i_cs: Some(true),
                            vert_align: Some("superscript"),
                            ..base.clone()
                        },
                    );
                }
            }
        }
    }

    fn note_ref(&mut self, n: u32, base: &RPr<'a>) {
        let rpr = RPr {
            style: Some("FootnoteReference"),
            ..base.clone()
        };
        if self.notes.remove(&n) {
            self.x.open("w:r", &[]);
            rpr.write(&mut self.x);
            self.x
                .empty("w:footnoteReference", &[("w:id", &n.to_string())]);
            self.x.close("w:r");
        } else {
            // A second mark for the same note, or a mark without a note: Word
            // allows one reference per footnote, so the number is typed.
            self.run(&n.to_string(), rpr);
        }
    }
}

/// `SingleTxt` with no direct formatting.
fn single_txt<'a>() -> PPr<'a> {
    PPr {
        style: Some("SingleTxt"),
        ..PPr::default()
    }
}

/// A numbered heading with `before` and `after` points of space: hanging
/// number, tab, text.
pub(super) fn heading<'a>(style: &'a str, before: f32, after: f32) -> PPr<'a> {
    PPr {
        style: Some(style),
        tabs: &HEADING_TABS,
        spacing: Some(Spacing {
            before: Some(twips(before)),
            after: Some(twips(after)),
            line: None,
        }),
        ind: Some(Ind {
            left: Some(TEXT_INDENT),
            right: Some(TEXT_INDENT),
            hanging: Some(TEXT_INDENT),
        }),
        ..PPr::default()
    }
}

impl<'a> Story<'_, 'a> {
    /// Writes `blocks` in order.
    pub(super) fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Chapter(d) => {
                    let label = self.ctx.lang.chapter_label(d.n);
                    let ppr = heading("HCh", CHAPTER.before, CHAPTER.after);
                    self.listed(|f| f.numbered_heading(ppr, &label, &d.heading));
                    self.blocks(&d.blocks);
                }
                Block::Section(d) => {
                    let label = self.ctx.lang.section_label(d.n);
                    let ppr = heading("H1", SECTION.before, page::SECTION_AFTER_DOCX);
                    self.listed(|f| f.numbered_heading(ppr, &label, &d.heading));
                    self.blocks(&d.blocks);
                }
                Block::Para(p) => self.para(p),
                Block::Text(t) => {
                    self.paragraph(single_txt(), |f| f.inlines(&t.value, &RPr::default()))
                }
                Block::Subheading(h) => self.subheading(h),
                Block::Table(t) => self.table(t),
                Block::Figure(f) => self.figure(f),
            }
        }
    }

    /// `H23` (`1.`) or `H4` (`(a)`), numbered or not.
    fn subheading(&mut self, h: &Subheading) {
        let style = if h.level <= 3 { "H23" } else { "H4" };
        let ppr = heading(style, SUBSECTION.before, SUBSECTION.after);
        match h.n {
            Some(n) => {
                let label = self.ctx.lang.subheading_label(h.level, n);
                self.numbered_heading(ppr, &label, &h.heading);
            }
            None => self.paragraph(ppr, |f| {
                f.tab();
                f.tab();
                f.inlines(&h.heading, &RPr::default());
            }),
        }
    }

    /// Writes a heading the contents list with `write`, inside its
    /// entry's bookmark when the document has contents.
    fn listed(&mut self, write: impl FnOnce(&mut Self)) {
        let Some(k) = self.toc_next else {
            return write(self);
        };
        self.toc_next = Some(k + 1);
        self.mark_next = Some(k);
        write(self);
    }

    fn numbered_heading(&mut self, ppr: PPr<'a>, label: &str, text: &[Inline]) {
        self.paragraph(ppr, |f| {
            f.tab();
            f.run(label, RPr::default());
            f.tab();
            f.inlines(text, &RPr::default());
        });
    }

    fn para(&mut self, p: &Para) {
        let label = self.ctx.lang.para_label(p.n);
        self.paragraph(single_txt(), |f| {
            f.run(&label, RPr::default());
            f.tab();
            f.inlines(&p.content, &RPr::default());
        });
        if let Some(list) = &p.list {
            self.list(list, 1);
        }
    }

    fn list(&mut self, list: &List, depth: usize) {
        for item in &list.items {
            let label = self.ctx.lang.item_label(list.kind, item.n);
            self.paragraph(single_txt(), |f| {
                for _ in 0..depth {
                    f.tab();
                }
                f.run(&label, RPr::default());
                f.tab();
                f.inlines(&item.content, &RPr::default());
            });
            if let Some(sub) = &item.list {
                self.list(sub, depth + 1);
            }
        }
    }

    /// Session and agenda lines, then the title and subtitle.
    fn front_matter(&mut self, doc: &Document) {
        let m = &doc.masthead;
        let lines = [
            ("Session", m.session_body.as_ref()),
            ("Session", m.session.as_ref()),
            ("AgendaItemNormal", m.session_dates.as_ref()),
        ];
        let agenda = m.agenda.iter().map(|a| ("AgendaItemNormal", Some(a)));
        let title = [("AgendaTitleH2", m.agenda_title.as_ref())];
        for (style, line) in lines.into_iter().chain(agenda).chain(title) {
            let Some(line) = line else { continue };
            self.paragraph(
                PPr {
                    style: Some(style),
                    ..PPr::default()
                },
                |f| f.run(&line.value, RPr::default()),
            );
        }
        let title_spacing = |before: f32, after: f32| {
            Some(Spacing {
                before: Some(twips(before)),
                after: Some(twips(after)),
                line: None,
            })
        };
        self.paragraph(
            PPr {
                style: Some("TitleHCH"),
                spacing: title_spacing(TITLE.before, page::TITLE_AFTER_DOCX),
                ..PPr::default()
            },
            |f| {
                f.run("\t\t", RPr::default());
                f.inlines(&doc.title.value, &RPr::default());
            },
        );
        if let Some(sub) = &doc.subtitle {
            self.paragraph(
                PPr {
                    style: Some("TitleH1"),
                    spacing: title_spacing(0.0, AFTER_TITLE),
                    ..PPr::default()
                },
                |f| {
                    f.run("\t\t", RPr::default());
                    f.inlines(&sub.value, &RPr::default());
                },
            );
        }
        let contents_first = doc.contents.is_some_and(|c| c.before_summary);
        if contents_first {
            self.has_contents = self.contents(doc);
        }
        if let Some(summary) = &doc.summary {
            if self.has_contents {
                // The summary opens a page of its own, as in budget reports.
                self.paragraph(PPr::default(), |f| {
                    f.x.open("w:r", &[]);
                    f.x.empty("w:br", &[("w:type", "page")]);
                    f.x.close("w:r");
                });
            }
            self.summary(summary);
        }
        if !contents_first {
            self.has_contents = self.contents(doc);
        }
    }

    fn annex(&mut self, annex: &Annex) {
        let plain = |page_break_before| PPr {
            style: Some("HCh"),
            page_break_before,
            spacing: Some(Spacing {
                before: None,
                after: Some(twips(CHAPTER.after)),
                line: None,
            }),
            ind: Some(Ind {
                left: Some(TEXT_INDENT),
                right: Some(TEXT_INDENT),
                hanging: None,
            }),
            ..PPr::default()
        };
        let label = self.ctx.lang.annex_label(annex.n);
        self.listed(|f| f.paragraph(plain(true), |f| f.run(&label, RPr::default())));
        if !annex.heading.is_empty() {
            self.paragraph(plain(false), |f| f.inlines(&annex.heading, &RPr::default()));
        }
        // An annex's own chapters are not in the contents.
        let toc_next = self.toc_next.take();
        self.blocks(&annex.blocks);
        self.toc_next = toc_next;
    }
}

/// Relationship ids of the header and footer parts, as the section refers to them.
pub struct SectionRefs {
    /// (`even`, `default`, `first`) header relationship ids.
    pub headers: [&'static str; 3],
    /// (`even`, `default`, `first`) footer relationship ids.
    pub footers: [&'static str; 3],
}

/// `word/document.xml` with the targets of its relationships and the
/// pictures it places.
pub struct DocumentPart {
    /// The part.
    pub xml: String,
    /// Its hyperlinks and pictures.
    pub links: Links,
    /// The pictures' bytes.
    pub media: Vec<Media>,
}

/// Writes `word/document.xml`.
pub fn document(doc: &Document, ctx: &Ctx, refs: &SectionRefs, first_link: usize) -> DocumentPart {
    let mut x = Xml::part(32 * 1024 + 1200 * doc.paragraphs().len());
    x.open(
        "w:document",
        &[("xmlns:w", NS_W), ("xmlns:r", NS_R), ("xmlns:wp", NS_WP)],
    );
    x.open("w:body", &[]);
    let notes = doc.footnotes.iter().map(|n| n.n).collect();
    let mut flow = Story::new(ctx, x, Links::starting_at(first_link), notes);
    flow.front_matter(doc);
    flow.blocks(&doc.preamble);
    flow.toc_next = flow.has_contents.then_some(0);
    flow.blocks(&doc.body);
    for annex in &doc.annexes {
        flow.annex(annex);
    }
    let Story {
        mut x,
        links,
        media,
        ..
    } = flow;
    section(&mut x, ctx, refs);
    x.close("w:body");
    x.close("w:document");
    DocumentPart {
        xml: x.finish(),
        links,
        media,
    }
}

/// The section: page size and margins by paper, a different first page,
/// even and odd headers (enabled in settings), right to left in Arabic.
fn section(x: &mut Xml, ctx: &Ctx, refs: &SectionRefs) {
    x.open("w:sectPr", &[]);
    for (kind, id) in ["even", "default", "first"].iter().zip(refs.headers) {
        x.empty("w:headerReference", &[("w:type", kind), ("r:id", id)]);
    }
    for (kind, id) in ["even", "default", "first"].iter().zip(refs.footers) {
        x.empty("w:footerReference", &[("w:type", kind), ("r:id", id)]);
    }
    let (w, h) = ctx.page;
    x.empty(
        "w:pgSz",
        &[("w:w", &w.to_string()), ("w:h", &h.to_string())],
    );
    let side = twips(margin::SIDE).to_string();
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &twips(margin::TOP).to_string()),
            ("w:right", &side),
            ("w:bottom", &twips(margin::BOTTOM).to_string()),
            ("w:left", &side),
            ("w:header", &twips(margin::HEADER).to_string()),
            ("w:footer", &twips(margin::FOOTER).to_string()),
            ("w:gutter", "0"),
        ],
    );
    x.empty("w:cols", &[("w:space", "720")]);
    x.empty("w:titlePg", &[]);
    if ctx.rtl {
        x.empty("w:bidi", &[]);
    }
    x.close("w:sectPr");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_numbered_once_per_target_in_order_of_use() {
        let mut links = Links::starting_at(11);
        assert_eq!(links.id("b".into()), "rId11");
        assert_eq!(links.id("a".into()), "rId12");
        assert_eq!(links.id("b".into()), "rId11");
        assert_eq!(links.id_of(RelKind::Image, "b".into()), "rId13");
        let rels: Vec<_> = links.relationships().collect();
        assert_eq!(
            rels,
            vec![
                ("rId11".to_string(), RelKind::Hyperlink, "b"),
                ("rId12".to_string(), RelKind::Hyperlink, "a"),
                ("rId13".to_string(), RelKind::Image, "b"),
            ]
        );
    }
}
