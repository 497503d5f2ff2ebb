"""Datelines and credits in the shapes the genre writes them."""

from __future__ import annotations

import pytest

from zhnews.byline import match_dateline, parse_author_note, parse_closing_credit, split_names


@pytest.mark.parametrize(
    "line, dateline, place, outlet, reporters, correspondents, rest",
    [
        ("本报北京电(山西日报记者 杨文)3月6日下午,十四届", "本报北京电", "北京", "山西日报", ["杨文"], [], "3月6日下午,十四届"),
        ("本报讯(记者 周皓 通讯员 闫姝)3月6日，", "本报讯", None, None, ["周皓"], ["闫姝"], "3月6日，"),
        ("本报北京1月28日电  (记者赵成)中央纪委", "本报北京1月28日电", "北京", None, ["赵成"], [], "中央纪委"),
        ("据新华社北京4月2日电（记者  吴雨）记者2日从", "据新华社北京4月2日电", "北京", "新华社", ["吴雨"], [], "记者2日从"),
        ("新华社北京1月29日电 （记者张三、李四）", "新华社北京1月29日电", "北京", "新华社", ["张三", "李四"], [], ""),
        ("本报兰州12月4日讯（新甘肃・甘肃日报记者张富贵）省委", "本报兰州12月4日讯", "兰州", "甘肃日报", ["张富贵"], [], "省委"),
        ("本报讯 12月4日，省委召开", "本报讯", None, None, [], [], "12月4日，省委召开"),
        ("本报南宁讯 （记者/陈贻泽）12月4日", "本报南宁讯", "南宁", None, ["陈贻泽"], [], "12月4日"),
        ("湖南日报12月4日讯（记者 冒蕞）今天下午", "湖南日报12月4日讯", None, "湖南日报", ["冒蕞"], [], "今天下午"),
        ("本报北京电（记者 耿 联）", "本报北京电", "北京", None, ["耿联"], [], ""),
    ],
)
def test_datelines(line, dateline, place, outlet, reporters, correspondents, rest):
    m = match_dateline(line)
    assert m is not None
    b = m.byline
    assert (b.dateline, b.place, b.outlet, b.reporters, b.correspondents) == (dateline, place, outlet, reporters, correspondents)
    assert line[m.end :] == rest


@pytest.mark.parametrize("line", ["记者从最高人民检察院获悉：", "本报记者从全市抗疫一线采集", "山西代表团代表接受中外媒体采访"])
def test_not_datelines(line):
    assert match_dateline(line) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本报记者  左妍", (["左妍"], [])),
        ("本报通讯员  刘诗寒  记者  屠瑜", (["屠瑜"], ["刘诗寒"])),
        ("特约通讯员  忻文轲", ([], ["忻文轲"])),
        ("（本报记者 李刚）", (["李刚"], [])),
        ("本报记者  吴立新摄", (["吴立新"], [])),  # a photo credit: 摄 is not part of the name
        ("本报记者  秦  川摄", (["秦川"], [])),
        ("本报记者从全市抗疫一线采集", None),
        ("记者", None),
    ],
)
def test_closing_credits(text, expected):
    assert parse_closing_credit(text) == expected


def test_author_note_helpers_and_their_verb():
    assert parse_author_note("（本报记者何静参与采写）") == (["何静"], [])
    assert parse_author_note("（作者为某大学教授，本报记者孟祥夫整理）") == (["孟祥夫"], [])


def test_split_names_rejoins_spaced_single_characters():
    assert split_names("耿 联") == ["耿联"]
    assert split_names("周皓 闫姝") == ["周皓", "闫姝"]
    assert split_names("李龙伊、任彤彤") == ["李龙伊", "任彤彤"]
    assert split_names("杨文 一行") == ["杨文"]
