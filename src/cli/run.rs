//! A whole run as the command line asks for it: worker pool, schema,
//! discovery and sharding, the streaming batch with progress, the manifest,
//! the reports and the summary, and the exit status. This is the binary's:
//! the library never exits the process or writes to the terminal.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use undoc::pipeline::manifest::{self, Entry};
use undoc::pipeline::{self, DocReport, Job, Shard};
use undoc::report::{self, ReportFormat, Summary};
use undoc::validate::{FastXml, SchemaEngine};
use undoc::write::{OutputFormat, WriteOptions};

use super::progress::Progress;
use super::stdout;

/// Exit status when every document converted and validated.
pub const EXIT_OK: u8 = 0;
/// Exit status when any document failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit status for usage or internal errors.
pub const EXIT_USAGE: u8 = 2;
/// Exit status after an interrupt (Ctrl-C), as shells report SIGINT.
pub const EXIT_INTERRUPTED: u8 = 130;

/// Set by Ctrl-C or SIGTERM: no new document is started once it is set.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// Settings shared by `convert` and `validate`.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Files and directories to read.
    pub inputs: Vec<PathBuf>,
    /// `--set key=value` overrides.
    pub overrides: Vec<(String, String)>,
    /// `-j N`: worker threads, documents converted at once.
    pub jobs: Option<usize>,
    /// `--schema FILE`: another XSD.
    pub schema: Option<PathBuf>,
    /// `--deny-warnings`: warnings fail a document.
    pub deny_warnings: bool,
    /// `--quiet`: no progress and no summary.
    pub quiet: bool,
    /// `--shard K/N`: only this part of the inputs.
    pub shard: Option<Shard>,
    /// `--verbose`: list every line a reader dropped, moved or kept unrebuilt.
    pub verbose: bool,
}

/// What `convert` writes.
#[derive(Debug, Clone)]
pub struct Outputs {
    /// The output directory.
    pub dir: PathBuf,
    /// The formats to write.
    pub formats: Vec<&'static OutputFormat>,
    /// Writer options.
    pub options: WriteOptions,
    /// `--incremental`: skip documents unchanged since the manifest's run.
    pub incremental: bool,
}

struct Prepared {
    engine: Box<dyn SchemaEngine>,
    found: pipeline::Discovered,
}

/// Pool, interrupt handler, schema and inputs; `exclude` is the output
/// directory, never searched for inputs. What the writers of `formats`
/// load once (see [`pipeline::load_writers`]) is loaded on the pool while
/// the schema compiles here.
fn prepare(
    settings: &Settings,
    exclude: Option<&std::path::Path>,
    formats: &[&'static OutputFormat],
    options: &WriteOptions,
) -> Result<Prepared, String> {
    if let Some(n) = settings.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| format!("cannot start {n} worker threads: {e}"))?;
    }
    let (formats, options) = (formats.to_vec(), options.clone());
    rayon::spawn(move || pipeline::load_writers(&formats, &options));
    // Ctrl-C, SIGTERM (Kubernetes, Slurm) and SIGHUP alike. A second
    // handler cannot be installed in one process; the first one stays.
    let _ = ctrlc::set_handler(|| {
        if CANCEL.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
    });
    let engine: Box<dyn SchemaEngine> = match &settings.schema {
        Some(path) => Box::new(FastXml::from_file(path)?),
        // Compiled by each worker as it starts (see `embedded_on_demand`).
        None => Box::new(FastXml::embedded_on_demand()),
    };
    let found = pipeline::discover(&settings.inputs, exclude);
    Ok(Prepared { engine, found })
}

/// Converts every input; returns the exit status.
pub fn convert(settings: &Settings, outputs: &Outputs) -> Result<u8, String> {
    let started = Instant::now();
    let dir = outputs.dir.as_path();
    let Prepared { engine, found } =
        prepare(settings, Some(dir), &outputs.formats, &outputs.options)?;
    pipeline::remove_stale_temporaries(dir);
    let mut job = Job {
        overrides: &settings.overrides,
        engine: engine.as_ref(),
        formats: &outputs.formats,
        output_dir: Some(dir),
        input_roots: &found.roots,
        options: &outputs.options,
        deny_warnings: settings.deny_warnings,
        shard: settings.shard,
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
    let selected = found.inputs.iter().filter(|i| job.selects(i)).count();
    let progress = Progress::new(selected, settings.quiet);
    report_skipped(&found.skipped, &progress);
    let mut summary = Summary::default();
    // Entries go to disk as documents finish: nothing grows with the batch.
    let mut manifest = manifest::Writer::create(dir, settings.shard, &fingerprint);
    let mut record = |report: DocReport| {
        progress.println(&report::render_human(&report, color));
        if settings.verbose && !report.decisions.is_empty() {
            progress.println(&report::render_decisions(&report));
        }
        summary.add(&report);
        if let Ok(manifest) = &mut manifest {
            manifest.push(&Entry::from_report(&report, dir));
        }
        progress.inc();
    };
    found.problems.iter().cloned().for_each(&mut record);
    let not_processed = pipeline::run(&found.inputs, &job, &mut record);
    leave(engine);
    progress.finish();
    summary.not_processed = not_processed;
    summary.skipped_files = found.skipped.len();
    let stored = manifest.and_then(manifest::Writer::finish);
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
    let options = WriteOptions::default();
    let Prepared { engine, found } = prepare(settings, None, &[], &options)?;
    let job = Job {
        overrides: &settings.overrides,
        engine: engine.as_ref(),
        formats: &[],
        output_dir: None,
        input_roots: &found.roots,
        options: &options,
        deny_warnings: settings.deny_warnings,
        shard: settings.shard,
        previous: None,
        cancel: &CANCEL,
    };
    let color = std::io::stdout().is_terminal();
    let selected = found.inputs.iter().filter(|i| job.selects(i)).count();
    let progress = Progress::new(selected, settings.quiet);
    report_skipped(&found.skipped, &progress);
    let mut summary = Summary::default();
    let mut reports = Vec::new();
    let mut record = |report: DocReport| {
        summary.add(&report);
        if settings.verbose {
            progress.suspend(|| eprint!("{}", report::render_decisions(&report)));
        }
        if format == ReportFormat::Human {
            progress.suspend(|| stdout::print(&report::render_human(&report, color)));
        } else {
            reports.push(report);
        }
        progress.inc();
    };
    found.problems.iter().cloned().for_each(&mut record);
    let not_processed = pipeline::run(&found.inputs, &job, &mut record);
    leave(engine);
    progress.finish();
    summary.not_processed = not_processed;
    summary.skipped_files = found.skipped.len();
    if format != ReportFormat::Human {
        stdout::print(&report::render(&reports, format, false));
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

/// Leaves the compiled schema to the end of the process, which comes
/// next, instead of freeing it piece by piece: that took a twentieth of the
/// instructions of a one-document run.
pub(super) fn leave(engine: Box<dyn SchemaEngine>) {
    std::mem::forget(engine);
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

/// Names each file passed over in discovery (a FIFO, a socket, a device).
fn report_skipped(skipped: &[(PathBuf, String)], progress: &Progress) {
    for (path, why) in skipped {
        progress.println(&format!("undoc: skipped {}: {why}\n", path.display()));
    }
}
