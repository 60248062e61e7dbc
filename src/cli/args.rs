//! The command line's definition (clap): the one source of `--help`, the
//! shell completions and the man page.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use undoc::pipeline::Shard;
use undoc::read::fields;
use undoc::write::Paper;

#[derive(Parser)]
#[command(
    name = "undoc",
    version,
    about = "Turns United Nations parliamentary documents into their official distribution formats",
    after_help = "Exit status: 0 when every document converted and validated, 1 when any did not, \
                  2 for usage or internal errors, 130 when interrupted (Ctrl-C), 141 when standard \
                  output closed early (`| head`)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Print the source formats undoc reads, with their file suffixes, and exit.
    #[arg(long)]
    pub list_input_formats: bool,
    /// Print the output formats undoc writes (the names `--to` takes), and exit.
    #[arg(long)]
    pub list_output_formats: bool,
}

#[derive(Subcommand)]
pub enum Command {
    /// Read sources, validate them, and write the outputs: under a
    /// directory, to one file, or to standard output.
    Convert(ConvertArgs),
    /// Read and validate sources without writing anything.
    Validate {
        /// Source files or directories searched recursively (see
        /// --list-input-formats); `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// How diagnostics are printed on standard output.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        #[command(flatten)]
        read: ReadOptions,
        #[command(flatten)]
        common: Common,
    },
    /// Explain a diagnostic code such as UND030, with an example of the
    /// mistake and its fix.
    Explain {
        /// The code.
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every code with its severity and a line on what it means.
        #[arg(long, conflicts_with = "code")]
        list: bool,
    },
    /// Print the embedded XML schema, to validate or query the XML with
    /// other tools.
    Schema {
        /// Which schema: `undoc` (the document schema), or `xml` (the W3C
        /// schema of xml:lang it imports as xml.xsd).
        #[arg(value_enum, default_value_t = SchemaName::Undoc)]
        name: SchemaName,
    },
    /// Print a shell completion script (e.g. `undoc completions bash >
    /// ~/.local/share/bash-completion/completions/undoc`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `undoc manpage >
    /// ~/.local/share/man/man1/undoc.1`.
    Manpage,
}

/// What `convert` is given.
#[derive(clap::Args)]
pub struct ConvertArgs {
    /// Source files or directories searched recursively (see
    /// --list-input-formats); `-` reads standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output directory (each input's relative path is mirrored under
    /// it); or, for one input and one format, the output file (its
    /// suffix names the format when --to is not given); `-` writes
    /// that one output to standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: PathBuf,
    /// Output formats, comma-separated (see --list-output-formats) [default: all].
    #[arg(long, value_name = "FORMATS", value_delimiter = ',')]
    pub to: Vec<String>,
    #[command(flatten)]
    pub read: ReadOptions,
    /// Paper size: a4 or letter [default: Letter for New York, A4 for other duty stations].
    #[arg(long, value_name = "SIZE", value_parser = parse_paper)]
    pub paper: Option<Paper>,
    /// A directory of extra fonts (.ttf, .otf) for PDF output.
    #[arg(long, value_name = "DIR")]
    pub font_dir: Option<PathBuf>,
    /// Word font for Latin and Cyrillic text [default: Times New Roman].
    #[arg(long, value_name = "NAME")]
    pub latin_font: Option<String>,
    /// Word font for Chinese text [default: SimSun].
    #[arg(long, value_name = "NAME")]
    pub east_asian_font: Option<String>,
    /// Word font for Arabic text [default: Simplified Arabic].
    #[arg(long, value_name = "NAME")]
    pub arabic_font: Option<String>,
    /// Skip documents whose content, options and undoc version match the
    /// manifest of the previous run in DIR.
    #[arg(long)]
    pub incremental: bool,
    #[command(flatten)]
    pub common: Common,
}

/// How sources are read.
#[derive(clap::Args)]
pub struct ReadOptions {
    /// The source format of standard input (`-`), as --list-input-formats
    /// names it [default: recognised by its content].
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
}

#[derive(clap::Args)]
pub struct Common {
    /// Supply or override a masthead field: symbol, organ, distribution, date,
    /// language, original, session, agenda, job-number, duty-station
    /// (organ and agenda take lines separated by `|`); or contents: yes,
    /// before-summary or no (a table of contents after the summary, before it, or none).
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = fields::parse_assignment)]
    pub set: Vec<(String, String)>,
    /// Worker threads: documents converted at once [default: one per core].
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// Validate against this XSD instead of the embedded schemas/undoc.xsd.
    #[arg(long, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// Treat warnings as errors: a document with warnings fails.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Process only shard K of N (1 ≤ K ≤ N), a stable split by path hash.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    pub shard: Option<Shard>,
    /// No progress display and no closing summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// List every line a reader dropped, moved or kept unrebuilt (page
    /// furniture, contents, footnotes, tables, hyphen joins and heading
    /// labels of text extracted from PDFs).
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaName {
    /// schemas/undoc.xsd.
    Undoc,
    /// schemas/xml.xsd.
    Xml,
}

fn parse_paper(s: &str) -> Result<Paper, String> {
    Paper::parse(s).ok_or_else(|| format!("`{s}` is not a paper size: a4 or letter"))
}
