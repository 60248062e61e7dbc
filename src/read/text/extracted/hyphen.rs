//! Words hyphenated at a line end: `inter-` + `national` is one word,
//! `cost-` + `benefit` a compound that keeps its hyphen. The document's own
//! words decide first (the joined word, or the hyphenated one, written
//! elsewhere in it; both halves standing as words of their own), then the
//! hyphenation dictionary of its language (a break there means the word was
//! split by the typesetter).

use std::collections::HashMap;

use super::pages::Src;
use crate::read::audit::{Action, Decision};

/// The words of a document, to decide hyphen joins by: each kept as a
/// 64-bit hash of its lowercase letters (no allocation per word; a
/// collision among a report's few thousand words is beyond likely).
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// How often each word is written.
    words: HashMap<u64, u32>,
    /// Each compound written with one hyphen (`Secretary-General`), keyed
    /// by its letters without the hyphen: how often, and after how many
    /// characters the hyphen stands.
    compounds: HashMap<u64, (u32, usize)>,
    lang: Option<hypher::Lang>,
}

/// Prefixes that keep their hyphen in UN English and French (`non-`, `self-`).
const HYPHEN_PREFIXES: &[&str] = &[
    "non", "self", "cross", "ex", "quasi", "auto", "co", "sous", "demi",
];

impl Vocabulary {
    /// Collects the words of `lines`, leaving out the halves of words
    /// hyphenated at a line end (they are what is to be decided): a line's
    /// last word before its hyphen and the next line's first word. Other
    /// lines' first words count (a table note's `Condenas firmes …` is
    /// what tells `Condenasa` in the header for `Condenas` and a mark).
    pub fn new(lines: &[Src]) -> Self {
        let mut words = HashMap::new();
        let mut compounds = HashMap::new();
        let mut after_hyphen = false;
        for line in lines.iter().filter(|l| !l.is_blank()) {
            let t = line.trimmed();
            let mut tokens = t.split(super::pages::is_space).peekable();
            if after_hyphen {
                tokens.next();
            }
            after_hyphen = false;
            while let Some(token) = tokens.next() {
                let is_last = tokens.peek().is_none();
                if is_last && token.ends_with('-') {
                    after_hyphen = true;
                    continue;
                }
                add(&mut words, token);
                add_compound(&mut compounds, token);
            }
        }
        let lang = detect(lines);
        Vocabulary {
            words,
            compounds,
            lang,
        }
    }

    /// Puts back the hyphen of compounds that pdftotext's raw reading
    /// joined where a line broke at it (`Secretary-` + `General` read as
    /// `SecretaryGeneral`, `Government-` + `provided` as
    /// `Governmentprovided`): a word the document writes hyphenated at
    /// least as often as whole is given its hyphen back, each one recorded.
    pub fn rehyphenate(&self, lines: &mut [Src], decisions: &mut Vec<Decision>) {
        if self.compounds.is_empty() {
            return;
        }
        for line in lines.iter_mut() {
            let mut inserts: Vec<(usize, String)> = Vec::new();
            for (at, token) in words_at(&line.text) {
                if token.contains('-') {
                    continue;
                }
                let Some(&(hyphenated, after)) = self.compounds.get(&key(token)) else {
                    continue;
                };
                if hyphenated >= self.count(token) {
                    let split = token
                        .char_indices()
                        .nth(after)
                        .map_or(token.len(), |(i, _)| i);
                    let restored = format!("{}-{}", &token[..split], &token[split..]);
                    inserts.push((at + split, restored));
                }
            }
            if inserts.is_empty() {
                continue;
            }
            line.edit(|text| {
                for (at, _) in inserts.iter().rev() {
                    text.insert(*at, '-');
                }
            });
            for (_, restored) in inserts {
                decisions.push(Decision::new(Action::HyphenRestored, line.no, restored));
            }
        }
    }

    /// Whether `left-` at a line end and `right` at the next line's start
    /// are one word (the hyphen dropped).
    pub fn joins(&self, left: &str, right: &str) -> bool {
        let (Some(l), Some(r)) = (left.chars().next_back(), right.chars().next()) else {
            return false;
        };
        if !l.is_alphabetic() || !r.is_lowercase() {
            return false;
        }
        let left_word = last_word(left).to_lowercase();
        let right_word = first_word(right).to_lowercase();
        let joined = format!("{left_word}{right_word}");
        let has = |w: &str| self.has(w);
        if has(&joined) {
            return true;
        }
        if has(&format!("{left_word}-{right_word}"))
            || HYPHEN_PREFIXES.contains(&left_word.as_str())
            || (has(&left_word) && has(&right_word))
        {
            return false;
        }
        self.breaks_at(&joined, left_word.chars().count())
    }

    /// Whether the document writes `word` (any case).
    pub fn has(&self, word: &str) -> bool {
        self.count(word) > 0
    }

    /// How many times the document writes `word` (any case).
    pub fn count(&self, word: &str) -> u32 {
        self.words.get(&key(word)).copied().unwrap_or(0)
    }

    /// Whether the dictionary hyphenates `word` after `at` characters.
    fn breaks_at(&self, word: &str, at: usize) -> bool {
        let Some(lang) = self.lang else { return false };
        let mut count = 0;
        for syllable in hypher::hyphenate(word, lang) {
            count += syllable.chars().count();
            if count == at {
                return true;
            }
            if count > at {
                return false;
            }
        }
        false
    }
}

fn add(words: &mut HashMap<u64, u32>, token: &str) {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    if token.is_empty() || !token.chars().any(char::is_alphabetic) {
        return;
    }
    if token.contains('-') {
        for part in token.split('-').filter(|p| !p.is_empty()) {
            *words.entry(key(part)).or_default() += 1;
        }
    }
    *words.entry(key(token)).or_default() += 1;
}

/// Notes `token` when it is a compound of two words with one hyphen
/// between letters (`Secretary-General`, `rotary-wing`).
fn add_compound(compounds: &mut HashMap<u64, (u32, usize)>, token: &str) {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((left, right)) = token.split_once('-') else {
        return;
    };
    let word = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic);
    if !word(left) || !word(right) {
        return;
    }
    let joined = key(&format!("{left}{right}"));
    let entry = compounds.entry(joined).or_insert((0, left.chars().count()));
    entry.0 += 1;
}

/// The words of `text` (letters and hyphens), with their byte offsets.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphabetic() || c == '-';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The hash of a word's lowercase letters (FNV-1a).
fn key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The word a line ends with, before its hyphen.
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// The word a line starts with.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    &text[..end]
}

/// The dictionary's language, from the text's letters and commonest words.
fn detect(lines: &[Src]) -> Option<hypher::Lang> {
    let mut counts = [0usize; 4];
    let mut cyrillic = 0usize;
    for line in lines.iter().take(600) {
        for word in line.trimmed().split(' ') {
            match word {
                "the" | "and" | "of" => counts[0] += 1,
                "les" | "des" | "et" | "du" => counts[1] += 1,
                "los" | "las" | "del" | "y" => counts[2] += 1,
                _ => {}
            }
            cyrillic += usize::from(
                word.chars()
                    .next()
                    .is_some_and(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
            );
        }
    }
    counts[3] = cyrillic / 4;
    let best = (0..4).max_by_key(|&i| counts[i])?;
    if counts[best] == 0 {
        return None;
    }
    Some(
        [
            hypher::Lang::English,
            hypher::Lang::French,
            hypher::Lang::Spanish,
            hypher::Lang::Russian,
        ][best],
    )
}
