//! Hyphenation points: soft hyphens inserted into long words with the
//! `hypher` patterns of the language, so the line breaker may split them
//! (a visible hyphen is drawn where it does).

use super::shape::SOFT_HYPHEN;

/// Words shorter than this (in characters) are never hyphenated.
const MIN_WORD: usize = 6;

/// Appends `text` to `out`, with soft hyphens at the hyphenation points of
/// its words when `lang` is given.
pub fn push_hyphenated(out: &mut String, text: &str, lang: Option<hypher::Lang>) {
    let Some(lang) = lang else {
        out.push_str(text);
        return;
    };
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        if word_len == 0 {
            let c_len = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..c_len]);
            rest = &rest[c_len..];
            continue;
        }
        let word = &rest[..word_len];
        push_word(out, word, lang);
        rest = &rest[word_len..];
    }
}

fn push_word(out: &mut String, word: &str, lang: hypher::Lang) {
    let chars = word.chars().count();
    // Acronyms and mixed-case names (UNDOF, eGovernment) are left whole.
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    if chars < MIN_WORD || inner_capital {
        out.push_str(word);
        return;
    }
    for (i, syllable) in hypher::hyphenate(word, lang).enumerate() {
        if i > 0 {
            out.push(SOFT_HYPHEN);
        }
        out.push_str(syllable);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_get_soft_hyphens_and_short_ones_do_not() {
        let mut out = String::new();
        push_hyphenated(
            &mut out,
            "the infrastructure of UNDOF",
            Some(hypher::Lang::English),
        );
        assert!(out.starts_with("the in"));
        assert!(out.contains('\u{AD}'));
        assert!(out.ends_with(" of UNDOF"));
        assert_eq!(out.replace('\u{AD}', ""), "the infrastructure of UNDOF");
        let mut plain = String::new();
        push_hyphenated(&mut plain, "infrastructure", None);
        assert_eq!(plain, "infrastructure");
    }
}
