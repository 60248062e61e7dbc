//! The front of a document: the masthead fields marked in `<coverPage>` and
//! `<preface>` (`docAuthority`, `docNumber`, `docDate`, `session`,
//! `docketNumber`, named `inline`s), the title (`docTitle`) and subtitle
//! (`docType`), and the `<preamble>`: the summary box and unnumbered text.

use super::{AknReader, meta::iso_date};
use crate::lang;
use crate::model::{Contents, Distribution, Document, Masthead, Spanned, Summary};
use crate::read::xml::tree::{Element, Node};
use std::borrow::Cow;

use crate::akn::cover as names;

/// The trimmed text of `el`, its white space runs made single spaces.
fn line_text(el: &Element) -> String {
    el.text().split_whitespace().collect::<Vec<_>>().join(" ")
}

impl<'t> AknReader<'t> {
    /// The masthead, title and subtitle marked anywhere in `part`.
    pub(super) fn front(&mut self, part: &'t Element<'t>, doc: &mut Document) {
        if part.name == "preface" {
            self.in_preface = true;
        }
        for el in part.elements() {
            self.front_element(el, doc);
        }
    }

    fn front_element(&mut self, el: &'t Element<'t>, doc: &mut Document) {
        match el.name {
            "container" | "p" | "block" | "blockContainer" => {
                if el
                    .children
                    .iter()
                    .any(|c| matches!(c, Node::Text(t) if !t.trim().is_empty()))
                {
                    self.unheld(el, "cover text that marks no masthead field; not read");
                }
                for child in el.elements() {
                    self.front_element(child, doc);
                }
            }
            "docTitle" => {
                if doc.title.value.is_empty() || (self.in_preface && !self.title_in_preface) {
                    self.title_in_preface = self.in_preface;
                    doc.title = Spanned::new(self.inline_content(el), el.span);
                }
            }
            "shortTitle" if doc.title.value.is_empty() => {
                doc.title = Spanned::new(self.inline_content(el), el.span);
            }
            "longTitle" => {
                self.unheld(el, "a long title; kept as unnumbered text before the body");
                let blocks = self.blocks(el);
                doc.preamble.extend(blocks);
            }
            "docType" if doc.subtitle.is_none() => {
                doc.subtitle = Some(Spanned::new(self.inline_content(el), el.span));
            }
            "eol" | "br" => {}
            _ => {
                if !self.masthead_field(el, &mut doc.masthead) {
                    self.unheld(
                        el,
                        "a cover element that is no masthead field undoc knows; not read",
                    );
                }
            }
        }
    }

    /// Sets the masthead field `el` marks; false when it marks none.
    fn masthead_field(&mut self, el: &Element, m: &mut Masthead) -> bool {
        let line = || Spanned::new(line_text(el), el.span);
        match el.name {
            "docAuthority" => return self.organ(el, m),
            "docNumber" => {
                let symbol = line_text(el);
                if m.symbol.is_some() && !crate::symbol::is_valid(&symbol) {
                    return false;
                }
                m.symbol = Some(Spanned::new(symbol, el.span));
            }
            "docDate" => match el.attr("date").and_then(iso_date) {
                Some(date) => m.date = Some(Spanned::new(date, el.span)),
                None => return false,
            },
            "session" => m.session = Some(line()),
            "docketNumber" => m.job_number = Some(line()),
            "inline" => return self.named_field(el, m),
            _ => return false,
        }
        true
    }

    /// The organ's lines (the `eol`s between them): of the authority the
    /// Work names as its author, else of the first authority.
    fn organ(&mut self, el: &Element, m: &mut Masthead) -> bool {
        let refers = el.attr("refersTo").map(|r| r.trim_start_matches('#'));
        let is_author = refers.is_some() && refers == self.author.as_deref();
        if !m.organ.is_empty() && !is_author {
            return false;
        }
        let mut lines = vec![String::new()];
        for child in el.children {
            let text: Cow<str> = match child {
                Node::Element(e) if e.name == "eol" || e.name == "br" => {
                    lines.push(String::new());
                    continue;
                }
                Node::Element(e) => e.text().into(),
                Node::Text(t) => Cow::Borrowed(t),
            };
            if let Some(last) = lines.last_mut() {
                last.push_str(&text);
            }
        }
        m.organ = lines
            .iter()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .map(|l| Spanned::new(l, el.span))
            .collect();
        true
    }

    /// A named `<inline>`: distribution, original language, session and agenda lines.
    fn named_field(&mut self, el: &Element, m: &mut Masthead) -> bool {
        let line = || Spanned::new(line_text(el), el.span);
        let concept = el
            .attr("refersTo")
            .map(|r| r.trim_start_matches('#').to_string());
        match el.attr("name").unwrap_or("") {
            names::DISTRIBUTION => {
                let by_concept = concept.and_then(|c| {
                    let capital = c[..1.min(c.len())].to_uppercase() + c.get(1..).unwrap_or("");
                    Distribution::parse(&capital)
                });
                match by_concept.or_else(|| lang::parse_distribution(&line_text(el))) {
                    Some(d) => m.distribution = Some(Spanned::new(d, el.span)),
                    None => return false,
                }
            }
            names::ORIGINAL => {
                let by_concept = concept.and_then(|c| lang::Lang::from_iso639_2(&c));
                match by_concept.or_else(|| lang::parse_original_line(&line_text(el))) {
                    Some(l) => m.original = Some(Spanned::new(l, el.span)),
                    None => return false,
                }
            }
            names::VERSION => {}
            names::SESSION_BODY => m.session_body = Some(line()),
            names::SESSION_DATES => m.session_dates = Some(line()),
            names::AGENDA => m.agenda.push(line()),
            names::AGENDA_TITLE => m.agenda_title = Some(line()),
            _ => return false,
        }
        true
    }

    /// The summary box (`<tblock class="summary">`) and the unnumbered text.
    pub(super) fn preamble(&mut self, part: &'t Element<'t>, doc: &mut Document) {
        for child in part.elements() {
            if child.name == "toc" {
                // The writers set the entries again from the document.
                doc.contents = Some(Contents {
                    before_summary: doc.summary.is_none(),
                    span: child.span,
                });
            } else if child.name == "tblock" && child.attr("class") == Some("summary") {
                let heading = child.elements().find(|e| e.name == "heading");
                let blocks = child
                    .elements()
                    .filter(|e| !matches!(e.name, "heading" | "num" | "subheading"))
                    .flat_map(|e| self.block(e))
                    .collect();
                doc.summary = Some(Summary {
                    heading: heading.map(|h| self.inline_content(h)),
                    blocks,
                    span: child.span,
                });
            } else {
                let blocks = self.block(child);
                doc.preamble.extend(blocks);
            }
        }
    }
}
