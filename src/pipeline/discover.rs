//! Finding the source files among the inputs: files as given, directories
//! searched recursively (sorted, with symlink loops detected and reported).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{DocReport, Input};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;
use crate::read::SourceFormat;

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
    let fail = |message: String| {
        DocReport::failed(
            dir,
            Diagnostic::new(Code::Unreadable, Span::default(), message),
        )
    };
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => return problems.push(fail(format!("cannot read directory: {e}"))),
    };
    if !seen.insert(canonical) {
        return problems.push(fail(
            "directory loop: a symbolic link leads back to a directory already searched; skipped"
                .into(),
        ));
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return problems.push(fail(format!("cannot read directory: {e}"))),
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
