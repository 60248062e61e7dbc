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
        let mut word: Option<Word> = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (crate::script::is_letter(c), &mut word) {
                (true, None) => {
                    word = Some(Word {
                        start: i,
                        letters: 1,
                        inner_capital: false,
                    })
                }
                (true, Some(w)) => {
                    w.letters += 1;
                    w.inner_capital |= crate::script::is_capital(c);
                }
                (false, Some(w)) => {
                    if w.may_hyphenate(i) {
                        word_points(words, &text[w.start..i], base + w.start, lang, points);
                    }
                    word = None;
                }
                (false, None) => {}
            }
        }
    });
}

/// A word being read: what decides whether it is hyphenated is counted
/// as its letters go by, so that the word is not read again for it.
struct Word {
    start: usize,
    letters: usize,
    /// A capital after the first letter: acronyms and mixed-case names
    /// (UNDOF, eGovernment) are left whole.
    inner_capital: bool,
}

impl Word {
    /// Whether the word ending at byte `end` is one to hyphenate.
    fn may_hyphenate(&self, end: usize) -> bool {
        !self.inner_capital && self.letters >= MIN_WORD && end - self.start <= MAX_WORD
    }
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

    #[test]
    fn acronyms_mixed_case_short_and_overlong_words_stay_whole() {
        let points_in = |text: &str, lang| {
            let mut points = Vec::new();
            hyphenation_points(text, 0, lang, &mut points);
            points
        };
        let english = hypher::Lang::English;
        assert!(!points_in("Government", english).is_empty());
        assert!(!points_in("government", english).is_empty());
        // Words hypher would split, kept whole: a capital inside, all
        // capitals, fewer than six letters.
        for whole in ["eGovernment", "GOVERNMENT", "paper"] {
            let syllables = hypher::hyphenate(&whole.to_lowercase(), english).count();
            assert!(syllables > 1, "{whole}: hypher splits it");
            assert!(points_in(whole, english).is_empty(), "{whole}");
        }
        let overlong = "infrastructure".repeat(8);
        assert!(overlong.len() > MAX_WORD);
        assert!(points_in(&overlong, english).is_empty());
        // Letters are counted, not bytes: Cyrillic takes two bytes a letter.
        let russian = hypher::Lang::Russian;
        assert!(!points_in("инфраструктура", russian).is_empty());
        assert!(points_in("мир", russian).is_empty());
        // Each word of a text on its own, at its own offset.
        let text = "UNDOF infrastructure eGovernment";
        let points = points_in(text, english);
        assert!(!points.is_empty());
        assert!(points.iter().all(|&p| (7..20).contains(&p)), "{points:?}");
    }
}
