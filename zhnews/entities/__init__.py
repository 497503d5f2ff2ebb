"""People (with titles), organizations and places of an article.

`annotate(article, ctx)` reads the body (`article.text`), the headline lines and
the byline, and fills `article.people`, `article.organizations` and
`article.places`. Every mention carries offsets into `article.text`; people read
only in the headline or the byline carry `source` instead.

The parts: `recognizer` (the trained name scorer), `titles` (title phrases next
to a name), `people`, `orgs`, `places`, `lexicon` (the data files of
`zhnews/lexicons/`), `train` (rebuilds the model from the corpora).
"""

from __future__ import annotations

import os
from .. import recache as re

from ..model import Article, Context, Mention, Organization, Person
from . import lexicon, person_model, recognizer, tagger
from .org_filter import filter_orgs
from .orgs import find_orgs, fold_orgs, listed_companies, listed_kin, shared_prefix_members
from .people import DOTS, NameHit, PeopleReader
from .places import find_places

_reader: PeopleReader | None = None
BYLINE_ROLES = ("特约通讯员", "通讯员", "特约记者", "见习记者", "实习记者", "实习生", "摄影记者", "记者")
_SPACE_RE = re.compile(r"[\s\u3000]+")


def reader() -> PeopleReader:
    global _reader
    if _reader is None:
        # The tagger's candidates are opt-in (ZHNEWS_TAGGER=1). Measured with the
        # 0.5 rules (README): held-out people .822 → .824, development .982 → .973,
        # for a third of the speed, ~40 MB a worker and ingest over 300 MB.
        tg = tagger.load() if os.environ.get("ZHNEWS_TAGGER") == "1" else None
        # The trained classifier of the tagger's candidates (issue 14) instead of
        # _tagged's hand filters: opt-in too (ZHNEWS_PERSON_MODEL=1, with the
        # tagger): measured no better than the hand filters (README).
        pm = person_model.load() if tg is not None and os.environ.get("ZHNEWS_PERSON_MODEL") == "1" else None
        _reader = PeopleReader(recognizer.load(), tg, pm)
    return _reader


def _full_names(text: str, hits: list[NameHit]) -> dict[str, str]:
    """The last part of each dotted name read in the body → the full name: a later
    "穆尚韦说" is the same person as "大卫·穆尚韦" (one record per person)."""
    out: dict[str, str] = {}
    for h in hits:
        name = text[h.start : h.end]
        k = max(name.rfind(d) for d in DOTS)
        if k > 0 and len(name) - k - 1 >= 2:
            out.setdefault(name[k + 1 :], name)
    return out


def _add_hit(
    people: dict[str, Person], order: list[str], text: str, hit: NameHit, source: str, full: dict[str, str] | None = None
) -> None:
    written = text[hit.start : hit.end]
    name = (full or {}).get(written, written)
    p = people.get(name)
    if p is None:
        p = Person(name=name, source=source)
        people[name] = p
        order.append(name)
    elif p.source != "body" and source == "body":
        p.source = "body"
    if source == "body":
        p.mentions.append(Mention(written, hit.start, hit.end))
    for s, e in hit.titles:
        t = text[s:e]
        if t not in p.titles:
            p.titles.append(t)
        if source == "body":
            tm = {"title": t, "start": s, "end": e}
        else:
            # offsets into the headline line, not into article.text
            tm = {"title": t, "source": source, "line": text, "line_start": s, "line_end": e}
        p.title_mentions.append(tm)


# The shortest head of a title a surname is addressed with ("王书记", "李省长").
MIN_ADDRESS_HEAD = 2


