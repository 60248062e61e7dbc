//! `word/styles.xml`: what each paragraph style means in a DGACM file
//! (HCh a chapter, H1 a section, SingleTxt body text …) and the bold,
//! italic and numbering a style gives, each through its `basedOn` chain.

use std::collections::HashMap;

use super::xml::{Ev, PartReader, attr, local, num, on, val};
use crate::diagnostic::Diagnostic;

/// What a paragraph style says a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Chapter heading (HCh, Heading 1).
    Chapter,
    /// Section heading (H1, Heading 2).
    Section,
    /// Third-level heading (H23, Heading 3).
    Sub3,
    /// Fourth-level heading (H4, H56, Heading 4).
    Sub4,
    /// Body text (SingleTxt, Normal and anything unknown).
    Body,
    /// The document title (TitleHCH).
    Title,
    /// The subtitle (TitleH1).
    Subtitle,
    /// The session line.
    Session,
    /// An agenda item line.
    Agenda,
    /// The agenda item's title.
    AgendaTitle,
    /// Footnote text (and, in the body, table notes).
    Note,
    /// A list paragraph (numbered or bulleted by its numbering).
    List,
    /// A table-of-contents entry, which the writers regenerate.
    Toc,
}

/// Style ids and built-in names that carry a role; the nearest one up a
/// style's `basedOn` chain decides (Session is based on H23, yet a session line).
const ROLES: &[(&str, Role)] = &[
    ("HCh", Role::Chapter),
    ("H1", Role::Section),
    ("H23", Role::Sub3),
    ("H4", Role::Sub4),
    ("H56", Role::Sub4),
    ("SingleTxt", Role::Body),
    ("Normal", Role::Body),
    ("TitleHCH", Role::Title),
    ("TitleH1", Role::Subtitle),
    ("Session", Role::Session),
    ("AgendaItemNormal", Role::Agenda),
    ("AgendaItem", Role::Agenda),
    ("AgendaTitleH2", Role::AgendaTitle),
    ("FootnoteText", Role::Note),
    ("ListParagraph", Role::List),
    ("Bullet1", Role::List),
    ("Bullet2", Role::List),
    ("Bullet3", Role::List),
    ("Heading1", Role::Chapter),
    ("Heading2", Role::Section),
    ("Heading3", Role::Sub3),
    ("Heading4", Role::Sub4),
    ("heading 1", Role::Chapter),
    ("heading 2", Role::Section),
    ("heading 3", Role::Sub3),
    ("heading 4", Role::Sub4),
    ("Title", Role::Title),
    ("Subtitle", Role::Subtitle),
    ("footnote text", Role::Note),
    ("List Paragraph", Role::List),
    ("TOC Heading", Role::Toc),
];

/// A paragraph's numbering: `w:numId` and level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumRef {
    /// The `w:num` instance (0 removes numbering).
    pub num_id: u32,
    /// The level, 0–8.
    pub ilvl: u32,
}

/// One style as written.
#[derive(Debug, Clone, Default)]
struct Raw {
    name: String,
    based_on: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    num: Option<NumRef>,
    outline: Option<u32>,
}

/// A style resolved through its chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// What its paragraphs are.
    pub role: Role,
    /// Bold text.
    pub bold: bool,
    /// Italic text.
    pub italic: bool,
    /// Numbering attached to the style.
    pub num: Option<NumRef>,
    /// Outline level (0 is the top), where the style sets one.
    pub outline: Option<u32>,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            role: Role::Body,
            bold: false,
            italic: false,
            num: None,
            outline: None,
        }
    }
}

