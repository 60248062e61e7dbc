//! The layout-engine adapter: lays paragraphs out and hands back lines of
//! our own positioned glyphs, so the engine can be swapped without touching
//! the rest of the writer. Latin, Cyrillic and Chinese paragraphs take the
//! `direct` path (harfrust and our own first-fit breaker, the same lines
//! as parley's in half the time); the rest is laid out with parley
//! (shaping, UAX #14 line breaking, bidi reordering).
//!
//! On top of either engine it adds what the UN layout needs: a visible hyphen where
//! a line breaks at a soft hyphen (the line is re-broken narrower when the
//! hyphen would not fit), justification between words or between characters,
//! right alignment of right-to-left paragraphs, and detection of characters
//! no font covers (glyph 0), which are reported and never drawn. Placing
//! the glyphs of one broken line is `place`.

mod direct;
pub mod packed;
mod pieces;
mod place;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use parley::{
    BaseDirection, BreakReason, FontContext, FontFamily, FontFamilyName, FontStyle, FontWeight,
    Language, Layout, LayoutContext, LineBreak, LineBreakContext, OverflowWrap, StyleProperty,
    WordBreak, YieldData,
};

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::lang::Lang;

use super::fonts::FontSet;
use super::style::lang_style;
use packed::Glyphs;
use place::{LineGlyphs, RunKey, align_offset, visible_end};

/// Re-breaking passes that make room for visible hyphens; real text needs
/// one or two per paragraph.
const MAX_HYPHEN_PASSES: usize = 32;
/// Unbroken ranges (cited symbols, links) up to this many bytes are never
/// broken, even when wider than the line; UN symbols are far shorter.
const WHOLE_SYMBOL: usize = 64;
/// The text a drawn hyphen stands for: a hyphen-minus, which text
/// extractors (poppler's pdftotext, pdf.js) drop at the end of a line,
/// joining the word (`system`, not `sys\u{AD} tem` as a soft hyphen gave).
/// The caller appends one to the text it hands the PDF writer (see [`GlyphRun`]).
pub const HYPHEN_TEXT: char = '-';

/// How a paragraph's lines sit in their box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Unaligned: every line starts at the left edge (single lines the caller places).
    Natural,
    /// At the start edge (left, or right in right-to-left paragraphs).
    Start,
    /// Centred.
    Center,
    /// Filled to both edges, except the last line.
    Justify,
}

/// The look of a range of a paragraph's text.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanStyle {
    /// The bytes of the text it covers; spans are contiguous and cover the text.
    pub range: Range<usize>,
    /// Type size in points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
}

/// A paragraph to lay out.
#[derive(Debug, Clone)]
pub struct Paragraph<'a> {
    /// The text.
    pub text: &'a str,
    /// Its styled ranges.
    pub spans: &'a [SpanStyle],
    /// The language, which picks fonts and breaking rules.
    pub lang: Lang,
    /// Whether the base direction is right to left.
    pub rtl: bool,
    /// Width of the first line, in layout units.
    pub first_width: f32,
    /// Width of the other lines.
    pub width: f32,
    /// Alignment of the lines.
    pub align: Align,
    /// Byte offsets, in order, where a word may be hyphenated.
    pub hyphens: &'a [usize],
    /// Byte ranges never broken inside (document symbols).
    pub unbroken: &'a [Range<usize>],
}

/// A glyph placed on a line, as the layout places it; lines keep their
/// glyphs [`packed`] until drawn. 32-bit offsets (texts are far below
/// 4 GB) make it 28 bytes instead of 40.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in its run's font.
    pub id: u32,
    /// Pen position from the line's left edge.
    pub x: f32,
    /// Horizontal offset from the pen position.
    pub dx: f32,
    /// Vertical offset (up).
    pub dy: f32,
    /// The glyph's own advance.
    pub advance: f32,
    /// The text bytes of the cluster the glyph belongs to.
    pub text: Range<u32>,
}

