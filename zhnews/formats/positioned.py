"""Positioned text lines of a page → Page: shared by text PDFs and scans.

A text PDF's character boxes (`pdf.py`) and a scan's OCR word boxes
(`image.py`) both become `pdf_layout.Line`s; from there one path: layout into
stories, article assembly, outlet and date from furniture, the annotators, and
traditional characters read in simplified and reported as printed.
"""

from __future__ import annotations

import os

from .. import dates, traditional
from ..article_build import is_press, outlet_from_filename
from ..errors import InputError
from ..model import Page
from ..pipeline import annotate_page
from . import epaper, ocr
from .assemble import article_from_pieces
from .pdf_layout import HEAD_SAME, HEAD_SAME_SCANNED, Box, Line, stories_of, story_body, story_boxes

# A file of more pages than this is a book or a whole issue; refuse it as one "page".
MAX_PAGES = 200
OCR_WARNING = "text read by OCR from a page image: characters may be misread"
# Decimals of a region's page shares: 1e-4 of a 3,500-pixel scan is 0.35 pixel.
REGION_DIGITS = 4


def check_date(date: str | None, label: str) -> None:
    if date and dates.parse_iso(date) is None:
        raise InputError(label, f"--date {date!r} is not a date like 2025-03-07")


def page_from_lines(pages: list[list[Line]], name: str | None, date: str | None, outlet: str | None,
                    label: str, fmt: str = "pdf", sizes: list[tuple[float, float]] | None = None) -> Page:
    """Positioned text lines of each page (from a text layer or from OCR) → Page.
    sizes: each page's (width, height) in the lines' units; with them every
    article records its `regions` on the pages, normalized to 0..1."""
    if not any(pages):
        raise InputError(label, "no text found on the page(s)")
    # traditional characters: every line read in simplified (same length), reported as printed
    original = "\n".join(ln.text for lines in pages for ln in lines)
    trad = traditional.is_traditional(original)
    if trad:
        for lines in pages:
            for ln in lines:
                ln.text = traditional.to_simplified(ln.text)
    laid = [(n, *stories_of(lines, scanned=fmt != "pdf")) for n, lines in enumerate(pages, 1) if lines]
    furniture = " ".join(ln.text for _, _, small, _ in laid for ln in sorted(small, key=lambda ln: (ln.y0, ln.x0)))
    published = date or dates.date_from_filename(name) or epaper.iso_date(furniture)
    page_outlet = outlet or outlet_from_filename(name) or epaper.outlet_in(furniture)
    page = Page(input=os.path.basename(name) if name else None, published=published, format=fmt)
    for n, stories, _, size in laid:
        for story in stories:
            head, body = story.head, story_body(story.blocks, size) if story.blocks else []
            same = HEAD_SAME if fmt == "pdf" else HEAD_SAME_SCANNED
            kicker, headline, sub = head.roles(same) if head is not None else (None, "", None)
            if not body:
                if headline:
                    page.warnings.append(f"headline without text on the page: {headline}")
                continue
            if fmt != "pdf":
                kicker, headline, sub = (ocr.heading(h) for h in (kicker, headline, sub))
                body = ocr.pair_quotes_pieces(body)
            art = article_from_pieces(headline, body, kicker=kicker, subheadline=sub, published=published, outlet=page_outlet)
            if art.text:
                if sizes is not None:
                    art.regions = regions(n, story_boxes(story, size), sizes[n - 1])
                page.articles.append(art)
    if not page.articles:
        raise InputError(label, "no article text found on the page(s)")
    if page_outlet is None:
        # Like text: the paper is the one its own bylines name ("本报北京电(山西日报记者 杨文)").
        own = {a.byline.outlet for a in page.articles if (a.byline.dateline or "").startswith("本报") and a.byline.outlet}
        if len(own) == 1:
            page_outlet = own.pop()
            for a in page.articles:
                if not a.byline.outlet and (not a.byline.dateline or a.byline.dateline.lstrip("据").startswith("本报")):
                    a.byline.outlet = page_outlet if is_press(page_outlet) else None
    page.outlet = page_outlet
    annotate_page(page)
    if trad:
        traditional.restore_whole(page, "\n".join(ln.text for lines in pages for ln in lines), original)
    return page


def regions(page_no: int, boxes: list[Box], size: tuple[float, float]) -> list[dict]:
    """Boxes in page units → {"page", "x0", "y0", "x1", "y1"} as shares of the
    page's width and height (pixels of a scan and points of a PDF alike),
    clipped to the page, REGION_DIGITS decimals."""
    w, h = size
    out = []
    for x0, y0, x1, y1 in boxes:
        box = [min(max(v / d, 0.0), 1.0) for v, d in ((x0, w), (y0, h), (x1, w), (y1, h))]
        out.append({"page": page_no, **{k: round(v, REGION_DIGITS) for k, v in zip(("x0", "y0", "x1", "y1"), box)}})
    return out


__all__ = ["MAX_PAGES", "OCR_WARNING", "check_date", "page_from_lines", "regions"]
