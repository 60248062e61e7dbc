//! Relationship parts (`word/_rels/document.xml.rels`): which part or web
//! address each `r:id` of a story names.

use super::package::{Package, Rel, Rels, rels_name, resolve};
use super::xml::{Ev, PartReader, attr, local};
use crate::diagnostic::Diagnostic;

/// The relationships of `part` (none when it has no relationships part).
pub fn read(package: &mut Package, part: &str) -> Result<Rels, Diagnostic> {
    let name = rels_name(part);
    let Some(bytes) = package.part(&name)? else {
        return Ok(Rels::new());
    };
    parse(&bytes, &name, part)
}

/// Parses a relationships part; targets resolve against `source`'s folder.
pub fn parse(bytes: &[u8], name: &str, source: &str) -> Result<Rels, Diagnostic> {
    let mut r = PartReader::new(bytes, name);
    let mut out = Rels::new();
    loop {
        match r.next()? {
            Ev::Start(e) | Ev::Empty(e) if local(&e) == b"Relationship" => {
                let (Some(id), Some(kind), Some(target)) =
                    (attr(&e, b"Id"), attr(&e, b"Type"), attr(&e, b"Target"))
                else {
                    continue;
                };
                let external = attr(&e, b"TargetMode").as_deref() == Some("External");
                let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                let target = if external {
                    target.into_owned()
                } else {
                    resolve(source, &target)
                };
                out.insert(
                    id.into_owned(),
                    Rel {
                        kind,
                        target,
                        external,
                    },
                );
            }
            Ev::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The main document part named by the package relationships, else
/// `word/document.xml`.
pub fn main_part(package: &mut Package) -> Result<String, Diagnostic> {
    let rels = match package.part("_rels/.rels")? {
        Some(bytes) => parse(&bytes, "_rels/.rels", "")?,
        None => Rels::new(),
    };
    let named = rels
        .values()
        .filter(|r| !r.external && r.kind == "officeDocument")
        .map(|r| r.target.clone())
        .min();
    Ok(named
        .filter(|p| package.has(p))
        .unwrap_or_else(|| "word/document.xml".to_string()))
}
