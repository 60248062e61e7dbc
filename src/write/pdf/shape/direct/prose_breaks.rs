//! Where a line may break in prose of Latin, Cyrillic and Arabic letters,
//! Chinese ideographs and their full-width punctuation, digits and the
//! common punctuation and signs (quotation marks, dashes, the
//! ellipsis, no-break spaces and hyphen, `º` `ª` `§` `°` `€` `¡` `¿`),
//! by UAX #14's rules for the classes these have, without ICU4X's
//! per-character lookups and state machine. It gives the positions
//! ICU4X's line segmenter gives (strict, as parley asks for it), which the
//! tests check on generated strings and on the samples' text; any other
//! text is left to ICU4X.

use crate::script::{TABLED_BELOW, is_arabic_letter, is_han};

/// The line-break classes of the characters taken (UAX #14, `LineBreak.txt`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Letters and most symbols.
    Al,
    /// Digits.
    Nu,
    /// The space.
    Sp,
    /// `,` `.` `:` `;`
    Is,
    /// `!` `?`
    Ex,
    /// `(` `[` `{`
    Op,
    /// Full-width and wide opening brackets: `（` `《` `「` …, which rule
    /// LB30 does not keep with a letter or digit before them.
    Ow,
    /// `)` `]`
    Cp,
    /// `}`
    Cl,
    /// `"` `'`
    Qu,
    /// `-`
    Hy,
    /// `/`
    Sy,
    /// `%`
    Po,
    /// `$` `+` `\`
    Pr,
    /// `|` and the en dash.
    Ba,
    /// No-break spaces.
    Gl,
    /// The ellipsis.
    In,
    /// The em dash.
    B2,
    /// Opening quotation marks: `“` `‘` `«`.
    Pi,
    /// Closing quotation marks: `”` `’` `»`.
    Pf,
    /// Ideographs.
    Id,
    /// Full-width colon and semicolon, which a line does not start with.
    Ns,
}

/// The class of `c`, or `None` for a character left to ICU4X: a load for
/// the alphabets below U+0530, inline in the loop over the text; the rest
/// out of line, so that the loop stays small.
#[inline(always)]
fn class(c: char) -> Option<Class> {
    match BELOW_0530.get(c as usize) {
        Some(&class) => class,
        None => class_beyond_table(c),
    }
}

/// [`non_ascii_class`] of a character beyond the table, called rarely in
/// Latin and Cyrillic prose (quotation marks, dashes).
#[inline(never)]
fn class_beyond_table(c: char) -> Option<Class> {
    non_ascii_class(c)
}

/// The classes of ASCII, Latin and Cyrillic (below U+0530, where the
/// layout's scripts are looked up too), looked up: a letter is a load, not
/// a search.
const BELOW_0530: [Option<Class>; TABLED_BELOW] = {
    let mut table = [None; TABLED_BELOW];
    let mut code = 0;
    while code < TABLED_BELOW {
        table[code] = match char::from_u32(code as u32) {
            Some(c) if c.is_ascii() => ascii_class(code as u8),
            Some(c) => non_ascii_class(c),
            None => None,
        };
        code += 1;
    }
    table
};

/// The class of an ASCII character; controls, tab and line ends are left
/// to ICU4X.
const fn ascii_class(byte: u8) -> Option<Class> {
    use Class::*;
    Some(match byte {
        b'a'..=b'z' | b'A'..=b'Z' => Al,
        b'0'..=b'9' => Nu,
        b' ' => Sp,
        b',' | b'.' | b':' | b';' => Is,
        b'!' | b'?' => Ex,
        b'(' | b'[' | b'{' => Op,
        b')' | b']' => Cp,
        b'}' => Cl,
        b'"' | b'\'' => Qu,
        b'-' => Hy,
        b'/' => Sy,
        b'%' => Po,
        b'$' | b'+' | b'\\' => Pr,
        b'|' => Ba,
        b'#' | b'&' | b'*' | b'<' | b'=' | b'>' | b'@' | b'^' | b'_' | b'`' | b'~' => Al,
        _ => return None,
    })
}

