"""A page's outlet from a masthead line at its top (SPEC.md: the paper, if known from --outlet,
本报 + byline, or the page text), when no byline names the paper and the file name says nothing."""

from __future__ import annotations

import pytest

from zhnews.article_build import outlet_from_masthead
from zhnews.extraction import extract_text

BODY = ("\n\n测试新闻标题一则\n\n本报北京1月28日电  （记者张三）1月28日，国务院新闻办举行发布会，介绍有关情况。\n\n"
        "第二条新闻标题\n\n本报讯（记者 李四）1月28日，市委召开会议，研究部署有关工作。\n")


@pytest.mark.parametrize("line, paper", [
    ("人民日报", "人民日报"),
    ("光明日报  2026年1月29日  第5版", "光明日报"),
    ("2026年1月29日 人民日报 第04版：要闻", "人民日报"),
    ("新民晚报 第A3版", "新民晚报"),
    ("《中国青年报》", "中国青年报"),
    ("人民日报社论", None),          # a headline
    ("光明日报评论员文章", None),
    ("一份特殊的捷报", None),        # 报 alone ends words, not only papers
    ("习近平在人民日报", None),
])
def test_masthead_line(line, paper):
    assert outlet_from_masthead(line + "\n") == paper


def test_masthead_names_the_page_and_its_own_bylines():
    page = extract_text("光明日报  2026年1月29日  第5版\n" + BODY, name="page.txt").to_dict()
    assert page["outlet"] == "光明日报"
    assert [a["byline"]["outlet"] for a in page["articles"]] == ["光明日报", "光明日报"]
    # without one, nothing on this page names the paper
    assert extract_text(BODY, name="page.txt").to_dict()["outlet"] is None
