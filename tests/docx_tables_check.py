"""Reads the tables and pictures of a DOCX written by undoc with python-docx,
an independent reader, and prints what tests/docx_tables.rs checks, as JSON:

- every table (nested ones too, in document order): its grid as python-docx
  resolves it (`row.cells`: a cell spanning columns or rows stands in each
  grid place it covers), the cells Word stores (`tc`: text, gridSpan,
  vMerge), which rows repeat as header and cannot split, and whether it
  runs right to left (bidiVisual);
- every picture of the body: its description, its part's content type and size.

Usage: python3 docx_tables_check.py FILE.docx
"""

import json
import sys

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table


def cell_text(tc, table):
    """The text of a cell's own paragraphs, one line each, as python-docx reads them."""
    from docx.table import _Cell

    return "\n".join(p.text for p in _Cell(tc, table).paragraphs)


def describe(table):
    tbl = table._tbl
    pr = tbl.tblPr
    caption = pr.find(qn("w:tblCaption")) if pr is not None else None
    rows = []
    for row in table.rows:
        tr = row._tr
        trpr = tr.trPr
        rows.append({
            "grid": [c.text for c in row.cells],
            "tcs": [{
                "text": cell_text(tc, table),
                "span": tc.grid_span,
                "vmerge": tc.vMerge,
            } for tc in tr.tc_lst],
            "header": trpr is not None and trpr.find(qn("w:tblHeader")) is not None,
            "cant_split": trpr is not None and trpr.find(qn("w:cantSplit")) is not None,
        })
    return {
        "columns": len(table.columns),
        "bidi_visual": pr is not None and pr.find(qn("w:bidiVisual")) is not None,
        "caption": caption.get(qn("w:val")) if caption is not None else None,
        "rows": rows,
    }


def all_tables(tables, out):
    """Tables in document order, each followed by the tables nested in it."""
    for table in tables:
        out.append(describe(table))
        nested = []
        for row in table.rows:
            for tc in row._tr.tc_lst:
                nested.extend(Table(t, table) for t in tc.findall(qn("w:tbl")))
        all_tables(nested, out)


def pictures(doc):
    out = []
    body = doc.element.body
    for inline in body.iter(qn("wp:inline")):
        doc_pr = inline.find(qn("wp:docPr"))
        blip = inline.find(".//" + qn("a:blip"))
        part = doc.part.related_parts[blip.get(qn("r:embed"))]
        out.append({
            "descr": doc_pr.get("descr"),
            "name": doc_pr.get("name"),
            "content_type": part.content_type,
            "partname": str(part.partname),
            "bytes": len(part.blob),
        })
    return out


def main(path):
    doc = Document(path)
    tables = []
    all_tables(doc.tables, tables)
    print(json.dumps({"tables": tables, "pictures": pictures(doc)}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
