"""Title phrases next to a name: "山西代表团团长|唐登杰", "唐登杰|代表".

A title is a head word from `lexicons/titles.txt` plus the organization words
written before it, read leftwards to the nearest boundary (punctuation, a verb
or preposition that introduces the person, or the end of an earlier name joined
by 同/和/、). Titles stacked with 、 before one name ("中共中央政治局委员、中央外办
主任王毅") are each kept, as the gold convention splits them on 、.
"""

from __future__ import annotations

from .. import recache as re

from .. import figure_words
from . import lexicon

# Characters that end a title phrase when reading leftwards.
BOUNDARY_CHARS = frozenset(
    "，。；：！？、,.;:!?“”‘’\"'（）()《》〈〉<>【】[]「」『』—…·•\n\r\t 　|/／"
)
# A title phrase longer than this (head excluded) is running text, not a title:
# the longest real prefixes are full company + department names (~20 characters,
# "中石化催化剂大连有限公司安全总监").
MAX_TITLE_PREFIX = 22
# Titles the byline writes with spaces before the name ("记者 杨文", "记者  江跃中").
SPACED_TITLES = frozenset({"记者", "通讯员", "特约通讯员", "本报记者", "摄影", "摄影记者", "特约记者", "实习生"})
# Characters that turn a title word after a name into an organization
# ("代表" + 团 = 代表团, "委员" + 会 = 委员会).
NOT_TITLE_AFTER = frozenset("团会处室部组")

_TITLES = lexicon.titles()
_KIN = lexicon.kinship()
MAX_HEAD = max(len(t) for t in _TITLES | _KIN)
_ctx = lexicon.name_context()
LEFT_STOPS = _ctx.get("left", frozenset())
MAX_STOP = max((len(w) for w in LEFT_STOPS), default=1)
# The same words indexed by the character they start or end with (lookups run
# several times per character of an article).
TITLE_BY_LAST = lexicon.lengths_by_last(_TITLES)
_KIN_BY_LAST = lexicon.lengths_by_last(_KIN)
TITLE_BY_FIRST = lexicon.lengths_by_first(_TITLES)
_STOP_BY_LAST = lexicon.lengths_by_last(LEFT_STOPS)
# A head (title or kinship word, maybe spaced from the name) can end right before
# a name only after one of these.
HEAD_LAST = frozenset(TITLE_BY_LAST) | frozenset(_KIN_BY_LAST) | frozenset(" \u3000")

# Organization names that contain a left-stop character (人力资源和社会保障局): a
# title read leftwards goes through them.
_protected_words = [
    w
    for w in list(lexicon.org_aliases()) + [c for c, _ in lexicon.org_aliases().values()]
    if any(s in w for s in LEFT_STOPS if len(s) == 1)
]
PROTECTED_RE = re.compile(lexicon.alternation(_protected_words)) if _protected_words else None


def protected_mask(text: str) -> bytearray:
    mask = bytearray(len(text) + 1)
    if PROTECTED_RE is not None:
        for m in PROTECTED_RE.finditer(text):
            for k in range(m.start(), m.end()):
                mask[k] = 1
    return mask


def head_ending_at(text: str, i: int, kin: bool = False) -> tuple[int, int] | None:
    """The longest title head that ends at i (spaces allowed for byline roles)."""
    j = i
    while j > 0 and text[j - 1] in " \u3000" and i - j < 3:
        j -= 1
    if j == 0:
        return None
    lens = (_KIN_BY_LAST if kin else TITLE_BY_LAST).get(text[j - 1])
    if lens is None:
        return None
    words = _KIN if kin else _TITLES
    for n in lens:
        if n > j:
            continue
        w = text[j - n : j]
        if w in words:
            if j != i and w not in SPACED_TITLES:
                return None
            return j - n, j
    return None


