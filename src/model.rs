//! The one document model that every reader produces and every writer consumes.
//!
//! Numbers (chapters, sections, paragraphs, list items, footnotes) are stored as
//! logical integers; how they look in a given language is decided by [`crate::lang`].
//! Every node keeps the [`Span`] of its source so diagnostics can point at it.

use crate::lang::Lang;

/// The namespace of the model's canonical XML form (`schemas/undoc.xsd`),
/// which the XML reader and writer share.
pub const XML_NAMESPACE: &str = "urn:undoc:1";

/// Where a node was read. In a text source (UN text, XML) the 1-based line
/// and column (counting characters). In a package source such as a Word
/// file, whose XML parts are not lines a person reads, `line` is the 1-based
/// index of the place (paragraph or table cell) in the reader's list of
/// places ([`crate::read::Place`]) and `column` the character in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Span {
    /// 1-based line number; 0 when unknown.
    pub line: u32,
    /// 1-based column in characters; 0 when unknown.
    pub column: u32,
}

impl Span {
    /// A span at `line`, `column`.
    pub fn new(line: u32, column: u32) -> Self {
        Span { line, column }
    }
}

/// A value together with the place in the source it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps `value` read at `span`.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A whole UN parliamentary document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Language of this version of the document.
    pub lang: Lang,
    /// The first-page masthead.
    pub masthead: Masthead,
    /// The title, bold under the masthead.
    pub title: Spanned<Vec<Inline>>,
    /// An optional subtitle such as "Report of the Secretary-General".
    pub subtitle: Option<Spanned<Vec<Inline>>>,
    /// The boxed, unnumbered summary under the title, in reports that have one.
    pub summary: Option<Summary>,
    /// A table of contents, in documents that have one: the writers set its
    /// entries, so the source's own list is not kept, only that it was there.
    pub contents: Option<Contents>,
    /// Unnumbered text between the title and the first numbered part.
    pub preamble: Vec<Block>,
    /// The numbered body: chapters, sections and paragraphs.
    pub body: Vec<Block>,
    /// Footnotes, numbered through the document.
    pub footnotes: Vec<Footnote>,
    /// Annexes following the body.
    pub annexes: Vec<Annex>,
}

/// Distribution class of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Distribution {
    /// Public.
    General,
    /// Limited (drafts).
    Limited,
    /// Restricted.
    Restricted,
}

impl Distribution {
    /// The canonical (XML) name.
    pub fn as_str(self) -> &'static str {
        match self {
            Distribution::General => "General",
            Distribution::Limited => "Limited",
            Distribution::Restricted => "Restricted",
        }
    }

    /// Parses the canonical name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "General" => Some(Distribution::General),
            "Limited" => Some(Distribution::Limited),
            "Restricted" => Some(Distribution::Restricted),
            _ => None,
        }
    }
}

/// A calendar date (not checked for reality here; see the validator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl Date {
    /// ISO 8601 form `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        self.push_iso(&mut out);
        out
    }

    /// Appends the ISO 8601 form to `out` (IRIs and attributes are built
    /// in place, without the formatting machinery).
    pub fn push_iso(&self, out: &mut String) {
        match u32::try_from(self.year) {
            Ok(year) => crate::lang::push_zero_padded(out, year, 4),
            Err(_) => out.push_str(&format!("{:04}", self.year)),
        }
        out.push('-');
        crate::lang::push_zero_padded(out, self.month, 2);
        out.push('-');
        crate::lang::push_zero_padded(out, self.day, 2);
    }

    /// Parses `YYYY-MM-DD` (shape only; reality is checked by [`Date::is_real`]).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        Some(Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        })
    }

    /// Whether the date exists in the Gregorian calendar.
    pub fn is_real(&self) -> bool {
        let leap = (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0;
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&self.day)
    }
}

/// US Letter, width and height in points: New York's paper, the others'
/// being A4.
pub const US_LETTER_PT: (f32, f32) = (612.0, 792.0);

/// Whether a page of `width` × `height` points is US Letter, either way
/// up, within a point (as readers find page sizes in Word and PDF files).
pub fn is_us_letter(width: f32, height: f32) -> bool {
    let (w, h) = US_LETTER_PT;
    [(width, height), (height, width)]
        .iter()
        .any(|&(a, b)| (a - w).abs() <= 1.0 && (b - h).abs() <= 1.0)
}

