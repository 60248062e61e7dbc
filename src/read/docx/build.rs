//! The document from the story's blocks: masthead lines and title at the
//! top, the table of contents dropped, the summary box opened, the rest
//! flowed and nested into chapters, sections and annexes.

use super::content::{Node, WPara, WTable};
use super::flow::{Flat, Flow, Labelled, Pictures, is_contents_heading, lead};
use super::inlines::{SupLetter, plain, unbold};
use super::lead_marks::settle_lead_marks;
use super::numbering::Numbering;
use super::places::Ctx;
use super::styles::Role;
use crate::lang::{self, Lang};
use crate::model::{
    Annex, Block, Contents, Division, Inline, Masthead, Span, Spanned, Subheading, Summary,
};
use crate::read::text::{classify, looks_like_dates};

/// What the story's blocks give: front matter and the nested body.
#[derive(Default)]
pub struct Built {
    pub title: Option<Spanned<Vec<Inline>>>,
    pub subtitle: Option<Spanned<Vec<Inline>>>,
    pub summary: Option<Summary>,
    /// The table of contents the file had (dropped: the writers set their own).
    pub contents: Option<Contents>,
    pub preamble: Vec<Block>,
    pub body: Vec<Block>,
    pub annexes: Vec<Annex>,
    /// Paragraphs numbered `29.1` (section-prefixed): the prefix and where.
    pub prefixed: Option<(String, Span)>,
}

/// Reads the story's blocks.
pub struct Reader<'c, 's, 'p> {
    pub ctx: &'c mut Ctx<'s>,
    pub numbering: Numbering,
    pub pictures: &'c mut Pictures<'p>,
    pub lang: Lang,
}

