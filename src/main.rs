//! The `undoc` command line: argument parsing (definition in
//! [`cli::args`]) and dispatch; whole runs are in [`cli`], the work itself
//! in the library.

mod cli;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use undoc::diagnostic::Code;
use undoc::read::{INPUT_FORMATS, InputFormat};
use undoc::report::ReportFormat;
use undoc::suggest;
use undoc::write::{OUTPUT_FORMATS, OutputFormat, WriteOptions};

use cli::args::{Cli, Command, Common, ConvertArgs, Format, SchemaName};
use cli::run::{self, Outputs, Settings};
use cli::single::{self, Target, is_dash};
use cli::stdout;

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
            stdout::print(&input_format_list());
        }
        if cli.list_output_formats {
            stdout::print(&output_format_list());
        }
        return ExitCode::from(run::EXIT_OK);
    }
    let Some(command) = cli.command else {
        let _ = Cli::command().print_help();
        return ExitCode::from(run::EXIT_USAGE);
    };
    match dispatch(command) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("undoc: {message}");
            ExitCode::from(run::EXIT_USAGE)
        }
    }
}

fn dispatch(command: Command) -> Result<u8, String> {
    match command {
        Command::Convert(args) => convert(args),
        Command::Validate {
            inputs,
            format,
            read,
            common,
        } => {
            let from = input_format(read.from.as_deref(), &inputs)?;
            let stdin = inputs.iter().any(|i| is_dash(i));
            let settings = common.settings(inputs);
            match (stdin, settings.inputs.len()) {
                (false, _) => run::validate(&settings, report_format(format)),
                (true, 1) => single::validate(from, &settings, report_format(format)),
                (true, _) => Err("`-` (standard input) is validated alone".into()),
            }
        }
        Command::Explain { code, list } => explain(code.as_deref(), list),
        Command::Schema { name } => {
            stdout::print(match name {
                SchemaName::Undoc => undoc::validate::xsd::UNDOC_XSD,
                SchemaName::Xml => undoc::validate::xsd::XML_XSD,
            });
            Ok(run::EXIT_OK)
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "undoc", &mut script);
            stdout::print(&String::from_utf8_lossy(&script));
            Ok(run::EXIT_OK)
        }
        Command::Manpage => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|e| format!("cannot write the man page: {e}"))?;
            stdout::print(&String::from_utf8_lossy(&page));
            Ok(run::EXIT_OK)
        }
    }
}

/// `undoc convert`: one output to a file or standard output, or a batch
/// into a directory.
fn convert(args: ConvertArgs) -> Result<u8, String> {
    let options = WriteOptions {
        paper: args.paper,
        font_dir: args.font_dir,
        latin_font: args.latin_font,
        east_asian_font: args.east_asian_font,
        arabic_font: args.arabic_font,
    };
    let from = input_format(args.read.from.as_deref(), &args.inputs)?;
    let formats = parse_formats(&args.to)?;
    let settings = args.common.settings(args.inputs);
    match single_output(&settings.inputs, &args.output, &args.to, &formats)? {
        Some((target, format)) => single::convert(
            &settings.inputs[0],
            from,
            &target,
            format,
            &settings,
            &options,
        ),
        None => {
            let outputs = Outputs {
                dir: args.output,
                formats,
                options,
                incremental: args.incremental,
            };
            run::convert(&settings, &outputs)
        }
    }
}

fn explain(code: Option<&str>, list: bool) -> Result<u8, String> {
    if list {
        stdout::print(&cli::explain::list());
        return Ok(run::EXIT_OK);
    }
    let code = code.unwrap_or_default();
    let found = Code::parse(code).ok_or_else(|| {
        let names = undoc::diagnostic::ALL_CODES.iter().map(|c| c.as_str());
        let hint = suggest::did_you_mean(code, names);
        format!("unknown code `{code}`{hint} (`undoc explain --list` lists every code)")
    })?;
    stdout::print(&format!("{}\n", cli::explain::explain(found)));
    Ok(run::EXIT_OK)
}

/// `--from NAME`, which names the format of standard input.
fn input_format(
    from: Option<&str>,
    inputs: &[PathBuf],
) -> Result<Option<&'static InputFormat>, String> {
    let Some(name) = from else { return Ok(None) };
    if !inputs.iter().any(|i| is_dash(i)) {
        return Err("--from names the format of standard input: give `-` as the input".into());
    }
    let names = INPUT_FORMATS.iter().map(|f| f.name);
    InputFormat::by_name(name).map(Some).ok_or_else(|| {
        let all: Vec<&str> = names.clone().collect();
        format!(
            "unknown source format `{name}`{}: the formats are {}",
            suggest::did_you_mean(name, names),
            all.join(", ")
        )
    })
}

/// With one input and one format, `-o FILE` (a path whose suffix is an
/// output format's, not a directory) or `-o -` names the one output; `None`
/// for a batch into a directory.
fn single_output(
    inputs: &[PathBuf],
    output: &Path,
    to: &[String],
    formats: &[&'static OutputFormat],
) -> Result<Option<(Target, &'static OutputFormat)>, String> {
    let by_suffix = OutputFormat::for_path(output);
    let stdin = inputs.iter().any(|i| is_dash(i));
    let target = if is_dash(output) {
        Target::Stdout
    } else if by_suffix.is_some() && !output.is_dir() || stdin {
        Target::File(output.to_path_buf())
    } else {
        return Ok(None);
    };
    let shown = output.display();
    if inputs.len() != 1 || inputs[0].is_dir() {
        return Err(format!(
            "-o {shown} names one output, but the inputs are not one file: give a directory (-o DIR)"
        ));
    }
    let format = match (to.is_empty(), by_suffix) {
        (true, Some(f)) => f,
        (false, _) if formats.len() == 1 => formats[0],
        _ => {
            return Err(format!(
                "-o {shown} writes one output: name its format with --to (one of {})",
                OutputFormat::names()
            ));
        }
    };
    if let (Target::File(_), Some(f)) = (&target, by_suffix)
        && f != format
    {
        return Err(format!(
            "--to {} but -o {shown} ends in .{}",
            format.name, f.suffix
        ));
    }
    Ok(Some((target, format)))
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

fn parse_formats(names: &[String]) -> Result<Vec<&'static OutputFormat>, String> {
    if names.is_empty() {
        return Ok(OUTPUT_FORMATS.iter().collect());
    }
    let mut formats = Vec::new();
    for name in names {
        let format = OutputFormat::by_name(name).ok_or_else(|| {
            let hint = suggest::did_you_mean(name, OUTPUT_FORMATS.iter().map(|f| f.name));
            format!(
                "unknown format `{name}`{hint}: the formats are {}",
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
                "{:<8} {:<14} {}\n",
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
