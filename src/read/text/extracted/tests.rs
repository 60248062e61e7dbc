//! Each piece of the extracted-text pass on small pages built here: page
//! furniture, the contents, hyphen joins in four languages, footnotes moved
//! (and one that cannot be placed), a table region in raw and layout text,
//! Arabic and Chinese pages.

use super::hyphen::Vocabulary;
use super::pages::split;
use crate::diagnostic::Code;
use crate::model::{Block, Document, plain_text};
use crate::read::audit::Action;
use crate::read::text::read;

/// Pages joined as pdftotext joins them: each ends with a form feed.
fn pages(pages: &[&str]) -> String {
    pages.iter().map(|p| format!("{p}\n\u{c}")).collect()
}

/// No UND019: the reader placed every note and table of the text.
fn assert_nothing_unplaced(outcome: &crate::read::ReadOutcome) {
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| d.code != Code::ExtractedText),
        "{:?}",
        outcome.diagnostics
    );
}

/// The first page's masthead and title of a layout report on a mission,
/// before the body the tests add.
const MISSION_MASTHEAD: &str = "          United Nations                                   A/80/999\n          General Assembly                     Distr.: General\n                                               2 February 2026\n                                               Original: English\n\nEightieth session\nAgenda item 150\nFinancing of a mission\n\n          Report on a mission\n          Report of the Secretary-General\n\n";

fn doc(text: &str) -> (Document, crate::read::ReadOutcome) {
    let mut outcome = read(text);
    let errors: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(
        errors.is_empty(),
        "{errors:?}\n{}",
        super::super::clean_extracted(text).unwrap_or_default()
    );
    let doc = outcome.document.take().expect("a document");
    (doc, outcome)
}

/// The texts of the reader's decisions of one kind, in order.
fn decided(outcome: &crate::read::ReadOutcome, action: Action) -> Vec<&str> {
    outcome
        .decisions
        .iter()
        .filter(|d| d.action == action)
        .map(|d| d.text.as_str())
        .collect()
}

fn para_texts(doc: &Document) -> Vec<(u32, String)> {
    doc.paragraphs()
        .iter()
        .map(|p| (p.n, plain_text(&p.content)))
        .collect()
}

const MASTHEAD: &str = "A/80/999\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n2 February 2026\nOriginal: English\n\nEightieth session\nAgenda item 150\nFinancing of a mission\n\nReport on a mission\nReport of the Secretary-General\n";

#[test]
fn furniture_is_dropped_and_the_job_number_kept() {
    let text = pages(&[
        &format!(
            "{MASTHEAD}\nI. Introduction\n1. The first paragraph of the report runs over a page break and\n\n26-00001 (E)    010226\n\n*2600001*\n\nPlease recycle"
        ),
        "A/80/999\n\ncontinues on the second page without a break in its text.\n2. The second paragraph.\n\n2/3\n\n26-00001",
        "26-00001\n\n3/3\n\nA/80/999\n\n3. The third paragraph.",
    ]);
    let (doc, outcome) = doc(&text);
    assert_eq!(
        para_texts(&doc),
        vec![
            (1, "The first paragraph of the report runs over a page break and continues on the second page without a break in its text.".into()),
            (2, "The second paragraph.".into()),
            (3, "The third paragraph.".into()),
        ]
    );
    assert_eq!(
        doc.masthead.job_number.as_ref().map(|j| j.value.as_str()),
        Some("26-00001 (E)")
    );
    let dropped = decided(&outcome, Action::FurnitureDropped);
    assert_eq!(
        dropped,
        [
            "26-00001 (E)  010226",
            "*2600001*",
            "Please recycle",
            "A/80/999",
            "2/3",
            "26-00001",
            "26-00001",
            "3/3",
            "A/80/999"
        ]
    );
}

#[test]
fn the_contents_is_dropped_across_pages() {
    let text = pages(&[
        &format!(
            "{MASTHEAD}\nContents\nPage\nI.\nIntroduction . . . . . . . . . . . . . .\n3\nA.\nBackground . . . . . . . . . . . . . . . .\n3"
        ),
        "A/80/999\nII.\nConclusions . . . . . . . . . . . . . .\n4\n\n2/3",
        "I. Introduction\nA. Background\n1. The text.\nII. Conclusions\n2. The end.",
    ]);
    let (doc, outcome) = doc(&text);
    let chapters: Vec<u32> = doc
        .body
        .iter()
        .filter_map(|b| {
            if let Block::Chapter(c) = b {
                Some(c.n)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(chapters, [1, 2]);
    assert_eq!(para_texts(&doc).len(), 2);
    assert_eq!(
        outcome
            .decisions
            .iter()
            .filter(|d| d.action == Action::ContentsDropped)
            .count(),
        11
    );
}

/// Raw text may read a contents column's labels after its entries, at the
/// foot of its last page (`II.`, `Annex`): they are the contents', not an
/// annex opening the body; a label opening the body on the contents' own
/// page, its heading after it, stays the body's.
#[test]
fn labels_read_after_the_contents_entries_are_the_contents() {
    let contents = format!(
        "{MASTHEAD}\nContents\nPage\nI.\nIntroduction . . . . . . . . . . . . . .\n3\nConclusions . . . . . . . . . . . . . .\n4\nOrganization chart . . . . . . . . . . . .\n5\nII.\n\nAnnex"
    );
    let body = "I. Introduction\n1. The text.\nII. Conclusions\n2. The end.";
    let (read_back, outcome) = doc(&pages(&[&contents, body]));
    assert!(read_back.annexes.is_empty(), "{:?}", read_back.annexes);
    assert_eq!(para_texts(&read_back).len(), 2);
    let dropped = decided(&outcome, Action::ContentsDropped);
    assert!(dropped.ends_with(&["II.", "Annex"]), "{dropped:?}");

    // The body under the contents on its page: a paragraph's number alone
    // on its line, its text after it, stays the body's.
    let same_page = format!(
        "{MASTHEAD}\nContents\nPage\nIntroduction . . . . . . . . . . . . . .\n2\n\n1.\n\nThe text runs on."
    );
    let (_, under) = doc(&pages(&[&same_page]));
    assert!(
        under
            .decisions
            .iter()
            .all(|d| d.action != Action::ContentsDropped || d.text != "1."),
        "{:?}",
        under.decisions
    );
}

/// `left-` at a line end and `right` at the next line's start, with the
/// document's other words in `context`.
fn joins(context: &str, left: &str, right: &str) -> bool {
    let text = pages(&[context]);
    Vocabulary::new(&split(&text)).joins(left, right)
}

#[test]
fn hyphens_are_joined_by_the_documents_words_and_the_dictionary() {
    let en = "The international community and the cost-benefit analysis of the national plans, and the costs of the benefits of the programme.";
    assert!(joins(en, "the inter", "national community"));
    assert!(!joins(en, "a cost", "benefit analysis"));
    assert!(!joins(en, "a non", "governmental body"));
    assert!(joins(
        "The organization of the meeting and the work of the committees of the Assembly.",
        "the recommen",
        "dations of the"
    ));
    assert!(!joins(en, "the Secretary", "General"));
    let fr = "Les recommandations du Comité et les mesures des États Membres sur le développement durable et la coopération internationale.";
    assert!(joins(fr, "les recomman", "dations du"));
    assert!(joins(fr, "la coopé", "ration entre"));
    let es = "Las recomendaciones del Comité y las medidas de los Estados Miembros sobre el desarrollo sostenible y la cooperación internacional.";
    assert!(joins(es, "la coope", "ración entre"));
    assert!(joins(es, "el desarro", "llo de"));
    let ru = "Рекомендации Комитета и меры государств-членов по устойчивому развитию и международному сотрудничеству в области развития.";
    assert!(joins(ru, "по сотрудни", "честву в"));
    assert!(!joins(ru, "государств", "членов и"));
    // A prefix keeps its hyphen before a word of the document, not before
    // the rest of a word split after the same letters.
    let ex = "The ex-combatants returned, and the combatants of both sides were disarmed.";
    assert!(!joins(ex, "the ex", "combatants of"));
    assert!(joins(ex, "has ex", "panded its"));
    assert!(joins(ex, "the co", "ordination of"));
    // A language's fixed compound keeps its hyphen though the document
    // writes it nowhere else.
    let fr_once = "Le Comité a adopté l'ordre du jour provisoire de la session et les recommandations des États.";
    assert!(!joins(fr_once, "l'ordre du jour ci", "après (A/80/1)"));
}

/// `text` broken into lines of at most `width` characters, as raw text
/// gives a justified paragraph.
fn wrapped(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("a line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join("\n")
}

/// Raw text: a paragraph set in wide letters has fewer characters a line
/// than the page's measure, which longer lines elsewhere stretch; a line
/// ending a sentence a few characters short of the paragraph's other lines
/// is not its end. One clearly short is.
#[test]
fn a_raw_paragraphs_line_is_short_by_its_own_lines() {
    let wide = "Plusieurs délégations ont estimé que le droit international des droits de l'homme s'appliquait pleinement dans l'environnement numérique et qu'il n'était pas nécessaire d'élaborer de nouvelles normes contraignantes.";
    let long_lines = wrapped(&[wide; 4].join(" "), 96);
    // The lines of a paragraph as raw text gives them (80, 79, 79, 79, 73
    // characters), then a new sentence on the next line.
    let lines = "Plusieurs délégations ont estimé que le droit international des droits de\nl'homme s'appliquait pleinement dans l'environnement numérique et qu'il n'était\npas nécessaire d'élaborer de nouvelles normes contraignantes. Selon elles, la\npriorité devait aller à la mise en œuvre effective des obligations existantes, à\nl'échange de bonnes pratiques et au renforcement des capacités des États.";
    let next = "D'autres délégations ont au contraire considéré que la rapidité des évolutions\ntechnologiques justifiait l'élaboration d'un instrument spécifique.";
    let body = format!(
        "I. Introduction\n1. {long_lines}\n2. {lines}\n{next}\n3. {lines}\nVoir ci-dessous.\n{next}"
    );
    let masthead = MASTHEAD.replace("Original: English", "Original: French");
    let (doc, _) = doc(&pages(&[&format!("{masthead}\n{body}")]));
    let texts = para_texts(&doc);
    assert!(
        texts[1].1.ends_with("des États. D'autres délégations ont au contraire considéré que la rapidité des évolutions technologiques justifiait l'élaboration d'un instrument spécifique."),
        "{texts:?}"
    );
    assert!(texts[2].1.ends_with("Voir ci-dessous."), "{texts:?}");
}

/// Raw text sets a sentence's citation in brackets on a line of its own
/// (`(A/79/372)`), and at a page's foot a blank line above the notes'
/// rule under it; or with a footnote's mark after it: the citation stays
/// with its sentence, while a short line set apart on its page is still
/// text of its own.
#[test]
fn a_citation_on_a_line_of_its_own_stays_with_its_sentence() {
    let text = pages(&[
        &format!(
            "{MASTHEAD}\nI. Introduction\n1. Several delegations considered that these questions deserved further study at the\nnext session.\n(A/79/372)\n2. The report gives equal attention to opportunities and to risks in the digital\nsphere, as the Assembly requested in its resolution.1\n(A/79/508)\n\n__________________\n1\nSee A/79/100.\n\n1/2"
        ),
        "A/80/999\n\n3. The Secretary-General will continue to follow developments in this area and\nstands ready to support Member States.\n(A/79/813)2\n\nMap\n\nA line of text after the map.\n__________________\n2\nSee A/79/813.\n\n2/2",
    ]);
    let (doc, outcome) = doc(&text);
    assert_nothing_unplaced(&outcome);
    let texts = para_texts(&doc);
    assert!(
        texts[0].1.ends_with("next session. (A/79/372)"),
        "{texts:?}"
    );
    assert!(
        texts[1].1.ends_with("in its resolution. (A/79/508)"),
        "{texts:?}"
    );
    // With its footnote's mark after it (`(A/79/813)2`).
    assert!(
        texts[2].1.ends_with("Member States. (A/79/813)"),
        "{texts:?}"
    );
    let third = &doc.paragraphs()[2].content;
    assert!(
        matches!(third.last(), Some(crate::model::Inline::NoteRef(n)) if n.value == 2),
        "{third:?}"
    );
}

/// Raw text read with a language's fixed compound joined at its hyphen
/// (`ciaprès`), written nowhere else: the hyphen comes back.
#[test]
fn a_fixed_compound_joined_once_gets_its_hyphen_back() {
    let masthead = MASTHEAD.replace("Original: English", "Original: French");
    let body = "I. Introduction\n1. Le Groupe de travail a adopté l'ordre du jour ciaprès (A/HRC/WG.17/2/1) : des États et des organisations.\n2. Les recommandations des États sont présentées dans le rapport.";
    let (raw, outcome) = doc(&pages(&[&format!("{masthead}\n{body}")]));
    assert!(
        para_texts(&raw)[0]
            .1
            .contains("l'ordre du jour ci-après (A/HRC"),
        "{:?}",
        para_texts(&raw)
    );
    assert_eq!(decided(&outcome, Action::HyphenRestored), ["ci-après"]);
}

/// Raw text glues a page's footnote rule to the page's last line and
/// drops that line's hyphen with it (`дан__________________`): the word
/// is joined with its rest on the next page, by the document's words or
/// the dictionary, and a whole word so glued is not.
#[test]
fn a_word_whose_hyphen_went_with_a_glued_rule_is_joined() {
    let sentence = "Однако во многих случаях данные о рисках недостаточно дезагрегированы по полу и возрасту.1";
    let text = pages(&[
        &format!(
            "{MASTHEAD}\nI. Введение\n1. {sentence} Необходимо уделять больше вни__________________\n1\nСм. доклад A/79/100.\n\n1/2"
        ),
        "A/80/999\n\nмания их потребностям.2 Однако во многих случаях дан__________________\n2\nСм. доклад A/79/101.\n\n2/3",
        "A/80/999\n\nные о рисках недостаточно.3\n2. Эти данные используются__________________\n3\nСм. доклад A/79/102.\n\n3/3",
        "A/80/999\n\nне только для раннего предупреждения, но и для планирования, и не только.",
    ]);
    let (doc, outcome) = doc(&text);
    let texts = para_texts(&doc);
    assert!(
        texts[0].1.ends_with(
            "уделять больше внимания их потребностям. Однако во многих случаях данные о рисках недостаточно."
        ),
        "{texts:?}"
    );
    assert_eq!(
        texts[1].1,
        "Эти данные используются не только для раннего предупреждения, но и для планирования, и не только."
    );
    assert_eq!(
        decided(&outcome, Action::HyphenJoined),
        ["внимания", "данные"]
    );
}

/// pdftotext's raw reading joins a line broken at a compound's hyphen
/// and drops the hyphen (`SecretaryGeneral`, `Governmentprovided` in the
/// official reports' raw text): a word the document writes hyphenated at
/// least as often as whole gets its hyphen back, recorded; a word it
/// writes whole more often (`cooperation`, `peacekeeping`) stays whole.
#[test]
fn compounds_raw_text_joined_at_their_hyphen_get_it_back() {
    let body = "I. Introduction\n1. The Secretary-General reports on the Government-provided personnel, the co-operation and the peace-keeping operations.\n2. The SecretaryGeneral proposes that Governmentprovided personnel serve in peacekeeping operations.\n3. Most peacekeeping operations rely on peacekeeping personnel and on cooperation, and cooperation again.";
    let (raw, outcome) = doc(&pages(&[&format!("{MASTHEAD}\n{body}")]));
    let second = &para_texts(&raw)[1].1;
    assert_eq!(
        second,
        "The Secretary-General proposes that Government-provided personnel serve in peacekeeping operations."
    );
    let restored = decided(&outcome, Action::HyphenRestored);
    assert_eq!(restored, ["Secretary-General", "Government-provided"]);
    assert!(
        para_texts(&raw)[2]
            .1
            .ends_with("on cooperation, and cooperation again.")
    );
}

#[test]
fn footnotes_move_to_their_marks_and_an_unplaced_one_is_kept() {
    let text = pages(&[
        &format!(
            "{MASTHEAD}\nI. Introduction\n1. The expenditure amounted to $10,500,500,1 or 15 per cent of the total.\n2. Staff of 28 nationalities were represented. 2 The Committee was informed.\n__________________\n1\nEstimates as at 28 February 2026.\n2\nDetailed information is on the portal.\n\n1/2"
        ),
        "A/80/999\n\n3. Paragraph 3 mentions no note at all.\n__________________\n3\nA note whose mark was lost.\n\n2/2",
    ]);
    let (doc, outcome) = doc(&text);
    let notes: Vec<(u32, String)> = doc
        .footnotes
        .iter()
        .map(|n| (n.n, plain_text(&n.content)))
        .collect();
    assert_eq!(
        notes,
        vec![
            (1, "Estimates as at 28 February 2026.".into()),
            (2, "Detailed information is on the portal.".into()),
            (3, "A note whose mark was lost.".into()),
        ]
    );
    let texts = para_texts(&doc);
    assert_eq!(
        texts[0].1,
        "The expenditure amounted to $10,500,500, or 15 per cent of the total."
    );
    assert_eq!(
        texts[1].1,
        "Staff of 28 nationalities were represented. The Committee was informed."
    );
    let moved = outcome
        .decisions
        .iter()
        .filter(|d| d.action == Action::FootnoteMoved)
        .count();
    assert_eq!(moved, 2);
    assert!(
        outcome
            .decisions
            .iter()
            .any(|d| d.action == Action::FootnoteUnplaced)
    );
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code == Code::ExtractedText && d.message.contains("footnote 3"))
    );
}

const LAYOUT_TABLE: &str = "                 18. Resource requirements are set out below.

                 Financial resources
                 (Thousands of United States dollars)

                                               Apportionment     Expenditure      Variance
                 Category                          (2024/25)       (2024/25)        Amount

                 Military and police
                 personnel                          41 945.0        41 386.3         558.7
                 Civilian personnel a               15 528.8        16 504.8        (976.0)

                       Gross requirements           68 743.8        67 872.2         871.6

                   a
                       Includes general temporary assistance.

                 19. The next paragraph follows the table.";

#[test]
fn a_layout_table_is_rebuilt_between_paragraphs() {
    let body = LAYOUT_TABLE.replace("18.", "1.").replace("19.", "2.");
    let (doc, outcome) = doc(&pages(&[&format!("{LAYOUT_HEAD}{body}")]));
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2]
    );
    let table = doc
        .body
        .iter()
        .find_map(|b| {
            if let Block::Table(t) = b {
                Some(t)
            } else {
                None
            }
        })
        .expect("a table");
    let cells = |row: &crate::model::Row| -> Vec<String> {
        row.cells
            .iter()
            .map(|c| {
                c.paragraphs
                    .iter()
                    .map(|p| plain_text(p))
                    .collect::<String>()
            })
            .collect()
    };
    assert_eq!(
        cells(&table.body[0]),
        [
            "Military and police personnel",
            "41 945.0",
            "41 386.3",
            "558.7"
        ]
    );
    assert_eq!(
        cells(&table.body[2]),
        ["Gross requirements", "68 743.8", "67 872.2", "871.6"]
    );
    assert_eq!(table.notes.len(), 1);
    assert!(
        outcome
            .decisions
            .iter()
            .any(|d| d.action == Action::TableRebuilt)
    );
}

/// The table note marks of a cell's paragraphs, in order.
fn note_marks(paragraphs: &[Vec<crate::model::Inline>]) -> Vec<u32> {
    let mut marks = Vec::new();
    for p in paragraphs {
        crate::model::for_each_table_note_mark(p, &mut |n, _| marks.push(n));
    }
    marks
}

