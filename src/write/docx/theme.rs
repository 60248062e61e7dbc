//! `word/theme/theme1.xml`: the smallest complete DrawingML theme. Nothing
//! in the document refers to theme colours or fonts (styles name their
//! fonts), but the Open XML SDK requires the main document to have a theme
//! part, and Word writes one into every file; its fonts are the
//! document's, in case a user applies a theme font.

use super::Ctx;
use super::xml::Xml;

const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// The Office colour scheme's named colours, after the two system ones.
const COLOURS: [(&str, &str); 10] = [
    ("a:dk2", "1F497D"),
    ("a:lt2", "EEECE1"),
    ("a:accent1", "4F81BD"),
    ("a:accent2", "C0504D"),
    ("a:accent3", "9BBB59"),
    ("a:accent4", "8064A2"),
    ("a:accent5", "4BACC6"),
    ("a:accent6", "F79646"),
    ("a:hlink", "0000FF"),
    ("a:folHlink", "800080"),
];

/// Writes the theme part.
pub fn theme(ctx: &Ctx) -> String {
    let mut x = Xml::part(4096);
    x.open("a:theme", &[("xmlns:a", NS_A), ("name", "undoc")]);
    x.open("a:themeElements", &[]);
    colour_scheme(&mut x);
    font_scheme(&mut x, ctx);
    format_scheme(&mut x);
    x.close("a:themeElements");
    x.empty("a:objectDefaults", &[]);
    x.empty("a:extraClrSchemeLst", &[]);
    x.close("a:theme");
    x.finish()
}

fn colour_scheme(x: &mut Xml) {
    x.open("a:clrScheme", &[("name", "Office")]);
    for (name, system, last) in [
        ("a:dk1", "windowText", "000000"),
        ("a:lt1", "window", "FFFFFF"),
    ] {
        x.open(name, &[]);
        x.empty("a:sysClr", &[("val", system), ("lastClr", last)]);
        x.close(name);
    }
    for (name, rgb) in COLOURS {
        x.open(name, &[]);
        x.empty("a:srgbClr", &[("val", rgb)]);
        x.close(name);
    }
    x.close("a:clrScheme");
}

/// Major and minor fonts: the document's Latin font, and its script font
/// for East Asian or complex-script text.
fn font_scheme(x: &mut Xml, ctx: &Ctx) {
    let fonts = ctx.style_fonts();
    x.open("a:fontScheme", &[("name", "undoc")]);
    for kind in ["a:majorFont", "a:minorFont"] {
        x.open(kind, &[]);
        x.empty("a:latin", &[("typeface", fonts.latin.unwrap_or_default())]);
        x.empty("a:ea", &[("typeface", fonts.east_asia.unwrap_or_default())]);
        x.empty("a:cs", &[("typeface", fonts.cs.unwrap_or_default())]);
        x.close(kind);
    }
    x.close("a:fontScheme");
}

/// Three plain fills, lines, effects and background fills: the least the
/// schema accepts.
fn format_scheme(x: &mut Xml) {
    let fill = |x: &mut Xml| {
        x.open("a:solidFill", &[]);
        x.empty("a:schemeClr", &[("val", "phClr")]);
        x.close("a:solidFill");
    };
    x.open("a:fmtScheme", &[("name", "undoc")]);
    x.open("a:fillStyleLst", &[]);
    (0..3).for_each(|_| fill(x));
    x.close("a:fillStyleLst");
    x.open("a:lnStyleLst", &[]);
    for width in ["6350", "12700", "19050"] {
        x.open("a:ln", &[("w", width)]);
        fill(x);
        x.close("a:ln");
    }
    x.close("a:lnStyleLst");
    x.open("a:effectStyleLst", &[]);
    for _ in 0..3 {
        x.open("a:effectStyle", &[]);
        x.empty("a:effectLst", &[]);
        x.close("a:effectStyle");
    }
    x.close("a:effectStyleLst");
    x.open("a:bgFillStyleLst", &[]);
    (0..3).for_each(|_| fill(x));
    x.close("a:bgFillStyleLst");
    x.close("a:fmtScheme");
}
