//! The content of a story part (`document.xml`, a header, footer or the
//! footnotes): paragraphs and tables as Word holds them, before they mean
//! anything. Runs keep their text, bold, italic and superscript; footnote
//! references, pictures and links stand where they are. Fields keep their
//! results (the table of contents is marked so it can be dropped), tracked
//! insertions are kept and deletions dropped, content controls are opened,
//! and text boxes become paragraphs after the one that anchors them.

use super::package::Rels;
use super::styles::{NumRef, Styles};
use super::xml::{Ev, PartReader, attr, local, num, on, val};
use crate::diagnostic::Diagnostic;
use crate::model::Align;

/// A block of a story.
#[derive(Debug, Clone)]
pub enum Node {
    /// A paragraph.
    Para(WPara),
    /// A table.
    Table(WTable),
}

/// A paragraph as written.
#[derive(Debug, Clone, Default)]
pub struct WPara {
    /// Its style id.
    pub style: Option<String>,
    /// Direct numbering.
    pub num: Option<NumRef>,
    /// Direct outline level.
    pub outline: Option<u32>,
    /// Direct alignment.
    pub align: Option<Align>,
    /// Right-to-left paragraph.
    pub bidi: bool,
    /// Its runs.
    pub runs: Vec<Run>,
    /// Part of a table-of-contents field.
    pub toc: bool,
    /// Where it stands (`paragraph 57`, `table 3, row 2, cell 4`).
    pub position: String,
}

/// What a run holds.
#[derive(Debug, Clone, PartialEq)]
pub enum RunKind {
    /// Text, tabs as `\t`.
    Text(String),
    /// A footnote (or endnote) reference by id.
    NoteRef {
        /// The note's `w:id`.
        id: i64,
        /// An endnote rather than a footnote.
        endnote: bool,
    },
    /// A picture: relationship id and alternative text.
    Image {
        /// `r:embed` of its blip.
        rel: String,
        /// The description (`descr`) or title.
        alt: String,
    },
}

/// A run with its formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// What it holds.
    pub kind: RunKind,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Superscript.
    pub sup: bool,
    /// The web address it links to.
    pub link: Option<String>,
}

/// A table as written.
#[derive(Debug, Clone, Default)]
pub struct WTable {
    /// Grid column widths (twentieths of a point).
    pub grid: Vec<i64>,
    /// Its rows.
    pub rows: Vec<WRow>,
    /// `table 3`.
    pub position: String,
}

/// A row.
#[derive(Debug, Clone, Default)]
pub struct WRow {
    /// A header row, repeated on each page.
    pub header: bool,
    /// Grid columns skipped before the first cell and after the last.
    pub grid_before: u32,
    /// See `grid_before`.
    pub grid_after: u32,
    /// Its cells.
    pub cells: Vec<WCell>,
}

/// Whether a cell starts or continues a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VMerge {
    /// The first cell of a merge.
    Restart,
    /// A cell covered by the one above.
    Continue,
}

/// A cell.
#[derive(Debug, Clone, Default)]
pub struct WCell {
    /// Grid columns spanned.
    pub span: u32,
    /// Vertical merge.
    pub vmerge: Option<VMerge>,
    /// Its paragraphs and tables.
    pub content: Vec<Node>,
}

/// What the reader met that it does not keep, for one warning each.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Tracked insertions and deletions.
    pub revisions: usize,
    /// Comment marks.
    pub comments: usize,
    /// Fields whose instructions were dropped, results kept.
    pub fields: usize,
    /// Where the first tracked change stands.
    pub revision_at: Option<String>,
    /// Where the first comment mark stands.
    pub comment_at: Option<String>,
}

/// A field being read: what it is, and whether its result has begun.
#[derive(Debug, Clone)]
pub(super) struct Field {
    pub instr: String,
    pub in_result: bool,
}

/// Reads one story part into blocks.
pub struct Story<'a, 's> {
    pub(super) r: PartReader<'a>,
    pub(super) styles: &'s Styles,
    pub(super) rels: &'s Rels,
    pub(super) stats: &'s mut Stats,
    pub(super) fields: Vec<Field>,
    /// Paragraphs read from text boxes, placed after the current paragraph.
    pub(super) boxed: Vec<Node>,
    paragraphs: usize,
    tables: usize,
    /// The first section's header and footer references: (element, type,
    /// id); and its paper size: (`pgSz`, width, height).
    pub section_refs: Option<Vec<(String, String, String)>>,
}

