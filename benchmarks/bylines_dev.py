"""Bylines on hand-annotated lines of unseen articles: datelines, credits, author notes.

The held-out pages score bylines per article, 59 of them; this set looks at the
byline lines themselves, many more of them and of every shape the corpora
print: datelines with their bracketed credit (本报讯（记者 杨猛 左超）,
新华社北京1月5日电（记者…）, 本报乌鲁木齐12月7日讯 全媒体记者姚彤、王兴瑞报道：),
closing credits ((本报记者 X 本报通讯员 Y), （新华社北京1月1日电 记者X、Y）),
write-up notes （作者为…，本报记者X采访整理）, （X参与采写）, section credits
(本报记者 李晋荣), 新华社's 记者：王希、高亢, and lines that look like credits and
are not (记者：… as an interview's question label, ■记者手记, 本版责编：…, 记者来到…).

The records come from ../shared/data (news-unlabeled.jsonl, all eight genres,
and rmrb-2026-01-unlabeled.jsonl), leaving out every record a held-out page was
built from (orgs_recall.heldout_tails()). A record is picked when one of its
paragraphs looks like a byline line (CANDIDATE rules below); every such line of
a picked record was annotated by reading it (benchmarks/bylines_dev_gold.jsonl:
reporters, correspondents, outlet, place, dateline, date), before zhnews read
any of them. Records are split dev/check by a seeded shuffle: rules are written
from the dev half; the check half is read as totals only.

Two readings are scored:
  line     each line alone, as the layout reads it: a dateline (match_dateline /
           match_filed_from) with its credit, else a closing credit or author note
           (parse_closing_credit / parse_author_note), else a credit glued to the
           end of a paragraph (TRAILING_CREDIT_RE).
  context  the record laid out as a page the way the held-out builder lays one out
           (benchmarks/heldout/build_pages.render: title, paragraphs, some cut at a
           column end; RENDERS layouts of each record, each with its own cuts) and read
           by `extract_text`; the byline of the page's articles against the union of the
           record's annotated lines.
  page     records of one genre laid out PAGE_ARTICLES to a page, as the held-out pages
           are, and read; each record against the article `zhnews eval` matches to it
           (by headline; none found: an empty byline), RENDERS layouts.

    .venv/bin/python benchmarks/bylines_dev.py --list [--split dev]     # lines to annotate
    .venv/bin/python benchmarks/bylines_dev.py --score [--split dev] [-v]
    .venv/bin/python benchmarks/bylines_dev.py --score --set 2          # set 2: check only
    .venv/bin/python benchmarks/bylines_dev.py --score --set 3 [--split dev] [-v]   # set 3: dev/check
    .venv/bin/python benchmarks/bylines_dev.py --score --set 4 [--split dev] [-v]   # set 4: dev/check
    .venv/bin/python benchmarks/bylines_dev.py --score --set 5 [--split dev] [-v]   # set 5: dev/check
    .venv/bin/python benchmarks/bylines_dev.py --score --set 6 [--split dev] [-v]   # set 6: dev/check

Reporters and correspondents are scored as name sets (precision, recall, F1, over
all lines / records); outlet, place, dateline and date as accuracy. Names in a
line's `ignore` (a photographer's 摄 credit) count neither way. `-v` lists the
errors of the dev half and refuses to for the check half.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import orgs_recall  # noqa: E402

from zhnews import dates  # noqa: E402
from zhnews.byline import (  # noqa: E402
    TRAILING_CREDIT_RE,
    credit_outlet,
    match_dateline,
    match_filed_from,
    names_look_real,
    parse_author_note,
    parse_closing_credit,
)
from zhnews.errors import InputError  # noqa: E402
from zhnews.evaluate import match_articles  # noqa: E402
from zhnews.extraction import extract_text  # noqa: E402
from zhnews.layout import SOURCE_CLOSING_RE, WIDE_GAP_RE  # noqa: E402

GOLD = HERE / "bylines_dev_gold.jsonl"
# Set 2, annotated after the rules were written from set 1's dev half: every record left that
# holds a credit line other than the plain "本报|新华社X月X日电（记者X）" (40 人民日报, 5 新华社:
# the news genres had none left); all of it is a check set.
GOLD2 = HERE / "bylines_dev_gold2.jsonl"
PLAIN_DATELINE_RE = re.compile(r"^(?:本报|新华社)[\u4e00-\u9fff]{1,8}\d{1,2}月\d{1,2}日电\s*（记者[\u4e00-\u9fff]{2,4}）")
SEED = 1313
# Records of each genre in the set: (with a credit that names someone, without one). The
# held-out pages are of the news genres, so every such record of theirs is taken that no
# held-out page holds; of 人民日报 a sample; 外交部 transcripts carry question labels only.
QUOTA = {"rmrb": (25, 5), "新华社": (14, 2), "外交部": (2, 0), "新闻联播": (3, 1),
         "中国共产党新闻网/人民网 jjsh": (99, 2), "中国共产党新闻网/人民网 gjwj": (99, 2),
         "中国共产党新闻网/人民网 zypl": (99, 3)}
DEFAULT_QUOTA = (99, 2)
STRONG_RE = re.compile(r"记者|通讯员|实习生|采写|整理")
# Page codes and the paper a file name gives, as benchmarks/heldout/build_pages.py names them.
PAGE_CODE = {"中国共产党新闻网/人民网 ldhd": "ldhd", "中国共产党新闻网/人民网 gcdt": "gcdt",
             "中国共产党新闻网/人民网 jjsh": "jjsh", "中国共产党新闻网/人民网 gjwj": "gjwj",
             "中国共产党新闻网/人民网 zypl": "zypl", "外交部": "mfa", "新民晚报": "xinmin",
             "CNKI 报纸": "cnki", "光明日报": "gmrb", "新华社": "xinhua", "新闻联播": "xwlb", "rmrb": "rmrb"}
PAGE_OUTLET = {"新民晚报": "新民晚报", "光明日报": "光明日报", "新华社": "新华社", "rmrb": "人民日报", "pd98": "人民日报"}
# Set 5's sentence corpora: one sentence a record, read as a line only (no article to lay out)
SENTENCE_SOURCES = ("pd98", "cluener")
PAGE_SEED = 20261313  # the column cuts of the context pages
# Each record is laid out this many times, each with other column cuts (build_pages cuts 40 % of
# the long paragraphs at a random place): a cut through a dateline or a credit is what a page
# reading has to mend, and one layout a record meets few of them.
RENDERS = 5
PAGE_ARTICLES = 4  # records of one genre a page in the `page` reading (build_pages.PLAN: 4-6)

_ROLE = r"记者|通讯员|实习生|特约|采写|整理|责编|编辑|图/文|文/图|图／文|文／图"
# What makes a paragraph a byline line to annotate (a net cast wide: lines that look
# like credits and are not are in the set on purpose).
CANDIDATE = [
    # a dateline or a credit opening the article
    ("opening", re.compile(r"^据?[\u4e00-\u9fff、・·]{1,40}?(?:\d{1,2}月\d{1,2}日)?(?:电|讯|消息)(?:[\s\u3000\xa0（(]|$)"
                           r"|^[\u4e00-\u9fff・·]{0,16}(?:记者|通讯员)[\s\u3000\xa0：:]*[\u4e00-\u9fff]")),
    # a bracketed note closing the article or a section
    ("note", re.compile(rf"^[（(〔][^（）()]*(?:{_ROLE}|作者)[^（）()]*[）)〕]$")),
    # a short credit line of its own
    ("line", re.compile(rf"^.{{0,50}}(?:{_ROLE}).{{0,30}}$")),
    # a credit glued to the last sentence
    ("glued", re.compile(r"[。！？”][\s\u3000\xa0]*[（(][^（）()]{0,40}(?:记者|通讯员|采写|整理)[^（）()]{0,30}[）)]$")),
]
# A photographer's credit closing a caption ("新华社记者  李  响摄", "王旺旺摄/光明图片"): its
# names are a photographer's, annotated as `ignore`.
PHOTO_RE = re.compile(r"摄(?:[（(][^（）()]*[）)]|/\S+)?$")


def _records() -> list[dict]:
    out = []
    for path, tag in ((orgs_recall.NEWS, None), (orgs_recall.RMRB, "rmrb")):
        for n, line in enumerate(open(path, encoding="utf-8")):
            r = json.loads(line)
            r["source"] = r.get("source") or tag
            r["_where"] = f"{path.name[:4]}:{n}"
            out.append(r)
    return out


def candidates(r: dict) -> list[tuple[int, str, str]]:
    """(paragraph index, kind, text) of each paragraph of `r` that looks like a byline line;
    index -1 is the title (a page-top 本版责编 line the archive gives as the title)."""
    out = []
    title = (r.get("title") or "").strip()
    if re.match(r"本版责编|责任编辑", title):
        out.append((-1, "line", title))
    for i, p in enumerate(q.strip() for q in r.get("paragraphs") or [] if q and q.strip()):
        if PHOTO_RE.search(p):
            out.append((i, "photo", p))
            continue
        for kind, rx in CANDIDATE:
            if kind == "opening" and i > 2:
                continue
            if kind == "line" and len(p) > 80:
                continue
            if rx.search(p):
                out.append((i, kind, p))
                break
    return out


def _names_someone(text: str) -> bool:
    """A line with a role word of a credit, not an author's affiliation note."""
    return bool(STRONG_RE.search(text)) and not re.match(r"[（(〔]作者[为系]", text)


