"""Inputs → Page: the entry points behind `zhnews.extract` and `zhnews extract`.

Every format ends as flat text with offsets (HTML and PDF readers produce it
with hints about which lines are headlines), then layout builds the articles
and the annotators add the facts.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from . import dates, layout
from .byline import credit_outlet, match_dateline
from .errors import InputError, NotAnArticle
from .lexicon import load_table
from .model import Article, Byline, Page, Paragraph
from .pipeline import annotate_page
from .read import Source, check_chinese, decode

# Outlets whose reporters sign bylines; a source like 外交部 publishes a
# transcript but has no "reporters" of its own.
PRESS_SUFFIXES = ("报", "社", "台", "网", "新闻", "杂志", "刊")


def is_press(name: str | None) -> bool:
    return bool(name) and name.endswith(PRESS_SUFFIXES)


def outlet_from_filename(name: str | None) -> str | None:
    """'rmrb-2026-01-29-p04.txt' → 人民日报, from a lexicon of the short names
    archives and e-paper exports use."""
    if not name:
        return None
    stem = name.lower() if "://" in name else Path(name).name.lower()
    tokens = [t for t in re.split(r"[^a-z]+", stem) if t]
    joined = ["-".join(tokens[i : i + 2]) for i in range(len(tokens) - 1)]
    table = {row[0].lower(): row[1] for row in load_table("outlet_filenames.tsv") if len(row) >= 2}
    for tok in joined + tokens:
        if tok in table:
            return table[tok]
    return None


def infer_outlet(drafts: list[layout.Draft]) -> str | None:
    """The paper itself, when its bylines name it ("本报北京电(山西日报记者 杨文)")
    and no dateline names another paper as its own (a compilation page)."""
    own: set[str] = set()
    others: set[str] = set()
    for d in drafts:
        if d.byline is None:
            continue
        org = d.byline.byline.dateline or ""
        if org.startswith(("本报",)):
            if d.byline.byline.outlet:
                own.add(d.byline.byline.outlet)
        elif d.byline.byline.outlet and not org.startswith("据") and d.byline.byline.outlet.endswith("报"):
            others.add(d.byline.byline.outlet)
    if len(own) == 1 and not (others - own):
        return own.pop()
    return None


# A website's source line names the paper ("来源：人民网－人民日报" → 人民日报).
SOURCE_LINE_RE = re.compile(r"来源[：:]\s*(?:[^\s|｜－—\-]{1,12}[－—\-])?(?P<outlet>[^\s|｜－—\-]{2,12}?(?:日报|晚报|早报|时报|商报|报))(?=\s|$|[|｜])", re.M)
SOURCE_LINE_WINDOW = 600  # characters: the source line sits under the headline


def outlet_from_source_line(source: str) -> str | None:
    m = SOURCE_LINE_RE.search(source[:SOURCE_LINE_WINDOW])
    return m.group("outlet") if m else None


def build_article(draft: layout.Draft, source: str, published: dt.date | None, page_outlet: str | None) -> Article:
    kicker, headline, subheadline = layout.split_heads(draft.heads)
    parts: list[str] = []
    offsets: list[int] = []
    paragraphs: list[Paragraph] = []
    joins: list[int] = []
    for units, is_heading in zip(draft.paragraphs, draft.heading_flags):
        if parts:
            parts.append("\n")
            offsets.append(-1)
        p_start = len(offsets)
        for k, u in enumerate(units):
            if k:
                joins.append(len(offsets))
            parts.append(u.text)
            offsets.extend(range(u.start, u.start + len(u.text)))
        paragraphs.append(Paragraph(start=p_start, end=len(offsets), heading=is_heading))
    text = "".join(parts)

    if draft.byline is not None:
        bm = draft.byline
        byline = Byline(**{**bm.byline.__dict__})
        byline.reporters = list(byline.reporters)
        byline.correspondents = list(byline.correspondents)
        if (byline.dateline or "").lstrip("据").startswith("本报") and not byline.outlet:
            byline.outlet = page_outlet if is_press(page_outlet) else None
    else:
        bm = None
        byline = Byline(outlet=page_outlet if is_press(page_outlet) else None)
    for reporters, correspondents in draft.credits:
        byline.reporters.extend(r for r in reporters if r not in byline.reporters)
        byline.correspondents.extend(c for c in correspondents if c not in byline.correspondents)
    if draft.byline is None:
        # "新华社记者 X" under the headline of a provincial page: the article is 新华社's
        outlet = next((o for o in map(credit_outlet, draft.credit_texts) if o), None)
        if outlet:
            byline.outlet = outlet

    date = None
    if bm is not None and bm.date_text:
        date = dates.not_after_issue(dates.resolve_expression(bm.date_text, published), published)
    if date is None:
        lead = next((text[p.start : p.end] for p in paragraphs if not p.heading), "")
        date = dates.lead_date(lead, published)
    if date is None and not draft.heads and published is not None:
        date = None
    article = Article(
        headline=headline,
        subheadline=subheadline,
        kicker=kicker,
        deck=["".join(u.text for u in units) for units in draft.decks],
        continued=draft.continued,
        byline=byline,
        date=date,
        text=text,
        paragraphs=paragraphs,
        offsets=offsets,
        joins=joins,
        source_start=offsets[0] if offsets else None,
        source_end=(offsets[-1] + 1) if offsets else None,
    )
    return article


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
    published_s = date or dates.date_from_filename(name) or dates.date_from_text(source)
    if date and dates.parse_iso(date) is None:
        raise InputError(label, f"--date {date!r} is not a date like 2025-03-07")
    published = dates.parse_iso(published_s)
    drafts = layout.segment(source)
    page_outlet = outlet or infer_outlet(drafts) or outlet_from_source_line(source) or outlet_from_filename(name)
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
    return page


def extract_source(src: Source, date: str | None = None, outlet: str | None = None) -> Page:
    data = src.read_bytes()
    kind = src.kind
    if kind == "html":
        from .formats import html as html_format

        return html_format.extract_html(data, name=src.name, date=date, outlet=outlet)
    if kind == "pdf":
        from .formats import pdf as pdf_format

        return pdf_format.extract_pdf(data, name=src.name, date=date, outlet=outlet)
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
    page = Page(input=str(name), published=published, outlet=outlet, format="record")
    page.articles.append(article_from_parts(title, body, published=published, outlet=outlet))
    if not page.articles[0].text:
        raise NotAnArticle(str(name), "record holds no article text (page furniture such as 本版责编 or captions only)")
    annotate_page(page)
    return page


def article_from_parts(
    headline: str,
    body: str,
    kicker: str | None = None,
    subheadline: str | None = None,
    byline_text: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An article whose parts a format already knows (e-paper HTML markup,
    a PDF's font sizes, an archive record): the body still goes through
    paragraph repair, dateline and credit reading, so every format yields the
    same text and offsets. Offsets are into `body`; a dateline may open it or
    be given as `byline_text` (then it is read and not part of the body)."""
    draft = layout.Draft(heads=[layout.Unit(h, 0, len(h), "line") for h in (kicker, headline, subheadline) if h])
    if byline_text:
        bm = match_dateline(byline_text.strip())
        if bm is not None:
            draft.byline = bm
        else:
            from .byline import parse_closing_credit, parse_credit

            credit = parse_closing_credit(byline_text) or parse_credit(byline_text)[:2]
            if credit and (credit[0] or credit[1]):
                draft.credits.append((credit[0], credit[1]))
    prev = None
    for u in layout.tokenize(body):
        if u.kind == "byline" and draft.byline is None and not draft.paragraphs:
            draft.byline = u.byline
            continue
        if u.kind in ("caption", "furniture"):
            continue
        if u.kind == "credit":
            draft.credits.append(u.credit)
            prev = None
            continue
        if prev is not None and layout.continues(prev, u):
            draft.paragraphs[-1].append(u)
        else:
            draft.paragraphs.append([u])
            draft.heading_flags.append(False)
        prev = u
    # a short paragraph that runs into nothing is a section heading (e-paper <p>小标题</p>)
    for k, units in enumerate(draft.paragraphs):
        if len(units) == 1 and k + 1 < len(draft.paragraphs) and layout.heading_like(units[0]) and not layout.ends_sentence(units[0].text):
            draft.heading_flags[k] = True
    art = build_article(draft, body, dates.parse_iso(published), outlet)
    # build_article reads kicker/headline/subheadline back by position; keep the given roles
    art.kicker, art.headline, art.subheadline = (
        layout.clean_heading(kicker) if kicker else None,
        layout.clean_heading(headline),
        layout.clean_heading(subheadline) if subheadline else None,
    )
    return art


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
