"""Who said what in the everyday forms of wires, transcripts and meeting reports
(issue: statements in every genre). Texts written in the real style."""

import pytest

import zhnews


def _statements(page: str):
    arts = zhnews.extract(page, date="2026-01-28").articles
    return [s for a in arts for s in a.statements], arts


def test_question_first_then_answer_in_narration():
    sts, _ = _statements("""

商务部：力争打造中英经贸合作新增长点

新华社北京1月27日电（记者谢希瑶）有记者问：英国首相将于1月28日至31日访华，中英双方在经贸领域将有哪些合作？商务部新闻发言人何亚东27日在例行新闻发布会上答问时表示，中方愿同英方一道，推动双边经贸关系健康稳定发展。
""")
    a = [s for s in sts if s.kind == "answer"]
    assert len(a) == 1 and a[0].speaker == "何亚东" and a[0].asked_by is None
    assert a[0].topic == "英国首相将于1月28日至31日访华，中英双方在经贸领域将有哪些合作？"
    assert a[0].text.startswith("中方愿同英方一道")


def test_duici_answer_and_generic_asker_is_no_outlet():
    sts, _ = _statements("""

国台办：事实一再证明

新华社北京1月28日电 在国务院台办28日举行的例行新闻发布会上，有台湾媒体记者问：赖清德近期发表所谓“两岸互不隶属”言论，如何评价？对此，发言人陈斌华表示，赖清德顽固坚持“台独”立场，是台海和平的破坏者。
""")
    (a,) = [s for s in sts if s.kind == "answer"]
    assert a.speaker == "陈斌华" and a.asked_by is None and a.topic.startswith("赖清德近期发表")


def test_named_outlet_asks():
    sts, _ = _statements("""

外交部：中方坚决反对

新华社北京1月27日电 有路透社记者问：美方宣布新一轮对华关税措施，中方将如何回应？外交部发言人郭嘉昆答问表示，中方坚决反对美方滥施关税，将采取必要措施维护自身正当权益。
""")
    (a,) = [s for s in sts if s.kind == "answer"]
    assert a.speaker == "郭嘉昆" and a.asked_by == "路透社"


def test_yingxun_is_an_answer_without_topic():
    sts, _ = _statements("""

外交部：日方应当深刻反省

新华社北京1月27日电 外交部发言人郭嘉昆27日应询评论表示，日方应当深刻反省侵略历史，停止在台湾问题上挑衅越线。
""")
    (a,) = sts
    assert a.kind == "answer" and a.speaker == "郭嘉昆" and a.topic is None


def test_answer_credited_after_its_content():
    sts, _ = _statements("""

外交部：中方愿同各方加强合作

新华社北京1月27日电（记者马卓言）有记者问：多国近日表示支持全球发展倡议，中方对此有何评论？

“全球发展倡议提出以来，得到100多个国家和国际组织支持。中方愿同各方一道，推动倡议走深走实。”外交部发言人郭嘉昆27日在例行记者会上答问时作上述表示。
""")
    (a,) = [s for s in sts if s.kind == "answer"]
    assert a.speaker == "郭嘉昆" and a.topic.startswith("多国近日表示支持")
    assert "全球发展倡议提出以来" in a.text and "作上述表示" not in a.text


def test_transcript_answerer_named_only_in_the_headline():
    sts, _ = _statements("""

国防部新闻发言人张晓刚就近期涉军热点问题答记者问

问：近期外军舰机频繁抵近我周边活动，请问对此有何回应？

答：中国军队将继续保持高度戒备，坚决捍卫国家主权和领土完整。

问：有报道称某国将增加在亚太地区的军事部署，中方如何看待？

答：我们敦促有关国家停止制造地区紧张局势。
""")
    assert [(s.kind, s.speaker) for s in sts] == [("answer", "张晓刚"), ("answer", "张晓刚")]
    assert sts[1].topic.startswith("有报道称某国")


