//! Tables and figures: a `<tblock>` with its label (`num`), title
//! (`heading`), units line, `table` or picture, lettered notes and source
//! line (see the writer); a `table` standing alone is an untitled table.
//! The column grid, cell alignment and total rows come from undoc's
//! extension attributes; another tool's table gets start-aligned columns as
//! wide as its rows.

use base64::Engine;

use super::body::child;
use super::{AknReader, numbers};
use crate::akn::ext;
use crate::model::{
    Align, Block, Cell, Column, Figure, Image, ImageKind, Inline, Row, Table, TableNote,
};
use crate::read::xml::tree::{Element, Node};

/// The `class` of a table-note mark's `<sup>`.
pub(super) const NOTE_REF: &str = "noteRef";

impl<'t> AknReader<'t> {
    /// A tblock: a table, a figure, or (another tool's) titled block.
    pub(super) fn tblock(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        let img = el
            .elements()
            .find_map(|p| p.elements().find(|e| e.name == "img"));
        if let Some(img) = img {
            return self.figure(el, img);
        }
        if child(el, "table").is_some() {
            return self.titled_table(el);
        }
        self.unheld(
            el,
            "a titled block that holds no table or picture; kept as text",
        );
        self.blocks(el)
    }

    fn titled_table(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        let mut table = empty_table(el);
        table.n = child(el, "num").and_then(|n| numbers::table(&n.text()));
        table.title = child(el, "heading")
            .map(|h| self.inline_content(h))
            .unwrap_or_default();
        let mut after = Vec::new();
        for part in el.elements() {
            match (part.name, part.attr("class")) {
                ("num" | "heading", _) => {}
                ("p", Some("units")) => table.units = Some(self.inline_content(part)),
                ("p", Some("note")) => table.notes.push(self.table_note(part)),
                ("p", Some("source")) => table.source = Some(self.inline_content(part)),
                ("table", _) => self.grid(part, &mut table),
                _ => {
                    self.unheld(part, "text beside a table; kept after it");
                    after.extend(self.block(part));
                }
            }
        }
        std::iter::once(Block::Table(table)).chain(after).collect()
    }

    /// A `table` with no tblock around it.
    pub(super) fn bare_table(&mut self, el: &'t Element<'t>) -> Vec<Block> {
        let mut table = empty_table(el);
        self.grid(el, &mut table);
        vec![Block::Table(table)]
    }

    /// `<p class="note"><sup>a</sup> text</p>`: note a.
    fn table_note(&mut self, p: &'t Element<'t>) -> TableNote {
        let letter = match p.children.first() {
            Some(Node::Element(sup)) if sup.name == "sup" => {
                crate::lang::parse_latin_letter(sup.text().trim())
            }
            _ => None,
        };
        let rest = if letter.is_some() {
            &p.children[1..]
        } else {
            p.children
        };
        let mut content = self.inline_nodes(rest);
        if let Some(Inline::Text(first)) = content.first_mut()
            && let Some(stripped) = first.strip_prefix(' ')
        {
            *first = stripped.to_string();
        }
        content.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
        TableNote {
            n: letter.unwrap_or(0),
            content,
            span: p.span,
        }
    }

    /// The rows of a `table`: leading rows of header cells are the head.
    fn grid(&mut self, el: &'t Element<'t>, table: &mut Table) {
        let mut rows = Vec::new();
        for tr in el.elements() {
            if tr.name != "tr" {
                self.unheld(tr, "a table caption; not read");
                continue;
            }
            let all_headers = tr.elements().all(|c| c.name == "th");
            let cells = tr.elements().map(|c| self.cell(c)).collect();
            let total = self.ext(tr, ext::TOTAL) == Some("true");
            rows.push((
                all_headers,
                Row {
                    cells,
                    total,
                    heading: false,
                    span: tr.span,
                },
            ));
        }
        let head_rows = rows
            .iter()
            .take_while(|(h, r)| *h && !r.cells.is_empty())
            .count();
        // Rows of header cells past the head are headings inside the body.
        let mut rows = rows.into_iter().map(|(headers, mut r)| {
            r.heading = headers && !r.cells.is_empty();
            r
        });
        table.head = rows
            .by_ref()
            .take(head_rows)
            .map(|r| Row {
                heading: false,
                ..r
            })
            .collect();
        table.body = rows.collect();
        table.columns = match self.ext(el, ext::COLUMNS) {
            Some(spec) => columns(spec),
            None => vec![
                Column {
                    align: Align::Start,
                    spacer: false,
                    width: None,
                };
                grid_width(table)
            ],
        };
    }

