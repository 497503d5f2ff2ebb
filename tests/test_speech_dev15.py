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


def test_negated_verb_and_verb_after_tichu_introduce_nothing():
    sts = _statements("""

河南听取“十四五”发展意见建议

本报郑州12月6日电 座谈会上，郑州大学公共卫生学院副院长吴建围绕健全公共卫生体系提出建议，王国生说，要把人民健康放在优先发展战略地位。众议院议长迈克·约翰逊尚未公开表态，多名议员呼吁尽快表决。
""")
    assert [(s.kind, s.speaker, s.text[:4]) for s in sts] == [("said", "王国生", "要把人民")]


def test_transliterated_speaker_is_the_whole_name():
    sts = _statements("""

华盛顿撞机事故调查结论公布

新华社华盛顿1月27日电 美国国家运输安全委员会主席珍妮弗·霍门迪27日在一场会议上表示，深层次的系统性失误相互叠加，最终造成了这场悲剧。
霍门迪在会议间隙接受媒体采访时直言，这样的间隔距离在空域中任何地方都不可接受。
""")
    assert [(s.kind, s.speaker) for s in sts] == [("said", "珍妮弗·霍门迪"), ("said", "珍妮弗·霍门迪")]
    assert sts[1].text.startswith("这样的间隔距离")


def test_place_before_a_title_and_frame_word_after_a_name_are_not_the_speaker():
    sts = _statements("""

2020年4月3日外交部发言人华春莹主持例行记者会

问：据报道，14日，韩国总统文在寅在新年记者会上称，发展韩朝关系有助于推动朝美对话取得进展。武汉市长也表示，当时对疫情信息披露不及时。美国国务卿蓬佩奥日前在国务院记者会上说，美国的捐助数额远远超过中国。中方对此有何评论？
答：中方始终致力于维护朝鲜半岛和平稳定。
""")
    said = [(s.speaker, s.text[:4]) for s in sts if s.kind == "said"]
    assert said == [("文在寅", "发展韩朝"), ("蓬佩奥", "美国的捐")]


def test_transliterated_name_before_the_verb_and_pronoun_after_a_quote():
    sts = _statements("""

多国人士积极评价新年贺词

新华社北京1月2日电 “面对动荡不安的世界，中国发挥了稳定锚的作用。”联合国前副秘书长埃里克·索尔海姆在读了新年贺词后说。
京剧演员史依弘年少时跟随戏曲声乐专家卢文勤学习梅派唱腔。“卢老师不允许我有一天懈怠，哪怕我在外地演出，也要在电话里唱给他听。”她说。
""")
    quotes = [(s.speaker, s.text[:4]) for s in sts if s.kind == "quote"]
    assert quotes == [("埃里克·索尔海姆", "面对动荡"), ("史依弘", "卢老师不")]


def test_commentary_frames_suo_and_dehua():
    sts = _statements("""

以科技创新引领高质量发展

正如习近平总书记所指出的，“科技创新是提高社会生产力和综合国力的战略支撑，必须摆在国家发展全局的核心位置。”
用习近平总书记的话说，“中国开放的大门只会越开越大”。
村党支部书记王大山高兴地说，今年收成好，日子越过越红火。
""")
    assert [(s.kind, s.speaker, s.text[:4]) for s in sts] == [
        ("quote", "习近平", "科技创新"), ("quote", "习近平", "中国开放"), ("said", "王大山", "今年收成")]


def test_a_line_cited_inside_a_speech_is_no_quote_of_the_speaker():
    sts = _statements("""

APEC“中国年”首场正式活动将于2月1日至10日在广州举办

新华社北京1月28日电 外交部发言人郭嘉昆28日在例行记者会上说，本次会议将聚焦会议主题“建设亚太共同体，促进共同繁荣”和三大优先领域，全面启动各领域合作。
""")
    assert [(s.kind, s.speaker) for s in sts] == [("said", "郭嘉昆")]


def test_speech_told_to_someone():
    sts = _statements("""

王毅会见美国国务卿

新华社北京4月26日电 会见中，王毅对美国国务卿布林肯说，中美关系正处在关键节点。对王毅来说，这是一次重要的访问。
""")
    assert [(s.kind, s.speaker, s.text[:4]) for s in sts] == [("said", "王毅", "中美关系")]


