"""Dates: the issue date of a page, and the day an article reports on.

Newspaper text names days relative to the issue: "1月28日电" in a paper of
1月29日, "28日" alone, "今天", "昨天". They are resolved against `published`;
a month later than the issue month belongs to the previous year (a 12月30日
dateline in a 1月2日 paper).
"""

from __future__ import annotations

import datetime as dt
from . import recache as re

from .numerals import cn_integer

FILENAME_DATE_RE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
FULL_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
MONTH_DAY_RE = re.compile(r"(?<![\d年])(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
# A month and day in Chinese numerals, as datelines of 人民日报 until the late 1990s and of 中新社
# write them ("本报保定五月十五日电", "中新社昆明十一月十九日电").
CN_MONTH_DAY_RE = re.compile(r"(?P<m>十[一二]?|[一二三四五六七八九])月(?P<d>[一二]?十[一二三四五六七八九]?|三十[一]?|[一二三四五六七八九])日")
DAY_ONLY_RE = re.compile(r"(?<![\d月年号第])(?P<d>[1-9]|[12]\d|3[01])日(?![报电讯])")
RELATIVE_DAY = {"今天": 0, "今日": 0, "当天": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2,
                # a part of the day: "昨晚，复旦大学附属眼耳鼻喉科医院紧急启动……", "市委常委会昨晚举行会议"
                "今晨": 0, "今早": 0, "今晚": 0, "昨晚": -1, "昨夜": -1, "昨晨": -1, "前晚": -2}
# 今天/今日 before 的, a pronoun or 中国/世界 mean "today" in general ("今天我们最为常见的
# 葡萄", "今天的中国"), not the issue day; so do 在今天 ("在今天，随时随地的直播……展现着")
# and 到今天/至今天 (the end of a span: "从……到今天").
RELATIVE_RE = re.compile("|".join(k for k in RELATIVE_DAY if k not in ("今天", "今日"))
                         + r"|(?<![在到至])(?:今天|今日)(?!的|我|你|他|她|人们|大家|中国|世界)")
# "本周一" "上周五上午" "星期三下午": a day of the week, this week's or last week's
# (weeks start on Monday, as the calendar of the genre does). Only where it
# names the day of an event: before a comma or a time of day, not in "周一至周五".
WEEKDAY_CORE = r"(?P<w>本|这|上|下)?(?:周|星期|礼拜)(?P<d>[一二三四五六日天])"
WEEKDAY_RE = re.compile(r"(?<![至到—、~～\-])" + WEEKDAY_CORE + r"(?=[，,上下中晚早凌傍午夜在])")
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# How far into the lead paragraph the day of the event is looked for: the
# genre states it in the first sentence ("3月6日下午,…", "昨天，本报记者…").
LEAD_WINDOW = 120
# A day the lead names that is not the day of the reported event: a rule's or a
# service's start ("7月1日起施行", "1月1日零时起"), a deadline ("1月31日前"), the
# start of a span up to now ("1月1日以来"), a day announced as ahead ("将于3日"),
# and the end of a range ("至31日"; a range dates by its first day). A start on
# the issue day itself ("今天起，方舱分批送走出院者") is that day's news and stays.
NOT_EVENT_AFTER_RE = re.compile(r"\s*(?:[零〇\d]{1,2}(?:时|点)(?:\d{1,2}分)?)?\s*(?:起|开始|以来|以前|之前|前(?![后夕])|截止|到期|为止)")
NOT_EVENT_BEFORE_RE = re.compile(r"(?:(?:将|定于|拟|计划|预计|预定|有望)(?:于|在|从|自)?|[至到—－~～\-])\s*$")


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def date_from_filename(name: str | None) -> str | None:
    if not name:
        return None
    m = FILENAME_DATE_RE.search(name)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def date_from_text(text: str) -> str | None:
    """A full date (2020年4月21日) near the top of a page, e.g. in a transcript title."""
    m = FULL_DATE_RE.search(text[:300])
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def resolve_month_day(month: int, day: int, published: dt.date | None, year: int | None = None) -> str | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        if month > published.month + 1:
            year -= 1  # a later month than the issue: last year's news
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def resolve_day(day: int, published: dt.date | None) -> str | None:
    """'28日' alone: the latest such day on or before the issue date."""
    if published is None:
        return None
    year, month = published.year, published.month
    if day > published.day:
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def resolve_expression(expr: str, published: dt.date | None) -> str | None:
    m = MONTH_DAY_RE.fullmatch(expr)
    if m:
        return resolve_month_day(int(m.group("m")), int(m.group("d")), published, int(m.group("y")) if m.group("y") else None)
    m = CN_MONTH_DAY_RE.fullmatch(expr)
    if m:
        month, day = cn_integer(m.group("m")), cn_integer(m.group("d"))
        return resolve_month_day(month, day, published) if month and day else None
    m = DAY_ONLY_RE.fullmatch(expr)
    if m:
        return resolve_day(int(m.group("d")), published)
    if expr in RELATIVE_DAY and published is not None:
        return (published + dt.timedelta(days=RELATIVE_DAY[expr])).isoformat()
    m = re.fullmatch(WEEKDAY_CORE, expr)
    if m and published is not None:
        return resolve_weekday(m.group("w"), WEEKDAYS[m.group("d")], published)
    return None


def resolve_weekday(which: str | None, weekday: int, published: dt.date) -> str:
    """本周X / 这周X: that day of the issue's week; 上周X: of the week before;
    下周X: of the week after; a bare 周X: the latest such day up to the issue."""
    monday = published - dt.timedelta(days=published.weekday())
    if which in ("本", "这"):
        day = monday + dt.timedelta(days=weekday)
    elif which == "上":
        day = monday - dt.timedelta(days=7) + dt.timedelta(days=weekday)
    elif which == "下":
        day = monday + dt.timedelta(days=7 + weekday)
    else:
        day = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    return day.isoformat()


def not_after_issue(day: str | None, published: dt.date | None) -> str | None:
    """`day`, unless it falls after the issue date: a paper reports what has happened, so a later
    day is a plan, a start date or a misread, never the article's date."""
    if day is None or published is None or day <= published.isoformat():
        return day
    return None


def _inside_quote(text: str, at: int) -> bool:
    """Whether `at` is inside a “…” quotation (more opening than closing marks before it): a
    relative day there (今天, 昨晚, 周五) is counted from when the quoted words were said or
    written, which the article does not give, so it names no day of the report."""
    before = text[:at]
    return before.count("“") > before.count("”")


def lead_date(text: str, published: dt.date | None) -> str | None:
    """The first day named in the lead that is the day of an event reported as happened,
    resolved; None when it names none. Start dates, deadlines, announced days and days after
    the issue are passed over (a January issue's "7月1日起施行" does not date the article)."""
    window = text[:LEAD_WINDOW]
    window = window.split("\n", 1)[0]
    found = sorted((m for rx in (MONTH_DAY_RE, DAY_ONLY_RE, RELATIVE_RE, WEEKDAY_RE) for m in rx.finditer(window)),
                   key=lambda m: m.start())
    taken_until = -1
    for m in found:
        if m.start() < taken_until:
            continue  # "28日" inside "1月28日" already seen
        taken_until = m.end()
        if m.re in (RELATIVE_RE, WEEKDAY_RE) and _inside_quote(window, m.start()):
            continue  # "“今天工作很累……”": the speaker's today, not the reported event's day
        day = not_after_issue(resolve_expression(m.group(0), published), published)
        if day is None or NOT_EVENT_BEFORE_RE.search(window, 0, m.start()):
            continue
        if NOT_EVENT_AFTER_RE.match(window, m.end()) and (published is None or day != published.isoformat()):
            continue
        return day
    return None
