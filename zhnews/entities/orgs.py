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

from .. import recache as re
from functools import lru_cache
from typing import Callable

from .. import figure_words
from ..model import Mention, Organization
from . import lexicon, places
from .org_filter import ABBR_NEIGHBOURS, BARE_CHAMBERS, COUNTRY_CLASS_WORDS, MINISTER_TAIL, MINISTRY_SUFFIX, PAIR_HOME, minister_named, _pair_opens, VERB_NAMED_SUFFIXES, merge_suffixes, reads_alone
from .org_filter import words as filter_words
from .titles import TITLE_BY_FIRST
from .titles import BOUNDARY_CHARS, head_starting_at

# A name read leftwards from a suffix stops after this many characters.
MAX_ORG_LEN = 30
# With no recognised start (place, country, 中国…), a multi-character suffix takes
# at most this many characters before it ("赛力斯|集团", "太重轨道|公司").
MAX_FREE_PREFIX = 6
# ...and one more before a suffix of three characters or more, which rarely ends a clause's
# common words ("潍柴雷沃拖拉机|研究院", "天安门地区管理|委员会", "梦花街疫情防控|指挥部"; issue 14 set 6:
# on the unlabeled corpora 7 for every suffix read as many clauses as names: "同盟国两大军事|集团").
MAX_FREE_LONG = 7
# A company's legal form ends a longer free name: brand, trade and 股份 before it
# ("粤芯半导体技术股份|有限公司", 9 characters; "黔仁茶生态农业旅游开发|有限公司", 11: 12 changed
# that one name on the two unlabeled corpora, 10 → 12 in issue 14's third round); the form
# is no word of a clause. A farmers' cooperative's registered form is read the same way
# ("宣烨农机服务|农民专业合作社", issue 14 set 6).
LEGAL_FORMS = frozenset({"有限公司", "股份有限公司", "有限责任公司", "专业合作社", "农民专业合作社", "股份经济合作社"})
MAX_FREE_LEGAL = 12
# Suffixes of bodies named for their place, not a field: a verb right before them is
# the clause's ("要厘清|政府", "患者感谢|医院", "你去负责|指挥部").
PLACE_NAMED = frozenset({"政府", "人民政府", "党委", "人大", "政协", "医院", "指挥部"})
# ...but verbs that qualify a government ("法罗自治政府", "过渡政府") are the name's own.
GOVERNMENT_QUALIFIERS = frozenset({"自治", "过渡"})
# A free prefix that is one verb or verbal noun names what a body does, not which
# one it is ("评审|委员会", "犯罪|集团", "投资|公司").
ACTIVITY_POS = frozenset({"v", "vn"})
# Suffixes too generic to stand on a free prefix: they need a recognised start.
WEAK_MULTI = frozenset(
    {"中心", "部门", "组织", "机关", "支部", "工作组", "专家组", "办公室", "秘书处", "理事会", "部队", "空军", "海军", "陆军", "学校", "工厂", "村委会", "居委会"}
)
# A generic suffix's recognised start must be this close: farther, the run is a
# clause ("东盟国家派出五支抗疫医疗|专家组").
MAX_WEAK_SPAN = 12
# Characters that end an organization read leftwards from its suffix, or rule a
# candidate out: adverbs and particles never inside a name.
ORG_BAD_CHARS = frozenset("也就了着过没很已把被吗呢吧啊不")
# Characters after which a one-character administrative prefix is a quantity or a
# pronoun ("两市政府", "全省", "我省"), not the start of a name.
NOT_ADMIN_BEFORE = frozenset("两各全该本我每外小社园景城山辖片校街")
# 政府工作报告 names the document; the body before it is its issuer ("中华人民共和国国务院|政府工作报告").
WORK_REPORT = "工作报告"
GOVERNMENT_LEVELS = ("中央", "联邦", "自治区")  # 中央政府工作报告: the government's own report
# What may follow 所 when it ends a name (中科院山西煤化所等) rather than being the
# particle before a verb (国家所遭遇).
AFTER_SUO = frozenset("等和与及的在是为将已也都还、")

# An armed or political group's class, then its name in quotes: 武装组织“真主旅”, 极端组织“伊斯兰国”,
# 反政府武装“自由叙利亚军”; group 1 is the name (2-12 characters, no punctuation inside).
DESCRIBED_NAME_RE = re.compile(r"(?:武装|恐怖|极端|激进|反对派|反政府|民兵)(?:组织|团体|派别)?“([\u4e00-\u9fffA-Za-z·]{2,12})”")
# Digits before 日 make it the day of a date ("4月21日外交部发言人"), not Japan's short form.
DATE_DIGITS = frozenset("0123456789０１２３４５６７８９〇一二三四五六七八九十")

# One-character administrative prefixes that start an organization ("省委", "市卫健委").
ADMIN_PREFIX = frozenset("省市县区镇乡村州")
# ...unless the next character makes them an ordinary word (市场, 县城, 省级, 区域).
NOT_ADMIN_NEXT = frozenset("场域块城级内外里属长直辖委")
VERB_WORD_POS = frozenset({"v", "vd", "vi"})
MEMBER = "人"  # 民主党人, 共和党人: members of the party
# The services of the PLA open the names of their organs as a place does ("陆军政治工作部宣传文化
# 中心党委", "火箭军政治工作部"); alone they are no organization (ANNOTATION.md: armies are none)
MILITARY_STARTS = frozenset({"陆军", "海军", "空军", "火箭军", "武警部队", "联勤保障部队",
                             # the PLA's general departments of 1998-2016, which open their sub-units in officers'
                             # careers and obituaries ("总参谋部作战部副部长"; orgs set 11 dev)
                             "总参谋部", "总政治部", "总后勤部", "总装备部"})  # jieba's verbs (召开 before 市政府)
