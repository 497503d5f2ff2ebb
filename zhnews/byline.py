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

from . import recache as re
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
# A month and day in Chinese numerals ("本报保定五月十五日电", "中新社昆明十一月十九日电": 人民日报
# until the late 1990s, 中新社); dates.CN_MONTH_DAY_RE reads them.
_CN_DAY = "(?:十[一二]?|[一二三四五六七八九])月(?:[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])日"
# "本报" / "据新华社" / "湖南日报" / "中新社" + place + date + 电|讯
DATELINE_RE = re.compile(
    rf"""^(?P<dateline>
        (?P<via>据)?
        (?P<org>本报|新华社|中新社|中国新闻社|人民日报|{_WEB_OUTLETS}|[{_CJK}]{{2,8}}?(?:日报|晚报|早报|时报|商报|青年报|法治报|报|通讯社|电视台))
        (?P<place>[{_CJK}]{{1,7}}?)?
        (?P<date>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日|{_CN_DAY})?
        (?P<kind>(?(date)专?电|电(?![{_DIAN_WORDS}]))|讯(?!员)|消息)
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
# (the outlet holds no role word: "记者胡昌伟通讯员余夕阳" is two roles, not an outlet
# "记者胡昌伟" of 通讯员)
# (a magazine's or paper's title in book-title marks is an outlet too: "《时代潮》杂志记者 X")
ROLE_RE = re.compile(rf"(?P<outlet>(?:(?!{_ROLE_ALT})[{_CJK}・·《》]){{2,16}}?)?(?P<role>{_ROLE_ALT})")
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
MAX_GLUED = 9  # names glued without a space: three of three characters; a longer run of characters is text
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
_OUTLET_PREFIX = (rf"(?:新华社|中新社|{_WEB_OUTLETS}|[{_CJK}]{{2,6}}?(?:日报|晚报|早报|时报|商报|报|电视台)"
                  rf"|《[{_CJK}]{{1,12}}》(?:杂志社?|新闻周刊|周刊|报|网)?)")
# A credit glued to its dateline and closed by 报道, without a space anywhere (人民日报 1998:
# "本报北京5月12日讯记者薛原报道：", "…讯新华社记者王黎、本报记者董洪亮报道："; and a PDF's text that
# lost its spaces): taken only when its names start with surnames.
CREDIT_REPORT_GLUED_RE = re.compile(
    rf"((?:{_OUTLET_PREFIX})?(?:{_ROLE_ALT})[^，。,：:\s]{{2,40}}?)报道[：:，,]?[ \u3000\xa0]*")
# (the last names of a line may be glued together and to their role, as a PDF's text layer leaves them:
# "□本报记者康淼沈汝发", "每经记者胡玉慧魏玉卿朱凯"; split_names splits such a run only where every part
# starts with a surname. Not after a space: on a typeset page a run there is a name and a word; nor a run
# ending in a credit's verb: "（本报记者王洲参与采写）" is an author note, parse_author_note.)
CLOSING_CREDIT_RE = re.compile(
    rf"^[（(]?(?:{_OUTLET_PREFIX}?(?:{_ROLE_ALT})[\s\u3000\xa0/：:]*(?:[{_CJK}·]{{1,4}}(?:[\s\u3000\xa0、]+|(?=[）)]?$)|(?=[\s\u3000\xa0]*{_OUTLET_PREFIX}?(?:{_ROLE_ALT})))"
    rf"|(?<=[者员生])(?![{_CJK}]*(?:采写|整理|报道|参与|贡献|供稿|摄影?)[）)]?$)[{_CJK}]{{5,{MAX_GLUED}}}(?=[）)]?$))+[\s\u3000\xa0]*)+[）)]?$"
)
# Marks around a credit line that are not names: a bullet ("■本报记者 X") and the
# text/photo note ("文/图 本报记者 X", "文/本报记者 X", "本报记者 X 摄影报道").
CREDIT_MARKS_RE = re.compile(
    r"^[■□●◆▲★◇○◎◉⊙][\s\u3000\xa0]*|^(?:文|图)[\s\u3000\xa0]*[/／][\s\u3000\xa0]*(?:图|文)[\s\u3000\xa0]*"
    r"|^文[\s\u3000\xa0]*[/／][\s\u3000\xa0]*"  # "文/本报记者 X" (not "图/X": a photographer's)
    r"|[\s\u3000\xa0]*(?:(?:文|图)[\s\u3000\xa0]*[/／][\s\u3000\xa0]*(?:图|文)|摄影报道|报道)$"
    # "理财周报记者施维/文" (the text is the named reporter's), "本报记者梅建明文/摄" (text and
    # photos his: a writer, not only a photographer)
    r"|[\s\u3000\xa0]*(?:[/／]文|文[\s\u3000\xa0]*[/／][\s\u3000\xa0]*摄)$"
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
    # Names glued to the next role are no outlet of it ("记者胡昌伟通讯员余夕阳": the lazy outlet
    # group takes 胡昌伟): an "outlet" right after a role that ends like no outlet is names.
    glued = [i > 0 and bool(m.group("outlet")) and m.start() == matches[i - 1].end()
             and not _OUTLET_END.search(m.group("outlet")) and m.group(0) not in ROLE_WORDS
             for i, m in enumerate(matches)]
    # ...and names glued to a title in book-title marks after them ("记者翟启运《时代潮》杂志记者"):
    # the names end where the title starts
    titled = [i > 0 and not glued[i] and m.start() == matches[i - 1].end() and "《" in (m.group("outlet") or "")[1:]
              for i, m in enumerate(matches)]
    for i, m in enumerate(matches):
        # ("全媒体记者" is one role, not the outlet 全媒体 and 记者)
        if (m.group("outlet") and not glued[i] and m.group("outlet") + m.group("role") not in ROLE_WORDS
                and outlet is None and not own_first):
            lead = m.group("outlet").strip("・·")
            if "《" in lead:  # "《经济参考报》" → 经济参考报, "翟启运《时代潮》杂志" → 时代潮杂志
                lead = lead[lead.index("《"):].replace("《", "").replace("》", "")
            # "新甘肃・甘肃日报" → the paper's name, "中国妇女报・中国妇女网" too
            parts = re.split(r"[・·]", lead)
            lead = next((p for p in reversed(parts) if p.endswith(("报", "社"))), parts[-1])
            if lead not in ("本报",) and len(lead) >= 2:
                outlet = lead
        if i + 1 < len(matches):
            nxt = matches[i + 1]
            seg_end = (nxt.start("role") if glued[i + 1]
                       else nxt.start() + nxt.group("outlet").index("《", 1) if titled[i + 1] else nxt.start())
        else:
            seg_end = len(credit)
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
        # a writer's 文 glued to a three-character name ("深圳特区报记者赵新明文"): a four-character
        # name ends so only after a compound surname (欧阳明文)
        if len(tokens[-1]) == 4 and tokens[-1].endswith("文") and tokens[-1][:2] not in name_surnames()[1]:
            tokens[-1] = tokens[-1][:-1]
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
    # "name" is words ("（记者：我只是问一下）" in a transcript), or names the text set without
    # the spaces between them ("记者何丰伦孟昭丽", as a PDF's text layer loses them too)
    out: list[str] = []
    for n in names:
        if len(n) <= MAX_PLAIN_NAME or "·" in n:
            out.extend([n] if len(n) >= 2 else [])
        else:
            out.extend(n for n in _glued_names(n) if n not in out)
    return out


def _glued_names(run: str) -> list[str]:
    """Names written one after another without a space, split where every part (of 2 or 3
    characters, 3 or 4 with a compound surname) starts with a surname; of several such
    splits the one whose rarest surname is commonest (surnames.txt is in order of
    frequency: 唐真龙|邹靓, not 唐真|龙邹靓); none: no names."""
    if len(run) > MAX_GLUED:
        return []
    single, compound = name_surnames()
    rank = _surname_rank()

    def splits(t: str):
        if not t:
            yield []
            return
        for k in (2, 3, 4):
            head = t[:k]
            if len(head) < k:
                break
            if k <= 3 and head[0] in single or k >= 3 and head[:2] in compound:
                for rest in splits(t[k:]):
                    yield [head] + rest

    best = None
    for parts in splits(run):
        if len(parts) < 2:
            continue
        cost = sorted((rank.get(p[0], len(rank)) if p[:2] not in compound else 0 for p in parts), reverse=True)
        if best is None or cost < best[0]:
            best = (cost, parts)
    return best[1] if best else []


@lru_cache(maxsize=1)
def _surname_rank() -> dict[str, int]:
    from .entities.lexicon import _surname_sections

    return {s: i for i, s in enumerate(_surname_sections()[0])}


# A lead that opens with its credit and where it was filed from instead of a
# dateline ("中国妇女报・中国妇女网记者田珊檑 发自贵阳 12月2日至4日，……").
FILED_FROM_RE = re.compile(
    rf"^(?:[■□●◆▲★◇○◎◉⊙]{_GAP}*)?(?P<credit>[{_CJK}・·]{{0,16}}?(?:{_ROLE_ALT}){_GAP}*{_NAMES})"
    rf"{_GAP}*发自{_GAP}*(?P<place>[{_CJK}]{{2,8}}?)(?:{_GAP}+|(?=\d{{1,2}}月)|$)"
)


# How an outlet's name ends ("新华社", "甘肃日报", "人民网", "央视新闻", "国际在线", "…客户端"): an
# outlet before a role ends so, a piece of a word cut at a line end ("全媒|体记者") does not.
_OUTLET_END_ALT = "(?:社|报|网|台|新闻|在线|客户端|频道|杂志|周刊|传媒|媒体)"
_OUTLET_END = re.compile(rf"(?:{_OUTLET_END_ALT}|[・·》])$")
# ...or a credit closed by 报道, the place it was filed from maybe between ("记者 李汉强 报道：",
# "本报记者 胡金华 上海报道", "□记者何丰伦孟昭丽南宁、福州报道", "环球网记者李宗泽报道，据…"): 报道
# ends the line or is followed by punctuation or a space ("记者李明曾报道过" is running text).
REPORTED_BY_RE = re.compile(
    rf"^(?:[■□●◆▲★◇○◎◉⊙]{_GAP}*)?(?P<credit>(?:[{_CJK}・·]{{1,12}}?{_OUTLET_END_ALT})?(?:{_ROLE_ALT}){_GAP}*"
    rf"[{_CJK}·、 \u3000\xa0]{{2,24}}?)"
    rf"{_GAP}*报道(?:[：:，,]{_GAP}*|{_GAP}+|$)"
)


# ...and with the body glued to 报道, as a PDF's text layer leaves it ("体坛网记者陆慧明报道本周一下午，",
# "特约记者慕豪报道联盟杯…"): only after an outlet or a role other than a bare 记者 (running text says
# "记者李明曾报道这一事件"), one name of 2-3 characters, and a character after 报道 that does not go on
# the verb (报道过/了/的/说/称/中…).
REPORTED_BY_GLUED_RE = re.compile(
    rf"^(?:[■□●◆▲★◇○◎◉⊙]{_GAP}*)?(?P<credit>(?:[{_CJK}・·]{{1,12}}?{_OUTLET_END_ALT}(?:{_ROLE_ALT})"
    rf"|(?!记者)(?:{_ROLE_ALT}))[{_CJK}·]{{2,3}}?)"
    rf"报道(?=[{_CJK}])(?![过了的说称中时后出者等和与及时])"
)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Countries, provinces and cities, also without 省/市: what a "X报道" credit writes
    between the names and 报道 ("上海报道", "南宁、福州报道")."""
    from .entities.lexicon import countries, places

    out = set(countries())
    for name, rows in places().items():
        if any(level in ("province", "city") for level, _ in rows):
            out.add(name)
            short = re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|地区)$", "", name)
            if len(short) >= 2:
                out.add(short)
    return frozenset(out)


