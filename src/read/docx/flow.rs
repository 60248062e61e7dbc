//! The body's flow: each Word paragraph or table becomes a flat block
//! (chapter, section, subheading, numbered paragraph, list item, text,
//! table, figure, annex) by its style first — HCh a chapter, H1 a section,
//! H23 and H4 subheadings, SingleTxt text — and by the label typed or
//! generated before its text (`IV.`, `B.`, `12.`, `(a)`, `أولا -`).
//! Paragraphs without a DGACM style are judged by their label and by
//! being bold throughout, as headings typed by hand are.

use std::collections::HashMap;

use super::content::{Run, RunKind, WPara, WTable};
use super::inlines::{SupLetter, plain, unbold};
use super::places::Ctx;
use super::styles::Role;
use super::tables;
use crate::lang::{self, CLAUSE_MARKS, COMMAS, FULL_STOPS, Lang, ends_with_mark};
use crate::model::{
    Cell, Figure, Image, ImageKind, Inline, Item, List, ListKind, Para, Row, Span, Spanned, Table,
    for_each_table_note_mark, plain_text,
};
use crate::read::text::{Label, caption_number};

/// A block in reading order, before nesting.
#[derive(Debug)]
pub enum Flat {
    Chapter(u32, Vec<Inline>, Span),
    Section(u32, Vec<Inline>, Span),
    Sub(u8, Option<u32>, Vec<Inline>, Span),
    Para(Para),
    /// Unnumbered text, and whether it reads as a heading (bold throughout, short).
    Text(Spanned<Vec<Inline>>, bool),
    Table(Table),
    Figure(Figure),
    Annex(Option<u32>, Span),
}

/// Loads a picture by relationship id.
pub type Pictures<'p> = dyn FnMut(&str) -> Option<Result<Image, String>> + 'p;

/// The flow being built.
pub struct Flow {
    pub flats: Vec<Flat>,
    lang: Lang,
    chapter: u32,
    next_section: u32,
    /// The annex just opened waits for its title.
    annex_title_due: bool,
    /// The annex titles, by index of their `Flat::Annex`.
    pub annex_titles: Vec<(usize, Vec<Inline>)>,
    /// The leading white space (bytes) of the first item of the open
    /// paragraph's decimal list: its items are set in alike.
    decimal_lead: usize,
}

/// A paragraph's label, as typed or generated: its readings and the byte
/// where its text starts.
pub struct Labelled {
    pub labels: Vec<Label>,
    pub skip: usize,
    pub bullet: bool,
}

impl Flow {
    /// An empty flow of a document in `lang`.
    pub fn new(lang: Lang) -> Self {
        Flow {
            flats: Vec::new(),
            lang,
            chapter: 0,
            next_section: 1,
            annex_title_due: false,
            annex_titles: Vec::new(),
            decimal_lead: 0,
        }
    }

    /// Adds a paragraph read with `role` and `label`.
    pub fn para(
        &mut self,
        p: &WPara,
        role: Role,
        label: &Labelled,
        ctx: &mut Ctx,
        pictures: &mut Pictures,
    ) {
        let span = ctx.place(p);
        if p.runs
            .iter()
            .any(|r| matches!(r.kind, RunKind::Image { .. }))
        {
            self.figures(p, span, ctx, pictures);
        }
        let text = plain(&p.runs);
        if text.trim().is_empty() {
            return;
        }
        let heading_like = is_heading_like(p, &text) || p.outline.is_some();
        let first = label.labels.first().copied();
        if let Some(Label::Annex(n)) = first.filter(|_| heading_like || is_heading(role)) {
            self.flats.push(Flat::Annex(n, span));
            self.chapter = 0;
            self.next_section = 1;
            self.annex_title_due = true;
            return;
        }
        if self.annex_title_due && (is_heading(role) || heading_like) && first.is_none() {
            let at = self.flats.len().saturating_sub(1);
            // Kept apart from the flats, so never settled: letters stay letters.
            let inl = unbold(ctx.inlines(p, label.skip, SupLetter::Letter, span));
            self.annex_titles.push((at, inl));
            self.annex_title_due = false;
            return;
        }
        self.annex_title_due = false;
        match role {
            Role::Chapter | Role::Section => self.heading(p, role, label, span, ctx),
            Role::Sub3 | Role::Sub4 => self.subheading(p, role, label, span, ctx),
            _ if heading_like && first.is_some_and(Label::is_heading) => {
                self.heading(p, Role::Body, label, span, ctx)
            }
            Role::Note => self.note(p, label, span, ctx),
            _ if self.marks_note(p, &ctx.maybe_marks) => self.note(p, label, span, ctx),
            _ => self.body(p, label, span, heading_like, ctx),
        }
    }

