"""Source formats other than flat text: e-paper HTML and PDF pages.

The formats register here (`FORMATS`): the suffixes each one reads and the
function that reads it, named, not imported, so a text page never loads
PyMuPDF and the reader (`zhnews.read`, `zhnews.extraction`) knows no format
by name; a new format is one `register` line and its module.

Each reader knows what its format states outright (the markup's 引题/主题/副题/
作者, a PDF's font sizes and column positions) and hands every article body to
`article_build.article_from_parts`, so paragraph repair, datelines, credits and
dates work the same way for every format; then `pipeline.annotate_page` adds
the facts exactly as for text.

    html.extract_html(data: bytes, name, date, outlet) -> Page
    pdf.extract_pdf(data: bytes, name, date, outlet) -> Page
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

from ..model import Article


@dataclass(frozen=True)
class Format:
    kind: str
    suffixes: frozenset[str]
    reader: str  # "module:function", imported on first use; called (data: bytes, name, date, outlet) -> Page


FORMATS: dict[str, Format] = {}


def register(kind: str, suffixes: set[str], reader: str) -> None:
    FORMATS[kind] = Format(kind, frozenset(suffixes), reader)


def kind_of(suffix: str) -> str | None:
    """The registered format that reads files with this (lower-case) suffix."""
    for f in FORMATS.values():
        if suffix in f.suffixes:
            return f.kind
    return None


def suffixes() -> set[str]:
    return {s for f in FORMATS.values() for s in f.suffixes}


def reader(kind: str) -> Callable:
    module, _, function = FORMATS[kind].reader.partition(":")
    return getattr(importlib.import_module(module), function)


register("html", {".html", ".htm", ".shtml", ".xhtml"}, "zhnews.formats.html:extract_html")
register("pdf", {".pdf"}, "zhnews.formats.pdf:extract_pdf")
register("image", {".png", ".jpg", ".jpeg", ".tif", ".tiff"}, "zhnews.formats.image:extract_image")  # scanned pages, by OCR


@dataclass
class ListedArticle(Article):
    """An article a 版面 (page-list) page names: its headline, the link to its
    own page, and where it sits on the page image (the `<area>` polygon, image
    pixels as [[x, y], ...]); its text lives on the linked page."""

    url: str | None = None
    outline: list[list[float]] | None = None


__all__ = ["FORMATS", "Format", "ListedArticle", "kind_of", "reader", "register", "suffixes"]
