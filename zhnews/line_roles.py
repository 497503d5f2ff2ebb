"""Line roles the layout rules cannot settle alone, learned from real articles.

Two decisions: whether a run of heading lines starts a new article or heads a
section inside one (`starts_article`), and whether a short line without a full
stop is a heading or the first piece of a paragraph a printed column cut
(`continues_across`).

The layout rules used to start an article at a heading only after one that had a
dateline or a closing credit, so on pages without them (commentary, features,
theory pages, text copied from databases) five articles came out as two. The
decision is learned instead: a logistic model (with a few shallow boosted trees
over its margin, `start_probability`) over features of the heading run,
the article being assembled and the lines after it, with the old rule's verdict
as one feature among them. It is trained by `zhnews/line_roles_train.py` on
synthetic pages built from real articles whose structure is known (never the
held-out pages); the weights live in `models/article_start.json`.
"""

from __future__ import annotations

import json
import math
import operator
from . import recache as re
from collections import Counter
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "models" / "article_start.json"
CONTINUATION_PATH = Path(__file__).resolve().parent / "models" / "continuation.json"

LEAD_DATE_RE = re.compile(r"^(?:[^，。]{0,12})?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日")
LEAD_TIME_RE = re.compile(r"^(?:近日|日前|今天|昨天|昨日|今年|当天|目前|近年来|记者从)")
EVENT_VERBS_RE = re.compile(r"会见|会谈|主持|召开|举行|出席|考察|调研|发布|签署|致信|致电|通电话|强调|指出|开幕|闭幕")
RUBRIC_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")
ENUM_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|第[一二三四五六七八九十\d]+[部分章节条计个])")
GAP_RE = re.compile(r"[ \u3000\xa0]")
TAG_END_RE = re.compile(r"[（(][^（）()。，,]{2,64}[）)]$")
# A column rubric in brackets opening a headline ("【“十四五”新词典】“全面促进消费”").
BRACKET_RUBRIC_RE = re.compile(r"^【[^【】]{2,16}】(?=.)")
AUTHOR_NOTE_RE = re.compile(r"[（(](?:作者|本文作者)[^（）()]{2,60}[）)]$")