    fn cell(&mut self, el: &'t Element<'t>) -> Cell {
        let count = |name: &str| {
            el.attr(name)
                .and_then(|v| v.trim().parse().ok())
                .filter(|&n: &u32| n > 0)
        };
        let mut paragraphs = Vec::new();
        for p in el.elements() {
            if p.name != "p" {
                self.unheld(
                    p,
                    "a block in a table cell that is not a paragraph; its text is kept",
                );
            }
            paragraphs.push(self.inline_content(p));
        }
        Cell {
            paragraphs,
            col_span: count("colspan").unwrap_or(1),
            row_span: count("rowspan").unwrap_or(1),
            align: self
                .ext(el, ext::ALIGN)
                .and_then(Align::parse)
                .or_else(|| style_align(el.attr("style")?, self.lang.is_rtl())),
            indent: self.indent(el),
            span: el.span,
        }
    }

    /// A cell's `undoc:indent`: tab stops up to [`Cell::MAX_INDENT`]; any
    /// other value is said and read as none.
    fn indent(&mut self, el: &'t Element<'t>) -> u32 {
        let Some(value) = self.ext(el, ext::INDENT) else {
            return 0;
        };
        match value.parse::<u32>() {
            Ok(n) if n <= Cell::MAX_INDENT => n,
            _ => {
                self.unheld(el, "an indent that is not 0 to 9; read as none");
                0
            }
        }
    }

    /// A figure: its label and title, the picture of its `img`, its notes
    /// and source.
    fn figure(&mut self, el: &'t Element<'t>, img: &'t Element<'t>) -> Vec<Block> {
        let Some(image) = image(img) else {
            self.unheld(
                img,
                "a picture that is not a PNG, JPEG, EMF or WMF data: URI in the file; not read",
            );
            return self.blocks(el);
        };
        let title = child(el, "heading")
            .map(|h| self.inline_content(h))
            .unwrap_or_default();
        let alt = img
            .attr("alt")
            .map(str::to_string)
            .unwrap_or_else(|| crate::model::plain_text(&title));
        let mut figure = Figure {
            n: child(el, "num").and_then(|n| numbers::figure(&n.text())),
            title,
            image,
            alt,
            notes: Vec::new(),
            source: None,
            span: el.span,
        };
        for part in el.elements() {
            match (part.name, part.attr("class")) {
                ("p", Some("note")) => figure.notes.push(self.table_note(part)),
                ("p", Some("source")) => figure.source = Some(self.inline_content(part)),
                _ => {}
            }
        }
        vec![Block::Figure(figure)]
    }
}

fn empty_table(el: &Element) -> Table {
    Table {
        span: el.span,
        ..Table::default()
    }
}

/// A cell's alignment from its CSS `text-align` (another tool's tables):
/// left and right in the direction of the text.
fn style_align(style: &str, rtl: bool) -> Option<Align> {
    let value = style.split(';').find_map(|rule| {
        let (name, value) = rule.split_once(':')?;
        (name.trim() == "text-align").then(|| value.trim())
    })?;
    match (value, rtl) {
        ("center", _) => Some(Align::Center),
        ("left", false) | ("right", true) => Some(Align::Start),
        ("right", false) | ("left", true) => Some(Align::End),
        _ => None,
    }
}

/// `start end end start-spacer` → the grid's columns.
fn columns(spec: &str) -> Vec<Column> {
    spec.split_whitespace()
        .map(|token| {
            let (align, spacer) = match token.strip_suffix("-spacer") {
                Some(a) => (a, true),
                None => (token, false),
            };
            Column {
                align: Align::parse(align).unwrap_or(Align::Start),
                spacer,
                width: None,
            }
        })
        .collect()
}

/// How many grid columns the rows fill, row spans counted.
fn grid_width(table: &Table) -> usize {
    let mut busy: Vec<u32> = Vec::new();
    let mut width = 0;
    for row in table.head.iter().chain(&table.body) {
        let mut col = 0;
        for cell in &row.cells {
            while busy.get(col).is_some_and(|&b| b > 0) {
                col += 1;
            }
            for c in col..col + cell.col_span as usize {
                if busy.len() <= c {
                    busy.resize(c + 1, 0);
                }
                busy[c] = cell.row_span;
            }
            col += cell.col_span as usize;
        }
        width = width
            .max(col)
            .max(busy.iter().rposition(|&b| b > 0).map_or(0, |i| i + 1));
        busy.iter_mut().for_each(|b| *b = b.saturating_sub(1));
    }
    width
}

/// The picture of an `img` whose `src` is a `data:` URI.
fn image(img: &Element) -> Option<Image> {
    let src = img.attr("src")?.strip_prefix("data:")?;
    let (media, data) = src.split_once(";base64,")?;
    let kind = ImageKind::parse(media)?;
    let compact: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact)
        .ok()?;
    let dimension = |name| {
        img.attr(name)
            .and_then(|v: &str| v.trim().parse().ok())
            .filter(|&n: &u32| n > 0)
    };
    let (width, height) = match (dimension("width"), dimension("height")) {
        (Some(w), Some(h)) => (w, h),
        _ => {
            let probed = crate::image::probe(&bytes).ok()?;
            (probed.width, probed.height)
        }
    };
    Some(Image {
        kind,
        bytes: bytes.into(),
        width,
        height,
    })
}
