//! Finding the source files among the inputs: files as given, directories
//! searched (sorted, depth first, iteratively so any depth is linear), with
//! symbolic-link loops reported, the output directory left out, and only
//! regular files taken.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::plan::identity as file_identity;
use super::{DocReport, Input};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;
use crate::read::{INPUT_FORMATS, InputFormat, Recognised, recognise};

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The sources, sorted by path, each once.
    pub inputs: Vec<Input>,
    /// Inputs that cannot be used, as failed reports.
    pub problems: Vec<DocReport>,
    /// Files with a source suffix passed over, and why (not a regular file).
    pub skipped: Vec<(PathBuf, String)>,
    /// The directories searched, as given.
    pub roots: Vec<PathBuf>,
}

/// Finds the source files among `inputs` (files, or directories searched
/// recursively for the suffixes of [`INPUT_FORMATS`]), sorted for a stable
/// order. `output` (the output directory) is never searched, and the files
/// its manifests list as undoc's outputs are never taken as inputs (an
/// output directory may be an input directory: a DOCX written there is not
/// a source on the next run).
pub fn discover(inputs: &[PathBuf], output: Option<&Path>) -> Discovered {
    let exclude = output.and_then(|p| identity(p).ok());
    let outputs: HashSet<(u64, u64)> = output
        .map(super::manifest::listed_outputs)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| file_identity(&m))
        .collect();
    let mut found = Discovered::default();
    let mut seen = HashSet::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Err(e) => found
                .problems
                .push(unreadable(input, format!("cannot read: {e}"))),
            Ok(meta) if meta.is_dir() => {
                found.roots.push(input.clone());
                walk(input, exclude, &mut seen, &mut found);
            }
            Ok(meta) => given_file(input, &meta, &mut found),
        }
    }
    found.inputs.sort_by(|a, b| a.path.cmp(&b.path));
    dedup_same_files(&mut found.inputs);
    found.inputs.retain(|input| {
        std::fs::metadata(&input.path).map_or(true, |m| !outputs.contains(&file_identity(&m)))
    });
    found
}

/// A file named on the command line: its suffix decides its format; a file
/// with an unknown suffix is refused with what its content looks like.
fn given_file(path: &Path, meta: &std::fs::Metadata, found: &mut Discovered) {
    if !meta.is_file() {
        found.problems.push(unreadable(
            path,
            format!("not a regular file ({}): skipped", file_kind(meta)),
        ));
        return;
    }
    match InputFormat::for_path(path) {
        Some(format) => found.inputs.push(Input {
            path: path.to_path_buf(),
            relative: PathBuf::from(path.file_name().unwrap_or(path.as_os_str())),
            format,
        }),
        None => found
            .problems
            .push(unreadable(path, unknown_format_message(path))),
    }
}

/// Why a file of unknown suffix is refused, naming what it looks like.
fn unknown_format_message(path: &Path) -> String {
    let suffixes: Vec<String> = INPUT_FORMATS
        .iter()
        .flat_map(|f| f.suffixes.iter().map(|s| format!(".{s}")))
        .collect();
    let known = format!("undoc reads {} files", suffixes.join(", "));
    let mut head = Vec::with_capacity(512);
    let looks = std::fs::File::open(path)
        .and_then(|f| f.take(512).read_to_end(&mut head))
        .ok()
        .and_then(|_| recognise(&head));
    match looks {
        Some(Recognised::Readable(format)) => format!(
            "unknown source format by its name, but its content looks like {} ({}): rename it with the suffix .{}",
            format.name, format.description, format.suffixes[0]
        ),
        Some(Recognised::Unread(what)) => {
            format!("this is {what}, which undoc does not read; {known}")
        }
        None => format!("unknown source format: {known}"),
    }
}

fn walk(
    root: &Path,
    exclude: Option<(u64, u64)>,
    seen: &mut HashSet<(u64, u64)>,
    found: &mut Discovered,
) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let id = match identity(&dir) {
            Ok(id) => id,
            Err(e) => {
                found
                    .problems
                    .push(unreadable(&dir, format!("cannot read directory: {e}")));
                continue;
            }
        };
        // The output directory inside an input directory holds outputs,
        // not sources (unless it is the input directory itself).
        if Some(id) == exclude && dir != root {
            continue;
        }
        if !seen.insert(id) {
            if dir == root {
                // The same directory given twice (`in` and `./in`).
                continue;
            }
            found.problems.push(unreadable(
                &dir,
                "directory loop: a symbolic link leads back to a directory already searched; skipped"
                    .into(),
            ));
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                found
                    .problems
                    .push(unreadable(&dir, format!("cannot read directory: {e}")));
                continue;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut subdirs = Vec::new();
        for path in paths {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => subdirs.push(path),
                Ok(meta) => found_file(root, path, &meta, found),
                Err(_) => {
                    // A dangling link: a source only if its name says so.
                    if InputFormat::for_path(&path).is_some() {
                        found.problems.push(unreadable(
                            &path,
                            "cannot read: a symbolic link to nothing".into(),
                        ));
                    }
                }
            }
        }
        // Depth first, in sorted order.
        stack.extend(subdirs.into_iter().rev());
    }
}

fn found_file(root: &Path, path: PathBuf, meta: &std::fs::Metadata, found: &mut Discovered) {
    let Some(format) = InputFormat::for_path(&path) else {
        return;
    };
    if !meta.is_file() {
        let why = format!("not a regular file ({})", file_kind(meta));
        found.skipped.push((path, why));
        return;
    }
    let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
    found.inputs.push(Input {
        path,
        relative,
        format,
    });
}

/// Device and inode of a directory (following links): cheap at any depth,
/// where canonicalising each directory costs its whole path.
fn identity(path: &Path) -> std::io::Result<(u64, u64)> {
    let meta = std::fs::metadata(path)?;
    Ok(file_identity(&meta))
}

/// The same file given twice (`in` and `./in`, or through a link) is read once.
fn dedup_same_files(inputs: &mut Vec<Input>) {
    let mut seen = HashSet::new();
    inputs.retain(|input| match std::fs::metadata(&input.path) {
        Ok(meta) => seen.insert(file_identity(&meta)),
        Err(_) => true,
    });
}

/// What kind of file that is not a regular file or directory is.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "not a regular file"
}

fn unreadable(path: &Path, message: String) -> DocReport {
    DocReport::failed(
        path,
        Diagnostic::new(Code::Unreadable, Span::default(), message),
    )
}
