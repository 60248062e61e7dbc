//! Words hyphenated at a line end: `inter-` + `national` is one word,
//! `cost-` + `benefit` a compound that keeps its hyphen. The document's own
//! words decide first (the joined word, or the hyphenated one, written
//! elsewhere in it; both halves standing as words of their own), then the
//! hyphenation dictionary of its language (a break there means the word was
//! split by the typesetter).

use nohash_hasher::IntMap;

use super::pages::Src;
use crate::lang::Lang;
use crate::read::audit::{Action, Decision};

/// The words of a document, to decide hyphen joins by: each kept as a
/// 64-bit hash of its lowercase letters (no allocation per word; a
/// collision among a report's few thousand words is beyond likely).
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// How often each word is written.
    words: IntMap<u64, u32>,
    /// Each compound written with one hyphen (`Secretary-General`), keyed
    /// by its letters without the hyphen: how often, and after how many
    /// characters the hyphen stands.
    compounds: IntMap<u64, (u32, usize)>,
    /// Bit n set: some compound has n letters (n < 64), so that most
    /// words are passed over without hashing.
    compound_lengths: u64,
    lang: Option<Lang>,
}

/// A footnote rule as raw text glues it to a page's last line.
const GLUED_RULE: &str = "__________";

/// How often a language's fixed compound counts as written hyphenated.
const FIXED: u32 = u32::MAX / 2;

/// Prefixes that keep their hyphen in UN English and French (`non-`,
/// `self-`), whose letters seldom begin a word of their own.
const HYPHEN_PREFIXES: &[&str] = &["non", "self", "cross", "quasi", "sous", "demi"];
/// Prefixes that keep their hyphen before a word (`ex-combatants`,
/// `co-chairs`), whose letters also begin many words a typesetter may
/// split after them (`ex-panded`, `co-ordination`, `auto-mated`).
const WORD_PREFIXES: &[&str] = &["ex", "auto", "co"];

