//! Where a line may break in text of printable ASCII, by UAX #14's rules
//! for the classes ASCII has, without ICU4X's per-character lookups and
//! state machine. It gives the positions ICU4X's line segmenter gives
//! (strict, as parley asks for it), which the tests check on generated
//! strings and on the samples' text; any other text is left to ICU4X.

/// The line-break classes of printable ASCII (UAX #14, `LineBreak.txt`).
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
    /// `|`
    Ba,
}

/// The class of `byte`, or `None` outside printable ASCII (controls, tab,
/// line ends and anything not ASCII are left to ICU4X).
fn class(byte: u8) -> Option<Class> {
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

/// The positions where a line may break in `text`, as ICU4X's line
/// segmenter gives them (0 and the text's length included), or `None`
/// if `text` has a character other than printable ASCII.
pub(super) fn ascii_breaks(text: &str) -> Option<Vec<usize>> {
    let classes: Vec<Class> = text.bytes().map(class).collect::<Option<_>>()?;
    let mut breaks = Vec::with_capacity(text.len() / 4 + 2);
    breaks.push(0);
    // The last class before the current position that is not a space.
    let mut before_spaces = None;
    for (i, pair) in classes.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        if a != Class::Sp {
            before_spaces = Some(a);
        }
        if allowed(a, b, before_spaces) {
            breaks.push(i + 1);
        }
    }
    if !text.is_empty() {
        breaks.push(text.len());
    }
    Some(breaks)
}

/// Whether a line may break between a character of class `a` and one of
/// class `b`, `before_spaces` being the last class before `b` that is not
/// a space: UAX #14's rules LB7 to LB31 in their order, for the classes of
/// printable ASCII, as ICU4X 2.4 applies them, which the tests compare:
/// LB25 as its pairs, and neither LB15 (`QU SP* × OP`) nor Unicode 15.1's
/// LB15c–d and LB20a.
fn allowed(a: Class, b: Class, before_spaces: Option<Class>) -> bool {
    use Class::*;
    match (a, b) {
        // LB7: not before a space.
        (_, Sp) => false,
        // LB13: not before `]` `)` `}` `!` `?` `,` `.` `:` `;` `/`.
        (_, Cl | Cp | Ex | Is | Sy) => false,
        // LB14: not after `(` `[` `{`, spaces between or not.
        _ if before_spaces == Some(Op) => false,
        // LB18: after spaces.
        (Sp, _) => true,
        // LB19: not before or after a quotation mark.
        (Qu, _) | (_, Qu) => false,
        // LB21: not before `|` or `-`.
        (_, Ba | Hy) => false,
        // LB23: letters and digits together.
        (Al, Nu) | (Nu, Al) => false,
        // LB24: prefixes and postfixes beside letters.
        (Pr | Po, Al) | (Al, Pr | Po) => false,
        // LB25 (its pairs): inside numbers.
        (Cl | Cp | Nu, Po | Pr) | (Po | Pr, Op) | (Po | Pr | Hy | Is | Nu | Sy, Nu) => false,
        // LB28: letters together.
        (Al, Al) => false,
        // LB29: `.` `,` before letters.
        (Is, Al) => false,
        // LB30: letters and digits before `(`, after `)`.
        (Al | Nu, Op) | (Cp, Al | Nu) => false,
        // LB31: anywhere else.
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::breaks::icu_breaks;
    use super::*;

    fn same_as_icu(text: &str) {
        assert_eq!(ascii_breaks(text), Some(icu_breaks(text)), "{text:?}");
    }

    #[test]
    fn every_printable_character_has_a_class_and_nothing_else_does() {
        for byte in 0..=255u8 {
            assert_eq!(
                class(byte).is_some(),
                (0x20..0x7F).contains(&byte),
                "{byte:#x}"
            );
        }
        assert_eq!(ascii_breaks("tab\there"), None);
        assert_eq!(ascii_breaks("line\nend"), None);
        assert_eq!(ascii_breaks("café"), None);
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
                if let Some(breaks) = ascii_breaks(line) {
                    assert_eq!(breaks, icu_breaks(line), "{}: {line:?}", path.display());
                    checked += usize::from(!line.trim().is_empty());
                }
            }
        }
        assert!(
            checked > 300,
            "only {checked} lines of printable ASCII text"
        );
    }

    #[test]
    fn breaks_are_icu4x_breaks_in_any_printable_text() {
        // Every printable character, weighted towards those of prose, then
        // towards brackets, quotes and signs, in pseudo-random strings from
        // a fixed seed. (Run with 3 million strings of each when written:
        // the same breaks.)
        let prose: &[u8] = b"aaaaeeetnos  19.,-()/%$'\"";
        let signs: &[u8] = b"  ((()))[]{}''\"\"--//%%$$++.,;:!?|\\1a";
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for common in [prose, signs] {
            for _ in 0..100_000 {
                let len = 1 + next(30);
                let text: String = (0..len)
                    .map(|_| {
                        if next(3) == 0 {
                            char::from(0x20 + next(0x5F) as u8)
                        } else {
                            char::from(common[next(common.len())])
                        }
                    })
                    .collect();
                same_as_icu(&text);
            }
        }
    }
}
