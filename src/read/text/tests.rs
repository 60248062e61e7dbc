//! Tests of the text reader on realistic input in each language.

use super::read;
use crate::diagnostic::Code;
use crate::lang::Lang;
use crate::model::{Block, Document, ListKind, Para, Span};

fn doc(source: &str) -> Document {
    let outcome = read(source);
    assert!(
        outcome.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        outcome.diagnostics
    );
    outcome.document.expect("a document")
}

fn chapters(doc: &Document) -> Vec<(u32, usize)> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Chapter(c) => Some((
                c.n,
                c.blocks
                    .iter()
                    .filter(|b| matches!(b, Block::Section(_)))
                    .count(),
            )),
            _ => None,
        })
        .collect()
}

fn numbers(paras: &[&Para]) -> Vec<u32> {
    paras.iter().map(|p| p.n).collect()
}

const SEED: &str = include_str!("../../../tests/fixtures/seed.txt");

#[test]
fn the_seed_has_its_structure() {
    let d = doc(SEED);
    assert_eq!(d.lang, Lang::Zh);
    assert_eq!(chapters(&d), [(1, 0), (2, 4), (3, 0)]);
    let paras = d.paragraphs();
    assert_eq!(numbers(&paras), (1..=10).collect::<Vec<_>>());
    let agenda = paras[3]
        .list
        .as_ref()
        .expect("paragraph 4 holds the agenda");
    assert_eq!(agenda.kind, ListKind::Decimal);
    assert_eq!(agenda.items.len(), 5);
    let sub = agenda.items[2].list.as_ref().expect("item 3 holds (a)-(c)");
    assert_eq!((sub.kind, sub.items.len()), (ListKind::Alpha, 3));
    assert_eq!(d.refs().len(), 5);
    let m = &d.masthead;
    assert_eq!(m.organ[0].value, "联合国反腐败公约 缔约国会议");
    assert_eq!(
        m.date.as_ref().map(|d| d.value.iso()),
        Some("2023-09-29".into())
    );
    assert_eq!(m.original.as_ref().map(|o| o.value), Some(Lang::En));
    assert!(m.symbol.is_none(), "the seed has no symbol of its own");
    assert_eq!(
        paras[4].span,
        Span::new(44, 1),
        "paragraph 5 points at its source line"
    );
}

#[test]
fn agenda_item_five_is_not_paragraph_five() {
    let src = "Distr.: General\n1 May 2024\nOriginal: English\n\nTitle\n\nI. One\n\n\
               4. The agenda was as follows:\n1. Opening.\n2. Adoption:\n - (a) first;\n\n\n- (b) second.\n3. Other.\n 4. Closing.\n 5. Report.\n\n\
               II. Two\n\n5. Next paragraph.\n";
    let d = doc(src);
    let paras = d.paragraphs();
    assert_eq!(numbers(&paras), [4, 5]);
    let list = paras[0].list.as_ref().expect("a list");
    let items: Vec<u32> = list.items.iter().map(|i| i.n).collect();
    assert_eq!(items, [1, 2, 3, 4, 5]);
    assert_eq!(list.items[1].list.as_ref().map(|l| l.items.len()), Some(2));
}

#[test]
fn a_paragraph_after_a_list_is_a_paragraph() {
    let src = "Distr.: General\n1 May 2024\nOriginal: English\n\nTitle\n\nI. One\n\n\
               1. The items are:\n(a) one;\n(b) two.\n\n2. Second paragraph.\n\n3. Third.\n";
    let d = doc(src);
    let paras = d.paragraphs();
    assert_eq!(numbers(&paras), [1, 2, 3]);
    assert_eq!(paras[0].list.as_ref().map(|l| l.items.len()), Some(2));
}

