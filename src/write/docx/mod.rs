//! The DOCX writer: a Word file laid out as the DGACM template lays out UN
//! parliamentary documents, in all six languages.
//!
//! WordprocessingML is written directly, with a small string builder
//! (`xml`) and property types whose `write` methods encode ISO/IEC 29500
//! child order (`props`), rather than through docx-rs: docx-rs puts `rPr`
//! first and `jc` before `ind` in every `pPr`, has no `w:lang`, run `w:rtl`
//! or core properties, numbers footnotes and hyperlinks from process-wide
//! counters and stores parts uncompressed, so nearly every part would have
//! to be parsed and rewritten afterwards. Here ids are fixed by
//! construction and the package is zipped deterministically (`package`).
//!
//! Parts: the body (`body`) with its tables (`data_table`, laid out by
//! `grid`), figures (`figure`), what the two share (`floats`: title block,
//! notes, source) and the summary box (`summary`); the first-page masthead
//! (`masthead`, a layout table; every table's calls are in `table`),
//! running headers and footers (`headers`), the first-page footer with the
//! job number's barcode and the QR code (`first_footer`, pictures: `png`,
//! `drawing`), footnotes (`notes`), styles (`styles`) and the package
//! parts: content types, relationships, settings, fonts, theme (`theme`)
//! and core properties. Lengths come from the page template in points and are
//! converted to Word's units in `units`.

mod archive;
mod body;
mod contents;
mod data_table;
mod drawing;
mod figure;
mod first_footer;
mod floats;
mod grid;
mod headers;
mod masthead;
mod notes;
mod package;
mod png;
mod props;
mod styles;
mod summary;
mod table;
mod theme;
mod units;
mod xml;

use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::model::{Document, Span};

use super::page::margin;
use super::{Paper, Rendered, WriteOptions};
use props::{Fonts, LangTags, RPr};
use units::{Twips, twips};

/// The Latin font of the DGACM template.
pub const DEFAULT_LATIN_FONT: &str = "Times New Roman";

/// What every part needs to know about the document being written.
pub struct Ctx<'a> {
    /// The document's language.
    pub lang: Lang,
    /// Whether it is written right to left.
    pub rtl: bool,
    /// Font for Latin and Cyrillic text.
    pub latin: &'a str,
    /// Font for the language's own script (Chinese, Arabic), if it has one.
    pub script: Option<&'a str>,
    /// Page width and height in twips.
    pub page: (Twips, Twips),
}

impl<'a> Ctx<'a> {
    fn new(doc: &Document, options: &'a WriteOptions) -> Ctx<'a> {
        let lang = doc.lang;
        let chosen = match lang {
            Lang::Zh => options.east_asian_font.as_deref(),
            Lang::Ar => options.arabic_font.as_deref(),
            _ => None,
        };
        let (w, h) = Paper::for_document(doc, options.paper).size_pt();
        Ctx {
            lang,
            rtl: lang.is_rtl(),
            latin: options.latin_font.as_deref().unwrap_or(DEFAULT_LATIN_FONT),
            script: chosen.or(lang.script_font()),
            page: (twips(w), twips(h)),
        }
    }

    /// Width of the text column between the side margins.
    pub fn text_width(&self) -> Twips {
        self.page.0 - 2 * twips(margin::SIDE)
    }

    /// The fonts styles name: Latin everywhere, the script font for East
    /// Asian text (Chinese) or complex-script text (Arabic).
    pub fn style_fonts(&self) -> Fonts<'a> {
        let east_asia = match self.lang {
            Lang::Zh => self.script,
            _ => None,
        };
        let cs = match self.lang {
            Lang::Ar => self.script,
            _ => None,
        };
        Fonts {
            latin: Some(self.latin),
            east_asia: Some(east_asia.unwrap_or(self.latin)),
            cs: Some(cs.unwrap_or(self.latin)),
            hint: None,
        }
    }

