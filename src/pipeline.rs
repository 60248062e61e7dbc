//! The batch: discovering inputs, reading, validating and writing each
//! document in parallel (rayon), with atomic writes, a manifest, incremental
//! runs, sharding and interruption.
//!
//! A bad file never stops the batch and never leaves a partial output:
//! every output is written to a temporary file beside its destination and
//! renamed into place only when complete. Documents stream through: each is
//! read, checked, written and dropped; only its small report is passed on,
//! in input order, to the caller.

mod discover;
pub mod manifest;

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

pub use discover::discover;
use manifest::Entry;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;
use crate::read::{self, SourceFormat};
use crate::validate::{self, SchemaEngine};
use crate::write::{self, OutputFormat, WriteOptions};

/// A source file found among the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file as found.
    pub path: PathBuf,
    /// Its path relative to the input it was found under (mirrored under `-o`).
    pub relative: PathBuf,
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
    pub format: OutputFormat,
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
    /// SHA-256 of the input, when it could be read.
    pub sha256: Option<String>,
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
    /// Where to write, and which formats; `None` only validates.
    pub output: Option<(&'a Path, &'a [OutputFormat])>,
    /// Options for the writers.
    pub options: &'a WriteOptions,
    /// Whether warnings make a document fail (`--deny-warnings`).
    pub deny_warnings: bool,
    /// Entries of the previous run's manifest; matching inputs are skipped (`--incremental`).
    pub previous: Option<&'a HashMap<String, Entry>>,
    /// Set (by Ctrl-C) to stop starting new documents.
    pub cancel: &'a AtomicBool,
}

impl Job<'_> {
    /// Fingerprint of everything that shapes the outputs, for the manifest.
    pub fn fingerprint(&self) -> String {
        let formats: Vec<&str> = self
            .output
            .map(|(_, f)| f.iter().map(|f| f.extension()).collect())
            .unwrap_or_default();
        let description = format!(
            "formats={formats:?};set={:?};options={:?};schema={};deny={}",
            self.overrides,
            self.options,
            self.engine.fingerprint(),
            self.deny_warnings
        );
        manifest::sha256_hex(description.as_bytes())
    }
}

/// Runs the job over every input in parallel and hands each report to `each`
/// in input order as soon as it and its predecessors are done. Returns how
/// many inputs were not processed because the job was cancelled.
pub fn run(inputs: &[Input], job: &Job, each: &mut dyn FnMut(DocReport)) -> usize {
    let clashes = job
        .output
        .map(|(dir, _)| output_clashes(inputs, dir))
        .unwrap_or_default();
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, Option<DocReport>)>();
    let mut not_processed = 0;
    std::thread::scope(|scope| {
        let clashes = &clashes;
        scope.spawn(move || {
            // Workers take inputs in order (par_bridge), so reports finish
            // nearly in order and the reorder buffer below stays small;
            // splitting the slice in halves would buffer half the batch.
            inputs
                .iter()
                .enumerate()
                .par_bridge()
                .for_each_with(sender, |sender, (i, input)| {
                    let report = (!job.cancel.load(Ordering::Relaxed)).then(|| {
                        match clashes.get(&input.path) {
                            Some(other) => DocReport::failed(
                                &input.path,
                                Diagnostic::new(
                                    Code::OutputClash,
                                    Span::default(),
                                    format!(
                                        "would write the same output as {}: rename one of them",
                                        other.display()
                                    ),
                                ),
                            ),
                            None => process(input, job),
                        }
                    });
                    // The receiver lives until every sender is gone.
                    let _ = sender.send((i, report));
                });
        });
        let mut pending: BTreeMap<usize, Option<DocReport>> = BTreeMap::new();
        let mut next = 0;
        for (i, report) in receiver {
            pending.insert(i, report);
            while let Some(report) = pending.remove(&next) {
                match report {
                    Some(report) => each(report),
                    None => not_processed += 1,
                }
                next += 1;
            }
        }
    });
    not_processed
}

