"""Boundary repair and rejection of organizations read leftwards from a suffix.

Reading left from 小学/集团/组织 over "name characters" works on the example
pages but, on unseen copy, swallows the verb or preposition before the name
("战胜西南中心小学", "如西南中学", "曾任清华大学"), runs over a clause ("万宁市政府
共同出资组建合资公司", "生态环境部组织"), counts ("全国校园足球特色学校35所") or
keeps a description rather than a name ("省级医院", "三水区中小学"). A segmentation
of the clause (jieba's dictionary, `zhnews.figure_words`) tells whether a word
of the closed lists in `lexicons/org_filter_words.txt` really stands at the
start or inside a name (和 does not cut 和平区), so the name is trimmed to the
proper part when one remains and dropped otherwise. Mentions keep offsets into
the text; names that become equal after trimming are merged.
"""

from __future__ import annotations

from .. import recache as re
from functools import lru_cache

from .. import figure_words
from ..model import Mention, Organization
from . import lexicon, places

# How far left of a mention the clause is segmented: enough for the word that
# crosses the mention's start (a 4-character word at most) plus context.
LEFT_CONTEXT = 8
# A crossing word at the start is taken whole into the name ("正大|康地有限公司"
# read as "大康地有限公司") only when it adds at most this many characters.
MAX_EXTEND = 1
# Short forms this short must start and end on word boundaries of the clause
# (建行 in 创建|行动, 工行 in 施工|行业); longer names rarely arise by accident.
MAX_ALIGNED_SHORT_FORM = 3
# A count with its measure word marks a clause, not a name ("特色学校35所",
# "一所幼儿园", "216支队", "第一家咖啡厂", "粤港澳三地政府"); an ordinal without a
# measure word is part of a name (第78集团军, 第十一小学, 第三地质大队).
COUNT_RE = re.compile(
    r"[0-9０-９一二两三四五六七八九十百千万几多余]+[所家个支座名位项批只条种类]|(?<!第)[两三四五六七八九十几多]地"
)
# Digits of a count whose measure word opens a mention ("10|家企业集团", "4|家长三角地区海关"):
# the mention is the counted class.
COUNT_DIGITS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百千万几多余")
# A count right before a name: what follows is counted, so it is a kind ("5个|国家重点实验室").
COUNTED_BEFORE_RE = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十百千万]+)[余多]?[家个所座支批类]$")
# Characters that end a clause: the segmentation window never crosses them.
CLAUSE_END_RE = re.compile(r"[，。；：！？、,.;:!?\s“”\"'（）()《》〈〉【】]")
# Anonymised parties of court and news copy ("安徽某食品公司", "空军某部") name no
# organization of their own.
ANONYMOUS = "某"
# Parts of speech of a word that may be taken into a name leftwards: names,
# places, nouns (正大 is tagged a).
# Parts of speech of a lone character that is no name's start after a trimmed
# word or before a suffix (他泡|档案馆, 内迁|大学).
LONE_VERB_POS = frozenset("v vd vg vi p c d r m q u uj".split())
# Suffixes that name a class of bodies ("政府", "部门"): after one word that is no place
# they name no body ("整治|政府采购", "加强|部门协作", "人民政府"), while 规划局 or
# 统计局 are named by their verb-like word, so the rule is for these suffixes only.
CLASS_SUFFIXES = frozenset({"政府", "部门", "机关", "单位", "企业", "机构"})
# Words that, alone before a suffix, make the foreign bodies of that kind ("任何外国政府", "外国公司"; orgs set 10
# dev). Not a generic word of org_filter_words.txt: those also bar a free name that opens on them, and 外国记者协会
# ("驻华外国记者协会") is one.
FOREIGN_CLASS_WORDS = frozenset({"外国", "他国", "别国"})
PLACE_POS = frozenset({"ns", "nt", "nz", "j"})  # jieba: place, organization, other proper name, abbreviation
# One-character prefixes of an organization that are the administrative level
# of a short form (省委, 市民政局, 区直机关工委).
ADMIN_CHARS = frozenset("省市县区镇乡村州盟旗")
# Lead characters that also open short company names (中核集团, 中车集团, 上汽集团,
# 上港集团): not trimmed when only one noun character would stay before the suffix.
NAME_OPENING_LEADS = frozenset("中上")
# Parts of speech of a word that never opens an organization's name (jieba: verb,
# adverb, pronoun, preposition, conjunction). Time words and numerals are left to the lead list: jieba
# tags names such as 三星堆 as numerals and 老年, 现代 as time words.
LEAD_POS = frozenset("v vd vi d ad r p c".split())
# jieba's adverb, conjunction and preposition tags: such a word inside a name read
# leftwards ends the clause before the name.
INNER_STOP_POS = frozenset("d c p r".split())  # r: "得克萨斯州这样|共和党" (issue 14, third set)
# jieba's verb tags: a verb inside a name read leftwards ends the clause before the name.
VERB_POS = frozenset("v vd vi".split())
# Prefixes that open a name of their own, and the longest place or known name looked up.
NATIONAL_STARTS = ("中国", "国家", "中共", "中央", "全国")
# Bodies named for a task, which often opens on a verb that elsewhere ends a name
# ("国家推动长江经济带发展领导小组", "省推进乡村振兴领导小组"): after a level or a
# national prefix the verb is inside the name.
VERB_NAMED_SUFFIXES = frozenset({"领导小组"})
# Prepositions that join the two parties of talks or a pretext ("美国以|叙利亚政府…为由"): inside a
# name read leftwards they end the clause before it when a name starts after them, or a side
# (中方), a known body or a title stands before them. Not 和/与: organs are named for two fields.
JOINER_STOPS = frozenset({"同", "以", "跟"})
SIDE = "方"  # 中方, 美方, 双方: a side of talks, no organization
# Characters that make a side with 方: one-character country short forms and 双/各/对/我/外
SIDE_OPENERS = frozenset("中美俄英法德日韩朝印巴越菲泰伊土蒙欧非阿吉哈乌塔老柬缅双各对我外")
MAX_START = 8
NAME_POS = frozenset("n nr nrt nrfg ns nt nz j a b ng".split())


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset]:
    """Sections of org_filter_words.txt: lead, verbs, generic, class_inner, plural, opens, people."""
    out: dict[str, set[str]] = {}
    section = "lead"
    for line in lexicon.load_lines("org_filter_words.txt"):
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        out.setdefault(section, set()).update(line.split())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _known() -> frozenset:
    """Names the lexicons vouch for: kept whatever the rules say of them."""
    out = set(lexicon.org_aliases()) | set(lexicon.outlets())
    out |= {c for c, _ in lexicon.org_aliases().values() if " " not in c}
    out |= lexicon.org_abbr_bodies()
    return frozenset(out)