FEATURES = (
    "bias",
    "rule_new",             # the old rule: the current article had a dateline/credit, or a tagged headline
    "cur_dated", "cur_closed", "cur_has_heads", "tagged",
    "enum",                 # 一、 / （二） / 第3计: sections
    "run_units",            # how many heading lines stand together (kicker + headline + subheadline)
    "head_len",             # characters of the first heading line (scaled)
    "head_len_gt_18",
    "head_ratio",           # its length over the current article's headline length
    "cur_paras_log",        # how much the current article already holds
    "cur_chars_log",
    "cur_sections",         # section headings the current article already had
    "parallel_to_section",  # a heading parallel to the article's last section heading (`parallel`): a series
    "no_sections_long",     # a long article with no section so far: a heading now more likely starts the next
    "first_section_early",  # few paragraphs since the headline: a first section heading comes early
    "has_gap",              # "…会议召开 某某提出要求": two parts on one line
    "has_colon_prefix",     # "评论员观察：…", "国台办：…"
    "event_verb",           # 会见 / 主持 / 召开…: leadership-news headlines
    "quote_or_title_marks",  # “…” 《…》
    "ends_exclaim_question",
    "next_lead_date",       # the body opens "12月8日，…" as news leads do
    "next_lead_time",       # 近日 / 日前 / 记者从 …
    "next_long",            # the next body paragraph is long (scaled)
    "prev_author_note",     # the paragraph before ended with "（作者为…）": an article ended
    "prev_ends_closer",     # the paragraph before ended with a bracket or quote close
    # Topic: a section heading shares words with the article around it; a new
    # article's headline shares them with the body below it and not above.
    "head_in_cur",          # share of the heading's character pairs found in the current article
    "head_in_next",         # …found in the paragraphs right below it
    "cur_head_in_next",     # share of the current headline's pairs found below: the same story goes on
    "cur_tagged",           # the current article's headline carries a rubric tag (……（深阅读）): a feature,
                            # which has section headings
    "next_in_cur",          # share of the paragraphs' pairs below the heading already in the current article:
                            # a section goes on with its article's people, places and things
    "indented_page",        # the page marks paragraphs by indents and wraps lines (text copied from print):
                            # a line is a piece of a paragraph, lengths and counts read otherwise
    "sibling_below",        # a heading of the same shape and length stands a few paragraphs below: sections
                            # come in parallel series (智慧旅游增动能，服务品质再升级 / 全域旅游展新貌，产业振兴动力足)
    "breaks_series",        # the current article's last two section headings are a parallel series and this
                            # heading is not of it: a feature's sections (鼓励不同区域，进行差别化试点 / 从焦点难点中，
                            # 寻找试点切入点) end, the next article's headline (立足新起点 推进……) begins
    "unlike_sections",      # share of the current article's section headings typeset otherwise (a gap, a comma,
                            # a closing ？/！: `_typeset`): a feature's sections are written alike, the next
                            # article's headline is not of them (稳面积、稳产量，把粮食安全抓在手里 / …, then
                            # 促进经济社会发展全面绿色转型; 鼓励不同区域，… then 如何理解“提高社会文明程度”？)
    "len_off_sections",     # how far its length is from the sections' mean length (scaled, capped)
    # A feature's first section heading (no section before it to be parallel to): its
    # paragraphs go on with the article's own recurring words, and the heading often
    # takes words of the article's headline (长三角一家人 / 家人般的温暖; 为“十五五”美丽中国
    # 建设开好局起好步 / 持续推进美丽中国先行区建设); a new article's lead brings other ones.
    "topic_below",          # share of the current article's recurring character pairs found below the heading
    "head_in_headline",     # share of the heading's character pairs found in the current article's headline
    # An article does not end on a question, a colon or a dash: a feature's lead that
    # closes "……如何保护好长江生态？" or "……提出防范应对举措——" goes on under the heading that
    # follows (为飞鸟建“屏障之桥”，在长江桥梁建设中尚属首次 is a section, not the next article).
    "prev_ends_open",
    # A heading below written as this one across one comma (`comma_parallel`: as long, the
    # comma at the same place): sections come in such series (智慧旅游增动能，服务品质再升级 /
    # 全域旅游展新貌，产业振兴动力足), a page's headlines seldom do.
    "comma_sibling_below",
)
# How the paragraph before a heading run ends when the text goes on below it (`prev_ends_open`).
OPEN_ENDS = ("？", "?", "：", ":", "——")
# How far below a heading a parallel one counts (units: paragraphs or their column-cut pieces).
SIBLING_LOOKAHEAD = 30
# Lengths within this many characters are parallel.
SIBLING_LEN_DIFF = 2

# The current article's topic words (`topic_below`): its character pairs found at
# least TOPIC_MIN_COUNT times in its headline and text (`_story_text`), at most
# TOPIC_WORDS of the most frequent; one use is any pair, twice is a word it is about.
TOPIC_MIN_COUNT = 2
TOPIC_WORDS = 20

# Paragraphs below a heading read for its topic: the lead and a little more.
TOPIC_NEXT_UNITS = 3
# Characters of the current article read for its topic: its end is what a
# section heading follows; a cap keeps long articles cheap.
TOPIC_CUR_CHARS = 3000
# Characters below a heading whose pairs are looked up in the current article
# (`next_in_cur`): the lead's opening names its people and places; a cap keeps it cheap.
TOPIC_BELOW_CHARS = 200


def _log(n: int) -> float:
    return math.log1p(n) / 5.0


# Runs of Han characters: a pair is two adjacent characters of one run. Pairs are
# made run by run with map(operator.add), in C: the topic features read up to
# TOPIC_CUR_CHARS characters for every heading the rules leave open.
HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,}")
HAN_PAIR_RE = re.compile(r"[\u4e00-\u9fff]{2}")


