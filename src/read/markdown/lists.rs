//! Numbered paragraphs and their lists, from Markdown lists.
//!
//! The rule (README, "Markdown drafts"): an item of a top-level ordered
//! list is a numbered paragraph, numbered on from the document's last
//! paragraph, whatever number it is written with (a list restarting at 1
//! after a heading continues the count). Two exceptions make a paragraph's
//! own list: a list nested (indented) under a paragraph, and an item
//! written `1.` right after a paragraph that ends with a colon, which
//! starts that paragraph's list; its items go on while their written
//! numbers continue it and differ from the next paragraph number (when
//! they are equal, the item is a list item only if another item of the
//! same number follows before the next heading). `(a)`, `(i)` lines (CommonMark has no such lists)
//! are the lettered list of the paragraph they stand in or follow; bullets
//! after a paragraph are its bullet list.

use super::build::{Builder, strip_label};
use super::inlines::{self, Line};
use super::tree::{Item as MdItem, Kind, Node};
use crate::diagnostic::Code;
use crate::model::{Block, Inline, Item, List, ListKind, Para, Span, plain_text};
use crate::read::text::{Label, classify};

/// A top-level entry that may become a numbered paragraph or a list item.
struct Entry<'n> {
    written: u32,
    lines: Vec<Line>,
    /// The item's blocks after its first paragraph.
    rest: Vec<&'n Node>,
    span: Span,
}

impl Builder<'_, '_> {
    /// A list at the top level: ordered items are numbered paragraphs (or
    /// the last paragraph's list, see the module's rule); bullets are the
    /// last paragraph's list.
    pub(super) fn top_list(&mut self, start: Option<u64>, items: &[MdItem], node: &Node) {
        let Some(start) = start else {
            let list = self.model_list(None, items);
            return self.attach(list, node.span);
        };
        let mut first = true;
        for (k, item) in items.iter().enumerate() {
            let written = item.written.unwrap_or(start as u32 + k as u32);
            if let Some(count) = item.written.and_then(|w| self.ahead.get_mut(&w)) {
                *count = count.saturating_sub(1);
            }
            let repeated = self.ahead.get(&written).is_some_and(|&c| c > 0);
            let (lines, rest) = split_item(item);
            let entry = Entry {
                written,
                lines,
                rest,
                span: item.span,
            };
            if !self.sub_item(&entry, repeated) {
                self.paragraph_entry(entry, first);
                first = false;
            }
        }
    }

    /// A paragraph whose first line carries a decimal label that is no
    /// Markdown list (Arabic `1 -`, Chinese `1.会议`): a numbered paragraph.
    pub(super) fn labelled_paragraph(&mut self, lines: &[Line], node: &Node) -> bool {
        let Some((Label::Decimal(written), at)) = first_label(lines) else {
            return false;
        };
        let mut lines = lines.to_vec();
        lines[0].inlines = strip_label(&lines[0].inlines, at);
        let entry = Entry {
            written,
            lines,
            rest: Vec::new(),
            span: node.span,
        };
        if !self.sub_item(&entry, false) {
            self.paragraph_entry(entry, true);
        }
        true
    }

    /// A paragraph of `(a)` lines: the list of the paragraph before it.
    pub(super) fn lettered_paragraph(&mut self, lines: &[Line], node: &Node) -> bool {
        if !matches!(
            first_label(lines),
            Some((Label::Alpha(_) | Label::Roman(_), _))
        ) {
            return false;
        }
        let (_, list) = split_lettered(lines);
        if let Some(list) = list {
            self.attach(list, node.span);
        }
        true
    }

