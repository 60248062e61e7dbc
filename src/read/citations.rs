//! Symbols cited in running text that do not follow the grammar
//! (`A/HRC/54//32`): the readers leave them as text (they are not linked);
//! a warning at their line says so. Found in the document's text, placed
//! by searching the source for them, so every text-based reader gets it.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, Inline};
use crate::read::{SourceView, span_of_offset};
use crate::symbol;

/// A warning for each malformed symbol in the text of `doc`, at its place in `view`.
pub fn warnings(doc: &Document, view: &SourceView) -> Vec<Diagnostic> {
    let SourceView::Text(source) = view else {
        return Vec::new();
    };
    let mut found = Vec::new();
    doc.for_each_inlines(&mut |inlines| collect(inlines, &mut found));
    let mut from = 0;
    found
        .into_iter()
        .map(|(cited, why)| {
            let at = source[from..].find(&cited).map(|k| from + k);
            if let Some(at) = at {
                from = at + cited.len();
            }
            let span = at.map(|at| span_of_offset(source, at)).unwrap_or_default();
            Diagnostic::new(
                Code::MalformedCitation,
                span,
                format!("`{cited}` looks like a document symbol but is not one ({why}): it is not linked"),
            )
            .with_length(cited.chars().count() as u32)
        })
        .collect()
}

/// The malformed symbols in the text runs of `inlines`, in order.
fn collect(inlines: &[Inline], out: &mut Vec<(String, symbol::SymbolError)>) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Emph(t) => out.extend(
                symbol::find_malformed_in_text(t)
                    .into_iter()
                    .map(|(r, why)| (t[r].to_string(), why)),
            ),
            Inline::Strong(inner) => collect(inner, out),
            _ => {}
        }
    }
}