@lru_cache(maxsize=1)
def _places() -> frozenset:
    return frozenset(places.place_names()) | lexicon.countries() | lexicon.foreign_regions()


@lru_cache(maxsize=1)
def _suffix_lengths() -> tuple[frozenset, tuple[int, ...]]:
    """The suffixes as a set and their lengths, longest first: _suffix_of looks up the name's
    last L characters for each L instead of testing every suffix (the same answer as the longest
    suffix the name ends with: at most one suffix of each length can be its end)."""
    sufs = frozenset(lexicon.org_suffixes())
    return sufs, tuple(sorted({len(s) for s in sufs}, reverse=True))


def _suffix_of(name: str) -> str:
    sufs, lengths = _suffix_lengths()
    n = len(name)
    for k in lengths:
        if k <= n and name[n - k :] in sufs:
            return name[n - k :]
    return ""


def _boundaries(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Words (absolute offsets) of the clause around text[s:e], from a little
    left of s to just past e."""
    lo = max(0, s - LEFT_CONTEXT)
    m = None
    for m in CLAUSE_END_RE.finditer(text, lo, s):
        pass
    if m is not None:
        lo = m.end()
    hi = min(len(text), e + 2)
    m2 = CLAUSE_END_RE.search(text, e, hi)
    if m2 is not None:
        hi = m2.start()
    return [(lo + a, lo + b) for a, b in figure_words.segment(text[lo:hi])]


# Words that, between a country and a suffix, make a class of the country's bodies
# ("中国地方政府通过国际友好城市渠道…", "美国有关部门"); not 国际 (中国国际广播电台)
COUNTRY_CLASS_WORDS = frozenset({"地方", "有关", "相关", "各级", "基层", "当地"})
# Characters that, written before a one-character country short form, make it one
# of a pair or a region (中美, 欧美, 亚非), not the country of the body after it.
ABBR_NEIGHBOURS = frozenset("美俄英法德日韩朝印澳加越菲泰以伊乌巴土蒙中欧亚非拉")
# A bilateral body's name opens on 中 and another country's short form (中英企业家委员会,
# 美中贸易全国委员会), which no place or country list holds as a start; 中 is then no
# leading word to trim (as in "活动|中").
PAIR_HOME = "中"
# Chambers of a legislature that name their own house alone, as a foreign party's name
# does ("参议院无法通过拨款法案"); orgs.py reads one alone only where it stands as a word
BARE_CHAMBERS = frozenset({"参议院", "众议院", "上议院", "下议院"})


def reads_alone(suffix: str) -> bool:
    """Whether an organization suffix written alone names the body: a foreign party
    (共和党, 民主党) or a legislature's chamber (参议院)."""
    return suffix in BARE_CHAMBERS or suffix in lexicon.org_start_suffixes() and lexicon.org_suffixes().get(suffix) == "party"


def _is_generic(name: str) -> bool:
    """A kind of organization ("省级医院", "产业基金", "小学"), not one by name."""
    if name in _known():
        return False
    w = words()
    suf = _suffix_of(name)
    pre = name[: len(name) - len(suf)] if suf else name
    if not pre:
        # 省委, 市委: the short form of the level's organ; 共和党, 民主党: a party's own name
        # (orgs.py reads one alone only where it stands as a word)
        return name[0] not in ADMIN_CHARS and not reads_alone(name)
    if len(pre) == 1 and pre not in ADMIN_CHARS and figure_words.pos_of(pre) in LONE_VERB_POS:
        return True
    cuts = figure_words.segment(pre)  # (once: both tests below read it)
    if (
        suf in CLASS_SUFFIXES
        and len(cuts) == 1
        and pre not in _places()
        and pre[-1] not in ADMIN_CHARS
        and figure_words.pos_of(pre) not in PLACE_POS
    ):
        return True  # "整治|政府采购", "加强|部门协作", "人民政府": whose government?
    generic = w.get("generic", frozenset())
    segs = [pre[a:b] for a, b in cuts]
    if all(x in generic for x in segs):
        return True
    if pre in FOREIGN_CLASS_WORDS:
        return True
    if len(segs) >= 2 and segs[-1] in w.get("class_inner", ()):
        return True  # "淮南市人大常委会相关工委", "新疆一些学校": a class of the named one's bodies
    if len(segs) >= 2 and segs[0] in lexicon.countries() and all(x in COUNTRY_CLASS_WORDS for x in segs[1:]):
        return True  # "中国地方政府", "美国有关部门": a class of the country's bodies
    if len(pre) >= 2 and pre[1] == SIDE and pre[0] in SIDE_OPENERS:
        return True  # "中方代表团", "美方代表团", "吉方政府", "中方航空公司": a side of talks, no body named
    for p in w.get("plural", ()):
        if name.endswith(p):
            rest = name[: -len(p)]
            # a place or a level alone before a class of institutions: 三水区中小学, 全省高校, 村党组织
            if not rest or rest in ADMIN_CHARS or rest in _places() or all(rest[a:b] in _places() or rest[a:b] in generic for a, b in figure_words.segment(rest)):
                return True
    return False


def _pair_opens(text: str, k: int) -> bool:
    """Whether 中 at k and the short form after it open a bilateral body's name (中英企业家委员会):
    not where the next characters are a whole country's name (会谈中|英国政府)."""
    nxt = text[k + 1 : k + 2]
    if not nxt or nxt not in ABBR_NEIGHBOURS or nxt == PAIR_HOME:
        return False
    return not any(text.startswith(c, k + 1) for c in lexicon.countries() if c[0] == nxt)


def _trim_lead(text: str, s: int, e: int, segs, lead, verbs) -> int:
    """Past the function words and clause verbs at the start of text[s:e]; after
    one, a lone verb character goes too (他|泡|档案馆)."""
    trimmed = False
    while s < e:
        word = next((text[a:b] for a, b in segs if a == s and b <= e), None)
        if word is None:
            break
        if word == PAIR_HOME and _pair_opens(text, s):
            break  # 中|英企业家委员会: a bilateral body
        if word in lead or word in verbs:
            rest = text[s + len(word) : e]
            pre = rest[: len(rest) - len(_suffix_of(rest))]
            if word in NAME_OPENING_LEADS and len(pre) == 1 and figure_words.pos_of(pre) not in LONE_VERB_POS:
                break  # 中核|集团, 上汽|集团: one noun character before the suffix is no name; 中/上 open it
            s += len(word)
            trimmed = True
        elif trimmed and len(word) == 1 and figure_words.pos_of(word) in LONE_VERB_POS:
            s += 1
        else:
            break
    return s


def _starts_a_name(rest: str) -> bool:
    """Whether `rest` opens on a place, a known organization or a national prefix
    (中国, 国家…), so that it is a whole name by itself."""
    if rest.startswith(NATIONAL_STARTS):
        return True
    return any(rest[:k] in _places() or rest[:k] in _known() for k in range(2, min(len(rest), MAX_START) + 1))


@lru_cache(maxsize=1)
def _people_words() -> frozenset:
    """Title heads and writers (作者, 笔者): never the start of an organization. The
    nouns for people of name_context.tsv are left out: they open names (村民委员会)."""
    return lexicon.titles() | words().get("people", frozenset())


def _trim_lead_pos(text: str, s: int, e: int, segs) -> int:
    """Past leading words that jieba tags as verbs, adverbs, pronouns, prepositions,
    conjunctions or numerals ("嘱咐|妇联", "扩大|美术馆", "此次|…", "咱们|中队"): the
    closed lists of org_filter_words.txt cannot hold every clause verb of unseen copy.
    Only words of two or more characters: the segmentation splits unknown names
    into single characters. A name keeps at least its last word."""
    while s < e:
        word = next(((a, b) for a, b in segs if a == s and b < e), None)
        if word is not None and text[word[0] : word[1]] in _people_words():
            s = word[1]  # a title or writer before the name ("国务委员|兼国务院", "作者|系国务院")
            if s < e and figure_words.pos_of(text[s]) in LONE_VERB_POS and text[s + 1 : e]:
                s += 1  # ... and the verb joining them (兼, 系)
            continue
        if (
            word is None
            or word[1] - word[0] < 2  # a lone character may be a name's first ("亿|航"): the lead list decides
            or text[word[1]] in ADMIN_CHARS  # "安定|区", "开慧|镇": the word names the place
            or text[word[0] : word[1]] in words().get("opens", ())
            or text[word[0] : word[1]] in _places()
            or figure_words.pos_of(text[word[0] : word[1]]) not in LEAD_POS
        ):
            break
        s = word[1]
    return s


# A verb between an organization and a short name ending in a suffix is the clause's
# (丹麦外交部|告诉|法罗政府, 4 characters after it: a name and its suffix; a verb right
# before the suffix is the body's field: 国资委信访|办, 移民与海关执法|局); a longer run after the verb is the
# task a body is named for (国务院|打击|治理电信网络新型违法犯罪工作部际联席会议).
MAX_OBJECT_BODY = 6
# Verbs that join a body to the one it holds ("清华大学附属中学", "国务院直属机构"): inside a name.
BODY_VERBS = frozenset({"附属", "直属", "所属", "隶属", "下属", "主办", "管理", "监督", "联合"})


# A minister's title written on the ministry's name ("外交部长", "国防部长", "财政部长"): the ministry is named
# (orgs sets 2, 5, 7, 8 list 外交部, 美商务部 for 外交部长, 美商务部长), as 宣传部长 already reads where the title
# head starts on 部.
MINISTRY_SUFFIX, MINISTER_TAIL = "部", "长"


# What follows a minister's title that names no one minister: a meeting or rank of ministers ("卫生部长会议",
# "二十国集团农业部长特别会议", "阿拉伯卫生部长理事会", "部长级"), a list of offices ("菲律宾总统和卫生部长、外交部长等
# 政要": some country's, named earlier or not).
MINISTER_UNNAMED_RE = re.compile(r"[会级、等们和及与，。；：）)”]|特别|视频|紧急|理事|联席|扩大")


def minister_named(text: str, end: int) -> bool:
    """Whether a minister's title ending at `end` is followed by the minister (a name), not by a meeting,
    a rank or a list of offices."""
    return end < len(text) and MINISTER_UNNAMED_RE.match(text, end) is None


def _minister_word(text: str, name: str, a: int, b: int, s: int, e: int) -> bool:
    """Whether the word text[a:b] around the known name text[s:e] is that ministry's minister, followed by
    the minister's name ("外交部长王毅", "财政部长蓝佛安")."""
    return a == s and name.endswith(MINISTRY_SUFFIX) and text[e:b] == MINISTER_TAIL and minister_named(text, b)


def fix_span(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The corrected span of an organization mention text[s:e], or None when
    no organization is named there."""
    name = text[s:e]
    k = name.find(ANONYMOUS)
    if k >= 0:
        # the named unit before 某 is the organization (中部战区空军|某部); with
        # none, nothing is named (安徽某食品公司)
        if k < 2 or not _suffix_of(name[:k]):
            return None
        e = s + k
        name = text[s:e]
    w = words()
    lead, verbs = w.get("lead", frozenset()), w.get("verbs", frozenset())
    segs = _boundaries(text, s, e)
    starts = {a for a, _ in segs}
    if name in _known():
        # a short form inside a longer word (求是 in 实事求是) is not a mention — but a ministry is, in its
        # minister's title (外交部|长)
        minister = any(_minister_word(text, name, a, b, s, e) for a, b in segs)
        if not minister and any(a <= s and e <= b and b - a > e - s for a, b in segs):
            return None
        if e - s <= MAX_ALIGNED_SHORT_FORM and not minister and (s not in starts or e not in {b for _, b in segs}):
            return None  # "创|建行|动": a short form across two words is no mention
        return s, e
    # the name starts inside a word: take the word whole when it is a short name
    # part (正大|康地), else start after it (新区|党工委 → 党工委, judged below)
    for a, b in segs:
        if a < s < b:
            if s - a <= MAX_EXTEND and figure_words.pos_of(text[a:b]) in NAME_POS and text[a:s] not in lead:
                s = a
            else:
                s = b
            break
    s = _trim_lead(text, s, e, segs, lead, verbs)
    s = _trim_lead_pos(text, s, e, segs)
    if s >= e:
        return None
    # a clause verb inside: the name before it when that is an organization
    # (生态环境部|组织, 万宁市政府|共同出资…), else the name after it (村利用|五矿集团)
    for a, b in segs:
        if s < a and b <= e and a in starts:
            word = text[a:b]
            if text[s:b] in _known():
                continue  # the verb ends a known name (伊斯兰合作|组织|外长理事会)
            if name.endswith(tuple(VERB_NAMED_SUFFIXES)) and (text[s:a] in NATIONAL_STARTS or text[s:a] in ADMIN_CHARS):
                continue  # 国家|推动|长江经济带发展领导小组
            if word in JOINER_STOPS and _suffix_of(text[b:e]) and (
                _starts_a_name(text[b:e]) or text[a - 1] == SIDE or text[s:a] in _known() or text[s:a].endswith(tuple(_people_words()))
            ):
                # "北京人民大会堂同|塞内加尔国民议会", "中方同|盖茨基金会", "中联部部长同|越南外交部党委":
                # a preposition between a party to the talks and the body after it
                s = b
                continue
            if (word in verbs and figure_words.pos_of(word) != "v" and b < e and e - b >= 3 and _suffix_of(text[b:e]) == text[b:e]
                    and text[b:e] not in _known() and (text[s] in ADMIN_CHARS or _starts_a_name(text[s:a]))):
                # a listed verb that jieba reads as a noun here names the body's field, right before its
                # suffix: 省国防|动员|委员会, 中国文莱政府间联合|指导|委员会 (not 芜湖|共建|研究院)
                continue
            if (len(word) >= 2 and figure_words.pos_of(word) == "v" and a - s >= 3 and _suffix_of(text[s:a])
                    and e - b <= MAX_OBJECT_BODY and e - b - len(_suffix_of(text[b:e])) >= 2
                    and word not in words().get("opens", ()) and word not in BODY_VERBS):
                e = a  # 丹麦外交部|告诉|法罗政府: an organization, then the clause's verb
                break
            if word in verbs or (word in lead and len(word) == 1 and word in "共将已也都还并再曾均就才"):
                if _suffix_of(text[s:a]) and a - s >= 3 or text[s:a] in _known():
                    e = a  # 生态环境部|组织, 民进中央|组织
                    break
                if word in verbs and b < e:
                    s = _trim_lead(text, b, e, segs, lead, verbs)
            elif (
                len(word) >= 2
                and figure_words.pos_of(word) in INNER_STOP_POS
                and word not in _places()
                and word not in words().get("opens", ())
                and b < e
                and text[b] not in ADMIN_CHARS
                and _suffix_of(text[b:e])
            ):
                s = b  # "巴西只有|圣保罗州保险公司": an adverb or conjunction sits inside no name (大连 is tagged one)
            elif (
                len(word) >= 2
                and figure_words.pos_of(word) in VERB_POS
                and _starts_a_name(text[b:e])
                and not (text[s:a] in _places() or text[s:a].startswith(NATIONAL_STARTS))
            ):
                # "西藏各族人民衷心拥护|中国政府": a clause, a verb, then a name that starts on its
                # own; a place alone or a national prefix before the verb opens the name
                # ("中国常驻联合国代表团", "中国合格评定国家认可委员会")
                s = b
    if e - s < 2:
        return None
    cut = text[s:e]
    if COUNT_RE.search(cut) or COUNTED_BEFORE_RE.search(text, max(0, s - 8), s) or COUNT_RE.match(text, max(0, s - 1)) and s > 0 and text[s - 1] in COUNT_DIGITS:
        return None  # "5个国家重点实验室", "21家省重点实验室": a class counted, not a body named
    if _is_generic(cut):
        return None
    if not _suffix_of(cut) and cut not in _known() and cut != name:
        return None  # trimming left no organization ending
    return s, e


def _before_joiner(text: str, s: int, cut: int) -> tuple[int, int] | None:
    """The organization before a joining preposition where fix_span cut a mention
    there ("中联部部长同|越南外交部党委": 中联部, less the title after it), or None."""
    if cut - s < 3 or text[cut - 1] not in JOINER_STOPS:
        return None
    e = cut - 1
    title = max((w for w in _people_words() if text.endswith(w, s, e)), key=len, default="")
    e -= len(title)
    fixed = fix_span(text, s, e) if e - s >= 2 else None
    if fixed is None or not (_suffix_of(text[fixed[0] : fixed[1]]) or text[fixed[0] : fixed[1]] in _known()):
        return None
    return fixed


def filter_orgs(text: str, orgs: list[Organization]) -> list[Organization]:
    """Organizations with repaired boundaries; those naming none are dropped.
    An organization keeps its mentions that needed no repair (with its short
    forms, 安理会 under 联合国安理会); a repaired mention joins the organization
    of that name, or starts one."""
    kept: list[Organization] = []
    moved: list[tuple[Organization, int, int]] = []
    for org in orgs:
        stay = []
        for m in org.mentions:
            fixed = fix_span(text, m.start, m.end)
            if fixed is None:
                continue
            if fixed == (m.start, m.end):
                stay.append(m)
            else:
                moved.append((org, *fixed))
                left = _before_joiner(text, m.start, fixed[0])
                if left is not None:
                    moved.append((org, *left))
        if stay:
            if not any(m.text == org.name for m in stay) and not org.canonical:
                org.name = max((m.text for m in stay), key=len)
            org.mentions = stay
            kept.append(org)
    # a repaired mention inside another organization's mention is part of that name
    # ("作者系国务院" trimmed to 国务院, inside 国务院发展研究中心)
    whole = [(m.start, m.end) for o in kept for m in o.mentions]
    moved = [(o, s, e) for o, s, e in moved if not any(a <= s and e <= b and b - a > e - s for a, b in whole)]
    by_name = {o.name: o for o in kept}
    for o in kept:
        for m in o.mentions:
            by_name.setdefault(m.text, o)
    for org, s, e in moved:
        written = text[s:e]
        target = by_name.get(written)
        if target is None:
            target = Organization(name=written, kind=org.kind)
            by_name[written] = target
            kept.append(target)
        if not any(x.start == s and x.end == e for x in target.mentions):
            target.mentions.append(Mention(written, s, e))
    if moved:
        # a short name that ends a repaired one is its mention, as before the repair
        # (外交部党委 after 中联部部长同|越南外交部党委)
        kept = merge_suffixes(kept)
    for o in kept:
        o.mentions.sort(key=lambda m: m.start)
        if o.canonical == o.name:
            o.canonical = None
    kept.sort(key=lambda o: o.mentions[0].start)
    return kept


# Short names that are complete official names of their own (中央政治局 beside
# 中共中央政治局): kept apart.
FULL_NAME_STARTS = ("中央", "国家", "全国")
# ... and short names that end longer ones of other bodies (党中央 in 农工党中央).
FULL_NAMES = frozenset({"党中央"})


@lru_cache(maxsize=1)
def _foreign_prefixes() -> tuple[frozenset, frozenset]:
    pairs = lexicon.org_abbr_bodies()
    abbr = {w[0] for w in pairs}
    bodies = {w[1:] for w in pairs}
    return frozenset((lexicon.countries() | abbr) - {"中国", "中"}), frozenset(bodies)


def _foreign_body(prefix: str, short: str) -> bool:
    """Whether a longer name is a foreign country's state body of the same kind
    ("俄|外交部", "美|国务院"): the page's own 外交部 is then another body. A
    company keeps its short mentions (泰国正大集团 … 正大集团)."""
    countries, bodies = _foreign_prefixes()
    return prefix in countries and short in bodies


def merge_suffixes(orgs: list[Organization]) -> list[Organization]:
    """A name that ends a longer one is its short mention ("安理会" after
    "联合国安理会", "人民银行" after "中国人民银行"): one organization, the first
    longer name it ends."""
    out: list[Organization] = []
    for org in sorted(orgs, key=lambda o: -len(o.name)):
        host = None
        if not org.name.startswith(FULL_NAME_STARTS) and org.name not in FULL_NAMES:
            host = next(
                (o for o in out if o.name.endswith(org.name) and len(org.name) >= 2
                 and not _foreign_body(o.name[: -len(org.name)], org.name)),
                None,
            )
        if host is None:
            out.append(org)
        else:
            host.mentions.extend(org.mentions)
    first = {id(o): min(m.start for m in o.mentions) for o in out}
    out.sort(key=lambda o: first[id(o)])
    for o in out:
        o.mentions.sort(key=lambda m: m.start)
    return out
