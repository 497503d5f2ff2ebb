"""Bylines a column end cut in two (issue 13): the page reading mends them and keeps
them out of the body; and role words and outlets of credits. Pages are invented,
laid out as printed pages are (a unit a line, blank lines between)."""

from __future__ import annotations

from zhnews.byline import credit_outlet, parse_closing_credit
from zhnews.extraction import extract_text

BODY = ("国务院有关部门近日召开会议，研究部署今年春季农业生产工作，要求各地抓好种子、化肥等农资供应，"
        "确保春耕生产顺利进行。会议强调，要压实责任，做好技术指导服务。")
MORE = "与会代表表示，将认真落实会议部署，确保各项措施落到实处，为全年粮食丰收打好基础。"


def _page(*lines: str) -> dict:
    page = extract_text("\n\n" + "\n\n".join(lines) + "\n", name="page.txt", date="2026-01-28")
    [article] = page.to_dict()["articles"]
    return article


def test_dateline_cut_inside_is_read_and_left_out_of_the_body():
    a = _page("春季农业生产工作部署会召开", "新华社北京1月27日", "电（记者 周明远）" + BODY, MORE)
    b = a["byline"]
    assert (b["dateline"], b["place"], b["outlet"], b["reporters"]) == ("新华社北京1月27日电", "北京", "新华社", ["周明远"])
    assert a["date"] == "2026-01-27"
    assert a["text"].startswith("国务院有关部门近日")


def test_dateline_piece_read_as_a_heading_is_the_dateline():
    a = _page("春季农业生产工作部署会召开", "新华社伊斯坦布尔1月2", "日电（记者刘洪涛）" + BODY, MORE)
    assert a["headline"] == "春季农业生产工作部署会召开"
    assert a["byline"]["dateline"] == "新华社伊斯坦布尔1月2日电"
    assert a["byline"]["reporters"] == ["刘洪涛"]
    assert a["text"].startswith("国务院有关部门近日")


def test_credit_on_the_line_after_its_dateline():
    a = _page("春季农业生产工作部署会召开", "本报南京1月27日电", "  （记者白立新）" + BODY, MORE)
    assert a["byline"]["dateline"] == "本报南京1月27日电"
    assert a["byline"]["reporters"] == ["白立新"]
    assert a["text"].startswith("国务院有关部门近日")


def test_credit_before_reported_by_cut_after_its_dateline():
    a = _page("春季农业生产工作部署会召开", "本报和田1月27日讯 全媒", "体记者王建国报道：" + BODY, MORE)
    assert a["byline"]["reporters"] == ["王建国"]
    assert a["text"].startswith("国务院有关部门近日")


def test_closing_credit_cut_inside_is_a_credit():
    a = _page("春季农业生产工作部署会召开", BODY, MORE,
              "（本报北京、开罗、曼谷1月27日电  记者张海平、李", "文涛、刘小兰）")
    assert a["byline"]["reporters"] == ["张海平", "李文涛", "刘小兰"]
    assert a["text"].endswith("打好基础。")


def test_credit_glued_to_the_last_sentence_and_cut_is_a_credit():
    a = _page("春季农业生产工作部署会召开", BODY, MORE[:-1] + "。（本报记者 周", "海涛）")
    assert a["byline"]["reporters"] == ["周海涛"]
    assert a["text"].endswith("打好基础。")


def test_paragraph_that_only_looks_cut_stays_in_the_body():
    # a paragraph the layout joined across a cut, with no dateline in it, is body text
    a = _page("春季农业生产工作部署会召开", "本报讯 会议指出，今年", "以来各地" + BODY, MORE)
    assert a["byline"]["reporters"] == []
    assert "今年以来各地" in a["text"]


def test_chief_and_special_correspondent_roles():
    assert parse_closing_credit("首席记者  潘海峰") == (["潘海峰"], [])
    assert parse_closing_credit("本报特派记者 刘明") == (["刘明"], [])


def test_source_note_names_the_wire_as_outlet():
    assert credit_outlet("（新华社桑给巴尔1月3日电 记者华明、林立）") == "新华社"
    assert credit_outlet("（新华社北京1月2日电 新华社记者）") == "新华社"
    # 本报 is the paper of the page, not an outlet the note names
    assert credit_outlet("（本报北京1月2日电 记者华明）") is None


def test_reprint_closed_by_a_wire_source_note_is_the_wires():
    a = _page("春季农业生产工作部署会召开", BODY, MORE, "（新华社北京1月27日电 记者华明、林立）")
    assert a["byline"]["outlet"] == "新华社"
    assert a["byline"]["reporters"] == ["华明", "林立"]


def test_filed_from_lead_cut_inside_is_read():
    a = _page("春季农业生产工作部署会召开", "中国妇女报・中国妇女网记者田海兰 发", "自贵阳 1月25日至27日，" + BODY, MORE)
    assert a["byline"]["reporters"] == ["田海兰"]
    assert a["byline"]["outlet"] == "中国妇女报"
    assert a["text"].startswith("1月25日至27日，")


def test_author_note_reads_every_part_that_names_a_role():
    from zhnews.byline import parse_author_note

    assert parse_author_note("（本报记者王建国、李文涛，通讯员赵小川参与采写）") == (["王建国", "李文涛"], ["赵小川"])
    assert parse_author_note("（本报开罗、曼谷1月26日电  记者张海平、刘小兰，实习生周明对本文亦有贡献）") == (
        ["张海平", "刘小兰", "周明"], [])


def test_bracketed_credit_with_outlet_glued_to_the_last_sentence():
    a = _page("春季农业生产工作部署会召开", BODY, MORE[:-1] + "。（湖北日报全媒记者 程海兰）")
    assert a["byline"]["reporters"] == ["程海兰"]
    assert a["byline"]["outlet"] == "湖北日报"
    assert a["text"].endswith("打好基础。")


def test_photographer_after_a_caption_sentence_is_no_credit():
    from zhnews.byline import TRAILING_CREDIT_RE

    assert TRAILING_CREDIT_RE.search("这是1月5日拍摄的白宫。新华社记者胡海松摄") is None


def test_role_word_cut_off_in_running_text_is_no_credit():
    assert parse_closing_credit("记者日前从北") is None
    a = _page("春季农业生产工作部署会召开", "本报北京1月27日电  （记者王海平）记者日前从北",
              "京市农业农村局了解到：" + BODY, MORE)
    assert a["byline"]["reporters"] == ["王海平"]
    assert "记者日前从北京市农业农村局了解到" in a["text"]


def test_transliterated_name_in_a_cut_closing_credit_passes():
    a = _page("春季农业生产工作部署会召开", BODY, MORE, "（本报记者 迪丽·买买提 李", "明华）")
    assert a["byline"]["reporters"] == ["迪丽·买买提", "李明华"]
