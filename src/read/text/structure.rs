//! Builds the body from labelled lines: chapters, sections, numbered
//! paragraphs, the lists inside paragraphs, footnotes and annexes.
//!
//! The hard part is telling a list item from a paragraph: lists restart at 1
//! and do not advance the paragraph counter, so after paragraph 4 the line
//! `5.` may be agenda item 5 or paragraph 5. A list starts only after text
//! that ends with a colon; an ambiguous number is settled by looking ahead
//! (if paragraph `n` comes later, this `n.` is an item) and by blank lines.
//! Blank lines inside a list do not end it; a heading does.

use std::path::Path;

use super::{Label, Line, classify, figure, table};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::{CLAUSE_MARKS, COMMAS, FULL_STOPS, Lang, QUESTION_EXCLAMATION, ends_with_mark};
use crate::model::{
    Annex, Block, Division, Figure, Footnote, Item, List, ListKind, Para, Span, Spanned,
    Subheading, Table,
};
use crate::read::inline::{self, SegmentMap};
use crate::script::{ends_ideographic, starts_ideographic};

/// The body of a text source, once built.
pub(super) struct Built {
    pub preamble: Vec<Block>,
    pub body: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    pub annexes: Vec<Annex>,
}

/// The longest lone line read as a heading of its own rather than the
/// start of the text after it.
const STANDING_ALONE: usize = 60;

/// Text gathered from one or more source lines, with where each piece came from.
struct Acc {
    text: String,
    map: SegmentMap,
    span: Span,
}

impl Acc {
    /// Where the text starts in the source (after a label).
    fn text_at(&self) -> Span {
        self.map.first().map_or(self.span, |&(_, at)| at)
    }

    fn new(line: &Line, offset: usize) -> Acc {
        let col = line.col + line.text[..offset].chars().count() as u32;
        Acc {
            text: line.text[offset..].to_string(),
            map: vec![(0, Span::new(line.no, col))],
            span: line.span(),
        }
    }

    /// Appends a continuation line, with a space unless CJK text meets.
    fn push_line(&mut self, line: &Line) {
        let glue = !(ends_ideographic(&self.text)
            || starts_ideographic(line.text)
            || self.text.is_empty());
        if glue {
            self.text.push(' ');
        }
        self.map.push((self.text.len(), line.span()));
        self.text.push_str(line.text);
    }

    /// A lone short line in capitals, set apart by a blank line: an
    /// unnumbered heading (`Financial resources` in a summary), never the
    /// start of the paragraph under it.
    fn stands_alone(&self) -> bool {
        self.map.len() == 1
            && self.text.chars().count() <= STANDING_ALONE
            && self.text.starts_with(|c: char| {
                // A capital, or a letter of a script without case (图一, الشكل).
                c.is_uppercase() || c.is_alphabetic() && !c.is_lowercase()
            })
    }

    fn ends_with_colon(&self) -> bool {
        self.text.trim_end().ends_with([':', '：'])
    }

    fn ends_sentence(&self) -> bool {
        let text = crate::read::inline::without_trailing_note_marks(self.text.trim_end());
        ends_with_mark(text, &[&FULL_STOPS, &CLAUSE_MARKS, &QUESTION_EXCLAMATION])
            || text.ends_with(['”', '"', '»', ')', '）'])
    }

    fn inlines(&self) -> Vec<crate::model::Inline> {
        inline::parse(&self.text, &self.map)
    }
}

struct RawItem {
    n: u32,
    acc: Acc,
    list: Option<RawList>,
}

struct RawList {
    kind: ListKind,
    items: Vec<RawItem>,
}

struct RawPara {
    n: u32,
    acc: Acc,
    list: Option<RawList>,
}

/// A block in reading order, before nesting into chapters and sections.
enum Flat {
    Chapter(u32, Acc),
    Section(u32, Acc),
    /// A numbered subheading: level, number, text.
    Subheading(u8, u32, Acc),
    Para(RawPara),
    Text(Acc),
    Table(Table),
    Figure(Figure),
}

struct RawAnnex {
    n: Option<u32>,
    span: Span,
    title: Option<Acc>,
    flats: Vec<Flat>,
}

/// Where continuation text goes.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    None,
    Para,
    /// The last item of the list at this depth of the current paragraph.
    Item(usize),
    Text,
    Note,
    AnnexTitle,
}

