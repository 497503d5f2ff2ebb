"""Inputs → Page: the entry points behind `zhnews.extract` and `zhnews extract`.

Every format ends as flat text with offsets (HTML and PDF readers produce it
with hints about which lines are headlines), then layout builds the articles
and the annotators add the facts.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import dates, formats, layout, traditional
from .article_build import (  # noqa: F401  (re-exported: callers import them from here)
    article_from_parts,
    build_article,
    infer_outlet,
    is_press,
    outlet_from_filename,
    outlet_from_masthead,
    outlet_from_source_line,
)
from .byline import match_dateline
from .errors import InputError, NotAnArticle
from .model import Page
from .pipeline import annotate_page
from .read import Source, check_chinese, decode

def extract_text(
    text: str,
    name: str | None = None,
    date: str | None = None,
    outlet: str | None = None,
    fmt: str = "text",
    encoding: str | None = None,
    annotate: bool = True,
) -> Page:
    """A page's decoded text → annotated Page."""
    source = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    label = name or "<text>"
    if not source.strip():
        raise InputError(label, "empty input")
    check_chinese(source, label)
    original = source if traditional.is_traditional(source) else None
    if original is not None:
        source = traditional.to_simplified(source)  # the same length: offsets hold for both
    published_s = date or dates.date_from_filename(name) or dates.date_from_text(source)
    if date and dates.parse_iso(date) is None:
        raise InputError(label, f"--date {date!r} is not a date like 2025-03-07")
    published = dates.parse_iso(published_s)
    drafts = layout.segment(source)
    page_outlet = (outlet or infer_outlet(drafts) or outlet_from_source_line(source) or outlet_from_masthead(source)
                   or outlet_from_filename(name))
    page = Page(
        input=os.path.basename(name) if name else None,
        published=published_s,
        outlet=page_outlet,
        encoding=encoding,
        format=fmt,
    )
    for d in drafts:
        art = build_article(d, source, published, page_outlet)
        if art.text or art.headline:
            page.articles.append(art)
    if not page.articles:
        raise InputError(label, "no article found (is this a newspaper page?)")
    if annotate:
        annotate_page(page)
    if original is not None:
        traditional.restore(page, source, original)
        page.script = "traditional"
    return page


def extract_source(src: Source, date: str | None = None, outlet: str | None = None) -> Page:
    data = src.read_bytes()
    kind = src.kind
    if kind in formats.FORMATS:
        return formats.reader(kind)(data, name=src.name, date=date, outlet=outlet)
    if kind == "jsonl":
        raise InputError(src.name, "JSONL holds many records: use extract_records() / `zhnews extract` streams it")
    text, encoding = decode(data, src.name)
    return extract_text(text, name=src.name, date=date, outlet=outlet, encoding=encoding)


def _text_field(record: dict, key: str, name) -> str | None:
    """A record's text field, None when absent; another JSON type (a number,
    a list) is the user's mistake, told in one line, not a crash further on."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(str(name or "<record>"), f'record field "{key}" must be a string, not {type(value).__name__}')


def extract_record(
    record: dict, date: str | None = None, outlet: str | None = None, where: str | None = None
) -> Page:
    """One JSONL article record {url, date, page, title, paragraphs|text} → Page
    of one article: the archive already split the page, so layout only cleans.
    `where` ("archive.jsonl:3") names a record that has no url or id in errors."""
    rid = record.get("id")
    name = (_text_field(record, "url", where) or (str(rid) if isinstance(rid, (str, int)) and rid != "" else None)
            or where or "<record>")
    title = (_text_field(record, "title", name) or "").strip()
    paras = record.get("paragraphs")
    if isinstance(paras, list):
        if not all(p is None or isinstance(p, str) for p in paras):
            raise InputError(str(name), 'record field "paragraphs" must be a list of strings')
        body = "\n".join(p for p in paras if p and p.strip())
    elif paras is not None:
        raise InputError(str(name), 'record field "paragraphs" must be a list of strings')
    else:
        body = _text_field(record, "text", name) or ""
    date = date or _text_field(record, "date", name)
    outlet = outlet or _text_field(record, "outlet", name)
    if not body.strip():
        raise InputError(str(name), "record has no text")
    published = date
    outlet = outlet or outlet_from_filename(_text_field(record, "url", name))
    if not title:
        try:
            page = extract_text(body, name=None, date=published, outlet=outlet, fmt="record")
        except NotAnArticle as exc:
            raise NotAnArticle(str(name), exc.reason) from None
        except InputError as exc:  # named after the record, not "<text>"
            raise InputError(str(name), exc.reason) from None
        page.input = str(name)
        return page
    # The archive already split the page and knows the headline: one article.
    view = traditional.PartsView([title, body])  # traditional characters: read simplified, reported as printed
    title, body = view.parts
    page = Page(input=str(name), published=published, outlet=outlet, format="record")
    page.articles.append(article_from_parts(title, body, published=published, outlet=outlet))
    if not page.articles[0].text:
        raise NotAnArticle(str(name), "record holds no article text (page furniture such as 本版责编 or captions only)")
    annotate_page(page)
    return view.restore(page)


def extract_any(x, date: str | None = None, outlet: str | None = None, name: str | None = None) -> Page:
    if isinstance(x, (bytes, bytearray)):
        text, enc = decode(bytes(x), name or "<bytes>")
        return extract_text(text, name=name, date=date, outlet=outlet, encoding=enc)
    if isinstance(x, os.PathLike) or (isinstance(x, str) and "\n" not in x and len(x) < 4096 and os.path.isfile(x)):
        p = Path(x)
        return extract_source(Source(str(p), p), date=date, outlet=outlet)
    if isinstance(x, str):
        return extract_text(x, name=name, date=date, outlet=outlet)
    raise TypeError("extract() takes page text (str), bytes, or a path")


__all__ = ["extract_text", "extract_source", "extract_record", "extract_any", "match_dateline"]