    fn heading(&mut self, p: &WPara, role: Role, label: &Labelled, span: Span, ctx: &mut Ctx) {
        let chapter = label.labels.iter().find_map(|l| match l {
            Label::Chapter(n) => Some(*n),
            _ => None,
        });
        let section = label.labels.iter().find_map(|l| match l {
            Label::Section(n) => Some(*n),
            _ => None,
        });
        let inl = unbold(ctx.inlines(p, label.skip, SupLetter::MaybeMark, span));
        let is_chapter = match (role, chapter, section) {
            (Role::Chapter, Some(_), _) => true,
            (Role::Section, _, Some(_)) => false,
            (_, Some(c), _) if c == self.chapter + 1 => true,
            (_, _, Some(s)) if s == self.next_section => false,
            (_, Some(_), None) => true,
            (_, None, Some(_)) => false,
            _ => {
                self.flats.push(Flat::Sub(3, None, inl, span));
                return;
            }
        };
        if is_chapter {
            let n = chapter.unwrap_or(0);
            self.chapter = n;
            self.next_section = 1;
            self.flats.push(Flat::Chapter(n, inl, span));
        } else {
            let n = section.unwrap_or(0);
            self.next_section = n + 1;
            self.flats.push(Flat::Section(n, inl, span));
        }
    }

    fn subheading(&mut self, p: &WPara, role: Role, label: &Labelled, span: Span, ctx: &mut Ctx) {
        let level = if role == Role::Sub3 { 3 } else { 4 };
        let n = label.labels.iter().find_map(|l| match (level, l) {
            (3, Label::Decimal(n)) | (4, Label::Alpha(n)) => Some(*n),
            _ => None,
        });
        let skip = if n.is_some() { label.skip } else { lead(p) };
        let inl = unbold(ctx.inlines(p, skip, SupLetter::MaybeMark, span));
        self.flats.push(Flat::Sub(level, n, inl, span));
    }

    /// Footnote-styled text in the body: a lettered note or source line
    /// under the table or figure before it, else text.
    fn note(&mut self, p: &WPara, label: &Labelled, span: Span, ctx: &mut Ctx) {
        let letter = tables::note_letter(p);
        let text = plain(&p.runs);
        let source = is_source_line(text.trim(), self.lang);
        // A note belongs to the table when the table marks it, when the
        // table's notes have begun, or when it is note a of a table that
        // marks others (its own mark then stands outside, in a heading).
        let marked = |n: u32, i: usize| match &self.flats[i] {
            Flat::Table(t) => {
                t.marks(n)
                    || !t.notes.is_empty()
                    || (n == 1 && (2..=26).any(|m| t.marks(m)))
                    || leads_into(&self.flats[..i], n, &ctx.maybe_marks)
            }
            _ => false,
        };
        let last = self.flats.len();
        let letter = letter.filter(|&(n, _)| (last.saturating_sub(3)..last).any(|i| marked(n, i)));
        let float = self.flats.iter_mut().rev().take(3).find_map(|f| match f {
            Flat::Table(t) => Some((&mut t.notes, &mut t.source)),
            Flat::Figure(f) => Some((&mut f.notes, &mut f.source)),
            _ => None,
        });
        let float = if letter.is_some() || source {
            float
        } else {
            None
        };
        match (float, letter) {
            (Some((notes, _)), Some(_)) => notes.push(tables::note(p, ctx)),
            (Some((_, source_slot)), None) if source && source_slot.is_none() => {
                let line = ctx.inlines(p, lead(p), SupLetter::Letter, span);
                *source_slot = Some(plain_source_word(line));
            }
            _ => self.body(p, label, span, false, ctx),
        }
    }

