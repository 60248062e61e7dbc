//! The package: content types, relationships, settings, font table, core
//! and application properties, and the deterministic zip around all parts
//! (`archive`).
//!
//! Every entry has the DOS epoch as its time stamp and the entries come in a
//! fixed order, so the same document always gives the same bytes. The parts
//! that depend only on the document's language, fonts and paper (styles,
//! settings, font table, theme, application properties, package
//! relationships) are built and deflated once per thread for each such
//! combination: every document of a batch in one language shares them.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use super::Ctx;
use super::archive::{self, Entry};
use super::body::{self, DocumentPart, Links, Media, RelKind, SectionRefs};
use super::first_footer::{FirstFooter, Picture};
use super::headers::{self, Side};
use super::units::{Twips, twips};
use super::xml::{NS_W, Xml};
use super::{first_footer, masthead, notes, styles, theme};
use crate::lang::Lang;
use crate::model::{Document, ImageKind, plain_text};
use crate::write::page::DEFAULT_TAB;

/// One file of the package, ready for the zip.
pub struct Part {
    /// Its name in the zip.
    pub name: Cow<'static, str>,
    /// Its bytes, deflated (XML) or stored (pictures compressed already).
    pub entry: Arc<Entry>,
}

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_CT: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const CT_WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

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

fn xml_part(name: &'static str, xml: String) -> std::io::Result<Part> {
    Ok(Part {
        name: Cow::Borrowed(name),
        entry: Arc::new(Entry::deflated(xml.as_bytes())?),
    })
}

/// The parts that depend only on the language, fonts and paper, deflated.
struct SharedParts {
    package_rels: Arc<Entry>,
    app: Arc<Entry>,
    styles: Arc<Entry>,
    settings: Arc<Entry>,
    font_table: Arc<Entry>,
    theme: Arc<Entry>,
}

/// What [`SharedParts`] depend on: the fields of [`Ctx`].
#[derive(PartialEq)]
struct SharedKey {
    lang: Lang,
    rtl: bool,
    latin: String,
    script: Option<String>,
    page: (Twips, Twips),
}

impl SharedKey {
    fn of(ctx: &Ctx) -> SharedKey {
        let Ctx {
            lang,
            rtl,
            latin,
            script,
            page,
        } = *ctx;
        SharedKey {
            lang,
            rtl,
            latin: latin.to_string(),
            script: script.map(str::to_string),
            page,
        }
    }
}

/// Most combinations of language, fonts and paper a thread keeps (a batch
/// has one or a few per language).
const SHARED_KEPT: usize = 16;

thread_local! {
    static SHARED: RefCell<Vec<(SharedKey, Arc<SharedParts>)>> = const { RefCell::new(Vec::new()) };
}

impl SharedParts {
    /// This thread's parts for `ctx`, built on first use.
    fn for_ctx(ctx: &Ctx) -> std::io::Result<Arc<SharedParts>> {
        let key = SharedKey::of(ctx);
        if let Some(found) = SHARED.with_borrow(|kept| {
            kept.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, parts)| Arc::clone(parts))
        }) {
            return Ok(found);
        }
        let built = Arc::new(SharedParts::build(ctx)?);
        SHARED.with_borrow_mut(|kept| {
            if kept.len() == SHARED_KEPT {
                kept.remove(0);
            }
            kept.push((key, Arc::clone(&built)));
        });
        Ok(built)
    }

    fn build(ctx: &Ctx) -> std::io::Result<SharedParts> {
        let deflated = |xml: String| Entry::deflated(xml.as_bytes()).map(Arc::new);
        Ok(SharedParts {
            package_rels: deflated(package_rels())?,
            app: deflated(app())?,
            styles: deflated(styles::styles(ctx))?,
            settings: deflated(settings(ctx))?,
            font_table: deflated(font_table(ctx))?,
            theme: deflated(theme::theme(ctx))?,
        })
    }
}

fn shared_part(name: &'static str, entry: &Arc<Entry>) -> Part {
    Part {
        name: Cow::Borrowed(name),
        entry: Arc::clone(entry),
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
    } = first_footer::first_page_footer(doc, ctx);
    let shared = SharedParts::for_ctx(ctx)?;
    let mut out = vec![
        xml_part(
            "[Content_Types].xml",
            content_types(&media_types(&media, !pictures.is_empty())),
        )?,
        shared_part("_rels/.rels", &shared.package_rels),
        xml_part("docProps/core.xml", core(doc, ctx))?,
        shared_part("docProps/app.xml", &shared.app),
        xml_part("word/document.xml", document)?,
        xml_part("word/_rels/document.xml.rels", document_rels(&links))?,
        shared_part("word/styles.xml", &shared.styles),
        shared_part("word/settings.xml", &shared.settings),
        shared_part("word/fontTable.xml", &shared.font_table),
        xml_part("word/footnotes.xml", footnotes)?,
        shared_part("word/theme/theme1.xml", &shared.theme),
    ];
    if note_links.relationships().next().is_some() {
        let mut r = rels_start();
        link_relationships(&mut r, &note_links);
        r.close("Relationships");
        out.push(xml_part("word/_rels/footnotes.xml.rels", r.finish())?);
    }
    for (name, xml) in [
        (
            "word/header1.xml",
            headers::running_header(doc, ctx, Side::Even),
        ),
        (
            "word/header2.xml",
            headers::running_header(doc, ctx, Side::Odd),
        ),
        ("word/header3.xml", masthead::first_page_header(doc, ctx)),
        (
            "word/footer1.xml",
            headers::running_footer(doc, ctx, Side::Even),
        ),
        (
            "word/footer2.xml",
            headers::running_footer(doc, ctx, Side::Odd),
        ),
        ("word/footer3.xml", first_footer),
    ] {
        out.push(xml_part(name, xml)?);
    }
    if !pictures.is_empty() {
        out.push(xml_part(
            "word/_rels/footer3.xml.rels",
            picture_rels(&pictures),
        )?);
    }
    for picture in pictures {
        out.push(Part {
            name: Cow::Borrowed(picture.part),
            entry: Arc::new(Entry::stored(picture.png)?),
        });
    }
    for picture in media {
        out.push(media_part(picture)?);
    }
    Ok(out)
}

/// A picture of the body as a part: PNG and JPEG are stored (they are
/// compressed already), metafiles deflated.
fn media_part(media: Media) -> std::io::Result<Part> {
    let entry = match media.kind {
        ImageKind::Emf | ImageKind::Wmf => Entry::deflated(&media.bytes)?,
        ImageKind::Png | ImageKind::Jpeg => Entry::stored(media.bytes.to_vec())?,
    };
    Ok(Part {
        name: Cow::Owned(format!("word/{}", media.part)),
        entry: Arc::new(entry),
    })
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

/// Zips `parts` in order.
pub fn zip(parts: &[Part]) -> std::io::Result<Vec<u8>> {
    let entries: Vec<(&str, &Entry)> = parts
        .iter()
        .map(|p| (p.name.as_ref(), p.entry.as_ref()))
        .collect();
    archive::zip(&entries)
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
