"""A heading whose paragraphs go on with the current article's recurring words
(`topic_below`) reads as the article's section; a new article's lead brings
other words (issue 13: 长三角一家人 / 家人般的温暖 split into two articles)."""

from zhnews import layout, line_roles

HEAD = "长三角一家人"
LEAD = ("安徽涡阳的务工人员来到上海，上海的社区把涡阳务工人员当作一家人。涡阳务工人员在上海安了家，"
        "上海社区为涡阳务工人员办起了夜校，涡阳老乡说上海社区的温暖像家一样。")


def feature_at(below: str) -> float:
    text = "\n\n".join(["", HEAD, LEAD, "家人般的温暖", below, ""])
    units = layout.tokenize(text)
    seen = {}

    def decide(i, x, rule_new):
        seen[units[i].text] = x[line_roles.FEATURES.index("topic_below")]
        return False

    layout.segment(text, decide=decide)
    return seen["家人般的温暖"]


def test_a_section_goes_on_with_the_articles_recurring_words():
    assert feature_at("涡阳距离上海超过600公里，上海社区为涡阳务工人员送去年货。") > 0.2


def test_a_new_articles_lead_brings_other_words():
    assert feature_at("国家统计局今天发布数据，全国规模以上工业增加值同比增长。") == 0.0


def test_topic_words_are_the_recurring_pairs():
    words = line_roles._topic_words("上海上海涡阳涡阳一次")
    assert {"上海", "涡阳"} <= words and "一次" not in words
