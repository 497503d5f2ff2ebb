"""Named people and the titles written next to them.

A surname-initial run becomes a name when the trained scorer finds it plausible
*and* the genre gives evidence around it: a title before it ("省委书记林铎"), a title
after it ("唐登杰代表"), a verb or form of address after it ("张吉福主持", "张桂梅同志"),
a list joined by 、 to a name already read ("省委常委梁桂、徐新荣、杨志斌", which also
shares the title), or the scorer alone when it is very sure. Every later occurrence
of an accepted name is one more mention of the same person.
"""

from __future__ import annotations

from .. import recache as re
from collections import Counter
from bisect import bisect_left
from dataclasses import dataclass, field

from .. import figure_words
from ..lexicon import load_list
from . import lexicon, person_model, titles
from .recognizer import NameScorer, _all_han

# Probability thresholds of the name scorer, by the evidence next to the span.
# Tuned on the held-out corpus split and on bodies cut from real pages: a title
# before the name is the strongest cue (few false names follow a title head), a
# scorer-only name must be near-certain because most surname characters are also
# ordinary words (高, 金, 黄, 文, 方).
# Each is compared with the larger of the in-context and the name-likeness score.
T_TITLED = 0.0005
T_POST = 0.05
T_HONOR = 0.005
T_VERB = 0.1
# ...for three characters the general lexicon lists as a person's name (nr: "谢长廷|日前就任"):
# the lexicon vouches too, where the span opens a clause (not "首都|马普托|出席", "》|白皮书|指出").
# (Two-character nr entries are as often words: 雷霆, 朱砂.)
T_VERB_NR = 0.03
T_TURN = 0.05  # "耿爽：" at the start of a transcript turn
T_LIST = 0.05
T_ALONE = 0.95
# The in-context model alone (no title, verb or list next to the span). Chosen on
# one half of the held-out corpus split (dev), checked on the other (test): with
# the lexicon checks below, test P .910 R .450 at 0.45 against P .922 R .413 at
# the earlier 0.85 (benchmarks/bench_entities.py reports both halves together).
T_ALONE_CONTEXT = 0.45
# A span that is itself a name entry of the general lexicon: famous people (鲁迅,
# 姚明) but as often nouns jieba tags as names (雷霆, 朱砂, 柳枝): it needs more.
T_ALONE_LEXICON_NAME = 0.85
# A name followed by these is an ideology or a thing named after a person
# (马克思主义, 毛泽东思想), not a mention of the person.
NOT_PERSON_AFTER = ("主义", "思想", "理论", "精神")
# ...also with the field of the thought between them (习近平法治思想, 习近平生态文明思想,
# 习近平新时代中国特色社会主义思想): a doctrine named after the person, no mention.
IDEOLOGY_AFTER_RE = re.compile(r"(?:新时代中国特色社会主义|[\u4e00-\u9fff]{1,4})思想")
# A given-name character this much rarer in names than in running text (的, 了, 是)
# rules the span out whatever the evidence (log-odds, natural log).
VETO_LOGODDS = -4.3
# Transliterated names use many characters that are rare in Chinese names (提, 来),
# so only the pure function characters (的 -6.0, 是 -5.7, 了 -5.5) rule them out.
DOT_VETO_LOGODDS = -5.4
# Parts of speech of a word of the general lexicon that is no name after a title unless a
# verb or form of address follows it ("领导|班子和", "领导人|关心和推动", "烈士|纪念碑"), nor
# together with the title's last characters (成员|国: 成员国).
TITLED_WORD_POS = frozenset({"n", "v", "a", "d", "vn", "an", "ad"})
# Evidence too weak to stand against the filters of _drop_weak (a place around the span,
# a transliteration going on past it, an idiom or an organization's suffix).
WEAK_EVIDENCE = frozenset({"model", "repeat", "translit", "post", "verb", "honor", "turn"})
# ...of which those a place written over the span rules out (乌兹|别克斯坦 model, 马德里 repeat,
# 向昆明|市长 post): after a verb or form of address a place is rare.
PLACE_CHECKED = frozenset({"model", "repeat", "translit", "post"})
# Characters that make a span read by the model alone the name of a body or school, not a
# person ("彭博|社", "尹|派", "巴|军", "慕安|会").
ORG_AFTER_MODEL = frozenset("派社军会党队团")
# With a title before it but nothing telling where the name ends ("委员祁媛媛不断").
T_TITLED_BARE = 0.3
# How much the word after a span counts when choosing a name's length: a verb,
# title or punctuation right after it ("金湘军|回答") beats a slightly likelier span
# that runs into the next word ("金湘|军回答").
FOLLOW_BONUS = {"verb": 1.0, "honor": 1.0, "title": 1.0, "end": 1.0, "stop": 0.05}
# A surname character that is more often an ordinary word (和, 于, 向, 全, 来) needs
# this much name-likeness even with a title before it.
T_WEAK_SURNAME = 0.3
# ...unless a title stands right before it and a verb, title or punctuation
# right after it ("省委书记应勇主持", 应 is a surname ~3 % of the times it starts a
# span): then the span only has to be likelier than this, and not a word.
T_WEAK_TITLED = 0.1
WEAK_SURNAME_LOGODDS = -2.0  # corpus log-odds of the character as a surname
# After a people noun that is no title ("游客", "小伙"): weaker evidence than a title.
T_NOUN = 0.1
T_FUNCTION_START = 0.7
# Name-likeness of what follows a title for that title to belong to the next name.
T_NEXT_NAME = 0.3
# After a people noun ("村民陈香兰去…") with nothing after the name telling where it
# ends: the noun says a person follows, the scorer must say how long the name is,
# and only one length may pass ("种植户张斌耀正在": 张斌 and 张斌耀 both look like
# names, so neither is taken here; a later "张斌耀说" settles it).
T_NOUN_BARE = T_ALONE_CONTEXT
# Subtracted from a name length's score when its end splits a word of the general
# lexicon (_cut_penalty): about the weight of a verb after the name, so a cut word
# loses to an uncut length unless the scorer is far surer of it.
CUT_WORD_PENALTY = 0.6
# Characters that never sit inside a transliterated name but start the clause after
# it ("布朗|对本报记者表示", "劳拉|带着记者", "约翰逊|尚未公开", "图恩|则避免"): with a
# title or list before it, a dot name may end before them.
DOT_STOP_CHARS = frozenset("对在向把被将从给和与及的了是为带则也还又就却都曾已并尚仍均应须要会能")
# Transliterated names read from their characters (_translit_names): the mean
# log-odds of the run's characters being in a foreign name rather than in running
# text, and the shortest run read with no title or people noun before it.
T_TRANSLIT = 3.0
# ...when a foreign office follows the run ("特朗普总统", 2.9): the office vouches.
T_TRANSLIT_BEFORE_OFFICE = 2.5
# ...when the run opens a clause and a reporting verb follows it ("，特朗普26日在采访中
# 表示", 2.93): the clause start and the verb vouch, less than an office does.
# Chosen on benchmarks/statements_recall.py --set 2's dev half (st15d).
T_TRANSLIT_BEFORE_VERB = 2.8
# The longest name a run of foreign-name characters extends a read name to.
MAX_TRANSLIT_NAME = 6
# The same mean over a span after a title that is no foreign office, or after a
# people noun, with a verb after the span and characters missing from the table
# counted 0 (卡多佐 2.5, 玛格丽达 2.2; 部长|会议 0): lower than T_TRANSLIT because the
# verb and the title vouch too. Chosen on benchmarks/people_recall.py's dev half.
T_FOREIGN_LOOK = 2.0
MIN_TRANSLIT_BARE = 3
# A transliterated name standing alone is read when written this many times (_recurring_translit),
# up to this many characters; what before or after a mention makes it a place.
RECUR_TRANSLIT_MIN = 2
MAX_RECUR_TRANSLIT = 5
PLACE_PREPS = frozenset("在赴到抵至往经于从离")
FOREIGN_PLACE_AFTER = frozenset("镇村乡县区市路街站线港湾州省岛河湖山城堡宫队语族籍人方国海峡谷湾社报台网")
TRANSLIT_BOUNDS = frozenset("的和与同及、")
# A surname this common (corpus log-odds) after a title is read as a Chinese name
# even when the scorer hesitates: "总理李强|邀请", not the foreign "李强邀请".
STRONG_SURNAME_LOGODDS = 3.0
# A surname character before a two-character name that opens its clause makes it a
# three-character one (_weak_surname_before) when the scorer gives the whole this much
# (万鄂湘 0.06: 万 is a number far more often than a surname); not these characters, which
# open clauses before a name ("，和王刚说", "，经王刚介绍", "应王毅邀请").
T_WEAK_SURNAME_BEFORE = 0.02
PREFIX_NOT_SURNAME = frozenset("和与及同跟向对在为于把被将从以由就太也还都又并而给让很更最已曾的了着是经连令随陪邀请派叫应替帮代")
# Characters that start a name only with strong evidence: conjunctions and
# prepositions that are also surnames ("患者和无症状…").
FUNCTION_STARTS = frozenset("和与及同跟向对在为于把被将从以由")
# Words that go on with the clause after an office ("大使就中国同有关国家合作", "大使太愚蠢"):
# a foreign name without a surname never starts with one of them.
CLAUSE_STARTS = FUNCTION_STARTS | frozenset("就太也还都又并而给让很更最已曾的了着是")
# Function words that start on a surname character (关于, 由于): never a name's start.
# Characters a transliterated name read after an office does not go on over:
# the clause words, and the adverbs that join a subject to its verb ("特朗普则表示").
FOREIGN_NAME_BREAKS = CLAUSE_STARTS | frozenset("则即亦均仍却互时")
NOT_NAME_STARTS = frozenset({"关于", "对于", "由于", "至于", "为了", "除了", "于是", "向着", "和平"})
# Offices of foreign states whose holders have no Chinese surname ("德国总理默克尔").
FOREIGN_TITLES = frozenset(
    "首相 总统 总理 副总统 副总理 副外长 最高领袖 国王 女王 王储 外长 外交部长 外交大臣 国务卿 议长 总干事 秘书长 大使 领导人 最高领导人 防长 财长 常秘 次官 第一次官".split()
)
# How far before a foreign office (characters, the country's own included) a country
# name still says whose office it is: "日本外务事务次官" (8), "莫桑比克共和国总统" (7),
# "塞尔维亚第一副总理兼外长" (10: two offices of one holder).
COUNTRY_OFFICE_GAP = 12
# What closes a transliterated name after a country and a title or people noun (_foreign_after_title).
FOREIGN_NAME_CLOSERS = frozenset("，。；！？、")
# How many characters of a country may stand before a span the main loop read, for
# the span to be the country's tail rather than a name (布|隆迪, 厄立特|里亚).
COUNTRY_TAIL_MAX = 4
# Our own country's offices are held by people with Chinese surnames (the main loop's).
# A cue-less Chinese name the article writes this often, each time in a subject's place
# (_recurring), with this much from the scorer at its best occurrence: "马大为" (3 times,
# 0.15). Chosen on people_recall.py's dev halves and unannotated records.
RECUR_MIN = 3
# Surname + two given characters only: a two-character span that recurs is as often a
# posthumous name or a word's start ("章怀|太子墓", 4 times on one unannotated page).
RECUR_LENS = (3,)
T_RECUR = 0.1
SLOT_PREPS = frozenset("由同与向和跟对为给让被把将从是")
# ...whose given part has none of these (nor a vetoed character), and which no 及/和/与 follows
# ("阿尔|及利亚"): the pure function words, not 为 (马大为).
RECUR_NOT_GIVEN = frozenset("的了是在和与及")
JAPAN = "日本"
# Evidence of names that _foreign_heads may start earlier (not a title's: the title says where).
FOREIGN_HEAD_EVIDENCE = frozenset({"honor", "post", "verb", "model", "translit"})
# The scorer's least for a two-character name read before the same character at every
# mention to be taken three long (_whole_names).
T_WHOLE = 0.05
# Parts of speech of a general-lexicon word that is no name without a title before it:
# other proper nouns (nz: 穆斯林, of a faith) and pronouns (r: 何地).
NOT_NAME_POS = frozenset({"nz", "r"})
# Last characters of village names made of a family name + 家 ("梁家河", "王家庄", "李家沟").
VILLAGE_LAST = frozenset("河庄村湾沟坪岭堡屯营寨集店桥坝峪洼塘")  # the country of _japanese_office
OWN_COUNTRY = frozenset({"中国", "中华人民共和国", "中方"})
# Two-character Japanese family names (japanese_surnames.txt): family name + 1-2 given
# characters after a title or people noun is a name (_japanese_names).
JAPANESE_SURNAMES = frozenset(w for w in load_list("japanese_surnames.txt") if len(w) == 2)
# Name words of Tibetan, Mongolian and Uyghur names (minority_name_words.txt) and their
# characters: a run of them after a title or people noun is a name (_looks_minority).
MINORITY_WORDS = frozenset(load_list("minority_name_words.txt"))
MINORITY_CHARS = frozenset("".join(MINORITY_WORDS))
# The shortest run of minority-name characters read after a title when only its first
# word is a whole name word (布和|图木尔).
MIN_MINORITY_CHARS = 4
MINORITY_WORD_LENS = tuple(sorted({len(w) for w in MINORITY_WORDS}, reverse=True))
# Rare surnames (rare_surnames.txt: 百家姓 surnames that surnames.txt lacks, rare characters):
# the scorer never saw them start a name, so a name on one needs a title right before it,
# a verb, title or punctuation after it, and this much from the scorer (T_TITLED_BARE's
# bound: a title and nothing else telling where the name ends).
RARE_SURNAMES = frozenset(load_list("rare_surnames.txt"))
T_RARE_SURNAME = 0.3
# ...and the same for a name after a title that starts on no surname at all (_titled_other_starts:
# 里什 0.80, 福奇 0.81, 福西 0.18), with a verb, form of address or title after it.
T_TITLED_OTHER = 0.15
# A name read alone (no title, verb or list) must be followed by one of these.
NAME_END_CHARS = frozenset("，。；：！？、,.;:!?”）)》 \n")
LIST_JOINERS = frozenset("、")
# What ends an item of a 、 list: the model alone reads no name of a list item that leaves one
# character before one of these ("、丁仲|礼、", "、叶宾|得、", "、刘腾馨|玥）"): the item is one name.
LIST_ITEM_ENDS = frozenset("、，。）)")
# ...unless that character is one written after names ("王立强案、郑文杰|案，": the case of).
NAME_SUFFIX_CHARS = frozenset("案等们家")
# ...and what joins two dotted names of one list ("参议员汤姆·蒂利斯和莉萨·穆尔科斯基"): the
# title before the first goes to both.
DOT_LIST_JOINERS = frozenset("、和与及")
# Lengths of a Chinese name (surname + one or two given characters, a compound
# surname + one) that a 、 list reads between two names whatever the scorer says.
LIST_ITEM_LENS = (3, 2)
# A 、 list nothing vouches for is one of names when this many of its items read as names
# with this certainty by themselves (_bare_lists; issue 14 ppl15, lists of model workers,
# painters, leaders on unannotated 人民日报 2026 and news-unlabeled copy).
BARE_LIST_SEEDS = 2
# The 、 of such a list: two or more, each pair with two or three Han characters between
# (three items at least; one regex search, not a loop over every 、 of the text).
BARE_LIST_RUN_RE = re.compile("、(?:[\u4e00-\u9fff]{2,3}、)+")
BARE_LIST_SEED = 0.8
# Adverbs that close a list of people and open what they all did ("李钦诚、檀啸、杨鼎新、党毅飞、
# 李维清|均取得13胜", "……、X|分别致辞"): after a name read before it in the list, one of these
# ends the last item as a verb would (issue 14 ppl15: the last name of such lists went missing).
LIST_CLOSERS = ("均", "都", "各", "分别", "先后", "共同", "一起", "一同", "同为", "纷纷", "相继")
# Given-name characters that make a span a form of address, not a name (王先生).
NOT_GIVEN = frozenset("某女氏老总师摄")  # 摄: "记者 邹松摄" is a photo credit
# Locatives that end a noun phrase, not a name ("会议|上", "活动|中").
LOCATIVE_LAST = frozenset("上中下里内外间")
# Pronouns and particles the corpus statistics do not rule out as given-name characters
# (他 -1.9, 着 -1.8: PD98 tags few spans wrong) but that no name of the development
# sets uses: "财长|称他认为" (checked on 496 unannotated records: no name lost; not 地: 副局长杨地).
FUNCTION_GIVEN = frozenset("他她它着把被")
# Days written right after a name in news copy ("局长雷|昨天在…"): never its given name. Not
# every time word of the general lexicon (元春 is one, and a given name: 刘元春).
TIME_WORDS = frozenset("昨天 今天 明天 前天 后天 当天 当日 同日 次日 日前 近日 今年 去年 明年 上午 下午 晚上 凌晨 周一 周二 周三 周四 周五 周六 周日".split())
# A form of address whose first character is a given-name character elsewhere
# (李先林, 王先明): it ends a name only where the whole word is written (李|先生).
# Two-character suffixes of organization names ("学院", "公司"): never the given
# name after a surname character ("科技师|范学院").
ORG_SUFFIX_WORDS = frozenset(w for w in lexicon.org_suffixes() if len(w) == 2)
# Meetings named by the place they were held in ("领导人武汉会晤", "金砖国家领导人厦门会晤").
EVENT_WORDS = ("会晤", "会议", "峰会", "论坛")
ADDRESS_WORD = "先生"
ADDRESS_FORMS = frozenset(load_list("address_forms.txt"))
# The longest name read after an office without a Chinese surname: five characters,
# six when the six read transliterated (_looks_foreign: "伊朗外长阿卜杜拉希扬", "部长乌穆尔扎科夫",
# not "副总理|兼外长达契奇", "外长|扎里夫赴纽约"; MAX_TRANSLIT_NAME's bound for runs too).
FOREIGN_MAX_PLAIN = 5
FOREIGN_MAX = 6
DOTS = "·・•‧"
# Last characters of words for people ("汉学家", "学者", "研究员") that Chinese
# renderings of foreign names do not use: a dotted name starts after them.
PERSON_NOUN_LAST = frozenset("家者员人")
# (up to two more dotted parts: "雷杰普·塔伊普·埃尔多安", "贝丽克孜·麦托乎提·买买提"; the last
# part is 2+ characters, said by the lookbehind: as fast as the one-dot pattern, where
# an optional group before the last part costs three times as much)
# A hyphen may join two parts of the last one ("礼萨·塔拉埃-尼克": issue 14 set 5).
DOT_NAME_RE = re.compile(
    r"[\u4e00-\u9fff]{2,6}[" + DOTS + r"][\u4e00-\u9fff]{1,8}(?:[" + DOTS + r"][\u4e00-\u9fff]{1,8}){0,2}"
    r"(?:-[\u4e00-\u9fff]{1,8})?(?<=[\u4e00-\u9fff]{2})"
)

