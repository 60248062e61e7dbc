//! From the document model to laid-out blocks: each heading, paragraph,
//! list item and footnote becomes a [`LaidBlock`] of shaped lines placed in the
//! DGACM geometry (hanging numbers, tab stops, indents), mirrored for
//! right-to-left languages; tables and figures are blocks of their own
//! ([`table`], [`figure`], with their captions and notes in [`caption`]).
//! The tag plan and outline are recorded on the way.

mod caption;
mod contents;
pub mod figure;
pub mod table;

use std::borrow::Cow;

use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{
    Annex, Block, Division, Document, Inline, List, ListKind, Span, Subheading, all_strong,
    plain_text,
};
use crate::symbol::undocs_url;

use super::hyphen::hyphenation_points;
use super::shape::{Align, HYPHEN_TEXT, Paragraph, ShapedLine, Shaper, SpanStyle};
use super::style::{Geometry, NOTE_MARK_RISE, NOTE_MARK_SCALE, lang_style};
use crate::write::grouped::{digit_groups_joined, grouped_numbers};
use crate::write::page::{
    self, AFTER_TITLE, BODY, CHAPTER, FOOTNOTE, HEADING_NUMBER_END, HEADING_RIGHT_INDENT_PDF,
    LABEL_TAB_STOPS_PDF, MINOR_SUBSECTION, SECTION, SESSION, SUBSECTION, SUBTITLE,
    TAB_PAST_STOPS_PDF, TAB_STOPS, TEXT_INDENT, TITLE, TextStyle,
};

/// The tab stops list labels hang on, one a nesting level.
const LABEL_STOPS: &[f32] = TAB_STOPS.split_at(LABEL_TAB_STOPS_PDF).0;

/// What a span of text is, beyond its look.
#[derive(Debug, Clone, PartialEq)]
pub enum SpanKind {
    /// Running text.
    Text,
    /// A link: a cited document symbol (to `https://undocs.org/<symbol>`)
    /// or a web address. Boxed: every span of a document is kept until its
    /// page is drawn, and most are no link (16 bytes a span instead of 48).
    Link(Box<LinkTarget>),
    /// A table or figure note's mark (a raised letter).
    Raised,
    /// A footnote mark (raised, smaller).
    NoteMark(u32),
}

/// Where a link leads and what it says, for its annotation's alternative text.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkTarget {
    /// The address.
    pub url: String,
    /// The linked text.
    pub label: String,
}

/// A styled span of a [`LaidText`].
#[derive(Debug, Clone, PartialEq)]
pub struct TextSpan {
    /// Its look and range.
    pub style: SpanStyle,
    /// Its role.
    pub kind: SpanKind,
    /// How far its baseline is raised, in points.
    pub rise: f32,
    /// Its language (a byte, not its tag: a document holds a span or two
    /// a word, each kept until its page is drawn).
    pub lang: Lang,
}

/// Laid-out text: the string, its spans and its lines.
#[derive(Debug, Clone, Default)]
pub struct LaidText {
    /// The text, soft hyphens included.
    pub text: String,
    /// The styled spans.
    pub spans: Vec<TextSpan>,
    /// The lines, in layout units.
    pub lines: Vec<ShapedLine>,
    /// Horizontal scale from layout units to points.
    pub scale: f32,
    /// Whether the base direction is right to left.
    pub rtl: bool,
}

impl LaidText {
    /// Width of line `i` in points.
    pub fn line_width(&self, i: usize) -> f32 {
        self.lines.get(i).map_or(0.0, |l| l.width * self.scale)
    }
}

/// A paragraph number, list label or heading number, drawn beside the first line.
#[derive(Debug, Clone)]
pub struct Label {
    /// The label, one line.
    pub text: LaidText,
    /// Its left edge on the page.
    pub x: f32,
}

/// A flowed block: lines of one paragraph-level element.
#[derive(Debug, Clone)]
pub struct LaidBlock {
    /// The text.
    pub body: LaidText,
    /// The number or label beside the first line.
    pub label: Option<Label>,
    /// Left edge of the first line's box on the page.
    pub first_x: f32,
    /// Left edge of the other lines' box.
    pub x: f32,
    /// Line pitch.
    pub pitch: f32,
    /// Type size (places the baseline in the line).
    pub size: f32,
    /// Space before (dropped at the top of a continuation page).
    pub before: f32,
    /// Space after.
    pub after: f32,
    /// Keep on the page of the next block's first lines (headings).
    pub keep_with_next: bool,
    /// Start a new page (annexes).
    pub page_break_before: bool,
    /// For each line (each band of a table), the footnotes (indexes into
    /// [`Flow::notes`]) it cites.
    pub notes: Vec<Vec<usize>>,
    /// A table's grid or a figure's picture, in place of lines of text.
    pub float: Option<Box<Float>>,
    /// Drawn after the last line's text: a contents entry's leaders and
    /// page number.
    pub trailing: Vec<Label>,
}

