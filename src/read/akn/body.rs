//! The body: `chapter` and `section` become chapters and sections,
//! `paragraph` numbered paragraphs, `list`/`point` (and `blockList`/`item`,
//! and the hierarchy under a paragraph such as `subparagraph`) their lists,
//! `hcontainer name="subheading"` (and heading-only containers, Laws.Africa's
//! cross-headings) subheadings; hcontainers of text, tables and figures are
//! unwrapped. Other hierarchy (articles, parts, subsections) is not in the
//! model: its heading is kept as a subheading and its text as paragraphs.

use super::{AknReader, numbers};
use crate::akn::ext;
use crate::akn::hcontainer;
use crate::model::{Block, Division, Inline, Item, List, ListKind, Para, Spanned, Subheading};
use crate::read::xml::tree::Element;

/// Elements whose children are blocks, read through.
const TRANSPARENT: [&str; 5] = ["content", "intro", "container", "blockContainer", "wrapUp"];

/// Hierarchy elements that are list items when they stand in a paragraph.
const ITEM_LIKE: [&str; 8] = [
    "point",
    "item",
    "subparagraph",
    "indent",
    "alinea",
    "subsection",
    "sublist",
    "clause",
];

impl<'t> AknReader<'t> {
    /// The blocks of a body or of a chapter or section.
    pub(super) fn blocks(&mut self, parent: &'t Element<'t>) -> Vec<Block> {
        let (mut chapters, mut sections) = (0, 0);
        let mut out = Vec::new();
        for child in parent.elements() {
            match child.name {
                "chapter" => {
                    chapters += 1;
                    let d = self.division(child, numbers::chapter, chapters);
                    out.push(Block::Chapter(d));
                }
                "section" => {
                    sections += 1;
                    let d = self.division(child, numbers::section, sections);
                    out.push(Block::Section(d));
                }
                "num" | "heading" | "subheading" => {}
                _ => out.extend(self.block(child)),
            }
        }
        out
    }

    /// One block-level element as blocks of the model.
    pub(super) fn block(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        match el.name {
            "chapter" | "section" => self.blocks_of_one(el),
            "paragraph" => self.paragraph(el),
            "subsection" => {
                self.unheld(el, "a subsection; read as a numbered paragraph");
                self.paragraph(el)
            }
            "hcontainer" => self.hcontainer(el),
            "p" if el.attr("class") == Some(crate::akn::PLACEHOLDER) && el.children.is_empty() => {
                Vec::new()
            }
            "p" => vec![Block::Text(Spanned::new(self.inline_content(el), el.span))],
            "tblock" => self.tblock(el),
            "table" => self.bare_table(el),
            "crossHeading" => vec![Block::Subheading(Subheading {
                level: 3,
                n: None,
                heading: self.inline_content(el),
                span: el.span,
            })],
            name if TRANSPARENT.contains(&name) => self.blocks(el),
            "list" | "blockList" | "ul" | "ol" => self.loose_list(el),
            name if ITEM_LIKE.contains(&name) || super::is_hierarchy(name) => {
                self.foreign_hierarchy(el)
            }
            _ => {
                if el.elements().next().is_some() {
                    self.unheld(
                        el,
                        "an element the model does not have; what it holds is read",
                    );
                    return self.blocks(el);
                }
                self.foreign_blocks(el, "kept as unnumbered text")
            }
        }
    }

    /// A chapter or section met where `blocks` did not count it.
    fn blocks_of_one(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        let d = |r: &mut Self, parse: fn(&str) -> Option<u32>| r.division(el, parse, 1);
        match el.name {
            "chapter" => vec![Block::Chapter(d(self, numbers::chapter))],
            _ => vec![Block::Section(d(self, numbers::section))],
        }
    }

    /// A chapter or section: its number (`fallback` when its label cannot
    /// be read), heading and blocks.
    fn division(
        &mut self,
        el: &'t Element<'t>,
        parse: fn(&str) -> Option<u32>,
        fallback: u32,
    ) -> Division {
        let n = child(el, "num")
            .and_then(|num| parse(&num.text()))
            .unwrap_or(fallback);
        let heading = child(el, "heading")
            .map(|h| self.inline_content(h))
            .unwrap_or_default();
        if let Some(sub) = child(el, "subheading") {
            self.unheld(sub, "a second heading line; not read");
        }
        Division {
            n,
            heading,
            span: el.span,
            blocks: self.blocks(el),
        }
    }