# The world as a name's scope opens international bodies as a country does ("全球能源互联网发展合作组织",
# "国际可再生能源署", "国际水稻研究所") — only where the clause puts it first (not 远东|国际军事法庭, 中工|国际工程
# 股份有限公司, which the run reads whole), before the suffixes of such bodies (not 中心, 公司: "国际科技创新
# 中心", "全球跨国公司" name a status or a class) and a field of its own: with a field of two characters a body
# 组织 is a class ("国际人权组织", "国际金融组织").
GLOBAL_OPENERS = frozenset({"全球", "世界", "国际"})
GLOBAL_SUFFIXES = frozenset({"组织", "署", "基金会", "协会", "联合会", "联盟", "研究所", "研究中心", "研究院", "委员会", "理事会"})
MIN_GLOBAL_FIELD = {"组织": 3}  # characters between the opener and the suffix; 2 for the others
# Words that end an organization name read leftwards (verbs and prepositions that
# introduce it). 同 is left out: it starts names (同济医院) and joins two
# ("中国同东盟"), and measured as a stop it lost more than it fixed.
ORG_LEFT_STOPS = frozenset(
    "在 向 由 据 被 把 对 为 是 和 与 及 以及 的 了 从 到 将 经 让 给 请 走进 来到 联合 携手 会同 牵头 组织 "
    "推动 推进 联手 联袂 或 各 当时 办理 传达 学习 召开 举行 听取 审议 发布 印发 制定 获悉 参观 走访 落户 入列 评为 成为 加入 支持 指责 攻击 "
    "表示 介绍 认为 宣布 称 呼吁 要求 通过 根据 按照 依托 围绕 同时 以及 等 会议 大会 会上 期间 也 就 还 又 "
    "已 正 并 而 但 则 即 派出 设立 需要 设置 送 包括 自恃 其中 愿 照会 "
    # (issue 14, set 6) verbs that take a body as their object and never stand inside a name: on the
    # unlabeled corpora "向科威特派遣|抗疫医疗专家组", "在前苏联国家建立|生物实验室", "老领导们感谢|省委"
    "派遣 建立 来自 感谢 告诉 选取 转移 接运 协助 邀请 会见 会晤 拜会 致电 致函 出席 参加 访问 "
    "承认 运至 建成 增加 共有 围观 缺乏 毕业于 征集 拓展 开展".split()
)
MAX_STOP = max(len(w) for w in ORG_LEFT_STOPS)
# jieba parts of speech of a word that, holding a stop character, still ends a name
# read leftwards (作为, 参与, 给予, 对于, 正式, 正在); a noun, place or name holding one does not
# (财经, 埃及, 对外, 和平).
STOP_WORD_POS = frozenset("v vd vg vi p c d ad t r u uj ul uz ug ud m q".split())
_STOP_BY_LAST = lexicon.lengths_by_last(ORG_LEFT_STOPS)
# Characters segmented either side of a "word" suffix to see whether it is a word:
# enough for a four-character word crossing either end.
SUFFIX_WORD_CONTEXT = 4
# The state's own names, written before a ministry's short form as before a
# place's organ ("国家教育部", "中华人民共和国科学技术部").
NATIONAL_OPENERS = frozenset({"国家", "中华人民共和国"})
# How far a place name holding a one-character suffix may reach either side of
# it: a county or town name is at most five characters (迭部县, 格尔木市).
PLACE_AROUND = 4
# Levels below the county whose places are mostly missing from the place lexicon
# (大坪村, 开慧镇), and 州, whose short prefecture names (黔东南州, 伊犁州) and foreign
# states (密苏里州) are too: the word before them is taken as the place's name.
VILLAGE_LEVELS = frozenset("村镇乡州县区")
# 县 and 区 (issue 14, third round: 石柱|县中益乡华溪村党支部, 三水|县高等小学) also end words for kinds
# of area (居民区, 新区): the word before is then no place's name
TYPE_LEVELS = frozenset("县区")
PLACE_WORD_POS = frozenset("n ns nr nz nt".split())
# Conjunctions an organ's name may hold between two fields (住房保障和房屋管理局),
# and how far before one the name's start may lie (a place and a field or two).
AND_JOINERS = frozenset("和与")
POSTED_AT = "驻"  # 美驻|武汉总领馆, 中国驻|日本使馆
# jieba parts of speech of the field words on either side of it (nouns, verbs such as 保障, verbal and
# distinguishing nouns, abbreviations, places).
FIELD_POS = frozenset("n vn v nz an b j ng nt ns".split())
MAX_AND_LEFT = 10
# Words that join two bodies' action ("省公安厅联合省检察院") and stop a name read
# leftwards, but also name joint bodies ("苏州工业园区联合协调理事会").
JOINT_WORDS = frozenset({"联合"})
# A department written after its university or college: a field and 系, then a
# title, a student or punctuation ("科技传播系副研究员", "中文系教授", "化学系，").
UNIVERSITY_ENDINGS = ("大学", "学院")
AFFILIATED = "附属"
# what a university's affiliate is named after 附属: up to 12 characters of its own name
# (a number, a place, a speciality) and the kind of body
AFFILIATED_RE = re.compile(r"[\u4e00-\u9fff0-9]{0,12}?(?:医院|中学|小学|学校|幼儿园|实验学校)")
DEPARTMENT_RE = re.compile(r"([\u4e00-\u9fff]{2,6}?)系(?=主任|教授|副教授|讲师|研究员|副研究员|助理|博士|硕士|学生|本科|党委|[，。、；）)\s]|$)")
# A university's school or institute named after it ("清华大学|经济管理|学院", "复旦大学|公共卫生|学院", "耶鲁大学|
# 公共卫生|学院"): where the university opens on no place the run stopped at the university (orgs set 11 dev
# 武汉大学机器人学院; People's Daily 1998 ORG spans). The field: up to SCHOOL_FIELD_MAX characters of field words.
SCHOOL_FIELD_MAX = 8
SCHOOL_RE = re.compile(r"([\u4e00-\u9fff]{2,%d}?)(学院|研究院|研究所|研究中心)" % SCHOOL_FIELD_MAX)
# A grade written right before a suffix ("国家一级博物馆", "三级医院", "甲级设计院")
# makes the name a class of bodies.
RANK_RE = re.compile(r"[一二三四五六七八九十甲乙丙]级")
# A count inside a run ("百余家", "五支", "中尼两国") marks a clause, not a name.
COUNTED_RE = re.compile(r"[0-9一二两三四五六七八九十百千万余多几]+[家个名所支座位项批国]")
# After a person's name, characters that show the name is not part of the
# organization's ("高君宇|学生党支部" is one name; "乐玉成|同韩国外交部" is not).
NAME_JOINERS = frozenset("同和与及、跟向对在为")
TURN_OUTLET_RE = re.compile(r"(?:^|(?<=[\n\s]))《?([\u4e00-\u9fffA-Za-z]{2,12}?)》?记者[：:]")
# The quantifier before a class of bodies ("各全国文艺家协会", "各省政府"), which
# ANNOTATION.md leaves out.
CLASS_BEFORE = "各"
# A party's congress written on its short form ("越共十四大", "中共十九大"): an event,
# which ANNOTATION.md does not count, not a mention of the party.
CONGRESS_RE = re.compile(r"[一二三四五六七八九十]{1,3}大(?![学院])")
# A short form the article defines for itself right after the full name:
# "圣多美和普林西比（以下简称“圣普”）", "国家开发投资集团有限公司（以下简称国投）".
DEFINED_ALIAS_RE = re.compile(r"（(?:以下)?简称[“\"]?([\u4e00-\u9fffA-Za-z]{2,10})[”\"]?）")
# How far a 《…》 title around an organization's mention is looked for (the longest
# titles of laws and rules in the example pages run to ~40 characters).
MAX_BOOK_TITLE = 60
# Characters after a body that opens a title and make it the title's issuer, one of several.
ISSUER_JOINERS = frozenset("、和与及")
BRACKET_MEDIA_RE = re.compile(
    r"《([\u4e00-\u9fffA-Za-z]{2,12})》(?=记者|报道|的报道|的一篇报道|刊文|刊登|发文|网站|杂志|周刊|月刊|报(?![告道]))"
)
# A title that is a newspaper's or a weekly's name ("《金边邮报》", "《星报》"), and any title
# written right after a country ("美国《连线》", "德国《明镜》"), names an outlet — unless it is
# a document's ("美国《投票权法案》").
QUOTED_SITE_RE = re.compile(r"“([\u4e00-\u9fffA-Za-z]{2,12})”网站(?:的文章|的报道|文章)?(?:说|称|刊文|刊发|报道|发表|指出|援引)")
PAPER_TITLE_RE = re.compile(r"《([\u4e00-\u9fff]{1,10}(?:报|周刊|杂志))》")
ANY_TITLE_RE = re.compile(r"《([\u4e00-\u9fffA-Za-z]{2,12})》")
DOCUMENT_ENDINGS = ("法", "法案", "条例", "协定", "公约", "宣言", "报告", "计划", "战略", "议程", "声明", "决议", "规划", "方案", "意见",
                    "公报", "专报", "快报", "简报", "通报", "情报", "年报", "周报", "月报", "汇报", "海报")

