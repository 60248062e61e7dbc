//! Rules a schema cannot express: numbering that runs without gap or repeat,
//! the symbol grammar, real dates, footnote references, and whether the
//! text is written in the script of its declared language.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::{Block, Document, Inline, List, Span};
use crate::script::Script;
use crate::symbol;

/// Checks every rule on `doc`.
pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    masthead(doc, &mut out);
    if crate::model::plain_text(&doc.title.value).trim().is_empty() {
        out.push(Diagnostic::new(
            Code::MissingTitle,
            doc.title.span,
            "the title is empty",
        ));
    }
    paragraphs(&doc.body, "", &mut out);
    divisions(&doc.body, &mut out);
    annexes(doc, &mut out);
    for annex in &doc.annexes {
        let label = doc.lang.annex_label(annex.n);
        paragraphs(&annex.blocks, &format!(" of {label}"), &mut out);
        divisions(&annex.blocks, &mut out);
    }
    lists(&doc.body, &mut out);
    references(doc, &mut out);
    footnotes(doc, &mut out);
    script(doc, &mut out);
    super::floats::check(doc, &mut out);
    out
}

fn masthead(doc: &Document, out: &mut Vec<Diagnostic>) {
    let m = &doc.masthead;
    let start = Span::new(1, 1);
    let missing = |field: &str, example: &'static str| {
        let key = example.split(':').next().unwrap_or(example);
        Diagnostic::new(
            Code::MissingMasthead,
            start,
            format!(
                "the masthead has no {field}: add `{example}` to the front matter or pass `--set {}`",
                example.replacen(": ", "=", 1)
            ),
        )
        .about(key)
    };
    match &m.symbol {
        None => out.push(missing("symbol", "symbol: A/78/123")),
        Some(s) => {
            if let Err(e) = symbol::parse(&s.value) {
                out.push(Diagnostic::new(
                    Code::BadSymbol,
                    s.span,
                    format!("document symbol `{}`: {e}", s.value),
                ));
            }
        }
    }
    if m.organ.is_empty() {
        out.push(missing("organ", "organ: General Assembly"));
    }
    if m.distribution.is_none() {
        out.push(missing("distribution", "distribution: General"));
    }
    match &m.date {
        None => out.push(missing("date", "date: 2023-09-29")),
        Some(d) if !d.value.is_real() => out.push(Diagnostic::new(
            Code::UnrealDate,
            d.span,
            format!("the date {} does not exist", d.value.iso()),
        )),
        Some(_) => {}
    }
    if m.original.is_none() {
        out.push(missing("original language", "original: English"));
    }
}

/// Paragraph numbers run 1..n through `blocks`.
fn paragraphs(blocks: &[Block], context: &str, out: &mut Vec<Diagnostic>) {
    let mut expected = 1;
    let mut walk = |p: &crate::model::Para| {
        if p.n != expected {
            let what = if p.n < expected {
                "repeats or goes back"
            } else {
                "skips a number"
            };
            out.push(Diagnostic::new(
                Code::ParaNumbering,
                p.span,
                format!(
                    "paragraph {} {what}: paragraph {expected} was expected{context}",
                    p.n
                ),
            ));
        }
        expected = p.n.saturating_add(1);
    };
    for_each_para(blocks, &mut walk);
}

fn for_each_para(blocks: &[Block], f: &mut dyn FnMut(&crate::model::Para)) {
    for block in blocks {
        match block {
            Block::Chapter(d) | Block::Section(d) => for_each_para(&d.blocks, f),
            Block::Para(p) => f(p),
            Block::Text(_) | Block::Subheading(_) | Block::Table(_) | Block::Figure(_) => {}
        }
    }
}

/// Chapters run 1..n, and sections 1..n within each chapter.
fn divisions(blocks: &[Block], out: &mut Vec<Diagnostic>) {
    let mut next_chapter = 1;
    let mut next_section = 1;
    for block in blocks {
        match block {
            Block::Chapter(d) => {
                if d.n != next_chapter {
                    out.push(Diagnostic::new(
                        Code::DivisionOrder,
                        d.span,
                        format!(
                            "chapter {} follows chapter {}: chapters run in order",
                            d.n,
                            next_chapter - 1
                        ),
                    ));
                }
                next_chapter = d.n.saturating_add(1);
                divisions_sections(&d.blocks, out);
            }
            Block::Section(d) => {
                if d.n != next_section {
                    out.push(section_error(d.n, next_section, d.span));
                }
                next_section = d.n.saturating_add(1);
            }
            _ => {}
        }
    }
}

