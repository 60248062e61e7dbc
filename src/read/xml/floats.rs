//! Subheadings, tables and figures in undoc XML.

use base64::Engine;

use super::{
    Element, Node, element_children, expect_name, inline_list, inlines, number, schema_error,
};
use crate::diagnostic::Diagnostic;
use crate::model::{
    Align, Cell, Column, Figure, Image, ImageKind, Inline, Row, Subheading, Table, TableNote,
};

pub(super) fn subheading(el: &Element) -> Result<Subheading, Diagnostic> {
    let level = match el.attr("level") {
        Some("3") => 3,
        Some("4") => 4,
        _ => return Err(schema_error(el, "<subheading> needs level=\"3\" or \"4\"")),
    };
    Ok(Subheading {
        level,
        n: optional_number(el)?,
        heading: inlines(el)?,
        span: el.span,
    })
}

fn optional_number(el: &Element) -> Result<Option<u32>, Diagnostic> {
    match el.attr("n") {
        Some(_) => number(el).map(Some),
        None => Ok(None),
    }
}

fn align(el: &Element) -> Result<Option<Align>, Diagnostic> {
    match el.attr("align") {
        None => Ok(None),
        Some(a) => Align::parse(a)
            .map(Some)
            .ok_or_else(|| schema_error(el, format!("align=\"{a}\" is not start, center or end"))),
    }
}

fn flag(el: &Element, name: &str) -> Result<bool, Diagnostic> {
    match el.attr(name) {
        None | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(other) => Err(schema_error(
            el,
            format!("{name}=\"{other}\" is not true or false"),
        )),
    }
}

fn span_count(el: &Element, name: &str) -> Result<u32, Diagnostic> {
    match el.attr(name) {
        None => Ok(1),
        Some(v) => v
            .parse()
            .ok()
            .filter(|&n: &u32| n > 0)
            .ok_or_else(|| schema_error(el, format!("{name}=\"{v}\" is not a positive number"))),
    }
}

/// A cell's indent: tab stops from 1 to [`Cell::MAX_INDENT`], none when absent.
fn indent(el: &Element) -> Result<u32, Diagnostic> {
    if el.attr("indent").is_none() {
        return Ok(0);
    }
    let n = span_count(el, "indent")?;
    if n > Cell::MAX_INDENT {
        return Err(schema_error(
            el,
            format!("indent=\"{n}\" is more than {}", Cell::MAX_INDENT),
        ));
    }
    Ok(n)
}

/// A column's width, when given: a positive number.
fn width(el: &Element) -> Result<Option<u32>, Diagnostic> {
    el.attr("width")
        .map(|_| span_count(el, "width"))
        .transpose()
}

pub(super) fn table(el: &Element) -> Result<Table, Diagnostic> {
    let mut table = Table {
        n: optional_number(el)?,
        span: el.span,
        ..Table::default()
    };
    for child in element_children(el)? {
        match child.name {
            "title" => table.title = inlines(child)?,
            "units" => table.units = Some(inlines(child)?),
            "columns" => {
                for column in element_children(child)? {
                    expect_name(column, "column")?;
                    table.columns.push(Column {
                        align: align(column)?
                            .ok_or_else(|| schema_error(column, "<column> needs an align"))?,
                        spacer: flag(column, "spacer")?,
                        width: width(column)?,
                    });
                }
            }
            "head" => table.head = rows(child)?,
            "rows" => table.body = rows(child)?,
            "notes" => table.notes = notes(child)?,
            "source" => table.source = Some(inlines(child)?),
            other => {
                return Err(schema_error(
                    child,
                    format!("unknown element <{other}> in <table>"),
                ));
            }
        }
    }
    Ok(table)
}

fn rows(el: &Element) -> Result<Vec<Row>, Diagnostic> {
    element_children(el)?
        .into_iter()
        .map(|row| {
            expect_name(row, "row")?;
            let cells = element_children(row)?
                .into_iter()
                .map(cell)
                .collect::<Result<_, _>>()?;
            Ok(Row {
                cells,
                total: flag(row, "total")?,
                heading: flag(row, "heading")?,
                span: row.span,
            })
        })
        .collect()
}

fn cell(el: &Element) -> Result<Cell, Diagnostic> {
    expect_name(el, "cell")?;
    let has_paragraphs = el.elements().any(|e| e.name == "p");
    let paragraphs = if has_paragraphs {
        element_children(el)?
            .into_iter()
            .map(|p| {
                expect_name(p, "p")?;
                inlines(p)
            })
            .collect::<Result<_, _>>()?
    } else {
        let content = inline_list(el, el.children.iter())?;
        let blank = content
            .iter()
            .all(|i| matches!(i, Inline::Text(t) if t.trim().is_empty()));
        if blank { Vec::new() } else { vec![content] }
    };
    Ok(Cell {
        paragraphs,
        col_span: span_count(el, "cols")?,
        row_span: span_count(el, "rows")?,
        align: align(el)?,
        indent: indent(el)?,
        span: el.span,
    })
}

fn notes(el: &Element) -> Result<Vec<TableNote>, Diagnostic> {
    element_children(el)?
        .into_iter()
        .map(|note| {
            expect_name(note, "note")?;
            Ok(TableNote {
                n: number(note)?,
                content: inlines(note)?,
                span: note.span,
            })
        })
        .collect()
}

pub(super) fn figure(el: &Element) -> Result<Figure, Diagnostic> {
    let mut title = Vec::new();
    let mut image = None;
    let mut alt = None;
    let mut notes_read = Vec::new();
    let mut source = None;
    for child in element_children(el)? {
        match child.name {
            "title" => title = inlines(child)?,
            "image" => image = Some(read_image(child)?),
            "alt" => alt = Some(child.text().trim().to_string()),
            "notes" => notes_read = notes(child)?,
            "source" => source = Some(inlines(child)?),
            other => {
                return Err(schema_error(
                    child,
                    format!("unknown element <{other}> in <figure>"),
                ));
            }
        }
    }
    Ok(Figure {
        n: optional_number(el)?,
        title,
        image: image.ok_or_else(|| schema_error(el, "<figure> needs an <image>"))?,
        alt: alt.ok_or_else(|| schema_error(el, "<figure> needs an <alt> text"))?,
        notes: notes_read,
        source,
        span: el.span,
    })
}

fn read_image(el: &Element) -> Result<Image, Diagnostic> {
    let kind = el.attr("type").and_then(ImageKind::parse).ok_or_else(|| {
        schema_error(
            el,
            "<image> needs type=\"image/png\", \"image/jpeg\", \"image/emf\" or \"image/wmf\"",
        )
    })?;
    let dimension = |name: &str| {
        el.attr(name)
            .and_then(|v| v.parse().ok())
            .filter(|&n: &u32| n > 0)
            .ok_or_else(|| schema_error(el, format!("<image> needs a positive {name}")))
    };
    let text: String = el
        .children
        .iter()
        .filter_map(|c| match c {
            Node::Text(t) => Some(*t),
            Node::Element(_) => None,
        })
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.as_bytes())
        .map_err(|e| schema_error(el, format!("<image> is not base64: {e}")))?;
    Ok(Image {
        kind,
        bytes: bytes.into(),
        width: dimension("width")?,
        height: dimension("height")?,
    })
}