/// The tables of a document's body, each as its rows' cells.
fn table_cells(doc: &Document) -> Vec<Vec<Vec<String>>> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .map(|t| {
            t.body
                .iter()
                .map(|r| r.cells.iter().map(crate::model::Cell::plain_text).collect())
                .collect()
        })
        .collect()
}

#[test]
fn rows_with_fewer_figures_take_the_columns_their_page_sets() {
    // A staffing table read in order (its columns squeezed apart from
    // page to page), and under it, in the same table as Word has it, the
    // estimated amounts with their own title and units line: one figure a
    // row, standing in the total's column of the next page.
    let first = "                 1. Staffing and costs are set out below.

                                          Posts     Positions       Total
                 Civilian staff

                 Approved 2024/25            14             1          15
                 Proposed 2026/27            11             1          12

                 Net change                 (3)             –         (3)";
    let second = "            Approved 2025/26                 14          1             15
            Estimated amount (civilian personnel)
            (Thousands of United States dollars)

            Approved 2025/26                                      4 023.8
            Proposed 2026/27                                      3 399.5

            2. The next paragraph follows the table.";
    let (doc, outcome) = doc(&pages(&[&format!("{LAYOUT_HEAD}{first}"), second]));
    let tables = table_cells(&doc);
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert_eq!(
        tables[0][5..],
        [
            ["Estimated amount (civilian personnel)", "", "", ""],
            ["(Thousands of United States dollars)", "", "", ""],
            ["Approved 2025/26", "", "", "4 023.8"],
            ["Proposed 2026/27", "", "", "3 399.5"]
        ]
    );
    assert_nothing_unplaced(&outcome);
}

#[test]
fn a_raw_table_read_column_by_column_is_kept_as_one_block_with_a_warning() {
    // The labels first, then all the figures: how many columns there are
    // cannot be told from the order.
    let body = "I. Introduction\n1. Resource requirements are set out below, in the table of the report.\nFinancial resources\n(Thousands of United States dollars)\nCategory\nApportionment\nExpenditure\nMilitary\nCivilian\n41 945.0\n41 386.3\n15 528.8\n16 504.8\n2. The next paragraph follows the table, and its number follows the first.";
    let (doc, outcome) = doc(&pages(&[&format!("{MASTHEAD}\n{body}")]));
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2]
    );
    let tables = doc
        .body
        .iter()
        .flat_map(|b| {
            if let Block::Chapter(c) = b {
                c.blocks.clone()
            } else {
                vec![]
            }
        })
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert_eq!(tables, 1);
    assert!(kept_a_table(&outcome));
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code == Code::ExtractedText)
    );
}

/// All blocks of the document's chapters, in order.
fn chapter_blocks(doc: &Document) -> Vec<Block> {
    doc.body
        .iter()
        .flat_map(|b| match b {
            Block::Chapter(c) => c.blocks.clone(),
            _ => vec![],
        })
        .collect()
}

#[test]
fn a_raw_row_label_broken_over_two_lines_stays_in_its_table() {
    // pdftotext breaks a row label too long for its cell (`… des Nations`
    // then `Unies`): the table goes on through it to its last figure.
    // Paragraphs of full lines, as raw text gives them: they set the
    // measure a row label is too long for.
    let body = "I. Introduction\n1. Written contributions were received from Member States, intergovernmental\norganizations, entities of the United Nations system, national human rights\ninstitutions and civil society, as set out in the table below and in the annex\nto the present report, which lists the contributions received by the deadline.\nTable 2\nWritten contributions received, by origin\nContributions\nChange\nFirst\nsession\nSecond\nsession\nStates\n24\n31\n7\n29.2\nIntergovernmental organizations and entities of the United\nNations\n6\n9\n3\n50.0\nCivil society\n19\n27\n8\n42.1\n2. The next paragraph follows the table, and its number follows the first\none; its lines are as full as those of the paragraph before the table, and its\nlast line is as short as the last line of a paragraph usually is.";
    let (wrapped, _) = doc(&pages(&[&format!("{MASTHEAD}\n{body}")]));
    let blocks = chapter_blocks(&wrapped);
    let kinds: Vec<&str> = blocks
        .iter()
        .map(|b| match b {
            Block::Para(_) => "para",
            Block::Table(_) => "table",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["para", "table", "para"], "{blocks:#?}");
    // A sentence's line broken the same way is not a row label: the
    // table ends before it and the text stays a paragraph's.
    let sentence = body.replace(
        "Intergovernmental organizations and entities of the United\nNations\n6",
        "Intergovernmental organizations and entities of the United Nations answered.\nLater\n6",
    );
    let (broken, _) = doc(&pages(&[&format!("{MASTHEAD}\n{sentence}")]));
    let tables = chapter_blocks(&broken)
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert_ne!(tables, 1, "the sentence ended the first table");
}

/// Kinds of the chapters' blocks, in order.
fn block_kinds(doc: &Document) -> Vec<&'static str> {
    chapter_blocks(doc)
        .iter()
        .map(|b| match b {
            Block::Para(_) => "para",
            Block::Table(_) => "table",
            Block::Subheading(_) => "subheading",
            _ => "other",
        })
        .collect()
}

#[test]
fn a_raw_tables_group_heading_too_long_for_a_cell_stays_in_its_table() {
    // A staffing table over two pages: raw text gives its cells a line each
    // and its group headings (`Office of the Chief of …`) a full line. The
    // group's rows under the heading keep the table going, across the page.
    let para = "1. The proposed changes to the staffing of the mission are set out below by\noffice and section, with the number of posts established, abolished or redeployed\nin each, as required by the mission's mandate for the coming financial period.";
    let group = |office: &str, title: &str| {
        format!(
            "Office of the Chief of {office}\nPosts\n\nInternational\n\n1 P-4\n\n{title}\n\nEstablishment\n\nNational\n\n2 NGS\n\nAssistant\n\nEstablishment\n\nNet change\n\n3\n"
        )
    };
    let first = format!(
        "{MASTHEAD}\nI. Introduction\n{para}\nHuman resources: proposed changes\nOffice/section\n\nType\n\nNumber Level\n\nFunctional title\n\nPost action\n\n{}\n\n2/3\n\n26-00001",
        group("Operations and Resource Management", "Budget Officer")
    );
    let second = format!(
        "A/80/999\n{}\nNet change\n\n6\n\n2. The next paragraph follows the table, and its number follows the first\none; its lines are as full as those of the paragraph before the table, and its\nlast line is as short as the last line of a paragraph usually is.",
        group("Supply Chain and Property Management", "Supply Officer")
    );
    let (over_pages, _) = doc(&pages(&[&first, &second]));
    assert_eq!(block_kinds(&over_pages), ["para", "table", "para"]);
    // A full line with a paragraph under it is the text's subheading: the
    // table ends before it.
    let subheading = second.replace(
        "\n\n2. The next",
        "\nSupply Chain and Property Management Section of the Mission\n2. The next",
    );
    let (ended, _) = doc(&pages(&[&first, &subheading]));
    let kinds = block_kinds(&ended);
    assert_eq!(kinds.first(), Some(&"para"));
    assert_eq!(
        kinds.iter().filter(|k| **k == "table").count(),
        1,
        "{kinds:?}"
    );
    assert_ne!(kinds[kinds.len() - 2], "table", "{kinds:?}");
}

/// Two paragraphs of full lines with `table` between them.
fn between_paragraphs(table: &str) -> String {
    let first = "1. For the 2026/27 period, the increased requirements are attributable primarily to\nthe need to procure sea containers for the acquisition, transportation and ongoing\nstorage of goods, which requirement had been met in the previous periods.";
    let second = "2. For the 2024/25 period, the reduced requirements were attributable primarily to\nnew, lower-cost, contractual arrangements and a reduction in the number of\nlicences, as set out in the annex to the present report.";
    pages(&[&format!(
        "{MASTHEAD}\nI. Introduction\n{first}\n{table}\n{second}"
    )])
}

#[test]
fn a_raw_variance_table_of_one_row_is_a_table() {
    // A header, a row label too long for a cell and the row's amounts and
    // shares: fewer cells than a table needs otherwise, but amounts stand
    // alone on a line only in a table.
    let table = "2024/25 variance\n\nCommunications and information technology\n\n$466.2\n\n4.8%\n";
    let (read, _) = doc(&between_paragraphs(table));
    assert_eq!(block_kinds(&read), ["para", "table", "para"]);
    // A year closing the paragraph above, on a line of its own, stays the
    // paragraph's.
    let year = between_paragraphs(table).replace(
        "had been met in the previous periods.\n",
        "had been met in the approved budget for\n2025/26.\n",
    );
    let (with_year, _) = doc(&year);
    let texts = para_texts(&with_year);
    assert!(texts[0].1.ends_with("budget for 2025/26."), "{texts:?}");
    assert_eq!(block_kinds(&with_year), ["para", "table", "para"]);
    let Some(Block::Table(t)) = chapter_blocks(&read).into_iter().nth(1) else {
        panic!("a table");
    };
    // Rebuilt: the period's heading over the amount and its share.
    let head: Vec<String> = t.head.iter().flat_map(row_cells).collect();
    assert_eq!(head, ["", "2024/25 variance"]);
    assert_eq!(t.head[0].cells[1].col_span, 2);
    let body: Vec<String> = t.body.iter().flat_map(row_cells).collect();
    assert_eq!(
        body,
        [
            "Communications and information technology",
            "$466.2",
            "4.8%"
        ]
    );
    // Plain figures are not enough for so small a table; set apart by
    // blank lines, they are not glued to the paragraph before them either.
    let (plain, _) = doc(&between_paragraphs("Communications\n\n466\n\n48\n"));
    assert!(!block_kinds(&plain).contains(&"table"));
    let texts = para_texts(&plain);
    assert!(texts[0].1.ends_with("previous periods."), "{texts:?}");
    // A paragraph's short last sentence, with the next paragraph right
    // under it, stays the paragraph's.
    let (last, _) = doc(&between_paragraphs("It is met."));
    let texts = para_texts(&last);
    assert!(
        texts[0].1.ends_with("previous periods. It is met."),
        "{texts:?}"
    );
}

/// The head and the one row of the only table of `text`, and whether the
/// reader warned of a table kept as a block.
fn variance_table(table: &str) -> (Vec<(String, u32)>, Vec<String>, bool) {
    let (read, outcome) = doc(&between_paragraphs(table));
    assert_eq!(block_kinds(&read), ["para", "table", "para"]);
    let Some(Block::Table(t)) = chapter_blocks(&read).into_iter().nth(1) else {
        panic!("a table");
    };
    let head = t
        .head
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| {
            (
                c.paragraphs.iter().map(|p| plain_text(p)).collect(),
                c.col_span,
            )
        })
        .collect();
    let body = t.body.iter().flat_map(row_cells).collect();
    let kept = outcome
        .diagnostics
        .iter()
        .any(|d| d.message.contains("kept as one block"));
    (head, body, kept)
}

#[test]
fn raw_variance_tables_are_rebuilt_under_their_periods_in_any_order_read() {
    let heads = |a: &str, n: u32, b: &str, m: u32| {
        vec![(String::new(), 1), (a.to_string(), n), (b.to_string(), m)]
    };
    // Row by row: each period's heading, then its amount and share.
    let (head, body, kept) = variance_table(
        "2024/25 variance\n\nMilitary observers\n\n($773.5)\n\n(12.0%)\n\n2026/27 variance\n\n($768.0)\n\n(9.9%)\n",
    );
    assert_eq!(head, heads("2024/25 variance", 2, "2026/27 variance", 2));
    assert_eq!(
        body,
        [
            "Military observers",
            "($773.5)",
            "(12.0%)",
            "($768.0)",
            "(9.9%)"
        ]
    );
    assert!(!kept);
    // The label first and the amounts before the shares.
    let (head, body, _) = variance_table(
        "National Professional Officer\n\n2024/25 variance\n\n2026/27 variance\n\n$57.0\n\n$83.0\n\n19.8%\n\n28.8%\n",
    );
    assert_eq!(head, heads("2024/25 variance", 2, "2026/27 variance", 2));
    assert_eq!(
        body,
        [
            "National Professional Officer",
            "$57.0",
            "19.8%",
            "$83.0",
            "28.8%"
        ]
    );
    // Two figures on one line, the second heading read among them.
    let (_, body, _) = variance_table(
        "2024/25 variance\n\nInternational staff\n\n$426.1\n\n2026/27 variance\n\n2.5% ($2 033.4)\n\n(11.2%)\n",
    );
    assert_eq!(
        body,
        [
            "International staff",
            "$426.1",
            "2.5%",
            "($2 033.4)",
            "(11.2%)"
        ]
    );
    // A requirement alone under its period, a variance with its share.
    let (head, body, _) = variance_table(
        "2025/26 requirements\n\nMilitary contingents\n\n$38 558.2\n\n2026/27 variance\n\n$47 303.0\n\n122.7%\n",
    );
    assert_eq!(
        head,
        heads("2025/26 requirements", 1, "2026/27 variance", 2)
    );
    assert_eq!(
        body,
        ["Military contingents", "$38 558.2", "$47 303.0", "122.7%"]
    );
    // Bad input: two readings fit (no sign tells amounts from shares), a
    // share with no amount, a second label: each stays a block, warned of.
    for unclear in [
        "Medical\n\n2024/25 variance\n\n2026/27 variance\n\n$252.0\n\n36.8\n\n82.7\n\n(12.1%)\n",
        "2024/25 variance\n\nMedical\n\n36.8%\n\n$252.0\n\n2026/27 variance\n\n($82.7)\n\n(12.1%)\n",
        "2024/25 variance\n\nMedical\n\n$252.0\n\n36.8%\n\nRations\n\n($82.7)\n\n(12.1%)\n",
    ] {
        let (_, body, kept) = variance_table(unclear);
        assert!(kept, "{unclear:?} read as {body:?}");
    }
}

#[test]
fn a_raw_row_label_broken_after_its_colon_stays_in_its_table() {
    let table = "Efficiency gains\n(Thousands of United States dollars)\nCategory\n\nInitiative\n\nGain\n\nMilitary observers\n\nReduced deployment\n\n3 065.8\n\nMilitary contingents:\ntroops\n\nReduced deployment\n\n12 169.9\n\nMilitary contingents:\nstaff officers\n\nReduced deployment\n\n1 629.7\n";
    let (read, _) = doc(&between_paragraphs(table));
    assert_eq!(block_kinds(&read), ["para", "table", "para"]);
}

#[test]
fn a_raw_table_whose_next_page_repeats_its_header_after_notes_at_the_foot_is_one_table() {
    let para = "1. The human resources of the mission for the coming financial period are set out\nbelow by category, with the posts approved and proposed and the changes between\nthem, as required by the mission's mandate for the period concerned.";
    let rows = |label: &str| format!("{label}\n\n1\n\n2\n\n5\n\n8\n\n");
    let first = format!(
        "{MASTHEAD}\nI. Introduction\n{para}\nExecutive direction and management\nInternational staff\n\nUSG\n\nD-2\n\nP-5\n\nTotal\n\n{}{}Note: The following abbreviations are used in the tables: ASG, Assistant\nSecretary-General; USG, Under-Secretary-General.\n\n2/3\n\n26-00001",
        rows("Approved posts 2024/25"),
        rows("Proposed posts 2026/27")
    );
    let second = |top: &str| {
        format!(
            "A/80/999\n{top}\n\nUSG\n\nD-2\n\nP-5\n\nTotal\n\n{}{}2. The next paragraph follows the table, and its number follows the first\none; its lines are as full as those of the paragraph before the table, and its\nlast line is as short as the last line of a paragraph usually is.",
            rows("Approved 2024/25"),
            rows("Proposed 2026/27")
        )
    };
    let (over, _) = doc(&pages(&[&first, &second("International staff")]));
    assert_eq!(block_kinds(&over), ["para", "table", "para"]);
    // A page that does not repeat the header opens a table of its own.
    let (two, _) = doc(&pages(&[&first, &second("Civilian personnel")]));
    let kinds = block_kinds(&two);
    assert_eq!(
        kinds.iter().filter(|k| **k == "table").count(),
        2,
        "{kinds:?}"
    );
}

#[test]
fn chinese_pages_join_without_spaces() {
    let text = pages(&[
        "CAC/COSP/EG.1/2023/4\n\n联合国\n\n大会\n\nDistr.: General\n29 September 2023\nChinese\nOriginal: English\n\n专家组会议报告\n\n一. 导言\n1. 本报告根据第4/2号决议编写，报告了\n\n23-18588 (C)\n\n*2318588*",
        "CAC/COSP/EG.1/2023/4\n\n专家组会议的工作。\n2. 第二段。\n\n2/2\n\n23-18588",
    ]);
    let (doc, _) = doc(&text);
    assert_eq!(
        para_texts(&doc),
        vec![
            (
                1,
                "本报告根据第4/2号决议编写，报告了专家组会议的工作。".into()
            ),
            (2, "第二段。".into())
        ]
    );
}

/// pdftotext reads the gaps of Chinese text justified between characters
/// as spaces (`2023 年 9 月 5 日 ， 专 家`): they are not the text's, and
/// go; a Latin name keeps its spaces.
#[test]
fn chinese_text_spread_by_justification_reads_without_spaces() {
    let text = pages(&[
        "CAC/COSP/EG.1/2023/4\n\n联合国\n\n大会\n\nDistr.: General\n29 September 2023\nChinese\nOriginal: English\n\n专家组会议报告\n\n一. 导言\n1. 2023 年 9 月 5 日 ， 专 家 会 议 通 过 了 议 程 （ CAC/COSP/EG.1/2023/1 ） 。\n2. 会 议 由 副 主 席 Afta Riani 主 持 。\n\n1/1\n\n23-18588",
    ]);
    let (doc, _) = doc(&text);
    assert_eq!(
        para_texts(&doc),
        vec![
            (
                1,
                "2023年9月5日，专家会议通过了议程（CAC/COSP/EG.1/2023/1）。".into()
            ),
            (2, "会议由副主席 Afta Riani 主持。".into())
        ]
    );
}

/// A Roman-numbered cell read as a heading (`V. Civilian staff`, a row of
/// a staffing table whose grid raw text loses) does not move the chapter
/// count five ahead: the next chapter, `II.` at the top of a page after a
/// full line, still opens its chapter instead of running on as its text.
#[test]
fn a_stray_roman_label_does_not_jump_the_chapter_count() {
    let line =
        "The factors that may affect the delivery of the outputs include the situation and the";
    let text = pages(&[
        &format!(
            "{MASTHEAD}\nI. Mandate\n1. The mandate was established by the Council.\n\nV. Civilian staff\n\n{line}\n{line}"
        ),
        "A/80/999\nII. Financial resources\nA.\nOverall\n2. The budget is proposed.",
    ]);
    let outcome = read(&text);
    let doc = outcome.document.expect("a document");
    let chapters = chapters(&doc);
    assert!(
        chapters.contains(&(2, "Financial resources".to_string())),
        "{chapters:?}"
    );
}

#[test]
fn arabic_pages_read_their_labels() {
    let text = pages(&[
        "A/HRC/58/1\n\nالأمم المتحدة\n\nالجمعية العامة\n\nDistr.: General\n4 August 2025\nArabic\nOriginal: English\n\nتقرير عن التعليم\n\nأولا - مقدمة\n1 - يقدم هذا التقرير عملا بقرار المجلس،\n\n25-12874 (A)",
        "A/HRC/58/1\n\nويستعرض الاتجاهات.\n2 - الفقرة الثانية.\n\n2/2\n\n25-12874",
    ]);
    let (doc, _) = doc(&text);
    assert_eq!(
        para_texts(&doc),
        vec![
            (
                1,
                "يقدم هذا التقرير عملا بقرار المجلس، ويستعرض الاتجاهات.".into()
            ),
            (2, "الفقرة الثانية.".into())
        ]
    );
}

