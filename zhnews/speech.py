"""Who said what: answers to reporters, reported speech and direct quotes.

Chinese news attributes speech with a small set of fixed frames, so the stage is
rule based: the frame itself ("X代表在回答Y记者关于“Z”的提问时说", "X表示，",
"“…”X说。", "澎湃新闻记者：… / 耿爽：…") delimits the speaker, the outlet, the
topic and where the speech starts. A speaker must be a person's name: a mention
from `article.people` (entities stage) when there is one, else the characters in
front of the verb when they pass a light name check (surname list, 2-4 CJK
characters, no honorific such as 先生). 他/她/该负责人 resolve to the last named
speaker only when nothing else could be meant; otherwise the statement keeps no
speaker rather than a guessed one.

Every statement's `text` is a slice of `article.text` (start/end), and so are
the speaker (speaker_start/end) and an answer's topic (topic_start/end); a
transliterated speaker written by the last part of the name ("霍门迪说") gets the
whole name ("珍妮弗·霍门迪") with the span of the part as written.
"""

from __future__ import annotations

from . import recache as re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import figure_words
from .model import Article, Context, Statement
from .lexicon import load_lines, load_list


# A person mention this far (in characters, without punctuation) before the verb can
# still be its subject: "王毅国务委员兼外长还公开宣布" has 9 characters between.
MAX_SUBJECT_GAP = 16
# A sentence may open with the speaker's title this long ("省委书记李强来到……，指出……").
MAX_LEAD_TITLE = 24
_CLAUSE_MARK = re.compile(r"[，,；;：:“”]")
# Content that follows a verb directly ("默克尔敦促中方…") must run this long before
# the sentence ends to count as speech and not an object ("表示同意").
MIN_DIRECT_CONTENT = 8
# A quote without sentence punctuation inside is a term ("灯塔工厂") unless a speech
# frame introduces it; a quote longer than this is a broken pair of marks.
MAX_QUOTE_LEN = 1500
# A name this near the start of a sentence (characters; room for a date and a title
# before it: "5日至6日，自治区党委书记陈全国", "在上海国际问题研究院副研究员金良祥看来")
# is the sentence's subject, which a 他 opening the next sentence stands for. Was 12;
# 20 names 4 more 他 of 1500 development records, all rightly, and leaves held-out,
# development and statements_recall unchanged.
MAX_SUBJECT_OFFSET = 20
# How far back (in paragraphs) a pronoun may look for the speaker it stands for.
PRONOUN_WINDOW_PARAS = 2
# Transliterated names ("珍妮弗·霍门迪"): the entities stage may cut a mention by one
# character or two ("雷亚什" in 克雷亚什), this many are looked back for the whole part;
# the part before the dot is searched this far back for the title in front of it and
# is at most this long (格扎维埃, 亚历山德罗).
FOREIGN_PART_SLACK = 2
FOREIGN_LEFT_SPAN = 10
FOREIGN_GIVEN_MAX = 5
_NAME_DOTS = "·・•"
# The last part of a transliterated name, from its dot: "·索尔海姆".
_DOTTED_TAIL = re.compile(r"[·・•][^\W\d_的对在向和与及等]{2,6}")
# A person name is cut before a frame word ("日前", "则") only when this many
# characters stay: two-character names may end in such a character (王则).
MIN_NAME_BEFORE_TAIL = 3
# Levels of places.tsv whose names (and short names) are never a speaker's name.
PLACE_LEVELS_NOT_NAMES = ("province", "city")
# The normalized outlet in outlets_for_questions.tsv that says "no outlet named".
NOT_AN_OUTLET = "-"


# ---------------------------------------------------------------- lexicons


def _lines(name: str) -> list[str]:
    return [line.strip() for line in load_lines(name)]


@lru_cache(maxsize=1)
def _lexicon() -> "_Lex":
    return _Lex()


class _Lex:
    def __init__(self) -> None:
        self.verbs: dict[str, str] = {}
        for line in _lines("speech_verbs.txt"):
            parts = line.split("\t")
            self.verbs[parts[0].strip()] = (parts[1].strip() if len(parts) > 1 else "p")
        surnames = set(_lines("speech_surnames.txt")) | set(_lines("surnames.txt"))
        self.surnames1 = {s for s in surnames if len(s) == 1}
        self.surnames2 = {s for s in surnames if len(s) == 2}
        self.titles = sorted(sorted({t.split("\t")[0] for t in _lines("titles.txt")}), key=len, reverse=True)
        self.title_set = set(self.titles)
        self.title_end_pairs = {t[-2:] for t in self.titles if len(t) >= 2}
        self.title_last = {t[-1] for t in self.titles}
        section = None
        self.surname_words: set[str] = set()
        self.given_words: set[str] = set()
        for line in _lines("speech_not_names.txt"):
            if line.startswith("["):
                section = line
            elif section == "[surname-word]":
                self.surname_words.add(line)
            elif section == "[given-word]":
                self.given_words.add(line)
        # Countries, provinces and cities, also without 省/市 ("武汉市长也表示" is no
        # speaker 武汉); counties are left out, their short names are also given names.
        self.place_words: set[str] = set(_lines("countries.txt"))
        for line in _lines("places.tsv"):
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1].strip() in PLACE_LEVELS_NOT_NAMES:
                name = parts[0].strip()
                self.place_words.add(name)
                short = re.sub(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$", "", name)
                if len(short) >= 2:
                    self.place_words.add(short)
        # Two-character endings of organization names (部门, 使馆, 宣传部 → 传部 is not
        # one, 部 is caught by _NOT_NAME_LAST).
        self.org_endings = {line.split("\t")[0].strip()[-2:] for line in _lines("org_suffixes.txt")
                            if len(line.split("\t")[0].strip()) >= 2}
        # Parts of speech of the general lexicon: a guessed name does not start with
        # a word of running text nor end inside one ("外交大臣|明确表|示", "外长|相继").
        self.word_logp, self.word_pos = figure_words.lexicon()
        self.outlets: dict[str, str] = {}
        for name in ("outlets.tsv", "outlets_for_questions.tsv"):
            for line in _lines(name):
                parts = line.split("\t")
                if len(parts) >= 2 and parts[0] != "written":
                    self.outlets[parts[0].strip()] = parts[1].strip()
        # "-" marks who asks without naming an outlet ("回答中外记者提问"); matched whole
        self.not_outlets = {k for k, v in self.outlets.items() if v == NOT_AN_OUTLET}
        for k in self.not_outlets:
            del self.outlets[k]
        self.outlet_keys = sorted(self.outlets, key=len, reverse=True)
        verbs = sorted(self.verbs, key=len, reverse=True)
        self.verb_alt = "|".join(map(re.escape, verbs))
        self.verb_re = re.compile(f"(?:{self.verb_alt})")
        title_alt = "|".join(map(re.escape, self.titles)) or "代表"
        self.trailing_title_re = re.compile(f"(?:(?:{title_alt})[兼、]?)+$")
        self.title_re = re.compile(f"(?:{title_alt})")
        self.answer_re = re.compile(
            # X在回答Y记者关于“Z”的提问时说，
            r"(?:在|于)?(?:回答|答复|回应)(?P<q>(?:“[^”\n]{0,300}”|[^，,。；！？“”\n]){0,300}?)"
            r"(?:的)?(?:提问|问题|询问|关切)时?[，,]?"
            rf"(?P<verb>{self.verb_alt})?(?:道)?[，,：:]"
            # X围绕Z回答了Y记者提问。他说，
            r"|(?:围绕|就|针对)(?P<topic2>(?:“[^”\n]{0,300}”|[^，,。；！？“”\n]){1,200}?)[，,]?"
            r"(?:回答|答复|回应)了?(?P<outlet2>[^，,。；！？“”\n]{0,30}?)记者(?:的|们的)?(?:提问|问题|关切)"
            rf"(?:[。，,；;](?P<pron2>他|她)?(?P<verb2>{self.verb_alt})(?:道)?[，,：:])?"
            # X就Z答记者问时表示，
            r"|(?:在)?(?:就(?P<topic3>(?:“[^”\n]{0,300}”|[^，,。；！？“”\n]){1,200}?))?"
            r"答(?P<outlet3>[^，,。；！？“”\n]{0,20}?)记者问时?[，,]?"
            rf"(?P<verb3>{self.verb_alt})?(?:道)?[，,：:]"
        )
        # "告诉随行记者团，…", "告诉新华社记者，…": 告诉 with whichever reporters were told
        # (the lexicon lists the plain forms: 告诉记者, 告诉本报记者)
        told = r"告诉[^，,。；;：:“”\n的]{1,8}?记者(?:团|们)?"
        self.said_re = re.compile(
            rf"(?P<verb>{self.verb_alt}|{told})(?:道)?(?P<dezhi>的是|的(?=[，,：:]))?(?P<after>[，,：:]“?|“|(?=[\u4e00-\u9fff]))"
        )

    def outlet(self, raw: str | None, ctx: Context | None) -> str | None:
        """Normalize the outlet written before 记者 ("中央广播电视总台央视" → 中央广播电视总台)."""
        if not raw:
            return None
        s = re.sub(r"[《》〈〉\s“”\"]", "", raw)
        s = re.split(r"[、和及与]", s)[0]
        s = re.sub(r"(的|等|驻[\u4e00-\u9fff]{1,6})$", "", s)
        if not s or s in self.not_outlets:
            return None
        if s.startswith("本报") or s == "本台":
            return ctx.outlet if ctx and ctx.outlet else None
        for key in self.outlet_keys:
            if s.startswith(key):
                return self.outlets[key]
        if len(s) > 20 or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9·・]+", s):
            return None
        return s


