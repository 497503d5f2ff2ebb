"""A page's text → articles: headlines, bylines, credits, paragraphs.

Flat page text is a sequence of *units*: the text between line breaks, and in
pages exported with space-separated paragraphs (新民晚报 style) the text between
runs of spaces. A unit can be a headline, kicker or subheadline, a dateline with
its credit, a section heading, a piece of a paragraph that the printed column
cut ("……新能源和清洁能源装机" / "占比达到49.7%……"), a closing credit, a
caption or page furniture.

The decisions, in the order they are made:
1. A dateline (本报北京1月28日电 …) starts an article; the heading-like units
   just before it (up to three, after a paragraph end) are its kicker, headline
   and subheadline.
2. Heading-like units after a paragraph end start a new article when the
   current one is finished: it had a dateline (short news has no section
   headings) or a closing credit. Otherwise they are section headings inside
   the current article; enumerated headings (第8计, （一）) always are. (After
   a dateline, a heading over paragraphs that go on with the current headline's
   words, or whose own words are in the article, or after a first section
   heading, is left to the article-start model:
   long dated features have sections.)
3. A unit that does not end a sentence continues into the next one (the
   column cut it), unless it is a heading: short, no full stop, and the
   characters across the break are not a pair that running text writes
   together ("到"+"位" continues, "记"+"从" does not).
"""

from __future__ import annotations

from collections import Counter
from . import recache as re
from functools import lru_cache
from dataclasses import dataclass, field

from .byline import (
    BylineMatch,
    PRODUCED_BY_RE,
    TRAILING_CREDIT_RE,
    match_dateline,
    match_filed_from,
    name_surnames,
    names_look_real,
    parse_author_note,
    parse_closing_credit,
    photo_credit,
)
from . import figure_words, line_roles
from .lexicon import load_list

# Longest in-article section heading or headline without a dateline after it;
# the genre's headings are 4–25 characters, column-cut sentence pieces longer.
MAX_HEADING_CHARS = 32
# A headline right before a dateline can be long: provincial leadership news
# strings several clauses ("……表彰大会召开 刘国中看望…… 胡衡华主持").
MAX_HEADLINE_BEFORE_BYLINE = 130
# After a dateline a heading starts a new article (short news has no section
# headings) unless the paragraphs below it go on with at least this share of the
# current headline's words: "企业发展需求为列车“添动力”" under "……列车……" is a
# section of a long dated feature. On the training pages (synthetic, dated
# article then a heading) 43 sections and 5 article starts (same-topic series:
# 国务院国资委：……) reach 0.3; on layout_dev no start reaches 0.19. The model
# decides those runs, as it does on undated pages.
SAME_STORY_SHARE = 0.3
# ...or when this share of the heading's own words is already in the current
# article ("特朗普：“大舰队”来了" one paragraph under "美航母舰队逼近……"): on the
# training pages 11 sections and 4 article starts after a dateline reach 0.5
# (of 149 such runs, 117 starts), and the model decides them.
HEADING_IN_STORY_SHARE = 0.5
# A heading that shares at least this much with the current headline both ways
# (`line_roles.series_headline`) is the next article of a series — the next year's
# 政府工作报告, the next 外交部 transcript — and starts an article whatever the
# model says: on the development pages (orgs sets, layout_dev) such headings were
# read as sections and the two articles merged. Measured in the commit message.
SERIES_HEADLINE_SHARE = 0.5
# A name alone on a line (`_name_shape`): up to a compound surname, a gap of two and two characters.
MAX_NAME_LINE = 6
HAN_RE = re.compile(r"[\u4e00-\u9fff]+")
# A heading is words: a chart's "11.1%" or "2025" between paragraphs is not.
MIN_HEADING_CJK = 2
# A headline typeset with gaps ("忠诚履职  担当实干  为实现……") stays one unit
# up to this length; a longer gapped line is sentences with column breaks.
MAX_GAPPED_HEADING = 60
# At most kicker + headline + subheadline.
MAX_HEAD_UNITS = 3
# A comma this early opens a sentence ("此外，" "会议强调，"), not a heading.
EARLY_COMMA = 4
# A kicker is the longer line above a shorter headline: ratio and length that
# separate "世博方舱医院今天起分批送走符合条件的出院者" / "“我战胜了病毒！…”"
# from "山西代表团代表接受中外媒体采访" / "唐登杰金湘军回答记者提问".
KICKER_MIN_CHARS = 18
KICKER_RATIO = 1.25
# A shorter first line is still the kicker when it is two phrases across a comma over a
# headline of one phrase at most 1/KICKER_RATIO its length ("十多天没回家，每天工作超过十二小时"
# over "“揽事民警”跨江配药"): a headline over its 副题 is one phrase, the 副题 under it
# opens with a dash or is not this much shorter (of the kicker/headline and headline/
# subheadline pairs of news-unlabeled.jsonl, rmrb-2026-01 and the examples, the rule
# takes one more kicker and no subheadline). Measured in the commit message.
KICKER_COMMAS = frozenset("，,")

WIDE_GAP_RE = re.compile(r"[ \u3000]{3,}|\t+")
NARROW_GAP_RE = re.compile(r"[ \u3000\xa0]{2}")
SPACE_RUN_RE = re.compile(r"[\s\u3000\xa0]+")
TERMINAL = frozenset("。！？!?…")
CLOSERS = frozenset("”’」』）)》】\"'")
OPEN_END = frozenset("，,、：:；;（(“‘《【〈—-·・‧")  # (・ ‧: the middle dots of foreign names, as ·)
# A heading does not end on a particle or preposition that needs what follows
# (nor on the 等 that closes a list before its noun: none of the 909 titles of
# news-unlabeled.jsonl and rmrb-2026-01 ends so; "……电动汽车充电、储能调节等" is a
# column-cut line, "因素影响，……" under it).
FUNCTION_END = frozenset("的地得之和与及或并而在对把被将从向为是其等")
# Nor on a numeral or demonstrative and its measure word, which need their noun ("……当今世界
# 已经成为一个" / "休戚与共的……"; not 一样/一些/一次, which may end a phrase): none of the 915 titles, kickers and subtitles of
# news-unlabeled.jsonl and rmrb-2026-01 ends so; on layout_dev pages such lines were column cuts
# (`continues` joins them over the model).
COUNTED_END_RE = re.compile(r"[一两几这那每某各][个种项位批条件份座支家张篇部]$")
# What may follow a digit inside one number or right after it.
NUMBER_CONTINUATION = frozenset(".．%％‰万亿千百")
# ...and what a number runs on into, its unit or 多/余 ("中华文明经历了5000" / "多年的历史变迁",
# "本报讯（记者 耿 联） 12" / "月4日，……"): simulated column cuts of the corpora (news-unlabeled.jsonl
# without the held-out articles, rmrb-2026-01) leaving such a pair: 9 of the 368 the rules and model
# left apart; none of 1,637 headline or heading lines over their next paragraph ends so.
NUMBER_UNITS = frozenset("多余年月日时分秒个名人家项次元米吨亩岁位条件周届")
# Headings are one or two phrases; a second comma makes it a sentence.
MAX_HEADING_COMMAS = 1
# A date (and time of day) and a comma open a news lead ("12月7日，中共中央政治局常委……"),
# never a heading; so does a span of dates ("12月5日至6日，自治区党委书记……", "3月1日—3日，").
DATE_LEAD_RE = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[至到—–-](?:\d{1,2}月)?\d{1,2}日)?"
                          r"(?:[上下]午|晚间?|凌晨|早上|中午|夜间)?[，,]")
# A headline may open with a figure and an exclamation mark before its clause ("近7亿！2025年出入境人次
# 创历史新高", "841.3万份！2025年全国贸促系统……"): the ！ ends no sentence there. Of the 12,788
# paragraphs of news-unlabeled.jsonl and rmrb-2026-01 none without a full stop opens so (3 titles do).
FIGURE_EXCLAIM_RE = re.compile(r"^[^，,。！？!?]{0,14}\d[^，,。！？!?]{0,3}[！!](?=[^。！？!?]+$)")
# Verbs of learning and viewing that end a sentence's opening before a comma, beside
# the speech verbs of lexicons/speech_verbs.txt ("记者了解到，", "总的来看，").
OPENING_VIEW_VERBS = frozenset({"看", "来看", "看来", "来说", "说来", "了解到", "获悉", "得知", "发现", "显示",
                                "表明", "获知", "听说", "知道", "预计", "估计", "统计"})