#[test]
fn lines_joined_at_a_broken_word_do_not_set_the_measure() {
    // Raw text joins the two lines around a word broken at a line end: in a
    // text that hyphenates often, such lines are more than a tenth of all.
    let long = "and the regional commissions, which report on the trends observed in their regions, as requested by the Assembly";
    let body = format!(
        "I. Introduction\n1.\nThe present report is submitted pursuant to resolution\n79/204, in which the Assembly requested the Secretary-\nGeneral to report on the 2030 Agenda, as adopted (A/RES/70/1).\nThe report reviews recent trends and identifies the gaps\nin access, governance and financing of public systems.\n2.\nIt draws on contributions received from Member States\n{long}\n{long}\n{long}\n{long}\nand from experts of the private sector and civil society."
    );
    let (doc, _) = doc(&pages(&[&format!("{MASTHEAD}\n{body}")]));
    let paras = para_texts(&doc);
    assert_eq!(paras.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2]);
    assert!(paras[0].1.ends_with("public systems."), "{:?}", paras[0].1);
}

#[test]
fn an_enumeration_inside_a_sentence_is_not_a_list() {
    let head = MISSION_MASTHEAD;
    let body = "          1. The increased requirements were attributable primarily to: (a) a\n          retroactive increase in the rate for rations, owing to the conflict;\n          (b) the higher cost of commercial flights for troop rotations; and\n          (c) additional charges for equipment.\n          2. It is proposed to:\n                (a) Reassign six posts;\n                (b) Abolish one position.\n";
    let (doc, outcome) = doc(&pages(&[&format!("{head}{body}")]));
    assert!(outcome.diagnostics.iter().all(|d| !d.is_error()));
    let paras = para_texts(&doc);
    assert_eq!(paras.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2]);
    assert!(
        paras[0]
            .1
            .ends_with("(c) additional charges for equipment."),
        "{:?}",
        paras[0].1
    );
}

#[test]
fn indented_items_after_an_introduction_are_a_list() {
    // undoc's own PDFs indent a list's labels and set its lines back at
    // the margin: the items go in the paragraph, whatever their numbers.
    let head = MISSION_MASTHEAD;
    let body = "          1.   The Assembly may wish to consider the following recommendations, as set out\n          in the report of the Secretary-General:\n               1.   Entities should continue to align their support with the Global\n          Digital Compact and report on progress through existing mechanisms.\n               2.   Member States are encouraged to adopt a phased approach to the\n          deployment of systems, in the following order:\n                    (a) Adoption of a national strategy or policy framework, often linked\n          to the national development plan.\n                    (b) Establishment of a legal basis for digital identification.\n               3.   Independent evaluation and revision of the initial design.\n          2.   The second paragraph follows the list.\n";
    let (doc, _) = doc(&pages(&[&format!("{head}{body}")]));
    let paras = doc.paragraphs();
    assert_eq!(paras.iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2]);
    let list = paras[0].list.as_ref().expect("a list");
    assert_eq!(list.items.len(), 3);
    assert!(
        plain_text(&list.items[0].content).ends_with("existing mechanisms."),
        "{:?}",
        plain_text(&list.items[0].content)
    );
    let sub = list.items[1].list.as_ref().expect("a sublist");
    assert_eq!(sub.items.len(), 2);
}

#[test]
fn an_organ_name_wrapped_in_the_masthead_is_joined() {
    // The organ's column is narrow: its name's next line comes after the
    // date, on a line of its own, and the text reader must still find the
    // date and the original language after `Distr.`.
    let head = "            Nations Unies                                                A/80/999\n            Conseil des droits de                      Distr. générale\n                                                       9 mars 2025\n            l'homme\n                                                       Français\n                                                       Original : anglais\n\nSoixantième session\n\n            Rapport sur une mission\n\n";
    let body = "            1.   Le premier paragraphe.\n";
    let (doc, _) = doc(&pages(&[&format!("{head}{body}")]));
    let m = &doc.masthead;
    let organ: Vec<&str> = m.organ.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(organ, ["Conseil des droits de l'homme"]);
    assert!(m.date.is_some() && m.original.is_some());
}

#[test]
fn a_sentence_at_a_page_foot_runs_on_when_its_line_is_full() {
    // A page break is not a blank line: the item's sentence ends with a
    // full line at the foot of the page, and the next page goes on with it.
    let head = MISSION_MASTHEAD;
    let body = "          1.   The Assembly may wish to consider the following recommendations, as set out\n          in the report of the Secretary-General and its annex, in the following order:\n               1.   Entities should continue to align their support with the Global\n          Digital Compact and report on progress through the existing mechanisms.\n               2.   The session was opened on 12 May 2025 by a representative of the\n          Office, who stressed the importance of the work of the Working Group.\n";
    let next = "          At its first meeting, the Working Group adopted its agenda, as follows:\n                    (a) Election of officers.\n                    (b) Adoption of the report.\n          2.   The second paragraph follows the list.\n";
    let (doc, _) = doc(&pages(&[&format!("{head}{body}"), next]));
    let paras = doc.paragraphs();
    assert_eq!(paras.iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2]);
    let item = &paras[0].list.as_ref().expect("a list").items[1];
    assert!(
        plain_text(&item.content).ends_with("adopted its agenda, as follows:"),
        "{:?}",
        plain_text(&item.content)
    );
    assert_eq!(item.list.as_ref().map(|l| l.items.len()), Some(2));
}

#[test]
fn chinese_items_indented_by_two_columns_are_a_list() {
    // Chinese text is set in wide characters: pdftotext's columns are wider
    // and an item's indent is two of them.
    let head = "               联合国                                                   A/80/1001\n               大会                                     Distr.: General\n                                           16 March 2025\n                                           Chinese\n                                           Original: English\n\n第八十届会议\n\n            专家组会议报告\n\n";
    let body = "            1. 项目由受援国政府主导实施，并在项目设计阶段即充分征求当地社区的意\n            见。项目活动主要包括以下几个方面：\n              1. 鼓励会员国将干旱地区生态系统恢复纳入国家发展规划和气候行\n            动计划，并制定具有时限的量化目标。\n              2. 报告所述期间，联合国环境规划署协助各国开展了下列活动：\n\n                   (a)   协助各国编制项目建议书，争取国际资金支持。\n\n                   (b)   为政府官员、技术人员和社区组织提供培训；\n              3. 鼓励会员国将干旱地区生态系统恢复纳入国家发展规划和气候行\n            动计划，并制定具有时限的量化目标。\n            2. 培训和能力建设活动特别注重妇女、青年和土著人民的参与。在若干\n{}            地社区从生态系统恢复中切实受益。\n";
    let full = "            试点地区，当地社区在专家指导下参与了恢复方案的设计、实施和监测，并\n";
    let body = body.replace("{}", &full.repeat(8));
    let (doc, _) = doc(&pages(&[&format!("{head}{body}")]));
    let paras = doc.paragraphs();
    assert_eq!(paras.iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(paras[0].list.as_ref().map(|l| l.items.len()), Some(3));
}

#[test]
fn an_arabic_note_with_its_mark_raised_onto_a_line_of_its_own() {
    // pdftotext sets a right-to-left page's note mark on a line of its own
    // over the end of its line, and the note's number against its text.
    let text = pages(&[
        "A/HRC/58/1\n\nالأمم المتحدة\n\nالجمعية العامة\n\nDistr.: General\n4 August 2025\nArabic\nOriginal: English\n\nتقرير عن التعليم\n\nأولا - مقدمة\n1 - يقدم هذا التقرير عملا بقرار المجلس،\n                    1\n                     ويستعرض الاتجاهات.\n2 - الفقرة الثانية.\n\n\n1تعليق على الفقرة الأولى.\n\n25-12874 (A)",
    ]);
    let (doc, outcome) = doc(&text);
    assert_nothing_unplaced(&outcome);
    assert_eq!(
        para_texts(&doc)[0].1,
        "يقدم هذا التقرير عملا بقرار المجلس، ويستعرض الاتجاهات."
    );
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(
        plain_text(&doc.footnotes[0].content),
        "تعليق على الفقرة الأولى."
    );
}

/// An Arabic page of extracted text with `body` under its masthead.
fn arabic_page(body: &str) -> String {
    pages(&[&format!(
        "A/HRC/58/1\n\nالأمم المتحدة\n\nالجمعية العامة\n\nDistr.: General\n4 August 2025\nArabic\nOriginal: English\n\nتقرير عن التعليم\n\nأولا - مقدمة\n{body}\n\n25-12874 (A)"
    )])
}

#[test]
fn arabic_lists_are_told_by_their_numbers() {
    // Right-to-left lines are measured from the right: an item's indent
    // does not show, its number does. Item 2 is also the next paragraph's
    // number: the paragraph comes after the list.
    let body = "1 - تقدم الفقرة الأولى التوصيات التالية:\n1 - البند الأول؛\n2 - البند الثاني يشمل ما يلي:\n(أ) الفرع الأول؛\n(ب) الفرع الثاني الذي يبدأ في هذا السطر\nويستمر في السطر التالي؛\n3 - البند الثالث.\n2 - الفقرة الثانية.";
    let (doc, _) = doc(&arabic_page(body));
    let paras = doc.paragraphs();
    assert_eq!(paras.iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2]);
    let list = paras[0].list.as_ref().expect("a list");
    assert_eq!(list.items.len(), 3);
    let sub = list.items[1].list.as_ref().expect("a sublist");
    assert_eq!(
        plain_text(&sub.items[1].content),
        "الفرع الثاني الذي يبدأ في هذا السطر ويستمر في السطر التالي؛"
    );
}

#[test]
fn an_arabic_item_after_one_ending_with_the_arabic_semicolon_opens_its_own() {
    // Item (أ) fills its first line and ends with `؛` (U+061B) on its
    // second; the next line's `(ب)` opens the next item, as `(b)` after
    // `;` does, and is not read on as (أ)'s text.
    let body = "1 - على الرغم من التقدم المحرز، لا يزال العالم بعيدا عن تحقيق التغطية الشاملة\nبالحماية الاجتماعية بحلول عام 2030. ولسد الثغرات القائمة، قد تود الجمعية العامة أن\nتنظر في التوصيات التالية:\n(أ) تشجيع الدول الأعضاء على اعتماد استراتيجيات وطنية للحماية الاجتماعية\nتستند إلى أطر قانونية واضحة وتحدد أهدافا زمنية لتوسيع نطاق التغطية؛\n(ب) حث الدول الأعضاء على زيادة الحيز المالي المخصص للحماية الاجتماعية من\nخلال تعزيز تعبئة الموارد المحلية وإصلاح النظم الضريبية؛\n(ج) دعوة شركاء التنمية إلى تقديم دعم مالي وتقني.\n2 - الفقرة الثانية.";
    let (doc, _) = doc(&arabic_page(body));
    let paras = doc.paragraphs();
    assert_eq!(paras.iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2]);
    let list = paras[0].list.as_ref().expect("a list");
    let items: Vec<String> = list.items.iter().map(|i| plain_text(&i.content)).collect();
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[0].ends_with("التغطية؛"), "{items:?}");
    assert!(items[1].starts_with("حث الدول"), "{items:?}");
}

#[test]
fn a_wide_arabic_label_set_apart_at_the_line_end_opens_its_paragraph() {
    // pdftotext sets `- 101` apart in a direction run of its own at the
    // end of the line, after the text.
    let line = |n: u32, text: &str| {
        format!("\u{202b}{text}\u{202c}        \u{202b}\u{202a}- {n}\u{202c}\u{202c}")
    };
    let body = format!(
        "\u{202b}\u{202a} - 99\u{202c}الفقرة التاسعة والتسعون.\u{202c}\n{}\n{}",
        line(100, "الفقرة المائة."),
        line(101, "الفقرة الحادية بعد المائة.")
    );
    let text = arabic_page(&body);
    let cleaned = super::super::clean_extracted(&text).unwrap_or_default();
    assert!(cleaned.contains("\n100 - الفقرة المائة.\n"), "{cleaned}");
    assert!(cleaned.contains("\n101 - الفقرة الحادية"), "{cleaned}");
}

#[test]
fn a_mark_set_against_its_word_wins_over_a_figure_after_a_comma() {
    // `, 1 d'organisations` could be a mark set off by a space; the mark
    // set against its word (`civile.1`) is the one.
    let text = pages(&[&format!(
        "{MASTHEAD}\nI. Introduction\n1. Le secrétariat a reçu 67 contributions, dont 31 d'États, 1 d'organisations et le reste de la société civile.1\n__________________\n1\nContributions reçues au 2 mai.\n\n1/1"
    )]);
    let (doc, outcome) = doc(&text);
    assert_nothing_unplaced(&outcome);
    assert_eq!(
        para_texts(&doc)[0].1,
        "Le secrétariat a reçu 67 contributions, dont 31 d'États, 1 d'organisations et le reste de la société civile."
    );
    assert_eq!(doc.footnotes.len(), 1);
}

#[test]
fn a_lines_first_word_is_the_documents_unless_a_hyphen_broke_it() {
    let text = pages(&[
        "Causas      Condenasa\n\n  a\n   Condenas firmes dictadas en el mismo período.\nel desarro-\nllo de los Estados",
    ]);
    let vocab = Vocabulary::new(&split(&text));
    assert!(vocab.has("Condenas"));
    assert!(!vocab.has("llo"));
    assert!(vocab.has("de"));
}

/// A layout page holding one table of crimes, its last heading `heading`
/// (a note letter set against it), its note `note` (lines of text), read;
/// and the table's headings.
fn crimes_table(
    heading: &str,
    note: &str,
) -> (crate::model::Table, Vec<String>, crate::read::ReadOutcome) {
    let head = MISSION_MASTHEAD;
    let body = format!(
        "                 1. The cases reported by States are set out below.

                 Table 1
                 Criminal cases reported by States

                 Offence                                        Cases      {heading}

                 Wildlife trafficking                             412            97
                 Illegal logging                                  276            58
                       Total                                      688           155

                   a
{note}

                 2. The next paragraph follows the table."
    );
    let (doc, outcome) = doc(&pages(&[&format!("{head}{body}")]));
    let table = first_table(&doc);
    let headings = table.head[0]
        .cells
        .iter()
        .map(|c| c.paragraphs.iter().map(|p| plain_text(p)).collect())
        .collect();
    (table, headings, outcome)
}

/// A header word with its note letter set against it, the word written
/// elsewhere only at the start of a line (the note's text).
#[test]
fn a_note_letter_glued_to_a_header_word_is_a_mark() {
    let note = "                       Convictions handed down in the same re-
                       porting period.";
    let (table, head, _) = crimes_table("Convictionsa", note);
    assert_eq!(head, ["Offence", "Cases", "Convictions"]);
    assert_eq!(table.notes.len(), 1);
    // A word of a note hyphenated at its line end is joined.
    assert_eq!(
        plain_text(&table.notes[0].content),
        "Convictions handed down in the same reporting period."
    );
    // The total row, its bold lost in the text, is told by its label.
    let totals: Vec<bool> = table.body.iter().map(|r| r.total).collect();
    assert_eq!(totals, [false, false, true]);
}

/// A header word with its note letter set against it, the word written
/// nowhere else in the document: the one heading ending in the letter of
/// a note marked nowhere else is its mark's.
#[test]
fn a_note_letter_glued_to_the_only_heading_ending_in_it_is_its_mark() {
    let note = "                       Estimates as at 28 February.";
    let (_, head, outcome) = crimes_table("Outlaysa", note);
    assert_eq!(head, ["Offence", "Cases", "Outlays"]);
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| d.code != Code::TableNotes),
        "{:?}",
        outcome.diagnostics
    );
}

/// pdftotext gives a right-to-left line's left-to-right stretches (LRE …
/// PDF) as they are seen: the runs and the marks between them reversed.
#[test]
fn left_to_right_runs_in_arabic_lines_come_back_in_reading_order() {
    let (rle, lre, pdf) = ('\u{202b}', '\u{202a}', '\u{202c}');
    let body = format!(
        "{rle}{lre} - 1{pdf}يقدم هذا التقرير عملا بقرار الجمعية العامة {lre} ،)A/RES/79/150( 79/150{pdf}الذي{pdf}\n\
         {rle}طلبت فيه الجمعية تقريرا عن الغاية {lre} 3-1{pdf}من أهداف التنمية بحلول عام {lre}.2030{pdf}{pdf}\n\
         {rle}{lre} - 2{pdf}وقد سجلت المناطق تقدما (انظر{lre}.)E/CN.5/2025/3 {pdf}{pdf}\n\
         {rle}{lre} - 3{pdf}ولا يزال نحو {lre} 3,8{pdf}بلايين شخص محرومين{lre}.{pdf}{pdf}"
    );
    let (doc, _) = doc(&arabic_page(&body));
    let paras = para_texts(&doc);
    assert_eq!(
        paras[0].1,
        "يقدم هذا التقرير عملا بقرار الجمعية العامة 79/150 (A/RES/79/150)، الذي طلبت فيه الجمعية تقريرا عن الغاية 1-3 من أهداف التنمية بحلول عام 2030."
    );
    assert_eq!(paras[1].1, "وقد سجلت المناطق تقدما (انظر E/CN.5/2025/3).");
    assert_eq!(paras[2].1, "ولا يزال نحو 3,8 بلايين شخص محرومين.");
    // A left-to-right line alone (a job number, a symbol) is as it is seen.
    let lines = super::pages::split(&format!(
        "{rle}{lre}25-11874{pdf}{pdf}\n{rle}){lre}25-11874 (A{pdf}{pdf}"
    ));
    assert_eq!(lines[0].trimmed(), "25-11874");
    assert_eq!(lines[1].trimmed(), "25-11874 (A)");
}

/// A blank line between the separator and the first note (as undoc's
/// right-to-left pages give it) is nobody's text: the separator goes.
#[test]
fn a_blank_line_under_the_separator_keeps_no_line_in_the_body() {
    let text = pages(&[&format!(
        "{MASTHEAD}\nI. Introduction\n1. The Committee took note of the report.1\n\n__________________\n\n1 See the report of the Board of Auditors.\n\n1/1"
    )]);
    let (doc, outcome) = doc(&text);
    assert_nothing_unplaced(&outcome);
    assert_eq!(
        para_texts(&doc)[0].1,
        "The Committee took note of the report."
    );
    assert_eq!(doc.footnotes.len(), 1);
    let cleaned = super::super::clean_extracted(&text).unwrap_or_default();
    assert!(!cleaned.contains("___"), "{cleaned}");
}

/// Raw extraction may set a note's number below the notes after it, where
/// a page's notes are one line each: its text is the line after the
/// previous note's sentence.
#[test]
fn a_note_number_set_below_the_later_notes_takes_its_text_back() {
    let text = pages(&[&format!(
        "{MASTHEAD}\nI. Introduction\n1. The Committee took note of the report.1 It welcomed the plan.2 It noted the\nrisks.3\n__________________\n1\n\nSee A/79/101.\nSee A/79/102.\n3\nSee A/79/103.\n2\n\n1/1"
    )]);
    let (doc, outcome) = doc(&text);
    assert_nothing_unplaced(&outcome);
    assert_eq!(
        para_texts(&doc)[0].1,
        "The Committee took note of the report. It welcomed the plan. It noted the risks."
    );
    let notes: Vec<(u32, String)> = doc
        .footnotes
        .iter()
        .map(|n| (n.n, plain_text(&n.content)))
        .collect();
    assert_eq!(
        notes,
        [
            (1, "See A/79/101.".to_string()),
            (2, "See A/79/102.".to_string()),
            (3, "See A/79/103.".to_string())
        ]
    );
}

