"""Datelines and credits in the shapes the genre writes them."""

from __future__ import annotations

import pytest

from zhnews.byline import match_dateline, parse_author_note, parse_closing_credit, split_names


@pytest.mark.parametrize(
    "line, dateline, place, outlet, reporters, correspondents, rest",
    [
        ("本报北京电(山西日报记者 杨文)3月6日下午,十四届", "本报北京电", "北京", "山西日报", ["杨文"], [], "3月6日下午,十四届"),
        ("本报讯(记者 周皓 通讯员 闫姝)3月6日，", "本报讯", None, None, ["周皓"], ["闫姝"], "3月6日，"),
        ("本报北京1月28日电  (记者赵成)中央纪委", "本报北京1月28日电", "北京", None, ["赵成"], [], "中央纪委"),
        ("据新华社北京4月2日电（记者  吴雨）记者2日从", "据新华社北京4月2日电", "北京", "新华社", ["吴雨"], [], "记者2日从"),
        ("新华社北京1月29日电 （记者张三、李四）", "新华社北京1月29日电", "北京", "新华社", ["张三", "李四"], [], ""),
        ("本报兰州12月4日讯（新甘肃・甘肃日报记者张富贵）省委", "本报兰州12月4日讯", "兰州", "甘肃日报", ["张富贵"], [], "省委"),
        ("本报讯 12月4日，省委召开", "本报讯", None, None, [], [], "12月4日，省委召开"),
        ("本报南宁讯 （记者/陈贻泽）12月4日", "本报南宁讯", "南宁", None, ["陈贻泽"], [], "12月4日"),
        ("湖南日报12月4日讯（记者 冒蕞）今天下午", "湖南日报12月4日讯", None, "湖南日报", ["冒蕞"], [], "今天下午"),
        ("本报北京电（记者 耿 联）", "本报北京电", "北京", None, ["耿联"], [], ""),
    ],
)
def test_datelines(line, dateline, place, outlet, reporters, correspondents, rest):
    m = match_dateline(line)
    assert m is not None
    b = m.byline
    assert (b.dateline, b.place, b.outlet, b.reporters, b.correspondents) == (dateline, place, outlet, reporters, correspondents)
    assert line[m.end :] == rest


@pytest.mark.parametrize("line", ["记者从最高人民检察院获悉：", "本报记者从全市抗疫一线采集", "山西代表团代表接受中外媒体采访"])
def test_not_datelines(line):
    assert match_dateline(line) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本报记者  左妍", (["左妍"], [])),
        ("本报通讯员  刘诗寒  记者  屠瑜", (["屠瑜"], ["刘诗寒"])),
        ("特约通讯员  忻文轲", ([], ["忻文轲"])),
        ("（本报记者 李刚）", (["李刚"], [])),
        # a photographer's credit names no reporter (ANNOTATION.md: reporters are the names after
        # 记者 in a byline or a 本报记者 X line; bylines_dev set 3)
        ("本报记者  吴立新摄", ([], [])),
        ("本报记者  秦  川摄", ([], [])),
        ("本报记者从全市抗疫一线采集", None),
        ("记者", None),
    ],
)
def test_closing_credits(text, expected):
    assert parse_closing_credit(text) == expected


def test_author_note_helpers_and_their_verb():
    assert parse_author_note("（本报记者何静参与采写）") == (["何静"], [])
    assert parse_author_note("（作者为某大学教授，本报记者孟祥夫整理）") == (["孟祥夫"], [])


def test_split_names_rejoins_spaced_single_characters():
    assert split_names("耿 联") == ["耿联"]
    assert split_names("周皓 闫姝") == ["周皓", "闫姝"]
    assert split_names("李龙伊、任彤彤") == ["李龙伊", "任彤彤"]
    assert split_names("杨文 一行") == ["杨文"]


BODY = "\n3月5日，全市召开安全生产工作会议，部署下一阶段工作。会议强调要压实责任。"