def select() -> list[dict]:
    """The picked records, each with `_split` and `_lines` (its candidate lines)."""
    banned = orgs_recall.heldout_tails()
    rng = random.Random(SEED)
    by_genre: dict[str, list[dict]] = {}
    seen = set()
    for r in _records():
        tail = orgs_recall.body(r)[-40:]
        if tail in banned or tail in seen or r["source"] == "政府工作报告":
            continue
        lines = candidates(r)
        if not any(kind != "photo" for _, kind, _ in lines):
            continue
        seen.add(tail)
        by_genre.setdefault(r["source"], []).append(dict(r, _lines=lines))
    chosen = []
    for genre in sorted(by_genre):
        strong = [r for r in by_genre[genre] if any(_names_someone(t) for _, k, t in r["_lines"] if k != "photo")]
        weak = [r for r in by_genre[genre] if r not in strong]
        n_strong, n_weak = QUOTA.get(genre, DEFAULT_QUOTA)
        chosen += rng.sample(strong, min(n_strong, len(strong))) + rng.sample(weak, min(n_weak, len(weak)))
    order = list(range(len(chosen)))
    rng.shuffle(order)
    for rank, i in enumerate(order):
        chosen[i]["_split"] = "dev" if rank % 2 == 0 else "check"
    return chosen