/// A raw-text table as pdftotext gives it without `-layout`: one cell per
/// line, a blank line between, the header's cells first (a heading set
/// over two columns read before the others), each row's label before its
/// figures, the total's bold label after them; the paragraph numbers alone
/// on their lines.
const RAW_TABLE: &str = "I. Introduction\n1.\nResource requirements for the period are set out below, in the table of the present\nreport, by category of expenditure. The variance between the apportionment and the\nexpenditure is explained in section II, and the figures are those of the financial\nstatements of the mission, as audited by the Board of Auditors for the period.\nTable 1\nFinancial resources by category\n(Thousands of United States dollars)\n\nVariance\nCategory\n\nApportionment\n\nAmount\n\nPercentage\n\nMilitary and police personnel\n\n41 945.0\n\n558.7\n\n1.3\n\nCivilian personnela\n\n15 528.8\n\n(976.0)\n\n(6.3)\n\nOperational costs\n\n11 270.0\n\n–\n\n–\n\n68 743.8\n\n(417.3)\n\n(0.6)\n\nTotal\n\na\nIncludes general temporary assistance.\nSource: Budget performance report.\n2.\nThe next paragraph follows the table, and its number follows the first one. The\nlower expenditure for operational costs was attributable mainly to the reduced cost\nof fuel and to the delayed deployment of aircraft, offset in part by higher costs.";

/// Every table of `doc`'s body, in chapters and sections too, in order.
fn all_tables(doc: &Document) -> Vec<&crate::model::Table> {
    fn collect<'a>(blocks: &'a [Block], out: &mut Vec<&'a crate::model::Table>) {
        for b in blocks {
            match b {
                Block::Table(t) => out.push(t),
                Block::Chapter(c) => collect(&c.blocks, out),
                Block::Section(s) => collect(&s.blocks, out),
                _ => {}
            }
        }
    }
    let mut tables = Vec::new();
    collect(&doc.body, &mut tables);
    tables
}

fn first_table(doc: &Document) -> crate::model::Table {
    all_tables(doc)
        .first()
        .map(|&t| t.clone())
        .expect("a table")
}

/// The table of a text that reads with nothing left unplaced, the table
/// standing between paragraphs 1 and 2 (the numbering unbroken by it).
fn table_between_paragraphs(text: &str) -> (crate::model::Table, crate::read::ReadOutcome) {
    let (doc, outcome) = doc(text);
    assert_nothing_unplaced(&outcome);
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2]
    );
    (first_table(&doc), outcome)
}

fn row_cells(row: &crate::model::Row) -> Vec<String> {
    row.cells
        .iter()
        .map(|c| {
            c.paragraphs
                .iter()
                .map(|p| plain_text(p))
                .collect::<String>()
        })
        .collect()
}

#[test]
fn a_raw_table_read_row_by_row_is_rebuilt_between_paragraphs() {
    let (table, outcome) = table_between_paragraphs(&pages(&[&format!("{MASTHEAD}\n{RAW_TABLE}")]));
    let body: Vec<Vec<String>> = table.body.iter().map(row_cells).collect();
    assert_eq!(
        body,
        [
            ["Military and police personnel", "41 945.0", "558.7", "1.3"],
            ["Civilian personnel", "15 528.8", "(976.0)", "(6.3)"],
            ["Operational costs", "11 270.0", "–", "–"],
            ["Total", "68 743.8", "(417.3)", "(0.6)"],
        ]
    );
    assert_eq!(table.n, Some(1));
    assert_eq!(plain_text(&table.title), "Financial resources by category");
    assert_eq!(
        table.units.as_deref().map(plain_text).as_deref(),
        Some("(Thousands of United States dollars)")
    );
    let head: Vec<String> = table.head.iter().flat_map(row_cells).collect();
    assert_eq!(
        head,
        ["Category", "Apportionment", "Amount", "Variance Percentage"]
    );
    assert_eq!(table.notes.len(), 1);
    assert!(
        outcome
            .decisions
            .iter()
            .any(|d| d.action == Action::TableRebuilt)
    );
}

#[test]
fn a_kept_raw_table_keeps_its_units_line_as_its_units() {
    // Kept as one block (a group heading among its rows): the caption,
    // title and units line, a line each like the cells, are still the
    // table's number, title and units, not its first rows.
    let text = RAW_TABLE.replace("Civilian personnela\n", "Posts\n\nCivilian personnela\n");
    let (doc, outcome) = doc(&pages(&[&format!("{MASTHEAD}\n{text}")]));
    assert!(kept_a_table(&outcome));
    let table = first_table(&doc);
    assert_eq!(table.n, Some(1));
    assert_eq!(plain_text(&table.title), "Financial resources by category");
    let units = table.units.as_deref().map(plain_text);
    assert_eq!(
        units.as_deref(),
        Some("(Thousands of United States dollars)")
    );
    let first: Vec<String> = table.body.first().map(row_cells).unwrap_or_default();
    assert_eq!(first, ["Variance"]);
}

#[test]
fn a_raw_table_with_a_group_heading_among_its_rows_is_kept_as_one_block() {
    // `Posts` heads a group of rows: two labels stand between figures, so
    // which row each figure belongs to is not certain.
    let text = RAW_TABLE.replace("Civilian personnela\n", "Posts\n\nCivilian personnela\n");
    let (head, _, outcome) = table_in(&text);
    assert!(head.is_empty());
    assert!(kept_a_table(&outcome));
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code == Code::ExtractedText)
    );
}

/// A raw table whose stub column is read first, down to where the figures
/// begin (the heading and the first rows' labels, then the value columns'
/// headings and those rows' figures), with its second note's letter given
/// after the notes' texts and the source line.
const RAW_TABLE_STUB_FIRST: &str = "I. Introduction\n1.\nResource requirements for the period are set out below, in the table of the present\nreport, by category of expenditure. The variance between the apportionment and the\nexpenditure is explained in section II, and the figures are those of the financial\nstatements of the mission, as audited by the Board of Auditors for the period.\nTable 1\nPopulation offline, by region, 2024\n(Millions of persons)\n\nRegion\n\nAfrica\nAsia and the Pacific\n\nb\n\nPersons offline\n\nShare of populationa\n\n840\n\n57\n\n1 250\n\n29\n\nLatin America and the Caribbean\n\n170\n\n26\n\nOther regions\n\n340\n\n12\n\nTotal\n\n2 600\n\n32\n\na\n\nPercentage of the population of the region.\nIncluding the small island developing States of the Pacific.\nSource: International Telecommunication Union.\nb\n\n2.\nThe next paragraph follows the table, and its number follows the first one. The\nlower expenditure for operational costs was attributable mainly to the reduced cost\nof fuel and to the delayed deployment of aircraft, offset in part by higher costs for\nthe rotation of contingents, for the rental of premises and for the maintenance of the\ncommunications network, as set out in the annex to the present report, in which the\nrequirements of each component are given with the indicators of their achievement.";

#[test]
fn a_raw_table_read_stub_column_first_is_rebuilt_with_its_notes_lettered() {
    let (table, _) =
        table_between_paragraphs(&pages(&[&format!("{MASTHEAD}\n{RAW_TABLE_STUB_FIRST}")]));
    let head: Vec<String> = table.head.iter().flat_map(row_cells).collect();
    assert_eq!(head, ["Region", "Persons offline", "Share of population"]);
    let body: Vec<Vec<String>> = table.body.iter().map(row_cells).collect();
    assert_eq!(
        body,
        [
            ["Africa", "840", "57"],
            ["Asia and the Pacific", "1 250", "29"],
            ["Latin America and the Caribbean", "170", "26"],
            ["Other regions", "340", "12"],
            ["Total", "2 600", "32"],
        ]
    );
    let notes: Vec<(u32, String)> = table
        .notes
        .iter()
        .map(|n| (n.n, plain_text(&n.content)))
        .collect();
    assert_eq!(
        notes,
        [
            (1, "Percentage of the population of the region.".to_string()),
            (
                2,
                "Including the small island developing States of the Pacific.".to_string()
            ),
        ]
    );
}

/// A raw table read stub column first with all its figures after its
/// labels: the stub's heading, every row's label (one too long to be
/// taken as a cell), the year headings, then the figures row by row.
fn raw_table_labels_first(headings: [&str; 2]) -> String {
    let [first, second] = headings;
    RAW_TABLE_STUB_FIRST
        .split_once("Table 1\n")
        .map(|(before, _)| before)
        .unwrap_or_default()
        .to_string()
        + "Table 1\nCoverage of early warning systems, by region\n(Percentage of the population)\n\nRegion\n\nCaribbean\n\nPacific\n\nb\n\nAtlantic and Indian Ocean\n\nAll small island developing States taken together in the reporting period\n\n"
        + &format!("{first}\n\n{second}\n\n")
        + "58\n\n71\n\n42\n\n55\n\n49\n\n63\n\n51\n\n65\n\na\n\nPreliminary data.\nIncluding the South China Sea.\nSource: World Meteorological Organization.\nb\n\n"
        + RAW_TABLE_STUB_FIRST
            .split_once("\nb\n\n2.\n")
            .map(|(_, after)| after)
            .map(|after| format!("2.\n{after}"))
            .unwrap_or_default()
            .as_str()
}

#[test]
fn a_raw_table_with_its_labels_before_all_its_figures_is_rebuilt_under_year_headings() {
    let (head, body, outcome) = table_in(&raw_table_labels_first(["2022", "2024a"]));
    assert_nothing_unplaced(&outcome);
    assert_eq!(head, ["Region", "2022", "2024"]);
    assert_eq!(
        body,
        [
            ["Caribbean", "58", "71"],
            ["Pacific", "42", "55"],
            ["Atlantic and Indian Ocean", "49", "63"],
            [
                "All small island developing States taken together in the reporting period",
                "51",
                "65"
            ],
        ]
    );
}

#[test]
fn a_raw_table_with_its_labels_before_all_its_figures_under_other_headings_is_kept() {
    // Four labels and two headings, or two labels and four headings: the
    // order cannot tell.
    let (head, _, outcome) = table_in(&raw_table_labels_first(["Persons", "Share"]));
    assert!(head.is_empty());
    assert!(kept_a_table(&outcome));
}

#[test]
fn a_raw_table_with_its_other_labels_after_all_its_figures_is_rebuilt() {
    // The header and the first row's label, every row's figures, then the
    // other rows' labels (one with its note letter raised onto a line of
    // its own): five labels, ten figures, two year headings.
    let table = "Table 1\nSocial protection coverage, by region\n(Percentage of the population)\n\nRegion\n\n2015\n\n2023a\n\nAfrica\n\n17\n\n19\n\n40\n\n44\n\n44\n\n54\n\n61\n\n64\n\n45\n\n52\n\nArab States\nAsia and the Pacific\n\nb\n\nLatin America and the Caribbean\nWorld\n\na\n\nPreliminary estimates.\nSource: International Labour Organization.\n";
    let text = raw_table_labels_first(["2022", "2024a"]);
    let (before, rest) = text.split_once("Table 1\n").expect("a caption");
    let (_, after) = rest.split_once("\nb\n\n2.\n").expect("the next paragraph");
    let text = format!("{before}{table}b\nExcluding the Arab States in Asia.\n\n2.\n{after}");
    let (head, body, outcome) = table_in(&text);
    assert_nothing_unplaced(&outcome);
    assert_eq!(head, ["Region", "2015", "2023"]);
    assert_eq!(
        body,
        [
            ["Africa", "17", "19"],
            ["Arab States", "40", "44"],
            ["Asia and the Pacific", "44", "54"],
            ["Latin America and the Caribbean", "61", "64"],
            ["World", "45", "52"],
        ]
    );
}

/// Two rows of a raw table, under the given header cells.
fn raw_two_rows(header: &str) -> String {
    let text = raw_table_labels_first(["2022", "2024a"]);
    let (before, rest) = text.split_once("Table 1\n").expect("a caption");
    let (_, after) = rest.split_once("\nb\n\n2.\n").expect("the next paragraph");
    format!(
        "{before}Table 1\nAnnual financing gap, by income group\n(Billions of United States dollars)\n\n{header}Low-income countries\n\n78\n\n94\n\n16\n\n20.5\n\nLower-middle-income countries\n\n362\n\n401\n\n39\n\n10.8\n\n2.\n{after}"
    )
}

#[test]
fn two_raw_rows_are_a_table_only_under_a_heading_for_every_column() {
    let headed = raw_two_rows("Income group\n\n2020\n\n2024\n\nAmount\n\nPercentage\n\n");
    let (_, body, outcome) = table_in(&headed);
    assert_nothing_unplaced(&outcome);
    assert_eq!(
        body,
        [
            ["Low-income countries", "78", "94", "16", "20.5"],
            ["Lower-middle-income countries", "362", "401", "39", "10.8"],
        ]
    );
    // Under one heading, two lines of figures may be a heading's lines.
    let (_, _, outcome) = table_in(&raw_two_rows("2024/25 variance\n\n"));
    assert!(kept_a_table(&outcome));
}

#[test]
fn a_chinese_raw_table_is_rebuilt_and_a_short_last_line_stays_in_its_paragraph() {
    // The paragraph's last line, short and ending in a full stop, is not a
    // cell; the header has two rows (two headings over two columns each),
    // the stub's heading read second.
    let line = "与此同时，知识共享平台汇集了来自世界各地的数百个恢复案例，涵盖技术措施";
    let text = pages(&[&format!(
        "UNEP/EA.7/12\n\n联合国\n\n环境大会\n\nDistr.: General\n1 May 2025\nChinese\nOriginal: English\n\n报告\n\n一. 导言\n1.\n{line}\n{line}\n{line}\n{line}\n{line}\n响。\n表2\n干旱地区恢复资金，按来源分列\n（百万美元）\n\n金额\n\n来源\n\n变化\n\n2022年\n\n2024年\n\n数额\n\n百分比\n\n多边基金\n\n420\n\n515\n\n95\n\n22.6\n\n双边伙伴\n\n236\n\n251\n\n15\n\n6.4\n\n国家预算\n\n188\n\n230\n\n42\n\n22.3\n\n2.\n{line}\n{line}\n{line}。"
    )]);
    let (doc, outcome) = doc(&text);
    assert_nothing_unplaced(&outcome);
    let paras = para_texts(&doc);
    assert_eq!(paras.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2]);
    assert!(paras[0].1.ends_with("涵盖技术措施响。"), "{:?}", paras[0]);
    let table = first_table(&doc);
    let head: Vec<String> = table.head.iter().flat_map(row_cells).collect();
    assert_eq!(
        head,
        ["来源", "2022年", "2024年", "数额", "金额 变化 百分比"]
    );
    let body: Vec<Vec<String>> = table.body.iter().map(row_cells).collect();
    assert_eq!(
        body,
        [
            ["多边基金", "420", "515", "95", "22.6"],
            ["双边伙伴", "236", "251", "15", "6.4"],
            ["国家预算", "188", "230", "42", "22.3"],
        ]
    );
}

#[test]
fn a_chinese_raw_table_kept_as_a_block_keeps_its_caption_and_the_paragraph_above() {
    // Lines of Chinese prose end with no punctuation; the caption right
    // under the paragraph opens the table, which is read column by column
    // (kept as a block): nothing above the caption is the table's.
    let line = "与此同时，知识共享平台汇集了来自世界各地的数百个恢复案例，涵盖技术措施";
    let text = pages(&[&format!(
        "UNEP/EA.7/12\n\n联合国\n\n环境大会\n\nDistr.: General\n1 May 2025\nChinese\nOriginal: English\n\n报告\n\n一. 导言\n1.\n{line}\n{line}\n{line}\n{line}\n响。\n表1\n经验教训\n类别\n分配\n支出\n军事\n文职\n41 945.0\n41 386.3\n15 528.8\n16 504.8\n2.\n{line}\n{line}。"
    )]);
    let (doc, outcome) = doc(&text);
    assert!(kept_a_table(&outcome));
    let paras = para_texts(&doc);
    assert_eq!(paras.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2]);
    assert!(paras[0].1.ends_with("涵盖技术措施响。"), "{:?}", paras[0]);
    let table = first_table(&doc);
    assert_eq!(table.n, Some(1));
    assert_eq!(crate::model::plain_text(&table.title), "经验教训");
}

/// Raw text sets a table's header a blank line or two under its caption
/// and title, the caption right under the paragraph's last line. The
/// caption heads the table; its title is the lines under it up to the
/// blank line, and what stands apart below (a line of headings, a stub's
/// heading too long for a cell) stays in the table (kept as a block here:
/// the labels come before their figures).
#[test]
fn a_raw_tables_caption_over_a_title_set_apart_from_the_header_heads_its_table() {
    let table = |head: &str| {
        format!(
            "Table 1\n{head}\n\nNational human rights institutions and civil society organizations\n\n6 090\n\n66 129\n\n28 365\n\n49 343\n\nMember States\n\n1 250\n\n3 400\n\n2 679\n\n5 120\n\n"
        )
    };
    for (head, title, first_row) in [
        (
            "Activities of the United Nations system\n\nEarly Warnings for All initiative, by region and partner",
            "Activities of the United Nations system",
            "Early Warnings for All initiative, by region and partner",
        ),
        (
            "Thematic discussions\nIntroduction\n\nWomen Percentage Contributions Percentagea",
            "Thematic discussions Introduction",
            "Women Percentage Contributions Percentagea",
        ),
    ] {
        let body = format!(
            "I. Introduction\n1. Resource requirements are set out below, in the table of the report, as the Assembly asked.\n{}2. The next paragraph follows the table, and its number follows the first.",
            table(head)
        );
        let (doc, outcome) = doc(&pages(&[&format!("{MASTHEAD}\n{body}")]));
        assert!(kept_a_table(&outcome));
        let paras = para_texts(&doc);
        assert_eq!(paras.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2]);
        assert!(
            paras[0].1.ends_with("as the Assembly asked."),
            "{:?}",
            paras[0]
        );
        let table = first_table(&doc);
        assert_eq!(table.n, Some(1));
        assert_eq!(crate::model::plain_text(&table.title), title);
        let rows: Vec<String> = table.body.iter().flat_map(row_cells).collect();
        assert_eq!(rows[0], first_row);
    }
}

#[test]
fn a_raw_tables_notes_stop_at_the_next_tables_caption() {
    // The first table's source line has no note letter after it; the next
    // table's caption, a few lines down, ends the first one's notes.
    let first = RAW_TABLE
        .split_once("2.\nThe next paragraph")
        .map(|(table, _)| table)
        .expect("the table");
    let second = RAW_TABLE
        .split_once("Table 1\n")
        .map(|(_, table)| table.replace("Financial resources by category", "Resources by source"))
        .expect("the caption");
    let text = format!("{first}Table 2\n{second}");
    let (doc, outcome) = doc(&pages(&[&format!("{MASTHEAD}\n{text}")]));
    assert_nothing_unplaced(&outcome);
    let tables = outcome
        .decisions
        .iter()
        .filter(|d| d.action == Action::TableRebuilt)
        .count();
    assert_eq!(tables, 2);
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2]
    );
}

/// The first table read from a page of raw text (the masthead, the first
/// paragraph of [`RAW_TABLE`], `table`, its next paragraph): its header
/// cells and body rows, both empty when it was kept as one block.
fn read_raw_table(table: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let (before, _) = RAW_TABLE.split_once("Table 1\n").expect("a caption");
    let (_, after) = RAW_TABLE.split_once("\n2.\n").expect("the next paragraph");
    let (head, body, _) = table_in(&format!("{before}{table}\n2.\n{after}"));
    (head, body)
}

