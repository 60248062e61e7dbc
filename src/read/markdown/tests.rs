//! The Markdown reader on small drafts: the mapping rules and their
//! ambiguous cases, and the warnings for what the model cannot hold.

use super::read;
use crate::diagnostic::Code;
use crate::lang::Lang;
use crate::model::{Block, Document, Inline, ListKind, Para, Span};

const FRONT: &str = "---\nsymbol: A/80/312\norgan: General Assembly\ndistribution: General\ndate: 2025-08-04\noriginal: English\n---\n\n";

fn doc(body: &str) -> (Document, Vec<crate::diagnostic::Diagnostic>) {
    let outcome = read(&format!("{FRONT}{body}"));
    (outcome.document.expect("a document"), outcome.diagnostics)
}

fn paras(doc: &Document) -> Vec<&Para> {
    doc.paragraphs()
}

#[test]
fn title_subtitle_chapters_sections_and_subheadings() {
    let (d, out) = doc(
        "# Digital public infrastructure\n\nReport of the Secretary-General\n\n# I. Introduction\n\n1. First.\n\n## A. Scope\n\n### 1. Civilian personnel\n\n#### (a) Posts\n\n2. Second.\n\n# II. Trends\n\n3. Third.\n",
    );
    assert!(out.is_empty(), "{out:?}");
    assert_eq!(
        crate::model::plain_text(&d.title.value),
        "Digital public infrastructure"
    );
    assert!(d.subtitle.is_some());
    let Block::Chapter(ch) = &d.body[0] else {
        panic!("{:?}", d.body)
    };
    assert_eq!(
        (ch.n, crate::model::plain_text(&ch.heading).as_str()),
        (1, "Introduction")
    );
    let Block::Section(sec) = &ch.blocks[1] else {
        panic!("{:?}", ch.blocks)
    };
    assert_eq!(sec.n, 1);
    assert!(matches!(&sec.blocks[0], Block::Subheading(h) if h.level == 3 && h.n == Some(1)));
    assert!(matches!(&sec.blocks[1], Block::Subheading(h) if h.level == 4 && h.n == Some(1)));
    assert_eq!(paras(&d).iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn headings_in_the_other_languages_conventions() {
    let ar = "---\nlanguage: ar\n---\n\n# عنوان\n\n# أولا - مقدمة\n\n## ألف - النطاق\n\n1. نص.\n";
    let d = read(ar).document.expect("doc");
    assert_eq!(d.lang, Lang::Ar);
    let Block::Chapter(ch) = &d.body[0] else {
        panic!()
    };
    assert!(matches!(&ch.blocks[0], Block::Section(s) if s.n == 1));
    let zh = "---\nlanguage: zh\n---\n\n# 标题\n\n# 二. 会议安排\n\n1. 文本。\n";
    let d = read(zh).document.expect("doc");
    assert!(matches!(&d.body[0], Block::Chapter(c) if c.n == 2));
}

#[test]
fn unnumbered_headings_are_numbered_by_position() {
    let (d, out) = doc("# Title\n\n# Introduction\n\n1. A.\n\n# II. Trends\n\n2. B.\n");
    assert!(matches!(&d.body[0], Block::Chapter(c) if c.n == 1));
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!((out[0].code, out[0].span.line), (Code::Structure, 11));
    let (d, out) = doc("# Title\n\n# Introduction\n\n1. A.\n\n# Trends\n\n2. B.\n");
    assert!(out.is_empty(), "nobody numbered: {out:?}");
    assert!(matches!(&d.body[1], Block::Chapter(c) if c.n == 2));
}

#[test]
fn numbered_paragraphs_run_on_across_lists_that_restart() {
    let (d, out) = doc("# T\n\n# I. A\n\n1. One.\n2. Two.\n\n# II. B\n\n1. Three.\n1. Four.\n");
    assert!(out.is_empty(), "{out:?}");
    assert_eq!(
        paras(&d).iter().map(|p| p.n).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    let (_, out) = doc("# T\n\n# I. A\n\n7. One.\n");
    assert_eq!(out[0].code, Code::Structure, "written 7, numbered 1");
}

#[test]
fn a_list_restarting_at_1_after_a_colon_is_the_paragraph_s_list() {
    let (d, _) = doc("# T\n\n# I. A\n\n1. One.\n2. Sequence:\n1. Adopt;\n2. Deploy.\n3. Three.\n");
    let p = paras(&d);
    assert_eq!(p.iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2, 3]);
    let list = p[1].list.as_ref().expect("paragraph 2's list");
    assert_eq!((list.kind, list.items.len()), (ListKind::Decimal, 2));
}

#[test]
fn when_the_item_and_the_paragraph_numbers_meet_a_later_repeat_decides() {
    // `3.` after items 1 and 2 of paragraph 2's list: paragraph 3, as no
    // other `3.` follows.
    let (d, _) = doc("# T\n\n# I. A\n\n1. One.\n2. Two:\n1. a;\n2. b.\n3. Three.\n");
    assert_eq!(paras(&d).len(), 3);
    // A second `3.` follows: the first is item 3.
    let (d, _) = doc("# T\n\n# I. A\n\n1. One.\n2. Two:\n1. a;\n2. b;\n3. c.\n3. Three.\n");
    let p = paras(&d);
    assert_eq!(p.len(), 3);
    assert_eq!(p[1].list.as_ref().map(|l| l.items.len()), Some(3));
    // Across a figure or a table, in another Markdown list.
    let (d, _) =
        doc("# T\n\n# I. A\n\n1. One.\n2. Two:\n1. a;\n2. b;\n3. c.\n\nText.\n\n3. Three.\n");
    assert_eq!(paras(&d)[1].list.as_ref().map(|l| l.items.len()), Some(3));
}

#[test]
fn nested_lettered_and_bullet_lists() {
    let (d, out) = doc(
        "# T\n\n# I. A\n\n1. Platforms:\n    1. Identity, in particular:\n       (a) Registers;\n       (b) Cards.\n    2. Payments.\n2. Measures:\n(a) First;\n(i) detail;\n(ii) more;\n(b) Second.\n\n3. Bullets:\n\n- one\n- two\n",
    );
    assert!(out.is_empty(), "{out:?}");
    let p = paras(&d);
    let l1 = p[0].list.as_ref().expect("list");
    assert_eq!(l1.kind, ListKind::Decimal);
    let nested = l1.items[0].list.as_ref().expect("(a) list");
    assert_eq!((nested.kind, nested.items.len()), (ListKind::Alpha, 2));
    let l2 = p[1].list.as_ref().expect("lettered");
    assert_eq!((l2.kind, l2.items.len()), (ListKind::Alpha, 2));
    assert_eq!(
        l2.items[0].list.as_ref().map(|l| (l.kind, l.items.len())),
        Some((ListKind::Roman, 2))
    );
    assert_eq!(p[2].list.as_ref().map(|l| l.kind), Some(ListKind::Bullet));
}

#[test]
fn inline_markup_links_symbols_and_footnotes() {
    let (d, out) = doc(
        "# T\n\n1. See *the* **report** [OHCHR](https://www.ohchr.org), [A/78/1](https://undocs.org/A/78/1) and A/RES/70/1.[^n]\n\n[^n]: A note.\n",
    );
    assert!(out.is_empty(), "{out:?}");
    let c = &paras(&d)[0].content;
    assert!(c.iter().any(|i| matches!(i, Inline::Emph(t) if t == "the")));
    assert!(c.iter().any(|i| matches!(i, Inline::Strong(_))));
    assert!(
        c.iter()
            .any(|i| matches!(i, Inline::Link(l) if l.url == "https://www.ohchr.org"))
    );
    let refs: Vec<&str> = d.refs().iter().map(|r| r.value.as_str()).collect();
    assert_eq!(refs, ["A/78/1", "A/RES/70/1"]);
    assert!(
        c.iter()
            .any(|i| matches!(i, Inline::NoteRef(n) if n.value == 1))
    );
    assert_eq!(d.footnotes.len(), 1);
}

#[test]
fn what_the_model_cannot_hold_is_a_warning_at_its_line() {
    let (_, out) =
        doc("# T\n\n1. Text ~~struck~~.\n\n```\ncode\n```\n\n<div>html</div>\n\n##### Deep\n");
    let lines: Vec<(Code, u32)> = out.iter().map(|d| (d.code, d.span.line)).collect();
    assert_eq!(
        lines,
        [
            (Code::Unsupported, 11),
            (Code::Unsupported, 13),
            (Code::Unsupported, 17),
            (Code::Unsupported, 19)
        ]
    );
}

#[test]
fn tables_with_their_caption_notes_and_source() {
    let (d, out) = doc(
        "# T\n\n1. Para.\n\nTable 1\nPopulation offline\n\n(Millions)\n\n| Region | Offline^a^ |\n|:--|--:|\n| Africa | 1.2 |\n| **Total** | **2.6** |\n\n^a^ Estimate.\n\nSource: ITU.\n\n2. Next.\n",
    );
    assert!(out.is_empty(), "{out:?}");
    let tables: Vec<&crate::model::Table> = d
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let t = tables[0];
    assert_eq!(
        (t.n, t.head.len(), t.body.len(), t.notes.len()),
        (Some(1), 1, 2, 1)
    );
    assert!(t.units.is_some() && t.source.is_some() && t.body[1].total);
    assert_eq!(paras(&d).len(), 2);
    assert_eq!(t.span, Span::new(13, 1));
}

#[test]
fn front_matter_title_and_masthead() {
    let outcome = read(
        "---\ntitle: A report\nsubtitle: Note by the Secretariat\nsymbol: A/80/1\nsybmol: x\n---\n\n# I. Introduction\n\n1. Text.\n",
    );
    let d = outcome.document.expect("doc");
    assert_eq!(crate::model::plain_text(&d.title.value), "A report");
    assert!(matches!(&d.body[0], Block::Chapter(c) if c.n == 1));
    assert_eq!(d.masthead.symbol.as_ref().map(|s| s.span.line), Some(4));
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code == Code::FrontMatter && d.message.contains("`symbol`"))
    );
}

