"""After a dateline a heading starts a new article unless the paragraphs below
it go on with the current headline's words, or the article already has a
section heading: then the heading may be a section of a long dated feature and
the article-start model decides (layout.SAME_STORY_SHARE)."""

from zhnews import layout, line_roles

FEATURE = [
    "",
    "上海虹桥站恢复开行部分列车 企业复工带动客流回升",
    "本报讯 记者从铁路部门获悉，上海虹桥站今天起恢复开行部分列车，首日发送旅客约一万人次。",
    "企业发展需求为列车“添动力”",
    "随着企业陆续复工，虹桥站开行的列车客流逐步回升，企业员工返岗成为客流主力。铁路部门根据企业需求增开列车，列车上座率稳步提高。",
    "列车服务能级不断拓展",
    "铁路部门还推出了定制化服务，为复工企业的员工提供团体购票和专门候车区，列车乘务组全程做好服务保障。",
]


def _heads(page):
    return [layout.split_heads(d.heads)[1] for d in layout.segment(page) if d.heads]


def test_a_heading_over_the_same_story_is_a_section_of_the_dated_article():
    page = "\n\n".join(FEATURE + [""])
    assert _heads(page) == ["上海虹桥站恢复开行部分列车 企业复工带动客流回升"]


def test_the_share_reads_the_current_headline_below_the_heading():
    units = layout.tokenize("\n\n".join(FEATURE + [""]))
    cur = layout.Draft(heads=[units[0]])
    assert line_roles.same_story_below(units, 3, cur) >= layout.SAME_STORY_SHARE


def test_an_unrelated_headline_after_a_dated_brief_still_starts_an_article():
    page = "\n\n".join([
        "", "全国查处违反中央八项规定精神问题290752起",
        "本报北京1月28日电 中央纪委国家监委网站今天公布，2025年全国共查处违反中央八项规定精神问题290752起。",
        "重庆酉阳：诚邀八方来客 共迎春暖花开",
        "春节将至，重庆酉阳土家族苗族自治县推出了一系列文化旅游活动，吸引各地游客前来体验民俗。", ""])
    assert _heads(page) == ["全国查处违反中央八项规定精神问题290752起", "重庆酉阳：诚邀八方来客 共迎春暖花开"]
