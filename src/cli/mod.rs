//! The binary's side of undoc: whole runs with their progress display,
//! interrupt handling and exit status. The library never does any of it.

pub mod progress;
pub mod run;