/// United Nations duty stations, which decide the paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DutyStation {
    /// New York (US Letter).
    NewYork,
    /// Geneva (A4).
    Geneva,
    /// Vienna (A4).
    Vienna,
    /// Nairobi (A4).
    Nairobi,
}

impl DutyStation {
    /// Canonical English name.
    pub fn as_str(self) -> &'static str {
        match self {
            DutyStation::NewYork => "New York",
            DutyStation::Geneva => "Geneva",
            DutyStation::Vienna => "Vienna",
            DutyStation::Nairobi => "Nairobi",
        }
    }

    /// The duty station a document's print tells, where its masthead
    /// names none: a job number `V.…` is Vienna's, and US Letter paper is
    /// New York's alone (Geneva, Nairobi and Vienna print on A4, as does
    /// a document with no duty station, so A4 tells nothing).
    pub fn told_by(job_number: Option<&str>, letter_paper: bool) -> Option<Self> {
        if job_number.is_some_and(|j| j.trim_start().starts_with("V.")) {
            Some(DutyStation::Vienna)
        } else {
            letter_paper.then_some(DutyStation::NewYork)
        }
    }

    /// Parses the English name, case-insensitively.
    pub fn parse(s: &str) -> Option<Self> {
        [
            DutyStation::NewYork,
            DutyStation::Geneva,
            DutyStation::Vienna,
            DutyStation::Nairobi,
        ]
        .into_iter()
        .find(|d| d.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The masthead block of the first page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Masthead {
    /// Document symbol such as `CAC/COSP/EG.1/2023/4`.
    pub symbol: Option<Spanned<String>>,
    /// Issuing organ; one entry per line.
    pub organ: Vec<Spanned<String>>,
    /// Distribution class.
    pub distribution: Option<Spanned<Distribution>>,
    /// Date of the document.
    pub date: Option<Spanned<Date>>,
    /// Language the document was originally written in.
    pub original: Option<Spanned<Lang>>,
    /// The body whose session this is, where it differs from the organ
    /// (`Human Rights Council` under `General Assembly`), printed above the session line.
    pub session_body: Option<Spanned<String>>,
    /// Session line, e.g. "Eightieth session".
    pub session: Option<Spanned<String>>,
    /// The session's dates, where the organ prints them (`24 February–4 April 2025`).
    pub session_dates: Option<Spanned<String>>,
    /// Agenda item lines.
    pub agenda: Vec<Spanned<String>>,
    /// The agenda item's own title, printed under the agenda line.
    pub agenda_title: Option<Spanned<String>>,
    /// Job number, e.g. `V.23-18588 (C)`.
    pub job_number: Option<Spanned<String>>,
    /// Duty station that issues the document.
    pub duty_station: Option<Spanned<DutyStation>>,
}

impl Masthead {
    /// Sets the duty station the print tells ([`DutyStation::told_by`]),
    /// placed at the job number, when none is named.
    pub fn infer_duty_station(&mut self, letter_paper: bool) {
        if self.duty_station.is_some() {
            return;
        }
        let job = self.job_number.as_ref();
        if let Some(station) = DutyStation::told_by(job.map(|j| j.value.as_str()), letter_paper) {
            let span = job.map(|j| j.span).unwrap_or_default();
            self.duty_station = Some(Spanned::new(station, span));
        }
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A chapter (`I.`, `一.`, `أولا -`).
    Chapter(Division),
    /// A section inside a chapter (`A.`, `ألف -`).
    Section(Division),
    /// A heading below sections (`1. Civilian personnel`, `(a) Posts`): it
    /// marks the flow of its chapter or section and holds no blocks.
    Subheading(Subheading),
    /// A numbered paragraph.
    Para(Para),
    /// An unnumbered paragraph (front matter, annex text).
    Text(Spanned<Vec<Inline>>),
    /// A table, between paragraphs.
    Table(Table),
    /// A figure (a chart or picture), between paragraphs.
    Figure(Figure),
}

/// The summary box of a report: unnumbered paragraphs (and perhaps a table)
/// under the heading "Summary" in the document's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Its heading as written (`Summary`, `Résumé`), when it has one: the
    /// boxes of figures in budget reports have none.
    pub heading: Option<Vec<Inline>>,
    /// Its content.
    pub blocks: Vec<Block>,
    /// Where it starts.
    pub span: Span,
}

/// Where a document's table of contents stands. Its entries (chapters,
/// sections, annexes, with their pages) are set by each writer from the
/// document itself, as Word regenerates a TOC field: a list copied from the
/// source would go stale with the first edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contents {
    /// Whether it comes before the summary box (budget reports set it on
    /// the first page, the summary on a page of its own) or after it.
    pub before_summary: bool,
    /// Where it stood in the source.
    pub span: Span,
}

/// What a table of contents entry points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A chapter of the body, by its number.
    Chapter(u32),
    /// A section of the body, by its number.
    Section(u32),
    /// An annex, by its number (`None`: the only annex).
    Annex(Option<u32>),
}

