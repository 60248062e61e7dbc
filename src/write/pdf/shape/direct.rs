//! The direct path: paragraphs of Latin, Cyrillic, Chinese and Arabic
//! text laid out without parley.
//!
//! Parley spends most of a paragraph's layout time on what such text does
//! not need: bidi and script analysis of every character, style
//! resolution, font selection per cluster and its own data structures.
//! Here the text is cut where parley cuts it (a segment per script, a run
//! per font, each character in the first font of its families that maps
//! it), shaped by harfrust with the calls parley makes, and broken by a
//! first-fit breaker that follows parley's rules and arithmetic: the same
//! UAX #14 opportunities (ICU4X, strict) with our overrides, the same last
//! resort inside words, spaces hanging past the line end. A right-to-left
//! paragraph takes its bidi levels from parley's resolver, is cut where
//! they change as well, and each line is put in visual order as parley
//! orders its runs. The lines, and so the PDFs, are the same as parley's
//! (the tests compare both engines); anything else (other scripts, marks,
//! format characters, a character no family maps, a variable face's
//! synthesis, a font that does not give one glyph a character, but for a
//! right-to-left ligature) returns `None` and goes to parley.

mod alone;
mod breaks;
mod face;
mod prose_breaks;
mod rtl;
mod script;
mod words;

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use parley::fontique::{Attributes, Blob, FontStyle, FontWeight, QueryFamily, QueryStatus};
use parley::{Glyph, Language};

use crate::lang::Lang;
use crate::script::{Script, simple_char, simple_rtl_char};
use crate::write::pdf::style::lang_style;

use breaks::{Line, break_atoms_after, mark_breaks};
use face::{Face, new_face};
use rtl::push_ligated;
use script::{harfrust_script, script_runs, segments};
use words::{Context, Shaped, Words};

use super::place::{ClusterKind, LineGlyphs, RunKey, Single};
use super::{
    LineEnd, Missing, Paragraph, ShapedLine, Shaper, ends_at_hyphen, line_room, looks, span_from,
    text_offset,
};

/// A font a look may be set in: a face of [`Direct::loaded`], with the
/// slant or weight the look asks for and the face has not got, which the
/// drawing synthesizes (a variable font's synthesis changes the shaping:
/// such text is left to parley).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    face: usize,
    slant: bool,
    embolden: bool,
    varied: bool,
}

/// The fonts of a look, in the order parley tries them; shared, as every
/// run of the look asks for them.
type Candidates = Rc<[Candidate]>;

/// The direct path's state, kept by a thread's shaper.
#[derive(Default)]
pub(super) struct Direct {
    /// The fonts of each language's families for (bold, italic), in order.
    candidates: HashMap<(Lang, bool, bool), Option<Candidates>>,
    /// Each language as harfrust takes it, parsed once.
    languages: HashMap<Lang, Option<harfrust::Language>>,
    /// Every face met, each once.
    loaded: Vec<Face>,
    /// Each character of the paragraph being laid out.
    atoms: Vec<Atom>,
    /// Its lines, as last broken.
    lines: Vec<Line>,
    buffer: Option<harfrust::UnicodeBuffer>,
    /// The glyphs of the run being shaped, and of a piece of it.
    glyphs: Vec<Shaped>,
    scratch: Vec<Shaped>,
    /// Pieces of runs shaped on this thread.
    words: Words,
    /// Parley's bidi resolver, the levels of the paragraph being laid
    /// out by character and as runs of bytes (one run of level 0 left to
    /// right).
    bidi: parley_engine::Analyzer,
    char_levels: Vec<u8>,
    levels: Vec<(Range<usize>, u8)>,
    /// The level of each of [`Direct::atoms`], right to left only (kept
    /// apart, so that left-to-right atoms stay as small as they were).
    atom_levels: Vec<u8>,
    /// A line's atoms in visual order.
    order: Vec<usize>,
    /// A run's piece with the run's context around it: the key it is kept
    /// by.
    keyed: String,
    /// Texts harfrust has shaped on this thread (the tests count what the
    /// cache spares).
    shaped: usize,
}

