"""Datelines, reporters and correspondents.

The genre writes them in a few stable shapes:
    本报北京电(山西日报记者 杨文)        本报讯(记者 周皓 通讯员 闫姝)
    本报北京1月28日电  (记者赵成)        据新华社北京4月2日电（记者  吴雨）
    本报兰州12月4日讯（新甘肃・甘肃日报记者张富贵）   湖南日报12月4日讯（记者 冒蕞）
    本报南宁讯 （记者/陈贻泽）           本报记者  左妍   (a closing credit)
The dateline says who filed from where and when; the credit in brackets says
who wrote it. Outlet names and role words are lexicon data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from .lexicon import load_list
from .model import Byline

_CJK = r"\u4e00-\u9fff"
# News websites that file datelines ("人民网北京3月5日电"): named, because "…网" +
# a character + 电 is as often running text ("向网络电商…").
_WEB_OUTLETS = "|".join(
    "中新网 人民网 新华网 央视网 央广网 中国网 光明网 环球网 中国经济网 中国青年网 中工网 东方网 "
    "北青网 红网 大众网 荆楚网 华龙网 金羊网 南方网 中国日报网 国际在线 澎湃新闻 界面新闻".split()
)
# Without a date, 电 and the character after it may be a word of running text, not a
# dateline's "filed": "声明公告登报电话" (a 公告 column's "…登报电话 139…" read as an outlet
# "声明公告登报" filing by 电 and started an article on the layout_dev pages).
_DIAN_WORDS = "话脑视商器子影梯池源费价量压流站厂动"
# "本报" / "据新华社" / "湖南日报" / "中新社" + place + date + 电|讯
DATELINE_RE = re.compile(
    rf"""^(?P<dateline>
        (?P<via>据)?
        (?P<org>本报|新华社|中新社|中国新闻社|人民日报|{_WEB_OUTLETS}|[{_CJK}]{{2,8}}?(?:日报|晚报|早报|时报|商报|青年报|法治报|报|通讯社|电视台))
        (?P<place>[{_CJK}]{{1,7}}?)?
        (?P<date>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)?
        (?P<kind>(?(date)电|电(?![{_DIAN_WORDS}]))|讯(?!员)|消息)
    )""",
    re.X,
)
# The bracketed credit right after a dateline; both bracket widths occur.
CREDIT_PAREN_RE = re.compile(r"[ \u3000\xa0]*[（(]([^（）()]{1,80})[）)]")
# ...or, unbracketed, closed by 报道 ("本报讯 记者王伟 通讯员李明 报道：").
# (one bounded lazy run, no nested repeats: a nested one backtracked for seconds)
CREDIT_REPORT_RE = re.compile(r"[ \u3000\xa0]+([^，。,：:\n]{2,60}?)[ \u3000\xa0]*报道[：:，,]?[ \u3000\xa0]*")

NOT_PLACES = frozenset({"综合", "专", "特", "联合"})
ROLE_WORDS = load_list("byline_roles.txt")
_ROLE_ALT = "|".join(sorted((re.escape(r) for r in ROLE_WORDS), key=len, reverse=True))
ROLE_RE = re.compile(rf"(?P<outlet>[{_CJK}・·]{{2,12}}?)?(?P<role>{_ROLE_ALT})")
_GAP = "[ \u3000\xa0]"
# Names set off by spaces, 、 or / ("董凡超", "张三、李四").
_NAMES = rf"[{_CJK}·]{{2,4}}(?:{_GAP}*[、/／]{_GAP}*[{_CJK}·]{{2,4}})*"
# ...or, unbracketed, a role and names set off by spaces before the body
# ("本报北京12月7日讯 记者董凡超 国务委员、……"). The names must be followed by
# a space: "本报讯 记者从省商务厅获悉" is running text.
CREDIT_BARE_RE = re.compile(
    rf"{_GAP}+((?:{_ROLE_ALT}){_GAP}*[{_CJK}·]{{2,4}}(?:{_GAP}*[、/／]{_GAP}*[{_CJK}·]{{2,4}}"
    rf"|{_GAP}+(?:{_ROLE_ALT}){_GAP}*[{_CJK}·]{{2,4}})*){_GAP}+(?=\S)"
)
CORRESPONDENT_ROLES = {"通讯员", "特约通讯员", "本报通讯员"}
_NAME_SPLIT = re.compile(r"[\s\u3000\xa0、，,/／：:]+")
_NAME_RE = re.compile(rf"^[{_CJK}·]{{1,6}}$")
MAX_PLAIN_NAME = 4  # compound surname + two given characters (欧阳文华, 司马光明)
# Words that follow names in a credit and are not names ("记者 X 一行"), and the column
# labels that start with a role word ("■记者手记", "记者观察"): no reporter is named there.
_NAME_STOP = {"一行", "等", "报道", "摄", "摄影", "采写", "整理",
              "手记", "札记", "观察", "调查", "来信", "随笔", "笔记", "日记", "视点", "感言"}
# ...and the same verbs glued to the last name ("方  圆整理", "李刚采写"):
# a name token longer than the verb that ends with it loses the verb.
_GLUED_CREDIT_VERB = re.compile(r"(?<=[\u4e00-\u9fff])(?:采访整理|整理|采写|摄影|报道)$")

# A closing credit: a whole unit made of roles and names ("本报记者  左妍",
# "本报通讯员  刘诗寒  记者  屠瑜", "（本报记者 李刚）").
# An outlet written before the role ("新华社记者 X", "光明日报通讯员 Y").
_OUTLET_PREFIX = rf"(?:新华社|中新社|{_WEB_OUTLETS}|[{_CJK}]{{2,6}}?(?:日报|晚报|早报|时报|商报|报|电视台))"
CLOSING_CREDIT_RE = re.compile(
    rf"^[（(]?(?:{_OUTLET_PREFIX}?(?:{_ROLE_ALT})[\s\u3000\xa0/：:]*(?:[{_CJK}·]{{1,4}}(?:[\s\u3000\xa0、]+|(?=[）)]?$)|(?=[\s\u3000\xa0]*{_OUTLET_PREFIX}?(?:{_ROLE_ALT}))))+[\s\u3000\xa0]*)+[）)]?$"
)
# Marks around a credit line that are not names: a bullet ("■本报记者 X") and the
# text/photo note ("文/图 本报记者 X", "文/本报记者 X", "本报记者 X 摄影报道").
CREDIT_MARKS_RE = re.compile(
    r"^[■□●◆▲★◇○◎◉][\s\u3000\xa0]*|^(?:文|图)[\s\u3000\xa0]*[/／][\s\u3000\xa0]*(?:图|文)[\s\u3000\xa0]*"
    r"|^文[\s\u3000\xa0]*[/／][\s\u3000\xa0]*"  # "文/本报记者 X" (not "图/X": a photographer's)
    r"|[\s\u3000\xa0]*(?:(?:文|图)[\s\u3000\xa0]*[/／][\s\u3000\xa0]*(?:图|文)|摄影报道|报道)$"
)
# The same credit glued to the end of a paragraph after its last sentence.
_TRAILING_CORE = (rf"(?:(?:{_ROLE_ALT})[\s\u3000\xa0/：:]*(?:[{_CJK}·]{{1,4}}(?:[\s\u3000\xa0、]+|(?=[）)]?$)"
                  rf"|(?=[\s\u3000\xa0]*(?:{_ROLE_ALT}))))+[\s\u3000\xa0]*)+")
# ...with the outlet before the role only in brackets ("。（湖北日报全媒记者 程曼诗）"): bare,
# "。新华社记者胡友松摄" closes a photo caption.
TRAILING_CREDIT_RE = re.compile(
    rf"(?<=[。！？!?…”’])[\s\u3000\xa0]*(?P<credit>[（(]{_OUTLET_PREFIX}{_TRAILING_CORE}[）)]|[（(]?{_TRAILING_CORE}[）)]?)$"
)


@dataclass
class BylineMatch:
    byline: Byline
    end: int  # where the body starts, relative to the matched string
    date_text: str | None


def parse_credit(credit: str) -> tuple[list[str], list[str], str | None]:
    """'山西日报记者 杨文' → (['杨文'], [], '山西日报'); roles split the names."""
    reporters: list[str] = []
    correspondents: list[str] = []
    outlet = None
    matches = list(ROLE_RE.finditer(credit))
    if not matches:
        return reporters, correspondents, None
    # A credit naming reporters of two outlets is the first one's: "本报记者 X 新华社记者 Y" is the
    # paper's own (no outlet here: the page's), "新华社记者 X 本报记者 Y" 新华社's.
    own_first = matches[0].group(0).startswith("本报")
    for i, m in enumerate(matches):
        # ("全媒体记者" is one role, not the outlet 全媒体 and 记者)
        if (m.group("outlet") and m.group("outlet") + m.group("role") not in ROLE_WORDS
                and outlet is None and not own_first):
            lead = m.group("outlet").strip("・·")
            # "新甘肃・甘肃日报" → the paper's name, "中国妇女报・中国妇女网" too
            parts = re.split(r"[・·]", lead)
            lead = next((p for p in reversed(parts) if p.endswith(("报", "社"))), parts[-1])
            if lead not in ("本报",) and len(lead) >= 2:
                outlet = lead
        seg_end = matches[i + 1].start() if i + 1 < len(matches) else len(credit)
        names = split_names(credit[m.end() : seg_end])
        target = correspondents if m.group("role") in CORRESPONDENT_ROLES else reporters
        target.extend(n for n in names if n not in target)
    return reporters, correspondents, outlet


def split_names(chunk: str) -> list[str]:
    """Names separated by spaces, 、 or /; single characters spaced inside one
    name by typesetting ("耿 联") are put back together."""
    # a photo credit's 摄 glued to the name ("本报记者  申智林摄", "雷  声摄")
    chunk = re.sub(r"(?<=[\u4e00-\u9fff])摄$", "", chunk.strip())
    tokens = [t for t in _NAME_SPLIT.split(chunk) if t]
    if tokens:
        tokens[-1] = _GLUED_CREDIT_VERB.sub("", tokens[-1])
    names: list[str] = []
    buf = ""
    for tok in tokens:
        if tok in _NAME_STOP or not _NAME_RE.match(tok):
            if buf:
                names.append(buf)
                buf = ""
            continue
        if len(tok) == 1:
            buf += tok
            if len(buf) >= 3:
                names.append(buf)
                buf = ""
            continue
        if buf:
            # a lone surname before a 2-char token: "欧阳 X"? keep separate unless
            # the buffer is a single char (a spaced two-character name "耿 联").
            if len(buf) == 1:
                names.append(buf + tok) if len(tok) == 1 else names.extend([buf, tok])
            else:
                names.extend([buf, tok])
            buf = ""
            continue
        names.append(tok)
    if buf:
        names.append(buf)
    # a Chinese name without a middle dot has at most MAX_PLAIN_NAME characters: a longer
    # "name" is words ("（记者：我只是问一下）" in a transcript)
    return [n for n in names if 2 <= len(n) and (len(n) <= MAX_PLAIN_NAME or "·" in n)]


# A lead that opens with its credit and where it was filed from instead of a
# dateline ("中国妇女报・中国妇女网记者田珊檑 发自贵阳 12月2日至4日，……").
FILED_FROM_RE = re.compile(
    rf"^(?P<credit>[{_CJK}・·]{{0,16}}?(?:{_ROLE_ALT}){_GAP}*{_NAMES})"
    rf"{_GAP}*发自{_GAP}*(?P<place>[{_CJK}]{{2,8}}?)(?:{_GAP}+|(?=\d{{1,2}}月))"
)


def match_filed_from(line: str) -> BylineMatch | None:
    """A "记者 X 发自 Y" lead: the reporters and outlet, no dateline (there is
    none to quote), the body after it."""
    m = FILED_FROM_RE.match(line)
    if not m:
        return None
    reporters, correspondents, outlet = parse_credit(m.group("credit"))
    if not names_look_real((reporters, correspondents)):
        return None
    byline = Byline(dateline=None, place=None, outlet=outlet, reporters=reporters,
                    correspondents=correspondents, raw=m.group(0).strip())
    return BylineMatch(byline=byline, end=m.end(), date_text=None)


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    from .entities.lexicon import compound_surnames, single_surnames

    return frozenset(single_surnames()), frozenset(compound_surnames())


def names_look_real(groups, text: str | None = None) -> bool:
    """Every name of a credit starts with a surname: nothing but spaces marks where
    an unbracketed credit ends, so a verb after 记者 must not pass. A credit `text` whose
    every role word is set off from its names by a space is typeset as a credit
    ("本报记者  巨云鹏文", 巨 being no surname of the lexicon): running text cut at a column
    end ("记者日前从北") has no space there, so its names (of 2-3 characters, as most are)
    need no known surname."""
    names = [n for g in groups for n in g]
    single, compound = _surnames()
    # (a name with a middle dot is transliterated and has no surname: 艾丽米拉·巴合达艾力)
    if bool(names) and all(n[0] in single or n[:2] in compound or "·" in n for n in names):
        return True
    return (bool(names) and text is not None and all(2 <= len(n) <= 3 for n in names)
            and _roles_set_off(text))


_ROLE_THEN_GAP_RE = re.compile(rf"(?:{_ROLE_ALT}){_GAP}")


def _roles_set_off(text: str) -> bool:
    """Every role word of `text` is followed by a space (and there is one)."""
    roles = list(ROLE_RE.finditer(text))
    return bool(roles) and all(_ROLE_THEN_GAP_RE.match(text, m.start("role")) for m in roles)


# A dateline's bracket that names its writers without a role word: "本报北京1月27日电  （刘硕阳、王亮、杨磊）".
# Two names at least, set off by 、: one word alone in brackets is as often a note ("（国际部）").
_ROLE_LESS_NAMES_RE = re.compile(rf"^{_GAP}*[{_CJK}·]{{2,4}}(?:{_GAP}*、{_GAP}*[{_CJK}·]{{2,4}})+{_GAP}*$")


def _role_less_names(credit: str) -> list[str]:
    if not _ROLE_LESS_NAMES_RE.match(credit):
        return []
    names = split_names(credit)
    return names if names_look_real((names,)) else []


def match_dateline(line: str, page_outlet: str | None = None) -> BylineMatch | None:
    """A dateline at the start of a line, with its bracketed credit if any."""
    m = DATELINE_RE.match(line)
    if not m:
        return None
    end = m.end()
    credit = None
    cm = CREDIT_PAREN_RE.match(line, end)
    if cm is None:
        rm = CREDIT_REPORT_RE.match(line, end) if "报道" in line[end : end + 72] else None
        if rm is not None and any(parse_credit(rm.group(1))[:2]):
            cm = rm  # (only when it names someone: "本报讯 近日报道：" is text)
        else:
            bm = CREDIT_BARE_RE.match(line, end)
            if bm is not None and names_look_real(parse_credit(bm.group(1))[:2]):
                cm = bm
    if cm:
        credit = cm.group(1)
        end = cm.end()
    elif not re.match(r"[\s\u3000\xa0(（]|$", line[end:end + 1]) and m.group("org") not in ("本报", "新华社", "中新社"):
        # "湖南日报讯" must be followed by a bracket or space to be a dateline;
        # "X报电…" inside running text is not one.
        pass
    org = m.group("org")
    reporters, correspondents, credit_outlet = parse_credit(credit) if credit else ([], [], None)
    if credit and not reporters and not correspondents and org in ("本报", "新华社"):
        reporters = _role_less_names(credit)
    if org == "本报":
        outlet = credit_outlet or page_outlet
    else:
        outlet = org
    place = m.group("place") or None
    if place in NOT_PLACES:
        place = None  # "本报综合消息": compiled, filed from nowhere
    byline = Byline(
        dateline=m.group("dateline"),
        place=place,
        outlet=outlet,
        reporters=reporters,
        correspondents=correspondents,
        raw=line[:end].strip(),
    )
    while end < len(line) and line[end] in " \u3000\xa0":
        end += 1
    if cm is not None and line[end : end + 1] in ("：", ":") and end + 1 < len(line):
        end += 1  # "央视网消息（新闻联播文字版）：20日，……": the colon is the dateline's, not the body's
    return BylineMatch(byline=byline, end=end, date_text=m.group("date"))


AUTHOR_NOTE_RE = re.compile(
    r"^[（(](?P<note>[^（）()]*(?:记者|通讯员|[，,][\u4e00-\u9fff·、 ]{2,20}(?:采访整理|整理))[^（）()]*)[）)]$"
    r"|^[（(](?P<helpers>[\u4e00-\u9fff·、 ]{2,20})(?:参与采写|参与报道|对本文亦有贡献)[）)]$"
)
# ...the part of a note naming who wrote it up without a role word: "（作者为……排长，李龙伊、黄超整理）".
_HELPERS_WROTE_UP_RE = re.compile(r"^(?P<names>[\u4e00-\u9fff·、 ]{2,20}?)(?:采访整理|整理)$")
_CREDIT_VERB_END = re.compile(r"(?:参与采写|参与报道|对本文亦有贡献|参与|采访整理|整理|采写|报道|供稿)$")


def parse_author_note(text: str) -> tuple[list[str], list[str]] | None:
    """'（作者为浙江大学研究员，本报记者窦瀚洋整理）' closes an article: the
    reporter who wrote it up is the byline."""
    m = AUTHOR_NOTE_RE.match(text.strip())
    if not m:
        return None
    if m.group("helpers"):
        names = split_names(m.group("helpers"))
        return (names, []) if names else None
    # every part of the note that names a role: "（作者为……，本报记者X整理）", "（本报记者A、B，
    # 通讯员C参与采写）", "（本报……电  记者A、B，实习生C对本文亦有贡献）"
    reporters: list[str] = []
    correspondents: list[str] = []
    for part in re.split(r"[，,；;]", m.group("note")):
        if not ROLE_RE.search(part):
            hm = _HELPERS_WROTE_UP_RE.match(part.strip())
            names = split_names(hm.group("names")) if hm else []
            if names and names_look_real((names,)):
                reporters.extend(n for n in names if n not in reporters)
            continue
        r, c, _ = parse_credit(_CREDIT_VERB_END.sub("", part.strip()))
        reporters.extend(n for n in r if n not in reporters)
        correspondents.extend(n for n in c if n not in correspondents)
    if not reporters and not correspondents:
        return None
    return reporters, correspondents


# What a stripped line starts or ends with when CREDIT_MARKS_RE has a mark to take
# away: every line of a page passes _bare_credit, and few hold one (the regex's
# scan of a line costs several times these two tests).
_CREDIT_MARK_FIRST = "■□●◆▲★◇○◎◉文图"
_CREDIT_MARK_LAST = ("文", "图", "报道")


def _bare_credit(text: str) -> str:
    """A credit line without its bullet and 文/图 marks."""
    t = text.strip()
    if t[:1] not in _CREDIT_MARK_FIRST and not t.endswith(_CREDIT_MARK_LAST):
        return t
    return CREDIT_MARKS_RE.sub("", t).strip()


def credit_outlet(text: str) -> str | None:
    """The outlet a credit line names before a role ("光明日报记者 X" → 光明日报), or None."""
    t = _bare_credit(text).strip("（）() ")
    if PHOTO_CREDIT_RE.search(t):
        m = _TEXT_THEN_PHOTO_RE.match(t)
        if m is None:
            return None  # (a photographer's outlet: "新华社记者 X摄" on a 人民日报 page)
        t = m.group("text")
    bm = match_dateline(t)
    if bm is not None and bm.byline.outlet and not bm.byline.dateline.lstrip("据").startswith("本报"):
        # a source note closing a reprint: "（新华社桑给巴尔1月3日电 记者华洪立、林光耀）"
        return bm.byline.outlet
    outlet = parse_credit(t)[2]
    # (an outlet's name ends like one: "特约|通讯员" is a role, not an outlet)
    return outlet if outlet and re.search(r"(?:社|报|网|台|新闻|在线)$", outlet) else None


# A photographer's credit: the names before 摄 are a picture's, not a writer's ("新华社记者  刘  颖摄",
# "本报记者邹松摄", "以上图片均为本报记者宋豪新摄", "周社根摄（新华社发）", "王旺旺摄/光明图片",
# "（新华社记者 李响摄）", "本报记者 王伟 摄影");
# ANNOTATION.md's reporters are the names after 记者 in a byline or a 本报记者 X line.
PHOTO_CREDIT_RE = re.compile(r"摄影?(?:[（(][^（）()]{0,12}[）)]|/[^\s/]{0,8})?[）)]?$")
# ...and a text-and-photo credit names its writer before 文: "本报记者  巨云鹏文  王  初摄（人民视觉）".
_TEXT_THEN_PHOTO_RE = re.compile(rf"^(?P<text>.*?[{_CJK}])文{_GAP}+\S")
# A production credit closing a wire's video or graphic story: "新华社国内部出品", "新华社音视频部制作"
# (in news-unlabeled.jsonl and rmrb-2026-01 each closes 5 articles and no line ends so
# elsewhere); 制作 only after a unit's or an outlet's name: "灯笼制作" is a heading.
PRODUCED_BY_RE = re.compile(rf"^[{_CJK}·]{{2,16}}(?:联合)?出品$"
                            rf"|^[{_CJK}·]{{1,14}}(?:部|社|台|中心|工作室|团队|频道|编辑室)(?:联合)?制作$")


def photo_credit(text: str) -> bool:
    """A credit line that ends in a photographer's 摄."""
    return bool(PHOTO_CREDIT_RE.search(_bare_credit(text)))


def parse_closing_credit(text: str) -> tuple[list[str], list[str]] | None:
    """'本报通讯员  刘诗寒  记者  屠瑜' → (['屠瑜'], ['刘诗寒']); a photographer's credit
    ('新华社记者  刘  颖摄') → ([], []): a credit, naming no reporter."""
    t = _bare_credit(text)
    if PHOTO_CREDIT_RE.search(t):
        m = _TEXT_THEN_PHOTO_RE.match(t)
        if m is not None and CLOSING_CREDIT_RE.match(m.group("text")):
            return parse_closing_credit(m.group("text"))
        return ([], []) if CLOSING_CREDIT_RE.match(t) else None
    if not CLOSING_CREDIT_RE.match(t):
        return None
    reporters, correspondents, _ = parse_credit(t.strip("（）()"))
    if not reporters and not correspondents:
        return None
    if not names_look_real((reporters, correspondents), t):
        # a role and words with no surname: a column cut the line after "记者" in running
        # text ("……（记者王昊男）记者日前从北" / "京市……")
        return None
    return reporters, correspondents