# On a page hard-wrapped at one column measure (`layout.column_measure`) a unit is a printed
# line, not a paragraph: what lies below a heading is read paragraph by paragraph there, a
# paragraph ending at a line that ends a sentence, at most MAX_BELOW_UNITS lines on, so the
# model sees what it was trained on (pages of whole paragraphs). Read line by line, a page
# wrapped at ten characters showed it three lines of ten below each heading: a short lead
# sharing no words with the article, and the sections of a wire story started articles.
MAX_BELOW_UNITS = 30
SENTENCE_END_CHARS = "。！？!?…"
CLOSING_MARKS = "”’」』）)"


def below_text(units, nxt: int, paragraphs: int, wrapped: bool) -> str:
    """The text of the `paragraphs` units from units[nxt] (text units only), or on a
    `wrapped` page of as many paragraphs."""
    if not wrapped:
        return "".join(u.text for u in units[nxt:nxt + paragraphs] if u.kind == "text")
    out, ends = [], 0
    for u in units[nxt:nxt + MAX_BELOW_UNITS]:
        if u.kind != "text":
            continue
        out.append(u.text)
        if u.text.rstrip().rstrip(CLOSING_MARKS)[-1:] in SENTENCE_END_CHARS:
            ends += 1
            if ends >= paragraphs:
                break
    return "".join(out)


def _pairs(text: str) -> set[str]:
    """Adjacent Han character pairs: words, without a segmenter."""
    out: set[str] = set()
    for run in HAN_RUN_RE.findall(text):
        out.update(map(operator.add, run, run[1:]))
    return out


def _share(pairs: set[str], text: str) -> float:
    return sum(map(text.__contains__, pairs)) / len(pairs) if pairs else 0.0


def _share_in(pairs: set[str], found) -> float:
    """`_share` against a text's pairs made once (`found`: a set or a Counter of
    them): a Han pair is in a text exactly when the text writes its two characters
    side by side, so the share is the same, without searching the text again for
    every pair of every feature."""
    return sum(map(found.__contains__, pairs)) / len(pairs) if pairs else 0.0


def _topic(f: dict, units, i: int, j: int, nxt: int, cur, wrapped: bool = False) -> None:
    """The topic features. The current article's text (up to TOPIC_CUR_CHARS) has
    its pairs counted once, and the text below the heading its pairs made once:
    every share below reads those."""
    head = _pairs("".join(units[k].text for k in range(i, j)))
    below = below_text(units, nxt, TOPIC_NEXT_UNITS, wrapped)
    below_pairs = _pairs(below)
    f["head_in_next"] = _share_in(head, below_pairs)
    if cur is not None:
        story = _pair_counts(_story_text(cur))
        headline = "".join(u.text for u in cur.heads)
        headline_pairs = _pairs(headline)
        f["next_in_cur"] = _share_in(_pairs(below[:TOPIC_BELOW_CHARS]), story)
        f["head_in_cur"] = _share_in(head, story)
        f["cur_head_in_next"] = _share_in(headline_pairs, below_pairs)
        f["topic_below"] = _share_in(_recurring(story), below_pairs)
        f["head_in_headline"] = _share_in(head, headline_pairs)


def _pair_counts(text: str) -> Counter:
    """Every adjacent pair of `text` (Han or not) and how often it occurs, counted
    in one pass in C: this runs for every heading the rules leave open, on up to
    TOPIC_CUR_CHARS characters."""
    return Counter(map(operator.add, text, text[1:]))


def _topic_words(text: str) -> set[str]:
    """The TOPIC_WORDS Han character pairs most frequent in `text` (`_recurring`)."""
    return _recurring(_pair_counts(text))


