"""Figures: numbers with units, what they measure, when, and what is not a figure.

Sentences are from the example pages (山西日报 2025-03-07, 人民日报 2026-01-27/29,
新民晚报 2022-04-03, 外交部 2020-04-21) and the 人民日报 2026-01 corpus.
"""

import pytest

from zhnews.figures import annotate, find_figures
from zhnews.model import Article, Context


def figs(text, published="2025-03-07"):
    return find_figures(text, published)


def one(text, written, published="2025-03-07"):
    found = [f for f in figs(text, published) if f.text == written]
    assert found, f"{written!r} not found in {[f.text for f in figs(text, published)]}"
    return found[0]


# ------------------------------------------------------------------ values and units

@pytest.mark.parametrize(
    "sentence, written, value, unit",
    [
        ("2019年以来年均煤炭产量11.9亿吨,近三年以长协价保供", "11.9亿吨", 1190000000, "吨"),
        ("非常规天然气产量达到167亿立方米,是2019年的2.6倍。", "167亿立方米", 16700000000, "立方米"),
        ("非常规天然气产量达到167亿立方米,是2019年的2.6倍。", "2.6倍", 2.6, "倍"),
        ("煤炭先进产能超过10.8亿吨/年,华为油气矿山军团", "10.8亿吨/年", 1080000000, "吨/年"),
        ("“十四五”前四年,能耗强度累计下降13.1%,进度居全国第一方阵。", "13.1%", 13.1, "%"),
        ("民事裁判自动履行率达61.01%,同比增长2.7个百分点。", "2.7个百分点", 2.7, "个百分点"),
        ("新纳入失信名单233.98万人次,同时", "233.98万人次", 2339800, "人次"),
        ("执行到位金额约2.2万亿元。", "2.2万亿元", 2200000000000, "元"),
        ("三晋大地9.7余万平方公里的黄河流域正在焕发", "9.7余万平方公里", 97000, "平方公里"),
        ("两年累计交付20余万辆的新能源汽车", "20余万辆", 200000, "辆"),
        ("截至昨天共收治7100多名轻症患者", "7100多名", 7100, "名"),
        ("投资超千亿元的“一泓清水入黄河”生态保护工程加快建设", "千亿元", 100000000000, "元"),
        ("目前云冈石窟三分之二洞窟已经完成了数据采集", "三分之二", 0.666667, ""),
        ("处警告或者二百元以下罚款", "二百元", 200, "元"),
        ("30千米/小时低速车相对70千米/小时子弹车", "30千米/小时", 30, "千米/小时"),
        ("会议持续近2个小时,取得积极成果", "2个小时", 2, "个小时"),
        ("信用修复人次连续7个季度超过新纳入失信名单人次", "7个季度", 7, "个季度"),
        ("能耗强度下降百分之十三点一", "百分之十三点一", 13.1, "%"),
        ("远冬牧场气温在零下30摄氏度左右。", "30摄氏度", -30, "摄氏度"),
    ],
)
def test_value_and_unit(sentence, written, value, unit):
    f = one(sentence, written)
    assert f.value == pytest.approx(value, rel=1e-4)
    assert f.unit == unit


def test_range_keeps_both_bounds():
    f = one("时长在7至15个工作日。", "7至15个工作日")
    assert (f.value, f.value_max, f.unit) == (7, 15, "个工作日")
    f = one("一般可容纳3—5万人", "3—5万人")
    assert (f.value, f.value_max) == (30000, 50000)


# ------------------------------------------------------------------ qualifiers

@pytest.mark.parametrize(
    "sentence, written, qualifier",
    [
        ("近三年以长协价保供24个省份电煤12亿吨以上。", "12亿吨", "以上"),
        ("煤炭先进产能超过10.8亿吨/年", "10.8亿吨/年", "超过"),
        ("投资超千亿元的“一泓清水入黄河”生态保护工程", "千亿元", "超"),
        ("会议持续近2个小时", "2个小时", "近"),
        ("执行到位金额约2.2万亿元。", "2.2万亿元", "约"),
        ("三晋大地9.7余万平方公里的黄河流域", "9.7余万平方公里", "余"),
        ("截至昨天共收治7100多名轻症患者", "7100多名", "多"),
        ("新大楼可同时容纳约600名学生", "600名", "约"),
    ],
)
def test_qualifier_outside_text(sentence, written, qualifier):
    f = one(sentence, written)
    assert f.qualifier == qualifier
    assert not f.text.startswith(("约", "近", "超"))