/// Consecutive glyphs of one font, size and span. A drawn hyphen's text is
/// the hyphen just past the paragraph's text ([`HYPHEN_TEXT`]).
#[derive(Debug, Clone)]
pub struct GlyphRun {
    /// The font, ready for embedding.
    pub font: krilla::text::Font,
    /// Type size in points.
    pub size: f32,
    /// Index of the span the glyphs belong to.
    pub span: usize,
    /// Whether the glyphs are right-to-left text.
    pub rtl: bool,
    /// Whether an italic must be slanted synthetically (no italic face).
    pub slant: bool,
    /// Whether a bold must be emboldened synthetically (no bold face).
    pub embolden: bool,
    /// Left edge: the pen position of its first glyph.
    pub left: f32,
    /// Right edge: its last glyph's pen position plus that glyph's own advance.
    pub right: f32,
    /// The start of the logically first text the run holds.
    pub text_start: u32,
    /// Its glyphs, left to right: bytes of its line's [`ShapedLine::glyphs`].
    pub glyphs: Range<u32>,
}

impl GlyphRun {
    /// The size of one font unit of the run, in layout units.
    pub fn unit(&self) -> f32 {
        self.size.max(0.01) / self.font.units_per_em().max(1.0)
    }
}

/// A laid-out line.
#[derive(Debug, Clone, Default)]
pub struct ShapedLine {
    /// Runs in visual order; positions are from the line box's left edge.
    pub runs: Vec<GlyphRun>,
    /// The glyphs of all its runs, [`packed`].
    pub glyphs: Vec<u8>,
    /// Width of the inked line (justification included).
    pub width: f32,
    /// The text bytes of the line, trailing spaces excluded.
    pub text: Range<usize>,
    /// Whether the line ends with an inserted hyphen.
    pub hyphenated: bool,
    /// Whether the line ends inside a word that is longer than the line
    /// and had to be broken where no break is allowed.
    pub forced: bool,
}

impl ShapedLine {
    /// The glyphs of `run`, one of its runs, left to right.
    pub fn glyphs(&self, run: &GlyphRun) -> Glyphs<'_> {
        let bytes = self
            .glyphs
            .get(run.glyphs.start as usize..run.glyphs.end as usize)
            .unwrap_or_default();
        Glyphs::new(bytes)
    }

    /// Frees its glyphs (once drawn).
    pub fn release(&mut self) {
        self.runs = Vec::new();
        self.glyphs = Vec::new();
    }

    /// Maps the text range of each glyph with `f` (a line of a piece of a
    /// paragraph becoming a line of the paragraph).
    pub fn map_text(&mut self, f: impl Fn(Range<u32>) -> Range<u32>) {
        let mut glyphs = Vec::with_capacity(self.glyphs.len());
        for run in &mut self.runs {
            let start = glyphs.len();
            let mut prev_end = 0;
            let mut text_start = u32::MAX;
            let bytes = self
                .glyphs
                .get(run.glyphs.start as usize..run.glyphs.end as usize)
                .unwrap_or_default();
            for mut g in Glyphs::new(bytes) {
                g.text = f(g.text);
                text_start = text_start.min(g.text.start);
                packed::push(&mut glyphs, &g, &mut prev_end);
            }
            run.glyphs = buffer_offset(start)..buffer_offset(glyphs.len());
            run.text_start = if text_start == u32::MAX {
                0
            } else {
                text_start
            };
        }
        glyphs.shrink_to_fit();
        self.glyphs = glyphs;
    }
}

/// A character no font covers, at a byte offset of the paragraph text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing {
    /// The character.
    pub ch: char,
    /// Its byte offset.
    pub at: usize,
}

/// The layout engine of one thread: parley's contexts over a font set.
pub struct Shaper {
    fonts: Arc<FontSet>,
    font_cx: FontContext,
    layout_cx: LayoutContext<u32>,
    layout: Layout<u32>,
    families: HashMap<Lang, Vec<FontFamilyName<'static>>>,
    hyphens: foldhash::HashMap<(u64, u32, u32), (u32, f32)>,
    /// Unaligned paragraphs laid out before (numbers, labels, masthead and
    /// footer lines, table cells), hashed with foldhash: looked up for
    /// every such paragraph, by its text.
    singles: foldhash::HashMap<SingleKey, Vec<ShapedLine>>,
    /// The direct path's faces and scratch.
    direct: direct::Direct,
    /// The glyphs of the line being placed, kept from line to line so
    /// that a line costs no allocation of its own.
    placed: LineGlyphs,
}