# What follows an outlet's name in a photo or compiler's credit: 发 that makes no word with
# what follows (a caption's credit may run into the next line: "新华社发“她该辞职了”"), or a
# reporter's name and 摄/整理 ("新华社记者胡友松摄", "（新华社记者 王晔 摄）",
# "（人民网记者许维娜整理）").
CREDIT_RE = re.compile(r"发(?![布表出来文起生言展放送现挥行电函给])|(?:记者|特约记者|通讯员)?\s*[\u4e00-\u9fff·、\s]{2,16}?\s*(?:摄|整理)")
# What follows an outlet's name in a dateline ("新华社北京1月30日电", "新华社电"): a byline, not a mention
# (ANNOTATION.md), also where it stands below a summary or deck line instead of opening the text (the
# article's text has lost the spaces after 电, so a dated 电 needs nothing after it).
DATELINE_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日电|电(?=[\s（(：:]|$)")
# What makes the name before it a building or a member of a class, not a body named.
NOT_A_BODY_AFTER_RE = re.compile(r"大厦|大楼|旧址|之一")


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
    for w in lexicon.org_abbr_bodies():
        known.setdefault(w, (w, "government"))
    # the longest suffix is looked up at *every* position (overlapping), so that
    # 区委 in "自治区委员会" does not hide 委员会
    suffix_scan = lexicon.WordScanner(suffixes)
    known_scan = lexicon.WordScanner(known)
    starts = set(places.place_names()) | set(known) | {"中国", "中华", "国家", "全国", "中央", "中共", "自治区"}
    starts |= lexicon.countries() | lexicon.foreign_regions() | MILITARY_STARTS | GLOBAL_OPENERS
    # a level's party committee or government opens the names of its own bodies
    # (省委|改革办, 省委|党史研究室, 市政府|研究室), though 委 after 省 is no start (NOT_ADMIN_NEXT)
    starts |= {a + b for a in "省市县区州" for b in ("委", "政府")} | {"自治区党委"}
    start_scan = lexicon.WordScanner(starts)
    return suffixes, known, suffix_scan, known_scan, start_scan


@lru_cache(maxsize=1)
def _place_set() -> frozenset:
    return frozenset(places.place_names()) | lexicon.foreign_regions()


def _stop_ending_at(text: str, j: int) -> bool:
    if j > len(text):  # never in practice; the slices below would be short
        return any(text[j - n : j] in ORG_LEFT_STOPS for n in range(min(MAX_STOP, j), 0, -1))
    if j <= 0:
        return False
    for n in _STOP_BY_LAST.get(text[j - 1], ()):
        if n <= j and text[j - n : j] in ORG_LEFT_STOPS:
            return True
    return False


def _stop_len_ending_at(text: str, j: int) -> int:
    """Length of the longest stop word ending at j, 0 when none."""
    for n in sorted(_STOP_BY_LAST.get(text[j - 1], ()) if j > 0 else (), reverse=True):
        if n <= j and text[j - n : j] in ORG_LEFT_STOPS:
            return n
    return 0


def _crossed(text: str, k: int, lo: int, hi: int) -> bool:
    """Does a word of the segmentation lexicon (1–MAX_WORD characters, inside
    text[lo:hi]) start before k and end after it?"""
    words = figure_words.lexicon()[0]
    for a in range(max(lo, k - figure_words.MAX_WORD + 1), k):
        for b in range(k + 1, min(hi, a + figure_words.MAX_WORD) + 1):
            if text[a:b] in words:
                return True
    return False


def _stop_is_word(text: str, j: int, n: int, end: int, cuts: list) -> bool:
    """Whether the stop word text[j-n:j] stands as a word of its clause: a stop
    character glued into a longer word is part of the name ("贵州财|经|大学",
    "埃|及|政府", "中国人民|对|外友好协会", "国土资源|和|房屋管理局" is not: 和 stands
    alone there but the name is one, that one is left to the clause)."""
    lo = max(0, end - MAX_ORG_LEN - MAX_STOP)
    if not cuts and not (_crossed(text, j - n, lo, end) or _crossed(text, j, lo, end)):
        # no word of the lexicon runs over either edge of the stop: every
        # segmentation cuts there, so it stands alone (the cheap, common answer)
        return True
    if not cuts:
        cuts.extend((lo + a, lo + b) for a, b in figure_words.segment(text[lo:end]))
    word = next(((a, b) for a, b in cuts if a < j <= b), None)
    if word is None or word == (j - n, j) or any(a == j - n for a, _ in cuts) and any(b == j for _, b in cuts):
        return True
    # a verb, adverb or function word holding the stop is a stop all the same ("身为|正大集团",
    # "参与|公司", "最高人民法院正式启用|全国法院")
    return figure_words.pos_of(text[word[0] : word[1]]) in STOP_WORD_POS


def _suffix_is_word(text: str, ss: int, se: int) -> bool:
    """Whether the suffix text[ss:se] ends a word of its clause and does not start
    inside a word that ends within it ("美国国会" and "京剧院" are words; "联合国|会员国"
    runs on, "中|国会" starts inside 中国)."""
    lo, hi = max(0, ss - SUFFIX_WORD_CONTEXT), min(len(text), se + SUFFIX_WORD_CONTEXT)
    bounds = {lo + a for a, _ in figure_words.segment(text[lo:hi])} | {hi}
    return se in bounds and (ss in bounds or not any(ss < b < se for b in bounds))


def _holds_person(text: str, sp, known, blocked: bytearray) -> bool:
    """Whether the known organization name text[s:e] (an outlet, a short form) holds
    every character the people reader took around it: the reader misread a part of
    the name as a person's."""
    s, e = sp[0], sp[1]
    return text[s:e] in known and (s == 0 or not blocked[s - 1]) and not blocked[e]


def _country_posting(text: str, start: int) -> int:
    """Where a mission's name starts when 驻 stands before the place it is posted to:
    at the country (or its one-character short form) right before 驻 ("美驻|武汉总领馆",
    "法国驻|武汉总领馆"); else `start`."""
    k = start - 1
    n = next((n for n in range(6, 1, -1) if text[max(0, k - n) : k] in lexicon.countries()), 0)
    if n:
        return k - n
    return k - 1 if text[k - 1] in ABBR_NEIGHBOURS else start


def _stands_alone(text: str, ss: int, se: int) -> bool:
    """Whether the clause's segmentation makes text[ss:se] a word of its own, or one
    with 人 after it (民主党人: the party's members name the party)."""
    lo, hi = max(0, ss - SUFFIX_WORD_CONTEXT), min(len(text), se + SUFFIX_WORD_CONTEXT)
    cuts = figure_words.segment(text[lo:hi])
    return (ss - lo, se - lo) in cuts or text[se : se + 1] == MEMBER and (ss - lo, se + 1 - lo) in cuts


def _run_start(text: str, end: int, blocked: bytearray, inside_known: bytearray | None = None) -> int:
    """How far left the characters before `end` can belong to one name."""
    j = end
    cuts: list = []  # the clause's word boundaries, segmented at the first stop met
    while j > 0 and end - j < MAX_ORG_LEN:
        c = text[j - 1]
        if c in ORG_BAD_CHARS:
            break
        if blocked[j - 1] and not blocked[j] and (j == end or text[j] in NAME_JOINERS or _stop_ending_at(text, j + 1)):
            break  # a person before the name ("乐玉成同|韩国外交部")
        if blocked[j - 1] and not blocked[j] and _titled_person_ends(text, j, blocked):
            break  # 研究局局长朱俊强院士任|星际航行学院: a person after a title closes a clause, never inside a name
        if c == "）":
            k = text.rfind("（", max(0, j - 7), j)
            if k >= 0 and text[k + 1 : j - 1] in places._index()[0]:
                j = k  # 中国（甘肃）知识产权保护中心
                continue
        if c in BOUNDARY_CHARS:
            break
        if c.isdigit() and j != end and not text[j:end].isdigit():
            break
        n = _stop_len_ending_at(text, j)
        if n and not (inside_known is not None and inside_known[j - 1]) and _stop_is_word(text, j, n, end, cuts):
            break
        j -= 1
    return j


MAX_TITLE_HEAD = 6  # characters of a title head read back from a person's name (局长, 党委书记, 常务副主任)


def _titled_person_ends(text: str, j: int, blocked: bytearray) -> bool:
    """A person's name ends at j and a title head ends right where it starts
    ("局长|朱俊强"). Names inside organizations (宋庆龄基金会) follow no title."""
    ps = j - 1
    while ps > 0 and blocked[ps - 1]:
        ps -= 1
    return any((h := head_starting_at(text, ps - n)) is not None and h[1] == ps for n in range(1, min(MAX_TITLE_HEAD, ps) + 1))


def _across_and(text: str, lo: int, ss: int, se: int, blocked: bytearray, inside_known, suffixes, start_scan) -> int:
    """Where a name stopped at 和/与 really starts: an organ named for two fields
    ("上海市住房保障和房屋管理局", "广州市政务服务和数据管理局") runs on over the
    conjunction when nothing after it starts a name and the words before it open on
    a place or national prefix without ending an organization of their own
    ("省卫健委和疾控中心", "北京和上海两地政府" stay apart)."""
    if lo < 2 or text[lo - 1] not in AND_JOINERS or _good_start(text, lo, ss, start_scan) is not None:
        return lo
    left = _run_start(text, lo - 1, blocked, inside_known)
    g = _good_start(text, left, lo - 1, start_scan) if left < lo - 1 else None
    if g is None:
        return lo
    opener = start_scan.match(text, g, lo - 1) or g + 1
    # a known body before the field is the parent of the organ (中国社会科学院|世界经济与政治研究所):
    # the field alone is measured
    if lo - 1 - (opener if inside_known is not None and inside_known[g] else g) > MAX_AND_LEFT:
        return lo
    before = text[g : lo - 1]
    if lo == ss and _field_and_bare_suffix(text, g, opener, lo, se, suffixes):
        return g  # 厄立特里亚高等教育与研究院: two fields, the second the suffix's own
    if opener >= lo - 1 or lo >= ss or before.endswith(_as_tuple(suffixes)) or text[lo:se] in suffixes:
        return lo  # a place, prefix or known name alone ("国家和组织", "解放军和武警"), an organ, or no field after
    # both fields are plain nouns: no verb, adverb, person ("中国留学生和孔子学院") or
    # generic word ("中国有关部门和地方政府"), and the conjunction stands as a word
    cuts = figure_words.segment(text[opener:ss])
    seg_words = [text[opener + a : opener + b] for a, b in cuts]
    if text[lo - 1] not in seg_words:
        return lo  # 参与, 和平: no conjunction there
    people = lexicon.titles() | lexicon.name_context().get("noun", frozenset())
    generic = filter_words().get("generic", frozenset()) | lexicon.org_false().get("generic", frozenset())
    for i, w in enumerate(seg_words):
        if w in AND_JOINERS:
            continue
        # a generic word opens no field ("有关|部门和|地方|政府"); inside one it is part of the
        # field's name ("住房和城乡|建设|委员会")
        opens = i == 0 or seg_words[i - 1] in AND_JOINERS
        if figure_words.pos_of(w) not in FIELD_POS or w in people or opens and w in generic:
            return lo
    return g


# A suffix that names a field of its own ("高等教育与|研究院", "科学与|技术学院"): a country or place and a
# field before 与/和 make one body with it (issue 14 set 1 dev: 厄立特里亚高等教育与研究院). Shorter suffixes
# (局, 部, 中心) name no field, and a place alone before the conjunction is a pair ("国家和组织").
FIELD_SUFFIXES = frozenset({"研究院", "研究所", "研究中心", "学院", "科学院"})
MIN_AND_FIELD = 2  # characters of the field between the place and the conjunction
FIELD_WORD_POS = frozenset({"n", "vn", "nz", "l"})  # nouns, and set phrases (高等教育 is jieba's l)


def _field_and_bare_suffix(text: str, g: int, opener: int, lo: int, se: int, suffixes) -> bool:
    """Whether text[g:se] is a place or country, a field of plain nouns, 与/和 and a field-naming
    suffix right after it (厄立特里亚|高等教育|与|研究院)."""
    if text[lo:se] not in FIELD_SUFFIXES or text[g:opener] not in _place_set() | lexicon.countries():
        return False
    field = text[opener : lo - 1]
    if len(field) < MIN_AND_FIELD or field.endswith(_as_tuple(suffixes)):
        return False
    words = [field[a:b] for a, b in figure_words.segment(field)]
    generic = filter_words().get("generic", frozenset())
    return all(figure_words.pos_of(w) in FIELD_WORD_POS and w not in generic for w in words)


def _after_clause_verb(free: str, place_named: bool = False) -> int:
    """Where a free prefix starts after the last verb of the clause (jieba v, two
    characters or more) before its last word, or after a pronoun: "加强|人民政协",
    "建设|非洲疾控中心", "本次|联委会"; a verb ending the prefix names the body's field (美洲开发|银行,
    中信出版|集团) — not of a body named for its place ("要厘清|政府", "患者感谢|医院").
    0 when there is none."""
    cuts = figure_words.segment(free)
    # 庆应|义塾大学, 区直|机关工委: tagged a verb, the word opens the name
    opens = filter_words().get("opens", frozenset())
    k = 0
    for i, (a, b) in enumerate(cuts):
        pos = figure_words.pos_of(free[a:b])
        if b - a >= 2 and free[a:b] not in opens and free[a] not in ADMIN_PREFIX and (pos == "r" or pos == "v" and (i < len(cuts) - 1 or place_named and free[a:b] not in GOVERNMENT_QUALIFIERS)):
            k = b
    # before another verb the verb qualifies it inside the name (阿独立|选举|委员会)
    if k and k < len(free):
        rest = next(((a, b) for a, b in cuts if a == k), None)
        if rest is not None and figure_words.pos_of(free[rest[0] : rest[1]]) in ("v", "vn"):
            return 0
    return k


def _over_opening_verb(text: str, lo: int, start_scan) -> int:
    """Where a leading group's name starts when a verb opens its task right after
    the level it belongs to ("国家|推动|长江经济带发展领导小组", "省|推进|…领导小组"): the
    verb is a stop elsewhere, but here the level before it opens the name."""
    n = _stop_len_ending_at(text, lo)
    v = lo - n
    if not n or figure_words.pos_of(text[v:lo]) not in ("v", "vn"):
        return lo
    if v >= 1 and text[v - 1] in ADMIN_PREFIX and (v < 2 or text[v - 2] not in NOT_ADMIN_BEFORE):
        return v - 1
    for k in range(max(0, v - MAX_FREE_PREFIX), v):
        if start_scan.match(text, k, v) == v:
            return k
    return lo


def _named_after_person(text: str, ss: int, blocked: bytearray, inside_known, start_scan, place_set) -> int:
    """Where a body named after a person starts: a country or place right before the
    name ("俄罗斯|阿尔希波夫|基金会", "中国|宋庆龄|基金会") opens it; else the person is
    no part of it (ss)."""
    p = ss
    while p > 0 and blocked[p - 1]:
        p -= 1
    lo = _run_start(text, p, blocked, inside_known)
    g = _good_start(text, lo, p, start_scan) if lo < p else None
    if g is not None and start_scan.match(text, g, p) == p and (text[g:p] in lexicon.countries() or text[g:p] in place_set):
        return g
    return ss


def _place_word_before(text: str, lo: int, k: int) -> int:
    """Start of the unknown place name written before the level character at k
    ("大坪|村", "开慧|镇"): the last word of text[lo:k] when jieba takes it for a
    noun or a name, not for a verb ("撤换|村党支部") or a listed lead word."""
    cuts = figure_words.segment(text[max(lo, k - 4) : k])
    if not cuts:
        return k
    a, b = cuts[-1]
    w = text[max(lo, k - 4) + a : k]
    lead = filter_words()
    if 2 <= len(w) <= 3 and figure_words.pos_of(w) in PLACE_WORD_POS and w not in lead.get("lead", ()) and w not in lead.get("verbs", ()) and w not in lead.get("generic", ()):
        if text[k] in TYPE_LEVELS and (w[-1] in ADMIN_PREFIX or w + text[k] in _words()):
            return k  # 居民|区, 两江新区|区委: a kind of area, no place's name
        return k - len(w)
    return k


def _inside_place(text: str, ss: int) -> bool:
    """Whether a place name of the lexicon starts before the one-character suffix
    at ss and runs past it (迭部县). The longest place starting at each position
    is enough: a shorter one ends earlier."""
    scan = places._index()[1]
    for a in range(max(0, ss - PLACE_AROUND), ss + 1):
        e = scan.match(text, a)
        if e is not None and e > ss + 1:
            return True
    return False


def _places_chain(text: str, g: int, s: int, start_scan, place_set) -> bool:
    """Whether text[g:s] is one place or places one inside the next
    ("福建省", "上海市虹口区"), or opens on the state's own name ("国家|教育部")."""
    k = next((g + len(w) for w in NATIONAL_OPENERS if text.startswith(w, g) and g + len(w) <= s), g)
    while k < s:
        m = start_scan.match(text, k, s)
        if m is None or text[k:m] not in place_set:
            return False
        k = m
    return k == s


def _opens_clause_part(text: str, lo: int, k: int) -> bool:
    """Whether nothing of a name stands in text[lo:k] before a start at k: the run starts there,
    or its last word is a verb or function word ("还有|国际水稻研究所"), not a noun (远东|国际军事法庭)."""
    if k == lo:
        return True
    cuts = figure_words.segment(text[lo:k])
    return bool(cuts) and figure_words.pos_of(text[lo + cuts[-1][0] : k]) in STOP_WORD_POS


def _ends_with_org(s: str, suffixes) -> bool:
    return len(s) >= 3 and s.endswith(_as_tuple(suffixes, 2))


# (words, shortest length) → (the words, those of them as a tuple): see _as_tuple
_TUPLES: dict[tuple[int, int], tuple] = {}
MAX_TUPLES = 64


def _as_tuple(words, min_len: int = 0) -> tuple[str, ...]:
    """The words of a lexicon table (of min_len characters or more) as a tuple, made
    once per table: `s.endswith(tuple)` tests them all in one C call, where a
    generator of endswith calls over the ~N suffixes was most of find_orgs' tests."""
    key = (id(words), min_len)
    hit = _TUPLES.get(key)
    if hit is None or hit[0] is not words:
        if len(_TUPLES) >= MAX_TUPLES:
            _TUPLES.clear()  # (tables are the lexicon's, made once: this never fills in practice)
        hit = _TUPLES[key] = (words, tuple(w for w in words if len(w) >= min_len))
    return hit[1]


def _inside_title_head(text: str, ss: int, se: int | None = None) -> bool:
    """Whether the suffix at ss sits inside a title head (总队 in 副总队长) — not
    when the head is the organization followed by a title of its own
    ("擦若村党支部|书记": the title names the 党支部, ANNOTATION.md lists it)."""
    for k in range(max(0, ss - 3), ss + 1):
        if text[k : k + 1] not in TITLE_BY_FIRST:
            continue  # no title head starts here
        h = head_starting_at(text, k)
        if h and h[0] < ss < h[1] or h and h[0] == ss and k < ss:
            if se is not None and se < h[1] and text[se : h[1]] in lexicon.titles():
                continue
            if se is not None and _minister_of(text, k, ss, se, h[1]):
                continue
            return True
    return False


# A minister's title written on the ministry's name (org_filter.MINISTER_TAIL): not where the title head opens on
# a rank (副部长, 总…长): no field names a ministry there.
RANK_HEADS = "副总代常"


def _minister_of(text: str, k: int, ss: int, se: int, head_end: int) -> bool:
    return (text[ss:se] == MINISTRY_SUFFIX and text[se:head_end] == MINISTER_TAIL and ss - k >= 2
            and text[k] not in RANK_HEADS and minister_named(text, head_end))


@lru_cache(maxsize=1)
def _admin_end_words() -> frozenset:
    """Words that end on an administrative character (湾区, 社区, 景区, 本市): that
    character closes a word there, it does not open an organization's name
    ("粤港澳大湾|区认证联盟" is not 区…)."""
    words, _ = figure_words.lexicon()
    return frozenset(w for w in words if len(w) == 2 and w[1] in ADMIN_PREFIX)


def _word_starts_at(text: str, k: int) -> bool:
    """Whether the clause's segmentation ends a verb at k and starts a word of two
    characters or more there: a word ending on an administrative character (开市)
    is no word where its first character ends the verb before and the level opens
    a word of its own ("召开|市政府", not "召|开市|政府"; "大湾|区|认证" and
    "伦巴第|大区|政府" stay no start)."""
    lo = max(0, k - SUFFIX_WORD_CONTEXT)
    cuts = [(lo + a, lo + b) for a, b in figure_words.segment(text[lo : k + SUFFIX_WORD_CONTEXT])]
    return any(a == k and b - a >= 2 for a, b in cuts) and any(
        b == k and b - a >= 2 and figure_words.pos_of(text[a:b]) in VERB_WORD_POS for a, b in cuts)


# Words that 中 opens after another short form: the pair is then no bilateral body's start.
PAIR_NOT_BEFORE = ("中国", "中华", "中央", "中共")


def _pair_start(text: str, lo: int, hi: int) -> int | None:
    """Where a bilateral body's name starts: 中 and a country's one-character short
    form, either way round, opening a word of the clause ("以及|中英企业家委员会",
    "美中贸易全国委员会", "中新双边合作联委会"); None when no such pair opens text[lo:hi]
    (集|中加|强 is no pair: 中 is inside 集中)."""
    for k in range(lo, min(hi - 1, lo + MAX_FREE_PREFIX)):
        pair = text[k : k + 2]
        if (PAIR_HOME in pair and pair[0] != pair[1] and all(c in ABBR_NEIGHBOURS for c in pair) and hi - k <= MAX_WEAK_SPAN
                and not COUNTED_RE.search(text, k, hi)  # 中美两国|政府: the two countries' bodies, a class
                and not text.startswith(PAIR_NOT_BEFORE, k + 1)  # 而非|中国政府: 中 opens the country
                and (pair[0] != PAIR_HOME or _pair_opens(text, k))  # 会谈中|英国政府: 英 opens the country
                and not text.startswith(tuple(COUNTRY_CLASS_WORDS), k + 2)):  # 中法|地方政府: a class
            w0 = max(0, k - SUFFIX_WORD_CONTEXT)
            cuts = figure_words.segment(text[w0 : k + SUFFIX_WORD_CONTEXT])
            inner = figure_words.segment(text[k + 2 : hi])
            # no clause between the pair and the suffix (中俄|共同|提交|这份|安理会)
            if any(a + w0 == k for a, _ in cuts) and not any(figure_words.pos_of(text[k + 2 + a : k + 2 + b]) in STOP_WORD_POS for a, b in inner):
                return k
    return None


# Grassroots units named for a residential area or a road, which no place list holds
# ("长江|居民区|党总支", "三里屯|社区|党委", "石泉|路|街道|信访办"): the proper name before the area
# word opens the organization (one noun between: "凯旋|公寓|居民区").
AREA_WORDS = ("居民区", "社区", "小区", "路街道")
PROPER_POS = frozenset("ns nr nrt nrfg nz j".split())


def _area_start(text: str, lo: int, hi: int) -> int | None:
    """Where a grassroots unit's name starts in text[lo:hi] when an area word of
    AREA_WORDS follows a proper name there (jieba's tags), else None."""
    if not any(w in text[lo:hi] for w in AREA_WORDS):
        return None
    cuts = [(lo + a, lo + b) for a, b in figure_words.segment(text[lo:hi])]
    for i, (a, b) in enumerate(cuts):
        # the area word: a word of its own, or 路 + 街道 (南京东|路|街道, 南京东路|街道)
        if text[a:b] in ("居民区", "社区", "小区") or text[a:b] == "街道" and a > lo and text[a - 1] == "路":
            j = i - 1
            if j >= 0 and text[cuts[j][0] : cuts[j][1]] == "路":
                j -= 1
            if j >= 0 and text[cuts[j][0] : cuts[j][1]].endswith("路") and text[a:b] == "街道" and cuts[j][1] - cuts[j][0] > 1:
                return cuts[j][0]  # 南京东路|街道
            if j >= 0 and figure_words.pos_of(text[cuts[j][0] : cuts[j][1]]) == "n" and j >= 1 and \
                    figure_words.pos_of(text[cuts[j - 1][0] : cuts[j - 1][1]]) in PROPER_POS:
                j -= 1  # 凯旋|公寓|居民区
            if j >= 0 and cuts[j][1] - cuts[j][0] >= 2 and figure_words.pos_of(text[cuts[j][0] : cuts[j][1]]) in PROPER_POS:
                return cuts[j][0]
    return None


def _good_start(text: str, lo: int, hi: int, start_scan: lexicon.WordScanner) -> int | None:
    """The leftmost recognised start of a name within text[lo:hi]."""
    area = _area_start(text, lo, hi)
    for k in range(lo, hi):
        if k == area:
            return k
        c = text[k]
        if (
            c in ADMIN_PREFIX
            and k + 1 < len(text)
            and text[k + 1] not in NOT_ADMIN_NEXT
            and (k == 0 or text[k - 1] not in NOT_ADMIN_BEFORE)
            and not (k > 0 and text[k - 1 : k + 1] in _admin_end_words() and not _word_starts_at(text, k))
        ):
            return k
        me = start_scan.match(text, k, hi)
        if me is not None and text[me : me + 1] != "级":  # 国家级, 省级: a rank, not a name
            return k
    return None


def find_orgs(text: str, skip: list[tuple[int, int]] | None = None) -> list[Organization]:
    """Organizations in text; spans in `skip` (people's names) are not part of one."""
    suffixes, known, suffix_scan, known_scan, start_scan = _tables()
    word_suffixes = lexicon.org_word_suffixes()
    start_suffixes = lexicon.org_start_suffixes()
    false = lexicon.org_false()
    endings, generic = false.get("endings", frozenset()), false.get("generic", frozenset())
    after_country = false.get("after_country", frozenset())
    industries = false.get("industries", frozenset())
    spans: list[tuple[int, int, str, str | None]] = []  # start, end, kind, canonical
    aliased: set[str] = set()  # full names with a short form the article defined
    defined = _defined_aliases(text, suffixes) if "简称" in text else []
    if any(full is None for _, full, _ in defined):
        start_scan = _StartsPlus(start_scan, {a for a, full, _ in defined if full is None})
    blocked = bytearray(len(text) + 1)
    for s, e in skip or ():
        for k in range(s, e):
            blocked[k] = 1

    # a suffix at the end of a known name (组织 in 世卫组织) is that name's
    known_end = {}
    inside_known = bytearray(len(text) + 1)
    known_spans = list(known_scan.finditer(text))
    for ks, ke in known_spans:
        known_end[ke] = min(known_end.get(ke, ks), ks)
        for k in range(ks, ke):
            inside_known[k] = 1

    # (2) suffix-anchored names
    place_set = _place_set()
    for ss, se in suffix_scan.starts(text):
        suf = text[ss:se]
        if (
            suf == "所"
            and se < len(text)
            and "\u4e00" <= text[se] <= "\u9fff"
            and text[se] not in AFTER_SUO
            and not head_starting_at(text, se)
        ):
            continue  # 所 + verb is the particle ("国家所遭遇")
        if suf in word_suffixes and not _suffix_is_word(text, ss, se):
            continue  # "联合国|会员国", "中国|会更好": no 国会 there
        kind = suffixes[suf]
        if (
            # 学|科, 干|部, 部|分行: a word, no suffix — unless a longer suffix stands as a
            # word of the clause (医学|科学院)
            text[ss - 1 : ss + 1] in endings and (len(suf) == 1 or not _suffix_is_word(text, ss, se))
            # 所|在, 部|分: a word — not after a longer suffix standing as a word (考古研究所|在)
            or text[se - 1 : se + 1] in endings and (len(suf) == 1 or not _suffix_is_word(text, ss, se))
            or text[ss : se + 1] in endings
            or se - ss == 1 and text[max(0, ss - 2) : se] in endings  # 城乡接合|部: a three-character word
        ):
            continue
        if _inside_title_head(text, ss, se) or se - ss >= 2 and head_starting_at(text, se - 1):
            continue  # 总队 in 副总队长; 学校 in 北京大学|校长 (a title opening on its last character)
        if se - ss == 1 and (h := head_starting_at(text, ss)) and text[ss : h[1]] != suf + "长":
            continue  # 司 of 省军区|司令员 opens a title; 部 of 宣传部长 is the body before 长
        if se in known_end and known_end[se] < ss:
            continue
        if RANK_RE.match(text, max(0, ss - 2)) and ss >= 2:
            continue  # 国家一级|博物馆, 三级|医院: a grade of bodies, no body
        if suf == "政府" and text.startswith(WORK_REPORT, se) and ss > 0 and text[ss - 1] not in ADMIN_PREFIX and not text.endswith(GOVERNMENT_LEVELS, 0, ss):
            continue  # 国务院|政府工作报告: the report's name, the body is 国务院 (not 省政府|工作报告)
        if se - ss == 1 and _inside_place(text, ss):
            continue  # 部 of 迭部县, 局 of 格局镇: a place's name
        lo = _run_start(text, ss, blocked, inside_known)
        if lo == ss and len(suf) >= 2 and ss > 0 and blocked[ss - 1]:
            lo = _named_after_person(text, ss, blocked, inside_known, start_scan, place_set)
        lo = _across_and(text, lo, ss, se, blocked, inside_known, suffixes, start_scan)
        if suf in VERB_NAMED_SUFFIXES:
            lo = _over_opening_verb(text, lo, start_scan)
        start = _good_start(text, lo, ss, start_scan) if lo < ss else None
        if lo < ss and len(suf) >= 2 and (pair := _pair_start(text, lo, ss)) is not None and (start is None or pair < start):
            start = pair  # 美中贸易|全国委员会: the pair opens the name, not 全国 inside it
        if start is None and text[max(0, lo - 2) : lo] in JOINT_WORDS:
            # 苏州工业园区联合|协调理事会: with no start after it, 联合 is inside the name
            lo2 = _run_start(text, lo - 2, blocked, inside_known)
            start2 = _good_start(text, lo2, lo - 2, start_scan) if lo2 < lo - 2 else None
            if start2 is not None and ss - start2 <= MAX_WEAK_SPAN:
                lo, start = lo2, start2
        if start is not None and start > lo and _ends_with_org(text[lo:start], suffixes) and text[start] not in ADMIN_PREFIX:
            start = lo  # 怀柔实验室|山西研究院: one name (代表省委|省政府: two organs of the level)
        if start is not None and text[start] in ADMIN_PREFIX:
            # 省纪委|省监委, 市委|市政府: an organ of the level, then another of the same level
            k = next((k for k in range(ss - 1, start + 1, -1) if text[k] == text[start]
                      and (text[start:k] in suffixes or _ends_with_org(text[start:k], suffixes))), None)
            start = k if k is not None else start
        if (start is not None and start + 2 < len(text) and text[start] in ADMIN_PREFIX and text[start + 1] in ADMIN_PREFIX
                and text[start + 2] not in NOT_ADMIN_NEXT and start + 1 < ss):
            continue  # 市县乡|组织, 省市|疫情防控指挥部: levels together, a class of bodies
        if start is not None and start > lo and text[start] in VILLAGE_LEVELS:
            start = _place_word_before(text, lo, start)  # 大坪|村党支部: the village's own name
        if start is not None and text[start : start + 2] in GLOBAL_OPENERS and start_scan.match(text, start, ss) == start + 2 and (
                not _opens_clause_part(text, lo, start) or suf not in GLOBAL_SUFFIXES or ss - start - 2 < MIN_GLOBAL_FIELD.get(suf, 2)):
            start = None  # 国际|组织, 国际科技创新|中心: a class or a status; 远东|国际…: the free run decides
        if start is not None and start >= 2 and text[start - 1] == POSTED_AT:
            start = _country_posting(text, start)  # 美驻|武汉总领馆: the country that posts the mission
        if start is not None and start > lo and text[start - 1] == "（" and len(suf) >= 2:
            start = lo  # 微瓷科技（江西）有限公司: the place is inside the name
        weak = suf in WEAK_MULTI or suf in start_suffixes
        if start is not None and kind == "party" and reads_alone(suf) and _ends_with_org(text[start:ss], suffixes) and _stands_alone(text, ss, se):
            start = ss  # 美国国会众议院|民主党人: the chamber, then the party (not one body)
        if start is not None and (len(suf) == 1 or weak) and ss - start > MAX_WEAK_SPAN:
            start = None
        if start is None:
            free = text[lo:ss]
            if free.isdigit() and free and len(suf) >= 2:
                start = lo  # 63750部队 (not 4|部 电影)
            elif (
                len(suf) >= 2
                and not weak
                and suf not in BARE_CHAMBERS  # a chamber is its country's or alone ("约占|众议院")
                and 2 <= ss - lo <= (MAX_FREE_LEGAL if suf in LEGAL_FORMS else MAX_FREE_LONG if len(suf) >= 3 else MAX_FREE_PREFIX)
                and not (free.endswith(_as_tuple(generic)) or free.startswith(_as_tuple(generic)))
                and not COUNTED_RE.search(free)
                and not (free in _words() and figure_words.pos_of(free) in ACTIVITY_POS)
                and free not in industries
            ):
                start = lo + _after_clause_verb(free, suf in PLACE_NAMED)
                if ss - start < 2 or start > lo and any(text[start:ss].startswith(g) for g in generic | filter_words().get("generic", frozenset())):
                    continue
            elif suf in known or suf in ("省委", "市委", "县委", "区委", "州委"):
                start = ss
            elif reads_alone(suf) and _stands_alone(text, ss, se):
                # 共和党, 参议院 as a word of their own: the body, with no free name before it
                # (not 备忘录建议|共和党, 恐导致|参议院, 约占|众议院)
                start = ss
            else:
                continue
        if se - start < 2 or suf in after_country and (text[start:ss] in lexicon.countries() or text[start:ss] in ("中国", "国家")):
            continue  # 英国|大学: a class of the country's bodies
        if suf == "中心" and se - start == 3 and text[start] in ADMIN_PREFIX:
            continue  # 德黑兰市|中心, 镇中心: the centre of the town, a place (市中心医院 is read from 医院)
        spans.append((start, se, kind, None))

    # (1) outlets and short forms, extended left over a place ("福建省" + 卫健委)
    abbr_bodies = lexicon.org_abbr_bodies()
    for s, e in known_spans:
        written = text[s:e]
        canon, kind = known[written]
        if written in abbr_bodies and s > 0 and (text[s - 1] in ABBR_NEIGHBOURS or text[s - 1 : s + 1] in _words()
                                                 or text[s - 1] in DATE_DIGITS):
            # "中美|海军合作", "欧美|政府": two countries; "参加|外交部": no country; "21日|外交部发言人":
            # the day of a date: the body alone
            s, written = s + 1, written[1:]
            if written not in known:
                continue
            canon, kind = known[written]
        if text[e - 1 : e + 1] in endings and not _suffix_is_word(text, s, e) and not (
                text[e - 1 : e + 1] == MINISTRY_SUFFIX + MINISTER_TAIL and minister_named(text, e + 1)):
            continue  # 人社|部门 (not 中国银行|使用; not 外交部|长, the ministry's minister)
        if kind == "party" and CONGRESS_RE.match(text, e):
            continue  # 越共十四大, 中共十九大: the congress, an event
        lo = _run_start(text, s, blocked)
        g = _good_start(text, lo, s, start_scan) if lo < s else None
        if g is not None and not _places_chain(text, g, s, start_scan, place_set):
            # the run reaches over a joiner to a place that opens no chain ("中国同|韩国外交部"):
            # the chain of places right before the name
            g = next((k for k in range(g + 1, s) if start_scan.match(text, k, s) is not None
                      and not (inside_known[k] and inside_known[k - 1])  # 金砖|国家新开发银行: 国家 of a known name
                      and _places_chain(text, k, s, start_scan, place_set)), g)
        gm = start_scan.match(text, g, s) if g is not None else None
        if g is not None and g < s and (
            gm is not None and _places_chain(text, g, s, start_scan, place_set) or text[g] in ADMIN_PREFIX and g + 1 == s and text[g : g + 2] not in _words()
        ):
            spans.append((g, e, kind, None))
        else:
            spans.append((s, e, kind, canon if canon != written else None))

    # a university's or college's department ("中国科学技术大学科技传播系副研究员"), or a university's school
    for s, e, kind, canon in list(spans):
        if canon is None and text.endswith(UNIVERSITY_ENDINGS, s, e) and (m := DEPARTMENT_RE.match(text, e)):
            field = m.group(1)
            cuts = figure_words.segment(field)
            if all(figure_words.pos_of(field[a:b]) in FIELD_POS and figure_words.pos_of(field[a:b]) != "v" for a, b in cuts):
                spans.append((s, m.end(), kind, None))
        elif canon is None and text.endswith(UNIVERSITY_ENDINGS[0], s, e) and (m := SCHOOL_RE.match(text, e)):
            field = m.group(1)
            cuts = figure_words.segment(field)
            if not any(u in field for u in UNIVERSITY_ENDINGS) and all(
                figure_words.pos_of(field[a:b]) in FIELD_POS and figure_words.pos_of(field[a:b]) != "v" for a, b in cuts
            ):
                spans.append((s, m.end(), kind, None))

    # a university's affiliated hospital or school ("复旦大学附属眼耳鼻喉科医院",
    # "首都医科大学附属北京天坛医院"): one name, the university's
    if AFFILIATED in text:
        for s, e, kind, canon in list(spans):
            if text.endswith(UNIVERSITY_ENDINGS, s, e) and text.startswith(AFFILIATED, e):
                m = AFFILIATED_RE.match(text, e + len(AFFILIATED))
                if m is not None:
                    spans.append((s, m.end(), "institution", None))

    # (3) the outlet of a reporter's question
    known_ends = {e for _, e in known_spans}
    for rx in (TURN_OUTLET_RE, BRACKET_MEDIA_RE):
        if rx is TURN_OUTLET_RE and "记者：" not in text and "记者:" not in text:
            continue  # every turn holds one; the scan tries an outlet at every character
        for m in rx.finditer(text):
            name = m.group(1)
            if name in ("本报", "记者") or name.startswith("本报"):
                continue
            if rx is BRACKET_MEDIA_RE and m.start() in known_ends:
                continue  # 光明日报《神山村三日》报道: a report of the outlet before it
            canon = known.get(name, (name, "media"))[0]
            spans.append((m.start(1), m.end(1), "media", canon if canon != name else None))
    if "”网站" in text:
        # a website named in quotes that reports ("“今日埃及人”网站刊文说", "英国“对话地球”网站刊发")
        for m in QUOTED_SITE_RE.finditer(text):
            spans.append((m.start(1), m.end(1), "media", None))
    if "《" in text:
        countries = lexicon.countries()
        for m in ANY_TITLE_RE.finditer(text):
            name = m.group(1)
            paper = PAPER_TITLE_RE.fullmatch(m.group(0)) is not None
            country_before = any(text[max(0, m.start() - n) : m.start()] in countries for n in range(2, 8))
            if (paper or country_before) and not name.endswith(DOCUMENT_ENDINGS) and "是" not in name and m.start() not in known_ends:
                canon = known.get(name, (name, "media"))[0]
                spans.append((m.start(1), m.end(1), "media", canon if canon != name else None))

    # (4) a short form the article defined for an organization ("（以下简称国投）"):
    # each of its mentions is that organization's
    if defined:
        by_end: dict[int, tuple[int, int, str, str | None]] = {}
        for sp in spans:
            if sp[1] not in by_end or sp[0] < by_end[sp[1]][0]:
                by_end[sp[1]] = sp
        for alias, full, at in defined:
            host = by_end.get(at) if full is not None else None
            if host is None or alias in suffixes:
                continue  # no organization defined there, or a generic word ("学院")
            canon = text[host[0] : host[1]]
            for m in re.finditer(re.escape(alias), text):
                spans.append((m.start(), m.end(), host[2], canon))
                aliased.add(canon)

    # drop spans overlapping a person's name, then those inside a longer span
    # (a name may be inside an organization's: 北京大学高君宇学生党支部)
    # — not a known name that holds the whole "person" (彭博|社 is no 彭博 of 彭博社记者)
    spans = [sp for sp in spans if not (blocked[sp[0]] or sp[1] < len(text) and blocked[sp[1]] and blocked[sp[1] - 1])
             or _holds_person(text, sp, known, blocked)]
    # after 各 ("各全国文艺家协会", "各省政府") a name is a class of bodies, not one
    spans = [sp for sp in spans if sp[0] == 0 or text[sp[0] - 1] != CLASS_BEFORE]
    spans.sort(key=lambda sp: (sp[0], -(sp[1] - sp[0])))
    kept: list[tuple[int, int, str, str | None]] = []
    # Every kept span starts at or before this one (sorted), so it lies inside a
    # longer one, or repeats one, exactly when a kept span ends at or after its
    # end: one running maximum instead of comparing with all kept (quadratic).
    kept_end = -1
    for sp in spans:
        if kept_end >= sp[1]:
            continue  # inside a longer name, or the same span again
        kept.append(sp)
        kept_end = sp[1]

    # a photo credit in the body ("新华社发", "新华社记者胡友松摄") names the outlet as a byline
    # does (ANNOTATION.md: no mention); a building (美国国会|大厦) or one of a class
    # (国际航空公司协会|之一) is no organization named
    kept = [sp for sp in kept if not (sp[2] == "media" and (CREDIT_RE.match(text, sp[1]) or DATELINE_AFTER_RE.match(text, sp[1])))
            and not NOT_A_BODY_AFTER_RE.match(text, sp[1]) and not _rank(text, sp[0], sp[1])]
    # a dateline's 日电 before the first name of its body, where no byline took the dateline off ("新华社北京1月27日电|
    # 国务院总理李强…" below a summary line): 日电 is also a word (NEC), so the run read it into the name
    kept = [(sp[0] + len(DATELINE_DAY), sp[1], sp[2], None) if _after_dateline_day(text, sp[0], sp[1]) else sp for sp in kept]

    # a class of group written before its own name in quotes ("武装组织“真主旅”", "极端组织“伊斯兰国”"):
    # the quoted name is the organization, the class before it none
    for m in DESCRIBED_NAME_RE.finditer(text):
        qs, qe = m.start(1), m.end(1)
        if any(blocked[k] for k in range(qs, qe)):
            continue
        kept = [sp for sp in kept if sp[1] != m.end(1) - len(m.group(1)) - 1] + [(qs, qe, "army", None)]

    groups: dict[str, Organization] = {}
    order: list[str] = []
    # a Latin acronym (APEC, IMF) is the organization its Chinese name names on the page
    acronym_of = {canon for s, e, kind, canon in kept if canon and text[s:e].isascii()}
    for s, e, kind, canon in sorted(kept):
        written = text[s:e]
        # one outlet under its several names (央视, 总台); other short forms stay
        # apart, as a page may name both 党中央 and 中共中央
        key = canon if canon and (kind == "media" or canon in acronym_of or canon in aliased) else written
        org = groups.get(key)
        if org is None:
            org = Organization(name=written, kind=kind, canonical=canon)
            groups[key] = org
            order.append(key)
        elif len(written) > len(org.name):
            org.name = written
        org.mentions.append(Mention(written, s, e))
    out = _short_into_full([groups[k] for k in order], groups)
    out = _term_into_body(_commission_into_joint(merge_suffixes(_abbr_country_into_full(out))))
    if "《" in text:
        out = [o for o in out if not all(_inside_book_title(text, m.start, m.end) for m in o.mentions)]
    for org in out:
        if org.canonical == org.name:
            org.canonical = None
    return out


DATELINE_DAY = "日电"


def _after_dateline_day(text: str, s: int, e: int) -> bool:
    """Whether the name text[s:e] opens on a dateline's 日电 after the day's digits and goes on past it."""
    return text.startswith(DATELINE_DAY, s) and s > 0 and text[s - 1] in DATE_DIGITS and e - s > len(DATELINE_DAY) + 1


# A rank written as the body of its level between 正/副 and 职/级 ("正大军区职退休干部", "副军职", "正师级"):
# an officer's grade, no body named.
RANK_OPENERS, RANK_CLOSERS = "正副", "职级"


def _rank(text: str, s: int, e: int) -> bool:
    return text[s] in RANK_OPENERS and e < len(text) and text[e] in RANK_CLOSERS


def fold_orgs(orgs: list[Organization], target_of: Callable[[Organization], Organization | None]) -> list[Organization]:
    """Organizations the article names under two written forms, folded into one entry of the gold
    (ANNOTATION.md item 4): `target_of` gives, for each organization in turn, the one it is (or
    None); its mentions join that one's, in text order, and it leaves the list. Never into one
    already folded away. The passes that fold: short forms into full names, a country's
    one-character form into its name, a brand into its company (entities._brands_into_companies)."""
    folded: set[int] = set()
    out = []
    for o in orgs:
        t = target_of(o)
        if t is None or t is o or id(t) in folded:
            out.append(o)
            continue
        t.mentions = sorted(t.mentions + o.mentions, key=lambda m: m.start)
        folded.add(id(o))
    return out


def _short_into_full(orgs: list[Organization], by_key: dict[str, Organization]) -> list[Organization]:
    """A short form whose full name the page also writes is that organization
    (世卫组织 after 世界卫生组织: one entry of the gold, ANNOTATION.md item 4), and so
    are two short forms of one full name (国家发展改革委, 发改委): their mentions join.
    Not party organs, which the gold lists under each name a page gives (中央政治局
    and 中共中央政治局, examples/). `by_key`: the organizations by the name they were grouped under."""
    first: dict[str, Organization] = {}  # canonical name → the first short form of it

    def full_of(org: Organization) -> Organization | None:
        if not org.canonical or org.kind == "party":
            return None
        full = by_key.get(org.canonical) or first.setdefault(org.canonical, org)
        if full is org or full.kind == "party":
            return None
        if full.canonical and len(org.name) > len(full.name):
            full.name = org.name  # 国家发展改革委 over 发改委: the fullest form written
        return full

    return fold_orgs(orgs, full_of)


# What follows a discipline commission's name in its joint name with the supervision commission
# of the same level (中央纪委|国家监委, 丹东市纪委|监委): one organization in the examples' gold.
JOINT_SUPERVISION = ("国家监委", "监委")


# A term number inside a body's name ("淮南市|十七届|人大常委会", "全国政协|十三届|…"): the body of that term.
TERM_RE = re.compile(r"第?[一二三四五六七八九十百零〇0-9]+届")


def _term_into_body(orgs: list[Organization]) -> list[Organization]:
    """淮南市十七届人大常委会 in an article that also writes 淮南市人大常委会 is that body, one entry
    (the gold lists a body once, whichever term a mention names); alone it stays as written."""
    if not any(TERM_RE.search(o.name) for o in orgs):
        return orgs
    by_name = {o.name: o for o in orgs}

    def body(org: Organization) -> Organization | None:
        m = TERM_RE.search(org.name)
        return by_name.get(org.name[: m.start()] + org.name[m.end():]) if m and m.start() > 0 else None

    return fold_orgs(orgs, body)


def _commission_into_joint(orgs: list[Organization]) -> list[Organization]:
    """中央纪委 in an article that also writes 中央纪委国家监委 is that joint organ, one entry
    (benchmarks/README.md "Gold conventions"); 省纪委 beside 省纪委省监委, each organ carrying its
    own level, stays apart."""
    by_name = {o.name: o for o in orgs}

    def joint(org: Organization) -> Organization | None:
        if not org.name.endswith("纪委"):
            return None
        return next((by_name[org.name + t] for t in JOINT_SUPERVISION if org.name + t in by_name), None)

    return fold_orgs(orgs, joint)


def _abbr_country_into_full(orgs: list[Organization]) -> list[Organization]:
    """A body written on its country's one-character short form ("美国会众议院") and on the
    country's name ("美国国会众议院") in one article is one organization, one entry of the gold:
    its mentions join the longer form's."""
    full_of = lexicon.country_abbr_full()
    by_name = {o.name: o for o in orgs}

    def longer_form(org: Organization) -> Organization | None:
        full = full_of.get(org.name[:1])
        return by_name.get(full + org.name[1:]) if full and len(org.name) > 2 else None

    return fold_orgs(orgs, longer_form)


def _inside_book_title(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] is a word of a longer 《…》 title: a journal, law or report
    named after a body (《美国国家科学院院刊》, 《中国共产党统一战线工作条例》,
    《最高人民法院知识产权法庭年度报告》). A title that is the name itself (《人民日报》)
    is the outlet, and a body opening the title before 关于, 、 or a verb is its
    issuer, which ANNOTATION.md lists (《中共西藏自治区委员会、西藏自治区人民政府关于…意见》)."""
    a = text.rfind("《", max(0, s - MAX_BOOK_TITLE), s + 1)
    if a < 0 or "》" in text[a:s]:
        return False
    b = text.find("》", e, e + MAX_BOOK_TITLE)
    if b < 0 or "《" in text[e:b] or (a + 1, b) == (s, e):
        return False
    if text.startswith("关于", e):
        return False  # the last of several issuers ("…、西藏自治区人民政府关于")
    if s == a + 1:
        if text[e] in ISSUER_JOINERS:
            return False
        cut = figure_words.segment(text[e:b][: figure_words.MAX_WORD])
        if cut and figure_words.pos_of(text[e : e + cut[0][1]]) in STOP_WORD_POS:
            return False
    return True


class _StartsPlus:
    """The start scanner with the country short forms an article defines
    ("圣多美和普林西比（以下简称“圣普”）" … "圣普基础设施部")."""

    def __init__(self, scan: lexicon.WordScanner, extra: set[str]):
        self.scan, self.extra = scan, sorted(extra, key=len, reverse=True)

    def match(self, text: str, pos: int, endpos: int | None = None) -> int | None:
        hi = len(text) if endpos is None else min(endpos, len(text))
        me = self.scan.match(text, pos, endpos)
        for w in self.extra:
            if pos + len(w) <= hi and text.startswith(w, pos):
                return max(me or 0, pos + len(w))
        return me


def _defined_aliases(text: str, suffixes) -> list[tuple[str, str | None, int]]:
    """Short forms the article defines: (short form, full name or None for a
    country, where the full name ends). A country's short form opens names like
    the country; an organization's is checked against the spans found there."""
    out = []
    countries = lexicon.countries()
    for m in DEFINED_ALIAS_RE.finditer(text):
        alias, at = m.group(1), m.start()
        if any(text[at - n : at] in countries for n in range(2, min(at, 10) + 1)):
            out.append((alias, None, at))
        else:
            out.append((alias, "", at))
    return out


def _words() -> dict:
    return figure_words.lexicon()[0]


# A list of departments sharing the first one's prefix ("省委组织部、宣传部、统战部",
# "自治区发展改革委、教育厅、卫生健康委"): the prefix ends at the party committee or at the
# first division of the state in the first member's name.
SHARED_PARTY_RE = re.compile(r"^(.*?(?:省委|市委|县委|区委|州委|党委))(.{2,})$")
SHARED_ADMIN_RE = re.compile(r"^(.*?(?:自治区|省|市|县|区|州))(.{2,})$")
MEMBER_JOINERS = "、和及与"
# A bare member is 2-8 characters ending with a "member" suffix (org_suffixes.txt),
# written before one of these: another joiner, punctuation, or a word that closes the
# list ("统战部负责同志", "交通运输局联合开展"). A title character instead ("宣传部长")
# makes it a title, not a member.
MAX_MEMBER = 8
MEMBER_END = frozenset(MEMBER_JOINERS + "等，。；：,;:）)")
MEMBER_TAILS = ("负责", "联合", "共同", "分别", "派员", "主要", "领导", "有关", "相关")
# A member that starts like a class or a pronoun names no body of its own (有关部门, 各委办局).
NOT_MEMBER_START = frozenset("各该本有相等其我此")


def _member_at(text: str, s: int, members: frozenset, taken: bytearray) -> int | None:
    """End of a bare department name starting at s ("宣传部" in "…、宣传部、…"), or None."""
    if s >= len(text) or text[s] in NOT_MEMBER_START:
        return None
    for e in range(s + 2, min(len(text), s + MAX_MEMBER) + 1):
        if not "\u4e00" <= text[e - 1] <= "\u9fff" or any(taken[s:e]):
            return None
        if not any(text.endswith(w, s, e) for w in members):
            continue
        nxt = text[e] if e < len(text) else "。"
        if nxt in MEMBER_END or text.startswith(MEMBER_TAILS, e):
            return e
    return None


def shared_prefix_members(text: str, orgs: list[Organization]) -> list[Organization]:
    """Bare departments listed after an organization whose prefix they share, named
    with that prefix (省委组织部、宣传部 → 省委宣传部, mention 宣传部): the finder reads
    no name from 宣传部 alone. Each member's mention keeps its offsets."""
    members = lexicon.org_member_suffixes()
    taken = bytearray(len(text))
    for o in orgs:
        for m in o.mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    known = {o.name for o in orgs}
    out: list[Organization] = []
    for o in orgs:
        for m in o.mentions:
            split = SHARED_PARTY_RE.match(m.text) or SHARED_ADMIN_RE.match(m.text)
            if split is None or not any(split.group(2).endswith(w) for w in members):
                continue
            prefix, pos = split.group(1), m.end
            while pos < len(text) and text[pos] in MEMBER_JOINERS:
                e = _member_at(text, pos + 1, members, taken)
                if e is None:
                    break
                name = prefix + text[pos + 1 : e]
                taken[pos + 1 : e] = b"\x01" * (e - pos - 1)
                if name not in known:
                    known.add(name)
                    out.append(Organization(name=name, kind=o.kind, mentions=[Mention(text[pos + 1 : e], pos + 1, e)]))
                else:
                    next(x for x in orgs + out if x.name == name).mentions.append(Mention(text[pos + 1 : e], pos + 1, e))
                pos = e
    return out


# A list of names closed by 等 and a class of companies ("科大讯飞、云知声、依图科技、思必驰、海康威视等一批
# 优秀企业", "永辉、联华等大型超市"): every member names a company, though no suffix or lexicon entry
# reads it. The class words are those of companies only: 部门/单位/平台 close lists of fields
# ("税务、海关等部门") and of apps ("抖音、快手等视频平台"), which name no organization.
LISTED_CLASS_RE = re.compile(
    r"等(?:一批|多家|众多|[0-9一二两三四五六七八九十几数百]+家)?([\u4e00-\u9fff]{0,4}?)"
    r"(?:企业|公司|超市|商超|车企|药企|房企|船企|央企|国企|民企|银行|厂商|运营商)"
)
# A qualifier between 等 and the class that makes the list one of fields or places, not of
# names ("新能源汽车、航空航天等领域的龙头企业", "太原、大同等地的企业", "科技类企业").
LISTED_NOT_QUALIFIER = ("的", "地", "领域", "产业")
LISTED_NOT_QUALIFIER_END = ("类", "型")  # 科技型企业, 文化科技类企业 — but a size is no kind (大型超市)
LISTED_SIZES = ("大型", "中型", "小型")
LISTED_MAX, LISTED_MIN = 8, 2  # a member's length in characters
LISTED_JOINER = "、"
# jieba tags of a one-word member that names a company (联华, 家乐福, 华为); a common word
# (钢铁, 汽车) names a trade and makes the whole list one of trades.
LISTED_PROPER_POS = frozenset("nz nr nrt nrfg nt".split())
# Leading words of the first member that belong to the clause ("涌现出|科大讯飞", "允许|华为").
LISTED_LEAD_POS = frozenset("v vd vi vn p c d ad r u uj ul m q t f".split())
# Characters a member holds: Han, Latin letters and digits (OPPO, 360).
LISTED_CHAR_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+")
# What ends the clause holding the list (not 、, which joins its members), and how far back it is read.
LISTED_CLAUSE_END_RE = re.compile(r"[，。；：！？,.;:!?\s“”\"'（）()《》〈〉【】]")
LISTED_LOOKBACK = 80


def _listed_member_ok(name: str) -> bool:
    """Whether a member of a company list is a name rather than a trade: Latin letters, a
    proper word (nz, nr, nt), or no word of the lexicon — pieces of one character or a
    proper piece (依|图|科技, 宁德|时代) — whose first piece is no adjective (新|能源)."""
    if not LISTED_CHAR_RE.fullmatch(name):
        return False
    if name.isascii():
        return any(c.isalpha() for c in name)
    cuts = figure_words.segment(name)
    pos = [figure_words.pos_of(name[a:b]) for a, b in cuts]
    if len(cuts) == 1:
        # a proper word; a place word only when it is no place of the lexicons (中兴, not 北京)
        return pos[0] in LISTED_PROPER_POS or pos[0] == "ns" and name not in _place_set() and name not in lexicon.countries()
    if pos[0] in ("a", "b", "m") and cuts[0][1] == 1:
        return False  # 新|能源, 老|字号: a kind of trade
    return any(b - a == 1 for a, b in cuts) or any(p in LISTED_PROPER_POS or p == "ns" for p in pos)


def _taken(text: str, orgs: list[Organization], skip: list[tuple[int, int]] | None) -> bytearray:
    """1 at every character of an organization's mention or of a span in `skip` (people's names)."""
    taken = bytearray(len(text) + 1)
    for o in orgs:
        for m in o.mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    for s, e in skip or ():
        taken[s:e] = b"\x01" * (e - s)
    return taken


def listed_companies(text: str, orgs: list[Organization], skip: list[tuple[int, int]] | None = None) -> list[Organization]:
    """Companies named in a list closed by 等 and a class of companies (LISTED_CLASS_RE), each
    member a mention of its own; members the finder read already keep their organization.
    A list with any member that names a trade or place is left whole."""
    if "等" not in text:
        return []
    taken = _taken(text, orgs, skip)
    out: list[Organization] = []
    by_name: dict[str, Organization] = {}
    for m in LISTED_CLASS_RE.finditer(text):
        if any(q in m.group(1) for q in LISTED_NOT_QUALIFIER) or (
                m.group(1).endswith(LISTED_NOT_QUALIFIER_END) and not m.group(1).endswith(LISTED_SIZES)):
            continue
        end = m.start()
        lo = end
        while lo > max(0, end - LISTED_LOOKBACK) and not LISTED_CLAUSE_END_RE.match(text, lo - 1):
            lo -= 1
        parts, pos = [], lo
        for piece in text[lo:end].split(LISTED_JOINER):
            parts.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        if len(parts) < 2:
            continue
        # the first member: after the clause's leading verbs and prepositions
        a, b = parts[0]
        cuts = figure_words.segment(text[a:b])
        k = 0
        while k < len(cuts) - 1 and figure_words.pos_of(text[a + cuts[k][0] : a + cuts[k][1]]) in LISTED_LEAD_POS:
            k += 1
        parts[0] = (a + cuts[k][0], b) if cuts else (a, b)
        members = []
        for a, b in parts:
            if any(taken[a:b]):
                if all(taken[a:b]):
                    continue  # read already (华为, 中国移动)
                members = []
                break  # a person or a name read across the member's edge: the list is no company list
            if not LISTED_MIN <= b - a <= LISTED_MAX or not _listed_member_ok(text[a:b]):
                members = []
                break
            members.append((a, b))
        for a, b in members:
            name = text[a:b]
            org = by_name.get(name)
            if org is None:
                org = by_name[name] = Organization(name=name, kind="company")
                out.append(org)
            org.mentions.append(Mention(name, a, b))
    return out


# Members of a 、-list beside an organization the finder read: each is read as one of its kind when it
# ends on a suffix of that kind ("首师大附中、景山学校、北海幼儿园等": 学校 and 附中 need a recognised
# start alone, WEAK_MULTI, but the list vouches for them). Kinds whose suffixes name one body each.
KIN_KINDS = frozenset({"education", "research", "medical", "company"})
KIN_MIN, KIN_MAX = 3, 10  # a member's length in characters: a proper name and its suffix


def listed_kin(text: str, orgs: list[Organization], skip: list[tuple[int, int]] | None = None) -> list[Organization]:
    """Unread members of a 、-list that holds an organization of a KIN_KINDS kind and end on a
    suffix of the same kind, each an organization with its own mention."""
    if "、" not in text:
        return []
    suffixes = lexicon.org_suffixes()
    taken = _taken(text, orgs, skip)
    out: list[Organization] = []
    seen: set[tuple[int, int]] = set()
    for o in orgs:
        if o.kind not in KIN_KINDS:
            continue
        for m in o.mentions:
            for a, b in _list_neighbours(text, m.start, m.end):
                if (a, b) in seen or any(taken[a:b]) or not KIN_MIN <= b - a <= KIN_MAX:
                    continue
                name = text[a:b]
                suf = next((name[-n:] for n in range(min(4, len(name) - 2), 1, -1) if name[-n:] in suffixes), None)
                if suf is None or suffixes[suf] != o.kind or not LISTED_CHAR_RE.fullmatch(name):
                    continue
                seen.add((a, b))
                org = Organization(name=name, kind=o.kind)
                org.mentions.append(Mention(name, a, b))
                out.append(org)
    return out


def _list_neighbours(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The other members of the 、-list holding text[s:e]; the first member without the clause's
    leading verbs and prepositions (推进|首师大附中)."""
    out = []
    k = e
    while text[k : k + 1] == LISTED_JOINER:
        j = k + 1
        while j < len(text) and text[j] not in "、等和及与" and not LISTED_CLAUSE_END_RE.match(text, j):
            j += 1
        out.append((k + 1, j))
        k = j
    k = s
    while k > 0 and text[k - 1] == LISTED_JOINER:
        j = k - 1
        while j > 0 and text[j - 1] != LISTED_JOINER and not LISTED_CLAUSE_END_RE.match(text, j - 1):
            j -= 1
        a = j
        if j == 0 or text[j - 1] != LISTED_JOINER:  # the first member: its leading words are the clause's
            cuts = figure_words.segment(text[j : k - 1])
            n = 0
            while n < len(cuts) - 1 and figure_words.pos_of(text[j + cuts[n][0] : j + cuts[n][1]]) in LISTED_LEAD_POS:
                n += 1
            a = j + cuts[n][0] if cuts else j
        out.append((a, k - 1))
        k = j
    return out