# A line that opens with a sentence of at most this many characters ("过表态。这里我愿重申，……",
# "举办。南非总统……") is the tail of a sentence a column cut: of the 12,788 paragraphs of
# news-unlabeled.jsonl and rmrb-2026-01-unlabeled.jsonl, 6 open with a sentence of 1-3
# characters, three of them a corpus cut ("度。扎实推进……"), 4 with one of 4 ("接续机制。……").
# (3 -> 4 on 2026-12-06. The rule reads a heading-like line over it, and none of the corpora's
# heading-like lines stands over a paragraph opening with a sentence of 4: "……拓展至模块化" /
# "电路系统。研究团队……", "……蜀绣老师龚雪" / "有些紧张。" are cuts.)
SHORT_TAIL_CHARS = 4
SHORT_TAIL_RE = re.compile(r"^[^\s，,。！？!?；;：:、“”\"‘’（）()《》【】]{1,%d}。" % SHORT_TAIL_CHARS)
# One character that opens a paragraph as the subject of a verb of saying ("他说，"
# "据介绍，"): a line so opening is no cut name's tail (_speech_tail).
SPEECH_SUBJECTS = frozenset("他她我你它据")
# A line opening the way a sentence does and a heading does not — a first or second
# person (我们/你们/你: a spokesman's answer, "我们奉劝美方……"), an invitation formula with its
# comma ("应……邀请，"), a purpose (为帮助/为支持), a role with its comma ("作为……书记，") — goes
# on below when it does not end one. Of the 915 kicker, headline and subheadline lines of
# news-unlabeled.jsonl and rmrb-2026-01 none opens so without ending a sentence but a
# rubric-tagged one ("我们为何……（快评）"), left out; about 250 paragraphs open so. (Without
# their comma the formulas head: "应习近平邀请 土耳其总统将访华", the section heading
# "作为适应手段的技术" of a 光明日报 feature.)
SENTENCE_OPEN_RE = re.compile(r"^(?:我们|你们|你|作为[^，,。\s]{1,30}[，,]|应[^，,。\s]{2,40}邀请[，,]|为(?:帮助|支持))")
# Characters of a name (surname included) a line may open with before its verb of saying
# when the line above ends with the title (_titled_name_tail): 陆宇鹏, 马丁.
NAME_TAIL_CHARS = (2, 3)
# A name after a title, up to a verb of saying: two to five characters (露口洋介, a
# dotted foreign name's part), none of these (老师们的意思是说: no name).
TITLED_NAME_CHARS = (2, 6)
NOT_IN_NAMES = frozenset("们的是了在这那我你他她它和与及")
# A paragraph that is one quotation without a stop ("“中国的发展有速度，更有温度”"): 40 of the
# 12,788 paragraphs of news-unlabeled.jsonl and rmrb-2026-01, all headings inside their
# article; 5+ characters inside, so that a paragraph opening with a short name in quotes
# ("“十四五”规划……", "“一带一路”建设……") cut right after it is not taken for one.
QUOTED_LINE_RE = re.compile(r"^“[^“”。！？!?]{5,}”$")
# Titles at least this long count before a cut name ("组长|龚"): one-character
# heads (长, 员) end too many ordinary words.
MIN_CUT_TITLE = 2
# (with the middle dots of foreign names: "……努尔兰" / "·阿不都满金、……", a name cut at its
# dot; none of the 12,788 paragraphs and 915 headline lines of news-unlabeled.jsonl and
# rmrb-2026-01 opens with one. The bullet • is left out: web pages open list items with it.)
STARTS_MIDSENTENCE = frozenset("，,。、；;：:？?！!）)”’》】〉·・‧")
PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("【", "】"), ("‘", "’"))
# A leadership headline printed on one line in parts: "…召开会议 研究部署有关工作 某某主持会议".
# Parts of Chinese text separated by a space, no comma or stop anywhere: a headline however long
# (up to MAX_GAPPED_HEADING); body text separates clauses with commas.
SPACED_HEADLINE_RE = re.compile(r"^[^，,。；;：:！？!?\s]{4,}(?:[ \u3000\xa0][^，,。；;：:！？!?\s]{2,})+$")
# A label typeset letter by letter ("公 告 专 栏", "服 务 电 话") heads a column or a box
# inside one, never an article: of the corpora's 915 titles, kickers and subtitles none is so
# typeset, and the 2 such lines of their paragraphs stand inside an article (a 公告 column).
# `segment` keeps such a heading inside the current article over the model.
LETTER_SPACED_RE = re.compile(r"^(?:[\u4e00-\u9fff][ \u3000\xa0]){2,}[\u4e00-\u9fff]$")
# Leadership news puts the speaker before a colon and lets the headline run long:
# "李强：构建更高水平全民健身公共服务体系，不断提升赛事影响力产业竞争力".
SPEAKER_HEADLINE_RE = re.compile(r"^[\u4e00-\u9fff·]{2,4}[：:][^。！？!?；;]{8,}$")
# Words that join a sentence to the one before it: a line opening with one goes on
# from the paragraph above ("正如习近平主席在……重要讲话" cut at the column end), it heads nothing.
# "会议指出/强调/肯定了……" is how a meeting report's body goes on, never a headline
# (those say "……会议召开"): a cut line opening so is the start of a body sentence.
# So do 随着 and 据 (随着……的发展，/ 据……报道，): none of the 909 titles of
# news-unlabeled.jsonl and rmrb-2026-01 opens with either, 99 of their 12,788 paragraphs do.
# So do the adverbials a lead opens with (根据/按照/依据/为了/针对/对于/截至/基于 ……，, 近年来/今年以来/
# 近日/日前/为此): none of the 915 titles, kickers and subheadlines of the two corpora opens with
# one, 220 paragraphs do, none of them a short line without a full stop ("根据食品安全法和相关司法解释" /
# "规定，经营者……" is a column cut).
CONNECTIVE_START_RE = re.compile(
    r"^(?:正如|因此|此外|同时|但是|然而|而且|并且|其中|对此|另外|与此同时|总之|因而|所以|于是|不过|尽管|虽然|由于|从而|进而|甚至|随着|据"
    r"|根据|按照|依据|为了|针对|对于|截至|基于|近年来|今年以来|近日|日前|为此"
    r"|会议(?:指出|强调|要求|认为|肯定|听取|审议|传达|研究|部署|决定|通过|号召|提出))"
)
MAX_RUBRIC_CHARS = 6  # the longest column name before the colon (新华社评论员: 6)
# A reporter's turn at a press conference ("路透社记者：……", "《北京日报》记者：……") is one
# too: of the kicker, headline and subheadline lines of news-unlabeled.jsonl and rmrb-2026-01 none
# opens so, 229 paragraphs do (227 of 外交部 transcripts); as a heading-like line its first piece
# was left to the continuation model, which kept 19 of 108 such cuts apart on its training pages.
# (Not "（记者：……）", an aside, nor a credit "本报记者：王伟": a turn says something.)
QA_TURN_RE = re.compile(r"^(?:[问答][：:]|[^，。：:、“”（(【\[\s]{1,20}记者[：:](?=[^\n]{3,}))")
ENUM_HEADING_RE = re.compile(
    r"^(?:第[0-9一二三四五六七八九十百零〇两]+[计章节部篇条款项个]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.、．]|之[一二三四五六七八九十])"
)
CAPTION_RE = re.compile(
    r"^[（(]?[^。]{0,60}?(?:记者|通讯员|新华社|本报|供图|图片)[^。]{0,24}?摄[）)]?$"  # （新华社记者 X摄）
    r"|^[^。！？]{0,60}摄[（(][^（）()]{1,12}[）)]$"  # 唐克摄（影像中国）
    r"|^[^。！？]{0,60}?(?:供图|新华社发|资料图片|资料照片)[）)]?$"  # …孔子学院供图, （新华社发）
    r"|^[（(]?(?:图片|照片|图[①-⑳\d]{0,2})[：:]|^[（(][^（）()]{0,40}摄[）)]$"  # (图①： numbers the photos of a feature)
    r"|^[\u4e00-\u9fff·]{1,4}[ \u3000]*[\u4e00-\u9fff·]{0,3}摄$"  # 和子龙摄
    r"|^(?:本版|本文|文中|上图|下图|以上|上述)?(?:图片|照片|配图|插图)(?:均|皆)?[由为][^。！？]{1,30}提供$"  # 本版图片由受访者提供
)
# Every form of CAPTION_RE holds one of these (a new form needs its mark here too): a line
# without any is no caption, and the pattern — slow on a paragraph, its lazy openings are
# tried at every position — is not run on it. tokenize tests every line and piece.
CAPTION_MARKS = ("摄", "图", "照片", "新华社发")


def caption_line(text: str) -> bool:
    """A photo's caption or credit line (CAPTION_RE)."""
    return any(map(text.__contains__, CAPTION_MARKS)) and bool(CAPTION_RE.match(text))

# A note closing a commentary or theory article: the author ("（作者为外交学院教授）",
# "〔作者系……〕", "（作者单位：……）"), the work it comes from ("（本文系国家社科基金项目
# ……的阶段性成果）") or where it was compiled from ("（文章综合自新华网、人民网）",
# "（摘自《求是》）"). It stays in the body (ANNOTATION.md) but ends the article, as a
# closing credit does: what comes next starts another.
AUTHOR_NOTE_LINE_RE = re.compile(
    r"^[（(〔\[](?:(?:本文)?作者(?:分别|均|皆)?(?:为|系|是|单位|[：:])"
    r"|本文(?:系|为|是|由|来源|原载|摘自|节选|根据)|文章(?:来源|综合|原载|摘自|节选|根据)"
    r"|(?:来源|摘自|摘编自|原载|节选自|转载自|综合自)[：:]?|本系列|本组|相关(?:视频|报道|图片|阅读))[^\n]{1,120}[）)〕\]]$"
)
# Summary (deck) lines under a headline, before the dateline, summarise in a
# clause or two without a full stop; a body paragraph runs longer or ends one.
MAX_DECK_CHARS = 90
# A summary line the body repeats word for word is a deck when at least this long:
# shorter phrases ("会议指出", a slogan) recur in bodies by chance.
MIN_REPEATED_DECK = 12
# ...and when the body's copy of it ends a clause with one of these: a deck repeats a
# whole clause, a chance repeat runs on ("1月29日，中国短道速滑队在|北京……").
CLAUSE_ENDS = frozenset("。，,；;！？!?”…：:")
# A dateline after at most this many paragraphs under a headline opens that
# article's body: the paragraphs were its summary (a deck written in sentences),
# since an article without a headline of its own is rare on a page.
MAX_LEAD_PARAGRAPHS = 3
CAPTION_END_RE = re.compile(r"摄[）)]?$")
# The end of a photographer's credit a column cut off onto a line of its own ("新华社记者  黄敬文" /
# "摄", "本报记者  王  初" / "摄（人民视觉）"): with it the credit above is a photo's, not a closing one.
CUT_PHOTO_TAIL_RE = re.compile(r"^(?:摄|摄影)(?:[（(][^（）()]{1,12}[）)])?$")
# A source note closing a reprinted article: "（新华社北京1月27日电）", also with a
# credit that names no one ("（新华社北京1月2日电 新华社记者）"; with names it is a
# closing credit, byline.parse_closing_credit).
SOURCE_CLOSING_RE = re.compile(r"^[（(]据?(?:新华社|中新社|人民日报|本报|[\u4e00-\u9fff]{2,8}报)[^（）()]{0,14}(?:电|讯|报道)"
                               r"(?:[ \u3000\xa0]*(?:新华社|中新社|本报)?(?:特约)?(?:记者|通讯员))?[）)]$")
# Signature lines that end an article without a reporter's role: an author's
# "杨  羽文" under a short commentary (a two-character name typeset with a gap,
# then 文), a photo story's "韩  鑫  朱德辉摄影报道". (An editor's note's "——编  者"
# is not one: it ends the note, and the article goes on.)
SIGNATURE_RE = re.compile(r"^[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]{1,2}文$"
                          r"|^[\u4e00-\u9fff·][\u4e00-\u9fff· \u3000]{0,18}摄影报道$")
