//! The events a watch is shown while the tree is built, handed over in
//! batches: the tree's code and the watch's (the schema check) then each
//! run a stretch at a time, instead of taking turns at every event, which
//! left half again as many instruction-cache misses (callgrind).

use std::borrow::Cow;
use std::ops::Range;

use crate::model::Span;
use crate::read::XmlWatch;

/// Events held before they are handed over.
const BATCH: usize = 256;

/// One event as the watch is shown it; text and names are the source's
/// own slices (copies only where the parser made them).
enum Held<'a> {
    Start {
        qname: Cow<'a, str>,
        /// Its attributes, in [`Batch::attrs`].
        attrs: Range<usize>,
        empty: bool,
        span: Span,
        at: usize,
    },
    End(Cow<'a, str>, usize),
    Text(Cow<'a, str>, usize),
    CData(Cow<'a, str>, usize),
    Comment(Cow<'a, str>, usize),
    Pi(Cow<'a, str>, usize),
    Decl(Cow<'a, str>, usize),
}

/// A watch and the events not yet handed to it.
pub(super) struct Batch<'a, 'w> {
    watch: &'w mut dyn XmlWatch,
    held: Vec<Held<'a>>,
    attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl<'a, 'w> Batch<'a, 'w> {
    pub fn new(watch: &'w mut dyn XmlWatch) -> Self {
        Batch {
            watch,
            held: Vec::with_capacity(BATCH),
            attrs: Vec::new(),
        }
    }

    /// A start tag; `attrs` are its attributes as written.
    pub fn start(
        &mut self,
        qname: Cow<'a, str>,
        attrs: impl Iterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
        empty: bool,
        span: Span,
        at: usize,
    ) {
        let first = self.attrs.len();
        self.attrs.extend(attrs);
        let attrs = first..self.attrs.len();
        self.hold(Held::Start {
            qname,
            attrs,
            empty,
            span,
            at,
        });
    }

    pub fn end(&mut self, qname: Cow<'a, str>, at: usize) {
        self.hold(Held::End(qname, at));
    }

    pub fn text(&mut self, raw: Cow<'a, str>, at: usize) {
        self.hold(Held::Text(raw, at));
    }

    pub fn cdata(&mut self, text: Cow<'a, str>, at: usize) {
        self.hold(Held::CData(text, at));
    }

    pub fn comment(&mut self, text: Cow<'a, str>, at: usize) {
        self.hold(Held::Comment(text, at));
    }

    pub fn pi(&mut self, content: Cow<'a, str>, at: usize) {
        self.hold(Held::Pi(content, at));
    }

    pub fn decl(&mut self, content: Cow<'a, str>, at: usize) {
        self.hold(Held::Decl(content, at));
    }

    fn hold(&mut self, event: Held<'a>) {
        self.held.push(event);
        if self.held.len() == BATCH {
            self.hand_over();
        }
    }

    /// Hands the events held to the watch, in order.
    pub fn hand_over(&mut self) {
        let watch = &mut *self.watch;
        for event in self.held.drain(..) {
            match event {
                Held::Start {
                    qname,
                    attrs,
                    empty,
                    span,
                    at,
                } => {
                    let mut attrs = self.attrs[attrs]
                        .iter()
                        .map(|(k, v)| (k.as_ref(), v.as_ref()));
                    watch.start(&qname, &mut attrs, empty, span, at);
                }
                Held::End(qname, at) => watch.end(&qname, at),
                Held::Text(raw, at) => watch.text(&raw, at),
                Held::CData(text, at) => watch.cdata(&text, at),
                Held::Comment(text, at) => watch.comment(&text, at),
                Held::Pi(content, at) => watch.pi(&content, at),
                Held::Decl(content, at) => watch.decl(&content, at),
            }
        }
        self.attrs.clear();
    }
}
