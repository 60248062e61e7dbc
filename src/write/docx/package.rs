//! The package: content types, relationships, settings, font table, core
//! and application properties, and the deterministic zip around all parts.
//!
//! Every entry has the DOS epoch as its time stamp and the entries come in a
//! fixed order, so the same document always gives the same bytes.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::Ctx;
use super::body::{self, DocumentPart, Links, Media, RelKind, SectionRefs};
use super::first_footer::{FirstFooter, Picture};
use super::headers::{self, Side};
use super::units::twips;
use super::xml::{NS_W, Xml};
use super::{first_footer, masthead, notes, styles, theme};
use crate::model::{Document, ImageKind, plain_text};
use crate::write::page::DEFAULT_TAB;

/// One file of the package.
pub struct Part {
    /// Its name in the zip.
    pub name: Cow<'static, str>,
    /// Its bytes.
    pub data: Vec<u8>,
    /// Deflate it (XML) or store it (PNG is compressed already).
    pub deflate: bool,
}

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_CT: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const CT_WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// Deflate level: within 8 % of level 6's size at a third of its time.
const DEFLATE_LEVEL: i64 = 2;

/// Fixed relationships of the main document, in id order; hyperlinks follow.
const DOCUMENT_RELS: [(&str, &str); 11] = [
    ("styles", "styles.xml"),
    ("settings", "settings.xml"),
    ("fontTable", "fontTable.xml"),
    ("footnotes", "footnotes.xml"),
    ("header", "header1.xml"),
    ("header", "header2.xml"),
    ("header", "header3.xml"),
    ("footer", "footer1.xml"),
    ("footer", "footer2.xml"),
    ("footer", "footer3.xml"),
    ("theme", "theme/theme1.xml"),
];

/// header1/footer1 are for even pages, header2/footer2 odd, header3/footer3 the first.
const SECTION_REFS: SectionRefs = SectionRefs {
    headers: ["rId5", "rId6", "rId7"],
    footers: ["rId8", "rId9", "rId10"],
};

fn xml_part(name: &'static str, xml: String) -> Part {
    Part {
        name: Cow::Borrowed(name),
        data: xml.into_bytes(),
        deflate: true,
    }
}

/// Builds every part of the package, in zip order.
pub fn parts(doc: &Document, ctx: &Ctx) -> std::io::Result<Vec<Part>> {
    let DocumentPart {
        xml: document,
        links,
        media,
    } = body::document(doc, ctx, &SECTION_REFS, DOCUMENT_RELS.len() + 1);
    let (footnotes, note_links) = notes::footnotes(doc, ctx);
    let FirstFooter {
        xml: first_footer,
        pictures,
    } = first_footer::first_page_footer(doc, ctx)?;
    let mut out = vec![
        xml_part(
            "[Content_Types].xml",
            content_types(&media_types(&media, !pictures.is_empty())),
        ),
        xml_part("_rels/.rels", package_rels()),
        xml_part("docProps/core.xml", core(doc, ctx)),
        xml_part("docProps/app.xml", app()),
        xml_part("word/document.xml", document),
        xml_part("word/_rels/document.xml.rels", document_rels(&links)),
        xml_part("word/styles.xml", styles::styles(ctx)),
        xml_part("word/settings.xml", settings(ctx)),
        xml_part("word/fontTable.xml", font_table(ctx)),
        xml_part("word/footnotes.xml", footnotes),
        xml_part("word/theme/theme1.xml", theme::theme(ctx)),
    ];
    if note_links.relationships().next().is_some() {
        let mut r = rels_start();
        link_relationships(&mut r, &note_links);
        r.close("Relationships");
        out.push(xml_part("word/_rels/footnotes.xml.rels", r.finish()));
    }
    out.extend([
        xml_part(
            "word/header1.xml",
            headers::running_header(doc, ctx, Side::Even),
        ),
        xml_part(
            "word/header2.xml",
            headers::running_header(doc, ctx, Side::Odd),
        ),
        xml_part("word/header3.xml", masthead::first_page_header(doc, ctx)),
        xml_part(
            "word/footer1.xml",
            headers::running_footer(doc, ctx, Side::Even),
        ),
        xml_part(
            "word/footer2.xml",
            headers::running_footer(doc, ctx, Side::Odd),
        ),
        xml_part("word/footer3.xml", first_footer),
    ]);
    if !pictures.is_empty() {
        out.push(xml_part(
            "word/_rels/footer3.xml.rels",
            picture_rels(&pictures),
        ));
    }
    out.extend(pictures.into_iter().map(|picture| Part {
        name: Cow::Borrowed(picture.part),
        data: picture.png,
        deflate: false,
    }));
    out.extend(media.into_iter().map(media_part));
    Ok(out)
}