/// One line of a table of contents.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentsEntry {
    /// What it points at.
    pub kind: EntryKind,
    /// 1 for chapters and annexes (and sections outside any chapter), 2
    /// for a chapter's sections.
    pub level: u8,
    /// The number of the chapter a section stands in.
    pub chapter: Option<u32>,
    /// The heading it repeats, without its footnote marks (the contents
    /// cite no notes).
    pub heading: Vec<Inline>,
}

impl Summary {
    /// The table of a summary that is nothing but a table of figures (a
    /// box of figures, A/80/604/Add.1), set apart from a framed summary
    /// of text (A/80/600) by both writers.
    pub fn table_alone(&self) -> Option<&Table> {
        match (&self.heading, self.blocks.as_slice()) {
            (None, [Block::Table(t)]) => Some(t),
            _ => None,
        }
    }
}

/// A third- or fourth-level heading. Its number restarts in each section (or
/// chapter) and never interrupts the paragraph numbering.
#[derive(Debug, Clone, PartialEq)]
pub struct Subheading {
    /// 3 (`1.`, style H23) or 4 (`(a)`, style H4).
    pub level: u8,
    /// Its number (1 for `1.` or `(a)`); `None` when unnumbered, as many are.
    pub n: Option<u32>,
    /// The heading text without the number.
    pub heading: Vec<Inline>,
    /// Where it was read.
    pub span: Span,
}

/// A table with its number, title, units line, grid, notes and source.
/// `Table { span, ..Table::default() }` is an empty one that readers fill.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// `Table 3` is 3 (numbered through the body, and through each annex);
    /// `None` for an unnumbered table.
    pub n: Option<u32>,
    /// The title, under the number; may be empty.
    pub title: Vec<Inline>,
    /// The units line, e.g. `(Thousands of United States dollars)`.
    pub units: Option<Vec<Inline>>,
    /// The grid's columns.
    pub columns: Vec<Column>,
    /// Header rows, repeated on every page the table spans.
    pub head: Vec<Row>,
    /// Body rows.
    pub body: Vec<Row>,
    /// Notes lettered a, b, c, marked in cells by [`Inline::TableNoteRef`].
    pub notes: Vec<TableNote>,
    /// The source line (`Source: …`).
    pub source: Option<Vec<Inline>>,
    /// Where the table starts.
    pub span: Span,
}

impl Table {
    /// Whether the table itself marks its note `n` (in its title, units or
    /// cells, bold or not).
    pub fn marks(&self, n: u32) -> bool {
        let has = |inlines: &[Inline]| {
            let mut found = false;
            for_each_table_note_mark(inlines, &mut |m, _| found |= m == n);
            found
        };
        has(&self.title)
            || self.units.as_deref().is_some_and(has)
            || self
                .head
                .iter()
                .chain(&self.body)
                .flat_map(|r| &r.cells)
                .any(|c| c.paragraphs.iter().any(|p| has(p)))
    }

    /// Whether body row `r` is a group's label (see [`Row::is_group_label`])
    /// in a table of more than one column, where every row is one cell.
    /// Writers keep such a row with the row under it.
    pub fn is_group_label(&self, r: usize) -> bool {
        self.columns.len() > 1 && self.body.get(r).is_some_and(Row::is_group_label)
    }

    /// The widths its source sets for each of its `columns` grid columns,
    /// when it sets one for every column (a Word file's grid); writers
    /// then share the table's width in these proportions.
    pub fn source_widths(&self, columns: usize) -> Option<Vec<u32>> {
        (columns > 0 && self.columns.len() >= columns)
            .then(|| self.columns[..columns].iter().map(|c| c.width).collect())
            .flatten()
    }
}