/// The first table of a page of raw text (the masthead, then `text`, whose
/// paragraphs are numbered 1 and 2, the table between them): its header
/// cells and body rows, both empty when it was kept as one block, and the
/// reading's outcome.
fn table_in(text: &str) -> (Vec<String>, Vec<Vec<String>>, crate::read::ReadOutcome) {
    let (doc, outcome) = doc(&pages(&[&format!("{MASTHEAD}\n{text}")]));
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2]
    );
    let table = first_table(&doc);
    let head = table.head.iter().flat_map(row_cells).collect();
    (head, table.body.iter().map(row_cells).collect(), outcome)
}

/// Whether the reading kept a table as one block.
fn kept_a_table(outcome: &crate::read::ReadOutcome) -> bool {
    outcome
        .decisions
        .iter()
        .any(|d| d.action == Action::TableKept)
}

/// A raw table under a caption and a title of the given lines, with its
/// stub's heading given after its rows, before the total's label.
fn raw_table_titled(title: &str) -> String {
    format!(
        "Table 1\n{title}\nCases\n\nConvictions\n\nWildlife trafficking\n\n412\n\n97\n\nIllegal logging\n\n276\n\n58\n\nIllegal fishing\n\n189\n\n41\n\n970\n\n218\n\nType of offence\n\nTotal\n"
    )
}

#[test]
fn a_raw_tables_title_wrapped_onto_a_short_line_is_joined_when_the_grid_then_fits() {
    let (head, body) = read_raw_table(&raw_table_titled(
        "Criminal cases of offences that affect the environment reported by the\nStates",
    ));
    assert_eq!(head, ["Type of offence", "Cases", "Convictions"]);
    assert_eq!(body.len(), 4);
    assert_eq!(body[3], ["Total", "970", "218"]);
    // A short title is not wrapped: its next line, a block of its own, is
    // a header cell, and with the stub's heading there the labels after
    // the rows fit no column each: the header is kept as one heading
    // across the table, the rows whole.
    let (head, body) = read_raw_table(&raw_table_titled("Criminal cases\nStates\n"));
    assert_eq!(head, ["States Cases Convictions Type of offence"]);
    assert_eq!(body.len(), 4);
    assert_eq!(body[3], ["Total", "970", "218"]);
}

/// A raw table over two pages: its header and first rows on the first; on
/// the second, read stub column first, the stub's heading repeated, the
/// last rows' labels, the notes set under the stub, the other headings
/// repeated, then the last rows' figures (`figures`) and the source line;
/// the paragraph after it long enough to set the measure of a full line.
fn raw_table_over_pages(figures: &str) -> String {
    let (before, _) = RAW_TABLE.split_once("Table 1\n").expect("a caption");
    let (_, after) = RAW_TABLE.split_once("\n2.\n").expect("the next paragraph");
    pages(&[
        &format!(
            "{MASTHEAD}\n{before}Table 1\nTechnical cooperation projects, by region\n\nRegion\n\nProjects\n\nAreaa\n\nAfrica\n\n14\n\n1 250\n\nAsia and the Pacific\n\n9\n\n860\n\nLatin America and the Caribbean\n\n5\n\n410\n"
        ),
        &format!(
            "Region\n\nWest Asiab\nTotal\na\n\nThousands of hectares.\n\nb\n\nIncluding the Arabian Peninsula.\n\nProjects\n\nAreaa\n\n{figures}\n\nSource: United Nations Environment Programme.\n2.\n{after}\n{after}"
        ),
    ])
}

#[test]
fn a_raw_table_going_on_over_a_page_is_rebuilt_with_its_notes_from_among_its_cells() {
    let (table, _) = table_between_paragraphs(&raw_table_over_pages("2\n\n95\n\n30\n\n2 615"));
    let body: Vec<Vec<String>> = table.body.iter().map(row_cells).collect();
    assert_eq!(body.len(), 5, "{body:?}");
    assert_eq!(body[3], ["West Asia", "2", "95"]);
    assert_eq!(body[4], ["Total", "30", "2 615"]);
    let notes: Vec<String> = table.notes.iter().map(|n| plain_text(&n.content)).collect();
    assert_eq!(
        notes,
        ["Thousands of hectares.", "Including the Arabian Peninsula."]
    );
}

#[test]
fn a_raw_table_whose_next_page_gives_no_whole_rows_is_kept() {
    // A figure short on the second page: which row lacks it is not told.
    let (_, outcome) = doc(&raw_table_over_pages("2\n\n95\n\n30"));
    assert!(kept_a_table(&outcome));
}

/// A paragraph of full lines, which set the measure of a full line.
const PROSE: &str = "The staffing of the mission is set out below, by component and by category of\npersonnel, with the posts approved for the current period and those proposed for\nthe next one; the changes proposed are explained in section F of the present report,\nand the vacancy rates applied to them in section G, as the Assembly requested. The\nposts of the mission are those of its three components, the substantive civilian,\nthe military and the support components, and of the offices of executive direction\nand management, which the present report describes with the results they achieved\nin the last period and the outputs they will deliver in the next one, in chapter I.";

/// A contents for [`staffing_table`]'s report: the chapters and the
/// sections the body has, as raw text gives them (labels apart).
const STAFFING_CONTENTS: &str = "Contents\nPage\nI.\n\nII.\n\nMandate and planned results . . . . . . . . . . . . . .\n3\nA.\nHuman resources . . . . . . . . . . . . . . . . .\n3\nFinancial resources . . . . . . . . . . . . . .\n4\nA.\nOverall . . . . . . . . . . . . . . . . . . . . .\n4\nB.\nEfficiency gains . . . . . . . . . . . . . . . . .\n4";

/// A report whose staffing table, flattened a cell per line, labels its
/// groups as chapters are labelled (`I.` alone with `Total` after it,
/// `II. Government-provided personnel`), with a contents or without.
fn staffing_table(contents: bool) -> String {
    let rows = "Approved 2024/25\n\n12\n\nActual 2024/25\n\n2\n\nApproved 2025/26\n\n12\n\nNet change\n\n–";
    let first = format!(
        "{MASTHEAD}\n{}",
        if contents { STAFFING_CONTENTS } else { "" }
    );
    pages(&[
        &first,
        &format!(
            "A/80/999\nI. Mandate and planned results\nA.\n\nHuman resources\n1. {PROSE}\n\nComponent 1: substantive civilian\nCategory\n\nI.\n\nTotal\n\nUnited Nations police\n{rows}\n\nII. Government-provided personnel\n{rows}\n\nII. Financial resources\nA.\n\nOverall\n2. The budget is proposed."
        ),
    ])
}

fn chapters(doc: &Document) -> Vec<(u32, String)> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Chapter(c) => Some((c.n, plain_text(&c.heading))),
            _ => None,
        })
        .collect()
}

/// The sections among `blocks`, each as its number and heading.
fn sections(blocks: &[Block]) -> Vec<(u32, String)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some((s.n, plain_text(&s.heading))),
            _ => None,
        })
        .collect()
}

/// The sections' headings among `blocks`.
fn section_headings(blocks: &[Block]) -> Vec<String> {
    sections(blocks).into_iter().map(|(_, h)| h).collect()
}

/// The document's first chapter.
fn first_chapter(doc: &Document) -> &crate::model::Division {
    match doc.body.first() {
        Some(Block::Chapter(chapter)) => chapter,
        other => panic!("a chapter: {other:?}"),
    }
}

/// Rows labelled like headings stay in their table when the contents do
/// not list their text; the real headings, which it lists, open chapters.
#[test]
fn a_tables_rows_labelled_as_chapters_stay_in_it_when_the_contents_deny_them() {
    let (read_back, _) = doc(&staffing_table(true));
    assert_eq!(
        chapters(&read_back),
        [
            (1, "Mandate and planned results".to_string()),
            (2, "Financial resources".to_string())
        ]
    );
    let table = first_table(&read_back);
    let cells: Vec<String> = table
        .head
        .iter()
        .chain(&table.body)
        .flat_map(row_cells)
        .collect();
    for label in ["I.", "II. Government-provided personnel"] {
        assert!(cells.iter().any(|c| c == label), "{label}: {cells:?}");
    }
    assert_eq!(para_texts(&read_back).len(), 2);

    // Without a contents nothing denies them: `II.` opens a chapter, then
    // reads as text where the real chapter II follows it (the earlier of
    // two alike gives way).
    let outcome = read(&staffing_table(false));
    let opened = outcome.document.as_ref().map(chapters).unwrap_or_default();
    assert_eq!(
        opened,
        [
            (1, "Mandate and planned results".to_string()),
            (2, "Financial resources".to_string())
        ]
    );
    assert!(
        outcome
            .decisions
            .iter()
            .any(|d| d.action == Action::NumberReadAsText
                && d.text == "II. Government-provided personnel")
    );
}

/// A budget fascicle (`A/80/6 (Sect. 29)`): paragraphs numbered `29.1`,
/// `29.2` … read as paragraphs 1, 2 … with one UND014 warning (as the Word
/// reader reads them), instead of unnumbered text; the name set stacked
/// beside the emblem (`United` over `Nations`) is no organ, and an agenda
/// line of two items is the agenda.
#[test]
fn a_budget_fascicles_prefixed_paragraphs_are_numbered() {
    let text = pages(&[
        "A/80/6 (Sect. 29)\n\nUnited\nNations\n\nGeneral Assembly\n\nDistr.: General\n2 February 2026\nOriginal: English\n\nEightieth session\nItems 137 and 138 of the preliminary list*\nProposed programme budget for 2026\n\nProposed programme budget for 2026\nReport of the Secretary-General\n\nOverview\n29.1 The overall purpose of section 29 is to enhance the accountability of the\nOrganization.\n29.2 The departments derive their mandates from the Charter.\n29.3\nDetails are contained in subsections 29A to 29F.",
    ]);
    let (read_back, outcome) = doc(&text);
    assert_eq!(
        para_texts(&read_back),
        [
            (
                1,
                "The overall purpose of section 29 is to enhance the accountability of the Organization."
                    .to_string()
            ),
            (
                2,
                "The departments derive their mandates from the Charter.".to_string()
            ),
            (
                3,
                "Details are contained in subsections 29A to 29F.".to_string()
            ),
        ]
    );
    let organs: Vec<&str> = read_back
        .masthead
        .organ
        .iter()
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(organs, ["General Assembly"]);
    let agenda: Vec<&str> = read_back
        .masthead
        .agenda
        .iter()
        .map(|a| a.value.as_str())
        .collect();
    assert_eq!(agenda, ["Items 137 and 138 of the preliminary list*"]);
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code == Code::Structure && d.message.contains("`29.`")),
        "{:?}",
        outcome.diagnostics
    );
}

/// A table's group label read as a chapter (its table not found), before
/// the chapter of that number which the contents list: read as a line of
/// text in the chapter before, with a warning and an audit line, so the
/// document converts with every word, instead of failing on UND031.
#[test]
fn a_chapter_the_contents_deny_out_of_order_is_read_as_text() {
    let text = pages(&[
        &format!("{MASTHEAD}\n{STAFFING_CONTENTS}"),
        &format!(
            "A/80/999\nI. Mandate and planned results\nA.\n\nHuman resources\n1. {PROSE}\nII. Military contingents\n2. The contingents are set out above.\nB.\n\nEfficiency gains\n3. The gains are set out.\nII. Financial resources\nA.\n\nOverall\n4. The budget is proposed."
        ),
    ]);
    let (read_back, outcome) = doc(&text);
    assert_eq!(
        chapters(&read_back),
        [
            (1, "Mandate and planned results".to_string()),
            (2, "Financial resources".to_string())
        ]
    );
    let engine = crate::validate::xsd::FastXml::embedded().expect("the schema");
    let checked = crate::validate::check(Some(read_back.clone()), Vec::new(), None, &engine);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let numbers: Vec<u32> = read_back.paragraphs().iter().map(|p| p.n).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    // The label and its text run on in chapter I's section A; the stray
    // chapter's section B follows it.
    let chapter = first_chapter(&read_back);
    assert_eq!(
        section_headings(&chapter.blocks),
        ["Human resources", "Efficiency gains"]
    );
    let Some(Block::Section(section)) = chapter.blocks.first() else {
        panic!("chapter I opens with a section");
    };
    let texts: Vec<String> = section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(plain_text(&t.value)),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["II. Military contingents"]);
    let read_as_text = decided(&outcome, Action::NumberReadAsText);
    assert_eq!(read_as_text, ["II. Military contingents"]);
    assert!(
        outcome.diagnostics.iter().any(
            |d| d.code == Code::ExtractedText && d.message.contains("II. Military contingents")
        ),
        "{:?}",
        outcome.diagnostics
    );
}

/// An agenda's items read as paragraphs in raw text (`3.`, `4.`, `5.`
/// after paragraph 4, then paragraph 5): read as text, all three, so that
/// paragraphs 5 and 6 keep their numbers; a gap nothing mends is left for
/// the rules to report.
#[test]
fn a_paragraph_number_out_of_order_is_text_only_where_that_mends_the_run() {
    let text = pages(&[&format!(
        "{MASTHEAD}\nI. Introduction\n1. The first paragraph.\n2. The second paragraph.\n3. The third paragraph.\n4. At its first meeting, the Working Group adopted the following agenda:\n\n3.\n\nOpening of the session.\n\n4.\n\nAdoption of the agenda.\n\n5.\n\nOther matters.\n\n5.\nSeveral delegations considered that international law applied in full.\n6. The sixth paragraph."
    )]);
    let (read_back, outcome) = doc(&text);
    assert_eq!(
        para_texts(&read_back)[4..],
        [
            (
                5,
                "Several delegations considered that international law applied in full."
                    .to_string()
            ),
            (6, "The sixth paragraph.".to_string())
        ]
    );
    assert!(crate::validate::rules::check(&read_back).is_empty());
    let read_as_text = decided(&outcome, Action::NumberReadAsText);
    assert_eq!(
        read_as_text,
        [
            "3. Opening of the session.",
            "4. Adoption of the agenda.",
            "5. Other matters."
        ]
    );
    // Paragraph 3 missing: nothing to mend, UND030 stays.
    let run: String = (4..12)
        .map(|n| format!("{n}. The paragraph numbered {n} runs on.\n"))
        .collect();
    let gap = pages(&[&format!(
        "{MASTHEAD}\nI. Introduction\n1. The first paragraph.\n2. The second paragraph.\n{run}II. Other matters\n12. Twelve.\n13. Thirteen."
    )]);
    let outcome = read(&gap);
    let doc = outcome.document.expect("a document");
    assert!(
        outcome
            .decisions
            .iter()
            .all(|d| d.action != Action::NumberReadAsText)
    );
    assert!(
        crate::validate::rules::check(&doc)
            .iter()
            .any(|d| d.code == Code::ParaNumbering)
    );
}

/// A heading the contents list, its footnote's number glued to its last
/// word, ends the table above it even when cells follow it.
#[test]
fn a_heading_the_contents_list_ends_a_table_though_cells_follow_it() {
    let text = staffing_table(true).replace(
        "\n\nII. Financial resources\nA.\n\nOverall\n2. The budget is proposed.",
        "\n\nII. Financial resources4\n2024/25 variance\n\n($773.5)\n\n2. The budget is proposed.",
    );
    let outcome = read(&text);
    let doc = outcome.document.expect("a document");
    assert!(
        chapters(&doc)
            .iter()
            .any(|(n, h)| *n == 2 && h.starts_with("Financial resources")),
        "{:?}",
        chapters(&doc)
    );
}

/// A subheading's label alone on its line and its text on the next, over
/// a table with no caption: neither is the table's; both are the
/// subheading's, and the table begins at its units line.
#[test]
fn a_subheading_set_over_a_raw_table_stays_out_of_it() {
    let text = pages(&[&format!(
        "{MASTHEAD}\nI. Financial resources\n1. {PROSE}\nA.\n\nOther revenue and adjustments, and borrowing\n\n1.\n\nOther revenue and adjustments\n(Thousands of United States dollars)\nCategory\n\nAmount\n\nInvestment revenue\n\n7.4\n\nOther revenue\n\n56.4\n\nPrior-period adjustments\n\n–\n\nTotal\n\n63.8\n\n2.\n\nBorrowing\n2. The Mission received loans."
    )]);
    let (read_back, _) = doc(&text);
    let chapter = first_chapter(&read_back);
    let Some(Block::Section(section)) = chapter
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Section(_)))
    else {
        panic!("a section: {:?}", chapter.blocks);
    };
    assert_eq!(
        plain_text(&section.heading),
        "Other revenue and adjustments, and borrowing"
    );
    let subheadings: Vec<(Option<u32>, String)> = section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Subheading(s) => Some((s.n, plain_text(&s.heading))),
            _ => None,
        })
        .collect();
    assert_eq!(
        subheadings,
        [
            (Some(1), "Other revenue and adjustments".to_string()),
            (Some(2), "Borrowing".to_string())
        ]
    );
    let table = first_table(&read_back);
    let rows: Vec<Vec<String>> = table
        .head
        .iter()
        .chain(&table.body)
        .map(row_cells)
        .collect();
    assert_eq!(rows[0], ["(Thousands of United States dollars)"]);
    assert_eq!(rows[1], ["Category"]);
    assert_eq!(rows.len(), 11);
}

/// A year that ends a sentence at a line's start (`2026.`), far past the
/// next paragraph's number, stays in its text; the section label after
/// it still opens its section.
#[test]
fn a_year_at_a_lines_start_is_not_a_paragraphs_number() {
    let text = pages(&[&format!(
        "{MASTHEAD}\nI. Staffing\nA.\n\nReviews\n1. {PROSE}\n2.\nThe Mission is preparing for the civilian staffing review in\n2026.\nB.\n\nVacancies\n3. The vacancy rates are set out below."
    )]);
    let (read_back, _) = doc(&text);
    assert_eq!(
        para_texts(&read_back)
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>(),
        [1, 2, 3]
    );
    let (_, second) = &para_texts(&read_back)[1];
    assert!(second.ends_with("review in 2026."), "{second}");
    assert_eq!(
        section_headings(&first_chapter(&read_back).blocks),
        ["Reviews", "Vacancies"]
    );
}

/// An enumeration inside a paragraph whose `(b)` falls at a line's start,
/// after a line ending in a semicolon: no list opens at `(b)` with no
/// item `(a)` before it; a real list after it still reads.
#[test]
fn a_letter_past_a_sentences_first_does_not_open_a_list() {
    let text = pages(&[&format!(
        "{MASTHEAD}\nI. Resources\n1. {PROSE}\n2. For the period, the increased requirements were attributable primarily\nto: (a) a retroactive increase in the contractual rate for rations, owing to the\nneed to use the southern supply route because of the ongoing conflict in the region;\n(b) the higher cost of commercial flights for troop rotations; and (c) demurrage.\n3. The actions to be taken by the General Assembly are:\n(a) To take note of the balance;\n(b) To appropriate the amount."
    )]);
    let (read_back, _) = doc(&text);
    let paras = read_back.paragraphs();
    assert_eq!(paras.len(), 3);
    assert!(paras[1].list.is_none(), "{:?}", paras[1].list);
    assert!(
        plain_text(&paras[1].content).contains("region; (b) the higher cost"),
        "{}",
        plain_text(&paras[1].content)
    );
    let list = paras[2].list.as_ref().expect("the list");
    assert_eq!(list.items.len(), 2);
}

