//! The structure tree: tagged content is collected per owner (block,
//! footnote, masthead line, table cell) while pages are drawn, then
//! assembled along the flow's plan into headings, paragraphs, lists, notes,
//! links, tables (`Table`, `Caption`, `THead`, `TBody`, `TR`, `TH` with
//! its scope, `TD`, with their spans) and figures with their alternative text.

use std::num::{NonZeroU16, NonZeroU32};

use krilla::tagging::{
    Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};

use crate::model::ListKind;
use crate::write::pdf::flow::table::LaidTable;
use crate::write::pdf::flow::{Float, Flow, GroupKind, Plan};

/// Who owns a piece of tagged content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    Block(usize),
    Note(usize),
    Fixed(usize),
    /// Cell `.1` of the table in block `.0`.
    Cell(usize, usize),
}

/// Tagged content collected while drawing, before the tree is built: a
/// drawn run's identifier (24 bytes, where a krilla `Node` takes 88; a
/// paragraph of emphasised words holds one per word until the tree is built).
pub(super) enum Slot {
    Leaf(Identifier),
    /// A link: index into the links list.
    Link(usize),
}

#[derive(Default)]
pub(super) struct Collected {
    block_label: Vec<Vec<Slot>>,
    block_body: Vec<Vec<Slot>>,
    note_label: Vec<Vec<Slot>>,
    note_body: Vec<Vec<Slot>>,
    fixed: Vec<Vec<Slot>>,
    /// Per block, per table cell (empty for blocks that are no table).
    cells: Vec<Vec<Vec<Slot>>>,
    pub links: Vec<Option<Node>>,
}

impl Collected {
    pub fn list(&mut self, owner: Owner, label: bool) -> &mut Vec<Slot> {
        match (owner, label) {
            (Owner::Block(i), true) => &mut self.block_label[i],
            (Owner::Block(i), false) => &mut self.block_body[i],
            (Owner::Note(i), true) => &mut self.note_label[i],
            (Owner::Note(i), false) => &mut self.note_body[i],
            (Owner::Fixed(i), _) => &mut self.fixed[i],
            (Owner::Cell(i, k), _) => &mut self.cells[i][k],
        }
    }

    fn take(&mut self, owner: Owner, label: bool) -> Vec<Node> {
        let slots = std::mem::take(self.list(owner, label));
        slots
            .into_iter()
            .filter_map(|slot| match slot {
                Slot::Leaf(id) => Some(Node::Leaf(id)),
                Slot::Link(k) => self.links.get_mut(k).and_then(Option::take),
            })
            .collect()
    }
}

impl Collected {
    /// Empty slots for every block, footnote and masthead line of `flow`.
    pub fn for_flow(flow: &Flow) -> Collected {
        Collected {
            block_label: flow.blocks.iter().map(|_| Vec::new()).collect(),
            block_body: flow.blocks.iter().map(|_| Vec::new()).collect(),
            note_label: flow.notes.iter().map(|_| Vec::new()).collect(),
            note_body: flow.notes.iter().map(|_| Vec::new()).collect(),
            fixed: flow.fixed.iter().map(|_| Vec::new()).collect(),
            cells: flow
                .blocks
                .iter()
                .map(|b| match b.float.as_deref() {
                    Some(Float::Table(t)) => t.cells.iter().map(|_| Vec::new()).collect(),
                    _ => Vec::new(),
                })
                .collect(),
            links: Vec::new(),
        }
    }
}

/// The structure tree of `flow` in the document's language `lang`.
pub(super) fn tag_tree(flow: &Flow, lang: &str, collected: &mut Collected) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(lang.to_string()));
    for plan in &flow.plan {
        if let Some(node) = build_node(plan, flow, collected) {
            tree.push(node);
        }
    }
    tree
}

