//! What a reader did to a source's text that an archivist auditing a batch
//! must be able to see: text dropped (page furniture, a contents table),
//! moved (footnotes from the page foot to their marks), changed (words
//! hyphenated at a line end joined) or not rebuilt (a table kept as one
//! block). The library returns these; the binary counts and lists them.

/// One kind of decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// A running header or footer line (symbol, page number, job number,
    /// barcode, `Please recycle`) removed.
    FurnitureDropped,
    /// A line of the contents table removed.
    ContentsDropped,
    /// A footnote moved from the page foot, its mark restored in the text.
    FootnoteMoved,
    /// A footnote whose mark was not found: kept, its mark put at the end of
    /// its page's text, with a warning.
    FootnoteUnplaced,
    /// A table region rebuilt into rows and columns.
    TableRebuilt,
    /// A table region whose grid was not clear: kept as one block, a line per row.
    TableKept,
    /// A word hyphenated at a line end joined into one word.
    HyphenJoined,
    /// A compound's hyphen that pdftotext's raw reading dropped where a
    /// line broke at it (`SecretaryGeneral`), put back.
    HyphenRestored,
    /// A heading's label or a list item's number that raw text read apart
    /// from its text, put back before that text.
    LabelMoved,
    /// A heading or paragraph whose number broke its sequence (a table's
    /// row labelled like a chapter) read as text, its label kept, with a
    /// warning.
    NumberReadAsText,
    /// A table note's mark that extracted text set apart from the line
    /// leading into its table (`Human resources a`), put back as the mark.
    NoteMarkRestored,
    /// A rebuilt table whose header cells came partly after its rows, so
    /// that their columns could not be told: its headings kept as one
    /// heading across the table, with a warning.
    HeaderJoined,
}

impl Action {
    /// Every action, in the order reports list them.
    pub const ALL: [Action; 12] = [
        Action::FurnitureDropped,
        Action::ContentsDropped,
        Action::FootnoteMoved,
        Action::FootnoteUnplaced,
        Action::TableRebuilt,
        Action::TableKept,
        Action::HyphenJoined,
        Action::HyphenRestored,
        Action::LabelMoved,
        Action::NumberReadAsText,
        Action::NoteMarkRestored,
        Action::HeaderJoined,
    ];

    /// A short name for the summary line (`furniture dropped`).
    pub fn name(self) -> &'static str {
        match self {
            Action::FurnitureDropped => "furniture lines dropped",
            Action::ContentsDropped => "contents lines dropped",
            Action::FootnoteMoved => "footnotes moved",
            Action::FootnoteUnplaced => "footnotes unplaced",
            Action::TableRebuilt => "tables rebuilt",
            Action::TableKept => "tables kept as blocks",
            Action::HyphenJoined => "hyphens joined",
            Action::HyphenRestored => "hyphens restored",
            Action::LabelMoved => "labels moved",
            Action::NumberReadAsText => "numbers out of order read as text",
            Action::NoteMarkRestored => "table note marks restored",
            Action::HeaderJoined => "table headers joined",
        }
    }
}

/// One decision, at the source line it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// What was done.
    pub action: Action,
    /// The 1-based source line.
    pub line: u32,
    /// The text concerned (the dropped line, the note's start, the joined word).
    pub text: String,
}

impl Decision {
    /// A decision at `line` about `text`.
    pub fn new(action: Action, line: u32, text: impl Into<String>) -> Self {
        Decision {
            action,
            line,
            text: text.into(),
        }
    }
}

/// How many decisions of each action there are, in [`Action::ALL`] order,
/// leaving out those with none.
pub fn tally(decisions: &[Decision]) -> Vec<(Action, usize)> {
    Action::ALL
        .iter()
        .map(|&a| (a, decisions.iter().filter(|d| d.action == a).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}