def head_starting_at(text: str, i: int) -> tuple[int, int] | None:
    """The longest title head that starts at i, with 兼-joined heads ("国务委员兼外长")."""
    end = None
    lens = TITLE_BY_FIRST.get(text[i : i + 1])
    if lens is None:
        return None
    for n in lens:
        if i + n <= len(text) and text[i : i + n] in _TITLES:
            end = i + n
            break
    if end is None:
        return None
    if end < len(text) and text[end] in NOT_TITLE_AFTER:
        return None
    if text[end : end + 1] == "兼":
        more = head_starting_at(text, end + 1)
        if more:
            end = more[1]
    return i, end


def _stop_ending_at(text: str, j: int) -> int:
    """Length of a left-stop word ending at j, else 0."""
    if j <= 0:
        return 0
    if j > len(text):  # never in practice; the slices would be short
        return next((n for n in range(min(MAX_STOP, j), 0, -1) if text[j - n : j] in LEFT_STOPS), 0)
    for n in _STOP_BY_LAST.get(text[j - 1], ()):
        if n <= j and text[j - n : j] in LEFT_STOPS:
            return n
    return 0


# What a title's prefix may end with: an organization suffix, a division of the
# state (省/市/县/区…), a country, or a known organization short form. A prefix that
# ends otherwise is running text ("美方呼吁中方允许|律师") and is dropped.
PLACE_END_CHARS = frozenset("省市县区镇乡村州盟旗街")
# "美国驻华|大使", "中国驻联合国|代表": where an envoy is stationed ends a prefix.
STATIONED_RE = re.compile("驻[\u4e00-\u9fff]{1,6}$")
_PREFIX_ENDS = (
    set(lexicon.org_suffixes())
    | set(lexicon.countries())
    | set(lexicon.org_aliases())
    | set(lexicon.outlets())
)
MAX_PREFIX_END = max(len(w) for w in _PREFIX_ENDS)
_PREFIX_END_BY_LAST = lexicon.lengths_by_last(_PREFIX_ENDS)


def prefix_ok(prefix: str, head_first: str = "") -> bool:
    """`head_first`: a head that opens on a division of the state ("村党支部书记",
    "市长") also ends the place written before it ("黄家庄|村党支部书记", "太原|市长")."""
    if not prefix:
        return True
    if prefix[-1] in PLACE_END_CHARS or head_first in PLACE_END_CHARS or STATIONED_RE.search(prefix):
        return True
    for n in _PREFIX_END_BY_LAST.get(prefix[-1], ()):
        if n <= len(prefix) and prefix[-n:] in _PREFIX_ENDS:
            return True
    return False


# Prepositions that open a clause before a titled person ("应|国务院总理李强邀请",
# "据|省统计局局长…介绍"): not part of the title. Only as a word of their own, so
# 应急管理部 and 对外联络部 keep their first character.
TITLE_LEAD_WORDS = frozenset("应 经 据 受 由 在 向 对 为 从 与 和 同 给 让 把 被 将 就".split())


# How far left of a head the walk of extend_left can matter: past
# MAX_TITLE_PREFIX (+1 for a dropped lead word) the phrase is refused whatever
# stops it, so neither the walk nor the floor below this changes the answer.
TITLE_REACH = MAX_TITLE_PREFIX + 1

# A day written right before a title in headlines ("2020年1月20日外交部发言人耿爽主持例行记者会").
LEADING_DATE_RE = re.compile(r"(?:[0-9０-９]{4}年)?(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}[日号])?")

# Verbs that are part of a title ("中国驻美国大使", "分管农业的副省长" has its 的).
TITLE_VERBS = frozenset(("驻", "分管", "主管", "兼", "代理", "挂职", "派驻", "常驻"))


def _after_last_verb(text: str, j: int, head_start: int) -> int:
    """A title never swallows the clause before it ("杂志将发表|中共中央总书记"):
    its prefix starts after the last verb of the general lexicon in it, unless the
    verb is one titles use or a 的 after it makes a modifier of it ("分管农业的")."""
    if head_start - j < 3:
        return j
    _, pos = figure_words.lexicon()
    cut = j
    words = figure_words.segment(text[j:head_start])
    for (s, e), (s2, e2) in zip(words, words[1:]):
        w = text[j + s : j + e]
        # the verb must be followed by a place or an organization ("发表|中共中央"):
        # a verb before a common noun is part of a name ("伊斯兰合作组织")
        if (
            pos.get(w, "")[:1] == "v"
            and w not in TITLE_VERBS
            and pos.get(text[j + s2 : j + e2], "")[:2] in ("ns", "nt")
            and "的" not in text[j + e : head_start]
            and text[j + s : j + e2] not in _PREFIX_ENDS  # 联合|国 is one name, 联合国
        ):
            cut = j + e
    return cut