    /// The `w:lang` tags of the document's text.
    pub fn lang_tags(&self) -> LangTags<'static> {
        LangTags {
            val: Some(self.lang.latin_text_locale()),
            east_asia: (self.lang == Lang::Zh).then(|| self.lang.locale()),
            bidi: self.rtl.then(|| self.lang.locale()),
        }
    }

    /// Adds to `rpr` what a run of `text` needs in this language: East Asian
    /// font and language on Chinese runs; direction and bidi language on
    /// Arabic runs (a run with no Arabic letter, such as a cited symbol,
    /// stays left to right).
    pub fn run_props(&self, text: &str, mut rpr: RPr<'a>) -> RPr<'a> {
        match self.lang {
            Lang::Zh => {
                rpr.fonts = Some(Fonts {
                    east_asia: self.script,
                    hint: Some("eastAsia"),
                    ..Fonts::default()
                });
                rpr.lang = Some(LangTags {
                    east_asia: Some(self.lang.locale()),
                    ..LangTags::default()
                });
            }
            Lang::Ar => {
                rpr.rtl = text.chars().any(|c| self.lang.is_native_char(c));
                rpr.lang = Some(LangTags {
                    bidi: Some(self.lang.locale()),
                    ..LangTags::default()
                });
            }
            _ => {}
        }
        rpr
    }
}

