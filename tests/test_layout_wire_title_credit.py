"""A credit under a wire's own headline line ("新华社北京1月28日电 题：……" /
"新华社记者魏弘毅"), with the page's headline above the dateline, opens the
article like a credit under a headline: it does not close it."""

from zhnews import layout

PAGE = "\n\n".join([
    "",
    "为“十五五”美丽中国建设开好局起好步——生态环境部解读新一年生态环境保护工作发力点",
    "新华社北京1月28日电 题：为“十五五”美丽中国建设开好局起好步——生态环境部解读新一年生态环境保护工作发力点",
    "新华社记者魏弘毅",
    "“十五五”规划建议提出，美丽中国建设取得新的重大进展。生态环境部1月28日举行新闻发布会，介绍相关情况。",
    "",
])


def test_the_credit_does_not_close_the_article():
    (draft,) = layout.segment(PAGE)
    assert draft.credit_texts == ["新华社记者魏弘毅"]
    assert not draft.closed


def test_a_credit_after_the_body_still_closes_it():
    (draft,) = layout.segment(PAGE + "（记者魏弘毅）\n")
    assert draft.closed