/// Every style of the file, resolved.
#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    /// The style `id`, or the default (body text) for an unknown one.
    pub fn get(&self, id: Option<&str>) -> Style {
        if let Some(style) = id.and_then(|id| self.by_id.get(id)) {
            return *style;
        }
        let base = self.by_id.get("Normal").copied().unwrap_or_default();
        match id.and_then(|id| role_of(id, id)) {
            // A style the file uses but does not define: known by its id.
            Some(role) => Style { role, ..base },
            None => base,
        }
    }

    /// Reads `word/styles.xml`.
    pub fn read(bytes: &[u8], part: &str) -> Result<Styles, Diagnostic> {
        let raw = read_raw(bytes, part)?;
        let by_id = raw
            .keys()
            .map(|id| (id.clone(), resolve(&raw, id)))
            .collect();
        Ok(Styles { by_id })
    }
}

/// Resolves `id` through its `basedOn` chain (cut at 32 links: a loop
/// in a hostile file ends there).
fn resolve(raw: &HashMap<String, Raw>, id: &str) -> Style {
    let mut style = Style::default();
    let (mut role, mut bold, mut italic, mut num, mut outline) = (None, None, None, None, None);
    let mut at = Some(id);
    for _ in 0..32 {
        let Some(current) = at.and_then(|id| raw.get(id).map(|r| (id, r))) else {
            break;
        };
        let (cid, r) = current;
        role = role.or_else(|| role_of(cid, &r.name));
        bold = bold.or(r.bold);
        italic = italic.or(r.italic);
        num = num.or(r.num);
        outline = outline.or(r.outline);
        at = r.based_on.as_deref();
    }
    style.role = role.unwrap_or(Role::Body);
    style.bold = bold.unwrap_or(false);
    style.italic = italic.unwrap_or(false);
    style.num = num.filter(|n| n.num_id != 0);
    style.outline = outline;
    style
}

fn role_of(id: &str, name: &str) -> Option<Role> {
    if id.starts_with("TOC") || name.to_ascii_lowercase().starts_with("toc ") {
        return Some(Role::Toc);
    }
    let base = without_template_suffix(id);
    ROLES
        .iter()
        .find(|(key, _)| *key == id || Some(*key) == base || key.eq_ignore_ascii_case(name))
        .map(|(_, role)| *role)
}

/// The New York style id a Geneva template's id stands for: UNOG's
/// templates name the same styles with a `G` after them, and a language's
/// letter after that in some (`HChG`, `H1G`, `SingleTxtG`, `SingleTxtGR`
/// Russian, `Bullet1GC` Chinese, `…GA`, `…GE`, `…GF`, `…GS`).
fn without_template_suffix(id: &str) -> Option<&str> {
    let id = id
        .strip_suffix(['R', 'C', 'A', 'E', 'F', 'S'])
        .filter(|rest| rest.ends_with('G'))
        .unwrap_or(id);
    id.strip_suffix('G').filter(|base| !base.is_empty())
}

fn read_raw(bytes: &[u8], part: &str) -> Result<HashMap<String, Raw>, Diagnostic> {
    let mut r = PartReader::new(bytes, part);
    let mut out = HashMap::new();
    let mut current: Option<(String, Raw)> = None;
    // Inside a paragraph style's run properties (not a table style's conditional ones).
    let mut in_tbl_style_pr = 0usize;
    loop {
        match r.next()? {
            Ev::Start(e) | Ev::Empty(e) if local(&e) == b"style" => {
                let is_para =
                    attr(&e, b"type").is_none_or(|t| t == "paragraph" || t == "character");
                current = attr(&e, b"styleId")
                    .filter(|_| is_para)
                    .map(|id| (id.into_owned(), Raw::default()));
            }
            Ev::Start(e) if local(&e) == b"tblStylePr" => in_tbl_style_pr += 1,
            Ev::End(name) if name.is(b"tblStylePr") => in_tbl_style_pr -= 1,
            Ev::End(name) if name.is(b"style") => {
                if let Some((id, raw)) = current.take() {
                    out.insert(id, raw);
                }
            }
            Ev::Start(e) | Ev::Empty(e) if in_tbl_style_pr == 0 => {
                if let Some((_, raw)) = current.as_mut() {
                    style_property(&e, raw);
                }
            }
            Ev::Eof => return Ok(out),
            _ => {}
        }
    }
}