SOURCE_NOTE_RE = re.compile(r"^(?:数据|资料|图片|信息)?来源[：:]")
# A paragraph's first line indented by two full-width spaces (or 2+ spaces / a tab)
# in text copied from print; when enough lines are, lines that are not are
# continuations (indent_marks_paragraphs). Share and count below which the
# indents are stray (a quoted block, one indented caption). (The share was 0.2: a
# page of long paragraphs wrapped at 24-40 characters indents fewer of its lines —
# 5 of the 38 pages layout_synthetic --indented measures had 10-19 %, and were read
# as if every line end were a paragraph's; at 0.08 all are read as indenting, F1
# .910 -> .928, and no development or held-out total moved.)
INDENT_RE = re.compile(r"^(?:\u3000|[ \xa0]{2,}|\t)")
INDENT_SHARE = 0.08
MIN_INDENTED_LINES = 3
# A page whose text is hard-wrapped at one column measure (text copied from print without
# indents): most of its lines are exactly as long, all but each paragraph's last. A line of
# that measure with text below it is a piece of a paragraph — a headline is set on its own
# line and fills the measure only by chance (`column_measure`, `_fills_measure`). Lines the
# measure is read from, and the share of the page's lines it must hold (on joins_dev's
# "columns" pages 70-90 % of the lines; on pages of whole paragraphs one length seldom
# holds a tenth).
MIN_MEASURE_LINES = 8
MEASURE_SHARE = 0.4
# The end mark of a wire story, alone or after the last sentence: it closes the article.
END_MARK_RE = re.compile(r"^[（(]完[）)]$")
# A dateline's bracketed credit a column cut: the line ends inside the bracket
# ("新华社华盛顿1月28日电（记者熊茂伶") and the next line closes it ("杨伶）美国……").
CUT_CREDIT_RE = re.compile(r"^[ \u3000\xa0]*[（(][^（）()]{1,40}$")
# The rest of a bracketed note or credit on the next line: it closes the bracket and ends the line.
BRACKET_TAIL_RE = re.compile(r"^[^（）()。！？!?]{1,60}[）)]$")
CREDIT_END_RE = re.compile(r"^[^（）()。，,]{0,30}[）)]")
# A short note in brackets after a paragraph's last sentence — the editor's name
# news sites print ("……稍微降级”。（海洋）"), a source ("。（新华社）"): the
# sentence ended before it, so the paragraph was not cut there.
TRAILING_NOTE_RE = re.compile(r"(?<=[。！？!?…”’])[ \u3000\xa0]*[（(][^（）()\n]{1,20}[）)]$")
END_MARK_TRAIL_RE = re.compile(r"(?<=[。！？!?”’])[ \u3000\xa0]*(?P<mark>[（(]完[）)])$")
# A wire feature gives its headline after the dateline: "新华社北京3月5日电 题：……".
WIRE_TITLE_RE = re.compile(r"^题[：:][ \u3000\xa0]*")
# A rubric tag closing a headline: 人民日报 marks columns this way
# ("……（权威发布）", "……（人民时评）"); section headings never carry one.
# A column label alone on a line under a headline ("【节庆里的中国】", "【鸣镝】"):
# archives print it as the first line of the body, so it opens the body rather
# than being read as a second headline (which made the real headline a kicker).
LABEL_LINE_RE = re.compile(r"^【[^【】\n]{1,16}】$")
# Box marks printed before a label ("■延伸阅读").
LABEL_MARKS = "■□▲●◆◇★☆"
# A numbered part of a feature on a line of its own ("案例一", "故事三").
NUMBERED_LABEL_RE = re.compile(r"^(?:案例|故事|镜头|场景|片段)[一二三四五六七八九十]{1,3}$")
# The signature closing an editor's note at the top of an article ("——编  者"):
# the article goes on below it.
EDITOR_SIGNATURE_RE = re.compile(r"^[—―]{1,2}[ \u3000\xa0]*编[ \u3000\xa0]*者$")
# Who said the quote above, on a line of its own ("——黑龙江省省长王文涛近日在……会议上说").
ATTRIBUTION_RE = re.compile(r"^[—―]{1,2}[^—―。！？]{2,60}(?:说|表示|指出|强调|认为|谈道|写道)$")
RUBRIC_TAG_RE = re.compile(r"[（(][^（）()。，,]{2,14}[）)]$")
# The same tag when it names a series, which can be long ("（深入学习贯彻习近平新时代
# 中国特色社会主义思想·学习《习近平经济文选》第一卷专家谈）"): no clause punctuation inside.
SERIES_TAG_RE = re.compile(r"[（(][^（）()。，,；;：:！？]{2,64}[）)]$")
# A line closed by a rubric or series tag is a headline even with an early comma
# ("相互补台，才能好戏连台（评论员观察）") or beyond MAX_HEADING_CHARS, up to this
# many characters before the tag (人民日报 headlines are at most about 30).
MAX_TAGGED_HEADLINE = 40
# ...and with at most this many commas: a headline of two or three short clauses.
MAX_TAGGED_COMMAS = 2
FURNITURE_RE = re.compile(r"^(?:本版责编|责任编辑|本版编辑|版式设计|美术编辑|美编|校对|图片编辑|制图|版面设计|本期统筹|本版统筹|策划|统筹|监制)[：:]|^第\s*\d+\s*版\b|^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]")
# The furniture of a news website's article page, when its text is copied with the
# article: time and source line, font-size and read-aloud buttons, editor notes,
# share and navigation links ("2026年03月05日08:12 | 来源：人民网－人民日报",
# "（责编：王伟、李明）", "分享让更多人看到"). Whole lines only.
WEB_FURNITURE_RE = re.compile(
    r"^\d{4}[年-]\d{1,2}[月-]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[|｜丨]\s*)?(?:来源[：:].*)?$"
    r"|^(?:来源|稿源|作者|编辑|审核|审校|责编|原标题)[：:].{0,60}$"
    r"|^[（(【\[](?:责编|责任编辑|编辑|纠错)[：:]?[^）)】\]]{0,40}[）)】\]]$"
    r"|^(?:[大中小]字号|点击播报本文.{0,8}|分享(?:到|让更多人看到)?[：:]?|返回顶部|打印|关闭窗口|扫一扫.{0,20}|【纠错】|相关新闻|"
    r"推荐阅读|延伸阅读：|手机看新闻|下载客户端|我要纠错|举报)$"
)
BIGRAMS = frozenset(row for row in load_list("continuation_pairs.txt"))
# A headline with no dateline after it may still run past MAX_HEADING_CHARS when it is
# one long clause: 外交部 "外交部发言人华春莹就……“2019年维吾尔人权政策法案”答记者问"
# (33-51 characters), "韩正同新加坡副总理王瑞杰举行视频会见并共同主持……会议" (33). In
# news-unlabeled.jsonl and rmrb-2026-01 42 of 909 titles are longer than 32, 37 of them at
# most 60 (the five longer ones are gapped or carry a rubric tag, read by their own rules).
MAX_LONG_HEADLINE = 60
# Clause and list punctuation a long headline does without (the ones that have it are
# the speaker, tagged or spaced forms, read by their own rules).
LONG_HEADLINE_STOPS = frozenset("，,：:、；;")


@dataclass
class Unit:
    """A piece of the input: `text == source[start:end]`."""

    text: str
    start: int
    end: int
    brk: str  # what separated it from the previous unit: line | wide | narrow | byline
    kind: str = "text"  # text | byline | credit | caption | furniture
    byline: BylineMatch | None = None
    credit: tuple[list[str], list[str]] | None = None
    indented: bool = False  # the line began with an indent ("　　会议指出，…")
    author: bool = False  # a credit that is a name alone on a line (`_mark_name_lines`)


@dataclass
class Draft:
    """An article being assembled from units."""

    heads: list[Unit] = field(default_factory=list)
    byline: BylineMatch | None = None
    paragraphs: list[list[Unit]] = field(default_factory=list)
    heading_flags: list[bool] = field(default_factory=list)
    credits: list[tuple[list[str], list[str]]] = field(default_factory=list)
    credit_texts: list[str] = field(default_factory=list)  # as written: they may name an outlet
    decks: list[list[Unit]] = field(default_factory=list)
    continued: bool = False  # no headline: the page opened in the middle of this article  # summary lines or a photo caption between headline and dateline
    closed: bool = False  # a closing credit was read
    authors: set[str] = field(default_factory=set)  # names printed alone on lines under the headline

    @property
    def dated(self) -> bool:
        return self.byline is not None


def _pieces(text: str, base: int, rx: re.Pattern) -> list[tuple[str, int, bool]]:
    """Split on a gap pattern, keep offsets; bool says a gap came before."""
    if rx.search(text) is None:
        return [(text, base, False)] if text else []  # (most lines have no gap)
    out = []
    pos = 0
    for m in rx.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], base + pos, bool(out)))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], base + pos, bool(out)))
    return out


BLANKS = " \t\u3000\xa0"


def _strip(text: str, start: int) -> tuple[str, int]:
    """`text` without the blanks around it, and where it now starts."""
    if text[-1:] not in BLANKS and text[:1] not in BLANKS:
        return text, start  # (most lines and pieces have none; an empty one goes on below)
    lead = len(text) - len(text.lstrip(" \t\u3000\xa0"))
    stripped = text.strip(" \t\u3000\xa0")
    return stripped, start + lead


def _credit_cut_off(line: str, bm: BylineMatch, nxt: str) -> BylineMatch | None:
    """A dateline whose bracketed credit a column cut ("新华社华盛顿1月28日电（记者熊茂伶"
    / "杨伶）美国……"): the dateline read again with the credit's end from the next
    line, or None when the line is not so cut."""
    if not CUT_CREDIT_RE.match(line[bm.end :]) or not CREDIT_END_RE.match(nxt):
        return None
    joined = match_dateline(line + nxt)
    if joined is None or joined.end <= len(line) or not (joined.byline.reporters or joined.byline.correspondents):
        return None
    return joined


# The longest line start a column cut can leave of a dateline ("新华社北京1月" / "本报乌鲁木齐12月"):
# a dateline's place and date, without its credit, are about this long.
MAX_CUT_DATELINE_HEAD = 16


def _dateline_cut_off(line: str, nxt: str) -> BylineMatch | None:
    """A dateline a column cut inside its own words ("本报北京1月" / "29日电  （记者郁静娴）
    为确保……", "新华社北" / "京1月31日电  ……"): the line is no dateline and no sentence, the
    line and the next one make a dateline that runs past the line's end. Read alone, the
    cut-off start was taken for a headline and the article's own headline above it for the
    last line of the article before (joins_dev: 16 article errors of 690 on its dev half)."""
    if len(line) > MAX_CUT_DATELINE_HEAD or not nxt or ends_sentence(line) or nxt[:1] in BLANKS:
        return None
    if caption_line(line) or match_dateline(nxt) is not None:
        return None  # a photo's credit over a whole dateline ("新华社发" / "新华社北京1月29日电  ……") is none of it
    joined = match_dateline(line + nxt)
    if joined is None or joined.end <= len(line) or joined.date_text is None:
        return None
    return joined


def tokenize(source: str) -> list[Unit]:
    units: list[Unit] = []
    raws = source.split("\n")
    starts = [0]
    for raw in raws:
        starts.append(starts[-1] + len(raw) + 1)
    read_from: dict[int, int] = {}  # line → characters a dateline on a line before already read
    for k, raw in enumerate(raws):
        skip = read_from.get(k, 0)
        line, pos = _strip(raw[skip:], starts[k] + skip)
        if not line:
            continue
        first = len(units)
        if not skip and (FURNITURE_RE.match(line) or WEB_FURNITURE_RE.match(line)):
            units.append(Unit(line, pos, pos + len(line), "line", kind="furniture"))
            continue
        brk = "byline" if skip else "line"
        bm = None if skip else (match_dateline(line) or match_filed_from(line))
        if bm is None and not skip and len(line) <= MAX_CUT_DATELINE_HEAD:
            j = next((j for j in range(k + 1, min(k + 3, len(raws))) if raws[j].strip()), None)
            nxt_line = raws[j].strip(" \t\u3000\xa0") if j is not None else ""
            if (joined := _dateline_cut_off(line, nxt_line)) is not None:
                units.append(Unit(line, pos, pos + len(line), brk, kind="byline", byline=joined))
                # (the rest of the dateline and the body after it are read from the next line)
                read_from[j] = len(raws[j]) - len(raws[j].lstrip(" \t\u3000\xa0")) + joined.end - len(line)
                continue
        if bm:
            j = next((j for j in range(k + 1, min(k + 3, len(raws))) if raws[j].strip()), None)
            # (the line as printed, with a space the cut fell after: "熊茂伶 " / "杨伶）")
            printed = raw[len(raw) - len(raw.lstrip(" \t\u3000\xa0")) :]
            joined = _credit_cut_off(printed, bm, raws[j].strip(" \t\u3000\xa0")) if j is not None else None
            if joined is not None:
                head = line.rstrip(" \u3000\xa0")
                units.append(Unit(head, pos, pos + len(head), brk, kind="byline", byline=joined))
                read_from[j] = len(raws[j]) - len(raws[j].lstrip(" \t\u3000\xa0")) + joined.end - len(printed)
                continue
            head = line[: bm.end].rstrip(" \u3000\xa0")
            units.append(Unit(head, pos, pos + len(head), brk, kind="byline", byline=bm))
            line, pos = line[bm.end :], pos + bm.end
            brk = "byline"
            if not line.strip():
                continue
        for seg, seg_start, gap in _pieces(line, pos, WIDE_GAP_RE):
            seg, seg_start = _strip(seg, seg_start)
            if not seg:
                continue
            seg_brk = "wide" if gap else brk
            credit = parse_closing_credit(seg) or parse_author_note(seg)
            if credit is None and (SOURCE_CLOSING_RE.match(seg) or END_MARK_RE.match(seg) or SIGNATURE_RE.match(seg)
                                   or PRODUCED_BY_RE.match(seg)):
                credit = ([], [])
            if credit is not None:
                units.append(Unit(seg, seg_start, seg_start + len(seg), seg_brk, kind="credit", credit=credit))
                continue
            tail = None
            m = TRAILING_CREDIT_RE.search(seg)
            end_mark = None if m or seg[-1] not in "）)" else END_MARK_TRAIL_RE.search(seg)  # (it closes a bracket)
            if end_mark:
                c_start = end_mark.start("mark")
                tail = Unit(seg[c_start:], seg_start + c_start, seg_start + len(seg), "narrow", kind="credit", credit=([], []))
                seg = seg[: end_mark.start()]
            if m:
                credit = parse_closing_credit(m.group("credit"))
                # (glued to a sentence, "（记者点头）" in a transcript is a stage
                # direction: a credit's names start with a surname)
                if credit is not None and (names_look_real(credit, m.group("credit")) or photo_credit(m.group("credit"))):
                    c_start = m.start("credit")
                    tail = Unit(m.group("credit"), seg_start + c_start, seg_start + m.end("credit"), "narrow", kind="credit", credit=credit)
                    seg = seg[:c_start].rstrip(" \u3000\xa0")
            if caption_line(seg):
                units.append(Unit(seg, seg_start, seg_start + len(seg), seg_brk, kind="caption"))
                continue
            pieces = [(_strip(piece, p_start), ngap) for piece, p_start, ngap in _pieces(seg, seg_start, NARROW_GAP_RE)]
            pieces = [(pc, ps, ngap) for (pc, ps), ngap in pieces if pc]
            if len(pieces) > 1 and _heading_text(SPACE_RUN_RE.sub("", seg), MAX_GAPPED_HEADING):
                # "忠诚履职  担当实干  为实现……": one heading typeset with gaps
                pieces = [(seg, seg_start, False)]
            for piece, p_start, ngap in pieces:
                kind = "caption" if caption_line(piece) else "text"
                units.append(Unit(piece, p_start, p_start + len(piece), "narrow" if ngap else seg_brk, kind=kind))
            if tail:
                units.append(tail)
        if len(units) > first and not skip and INDENT_RE.match(raw):
            units[first].indented = True
            for u in units[first + 1 :]:
                if u.brk == "byline":
                    u.indented = True  # the body after an indented dateline starts the paragraph
    _mark_name_lines(units)
    return units


