//! One document of the batch: read its bytes (bounded), skip it if
//! unchanged, convert it in memory, then put its outputs in place together.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use super::plan::Plan;
use super::{DocReport, Input, Job, MAX_INPUT_BYTES, Output, Status, commit, manifest};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, Span};
use crate::read::audit::Decision;
use crate::read::{self, InputFormat, Source, SourceView, attach_excerpts};
use crate::validate::{self, SchemaWatch};
use crate::write::{OutputFormat, Rendered};

/// One source converted in memory: what the batch does to a document,
/// without files.
#[derive(Debug, Default)]
pub struct Converted {
    /// The document, if it could be read.
    pub document: Option<Document>,
    /// Every diagnostic: reading, validation, then the writers'.
    pub diagnostics: Vec<Diagnostic>,
    /// The outputs, in the job's format order; empty when the document
    /// failed (errors, or warnings under `--deny-warnings`) or a writer did.
    pub rendered: Vec<(&'static OutputFormat, Rendered)>,
    /// What reports show of the source.
    pub view: SourceView,
    /// What the reader dropped, moved or kept unrebuilt (archive text).
    pub decisions: Vec<Decision>,
}

impl Converted {
    /// Whether the document fails: an error, or any warning under `--deny-warnings`.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.is_error() || deny_warnings)
    }
}

/// Reads `source` as `format`, validates it and renders it in every format
/// of the job. A panic anywhere inside is caught and becomes an error
/// diagnostic: one bad document never takes a batch down.
pub fn convert(source: &Source, format: &InputFormat, job: &Job) -> Converted {
    guarded(|| {
        let mut watch = validate::watch_reading(format, job.engine);
        let outcome = read::read_watched(
            source,
            format,
            job.overrides,
            validate::as_xml_watch(&mut watch),
        );
        check_and_render(outcome, watch, format, job)
    })
}

/// [`convert`] for bytes the caller gives up: a text source is decoded
/// where they lie, and a Word file's are freed once read, so validation and
/// the writers run beside the decoded text and the model, not beside the
/// file's bytes as well (one input's size less at the peak).
pub fn convert_owned(bytes: Vec<u8>, path: &Path, format: &InputFormat, job: &Job) -> Converted {
    guarded(move || {
        let mut watch = validate::watch_reading(format, job.engine);
        let outcome = read::read_owned_watched(
            bytes,
            path,
            format,
            job.overrides,
            validate::as_xml_watch(&mut watch),
        );
        check_and_render(outcome, watch, format, job)
    })
}

/// Runs `work`, turning a panic into the document's error.
fn guarded(work: impl FnOnce() -> Converted) -> Converted {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        Converted {
            diagnostics: vec![Diagnostic::new(
                Code::Internal,
                Span::default(),
                format!(
                    "undoc failed on this document ({what}); nothing was written for it \
                     and the batch went on: please report it with the file"
                ),
            )],
            ..Converted::default()
        }
    })
}

/// Validates what was read (`watch`: the schema check that watched it
/// being read) and renders it in every format of the job.
fn check_and_render(
    mut outcome: read::ReadOutcome,
    watch: Option<Box<dyn SchemaWatch + '_>>,
    format: &InputFormat,
    job: &Job,
) -> Converted {
    let checked = validate::check_outcome(&mut outcome, format, job.engine, watch);
    let mut converted = Converted {
        document: checked.document,
        diagnostics: checked.diagnostics,
        rendered: Vec::new(),
        view: outcome.view,
        decisions: outcome.decisions,
    };
    if converted.fails(job.deny_warnings) {
        return converted;
    }
    let Some(doc) = &converted.document else {
        return converted;
    };
    if job.formats.is_empty() {
        // `validate` reports what `convert` would: characters no font covers
        // (UND051), found from the fonts' character maps, nothing laid out.
        let missing = crate::write::pdf::missing_glyphs(doc, job.options);
        converted.diagnostics.extend(missing);
        return converted;
    }
    // The PDF on this thread while the other formats are rendered by a
    // thread with nothing to do (one document, or a batch's last ones): a
    // document alone takes as long as its PDF, not as all its formats. In
    // a busy batch no thread is free, and they follow the PDF here.
    let (heavy, light): (Vec<_>, Vec<_>) = job.formats.iter().copied().partition(|f| f.heavy);
    let (first, then) = rayon::join(
        || render_each(&heavy, doc, job),
        || render_each(&light, doc, job),
    );
    let mut rendered = Vec::with_capacity(job.formats.len());
    for part in [first, then] {
        match part {
            Ok(mut r) => rendered.append(&mut r),
            Err(d) => converted.diagnostics.push(d),
        }
    }
    if rendered.len() < job.formats.len() {
        return converted;
    }
    rendered.sort_by_key(|(output, _)| job.formats.iter().position(|f| f == output));
    for (_, r) in &mut rendered {
        converted.diagnostics.append(&mut r.diagnostics);
    }
    converted.rendered = rendered;
    converted
}

