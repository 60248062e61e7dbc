//! Which writing system a character belongs to: the one place that knows the
//! Unicode ranges, asked by the readers (where CJK text glues without
//! spaces), the validator (is the text in the declared language's script) and
//! both page writers (justification between ideographs, double-width masthead
//! text, font choice, the letters of words to hyphenate).

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
        Script::of_letter(c) == Some(self)
    }

    /// The script `c` is a letter of, if any (the scripts share no
    /// letter): looked up below U+0800, found by ranges above.
    pub fn of_letter(c: char) -> Option<Script> {
        match LETTER_BELOW_0800.get(c as usize) {
            Some(&script) => script,
            None => letter_by_ranges(c),
        }
    }
}

/// The table of `$by` (a `const fn(char) -> Option<_>`) for every code
/// point below `$len`, made at compile time: the lookups the layout and the
/// validator make of every character.
macro_rules! below {
    ($len:expr, $by:ident) => {{
        let mut table = [None; $len];
        let mut code = 0;
        while code < $len {
            if let Some(c) = char::from_u32(code as u32) {
                table[code] = $by(c);
            }
            code += 1;
        }
        table
    }};
}

/// [`Script::of_letter`] of every character of one or two bytes in
/// UTF-8 (Latin, Cyrillic, the Arabic block): the validator asks it of
/// thousands of characters a document. Two kilobytes.
const LETTER_BELOW_0800: [Option<Script>; 0x800] = below!(0x800, letter_by_ranges);

/// [`Script::of_letter`] by the Unicode ranges.
const fn letter_by_ranges(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => Some(Script::Latin),
        '\u{0400}'..='\u{04FF}' => Some(Script::Cyrillic),
        c if is_arabic(c) => Some(Script::Arabic),
        c if is_han(c) => Some(Script::Han),
        _ => None,
    }
}

/// A character of text whose shaping needs nothing but its script (see
/// [`simple_char`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimpleChar {
    /// A letter of a script, as Unicode's `Script` property gives it.
    Letter(Script),
    /// A character of no script (`Common`): digits, spaces, punctuation,
    /// symbols, Chinese full-width forms.
    Common,
}

/// What `c` is if it is simple text left to right: a letter of Latin,
/// Cyrillic or Han without combining marks, or a `Common` character of
/// running text. Format characters (soft hyphen, joiners), line
/// separators, marks, right-to-left and other scripts: `None`. The PDF
/// writer lays such text out without parley's analysis, asking this of
/// every character: Latin and Cyrillic are looked up in a table.
pub fn simple_char(c: char) -> Option<SimpleChar> {
    match SIMPLE_BELOW_0530.get(c as usize) {
        Some(&simple) => simple,
        None => simple_char_by_ranges(c),
    }
}

/// [`simple_char`], or in a right-to-left paragraph also an Arabic letter
/// or digit without combining marks, or Arabic punctuation. Harakat,
/// joiners and bidi controls: `None`. The scripts are Unicode's (the
/// Arabic comma, semicolon, question mark and tatweel are `Common`), as
/// parley's itemizer reads them.
pub fn simple_rtl_char(c: char) -> Option<SimpleChar> {
    use SimpleChar::{Common, Letter};
    match c {
        c if is_arabic_letter(c) => Some(Letter(Script::Arabic)),
        '\u{660}'..='\u{66D}' => Some(Letter(Script::Arabic)),
        c if is_arabic_punctuation(c) => Some(Common),
        c => simple_char(c),
    }
}

/// An Arabic letter (of Arabic and the languages written in its script),
/// not a mark, digit, sign nor the tatweel.
pub const fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{621}'..='\u{63A}' | '\u{641}'..='\u{64A}' | '\u{671}'..='\u{6D3}' | '\u{6D5}')
}

/// The Arabic comma, semicolon and question mark and the tatweel, which
/// take the script of the letters around them.
pub const fn is_arabic_punctuation(c: char) -> bool {
    matches!(c, '\u{60C}' | '\u{61B}' | '\u{61F}' | '\u{640}')
}

/// The end of the alphabets the layout looks up in tables rather than
/// by ranges: ASCII, Latin-1, the Latin extensions and Cyrillic.
pub const TABLED_BELOW: usize = 0x530;

/// [`simple_char_by_ranges`] of every character below [`TABLED_BELOW`]:
/// two kilobytes.
const SIMPLE_BELOW_0530: [Option<SimpleChar>; TABLED_BELOW] =
    below!(TABLED_BELOW, simple_char_by_ranges);

