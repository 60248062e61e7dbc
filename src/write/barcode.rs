//! The codes printed in the first-page footer of UN documents: the Code 39
//! barcode of the job number (`26-04887 (E)` → bars of `*2604887*`) and the
//! QR code of the document's address, with the recycling mark beside it.
//! Writers draw them themselves, where the page template says
//! ([`super::page::codes`]): vector rectangles in PDF, pictures in DOCX.

/// The recycling mark's words beside the QR code, in English in every
/// language as on the official files.
pub const RECYCLING_WORDS: &str = "Please recycle";
/// The recycling mark's symbol (U+2672; the PDF writer draws it from the
/// bundled Noto Serif SC).
pub const RECYCLING_SYMBOL: &str = "\u{2672}";

/// Width of a wide element in narrow units (Code 39 allows 2–3).
pub const WIDE: u32 = 3;

/// A bar: its left edge and width, in narrow-module units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// Left edge, in modules from the start of the code.
    pub x: u32,
    /// Width in modules (1 or [`WIDE`]).
    pub width: u32,
}

/// The bars of a Code 39 symbol for `data`, and its total width in modules.
/// `data` holds the characters between the `*` start/stop marks; `None` if a
/// character cannot be encoded.
pub fn code39(data: &str) -> Option<(Vec<Bar>, u32)> {
    let mut bars = Vec::new();
    let mut x = 0;
    let text = format!("*{data}*");
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            x += 1; // narrow inter-character gap
        }
        let pattern = pattern(c)?;
        for (j, element) in pattern.bytes().enumerate() {
            let width = if element == b'w' { WIDE } else { 1 };
            if j % 2 == 0 {
                bars.push(Bar { x, width });
            }
            x += width;
        }
    }
    Some((bars, x))
}

/// Bars (b) and spaces (s) alternate b s b s b s b s b; `w` is wide, `n` narrow.
fn pattern(c: char) -> Option<&'static str> {
    const TABLE: [(char, &str); 44] = [
        ('0', "nnnwwnwnn"),
        ('1', "wnnwnnnnw"),
        ('2', "nnwwnnnnw"),
        ('3', "wnwwnnnnn"),
        ('4', "nnnwwnnnw"),
        ('5', "wnnwwnnnn"),
        ('6', "nnwwwnnnn"),
        ('7', "nnnwnnwnw"),
        ('8', "wnnwnnwnn"),
        ('9', "nnwwnnwnn"),
        ('A', "wnnnnwnnw"),
        ('B', "nnwnnwnnw"),
        ('C', "wnwnnwnnn"),
        ('D', "nnnnwwnnw"),
        ('E', "wnnnwwnnn"),
        ('F', "nnwnwwnnn"),
        ('G', "nnnnnwwnw"),
        ('H', "wnnnnwwnn"),
        ('I', "nnwnnwwnn"),
        ('J', "nnnnwwwnn"),
        ('K', "wnnnnnnww"),
        ('L', "nnwnnnnww"),
        ('M', "wnwnnnnwn"),
        ('N', "nnnnwnnww"),
        ('O', "wnnnwnnwn"),
        ('P', "nnwnwnnwn"),
        ('Q', "nnnnnnwww"),
        ('R', "wnnnnnwwn"),
        ('S', "nnwnnnwwn"),
        ('T', "nnnnwnwwn"),
        ('U', "wwnnnnnnw"),
        ('V', "nwwnnnnnw"),
        ('W', "wwwnnnnnn"),
        ('X', "nwnnwnnnw"),
        ('Y', "wwnnwnnnn"),
        ('Z', "nwwnwnnnn"),
        ('-', "nwnnnnwnw"),
        ('.', "wwnnnnwnn"),
        (' ', "nwwnnnwnn"),
        ('$', "nwnwnwnnn"),
        ('/', "nwnwnnnwn"),
        ('+', "nwnnnwnwn"),
        ('%', "nnnwnwnwn"),
        ('*', "nwnnwnwnn"),
    ];
    TABLE.iter().find(|(k, _)| *k == c).map(|(_, p)| *p)
}

