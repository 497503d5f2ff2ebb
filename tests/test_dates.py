"""Dates resolved against the issue date, across month and year ends."""

from __future__ import annotations

import datetime as dt

import pytest

from zhnews import dates


@pytest.mark.parametrize(
    "expr, published, expected",
    [
        ("1月28日", "2026-01-29", "2026-01-28"),
        ("12月30日", "2026-01-02", "2025-12-30"),  # across the year end
        ("28日", "2026-01-29", "2026-01-28"),
        ("30日", "2026-03-02", None),  # 2月30日 does not exist
        ("31日", "2026-02-01", "2026-01-31"),  # previous month
        ("今天", "2022-04-03", "2022-04-03"),
        ("昨天", "2022-04-03", "2022-04-02"),
        ("2020年4月21日", None, "2020-04-21"),
        # weekdays against an issue of Friday 2026-01-02 (weeks start on Monday)
        ("本周一", "2026-01-02", "2025-12-29"),
        ("上周五", "2026-01-02", "2025-12-26"),
        ("周三", "2026-01-02", "2025-12-31"),  # the latest Wednesday up to the issue
        ("星期五", "2026-01-02", "2026-01-02"),
        ("下周二", "2026-01-02", "2026-01-06"),
    ],
)
def test_resolve(expr, published, expected):
    assert dates.resolve_expression(expr, dates.parse_iso(published)) == expected


def test_lead_date_reads_first_day_only():
    pub = dt.date(2025, 3, 7)
    assert dates.lead_date("3月6日下午,十四届全国人大三次会议", pub) == "2025-03-06"
    assert dates.lead_date("这两天，一条视频在网上流传。", pub) is None
    assert dates.lead_date("2025年，全国共查处问题", pub) is None  # a year is not a day


def test_date_from_filename():
    assert dates.date_from_filename("rmrb-2026-01-29-p04.txt") == "2026-01-29"
    assert dates.date_from_filename("gmrb_20250307_01.html") == "2025-03-07"
    assert dates.date_from_filename("page-2026-13-40.txt") is None


def test_weekday_in_a_lead_but_not_in_a_range():
    pub = dt.date(2026, 1, 2)
    assert dates.lead_date("上周五上午，全市召开安全生产工作会议。", pub) == "2025-12-26"
    assert dates.lead_date("周一至周五，展馆每天开放。", pub) is None
    assert dates.lead_date("每周一、周三下午，展馆开放。", pub) is None


@pytest.mark.parametrize(
    "lead, published, expected",
    [
        # a regulation's start date is not the day of the news; nothing else dates it
        ("《城市公共交通条例》2026年7月1日起施行，明确公交优先发展战略。", "2026-01-29", None),
        # …the event reported after it is
        ("自2026年7月1日起施行的《条例》，28日由国务院常务会议审议通过。", "2026-01-29", "2026-01-28"),
        ("今年春运将于2月2日开始，为期40天，铁路部门预计发送旅客5.4亿人次。", "2026-01-29", None),
        ("1月27日，记者从国家铁路局获悉，2月2日春运开始，铁路运力同比增加。", "2026-01-29", "2026-01-27"),
        # a deadline in the lead
        ("各地须于1月31日前完成年度考核工作，省委组织部日前印发通知。", "2026-01-20", None),
        ("1月1日零时起，全省高速公路实行新的收费标准。", "2026-01-02", None),
        ("1月1日以来，全市累计接待游客120万人次。", "2026-01-29", None),
        # a day named as ahead
        ("第九届亚冬会将于3日在哈尔滨开幕。", "2025-02-02", None),
        # a day after the issue, however it is written
        ("2月14日，在北京举行的新闻发布会上，有关负责人介绍了情况。", "2026-01-29", None),
        # the ordinary leads keep their day
        ("1月28日上午，省委常委会召开会议。", "2026-01-29", "2026-01-28"),
        ("28日至29日，全国工业和信息化工作会议在京召开。", "2026-01-29", "2026-01-28"),
        ("昨天，本报记者从市统计局获悉，全市经济运行稳中向好。", "2022-04-03", "2022-04-02"),
    ],
)
def test_lead_date_is_the_event_not_a_start_date_deadline_or_future(lead, published, expected):
    assert dates.lead_date(lead, dates.parse_iso(published)) == expected


def test_article_date_never_after_the_issue():
    from zhnews import extract

    page = extract("本报北京1月30日电 （记者 王明）国务院新闻办公室今天举行新闻发布会，介绍春运安排。\n",
                   date="2026-01-29")
    assert page.articles and all(a.date is None or a.date <= "2026-01-29" for a in page.articles)
    page = extract("春运今起启动\n本报讯 （记者 李华）《条例》2026年7月1日起施行。1月28日，市交通运输局召开发布会，"
                   "介绍了春运期间的安排。\n", date="2026-01-29")
    assert [a.date for a in page.articles] == ["2026-01-28"]


def test_a_start_on_the_issue_day_and_range_ends():
    pub = dt.date(2022, 4, 3)
    assert dates.lead_date("今天起，这里将分批有序送走符合条件的出院者。", pub) == "2022-04-03"
    assert dates.lead_date("根据前期筛查情况，决定今天在全市进行一次抗原检测。", pub) == "2022-04-03"
    # an announced visit: neither its first nor its last day dates the article
    assert dates.lead_date("英国首相斯塔默将于1月28日至31日对中国进行正式访问。", dt.date(2026, 1, 27)) is None
    assert dates.lead_date("2026年春运将于2月2日启动，到3月13日结束，为期40天。", dt.date(2026, 1, 30)) is None


def test_today_in_general_is_no_day():
    import datetime as dt

    from zhnews.dates import lead_date

    published = dt.date(2026, 1, 31)
    assert lead_date("葡萄的利用由来已久。今天我们最为常见的葡萄，主要来自西方。", published) is None
    assert lead_date("今天的中国，发展日新月异。", published) is None
    assert lead_date("印尼军方今天表示已向附近海域派遣战机。", published) == "2026-01-31"
    assert lead_date("今天上午，会议在京召开。", published) == "2026-01-31"


def test_a_part_of_a_relative_day():
    pub = dt.date(2022, 6, 1)
    assert dates.lead_date("市委常委会昨晚举行会议，深入学习贯彻重要讲话精神。", pub) == "2022-05-31"
    assert dates.lead_date("昨夜，暴雨袭击本市。", pub) == "2022-05-31"
    assert dates.lead_date("今晨，首批复工企业陆续开门。", pub) == "2022-06-01"
    assert dates.lead_date("前晚，市民在外滩观看灯光秀。", pub) == "2022-05-30"


def test_a_relative_day_inside_a_quotation_is_no_day():
    # "今天" in quoted words counts from when they were written (a reader's note quoted in
    # a commentary lead), not from the issue; outside the quotation it still dates the lead.
    pub = dt.date(2026, 1, 30)
    assert dates.lead_date("留言本恰好提供了一种出口“他人不错。”“今天工作很累，但发了工资，加油！”", pub) is None
    assert dates.lead_date("“今天是个好日子。”昨天，市民王某说", pub) == "2026-01-29"
    assert dates.lead_date("今天上午10时，上海市召开新闻发布会", pub) == "2026-01-30"


def test_today_after_zai_or_dao_is_the_present_age():
    pub = dt.date(2020, 12, 1)
    assert dates.lead_date("拿起手机，没事刷一刷……在今天，随时随地的直播展现着我们的生活", pub) is None
    assert dates.lead_date("从上世纪五十年代到今天，这里变了模样", pub) is None
    assert dates.lead_date("今天上午，市委召开会议", pub) == "2020-12-01"
