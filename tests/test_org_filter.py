"""Organization boundary repair and rejection (zhnews/entities/org_filter.py),
on sentences of unseen 人民日报 2026-01 articles (shared/data) where the suffix
reader took a verb, a count or a description for a name."""

from __future__ import annotations

import pytest

from zhnews.entities.org_filter import filter_orgs, fix_span
from zhnews.entities.orgs import find_orgs
from zhnews.model import Mention, Organization

# sentence, span the suffix reader gave, what the filter must give (None = dropped)
CASES = [
    ("西南街道第十一小学队以2∶0战胜西南中心小学队，夺得小学男子组冠军。", "战胜西南中心小学", "西南中心小学"),
    ("西南街道第十一小学队以2∶0战胜西南中心小学队，夺得小学男子组冠军。", "夺得小学", None),
    ("建立“运动员文化学习保障机制”，如西南中学足球队每天安排1小时文化课。", "如西南中学", "西南中学"),
    ("2024年有216支队伍超3500名球员参赛。", "年有216支队", None),
    ("目前，全区共有全国校园足球特色学校35所，省级推广学校10所。", "全国校园足球特色学校35所", None),
    ("我与曾任清华大学校长的高景德同住一个宿舍。", "曾任清华大学", "清华大学"),
    ("9月，北平大学、北平师范大学、要数北洋工学院等院校合组西迁。", "要数北洋工学院", "北洋工学院"),
    ("1937年北平大学医学院部分师生西迁，创建西北联大医学院。", "年北平大学医学院", "北平大学医学院"),
    ("2025年国务院国资委共组织8组17家单位开展集中签约。", "国务院国资委共组织", "国务院国资委"),
    ("生态环境部组织完成了黄河流域生态状况专题调查评估。", "生态环境部组织", "生态环境部"),
    ("2020年9月，正大与万宁市政府共同出资组建合资公司。", "万宁市政府共同出资组建合资公司", "万宁市政府"),
    ("麻塘村利用五矿集团的帮扶资金，计划串联生态步道。", "村利用五矿集团", "五矿集团"),
    ("正大蛋鸡养殖（北京）有限公司坐落于北京市平谷区。", "大蛋鸡养殖（北京）有限公司", "正大蛋鸡养殖（北京）有限公司"),
    ("之后，他泡档案馆、寻找校友、梳理历史脉络。", "他泡档案馆", None),
    ("李强希望各民主党派积极建言献策，帮助政府解决发展过程中面临的突出矛盾。", "帮助政府", None),
    ("32岁的她，此前在宁夏银川市一所幼儿园当老师。", "宁夏银川市一所幼儿园", None),
    ("看医疗，小城拥有一家三甲医院，省级医院专家常态化坐诊，并与省内重点医院建立了完善的转诊机制。", "省级医院", None),
    ("看医疗，小城拥有一家三甲医院，省级医院专家常态化坐诊，并与省内重点医院建立了完善的转诊机制。", "省内重点医院", None),
    ("各地设立产业基金，组建产业协会，引导龙头企业带动上下游企业集群发展。", "产业基金", None),
    ("在网络平台上虚构安徽某食品公司生产的鸡爪存在食品质量问题。", "安徽某食品公司", None),
    ("抗战时，内迁大学有“三坝”之说。", "内迁大学", None),
    ("该厂由东南亚归国华侨兴建，也是新中国成立后第一家咖啡厂。", "中国成立后第一家咖啡厂", None),
    ("3年10月以来，全国法院已交叉执行案件数万件。", "全国法院", None),
    ("前身为三水区中小学校园足球三级联赛。", "三水区中小学", None),
    # policy copy: an adverb or a policy verb before a class of bodies (development layout pages)
    ("要更好发挥政府作用，鼓励银行加大信贷投放。", "更好发挥政府", None),
    ("要更好发挥政府作用，鼓励银行加大信贷投放。", "鼓励银行", None),
    ("上海市鼓励跨国公司设立地区总部。", "上海市鼓励跨国公司", None),
    ("尽管世界卫生组织多次呼吁，疫苗分配依然不均。", "尽管世界卫生组织", "世界卫生组织"),
    # a short form across two words is no mention (创建|行动, 要求|是)
    ("深入推进民族团结进步创建行动。", "建行", None),
    ("落实规定的要求是完善说明书。", "求是", None),
    # right names stay as they are
    ("建行与工行提供专项贷款。", "建行", "建行"),
    ("”三水区教育局相关负责人介绍。", "三水区教育局", "三水区教育局"),
    ("广东省佛山市三水区西南街道第十一小学队夺冠。", "广东省佛山市三水区西南街道第十一小学", "广东省佛山市三水区西南街道第十一小学"),
    ("免去李旭的新疆生产建设兵团副司令员、中国新建集团公司副总经理职务。", "中国新建集团公司", "中国新建集团公司"),
    ("作为湖北交投高路公司孝感项目建设指挥部党总支书记，金明盯进度。", "湖北交投高路公司孝感项目建设指挥部党总支", "湖北交投高路公司孝感项目建设指挥部党总支"),
    ("大学政委郭建军，63750部队副政委王明出席。", "63750部队", "63750部队"),
    ("近年来，省委、省政府高度重视。", "省委", "省委"),
    ("国务院国资委公布央企2025年成绩单。", "国务院国资委", "国务院国资委"),
    ("中部战区空军某部飞行员驾机升空。", "中部战区空军某部", "中部战区空军"),
    ("和平区教育局发布通知。", "和平区教育局", "和平区教育局"),
    ("中英同为联合国安理会常任理事国。", "联合国安理会", "联合国安理会"),
    # a short form inside a longer word is no mention (实事求是 is not the journal 求是)
    ("“因地制宜，本质是实事求是。", "求是", None),
    # (issue 14) a leading verb, adverb or pronoun jieba recognises goes, whatever the closed lists hold
    ("沈跃跃叮嘱妇联要为她们做好服务。", "叮嘱妇联", None),
    ("要加强宣传，扩大美术馆的受众覆盖面。", "扩大美术馆", None),
    ("各级工会要抓好工会系统党建工作。", "抓好工会", None),
    # ... but not a place the segmentation reads as a verb, nor a word listed as opening names
    ("他在安定区农机服务中心工作。", "安定区农机服务中心", "安定区农机服务中心"),
    ("她毕业于首都师范大学。", "首都师范大学", "首都师范大学"),
    # a verb inside, then a name that opens on its own: the name after the verb
    ("西藏各族人民衷心拥护中国政府的各项政策。", "西藏各族人民衷心拥护中国政府", "中国政府"),
    # a place or national prefix before the verb opens the name
    ("4月17日，中国常驻联合国代表团向联合国秘书长递交照会。", "中国常驻联合国代表团", "中国常驻联合国代表团"),
    ("中国合格评定国家认可委员会发布公告。", "中国合格评定国家认可委员会", "中国合格评定国家认可委员会"),
]


