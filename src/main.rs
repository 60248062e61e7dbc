//! The `undoc` command line: argument parsing here, whole runs in [`cli`];
//! the work itself is in the library.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use undoc::diagnostic::Code;
use undoc::pipeline::Shard;
use undoc::read::{INPUT_FORMATS, fields};
use undoc::report::ReportFormat;
use undoc::write::{OUTPUT_FORMATS, OutputFormat, Paper, WriteOptions};

use cli::run::{self, Outputs, Settings};

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
    command: Option<Command>,
    /// Print the source formats undoc reads, with their file suffixes, and exit.
    #[arg(long)]
    list_input_formats: bool,
    /// Print the output formats undoc writes (the names `--to` takes), and exit.
    #[arg(long)]
    list_output_formats: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Read sources, validate them, and write the outputs under DIR.
    Convert {
        /// Source files or directories searched recursively (see --list-input-formats).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output directory; each input's relative path is mirrored under it.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Output formats, comma-separated (see --list-output-formats) [default: all].
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
        /// Source files or directories searched recursively (see --list-input-formats).
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
    /// List every line a reader dropped, moved or kept unrebuilt (page
    /// furniture, contents, footnotes, tables of text extracted from PDFs).
    #[arg(short, long)]
    verbose: bool,
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
            verbose: self.verbose,
        }
    }
}

fn main() -> ExitCode {
    // A panic inside one document becomes its UND090 diagnostic (the batch
    // catches it); one line on standard error says where, for the report.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|info| eprintln!("undoc: internal error: {info}")));
    }
    let cli = Cli::parse();
    if cli.list_input_formats || cli.list_output_formats {
        if cli.list_input_formats {
            print!("{}", input_format_list());
        }
        if cli.list_output_formats {
            print!("{}", output_format_list());
        }
        return ExitCode::from(run::EXIT_OK);
    }
    let Some(command) = cli.command else {
        use clap::CommandFactory;
        let _ = Cli::command().print_help();
        return ExitCode::from(run::EXIT_USAGE);
    };
    let result = match command {
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

fn parse_formats(names: &[String]) -> Result<Vec<&'static OutputFormat>, String> {
    if names.is_empty() {
        return Ok(OUTPUT_FORMATS.iter().collect());
    }
    let mut formats = Vec::new();
    for name in names {
        let format = OutputFormat::by_name(name).ok_or_else(|| {
            format!(
                "unknown format `{name}`: the formats are {}",
                OutputFormat::names()
            )
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    Ok(formats)
}

/// `--list-input-formats`: one line per format, its suffixes and what it is.
fn input_format_list() -> String {
    INPUT_FORMATS
        .iter()
        .map(|f| {
            let suffixes: Vec<String> = f.suffixes.iter().map(|s| format!(".{s}")).collect();
            format!(
                "{:<6} {:<12} {}\n",
                f.name,
                suffixes.join(" "),
                f.description
            )
        })
        .collect()
}

/// `--list-output-formats`: one line per format, its suffix and what it is.
fn output_format_list() -> String {
    OUTPUT_FORMATS
        .iter()
        .map(|f| format!("{:<6} .{:<11} {}\n", f.name, f.suffix, f.description))
        .collect()
}