/// What a block holds in place of text.
#[derive(Debug, Clone)]
pub enum Float {
    /// A table's grid: its bands are the block's lines.
    Table(table::LaidTable),
    /// A figure's picture: one line as tall as the picture.
    Figure(figure::LaidFigure),
}

impl LaidBlock {
    /// Height of all its lines and the space after.
    pub fn height(&self) -> f32 {
        self.line_heights().iter().sum::<f32>() + self.after
    }

    /// The height of line `line`.
    pub fn line_height(&self, line: usize) -> f32 {
        match self.float.as_deref() {
            Some(Float::Table(t)) => t.bands.get(line).map_or(0.0, |b| b.height),
            Some(Float::Figure(f)) => f.height,
            None => self.pitch,
        }
    }

    /// Frees the glyphs of text line `line` (and of the label, drawn with
    /// the first line) once it is drawn: no text line is drawn twice, and
    /// lines are drawn in order, so the last one also frees the text and
    /// its spans (a block is then only its geometry, for the outline and
    /// the structure tree).
    pub fn release_line(&mut self, line: usize) {
        if let Some(l) = self.body.lines.get_mut(line) {
            l.release();
        }
        if line + 1 >= self.body.lines.len() {
            self.body.text = String::new();
            self.body.spans = Vec::new();
            self.trailing = Vec::new();
        }
        if line == 0
            && let Some(label) = &mut self.label
        {
            label.text.lines.iter_mut().for_each(ShapedLine::release);
        }
    }

    /// The height of each of its lines, as the paginator places them: text
    /// lines, a table's bands, or a figure's picture.
    pub fn line_heights(&self) -> Vec<f32> {
        match self.float.as_deref() {
            Some(Float::Table(t)) => t.bands.iter().map(|b| b.height).collect(),
            Some(Float::Figure(f)) => vec![f.height],
            None => vec![self.pitch; self.body.lines.len()],
        }
    }
}

/// How a block or group is tagged in the structure tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// A group of other nodes.
    Group(GroupKind, Vec<Plan>),
    /// A paragraph (`P`): label and text of a block.
    Para(usize),
    /// A heading (`Hn`) with its level and plain title.
    Heading(usize, u16, String),
    /// A list item: label (`Lbl`) and body (`LBody`) of a block, with nested lists.
    Item(usize, Vec<Plan>),
    /// A footnote (`Note`).
    Note(usize),
    /// A masthead line (`P`).
    Fixed(usize),
    /// A table (`Table`): its caption's blocks, and the block of its grid.
    Table(Vec<Plan>, usize),
    /// A figure (`Figure`, with its alternative text): the block of its picture.
    Figure(usize),
    /// A table of contents (`TOC`) of entries.
    Contents(Vec<Plan>),
    /// A contents entry (`TOCI`): label and text of a block.
    ContentsItem(usize),
}

/// The kinds of grouping nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// A chapter, section or annex.
    Section,
    /// The masthead.
    Div,
    /// A list of the given kind.
    List(ListKind),
}

/// A bookmark: title, the block it points at, and sub-bookmarks.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// The bookmark text.
    pub title: String,
    /// The block it opens at.
    pub block: usize,
    /// Nested bookmarks.
    pub children: Vec<Bookmark>,
}

/// A line of text at a fixed place on the first page (the masthead).
#[derive(Debug, Clone)]
pub struct FixedLine {
    /// The text.
    pub text: LaidText,
    /// Left edge of the line.
    pub x: f32,
    /// Baseline.
    pub baseline: f32,
}

/// Everything the paginator and the PDF emitter need.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    /// The blocks in reading order.
    pub blocks: Vec<LaidBlock>,
    /// The footnotes, in the model's order.
    pub notes: Vec<LaidBlock>,
    /// Masthead lines of the first page.
    pub fixed: Vec<FixedLine>,
    /// The structure tree to build.
    pub plan: Vec<Plan>,
    /// The outline.
    pub bookmarks: Vec<Bookmark>,
    /// Runs of blocks drawn inside a frame: the summary box, and its kind.
    pub boxed: Vec<(std::ops::Range<usize>, SummaryBox)>,
    /// What the layout could not show as the source has it.
    pub diagnostics: Vec<Diagnostic>,
    /// The table of contents' entries waiting for their page: (entry
    /// block, index of the entry in [`Document::contents_entries`]).
    pub contents: Vec<(usize, usize)>,
    /// The heading block of each entry of [`Document::contents_entries`],
    /// in order.
    pub contents_targets: Vec<usize>,
}