/// Annexes run I, II, III … without gap or repeat; a lone annex may be
/// unnumbered (`Annex`), but among several each needs its number.
fn annexes(doc: &Document, out: &mut Vec<Diagnostic>) {
    let count = doc.annexes.len();
    let mut expected: u32 = 1;
    for annex in &doc.annexes {
        let label = |n| doc.lang.annex_label(Some(n));
        let message = match annex.n {
            None if count == 1 => None,
            None => Some(format!(
                "an unnumbered annex among {count} annexes: number them {}, {} …",
                label(1),
                label(2)
            )),
            Some(n) if n == expected => None,
            Some(n) => Some(format!(
                "{} where {} was expected: annexes run I, II, III … without gap or repeat",
                label(n),
                label(expected)
            )),
        };
        if let Some(message) = message {
            out.push(Diagnostic::new(Code::DivisionOrder, annex.span, message));
        }
        expected = annex.n.unwrap_or(expected).saturating_add(1);
    }
}

fn divisions_sections(blocks: &[Block], out: &mut Vec<Diagnostic>) {
    let mut next = 1;
    for block in blocks {
        if let Block::Section(d) = block {
            if d.n != next {
                out.push(section_error(d.n, next, d.span));
            }
            next = d.n.saturating_add(1);
        }
    }
}

fn section_error(n: u32, expected: u32, span: Span) -> Diagnostic {
    let letter = |n| crate::lang::latin_letter(n, true);
    Diagnostic::new(
        Code::DivisionOrder,
        span,
        format!(
            "section {} where section {} was expected: sections run A, B, C … in each chapter",
            letter(n),
            letter(expected)
        ),
    )
}

fn lists(blocks: &[Block], out: &mut Vec<Diagnostic>) {
    for_each_para(blocks, &mut |p| {
        if let Some(list) = &p.list {
            list_order(list, out);
        }
    });
}

fn list_order(list: &List, out: &mut Vec<Diagnostic>) {
    for (i, item) in list.items.iter().enumerate() {
        let expected = i as u32 + 1;
        if item.n != expected {
            out.push(Diagnostic::new(
                Code::ItemOrder,
                item.span,
                format!(
                    "list item {} is in position {expected}: {} items run in order from the first",
                    item.n,
                    list.kind.as_str()
                ),
            ));
        }
        if let Some(sub) = &item.list {
            list_order(sub, out);
        }
    }
}

fn references(doc: &Document, out: &mut Vec<Diagnostic>) {
    for r in doc.refs() {
        if let Err(e) = symbol::parse(&r.value) {
            out.push(Diagnostic::new(
                Code::BadSymbol,
                r.span,
                format!("cited symbol `{}`: {e}", r.value),
            ));
        }
    }
}

fn footnotes(doc: &Document, out: &mut Vec<Diagnostic>) {
    let mut marks = Vec::new();
    doc.for_each_inlines(&mut |inlines| {
        for inline in inlines {
            if let Inline::NoteRef(n) = inline {
                marks.push((n.value, n.span));
            }
        }
    });
    for (n, span) in &marks {
        if !doc.footnotes.iter().any(|f| f.n == *n) {
            out.push(Diagnostic::new(
                Code::Footnote,
                *span,
                format!("footnote mark {n} has no footnote text"),
            ));
        }
    }
    for (i, note) in doc.footnotes.iter().enumerate() {
        if note.n != i as u32 + 1 {
            out.push(Diagnostic::new(
                Code::Footnote,
                note.span,
                format!(
                    "footnote {} is number {} in order: footnotes run 1, 2, 3 …",
                    note.n,
                    i + 1
                ),
            ));
        }
        if !marks.iter().any(|(n, _)| *n == note.n) {
            out.push(Diagnostic::new(
                Code::Footnote,
                note.span,
                format!("footnote {} is never referred to", note.n),
            ));
        }
    }
}