/// What decides the layout of an unaligned paragraph of one style: its
/// language, text, size, bold, italic and line widths (table cells are
/// laid out unaligned at their column's width).
type SingleKey = (Lang, String, u32, bool, bool, (u32, u32));

/// Single lines kept before the cache starts afresh.
const SINGLES_LIMIT: usize = 10_000;
/// Texts longer than this (bytes) are not kept in the single-line cache:
/// numbers, labels and cells repeat, long texts seldom do, and the key
/// copies the text.
const SINGLES_TEXT_LIMIT: usize = 256;

thread_local! {
    static SHAPER: RefCell<Option<Shaper>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's shaper for `fonts` (created on first use).
pub fn with_shaper<R>(fonts: &Arc<FontSet>, f: impl FnOnce(&mut Shaper) -> R) -> R {
    SHAPER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let shaper = match slot.as_mut() {
            Some(shaper) if Arc::ptr_eq(&shaper.fonts, fonts) => shaper,
            _ => slot.insert(Shaper::new(fonts.clone())),
        };
        f(shaper)
    })
}

impl Shaper {
    fn new(fonts: Arc<FontSet>) -> Shaper {
        // Parley shapes runs of the bundled faces a word at a time on this
        // thread, as the direct path does (our patch of parley_engine).
        parley_engine::set_word_local(Some(bundled_and_word_local));
        let font_cx = FontContext {
            collection: fonts.collection(),
            source_cache: Default::default(),
        };
        let mut families = HashMap::new();
        for lang in crate::lang::ALL {
            let list: Vec<FontFamilyName<'static>> = lang_style(lang)
                .families
                .iter()
                .map(|f| FontFamilyName::named(f))
                .chain(
                    fonts
                        .extra_families()
                        .iter()
                        .map(|f| FontFamilyName::Named(Cow::Owned(f.clone()))),
                )
                .collect();
            families.insert(lang, list);
        }
        Shaper {
            fonts,
            font_cx,
            layout_cx: LayoutContext::new(),
            layout: Layout::new(),
            placed: LineGlyphs::default(),
            families,
            hyphens: foldhash::HashMap::default(),
            singles: foldhash::HashMap::default(),
            direct: direct::Direct::default(),
        }
    }

    /// Lays out `p`; characters no font covers are added to `missing`.
    pub fn lay_out(&mut self, p: &Paragraph, missing: &mut Vec<Missing>) -> Vec<ShapedLine> {
        let single = match p.spans {
            [span]
                if p.align == Align::Natural
                    && p.hyphens.is_empty()
                    && p.text.len() <= SINGLES_TEXT_LIMIT =>
            {
                Some((
                    p.lang,
                    p.text.to_string(),
                    span.size.to_bits(),
                    span.bold,
                    span.italic,
                    (p.first_width.to_bits(), p.width.to_bits()),
                ))
            }
            _ => None,
        };
        if let Some(lines) = single.as_ref().and_then(|key| self.singles.get(key)) {
            return lines.clone();
        }
        let before = missing.len();
        let lines = self.lay_out_new(p, missing);
        if let Some(key) = single
            && missing.len() == before
        {
            if self.singles.len() >= SINGLES_LIMIT {
                self.singles.clear();
            }
            self.singles.insert(key, lines.clone());
        }
        lines
    }

    fn lay_out_new(&mut self, p: &Paragraph, missing: &mut Vec<Missing>) -> Vec<ShapedLine> {
        if p.text.len() > pieces::PIECE {
            return pieces::lay_out_in_pieces(self, p, missing);
        }
        self.lay_out_whole(p, missing)
    }

    /// Lays out `p` in one go (at most [`pieces::PIECE`] bytes: parley's
    /// memory, its style table and the hyphen passes grow with the text).
    fn lay_out_whole(&mut self, p: &Paragraph, missing: &mut Vec<Missing>) -> Vec<ShapedLine> {
        if p.text.is_empty() {
            // Parley shapes an empty text as a space; an empty line is all there is.
            return vec![ShapedLine::default()];
        }
        if let Some(lines) = self.lay_out_direct(p, missing) {
            return lines;
        }
        self.lay_out_with_parley(p, missing)
    }

