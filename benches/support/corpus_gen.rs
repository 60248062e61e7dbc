//! The corpus generator shared by `benches/corpus.rs` and the stage
//! benchmarks: report sources drawn with a fixed seed from the paragraphs,
//! headings and masthead lines of `samples/` (read with undoc's own reader)
//! and numbered with `undoc::lang`, so every generated source validates.
#![allow(dead_code)]

use std::path::Path;

use undoc::lang::Lang;
use undoc::model::{Block, Document, ListKind, plain_text};
use undoc::read::{self, InputFormat, Source};

/// splitmix64: small, fast and the same everywhere.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What one language's sample offers to draw from.
pub struct Pool {
    /// The language of the sample.
    pub lang: Lang,
    organ: Vec<String>,
    session: Option<String>,
    agenda: Vec<String>,
    titles: Vec<String>,
    subtitle: Option<String>,
    headings: Vec<String>,
    paragraphs: Vec<String>,
    intros: Vec<String>,
    items: Vec<String>,
    /// Row labels and column heads of the sample's tables.
    row_labels: Vec<String>,
    column_heads: Vec<String>,
}

fn pool(doc: &Document) -> Pool {
    let m = &doc.masthead;
    let mut p = Pool {
        lang: doc.lang,
        organ: m.organ.iter().map(|o| o.value.clone()).collect(),
        session: m.session.as_ref().map(|s| s.value.clone()),
        agenda: m.agenda.iter().map(|a| a.value.clone()).collect(),
        titles: vec![plain_text(&doc.title.value)],
        subtitle: doc.subtitle.as_ref().map(|s| plain_text(&s.value)),
        headings: Vec::new(),
        paragraphs: Vec::new(),
        intros: Vec::new(),
        items: Vec::new(),
        row_labels: Vec::new(),
        column_heads: Vec::new(),
    };
    collect(&doc.body, &mut p);
    p
}

/// The first cell of each body row and the header cells of `table`.
fn collect_table(table: &undoc::model::Table, p: &mut Pool) {
    let text = |cell: &undoc::model::Cell| plain_text(&cell.paragraphs.concat());
    for row in table.body.iter().filter(|r| !r.total) {
        p.row_labels.extend(row.cells.first().map(text));
    }
    for row in &table.head {
        p.column_heads
            .extend(row.cells.iter().skip(1).map(text).filter(|t| !t.is_empty()));
    }
}

fn collect(blocks: &[Block], p: &mut Pool) {
    for block in blocks {
        match block {
            Block::Chapter(d) | Block::Section(d) => {
                p.headings.push(plain_text(&d.heading));
                collect(&d.blocks, p);
            }
            Block::Para(para) => {
                let text = plain_text(&para.content);
                match &para.list {
                    Some(list) => {
                        p.intros.push(text);
                        for item in &list.items {
                            let t = plain_text(&item.content);
                            if !t.trim_end().ends_with([':', '：']) {
                                p.items.push(t);
                            }
                        }
                    }
                    None => p.paragraphs.push(text),
                }
            }
            Block::Table(t) => collect_table(t, p),
            Block::Text(_) | Block::Subheading(_) | Block::Figure(_) => {}
        }
    }
}

/// One generated report source of `pages` pages (about five paragraphs each).
pub fn generate(p: &Pool, index: usize, pages: usize, rng: &mut Rng) -> String {
    generate_with(p, index, pages, 0, rng)
}

/// One generated report source of `pages` pages with a table after every
/// `table_every` paragraphs (none when 0): tables of 6 to 14 rows and four
/// figure columns with a total row, a lettered note and a source line, as
/// budget reports hold dozens of; every third is a figure instead, whose
/// picture is [`FIGURE_PATH`] beside the source.
pub fn generate_with(
    p: &Pool,
    index: usize,
    pages: usize,
    table_every: usize,
    rng: &mut Rng,
) -> String {
    let lang = p.lang;
    let paragraphs = pages * 5;
    let chapters = (pages / 4).clamp(3, 12);
    let symbol = format!("A/80/{}", 1000 + index);
    let mut s = String::new();
    s.push_str(&format!(
        "---\nsymbol: {symbol}\njob-number: 25-{:05} ({})\nduty-station: {}\n---\n\n",
        10000 + index,
        lang.job_letter(),
        rng.pick(&["New York", "Geneva", "Vienna", "Nairobi"])
    ));
    for organ in &p.organ {
        s.push_str(organ);
        s.push('\n');
    }
    let date = undoc::model::Date {
        year: 2025,
        month: 1 + rng.below(12) as u32,
        day: 1 + rng.below(28) as u32,
    };
    s.push_str(&format!(
        "\n{}\n{}\n",
        lang.distribution_line(undoc::model::Distribution::General),
        lang.masthead_date(date)
    ));
    if lang != Lang::En {
        s.push_str(&format!("{}\n", lang.version_line()));
    }
    s.push_str(&format!("{}\n\n", lang.original_line(Lang::En)));
    if let Some(session) = &p.session {
        s.push_str(&format!("{session}\n"));
        for agenda in &p.agenda {
            s.push_str(&format!("{agenda}\n"));
        }
        s.push('\n');
    }
    s.push_str(&format!("{}\n\n", rng.pick(&p.titles)));
    if let Some(subtitle) = &p.subtitle {
        s.push_str(&format!("{subtitle}\n\n"));
    }
    let mut notes = Vec::new();
    let per_chapter = paragraphs.div_ceil(chapters);
    let mut n = 0;
    let (mut floats, mut tables, mut figures) = (0, 0, 0);
    for chapter in 1..=chapters as u32 {
        s.push_str(&format!(
            "{} {}\n\n",
            lang.chapter_label(chapter),
            rng.pick(&p.headings)
        ));
        let sections = if chapter == 1 { 0 } else { rng.below(4) };
        let per_section = per_chapter.div_ceil(sections.max(1));
        for section in 0..sections.max(1) {
            if sections > 0 {
                s.push_str(&format!(
                    "{} {}\n\n",
                    lang.section_label(section as u32 + 1),
                    rng.pick(&p.headings)
                ));
            }
            for _ in 0..per_section {
                if n >= paragraphs {
                    break;
                }
                n += 1;
                paragraph(p, n as u32, rng, &mut notes, &mut s);
                if table_every > 0 && n % table_every == 0 && !p.row_labels.is_empty() {
                    floats += 1;
                    if floats % 3 == 0 {
                        figures += 1;
                        figure(p, figures, rng, &mut s);
                    } else {
                        tables += 1;
                        table(p, tables, rng, &mut s);
                    }
                }
            }
        }
    }
    for (i, note) in notes.iter().enumerate() {
        s.push_str(&format!("[^{}]: {note}\n", i + 1));
    }
    s
}