def _surname_title_mentions(text: str, people: list[Person]) -> None:
    """"省委书记王国强…… 王书记指出": a surname with one of a named person's title
    heads is a mention of that person (one record per person), so statements
    and person pages carry the full name. Only when one person of the article
    fits the surname and head; never inside a longer name or another mention."""
    from .lexicon import compound_surnames
    from .titles import head_ending_at

    compound = compound_surnames()
    owners: dict[str, list[Person]] = {}
    for p in people:
        if p.source != "body" or not p.mentions or not p.titles or any(d in p.name for d in DOTS):
            continue
        surname = p.name[:2] if p.name[:2] in compound else p.name[:1]
        if len(p.name) - len(surname) < 1:
            continue
        for t in p.titles:
            h = head_ending_at(t, len(t))  # the title's own head word (书记 of 省委书记)
            if h and h[1] - h[0] >= MIN_ADDRESS_HEAD:
                key = surname + t[h[0] : h[1]]
                if p not in owners.setdefault(key, []):
                    owners[key].append(p)
    if not owners:
        return
    taken = bytearray(len(text) + 1)
    for p in people:
        for m in p.mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    for key, ps in owners.items():
        if len(ps) != 1:
            continue
        k = text.find(key)
        while k >= 0:
            e = k + len(key)
            # not inside another mention, nor the start of a longer word ("王书记处")
            if not any(taken[max(k - 1, 0) : e]) and not (e < len(text) and text[e] in "处长员"):
                ps[0].mentions.append(Mention(key, k, e))
            k = text.find(key, e)
    for p in people:
        p.mentions.sort(key=lambda m: m.start)


def _byline_role(raw: str | None, name: str, default: str) -> str:
    """The role word written before a byline name ("特约通讯员 忻文轲")."""
    if not raw:
        return default
    compact = _SPACE_RE.sub("", raw)
    k = compact.find(name)
    if k < 0:
        return default
    before = compact[:k]
    best, key = default, (-1, 0)
    for role in BYLINE_ROLES:
        j = before.rfind(role)
        # the role nearest the name; of two ending there, the longer (特约通讯员)
        if j >= 0 and (j + len(role), len(role)) > key:
            best, key = role, (j + len(role), len(role))
    if default == "记者" and "通讯员" in best:
        return default
    if default == "通讯员" and "通讯员" not in best:
        return default
    return best


# A party committee's standing committee is no body apart from the committee in the example gold
# (provincial-2020-12-05: "陕西省委常委会会议" lists 陕西省委), unlike the Politburo's (中央政治局常委会 beside
# 中央政治局).
STANDING_COMMITTEE = "常委会"
PARTY_COMMITTEE_END = ("省委", "市委", "县委", "区委", "州委", "党委")


def _adds_sub_unit(longer: str, shorter: str) -> bool:
    """Whether `longer` writes `shorter` and then a unit of its own after it, a sub-unit or organ
    of that body ("外交部|军控司", "中共中央政治局|常委会", "国务院国资委|企业改革局"): another
    organization, which the gold lists apart from its parent (examples: 丹东市纪委监委 beside
    丹东市委; issue 14 set 7). A company's legal form or 集团 after a brand is the same company
    (华为 / 华为公司)."""
    k = longer.find(shorter)
    rest = longer[k + len(shorter) :] if k >= 0 else ""
    if rest == STANDING_COMMITTEE and shorter.endswith(PARTY_COMMITTEE_END):
        return False  # 陕西省委常委会 in a headline over 陕西省委: one entry of the example gold
    return len(rest) >= 2 and rest.endswith(lexicon.org_body_suffixes())


def _same_org(a: Organization, b: Organization) -> bool:
    """Headline organization `a` is body organization `b` under another written form:
    equal canonical names, or one name inside the other (外交部 / 中国外交部), unless
    what the body's name adds before it is another country (外交部 / 丹麦外交部) or what
    one adds after the other is a sub-unit (外交部 / 外交部军控司)."""
    if a.canonical and a.canonical in (b.canonical, b.name):
        return True
    countries = lexicon.countries()
    for y in {b.name, b.canonical or b.name} | {m.text for m in b.mentions}:
        if y in a.name and not _adds_sub_unit(a.name, y):
            return True
        k = y.find(a.name)
        if k >= 0 and not (y[:k] in countries and y[:k] != "中国") and not _adds_sub_unit(y, a.name):
            return True
    return False


def _fuller_name(head: Organization, body_orgs: list[Organization]) -> None:
    """A headline that writes a body organization's name in full ("2022年中华人民共和国国务院政府工作报告"
    over a body that says 国务院; "国务院国资委：…" over 国资委) gives that organization its fullest
    written form, the gold's entry (ANNOTATION.md item 4); its mentions stay the body's. Not where
    what the headline adds is another country (丹麦外交部 over 外交部: another body)."""
    countries = lexicon.countries()
    for b in body_orgs:
        k = head.name.find(b.name)
        if k <= 0 or not head.name.endswith(b.name) or b.canonical:
            continue
        added = head.name[:k]
        if added in countries and added != "中国":
            continue
        if any(x is not b and x.name == head.name for x in body_orgs):
            continue
        b.name = head.name
        return


