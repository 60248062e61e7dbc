//! What krilla refused, in words a person can act on: the message of
//! UND053 (a Rust debug string told nobody what to change).

use krilla::configure::validate::VersionedFeature;
use krilla::configure::{ConfigurationError, ValidationError, Validators};
use krilla::error::{KrillaError, LimitError};

/// Said of errors that only a defect in undoc can cause.
const UNDOC_BUG: &str = "an undoc bug: please report it with the source document";

/// Why the PDF could not be written.
pub(super) fn describe(error: &KrillaError) -> String {
    match error {
        KrillaError::Font(_, reason) => {
            format!(
                "a font (bundled or from --font-dir) could not be embedded in the PDF: {reason}"
            )
        }
        KrillaError::Validation(errors) => {
            let reasons: Vec<String> = errors
                .iter()
                .map(|(e, by)| format!("{} ({})", validation(e), standards(*by)))
                .collect();
            format!(
                "the PDF would not meet its standards: {}",
                reasons.join("; ")
            )
        }
        KrillaError::Limit(limit) => format!(
            "the PDF would exceed a limit of its PDF version: {}",
            limit_words(limit)
        ),
        KrillaError::DuplicateNamedDestination(name) => {
            format!("two link targets in the PDF share the name `{name}` ({UNDOC_BUG})")
        }
        KrillaError::DuplicateTagId(..) => {
            format!("two parts of the PDF's structure tree share one identifier ({UNDOC_BUG})")
        }
        KrillaError::UnknownTagId(..) => {
            format!("the PDF's structure tree refers to content that was never drawn ({UNDOC_BUG})")
        }
        KrillaError::Image(_, _, reason) => {
            format!("a figure's picture could not be embedded in the PDF: {reason}")
        }
        KrillaError::SixteenBitImage(..) => "a figure's picture has 16 bits per channel, which \
             the PDF version cannot hold (save it with 8 bits per channel)"
            .into(),
    }
}

/// Why the PDF settings were refused (PDF/A-2a and PDF/UA-1 together).
pub(super) fn describe_configuration(error: &ConfigurationError) -> String {
    let by = match error {
        ConfigurationError::NoOverlappingValidatorsRange(by)
        | ConfigurationError::VersionDoesNotMatchValidatorsRange(_, by) => *by,
    };
    format!(
        "no PDF version satisfies {} together ({UNDOC_BUG})",
        standards(by)
    )
}

/// The standards a validation error breaks: `PDF/A-2a`, `PDF/UA-1`.
fn standards(by: Validators) -> String {
    let names: Vec<&str> = [
        by.archival().map(|a| a.as_str()),
        by.accessibility().map(|u| u.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    names.join(" and ")
}

fn limit_words(limit: &LimitError) -> &'static str {
    match limit {
        LimitError::TooLargeFloat => {
            "a number is larger than 32,767 (a page or a position too large)"
        }
        LimitError::TooLongArray => {
            "an array has more than 8,191 entries (a line with too many glyphs)"
        }
        LimitError::TooLongDictionary => "a dictionary has more than 4,095 entries",
    }
}

fn validation(error: &ValidationError) -> String {
    use ValidationError as V;
    match error {
        V::TooLongString => "a text string is longer than 32,767 bytes (a title, heading or \
             link too long for one PDF string: shorten it)"
            .into(),
        V::TooLongName => "a name is longer than 127 bytes (a font's name is too long)".into(),
        V::TooLongArray => {
            "an array has more than 8,191 entries (a line with too many glyphs)".into()
        }
        V::TooLongDictionary => "a dictionary has more than 4,095 entries".into(),
        V::TooLargeFloat => "a number is larger than 32,767".into(),
        V::TooManyIndirectObjects => {
            "the document needs more than 8,388,607 PDF objects: it is too long for one PDF".into()
        }
        V::TooHighQNestingLevel => "graphics states are nested more than 28 deep".into(),
        V::ContainsPostScript(_) => "PostScript code is not allowed".into(),
        V::MissingCMYKProfile => "a CMYK colour needs an ICC profile".into(),
        V::InconsistentSeparationFallback(_) => {
            "one separation colour has two fallback colours".into()
        }
        V::ContainsNotDefGlyph(_, _, text) => {
            format!("no font has a glyph for `{text}` (add a font that covers it with --font-dir)")
        }
        V::NoCodepointMapping(_, glyph, _) => format!(
            "glyph {} of a font maps to no character, so its text cannot be copied",
            glyph.to_u32()
        ),
        V::InvalidCodepointMapping(_, _, c, _) => format!(
            "the character U+{:04X} may not appear in the text",
            u32::from(*c)
        ),
        V::UnicodePrivateArea(_, _, c, _) => format!(
            "the private-use character U+{:04X} has no meaning a reader can rely on",
            u32::from(*c)
        ),
        V::RestrictedLicense(_) => "the licence of a font from --font-dir does not allow \
             embedding it (choose another font)"
            .into(),
        V::NoDocumentLanguage => "the document has no language".into(),
        V::NoDocumentTitle => "the document has no title".into(),
        V::MissingAltText(_) => "a figure has no alternative text".into(),
        V::MissingHeadingTitle => "a heading has no text".into(),
        V::MissingDocumentOutline => "the document has no outline (bookmarks)".into(),
        V::MissingAnnotationAltText(_) => "a link has no alternative text".into(),
        V::MissingDocumentDate => "the document has no date".into(),
        V::Transparency(_) => "transparency is not allowed".into(),
        V::ImageInterpolation(_) => "a picture asks for interpolation".into(),
        V::EmbeddedFile(..) => "an embedded file is not allowed".into(),
        V::MissingTagging => "the document is not tagged".into(),
        V::EmbeddedPDF(_) => "an embedded PDF is not allowed".into(),
        V::RequiresNewerPdfVersion(feature, _) => format!(
            "{} needs {}",
            match feature {
                VersionedFeature::StructureOrderTabbing => "tabbing in structure order",
                VersionedFeature::HeaderFooterArtifactSubtypes => {
                    "marking headers and footers as such"
                }
                VersionedFeature::TableHeaderScope => "the scope of table header cells",
            },
            feature.minimum_pdf_version().as_str()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};

    #[test]
    fn validation_errors_name_the_rule_and_the_standards() {
        let by = ConfigurationBuilder::new()
            .with_archival_validator(Archival::A2_A)
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .expect("configuration")
            .validators();
        let error = KrillaError::Validation(vec![(ValidationError::TooLongString, by)]);
        let text = describe(&error);
        assert!(text.contains("longer than 32,767 bytes"), "{text}");
        assert!(
            text.contains("PDF/A-2a") && text.contains("PDF/UA-1"),
            "{text}"
        );
        assert!(!text.contains("TooLongString"), "no debug names: {text}");
    }

    #[test]
    fn limits_are_said_in_words() {
        let text = describe(&KrillaError::Limit(LimitError::TooLongArray));
        assert!(text.contains("8,191 entries"), "{text}");
    }
}
