"""A source note closing a reprinted article with a credit that names no one
("（新华社北京1月2日电 新华社记者）") closes the article like one without it."""

from zhnews import layout

PAGE = "\n\n".join([
    "",
    "强化阵地意识 讲好强军故事",
    "新时代强国强军事业蓬勃发展，军队新闻舆论工作者深感责任重大，纷纷表示要守正创新，讲好强军故事。",
    "大家表示，要坚持正确政治方向，不断提高新闻舆论工作能力水平，为强军事业提供有力舆论支持。",
    "（新华社北京1月2日电 新华社记者）",
    "云南蒙自：走，甩米线克！",
    "“云南十八怪，过桥米线人人爱。”从清晨到深夜，蒙自街头的米线馆里总是坐满了食客。",
    "一碗米线，配料多达十几种，汤头滚烫，肉片一拨便熟，吃的是味道，也是一方水土的记忆。",
    "",
])


def test_the_note_is_a_credit_line():
    units = [u for u in layout.tokenize("（新华社北京1月2日电 新华社记者）")]
    assert [u.kind for u in units] == ["credit"]


def test_the_note_closes_the_article_so_the_next_headline_starts_one():
    drafts = layout.segment(PAGE)
    assert [layout.split_heads(d.heads)[1] for d in drafts] == ["强化阵地意识 讲好强军故事", "云南蒙自：走，甩米线克！"]
    assert drafts[0].closed


def test_a_bracketed_sentence_about_a_reporter_is_no_credit():
    units = layout.tokenize("（新华社记者在现场看到，救援仍在进行）")
    assert units[0].kind != "credit"
