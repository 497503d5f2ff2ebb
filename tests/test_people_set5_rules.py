"""People that standing alone, in lists or after a surname the scorer doubts went
missing (issue 14, ppl15: set 5 of benchmarks/people_recall.py and unannotated 人民日报
2026 / news-unlabeled records): the last name of a list closed by an adverb, names
before 等 and a word for people, lists nothing vouches for, dotted names standing
alone or with a hyphen, transliterated names after a country and a people noun or
written alone twice, a three-character name on a doubtful surname."""

from __future__ import annotations

from zhnews.entities import annotate
from zhnews.model import Article, Context


def read(text: str) -> dict[str, list[str]]:
    a = Article(headline="标题", text=text)
    annotate(a, Context())
    return {p.name: p.titles for p in a.people}


def test_the_last_name_of_a_list_closed_by_an_adverb():
    got = read("李钦诚、檀啸、杨鼎新、党毅飞、李维清均取得13胜2负的战绩。")
    assert "李维清" in got, got


def test_names_before_deng_and_a_word_for_people():
    assert "伍爱群" in read("在伍爱群等委员看来，助企纾困政策要明确细则。")
    got = read("并对经人民法院认定构成犯罪的陈戌源、李铁等73名从业人员，给予终身禁止的处罚。")
    assert {"陈戌源", "李铁"} <= set(got), got
    assert read("王府井等地的商户迎来客流高峰。") == {}


def test_a_list_nothing_vouches_for():
    got = read("涌现了以牛玉琴、石光银、郭成旺、张应龙以及榆林补浪河女子民兵治沙连为代表的治沙英雄。")
    assert {"牛玉琴", "石光银", "郭成旺", "张应龙"} <= set(got), got
    assert read("围绕玉米、大豆、水稻、棉花等作物。江苏、浙江、安徽、福建等地。金华、台州、温州、丽水等市。") == {}


def test_dotted_names_standing_alone_or_with_a_hyphen():
    assert "约翰・多恩" in read("每一次世界遭遇共同挑战时，约翰・多恩的名言“没有人是一座孤岛”被广泛引用。")
    got = read("伊朗国防部发言人礼萨·塔拉埃-尼克警告美国和以色列。")
    assert "礼萨·塔拉埃-尼克" in got, got
    assert read("这首诗出自《诗经·周南·樛木》。") == {}


def test_village_heads_and_chief_executives_are_titles():
    got = read("53岁的村长哈吉·马凯梅·奥马尔说，过去村里不少人会无缘无故尿血。")
    assert got.get("哈吉·马凯梅·奥马尔") == ["村长"], got
    got = read("香港特别行政区行政长官李家超、澳门特别行政区行政长官岑浩辉出席。")
    assert {"李家超", "岑浩辉"} <= set(got), got


def test_a_transliterated_name_after_a_country_and_a_people_noun():
    got = read("第二轮对阵拉脱维亚球员奥斯塔彭科，王欣瑜在先失一盘的局面下逆转。")
    assert "奥斯塔彭科" in got, got


def test_a_transliterated_name_written_alone_twice():
    got = read("他与偶像阿隆索和汉密尔顿直面交锋。正是七冠王汉密尔顿。他向身前的汉密尔顿发起追击。")
    assert "汉密尔顿" in got, got
    assert read("在明尼阿波利斯市抓捕非法移民时发生枪击。明尼阿波利斯发生抗议。") == {}


def test_a_three_character_name_on_a_doubtful_surname():
    got = read("会上，万鄂湘指出，要加强合作。")
    assert "万鄂湘" in got and "鄂湘" not in got, got
    got = read("应王毅邀请，他将访华。")
    assert "应王毅" not in got, got