/// How many letters the script check looks at: enough to judge, and it
/// keeps the check cheap on long documents.
const SCRIPT_SAMPLE: usize = 4000;

/// Warns when the body is not written in the declared language's script.
fn script(doc: &Document, out: &mut Vec<Diagnostic>) {
    let (mut letters, mut native) = (0usize, 0usize);
    let native_script = doc.lang.script();
    doc.for_each_inlines(&mut |inlines| {
        for inline in inlines {
            if letters >= SCRIPT_SAMPLE {
                return;
            }
            if let Inline::Text(t) | Inline::Emph(t) = inline {
                for script in t.chars().filter_map(Script::of_letter) {
                    letters += 1;
                    native += usize::from(script == native_script);
                    if letters == SCRIPT_SAMPLE {
                        return;
                    }
                }
            }
        }
    });
    if letters >= 40 && native * 5 < letters {
        let pct = native * 100 / letters;
        let mut d = Diagnostic::new(
            Code::ScriptMismatch,
            doc.title.span,
            format!(
                "the document is declared {} but only {pct}% of its letters are {}: check the language line or `--set language=`",
                doc.lang.english_name(),
                doc.lang.script_name()
            ),
        );
        d.severity = Severity::Warning;
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{InputFormat, Source, read};

    /// A schema-valid document whose body and annexes are `body` and `annexes`.
    fn xml(body: &str, annexes: &str) -> Document {
        let source = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:undoc:1" xml:lang="en">
  <masthead><symbol>A/80/1</symbol><organ>General Assembly</organ>
    <distribution>General</distribution><date>2025-08-04</date><original>en</original></masthead>
  <title>Title</title>
  <body>{body}</body>
  {annexes}
</document>"#
        );
        let xml = InputFormat::by_name("xml").expect("XML reader");
        let outcome = read(&Source::bytes(source.as_bytes()), xml, &[]);
        outcome.document.expect("the XML reads")
    }

    fn annex(n: Option<u32>) -> String {
        let n = n.map_or(String::new(), |n| format!(r#" n="{n}""#));
        format!("<annex{n}><heading>Annex</heading><p>Text.</p></annex>\n")
    }

    fn codes(doc: &Document, code: Code) -> Vec<String> {
        check(doc)
            .into_iter()
            .filter(|d| d.code == code)
            .map(|d| d.message)
            .collect()
    }

    const BODY: &str = r#"<para n="1">Text.</para>"#;

    #[test]
    fn annexes_run_in_order_without_repeats() {
        let in_order: String = [Some(1), Some(2), Some(3)].map(annex).concat();
        assert!(codes(&xml(BODY, &in_order), Code::DivisionOrder).is_empty());
        assert!(codes(&xml(BODY, &annex(None)), Code::DivisionOrder).is_empty());
        let twice = [Some(1), Some(1)].map(annex).concat();
        assert_eq!(
            codes(&xml(BODY, &twice), Code::DivisionOrder),
            ["Annex I where Annex II was expected: annexes run I, II, III … without gap or repeat"]
        );
        let gap = [Some(1), Some(3)].map(annex).concat();
        assert_eq!(codes(&xml(BODY, &gap), Code::DivisionOrder).len(), 1);
        let unnumbered = [None, Some(2)].map(annex).concat();
        assert_eq!(
            codes(&xml(BODY, &unnumbered), Code::DivisionOrder),
            ["an unnumbered annex among 2 annexes: number them Annex I, Annex II …"]
        );
    }

    #[test]
    fn the_largest_numbers_neither_overflow_nor_grow_the_messages() {
        let max = u32::MAX;
        let body = format!(
            r#"<para n="{max}">Text.</para><chapter n="{max}"><heading>H</heading><section n="{max}"><heading>S</heading><para n="1">T.</para></section><section n="1"><heading>S</heading></section></chapter>"#
        );
        let doc = xml(&body, &annex(Some(max)));
        let found = check(&doc);
        assert!(found.iter().any(|d| d.code == Code::ParaNumbering));
        assert!(
            found
                .iter()
                .any(|d| d.code == Code::DivisionOrder && d.message.contains("Annex 4294967295"))
        );
        assert!(found.iter().all(|d| d.message.len() < 200), "{found:?}");
    }
}
