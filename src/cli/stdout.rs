//! Standard output for everything undoc prints there. A reader that has
//! gone (`undoc validate DIR | head -1`) ends undoc at once and quietly,
//! as Unix tools end when SIGPIPE kills them, instead of a panic's
//! "internal error" line.

use std::io::{ErrorKind, Write};

/// Exit status when standard output's reader has gone, as shells report a
/// program that SIGPIPE ended (128 + 13).
pub const EXIT_OUTPUT_CLOSED: u8 = 141;

/// Writes `text` to standard output. Ends the process when the output is
/// closed (see the module) or cannot be written.
pub fn print(text: &str) {
    if let Err(e) = write(&mut std::io::stdout().lock(), text) {
        end(&e);
    }
}

/// Writes `text` to `out` and flushes it, so a closed pipe shows at once.
fn write(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Ends the process quietly if `error` says the reader has gone; any other
/// error is the caller's to report.
pub fn end_if_closed(error: &std::io::Error) {
    if error.kind() == ErrorKind::BrokenPipe {
        std::process::exit(i32::from(EXIT_OUTPUT_CLOSED));
    }
}

/// Ends the process after a failed write: quietly when the reader has
/// gone, with a message and the usage status otherwise (a full disk).
fn end(error: &std::io::Error) -> ! {
    end_if_closed(error);
    eprintln!("undoc: cannot write to standard output: {error}");
    std::process::exit(i32::from(super::run::EXIT_USAGE));
}
