//! One document in, one output out, as pandoc does: `convert r.md -o
//! r.docx` writes that file, `-` reads standard input and `-o -` writes
//! standard output. No manifest, no progress: the batch is for folders.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use undoc::diagnostic::{Code, Diagnostic};
use undoc::model::Span;
use undoc::pipeline::{self, DocReport, Job, MAX_INPUT_BYTES, Output, Status, manifest};
use undoc::read::{InputFormat, Recognised, attach_excerpts, recognise};
use undoc::report::{self, ReportFormat, Summary};
use undoc::validate::{FastXml, SchemaEngine};
use undoc::write::{OutputFormat, WriteOptions};

use super::run::{EXIT_FAILED, EXIT_OK, Settings};
use super::stdout;

/// Where the one output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file, written through a temporary file renamed into place.
    File(PathBuf),
    /// Standard output.
    Stdout,
}

/// The name standard input goes by in reports.
const STDIN_NAME: &str = "<stdin>";

/// Whether `path` is `-`, standard input or output.
pub fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Converts `input` (a file, or `-`) to `format` at `target`; returns the exit status.
pub fn convert(
    input: &Path,
    from: Option<&'static InputFormat>,
    target: &Target,
    format: &'static OutputFormat,
    settings: &Settings,
    options: &WriteOptions,
) -> Result<u8, String> {
    let started = Instant::now();
    if let (Target::File(out), false) = (target, is_dash(input))
        && same_file(input, out)
    {
        return Err(format!("-o {} is the input itself", out.display()));
    }
    let formats = [format];
    let (mut report, rendered) = run_one(input, from, settings, &formats, options)?;
    if let (Status::Ok, Some((bytes, pages))) = (report.status, rendered) {
        match put(target, &bytes) {
            Ok(()) => report.outputs = output_of(target, format, &bytes, pages),
            Err(d) => {
                report.status = Status::Failed;
                report.diagnostics.push(d);
            }
        }
    }
    let color = std::io::stderr().is_terminal();
    eprint!("{}", report::render_human(&report, color));
    if settings.verbose {
        eprint!("{}", report::render_decisions(&report));
    }
    if !settings.quiet {
        let mut summary = Summary::default();
        summary.add(&report);
        eprintln!("{}", summary.line("converted", started.elapsed()));
    }
    Ok(status(&report))
}

/// Validates standard input and prints the report in `format`.
pub fn validate(
    from: Option<&'static InputFormat>,
    settings: &Settings,
    format: ReportFormat,
) -> Result<u8, String> {
    let started = Instant::now();
    let options = WriteOptions::default();
    let (report, _) = run_one(Path::new("-"), from, settings, &[], &options)?;
    if settings.verbose {
        eprint!("{}", report::render_decisions(&report));
    }
    let color = format == ReportFormat::Human && std::io::stdout().is_terminal();
    stdout::print(&report::render(
        std::slice::from_ref(&report),
        format,
        color,
    ));
    if !settings.quiet {
        let mut summary = Summary::default();
        summary.add(&report);
        eprintln!("{}", summary.line("valid", started.elapsed()));
    }
    Ok(status(&report))
}

fn status(report: &DocReport) -> u8 {
    match report.status {
        Status::Failed => EXIT_FAILED,
        _ => EXIT_OK,
    }
}

/// The bytes of a rendered output and its pages.
type Rendered = (Vec<u8>, Option<u32>);

