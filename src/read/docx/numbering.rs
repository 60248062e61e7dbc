//! `word/numbering.xml`: the labels Word generates for numbered paragraphs.
//! Counters belong to the abstract numbering (every `w:num` of it counts
//! on), a level restarts the levels below it, and a `w:num` with a
//! `startOverride` restarts its level where it is first used. The label is
//! rendered as if typed (`12.`, `(a)`, `IV.`, `•`), so numbered and typed
//! paragraphs are read the same way.

use std::collections::{HashMap, HashSet};

use super::styles::NumRef;
use super::xml::{Ev, PartReader, attr, local, num, val};
use crate::diagnostic::Diagnostic;
use crate::lang;

/// How a level's counter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Format {
    #[default]
    Decimal,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    Chinese,
    ArabicLetter,
    None,
}

impl Format {
    fn parse(s: &str) -> Format {
        match s {
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            "arabicAbjad" | "arabicAlpha" => Format::ArabicLetter,
            s if s.starts_with("chinese")
                || s.starts_with("ideograph")
                || s.starts_with("taiwanese") =>
            {
                Format::Chinese
            }
            _ => Format::Decimal,
        }
    }

    fn write(self, n: u32) -> String {
        match self {
            Format::Decimal => n.to_string(),
            Format::LowerLetter => lang::latin_letter(n, false),
            Format::UpperLetter => lang::latin_letter(n, true),
            Format::LowerRoman => lang::roman(n, false),
            Format::UpperRoman => lang::roman(n, true),
            Format::Chinese => lang::chinese_numeral(n),
            Format::ArabicLetter => lang::arabic_letter(n),
            Format::Bullet => "•".into(),
            Format::None => String::new(),
        }
    }
}

/// One level of an abstract numbering.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: Format,
    /// `%1.`, `(%2)`, `%1.%2`.
    text: String,
}

/// A `w:num`: its abstract numbering and the levels it restarts.
#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: u32,
    overrides: Vec<(u32, u32)>,
}

/// The numbering definitions and the counters, advanced in document order.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<u32, [Level; 9]>,
    instances: HashMap<u32, Instance>,
    /// Current value of each level, per abstract numbering (0: not started).
    counters: HashMap<u32, [u32; 9]>,
    /// Instances whose overrides have been applied.
    started: HashSet<u32>,
}

/// A generated label: its text and whether it is a bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The label as Word shows it (`12.`, `(a)`, `•`).
    pub text: String,
    /// A bullet rather than a number.
    pub bullet: bool,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub fn read(bytes: &[u8], part: &str) -> Result<Numbering, Diagnostic> {
        let mut r = PartReader::new(bytes, part);
        let mut out = Numbering::default();
        let mut abstract_at: Option<(u32, [Level; 9])> = None;
        let mut level: Option<usize> = None;
        let mut instance: Option<(u32, Instance)> = None;
        let mut override_level: Option<u32> = None;
        loop {
            match r.next()? {
                Ev::Start(e) | Ev::Empty(e) => match local(&e) {
                    b"abstractNum" => {
                        let id = id_attr(&e, b"abstractNumId");
                        abstract_at = Some((id, Default::default()));
                    }
                    b"lvl" if abstract_at.is_some() => {
                        level = num(&e, b"ilvl").map(|n| n.clamp(0, 8) as usize);
                    }
                    b"num" => instance = Some((id_attr(&e, b"numId"), Instance::default())),
                    b"abstractNumId" => {
                        if let Some((_, i)) = instance.as_mut() {
                            i.abstract_id = id_attr(&e, b"val");
                        }
                    }
                    b"lvlOverride" => {
                        override_level = num(&e, b"ilvl").map(|n| n.clamp(0, 8) as u32)
                    }
                    b"startOverride" => {
                        if let (Some((_, i)), Some(l)) = (instance.as_mut(), override_level) {
                            i.overrides.push((l, id_attr(&e, b"val")));
                        }
                    }
                    name => {
                        if let (Some((_, levels)), Some(l)) = (abstract_at.as_mut(), level) {
                            level_property(name, &e, &mut levels[l]);
                        }
                    }
                },
                Ev::End(name) => match name.local() {
                    b"abstractNum" => {
                        if let Some((id, levels)) = abstract_at.take() {
                            out.abstracts.insert(id, levels);
                        }
                    }
                    b"lvl" => level = None,
                    b"num" => {
                        if let Some((id, i)) = instance.take() {
                            out.instances.insert(id, i);
                        }
                    }
                    _ => {}
                },
                Ev::Eof => return Ok(out),
                Ev::Text(_) => {}
            }
        }
    }

    /// The label of the next paragraph numbered by `num`, advancing its
    /// counters; `None` when the numbering is unknown or writes nothing.
    pub fn next(&mut self, num: NumRef) -> Option<Label> {
        let instance = self.instances.get(&num.num_id)?;
        let abstract_id = instance.abstract_id;
        let levels = self.abstracts.get(&abstract_id)?;
        let ilvl = num.ilvl.min(8) as usize;
        let counters = self.counters.entry(abstract_id).or_insert([0; 9]);
        if self.started.insert(num.num_id) {
            for &(l, start) in &instance.overrides {
                counters[l as usize] = start.saturating_sub(1);
                for deeper in &mut counters[l as usize + 1..] {
                    *deeper = 0;
                }
            }
        }
        counters[ilvl] = if counters[ilvl] == 0 {
            levels[ilvl].start
        } else {
            counters[ilvl].saturating_add(1)
        };
        for deeper in &mut counters[ilvl + 1..] {
            *deeper = 0;
        }
        let level = &levels[ilvl];
        if level.format == Format::Bullet {
            return Some(Label {
                text: "•".into(),
                bullet: true,
            });
        }
        let text = render(&level.text, levels, counters);
        (!text.trim().is_empty()).then_some(Label {
            text,
            bullet: false,
        })
    }
}