# ------------------------------------------------------------------ not figures

@pytest.mark.parametrize(
    "sentence",
    [
        "3月6日下午,十四届全国人大三次会议山西代表团全体会议审议阶段结束后",  # date, ordinals
        "怀柔实验室山西研究院积极开展“4+1”国家科技攻关",  # a name with numbers
        "省级特色小镇营收保持两位数增长",  # vague amount
        "综合算力指数位居全国第一方阵",  # ordinal
        "为“十四五”规划制定和实施贡献力量",  # plan name
        "从广州站始发的最后一班普速列车K303次驶离站台",  # train number
        "最高系统效率96%的高集成七合一电驱总成",  # 七合一 (96% is a figure)
        "煤机装备、光伏组件等产品走向“一带一路”沿线国家",  # slogan
        "投资超千亿元的“一泓清水入黄河”生态保护工程",  # idiom (千亿元 is a figure)
        "广州站的渊源,可追溯至1911年建成的大沙头火车站。1951年,该站正式定名广州站。",  # years
        "《广州市综合立体交通网规划(2023—2035年)》",  # a plan's years
        "制定第十四个五年规划和二○三五年远景目标",  # ordinal, a year in Chinese
        "中华全国供销合作社第七次代表大会",  # ordinal
        "在上海市第141场新冠肺炎疫情防控新闻发布会上",  # ordinal
        "主要水文站6至10月平均降雨量较常年减少",  # months
        "深圳卫视记者:我们看到“77国集团和中国”19日发表声明",  # a name, a day
        "一天一两千份采样量",  # an estimate
        "大部分人接受治疗或观察,第一时间,一次,一名,两次",  # small Chinese counts
        "千家万户,百年,千年,万米海试",  # idioms and bare magnitudes
        "汽车问界M9和领克900完成测试,实现L4级自动驾驶",  # model names
        "推动83家中央和国家机关部门",  # (83家 is a figure; nothing else)
        "甘肃迭部县（北纬34.06度，东经103.25度）发生5.5级地震",  # coordinates are points
    ],
)
def test_not_figures(sentence):
    allowed = {"96%", "千亿元", "83家"}
    assert [f.text for f in figs(sentence) if f.text not in allowed] == []


def test_second_end_of_a_change_shares_the_first_ends_indicator():
    got = {f.text: f.indicator for f in figs("试点范围由52%扩展到65%。研发人员由1200人扩充至3500人。")}
    assert got == {"52%": "试点范围", "65%": "试点范围", "1200人": "研发人员", "3500人": "研发人员"}
    # a clause of its own between two figures is no change
    assert {f.text: f.indicator for f in figs("共有学生300人，教师至50人。")}["50人"] == "教师"


@pytest.mark.parametrize("sentence", [
    "这是美方30年多来首次以怀疑“间谍活动”为由驱逐中国外交官。",  # 30年多来 = 30多年来: a point in time
    "采取实实在在的举措，百分之百地落实承诺。",  # an adverb of manner
    "为实现第一个一百年奋斗目标而努力。",  # a name
])
def test_not_figures_other_genres(sentence):
    assert figs(sentence) == []


def test_years_ago_are_points_in_time():
    text = "60多年前,经钱学森等科学家倡议;禁渔5年来,长江特有鱼类;马海波担任护林员已经20年了。"
    assert [f.text for f in figs(text)] == ["20年"]


def test_decimal_count_borrows_the_last_unit():
    f = one("投资增速分别高于同期基础设施、制造业12.9个、10.1个百分点。", "12.9个")
    assert (f.value, f.unit) == (12.9, "个百分点")


def test_twenty_twenty_not_a_figure_but_durations_are():
    found = [f.text for f in figs("记者26日从最高人民检察院获悉:2025年1至11月,最高刑期为15年有期徒刑")]
    assert found == ["15年"]


# ------------------------------------------------------------------ indicators

