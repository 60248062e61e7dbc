//! `undoc-manifest.json`: what a run read and wrote, with content hashes, so
//! that `--incremental` can skip unchanged documents and archives can audit.

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tempfile::NamedTempFile;

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

pub use crate::hash::sha256_hex;

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

/// What [`listed_outputs`] reads of a manifest: its outputs' paths (the
/// rest of each entry is skipped, not held).
#[derive(Deserialize)]
struct Listed {
    documents: Vec<ListedDocument>,
}

#[derive(Deserialize)]
struct ListedDocument {
    outputs: Vec<ListedOutput>,
}

#[derive(Deserialize)]
struct ListedOutput {
    path: String,
}

/// Every output that a manifest in `dir` (of any shard) lists, as a path
/// under `dir`: the files undoc may replace there.
pub fn listed_outputs(dir: &Path) -> Vec<PathBuf> {
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
            .and_then(|bytes| serde_json::from_slice::<Listed>(&bytes).ok())
        else {
            continue;
        };
        for document in manifest.documents {
            listed.extend(document.outputs.iter().map(|o| dir.join(&o.path)));
        }
    }
    listed
}

/// Writes a whole manifest into `dir` atomically: the bytes a [`Writer`]
/// streams for the same entries.
pub fn store(dir: &Path, shard: Option<Shard>, manifest: &Manifest) -> std::io::Result<()> {
    let mut json = serde_json::to_vec_pretty(manifest).map_err(std::io::Error::other)?;
    json.push(b'\n');
    super::write_atomically(&dir.join(file_name(shard)), &json)
}

/// The manifest written as the batch goes, so that memory stays flat in the
/// number of documents: the header first, then each entry as its document
/// finishes, into a temporary file beside the manifest which
/// [`Writer::finish`] renames into place. The bytes are those of
/// [`store`]: `serde_json`'s pretty printing of the whole [`Manifest`].
/// Until `finish`, the previous manifest stays whole; a run killed before it
/// leaves a temporary that the next run removes.
pub struct Writer {
    out: BufWriter<NamedTempFile>,
    target: PathBuf,
    entries: usize,
    /// One entry's JSON, reused.
    entry: Vec<u8>,
    /// The first write error: entries after it are dropped, and `finish`
    /// returns it instead of putting a partial manifest in place.
    error: Option<std::io::Error>,
}

/// The indentation of a document entry inside the manifest.
const ENTRY_INDENT: &[u8] = b"\n    ";

impl Writer {
    /// Starts the manifest of `shard` in `dir` (created if missing) for a
    /// run with these options.
    pub fn create(dir: &Path, shard: Option<Shard>, options: &str) -> std::io::Result<Writer> {
        let target = dir.join(file_name(shard));
        let mut out = BufWriter::new(super::commit::temporary_beside(&target)?);
        out.write_all(b"{\n  \"undoc\": ")?;
        serde_json::to_writer(&mut out, env!("CARGO_PKG_VERSION"))?;
        out.write_all(b",\n  \"options\": ")?;
        serde_json::to_writer(&mut out, options)?;
        out.write_all(b",\n  \"documents\": [")?;
        Ok(Writer {
            out,
            target,
            entries: 0,
            entry: Vec::new(),
            error: None,
        })
    }

    /// Appends the entry of the next input.
    pub fn push(&mut self, entry: &Entry) {
        if self.error.is_none()
            && let Err(e) = self.append(entry)
        {
            self.error = Some(e);
        }
    }

    fn append(&mut self, entry: &Entry) -> std::io::Result<()> {
        self.entry.clear();
        serde_json::to_writer_pretty(&mut self.entry, entry)?;
        if self.entries > 0 {
            self.out.write_all(b",")?;
        }
        // Nested two levels down; JSON strings hold no raw line breaks.
        for line in self.entry.split(|&b| b == b'\n') {
            self.out.write_all(ENTRY_INDENT)?;
            self.out.write_all(line)?;
        }
        self.entries += 1;
        Ok(())
    }

    /// Closes the JSON and puts the manifest in place, flushed to disk.
    pub fn finish(mut self) -> std::io::Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let close: &[u8] = if self.entries == 0 {
            b"]\n}\n"
        } else {
            b"\n  ]\n}\n"
        };
        self.out.write_all(close)?;
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.as_file().sync_data()?;
        file.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(i: usize) -> Entry {
        Entry {
            input: format!("in/doc \"{i}\"\\é.txt"),
            sha256: sha256_hex(&i.to_le_bytes()),
            status: if i.is_multiple_of(2) {
                "converted"
            } else {
                "failed"
            }
            .into(),
            diagnostics: i,
            outputs: (0..i % 3)
                .map(|k| OutputEntry {
                    format: "pdf".into(),
                    path: format!("doc-{i}-{k}.pdf"),
                    bytes: 1000 + k as u64,
                    sha256: sha256_hex(&k.to_le_bytes()),
                    pages: (k > 0).then_some(k as u32),
                })
                .collect(),
        }
    }

    fn streamed(dir: &Path, entries: &[Entry]) -> Vec<u8> {
        let mut writer = Writer::create(dir, None, "opts \"x\"").expect("writer");
        entries.iter().for_each(|e| writer.push(e));
        writer.finish().expect("finished");
        std::fs::read(dir.join(file_name(None))).expect("manifest")
    }

    #[test]
    fn a_streamed_manifest_has_the_bytes_of_a_whole_one() {
        for n in [0, 1, 4] {
            let documents: Vec<Entry> = (0..n).map(entry).collect();
            let whole = tempfile::tempdir().expect("tempdir");
            let manifest = Manifest {
                undoc: env!("CARGO_PKG_VERSION").into(),
                options: "opts \"x\"".into(),
                documents: documents.clone(),
            };
            store(whole.path(), None, &manifest).expect("stored");
            let expected = std::fs::read(whole.path().join(file_name(None))).expect("manifest");
            let dir = tempfile::tempdir().expect("tempdir");
            assert_eq!(
                String::from_utf8(streamed(dir.path(), &documents)).expect("utf-8"),
                String::from_utf8(expected).expect("utf-8"),
                "{n} entries"
            );
            assert_eq!(load(dir.path(), None), Some(manifest));
        }
    }

    #[test]
    fn an_unfinished_manifest_leaves_the_previous_one_and_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let before = streamed(dir.path(), &[entry(0)]);
        let mut writer = Writer::create(dir.path(), None, "other").expect("writer");
        writer.push(&entry(1));
        drop(writer);
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, [file_name(None)]);
        assert_eq!(
            std::fs::read(dir.path().join(file_name(None))).expect("manifest"),
            before
        );
    }

    #[test]
    fn listed_outputs_come_from_every_shards_manifest() {
        let dir = tempfile::tempdir().expect("tempdir");
        for (shard, i) in [(None, 2), (Some(Shard { index: 2, count: 3 }), 5)] {
            let mut writer = Writer::create(dir.path(), shard, "o").expect("writer");
            writer.push(&entry(i));
            writer.finish().expect("finished");
        }
        let mut listed = listed_outputs(dir.path());
        listed.sort();
        let names: Vec<_> = listed
            .iter()
            .map(|p| p.strip_prefix(dir.path()).expect("under dir"))
            .collect();
        assert_eq!(
            names,
            [
                Path::new("doc-2-0.pdf"),
                Path::new("doc-2-1.pdf"),
                Path::new("doc-5-0.pdf"),
                Path::new("doc-5-1.pdf")
            ]
        );
    }
}