fn paragraph(p: &Pool, n: u32, rng: &mut Rng, notes: &mut Vec<String>, s: &mut String) {
    let lang = p.lang;
    if n % 7 == 4 && !p.intros.is_empty() && p.items.len() >= 2 {
        s.push_str(&format!("{} {}\n", lang.para_label(n), rng.pick(&p.intros)));
        let items = 3 + rng.below(3);
        for i in 1..=items as u32 {
            if i == 2 {
                let intro = rng.pick(&p.intros);
                s.push_str(&format!(
                    "{} {}\n",
                    lang.item_label(ListKind::Decimal, i),
                    intro
                ));
                for j in 1..=3 {
                    s.push_str(&format!(
                        "  {} {}\n",
                        lang.item_label(ListKind::Alpha, j),
                        rng.pick(&p.items)
                    ));
                }
            } else {
                s.push_str(&format!(
                    "{} {}\n",
                    lang.item_label(ListKind::Decimal, i),
                    rng.pick(&p.items)
                ));
            }
        }
        s.push('\n');
        return;
    }
    let mut text = rng.pick(&p.paragraphs).clone();
    if n.is_multiple_of(9) {
        text.push_str(&format!(" (A/79/{})", 100 + rng.below(800)));
    }
    if n % 10 == 3 {
        notes.push(rng.pick(&p.items).clone());
        text.push_str(&format!("[^{}]", notes.len()));
    }
    s.push_str(&format!("{} {text}\n\n", lang.para_label(n)));
}

/// A numbered table in the text source's pipe syntax.
fn table(p: &Pool, n: u32, rng: &mut Rng, s: &mut String) {
    let lang = p.lang;
    s.push_str(&format!(
        "{}\n{}\n\n",
        lang.table_label(n),
        rng.pick(&p.headings)
    ));
    let heads: Vec<&String> = (0..4).map(|_| rng.pick(&p.column_heads)).collect();
    s.push_str(&format!(
        "| {} | {} | {} | {} | {}^a^ |\n|:--|--:|--:|--:|--:|\n",
        rng.pick(&p.headings),
        heads[0],
        heads[1],
        heads[2],
        heads[3]
    ));
    let rows = 6 + rng.below(9);
    let mut totals = [0u64; 4];
    for _ in 0..rows {
        let values: Vec<u64> = (0..4).map(|_| rng.below(90_000) as u64 + 100).collect();
        for (t, v) in totals.iter_mut().zip(&values) {
            *t += v;
        }
        let cells: Vec<String> = values.iter().map(|v| group_thousands(*v)).collect();
        s.push_str(&format!(
            "| {} | {} |\n",
            rng.pick(&p.row_labels),
            cells.join(" | ")
        ));
    }
    let cells: Vec<String> = totals
        .iter()
        .map(|v| format!("**{}**", group_thousands(*v)))
        .collect();
    let total = lang.total_word();
    s.push_str(&format!("| **{total}** | {} |\n\n", cells.join(" | ")));
    s.push_str(&format!(
        "^a^ {}\n{}: {}\n\n",
        rng.pick(&p.items),
        lang.source_word(),
        rng.pick(&p.organ)
    ));
}

/// Where generated figures find their picture, relative to the source.
pub const FIGURE_PATH: &str = "figures/chart.png";

/// A numbered figure line and its source line.
fn figure(p: &Pool, n: u32, rng: &mut Rng, s: &mut String) {
    let lang = p.lang;
    let title = rng.pick(&p.headings);
    s.push_str(&format!(
        "![{}: {title}]({FIGURE_PATH} \"{title}\")\n\n{}: {}\n\n",
        lang.figure_label(n),
        lang.source_word(),
        rng.pick(&p.organ)
    ));
}

/// `12345` as `12 345`.
fn group_thousands(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The six languages' pools, from `samples/report-XX.txt`, in UN order.
pub fn pools() -> Result<Vec<Pool>, String> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut pools = Vec::new();
    for lang in undoc::lang::ALL {
        let path = samples.join(format!("report-{}.txt", lang.code()));
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = read::read(
            &Source::bytes(&bytes),
            InputFormat::by_name("text").expect("text reader"),
            &[],
        )
        .document
        .ok_or_else(|| format!("{} does not read", path.display()))?;
        pools.push(pool(&doc));
    }
    Ok(pools)
}
