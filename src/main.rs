//! The `undoc` command line: argument parsing only; the work is in the library.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use undoc::diagnostic::Code;
use undoc::pipeline::{self, DocReport, Job, Status};
use undoc::read::fields;
use undoc::report::{self, ReportFormat};
use undoc::validate::{FastXml, SchemaEngine};
use undoc::write::{OutputFormat, Paper, WriteOptions};

/// Exit status when every document converted and validated.
const EXIT_OK: u8 = 0;
/// Exit status when any document failed.
const EXIT_FAILED: u8 = 1;
/// Exit status for usage or internal errors.
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "undoc",
    version,
    about = "Turns United Nations parliamentary documents into their official distribution formats",
    after_help = "Exit status: 0 when every document converted and validated, 1 when any did not, 2 for usage or internal errors."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read sources, validate them, and write the outputs under DIR.
    Convert {
        /// Source files (.txt, .md, .xml) or directories searched recursively.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output directory; each input's relative path is mirrored under it.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Output formats, comma-separated [default: every format this build writes].
        #[arg(long, value_name = "FORMATS", value_delimiter = ',')]
        to: Vec<String>,
        /// Paper size: a4 or letter [default: Letter for New York, A4 for other duty stations].
        #[arg(long, value_name = "SIZE", value_parser = parse_paper)]
        paper: Option<Paper>,
        /// A directory of extra fonts (.ttf, .otf) for PDF output.
        #[arg(long, value_name = "DIR")]
        font_dir: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Read and validate sources without writing anything.
    Validate {
        /// Source files (.txt, .md, .xml) or directories searched recursively.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// How diagnostics are printed on standard output.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        #[command(flatten)]
        common: Common,
    },
    /// Explain a diagnostic code such as UND030.
    Explain {
        /// The code.
        code: String,
    },
}

#[derive(clap::Args)]
struct Common {
    /// Supply or override a masthead field: symbol, organ, distribution, date,
    /// language, original, session, agenda, job-number, duty-station
    /// (organ and agenda take lines separated by `|`).
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = fields::parse_assignment)]
    set: Vec<(String, String)>,
    /// Number of documents processed at once [default: one per core].
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<usize>,
    /// Validate against this XSD instead of the embedded schemas/undoc.xsd.
    #[arg(long, value_name = "FILE")]
    schema: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert {
            inputs,
            output,
            to,
            paper,
            font_dir,
            common,
        } => parse_formats(&to).and_then(|formats| {
            let job_output = Some((output.as_path(), formats.as_slice()));
            let options = WriteOptions { paper, font_dir };
            run(
                &inputs,
                &common,
                job_output,
                &options,
                Format::Human,
                "converted",
            )
        }),
        Command::Validate {
            inputs,
            format,
            common,
        } => run(
            &inputs,
            &common,
            None,
            &WriteOptions::default(),
            format,
            "valid",
        ),
        Command::Explain { code } => match Code::parse(&code) {
            Some(c) => {
                println!(
                    "{} ({}): {}",
                    c.as_str(),
                    c.severity().as_str(),
                    c.explanation()
                );
                Ok(EXIT_OK)
            }
            None => Err(format!(
                "unknown code `{code}`: codes run UND001 to UND041 (see the README)"
            )),
        },
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("undoc: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn parse_paper(s: &str) -> Result<Paper, String> {
    Paper::parse(s).ok_or_else(|| format!("`{s}` is not a paper size: a4 or letter"))
}

fn parse_formats(names: &[String]) -> Result<Vec<OutputFormat>, String> {
    if names.is_empty() {
        return Ok(OutputFormat::built());
    }
    let mut formats = Vec::new();
    for name in names {
        let format = OutputFormat::parse(name)
            .ok_or_else(|| format!("unknown format `{name}`: the formats are xml, docx, pdf"))?;
        if !format.is_built() {
            return Err(format!(
                "{} output is not built yet in this version of undoc; available: {}",
                format.extension(),
                OutputFormat::built()
                    .iter()
                    .map(|f| f.extension())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    Ok(formats)
}

fn run(
    inputs: &[PathBuf],
    common: &Common,
    output: Option<(&std::path::Path, &[OutputFormat])>,
    options: &WriteOptions,
    format: Format,
    verb: &str,
) -> Result<u8, String> {
    let started = Instant::now();
    if let Some(n) = common.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| format!("cannot start {n} worker threads: {e}"))?;
    }
    let engine: Box<dyn SchemaEngine> = match &common.schema {
        Some(path) => Box::new(FastXml::from_file(path)?),
        None => Box::new(FastXml::embedded()?),
    };
    let (found, mut reports) = pipeline::discover(inputs);
    let job = Job {
        overrides: &common.set,
        engine: engine.as_ref(),
        output,
        options,
    };
    reports.extend(pipeline::run(&found, &job));
    let (report_format, sink_is_stdout) = match format {
        Format::Human => (ReportFormat::Human, output.is_none()),
        Format::Json => (ReportFormat::Json, true),
    };
    let rendered = report::render(&reports, report_format);
    if sink_is_stdout {
        print!("{rendered}");
    } else {
        eprint!("{rendered}");
    }
    eprintln!("{}", report::summary(&reports, verb, started.elapsed()));
    Ok(exit_status(&reports))
}

fn exit_status(reports: &[DocReport]) -> u8 {
    if reports.iter().all(|r| r.status == Status::Ok) {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}
