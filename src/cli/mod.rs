//! The binary's side of undoc: the command line's definition, whole runs
//! with their progress display, interrupt handling and exit status, one
//! document to a file or standard output, and the commands that print
//! (explain, schema, completions, man page). The library never does any of it.

pub mod args;
pub mod explain;
pub mod progress;
pub mod run;
pub mod single;
pub mod stdout;