_ctx = lexicon.name_context()
VERBS = _ctx.get("verb", frozenset())
HONORS = _ctx.get("honor", frozenset())
STOPS = _ctx.get("stop", frozenset())
ADVERBS = _ctx.get("adverb", frozenset())
# "X等" and a word for people after it, with a count between ("李铁等73名从业人员", "伍爱群等委员"):
# X is one of those people (_group_after).
GROUP_WORDS = _ctx.get("group", frozenset())
GROUP_AFTER_RE = re.compile(r"等(?:[\d一二两三四五六七八九十百千几]+(?:多|余)?(?:名|位|个)?)?")
MAX_GROUP_WORD = 5
# "X在……指出": the longest 在-clause between a name and its speech verb read as
# the name's own ("在接受新华社记者专访时表示" is 14 characters with the verb).
MAX_ZAI_CLAUSE = 16
_ADVERBS_BY_FIRST: dict[str, list[str]] = {}
for _w in sorted(ADVERBS, key=len, reverse=True):
    _ADVERBS_BY_FIRST.setdefault(_w[0], []).append(_w)
NOUNS = _ctx.get("noun", frozenset())
# One-character adverbs ("也", "还", "将"): never a foreign name's last character.
_ADVERB_CHARS = frozenset(w for w in ADVERBS if len(w) == 1)
# Leaders' names are read wherever they occur; two-character ones (汪洋, 李强) are
# also ordinary words, so they need the usual evidence.
LEADERS = frozenset(x for x in lexicon.leaders() if len(x) >= 3)
# ...and with a title before them or in a list of names they are names whatever
# the scorer says of them as words ("副总理韩正在…", "赵乐际、韩正、王岐山").
LEADERS2 = frozenset(x for x in lexicon.leaders() if len(x) == 2)
# Foreign leaders (foreign_leaders.txt): read wherever they stand, except as a part of a
# dotted name or of a longer run of foreign-name characters (_foreign_leaders).
FOREIGN_LEADERS = lexicon.WordScanner(lexicon.foreign_leaders())
_FOLLOW = sorted(VERBS | HONORS | STOPS, key=len, reverse=True)
MAX_FOLLOW = max(len(w) for w in _FOLLOW)
# The follow words by first character, and the last characters of the people
# nouns: the lookups run at every candidate name end / start.
_FOLLOW_BY_FIRST = lexicon.lengths_by_first(_FOLLOW)
_NOUN_LAST = frozenset(w[-1] for w in NOUNS if w)
_BEFORE_NAME_LAST = titles.HEAD_LAST | _NOUN_LAST  # last characters of a title head or people noun
# An author credit in parentheses ("（作者：荣池）", "(作者：张三、李四)"): the names in
# it are people whatever the scorer says (pen names of one or two characters aside).
AUTHOR_CREDIT_RE = re.compile(r"[（(]作者[：:]\s*([\u4e00-\u9fff·・]{2,10}(?:[、，\s]+[\u4e00-\u9fff·・]{2,10})*)\s*[）)]")
AUTHOR_NAME_MAX = 4  # a longer credit without a middle dot is a body ("作者单位") or a phrase


# A clause is tagged only when it holds a character at least this likely to be a
# surname (corpus log-odds; the rules' own weak-surname bound) that no name covers yet.
TAG_SURNAME_LOGODDS = WEAK_SURNAME_LOGODDS
# The name scorer's least score for a Han name the tagger proposes: the tagger
# finds where a name is, the scorer still vetoes spans no name looks like.
T_TAGGED = 0.05
# A tagged "name" right before one of these is a place (马桥镇, 梅龙线).
PLACE_AFTER = frozenset("镇村乡县区市路街站线港湾")
# Level characters of Chinese divisions that copy leaves out ("昆明" for 昆明市; _place_around).
PLACE_LEVELS = frozenset("省市县区")
CLAUSE_RE = re.compile(r"[^，。！？；：、\n]+")
# Up to this many gate starts in a text, _could_start asks the scorer one span at a
# time; above it q_reaches scores them all in numpy (~90 µs a call whatever the
# count: measured, 708 headline-size texts cost 0.063 CPU-s in numpy for 3,900 starts).
SCALAR_GATE_MAX = 16
MAX_TAGGED_FOREIGN = 12  # a longer "name" from the tagger is a run-on into the sentence (CLUENER names rarely pass 10)


@dataclass
class NameHit:
    start: int
    end: int
    titles: list[tuple[int, int]] = field(default_factory=list)
    evidence: str = ""


# A manner word between a name and its verb: "兴奋地", "坚定地", "笑着".
MANNER_RE = re.compile(r"([\u4e00-\u9fff]{2,4})地|([\u4e00-\u9fff])着")


def _manner_end(text: str, e: int) -> int:
    """Where a manner word starting at e ends (0 when there is none): a word of
    the general lexicon before 地 ("兴奋|地", not "奋|地"), or a verb before 着."""
    m = MANNER_RE.match(text, e)
    if m is None:
        return 0
    pos = figure_words.lexicon()[1].get(m.group(1) or m.group(2), "")
    if m.group(1) and pos or m.group(2) and pos[:1] == "v":
        return m.end()
    return 0
DAY_AFTER_NAME_RE = re.compile(r"(?:\d{1,2}月)?\d{1,2}日(?:[上下]午|晚间?|凌晨)?")


def _by_first(names) -> dict[str, list[str]]:
    """Names by first character, longest first. (Names of equal length may come in
    any order: two of them never both start at one place.)"""
    out: dict[str, list[str]] = {}
    for x in names:
        out.setdefault(x[0], []).append(x)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


_LEADERS_SCAN = lexicon.WordScanner(LEADERS)


def _known_names(text: str, extra_names) -> dict[str, list[str]]:
    """The names the read loop takes as written wherever they stand: the leaders and
    `extra_names` of two or more characters, by first character, longest first (a
    fresh dict: the loop adds the names it reads). Only the leaders `text` holds: the
    others would never match, and each would cost _propagate a pass over the text."""
    return _by_first(_LEADERS_SCAN.occurring(text) | {x for x in (extra_names or ()) if len(x) >= 2})


def _follow(text: str, e: int) -> str | None:
    """The role of the word right after a name end: verb/honor/stop/title/end."""
    if e >= len(text):
        return "end"
    c = text[e]
    if c in NAME_END_CHARS:
        return "end"
    if c not in _VOUCH_FIRST and text[e + 1 : e + 2] != "着" and "地" not in text[e + 2 : e + 5]:
        # (the read loop asks ~60k ends an archive, most before a character that opens
        # nothing below: no follow word, title, bracket, 在, adverb or day, no manner word)
        return None
    role = _follow_word(text, e)
    if role is not None:
        return role
    if c in titles.TITLE_BY_FIRST and titles.head_starting_at(text, e):
        return "title"
    if c in "（(" and titles.titles_in_brackets(text, e):
        return "title"  # "王建国（中国人民大学教授）"
    if c == "在":
        # "李明在讲话中指出", "X在会上强调": a clause opened by 在 and closed by a
        # speech verb is what the named person did there
        k = e + 1
        while k < len(text) and k - e <= MAX_ZAI_CLAUSE and text[k] not in "，。；：！？,\n":
            k += 1
        if k < len(text) and text[k] in "，：:," and any(text[k - n : k] in VERBS for n in range(1, MAX_FOLLOW + 1)):
            return "verb"
    for w in _ADVERBS_BY_FIRST.get(c, ()):
        if text.startswith(w, e):
            # "蓝佛安日前说", "X也表示": the verb after the time word or adverb vouches
            return "verb" if _follow_word(text, e + len(w)) == "verb" else None
    k = _manner_end(text, e) if text[e + 1 : e + 2] == "着" or "地" in text[e + 2 : e + 5] else 0
    if k and (_follow_word(text, k) == "verb" or figure_words.lexicon()[1].get(text[k : k + 2], "")[:1] == "v"):
        return "verb"  # "王青兴奋地告诉", "万超笑着说": how, then what the person did
    if "0" <= c <= "9":
        # "霍门迪27日在一场会议上表示": the wire's day, then what the person did
        m = DAY_AFTER_NAME_RE.match(text, e)
        if m:
            return "verb" if _follow(text, m.end()) == "verb" else None
    if c == "在":
        # any other 在-clause still starts after the name: like a list word, it ends
        # a name a title or people noun vouches for ("大学生王哲|在图书馆…")
        return "stop"
    return None


# First characters after a name end with which _follow can answer verb, honor or title:
# a follow word's, a title's, a bracket, 在, an adverb's, a digit (a day before the verb);
# else only a manner word can ("X笑着说": 着 second, "X兴奋地说": 地 third to fifth).
_VOUCH_FIRST = frozenset(_FOLLOW_BY_FIRST) | frozenset(titles.TITLE_BY_FIRST) | frozenset(_ADVERBS_BY_FIRST) \
    | frozenset("（(在0123456789")
_VOUCH_CLASS = "[" + "".join(re.escape(c) for c in sorted(_VOUCH_FIRST)) + "]"


def _follow_word(text: str, e: int) -> str | None:
    """The role (verb/honor/stop) of the lexicon word starting at e, if any."""
    for n in _FOLLOW_BY_FIRST.get(text[e], ()) if e < len(text) else ():
        if e + n > len(text):
            continue
        w = text[e : e + n]
        if w in HONORS:
            return "honor"
        if w in VERBS:
            return "verb"
        if w in STOPS:
            return "stop"
    return None


# Last characters of a three-character span that are rather the clause word after a
# two-character name: 在/时/将/则 always, 正 when 在/与/和 follows ("高峰|正和团队").
def _noun_start(text: str, i: int) -> int:
    """Where the people noun ending at i starts (i when there is none)."""
    return next((i - n for n in range(3, 0, -1) if i - n >= 0 and text[i - n : i] in NOUNS), i)


def _in_book_title(text: str, i: int) -> bool:
    """Whether i is inside a 《…》 title opened before it."""
    return text.rfind("《", 0, i) > text.rfind("》", 0, i)


def _group_after(text: str, e: int) -> bool:
    """Whether "等" at e, an optional count, then a word for people follow
    ("伍爱群|等委员看来", "李铁|等73名从业人员", "钱学森|等科学家倡议"): a people noun,
    a title or a word of GROUP_WORDS. ("王府井|等地", "中国|等国家" name no people.)"""
    m = GROUP_AFTER_RE.match(text, e)
    if m is None:
        return False
    k = m.end()
    if titles.head_starting_at(text, k) is not None:
        return True
    return any(text[k : k + n] in GROUP_WORDS or text[k : k + n] in NOUNS for n in range(MAX_GROUP_WORD, 0, -1))


CLAUSE_WORD_LAST = frozenset("在时将则")
ZHENG_NEXT = frozenset("在与和")


def _clause_word_ends(text: str, e: int) -> bool:
    c = text[e - 1]
    return c in CLAUSE_WORD_LAST or c == "正" and text[e : e + 1] in ZHENG_NEXT


def _running_word(pos: str | None) -> bool:
    """Is a general-lexicon word of this part of speech one of running text? Not
    names, places and other proper nouns (nr, ns, nz…): pieces of
    transliterations are often those ("布朗|巴克" ns, "格雷|内尔" ns)."""
    return pos is not None and (pos == "n" or pos[:1] in "vdtacpmqrfu")


def _ends_title_head(text: str, i: int) -> bool:
    """Whether text[i] is the last character of a title word (设计|师 孟媛)."""
    if text[i] not in titles.TITLE_BY_LAST:
        return False  # (text[i] is a surname character, never a space)
    h = titles.head_ending_at(text, i + 1)
    return h is not None and h[0] < i