    /// Item `entry` of a list opened by a restart at 1, if it is one;
    /// `repeated` when a later item is written with the same number.
    fn sub_item(&mut self, entry: &Entry, repeated: bool) -> bool {
        let (w, p) = (entry.written, self.next_para);
        let restarted = std::mem::take(&mut self.restarted);
        let Some(Block::Para(para)) = self.flats.last() else {
            return false;
        };
        let next = para
            .list
            .as_ref()
            .and_then(|l| l.items.last())
            .map(|i| i.n + 1);
        let continues = restarted && next == Some(w) && (w != p || repeated);
        let starts = w == 1
            && p > 1
            && para.list.is_none()
            && plain_text(&para.content).trim_end().ends_with([':', '：']);
        if !(continues || starts) {
            return false;
        }
        let item = self.model_item(w, &entry.lines, &entry.rest, entry.span);
        if let Some(Block::Para(para)) = self.flats.last_mut() {
            let list = para.list.get_or_insert_with(|| List {
                kind: ListKind::Decimal,
                items: Vec::new(),
            });
            list.items.push(item);
        }
        self.restarted = true;
        true
    }

    /// `entry` as the next numbered paragraph, with its list and the
    /// blocks that follow it in its item.
    fn paragraph_entry(&mut self, entry: Entry, first_of_list: bool) {
        let p = self.next_para;
        if first_of_list && entry.written != 1 && entry.written != p {
            self.warn(entry.span, Code::Structure, format!("written `{}.`, but paragraph numbers run through the document: this is paragraph {p}", entry.written));
        }
        let (content, mut list) = split_lettered(&entry.lines);
        let mut after = Vec::new();
        for node in &entry.rest {
            match &node.kind {
                Kind::List(start, items) if list.is_none() => {
                    list = Some(self.model_list(*start, items))
                }
                _ => after.push(*node),
            }
        }
        self.next_para = p + 1;
        self.push(Block::Para(Para {
            n: p,
            content: inlines::join(&content),
            list,
            span: entry.span,
            text_at: entry.span,
        }));
        for node in after {
            self.node(node);
        }
    }

    /// A Markdown list as a paragraph's (or item's) list.
    fn model_list(&mut self, start: Option<u64>, items: &[MdItem]) -> List {
        let kind = if start.is_some() {
            ListKind::Decimal
        } else {
            ListKind::Bullet
        };
        let first = start.unwrap_or(1) as u32;
        let items = items
            .iter()
            .enumerate()
            .map(|(k, item)| {
                let (lines, rest) = split_item(item);
                self.model_item(first + k as u32, &lines, &rest, item.span)
            })
            .collect();
        List { kind, items }
    }

    /// A list item from its lines and the blocks under them.
    fn model_item(&mut self, n: u32, lines: &[Line], rest: &[&Node], span: Span) -> Item {
        let (content, mut list) = split_lettered(lines);
        let mut content = inlines::join(&content);
        for node in rest {
            match &node.kind {
                Kind::List(start, items) if list.is_none() => list = Some(self.model_list(*start, items)),
                Kind::Para(lines) => {
                    content.push(Inline::Text(" ".into()));
                    content.extend(inlines::join(lines));
                }
                _ => self.warn(node.span, Code::Structure, "a block inside a list item that a list item cannot hold: left out; place it after the paragraph"),
            }
        }
        Item {
            n,
            content: crate::read::inline::merge_text(content),
            list,
            span,
            text_at: span,
        }
    }

    /// Gives `list` to the last paragraph (or to its last item that ends
    /// with a colon), or keeps it as text with a warning.
    fn attach(&mut self, list: List, span: Span) {
        self.restarted = false;
        let Some(Block::Para(para)) = self.flats.last_mut() else {
            self.warn(
                span,
                Code::Structure,
                "a list with no numbered paragraph to hold it: kept as plain text",
            );
            for item in list.items {
                self.push(Block::Text(crate::model::Spanned::new(
                    item.content,
                    item.span,
                )));
            }
            return;
        };
        match &mut para.list {
            None => para.list = Some(list),
            Some(own) if own.kind == list.kind => own.items.extend(list.items),
            Some(own) => match own.items.last_mut() {
                Some(last) if last.list.is_none() => last.list = Some(list),
                _ => self.warn(span, Code::Structure, "a second list under one paragraph: its items are left out; nest it under an item"),
            },
        }
    }
}

