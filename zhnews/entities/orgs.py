"""Organizations named in an article, with their short forms resolved.

Three sources, merged: (1) the lexicons of outlets and official short forms
(央视 → 中央广播电视总台, 住建部 → 住房和城乡建设部); (2) organization suffixes
(…局, …集团, …委员会) read leftwards to the start of the name — a division of the
state, a country, a national prefix (中国, 国家, 中共…) or a known organization,
or, for an unambiguous multi-character suffix (集团, 医院), a short run of
characters after a boundary; (3) the outlet in a reporter's question ("澎湃新闻
记者：", "《中国日报》记者"). An organization inside a title is found the same
way, so "中共中央政治局委员" gives 中共中央政治局.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention, Organization
from . import lexicon, places
from .titles import BOUNDARY_CHARS

# A name read leftwards from a suffix stops after this many characters.
MAX_ORG_LEN = 30
# With no recognised start (place, country, 中国…), a multi-character suffix takes
# at most this many characters before it ("赛力斯|集团", "太重轨道|公司").
MAX_FREE_PREFIX = 6
# Suffixes too generic to stand on a free prefix: they need a recognised start.
WEAK_MULTI = frozenset({"中心", "部门", "组织", "机关", "支部", "工作组", "专家组", "办公室", "秘书处", "理事会"})
# One-character administrative prefixes that start an organization ("省委", "市卫健委").
ADMIN_PREFIX = frozenset("省市县区镇乡村州")
# ...unless the next character makes them an ordinary word (市场, 县城, 省级, 区域).
NOT_ADMIN_NEXT = frozenset("场域块城级内外里属长直辖委")
# Words that end an organization name read leftwards (verbs and prepositions that
# introduce it). 同 is left out: it starts names (同济医院).
ORG_LEFT_STOPS = frozenset(
    "在 向 由 据 被 把 对 为 是 和 与 及 以及 的 了 从 到 将 经 让 给 请 走进 来到 联合 携手 会同 牵头 组织 "
    "推动 传达 学习 召开 举行 听取 审议 发布 印发 制定 获悉 参观 走访 落户 入列 评为 成为 加入 支持 指责 攻击 "
    "表示 介绍 认为 宣布 称 呼吁 要求 通过 根据 按照 依托 围绕 同时 以及 等".split()
)
MAX_STOP = max(len(w) for w in ORG_LEFT_STOPS)
# Recognised starts that are also common words need their next character checked.
TURN_OUTLET_RE = re.compile(r"(?:^|(?<=[\n\s]))《?([\u4e00-\u9fffA-Za-z]{2,12}?)》?记者[：:]")
BRACKET_MEDIA_RE = re.compile(r"《([\u4e00-\u9fffA-Za-z]{2,12})》(?=记者|报道|的报道|的一篇报道|刊文|刊登|发文|网站)")


@lru_cache(maxsize=1)
def _tables():
    suffixes = lexicon.org_suffixes()
    known: dict[str, tuple[str, str]] = {}
    for w, (canon, kind) in lexicon.org_aliases().items():
        known[w] = (canon, kind)
        if " " not in canon and len(canon) >= 3:
            known.setdefault(canon, (canon, kind))
    for w, (canon, kind) in lexicon.outlets().items():
        known.setdefault(w, (canon, kind))
    suffix_re = re.compile(lexicon.alternation(suffixes))
    known_re = re.compile(lexicon.alternation(known))
    starts = set(places.place_names()) | set(known) | {"中国", "中华", "国家", "全国", "中央", "中共", "自治区"}
    start_re = re.compile(lexicon.alternation(starts))
    return suffixes, known, suffix_re, known_re, start_re


def _stop_ending_at(text: str, j: int) -> bool:
    for n in range(min(MAX_STOP, j), 0, -1):
        if text[j - n : j] in ORG_LEFT_STOPS:
            return True
    return False


def _run_start(text: str, end: int) -> int:
    """How far left the characters before `end` can belong to one name."""
    j = end
    while j > 0 and end - j < MAX_ORG_LEN:
        c = text[j - 1]
        if c == "）":
            k = text.rfind("（", max(0, j - 7), j)
            if k >= 0 and text[k + 1 : j - 1] in places._index()[0]:
                j = k  # 中国（甘肃）知识产权保护中心
                continue
        if c in BOUNDARY_CHARS or c.isdigit() and not text[j:end].startswith(("部队",)) and j != end:
            break
        if _stop_ending_at(text, j):
            break
        j -= 1
    return j


def _good_start(text: str, lo: int, hi: int, start_re) -> int | None:
    """The leftmost recognised start of a name within text[lo:hi]."""
    for k in range(lo, hi):
        c = text[k]
        if c in ADMIN_PREFIX and k + 1 < len(text) and text[k + 1] not in NOT_ADMIN_NEXT:
            return k
        m = start_re.match(text, k, hi)
        if m:
            return k
    return None


def find_orgs(text: str, skip: list[tuple[int, int]] | None = None) -> list[Organization]:
    """Organizations in text; spans in `skip` (people's names) are not part of one."""
    suffixes, known, suffix_re, known_re, start_re = _tables()
    spans: list[tuple[int, int, str, str | None]] = []  # start, end, kind, canonical

    # (2) suffix-anchored names
    for m in suffix_re.finditer(text):
        ss, se = m.span()
        suf = m.group(0)
        kind = suffixes[suf]
        lo = _run_start(text, ss)
        start = _good_start(text, lo, ss, start_re) if lo < ss else None
        if start is None:
            if len(suf) >= 2 and suf not in WEAK_MULTI and 2 <= ss - lo <= MAX_FREE_PREFIX:
                start = lo
            elif suf in known or suf in ("省委", "市委", "县委", "区委", "州委"):
                start = ss
            else:
                continue
        if se - start < 2:
            continue
        spans.append((start, se, kind, None))

    # (1) outlets and short forms, extended left over a place ("福建省" + 卫健委)
    for m in known_re.finditer(text):
        s, e = m.span()
        canon, kind = known[m.group(0)]
        lo = _run_start(text, s)
        g = _good_start(text, lo, s, start_re) if lo < s else None
        if g is not None and g < s:
            spans.append((g, e, kind, None))
        else:
            spans.append((s, e, kind, canon if canon != m.group(0) else None))

    # (3) the outlet of a reporter's question
    for rx in (TURN_OUTLET_RE, BRACKET_MEDIA_RE):
        for m in rx.finditer(text):
            name = m.group(1)
            if name in ("本报", "记者") or name.startswith("本报"):
                continue
            canon = known.get(name, (name, "media"))[0]
            spans.append((m.start(1), m.end(1), "media", canon if canon != name else None))

    # drop spans overlapping a person's name, then those inside a longer span
    blocked = bytearray(len(text) + 1)
    for s, e in skip or ():
        for k in range(s, e):
            blocked[k] = 1
    spans = [sp for sp in spans if not any(blocked[sp[0] : sp[1]])]
    spans.sort(key=lambda sp: (sp[0], -(sp[1] - sp[0])))
    kept: list[tuple[int, int, str, str | None]] = []
    for sp in spans:
        if any(k[0] <= sp[0] and sp[1] <= k[1] and (k[0], k[1]) != (sp[0], sp[1]) for k in kept):
            # inside a longer name: keep it only when it is a known name of its own
            # (最高法 in 最高法执行局 is still 最高人民法院)
            if text[sp[0] : sp[1]] not in known:
                continue
        if any((k[0], k[1]) == (sp[0], sp[1]) for k in kept):
            continue
        kept.append(sp)

    groups: dict[str, Organization] = {}
    order: list[str] = []
    for s, e, kind, canon in sorted(kept):
        written = text[s:e]
        key = canon or written
        org = groups.get(key)
        if org is None:
            org = Organization(name=written, kind=kind, canonical=canon)
            groups[key] = org
            order.append(key)
        elif len(written) > len(org.name):
            org.name = written
        org.mentions.append(Mention(written, s, e))
    out = [groups[k] for k in order]
    for org in out:
        if org.canonical == org.name:
            org.canonical = None
    return out
