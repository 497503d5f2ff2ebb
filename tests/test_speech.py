"""Answers, reported speech and quotes (zhnews.speech), on real sentences from the
example pages (shared/examples) and on text written in the same style."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from zhnews import speech
from zhnews.model import Article, Context, Mention, Person

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"


def run(text: str, people: list[Person] | None = None, outlet: str | None = None) -> Article:
    art = Article(headline="测试", text=text, people=people or [])
    speech.annotate(art, Context(outlet=outlet))
    for st in art.statements:
        assert art.text[st.start:st.end] == st.text
        if st.speaker_start is not None:
            assert st.speaker_end is not None and st.speaker_start < st.speaker_end
        if st.topic_start is not None:
            assert art.text[st.topic_start:st.topic_end] == st.topic
    return art


def named(art: Article, kind: str | None = None):
    return [s for s in art.statements if s.speaker and (kind is None or s.kind == kind)]


SHANXI_ANSWER = (
    "唐登杰代表在回答人民日报记者关于“山西如何协同推进传统产业改造升级、新兴产业培育壮大和未来产业前瞻布局,"
    "加快壮大新质生产力”的提问时说,习近平总书记始终关心山西发展。具体体现在以下三个方面。一是科技创新和产业创新进一步融合。"
    "二是“人工智能”赋能产业升级加快推进。\n"
    "唐登杰谈到,我们要始终牢记习近平总书记殷殷嘱托,再接再厉、乘势而上。\n"
    "金湘军围绕山西贯彻落实“四个革命、一个合作”能源安全新战略取得的新进展和下一步工作,回答了新华社记者提问。"
    "他说,习近平总书记亲自确定山西为全国能源革命综合改革试点。一是以双碳目标为牵引,形成能源消费新模式。"
    "二是以端牢能源饭碗为使命,塑造能源供给新优势。金湘军表示,新时代新征程,要进一步在积极稳妥推进双碳工作上探索新路。\n"
    "杭侃代表在回答中央广播电视总台央视记者关于“文物数据资源活化利用”的提问时说,云冈研究院拥有一个超级算力中心,这在文博界很领先。"
)


def test_narrated_answers_speaker_outlet_topic():
    art = run(SHANXI_ANSWER)
    answers = named(art, "answer")
    got = [(a.speaker, a.asked_by, a.topic) for a in answers]
    assert got == [
        ("唐登杰", "人民日报",
         "山西如何协同推进传统产业改造升级、新兴产业培育壮大和未来产业前瞻布局,加快壮大新质生产力"),
        ("金湘军", "新华社", "山西贯彻落实“四个革命、一个合作”能源安全新战略取得的新进展和下一步工作"),
        ("杭侃", "中央广播电视总台", "文物数据资源活化利用"),
    ]
    assert answers[0].text.startswith("习近平总书记始终关心山西发展")
    # "…回答了新华社记者提问。他说," : the answer is what 他 said
    assert answers[1].text.startswith("习近平总书记亲自确定山西")
    # the answer stops where the next speaker is introduced
    assert "金湘军表示" not in answers[1].text


def test_said_paragraph_and_said_inside_answer_paragraph():
    art = run(SHANXI_ANSWER)
    said = [(s.speaker, s.text[:8]) for s in named(art, "said")]
    assert ("唐登杰", "我们要始终牢记习") in said
    assert ("金湘军", "新时代新征程,要") in said
    assert not any(s.speaker == "他" for s in art.statements)


def test_shanxi_page_all_eight_answers():
    import zhnews

    page = zhnews.extract(str(EXAMPLES / "shanxi-daily-2025-03-07.txt"))
    art = page.articles[0]
    got = {(s.speaker, s.asked_by, s.topic) for s in art.statements if s.kind == "answer"}
    assert len(got) == 8
    speakers = {g[0] for g in got}
    assert speakers == {"唐登杰", "金湘军", "杭侃", "李建国", "常国华", "张广勇", "常书铭", "吕春祥"}
    outlets = {g[1] for g in got}
    assert outlets == {"人民日报", "新华社", "中央广播电视总台", "光明日报", "经济日报", "香港商报", "中国日报", "科技日报"}
    assert ("常国华", "经济日报", "扩大内需") in got


def test_quote_with_speaker_after():
    text = ("这两个“员工”其实是两个大拉杆箱。“这些年，两个大拉杆箱装着厚厚的档案跟着我去办业务，可谓立下了‘汗马功劳’。”张娜说。\n"
            "针对东北制药这样退休业务办理量大的企业，沈阳市人力资源和社会保障局计划每个季度到企业开展一次现场办公，"
            "“工作人员‘下沉’办公，不仅是一次便企服务，也是一次政策入企。”沈阳市人力资源和社会保障局企业养老保险处副处长齐卫军说。")
    art = run(text)
    quotes = [(s.speaker, s.text[:6]) for s in named(art, "quote")]
    assert quotes == [("张娜", "这些年，两个"), ("齐卫军", "工作人员‘下")]
    assert art.text[art.statements[0].speaker_start:art.statements[0].speaker_end] == "张娜"


def test_chained_quotes_and_quote_then_said_are_separate_entries():
    text = ("“每次接受环境执法检查，压力都特别大。”李圣贵坦言，“有时出现问题，不是主观故意，而是对标准、要求的理解有偏差。”\n"
            "“居住证‘立等可取’的关键难点，不是要打印快，而是要核验快。”辽宁省公安厅治安总队副总队长刘智军说。"
            "“通过全省统一的居住证管理系统，各地实现数据共享、业务协同。”刘智军介绍，居住证“立等可取”政策实施仅3天时间，"
            "全省就发放了1.5万张“立等可取”居住证。")
    art = run(text)
    got = [(s.kind, s.speaker, s.text[:6]) for s in named(art)]
    assert ("quote", "李圣贵", "每次接受环境") in got
    assert ("quote", "李圣贵", "有时出现问题") in got
    assert ("quote", "刘智军", "居住证‘立等") in got
    assert ("quote", "刘智军", "通过全省统一") in got
    assert ("said", "刘智军", "居住证“立等") in got


def test_speaker_before_quote_with_colon_and_title():
    text = ("强军路上，“鲲鹏”不负重托。中部战区空军某部飞行员袁博表示：“‘鲲鹏’家族正不断丰富体系内涵，为捍卫国家利益与世界和平提供坚实支撑。”")
    art = run(text)
    assert [(s.kind, s.speaker) for s in named(art)] == [("quote", "袁博")]
    # a term in quotes is not a statement
    assert not any(s.text == "鲲鹏" for s in art.statements)


def test_title_before_name_and_infix():
    art = run("最高法执行局局长黄文俊介绍，2025年，民事裁判自动履行率达61.01%，同比增长2.7个百分点。")
    assert [(s.speaker, s.text[:5]) for s in named(art)] == [("黄文俊", "2025年")]
    art = run("在昨天举行的新闻发布会上，市民政局副局长曾群强调，疫情可能会导致儿童临时监护问题。")
    assert [(s.speaker, s.kind) for s in named(art)] == [("曾群", "said")]


def test_pronoun_resolved_when_one_person_else_unresolved():
    art = run("金山区山阳镇海滨新城小区志愿者温海是蒙山中学信息科的教师，总结此前志愿服务的经验，"
              "他认为表格勾选这种传统做法会增加后期整理数据的工作压力。于是，温海连夜设计制作了一张微信实时表格。")
    said = named(art, "said")
    assert [(s.speaker, s.text[:6]) for s in said] == [("温海", "表格勾选这种")]
    # speech without a comma is one sentence: the narration after it is not speech
    assert "于是" not in said[0].text
    art = run("王先生向照顾他的仁济医疗队致谢，他说，目前家人都是核酸检测阴性，一切安好。")
    assert named(art) == []
    assert [s.speaker for s in art.statements] == [None]


def test_not_speakers():
    # forms of address, offices, words that look like names, first person
    for text in ("王先生说，一开始听说自己是阳性感染者时，内心有点恐惧。",
                 "会议强调，全省上下要提高政治站位，始终保持攻坚状态。",
                 "要紧盯“两不愁三保障”，把握时代要求，立起一流标准。",
                 "我想强调，不管任何国家以任何形式妄图否定中国在南海的主权和权益，都是无效的。",
                 "居委会负责人汤老师表示，一方面，居委会工作人员每天都会通过微信和辰辰沟通。"):
        assert named(run(text)) == [], text


def test_people_from_entities_are_used():
    text = "在今年2月举行的澜湄合作第五次外长会上，王毅国务委员兼外长还公开宣布，将积极考虑同湄公河国家分享全年水文信息。"
    s = text.index("王毅")
    art = run(text, people=[Person(name="王毅", titles=["国务委员", "外长"], mentions=[Mention("王毅", s, s + 2)])])
    assert [(x.speaker, x.text[:6]) for x in named(art)] == [("王毅", "将积极考虑同")]
    text = "第一个问题，据报道，德国总理默克尔敦促中方尽可能在疫情方面保持透明。"
    s = text.index("默克尔")
    art = run(text, people=[Person(name="默克尔", mentions=[Mention("默克尔", s, s + 3)])])
    assert [(x.speaker, x.text[:6]) for x in named(art)] == [("默克尔", "中方尽可能在")]


def test_quote_inside_reported_speech_gets_its_speaker():
    text = ("世博方舱医院总指挥、仁济医院党委书记郑军华告诉记者，根据奥密克戎变异株的特点，大部分人接受治疗或观察7至10天就可以转阴回家了。"
            "“我们严格按照国家标准一个个对照，要求核酸两次阴性间隔时间要求24小时以上。最终我们划定了首批名单。”")
    art = run(text)
    got = [(s.kind, s.speaker, s.text[:5]) for s in named(art)]
    assert ("said", "郑军华", "根据奥密克") in got
    assert ("quote", "郑军华", "我们严格按") in got


@pytest.mark.parametrize("raw,want", [
    ("中央广播电视总台央视", "中央广播电视总台"),
    ("人民日报", "人民日报"),
    ("《中国日报》", "中国日报"),
    ("总台央视", "中央广播电视总台"),
    ("CNN", "CNN"),
    ("", None),
])
def test_outlet_normalization(raw, want):
    assert speech._lexicon().outlet(raw, Context()) == want


def test_offsets_invariant_on_every_example_page():
    import zhnews

    files = sorted(glob.glob(str(EXAMPLES / "*.txt")))
    assert files
    n = 0
    for f in files:
        for art in zhnews.extract(f).articles:
            for st in art.statements:
                n += 1
                assert art.text[st.start:st.end] == st.text
                if st.topic_start is not None:
                    assert art.text[st.topic_start:st.topic_end] == st.topic
                if st.speaker_start is not None and st.speaker:
                    # the name itself, the pronoun (他/她/该负责人) resolved to it, or the
                    # last part of a transliterated name written whole earlier ("霍门迪")
                    said_as = art.text[st.speaker_start:st.speaker_end]
                    assert said_as == st.speaker or said_as in ("他", "她", "该负责人", "该人士") \
                        or st.speaker.endswith("·" + said_as), said_as
    assert n > 40
