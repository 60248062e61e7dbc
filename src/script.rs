//! Which writing system a character belongs to: the one place that knows the
//! Unicode ranges, asked by the readers (where CJK text glues without
//! spaces), the validator (is the text in the declared language's script) and
//! both page writers (justification between ideographs, double-width masthead
//! text, font choice).

/// The writing systems of the six official languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// English, French, Spanish.
    Latin,
    /// Russian.
    Cyrillic,
    /// Arabic.
    Arabic,
    /// Chinese (Han ideographs).
    Han,
}

impl Script {
    /// The script's name, for diagnostics.
    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Arabic => "Arabic",
            Script::Han => "Han",
        }
    }

    /// Whether `c` is a letter of this script (punctuation and digits are
    /// shared by all and belong to none).
    pub fn has_letter(self, c: char) -> bool {
        match self {
            Script::Latin => c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}'),
            Script::Cyrillic => matches!(c, '\u{0400}'..='\u{04FF}'),
            Script::Arabic => is_arabic(c),
            Script::Han => is_han(c),
        }
    }
}

/// Han ideographs (unified, extension A and compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Arabic letters, supplements and presentation forms.
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// East Asian wide text: ideographs, kana, CJK punctuation and full-width
/// forms. Such text is written without spaces between words (a line break
/// inside it joins without a space), justifies between characters, and
/// takes two columns in a fixed-width grid.
pub fn is_ideographic(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// Whether `s` begins with an ideographic character.
pub fn starts_ideographic(s: &str) -> bool {
    s.chars().next().is_some_and(is_ideographic)
}

/// Whether `s` ends with an ideographic character.
pub fn ends_ideographic(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_ideographic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_the_six_languages() {
        assert!(Script::Han.has_letter('联'));
        assert!(Script::Arabic.has_letter('ع'));
        assert!(Script::Cyrillic.has_letter('Ж'));
        assert!(Script::Latin.has_letter('é'));
        assert!(!Script::Latin.has_letter('1'));
        assert!(is_ideographic('。') && is_ideographic('（') && !is_ideographic('a'));
        assert!(starts_ideographic("会议") && ends_ideographic("a会") && !ends_ideographic("会a"));
    }
}
