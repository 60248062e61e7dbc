//! Markdown blocks placed in UN structure: the title and subtitle, the
//! summary box, chapters (`#`), sections (`##`), subheadings (`###`,
//! `####`), numbered paragraphs and their lists (see [`super::lists`]),
//! tables and figures, annexes. Headings carry their numbers in the six
//! languages' label conventions; an unnumbered one is numbered by its
//! position, with a warning when the author numbered others.

use std::collections::HashMap;
use std::path::Path;

use super::inlines::{self, Line};
use super::source::Source;
use super::tree::{Kind, Node};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::{self, Lang};
use crate::model::{
    Annex, Block, Division, Inline, Span, Spanned, Subheading, Summary, plain_text,
};
use crate::read::text::{Label, classify};

/// What the builder needs beyond the blocks.
pub(super) struct Context<'a> {
    pub lang: Lang,
    /// The source's folder, where figures' pictures are looked for.
    pub dir: Option<&'a Path>,
    /// Whether the front matter gave the title (then no heading is it).
    pub titled: bool,
}

/// The document's parts, once placed.
#[derive(Default)]
pub(super) struct Built {
    pub title: Option<Spanned<Vec<Inline>>>,
    pub subtitle: Option<Spanned<Vec<Inline>>>,
    pub summary: Option<Summary>,
    pub preamble: Vec<Block>,
    pub body: Vec<Block>,
    pub annexes: Vec<Annex>,
}

/// What the block just read asks of the next one.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Nothing,
    /// The paragraph right under the title may be the subtitle.
    Subtitle,
    /// The block after `# Annex I` is the annex's title.
    AnnexTitle,
}

pub(super) struct Builder<'c, 's> {
    pub(super) cx: &'c Context<'c>,
    pub(super) src: &'c Source<'s>,
    pub(super) out: &'c mut Vec<Diagnostic>,
    built: Built,
    /// Blocks of the body (or of the last annex), not yet nested.
    pub(super) flats: Vec<Block>,
    annex: Option<Annex>,
    expect: Expect,
    /// Whether the numbered body has started (no summary, subtitle or title after it).
    started: bool,
    summary_open: bool,
    /// The last chapter, section and subheading numbers of each level.
    numbers: [u32; 4],
    pub(super) next_para: u32,
    /// Whether the author numbered any heading of each level (1 to 4).
    numbered: [bool; 4],
    /// Blocks starting before this byte were read with a table or figure.
    pub(super) consumed: usize,
    /// Whether the last paragraph's list was opened by a top-level list
    /// restarting at 1 (its items may go on).
    pub(super) restarted: bool,
    /// How many top-level list items written with each number follow, up
    /// to the next heading.
    pub(super) ahead: HashMap<u32, usize>,
    /// Where the table the current block may announce ends (the first
    /// table among the next few blocks).
    pub(super) next_table_end: Option<usize>,
}

/// Places `blocks` in the document's structure.
pub(super) fn build(
    blocks: &[Node],
    src: &Source,
    cx: &Context,
    out: &mut Vec<Diagnostic>,
) -> Built {
    let mut b = Builder {
        cx,
        src,
        out,
        built: Built::default(),
        flats: Vec::new(),
        annex: None,
        expect: Expect::Nothing,
        started: false,
        summary_open: false,
        numbers: [0; 4],
        next_para: 1,
        numbered: numbered_levels(blocks, cx),
        consumed: 0,
        restarted: false,
        ahead: written_ahead(blocks),
        next_table_end: None,
    };
    for (i, node) in blocks.iter().enumerate() {
        if matches!(node.kind, Kind::Heading(..)) {
            b.ahead = written_ahead(&blocks[i + 1..]);
        }
        if node.range.start < b.consumed {
            continue;
        }
        b.next_table_end = blocks[i..]
            .iter()
            .take(CAPTION_BLOCKS)
            .find(|n| matches!(n.kind, Kind::Table))
            .map(|n| n.range.end);
        b.node(node);
    }
    b.finish()
}

/// How many blocks a table's caption, title and units line take at most.
const CAPTION_BLOCKS: usize = 5;

