//! What the batch decides before its first document, over the whole input
//! list (every shard computes the same): which inputs would write the same
//! output, and which existing files an output must never replace.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{Input, Job, manifest};

/// Decisions shared by every document of a run.
pub(super) struct Plan {
    /// Inputs whose outputs clash with another input's: the other input.
    clashes: HashMap<PathBuf, PathBuf>,
    /// Device and inode of every input.
    inputs: HashSet<(u64, u64)>,
    /// The searched input directories, canonical.
    roots: Vec<PathBuf>,
    /// Files the output directory's manifests list as undoc's outputs.
    listed: HashSet<PathBuf>,
}

impl Plan {
    pub(super) fn new(inputs: &[Input], job: &Job) -> Plan {
        let Some(dir) = job.output_dir else {
            return Plan {
                clashes: HashMap::new(),
                inputs: HashSet::new(),
                roots: Vec::new(),
                listed: HashSet::new(),
            };
        };
        Plan {
            clashes: clashes(inputs),
            inputs: inputs
                .iter()
                .filter_map(|i| std::fs::metadata(&i.path).ok())
                .map(|m| identity(&m))
                .collect(),
            roots: job
                .input_roots
                .iter()
                .filter_map(|r| r.canonicalize().ok())
                .collect(),
            listed: manifest::listed_outputs(dir)
                .into_iter()
                .filter_map(|p| p.canonicalize().ok())
                .collect(),
        }
    }

    /// The input `input`'s outputs clash with, if any.
    pub(super) fn clash(&self, input: &Input) -> Option<&Path> {
        self.clashes.get(&input.path).map(PathBuf::as_path)
    }

    /// Why `target` must not be replaced: it is an input, or a file in an
    /// input directory that no manifest lists as an output of undoc.
    pub(super) fn refuses(&self, target: &Path) -> Option<String> {
        let meta = std::fs::metadata(target).ok()?;
        if self.inputs.contains(&identity(&meta)) {
            return Some(format!(
                "would write over {}, which is an input of this run",
                target.display()
            ));
        }
        let canonical = target.canonicalize().ok()?;
        let in_input_tree = self.roots.iter().any(|r| canonical.starts_with(r));
        (in_input_tree && !self.listed.contains(&canonical)).then(|| {
            format!(
                "would write over {}, a file in the input directories that undoc did not write \
                 (no manifest lists it): choose an output directory outside the inputs, or move the file",
                target.display()
            )
        })
    }
}

/// Inputs that would write the same outputs as another input (the same
/// relative path but for the suffix, e.g. `a.txt` and `a.xml`).
fn clashes(inputs: &[Input]) -> HashMap<PathBuf, PathBuf> {
    let mut by_stem: HashMap<PathBuf, Vec<&Input>> = HashMap::new();
    for input in inputs {
        by_stem.entry(input.stem()).or_default().push(input);
    }
    let mut clashes = HashMap::new();
    for group in by_stem.values().filter(|g| g.len() > 1) {
        for (i, input) in group.iter().enumerate() {
            let other = group[(i + 1) % group.len()];
            clashes.insert(input.path.clone(), other.path.clone());
        }
    }
    clashes
}

#[cfg(unix)]
pub(super) fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
pub(super) fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    (meta.len(), modified)
}