/// An item's first paragraph's lines, and its other blocks.
fn split_item(item: &MdItem) -> (Vec<Line>, Vec<&Node>) {
    let mut rest: Vec<&Node> = item.blocks.iter().collect();
    match rest.first().map(|n| &n.kind) {
        Some(Kind::Para(lines)) => {
            let lines = lines.clone();
            rest.remove(0);
            (lines, rest)
        }
        _ => (Vec::new(), rest),
    }
}

/// The label a paragraph's first line starts with.
fn first_label(lines: &[Line]) -> Option<(Label, usize)> {
    let first = lines.first()?;
    let Some(Inline::Text(text)) = first.inlines.first() else {
        return None;
    };
    let (labels, at) = classify(text)?;
    Some((labels[0], at))
}

/// A paragraph's lines before its first `(a)`/`(i)` line, and the lettered
/// list those lines make (`(i)` under `(a)` nests).
fn split_lettered(lines: &[Line]) -> (Vec<Line>, Option<List>) {
    let first = lines.iter().position(|l| lettered(l).is_some());
    let Some(first) = first else {
        return (lines.to_vec(), None);
    };
    let mut top: Option<List> = None;
    for line in &lines[first..] {
        match lettered(line) {
            Some((readings, at)) => {
                let content = strip_label(&line.inlines, at);
                place_lettered(&mut top, &readings, content, line.span);
            }
            None => continue_last(&mut top, &line.inlines),
        }
    }
    (lines[..first].to_vec(), top)
}

/// The lettered readings (`(i)`: roman 1 or letter 9) of a line's label.
fn lettered(line: &Line) -> Option<(Vec<(ListKind, u32)>, usize)> {
    let Some(Inline::Text(text)) = line.inlines.first() else {
        return None;
    };
    let (labels, at) = classify(text)?;
    let readings = Label::lettered_readings(&labels);
    (!readings.is_empty()).then_some((readings, at))
}

/// Adds a lettered item: continuing the nested list, else the top list,
/// else starting a list nested under the last item.
fn place_lettered(
    top: &mut Option<List>,
    readings: &[(ListKind, u32)],
    content: Vec<Inline>,
    span: Span,
) {
    let item = |n| Item {
        n,
        content: content.clone(),
        list: None,
        span,
        text_at: span,
    };
    let next = |l: &List| (l.kind, l.items.last().map_or(1, |i| i.n + 1));
    let Some(list) = top else {
        let (kind, n) = readings
            .iter()
            .copied()
            .find(|r| r.1 == 1)
            .unwrap_or(readings[0]);
        *top = Some(List {
            kind,
            items: vec![item(n)],
        });
        return;
    };
    let top_next = next(list);
    let nested_next = list.items.last().and_then(|i| i.list.as_ref()).map(next);
    let continues_nested = nested_next.and_then(|nn| readings.iter().find(|r| **r == nn));
    let starts_nested = readings
        .iter()
        .find(|r| r.1 == 1 && r.0 != top_next.0 && nested_next.is_none());
    if let Some(&(_, n)) = continues_nested {
        if let Some(nested) = list.items.last_mut().and_then(|i| i.list.as_mut()) {
            nested.items.push(item(n));
        }
    } else if let Some(&(_, n)) = readings.iter().find(|r| **r == top_next) {
        list.items.push(item(n));
    } else if let Some(&(kind, n)) = starts_nested {
        if let Some(last) = list.items.last_mut() {
            last.list = Some(List {
                kind,
                items: vec![item(n)],
            });
        }
    } else {
        let n = readings
            .iter()
            .find(|r| r.0 == top_next.0)
            .map_or(readings[0].1, |r| r.1);
        list.items.push(item(n));
    }
}

/// A line without a label continues the last item.
fn continue_last(top: &mut Option<List>, inlines: &[Inline]) {
    let Some(list) = top else { return };
    let Some(mut item) = list.items.last_mut() else {
        return;
    };
    while let Some(deeper) = item.list.as_mut().and_then(|l| l.items.last_mut()) {
        item = deeper;
    }
    item.content.push(Inline::Text(" ".into()));
    item.content.extend(inlines.iter().cloned());
    item.content = crate::read::inline::merge_text(std::mem::take(&mut item.content));
}
