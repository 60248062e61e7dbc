//! The batch: discovering inputs, reading, validating and writing each
//! document in parallel (rayon), with atomic writes and one report per input.
//!
//! A bad file never stops the batch and never leaves a partial output:
//! every output is written to a temporary file beside its destination and
//! renamed into place only when complete.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

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
    /// Its number of pages, for paged formats.
    pub pages: Option<u32>,
}

/// The outcome for one input.
#[derive(Debug, Clone)]
pub struct DocReport {
    /// The input file.
    pub path: PathBuf,
    /// Success or failure.
    pub status: Status,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Files written.
    pub outputs: Vec<Output>,
}

impl DocReport {
    fn failed(path: &Path, diagnostic: Diagnostic) -> DocReport {
        DocReport {
            path: path.to_path_buf(),
            status: Status::Failed,
            diagnostics: vec![diagnostic],
            outputs: Vec::new(),
        }
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
}

/// Finds the source files among `inputs` (files, or directories searched
/// recursively for `.txt`, `.md` and `.xml`), sorted for a stable order.
/// Inputs that cannot be used are returned as failed reports.
pub fn discover(inputs: &[PathBuf]) -> (Vec<Input>, Vec<DocReport>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Err(e) => problems.push(DocReport::failed(
                input,
                Diagnostic::new(
                    Code::Unreadable,
                    Span::default(),
                    format!("cannot read: {e}"),
                ),
            )),
            Ok(meta) if meta.is_dir() => {
                let mut seen = HashSet::new();
                walk(input, input, &mut seen, &mut found, &mut problems);
            }
            Ok(_) => {
                if SourceFormat::from_path(input).is_none() {
                    problems.push(DocReport::failed(
                        input,
                        Diagnostic::new(
                            Code::Unreadable,
                            Span::default(),
                            "unknown source format: undoc reads .txt, .md and .xml files",
                        ),
                    ));
                    continue;
                }
                let relative = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
                found.push(Input {
                    path: input.clone(),
                    relative,
                });
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found.dedup_by(|a, b| a.path == b.path);
    (found, problems)
}

fn walk(
    root: &Path,
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    found: &mut Vec<Input>,
    problems: &mut Vec<DocReport>,
) {
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            let d = Diagnostic::new(
                Code::Unreadable,
                Span::default(),
                format!("cannot read directory: {e}"),
            );
            return problems.push(DocReport::failed(dir, d));
        }
    };
    if !seen.insert(canonical) {
        let d = Diagnostic::new(
            Code::Unreadable,
            Span::default(),
            "directory loop: a symbolic link leads back to a directory already searched; skipped",
        );
        return problems.push(DocReport::failed(dir, d));
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let d = Diagnostic::new(
                Code::Unreadable,
                Span::default(),
                format!("cannot read directory: {e}"),
            );
            return problems.push(DocReport::failed(dir, d));
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(root, &path, seen, found, problems);
        } else if SourceFormat::from_path(&path).is_some() {
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            found.push(Input { path, relative });
        }
    }
}

/// Runs the job over every input in parallel; reports come back in input order.
pub fn run(inputs: &[Input], job: &Job) -> Vec<DocReport> {
    let clashes = job
        .output
        .map(|(dir, _)| output_clashes(inputs, dir))
        .unwrap_or_default();
    inputs
        .par_iter()
        .map(|input| match clashes.get(&input.path) {
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
        })
        .collect()
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
    let format = SourceFormat::from_path(path).unwrap_or(SourceFormat::Text);
    let text = match read::decode(&bytes) {
        Ok(text) => text,
        Err(d) => return DocReport::failed(path, d),
    };
    drop(bytes);
    let outcome = read::parse(&text, format, job.overrides);
    let checked = validate::check(&text, format, outcome, job.engine);
    let mut report = DocReport {
        path: path.clone(),
        status: if checked.has_errors() {
            Status::Failed
        } else {
            Status::Ok
        },
        diagnostics: checked.diagnostics,
        outputs: Vec::new(),
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