def _name_shape(text: str) -> bool:
    """A person's name and nothing else: a surname, then one or two characters after a
    gap ("黄  兴": a two-character name set to the width of three), or three characters
    with no gap that the segmenter reads as a name or as more than one word ("王玉珍",
    "任林举"; not "高质量", one word)."""
    parts = text.split()
    if not 1 <= len(parts) <= 2 or not all(HAN_RE.fullmatch(p) for p in parts):
        return False
    single, compound = name_surnames()
    if len(parts) == 2:
        return (parts[0] in single or parts[0] in compound) and 1 <= len(parts[1]) <= 2
    t = parts[0]
    if len(t) != 3 or t[0] not in single:
        return False
    words = figure_words.segment(t)
    return len(words) > 1 or figure_words.pos_of(t).startswith("nr")


def _mark_name_lines(units: list[Unit]) -> None:
    """Names alone on their lines are the authors' byline of a commentary or of a
    symposium's pieces, not headings: "黄  兴" under "依法维权岂能被歧视", the four
    names under "阅读点亮我的人生" and each again under its piece's heading. Taken as
    credits naming no reporter (ANNOTATION.md: reporters are the names after 记者), when
    they stand in a list of such lines or right under a heading line and over text:
    a name-shaped line elsewhere ("向未来" between paragraphs) is left alone."""
    shaped = [u.kind == "text" and u.brk == "line" and len(u.text) <= MAX_NAME_LINE and _name_shape(u.text)
              for u in units]
    if not any(shaped):
        return
    n = len(units)
    for k, u in enumerate(units):
        if not shaped[k]:
            continue
        listed = (k > 0 and shaped[k - 1]) or (k + 1 < n and shaped[k + 1])
        under_heading = (0 < k < n - 1 and not shaped[k - 1] and heading_like(units[k - 1])
                         and units[k + 1].kind in ("text", "byline"))
        if listed or under_heading:
            u.kind, u.credit, u.author = "credit", ([], []), True


@lru_cache(maxsize=1)
def _box_labels() -> frozenset[str]:
    return frozenset(load_list("box_labels.txt"))


def label_line(text: str) -> bool:
    """A label on a line of its own ("【现场】", "核心阅读", "■延伸阅读", "案例一")
    or an editor's note's signature: it heads (or ends) a box or part inside an
    article, never an article, and the line after it starts a paragraph of its own."""
    t = text.strip().lstrip(LABEL_MARKS).strip()
    return _part_label(t) or bool(EDITOR_SIGNATURE_RE.match(t) or ATTRIBUTION_RE.match(t))


def _part_label(t: str) -> bool:
    """A label that heads a box or a part inside an article (`label_line` but the
    signatures that end a note)."""
    return bool(LABEL_LINE_RE.match(t) or t in _box_labels() or NUMBERED_LABEL_RE.match(t))


@lru_cache(maxsize=1)
def _column_rubrics() -> frozenset[str]:
    return frozenset(load_list("column_rubrics.txt"))


def column_headline(text: str) -> bool:
    """A line opening with a standing column's name and a colon ("人民时评：……"): a
    headline, which starts an article and runs on into nothing."""
    k = text.find("：")
    if k < 0:
        k = text.find(":")
    return 2 <= k <= MAX_RUBRIC_CHARS and text[:k] in _column_rubrics() and len(text) - k > 4 \
        and not any(ch in TERMINAL for ch in text[k:])


def _goes_on(u: Unit, nxt: Unit | None) -> bool:
    """On a page that indents paragraph starts, does the unindented line `u` go on
    with the paragraph before it? Yes when it ends or breaks a sentence itself, or
    when the line after it is unindented too (both are wrapped lines); a line that
    ends nothing and is followed by an indented paragraph is a headline."""
    if u.indented or u.brk != "line":
        return False
    if nxt is not None and nxt.indented and heading_like(u):
        return False  # "南极冰间湖越“吸碳”？" above an indented paragraph: a headline
    if ends_sentence(u.text) or open_ended(u.text):
        return True
    return nxt is not None and nxt.kind == "text" and not nxt.indented and nxt.brk == "line"


def _closes_bracket(before: str, text: str) -> bool:
    """`before` leaves a bracket open and `text` is the rest of the bracket and
    nothing more: one note a line end cut."""
    return bool(BRACKET_TAIL_RE.match(text)) and not balanced(before)


def _cut_note(units: list[Unit], i: int) -> bool:
    """units[i] ends a bracketed credit or author note that the line end before it
    cut (`_closes_bracket`)."""
    if not (0 < i < len(units)) or units[i].kind != "text" or units[i].text[-1:] not in "）)" \
            or not _closes_bracket(units[i - 1].text, units[i].text):
        return False
    prev = units[i - 1]
    both = prev.text + units[i].text
    # (a note naming who wrote it up, "（本报记者A、B，通讯员黎寒" / "池参与采写）", is read as a
    # whole line by `parse_author_note`: hard-wrapped, it was taken for kicker and headline)
    return prev.kind == "credit" or (prev.kind == "text" and bool(AUTHOR_NOTE_LINE_RE.match(both) or parse_closing_credit(both)
                                                                  or parse_author_note(both)))


# A bracketed note narrow columns wrapped: at most this many lines ("（作者为商务部国际贸易经" /
# "济合作研究院副研究员，本" / "报记者罗珊珊采访整理）" at 13 characters a line).
MAX_NOTE_PIECES = 6


def _note_from(units: list[Unit], i: int) -> int | None:
    """The last of the lines a bracketed author note or credit opened at units[i] was wrapped
    into (three or more: `_cut_note` reads two), or None. Read line by line, the note's
    unclosed first line ran on into the lines below it, the next article's headline among them."""
    u = units[i]
    if u.kind != "text" or u.text[:1] not in "（(" or balanced(u.text):
        return None
    text = u.text
    for k in range(i + 1, min(i + MAX_NOTE_PIECES, len(units))):
        t = units[k].text
        if units[k].kind != "text" or "（" in t or "(" in t:
            return None
        text += t
        if t[-1:] in "）)" and balanced(text):
            return k if (AUTHOR_NOTE_LINE_RE.match(text) or parse_closing_credit(text) or parse_author_note(text)) else None
    return None


def _closing_note(units: list[Unit], i: int) -> bool:
    """units[i] is a note that closes what is above it without a full stop: an author note
    (（作者为……）), a chart's source note (数据来源：……) or a bracketed credit or note a line end
    cut ("（本报记者李明、张" / "珊珊采访整理）")."""
    t = units[i].text
    return bool(AUTHOR_NOTE_LINE_RE.match(t) or SOURCE_NOTE_RE.match(t)) or _cut_note(units, i) or (
        t[-1:] in "）)" and any(_note_from(units, s) == i for s in range(max(i - MAX_NOTE_PIECES + 1, 0), i - 1)))


def _wrapped_line(units: list[Unit], i: int, by_indent: bool) -> bool:
    """On a page that indents paragraph starts, units[i] is a line of a wrapped
    paragraph, never a heading: an indented first line whose paragraph goes on
    (`_wrapped_first_line`), or an unindented line followed by an unindented line
    of body text (a heading stands above an indented paragraph start or another
    heading line: "推动非遗深度嵌入社区，依托传统节庆仪式、民俗展演、非遗技艺" after
    a line that ended a sentence, "展示等活动，……" under it)."""
    if not by_indent:
        return False
    u = units[i]
    if u.indented:
        return _wrapped_first_line(units, i, by_indent)
    nxt = units[i + 1] if i + 1 < len(units) else None
    return u.brk == "line" and nxt is not None and nxt.kind == "text" and not nxt.indented \
        and nxt.brk == "line" and not heading_like(nxt)


def _wrapped_first_line(units: list[Unit], i: int, by_indent: bool) -> bool:
    """On a page that indents paragraph starts, an indented line whose next line
    goes on with its paragraph (`_goes_on`) is that paragraph's first line, never
    a heading ("　　不少城市还推出了冰雪主题的文旅活动，带动餐饮、住宿等消费" / "持续增长。")."""
    if not (by_indent and units[i].indented and i + 1 < len(units)):
        return False
    return _goes_on(units[i + 1], units[i + 2] if i + 2 < len(units) else None)


def indent_marks_paragraphs(units: list[Unit]) -> bool:
    """Whether the page marks paragraph starts by indenting them (text copied from
    PDF or e-paper with hard line ends): then a line that is not indented goes on
    with the paragraph before it, even after a 。."""
    text_units = [u for u in units if u.kind == "text" and u.brk in ("line", "byline")]
    indented = sum(1 for u in text_units if u.indented)
    return indented >= MIN_INDENTED_LINES and indented < len(text_units) and indented >= INDENT_SHARE * len(text_units)


def column_measure(units: list[Unit]) -> int | None:
    """The length most of the page's whole text lines share (MEASURE_SHARE of them, at
    least MIN_MEASURE_LINES): the column measure the page was hard-wrapped at, or None."""
    lengths = Counter(len(u.text) for u in units if u.kind == "text" and u.brk == "line")
    if not lengths:
        return None
    length, count = lengths.most_common(1)[0]
    return length if count >= MIN_MEASURE_LINES and count >= MEASURE_SHARE * sum(lengths.values()) else None


def _fills_measure(units: list[Unit], i: int, measure: int | None) -> bool:
    """units[i] fills the page's column measure and a whole text line follows it: a wrapped
    paragraph's first piece, not a heading ("廖锡龙同志1959年1月从贵州省思南" / "县入伍，……"
    after a line that ended a sentence). (`segment` does not ask it of a line right after a
    credit or closing note, or of a headline closed by a rubric tag: there a headline of the measure's
    length by chance is likelier than a paragraph — "（作者单位：……）" / "携手构建人类卫生健康共同体"
    on a page wrapped at 13.)"""
    return measure is not None and len(units[i].text) == measure and units[i].brk == "line" \
        and i + 1 < len(units) and units[i + 1].kind == "text" and units[i + 1].brk == "line"


# Words that open a sentence inside a paragraph far more often than a paragraph (他, 但, 因此, ...).
MID_OPENERS = load_list("midparagraph_openers.txt")


def _full_line_goes_on(units: list[Unit], i: int, prev_body: Unit, measure: int | None) -> bool:
    """On a page hard-wrapped at one column measure, a body line that fills the measure
    and ends a sentence ("……开放和安全。第八，坚持稳" at 12) had the column end fall right
    after its full stop, and the paragraph goes on below — when the line below opens with a
    word that takes up the sentence before (MID_OPENERS: "他……", "但……", "因此……"). A
    paragraph whose last line fills the measure exactly is only about three times rarer than
    a full line ending on a full stop inside one (joins_dev dev: joining every such line
    joined 125 cuts and 45 paragraph ends); the opener makes a paragraph end about ten times
    less likely. Not after a line a photo's credit closes, a label or a quotation alone."""
    if measure is None or i == 0 or units[i - 1] is not prev_body:
        return False
    u = units[i]
    return len(prev_body.text) == measure and prev_body.brk == "line" and u.brk == "line" \
        and u.kind == "text" and not _credit_closed(prev_body.text) and not label_line(prev_body.text) \
        and not QUOTED_LINE_RE.match(prev_body.text) and u.text.startswith(MID_OPENERS)


