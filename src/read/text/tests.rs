//! Tests of the text reader on realistic input.