    fn body(&mut self, p: &WPara, label: &Labelled, span: Span, heading_like: bool, ctx: &mut Ctx) {
        let first = label.labels.first().copied();
        let item_kind = label.labels.iter().find_map(|l| match l {
            Label::Alpha(n) => Some((ListKind::Alpha, *n)),
            Label::Roman(n) => Some((ListKind::Roman, *n)),
            _ => None,
        });
        let at = lead(p);
        match (first, item_kind, label.bullet) {
            (Some(Label::Decimal(n)), _, _)
                if heading_like && !self.decimal_item(n, at) && !self.next_para_is(n) =>
            {
                let inl = unbold(ctx.inlines(p, label.skip, SupLetter::MaybeMark, span));
                self.flats.push(Flat::Sub(3, Some(n), inl, span));
            }
            (Some(Label::Decimal(n)), _, _) if !self.decimal_item(n, at) => {
                let content = ctx.inlines(p, label.skip, SupLetter::MaybeMark, span);
                self.flats.push(Flat::Para(Para {
                    n,
                    content,
                    list: None,
                    span,
                    text_at: span,
                }));
            }
            (Some(Label::Decimal(n)), _, _) => {
                if self.open_list().is_none() {
                    self.decimal_lead = at;
                }
                self.item(ListKind::Decimal, n, p, label, span, ctx)
            }
            (_, _, true) => self.item(ListKind::Bullet, 0, p, label, span, ctx),
            (_, Some((kind, n)), _) => {
                let kind = self.item_reading(&label.labels).unwrap_or((kind, n));
                self.item(kind.0, kind.1, p, label, span, ctx)
            }
            _ => {
                let content = ctx.inlines(p, lead(p), SupLetter::MaybeMark, span);
                self.flats
                    .push(Flat::Text(Spanned::new(content, span), heading_like));
            }
        }
    }

    /// Whether `p` is a lettered note (`a⇥text`) whose mark stands in the
    /// table just above: a note typed without the footnote style.
    fn marks_note(&self, p: &WPara, maybe: &HashMap<Span, bool>) -> bool {
        let Some((n, _)) = tables::note_letter(p) else {
            return false;
        };
        let last = self.flats.len();
        (last.saturating_sub(3)..last).any(|i| match &self.flats[i] {
            Flat::Table(t) => t.marks(n) || leads_into(&self.flats[..i], n, maybe),
            _ => false,
        })
    }

    /// Whether `n` is the number the next paragraph takes.
    fn next_para_is(&self, n: u32) -> bool {
        let last = self.flats.iter().rev().find_map(|f| match f {
            Flat::Para(p) => Some(p.n),
            _ => None,
        });
        last.map_or(n == 1, |last| last + 1 == n)
    }

    /// Whether decimal label `n`, after `lead` bytes of white space, is an
    /// item of the open paragraph: the first of a list after a colon, or the
    /// next number of its decimal list, set in as its first item was (the
    /// next paragraph's number typed flush after a list whose items are set
    /// in by a tab is no item, even when it follows the last).
    fn decimal_item(&self, n: u32, lead: usize) -> bool {
        let Some(Flat::Para(para)) = self.flats.last() else {
            return false;
        };
        match &para.list {
            Some(list) => {
                list.kind == ListKind::Decimal
                    && list.items.last().is_some_and(|i| i.n + 1 == n)
                    && lead == self.decimal_lead
            }
            None => n == 1 && plain_ends_with_colon(&para.content),
        }
    }

    /// The list of the open paragraph, if it has one.
    fn open_list(&self) -> Option<&List> {
        match self.flats.last() {
            Some(Flat::Para(para)) => para.list.as_ref(),
            _ => None,
        }
    }

    /// The reading of an ambiguous `(i)` that continues an open list.
    fn item_reading(&self, labels: &[Label]) -> Option<(ListKind, u32)> {
        let Some(Flat::Para(para)) = self.flats.last() else {
            return None;
        };
        let mut list = para.list.as_ref();
        let mut open = Vec::new();
        while let Some(l) = list {
            let last = l.items.last();
            open.push((l.kind, last.map_or(1, |i| i.n + 1)));
            list = last.and_then(|i| i.list.as_ref());
        }
        labels.iter().find_map(|l| {
            let (kind, n) = match l {
                Label::Alpha(n) => (ListKind::Alpha, *n),
                Label::Roman(n) => (ListKind::Roman, *n),
                _ => return None,
            };
            open.contains(&(kind, n)).then_some((kind, n))
        })
    }

    fn item(
        &mut self,
        kind: ListKind,
        n: u32,
        p: &WPara,
        label: &Labelled,
        span: Span,
        ctx: &mut Ctx,
    ) {
        let content = ctx.inlines(p, label.skip, SupLetter::Letter, span);
        let Some(Flat::Para(para)) = self.flats.last_mut() else {
            ctx.warn(
                span,
                "a list item with no numbered paragraph before it to hold it: kept as text",
            );
            let content = ctx.inlines(p, lead(p), SupLetter::Letter, span);
            self.flats
                .push(Flat::Text(Spanned::new(content, span), false));
            return;
        };
        add_item(
            &mut para.list,
            kind,
            Item {
                n,
                content,
                list: None,
                span,
                text_at: span,
            },
            0,
        );
    }