def _recurring(counts: Counter) -> set[str]:
    """The TOPIC_WORDS Han pairs most frequent in `counts` (at least TOPIC_MIN_COUNT
    times; ties in character order). Only the frequent pairs are tested for being Han."""
    kept = {w: n for w, n in counts.items() if n >= TOPIC_MIN_COUNT and HAN_PAIR_RE.fullmatch(w)}
    if len(kept) <= TOPIC_WORDS:
        return set(kept)
    # all above the count of the last one taken, then as many of its ties as fit
    last = sorted(kept.values(), reverse=True)[TOPIC_WORDS - 1]
    above = {w for w, n in kept.items() if n > last}
    ties = sorted(w for w, n in kept.items() if n == last)
    return above.union(ties[:TOPIC_WORDS - len(above)])


def _story_text(cur) -> str:
    """The current article's headline and its last TOPIC_CUR_CHARS characters."""
    return "".join(u.text for u in cur.heads) + "".join(u.text for p in cur.paragraphs for u in p)[-TOPIC_CUR_CHARS:]


def same_story_below(units, nxt: int, cur, wrapped: bool = False) -> float:
    """Share of the current headline's character pairs found in the paragraphs
    below a heading run (`cur_head_in_next`): the same story goes on there."""
    below = below_text(units, nxt, TOPIC_NEXT_UNITS, wrapped)
    return _share(_pairs("".join(u.text for u in cur.heads)), below)


def heading_in_story(units, i: int, j: int, cur) -> float:
    """Share of the heading run's character pairs found in the current article
    (its headline and its last TOPIC_CUR_CHARS characters: `head_in_cur`)."""
    return _share(_pairs("".join(units[k].text for k in range(i, j))), _story_text(cur))


def series_headline(head: str, cur) -> float:
    """How much a heading line reads as the next headline of the current
    article's series: the smaller of the two shares of character pairs its text
    and a current headline line have in common, best over the headline's lines
    ("2019年中华人民共和国国务院政府工作报告" under "2022年……政府工作报告";
    "2020年3月10日外交部发言人耿爽主持例行记者会" under "2019年11月26日外交部发言人
    耿爽答记者问"), typeset alike; 1.0 when both open with the same bracketed
    column rubric (【“十四五”新词典】). A section heading takes some of its
    article's words, not its headline's whole shape."""
    a = _pairs(head)
    best = 0.0
    rubric = BRACKET_RUBRIC_RE.match(head.strip())
    for u in cur.heads:
        if rubric and u.text.strip().startswith(rubric.group(0)):
            return 1.0  # the same bracketed column rubric: 【“十四五”新词典】“……” under 【“十四五”新词典】“……”
        b = _pairs(u.text)
        # (typeset alike, too: no comma or gap in one that the other lacks — a column-cut
        # lead "2025年，上海公安出入境管理部门……" under "上海公安出入境管理部门推出……" is none)
        if a and b and _shape(head) == _shape(u.text):
            best = max(best, min(_share(a, u.text), _share(b, head)))
    return best


def _shape(text: str) -> tuple[bool, bool]:
    """A heading's typesetting: a gap, a comma."""
    t = text.strip()
    return bool(GAP_RE.search(t)), "，" in t or "," in t


def _typeset(text: str) -> tuple[bool, bool, bool]:
    """A heading's typesetting (`_shape`) and whether it closes on a question or an exclamation."""
    return _shape(text) + (text.rstrip()[-1:] in "！？!?",)


# Length difference from the sections' mean at which `len_off_sections` saturates.
SECTION_LEN_SPREAD = 12


def parallel(a: str, b: str) -> bool:
    """Two headings written as a series: as long (within SIBLING_LEN_DIFF) with
    the same gaps and commas (智慧旅游增动能，服务品质再升级 / 全域旅游展新貌，
    产业振兴动力足), ending on the same character (拉杆箱“退休”记 / 环境执法体检
    邀约记) or opening on the same two (“实”在因地制宜，… / “实”在坚持民生为大，…).
    (Plain headings of a like length count too, though a page's short articles
    have them: without them layout_dev fell .952 -> .940.)"""
    a, b = a.strip(), b.strip()
    return bool(a and b) and abs(len(a) - len(b)) <= SIBLING_LEN_DIFF and (
        _shape(a) == _shape(b) or a[-1] == b[-1] or a[:2] == b[:2])


