//! The `undoc` command line: argument parsing only; the work is in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use undoc::diagnostic::Code;
use undoc::pipeline::Shard;
use undoc::read::fields;
use undoc::report::ReportFormat;
use undoc::run::{self, Outputs, Settings};
use undoc::write::{OutputFormat, Paper, WriteOptions};

#[derive(Parser)]
#[command(
    name = "undoc",
    version,
    about = "Turns United Nations parliamentary documents into their official distribution formats",
    after_help = "Exit status: 0 when every document converted and validated, 1 when any did not, \
                  2 for usage or internal errors, 130 when interrupted (Ctrl-C)."
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
        /// Word font for Latin and Cyrillic text [default: Times New Roman].
        #[arg(long, value_name = "NAME")]
        latin_font: Option<String>,
        /// Word font for Chinese text [default: SimSun].
        #[arg(long, value_name = "NAME")]
        east_asian_font: Option<String>,
        /// Word font for Arabic text [default: Simplified Arabic].
        #[arg(long, value_name = "NAME")]
        arabic_font: Option<String>,
        /// Skip documents whose content, options and undoc version match the
        /// manifest of the previous run in DIR.
        #[arg(long)]
        incremental: bool,
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
    /// Treat warnings as errors: a document with warnings fails.
    #[arg(long)]
    deny_warnings: bool,
    /// Process only shard K of N (1 ≤ K ≤ N), a stable split by path hash.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// No progress display and no closing summary.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// rustc-style diagnostics with the source line.
    Human,
    /// A JSON array, one object per diagnostic.
    Json,
    /// JUnit XML, one test case per document.
    Junit,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

impl Common {
    fn settings(self, inputs: Vec<PathBuf>) -> Settings {
        Settings {
            inputs,
            overrides: self.set,
            jobs: self.jobs,
            schema: self.schema,
            deny_warnings: self.deny_warnings,
            quiet: self.quiet,
            shard: self.shard,
        }
    }
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
            latin_font,
            east_asian_font,
            arabic_font,
            incremental,
            common,
        } => parse_formats(&to).and_then(|formats| {
            let outputs = Outputs {
                dir: output,
                formats,
                options: WriteOptions {
                    paper,
                    font_dir,
                    latin_font,
                    east_asian_font,
                    arabic_font,
                },
                incremental,
            };
            run::convert(&common.settings(inputs), &outputs)
        }),
        Command::Validate {
            inputs,
            format,
            common,
        } => run::validate(&common.settings(inputs), report_format(format)),
        Command::Explain { code } => match Code::parse(&code) {
            Some(c) => {
                println!(
                    "{} ({}): {}",
                    c.as_str(),
                    c.severity().as_str(),
                    c.explanation()
                );
                Ok(run::EXIT_OK)
            }
            None => Err(format!(
                "unknown code `{code}` (the README lists every code)"
            )),
        },
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("undoc: {message}");
            ExitCode::from(run::EXIT_USAGE)
        }
    }
}

fn report_format(format: Format) -> ReportFormat {
    match format {
        Format::Human => ReportFormat::Human,
        Format::Json => ReportFormat::Json,
        Format::Junit => ReportFormat::Junit,
        Format::Sarif => ReportFormat::Sarif,
        Format::Github => ReportFormat::Github,
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
            let built: Vec<&str> = OutputFormat::built()
                .iter()
                .map(|f| f.extension())
                .collect();
            return Err(format!(
                "{} output is not built in this version of undoc; available: {}",
                format.extension(),
                built.join(", ")
            ));
        }
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    Ok(formats)
}