@pytest.mark.parametrize(
    "sentence, written, indicator",
    [
        ("2019年以来年均煤炭产量11.9亿吨,近三年", "11.9亿吨", "煤炭产量"),
        ("煤炭先进产能超过10.8亿吨/年,华为", "10.8亿吨/年", "煤炭先进产能"),
        ("推动16条省级重点产业链和18个省级特色小镇", "16条", "省级重点产业链"),
        ("建成智能化煤矿268座,煤炭先进产能", "268座", "智能化煤矿"),
        ("新能源和清洁能源装机占比达到49.7%,绿电外送量", "49.7%", "新能源和清洁能源装机占比"),
        ("非常规天然气产量达到167亿立方米,是2019年的2.6倍。", "2.6倍", "非常规天然气产量"),
        ("民事裁判自动履行率达61.01%,同比增长2.7个百分点。", "2.7个百分点", "民事裁判自动履行率"),
        ("在执行案件量同比增长15.43%的情况下,执行到位率达50.59%", "15.43%", "执行案件量"),
        ("全国共查处违反中央八项规定精神问题39236起,", "39236起", "查处违反中央八项规定精神问题"),
        ("其中,乡科级及以下干部问题占查处问题总数的94.0%。", "94.0%", "乡科级及以下干部问题"),
        ("澜沧江径流量仅占澜沧江—湄公河全流域径流量的13.5%,", "13.5%", "澜沧江径流量"),
        ("共受理案件24602件、审结23069件,", "24602件", "受理案件"),
        ("共受理案件24602件、审结23069件,", "23069件", "审结"),
        ("三晋大地9.7余万平方公里的黄河流域正在焕发", "9.7余万平方公里", "黄河流域"),
        ("3月23日,34岁的王先生一家三口", "34岁", "王先生"),
        ("造成8人死亡、4人受伤。", "4人", "受伤"),
        ("首批完成21家能源、材料、环境、信息等领域省重点实验室重组;", "21家", "省重点实验室重组"),
        ("区域鸟类从92种增至167种,", "167种", "区域鸟类"),
        ("广州站将与广州南站实现15分钟互联互通。", "15分钟", "互联互通"),
        ("处警告或者二百元以下罚款", "二百元", "罚款"),
        ("接待游客超1800万人次、经营收入超5.16亿元。", "5.16亿元", "经营收入"),
        ("来自45个国家的近120位嘉宾", "45个", "国家"),
    ],
)
def test_indicator(sentence, written, indicator):
    assert one(sentence, written).indicator == indicator


# Unseen 人民日报 2026-01 sentences (shared/data corpus), each the one that taught a
# word-boundary or noun-phrase rule; None where no noun phrase names the measure.
@pytest.mark.parametrize(
    "sentence, written, indicator",
    [
        # an indicator never ends inside a word (足球小|将)
        ("吸引了三水区136支校园足球队超过3000名足球小将同场竞技。", "3000名", "足球小将"),
        # after the number the noun phrase ends at the verb (队伍|参与, 院校|开设)
        ("比赛分为三大组别，共计60多支国内外青训队伍参与。", "60多支", "国内外青训队伍"),
        ("253所院校开设大数据相关专业，每年毕业生超5.3万人。", "253所", "院校"),
        # ... but a verb and one noun closing the phrase are a compound (应用场景)
        ("已在24个重点产业领域形成110余个大模型应用场景。", "110余个", "大模型应用场景"),
        # a one-character opener is dropped (有, 使, 当)
        ("目前，全区共有全国校园足球特色学校35所，省级推广学校12所。", "35所", "全国校园足球特色学校"),
        ("能在15秒内释放500吨水，使降温降噪效率提升30%。", "30%", "降温降噪效率"),
        ("当油酸含量突破75%，花生油的氧化诱导时间从5小时延长至20小时以上。", "75%", "油酸含量"),
        # a trailing predicate is dropped (稳定在, 需), a noun + verb activity kept (外运处理)
        ("我国花生年平均播种面积稳定在7000万亩以上，总产超1900万吨。", "7000万亩", "我国花生年平均播种面积"),
        ("谢林简单算了一笔账：外运处理需约1000万元，加上土石方价值近1800万元。", "1000万元", "外运处理"),
        # a verb right before the number takes it as object: the noun after is measured
        ("如西南中学足球队每天安排1.5小时集中训练，充分利用大课间", "1.5小时", "集中训练"),
        ("种植大户骆松山流转了1600亩土地。", "1600亩", "土地"),
        ("能在15秒内释放500吨水，使降温降噪效率提升30%。", "500吨", "水"),
        # a pivot (让/使) names the measured thing after it
        ("富蕴县两年三繁技术让母羊产羔率达150%。", "150%", "母羊产羔率"),
        # a half-quoted name is not an indicator; the part after the quote is
        ("2025年，“百鸟河数字小镇”年产值4.5亿元、培养数字人才逾3000人。", "4.5亿元", "年产值"),
        ("据统计，2024年自然人起诉的案件有1140万件，无律师代理的约占78%。", "78%", "无律师代理"),
        ("目前，贵州在建和投运的数据中心达50个，算力规模达160百亿亿次/秒。", "160百亿亿次/秒", "算力规模"),
        ("将育种周期从10年缩短至5年。", "10年", "育种周期"),
        # no noun phrase: None rather than junk
        ("在1万多人面前踢足球是什么感觉？", "1万多人", None),
        ("每年，超200万人次走进这里，让这片田地成了没有围墙的“自然学校”。", "200万人次", None),
    ],
)
def test_indicator_unseen(sentence, written, indicator):
    assert_indicator(sentence, written, indicator)


