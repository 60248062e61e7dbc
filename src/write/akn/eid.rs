//! Element ids by the Akoma Ntoso Naming Convention (§5): an id is the id
//! of its context, `__`, the element's name (or its abbreviation: `chp`,
//! `sec`, `para`, `att`) and `_` its number. Numbers are written the same
//! in every language (`chp_II`, `sec_B`, `point_c`), so the six language
//! versions of a document share their ids.

use crate::lang::{push_decimal, push_latin_letter, push_roman};
use crate::model::ListKind;

/// Where blocks are being written, for the ids of what is written there.
/// It borrows the ids it is made of: a scope is opened for every chapter
/// and section, and copying its ids each time was the writer's most
/// frequent allocation.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scope<'a> {
    /// The prefix of elements numbered through their document (paragraphs,
    /// chapters): empty in the main body, `att_1__` in annex 1.
    pub doc: &'a str,
    /// The id of the enclosing element; empty at the top of a body.
    pub parent: &'a str,
    /// Inside a chapter or section, where only hierarchy elements stand:
    /// text, tables and figures are wrapped in `hcontainer`s there.
    pub hier: bool,
}

impl<'a> Scope<'a> {
    /// The top of a body whose numbered elements' ids begin with `doc`:
    /// empty for the main body, `att_1__` for annex 1, `preamble__` for
    /// the preamble ([`push_component_prefix`] makes it).
    pub fn body(doc: &'a str) -> Scope<'a> {
        Scope {
            doc,
            parent: "",
            hier: false,
        }
    }

    /// Inside the hierarchy element `id`.
    pub fn inside<'b>(&self, id: &'b str) -> Scope<'b>
    where
        'a: 'b,
    {
        Scope {
            doc: self.doc,
            parent: id,
            hier: true,
        }
    }

    /// Starts the id of a child counted within the enclosing element: the
    /// caller pushes the child's part (`sec_B`, `hcontainer_2`) after it.
    pub fn push_child_prefix(&self, id: &mut String) {
        if self.parent.is_empty() {
            id.push_str(self.doc);
        } else {
            id.push_str(self.parent);
            id.push_str("__");
        }
    }

    /// The id of a child `part` numbered `n` within the enclosing element
    /// (`chp_II__hcontainer_2`).
    pub fn push_child(&self, id: &mut String, part: &str, n: u32) {
        self.push_child_prefix(id);
        id.push_str(part);
        push_decimal(id, n);
    }
}

/// Buffers for ids, reused: a 60-page report has thousands of elements
/// with ids, and building each in place (no `format!`, no allocation once
/// the pool is warm) keeps Akoma Ntoso writing near undoc XML's speed. The
/// pool outlives the document on its thread ([`Ids::for_thread`]), so a
/// batch of short documents does not fill it afresh for each.
#[derive(Debug, Default)]
pub(super) struct Ids {
    free: Vec<String>,
}

thread_local! {
    static POOL: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Buffers kept on a thread between documents, and the largest kept: an id
/// or IRI is far shorter, and a huge one (an organ line of a hostile
/// masthead) is not held after its document.
const POOL_BUFFERS: usize = 32;
const POOL_BUFFER_BYTES: usize = 4096;

impl Ids {
    /// The buffers this thread's previous document gave back.
    pub fn for_thread() -> Ids {
        Ids {
            free: POOL.with(|pool| std::mem::take(&mut *pool.borrow_mut())),
        }
    }

    /// An id built by `build` in a reused buffer; give it back with
    /// [`Ids::recycle`] once written.
    pub fn build(&mut self, build: impl FnOnce(&mut String)) -> String {
        // Room for a deep id or a component IRI, so that a buffer is not
        // grown push by push.
        let mut id = self
            .free
            .pop()
            .unwrap_or_else(|| String::with_capacity(128));
        id.clear();
        build(&mut id);
        id
    }

    pub fn recycle(&mut self, id: String) {
        self.free.push(id);
    }
}

impl Drop for Ids {
    /// Gives the buffers back to the thread's pool, within its bounds.
    fn drop(&mut self) {
        let mut free = std::mem::take(&mut self.free);
        free.retain(|b| b.capacity() <= POOL_BUFFER_BYTES);
        free.truncate(POOL_BUFFERS);
        POOL.with(|pool| *pool.borrow_mut() = free);
    }
}

/// `att_1__`: the prefix of the ids numbered through component `name`.
pub(super) fn push_component_prefix(id: &mut String, name: &str) {
    id.push_str(name);
    id.push_str("__");
}

/// `chp_II`: chapters by their Roman number.
pub(super) fn push_chapter(id: &mut String, n: u32) {
    id.push_str("chp_");
    push_roman(id, n, true);
}

/// `sec_B`: sections by their capital letter.
pub(super) fn push_section(id: &mut String, n: u32) {
    id.push_str("sec_");
    push_latin_letter(id, n, true);
}

/// `prefix` + `part` + `n` (`att_1__` `para_` 12).
pub(super) fn push_numbered(id: &mut String, prefix: &str, part: &str, n: u32) {
    id.push_str(prefix);
    id.push_str(part);
    push_decimal(id, n);
}

/// `LIST__point_c`, `LIST__point_iv`, `LIST__point_3`: the item `n` of
/// list `list`, by its label's form.
pub(super) fn push_point(id: &mut String, list: &str, kind: ListKind, n: u32) {
    id.push_str(list);
    id.push_str("__point_");
    match kind {
        ListKind::Alpha => push_latin_letter(id, n, false),
        ListKind::Roman => push_roman(id, n, false),
        ListKind::Decimal | ListKind::Bullet => push_decimal(id, n),
    }
}

/// `#authorialNote_3`: a reference to footnote `n` (footnotes are numbered
/// through the whole document); its id is this without the `#`, its marker
/// the number ([`note_parts`]).
pub(super) fn push_note_href(id: &mut String, n: u32) {
    id.push_str("#authorialNote_");
    push_decimal(id, n);
}

/// The id and the marker of a note's `href` built by [`push_note_href`].
pub(super) fn note_parts(href: &str) -> (&str, &str) {
    (&href[1..], &href["#authorialNote_".len()..])
}