def test_answer_frame_opening_the_sentence_before_the_answerer():
    arts = zhnews.extract("""

国民经济运行稳中有进

新华社北京1月17日电 国新办17日举行新闻发布会。在回答记者关于消费形势的提问时，国家统计局新闻发言人付凌晖表示，消费对经济增长的贡献持续提升。
""", date="2026-01-17").articles
    sts = [s for a in arts for s in a.statements if s.speaker]
    assert [(s.kind, s.speaker, s.asked_by, s.topic) for s in sts] == [("answer", "付凌晖", None, "消费形势")]
    assert sts[0].text.startswith("消费对经济增长")


def test_offices_sides_and_manner_words_are_no_speakers():
    sts = _statements("""

文化惠民成果丰硕

本报北京1月5日电 北京市委宣传部负责人介绍，近年来北京推出一批文艺精品。巴方也多次重申，巴中建交是政治决断。
习近平总书记满怀豪情地说：“我们这么大一个国家，就应该有自己的志气。”
""")
    assert [(s.kind, s.speaker) for s in sts] == [("quote", "习近平")]


def test_title_after_a_dotted_name_and_weekday_before_the_verb():
    sts = _statements("""

代表委员议国是

新华社北京3月8日电 全国人大代表如克亚木·麦提赛地代表告诉大家，新疆人民的生活越来越好。外交部发言人华春莹周二对记者表示，中方坚决反对单边制裁。
""")
    assert [(s.speaker, s.text[:4]) for s in sts] == [("如克亚木·麦提赛地", "新疆人民"), ("华春莹", "中方坚决")]


def test_pronoun_after_a_resolved_pronoun_and_people_named_inside_the_speech():
    sts = _statements("""

汪洋参加西藏代表团审议

新华社北京3月10日电 中共中央政治局常委、全国政协主席汪洋在西藏代表团参加审议。他表示，完全赞成栗战书委员长所作的全国人大常委会工作报告。他强调，要深入学习贯彻关于西藏工作的重要论述。
""")
    assert [(s.speaker, s.text[:4]) for s in sts] == [("汪洋", "完全赞成"), ("汪洋", "要深入学")]


def test_a_question_runs_to_its_question_mark():
    arts = zhnews.extract("""

外交部：日方没有任何资格对中国台湾置喙

新华社北京1月27日电 当日例行记者会上，有记者问：日本首相高市早苗称，一旦台湾发生危机，日美将联合救助两国公民。她还称日方可能采取行动。中方对此有何评论？外交部发言人郭嘉昆说，日方没有任何资格置喙。
""", date="2026-01-27").articles
    sts = [s for a in arts for s in a.statements if s.speaker]
    assert [(s.kind, s.speaker) for s in sts] == [("said", "高市早苗"), ("said", "高市早苗"), ("answer", "郭嘉昆")]
    assert sts[2].topic.endswith("中方对此有何评论？")


def test_documents_articles_and_unnamed_officials_are_no_speakers():
    sts = _statements("""

国际社会积极评价中国抗疫

新华社北京6月10日电 英国《每日电讯报》网站发表巴斯德研究所教授丹尼尔·法卢什的文章说，中国疫情防控措施有效。国新办发布的《抗击新冠肺炎疫情的中国行动》白皮书指出，我国充分利用大数据。印官员称，印方可依据决议采取行动。曾有人感叹，八项规定改变中国。受访专家普遍认为，此次意见是最广泛的支持举措。
说起志愿服务的点点滴滴，志愿者刘诤十分感慨，“不仅是我们帮助老人，他们也在帮助我们。”
""")
    assert [(s.kind, s.speaker) for s in sts] == [("quote", "刘诤")]


def test_interview_and_video_link_frames():
    sts = _statements("""

多国人士积极评价

新华社北京1月2日电 李四日前在北京接受新华社记者专访表示，巴中友谊坚如磐石。赵六通过视频连线表示，愿同中方加强合作。
""")
    assert [(s.speaker, s.text[:4]) for s in sts] == [("李四", "巴中友谊"), ("赵六", "愿同中方")]


def test_dui_x_laishuo_is_no_speech():
    sts = _statements("""

苦战梦花街

本报讯 疫情防控千头万绪，对梦花街来说，人员转运问题就是那个最大的“线头”。
""")
    assert sts == []


def test_a_quoted_name_going_on_into_its_clause_is_no_quote():
    sts = _statements("""

强化阵地意识 讲好强军故事

本报北京1月3日电 战地记者队记者侯永波表示，要铸牢政治忠诚。“钧正平工作室”编辑刘金晶表示，作为军队网媒“尖兵”，必须站稳政治立场。
""")
    assert [(s.kind, s.speaker) for s in sts] == [("said", "侯永波"), ("said", "刘金晶")]