def _core(text: str) -> str:
    """The text without trailing closing quotes/brackets."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1]
    return t


def ends_sentence(text: str) -> bool:
    t = text.rstrip()
    if t[-1:] in ("）", ")"):
        t = TRAILING_NOTE_RE.sub("", t)  # (a note closes a bracket: only then is there one to take off)
    t = _core(t)
    if not t:
        return True
    # ("......": an ellipsis typed as ASCII full stops, as text copied from the web has it —
    # "……那个做嫁衣的人......" ends an article; a number never ends in two dots)
    return t[-1] in TERMINAL or t.endswith("..") or t[-1] in "：:" or (t[-1] in "；;" and False) \
        or _credit_closed(t)


# A photo's credit after its caption runs at most this long ("新华社记者 胡友松 摄", "中国人民大学
# 新闻学院供图": 8-16 characters; 30 leaves room for a bracketed source after it).
MAX_CREDIT_TAIL = 30
# The sentence-end marks after which a photo's credit may close its caption's text.
CAPTION_TEXT_END = frozenset("。！？!?”")


def _credit_closed(text: str) -> bool:
    """A caption written as a sentence with its photo's credit after it, on one line
    ("这是……拍摄的示威抗议现场。新华社发", "……的美国国会大厦。新华社记者胡友松摄",
    "……。受访者供图"): the credit closes the caption as a full stop closes a sentence,
    and nothing joins across it — a heading under the photo ("“她该辞职了”") is no
    piece of the caption cut by a column end. (CAPTION_RE takes no full stop before the
    credit: alone such a line is body text, which it is unless a credit closes it.)"""
    if not any(map(text.__contains__, CAPTION_MARKS)):
        return False
    k = max(text.rfind(ch) for ch in CAPTION_TEXT_END)
    tail = text[k + 1:].strip()
    # (a credit is a name or two, never a clause: "……。近年来，新华社发" / "布了……" is a sentence a
    # column cut, and a 新华社发 / 供图 with a comma before it no credit)
    return 0 < k and 0 < len(tail) <= MAX_CREDIT_TAIL and not any(c in tail for c in "，,；;") \
        and caption_line(tail)


QUOTE_MARK_RE = re.compile("[“”]")

def _quote_left_open(text: str) -> bool:
    if "“" not in text:
        return False
    depth = 0
    for ch in QUOTE_MARK_RE.findall(text):  # (only the marks: a paragraph is read for every line below it)
        if ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
    return depth > 0


def _quotation_goes_on(paragraph: str, nxt: str) -> bool:
    """The paragraph so far leaves a quotation open after a full stop and the line
    below closes one before opening any ("他说：“……。" / "……。”"): a column cut
    the quoted speech after a sentence. A quotation running over paragraphs
    opens each of them again with “: of the 11,879 pairs of paragraphs of
    news-unlabeled.jsonl and rmrb-2026-01-unlabeled.jsonl, none is so; of their
    19,428 places after a full stop a column could cut, 1,209 are."""
    first = QUOTE_MARK_RE.search(nxt)
    return first is not None and first.group() == "”" and _quote_left_open(paragraph)


def balanced(text: str) -> bool:
    return all(text.count(a) <= text.count(b) for a, b in PAIRS if a != b)


def open_ended(text: str) -> bool:
    """Ends where a sentence cannot: a comma, an open quote, an unclosed bracket."""
    t = text.rstrip()
    return bool(t) and (t[-1] in OPEN_END or not balanced(t))


def heading_like(unit: Unit, limit: int = MAX_HEADING_CHARS) -> bool:
    return unit.kind == "text" and _heading_text(unit.text, limit)


def _comma_opens_sentence(t: str, early_ok: bool = False) -> bool:
    """Does an early comma make `t` a sentence rather than a heading? Also a
    comma later on right after a verb of saying ("省领导指出，党的……"): headlines
    put a colon there (none of the 915 headlines, kickers and subheadlines of
    news-unlabeled.jsonl and rmrb-2026-01-unlabeled.jsonl, nor of the example
    pages, has a verb of saying before a comma)."""
    comma = min((k for k in (t.find("，"), t.find(",")) if k >= 0), default=-1)
    if comma < 0:
        return False
    if comma <= EARLY_COMMA:
        return not early_ok and _opens_sentence(t[:comma])
    words = figure_words.segment(t[:comma])
    return bool(words) and t[words[-1][0] : words[-1][1]] in _speech_verbs()[0]


def _opens_sentence(before_comma: str) -> bool:
    """What stands before an early comma opens a sentence when it is one word
    ("此外，" "目前，" "据悉，") or ends on a verb ("会议强调，" "他说，"); a headline's
    first clause is a phrase of its own ("气候越暖，…", "相互补台，…")."""
    words = figure_words.segment(before_comma)
    if len(words) <= 1:
        return True
    a, b = words[-1]
    last = before_comma[a:b]
    pos = figure_words.pos_of(last)
    if pos == "f":
        return True  # a place or time in a sentence's opening: "座谈会上，" "今年以来，" "会议期间，"
    if not pos.startswith("v"):
        return False
    # A verb of saying, learning or viewing opens a sentence ("会议强调，", "记者获悉，",
    # "从全国看，"); another verb closes a headline's first phrase ("助企纾困，……").
    return last in _opening_verbs()


@lru_cache(maxsize=1)
def _opening_verbs() -> frozenset[str]:
    return frozenset(load_list("speech_verbs.txt")) | OPENING_VIEW_VERBS


def _tagged_headline(t: str) -> bool:
    """A short line closed by a rubric or series tag: the 人民日报 headline form."""
    if "。" in t or not t.endswith(("）", ")", "\n")):
        return False  # (the tag closes the line: tested first, the pattern searches the whole of it)
    tag = SERIES_TAG_RE.search(t)
    if tag is None:
        return False
    head = t[: tag.start()].rstrip()
    if not head or len(head) > MAX_TAGGED_HEADLINE or open_ended(head) or not balanced(head):
        return False
    if head[0] in STARTS_MIDSENTENCE or head[-1] in FUNCTION_END or head[-1] in TERMINAL:
        return False
    if sum(1 for ch in head if "\u4e00" <= ch <= "\u9fff") < MIN_HEADING_CJK:
        return False
    if _comma_opens_sentence(head) or DATE_LEAD_RE.match(head):
        return False  # (a date and a comma open a lead even when a parenthesis closes the line:
        # "2026年1月1日，《区域全面经济伙伴关系协定》（RCEP）" is a column-cut sentence)
    return head.count("，") + head.count(",") <= MAX_TAGGED_COMMAS


def _heading_text(t: str, limit: int = MAX_HEADING_CHARS, early_comma_ok: bool = False) -> bool:
    if QA_TURN_RE.match(t):
        return False  # "问：……" / "答：……": a turn of an interview, never a heading
    if t and _tagged_headline(t):
        return True
    if not t or "。" in t or open_ended(t):
        return False
    # (a gap may be two spaces wide: "发挥比较优势  坚持稳中求进  推动……")
    if len(t) > limit and not (len(t) <= MAX_GAPPED_HEADING
                               and (SPACED_HEADLINE_RE.match(SPACE_RUN_RE.sub(" ", t)) or SPEAKER_HEADLINE_RE.match(t))):
        return False
    if sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff") < MIN_HEADING_CJK:
        return False  # "11.1%", a chart label
    if SOURCE_NOTE_RE.match(t):
        return False  # "数据来源：商务部" closes a chart, it heads nothing
    if author_line(t):
        return False
    if _comma_opens_sentence(t, early_comma_ok) or DATE_LEAD_RE.match(t):
        return False
    if t[0] in STARTS_MIDSENTENCE or _core(t)[-1:] in FUNCTION_END or CONNECTIVE_START_RE.match(t):
        return False
    if t.count("，") + t.count(",") > MAX_HEADING_COMMAS:
        return False
    if not ends_sentence(t) and any(ch in TERMINAL for ch in t) and not FIGURE_EXCLAIM_RE.match(t):
        return False  # "提振消费存在哪些挑战？如何": a sentence ended and another began
    return True


@lru_cache(maxsize=1)
def _titles_and_surnames() -> tuple[frozenset[str], frozenset[str]]:
    from .entities.lexicon import single_surnames, titles

    return frozenset(t for t in titles() if len(t) >= MIN_CUT_TITLE), frozenset(single_surnames())


@lru_cache(maxsize=1)
def _speech_verbs() -> tuple[frozenset[str], int]:
    verbs = frozenset(load_list("speech_verbs.txt"))
    return verbs, max(map(len, verbs))


def _speech_tail(text: str) -> bool:
    """The line opens with a verb of saying and its comma or colon, with no
    subject before it or one character of one ("说，过去村里……", "亮介绍，5年来……"):
    the speaker's name stands at the end of the line above, which a column cut.
    None of the 12,788 paragraphs of news-unlabeled.jsonl and
    rmrb-2026-01-unlabeled.jsonl opens so (the 18 with one character before
    the verb have 他/她/我/据, SPEECH_SUBJECTS)."""
    verbs, longest = _speech_verbs()
    for k in (0, 1):
        if k and not ("\u4e00" <= text[:1] <= "\u9fff" and text[0] not in SPEECH_SUBJECTS):
            break
        for n in range(1, longest + 1):
            if text[k : k + n] in verbs and text[k + n : k + n + 1] in ("，", ",", "：", ":"):
                return True
    return False


# A line that is, or opens with, a speaker and a verb of saying closed by a full
# stop ("杨帆说。", "何建坤表示。……") ends the quotation above: the column cut it off
# after the quotation's full stop. Counted on the corpora (news-unlabeled.jsonl without the
# held-out and joins_dev articles, rmrb-2026-01 of the training dates): of 7,186 paragraph
# starts after a full stop none opens so, of 13,470 places after a full stop inside a
# paragraph 120 do. The speaker: at most SPEAKER_TAIL_CHARS characters without punctuation.
SPEAKER_TAIL_CHARS = 8
SPEECH_CLOSE_PUNCT = frozenset(" \u3000\xa0\t，,。！？!?；;：:、“”（）()《》")


def _speaker_closes(text: str) -> bool:
    """`text` opens with "<speaker><verb of saying>。" (SPEAKER_TAIL_CHARS)."""
    verbs, longest = _speech_verbs()
    end = text.find("。", 0, SPEAKER_TAIL_CHARS + longest + 1)
    if end < 2 or any(ch in SPEECH_CLOSE_PUNCT for ch in text[:end]):
        return False
    return any(text[end - v : end] in verbs and 1 <= end - v <= SPEAKER_TAIL_CHARS for v in range(1, longest + 1))


@lru_cache(maxsize=1)
def _title_lengths() -> tuple[int, ...]:
    """The lengths the titles come in, longest first: a line's end or opening is looked
    up in the title set once for each length (7) rather than tested against every title
    (389), which `continues` did for every heading-like line."""
    return tuple(sorted({len(t) for t in _titles_and_surnames()[0]}, reverse=True))


def _ends_with_title(text: str) -> bool:
    """`text` ends with a title (of at least MIN_CUT_TITLE characters)."""
    titles = _titles_and_surnames()[0]
    # (text[-n:] is all of a shorter text, which ends with a title when it is one)
    return any(text[-n:] in titles for n in _title_lengths())


# An author's line under a theory page's headline: a name (its two characters often set apart),
# a space, and where the author works ending with the title ("原 倩 中国宏观经济研究院副研究员",
# "黄泽清 中国人民大学马克思主义学院讲师"). It heads nothing: the headline stays above it.
AUTHOR_LINE_RE = re.compile(r"^(?P<name>[\u4e00-\u9fff](?:[ \u3000\xa0]?[\u4e00-\u9fff]){1,2})[ \u3000\xa0]+"
                            r"(?P<post>[^\s，,。；;：:！？!?、“”]{4,40})$")
# ...and where the author works names an institution (a headline "李强 会见越南总理" names none).
INSTITUTION_RE = re.compile(r"大学|学院|学校|研究|中心|[院所部厅局委办社报]")


def author_line(text: str) -> bool:
    """A name, a space and an institution ending with a title: an author's line."""
    m = AUTHOR_LINE_RE.match(text)
    if m is None or m["name"][0] not in _titles_and_surnames()[1]:
        return False
    return bool(INSTITUTION_RE.search(m["post"])) and _ends_with_title(m["post"])


