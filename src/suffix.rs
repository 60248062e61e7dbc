//! File name suffixes, which both format tables (`read::INPUT_FORMATS`,
//! `write::OUTPUT_FORMATS`) match names against.

/// Whether the (lower-case) file name `name` ends in `.suffix` after a stem.
pub fn has_suffix(name: &str, suffix: &str) -> bool {
    name.len() > suffix.len() + 1
        && name.ends_with(suffix)
        && name.as_bytes()[name.len() - suffix.len() - 1] == b'.'
}

#[cfg(test)]
mod tests {
    use super::has_suffix;

    #[test]
    fn a_suffix_follows_a_dot_and_a_stem() {
        assert!(has_suffix("r.akn.xml", "akn.xml"));
        assert!(has_suffix("r.akn.xml", "xml"));
        assert!(!has_suffix("rakn.xml", "akn.xml"));
        assert!(!has_suffix(".xml", "xml"), "no stem");
        assert!(!has_suffix("xml", "xml"));
    }
}