def test_meeting_report_speaker_over_paragraphs_and_meeting_is_no_person():
    sts, _ = _statements("""

省委常委会召开会议 王宁主持

本报讯 12月8日下午，省委常委会召开会议，研究部署冬季安全生产工作。省委书记王宁主持会议并讲话。

王宁指出，安全生产是发展的前提。各级各部门要压紧压实责任，坚决防范遏制重特大事故。

王宁强调，要加强重点行业领域监管，做好极端天气应对准备。他说，人民群众的生命安全高于一切。

会议要求，各地要立即开展隐患排查整治。
""")
    assert [s.speaker for s in sts] == ["王宁", "王宁", "王宁"]
    assert all("隐患排查" not in s.text for s in sts)


def test_time_word_after_the_name_and_the_next_speakers_title_stays_out():
    sts, _ = _statements("""

专家：消费市场持续回暖

本报讯 中国宏观经济研究院研究员王明昨日表示，今年以来消费市场持续回暖，服务消费增长较快。清华大学教授李华日前说，提振消费需要稳定就业、增加收入。
""")
    assert [(s.speaker, s.text) for s in sts] == [
        ("王明", "今年以来消费市场持续回暖，服务消费增长较快。"),
        ("李华", "提振消费需要稳定就业、增加收入。"),
    ]


def test_statement_offsets_are_exact():
    sts, arts = _statements("""

外交部：中方坚决反对

新华社北京1月27日电 有路透社记者问：美方宣布新一轮对华关税措施，中方将如何回应？外交部发言人郭嘉昆答问表示，中方坚决反对美方滥施关税。
""")
    text = arts[0].text
    for s in sts:
        assert text[s.start:s.end] == s.text
        if s.topic is not None:
            assert text[s.topic_start:s.topic_end] == s.topic


def test_answer_announced_then_told_in_the_next_paragraphs():
    sts, _ = _statements("""

国家网信办有关负责人答记者问

新华社北京1月27日电 国家网信办网络数据管理局局长王强27日就《条例》有关问题回答了记者提问。

该负责人表示，《条例》的出台有利于规范网络数据处理活动。

他说，下一步将加强宣传解读，推动各项制度落地。
""")
    assert [(s.kind, s.speaker, s.topic) for s in sts] == [
        ("answer", "王强", "《条例》有关问题"), ("answer", "王强", "《条例》有关问题")]


def test_a_time_word_or_adverb_between_name_and_verb_keeps_the_person():
    """"X日前说", "X昨日表示", "X也指出": the speaker is the name, and it is a person
    of the article too (the people reader needed the verb right after the name)."""
    import zhnews

    page = "\n\n".join(["", "财政政策将更加给力",
                        "本报北京3月2日电（记者 王强）财政部部长蓝佛安日前说，积极的财政政策要更加给力。"
                        "商务部部长王文涛昨日表示，稳外贸政策将持续发力。人民银行行长潘功胜也指出，货币政策要适度宽松。", ""])
    (a,) = zhnews.extract(page).articles
    people = {p.name for p in a.people}
    assert {"蓝佛安", "王文涛", "潘功胜"} <= people
    assert [s.speaker for s in a.statements] == ["蓝佛安", "王文涛", "潘功胜"]
    for p in a.people:
        for m in p.mentions:
            assert a.text[m.start:m.end] == m.text


def _page(*paras):
    import zhnews

    return zhnews.extract("\n\n".join(["", *paras, ""])).articles


def test_provincial_meeting_speaker_with_a_zai_clause_and_a_pronoun_in_the_same_sentence():
    (a,) = _page("省政府召开全体会议",
                 "本报讯 3月4日，省政府召开第五次全体会议。省长李明在讲话中指出，要坚定信心、真抓实干。"
                 "副省长赵红在会上通报了一季度经济运行情况，她说，全省经济保持平稳增长。",
                 "会议要求，各地各部门要切实履职尽责。")
    assert {p.name for p in a.people} == {"李明", "赵红"}  # not 李明在
    assert [(s.speaker, s.text[:4]) for s in a.statements] == [("李明", "要坚定信"), ("赵红", "全省经济")]