@pytest.mark.parametrize(
    "credit, reporters, correspondents",
    [
        ("■本报记者 吴立新", ["吴立新"], []),
        ("□本报记者 吴立新 通讯员 程晓", ["吴立新"], ["程晓"]),
        ("新华社记者 吴立新 程晓", ["吴立新", "程晓"], []),
        ("光明日报记者 吴立新 光明日报通讯员 程晓", ["吴立新"], ["程晓"]),
        ("本报记者 吴立新 实习生 程晓", ["吴立新", "程晓"], []),
        ("文/图 本报记者 吴立新", ["吴立新"], []),
        ("本报记者 吴立新 通讯员 程晓 文/图", ["吴立新"], ["程晓"]),
        ("本报记者 吴立新 特约通讯员 程晓", ["吴立新"], ["程晓"]),
    ],
)
def test_opening_credit_lines_under_the_headline(credit, reporters, correspondents):
    import zhnews

    page = zhnews.extract("全市召开安全生产工作会议\n" + credit + BODY, date="2026-03-06", outlet="山西日报")
    (art,) = page.articles
    assert art.headline == "全市召开安全生产工作会议"  # the credit does not swallow the headline
    assert art.byline.reporters == reporters and art.byline.correspondents == correspondents
    assert art.text.startswith("3月5日")
    # an outlet named before the role is the article's outlet; 本报 is the page's
    expected = "新华社" if credit.startswith("新华社") else "光明日报" if credit.startswith("光明日报") else "山西日报"
    assert art.byline.outlet == expected


@pytest.mark.parametrize(
    "line, dateline, outlet, reporters, correspondents, body",
    [
        ("本报讯 记者吴立新 通讯员程晓 报道：3月5日，全市召开会议。", "本报讯", "山西日报", ["吴立新"], ["程晓"], "3月5日"),
        ("人民网北京3月5日电（记者吴立新）3月5日，全市召开会议。", "人民网北京3月5日电", "人民网", ["吴立新"], [], "3月5日"),
        ("本报综合消息 3月5日，全市召开会议。", "本报综合消息", "山西日报", [], [], "3月5日"),
        ("本报讯 近日报道：3月5日，全市召开会议。", "本报讯", "山西日报", [], [], "近日报道"),
        ("本报北京3月5日电 记者吴立新报道，全市召开会议。", "本报北京3月5日电", "山西日报", ["吴立新"], [], "全市召开"),
    ],
)
def test_more_dateline_shapes(line, dateline, outlet, reporters, correspondents, body):
    import zhnews

    page = zhnews.extract("全市召开安全生产工作会议\n" + line, date="2026-03-06", outlet="山西日报")
    (art,) = page.articles
    b = art.byline
    assert (b.dateline, b.outlet, b.reporters, b.correspondents) == (dateline, outlet, reporters, correspondents)
    assert b.place is None or b.place == "北京"
    assert art.text.startswith(body)


def test_web_outlet_is_not_read_inside_running_text():
    import zhnews

    page = zhnews.extract("老字号加快向网络电商等新渠道拓展\n\n本报北京1月28日电  (记者吴立新)记者获悉，老字号呈现新趋势。",
                          date="2026-01-29", outlet="人民日报")
    assert [a.headline for a in page.articles] == ["老字号加快向网络电商等新渠道拓展"]


# ---- credit forms read since 0.4.1 (studied on benchmarks/layout_dev.py pages, never held-out ones)

@pytest.mark.parametrize(
    "line, reporters, correspondents, rest",
    [
        ("本报北京12月7日讯 记者董凡超 国务委员、公安部部长赵克志", ["董凡超"], [], "国务委员、公安部部长赵克志"),
        ("本报讯 记者 张三、李四 近日，", ["张三", "李四"], [], "近日，"),
        ("新华社北京1月2日电 记者王希 通讯员李明 今天", ["王希"], ["李明"], "今天"),
        # running text after the dateline is not a credit: no space after the "name", or no surname
        ("本报讯 记者从省商务厅获悉，今年", [], [], "记者从省商务厅获悉，今年"),
        ("本报讯 记者了解到 今年", [], [], "记者了解到 今年"),
    ],
)
def test_unbracketed_credit_after_dateline(line, reporters, correspondents, rest):
    m = match_dateline(line)
    assert (m.byline.reporters, m.byline.correspondents, line[m.end :]) == (reporters, correspondents, rest)


def test_glued_credit_verb_leaves_a_spaced_name_whole():
    assert split_names("吴齐强  方  圆整理") == ["吴齐强", "方圆"]
    assert split_names("李刚采写") == ["李刚"]


