//! undoc turns United Nations parliamentary documents into their official
//! distribution formats.
//!
//! The architecture follows pandoc: [`read`]ers turn sources into one
//! [`model`], [`write`]rs turn the model into outputs, and [`validate`]
//! checks documents against the schema and the rules beside them.
//! [`pipeline`] runs whole batches in parallel.

pub mod akn;
pub mod diagnostic;
pub mod hash;
pub mod image;
pub mod lang;
pub mod model;
pub mod pipeline;
pub mod read;
pub mod report;
pub mod script;
pub mod suffix;
pub mod suggest;
pub mod symbol;
pub mod validate;
pub mod write;
