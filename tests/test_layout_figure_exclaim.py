"""A headline may open with a figure and an exclamation mark ("近7亿！……"): the ！
ends no sentence there (layout.FIGURE_EXCLAIM_RE)."""

from zhnews import layout


def test_a_figure_exclamation_opens_a_headline():
    assert layout._heading_text("新华社权威快报丨近7亿！2025年出入境人次创历史新高")
    assert layout._heading_text("841.3万份！2025年全国贸促系统累计签发各类证书增长近两成", layout.MAX_LONG_HEADLINE)


def test_a_sentence_ended_inside_a_line_still_is_no_heading():
    assert not layout._heading_text("提振消费存在哪些挑战？如何")
    assert not layout._heading_text("大家好！今天的活动")


def test_the_headline_starts_its_article():
    lines = ("首个新闻标题写在这里", "本报北京1月2日电 第一篇文章的正文写在这里，讲述了一件事情。",
             "近7亿！2025年出入境人次创历史新高", "国家移民管理局近日发布数据，全年出入境人员达到近7亿人次。")
    drafts = [d for d in layout.segment("\n\n" + "\n\n".join(lines) + "\n") if d.heads]
    assert [layout.split_heads(d.heads)[1] for d in drafts] == ["首个新闻标题写在这里", "近7亿！2025年出入境人次创历史新高"]