    /// Lays out `p` (not empty) with parley: text the direct path does
    /// not take (marks, format characters, other scripts, fallback fonts).
    fn lay_out_with_parley(
        &mut self,
        p: &Paragraph,
        missing: &mut Vec<Missing>,
    ) -> Vec<ShapedLine> {
        self.build(p);
        let widths = |i: usize| if i == 0 { p.first_width } else { p.width };
        self.break_with_hyphen_room(p, &widths, Shaper::break_lines, Shaper::overfull_hyphen);
        let count = self.layout.len();
        let mut lines = Vec::with_capacity(count);
        for i in 0..count {
            let target = widths(i);
            lines.push(self.line(p, i, target, missing));
        }
        lines
    }

    /// Breaks `p` into lines with `break_lines`, then makes room for the
    /// hyphens of lines that end at a hyphenation point (`overfull` finds
    /// the first with none) by breaking again with that line narrower.
    /// Each pass makes room for one line's hyphen; a fragment wider than
    /// the line cannot be helped by narrowing, so the passes are bounded.
    /// Both engines break this way.
    fn break_with_hyphen_room(
        &mut self,
        p: &Paragraph,
        widths: &dyn Fn(usize) -> f32,
        break_lines: BreakLines,
        overfull: Overfull,
    ) {
        let mut narrower: Vec<f32> = Vec::new();
        break_lines(self, widths, &narrower, 0);
        // The lines before the one last made narrower are as they were.
        let mut unchanged = 0;
        for _ in 0..MAX_HYPHEN_PASSES {
            let Some((line, by)) = overfull(self, p, widths, &narrower, unchanged) else {
                break;
            };
            if narrower.len() <= line {
                narrower.resize(line + 1, 0.0);
            }
            narrower[line] += by;
            if narrower[line] >= widths(line) {
                break;
            }
            unchanged = line;
            break_lines(self, widths, &narrower, unchanged);
        }
    }

