"""Joins issue 13 added: a line opening with a closing quote, comma or stop goes
on from the line above even after a full stop ("……共建诊所。" / "”雄安新区……"),
and a line ending with a title runs on into a line opening with a name and a
verb of saying ("……科科长" / "陆宇鹏介绍，……", layout._titled_name_tail)."""

import zhnews
from zhnews import layout

HEAD = "雄安新区建起共享诊所"
LEAD = "本报雄安1月28日电（记者张三）新区卫生部门近日联合多家医院，在中关村科技园设立共享诊所。"


def _page(*lines: str, blank: bool = True) -> str:
    sep = "\n\n" if blank else "\n"
    return sep.join(["", HEAD, LEAD, *lines, ""])


def test_a_line_opening_with_a_closing_quote_goes_on_after_a_full_stop():
    for blank in (True, False):
        (article,) = zhnews.extract(_page("“我们计划在这里共建诊所。", "”雄安新区中关村科技园负责人说。", blank=blank)).articles
        assert "共建诊所。”雄安新区" in article.text.replace("\n", "|")


def test_a_full_stop_before_an_ordinary_line_still_ends_the_paragraph():
    (article,) = zhnews.extract(_page("“我们计划在这里共建诊所。", "雄安新区中关村科技园负责人说。")).articles
    assert "共建诊所。”" not in article.text
    assert "共建诊所。\n雄安新区" in article.text


def test_a_title_runs_on_into_the_name_and_its_verb_of_saying():
    (article,) = zhnews.extract(_page("咸宁市城管执法委市容环卫科科长", "陆宇鹏介绍，为确保建筑垃圾及时清运，小区设置了堆放池。")).articles
    assert "环卫科科长陆宇鹏介绍，" in article.text


def test_titled_name_tail():
    assert layout._titled_name_tail("中国邮政储蓄银行研究员", "娄飞鹏表示，银行净息差")
    assert layout._titled_name_tail("中国科学院院士、北京大学教授", "马丁认为，本次评选")
    assert not layout._titled_name_tail("中国邮政储蓄银行研究员", "他表示，银行净息差")  # no name
    assert not layout._titled_name_tail("中国邮政储蓄银行", "娄飞鹏表示，银行净息差")  # no title
    assert not layout._titled_name_tail("中国邮政储蓄银行研究员", "娄飞鹏在会上谈到")  # no verb and comma


def test_a_line_that_is_one_quotation_heads_the_paragraph_below():
    page = _page("“中国的成功是有充分理由的”", "2025年，中国经济总量再上新台阶。")
    (article,) = zhnews.extract(page).articles
    assert "理由的”2025年" not in article.text
    # a short name in quotes opening a paragraph ("“一带一路”建设……") is no such line
    assert layout.QUOTED_LINE_RE.match("“中国的成功是有充分理由的”")
    assert not layout.QUOTED_LINE_RE.match("“一带一路”")
    assert not layout.QUOTED_LINE_RE.match("“我们计划在这里共建诊所。”")


def test_a_line_opening_with_a_middle_dot_goes_on_with_the_name_above():
    page = _page("会议还研究了其他事项。", "雪克来提·扎克尔、肖开提·依明、努尔兰",
                 "·阿不都满金、李鹏新、艾尔肯·吐尼亚孜等参加会议。")
    (article,) = zhnews.extract(page).articles
    assert "努尔兰·阿不都满金" in article.text


def test_a_line_ending_with_a_middle_dot_goes_on():
    page = _page("会议还研究了其他事项。", "雪克来提・扎克尔、肖开提・", "依明等参加会议。")
    (article,) = zhnews.extract(page).articles
    assert "肖开提・依明等参加会议" in article.text