struct Builder<'d> {
    body: Vec<Flat>,
    annexes: Vec<RawAnnex>,
    notes: Vec<(u32, Acc)>,
    target: Target,
    next_para: u32,
    chapter: u32,
    next_section: u32,
    /// The last level-3 and level-4 subheading numbers in this section.
    subheading: (u32, u32),
    /// The document's language.
    lang: Lang,
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// What the builder needs to know of the source beyond its lines.
pub(super) struct Context<'a> {
    /// The document's language (table and figure words).
    pub lang: Lang,
    /// The source's folder, where figures' pictures are looked for.
    pub dir: Option<&'a Path>,
}

/// Builds the body from the lines after the title.
pub(super) fn build(lines: &[Line], context: &Context, diagnostics: &mut Vec<Diagnostic>) -> Built {
    let mut b = Builder {
        body: Vec::new(),
        annexes: Vec::new(),
        notes: Vec::new(),
        target: Target::None,
        next_para: 1,
        chapter: 0,
        next_section: 1,
        subheading: (0, 0),
        lang: context.lang,
        diagnostics,
    };
    let mut after_blank = true;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.text.is_empty() {
            after_blank = true;
            i += 1;
            continue;
        }
        if let Some(taken) = b.float(lines, i, context) {
            i += taken;
            after_blank = true;
            continue;
        }
        b.line(lines, i, after_blank);
        after_blank = false;
        i += 1;
    }
    b.finish()
}

