"""zhnews: Chinese newspaper pages into a source-grounded knowledge base.

    >>> import zhnews
    >>> page = zhnews.extract(open("page.txt", encoding="utf-8").read())
    >>> page.articles[0].headline
"""

from __future__ import annotations

from .model import Article, Page

__version__ = "0.14.0"
__all__ = ["extract", "Page", "Article", "__version__"]


def extract(text_or_path, date: str | None = None, outlet: str | None = None, name: str | None = None) -> Page:
    """Extract a page given as text (str), raw bytes, or a path to a file.

    A `str` is taken as the page's text unless it is the path of an existing
    file; `bytes` are decoded with encoding detection.
    """
    from .extraction import extract_any

    return extract_any(text_or_path, date=date, outlet=outlet, name=name)
