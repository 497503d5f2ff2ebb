"""A line opening with a verb of saying and its comma, with no subject or one
character of one ("说，过去村里……"), continues the line above: the column cut
the speaker's name from its verb (layout._speech_tail)."""

from zhnews import layout

PAGE = "\n\n".join([
    "",
    "和中国专家一起在桑给巴尔“灭螺”",
    "新华社桑给巴尔1月3日电 在中国专家的帮助下，桑给巴尔奔巴岛的血吸虫病感染率大幅下降。",
    "53岁的村长哈吉·马凯梅·奥马尔",
    "说，过去村里不少人会无缘无故地便血，现在这样的情况很少见了。",
    "",
])


def test_the_name_runs_on_into_the_verb_of_saying():
    import zhnews

    (article,) = zhnews.extract(PAGE).articles
    assert "53岁的村长哈吉·马凯梅·奥马尔说，过去村里" in article.text
    assert article.headline == "和中国专家一起在桑给巴尔“灭螺”"


def test_a_subject_before_the_verb_opens_a_paragraph():
    assert layout._speech_tail("亮介绍，5年来我国重点行业")
    assert not layout._speech_tail("他说，过去村里不少人")
    assert not layout._speech_tail("据介绍，该线路目前")
    assert not layout._speech_tail("说明书上写着")
