//! Page breaking: lines of blocks into pages, with headings kept with the
//! next block, no widow or orphan line, and each footnote at the bottom of
//! the page that cites it. A table's lines are its bands: it may break
//! between any two, its header bands go with the first body band and are
//! repeated at the top of each page it continues on.

/// A block as the paginator sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageItem {
    /// The pitch of each line.
    pub lines: Vec<f32>,
    /// Space before (dropped at the top of a continuation page).
    pub before: f32,
    /// Space after.
    pub after: f32,
    /// Whether it must share a page with the next block's first lines.
    pub keep_with_next: bool,
    /// Whether it starts a new page.
    pub page_break_before: bool,
    /// For each line, the footnotes it cites.
    pub notes: Vec<Vec<usize>>,
    /// Whether its lines are a table's bands, which may part anywhere.
    pub rows: bool,
    /// How many of its first lines are a header, kept with the next line.
    pub head: usize,
    /// Whether the header lines are repeated on each page it continues on.
    pub repeat_head: bool,
}

/// The body area of the pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Top of the body on the first page.
    pub first_top: f32,
    /// Top of the body on the other pages.
    pub top: f32,
    /// Bottom of the body (footnotes included).
    pub bottom: f32,
    /// Height of the separator above the footnotes.
    pub note_separator: f32,
}

/// A line placed on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedLine {
    /// The block.
    pub item: usize,
    /// The line within the block.
    pub line: usize,
    /// Top of the line box.
    pub y: f32,
    /// Whether it repeats a table's header line on a page the table continues on.
    pub repeat: bool,
}

/// One page: its lines and the footnotes at its foot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Lines in reading order.
    pub lines: Vec<PlacedLine>,
    /// Footnotes cited on the page, in order.
    pub notes: Vec<usize>,
}

struct State<'a> {
    frame: &'a Frame,
    note_heights: &'a [f32],
    pages: Vec<Page>,
    y: f32,
}

impl State<'_> {
    fn page(&self) -> &Page {
        &self.pages[self.pages.len() - 1]
    }

    fn page_mut(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn is_first_page(&self) -> bool {
        self.pages.len() == 1
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.frame.top;
    }

    fn notes_height(&self, notes: &[usize]) -> f32 {
        if notes.is_empty() {
            return 0.0;
        }
        self.frame.note_separator
            + notes
                .iter()
                .map(|&n| self.note_heights.get(n).copied().unwrap_or(0.0))
                .sum::<f32>()
    }

    /// Whether `height` more of body, citing `new_notes`, fits under `y`.
    fn fits(&self, height: f32, new_notes: &[usize]) -> bool {
        let mut notes = self.page().notes.clone();
        for &n in new_notes {
            if !notes.contains(&n) {
                notes.push(n);
            }
        }
        self.y + height <= self.frame.bottom - self.notes_height(&notes) + 0.01
    }

    /// Whether nothing but repeated header lines stands on the page yet.
    fn page_is_empty(&self) -> bool {
        self.page().lines.iter().all(|p| p.repeat)
    }

    /// Starts a new page for block `i` continuing from line `from`, with
    /// its header lines repeated when it is a table that repeats them.
    fn continue_on_new_page(&mut self, items: &[PageItem], i: usize, from: usize) {
        self.new_page();
        let item = &items[i];
        if !(item.repeat_head && item.head > 0 && from >= item.head) {
            return;
        }
        for line in 0..item.head {
            let y = self.y;
            self.page_mut().lines.push(PlacedLine {
                item: i,
                line,
                y,
                repeat: true,
            });
            self.y += item.lines[line];
        }
    }

    fn place(&mut self, item: usize, line: usize, height: f32, notes: &[usize]) {
        let y = self.y;
        let page = self.page_mut();
        page.lines.push(PlacedLine {
            item,
            line,
            y,
            repeat: false,
        });
        for &n in notes {
            if !page.notes.contains(&n) {
                page.notes.push(n);
            }
        }
        self.y += height;
    }

    /// When block `i` moves to the next page whole, the blocks before it
    /// that are kept with it go along, unless that would empty the page;
    /// takes them off the page and returns the first block that moves.
    fn retract_kept_predecessors(&mut self, items: &[PageItem], i: usize) -> usize {
        let mut first = i;
        while first > 0
            && items[first - 1].keep_with_next
            && self.page().lines.iter().any(|p| p.item == first - 1)
            && self.page().lines.iter().any(|p| p.item < first - 1)
        {
            first -= 1;
            self.retract(items, first, 0);
        }
        first
    }

    /// Takes lines of `item` from `line` on back off the current page.
    fn retract(&mut self, items: &[PageItem], item: usize, line: usize) {
        let page = self.page_mut();
        page.lines.retain(|p| p.item != item || p.line < line);
        let mut notes = Vec::new();
        for p in &page.lines {
            for &n in items[p.item]
                .notes
                .get(p.line)
                .map_or(&[][..], |v| v.as_slice())
            {
                if !notes.contains(&n) {
                    notes.push(n);
                }
            }
        }
        page.notes = notes;
    }
}