# ---------------------------------------------------------------- patterns

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Where a clause (and so the search for a verb's subject) begins.
_CLAUSE_BOUNDARY = set("。！？；;，,：:“”\n!?")
_SENTENCE_END = set("。！？!?\n")
_SENTENCE_END_MARKS = tuple(sorted(_SENTENCE_END))
_PARA_SPLIT = re.compile(r"\n+|[ \u3000\t]{2,}")
# Words allowed between a speaker and the verb: adverbs and circumstance frames.
_INFIX_RE = re.compile(
    r"(?:在(?:[^，,。；！？“”\n]|“[^，,。；！？“”\n]{1,14}”){1,30}?(?:时|上|中|后|期间)"
    r"|(?:在[^，,。；！？“”\n]{1,12}?)?接受[^，,。；！？“”\n]{0,16}?(?:采访|专访)时?"
    r"|通过[^，,。；！？“”\n]{1,10}?(?:连线|方式)"
    r"|对记者|向记者|对本报记者|向本报记者|还|也|则|又|更|再次|进一步|特别|明确|公开|同时|一再|多次|反复"
    r"|[0-9０-９]{1,2}日(?:上午|下午|晚间|晚)?|当天|当日|今天|昨天|近日|日前|近期|此前"
    r"|(?:本|上)?(?:周|星期)[一二三四五六日天]|当晚|昨晚|今日|昨日|十分|非常|颇为|普遍|一致|纷纷"
    r"|所|的话|曾|曾经|最后|首先|随后|坦率地|激动地|感慨地|深有感触地|动情地|自豪地|兴奋地|坚定地|高兴地|开心地|欣慰地|骄傲地"
    r"|认真地|诚恳地|郑重地|坦诚地|肯定地|笑眯眯地|笑呵呵地|乐呵呵地|语重心长地|深情地|自信地|笑着|希望|直接|当场|当即|现场)+$"
)
# Characters that end a phrase a subject cannot reach across ("对张三来说", "张三的父亲说").
_BAD_GAP = re.compile(r"[的来所听据被让使给把对由与和跟同向从]")
# Whom the speech is told to, between the speaker and the verb: "王毅对布林肯说" (but
# "对张三来说" is no speech of anyone's).
_TOLD_TO = re.compile(r"(?:对|向|同|跟)[^，,。；;：:“”\n的]{1,10}(?<!来)$")
# Conjunctions that may open a clause before its speaker's name ("，但席尔瓦外长说").
_CLAUSE_CONJUNCTIONS = set("但而")
# ...or whom they met, when the verb follows the meeting's 时 ("王毅与美国国务卿布林肯会谈时表示").
_WITH_WHOM = re.compile(r"与[^，,。；;：:“”\n的]{0,10}")
# What stands between the speaker and the name of whom they speak to ("对美国国务卿").
_TO_WHOM = re.compile(r"(?:对|向|同|跟)[^，,。；;：:“”\n的]{0,10}")
# A name found without the entities stage does not end with these: an office.
_OFFICE_LAST = set("部局馆署厅处院委党司")
# One-character country abbreviations: with 方 they name a side in talks ("巴方", "印方").
_COUNTRY_ABBREVIATIONS = set("中美日俄英法德韩朝越菲印巴哈伊以埃澳加意葡荷瑞挪丹芬匈捷希土乌蒙老柬缅泰新")
_STOP_CHARS = set("的了在是和与及等我你他她们这那都也还就说要会将把被对从向为以于而并或但所者之其此该各每某个年月日很")
# A surname followed by a form of address ("汤老师", "王先生") is not a name.
_ADDRESS_FORMS = "|".join(load_list("address_forms.txt"))
_SURNAME_ADDRESS = re.compile(rf".(?:{_ADDRESS_FORMS}|某)")
_HONORIFIC_END = re.compile(rf"({_ADDRESS_FORMS}|同志|老人|某某|某)$")
_THIRD_PERSON = re.compile(r"[他她]")
# Parts of speech (general lexicon) of running-text words, not nouns: names are often nouns too (高峰).
_RUNNING_POS = re.compile(r"[vdtacpmqfu]")
# A guessed name ends inside a running-text word only when that word is common (log
# probability in the general lexicon above this): "时|明确|表示" (明确 -9.2) but not
# "李兴|发回|忆" (发回 -13.8, a name before 回忆); on development records it dropped 6
# false speakers and no true one.
CROSSING_WORD_LOGP = -11.0
# What a person's 的 may own that is their words: "张祖霞的发言道出了…", "阿布的声音低沉了些许".
_OWN_WORDS = re.compile(r"的(?:发言|讲话|话|话语|回答|一番话|声音)")
_OBJECT_MARKERS = set("向对给跟和与同把被")
# A person the sentence before a pronoun says something moved ("这让…副馆长X深有感触"):
# 让/使/令 and a title (no clause mark) before the name.
_MOVED_PERSON = re.compile(r"(?:这|此|这也|也)?(?:让|使|令)[^，,。；;：:“”！？\n]{0,24}$")
_PRONOUN_RE = re.compile(r"(?:该负责人|该人士|他|她)$")
# A clause opened by 他/她 (maybe after a conjunction or adverb), not 他们/她们/他人.
_CLAUSE_PRONOUN = re.compile(r"(?:但|而|随后|接着|于是|这时|此时)?(?P<p>[他她])(?![们人])")
_UNNAMED_SUBJECT_RE = re.compile(r"(?:相关负责人|有关负责人|负责人|发言人)$")
_FIRST_PERSON = re.compile(r"(?:我|我们|你|你们|咱们|大家|他们|她们)$")
# ...unless it is whom the speaker addresses ("石泰峰勉励大家说", "他对我们说").
_ADDRESSED = re.compile(r"(?:勉励|叮嘱|嘱咐|告诉|鼓励|提醒|激励|寄语|对|向|跟)(?:我|我们|你|你们|大家|他们|她们)$")
# ...and whom a pronoun speaks to, between it and the verb ("他对我说").
_TOLD_US = re.compile(r"(?:对|向|跟|同)(?:我|我们|你|你们|大家)$")
# A negated verb reports that nothing was said ("约翰逊尚未公开表态，…", "他没有透露").
_NEGATED_VERB = re.compile(r"(?:未|没有|没|不|拒绝)(?:公开|正式|明确|直接|再|就此)?$")
# After these a verb is a noun: "吴建围绕…提出建议，王国生说，…" introduces nothing of 吴建's.
_VERB_AS_NOUN = re.compile(r"(?:提出|提了|给出|发表|作出|谈了)$")
# Objects that make "表示/强调 + X" an action rather than speech.
_NOT_SPEECH_OBJECT = re.compile(
    r"^(?:感谢|谢意|祝贺|欢迎|慰问|哀悼|赞赏|同意|满意|遗憾|关切|关注|敬意|支持|认可|衷心|热烈|诚挚|"
    r"了|过|着|为|作|成|之|的|出|到|号|得)"
)
_Q_TURN = re.compile(r"(?:(?P<outlet>[^，,。：:；！？“”\n]{0,24}?)记者|(?P<wen>问))[：:]")
_A_TURN = re.compile(r"(?P<name>[\u4e00-\u9fff·・]{1,8}|答)[：:]")
_SPOKESPERSON = re.compile(r"发言人(?P<name>[\u4e00-\u9fff·]{2,4}?)(?:主持|答|回答|就|表示|在)")
_CONTINUES_LIST = re.compile(
    r"(?:[二三四五六七八九十]+是|[（(][二三四五六七八九十]+[）)]|第[二三四五六七八九十]+[，、,：:]|其次|再次|此外|另外|最后[，,])"
)
_SENTENCE_PUNCT = re.compile(r"[，,。！？!?；;…]")
# After the person opening a sentence: a subject shared with others or an owner
# ("X和Y会见……", "X同Y……", "X的讲话……"), so not the one subject of a later "，表示".
_SHARED_OR_OWNED = re.compile(r"[的、和与及同跟,，]")
# A quote holding one of these is a sentence someone said, not a term or a title.
_SPEECH_END = re.compile(r"[。！？!?…]")


@dataclass
class _Speaker:
    name: str | None
    start: int
    end: int


# ---------------------------------------------------------------- names


def _without_frame_tail(name: str) -> tuple[str, int]:
    """A person found with the frame word after the name ("蓬佩奥日前", "特朗普则"):
    the name without it, and how many characters went."""
    m = _INFIX_RE.search(name)
    if m and m.start() >= MIN_NAME_BEFORE_TAIL and "·" not in name[m.start():]:
        return name[: m.start()], len(name) - m.start()
    return name, 0


class _Names:
    """The person mentions of one article, for finding a verb's subject."""

    def __init__(self, article: Article, lex: _Lex) -> None:
        self.lex = lex
        self.text = article.text
        spans = []
        for person in article.people:
            if person.source != "body" and not person.mentions:
                continue
            name, cut = _without_frame_tail(person.name)
            for m in person.mentions:
                if 0 <= m.start < m.end - cut <= len(article.text):
                    spans.append((m.start, m.end - cut, name))
        self.known = {_without_frame_tail(p.name)[0] for p in article.people}
        spans.sort()
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def add(self, name: str, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        if i and self.spans[i - 1][0] == start:
            return
        self.spans.insert(i, (start, end, name))
        self.starts.insert(i, start)

    def in_range(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        i = bisect_right(self.starts, lo - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < hi:
            if self.spans[i][1] <= hi:
                out.append(self.spans[i])
            i += 1
        return out

    def valid(self, cand: str, strong: bool = False) -> bool:
        """A light check that `cand` can be a Chinese personal name; `strong` when a
        title is written next to it, which outweighs looking like a common word."""
        if cand in self.known:
            return True
        n = len(cand)
        if n < 2 or n > 4 or not all("\u4e00" <= c <= "\u9fff" for c in cand):
            return False
        if _HONORIFIC_END.search(cand) or any(c in _STOP_CHARS for c in cand):
            return False
        if cand in self.lex.place_words:
            return False
        if cand[-1] in _OFFICE_LAST or (not strong and cand[-2:] in self.lex.org_endings) \
                or (n == 2 and cand[1] == "方" and cand[0] in _COUNTRY_ABBREVIATIONS):
            # "北京市委宣传部负责人介绍", "鲁使馆表示", "巴方表示": an office or a side
            return False
        if cand in self.lex.title_set or cand[1:] in self.lex.title_set or cand[-2:] in self.lex.title_set:
            return False
        if n == 4 or (n == 3 and cand[:2] in self.lex.surnames2):
            return cand[:2] in self.lex.surnames2 and n in (3, 4)
        if cand[0] not in self.lex.surnames1:
            return False
        if not strong and (cand[:2] in self.lex.surname_words or (n == 3 and cand[1:] in self.lex.given_words)):
            return False
        return True

    def wordlike(self, text: str, s: int, e: int) -> bool:
        """Is the guessed name text[s:e] (no person the entities stage found) rather
        running text: it starts with a verb, adverb, adjective… of the general lexicon
        or ends inside one ("外交大臣明确表示", "外长相继表态", "成员国领导人", "…时明确表示")?"""
        if text[s:e] in self.known:
            return False
        pos = self.lex.word_pos
        if _RUNNING_POS.match(pos.get(text[s : s + 2], "")):
            return True
        cross = text[e - 1 : e + 1]
        return bool(_RUNNING_POS.match(pos.get(cross, ""))) and self.lex.word_logp.get(cross, -99.0) > CROSSING_WORD_LOGP

    def anchored(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """People mentions in [lo, hi) plus names written next to a title there
        ("安全总监李圣贵", "习近平总书记"), for when the entities stage found none."""
        text = self.text
        found = {s: (s, e, n) for s, e, n in self.in_range(lo, hi)}
        ends = {e for _, e, _ in found.values()}
        for m in self.lex.title_re.finditer(text, lo, hi):
            after = None if m.start() in ends else self.name_starting_at(text, m.end(), hi, strong=True)
            # (a title written after a name is that person's: "习近平总书记满怀豪情地说")
            if after and after[0] not in found:
                found[after[0]] = after
            if m.start() - lo >= 2:
                for length in (3, 2):
                    st = m.start() - length
                    if st >= lo and self.valid(text[st : m.start()], strong=True) and self.placed(text, st, lo) \
                            and not _SURNAME_ADDRESS.match(text, st) and not self.wordlike(text, st, m.start()):
                        if st not in found:
                            found[st] = (st, m.start(), text[st : m.start()])
                        break
        return [found[k] for k in sorted(found)]

    def placed(self, text: str, s: int, lo: int) -> bool:
        """Is position s where a name can begin: a clause start, or right after a title
        ("局长黄文俊", "经办员张娜") or 据 ("据黄文俊介绍")?"""
        if s <= lo:
            return True
        prev = text[s - 1]
        # (or after the conjunction opening the clause: "，但席尔瓦外长说，")
        return not ("\u4e00" <= prev <= "\u9fff") or prev in self.lex.title_last or prev == "据" \
            or (prev in _CLAUSE_CONJUNCTIONS and (s - 1 <= lo or text[s - 2] in _CLAUSE_BOUNDARY))

    def given_part(self, dot: int) -> str:
        """The part of a transliterated name before the dot at `dot`, without the
        title written before it ("主席珍妮弗·" → 珍妮弗); "" when none is sure."""
        text = self.text
        k = dot
        while k > 0 and dot - k < FOREIGN_LEFT_SPAN and _CJK.match(text, k - 1):
            k -= 1
        left = text[k:dot]
        cut = None
        for m in self.lex.title_re.finditer(left):
            cut = m.end()
        if cut is not None:
            left = left[cut:]
        elif dot - k == FOREIGN_LEFT_SPAN:
            return ""  # no title and no boundary: where the name starts is not known
        pieces = re.split(r"[的和与及对同在]", left)
        left = pieces[-1]
        if cut is None and len(pieces) == 1 and k > 0 and text[k - 1] in _NAME_DOTS:
            return ""  # a third part ("A·B·C"): not guessed
        return left if 1 <= len(left) <= FOREIGN_GIVEN_MAX else ""

    def name_ending_at(self, text: str, p: int, lo: int, strong: bool = False) -> tuple[int, int, str] | None:
        """A name written right before position p (not before lo)."""
        for s, e, name in reversed(self.in_range(max(lo, p - 8), p)):
            if e == p:
                return (s, e, name)
        m = _DOTTED_TAIL.search(text, max(lo, p - FOREIGN_LEFT_SPAN), p)
        if m and m.end() == p and not self.lex.trailing_title_re.search(m.group()):
            # (a title after the name, "麦提赛地代表", is left to the title rule)
            # "副秘书长埃里克·索尔海姆在…后说": a transliterated name, whole
            first = self.given_part(m.start())
            if first and m.start() - len(first) >= lo:
                return (m.start() - len(first), p, text[m.start() - len(first) : p])
        for length in (3, 2, 4):
            s = p - length
            if s < lo:
                continue
            cand = text[s:p]
            if not self.valid(cand, strong) or _SURNAME_ADDRESS.match(text, s):
                continue
            if length == 3 and s > lo and text[s - 1 : s + 1] in self.lex.title_end_pairs \
                    and self.valid(text[s + 1 : p], strong):
                # "主任李明": 任 ends the title, the name is 李明
                return (s + 1, p, text[s + 1 : p])
            if not self.placed(text, s, lo) or text[s - 1 : s] == "》" or self.wordlike(text, s, p):
                continue  # (after a title in 《》 comes a document: "《…》白皮书指出")
            return (s, p, cand)
        return None

    def name_starting_at(self, text: str, p: int, hi: int, strong: bool = False) -> tuple[int, int, str] | None:
        for s, e, name in self.in_range(p, min(hi, p + 16)):
            if s == p:
                return (s, e, name)
        if _SURNAME_ADDRESS.match(text, p):
            return None
        for length in (3, 2):
            if p + length <= hi and self.valid(text[p : p + length], strong) and self.placed(text, p, p) \
                    and not self.wordlike(text, p, p + length):
                return (p, p + length, text[p : p + length])
        return None


# ---------------------------------------------------------------- helpers


def _clause_start(text: str, p: int, floor: int) -> int:
    i = p
    while i > floor:
        if text[i - 1] == "”":
            # a quoted term inside the clause ("在出席“俄罗斯在召唤”投资论坛时表示") does not end it
            j = text.rfind("“", floor, i - 1)
            if j >= 0 and i - 2 - j <= MAX_TERM_IN_CLAUSE and not _CLAUSE_BOUNDARY.intersection(text[j + 1 : i - 1]):
                i = j
                continue
        if text[i - 1] in _CLAUSE_BOUNDARY:
            break
        i -= 1
    while i < p and text[i] in " \u3000\t":
        i += 1
    return i


def _sentence_start(text: str, p: int, floor: int) -> int:
    """Where the sentence holding p starts: right after the last sentence end before p,
    not before floor. (One str.rfind per end mark, in C: callers with floor 0 would
    otherwise step back a character at a time through the article.)"""
    if p <= floor:
        return p
    return max(floor, max(text.rfind(c, floor, p) for c in _SENTENCE_END_MARKS) + 1)


def _strip_infix(text: str, cs: int, p: int) -> int:
    m = _INFIX_RE.search(text, cs, p)
    if m and m.end() == p:
        return m.start()
    return p


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    text = article.text
    bounds = [(p.start, p.end) for p in article.paragraphs] or [(0, len(text))]
    out = []
    for lo, hi in bounds:
        pos = lo
        for m in _PARA_SPLIT.finditer(text, lo, hi):
            if m.start() > pos:
                out.append((pos, m.start()))
            pos = m.end()
        if pos < hi:
            out.append((pos, hi))
    trimmed = []
    for lo, hi in out:
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            trimmed.append((lo, hi))
    return trimmed


class _Doc:
    def __init__(self, article: Article, ctx: Context | None) -> None:
        self.article = article
        self.text = article.text
        self.ctx = ctx
        self.lex = _lexicon()
        self.names = _Names(article, self.lex)
        self.paras = _paragraphs(article)
        self.para_starts = [p[0] for p in self.paras]
        self._dotted: dict[str, int] | None = None

    def para_of(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def para_end(self, pos: int) -> int:
        return self.paras[self.para_of(pos)][1] if self.paras else len(self.text)

    def para_start(self, pos: int) -> int:
        return self.paras[self.para_of(pos)][0] if self.paras else 0

    # -- subjects

    def dotted_parts(self) -> dict[str, int]:
        """Every start of what follows a name dot ("·霍门迪27日" gives 霍门, 霍门迪, …)
        → the first such dot: one pass over the text, not a search per speaker."""
        if self._dotted is None:
            self._dotted = {}
            for m in re.finditer(f"[{_NAME_DOTS}]([\u4e00-\u9fff]{{2,8}})", self.text):
                run = m.group(1)
                for k in range(2, len(run) + 1):
                    self._dotted.setdefault(run[:k], m.start())
        return self._dotted

    def full_foreign_name(self, found: tuple[int, int, str]) -> tuple[str, int, int]:
        """A transliterated name is written whole once ("珍妮弗·霍门迪", "格扎维埃·克雷亚什")
        and by its last part after that ("霍门迪说", "克雷亚什说"); the speaker is the
        whole name, found right before the mention or where the article first wrote it."""
        s, e, name = found
        text = self.text
        for j in range(s, max(s - FOREIGN_PART_SLACK, 0) - 1, -1):
            if j < s and not _CJK.match(text, j):
                break
            part = text[j:e]
            if len(part) < 2:
                continue
            dot = j - 1 if j > 0 and text[j - 1] in _NAME_DOTS else self.dotted_parts().get(part, -1)
            if dot < 0:
                continue
            first = self.names.given_part(dot)
            if first:
                return first + text[dot] + part, (j - 1 - len(first) if j - 1 == dot else j), e
        return name, s, e


    def subject(self, p: int, allow_pronoun: bool = True, need_anchor: bool = False) -> _Speaker | None:
        """The speaker of a verb (or frame) starting at p, from its own clause.

        `need_anchor`: accept a name found without the entities stage only when a
        title stands next to it (used where the frame alone is weak evidence)."""
        text = self.text
        floor = self.para_start(p)
        cs = _clause_start(text, p, floor)
        q = _strip_infix(text, cs, p)
        for ms, me, _ in self.names.in_range(cs, p):
            if ms < q < me:
                # the frame began inside a name ("文在寅在新年记者会上称"): it starts after it
                q = _strip_infix(text, me, p)
                break
        head = text[cs:q]
        if _FIRST_PERSON.search(head) and not _ADDRESSED.search(head):
            return None
        names = self.names
        anchored = False
        # 1. a name right before the verb, or behind a title ("唐登杰代表在回答")
        found = names.name_ending_at(text, q, cs)
        if found and found[2] not in names.known and q > cs and text[q - 1] == "地":
            found = None  # "满怀豪情地说": the words before 地 are how, not who
        if found:
            anchored = found[2] in names.known or (found[0] > cs and (
                text[found[0] - 1] in self.lex.title_last or text[found[0] - 1] == "据"))
        else:
            m = self.lex.trailing_title_re.search(head)
            if m and m.start() > 0:
                found = names.name_ending_at(text, cs + m.start(), cs, strong=True)
                anchored = found is not None
        # 2. the nearest person in the clause, not across 的/来/对… ("王毅国务委员兼外长还公开宣布")
        if not found:
            for s, e, name in reversed(names.anchored(cs, q)):
                gap = text[e:q]
                if q - e <= MAX_SUBJECT_GAP and (not _BAD_GAP.search(gap) or _TOLD_TO.match(gap)):
                    found, anchored = (s, e, name), True
                break

        if found and found[2] not in names.known and text[found[0] - 2 : found[0]] == "代表":
            # "焦红委员代表农工党中央发言时说": the person speaking for the body
            before = names.anchored(cs, found[0] - 2)
            if before:
                found, anchored = before[-1], True
        if found:
            # "王毅对美国国务卿布林肯说": the one spoken to is no speaker
            for s, e, name in names.anchored(cs, found[0]):
                if e <= found[0] and q - e <= MAX_SUBJECT_GAP and (_TO_WHOM.fullmatch(text, e, found[0]) or (
                        # "王毅与布林肯会谈时表示", "蓬佩奥与席尔瓦共见记者时称": the one met is no speaker
                        _WITH_WHOM.fullmatch(text, e, found[0]) and text[found[1] : p].endswith("时"))):
                    found, anchored = (s, e, name), True
                    break
        if found and found[0] - cs >= 2 and text[found[0] - 1] in "对向" and any(
                text[e:found[0] - 1] == "等" for _, e, _ in names.anchored(cs, found[0] - 1)):
            found = None  # "村民花仁淑等向陈书记反映，": a group speaks, to the one named after 向
        if found and found[0] > cs and _TO_WHOM.fullmatch(text, cs, found[0]):
            # "王建国指了指肥料，对赵元瑞说": the one spoken to opens the clause; the speaker
            # is the person opening the sentence, or no one named
            sentence = _sentence_start(text, cs, floor)
            opening = [x for x in names.anchored(sentence, cs) if x[0] - sentence <= MAX_SUBJECT_OFFSET]
            found, anchored = (opening[0], True) if opening else (None, False)
        if found and (anchored or not need_anchor):
            return _Speaker(*self.full_foreign_name(found))
        if allow_pronoun and head:
            told = _TOLD_US.search(head)  # "他对我说：“…”": 他 speaks
            if told:
                head = head[: told.start()]
            m = _PRONOUN_RE.search(head) or _UNNAMED_SUBJECT_RE.search(head)
            if m:
                return _Speaker(None, cs + m.start(), cs + m.end())
        return None


# ---------------------------------------------------------------- stages


_QUOTE_MARKS = re.compile("[“”\n]")


def _quotes(text: str) -> list[tuple[int, int]]:
    """(open, close) index pairs of top-level “…” quotes."""
    out = []
    depth = 0
    start = -1
    for m in _QUOTE_MARKS.finditer(text):  # (only the marks: a loop over every character cost ~2 % of extract)
        i = m.start()
        c = text[i]
        if c == "“":
            if depth == 1 and i > 0 and text[i - 1] == "\n":
                # a quote running over paragraphs opens each of them again and closes only
                # at its end ("他说：“……。\n“……。”"): the same quote goes on
                continue
            if depth == 0:
                start = i
            depth += 1
        elif c == "”" and depth:
            depth -= 1
            if depth == 0:
                if i - start <= MAX_QUOTE_LEN:
                    out.append((start, i))
        elif c == "\n" and depth and i - start > MAX_QUOTE_LEN:
            depth = 0
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \u3000\t\n，,：:":
        s += 1
    while e > s and text[e - 1] in " \u3000\t\n":
        e -= 1
    return s, e


def _make(text: str, kind: str, sp: _Speaker | None, s: int, e: int, flow: bool = False, **kw) -> Statement | None:
    """flow=True: an answer or said that runs to its paragraph's end until
    annotate() cuts it at the next speaker; its text is copied there, once, at
    its final length (on a one-line page each copy was the rest of the page)."""
    s, e = _trim(text, s, e)
    if e <= s:
        return None
    return Statement(
        kind=kind,
        speaker=sp.name if sp else None,
        text="" if flow else text[s:e],
        start=s,
        end=e,
        speaker_start=sp.start if sp else None,
        speaker_end=sp.end if sp else None,
        **kw,
    )


def _transcript(doc: _Doc) -> list[Statement]:
    """问/答 turns: "澎湃新闻记者：…" then "耿爽：…" (外交部 style), "问：…" / "答：…"."""
    text = doc.text
    turns = []  # (kind, para index, label start, label end, content start, extra)
    for i, (lo, hi) in enumerate(doc.paras):
        m = _Q_TURN.match(text, lo, hi)
        if m and (m.group("wen") or _CJK.search(m.group("outlet") or "") or "记者" in m.group(0)):
            outlet_raw = m.group("outlet")
            if outlet_raw and re.search(r"[，,。；“”]", outlet_raw):
                m = None
            else:
                turns.append(("q", i, m.start(), m.end(), outlet_raw))
                continue
        m = _A_TURN.match(text, lo, hi)
        if m:
            name = m.group("name")
            if len(name) == 1 and name != "答":
                # "刘：……" after "记者：……": the interviewee by surname, when one person
                # of the article has it
                full = {n for n in doc.names.known if n.startswith(name) and len(n) >= 2}
                name = full.pop() if len(full) == 1 else ""
            if name and (name == "答" or doc.names.valid(name) or "·" in name or "・" in name):
                turns.append(("a", i, m.start(), m.end(), name))
    if not any(t[0] == "q" for t in turns) or not any(t[0] == "a" for t in turns):
        return []
    spokesperson = None
    for line in (doc.article.headline or "", doc.article.subheadline or "", doc.article.kicker or ""):
        m = _SPOKESPERSON.search(line)
        if m:
            spokesperson = m.group("name")
            break
    if spokesperson is None and any(t[0] == "a" and t[4] == "答" for t in turns):
        spokesperson = _interviewee(doc, doc.paras[turns[0][1]][0])
    out: list[Statement] = []
    question = None  # (topic start, topic end, asked_by)
    last_named = spokesperson
    for k, (kind, pi, ls, le, extra) in enumerate(turns):
        # a turn runs until the next turn's paragraph
        end_para = turns[k + 1][1] if k + 1 < len(turns) else len(doc.paras)
        end = doc.paras[end_para - 1][1]
        if kind == "q":
            ts, te = _trim(text, le, end)
            asked_by = doc.lex.outlet(extra, doc.ctx) if extra else None
            question = (ts, te, asked_by)
            continue
        if extra == "答":
            sp = _Speaker(last_named, None, None) if last_named else None  # type: ignore[arg-type]
        else:
            sp = _Speaker(extra, ls, le - 1)
            last_named = extra
            doc.names.add(extra, ls, le - 1)
        if question is None:
            continue  # "耿爽：中方决定……" before any question: an announcement, no answer
        st = _make(text, "answer", sp, le, end, verb=None)
        if st is None:
            continue
        if question:
            st.topic = text[question[0] : question[1]]
            st.topic_start, st.topic_end = question[0], question[1]
            st.asked_by = question[2]
        out.append(st)
    return out


# Who an interview is with: "本报记者对话谷爱凌", "记者专访了X", "X接受本报记者专访".
_INTERVIEW_BEFORE = re.compile(r"(?:对话|专访|采访|访谈|访问)了?[^，,。；;：:“”\n]{0,12}$")
_INTERVIEW_AFTER = re.compile(r"[^，,。；;：:“”\n]{0,6}?接受[^，,。；;：:“”\n]{0,12}?(?:专访|采访|访谈)")
# A name in a photo credit ("本报记者  蒋雨师摄") or a byline is no interviewee.
_CREDIT_AFTER = re.compile(r"\s*摄")


def _interviewee(doc: _Doc, first_turn: int) -> str | None:
    """The person the unlabelled answers (答：) of an interview are from, when no
    spokesperson is named in the headline: the person the text before the first turn
    says is interviewed ("近日，本报记者对话谷爱凌"), else the one person it names
    outside photo credits."""
    text = doc.text
    named = [(s, e, n) for s, e, n in doc.names.in_range(0, first_turn) if n in doc.names.known
             and not _CREDIT_AFTER.match(text, e) and not text[max(0, s - 2) : s] == "记者"]
    for s, e, n in named:
        if _INTERVIEW_BEFORE.search(text, max(0, s - 14), s) or _INTERVIEW_AFTER.match(text, e):
            return n
    names = {n for _, _, n in named}
    return names.pop() if len(names) == 1 else None


def _answers(doc: _Doc, claimed: list[tuple[int, int]]) -> list[tuple[Statement, int]]:
    """Answers told in narration; returns (statement, intro start)."""
    text = doc.text
    out = []
    if "答" not in text and "回应" not in text:
        return out  # each form of answer_re holds 回答, 答复, 回应 or 答…记者问 (and most articles none)
    for m in doc.lex.answer_re.finditer(text):
        if any(a <= m.start() < b for a, b in claimed):
            continue
        sp = doc.subject(m.start())
        cstart = m.end()
        verb = m.group("verb") or m.group("verb2") or m.group("verb3")
        if sp is None:
            named_after = _speaker_after_frame(doc, m)
            if named_after is None:
                continue
            sp, verb, cstart = named_after
        topic = outlet = None
        ts = te = None
        if m.group("q") is not None:
            q = m.group("q")
            qs = m.start("q")
            k = q.find("记者")
            if k < 0:
                if "记者" not in q and not re.search(r"(关于|就|有关)", q) and q.strip():
                    outlet_raw = None
                else:
                    outlet_raw = None
                rest_off = 0
            else:
                outlet_raw = q[:k]
                rest_off = k + 2
            outlet = doc.lex.outlet(outlet_raw, doc.ctx)
            rest = q[rest_off:]
            lead = re.match(r"(?:们)?(?:关于|就|有关|对|针对|围绕|提出的|提出)?", rest)
            ts = qs + rest_off + (lead.end() if lead else 0)
            te = qs + len(q)
            while te > ts and text[te - 1] in "的等相关":
                te -= 1
        elif m.group("topic2") is not None:
            ts, te = m.start("topic2"), m.end("topic2")
            outlet = doc.lex.outlet(m.group("outlet2"), doc.ctx)
        else:
            if m.group("topic3") is not None:
                ts, te = m.start("topic3"), m.end("topic3")
            outlet = doc.lex.outlet(m.group("outlet3"), doc.ctx)
        if ts is not None and te is not None:
            ts, te = _trim(text, ts, te)
            if te - ts >= 2 and text[ts] == "“" and text[te - 1] == "”" and text.count("“", ts, te) == 1:
                ts, te = ts + 1, te - 1
            if te > ts:
                topic = text[ts:te]
            else:
                ts = te = None
        st = _make(text, "answer", sp, cstart, doc.para_end(cstart), flow=True, asked_by=outlet, topic=topic, verb=verb)
        if st is None:
            continue
        st.topic_start, st.topic_end = ts, te
        out.append((st, sp.start))
    return out


def _speaker_after_frame(doc: _Doc, m: re.Match) -> tuple[_Speaker, str, int] | None:
    """"在回答记者关于Z的提问时，付凌晖表示，…": the frame opens the sentence and the
    answerer is named in the next clause with a verb; (speaker, verb, content start)."""
    text = doc.text
    if m.group("q") is None or m.group("verb") or text[m.end() - 1] not in "，,":
        return None
    v = doc.lex.said_re.search(text, m.end(), doc.para_end(m.end()))
    if v is None or v.group("after") not in ("，", ",", "：", ":") \
            or any(c in _CLAUSE_BOUNDARY for c in text[m.end() : v.start()]):
        return None
    sp = doc.subject(v.start(), allow_pronoun=False)
    if sp is None or sp.start is None or sp.start < m.end():
        return None
    return sp, v.group("verb"), v.end()


def _saids(doc: _Doc, claimed: list[tuple[int, int]], quote_spans: list[tuple[int, int]]) -> tuple[list, dict]:
    """Reported speech "X说，…"; returns (statement, intro start) pairs and the
    speakers of quotes introduced by a verb ("袁博表示：“…”"), keyed by quote start."""
    text = doc.text
    lex = doc.lex
    out = []
    quote_intro: dict[int, tuple[_Speaker, str]] = {}
    quote_close = dict(quote_spans)
    in_quote = _span_index(quote_spans)
    for m in lex.said_re.finditer(text):
        v = m.start()
        if any(a <= v < b for a, b in claimed) or in_quote(v):
            continue
        verb = m.group("verb")
        after = m.group("after")
        mode = lex.verbs.get(verb, "p")
        if after == "" and (mode != "d" or m.group("dezhi")):
            continue
        if m.group("dezhi") == "的" and text[v - 1 : v] != "所":
            continue  # only "正如X所指出的，“…”" speaks through 的
        if after == "" and lex.verb_re.match(text, m.end()):
            # "巴加埃警告说，…", "他强调指出，…": the second verb introduces the speech
            continue
        if _NEGATED_VERB.search(text, max(0, v - 6), v) or _VERB_AS_NOUN.search(text, max(0, v - 2), v):
            continue
        if verb == "说" and text[v - 1 : v] == "来":
            continue  # "对梦花街来说，…", "总的来说": no one speaks
        if after == "":
            # direct content: "默克尔敦促中方尽可能…"
            end = v
            while end < len(text) and text[end] not in "。！？!?\n":
                end += 1
            content = text[m.end() : end]
            if len(content) < MIN_DIRECT_CONTENT or _NOT_SPEECH_OBJECT.match(content):
                continue
        sp = doc.subject(v, need_anchor=(after == ""))
        if sp is None:
            # "…，强调“…”" : the subject of the sentence
            cs = _clause_start(text, v, doc.para_start(v))
            if text[cs:v].strip() in ("", "并", "还", "也", "又", "同时", "他还", "并且"):
                ss = _sentence_start(text, v, doc.para_start(v))
                found = doc.names.anchored(ss, cs)
                # (a quote, or the name, maybe after its title, opens the sentence:
                # "陈敏尔实地察看……，强调要……", "省委书记李强来到……，指出……")
                opens = bool(found) and (found[0][0] == ss or (
                    found[0][0] - ss <= MAX_LEAD_TITLE and not _CLAUSE_MARK.search(text, ss, found[0][0])
                    and lex.trailing_title_re.search(text[ss:found[0][0]]) is not None))
                # others named later in the sentence are its objects when the opener
                # acts alone: "刘海星向苏林转交……贺信，表示……" (not "X和Y……", "X的……")
                opens = opens and (len({n for _, _, n in found}) == 1 or not _SHARED_OR_OWNED.match(
                    text, (tm.end() if (tm := lex.title_re.match(text, found[0][1])) else found[0][1])))
                if found and (after and "“" in after or opens):
                    s0, e0, n0 = found[0]
                    sp = _Speaker(n0, s0, e0)
            if sp is None:
                continue
        cstart = m.end()
        if "“" in after:
            qpos = m.end() - 1
            close = quote_close.get(qpos)
            if close is None:
                continue
            if not _opens_speech(text, qpos, close):
                quote_intro[qpos] = (sp, verb)
                continue
            if close - qpos - 1 >= MIN_DIRECT_CONTENT:
                # "卡西姆……，表示“具体细节将取决于战事”以及真主党的利益": words as long as a
                # speech are the quote itself, however the sentence goes on (it still ends
                # the speech before it, as a said would)
                st = _make(text, "quote", sp, qpos + 1, close, verb=verb)
                if st is not None:
                    out.append((st, sp.start))
                continue
            # "王筱雯告诉记者，“辽韵华章”有效推动了…": the quote names a thing and the
            # speech goes on after it, so the speech starts at the quote
            cstart = qpos
        end = doc.para_end(cstart)
        if after == "":
            # "他认为表格勾选…。于是，…": speech without a comma is one sentence
            k = cstart
            while k < end and text[k] not in "。！？!?":
                k += 1
            end = min(end, k + 1)
        st = _make(text, "said", sp, cstart, end, flow=True, verb=verb)
        if st is None or st.end - st.start < 2:
            continue
        out.append((st, sp.start))
    return out, quote_intro



def _opens_speech(text: str, a: int, b: int) -> bool:
    """Is the quote (a, b) right after a speech verb only the first words of the
    speech: a term without sentence punctuation, with the sentence going on after it?"""
    if _SENTENCE_PUNCT.search(text, a + 1, b):
        return False
    return b + 1 < len(text) and _CJK.match(text, b + 1) is not None


def _span_index(spans: list[tuple[int, int]]):
    starts = [a for a, _ in spans]

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and spans[i][0] < pos < spans[i][1]

    return inside


class _Enclosing:
    """The first statement (in list order) with a speaker that encloses a
    quote, for quotes asked in text order: a sweep keeping only the statements
    open at the quote, instead of a pass over all statements per quote (which
    was quadratic on a long article)."""

    def __init__(self, stmts: list[Statement]):
        self.stmts = [(st.start, i, st) for i, st in enumerate(stmts) if st.speaker]
        self.stmts.sort(key=lambda x: (x[0], x[1]))
        self.next = 0
        self.open: list[tuple[int, Statement]] = []  # (list index, statement)
        self.last_a = -1

    def __call__(self, a: int, b: int) -> Statement | None:
        if a < self.last_a:  # not in text order: start the sweep again
            self.next, self.open = 0, []
        self.last_a = a
        stmts = self.stmts
        while self.next < len(stmts) and stmts[self.next][0] <= a:
            _, i, st = stmts[self.next]
            self.open.append((i, st))
            self.next += 1
        # one ending at or before a encloses no later quote either
        self.open = [(i, st) for i, st in self.open if st.end > a]
        best = None
        for i, st in self.open:
            if b < st.end and (best is None or i < best[0]):
                best = (i, st)
        return best[1] if best else None


def _quote_statements(doc: _Doc, quote_spans, quote_intro, enclosing: list[Statement]) -> list[tuple[Statement, int]]:
    text = doc.text
    out = []
    prev_speaker: _Speaker | None = None
    prev_close = -10
    around = _Enclosing(enclosing)
    for a, b in quote_spans:
        content = text[a + 1 : b]
        sp = None
        verb = None
        if a in quote_intro:
            sp, verb = quote_intro[a]
        framed = sp is not None
        if sp is None:
            # "“…”张娜说。" / "“…”李圣贵对…赞不绝口，“…”"
            sp, verb, chained = _after_quote(doc, b + 1)
            if sp is None and text[b + 1 : b + 2] in ("，", ",") and len(content) >= MIN_DIRECT_CONTENT \
                    and (a == doc.para_start(a) or text[a - 1] in "。！？!?"):
                # "“家门口就能上班，收入也稳定了”，李红梅笑着说。": a quote opening its
                # sentence, a comma, then the speaker's clause ending in the verb (a term
                # is shorter and stands inside a sentence: "提出“两个毫不动摇”，习近平强调，")
                sp, verb, _ = _after_quote(doc, b + 2)
            framed = sp is not None
            if chained is not None and chained not in quote_intro:
                quote_intro[chained] = (sp, verb)
        ends_utterance = b + 1 >= len(text) or text[b + 1] in "。！？!?，,\n "
        if sp is None and a > 0 and text[a - 1] in "：:" and (ends_utterance or _SENTENCE_PUNCT.search(content)):
            # "李圣贵既心动又心忧：“…”"
            sp = doc.subject(a - 1, allow_pronoun=True)
            if sp is None:
                cs = _clause_start(text, a - 1, doc.para_start(a))
                in_clause = doc.names.in_range(cs, a - 1)
                found = [x for x in in_clause if not _owner_of_anothers_words(doc, x[1], a - 1)]
                if found:
                    sp = _Speaker(found[-1][2], found[-1][0], found[-1][1])
                elif not in_clause and _SENTENCE_PUNCT.search(content):
                    # "李向前及时讲解相关技巧，引导他们调整状态：“…”": a clause with no one
                    # in it goes on the sentence of the one person who opens it
                    sp = _sentence_person(doc, _sentence_start_before_quote(text, a - 1, doc.para_start(a)), cs,
                                          MAX_SUBJECT_OFFSET)
                    if sp is not None and text[sp.start - 2 : sp.start] in ("对于", "关于", "至于"):
                        sp = None  # "对于王欣瑜的进步，教练托西奇点出了原因：": talked about
                    if sp is None and (pm := _CLAUSE_PRONOUN.match(text, cs, a - 1)):
                        # "没等记者回答，他便公布了答案：“…”": a clause opened by 他/她 with no one
                        # named in it is that person's (resolved like a pronoun before a verb)
                        sp = _Speaker(None, pm.start("p"), pm.end("p"))
            framed = sp is not None
        if sp is None and prev_speaker is not None and a - prev_close <= 2 and text[prev_close + 1 : a] in ("，", ","):
            sp = prev_speaker
        if sp is None and _SPEECH_END.search(content):
            # speech (it has a sentence end) with no verb: the person who opens the
            # next sentence
            sp = _subject_after_quote(doc, b + 1)
        cited = _quoted_from_document(text, a, doc.para_start(a))
        if sp is None and _SPEECH_END.search(content) and ends_utterance and a > 0 and text[a - 1] in "，," \
                and not cited:
            # speech after a clause about one person: "建设工人童川弯腰绑扎着钢筋，“目标是…。”"
            sp = _sentence_person(doc, _sentence_start_before_quote(text, a - 1, doc.para_start(a)), a - 1,
                                  SENTENCE_PERSON_OFFSET)
        if sp is None and _SPEECH_END.search(content) and b + 1 < doc.para_end(a) and (
                a == doc.para_start(a) or text[a - 1] in "。！？!?"):
            # a paragraph (or a sentence inside one) opened by speech, then the one person
            # the next sentence is about: "“…”今年53岁的罗江飞，是…", "…800万元。“…”62岁的
            # 村民曹华英如今…" (inside a paragraph: 14 of 16 right on development records;
            # statements_recall check .892 -> .899, held-out and dev unchanged)
            m = _SPEECH_END.search(text, b + 1)
            sp = _sentence_person(doc, b + 1, min(m.start() if m else len(text), doc.para_end(a)),
                                  NEXT_SENTENCE_PERSON_OFFSET)
        enclosed = False
        if sp is None:
            st = around(a, b)
            if st is not None and not _cited_in_clause(text, a, b) and not cited:
                sp = _Speaker(st.speaker, st.speaker_start, st.speaker_end)  # type: ignore[arg-type]
                enclosed = True
        if sp is None and _SPEECH_END.search(content) and a > doc.para_start(a) and text[a - 1] in "。！？!?" \
                and not cited:
            # speech right after a sentence about one person, when no one is named after
            # it up to the next sentence end: "王俊也收到不少企业反馈，…尚待恢复。“市级层面…。”"
            m = _SPEECH_END.search(text, b + 1)
            if not doc.names.in_range(b + 1, min(m.end() if m else len(text), doc.para_end(a))):
                sp = _sentence_person(doc, _sentence_start_before_quote(text, a - 1, doc.para_start(a)), a,
                                      MAX_SUBJECT_OFFSET)
        named_before = False
        if sp is None and _bare_words(text, a, b) and (nb := doc.names.name_ending_at(text, a, doc.para_start(a))) \
                and nb[2] in doc.names.known:
            # "24岁的王欣瑜“更清楚自己想怎么打、想成为什么风格的选手”。": words written
            # right after the name, closing the sentence, are that person's
            sp, named_before = _Speaker(nb[2], nb[0], nb[1]), True
        if sp is None:
            continue
        closes = not framed and enclosed and text[a - 1 : a] in "，," and text[b + 1 : b + 2] in ("。", "！", "？") \
            and len(content) >= MIN_CLOSING_QUOTE
        closes = closes or named_before
        if not framed and not _SENTENCE_PUNCT.search(content) and not closes:
            # (a quote closing a sentence of the speech around it is the speaker's words:
            # "…，中国民众高度配合，“这种团结与凝聚力令人震撼”。")
            continue
        if not _SENTENCE_PUNCT.search(content) and (len(content) < 6 or not ends_utterance) and not closes:
            continue  # a term, or a name going on into its clause ("“钧正平工作室”编辑刘金晶表示")
        st = _make(text, "quote", sp, a + 1, b, verb=verb)
        if st is None:
            continue
        out.append((st, a))
        prev_speaker, prev_close = sp, b
    return out


def _bare_words(text: str, a: int, b: int) -> bool:
    """Is the quote (a, b) words written straight after a name with no verb or comma
    ("王欣瑜“更清楚自己想怎么打、想成为什么风格的选手”。"): a CJK character before it,
    a sentence end after it, and long enough (MIN_BARE_QUOTE) to be no nickname or term.
    (After any subject, not only a name, it also took terms inside the speech around
    it: statements_recall set 1 dev 1.000 -> .994, set 2 dev one found, two spurious.)"""
    content = text[a + 1 : b]
    return a > 0 and _CJK.match(text, a - 1) is not None and text[b + 1 : b + 2] in ("。", "！", "？") \
        and len(content) >= MIN_BARE_QUOTE and "“" not in content


# Words straight after a name are a quote from this length on: nicknames and terms
# written after a name are shorter ("绿水青山就是金山银山" is 10).
MIN_BARE_QUOTE = 11
# A quote without sentence punctuation that closes a sentence of the speech around it
# is that speaker's words from this length on ("她该辞职了" 5; terms closing a sentence
# after a comma are rarer than that on statements_recall.py --set 2's dev half).
MIN_CLOSING_QUOTE = 5
_AFTER_QUOTE_END = re.compile(r"[，,。：:；;！？!?\n“]")
# A quoted term this long at most (with its marks) may stand inside the clause after a quote.
MAX_TERM_IN_CLAUSE = 16


def _after_quote(doc: _Doc, p: int) -> tuple[_Speaker | None, str | None, int | None]:
    """The speaker named after a closing quote, and the position of a next quote
    that the same clause introduces ("”李圣贵坦言，“…”")."""
    text = doc.text
    if p >= len(text) or text[p] in " \u3000\t\n":
        return None, None, None
    m = _AFTER_QUOTE_END.search(text, p)
    while m and text[m.start()] == "“":
        # a quoted term inside the clause ("”“雄安之翼”项目总工程师孟媛介绍，") is part of it
        close = text.find("”", m.start() + 1, m.start() + MAX_TERM_IN_CLAUSE)
        if close < 0 or _SENTENCE_PUNCT.search(text, m.start() + 1, close):
            break
        m = _AFTER_QUOTE_END.search(text, close + 1)
    ce = m.start() if m else len(text)
    clause = text[p:ce]
    if not clause:
        return None, None, None
    chained = ce + 1 if ce + 1 < len(text) and text[ce] in "，,：:" and text[ce + 1] == "“" else None
    # the clause ends with a speech verb: "…齐卫军说"
    vm = None
    for vm_ in doc.lex.verb_re.finditer(clause):
        vm = vm_
    if vm and p + vm.end() in (ce, ce - 1) or (vm and clause[vm.end():] in ("道", "的是")):
        sp = doc.subject(p + vm.start(), allow_pronoun=True)
        if sp is not None and sp.start >= p:
            return sp, vm.group(0), chained
    # the clause is the opinion frame 在X看来: "”在圣普基础设施部工程师迪奥多特·利马看来，…"
    if clause.startswith("在") and clause.endswith("看来"):
        found = doc.names.name_ending_at(text, ce - 2, p + 1)
        if found and found[2] in doc.names.known:
            return _Speaker(*doc.full_foreign_name(found)), None, chained
    # the clause starts with a name and the next quote follows: "”李圣贵对…，“"
    if chained is not None:
        found = doc.names.name_starting_at(text, p, ce)
        if found:
            return _Speaker(found[2], found[0], found[1]), None, chained
    return None, None, None


def _owner_of_anothers_words(doc: _Doc, e: int, colon: int) -> bool:
    """Is the name ending at e only an owner in a clause about someone else,
    "习近平总书记的贺信令她更加坚定了…信念：“…”" (her words), unlike "习主席的话语
    掷地有声：“…”" (his)?"""
    m = doc.lex.title_re.match(doc.text, e)
    return doc.text.startswith("的", m.end() if m else e) and _THIRD_PERSON.search(doc.text, e, colon) is not None


def _cited_in_clause(text: str, a: int, b: int) -> bool:
    """Is the quote (a, b) a name or a line set inside a clause, words on each side
    ("会议主题“建设亚太共同体，促进共同繁荣”和…"), and not a sentence of its own?
    Inside someone's speech such a quote is what they cite, not what they say."""
    if _SPEECH_END.search(text, a + 1, b):
        return False
    return a > 0 and _CJK.match(text, a - 1) is not None and b + 1 < len(text) and _CJK.match(text, b + 1) is not None


# A document's title and the verb that quotes it: "《中日联合声明》明确，“…”".
_DOCUMENT_QUOTED = re.compile(r"》[^，,。；;：:“”]{0,6}[，,：:]$")
_QUOTE_IN_LIST = re.compile(r"“[^“”]*”[，,、]?")


def _quoted_from_document(text: str, a: int, floor: int) -> bool:
    """Is the quote at a (or one of a run of quotes) what a document says, "1972年
    《中日联合声明》明确，“…”，“…”"? Inside someone's speech such a quote is the
    document's words they cite, not their own."""
    before = _QUOTE_IN_LIST.sub("", text[_sentence_start(text, a, floor) : a])
    return _DOCUMENT_QUOTED.search(before) is not None


# How far into the sentence after a paragraph-opening quote its person may be
# named: a title or a place and a title before the name ("在云南省镇雄县麻塘村，
# 驻村第一书记邱林飞拿着…" is 20); further in, the sentence is about something else.
# Kept at measurement: held-out statements .877 -> .878, development unchanged.
NEXT_SENTENCE_PERSON_OFFSET = 24
# ...and into the sentence a quote closes after "，": its subject opens it, behind a
# title at most ("建设工人童川…，“…”"). Held-out statements unchanged (.878), ~3 in 4
# right on 25 development-record quotes; after "：" it cost held-out .003, so not there.
SENTENCE_PERSON_OFFSET = 12


def _sentence_start_before_quote(text: str, p: int, floor: int) -> int:
    """Where the sentence holding position p starts; a quote closed after a
    sentence end ("。”") ends a sentence too."""
    i = p
    while i > floor and text[i - 1] not in _SENTENCE_END and not (
            text[i - 1] == "”" and i > 1 and text[i - 2] in _SENTENCE_END):
        i -= 1
    return i


def _sentence_person(doc: _Doc, lo: int, hi: int, offset: int) -> _Speaker | None:
    """The speaker of a quote with no frame: the one known person of the sentence
    [lo, hi) next to it, named within `offset` characters of its start and not
    inside another quote (ANNOTATION.md: a quote whose speaker is clear from the
    paragraph)."""
    found = [(s, e, n) for s, e, n in doc.names.in_range(lo, hi) if n in doc.names.known]
    if not found or len({n for _, _, n in found}) != 1 or found[0][0] - lo > offset:
        return None
    if "“" in doc.text[lo : found[0][0]] or _THIRD_PERSON.search(doc.text, lo, found[0][0]):
        return None  # (a 他 opening the sentence is its subject: "他慢慢讲起战斗英雄刘子林老连长的故事")
    s, e, n = found[0]
    if doc.text.startswith("的", e) and not _OWN_WORDS.match(doc.text, e):
        return None  # "宋雨浩的父亲坦言": the owner is no speaker, unlike "张祖霞的发言道出了…"
    if s > 0 and doc.text[s - 1] in _OBJECT_MARKERS:
        return None  # "…的董阿姨第三次向林为彬道谢": the one spoken to
    return _Speaker(n, s, e)


def _subject_after_quote(doc: _Doc, p: int) -> _Speaker | None:
    """A known person who opens the sentence right after a closing quote is who
    said it: "“你们先做核酸，我来想办法。”林为彬一面安慰，一面…" (not "张三的…")."""
    text = doc.text
    for s, e, name in doc.names.in_range(p, p + 8):
        if s == p and name in doc.names.known:
            return None if text.startswith("的", e) else _Speaker(name, s, e)
    return None


def _named_speakers_only(article: Article, statements: list[Statement]) -> list[Statement]:
    """An organization is no speaker ("商务部……答记者问" where its spokesperson is not
    named): a statement is a named person's (ANNOTATION.md), so those go."""
    orgs = {m.text for o in article.organizations for m in o.mentions} | {o.name for o in article.organizations}
    people = {p.name for p in article.people}
    return [st for st in statements if not (st.speaker and st.speaker in orgs and st.speaker not in people)]


def _resolve_pronouns(doc: _Doc, stmts: list[Statement]) -> None:
    """他/她/该负责人 → the last named speaker, only when no other person could be meant."""
    last: Statement | None = None
    for st in stmts:
        if st.speaker is None and st.speaker_start is not None:
            _resolve_pronoun(doc, st, last)
        if st.speaker is not None:
            last = st  # a pronoun resolved here is the last speaker for the next one too


def _resolve_pronoun(doc: _Doc, st: Statement, last: Statement | None) -> None:
    """One 他/她 (st.speaker_start): the person it stands for, or the speaker stays empty."""
    if st.speaker_start is None:
        return
    word = doc.text[st.speaker_start : st.speaker_end]
    if not _PRONOUN_RE.fullmatch(word):
        return
    sentence = _sentence_start(doc.text, st.speaker_start, 0)
    if st.kind == "quote" and doc.text[sentence:st.speaker_start] == "”" * (st.speaker_start - sentence) \
            and st.speaker_start > st.end:
        # "“……。”她说。": the sentence of the pronoun opens with the quote
        sentence = _sentence_start(doc.text, max(st.start - 1, 0), 0)
    named = doc.names.anchored(sentence, st.speaker_start)
    in_sentence = {n for s, e, n in named}
    if len(in_sentence) > 1 and doc.text[st.speaker_start - 1 : st.speaker_start] in "，,":
        # "刘美琳第一时间联系书记徐晓云，她说，": inside a sentence, the pronoun stands for
        # the person who opens it, the others being whom that person dealt with
        first = named[0]
        if first[0] - sentence <= MAX_SUBJECT_OFFSET and not _CLAUSE_BOUNDARY.intersection(doc.text[sentence : first[0]].strip("，, ")) \
                and doc.text[first[1] : first[1] + 1] not in "、和与及同跟":
            st.speaker = first[2]
            return
    if len(in_sentence) == 1:
        # "副省长赵红在会上通报了……，她说，": the one person named earlier in the
        # same sentence, whoever spoke before it
        st.speaker = in_sentence.pop()
        return
    pi = doc.para_of(st.speaker_start)
    lo = doc.paras[max(0, pi - PRONOUN_WINDOW_PARAS + 1)][0] if doc.paras else 0
    if last is not None and last.speaker_start is not None and last.speaker_start >= lo:
        lo = last.speaker_start

    def spoken_of(s: int) -> bool:
        # a person named inside the last speech ("他表示，完全赞成栗战书委员长所作的
        # 报告。他强调") is talked about, not the one a next 他 stands for
        return last is not None and last.start <= s < last.end

    others = {n for s, e, n in doc.names.anchored(lo, st.speaker_start) if not spoken_of(s)}
    if last is not None and last.speaker_start is not None and last.speaker_start >= lo - 1:
        others.add(last.speaker)
    if len(others) == 1:
        st.speaker = others.pop()
    elif len(others) > 1:
        # "应勇对胡和平一行……表示欢迎。他说，": a pronoun opening a sentence stands
        # for the subject of the sentence before it, the person named at its start
        prev = _sentence_start(doc.text, max(sentence - 1, 0), 0)
        if sentence > 0 and doc.text[sentence - 1] in "。！？!?" and sentence >= lo:
            moved = [x for x in doc.names.anchored(prev, sentence) if not spoken_of(x[0])]
            if moved and _MOVED_PERSON.search(doc.text, max(prev, moved[-1][0] - MAX_LEAD_TITLE), moved[-1][0]):
                # "……，这让副馆长孟令耘深有感触。他表示，": the one the sentence moved speaks next
                st.speaker = moved[-1][2]
                return
            opening = sorted(x for x in doc.names.anchored(prev, sentence)
                             if x[0] - prev <= MAX_SUBJECT_OFFSET and not spoken_of(x[0]))
            if opening and not doc.text[prev : opening[0][0]].strip("，, ").endswith(("与", "和", "同", "对", "向", "在")):
                st.speaker = opening[0][2]


def _extend(doc: _Doc, st: Statement, stop: int) -> None:
    """A speech goes on into the next paragraphs while they continue its list ("二是…")."""
    text = doc.text
    pi = doc.para_of(st.end - 1)
    end = st.end
    while pi + 1 < len(doc.paras):
        lo, hi = doc.paras[pi + 1]
        if lo >= stop or not _CONTINUES_LIST.match(text, lo, hi):
            break
        end = min(hi, stop)
        pi += 1
    if end > st.end:
        s, e = _trim(text, st.start, end)
        st.end = e
        st.text = text[s:e]


def annotate(article: Article, ctx: Context) -> None:
    if not article.text:
        return
    doc = _Doc(article, ctx)
    text = doc.text
    statements: list[Statement] = []
    transcript = _transcript(doc)
    statements.extend(transcript)
    claimed: list[tuple[int, int]] = []
    answers = _answers(doc, claimed)
    claimed = [(st.speaker_start or st.start, st.start) for st, _ in answers]
    quote_spans = _quotes(text)
    saids, quote_intro = _saids(doc, claimed, quote_spans)
    for st, _ in answers + saids:
        if st.speaker and st.speaker_start is not None:
            doc.names.add(st.speaker, st.speaker_start, st.speaker_end)  # type: ignore[arg-type]
    # A said or answer ends where the next one is introduced in the same paragraph.
    flows = sorted(answers + saids, key=lambda x: x[0].start)
    intros = sorted(i for _, i in flows)
    for st, intro in flows:
        k = bisect_left(intros, st.start)
        stop = intros[k] if k < len(intros) else len(text)
        if stop < st.end:
            # the next speaker's sentence may open with their title ("清华大学教授李华说"):
            # stop at the last sentence end before their name
            k = max(text.rfind(ch, st.start, stop) for ch in "。！？!?")
            if k > st.start:
                stop = k + 1
            s, e = _trim(text, st.start, stop)
            if e > s:
                st.end = e
        elif doc.para_end(st.start) == st.end:
            _extend(doc, st, stop)
        st.text = text[st.start : st.end]
    flow_stmts = [st for st, _ in flows]
    for st in transcript:
        flow_stmts.append(st)
    # A statement whose whole text is one quote is that quote.
    quotes = _quote_statements(doc, quote_spans, quote_intro, flow_stmts)
    statements.extend(flow_stmts if not transcript else [st for st, _ in flows])
    statements.extend(st for st, _ in quotes)
    statements = _question_first(doc, statements)
    statements.sort(key=lambda s: (s.start, s.kind != "answer"))
    _answers_told_after(doc, statements)
    statements = [st for st in _dedupe(statements) if _CJK.search(st.text)]  # "。" alone is no statement
    statements.sort(key=lambda s: (s.start, s.kind != "answer"))
    _resolve_pronouns(doc, statements)
    _speaker_ranker_hook(doc, statements)
    article.statements.extend(_named_speakers_only(article, statements))


def _speaker_ranker_hook(doc: _Doc, statements: list[Statement]) -> None:
    """Issue 15: the trained speaker ranker, OFF by default (measured no better on
    held-out; speaker_ranker.py). Imported here, not at the top: it reads _Doc."""
    from . import speaker_ranker

    if speaker_ranker.mode() != "off":
        speaker_ranker.rank_speakers(doc, statements)


# Wires that give the question first: "有记者问：……？X在答问时表示，……",
# "有记者问，……。对此，X答问表示", "X应询评论表示", "……。X在答问时作上述表示".
_QUESTION_RE = re.compile(
    r"(?:(?P<outlet>[\u4e00-\u9fffA-Za-z·]{2,16}?)记者|有记者|另有记者|有媒体|有人)"
    # (a page may break the line between the asker and the verb: "有记者\n问：")
    r"\n?(?:提问|问道|询问|问)(?:称|说)?[：:，,](?P<q>[^？?！!\n]{2,300}?[？?]|[^。？?！!\n]{2,300})"
)
# What every _QUESTION_RE match holds (its asker's last word, then its verb): one
# article in a hundred has it, and this scan is cheap where _QUESTION_RE's (which
# tries an outlet of up to 16 characters at every position) is not.
_QUESTION_CUE_RE = re.compile(r"(?:记者|有媒体|有人)\n?(?:提问|问道|询问|问)")
# "有台湾媒体记者", "境外媒体记者": a kind of asker, not an outlet.
GENERIC_ASKER_RE = re.compile(r"(?:媒体|记者|网站|网友)$")
# How an answer is introduced between the speaker and the verb (or in place of one).
_ANSWER_CUE_RE = re.compile(r"答问|应询|答记者问|回应(?:记者)?(?:提问|询问)|回答(?:记者)?(?:提问|询问)")
# "X在答问时作上述表示": the answer is what came before, after the question.
_ABOVE_RE = re.compile(r"作(?:上述|以上|如上)表示")
# What may stand between a question and the answerer's name: "对此，", "发言人".
_BETWEEN_Q_AND_A_RE = re.compile(r"^[\s，,。]*(?:对此[，,]?)?[\s]*$")
# The question mention is this far before the answer at most (characters): a
# wire puts it in the same or the previous paragraph.
MAX_QUESTION_GAP = 400


def _question_first(doc: _Doc, statements: list[Statement]) -> list[Statement]:
    """Turn reported speech introduced as an answer into answers, with the
    question that the wire gave before it as topic (and the asking outlet when
    named); add answers credited after their content ("作上述表示")."""
    text = doc.text
    questions = [(m.start(), m.end(), m.start("q"), m.end("q"), m.group("outlet")) for m in _QUESTION_RE.finditer(text)
                 ] if _QUESTION_CUE_RE.search(text) else []

    def question_before(pos: int):
        best = None
        for q in questions:
            if q[1] <= pos and pos - q[1] <= MAX_QUESTION_GAP:
                best = q
        return best

    def as_answer(st: Statement, q) -> None:
        st.kind = "answer"
        if q is not None:
            ts, te = _trim(text, q[2], q[3])
            st.topic, st.topic_start, st.topic_end = text[ts:te], ts, te
            asker = re.sub(r"^(?:另有|还有|有)", "", q[4] or "")
            named = bool(asker) and not GENERIC_ASKER_RE.search(asker)
            st.asked_by = doc.lex.outlet(asker, doc.ctx) if named else None

    for st in statements:
        if st.kind == "answer" and not (st.topic or "").strip("相关有上述此该") and st.speaker_start is not None:
            # "……引起岛内热议。X在回答相关提问时表示，", "……。对此，X答问表示，": the
            # question is the news told in the sentence before, in the same paragraph
            _topic_from_sentence_before(doc, st)
        if st.kind != "said" or st.speaker_end is None:
            continue
        intro = text[st.speaker_end : st.start]
        q = question_before(st.speaker_start or st.start)
        if _ANSWER_CUE_RE.search(intro):
            as_answer(st, q)
            if q is None:
                _topic_from_sentence_before(doc, st)
        elif q is not None and st.speaker_start is not None:
            # the speech right after a reported question is its answer
            cs = _sentence_start(text, st.speaker_start, doc.para_start(q[1]))
            if cs <= q[1] or _BETWEEN_Q_AND_A_RE.match(text[q[1] : cs]):
                as_answer(st, q)
    added = []
    for m in _ABOVE_RE.finditer(text):
        cs = _sentence_start(text, m.start(), doc.para_start(m.start()))
        if not _ANSWER_CUE_RE.search(text, cs, m.start()):
            continue
        sp = doc.subject(m.start())
        q = question_before(cs)
        if sp is None or q is None:
            continue
        # the answer: from the question's end to the crediting sentence
        end = sp.start if sp.start is not None and sp.start < m.start() else cs
        st = _make(text, "answer", sp, q[1], end, verb="表示")
        if st is None:
            continue
        as_answer(st, q)
        added.append(st)
    return statements + added


def _topic_from_sentence_before(doc: _Doc, st: Statement) -> None:
    """An answer with no question named: the sentence before its speaker's, when the
    same paragraph holds one, is what was asked about."""
    text = doc.text
    floor = doc.para_start(st.speaker_start)
    cs = _sentence_start(text, st.speaker_start, floor)
    if cs <= floor or text[cs - 1] not in "。！？!?":
        return
    ts, te = _trim(text, _sentence_start(text, cs - 1, floor), cs - 1)
    if te - ts >= MIN_DIRECT_CONTENT:
        st.topic, st.topic_start, st.topic_end = text[ts:te], ts, te


def _answers_told_after(doc: _Doc, stmts: list[Statement]) -> None:
    """"X就Z回答了记者提问。" with nothing after it in its paragraph: the answer is
    told in the next paragraphs, whose speech is introduced as 该负责人/他/发言人.
    Those become answers of X on Z, until another named speaker comes."""
    pending: Statement | None = None
    for st in stmts:
        if st.kind == "answer" and st.speaker and not _CJK.search(st.text):
            pending = st
            continue
        if pending is None:
            continue
        if st.speaker is not None and st.speaker != pending.speaker:
            pending = None
            continue
        word = doc.text[st.speaker_start : st.speaker_end] if st.speaker_start is not None else ""
        if st.speaker is None and not (_PRONOUN_RE.fullmatch(word) or _UNNAMED_SUBJECT_RE.search(word)):
            continue
        st.speaker = pending.speaker
        if st.kind == "said":
            st.kind = "answer"
            st.topic, st.topic_start, st.topic_end = pending.topic, pending.topic_start, pending.topic_end
            st.asked_by = pending.asked_by


def _dedupe(stmts: list[Statement]) -> list[Statement]:
    seen = set()
    out = []
    for st in stmts:
        key = (st.kind, st.start, st.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(st)
    return out
