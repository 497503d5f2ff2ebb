"""Does a run of heading lines start a new article, or head a section inside one?

The layout rules used to start an article at a heading only after one that had a
dateline or a closing credit, so on pages without them (commentary, features,
theory pages, text copied from databases) five articles came out as two. The
decision is learned instead: a logistic model over features of the heading run,
the article being assembled and the lines after it, with the old rule's verdict
as one feature among them. It is trained by `zhnews/line_roles_train.py` on
synthetic pages built from real articles whose structure is known (never the
held-out pages); the weights live in `models/article_start.json`.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "models" / "article_start.json"

LEAD_DATE_RE = re.compile(r"^(?:[^，。]{0,12})?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日")
LEAD_TIME_RE = re.compile(r"^(?:近日|日前|今天|昨天|昨日|今年|当天|目前|近年来|记者从)")
EVENT_VERBS_RE = re.compile(r"会见|会谈|主持|召开|举行|出席|考察|调研|发布|签署|致信|致电|通电话|强调|指出|开幕|闭幕")
RUBRIC_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]")
ENUM_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|第[一二三四五六七八九十\d]+[部分章节条计个])")
GAP_RE = re.compile(r"[ \u3000\xa0]")
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
    "cur_sections_equal_len",  # a heading as long as the last section heading: a series of sections
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
)


def _log(n: int) -> float:
    return math.log1p(n) / 5.0


def features(units, i: int, j: int, nxt: int, cur, rule_new: bool, tagged: bool) -> list[float]:
    """Features of the heading run units[i:j] whose body starts at units[nxt],
    with `cur` the draft being assembled (None at the top of the page)."""
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
    f["event_verb"] = float(any(EVENT_VERBS_RE.search(units[k].text) for k in range(i, j)))
    f["quote_or_title_marks"] = float(any(ch in head for ch in "“《"))
    f["ends_exclaim_question"] = float(head.rstrip()[-1:] in "！？!?")
    if nxt < len(units):
        body = units[nxt].text
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
        f["cur_sections_equal_len"] = float(bool(sections) and abs(len(sections[-1]) - len(head)) <= 2)
        if not sections:
            f["no_sections_long"] = f["cur_chars_log"]
            f["first_section_early"] = float(len(cur.paragraphs) <= 2)
        if cur.heads:
            f["head_ratio"] = min(len(head) / max(len(cur.heads[0].text), 1), 3.0) / 3.0
        if cur.paragraphs:
            last = cur.paragraphs[-1][-1].text.rstrip()
            f["prev_author_note"] = float(bool(AUTHOR_NOTE_RE.search(last)))
            f["prev_ends_closer"] = float(last[-1:] in "）)”")
    return [f[name] for name in FEATURES]


@lru_cache(maxsize=1)
def _model() -> tuple[list[float], float] | None:
    try:
        doc = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if tuple(doc["features"]) != FEATURES:
        raise RuntimeError(f"{MODEL_PATH.name} was trained on other features; run python -m zhnews.line_roles_train")
    return doc["weights"], doc["threshold"]


def probability(x: list[float], weights: list[float]) -> float:
    z = sum(a * b for a, b in zip(x, weights))
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def starts_article(x: list[float], rule_new: bool) -> bool:
    """The rule where it fires (a dateline or credit closed the article before:
    it is right on every page we measured); the model where it does not."""
    if rule_new:
        return True
    m = _model()
    if m is None:
        return False
    weights, threshold = m
    return probability(x, weights) >= threshold
