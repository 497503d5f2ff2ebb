"""Speaker forms read on the dev half of benchmarks/statements_recall.py (unseen
articles annotated by hand); each case is written in the style of the copy."""

import pytest

import zhnews


def _said(body: str) -> list[tuple[str | None, str, str]]:
    """(kind, speaker, first characters) of each statement of a one-article page."""
    (a,) = zhnews.extract("标题\n\n本报讯 " + body + "\n").articles
    return [(s.kind, s.speaker, s.text[:4]) for s in a.statements]


@pytest.mark.parametrize(
    "body, expected",
    [
        # the person opening the sentence is the subject of its later "，表示", the others
        # it names are objects
        ("1月29日，刘海星访问越南。刘海星向苏林转交习近平总书记的贺信，表示中方愿同越方认真落实好两党最高领导人重要共识。",
         [("said", "刘海星", "中方愿同")]),
        # ...not when the opener shares the subject with another ("X和Y……")
        ("1月29日，王强访问越南。王强和李明向苏林转交习近平总书记的贺信，表示中方愿同越方认真落实好两党最高领导人重要共识。",
         []),
        # a pronoun speaking to the reporter ("他对我说：“…”") is the person it stands for
        ("在海岸村，我遇到村民王大海时，他肩扛一把长长的鱼枪。他对我说：“运气好的时候我一次能捕10只，不过储存是个麻烦事儿。”",
         [("quote", "王大海", "运气好的")]),
        # "告诉我，" introduces speech as "告诉记者，" does
        ("一天，学生李海挺告诉我，他家向阳坡的泥土里，大片的水仙开花了，比水培的更香。",
         [("said", "李海挺", "他家向阳")]),
        # a quote before the opinion frame 在X看来 is X's
        ("圣普太阳能资源非常丰富。“对偏远山林地区来说，架设电网成本过高，离网光伏是最经济可行的选择。”在基础设施部工程师王建国看来，小巧的太阳能板有很大的价值。",
         [("quote", "王建国", "对偏远山")]),
        # a document's words quoted inside someone's speech are not their quote
        ("郭嘉昆说，需要提醒日方的是，1972年《中日联合声明》明确，“日本国政府承认中华人民共和国政府是中国的唯一合法政府”，"
         "“中华人民共和国政府重申：台湾是中华人民共和国领土不可分割的一部分。”",
         [("said", "郭嘉昆", "需要提醒")]),
    ],
)
def test_speakers_in_recall_set_forms(body, expected):
    assert _said(body) == expected
