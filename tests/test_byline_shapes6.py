"""Credit shapes of set 6 (benchmarks/bylines_dev.py): 专电 datelines, credits behind a ⊙ bullet,
本刊记者, a writer's 文 glued to a name, names glued to their role and to each other at a credit
line's end, and "X记者 Y报道" with the body glued after 报道, as a PDF's text layer leaves them.
The lines are invented in the shapes the corpora print."""

from __future__ import annotations

from zhnews.byline import match_dateline, match_filed_from, parse_author_note, parse_closing_credit


def test_special_dispatch_dateline():
    b = match_dateline("新华社华盛顿3月4日专电（记者林立）美国国会当天").byline
    assert (b.dateline, b.place, b.outlet, b.reporters) == ("新华社华盛顿3月4日专电", "华盛顿", "新华社", ["林立"])
    # without a date 专电 is not read: "本报专电话…" is running text (电话)
    assert match_dateline("本报专电话费标准") is None


def test_credit_lines_behind_a_bullet_and_of_a_magazine():
    assert parse_closing_credit("⊙本报记者王有为") == (["王有为"], [])
    assert parse_closing_credit("文/本刊记者张丽娜") == (["张丽娜"], [])
    assert match_filed_from("◆每经记者李明发自上海").byline.reporters == ["李明"]


def test_a_writer_s_wen_glued_to_a_three_character_name():
    assert parse_closing_credit("深圳特区报记者赵新民文") == (["赵新民"], [])
    # a four-character name with a compound surname keeps its 文
    assert parse_closing_credit("记者欧阳明文") == (["欧阳明文"], [])


def test_names_glued_to_the_role_and_each_other():
    assert parse_closing_credit("□本报记者康明沈汝杰") == (["康明", "沈汝杰"], [])
    # a run that does not split into surnamed names, and a note closed by a credit verb, are not
    assert parse_closing_credit("记者走进西北大学校史") is None
    assert parse_closing_credit("（本报记者王洲参与采写）") is None
    assert parse_author_note("（本报记者王洲参与采写）") == (["王洲"], [])


def test_reported_by_with_the_body_glued_after_it():
    b = match_filed_from("体坛网记者陆明报道本周一下午，").byline
    assert (b.outlet, b.reporters) == ("体坛网", ["陆明"])
    assert match_filed_from("特约记者田伟报道上周末竞猜").byline.reporters == ["田伟"]
    # running text: a bare 记者, or 报道 going on as a verb
    assert match_filed_from("记者李明报道这一事件的经过") is None
    assert match_filed_from("本报记者王明报道过此事") is None
