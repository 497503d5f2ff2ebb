"""Layout drafts and known parts → Article: the one place an article's text,
paragraphs, byline and date are put together.

Why its own module: the text reader (extraction.py) and the HTML and PDF readers
(formats/) all build articles this way, so the formats need it without
importing the extraction entry points that dispatch to them (which made an
import circle: extraction → formats → extraction).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from . import recache as re
from pathlib import Path

from . import dates, layout
from .byline import (
    TRAILING_CREDIT_RE,
    credit_outlet,
    match_dateline,
    match_filed_from,
    names_look_real,
    parse_author_note,
    parse_closing_credit,
)
from .lexicon import load_table
from .model import Article, Byline, Paragraph


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


# A masthead line at the top of a page: the paper's name alone, or with the issue date, the
# weekday or the page number beside it ("人民日报", "光明日报  2026年1月29日  第5版",
# "2026年1月29日 人民日报 第04版：要闻"). SPEC.md: the page's outlet is "the paper, if known
# (--outlet, 本报 + byline, page text)"; a name that ends like a daily's (日报, 晚报, ...: not a
# bare 报, which ends 喜报, 捷报, 年报) with nothing but furniture around it is no headline
# ("人民日报社论", "光明日报评论员文章" are not matched).
_ISSUE_DAY = r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
_FURNITURE = rf"(?:{_ISSUE_DAY}|星期[一二三四五六日天]|第[\s\u3000]*[A-Za-zＡ-Ｚ]?[0-9０-９一二三四五六七八九十]+[\s\u3000]*版(?:[：:][\u4e00-\u9fff]{{2,8}})?)"
MASTHEAD_RE = re.compile(
    rf"^[\s\u3000]*(?:{_FURNITURE}[\s\u3000]*)*《?(?P<paper>[\u4e00-\u9fff]{{1,6}}?(?:日报|晚报|早报|时报|商报|青年报))》?"
    rf"(?:[\s\u3000]+{_FURNITURE})*[\s\u3000]*$")
MASTHEAD_LINES = 3  # the masthead is one of a page's first non-empty lines


def outlet_from_masthead(source: str) -> str | None:
    lines = [ln for ln in source.splitlines()[:40] if ln.strip()][:MASTHEAD_LINES]
    for ln in lines:
        m = MASTHEAD_RE.match(ln)
        if m and not _NOT_A_NAME_RE.search(m.group("paper")):
            return m.group("paper")
    return None


# Words of a sentence, not of a paper's name ("习近平在人民日报", "这是一份好的日报").
_NOT_A_NAME_RE = re.compile(r"[在的是了和与为向从对]")


def _joined(units: list[layout.Unit]) -> tuple[str, list[tuple[int, int] | None]]:
    """A paragraph's units as one string, a space where a gap set them apart, and
    where each character came from ((unit, offset), None for an added space)."""
    text: list[str] = []
    where: list[tuple[int, int] | None] = []
    for k, u in enumerate(units):
        if k and u.brk in ("narrow", "wide"):
            text.append(" ")
            where.append(None)
        text.append(u.text)
        where.extend((k, i) for i in range(len(u.text)))
    return "".join(text), where


def _slice_units(units: list[layout.Unit], where: list[tuple[int, int] | None], a: int, b: int) -> list[layout.Unit]:
    """The units that hold characters a..b of their joined string, cut to them."""
    spans: dict[int, list[int]] = {}
    for w in where[a:b]:
        if w is not None:
            spans.setdefault(w[0], []).append(w[1])
    out = []
    for k in sorted(spans):
        lo, hi = min(spans[k]), max(spans[k]) + 1
        u = units[k]
        text = u.text[lo:hi].strip(" \u3000\xa0")
        if text:
            lo += len(u.text[lo:hi]) - len(u.text[lo:hi].lstrip(" \u3000\xa0"))
            out.append(dataclasses.replace(u, text=text, start=u.start + lo, end=u.start + lo + len(text)))
    return out


def _first_join(units: list[layout.Unit], where: list[tuple[int, int] | None]) -> int:
    """Where the second unit starts in the joined string (len when there is one unit)."""
    return next((i for i, w in enumerate(where) if w is not None and w[0] > 0), len(where))


# The first piece of a dateline cut by a column end, read as a heading line: an outlet and
# maybe a place and part of a date, no punctuation ("新华社伊斯坦布尔1月2", "本报北京").
CUT_DATELINE_HEAD_RE = re.compile(r"据?[\u4e00-\u9fff]{2,16}(?:\d{1,2}(?:月(?:\d{1,2}日?)?)?)?")


def mend_cut_byline(draft: layout.Draft) -> None:
    """Bylines a column end cut in two, which the layout, reading line by line, could
    not see whole (it joined the pieces into the body): a dateline cut inside
    ("新华社北京1月28日" / "电（记者 高亢）…", "……记者田珊檑 发" / "自贵阳 12月2日…"), its credit moved to the next line
    ("本报南京1月28日电" / "（记者白光迪）近日…", "本报和田12月6日讯 全媒" /
    "体记者姚彤报道：…"), and a closing credit cut inside ("（本报……电  记者龚鸣、黄培" /
    "昭、姜波……花放）"). Each is read from the joined paragraph and taken out of the body;
    only where the cut falls inside what is read, so a paragraph the layout read
    line by line without finding a byline stays as it is."""
    if draft.paragraphs and not draft.heading_flags[0]:
        units = draft.paragraphs[0]
        joined, where = _joined(units)
        if draft.byline is None and len(units) > 1:
            bm = match_dateline(joined) or match_filed_from(joined)
            if bm is not None and _first_join(units, where) < len(bm.byline.raw or ""):
                draft.byline = bm
                _set_first(draft, _slice_units(units, where, bm.end, len(joined)))
        if draft.byline is None and draft.heads and CUT_DATELINE_HEAD_RE.fullmatch(draft.heads[-1].text):
            # (the piece before the cut read as a heading: "新华社伊斯坦布尔1月2" / "日电（记者刘磊）…")
            head = draft.heads[-1].text
            bm = None if match_dateline(head) else match_dateline(head + joined)
            if bm is not None and len(bm.byline.raw or "") > len(head):
                draft.heads.pop()
                draft.byline = bm
                _set_first(draft, _slice_units(units, where, bm.end - len(head), len(joined)))
        elif draft.byline is not None and not (draft.byline.byline.reporters or draft.byline.byline.correspondents):
            head = draft.byline.byline.raw or ""
            if head and not re.search(r"[（(]", head):
                bm = match_dateline(head + " " + joined)
                if (bm is not None and bm.end > len(head) + 1 and bm.byline.dateline == draft.byline.byline.dateline
                        and (bm.byline.reporters or bm.byline.correspondents)):
                    draft.byline = bm
                    _set_first(draft, _slice_units(units, where, bm.end - len(head) - 1, len(joined)))
    if draft.paragraphs and len(draft.paragraphs[-1]) > 1 and not draft.heading_flags[-1]:
        units = draft.paragraphs[-1]
        joined, where = _joined(units)
        credit = parse_closing_credit(joined) or parse_author_note(joined)
        if credit is not None and names_look_real(credit, joined):
            draft.paragraphs.pop()
            draft.heading_flags.pop()
            draft.credits.append(credit)
            draft.credit_texts.append(joined)
            return
        # (glued to the last sentence: "……活力”。（本报记者 张" / "三）")
        m = TRAILING_CREDIT_RE.search(joined)
        at = m.start("credit") if m else -1
        if m and where[at] is not None and where[at][0] < where[-1][0]:
            credit = parse_closing_credit(m.group("credit"))
            if credit and names_look_real(credit, m.group("credit")):
                draft.paragraphs[-1] = _slice_units(units, where, 0, at)
                draft.credits.append(credit)
                draft.credit_texts.append(m.group("credit"))


def _set_first(draft: layout.Draft, units: list[layout.Unit]) -> None:
    if units:
        draft.paragraphs[0] = units
    else:
        del draft.paragraphs[0]
        del draft.heading_flags[0]


def build_article(draft: layout.Draft, source: str, published: dt.date | None, page_outlet: str | None) -> Article:
    mend_cut_byline(draft)
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


def take_non_body(draft: layout.Draft, u: layout.Unit) -> str | None:
    """Put a unit that is no body text where it belongs in the draft: the first
    dateline is the byline, a credit line a credit, captions and furniture go.
    Returns what the unit was ("byline", "credit", "skip"), None for body text."""
    if u.kind == "byline" and draft.byline is None and not draft.paragraphs:
        draft.byline = u.byline
        return "byline"
    if u.kind in ("caption", "furniture"):
        return "skip"
    if u.kind == "credit":
        draft.credits.append(u.credit)
        return "credit"
    return None


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
        taken = take_non_body(draft, u)
        if taken:
            if taken == "credit":
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