/// Renders `doc` in each of `formats` in turn, up to the first writer's
/// error.
fn render_each(
    formats: &[&'static OutputFormat],
    doc: &Document,
    job: &Job,
) -> Result<Vec<(&'static OutputFormat, Rendered)>, Diagnostic> {
    formats
        .iter()
        .map(|&output| (output.write)(doc, job.options).map(|r| (output, r)))
        .collect()
}

/// One input of the batch, processed: its report, and its outputs when
/// they are still to be put in place.
pub(super) struct Processed<'a> {
    pub report: DocReport,
    pub unwritten: Option<Unwritten<'a>>,
}

impl From<DocReport> for Processed<'_> {
    fn from(report: DocReport) -> Self {
        Processed {
            report,
            unwritten: None,
        }
    }
}

/// The outputs of a converted document, rendered in memory, to be written
/// together by [`Unwritten::write`] (off the converting threads: writing
/// is mostly waiting for the disk).
pub(super) struct Unwritten<'a> {
    rendered: Vec<(&'static OutputFormat, Rendered)>,
    stem: PathBuf,
    dir: &'a Path,
}

impl Unwritten<'_> {
    /// Puts the outputs in place together, completing `report` with them,
    /// or with why none was replaced.
    pub(super) fn write(self, plan: &Plan, report: &mut DocReport) {
        put_in_place(&self.rendered, &self.stem, self.dir, plan, report);
    }
}

/// Processes one input of the batch: reads and converts it; its outputs
/// are left to [`Unwritten::write`].
pub(super) fn process<'a>(input: &Input, job: &Job<'a>, plan: &Plan) -> Processed<'a> {
    let path = &input.path;
    if let Some(other) = plan.clash(input) {
        return Processed::from(DocReport::failed(
            path,
            Diagnostic::new(
                Code::OutputClash,
                Span::default(),
                format!(
                    "would write the same outputs as {}: rename one of them",
                    other.display()
                ),
            ),
        ));
    }
    let bytes = match read_limited(path) {
        Ok(bytes) => bytes,
        Err(d) => return Processed::from(DocReport::failed(path, d)),
    };
    // Only the manifest and incremental runs use the input's hash: a run
    // that writes no files (`undoc validate`) does not compute it.
    let sha256 = job.output_dir.map(|_| manifest::sha256_hex(&bytes));
    if let Some(report) = sha256.as_deref().and_then(|h| unchanged(input, job, h)) {
        return Processed::from(report);
    }
    let mut converted = convert_owned(bytes, path, input.format, job);
    // A writer's error leaves `rendered` empty as well.
    let failed = converted.fails(job.deny_warnings)
        || (!job.formats.is_empty() && converted.rendered.is_empty());
    let mut report = DocReport {
        path: path.clone(),
        status: if failed { Status::Failed } else { Status::Ok },
        diagnostics: std::mem::take(&mut converted.diagnostics),
        outputs: Vec::new(),
        sha256,
        decisions: std::mem::take(&mut converted.decisions),
    };
    attach_excerpts(&mut report.diagnostics, &converted.view);
    let unwritten = match (failed, job.output_dir) {
        (false, Some(dir)) => Some(Unwritten {
            rendered: converted.rendered,
            stem: input.stem(),
            dir,
        }),
        _ => None,
    };
    Processed { report, unwritten }
}

