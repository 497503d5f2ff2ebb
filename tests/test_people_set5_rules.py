"""People that standing alone, in lists or after a surname the scorer doubts went
missing (issue 14, ppl15: set 5 of benchmarks/people_recall.py and unannotated 人民日报
2026 / news-unlabeled records): the last name of a list closed by an adverb, names
before 等 and a word for people, lists nothing vouches for, dotted names standing
alone or with a hyphen, transliterated names after a country and a people noun or
written alone twice, a three-character name on a doubtful surname."""

from __future__ import annotations

import pytest
from test_people_recall_rules import read  # (the tests folder is on the path: pytest's prepend mode)

FOUND = [
    # the last name of a list closed by an adverb
    ("李钦诚、檀啸、杨鼎新、党毅飞、李维清均取得13胜2负的战绩。", {"李维清"}),
    # names before 等 and a word for people
    ("在伍爱群等委员看来，助企纾困政策要明确细则。", {"伍爱群"}),
    ("并对经人民法院认定构成犯罪的陈戌源、李铁等73名从业人员，给予终身禁止的处罚。", {"陈戌源", "李铁"}),
    # a list nothing vouches for
    ("涌现了以牛玉琴、石光银、郭成旺、张应龙以及榆林补浪河女子民兵治沙连为代表的治沙英雄。",
     {"牛玉琴", "石光银", "郭成旺", "张应龙"}),
    # dotted names standing alone or with a hyphen
    ("每一次世界遭遇共同挑战时，约翰・多恩的名言“没有人是一座孤岛”被广泛引用。", {"约翰・多恩"}),
    ("伊朗国防部发言人礼萨·塔拉埃-尼克警告美国和以色列。", {"礼萨·塔拉埃-尼克"}),
    # 行政长官 is a title
    ("香港特别行政区行政长官李家超、澳门特别行政区行政长官岑浩辉出席。", {"李家超", "岑浩辉"}),
    # a transliterated name after a country and a people noun, or written alone twice
    ("第二轮对阵拉脱维亚球员奥斯塔彭科，王欣瑜在先失一盘的局面下逆转。", {"奥斯塔彭科"}),
    ("他与偶像阿隆索和汉密尔顿直面交锋。正是七冠王汉密尔顿。他向身前的汉密尔顿发起追击。", {"汉密尔顿"}),
    # a three-character name on a doubtful surname
    ("会上，万鄂湘指出，要加强合作。", {"万鄂湘"}),
    # a verb of the general lexicon after a titled name; a name entry before a title and a verb
    ("问：昨天，中国外交部副部长秦刚约见意大利驻华大使方澜意，要求意方恢复直航。", {"秦刚", "方澜意"}),
    ("专家组工作赢得了柬埔寨各界的赞誉。洪森首相表示，贫穷时相亲相爱。", {"洪森"}),
    # a name on no surname and no transliteration character after a title, before a verb
    ("美国国会参议院外交关系委员会主席里什称，中国共产党必须为此负责。", {"里什"}),
    ("美国国家过敏症和传染病研究所所长福西博士表示，研究人员正在研究。", {"福西"}),
    # a transliterated item of a list of names
    ("美国国会众议长佩洛西、议员鲁比欧、加德纳、沃伦等也发推特表示祝贺。", {"鲁比欧", "加德纳", "沃伦"}),
]

NOT_PEOPLE = [
    "王府井等地的商户迎来客流高峰。",
    "围绕玉米、大豆、水稻、棉花等作物。江苏、浙江、安徽、福建等地。金华、台州、温州、丽水等市。",
    "这首诗出自《诗经·周南·樛木》。",
    "在明尼阿波利斯市抓捕非法移民时发生枪击。明尼阿波利斯发生抗议。",
    "应王毅邀请，他将访华。",
    # places: a foreign city, a Chinese one without its level character; a word before a title
    "问：据报道，俄罗斯外交部副部长莫尔古洛夫周一同中国外交部副部长罗照辉在莫斯科举行磋商。",
    "澳大利亚瓦加瓦加市议会决定中止与昆明的友好城市关系，瓦加瓦加市长将向昆明市长致道歉信。",
    "问：11日，金砖主席国俄罗斯发表主席声明。",
    "近年来，在两国领导人关心和推动下，中吉关系取得长足发展。",
    # an office's meeting, a word and a locative, an adverb before the verb
    "不久前结束的第22次中国—东盟领导人会议上，各方取得进展。",
    "正如习近平主席在新年贺词中所说，人民群众获得感增强。",
    "上周记者会上你提问时曾说，你的妻子现在没法返回。",
    "王毅会见了俄罗斯外长拉夫罗夫、阿塞拜疆、哈萨克斯坦等国的代表。",
]
WHOLE_NAMES = {"王毅", "莫尔古洛夫", "罗照辉", "习近平", "拉夫罗夫"}


@pytest.mark.parametrize("text,names", FOUND)
def test_found(text, names):
    got = read(text)
    assert names <= set(got), got


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_no_person_or_only_whole_names(text):
    got = read(text)
    assert not set(got) - WHOLE_NAMES, got


def test_village_head_is_a_title_and_no_two_character_tail():
    assert read("53岁的村长哈吉·马凯梅·奥马尔说，过去村里不少人会无缘无故尿血。").get("哈吉·马凯梅·奥马尔") == ["村长"]
    assert "鄂湘" not in read("会上，万鄂湘指出，要加强合作。")
