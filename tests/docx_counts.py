"""Counts what a DGACM Word file holds, straight from its XML, for
tests/docx_reader.rs to compare with what undoc's reader makes of it. It
shares no code with the reader: it reads styles.xml and document.xml with
the standard library and applies the DGACM conventions as written here.

- chapters: body paragraphs in style HCh (or based on it) whose text starts
  with a Roman numeral label `IV.<tab>`, or paragraphs without a DGACM
  heading style, bold throughout (or given an outline level), with such a
  label continuing the chapters;
- sections: paragraphs in style H1 with a letter label `B.<tab>`, or bold
  unstyled paragraphs with a label that is not the next chapter;
- subheadings: paragraphs in H23 or H4 after the first numbered part (title
  lines of a table excepted: a heading followed by a units line `(…)` and
  the table, when the heading has no number), paragraphs in HCh or H1 without a label (other than annex
  headings, the title under an annex heading, and the contents heading),
  and bold unstyled paragraphs with a
  number label `1.<tab>` that is not the next paragraph's;
- numbered paragraphs: body-text paragraphs whose text starts `12.<tab>`
  (or `29.12<tab>` in budget sections);
- tables: every table, except the table of contents (the table right after
  the `Contents` heading; contents set as TOC1/TOC2 paragraphs are no table
  and are skipped) and the summary box (a one-column table opening with
  `Summary`), whose inner tables count; tables inside other tables' cells
  are part of those tables; a table right after another (only empty
  paragraphs between) that repeats its first row is that table continued
  (split by hand at a page break: printed, one table whose header
  repeats);
- footnotes: distinct footnote references in the document part;
- starts: each numbered paragraph's number and the first 60 characters of
  its text after the label (for tests/archive_text.rs).

Usage: python3 docx_counts.py FILE.docx  (prints JSON)
"""

import json
import re
import sys
import zipfile
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROLES = {"HCh": "chapter", "H1": "section", "H23": "sub", "H4": "sub", "H56": "sub",
         "SingleTxt": "body", "Normal": "body", "TitleHCH": "title", "TitleH1": "title",
         "Session": "front", "AgendaItemNormal": "front", "AgendaTitleH2": "front",
         "FootnoteText": "note", "TOC1": "toc", "TOC2": "toc"}
