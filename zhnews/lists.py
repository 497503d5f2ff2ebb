"""Enumerated points: 一是…二是…, （一）（二）, 第一、第二, 首先/其次, 1. 2.

Chinese reports number their points with a few fixed marker families. A list is
a run of markers of one family counting up from its first value ("一是" then
"二是"…); each item runs from its marker to the next marker, and the last item to
the end of its paragraph — or to where the next speaker is introduced in that
paragraph ("五是…。金湘军表示，…"). A marker only counts where a clause can
begin (after 。，；： or at a paragraph start), so "统一是" or "全国第一方阵" are
not markers. Lists are attached to the statement whose text holds them.
"""

from __future__ import annotations

from . import recache as re
from bisect import bisect_right

from .model import Article, Context, EnumList, ListItem
from .scan import finditer_from

# A list needs at least this many items: a lone "一是" is a phrase, not a list.
MIN_ITEMS = 2
# Items of one list may spread over at most this many paragraphs (a speech that
# gives each point a paragraph); beyond that a repeated marker starts a new list.
MAX_LIST_PARAS = 12

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if len(s) == 2 and s[0] == "十" and s[1] in _CN_DIGITS:
        return 10 + _CN_DIGITS[s[1]]
    if len(s) == 2 and s[1] == "十" and s[0] in _CN_DIGITS:
        return _CN_DIGITS[s[0]] * 10
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s]
    return None


_NUM_CHARS = "一二三四五六七八九十"
_NUM = rf"[{_NUM_CHARS}]{{1,2}}"
_SEQ_WORDS = ("首先", "其次", "再次", "然后", "最后", "此外")
# family name → pattern (group "n" is the number; ordinal words have their own order)
_MARKERS = re.compile(
    rf"(?P<shi>(?P<n1>{_NUM})是)"
    rf"|(?P<paren>[（(](?P<n2>{_NUM})[）)])"
    rf"|(?P<di>第(?P<n3>{_NUM})(?:个问题|点|条|方面)?(?=[，、,：:]))"
    rf"|(?P<seq>{'|'.join(_SEQ_WORDS)})(?=[，,、]|[要是]|[\u4e00-\u9fff])"
    rf"|(?P<dun>(?P<n4>{_NUM})、)"
    r"|(?P<arabic>(?P<n5>\d{1,2})[.．、](?!\d))"
)
# Where a _MARKERS match can start (see scan.finditer_from): a number, a bracket,
# 第, an ordinal word's first character or a digit.
_MARKER_FIRST_RE = re.compile("[" + _NUM_CHARS + "（(第" + "".join(w[0] for w in _SEQ_WORDS) + r"\d]")
# Where a marker may stand: the start of a clause.
_BOUNDARY = set("。！？；;：:，,\n“”（(　 ")
# Words that may stand before a marker at a clause start ("关于第一个问题，…").
_LEAD_WORDS = {"关于", "至于", "对于"}
_SEQ_ORDER = {"首先": 1, "其次": 2, "再次": 3, "然后": 3, "最后": 9, "此外": 9}
# Families whose markers must open a paragraph (elsewhere "三、" is inside a list of words).
_PARA_ONLY = {"dun", "arabic"}
# Families numbered separately at paragraph starts and inside paragraphs (outline levels).
_LEVELLED = {"paren", "di"}


def _paragraph_starts(article: Article) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n+|[ \u3000\t]{2,}", article.text):
        starts.append(m.end())
    if article.paragraphs:
        starts.extend(p.start for p in article.paragraphs)
    return sorted(set(starts))


def _markers(text: str, para_starts: list[int]):
    """(family, number, start, end) of every marker standing at a clause start."""
    para_set = set(para_starts)
    out = []
    for m in finditer_from(_MARKERS, _MARKER_FIRST_RE, text):
        s = m.start()
        at_para = s in para_set
        if not at_para and s > 0 and text[s - 1] not in _BOUNDARY and text[max(0, s - 2):s] not in _LEAD_WORDS:
            continue
        fam = m.lastgroup if m.lastgroup and not m.lastgroup.startswith("n") else None
        for name in ("shi", "paren", "di", "seq", "dun", "arabic"):
            if m.group(name):
                fam = name
                break
        if fam in _PARA_ONLY and not at_para:
            continue
        if fam == "seq":
            n = _SEQ_ORDER[m.group("seq")]
        else:
            raw = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4") or m.group("n5")
            n = _cn_number(raw)
        if n is None:
            continue
        out.append((fam, n, s, m.end(), at_para))
    return out


def _para_index(para_starts: list[int], pos: int) -> int:
    return bisect_right(para_starts, pos) - 1


def annotate(article: Article, ctx: Context) -> None:
    text = article.text
    if not text:
        return
    para_starts = _paragraph_starts(article)
    para_ends = {}
    for i, s in enumerate(para_starts):
        nxt = para_starts[i + 1] if i + 1 < len(para_starts) else len(text)
        e = nxt
        while e > s and text[e - 1] in "\n \u3000\t":
            e -= 1
        para_ends[i] = e
    # Where a speaker is introduced: an item never runs across it.
    stops = sorted({st.speaker_start for st in article.statements if st.speaker_start is not None})
    markers = _markers(text, para_starts)
    lists: list[list[tuple]] = []
    open_lists: dict[tuple, list[tuple]] = {}
    for mk in markers:
        fam, n, s, e, at_para = mk
        # "（一）" opening paragraphs and "（一）" inside one are two levels of numbering
        key = (fam, at_para if fam in _LEVELLED else None)
        cur = open_lists.get(key)
        if cur is not None:
            last = cur[-1]
            too_far = _para_index(para_starts, s) - _para_index(para_starts, cur[0][2]) > MAX_LIST_PARAS
            follows = n == last[1] + 1 or (fam == "seq" and n > last[1])
            if follows and not too_far:
                cur.append(mk)
                continue
            if len(cur) >= MIN_ITEMS:
                lists.append(cur)
            open_lists.pop(key)
        if n == 1:
            open_lists[key] = [mk]
    lists.extend(cur for cur in open_lists.values() if len(cur) >= MIN_ITEMS)
    lists.sort(key=lambda c: c[0][2])
    for cur in lists:
        items = []
        for k, (fam, n, s, e, at_para) in enumerate(cur):
            if k + 1 < len(cur):
                end = cur[k + 1][2]
            else:
                end = para_ends[_para_index(para_starts, s)]
                i = bisect_right(stops, s)
                if i < len(stops) and stops[i] < end:
                    # "五是…。金湘军表示，…": cut at the start of that sentence
                    cut = stops[i]
                    while cut > s and text[cut - 1] not in "。！？；;\n":
                        cut -= 1
                    if cut > e:
                        end = cut
            while end > s and text[end - 1] in "\n \u3000\t，,；;、":
                end -= 1
            if end <= e:
                break
            items.append(ListItem(marker=text[s:e], text=text[s:end], start=s, end=end))
        if len(items) < MIN_ITEMS:
            continue
        lst = EnumList(items=items, start=items[0].start, end=items[-1].end)
        for idx, st in enumerate(article.statements):
            # in a statement's text, or in the question an answer replies to
            if st.start <= lst.start < st.end or (
                    st.topic_start is not None and st.topic_end is not None
                    and st.topic_start <= lst.start < st.topic_end):
                lst.statement = idx
                break
        article.lists.append(lst)
