"""Builds the seeds of the docx_reader fuzz target from the Word files in
tests/fixtures/un-official/: for each, its document.xml cut after the
paragraph nearest 60 KB (closed again), once as a whole package (selector
byte 0: zipped with its styles and numbering) and once bare (selector 1:
the target zips it).

Usage: python3 fuzz/docx_seeds.py OUT_DIR
"""

import io
import pathlib
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIMIT = 60_000


def trimmed(xml):
    """The part up to the first paragraph end past LIMIT outside tables."""
    cut = LIMIT
    while True:
        cut = xml.find(b"</w:p>", cut)
        if cut < 0:
            return xml
        cut += len(b"</w:p>")
        head = xml[:cut]
        if head.count(b"<w:tbl>") == head.count(b"</w:tbl>") and head.count(b"<w:txbxContent") == head.count(b"</w:txbxContent>"):
            return head + b"</w:body></w:document>"


def main(out):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for docx in sorted((ROOT / "tests/fixtures/un-official").glob("*.docx")):
        z = zipfile.ZipFile(docx)
        document = trimmed(z.read("word/document.xml"))
        (out / (docx.stem + ".xml")).write_bytes(b"\x01" + document)
        package = io.BytesIO()
        with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as p:
            p.writestr("word/document.xml", document)
            for part in ("word/styles.xml", "word/numbering.xml", "word/footnotes.xml"):
                if part in z.namelist():
                    p.writestr(part, z.read(part))
            p.writestr("word/_rels/document.xml.rels", z.read("word/_rels/document.xml.rels"))
        (out / (docx.stem + ".zip")).write_bytes(b"\x00" + package.getvalue())


if __name__ == "__main__":
    main(sys.argv[1])
