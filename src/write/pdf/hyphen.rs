//! Hyphenation points: where a long word may be split at a line end, from
//! the `hypher` patterns of the language. The text itself is left alone;
//! the layout adapter offers these points to the line breaker and draws a
//! visible hyphen where a line ends at one.

use std::cell::RefCell;

use foldhash::HashMap;

/// Words shorter than this (in characters) are never hyphenated.
const MIN_WORD: usize = 6;
/// Words longer than this (bytes) are no words of a language (checksums,
/// runs of one letter): never hyphenated nor kept in the cache; a line
/// too narrow for one breaks it as the last resort.
const MAX_WORD: usize = 100;

/// Syllable lengths (bytes) of words hyphenated on this thread, one map a
/// language, looked up by the word itself (no copy): the same words come
/// back again and again. A word's lookup is on the hot path of the PDF's
/// text: the maps hash with foldhash (fast, and seeded per process, as the
/// words come from the input), and the few languages are a list.
type Cache = Vec<(u8, HashMap<String, Vec<u8>>)>;

thread_local! {
    static CACHE: RefCell<Cache> = const { RefCell::new(Vec::new()) };
}

/// Entries kept before the cache starts afresh.
const CACHE_LIMIT: usize = 50_000;

/// Appends to `points` the byte offsets (from `base`) inside the words of
/// `text` where a hyphen may break them.
pub fn hyphenation_points(text: &str, base: usize, lang: hypher::Lang, points: &mut Vec<usize>) {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let words = language_words(&mut cache, lang);
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (crate::script::is_letter(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    word_points(words, &text[s..i], base + s, lang, points);
                    start = None;
                }
                _ => {}
            }
        }
    });
}

/// The cached words of `lang`, found once a text rather than once a word.
fn language_words(cache: &mut Cache, lang: hypher::Lang) -> &mut HashMap<String, Vec<u8>> {
    let key = lang as u8;
    let at = match cache.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            cache.push((key, HashMap::default()));
            cache.len() - 1
        }
    };
    &mut cache[at].1
}

fn word_points(
    words: &mut HashMap<String, Vec<u8>>,
    word: &str,
    base: usize,
    lang: hypher::Lang,
    points: &mut Vec<usize>,
) {
    // Acronyms and mixed-case names (UNDOF, eGovernment) are left whole.
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    if inner_capital || word.len() > MAX_WORD || word.chars().nth(MIN_WORD - 1).is_none() {
        return;
    }
    if let Some(lengths) = words.get(word) {
        push_points(lengths, base, points);
        return;
    }
    let lengths: Vec<u8> = hypher::hyphenate(word, lang)
        .map(|s| u8::try_from(s.len()).unwrap_or(u8::MAX))
        .collect();
    push_points(&lengths, base, points);
    if words.len() >= CACHE_LIMIT {
        words.clear();
    }
    words.insert(word.to_string(), lengths);
}

/// Appends the points between a word's syllables of `lengths` bytes, the
/// word starting at `base`.
fn push_points(lengths: &[u8], base: usize, points: &mut Vec<usize>) {
    let mut at = base;
    for len in &lengths[..lengths.len().saturating_sub(1)] {
        at += usize::from(*len);
        points.push(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_get_break_points_and_short_ones_do_not() {
        let text = "the infrastructure of UNDOF";
        let mut points = Vec::new();
        hyphenation_points(text, 10, hypher::Lang::English, &mut points);
        assert!(!points.is_empty());
        for p in &points {
            let at = p - 10;
            assert!(at > 4 && at < 18, "inside infrastructure: {at}");
            assert!(text.is_char_boundary(at));
        }
        let split: Vec<&str> = points
            .iter()
            .scan(4, |prev, p| {
                let s = &text[*prev..p - 10];
                *prev = p - 10;
                Some(s)
            })
            .collect();
        assert_eq!(split.first(), Some(&"in"));
    }
}
