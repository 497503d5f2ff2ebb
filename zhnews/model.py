"""Plain data objects shared by every stage.

One `Page` holds `Article`s; each extractor annotates an article in place and
every item it adds carries `start`/`end` offsets into `article.text`, so that
`article.text[item.start:item.end] == item.text` always holds (the provenance
invariant that tests check). Items that come from outside the body (a byline
reporter, a headline) carry `source` instead and no offsets into the body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_LEAVES = (str, int, float, bool, type(None))


def plain(v):
    """A model value as JSON-ready dicts and lists. Leaves (str, int, float,
    None) are immutable and shared, not copied; they are most of the values."""
    t = type(v)
    if t in _LEAVES:
        return v
    # (leaves are tested here rather than in a call each: most items of a list and
    # most fields are leaves, and the calls were most of serializing a page)
    if t is list:
        return [x if type(x) in _LEAVES else plain(x) for x in v]
    fields = getattr(t, "__dataclass_fields__", None)
    if fields is not None:
        return {f: x if type(x := getattr(v, f)) in _LEAVES else plain(x) for f in fields}
    if t is dict:
        return {plain(k): x if type(x) in _LEAVES else plain(x) for k, x in v.items()}
    if t is tuple:
        return tuple(plain(x) for x in v)
    return v


@dataclass
class Mention:
    """One occurrence of a name in `article.text`."""

    text: str
    start: int
    end: int


@dataclass
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # Where a title was read, e.g. [{"title": "代表", "start": 5, "end": 7}]
    title_mentions: list[dict] = field(default_factory=list)
    # "body" | "byline" | "headline": a reporter named only in the byline has
    # no mention in the body.
    source: str = "body"


@dataclass
class Organization:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    kind: str | None = None  # "party", "government", "media", "company", ...
    # The full name when `name` is a short form (最高法 → 最高人民法院).
    canonical: str | None = None


@dataclass
class Place:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    # Administrative path when known: "山西省太原市娄烦县".
    resolved: str | None = None


@dataclass
class Statement:
    kind: str  # "answer" | "said" | "quote"
    speaker: str | None
    text: str
    start: int
    end: int
    asked_by: str | None = None
    topic: str | None = None
    verb: str | None = None
    # Offsets of the speaker mention (or pronoun) that introduced the statement.
    speaker_start: int | None = None
    speaker_end: int | None = None
    topic_start: int | None = None
    topic_end: int | None = None


@dataclass
class ListItem:
    marker: str  # "一是", "(二)", "第三", "首先"
    text: str
    start: int
    end: int


@dataclass
class EnumList:
    items: list[ListItem] = field(default_factory=list)
    start: int = 0
    end: int = 0
    # Index into article.statements of the statement the list belongs to, if any.
    statement: int | None = None


@dataclass
class Figure:
    text: str
    value: float | int | None
    unit: str
    start: int
    end: int
    indicator: str | None = None
    period: str | None = None
    qualifier: str | None = None
    indicator_start: int | None = None
    indicator_end: int | None = None
    # Period resolved to dates when possible: {"from": "2021-01-01", "to": "2024-12-31"}
    period_range: dict | None = None
    change: str | None = None  # "增长" / "下降" / "提高" ...
    comparison: str | None = None  # "同比" / "环比"
    value_max: float | int | None = None  # upper bound of a range ("7至15个工作日"); value is the lower


@dataclass
class Byline:
    dateline: str | None = None
    place: str | None = None
    outlet: str | None = None
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    raw: str | None = None


@dataclass
class Paragraph:
    start: int
    end: int
    heading: bool = False  # an in-article section heading


@dataclass
class Article:
    headline: str
    text: str = ""
    subheadline: str | None = None
    kicker: str | None = None
    # Summary lines (or a photo caption) printed between the headline and the
    # dateline: not part of the body, kept for the reader.
    deck: list[str] = field(default_factory=list)
    # The page opened in the middle of this article (continued from another
    # page): it has no headline of its own, and none is made up from its text.
    continued: bool = False
    byline: Byline = field(default_factory=Byline)
    date: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    # offsets[i] = offset in the page's input text of article.text[i]
    # (or -1 for a character the cleaning inserted). Kept out of to_dict().
    offsets: list[int] = field(default_factory=list, repr=False)
    # Where the joins made by paragraph repair are, as offsets into text.
    joins: list[int] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    lists: list[EnumList] = field(default_factory=list)
    # Offsets in the input text of the article's first and last character.
    source_start: int | None = None
    source_end: int | None = None
    # Where the article is printed, for positioned inputs (PDF, scans): its
    # head and each column piece of its body as {"page": 1, "x0", "y0", "x1",
    # "y1"}, shares (0..1) of the page's width and height. None for text and
    # HTML, and then left out of to_dict() (their output is as before).
    regions: list[dict] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dicts and lists, without the offsets map (one int per
        character, internal). Built without dataclasses.asdict's deep copy:
        on large archives that copy was most of extraction time."""
        return {f: plain(getattr(self, f)) for f in self.__dataclass_fields__
                if f != "offsets" and not (f == "regions" and self.regions is None)}


@dataclass
class Page:
    input: str | None
    articles: list[Article] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    encoding: str | None = None
    format: str = "text"
    warnings: list[str] = field(default_factory=list)
    # "traditional" when the page was read through a simplified view (zhnews.traditional);
    # every string of the output is still as printed.
    script: str = "simplified"
    # A scan's page images, downsized (formats.image.PageImage), for the
    # knowledge base to keep beside the regions; not part of to_dict().
    images: list = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "published": self.published,
            "outlet": self.outlet,
            "format": self.format,
            "encoding": self.encoding,
            "warnings": list(self.warnings),
            "script": self.script,
            "articles": [a.to_dict() for a in self.articles],
        }


@dataclass
class Context:
    """What every stage may read besides the article: the page's metadata."""

    published: str | None = None
    outlet: str | None = None
    page: Page | None = None