def _taken(text: str, hits: list["NameHit"]) -> bytearray:
    """One flag per character: 1 where a name already read covers it."""
    taken = bytearray(len(text) + 1)
    for h in hits:
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    return taken


def _noun_before(text: str, i: int) -> bool:
    if i == 0 or text[i - 1] not in _NOUN_LAST:
        return False
    for n in range(1, 4):
        if i - n >= 0 and text[i - n : i] in NOUNS:
            return True
    return False


def _names_doctrine(text: str, e: int) -> bool:
    """Whether the name ending at e names a doctrine rather than the person
    (习近平|法治思想), not when a title or verb follows the name (习近平|总书记…思想)."""
    return (text.startswith(NOT_PERSON_AFTER, e) or IDEOLOGY_AFTER_RE.match(text, e) is not None) \
        and _follow(text, e) not in ("title", "honor", "verb")


def _honor_ending_at(text: str, i: int) -> bool:
    """Whether a form of address ends at i ("老同志|阮崇武、汪啸风")."""
    return any(text.startswith(w, i - len(w)) for w in HONORS if len(w) <= i)


def _turn_start(text: str, s: int) -> bool:
    return s == 0 or text[s - 1] in "\n \u3000"


def _not_in_class_except(allowed_out: frozenset) -> str:
    """A regex class of every character but the CJK ideographs U+4E00–U+9FFF
    that are not in `allowed_out` (one negated class: a single charset test)."""
    ranges, lo = [], 0x4E00
    for cp in sorted(ord(c) for c in allowed_out if "\u4e00" <= c <= "\u9fff"):
        if cp > lo:
            ranges.append((lo, cp - 1))
        lo = cp + 1
    if lo <= 0x9FFF:
        ranges.append((lo, 0x9FFF))
    body = "".join(re.escape(chr(a)) if a == b else re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in ranges)
    return "[^" + body + "]" if body else r"[\s\S]"


# Where such a name may start: right after the last character of a title or people
# noun, two minority-name characters / a Japanese family name (one regex search each,
# not a Python loop over the text).
# (measured on the 1.45 M characters of news-unlabeled + rmrb-2026: 8 ms each; a
# lookbehind or an alternation of the names costs 20-30 ms)
MINORITY_START_RE = re.compile(
    "[" + "".join(map(re.escape, sorted(_BEFORE_NAME_LAST))) + "](?=[" + "".join(sorted(MINORITY_CHARS)) + "]{2})"
)
RARE_SURNAME_RE = re.compile(
    "[" + "".join(map(re.escape, sorted(titles.HEAD_LAST))) + "](?=[" + "".join(sorted(RARE_SURNAMES)) + "])"
) if RARE_SURNAMES else None
JAPANESE_RE = re.compile(
    "[" + "".join(sorted({w[0] for w in JAPANESE_SURNAMES})) + "](?=[" + "".join(sorted({w[1] for w in JAPANESE_SURNAMES})) + "])"
) if JAPANESE_SURNAMES else None


def _looks_minority(span: str) -> str:
    """Whether a span reads as a Tibetan, Mongolian or Uyghur name: "words" when it
    is made of whole name words (巴特尔苏和), "chars" when only of their characters
    (次旺培), "" otherwise."""
    if len(span) < 2 or not all(c in MINORITY_CHARS for c in span):
        return ""
    ok = [True] + [False] * len(span)  # ok[k]: span[:k] is whole words
    for k in range(len(span)):
        if ok[k]:
            for n in MINORITY_WORD_LENS:
                if k + n <= len(span) and span[k : k + n] in MINORITY_WORDS:
                    ok[k + n] = True
    return "words" if ok[len(span)] else "chars"


def _minority_run(span: str) -> bool:
    """Whole minority name words (巴特尔苏和, 买买提), or a name word and more of their
    characters, MIN_MINORITY_CHARS or more (布和|图木尔)."""
    kind = _looks_minority(span)
    return kind == "words" or kind == "chars" and len(span) >= MIN_MINORITY_CHARS and span[:2] in MINORITY_WORDS


