"""Figures: every number with its unit, what it measures, and when.

Official reports are made of claims in numbers ("2019年以来年均煤炭产量11.9亿吨").
One regex cuts candidate spans (number, optional range, unit); `numerals` reads
only those spans, because converting whole texts turns idioms into numbers.
Rules then drop what is not a figure (dates, years as points in time, ordinals,
plan names, names with numbers, vague or idiomatic amounts) and attach the
qualifier, the indicator (the noun phrase the number belongs to), the period
and the direction of change.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
from . import recache as re
from datetime import date
from functools import lru_cache

from . import figure_words, numerals
from .model import Article, Context, Figure
from .scan import finditer_from
from .lexicon import load_table


# Chinese numerals below this are small counts (两次, 三个场馆, 十五条措施) or fixed
# phrases (十四届, 二十五次); the SPEC leaves them unscored and newspapers write real
# statistics above ten in Arabic digits, so only large Chinese amounts (二百元) count.
CN_MIN_VALUE = 100
# Four-digit numbers in this range followed by 年 are years as points in time.
YEAR_MIN, YEAR_MAX = 1000, 2199
# Longest phrase before or after a number that can still be its indicator; past this
# the phrase is a clause of its own rather than a name of what is measured.
MAX_INDICATOR_CHARS = 24


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return load_table(name)


@lru_cache(maxsize=1)
def _lexicons():
    units: dict[str, tuple[str, str]] = {}
    for row in _rows("units.txt"):
        units[row[0]] = (row[1], row[2] if len(row) > 2 else "")
    exclusions = [r[0] for r in _rows("figure_exclusions.txt") if len(r) == 1]
    points = [r[0] for r in _rows("figure_exclusions.txt") if len(r) > 1 and r[1] == "point"]
    qualifiers = {"before": [], "after": []}
    for word, where in _rows("figure_qualifiers.txt"):
        qualifiers[where].append(word)
    roles: dict[str, set[str]] = {}
    for word, role in _rows("indicator_words.txt"):
        roles.setdefault(role, set()).add(word)
    return units, exclusions, qualifiers, roles, points


def _alt(words) -> str:
    # (longest first; ties in a fixed order, not the set's: the same pattern text in every
    # process, which recache can find again)
    return "|".join(re.escape(w) for w in sorted(sorted(set(words)), key=len, reverse=True))


UNITS, EXCLUSIONS, QUALIFIERS, ROLES, POINT_WORDS = _lexicons()
PROTECTED = frozenset(r[0] for r in _rows("figure_protected_words.txt"))


_AR_DIGITS = "0-9０-９"
_CN_NUMBER_CHARS = "零〇○一二两三四五六七八九十百千万亿"
_AR = rf"[{_AR_DIGITS}]+(?:,[0-9]{{3}}(?![0-9]))*(?:[.．][0-9０-９]+)?"
_CNN = rf"[{_CN_NUMBER_CHARS}]+(?:点[零〇○一二三四五六七八九]+)?"
_APX = r"[余多]?"
_NUM = rf"(?:{_AR}{_APX}[百千万亿]*?{_APX}|{_CNN}{_APX}[万亿]*?)"
_FRAC = rf"(?:百分之|千分之|(?:{_AR}|{_CNN})分之)(?:{_AR}|{_CNN})"
_UNIT = _alt(UNITS)
_SEP = r"(?:至|到|——|[~～—－\-])"

FIGURE_RE = re.compile(
    rf"(?P<frac>{_FRAC})(?P<funit>{_UNIT})?"
    rf"|(?P<num>{_NUM})(?:(?P<sep>{_SEP})(?P<num2>{_NUM}))?"
    rf"(?P<unit>{_UNIT})(?:[/每](?P<per>{_UNIT}))?"
)
# Where a FIGURE_RE match can start: a digit of _AR or a character of _CNN (百分之 and
# 千分之 too); see scan.finditer_from.
_FIGURE_FIRST_RE = re.compile(f"[{_AR_DIGITS}{_CN_NUMBER_CHARS}]")
EXCLUSION_RE = re.compile(_alt(EXCLUSIONS)) if EXCLUSIONS else None
_POINT_BEFORE = tuple(POINT_WORDS)
_QUAL_BEFORE = sorted(QUALIFIERS["before"], key=len, reverse=True)
_QUAL_BEFORE_LAST = frozenset(w[-1] for w in _QUAL_BEFORE)
_QUAL_AFTER_RE = re.compile(_alt(QUALIFIERS["after"]))
_CN_CHARS = set(numerals.CN_NUMERAL_CHARS)
_MAG_CHARS = set("十百千万亿")
# Magnitudes written without a digit that are amounts ("超千亿元"); 百年, 万米, 亿万 are not.
_BARE_MAGNITUDES = {"百万", "千万", "百亿", "千亿", "万亿"}
_VAGUE_BEFORE = set("数几上成好若")  # 数百 几千 上万 成千: not amounts
_NAME_NEIGHBOURS = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９+＋#＃.．·_/]")
# Two digit characters side by side (一两千, 四五次, 七八个) is an estimate.
_CN_ESTIMATE_RE = re.compile(r"[一二两三四五六七八九][一二两三四五六七八九]")

SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = SENTENCE_END + "，,：:"
_TIME_POINT_AFTER_RE = re.compile(r"多?(?:前|来|以来|后|之前|之后)")  # 30年多来 as 30多年来
_SHARED_PERCENT_POINT_RE = re.compile(r"[、和及与][0-9.]{1,8}个百分点")
_SENTENCE_RE = re.compile("[" + re.escape(SENTENCE_END) + "]")
_CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_END) + "]")

_CN_SMALL = "一二两三四五六七八九十"
PERIOD_RE = re.compile(
    rf"(?P<plan>“?(?P<plann>十[一二三四五六七八九]?五)”?(?:(?:前|头)(?P<planyrs>[{_CN_SMALL}\d])年|期间|时期|以来|末|初)?)"
    r"|(?P<y>(?:19|20)\d{2})年(?!的)(?:(?P<m1>\d{1,2})月?(?:至|到|—|-)(?P<m2>\d{1,2})月|(?P<m>\d{1,2})月份?)?(?P<since>以来)?(?:底|末|初)?"
    r"|(?P<rel>去年|今年|前年|上年|明年|当年)(?:(?P<rm1>\d{1,2})月?(?:至|到|—|-)(?P<rm2>\d{1,2})月|(?P<rm>\d{1,2})月份?)?"
    rf"|(?P<same>当月|同期)"
    rf"|近(?P<nyrs>[{_CN_SMALL}\d]+)年(?:以来|来)?"
    rf"|(?P<nago>[{_CN_SMALL}\d]+)年(?:来|以来)"
)
# Where a PERIOD_RE match can start (see scan.finditer_from): “ or 十 (a plan), 1 or 2
# (a year), the first character of a relative year, 当月 or 同期, 近, a number.
_PERIOD_FIRST_RE = re.compile(rf"[“十12去今前上明当同近{_CN_SMALL}\d]")
_REL_YEARS = {"去年": -1, "上年": -1, "今年": 0, "当年": 0, "前年": -2, "明年": 1}

CHANGE_RE = re.compile(r"增长|增加|下降|减少|提高|降低|上升|回落|下滑|扩大|缩小|增幅|降幅|提升|回升")
COMPARISON_RE = re.compile(r"同比|环比|比上年|较上年|比去年|较去年|较常年|比常年|较上月|比上月")

# What the phrase before a number may be cut to: "X占/达到Y的" measures X (or Y when
# X is missing: "占查处的…问题总数的84.7%").
_SHARE_RE = re.compile(r"^(?P<x>.*?)(?:仅|已|均)?(?:占|达到|相当于)(?P<y>.+)的$")
# "X占Y的比重仅为6.7%": the share named after 的 and its verb, read as "X占Y的".
_SHARE_NOUN_RE = re.compile(r"的(?:比重|比例|份额)(?:仅|已|均|约|只)?(?:为|是|达到|达)?$")
# Right before the number these are qualifiers or linking verbs even where they would
# end a dictionary word (入超, 速达), so they are cut without the protected-word check.
# One-character verbs that link a measure to its number ("达", "超", "增") rather than
# take it as their object ("设5分钟闹钟", "种100亩玉米"): not a verb_before.
LINK_VERBS = frozenset("是有为达占超近约逾过到至增降升减涨跌共计合等值剩余多少高低长宽重")
_ADJACENT_LINKS = sorted(set(QUALIFIERS["before"]) | {"达到", "至", "到", "占"}, key=len, reverse=True)
_ADJACENT_LINKS_ANY = tuple(_ADJACENT_LINKS)  # (for one str.endswith call)
# "较上年末", "比2022年", "较“十三五”末", "较禁渔前", "较建交之初": the base of a
# comparison, not the indicator (not 比重, 比例, 比率, 比赛).
_COMPARE_PHRASE_RE = re.compile(
    r"同比|环比|(?:较|比)(?:上年末|上年|去年|上月|年初|同期|常年|(?:19|20)\d{2}年末?|“?十[一二三四五六七八九]?五”?末"
    r"|(?![重例率赛])[\u4e00-\u9fff]{1,6}?(?:前|之初))"
)
_ENUM_MARK_RE = re.compile(r"^[一二三四五六七八九十]是")
_QUOTED_RE = re.compile(r"^[“\"‘「『《][^”\"’」』》]{0,20}[”\"’」』》]")
_AFTER_DE_RE = re.compile(r"^(?:[高大长宽深重远多老小]?的)")
_ETC_RE = re.compile(r"^.*等(?:领域|方面|行业|地区|部门|单位|国家|城市|类型|类|种)")
_TIME_WORD_RE = re.compile(
    r"(?:(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{1,2}日|去年|今年|前年|当月|当年|同期)(?:以来|底|末|初)?"
)
_TRAIL_RE = re.compile(rf"(?:{_alt(ROLES['trail'])})$")
_LEAD_RE = re.compile(rf"^(?:{_alt(ROLES['lead'])})")
_SPLIT_RE = re.compile(rf"(?:{_alt(ROLES['split'])})")
_STOP_RE = re.compile(
    rf"{_alt(ROLES['stop'])}|[、（(—]|(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])[0-9０-９]|[一二两三四五六七八九十百千万]+(?:{_UNIT})"
)
# The phrase after a number is no indicator when it opens with punctuation or with
# another count ("24小时的两次核酸检测").
_NOT_AFTER_START = set(CLAUSE_END + "、（(—…")
_COUNT_AHEAD_RE = re.compile(rf"[{numerals.CN_NUMERAL_CHARS}]+(?:{_UNIT})")
# A change or linking verb right after the number ("从92种增至167种") starts the
# predicate, not the counted noun.
_VERB_AHEAD_RE = re.compile(
    CHANGE_RE.pattern + "|" + _alt(w for w in ROLES["trail"] if len(w) >= 2) + r"|[增降升减][至到]"
)
# A qualifier or linking verb closing the phrase after a number introduces the next
# figure ("136支校园足球队超过3000名"), so it is cut off.
_AFTER_TRAIL_RE = re.compile(rf"(?:{_alt(QUALIFIERS['before'])}|达到|达|共|累计)$")
_AFTER_LEAD_RE = re.compile(r"^(?:通过|在|对|给|把)")
_GENERIC_RE = re.compile(rf"^(?:{_alt(ROLES['generic'])})")
_ACTION_LEAD_RE = re.compile(rf"^(?:{_alt(w for w in ROLES['action'] if len(w) >= 2)})")
_ACTION_RE = re.compile(rf"(?:{_alt(ROLES['action'])})$")
_PUNCT_EDGE = "“”\"‘’「」『』《》（）()、—·…:：, ，"


def _unit_kind(unit: str) -> str:
    return UNITS.get(unit, ("", ""))[0]


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    if EXCLUSION_RE is None:
        return []
    return [(m.start(), m.end()) for m in EXCLUSION_RE.finditer(text)]


def _overlaps(spans, start: int, end: int, ends: list[int]) -> bool:
    """spans: finditer's matches, so sorted and disjoint, their ends rising: the
    only one that can overlap [start, end) is the first ending after start
    (found by bisection over `ends`, not a pass over every span per figure)."""
    k = bisect.bisect_right(ends, start)
    return k < len(spans) and spans[k][0] < end


def _is_chinese(num: str) -> bool:
    return not any(ch.isdigit() for ch in num)


def _reject_chinese(num: str, text: str, start: int) -> bool:
    """Chinese numerals are figures only when they are large, exact amounts."""
    core = num.rstrip(numerals.APPROX_MARKS)
    if numerals.is_digit_string(core.replace("万", "").replace("亿", "")) and not any(
        ch in _MAG_CHARS for ch in core
    ):
        return True  # 二〇三五年: a year
    if _CN_ESTIMATE_RE.search(core):
        return True
    if all(ch in _MAG_CHARS for ch in core) and core not in _BARE_MAGNITUDES:
        return True  # 百年, 千家, 万米, 千千万万: idioms more often than amounts
    if start > 0 and text[start - 1] in _VAGUE_BEFORE:
        return True
    value = numerals.parse_number(core)
    return value is None or value < CN_MIN_VALUE


def _qualifier_before(text: str, start: int) -> str | None:
    if start == 0 or text[start - 1] not in _QUAL_BEFORE_LAST:
        return None  # (most figures: no qualifier can end here, no word to try)
    for word in _QUAL_BEFORE:
        if text.startswith(word, start - len(word)) and start - len(word) >= 0:
            return word
    return None


def _candidates(text: str):
    """Yield (start, end, text, value, value_max, unit, qualifier, kind) for every figure."""
    blocked = _blocked_spans(text)
    blocked_ends = [e for _, e in blocked]
    for m in finditer_from(FIGURE_RE, _FIGURE_FIRST_RE, text):
        start, end = m.span()
        prev = text[start - 1] if start else ""
        nxt = text[end] if end < len(text) else ""
        if prev == "第" or (prev and _NAME_NEIGHBOURS.match(prev)):
            continue  # ordinals, K303次, 问界M9, 4+1
        if nxt and nxt in "+＋":
            continue
        if blocked and _overlaps(blocked, start, end, blocked_ends):
            continue
        if _POINT_BEFORE and text.endswith(_POINT_BEFORE, max(0, start - 2), start):
            continue  # 北纬34.06度: a coordinate
        qualifier = _qualifier_before(text, start)
        if m.group("frac"):
            frac = m.group("frac")
            unit = m.group("funit") or ""
            if frac.startswith("百分之"):
                unit = "%"
                if m.group("funit"):
                    end = m.start("funit")
            value = numerals.parse_number(frac)
            if value is None or (nxt == "地" and not m.group("funit")):
                continue  # 百分之百地落实: an adverb of manner, not a share
            yield start, end, text[start:end], value, None, unit, qualifier, "fraction"
            continue
        num, num2, unit, per = m.group("num"), m.group("num2"), m.group("unit"), m.group("per")
        breakers = UNITS[unit][1]
        if per is None and nxt and nxt in breakers:
            continue
        kind = _unit_kind(unit)
        if kind == "time" and not per and _TIME_POINT_AFTER_RE.match(text, end):
            continue  # 60多年前, 13年来, 5年后: points in time, not durations
        if _is_chinese(num) and _reject_chinese(num, text, start):
            continue
        if num2 and _is_chinese(num2) and _reject_chinese(num2, text, m.start("num2")):
            continue
        if unit == "年" and not num2 and re.fullmatch(r"[0-9０-９]{4}", num):
            year = int(num.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
            if YEAR_MIN <= year <= YEAR_MAX:
                continue
        if unit == "年" and num2 and re.fullmatch(r"[0-9０-９]{4}", num2):
            continue  # 2023—2035年
        value = numerals.parse_number(num)
        if value is None:
            continue
        value_max = None
        if num2:
            value_max = numerals.parse_number(num2)
            if value_max is None:
                continue
            # "3至5万人": the magnitude written once applies to both ends.
            mag2 = re.search(r"[百千万亿]+", num2)
            if mag2 and not re.search(r"[百千万亿]", num) and not _is_chinese(num):
                value = numerals.parse_number(num + mag2.group())
        if text.endswith(("零下", "负"), max(0, start - 2), start):
            value, value_max = -value, (-value_max if value_max is not None else None)
        full_unit = unit + ("/" + per if per else "")
        approx = None
        core = num2 or num
        if core.endswith(("余", "多")) or re.search(r"[余多][百千万亿]", core):
            approx = "余" if "余" in core else "多"
        after = _QUAL_AFTER_RE.match(text, end)
        if after:
            qualifier = qualifier or after.group()
        if kind == "count" and not per and isinstance(value, float) and not re.search(r"[万亿千百]", num):
            # "高于…12.9个、10.1个百分点": a decimal count borrows the unit written last.
            ahead = _SHARED_PERCENT_POINT_RE.match(text, end)
            if not ahead:
                continue
            full_unit, kind = "个百分点", "percent"
        yield start, end, text[start:end], value, value_max, full_unit, qualifier or approx, kind


# ---------------------------------------------------------------- indicator

def _strip_edges(phrase: str) -> str:
    return phrase.strip(_PUNCT_EDGE + " \u3000\t")


def _cut_trail(phrase: str) -> str:
    """Drop one function word from the end, unless it ends a real word (产能, 行为)."""
    m = _TRAIL_RE.search(phrase)
    if not m:
        return phrase
    if len(m.group()) == 1 and (phrase[-2:] in PROTECTED or phrase[-3:] in PROTECTED):
        return phrase
    return phrase[: m.start()]


def _cut_lead(phrase: str) -> str:
    """Drop one function word from the start, unless it starts a real word (在建, 和平)."""
    m = _LEAD_RE.match(phrase)
    if not m:
        return phrase
    if len(m.group()) == 1 and (phrase[:2] in PROTECTED or phrase[:3] in PROTECTED):
        return phrase
    return phrase[m.end():]


def _trim_before(phrase: str) -> str:
    """The phrase before a number, less time words, qualifiers and linking verbs."""
    phrase = _strip_link(phrase)  # next to the number: 收入超5亿元, 增速达6.9%
    phrase = _COMPARE_PHRASE_RE.sub("", phrase)
    phrase = _TIME_WORD_RE.sub("", PERIOD_RE.sub("", phrase))
    phrase = _ENUM_MARK_RE.sub("", phrase)
    phrase = _strip_edges(phrase)
    m = _SHARE_RE.match(_SHARE_NOUN_RE.sub("的", phrase))
    if m:
        x = _strip_edges(_cut_lead(_cut_trail(m.group("x"))))
        phrase = x if len(x) >= 2 else m.group("y")
    for _ in range(6):
        new = _cut_lead(_cut_trail(phrase))
        new = _strip_edges(new)
        if new == phrase:
            break
        phrase = new
    m = _ACTION_LEAD_RE.match(phrase)
    if m and len(phrase) - m.end() >= 2:
        phrase = phrase[m.end():]  # 建成智能化煤矿268座
    parts = _SPLIT_RE.split(phrase)
    if len(parts) > 1 and len(parts[-1]) >= 2:
        phrase = parts[-1]
    if "的" in phrase:
        tail = phrase.rsplit("的", 1)[1]
        if len(tail) >= 2 and tail not in ROLES["generic"]:
            phrase = tail  # not 人工智能核心产业的|规模: a generic noun needs what it belongs to
    phrase = _strip_edges(phrase)
    for _ in range(3):
        new = _strip_edges(_cut_trail(phrase))
        if new == phrase:
            break
        phrase = new
    if phrase in ROLES["trail"] or phrase in ROLES["lead"] or phrase in ROLES["generic"] or len(phrase) < 2:
        return ""
    return phrase[-MAX_INDICATOR_CHARS:]


# Characters past a stop word segmented with it, so that the word it starts or sits in
# is whole (a word is at most 4 characters in the lexicon).
_STOP_LOOKAHEAD = 4


def _next_stop(rest: str, pos: int) -> re.Match | None:
    stop = _STOP_RE.search(rest, pos)
    while stop and _inside_noun(rest, stop.start()):
        stop = _STOP_RE.search(rest, stop.start() + 1)  # 世界平|均水平, 涉|及: no stop
    return stop


def _is_relative_clause(phrase: str) -> bool:
    """`phrase` (what comes between a count and 的) is a verb and its object, or a
    prepositional phrase: a clause modifying the noun after 的 (涉及新疆, 与辱华文章并无关联)."""
    words = figure_words.segment(phrase)
    if len(words) < 2:
        return False
    first, second = (_pos(phrase[a:b]) for a, b in words[:2])
    return first == "p" or (first in figure_words.VERBAL and _is_nounish(second) and len(words) == 2)


# Parts of speech of a word whose inner stop character (平|均) ends nothing: adjectives
# and distinguishers modify the noun after them. Inside a noun (足球小|将|同场竞技) or a
# verb (选手参|与) the stop still cuts: the predicate may follow without a verb tag.
_MODIFIER_POS = frozenset("a b".split())


def _inside_noun(rest: str, i: int) -> bool:
    """rest[i] is inside the first word (涉及) or inside a modifier (平均): a stop
    character there ends nothing."""
    if not "\u4e00" <= rest[i] <= "\u9fff":
        return False
    for a, b in figure_words.segment(rest[: i + _STOP_LOOKAHEAD]):
        if a < i < b:
            return a == 0 or _pos(rest[a:b]) in _MODIFIER_POS
        if a >= i:
            return False
    return False


def _phrase_after(text: str, end: int, limit: int) -> tuple[str, bool]:
    """The noun after a number ("16条省级重点产业链"); True when it came after 的."""
    rest = text[end:limit]
    q = _QUAL_AFTER_RE.match(rest)
    if q:
        rest = rest[q.end():]
    via_de = False
    m = _AFTER_DE_RE.match(rest)
    if m:
        rest = rest[m.end():]
        via_de = True
    elif rest.startswith("内"):
        rest = rest[1:]
    if (
        not rest
        or rest[0] in _NOT_AFTER_START
        or _GENERIC_RE.match(rest)
        or _COUNT_AHEAD_RE.match(rest)
        or _VERB_AHEAD_RE.match(rest)
    ):
        return "", False
    m = _ETC_RE.match(rest)
    if m and len(rest) > m.end():
        rest = rest[m.end():]
    rest = _AFTER_LEAD_RE.sub("", rest)
    stop = _next_stop(rest, 1)
    if stop and stop.group() == "的" and _is_relative_clause(rest[: stop.start()]):
        rest, via_de = rest[stop.end():], True  # 7本|涉及新疆的|白皮书: the noun the clause modifies
        stop = _next_stop(rest, 1)
    phrase = rest[: stop.start()] if stop else rest
    phrase = _strip_edges(_AFTER_TRAIL_RE.sub("", phrase))
    if not phrase or len(phrase) > MAX_INDICATOR_CHARS:
        return "", False  # one character (释放500吨水) only if `_refine` finds it a whole noun
    return phrase, via_de


# ---------------------------------------------------------------- word boundaries

# Parts of speech that cannot end a noun phrase (稳定, 稳步, 安排, 需, 今天, 一只).
_TAIL_BAD_POS = figure_words.VERBAL | figure_words.FUNCTION | frozenset("m q t x mq tg".split())
# One-character words after a number that start a predicate, not a noun (艾琳|是…).
_AFTER_CUT_CHARS = frozenset("是有为在把被让使将")
# A question is no statement of a measure ("在1万多人面前踢足球是什么感觉？").
_QUESTION_RE = re.compile(r"什么|怎么|怎样|如何|多少|为何|为什么|吗$|呢$")
_PREP_AFTER = "在于为至到"
_QUOTED_NAME_RE = re.compile(r"“[^“”]{1,20}”|《[^《》]{1,30}》")
# The smallest indicator that is still a name of something (水, 羊 only when a whole word).
MIN_INDICATOR_CHARS = 2


# Nouns the segmenter cuts in two, the second half tagged a verb (indicator_words.txt, compound).
_COMPOUNDS = frozenset(ROLES.get("compound", ()))


def _pos(word: str) -> str:
    return figure_words.pos_of(word)


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Words of text[lo:hi] as (start, end, part of speech), offsets into `text`.

    A quoted name (“立等可取”居住证, “一泓清水入黄河”) is one noun: its inside is
    not cut into verbs and nouns."""
    words = []
    pos = lo
    for m in _QUOTED_NAME_RE.finditer(text, lo, hi):
        words += [(pos + a, pos + b, _pos(text[pos + a : pos + b])) for a, b in figure_words.segment(text[pos : m.start()])]
        words.append((m.start(), m.end(), "nz"))
        pos = m.end()
    words += [(pos + a, pos + b, _pos(text[pos + a : pos + b])) for a, b in figure_words.segment(text[pos:hi])]
    return _join_compounds(text, words)


