//! The front of the document: the masthead in `<coverPage>` (AKN4UN: the
//! content of the cover, each part marked for what it is: `docAuthority`,
//! `docNumber`, `docDate`, `session`, `docketNumber` and named `inline`s),
//! the title in `<preface>`, and the summary box and unnumbered opening
//! text in `<preamble>`.

use super::AknWriter;
use super::eid::Scope;
use crate::model::{Inline, Span, Spanned};

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
        if let Some(job) = &self.doc.masthead.job_number {
            let (value, span) = (job.value.clone(), job.span);
            self.container(depth + 1, "jobNumber", |w, depth| {
                w.line(depth, "docketNumber", &[], &value, span);
            });
        }
        self.newline(depth);
        self.markup("</coverPage>");
    }

    /// `<container name="…">` holding what `lines` writes.
    fn container(&mut self, depth: usize, name: &str, lines: impl FnOnce(&mut Self, usize)) {
        self.newline(depth);
        self.start("container", &[("name", name)], Span::default());
        lines(self, depth + 1);
        self.newline(depth);
        self.markup("</container>");
    }

    /// `<p><element …>text</element></p>` on its own line.
    fn line(
        &mut self,
        depth: usize,
        element: &str,
        attrs: &[(&str, &str)],
        text: &str,
        span: Span,
    ) {
        self.newline(depth);
        self.start("p", &[], span);
        self.start(element, attrs, Span::default());
        self.text(text);
        self.end(element);
        self.markup("</p>");
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
        match refers_to {
            Some(r) => self.line(
                depth,
                "inline",
                &[("name", name), ("refersTo", r)],
                text,
                span,
            ),
            None => self.line(depth, "inline", &[("name", name)], text, span),
        }
    }

    /// Organ, symbol, distribution, date and original language, as printed.
    fn masthead_lines(&mut self, depth: usize) {
        let (m, lang) = (&self.doc.masthead, self.doc.lang);
        if !m.organ.is_empty() {
            let author = &self.identity.author;
            self.newline(depth);
            self.start("p", &[], m.organ[0].span);
            self.start("docAuthority", &[("refersTo", author)], Span::default());
            for (i, organ) in m.organ.iter().enumerate() {
                if i > 0 {
                    self.empty("eol", &[]);
                }
                self.text(&organ.value);
            }
            self.markup("</docAuthority>");
            self.markup("</p>");
        }
        let symbol = &self.identity.symbol;
        self.line(depth, "docNumber", &[], symbol, Span::default());
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
            let iso = self.ids.build(|iso| d.value.push_iso(iso));
            let text = self.ids.build(|t| lang.push_masthead_date(t, d.value));
            self.line(depth, "docDate", &[("date", &iso)], &text, d.span);
            self.ids.recycle(text);
            self.ids.recycle(iso);
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
            self.line(depth, "session", &[], &s.value, s.span);
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
        self.inline_line(depth + 1, "docTitle", &self.doc.title);
        if let Some(sub) = &self.doc.subtitle {
            self.inline_line(depth + 1, "docType", sub);
        }
        self.newline(depth);
        self.markup("</preface>");
    }

    /// `<p><element>inlines</element></p>` on its own line.
    fn inline_line(&mut self, depth: usize, element: &str, content: &Spanned<Vec<Inline>>) {
        self.newline(depth);
        self.start("p", &[], content.span);
        self.start(element, &[], Span::default());
        self.inlines(&content.value);
        self.end(element);
        self.markup("</p>");
    }

    /// The summary box (a `tblock` with its heading) and the unnumbered
    /// text before the first numbered part.
    pub(super) fn preamble(&mut self, depth: usize) {
        let doc = self.doc;
        if doc.summary.is_none() && doc.preamble.is_empty() {
            return;
        }
        self.newline(depth);
        self.markup("<preamble>");
        let scope = Scope::body("preamble__");
        let mut tblocks = 0;
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
        self.loose_blocks_from(depth + 1, &doc.preamble, &scope, tblocks);
        self.newline(depth);
        self.markup("</preamble>");
    }
}