    fn build(&mut self, p: &Paragraph) {
        let (text, lang) = (p.text, p.lang);
        let style = lang_style(lang);
        let overrides = break_overrides(p);
        let counter = AtomicUsize::new(0);
        // Parley asks about each pair of adjacent characters in order; the
        // character after the pair is checked so a surprise falls back to UAX #14.
        let decide = move |cx: LineBreakContext| -> Option<bool> {
            let k = counter.fetch_add(1, Ordering::Relaxed);
            match overrides.get(k) {
                Some(&(after, decision)) if after == cx.after => decision,
                _ => None,
            }
        };
        let has_overrides = !p.hyphens.is_empty() || !p.unbroken.is_empty();
        let Shaper {
            font_cx,
            layout_cx,
            layout,
            families,
            ..
        } = self;
        let list: &[FontFamilyName<'static>] = families.get(&lang).map_or(&[], |v| v.as_slice());
        let mut builder = layout_cx.ranged_builder(font_cx, text, 1.0, false);
        if has_overrides {
            builder.set_line_break_override(Some(&decide));
        }
        builder.set_base_direction(if p.rtl {
            BaseDirection::Rtl
        } else {
            BaseDirection::Ltr
        });
        builder.push_default(StyleProperty::FontFamily(FontFamily::List(Cow::Borrowed(
            list,
        ))));
        builder.push_default(StyleProperty::Locale(Language::parse(lang.locale()).ok()));
        builder.push_default(StyleProperty::LineBreak(LineBreak::Strict));
        builder.push_default(StyleProperty::WordBreak(WordBreak::Normal));
        if style.letter_spacing > 0.0 {
            builder.push_default(StyleProperty::LetterSpacing(style.letter_spacing));
        }
        if p.align != Align::Natural {
            // The last resort for a word longer than the line: break it
            // anywhere. Unaligned text (labels, table cells, whose widest
            // word sizes their column) is never broken inside a word.
            builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
            // Symbols stay whole even then; only a link too long to be a
            // symbol (a web address) may be broken.
            for r in p.unbroken.iter().filter(|r| r.len() <= WHOLE_SYMBOL) {
                builder.push(StyleProperty::OverflowWrap(OverflowWrap::Normal), r.clone());
            }
        }
        for (range, look) in looks(p.spans) {
            builder.push(StyleProperty::FontSize(look.size), range.clone());
            if look.bold {
                builder.push(StyleProperty::FontWeight(FontWeight::BOLD), range.clone());
            }
            if look.italic {
                builder.push(StyleProperty::FontStyle(FontStyle::Italic), range);
            }
        }
        builder.build_into(layout, text);
    }

    fn break_lines(&mut self, widths: &dyn Fn(usize) -> f32, narrower: &[f32], _kept: usize) {
        let widest = widths(0).max(widths(1));
        let mut breaker = self.layout.break_lines();
        breaker.state_mut().set_layout_max_advance(widest);
        let mut i = 0;
        loop {
            breaker
                .state_mut()
                .set_line_max_advance(line_room(widths, narrower, i).max(1.0));
            match breaker.break_next() {
                None => break,
                Some(YieldData::LineBreak(_)) => i += 1,
                Some(_) => {}
            }
        }
        breaker.finish();
    }

    /// The first line that ends at a soft hyphen and has no room for the hyphen.
    fn overfull_hyphen(
        &mut self,
        p: &Paragraph,
        widths: &dyn Fn(usize) -> f32,
        narrower: &[f32],
        _unchanged: usize,
    ) -> Option<(usize, f32)> {
        let mut candidates = Vec::new();
        for (i, line) in self.layout.lines().enumerate() {
            if !ends_at_hyphen(p, line.text_range()) {
                continue;
            }
            let Some(run) = line.runs().last() else {
                continue;
            };
            let key = (
                run.font().data.id(),
                run.font().index,
                run.font_size().to_bits(),
            );
            let metrics = line.metrics();
            let inked = metrics.advance - metrics.hanging_advance;
            let limit = line_room(widths, narrower, i);
            candidates.push((i, key, inked, limit, run.font_size()));
        }
        candidates
            .into_iter()
            .find_map(|(i, key, inked, limit, size)| {
                self.hyphen_overflow(key, size, inked, limit)
                    .map(|hyphen| (i, hyphen))
            })
    }

    /// The hyphen's advance when a line whose text is `inked` wide has no
    /// room for it within `limit`; both engines ask this.
    fn hyphen_overflow(
        &mut self,
        key: (u64, u32, u32),
        size: f32,
        inked: f32,
        limit: f32,
    ) -> Option<f32> {
        let (_, hyphen) = self.hyphen(key, size);
        (inked + hyphen > limit + 0.01).then_some(hyphen)
    }

    /// The hyphen glyph of a font at a size: (glyph id, advance).
    fn hyphen(&mut self, key: (u64, u32, u32), size: f32) -> (u32, f32) {
        if let Some(found) = self.hyphens.get(&key) {
            return *found;
        }
        let found = self
            .fonts
            .face_data(key.0)
            .and_then(|data| FontRef::from_index(data, key.1).ok())
            .and_then(|font| {
                let gid = font.charmap().map('-')?;
                let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
                Some((gid.to_u32(), metrics.advance_width(gid)?))
            })
            .unwrap_or((0, size / 3.0));
        self.hyphens.insert(key, found);
        found
    }

    /// Line `index` of the layout, placed in a box `target` wide.
    fn line(
        &mut self,
        p: &Paragraph,
        index: usize,
        target: f32,
        missing: &mut Vec<Missing>,
    ) -> ShapedLine {
        let Some(line) = self.layout.get(index) else {
            return ShapedLine::default();
        };
        let end = LineEnd::of(p, line.text_range(), line.break_reason());
        let mut placed = LineGlyphs::take_cleared(&mut self.placed);
        for run in line.runs() {
            placed.place_run(&run, p, end.visible, missing);
        }
        self.finish_line(p, &end, placed, target)
    }

    /// A line whose glyphs are placed, finished: its visible hyphen, its
    /// justification in a box `target` wide, its alignment and its runs.
    fn finish_line(
        &mut self,
        p: &Paragraph,
        end: &LineEnd,
        mut placed: LineGlyphs,
        target: f32,
    ) -> ShapedLine {
        if end.hyphenated
            && !p.rtl
            && let Some(key) = placed.last_key()
        {
            let (id, advance) = self.hyphen((key.blob, key.index, key.size.to_bits()), key.size);
            placed.push_hyphen(key, id, advance, text_offset(p.text.len()));
        }
        let width = if p.align == Align::Justify && !end.last && placed.pen < target {
            placed.justify(target, lang_style(p.lang).justify)
        } else {
            placed.pen
        };
        let offset = align_offset(p, width, target);
        let (runs, glyphs) = self.cut_runs(&placed.glyphs, &placed.runs, offset);
        let shaped = ShapedLine {
            runs,
            glyphs,
            width,
            text: end.range.start..end.visible,
            hyphenated: end.hyphenated,
            forced: end.forced,
        };
        // The buffers serve the next line.
        self.placed = placed;
        shaped
    }

    /// Cuts a line's glyphs, moved right by `offset`, into its runs (each
    /// starting at its glyph index, of one font, size and span), their
    /// glyphs packed into one buffer.
    fn cut_runs(
        &self,
        glyphs: &[PlacedGlyph],
        starts: &[(usize, RunKey)],
        offset: f32,
    ) -> (Vec<GlyphRun>, Vec<u8>) {
        let mut runs: Vec<GlyphRun> = Vec::with_capacity(starts.len());
        let mut packed = Vec::with_capacity(glyphs.len() * 8);
        for (i, &(start, key)) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(glyphs.len(), |&(next, _)| next);
            let same = glyphs.get(start..end).unwrap_or_default();
            let Some(font) = self.fonts.pdf_font(key.blob, key.index) else {
                continue;
            };
            let (Some(head), Some(last)) = (same.first(), same.last()) else {
                continue;
            };
            let mut run = GlyphRun {
                font: font.clone(),
                size: key.size,
                span: key.span as usize,
                rtl: key.rtl,
                slant: key.slant,
                embolden: key.embolden,
                left: head.x + offset,
                right: last.x + offset + last.advance,
                text_start: same.iter().map(|g| g.text.start).min().unwrap_or(0),
                glyphs: 0..0,
            };
            let at = packed.len();
            packed::pack(same, offset, run.unit(), &mut packed);
            run.glyphs = buffer_offset(at)..buffer_offset(packed.len());
            runs.push(run);
        }
        packed.shrink_to_fit();
        (runs, packed)
    }
}