impl Reader<'_, '_, '_> {
    /// Builds the document's parts from `nodes`, filling `m`'s session and agenda lines.
    pub fn build(&mut self, nodes: &[Node], m: &mut Masthead) -> Built {
        let mut built = Built::default();
        let mut flow = Flow::new(self.lang);
        let mut skip_table = false;
        // The contents' `Page` column head, dropped with the contents.
        let mut page_head = None;
        for (i, node) in nodes.iter().enumerate() {
            match node {
                Node::Para(p) => {
                    skip_table = false;
                    if page_head == Some(i) || self.front(p, &flow, m, &mut built) {
                        continue;
                    }
                    if is_contents_heading(&plain(&p.runs)) {
                        // A table of entries follows, or TOC paragraphs,
                        // perhaps under the `Page` column head.
                        let (head, entries) = self.after_contents_heading(nodes, i);
                        if let Some(table) = entries {
                            self.note_contents(p, &mut built);
                            page_head = head;
                            skip_table = table;
                            continue;
                        }
                    }
                    self.para(p, &mut flow, &mut built);
                }
                Node::Table(t) if skip_table => {
                    skip_table = false;
                    let _ = t;
                }
                Node::Table(t) if built.summary.is_none() && self.is_summary_box(t) => {
                    built.summary = Some(self.summary(t, &mut built));
                }
                Node::Table(t) => flow.table(t, self.ctx),
            }
        }
        settle_lead_marks(&mut flow.flats, &self.ctx.maybe_marks);
        let (preamble, body, annexes) = nest_all(flow);
        built.preamble = preamble;
        built.body = body;
        built.annexes = annexes;
        built
    }

    /// What follows a contents heading at `nodes[i]`: the index of a
    /// `Page` column head (in any language) if one comes first, and
    /// whether the entries follow as a table (`Some(true)`) or as TOC
    /// paragraphs (a TOC field's, or in a TOC style: `Some(false)`);
    /// `None` when no entries follow (a heading that only says Contents).
    fn after_contents_heading(&self, nodes: &[Node], i: usize) -> (Option<usize>, Option<bool>) {
        let mut texts = nodes
            .iter()
            .enumerate()
            .skip(i + 1)
            .filter(|(_, n)| match n {
                Node::Para(p) => !plain(&p.runs).trim().is_empty(),
                Node::Table(_) => true,
            });
        let mut next = texts.next();
        let mut head = None;
        if let Some((k, Node::Para(p))) = next
            && lang::ALL
                .iter()
                .any(|l| plain(&p.runs).trim() == l.page_word())
        {
            head = Some(k);
            next = texts.next();
        }
        let entries = match next {
            Some((_, Node::Table(_))) => Some(true),
            Some((_, Node::Para(p))) if p.toc || self.ctx.style(p).role == Role::Toc => Some(false),
            _ => None,
        };
        (head, entries)
    }

    /// Notes that the file has a table of contents, where `p` stands.
    fn note_contents(&mut self, p: &WPara, built: &mut Built) {
        if built.contents.is_none() {
            built.contents = Some(Contents {
                before_summary: built.summary.is_none(),
                span: self.ctx.place(p),
            });
        }
    }

    /// A masthead or title paragraph before the body: taken, and true.
    fn front(&mut self, p: &WPara, flow: &Flow, m: &mut Masthead, built: &mut Built) -> bool {
        let role = self.ctx.style(p).role;
        if p.toc || role == Role::Toc {
            self.note_contents(p, built);
            return true;
        }
        let text = plain(&p.runs);
        let text = text.trim();
        let before_body = built.title.is_none() || flow.flats.is_empty();
        let empty = text.is_empty();
        match role {
            _ if empty => false,
            Role::Session
                if before_body
                    && m.session.is_some()
                    && m.session_body.is_none()
                    && m.agenda.is_empty() =>
            {
                // A second session line: the first named the body whose
                // session this is (`Human Rights Council` above `Fifty-eighth
                // session`), as the text reader reads them.
                let span = self.ctx.place(p);
                m.session_body = m.session.take();
                m.session = Some(Spanned::new(text.to_string(), span));
                true
            }
            Role::Agenda
                if before_body
                    && m.session.is_some()
                    && m.session_dates.is_none()
                    && m.agenda.is_empty()
                    && looks_like_dates(text) =>
            {
                // The session's dates, under the session line.
                let span = self.ctx.place(p);
                m.session_dates = Some(Spanned::new(text.to_string(), span));
                true
            }
            Role::Session if before_body && m.session.is_none() => {
                let span = self.ctx.place(p);
                m.session = Some(Spanned::new(text.to_string(), span));
                true
            }
            Role::Agenda if before_body => {
                let span = self.ctx.place(p);
                m.agenda.push(Spanned::new(text.to_string(), span));
                true
            }
            Role::AgendaTitle if before_body => {
                let span = self.ctx.place(p);
                match &mut m.agenda_title {
                    Some(t) => {
                        t.value.push(' ');
                        t.value.push_str(text);
                    }
                    None => m.agenda_title = Some(Spanned::new(text.to_string(), span)),
                }
                true
            }
            Role::Title if built.title.is_none() => {
                let span = self.ctx.place(p);
                let inlines = unbold(self.ctx.inlines(p, lead(p), SupLetter::Letter, span));
                built.title = Some(Spanned::new(inlines, span));
                true
            }
            Role::Subtitle if built.subtitle.is_none() && before_body => {
                let span = self.ctx.place(p);
                let inlines = unbold(self.ctx.inlines(p, lead(p), SupLetter::Letter, span));
                built.subtitle = Some(Spanned::new(inlines, span));
                true
            }
            _ => false,
        }
    }

    fn para(&mut self, p: &WPara, flow: &mut Flow, built: &mut Built) {
        let style = self.ctx.style(p);
        let num = p.num.or(style.num).filter(|n| n.num_id != 0);
        let generated = num.and_then(|n| self.numbering.next(n));
        let text = plain(&p.runs);
        let label = match &generated {
            Some(g) => labelled(
                &format!("{}\t{}", g.text, text.trim_start()),
                lead(p),
                g.bullet,
                true,
            ),
            None => labelled(&text, 0, false, false),
        };
        let label = self.section_prefixed(&text, label, built);
        flow.para(p, style.role, &label, self.ctx, self.pictures);
    }

    /// `29.1\tText`: paragraph 1 of budget section 29; the prefix is noted once.
    fn section_prefixed(&mut self, text: &str, label: Labelled, built: &mut Built) -> Labelled {
        if !label.labels.is_empty() {
            return label;
        }
        let t = text.trim_start();
        let lead = text.len() - t.len();
        let Some((head, rest)) = t.split_once('\t') else {
            return label;
        };
        let Some((prefix, n)) = head.split_once('.') else {
            return label;
        };
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(prefix) || !digits(n) || rest.trim().is_empty() {
            return label;
        }
        if built.prefixed.is_none() {
            built.prefixed = Some((format!("{prefix}."), Span::default()));
        }
        Labelled {
            labels: vec![crate::read::text::Label::Decimal(n.parse().unwrap_or(0))],
            skip: lead + head.len() + 1,
            bullet: false,
        }
    }

    /// A one-column table whose first text is the summary word.
    fn is_summary_box(&self, t: &WTable) -> bool {
        let first = t.rows.first().and_then(|r| r.cells.first()).and_then(|c| {
            c.content.iter().find_map(|n| match n {
                Node::Para(p) if !plain(&p.runs).trim().is_empty() => Some(plain(&p.runs)),
                _ => None,
            })
        });
        let max_cells = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        max_cells == 1
            && first.is_some_and(|f| lang::ALL.iter().any(|l| f.trim() == l.summary_word()))
    }

    /// The summary box's content, flowed like the body.
    fn summary(&mut self, t: &WTable, built: &mut Built) -> Summary {
        let mut flow = Flow::new(self.lang);
        let mut heading = None;
        let mut span = Span::default();
        for row in &t.rows {
            for cell in &row.cells {
                for node in &cell.content {
                    match node {
                        Node::Para(p) if heading.is_none() && !plain(&p.runs).trim().is_empty() => {
                            span = self.ctx.place(p);
                            heading = Some(self.ctx.inlines(p, lead(p), SupLetter::Letter, span));
                        }
                        Node::Para(p) => self.para(p, &mut flow, built),
                        Node::Table(inner) => flow.table(inner, self.ctx),
                    }
                }
            }
        }
        settle_lead_marks(&mut flow.flats, &self.ctx.maybe_marks);
        let (mut blocks, rest, _) = nest_all(flow);
        blocks.extend(rest.into_iter().map(unnumbered));
        Summary {
            heading: heading.map(plain_heading),
            blocks,
            span,
        }
    }
}

