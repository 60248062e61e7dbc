//! Decoding a text source to a string: UTF-8 or UTF-16 with a byte order
//! mark, line ends normalised; binary, invalid and empty input refused with
//! a diagnostic that says where. Text-based readers decode; readers of
//! binary formats (Word files) never do.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Span;

/// Decodes a source to text: UTF-8 (a byte order mark is dropped) or UTF-16
/// with a byte order mark; line ends become `\n`. Binary input, invalid
/// UTF-8 and empty input are refused with a diagnostic that says where.
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(rest, u16::from_be_bytes)?
    } else {
        let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        utf8(bytes)?.to_string()
    };
    checked(text)
}

/// [`decode`], of bytes the caller gives up: UTF-8 without a byte order
/// mark, nearly every source, becomes the text where it lies. Copying it
/// was 2 % of validating 100 reports, with a large allocation for each.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let marked = [UTF8_BOM, &[0xFF, 0xFE], &[0xFE, 0xFF]];
    if marked.iter().any(|mark| bytes.starts_with(mark)) {
        return decode(&bytes);
    }
    utf8(&bytes)?;
    // SAFETY: `utf8` has just found `bytes` to be UTF-8 (std's own check,
    // `String::from_utf8`, takes eight times as long on Arabic and Chinese
    // text as the vectorised one `utf8` makes).
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    checked(text)
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// `bytes` as UTF-8, or where they stop being it.
fn utf8(bytes: &[u8]) -> Result<&str, Diagnostic> {
    // The vectorised check first; std's finds where invalid input fails.
    simdutf8::basic::from_utf8(bytes)
        .or_else(|_| std::str::from_utf8(bytes))
        .map_err(|e| {
            let at = e.valid_up_to();
            let span = span_of_offset(&String::from_utf8_lossy(&bytes[..at]), at);
            Diagnostic::new(
                Code::NotText,
                span,
                format!(
                    "invalid UTF-8 at byte {at} (0x{:02X}): save the file as UTF-8",
                    bytes[at]
                ),
            )
        })
}

/// `text` with its line ends made `\n`, unless it is binary or empty.
fn checked(text: String) -> Result<String, Diagnostic> {
    // memchr's vectorised searches: std's `find` and `contains` with a
    // `char` went a word at a time, half of decoding's instructions.
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(Diagnostic::new(
            Code::NotText,
            span_of_offset(&text, at),
            "NUL byte in the input: this looks like a binary file, not a report source",
        ));
    }
    if text.trim().is_empty() {
        return Err(Diagnostic::new(
            Code::Empty,
            Span::default(),
            "the file is empty: there is no document to read",
        ));
    }
    Ok(if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, Diagnostic> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Diagnostic::new(
            Code::NotText,
            Span::default(),
            "UTF-16 input with an odd number of bytes",
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|e| {
            Diagnostic::new(
                Code::NotText,
                Span::default(),
                format!(
                    "invalid UTF-16: unpaired surrogate 0x{:04X}",
                    e.unpaired_surrogate()
                ),
            )
        })
}

/// The first `max` bytes of `s` (fewer, to end on a character boundary):
/// searches for closing marks look no further, which keeps hostile input linear.
pub(crate) fn window(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Line and column (in characters, 1-based) of byte `offset` in `text`.
pub fn span_of_offset(text: &str, offset: usize) -> Span {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u32
        + 1;
    Span::new(line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_bom_and_crlf() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
    }

    /// Bytes given up decode as borrowed ones do, the text where the bytes
    /// lay when nothing changes, and the same refusals where they fail.
    #[test]
    fn bytes_given_up_decode_alike_in_place() {
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "联合国\r\n".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let report = "تقرير — Доклад 秘书长 résumé\n".repeat(300).into_bytes();
        let mut late_bad = report.clone();
        late_bad.insert(5_000, 0xE6);
        let cases: Vec<Vec<u8>> = vec![
            report.clone(),
            b"\xEF\xBB\xBFa\r\nb\rc".to_vec(),
            utf16,
            b"a\r\nb".to_vec(),
            late_bad,
            b"ab\0c".to_vec(),
            b" \n\t".to_vec(),
            Vec::new(),
            vec![0xFF, 0xFE, 0x41],
        ];
        for bytes in cases {
            let expected = decode(&bytes);
            assert_eq!(decode_owned(bytes.clone()), expected, "{bytes:?}");
        }
        let at = report.as_ptr();
        let text = decode_owned(report).expect("text");
        assert_eq!(text.as_ptr(), at, "decoded where it lay");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "联合国\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), "联合国\n");
    }

    #[test]
    fn long_non_ascii_text_decodes_and_a_late_bad_byte_is_found_where_it_is() {
        let line = "تقرير الأمين العام — Доклад 秘书长的报告 résumé\n";
        let text = line.repeat(200);
        assert_eq!(decode(text.as_bytes()).unwrap(), text);
        let mut bytes = text.clone().into_bytes();
        // A lead byte with no continuation after it, on line 151 after
        // `تقرير ` (six characters): column 7.
        let at = line.len() * 150 + "تقرير ".len();
        bytes.insert(at, 0xE6);
        let bad = decode(&bytes).unwrap_err();
        assert_eq!((bad.code, bad.span), (Code::NotText, Span::new(151, 7)));
        assert!(
            bad.message.contains(&format!("byte {at} ")),
            "{}",
            bad.message
        );
    }

    #[test]
    fn refuses_binary_invalid_and_empty_input() {
        let bad = decode(b"line one\nab\xFFcd").unwrap_err();
        assert_eq!((bad.code, bad.span), (Code::NotText, Span::new(2, 3)));
        assert_eq!(decode(b"abc\0def").unwrap_err().code, Code::NotText);
        assert_eq!(decode(b" \n\t\n").unwrap_err().code, Code::Empty);
        assert_eq!(decode(b"").unwrap_err().code, Code::Empty);
    }
}