/// Whether parley may shape a face a word at a time: the bundled faces
/// have no lookup reaching across a space beyond its neighbours (tested
/// for the direct path and for parley's right-to-left runs).
fn bundled_and_word_local(data: &[u8], _index: u32) -> bool {
    super::fonts::is_bundled(data)
}

/// The room of line `i`: its width, less what earlier passes took off it
/// to make room for its hyphen.
fn line_room(widths: &dyn Fn(usize) -> f32, narrower: &[f32], i: usize) -> f32 {
    widths(i) - narrower.get(i).copied().unwrap_or(0.0)
}

/// An offset into a line's packed glyphs (a line is far below 4 GB).
fn buffer_offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// A byte offset of a paragraph's text as a glyph stores it.
fn text_offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Whether the text before byte `at` is white space (a line broken there
/// broke between words, not inside one).
fn ends_at_space(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|t| t.chars().next_back())
        .is_none_or(char::is_whitespace)
}

/// Breaks a paragraph's lines, some made narrower by the amounts given
/// (see `Shaper::break_with_hyphen_room`).
/// The first `usize` lines of the last pass may be kept: only later
/// lines' widths changed since (parley's breaker starts afresh).
type BreakLines = fn(&mut Shaper, &dyn Fn(usize) -> f32, &[f32], usize);
/// The first line that ends at a hyphenation point with no room for the
/// hyphen, and the room it lacks; the lines before the `usize`th have room
/// (an earlier pass found none lacking it, and they have not changed).
type Overfull =
    fn(&mut Shaper, &Paragraph, &dyn Fn(usize) -> f32, &[f32], usize) -> Option<(usize, f32)>;

/// How a broken line ends, from its text (trailing spaces included) and
/// why it was broken there.
struct LineEnd {
    range: Range<usize>,
    /// The end of its visible text: trailing spaces dropped.
    visible: usize,
    /// The paragraph's last line (never justified).
    last: bool,
    /// Broken at a hyphenation point: a hyphen is drawn.
    hyphenated: bool,
    /// Broken inside a word longer than the line.
    forced: bool,
}