def _opening_title(text: str) -> str | None:
    """The longest title `text` opens with, if any."""
    titles = _titles_and_surnames()[0]
    return next((text[:n] for n in _title_lengths() if len(text) >= n and text[:n] in titles), None)


def _ends_in_a_cut_name(text: str) -> bool:
    """A title and then a surname alone ("组长龚"): no headline ends so, a
    column cut the name."""
    surnames = _titles_and_surnames()[1]
    t = text.rstrip()
    return len(t) > MIN_CUT_TITLE and t[-1] in surnames and _ends_with_title(t[:-1])


# A chain of at least this many titles joined by 、 and then a short piece ("市委副书记、
# 市长、市" / "疫情防控工作领导小组组长龚正……"): a column cut a person's titles before the
# name; of the 915 kicker, headline and subheadline lines of news-unlabeled.jsonl and
# rmrb-2026-01-unlabeled.jsonl none ends so (issue 13).
MIN_CHAIN_TITLES = 2
CHAIN_TAIL_MAX = 2


def _cut_title_chain(text: str) -> bool:
    """The line ends inside a chain of titles: MIN_CHAIN_TITLES titles joined by 、, then at
    most CHAIN_TAIL_MAX characters of the next one."""
    parts = text.rstrip().split("、")
    return (len(parts) > MIN_CHAIN_TITLES and 0 < len(parts[-1]) <= CHAIN_TAIL_MAX
            and all(_ends_with_title(p) for p in parts[-1 - MIN_CHAIN_TITLES:-1]))


def _titled_name_tail(prev: str, nxt: str) -> bool:
    """`prev` ends with a title (of at least MIN_CUT_TITLE characters) and `nxt`
    opens with a name — a surname and one or two characters — and a verb of
    saying with its comma or colon ("……储蓄银行研究员" / "娄飞鹏表示，……"): the
    column cut between the title and the name. Of the 13,703 headline lines and
    paragraphs of news-unlabeled.jsonl and rmrb-2026-01-unlabeled.jsonl, none
    ending with a title is followed by one opening so."""
    surnames = _titles_and_surnames()[1]
    if nxt[:1] not in surnames or not _ends_with_title(prev.rstrip()):
        return False
    verbs, longest = _speech_verbs()
    return any(nxt[n : n + v] in verbs and nxt[n + v : n + v + 1] in ("，", ",", "：", ":")
               for n in NAME_TAIL_CHARS for v in range(1, longest + 1))


def _opens_with_titled_speaker(nxt: str) -> bool:
    """`nxt` opens with a title, a name (TITLED_NAME_CHARS characters) and a verb of
    saying with its comma or colon ("教授露口洋介表示，……"): the organization
    the title belongs to stands at the end of the line above ("……日本帝京大学经济学部"),
    which a column cut. A paragraph names the body first: of the 13,697 titles and
    paragraphs of news-unlabeled.jsonl and rmrb-2026-01-unlabeled.jsonl, one opens
    so ("发言人张晗答问表示，").
    """
    title = _opening_title(nxt)
    if title is None:
        return False
    verbs, longest = _speech_verbs()
    rest = nxt[len(title) :]
    return any(all(("\u4e00" <= c <= "\u9fff" and c not in NOT_IN_NAMES) or c in "·・" for c in rest[:n])
               and rest[n : n + v] in verbs and rest[n + v : n + v + 1] in ("，", ",", "：", ":")
               for n in range(*TITLED_NAME_CHARS) for v in range(1, longest + 1))


def long_headline(u: Unit, nxt: Unit | None, by_indent: bool = False) -> bool:
    """A line longer than MAX_HEADING_CHARS that is a headline all the same: one clause
    (no comma, colon, 、 or ；, no gap: the gapped, speaker and tagged forms have their own
    rules) that passes the heading tests at MAX_LONG_HEADLINE, above a line that opens a
    body — a turn of an interview ("问：……"), or a line that starts a sentence of its own:
    not on a character that goes on from before, no pair that running text writes
    together, no word across the break and no one-character word closed by a comma. Measured
    on the corpora (news-unlabeled.jsonl without the held-out articles, rmrb-2026-01; three
    random column cuts a paragraph): of 527 cuts leaving a first piece of 33-60 characters
    that passes the heading tests, 14 have none of those marks and 1 passes the test of the
    break ("……关于十三届全国人大" / "二次会议……"); of the 20 titles of that shape, 18 do
    (the other two carry a rubric tag and are read by that rule). Where
    lines are hard-wrapped (text copied from print), most lines are that long: an indented
    line above an unindented one is a paragraph's first line, and on a page that indents
    paragraph starts (`by_indent`) a headline's body starts indented."""
    t = u.text
    if u.kind != "text" or not MAX_HEADING_CHARS < len(t) <= MAX_LONG_HEADLINE or nxt is None:
        return False
    if any(ch in LONG_HEADLINE_STOPS for ch in t) or SPACE_RUN_RE.search(t) or not _heading_text(t, MAX_LONG_HEADLINE):
        return False
    if any(ch in TERMINAL for ch in _core(t)[:-1]) and not FIGURE_EXCLAIM_RE.match(t):
        return False  # "……派遣医疗专家组？能否提供具体日期？……？": questions of a journalist's turn
    if nxt.kind in ("byline", "credit"):
        return True
    b = nxt.text
    if nxt.kind != "text" or not b or b[0] in STARTS_MIDSENTENCE or _ends_in_a_cut_name(t):
        return False
    if (by_indent or u.indented) and not nxt.indented:
        return False
    if QA_TURN_RE.match(b):
        return True
    return _clean_break(t, b)


def _clean_break(t: str, b: str) -> bool:
    """Nothing across the end of line `t` and the start of line `b` says a sentence runs
    on: `b` opens on no character that goes on from before, the two make no pair running
    text writes together and no word across the break, and `b` does not open with a
    one-character word closed by a comma."""
    if not b or b[0] in STARTS_MIDSENTENCE:
        return False
    if b[1:2] in LONG_HEADLINE_STOPS:
        return False  # "……境内的黑水" / "城，集中呈现……": one character and a comma end a word cut off
    if (t[-1] + b[0]) in BIGRAMS or (t[-1].isdigit() and (b[0].isdigit() or b[0] in NUMBER_CONTINUATION)):
        return False
    a, b4 = t[-4:], b[:4]
    return not any(s < len(a) < e for s, e in figure_words.segment(a + b4))


def continues(prev: Unit, nxt: Unit | None, decide=None, below_heading: bool = False, by_indent: bool = False,
              page_top: bool = False) -> bool:
    """Does `prev` run on into `nxt` (a column cut a sentence)? Where the rules
    cannot tell (a heading-like line), the continuation model answers, or
    `decide(prev, nxt, features, pair_in_list)` when given (training). With
    `page_top` the model's join needs the break's evidence however sure it
    is: at the top of a page a join makes the page open in the middle of an
    article, rarer than a page opening with a headline; `segment` asks so
    too of a line written as a heading taken above (`line_roles.comma_parallel`)."""
    if nxt is None or nxt.kind != "text" or (by_indent and nxt.indented):
        return False  # (on a page that indents paragraph starts, an indented line starts one)
    if ends_sentence(prev.text) or label_line(prev.text) or column_headline(prev.text):
        return False
    if open_ended(prev.text) or nxt.text[0] in STARTS_MIDSENTENCE:
        return True
    if prev.text[-1].isdigit() and (nxt.text[0].isdigit() or nxt.text[0] in NUMBER_CONTINUATION | NUMBER_UNITS):
        return True  # "新设外商投资企业4" / "342家": a number is never cut by a heading
    if SHORT_TAIL_RE.match(nxt.text):
        return True  # "……多次作" / "过表态。这里我愿重申……": the line opens with a sentence's tail
    if _speech_tail(nxt.text):
        return True  # "……村长哈吉·马凯梅·奥马尔" / "说，过去村里……": the column cut before the verb
    if _ends_in_a_cut_name(prev.text) and "\u4e00" <= nxt.text[0] <= "\u9fff":
        return True  # "……领导小组组长龚" / "正在会上……": a column cut the name after its title
    if _cut_title_chain(prev.text) and "\u4e00" <= nxt.text[0] <= "\u9fff":
        return True  # "市委副书记、市长、市" / "疫情防控工作领导小组组长龚正……": the cut fell in a chain of titles
    if _titled_name_tail(prev.text, nxt.text):
        return True  # "……市容环卫科科长" / "陆宇鹏介绍，……": the column cut between a title and its name
    if _opens_with_titled_speaker(nxt.text):
        return True  # "……日本帝京大学经济学部" / "教授露口洋介表示，……": the cut fell before the title
    if SENTENCE_OPEN_RE.match(prev.text) and not _tagged_headline(prev.text):
        return True  # "我们奉劝美方官员把精力用在做好自身疫情防控工作" / "上，而不是……"
    if not heading_like(prev):
        return not long_headline(prev, nxt, by_indent)
    pair = (prev.text[-1] + nxt.text[0]) in BIGRAMS
    if by_indent:
        return pair  # the model learned blank-line pages; on indented ones the indent carries the signal
    x = line_roles.continuation_features(prev.text, nxt.text, pair, below_heading, heading_like(nxt))
    if decide:
        return decide(prev, nxt, x, pair)
    # "问：" / "答：" opens a transcript's turn, even where the break makes a word ("……答记者问|问：")
    # (not in training: the model's examples stay those of 0.6's layout_dev-measured weights)
    # A line ending on a numeral and its measure word runs on into its noun ("……当今世界已经成为一个" /
    # "休戚与共的……"), whatever the model says (not in training either: as a heading test it changed
    # the trained weights and lost layout_dev articles .963 -> .959)
    return not QA_TURN_RE.match(nxt.text) and (bool(COUNTED_END_RE.search(prev.text))
                                               or line_roles.continues_across(x, pair, sure_alone=not page_top,
                                                                                         prev_text=prev.text))


def _split_last_section(d: Draft) -> tuple[list[Unit], list[list[Unit]]] | None:
    """When the draft's last heading run (read as a section) has at most
    MAX_LEAD_PARAGRAPHS paragraphs under it and something above it, take the
    run and those paragraphs off the draft and return them (heads, deck) —
    called when a dateline follows; None when the draft does not end so."""
    flags = d.heading_flags
    last = max((k for k, h in enumerate(flags) if h), default=-1)
    if last < 0 or len(flags) - 1 - last > MAX_LEAD_PARAGRAPHS:
        return None
    first = last
    while first > 0 and flags[first - 1] and last - first + 1 < MAX_HEAD_UNITS:
        first -= 1
    if first == 0 or ENUM_HEADING_RE.match(d.paragraphs[first][0].text):
        return None
    heads = [p[0] for p in d.paragraphs[first : last + 1]]
    deck = d.paragraphs[last + 1 :]
    d.paragraphs, d.heading_flags = d.paragraphs[:first], flags[:first]
    return heads, deck


def _past_the_top(d: Draft) -> bool:
    """The draft has body paragraphs beyond a wire's headline line after its
    dateline ("题：……"): a credit now closes it rather than opening it."""
    return any(not (p[0].brk == "byline" and WIRE_TITLE_RE.match(p[0].text)) for p in d.paragraphs)


def _exclaims(text: str) -> bool:
    """A line ending in ！ or ？ ends a run of heading lines: a headline may
    ("“我战胜了病毒！ 我要出院了！”"), a kicker does not (nor does any kicker,
    or headline over a subheadline, of news-unlabeled.jsonl), and a sentence of a
    transcript so ended ("祝大家节日快乐！") must not take the next article's
    headline below it into a section heading."""
    return _core(text)[-1:] in "！？!?"


