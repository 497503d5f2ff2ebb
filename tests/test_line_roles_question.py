"""Issue 13: a question or exclamation typeset as a headline (`question_plain`), not a question put inside an article."""

from zhnews import layout, line_roles, line_roles_train


def _question_plain(text: str) -> float:
    units = layout.tokenize(text)
    seen = []

    def decide(i, x, rule_new):
        seen.append((units[i].text, x[line_roles.FEATURES.index("question_plain")]))
        return False

    layout.segment(text, decide=decide)
    return dict(seen)


def test_question_headline_after_an_article():
    text = ("\n\n立足新起点 推进立法工作\n\n党的十九届五中全会对立法工作作出部署，这是一段很长的正文，说明立法工作的意义和要求。\n\n"
            "如何理解“提高社会文明程度”？\n\n党的十九届五中全会审议通过的建议专门用一个部分对文化建设进行部署。\n")
    assert _question_plain(text).get("如何理解“提高社会文明程度”？") == 1.0


def test_question_in_a_transcript_is_not_plain():
    text = ("\n\n外交部发言人主持例行记者会\n\n问：中方对此有何评论？\n\n答：我们注意到有关报道，中方的立场是一贯的、明确的。\n\n"
            "这样的美国，能和中国相提并论吗？\n\n美方一些人在这个问题上的言论毫无根据，我们坚决反对。\n")
    assert _question_plain(text)["这样的美国，能和中国相提并论吗？"] == 0.0


def test_question_pages_hold_question_headlines_only():
    records = [{"source": "s", "title": t, "paragraphs": ["正文一段。"]} for t in ("甲乙丙丁戊？", "甲", "乙", "丙")]
    import random
    pages = list(line_roles_train.question_pages(records, random.Random(1)))
    assert len(pages) == line_roles_train.QUESTION_PAGES
    assert all(any(r["title"] == "甲乙丙丁戊？" for r in p[1:]) for p in pages)