/// The digits a job number's barcode encodes: `26-04887 (E)` → `2604887`,
/// `V.23-18588 (C)` → `2318588`.
pub fn job_barcode_data(job_number: &str) -> String {
    let core = job_number.split('(').next().unwrap_or(job_number);
    core.chars().filter(char::is_ascii_digit).collect()
}

/// The short job number printed in running footers: `26-04887 (E)` → `26-04887`.
pub fn short_job_number(job_number: &str) -> &str {
    job_number.split('(').next().unwrap_or(job_number).trim()
}

/// A QR code: `size` × `size` modules, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    /// Modules per side (the quiet zone around it is the writer's to leave).
    pub size: u32,
    dark: Vec<bool>,
}

impl QrCode {
    /// Whether the module in `column` of `row` is dark (outside is light).
    pub fn is_dark(&self, column: u32, row: u32) -> bool {
        column < self.size && row < self.size && self.dark[(row * self.size + column) as usize]
    }

    /// The dark stretches of each row: (row, first column, length), top row
    /// first, so a writer draws one rectangle per stretch.
    pub fn runs(&self) -> impl Iterator<Item = (u32, u32, u32)> + '_ {
        let size = self.size as usize;
        self.dark
            .chunks(size.max(1))
            .enumerate()
            .flat_map(|(y, row)| {
                let mut runs = Vec::new();
                let mut x = 0;
                while x < row.len() {
                    if row[x] {
                        let start = x;
                        while x < row.len() && row[x] {
                            x += 1;
                        }
                        runs.push((y as u32, start as u32, (x - start) as u32));
                    } else {
                        x += 1;
                    }
                }
                runs
            })
    }
}

/// The QR code of `data` at error-correction level M, as on UN documents,
/// with the mask of least penalty; `None` if `data` is too long for any QR
/// version.
pub fn qr(data: &str) -> Option<QrCode> {
    let code = fast_qr::QRBuilder::new(data)
        .ecl(fast_qr::ECL::M)
        .build()
        .ok()?;
    let size = u32::try_from(code.size).ok()?;
    let dark = code.data[..code.size * code.size]
        .iter()
        .map(|m| m.value())
        .collect();
    Some(QrCode { size, dark })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_has_three_wide_elements_of_nine() {
        for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. *".chars() {
            let p = pattern(c).unwrap();
            assert_eq!(p.len(), 9);
            assert_eq!(p.matches('w').count(), 3, "{c}");
        }
    }

    #[test]
    fn job_number_symbol() {
        assert_eq!(job_barcode_data("26-04887 (E)"), "2604887");
        assert_eq!(job_barcode_data("V.23-18588 (C)"), "2318588");
        assert_eq!(short_job_number("26-04887 (E)"), "26-04887");
        let (bars, width) = code39("2604887").unwrap();
        // 9 characters with * marks, 5 bars each; 12 + 3·3 modules each plus 8 gaps.
        assert_eq!(bars.len(), 45);
        assert_eq!(width, 9 * (6 + 3 * WIDE) + 8);
        assert!(code39("ab").is_none());
    }

    #[test]
    fn qr_runs_cover_exactly_the_dark_modules() {
        let code = qr("https://docs.un.org/en/A/80/604/Add.1").unwrap();
        // 38 bytes at level M need version 3: 29 modules a side.
        assert_eq!(code.size, 29);
        let mut seen = vec![false; (code.size * code.size) as usize];
        for (y, x, len) in code.runs() {
            assert!(len > 0 && x + len <= code.size);
            for i in x..x + len {
                seen[(y * code.size + i) as usize] = true;
            }
        }
        assert_eq!(seen, code.dark);
        // The three finder patterns: a dark 7-module top row at three corners.
        assert!(code.runs().any(|r| r == (0, 0, 7)));
        assert!(code.runs().any(|r| r == (0, code.size - 7, 7)));
        assert!(code.runs().any(|r| r == (code.size - 1, 0, 7)));
        // The always-dark module sits in column 8, eight rows from the foot.
        assert!(code.is_dark(8, code.size - 8));
    }

    #[test]
    fn qr_refuses_data_too_long() {
        assert!(qr(&"x".repeat(5000)).is_none());
    }
}
