"""E-paper and news-site HTML → Page.

Order of trust: the papers' own markup (epaper.READERS) first, because it
names 引题/主题/副题/作者 outright; then a 版面 page (the list of one printed
page's articles); then, for any other news page, trafilatura's main-text
extraction. Whatever found the body, the article is built by
`article_build.article_from_parts` so the body goes through the same paragraph
repair, dateline and credit reading as flat text.

Encodings: a byte-order mark wins, then the charset the page declares
(<meta charset>, http-equiv Content-Type, an XML declaration), then the same
detection as for text files. Chinese sites often declare one encoding and
serve another (a "utf-8" page in GBK), so a declaration that does not decode
is overruled by detection, with a warning.
"""

from __future__ import annotations

import codecs
import os
import re

from selectolax.lexbor import LexborHTMLParser

from .. import dates, traditional
from ..errors import InputError
from ..article_build import article_from_parts, outlet_from_filename
from ..model import Page
from ..pipeline import annotate_page
from ..read import check_chinese, decode
from . import ListedArticle, epaper

# The charset declaration must sit in the first bytes of the document (the
# HTML standard's prescan reads 1024; real pages put long <meta> lists first).
PRESCAN_BYTES = 4096
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
# Declared Chinese encodings are read as GB18030, their superset: pages
# labelled gb2312 routinely hold GBK-only characters (镕, 喆).
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
             "hz-gb-2312": "gb18030", "big5": "big5hkscs"}
BR_RE = re.compile(r"<br\s*/?>", re.I)
TAG_RE = re.compile(r"<\s*(html|body|div|p|head|title|meta|span|table|h1)\b", re.I)
# Longest character in the encodings pages use (GB18030 four-byte forms, UTF-8 four).
MAX_CHAR_BYTES = 4
# Fewer body characters than this is navigation or an error page, not an article.
MIN_BODY_CHARS = 20


def declared_encoding(data: bytes) -> str | None:
    head = data[:PRESCAN_BYTES]
    m = XML_DECL_RE.match(head) or META_CHARSET_RE.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return SUPERSETS.get(name, name)


def decode_html(data: bytes, source: str) -> tuple[str, str, list[str]]:
    """Bytes → (markup, encoding, warnings)."""
    warnings: list[str] = []
    if not data.strip():
        raise InputError(source, "empty input")
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        text, enc = decode(data, source)
        return text, enc, warnings
    declared = declared_encoding(data)
    if declared:
        try:
            return data.decode(declared), declared, warnings
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - MAX_CHAR_BYTES:
                # a download cut off inside the last character
                warnings.append("page ends inside a character (truncated download?)")
                return data[: exc.start].decode(declared), declared, warnings
            warnings.append(f"page declares charset {declared} but is not valid {declared}; encoding detected instead")
    text, enc = decode(data, source)
    return text, enc, warnings


def parse(markup: str, source: str) -> LexborHTMLParser:
    if not TAG_RE.search(markup[:PRESCAN_BYTES * 4]):
        raise InputError(source, "malformed HTML: no HTML tags found (is this a text file named .html?)")
    tree = LexborHTMLParser(BR_RE.sub("\n", markup))
    tree.strip_tags(["script", "style", "noscript", "template"])
    return tree


def _fallback(markup: str, tree: LexborHTMLParser) -> epaper.Parts | None:
    """Any other news page: trafilatura's main text, title and author."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True)
    except Exception:  # noqa: BLE001 - a library failure on bad markup is "nothing found"
        return None
    if doc is None or not getattr(doc, "text", None):
        return None
    title = epaper.clean(doc.title or "")
    lines = [epaper.clean(x) for x in doc.text.split("\n")]
    lines = [x for x in lines if x]
    if lines and title and epaper.clean(lines[0]) == title:
        lines = lines[1:]
    return epaper.Parts(
        headline=title,
        paragraphs=lines,
        author=epaper.clean(doc.author or "") or None,
        # trafilatura guesses a date from anything (URL, copyright line, its
        # own lower bound); a date printed above the text is the page's.
        date=epaper.date_before(tree, lines[0] if lines else "") or epaper.iso_date(doc.date),
        outlet=epaper.outlet_in(doc.sitename or "") or epaper.outlet_in(title),
        markup="trafilatura",
    )


def _published(date: str | None, found: str | None, name: str | None, label: str) -> str | None:
    if date and dates.parse_iso(date) is None:
        raise InputError(label, f"--date {date!r} is not a date like 2025-03-07")
    return date or found or dates.date_from_filename(name)


def _listing_page(listing: epaper.Listing, page: Page) -> Page:
    page.warnings.append(
        f"版面 page{' ' + listing.page_name if listing.page_name else ''}: "
        f"{len(listing.items)} articles listed; their text is on the linked article pages"
    )
    for it in listing.items:
        page.articles.append(ListedArticle(headline=it["headline"], url=it["url"], outline=it["outline"]))
    return page


def extract_html(data: bytes, name: str | None = None, date: str | None = None, outlet: str | None = None) -> Page:
    label = name or "<html>"
    markup, encoding, warnings = decode_html(data, label)
    tree = parse(markup, label)
    page = Page(input=os.path.basename(name) if name else None, encoding=encoding, format="html", warnings=warnings)
    if "</html>" not in markup[-2048:].lower() and "</body>" not in markup[-4096:].lower():
        page.warnings.append("HTML ends before </body></html>: the page may be truncated")

    parts = None
    for reader in epaper.READERS:
        parts = reader(tree)
        if parts is not None and sum(len(p) for p in parts.paragraphs) >= MIN_BODY_CHARS:
            break
        parts = None
    if parts is None:
        listing = epaper.read_listing(tree)
        if listing is not None:
            page.published = _published(date, listing.date, name, label)
            page.outlet = outlet or listing.outlet or outlet_from_filename(name)
            page.format = "html-pagelist"
            return annotate_page(_listing_page(listing, page))
        parts = _fallback(markup, tree)
    if parts is None or sum(len(p) for p in parts.paragraphs) < MIN_BODY_CHARS:
        raise InputError(label, "malformed HTML: no article text found")

    body = "\n".join(parts.paragraphs)
    check_chinese(body, label)
    page.published = _published(date, parts.date, name, label)
    page.outlet = outlet or parts.outlet or outlet_from_filename(name)
    # traditional characters: read through the simplified view, reported as printed
    view = traditional.PartsView([parts.headline or "", body, parts.kicker, parts.subheadline, parts.author])
    headline, body, kicker, subheadline, author = view.parts
    article = article_from_parts(
        headline,
        body,
        kicker=kicker,
        subheadline=subheadline,
        byline_text=author,
        published=page.published,
        outlet=page.outlet,
    )
    if not article.text:
        raise InputError(label, "malformed HTML: no article text found (only captions or page furniture)")
    page.format = f"html-{parts.markup}"
    page.articles.append(article)
    return view.restore(annotate_page(page))


__all__ = ["extract_html", "decode_html", "declared_encoding"]
