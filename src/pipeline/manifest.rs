//! `undoc-manifest.json`: what a run read and wrote, with content hashes, so
//! that `--incremental` can skip unchanged documents and archives can audit.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{DocReport, Output, Shard, Status};
use crate::write::OutputFormat;

/// The manifest of one run (or one shard of it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The undoc version that wrote it.
    pub undoc: String,
    /// Fingerprint of the options that shape outputs.
    pub options: String,
    /// One entry per input, in input order.
    pub documents: Vec<Entry>,
}

/// One input of the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The input path as given or found.
    pub input: String,
    /// SHA-256 of the input's bytes (empty when it could not be read).
    pub sha256: String,
    /// `converted`, `unchanged` or `failed`.
    pub status: String,
    /// Number of diagnostics (errors and warnings).
    pub diagnostics: usize,
    /// The files written for it.
    pub outputs: Vec<OutputEntry>,
}

/// One output file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputEntry {
    /// `xml`, `docx` or `pdf`.
    pub format: String,
    /// Path relative to the output directory.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Pages, for paged formats.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pages: Option<u32>,
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The manifest's file name: one per shard, so shards sharing an output
/// directory never overwrite each other's manifest.
pub fn file_name(shard: Option<Shard>) -> String {
    match shard {
        None => "undoc-manifest.json".into(),
        Some(s) => format!("undoc-manifest-{}-of-{}.json", s.index, s.count),
    }
}

/// Reads the manifest in `dir`, if there is a readable one.
pub fn load(dir: &Path, shard: Option<Shard>) -> Option<Manifest> {
    let bytes = std::fs::read(dir.join(file_name(shard))).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Every output that a manifest in `dir` (of any shard) lists, as a path
/// under `dir`: the files undoc may replace there.
pub fn listed_outputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let manifests = entries.flatten().filter(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        name.starts_with("undoc-manifest") && name.ends_with(".json")
    });
    let mut listed = Vec::new();
    for entry in manifests {
        let Some(manifest) = std::fs::read(entry.path())
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
        else {
            continue;
        };
        for document in manifest.documents {
            listed.extend(document.outputs.iter().map(|o| dir.join(&o.path)));
        }
    }
    listed
}

/// Writes the manifest into `dir` atomically.
pub fn store(dir: &Path, shard: Option<Shard>, manifest: &Manifest) -> std::io::Result<()> {
    let mut json = serde_json::to_vec_pretty(manifest).map_err(std::io::Error::other)?;
    json.push(b'\n');
    super::write_atomically(&dir.join(file_name(shard)), &json)
}

impl Entry {
    /// The entry for a finished document; output paths relative to `dir`.
    pub fn from_report(report: &DocReport, dir: &Path) -> Entry {
        Entry {
            input: report.path.display().to_string(),
            sha256: report.sha256.clone().unwrap_or_default(),
            status: match report.status {
                Status::Ok => "converted",
                Status::Skipped => "unchanged",
                Status::Failed => "failed",
            }
            .into(),
            diagnostics: report.diagnostics.len(),
            outputs: report
                .outputs
                .iter()
                .map(|o| OutputEntry {
                    format: o.format.name.into(),
                    path: o
                        .path
                        .strip_prefix(dir)
                        .unwrap_or(&o.path)
                        .display()
                        .to_string(),
                    bytes: o.bytes,
                    sha256: o.sha256.clone(),
                    pages: o.pages,
                })
                .collect(),
        }
    }

    /// The outputs of a previous run, if every one is still on disk at its size.
    pub fn outputs_on_disk(&self, dir: &Path) -> Option<Vec<Output>> {
        self.outputs
            .iter()
            .map(|o| {
                let path = dir.join(&o.path);
                let on_disk = std::fs::metadata(&path).ok()?.len();
                if on_disk != o.bytes {
                    return None;
                }
                Some(Output {
                    format: OutputFormat::by_name(&o.format)?,
                    path,
                    bytes: o.bytes,
                    sha256: o.sha256.clone(),
                    pages: o.pages,
                })
            })
            .collect()
    }
}

/// The previous run's entries, keyed by input, when its undoc version and
/// options match this run's (otherwise nothing can be skipped).
pub fn previous(manifest: Option<Manifest>, options: &str) -> HashMap<String, Entry> {
    match manifest {
        Some(m) if m.undoc == env!("CARGO_PKG_VERSION") && m.options == options => m
            .documents
            .into_iter()
            .map(|e| (e.input.clone(), e))
            .collect(),
        _ => HashMap::new(),
    }
}
