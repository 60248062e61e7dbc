//! Progress on standard error while a batch runs.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Progress on standard error: a bar on a terminal, a plain line every tenth
/// of the batch otherwise, nothing with `--quiet`.
pub struct Progress {
    bar: Option<ProgressBar>,
    plain: Option<PlainProgress>,
}

struct PlainProgress {
    total: usize,
    /// Counted by whichever worker thread hands a report over.
    done: AtomicUsize,
    started: Instant,
}

impl Progress {
    pub fn new(total: usize, quiet: bool) -> Progress {
        if quiet || total == 0 {
            return Progress {
                bar: None,
                plain: None,
            };
        }
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(total as u64);
            let style = ProgressStyle::with_template(
                "{bar:32} {pos}/{len} documents  {per_sec}  ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            return Progress {
                bar: Some(bar),
                plain: None,
            };
        }
        Progress {
            bar: None,
            plain: Some(PlainProgress {
                total,
                done: AtomicUsize::new(0),
                started: Instant::now(),
            }),
        }
    }

    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        if let Some(p) = &self.plain {
            let done = p.done.fetch_add(1, Ordering::Relaxed) + 1;
            let step = (p.total / 10).max(1);
            if p.total >= 20 && done % step == 0 && done < p.total {
                let secs = p.started.elapsed().as_secs_f64().max(1e-9);
                let rate = done as f64 / secs;
                let eta = (p.total - done) as f64 / rate;
                eprintln!(
                    "undoc: {done}/{} documents ({}%), {rate:.0} documents/s, ETA {eta:.0} s",
                    p.total,
                    done * 100 / p.total
                );
            }
        }
    }

    pub fn println(&self, text: &str) {
        if !text.is_empty() {
            self.suspend(|| eprint!("{text}"));
        }
    }

    pub fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