fn style_property(e: &quick_xml::events::BytesStart, raw: &mut Raw) {
    match local(e) {
        b"name" => raw.name = val(e).unwrap_or_default().into_owned(),
        b"basedOn" => raw.based_on = val(e).map(|v| v.into_owned()),
        b"b" => raw.bold = Some(on(e)),
        b"i" => raw.italic = Some(on(e)),
        b"outlineLvl" => raw.outline = num(e, b"val").map(|n| n.clamp(0, 9) as u32),
        b"numId" => {
            let n = raw.num.get_or_insert_with(NumRef::default);
            n.num_id = num(e, b"val").unwrap_or(0).clamp(0, u32::MAX as i64) as u32;
        }
        b"ilvl" => {
            let n = raw.num.get_or_insert_with(NumRef::default);
            n.ilvl = num(e, b"val").unwrap_or(0).clamp(0, 8) as u32;
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="_ H_1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="HCh"><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="H23"><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Session"><w:basedOn w:val="H23"/></w:style>
      <w:style w:type="paragraph" w:styleId="RepH1"><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
      <w:style w:type="paragraph" w:styleId="Num"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
      <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/><w:i w:val="0"/></w:rPr></w:style>
    </w:styles>"#;

    #[test]
    fn the_nearest_known_style_decides_and_properties_inherit() {
        let s = Styles::read(STYLES.as_bytes(), "word/styles.xml").unwrap();
        assert_eq!(s.get(Some("HCh")).role, Role::Chapter);
        assert!(s.get(Some("HCh")).bold, "bold from H1");
        assert_eq!(s.get(Some("Session")).role, Role::Session);
        assert_eq!(s.get(Some("RepH1")).role, Role::Section);
        assert_eq!(s.get(Some("Loop")).role, Role::Body);
        assert_eq!(s.get(Some("Unknown")).role, Role::Body);
        assert_eq!(s.get(Some("Num")).num, Some(NumRef { num_id: 7, ilvl: 1 }));
        let strong = s.get(Some("Strong"));
        assert!(strong.bold && !strong.italic);
    }

    #[test]
    fn geneva_template_styles_are_known_by_their_new_york_names() {
        let geneva = r#"<w:styles xmlns:w="w">
          <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
          <w:style w:type="paragraph" w:styleId="HChG"><w:name w:val="_ H _Ch_G"/></w:style>
          <w:style w:type="paragraph" w:styleId="H1G"><w:name w:val="_ H_1_G"/></w:style>
          <w:style w:type="paragraph" w:styleId="H23GR"><w:name w:val="_ H_2/3_GR"/></w:style>
          <w:style w:type="paragraph" w:styleId="SingleTxtGC"><w:name w:val="_ Single Txt_GC"/><w:basedOn w:val="H1G"/></w:style>
          <w:style w:type="paragraph" w:styleId="Bullet1G"><w:name w:val="_Bullet 1_G"/></w:style>
          <w:style w:type="paragraph" w:styleId="MyH1G"><w:name w:val="Mine"/></w:style>
          <w:style w:type="paragraph" w:styleId="H1S"><w:name w:val="Other"/></w:style>
        </w:styles>"#;
        let s = Styles::read(geneva.as_bytes(), "word/styles.xml").unwrap();
        assert_eq!(s.get(Some("HChG")).role, Role::Chapter);
        assert_eq!(s.get(Some("H1G")).role, Role::Section);
        assert_eq!(s.get(Some("H23GR")).role, Role::Sub3);
        assert_eq!(s.get(Some("SingleTxtGC")).role, Role::Body, "not H1G's");
        assert_eq!(s.get(Some("Bullet1G")).role, Role::List);
        // Only the template's own suffix comes off, after a known id.
        assert_eq!(s.get(Some("MyH1G")).role, Role::Body);
        assert_eq!(s.get(Some("H1S")).role, Role::Body);
        // A style the file uses without defining it is known by its id too.
        assert_eq!(s.get(Some("H4G")).role, Role::Sub4);
    }
}