/// The class of a character beyond ASCII that is taken.
const fn non_ascii_class(c: char) -> Option<Class> {
    use Class::*;
    Some(match c {
        // Letters of Latin-1, Latin Extended-A and Cyrillic (its
        // combining marks, U+0483–U+0489, are not letters).
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ſ' | 'Ѐ'..='҂' | 'Ҋ'..='ӿ' => Al,
        // Ordinal indicators (`35º`, `1ª`) and the section sign, which
        // ICU4X resolves from ambiguous to alphabetic.
        'ª' | 'º' | '§' => Al,
        '°' => Po,
        '€' => Pr,
        '¡' | '¿' => Op,
        '\u{A0}' | '\u{202F}' | '\u{2011}' => Gl,
        '…' => In,
        '–' => Ba,
        '—' => B2,
        '“' | '‘' | '«' => Pi,
        '”' | '’' | '»' => Pf,
        // Arabic letters without marks, the tatweel and the five-pointed
        // star; Arabic-Indic digits with their decimal and thousands
        // separators; the Arabic comma, semicolon, question mark and
        // percent sign.
        c if is_arabic_letter(c) => Al,
        '\u{640}' | '\u{66D}' => Al,
        '\u{660}'..='\u{669}' | '\u{66B}' | '\u{66C}' => Nu,
        '\u{60C}' => Is,
        '\u{61B}' | '\u{61F}' => Ex,
        '\u{66A}' => Po,
        c if is_han(c) => Id,
        '\u{3007}' => Id,
        '，' | '。' | '、' | '）' | '．' | '》' | '」' | '』' | '】' | '〕' | '〉' => Cl,
        '（' | '《' | '「' | '『' | '【' | '〔' | '〈' => Ow,
        '：' | '；' => Ns,
        '？' | '！' => Ex,
        '％' => Po,
        _ => return None,
    })
}

/// The positions where a line may break in `text`, as ICU4X's line
/// segmenter gives them (0 and the text's length included), or `None`
/// if `text` has a character [`class`] leaves to ICU4X.
pub(super) fn prose_breaks(text: &str) -> Option<Vec<usize>> {
    use Class::*;
    let mut breaks = Vec::with_capacity(text.len() / 4 + 2);
    breaks.push(0);
    let mut chars = text.char_indices();
    // The next character's place and class: `Some(None)` at the end,
    // `None` at a character left to ICU4X.
    let mut step = || match chars.next() {
        Some((at, c)) => Some(Some((at, class(c)?))),
        None => Some(None),
    };
    let Some((_, mut a)) = step()? else {
        return Some(breaks);
    };
    let mut next = step()?;
    // The class before `a`; the last class before the current position
    // that is not a space, and whether it is an opening quotation mark
    // LB15a keeps with what follows it.
    let mut before_a = None;
    let mut before_spaces = None;
    let mut quote_opens = false;
    while let Some((at, b)) = next {
        next = step()?;
        if a != Sp {
            before_spaces = Some(a);
            quote_opens =
                a == Pi && matches!(before_a, None | Some(Op | Ow | Qu | Pi | Pf | Gl | Sp));
        }
        let around = Around {
            before_spaces,
            quote_opens,
            after: next.map(|(_, k)| k),
        };
        if allowed(a, b, around) {
            breaks.push(at);
        }
        (before_a, a) = (Some(a), b);
    }
    breaks.push(text.len());
    Some(breaks)
}

/// What the rules look at besides the pair of classes.
#[derive(Clone, Copy)]
struct Around {
    /// The last class before the pair's second that is not a space.
    before_spaces: Option<Class>,
    /// That class is an opening quotation mark at the start of the text or
    /// after a space, a bracket, a quotation mark or a no-break space.
    quote_opens: bool,
    /// The class after the pair (`None`: the text ends).
    after: Option<Class>,
}