    /// `hcontainer name="subheading"`, the containers undoc wraps text,
    /// tables and figures in, and other tools' heading-only containers.
    fn hcontainer(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        let name = el.attr("name").unwrap_or("");
        let only_headings = el.elements().all(|e| matches!(e.name, "num" | "heading"));
        if name == hcontainer::SUBHEADING || (only_headings && child(el, "heading").is_some()) {
            let level: u8 = match self.ext(el, ext::LEVEL) {
                Some("4") => 4,
                _ => 3,
            };
            let n = child(el, "num").and_then(|num| match level {
                4 => numbers::item(ListKind::Alpha, &num.text()),
                _ => numbers::decimal(&num.text()),
            });
            let heading = child(el, "heading")
                .map(|h| self.inline_content(h))
                .unwrap_or_default();
            return vec![Block::Subheading(Subheading {
                level,
                n,
                heading,
                span: el.span,
            })];
        }
        if ![hcontainer::TEXT, hcontainer::TABLE, hcontainer::FIGURE].contains(&name) {
            return self.foreign_hierarchy(el);
        }
        self.blocks(el)
    }

    /// A numbered paragraph: its text (its `content`, or its list's
    /// `intro`) and its list; text it cannot hold follows it.
    fn paragraph(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        let n = child(el, "num")
            .and_then(|num| numbers::decimal(&num.text()))
            .unwrap_or(self.paragraphs + 1);
        self.paragraphs = n;
        let (content, list, after) = self.text_and_list(el);
        let mut out = Vec::new();
        if let Some(heading) = child(el, "heading") {
            self.unheld(
                heading,
                "a paragraph's heading; kept as a subheading before it",
            );
            let heading = self.inline_content(heading);
            out.push(Block::Subheading(Subheading {
                level: 3,
                n: None,
                heading,
                span: el.span,
            }));
        }
        out.push(Block::Para(Para {
            n,
            content,
            list,
            span: el.span,
            text_at: el.span,
        }));
        out.extend(after);
        out
    }

    /// The text, the list and what follows of a paragraph or list item.
    fn text_and_list(&mut self, el: &'t Element<'t>) -> (Vec<Inline>, Option<List>, Vec<Block>) {
        let mut text = Vec::new();
        let mut list = None;
        let mut after = Vec::new();
        let mut items = Vec::new();
        for child in el.elements() {
            match child.name {
                "num" | "heading" => {}
                "content" | "intro" => self.content_into(child, &mut text, &mut list, &mut after),
                "list" | "blockList" | "ul" | "ol" if list.is_none() => {
                    let (intro, l) = self.list(child);
                    join(&mut text, intro);
                    list = Some(l);
                }
                name if (ITEM_LIKE.contains(&name) || name == "paragraph") && list.is_none() => {
                    items.push(child)
                }
                "wrapUp" => {
                    self.unheld(child, "text after a list; kept as unnumbered text");
                    after.extend(self.blocks(child));
                }
                _ => after.extend(self.block(child)),
            }
        }
        if list.is_none() && !items.is_empty() {
            list = Some(self.items(&items, None));
        }
        (text, list, after)
    }

    /// The paragraphs and list of a `content` or `intro`: the first
    /// paragraph is the text, a list its list, anything else follows.
    fn content_into(
        &mut self,
        content: &'t Element<'t>,
        text: &mut Vec<Inline>,
        list: &mut Option<List>,
        after: &mut Vec<Block>,
    ) {
        for child in content.elements() {
            match child.name {
                "p" if text.is_empty() && list.is_none() => *text = self.inline_content(child),
                "blockList" | "ul" | "ol" | "list" if list.is_none() => {
                    let (intro, l) = self.list(child);
                    join(text, intro);
                    *list = Some(l);
                }
                _ => {
                    self.unheld(
                        child,
                        "a paragraph's further text; kept as unnumbered text after it",
                    );
                    after.extend(self.block(child));
                }
            }
        }
    }