#[test]
fn french_and_spanish_labels_and_dates() {
    let src = "Assemblée générale\n\nDistr. générale\n26 mars 2021\nFrançais\nOriginal : anglais\n\nTitre\n\n\
               I. Introduction\n\nA. Contexte\n\n1. Les États ont décidé :\na) d'abord ;\nb) ensuite :\n  i) premier ;\n  ii) second.\n\n\
               B. Suite\n\n2. Fin.\n";
    let d = doc(src);
    assert_eq!(d.lang, Lang::Fr);
    assert_eq!(
        d.masthead.date.as_ref().map(|d| d.value.iso()),
        Some("2021-03-26".into())
    );
    assert_eq!(chapters(&d), [(1, 2)]);
    let list = d.paragraphs()[0].list.clone().expect("a list");
    assert_eq!(list.kind, ListKind::Alpha);
    let roman = list.items[1].list.as_ref().expect("nested roman list");
    assert_eq!((roman.kind, roman.items.len()), (ListKind::Roman, 2));

    let es = doc(
        "Asamblea General\n\nDistr. general\n15 de junio de 2004\nEspañol\nOriginal: inglés\n\nTítulo\n\nI. Uno\n\n1. Texto.\n",
    );
    assert_eq!(es.lang, Lang::Es);
    assert_eq!(
        es.masthead.date.as_ref().map(|d| d.value.iso()),
        Some("2004-06-15".into())
    );
}

#[test]
fn russian_with_cyrillic_lookalike_sections() {
    let src = "Генеральная Ассамблея\n\nDistr.: General\n28 October 2014\nRussian\nOriginal: English\n\nЗаголовок\n\n\
               I. Введение\n\nА. Общие положения\n\n1. Текст доклада:\na) первое;\nb) второе.\n\nВ. Другое\n\n2. Ещё текст.\n";
    let d = doc(src);
    assert_eq!(d.lang, Lang::Ru);
    assert_eq!(chapters(&d), [(1, 2)]);
    assert_eq!(numbers(&d.paragraphs()), [1, 2]);
}

#[test]
fn arabic_chapters_sections_paragraphs_and_letters() {
    let src = "الجمعية العامة\n\nDistr.: General\n7 April 2026\nArabic\nOriginal: English\n\nالعنوان\n\n\
               أولا - مقدمة\n\nألف - معلومات أساسية\n\n1 - نص الفقرة الأولى:\n(أ) البند الأول؛\n(ب) البند الثاني.\n\n\
               باء - التنفيذ\n\n٢ - نص الفقرة الثانية.\n\nثانيا - الاستنتاجات\n\n3 - نص.\n";
    let d = doc(src);
    assert_eq!(d.lang, Lang::Ar);
    assert_eq!(chapters(&d), [(1, 2), (2, 0)]);
    let paras = d.paragraphs();
    assert_eq!(numbers(&paras), [1, 2, 3]);
    assert_eq!(
        paras[0].list.as_ref().map(|l| (l.kind, l.items.len())),
        Some((ListKind::Alpha, 2))
    );
}

#[test]
fn chinese_chapters_with_both_separators() {
    let src = "Distr.: General\n1 May 2024\nOriginal: Chinese\n\n标题\n\n一、导言\n\n1. 文本：\n(a) 第一；\n(b) 第二。\n\n二. 结论\n\n2. 文本。\n";
    let d = doc(src);
    assert_eq!(d.lang, Lang::Zh);
    assert_eq!(chapters(&d), [(1, 0), (2, 0)]);
}

#[test]
fn section_c_and_chapter_iii_are_told_apart() {
    let src = "Distr.: General\n1 May 2024\nOriginal: English\n\nTitle\n\nI. One\n\n1. a.\n\nII. Two\n\nA. a\n\n2. b.\n\nB. b\n\n3. c.\n\n\
               C. c\n\n4. d.\n\nIII. Three\n\n5. e.\n";
    let d = doc(src);
    assert_eq!(chapters(&d), [(1, 0), (2, 3), (3, 0)]);
}

#[test]
fn front_matter_supplies_the_masthead_and_wrong_keys_are_errors() {
    let d = doc(
        "---\nsymbol: A/78/1\nduty-station: Geneva\n---\nDistr.: General\n1 May 2024\nOriginal: English\n\nTitle\n\n1. Text.\n",
    );
    assert_eq!(
        d.masthead
            .symbol
            .as_ref()
            .map(|s| (s.value.as_str(), s.span)),
        Some(("A/78/1", Span::new(2, 1)))
    );
    let bad = read("---\nsymbl: A/78/1\n---\nTitle\n");
    assert_eq!(bad.diagnostics[0].span, Span::new(2, 1));
    assert!(
        bad.diagnostics[0]
            .message
            .contains("unknown front matter key `symbl`")
    );
    let open = read("---\nsymbol: A/78/1\nTitle\n");
    assert!(open.document.is_none());
}