# How far apart the commas of two lines may stand for them to be parallel (`comma_parallel`).
# 0: the same place. At 1 a column-cut lead ("在北京，“博物馆里跨年夜”活动一经") was taken
# for a sibling of its article's headline (这个元旦，在旅途中解锁冬日浪漫), layout_dev seed 11
# articles .951 -> .947.
COMMA_POS_DIFF = 0
# ...and at least this long: on a page printed in narrow columns (joins_dev "columns"), lines
# of ten characters are alike by chance ("此物岭南没有，朋友一" / "吃，连声称美。" was split).
MIN_COMMA_PARALLEL = 12


def _comma_at(text: str) -> int:
    return min((k for k in (text.find("，"), text.find(",")) if k >= 0), default=-1)


def comma_parallel(a: str, b: str) -> bool:
    """Two lines written as two phrases across one comma, alike: the same typesetting
    (`_shape`), as long (within SIBLING_LEN_DIFF) and the comma at the same place
    (COMMA_POS_DIFF): 鼓励不同区域，进行差别化试点 / 既要大胆探索，又要观照全局; 抓紧上线，
    第一时间聆听企业声音 / 保障供应，大型商超拿起数字化工具. A page's headings or an
    article's sections come so; a sentence a column cut seldom falls into that shape."""
    a, b = a.strip(), b.strip()
    ka, kb = _comma_at(a), _comma_at(b)
    return (ka > 0 and kb > 0 and min(len(a), len(b)) >= MIN_COMMA_PARALLEL and a.count("，") + a.count(",") == 1 and b.count("，") + b.count(",") == 1
            and abs(len(a) - len(b)) <= SIBLING_LEN_DIFF and abs(ka - kb) <= COMMA_POS_DIFF and _shape(a) == _shape(b))


# Characters before which a verb opens a clause of its own (`_event_verb`).
CLAUSE_OPENERS = "、，,：:；; \u3000“"


def _event_verb(text: str) -> bool:
    """An event verb with its subject before it, as leadership news headlines have one
    (王国生召开座谈会……, 习近平会见……, 国新办发布……). A verb opening the line or a
    clause of a list is a section heading's task, not an event (摸清“人力家底”、组织技能
    培训、发布用工需求 under 劳务经纪人，……（民生一线）: sections_dev dev split it off
    in every arrangement)."""
    t = text.strip()
    return any(m.start() > 0 and t[m.start() - 1] not in CLAUSE_OPENERS for m in EVENT_VERBS_RE.finditer(t))


def parallel_below(units, i: int, nxt: int, heading_line) -> bool:
    """A heading parallel to units[i] stands a few paragraphs below units[nxt]
    (`sibling_below`); `heading_line(k)` says whether units[k] is a heading line."""
    return any(parallel(units[i].text, units[k].text) and heading_line(k)
               for k in range(nxt + 1, min(nxt + SIBLING_LOOKAHEAD + 1, len(units))))