#[test]
fn paragraphs_numbered_in_text_summary_and_annexes() {
    let ar =
        "---\nlanguage: ar\ntitle: عنوان\n---\n\n# أولا - مقدمة\n\n1 - نص أول.\n\n2 - نص ثان.\n";
    let d = read(ar).document.expect("doc");
    assert_eq!(paras(&d).iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2]);
    let zh = "---\nlanguage: zh\ntitle: 标题\n---\n\n# 一. 导言\n\n1.会议开幕。\n";
    let d = read(zh).document.expect("doc");
    assert_eq!(paras(&d).len(), 1);
    let (d, out) = doc(
        "# Title\n\n## Summary\n\nThe summary text.\n\n# I. Introduction\n\n1. Text.\n\n# Annex I\n\n## List of participants\n\n1. Annex paragraph.\n",
    );
    assert!(out.is_empty(), "{out:?}");
    let summary = d.summary.as_ref().expect("a summary");
    assert_eq!(summary.blocks.len(), 1);
    assert_eq!(d.annexes.len(), 1);
    assert_eq!(
        crate::model::plain_text(&d.annexes[0].heading),
        "List of participants"
    );
    assert!(matches!(&d.annexes[0].blocks[0], Block::Para(p) if p.n == 1));
}

#[test]
fn a_draft_without_a_title_is_an_error_and_images_need_their_file() {
    let outcome = read("---\nsymbol: A/80/1\n---\n\n# I. Introduction\n\n1. Text.\n");
    assert!(outcome.document.is_none());
    assert_eq!(outcome.diagnostics[0].code, Code::MissingTitle);
    let (_, out) = doc("# T\n\n1. P.\n\n![Figure I: Chart](figures/none.png)\n");
    assert_eq!(
        out.iter().map(|d| d.code).collect::<Vec<_>>(),
        [Code::BadImage]
    );
    let (d, out) = doc("# T\n\n1. See ![a chart](c.png) inline.\n");
    assert_eq!(out[0].code, Code::Unsupported);
    assert!(crate::model::plain_text(&paras(&d)[0].content).contains("a chart"));
}