def _block_end_before(units: list[Unit], i: int, heading_at: set[int]) -> bool:
    if i == 0:
        return True
    prev = units[i - 1]
    if prev.kind in ("credit", "caption", "furniture"):
        return True
    if prev.kind == "byline":
        return False
    return i - 1 in heading_at or ends_sentence(prev.text) or _closing_note(units, i - 1) or _editor_signed(units, i)


def _symposium_piece(units: list[Unit], j: int, cur: Draft) -> bool:
    """The heading run ending before units[j] is signed by one of the authors listed
    under the current article's headline: a symposium (笔谈) prints its writers'
    names under the headline and each again under the heading of his piece, and
    every piece closes with its author's note; the pieces are one article."""
    return j < len(units) and units[j].author and SPACE_RUN_RE.sub("", units[j].text) in cur.authors


def _time_opened_headline(units: list[Unit], i: int) -> bool:
    """Right after a credit that closed the article above, a short line opening with one
    word and a comma is a headline ("冬夜，一场“战斗”打响", "岁末年初，如何把温暖送到……"):
    elsewhere "目前，" / "冬夜，" open a sentence (`_opens_sentence`), but a closed article
    is followed by the next one's headline, not by a sentence of a body without one.
    (The line must still pass every other heading test, and the break below it be clean.)"""
    nxt = units[i + 1] if i + 1 < len(units) else None
    return (nxt is not None and nxt.kind == "text" and _heading_text(units[i].text, MAX_HEADING_CHARS, early_comma_ok=True)
            and _clean_break(units[i].text, nxt.text))


def _editor_signed(units: list[Unit], i: int) -> bool:
    """units[i] stands right under the signature closing an editor's note ("——编  者"):
    the note ended there, and what it introduces — the article's first section, the
    first piece of a symposium — goes on in the same article."""
    return i > 0 and units[i - 1].kind == "text" and bool(EDITOR_SIGNATURE_RE.match(units[i - 1].text.strip()))


def _deck_or_caption(paragraph: list[Unit]) -> bool:
    t = "".join(u.text for u in paragraph)
    # (deck lines run together when none ends a sentence: each line is judged)
    return bool(CAPTION_END_RE.search(t)) or ("。" not in t and all(len(u.text) <= MAX_DECK_CHARS for u in paragraph))


def _heads_before_bylines(units: list[Unit]) -> dict[int, tuple[int, int]]:
    """start index of a headline run → (end of the run, index of the byline it
    belongs to)."""
    starts: dict[int, tuple[int, int]] = {}
    for b, u in enumerate(units):
        if u.kind != "byline":
            continue
        best = None
        k = b - 1
        while k >= 0 and (units[k].kind == "furniture" or (units[k].kind == "caption" and k + 1 == b)):
            k -= 1  # a website's time/source line between headline and dateline, or a photo's credit ("新华社发")
        top = k
        while k >= 0 and top - k < MAX_HEAD_UNITS:
            cand = units[k]
            if cand.kind != "text" or "。" in cand.text or len(cand.text) > MAX_HEADLINE_BEFORE_BYLINE \
                    or _closing_note(units, k):
                break  # an author note or a chart's source note closes what is before; it heads nothing
            at_top = k == 0 or units[k - 1].kind in ("credit", "caption", "furniture") or (
                units[k - 1].kind == "text" and (ends_sentence(units[k - 1].text) or _closing_note(units, k - 1)))
            if not at_top and cand.text.count("，") + cand.text.count(",") > MAX_HEADING_COMMAS and not _tagged_headline(cand.text):
                break  # clauses in a row under another line: a deck, the headline stands above it
            if at_top:
                best = k
            k -= 1
        if best is not None:
            starts[best] = (top + 1, b)
    return starts


def segment(source: str, decide=None, join_decide=None) -> list[Draft]:
    """Units → article drafts. `decide(i, features, rule_new)`, when given,
    answers whether the heading run at unit i starts an article, and
    `join_decide` whether a heading-like line continues (see `continues`):
    training uses them to follow the true structure and record the features."""
    units = tokenize(source)
    by_indent = indent_marks_paragraphs(units)
    measure = None if by_indent else column_measure(units)
    run_starts = _heads_before_bylines(units)
    @lru_cache(maxsize=None)
    def heading_line(k: int) -> bool:
        """units[k] is a heading-like line after a paragraph end: what the
        article-start model looks ahead to (`sibling_below`)."""
        return 0 < k < len(units) and units[k - 1].kind == "text" and ends_sentence(units[k - 1].text) \
            and heading_like(units[k]) and not _wrapped_line(units, k, by_indent)

    drafts: list[Draft] = []
    cur: Draft | None = None
    heading_at: set[int] = set()
    # Heading lines taken so far with one comma (`line_roles.comma_parallel`): a line of
    # their shape takes the model's join only with the break's evidence.
    comma_heads: list[str] = []
    prev_body: Unit | None = None  # last unit of the current paragraph, if it may be continued
    i = 0
    n = len(units)

    def start(heads: list[Unit]) -> Draft:
        d = Draft(heads=heads)
        drafts.append(d)
        return d

    while i < n:
        u = units[i]
        if u.kind in ("caption", "furniture"):
            if u.kind == "caption" and cur is not None and _opening_captions(cur, units, i):
                _captions_to_decks(cur)
                prev_body = None
            i += 1
            if u.kind == "caption" and by_indent and not ends_sentence(u.text):
                # a caption hard-wrapped ("图③：……东港商圈直营店迎新春活动" / "现场，工作人员在展示
                # 普陀水仙。"): the lines that go on with it are the caption's
                while i < n and _goes_on(units[i], units[i + 1] if i + 1 < n else None):
                    i += 1
            continue
        if units[i - 1].kind == "credit" and _cut_note(units, i):
            i += 1  # the end of a bracketed credit that a line end cut ("（本报记者李明、张" / "珊珊采访整理）")
            continue
        if u.kind == "credit":
            if cur is not None and u.author:
                # an author's name under a heading opens what it heads, it closes nothing
                if not cur.paragraphs:
                    cur.authors.add(SPACE_RUN_RE.sub("", u.text))
            elif i + 1 < n and units[i + 1].kind == "text" and CUT_PHOTO_TAIL_RE.match(units[i + 1].text):
                # a photo credit whose "摄" a column cut off: read as the caption it is whole
                # ("新华社记者 黄敬文摄"): it names no reporter, closes no article, and "摄" is no headline
                prev_body = None
                i += 2
                continue
            elif cur is not None and CAPTION_END_RE.search(u.text) and _opening_captions(cur, units, i):
                _captions_to_decks(cur)  # a photographer's credit under a caption opening the article
            elif cur is not None:
                cur.credits.append(u.credit)
                cur.credit_texts.append(u.text)
                # a credit before any paragraph opens the article ("本报记者 X" under
                # the headline); after its paragraphs it closes it — but a
                # photographer's credit (…摄) belongs to a photo, which may stand
                # between headline and dateline
                # (so does a credit under a wire's own headline line, "新华社北京1月28日电
                # 题：……" / "新华社记者魏弘毅", when a page headline stood above it)
                cur.closed = cur.closed or (_past_the_top(cur) and not CAPTION_END_RE.search(u.text))
            prev_body = None
            i += 1
            continue
        if u.kind == "byline":
            if (cur is not None and cur.byline is None and cur.heads and cur.paragraphs and not cur.closed
                    and (all(_deck_or_caption(p) for p in cur.paragraphs)
                         or len(cur.paragraphs) <= MAX_LEAD_PARAGRAPHS and not any(cur.heading_flags))):
                # deck lines or a photo caption between headline and dateline: the same article
                cur.decks += [[u_] for p in cur.paragraphs for u_ in p]  # one entry a printed line
                cur.paragraphs, cur.heading_flags = [], []
            elif cur is not None and not cur.closed and (split := _split_last_section(cur)) is not None:
                # a heading read as a section, at most three paragraphs, then this
                # dateline: the heading was the next article's headline, the
                # paragraphs its deck
                heads, deck = split
                cur = start(heads)
                cur.decks = [[u_] for p in deck for u_ in p]
            elif cur is None or cur.byline is not None or cur.paragraphs:
                cur = start([])
            cur.byline = u.byline
            prev_body = None
            i += 1
            continue
        if i in run_starts:
            heads_end, b = run_starts[i]
            comma_heads.extend(units[k].text for k in range(i, heads_end) if line_roles._comma_at(units[k].text) > 0)
            cur = start(units[i:heads_end])
            cur.byline = units[b].byline
            prev_body = None
            i = b + 1
            continue
        page_top = cur is None and u.kind == "text" and _heading_text(u.text, MAX_HEADLINE_BEFORE_BYLINE)
        # right after a credit that closed the article above ("新华社音视频部制作", "本报记者 X"), a
        # headline may run long with a colon and a comma ("国务院国资委：扎实推进……，加快建设……")
        after_credit = (cur is not None and cur.closed and i > 0 and units[i - 1].kind == "credit"
                        and u.kind == "text" and u.text[:1] not in "（(〔【[" and (
                            _heading_text(u.text, MAX_LONG_HEADLINE) or _time_opened_headline(units, i)))
        if u.brk != "byline" and not AUTHOR_NOTE_LINE_RE.match(u.text) and not label_line(u.text) and (_block_end_before(units, i, heading_at) or column_headline(u.text)) and (heading_like(u) or page_top or after_credit or long_headline(u, units[i + 1] if i + 1 < n else None, by_indent)) and not _wrapped_line(units, i, by_indent) and not (cur is not None and not (units[i - 1].kind == "credit" or _closing_note(units, i - 1)) and not _tagged_headline(u.text) and _fills_measure(units, i, measure)) and (after_credit or not continues(u, units[i + 1] if i + 1 < n else None, join_decide, by_indent=by_indent, page_top=cur is None or any(line_roles.comma_parallel(u.text, h) for h in comma_heads))):
            # a run of heading units
            j = i + 1
            # (a line past MAX_HEADING_CHARS is the whole head: no kicker stands over it, and a
            # short line under it is the body's first piece — on layout_dev --long-titles pages
            # "面对新冠肺炎疫情这场" under "外交部发言人赵立坚就……发表谈话" became the headline)
            long_head = not heading_like(u)
            # (on a page that indents paragraph starts, headline lines are set flush: an indented
            # line under a flush one starts the body — "斯塔默首相" heading a profile under
            # "英国首相斯塔默今起对我国进行正式访问" — and is no subheadline)
            while not long_head and j < n and j - i < MAX_HEAD_UNITS and not _exclaims(units[j - 1].text) and heading_like(units[j]) and not (by_indent and units[j].indented and not u.indented) and not label_line(units[j].text) and not _wrapped_line(units, j, by_indent) and not _fills_measure(units, j, measure) and not continues(units[j], units[j + 1] if j + 1 < n else None, join_decide, below_heading=True, by_indent=by_indent) and j not in run_starts:
                j += 1
            nxt = j
            while nxt < n and units[nxt].kind in ("caption", "furniture"):
                nxt += 1  # a chart's 制图/来源 line between headline and body
            credits_at = nxt
            while nxt + 1 < n and units[nxt].kind == "credit" and units[nxt + 1].kind in ("text", "byline", "credit"):
                nxt += 1  # an opening credit between headline and body ("新华社记者 X"), or the authors' names
            if nxt < n and units[nxt].kind == "credit":
                nxt = credits_at  # (credits not followed by text: nothing is opened)
            followed_by_body = nxt < n and units[nxt].kind in ("text", "byline")
            tagged = any(RUBRIC_TAG_RE.search(units[k].text) or _tagged_headline(units[k].text) for k in range(i, j))
            rule_new = (cur is not None and (cur.dated or cur.closed or tagged or column_headline(u.text))
                        and not ENUM_HEADING_RE.match(u.text))
            if rule_new and not (cur.closed or tagged or column_headline(u.text)) \
                    and (any(cur.heading_flags) or line_roles.same_story_below(units, nxt, cur, measure is not None) >= SAME_STORY_SHARE
                         or line_roles.heading_in_story(units, i, j, cur) >= HEADING_IN_STORY_SHARE):
                rule_new = False  # a section of a long wire: the model decides, as on undated pages
            if rule_new and not (cur.closed or tagged or column_headline(u.text)) and _under_photo(units, i):
                rule_new = False  # a heading under a photo inside the article ("……现场。新华社发" / "“她该辞职了”"): the model decides
            if cur is None:
                new_article = True
            else:
                # (the model reads the features only where the rule leaves the run open —
                # `starts_article` — so they are made only there, and always for training)
                x = line_roles.features(units, i, j, nxt, cur, rule_new, tagged, heading_line, by_indent, measure is not None) \
                    if decide or not rule_new else None
                # (the next headline of a series — 2019年……政府工作报告 under 2022年…… — starts an
                # article over the model; the model is trained as before, on every run the rule leaves open)
                series = not ENUM_HEADING_RE.match(u.text) and bool(cur.heads) \
                    and line_roles.series_headline(u.text, cur) >= SERIES_HEADLINE_SHARE
                new_article = decide(i, x, rule_new) if decide else (
                    series or (line_roles.starts_article(x, rule_new) and not LETTER_SPACED_RE.match(u.text.strip())
                               and not _editor_signed(units, i) and not _symposium_piece(units, j, cur)))
            comma_heads.extend(units[k].text for k in range(i, j) if line_roles._comma_at(units[k].text) > 0)
            if new_article and followed_by_body and units[nxt].kind == "text":
                cur = start(units[i:j])
                prev_body = None
                i = j
                continue
            if cur is None:
                cur = start([])
            elif _symposium_piece(units, j, cur):
                cur.closed = False  # the last piece's author note closed a piece, not the article
            for k in range(i, j):
                cur.paragraphs.append([units[k]])
                cur.heading_flags.append(True)
                heading_at.add(k)
            prev_body = None
            i = j
            continue
        if cur is not None and u.kind == "text" and AUTHOR_NOTE_LINE_RE.match(u.text) and cur.paragraphs:
            cur.paragraphs.append([u])
            cur.heading_flags.append(False)
            cur.closed = True
            prev_body = None
            i += 1
            continue
        if cur is not None and cur.paragraphs and _cut_note(units, i + 1):
            # an author note or credit a line end cut ("（作者为……研究" / "中心主任，本报记者……采访整理）")
            if credit := parse_closing_credit(u.text + units[i + 1].text):
                cur.credits.append(credit)
                cur.credit_texts.append(u.text + units[i + 1].text)
            else:
                cur.paragraphs.append([u, units[i + 1]])
                cur.heading_flags.append(False)
            cur.closed = True
            prev_body = None
            i += 2
            continue
        if cur is not None and cur.paragraphs and (last := _note_from(units, i)) is not None and last > i + 1:
            # the same, wrapped over three lines or more
            note = "".join(x.text for x in units[i:last + 1])
            if credit := parse_closing_credit(note):
                cur.credits.append(credit)
                cur.credit_texts.append(note)
            else:
                cur.paragraphs.append(units[i:last + 1])
                cur.heading_flags.append(False)
            cur.closed = True
            prev_body = None
            i = last + 1
            continue
        if cur is None:
            cur = start([])
            cur.continued = True  # the page opens with body text: the tail of an article from another page
        elif cur.closed and u.kind == "text" and _part_label(u.text.strip().lstrip(LABEL_MARKS).strip()):
            # "案例二" after the credit closing a feature's first case: a part label heads a part
            # of the article it joins, so the article goes on (its next heading is weighed as a section)
            cur.closed = False
        if u.kind == "text" and not cur.paragraphs and _wire_title_goes_on(cur, u):
            cur.decks[-1].append(u)  # the rest of that title line, a column end cut
            i += 1
            continue
        if u.brk == "byline" and cur.dated and not cur.paragraphs and WIRE_TITLE_RE.match(u.text):
            # "新华社北京3月5日电 题：……": the headline comes after the dateline; under a page's
            # own headline the wire's title line repeats it, a deck above the body (ANNOTATION.md)
            (cur.decks.append([u]) if cur.heads else cur.heads.append(u))
            i += 1
            continue
        # (a line opening with a closing quote, a comma or a stop goes on from the line above
        # even when that ended a sentence: "……共建诊所。" / "”雄安新区……"; none of the
        # 12,788 paragraphs of news-unlabeled.jsonl and rmrb-2026-01 opens so but where the
        # corpus itself cut one)
        # (a line that is one quotation and nothing else, at a paragraph's start, is a heading
        # inside the article — "“中国的成功是有充分理由的”" — and the line under it starts a paragraph)
        quoted_alone = prev_body is not None and bool(QUOTED_LINE_RE.match(prev_body.text)) \
            and cur.paragraphs[-1] == [prev_body]
        if prev_body is not None and ((not ends_sentence(prev_body.text) and not label_line(prev_body.text)
                                       and not quoted_alone and not SOURCE_NOTE_RE.match(prev_body.text))
                                      or u.text[0] in STARTS_MIDSENTENCE or _speaker_closes(u.text)
                                      or _quotation_goes_on("".join(x.text for x in cur.paragraphs[-1]), u.text)
                                      or (by_indent and _goes_on(u, units[i + 1] if i + 1 < n else None))
                                      or _full_line_goes_on(units, i, prev_body, measure)):
            cur.paragraphs[-1].append(u)
        else:
            cur.paragraphs.append([u])
            cur.heading_flags.append(False)
        prev_body = u
        i += 1
    for d in drafts:
        _take_repeated_decks(d)
    return [d for d in drafts if d.paragraphs or d.heads]