def test_filed_from_lead():
    from zhnews.byline import match_filed_from

    line = "中国妇女报・中国妇女网记者田珊檑 发自贵阳 12月2日至4日，全国妇联主席赴贵州。"
    m = match_filed_from(line)
    assert (m.byline.dateline, m.byline.outlet, m.byline.reporters) == (None, "中国妇女报", ["田珊檑"])
    assert line[m.end :].startswith("12月2日至4日")
    assert match_filed_from("记者了解到 发自内心的话 很多") is None


def _article(text: str):
    import zhnews

    page = zhnews.extract(text)
    assert len(page.articles) == 1
    return page.articles[0].to_dict()


def test_dateline_credit_cut_by_a_column_is_read_whole():
    a = _article("华盛顿撞机事故调查结论公布\n\n新华社华盛顿1月28日电（记者熊茂伶 \n\n"
                 "杨伶）美国国家运输安全委员会近日表示，事故源于系统性失误。\n")
    assert a["byline"]["reporters"] == ["熊茂伶", "杨伶"]
    assert a["text"].startswith("美国国家运输安全委员会")


def test_stage_direction_in_a_transcript_is_no_credit():
    a = _article("外交部发言人主持例行记者会\n\n问：世行发表了声明，你怎么看？\n\n"
                 "答：你看到世行的声明了吧？（记者点头）我们的立场是一贯的。\n\n"
                 "问：还有一个问题。\n\n答：你的同事是不是正在商务部的记者会上？（记者点头）\n")
    assert a["byline"]["reporters"] == []


def test_filed_from_lead_on_a_page():
    a = _article("沈跃跃：团结引领广大妇女发挥作用\n\n中国妇女报・中国妇女网记者田珊檑 发自贵阳 "
                 "12月2日至4日，全国妇联主席沈跃跃赴贵州调研。\n")
    assert a["byline"]["reporters"] == ["田珊檑"]
    assert a["text"].startswith("12月2日至4日")


@pytest.mark.parametrize(
    "credit, reporters, outlet",
    [
        ("本报讯（全媒体记者 姚彤 王兴瑞）7日上午", ["姚彤", "王兴瑞"], None),  # a role, not the outlet 全媒体
        ("本报讯（湖北日报全媒记者 程曼诗）7日上午", ["程曼诗"], "湖北日报"),
    ],
)
def test_media_roles(credit, reporters, outlet):
    b = match_dateline(credit).byline
    assert (b.reporters, b.outlet) == (reporters, outlet)


def test_credits_with_a_colon():
    import zhnews

    for text, names in [("标题\n\n新华社北京1月28日电 国务院国资委表示，资产总额连跨三大台阶。\n\n记者：王希、高亢\n", ["王希", "高亢"]),
                        ("标题\n\n本报讯 国资委表示，资产总额连跨三大台阶。\n\n（光明日报记者：张蕾 王昊魁 杨 舒）\n", ["张蕾", "王昊魁", "杨舒"])]:
        (a,) = zhnews.extract(text).articles
        assert a.byline.reporters == names
        assert a.text.endswith("三大台阶。")
    (a,) = zhnews.extract("标题\n\n本报讯 会上，记者：这个问题怎么看？\n").articles
    assert a.byline.reporters == []


def test_column_labels_and_words_are_no_reporters():
    from zhnews.byline import split_names

    assert split_names("手记") == []  # "■记者手记": a column label
    assert split_names("我只是问一下") == []  # "（记者：我只是问一下）" in a transcript
    assert split_names("欧阳文华") == ["欧阳文华"]
    assert split_names("艾力·买买提") == ["艾力·买买提"]


def test_a_typeset_credit_names_need_no_known_surname():
    # 巨 is not in the surname lexicon; a credit line whose role is set off by spaces is one
    # (本报记者  巨云鹏文  王  初摄: the writer before 文), while running text cut after 记者
    # (记者日前从北) or a 4-character run after a space is not.
    assert parse_closing_credit("本报记者  巨云鹏文  王  初摄（人民视觉）") == (["巨云鹏"], [])
    assert parse_closing_credit("本报记者  巨云鹏") == (["巨云鹏"], [])
    assert parse_closing_credit("记者日前从北") is None
    assert parse_closing_credit("记者 日前从北") is None