fn build_node(plan: &Plan, flow: &Flow, c: &mut Collected) -> Option<Node> {
    let group = |tag: TagKind, children: Vec<Node>| -> Option<Node> {
        (!children.is_empty()).then(|| Node::Group(TagGroup::with_children(tag, children)))
    };
    match plan {
        Plan::Group(kind, plans) => {
            let children: Vec<Node> = plans
                .iter()
                .filter_map(|p| build_node(p, flow, c))
                .collect();
            let tag: TagKind = match kind {
                GroupKind::Section => Tag::Section.into(),
                GroupKind::Div => Tag::Div.into(),
                GroupKind::List(kind) => Tag::L(match kind {
                    ListKind::Decimal => ListNumbering::Decimal,
                    ListKind::Alpha => ListNumbering::LowerAlpha,
                    ListKind::Roman => ListNumbering::LowerRoman,
                    ListKind::Bullet => ListNumbering::Disc,
                })
                .into(),
            };
            group(tag, children)
        }
        Plan::Para(i) => {
            let mut children = c.take(Owner::Block(*i), true);
            children.extend(c.take(Owner::Block(*i), false));
            group(Tag::P.into(), children)
        }
        Plan::Heading(i, level, title) => {
            let mut children = c.take(Owner::Block(*i), true);
            children.extend(c.take(Owner::Block(*i), false));
            let level = NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN);
            group(Tag::Hn(level, Some(title.clone())).into(), children)
        }
        Plan::Item(i, nested) => {
            let label = c.take(Owner::Block(*i), true);
            let mut body = c.take(Owner::Block(*i), false);
            body.extend(nested.iter().filter_map(|p| build_node(p, flow, c)));
            let mut children = Vec::new();
            children.extend(group(Tag::Lbl.into(), label));
            children.extend(group(Tag::LBody.into(), body));
            group(Tag::LI.into(), children)
        }
        Plan::Contents(items) => {
            let children = items
                .iter()
                .filter_map(|p| build_node(p, flow, c))
                .collect();
            group(Tag::TOC.into(), children)
        }
        Plan::ContentsItem(i) => {
            let label = c.take(Owner::Block(*i), true);
            let body = c.take(Owner::Block(*i), false);
            let mut children = Vec::new();
            children.extend(group(Tag::Lbl.into(), label));
            children.extend(group(Tag::P.into(), body));
            group(Tag::TOCI.into(), children)
        }
        Plan::Note(n) => {
            let mut children = c.take(Owner::Note(*n), true);
            children.extend(c.take(Owner::Note(*n), false));
            group(Tag::Note.into(), children)
        }
        Plan::Fixed(i) => {
            let children = c.take(Owner::Fixed(*i), false);
            group(Tag::P.into(), children)
        }
        Plan::Table(caption, grid) => table_node(caption, *grid, flow, c),
        Plan::Figure(i) => {
            let Some(Float::Figure(figure)) = flow.blocks.get(*i)?.float.as_deref() else {
                return None;
            };
            let children = c.take(Owner::Block(*i), false);
            let tag = Tag::Figure(Some(figure.alt.clone()));
            Some(Node::Group(TagGroup::with_children(tag, children)))
        }
    }
}

/// A `Table`: its caption, its header rows in `THead`, its body rows in `TBody`.
fn table_node(caption: &[Plan], grid: usize, flow: &Flow, c: &mut Collected) -> Option<Node> {
    let Some(Float::Table(table)) = flow.blocks.get(grid)?.float.as_deref() else {
        return None;
    };
    let mut children = Vec::new();
    let caption: Vec<Node> = caption
        .iter()
        .filter_map(|p| build_node(p, flow, c))
        .collect();
    if !caption.is_empty() {
        children.push(Node::Group(TagGroup::with_children(Tag::Caption, caption)));
    }
    let (head, body) = table.rows.split_at(table.head_rows.min(table.rows.len()));
    for (rows, tag) in [(head, TagKind::from(Tag::THead)), (body, Tag::TBody.into())] {
        if !rows.is_empty() {
            let rows = rows.iter().map(|r| row_node(table, r, grid, c)).collect();
            children.push(Node::Group(TagGroup::with_children(tag, rows)));
        }
    }
    Some(Node::Group(TagGroup::with_children(Tag::Table, children)))
}

/// A `TR` of the cells `cells`: header cells `TH` scoped to their column,
/// data cells `TD`, each with its spans. An empty cell keeps its place.
fn row_node(table: &LaidTable, cells: &[usize], grid: usize, c: &mut Collected) -> Node {
    let span = |n: u32| NonZeroU32::new(n).filter(|n| n.get() > 1);
    let cells = cells
        .iter()
        .map(|&k| {
            let cell = &table.cells[k];
            let (cols, rows) = (span(cell.col_span), span(cell.row_span));
            let tag: TagKind = if cell.header {
                Tag::TH(TableHeaderScope::Column)
                    .with_col_span(cols)
                    .with_row_span(rows)
                    .into()
            } else {
                Tag::TD.with_col_span(cols).with_row_span(rows).into()
            };
            let leaves = c.take(Owner::Cell(grid, k), false);
            Node::Group(TagGroup::with_children(tag, leaves))
        })
        .collect();
    Node::Group(TagGroup::with_children(Tag::TR, cells))
}