def _strip_places(chunk: str) -> str:
    """The names of a "X上海报道" credit without the places written after them."""
    words = _place_words()
    t = chunk.rstrip(" \u3000\xa0、")
    while True:
        for k in (4, 3, 2):
            rest = t[:-k].rstrip(" \u3000\xa0、")
            if len(t) > k and t[-k:] in words and _ends_in_names(rest):
                t = rest
                break
        else:
            return t


def _ends_in_names(text: str) -> bool:
    """What is left of a credit after a place ends in a name or names ("朱宝|广州", "何丰伦孟昭丽|南宁"),
    not in a piece of one ("胡|金华", "季小舟胡|金华")."""
    roles = list(ROLE_RE.finditer(text))
    last = re.split(r"[\s\u3000\xa0、]+", text[roles[-1].end():] if roles else text)[-1]
    single, compound = name_surnames()
    if 2 <= len(last) <= 3 and last[0] in single or 3 <= len(last) <= 4 and last[:2] in compound:
        return True
    return len(last) > MAX_PLAIN_NAME and bool(_glued_names(last))


def match_filed_from(line: str) -> BylineMatch | None:
    """A "记者 X 发自 Y" or "记者 X 报道" lead: the reporters and outlet, no dateline (there is
    none to quote), the body after it."""
    m = FILED_FROM_RE.match(line)
    if not m:
        return _match_reported_by(line)
    reporters, correspondents, outlet = parse_credit(m.group("credit"))
    if not names_look_real((reporters, correspondents)):
        return None
    byline = Byline(dateline=None, place=None, outlet=outlet, reporters=reporters,
                    correspondents=correspondents, raw=m.group(0).strip())
    return BylineMatch(byline=byline, end=m.end(), date_text=None)