/// How many top-level list items in `blocks`, up to the first heading, are
/// written with each number.
fn written_ahead(blocks: &[Node]) -> HashMap<u32, usize> {
    let mut counts = HashMap::new();
    let written = blocks
        .iter()
        .take_while(|n| !matches!(n.kind, Kind::Heading(..)))
        .filter_map(|n| match &n.kind {
            Kind::List(Some(_), items) => Some(items.iter().filter_map(|i| i.written)),
            _ => None,
        })
        .flatten();
    for w in written {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

/// Which heading levels carry a number somewhere in the document (the
/// title and annex headings aside).
fn numbered_levels(blocks: &[Node], cx: &Context) -> [bool; 4] {
    let mut numbered = [false; 4];
    for node in blocks {
        if let Kind::Heading(level @ 1..=4, inlines) = &node.kind {
            let label = heading_label(*level, &plain_text(inlines), cx.lang);
            numbered[*level as usize - 1] |= label.is_some();
        }
    }
    numbered
}

/// The number a heading of `level` carries (`I.`, `A.`, `1.`, `(a)` in the
/// six languages) and the byte offset of its text after the label.
fn heading_label(level: u8, text: &str, _lang: Lang) -> Option<(u32, usize)> {
    let (labels, at) = classify(text)?;
    labels
        .iter()
        .find_map(|l| match (level, l) {
            (1, Label::Chapter(n)) | (2, Label::Section(n)) => Some(*n),
            (3, Label::Decimal(n)) | (4, Label::Alpha(n)) => Some(*n),
            _ => None,
        })
        .map(|n| (n, at))
}

impl Builder<'_, '_> {
    pub(super) fn node(&mut self, node: &Node) {
        let expect = std::mem::replace(&mut self.expect, Expect::Nothing);
        match &node.kind {
            Kind::Heading(level, inlines) => self.heading(*level, inlines, node.span, expect),
            Kind::Para(lines) => self.paragraph(lines, node, expect),
            Kind::List(start, items) => self.top_list(*start, items, node),
            Kind::Table => self.table(node, node.range.start),
            Kind::Picture(p) => self.figure(p, node),
        }
    }

    fn heading(&mut self, level: u8, inlines: &[Inline], span: Span, expect: Expect) {
        let text = plain_text(inlines);
        let text = text.trim();
        if expect == Expect::AnnexTitle {
            return self.annex_title(inlines.to_vec());
        }
        let label = heading_label(level, text, self.cx.lang);
        let untitled = self.built.title.is_none() && !self.cx.titled && !self.started;
        if level == 1 && untitled && label.is_none() && !is_annex(text) {
            self.built.title = Some(Spanned::new(inlines.to_vec(), span));
            self.expect = Expect::Subtitle;
            return;
        }
        if !self.started && is_summary_word(text) {
            return self.open_summary(inlines.to_vec(), span);
        }
        if level == 1
            && let Some((Label::Annex(n), _)) = classify(text).map(|(l, at)| (l[0], at))
        {
            return self.open_annex(n, span);
        }
        if level > 4 {
            self.warn(span, Code::Unsupported, format!("a heading of level {level} (`{}`): UN documents have four heading levels; kept as an unnumbered paragraph", "#".repeat(level as usize)));
            return self.push(Block::Text(Spanned::new(inlines.to_vec(), span)));
        }
        let heading = match label {
            Some((_, at)) => strip_label(inlines, at),
            None => inlines.to_vec(),
        };
        let n = self.heading_number(level, label.map(|(n, _)| n), span);
        self.place_heading(level, n, heading, span);
    }

    /// A heading's number: as written, else by position (chapters and
    /// sections always; subheadings when others of their level are numbered).
    fn heading_number(&mut self, level: u8, written: Option<u32>, span: Span) -> Option<u32> {
        let slot = level as usize - 1;
        if written.is_some() {
            return written;
        }
        let numbered = self.numbered[slot];
        if level >= 3 && !numbered {
            return None;
        }
        let n = self.numbers[slot] + 1;
        if numbered {
            let label = match level {
                1 => self.cx.lang.chapter_label(n),
                2 => self.cx.lang.section_label(n),
                _ => self.cx.lang.subheading_label(level, n),
            };
            self.warn(span, Code::Structure, format!("this heading has no number while others of its level do: numbered `{label}` by its position"));
        }
        Some(n)
    }

    fn place_heading(&mut self, level: u8, n: Option<u32>, heading: Vec<Inline>, span: Span) {
        self.started = true;
        self.summary_open = false;
        let slot = level as usize - 1;
        if let Some(n) = n {
            self.numbers[slot] = n;
        }
        for deeper in &mut self.numbers[slot + 1..] {
            *deeper = 0;
        }
        let division = |n| Division {
            n,
            heading: heading.clone(),
            span,
            blocks: Vec::new(),
        };
        let block = match level {
            1 => Block::Chapter(division(n.unwrap_or(1))),
            2 => Block::Section(division(n.unwrap_or(1))),
            _ => Block::Subheading(Subheading {
                level,
                n,
                heading: heading.clone(),
                span,
            }),
        };
        self.push(block);
    }

    fn paragraph(&mut self, lines: &[Line], node: &Node, expect: Expect) {
        let inlines = inlines::join(lines);
        let text = plain_text(&inlines);
        match expect {
            Expect::Subtitle if lines.len() == 1 && is_subtitle(&text) => {
                self.built.subtitle = Some(Spanned::new(inlines, node.span));
                return;
            }
            Expect::AnnexTitle => return self.annex_title(inlines),
            _ => {}
        }
        if !self.started && is_summary_word(text.trim()) {
            return self.open_summary(inlines, node.span);
        }
        let first = lines
            .first()
            .map(|l| plain_text(&l.inlines))
            .unwrap_or_default();
        if crate::read::text::table::caption_number(&first).is_some() {
            return self.table(node, node.range.start);
        }
        if self.lettered_paragraph(lines, node) || self.labelled_paragraph(lines, node) {
            return;
        }
        self.push(Block::Text(Spanned::new(inlines, node.span)));
    }

    fn open_summary(&mut self, heading: Vec<Inline>, span: Span) {
        self.built.summary = Some(Summary {
            heading: Some(heading),
            blocks: Vec::new(),
            span,
        });
        self.summary_open = true;
    }

    fn open_annex(&mut self, n: Option<u32>, span: Span) {
        self.close_annex();
        self.annex = Some(Annex {
            n,
            heading: Vec::new(),
            span,
            blocks: Vec::new(),
        });
        self.started = true;
        self.summary_open = false;
        self.numbers = [0; 4];
        self.next_para = 1;
        self.expect = Expect::AnnexTitle;
    }

    fn annex_title(&mut self, heading: Vec<Inline>) {
        if let Some(annex) = &mut self.annex {
            annex.heading = heading;
        }
    }

    fn close_annex(&mut self) {
        let flats = std::mem::take(&mut self.flats);
        match self.annex.take() {
            Some(mut annex) => {
                let (mut pre, mut blocks) = nest(flats);
                pre.append(&mut blocks);
                annex.blocks = pre;
                self.built.annexes.push(annex);
            }
            None => {
                let (preamble, body) = nest(flats);
                self.built.preamble = preamble;
                self.built.body = body;
            }
        }
    }

    /// Adds a block to the flow (or, before the body, to the open summary).
    pub(super) fn push(&mut self, block: Block) {
        let unnumbered = matches!(block, Block::Text(_) | Block::Table(_) | Block::Figure(_));
        if !unnumbered {
            self.started = true;
            self.summary_open = false;
        }
        match &mut self.built.summary {
            Some(summary) if self.summary_open && unnumbered => summary.blocks.push(block),
            _ => self.flats.push(block),
        }
    }

    pub(super) fn warn(&mut self, span: Span, code: Code, message: impl Into<String>) {
        self.out.push(Diagnostic::new(code, span, message));
    }

    fn finish(mut self) -> Built {
        self.close_annex();
        self.built
    }
}

/// `text` without its first `at` bytes, taken from the leading text run.
pub(super) fn strip_label(inlines: &[Inline], at: usize) -> Vec<Inline> {
    let mut out = inlines.to_vec();
    if let Some(Inline::Text(t)) = out.first_mut()
        && t.len() >= at
        && t.is_char_boundary(at)
    {
        *t = t[at..].trim_start().to_string();
    }
    crate::read::inline::merge_text(out)
}

fn is_summary_word(text: &str) -> bool {
    lang::ALL.iter().any(|l| text == l.summary_word())
}

fn is_annex(text: &str) -> bool {
    matches!(classify(text), Some((labels, _)) if matches!(labels[0], Label::Annex(_)))
}

/// A subtitle is short and not a sentence.
fn is_subtitle(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().count() <= 150 && !t.ends_with(['.', '。', ':', '：', ';'])
}

/// Nests flat blocks: sections into chapters, the rest into the innermost
/// open division; unnumbered blocks before the first numbered part are the preamble.
fn nest(flats: Vec<Block>) -> (Vec<Block>, Vec<Block>) {
    let mut preamble = Vec::new();
    let mut body: Vec<Block> = Vec::new();
    for block in flats {
        let unnumbered = matches!(block, Block::Text(_) | Block::Table(_) | Block::Figure(_));
        if body.is_empty() && unnumbered {
            preamble.push(block);
            continue;
        }
        match block {
            Block::Chapter(_) => body.push(block),
            Block::Section(_) => match body.last_mut() {
                Some(Block::Chapter(ch)) => ch.blocks.push(block),
                _ => body.push(block),
            },
            other => match innermost(&mut body) {
                Some(blocks) => blocks.push(other),
                None => body.push(other),
            },
        }
    }
    (preamble, body)
}

/// The blocks of the innermost open division, if one is open.
fn innermost(body: &mut [Block]) -> Option<&mut Vec<Block>> {
    match body.last_mut()? {
        Block::Chapter(ch) => {
            if matches!(ch.blocks.last(), Some(Block::Section(_))) {
                match ch.blocks.last_mut() {
                    Some(Block::Section(sec)) => Some(&mut sec.blocks),
                    _ => None,
                }
            } else {
                Some(&mut ch.blocks)
            }
        }
        Block::Section(sec) => Some(&mut sec.blocks),
        _ => None,
    }
}