/// Inputs that would write the same output path as another input (or onto themselves).
fn output_clashes(inputs: &[Input], dir: &Path) -> HashMap<PathBuf, PathBuf> {
    let mut by_stem: HashMap<PathBuf, Vec<&Input>> = HashMap::new();
    for input in inputs {
        by_stem
            .entry(input.relative.with_extension(""))
            .or_default()
            .push(input);
    }
    let mut clashes = HashMap::new();
    for group in by_stem.values().filter(|g| g.len() > 1) {
        for (i, input) in group.iter().enumerate() {
            let other = group[(i + 1) % group.len()];
            clashes.insert(input.path.clone(), other.path.clone());
        }
    }
    for input in inputs {
        let target = dir.join(input.relative.with_extension("xml"));
        let same = match (target.canonicalize(), input.path.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same {
            clashes.insert(input.path.clone(), input.path.clone());
        }
    }
    clashes
}

fn process(input: &Input, job: &Job) -> DocReport {
    let path = &input.path;
    let bytes = match read_limited(path) {
        Ok(bytes) => bytes,
        Err(d) => return DocReport::failed(path, d),
    };
    let sha256 = manifest::sha256_hex(&bytes);
    if let Some(report) = unchanged(input, job, &sha256) {
        return report;
    }
    let format = SourceFormat::from_path(path).unwrap_or(SourceFormat::Text);
    let text = match read::decode(&bytes) {
        Ok(text) => text,
        Err(d) => {
            let mut report = DocReport::failed(path, d);
            report.sha256 = Some(sha256);
            return report;
        }
    };
    drop(bytes);
    let outcome = read::parse(&text, format, job.overrides);
    let checked = validate::check(&text, format, outcome, job.engine);
    let fails = checked.has_errors() || (job.deny_warnings && !checked.diagnostics.is_empty());
    let mut report = DocReport {
        path: path.clone(),
        status: if fails { Status::Failed } else { Status::Ok },
        diagnostics: checked.diagnostics,
        outputs: Vec::new(),
        sha256: Some(sha256),
    };
    let (Some((dir, formats)), Status::Ok, Some(xml), Some(doc)) =
        (job.output, report.status, checked.xml, checked.document)
    else {
        return report;
    };
    for &format in formats {
        let rendered = match write::render(format, &doc, &xml, job.options) {
            Ok(rendered) => rendered,
            Err(d) => {
                report.status = Status::Failed;
                report.diagnostics.push(d);
                break;
            }
        };
        report.diagnostics.extend(rendered.diagnostics);
        let target = dir.join(input.relative.with_extension(format.extension()));
        match write_atomically(&target, &rendered.bytes) {
            Ok(()) => report.outputs.push(Output {
                format,
                path: target,
                bytes: rendered.bytes.len() as u64,
                sha256: manifest::sha256_hex(&rendered.bytes),
                pages: rendered.pages,
            }),
            Err(e) => {
                report.status = Status::Failed;
                report.diagnostics.push(Diagnostic::new(
                    Code::WriteFailed,
                    Span::default(),
                    format!("cannot write {}: {e}", target.display()),
                ));
                break;
            }
        }
    }
    report
}

/// With `--incremental`: the report of an input whose bytes, options and
/// undoc version match the previous run and whose outputs are all in place.
fn unchanged(input: &Input, job: &Job, sha256: &str) -> Option<DocReport> {
    let (dir, formats) = job.output?;
    let entry = job.previous?.get(&input.path.display().to_string())?;
    if entry.sha256 != sha256 || entry.status == "failed" {
        return None;
    }
    let outputs = entry.outputs_on_disk(dir)?;
    let all_formats = formats
        .iter()
        .all(|f| outputs.iter().any(|o| o.format == *f));
    all_formats.then(|| DocReport {
        path: input.path.clone(),
        status: Status::Skipped,
        diagnostics: Vec::new(),
        outputs,
        sha256: Some(sha256.to_string()),
    })
}

/// The largest input undoc reads; larger files are refused, which bounds
/// the memory of a batch to a few times this per worker thread.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

fn read_limited(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| {
        Diagnostic::new(
            Code::Unreadable,
            Span::default(),
            format!("cannot read: {e}"),
        )
    };
    let too_large = || {
        Diagnostic::new(
            Code::TooLarge,
            Span::default(),
            format!(
                "the file is larger than {} MiB",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let len = file.metadata().map_err(unreadable)?.len();
    if len > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Writes `bytes` to `target` through a temporary file in the same
/// directory, renamed into place when complete: never a partial file.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".undoc-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_data()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}
