"""A heading typeset like the current article's headline and sharing most of its
words both ways is the next article of a series (line_roles.series_headline):
the next year's 政府工作报告, the next 外交部 transcript. A line ending in an
ellipsis typed as ASCII full stops ends a sentence."""

from zhnews import layout, line_roles

REPORTS = "\n\n".join([
    "",
    "2021年中华人民共和国国务院政府工作报告",
    "各位代表：现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。",
    "过去一年是新中国历史上极不平凡的一年。面对严峻复杂的国际形势、艰巨繁重的国内改革发展稳定任务，"
    "我们统筹推进各项工作，经济社会发展主要目标任务较好完成。",
    "加强高标准市场体系建设，推进财税金融体制改革，深化预算绩效管理改革。",
    "2023年中华人民共和国国务院政府工作报告",
    "过去五年极不寻常、极不平凡。我们经受了世界变局加快演变、新冠疫情冲击、国内经济下行等多重考验，"
    "如期打赢脱贫攻坚战，如期全面建成小康社会。",
    "一年来，我们坚持稳中求进工作总基调，着力稳增长稳就业稳物价，保持经济运行在合理区间。",
    "",
])


def heads(page: str) -> list[str]:
    return [layout.split_heads(d.heads)[1] for d in layout.segment(page)]


def test_the_next_report_of_a_series_starts_an_article():
    assert heads(REPORTS) == ["2021年中华人民共和国国务院政府工作报告", "2023年中华人民共和国国务院政府工作报告"]


def test_series_share_needs_the_headline_shape_and_words():
    cur = layout.segment(REPORTS)[0]
    assert line_roles.series_headline("2022年中华人民共和国国务院政府工作报告", cur) >= layout.SERIES_HEADLINE_SHARE
    # a column-cut lead that takes the headline's words but not its shape is none
    assert line_roles.series_headline("2021年，国务院政府工作报告中共办理", cur) == 0.0
    # a section heading with a few of the article's words is none either
    assert line_roles.series_headline("深化国务院机构改革", cur) < layout.SERIES_HEADLINE_SHARE


def test_ascii_ellipsis_ends_a_sentence():
    assert layout.ends_sentence("才能成为作者心目中的那个做嫁衣的人......")
    assert not layout.ends_sentence("增长2.")


def test_a_headline_under_an_ascii_ellipsis_starts_its_article():
    page = "\n\n".join([
        "",
        "做嫁衣的人",
        "又到清明时节，我照例会想起一些仙逝的朋友，鲁秀珍老师就是其中一位。她原是一位为人做嫁衣的编辑，常年在哈尔滨工作。",
        "听完她讲的故事后，我终于明白了，一名编辑究竟应该怎样做，才能成为作者心目中的那个做嫁衣的人......",
        "周冠宇接受专访谈F1“初体验”",
        "没料到小目标第一站就完成了",
        "结束巴林和沙特两站大奖赛后，创下中国赛车多项历史纪录的上海小伙周冠宇，昨晚通过合作伙伴的平台接受了专访。",
        "",
    ])
    # the heading run under the ellipsis is put to the article-start decision at all
    # (before, the line above read as an unfinished sentence and no run was formed)
    asked = []
    drafts = layout.segment(page, decide=lambda i, x, rule_new: asked.append(i) or True)
    assert asked == [3]
    assert [[u.text for u in d.heads] for d in drafts] == [["做嫁衣的人"], ["周冠宇接受专访谈F1“初体验”", "没料到小目标第一站就完成了"]]


def test_a_column_cut_sentence_opening_is_no_heading():
    # a line that opens a sentence with 随着 / 据, or ends on the 等 closing a list, is the
    # first piece of a column-cut paragraph, not a heading (no title of the corpora does either)
    assert not layout._heading_text("随着城市负荷密度加大、分布式新能源接入、电动汽车充电")
    assert not layout._heading_text("据美国媒体披露的事故调查报告内容")
    assert not layout._heading_text("分布式新能源接入、电动汽车充电、储能调节等")
    assert layout._heading_text("电网调度迎来“智能搭档”")


def test_the_same_bracketed_column_rubric_starts_the_next_article_of_the_column():
    page = "\n\n".join([
        "",
        "【“十四五”新词典】“全面促进消费”",
        "党的十九届五中全会提出，全面促进消费。消费是最终需求，是畅通国内大循环的关键环节和重要引擎，对经济具有持久拉动力。",
        "全面促进消费，要顺应消费升级趋势，提升传统消费，培育新型消费，适当增加公共消费。",
        "【“十四五”新词典】“开展绿色生活创建活动”",
        "绿色生活创建活动是推动形成绿色生产生活方式的重要举措，涉及节约型机关、绿色家庭、绿色学校、绿色社区等多个方面。",
        "",
    ])
    assert heads(page) == ["【“十四五”新词典】“全面促进消费”", "【“十四五”新词典】“开展绿色生活创建活动”"]
    cur = layout.segment(page)[0]
    assert line_roles.series_headline("【“十四五”新词典】“建设更高水平的平安中国”", cur) == 1.0
    assert line_roles.series_headline("【延伸阅读】相关政策", cur) < layout.SERIES_HEADLINE_SHARE