def assert_indicator(sentence, written, indicator):
    f = one(sentence, written, "2026-01-28")
    assert f.indicator == indicator
    if f.indicator is not None:
        assert sentence[f.indicator_start:f.indicator_end] == f.indicator


def test_respectively_maps_list_items():
    text = (
        "查处的违规收送名贵特产和礼品礼金、违规吃喝、违规发放津补贴或福利3类问题,"
        "分别占2025年查处的享乐主义、奢靡之风问题总数的54.5%、22.3%、12.1%。"
    )
    got = {f.text: f.indicator for f in figs(text)}
    assert got["54.5%"] == "违规收送名贵特产和礼品礼金"
    assert got["22.3%"] == "违规吃喝"
    assert got["12.1%"] == "违规发放津补贴或福利"
    assert got["3类"] == "问题"


# ------------------------------------------------------------------ periods and change

@pytest.mark.parametrize(
    "sentence, written, period, rng, published",
    [
        ("2019年以来年均煤炭产量11.9亿吨", "11.9亿吨", "2019年以来",
         {"from": "2019-01-01", "to": "2025-03-07"}, "2025-03-07"),
        ("“十四五”前四年,能耗强度累计下降13.1%", "13.1%", "“十四五”前四年",
         {"from": "2021-01-01", "to": "2024-12-31"}, "2025-03-07"),
        ("近三年以长协价保供24个省份电煤12亿吨以上。", "12亿吨", "近三年",
         {"from": "2022-01-01", "to": "2024-12-31"}, "2025-03-07"),
        ("2025年1至11月,全国检察机关受理危险驾驶案件23.6万人", "23.6万人", "2025年1至11月",
         {"from": "2025-01-01", "to": "2025-11-30"}, "2026-01-27"),
        ("去年,全省新增10家示范基地", "10家", "去年",
         {"from": "2024-01-01", "to": "2024-12-31"}, "2025-03-07"),
    ],
)
def test_period(sentence, written, period, rng, published):
    f = one(sentence, written, published)
    assert f.period == period
    assert f.period_range == rng


def test_same_month_resolves_to_the_month_named_before():
    text = "中央纪委国家监委28日公布了2025年12月全国查处违反中央八项规定精神问题汇总情况。当月,全国共查处问题39236起。"
    f = one(text, "39236起", "2026-01-29")
    assert f.period == "当月"
    assert f.period_range == {"from": "2025-12-01", "to": "2025-12-31"}


def test_comparison_base_year_is_not_the_period():
    f = one("非常规天然气产量达到167亿立方米,是2019年的2.6倍。", "2.6倍")
    assert f.period is None