impl<'a, 's> Story<'a, 's> {
    /// A reader of `bytes`, the part `part`.
    pub fn new(
        bytes: &'a [u8],
        part: &'a str,
        styles: &'s Styles,
        rels: &'s Rels,
        stats: &'s mut Stats,
    ) -> Self {
        Story {
            r: PartReader::new(bytes, part),
            styles,
            rels,
            stats,
            fields: Vec::new(),
            boxed: Vec::new(),
            paragraphs: 0,
            tables: 0,
            section_refs: None,
        }
    }

    /// Every block of the part, in order (for the footnotes part, see
    /// [`Story::notes`]).
    pub fn blocks(mut self) -> Result<Vec<Node>, Diagnostic> {
        self.blocks_in_place()
    }

    /// Every block of the part, leaving the reader (and what it noted of
    /// the sections) to be asked.
    pub fn blocks_in_place(&mut self) -> Result<Vec<Node>, Diagnostic> {
        let mut out = Vec::new();
        self.until(None, &mut out, &Place::Story)?;
        Ok(out)
    }

    /// The notes of a footnotes or endnotes part: id → blocks.
    pub fn notes(mut self) -> Result<Vec<(i64, Vec<Node>)>, Diagnostic> {
        let mut out = Vec::new();
        loop {
            match self.r.next()? {
                Ev::Start(e) if matches!(local(&e), b"footnote" | b"endnote") => {
                    let id = num(&e, b"id").unwrap_or(-1);
                    let mut blocks = Vec::new();
                    let place = Place::Note(id);
                    self.until(Some(local(&e).to_vec()), &mut blocks, &place)?;
                    out.push((id, blocks));
                }
                Ev::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    /// Reads blocks until the end of the element `end` (or of the part).
    pub(super) fn until(
        &mut self,
        end: Option<Vec<u8>>,
        out: &mut Vec<Node>,
        place: &Place,
    ) -> Result<(), Diagnostic> {
        loop {
            match self.r.next()? {
                Ev::Start(e) => match local(&e) {
                    b"p" => {
                        let p = self.paragraph(place)?;
                        out.push(Node::Para(p));
                        out.append(&mut self.boxed);
                    }
                    b"tbl" => {
                        let t = self.table(place)?;
                        out.push(Node::Table(t));
                    }
                    b"sectPr" => self.section()?,
                    b"sdtPr" | b"del" | b"moveFrom" => self.r.skip()?,
                    b"Fallback" => self.r.skip()?,
                    _ => {}
                },
                Ev::End(name) if end.as_deref().is_some_and(|e| name.is(e)) => return Ok(()),
                Ev::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// The position of the next paragraph at `place`.
    pub(super) fn next_position(&mut self, place: &Place) -> String {
        match place {
            Place::Story => {
                self.paragraphs += 1;
                format!("paragraph {}", self.paragraphs)
            }
            Place::Note(id) => format!("note {id}"),
            Place::Cell(at) => at.clone(),
        }
    }

    /// Reads a `w:sectPr`, keeping the first section's header and footer
    /// references (the first page's masthead is there).
    pub(super) fn section(&mut self) -> Result<(), Diagnostic> {
        let mut refs = Vec::new();
        loop {
            match self.r.next()? {
                Ev::Start(e) if local(&e) == b"sectPrChange" => self.r.skip()?,
                Ev::Start(e) | Ev::Empty(e) => {
                    let kind = local(&e);
                    if matches!(kind, b"headerReference" | b"footerReference" | b"titlePg") {
                        let name = String::from_utf8_lossy(kind).into_owned();
                        let which = attr(&e, b"type").unwrap_or_default().into_owned();
                        let id = attr(&e, b"id").unwrap_or_default().into_owned();
                        refs.push((name, which, id));
                    } else if kind == b"pgSz" {
                        // The paper: (`pgSz`, width, height) in twentieths of a point.
                        let width = attr(&e, b"w").unwrap_or_default().into_owned();
                        let height = attr(&e, b"h").unwrap_or_default().into_owned();
                        refs.push(("pgSz".to_string(), width, height));
                    }
                }
                Ev::End(name) if name.is(b"sectPr") => break,
                Ev::Eof => break,
                _ => {}
            }
        }
        if self.section_refs.is_none() {
            self.section_refs = Some(refs);
        }
        Ok(())
    }

    fn table(&mut self, place: &Place) -> Result<WTable, Diagnostic> {
        self.tables += 1;
        let number = self.tables;
        let mut table = WTable {
            position: match place {
                Place::Note(id) => format!("note {id}, table {number}"),
                _ => format!("table {number}"),
            },
            ..WTable::default()
        };
        loop {
            match self.r.next()? {
                Ev::Start(e) | Ev::Empty(e) if local(&e) == b"gridCol" => {
                    table.grid.push(num(&e, b"w").unwrap_or(0));
                }
                Ev::Start(e) if local(&e) == b"tr" => {
                    let row = self.row(&table.position, table.rows.len() + 1)?;
                    table.rows.push(row);
                }
                Ev::Start(e) if matches!(local(&e), b"tblPr" | b"tblPrEx" | b"del") => {
                    self.r.skip()?
                }
                Ev::End(name) if name.is(b"tbl") => return Ok(table),
                Ev::Eof => return Ok(table),
                _ => {}
            }
        }
    }

    fn row(&mut self, table: &str, n: usize) -> Result<WRow, Diagnostic> {
        let mut row = WRow::default();
        loop {
            match self.r.next()? {
                Ev::Start(e) | Ev::Empty(e) if local(&e) == b"tblHeader" => row.header = on(&e),
                Ev::Start(e) | Ev::Empty(e) if local(&e) == b"gridBefore" => {
                    row.grid_before = count(&e);
                }
                Ev::Start(e) | Ev::Empty(e) if local(&e) == b"gridAfter" => {
                    row.grid_after = count(&e);
                }
                Ev::Start(e) if local(&e) == b"tc" => {
                    let at = format!("{table}, row {n}, cell {}", row.cells.len() + 1);
                    let cell = self.cell(at)?;
                    row.cells.push(cell);
                }
                Ev::Start(e) if matches!(local(&e), b"trPrChange" | b"tblPrEx") => self.r.skip()?,
                Ev::End(name) if name.is(b"tr") => return Ok(row),
                Ev::Eof => return Ok(row),
                _ => {}
            }
        }
    }

    fn cell(&mut self, at: String) -> Result<WCell, Diagnostic> {
        let mut cell = WCell {
            span: 1,
            ..WCell::default()
        };
        let place = Place::Cell(at);
        loop {
            match self.r.next()? {
                Ev::Start(e) if local(&e) == b"tcPr" => self.cell_props(&mut cell)?,
                Ev::Start(e) => match local(&e) {
                    b"p" => {
                        let p = self.paragraph(&place)?;
                        cell.content.push(Node::Para(p));
                        cell.content.append(&mut self.boxed);
                    }
                    b"tbl" => {
                        let t = self.table(&place)?;
                        cell.content.push(Node::Table(t));
                    }
                    b"sdtPr" | b"del" | b"moveFrom" | b"Fallback" => self.r.skip()?,
                    _ => {}
                },
                Ev::End(name) if name.is(b"tc") => return Ok(cell),
                Ev::Eof => return Ok(cell),
                _ => {}
            }
        }
    }

    fn cell_props(&mut self, cell: &mut WCell) -> Result<(), Diagnostic> {
        loop {
            match self.r.next()? {
                Ev::Start(e) | Ev::Empty(e) if local(&e) == b"gridSpan" => {
                    cell.span = count(&e).clamp(1, 64);
                }
                Ev::Start(e) | Ev::Empty(e) if local(&e) == b"vMerge" => {
                    cell.vmerge = Some(match val(&e).as_deref() {
                        Some("restart") => VMerge::Restart,
                        _ => VMerge::Continue,
                    });
                }
                Ev::Start(e) if local(&e) == b"tcPrChange" => self.r.skip()?,
                Ev::End(name) if name.is(b"tcPr") => return Ok(()),
                Ev::Eof => return Ok(()),
                _ => {}
            }
        }
    }
}

/// Where the blocks being read stand.
#[derive(Debug, Clone)]
pub(super) enum Place {
    /// At the top of a story: paragraphs are counted.
    Story,
    /// In a footnote.
    Note(i64),
    /// In a table cell (`table 3, row 2, cell 4`).
    Cell(String),
}

/// A count attribute (`w:val`), bounded.
fn count(e: &quick_xml::events::BytesStart) -> u32 {
    num(e, b"val").unwrap_or(0).clamp(0, 64) as u32
}

/// The alignment a `w:jc` value gives.
pub(super) fn align(value: &str) -> Option<Align> {
    match value {
        "center" => Some(Align::Center),
        "right" | "end" => Some(Align::End),
        "left" | "start" | "both" | "distribute" => Some(Align::Start),
        _ => None,
    }
}

/// The relationship target of `id`, if it is a web address.
pub(super) fn external_link(rels: &Rels, id: &str) -> Option<String> {
    rels.get(id)
        .filter(|r| r.external && r.kind == "hyperlink")
        .map(|r| r.target.clone())
}

/// Whether an attribute of `e` names a relationship.
pub(super) fn rel_id(e: &quick_xml::events::BytesStart) -> Option<String> {
    attr(e, b"id")
        .or_else(|| attr(e, b"embed"))
        .map(|v| v.into_owned())
}
