//! `word/footnotes.xml`: the separators Word expects (ids -1 and 0) and one
//! real Word footnote per model footnote: the number at 792 twips, a tab,
//! the text from 1267 with the following lines aligned under it.

use std::collections::BTreeSet;

use super::Ctx;
use super::body::{Links, Story};
use super::props::{Ind, PPr, RPr, Tab, TabKind};
use super::styles::TEXT_INDENT;
use super::units::{Twips, twips};
use super::xml::{NS_R, NS_W, Xml};
use crate::model::Document;
use crate::write::page::note;

/// The style's stop cleared, and the text's stop at the text indent.
const NOTE_TABS: [Tab; 2] = [
    Tab {
        kind: TabKind::Clear,
        pos: twips(note::STYLE_TAB),
    },
    Tab::left(TEXT_INDENT),
];

/// Where the footnote number stands, under the separator.
const NUMBER_AT: Twips = twips(note::START);

/// Writes the footnotes part; returns it with its hyperlink targets.
pub fn footnotes(doc: &Document, ctx: &Ctx) -> (String, Links) {
    let mut x = Xml::part(2 * 1024 + 600 * doc.footnotes.len());
    x.open("w:footnotes", &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    for (id, kind, mark) in [
        ("-1", "separator", "w:separator"),
        ("0", "continuationSeparator", "w:continuationSeparator"),
    ] {
        x.open("w:footnote", &[("w:type", kind), ("w:id", id)]);
        x.open("w:p", &[]);
        PPr {
            spacing: Some(super::props::Spacing {
                after: Some(0),
                line: Some((240, super::props::LineRule::Auto)),
                ..Default::default()
            }),
            bidi: ctx.rtl.then_some(true),
            ..PPr::default()
        }
        .write(&mut x);
        x.open("w:r", &[]);
        x.empty(mark, &[]);
        x.close("w:r");
        x.close("w:p");
        x.close("w:footnote");
    }
    let mut f = Story::new(ctx, x, Links::starting_at(1), BTreeSet::new());
    for note in &doc.footnotes {
        f.x.open("w:footnote", &[("w:id", &note.n.to_string())]);
        f.paragraph(
            PPr {
                style: Some("FootnoteText"),
                tabs: &NOTE_TABS,
                ind: Some(Ind {
                    left: Some(TEXT_INDENT),
                    right: Some(TEXT_INDENT),
                    hanging: Some(TEXT_INDENT - NUMBER_AT),
                }),
                ..PPr::default()
            },
            |f| {
                f.x.open("w:r", &[]);
                RPr {
                    style: Some("FootnoteReference"),
                    ..RPr::default()
                }
                .write(&mut f.x);
                f.x.empty("w:footnoteRef", &[]);
                f.x.close("w:r");
                f.tab();
                f.inlines(&note.content, &RPr::default());
            },
        );
        f.x.close("w:footnote");
    }
    let Story { mut x, links, .. } = f;
    x.close("w:footnotes");
    (x.finish(), links)
}
