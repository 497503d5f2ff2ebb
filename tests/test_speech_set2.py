"""Statement forms read on the dev half of statements_recall.py --set 2 (unseen
articles of statement-rich genres, annotated by hand); each case is written in
the style of the copy, with other names and words."""

import pytest

import zhnews
from zhnews.extraction import extract_record


def _statements(body: str, headline: str = "标题") -> list[tuple[str, str | None, str]]:
    """(kind, speaker, first characters of text or topic) of each statement of a one-article page."""
    (a,) = zhnews.extract(headline + "\n\n新华社北京1月27日电 " + body + "\n").articles
    return [(s.kind, s.speaker, (s.topic if s.kind == "answer" else s.text)[:4]) for s in a.statements]


def test_bare_transliterated_name_before_a_day_and_speech_verb():
    # no title and no dot: the clause start, the day and the reporting verb vouch for the name
    got = _statements("美军舰船正前往中东。\n特朗普26日在采访中表示，伊朗仍在寻求与美方谈判。")
    assert ("said", "特朗普", "伊朗仍在") in got


@pytest.mark.parametrize(
    "body, topic",
    [
        # the news told in the sentence before is what was asked about
        ("近日，大陆高铁运营里程超5万公里的新闻引起岛内热议。张晗在回答相关提问时表示，大陆的高铁建设举世瞩目。", "近日，大"),
        ("台当局近日公布数据显示，去年台湾进口消费品总额创历年新高。对此，张晗答问表示，两岸同胞有着共同的文化传统。", "台当局近"),
    ],
)
def test_answer_without_a_question_takes_the_sentence_before(body, topic):
    got = _statements(body)
    assert [(k, s, t) for k, s, t in got if k == "answer"] == [("answer", "张晗", topic)]


def test_announcement_before_any_question_is_no_answer():
    record = {"title": "2020年4月23日外交部发言人耿爽主持例行记者会", "source": "外交部", "date": "2020-04-23",
              "paragraphs": ["耿爽：中方决定向世卫组织增加捐款，用于疫情防控工作。",
                             "法新社记者：美方要求调查实验室，中方对此有何评论？",
                             "耿爽：近来我们已经多次回答过类似问题。"]}
    (a,) = extract_record(record).articles
    got = [(s.kind, s.speaker, (s.topic if s.kind == "answer" else s.text)[:4]) for s in a.statements]
    assert [(k, s) for k, s, _ in got if k == "answer"] == [("answer", "耿爽")]
    assert [t for k, _, t in got if k == "answer"] == ["美方要求"]


def test_quote_closing_a_sentence_of_a_speech_is_the_speakers():
    got = _statements("基金会主席马尔科夫表示，中国防疫工作毫不松懈，民众高度配合，“这种团结令人十分震撼”。")
    assert ("said", "马尔科夫", "中国防疫") in got
    assert ("quote", "马尔科夫", "这种团结") in got


def test_the_one_spoken_to_opening_the_clause_is_no_speaker():
    got = _statements("车在村民刘建华家门口停下。拿到包裹，刘建华指了指墙边的肥料，对孙志强说：“去年用的就是你推荐的肥料，等开春还麻烦你。”")
    assert [(k, s) for k, s, _ in got] == [("quote", "刘建华")]


def test_pronoun_inside_a_sentence_is_the_person_opening_it():
    got = _statements("然后，周玉梅第一时间联系居民区党总支书记郑晓红，她说，大楼抗原检测就请交给楼里志愿者吧。")
    assert [(k, s) for k, s, _ in got] == [("said", "周玉梅")]


def test_quoted_term_inside_the_frame_keeps_the_subject():
    got = _statements("问：日前，俄罗斯总统普京在出席第十一届“俄罗斯在召唤”投资论坛时表示，美国企图遏制中俄是大错特错。中方对此如何评价？")
    assert ("said", "普京", "美国企图") in got


@pytest.mark.parametrize(
    "body, expected",
    [
        # a colon quote after a clause with no one in it: the person opening the sentence
        ("危急关头，郑海波凭着多年工作经验，果断向船员喊话：“先跳海，我们再救你！”", [("quote", "郑海波")]),
        # ...not the person the sentence is about ("对于X的进步")
        ("对于林晓燕近期在球场上的进步，教练点出了原因：“体能提升让她移动范围更大，技术也更丰富了。”", []),
    ],
)
def test_colon_quote_goes_to_the_sentence_opener(body, expected):
    assert [(k, s) for k, s, _ in _statements(body)] == expected


def test_a_group_speaking_to_someone_gives_no_speaker():
    # "X等向Y反映": a group speaks (not a named person), and Y is spoken to
    got = _statements("12月3日，市委书记赵建国来到他的党支部工作联系点调研指导并接访群众。赵建国与村干部一起接访群众。村民钱秀英等向赵书记反映，近年来村里兴办起农家乐，餐厨垃圾无法集中处理。")
    assert [(k, s) for k, s, _ in got if k == "said"] == []


def test_pronoun_after_a_sentence_that_moved_someone():
    # "……，这让副馆长X深有感触。他表示，": the one moved speaks next, not the sentence's opener
    got = _statements("习近平总书记在贺信中强调“弘扬科学家精神”，这让中国科学家博物馆副馆长孙立伟深有感触。他表示，将继续发挥博物馆的平台优势。")
    assert ("said", "孙立伟", "将继续发") in got


@pytest.mark.parametrize(
    "body, expected",
    [
        # "X与Y会谈时表示": X speaks; Y is whom X met
        ("国务委员王刚与美国国务卿史密斯会谈时表示，中美应当相向而行。", ("said", "王刚", "中美应当")),
        # "，但X外长说，": the name after 但 opens the clause
        ("美方称中国企业不可信赖，但席尔瓦外长说，在公共招标方面将遵循欧洲规则。", ("said", "席尔瓦", "在公共招")),
    ],
)
def test_speaker_of_a_meeting_or_a_contrasting_clause(body, expected):
    got = _statements(body)
    assert expected in got and not any(k == "said" and s == "史密斯" for k, s, _ in got)
