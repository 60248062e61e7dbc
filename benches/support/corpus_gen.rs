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
    };
    collect(&doc.body, &mut p);
    p
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
            Block::Text(_) | Block::Subheading(_) | Block::Table(_) | Block::Figure(_) => {}
        }
    }
}

/// One generated report source of `pages` pages (about five paragraphs each).
pub fn generate(p: &Pool, index: usize, pages: usize, rng: &mut Rng) -> String {
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