class PeopleReader:
    def __init__(self, scorer: NameScorer, tagger=None, person_model=None):
        """`tagger`: a `tagger.Tagger` whose PER spans are extra candidates (None: rules only).
        `person_model`: a `person_model.PersonModel` that decides which of those
        spans are names (None: the hand filters of `_tagged` do)."""
        self.scorer = scorer
        self.tagger = tagger
        self.person_model = person_model
        # when a list: every tagger candidate's (text, start, end, features) is
        # appended to it (person_model_train gathers its rows this way)
        self.collect: list | None = None
        # what opens a clause to the tagger (see _tag_open_clauses)
        if tagger is not None:
            self.likely = frozenset(c for c, lo in scorer.stats.get("sur", {}).items() if lo >= TAG_SURNAME_LOGODDS)
            tl = sorted(scorer.stats.get("translit", {}))
            self.tag_run_re = re.compile("[" + "".join(map(re.escape, tl)) + "]{3,}|[" + re.escape(DOTS) + "]")
        self.glued = scorer.stats.get("glued", {})
        self.sur_lo = scorer.stats.get("sur", {})
        self.common2 = frozenset(scorer.stats.get("common2", ()))
        # Given-name characters that rule a span out (see VETO_LOGODDS), as a set.
        self.veto = NOT_GIVEN | FUNCTION_GIVEN | frozenset(c for c, lo in scorer.stats["giv"].items() if lo <= VETO_LOGODDS)
        # A character that cannot be inside a name's given part: not a CJK ideograph
        # (what _all_han accepts) or vetoed. One search finds the first one after
        # a surname, which bounds every candidate end at once.
        self.bad_given_re = re.compile(_not_in_class_except(self.veto))
        # Jumps to the next character that may start a name (a surname, or the
        # first character of a compound surname): ~87 % of characters are neither.
        starts = set(scorer.surnames) | {x[0] for x in scorer.compound if x}
        self.start_re = re.compile("[" + "".join(re.escape(c) for c in sorted(starts)) + "]") if starts else None
        # The general lexicon's parts of speech: a name read by the model alone is
        # not, nor starts with, a word of it other than a name (温暖, 高峰|正, 周密|安),
        # nor ends inside one (温暖纾|解, 花影婆|娑) — see _lexicon_allows.
        words, pos = figure_words.lexicon()
        self.lex_words = words
        self.lex_pos = pos
        self.name_starts = starts  # (see _crosses)
        self.translit = scorer.stats.get("translit", {})
        # runs of those characters, where _translit_names looks (one regex search,
        # not a Python loop over every character of every article)
        self.translit_re = (
            re.compile("[" + "".join(re.escape(c) for c in sorted(self.translit)) + "]+") if self.translit else None
        )
        # the last text's runs (_translit_runs: three passes of read look at them)
        self._runs_cache: tuple[str | None, list[tuple[int, int]]] = (None, [])
        # Organizations' names and short forms of the lexicon (卫健委, 住建部) and
        # countries (卢旺达, 安哥拉) that a surname character starts: never a person.
        self.org_names = frozenset(
            w for a, (canon, _) in lexicon.org_aliases().items() for w in (a, canon) if 2 <= len(w) <= 4
        ) | frozenset(c for c in lexicon.countries() if 2 <= len(c) <= 4)
        self.countries = lexicon.countries()
        # Chinese divisions as written whole and without their level character (昆明市 → 昆明:
        # "市长将向|昆明|市长致信"), and foreign capitals and cities (莫斯科): a place written over
        # a name read on weak evidence drops it (_place_around)
        full = lexicon.places()
        # where _titled_other_starts may find a name: after a title's last character, on a
        # Han character that is no surname and opens no clause (one search, not a loop),
        # before a Han character that may be a given one (not vetoed, no clause word: the
        # loop there stops on any other), with something after the name's end at i+2 or
        # i+3 from which _follow may vouch (_VOUCH_CLASS, or 着/地 of a manner word). These
        # are necessary conditions of the loop's own tests, read here so that ~95 % of the
        # starts cost no titles_before (issue 14: the pass made people ~5 % slower).
        # (The match is the title's last character, the rest a lookahead: a pattern that opens
        # on a character class is scanned for in C, one that opens on a lookbehind is tried at
        # every position; the start is m.start() + 1.)
        self.other_start_re = re.compile(
            "[" + "".join(re.escape(c) for c in sorted(titles.HEAD_LAST)) + "](?=(?![" +
            "".join(re.escape(c) for c in sorted(set(scorer.surnames) | CLAUSE_STARTS)) + "])[\u4e00-\u9fff]"
            "(?!" + _not_in_class_except(self.veto | FOREIGN_NAME_BREAKS) + r"|\Z)"
            r"(?=[\s\S]" + _VOUCH_CLASS + r"|[\s\S]{2}(?:" + _VOUCH_CLASS + r"|着)|[\s\S]{3}着|[\s\S]{3,6}地))")
        self.places = frozenset(full) | frozenset(
            w[:-1] for w in full if len(w) >= 3 and w[-1] in PLACE_LEVELS) | frozenset(load_list("foreign_cities.txt"))
        self.place_first = frozenset(w[0] for w in self.places) | frozenset(w[0] for w in self.countries)
        # a foreign country then up to COUNTRY_OFFICE_GAP - len(country) Han characters
        # (共和国, 外务事务) and the office: see _country_before
        foreign_countries = sorted(sorted(c for c in self.countries if c not in OWN_COUNTRY), key=len, reverse=True)
        self.country_re = re.compile(
            "(?:" + "|".join(map(re.escape, foreign_countries)) + ")[\u4e00-\u9fff]*$"
        ) if foreign_countries else None
        # A foreign office followed by a Han character: where _foreign_titled looks.
        self.foreign_re = re.compile(
            "(?:" + "|".join(sorted(sorted(map(re.escape, FOREIGN_TITLES)), key=len, reverse=True)) + ")(?=[\u4e00-\u9fff])"
        ) if FOREIGN_TITLES else None

    def _spans(self, text: str, i: int) -> tuple[int, ...]:
        """Candidate name ends at i: a surname then 1–2 given characters."""
        if not "\u4e00" <= text[i] <= "\u9fff":
            return ()
        short, long = (3, 4) if text[i : i + 2] in self.scorer.compound else (2, 3)
        m = self.bad_given_re.search(text, i + 1, i + long)
        limit = m.start() if m else len(text)
        k = text.find(ADDRESS_WORD, i + 1, i + long + 1)
        if 0 <= k < limit:
            limit = k
        if i + long <= limit:
            return (i + short, i + long)
        return (i + short,) if i + short <= limit else ()

    def _q(self, text: str, i: int, e: int) -> float:
        sc = self.scorer
        return max(sc.score(text, i, e), sc.name_likeness(text, i, e))

    def _options(self, text: str, i: int):
        for e in self._spans(text, i):
            yield e, self._q(text, i, e)

    def read(self, text: str, extra_names: set[str] | None = None) -> list[NameHit]:
        sc = self.scorer
        n = len(text)
        mask = titles.protected_mask(text)
        names: dict[int, int] = {}  # end → start
        hits: list[NameHit] = []
        known = _known_names(text, extra_names)
        i = 0
        search = self.start_re.search if self.start_re is not None else None
        # locals: this loop runs at every surname character of every article
        surnames, compound, glued, common2 = sc.surnames, sc.compound, self.glued, self.common2
        title_last, head_last = titles.TITLE_BY_LAST, titles.HEAD_LAST
        spans, follow, can_reach, score = self._spans, _follow, sc.can_reach, sc.score
        org_names = self.org_names
        while i < n:
            if search is not None:
                m = search(text, i)
                if m is None:
                    break
                i = m.start()
            c = text[i]
            if c not in surnames and text[i : i + 2] not in compound:
                i += 1
                continue
            rep = None
            for k in known.get(c, ()):
                if text.startswith(k, i):
                    rep = k
                    break
            if rep is None and (text[i : i + 2] in NOT_NAME_STARTS or c in title_last and _ends_title_head(text, i)):
                i += 1
                continue
            if rep is None and i > 0 and text[i - 1 : i + 1] in glued and "\u4e00" <= text[i - 1] <= "\u9fff" \
                    and not titles.head_ending_at(text, i):
                # (a word is of characters: the scorer's table holds "、舒", which no word is)
                # ("主任|何凡": a title's last character and the surname make a
                # word, 任何, only by accident)
                i += 1
                continue
            # (titles_before finds nothing unless a head can end right before i)
            pre = titles.titles_before(text, i, 0, mask, names) if i > 0 and text[i - 1] in head_last else []
            if rep is not None:
                e = i + len(rep)
                if _names_doctrine(text, e):
                    i = e
                    continue
                hits.append(NameHit(i, e, pre + titles.titles_after(text, e), "repeat"))
                names[e] = i
                i = e
                continue
            noun = not pre and i > 0 and text[i - 1] in _NOUN_LAST and _noun_before(text, i)
            weak = self.sur_lo.get(c, 0.0) < WEAK_SURNAME_LOGODDS or c in FUNCTION_STARTS
            best = None
            # Where no title or people noun stands before and the lexicon closes the start
            # (~70 % of the spans the model branch below asks about), a span with no follow
            # word (f None) can only end in `continue`: the model branch needs
            # _lexicon_allows, which fails on a closed start, and every test before it is
            # free of side effects (_follow too). Such spans skip the tests.
            closed = not (pre or noun) and not self._lexicon_head_ok(text, i)
            for e in spans(text, i):
                f = follow(text, e)
                if f is None and closed:
                    continue
                if e - i == 2 and text[i] == text[i + 1]:
                    continue  # 殷殷, 常常: reduplication, not a name
                if e - i == 3 and text[i + 1] == "家" and text[e - 1] in VILLAGE_LAST:
                    continue  # "以梁家河为例": a village named after a family, no name
                if e - i == 3 and text[i + 1 : e] in ADDRESS_FORMS:
                    continue  # "姚爷爷", "吴师傅": a surname and a form of address, no name
                if e - i == 3 and text[i + 1 : e] in TIME_WORDS:
                    continue  # "局长雷|昨天在", "X|当天": a time word is no given name
                if e - i == 3 and text[e - 1] in LOCATIVE_LAST and self.lex_pos.get(text[i : i + 2], "")[:1] in ("n", "v"):
                    continue  # "领导人|会议上": a word and a locative, no given name
                if e - i == 2 and text[e - 1] in _ADVERB_CHARS and f == "verb":
                    continue  # "提问时|曾|说": an adverb before the verb, no given name
                if e - i == 3 and _clause_word_ends(text, e):
                    continue  # "莫迪|在27日", "洪森|时指出", "邓超|正在武汉": the clause word is no given name
                if text[i:e] in org_names or e - i == 3 and text[i + 1 : e] in ORG_SUFFIX_WORDS:
                    continue  # 卫健委提醒: an organization's short form, not a name; "师|范学院": its suffix
                if f == "stop" and not (pre or noun):
                    # "伍爱群|等委员": 等 and a word for people vouch like a people noun before
                    f = "group" if text.startswith("等", e) and _group_after(text, e) else None
                if not (pre or noun) and (f is None or f == "end" and e < n and text[e] not in "：:、"):
                    # no genre evidence (or only punctuation after it: "惹怒了范曾，"):
                    # only the in-context model can vouch for it (the cheap tests
                    # first: the score is the costly one)
                    if (
                        text[i:e] not in common2
                        and not (f is None and i > 0 and text[i - 1] in LIST_JOINERS and e + 1 < n
                                 and text[e + 1] in LIST_ITEM_ENDS and text[e] not in NAME_SUFFIX_CHARS)
                        and not text.startswith(NOT_PERSON_AFTER, e)
                        and not closed and self._lexicon_tail_ok(text, i, e)
                        and can_reach(text, i, e, T_ALONE_CONTEXT)
                        and (p_ctx := score(text, i, e)) >= T_ALONE_CONTEXT
                        and self._word_ok(text, i, e, p_ctx)
                        and not self._cuts_title(text, i, e)
                    ):
                        key = (FOLLOW_BONUS["end"] if f == "end" else 0.5) + p_ctx - self._cut_penalty(text, e)
                        if best is None or key > best[0]:
                            best = (key, e, "model")
                    if f is None:
                        continue
                if f in ("title", "honor") and text[i:e] in LEADERS2 and not self._heads_next_name(text, e):
                    # "韩正|副总理莅临", "汪洋|主席": a leader's name with a title after it
                    key = 1.0 + FOLLOW_BONUS[f]
                    if best is None or key > best[0]:
                        best = (key, e, "post")
                    continue
                if e - i == 2 and text[i:e] in common2 and (not pre or _running_word(self.lex_pos.get(text[i:e]))
                                                             and self.lex_pos.get(text[i:e]) != "n"):
                    continue  # 荣誉, 周末: a word, unless a title vouches for it; 外交大臣|明确表示, 外长|相继: not even then
                if pre and self.lex_pos.get(text[i:e]) in TITLED_WORD_POS and f not in ("verb", "honor") \
                        and self._q(text, i, e) < T_ALONE_LEXICON_NAME:
                    continue  # "领导|班子和", "领导人|关心和推动", "烈士|纪念碑": a word after a title, no name
                if pre and self.lex_pos.get(text[i - 2 : i + 1]) in TITLED_WORD_POS:
                    continue  # "成员|国卫生": the title's last characters and the surname are a word (成员国)
                if e - i == 3 and (weak or c in FUNCTION_STARTS) and _running_word(self.lex_pos.get(text[i : i + 2] if weak else text[i + 1 : e])):
                    continue  # "领导人|会议上" (会议), "学者|和智库" (智库): a weak surname starting or joining a word
                if pre and self.lex_pos.get(text[i:e]) == "ns" and text.startswith(EVENT_WORDS, e):
                    continue  # "两国领导人|武汉|会晤": where they met, not who
                if pre and e - i == 2 and self._odd_given(text[i:e]) and not self._word_ok(text, i, e, self._q(text, i, e)):
                    continue  # "专家|解读", "院士|建议": a title before a verb, not before a name
                if not pre and self.lex_pos.get(text[i:e]) in NOT_NAME_POS:
                    continue  # "穆斯林|认为" (nz), "何地|会晤" (r): a group's or a pronoun's word, no name
                p = self._q(text, i, e)
                ev = ""
                if pre and text[i:e] in LEADERS2:
                    ev = "title"
                elif (weak and p < T_WEAK_SURNAME and not (pre and f is not None and p >= T_WEAK_TITLED and text[i:e] not in common2)
                        or c in FUNCTION_STARTS and p < T_FUNCTION_START):
                    pass
                elif pre and p >= T_TITLED and f is not None:
                    ev = "title"
                elif noun and p >= T_NOUN and f is not None and self._word_ok(text, i, e, p):
                    ev = "title"
                elif pre and f is None and p >= T_TITLED and self._verb_at(text, e) and self._lexicon_allows(text, i, e):
                    # "外交部副部长秦刚|约见": a verb of the general lexicon after a titled name (not
                    # "领导人|关心和|推动": no word may run over the name's bounds)
                    ev = "title"
                elif pre and p >= T_TITLED_BARE:
                    ev = "title"
                elif (
                    noun
                    and p >= T_NOUN_BARE
                    and self._word_ok(text, i, e, p)
                    and not any(o != e and self._q(text, i, o) >= T_NOUN_BARE for o in spans(text, i))
                ):
                    ev = "title"
                elif f == "group" and p >= T_NOUN and self.lex_pos.get(text[i:e], "nr")[:2] == "nr":
                    # (a name entry of the lexicon is a name here: "李铁|等73名从业人员")
                    ev = "group"
                elif i > 0 and self._crosses(text, i):
                    pass  # only a title vouches for a name a word runs into ("有|关声明答")
                elif f == "title" and self.lex_pos.get(text[i:e], "nr")[:2] == "nr" and not self._heads_next_name(text, e) \
                        and (p >= T_POST or self.lex_pos.get(text[i:e]) == "nr" and self._title_then_verb(text, e)):
                    # (a word of the lexicon before a title is what the title is of: "金砖|主席国"; a
                    # name entry of it is a name when a verb follows the title: "洪森|首相表示")
                    ev = "post"
                elif f == "honor" and p >= T_HONOR:
                    ev = "honor"
                elif f == "verb" and (p >= T_VERB or e - i == 3 and p >= T_VERB_NR and self.lex_pos.get(text[i:e]) == "nr"
                                       and self._slot_before(text, i)):
                    ev = "verb"
                elif f == "end" and p >= T_TURN and e < n and text[e] in "：:" and _turn_start(text, i):
                    ev = "turn"
                elif f in ("end", "verb") and p >= T_ALONE:
                    ev = "model"
                if ev and not self._cuts_title(text, i, e):
                    key = p + FOLLOW_BONUS.get(f, 0.0) - self._cut_penalty(text, e)
                    if best is None or key > best[0]:
                        best = (key, e, ev)
            if pre and (best is None or best[0] < 0.6 and self.sur_lo.get(c, 0.0) < STRONG_SURNAME_LOGODDS):
                best = self._foreign_after_title(text, i, pre) or best
            elif noun and best is None:
                best = self._foreign_after_title(text, i, None)
            if best is None:
                i += 1
                continue
            _, e, ev = best
            if not pre and any(text[k:e] in self.countries for k in range(max(0, i - COUNTRY_TAIL_MAX), i)):
                i += 1
                continue  # the tail of a country ("布|隆迪外交部长", "津巴|布韦"): no name
            hit = NameHit(i, e, list(pre), ev)
            hit.titles += titles.titles_after(text, e)
            hits.append(hit)
            names[e] = i
            nm = text[i:e]
            lst = known.setdefault(nm[0], [])
            if nm not in lst:
                lst.append(nm)
                lst.sort(key=len, reverse=True)
            i = e
        self._foreign_leaders(text, hits, names, mask)
        self._foreign_titled(text, hits, names, mask)
        self._japanese_names(text, hits, names, mask)
        self._rare_surname_names(text, hits, names, mask)
        self._titled_other_starts(text, hits, names, mask)
        self._author_credits(text, hits, names)
        self._bare_lists(text, hits, names)
        self._lists(text, hits, names)
        self._dot_names(text, hits, names, mask)
        self._translit_names(text, hits, names, mask)
        self._recurring_translit(text, hits, names, mask)
        if self.tagger is not None:
            self._tagged(text, hits, names, mask)
        self._foreign_heads(text, hits, names)
        if RECUR_MIN:
            self._recurring(text, hits, names, mask)
        self._weak_surname_before(text, hits, names, mask)
        dropped = self._drop_weak(text, hits, names)
        self._propagate(text, hits, names, mask, {x for v in known.values() for x in v} - dropped)
        self._whole_names(text, hits)
        hits.sort(key=lambda h: h.start)
        return hits

    def _title_then_verb(self, text: str, e: int) -> bool:
        """Whether a title starts at e and a verb follows it ("洪森|首相表示")."""
        return any(t[0] == e and _follow(text, t[1]) == "verb" for t in titles.titles_after(text, e))

    def _weak_surname_before(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """A two-character name read after a surname character that opens the clause ("会上，
        万|鄂湘指出", "副委员长万|鄂湘出席"): the surname the scorer doubts (万 is mostly a
        number) is the name's, and the name has three characters. Not after a word the
        character makes with what is before or after it, nor one that opens clauses
        (PREFIX_NOT_SURNAME: "，和|王刚", "，经|王刚介绍")."""
        starts = {h.start for h in hits}
        ends = {h.end for h in hits}
        for h in hits:
            s, e = h.start, h.end
            if e - s != 2 or s < 1 or h.evidence in ("repeat", "dot") or s - 1 in starts or s - 1 in ends or (s - 1) in names:
                continue
            c = text[s - 1]
            if c not in self.scorer.surnames or c in PREFIX_NOT_SURNAME or not "\u4e00" <= c <= "\u9fff":
                continue
            b = s - 1
            opens = b == 0 or not "\u4e00" <= text[b - 1] <= "\u9fff" or text[b - 1] in "、的" \
                or titles.head_ending_at(text, b) is not None
            if not opens or any(k < b < t for k, t in ((x.start, x.end) for x in hits)):
                continue
            if self.lex_pos.get(text[b : s + 1]) is not None or self.lex_pos.get(text[b:e], "nr")[:2] != "nr" \
                    or b > 0 and self.lex_pos.get(text[b - 1 : b + 1]) is not None:
                continue
            if self._q(text, b, e) < T_WEAK_SURNAME_BEFORE:
                continue
            names.pop(e, None)
            h.start = b
            h.titles = titles.titles_before(text, b, 0, mask, names) + [t for t in h.titles if t[0] >= e]
            names[e] = b

    def _whole_names(self, text: str, hits: list[NameHit]) -> None:
        """A two-character name read at every mention before the same character, which
        a verb, form of address, title or punctuation follows at least once ("王宇|航没想过…
        王宇航说"): the name is three characters long, written whole each time (the first
        mention was cut by the scorer and the others repeated the cut)."""
        longer = {text[h.start : h.end] for h in hits if h.end - h.start == 3}
        for h in hits:
            # a two-character piece of a three-character name read elsewhere ("——许麟|庐艺术展"
            # after "、许麟庐、"): that name
            if h.end - h.start == 2 and h.end < len(text) and text[h.start : h.end + 1] in longer:
                h.end += 1
                h.titles += titles.titles_after(text, h.end)
        by_name: dict[str, list[NameHit]] = {}
        for h in hits:
            if h.end - h.start == 2 and not any(d in text[h.start : h.end] for d in DOTS):
                by_name.setdefault(text[h.start : h.end], []).append(h)
        for name, hs in by_name.items():
            if len(hs) < 2 or any(h.end >= len(text) for h in hs):
                continue
            c = text[hs[0].end]
            if not "\u4e00" <= c <= "\u9fff" or c in self.veto or c in RECUR_NOT_GIVEN or c in FOREIGN_NAME_BREAKS \
                    or c in ORG_AFTER_MODEL:
                continue  # (nor a body's name: "彭博|社")
            if any(text[h.end] != c or _follow(text, h.end) is not None or self._word_starts(text, h.end)
                   or any(t[0] >= h.end for t in h.titles) for h in hs):
                continue
            if not any(_follow(text, h.end + 1) in ("verb", "honor", "title", "end") for h in hs):
                continue
            if self.lex_pos.get(name + c, "nr")[:2] != "nr" or self._q(text, hs[0].start, hs[0].end + 1) < T_WHOLE:
                continue
            for h in hs:
                h.end += 1
                h.titles += titles.titles_after(text, h.end)


    def _place_around(self, text: str, s: int, e: int) -> bool:
        """Whether a place or country of the lexicons is written over text[s:e] and
        beyond it ("乌兹|别克斯坦", "布宜|诺斯艾利斯", "乃古石林"), or the span is one
        (莫斯科, 马德里), or a preposition and one ("向|昆明")."""
        pl, co = self.places, self.countries
        span = text[s:e]
        if span in pl or span in co or (span[0] in FUNCTION_STARTS and (span[1:] in pl or span[1:] in co)):
            return True
        first = self.place_first
        for a in range(0, 4):
            if s - a < 0 or text[s - a] not in first:
                continue
            for b in range(0, 5):
                if (a or b) and e + b <= len(text) and e - s + a + b <= 8:
                    w = text[s - a : e + b]
                    if w in pl or w in co:
                        return True
        return False

    def _inside_translit(self, text: str, s: int, e: int) -> bool:
        """Whether a foreign-looking name (half its characters or more in the
        transliteration table) is written here as a piece of a longer
        transliteration: a foreign-name character right before it ("哈姆|杜克",
        "帕特|鲁舍夫") or right after it with no verb or punctuation ("谢莫尼|勒")."""
        tl = self.translit
        if 2 * sum(c in tl for c in text[s:e]) < e - s:
            return False
        if s > 0 and tl.get(text[s - 1], -9.0) >= T_TRANSLIT and not _noun_before(text, s) \
                and not titles.head_ending_at(text, s):
            return True
        return e < len(text) and tl.get(text[e], -9.0) >= T_TRANSLIT and _follow(text, e) is None

    def _inside_title(self, text: str, s: int, e: int) -> bool:
        """Whether a title head is written across the span's start or end: "特命|全权大使",
        "韩正|副总理" (the span would take a piece of the title)."""
        for k in range(max(0, s - 3), e):
            if k == s:
                continue
            h = titles.head_starting_at(text, k)
            if h is not None and (k < s < h[1] or k < e < h[1]):
                return True
        return False

    def _drop_weak(self, text: str, hits: list[NameHit], names: dict[int, int]) -> set[str]:
        """Drops names read on weak evidence (WEAK_EVIDENCE) that are pieces of
        something else: a place or country written over them, a transliteration
        going on before or after a repeated foreign-looking name ("哈姆|杜克",
        "帕特|鲁舍夫"), an idiom around a model-only name ("欲|盖弥彰"), a body's
        suffix after one ("彭博|社"). Returns the dropped names' strings."""
        out: set[str] = set()
        for h in list(hits):
            s, e = h.start, h.end
            if h.evidence not in WEAK_EVIDENCE or any(t[0] < s for t in h.titles):
                continue  # (a title after the name is no evidence against these)
            span = text[s:e]
            # (a verb or form of address after it rules out most places: not asked, it is 2 % of the reader)
            drop = (h.evidence in PLACE_CHECKED and self._place_around(text, s, e)) or self._inside_translit(text, s, e) \
                or (h.evidence == "post" and self._inside_title(text, s, e))
            if not drop:
                # an idiom written over it ("欲|盖弥彰", "开|宗明义指出"), a body's suffix after a model-only one
                drop = (h.evidence == "model" and text[e : e + 1] in ORG_AFTER_MODEL) or any(
                    self.lex_pos.get(text[k : k + 4]) in ("i", "l") for k in range(max(0, e - 4), s + 1) if k + 4 > s)
            if drop:
                hits.remove(h)
                names.pop(e, None)
                out.add(span)
        return out

    def _foreign_leaders(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """Foreign leaders of foreign_leaders.txt wherever they stand ("向拜登当选总统发去贺电"),
        not as a piece of a dotted name or of a longer transliteration ("特朗普|斯": no)."""
        found = list(FOREIGN_LEADERS.finditer(text))
        if not found:
            return
        taken = _taken(text, hits)
        tl = self.translit
        for s, e in found:
            if any(taken[s:e]) or (s > 0 and text[s - 1] in DOTS) or (e < len(text) and text[e] in DOTS):
                continue
            if (s > 0 and text[s - 1] in tl and text[s - 1] not in _BEFORE_NAME_LAST and not titles.head_ending_at(text, s)) \
                    or (e < len(text) and text[e] in tl and _follow(text, e) is None and not self._word_starts(text, e)):
                continue  # inside a longer foreign name
            if _names_doctrine(text, e):
                continue
            pre = titles.titles_before(text, s, 0, mask, names)
            hits.append(NameHit(s, e, pre + titles.titles_after(text, e), "leader"))
            names[e] = s
            taken[s:e] = b"\x01" * (e - s)

    def _author_credits(self, text: str, hits: list[NameHit], names: dict[int, int]) -> None:
        """The names of an author credit ("（作者：荣池）")."""
        if "作者" not in text:
            return
        taken = _taken(text, hits)
        for m in AUTHOR_CREDIT_RE.finditer(text):
            for n in re.finditer(r"[^、，\s]+", m.group(1)):
                s, e = m.start(1) + n.start(), m.start(1) + n.end()
                span = text[s:e]
                if any(taken[s:e]) or not (e - s <= AUTHOR_NAME_MAX or any(d in span for d in DOTS)):
                    continue
                if self.lex_pos.get(span, "nr")[:2] != "nr":
                    continue  # a word, not a name ("作者：佚名" is a word too)
                hits.append(NameHit(s, e, [], "author"))
                names[e] = s
                taken[s:e] = b"\x01" * (e - s)

    @staticmethod
    def _cuts_title(text: str, i: int, e: int) -> bool:
        """Whether the span i..e cuts a title after it ("韩正副|总理": the name ends
        before it) or is a surname and a title ("习|主席表示", "李|书记说": ANNOTATION,
        no named person). Asked only of a span about to be taken: title lookups at
        every candidate end cost 5 % of the reader."""
        h = titles.head_starting_at(text, e - 1)
        if h is not None and h[1] > e:
            return True
        h = titles.head_starting_at(text, i + 1) if e - i == 3 else None
        return h is not None and h[1] == e

    def _crosses(self, text: str, i: int) -> bool:
        """Does a two-character word of the general lexicon end on text[i], a
        character that may start a name ("上周|辰辰", "提高")? Such a name does not
        start inside one either. Names (nr) and the corpus-mined glued pairs are
        left to their own rules. (Asked of the lexicon at each call: a set of
        those words took ~20 ms of every start-up to build, a walk of all 133k.)"""
        w = text[i - 1 : i + 1]
        return (len(w) == 2 and w[1] in self.name_starts and w in self.lex_words
                and self.lex_pos.get(w) not in ("nr", "nrfg", "nrt"))

    def _lexicon_allows(self, text: str, i: int, e: int) -> bool:
        """May the model alone read text[i:e] as a name, as far as the general lexicon
        says? Not when a word crosses its start (上周|辰辰) or its end (温暖纾|解), not
        when it opens with a word (周密|安), a preposition surname (由|丁浩) or has a
        verb as given name (马|疾驰); a name entry of the lexicon is for _word_ok."""
        return self._lexicon_head_ok(text, i) and self._lexicon_tail_ok(text, i, e)

    def _lexicon_head_ok(self, text: str, i: int) -> bool:
        """The part of _lexicon_allows that does not depend on the end (asked once per
        start by the read loop): no word crosses the start, and the first two
        characters are no word other than a name (the whole span for a two-character
        one, its opening word for a longer one)."""
        if i > 0 and self._crosses(text, i):
            return False
        return self.lex_pos.get(text[i : i + 2], "nr")[:2] == "nr"

    def _lexicon_tail_ok(self, text: str, i: int, e: int) -> bool:
        """The rest of _lexicon_allows, for a start _lexicon_head_ok let through."""
        pos = self.lex_pos
        # (a two-character span is its opening word, which _lexicon_head_ok has read)
        if (e - i >= 3 and pos.get(text[i:e], "nr")[:2] != "nr") or pos.get(text[e - 1 : e + 1], "nr")[:2] != "nr":
            return False
        if e - i >= 3 and text[i] in FUNCTION_STARTS:
            return False
        return not (e - i == 3 and self._odd_given(text[i + 1 : e]))

    def _translit_mean(self, span: str) -> float:
        tl = self.translit
        return sum(tl[c] for c in span) / len(span)

    def _cut_penalty(self, text: str, e: int) -> float:
        """A name end that splits a word of the general lexicon ("廖鑫展|示", "王宇|航",
        "谭婷坚|定") is the wrong length more often than not."""
        if 0 < e < len(text) and self.lex_pos.get(text[e - 1 : e + 1], "nr")[:2] != "nr":
            return CUT_WORD_PENALTY
        return 0.0

    def _odd_given(self, given: str) -> bool:
        """A two-character given name that is a verb of the general lexicon (马|疾驰,
        殷|嘱托) or a doubled noun (艾|窝窝): read by the model alone, a word the
        span runs into rather than a name."""
        pos = self.lex_pos.get(given)
        return pos is not None and (pos[:1] == "v" or (given[0] == given[1] and pos[:2] != "nr"))

    def _word_ok(self, text: str, i: int, e: int, p: float) -> bool:
        """A word of the general lexicon is read as a name only as one of its name
        entries and with a near-certain score (雷霆 alone, "工人|陈述")."""
        pos = self.lex_pos.get(text[i:e])
        return pos is None or (pos[:2] == "nr" and p >= T_ALONE_LEXICON_NAME)

    def _heads_next_name(self, text: str, e: int) -> bool:
        """Whether the title after a span is rather the title of the name after it
        ("中方允许|律师|王全璋", "市卫健委一级巡视员|吴乾渝")."""
        h = titles.head_starting_at(text, e)
        if h is None:
            return False
        k = h[1]
        if k >= len(text) or text[k] not in self.scorer.surnames:
            return False
        return any(
            k + n <= len(text)
            and _all_han(text, k, k + n)
            and max(self.scorer.name_likeness(text, k, k + n), self.scorer.score(text, k, k + n)) >= T_NEXT_NAME
            for n in (2, 3)
        )

    def _foreign_after_title(self, text: str, i: int, pre):
        """A name with no Chinese surname after a foreign office ("日本首相安倍晋三和…"),
        or one that looks transliterated (_looks_foreign) after any other title or
        a people noun (`pre` None) with a verb after it ("部长卡多佐说", "村民玛格丽达说")."""
        head = titles.head_ending_at(text, i)
        office = head is not None and pre is not None and text[head[0] : head[1]] in FOREIGN_TITLES \
            and (head[0] != pre[-1][0] or self._country_before(text, head[0]))
        if not office and (head is None) == (pre is not None):
            return None  # (a people noun, not a title, stands before a name read with pre None)
        if text[i] in STOPS or text[i] in titles.BOUNDARY_CHARS or text[i] in CLAUSE_STARTS:
            return None  # "大使|就中国…", "大使|太愚蠢", "学者|和智库": a clause goes on, no name
        if titles.head_starting_at(text, i):
            return None
        if text.startswith(EVENT_WORDS, i):
            return None  # "东盟领导人|会议上": the office's meeting, no name
        if DOT_NAME_RE.match(text, i):
            return None  # "副委员长|艾力更·依明巴海": a dotted name, _dot_names' to read whole
        if self.lex_pos.get(text[i : i + 2], "")[:1] in ("v", "d", "p", "t", "m") and text[i : i + 2] not in JAPANESE_SURNAMES \
                and not (office and self._japanese_office(text, head[0], i)):
            return None  # "联合国秘书长|递交照会", "领导人|近日称": an office and then what is done, no name
        if _follow(text, i + 1) == "verb":
            return None  # "大使|时称": one character is no name
        # the shortest span a verb or form of address follows ("奥尔波|举行会谈",
        # not "奥尔波举行|会谈"), else the longest that punctuation or a list word ends
        fallback = None
        for n in range(2, FOREIGN_MAX + 1):
            e = i + n
            if e > len(text) or not _all_han(text, i, e) or text[e - 1] in FUNCTION_GIVEN:
                break  # (nor a pronoun: "财长|称他认为")
            if e - i >= 3 and text[e - 2 : e] in TIME_WORDS:
                break  # nor a time word: "局长雷|昨天在"
            if n > FOREIGN_MAX_PLAIN and not self._looks_foreign(text[i:e]):
                continue
            if any(c in FOREIGN_NAME_BREAKS for c in text[i + 1 : e]) and (
                    office or not all(c in MINORITY_CHARS for c in text[i:e])):
                break  # "托卡耶夫|在访问", "马斯|就中德": a clause word ends the name (not 和 in 布和, 苏和)
            if (self._foreign_tail_is_word(text, i, e) or _running_word(self.lex_pos.get(text[e - 1 : e + 1]))) \
                    and not _minority_run(text[i:e]):
                continue  # (nor does it end inside a word: "金正恩手|术后"; 买买提 is whole name words)
            if text.startswith(EVENT_WORDS, e):
                return None  # "金砖国家领导人|巴西利亚|会晤": a meeting's place
            f = _follow(text, e)
            if not office:
                minority = _looks_minority(text[i:e])
                if not minority and not self._looks_foreign(text[i:e]) and not (pre and self._office_after_elsewhere(text, i, e)):
                    continue
                if f in ("verb", "honor") or f is None and (self._verb_at(text, e) or text[e : e + 1] in FUNCTION_STARTS):
                    return (0.5, e, "title")  # "部长卡多佐|说", "球员西尼亚科娃|夺得", "球员梅尔滕斯|以…战胜"
                if pre and f == "stop" and text[e] == "在":
                    return (0.5, e, "title")  # "助理奥布莱恩|在被问及…": a 在-clause after a titled name
                if pre and f is None and fallback is None and (self._word_starts(text, e) or DAY_AFTER_NAME_RE.match(text, e)):
                    # after a title, like after a foreign office: the shortest that a time
                    # word, an adverb or the wire's day follows ("主任纳瓦罗|近日一再声称",
                    # "总检察长施密特|周二在", "州长科莫|4日发推特称")
                    fallback = (0.5, e, "clause")
                if pre and f == "end" and text[e : e + 1] in LIST_JOINERS and self._looks_foreign(text[i:e]) \
                        and (fallback is None or fallback[2] == "end"):
                    # "外贸部长乌穆尔扎科夫、俄罗斯外长…": a list of office holders, the
                    # 、 closes a name that reads transliterated
                    fallback = (0.5, e, "end")
                if f == "end" and text[e : e + 1] in FOREIGN_NAME_CLOSERS and fallback is None \
                        and self._country_before(text, head[0] if head is not None else _noun_start(text, i)):
                    # a country, a title or people noun, then a transliterated name that
                    # punctuation closes ("拉脱维亚球员奥斯塔彭科，", "美国球员阿尼西莫娃，"):
                    # the country says the name is a foreigner's as surely as a verb would
                    fallback = (0.5, e, "end")
                if pre and f == "end" and _minority_run(text[i:e]):
                    # "大队长巴特尔苏和，": whole name words, then punctuation; or a name word and
                    # more of their characters ("大队长布和图木尔，")
                    fallback = (0.5, e, "end")
                continue
            if f in ("verb", "honor"):
                # (a clause word or adverb met first ends the name: "布克尔|正在中国访问")
                return (0.5, fallback[1] if fallback and fallback[2] == "clause" else e, "title")
            if f in ("end", "stop") and (fallback is None or fallback[2] == "end"):
                fallback = (0.5, e, "end")  # the longest that punctuation ends
            elif fallback is None and (self._word_starts(text, e) or DAY_AFTER_NAME_RE.match(text, e)):
                # the shortest a clause word, a verb, an adverb or a preposition of
                # the general lexicon or the day of the wire follows: "高市早苗|在参加", "沙伦赛|邀请", "金正恩|即将", "蓬佩奥|29日"
                fallback = (0.5, e, "clause")
        return (0.5, fallback[1], "title") if fallback else None

    def _office_after_elsewhere(self, text: str, i: int, e: int) -> bool:
        """Whether the span after a title is written elsewhere in the article at the
        start of a clause with a title right after it ("主席法基通电话…
        法基主席表示", "总统多东在…多东总统第一时间"): the same person named both ways."""
        span = text[i:e]
        k = text.find(span)
        while k >= 0:
            if k != i and (k == 0 or text[k - 1] in NAME_END_CHARS) and titles.head_starting_at(text, k + len(span)):
                return True
            k = text.find(span, k + 1)
        return False

    def _japanese_office(self, text: str, h: int, i: int) -> bool:
        """Whether the office starting at h is a Japanese one ("日本外务事务|次官|秋叶刚男") and
        four characters after it (family name + given name) are closed by a verb, a
        clause word or punctuation: a Japanese family name is often a word of the
        general lexicon too (秋叶 "autumn leaves", 高市, 石破), which says nothing here."""
        k = text.rfind(JAPAN, max(0, h - COUNTRY_OFFICE_GAP), h)
        e = i + 4
        return k >= 0 and e <= len(text) and _all_han(text, i, e) \
            and not any(c in self.veto or c in FOREIGN_NAME_BREAKS for c in text[i:e]) and _follow(text, e) is not None

    def _country_before(self, text: str, h: int) -> bool:
        """Whether a foreign country names the state of the office starting at h, in
        the same clause a few characters before it, when the title reader kept only
        the office ("莫桑比克共和国|总统纽西", "日本外务事务|次官秋叶刚男"): such an
        office is a foreign one as surely as "日本首相"."""
        m = self.country_re.search(text, max(0, h - COUNTRY_OFFICE_GAP), h) if self.country_re else None
        return m is not None

    def _word_starts(self, text: str, e: int) -> bool:
        """Does a word of the running text start at e, so a transliterated name
        goes no further: a clause word or adverb ("特朗普|则表示"), a reporting verb
        ("布朗巴克|称"), a verb or time word of the general lexicon ("布克尔|正在")?"""
        return e < len(text) and (
            text[e] in FOREIGN_NAME_BREAKS or _follow_word(text, e) == "verb"
            or _running_word(self.lex_pos.get(text[e : e + 2])) and self.lex_pos.get(text[e : e + 2]) != "n"
        )

    def _foreign_tail_is_word(self, text: str, i: int, e: int) -> bool:
        """Does text[i:e] end on a word of the running text, so the name ends
        before it: "特朗普警告", "蓬佩奥团队", "布克尔已经", "拜登当天", "大使馆发言人"?"""
        if any(w in text[i:e] for w in STOPS):
            return True
        if any(text.startswith(w, e - len(w)) for w in _ADVERBS_BY_FIRST.get(text[e - 2], ()) if len(w) == 2) \
                or text[e - 1] in _ADVERB_CHARS:
            return True  # "拜登|当天发表": a time word or adverb ends no name
        if _running_word(self.lex_pos.get(text[e - 2 : e])) or _running_word(self.lex_pos.get(text[i:e])):
            return True  # a verb, noun or time word of the general lexicon ("领导人|深思", "外长|理事会")
        head = titles.head_ending_at(text, e)
        return head is not None and head[0] > i

    def _verb_at(self, text: str, e: int) -> bool:
        """Whether a two-character verb of the general lexicon starts at e (夺得, 公布)."""
        return self.lex_pos.get(text[e : e + 2], "")[:1] == "v"

    def _looks_foreign(self, span: str) -> bool:
        """A transliterated name by its characters: their mean foreign-name log-odds
        (a character not in the table counts 0: 多, 达 are common in running text
        too) at least T_FOREIGN_LOOK, most of them in the table, and no word of the
        general lexicon ("部长|会议强调")."""
        tl = self.translit
        inside = [tl[c] for c in span if c in tl]
        return (
            2 * len(inside) > len(span)
            and sum(inside) / len(span) >= T_FOREIGN_LOOK
            and self.lex_pos.get(span, "nr")[:2] == "nr"
        )

    def _foreign_titled(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """Foreign office holders whose names start on no Chinese surname ("秘书长塔哈",
        "首相斯塔默"): the main loop only stops on surname characters."""
        if self.foreign_re is None:
            return
        taken = _taken(text, hits)
        # where a name may start: right after a foreign office, or at a run of
        # foreign-name characters right after any title or people noun ("部长|卡多佐说")
        starts = [m.end() for m in self.foreign_re.finditer(text)]
        if self.translit_re is not None:
            starts += [s for s, _ in self._translit_runs(text) if s > 0 and text[s - 1] in _BEFORE_NAME_LAST]
        # ...or at a run of minority-name characters after one ("书记|扎西次仁带领")
        starts += [m.end() for m in MINORITY_START_RE.finditer(text)]
        for i in sorted(set(starts)):
            c = text[i]
            if taken[i] or c in self.scorer.surnames or text[i : i + 2] in self.scorer.compound:
                continue  # (surname starts were read by the main loop)
            pre = titles.titles_before(text, i, 0, mask, names)
            if pre:
                found = self._foreign_after_title(text, i, pre)
            else:
                found = self._foreign_after_title(text, i, None) if _noun_before(text, i) else None
            if found is None:
                continue
            e = found[1]
            # the main loop may have read a tail of it from a surname inside
            # ("卢旺达外长比|鲁塔"): the whole name after the office wins
            inner = [h for h in hits if i < h.start and h.end <= e and not h.titles]
            if inner and not any(taken[i : inner[0].start]):
                for h in inner:
                    hits.remove(h)
                    names.pop(h.end, None)
                    taken[h.start : h.end] = b"\x00" * (h.end - h.start)
            if any(taken[i:e]):
                continue
            hits.append(NameHit(i, e, list(pre) + titles.titles_after(text, e), "title"))
            names[e] = i
            taken[i:e] = b"\x01" * (e - i)

    def _japanese_names(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """Japanese names (family name of japanese_surnames.txt + 1-2 given characters)
        after a title or a people noun: the family name is seldom a Chinese surname
        (桥本, 松下), or the Chinese reading of it is the wrong length ("田中角|荣")."""
        if JAPANESE_RE is None:
            return
        taken = None
        for m in JAPANESE_RE.finditer(text):
            i = m.start()
            if i == 0 or text[i - 1] not in _BEFORE_NAME_LAST or text[i : i + 2] not in JAPANESE_SURNAMES:
                continue
            pre = titles.titles_before(text, i, 0, mask, names) if text[i - 1] in titles.HEAD_LAST else []
            if not pre and not _noun_before(text, i):
                continue
            best = None
            for e in (i + 4, i + 3):
                if e > len(text) or not _all_han(text, i + 2, e):
                    continue
                given = text[i + 2 : e]
                if any(c in self.veto or c in FOREIGN_NAME_BREAKS for c in given) or _running_word(self.lex_pos.get(text[i:e])):
                    continue
                if len(given) == 2 and _running_word(self.lex_pos.get(given)):
                    continue  # "佐藤|表示", not a given name 表示
                f = _follow(text, e)
                if f in ("verb", "honor", "title"):
                    best = e
                    break
                if f in ("end", "stop") and pre and best is None:
                    best = e
            if best is None:
                continue
            e = best
            if taken is None:
                taken = _taken(text, hits)
            inner = [h for h in hits if h.start < e and h.end > i]
            if any(h.start < i or h.end > e for h in inner):
                continue  # a longer name read across it
            for h in inner:
                hits.remove(h)
                names.pop(h.end, None)
            hits.append(NameHit(i, e, list(pre) + titles.titles_after(text, e), "title"))
            names[e] = i
            taken[i:e] = b"\x01" * (e - i)

    def _rare_surname_names(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """Names on a rare surname (rare_surnames.txt) right after a title ("知县|荀某某说"),
        closed by a verb, title or punctuation: the main loop never starts on one."""
        if RARE_SURNAME_RE is None:
            return
        taken = None
        for m in RARE_SURNAME_RE.finditer(text):
            i = m.end()
            if text[i - 1] not in titles.HEAD_LAST:
                continue
            pre = titles.titles_before(text, i, 0, mask, names)
            if not pre:
                continue
            if taken is None:
                taken = _taken(text, hits)
            best = None
            for e in (i + 2, i + 3):
                if e > len(text) or not _all_han(text, i + 1, e) or any(taken[i:e]):
                    continue
                if any(c in self.veto or c in FOREIGN_NAME_BREAKS for c in text[i + 1 : e]) or self.lex_pos.get(text[i:e], "nr")[:2] != "nr":
                    continue
                f = _follow(text, e)
                if f not in ("verb", "honor", "title", "end"):
                    continue
                q = self._q(text, i, e)
                if q >= T_RARE_SURNAME and (best is None or q > best[0]):
                    best = (q, e)
            if best is None:
                continue
            e = best[1]
            hits.append(NameHit(i, e, list(pre) + titles.titles_after(text, e), "title"))
            names[e] = i
            taken[i:e] = b"\x01" * (e - i)

    def _titled_other_starts(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """A two- or three-character name on no surname and no transliteration run right after
        a title, with a reporting verb, a form of address or a title right after it ("委员会
        主席|里什|称", "首席医疗科学家|福奇|表示", "所长|福西|博士表示"): the main loop starts
        only on surnames and _foreign_titled only on foreign-name characters (福, 什 are
        neither). The name scorer must give it T_TITLED_OTHER, no word of the lexicon may be
        in it or run over its bounds, and it must not open with a clause word."""
        taken = None
        for m in self.other_start_re.finditer(text):
            i = m.start() + 1
            if text[i : i + 2] in self.scorer.compound:
                continue
            if taken is None:
                taken = _taken(text, hits)
            if taken[i] or taken[i + 1]:
                continue  # (the loop below would stop at once: a name covers the start or what follows)
            # The title before is asked only once a span passes the tests that do not need
            # it (most starts fail them): walking a title leftwards (titles_before, which
            # segments its prefix) is the costly test, and no test has side effects, so
            # the first span to pass all of them is the one it was before.
            pre = None
            for e in (i + 2, i + 3):
                if e > len(text) or not _all_han(text, i, e) or any(taken[i:e]) \
                        or any(c in self.veto or c in FOREIGN_NAME_BREAKS for c in text[i + 1 : e]):
                    break
                if _follow(text, e) not in ("verb", "honor", "title") or not self._lexicon_allows(text, i, e) \
                        or self.lex_pos.get(text[i:e]) is not None:
                    continue
                if pre is None:
                    pre = titles.titles_before(text, i, 0, mask, names)
                    if not pre or titles.head_starting_at(text, i):
                        break
                if self._q(text, i, e) < T_TITLED_OTHER:
                    continue
                hits.append(NameHit(i, e, list(pre) + titles.titles_after(text, e), "title"))
                names[e] = i
                taken[i:e] = b"\x01" * (e - i)
                break

    def _tag_open_clauses(self, text: str, taken) -> list[tuple[int, int, str]]:
        """The tagger's spans in the clauses where a name may still hide: one with a
        likely surname character that no name read so far covers and from which
        the name scorer gives a 2- or 3-character span at least T_TAGGED (what
        _tagged asks of a Han name anyway), or with an uncovered transliteration
        run or middle dot. Why not the whole text: tagging costs ~1 µs a
        character, and two thirds of the characters are in clauses with no such
        start."""
        likely = self.likely
        starts = [i for i, c in enumerate(text) if c in likely and not taken[i]]
        if len(starts) > SCALAR_GATE_MAX:
            import numpy as np

            ok = self.scorer.q_reaches(text, np.array(starts, dtype=np.int64), T_TAGGED).tolist()
        else:
            ok = [self._could_start(text, s) for s in starts]
        hot = [s for s, k in zip(starts, ok) if k]
        for m in self.tag_run_re.finditer(text):
            if not any(taken[m.start() : m.end()]):
                hot.append(m.start())
        if not hot:
            return []
        hot.sort()
        ranges = []
        for m in CLAUSE_RE.finditer(text):
            cs, ce = m.span()
            k = bisect_left(hot, cs)
            if k < len(hot) and hot[k] < ce:
                ranges.append((cs, ce))
        return self.tagger.tag_ranges(text, ranges)

    def _could_start(self, text: str, s: int) -> bool:
        """q_reaches for one start: a 2- or 3-character all-CJK span from s with
        _q at least T_TAGGED."""
        n = len(text)
        return any(e <= n and _all_han(text, s, e) and self._q(text, s, e) >= T_TAGGED for e in (s + 2, s + 3))

    def _tagged_q_ok(self, text: str, s: int, e: int) -> bool:
        """The name scorer's word on a Han span the tagger proposes: at least
        T_TAGGED; a word of the general lexicon (a name entry, as the check
        before asks: jieba lists 雷霆, 陈述, 黄平 as names) needs what the rules'
        model-alone reading needs of any span, T_ALONE_CONTEXT, and no list
        comma beside it ("工人|陈述", "以雷霆之势", "京九、黄平、赣深"). Measured on
        the held-out 20% of the corpora (bench_entities, rules + tagger PER F1):
        PD98 .752 → .747 (P .896 → .901), CLUENER .720 → .717; the rules'
        own _word_ok bound (0.85) here: .725 / .708."""
        q = self._q(text, s, e)
        if q < T_TAGGED:
            return False
        if self.lex_pos.get(text[s:e]) is None:
            return True
        return q >= T_ALONE_CONTEXT and text[e : e + 1] not in LIST_JOINERS and (s == 0 or text[s - 1] not in LIST_JOINERS)

    def _tagged(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """The tagger's person spans the rules left out (a name standing alone),
        kept only where the rules' own filters would allow a name: a Han name
        starts on a surname, is no word of the general lexicon nor an
        organization's short form; a foreign one is all transliteration
        characters or written with a middle dot."""
        taken = _taken(text, hits)
        sc = self.scorer
        for s, e, kind in self._tag_open_clauses(text, taken):
            if kind != "PER" or any(taken[s:e]) or e - s < 2:
                continue
            span = text[s:e]
            if span[0] == span[1] or text.startswith(NOT_PERSON_AFTER, e) or text[e : e + 1] in PLACE_AFTER:
                continue  # 殷殷嘱托, 马克思主义, 马桥镇
            if any(c in DOTS for c in span):
                ok = e - s <= MAX_TAGGED_FOREIGN and not any(c in DOTS for c in (span[0], span[-1]))
            elif all(c in self.translit for c in span) and e - s >= 3:
                ok = e - s <= MAX_TAGGED_FOREIGN and self.lex_pos.get(span, "nr")[:2] == "nr"
            else:
                ok = (
                    e - s <= 4
                    and (span[0] in sc.surnames or span[:2] in sc.compound)
                    and all("\u4e00" <= c <= "\u9fff" for c in span)
                    and span not in self.common2
                    and span not in self.org_names
                    and not any(c in self.veto for c in span[1:])
                    and self._lexicon_allows(text, s, e)
                    and self.lex_pos.get(span, "nr") in ("nr", "nrfg")  # 勾勒 (nrt: a word here)
                    and self._tagged_q_ok(text, s, e)
                )
            if self.person_model is not None or self.collect is not None:
                x = candidate_features(self, text, s, e, ok, names, mask)
                if self.collect is not None:
                    self.collect.append((text, s, e, x))
                if self.person_model is not None:
                    ok = self.person_model.accept(x)
            if not ok:
                continue
            pre = titles.titles_before(text, s, 0, mask, names)
            hits.append(NameHit(s, e, pre + titles.titles_after(text, e), "tagger"))
            names[e] = s
            taken[s:e] = b"\x01" * (e - s)

    def _translit_names(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """Transliterated names without a middle dot ("负责人塞西利亚说",
        "球员奥斯塔彭科表示"): a run of characters that foreign names use far more
        than running text, with a title or people noun before it or a reporting
        verb after it."""
        tl = self.translit
        if not tl:
            return
        # a Chinese-looking name at the end of such a run is its tail ("萨|莫拉诺说"):
        # the run is the name, when the characters before it are foreign-name ones too
        # (and no name when the run is a country: "布|隆迪外交部长")
        for h in list(hits):
            if h.evidence not in ("verb", "model", "post", "honor"):
                continue
            s = h.start
            while s > 0 and text[s - 1] in tl:
                s -= 1
            if s < h.start and all(text[k] in tl for k in range(h.start, h.end)):
                span = text[s : h.end]
                if any(text[k : h.end] in self.countries for k in range(s, h.start)):
                    hits.remove(h)
                    names.pop(h.end, None)
                    continue
                if self._translit_mean(span) >= T_TRANSLIT and self.lex_pos.get(span, "nr")[:2] == "nr":
                    names.pop(h.end, None)
                    h.start, h.evidence = s, "translit"
                    h.titles = titles.titles_before(text, s, 0, mask, names) + titles.titles_after(text, h.end)
                    names[h.end] = s
        # ...and a name read after an office that foreign-name characters go on
        # past ("指挥官|苏莱曼|尼在"): the run is the name
        ends = {h.start for h in hits} | {h.end for h in hits}
        for h in hits:
            if h.evidence != "title" or h.end >= len(text) or text[h.end] not in tl:
                continue
            e = h.end
            while e < len(text) and text[e] in tl and not self._word_starts(text, e) and (e == h.end or e not in ends):
                e += 1
            if e - h.start <= MAX_TRANSLIT_NAME and text[h.start + 1 : e] and all(c in tl for c in text[h.start + 1 : e]) \
                    and self._translit_mean(text[h.start + 1 : e]) >= T_TRANSLIT \
                    and (_follow(text, e) is not None or text[e : e + 1] in FUNCTION_STARTS or self._word_starts(text, e)):
                names.pop(h.end, None)
                h.end = e
                h.titles += [t for t in titles.titles_after(text, e) if t not in h.titles]
                names[e] = h.start
        taken = _taken(text, hits)
        known = {text[h.start : h.end] for h in hits}
        for a, b in self._translit_runs(text):
            found = self._translit_run(text, a, b, taken, mask, names)
            if found is not None:
                s, e, pre = found
                # the tail of a name already read whole ("古|特雷斯呼吁" after
                # "秘书长古特雷斯"): the whole name again
                s = next((k for k in range(max(0, s - 3), s) if text[k:e] in known and not any(taken[k:s])), s)
                hits.append(NameHit(s, e, pre + titles.titles_after(text, e), "translit"))
                known.add(text[s:e])
                names[e] = s
                taken[s:e] = b"\x01" * (e - s)

    def _recurring_translit(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """A transliterated name written alone at least RECUR_TRANSLIT_MIN times ("偶像阿隆索和
        汉密尔顿直面交锋", "七冠王汉密尔顿。", "身前的汉密尔顿发起追击"): a span of 3 to
        MAX_RECUR_TRANSLIT characters that reads transliterated (_looks_foreign), starts and
        ends on characters of the table, holds no country and is no word of the lexicon, no
        mention of it reads as a place ("在明尼阿波利斯市"), and a mention bounded as a name
        (_translit_bounded) has a verb, title or people noun next to it. The bounded mentions
        are read; _propagate reads the others.""" 
        if self.translit_re is None:
            return
        tl = self.translit
        tried: set[str] = set()
        runs = self._translit_runs(text)
        # A longer span repeats only where its first three characters do: the run starts
        # whose three characters the text holds RECUR_TRANSLIT_MIN times (one C count a run
        # start; counting every three characters of every run first, as this did, cost ~5x
        # more and let through a superset of these starts, all of them then tested so).
        # (Fewer than three characters at the text's end start no span of 3+ characters:
        # the loop below reads nothing there.)
        starts = [k for k, _ in runs if text.count(text[k : k + 3]) >= RECUR_TRANSLIT_MIN]
        if not starts:
            return
        taken = _taken(text, hits)
        for k in starts:
            if taken[k] or k > 0 and text[k - 1] in tl:
                continue
            for n in range(MAX_RECUR_TRANSLIT, 2, -1):
                e = k + n
                span = text[k:e]
                if e > len(text) or span in tried or span[-1] not in tl or not _all_han(text, k, e):
                    continue
                tried.add(span)
                if text.count(span) < RECUR_TRANSLIT_MIN:
                    continue  # (the cheap test first: most spans are written once)
                if self.lex_pos.get(span, "nr")[:2] != "nr" or not self._looks_foreign(span) \
                        or any(c in span or span in c for c in self.countries if len(c) >= 2):
                    continue
                at = _find_all(text, span)
                if any(x > 0 and text[x - 1] in PLACE_PREPS or text[x + n : x + n + 1] in FOREIGN_PLACE_AFTER for x in at):
                    continue
                if any(x > 0 and text[x - 1] in DOTS or text[x + n : x + n + 1] in DOTS for x in at):
                    continue  # a part of a dotted name written whole elsewhere ("雅切克·拉塔尼克"): not a name of its own
                if len(at) < RECUR_TRANSLIT_MIN:
                    continue
                at = [x for x in at if not any(taken[x : x + n]) and self._translit_bounded(text, x, x + n)]
                if not any(_follow(text, x + n) in ("verb", "honor", "title") or self._verb_at(text, x + n)
                           or _noun_before(text, x) or titles.head_ending_at(text, x) for x in at):
                    continue
                for x in at:
                    hits.append(NameHit(x, x + n, titles.titles_before(text, x, 0, mask, names) + titles.titles_after(text, x + n),
                                        "translit"))
                    names[x + n] = x
                    taken[x : x + n] = b"\x01" * n
                break

    def _translit_bounded(self, text: str, s: int, e: int) -> bool:
        """Whether a mention of a transliterated name starts and ends where a name may:
        after punctuation, a joining word or 的, a title or people noun; before punctuation,
        a joining word, 的, or a verb, title or form of address."""
        if s > 0 and text[s - 1] in DOTS + "-" or e < len(text) and text[e] in DOTS + "-":
            return False  # a part of a dotted name ("雅切克|·拉塔尼克"): _dot_names' to read
        before = s == 0 or not "\u4e00" <= text[s - 1] <= "\u9fff" or text[s - 1] in TRANSLIT_BOUNDS \
            or _noun_before(text, s) or titles.head_ending_at(text, s) is not None
        after = e == len(text) or not "\u4e00" <= text[e] <= "\u9fff" or text[e] in TRANSLIT_BOUNDS \
            or _follow(text, e) in ("verb", "honor", "title") or self._verb_at(text, e)
        return before and after

    def _translit_runs(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each run of transliteration characters in text: _foreign_titled,
        _translit_names and _recurring_translit all read them, so the last text's are kept
        (one regex search a text, not three; the text is compared by identity, and the
        cache holds it, so no other string can take its id). Callers do not change the list."""
        cached_text, runs = self._runs_cache
        if cached_text is not text:
            runs = [m.span() for m in self.translit_re.finditer(text)]
            self._runs_cache = (text, runs)
        return runs

    def _translit_run(self, text, i, j, taken, mask, names):
        if any(taken[i:j]) or (i > 0 and text[i - 1] in DOTS) or (j < len(text) and text[j] in DOTS):
            return None  # (a name with a middle dot is _dot_names' to read)
        # a title head may end inside the run ("…官|特蕾西"): the name starts after it
        s = i
        for k in range(j - 2, i, -1):
            if titles.head_ending_at(text, k):
                s = k
                break
        pre = titles.titles_before(text, s, 0, mask, names) if s > 0 else []
        lead = 0
        if not pre and s == i and s > 1 and j - s >= MIN_TRANSLIT_BARE and "\u4e00" <= text[s - 1] <= "\u9fff" \
                and not taken[s - 1] and (before := titles.titles_before(text, s - 1, 0, mask, names)):
            # an office, one character foreign names share with Chinese ones (苏,
            # 布), then the run: "指挥官|苏|莱曼尼" is one name
            s, pre, lead = s - 1, before, 1
        noun = not pre and s > 0 and _noun_before(text, s)
        best = None
        # a run that starts a clause (after punctuation, a preposition or 的): a
        # two-character one is a name too when a foreign office follows ("，泽曼总统亲自号召")
        opens = s == 0 or not "\u4e00" <= text[s - 1] <= "\u9fff" or text[s - 1] in FUNCTION_STARTS or text[s - 1] == "的"
        for e in range(j, s + 1, -1):
            span = text[s:e]
            if len(span) < (2 if pre or noun or opens else MIN_TRANSLIT_BARE):
                break
            if span in self.countries:
                continue  # "斯里兰卡总理": a country before its office (jieba lists some as nrt)
            office = (self.foreign_re is not None and len(span) >= (2 if opens else MIN_TRANSLIT_BARE) and self.foreign_re.match(text, e)
                      and not any(text[k:e] in self.countries for k in range(max(0, s - 3), s)))  # 津|巴布韦外长
            if len(span) < MIN_TRANSLIT_BARE and not (pre or noun or office):
                continue
            mean = self._translit_mean(span[lead:])
            if mean < (T_TRANSLIT_BEFORE_OFFICE if office else T_TRANSLIT_BEFORE_VERB if opens else T_TRANSLIT):
                continue
            f = _follow(text, e)
            if not office and mean < T_TRANSLIT and f != "verb":
                continue
            pos = self.lex_pos.get(span)
            if pos is not None and pos[:2] != "nr":
                continue  # a place or a word of the lexicon (斯里兰卡 ns)
            if f in ("verb", "honor") or (f == "title" and (pre or noun or office)):
                return s, e, list(pre)
            if f in ("end", "stop") and (pre or noun) and best is None:
                best = (s, e, list(pre))
        return best

    def _item(self, text: str, s: int, covered):
        """A name starting at s in a 、 list: (end, p) or None."""
        m = DOT_NAME_RE.match(text, s)
        if m and _follow(text, m.end()) is not None:
            return m.end()
        if text[s] not in self.scorer.surnames and text[s : s + 2] not in self.scorer.compound:
            return None
        if text[s : s + 2] in LEADERS2 and _follow(text, s + 2) is not None and not covered(s, s + 2):
            return s + 2
        best = None
        for e, p in self._options(text, s):
            if text[s:e] in self.org_names:
                continue  # "外交部长奥斯曼、|布隆迪|外交部长尼比吉拉": a country starts the next title
            # (or a verb of the general lexicon after the last name: "王牧羽、王亮|合作的")
            if p >= T_LIST and (_follow(text, e) is not None or self._verb_at(text, e) or text.startswith(LIST_CLOSERS, e)) \
                    and not covered(s, e):
                if best is None or p > best[1]:
                    best = (e, p)
        return best[0] if best else None

    def _foreign_item(self, text: str, s: int, covered) -> int | None:
        """A transliterated name as the next item of a list of names ("议员鲁比欧、|加德纳|、沃伦等"):
        on no surname, so _item does not try it; 2 to FOREIGN_MAX_PLAIN characters that read
        transliterated (_looks_foreign), closed by a list word, 等 or punctuation."""
        for e in range(min(len(text), s + FOREIGN_MAX_PLAIN), s + 1, -1):
            if not _all_han(text, s, e) or covered(s, e):
                continue
            if (e == len(text) or text[e] in LIST_ITEM_ENDS or text[e] in DOT_LIST_JOINERS or text[e] == "等") \
                    and self._looks_foreign(text[s:e]) and not any(text[k:e] in self.countries for k in range(s, e - 1)):
                return e
        return None

    def _sandwiched(self, text: str, s: int, covered) -> int | None:
        """A list item the scorer doubts ("许罗德、黄建发、周江勇": 发 ends few names;
        "梁黎明、朱从玖、王双全": 从 ends none) between a name read before it and a
        name after it: a short surname-initial run bounded by 、 on both sides is
        one more name of the list. Returns its end or None."""
        for n in LIST_ITEM_LENS:
            e = s + n
            if e + 1 >= len(text) or text[e] not in LIST_JOINERS or covered(s, e):
                continue
            span = text[s:e]
            if not (_all_han(text, s, e) and (span[0] in self.scorer.surnames or span[:2] in self.scorer.compound)):
                continue
            if any(c in NOT_GIVEN for c in span[1:]) or self.lex_pos.get(span, "nr")[:2] != "nr" or span in self.common2:
                continue  # 王某, a word of the lexicon ("主任、副主任")
            if covered(e + 1, e + 2) or self._item(text, e + 1, covered) is not None:
                return e
        return None

    def _bare_lists(self, text: str, hits: list[NameHit], names: dict[int, int]) -> None:
        """Seeds of a 、 list of names that nothing vouches for ("以牛玉琴、石光银、郭成旺、
        张应龙以及…", "李苦禅、于非闇、许麟庐、崔子范等画家"): where at least BARE_LIST_SEEDS
        items of one list (2 or 3 characters, on a surname, no word of the general lexicon
        but a name entry) read as names with the scorer's BARE_LIST_SEED certainty, those
        items are names; _lists then reads the doubtful ones between and after them."""
        if text.count("、") < 2:
            return
        taken = _taken(text, hits)
        for m in BARE_LIST_RUN_RE.finditer(text):
            run = [m.start() + k for k, c in enumerate(m.group()) if c == "、"]
            items = [(a + 1, b) for a, b in zip(run, run[1:])]
            # the first item ends at the first 、, the last starts after the last one
            first = self._bare_item(text, [(run[0] - n, run[0]) for n in (3, 2)])
            last = self._bare_item(text, [(run[-1] + 1, run[-1] + 1 + n) for n in (3, 2)])
            seeds = [x for x in ([first] if first else []) + [self._bare_item(text, [it]) for it in items] + ([last] if last else [])
                     if x is not None]
            if len(seeds) < BARE_LIST_SEEDS:
                continue
            for a, b in seeds:
                if any(taken[a:b]):
                    continue
                hits.append(NameHit(a, b, [], "list"))
                names[b] = a
                taken[a:b] = b"\x01" * (b - a)

    def _bare_item(self, text: str, options) -> tuple[int, int] | None:
        """The first of `options` (start, end) that reads as a name by itself (_bare_lists)."""
        for a, b in options:
            if a < 0 or b > len(text) or not _all_han(text, a, b):
                continue
            if text[a] not in self.scorer.surnames and text[a : a + 2] not in self.scorer.compound:
                continue
            span = text[a:b]
            if self.lex_pos.get(span, "nr")[:2] != "nr" or span in self.common2 or any(c in NOT_GIVEN for c in span[1:]):
                continue
            if self._q(text, a, b) >= BARE_LIST_SEED:
                return a, b
        return None

    def _lists(self, text: str, hits: list[NameHit], names: dict[int, int]) -> None:
        taken = _taken(text, hits)

        def covered(s, e):
            return any(taken[s:e])

        for h in list(hits):
            shared = [t for t in h.titles if t[1] <= h.start]
            e = h.end
            while e < len(text) and text[e] in LIST_JOINERS:
                s = e + 1
                if s >= len(text):
                    break
                if taken[s]:
                    nxt = next((x for x in hits if x.start == s), None)
                    if nxt is None or any(t[1] <= nxt.start for t in nxt.titles) or _follow(text, nxt.end) is None:
                        break
                    nxt.titles[:0] = shared
                    e = nxt.end
                    continue
                end = self._item(text, s, covered)
                if end is None:
                    end = self._sandwiched(text, s, covered)
                if end is None:
                    end = self._foreign_item(text, s, covered)
                if end is None:
                    break
                nh = NameHit(s, end, list(shared), "list")
                nh.titles += titles.titles_after(text, end)
                hits.append(nh)
                names[end] = s
                for k in range(s, end):
                    taken[k] = 1
                e = end
            s = h.start
            while s > 1 and text[s - 1] in LIST_JOINERS:
                found = None
                for n in (4, 3, 2):
                    b = s - 1 - n
                    if b < 0 or taken[b]:
                        continue
                    if n == 3 and text[b] in FUNCTION_STARTS and self._item(text, b + 1, covered) == s - 1:
                        continue  # "，由|丁浩、李钦诚": a preposition opens the list, the name is after it
                    if (b == 0 or text[b - 1] in titles.BOUNDARY_CHARS or titles._stop_ending_at(text, b)
                            or _noun_before(text, b) or _honor_ending_at(text, b)) and self._item(
                        text, b, covered
                    ) == s - 1:
                        found = b
                        break
                if found is None:
                    break
                hits.append(NameHit(found, s - 1, [], "list"))
                names[s - 1] = found
                for k in range(found, s - 1):
                    taken[k] = 1
                s = found

    def _dot_names(self, text, hits, names, mask) -> None:
        """Transliterated names with a middle dot, next to a title or a verb."""
        if not any(d in text for d in DOTS):
            return  # the common case: no middle dot, so no such name
        giv = self.scorer.stats["giv"]
        pos = 0
        while (m := DOT_NAME_RE.search(text, pos)) is not None:
            pos = m.end()
            s = m.start()
            dot0 = s + next(k for k, ch in enumerate(m.group(0)) if ch in "·・•‧")
            for k in range(dot0 - 1, s, -1):
                # (a first part of one character too: "村民|达·特森达德", "总统|乔·拜登")
                if titles.head_ending_at(text, k) or _noun_before(text, k) or text[k - 1] in PERSON_NOUN_LAST:
                    s = k  # "前议长|阿尔多·雷贝洛", "村民|比特里兹·劳拉"
                    break
            if dot0 - s >= 3 and text[s] in FUNCTION_STARTS:
                s += 1  # "主席同|伊姆兰·汗总理通电话": a preposition before the name
            if any(giv.get(ch, 0.0) <= DOT_VETO_LOGODDS for ch in text[s:dot0]):
                continue  # "的关切·落地的回响" is a phrase, not a name (the part after the dot: below)
            pre = titles.titles_before(text, s, 0, mask, names)
            # a list of dotted names shares the title before it: "参议员汤姆·蒂利斯和|莉萨·穆尔科斯基"
            prev = next((h for h in hits if h.end == s - 1 and h.evidence == "dot"), None) \
                if s > 0 and text[s - 1] in DOT_LIST_JOINERS else None
            listed = s > 0 and text[s - 1] in LIST_JOINERS and (s - 1) in names or prev is not None
            if prev is not None and not pre:
                pre = [t for t in prev.titles if t[1] <= prev.start]
            # the pattern is greedy: the longest end a verb/honor/title follows
            # ("雅切克·拉塔尼克|看来"), else the longest that punctuation or a list
            # word ends when a title or list vouches for the name
            # (dot0: s may have moved past a title); a name does not run over a verb
            # or title after its dot ("特蕾西·博维尔|在接受本报记者")
            inner = next(
                (
                    k
                    for k in range(dot0 + 2, m.end())
                    if _follow(text, k) in ("honor", "verb", "title") or (k >= dot0 + 3 and text[k] in DOT_STOP_CHARS)
                    or self._clause_word_at(text, k, dot0)
                ),
                m.end(),
            )
            ends = range(inner, dot0 + 1, -1)  # (a last part of one character: "伊姆兰·汗|总理")
            # names read inside what may be the dotted name are pieces of it ("大卫·穆|尚韦表示",
            # "罗宾|·凯利"), replaced when it is read; a name across its bounds blocks it
            if any(h.start < s < h.end for h in hits):
                continue

            def follow(e: int) -> str | None:
                # the clause that starts after the name ends it like a list word would:
                # enough with a title or list before it, not alone; so does a number
                # (a date: "众议员罗宾·凯利|1月早些时候") or a word of the running text
                # ("校长马哈茂德·马蒂尼|长期从事", "牧民格敏江·热合木江|提前40分钟")
                f = _follow(text, e)
                if f is None and e == m.end() and text[e : e + 1].isdigit():
                    return "stop"
                return f

            def runs_on(e: int) -> bool:
                # a last part that ends on such a word: "马蒂尼长期|从事", "普雷蒂致其死亡|。",
                # or on a word of place ("特森达德家中|，", 家中 s)
                pos = self.lex_pos.get(text[e - 2 : e])
                return e - dot0 > 3 and (_running_word(pos) or pos == "s")

            e = next((e for e in ends if follow(e) in ("honor", "verb", "title")), None)
            if e is None and inner < m.end() and m.end() < len(text) and text[m.end()] in LIST_JOINERS \
                    and not any(_follow(text, k) in ("honor", "verb", "title") for k in range(dot0 + 2, m.end())):
                e = m.end()  # a 、 closes the whole run, a clause word inside it is the name's ("努尔兰・阿不都满金、")
            if e is None and (pre or listed or (s > 0 and _noun_before(text, s))):
                e = next((e for e in ends if follow(e) in ("end", "stop") and not runs_on(e)), None)
                if e is None:  # the shortest a word of the running text or of place follows ("里加尔多·布西|位于", "|家中")
                    e = next((e for e in reversed(ends) if (self._word_starts(text, e) or self.lex_pos.get(text[e : e + 2]) == "s")
                              and not runs_on(e)), None)
                if e is None and inner < m.end() and not runs_on(inner):
                    e = inner  # else where the clause after it starts ("布朗|对本报记者表示")
            if e is None and not (pre or listed) and not _in_book_title(text, s):
                # standing alone, no title, list or verb: a name whose characters all read
                # transliterated (_looks_foreign over its parts), closed by punctuation, a list
                # word or 的 ("约翰・多恩|的名言"); not 宋·方岳, 中国·东盟, nor 《诗经·周南·樛木》
                # (at a clause word inside the run a name may go on: "努尔兰・阿不|都满金", "特本|以58%")
                e = next((x for x in ends if (x == len(text) or text[x] in NAME_END_CHARS or text[x] in DOT_LIST_JOINERS or text[x] == "的")
                          and not runs_on(x)
                          and self._looks_foreign("".join(c for c in text[s:x] if c not in DOTS and c != "-"))), None)
            if e is not None and any(giv.get(ch, 0.0) <= DOT_VETO_LOGODDS for ch in text[dot0:e]):
                e = None  # (only the name's own characters: "伊姆兰·汗总理通电话|的情况" is a name)
            if e is None:
                continue
            inside = [h for h in hits if h.start < e and h.end > s]
            if any(h.start < s or h.end > e for h in inside):
                continue  # ("伊姆兰·汗上周同|习近平" is no dotted name)
            for h in inside:
                hits.remove(h)
                names.pop(h.end, None)
            hits.append(NameHit(s, e, pre + titles.titles_after(text, e), "dot"))
            names[e] = s
            pos = e  # a name that ends early ("汤姆·蒂利斯|和莉萨·穆尔科斯基"): read on after it
            last_dot = max(k for k in range(dot0, e) if text[k] in DOTS)
            self._dot_last_parts(text, hits, names, last_dot + 1, e)

    def _clause_word_at(self, text: str, k: int, dot0: int) -> bool:
        """Whether a word of the running text starts at k, inside what the dotted-name
        pattern took as the last part: a time word or verb ("伊姆兰·汗|上周同",
        "阿布杜勒马吉德·特本|赢得总统大选"), or a noun two characters in or more
        ("特列什·马马哈托夫|高度认同")."""
        pos = self.lex_pos.get(text[k : k + 2])
        tl = self.translit
        return _running_word(pos) and (pos != "n" or k >= dot0 + 4) and k >= dot0 + 2 \
            and not (text[k] in tl and text[k + 1] in tl)  # (not 赫里 of 易卜拉欣·达赫里)

    def _dot_last_parts(self, text, hits, names, ls: int, le: int) -> None:
        """Later mentions of a dotted name by its last part ("阿姆列巴耶夫认为"): the
        whole part is the mention, not a surname-initial read inside it (巴耶夫)."""
        last = text[ls:le]
        if len(last) < 2:
            return
        k = text.find(last)
        while k >= 0:
            ke = k + len(last)
            if k != ls and not (k > 0 and text[k - 1] in DOTS) and not (ke < len(text) and text[ke] in DOTS):
                over = [h for h in hits if h.start < ke and h.end > k]
                if all(k <= h.start and h.end <= ke and (h.start, h.end) != (k, ke) for h in over):
                    for h in over:
                        hits.remove(h)
                        names.pop(h.end, None)
                    hits.append(NameHit(k, ke, titles.titles_after(text, ke), "dot"))
                    names[ke] = k
            k = text.find(last, ke)

    def _recurring(self, text: str, hits: list[NameHit], names: dict[int, int], mask) -> None:
        """A Chinese name the article keeps naming with no cue beside it ("纵观马大为的科研人生
        …马大为始终将…马大为敢于…"): a surname + two given characters written
        RECUR_MIN times or more, all but once at least opening a clause or after a
        preposition, and each time closed by 的, a verb, an adverb or punctuation, that the scorer finds
        likely enough (T_RECUR) and that is no word of the general lexicon."""
        if self.start_re is None:
            return
        sc = self.scorer
        seen: set[str] = set()
        # how often each span is written, counted once so that the lexicon tests below run
        # only for spans written RECUR_MIN times: the rare case. Only spans that open on a
        # character start_re finds are asked for, and every other place such a span is
        # written opens on one too: counting at those places (~13 % of the characters) gives
        # the same counts as counting every n-gram of the text (which was 17 % of read).
        starts = [m.start() for m in self.start_re.finditer(text)]
        size = len(text)
        written = {n: Counter([text[i : i + n] for i in starts if i + n <= size]) for n in RECUR_LENS}
        if all(c < RECUR_MIN for counts in written.values() for c in counts.values()):
            return  # no span is written often enough (most texts): nothing below can pass
        taken = _taken(text, hits)
        for i in starts:
            if taken[i]:
                continue
            for n in RECUR_LENS:
                e = i + n
                span = text[i:e]
                if span in seen or written[n][span] < RECUR_MIN or e > len(text) or not _all_han(text, i, e):
                    continue
                seen.add(span)
                if text[i] not in sc.surnames or any(c in self.veto or c in RECUR_NOT_GIVEN for c in span[1:]) \
                        or titles.head_starting_at(text, i + 1) \
                        or span in self.common2 or span in self.org_names or self.lex_pos.get(span, "nr")[:2] != "nr" \
                        or self.lex_pos.get(span[:2], "nr")[:1] in ("v", "d", "p", "t", "m", "c", "r") \
                        or n == 3 and (self.lex_pos.get(span[1:], "")[:1] in ("v", "n", "p", "t", "m", "c", "r", "a")
                                       or span[1:] in ADDRESS_FORMS):
                    continue
                occ = [k for k in _find_all(text, span)]
                if len(occ) < RECUR_MIN or any(taken[k] for k in occ):
                    continue
                if not all(self._slot_after(text, k + n) and not self._place_around(text, k, k + n)
                           and not titles.head_starting_at(text, k + n) for k in occ) \
                        or sum(self._slot_before(text, k) for k in occ) < RECUR_MIN - 1:
                    continue
                if max(self._q(text, k, k + n) for k in occ) < T_RECUR:
                    continue
                for k in occ:
                    pre = titles.titles_before(text, k, 0, mask, names) if k > 0 else []
                    hits.append(NameHit(k, k + n, pre + titles.titles_after(text, k + n), "recur"))
                    names[k + n] = k
                    taken[k : k + n] = b"\x01" * n
                break

    def _foreign_heads(self, text: str, hits: list[NameHit], names: dict[int, int]) -> None:
        """A name the main loop started on a surname character inside a transliteration
        ("格|雷内尔先生", "包括布兰|斯塔德大使"): the name starts one or two characters of
        transliterations before, where a clause, a verb or a title ends, when the whole reads
        transliterated (_looks_foreign) and is no country or word of the lexicon."""
        taken = _taken(text, hits)
        for h in hits:
            if h.evidence not in FOREIGN_HEAD_EVIDENCE or any(t[1] <= h.start for t in h.titles):
                continue
            for back in (1, 2):
                k = h.start - back
                if k < 0 or taken[k] or not _all_han(text, k, h.start) \
                        or any(text[x] in FOREIGN_NAME_BREAKS or text[x] not in self.translit for x in range(k, h.start)):
                    break  # (only characters of transliterations: not "2005年|希拉克", "正如|布克尔")
                span = text[k : h.end]
                if span in self.countries or self.lex_pos.get(span, "nr")[:2] != "nr" or not self._looks_foreign(span):
                    continue
                if not (k == 0 or not "\u4e00" <= text[k - 1] <= "\u9fff" or text[k - 1] in CLAUSE_STARTS
                        or self.lex_pos.get(text[k - 2 : k], "")[:1] == "v" or titles.head_ending_at(text, k)):
                    continue
                names.pop(h.end, None)
                h.start = k
                names[h.end] = k
                taken[k : h.end] = b"\x01" * (h.end - k)
                break

    @staticmethod
    def _slot_before(text: str, k: int) -> bool:
        """A subject's place: the start of a clause or line, or after a preposition of
        company or direction (由, 同, 与, 向, 和, 跟, 对, 为, 给, 让, 被) or 的-less 是."""
        return k == 0 or text[k - 1] in NAME_END_CHARS and text[k - 1] not in "”）)》" or text[k - 1] in SLOT_PREPS

    def _slot_after(self, text: str, e: int) -> bool:
        """What follows a name: 的, a verb or adverb (_word_starts), a speech verb,
        title or punctuation (_follow)."""
        if e >= len(text) or text[e] in NAME_END_CHARS and text[e] not in "”）)》" or text[e] == "的":
            return True
        return _follow(text, e) in ("verb", "honor") or text[e] not in RECUR_NOT_GIVEN and self._word_starts(text, e)

    def _propagate(self, text, hits, names, mask, extra: set[str]) -> None:
        """Every other occurrence of an accepted name is a mention too."""
        known = {text[h.start : h.end] for h in hits} | {x for x in extra if len(x) >= 2}
        if not known:
            return
        taken = _taken(text, hits)
        for s, e in lexicon.find_words(text, known):
            if any(taken[s:e]) or _names_doctrine(text, e) or self._inside_translit(text, s, e):
                continue
            # not the start of a longer name ("刘国" inside "刘国中")
            if e < len(text) and text[e : e + 1] and any(
                text[s:e] + text[e] == k[: e - s + 1] and text.startswith(k, s) for k in known if len(k) > e - s
            ):
                continue
            pre = titles.titles_before(text, s, 0, mask, names)
            hits.append(NameHit(s, e, pre + titles.titles_after(text, e), "repeat"))
            names[e] = s
            for k in range(s, e):
                taken[k] = 1


def _find_all(text: str, sub: str) -> list[int]:
    out, k = [], text.find(sub)
    while k >= 0:
        out.append(k)
        k = text.find(sub, k + len(sub))
    return out


def candidate_features(reader, text: str, s: int, e: int, rule_ok: bool, names: dict | None = None, mask=None) -> list[float]:
    """The dense feature row (`person_model.FEATURES` order) of text[s:e] as a
    person's name. It lives here, not in person_model.py, because it asks the
    reader's own questions (_follow, _noun_before): the model module stays free
    of the reader, so the two do not import each other."""
    FEATURES, INDEX, _logit = person_model.FEATURES, person_model.INDEX, person_model._logit

    x = [0.0] * len(FEATURES)

    def put(name: str, v: float = 1.0) -> None:
        x[INDEX[name]] = v

    sc = reader.scorer
    span = text[s:e]
    n = e - s
    put("bias")
    han = all("\u4e00" <= c <= "\u9fff" for c in span)
    if han and n <= 4:
        put("q_logit", _logit(max(sc.score(text, s, e), sc.name_likeness(text, s, e))))
    else:
        put("q_logit", -1.0)
    put("len2" if n == 2 else "len3" if n == 3 else "len4plus")
    if any(c in DOTS for c in span):
        put("dotted")
    elif n >= 3 and all(c in reader.translit for c in span):
        put("translit")
    elif span[0] in sc.surnames or span[:2] in sc.compound:
        put("han_surname")
    rate = reader.sur_lo.get(span[0])
    if rate is None or rate < WEAK_SURNAME_LOGODDS:
        put("weak_surname")
    pos = reader.lex_pos.get(span)
    put("lex_none" if pos is None else "lex_nr" if pos in ("nr", "nrfg") else "lex_word")
    if text.count(span) >= 2:
        put("recur2")
    f = _follow(text, e)
    put("follow_vouch" if f in ("verb", "honor", "title") else "follow_end" if f == "end" else "follow_none")
    if (mask is not None and titles.titles_before(text, s, 0, mask, names or {})) or _noun_before(text, s):
        put("before_vouch")
    if (s > 0 and text[s - 1] in LIST_JOINERS) or text[e : e + 1] in LIST_JOINERS:
        put("list_beside")
    if s == 0 or text[s - 1] in titles.BOUNDARY_CHARS:
        put("boundary_before")
    lp = reader.lex_pos
    if any(lp.get(span[k : k + m], "nr")[:2] != "nr" for m in (2, 3) for k in range(1, n - m + 1)):
        put("inner_word")
    if (s > 0 and reader._crosses(text, s)) or reader._cut_penalty(text, e) > 0:
        put("cut_or_cross")
    if rule_ok:
        put("rule_ok")
    return x
