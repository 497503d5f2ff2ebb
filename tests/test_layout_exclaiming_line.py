"""A line ending in ！ or ？ ends a run of heading lines (layout._exclaims): a
transcript's last sentence must not take the next article's headline into a
section heading."""

from zhnews import layout

PAGE = "\n\n".join([
    "",
    "2019年12月24日外交部发言人耿爽主持例行记者会",
    "问：据报道，中日韩领导人会议今天在成都举行。中方对会议成果有何评价？",
    "答：这次会议是在中日韩合作20周年之际举行的，三国领导人就深化合作达成了广泛共识。",
    "问：新年即将到来，你对各位记者有什么想说的？",
    "答：借此机会，也对大家长期以来对中国外交的关注和报道表示感谢。",
    "祝大家节日快乐！",
    "2020年1月20日外交部发言人耿爽主持例行记者会",
    "问：中国采取了哪些举措应对新型冠状病毒肺炎疫情？是否及如何与其他国家就此开展合作？",
    "答：疫情发生以来，中方本着严肃认真、高度负责的态度，第一时间向世界卫生组织和有关国家通报情况。",
    "",
])


def test_a_headline_under_an_exclaiming_last_line_starts_its_article():
    heads = [layout.split_heads(d.heads)[1] for d in layout.segment(PAGE)]
    assert heads == ["2019年12月24日外交部发言人耿爽主持例行记者会", "2020年1月20日外交部发言人耿爽主持例行记者会"]


def test_the_exclaiming_line_stays_in_the_article_above():
    first = layout.segment(PAGE)[0]
    assert "祝大家节日快乐！" in [p[0].text for p in first.paragraphs]


def test_an_exclaiming_headline_still_takes_its_kicker():
    page = "\n\n".join(["", "世博方舱医院今天起分批送走符合条件的出院者", "“我战胜了病毒！ 我要出院了！”",
                        "本报讯 今天上午，世博方舱医院首批符合条件的出院者走出医院，医护人员一一送别。", ""])
    kicker, headline, _ = layout.split_heads(layout.segment(page)[0].heads)
    assert kicker == "世博方舱医院今天起分批送走符合条件的出院者"
    assert headline == "“我战胜了病毒！ 我要出院了！”"