impl Builder<'_> {
    fn flats(&mut self) -> &mut Vec<Flat> {
        match self.annexes.last_mut() {
            Some(annex) => &mut annex.flats,
            None => &mut self.body,
        }
    }

    fn para(&mut self) -> Option<&mut RawPara> {
        match self.flats().last_mut() {
            Some(Flat::Para(p)) => Some(p),
            _ => None,
        }
    }

    /// A table or figure starting at `lines[i]`: added to the flow; returns
    /// how many lines it took.
    fn float(&mut self, lines: &[Line], i: usize, context: &Context) -> Option<usize> {
        let text = lines[i].text;
        let may_start = text.starts_with(['|', '!'])
            || text.contains('\t')
            || table::caption_number(text).is_some();
        if !may_start || self.target == Target::AnnexTitle {
            return None;
        }
        if let Some(found) = figure::read(lines, i, context, self.diagnostics) {
            if let Some(fig) = found.figure {
                self.flats().push(Flat::Figure(fig));
            }
            self.target = Target::None;
            return Some(found.lines);
        }
        let found = table::read(lines, i, context.lang, self.diagnostics)?;
        self.flats().push(Flat::Table(found.table));
        self.target = Target::None;
        Some(found.lines)
    }

    fn line(&mut self, lines: &[Line], i: usize, after_blank: bool) {
        let line = &lines[i];
        if self.target == Target::AnnexTitle && classify(line.text).is_none() {
            if let Some(annex) = self.annexes.last_mut() {
                annex.title = Some(Acc::new(line, 0));
            }
            self.target = Target::None;
            return;
        }
        let Some((labels, at)) = classify(line.text) else {
            return self.plain(line, after_blank);
        };
        let first = labels[0];
        match first {
            Label::Note(n) => {
                self.notes.push((n, Acc::new(line, at)));
                self.target = Target::Note;
            }
            Label::Annex(n) => {
                self.annexes.push(RawAnnex {
                    n,
                    span: line.span(),
                    title: None,
                    flats: Vec::new(),
                });
                self.next_para = 1;
                self.chapter = 0;
                self.next_section = 1;
                self.subheading = (0, 0);
                self.target = Target::AnnexTitle;
            }
            Label::Chapter(_) | Label::Section(_) => self.heading(line, &labels, at),
            Label::Decimal(n) => self.decimal(lines, i, n, at, after_blank),
            Label::TooLarge => self.too_large(line, at),
            Label::Alpha(_) | Label::Roman(_) => {
                if !self.lettered_subheading(lines, i, &labels, at) {
                    self.lettered(line, &labels, at);
                }
            }
        }
    }

    fn heading(&mut self, line: &Line, labels: &[Label], at: usize) {
        let chapter = labels.iter().find_map(|l| match l {
            Label::Chapter(n) => Some(*n),
            _ => None,
        });
        let section = labels.iter().find_map(|l| match l {
            Label::Section(n) => Some(*n),
            _ => None,
        });
        let in_chapter = self.chapter > 0;
        let is_chapter = match (chapter, section) {
            (Some(c), _) if c == self.chapter.saturating_add(1) => true,
            // `C.` after sections A and B is section C, not chapter 100,
            // in a chapter or in an annex without chapters.
            (_, Some(s)) if (in_chapter || s > 1) && s == self.next_section => false,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            _ => !in_chapter,
        };
        let acc = Acc::new(line, at);
        self.subheading = (0, 0);
        if is_chapter {
            let n = chapter.unwrap_or(0);
            self.chapter = n;
            self.next_section = 1;
            self.flats().push(Flat::Chapter(n, acc));
        } else {
            let n = section.unwrap_or(0);
            self.next_section = n.saturating_add(1);
            self.flats().push(Flat::Section(n, acc));
        }
        self.target = Target::None;
    }

    /// Open list levels of the current paragraph: (kind, next expected number).
    fn levels(&mut self) -> Vec<(ListKind, u32)> {
        let mut out = Vec::new();
        let in_para = matches!(self.target, Target::Para | Target::Item(_));
        let Some(para) = self.para().filter(|_| in_para) else {
            return out;
        };
        let mut list = para.list.as_ref();
        while let Some(l) = list {
            let last = l.items.last();
            out.push((l.kind, last.map_or(1, |i| i.n.saturating_add(1))));
            list = last.and_then(|i| i.list.as_ref());
        }
        out
    }

    fn target_acc(&mut self) -> Option<&mut Acc> {
        match self.target {
            Target::None | Target::AnnexTitle => None,
            Target::Para => self.para().map(|p| &mut p.acc),
            Target::Item(depth) => {
                let para = self.para()?;
                let mut list = para.list.as_mut()?;
                for _ in 0..depth {
                    list = list.items.last_mut()?.list.as_mut()?;
                }
                Some(&mut list.items.last_mut()?.acc)
            }
            Target::Text => match self.flats().last_mut() {
                Some(Flat::Text(acc)) => Some(acc),
                _ => None,
            },
            Target::Note => self.notes.last_mut().map(|(_, acc)| acc),
        }
    }

    /// Depth a new list under the current target would have. Lists deeper
    /// than [`MAX_LIST_DEPTH`] are flattened into the deepest level.
    fn sublist_depth(&self) -> Option<usize> {
        match self.target {
            Target::Para => Some(0),
            Target::Item(d) => Some((d + 1).min(MAX_LIST_DEPTH - 1)),
            _ => None,
        }
    }

    fn add_item(&mut self, depth: usize, kind: ListKind, n: u32, acc: Acc) {
        let Some(para) = self.para() else { return };
        let mut slot = &mut para.list;
        for _ in 0..depth {
            let Some(list) = slot else { return };
            let Some(last) = list.items.last_mut() else {
                return;
            };
            slot = &mut last.list;
        }
        let item = RawItem { n, acc, list: None };
        match slot {
            Some(list) => list.items.push(item),
            None => {
                *slot = Some(RawList {
                    kind,
                    items: vec![item],
                })
            }
        }
        self.target = Target::Item(depth);
    }

    fn decimal(&mut self, lines: &[Line], i: usize, n: u32, at: usize, after_blank: bool) {
        let line = &lines[i];
        let levels = self.levels();
        let colon = self.target_acc().is_some_and(|a| a.ends_with_colon());
        let para_ok = n == self.next_para;
        let level = levels
            .iter()
            .rposition(|&(kind, next)| kind == ListKind::Decimal && next == n);
        let as_item = if colon && n == 1 && !para_ok {
            self.sublist_depth()
        } else if let Some(depth) = level {
            let item = !para_ok || is_list_item_by_context(lines, i, n, after_blank);
            item.then_some(depth)
        } else if !para_ok && !levels.is_empty() && !after_blank {
            levels
                .iter()
                .rposition(|&(kind, _)| kind == ListKind::Decimal)
        } else {
            None
        };
        let acc = Acc::new(line, at);
        let subheading = as_item.is_none()
            && n == self.subheading.0.saturating_add(1)
            && looks_like_heading(lines, i)
            && (n != self.next_para || next_decimal(lines, i) == Some(n));
        if subheading {
            self.subheading = (n, 0);
            self.flats().push(Flat::Subheading(3, n, acc));
            self.target = Target::None;
            return;
        }
        match as_item {
            Some(depth) => self.add_item(depth, ListKind::Decimal, n, acc),
            None => {
                self.next_para = n.saturating_add(1);
                self.flats()
                    .push(Flat::Para(RawPara { n, acc, list: None }));
                self.target = Target::Para;
            }
        }
    }

    /// `(a) Heading`: a level-4 subheading when no list is open or asked
    /// for and the line reads as a heading.
    fn lettered_subheading(
        &mut self,
        lines: &[Line],
        i: usize,
        labels: &[Label],
        at: usize,
    ) -> bool {
        let in_list =
            !self.levels().is_empty() || self.target_acc().is_some_and(|a| a.ends_with_colon());
        let next = self.subheading.1.saturating_add(1);
        let fits = labels.contains(&Label::Alpha(next));
        if in_list || !fits || !looks_like_heading(lines, i) {
            return false;
        }
        self.subheading.1 = next;
        let acc = Acc::new(&lines[i], at);
        self.flats().push(Flat::Subheading(4, next, acc));
        self.target = Target::None;
        true
    }

    /// A paragraph whose number is past `u32::MAX`: reported here (the model
    /// cannot hold the number), and kept as the numbered paragraph expected
    /// at this place, so that nothing is demoted to unnumbered text.
    fn too_large(&mut self, line: &Line, at: usize) {
        let digits = line.text[..at].trim_end_matches(['.', '-', '–', '—', ' ', '\u{a0}']);
        let number = match digits.chars().count() {
            0..=24 => digits.to_string(),
            len => format!("of {len} digits"),
        };
        let n = self.next_para;
        self.diagnostics.push(Diagnostic::new(
            Code::ParaNumbering,
            line.span(),
            format!(
                "paragraph number {number} is too large (the largest is {}): paragraph {n} was expected",
                u32::MAX
            ),
        ));
        self.next_para = n.saturating_add(1);
        self.flats().push(Flat::Para(RawPara {
            n,
            acc: Acc::new(line, at),
            list: None,
        }));
        self.target = Target::Para;
    }

    fn lettered(&mut self, line: &Line, labels: &[Label], at: usize) {
        let readings = Label::lettered_readings(labels);
        let levels = self.levels();
        // The reading that continues an open list, deepest first.
        let continuing = levels
            .iter()
            .enumerate()
            .rev()
            .find_map(|(depth, &(kind, next))| {
                readings
                    .iter()
                    .find(|&&(k, n)| k == kind && n == next)
                    .map(|&(k, n)| (depth, k, n))
            });
        let starting = readings.iter().find(|&&(_, n)| n == 1).copied();
        let choice = continuing
            .or_else(|| {
                let (k, n) = starting?;
                Some((self.sublist_depth()?, k, n))
            })
            .or_else(|| {
                let (depth, (k, _)) = levels
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, (k, _))| readings.iter().any(|(rk, _)| rk == k))?;
                let n = readings.iter().find(|(rk, _)| rk == k)?.1;
                Some((depth, *k, n))
            })
            .or_else(|| {
                let (k, n) = readings[0];
                Some((self.sublist_depth()?, k, n))
            });
        let acc = Acc::new(line, at);
        match choice {
            Some((depth, kind, n)) => self.add_item(depth, kind, n, acc),
            None => {
                self.diagnostics.push(Diagnostic::new(
                    Code::Structure,
                    line.span(),
                    "a list item with no numbered paragraph to hold it: kept as plain text",
                ));
                self.flats().push(Flat::Text(Acc::new(line, 0)));
                self.target = Target::Text;
            }
        }
    }

    fn plain(&mut self, line: &Line, after_blank: bool) {
        // The summary's heading stands alone.
        if line.text == self.lang.summary_word() {
            self.flats().push(Flat::Text(Acc::new(line, 0)));
            self.target = Target::None;
            return;
        }
        // Only unnumbered text may be a heading standing alone, and only
        // over text that opens as a sentence does.
        let heading_over = matches!(self.target, Target::Text)
            && line.text.starts_with(|c: char| !c.is_lowercase());
        let continues = match self.target_acc() {
            Some(acc) => {
                !after_blank || !(acc.ends_sentence() || heading_over && acc.stands_alone())
            }
            None => false,
        };
        if continues {
            if let Some(acc) = self.target_acc() {
                acc.push_line(line);
            }
            return;
        }
        self.flats().push(Flat::Text(Acc::new(line, 0)));
        self.target = Target::Text;
    }

    fn finish(self) -> Built {
        let (preamble, body) = nest(self.body);
        let annexes = self
            .annexes
            .into_iter()
            .map(|a| {
                let (mut pre, mut blocks) = nest(a.flats);
                pre.append(&mut blocks);
                Annex {
                    n: a.n,
                    heading: a.title.map(|t| t.inlines()).unwrap_or_default(),
                    span: a.span,
                    blocks: pre,
                }
            })
            .collect();
        let footnotes = self
            .notes
            .into_iter()
            .map(|(n, acc)| Footnote {
                n,
                content: acc.inlines(),
                span: acc.span,
            })
            .collect();
        Built {
            preamble,
            body,
            footnotes,
            annexes,
        }
    }
}

