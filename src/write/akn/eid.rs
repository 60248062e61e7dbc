//! Element ids by the Akoma Ntoso Naming Convention (§5): an id is the id
//! of its context, `__`, the element's name (or its abbreviation: `chp`,
//! `sec`, `para`, `att`) and `_` its number. Numbers are written the same
//! in every language (`chp_II`, `sec_B`, `point_c`), so the six language
//! versions of a document share their ids.

use crate::lang::{latin_letter, push_decimal, push_latin_letter, roman};
use crate::model::ListKind;

/// Where blocks are being written, for the ids of what is written there.
#[derive(Debug, Clone)]
pub(super) struct Scope {
    /// The prefix of elements numbered through their document (paragraphs,
    /// chapters): empty in the main body, `att_1__` in annex 1.
    pub doc: String,
    /// The id of the enclosing element; empty at the top of a body.
    pub parent: String,
    /// Inside a chapter or section, where only hierarchy elements stand:
    /// text, tables and figures are wrapped in `hcontainer`s there.
    pub hier: bool,
}

impl Scope {
    /// The top of a body: the main one (`component` empty) or an annex's
    /// (`att_1`), or the preamble (`preamble`).
    pub fn body(component: &str) -> Scope {
        Scope {
            doc: if component.is_empty() {
                String::new()
            } else {
                format!("{component}__")
            },
            parent: String::new(),
            hier: false,
        }
    }

    /// Inside the hierarchy element `id`.
    pub fn inside(&self, id: &str) -> Scope {
        Scope {
            doc: self.doc.clone(),
            parent: id.to_string(),
            hier: true,
        }
    }

    /// The id of a child `part` counted within the enclosing element.
    pub fn child(&self, part: &str) -> String {
        if self.parent.is_empty() {
            format!("{}{part}", self.doc)
        } else {
            format!("{}__{part}", self.parent)
        }
    }

    /// The id of an element numbered through its document (`para_12`).
    pub fn global(&self, part: &str) -> String {
        format!("{}{part}", self.doc)
    }
}

/// `chp_II`: chapters by their Roman number.
pub(super) fn chapter(n: u32) -> String {
    format!("chp_{}", roman(n, true))
}

/// `sec_B`: sections by their capital letter.
pub(super) fn section(n: u32) -> String {
    format!("sec_{}", latin_letter(n, true))
}

/// `prefix` + `part` + `n` (`att_1__` `para_` 12): an id built without the
/// formatting machinery, as every paragraph needs one.
pub(super) fn numbered(prefix: &str, part: &str, n: u32) -> String {
    let mut id = String::with_capacity(prefix.len() + part.len() + 10);
    id.push_str(prefix);
    id.push_str(part);
    push_decimal(&mut id, n);
    id
}

/// `parent` + `tail` (`para_4` `__list_1`).
pub(super) fn joined(parent: &str, tail: &str) -> String {
    let mut id = String::with_capacity(parent.len() + tail.len());
    id.push_str(parent);
    id.push_str(tail);
    id
}

/// `LIST__point_c`, `LIST__point_iv`, `LIST__point_3`: the item `n` of
/// list `list`, by its label's form.
pub(super) fn point(list: &str, kind: ListKind, n: u32) -> String {
    match kind {
        ListKind::Alpha => {
            let mut id = joined(list, "__point_");
            push_latin_letter(&mut id, n, false);
            id
        }
        ListKind::Roman => format!("{list}__point_{}", roman(n, false)),
        ListKind::Decimal | ListKind::Bullet => numbered(list, "__point_", n),
    }
}

/// `authorialNote_3`: footnotes are numbered through the whole document.
pub(super) fn footnote(n: u32) -> String {
    format!("authorialNote_{n}")
}