/// How a run is shaped: its face, script, language, size and direction.
struct Shaping {
    face: u16,
    script: Script,
    lang: Lang,
    size: f32,
    rtl: bool,
}

impl Shaping {
    /// The key of a piece shaped this way, with a neighbour before it
    /// and after it or not.
    fn context(&self, before: bool, after: bool) -> Context {
        self.context_around(before, after, ("", ""))
    }

    /// The same, for a piece at an end of its run, where the run's own
    /// context (`around`, as [`run_context`] cuts it) is shaped with it.
    fn context_around(&self, before: bool, after: bool, around: (&str, &str)) -> Context {
        Context {
            face: self.face,
            script: self.script,
            lang: self.lang,
            size_bits: self.size.to_bits(),
            rtl: self.rtl,
            before,
            after,
            // At most five characters of four bytes each.
            context_before: around.0.len() as u8,
            context_after: around.1.len() as u8,
        }
    }
}

/// The characters harfrust reads of a run's context, as HarfBuzz does:
/// five on either side (its `CONTEXT_LENGTH`). Shaping with more gives the
/// same glyphs, so a piece at an end of its run is kept by these.
const RUN_CONTEXT: usize = 5;

/// The end of the text before a run and the start of the text after it,
/// each [`RUN_CONTEXT`] characters at most.
fn run_context<'a>((before, after): (&'a str, &'a str)) -> (&'a str, &'a str) {
    let start = before
        .char_indices()
        .rev()
        .nth(RUN_CONTEXT - 1)
        .map_or(0, |(at, _)| at);
    let end = after
        .char_indices()
        .nth(RUN_CONTEXT)
        .map_or(after.len(), |(at, _)| at);
    (&before[start..], &after[..end])
}

/// One character of a paragraph, shaped: parley's cluster and atom.
#[derive(Debug, Clone, Copy)]
struct Atom {
    /// Its text bytes.
    start: u32,
    end: u32,
    glyph: Glyph,
    /// Index of its face in [`Direct::loaded`].
    face: u16,
    /// Synthesized slant and weight.
    slant: bool,
    embolden: bool,
    size: f32,
    /// A break is allowed before it (UAX #14 and our overrides).
    soft: bool,
    /// A break is allowed before it as the last resort (inside a word
    /// longer than the line).
    emergency: bool,
    /// A space, which hangs past the end of a line.
    space: bool,
    /// What its character does in justification, known as it is shaped
    /// (a line's placing would otherwise decode it again).
    kind: ClusterKind,
}

impl Atom {
    /// It has no glyph of its own (its glyph is [`words::JOINED`]): a
    /// ligature of the characters before it (right to left only) holds
    /// it, and the whole ligature's advance.
    fn joined(&self) -> bool {
        self.glyph.id == words::JOINED
    }
}

impl Shaper {
    /// Lays out `p` on the direct path, or `None` when it is not for it.
    pub(super) fn lay_out_direct(
        &mut self,
        p: &Paragraph,
        missing: &mut Vec<Missing>,
    ) -> Option<Vec<ShapedLine>> {
        if lang_style(p.lang).letter_spacing > 0.0 || p.text.len() > u32::MAX as usize {
            return None;
        }
        self.shape_direct(p)?;
        let widths = |i: usize| if i == 0 { p.first_width } else { p.width };
        self.break_with_hyphen_room(
            p,
            &widths,
            Shaper::break_direct,
            Shaper::direct_overfull_hyphen,
        );
        let lines = std::mem::take(&mut self.direct.lines);
        let placed = lines
            .iter()
            .enumerate()
            .map(|(i, line)| self.direct_line(p, line, widths(i), missing))
            .collect();
        self.direct.lines = lines;
        Some(placed)
    }

    /// Breaks [`Direct::atoms`] into [`Direct::lines`], keeping the first
    /// `kept` lines of the last pass over the same atoms.
    fn break_direct(&mut self, widths: &dyn Fn(usize) -> f32, narrower: &[f32], kept: usize) {
        let lines = &mut self.direct.lines;
        lines.truncate(kept);
        break_atoms_after(&self.direct.atoms, widths, narrower, lines);
    }