/// Writes `doc` as a DOCX package.
pub fn write(doc: &Document, options: &WriteOptions) -> Result<Rendered, Diagnostic> {
    let ctx = Ctx::new(doc, options);
    let failed = |e: &dyn std::fmt::Display| {
        Diagnostic::new(
            Code::WriteFailed,
            Span::default(),
            format!("cannot assemble the DOCX package: {e}"),
        )
    };
    let parts = package::parts(doc, &ctx).map_err(|e| failed(&e))?;
    let bytes = package::zip(&parts).map_err(|e| failed(&e))?;
    Ok(Rendered {
        bytes,
        diagnostics: Vec::new(),
        pages: None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::Read;

    use super::*;
    use crate::read;

    fn docx(source: &str, options: &WriteOptions) -> Vec<u8> {
        let doc = read::text::read(source).document.expect("source reads");
        write(&doc, options).expect("DOCX writes").bytes
    }

    fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut out = BTreeMap::new();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).expect("entry");
            let name = entry.name().expect("name").into_owned();
            let mut text = String::new();
            if entry.read_to_string(&mut text).is_ok() {
                out.insert(name, text);
            }
        }
        out
    }

    const ENGLISH: &str = include_str!("../../../samples/report-en.txt");

    #[test]
    fn annexes_emphasis_links_and_footnotes() {
        let source = format!(
            "{ENGLISH}\nAnnex I\n\nList of *participating* entities\n\n\
             The entities below contributed (see A/79/266 and A/RES/70/1).\n"
        );
        let p = parts(&docx(&source, &WriteOptions::default()));
        let body = &p["word/document.xml"];
        assert!(body.contains("<w:pageBreakBefore/>"), "annex on a new page");
        assert!(body.contains("<w:t>Annex I</w:t>"));
        assert!(body.contains("<w:i/><w:iCs/></w:rPr><w:t>participating</w:t>"));
        assert!(body.contains("<w:footnoteReference w:id=\"1\"/>"));
        assert!(body.contains("<w:t>1.</w:t></w:r><w:r><w:tab/></w:r>"));
        // One relationship per cited symbol, however often it is cited.
        let rels = &p["word/_rels/document.xml.rels"];
        assert_eq!(rels.matches("https://undocs.org/A/RES/70/1\"").count(), 1);
        // Five symbols cited in the body, two in the annex.
        assert_eq!(body.matches("w:hyperlink r:id=").count(), 7);
        assert!(p["word/footnotes.xml"].contains("<w:footnote w:id=\"2\">"));
        assert!(p["word/_rels/footer3.xml.rels"].contains("media/barcode.png"));
    }

    #[test]
    fn fonts_are_configurable() {
        let options = WriteOptions {
            latin_font: Some("Liberation Serif".into()),
            ..WriteOptions::default()
        };
        let p = parts(&docx(ENGLISH, &options));
        assert!(p["word/styles.xml"].contains("w:ascii=\"Liberation Serif\""));
        assert!(p["word/fontTable.xml"].contains("w:name=\"Liberation Serif\""));
        assert!(!p["word/styles.xml"].contains("Times New Roman"));
    }

    #[test]
    fn a_second_mark_for_one_footnote_is_typed() {
        let source = ENGLISH.replacen("reducing them.[^1]", "reducing them.[^1] Again.[^1]", 1);
        let p = parts(&docx(&source, &WriteOptions::default()));
        let body = &p["word/document.xml"];
        assert_eq!(body.matches("<w:footnoteReference w:id=\"1\"/>").count(), 1);
        assert!(body.contains("<w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t>1</w:t>"));
    }

    #[test]
    fn first_page_footer_shows_the_codes_the_masthead_allows() {
        // Symbol and job number: the QR code (anchored) and the barcode (inline).
        let p = parts(&docx(ENGLISH, &WriteOptions::default()));
        let rels = &p["word/_rels/footer3.xml.rels"];
        let footer = &p["word/footer3.xml"];
        assert!(
            rels.contains("rId1") && rels.find("media/qr.png") < rels.find("media/barcode.png")
        );
        assert!(footer.contains("descr=\"https://docs.un.org/en/A/80/312\""));
        assert!(footer.contains("<wp:align>right</wp:align>"));
        // The recycling mark on a tab stop beside the code.
        assert!(footer.contains("Please recycle </w:t>") && footer.contains("\u{2672}"));
        assert!(
            footer.contains("<w:tab w:val=\"right\" w:pos=\"8620\"/>"),
            "{footer}"
        );
        assert_eq!(footer.matches("<wp:anchor ").count(), 1);
        assert_eq!(footer.matches("<wp:inline ").count(), 1);
        // The first paragraph fills the margin above the two lines.
        assert!(footer.contains("<w:spacing w:before=\"528\"/>"), "{footer}");

        // No job number: the QR code alone, the first paragraph taller.
        let source = ENGLISH.replacen("job-number: 25-12874 (E)\n", "", 1);
        let p = parts(&docx(&source, &WriteOptions::default()));
        let rels = &p["word/_rels/footer3.xml.rels"];
        let footer = &p["word/footer3.xml"];
        assert!(rels.contains("media/qr.png") && !rels.contains("barcode"));
        assert!(!footer.contains("<wp:inline "));
        assert!(footer.contains("<w:spacing w:before=\"824\"/>"), "{footer}");

        // No symbol either: no address, so no picture at all.
        let source = source.replacen("symbol: A/80/312\n", "", 1);
        let p = parts(&docx(&source, &WriteOptions::default()));
        assert!(!p.contains_key("word/_rels/footer3.xml.rels"));
        assert!(!p["word/footer3.xml"].contains("<w:drawing>"));
        assert!(!p["word/footer3.xml"].contains("Please recycle"));
    }

    #[test]
    fn figures_of_every_kind_go_into_word_media_with_their_types() {
        use crate::model::{Block, Figure, Image, ImageKind, Inline};
        let mut doc = read::text::read(ENGLISH).document.expect("source reads");
        for (i, kind) in [ImageKind::Jpeg, ImageKind::Emf, ImageKind::Wmf]
            .into_iter()
            .enumerate()
        {
            doc.body.push(Block::Figure(Figure {
                n: Some(i as u32 + 2),
                title: vec![Inline::Text(format!("A {} picture", kind.suffix()))],
                image: Image {
                    kind,
                    bytes: vec![i as u8; 64].into(),
                    width: 400,
                    height: 300,
                },
                alt: format!("What the {} picture shows", kind.suffix()),
                notes: Vec::new(),
                source: None,
                span: Span::default(),
            }));
        }
        let p = parts(
            &write(&doc, &WriteOptions::default())
                .expect("DOCX writes")
                .bytes,
        );
        let types = &p["[Content_Types].xml"];
        for (suffix, kind) in [
            ("jpeg", "image/jpeg"),
            ("emf", "image/x-emf"),
            ("wmf", "image/x-wmf"),
            ("png", "image/png"),
        ] {
            assert!(
                types.contains(&format!(
                    "<Default Extension=\"{suffix}\" ContentType=\"{kind}\"/>"
                )),
                "{types}"
            );
        }
        let rels = &p["word/_rels/document.xml.rels"];
        for name in ["figure1.jpeg", "figure2.emf", "figure3.wmf"] {
            assert!(
                rels.contains(&format!("/image\" Target=\"media/{name}\"/>")),
                "{rels}"
            );
        }
        let body = &p["word/document.xml"];
        assert!(body.contains("descr=\"What the emf picture shows\""));
        assert!(body.contains("name=\"Figure III\""));
        // As wide as a table (text width less the indent), 4:3.
        assert!(body.contains("<wp:extent cx=\"5443855\" cy=\"4083050\"/>"));
    }

    #[test]
    fn same_document_same_bytes() {
        let options = WriteOptions::default();
        assert_eq!(docx(ENGLISH, &options), docx(ENGLISH, &options));
    }
}