def _join_compounds(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two words that make a noun the segmenter cuts (国际|组织, 组织 tagged a verb) as one noun."""
    out: list[tuple[int, int, str]] = []
    for w in words:
        if out and text[out[-1][0] : w[1]] in _COMPOUNDS:
            out[-1] = (out[-1][0], w[1], "n")
        else:
            out.append(w)
    return out


def _is_nounish(pos: str) -> bool:
    return pos in figure_words.NOUNISH


def _is_question(text: str, pos: int, limit: int) -> bool:
    """The sentence from `pos` on asks something, and the clause text[pos:limit] holds
    the asking ("…面前踢足球是什么感觉？"); a question in a later clause ("蔓延到214个
    国家和地区，…，有谁让美国赔偿了吗？") leaves the noun after the number what it counts."""
    m = _SENTENCE_RE.search(text, pos)
    end = m.start() if m else len(text)
    return m is not None and text[end] in "？?" and _QUESTION_RE.search(text, pos, min(end, limit)) is not None


def _balance_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    """“百鸟河数字小镇”年产值 cut after the opening quote: keep what follows the close."""
    piece = text[s:e]
    for open_q, close_q in ("“”", "‘’", "《》", "「」"):
        if close_q in piece and open_q not in piece[: piece.index(close_q)]:
            s = s + piece.index(close_q) + 1
            piece = text[s:e]
        if open_q in piece and close_q not in piece[piece.rindex(open_q):]:
            e = s + piece.rindex(open_q)
            piece = text[s:e]
    return s, e


def _refine(text: str, s: int, e: int, lo: int, hi: int, after: bool, keep_verbs: bool = False) -> tuple[int, int, bool]:
    """Move an indicator span to word boundaries and trim it to a noun phrase.

    `keep_verbs`: a duration measures an event, so the verb stays ("政策实施仅3天").

    Returns (start, end, nounish); start == end when nothing is left. A phrase
    after the number ends at its first verb, particle or locative (院校|开设,
    湿地|内, 队伍|参赛); a phrase before it loses a leading function word (有, 如,
    在, 使) and trailing verbs, adverbs and measure words (稳定, 将, 需, 一只能卖).
    """
    s, e = _balance_quotes(text, s, e)
    if e <= s:
        return s, s, False
    words = _words(text, min(lo, s), max(hi, e))
    for a, b, pos in words:
        if a < s < b:
            s = b  # a word cut at the start: the phrase begins after it
        if a < e < b:
            # A word cut at the end: a noun continues (足球小|将), anything else is cut off.
            e = b if after and _is_nounish(pos) and b <= hi else a
    inside = [w for w in words if s <= w[0] and w[1] <= e]
    if after:
        # After the number the phrase starts where `_phrase_after` put it and ends at
        # the first particle, preposition, locative, adverb or full verb (院校|开设,
        # 湿地|内, 选手|向观众): one-character verbs are too often parts of names
        # of things (能博会) to cut at.
        for k, (a, b, pos) in enumerate(inside):
            # A verb followed by one noun that ends the phrase is a compound (应用场景,
            # 再生材料); followed by more it opens a predicate (院校|开设大数据相关专业).
            compound = k + 2 == len(inside) and _is_nounish(inside[k + 1][2]) and inside[k + 1][2] != "ns"
            if k and (
                pos in figure_words.FUNCTION or pos == "x" or text[a:b] in _AFTER_CUT_CHARS
                or (pos in figure_words.VERBAL and b - a >= 2 and not compound)
            ):
                inside = inside[:k]
                break
        if inside and all(w[2] in figure_words.VERBAL for w in inside) and inside[-1][1] < e:
            return s, s, False  # 200万人次走进|这里: a predicate, not what was counted
    else:
        pivots = [k for k, w in enumerate(inside) if text[w[0] : w[1]] in ROLES["pivot"]]
        if pivots and pivots[-1] + 1 < len(inside):
            inside = inside[pivots[-1] + 1 :]
        while inside and text[inside[0][0] : inside[0][1]] in ROLES["opener"]:
            inside = inside[1:]
        while inside and inside[0][2] in figure_words.FUNCTION and inside[0][2] not in ("r", "f"):
            inside = inside[1:]
    full = list(inside)
    cut_prep = text[e : e + 1] in _PREP_AFTER  # 稳定|在7000万亩: the adjective is the predicate
    tail_bad = _TAIL_BAD_POS - figure_words.VERBAL if keep_verbs else _TAIL_BAD_POS
    while inside and inside[-1][2] in tail_bad:
        a, b, pos = inside[-1]
        if (
            pos in figure_words.VERBAL and b - a >= 2 and len(inside) > 1 and inside[-2][2] not in _TAIL_BAD_POS
            and not (cut_prep and not after)
        ):
            break  # 外运处理, 矿山治理: a noun and its verb name an activity; not one before 在 (维持|在10例)
        cut_prep = cut_prep or pos == "p"
        inside = inside[:-1]
    if cut_prep and inside and inside[-1][2] == "a":
        inside = inside[:-1]  # 播种面积稳定在7000万亩: 稳定在 is the predicate
    if not inside:
        # Verbs alone ("审结23069件", "可以生成100张", "4人受伤") still say what was counted.
        k = len(full)
        while k and full[k - 1][2] in figure_words.VERBAL:
            k -= 1
        if k < len(full) and full[-1][1] - full[k][0] >= MIN_INDICATOR_CHARS:
            return full[k][0], full[-1][1], False
        return s, s, False
    s, e = inside[0][0], inside[-1][1]
    nounish = any(_is_nounish(w[2]) for w in inside)
    if e - s < MIN_INDICATOR_CHARS and not (nounish and len(inside) == 1):
        return s, s, False
    return s, e, nounish


_COPULAS = ("为", "是")
# "向/给 + recipient + verb + number" (向世卫组织捐款2000万美元): the verb names the measure.
_GIVEN_TO_RE = re.compile(r"(?:向|给)[^，。、；：:,]{1,12}?(?P<verb>[\u4e00-\u9fff]{2})$")
# Marks a phrase before a number made of modifiers alone, no noun and no verb (连续|四年
# 超过万亿元, 短短|3年): find_figures prefers the sentence's previous indicator to it
# ("中央企业研发投入1.1万亿元，连续四年超过万亿元"). A verb alone (审结23069件, 收治
# 7100多名) stays: the development gold names such figures by their verb.
_MODIFIERS_ONLY = "\x00"


def _opens_with_verb(text: str, lo: int, hi: int, anywhere: bool = False) -> bool:
    """The words of text[lo:hi] open with (`anywhere`: hold) a verb of two or more
    characters (聆听报告; 提供两批共)."""
    words = _words(text, lo, hi)
    return any(pos in figure_words.VERBAL and b - a >= 2 for a, b, pos in (words if anywhere else words[:1]))


_PLACE_SUFFIXES = frozenset("省市县区镇乡村州")


def _only_places(text: str, lo: int, hi: int) -> bool:
    """The phrase is place names alone (云南省临沧市|80%的群众): where, not what."""
    words = _words(text, lo, hi)
    return bool(words) and all(w[2] == "ns" or text[w[0] : w[1]] in _PLACE_SUFFIXES for w in words)


# Quote marks that open a name after a number, with the mark that closes it.
_NAME_QUOTES = {"“": "”", "《": "》"}
# A preposition of place right after a number (8000余人次|在|石林开展研学活动): the noun
# after it says where, not what was counted.
_LOCATIVE_AFTER = "在"
# Parts of speech of the place after 在 (石林 is tagged a name, 湖北 a place, 周边 a locative);
# not common nouns ("在华外国人": 外国人 is who was counted).
_PLACE_POS = frozenset("ns nr nrt s f".split())


def _past_locative(text: str, s: int, e: int, limit: int, via_de: bool) -> tuple[int, str, bool]:
    """The phrase text[s:e] after "N在": skip the place it opens with. "400多名在湖北|的|印度公民"
    names what 的 leads to; "8000余人次在石林|开展研学活动" the activity; before a noun 在 and
    the place modify it ("16名在华外国人"). Unchanged otherwise."""
    words = _words(text, s, limit)
    k = 0
    while k < len(words) and words[k][2] in _PLACE_POS:
        k += 1
    if 0 < k < len(words) - 1 and text[words[k][0] : words[k][1]] == "的":
        phrase, _ = _phrase_after(text, words[k][0], limit)
        if phrase:
            return text.find(phrase, words[k][1], limit), phrase, True
    if 0 < k < len(words) and words[k][2] in figure_words.VERBAL and words[k][1] - words[k][0] >= 2 and words[k][0] < e:
        return words[k][0], text[words[k][0] : e], via_de
    if 0 < k < len(words) and _is_nounish(words[k][2]):
        return s - len(_LOCATIVE_AFTER), text[s - len(_LOCATIVE_AFTER) : e], via_de  # 在华|外国人: 在华 modifies
    return s, text[s:e], via_de


def _ends_with_verb(text: str, lo: int, hi: int) -> bool:
    """The phrase text[lo:hi] ends with a verb of two or more characters (全球|提供|70%的风电设备):
    the noun after the share is its object."""
    words = _words(text, lo, hi)
    return bool(words) and words[-1][2] in figure_words.VERBAL and words[-1][1] - words[-1][0] >= 2


# Places whose share a percentage can be: named places (美国) and place nouns (国内, 全球).
_SHARE_PLACE_POS = frozenset(("ns", "s"))


def _place_after_verb(text: str, lo: int, hi: int) -> bool:
    """The words before a share are a verb (or 占) and the place whose share it is:
    以占美国|1.5%的土地, 承载了美国约|20%的人口. The noun after 的 is what is measured."""
    raw = _strip_link(text[lo:hi])
    words = _words(text, lo, lo + len(raw))
    k = len(words)
    while k and (words[k - 1][2] in _SHARE_PLACE_POS or text[words[k - 1][0] : words[k - 1][1]] in _PLACE_SUFFIXES):
        k -= 1
    if k == len(words):
        return False
    while k and text[words[k - 1][0] : words[k - 1][1]] in ("了", "过"):
        k -= 1
    return k == 0 or words[k - 1][2] in figure_words.VERBAL


# The end of a noun naming a rate ("现行16%的税率"): a percentage before it is its value.
_RATE_SUFFIX = "率"
# A quoted name and the verb before it, closing the phrase before a number.
_QUOTED_BEFORE_RE = re.compile(r"(?P<verb>[\u4e00-\u9fff]{2})(?P<name>“[^“”]{1,20}”)$")
# A verb saying a measure reached the number after it (突破, 超过): "X突破N的Y" measures X.
_REACH_RE = re.compile(rf"(?:{_alt(ROLES['reach'])})$")


def _link_at_end(phrase: str) -> str:
    """The qualifier or linking verb next to the number that `phrase` ends with (the
    first of _ADJACENT_LINKS, longest first), else ""."""
    if not phrase.endswith(_ADJACENT_LINKS_ANY):
        return ""  # (most phrases: one str.endswith in C, no loop over the words)
    return next(w for w in _ADJACENT_LINKS if phrase.endswith(w))


def _strip_link(phrase: str) -> str:
    """`phrase` less one qualifier or linking verb next to the number (收入超|5亿元)."""
    return phrase[: len(phrase) - len(_link_at_end(phrase))]


def _indicator(text, fig_start, fig_end, clause_start, prev_end, clause_limit, unit, kind):
    """Pick the phrase before or after the number as what it measures.

    Counts name their noun after the classifier (推动16条省级重点产业链), rates and
    shares name it before (装机占比达到49.7%), and "N单位的X" names X; a verb that
    takes the figure as object (实现15分钟互联互通) hands over to the noun after it.
    """
    b_lo = max(clause_start, prev_end)
    if prev_end > clause_start:
        # "粮食产量跃上1.4万亿斤新台阶、|亩产提升10.1斤": up to the list mark the words
        # after the previous figure are its own
        mark = text.find("、", prev_end, fig_start)
        if mark >= 0:
            b_lo = mark + 1
    before_raw = text[b_lo:fig_start]
    before = _trim_before(before_raw)
    takes_object = bool(before) and _ACTION_RE.search(before) is not None
    before_verbs_only = before_adjacent = False
    bs = be = fig_start
    at = before_raw.rfind(before) if before else -1
    if at >= 0:  # not found when a time word inside was cut out: left as trimmed
        bs, be, nounish = _refine(
            text, b_lo + at, b_lo + at + len(before), b_lo, fig_start, after=False, keep_verbs=kind == "time"
        )
        before = text[bs:be]
        before_verbs_only = bool(before) and not nounish
        before_adjacent = bool(before) and nounish and not text[be:fig_start].strip(_PUNCT_EDGE)
    quoted = _QUOTED_BEFORE_RE.search(_strip_link(before_raw))
    if quoted and be > bs and _opens_with_verb(text, b_lo + quoted.start("verb"), b_lo + quoted.start("name")):
        # 发放“健康包”50余万份: the name a verb takes right before the number is what was counted
        bs, be = b_lo + quoted.start("name"), b_lo + quoted.end("name")
        before, before_verbs_only, before_adjacent = text[bs:be], False, True
    after, via_de = _phrase_after(text, fig_end, clause_limit)
    if after:
        at = text.find(after, fig_end, clause_limit)
        if at > fig_end and text[at - 1] in _NAME_QUOTES:
            at, after = at - 1, text[at - 1] + after  # _phrase_after strips the quote opening a name
            if text.startswith(_NAME_QUOTES[after[0]], at + len(after)):
                after += _NAME_QUOTES[after[0]]  # and the one closing it (建成了4个“万卡集群”)
        if text[fig_end:at].endswith(_LOCATIVE_AFTER):
            at, after, via_de = _past_locative(text, at, at + len(after), clause_limit, via_de)
        a_s, a_e, nounish = _refine(text, at, at + len(after), fig_end, clause_limit, after=True)
        after = text[a_s:a_e] if a_s == at else ""
    if after and (_QUESTION_RE.search(after) or _is_question(text, fig_end, clause_limit)):
        after = ""
    if after[:1] in _COPULAS and len(after) > MIN_INDICATOR_CHARS and not before:
        after = after[1:]  # "…中，20例为无症状感染者": the figure opens its clause, 为 says what it counts
    # A verb right before the number takes it as its object (每天安排1.5小时集中训练,
    # 流转了1600亩土地, 释放500吨水): what follows is what was counted.
    verb_before = False
    if after:
        raw = _strip_link(before_raw.rstrip("了过"))
        tail = _words(text, b_lo, b_lo + len(raw))[-1:] if raw else []
        verb_before = (
            bool(tail)
            and tail[0][2] in figure_words.VERBAL
            and (tail[0][1] - tail[0][0] >= 2 or text[tail[0][0]] not in LINK_VERBS)
        )
    # "二百元以下罚款", "3年以下有期徒刑": a bound on what follows.
    bound = bool(after) and _QUAL_AFTER_RE.match(text, fig_end) is not None
    if kind == "percent" and via_de and (
        not before or before_raw.rstrip().endswith(_LIST_CONJ) or _only_places(text, bs, be)
        or _place_after_verb(text, b_lo, fig_start) or before_verbs_only or after.endswith(_RATE_SUFFIX)
        or _ends_with_verb(text, bs, be)
    ):
        return after, before_raw  # 保障我国95%的口粮和90%以上的谷物需求: the share of what follows
    if kind in ("percent", "multiple"):
        return before or "", before_raw
    if kind in ("fraction", "age"):
        return after or before, before_raw
    link = _link_at_end(before_raw)  # 接近|100万亿元: a qualifier
    if after and be < fig_start - len(link) and _opens_with_verb(text, be, fig_start - len(link), anywhere=True):
        return after, before_raw  # 向世界卫生组织|提供两批共5000万美元现汇援助: the noun before is no subject of the figure
    given = _GIVEN_TO_RE.search(before_raw[: len(before_raw) - len(link)])
    if not after and given and _pos(given.group("verb")) in figure_words.VERBAL:
        return given.group("verb"), before_raw  # 向世卫组织|捐款2000万美元: the recipient is no measure
    if after and before_raw.endswith("的"):
        return after, before_raw  # 利用政府划拨的11亩土地: what precedes 的 modifies the noun after
    if via_de and before and not before_verbs_only and _REACH_RE.search(before_raw):
        return before, before_raw  # 申请量突破|100万件的国家: the noun after 的 is what reached it
    if (
        kind == "count" and after and before_adjacent and not via_de and _opens_with_verb(text, fig_end, clause_limit)
        and not _opens_with_verb(text, bs, be, anywhere=True)  # 导致全球|3200多万人死亡: a predicate, no subject
    ):
        return before, before_raw  # 高校师生代表260多人|聆听报告: the noun right before; a predicate after
    if after and (
        via_de or bound or kind == "count" or not before or before_verbs_only or takes_object or verb_before
    ):
        return after, before_raw
    if before_verbs_only and not any(w[2] in figure_words.VERBAL for w in _words(text, bs, be)):
        return _MODIFIERS_ONLY + before, before_raw
    return before or after, before_raw


# ---------------------------------------------------------------- period

def _cn_small(s: str) -> int | None:
    v = numerals.parse_number(s)
    return int(v) if isinstance(v, (int, float)) and v == int(v) else None


def _month_end(year: int, month: int) -> str:
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _span(y1: int, m1: int, y2: int, m2: int) -> dict | None:
    try:
        return {"from": f"{y1:04d}-{m1:02d}-01", "to": _month_end(y2, m2)}
    except ValueError:
        return None


def _resolve_period(m: re.Match, published: date | None) -> dict | None:
    if m.group("plan"):
        n = _cn_small(m.group("plann")[:-1])  # 十四五 → the 14th plan
        if n is None:
            return None
        first = 1966 + 5 * (n - 3)  # 三五 began in 1966; 十四五 = 2021–2025
        if m.group("planyrs"):
            k = _cn_small(m.group("planyrs"))
            return _span(first, 1, first + k - 1, 12) if k else None
        if m.group().endswith("以来") and published:
            return {"from": f"{first}-01-01", "to": published.isoformat()}
        return _span(first, 1, first + 4, 12)
    if m.group("y"):
        y = int(m.group("y"))
        if m.group("m1"):
            return _span(y, int(m.group("m1")), y, int(m.group("m2")))
        if m.group("m"):
            mm = int(m.group("m"))
            if m.group("since"):
                return {"from": f"{y:04d}-{mm:02d}-01", "to": published.isoformat()} if published else None
            return _span(y, mm, y, mm)
        if m.group("since"):
            return {"from": f"{y:04d}-01-01", "to": published.isoformat()} if published else None
        return _span(y, 1, y, 12)
    if published is None:
        return None
    if m.group("rel"):
        y = published.year + _REL_YEARS[m.group("rel")]
        if m.group("rm1"):
            return _span(y, int(m.group("rm1")), y, int(m.group("rm2")))
        if m.group("rm"):
            return _span(y, int(m.group("rm")), y, int(m.group("rm")))
        if y == published.year:
            return {"from": f"{y}-01-01", "to": published.isoformat()}
        return _span(y, 1, y, 12)
    if m.group("nyrs"):
        n = _cn_small(m.group("nyrs"))
        return _span(published.year - n, 1, published.year - 1, 12) if n else None
    if m.group("nago"):
        n = _cn_small(m.group("nago"))
        return {"from": f"{published.year - n}-01-01", "to": published.isoformat()} if n else None
    return None


def _parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- annotate

def _boundaries(regex: re.Pattern, text: str) -> list[int]:
    return [m.start() for m in regex.finditer(text)]


def _start_of(bounds: list[int], pos: int) -> int:
    i = bisect.bisect_left(bounds, pos) - 1
    return bounds[i] + 1 if i >= 0 else 0


def _end_of(bounds: list[int], pos: int, n: int) -> int:
    i = bisect.bisect_left(bounds, pos)
    return bounds[i] if i < len(bounds) else n


def find_figures(text: str, published: str | None = None) -> list[Figure]:
    """All figures in `text`, in order, each with offsets into `text`."""
    pub = _parse_published(published)
    candidates = _candidates(text)
    first = next(candidates, None)
    if first is None:
        # no figure (a third of the articles): skip the sentence, clause and
        # period scans, which cost more than looking for figures
        return []
    sentences = _boundaries(_SENTENCE_RE, text)
    clauses = _boundaries(_CLAUSE_RE, text)
    periods = list(finditer_from(PERIOD_RE, _PERIOD_FIRST_RE, text))
    period_starts = [p.start() for p in periods]
    figures: list[Figure] = []
    last_sentence = -1
    last_indicator = None
    prev_end = 0
    placed: list[tuple[int, int]] = []  # (clause start, sentence start) of each figure
    for start, end, ftext, value, value_max, unit, qualifier, kind in itertools.chain((first,), candidates):
        s_start = _start_of(sentences, start)
        c_start = _start_of(clauses, start)
        c_end = _end_of(clauses, end, len(text))
        if s_start != last_sentence:
            last_indicator = None
            last_sentence = s_start
        indicator, before_raw = _indicator(
            text, start, end, c_start, prev_end if prev_end > c_start else c_start, c_end, unit.split("/")[0], kind
        )
        if kind in ("percent", "fraction") and _SUBJECTLESS_SHARE_RE.match(text, c_start, start):
            indicator = _subject_before(text, clauses, c_start, s_start, figures) or indicator
        if last_indicator and figures and figures[-1].unit == unit and _FROM_TO_RE.fullmatch(text, figures[-1].end, start):
            indicator = last_indicator  # 由52%扩展到65%: the second end of a change measures what the first did
        if indicator.startswith(_MODIFIERS_ONLY):
            indicator = last_indicator or indicator[len(_MODIFIERS_ONLY):]
        # Percentages after a change verb with nothing before them ("同比下降22.1%")
        # measure what the sentence's previous figure measured.
        if not indicator and last_indicator:
            indicator = last_indicator
        if indicator:
            last_indicator = indicator
        fig = Figure(
            text=ftext, value=value, unit=unit, start=start, end=end, qualifier=qualifier,
            value_max=value_max,
        )
        if indicator:
            i_start = text.rfind(indicator, s_start, start)
            if i_start < 0:
                i_start = text.find(indicator, end, c_end + 1)
            fig.indicator = indicator
            if i_start >= 0:
                fig.indicator_start, fig.indicator_end = i_start, i_start + len(indicator)
        # The period: the last time expression in the sentence before the number.
        i = bisect.bisect_left(period_starts, start) - 1
        while i >= 0 and periods[i].start() >= s_start:
            p = periods[i]
            if p.end() <= start:
                fig.period = p.group()
                rng = _resolve_period(p, pub)
                if p.group("same") and rng is None:
                    # 当月: the month the article named last ("2025年12月…。当月,…").
                    for q in reversed(periods[:i]):
                        if q.group("y") and q.group("m"):
                            rng = _resolve_period(q, pub)
                            break
                fig.period_range = rng
                break
            i -= 1
        ch = CHANGE_RE.search(before_raw)
        if ch:
            fig.change = ch.group()
        cmp_ = COMPARISON_RE.search(before_raw)
        if cmp_:
            fig.comparison = cmp_.group()
        figures.append(fig)
        placed.append((c_start, s_start))
        prev_end = end
    _assign_respectively(text, figures, placed, clauses)
    _share_noun_after(text, figures)
    return figures


# A share whose clause opens with 占 ("…，占总人口的18.1%") measures the subject of the
# clause before it ("我国60周岁及以上人口达2.54亿"): the phrase there before its first
# linking verb. Only when that clause holds no figure: after a figure ("共查处问题119418起，
# 占查处的…问题总数的84.7%") the development gold names the whole (Y) instead.
_SUBJECTLESS_SHARE_RE = re.compile(r"(?:仅|已|均|约|则)?(?:占|约占|占到)")
_SUBJECT_END_RE = re.compile(r"(?:仍|已|均|则|约|也)?(?:是|为|达到|达|超过|突破|约|近)")


def _subject_before(text: str, clauses: list[int], c_start: int, s_start: int, figures: list[Figure]) -> str:
    """The subject of the clause before `c_start` in the same sentence, or ""."""
    if c_start - 1 <= s_start:
        return ""
    p_start = _start_of(clauses, c_start - 1)
    if any(p_start <= f.start < c_start and _unit_kind(f.unit) != "age" for f in figures):
        return ""  # an age (60周岁及以上人口) qualifies the subject; it is not its measure
    m = _SUBJECT_END_RE.search(text, p_start, c_start - 1)
    if not m or m.start() == p_start:
        return ""
    subject = _trim_before(text[p_start : m.start()])
    return subject if subject and text.find(subject, p_start, m.start()) >= 0 else ""


# A conjunction closing the phrase before a figure: what precedes it belongs to the figure before.
_LIST_CONJ = ("和", "及", "与", "、", "或")

# Between the two ends of a change ("由52%扩展到65%", "从1200人扩充至3500人"): a verb of one
# to four characters, 到/至, and perhaps the year of the second end.
_FROM_TO_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:到|至)(?:(?:19|20)\d{2}年(?:底|末)?的?)?")

# What may stand between two figures of one list: "5000米、6000米、8000米成年驼…".
_LIST_GLUE = frozenset({"、", "和", "及", "与", "或", "至", "到"})  # 至/到: a range written twice (5年至15年…蓝图)


def _share_noun_after(text: str, figures: list[Figure]) -> None:
    """"5000米、6000米、8000米成年驼场地速度赛": the noun after the last figure of
    a list, in the same unit, is what every figure of the list measures (the
    earlier ones have nothing after them but the 、)."""
    i = 0
    while i < len(figures):
        j = i
        while (
            j + 1 < len(figures)
            and text[figures[j].end : figures[j + 1].start] in _LIST_GLUE
            and figures[j + 1].unit == figures[i].unit
        ):
            j += 1
        last = figures[j]
        if j > i and last.indicator and last.indicator_start is not None and last.indicator_start >= last.end:
            for f in figures[i:j]:
                f.indicator = last.indicator
                f.indicator_start, f.indicator_end = last.indicator_start, last.indicator_end
        i = j + 1


def _list_items(segment: str, k: int) -> list[str] | None:
    items = [_strip_edges(x) for x in _TIME_WORD_RE.sub("", segment).split("、")]
    if len(items) != k or any(not 2 <= len(x) <= MAX_INDICATOR_CHARS for x in items):
        return None
    items[0] = items[0].rsplit("的", 1)[-1] if len(items[0].rsplit("的", 1)[-1]) >= 2 else items[0]
    return items


def _assign_respectively(text: str, figures: list[Figure], placed, clauses) -> None:
    """"A、B、C3类问题,分别占…的54.5%、22.3%、12.1%": the k-th figure after 分别
    measures the k-th item of the list the sentence named before."""
    i = 0
    while i < len(figures):
        c_start, s_start = placed[i]
        j = i
        while j + 1 < len(figures) and placed[j + 1][0] == c_start:
            j += 1
        k = j - i + 1
        head = text[c_start:figures[i].start]
        if k >= 2 and "分别" in head:
            segments = [head[: head.index("分别")]]
            if c_start - 1 > s_start and not _strip_edges(segments[0]):
                p_start = _start_of(clauses, c_start - 1)
                seg_end = c_start - 1
                for f in figures[:i]:
                    if p_start <= f.start < seg_end:
                        seg_end = f.start
                        break
                segments.append(text[p_start:seg_end])
            for seg in segments:
                items = _list_items(seg, k)
                if items:
                    for f, item in zip(figures[i : j + 1], items):
                        f.indicator = item
                        at = text.rfind(item, s_start, f.start)
                        f.indicator_start, f.indicator_end = (at, at + len(item)) if at >= 0 else (None, None)
                    break
        i = j + 1


def annotate(article: Article, ctx: Context) -> None:
    """Append the article's figures (numbers with units) to `article.figures`."""
    if not article.text:
        return
    article.figures.extend(find_figures(article.text, ctx.published if ctx else None))
