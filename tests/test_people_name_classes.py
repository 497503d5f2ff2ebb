"""Names that start on no Chinese surname and that the surname-initial reader never
scored: a foreign office whose country the title reader left out of the title,
rare surnames (rare_surnames.txt), Japanese family names (japanese_surnames.txt), Tibetan, Mongolian and Uyghur names
(minority_name_words.txt), dotted names of three parts, and foreign names ended by a
modal verb, the wire's day or a 在-clause."""

from __future__ import annotations

import pytest
from test_people_recall_rules import read

from zhnews.entities.people import _looks_minority

READ = [
    # a country a few characters before an office makes it a foreign office
    ("应卢旺达共和国总统卡加梅邀请，代表团将出席庆典。", "卡加梅"),
    ("双方商定，日本外务事务次官船越健裕将同我方举行磋商。", "船越健裕"),
    ("外交部副部长马朝旭同俄罗斯副外长里亚布科夫就国际安全形势交换意见。", "里亚布科夫"),
    # a rare surname of the 百家姓 (rare_surnames.txt) right after a title
    ("县委书记荀建国主持会议。", "荀建国"),
    ("该校教授濮存昕表示，要守正创新。", "濮存昕"),
    # a Japanese family name after a title
    ("日本中国友好协会会长井上久士表示，两国应当加强交流。", "井上久士"),
    ("该公司董事长佐藤一郎会见了代表团。", "佐藤一郎"),
    # Tibetan, Mongolian and Uyghur names after a title or a people noun
    ("村党支部书记扎西次仁说，今年收入又涨了。", "扎西次仁"),
    ("合作社理事长苏和巴特尔表示，牧民都很满意。", "苏和巴特尔"),
    ("嘎查党支部书记布和表示，牧民都很满意。", "布和"),
    ("村民买买提说：“日子越过越好。”", "买买提"),
    # dotted names of three parts; a modal verb after a dotted name
    ("应邀请，土耳其共和国总统雷杰普·塔伊普·埃尔多安将于下月访华。埃尔多安表示期待此访。", "雷杰普·塔伊普·埃尔多安"),
    ("共和党人表示，国土安全部长克丽丝蒂·诺姆应引咎辞职。", "克丽丝蒂·诺姆"),
    # a last part of one character; 的 after a dotted name vetoes only inside it
    ("关于习近平主席同伊姆兰·汗总理通电话的情况，中方已经发布消息。", "伊姆兰·汗"),
    ("他引用研究所教授丹尼尔·法卢什的文章说，合作很重要。", "丹尼尔·法卢什"),
    # the wire's day, a 在-clause after a titled foreign name
    ("问：美国国务卿蓬佩奥29日发推特称，将加强合作。", "蓬佩奥"),
    ("伊朗副外长阿拉格齐在北京举行磋商。", "阿拉格齐"),
    # a two-character run of foreign-name characters opening a clause before a foreign office
    ("在关键时刻，泽曼总统亲自号召民众支持中国。", "泽曼"),
    # a time word or the wire's day after a foreign-looking name after any title
    ("白宫贸易和制造业政策办公室主任纳瓦罗近日一再声称，关税有效。", "纳瓦罗"),
    ("美国纽约州长科莫4日发推特称，感谢各方支持。", "科莫"),
]

NOT_NAMES = [
    "中国驻美国大使就此事表示，双方应当加强沟通。",  # our own country's office: no foreign name
    "村主任多次强调，要加强管理。书记才让大家发言。",  # words of minority-name characters
    "村主任和村民都表示满意。",
    "这是各方的关切·落地的回响。",  # a dotted phrase, not a name
    "外交部发言人表示，俄罗斯总统将访华。",  # a country's tail before its office (罗斯|总统)
    "车间主任钦佩他的勇气。",  # a rare surname's character starting a word
]


@pytest.mark.parametrize("text,name", READ)
def test_the_name_is_read(text, name):
    got = read(text)
    assert name in got, got


@pytest.mark.parametrize("text", NOT_NAMES)
def test_no_name_is_read(text):
    got = read(text)
    assert not got, got


def test_a_japanese_family_name_before_a_word_is_no_name():
    got = read("项目负责人清水表示，水质良好。")
    assert "清水表示" not in got and "清水表" not in got, got


def test_a_shorter_part_of_a_three_part_dotted_name_is_no_other_person():
    got = read("应邀请，土耳其共和国总统雷杰普·塔伊普·埃尔多安将于下月访华。")
    assert "塔伊普·埃尔多安" not in got, got


def test_whole_name_words_from_their_characters():
    assert _looks_minority("扎西次仁") == "words"
    assert _looks_minority("次旺培") == "chars"
    assert _looks_minority("书记") == ""


def test_a_dotted_name_after_a_title_is_read_whole():
    got = read("全国人大常委会副委员长艾力更·依明巴海将赴阿根廷出席就职仪式。")
    assert "艾力更·依明巴海" in got and "艾力" not in got, got