def _match_reported_by(line: str, whole: bool = False) -> BylineMatch | None:
    """A "记者 X 报道" credit opening a lead (the body after it), or, `whole`, making up the
    line (a credit line: parse_closing_credit)."""
    if "报道" not in line[:60]:
        return None
    m = REPORTED_BY_RE.match(line)
    if not m and not whole:
        m = REPORTED_BY_GLUED_RE.match(line)
    if not m or (m.end() == len(line)) != whole:
        return None
    credit = _strip_places(m.group("credit"))
    reporters, correspondents, outlet = parse_credit(credit)
    if not names_look_real((reporters, correspondents), credit):
        return None
    byline = Byline(dateline=None, place=None, outlet=outlet, reporters=reporters,
                    correspondents=correspondents, raw=m.group(0).strip())
    return BylineMatch(byline=byline, end=m.end(), date_text=None)


@lru_cache(maxsize=1)
def name_surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single and compound surnames, loaded once for bylines and layout's name lines."""
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
    single, compound = name_surnames()
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


# What may follow a province in a dateline's place and still not be a city of its
# own: the province name is part of a longer name there ("海南藏族自治州", "山西省").
_NOT_CITY_START = re.compile(r"^(?:省|市|州|县|区|.{0,4}族|自治)")


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, ...]]:
    """Provinces (short names: 湖北, 内蒙古) by first character, longest first: the part of a
    dateline's place written before its city ("本报湖北赤壁…电"). Not countries: a foreign
    city's name may start with one (巴西利亚, 印度尼西亚's 印度)."""
    from .entities.lexicon import places

    names: set[str] = set()
    for name, rows in places().items():
        if any(level == "province" for level, _ in rows):
            names.add(re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", name))
    out: dict[str, list[str]] = {}
    for n in sorted((n for n in names if len(n) >= 2), key=len, reverse=True):
        out.setdefault(n[0], []).append(n)
    return {c: tuple(v) for c, v in out.items()}


def _city_of(place: str) -> str:
    """A dateline's place without the province written before its city
    (ANNOTATION.md: `place` is the dateline's city): 湖北赤壁 → 赤壁, 广西南宁 → 南宁."""
    region = next((r for r in _regions().get(place[:1], ()) if place.startswith(r)), None)
    rest = place[len(region):] if region else ""
    return rest if len(rest) >= 2 and not _NOT_CITY_START.match(rest) else place


# A dateline of an outlet the list above does not name, taken only when a bracket with a role
# follows it: a paper or site known by a short name ("晨报讯（记者 X）", "扬州网讯（记者 X）",
# "中广网武汉7月31日消息（记者 X）", "长城网10月6日讯（X）" has no role and is not read) or a
# portal's channel ("新浪房产讯（编辑 X）", an editor: no reporter). Without the bracket "…网讯",
# "…报电" are as often words of running text.
CREDITED_DATELINE_RE = re.compile(
    rf"""^(?P<dateline>(?P<via>据)?
        (?P<org>[{_CJK}]{{1,8}}?(?:网|报|台|社|客户端|新闻)|[{_CJK}]{{2,6}}?(?=讯))
        (?P<place>[{_CJK}]{{1,7}}?)?
        (?P<date>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)?
        (?P<kind>电|讯(?!员)|消息))
    (?={_GAP}*[（(][^（）()]{{0,8}}?(?:{_ROLE_ALT}|编辑))""",
    re.X,
)


def match_dateline(line: str, page_outlet: str | None = None) -> BylineMatch | None:
    """A dateline at the start of a line, with its bracketed credit if any."""
    m = DATELINE_RE.match(line)
    if not m and ("（" in line[:24] or "(" in line[:24]):
        m = CREDITED_DATELINE_RE.match(line)
    if not m:
        return None
    end = m.end()
    credit = None
    cm = CREDIT_PAREN_RE.match(line, end)
    if cm is None:
        rm = CREDIT_REPORT_RE.match(line, end) if "报道" in line[end : end + 72] else None
        if rm is not None and any(parse_credit(rm.group(1))[:2]):
            cm = rm  # (only when it names someone: "本报讯 近日报道：" is text)
        elif rm is None and "报道" in line[end : end + 72]:
            gm = CREDIT_REPORT_GLUED_RE.match(line, end)
            if gm is not None and names_look_real(parse_credit(gm.group(1))[:2]):
                cm = gm
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
        # (a credit naming the paper's own reporters beside another outlet's is the paper's:
        # "本报深圳6月18日电新华社记者曲志红、本报记者杨振武报道")
        outlet = page_outlet if credit and "本报" in credit else credit_outlet or page_outlet
    else:
        outlet = org
    place = m.group("place") or None
    if place in NOT_PLACES:
        place = None  # "本报综合消息": compiled, filed from nowhere
    elif place:
        place = _city_of(place)
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
_CREDIT_MARK_FIRST = "■□●◆▲★◇○◎◉⊙文图"
_CREDIT_MARK_LAST = ("文", "图", "报道", "摄")


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
    return outlet if outlet and re.search(r"(?:社|报|网|台|新闻|在线|杂志|周刊)$", outlet) else None


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
    if text.endswith("报道"):
        bm = _match_reported_by(text.strip(), whole=True)
        if bm is not None:
            return bm.byline.reporters, bm.byline.correspondents
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