def test_change_and_comparison():
    f = one("受理危险驾驶案件23.6万人,同比下降22.1%;", "22.1%")
    assert (f.change, f.comparison) == ("下降", "同比")
    f = one("新能源和清洁能源装机占比达到49.7%", "49.7%")
    assert (f.change, f.comparison) == (None, None)


# ------------------------------------------------------------------ provenance

PAGE = (
    "3月6日下午,十四届全国人大三次会议山西代表团全体会议审议阶段结束后,按照大会安排,代表接受中外记者集体采访。"
    "推动16条省级重点产业链和18个省级特色小镇营收保持两位数增长,“文旅+”新业态新场景带动全省文旅市场持续升温。"
    "二是“人工智能”赋能产业升级加快推进。综合算力指数位居全国第一方阵,建成智能化煤矿268座,煤炭先进产能超过10.8亿吨/年,"
    "投资超千亿元的“一泓清水入黄河”生态保护工程加快建设。“十四五”前四年,能耗强度累计下降13.1%,进度居全国第一方阵。"
    "创建133个国家级绿色工厂、8个绿色园区。2019年以来年均煤炭产量11.9亿吨,近三年以长协价保供24个省份电煤12亿吨以上。"
    "目前云冈石窟三分之二洞窟已经完成了数据采集。三晋大地9.7余万平方公里的黄河流域正在焕发新活力。"
)


def test_offsets_invariant():
    found = figs(PAGE)
    assert len(found) == 13
    for f in found:
        assert PAGE[f.start:f.end] == f.text
        if f.indicator_start is not None:
            assert PAGE[f.indicator_start:f.indicator_end] == f.indicator


def test_annotate_appends_to_article():
    article = Article(headline="山西代表团代表接受中外媒体采访", text=PAGE)
    annotate(article, Context(published="2025-03-07"))
    assert [f.text for f in article.figures][:3] == ["16条", "18个", "268座"]
    assert all(article.text[f.start:f.end] == f.text for f in article.figures)
    empty = Article(headline="x", text="")
    annotate(empty, Context())
    assert empty.figures == []


def test_offsets_hold_on_extracted_example_pages():
    """Through the whole pipeline: every figure on every example page points at its text."""
    from pathlib import Path

    import zhnews

    pages = sorted(Path("/work/shared/examples").glob("*.txt"))
    if not pages:
        pytest.skip("example pages not available")
    total = 0
    for path in pages:
        for article in zhnews.extract(str(path)).articles:
            for f in article.figures:
                assert article.text[f.start:f.end] == f.text
                total += 1
    assert total > 100


