//! The batch: discovering inputs, reading, validating and writing each
//! document in parallel (rayon), with atomic writes, a manifest, incremental
//! runs, sharding and interruption.
//!
//! A bad file never stops the batch, never leaves a partial output and
//! never mixes runs: a document's outputs are rendered in memory, written to
//! temporary files and renamed into place together, or not at all. A panic
//! while converting one document becomes that document's error. Documents
//! stream through: each is read, checked, written and dropped; only its small
//! report is passed on, in input order, to the caller.

mod commit;
mod discover;
pub mod manifest;
mod plan;
mod process;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError, mpsc};

use rayon::prelude::*;

pub use commit::{remove_stale_temporaries, write_atomically};
pub use discover::{Discovered, discover};
use manifest::Entry;
pub use process::{Converted, convert, convert_owned};

use crate::diagnostic::Diagnostic;
use crate::read::InputFormat;
use crate::validate::SchemaEngine;
use crate::write::{OutputFormat, WriteOptions};

/// A source file found among the inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The file as found.
    pub path: PathBuf,
    /// Its path relative to the input it was found under (mirrored under `-o`).
    pub relative: PathBuf,
    /// Its format, by its name's suffix.
    pub format: &'static InputFormat,
}

impl Input {
    /// The relative path without the format's suffix: outputs add theirs.
    pub fn stem(&self) -> PathBuf {
        self.format.stem(&self.relative)
    }
}

/// What happened to one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Read and valid; outputs written (when converting).
    Ok,
    /// Unchanged since the manifest's run (`--incremental`): not rebuilt.
    Skipped,
    /// Not converted: see the diagnostics.
    Failed,
}

/// One written output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Its format.
    pub format: &'static OutputFormat,
    /// Where it was written.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// Its number of pages, for paged formats.
    pub pages: Option<u32>,
}

/// The outcome for one input.
#[derive(Debug, Clone)]
pub struct DocReport {
    /// The input file.
    pub path: PathBuf,
    /// Success, skip or failure.
    pub status: Status,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Files written (or, when skipped, already there).
    pub outputs: Vec<Output>,
    /// SHA-256 of the input, when it could be read and the job writes
    /// files (the manifest records it).
    pub sha256: Option<String>,
    /// What the reader dropped, moved or kept unrebuilt, for `--verbose`
    /// and the summary's counts (archive text; empty for other sources).
    pub decisions: Vec<crate::read::audit::Decision>,
}

impl DocReport {
    /// A report for an input that failed before it could be read.
    pub fn failed(path: &Path, diagnostic: Diagnostic) -> DocReport {
        DocReport {
            path: path.to_path_buf(),
            status: Status::Failed,
            diagnostics: vec![diagnostic],
            outputs: Vec::new(),
            sha256: None,
            decisions: Vec::new(),
        }
    }
}

/// Shard `index` of `count` (1-based): a stable partition of the inputs by
/// the hash of their relative path, so that N machines split an archive with
/// no overlap and no gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, 1..=count.
    pub index: u32,
    /// How many shards.
    pub count: u32,
}

