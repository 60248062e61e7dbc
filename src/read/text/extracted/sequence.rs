//! List items told by their numbers, where indentation tells nothing
//! (right-to-left text, measured from its right; raw text): after an
//! introduction that ends with a colon, `1.` opens a list, and each next
//! number continues it, letters under an item likewise. A number that is
//! both the list's next and the next paragraph's is the item when, past
//! the numbers that follow on from it, it comes again (the paragraph after
//! its list).

use super::Piece;
use crate::read::text::Label;

/// The numbers of the lists open, and where the numbered lines are.
pub(super) struct Sequence {
    /// Each numbered line's piece and number, in order.
    numbered: Vec<(usize, u32)>,
    decimal_next: Option<u32>,
    letter_next: Option<u32>,
}

/// Where a label stands: the piece it is on, the block before it.
pub(super) struct At {
    pub piece: usize,
    /// The block before ends with a colon.
    pub intro: bool,
    /// The block before is a list item.
    pub in_item: bool,
    pub next_para: u32,
}

impl Sequence {
    pub fn new(pieces: &[Piece]) -> Self {
        let numbered = pieces
            .iter()
            .enumerate()
            .filter_map(|(i, p)| match p {
                Piece::Line(l) => number_of(l.trimmed()).map(|n| (i, n)),
                Piece::Table(_) => None,
            })
            .collect();
        Sequence {
            numbered,
            decimal_next: None,
            letter_next: None,
        }
    }

    /// Whether a line labelled `labels` is a list item, in any of its
    /// readings (`c)` is a letter and the Roman numeral 100).
    pub fn is_item(&self, labels: &[Label], at: &At) -> bool {
        labels.iter().any(|&label| self.is_item_as(label, at))
    }

    /// Whether a line labelled `label` is a list item.
    fn is_item_as(&self, label: Label, at: &At) -> bool {
        match label {
            Label::Decimal(n) => {
                let opens = n == 1 && at.intro;
                let continues = at.in_item && self.decimal_next == Some(n);
                (opens || continues) && (n != at.next_para || self.comes_again(n, at.piece))
            }
            Label::Alpha(n) | Label::Roman(n) => {
                at.in_item && (n == 1 && at.intro || self.letter_next == Some(n))
            }
            _ => false,
        }
    }

    /// Notes the block a label opens: an item advances its list, anything
    /// else closes the lists.
    pub fn opened(&mut self, labels: &[Label], item: bool) {
        match (item, self.continuing(labels)) {
            (true, Label::Decimal(n)) => {
                self.decimal_next = Some(n.saturating_add(1));
                self.letter_next = None;
            }
            (true, Label::Alpha(n) | Label::Roman(n)) => {
                self.letter_next = Some(n.saturating_add(1))
            }
            _ => (self.decimal_next, self.letter_next) = (None, None),
        }
    }

    /// The reading of `labels` that continues an open list (`c)` after
    /// `b)` is the letter, not the Roman numeral 100), or the first.
    fn continuing(&self, labels: &[Label]) -> Label {
        let next = |label: &Label| match *label {
            Label::Decimal(n) => self.decimal_next == Some(n),
            Label::Alpha(n) | Label::Roman(n) => self.letter_next == Some(n),
            _ => false,
        };
        labels.iter().copied().find(next).unwrap_or(labels[0])
    }

    /// Whether `n` at piece `at` is an item: past the run of numbers that
    /// follow on from it (the list's next items, or the next paragraphs),
    /// the next numbered line is `n` again (the paragraph after its list).
    fn comes_again(&self, n: u32, at: usize) -> bool {
        let start = self.numbered.partition_point(|&(i, _)| i <= at);
        let mut next = n;
        let after_run = self.numbered[start..]
            .iter()
            .take(RUN_LIMIT)
            .find(|&&(_, m)| {
                next = next.saturating_add(1);
                m != next
            });
        after_run.is_some_and(|&(_, m)| m == n)
    }
}

/// The number a line opens with (`12. Text`), or is alone on it (`12.`:
/// raw text sets a label so, its text on the next line).
fn number_of(t: &str) -> Option<u32> {
    super::decimal_label(t).or_else(|| match super::lone_label(t) {
        Some(Label::Decimal(n)) => Some(n),
        _ => None,
    })
}

/// How many numbered lines the look past a run reads at most.
const RUN_LIMIT: usize = 400;