def features(units, i: int, j: int, nxt: int, cur, rule_new: bool, tagged: bool,
             heading_line=lambda k: False, indented_page: bool = False, wrapped: bool = False) -> list[float]:
    """Features of the heading run units[i:j] whose body starts at units[nxt],
    with `cur` the draft being assembled (None at the top of the page) and
    `heading_line(k)` whether units[k] is a heading-like line after a paragraph end;
    `wrapped`: the page is hard-wrapped at one column measure (`below_text`)."""
    head = units[i].text
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    f["rule_new"] = float(rule_new)
    f["tagged"] = float(tagged)
    f["enum"] = float(bool(ENUM_RE.match(head)))
    f["run_units"] = (j - i) / 3.0
    f["head_len"] = min(len(head), 60) / 30.0
    f["head_len_gt_18"] = float(len(head) > 18)
    f["has_gap"] = float(bool(GAP_RE.search(head.strip())))
    f["has_colon_prefix"] = float(bool(RUBRIC_PREFIX_RE.match(head)))
    f["event_verb"] = float(any(_event_verb(units[k].text) for k in range(i, j)))
    f["quote_or_title_marks"] = float(any(ch in head for ch in "“《"))
    f["ends_exclaim_question"] = float(head.rstrip()[-1:] in "！？!?")
    f["sibling_below"] = float(parallel_below(units, i, nxt, heading_line))
    f["comma_sibling_below"] = float(f["sibling_below"] > 0 and any(
        comma_parallel(head, units[k].text) and heading_line(k)
        for k in range(nxt + 1, min(nxt + SIBLING_LOOKAHEAD + 1, len(units)))))
    f["indented_page"] = float(indented_page)
    if nxt < len(units):
        body = below_text(units, nxt, 1, wrapped) if wrapped and units[nxt].kind == "text" else units[nxt].text
        f["next_lead_date"] = float(bool(LEAD_DATE_RE.match(body)))
        f["next_lead_time"] = float(bool(LEAD_TIME_RE.match(body)))
        f["next_long"] = min(len(body), 300) / 150.0
    if cur is not None:
        f["cur_dated"] = float(cur.dated)
        f["cur_closed"] = float(cur.closed)
        f["cur_has_heads"] = float(bool(cur.heads))
        f["cur_paras_log"] = _log(len(cur.paragraphs))
        f["cur_chars_log"] = _log(sum(u.end - u.start for p in cur.paragraphs for u in p))
        sections = [p[0].text for p, h in zip(cur.paragraphs, cur.heading_flags) if h]
        f["cur_sections"] = min(len(sections), 4) / 4.0
        f["parallel_to_section"] = float(bool(sections) and parallel(sections[-1], head))
        f["breaks_series"] = float(len(sections) >= 2 and parallel(sections[-2], sections[-1])
                                   and not parallel(sections[-1], head))
        f["cur_tagged"] = float(any(TAG_END_RE.search(u.text.strip()) for u in cur.heads))
        if sections:
            shape = _typeset(head)
            f["unlike_sections"] = sum(_typeset(t) != shape for t in sections) / len(sections)
            mean = sum(len(t.strip()) for t in sections) / len(sections)
            f["len_off_sections"] = min(abs(len(head.strip()) - mean), SECTION_LEN_SPREAD) / SECTION_LEN_SPREAD
        if not sections:
            f["no_sections_long"] = f["cur_chars_log"]
            f["first_section_early"] = float(len(cur.paragraphs) <= 2)
        if cur.heads:
            f["head_ratio"] = min(len(head) / max(len(cur.heads[0].text), 1), 3.0) / 3.0
        if cur.paragraphs:
            last = cur.paragraphs[-1][-1].text.rstrip()
            f["prev_author_note"] = float(bool(AUTHOR_NOTE_RE.search(last)))
            f["prev_ends_closer"] = float(last[-1:] in "）)”")
            f["prev_ends_open"] = float(not cur.heading_flags[-1] and last.endswith(OPEN_ENDS))
    _topic(f, units, i, j, nxt, cur, wrapped)
    return [f[name] for name in FEATURES]


@lru_cache(maxsize=None)
def _load(path: Path, names: tuple[str, ...]) -> tuple[list[float], float] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if tuple(doc["features"]) != names:
        raise RuntimeError(f"{path.name} was trained on other features; run python -m zhnews.line_roles_train")
    return doc["weights"], doc["threshold"]


def _model() -> tuple[list[float], float] | None:
    return _load(MODEL_PATH, FEATURES)


# ------------------------------------------------------------------ continuation