/// One column of a table's grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// How its cells align unless a cell says otherwise.
    pub align: Align,
    /// A narrow empty column that only separates others (DGACM tables use them).
    pub spacer: bool,
    /// Its width where the source sets one (a Word table's grid, in
    /// twentieths of a point): writers share a table's width among its
    /// columns in these proportions rather than by their content.
    pub width: Option<u32>,
}

/// Alignment of text in a cell, in the direction of the text: `Start` is
/// left in English and right in Arabic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    /// At the start of the line.
    Start,
    /// Centred.
    Center,
    /// At the end of the line (figures).
    End,
}

impl Align {
    /// Canonical (XML) name.
    pub fn as_str(self) -> &'static str {
        match self {
            Align::Start => "start",
            Align::Center => "center",
            Align::End => "end",
        }
    }

    /// Parses the canonical name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "start" => Some(Align::Start),
            "center" => Some(Align::Center),
            "end" => Some(Align::End),
            _ => None,
        }
    }
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its cells; a cell spanning rows above stands only in its first row.
    pub cells: Vec<Cell>,
    /// A total row, set in bold with a rule above it.
    pub total: bool,
    /// A row of column headings inside the body: a staffing table's
    /// `III. Civilian staff` with its grades under `International staff`,
    /// its own small table's header (Word marks it `tblHeader`). Set as
    /// the header rows are, small and italic between rules, but not
    /// repeated on the next page.
    pub heading: bool,
    /// Where the row starts.
    pub span: Span,
}

impl Row {
    /// Whether the row is a group's label: text in its first cell only
    /// (`I. Military observers`, `Total, including temporary positions`).
    pub fn is_group_label(&self) -> bool {
        let mut cells = self.cells.iter();
        cells.next().is_some_and(|c| !c.paragraphs.is_empty())
            && cells.all(|c| c.paragraphs.is_empty())
    }
}

/// A cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Its paragraphs (most cells hold one; an empty cell none).
    pub paragraphs: Vec<Vec<Inline>>,
    /// Grid columns it spans (at least 1).
    pub col_span: u32,
    /// Rows it spans (at least 1).
    pub row_span: u32,
    /// Its alignment, when it differs from its column's.
    pub align: Option<Align>,
    /// Tab stops its text stands in from the cell's start: a row label
    /// under its group's (`Approved 2024/25` under `I. Military
    /// observers`), as Word sets it with leading tabs. At most
    /// [`Cell::MAX_INDENT`].
    pub indent: u32,
    /// Where it was read.
    pub span: Span,
}

impl Cell {
    /// The deepest indent a cell keeps: labels nest two or three deep.
    pub const MAX_INDENT: u32 = 9;

    /// The plain text of its paragraphs, one after the other.
    pub fn plain_text(&self) -> String {
        self.paragraphs.iter().map(|p| plain_text(p)).collect()
    }
}

/// A note under a table or figure, lettered a, b, c.
#[derive(Debug, Clone, PartialEq)]
pub struct TableNote {
    /// 1 for `a`, 2 for `b` …
    pub n: u32,
    /// The note's text.
    pub content: Vec<Inline>,
    /// Where it was read.
    pub span: Span,
}

/// A figure: a chart or picture with its number, title and alternative text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// `Figure II` is 2 (numbered like tables); `None` when unnumbered.
    pub n: Option<u32>,
    /// The title.
    pub title: Vec<Inline>,
    /// The picture.
    pub image: Image,
    /// What the picture shows, for readers who cannot see it.
    pub alt: String,
    /// Notes lettered a, b, c.
    pub notes: Vec<TableNote>,
    /// The source line.
    pub source: Option<Vec<Inline>>,
    /// Where the figure starts.
    pub span: Span,
}

/// A picture's bytes and what they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The encoding.
    pub kind: ImageKind,
    /// The encoded bytes, as read.
    pub bytes: std::sync::Arc<[u8]>,
    /// Width and height in pixels (for vector formats, in their own units).
    pub width: u32,
    /// See `width`.
    pub height: u32,
}

/// Picture encodings undoc carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// Windows enhanced metafile (Word charts): carried, not drawn in PDF.
    Emf,
    /// Windows metafile: carried, not drawn in PDF.
    Wmf,
}

