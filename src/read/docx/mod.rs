//! Reader for DGACM Word files (`.docx`, `.docm`): the archive's and the
//! drafters' format. The package is opened with limits (see [`package`]),
//! each part is streamed with quick-xml ([`xml`]), and the story is read
//! into Word's own blocks ([`content`], [`runs`]) before styles, numbering
//! and labels decide what each block is ([`flow`], [`build`]; note marks
//! outside tables in [`lead_marks`]). Diagnostics
//! point at places: the part, `paragraph 57` or `table 3, row 2, cell 4`,
//! and the text there.

mod build;
mod content;
mod flow;
mod inlines;
mod lead_marks;
mod masthead;
mod numbering;
pub mod package;
mod places;
mod rels;
mod runs;
mod styles;
mod tables;
mod xml;

use std::collections::HashMap;

use super::{ReadOutcome, Source, SourceView};
use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{Document, Footnote, Masthead, Span};
use content::{Node, Stats, Story};
use inlines::SupLetter;
use package::{Package, Rels};
use places::Ctx;
use styles::Styles;

/// Whether a file's first bytes look like a Word file: a zip package.
pub fn looks_like(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04")
}

/// Reads a Word file from its bytes.
pub fn read_source(source: &Source) -> ReadOutcome {
    read(source.bytes)
}

/// Reads a Word file held in memory.
pub fn read(bytes: &[u8]) -> ReadOutcome {
    match read_package(bytes) {
        Ok(outcome) => outcome,
        Err(d) => ReadOutcome::failed(d),
    }
}

/// The parts a document is read from.
struct Parts {
    main: String,
    rels: Rels,
    styles: Styles,
    numbering: numbering::Numbering,
    stats: Stats,
}

fn read_package(bytes: &[u8]) -> Result<ReadOutcome, Diagnostic> {
    let mut package = Package::open(bytes)?;
    let main = rels::main_part(&mut package)?;
    let Some(document) = package.part(&main)? else {
        return Err(Diagnostic::new(
            Code::BadPackage,
            Span::default(),
            "this zip package has no `word/document.xml`: it is not a Word document",
        ));
    };
    let rels = rels::read(&mut package, &main)?;
    let styles = match related(&mut package, &rels, "styles")? {
        Some((name, b)) => Styles::read(&b, &name)?,
        None => Styles::default(),
    };
    let numbering = match related(&mut package, &rels, "numbering")? {
        Some((name, b)) => numbering::Numbering::read(&b, &name)?,
        None => numbering::Numbering::default(),
    };
    let mut parts = Parts {
        main,
        rels,
        styles,
        numbering,
        stats: Stats::default(),
    };
    let (nodes, section_refs) = {
        let mut story = Story::new(
            &document,
            &parts.main,
            &parts.styles,
            &parts.rels,
            &mut parts.stats,
        );
        let nodes = xml::reading_part(&document, || story.blocks_in_place())?;
        (nodes, story.section_refs.take().unwrap_or_default())
    };
    drop(document);
    assemble(&mut package, parts, nodes, &section_refs)
}

/// The part a relationship of `kind` names, with its bytes.
fn related(
    package: &mut Package,
    rels: &Rels,
    kind: &str,
) -> Result<Option<(String, Vec<u8>)>, Diagnostic> {
    let Some(target) = rels
        .values()
        .filter(|r| r.kind == kind && !r.external)
        .map(|r| r.target.clone())
        .min()
    else {
        return Ok(None);
    };
    Ok(package.part(&target)?.map(|b| (target, b)))
}

/// The header or footer the first page shows: the first section's
/// `first` one when it has a distinct first page, else its default.
fn first_page_part(
    refs: &[(String, String, String)],
    element: &str,
    rels: &Rels,
) -> Option<String> {
    let title_page = refs.iter().any(|(e, _, _)| e == "titlePg");
    let pick = |which: &str| {
        refs.iter()
            .find(|(e, w, _)| e == element && w == which)
            .and_then(|(_, _, id)| rels.get(id))
            .map(|r| r.target.clone())
    };
    if title_page {
        pick("first").or_else(|| pick("default"))
    } else {
        pick("default")
    }
}

fn assemble(
    package: &mut Package,
    mut parts: Parts,
    nodes: Vec<Node>,
    refs: &[(String, String, String)],
) -> Result<ReadOutcome, Diagnostic> {
    let story_of = |package: &mut Package,
                    parts: &mut Parts,
                    name: Option<String>|
     -> Result<(String, Vec<Node>), Diagnostic> {
        let Some(name) = name else {
            return Ok((String::new(), Vec::new()));
        };
        let Some(bytes) = package.part(&name)? else {
            return Ok((name, Vec::new()));
        };
        let empty = Rels::new();
        let nodes = Story::new(&bytes, &name, &parts.styles, &empty, &mut parts.stats).blocks()?;
        Ok((name, nodes))
    };
    let header_name = first_page_part(refs, "headerReference", &parts.rels);
    let footer_name = first_page_part(refs, "footerReference", &parts.rels);
    let (header_part, header) = story_of(package, &mut parts, header_name)?;
    let (footer_part, footer) = story_of(package, &mut parts, footer_name)?;
    let notes = notes_of(package, &mut parts, "footnotes")?;
    let endnotes = notes_of(package, &mut parts, "endnotes")?;
    let stats = parts.stats.clone();
    let has_comments = parts.rels.values().any(|r| r.kind == "comments");

    let mut ctx = Ctx::new(&header_part, &parts.styles);
    let mut m = Masthead::default();
    let lang = masthead::header(&masthead::lines(&header), &mut m, &mut ctx).unwrap_or(Lang::En);
    ctx.part = footer_part;
    masthead::footer(&masthead::lines(&footer), &mut m, &mut ctx);
    m.infer_duty_station(masthead::on_letter_paper(refs));
    ctx.part = parts.main.clone();

    let mut pictures = pictures(package, &parts.rels);
    let mut reader = build::Reader {
        ctx: &mut ctx,
        numbering: std::mem::take(&mut parts.numbering),
        pictures: &mut pictures,
        lang,
    };
    let built = reader.build(&nodes, &mut m);
    drop(reader);
    drop(pictures);
    let footnotes = footnotes(&mut ctx, &notes, &endnotes);
    warn_dropped(&mut ctx, &stats, has_comments, &built);
    finish(ctx, m, lang, built, footnotes)
}