LEAD_OPEN_RE = re.compile(r"^(?:\d{1,2}月|\d{4}年|[一二三四五六七八九十]{1,3}月|近日|日前|今天|昨天|昨日|今年|当天|目前|记者|据|本报|新华社|“)")
ENUM_END_RE = re.compile(r"[一二三四五六七八九十\d][、．.]")
SURE_CONTINUATION = 0.8  # above this the model alone decides a join (chosen on the examples and the rmrb synthetic pages)
DEFAULT_INITIAL = 30      # per mille: a character the corpora rarely saw opens a sentence about as often as average
DEFAULT_TITLE_LIFT = 100  # lift x100: no evidence either way

CONTINUATION_FEATURES = (
    "bias",
    "pair_in_list",          # the rules' evidence: a pair running text writes together
    "next_initial",          # how often the next line's first character opens a sentence
    "prev_title_lift",       # how much more often headlines end on the line's last character
    "word_across",           # the best segmentation puts a word across the break
    "clean_boundary",        # words of two or more characters end and start at the break
    "prev_len", "prev_short",
    "prev_has_comma",
    "prev_ends_closer",      # ” ） 》: a quoted or bracketed title ends there
    "next_len", "next_ends_sentence",
    "next_lead_open",        # 12月8日 / 近日 / 记者 / 据 …: a news lead begins
    "prev_enum",             # 一、 （二）: a section heading
    "below_heading",         # the line stands right under a heading: a subheadline's place
    "next_heading",          # the next line is heading-like too (no sentence): a stack of heading
                             # lines (kicker/headline/subheadline, section title); a cut's second
                             # piece ends a sentence
)


@lru_cache(maxsize=1)
def _char_stats() -> dict[str, tuple[int, int]]:
    from .lexicon import load_table

    return {row[0]: (int(row[2]), int(row[3])) for row in load_table("char_stats.tsv")}


def continuation_features(prev_text: str, next_text: str, pair_in_list: bool, below_heading: bool,
                          next_heading: bool = False) -> list[float]:
    from . import figure_words

    stats = _char_stats()
    f = dict.fromkeys(CONTINUATION_FEATURES, 0.0)
    f["bias"] = 1.0
    f["pair_in_list"] = float(pair_in_list)
    f["next_initial"] = math.log1p(stats.get(next_text[:1], (DEFAULT_INITIAL, 0))[0]) / 5.0
    f["prev_title_lift"] = math.log1p(stats.get(prev_text[-1:], (0, DEFAULT_TITLE_LIFT))[1]) / 5.0
    a, b = prev_text[-4:], next_text[:4]
    words = figure_words.segment(a + b)
    f["word_across"] = float(any(s < len(a) < e for s, e in words))
    f["clean_boundary"] = float(any(e == len(a) and e - s >= 2 for s, e in words)
                                and any(s == len(a) and e - s >= 2 for s, e in words))
    f["prev_len"] = min(len(prev_text), 40) / 20.0
    f["prev_short"] = float(len(prev_text) <= 8)
    f["prev_has_comma"] = float("，" in prev_text or "," in prev_text)
    f["prev_ends_closer"] = float(prev_text[-1:] in "”）)》」")
    f["next_len"] = min(len(next_text), 300) / 150.0
    f["next_ends_sentence"] = float(next_text.rstrip()[-1:] in "。！？!?”")
    f["next_lead_open"] = float(bool(LEAD_OPEN_RE.match(next_text)))
    f["prev_enum"] = float(bool(ENUM_RE.match(prev_text)))
    f["below_heading"] = float(below_heading)
    f["next_heading"] = float(next_heading)
    return [f[name] for name in CONTINUATION_FEATURES]