impl ImageKind {
    /// The media type, as the XML writes it.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Emf => "image/emf",
            ImageKind::Wmf => "image/wmf",
        }
    }

    /// Parses a media type.
    pub fn parse(s: &str) -> Option<Self> {
        [
            ImageKind::Png,
            ImageKind::Jpeg,
            ImageKind::Emf,
            ImageKind::Wmf,
        ]
        .into_iter()
        .find(|k| k.media_type() == s)
    }

    /// The usual file suffix.
    pub fn suffix(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpeg",
            ImageKind::Emf => "emf",
            ImageKind::Wmf => "wmf",
        }
    }
}

/// A chapter or section: a number, a heading and the blocks below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Division {
    /// Logical number (1 for `I.` or `A.`).
    pub n: u32,
    /// Heading text without the number.
    pub heading: Vec<Inline>,
    /// Where the heading was read.
    pub span: Span,
    /// Content: sections (in chapters), paragraphs.
    pub blocks: Vec<Block>,
}

/// A numbered paragraph with its text and an optional list.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Paragraph number, continuous through the document.
    pub n: u32,
    /// The paragraph's text.
    pub content: Vec<Inline>,
    /// A list that the paragraph introduces (it usually ends with a colon).
    pub list: Option<List>,
    /// Where the paragraph starts (its label).
    pub span: Span,
    /// Where its text starts, after the label: the column a diagnostic
    /// about the text counts from (`span` where a reader cannot tell).
    pub text_at: Span,
}

/// How the items of a list are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    /// `1.`, `2.` (Arabic `1 -`).
    Decimal,
    /// `(a)`, `a)`, `(أ)`.
    Alpha,
    /// `(i)`, `i)`.
    Roman,
    /// `•`, `-`: unnumbered items.
    Bullet,
}

impl ListKind {
    /// Canonical (XML) name.
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Decimal => "decimal",
            ListKind::Alpha => "alpha",
            ListKind::Roman => "roman",
            ListKind::Bullet => "bullet",
        }
    }

    /// Parses the canonical name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "decimal" => Some(ListKind::Decimal),
            "alpha" => Some(ListKind::Alpha),
            "roman" => Some(ListKind::Roman),
            "bullet" => Some(ListKind::Bullet),
            _ => None,
        }
    }
}

/// A list inside a paragraph or item; items restart at 1 and do not advance
/// the paragraph counter.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// Label style.
    pub kind: ListKind,
    /// The items in order.
    pub items: Vec<Item>,
}

/// A list item, possibly holding a nested list.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Logical label number (1 for `(a)`, `(i)` or `1.`).
    pub n: u32,
    /// The item's text.
    pub content: Vec<Inline>,
    /// A nested list.
    pub list: Option<List>,
    /// Where the item starts (its label).
    pub span: Span,
    /// Where its text starts, after the label (`span` where a reader
    /// cannot tell).
    pub text_at: Span,
}

/// Inline content of paragraphs, items, headings and titles.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Emphasised (italic) text.
    Emph(String),
    /// Strong (bold) content, which may hold emphasis, references and marks.
    Strong(Vec<Inline>),
    /// A link to a web address, with its text (boxed: links are rare, and
    /// every inline run is as large as the largest kind).
    Link(Box<Link>),
    /// A cited document symbol, linked to `https://undocs.org/<symbol>`.
    Ref(Spanned<String>),
    /// A reference to footnote `n`.
    NoteRef(Spanned<u32>),
    /// The mark of table (or figure) note `n` (1 is `a`), in a cell or title.
    TableNoteRef(Spanned<u32>),
}

/// `inlines` without their footnote and table note marks.
pub fn without_marks(inlines: &[Inline]) -> Vec<Inline> {
    inlines
        .iter()
        .filter_map(|i| match i {
            Inline::NoteRef(_) | Inline::TableNoteRef(_) => None,
            Inline::Strong(inner) => Some(Inline::Strong(without_marks(inner))),
            other => Some(other.clone()),
        })
        .collect()
}

/// Whether `inlines` are a bold line: strong text throughout, perhaps
/// with note marks after it (`**Financial resources**`, a run-in heading
/// of a summary, set as text, not at a paragraph's first tab).
pub fn all_strong(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| matches!(i, Inline::Strong(_)))
        && inlines.iter().all(|i| {
            matches!(
                i,
                Inline::Strong(_) | Inline::NoteRef(_) | Inline::TableNoteRef(_)
            )
        })
}