#[test]
fn a_letter_c_under_an_item_is_the_letter_and_the_next_number_an_item() {
    // `c)` reads as the letter and as the Roman numeral 100: after `b)`
    // it is the letter, so the list under item 2 goes on, and the items
    // after it (3, 4, 5, the last also the next paragraph's number) stay
    // items of the list, as raw text sets them, a label to a line.
    let item = |label: &str| {
        let text = match label {
            "2." => "weak institutional capacity, in particular to:",
            _ => "limited access to finance, owing to high debt levels;",
        };
        format!("{label}\n{text}")
    };
    let items: Vec<String> = ["1.", "2.", "a)", "b)", "c)", "3.", "4.", "5."]
        .iter()
        .map(|l| item(l))
        .collect();
    let text = pages(&[&format!(
        "{MASTHEAD}\nI. Resources\n1.\n{PROSE}\n2.\nMember States identified the following challenges:\n{}\n3.\nThe actions to be taken by the General Assembly are set out below.",
        items.join("\n")
    )]);
    let (read_back, _) = doc(&text);
    let paras = read_back.paragraphs();
    assert_eq!(paras.iter().map(|p| p.n).collect::<Vec<_>>(), [1, 2, 3]);
    let list = paras[1].list.as_ref().expect("the list");
    assert_eq!(list.items.len(), 5);
    let letters = list.items[1]
        .list
        .as_ref()
        .expect("the letters under item 2");
    assert_eq!(letters.items.len(), 3);
}

/// An annex's label that pdftotext reads at the foot of its landscape
/// page (after the organization chart's title and boxes) opens the annex
/// at the page's top, its sections inside it.
#[test]
fn an_annex_label_read_at_its_pages_foot_opens_the_annex() {
    let text = pages(&[
        &format!("{MASTHEAD}\nI. Resources\n1. {PROSE}"),
        "Organization charts\nA.\nSubstantive\nAbbreviations: FS, Field Service.\nA/80/999\n2/3\nAnnex",
        "B.\nSupport\nAbbreviations: NGS, national General Service.\nA/80/999\n3/3",
    ]);
    let (read_back, outcome) = doc(&text);
    assert_eq!(read_back.annexes.len(), 1, "{:?}", read_back.annexes);
    assert_eq!(
        section_headings(&read_back.annexes[0].blocks),
        ["Substantive", "Support"]
    );
    assert!(
        outcome
            .decisions
            .iter()
            .any(|d| d.action == Action::LabelMoved && d.text.starts_with("Annex")),
        "{:?}",
        outcome.decisions
    );
}

/// An annex of organization charts as raw text reads it: the contents
/// list the annex's title alone, the annex label at the foot of its page,
/// the job number among a chart's boxes, and on a later page section `C.`
/// read after the boxes, its title (in parentheses at its end) at the top.
/// The annex takes its title (no section label may), the job number is
/// dropped, and `C.` goes back to its title.
#[test]
fn heading_labels_at_a_pages_foot_go_back_to_its_title() {
    let contents = "Contents\nPage\nI.\n\nResources . . . . . . . . . . . . . .\n2\nOrganization charts . . . . . . . . . . .\n3";
    let text = pages(&[
        &format!("{MASTHEAD}\n{contents}\n\n26-00001 (E)    010226\n\n*2600001*\n\nPlease recycle"),
        &format!("A/80/999\nI. Resources\n1. {PROSE}\n2/5\n26-00001"),
        "Organization charts\nA.\nSubstantive (2026/27 proposed)\n26-00001\nAbbreviations: FS, Field Service.\nA/80/999\n3/5\nAnnex",
        "26-00001\nB.\nSupport (2026/27 proposed)\nAbbreviations: NGS, national General Service.\nA/80/999\n4/5",
        "Substantive (2025/26 approved)\nAbbreviations: FS, Field Service.\nA/80/999\n5/5\nC.\n26-00001",
    ]);
    let (read_back, outcome) = doc(&text);
    assert_eq!(read_back.annexes.len(), 1, "{:?}", read_back.annexes);
    let annex = &read_back.annexes[0];
    assert_eq!(plain_text(&annex.heading), "Organization charts");
    assert_eq!(
        section_headings(&annex.blocks),
        [
            "Substantive (2026/27 proposed)",
            "Support (2026/27 proposed)",
            "Substantive (2025/26 approved)"
        ]
    );
    let dropped = |t: &str| {
        outcome
            .decisions
            .iter()
            .filter(|d| d.action == Action::FurnitureDropped && d.text == t)
            .count()
    };
    assert_eq!(dropped("26-00001"), 4, "{:?}", outcome.decisions);
    let moved = decided(&outcome, Action::LabelMoved);
    assert_eq!(
        moved,
        [
            "Annex Organization charts",
            "C. Substantive (2025/26 approved)"
        ]
    );
}

/// A section's label read among a table's cells (`C.` before `Actual
/// value`) goes to the heading text the contents list on its page.
#[test]
fn a_section_label_read_among_cells_goes_to_the_text_the_contents_list() {
    let contents = "Contents\nPage\nI.\n\nResources . . . . . . . . . . . . . .\n2\nA.\nOverall . . . . . . . . . . . . . . . .\n2\nB.\nNon-budgeted contributions . . . . . . . . .\n2\nC.\nEfficiency gains . . . . . . . . . . . . . .\n2";
    let text = pages(&[
        &format!("{MASTHEAD}\n{contents}"),
        &format!(
            "A/80/999\nI. Resources\nA.\n\nOverall\n1. {PROSE}\nB.\n\nNon-budgeted contributions\n2. The value of non-budgeted contributions is as follows:\n(Thousands of United States dollars)\nCategory\nStatus-of-forces agreement\nTotal\na\nC.\nActual value (2024/25)\nEstimated value (2026/27)\n941.7\n527.3\n941.7\n527.3\nEfficiency gains\n3. The cost estimates reflect the following efficiency initiatives."
        ),
    ]);
    let (read_back, _) = doc(&text);
    assert_eq!(
        sections(&first_chapter(&read_back).blocks),
        [
            (1, "Overall".to_string()),
            (2, "Non-budgeted contributions".to_string()),
            (3, "Efficiency gains".to_string())
        ]
    );
    assert_eq!(para_texts(&read_back).len(), 3);
}

/// The contents of a budget report's chapter I, sections A to D, section
/// D's entry on page `d_page` (the others on page 2).
fn resources_contents(d_page: u32) -> String {
    format!(
        "Contents\nPage\nI.\n\nResources . . . . . . . . . . . . . .\n2\nA.\nOverall . . . . . . . . . . . . . . . .\n2\nB.\nNon-budgeted contributions . . . . . . . . .\n2\nC.\nEfficiency gains . . . . . . . . . . . . . .\n2\nD.\nUnencumbered balance . . . . . . . . . . . .\n{d_page}"
    )
}

/// Reads `text` back, which must hold the four sections
/// [`resources_contents`] lists, numbered, and no error; its outcome.
fn read_resources(text: &str) -> crate::read::ReadOutcome {
    let (read_back, outcome) = doc(text);
    let want = [
        (1, "Overall"),
        (2, "Non-budgeted contributions"),
        (3, "Efficiency gains"),
        (4, "Unencumbered balance"),
    ]
    .map(|(n, title)| (n, title.to_string()));
    assert_eq!(
        sections(&first_chapter(&read_back).blocks),
        want,
        "{:?}",
        outcome.diagnostics
    );
    assert!(!outcome.diagnostics.iter().any(|d| d.is_error()));
    outcome
}

/// A section's label read before a table's note (LibreOffice's PDF of a
/// budget report, raw text) goes to the text the contents list right
/// above a numbered paragraph, not to a header cell of a table higher on
/// the page that the contents seem to list too (`Unencumbered`).
#[test]
fn a_section_label_before_a_note_goes_to_the_listed_text_above_a_paragraph() {
    let contents = resources_contents(3);
    let text = pages(&[
        &format!("{MASTHEAD}\n{contents}"),
        &format!(
            "A/80/999\nI. Resources\nA.\n\nOverall\n1. {PROSE}\n(Thousands of United States dollars)\nCategory\nUnencumbered\nMedical\n7.4\n9.2\nB.\nNon-budgeted contributions\n2. The value of non-budgeted contributions is as follows:\n(Thousands of United States dollars)\nCategory\nStatus-of-forces agreement a\n941.7\n527.3\nTotal\na\nC.\nIncludes facilities and infrastructure and waived landing fees for aircraft.\nEfficiency gains\n3. The cost estimates reflect the following efficiency initiatives."
        ),
        &format!("A/80/999\nD.\n\nUnencumbered balance\n4. {PROSE}"),
    ]);
    let outcome = read_resources(&text);
    assert_eq!(
        decided(&outcome, Action::LabelMoved),
        ["C. Efficiency gains"]
    );
}

/// Two section labels read among the cells of tables on one page (`B.`
/// before a header's `2025/26`, `C.` before a note): each goes to the
/// first text the contents list after it and before the next label, even
/// with a header cell the contents also seem to list (`Unencumbered`).
#[test]
fn two_section_labels_read_among_cells_go_to_their_texts_in_order() {
    let contents = resources_contents(2);
    let text = pages(&[
        &format!("{MASTHEAD}\n{contents}"),
        &format!(
            "A/80/999\nI. Resources\nA.\n\nOverall\n1. {PROSE}\n(Thousands of United States dollars)\nCategory\nUnencumbered\nMedical\n7.4\n9.2\nSpecial equipment\n3.1\n4.4\nB.\n2025/26\nPercentage apportionment\n3 095.2\n519.0\nNon-budgeted contributions\n2. The value of non-budgeted contributions is as follows:\n(Thousands of United States dollars)\nCategory\nStatus-of-forces agreement\nTotal\na\nC.\nIncludes waived landing fees.\n941.7\n527.3\n941.7\n527.3\nEfficiency gains\n3. The cost estimates reflect the following efficiency initiatives.\nD.\n\nUnencumbered balance\n4. {PROSE}"
        ),
    ]);
    read_resources(&text);
}

/// A section label read among cells goes to its title wrapped over two
/// lines on its page, which is one text, not two (the contents list both
/// lines, wrapped there too).
#[test]
fn a_section_label_goes_to_its_title_wrapped_over_two_lines() {
    let contents = "Contents\nPage\nI.\n\nFollow-up . . . . . . . . . . . . . .\n2\nA.\nGeneral Assembly . . . . . . . . . . . .\n2\nB.\nAdvisory Committee on Administrative and Budgetary\nQuestions . . . . . . . . . . . . . . . . . . . .\n2";
    let text = pages(&[
        &format!("{MASTHEAD}\n{contents}"),
        &format!(
            "A/80/999\nI. Follow-up\nA.\n\nGeneral Assembly\n1. {PROSE}\nCategory\nMedical\n7.4\n9.2\nSpecial equipment\n3.1\n4.4\nOther supplies\n1.0\n2.0\nB.\n2025/26\n3 095.2\n519.0\nAdvisory Committee on Administrative and Budgetary\nQuestions\n2. {PROSE}"
        ),
    ]);
    let (read_back, outcome) = doc(&text);
    assert_eq!(
        sections(&first_chapter(&read_back).blocks),
        [
            (1, "General Assembly".to_string()),
            (
                2,
                "Advisory Committee on Administrative and Budgetary Questions".to_string()
            )
        ],
        "{:?}",
        outcome.diagnostics
    );
}

#[test]
fn spaces_are_collapsed_alike_on_the_fast_path_and_the_slow_one() {
    use super::flow::collapse_spaces;
    for (line, collapsed) in [
        ("a plain line", "a plain line"),
        ("two  spaces", "two spaces"),
        ("inter -national", "inter-national"),
        ("a tab\there", "a tab here"),
        ("cost - benefit", "cost - benefit"),
        ("é  wide", "é wide"),
        (" leading", " leading"),
    ] {
        assert_eq!(collapse_spaces(line), collapsed, "{line:?}");
    }
}

/// A report's first page with `table` between paragraphs 1 and 2, and a
/// second page (`next`, under the page's symbol) when one is given. The
/// paragraphs are long: most of a report's lines are full ones, which set
/// the measure the table's narrow lines are told by.
fn prose_table_pages(table: &str, next: Option<&str>) -> String {
    let first = format!("1. {PROSE}\n{PROSE}\n");
    let second = format!("2. {PROSE}\n{PROSE}");
    match next {
        Some(next) => pages(&[
            &format!("{MASTHEAD}\nI. Introduction\n{first}\n{table}\n1/2\n\n26-00001"),
            &format!("A/80/999\n{next}\n{second}"),
        ]),
        None => pages(&[&format!(
            "{MASTHEAD}\nI. Introduction\n{first}\n{table}\n{second}"
        )]),
    }
}

/// The texts of a table's head and body rows, its left cells' row spans,
/// and the reading's outcome; paragraphs 1 and 2 read around it, and its
/// columns of prose set left as text is.
fn prose_table(text: &str) -> (Vec<Vec<String>>, Vec<u32>, crate::read::ReadOutcome) {
    let (doc, outcome) = doc(text);
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2]
    );
    let table = first_table(&doc);
    assert!(
        table
            .columns
            .iter()
            .all(|c| c.align == crate::model::Align::Start),
        "{:?}",
        table.columns
    );
    let rows = table
        .head
        .iter()
        .chain(&table.body)
        .map(row_cells)
        .collect();
    let spans = table.body.iter().map(|r| r.cells[0].row_span).collect();
    (rows, spans, outcome)
}

#[test]
fn a_raw_results_framework_over_a_page_is_one_table_of_two_columns() {
    // Raw text gives each row's cells one after the other, an indicator's
    // figures on a line of their own (like a units line), and repeats the
    // headings on the next page; `External factors` with a full line under
    // it is the text's again.
    let first = "Component 1: security and border monitoring\nExpected accomplishment\n\nIndicators of achievement\n\n1.1 Provision of a safe and secure environment that\nfacilitates the delivery of humanitarian aid in the area\nand in the border zone\n\n1.1.1 Zero incidents of attacks against humanitarian\nactors in the area (2024/25: 0; 2025/26: 0; 2026/27: 0)\n1.1.2 Average number of days for post-specific\nrecruitments, from posting of the job opening to\ncandidate selection, for international candidates\n(2025/26: 60; 2026/27: 70)\n";
    let next = "Expected accomplishment\n\nIndicators of achievement\n\n1.2 Effective functioning of the joint border\nverification and monitoring mechanism of the zone\n\n1.2.1 Withdrawal of forces within the border zone\nconfirmed and allegations verified through patrols\n\nExternal factors\n\nThe Governments have the primary responsibility to protect civilians and to implement\nthe Agreements on the temporary arrangements for the administration of the area.\n";
    let (rows, spans, outcome) = prose_table(&prose_table_pages(first, Some(next)));
    assert_nothing_unplaced(&outcome);
    assert_eq!(
        rows,
        [
            vec!["Expected accomplishment", "Indicators of achievement"],
            vec![
                "1.1 Provision of a safe and secure environment that facilitates the delivery of humanitarian aid in the area and in the border zone",
                "1.1.1 Zero incidents of attacks against humanitarian actors in the area (2024/25: 0; 2025/26: 0; 2026/27: 0)",
            ],
            vec![
                "1.1.2 Average number of days for post-specific recruitments, from posting of the job opening to candidate selection, for international candidates (2025/26: 60; 2026/27: 70)",
            ],
            vec![
                "1.2 Effective functioning of the joint border verification and monitoring mechanism of the zone",
                "1.2.1 Withdrawal of forces within the border zone confirmed and allegations verified through patrols",
            ],
        ]
    );
    // The accomplishment's cell spans the rows of its indicators.
    assert_eq!(spans, [2, 1, 1]);
}

/// A follow-up table: two requests and the actions taken on them, the
/// last action broken by a page (`next` opens the second page).
const FOLLOW_UP: &str = "Decision/request\n\nAction taken to implement decision/request\n\nRequests the Secretary-General to improve the oversight\nof the activities of peacekeeping missions and to implement\nthe recommendations of the oversight bodies (para. 17).\n\nAs at 31 December 2025, 69 of the 99 recommendations\nissued by the Office of Internal Oversight Services\nwere implemented, and the others are followed up.\n\nRequests that future budget proposals demonstrate the\nscalability of mission support components (para. 27).\n\nThe mission support ratio in the 2025/26 period is higher\n";

#[test]
fn a_raw_follow_up_table_pairs_its_cells_in_turn_across_a_page() {
    let next = "Decision/request\n\nAction taken to implement decision/request\n\nthan in the 2020/21 period, as the mission has grown in size\nand its support has grown with it.\n";
    let (rows, spans, outcome) = prose_table(&prose_table_pages(FOLLOW_UP, Some(next)));
    assert_nothing_unplaced(&outcome);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(
        rows[0],
        [
            "Decision/request",
            "Action taken to implement decision/request"
        ]
    );
    assert!(
        rows[1][0].starts_with("Requests the Secretary-General")
            && rows[1][1].starts_with("As at 31 December")
    );
    assert_eq!(
        rows[2][1],
        "The mission support ratio in the 2025/26 period is higher than in the 2020/21 period, as the mission has grown in size and its support has grown with it."
    );
    assert_eq!(spans, [1, 1]);
}

#[test]
fn a_raw_follow_up_table_with_a_cell_left_over_says_so() {
    // The last action is missing: the request stands alone, with a warning.
    let table = FOLLOW_UP.replace(
        "\nThe mission support ratio in the 2025/26 period is higher\n",
        "",
    );
    let (rows, _, outcome) = prose_table(&prose_table_pages(&table, None));
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[2][0].starts_with("Requests that future") && rows[2][1].is_empty());
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code == Code::ExtractedText && d.message.contains("one without a partner")),
        "{:?}",
        outcome.diagnostics
    );
}

#[test]
fn two_short_lines_over_numbered_or_full_text_are_no_table_of_prose() {
    // Headings over a numbered paragraph, and over unnumbered text of
    // full lines: the text's, as before.
    for under in ["2. ", ""] {
        let text = pages(&[&format!(
            "{MASTHEAD}\nI. Introduction\n1. {PROSE}\nEvaluation activities\n\nSelf-evaluations\n\n{under}{PROSE}\n"
        )]);
        let (doc, _) = doc(&text);
        assert!(
            !block_kinds(&doc).contains(&"table"),
            "{under:?}: {:?}",
            block_kinds(&doc)
        );
    }
}

/// The masthead of a page of layout text, as pdftotext `-layout` sets it.
const LAYOUT_HEAD: &str = "          United Nations                                   A/80/999\n          General Assembly                     Distr.: General\n                                               2 February 2026\n                                               Original: English\n\nEightieth session\nAgenda item 150\nFinancing of a mission\n\n          Report on a mission\n          Report of the Secretary-General\n\n";