    /// Adds a table, taking the title and units lines just above it; or,
    /// when it repeats the header of the table right before it, adds its
    /// rows to that table.
    pub fn table(&mut self, t: &WTable, ctx: &mut Ctx) {
        let mut table = tables::table(t, ctx);
        if let Some(Flat::Table(before)) = self.flats.last_mut()
            && continues(before, &table)
        {
            before.body.append(&mut table.body);
            before.notes = table.notes;
            before.source = table.source;
            return;
        }
        if let Some(Flat::Text(units, _)) = self.flats.last()
            && is_units_line(&plain_text(&units.value))
        {
            if let Some(Flat::Text(units, _)) = self.flats.pop() {
                table.units = Some(units.value);
            }
            self.take_title(&mut table);
        } else if matches!(self.flats.last(), Some(Flat::Text(_, true))) || self.caption_above() {
            self.take_title(&mut table);
        }
        self.flats.push(Flat::Table(table));
    }

    fn take_title(&mut self, table: &mut Table) {
        let title = match self.flats.last() {
            Some(Flat::Text(t, true)) => Some(t.value.clone()),
            Some(Flat::Sub(_, None, inl, _)) => Some(inl.clone()),
            _ => None,
        };
        if let Some(title) = title {
            self.flats.pop();
            let text = plain_text(&title);
            table.n = caption_number(&text);
            table.title = unbold(title);
            if table.n.is_none() {
                // `Table 1⏎Title` in one paragraph, as undoc writes it.
                let title = std::mem::take(&mut table.title);
                (table.n, table.title) = split_label(title, Lang::table_word);
            }
        }
    }

    /// Whether a subheading just above starts with a table's label
    /// (`表1⏎标题` reads as one).
    fn caption_above(&self) -> bool {
        match self.flats.last() {
            Some(Flat::Sub(_, None, inl, _)) => {
                split_label(inl.clone(), Lang::table_word).0.is_some()
            }
            _ => false,
        }
    }

    /// The caption just above a figure (`Figure II⏎Title` in one heading-like
    /// paragraph), taken as its number and title.
    fn take_figure_caption(&mut self) -> (Option<u32>, Vec<Inline>) {
        let caption = match self.flats.last() {
            Some(Flat::Text(t, true)) => t.value.clone(),
            Some(Flat::Sub(_, None, inl, _)) => inl.clone(),
            _ => return (None, Vec::new()),
        };
        let (n, title) = split_label(unbold(caption), Lang::figure_word);
        if n.is_some() {
            self.flats.pop();
            (n, title)
        } else {
            (None, Vec::new())
        }
    }

    fn figures(&mut self, p: &WPara, span: Span, ctx: &mut Ctx, pictures: &mut Pictures) {
        for run in &p.runs {
            let RunKind::Image { rel, alt } = &run.kind else {
                continue;
            };
            let image = match pictures(rel) {
                Some(Ok(image)) => image,
                Some(Err(why)) => {
                    ctx.warn(
                        span,
                        format!("a picture cannot be used and is left out: {why}"),
                    );
                    continue;
                }
                None => {
                    ctx.warn(
                        span,
                        format!("a picture whose part (relationship {rel}) is missing is left out"),
                    );
                    continue;
                }
            };
            if matches!(image.kind, ImageKind::Emf | ImageKind::Wmf) {
                ctx.warn(span, format!(
                    "a {} picture (a Word chart) is kept as it is for the XML and DOCX outputs; the PDF cannot draw it",
                    image.kind.suffix().to_uppercase()
                ));
            }
            let alt = if alt.trim().is_empty() {
                ctx.warn(
                    span,
                    format!(
                        "a picture has no description (Word's alternative text): it gets the generic one \"{}\"; describe it in Word for readers who cannot see it",
                        self.lang.figure_word()
                    ),
                );
                self.lang.figure_word().to_string()
            } else {
                alt.clone()
            };
            let (n, title) = self.take_figure_caption();
            self.flats.push(Flat::Figure(Figure {
                n,
                title,
                image,
                alt,
                notes: Vec::new(),
                source: None,
                span,
            }));
        }
    }
}

/// The number of the label (`Table 1`, `Figure II`, `图二`, `الشكل
/// الثاني`, in any language, `word_of` giving each language's word) that
/// starts `title`, followed by white space (a line break reads as a space),
/// and the title without it; `(None, title)` when it starts with none.
fn split_label(
    title: Vec<Inline>,
    word_of: fn(Lang) -> &'static str,
) -> (Option<u32>, Vec<Inline>) {
    let Some(Inline::Text(first)) = title.first() else {
        return (None, title);
    };
    let Some((n, rest)) = lang::split_label(first, word_of).map(|(n, r)| (n, r.to_string())) else {
        return (None, title);
    };
    let mut title = title;
    if rest.is_empty() {
        title.remove(0);
    } else {
        title[0] = Inline::Text(rest);
    }
    if let Some(Inline::Text(next)) = title.first_mut() {
        *next = next.trim_start().to_string();
    }
    (Some(n), title)
}