def _unseen(taken: set[str]):
    """The records of no earlier set (`taken` keys) and no held-out page, one copy of a story
    (known by its tail), without the genres whose lines are no bylines (政府工作报告, 外交部
    transcripts, 新闻联播 broadcasts)."""
    banned = orgs_recall.heldout_tails()
    seen: set[str] = set()
    for r in _records():
        tail = orgs_recall.body(r)[-40:]
        if (tail in banned or tail in seen or key_of(r) in taken
                or r["source"] in ("政府工作报告", "外交部", "新闻联播")):
            continue
        seen.add(tail)
        yield r


def select2() -> list[dict]:
    """Set 2: the records of neither set 1 nor the held-out pages with a credit line that is not
    a plain dateline credit; all `check`."""
    out = []
    for r in _unseen({key_of(r) for r in select()}):
        lines = candidates(r)
        if any(k != "photo" and _names_someone(t) and not PLAIN_DATELINE_RE.match(t) for _, k, t in lines):
            out.append(dict(r, _lines=lines, _split="check"))
    return out



# Set 3, annotated after set 2 from what sets 1 and 2 hold least: the records left (neither set,
# no held-out page) whose lines credit a photo (X摄, 新华社记者 X摄, X摄（新华社发）, 以上图片均为…摄),
# a production or picture source (新华社音视频部制作, X供图, 本版图片由…提供), an unnamed author
# note (（作者为本报X分社记者）), a dateline credit without a role word (（罗艾桦、廖靖文）) or a
# correspondent, and a sample of plain dateline records for their dates; dev/check halves.
# Photographers are not reporters here (ANNOTATION.md: reporters are the names after 记者 in a
# byline or a 本报记者 X line): a photo credit's names are scored as no reporter, not ignored.
GOLD3 = HERE / "bylines_dev_gold3.jsonl"
SEED3 = 131303
PLAIN3 = 16  # plain-dateline records sampled into set 3 (their dates and outlets)
EXTRA3 = re.compile(r"^.{0,40}(?:制作|出品|供图|提供|供稿)(?:[（(][^（）()]*[）)])?$|^[（(]作者[为系]|^.{0,20}来源[：:]")


def candidates3(r: dict) -> list[tuple[int, str, str]]:
    """Set 3's net: candidates() and production, picture-source and author lines."""
    out = candidates(r)
    have = {i for i, _, _ in out}
    for i, p in enumerate(q.strip() for q in r.get("paragraphs") or [] if q and q.strip()):
        if i not in have and len(p) <= 60 and EXTRA3.search(p):
            out.append((i, "extra", p))
    return sorted(out)


def select3() -> list[dict]:
    taken = {key_of(r) for r in select()} | {key_of(r) for r in select2()}
    rng = random.Random(SEED3)
    rich, plain = [], []
    for r in _unseen(taken):
        lines = candidates3(r)
        if not lines:
            continue
        if any(k in ("photo", "extra", "opening") and not PLAIN_DATELINE_RE.match(t) or STRONG_RE.search(t)
               and not PLAIN_DATELINE_RE.match(t) for _, k, t in lines):
            rich.append(dict(r, _lines=lines))
        elif any(PLAIN_DATELINE_RE.match(t) for _, _, t in lines):
            plain.append(dict(r, _lines=lines))
    chosen = rich + rng.sample(plain, min(PLAIN3, len(plain)))
    order = list(range(len(chosen)))
    rng.shuffle(order)
    for rank, i in enumerate(order):
        chosen[i]["_split"] = "dev" if rank % 2 == 0 else "check"
    return chosen


