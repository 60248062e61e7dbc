//! pulldown-cmark's events gathered into the blocks the structure builder
//! places: headings, paragraphs (as lines, so `(a)` lines can become list
//! items), lists with each item's written number, tables and pictures by
//! their place in the source, footnotes numbered by first reference. What
//! the model cannot hold is reported at its line here.

use std::iter::Peekable;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::inlines::{self, Line};
use super::source::Source;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Footnote, Inline, Span, Spanned, plain_text};

/// A picture standing alone in its paragraph: a figure.
#[derive(Clone)]
pub(super) struct Picture {
    /// The bracketed text (`Figure II: Title`).
    pub label: String,
    /// The path.
    pub url: String,
    /// The quoted title, taken as the alternative text.
    pub title: String,
}

/// What a block is.
pub(super) enum Kind {
    Heading(u8, Vec<Inline>),
    /// A paragraph, line by line.
    Para(Vec<Line>),
    /// A list: its start number (`None` for bullets) and items.
    List(Option<u64>, Vec<Item>),
    Table,
    Picture(Picture),
}

/// A block with where it stands in the source.
pub(super) struct Node {
    pub kind: Kind,
    pub span: Span,
    /// Its bytes in the source.
    pub range: Range<usize>,
}

/// A list item: the number written before it (`4.`) and its blocks.
pub(super) struct Item {
    pub written: Option<u32>,
    pub blocks: Vec<Node>,
    pub span: Span,
}

/// The whole source as blocks.
pub(super) struct Tree {
    pub blocks: Vec<Node>,
    pub footnotes: Vec<Footnote>,
    /// The YAML front matter and the byte offset where it starts.
    pub front: Option<(String, usize)>,
}

/// Parses `src` (CommonMark with tables, footnotes, strikethrough, front matter).
pub(super) fn parse(src: &Source, out: &mut Vec<Diagnostic>) -> Tree {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut walker = Walker {
        events: Parser::new_ext(src.text, options)
            .into_offset_iter()
            .peekable(),
        src,
        notes: Vec::new(),
        numbers: std::collections::HashMap::new(),
        definitions: Vec::new(),
        front: None,
        depth: 0,
        out,
    };
    let blocks = walker.blocks(None);
    let footnotes = walker.footnotes();
    Tree {
        blocks,
        footnotes,
        front: walker.front,
    }
}

type Events<'s> =
    Peekable<pulldown_cmark::OffsetIter<'s, pulldown_cmark::DefaultBrokenLinkCallback>>;

pub(super) struct Walker<'s, 'a> {
    events: Events<'s>,
    pub(super) src: &'a Source<'s>,
    /// Footnote labels in order of first reference: label `k` is note `k + 1`.
    pub(super) notes: Vec<String>,
    /// The number of each footnote label seen.
    numbers: std::collections::HashMap<String, u32>,
    definitions: Vec<(String, Vec<Inline>, Span)>,
    front: Option<(String, usize)>,
    /// How many containers (lists, quotes, emphasis …) enclose the event read.
    pub(super) depth: usize,
    pub(super) out: &'a mut Vec<Diagnostic>,
}

/// Deepest nesting of containers read; deeper ones are left out with a
/// warning (UN documents nest lists four deep; the bound keeps recursion shallow).
pub(super) const MAX_DEPTH: usize = 24;

