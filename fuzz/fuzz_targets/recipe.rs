//! Structured inputs for the reader targets: an input that starts with
//! [`MAGIC`] is a recipe, two bytes a step, that expands into a document a
//! byte-level mutator would seldom reach within `-max_len`: paragraphs of
//! hundreds of emphasised words, words thousands of letters long, elements
//! with more attributes than the reader accepts, elements in foreign or
//! undeclared namespaces, and numbers past `u32::MAX`.
// Each target uses one of the two expansions.
#![allow(dead_code)]

/// First byte of a recipe.
pub const MAGIC: u8 = 0xFF;

/// Largest expansion, so that a run stays fast.
const MAX_LEN: usize = 4 << 20;

/// Paragraph numbers that break the count in each way (the one expected is
/// chosen too).
const NUMBERS: [&str; 6] = ["0", "4294967295", "4294967296", "99999999999999999999", "1", "3"];

/// Letters of the Latin, Cyrillic and Arabic scripts, for long words.
const LETTERS: [char; 3] = ['x', 'ж', 'ب'];

/// The steps of a recipe: (operation, argument) pairs after the magic byte.
pub fn steps(data: &[u8]) -> Option<impl Iterator<Item = (u8, u8)> + '_> {
    let rest = data.strip_prefix(&[MAGIC])?;
    Some(rest.chunks_exact(2).map(|pair| (pair[0], pair[1])))
}

/// Expands a recipe into a UN report text source.
pub fn text(data: &[u8]) -> Option<String> {
    let mut out = String::from(
        "---\nsymbol: A/80/1\n---\nGeneral Assembly\n\nDistr.: General\n4 August 2025\nOriginal: English\n\nTitle\n\nI. One\n\n",
    );
    let mut next = 1u32;
    for (op, arg) in steps(data)? {
        if out.len() > MAX_LEN {
            break;
        }
        let n = usize::from(arg);
        match op % 6 {
            0 => {
                out.push_str(&format!("{next}. "));
                for i in 0..n * 64 {
                    out.push_str(&format!("*w{i}* "));
                }
                out.push_str("\n\n");
                next += 1;
            }
            1 => {
                let letter = LETTERS[n % LETTERS.len()];
                let word: String = std::iter::repeat_n(letter, n * 1024).collect();
                out.push_str(&format!("{next}. {word}\n\n"));
                next += 1;
            }
            2 => {
                let number = NUMBERS.get(n % 7).copied().map_or(next.to_string(), str::to_string);
                out.push_str(&format!("{number}. Text.\n\n"));
                next += 1;
            }
            3 => {
                let label = ["Annex", "Annex I", "Annex II", "Annex III", "Annex MMMM"][n % 5];
                out.push_str(&format!("{label}\n\nAnnex title\n\n"));
            }
            4 => {
                let label = ["II.", "III.", "A.", "B.", "C.", "MMMCMXCIX."][n % 6];
                out.push_str(&format!("{label} Heading\n\n"));
            }
            _ => {
                let piece = ["[^1]", "[A/78/1](#)", " A/80/6 (Sect. 24)", "*", "[", "(a) "][n % 6];
                out.push_str(&format!("{next}. {}\n\n", piece.repeat(n * 16)));
                next += 1;
            }
        }
    }
    Some(out)
}

/// How an element's name is bound to a namespace.
fn qualified(name: &str, how: u8) -> (String, String) {
    match how % 5 {
        0 => (name.to_string(), String::new()),
        1 => (format!("u:{name}"), " xmlns:u=\"urn:undoc:1\"".to_string()),
        2 => (format!("e:{name}"), " xmlns:e=\"urn:evil\"".to_string()),
        3 => (format!("z:{name}"), String::new()),
        _ => (name.to_string(), " xmlns=\"\"".to_string()),
    }
}

/// Expands a recipe into UN XML.
pub fn xml(data: &[u8]) -> Option<String> {
    let mut body = String::new();
    for (op, arg) in steps(data)? {
        if body.len() > MAX_LEN {
            break;
        }
        let n = usize::from(arg);
        match op % 6 {
            0 => {
                let attrs: String = (0..n).map(|i| format!(" a{i}=\"v\"")).collect();
                body.push_str(&format!("<p{attrs}>Text.</p>\n"));
            }
            1 => {
                let name = ["para", "chapter", "p", "emph", "date", "title"][n % 6];
                let (qname, declare) = qualified(name, arg / 6);
                body.push_str(&format!("<{qname}{declare} n=\"1\"><heading>H</heading>Text.</{qname}>\n"));
            }
            2 => {
                let number = NUMBERS[n % NUMBERS.len()];
                body.push_str(&format!("<para n=\"{number}\">Text.</para>\n"));
            }
            3 => {
                let emph = "<emph>w</emph> ".repeat(n * 32);
                body.push_str(&format!("<para n=\"1\">{emph}</para>\n"));
            }
            4 => {
                let number = NUMBERS[n % NUMBERS.len()];
                body.push_str(&format!("</body><annex n=\"{number}\"><heading>A</heading></annex><body>\n"));
            }
            _ => {
                let letter = LETTERS[n % LETTERS.len()];
                let word: String = std::iter::repeat_n(letter, n * 1024).collect();
                body.push_str(&format!("<para n=\"1\">{word}</para>\n"));
            }
        }
    }
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document xmlns=\"urn:undoc:1\" xml:lang=\"en\">\n\
         <masthead><symbol>A/80/1</symbol><organ>General Assembly</organ><distribution>General</distribution>\
         <date>2025-08-04</date><original>en</original></masthead>\n<title>Title</title>\n<body>\n{body}</body>\n</document>\n"
    ))
}