def test_segmentation_covers_the_text_and_keeps_words_whole():
    from zhnews.figure_words import pos_of, segment

    text = "吸引了三水区136支校园足球队超过3000名足球小将同场竞技"
    spans = segment(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert (text.index("小将"), text.index("小将") + 2) in spans
    assert pos_of("参赛") == "v" and pos_of("率") == "n"  # lexicons/figure_pos_overrides.txt


def test_list_of_figures_shares_the_noun_after_the_last():
    text = "运动会设置了100米、200米、400米青少年短跑比赛，吸引众多选手。"
    figs = find_figures(text)
    assert [f.text for f in figs] == ["100米", "200米", "400米"]
    assert {f.indicator for f in figs} == {"青少年短跑比赛"}
    for f in figs:
        assert text[f.indicator_start : f.indicator_end] == f.indicator


def test_one_character_verb_before_the_number_hands_over_to_the_noun_after():
    got = {f.text: f.indicator for f in find_figures("老师每节课留10分钟讨论时间。村里修了12座便民桥，投资达450万元。")}
    assert got["10分钟"] == "讨论时间"
    assert got["450万元"] == "投资"  # 达 links a measure to its number: the noun before


def test_nouns_jieba_tags_as_verbs_can_be_what_was_counted():
    (f,) = find_figures("春节前后每天有5亿件快递包裹寄送。")
    assert f.indicator == "快递包裹"


# Sentences of the other genres (shared/data/news-unlabeled.jsonl, benchmarks/figures_genres.tsv dev half).
@pytest.mark.parametrize(
    "sentence, written, indicator",
    [
        # "X占Y的比重为Z%" measures X, like "X占Y的Z%"; an age's 及以上 is its qualifier
        ("截至今年3月，我国60岁及以上网民群体占全国网民规模的比重仅为6.7%。", "60岁", "网民群体"),
        ("截至今年3月，老年网民群体占全国网民规模的比重仅为6.7%。", "6.7%", "老年网民群体"),
        # a share whose clause opens with 占 measures the subject of the clause before ...
        ("截至2020年6月，我国网络视频用户规模达8.88亿，占网民整体的94.5%。", "94.5%", "我国网络视频用户规模"),
        ("截至去年末，我国60周岁及以上人口达2.54亿，占总人口的18.1%。", "18.1%", "我国60周岁及以上人口"),
        ("危险驾驶罪仍是检察机关受理最多的犯罪，占受理所有刑事案件人数的14.4%。", "14.4%", "危险驾驶罪"),
        # ... unless that clause holds a figure of its own: then the whole is named
        ("共查处问题119418起,占查处的形式主义、官僚主义问题总数的84.7%。", "84.7%", "形式主义、官僚主义问题总数"),
        # "N%的X" with nothing before (or only the previous figure's list) is the share of X
        ("据测算，建成后可以保障我国95%的口粮和90%以上的谷物需求。", "95%", "口粮"),
        ("据测算，建成后可以保障我国95%的口粮和90%以上的谷物需求。", "90%", "谷物需求"),
        # a noun right before a count, a predicate after it: the noun is what was counted
        ("自治区驻呼高校师生代表260多人聆听报告。", "260多人", "自治区驻呼高校师生代表"),
        # a count opening its clause: 为 says what it counts
        ("358例确诊病例中，8例在闭环隔离管控中发现，20例为无症状感染者转归确诊病例。", "20例", "无症状感染者"),
        # modifiers alone (连续) name nothing: the sentence's previous indicator ...
        ("2025年中央企业研发投入1.1万亿元，连续四年超过万亿元。", "万亿元", "中央企业研发投入"),
        # ... but a verb alone still does (审结)
        ("受理当事人涉外案件2546件，占比10.3%，审结2046件。", "2046件", "审结"),
        # 长达 qualifies the duration after it; 假期 is a thing, not a point in time
        ("请3天年假，便可以拥有长达8天的假期。", "8天", "假期"),
        # "X的N单位Y": X modifies Y, which is what is measured
        ("花园村利用政府划拨的11亩土地，整合项目资金。", "11亩", "土地"),
        # a place before "N%的X" says where, X what
        ("因地理区位的原因，云南省临沧市80%的群众外出主要依靠客运大巴。", "80%", "群众"),
        # a verb between the noun before and the number: the noun after is the object counted ...
        ("中方已经向世界卫生组织提供两批共5000万美元现汇援助。", "5000万美元", "现汇援助"),
        # ... a qualifier (接近) is no such verb
        ("2019年，我国国内生产总值接近100万亿元大关。", "100万亿元", "我国国内生产总值"),
        # a range written twice shares the noun after it
        ("全会对于未来5年至15年现代化新蓝图的制定同样体现出这一鲜明特点。", "5年", "现代化新蓝图"),
        # digits inside a model name do not end the noun after a number (N95口罩)
        ("中国政府已决定向韩方提供10万只N95口罩、100万只医用外科口罩。", "10万只", "N95口罩"),
        # a verb before 在 is the predicate, even after a noun (病例数|维持在)
        ("全省新增确诊病例数维持在10例左右。", "10例", "确诊病例数"),
        # 不止 before and 之久 after a number are qualifiers
        ("目前死亡人数不止636人。", "636人", "死亡人数"),
        ("这标志着持续18年之久的阿富汗战争即将结束。", "18年", "阿富汗战争"),
        # 向 + recipient + verb: the verb names what was given
        ("中方已经宣布向世卫组织捐款2000万美元。", "2000万美元", "捐款"),
        # a quoted name after a count keeps both quote marks
        ("三大运营商建成了4个“万卡集群”，有效支撑了大模型训练。", "4个", "“万卡集群”"),
        # 在 + place after a count says where: what follows the place is what was counted
        ("目前已有400多名在湖北的印度公民回到了新德里。", "400多名", "印度公民"),
        ("今年以来，已有8000余人次在石林开展研学活动。", "8000余人次", "开展研学活动"),
        # a verb (or 占) and a place before "N%的X": the share of the place, X what is measured
        ("东海岸城市群以占美国1.5%的土地承载了美国约20%的人口。", "1.5%", "土地"),
        ("东海岸城市群以占美国1.5%的土地承载了美国约20%的人口。", "20%", "人口"),
        # "N年的关键时刻", "N秒的情况": the noun after 的 is no measure
        ("今年是中非合作论坛成立20年的关键时刻。", "20年", "中非合作论坛成立"),
        # 在 + place before a noun modifies it
        ("中方昨天表示有16名在华外国人确诊感染肺炎。", "16名", "在华外国人"),
        # a question in a later clause does not make the noun after a number part of it
        ("流感蔓延到214个国家和地区，导致近20万人死亡，有谁让美国赔偿了吗？", "214个", "国家"),
        # a verb opening the phrase before a count makes it a predicate, no subject
        ("艾滋病毒已传播到几乎所有国家，导致全球3200多万人死亡。", "3200多万人", "死亡"),
        # a share after a verb alone is a share of the noun after 的; a stop character
        # inside a noun (平|均) ends nothing
        ("中国国防开支占GDP比例不到2%，也低于2.6%的世界平均水平。", "2.6%", "世界平均水平"),
        # a quoted name a verb takes right before the number
        ("各部门多渠道向海外中国留学人员发放“健康包”50余万份。", "50余万份", "“健康包”"),
        # "X突破N的Y": X reached N
        ("而运载能力达到140吨的长征九号也在研制中。", "140吨", "运载能力"),
        # after a figure, the words up to a list mark are its own (新台阶 is no measure)
        ("粮食产量首次跃上1.4万亿斤新台阶、亩产提升10.1斤。", "10.1斤", "亩产"),
        ("粮食产量首次跃上1.4万亿斤新台阶、亩产提升10.1斤。", "1.4万亿斤", "粮食产量"),
        # a verb and its object, or a prepositional phrase, before 的 modify the noun after
        ("这些信息都可以在中国政府发布的7本涉及新疆的白皮书中找到。", "7本", "白皮书"),
        ("清单包含近700种自美进口的商品。", "700种", "商品"),
        # a generic noun after 的 keeps what it belongs to
        ("截至2019年底，人工智能核心产业的规模超过510亿元。", "510亿元", "人工智能核心产业的规模"),
        # a phrase before a count that holds a verb is no subject of it
        ("中美贸易关系支撑美国国内260万个就业岗位。", "260万个", "就业岗位"),
        # a percentage before 的 + a rate noun is that rate's value
        ("将制造业等行业现行16%的税率降至13%。", "16%", "税率"),
        # 不到 reaches like 突破: "X不到N的Y" measures X
        ("对小微企业年应纳税所得额不到100万元的部分，再减半征收。", "100万元", "小微企业年应纳税所得额"),
        # 估计, 有望 name no measure: the sentence's previous indicator
        ("中国年度军费增至2002年的3倍，估计接近2500亿美元。", "2500亿美元", "中国年度军费"),
        # the base of a comparison (较禁渔前, 较建交之初) and a span of years (近10年来) name nothing
        ("单位资源量较禁渔前平均增长39%。", "39%", "单位资源量"),
        ("双边贸易额较建交之初增长了200多倍。", "200多倍", "双边贸易额"),
        ("近10年来推动全球风电成本下降超过60%。", "60%", "全球风电成本"),
        # a share right after a verb, or a verb and a place noun, is a share of its object
        ("如今我国已向全球提供70%的风电设备。", "70%", "风电设备"),
        ("国产农机满足了国内90%以上的市场需求。", "90%", "市场需求"),
        # a noun the segmenter cuts in two (国际|组织, 组织 a verb) stays one
        ("中国政府已向120个国家和4个国际组织提供物资援助。", "4个", "国际组织"),
    ],
)
def test_indicator_other_genres(sentence, written, indicator):
    assert_indicator(sentence, written, indicator)