/// Deepest list nesting kept: UN documents use four levels; deeper
/// "lists" are extraction noise, and the bound keeps recursion shallow.
const MAX_LIST_DEPTH: usize = 6;

/// How many lines the list-or-paragraph look-ahead reads at most.
const LOOKAHEAD_LINES: usize = 400;

/// Whether `lines[i]` reads as a heading: short, not ending like a sentence
/// or an introduction, and followed by a blank line.
fn looks_like_heading(lines: &[Line], i: usize) -> bool {
    let text = lines[i].text;
    text.chars().count() <= 120
        && !ends_with_mark(text, &[&FULL_STOPS, &CLAUSE_MARKS, &COMMAS])
        && lines.get(i + 1).is_none_or(|l| l.text.is_empty())
}

/// The number of the next line with a decimal label after `lines[i]`.
fn next_decimal(lines: &[Line], i: usize) -> Option<u32> {
    lines[i + 1..]
        .iter()
        .take(LOOKAHEAD_LINES)
        .find_map(|l| match classify(l.text)?.0.first()? {
            Label::Decimal(m) => Some(*m),
            _ => None,
        })
}

/// Settles `n.` when it could be list item `n` or paragraph `n`: if the next
/// decimal label is `n` again, this one is the item; if it is `n + 1` after a
/// heading, this one is the paragraph; otherwise items follow without a blank line.
fn is_list_item_by_context(lines: &[Line], i: usize, n: u32, after_blank: bool) -> bool {
    let mut heading_between = false;
    for line in lines[i + 1..].iter().take(LOOKAHEAD_LINES) {
        let Some((labels, _)) = classify(line.text) else {
            continue;
        };
        if labels[0].is_heading() {
            heading_between = true;
        }
        if let Label::Decimal(m) = labels[0] {
            if m == n {
                return true;
            }
            if m == n.saturating_add(1) && heading_between {
                return false;
            }
            break;
        }
    }
    !after_blank
}

