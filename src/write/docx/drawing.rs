//! Pictures in a story (DrawingML `w:drawing`): inline like a character, or
//! anchored against a margin with text flowing as if it were not there.

use super::body::Story;
use super::xml::Xml;

/// The WordprocessingML drawing namespace, declared on the part's root.
pub const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// Where a picture sits.
pub enum Placement {
    /// In the line, like a character.
    Inline,
    /// Against the left or right margin, its top `top` EMU from the page's
    /// top edge, text flowing as if it were not there.
    Margin { right: bool, top: i64 },
}

/// A picture to draw: its size in EMU, its drawing id (unique in the
/// package), name, description for screen readers and relationship.
pub struct Drawing<'a> {
    /// Width in EMU.
    pub cx: u32,
    /// Height in EMU.
    pub cy: u32,
    /// Drawing id, unique in the package.
    pub id: u32,
    /// Name.
    pub name: &'a str,
    /// Description for screen readers.
    pub descr: &'a str,
    /// Relationship id of the picture's part.
    pub rel: &'a str,
}

/// No space kept between a picture and the text around it.
const NO_DISTANCE: [(&str, &str); 4] = [
    ("distT", "0"),
    ("distB", "0"),
    ("distL", "0"),
    ("distR", "0"),
];

impl Story<'_, '_> {
    /// A picture in a run, placed as `placement` says.
    pub fn drawing(&mut self, d: &Drawing, placement: Placement) {
        let x = &mut self.x;
        x.open("w:r", &[]);
        x.open("w:drawing", &[]);
        let element = match placement {
            Placement::Inline => {
                x.open("wp:inline", &NO_DISTANCE);
                "wp:inline"
            }
            Placement::Margin { right, top } => {
                open_anchor(x, right, top);
                "wp:anchor"
            }
        };
        let (cx, cy) = (d.cx.to_string(), d.cy.to_string());
        x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
        x.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        if element == "wp:anchor" {
            x.empty("wp:wrapNone", &[]);
        }
        let id = d.id.to_string();
        x.empty(
            "wp:docPr",
            &[("id", &id), ("name", d.name), ("descr", d.descr)],
        );
        x.open("wp:cNvGraphicFramePr", &[]);
        x.empty(
            "a:graphicFrameLocks",
            &[("xmlns:a", NS_A), ("noChangeAspect", "1")],
        );
        x.close("wp:cNvGraphicFramePr");
        graphic(x, d, &id, (&cx, &cy));
        x.close(element);
        x.close("w:drawing");
        x.close("w:r");
    }
}

/// Opens `wp:anchor` against the right or left margin, `top` EMU from the
/// page's top edge.
fn open_anchor(x: &mut Xml, right: bool, top: i64) {
    let mut attributes = NO_DISTANCE.to_vec();
    attributes.extend([
        ("simplePos", "0"),
        ("relativeHeight", "1"),
        ("behindDoc", "0"),
        ("locked", "0"),
        ("layoutInCell", "1"),
        ("allowOverlap", "1"),
    ]);
    x.open("wp:anchor", &attributes);
    x.empty("wp:simplePos", &[("x", "0"), ("y", "0")]);
    x.open("wp:positionH", &[("relativeFrom", "margin")]);
    x.open("wp:align", &[]);
    x.text(if right { "right" } else { "left" });
    x.close("wp:align");
    x.close("wp:positionH");
    x.open("wp:positionV", &[("relativeFrom", "page")]);
    x.open("wp:posOffset", &[]);
    x.text(&top.to_string());
    x.close("wp:posOffset");
    x.close("wp:positionV");
}

/// `a:graphic`: the picture itself, its part stretched to `cx` × `cy`.
fn graphic(x: &mut Xml, d: &Drawing, id: &str, (cx, cy): (&str, &str)) {
    x.open("a:graphic", &[("xmlns:a", NS_A)]);
    x.open("a:graphicData", &[("uri", NS_PIC)]);
    x.open("pic:pic", &[("xmlns:pic", NS_PIC)]);
    x.open("pic:nvPicPr", &[]);
    x.empty("pic:cNvPr", &[("id", id), ("name", d.name)]);
    x.empty("pic:cNvPicPr", &[]);
    x.close("pic:nvPicPr");
    x.open("pic:blipFill", &[]);
    x.empty("a:blip", &[("r:embed", d.rel)]);
    x.open("a:stretch", &[]);
    x.empty("a:fillRect", &[]);
    x.close("a:stretch");
    x.close("pic:blipFill");
    x.open("pic:spPr", &[]);
    x.open("a:xfrm", &[]);
    x.empty("a:off", &[("x", "0"), ("y", "0")]);
    x.empty("a:ext", &[("cx", cx), ("cy", cy)]);
    x.close("a:xfrm");
    x.open("a:prstGeom", &[("prst", "rect")]);
    x.empty("a:avLst", &[]);
    x.close("a:prstGeom");
    x.close("pic:spPr");
    x.close("pic:pic");
    x.close("a:graphicData");
    x.close("a:graphic");
}