impl Shard {
    /// Parses `K/N` with 1 ≤ K ≤ N.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("`{s}` is not K/N (e.g. 1/4)"))?;
        let index: u32 = k
            .trim()
            .parse()
            .map_err(|_| format!("`{k}` is not a shard number"))?;
        let count: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("`{n}` is not a shard count"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {index}/{count}: K runs from 1 to N"));
        }
        Ok(Shard { index, count })
    }

    /// Whether `input` belongs to this shard.
    pub fn contains(&self, input: &Input) -> bool {
        let key = input.relative.to_string_lossy().replace('\\', "/");
        let digest = manifest::sha256_hex(key.as_bytes());
        let value = u64::from_str_radix(&digest[..16], 16).unwrap_or(0);
        value % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// What a run is asked to do.
pub struct Job<'a> {
    /// `--set key=value` overrides, applied to every document.
    pub overrides: &'a [(String, String)],
    /// The schema engine.
    pub engine: &'a dyn SchemaEngine,
    /// The formats to render; empty when only validating.
    pub formats: &'a [&'static OutputFormat],
    /// Where to write them; `None` keeps them in memory (validation, tests).
    pub output_dir: Option<&'a Path>,
    /// The directories the inputs were searched in: an output may not
    /// replace a file there that no manifest lists as undoc's.
    pub input_roots: &'a [PathBuf],
    /// Options for the writers.
    pub options: &'a WriteOptions,
    /// Whether warnings make a document fail (`--deny-warnings`).
    pub deny_warnings: bool,
    /// Only this shard of the inputs is processed; clashes are still found
    /// over all of them.
    pub shard: Option<Shard>,
    /// Entries of the previous run's manifest; matching inputs are skipped (`--incremental`).
    pub previous: Option<&'a HashMap<String, Entry>>,
    /// Set (by Ctrl-C or SIGTERM) to stop starting new documents.
    pub cancel: &'a AtomicBool,
}

/// Never set: the cancel flag of jobs nothing interrupts.
static NEVER_CANCELLED: AtomicBool = AtomicBool::new(false);

impl<'a> Job<'a> {
    /// A job that converts in memory, with no files, overrides or shard:
    /// for embedding undoc, tests and fuzzing (see [`convert`]).
    pub fn in_memory(
        engine: &'a dyn SchemaEngine,
        formats: &'a [&'static OutputFormat],
        options: &'a WriteOptions,
    ) -> Job<'a> {
        Job {
            overrides: &[],
            engine,
            formats,
            output_dir: None,
            input_roots: &[],
            options,
            deny_warnings: false,
            shard: None,
            previous: None,
            cancel: &NEVER_CANCELLED,
        }
    }
}

/// Loads what a run in `formats` with `options` loads once, before its
/// first document: each writer's own (the PDF's fonts), and for a run that
/// writes nothing (`validate`) the fonts its glyph check reads. A run calls
/// it on a spare thread while the schema compiles, so that no document
/// waits for it.
pub fn load_writers(formats: &[&OutputFormat], options: &WriteOptions) {
    if formats.is_empty() {
        crate::write::pdf::load_fonts(options);
    }
    for load in formats.iter().filter_map(|f| f.load) {
        load(options);
    }
}

impl Job<'_> {
    /// Fingerprint of everything that shapes the outputs, for the manifest.
    pub fn fingerprint(&self) -> String {
        let formats: Vec<&str> = self.formats.iter().map(|f| f.name).collect();
        let description = format!(
            "formats={formats:?};set={:?};options={:?};schema={};deny={}",
            self.overrides,
            self.options,
            self.engine.fingerprint(),
            self.deny_warnings
        );
        manifest::sha256_hex(description.as_bytes())
    }

    /// The inputs of `all` this job processes (its shard).
    pub fn selects(&self, input: &Input) -> bool {
        self.shard.is_none_or(|shard| shard.contains(input))
    }
}