#[test]
fn layout_tables_of_prose_are_paired_by_numbers_and_by_their_cells_tops() {
    // A results framework (numbered; an accomplishment's cell longer than
    // its first indicator's) and a follow-up table whose rows have no
    // blank line between them: a row begins where both columns begin.
    let body = "                 1. The results of the mission for the period are set out below, in the framework of the\n                 report, with the actions taken on the requests of the General Assembly and its committees.\n\n                 Expected accomplishment                    Indicators of achievement\n\n\n                 1.1 Provision of a safe and secure         1.1.1 Zero incidents of attacks against\n                 environment in the area and in the         humanitarian actors (2024/25: 0; 2025/26: 0)\n                 border zone                                1.1.2 Average number of days for\n                                                            recruitments (2025/26: 60; 2026/27: 70)\n\n                 1.2 Effective functioning of the joint     1.2.1 Withdrawal of forces within the\n                 border mechanism                           border zone confirmed by patrols\n\n                 2. The actions taken on the requests of the General Assembly are set out below, in the\n                 order of the resolutions, with the paragraphs of each resolution in brackets as usual.\n\n                 Decision/request                           Action taken to implement decision/request\n\n                 Requests the Secretary-General to          As at 31 December 2025, 69 of the 99\n                 improve the oversight of missions          recommendations were implemented.\n                 (para. 17).\n                 Requests that future budget proposals      The mission support ratio in the\n                 demonstrate scalability (para. 27).        2025/26 period is 63.5.\n\n                 3. The next paragraph follows the tables, and its number follows the one before them.";
    let (doc, outcome) = doc(&pages(&[&format!("{LAYOUT_HEAD}{body}")]));
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_nothing_unplaced(&outcome);
    let tables: Vec<crate::model::Table> = chapter_blocks(&doc)
        .into_iter()
        .chain(doc.body.clone())
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 2, "{:?}", block_kinds(&doc));
    let rows = |t: &crate::model::Table| -> Vec<Vec<String>> {
        t.head.iter().chain(&t.body).map(row_cells).collect()
    };
    assert_eq!(
        rows(&tables[0]),
        [
            vec!["Expected accomplishment", "Indicators of achievement"],
            vec![
                "1.1 Provision of a safe and secure environment in the area and in the border zone",
                "1.1.1 Zero incidents of attacks against humanitarian actors (2024/25: 0; 2025/26: 0)",
            ],
            vec!["1.1.2 Average number of days for recruitments (2025/26: 60; 2026/27: 70)"],
            vec![
                "1.2 Effective functioning of the joint border mechanism",
                "1.2.1 Withdrawal of forces within the border zone confirmed by patrols",
            ],
        ]
    );
    assert_eq!(tables[0].body[0].cells[0].row_span, 2);
    assert_eq!(
        rows(&tables[1]),
        [
            vec![
                "Decision/request",
                "Action taken to implement decision/request"
            ],
            vec![
                "Requests the Secretary-General to improve the oversight of missions (para. 17).",
                "As at 31 December 2025, 69 of the 99 recommendations were implemented.",
            ],
            vec![
                "Requests that future budget proposals demonstrate scalability (para. 27).",
                "The mission support ratio in the 2025/26 period is 63.5.",
            ],
        ]
    );
}

#[test]
fn a_raw_tables_region_ends_at_a_heading_right_over_its_paragraph() {
    // A/80/614: the summary's first table, then `Human resources a` over
    // the paragraph that introduces the next table, no blank line between.
    let table = "2024/25 variance\n\nMilitary observers\n\n($773.5)\n\n(12.0%)\n\nHuman resources\nThe proposed budget provides for the deployment of uniformed personnel and\ncivilian staff as follows:\n";
    let (read, _) = doc(&between_paragraphs(table));
    let Some(Block::Table(t)) = chapter_blocks(&read).into_iter().nth(1) else {
        panic!("a table");
    };
    let body: Vec<String> = t.body.iter().flat_map(row_cells).collect();
    assert_eq!(body, ["Military observers", "($773.5)", "(12.0%)"]);
    let texts: Vec<String> = chapter_blocks(&read)
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(crate::model::plain_text(&t.value)),
            _ => None,
        })
        .collect();
    assert!(texts.iter().any(|t| t == "Human resources"), "{texts:?}");
}

/// The plain text of the text blocks (titles, lone lines) among the blocks.
fn text_blocks(doc: &Document) -> Vec<String> {
    chapter_blocks(doc)
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(crate::model::plain_text(&t.value)),
            _ => None,
        })
        .collect()
}

#[test]
fn raw_tables_under_numbered_titles_end_at_the_next_title() {
    // A/80/600's human resources by component: raw text runs each table
    // on into the next one's title and header with nothing between.
    let table = |n: u32, title: &str, group: &str| {
        format!(
            "Component {n}: {title}\nCategory\n\n{group}\n\nCivilian staff\n\nTotal\n\nApproved 2024/25\n\n12\n\n4\n\n16\n\nProposed 2026/27\n\n12\n\n3\n\n15\n"
        )
    };
    let tables = format!(
        "{}{}",
        table(1, "substantive civilian", "United Nations police"),
        table(2, "military", "Military observers")
    );
    let (read, _) = doc(&between_paragraphs(&tables));
    assert_eq!(
        block_kinds(&read),
        ["para", "other", "table", "other", "table", "para"]
    );
    assert_eq!(
        text_blocks(&read),
        ["Component 1: substantive civilian", "Component 2: military"]
    );
    // A row label of the same form but no later number stays in its table.
    let same = tables.replace("Component 2: military", "Component 1: military");
    let (one, _) = doc(&between_paragraphs(&same));
    assert_eq!(block_kinds(&one), ["para", "other", "table", "para"]);
}

#[test]
fn a_raw_text_cell_wrapped_over_lines_longer_than_a_cell_stays_in_its_table() {
    // A/80/614's efficiency gains: a column of descriptions, each wrapped
    // over lines a little wider than half the page, ending clauses.
    let table = "(Thousands of United States dollars)\n\nBudget class\n\nDescription\n\nGains\n\nAir operations\n\nFewer flight hours\n\n120.5\n\nMedical\n\nShared clinics\n\n45.0\n\nMarine operations\n\nFewer boats\n\n12.0\n\nFacilities and\ninfrastructure\n\nSolar power: installing solar plants in\n3 camps; for irrigation, recycling water,\nreducing fuel use from heating water\n\n896.4\n\nGround transportation\n\nModifying the transport workshop;\nproviding some technical support\nremotely; acquiring a refurbished fire\ntruck instead of a new one;\n\n3 747.2\n\nTotal\n\n4 822.1\n";
    // The page's full width is measured on the text: a page of prose first.
    let page = |table: &str| {
        let line = "the Mission will continue to pursue efficiencies in its operations and in";
        let lines = format!("{line}\n").repeat(40);
        between_paragraphs(table).replacen("primarily to\n", &format!("primarily to\n{lines}"), 1)
    };
    let (read, _) = doc(&page(table));
    assert_eq!(block_kinds(&read), ["para", "table", "para"]);
    assert!(text_blocks(&read).is_empty(), "{:?}", text_blocks(&read));
    // A paragraph's full line after the table is no cell of it.
    let prose = table.replace(
        "Total\n\n4 822.1\n",
        "Total\n\n4 822.1\n\nThe Mission continues to review its initiatives; the gains reported above\nare estimates, and the realized gains will be set out in the performance report.",
    );
    let (ended, _) = doc(&page(&prose));
    assert_eq!(block_kinds(&ended), ["para", "table", "other", "para"]);
}

#[test]
fn a_general_note_under_the_rule_opens_the_pages_first_note() {
    // A/80/600: `Note: The following abbreviations …` stands under the
    // rule before note 1, which Word holds in the first footnote's text.
    let page = |notes: &str| {
        pages(&[&format!(
            "{MASTHEAD}\nI. Introduction\n1. The actual number of posts is reported for each component of the mission.1\n2. The second paragraph follows the first one.\n__________________\nNote: The following abbreviations are used in the tables: ASG, Assistant\nSecretary-General; USG, Under-Secretary-General.\n{notes}\n1/2"
        )])
    };
    let (with_note, _) = doc(&page(
        "1\nThe actual number of posts is based on the rounded average.\n",
    ));
    let notes: Vec<String> = with_note
        .footnotes
        .iter()
        .map(|n| plain_text(&n.content))
        .collect();
    assert_eq!(
        notes,
        [
            "Note: The following abbreviations are used in the tables: ASG, Assistant Secretary-General; USG, Under-Secretary-General. The actual number of posts is based on the rounded average."
        ]
    );
    assert!(
        text_blocks(&with_note).is_empty(),
        "{:?}",
        text_blocks(&with_note)
    );
    // With no numbered note after it, it stays in the body, not lost.
    let (alone, _) = doc(&page(""));
    assert!(alone.footnotes.is_empty());
    assert!(
        text_blocks(&alone)
            .iter()
            .any(|t| t.contains("Note: The following abbreviations")),
        "{:?}",
        text_blocks(&alone)
    );
}

/// A layout staffing table's page: its header, then `rows`.
fn layout_staffing_page(rows: &str) -> String {
    format!(
        "                                          International staff            National staff\n\n     Civilian staff                          P-5      P-4     Subtotal       NGS    Total\n{rows}"
    )
}

#[test]
fn a_layout_table_goes_on_over_page_foot_notes_and_its_repeated_header() {
    // A/80/600 and A/80/630: the page's notes under the rule, then the next
    // page repeats the header, with a group heading two blank lines under it.
    let row = |label: &str| format!("     {label:<36}  1        2          3         4        7\n");
    let first = format!(
        "{LAYOUT_HEAD}                 I. Introduction\n\n                 1. The proposed staffing of the mission for the coming financial period is set out\n                 below by office, with the posts approved and proposed for each of its sections.\n\n{}\n                 __________________\n                   Note: The following abbreviations are used in the tables: NGS, national General\n                   Service.\n                 1\n                   The actual number of posts is based on the rounded average.\n\n2/3                                                                        26-00001",
        layout_staffing_page(&format!(
            "\n     Office of the Chief\n{}{}",
            row("Approved posts 2024/25"),
            row("Proposed posts 2026/27")
        ))
    );
    let second = |top: &str| {
        format!(
            "                                                                        A/80/999\n\n{top}\n\n     Office of the Chief of Supply Chain Management\n{}{}\n                 2. The next paragraph follows the table, and its number follows the first one.",
            row("Approved posts 2024/25"),
            row("Proposed posts 2026/27")
        )
    };
    let (over, _) = doc(&pages(&[&first, &second(&layout_staffing_page(""))]));
    assert_eq!(block_kinds(&over), ["para", "table", "para"]);
    assert_eq!(over.footnotes.len(), 1);
    // A numbered title opening the next page heads a table of its own.
    let titled = format!(
        "Component 2: security, governance and border monitoring\n\n{}",
        layout_staffing_page("")
    );
    let (two, _) = doc(&pages(&[&first, &second(&titled)]));
    assert_eq!(
        block_kinds(&two),
        ["para", "table", "other", "table", "para"]
    );
    assert_eq!(
        text_blocks(&two),
        ["Component 2: security, governance and border monitoring"]
    );
}

#[test]
fn a_raw_tables_wrapped_headings_then_stub_heading_and_first_label_after_the_rows_are_rebuilt() {
    // undoc's own PDF (draft-es.md) at a page's foot: the value columns'
    // headings, each wrapped over two lines, then the rows, the first
    // without its label, then the stub's heading and that label.
    let table = "Table 1\nParticipants, by mode\n\nIn person\nExperts\n\nIn person\nObservers\n\nOnline\nExperts\n\nOnline\nObservers\n\n112\n\n9\n\n46\n\n5\n\nIntergovernmental organizations\n\n7\n\n4\n\n3\n\n2\n\nNon-governmental organizations\n\n–\n\n6\n\n–\n\n4\n\nCategory\n\nMember States\n";
    let (head, body) = read_raw_table(table);
    assert_eq!(
        head,
        [
            "Category",
            "In person Experts",
            "In person Observers",
            "Online Experts",
            "Online Observers"
        ]
    );
    assert_eq!(
        body,
        [
            ["Member States", "112", "9", "46", "5"],
            ["Intergovernmental organizations", "7", "4", "3", "2"],
            ["Non-governmental organizations", "–", "6", "–", "4"],
        ]
    );
    // A label too many after the rows fits no reading: kept as a block.
    let (head, body) = read_raw_table(&format!("{table}\nObservers\n"));
    assert!(
        head.is_empty() || body.iter().all(|r| r.len() == 1),
        "{head:?} {body:?}"
    );
}

/// Two things a PDF with a narrow hanging indent or stretched justified
/// lines gives (seen in PDFs printed by LibreOffice): `100.For` with no
/// space after the number, and a justified line read a word to a line
/// with a list item's `(b)` among its words. Both read as the paragraphs
/// they are: numbers in sequence, the item inside its paragraph's text.
#[test]
fn glued_numbers_and_a_stretched_lines_words_stay_in_their_paragraphs() {
    let text = pages(&[
        &format!(
            "{MASTHEAD}\nI. Resource requirements\n99. For the 2025/26 period, the requirements cover the establishment of a\nmedical facility through commercial arrangements and specialized services.\n100.For the 2026/27 period, the increased requirements are attributable to\nthe provision of medical services for 12 months.\n"
        ),
        "101.The key elements of the logistical support provided to the Force\ninclude: (a) the provision of rations, fuel, water, accommodation and\nall necessary infrastructure, medical support, aviation and troop rotation,\nstrategic communications, information technology, and\ngeographic\ninformation\nsystem\n(GIS)\nsupport;\n(b)\nthe\nreimbursement of contingent-owned equipment; and (c) joint operations centres.\n102. The last paragraph.",
    ]);
    let (doc, _) = doc(&text);
    let paras = para_texts(&doc);
    let numbers: Vec<u32> = paras.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, [99, 100, 101, 102]);
    assert!(
        paras[1].1.starts_with("For the 2026/27 period"),
        "{paras:?}"
    );
    assert!(
        paras[2].1.contains(
            "technology, and geographic information system (GIS) support; (b) the reimbursement"
        ),
        "{paras:?}"
    );
}

/// A table whose headings pdftotext sets one space apart (they fill their
/// columns) and one whose note mark, raised above a heading, stands on a
/// line of its own: both are tables under their captions, each heading in
/// its column, the mark on its heading.
#[test]
fn squeezed_headings_and_a_raised_mark_stay_in_their_tables_header() {
    let squeezed = "            Tableau 1\n            Dialogue avec les experts\n\n            Introduction                                                      Participants Contributions Deuxième session Contributions a\n\n            Organisations intergouvernementales                                  47 416        75 391            61 580         54 404\n            Organisations non gouvernementales                                   15 662        56 738            49 685         46 573\n            Institutions nationales des droits de l'homme et société civile      49 605        69 408            34 890         21 262\n                  Total                                                         298 593       389 521           372 114        247 858\n";
    let raised = "            Table 2\n            Coverage by region\n\n                                                                                            a\n            Region                                               2015         2023         Gap\n            Africa                                             62 554       67 994       1 185\n            Arab States                                        11 655        7 574      26 415\n";
    let body = format!(
        "                 1. The contributions are set out below.\n\n{squeezed}\n            a\n             Includes written statements.\n\n                 2. Coverage is set out below.\n\n{raised}\n              a\n               Estimated.\n\n                 3. The next paragraph follows the tables."
    );
    let (doc, outcome) = doc(&pages(&[&format!("{LAYOUT_HEAD}{body}")]));
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    let tables: Vec<crate::model::Table> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        tables.len(),
        2,
        "{}",
        super::super::clean_extracted(&pages(&[&format!("{LAYOUT_HEAD}{body}")]))
            .unwrap_or_default()
    );
    assert_eq!(
        row_cells(&tables[0].head[0]),
        [
            "Introduction",
            "Participants",
            "Contributions",
            "Deuxième session",
            "Contributions"
        ]
    );
    assert_eq!(
        row_cells(&tables[0].body[1]),
        [
            "Organisations non gouvernementales",
            "15 662",
            "56 738",
            "49 685",
            "46 573"
        ]
    );
    assert_eq!(
        row_cells(&tables[1].head[0]),
        ["Region", "2015", "2023", "Gap"]
    );
    assert_eq!(
        row_cells(&tables[1].body[0]),
        ["Africa", "62 554", "67 994", "1 185"]
    );
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| d.code != Code::TableNotes),
        "every note is marked: {:?}",
        outcome.diagnostics
    );
}

/// A figure's caption, title and source under a paragraph that ends with a
/// citation after its full stop: the picture is not in the text, and what
/// is stays apart from the paragraph.
#[test]
fn a_figure_caption_after_a_cited_sentence_is_not_the_paragraphs() {
    let body = "                 1. The Secretary-General will submit a further report on the matter, which will\n                 include an assessment of the related support of the system. (A/79/794)\n\n\n                 Figure I\n                 Action by the United Nations system\n\n\n\n\n                 Source: General Assembly\n\n                 2. The next paragraph follows the figure.";
    let (doc, _) = doc(&pages(&[&format!("{LAYOUT_HEAD}{body}")]));
    let paras = para_texts(&doc);
    assert_eq!(paras.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2]);
    assert!(paras[0].1.ends_with("(A/79/794)"), "{:?}", paras[0]);
    assert!(!paras[0].1.contains("Figure"), "{:?}", paras[0]);
}

/// A staffing table's lead line, its note's mark set apart by the text
/// (`Human resources a`) or glued to its word (`Human resourcesa`, the
/// word `resources` used elsewhere): the mark goes back as the table's
/// note a, with a decision for the audit. A letter that marks nothing (no
/// such note under the table) stays text.
#[test]
fn a_lead_lines_mark_set_apart_or_glued_is_the_tables_note_mark() {
    let table = LAYOUT_TABLE
        .replace("18.", "2.")
        .replace("19.", "3.")
        .replace("Civilian personnel a ", "Civilian personnel   ")
        .replace("                 Financial resources\n", "");
    for (lead, marked) in [
        ("Human resources a", true),
        ("Human resourcesa", true),
        ("Human resources b", false),
    ] {
        let body = format!(
            "                 1. The mission's resources are set out below.\n\n                 {lead}\n\n{table}"
        );
        let (doc, outcome) = doc(&pages(&[&format!("{LAYOUT_HEAD}{body}")]));
        let line = doc
            .body
            .iter()
            .find_map(|b| match b {
                Block::Text(t) if plain_text(&t.value).starts_with("Human") => {
                    Some(t.value.clone())
                }
                _ => None,
            })
            .expect("the lead line");
        let mark = line
            .iter()
            .any(|i| matches!(i, crate::model::Inline::TableNoteRef(n) if n.value == 1));
        assert_eq!(mark, marked, "{lead}: {line:?}");
        let text = plain_text(&line);
        assert_eq!(text == "Human resources", marked, "{lead}: {text:?}");
        assert_eq!(
            decided(&outcome, Action::NoteMarkRestored),
            if marked { vec![lead] } else { vec![] },
            "{lead}"
        );
    }
}

/// Two notes' marks raised over a header's headings, on one line of their
/// own between the header's lines (as pdftotext sets the superscripts of
/// `Military contingents^b` and `Formed police units^b`): each is the mark
/// of the heading under it, none is header text.
#[test]
fn several_marks_raised_on_one_header_line_go_to_their_headings() {
    let table = LAYOUT_TABLE
        .replace("18.", "1.")
        .replace("19.", "2.")
        .replace("Civilian personnel a ", "Civilian personnel   ")
        .replace(
            "Expenditure      Variance\n",
            "Expenditure      Variance\n                                                            a          b\n",
        )
        .replace(
            "                   a\n                       Includes general temporary assistance.\n",
            "                   a\n                       Includes general temporary assistance.\n                   b\n                       Excludes prior-period obligations.\n",
        );
    let (doc, _) = doc(&pages(&[&format!("{LAYOUT_HEAD}{table}")]));
    let table = first_table(&doc);
    let heads: Vec<(String, Vec<u32>)> = table
        .head
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| (c.plain_text(), note_marks(&c.paragraphs)))
        .collect();
    assert!(
        heads
            .iter()
            .any(|(text, marks)| text.starts_with("Apportionment") && marks == &[1]),
        "{heads:?}"
    );
    assert!(
        heads
            .iter()
            .any(|(text, marks)| text.starts_with("Expenditure") && marks == &[2]),
        "{heads:?}"
    );
    assert!(
        heads
            .iter()
            .all(|(text, _)| !text.split(' ').any(|w| w == "a" || w == "b")),
        "{heads:?}"
    );
    assert_eq!(table.notes.len(), 2);
}

