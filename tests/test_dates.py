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