    /// Shapes `p` into [`Direct::atoms`], or `None` when it is not for
    /// the direct path.
    fn shape_direct(&mut self, p: &Paragraph) -> Option<()> {
        let scripts = if p.rtl {
            script_runs(p.text, simple_rtl_char)?
        } else {
            script_runs(p.text, simple_char)?
        };
        self.resolve_levels(p);
        self.direct.atom_levels.clear();
        let mut atoms = std::mem::take(&mut self.direct.atoms);
        atoms.clear();
        atoms.reserve(p.text.len());
        let levels = std::mem::take(&mut self.direct.levels);
        let shaped = self.shape_looks(p, &scripts, &levels, &mut atoms);
        self.direct.levels = levels;
        let whole = shaped.is_some() && atoms.len() == p.text.chars().count();
        if whole {
            mark_breaks(p, &mut atoms);
        }
        self.direct.atoms = atoms;
        whole.then_some(())
    }

    /// Shapes each look of `p` as parley cuts it: a segment per script
    /// and bidi level (`levels`, runs of bytes), a run per font within it.
    fn shape_looks(
        &mut self,
        p: &Paragraph,
        scripts: &[(Range<usize>, Script)],
        levels: &[(Range<usize>, u8)],
        atoms: &mut Vec<Atom>,
    ) -> Option<()> {
        for (range, look) in looks(p.spans) {
            let candidates = self.candidates(p.lang, look.bold, look.italic)?;
            for (segment, script) in segments(scripts, range) {
                for (piece, level) in segments(levels, segment) {
                    for (run, face) in self.font_runs(p.text, piece, &candidates)? {
                        let how = (script, level, face, look.size);
                        self.shape_run(p, run, how, atoms)?;
                    }
                }
            }
        }
        Some(())
    }

    /// `segment` of `text` cut where the font changes: each character in
    /// the first candidate that maps it, as parley selects fonts. `None`
    /// if none does, or the one that does is a variable font whose
    /// synthesis changes its shaping.
    fn font_runs(
        &self,
        text: &str,
        segment: Range<usize>,
        candidates: &[Candidate],
    ) -> Option<Vec<(Range<usize>, Candidate)>> {
        let mut runs: Vec<(Range<usize>, Candidate)> = Vec::new();
        for (at, c) in text.get(segment.clone())?.char_indices() {
            let at = segment.start + at;
            let found = candidates
                .iter()
                .find(|f| self.direct.loaded[f.face].covers(c))?;
            if found.varied {
                return None;
            }
            match runs.last_mut() {
                Some((run, font)) if font == found => run.end = at + c.len_utf8(),
                _ => runs.push((at..at + c.len_utf8(), *found)),
            }
        }
        Some(runs)
    }

    /// The fonts the families of `lang` give for a look, in order, loaded
    /// once; `None` if a family is not a named one.
    fn candidates(&mut self, lang: Lang, bold: bool, italic: bool) -> Option<Candidates> {
        if let Some(found) = self.direct.candidates.get(&(lang, bold, italic)) {
            return found.clone();
        }
        let found: Option<Candidates> = self.load_candidates(lang, bold, italic).map(Rc::from);
        self.direct
            .candidates
            .insert((lang, bold, italic), found.clone());
        found
    }

