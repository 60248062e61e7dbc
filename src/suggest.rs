//! "Did you mean …?": the known word nearest to a misspelt one, by edit
//! distance, for front-matter keys, masthead words and format names.

/// The edit distance (insertions, deletions, substitutions and swaps of
/// two neighbours) between `a` and `b`, counted in characters and ignoring case.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    // Three rows of the table: two back (for swaps), one back, current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

/// The candidate nearest to `word`, if it is near enough to be what was
/// meant: at most a third of its length away (one edit in a short word).
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.trim();
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(word, c), c))
        .filter(|&(d, c)| d <= limit && !c.eq_ignore_ascii_case(word))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// ` (did you mean `x`?)` when a candidate is near `word`, else nothing:
/// appended to a message.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    nearest(word, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_count_edits_and_swaps() {
        assert_eq!(distance("sybmol", "symbol"), 1);
        assert_eq!(distance("Generl", "General"), 1);
        assert_eq!(distance("dox", "docx"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("Англиский", "английский"), 1);
    }

    #[test]
    fn suggests_only_near_words() {
        let keys = ["symbol", "organ", "date", "original"];
        assert_eq!(nearest("sybmol", keys), Some("symbol"));
        assert_eq!(nearest("orignal", keys), Some("original"));
        assert_eq!(nearest("author", keys), None);
        assert_eq!(
            did_you_mean("pdff", ["xml", "docx", "pdf"]),
            " (did you mean `pdf`?)"
        );
        assert_eq!(did_you_mean("html", ["xml", "docx", "pdf"]), "");
    }
}