def test_foreign_interviewees_by_full_dotted_name_then_by_last_part():
    (a,) = _page("中国式现代化为世界提供新机遇",
                 "“中国的发展是世界的机遇。”哈萨克斯坦学者艾达尔·阿姆列巴耶夫说。",
                 "阿姆列巴耶夫认为，中国式现代化为发展中国家提供了新选择。德国汉学家罗伯特·施密特表示，中国经济韧性强。"
                 "施密特说，他对中国经济前景充满信心。")
    assert [p.name for p in a.people] == ["艾达尔·阿姆列巴耶夫", "罗伯特·施密特"]
    assert [s.speaker for s in a.statements] == ["艾达尔·阿姆列巴耶夫"] * 2 + ["罗伯特·施密特"] * 2
    for p in a.people:
        for m in p.mentions:
            assert a.text[m.start:m.end] == m.text
    assert {m.text for m in a.people[0].mentions} == {"艾达尔·阿姆列巴耶夫", "阿姆列巴耶夫"}


def test_a_title_before_a_verb_is_no_person():
    (a,) = _page("专家解读",
                 "“这项政策惠及千家万户。”中国人民大学教授刘元春在接受本报记者采访时说。他表示，政策效果将逐步显现。")
    assert [p.name for p in a.people] == ["刘元春"]
    assert [s.speaker for s in a.statements] == ["刘元春", "刘元春"]


def test_a_pronoun_opening_a_sentence_stands_for_the_subject_of_the_sentence_before():
    (a,) = _page("湖北省领导与文化和旅游部部长座谈",
                 "本报讯 12月4日，省委书记王强、省长李明在武汉与文化和旅游部部长胡和平座谈交流。",
                 "省委书记王强对胡和平一行来鄂考察调研表示热烈欢迎，衷心感谢文化和旅游部长期以来对湖北发展的大力支持。"
                 "他说，湖北文化旅游资源丰富。",
                 "胡和平感谢湖北给予的支持。他表示，将大力支持湖北文旅产业发展。")
    assert [(s.speaker, s.text[:4]) for s in a.statements] == [("王强", "湖北文化"), ("胡和平", "将大力支")]


def test_an_organization_is_no_speaker():
    (a,) = _page("商务部：力争打造中英经贸合作新增长点",
                 "新华社北京1月27日电 商务部新闻发言人27日就中英经贸合作情况答记者问时表示，访问期间，商务部拟与英方签署贸易投资合作方面成果文件。")
    assert all(s.speaker != "商务部" for s in a.statements)


@pytest.mark.parametrize(
    "sentence, speaker, starts",
    [
        # whom the speaker addresses is no first-person subject
        ("石泰峰勉励大家说，新时代赋予广大青年新的使命担当。", "石泰峰", "新时代"),
        # the name (or its title and name) opens the sentence; an action clause, then the verb
        ("陈敏尔实地察看生态保护情况，强调要全面推行林长制，护好林、看好山。", "陈敏尔", "要全面推行"),
        ("省委书记李强来到企业，详细了解生产情况，指出要抓好安全生产工作不放松。", "李强", "要抓好"),
    ],
)
def test_speaker_of_a_sentence_with_an_action_clause(sentence, speaker, starts):
    import zhnews

    (a,) = zhnews.extract("标题\n\n本报讯 " + sentence + "\n").articles
    assert [(s.speaker, s.text[: len(starts)]) for s in a.statements] == [(speaker, starts)]


