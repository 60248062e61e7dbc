//! The front of the document: the masthead in `<coverPage>` (AKN4UN: the
//! content of the cover, each part marked for what it is: `docAuthority`,
//! `docNumber`, `docDate`, `session`, `docketNumber` and named `inline`s),
//! the title in `<preface>`, and the summary box, the table of contents
//! (`<toc>`) and unnumbered opening text in `<preamble>`.

use super::AknWriter;
use super::eid::{self, Scope};
use crate::model::{ContentsEntry, EntryKind, Inline, Span, Spanned};

use crate::akn::cover as names;

/// The `class` of the summary box's `tblock`.
pub(super) const SUMMARY: &str = "summary";

impl AknWriter<'_> {
    pub(super) fn cover_page(&mut self, depth: usize) {
        self.newline(depth);
        self.markup("<coverPage>");
        self.container(depth + 1, "masthead", Self::masthead_lines);
        let m = &self.doc.masthead;
        let has_session = m.session_body.is_some()
            || m.session.is_some()
            || m.session_dates.is_some()
            || !m.agenda.is_empty()
            || m.agenda_title.is_some();
        if has_session {
            self.container(depth + 1, "session", Self::session_lines);
        }
        let doc = self.doc;
        if let Some(job) = &doc.masthead.job_number {
            self.container(depth + 1, "jobNumber", |w, depth| {
                let open = (&[][..], "<p><docketNumber>");
                w.line(depth, open, &job.value, "</docketNumber></p>", job.span);
            });
        }
        self.newline(depth);
        self.markup("</coverPage>");
    }

    /// `<container name="…">` holding what `lines` writes.
    fn container(&mut self, depth: usize, name: &str, lines: impl FnOnce(&mut Self, usize)) {
        self.newline(depth);
        self.spelled_plain_tag(&[(r#"<container name=""#, name)], "\">");
        lines(self, depth + 1);
        self.newline(depth);
        self.markup("</container>");
    }

    /// `<p>`, a start tag, `text` and `close` on their own line: `open`
    /// spells the start tag around its attribute values (see
    /// [`crate::write::emit::Emitter::spelled_tag`]) up to `open_end`.
    /// The values are names, ISO dates and concept ids undoc makes from
    /// the masthead's fields, never source text: written as they are.
    fn line(
        &mut self,
        depth: usize,
        (open, open_end): (&[(&'static str, &str)], &'static str),
        text: &str,
        close: &'static str,
        span: Span,
    ) {
        self.newline(depth);
        self.record(span);
        self.spelled_plain_tag(open, open_end);
        self.text(text);
        self.markup(close);
    }

    /// A named `<inline>` line.
    fn named(&mut self, depth: usize, name: &str, refers_to: Option<&str>, line: &Spanned<String>) {
        self.named_text(depth, name, refers_to, &line.value, line.span);
    }

    /// A named `<inline>` line of `text` from `span`.
    fn named_text(
        &mut self,
        depth: usize,
        name: &str,
        refers_to: Option<&str>,
        text: &str,
        span: Span,
    ) {
        const OPEN: &str = r#"<p><inline name=""#;
        const CLOSE: &str = "</inline></p>";
        match refers_to {
            Some(r) => {
                let open = [(OPEN, name), (r#"" refersTo=""#, r)];
                self.line(depth, (&open, "\">"), text, CLOSE, span);
            }
            None => self.line(depth, (&[(OPEN, name)], "\">"), text, CLOSE, span),
        }
    }

    /// Organ, symbol, distribution, date and original language, as printed.
    fn masthead_lines(&mut self, depth: usize) {
        let (m, lang) = (&self.doc.masthead, self.doc.lang);
        if !m.organ.is_empty() {
            let actor = self.identity.actor.as_str();
            self.newline(depth);
            self.record(m.organ[0].span);
            self.spelled_tag(&[(r##"<p><docAuthority refersTo="#"##, actor)], "\">");
            for (i, organ) in m.organ.iter().enumerate() {
                if i > 0 {
                    self.empty("eol", &[]);
                }
                self.text(&organ.value);
            }
            self.markup("</docAuthority>");
            self.markup("</p>");
        }
        let symbol = self.identity.symbol;
        let open = (&[][..], "<p><docNumber>");
        self.line(depth, open, symbol, "</docNumber></p>", Span::default());
        if let Some(d) = &m.distribution {
            let concept = self.ids.build(|c| {
                c.push('#');
                c.push_str(d.value.as_str());
                c.make_ascii_lowercase();
            });
            let text = self.ids.build(|t| lang.push_distribution_line(t, d.value));
            self.named_text(depth, names::DISTRIBUTION, Some(&concept), &text, d.span);
            self.ids.recycle(text);
            self.ids.recycle(concept);
        }
        if let Some(d) = &m.date {
            // The identity's date is the masthead's, in ISO form.
            let iso = self.identity.date.as_str();
            let text = self.ids.build(|t| lang.push_masthead_date(t, d.value));
            let open = [(r#"<p><docDate date=""#, iso)];
            self.line(depth, (&open, "\">"), &text, "</docDate></p>", d.span);
            self.ids.recycle(text);
        }
        if let Some(o) = &m.original {
            if o.value != lang {
                let version = lang.version_line();
                self.named_text(depth, names::VERSION, None, version, o.span);
            }
            let concept = self.ids.build(|c| {
                c.push('#');
                c.push_str(o.value.iso639_2());
            });
            let text = self.ids.build(|t| lang.push_original_line(t, o.value));
            self.named_text(depth, names::ORIGINAL, Some(&concept), &text, o.span);
            self.ids.recycle(text);
            self.ids.recycle(concept);
        }
    }

    /// The session's body, name and dates, the agenda lines and the item's title.
    fn session_lines(&mut self, depth: usize) {
        let m = &self.doc.masthead;
        if let Some(b) = &m.session_body {
            self.named(depth, names::SESSION_BODY, None, b);
        }
        if let Some(s) = &m.session {
            let open = (&[][..], "<p><session>");
            self.line(depth, open, &s.value, "</session></p>", s.span);
        }
        if let Some(d) = &m.session_dates {
            self.named(depth, names::SESSION_DATES, None, d);
        }
        for agenda in &m.agenda {
            self.named(depth, names::AGENDA, None, agenda);
        }
        if let Some(t) = &m.agenda_title {
            self.named(depth, names::AGENDA_TITLE, None, t);
        }
    }

    /// The title (`docTitle`) and the subtitle that says what the document
    /// is (`docType`: `Report of the Secretary-General`).
    pub(super) fn preface(&mut self, depth: usize) {
        self.newline(depth);
        self.markup("<preface>");
        let doc = self.doc;
        let title = ("<p><docTitle>", "</docTitle></p>");
        self.inline_line(depth + 1, title, &doc.title);
        if let Some(sub) = &doc.subtitle {
            self.inline_line(depth + 1, ("<p><docType>", "</docType></p>"), sub);
        }
        self.newline(depth);
        self.markup("</preface>");
    }

    /// `open`, inlines and `close` (`<p><docTitle>`, `</docTitle></p>`)
    /// on their own line.
    fn inline_line(
        &mut self,
        depth: usize,
        (open, close): (&'static str, &'static str),
        content: &Spanned<Vec<Inline>>,
    ) {
        self.newline(depth);
        self.record(content.span);
        self.markup(open);
        self.inlines(&content.value);
        self.markup(close);
    }

    /// The summary box (a `tblock` with its heading) and the unnumbered
    /// text before the first numbered part.
    pub(super) fn preamble(&mut self, depth: usize) {
        let doc = self.doc;
        let entries = match doc.contents {
            Some(_) => doc.contents_entries(),
            None => Vec::new(),
        };
        if doc.summary.is_none() && doc.preamble.is_empty() && entries.is_empty() {
            return;
        }
        self.newline(depth);
        self.markup("<preamble>");
        let scope = Scope::body("preamble__");
        let mut tblocks = 0;
        let contents_first = doc.contents.is_some_and(|c| c.before_summary);
        if contents_first {
            self.toc(depth + 1, &entries);
        }
        if let Some(summary) = &doc.summary {
            tblocks += 1;
            let id = self
                .ids
                .build(|id| scope.push_child(id, "tblock_", tblocks));
            self.newline(depth + 1);
            self.start("tblock", &[("eId", &id), ("class", SUMMARY)], summary.span);
            if let Some(heading) = &summary.heading {
                self.newline(depth + 2);
                self.markup("<heading>");
                self.inlines(heading);
                self.markup("</heading>");
            }
            self.loose_blocks(depth + 2, &summary.blocks, &scope.inside(&id));
            self.newline(depth + 1);
            self.markup("</tblock>");
            self.ids.recycle(id);
        }
        if !contents_first {
            self.toc(depth + 1, &entries);
        }
        self.loose_blocks_from(depth + 1, &doc.preamble, &scope, tblocks);
        self.newline(depth);
        self.markup("</preamble>");
    }

    /// The table of contents (`<toc>`): a `tocItem` per entry, pointing at
    /// its chapter, section or annex by eId. Nothing when there is none.
    fn toc(&mut self, depth: usize, entries: &[ContentsEntry]) {
        let Some(contents) = self.doc.contents.filter(|_| !entries.is_empty()) else {
            return;
        };
        self.newline(depth);
        self.start("toc", &[], contents.span);
        let lang = self.doc.lang;
        for (k, e) in entries.iter().enumerate() {
            let href = self.ids.build(|id| {
                id.push('#');
                push_entry_id(id, e, k, entries);
            });
            let level = e.level.to_string();
            self.newline(depth + 1);
            self.start(
                "tocItem",
                &[("href", &href), ("level", &level)],
                Span::default(),
            );
            self.markup("<inline name=\"num\">");
            self.text(&lang.entry_label(e.kind));
            self.markup("</inline> ");
            self.inlines(&e.heading);
            self.markup("</tocItem>");
            self.ids.recycle(href);
        }
        self.newline(depth);
        self.markup("</toc>");
    }
}

/// The eId of the element entry `k` points at (`chp_II`, `chp_II__sec_A`,
/// `att_1`): annexes are numbered by their place among the annexes.
fn push_entry_id(id: &mut String, e: &ContentsEntry, k: usize, entries: &[ContentsEntry]) {
    match e.kind {
        EntryKind::Chapter(n) => eid::push_chapter(id, n),
        EntryKind::Section(n) => {
            if let Some(c) = e.chapter {
                eid::push_chapter(id, c);
                id.push_str("__");
            }
            eid::push_section(id, n);
        }
        EntryKind::Annex(_) => {
            let before = entries[..k]
                .iter()
                .filter(|x| matches!(x.kind, EntryKind::Annex(_)))
                .count();
            id.push_str("att_");
            crate::lang::push_decimal(id, (before + 1) as u32);
        }
    }
}
