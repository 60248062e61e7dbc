//! Putting files in place: a document's outputs are written to temporary
//! files beside their destinations and renamed into place together, or not
//! at all; files are created with the usual permissions (0666 less the
//! umask); temporaries a killed run left behind are removed by the next run.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Temporary files are named `.undoc-<pid>-<random>.tmp`, so a later run can
/// tell a dead run's leftovers from a concurrent run's work in progress.
const TEMP_PREFIX: &str = ".undoc-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `bytes` to `target` through a temporary file in the same
/// directory, renamed into place when complete: never a partial file.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = stage(target, bytes)?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// Writes every `(target, bytes)` to a temporary file, then renames them all
/// into place. On failure no target is touched and every temporary is
/// removed. (Only a rename failing after others succeeded, which within one
/// directory takes a concurrent change to it, could leave a set mixed.)
pub(super) fn write_all(files: &[(PathBuf, &[u8])]) -> Result<(), (PathBuf, std::io::Error)> {
    // A rename onto a directory is the one failure staging cannot reveal.
    if let Some((target, _)) = files.iter().find(|(t, _)| t.is_dir()) {
        return Err((
            target.clone(),
            std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "a directory is in the way",
            ),
        ));
    }
    let mut staged = Vec::with_capacity(files.len());
    for (target, bytes) in files {
        // Dropping `staged` on an early return removes the temporaries.
        staged.push((
            target,
            stage(target, bytes).map_err(|e| (target.clone(), e))?,
        ));
    }
    for (target, tmp) in staged {
        tmp.persist(target).map_err(|e| (target.clone(), e.error))?;
    }
    Ok(())
}

/// A complete temporary copy of `bytes` beside `target`, flushed to disk.
fn stage(target: &Path, bytes: &[u8]) -> std::io::Result<NamedTempFile> {
    let mut tmp = temporary_beside(target)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_data()?;
    Ok(tmp)
}

/// An empty temporary file in `target`'s directory (created if missing),
/// named so that [`remove_stale_temporaries`] can tell whose it is; renamed
/// onto `target` once complete.
pub(super) fn temporary_beside(target: &Path) -> std::io::Result<NamedTempFile> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // 0666 less the umask, like any file a program creates; tempfile's
        // default of 0600 would hide outputs from a web server or another pod.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Removes, under `dir`, the temporary files of runs that are no longer
/// running (a SIGKILL leaves them); returns how many were removed. A
/// concurrent run's temporaries (its process is alive) are left alone.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let mut removed = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file()
                && entry
                    .file_name()
                    .to_str()
                    .and_then(temp_owner)
                    .is_some_and(|pid| !is_running(pid))
                && std::fs::remove_file(&path).is_ok()
            {
                removed += 1;
            }
        }
    }
    removed
}

/// The process id in a temporary file's name, `.undoc-<pid>-<random>.tmp`.
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    rest.split_once('-')?.0.parse().ok()
}

/// Whether process `pid` is alive (on Linux, by /proc; elsewhere a dead
/// run cannot be told from a live one, so only this process counts).
fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc_root = Path::new("/proc");
    if proc_root.join("self").exists() {
        proc_root.join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_carry_their_process() {
        assert_eq!(temp_owner(".undoc-4242-Ab3xYz.tmp"), Some(4242));
        assert_eq!(temp_owner(".undoc-Ab3xYz.tmp"), None);
        assert_eq!(temp_owner("report.xml"), None);
    }

    #[test]
    fn a_failed_set_leaves_the_previous_files_and_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.xml");
        std::fs::write(&a, "old").expect("old output");
        let blocked = dir.path().join("no-such-dir-file").join("b.pdf");
        std::fs::write(dir.path().join("no-such-dir-file"), "a file").expect("file");
        let result = write_all(&[(a.clone(), b"new".as_slice()), (blocked, b"pdf".as_slice())]);
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&a).expect("a"), "old");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn stale_temporaries_of_dead_runs_are_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).expect("sub");
        // PIDs above the kernel's maximum (4194304) never run.
        std::fs::write(sub.join(".undoc-999999999-abc.tmp"), "x").expect("dead");
        let mine = dir
            .path()
            .join(format!(".undoc-{}-abc.tmp", std::process::id()));
        std::fs::write(&mine, "x").expect("mine");
        assert_eq!(remove_stale_temporaries(dir.path()), 1);
        assert!(mine.exists());
    }
}