/// Writes a document's outputs together: all replace their previous
/// versions, or none does (and the report says why).
fn put_in_place(
    rendered: &[(&'static OutputFormat, Rendered)],
    stem: &Path,
    dir: &Path,
    plan: &Plan,
    report: &mut DocReport,
) {
    let targets: Vec<(PathBuf, &[u8])> = rendered
        .iter()
        .map(|(format, r)| (format.path(dir, stem), r.bytes.as_slice()))
        .collect();
    let refused = targets.iter().find_map(|(t, _)| plan.refuses(t));
    let failure = match refused {
        Some(why) => Some(Diagnostic::new(Code::OutputClash, Span::default(), why)),
        None => commit::write_all(&targets).err().map(|(target, e)| {
            Diagnostic::new(
                Code::WriteFailed,
                Span::default(),
                format!(
                    "cannot write {}: {e}; no output of this document was replaced",
                    target.display()
                ),
            )
        }),
    };
    if let Some(d) = failure {
        report.status = Status::Failed;
        report.diagnostics.push(d);
        return;
    }
    report.outputs = rendered
        .iter()
        .zip(targets)
        .map(|((format, r), (path, bytes))| Output {
            format,
            path,
            bytes: bytes.len() as u64,
            sha256: manifest::sha256_hex(bytes),
            pages: r.pages,
        })
        .collect();
}

/// With `--incremental`: the report of an input whose bytes, options and
/// undoc version match the previous run and whose outputs are all in place,
/// at the paths this run would write them to.
fn unchanged(input: &Input, job: &Job, sha256: &str) -> Option<DocReport> {
    let dir = job.output_dir?;
    let entry = job.previous?.get(&input.path.display().to_string())?;
    if entry.sha256 != sha256 || entry.status == "failed" {
        return None;
    }
    let outputs = entry.outputs_on_disk(dir)?;
    let stem = input.stem();
    let all_in_place = job.formats.iter().all(|f| {
        let target = f.path(dir, &stem);
        outputs.iter().any(|o| o.format == *f && o.path == target)
    });
    all_in_place.then(|| DocReport {
        path: input.path.clone(),
        status: Status::Skipped,
        diagnostics: Vec::new(),
        outputs,
        sha256: Some(sha256.to_string()),
        decisions: Vec::new(),
    })
}

/// The file's bytes, refused before reading when over [`MAX_INPUT_BYTES`];
/// the cap holds while reading too (a file that grows, a device).
fn read_limited(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| {
        Diagnostic::new(
            Code::Unreadable,
            Span::default(),
            format!("cannot read: {e}"),
        )
    };
    let too_large = || {
        Diagnostic::new(
            Code::TooLarge,
            Span::default(),
            format!(
                "the file is larger than {} MiB",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
    };
    // Looked at before opening: opening a FIFO would wait for a writer.
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Diagnostic::new(
            Code::Unreadable,
            Span::default(),
            "not a regular file: skipped",
        ));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::xsd::FastXml;
    use crate::write::{OUTPUT_FORMATS, WriteOptions};

    /// Every output's format and bytes.
    fn outputs(c: &Converted) -> Vec<(&'static str, Vec<u8>)> {
        c.rendered
            .iter()
            .map(|(f, r)| (f.name, r.bytes.clone()))
            .collect()
    }

    #[test]
    fn owned_bytes_convert_as_borrowed_ones_do_good_and_bad() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/report-fr.txt");
        let sample = std::fs::read(&path).expect("sample");
        let engine = FastXml::embedded().expect("schema");
        let formats: Vec<&'static OutputFormat> = OUTPUT_FORMATS.iter().collect();
        let options = WriteOptions::default();
        let job = Job::in_memory(&engine, &formats, &options);
        let text = InputFormat::by_name("text").expect("text reader");
        let not_utf8 = b"1. Le Conseil \xC3( a pris note.".to_vec();
        for (bytes, written) in [(sample, formats.len()), (not_utf8, 0)] {
            let borrowed = convert(
                &Source {
                    bytes: &bytes,
                    path: &path,
                },
                text,
                &job,
            );
            let owned = convert_owned(bytes, &path, text, &job);
            assert_eq!(owned.diagnostics, borrowed.diagnostics);
            assert_eq!(outputs(&owned), outputs(&borrowed));
            assert_eq!(owned.rendered.len(), written);
            // Rendered on two threads at once; the outputs stay in the job's order.
            let names: Vec<&str> = owned.rendered.iter().map(|(f, _)| f.name).collect();
            let expected: Vec<&str> = formats.iter().map(|f| f.name).take(written).collect();
            assert_eq!(names, expected);
            assert_eq!(owned.fails(false), written == 0);
        }
    }
}
