"""Credit shapes of set 5 (benchmarks/bylines_dev.py): credits glued to their dateline and closed
by 报道, Chinese-numeral dates, "记者 X 报道" and "发自" leads, names glued together or to the
next role, text credits closed by /文 or 文/摄, and a province before a dateline's city.
The lines are invented in the shapes the corpora print."""

from __future__ import annotations

from zhnews import dates
from zhnews.byline import match_dateline, match_filed_from, parse_closing_credit, parse_credit, split_names


def test_credit_glued_to_the_dateline_and_closed_by_reported():
    bm = match_dateline("本报广州3月2日讯记者周建平、林晓报道：春运返程高峰到来", page_outlet="人民日报")
    b = bm.byline
    assert (b.dateline, b.place, b.outlet, b.reporters) == ("本报广州3月2日讯", "广州", "人民日报", ["周建平", "林晓"])
    assert bm.end == len("本报广州3月2日讯记者周建平、林晓报道：")
    # running text after 本报讯 names no one
    assert match_dateline("本报讯记者从市商务局获悉，相关报道称").byline.reporters == []


def test_a_paper_s_dateline_with_two_outlets_credit_is_the_paper_s():
    b = match_dateline("本报长沙6月8日电新华社记者高明、本报记者赵亮报道：", page_outlet="人民日报").byline
    assert (b.outlet, b.reporters) == ("人民日报", ["高明", "赵亮"])


def test_chinese_numeral_dateline_date():
    bm = match_dateline("本报济南五月二十日电记者韩冰报道：会议今天召开")
    assert bm.byline.place == "济南" and bm.date_text == "五月二十日"
    assert dates.resolve_expression(bm.date_text, dates.parse_iso("1998-12-31")) == "1998-05-20"
    assert dates.resolve_expression("十一月三日", dates.parse_iso("1998-12-31")) == "1998-11-03"


def test_province_before_the_city_of_a_dateline():
    assert match_dateline("本报湖南岳阳1月5日电（记者王强）").byline.place == "岳阳"
    assert match_dateline("本报吉林1月5日电（记者王强）").byline.place == "吉林"


def test_reported_by_and_filed_from_leads():
    bm = match_filed_from("特约记者 吴刚 报道  周末的比赛")
    assert bm.byline.reporters == ["吴刚"] and "特约记者 吴刚 报道  周末的比赛"[bm.end:] == "周末的比赛"
    assert match_filed_from("某经记者孙丽发自杭州").byline.reporters == ["孙丽"]
    assert match_filed_from("记者王明曾报道过此事") is None
    assert match_filed_from("体记者王建国报道：会议") is None  # (a word cut at a line end)


def test_reported_by_credit_line_with_places():
    assert parse_closing_credit("本报记者钱磊杭州报道") == (["钱磊"], [])
    assert parse_closing_credit("本报记者 周金华 上海报道") == (["周金华"], [])  # (金华 stays in the name)
    assert parse_closing_credit("记者邓伟光郑丽红南京、合肥报道") == (["邓伟光", "郑丽红"], [])


def test_names_glued_together_or_to_the_next_role():
    assert parse_credit("记者吴志成通讯员徐丽")[:2] == (["吴志成"], ["徐丽"])
    assert split_names("何建国孟丽华") == ["何建国", "孟丽华"]
    assert split_names("我只是问一下") == []


def test_text_credits_closed_by_wen_or_wen_she():
    assert parse_closing_credit("理财日报实习记者王小燕/文") == (["王小燕"], [])
    assert parse_closing_credit("本报记者杨建明文/摄") == (["杨建明"], [])
    assert parse_closing_credit("新华社记者 李响摄") == ([], [])


def test_dateline_of_an_unlisted_outlet_needs_a_credit_after_it():
    b = match_dateline("晚报讯（记者 钱芳 通讯员 孙亮）昨天上午").byline
    assert (b.dateline, b.outlet, b.reporters, b.correspondents) == ("晚报讯", "晚报", ["钱芳"], ["孙亮"])
    b = match_dateline("徐州网3月4日讯（记者刘伟）").byline
    assert (b.outlet, b.reporters) == ("徐州网", ["刘伟"])
    b = match_dateline("搜狐财经讯（编辑 王宁）本周").byline
    assert (b.dateline, b.outlet, b.reporters) == ("搜狐财经讯", "搜狐财经", [])  # (an editor: no reporter)
    assert match_dateline("群众来信反映电话难打") is None
    assert match_dateline("徐州网讯，本周") is None


def test_the_shapes_on_a_page():
    from zhnews.extraction import extract_text

    body = ("国务院有关部门近日召开会议，研究部署今年春季农业生产工作，要求各地抓好种子、化肥等农资供应，"
            "确保春耕生产顺利进行。会议强调，要压实责任，做好技术指导服务。")
    more = "与会代表表示，将认真落实会议部署，确保各项措施落到实处，为全年粮食丰收打好基础。"

    def page(*lines):
        [a] = extract_text("\n\n" + "\n\n".join(lines) + "\n", name="page.txt", date="2026-01-28").to_dict()["articles"]
        assert a["text"].startswith("国务院有关部门") and a["text"].endswith("打好基础。")
        return a["byline"]

    head = "春季农业生产工作部署会召开"
    assert page(head, "本报北京5月12日讯记者高原报道：" + body, more)["reporters"] == ["高原"]
    assert page(head, "本报记者 周金华 上海报道", body, more)["reporters"] == ["周金华"]
    assert page(head, "特约记者 吴刚 报道  " + body, more)["reporters"] == ["吴刚"]
    b = page(head, "晚报讯（记者 钱芳 通讯员 孙亮）" + body, more)
    assert (b["outlet"], b["reporters"], b["correspondents"]) == ("晚报", ["钱芳"], ["孙亮"])
    assert page(head, body, more, "理财日报记者王小燕/文")["reporters"] == ["王小燕"]
    assert page(head, "本报湖北赤壁1月26日电  （记者郑明）" + body, more)["place"] == "赤壁"


def test_a_foreign_city_starting_with_a_country_s_name_is_kept():
    assert match_dateline("本报巴西利亚5月5日电（记者王强）").byline.place == "巴西利亚"


def test_outlet_in_book_title_marks():
    assert parse_credit("《经济参考报》记者 王强") == (["王强"], [], "经济参考报")
    assert parse_closing_credit("本报记者赵启明《时代潮》杂志记者孙平") == (["赵启明", "孙平"], [])