# Set 4, annotated after set 3 from the shapes sets 1-3 hold least, out of the records none of them
# took (most records with a credit were taken; what is left is mostly plain datelines and
# records without a byline): a credit glued after a wide gap at the end of a one-paragraph
# record (新民晚报: ……。    本报记者  杨洁  通讯员  刘一剑), 作者： notes (光明日报 （作者：X，系…）,
# 作者：… on a line of its own), author names on a line of their own above the body (原 倩 中国宏观
# 经济研究院副研究员, 刘  亮, 葛昆元    又到清明时节…), short lines that look like them and are not
# (核心阅读, 编者的话), and samples of plain datelines, author-note-only and byline-less records.
# Each record also has an article row (para ARTICLE_ROW): the article's date as ANNOTATION.md
# item 2 gives it (the dateline's day; else the first explicit day of the lead, 昨天/今天 against
# the issue date; else null), so that the context and page readings score the date of articles
# without a dated dateline, which sets 1-3 leave unscored.
GOLD4 = HERE / "bylines_dev_gold4.jsonl"
SEED4 = 131304
ARTICLE_ROW = -2
N_PLAIN4, N_NOTES4, N_BARE4 = 18, 10, 22  # plain-dateline, author-note-only and byline-less records sampled
BARE4_PER_GENRE = 2  # of each news genre in the plain and byline-less samples (the rest 人民日报)
TAIL4 = re.compile(r"(?:记者|通讯员|实习生|采写|整理)[^。！？”…]{0,30}$")
AUTHOR4 = re.compile(r"^[（(]?作者[：:]")
# a name (2-4 characters, maybe letter-spaced) alone or before an affiliation / a wide gap
TOP_NAME4 = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,3}(?:$|[ \u3000]+[\u4e00-\u9fff、（）]{2,40}$|[ \u3000]{3,})")
PLAIN_NOTE4 = re.compile(r"^[（(]作者(?:为|系|单位|均系|分别)")


def candidates4(r: dict) -> list[tuple[int, str, str]]:
    """Set 4's net: candidates3() and a credit after the last sentence of the last paragraph,
    作者： lines, and a name on a line of its own (or before a wide gap) atop the body."""
    out = candidates3(r)
    have = {i for i, _, _ in out}
    paras = [q.strip() for q in r.get("paragraphs") or [] if q and q.strip()]
    for i, p in enumerate(paras):
        if i in have:
            continue
        if i == len(paras) - 1 and TAIL4.search(p[-40:]):
            out.append((i, "tail", p))
        elif len(p) <= 100 and AUTHOR4.search(p):
            out.append((i, "author", p))
        elif i <= 1 and TOP_NAME4.match(p[:60]):
            out.append((i, "top", p))
    return sorted(out)


def select4() -> list[dict]:
    taken = {key_of(r) for f in (select, select2, select3) for r in f()}
    rng = random.Random(SEED4)
    rich, plain, notes, bare = [], [], [], []
    for r in _unseen(taken):
        lines = candidates4(r)
        rec = dict(r, _lines=lines)
        if not lines:
            bare.append(rec)
        elif all(PLAIN_DATELINE_RE.match(t) for _, _, t in lines):
            plain.append(rec)
        elif all(PLAIN_NOTE4.match(t) or k == "line" and i == -1 for i, k, t in lines):
            notes.append(rec)
        else:
            rich.append(rec)
    chosen = rich + _sample4(plain, N_PLAIN4, rng) + rng.sample(notes, min(N_NOTES4, len(notes))) + _sample4(bare, N_BARE4, rng)
    order = list(range(len(chosen)))
    rng.shuffle(order)
    for rank, i in enumerate(order):
        chosen[i]["_split"] = "dev" if rank % 2 == 0 else "check"
    for rec in chosen:  # (added after the draw, which stays as it was annotated)
        rec["_lines"] = sorted(rec["_lines"] + _below_deck4(rec))
    return chosen


def _below_deck4(r: dict) -> list[tuple[int, str, str]]:
    """A dateline under a deck of summary lines (■…, short lines): paragraph 3-5 of the record,
    which the opening net (paragraphs 0-2) does not reach. Found in a set-4 record after its
    gold was committed (news:25: ■…, ■…, 本报讯（记者 谈燕）…); its line was annotated then."""
    paras = [q.strip() for q in r.get("paragraphs") or [] if q and q.strip()]
    for i in range(3, min(6, len(paras))):
        if not all(p.startswith("■") or len(p) <= 40 for p in paras[:i]):
            break
        if CANDIDATE[0][1].search(paras[i]):
            return [(i, "opening", paras[i])]
    return []


def _sample4(recs: list[dict], n: int, rng: random.Random) -> list[dict]:
    """Up to BARE4_PER_GENRE records of each news genre (few are left), the rest of `n` from 人民日报."""
    out = []
    for genre in sorted({r["source"] for r in recs} - {"rmrb"}):
        pool = [r for r in recs if r["source"] == genre]
        out += rng.sample(pool, min(BARE4_PER_GENRE, len(pool)))
    rmrb = [r for r in recs if r["source"] == "rmrb"]
    return out + rng.sample(rmrb, max(0, min(n - len(out), len(rmrb))))