def test_we_say_is_no_statement():
    import zhnews

    (a,) = zhnews.extract("标题\n\n本报讯 王建国来了。我们说，这是好事情，大家都很高兴。\n").articles
    assert a.statements == []


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # a paragraph opened by speech: the one person the next sentence is about said it
        (["村里的产业慢慢起来了。",
          "“留足空间，将来游客能在现场品尝鲜樱桃、泡酸菜。”在云南省镇雄县麻塘村，驻村第一书记邱林飞拿着规划图，谋划建设展销中心。"],
         [("邱林飞", "留足空间")]),
        # not when the sentence after it names no one, or names its person far in
        (["“留足空间，将来游客能在现场品尝鲜樱桃、泡酸菜。”2026年元旦起，这里的规划图已经挂在了村委会墙上，驻村第一书记邱林飞说起它来头头是道。"],
         []),
        # nor when it is about two people
        (["“留足空间，将来游客能在现场品尝鲜樱桃、泡酸菜。”驻村第一书记邱林飞和村主任王建军拿着规划图来到地头。"],
         []),
    ],
)
def test_a_quote_opening_a_paragraph_is_the_next_sentences_person(paragraphs, expected):
    (a,) = zhnews.extract("村里来了新书记\n\n本报讯 " + "\n".join(paragraphs) + "\n").articles
    assert [(s.speaker, s.text[:4]) for s in a.statements if s.kind == "quote"] == expected


def test_a_quote_after_a_clause_about_one_person_is_theirs():
    (a,) = zhnews.extract("工地上热火朝天\n\n本报讯 湖北孝感北枢纽互通主线桥建设工地热火朝天。"
                          "建设工人童川弯腰绑扎着钢筋，“目标是在春节前把桥面铺装完，大家都铆足了劲。”\n").articles
    assert [(s.speaker, s.text[:4]) for s in a.statements if s.kind == "quote"] == [("童川", "目标是在")]
    # not after a colon ("…的原因：“…”" may introduce someone else's words), nor for a term
    (b,) = zhnews.extract("工地上热火朝天\n\n本报讯 建设工人童川弯腰绑扎着钢筋，“两重”项目进展顺利。\n").articles
    assert b.statements == []


def _said(body: str) -> list[tuple[str | None, str]]:
    """(speaker, first characters) of each statement of a one-article page "标题 / body"."""
    (a,) = zhnews.extract("标题\n\n" + body + "\n").articles
    return [(s.speaker, s.text[:4]) for s in a.statements]


@pytest.mark.parametrize(
    "body, expected",
    [
        # an owner in a clause about someone else is no speaker; the owner of the words is
        ("本报讯 记者王芳深入一线采访科技进展。习近平总书记的贺信令她更加坚定了投身科技报道的决心和信念："
         "“我将始终牢记嘱托，挖掘更多前沿科技成果。”", []),
        ("本报讯 习近平主席出席了会议。滴水之恩，涌泉相报。习主席的话语掷地有声：“中方将继续全力支持非方抗疫行动。”",
         [("习近平", "中方将继")]),
        # "国务院副总理韩正": 国务院 is no person, so the 他 after it stands for 韩正
        ("新华社北京3月8日电 3月8日上午，中共中央政治局常委、国务院副总理韩正在北京代表团参加审议。"
         "他表示，要把党中央决策部署贯彻落实到位。", [("韩正", "要把党中")]),
        # a surname and a form of address is no named speaker
        ("本报讯 门楼曾是村子的“心脏”。姚爷爷回忆，早年村民赶集、走亲戚从门楼进出。", []),
        # who speaks for a body is the speaker
        ("本报讯 焦红委员代表农工党中央发言时说，我国癌症防治总体上仍不平衡、不充分。", [("焦红", "我国癌症")]),
        # the one spoken to is not the speaker of the quote before
        ("本报讯 居委会干部林为彬说，大家都好。\n"
         "“实在是太感谢了，你帮了我们大忙。”这是家住临沂大楼的一位老人第三次向林为彬道谢。", [("林为彬", "大家都好")]),
    ],
)
def test_speakers_in_development_record_forms(body, expected):
    assert _said(body) == expected
