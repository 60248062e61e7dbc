//! A whole run as the command line asks for it: worker pool, schema,
//! discovery and sharding, the streaming batch with progress, the manifest,
//! the reports and the summary, and the exit status.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::pipeline::manifest::{self, Entry, Manifest};
use crate::pipeline::{self, DocReport, Job, Shard};
use crate::report::{self, ReportFormat, Summary};
use crate::validate::{FastXml, SchemaEngine};
use crate::write::{OutputFormat, WriteOptions};

/// Exit status when every document converted and validated.
pub const EXIT_OK: u8 = 0;
/// Exit status when any document failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit status for usage or internal errors.
pub const EXIT_USAGE: u8 = 2;
/// Exit status after an interrupt (Ctrl-C), as shells report SIGINT.
pub const EXIT_INTERRUPTED: u8 = 130;

/// Set by Ctrl-C: no new document is started once it is set.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// Settings shared by `convert` and `validate`.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Files and directories to read.
    pub inputs: Vec<PathBuf>,
    /// `--set key=value` overrides.
    pub overrides: Vec<(String, String)>,
    /// `-j N`: documents processed at once.
    pub jobs: Option<usize>,
    /// `--schema FILE`: another XSD.
    pub schema: Option<PathBuf>,
    /// `--deny-warnings`: warnings fail a document.
    pub deny_warnings: bool,
    /// `--quiet`: no progress and no summary.
    pub quiet: bool,
    /// `--shard K/N`: only this part of the inputs.
    pub shard: Option<Shard>,
}

/// What `convert` writes.
#[derive(Debug, Clone)]
pub struct Outputs {
    /// The output directory.
    pub dir: PathBuf,
    /// The formats to write.
    pub formats: Vec<OutputFormat>,
    /// Writer options.
    pub options: WriteOptions,
    /// `--incremental`: skip documents unchanged since the manifest's run.
    pub incremental: bool,
}

struct Prepared {
    engine: Box<dyn SchemaEngine>,
    inputs: Vec<pipeline::Input>,
    problems: Vec<DocReport>,
}

fn prepare(settings: &Settings) -> Result<Prepared, String> {
    if let Some(n) = settings.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| format!("cannot start {n} worker threads: {e}"))?;
    }
    // A second handler cannot be installed in one process; the first one stays.
    let _ = ctrlc::set_handler(|| {
        if CANCEL.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
    });
    let engine: Box<dyn SchemaEngine> = match &settings.schema {
        Some(path) => Box::new(FastXml::from_file(path)?),
        None => Box::new(FastXml::embedded()?),
    };
    let (mut inputs, problems) = pipeline::discover(&settings.inputs);
    if let Some(shard) = settings.shard {
        inputs.retain(|input| shard.contains(input));
    }
    Ok(Prepared {
        engine,
        inputs,
        problems,
    })
}

/// Converts every input; returns the exit status.
pub fn convert(settings: &Settings, outputs: &Outputs) -> Result<u8, String> {
    let started = Instant::now();
    let prepared = prepare(settings)?;
    let dir = outputs.dir.as_path();
    let mut job = Job {
        overrides: &settings.overrides,
        engine: prepared.engine.as_ref(),
        output: Some((dir, &outputs.formats)),
        options: &outputs.options,
        deny_warnings: settings.deny_warnings,
        previous: None,
        cancel: &CANCEL,
    };
    let fingerprint = job.fingerprint();
    let previous: HashMap<String, Entry> = if outputs.incremental {
        manifest::previous(manifest::load(dir, settings.shard), &fingerprint)
    } else {
        HashMap::new()
    };
    job.previous = outputs.incremental.then_some(&previous);
    let color = std::io::stderr().is_terminal();
    let progress = Progress::new(prepared.inputs.len(), settings.quiet);
    let mut summary = Summary::default();
    let mut entries = Vec::new();
    let mut record = |report: DocReport| {
        progress.println(&report::render_human(&report, color));
        summary.add(&report);
        entries.push(Entry::from_report(&report, dir));
        progress.inc();
    };
    prepared.problems.into_iter().for_each(&mut record);
    let not_processed = pipeline::run(&prepared.inputs, &job, &mut record);
    progress.finish();
    summary.not_processed = not_processed;
    let manifest = Manifest {
        undoc: env!("CARGO_PKG_VERSION").into(),
        options: fingerprint,
        documents: entries,
    };
    let stored =
        std::fs::create_dir_all(dir).and_then(|()| manifest::store(dir, settings.shard, &manifest));
    if let Err(e) = &stored {
        eprintln!("undoc: cannot write the manifest in {}: {e}", dir.display());
    }
    if !settings.quiet {
        eprintln!("{}", summary.line("converted", started.elapsed()));
    }
    Ok(exit_status(
        &summary,
        not_processed > 0 || CANCEL.load(Ordering::SeqCst),
        stored.is_ok(),
    ))
}