# Set 5, annotated after set 4. The news and 人民日报 records left after sets 1-4 are plain
# datelines, author notes and 本版责编 lines; the shapes the earlier sets hold few of (several
# reporters with 通讯员 or 实习生 in one credit, outlets with 网/客户端 and their 讯/消息, "文/X",
# "X报道" after the names, 发自, 专电, 每经记者 X, 记者 X 实习生 Y on a line of its own, a credit
# closing a paragraph, editors' credits) are in the two sentence corpora of ../shared/data:
# CLUENER2020's news sentences (cluener2020.train.jsonl) and 人民日报 1998 (peoples-daily-1998-ner
# .dev.bio). A sentence of theirs whose shape is a byline's (LINE5_NET) is a record of one
# paragraph, read as a line only (its context is a sentence, not an article). Their text has lost
# the spaces a page puts between names ("记者蔡早勤汤华明"), which a PDF's text layer loses too.
# Both corpora are tagger training text (zhnews/entities/train_tagger.py), none of the byline
# rules'. 人民日报 1998's issue dates are not given: its records are dated PD98_ISSUE, the end of
# its year, so that "5月14日" reads as 1998-05-14; CLUENER's are undated (dates unscored, "*").
GOLD5 = HERE / "bylines_dev_gold5.jsonl"
SEED5 = 131305
N_NEWS5, N_PD98_5, N_CLUENER5 = 16, 20, 46
PD98_ISSUE = "1998-12-31"
CLUENER = orgs_recall.DATA / "cluener2020.train.jsonl"
PD98 = orgs_recall.DATA / "peoples-daily-1998-ner.dev.bio"
_ROLE5 = r"(?:记者|通讯员|实习生|特约|撰稿|编辑|撰文|文[/／]|图[/／])"
LINE5_NET = [
    # a dateline: outlet (place) (date) 电|讯|消息|报道 and a bracket or a role
    re.compile(r"^[□■●◆⊙]?[^，。：]{0,18}?(?:电|讯|消息|报道)(?:[（(]|记者|新华社记者|本报记者)"),
    # a credit line: a role early in a short line
    re.compile(rf"^[□■●◆⊙]?[^，。：]{{0,14}}?{_ROLE5}[^，。]{{0,28}}$"),
    # role and names, then 报道 or 发自 and the body
    re.compile(r"^[□■●◆⊙]?[^，。：]{0,14}?记者[\u4e00-\u9fff、]{2,12}?(?:[\u4e00-\u9fff、]{0,8}报道|发自)"),
    # a bracketed credit closing the sentence
    re.compile(r"[（(][^（）()]{0,20}(?:记者|通讯员|编辑)[^（）()]{0,20}[）)]$"),
    re.compile(r"^据新华社"),
]
# 记者 as the subject of running text ("记者从…获悉", "记者了解到"), not a credit
LINE5_RUNNING = re.compile(r"^记者(?:了解|获悉|从|在|看到|日前|近日|走访|发现|注意|采访|参观|感受|致电|对比|年中|\d"
                           r"|昨|今|随|联系|登录|找到|拨|查询|检索|追问|还|电话|上午|下午|当天|前往|来到|调查|入住|就此)")
# 人民日报 1998 writes a character outside its charset as two in brackets ("袁（日希）"): no name to score
PD98_SPLIT_CHAR = re.compile(r"[\u4e00-\u9fff][（(][\u4e00-\u9fff]{2}[）)]")


def _sentence_records() -> list[dict]:
    out = []
    sent: list[str] = []
    n = 0
    for line in open(PD98, encoding="utf-8"):
        tok = line.split()
        if tok:
            sent.append(tok[0])
            continue
        if sent:
            out.append({"source": "pd98", "url": f"pd98:{n}", "date": PD98_ISSUE, "title": None,
                        "paragraphs": ["".join(sent)], "_where": f"pd98:{n}"})
            n += 1
            sent = []
    for n, line in enumerate(open(CLUENER, encoding="utf-8")):
        out.append({"source": "cluener", "url": f"cluener:{n}", "date": None, "title": None,
                    "paragraphs": [json.loads(line)["text"]], "_where": f"clue:{n}"})
    return out


def candidates5(r: dict) -> list[tuple[int, str, str]]:
    if r["source"] not in ("pd98", "cluener"):
        return candidates4(r)
    p = r["paragraphs"][0].strip()
    if LINE5_RUNNING.match(p) or PD98_SPLIT_CHAR.search(p) or not any(rx.search(p) for rx in LINE5_NET):
        return []
    return [(0, "sentence", p)]


def select5() -> list[dict]:
    taken = {key_of(r) for f in (select, select2, select3, select4) for r in f()}
    rng = random.Random(SEED5)
    news = []
    for r in _unseen(taken):
        lines = candidates5(r)
        if lines and not all(PLAIN_DATELINE_RE.match(t) and "新华社" not in t for _, _, t in lines):
            news.append(dict(r, _lines=lines))
    pd98, clue = [], []
    for r in _sentence_records():
        lines = candidates5(r)
        if lines:
            (pd98 if r["source"] == "pd98" else clue).append(dict(r, _lines=lines))
    chosen = (rng.sample(news, min(N_NEWS5, len(news))) + rng.sample(pd98, min(N_PD98_5, len(pd98)))
              + rng.sample(clue, min(N_CLUENER5, len(clue))))
    order = list(range(len(chosen)))
    rng.shuffle(order)
    for rank, i in enumerate(order):
        chosen[i]["_split"] = "dev" if rank % 2 == 0 else "check"
    return chosen


