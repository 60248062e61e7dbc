//! Deterministic corpus generator for benchmarks: N report sources across the
//! six languages, 1 to 60 pages each, with masthead, chapters, sections,
//! numbered paragraphs, lists with nested items, footnotes and cited symbols,
//! drawn from `samples/` with a fixed seed; every source validates.
//!
//! ```sh
//! cargo run --release --example corpus -- 200 /tmp/corpus [SEED] [MAX_PAGES] [TABLE_EVERY]
//! ```
//!
//! `TABLE_EVERY` (default 0, none) puts a table (every third time a figure)
//! after every that many paragraphs, for table-heavy corpora like the
//! peacekeeping budget reports.

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use std::path::PathBuf;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: corpus COUNT OUT_DIR [SEED] [MAX_PAGES] [TABLE_EVERY]";
    let count: usize = args.first().and_then(|a| a.parse().ok()).ok_or(usage)?;
    let out = PathBuf::from(args.get(1).ok_or(usage)?);
    let seed: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(2026);
    let max_pages: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(60);
    let table_every: usize = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(0);
    let pools = corpus_gen::pools()?;
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    if table_every > 0 {
        // The generated figures' picture.
        let picture = out.join(corpus_gen::FIGURE_PATH);
        let parent = picture.parent().ok_or("no folder for the picture")?;
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples/figures/dpi-countries.png");
        std::fs::copy(sample, picture).map_err(|e| e.to_string())?;
    }
    let mut rng = corpus_gen::Rng(seed);
    for index in 0..count {
        let pool = &pools[index % pools.len()];
        let pages = 1 + rng.below(max_pages.max(1));
        let text = corpus_gen::generate_with(pool, index, pages, table_every, &mut rng);
        let name = format!("doc-{index:05}-{}.txt", pool.lang.code());
        std::fs::write(out.join(name), text).map_err(|e| e.to_string())?;
    }
    eprintln!("corpus: {count} sources in {}", out.display());
    Ok(())
}
