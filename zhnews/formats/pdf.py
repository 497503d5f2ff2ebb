"""Newspaper page PDFs → Page.

PyMuPDF gives every character with its box and font size; characters are cut
into lines at wide gaps (a column gutter is white space, not a character),
`pdf_layout` turns the lines of each page into stories in reading order, and
each story goes through `article_build.article_from_parts` — the same paragraph
repair, dateline and credit reading as flat text — and then the annotators.

Refusals a user can act on: not a PDF, cut off (no %%EOF), damaged beyond
opening, password-protected. A page with no text layer but an image (a scan)
is read by OCR (`image.py`).
"""

from __future__ import annotations

from ..errors import InputError
from ..model import Page
from .pdf_layout import Line
from .positioned import MAX_PAGES, check_date, page_from_lines

# Every PDF ends with %%EOF; readers accept it anywhere in the last kilobyte
# (trailing junk after it is common).
EOF_WINDOW = 1024
# A horizontal gap wider than this share of the font size inside what PDF
# text extraction calls one line is a gutter or a deliberate space between
# headline phrases: cut the line there.
GAP_SPLIT = 0.8
# Characters that CJK fonts without a ToUnicode map decode to a look-alike:
# the Adobe-GB1 ellipsis comes back as U+22EF (midline ellipsis).
CHAR_FIXES = str.maketrans({"\u22ef": "\u2026"})


def _open(data: bytes, label: str):
    import pymupdf

    if b"%PDF-" not in data[:1024]:
        raise InputError(label, "not a PDF (no %PDF header)")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError(label, "broken or truncated PDF: the file ends before its %%EOF marker (cut off while downloading or copying?)")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # noqa: BLE001 - MuPDF raises its own error types
        raise InputError(label, f"broken or truncated PDF ({exc})") from None
    if doc.needs_pass:
        raise InputError(label, "PDF is encrypted (password-protected): open it with its password and save an unprotected copy")
    if doc.page_count == 0:
        raise InputError(label, "broken or truncated PDF: no pages")
    if doc.page_count > MAX_PAGES:
        raise InputError(label, f"PDF has {doc.page_count} pages; give newspaper pages (at most {MAX_PAGES})")
    return doc


def page_lines(pg) -> tuple[list[Line], int]:
    """One page's text lines (cut at wide gaps) and the number of images on it."""
    raw = pg.get_text("rawdict", flags=0)
    lines: list[Line] = []
    images = len(pg.get_images(full=False))
    for block in raw.get("blocks", []):
        if block.get("type") != 0:
            continue
        for ln in block.get("lines", []):
            wdir = ln.get("dir", (1, 0))
            if abs(wdir[1]) > 0.5:
                continue  # vertical or rotated text (side banners) is not body text
            cur: list = []  # chars of the current piece: (c, bbox, size)
            for span in ln.get("spans", []):
                size = span.get("size", 0.0)
                for ch in span.get("chars", []):
                    if cur:
                        gap = ch["bbox"][0] - cur[-1][1][2]
                        if gap > GAP_SPLIT * max(size, cur[-1][2]):
                            lines.append(_line(cur))
                            cur = []
                    cur.append((ch["c"], ch["bbox"], size))
            if cur:
                lines.append(_line(cur))
    return [ln for ln in lines if ln.text.strip()], images


def _line(chars: list) -> Line:
    text = "".join(c for c, _, _ in chars).translate(CHAR_FIXES)
    ink = next((b[0] for c, b, _ in chars if not c.isspace()), None)
    sizes = [s for c, _, s in chars if not c.isspace()] or [chars[0][2]]
    return Line(
        x0=min(b[0] for _, b, _ in chars),
        y0=min(b[1] for _, b, _ in chars),
        x1=max(b[2] for _, b, _ in chars),
        y1=max(b[3] for _, b, _ in chars),
        size=max(set(sizes), key=sizes.count),
        text=text,
        ink_x0=ink,
    )


def extract_pdf(data: bytes, name: str | None = None, date: str | None = None, outlet: str | None = None) -> Page:
    label = name or "<pdf>"
    check_date(date, label)
    doc = _open(data, label)
    pages = []
    sizes = []
    images = 0
    try:
        for pg in doc:
            lines, n_img = page_lines(pg)
            images += n_img
            pages.append(lines)
            sizes.append((pg.rect.width, pg.rect.height))
        if not any(pages) and images:
            # a scan: no text layer, the page is a picture of text
            from .image import ocr_pdf_pages, scanned_page

            return scanned_page(ocr_pdf_pages(doc, label), name, date, outlet, label, "ocr")
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged content streams
        raise InputError(label, f"broken or truncated PDF: cannot read its pages ({exc})") from None
    finally:
        doc.close()
    if not any(pages):
        raise InputError(label, "PDF holds no text")
    return page_from_lines(pages, name, date, outlet, label, sizes=sizes)


__all__ = ["extract_pdf", "page_lines"]