    fn load_candidates(&mut self, lang: Lang, bold: bool, italic: bool) -> Option<Vec<Candidate>> {
        let names: Vec<String> = self
            .families
            .get(&lang)?
            .iter()
            .map(|f| match f {
                parley::FontFamilyName::Named(name) => Some(name.to_string()),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let mut query = self
            .font_cx
            .collection
            .query(&mut self.font_cx.source_cache);
        query.set_families(names.iter().map(|n| QueryFamily::Named(n.as_str())));
        query.set_attributes(Attributes {
            weight: if bold {
                FontWeight::BOLD
            } else {
                FontWeight::NORMAL
            },
            style: if italic {
                FontStyle::Italic
            } else {
                FontStyle::Normal
            },
            ..Attributes::default()
        });
        // Every font the query yields with a character map, in order:
        // parley takes the first that maps a cluster's characters.
        let mut fonts = Vec::new();
        query.matches_with(|font| {
            if font.charmap().is_some() {
                fonts.push(font.clone());
            }
            QueryStatus::Continue
        });
        drop(query);
        let mut candidates = Vec::with_capacity(fonts.len());
        for font in fonts {
            let face = self.face_of(font.blob, font.index)?;
            candidates.push(Candidate {
                face,
                slant: font.synthesis.skew().is_some(),
                embolden: font.synthesis.embolden(),
                varied: !font.synthesis.variation_settings().is_empty(),
            });
        }
        Some(candidates)
    }

    /// The index of a face in [`Direct::loaded`], loaded on first use.
    fn face_of(&mut self, blob: Blob<u8>, index: u32) -> Option<usize> {
        let loaded = &mut self.direct.loaded;
        if let Some(at) = loaded
            .iter()
            .position(|f| f.blob.id() == blob.id() && f.index == index)
        {
            return Some(at);
        }
        loaded.push(new_face(blob, index)?);
        Some(loaded.len() - 1)
    }

    /// Shapes the bytes `range` of `p` with one face, as parley's
    /// `shape_run` does, appending an atom per character: a piece at a
    /// time through the thread's cache for a face whose shaping does not
    /// reach across spaces ([`words`]), else the run at once. `how` is the
    /// run's script, bidi level, font and size.
    fn shape_run(
        &mut self,
        p: &Paragraph,
        range: Range<usize>,
        (script, level, chosen, size): (Script, u8, Candidate, f32),
        atoms: &mut Vec<Atom>,
    ) -> Option<()> {
        let run_text = p.text.get(range.clone())?;
        let face = u16::try_from(chosen.face).ok()?;
        let mut glyphs = std::mem::take(&mut self.direct.glyphs);
        glyphs.clear();
        let how = Shaping {
            face,
            script,
            lang: p.lang,
            size,
            rtl: level % 2 == 1,
        };
        let (before, after) = (&p.text[..range.start], &p.text[range.end..]);
        let shaped = if self.direct.loaded[chosen.face].word_local {
            self.shape_pieces(&how, run_text, (before, after), &mut glyphs)
        } else {
            self.shape_text(&how, run_text, before, after, &mut glyphs)
        };
        if shaped.is_some() {
            let scale = size / self.direct.loaded[chosen.face].units_per_em;
            for ((at, ch), g) in run_text.char_indices().zip(&glyphs) {
                let start = range.start + at;
                atoms.push(Atom {
                    start: text_offset(start),
                    end: text_offset(start + ch.len_utf8()),
                    glyph: Glyph {
                        id: g.id,
                        x: (g.x_offset as f32) * scale,
                        y: -(g.y_offset as f32) * scale,
                        advance: (g.x_advance as f32) * scale,
                    },
                    face,
                    slant: chosen.slant,
                    embolden: chosen.embolden,
                    size,
                    soft: false,
                    emergency: false,
                    space: matches!(ch, ' ' | '\u{3000}'),
                    kind: ClusterKind::of(ch),
                });
            }
            if p.rtl {
                // A glyph (or a ligature's part) a character.
                let count = glyphs.len();
                self.direct
                    .atom_levels
                    .extend(std::iter::repeat_n(level, count));
            }
        }
        self.direct.glyphs = glyphs;
        shaped
    }

    /// Shapes the run `text` a piece at a time, each piece between its
    /// neighbours and kept by the thread, appending a glyph per character
    /// to `out`. The first and last pieces get the run's own context, the
    /// paragraph's text `around` it, as the whole run would, and are kept
    /// with as much of it as harfrust reads ([`run_context`]). An ideograph
    /// the face shapes alone ([`alone`]) is a piece of its own, kept with
    /// no context.
    fn shape_pieces(
        &mut self,
        how: &Shaping,
        text: &str,
        around: (&str, &str),
        out: &mut Vec<Shaped>,
    ) -> Option<()> {
        let mut scratch = std::mem::take(&mut self.direct.scratch);
        let mut keyed = std::mem::take(&mut self.direct.keyed);
        let (run_before, run_after) = run_context(around);
        let mut shaped = Some(());
        let alone = Rc::clone(&self.direct.loaded[usize::from(how.face)].alone);
        let cut_alone = (!alone.is_empty())
            .then_some(|c, next| face::has_bit(&alone, c) && alone::stays_apart(next));
        let alone_context = how.context(false, false);
        let mut kept_alone = match cut_alone {
            Some(_) => self.direct.words.take_alone(&alone_context),
            None => words::Alone::default(),
        };
        for piece in words::pieces(text, around.1.chars().next(), cut_alone) {
            if piece.alone {
                let c = text[piece.text].chars().next();
                match c.and_then(|c| self.shape_alone(how, c, &mut kept_alone, &mut scratch)) {
                    Some(glyph) => out.push(glyph),
                    None => {
                        shaped = None;
                        break;
                    }
                }
                continue;
            }
            let piece_text = &text[piece.with_neighbours.clone()];
            let before = piece.with_neighbours.start < piece.text.start;
            let after = piece.with_neighbours.end > piece.text.end;
            // The run's context reaches only the pieces at its ends, and
            // only as far as harfrust reads it: such a piece is kept with
            // that context in its key, whose [`Context`] counts its bytes
            // (so that a key splits one way only).
            let pre = if piece.text.start == 0 {
                run_before
            } else {
                ""
            };
            let post = if piece.text.end == text.len() {
                run_after
            } else {
                ""
            };
            let context = how.context_around(before, after, (pre, post));
            let key = if pre.is_empty() && post.is_empty() {
                piece_text
            } else {
                keyed.clear();
                keyed.extend([pre, piece_text, post]);
                keyed.as_str()
            };
            let cached = key.len() <= words::LONGEST;
            if cached && self.direct.words.extend(&context, key, out) {
                continue;
            }
            scratch.clear();
            if self
                .shape_text(how, piece_text, pre, post, &mut scratch)
                .is_none()
            {
                shaped = None;
                break;
            }
            // The neighbour before is one character, the one after too,
            // each with a glyph of its own.
            let skip = usize::from(before);
            let len = text[piece.text.clone()].chars().count();
            let joined_to_neighbour =
                |k: usize| scratch.get(k).is_some_and(|g| g.id == words::JOINED);
            let Some(glyphs) = scratch.get(skip..skip + len) else {
                shaped = None;
                break;
            };
            if (before && joined_to_neighbour(skip)) || (after && joined_to_neighbour(skip + len)) {
                shaped = None;
                break;
            }
            out.extend_from_slice(glyphs);
            if cached {
                self.direct.words.insert(context, key, glyphs);
            }
        }
        self.direct.words.put_alone(alone_context, kept_alone);
        self.direct.scratch = scratch;
        self.direct.keyed = keyed;
        shaped
    }

    /// The glyph of `c`, an ideograph the face shapes alone: kept in
    /// `kept`, or shaped with no context and kept; `None` if it does not
    /// get one glyph of its own.
    fn shape_alone(
        &mut self,
        how: &Shaping,
        c: char,
        kept: &mut words::Alone,
        scratch: &mut Vec<Shaped>,
    ) -> Option<Shaped> {
        if let Some(glyph) = kept.get(&c) {
            return Some(*glyph);
        }
        scratch.clear();
        self.shape_text(how, c.encode_utf8(&mut [0; 4]), "", "", scratch)?;
        let [glyph] = scratch[..] else {
            return None;
        };
        kept.insert(c, glyph);
        Some(glyph)
    }

    /// Shapes `text` (with `before` and `after` it as context) with harfrust
    /// as parley calls it, appending a glyph per character to `out` in
    /// logical order; `None` if a character does not get one glyph of its
    /// own (decompositions, and left to right ligatures: left to parley)
    /// or gets none. Right to left, the characters a ligature joins after
    /// its first get [`words::JOINED`].
    fn shape_text(
        &mut self,
        how: &Shaping,
        text: &str,
        before: &str,
        after: &str,
        out: &mut Vec<Shaped>,
    ) -> Option<()> {
        let language = self
            .direct
            .languages
            .entry(how.lang)
            .or_insert_with(|| {
                Language::parse(how.lang.locale())
                    .ok()
                    .and_then(|l| l.as_str().parse::<harfrust::Language>().ok())
            })
            .as_ref();
        let f = &mut self.direct.loaded[usize::from(how.face)];
        let font = harfrust::FontRef::from_index(f.blob.data(), f.index).ok()?;
        let direction = if how.rtl {
            harfrust::Direction::RightToLeft
        } else {
            harfrust::Direction::LeftToRight
        };
        let plan = f
            .plans
            .entry((how.script, Some(how.lang), how.rtl))
            .or_insert_with(|| {
                let shaper = f.data.shaper(&font).instance(Some(&f.instance)).build();
                harfrust::ShapePlan::new(
                    &shaper,
                    direction,
                    Some(harfrust_script(how.script)),
                    language,
                    &[],
                )
            });
        let shaper = f.data.shaper(&font).instance(Some(&f.instance)).build();
        self.direct.shaped += 1;
        let mut buffer = self.direct.buffer.take().unwrap_or_default();
        buffer.clear();
        buffer.set_cluster_level(harfrust::BufferClusterLevel::MonotoneCharacters);
        buffer.reserve(text.len());
        let mut chars = 0;
        for ch in text.chars() {
            buffer.add(ch, chars);
            chars += 1;
        }
        buffer.set_pre_context(before);
        buffer.set_post_context(after);
        buffer.set_direction(direction);
        buffer.set_script(harfrust_script(how.script));
        if let Some(lang) = language {
            buffer.set_language(lang.clone());
        }
        let shaped = shaper.shape(
            buffer,
            harfrust::ShapeOptions::new()
                .plan(Some(plan))
                .features(&[])
                .point_size(Some(how.size)),
        );
        let pairs = shaped.glyph_infos().iter().zip(shaped.glyph_positions());
        let ok = if how.rtl {
            push_ligated(pairs.rev(), chars as usize, out)
        } else {
            push_one_each(pairs, chars as usize, out)
        };
        self.direct.buffer = Some(shaped.clear());
        ok.then_some(())
    }

    /// The first line that ends at a soft hyphen with no room for the
    /// hyphen, and how much narrower it must be.
    fn direct_overfull_hyphen(
        &mut self,
        p: &Paragraph,
        widths: &dyn Fn(usize) -> f32,
        narrower: &[f32],
        unchanged: usize,
    ) -> Option<(usize, f32)> {
        for i in unchanged..self.direct.lines.len() {
            let line = &self.direct.lines[i];
            if !ends_at_hyphen(p, self.line_text(line)) {
                continue;
            }
            let Some(last) = line.atoms.end.checked_sub(1) else {
                continue;
            };
            let advance = line.advance;
            let atom = self.direct.atoms[last];
            let face = &self.direct.loaded[usize::from(atom.face)];
            let key = (face.blob.id(), face.index, atom.size.to_bits());
            let limit = line_room(widths, narrower, i);
            if let Some(hyphen) = self.hyphen_overflow(key, atom.size, advance, limit) {
                return Some((i, hyphen));
            }
        }
        None
    }

    /// The text bytes of `line`, trailing spaces included.
    fn line_text(&self, line: &Line) -> Range<usize> {
        let atoms = &self.direct.atoms[line.atoms.clone()];
        match (atoms.first(), atoms.last()) {
            (Some(first), Some(last)) => first.start as usize..last.end as usize,
            _ => 0..0,
        }
    }

    /// `line` placed in a box `target` wide, as [`Shaper::line`] places
    /// parley's lines.
    fn direct_line(
        &mut self,
        p: &Paragraph,
        line: &Line,
        target: f32,
        missing: &mut Vec<Missing>,
    ) -> ShapedLine {
        let end = LineEnd::of(p, self.line_text(line), line.reason);
        let mut placed = LineGlyphs::take_cleared(&mut self.placed);
        if p.rtl {
            self.place_visually(p, line.atoms.clone(), end.visible, &mut placed, missing);
        } else {
            self.place_in_order(p, line.atoms.clone(), end.visible, &mut placed, missing);
        }
        self.finish_line(p, &end, placed, target)
    }

    /// Places the atoms `range` (left to right, a glyph each) whose text
    /// starts before `visible`, the line's visible end.
    fn place_in_order(
        &self,
        p: &Paragraph,
        range: Range<usize>,
        visible: usize,
        placed: &mut LineGlyphs,
        missing: &mut Vec<Missing>,
    ) {
        let mut runs = RunCursor::default();
        for atom in &self.direct.atoms[range] {
            let start = atom.start as usize;
            if start >= visible {
                continue; // trailing spaces
            }
            let key = runs.key(self, p, atom, false);
            let single = Single {
                glyph: atom.glyph,
                left: placed.pen,
                text: start..atom.end as usize,
                kind: atom.kind,
            };
            placed.push_single(single, key, p.text, missing);
            placed.pen += atom.glyph.advance;
        }
    }
}

/// What the run key of an atom's glyph is made of.
#[derive(Clone, Copy, PartialEq)]
struct RunParts {
    face: u16,
    size: u32,
    span: u32,
    slant: bool,
    embolden: bool,
    rtl: bool,
}

/// The run keys of a line's atoms as they are placed: a key is made only
/// where what it is made of changes from the last glyph placed, as most
/// glyphs continue the run before them.
#[derive(Default)]
struct RunCursor {
    /// The span of the last atom asked about.
    span: usize,
    /// What the last glyph placed had.
    last: Option<RunParts>,
}

impl RunCursor {
    /// The key of `atom`'s run, `None` if the glyph continues the last
    /// glyph's run or is not placed (glyph 0).
    fn key(&mut self, shaper: &Shaper, p: &Paragraph, atom: &Atom, rtl: bool) -> Option<RunKey> {
        if atom.glyph.id == 0 {
            return None;
        }
        self.span = span_from(p.spans, atom.start as usize, self.span);
        let parts = RunParts {
            face: atom.face,
            size: atom.size.to_bits(),
            span: self.span as u32,
            slant: atom.slant,
            embolden: atom.embolden,
            rtl,
        };
        if self.last == Some(parts) {
            return None;
        }
        self.last = Some(parts);
        let face = &shaper.direct.loaded[usize::from(atom.face)];
        Some(RunKey {
            blob: face.blob.id(),
            index: face.index,
            size: atom.size,
            span: parts.span,
            rtl,
            slant: atom.slant,
            embolden: atom.embolden,
        })
    }
}

/// A glyph as the direct path keeps it.
fn shaped_glyph(info: &harfrust::GlyphInfo, pos: &harfrust::GlyphPosition) -> Shaped {
    Shaped {
        id: info.glyph_id,
        x_offset: pos.x_offset,
        y_offset: pos.y_offset,
        x_advance: pos.x_advance,
    }
}

type GlyphPair<'a> = (&'a harfrust::GlyphInfo, &'a harfrust::GlyphPosition);

/// Appends the glyphs of `chars` characters to `out` if each has one of
/// its own, in order, none of them .notdef.
fn push_one_each<'a>(
    glyphs: impl ExactSizeIterator<Item = GlyphPair<'a>>,
    chars: usize,
    out: &mut Vec<Shaped>,
) -> bool {
    let start = out.len();
    if glyphs.len() != chars {
        return false;
    }
    for (k, (info, pos)) in glyphs.enumerate() {
        if info.cluster as usize != k || info.glyph_id == 0 {
            out.truncate(start);
            return false;
        }
        out.push(shaped_glyph(info, pos));
    }
    true
}

#[cfg(test)]
pub(super) mod tests;