/// Runs the job over the inputs of its shard in parallel and hands each
/// report to `each` in input order as soon as it and its predecessors are
/// done. `inputs` is the whole input list, so that clashes between outputs
/// are found whatever the sharding. Returns how many inputs of the shard were
/// not processed because the job was cancelled.
///
/// The workers convert; writer threads, as many, put the outputs in place.
/// Writing is mostly waiting for the disk (every file is flushed before it
/// is renamed into place), which on the workers left a core idle meanwhile.
/// The queue between them is short, so a slow disk holds the workers back
/// instead of outputs piling up in memory.
///
/// `each` runs on the thread that finished the report, under a lock (see
/// [`InOrder`]): a calling thread woken for every report took a core from
/// a worker each time, 3 % of the CPU of validating 100 reports.
pub fn run(inputs: &[Input], job: &Job, each: &mut (dyn FnMut(DocReport) + Send)) -> usize {
    let plan = plan::Plan::new(inputs, job);
    let selected: Vec<&Input> = inputs.iter().filter(|i| job.selects(i)).collect();
    let in_order = Mutex::new(InOrder::to(each));
    let workers = rayon::current_num_threads();
    let writers = if job.output_dir.is_some() { workers } else { 0 };
    let (to_write, queue) = mpsc::sync_channel::<(usize, process::Processed)>(writers);
    let queue = Mutex::new(queue);
    std::thread::scope(|scope| {
        let (plan, queue, in_order) = (&plan, &queue, &in_order);
        for _ in 0..writers {
            scope.spawn(move || write_in_turn(queue, plan, in_order));
        }
        // Workers take inputs in order (par_bridge), so reports finish
        // nearly in order and the reorder buffer stays small; splitting the
        // slice in halves would buffer half the batch.
        selected
            .iter()
            .enumerate()
            .par_bridge()
            .for_each_with(to_write, |to_write, (i, input)| {
                if job.cancel.load(Ordering::Relaxed) {
                    hand_over(in_order, i, None);
                    return;
                }
                // The last documents leave workers free: their PDFs'
                // streams and pictures are encoded on them.
                crate::write::pdf::encode_on_free_threads(i + workers > selected.len());
                let processed = process::process(input, job, plan);
                // The writers live until every sender is gone.
                if processed.unwritten.is_some() {
                    let _ = to_write.send((i, processed));
                } else {
                    hand_over(in_order, i, Some(processed.report));
                }
            });
    });
    in_order
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .not_processed
}

/// The reports finished ahead of their turn, and where the turn is.
struct InOrder<'e> {
    pending: BTreeMap<usize, Option<DocReport>>,
    next: usize,
    /// Inputs skipped because the job was cancelled.
    not_processed: usize,
    each: &'e mut (dyn FnMut(DocReport) + Send),
}

impl<'e> InOrder<'e> {
    fn to(each: &'e mut (dyn FnMut(DocReport) + Send)) -> Self {
        InOrder {
            pending: BTreeMap::new(),
            next: 0,
            not_processed: 0,
            each,
        }
    }
}

/// Hands the report of input `i` (`None`: not processed) over, with every
/// report after it whose turn that makes.
fn hand_over(in_order: &Mutex<InOrder>, i: usize, report: Option<DocReport>) {
    let mut in_order = in_order.lock().unwrap_or_else(PoisonError::into_inner);
    in_order.pending.insert(i, report);
    loop {
        let next = in_order.next;
        let Some(report) = in_order.pending.remove(&next) else {
            return;
        };
        match report {
            Some(report) => (in_order.each)(report),
            None => in_order.not_processed += 1,
        }
        in_order.next += 1;
    }
}

/// A writer thread: puts the outputs of the documents `queue` hands it in
/// place, and hands their reports over, until the workers are done.
fn write_in_turn(
    queue: &Mutex<mpsc::Receiver<(usize, process::Processed)>>,
    plan: &plan::Plan,
    in_order: &Mutex<InOrder>,
) {
    loop {
        // The lock is held only while waiting for the next document.
        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((i, processed)) = next else {
            return;
        };
        let mut report = processed.report;
        if let Some(unwritten) = processed.unwritten {
            unwritten.write(plan, &mut report);
        }
        hand_over(in_order, i, Some(report));
    }
}