/// The summary's heading as plain text: its style sets it bold or italic.
fn plain_heading(inlines: Vec<Inline>) -> Vec<Inline> {
    let text = crate::model::plain_text(&inlines);
    vec![Inline::Text(text.trim().to_string())]
}

/// The label of `text`: its readings and the byte of the runs' text where
/// the paragraph's own text starts. A generated label's text is not in the
/// runs: `skip` is then the runs' leading white space.
fn labelled(text: &str, skip: usize, bullet: bool, generated: bool) -> Labelled {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    if let Some(rest) = trimmed.strip_prefix(['•', '\u{f0b7}', '▪', '–', '-', '·'])
        && rest.starts_with(['\t', ' '])
    {
        return Labelled {
            labels: Vec::new(),
            skip: lead + trimmed.len() - rest.len(),
            bullet: true,
        };
    }
    if bullet {
        return Labelled {
            labels: Vec::new(),
            skip,
            bullet: true,
        };
    }
    let spaced = trimmed.replace('\t', " ");
    match classify(&spaced) {
        Some((labels, at)) => Labelled {
            labels,
            skip: if generated { skip } else { lead + at },
            bullet: false,
        },
        None => Labelled {
            labels: Vec::new(),
            skip: if generated { skip } else { lead },
            bullet: false,
        },
    }
}

/// A block as the preamble and the summary hold it: a subheading there is
/// bold text.
fn unnumbered(block: Block) -> Block {
    match block {
        Block::Subheading(h) => Block::Text(Spanned::new(vec![Inline::Strong(h.heading)], h.span)),
        other => other,
    }
}

/// An annex's number, where it starts and its title.
type AnnexHead = (Option<u32>, Span, Vec<Inline>);

/// Nests the flow: the preamble, the body, and each annex's blocks.
fn nest_all(flow: Flow) -> (Vec<Block>, Vec<Block>, Vec<Annex>) {
    let mut titles = flow.annex_titles.into_iter().peekable();
    let mut parts: Vec<(Option<AnnexHead>, Vec<Flat>)> = vec![(None, Vec::new())];
    for (i, flat) in flow.flats.into_iter().enumerate() {
        if let Flat::Annex(n, span) = flat {
            let title = match titles.peek() {
                Some((at, _)) if *at == i => titles.next().map(|(_, t)| t).unwrap_or_default(),
                _ => Vec::new(),
            };
            parts.push((Some((n, span, title)), Vec::new()));
        } else if let Some(last) = parts.last_mut() {
            last.1.push(flat);
        }
    }
    let mut parts = parts.into_iter();
    let (_, body_flats) = parts.next().unwrap_or_default();
    let (preamble, body) = nest(body_flats);
    let annexes = parts
        .filter_map(|(head, flats)| {
            let (n, span, heading) = head?;
            let (mut blocks, mut rest) = nest(flats);
            blocks.append(&mut rest);
            Some(Annex {
                n,
                heading,
                span,
                blocks,
            })
        })
        .collect();
    (preamble, body, annexes)
}

/// Sections into chapters, the rest into the innermost open division;
/// what comes before the first chapter, section or paragraph is the preamble.
fn nest(flats: Vec<Flat>) -> (Vec<Block>, Vec<Block>) {
    let mut preamble = Vec::new();
    let mut body: Vec<Block> = Vec::new();
    for flat in flats {
        let block = match flat {
            Flat::Chapter(n, heading, span) => {
                body.push(Block::Chapter(Division {
                    n,
                    heading,
                    span,
                    blocks: Vec::new(),
                }));
                continue;
            }
            Flat::Section(n, heading, span) => Block::Section(Division {
                n,
                heading,
                span,
                blocks: Vec::new(),
            }),
            Flat::Sub(level, n, heading, span) => Block::Subheading(Subheading {
                level,
                n,
                heading,
                span,
            }),
            Flat::Para(p) => Block::Para(p),
            Flat::Text(t, _) => Block::Text(t),
            Flat::Table(t) => Block::Table(t),
            Flat::Figure(f) => Block::Figure(f),
            Flat::Annex(..) => continue,
        };
        let opens_body = matches!(block, Block::Section(_) | Block::Para(_));
        if body.is_empty() && !opens_body {
            preamble.push(unnumbered(block));
            continue;
        }
        crate::read::nest_into(&mut body, block);
    }
    (preamble, body)
}
