"""Enumerated points (zhnews.lists) on sentences from the example pages and in their style."""

from __future__ import annotations

from zhnews import lists, speech
from zhnews.model import Article, Context


def run(text: str) -> Article:
    art = Article(headline="测试", text=text)
    speech.annotate(art, Context())
    lists.annotate(art, Context())
    for lst in art.lists:
        assert lst.start == lst.items[0].start and lst.end == lst.items[-1].end
        for it in lst.items:
            assert art.text[it.start:it.end] == it.text
            assert it.text.startswith(it.marker)
    return art


JIN = ("金湘军围绕能源革命取得的新进展,回答了新华社记者提问。他说,山西坚定不移推动能源革命走深走实。"
       "一是以双碳目标为牵引,形成能源消费新模式。“十四五”前四年,能耗强度累计下降13.1%,进度居全国第一方阵。"
       "二是以端牢能源饭碗为使命,塑造能源供给新优势。绿电外送量连续两年排全国第一,保障国家能源安全的责任扛得更牢。"
       "三是以开放共赢为方向,构建能源合作新格局。金湘军表示,新时代新征程,要当好能源革命排头兵。")


def test_yi_shi_list_with_items_attached_to_the_answer():
    art = run(JIN)
    assert len(art.lists) == 1
    lst = art.lists[0]
    assert [it.marker for it in lst.items] == ["一是", "二是", "三是"]
    assert lst.items[0].text.endswith("进度居全国第一方阵。")
    # the last point stops where the next speaker is introduced
    assert lst.items[2].text == "三是以开放共赢为方向,构建能源合作新格局。"
    st = art.statements[lst.statement]
    assert (st.kind, st.speaker) == ("answer", "金湘军")


def test_ordinals_inside_words_are_not_markers():
    # "全国第一方阵", "排全国第一," and "统一是" are not list markers
    art = run("进度居全国第一方阵。绿电外送量连续两年排全国第一,保障更牢。思想统一是前提,二是不存在的。")
    assert art.lists == []


def test_a_lone_first_point_is_not_a_list():
    art = run("一是科技创新和产业创新进一步融合。怀柔实验室山西研究院发挥引领作用。")
    assert art.lists == []


def test_paren_numbers_at_paragraph_starts_with_inner_numbers():
    text = ("其中，对依法应当进行核酸采样而拒不参加统一组织的核酸检测的人员，处罚依据有：\n"
            "（一）《治安管理处罚法》第五十条第一款第一项\n"
            "第五十条  有下列行为之一的，处警告或者二百元以下罚款：（一）拒不执行人民政府在紧急状态情况下依法发布的决定、命令的；……\n"
            "（二）《刑法》第三百三十条第一款第五项\n"
            "（五）拒绝执行县级以上人民政府、疾病预防控制机构依照传染病防治法提出的预防、控制措施的。")
    art = run(text)
    assert len(art.lists) == 1
    items = art.lists[0].items
    assert [it.marker for it in items] == ["（一）", "（二）"]
    assert "拒不执行人民政府" in items[0].text  # the inner （一） stays inside the outer point


def test_di_yi_and_shouxian_qici():
    art = run("他说，做好这项工作要把握三点。第一，坚持问题导向。第二，坚持系统观念。第三，坚持守正创新。")
    assert [it.marker for it in art.lists[0].items] == ["第一", "第二", "第三"]
    assert art.lists[0].items[2].text == "第三，坚持守正创新。"
    art = run("首先，要摸清底数，建立台账。其次，要分类施策，精准帮扶。最后，要压实责任，强化考核。")
    assert [it.marker for it in art.lists[0].items] == ["首先", "其次", "最后"]


def test_points_across_paragraphs_extend_the_speech():
    text = ("唐登杰谈到，我们要因地制宜发展新质生产力。一是大力推动科技创新和产业创新融合发展。\n"
            "二是坚持推动传统产业改造升级。\n"
            "三是着力推进发展方式创新。\n"
            "活动结束后，现场观众分组有序参观。")
    art = run(text)
    said = [s for s in art.statements if s.kind == "said"]
    assert len(said) == 1 and said[0].speaker == "唐登杰"
    assert said[0].text.endswith("三是着力推进发展方式创新。")
    assert "活动结束后" not in said[0].text
    lst = art.lists[0]
    assert [it.marker for it in lst.items] == ["一是", "二是", "三是"]
    assert lst.statement == art.statements.index(said[0])


def test_numbered_paragraphs():
    art = run("主要措施如下：\n1.加强组织领导。\n2.完善制度机制。\n3.强化督促检查。\n数据1.5亿元不是编号。")
    assert [it.marker for it in art.lists[0].items] == ["1.", "2.", "3."]
    assert art.lists[0].items[2].text == "3.强化督促检查。"