/// Lays out the body of `doc` (everything but the masthead and page furniture).
pub struct FlowBuilder<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The page geometry.
    pub geom: Geometry,
    /// The flow being built.
    pub flow: Flow,
    shaper: &'a mut Shaper,
    planned_notes: Vec<usize>,
    /// The summary box the blocks being laid out stand in, if any.
    in_summary: Option<SummaryBox>,
    /// Laying out the body or the annexes, whose headings the contents list.
    in_body: bool,
}

/// The two shapes of the DGACM summary box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryBox {
    /// A summary that is only a table of figures (A/80/604/Add.1): the
    /// table is the box, inset by the text indent, in running-text type,
    /// without rules.
    Figures,
    /// A summary of text under its italic heading (A/80/600): a frame from
    /// margin to margin, the text at the body's indents, each paragraph's
    /// first line at the first tab, tables as in the body.
    Framed,
}

/// Where lines may and may not break, beyond UAX #14.
#[derive(Debug, Default)]
struct Breaks {
    /// Hyphenation points (byte offsets, in order).
    hyphens: Vec<usize>,
    /// Symbols, never broken.
    unbroken: Vec<std::ops::Range<usize>>,
}

/// How the spans of one paragraph look, are tagged and break.
struct SpanRules {
    /// The paragraph's style.
    style: TextStyle,
    /// The language of its text.
    lang: Lang,
    /// The language of cited symbols (written in Latin letters).
    symbol_lang: Lang,
    /// Hyphenation patterns, if its words may be hyphenated.
    hyphenation: Option<hypher::Lang>,
    /// Whether its text runs right to left (a number's groups are joined).
    right_to_left: bool,
}

/// Bold and italic of a span.
#[derive(Clone, Copy)]
struct SpanLook {
    bold: bool,
    italic: bool,
}

/// Inline content as one string with its styled spans and where lines may
/// not or may also break, ready for the layout engine.
#[derive(Default)]
struct StyledText {
    text: String,
    spans: Vec<TextSpan>,
    breaks: Breaks,
}

impl StyledText {
    /// `inlines` as spans: text and emphasis (italic against the style),
    /// cited symbols (links, never broken) and footnote marks (raised, smaller).
    fn of(inlines: &[Inline], rules: &SpanRules) -> StyledText {
        let mut styled = StyledText::default();
        styled.push_all(inlines, rules.style.bold, rules);
        styled
    }

    /// Pushes `inlines`, bold or not (bold content may hold the rest).
    fn push_all(&mut self, inlines: &[Inline], bold: bool, rules: &SpanRules) {
        let italic = rules.style.italic;
        for (k, inline) in inlines.iter().enumerate() {
            let (piece, italic, kind) = match inline {
                Inline::Text(t) => (Cow::Borrowed(t.as_str()), italic, SpanKind::Text),
                Inline::Emph(t) => (Cow::Borrowed(t.as_str()), !italic, SpanKind::Text),
                Inline::Strong(inner) => {
                    self.push_all(inner, true, rules);
                    continue;
                }
                Inline::Ref(r) => {
                    let target = LinkTarget {
                        url: undocs_url(&r.value),
                        label: r.value.clone(),
                    };
                    (
                        Cow::Borrowed(r.value.as_str()),
                        italic,
                        SpanKind::Link(Box::new(target)),
                    )
                }
                Inline::Link(link) => {
                    let (url, text) = (&link.url, &link.text);
                    let target = LinkTarget {
                        url: url.clone(),
                        label: text.clone(),
                    };
                    (
                        Cow::Borrowed(text.as_str()),
                        italic,
                        SpanKind::Link(Box::new(target)),
                    )
                }
                Inline::NoteRef(n) => (
                    Cow::Owned(n.value.to_string()),
                    false,
                    SpanKind::NoteMark(n.value),
                ),
                Inline::TableNoteRef(n) => {
                    let mut letter = crate::lang::latin_letter(n.value, false);
                    // Marks side by side are printed `a,b`, as in the DGACM files.
                    if k > 0 && matches!(inlines[k - 1], Inline::TableNoteRef(_)) {
                        letter.insert(0, ',');
                    }
                    (Cow::Owned(letter), true, SpanKind::Raised)
                }
            };
            self.push(&piece, SpanLook { bold, italic }, kind, rules);
        }
    }

