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


def test_a_pronoun_stands_for_the_subject_behind_a_date_and_a_title():
    # two people named before the 他, so the subject opening the sentence before it
    # decides; a date and a title stand before that name
    assert _said("4日，李华来到和田。\n5日至6日，自治区党委书记陈全国到和田地区调研。"
                 "他强调，要深入学习宣传贯彻党的十九届五中全会精神。") == [("said", "陈全国", "要深入学")]


@pytest.mark.parametrize(
    "body, expected",
    [
        # a quote opening a sentence inside a paragraph, then the one person the next
        # sentence is about
        ("特色发展添活力。徐家埭村带动村集体经济收入突破800万元。“以前我就靠几亩菜地维持生计，现在我就长期在这儿做保洁。”"
         "62岁的村民曹华英如今在家门口找到了稳定的工作。", [("quote", "曹华英", "以前我就")]),
        # ...whose words they are ("X的发言"), not when X only owns the subject ("X的父亲")
        ("网约车司机代表参加座谈会。“虽然有专用停车位，但免费时间只有30分钟。”张祖霞的发言道出了同行的共同困扰。",
         [("quote", "张祖霞", "虽然有专")]),
        # (the same holds for a quote opening a paragraph)
        ("她的家人一度犯难。\n“我们怕她训练多，占用学习时间。”宋雨浩的父亲坦言。", []),
        # nor when a pronoun opens that sentence: he speaks, the name is whom he talks of
        ("班长轻轻翻开荣誉簿。\n“咱们中队每个人，都想把名字写进这里。”他慢慢讲起战斗英雄刘子林老连长的故事。", []),
    ],
)
def test_a_quote_opening_a_sentence_is_the_next_sentences_person(body, expected):
    assert [x for x in _said(body) if x[0] == "quote"] == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # a guessed name is no word of running text, nor does it end inside a common one
        ("拉布外交大臣明确表示不赞成将疫情政治化，认为那样做没有任何意义。", []),
        ("俄总统、总理、外长相继表态，认为相关机构近年来针对俄方反复施压。", []),
        ("“坚持内需主导，建设强大国内市场”位列首位，“十五五”规划建议提出，要大力提振消费。", []),
        ("澳大利亚安全部门已经向澳总理内阁国家安全委员会解释称，王提供的资讯缺乏细节。", []),
        # an office (…司) is no name: its 负责人 speaks unnamed
        ("海关总署口岸监管司负责人介绍，海关将“一单制”推广到全国各个口岸。", [("said", None, "海关将“")]),
        # but a name before a rare word across its end stays ("李兴|发回|忆")
        ("几年前，他还是个门外汉。李兴发回忆，村里有良好的自然条件，但像自己这样的农户不在少数。", [("said", "李兴发", "村里有良")]),
    ],
)
def test_guessed_speaker_names_are_no_running_text(body, expected):
    assert _said(body) == expected


def test_a_quoted_term_in_the_clause_after_a_quote_keeps_its_speaker():
    assert _said("“雄安之翼”彰显了新质生产力的优势。“采用传统工艺，难以适配它独特的造型。”"
                 "“雄安之翼”项目总建筑师赵奕清介绍，项目采用了建筑3D打印技术。") == [
        ("quote", "赵奕清", "采用传统"), ("said", "赵奕清", "项目采用")]


@pytest.mark.parametrize(
    "body, expected",
    [
        # speech right after a sentence about one person, no one named after it
        ("赵元瑞常在村口停下来聊几句。了解到邮政有代销农资的服务，赵元瑞主动承担了代销的工作。"
         "“不收运费，反正车天天要跑，多带点东西，也不费事。”", [("quote", "赵元瑞", "不收运费")]),
        # not when that sentence is about two people
        ("赵元瑞常在村口停下来聊几句。了解到邮政有代销农资的服务，赵元瑞和村主任王大明一起承担了代销的工作。"
         "“不收运费，反正车天天要跑，多带点东西，也不费事。”", []),
    ],
)
def test_a_quote_after_a_sentence_about_one_person_is_theirs(body, expected):
    assert [x for x in _said(body) if x[0] == "quote"] == expected