/// Whether a line may break between a character of class `a` and one of
/// class `b`: UAX #14's rules LB7 to LB31 in their order, for these
/// classes, as ICU4X 2.4 applies them, which the tests compare: LB25 as
/// its pairs, and neither LB15 (`QU SP* × OP`) nor Unicode 15.1's LB15c–d
/// and LB20a.
fn allowed(a: Class, b: Class, around: Around) -> bool {
    use Class::*;
    match (a, b) {
        // LB28, taken first: most pairs of prose are two letters, and no
        // rule before it lets a line break between them.
        (Al, Al) => false,
        // LB7: not before a space.
        (_, Sp) => false,
        // LB12, LB12a: not after a no-break space, nor before one but
        // after a space or a hyphen.
        (Gl, _) => false,
        (a, Gl) if !matches!(a, Sp | Ba | Hy) => false,
        // LB13: not before `]` `)` `}` `!` `?` `,` `.` `:` `;` `/`.
        (_, Cl | Cp | Ex | Is | Sy) => false,
        // LB14: not after `(` `[` `{`, spaces between or not.
        _ if matches!(around.before_spaces, Some(Op | Ow)) => false,
        // LB15a: not after an opening quotation mark that opens.
        _ if around.quote_opens => false,
        // LB15b: not before a closing one that closes.
        (_, Pf)
            if matches!(
                around.after,
                None | Some(Sp | Gl | Cl | Qu | Pi | Pf | Cp | Ex | Is | Sy)
            ) =>
        {
            false
        }
        // LB16: not before `：` `；` after a closing bracket, spaces
        // between or not.
        (_, Ns) if matches!(around.before_spaces, Some(Cl | Cp)) => false,
        // LB17: not between em dashes, spaces between or not.
        (_, B2) if around.before_spaces == Some(B2) => false,
        // LB18: after spaces.
        (Sp, _) => true,
        // LB19: not before or after a quotation mark.
        (Qu | Pi | Pf, _) | (_, Qu | Pi | Pf) => false,
        // LB21: not before `|`, `-`, an en dash, `：` or `；`.
        (_, Ba | Hy | Ns) => false,
        // LB22: not before an ellipsis.
        (_, In) => false,
        // LB23: letters and digits together.
        (Al, Nu) | (Nu, Al) => false,
        // LB23a: prefixes before ideographs, postfixes after them.
        (Pr, Id) | (Id, Po) => false,
        // LB24: prefixes and postfixes beside letters.
        (Pr | Po, Al) | (Al, Pr | Po) => false,
        // LB25 (its pairs): inside numbers.
        (Cl | Cp | Nu, Po | Pr) | (Po | Pr, Op | Ow) | (Po | Pr | Hy | Is | Nu | Sy, Nu) => false,
        // LB29: `.` `,` before letters.
        (Is, Al) => false,
        // LB30: letters and digits before `(`, after `)` (not before a
        // full-width bracket).
        (Al | Nu, Op) | (Cp, Al | Nu) => false,
        // LB31: anywhere else.
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::PseudoRandom;
    use super::super::breaks::icu_breaks;
    use super::*;

    fn same_as_icu(text: &str) {
        assert_eq!(prose_breaks(text), Some(icu_breaks(text)), "{text:?}");
    }

    #[test]
    fn every_printable_character_has_a_class_and_nothing_else_does() {
        for byte in 0..=127u8 {
            let c = char::from(byte);
            assert_eq!(
                class(c).is_some(),
                (0x20..0x7F).contains(&byte),
                "{byte:#x}"
            );
        }
        assert_eq!(prose_breaks("tab\there"), None);
        assert_eq!(prose_breaks("line\nend"), None);
        assert_eq!(prose_breaks("combining \u{301}"), None);
        assert_eq!(prose_breaks("カタカナ"), None);
        assert_eq!(prose_breaks("مُحَمَّد"), None);
    }

    #[test]
    fn breaks_are_icu4x_breaks_in_report_text() {
        for text in [
            "",
            "a",
            " ",
            "The Secretary-General (A/80/604/Add.1) reported on 12.5 per cent.",
            "See paras. 3-5, 7 and 9; total: $1,250.75 (about 30%).",
            "e-mail -based -5 x - y x -y \"quoted\" 'single' it's (a) [b] {c}",
            " .5 ,5 a.5 5.a 1/2 1/a a/1 (1) (a) ($5) $(5) $(.5) 5)% 5]$ 5}%",
            "100% 100 % +1 +a \\x |a a| a|b ! ? a! (a)! ((a)) ...",
            "A/RES/79/1, E/CN.6/2025/L.1 and S/2025/123.",
            "cost-effectiveness; 2024-2025; 2,884 pages; 0.5 ms; 3.14%",
            "#1 &c *note <tag> a=b @user ^x _y `z` ~w",
            "يرحب الأمين العام بالقرار A/RES/78/123، ويلاحظ (انظر الفقرة 12 (أ))؛ ١٢٣٫٥ ٪ «نص»؟",
            "秘书长欢迎大会通过第A/RES/78/123号决议，并注意到：2024年，数字公共基础设施（包括身份识别、支付和数据交换系统）在“全球数字契约”框架下取得进展；《报告》30％！",
        ] {
            same_as_icu(text);
        }
    }

    #[test]
    fn breaks_are_icu4x_breaks_in_the_samples() {
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut checked = 0;
        for entry in std::fs::read_dir(&samples).expect("samples") {
            let path = entry.expect("sample").path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for line in text.lines() {
                if let Some(breaks) = prose_breaks(line) {
                    assert_eq!(breaks, icu_breaks(line), "{}: {line:?}", path.display());
                    checked += usize::from(!line.trim().is_empty());
                }
            }
        }
        assert!(checked > 450, "only {checked} lines of prose taken");
    }

    #[test]
    fn breaks_are_icu4x_breaks_in_any_prose() {
        // Every printable ASCII character, Latin and Cyrillic letters and
        // the punctuation taken, weighted towards those of prose, then
        // towards brackets, quotes and signs, then towards quotation marks,
        // dashes and spaces, in pseudo-random strings from a fixed seed.
        // (Run with 2 million strings of each when written, and with
        // 700,000 of each when `º` `ª` `§` `°` `€` `¡` `¿` and the no-break
        // hyphen joined, and with a million of each when Arabic joined and
        // when Chinese did: the same breaks.)
        let prose: Vec<char> = "aaaaeeetnos  19.,-()/%$'\"éàçñ’–—…«»“”\u{A0}ºª§°€¡¿\u{2011}"
            .chars()
            .collect();
        let signs: Vec<char> =
            "  ((()))[]{}''\"\"--//%%$$++.,;:!?|\\1aя–—…«»“”‘’\u{A0}\u{202F}º§°€¡¿\u{2011}،؛؟٪٫٬١ـب，。、）．》」』】〕〉（《「『【〔〈：；？！％中文"
                .chars()
                .collect();
        let letters: Vec<char> = ('À'..='ſ')
            .chain('Ѐ'..='ӿ')
            .chain('\u{600}'..='\u{6FF}')
            .chain("秘书长欢迎大会通过决议〇".chars())
            .filter(|&c| class(c).is_some())
            .collect();
        let mut random = PseudoRandom::new(0x2545_F491_4F6C_DD1D);
        let mut next = move |n: usize| random.below(n);
        let quotes: Vec<char> = "  “”‘’«»\"' \u{A0}\u{202F}–—…(a)1.-中文（）。"
            .chars()
            .collect();
        for common in [&prose, &signs, &quotes] {
            for _ in 0..100_000 {
                let len = 1 + next(30);
                let text: String = (0..len)
                    .map(|_| match next(6) {
                        0 | 1 => char::from(0x20 + next(0x5F) as u8),
                        2 => letters[next(letters.len())],
                        _ => common[next(common.len())],
                    })
                    .collect();
                same_as_icu(&text);
            }
        }
    }
}