fn notes_of(
    package: &mut Package,
    parts: &mut Parts,
    kind: &str,
) -> Result<(String, HashMap<i64, Vec<Node>>), Diagnostic> {
    let Some((name, bytes)) = related(package, &parts.rels, kind)? else {
        return Ok((String::new(), HashMap::new()));
    };
    let empty = Rels::new();
    let notes = Story::new(&bytes, &name, &parts.styles, &empty, &mut parts.stats).notes()?;
    Ok((name, notes.into_iter().collect()))
}

/// Loads pictures by relationship id, from the main part's relationships.
fn pictures<'p>(
    package: &'p mut Package<'_>,
    rels: &'p Rels,
) -> impl FnMut(&str) -> Option<Result<crate::model::Image, String>> + 'p {
    move |id: &str| {
        let rel = rels.get(id).filter(|r| !r.external)?;
        match package.part(&rel.target) {
            Ok(Some(bytes)) => Some(crate::image::probe(&bytes)),
            Ok(None) => None,
            Err(d) => Some(Err(d.message)),
        }
    }
}

/// The footnotes in the order their references were met.
fn footnotes(
    ctx: &mut Ctx,
    notes: &(String, HashMap<i64, Vec<Node>>),
    endnotes: &(String, HashMap<i64, Vec<Node>>),
) -> Vec<Footnote> {
    let order = ctx.notes.order.clone();
    let main = ctx.part.clone();
    let mut out = Vec::new();
    for (i, (endnote, id)) in order.into_iter().enumerate() {
        let (part, map) = if endnote { endnotes } else { notes };
        ctx.part = part.clone();
        let mut content = Vec::new();
        let mut span = Span::default();
        for node in map.get(&id).map(Vec::as_slice).unwrap_or_default() {
            let Node::Para(p) = node else { continue };
            let at = ctx.place(p);
            if span.line == 0 {
                span = at;
            }
            let inl = ctx.inlines(p, flow::lead(p), SupLetter::Letter, at);
            if !content.is_empty() && !inl.is_empty() {
                content.push(crate::model::Inline::Text(" ".into()));
            }
            content.extend(inl);
        }
        out.push(Footnote {
            n: i as u32 + 1,
            content: crate::read::inline::merge_text(content),
            span,
        });
    }
    ctx.part = main;
    out
}

/// One warning for each kind of content the reader drops or changes.
fn warn_dropped(ctx: &mut Ctx, stats: &Stats, has_comments: bool, built: &build::Built) {
    let at = |ctx: &mut Ctx, position: &Option<String>| {
        let position = position
            .clone()
            .unwrap_or_else(|| "the whole document".into());
        ctx.place_at(&position, "")
    };
    if stats.revisions > 0 {
        let span = at(ctx, &stats.revision_at);
        ctx.warn(span, format!("{} tracked changes: the text is read as if they were accepted (insertions kept, deletions dropped)", stats.revisions));
    }
    if stats.comments > 0 || has_comments {
        let span = at(ctx, &stats.comment_at);
        ctx.warn(span, "the comments of the Word file are dropped");
    }
    if let Some((prefix, _)) = &built.prefixed {
        let span = at(ctx, &None);
        ctx.warn(span, crate::read::section_prefix_warning(prefix));
    }
}

fn finish(
    ctx: Ctx,
    masthead: Masthead,
    lang: Lang,
    built: build::Built,
    footnotes: Vec<Footnote>,
) -> Result<ReadOutcome, Diagnostic> {
    let mut diagnostics = ctx.diagnostics;
    let view = SourceView::Places(ctx.places);
    let Some(title) = built.title.or_else(|| built.subtitle.clone()) else {
        diagnostics.push(Diagnostic::new(
            Code::MissingTitle,
            Span::default(),
            "no title: no paragraph in the TitleHCH style (or Title) was found",
        ));
        return Ok(ReadOutcome {
            document: None,
            diagnostics,
            view,
            decisions: Vec::new(),
        });
    };
    let document = Document {
        lang,
        masthead,
        subtitle: built.subtitle.filter(|s| s.span != title.span),
        title,
        summary: built.summary,
        contents: built.contents,
        preamble: built.preamble,
        body: built.body,
        footnotes,
        annexes: built.annexes,
    };
    Ok(ReadOutcome {
        document: Some(document),
        diagnostics,
        view,
        decisions: Vec::new(),
    })
}