@pytest.mark.parametrize("sentence,span,want", CASES, ids=[f"{c[1]}" for c in CASES])
def test_fix_span(sentence, span, want):
    s = sentence.index(span)
    got = fix_span(sentence, s, s + len(span))
    if want is None:
        assert got is None, sentence[got[0] : got[1]]
    else:
        assert got is not None
        assert sentence[got[0] : got[1]] == want


def test_trimmed_names_merge_and_keep_offsets():
    # the same school read twice, once with the verb before it: one organization
    text = "西南中心小学队获得亚军。决赛中，第十一小学队以2∶0战胜西南中心小学队。"
    a = text.index("西南中心小学")
    b = text.index("战胜西南中心小学")
    orgs = [
        Organization(name="西南中心小学", mentions=[Mention("西南中心小学", a, a + 6)], kind="education"),
        Organization(name="战胜西南中心小学", mentions=[Mention("战胜西南中心小学", b, b + 8)], kind="education"),
    ]
    out = filter_orgs(text, orgs)
    assert [o.name for o in out] == ["西南中心小学"]
    assert [m.start for m in out[0].mentions] == [a, b + 2]
    for m in out[0].mentions:
        assert text[m.start : m.end] == m.text


REAL_TEXT = (
    "1月26日，由中国科学院、中国工程院主办的2025年中国十大科技进展新闻在北京揭晓。"
    "西南街道第十一小学队以2∶0战胜西南中心小学队，夺得小学男子组冠军。"
    "目前，全区共有全国校园足球特色学校35所。2025年国务院国资委共组织8组17家单位开展集中签约。"
    "习近平指出，中英作为联合国安理会常任理事国，安理会应当发挥作用。"
)


def test_pipeline_output_keeps_provenance_and_drops_junk():
    out = filter_orgs(REAL_TEXT, find_orgs(REAL_TEXT))
    names = {o.name for o in out}
    assert {"中国科学院", "中国工程院", "西南中心小学", "国务院国资委", "联合国安理会"} <= names
    assert not names & {"战胜西南中心小学", "夺得小学", "全国校园足球特色学校35所", "国务院国资委共组织"}
    for o in out:
        assert o.mentions
        for m in o.mentions:
            assert REAL_TEXT[m.start : m.end] == m.text
    seen = [(m.start, m.end) for o in out for m in o.mentions]
    assert len(seen) == len(set(seen))


def _filtered(text: str) -> list[str]:
    return [o.name for o in filter_orgs(text, find_orgs(text))]


def test_title_or_writer_before_a_name_and_adverbs_inside_one_are_cut():
    assert _filtered("国务委员兼国务院秘书长吴政隆主持会议。") == ["国务院"]
    assert _filtered("（作者系国务院发展研究中心研究员）") == ["国务院发展研究中心"]
    assert _filtered("巴西只有圣保罗州保险公司承保。") == ["圣保罗州保险公司"]
    # places jieba tags as adverbs, words listed as opening names, and people nouns stay
    assert _filtered("中石化催化剂大连有限公司安全总监说。") == ["中石化催化剂大连有限公司"]
    assert _filtered("全力支持香港特别行政区政府依法施政。") == ["香港特别行政区政府"]
    assert _filtered("弥补了村民监督委员会的不足。") == ["村民监督委员会"]


def test_time_word_before_a_name_goes():
    assert _filtered("在五个月内连续发生两次空难后，目前波音公司已停产。") == ["波音公司"]


def test_known_name_before_a_clause_verb_is_the_name():
    assert _filtered("近5年，民进中央组织开展调研。") == ["民进中央"]


def test_short_company_names_opening_on_a_lead_character():
    assert _filtered("江苏泰州支持上汽集团扩大生产。") == ["上汽集团"]
    assert _filtered("中车集团试点智能机器人。") == ["中车集团"]
    # but a verb or nothing after the lead is still no name
    assert not _filtered("孩子也出门上大学了。")


def test_a_count_of_places_before_a_body_names_a_class():
    from zhnews.entities.org_filter import filter_orgs
    from zhnews.entities.orgs import find_orgs

    def got(t):
        return [o.name for o in filter_orgs(t, find_orgs(t))]

    assert got("在粤港澳三地政府有关部门指导下。") == []
    assert got("四川省第三地质大队完成勘查。") == ["四川省第三地质大队"]