    /// A list and its introducing text: `list`/`intro`/`point`,
    /// `blockList`/`listIntroduction`/`item` or `ul`/`ol`/`li`.
    fn list(&mut self, el: &'t Element<'t>) -> (Vec<Inline>, List) {
        let mut intro = Vec::new();
        let mut items = Vec::new();
        for child in el.elements() {
            match child.name {
                "intro" => intro = self.intro_text(child),
                "listIntroduction" => intro = self.inline_content(child),
                "point" | "item" | "li" => items.push(child),
                name if ITEM_LIKE.contains(&name) => items.push(child),
                _ => {
                    self.unheld(child, "part of a list that is not an item; not read");
                }
            }
        }
        let kind = self.ext(el, ext::KIND).and_then(ListKind::parse);
        (intro, self.items(&items, kind))
    }

    /// The text of an `intro`: its paragraphs, one after the other.
    fn intro_text(&mut self, intro: &'t Element<'t>) -> Vec<Inline> {
        let mut text = Vec::new();
        for p in intro.elements() {
            let inlines = self.inline_content(p);
            join(&mut text, inlines);
        }
        text
    }

    /// List items of `kind` (read from the first label when not given).
    fn items(&mut self, elements: &[&'t Element<'t>], kind: Option<ListKind>) -> List {
        let first_label = elements
            .first()
            .and_then(|e| child(e, "num"))
            .map(|n| n.text());
        let kind = kind.unwrap_or_else(|| numbers::list_kind(first_label.as_deref()));
        let mut items = Vec::new();
        for (i, el) in elements.iter().enumerate() {
            let n = child(el, "num")
                .and_then(|num| numbers::item(kind, &num.text()))
                .unwrap_or(i as u32 + 1);
            let (content, list, after) = if el.name == "li" || el.name == "item" {
                self.item_text(el)
            } else {
                self.text_and_list(el)
            };
            if !after.is_empty() {
                self.unheld(
                    el,
                    "more than one paragraph in a list item; the first is kept",
                );
            }
            items.push(Item {
                n,
                content,
                list,
                span: el.span,
                text_at: el.span,
            });
        }
        List { kind, items }
    }

    /// A `blockList` item or an `li`: its first paragraph (or its text) and
    /// a nested list.
    fn item_text(&mut self, el: &'t Element<'t>) -> (Vec<Inline>, Option<List>, Vec<Block>) {
        let has_blocks = el.elements().any(|e| e.name != "num");
        if !has_blocks {
            return (self.inline_content(el), None, Vec::new());
        }
        let mut text = Vec::new();
        let mut list = None;
        let mut after = Vec::new();
        self.content_into(el, &mut text, &mut list, &mut after);
        (text, list, after)
    }

    /// A list standing where no paragraph holds it: its items as text.
    fn loose_list(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        self.foreign_blocks(
            el,
            "a list outside a numbered paragraph; kept as unnumbered text",
        )
    }

    /// Hierarchy the model has no place for: its heading as a subheading,
    /// its content as the blocks it holds.
    fn foreign_hierarchy(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        let num = child(el, "num")
            .map(|n| n.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        let heading = child(el, "heading")
            .map(|h| self.inline_content(h))
            .unwrap_or_default();
        self.unheld(el, "a division the model does not have; its heading is kept as a subheading, its text as paragraphs");
        let mut out = Vec::new();
        if !num.is_empty() || !heading.is_empty() {
            let mut title = Vec::new();
            if !num.is_empty() {
                title.push(Inline::Text(format!("{num} ")));
            }
            title.extend(heading);
            let title = crate::read::inline::merge_text(title);
            out.push(Block::Subheading(Subheading {
                level: 3,
                n: None,
                heading: title,
                span: el.span,
            }));
        }
        out.extend(self.blocks(el));
        out
    }
}

/// The first child of `el` named `name`.
pub(super) fn child<'e, 's>(el: &'e Element<'s>, name: &str) -> Option<&'e Element<'s>> {
    el.elements().find(|e| e.name == name)
}

/// Appends `more` to `text`, a space between them.
fn join(text: &mut Vec<Inline>, more: Vec<Inline>) {
    if more.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push(Inline::Text(" ".into()));
    }
    text.extend(more);
    *text = crate::read::inline::merge_text(std::mem::take(text));
}