/// Where a block that does not fit from line `line` on breaks, keeping two
/// of its `n` lines each side of the break: 0 moves it whole.
fn split_point(n: usize, line: usize) -> usize {
    let mut split = line;
    if n - split < 2 && n >= 2 {
        split = split.saturating_sub(2 - (n - split));
    }
    if split < 2 { 0 } else { split }
}

/// Where a table that does not fit from line `line` on breaks: anywhere
/// after the first body line (0 moves it whole).
fn split_point_of_rows(item: &PageItem, line: usize) -> usize {
    if line <= item.head { 0 } else { line }
}

/// The fewest lines of a block that may stand alone at the foot of a page.
fn first_chunk(item: &PageItem) -> usize {
    if item.rows {
        (item.head + 1).min(item.lines.len())
    } else if item.lines.len() <= 3 {
        item.lines.len()
    } else {
        2
    }
}

/// Height (and cited notes) that must fit for block `i` to start here:
/// its first lines, or all of it and the next block's start when it is kept
/// with the next.
fn need(items: &[PageItem], i: usize, at_top: bool, notes: &mut Vec<usize>) -> f32 {
    let item = &items[i];
    let before = if at_top { 0.0 } else { item.before };
    let keep = item.keep_with_next && i + 1 < items.len();
    let count = if keep {
        item.lines.len()
    } else {
        first_chunk(item)
    };
    let mut height = before + item.lines[..count].iter().sum::<f32>();
    for line_notes in &item.notes[..count.min(item.notes.len())] {
        notes.extend(line_notes);
    }
    if keep && !items[i + 1].page_break_before {
        height += item.after + need(items, i + 1, false, notes);
    }
    height
}