# Set 6, annotated after set 5 (issue 13: held-out reporters .909, correspondents .833 while sets 1-5
# read ~1.0 on dev). What is left of ../shared/data after sets 1-5: every sentence of CLUENER and
# 人民日报 1998 whose shape is a credit's (LINE5_NET) that set 5 did not sample -- 本报讯（记者 X
# 通讯员 Y）, correspondents before or after the reporters, 实习生/实习记者/特约记者, 文/X and X/文,
# 据新华社电 and 据新华社X电（names without a role）, 新华社记者 X、本报记者 Y in one credit, a credit
# closing a sentence, 中新社/新华网 datelines, X报道 and 发自 after the names, photo credits (摄影
# X); and of the news and 人民日报 records left, the shapes sets 1-5 hold least: （据新华社电） on a
# line of its own, author notes with 作者单位 / 作者分别为 or a bracket inside the note (〔作者系中央党校
# （国家行政学院）…〕), a photographer's credit inside a caption's bracket in the lead (见图，新华社记者
# X摄), 记者 as the subject of running text in the lead, and a sample of plain datelines.
GOLD6 = HERE / "bylines_dev_gold6.jsonl"
SEED6 = 131306
N_PLAIN6 = 10  # plain-dateline 人民日报 records sampled into set 6 (their dates and outlets)
EXTRA6 = [
    ("source", re.compile(r"^[（(〔]据[\u4e00-\u9fff]{1,12}电[）)〕]$")),
    ("note", re.compile(r"^[（(〔]作者(?:单位|分别|为|系).*[）)〕]$")),
    ("caption", re.compile(r"[（(][^（）()]{0,12}记者[\u4e00-\u9fff]{2,4}摄[）)]")),
    ("running", re.compile(r"(?:^|[，。：；])记者(?:近日|日前|走进|来到|看到|获悉|从)|接受本报记者")),
]


def candidates6(r: dict) -> list[tuple[int, str, str]]:
    """Set 6's net: candidates5() and the lines of EXTRA6 (only the first three paragraphs for
    a caption credit or running 记者)."""
    out = candidates5(r)
    if r["source"] in SENTENCE_SOURCES:
        return out
    have = {i for i, _, _ in out}
    for i, p in enumerate(q.strip() for q in r.get("paragraphs") or [] if q and q.strip()):
        if i in have:
            continue
        for kind, rx in EXTRA6:
            if kind in ("caption", "running") and i > 2:
                continue
            if rx.search(p):
                out.append((i, kind, p))
                break
    return sorted(out)


def select6() -> list[dict]:
    taken = {key_of(r) for f in (select, select2, select3, select4, select5) for r in f()}
    rng = random.Random(SEED6)
    rich, plain, sentences = [], [], []
    for r in _unseen(taken):
        lines = candidates6(r)
        if not lines or all(k == "line" and i == -1 for i, k, _ in lines):  # (本版责编 titles: set 5 has them)
            continue
        if all(PLAIN_DATELINE_RE.match(t) for _, _, t in lines):
            plain.append(dict(r, _lines=lines))
        elif r["source"] != "政府工作报告":
            rich.append(dict(r, _lines=lines))
    for r in _sentence_records():
        if key_of(r) in taken:
            continue
        lines = candidates6(r)
        if lines:
            sentences.append(dict(r, _lines=lines))
    chosen = rich + rng.sample(plain, min(N_PLAIN6, len(plain))) + sentences
    order = list(range(len(chosen)))
    rng.shuffle(order)
    for rank, i in enumerate(order):
        chosen[i]["_split"] = "dev" if rank % 2 == 0 else "check"
    return chosen


def _select(set_no: int) -> list[dict]:
    return {1: select, 2: select2, 3: select3, 4: select4, 5: select5, 6: select6}[set_no]()


def read_gold(path: Path = GOLD) -> dict[tuple[str, int], dict]:
    gold = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                g = json.loads(line)
                gold[(g["key"], g["para"])] = g
    return gold


def key_of(r: dict) -> str:
    return orgs_recall.key_of(r)


# ---------------------------------------------------------------- the readings

def read_line(text: str, published: str | None, page_outlet: str | None) -> dict:
    """One line as the layout reads it (layout.tokenize's order of tries)."""
    pub = dates.parse_iso(published)
    empty = {"reporters": [], "correspondents": [], "outlet": None, "place": None, "dateline": None, "date": None}
    bm = match_dateline(text, page_outlet=page_outlet) or match_filed_from(text)
    if bm is not None:
        b = bm.byline
        date = dates.not_after_issue(dates.resolve_expression(bm.date_text, pub), pub) if bm.date_text else None
        return {"reporters": list(b.reporters), "correspondents": list(b.correspondents), "outlet": b.outlet,
               "place": b.place, "dateline": b.dateline, "date": date}
    credit = None
    for piece in (q.strip() for q in WIDE_GAP_RE.split(text)):  # (pieces set off by a wide gap)
        credit = parse_closing_credit(piece) or parse_author_note(piece)
        if credit is None:
            m = TRAILING_CREDIT_RE.search(piece)
            c = parse_closing_credit(m.group("credit")) if m else None
            if c and names_look_real(c):
                credit, piece = c, m.group("credit")
        if credit is not None:
            text = piece
            break
    if credit is None:
        # a source note closing a reprint ("（据新华社电）"): the layout keeps it as a credit text,
        # whose outlet is the article's (article_build.build_article)
        return dict(empty, outlet=credit_outlet(text)) if SOURCE_CLOSING_RE.match(text.strip()) else empty
    outlet = credit_outlet(text)
    if outlet is None and "本报" in text:
        outlet = page_outlet
    return dict(empty, reporters=list(credit[0]), correspondents=list(credit[1]), outlet=outlet)