/// A picture of the body as a part: PNG and JPEG are stored (they are
/// compressed already), metafiles deflated.
fn media_part(media: Media) -> Part {
    Part {
        name: Cow::Owned(format!("word/{}", media.part)),
        data: media.bytes.to_vec(),
        deflate: matches!(media.kind, ImageKind::Emf | ImageKind::Wmf),
    }
}

/// The file suffix and content type of a picture encoding in a Word
/// package (Word's own types for the metafiles).
pub fn media_type(kind: ImageKind) -> (&'static str, &'static str) {
    match kind {
        ImageKind::Png => ("png", "image/png"),
        ImageKind::Jpeg => ("jpeg", "image/jpeg"),
        ImageKind::Emf => ("emf", "image/x-emf"),
        ImageKind::Wmf => ("wmf", "image/x-wmf"),
    }
}

/// The (suffix, content type) pairs of the package's pictures: those of
/// the body, and PNG for the first page's codes.
fn media_types(media: &[Media], codes: bool) -> BTreeSet<(&'static str, &'static str)> {
    let mut types: BTreeSet<_> = media.iter().map(|m| media_type(m.kind)).collect();
    if codes {
        types.insert(media_type(ImageKind::Png));
    }
    types
}

/// The main document's relationships: its fixed parts, then its links and pictures.
fn document_rels(links: &Links) -> String {
    let mut rels = rels_start();
    for (i, (kind, target)) in DOCUMENT_RELS.iter().enumerate() {
        relationship(
            &mut rels,
            &format!("rId{}", i + 1),
            &format!("{REL}/{kind}"),
            target,
            false,
        );
    }
    link_relationships(&mut rels, links);
    rels.close("Relationships");
    rels.finish()
}

/// A relationship for each target of a part's links: web addresses
/// (external) and pictures.
fn link_relationships(rels: &mut Xml, links: &Links) {
    for (id, kind, target) in links.relationships() {
        let (kind, external) = match kind {
            RelKind::Hyperlink => ("hyperlink", true),
            RelKind::Image => ("image", false),
        };
        relationship(rels, &id, &format!("{REL}/{kind}"), target, external);
    }
}

/// The first-page footer's relationships to its pictures, in order.
fn picture_rels(pictures: &[Picture]) -> String {
    let mut r = rels_start();
    for (i, picture) in pictures.iter().enumerate() {
        relationship(
            &mut r,
            &format!("rId{}", i + 1),
            &format!("{REL}/image"),
            picture.part.trim_start_matches("word/"),
            false,
        );
    }
    r.close("Relationships");
    r.finish()
}

/// Zips `parts` in order with fixed time stamps and permissions.
pub fn zip(parts: &[Part]) -> zip::result::ZipResult<Vec<u8>> {
    let capacity = parts.iter().map(|p| p.data.len()).sum::<usize>() / 3 + 4096;
    let mut w = ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(capacity)));
    for part in parts {
        let options = SimpleFileOptions::default()
            .compression_method(if part.deflate {
                CompressionMethod::Deflated
            } else {
                CompressionMethod::Stored
            })
            .compression_level(part.deflate.then_some(DEFLATE_LEVEL))
            .last_modified_time(DateTime::DEFAULT)
            .unix_permissions(0o644);
        w.start_file(part.name.as_ref(), options)?;
        w.write_all(&part.data)?;
    }
    Ok(w.finish()?.into_inner())
}

fn rels_start() -> Xml {
    let mut x = Xml::part(2048);
    x.open("Relationships", &[("xmlns", NS_PKG_REL)]);
    x
}

fn relationship(x: &mut Xml, id: &str, kind: &str, target: &str, external: bool) {
    let mut attrs = vec![("Id", id), ("Type", kind), ("Target", target)];
    if external {
        attrs.push(("TargetMode", "External"));
    }
    x.empty("Relationship", &attrs);
}

fn package_rels() -> String {
    let mut x = rels_start();
    relationship(
        &mut x,
        "rId1",
        &format!("{REL}/officeDocument"),
        "word/document.xml",
        false,
    );
    relationship(
        &mut x,
        "rId2",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml",
        false,
    );
    relationship(
        &mut x,
        "rId3",
        &format!("{REL}/extended-properties"),
        "docProps/app.xml",
        false,
    );
    x.close("Relationships");
    x.finish()
}

