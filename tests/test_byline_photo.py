"""Photo and production credits, role-less dateline credits and write-up notes (issue 13,
bylines_dev set 3). Pages are invented, laid out as printed pages are."""

from __future__ import annotations

from zhnews.byline import (
    PRODUCED_BY_RE,
    credit_outlet,
    match_dateline,
    parse_author_note,
    parse_closing_credit,
    photo_credit,
)
from zhnews.extraction import extract_text

BODY = ("国务院有关部门近日召开会议，研究部署今年春季农业生产工作，要求各地抓好种子、化肥等农资供应，"
        "确保春耕生产顺利进行。会议强调，要压实责任，做好技术指导服务。")
MORE = "与会代表表示，将认真落实会议部署，确保各项措施落到实处，为全年粮食丰收打好基础。"


def _articles(*lines: str, name: str = "rmrb-2026-01-28.txt") -> list[dict]:
    page = extract_text("\n\n" + "\n\n".join(lines) + "\n", name=name, date="2026-01-28")
    return page.to_dict()["articles"]


def test_photographer_credit_names_no_reporter():
    for line in ("新华社记者  刘  颖摄", "本报记者邹松摄", "本报记者  张武军摄"):
        assert photo_credit(line)
        assert parse_closing_credit(line) == ([], [])
        assert credit_outlet(line) is None  # (the photographer's agency is not the article's)
    assert parse_closing_credit("本报记者  左妍") == (["左妍"], [])
    assert not photo_credit("本报记者  左妍")


def test_text_and_photo_credit_names_the_writer():
    assert parse_closing_credit("本报记者  李云鹏文  王  初摄（人民视觉）") == (["李云鹏"], [])
    assert credit_outlet("新华社记者  李云鹏文  王  初摄") == "新华社"


def test_photo_on_a_page_gives_the_page_outlet_and_no_photographer():
    [a] = _articles("春季农业生产工作部署会召开", "田间地头，农民正在春耕。", "新华社记者  陈  斌摄",
                    "本报兰州1月27日电  （记者银燕）" + BODY, MORE)
    assert a["byline"]["reporters"] == ["银燕"]
    assert a["byline"]["outlet"] == "人民日报"


def test_dateline_credit_without_a_role_word():
    b = match_dateline("本报北京1月27日电  （刘硕阳、王亮、杨磊）1月27日上午，").byline
    assert b.reporters == ["刘硕阳", "王亮", "杨磊"]
    assert match_dateline("本报北京1月27日电  （国际部）1月27日上午，").byline.reporters == []
    assert match_dateline("本报北京1月27日电  （以下简称、通知）1月27日上午，").byline.reporters == []


def test_write_up_note_without_a_role_word():
    assert parse_author_note("（作者为某支队机动一中队排长，李龙伊、黄超整理）") == (["李龙伊", "黄超"], [])
    assert parse_author_note("（作者为某支队机动一中队排长）") is None


def test_production_credit_ends_an_article():
    assert PRODUCED_BY_RE.match("新华社音视频部制作")
    assert PRODUCED_BY_RE.match("新华社国内部出品")
    assert not PRODUCED_BY_RE.match("灯笼制作")
    arts = _articles("春季农业生产工作部署会召开", "新华社北京1月27日电  " + BODY, MORE, "新华社音视频部制作",
                     "全省春耕备耕有序推进", "本报讯  " + BODY, MORE, name="xinhua-2026-01-28.txt")
    assert [a["headline"] for a in arts] == ["春季农业生产工作部署会召开", "全省春耕备耕有序推进"]
    assert "制作" not in arts[0]["text"]


def test_credit_of_two_outlets_is_the_first_ones():
    from zhnews.byline import parse_credit

    assert parse_credit("本报记者 张海平 新华社记者 李明远") == (["张海平", "李明远"], [], None)
    assert credit_outlet("本报记者 张海平 新华社记者 李明远") is None
    assert credit_outlet("新华社记者 李明远 本报记者 张海平") == "新华社"
    [a] = _articles("春季农业生产工作部署会召开", BODY, MORE, "（本报记者 张海平 新华社记者 李明远）")
    assert a["byline"]["outlet"] == "人民日报"
    assert a["byline"]["reporters"] == ["张海平", "李明远"]


def test_text_mark_before_a_credit():
    assert parse_closing_credit("文/本报记者 张海平") == (["张海平"], [])
    assert parse_closing_credit("图/新华社记者 张海平") is None  # a photographer's


def test_long_headline_right_after_a_closing_credit_starts_an_article():
    arts = _articles("春季农业生产工作部署会召开", "新华社北京1月27日电  " + BODY, MORE, "新华社音视频部制作",
                     "国务院国资委：扎实推进国有经济布局优化和结构调整，加快建设更多世界一流企业",
                     "1月28日，国务院新闻办公室举行新闻发布会，介绍2025年国资央企高质量发展情况",
                     "有关负责人表示，国资央企将聚焦主责主业，推动国有资本向关系国家安全的重要行业集中。",
                     name="xinhua-2026-01-28.txt")
    assert [a["headline"] for a in arts] == [
        "春季农业生产工作部署会召开", "国务院国资委：扎实推进国有经济布局优化和结构调整，加快建设更多世界一流企业"]


def test_colon_after_a_dateline_bracket_is_not_the_body():
    line = "央视网消息（新闻联播文字版）：20日，国家主席习近平应约同印度总理通电话。"
    m = match_dateline(line)
    assert m.byline.dateline == "央视网消息"
    assert line[m.end :].startswith("20日，")
    line = "新华社北京3月5日电 题：春耕正当时"
    assert line[match_dateline(line).end :] == "题：春耕正当时"


def test_bracketed_photo_credit_and_a_trailing_one_name_no_reporter():
    from zhnews import layout

    assert parse_closing_credit("（新华社记者 李响摄）") == ([], [])
    assert parse_closing_credit("本报记者 王海平 摄影") == ([], [])
    units = layout.tokenize("这是1月5日拍摄的白宫。（新华社记者胡海松摄）")
    assert [(u.kind, u.text, u.credit) for u in units][-1] == ("credit", "（新华社记者胡海松摄）", ([], []))
    [a] = _articles("春季农业生产工作部署会召开", BODY, MORE + "（新华社记者 李响摄）")
    assert a["byline"]["reporters"] == []
    assert a["text"].endswith("打好基础。")
