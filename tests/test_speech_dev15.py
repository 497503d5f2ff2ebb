"""Statement forms found on development wires and features built from
news-unlabeled.jsonl (issue 15); texts written in the real style."""

import zhnews


def _statements(page: str):
    arts = zhnews.extract(page, date="2026-01-28").articles
    return [s for a in arts for s in a.statements if s.speaker]


def test_verb_then_shuo_is_one_statement():
    sts = _statements("""

伊朗警告美方勿动武

新华社德黑兰1月26日电 伊朗外交部发言人巴加埃26日再次警告说，伊朗不回避谈判，但如果遭遇战争，将作出坚决回应。
""")
    assert [(s.kind, s.speaker) for s in sts] == [("said", "巴加埃")]
    assert sts[0].text.startswith("伊朗不回避谈判")


def test_speech_opening_with_a_quoted_term_is_a_said():
    sts = _statements("""

文化场馆迎来客流高峰

本报沈阳1月2日电 元旦假期，省图书馆推出系列活动。省公共文化服务中心副主任王筱雯告诉记者，“辽韵华章”有效推动了文旅融合发展，正成为一张亮眼的新名片。
""")
    assert [(s.kind, s.speaker) for s in sts] == [("said", "王筱雯")]
    assert sts[0].text.startswith("“辽韵华章”有效推动了")


def test_chinese_and_foreign_reporters_name_no_outlet():
    arts = zhnews.extract("""

王毅就中国外交政策回答记者提问

新华社北京3月8日电 十三届全国人大二次会议新闻中心8日举行记者会，国务委员兼外交部长王毅就中国外交政策和对外关系回答中外记者提问。
王毅表示，今年是新中国成立70周年，中国外交将继续开拓进取。
""", date="2019-03-08").articles
    answers = [s for a in arts for s in a.statements if s.kind == "answer" and s.speaker == "王毅"]
    assert answers and all(s.asked_by is None for s in answers)


def test_person_opening_the_sentence_after_a_quote_said_it():
    sts = _statements("""

社区民警跨江配药

本报讯 3月30日，社区民警林为彬在核酸检测点碰到了董阿姨一家。
“你们先做核酸，回头医保卡给我，我来想办法。”林为彬一面安慰，一面马上向派出所汇报。
""")
    quotes = [s for s in sts if s.kind == "quote"]
    assert [(q.speaker, q.text[:6]) for q in quotes] == [("林为彬", "你们先做核酸")]