/// A link to a web address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The address.
    pub url: String,
    /// The text shown.
    pub text: String,
}

/// A footnote, numbered through the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    /// Footnote number.
    pub n: u32,
    /// Footnote text.
    pub content: Vec<Inline>,
    /// Where the footnote text was read.
    pub span: Span,
}

/// An annex following the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    /// Annex number (`Annex I` is 1); `None` for a lone `Annex`.
    pub n: Option<u32>,
    /// The annex title.
    pub heading: Vec<Inline>,
    /// Where the annex starts.
    pub span: Span,
    /// Annex content.
    pub blocks: Vec<Block>,
}

/// Every numbered paragraph among `blocks`, into chapters and sections,
/// in document order.
pub fn paragraphs_in(blocks: &[Block]) -> Vec<&Para> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Para>) {
        for block in blocks {
            match block {
                Block::Chapter(d) | Block::Section(d) => walk(&d.blocks, out),
                Block::Para(p) => out.push(p),
                Block::Text(_) | Block::Subheading(_) | Block::Table(_) | Block::Figure(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(blocks, &mut out);
    out
}

/// Calls `f` with each table note mark of `inlines`, bold ones too, and
/// its place.
pub fn for_each_table_note_mark(inlines: &[Inline], f: &mut dyn FnMut(u32, Span)) {
    for inline in inlines {
        match inline {
            Inline::TableNoteRef(m) => f(m.value, m.span),
            Inline::Strong(inner) => for_each_table_note_mark(inner, f),
            _ => {}
        }
    }
}

/// The plain text of inline content (emphasis, references and footnote marks flattened).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Emph(t) => out.push_str(t),
            Inline::Strong(inner) => push_plain_text(inner, out),
            Inline::Link(link) => out.push_str(&link.text),
            Inline::Ref(r) => out.push_str(&r.value),
            Inline::NoteRef(_) | Inline::TableNoteRef(_) => {}
        }
    }
}

impl Document {
    /// A document in `lang` with nothing in it yet, its (empty) title at
    /// `span`: what the structured readers fill.
    pub fn empty(lang: Lang, span: Span) -> Document {
        Document {
            lang,
            masthead: Masthead::default(),
            title: Spanned::new(Vec::new(), span),
            subtitle: None,
            summary: None,
            contents: None,
            preamble: Vec::new(),
            body: Vec::new(),
            footnotes: Vec::new(),
            annexes: Vec::new(),
        }
    }