impl<'s> Walker<'s, '_> {
    pub(super) fn next(&mut self) -> Option<(Event<'s>, Range<usize>)> {
        self.events.next()
    }

    pub(super) fn peek(&mut self) -> Option<&(Event<'s>, Range<usize>)> {
        self.events.peek()
    }

    pub(super) fn warn(&mut self, code: Code, at: usize, message: impl Into<String>) {
        let span = self.src.span(at);
        self.out.push(Diagnostic::new(code, span, message));
    }

    /// Blocks up to `end` (consumed), or to the end of the source.
    fn blocks(&mut self, end: Option<TagEnd>) -> Vec<Node> {
        let mut nodes = Vec::new();
        while let Some((event, range)) = self.peek().cloned() {
            match event {
                Event::End(e) if Some(e) == end => {
                    self.next();
                    break;
                }
                Event::End(_) => {
                    self.next();
                }
                Event::Start(tag) if !inlines::is_inline(&tag) => {
                    self.next();
                    let tag = tag.into_static();
                    nodes.extend(self.block(tag, range));
                }
                Event::Rule => {
                    self.next();
                    self.warn(
                        Code::Unsupported,
                        range.start,
                        "a thematic break (`---`, `***`) has no place in a UN document: left out",
                    );
                }
                // Tight list items hold their text without a paragraph.
                _ => {
                    let lines = self.lines(None);
                    let len = self.src.text.len();
                    let end = self.peek().map_or(len, |(_, r)| r.start);
                    nodes.push(self.paragraph(lines, range.start..end));
                }
            }
        }
        nodes
    }

    /// The node (or, for a block quote, nodes) a block-level tag starts.
    fn block(&mut self, tag: Tag<'static>, range: Range<usize>) -> Vec<Node> {
        if self.too_deep(tag.to_end(), range.start) {
            return Vec::new();
        }
        self.depth += 1;
        let nodes = self.block_within(tag, range);
        self.depth -= 1;
        nodes
    }

    fn block_within(&mut self, tag: Tag<'static>, range: Range<usize>) -> Vec<Node> {
        let span = self.src.span(range.start);
        let node = |kind| {
            vec![Node {
                kind,
                span,
                range: range.clone(),
            }]
        };
        match tag {
            Tag::Paragraph => {
                let lines = self.lines(Some(TagEnd::Paragraph));
                vec![self.paragraph(lines, range)]
            }
            Tag::Heading { level, .. } => {
                let lines = self.lines(Some(TagEnd::Heading(level)));
                node(Kind::Heading(level as u8, inlines::join(&lines)))
            }
            Tag::List(start) => {
                let items = self.items();
                node(Kind::List(start, items))
            }
            Tag::Table(_) => {
                self.skip(TagEnd::Table);
                node(Kind::Table)
            }
            Tag::FootnoteDefinition(label) => {
                let blocks = self.blocks(Some(TagEnd::FootnoteDefinition));
                let content = flatten(blocks);
                self.definitions.push((label.to_string(), content, span));
                Vec::new()
            }
            Tag::MetadataBlock(kind) => {
                if let Some((Event::Text(yaml), r)) = self.peek().cloned() {
                    self.front = Some((yaml.to_string(), r.start));
                }
                self.skip(TagEnd::MetadataBlock(kind));
                Vec::new()
            }
            Tag::BlockQuote(kind) => {
                self.warn(Code::Unsupported, range.start, "a block quote (`>`) has no place in a UN document: its text is kept as ordinary paragraphs");
                self.blocks(Some(TagEnd::BlockQuote(kind)))
            }
            other => {
                let what = match other {
                    Tag::CodeBlock(_) => "a code block",
                    Tag::HtmlBlock => "an HTML block",
                    _ => "a block undoc does not read",
                };
                self.warn(
                    Code::Unsupported,
                    range.start,
                    format!("{what} cannot be held in a UN document: left out"),
                );
                self.skip(other.to_end());
                Vec::new()
            }
        }
    }

    /// A paragraph, or a figure when a picture stands alone in it.
    fn paragraph(&mut self, mut lines: Vec<Line>, range: Range<usize>) -> Node {
        let span = self.src.span(range.start);
        let alone = |line: &Line| {
            let label = line.picture.as_ref().map(|p| p.label.trim());
            label.is_some_and(|l| plain_text(&line.inlines).trim() == l)
        };
        let picture = match lines.as_mut_slice() {
            [line] if alone(line) => line.picture.take(),
            _ => None,
        };
        if picture.is_none() && lines.iter().any(|l| l.picture.is_some()) {
            self.warn(Code::Unsupported, range.start, "a picture inside running text: only its description is kept (a figure's picture stands alone in its paragraph)");
        }
        let kind = match picture {
            Some(p) => Kind::Picture(p),
            None => Kind::Para(lines),
        };
        Node { kind, span, range }
    }

    fn items(&mut self) -> Vec<Item> {
        let mut items = Vec::new();
        while let Some((event, range)) = self.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let written = written_number(&self.src.text[range.clone()]);
                    let span = self.src.span(range.start);
                    let blocks = self.blocks(Some(TagEnd::Item));
                    items.push(Item {
                        written,
                        blocks,
                        span,
                    });
                }
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        items
    }

    /// Skips events up to the end of the current tag `end`.
    pub(super) fn skip(&mut self, end: TagEnd) {
        let mut depth = 0usize;
        while let Some((event, _)) = self.next() {
            match event {
                // A table's cells are read from the source; their notes keep their numbers.
                Event::FootnoteReference(label) => {
                    self.note_number(&label);
                }
                Event::Start(_) => depth += 1,
                Event::End(e) if depth == 0 && e == end => break,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }

    /// The number of footnote `label`, given at its first reference.
    pub(super) fn note_number(&mut self, label: &str) -> u32 {
        if let Some(&n) = self.numbers.get(label) {
            return n;
        }
        self.notes.push(label.to_string());
        let n = self.notes.len() as u32;
        self.numbers.insert(label.to_string(), n);
        n
    }

    /// Whether a container opening here is one too deep: then it is
    /// skipped, with a warning.
    pub(super) fn too_deep(&mut self, end: TagEnd, at: usize) -> bool {
        if self.depth < MAX_DEPTH {
            return false;
        }
        self.warn(
            Code::Unsupported,
            at,
            format!("content nested deeper than {MAX_DEPTH} levels: left out"),
        );
        self.skip(end);
        true
    }

    /// The footnotes in number order; a definition never referred to takes
    /// the next number (the validator reports it).
    fn footnotes(&mut self) -> Vec<Footnote> {
        let definitions = std::mem::take(&mut self.definitions);
        let mut notes: Vec<Footnote> = definitions
            .into_iter()
            .map(|(label, content, span)| Footnote {
                n: self.note_number(&label),
                content,
                span,
            })
            .collect();
        notes.sort_by_key(|n| n.n);
        notes
    }
}

/// `4.` or `4)` at the start of a list item's source → 4.
fn written_number(item: &str) -> Option<u32> {
    let digits: String = item
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The inline content of blocks run together (a footnote's paragraphs).
fn flatten(blocks: Vec<Node>) -> Vec<Inline> {
    let mut out = Vec::new();
    for node in blocks {
        let inlines = match node.kind {
            Kind::Para(lines) => inlines::join(&lines),
            Kind::Heading(_, inlines) => inlines,
            _ => continue,
        };
        if !out.is_empty() && !inlines.is_empty() {
            out.push(Inline::Text(" ".into()));
        }
        out.extend(inlines);
    }
    crate::read::inline::merge_text(out)
}

/// A reference to a footnote, as the model holds it.
pub(super) fn note_ref(n: u32, span: Span) -> Inline {
    Inline::NoteRef(Spanned::new(n, span))
}