/// Reads, checks and renders one source; the report (excerpts attached)
/// and the first rendered output, unless the document failed.
fn run_one(
    input: &Path,
    from: Option<&'static InputFormat>,
    settings: &Settings,
    formats: &[&'static OutputFormat],
    options: &WriteOptions,
) -> Result<(DocReport, Option<Rendered>), String> {
    // The writers' fonts load on the pool while the schema compiles here.
    let (loaded, with) = (formats.to_vec(), options.clone());
    rayon::spawn(move || pipeline::load_writers(&loaded, &with));
    let name = if is_dash(input) {
        PathBuf::from(STDIN_NAME)
    } else {
        input.to_path_buf()
    };
    let bytes = match read_bounded(input) {
        Ok(bytes) => bytes,
        Err(d) => return Ok((DocReport::failed(&name, d), None)),
    };
    let format = match input_format(input, from, &bytes) {
        Ok(format) => format,
        Err(d) => return Ok((DocReport::failed(&name, d), None)),
    };
    let engine: Box<dyn SchemaEngine> = match &settings.schema {
        Some(path) => Box::new(FastXml::from_file(path)?),
        None => Box::new(FastXml::embedded()?),
    };
    let mut job = Job::in_memory(engine.as_ref(), formats, options);
    job.overrides = &settings.overrides;
    job.deny_warnings = settings.deny_warnings;
    // Standard input has no folder: figures' pictures cannot be found.
    let path = if is_dash(input) { Path::new("") } else { input };
    let sha256 = manifest::sha256_hex(&bytes);
    // On a thread of the pool, whose other threads are all free: the
    // document's formats are rendered at once, and its PDF's streams and
    // pictures encoded on them.
    let mut converted = rayon::scope(|_| {
        undoc::write::pdf::encode_on_free_threads(true);
        let converted = pipeline::convert_owned(bytes, path, format, &job);
        undoc::write::pdf::encode_on_free_threads(false);
        converted
    });
    super::run::leave(engine);
    let failed = converted.fails(settings.deny_warnings)
        || (!formats.is_empty() && converted.rendered.is_empty());
    let mut diagnostics = std::mem::take(&mut converted.diagnostics);
    attach_excerpts(&mut diagnostics, &converted.view);
    let rendered = converted
        .rendered
        .into_iter()
        .next()
        .map(|(_, r)| (r.bytes, r.pages));
    let report = DocReport {
        path: name,
        status: if failed { Status::Failed } else { Status::Ok },
        diagnostics,
        outputs: Vec::new(),
        sha256: Some(sha256),
        decisions: std::mem::take(&mut converted.decisions),
    };
    Ok((report, rendered.filter(|_| !failed)))
}

/// The input's format: `--from`, else its suffix, else (standard input,
/// an unknown suffix) what its first bytes look like.
fn input_format(
    input: &Path,
    from: Option<&'static InputFormat>,
    bytes: &[u8],
) -> Result<&'static InputFormat, Diagnostic> {
    if let Some(format) = from.or_else(|| InputFormat::for_path(input)) {
        return Ok(format);
    }
    let head = &bytes[..bytes.len().min(4096)];
    match recognise(head) {
        Some(Recognised::Readable(format)) => Ok(format),
        Some(Recognised::Unread(what)) => Err(unreadable(format!("this is {what}, which undoc does not read"))),
        None => Err(unreadable("the source format cannot be told from the content: name it with --from (see --list-input-formats)".into())),
    }
}

fn unreadable(message: String) -> Diagnostic {
    Diagnostic::new(Code::Unreadable, Span::default(), message)
}

/// The bytes of a file or of standard input, refused over [`MAX_INPUT_BYTES`].
fn read_bounded(input: &Path) -> Result<Vec<u8>, Diagnostic> {
    let cannot = |e: std::io::Error| unreadable(format!("cannot read: {e}"));
    let reader: Box<dyn Read> = if is_dash(input) {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(input).map_err(cannot)?)
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Diagnostic::new(
            Code::TooLarge,
            Span::default(),
            format!(
                "the input is larger than {} MiB",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// Writes the output: a file (0666 less the umask, never partial) or standard output.
fn put(target: &Target, bytes: &[u8]) -> Result<(), Diagnostic> {
    let written = match target {
        Target::File(path) => pipeline::write_atomically(path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        Target::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| {
                    stdout::end_if_closed(&e);
                    format!("cannot write to standard output: {e}")
                })
        }
    };
    written.map_err(|m| Diagnostic::new(Code::WriteFailed, Span::default(), m))
}

fn output_of(
    target: &Target,
    format: &'static OutputFormat,
    bytes: &[u8],
    pages: Option<u32>,
) -> Vec<Output> {
    let path = match target {
        Target::File(path) => path.clone(),
        Target::Stdout => PathBuf::from("<stdout>"),
    };
    vec![Output {
        format,
        path,
        bytes: bytes.len() as u64,
        sha256: manifest::sha256_hex(bytes),
        pages,
    }]
}

/// Whether `a` and `b` are one file (their canonical paths meet).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