def read_context(r: dict, render: int = 0) -> dict:
    """The record laid out as a held-out page and read: the union of its articles' bylines;
    outlet, place, dateline and date of the first article with a dateline (else the first)."""
    bp = orgs_recall.build_pages()
    rng = random.Random(f"{PAGE_SEED}:{render}:{key_of(r)}")
    text, _ = bp.render([r], rng)
    code = PAGE_CODE.get(r["source"], "page")
    name = f"bylinesdev-{code}-{r.get('date') or 'undated'}.txt"
    try:
        arts = extract_text(text, name=name, date=r.get("date")).to_dict()["articles"]
    except InputError:
        arts = []
    return _byline_of(arts)


def _byline_of(arts: list[dict]) -> dict:
    """The byline of a record's article(s): names of all, the rest from the first dated one."""
    out = {"reporters": [], "correspondents": [], "outlet": None, "place": None, "dateline": None, "date": None}
    for a in arts:
        b = a.get("byline") or {}
        out["reporters"] += [n for n in b.get("reporters") or [] if n not in out["reporters"]]
        out["correspondents"] += [n for n in b.get("correspondents") or [] if n not in out["correspondents"]]
    lead = next((a for a in arts if (a.get("byline") or {}).get("dateline")), arts[0] if arts else None)
    if lead:
        b = lead.get("byline") or {}
        out.update(outlet=b.get("outlet"), place=b.get("place"), dateline=b.get("dateline"), date=lead.get("date"))
    return out


def read_pages(recs: list[dict], render: int = 0) -> list[dict]:
    """Records of a genre laid out PAGE_ARTICLES to a page, as the held-out pages are, and
    read: the byline of the article matched to each record (by headline, as `zhnews eval`
    matches), an empty one where the page reading did not find the record's article."""
    bp = orgs_recall.build_pages()
    rng = random.Random(f"{PAGE_SEED}:pages:{render}")
    out: dict[int, dict] = {}
    by_source: dict[tuple[str, str], list[int]] = {}
    for k, r in enumerate(recs):
        # (one issue date a page: the gold dates are the records' own issue's)
        by_source.setdefault((r["source"], r.get("date") or ""), []).append(k)
    for (source, _day), idx in sorted(by_source.items()):
        for a in range(0, len(idx), PAGE_ARTICLES):
            group = [recs[k] for k in idx[a : a + PAGE_ARTICLES]]
            text, skeletons = bp.render(group, rng)
            name = f"bylinesdev-{PAGE_CODE.get(source, 'page')}-{group[0].get('date') or 'undated'}.txt"
            try:
                arts = extract_text(text, name=name, date=group[0].get("date")).to_dict()["articles"]
            except InputError:
                arts = []
            m = match_articles(skeletons, arts)
            for g, k in enumerate(idx[a : a + PAGE_ARTICLES]):
                out[k] = _byline_of([arts[m[g]]] if g in m else [])
    return [out[k] for k in range(len(recs))]


def context_gold(r: dict, lines: list[dict]) -> dict:
    """A record's byline from its annotated lines: names of all, the rest from its dateline
    line (else the outlet a credit names, else the paper of the page)."""
    out = {"reporters": [], "correspondents": [], "ignore": [], "outlet": None, "place": None, "dateline": None,
           "date": None}
    for g in lines:
        for k in ("reporters", "correspondents", "ignore"):
            out[k] += [n for n in g.get(k) or [] if n not in out[k]]
    out["ignore"] = [n for n in out["ignore"] if n not in out["reporters"] + out["correspondents"]]
    lines = [g for g in lines if g.get("outlet") != "*"]
    dl = next((g for g in lines if g.get("dateline")), None)
    if dl:
        out.update(outlet=dl.get("outlet"), place=dl.get("place"), dateline=dl["dateline"], date=dl.get("date"))
    else:
        out["outlet"] = next((g["outlet"] for g in lines if g.get("outlet")), PAGE_OUTLET.get(r["source"]))
    art = next((g for g in lines if g.get("article")), None)
    if art is not None:  # (set 4: the article's date and outlet, annotated for the record)
        out["date"] = art.get("date")
        if art.get("outlet") and not dl and not any(g.get("outlet") for g in lines if not g.get("article")):
            out["outlet"] = art["outlet"]
    elif out["date"] is None:
        out["date"] = "*"  # (without a dated dateline the article's day is the lead's: not annotated, not scored)
    return out


# ---------------------------------------------------------------- scoring