impl LineEnd {
    fn of(p: &Paragraph, range: Range<usize>, reason: BreakReason) -> LineEnd {
        let last = matches!(reason, BreakReason::None | BreakReason::Explicit);
        LineEnd {
            visible: visible_end(p.text, range.clone()),
            last,
            hyphenated: !last && ends_at_hyphen(p, range.clone()),
            forced: reason == BreakReason::Emergency && !ends_at_space(p.text, range.end),
            range,
        }
    }
}

/// The look of a run of text: what parley shapes it with.
#[derive(Clone, Copy, PartialEq)]
struct Look {
    size: f32,
    bold: bool,
    italic: bool,
}

/// The spans as ranges of one look, adjacent spans of the same look
/// merged: parley keeps a style per range (at most 65,535), and a link or
/// a note mark in running text only needs its own run when drawn.
fn looks(spans: &[SpanStyle]) -> Vec<(Range<usize>, Look)> {
    let mut out: Vec<(Range<usize>, Look)> = Vec::new();
    for span in spans {
        let look = Look {
            size: span.size,
            bold: span.bold,
            italic: span.italic,
        };
        match out.last_mut() {
            Some((range, last)) if *last == look && range.end == span.range.start => {
                range.end = span.range.end;
            }
            _ => out.push((span.range.clone(), look)),
        }
    }
    out
}

/// The index of the span holding byte `at` (spans are contiguous and in order).
fn span_at(spans: &[SpanStyle], at: usize) -> usize {
    spans
        .partition_point(|s| s.range.end <= at)
        .min(spans.len().saturating_sub(1))
}

/// [`span_at`], tried first at `guess` (the span of the character before,
/// which most characters share): the same index, without the search.
fn span_from(spans: &[SpanStyle], at: usize, guess: usize) -> usize {
    let last = spans.len().saturating_sub(1);
    let after_previous = guess == 0 || spans.get(guess - 1).is_some_and(|s| s.range.end <= at);
    let before_own_end = guess == last || spans.get(guess).is_some_and(|s| s.range.end > at);
    if guess <= last && after_previous && before_own_end {
        guess
    } else {
        span_at(spans, at)
    }
}

/// Whether a line ends inside a word, at one of its hyphenation points.
fn ends_at_hyphen(p: &Paragraph, range: Range<usize>) -> bool {
    range.end > range.start
        && range.end < p.text.len()
        && p.hyphens.binary_search(&range.end).is_ok()
}

/// The line-break decision for each pair of adjacent characters, with the
/// character after the pair: allowed at hyphenation points, forbidden
/// inside unbroken ranges, otherwise left to UAX #14.
fn break_overrides(p: &Paragraph) -> Vec<(char, Option<bool>)> {
    if p.hyphens.is_empty() && p.unbroken.is_empty() {
        return Vec::new();
    }
    let mut overrides = Overrides::new(p);
    p.text
        .char_indices()
        .skip(1)
        .map(|(at, c)| (c, overrides.before(at)))
        .collect()
}

/// The break decisions of a paragraph, asked for in text order: one
/// cursor over its hyphenation points and one over its unbroken ranges
/// keep a paragraph citing thousands of symbols linear.
struct Overrides<'a> {
    /// The hyphenation points and unbroken ranges not yet passed (slices
    /// that shrink from the front: a cursor each, without the state of a
    /// peekable iterator, since every character asks).
    hyphens: &'a [usize],
    unbroken: &'a [Range<usize>],
}

impl<'a> Overrides<'a> {
    fn new(p: &Paragraph<'a>) -> Overrides<'a> {
        Overrides {
            hyphens: p.hyphens,
            unbroken: p.unbroken,
        }
    }

    /// The decision for a break before the character at byte `at` (not
    /// before the last one asked for): forbidden inside an unbroken range,
    /// allowed at a hyphenation point, else `None` (UAX #14 decides).
    fn before(&mut self, at: usize) -> Option<bool> {
        while let Some((&h, rest)) = self.hyphens.split_first()
            && h < at
        {
            self.hyphens = rest;
        }
        while let Some((r, rest)) = self.unbroken.split_first()
            && r.end <= at
        {
            self.unbroken = rest;
        }
        if self.unbroken.first().is_some_and(|r| r.start < at) {
            Some(false)
        } else if self.hyphens.first() == Some(&at) {
            Some(true)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests;