/// The largest input undoc reads; larger files are refused, which bounds
/// the memory of a batch to a few times this per worker thread.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::validate::xsd::FastXml;
    use crate::write::OUTPUT_FORMATS;

    /// A run that writes nothing hands the reports over in input order,
    /// however they finish (a long report between short ones), from the
    /// threads that finished them: the calling thread is not woken for
    /// each. A cancelled run hands none over and counts them all.
    #[test]
    fn reports_are_handed_over_in_input_order_by_the_threads_that_finish_them() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let dir = tempfile::tempdir().expect("input directory");
        let text = InputFormat::by_name("text").expect("text reader");
        let inputs: Vec<Input> = (0..24)
            .map(|n| {
                // Every fourth the longest sample, the rest a short one.
                let sample = if n % 4 == 0 {
                    "report-zh.txt"
                } else {
                    "sc-report-en.txt"
                };
                let relative = PathBuf::from(format!("{n:02}-{sample}"));
                let path = dir.path().join(&relative);
                std::fs::copy(samples.join(sample), &path).expect("copy");
                Input {
                    path,
                    relative,
                    format: text,
                }
            })
            .collect();
        let engine = FastXml::embedded().expect("schema");
        let options = WriteOptions::default();
        let job = Job::in_memory(&engine, &[], &options);
        let caller = std::thread::current().id();
        let mut seen = Vec::new();
        let not_processed = run(&inputs, &job, &mut |r| {
            seen.push((r.path.clone(), std::thread::current().id()));
        });
        assert_eq!(not_processed, 0);
        let order: Vec<&Path> = seen.iter().map(|(p, _)| p.as_path()).collect();
        let expected: Vec<&Path> = inputs.iter().map(|i| i.path.as_path()).collect();
        assert_eq!(order, expected);
        assert!(seen.iter().all(|(_, thread)| *thread != caller));

        let cancelled = AtomicBool::new(true);
        let job = Job {
            cancel: &cancelled,
            ..Job::in_memory(&engine, &[], &options)
        };
        let mut handed = 0;
        assert_eq!(run(&inputs, &job, &mut |_| handed += 1), inputs.len());
        assert_eq!(handed, 0);
    }

    /// The writer threads put each document's outputs in place and report
    /// a write that fails on its own document, in input order.
    #[test]
    fn outputs_are_written_off_the_workers_and_reported_in_input_order() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/report-fr.txt");
        let text = InputFormat::by_name("text").expect("text reader");
        let names = ["a", "b", "c", "d", "e"];
        let inputs: Vec<Input> = names
            .iter()
            .map(|name| Input {
                path: sample.clone(),
                relative: PathBuf::from(format!("{name}.txt")),
                format: text,
            })
            .collect();
        let out = tempfile::tempdir().expect("output directory");
        // A directory where `c`'s XML goes: its write fails, the others' do not.
        std::fs::create_dir(out.path().join("c.xml")).expect("blocking directory");
        let engine = FastXml::embedded().expect("schema");
        let formats: Vec<&'static OutputFormat> =
            OUTPUT_FORMATS.iter().filter(|f| f.name == "xml").collect();
        let options = WriteOptions::default();
        let job = Job {
            output_dir: Some(out.path()),
            ..Job::in_memory(&engine, &formats, &options)
        };
        let mut reports = Vec::new();
        let not_processed = run(&inputs, &job, &mut |r| reports.push(r));
        assert_eq!(not_processed, 0);
        assert_eq!(reports.len(), names.len());
        for (name, report) in names.iter().zip(&reports) {
            let written = out.path().join(format!("{name}.xml"));
            if *name == "c" {
                assert_eq!(report.status, Status::Failed);
                assert!(report.outputs.is_empty());
                assert!(
                    report
                        .diagnostics
                        .iter()
                        .any(|d| d.code == Code::WriteFailed),
                    "{:?}",
                    report.diagnostics
                );
                assert!(written.is_dir(), "the directory in the way stays");
            } else {
                assert_eq!(
                    report.status,
                    Status::Ok,
                    "{name}: {:?}",
                    report.diagnostics
                );
                assert_eq!(report.outputs.len(), 1);
                assert_eq!(report.outputs[0].path, written, "input order");
                let bytes = std::fs::read(&written).expect("written");
                assert_eq!(report.outputs[0].bytes, bytes.len() as u64);
                assert!(bytes.starts_with(b"<?xml"), "{name}");
            }
        }
    }
}
