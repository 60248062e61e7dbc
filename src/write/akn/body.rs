//! The body: chapters and sections as `chapter`/`section`, numbered
//! paragraphs as `paragraph` with `num` and `content`, lists as
//! `list`/`intro`/`point` (as UN markup of operative paragraphs has them),
//! subheadings as `hcontainer name="subheading"`. Inside a chapter or
//! section only hierarchy elements may stand, so unnumbered text, tables
//! and figures there are each wrapped in an `hcontainer` of their kind.

use super::AknWriter;
use super::eid::{self, Scope};
use crate::akn;
use crate::model::{Block, Division, Inline, Item, List, Para, Span, Subheading};
use crate::write::emit::Spelled;

use crate::akn::hcontainer as names;

/// The frame of a numbered `element` holding text (a paragraph, a list's
/// point); its holes: the id, the label, the text.
macro_rules! numbered_text_frame {
    ($element:literal) => {
        Spelled::new(&[
            (0, concat!("<", $element, r#" eId="{}">"#)),
            (1, "<num>{}</num>"),
            (1, "<content>"),
            (2, "<p>{}</p>"),
            (1, "</content>"),
            (0, concat!("</", $element, ">")),
        ])
    };
}

/// The start of a chapter or section `element`; its holes: the id, the
/// label, the heading.
macro_rules! division_frame {
    ($element:literal) => {
        Spelled::new(&[
            (0, concat!("<", $element, r#" eId="{}">"#)),
            (1, "<num>{}</num>"),
            (1, "<heading>{}</heading>"),
        ])
    };
}

static PARAGRAPH: Spelled = numbered_text_frame!("paragraph");
static POINT: Spelled = numbered_text_frame!("point");

/// A numbered element's markup: its frame when it holds text, and its
/// start (up to the id) and end when it introduces a list.
struct Numbered {
    text: &'static Spelled,
    open: &'static str,
    close: &'static str,
}

const NUMBERED_PARAGRAPH: Numbered = Numbered {
    text: &PARAGRAPH,
    open: "<paragraph eId=\"",
    close: "</paragraph>",
};

const NUMBERED_POINT: Numbered = Numbered {
    text: &POINT,
    open: "<point eId=\"",
    close: "</point>",
};
static CHAPTER: Spelled = division_frame!("chapter");
static SECTION: Spelled = division_frame!("section");

/// A list's start: its id and kind (undoc's name for its numbering).
static LIST: Spelled = Spelled::new(&[(0, r#"<list eId="{}" undoc:kind="{}">"#)]);

/// A list's start with the text that introduces it.
static LIST_WITH_INTRO: Spelled = Spelled::new(&[
    (0, r#"<list eId="{}" undoc:kind="{}">"#),
    (1, "<intro>"),
    (2, "<p>{}</p>"),
    (1, "</intro>"),
]);

impl AknWriter<'_> {
    /// Blocks of a body (`scope.hier` false) or of a chapter or section.
    pub(super) fn blocks(&mut self, depth: usize, blocks: &[Block], scope: &Scope) {
        let mut hcontainers = 0;
        let mut tblocks = 0;
        for block in blocks {
            match block {
                Block::Chapter(d) => {
                    let id = self.ids.build(|id| {
                        id.push_str(scope.doc);
                        eid::push_chapter(id, d.n);
                    });
                    let lang = self.doc.lang;
                    let label = |out: &mut String| lang.push_chapter_label(out, d.n);
                    self.division(depth, (&CHAPTER, "chapter"), &id, label, d, scope);
                    self.ids.recycle(id);
                }
                Block::Section(d) => {
                    let id = self.ids.build(|id| {
                        scope.push_child_prefix(id);
                        eid::push_section(id, d.n);
                    });
                    let lang = self.doc.lang;
                    let label = |out: &mut String| lang.push_section_label(out, d.n);
                    self.division(depth, (&SECTION, "section"), &id, label, d, scope);
                    self.ids.recycle(id);
                }
                Block::Para(p) => self.paragraph(depth, p, scope),
                Block::Subheading(h) => {
                    hcontainers += 1;
                    let id = self.hcontainer_id(scope, hcontainers);
                    self.subheading(depth, h, &id);
                    self.ids.recycle(id);
                }
                other if scope.hier => {
                    hcontainers += 1;
                    let id = self.hcontainer_id(scope, hcontainers);
                    self.wrapped(depth, other, &id);
                    self.ids.recycle(id);
                }
                other => {
                    tblocks += self.loose_block(depth, other, scope, tblocks);
                }
            }
        }
    }

    /// `…__hcontainer_N`: the `n`th hcontainer of `scope`.
    fn hcontainer_id(&mut self, scope: &Scope, n: u32) -> String {
        self.ids.build(|id| scope.push_child(id, "hcontainer_", n))
    }

    /// `…__tblock_N`: the `n`th tblock of `scope`.
    fn tblock_id(&mut self, scope: &Scope, n: u32) -> String {
        self.ids.build(|id| scope.push_child(id, "tblock_", n))
    }

    /// A text, table or figure inside a chapter or section: an
    /// `hcontainer` of its kind holding it in its `content`.
    fn wrapped(&mut self, depth: usize, block: &Block, id: &str) {
        let (name, span) = match block {
            Block::Table(t) => (names::TABLE, t.span),
            Block::Figure(f) => (names::FIGURE, f.span),
            Block::Text(t) => (names::TEXT, t.span),
            _ => (names::TEXT, Span::default()),
        };
        self.newline(depth);
        self.start("hcontainer", &[("eId", id), ("name", name)], span);
        self.newline(depth + 1);
        self.markup("<content>");
        self.loose_block(depth + 2, block, &Scope::body("").inside(id), 0);
        self.newline(depth + 1);
        self.markup("</content>");
        self.newline(depth);
        self.markup("</hcontainer>");
    }

    /// Blocks where only blocks may stand (the preamble, a summary box).
    pub(super) fn loose_blocks(&mut self, depth: usize, blocks: &[Block], scope: &Scope) {
        self.loose_blocks_from(depth, blocks, scope, 0);
    }

    /// Like [`Self::loose_blocks`], after `tblocks` tblocks already written here.
    pub(super) fn loose_blocks_from(
        &mut self,
        depth: usize,
        blocks: &[Block],
        scope: &Scope,
        mut tblocks: u32,
    ) {
        for block in blocks {
            tblocks += self.loose_block(depth, block, scope, tblocks);
        }
    }

    /// One block where blocks stand: text as `<p>`, tables and figures as
    /// `<tblock>`s (numbered after the `tblocks` before it; returns how
    /// many it wrote). Numbered parts cannot stand there; should one, its
    /// text is kept as a paragraph.
    fn loose_block(&mut self, depth: usize, block: &Block, scope: &Scope, tblocks: u32) -> u32 {
        match block {
            Block::Text(t) => {
                self.newline(depth);
                self.start("p", &[], t.span);
                self.inlines(&t.value);
                self.markup("</p>");
                0
            }
            Block::Table(t) => {
                let id = self.tblock_id(scope, tblocks + 1);
                self.table(depth, t, &id);
                self.ids.recycle(id);
                1
            }
            Block::Figure(f) => {
                let id = self.tblock_id(scope, tblocks + 1);
                self.figure(depth, f, &id);
                self.ids.recycle(id);
                1
            }
            other => {
                let text = vec![Inline::Text(other_text(other))];
                self.newline(depth);
                self.markup("<p>");
                self.inlines(&text);
                self.markup("</p>");
                0
            }
        }
    }

    /// A chapter or section, begun from its `frame` (`CHAPTER`, `SECTION`:
    /// its id, label and heading) and ended with `</element>`.
    fn division(
        &mut self,
        depth: usize,
        (frame, element): (&'static Spelled, &str),
        id: &str,
        label: impl FnOnce(&mut String),
        d: &Division,
        scope: &Scope,
    ) {
        let frame = frame.at(depth);
        self.piece(&frame, 0);
        self.record(d.span);
        self.id(id);
        self.piece(&frame, 1);
        self.write_raw(label);
        self.piece(&frame, 2);
        self.record(d.span);
        self.inlines(&d.heading);
        self.piece(&frame, 3);
        self.blocks(depth + 1, &d.blocks, &scope.inside(id));
        self.newline(depth);
        self.end(element);
    }

    /// `<hcontainer name="subheading">` with its number and heading; undoc
    /// marks its level (3 or 4), which its label's form shows on paper.
    fn subheading(&mut self, depth: usize, h: &Subheading, id: &str) {
        let level = h.level.to_string();
        let level_attr = akn::qualified::LEVEL;
        self.newline(depth);
        let attrs = [
            ("eId", id),
            ("name", names::SUBHEADING),
            (level_attr, &level),
        ];
        self.start("hcontainer", &attrs, h.span);
        if let Some(n) = h.n {
            let label = self.doc.lang.subheading_label(h.level, n);
            self.leaf(depth + 1, "num", &label, Span::default());
        }
        self.newline(depth + 1);
        self.markup("<heading>");
        self.inlines(&h.heading);
        self.markup("</heading>");
        self.newline(depth);
        self.markup("</hcontainer>");
    }

    /// A numbered paragraph: `num`, then its text as `content` or, when it
    /// introduces a list, as the list's `intro`.
    fn paragraph(&mut self, depth: usize, p: &Para, scope: &Scope) {
        let id = self
            .ids
            .build(|id| eid::push_numbered(id, scope.doc, "para_", p.n));
        let lang = self.doc.lang;
        let label = |out: &mut String| lang.push_para_label(out, p.n);
        let at = (depth, &*id, p.span);
        self.numbered(&NUMBERED_PARAGRAPH, at, label, &p.content, p.list.as_ref());
        self.ids.recycle(id);
    }

    /// A numbered paragraph or point at `depth` with its id and span: its
    /// label (which `label` appends), then its text, or the list its text
    /// introduces.
    fn numbered(
        &mut self,
        markup: &Numbered,
        (depth, id, span): (usize, &str, Span),
        label: impl FnOnce(&mut String),
        text: &[Inline],
        list: Option<&List>,
    ) {
        match list {
            Some(list) => {
                self.newline(depth);
                self.start_with_id(markup.open, id, span);
                self.num_with(depth + 1, label);
                self.list(depth + 1, text, list, id);
                self.newline(depth);
                self.markup(markup.close);
            }
            None => self.numbered_text((markup.text, depth, id, span), label, text),
        }
    }

    /// A numbered paragraph or point that holds text, written from its
    /// [`Spelled`] frame (`PARAGRAPH`, `POINT`) at `depth`: its id (made
    /// of letters, digits and `_`), the label `label` appends and `text`.
    fn numbered_text(
        &mut self,
        (frame, depth, id, span): (&'static Spelled, usize, &str, Span),
        label: impl FnOnce(&mut String),
        text: &[Inline],
    ) {
        let frame = frame.at(depth);
        self.piece(&frame, 0);
        self.record(span);
        self.id(id);
        self.piece(&frame, 1);
        self.write_raw(label);
        self.piece(&frame, 2);
        self.inlines(text);
        self.piece(&frame, 3);
    }

    /// `<num>` on its own line with the label `write` appends (a number's
    /// digits, letters or words and punctuation, as `lang` writes labels:
    /// nothing to escape).
    fn num_with(&mut self, depth: usize, write: impl FnOnce(&mut String)) {
        self.newline(depth);
        self.markup("<num>");
        self.write_raw(write);
        self.markup("</num>");
    }

    /// `<list>` after its introducing text (`intro`, when there is any).
    fn list(&mut self, depth: usize, intro: &[Inline], list: &List, parent: &str) {
        let id = self.ids.build(|id| {
            id.push_str(parent);
            id.push_str("__list_1");
        });
        let frame = if intro.is_empty() {
            &LIST
        } else {
            &LIST_WITH_INTRO
        };
        let frame = frame.at(depth);
        self.piece(&frame, 0);
        self.id(&id);
        self.piece(&frame, 1);
        self.write_raw(|out| out.push_str(list.kind.as_str()));
        self.piece(&frame, 2);
        if !intro.is_empty() {
            self.inlines(intro);
            self.piece(&frame, 3);
        }
        for item in &list.items {
            self.point(depth + 1, item, list.kind, &id);
        }
        self.newline(depth);
        self.markup("</list>");
        self.ids.recycle(id);
    }

    fn point(&mut self, depth: usize, item: &Item, kind: crate::model::ListKind, list: &str) {
        let id = self.ids.build(|id| eid::push_point(id, list, kind, item.n));
        let lang = self.doc.lang;
        let label = |out: &mut String| lang.push_item_label(out, kind, item.n);
        let at = (depth, &*id, item.span);
        let sub = item.list.as_ref();
        self.numbered(&NUMBERED_POINT, at, label, &item.content, sub);
        self.ids.recycle(id);
    }
}

/// The text of a numbered part where only text can stand.
fn other_text(block: &Block) -> String {
    match block {
        Block::Chapter(d) | Block::Section(d) => crate::model::plain_text(&d.heading),
        Block::Para(p) => crate::model::plain_text(&p.content),
        Block::Subheading(h) => crate::model::plain_text(&h.heading),
        Block::Text(t) => crate::model::plain_text(&t.value),
        Block::Table(t) => crate::model::plain_text(&t.title),
        Block::Figure(f) => crate::model::plain_text(&f.title),
    }
}
