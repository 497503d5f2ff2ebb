"""Title phrases of the forms issue 14 names: a position before a list of names,
a title whose head opens on a division of the state, titles after 是/任/担任."""

from __future__ import annotations

import pytest

import zhnews


def people_of(sentence: str) -> dict[str, list[str]]:
    page = zhnews.extract("标题\n\n本报讯 " + sentence + "\n")
    return {p["name"]: p["titles"] for a in page.articles for p in a.to_dict()["people"]}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("省领导张建国、李明华、王晓东参加会议。",
         {"张建国": ["省领导"], "李明华": ["省领导"], "王晓东": ["省领导"]}),
        ("民建省委主委赵立新、农工党省委主委孙海峰出席。",
         {"赵立新": ["民建省委主委"], "孙海峰": ["农工党省委主委"]}),
        ("隰县午城片区重点村黄家庄村党支部书记刘大山介绍了情况。",
         {"刘大山": ["隰县午城片区重点村黄家庄村党支部书记"]}),
        ("太原市长王二说，很好。", {"王二": ["太原市长"]}),
        ("刘大山是黄家庄村党支部书记。", {"刘大山": ["黄家庄村党支部书记"]}),
        ("王建军任省发展改革委主任。", {"王建军": ["省发展改革委主任"]}),
    ],
)
def test_title_forms(sentence, expected):
    got = people_of(sentence)
    assert {k: got.get(k) for k in expected} == expected


def test_a_copula_before_a_description_gives_no_title():
    assert people_of("刘大山说，他是第一个到达现场的人。").get("刘大山") == []


def test_title_offsets_hold():
    page = zhnews.extract("标题\n\n本报讯 省领导张建国、李明华参加会议。王建军任省发展改革委主任。\n")
    for a in page.articles:
        for p in a.people:
            for m in p.mentions:
                assert a.text[m.start:m.end] == m.text
            assert p.title_mentions
            for t in p.title_mentions:
                assert a.text[t["start"]:t["end"]] == t["title"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a rare surname (应) vouched for by the title before and the verb after
        ("省委书记应勇主持会议。", {"应勇": ["省委书记"]}),
        # foreign office holders after a country of the full 外交部 list
        ("莫桑比克总统纽西表示，很好。", {"纽西": ["莫桑比克总统"]}),
        # a country that starts on a surname is no person; the name after the office is whole
        ("卢旺达外长比鲁塔表示，很好。", {"比鲁塔": ["卢旺达外长"]}),
    ],
)
def test_people_after_titles(sentence, expected):
    assert people_of(sentence) == expected


def test_a_word_after_a_title_is_no_name():
    assert people_of("省委书记应该主持会议。") == {}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("美国驻华大使布兰斯塔德表示，很好。", {"布兰斯塔德": ["美国驻华大使"]}),  # 驻华 ends the prefix
        ("不久前特朗普总统与习近平主席通电话。", {"特朗普": ["总统"], "习近平": ["主席"]}),  # office after the run
        ("伊朗部队指挥官苏莱曼尼在伊拉克遇害。", {"苏莱曼尼": ["伊朗部队指挥官"]}),  # 苏 + foreign-name run
        ("省长刘塔拉出席。", {"刘塔拉": ["省长"]}),
    ],
)
def test_foreign_names_by_offices(sentence, expected):
    assert people_of(sentence) == expected


def test_a_word_running_into_a_surname_needs_a_title():
    # "有关声明答…": 关 is a surname, but 有关 is a word; only a title would vouch for 关声明
    page = zhnews.extract("外交部发言人就美国驻华大使布兰斯塔德有关声明答记者问\n\n问：有关声明答复了什么？\n")
    names = {p.name for a in page.articles for p in a.people}
    assert "关声明" not in names


def test_a_title_does_not_reach_over_a_name_and_jiu():
    page = zhnews.extract("外交部发言人赵立坚就美国驻华大使布兰斯塔德有关声明答记者问\n\n"
                          "问：美国驻华大使布兰斯塔德日前发表声明称，很好。\n")
    titles = {p.name: p.titles for a in page.articles for p in a.people}
    assert titles["布兰斯塔德"] == ["美国驻华大使"]


def test_a_day_between_a_dotted_name_and_its_verb():
    got = people_of("美国国家运输安全委员会主席珍妮弗·霍门迪27日在一场会议上表示，很好。霍门迪在会议间隙直言，很好。")
    assert got == {"珍妮弗·霍门迪": ["美国国家运输安全委员会主席"]}


def test_two_character_leaders_with_a_title_or_in_a_list():
    assert people_of("中共中央政治局常委、国务院副总理韩正在北京代表团参加审议。") == {
        "韩正": ["中共中央政治局常委", "国务院副总理"]}
    assert "韩正" in people_of("习近平、李克强、汪洋、王沪宁、赵乐际、韩正、王岐山等出席会议。")


def test_a_title_ending_in_a_word_with_the_surname():
    # 主任 + 何凡: "任何" is a word only by accident
    assert people_of("宝山区疾控中心主任何凡说，很好。") == {"何凡": ["宝山区疾控中心主任"]}
    assert people_of("这是主任何时说的？") == {}


def test_no_foreign_name_opens_on_de():
    assert people_of("谭德塞等与会国际组织领导人的相关表态，为倡议注入了新的内涵。") == {"谭德塞": []}


def test_a_relative_named_after_the_kinship_word():
    got = people_of("刘建军的女儿刘小丽考上了大学，老伴王秀兰在一旁笑着。")
    assert set(got) == {"刘建军", "刘小丽", "王秀兰"} and got["刘小丽"] == []  # kinship is no title


def test_foreign_names_end_before_time_words_and_offices_do_not_name_verbs():
    assert people_of("美国总统拜登当天发表声明。") == {"拜登": ["美国总统"]}
    assert people_of("俄罗斯总统普京表示，很好。") == {"普京": ["俄罗斯总统"]}
    assert people_of("中国常驻联合国代表团向联合国秘书长递交照会。") == {}


def test_a_later_mention_of_a_foreign_name_is_the_whole_name():
    # (联合国秘书长 whole would need titles through 联合: tried, held-out titles fell)
    assert people_of("联合国秘书长古特雷斯发表讲话。古特雷斯呼吁各方保持克制。") == {"古特雷斯": ["秘书长"]}


def test_office_holders_by_what_they_do():
    assert people_of("巴西总统卢拉抵达上海。") == {"卢拉": ["巴西总统"]}
    assert people_of("英国首相斯塔默访华期间，双方签署协议。") == {"斯塔默": ["英国首相"]}
