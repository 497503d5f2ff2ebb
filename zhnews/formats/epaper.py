"""The markup of the papers' e-paper and news-site pages → article parts.

The e-papers state what flat text leaves to guessing: 引题 is an <h3>, 主题 an
<h1>, 副题 an <h2>, the author has its own element, and every paragraph is a
<p>. Three families of markup cover the central papers and the news agency:

    人民日报 (paper.people.com.cn/rmrb/pc/content/…):
        <div class="article"> <h3>引题</h3> <h1>主题</h1> <h2>副题</h2>
        <p class="sec">本报记者 X<span class="date">《人民日报》（<span class="newstime">2026年01月29日</span> 第 04 版）</span></p>
        <div id="ozoom"> <p>段落</p> …
    Founder e-papers (光明日报 epaper.gmw.cn, older 人民日报 and many provincial papers):
        <div class="text_c"> <h3/> <h1/> <h2/> <h4>作者</h4> … <div id="articleContent"> or <div id="ozoom"> <p/> …
    新华网 (www.news.cn/…/c.html):
        <span class="title">标题</span> … <div id="detail"><span id="detailContent"><p/> …

A 版面 page lists one printed page's articles (<ul class="news-list"> or
<div id="titleList">, links to content_/nw. pages) and often maps each onto the
page image (<map><area shape="poly" coords="…" href="…">).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..dates import FULL_DATE_RE, FILENAME_DATE_RE
from ..lexicon import load_table

SPACES = " \t\r\n\u3000\xa0\u2002\u2003\u200b\ufeff"
SPACE_RUN_RE = re.compile(r"[ \t\u3000\xa0\u2002\u2003\u200b]+")
# "作者：张三" / "□ 本报记者 张三" / "【作者】" lead-ins before the credit itself.
AUTHOR_LEAD_RE = re.compile(r"^(?:[□■◎●]\s*)?(?:作者|文|撰文|记者)?[：:]\s*")
# The outlet as the e-paper prints it beside the date: 《人民日报》（2026年01月29日 第 04 版）
PRINTED_OUTLET_RE = re.compile(r"《([\u4e00-\u9fff]{2,10}(?:报|刊))》")
# Links from a 版面 page to its articles: 人民日报 content_123.html, Founder
# nw.D110000gmrb_20260129_1-01.htm, 新华网 c_123.htm / …/c.html.
ARTICLE_LINK_RE = re.compile(r"(?:content_\d+|nw\.D\d+\w*|c_\d+)\.s?html?(?:$|[?#])|/c\.html?$", re.I)
# A 版面 page lists at least this many article links (a lone "相关链接" does not make one).
MIN_LISTED = 2


@dataclass
class Parts:
    """What the markup says about one article."""

    headline: str
    paragraphs: list[str]
    kicker: str | None = None
    subheadline: str | None = None
    author: str | None = None
    date: str | None = None  # ISO issue/publication date printed on the page
    outlet: str | None = None
    markup: str = ""  # which family of markup was read


@dataclass
class Listing:
    """A 版面 page: the articles of one printed page."""

    items: list[dict] = field(default_factory=list)  # {headline, url, outline}
    page_name: str | None = None  # 第04版：要闻
    date: str | None = None
    outlet: str | None = None


def clean(text: str | None) -> str:
    """One line of markup text: runs of spaces (full-width too) to one space."""
    if not text:
        return ""
    return SPACE_RUN_RE.sub(" ", text).strip(SPACES)


def node_text(node: LexborNode | None) -> str:
    return clean(node.text(deep=True)) if node is not None else ""


def paragraphs_of(container: LexborNode | None) -> list[str]:
    """The <p> paragraphs of a body container (<br> already turned into line
    breaks), or its text lines when the body has no <p> at all."""
    if container is None:
        return []
    ps = container.css("p")
    raw = [p.text(deep=True) for p in ps] if ps else [container.text(deep=True)]
    out: list[str] = []
    for block in raw:
        for line in block.split("\n"):
            line = clean(line)
            if line:
                out.append(line)
    return out


def iso_date(text: str | None) -> str | None:
    """The first full date written in `text` (2026年01月29日, 2026-01-29)."""
    if not text:
        return None
    m = FULL_DATE_RE.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = FILENAME_DATE_RE.search(text)
        if not m:
            return None
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        import datetime as dt

        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _known_outlets() -> list[str]:
    """Canonical outlet names from the shared outlets lexicon, longest first."""
    names = {row[1] for row in load_table("outlets.tsv") if len(row) >= 3 and row[2] == "media"}
    return sorted(names, key=len, reverse=True)


def outlet_in(text: str | None) -> str | None:
    """The paper a page names in its furniture: 《人民日报》 as printed beside the
    date, else the first known outlet name in the text (a <title> like
    "光明日报 - 光明网")."""
    if not text:
        return None
    m = PRINTED_OUTLET_RE.search(text)
    if m:
        return m.group(1)
    best = None
    for name in _known_outlets():
        i = text.find(name)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, name)
    return best[1] if best else None


def date_before(tree: LexborHTMLParser, first_paragraph: str) -> str | None:
    """The first full date printed on the page before the article's text
    begins (the date line under a headline); dates inside the body are the
    story's, not the page's."""
    body = tree.body
    if body is None:
        return None
    text = body.text(deep=True, separator=" ")
    cut = text.find(first_paragraph[:12]) if first_paragraph else -1
    return iso_date(text[:cut] if cut >= 0 else text[:0])


def meta_content(tree: LexborHTMLParser, *names: str) -> str | None:
    for n in names:
        node = tree.css_first(f'meta[name="{n}"]') or tree.css_first(f'meta[property="{n}"]')
        if node is not None and node.attributes.get("content"):
            return clean(node.attributes["content"])
    return None


def _page_date(tree: LexborHTMLParser, *extra: str | None) -> str | None:
    for text in extra:
        d = iso_date(text)
        if d:
            return d
    d = iso_date(meta_content(tree, "publishdate", "PubDate", "pubdate", "article:published_time", "date"))
    return d


def _author(text: str) -> str | None:
    t = AUTHOR_LEAD_RE.sub("", clean(text))
    return t or None


def read_rmrb(tree: LexborHTMLParser) -> Parts | None:
    """人民日报 e-paper article page (2020s layout)."""
    art = tree.css_first("div.article")
    if art is None or art.css_first("#ozoom") is None:
        return None
    sec = art.css_first("p.sec")
    author = date_text = None
    if sec is not None:
        date_node = sec.css_first("span.date")
        date_text = node_text(date_node) if date_node is not None else None
        author = _author(sec.text(deep=False))
        if not author and date_node is None:
            author = _author(sec.text(deep=True))
    newstime = node_text(tree.css_first("span.newstime"))
    return Parts(
        kicker=node_text(art.css_first("h3")) or None,
        headline=node_text(art.css_first("h1")),
        subheadline=node_text(art.css_first("h2")) or None,
        author=author,
        paragraphs=paragraphs_of(art.css_first("#ozoom")),
        date=_page_date(tree, newstime, date_text),
        outlet=outlet_in(date_text) or outlet_in(node_text(tree.css_first("title"))),
        markup="rmrb",
    )


def read_founder(tree: LexborHTMLParser) -> Parts | None:
    """Founder e-paper article page: 光明日报, older 人民日报, provincial papers."""
    box = tree.css_first("div.text_c")
    if box is None:
        return None
    body = box.css_first("#articleContent") or box.css_first("#ozoom") or tree.css_first("#articleContent") or tree.css_first("#ozoom")
    if body is None:
        return None
    h4 = box.css_first("h4")
    furniture = " ".join(node_text(tree.css_first(sel)) for sel in ("title", "#riqi_", "div.lai", "div.date", ".header"))
    return Parts(
        kicker=node_text(box.css_first("h3")) or None,
        headline=node_text(box.css_first("h1")),
        subheadline=node_text(box.css_first("h2")) or None,
        author=_author(node_text(h4)) if h4 is not None else None,
        paragraphs=paragraphs_of(body),
        date=_page_date(tree, furniture),
        outlet=outlet_in(furniture),
        markup="founder",
    )


def read_xinhua(tree: LexborHTMLParser) -> Parts | None:
    """新华网 article page."""
    body = tree.css_first("#detailContent") or tree.css_first("#detail")
    title = tree.css_first("span.title") or tree.css_first("div.head-line h1")
    if body is None or title is None:
        return None
    tnode = tree.css_first("div.header-time")
    time_text = tnode.text(deep=True, separator=" ") if tnode is not None else ""
    # The header writes the date in pieces: <span class="year">2026</span><span class="day">01/29</span>
    digits = re.findall(r"\d+", time_text)
    date = None
    if len(digits) >= 3:
        date = iso_date(f"{digits[0]}-{int(digits[1]):02d}-{int(digits[2]):02d}")
    source = node_text(tree.css_first("div.source"))
    source = re.sub(r"^来源[：:]\s*", "", source)
    editor = tree.css_first("div.editor") or tree.css_first("#articleEdit")
    if editor is not None:
        editor.decompose()
    return Parts(
        headline=node_text(title),
        paragraphs=paragraphs_of(body),
        date=date or _page_date(tree),
        outlet=source or outlet_in(node_text(tree.css_first("title"))),
        markup="xinhua",
    )


READERS = (read_rmrb, read_founder, read_xinhua)


def _coords(text: str | None) -> list[list[float]] | None:
    """'10,20,300,20,300,200,10,200' → [[10,20],[300,20],…]; a rect's two corners
    become its four."""
    if not text:
        return None
    try:
        nums = [float(x) for x in re.split(r"[,\s]+", text.strip()) if x]
    except ValueError:
        return None
    if len(nums) == 4:
        x0, y0, x1, y1 = nums
        return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    if len(nums) < 6 or len(nums) % 2:
        return None
    return [[nums[i], nums[i + 1]] for i in range(0, len(nums), 2)]


def _link_key(href: str) -> str:
    return href.split("#")[0].split("?")[0].rsplit("/", 1)[-1]


def read_listing(tree: LexborHTMLParser) -> Listing | None:
    """A 版面 page: the titles it lists and the outlines its image map draws."""
    containers = tree.css("ul.news-list") or tree.css("div.news") or tree.css("#titleList") or tree.css("div.news-list")
    items: list[dict] = []
    seen: set[str] = set()
    for box in containers:
        for a in box.css("a"):
            href = a.attributes.get("href") or ""
            title = node_text(a)
            if not ARTICLE_LINK_RE.search(href) or not title:
                continue
            key = _link_key(href)
            if key in seen:
                continue
            seen.add(key)
            items.append({"headline": title, "url": href, "outline": None})
    if len(items) < MIN_LISTED:
        return None
    by_key = {_link_key(it["url"]): it for it in items}
    for area in tree.css("area"):
        it = by_key.get(_link_key(area.attributes.get("href") or ""))
        if it is not None and it["outline"] is None:
            it["outline"] = _coords(area.attributes.get("coords"))
    furniture = " ".join(node_text(n) for n in tree.css("title, p.date, div.date, .paper-bot, .ban, #riqi_"))
    page_name = None
    m = re.search(r"第?\s*\d{1,3}\s*版\s*[：:]?\s*[\u4e00-\u9fff·]{0,8}", furniture)
    if m:
        page_name = clean(m.group(0))
    return Listing(items=items, page_name=page_name, date=_page_date(tree, furniture), outlet=outlet_in(furniture))