/// A source line without the italics its word is set in (`*Source*: …`):
/// the word is the line's label, not emphasis of the text.
fn plain_source_word(mut line: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Emph(word)) = line.first()
        && lang::ALL.iter().any(|l| word.trim() == l.source_word())
    {
        line[0] = Inline::Text(word.clone());
        return crate::read::inline::merge_text(line);
    }
    line
}

/// Adds an item to the list of its kind down the chain of last items, or
/// opens a list of its kind under the deepest last item.
fn add_item(slot: &mut Option<List>, kind: ListKind, mut item: Item, depth: usize) {
    let Some(list) = slot else {
        if kind == ListKind::Bullet {
            item.n = 1;
        }
        *slot = Some(List {
            kind,
            items: vec![item],
        });
        return;
    };
    if list.kind == kind || depth >= 5 {
        if list.kind == ListKind::Bullet {
            item.n = list.items.len() as u32 + 1;
        }
        list.items.push(item);
        return;
    }
    match list.items.last_mut() {
        Some(last) => add_item(&mut last.list, kind, item, depth + 1),
        None => list.items.push(item),
    }
}

fn is_heading(role: Role) -> bool {
    matches!(
        role,
        Role::Chapter | Role::Section | Role::Sub3 | Role::Sub4
    )
}

/// Bold throughout and short, not ending like a sentence: a heading or a
/// table title typed by hand.
fn is_heading_like(p: &WPara, text: &str) -> bool {
    let t = text.trim();
    let texts = || {
        p.runs
            .iter()
            .filter(|r| matches!(&r.kind, RunKind::Text(x) if !x.trim().is_empty()))
    };
    t.chars().count() <= 200
        && !ends_with_mark(t, &[&FULL_STOPS, &CLAUSE_MARKS, &COMMAS])
        && texts().next().is_some()
        && texts().all(|r: &Run| r.bold || r.sup)
}

/// Bytes of leading white space (tabs that lay out an unnumbered paragraph).
pub fn lead(p: &WPara) -> usize {
    let text = plain(&p.runs);
    text.len() - text.trim_start().len()
}

fn plain_ends_with_colon(inlines: &[Inline]) -> bool {
    plain_text(inlines).trim_end().ends_with([':', '：'])
}

fn is_units_line(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(['(', '（']) && t.ends_with([')', '）']) && t.chars().count() <= 160
}

fn is_source_line(text: &str, lang: Lang) -> bool {
    [lang.source_word(), "Source", "Sources"]
        .iter()
        .any(|w| text.starts_with(w) && text[w.len()..].trim_start().starts_with([':', '：']))
}

/// Whether `text` is the contents heading in any language.
pub fn is_contents_heading(text: &str) -> bool {
    let t = text.trim();
    lang::ALL.iter().any(|l| t == l.contents_word())
}

/// Whether a maybe mark `n` stands in the lines that lead into the table
/// after `before` (back to the heading, division or table before them).
fn leads_into(before: &[Flat], n: u32, maybe: &HashMap<Span, bool>) -> bool {
    let mut found = false;
    let mut look = |inlines: &[Inline]| {
        for_each_table_note_mark(inlines, &mut |m, span| {
            found |= m == n && maybe.contains_key(&span);
        })
    };
    for flat in before.iter().rev() {
        match flat {
            Flat::Para(p) => look(&p.content),
            Flat::Text(t, _) => look(&t.value),
            Flat::Figure(_) => {}
            Flat::Sub(_, _, inlines, _) => {
                look(inlines);
                break;
            }
            Flat::Chapter(..) | Flat::Section(..) | Flat::Table(_) | Flat::Annex(..) => break,
        }
    }
    found
}

/// Whether `next`, right after `before` with nothing between, is its
/// continuation: a table split by hand at a page break, the second part
/// repeating the first's header rows. Printed, that is one table whose
/// header repeats on the next page, as a header row set to repeat prints;
/// read as two, the first part would have no notes (they stand under the
/// second) and its marks none to match.
fn continues(before: &Table, next: &Table) -> bool {
    let texts = |rows: &[Row]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.cells.iter().map(Cell::plain_text).collect())
            .collect()
    };
    !before.head.is_empty()
        && before.notes.is_empty()
        && before.source.is_none()
        && next.title.is_empty()
        && next.units.is_none()
        && before.columns.len() == next.columns.len()
        && texts(&before.head) == texts(&next.head)
}