/// A staffing table as an advisory report sets it: a heading's mark before
/// its column's number (`Authorized 2024/25 a` over `(1)`), and a group's
/// label whose mark pdftotext raises onto a line of its own above it
/// (`a` over `Temporary positions`, the group's rows under it). The raised
/// letter does not open the notes: the group and the total stay rows, the
/// note is the one under the table.
#[test]
fn a_mark_raised_over_a_group_label_leaves_the_rows_in_the_table() {
    let table = "                 1. Civilian personnel are set out below.

                                                        Approved    Encumbered as at   Approved
                                                       2024/25 a       30 June 2025     2025/26

                 Category                                    (1)                 (2)        (3)


                 Posts
                 International staff                          52                  42         51
                 National General Service staff               90                  83         90
                                        a
                 Temporary positions
                 International staff                           2                   2          2

                       Total                                 145                 128        144

                   a
                       Funded under general temporary assistance.

                 2. The next paragraph follows the table.";
    let (doc, _) = doc(&pages(&[&format!("{LAYOUT_HEAD}{table}")]));
    assert_eq!(
        para_texts(&doc).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 2]
    );
    let table = first_table(&doc);
    let labels: Vec<(String, bool)> = table
        .body
        .iter()
        .map(|r| {
            let first = &r.cells[0];
            (first.plain_text(), note_marks(&first.paragraphs) == [1])
        })
        .collect();
    assert!(
        labels.contains(&("Temporary positions".to_string(), true)),
        "{labels:?}"
    );
    assert!(labels.iter().any(|(l, _)| l == "Total"), "{labels:?}");
    let heading = table
        .head
        .iter()
        .flat_map(|r| &r.cells)
        .find(|c| {
            c.paragraphs
                .iter()
                .any(|p| plain_text(p).contains("2024/25"))
        })
        .expect("the first period's heading");
    assert_eq!(note_marks(&heading.paragraphs), [1], "{heading:?}");
    assert!(
        heading
            .paragraphs
            .iter()
            .all(|p| !plain_text(p).contains(" a ")),
        "{heading:?}"
    );
    assert_eq!(table.notes.len(), 1);
    assert_eq!(
        plain_text(&table.notes[0].content),
        "Funded under general temporary assistance."
    );
}

/// A table whose header cells raw text gives partly after its rows, as
/// pdftotext reads a table with the next heading's label hung in the
/// margin under it (`2.` between the total's label and the late cells).
#[test]
fn a_raw_tables_header_cells_after_its_rows_join_into_one_heading_with_a_warning() {
    let (before, _) = RAW_TABLE.split_once("Table 1\n").expect("a caption");
    let before = before.replace(
        "I. Introduction\n",
        "I. Introduction\nA. Financing\n1. Regular budget\n",
    );
    let (_, after) = RAW_TABLE.split_once("\n2.\n").expect("the next paragraph");
    let table = "Table 1\nResources by source of funds\n(Millions of United States dollars)\n\nExpenditure\nSource of funds\n\n2024\n\nAmount\n\nPercentage\n\nRegular budget\n\n18.2\n\n19.0\n\n0.8\n\n4.4\n\nExtrabudgetary resources\n\n346.2\n\n412.0\n\n65.8\n\n19.0\n\n364.4\n\n431.0\n\n66.6\n\n18.3\n\nTotal\n\n2.\n\n2022\n\nChange\n\nExtrabudgetary resources\n";
    let text = format!("{before}{table}2.\n{after}");
    let (doc, outcome) = doc(&pages(&[&format!("{MASTHEAD}\n{text}")]));
    let table = first_table(&doc);
    let head: Vec<String> = table.head.iter().flat_map(row_cells).collect();
    assert_eq!(
        head,
        ["Expenditure Source of funds 2024 Amount Percentage 2022 Change"]
    );
    assert_eq!(table.head[0].cells[0].col_span, 5);
    let body: Vec<Vec<String>> = table.body.iter().map(row_cells).collect();
    assert_eq!(
        body,
        [
            ["Regular budget", "18.2", "19.0", "0.8", "4.4"],
            ["Extrabudgetary resources", "346.2", "412.0", "65.8", "19.0"],
            ["Total", "364.4", "431.0", "66.6", "18.3"],
        ]
    );
    // The subheading under the table keeps its label and text.
    let subheadings: Vec<String> = chapter_blocks(&doc)
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some(s),
            _ => None,
        })
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Subheading(h) => Some(format!("{:?} {}", h.n, plain_text(&h.heading))),
            _ => None,
        })
        .collect();
    assert_eq!(
        subheadings,
        ["Some(1) Regular budget", "Some(2) Extrabudgetary resources"]
    );
    assert_eq!(decided(&outcome, Action::HeaderJoined).len(), 1);
    let warned = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::ExtractedText)
        .count();
    assert_eq!(warned, 1, "{:?}", outcome.diagnostics);
}

/// The same table broken over a page, its last row and the leftovers on
/// the next page: no reading over the break fits, and header cells after
/// rows on another page are not the order this reading knows (a page's
/// repeated header, or rows read apart), so the table stays a block.
#[test]
fn a_raw_tables_leftovers_over_a_page_break_keep_it_a_block() {
    let (before, _) = RAW_TABLE.split_once("Table 1\n").expect("a caption");
    let (_, after) = RAW_TABLE.split_once("\n2.\n").expect("the next paragraph");
    let before = before.replace(
        "I. Introduction\n",
        "I. Introduction\nA. Financing\n1. Regular budget\n",
    );
    let first = format!(
        "{MASTHEAD}\n{before}Table 1\nResources by source of funds\n(Millions of United States dollars)\n\nExpenditure\nSource of funds\n\n2024\n\nAmount\n\nPercentage\n\nRegular budget\n\n18.2\n\n19.0\n\n0.8\n\n4.4\n\nExtrabudgetary resources\n\n346.2\n\n412.0\n\n65.8\n\n19.0\n"
    );
    let second = format!(
        "364.4\n\n431.0\n\n66.6\n\n18.3\n\nTotal\n\n2.\n\n2022\n\nChange\n\nExtrabudgetary resources\n2.\n{after}"
    );
    let (_, outcome) = doc(&pages(&[&first, &second]));
    assert!(decided(&outcome, Action::HeaderJoined).is_empty());
    assert!(kept_a_table(&outcome));
}

/// A word hyphenated at a page's last body line, above the page's
/// footnotes, is joined on the next page: its second half there is no
/// word of the document (`set-` … notes … `tlement` was kept as
/// `set-tlement`, `set` and `tlement` both taken for words).
#[test]
fn a_word_hyphenated_above_a_pages_footnotes_is_joined() {
    let text = pages(&[
        &format!(
            "{MASTHEAD}\nI. Introduction\n1. The commissions set out their work1 on regional payment and set-\n__________________\n1\nSee the report on regional payments.\n\n1/2"
        ),
        "A/80/999\n\ntlement systems, which reduced the cost of transactions.\n2. They set out their plans.\n\n2/2",
    ]);
    let (doc, outcome) = doc(&text);
    assert_eq!(
        para_texts(&doc)[0].1,
        "The commissions set out their work on regional payment and settlement systems, which reduced the cost of transactions."
    );
    assert_eq!(decided(&outcome, Action::HyphenJoined), ["settlement"]);
}

/// A title wrapped onto a line that ends like a session line (`travaux de
/// sa deuxième session`) is one title: before, that line was read as a
/// session line, the three above it as the agenda item's title.
#[test]
fn a_title_line_ending_in_session_is_the_titles() {
    let front = [
        "                 Nations Unies                                          A/80/1033",
        "                 Conseil des droits de                  Distr. générale",
        "                                                        23 juin 2025",
        "                 l'homme",
        "                                                        Français",
        "                                                        Original : anglais",
        "",
        "",
        "Soixantième session",
        "Point 3 de l'ordre du jour",
        "",
        "",
        "                 Rapport du Groupe de travail intergouvernemental à",
        "                 composition non limitée sur les droits de l'homme et",
        "                 les technologies numériques émergentes sur les",
        "                 travaux de sa deuxième session",
        "",
        "",
        "          I. Documentation",
        "                 1.    Les participants ont relevé que les victimes se heurtaient à des",
        "                 obstacles importants.",
        "",
        "                                                                    1/1",
    ]
    .join("\n");
    let (doc, _) = doc(&pages(&[&front]));
    assert_eq!(
        plain_text(&doc.title.value),
        "Rapport du Groupe de travail intergouvernemental à composition non limitée sur les droits de l'homme et les technologies numériques émergentes sur les travaux de sa deuxième session"
    );
    assert!(doc.masthead.agenda_title.is_none());
    assert_eq!(
        doc.masthead.session.as_ref().map(|s| s.value.as_str()),
        Some("Soixantième session")
    );
}

/// A figure read from a PDF's text has no picture: its label, title and
/// source line stay three lines of text, in a language without capitals
/// too (`图一技术合作与能力建设资料来源: …` was one line).
#[test]
fn a_figures_label_title_and_source_stay_apart_without_its_picture() {
    for (label, title, source) in [
        ("Figure I", "Introduction", "Source: General Assembly"),
        (
            "图一",
            "技术合作与能力建设",
            "资料来源: 联合国环境规划署环境大会",
        ),
        ("الشكل الأول", "مقدمة", "المصدر: الجمعية العامة"),
    ] {
        let text = pages(&[&format!(
            "{MASTHEAD}\nI. Introduction\n1. The first paragraph.\n{label}\n{title}\n{source}\n2. The second paragraph.\n\n1/1"
        )]);
        let (doc, _) = doc(&text);
        let texts: Vec<String> = chapter_blocks(&doc)
            .iter()
            .filter_map(|b| match b {
                Block::Text(t) => Some(plain_text(&t.value)),
                _ => None,
            })
            .collect();
        assert_eq!(texts, [label, title, source]);
    }
}

/// A budget table's bold lines, their bold lost in the text: totals,
/// subtotals and the net and gross lines with figures are total rows; a
/// total's label alone on its line heads the rows under it, as the Word
/// file has it, and is no total.
#[test]
fn budget_lines_with_figures_are_totals_and_a_label_alone_heads_its_rows() {
    let head = MISSION_MASTHEAD;
    let body = "                 1. The posts proposed for the period are set out below.

                 Table 1
                 Posts by category

                 Category                              Professional   General Service   Subtotal

                 Approved 2024/25                                12                 8         20
                 Proposed 2025/26                                14                 8         22

                 Net change                                       2                 –          2

                 Total, including temporary positions
                 Approved 2024/25                                13                 9         22
                 Proposed 2025/26                                15                 9         24
                 Gross requirements                         1 200.5           320.0    1 520.5

                 2. The next paragraph follows the table.";
    let (doc, outcome) = doc(&pages(&[&format!("{head}{body}")]));
    assert_nothing_unplaced(&outcome);
    let table = first_table(&doc);
    let rows: Vec<(String, bool)> = table
        .body
        .iter()
        .map(|r| (plain_text(&r.cells[0].paragraphs[0]), r.total))
        .collect();
    assert_eq!(
        rows,
        [
            ("Approved 2024/25".to_string(), false),
            ("Proposed 2025/26".to_string(), false),
            ("Net change".to_string(), true),
            ("Total, including temporary positions".to_string(), false),
            ("Approved 2024/25".to_string(), false),
            ("Proposed 2025/26".to_string(), false),
            ("Gross requirements".to_string(), true),
        ]
    );
}

/// Figures that did not come apart from a total's label (a table read as
/// lines) make it a total's; a bracketed range or words do not.
#[test]
fn figures_glued_to_a_label_are_told_from_its_words() {
    use super::render::has_glued_figures;
    for glued in ["Net change – – (1) – (1)", "Total 419", "Subtotal 1 200.5"] {
        assert!(has_glued_figures(glued), "{glued}");
    }
    for words in [
        "Total (I–III)",
        "Total (I–V)",
        "Total, including temporary positions",
        "Total",
    ] {
        assert!(!has_glued_figures(words), "{words}");
    }
}

/// Every table of `doc`, in order, each as its rows' cells (head first).
fn tables_as_cells(doc: &Document) -> Vec<Vec<Vec<String>>> {
    all_tables(doc)
        .iter()
        .map(|t| t.head.iter().chain(&t.body).map(row_cells).collect())
        .collect()
}

/// A peacekeeping budget's staffing table: military and police posts in
/// one column, then civilian staff by grade under a header of its own,
/// inside the same table. No grid fits both; each part has its own.
const STAFFING_TABLE: &str = "                 1. The mission continued to support the parties in implementing the agreement, in
                 monitoring the ceasefire along the border and in protecting civilians in the areas of
                 return, with its military observers, contingents and police deployed in the sectors.
                 The posts proposed for the period are set out below, by component and category, with
                 the approved and proposed numbers of military and police personnel and the civilian
                 staff of the mission by grade, as the Advisory Committee asked in its last report.

                 Category                                                         Total


                 I.   Military observers
                      Approved 2024/25                                              135
                      Proposed 2025/26                                              120

                      Net change                                                   (15)

                 II. United Nations police
                      Approved 2024/25                                               48
                      Proposed 2025/26                                               48

                      Net change                                                      –

                                               International staff   National staff

                                                   P-5–                         
                 III. Civilian staff                P-4      FS  Subtotal   NGS   Total


                      Approved posts 2024/25          2       1         3    16      19
                      Proposed posts 2025/26          3       1         4    15      19

                      Net change                      1       –         1    (1)      –
";

/// The paragraph after the staffing table.
const AFTER_STAFFING: &str = "                 2. The reduction of fifteen military observers follows the consolidation of
                 team sites in the northern sector, approved by the Security Council in its latest
                 resolution, and the transfer of their tasks to the formed police units in the sector.";

#[test]
fn a_staffing_table_with_a_header_inside_is_read_as_one_grid() {
    let body = format!("{STAFFING_TABLE}\n{AFTER_STAFFING}");
    let (doc, outcome) = doc(&pages(&[&format!("{MISSION_MASTHEAD}{body}")]));
    assert_nothing_unplaced(&outcome);
    let tables = tables_as_cells(&doc);
    assert_eq!(tables.len(), 1, "{tables:?}");
    let table = &tables[0];
    assert!(table.iter().all(|r| r.len() == 6), "{table:?}");
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    // The one-column part's figures stand in the last column, `Total`.
    assert_eq!(table[0], row(&["Category", "", "", "", "", "Total"]));
    assert_eq!(
        table[1],
        row(&["I. Military observers", "", "", "", "", ""])
    );
    assert_eq!(table[4], row(&["Net change", "", "", "", "", "(15)"]));
    // The inner header is a row of the body, as Word has it.
    assert!(
        table
            .iter()
            .any(|r| r[0] == "III. Civilian staff" && r[5] == "Total"),
        "{table:?}"
    );
    assert!(table.contains(&row(&["Approved posts 2024/25", "2", "1", "3", "16", "19"])));
    assert!(table.contains(&row(&["Net change", "1", "–", "1", "(1)", "–"])));
}

/// The inner header may follow the last row of figures with no blank
/// line between (A/80/600 sets it so): it still opens the second part.
#[test]
fn an_inner_header_right_under_a_row_of_figures_opens_its_part() {
    let table = STAFFING_TABLE.replacen(
        "–\n\n                                               International",
        "–\n                                               International",
        1,
    );
    assert_ne!(table, STAFFING_TABLE);
    let body = format!("{table}\n{AFTER_STAFFING}");
    let (doc, outcome) = doc(&pages(&[&format!("{MISSION_MASTHEAD}{body}")]));
    assert_nothing_unplaced(&outcome);
    let tables = tables_as_cells(&doc);
    assert_eq!(tables.len(), 1, "{tables:?}");
    assert!(tables[0].iter().all(|r| r.len() == 6), "{tables:?}");
}

/// Parts that do not end on the same heading are two tables one after
/// the other: nothing says which columns they share.
#[test]
fn parts_ending_on_other_headings_are_tables_of_their_own() {
    let table = STAFFING_TABLE.replace("NGS   Total", "NGS     All");
    let body = format!("{table}\n{AFTER_STAFFING}");
    let (doc, outcome) = doc(&pages(&[&format!("{MISSION_MASTHEAD}{body}")]));
    assert_nothing_unplaced(&outcome);
    let tables = tables_as_cells(&doc);
    let widths: Vec<Vec<usize>> = tables
        .iter()
        .map(|t| {
            t.iter()
                .map(Vec::len)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        })
        .collect();
    assert_eq!(widths, [vec![2], vec![6]], "{tables:?}");
}

/// The same table with its grand total alone on the next page, which
/// pdftotext placed eight columns left of the first: the total's figures
/// end under `NGS`, not `Total`. No row there has every column, so the
/// figures' column cannot be told, and the table is kept as one block, as
/// before, with the reason said.
#[test]
fn a_part_whose_next_page_has_only_lone_figures_is_not_read_apart() {
    let first = format!("{MISSION_MASTHEAD}{STAFFING_TABLE}");
    let second = format!(
        "              Total (I–III)
              Approved 2024/25                                              202
              Proposed 2025/26                                              187

{AFTER_STAFFING}"
    );
    let (doc, outcome) = doc(&pages(&[&first, &second]));
    let tables = tables_as_cells(&doc);
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.code == Code::ExtractedText && d.message.contains("kept as one block")),
        "{:?}",
        outcome.diagnostics
    );
    assert!(
        tables.iter().all(|t| t.iter().all(|r| r.len() == 1)),
        "{tables:?}"
    );
}

/// A note whose mark cannot be found on its page (`guidance 3 are`, a
/// raised number set a space apart mid-line) has it put at the end of
/// the page's last line of running text, not on the table that ends the
/// page: a mark among a row's cells is one cell too many for its grid.
#[test]
fn an_unfound_note_mark_goes_after_the_last_running_text_not_into_a_table() {
    let page = format!(
        "{MISSION_MASTHEAD}                 1. The flight hour utilization rates for the periods from 2022/23 to 2024/25
                 and the number of flight hours calculated on the basis of the policy guidance 3 are
                 as follows, by type of aircraft, as approved for the period and proposed for the next:

                                              Actual        Approved        Proposed

                 Aircraft type                   (1)             (2)             (3)


                 Fixed-wing                    118.7           1 008             840
                 Helicopters                    24.9           2 115           1 199

                       Total                                   3 123           2 039



          __________________
               3
                 For missions that utilized less than 90 per cent of the approved flight hours."
    );
    let (doc, outcome) = doc(&pages(&[&page]));
    let tables = tables_as_cells(&doc);
    assert_eq!(tables.len(), 1);
    assert!(tables[0].iter().all(|r| r.len() == 4), "{tables:?}");
    assert!(tables[0].contains(&vec![
        "Total".to_string(),
        String::new(),
        "3 123".to_string(),
        "2 039".to_string()
    ]));
    let texts = para_texts(&doc);
    assert!(texts[0].1.ends_with("next:"), "{texts:?}");
    let marked = doc.paragraphs()[0]
        .content
        .iter()
        .any(|i| matches!(i, crate::model::Inline::NoteRef(n) if n.value == 3));
    assert!(marked, "{:?}", doc.paragraphs()[0].content);
    assert!(!decided(&outcome, Action::FootnoteUnplaced).is_empty());
}

/// A row label's note mark before its period (`Approved temporary
/// positions a 2025/26`, as pdftotext sets a raised letter a space
/// apart) is the note's mark, not a word of the label.
#[test]
fn a_row_labels_mark_before_its_period_is_a_note_mark() {
    let table = "                 1. Temporary positions are set out below.

                 Category                                      International      National

                 Approved temporary positions a 2025/26                    2             1
                 Proposed temporary positions 2026/27                      3             1

                   a
                       Funded under general temporary assistance.

                 2. The next paragraph follows the table.";
    let (doc, _) = doc(&pages(&[&format!("{LAYOUT_HEAD}{table}")]));
    let table = first_table(&doc);
    let first = &table.body[0].cells[0];
    assert_eq!(first.plain_text(), "Approved temporary positions 2025/26");
    assert_eq!(note_marks(&first.paragraphs), [1], "{first:?}");
    assert!(note_marks(&table.body[1].cells[0].paragraphs).is_empty());
}