# Marks of a sentence rather than a heading in a line the model leans to join: a
# personal pronoun (我国 is a headline's word), an aspect particle, a verb of saying,
# a list of three or more (甲、乙、丙), a photo's position note ("赵静（左）给游客").
# On the continuation model's training rows (synthetic pages, first arrangement) the
# lines it joins at p in [threshold, SURE_CONTINUATION) without the break's evidence
# were 96 cuts and 105 headings; 40 of the cuts and none of the headings have one.
# Of the 786 kicker, headline and subheadline lines of news-unlabeled.jsonl (without
# the held-out articles) and rmrb-2026-01, 17 do, most inside a quotation ("“雪具也能寄快递，
# 方便多了”": headlines quote speech, so what is quoted is not read; with it read, that
# headline of layout_synthetic was joined into its body), and the model must lean to a
# join as well for the mark to count.
SENTENCE_MARK_RE = re.compile(r"我(?!国)|[你她它]|他(?![国乡])|[了着](?!力)|说|、[^、，,]*、|[（(][左右中前后][一二三四五六七八九]?[）)]")
QUOTED_RE = re.compile(r"“[^“”]*”?")


def continues_across(x: list[float], pair_in_list: bool, sure_alone: bool = True, prev_text: str = "") -> bool:
    """The model's verdict on a heading-like line; the pair list's without a model.
    With `sure_alone` false even a sure model needs the break's evidence. `prev_text`,
    the line itself, may carry that evidence too (SENTENCE_MARK_RE)."""
    m = _load(CONTINUATION_PATH, CONTINUATION_FEATURES)
    if m is None:
        return pair_in_list
    weights, threshold = m
    p = probability(x, weights)
    # A line below that opens the way a news lead does (12月8日 / 近日 / 据 / “…) takes
    # away the model's sureness: on the training pages 8 of the 9 sure joins
    # without the break's evidence into such a line were a headline over its body
    # (打通物流堵点，政策扶持要明确细则 / “现在我们的客户还是比较着急的。”……).
    if p >= SURE_CONTINUATION and sure_alone and not x[CONTINUATION_FEATURES.index("next_lead_open")]:
        return True
    # Below that, a join also needs the break itself to say so: a pair running
    # text writes together, or a word across it. (A subheadline reads like a
    # clause; what the model sees of it alone joined one into its body.)
    evidence = x[CONTINUATION_FEATURES.index("pair_in_list")] or x[CONTINUATION_FEATURES.index("word_across")] \
        or SENTENCE_MARK_RE.search(QUOTED_RE.sub("", prev_text))
    return p >= threshold and bool(evidence)


def probability(x: list[float], weights: list[float], margin: float = 0.0) -> float:
    """The logistic model's probability; `margin` is added to its score (the trees' correction)."""
    z = sum(a * b for a, b in zip(x, weights)) + margin
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=None)
def _trees(path: Path) -> tuple:
    """The boosted trees of a model file (`trees`: none in a file without them)."""
    try:
        return tuple(json.loads(path.read_text(encoding="utf-8")).get("trees", ()))
    except FileNotFoundError:
        return ()


def tree_margin(x: list[float], trees) -> float:
    """The sum of the trees' leaves for `x`: a node is [feature index, threshold,
    the node where x[feature] <= threshold, the node where it is above], a leaf a number."""
    z = 0.0
    for node in trees:
        while not isinstance(node, (int, float)):
            node = node[2] if x[node[0]] <= node[1] else node[3]
        z += node
    return z


def start_probability(x: list[float], weights: list[float]) -> float:
    """The article-start model's probability: the logistic margin, corrected by the
    shallow boosted trees fitted on its residuals (`line_roles_train.fit_trees`), which
    read the features together where the linear model reads each alone."""
    return start_probability_with(x, weights, _trees(MODEL_PATH))


def start_probability_with(x: list[float], weights: list[float], trees) -> float:
    return probability(x, weights, tree_margin(x, trees))


def starts_article(x: list[float] | None, rule_new: bool) -> bool:
    """The rule where it fires (a dateline or credit closed the article before:
    it is right on every page we measured); the model where it does not (`x` may
    be None where the rule fires: layout makes the features only for the model)."""
    if rule_new:
        return True
    m = _model()
    if m is None:
        return False
    weights, threshold = m
    return start_probability(x, weights) >= threshold
