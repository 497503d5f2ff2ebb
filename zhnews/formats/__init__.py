"""Source formats other than flat text: e-paper HTML and PDF pages.

Each reader knows what its format states outright (the markup's 引题/主题/副题/
作者, a PDF's font sizes and column positions) and hands every article body to
`article_build.article_from_parts`, so paragraph repair, datelines, credits and
dates work the same way for every format; then `pipeline.annotate_page` adds
the facts exactly as for text.

    html.extract_html(data: bytes, name, date, outlet) -> Page
    pdf.extract_pdf(data: bytes, name, date, outlet) -> Page
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article


@dataclass
class ListedArticle(Article):
    """An article a 版面 (page-list) page names: its headline, the link to its
    own page, and where it sits on the page image (the `<area>` polygon, image
    pixels as [[x, y], ...]); its text lives on the linked page."""

    url: str | None = None
    outline: list[list[float]] | None = None


__all__ = ["ListedArticle"]