/// Validates every input and prints the report in `format`; returns the exit status.
pub fn validate(settings: &Settings, format: ReportFormat) -> Result<u8, String> {
    let started = Instant::now();
    let prepared = prepare(settings)?;
    let options = WriteOptions::default();
    let job = Job {
        overrides: &settings.overrides,
        engine: prepared.engine.as_ref(),
        output: None,
        options: &options,
        deny_warnings: settings.deny_warnings,
        previous: None,
        cancel: &CANCEL,
    };
    let color = std::io::stdout().is_terminal();
    let progress = Progress::new(prepared.inputs.len(), settings.quiet);
    let mut summary = Summary::default();
    let mut reports = Vec::new();
    let mut record = |report: DocReport| {
        summary.add(&report);
        if format == ReportFormat::Human {
            progress.suspend(|| print!("{}", report::render_human(&report, color)));
        } else {
            reports.push(report);
        }
        progress.inc();
    };
    prepared.problems.into_iter().for_each(&mut record);
    let not_processed = pipeline::run(&prepared.inputs, &job, &mut record);
    progress.finish();
    summary.not_processed = not_processed;
    if format != ReportFormat::Human {
        print!("{}", report::render(&reports, format, false));
    }
    if !settings.quiet {
        eprintln!("{}", summary.line("valid", started.elapsed()));
    }
    Ok(exit_status(
        &summary,
        not_processed > 0 || CANCEL.load(Ordering::SeqCst),
        true,
    ))
}

fn exit_status(summary: &Summary, interrupted: bool, manifest_written: bool) -> u8 {
    if interrupted {
        EXIT_INTERRUPTED
    } else if summary.failed > 0 || !manifest_written {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

/// Progress on standard error: a bar on a terminal, a plain line every tenth
/// of the batch otherwise, nothing with `--quiet`.
struct Progress {
    bar: Option<ProgressBar>,
    plain: Option<PlainProgress>,
}

struct PlainProgress {
    total: usize,
    done: std::cell::Cell<usize>,
    started: Instant,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Progress {
        if quiet || total == 0 {
            return Progress {
                bar: None,
                plain: None,
            };
        }
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(total as u64);
            let style = ProgressStyle::with_template(
                "{bar:32} {pos}/{len} documents  {per_sec}  ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            return Progress {
                bar: Some(bar),
                plain: None,
            };
        }
        Progress {
            bar: None,
            plain: Some(PlainProgress {
                total,
                done: std::cell::Cell::new(0),
                started: Instant::now(),
            }),
        }
    }

    fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        if let Some(p) = &self.plain {
            let done = p.done.get() + 1;
            p.done.set(done);
            let step = (p.total / 10).max(1);
            if p.total >= 20 && done % step == 0 && done < p.total {
                let secs = p.started.elapsed().as_secs_f64().max(1e-9);
                let rate = done as f64 / secs;
                let eta = (p.total - done) as f64 / rate;
                eprintln!(
                    "undoc: {done}/{} documents ({}%), {rate:.0} documents/s, ETA {eta:.0} s",
                    p.total,
                    done * 100 / p.total
                );
            }
        }
    }

    fn println(&self, text: &str) {
        if !text.is_empty() {
            self.suspend(|| eprint!("{text}"));
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
