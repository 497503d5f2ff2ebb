"""Press conferences in question/answer form (外交部例行记者会 style): one article,
each question turn with its reply one answer. The transcript below is written for
this test in the style of the 外交部 transcripts; the example page
(shared/examples/mfa-presscon-2020-04-21) is checked too."""

from __future__ import annotations

from pathlib import Path

from zhnews import lists, speech
from zhnews.model import Article, Context

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"

HEADLINE = "2024年3月12日外交部发言人毛宁主持例行记者会"
TRANSCRIPT = """总台央视记者：据报道，第二届中国—中亚峰会筹备工作正在推进。你能否介绍峰会的最新情况？
毛宁：中方愿同中亚五国一道，办好这次峰会，推动中国—中亚合作取得更多成果。
关于峰会的具体安排，我们会适时发布消息。
路透社记者：美国财政部长昨天称，美方将继续对中国企业实施出口管制。中方对此有何评论？
毛宁：我们已多次阐明在这一问题上的立场。美方泛化国家安全概念，滥用出口管制措施，中方坚决反对。
我想强调的是，中方将采取必要措施，坚决维护中国企业的正当权益。
记者：第一个问题，菲律宾方面近日宣布将在仁爱礁补给。第二个问题，中方是否会派员出席有关会议？
毛宁：关于第一个问题，中方立场是一贯的、明确的。关于第二个问题，我目前没有可以发布的消息。
《环球时报》记者：据报道，王毅外长日前表示，中方支持一切有利于和平解决危机的努力。你能否进一步介绍？
毛宁：王毅外长已经全面阐述了中方立场。中方将继续同国际社会一道，为政治解决危机发挥建设性作用。"""


def run(text: str, headline: str = HEADLINE) -> Article:
    art = Article(headline=headline, text=text)
    ctx = Context(published="2024-03-12", outlet="外交部")
    speech.annotate(art, ctx)
    lists.annotate(art, ctx)
    for st in art.statements:
        assert art.text[st.start:st.end] == st.text
        if st.topic is not None:
            assert art.text[st.topic_start:st.topic_end] == st.topic
    return art


def test_each_question_turn_with_its_reply_is_one_answer():
    art = run(TRANSCRIPT)
    answers = [s for s in art.statements if s.kind == "answer"]
    assert [(a.speaker, a.asked_by) for a in answers] == [
        ("毛宁", "中央广播电视总台"),
        ("毛宁", "路透社"),
        ("毛宁", None),           # a bare "记者：" names no outlet
        ("毛宁", "环球时报"),
    ]
    assert answers[0].topic == "据报道，第二届中国—中亚峰会筹备工作正在推进。你能否介绍峰会的最新情况？"
    # a reply runs over its paragraphs until the next question
    assert answers[0].text.endswith("我们会适时发布消息。")
    assert answers[1].text.startswith("我们已多次阐明")
    assert "我想强调的是" in answers[1].text
    assert "路透社记者" not in answers[0].text


def test_first_person_inside_answers_is_not_a_new_speaker():
    art = run(TRANSCRIPT)
    assert all(s.speaker in ("毛宁", "王毅") for s in art.statements if s.speaker)
    assert not any(s.speaker is None and s.kind == "said" for s in art.statements)


def test_named_speech_inside_a_question_is_a_said_of_its_own():
    art = run(TRANSCRIPT)
    said = [(s.speaker, s.text[:6]) for s in art.statements if s.kind == "said"]
    assert ("王毅", "中方支持一切") in said


def test_numbered_questions_are_a_list_attached_to_the_answer():
    art = run(TRANSCRIPT)
    lst = [l for l in art.lists if l.items[0].marker == "第一个问题"]
    assert len(lst) == 2  # in the question and in the reply
    for l in lst:
        assert art.statements[l.statement].kind == "answer"
        for it in l.items:
            assert art.text[it.start:it.end] == it.text


def test_wen_da_form_with_spokesperson_from_headline():
    text = ("问：近期中方在推动跨境数据流动方面有哪些新举措？\n"
            "答：今年以来，我们发布了促进和规范数据跨境流动的规定，进一步明确了申报标准。\n"
            "问：下一步有何考虑？\n"
            "答：我们将继续优化营商环境，欢迎外资企业来华投资兴业。")
    art = run(text, headline="商务部新闻发言人何亚东答记者问")
    answers = [s for s in art.statements if s.kind == "answer"]
    assert [(a.speaker, a.asked_by, a.topic) for a in answers] == [
        ("何亚东", None, "近期中方在推动跨境数据流动方面有哪些新举措？"),
        ("何亚东", None, "下一步有何考虑？"),
    ]


def test_narrative_text_with_colons_is_not_a_transcript():
    text = ("辽宁省科技厅等部门日前制定印发若干措施。\n"
            "检察办案发现：当前侵犯商标权犯罪呈现一些新趋势新特点。")
    art = run(text)
    assert [s for s in art.statements if s.kind == "answer"] == []


def test_mfa_example_page():
    import zhnews

    page = zhnews.extract(str(EXAMPLES / "mfa-presscon-2020-04-21.txt"))
    assert len(page.articles) == 1
    art = page.articles[0]
    answers = [s for s in art.statements if s.kind == "answer"]
    assert len(answers) == 12
    assert {a.speaker for a in answers} == {"耿爽"}
    assert [a.asked_by for a in answers][:3] == ["澎湃新闻", "CNN", "中国日报"]
    assert answers[5].asked_by == "中央人民广播电台"
    assert answers[-1].topic.startswith("你刚才说，中方正在同有关国家商谈")