def extend_left(text: str, head_start: int, floor: int, mask: bytearray) -> int:
    """Where the title phrase whose head starts at head_start begins."""
    j = head_start
    while j > floor:
        if head_start - j > TITLE_REACH:
            return head_start  # too long to be a title wherever the walk would stop
        c = text[j - 1]
        if c in BOUNDARY_CHARS:
            break
        if not mask[j - 1] and _stop_ending_at(text, j):
            break
        j -= 1
    j = _after_last_verb(text, j, head_start)
    d = LEADING_DATE_RE.match(text, j, head_start)
    if d and d.end() > j:
        j = d.end()  # "2020年1月20日|外交部发言人耿爽": the day is not part of the title
    if j < head_start and text[j] in TITLE_LEAD_WORDS:
        first = figure_words.segment(text[j:head_start])
        if first and first[0][1] == 1:
            j += 1
    if head_start - j > MAX_TITLE_PREFIX or not prefix_ok(text[j:head_start], text[head_start]):
        return head_start
    return j


# After the end of an earlier name, these characters join another person
# ("X同", "X和", "X、"): a title read leftwards stops after them; 会 ("X会见")
# stops it at the name's end.
NAME_JOINERS = frozenset("同和与及、跟向对")
NAME_FOLLOWERS = NAME_JOINERS | {"会", "就"}  # 就: "X就Y问题答记者问", a clause about something else


class _JoinFloor:
    """How far left the titles before the head at `hs` may reach: past the
    nearest earlier name followed by a joiner. It was a loop over every name
    end of the article for every title (quadratic on a long article); this
    scans back from the head only as far as a title can reach, and gives the
    same floor to extend_left (which cannot tell floors below its reach apart).
    """

    def __init__(self, text: str, hs: int, floor: int, name_ends: dict[int, int]):
        self.text, self.hs, self.floor, self.name_ends = text, hs, floor, name_ends
        self.scanned_to = hs  # no joined name end in [scanned_to, hs)
        self.lo: int | None = None  # the floor once a joined name end was found

    def below(self, head_start: int) -> int:
        if self.lo is not None:
            return self.lo
        want = max(self.floor + 1, head_start - TITLE_REACH - 1)
        text, name_ends = self.text, self.name_ends
        k = self.scanned_to - 1
        while k >= want:
            if k in name_ends and text[k] in NAME_FOLLOWERS:
                self.lo = self._exact(k)
                return self.lo
            k -= 1
        self.scanned_to = min(self.scanned_to, want)
        return max(self.floor, want - 1)

    def _exact(self, k: int) -> int:
        """k is the last name end before the head with a joiner after it. The
        old loop took names in the order they were found and skipped one at
        the position its floor had reached: only a name ending right before
        k can make that differ, and then the old loop is run as it was."""
        if (k - 1) in self.name_ends:
            lo = self.floor
            for ne in self.name_ends:
                if lo < ne < self.hs and self.text[ne] in NAME_FOLLOWERS:
                    lo = ne + (self.text[ne] in NAME_JOINERS)
            return lo
        return k + (self.text[k] in NAME_JOINERS)