/// Nests flat blocks: sections into chapters, paragraphs into the innermost
/// open division. Unnumbered text before the first numbered part is the preamble.
fn nest(flats: Vec<Flat>) -> (Vec<Block>, Vec<Block>) {
    let mut preamble = Vec::new();
    let mut body: Vec<Block> = Vec::new();
    for flat in flats {
        let block = match flat {
            Flat::Chapter(n, acc) => {
                body.push(Block::Chapter(division(n, acc)));
                continue;
            }
            Flat::Section(n, acc) => Block::Section(division(n, acc)),
            Flat::Subheading(level, n, acc) => Block::Subheading(Subheading {
                level,
                n: Some(n),
                heading: acc.inlines(),
                span: acc.span,
            }),
            Flat::Para(p) => Block::Para(para(p)),
            Flat::Table(t) if body.is_empty() => {
                preamble.push(Block::Table(t));
                continue;
            }
            Flat::Table(t) => Block::Table(t),
            Flat::Figure(f) if body.is_empty() => {
                preamble.push(Block::Figure(f));
                continue;
            }
            Flat::Figure(f) => Block::Figure(f),
            Flat::Text(acc) if body.is_empty() => {
                preamble.push(Block::Text(Spanned::new(acc.inlines(), acc.span)));
                continue;
            }
            Flat::Text(acc) => Block::Text(Spanned::new(acc.inlines(), acc.span)),
        };
        crate::read::nest_into(&mut body, block);
    }
    (preamble, body)
}

fn division(n: u32, acc: Acc) -> Division {
    Division {
        n,
        heading: acc.inlines(),
        span: acc.span,
        blocks: Vec::new(),
    }
}

fn para(p: RawPara) -> Para {
    Para {
        n: p.n,
        text_at: p.acc.text_at(),
        content: p.acc.inlines(),
        list: p.list.map(list),
        span: p.acc.span,
    }
}

fn list(l: RawList) -> List {
    List {
        kind: l.kind,
        items: l
            .items
            .into_iter()
            .map(|i| Item {
                n: i.n,
                text_at: i.acc.text_at(),
                content: i.acc.inlines(),
                list: i.list.map(list),
                span: i.acc.span,
            })
            .collect(),
    }
}