    /// The entries of a table of contents, in document order: the body's
    /// chapters and sections (as deep as they nest), then the annexes, as
    /// DGACM lists them. Every writer sets its contents from these.
    pub fn contents_entries(&self) -> Vec<ContentsEntry> {
        fn walk(blocks: &[Block], chapter: Option<u32>, out: &mut Vec<ContentsEntry>) {
            for block in blocks {
                match block {
                    Block::Chapter(d) => {
                        out.push(ContentsEntry {
                            kind: EntryKind::Chapter(d.n),
                            level: 1,
                            chapter: None,
                            heading: without_marks(&d.heading),
                        });
                        walk(&d.blocks, Some(d.n), out);
                    }
                    Block::Section(d) => {
                        out.push(ContentsEntry {
                            kind: EntryKind::Section(d.n),
                            level: if chapter.is_some() { 2 } else { 1 },
                            chapter,
                            heading: without_marks(&d.heading),
                        });
                        walk(&d.blocks, chapter, out);
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.body, None, &mut out);
        out.extend(self.annexes.iter().map(|a| ContentsEntry {
            kind: EntryKind::Annex(a.n),
            level: 1,
            chapter: None,
            heading: without_marks(&a.heading),
        }));
        out
    }

    /// Visits every numbered paragraph of the body in document order.
    pub fn paragraphs(&self) -> Vec<&Para> {
        paragraphs_in(&self.body)
    }

    /// Every cited symbol in the document, in order.
    pub fn refs(&self) -> Vec<&Spanned<String>> {
        fn collect<'a>(inlines: &'a [Inline], out: &mut Vec<&'a Spanned<String>>) {
            for inline in inlines {
                match inline {
                    Inline::Ref(r) => out.push(r),
                    Inline::Strong(inner) => collect(inner, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        self.for_each_inlines(&mut |inlines| collect(inlines, &mut out));
        out
    }

    /// Calls `f` on every run of inline content in document order.
    pub fn for_each_inlines<'a>(&'a self, f: &mut dyn FnMut(&'a [Inline])) {
        f(&self.title.value);
        if let Some(sub) = &self.subtitle {
            f(&sub.value);
        }
        if let Some(summary) = &self.summary {
            if let Some(heading) = &summary.heading {
                f(heading);
            }
            visit_blocks(&summary.blocks, f);
        }
        visit_blocks(&self.preamble, f);
        visit_blocks(&self.body, f);
        for note in &self.footnotes {
            f(&note.content);
        }
        for annex in &self.annexes {
            f(&annex.heading);
            visit_blocks(&annex.blocks, f);
        }
    }
}

/// Calls `f` with every run of inlines in `blocks`, in document order.
pub(crate) fn visit_blocks<'a>(blocks: &'a [Block], f: &mut dyn FnMut(&'a [Inline])) {
    for block in blocks {
        match block {
            Block::Chapter(d) | Block::Section(d) => {
                f(&d.heading);
                visit_blocks(&d.blocks, f);
            }
            Block::Para(p) => {
                f(&p.content);
                if let Some(list) = &p.list {
                    visit_list(list, f);
                }
            }
            Block::Text(t) => f(&t.value),
            Block::Subheading(h) => f(&h.heading),
            Block::Table(t) => visit_table(t, f),
            Block::Figure(fig) => {
                f(&fig.title);
                visit_notes(&fig.notes, fig.source.as_deref(), f);
            }
        }
    }
}

fn visit_table<'a>(table: &'a Table, f: &mut dyn FnMut(&'a [Inline])) {
    f(&table.title);
    if let Some(units) = &table.units {
        f(units);
    }
    for row in table.head.iter().chain(&table.body) {
        for cell in &row.cells {
            for paragraph in &cell.paragraphs {
                f(paragraph);
            }
        }
    }
    visit_notes(&table.notes, table.source.as_deref(), f);
}

fn visit_notes<'a>(
    notes: &'a [TableNote],
    source: Option<&'a [Inline]>,
    f: &mut dyn FnMut(&'a [Inline]),
) {
    for note in notes {
        f(&note.content);
    }
    if let Some(source) = source {
        f(source);
    }
}

fn visit_list<'a>(list: &'a List, f: &mut dyn FnMut(&'a [Inline])) {
    for item in &list.items {
        f(&item.content);
        if let Some(sub) = &item.list {
            visit_list(sub, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_print_tells_new_york_and_vienna_only() {
        use DutyStation::*;
        assert_eq!(
            DutyStation::told_by(Some("V.25-10437 (S)"), false),
            Some(Vienna)
        );
        // A Vienna job number wins over paper; Letter alone is New York.
        assert_eq!(
            DutyStation::told_by(Some("V.25-10437 (S)"), true),
            Some(Vienna)
        );
        assert_eq!(
            DutyStation::told_by(Some("25-12874 (E)"), true),
            Some(NewYork)
        );
        assert_eq!(DutyStation::told_by(Some("25-11536 (F)"), false), None);
        assert_eq!(DutyStation::told_by(None, false), None);
        let mut m = Masthead {
            duty_station: Some(Spanned::new(Geneva, Span::default())),
            ..Masthead::default()
        };
        m.infer_duty_station(true);
        assert_eq!(m.duty_station.map(|d| d.value), Some(Geneva), "named, kept");
    }

    #[test]
    fn iso_dates_are_zero_padded_as_the_format_machinery_pads_them() {
        for (year, month, day) in [
            (2025, 8, 4),
            (99, 1, 1),
            (12345, 12, 31),
            (-5, 1, 9),
            (0, 10, 10),
        ] {
            let date = Date { year, month, day };
            assert_eq!(date.iso(), format!("{year:04}-{month:02}-{day:02}"));
        }
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(Date::parse_iso("2024-02-29").unwrap().is_real());
        assert!(!Date::parse_iso("2023-02-29").unwrap().is_real());
        assert!(!Date::parse_iso("2023-13-01").unwrap().is_real());
        assert!(Date::parse_iso("2023-9-01").is_none());
    }
}