impl Vocabulary {
    /// Collects the words of `lines`, leaving out the halves of words
    /// hyphenated at a line end (they are what is to be decided): a line's
    /// last word before its hyphen and the next line's first word. Other
    /// lines' first words count (a table note's `Condenas firmes …` is
    /// what tells `Condenasa` in the header for `Condenas` and a mark),
    /// but a page's first word in lower case: it may be the second half
    /// of a word hyphenated on the page before, above that page's
    /// footnotes (`set-`, the notes, then `tlement` on the next page).
    pub fn new(lines: &[Src]) -> Self {
        let mut words = IntMap::default();
        let mut compounds = IntMap::default();
        let mut after_hyphen = false;
        let mut page = None;
        for line in lines.iter().filter(|l| !l.is_blank()) {
            let t = line.trimmed();
            let mut tokens = t.split(super::pages::is_space).peekable();
            let page_starts = page.replace(line.page).is_some_and(|p| p != line.page);
            if after_hyphen || page_starts && t.starts_with(char::is_lowercase) {
                tokens.next();
            }
            after_hyphen = false;
            while let Some(token) = tokens.next() {
                let is_last = tokens.peek().is_none();
                if is_last && token.ends_with('-') {
                    after_hyphen = true;
                    continue;
                }
                if is_last && token.ends_with(GLUED_RULE) {
                    // Perhaps a half whose hyphen went with the rule glued to it.
                    continue;
                }
                add(&mut words, &mut compounds, token);
            }
        }
        let lang = detect(lines);
        if let Some(lang) = lang {
            for compound in lang.fixed_compounds() {
                add_compound(&mut compounds, compound);
                if let Some(entry) = compounds.get_mut(&key(&compound.replace('-', ""))) {
                    // The joined form is no word: never outnumbered.
                    entry.0 = FIXED;
                }
            }
        }
        let compound_lengths = compounds
            .values()
            .map(|&(_, _, letters)| letters)
            .filter(|&n| n < 64)
            .fold(0, |mask, n| mask | 1 << n);
        let compounds = compounds
            .into_iter()
            .map(|(k, (count, after, _))| (k, (count, after)))
            .collect();
        Vocabulary {
            words,
            compounds,
            compound_lengths,
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
            for (at, token, letters) in words_at(&line.text) {
                if letters >= 64 || self.compound_lengths & (1 << letters) == 0 {
                    continue;
                }
                if let Some(after) = self.hyphen_in(token) {
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

    /// Where the hyphen stands (after how many letters) in `joined` when
    /// the document writes it as a compound at least as often as whole
    /// (a tie is most often one compound written once and joined once).
    fn hyphen_in(&self, joined: &str) -> Option<usize> {
        let &(hyphenated, after) = self.compounds.get(&key(joined))?;
        (hyphenated >= self.count(joined)).then_some(after)
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
        // The compound the document writes, as [`Self::rehyphenate`] keeps it.
        if self.hyphen_in(&joined) == Some(left_word.chars().count()) {
            return false;
        }
        let has = |w: &str| self.has(w);
        if has(&joined) {
            return true;
        }
        let prefix = |list: &[&str]| list.contains(&left_word.as_str());
        if has(&format!("{left_word}-{right_word}"))
            || prefix(HYPHEN_PREFIXES)
            || (has(&left_word) || prefix(WORD_PREFIXES)) && has(&right_word)
        {
            return false;
        }
        self.breaks_at(&joined, left_word.chars().count())
    }

    /// Whether a line ending `left` and the next starting `right` are one
    /// word whose hyphen pdftotext dropped where it glued something to the
    /// line (a page's footnote rule: `дан__________________`): the first
    /// half is no word of the document (every other line's last word is
    /// one), the two together are, or, the second half written there
    /// alone, the dictionary breaks the two together there.
    pub fn rejoins(&self, left: &str, right: &str) -> bool {
        let (Some(l), Some(r)) = (left.chars().next_back(), right.chars().next()) else {
            return false;
        };
        if !l.is_alphabetic() || !r.is_lowercase() {
            return false;
        }
        let (left_word, right_word) = (last_word(left), first_word(right));
        if self.has(left_word) {
            return false;
        }
        let joined = format!("{left_word}{right_word}").to_lowercase();
        self.has(&joined)
            || self.count(right_word) <= 1 && self.breaks_at(&joined, left_word.chars().count())
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
        let Some(lang) = self.lang.and_then(Lang::hyphenation) else {
            return false;
        };
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

/// Counts `token` and, written with a hyphen, its parts and the compound.
fn add(words: &mut IntMap<u64, u32>, compounds: &mut Compounds, token: &str) {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    if token.is_empty() || !token.chars().any(char::is_alphabetic) {
        return;
    }
    if token.contains('-') {
        for part in token.split('-').filter(|p| !p.is_empty()) {
            *words.entry(key(part)).or_default() += 1;
        }
        add_compound(compounds, token);
    }
    *words.entry(key(token)).or_default() += 1;
}

/// Compounds by their joined letters' key: how often, the hyphen's place
/// and the letters' count.
type Compounds = IntMap<u64, (u32, usize, usize)>;

/// Notes `token` when it is a compound of two words with one hyphen
/// between letters (`Secretary-General`, `rotary-wing`).
fn add_compound(compounds: &mut Compounds, token: &str) {
    let Some((left, right)) = token.split_once('-') else {
        return;
    };
    let word = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic);
    if !word(left) || !word(right) {
        return;
    }
    let joined = key(&format!("{left}{right}"));
    let (left_letters, right_letters) = (left.chars().count(), right.chars().count());
    let entry = compounds
        .entry(joined)
        .or_insert((0, left_letters, left_letters + right_letters));
    entry.0 += 1;
}

/// The words of `text` made of letters only (not those holding a hyphen
/// or a digit), with their byte offsets and their number of letters.
fn words_at(text: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            // Skip to a word's start.
            let (start, _) = *chars.peek()?;
            let (mut letters, mut joined) = (0, false);
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if c.is_alphabetic() {
                    letters += 1;
                } else if c == '-' || c.is_alphanumeric() {
                    joined = true;
                } else {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            if end == start {
                chars.next();
                continue;
            }
            if !joined {
                return Some((start, &text[start..end], letters));
            }
        }
    })
}

/// The hash of a word's lowercase letters (FNV-1a).
fn key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |c: char| {
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for c in word.chars() {
        if c.is_ascii() {
            mix(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut mix);
        }
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

/// The document's language (of the four hyphenated ones), from the text's
/// letters and commonest words.
fn detect(lines: &[Src]) -> Option<Lang> {
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
    Some([Lang::En, Lang::Fr, Lang::Es, Lang::Ru][best])
}
