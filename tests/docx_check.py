"""Reads a DOCX written by undoc with python-docx, an independent reader,
and prints what the Rust test (tests/docx.rs) checks, as JSON:
paragraph styles, text and direction, the East Asian font and language of
runs holding ideographs, the direction of runs holding Arabic letters, and
the core properties.

Usage: python3 docx_check.py FILE.docx
"""

import json
import sys

from docx import Document
from docx.oxml.ns import qn


def has_ideograph(text):
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def has_arabic(text):
    return any("\u0600" <= c <= "\u06ff" for c in text)


def main(path):
    doc = Document(path)
    paragraphs = []
    runs = {"ideographic": 0, "east_asian_fonts": [], "east_asian_langs": [],
            "arabic": 0, "arabic_rtl": 0, "bidi_langs": []}
    for p in doc.paragraphs:
        ppr = p._p.pPr
        bidi = ppr is not None and ppr.find(qn("w:bidi")) is not None
        # The text of every run, hyperlinks included (python-docx before 1.0
        # leaves hyperlinks out of Paragraph.text).
        whole = []
        for r in p._p.iter(qn("w:r")):
            for child in r:
                if child.tag == qn("w:t"):
                    whole.append(child.text or "")
                elif child.tag == qn("w:tab"):
                    whole.append("\t")
        paragraphs.append({"style": p.style.style_id, "text": "".join(whole), "bidi": bidi})
        for r in p._p.iter(qn("w:r")):
            text = "".join(t.text or "" for t in r.iter(qn("w:t")))
            rpr = r.find(qn("w:rPr"))
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            lang = rpr.find(qn("w:lang")) if rpr is not None else None
            if has_ideograph(text):
                runs["ideographic"] += 1
                runs["east_asian_fonts"].append(
                    fonts.get(qn("w:eastAsia")) if fonts is not None else None)
                runs["east_asian_langs"].append(
                    lang.get(qn("w:eastAsia")) if lang is not None else None)
            if has_arabic(text):
                runs["arabic"] += 1
                if rpr is not None and rpr.find(qn("w:rtl")) is not None:
                    runs["arabic_rtl"] += 1
                runs["bidi_langs"].append(
                    lang.get(qn("w:bidi")) if lang is not None else None)
    for key in ("east_asian_fonts", "east_asian_langs", "bidi_langs"):
        runs[key] = sorted(set(str(v) for v in runs[key]))
    core = doc.core_properties
    print(json.dumps({
        "paragraphs": paragraphs,
        "runs": runs,
        "core": {
            "title": core.title,
            "subject": core.subject,
            "language": core.language,
            "author": core.author,
            "created": core.created.isoformat() if core.created else None,
        },
        "page": {
            "width": doc.sections[0].page_width,
            "height": doc.sections[0].page_height,
            "different_first_page": doc.sections[0].different_first_page_header_footer,
            "odd_and_even": doc.settings.odd_and_even_pages_header_footer,
        },
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