class Tally:
    def __init__(self) -> None:
        self.sets = {k: [0, 0, 0] for k in ("reporters", "correspondents")}  # gold, predicted, matched
        self.acc = {k: [0, 0] for k in ("outlet", "place", "dateline", "date")}  # right, n
        self.errors: list[str] = []

    def add(self, gold: dict, pred: dict, where: str) -> None:
        ignore = gold.get("ignore") or []
        ignored = lambda n: any(n in i or i in n for i in ignore)  # noqa: E731  (a broken name read in part)
        for k, t in self.sets.items():
            g = set(gold.get(k) or [])
            p = {n for n in pred.get(k) or [] if n in g or not ignored(n)}
            t[0] += len(g)
            t[1] += len(p)
            t[2] += len(g & p)
            if g != p:
                self.errors.append(f"{k}\tgold {sorted(g)}\tread {sorted(p)}\t{where}")
        for k, t in self.acc.items():
            if gold.get(k) == "*":
                continue
            t[1] += 1
            if gold.get(k) == pred.get(k):
                t[0] += 1
            else:
                self.errors.append(f"{k}\tgold {gold.get(k)}\tread {pred.get(k)}\t{where}")

    def row(self) -> dict[str, float]:
        out = {}
        for k, (ng, np_, hit) in self.sets.items():
            p = hit / np_ if np_ else 1.0
            r = hit / ng if ng else 1.0
            out[k] = 2 * p * r / (p + r) if p + r else 0.0
        for k, (right, n) in self.acc.items():
            out[k] = right / n if n else 1.0
        return out


def score(split: str, verbose: bool = False, set_no: int = 1) -> dict[str, dict[str, float]]:
    gold = read_gold({1: GOLD, 2: GOLD2, 3: GOLD3, 4: GOLD4, 5: GOLD5, 6: GOLD6}[set_no])
    recs = [r for r in _select(set_no) if r["_split"] == split]
    line_t, ctx_t, page_t = Tally(), Tally(), Tally()
    n_lines = 0
    golds = []
    for r in recs:
        key = key_of(r)
        page_outlet = PAGE_OUTLET.get(r["source"])
        glines = []
        for i, _kind, text in r["_lines"]:
            g = gold.get((key, i))
            if g is None:
                continue
            glines.append(g)
            n_lines += 1
            line_t.add(g, read_line(text, r.get("date"), page_outlet), f"{r['_where']}:{i}\t{text[:60]}")
        if (key, ARTICLE_ROW) in gold:
            glines.append(gold[(key, ARTICLE_ROW)])
        if r["source"] in SENTENCE_SOURCES:
            continue  # (a sentence: read as a line only)
        for k in range(RENDERS if glines else 0):
            ctx_t.add(context_gold(r, glines), read_context(r, k),
                      f"{r['_where']} layout {k}\t{(r.get('title') or '')[:30]}")
        golds.append(context_gold(r, glines) if glines else None)
    page_recs = [r for r in recs if r["source"] not in SENTENCE_SOURCES]
    for k in range(RENDERS):
        for r, g, pred in zip(page_recs, golds, read_pages(page_recs, k)):
            if g is not None:
                page_t.add(g, pred, f"{r['_where']} page {k}\t{(r.get('title') or '')[:30]}")
    rows = {"line": line_t.row(), "context": ctx_t.row(), "page": page_t.row()}
    cols = ("reporters", "correspondents", "outlet", "place", "dateline", "date")
    print(f"{'' if set_no == 1 else f'set {set_no} '}{split}: {len(recs)} records, {n_lines} lines")
    print(f"  {'':8}" + "".join(f"{c:>15}" for c in cols))
    for name, row in rows.items():
        print(f"  {name:8}" + "".join(f"{row[c]:>15.3f}" for c in cols))
    if verbose:
        for name, t in (("line", line_t), ("context", ctx_t), ("page", page_t)):
            for e in t.errors:
                print(f"  {name}\t{e}")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print the lines to annotate")
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--split", choices=("dev", "check"), default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--set", type=int, choices=(1, 2, 3, 4, 5, 6), default=1, dest="set_no",
                    help="1: the dev/check set; 2: a further check set annotated after the rules; "
                         "3: dev/check, photo and picture credits, production lines, notes; "
                         "4: dev/check, credits after a wide gap, 作者 notes and lines, article dates; "
                         "5: dev/check, sentences of CLUENER and 人民日报 1998 with credits of many shapes, lines only; "
                         "6: dev/check, the credit sentences set 5 left, 据新华社电, 作者单位 notes, caption credits")
    args = ap.parse_args(argv)
    if args.set_no == 2 and args.split == "dev":
        ap.error("set 2 is all check")
    if args.verbose and args.split != "dev":
        ap.error("-v lists errors of the dev half only (--split dev): the check half is read as totals")
    if args.list:
        for r in _select(args.set_no):
            if args.split and r["_split"] != args.split:
                continue
            print(json.dumps({"key": key_of(r), "where": r["_where"], "split": r["_split"], "source": r["source"],
                              "date": r.get("date"), "title": r.get("title")}, ensure_ascii=False))
            for i, kind, text in r["_lines"]:
                print(f"  [{i}] {kind}\t{text[:140]}")
        return 0
    if args.score:
        splits = ("check",) if args.set_no == 2 else ("dev", "check") if args.split is None else (args.split,)
        for s in splits:
            score(s, args.verbose and s == "dev", args.set_no)
    return 0


if __name__ == "__main__":
    sys.exit(main())