/// Breaks `items` into pages of `frame`; `note_heights` are the heights of the footnotes.
pub fn paginate(items: &[PageItem], note_heights: &[f32], frame: &Frame) -> Vec<Page> {
    let mut s = State {
        frame,
        note_heights,
        pages: vec![Page::default()],
        y: frame.first_top,
    };
    // Keeps and widow/orphan moves can undo each other on pathological input
    // (a block taller than a page next to footnotes that fill one): past this
    // many moves, lines are simply placed in order, which always progresses.
    let total_lines: usize = items.iter().map(|item| item.lines.len()).sum();
    let move_budget = 4 * (total_lines + items.len()) + 16;
    let mut moves = 0;
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        if item.lines.is_empty() {
            i += 1;
            continue;
        }
        if item.page_break_before && !s.page().lines.is_empty() {
            s.new_page();
        }
        let at_top = s.page().lines.is_empty() && !s.is_first_page();
        let mut notes = Vec::new();
        let needed = need(items, i, at_top, &mut notes);
        if !s.page().lines.is_empty() && !s.fits(needed, &notes) {
            s.new_page();
        }
        let mut line = 0;
        while line < item.lines.len() {
            let at_top = s.page().lines.is_empty() && !s.is_first_page();
            let before = if line == 0 && !at_top {
                item.before
            } else {
                0.0
            };
            let height = item.lines[line];
            let cites = item.notes.get(line).map_or(&[][..], |v| v.as_slice());
            if s.fits(before + height, cites) || s.page_is_empty() {
                s.y += before;
                s.place(i, line, height, cites);
                line += 1;
                continue;
            }
            moves += 1;
            if moves > move_budget {
                s.continue_on_new_page(items, i, line);
                continue;
            }
            let split = if item.rows {
                split_point_of_rows(item, line)
            } else {
                split_point(item.lines.len(), line)
            };
            s.retract(items, i, split);
            if split == 0 {
                let first = s.retract_kept_predecessors(items, i);
                if first < i {
                    s.new_page();
                    i = first;
                    line = usize::MAX;
                    break;
                }
            }
            s.continue_on_new_page(items, i, split);
            line = split;
        }
        if line == usize::MAX {
            continue;
        }
        s.y += item.after;
        i += 1;
    }
    s.pages
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        first_top: 0.0,
        top: 0.0,
        bottom: 120.0,
        note_separator: 10.0,
    };

    fn para(lines: usize) -> PageItem {
        PageItem {
            lines: vec![12.0; lines],
            notes: vec![Vec::new(); lines],
            after: 0.0,
            ..PageItem::default()
        }
    }

    fn heading() -> PageItem {
        PageItem {
            keep_with_next: true,
            ..para(1)
        }
    }

    fn lines_of(page: &Page, item: usize) -> Vec<usize> {
        page.lines
            .iter()
            .filter(|p| p.item == item)
            .map(|p| p.line)
            .collect()
    }

    #[test]
    fn a_heading_moves_with_its_paragraph() {
        // Ten lines fit a page; nine are used, then a heading and a paragraph.
        let items = [para(9), heading(), para(4)];
        let pages = paginate(&items, &[], &FRAME);
        assert_eq!(pages.len(), 2);
        assert_eq!(lines_of(&pages[1], 1), [0], "heading on the second page");
        assert_eq!(lines_of(&pages[1], 2), [0, 1, 2, 3]);
    }

    #[test]
    fn no_widow_line_at_the_top_of_a_page() {
        // Room for 4 more lines; a 5-line paragraph leaves 3 and carries 2.
        let items = [para(6), para(5)];
        let pages = paginate(&items, &[], &FRAME);
        assert_eq!(lines_of(&pages[0], 1), [0, 1, 2]);
        assert_eq!(lines_of(&pages[1], 1), [3, 4]);
    }

    #[test]
    fn no_orphan_line_at_the_foot_of_a_page() {
        // Room for 1 more line; the paragraph moves whole.
        let items = [para(9), para(5)];
        let pages = paginate(&items, &[], &FRAME);
        assert!(lines_of(&pages[0], 1).is_empty());
        assert_eq!(lines_of(&pages[1], 1), [0, 1, 2, 3, 4]);
        // A three-line paragraph cannot be split at all.
        let pages = paginate(&[para(8), para(3)], &[], &FRAME);
        assert_eq!(lines_of(&pages[1], 1), [0, 1, 2]);
    }

    #[test]
    fn footnotes_go_to_the_page_that_cites_them() {
        let mut citing = para(2);
        citing.notes[1] = vec![0];
        // Eight lines used; the citing paragraph's two lines would fit but
        // not with the 30 pt footnote, so it moves with its note.
        let items = [para(8), citing];
        let pages = paginate(&items, &[30.0], &FRAME);
        assert_eq!(pages.len(), 2);
        assert!(pages[0].notes.is_empty());
        assert_eq!(pages[1].notes, [0]);
        assert_eq!(lines_of(&pages[1], 1), [0, 1]);
    }

    #[test]
    fn long_blocks_fill_pages_in_order() {
        let items = [para(25)];
        let pages = paginate(&items, &[], &FRAME);
        let counts: Vec<usize> = pages.iter().map(|p| p.lines.len()).collect();
        assert_eq!(counts, [10, 10, 5]);
        assert!(pages[1].lines.iter().all(|p| p.y < 120.0));
    }

    fn table(head: usize, rows: usize) -> PageItem {
        PageItem {
            rows: true,
            head,
            repeat_head: true,
            ..para(head + rows)
        }
    }

    fn repeats(page: &Page) -> Vec<usize> {
        page.lines
            .iter()
            .filter(|p| p.repeat)
            .map(|p| p.line)
            .collect()
    }

    #[test]
    fn a_table_repeats_its_header_on_each_page_it_continues_on() {
        // Ten lines a page: the header and nine rows, then the header again.
        let pages = paginate(&[table(1, 20)], &[], &FRAME);
        assert_eq!(pages.len(), 3);
        assert!(repeats(&pages[0]).is_empty());
        assert_eq!(lines_of(&pages[0], 0), (0..10).collect::<Vec<_>>());
        assert_eq!(repeats(&pages[1]), [0]);
        assert_eq!(pages[1].lines[0].y, 0.0, "the header at the top");
        assert_eq!(
            lines_of(&pages[1], 0),
            [0, 10, 11, 12, 13, 14, 15, 16, 17, 18]
        );
        assert_eq!(lines_of(&pages[2], 0), [0, 19, 20]);
    }

    #[test]
    fn a_table_breaks_between_any_rows_but_never_after_its_header() {
        // Room for 2 lines: the header and one row stay, the rest goes on.
        let pages = paginate(&[para(8), table(1, 5)], &[], &FRAME);
        assert_eq!(lines_of(&pages[0], 1), [0, 1]);
        assert_eq!(lines_of(&pages[1], 1), [0, 2, 3, 4, 5]);
        // Room for the header only: the table moves whole.
        let pages = paginate(&[para(9), table(1, 5)], &[], &FRAME);
        assert!(lines_of(&pages[0], 1).is_empty());
        assert!(repeats(&pages[1]).is_empty());
        assert_eq!(lines_of(&pages[1], 1), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_hundred_thousand_rows_fill_pages_in_one_pass() {
        // Two header lines and eight rows a page: every row placed once,
        // in order, every page after the first headed by the repeat.
        let rows = 100_000;
        let pages = paginate(&[table(2, rows)], &[], &FRAME);
        assert_eq!(pages.len(), rows.div_ceil(8));
        let mut next = 2;
        for (k, page) in pages.iter().enumerate() {
            let expected: &[usize] = if k == 0 { &[] } else { &[0, 1] };
            assert_eq!(repeats(page), expected, "page {k}");
            for p in page
                .lines
                .iter()
                .filter(|p| !p.repeat)
                .skip(if k == 0 { 2 } else { 0 })
            {
                assert_eq!(p.line, next);
                next += 1;
            }
        }
        assert_eq!(next, rows + 2);
    }
}