fn id_attr(e: &quick_xml::events::BytesStart, key: &[u8]) -> u32 {
    num(e, key).unwrap_or(0).clamp(0, u32::MAX as i64) as u32
}

fn level_property(name: &[u8], e: &quick_xml::events::BytesStart, level: &mut Level) {
    match name {
        b"start" => level.start = id_attr(e, b"val"),
        b"numFmt" => level.format = Format::parse(&val(e).unwrap_or_default()),
        b"lvlText" => level.text = attr(e, b"val").unwrap_or_default().into_owned(),
        _ => {}
    }
}

/// `%1.%2` with each level's counter written in its format.
fn render(pattern: &str, levels: &[Level; 9], counters: &[u32; 9]) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10));
        match (c, digit) {
            ('%', Some(d @ 1..=9)) => {
                chars.next();
                let l = d as usize - 1;
                let n = if counters[l] == 0 {
                    levels[l].start.max(1)
                } else {
                    counters[l]
                };
                out.push_str(&levels[l].format.write(n));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn label(n: &mut Numbering, num_id: u32, ilvl: u32) -> String {
        n.next(NumRef { num_id, ilvl })
            .map(|l| l.text)
            .unwrap_or_default()
    }

    #[test]
    fn counters_belong_to_the_abstract_numbering() {
        let mut n = Numbering::read(NUMBERING.as_bytes(), "word/numbering.xml").unwrap();
        assert_eq!(label(&mut n, 1, 0), "1.");
        assert_eq!(label(&mut n, 1, 1), "(a)");
        assert_eq!(label(&mut n, 1, 1), "(b)");
        assert_eq!(label(&mut n, 1, 2), "(i)");
        assert_eq!(
            label(&mut n, 2, 0),
            "2.",
            "another num of the same abstract counts on"
        );
        assert_eq!(
            label(&mut n, 2, 1),
            "(a)",
            "a level restarts those below it"
        );
        assert_eq!(label(&mut n, 2, 1), "(b)");
        assert_eq!(
            label(&mut n, 3, 1),
            "(a)",
            "startOverride restarts the level"
        );
        assert_eq!(label(&mut n, 4, 0), "IV.");
        assert!(n.next(NumRef { num_id: 4, ilvl: 1 }).unwrap().bullet);
        assert_eq!(
            n.next(NumRef {
                num_id: 99,
                ilvl: 0
            }),
            None
        );
    }
}