    fn push(&mut self, piece: &str, look: SpanLook, kind: SpanKind, rules: &SpanRules) {
        let style = rules.style;
        let start = self.text.len();
        let (size, rise, lang) = match kind {
            SpanKind::NoteMark(_) | SpanKind::Raised => (
                style.size * NOTE_MARK_SCALE,
                style.size * NOTE_MARK_RISE,
                rules.lang,
            ),
            SpanKind::Link(_) => (style.size, 0.0, rules.symbol_lang),
            SpanKind::Text => (style.size, 0.0, rules.lang),
        };
        let piece = match kind {
            SpanKind::Text if rules.right_to_left => digit_groups_joined(piece),
            _ => Cow::Borrowed(piece),
        };
        let piece = piece.as_ref();
        self.text.push_str(piece);
        if let SpanKind::Text = kind {
            // `3 115` never splits across lines (DGACM tables, French text).
            grouped_numbers(piece, start, &mut self.breaks.unbroken);
        }
        match (&kind, rules.hyphenation) {
            (SpanKind::Text, Some(hyphenation)) => {
                hyphenation_points(piece, start, hyphenation, &mut self.breaks.hyphens)
            }
            // A symbol is never broken at its slashes, dots or hyphens.
            (SpanKind::Link(_), _) => self.breaks.unbroken.push(start..self.text.len()),
            _ => {}
        }
        if self.text.len() > start {
            self.spans.push(TextSpan {
                style: SpanStyle {
                    range: start..self.text.len(),
                    size,
                    bold: look.bold,
                    italic: look.italic,
                },
                kind,
                rise,
                lang,
            });
        }
    }
}

/// Horizontal placement of a block, in points from the page's left edge.
struct Place {
    first_x: f32,
    first_width: f32,
    x: f32,
    width: f32,
}

impl<'a> FlowBuilder<'a> {
    /// A builder for `doc` on pages of `geom`.
    pub fn new(doc: &'a Document, geom: Geometry, shaper: &'a mut Shaper) -> Self {
        FlowBuilder {
            doc,
            geom,
            flow: Flow::default(),
            shaper,
            planned_notes: Vec::new(),
            in_summary: None,
            in_body: false,
        }
    }

    fn lang(&self) -> Lang {
        self.doc.lang
    }

    fn rtl(&self) -> bool {
        self.doc.lang.is_rtl()
    }

    /// Lays out `inlines` in `style` for the line boxes of `place`.
    fn text(
        &mut self,
        inlines: &[Inline],
        style: TextStyle,
        first_width: f32,
        width: f32,
        align: Align,
        source: Span,
    ) -> LaidText {
        self.text_in(
            self.lang(),
            inlines,
            style,
            first_width,
            width,
            align,
            source,
        )
    }