ROMAN = re.compile(r"^(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def styles_of(z):
    root = ET.fromstring(z.read("word/styles.xml"))
    based = {}
    for s in root.iter(W + "style"):
        b = s.find(W + "basedOn")
        based[s.get(W + "styleId")] = b.get(W + "val") if b is not None else None

    def role(sid):
        for _ in range(32):
            if sid is None:
                return "body"
            if sid in ROLES:
                return ROLES[sid]
            sid = based.get(sid)
        return "body"
    return role


def text(p):
    out = []
    for r in p.iter(W + "r"):
        for c in r:
            if c.tag == W + "t":
                out.append(c.text or "")
            elif c.tag == W + "tab":
                out.append("\t")
    return "".join(out)


def style_id(p):
    s = p.find(W + "pPr/" + W + "pStyle")
    return s.get(W + "val") if s is not None else None


def all_bold(p):
    runs = [r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
    return bool(runs) and all(r.find(W + "rPr/" + W + "b") is not None for r in runs)


def roman(s):
    return s and ROMAN.match(s) and s


def roman_value(s):
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, c in enumerate(s):
        v = vals[c]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def blocks(body):
    for el in body:
        if el.tag == W + "sdt":
            content = el.find(W + "sdtContent")
            if content is not None:
                yield from blocks(content)
        elif el.tag in (W + "p", W + "tbl"):
            yield el


def first_text(tbl):
    for p in tbl.iter(W + "p"):
        t = text(p).strip()
        if t:
            return t
    return ""


def count(path):
    z = zipfile.ZipFile(path)
    role = styles_of(z)
    doc = ET.fromstring(z.read("word/document.xml"))
    items = list(blocks(doc.find(W + "body")))
    c = {"chapters": 0, "sections": 0, "subheadings": 0, "paragraphs": 0, "tables": 0,
         "footnotes": len({f.get(W + "id") for f in doc.iter(W + "footnoteReference")}),
         "starts": []}
    chapter, para, started, skip_table, annex_due = 0, 0, False, False, False
    before = None  # the table just before, when only empty paragraphs follow it
    for i, el in enumerate(items):
        if el.tag == W + "tbl":
            cells = max((len(tr.findall(W + "tc")) for tr in el.findall(W + "tr")), default=0)
            if skip_table:
                skip_table = False
            elif cells == 1 and first_text(el) == "Summary":
                c["tables"] += tables_in(el)
            elif not continues(before, el):
                c["tables"] += 1
            before = el
            continue
        t = text(el)
        s = t.strip()
        if not s:
            continue
        before = None
        r = role(style_id(el))
        if s == "Contents":
            skip_table = next_is_table(items, i)
            continue
        if r == "toc":
            continue
        if re.match(r"^Annex( [IVX]+)?$", s):
            annex_due = True
            continue
        if annex_due and r in ("chapter", "section"):
            annex_due = False
            continue
        annex_due = False
        label = re.match(r"^\s*([^\s.]+)\.\t", t)
        lab = label.group(1) if label else None
        outline = el.find(W + "pPr/" + W + "outlineLvl") is not None
        bold = outline or (all_bold(el) and len(s) <= 200 and not s.endswith((".", ";", ":", ",")))
        numbered = re.match(r"^\s*(?:\d+\.)?(\d+)\.?\t", t) if r in ("body", "note") else None
        if r == "chapter" and roman(lab):
            c["chapters"] += 1
            chapter, started = roman_value(lab), True
        elif r == "section" and lab and len(lab) == 1 and lab.isupper():
            c["sections"] += 1
            started = True
        elif r in ("chapter", "section"):
            if started and not s.startswith("Annex") and lab is None:
                c["subheadings"] += 1
        elif r == "body" and bold and roman(lab) and roman_value(lab) == chapter + 1:
            c["chapters"] += 1
            chapter, started = chapter + 1, True
        elif r == "body" and bold and lab and len(lab) == 1 and lab.isupper():
            c["sections"] += 1
            started = True
        elif r == "body" and bold and lab and lab.isdigit() and int(lab) != para + 1:
            c["subheadings"] += started
        elif r == "sub":
            if started and not (lab is None and is_table_title(items, i)):
                c["subheadings"] += 1
        elif numbered and not bold:
            c["paragraphs"] += 1
            para, started = int(numbered.group(1)), True
            c["starts"].append([para, t[numbered.end():].strip()[:60]])
    return c


def first_row(tbl):
    tr = tbl.find(W + "tr")
    return None if tr is None else [text(tc).strip() for tc in tr.findall(W + "tc")]


def continues(before, tbl):
    """Whether tbl continues the table before it: the same first row, not empty."""
    row = first_row(tbl)
    return before is not None and row is not None and any(row) and row == first_row(before)


def tables_in(box):
    """The tables in the cells of a layout table (the summary box), read cell
    after cell, a continued one counted with the one it continues."""
    n, before = 0, None
    for tc in box.findall(W + "tr/" + W + "tc"):
        for el in tc:
            if el.tag == W + "tbl":
                n += len(el.findall(".//" + W + "tc/" + W + "tbl"))
                n += 0 if continues(before, el) else 1
                before = el
            elif el.tag == W + "p" and text(el).strip():
                before = None
    return n


def next_is_table(items, i):
    """Whether the next table or paragraph with text after items[i] is a table."""
    for el in items[i + 1:]:
        if el.tag == W + "tbl":
            return True
        if text(el).strip():
            return False
    return False


def is_table_title(items, i):
    """A heading followed by a units line and then a table."""
    rest = [el for el in items[i + 1:i + 8] if el.tag == W + "tbl" or text(el).strip()]
    return (len(rest) >= 2 and rest[0].tag == W + "p"
            and re.match(r"^\(.*\)$", text(rest[0]).strip()) is not None
            and rest[1].tag == W + "tbl")


if __name__ == "__main__":
    print(json.dumps(count(sys.argv[1])))