# A photo caption's text is no longer than this (characters): the captions opening
# the 43 人民日报 archive records that open with photos run 10-60.
MAX_CAPTION_TEXT = 100


def _opening_captions(d: Draft, units: list[Unit], i: int) -> bool:
    """Everything the undated article `d` has read since its headline is photo
    captions: short paragraphs of one line each, each right above a photo's credit
    line (units[i] the last), and body text follows. A 人民日报 record opening with
    photos prints them so."""
    if not d.heads or d.byline is not None or d.continued or not d.paragraphs or any(d.heading_flags):
        return False
    if i + 1 >= len(units) or units[i + 1].kind != "text" or heading_like(units[i + 1]):
        return False  # no body below: a photo report ("图片报道"), its caption is its body
    for para in d.paragraphs:
        if len(para) != 1 or len(para[0].text) > MAX_CAPTION_TEXT:
            return False
    ends = {u.end for p in d.paragraphs for u in p}
    top = d.heads[-1].end
    credits = [k for k in range(i, 0, -1) if units[k].start > top and units[k - 1].end in ends
               and (units[k].kind == "caption" or (units[k].kind == "credit" and CAPTION_END_RE.search(units[k].text)))]
    return len(credits) == len(d.paragraphs) and units[i - 1].end in ends


def _under_photo(units: list[Unit], i: int) -> bool:
    """units[i] stands right under a photo's caption or credit ("……拍摄的示威抗议现场。新华社发",
    "新华社记者 胡友松摄"): a photo stands inside an article as often as between two, so the
    dated article above does not by itself make the heading under it a new headline."""
    if i == 0:
        return False
    p = units[i - 1]
    return p.kind == "caption" or (p.kind == "credit" and bool(CAPTION_END_RE.search(p.text))) \
        or (p.kind == "text" and _credit_closed(p.text.rstrip()))


def _captions_to_decks(d: Draft) -> None:
    """Photo captions opening the article ("市民在北海公园……游览。" / "新华社记者  陈钟昊摄"):
    decks between headline and body, not body (ANNOTATION.md; the convention of
    sections_dev's, bounds_dev's and joins_dev's gold)."""
    d.decks += d.paragraphs
    d.paragraphs, d.heading_flags = [], []


def _wire_title_goes_on(d: Draft, u: Unit) -> bool:
    """`u` goes on with a wire's title line taken as a deck under the page's own
    headline ("题：为“十五五”美丽中国建设开" / "好局起好步——……"): what the title has
    so far and `u` still spell out the headline above."""
    if not (d.heads and d.decks and d.decks[-1][0].brk == "byline" and WIRE_TITLE_RE.match(d.decks[-1][0].text)):
        return False
    head = SPACE_RUN_RE.sub("", "".join(h.text for h in d.heads))
    title = SPACE_RUN_RE.sub("", WIRE_TITLE_RE.sub("", "".join(x.text for x in d.decks[-1])))
    return title not in (head, "") and (title + SPACE_RUN_RE.sub("", u.text)) in head


def _repeated_clause(core: str, text: str) -> bool:
    """`text` holds `core` followed by a clause end."""
    m = text.find(core)
    while m >= 0:
        if text[m + len(core) : m + len(core) + 1] in CLAUSE_ENDS:
            return True
        m = text.find(core, m + 1)
    return False


def _take_repeated_decks(d: Draft) -> None:
    """Summary lines opening an undated article that the body repeats word for
    word ("“平”时加强管理，……因时因势开展精准防控" over a paragraph holding that
    phrase): a deck, not body (ANNOTATION.md). Ending no sentence, such a line ran
    on into the paragraph below; only its own lines are taken, and only while
    body text stays below."""
    if d.byline is not None or d.continued:
        return  # (decks above a dateline are taken when the dateline is read)
    while d.paragraphs and not d.heading_flags[0]:
        first = d.paragraphs[0]
        rest = "".join(u.text for p in d.paragraphs[1:] for u in p)
        take = 0
        for k in range(len(first), 0, -1):
            text = "".join(u.text for u in first[:k])
            core = SPACE_RUN_RE.sub("", text)
            if "。" in text or ends_sentence(text) or label_line(text) or len(core) < MIN_REPEATED_DECK:
                continue
            below = SPACE_RUN_RE.sub("", "".join(u.text for u in first[k:]) + rest)
            # (the body repeats the whole clause: its copy ends where the deck does, not
            # on a phrase that opens sentences by chance, "1月29日，中国短道速滑队在|北京")
            if _repeated_clause(core, below):
                take = k
                break
        if not take:
            return
        d.decks.append(first[:take])
        if take == len(first):
            d.paragraphs.pop(0)
            d.heading_flags.pop(0)
        else:
            d.paragraphs[0] = first[take:]


# Invisible characters web pages leave in titles (zero-width space, joiners, BOM).
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def clean_heading(text: str) -> str:
    return SPACE_RUN_RE.sub(" ", ZERO_WIDTH_RE.sub("", text)).strip()


def _comma_kicker(first: str, second: str) -> bool:
    """Two phrases across one comma over a shorter headline with none: kicker and headline."""
    commas = sum(first.count(c) for c in KICKER_COMMAS)
    return commas == 1 and not any(c in second for c in KICKER_COMMAS) \
        and len(first) >= KICKER_RATIO * len(second)


def split_heads(heads: list[Unit]) -> tuple[str | None, str, str | None]:
    """Heading units → (kicker, headline, subheadline)."""
    texts = [clean_heading(h.text) for h in heads]
    if not texts:
        return None, "", None
    if len(texts) == 1 and WIRE_TITLE_RE.match(texts[0]):
        # "新华社北京3月5日电 题：春耕正当时——各地春耕见闻": the wire's own headline
        main, _, sub = WIRE_TITLE_RE.sub("", texts[0]).partition("——")
        return None, main.strip(), sub.strip() or None
    if len(texts) == 1:
        return None, texts[0], None
    if len(texts) == 2:
        first, second = texts
        if second.startswith(("—", "-")):
            return None, first, second.lstrip("—- ")
        if SPEAKER_HEADLINE_RE.match(first) and len(first) >= len(second):
            return None, first, second  # "李强：构建……" over a shorter line: headline and 副题
        if "：" in first or ":" in first or (len(first) >= KICKER_MIN_CHARS and len(first) >= KICKER_RATIO * len(second)):
            return first, second, None
        if _comma_kicker(first, second):
            return first, second, None
        return None, first, second
    return texts[0], texts[1], " ".join(texts[2:]).lstrip("—- ")