fn content_types(media: &BTreeSet<(&str, &str)>) -> String {
    let mut x = Xml::part(2048);
    x.open("Types", &[("xmlns", NS_CT)]);
    for (extension, kind) in media {
        x.empty(
            "Default",
            &[("Extension", extension), ("ContentType", kind)],
        );
    }
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    let mut overrides: Vec<(String, String)> = vec![
        (
            "/word/document.xml".into(),
            format!("{CT_WML}.document.main+xml"),
        ),
        ("/word/styles.xml".into(), format!("{CT_WML}.styles+xml")),
        (
            "/word/settings.xml".into(),
            format!("{CT_WML}.settings+xml"),
        ),
        (
            "/word/fontTable.xml".into(),
            format!("{CT_WML}.fontTable+xml"),
        ),
        (
            "/word/footnotes.xml".into(),
            format!("{CT_WML}.footnotes+xml"),
        ),
        (
            "/word/theme/theme1.xml".into(),
            "application/vnd.openxmlformats-officedocument.theme+xml".into(),
        ),
    ];
    for i in 1..=3 {
        overrides.push((
            format!("/word/header{i}.xml"),
            format!("{CT_WML}.header+xml"),
        ));
        overrides.push((
            format!("/word/footer{i}.xml"),
            format!("{CT_WML}.footer+xml"),
        ));
    }
    overrides.push((
        "/docProps/core.xml".into(),
        "application/vnd.openxmlformats-package.core-properties+xml".into(),
    ));
    overrides.push((
        "/docProps/app.xml".into(),
        "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
    ));
    for (part, kind) in &overrides {
        x.empty("Override", &[("PartName", part), ("ContentType", kind)]);
    }
    x.close("Types");
    x.finish()
}

/// Core properties: title, subject (the symbol), language and dates from
/// the document date; no author or editor names.
fn core(doc: &Document, ctx: &Ctx) -> String {
    let mut x = Xml::part(1024);
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    let leaf = |x: &mut Xml, name: &str, text: &str| {
        x.open(name, &[]);
        x.text(text);
        x.close(name);
    };
    leaf(&mut x, "dc:title", plain_text(&doc.title.value).trim());
    if let Some(symbol) = &doc.masthead.symbol {
        leaf(&mut x, "dc:subject", &symbol.value);
    }
    leaf(&mut x, "dc:language", ctx.lang.locale());
    if let Some(date) = &doc.masthead.date {
        let stamp = format!("{}T00:00:00Z", date.value.iso());
        for name in ["dcterms:created", "dcterms:modified"] {
            x.open(name, &[("xsi:type", "dcterms:W3CDTF")]);
            x.text(&stamp);
            x.close(name);
        }
    }
    x.close("cp:coreProperties");
    x.finish()
}

fn app() -> String {
    let mut x = Xml::part(256);
    x.open(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.open("Application", &[]);
    x.text(concat!("undoc ", env!("CARGO_PKG_VERSION")));
    x.close("Application");
    x.close("Properties");
    x.finish()
}

/// Settings: different even and odd headers, the template's tab stop, the
/// footnote separators, Word 2013+ layout, and the document's languages.
fn settings(ctx: &Ctx) -> String {
    let mut x = Xml::part(1024);
    x.open("w:settings", &[("xmlns:w", NS_W)]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    x.val("w:defaultTabStop", &twips(DEFAULT_TAB).to_string());
    x.empty("w:evenAndOddHeaders", &[]);
    x.val("w:characterSpacingControl", "doNotCompress");
    x.open("w:footnotePr", &[]);
    x.empty("w:footnote", &[("w:id", "-1")]);
    x.empty("w:footnote", &[("w:id", "0")]);
    x.close("w:footnotePr");
    x.open("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat");
    ctx.lang_tags().write_as(&mut x, "w:themeFontLang");
    x.val("w:decimalSymbol", ".");
    x.val("w:listSeparator", ",");
    x.close("w:settings");
    x.finish()
}

/// The fonts the styles name, with the character set and family Word uses
/// to find a substitute when one is missing.
fn font_table(ctx: &Ctx) -> String {
    let mut x = Xml::part(1024);
    x.open("w:fonts", &[("xmlns:w", NS_W)]);
    for name in styles::font_names(&ctx.style_fonts()) {
        let (charset, family) = match ctx.lang {
            crate::lang::Lang::Zh if Some(name) == ctx.script => ("86", "auto"),
            crate::lang::Lang::Ar if Some(name) == ctx.script => ("B2", "roman"),
            _ => ("00", "roman"),
        };
        x.open("w:font", &[("w:name", name)]);
        x.val("w:charset", charset);
        x.val("w:family", family);
        x.val("w:pitch", "variable");
        x.close("w:font");
    }
    x.close("w:fonts");
    x.finish()
}