# What a company's full name adds after its brand ("联华|超市", "华为|公司"): a brand written alone in the
# same article is that company, one entry of the gold (orgs_dev_gold6: 联华超市 … 联华负责人).
BRAND_FORMS = ("超市", "公司", "集团", "有限公司", "股份有限公司", "集团有限公司", "集团公司", "股份公司")


def _brands_into_companies(orgs: list[Organization]) -> list[Organization]:
    """A company written as its brand and, elsewhere in the article, with a company form after
    the brand is one organization: the brand's mentions join the full name's."""
    names = {o.name: o for o in orgs}

    def company_of(o: Organization) -> Organization | None:
        if len(o.name) < 2:
            return None
        return next((names[o.name + f] for f in BRAND_FORMS if o.name + f in names), None)

    return fold_orgs(orgs, company_of)


def _headline_orgs(head_hits: list, body_orgs: list[Organization]) -> list[Organization]:
    """Organizations named in the headline or subheadline and nowhere in
    the body ("外交部发言人华春莹主持例行记者会" over a transcript whose body only
    says 我/中方): the same finder and filter as the body's, read on each heading.
    Like a person read only in a headline they carry no mentions, since their
    offsets would not point into `article.text`."""
    out: list[Organization] = []
    for h, hits in head_hits:
        skip = [(x.start, x.end) for x in hits]
        for o in filter_orgs(h, find_orgs(h, skip=skip)):
            if any(_same_org(o, b) for b in body_orgs + out):
                _fuller_name(o, body_orgs)
                continue
            o.mentions = []
            out.append(o)
    return out


def annotate(article: Article, ctx: Context) -> None:
    r = reader()
    text = article.text or ""
    people: dict[str, Person] = {}
    order: list[str] = []

    heads = [h for h in (article.kicker, article.headline, article.subheadline) if h]
    head_hits = [(h, r.read(h)) for h in heads]
    titled = {h for h in (article.headline, article.subheadline) if h}
    head_names = {h[x.start : x.end] for h, hits in head_hits for x in hits}

    body_hits = r.read(text, extra_names=head_names) if text else []
    full = _full_names(text, body_hits)
    for hit in body_hits:
        _add_hit(people, order, text, hit, "body", full)

    body_names = set(people)
    for h, hits in head_hits:
        # names run together in a headline ("唐登杰金湘军回答记者提问") are split by
        # the names the body gave (a read with names the headline does not hold reads
        # what the first read did: not done again)
        again = r.read(h, extra_names=body_names) if any(len(x) >= 2 and x in h for x in body_names) else hits
        for hit in again:
            _add_hit(people, order, h, hit, "headline")

    byline = article.byline
    for role_default, names in (("记者", byline.reporters), ("通讯员", byline.correspondents)):
        for name in names:
            name = _SPACE_RE.sub("", name)
            if not name:
                continue
            role = _byline_role(byline.raw, name, role_default)
            p = people.get(name)
            if p is None:
                p = Person(name=name, source="byline")
                people[name] = p
                order.append(name)
            if role not in p.titles:
                p.titles.append(role)
            p.title_mentions.append({"title": role, "source": "byline"})

    _surname_title_mentions(text, [people[n] for n in order])
    article.people.extend(people[n] for n in order)
    name_spans = [(m.start, m.end) for p in article.people for m in p.mentions]
    orgs = filter_orgs(text, find_orgs(text, skip=name_spans))
    orgs = orgs + shared_prefix_members(text, orgs)
    orgs = orgs + listed_kin(text, orgs, name_spans)
    article.organizations.extend(_brands_into_companies(orgs + listed_companies(text, orgs, name_spans)))
    # not the kicker: a kicker's source of a notice ("上海警方提示：...") is no organization of
    # the gold (examples/xinmin-2022-04-03)
    article.organizations.extend(_headline_orgs([(h, hits) for h, hits in head_hits if h in titled],
                                                article.organizations))
    article.places.extend(find_places(text, skip=name_spans))