#[test]
fn footnotes_and_debris() {
    let src = "Distr.: General\n1 May 2024\nOriginal: English\n\nTitle\n\n1. See [A/78/123/Add.1](#).[^1]\n\n[^1]: Also S/RES/2712 (2023).\n";
    let d = doc(src);
    assert_eq!(d.footnotes.len(), 1);
    let refs: Vec<&str> = d.refs().iter().map(|r| r.value.as_str()).collect();
    assert_eq!(refs, ["A/78/123/Add.1", "S/RES/2712 (2023)"]);
}

#[test]
fn wrapped_lines_continue_their_paragraph() {
    let src = "Distr.: General\n1 May 2024\nOriginal: English\n\nTitle\n\n1. A paragraph that was\nwrapped over two lines\n\nand broken by a page.\n\n2. Next.\n";
    let d = doc(src);
    let paras = d.paragraphs();
    assert_eq!(
        crate::model::plain_text(&paras[0].content),
        "A paragraph that was wrapped over two lines and broken by a page."
    );
}

#[test]
fn a_paragraph_number_of_any_size_stays_a_numbered_paragraph() {
    let head = "Distr.: General\n1 May 2024\nOriginal: English\n\nTitle\n\n1. First.\n\n";
    let big = read(&format!("{head}123456. Second.\n\n3. Third.\n"));
    let paras = big.document.as_ref().expect("a document").paragraphs();
    assert_eq!(numbers(&paras), [1, 123_456, 3], "read as written");
    let huge = read(&format!("{head}4294967296. Second.\n\n3. Third.\n"));
    let paras = huge.document.as_ref().expect("a document").paragraphs();
    assert_eq!(numbers(&paras), [1, 2, 3], "kept in its place, numbered");
    let [d] = huge.diagnostics.as_slice() else {
        panic!("one diagnostic: {:?}", huge.diagnostics);
    };
    assert_eq!((d.code, d.span), (Code::ParaNumbering, Span::new(9, 1)));
    assert!(
        d.message.contains("4294967296 is too large"),
        "{}",
        d.message
    );
    let arabic = read(&format!("{head}٤٢٩٤٩٦٧٢٩٦ - نص.\n"));
    assert_eq!(arabic.diagnostics[0].code, Code::ParaNumbering);
    let long = read(&format!("{head}{}. Second.\n", "9".repeat(10_000)));
    assert!(long.diagnostics[0].message.contains("of 10000 digits"));
}

#[test]
fn a_lone_heading_line_stands_apart_from_the_text_under_it() {
    let head = "---\nsymbol: A/80/600\n---\n\nGeneral Assembly\n\nDistr.: General\n26 January 2026\nOriginal: English\n\nEightieth session\nAgenda item 158\n\nBudget for the Mission\n\nReport of the Secretary-General\n\nSummary\n\n";
    let source = format!(
        "{head}Financial resources\n\nDuring the 2024/25 period, the Mission incurred $64.7 million in expenditure.\n\nThe budget proposed for the 2026/27 period\n\namounts to $62.7 million.\n\nI. Introduction\n\n1. The present report sets out the budget.\n"
    );
    let doc = doc(&source);
    let summary = doc.summary.expect("a summary");
    let texts: Vec<String> = summary
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(crate::model::plain_text(&t.value)),
            _ => None,
        })
        .collect();
    // A heading line stands alone; a sentence broken by a blank line still
    // runs on.
    assert_eq!(
        texts,
        [
            "Financial resources",
            "During the 2024/25 period, the Mission incurred $64.7 million in expenditure.",
            "The budget proposed for the 2026/27 period amounts to $62.7 million.",
        ]
    );
}