/// [`simple_char`] by the Unicode ranges.
const fn simple_char_by_ranges(c: char) -> Option<SimpleChar> {
    use SimpleChar::{Common, Letter};
    Some(match c {
        'A'..='Z' | 'a'..='z' | 'ª' | 'º' => Letter(Script::Latin),
        '\u{C0}'..='\u{24F}' if c != '×' && c != '÷' => Letter(Script::Latin),
        ' '..='~' | '\u{A0}'..='\u{BF}' if c != '\u{AD}' => Common,
        '×' | '÷' => Common,
        '\u{400}'..='\u{482}' | '\u{48A}'..='\u{52F}' => Letter(Script::Cyrillic),
        '\u{2010}'..='\u{2027}' | '\u{202F}'..='\u{205E}' | '\u{20A0}'..='\u{20C0}' => Common,
        '№' | '™' => Common,
        '\u{3005}' | '\u{3007}' => Letter(Script::Han),
        c if is_han(c) => Letter(Script::Han),
        '\u{3000}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' => Common,
        '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Letter(Script::Latin),
        '\u{FF01}'..='\u{FF5E}' => Common,
        _ => return None,
    })
}

/// `c.is_alphabetic()`, answered without Unicode's tables for the letters
/// of ASCII, Latin-1 and basic Russian: the tables' search was most of the
/// cost of finding words (hyphenation) in Russian and accented text.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | 'А'..='я' | 'Ё' | 'ё' => true,
        c => c.is_alphabetic(),
    }
}

/// `c.is_uppercase()`, answered without Unicode's tables for ASCII,
/// Latin-1 and basic Russian (the hyphenator asks it of every letter).
pub fn is_capital(c: char) -> bool {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'А'..='Я' | 'Ё' => true,
        '\0'..='\u{7F}' | '\u{80}'..='\u{FF}' | 'а'..='я' | 'ё' => false,
        c => c.is_uppercase(),
    }
}

/// Han ideographs (unified, extension A and compatibility).
pub const fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Arabic letters, supplements and presentation forms.
pub const fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// East Asian wide text: ideographs, kana, CJK punctuation and full-width
/// forms. Such text is written without spaces between words (a line break
/// inside it joins without a space), justifies between characters, and
/// takes two columns in a fixed-width grid.
pub fn is_ideographic(c: char) -> bool {
    // One compare for the alphabetic scripts, which come before them all
    // (the layout asks for every glyph of every line).
    if c < '\u{2E80}' {
        return false;
    }
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

    /// The characters of `chars` on which `agree` fails.
    fn differing(chars: std::ops::RangeInclusive<char>, agree: impl Fn(char) -> bool) -> Vec<char> {
        chars.filter(|&c| !agree(c)).collect()
    }

    #[test]
    fn letters_are_told_as_unicode_tells_them() {
        let differ = differing('\0'..='\u{2FFF}', |c| is_letter(c) == c.is_alphabetic());
        assert!(differ.is_empty(), "{differ:?}");
    }

    #[test]
    fn capitals_are_told_as_unicode_tells_them() {
        let differ = differing('\0'..=char::MAX, |c| is_capital(c) == c.is_uppercase());
        assert!(differ.is_empty(), "{differ:?}");
    }

    #[test]
    fn the_table_of_simple_characters_is_their_ranges() {
        // Every character, whether looked up or not.
        let differ = differing('\0'..=char::MAX, |c| {
            simple_char(c) == simple_char_by_ranges(c)
        });
        assert!(differ.is_empty(), "{differ:?}");
        assert_eq!(simple_char('ж'), Some(SimpleChar::Letter(Script::Cyrillic)));
        assert_eq!(simple_char('é'), Some(SimpleChar::Letter(Script::Latin)));
        assert_eq!(simple_char('\u{AD}'), None);
        assert_eq!(simple_char('\u{301}'), None);
    }

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

    #[test]
    fn a_letter_has_the_one_script_that_has_it() {
        // Each script's letters as the ranges define them, one by one.
        let letter_of = |script: Script, c: char| match script {
            Script::Latin => c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}'),
            Script::Cyrillic => matches!(c, '\u{0400}'..='\u{04FF}'),
            Script::Arabic => is_arabic(c),
            Script::Han => is_han(c),
        };
        let scripts = [Script::Latin, Script::Cyrillic, Script::Arabic, Script::Han];
        for c in '\0'..='\u{10FFFF}' {
            let mut having = scripts.into_iter().filter(|&s| letter_of(s, c));
            assert_eq!(Script::of_letter(c), having.next(), "{c:?}");
            assert_eq!(having.next(), None, "{c:?} is a letter of two scripts");
        }
    }
}
