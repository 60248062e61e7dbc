//! Paragraphs and their runs: properties, text, tabs, footnote references,
//! fields, hyperlinks, tracked changes, pictures and text boxes.

use quick_xml::events::BytesStart;

use super::content::{Field, Place, Run, RunKind, Story, WPara, align, external_link, rel_id};
use super::styles::{NumRef, Style};
use super::xml::{Ev, attr, local, num, on, val};
use crate::diagnostic::Diagnostic;

/// Direct run properties.
#[derive(Debug, Default, Clone)]
struct RunProps {
    style: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    sup: bool,
}

impl Story<'_, '_> {
    /// Reads a paragraph whose `w:p` has just opened.
    pub(super) fn paragraph(&mut self, place: &Place) -> Result<WPara, Diagnostic> {
        let mut p = WPara::default();
        let mut links: Vec<Option<String>> = Vec::new();
        p.toc = self.in_toc();
        let (revisions, comments) = (self.stats.revisions, self.stats.comments);
        loop {
            match self.r.next()? {
                Ev::Start(e) => match local(&e) {
                    b"pPr" => self.para_props(&mut p)?,
                    b"r" => self.run(&mut p, links.last().cloned().flatten())?,
                    b"hyperlink" => {
                        let url = attr(&e, b"id").and_then(|id| external_link(self.rels, &id));
                        links.push(url);
                    }
                    b"fldSimple" => {
                        self.stats.fields += 1;
                        let instr = attr(&e, b"instr").unwrap_or_default().into_owned();
                        self.fields.push(Field {
                            instr,
                            in_result: true,
                        });
                    }
                    b"ins" | b"moveTo" => self.stats.revisions += 1,
                    b"del" | b"moveFrom" => {
                        self.stats.revisions += 1;
                        self.r.skip()?;
                    }
                    b"sdtPr" | b"Fallback" => self.r.skip()?,
                    _ => {}
                },
                Ev::Empty(e) => match local(&e) {
                    b"commentReference" => self.stats.comments += 1,
                    b"fldSimple" => self.stats.fields += 1,
                    _ => {}
                },
                Ev::End(name) => match name.local() {
                    b"p" => break,
                    b"hyperlink" => {
                        links.pop();
                    }
                    b"fldSimple" => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                Ev::Eof => break,
                Ev::Text(_) => {}
            }
        }
        p.toc |= self.in_toc();
        p.position = self.next_position(place);
        if self.stats.revisions > revisions && self.stats.revision_at.is_none() {
            self.stats.revision_at = Some(p.position.clone());
        }
        if self.stats.comments > comments && self.stats.comment_at.is_none() {
            self.stats.comment_at = Some(p.position.clone());
        }
        Ok(p)
    }

    /// Whether a table-of-contents field is open.
    fn in_toc(&self) -> bool {
        self.fields.iter().any(|f| instr_is(&f.instr, "TOC"))
    }

    fn para_props(&mut self, p: &mut WPara) -> Result<(), Diagnostic> {
        let mut num_ref: Option<NumRef> = None;
        loop {
            let (e, open) = match self.r.next()? {
                Ev::Start(e) => (e, true),
                Ev::Empty(e) => (e, false),
                Ev::End(name) if name.is(b"pPr") => break,
                Ev::Eof => break,
                _ => continue,
            };
            {
                match local(&e) {
                    b"pStyle" => p.style = val(&e).map(|v| v.into_owned()),
                    b"numId" => {
                        let n = num_ref.get_or_insert_with(NumRef::default);
                        n.num_id = num(&e, b"val").unwrap_or(0).clamp(0, u32::MAX as i64) as u32;
                    }
                    b"ilvl" => {
                        let n = num_ref.get_or_insert_with(NumRef::default);
                        n.ilvl = num(&e, b"val").unwrap_or(0).clamp(0, 8) as u32;
                    }
                    b"outlineLvl" => p.outline = num(&e, b"val").map(|n| n.clamp(0, 9) as u32),
                    b"jc" => p.align = val(&e).and_then(|v| align(&v)),
                    b"bidi" => p.bidi = on(&e),
                    b"sectPr" if open => self.section()?,
                    b"rPr" | b"pPrChange" | b"tabs" if open => self.r.skip()?,
                    _ => {}
                }
            }
        }
        p.num = num_ref;
        Ok(())
    }

    fn run(&mut self, p: &mut WPara, link: Option<String>) -> Result<(), Diagnostic> {
        let mut props = RunProps::default();
        let mut pending: Vec<RunKind> = Vec::new();
        let mut text = String::new();
        loop {
            match self.r.next()? {
                Ev::Start(e) => match local(&e) {
                    b"rPr" => props = self.run_props()?,
                    b"t" if self.visible() => self.text_until(b"t", &mut text)?,
                    b"instrText" => {
                        let mut t = String::new();
                        self.text_until(b"instrText", &mut t)?;
                        if let Some(f) = self.fields.last_mut().filter(|f| !f.in_result) {
                            f.instr.push_str(&t);
                        }
                    }
                    b"drawing" | b"pict" | b"object" => {
                        flush(&mut text, &mut pending);
                        if let Some(image) = self.picture(local(&e).to_vec())? {
                            pending.push(image);
                        }
                    }
                    b"delText" | b"Fallback" | b"sym" => self.r.skip()?,
                    _ => {}
                },
                Ev::Empty(e) => self.run_mark(&e, &mut text, &mut pending, p),
                Ev::End(name) if name.is(b"r") => break,
                Ev::Eof => break,
                _ => {}
            }
        }
        flush(&mut text, &mut pending);
        let style = self.styles.get(p.style.as_deref());
        let char_style = props.style.as_deref().map(|s| self.styles.get(Some(s)));
        for kind in pending {
            p.runs
                .push(self.styled(kind, &props, style, char_style, link.clone()));
        }
        Ok(())
    }

    fn styled(
        &self,
        kind: RunKind,
        props: &RunProps,
        para: Style,
        char_style: Option<Style>,
        link: Option<String>,
    ) -> Run {
        let from_styles = |f: fn(&Style) -> bool| f(&para) || char_style.as_ref().is_some_and(f);
        Run {
            kind,
            bold: props.bold.unwrap_or_else(|| from_styles(|s| s.bold)),
            italic: props.italic.unwrap_or_else(|| from_styles(|s| s.italic)),
            sup: props.sup,
            link: link.or_else(|| self.field_link()),
        }
    }

    /// The address of an open HYPERLINK field, for its result's runs.
    fn field_link(&self) -> Option<String> {
        let f = self
            .fields
            .iter()
            .rev()
            .find(|f| instr_is(&f.instr, "HYPERLINK"))?;
        let rest = f.instr.trim_start()["HYPERLINK".len()..].trim();
        if rest.starts_with("\\l") {
            return None;
        }
        let url = rest.trim_start_matches('"');
        let url = &url[..url.find('"').unwrap_or(url.len())];
        url.starts_with("http").then(|| url.to_string())
    }

    /// An empty element inside a run: tabs, breaks, references, field characters.
    fn run_mark(
        &mut self,
        e: &BytesStart,
        text: &mut String,
        pending: &mut Vec<RunKind>,
        p: &mut WPara,
    ) {
        let visible = self.visible();
        match local(e) {
            b"tab" | b"ptab" if visible => text.push('\t'),
            b"br" | b"cr" if visible && attr(e, b"type").is_none_or(|t| t == "textWrapping") => {
                text.push(' ')
            }
            b"noBreakHyphen" if visible => text.push('\u{2011}'),
            b"footnoteReference" | b"endnoteReference" if visible => {
                flush(text, pending);
                pending.push(RunKind::NoteRef {
                    id: num(e, b"id").unwrap_or(-1),
                    endnote: local(e) == b"endnoteReference",
                });
            }
            b"fldChar" => self.field_char(e, p),
            b"commentReference" => self.stats.comments += 1,
            _ => {}
        }
    }

    fn field_char(&mut self, e: &BytesStart, p: &mut WPara) {
        match attr(e, b"fldCharType").as_deref() {
            Some("begin") => {
                self.stats.fields += 1;
                self.fields.push(Field {
                    instr: String::new(),
                    in_result: false,
                });
            }
            Some("separate") => {
                if let Some(f) = self.fields.last_mut() {
                    f.in_result = true;
                }
                p.toc |= self.in_toc();
            }
            Some("end") => {
                p.toc |= self.in_toc();
                self.fields.pop();
            }
            _ => {}
        }
    }

    /// Whether text read now is shown: outside field instructions.
    fn visible(&self) -> bool {
        self.fields.iter().all(|f| f.in_result)
    }

    fn run_props(&mut self) -> Result<RunProps, Diagnostic> {
        let mut props = RunProps::default();
        loop {
            let (e, open) = match self.r.next()? {
                Ev::Start(e) => (e, true),
                Ev::Empty(e) => (e, false),
                Ev::End(name) if name.is(b"rPr") => return Ok(props),
                Ev::Eof => return Ok(props),
                _ => continue,
            };
            {
                match local(&e) {
                    b"rStyle" => props.style = val(&e).map(|v| v.into_owned()),
                    b"b" => props.bold = Some(on(&e)),
                    b"i" => props.italic = Some(on(&e)),
                    b"vertAlign" => props.sup = val(&e).as_deref() == Some("superscript"),
                    b"rPrChange" if open => self.r.skip()?,
                    _ => {}
                }
            }
        }
    }

    /// Appends the text of a `w:t` (or `w:instrText`) up to its end to `out`.
    fn text_until(&mut self, end: &[u8], out: &mut String) -> Result<(), Diagnostic> {
        loop {
            match self.r.next()? {
                Ev::Text(t) => out.push_str(&t),
                Ev::End(name) if name.is(end) => return Ok(()),
                Ev::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// A picture (DrawingML or VML) up to the end of `end`: its blip and
    /// description; text boxes inside become paragraphs after this one.
    fn picture(&mut self, end: Vec<u8>) -> Result<Option<RunKind>, Diagnostic> {
        let (mut rel, mut alt) = (None, String::new());
        loop {
            let (e, open) = match self.r.next()? {
                Ev::Start(e) => (e, true),
                Ev::Empty(e) => (e, false),
                Ev::End(name) if name.is(&end) => break,
                Ev::Eof => break,
                _ => continue,
            };
            {
                match local(&e) {
                    b"docPr" => {
                        alt = attr(&e, b"descr")
                            .filter(|d| !d.trim().is_empty())
                            .or_else(|| attr(&e, b"title"))
                            .unwrap_or_default()
                            .into_owned();
                    }
                    b"blip" | b"imagedata" => rel = rel.or_else(|| rel_id(&e)),
                    b"txbxContent" if open => {
                        let mut boxed = Vec::new();
                        let place = Place::Cell("text box".into());
                        self.until(Some(b"txbxContent".to_vec()), &mut boxed, &place)?;
                        self.boxed.extend(boxed);
                    }
                    b"Fallback" if open => self.r.skip()?,
                    _ => {}
                }
            }
        }
        Ok(rel.map(|rel| RunKind::Image { rel, alt }))
    }
}

/// Moves gathered text into the run's pieces.
fn flush(text: &mut String, pending: &mut Vec<RunKind>) {
    if !text.is_empty() {
        pending.push(RunKind::Text(std::mem::take(text)));
    }
}

/// Whether a field instruction is of `kind` (`TOC \o "1-3"` is a TOC).
fn instr_is(instr: &str, kind: &str) -> bool {
    let t = instr.trim_start();
    t.len() >= kind.len()
        && t[..kind.len()].eq_ignore_ascii_case(kind)
        && t[kind.len()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}
