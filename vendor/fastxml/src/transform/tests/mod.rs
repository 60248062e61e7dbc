//! Tests for the transform module.

mod builder_tests;
mod context_tests;
mod multi_tests;
mod reader_tests;