def titles_before(
    text: str, name_start: int, floor: int, mask: bytearray, name_ends: dict[int, int]
) -> list[tuple[int, int]]:
    """Title phrases written before a name, nearest last; [] when none.

    `name_ends` maps the end of each name already read to its start: a title does not reach back
    over "X同" / "X和" / "X、" (another person), but it does go through a name
    inside an organization ("北京大学高君宇学生党支部成员").
    """
    if name_start <= 0 or text[name_start - 1] not in HEAD_LAST:
        return []  # no head can end here (the common case: checked first)
    head = head_ending_at(text, name_start)
    kin = False
    if head is None:
        head = head_ending_at(text, name_start, kin=True)
        kin = head is not None
        if not kin or head[0] not in name_ends:
            return []
    hs, he = head
    if not kin and hs in name_ends:
        return []  # the title of the name before it: "习近平总书记|关于…"
    if kin:
        # the relative's name is part of the title: "高君宇侄外孙女"
        return [(name_ends[hs], he)]
    floors = _JoinFloor(text, hs, floor, name_ends)
    start = extend_left(text, hs, floors.below(hs), mask)
    out = [(start, he)]
    # stacked titles: "中共中央政治局委员、中央外办主任王毅"
    while start > 1 and text[start - 1] == "、" and (start - 1) not in name_ends:
        prev = head_ending_at(text, start - 1)
        if prev is None or (start - 1) in name_ends:
            break
        ps = extend_left(text, prev[0], floors.below(prev[0]), mask)
        out.insert(0, (ps, prev[1]))
        start = ps
    return out


# Offices held on behalf of the person named before them: "国家主席习近平特使、…蔡达峰"
# makes 蔡达峰 the envoy; the title belongs to the name after it, not before.
ON_BEHALF_OF = frozenset({"特使", "特别代表", "私人代表"})


def titles_after(text: str, name_end: int) -> list[tuple[int, int]]:
    """Title heads written right after a name: "唐登杰代表", "习近平总书记", or
    in brackets after it: "王建国（中国人民大学教授）"."""
    h = head_starting_at(text, name_end)
    if h:
        return [] if text[h[0] : h[1]] in ON_BEHALF_OF else [h]
    return titles_in_brackets(text, name_end) or title_by_copula(text, name_end)


# The longest "是……" phrase after a name read as the person's position.
MAX_COPULA_TITLE = 20
CLAUSE_END_CHARS = "，。；,;！？"


# Verbs that put a position after a name ("王建军任省发展改革委主任", "现任…", "系…").
COPULA_RE = re.compile("当选为|当选|担任|现任|是|任|系|为")


def title_by_copula(text: str, i: int) -> list[tuple[int, int]]:
    """"温海是蒙山中学信息科的教师，": a "是" (任, 担任, 系, 为) phrase after the name
    that ends on a title head at the end of the clause is the person's position."""
    m = COPULA_RE.match(text, i)
    if m is None:
        return []
    i = m.end() - 1
    for k in range(i + 3, min(len(text), i + 2 + MAX_COPULA_TITLE)):
        ch = text[k]
        if ch in CLAUSE_END_CHARS:
            h = head_ending_at(text, k)
            if h is None or h[0] <= i + 1:
                return []
            # what comes before the head must name where ("蒙山中学信息科的"), not
            # describe the person ("第一个到达现场的记者")
            prefix = text[i + 1 : h[0]]
            prefix = prefix[:-1] if prefix.endswith("的") else prefix
            return [(i + 1, k)] if prefix_ok(prefix, text[h[0]]) else []
        if ch in "“”\"《》（）()\n" or ch in BOUNDARY_CHARS:
            return []
    return []


# The longest bracket after a name read for titles ("（山西省委副秘书长、政研室主任）").
MAX_BRACKET_TITLES = 48


def titles_in_brackets(text: str, i: int) -> list[tuple[int, int]]:
    """Titles in a bracket that opens at i, when every item of it (split by 、 ，)
    ends on a title head: "（中国人民大学教授）", "（左一）" gives none."""
    if i >= len(text) or text[i] not in "（(":
        return []
    close = -1
    for k in range(i + 1, min(len(text), i + 1 + MAX_BRACKET_TITLES)):
        if text[k] in "）)":
            close = k
            break
        if text[k] in "（(。；;\n":
            return []
    if close <= i + 1:
        return []
    out: list[tuple[int, int]] = []
    start = i + 1
    for k in range(i + 1, close + 1):
        if k == close or text[k] in "、，,":
            if k == start:
                return []
            h = head_ending_at(text, k)
            if h is None or h[0] < start:
                return []
            out.append((start, k))
            start = k + 1
    return out
