"""An author's line under a theory headline ("原 倩 中国宏观经济研究院副研究员": a name, a
space, an institution ending with a title) is no heading (layout.author_line): the
headline above it stays the headline, not the kicker of an author read as one."""

from zhnews import layout
from zhnews.extraction import extract_text

BODY = ("中美建交40多年来，在双方共同努力下，两国关系持续发展，成为世界上最重要的双边关系之一。"
        "近来两国关系面临新的困难和挑战。")


def test_author_lines_under_a_headline_are_no_headings():
    text = "\n\n".join(("", "经济学视野下的人工智能与就业", "原 倩 中国宏观经济研究院副研究员",
                        "黄泽清 中国人民大学马克思主义学院讲师", BODY, ""))
    arts = extract_text(text).to_dict()["articles"]
    assert [(a["kicker"], a["headline"], a["subheadline"]) for a in arts] == [(None, "经济学视野下的人工智能与就业", None)]


def test_an_author_line_names_a_person_an_institution_and_a_title():
    assert layout.author_line("骆 桢 四川大学经济学院副教授")
    assert layout.author_line("黄宝竹 中国人民大学经济学院博士研究生")


def test_a_spaced_headline_naming_no_institution_is_no_author_line():
    assert not layout.author_line("李强 会见越南总理")
    assert not layout.author_line("经济学视野下的人工智能与就业")