    /// Like `text`, in a given language.
    #[allow(clippy::too_many_arguments)]
    pub fn text_in(
        &mut self,
        lang: Lang,
        inlines: &[Inline],
        style: TextStyle,
        first_width: f32,
        width: f32,
        align: Align,
        source: Span,
    ) -> LaidText {
        let rules = SpanRules {
            style,
            lang,
            symbol_lang: self.lang().latin_text_lang(),
            // Justified text is hyphenated; headings and titles never are.
            hyphenation: lang_style(lang)
                .hyphenation
                .filter(|_| align == Align::Justify),
            right_to_left: lang.is_rtl(),
        };
        let styled = StyledText::of(inlines, &rules);
        self.lay_out(
            lang,
            styled.text,
            styled.spans,
            &styled.breaks,
            (first_width, width),
            align,
            source,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn lay_out(
        &mut self,
        lang: Lang,
        mut text: String,
        mut spans: Vec<TextSpan>,
        breaks: &Breaks,
        (first_width, width): (f32, f32),
        align: Align,
        source: Span,
    ) -> LaidText {
        let scale = lang_style(lang).width_scale;
        let styles: Vec<SpanStyle> = spans.iter().map(|s| s.style.clone()).collect();
        // Characters no font covers are reported for the whole document
        // (`coverage`), not per layout.
        let mut missing = Vec::new();
        let mut lines = self.shaper.lay_out(
            &Paragraph {
                text: &text,
                spans: &styles,
                lang,
                rtl: lang.is_rtl(),
                first_width: first_width / scale,
                width: width / scale,
                align,
                hyphens: &breaks.hyphens,
                unbroken: &breaks.unbroken,
            },
            &mut missing,
        );
        self.report_forced_breaks(&lines, source);
        // What a drawn hyphen stands for, just past the text.
        text.push(HYPHEN_TEXT);
        // Kept until the last line is drawn: no spare capacity.
        text.shrink_to_fit();
        spans.shrink_to_fit();
        lines.shrink_to_fit();
        LaidText {
            text,
            spans,
            lines,
            scale,
            rtl: lang.is_rtl(),
        }
    }

    /// One unbroken, unhyphenated line (numbers, labels, masthead lines) in `style`.
    pub fn plain_line(
        &mut self,
        lang: Lang,
        label: &str,
        style: TextStyle,
        source: Span,
    ) -> LaidText {
        let spans = vec![TextSpan {
            style: SpanStyle {
                range: 0..label.len(),
                size: style.size,
                bold: style.bold,
                italic: style.italic,
            },
            kind: SpanKind::Text,
            rise: 0.0,
            lang,
        }];
        self.lay_out(
            lang,
            label.to_string(),
            spans,
            &Breaks::default(),
            (1.0e5, 1.0e5),
            Align::Natural,
            source,
        )
    }

    /// Warns, once for the paragraph at `source`, that a word longer than
    /// the line was broken where no break is allowed.
    fn report_forced_breaks(&mut self, lines: &[ShapedLine], source: Span) {
        if !lines.iter().any(|l| l.forced) {
            return;
        }
        self.flow.diagnostics.push(Diagnostic::new(
            Code::PdfLayout,
            source,
            "a word longer than the line is broken across lines in the PDF, without a hyphen",
        ));
    }

    /// Mirrors a box given by its distances from the margins for right-to-left pages.
    fn span_box(&self, from_start: f32, from_end: f32) -> (f32, f32) {
        let (m, r) = (self.geom.margin_x, self.geom.right());
        if self.rtl() {
            (m + from_end, r - from_start)
        } else {
            (m + from_start, r - from_end)
        }
    }

    /// Placement of a paragraph whose first line starts at `first_from_start`
    /// (from the margin), other lines at `from_start`.
    fn place(&self, first_from_start: f32, from_start: f32, from_end: f32) -> Place {
        let (x, right) = self.span_box(from_start, from_end);
        let (first_x, first_right) = self.span_box(first_from_start, from_end);
        Place {
            first_x,
            first_width: first_right - first_x,
            x,
            width: right - x,
        }
    }

    /// Where a table's caption, title and units lines start: the text
    /// indent, or in a framed summary the table's own edge.
    fn caption_indent(&self) -> f32 {
        if self.in_summary == Some(SummaryBox::Framed) {
            page::table::FRAMED_TABLE_INDENT
        } else {
            TEXT_INDENT
        }
    }

    /// The indent of unnumbered text and headings: the text indent, and
    /// inside a box of figures as far again as the box's inset.
    fn text_indent(&self) -> f32 {
        if self.in_summary == Some(SummaryBox::Figures) {
            TEXT_INDENT + page::table::BOX_TABLE_LEAD
        } else {
            TEXT_INDENT
        }
    }

    /// The first tab stop after `pos` (distance from the margin).
    fn tab_after(pos: f32) -> f32 {
        LABEL_STOPS
            .iter()
            .copied()
            .find(|&t| t > pos + 1.0)
            .unwrap_or(pos + TAB_PAST_STOPS_PDF)
    }

    /// Places a label whose start edge is `from_start` from the margin; returns the label.
    fn start_label(&self, text: LaidText, from_start: f32) -> Label {
        let w = text.line_width(0);
        let x = if self.rtl() {
            self.geom.right() - from_start - w
        } else {
            self.geom.margin_x + from_start
        };
        Label { text, x }
    }

    /// Places a label whose end edge is `from_start` from the margin (right-aligned numbers).
    fn end_label(&self, text: LaidText, end_from_start: f32) -> Label {
        let w = text.line_width(0);
        let x = if self.rtl() {
            self.geom.right() - end_from_start
        } else {
            self.geom.margin_x + end_from_start - w
        };
        Label { text, x }
    }

    /// For each line of `text`, the footnotes its marks cite. Spans are
    /// in text order, so each line looks only at the spans it overlaps
    /// (a paragraph of thousands of lines and spans stays linear).
    fn cited_notes(&self, text: &LaidText) -> Vec<Vec<usize>> {
        text.lines
            .iter()
            .map(|line| {
                let end = line.text.end.max(line.text.start + 1);
                let first = text
                    .spans
                    .partition_point(|s| s.style.range.end <= line.text.start);
                text.spans[first..]
                    .iter()
                    .take_while(|s| s.style.range.start < end)
                    .filter_map(|s| match s.kind {
                        SpanKind::NoteMark(n) => self.doc.footnotes.iter().position(|f| f.n == n),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    /// A block of `body` with its first line at `first_x` and the others at
    /// `x`, in `style`'s size, pitch and spacing, with the notes its text
    /// cites; no label, no keeps. Callers change what differs.
    fn block(&self, body: LaidText, first_x: f32, x: f32, style: TextStyle) -> LaidBlock {
        let notes = self.cited_notes(&body);
        LaidBlock {
            body,
            label: None,
            first_x,
            x,
            pitch: style.line,
            size: style.size,
            before: style.before,
            after: style.after,
            keep_with_next: false,
            page_break_before: false,
            notes,
            float: None,
            trailing: Vec::new(),
        }
    }

    fn push_block(&mut self, block: LaidBlock) -> usize {
        self.flow.blocks.push(block);
        self.flow.blocks.len() - 1
    }

    /// Lays out the whole flow: title block, body, annexes and footnotes.
    pub fn build_body(&mut self) {
        self.footnotes();
        let mut plan = Vec::new();
        self.front(&mut plan);
        let doc = self.doc;
        self.blocks(&doc.preamble, 0, &mut plan);
        self.in_body = true;
        self.blocks(&doc.body, 0, &mut plan);
        for annex in &doc.annexes {
            self.annex(annex, &mut plan);
        }
        self.in_body = false;
        // Footnotes nothing cites still belong to the document.
        for n in 0..self.flow.notes.len() {
            if !self.planned_notes.contains(&n) {
                plan.push(Plan::Note(n));
            }
        }
        self.flow.plan.extend(plan);
    }

    /// Session, agenda, title and subtitle under the masthead, then the summary.
    fn front(&mut self, plan: &mut Vec<Plan>) {
        self.session_and_agenda(plan);
        self.title_block(plan);
        let doc = self.doc;
        let contents_first = doc.contents.is_some_and(|c| c.before_summary);
        // The summary then opens a page of its own, as in budget reports.
        let break_before_summary = contents_first && self.contents(plan);
        if let Some(summary) = &doc.summary {
            let first = self.flow.blocks.len();
            let kind = match summary.table_alone() {
                Some(_) => SummaryBox::Figures,
                None => SummaryBox::Framed,
            };
            self.in_summary = Some(kind);
            if let Some(heading) = &summary.heading {
                let i = self.box_heading(heading, summary.span);
                plan.push(Plan::Heading(i, 2, plain_text(heading)));
            }
            self.blocks(&summary.blocks, 0, plan);
            self.in_summary = None;
            let end = self.flow.blocks.len();
            if end > first {
                self.flow.blocks[first].page_break_before = break_before_summary;
                self.flow.boxed.push((first..end, kind));
            }
        }
        if !contents_first {
            self.contents(plan);
        }
    }

    /// The session line (bold) and the agenda lines, kept with the title,
    /// left of the agenda's right indent.
    fn session_and_agenda(&mut self, plan: &mut Vec<Plan>) {
        let m = &self.doc.masthead;
        let (x, right) = self.span_box(0.0, page::AGENDA_RIGHT_INDENT_PDF);
        let width = right - x;
        let session_style = SESSION.for_lang(self.lang());
        let agenda_style = TextStyle {
            bold: false,
            ..session_style
        };
        let lines = [
            (m.session_body.as_ref(), session_style),
            (m.session.as_ref(), session_style),
            (m.session_dates.as_ref(), agenda_style),
        ];
        let agenda = m.agenda.iter().map(|a| (Some(a), agenda_style));
        let agenda_title = [(m.agenda_title.as_ref(), session_style)];
        let present = lines.into_iter().chain(agenda).chain(agenda_title);
        for (line, style) in present.filter_map(|(l, s)| Some((l?, s))) {
            let inlines = [Inline::Text(line.value.clone())];
            let body = self.text(&inlines, style, width, width, Align::Start, line.span);
            let i = self.push_block(LaidBlock {
                before: 0.0,
                after: 0.0,
                keep_with_next: true,
                ..self.block(body, x, x, style)
            });
            plan.push(Plan::Para(i));
        }
    }

    /// The title (the document's first heading) and the subtitle, kept
    /// with the body, the body's space after the last of them.
    fn title_block(&mut self, plan: &mut Vec<Plan>) {
        let doc = self.doc;
        let p = self.place(TEXT_INDENT, TEXT_INDENT, HEADING_RIGHT_INDENT_PDF);
        let mut lines = vec![(&doc.title, TITLE)];
        lines.extend(doc.subtitle.iter().map(|sub| (sub, SUBTITLE)));
        let last = lines.len() - 1;
        for (k, (line, style)) in lines.into_iter().enumerate() {
            let style = style.for_lang(self.lang());
            let body = self.text(
                &line.value,
                style,
                p.first_width,
                p.width,
                Align::Start,
                line.span,
            );
            let i = self.push_block(LaidBlock {
                after: if k == last { AFTER_TITLE } else { 0.0 },
                keep_with_next: true,
                ..self.block(body, p.first_x, p.x, style)
            });
            plan.push(if k == 0 {
                Plan::Heading(i, 1, plain_text(&line.value))
            } else {
                Plan::Para(i)
            });
            self.note_plans(i, plan);
        }
    }

    /// Adds `Note` plans for the footnotes block `i` cites first.
    fn note_plans(&mut self, i: usize, plan: &mut Vec<Plan>) {
        let cited: Vec<usize> = self.flow.blocks[i]
            .notes
            .iter()
            .flatten()
            .copied()
            .collect();
        for n in cited {
            if !self.planned_notes.contains(&n) {
                self.planned_notes.push(n);
                plan.push(Plan::Note(n));
            }
        }
    }

    fn blocks(&mut self, blocks: &[Block], depth: u16, plan: &mut Vec<Plan>) {
        for block in blocks {
            match block {
                Block::Chapter(d) => self.division(d, true, depth, plan),
                Block::Section(d) => self.division(d, false, depth, plan),
                Block::Para(para) => {
                    let lang = self.lang();
                    let label = lang.para_label(para.n);
                    let i = self.numbered(&label, &para.content, para.span, 0);
                    plan.push(Plan::Para(i));
                    self.note_plans(i, plan);
                    if let Some(list) = &para.list {
                        let l = self.list(list, 1);
                        plan.push(l);
                    }
                }
                Block::Subheading(h) => self.subheading(h, depth, plan),
                Block::Table(t) => self.table(t, plan),
                Block::Figure(f) => self.figure(f, plan),
                Block::Text(t) => {
                    let body_style = BODY.for_lang(self.lang());
                    let indent = self.text_indent();
                    // A framed summary's paragraphs start at the first tab,
                    // its bold run-in headings at the text indent.
                    let first = match self.in_summary {
                        Some(SummaryBox::Framed) if !all_strong(&t.value) => {
                            indent + page::table::BOX_TABLE_LEAD
                        }
                        _ => indent,
                    };
                    let p = self.place(first, indent, indent);
                    let body = self.text(
                        &t.value,
                        body_style,
                        p.first_width,
                        p.width,
                        Align::Justify,
                        t.span,
                    );
                    let i = self.push_block(LaidBlock {
                        before: 0.0,
                        ..self.block(body, p.first_x, p.x, body_style)
                    });
                    plan.push(Plan::Para(i));
                    self.note_plans(i, plan);
                }
            }
        }
    }

    /// A paragraph or list item with a label at nesting `level` (0 for paragraphs).
    fn numbered(&mut self, label: &str, content: &[Inline], source: Span, level: usize) -> usize {
        let lang = self.lang();
        let body_style = BODY.for_lang(lang);
        let label_start = if level == 0 {
            TEXT_INDENT
        } else {
            LABEL_STOPS[(level - 1).min(LABEL_STOPS.len() - 1)]
        };
        let label_text = self.plain_line(lang, label, body_style, source);
        let label_end = label_start + label_text.line_width(0);
        let text_start = Self::tab_after(label_end);
        let p = self.place(text_start, TEXT_INDENT, TEXT_INDENT);
        let body = self.text(
            content,
            body_style,
            p.first_width,
            p.width,
            Align::Justify,
            source,
        );
        let label = self.start_label(label_text, label_start);
        self.push_block(LaidBlock {
            label: Some(label),
            before: 0.0,
            ..self.block(body, p.first_x, p.x, body_style)
        })
    }

    fn list(&mut self, list: &List, level: usize) -> Plan {
        let lang = self.lang();
        let mut items = Vec::new();
        for item in &list.items {
            let label = lang.item_label(list.kind, item.n);
            let i = self.numbered(&label, &item.content, item.span, level);
            let mut children = Vec::new();
            self.note_plans(i, &mut children);
            if let Some(sub) = &item.list {
                children.push(self.list(sub, level + 1));
            }
            items.push(Plan::Item(i, children));
        }
        Plan::Group(GroupKind::List(list.kind), items)
    }

    fn division(&mut self, d: &Division, chapter: bool, depth: u16, plan: &mut Vec<Plan>) {
        let lang = self.lang();
        let style = if chapter { CHAPTER } else { SECTION }.for_lang(lang);
        let label = if chapter {
            lang.chapter_label(d.n)
        } else {
            lang.section_label(d.n)
        };
        let i = self.heading(&label, &d.heading, style, d.span, false);
        if self.in_body {
            self.flow.contents_targets.push(i);
        }
        let title = format!("{label} {}", plain_text(&d.heading));
        let level = if chapter { 2 } else { 3 } + depth;
        let mut children = vec![Plan::Heading(i, level, title.clone())];
        self.note_plans(i, &mut children);
        let mark = self.flow.bookmarks.len();
        self.blocks(&d.blocks, depth, &mut children);
        let nested: Vec<Bookmark> = self.flow.bookmarks.drain(mark..).collect();
        self.flow.bookmarks.push(Bookmark {
            title,
            block: i,
            children: nested,
        });
        plan.push(Plan::Group(GroupKind::Section, children));
    }

    /// A subheading (`1.` bold, `(a)` italic), in the outline under its section.
    fn subheading(&mut self, h: &Subheading, depth: u16, plan: &mut Vec<Plan>) {
        let lang = self.lang();
        let style = if h.level <= 3 {
            SUBSECTION
        } else {
            MINOR_SUBSECTION
        }
        .for_lang(lang);
        let label =
            h.n.map(|n| lang.subheading_label(h.level, n))
                .unwrap_or_default();
        let i = self.heading(&label, &h.heading, style, h.span, false);
        let text = plain_text(&h.heading);
        let title = if label.is_empty() {
            text
        } else {
            format!("{label} {text}")
        };
        let level = u16::from(h.level) + 1 + depth;
        plan.push(Plan::Heading(i, level, title.clone()));
        self.note_plans(i, plan);
        self.flow.bookmarks.push(Bookmark {
            title,
            block: i,
            children: Vec::new(),
        });
    }

    /// The framed summary's heading ("Summary"): 12 pt italic, standing in
    /// from the frame.
    fn box_heading(&mut self, inlines: &[Inline], source: Span) -> usize {
        let style = TextStyle {
            size: page::table::BOX_HEADING_SIZE,
            bold: false,
            italic: true,
            after: BODY.after,
            ..SECTION
        }
        .for_lang(self.lang());
        let inset = page::table::BOX_INSET;
        let p = self.place(inset, inset, inset);
        let body = self.text(inlines, style, p.first_width, p.width, Align::Start, source);
        self.push_block(LaidBlock {
            keep_with_next: true,
            ..self.block(body, p.first_x, p.x, style)
        })
    }

    /// A heading with a number hanging at the template's right tab.
    fn heading(
        &mut self,
        label: &str,
        inlines: &[Inline],
        style: TextStyle,
        source: Span,
        page_break_before: bool,
    ) -> usize {
        let lang = self.lang();
        let inset = self.text_indent() - TEXT_INDENT;
        let p = self.place(
            TEXT_INDENT + inset,
            TEXT_INDENT + inset,
            HEADING_RIGHT_INDENT_PDF + inset,
        );
        let body = self.text(inlines, style, p.first_width, p.width, Align::Start, source);
        let label = if label.is_empty() {
            None
        } else {
            let text = self.plain_line(lang, label, style, source);
            Some(self.end_label(text, HEADING_NUMBER_END))
        };
        self.push_block(LaidBlock {
            label,
            keep_with_next: true,
            page_break_before,
            ..self.block(body, p.first_x, p.x, style)
        })
    }

    fn annex(&mut self, annex: &Annex, plan: &mut Vec<Plan>) {
        let lang = self.lang();
        let style = CHAPTER.for_lang(lang);
        let label = lang.annex_label(annex.n);
        let head = [Inline::Text(label.clone())];
        let i = self.heading("", &head, style, annex.span, true);
        if self.in_body {
            self.flow.contents_targets.push(i);
        }
        self.flow.blocks[i].after = 0.0;
        let mut children = vec![Plan::Heading(i, 2, label.clone())];
        let j = self.heading("", &annex.heading, style, annex.span, false);
        self.flow.blocks[j].before = page::ANNEX_TITLE_BEFORE_PDF;
        children.push(Plan::Heading(j, 2, plain_text(&annex.heading)));
        self.note_plans(j, &mut children);
        let mark = self.flow.bookmarks.len();
        // An annex's own chapters are not in the contents.
        let in_body = std::mem::replace(&mut self.in_body, false);
        self.blocks(&annex.blocks, 0, &mut children);
        self.in_body = in_body;
        let nested: Vec<Bookmark> = self.flow.bookmarks.drain(mark..).collect();
        self.flow.bookmarks.push(Bookmark {
            title: format!("{label} {}", plain_text(&annex.heading)),
            block: i,
            children: nested,
        });
        plan.push(Plan::Group(GroupKind::Section, children));
    }

    /// Lays out every footnote, with its number hanging before the text.
    fn footnotes(&mut self) {
        let doc = self.doc;
        let lang = self.lang();
        let style = FOOTNOTE.for_lang(lang);
        for note in &doc.footnotes {
            let p = self.place(TEXT_INDENT, TEXT_INDENT, HEADING_RIGHT_INDENT_PDF);
            let body = self.text(
                &note.content,
                style,
                p.first_width,
                p.width,
                Align::Justify,
                note.span,
            );
            let mark = TextStyle {
                size: style.size * NOTE_MARK_SCALE,
                ..style
            };
            let mut label_text = self.plain_line(lang, &note.n.to_string(), mark, note.span);
            for span in &mut label_text.spans {
                span.rise = style.size * NOTE_MARK_RISE;
                span.kind = SpanKind::NoteMark(note.n);
            }
            let label = self.end_label(label_text, page::note::NUMBER_END_PDF);
            let notes = body.lines.iter().map(|_| Vec::new()).collect();
            let block = LaidBlock {
                label: Some(label),
                before: 0.0,
                notes,
                ..self.block(body, p.first_x, p.x, style)
            };
            self.flow.notes.push(block);
        }
    }
}
