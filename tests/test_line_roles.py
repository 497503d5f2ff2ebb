"""The trained article-start model of the layout (zhnews/line_roles.py)."""

import json

from conftest import assert_retrain_reproduces
from zhnews import layout, line_roles

# Leadership news copied without its datelines: the rules alone read one article.
PAGE = """

省委常委会召开会议 研究部署冬季安全生产工作

12月8日下午，省委常委会召开会议，传达学习全国安全生产电视电话会议精神，研究部署我省冬季安全生产工作。省委书记主持会议并讲话。

会议指出，当前正值岁末年初，安全生产任务艰巨繁重。各级各部门要压紧压实安全生产责任，深入开展隐患排查整治，坚决防范遏制重特大事故发生。

会议要求，要加强道路交通、消防、危险化学品、建筑施工等重点行业领域监管，做好极端天气应对准备，确保人民群众生命财产安全。

省政府召开常务会议 部署稳就业保民生重点任务

12月9日上午，省政府召开常务会议，研究部署稳就业保民生重点任务，审议通过有关文件。

会议强调，要把稳就业摆在更加突出的位置，落实好援企稳岗各项政策，加大对高校毕业生、农民工等重点群体的就业帮扶力度，兜牢民生底线。
"""


def test_a_dated_lead_under_an_event_headline_starts_the_next_article():
    drafts = layout.segment(PAGE)
    heads = [d.heads[0].text for d in drafts if d.heads]
    assert heads == ["省委常委会召开会议 研究部署冬季安全生产工作", "省政府召开常务会议 部署稳就业保民生重点任务"]


def test_rules_alone_merge_that_page_so_the_model_is_what_splits_it():
    drafts = layout.segment(PAGE, decide=lambda i, x, rule_new: rule_new)
    assert len(drafts) == 1


def test_numbered_sections_inside_an_article_stay_sections():
    page = "\n\n".join([
        "", "深化改革开放的三点思考",
        "改革开放是决定当代中国命运的关键一招。回顾历程，我们有以下体会。",
        "一、坚持以人民为中心", "改革为了人民，改革依靠人民，改革成果由人民共享，这是一条基本经验。",
        "二、坚持问题导向", "问题是时代的声音，改革要从解决最突出的问题入手，以点带面推进。", ""])
    drafts = layout.segment(page)
    assert len(drafts) == 1 and drafts[0].heading_flags[1]


def test_features_match_the_shipped_model():
    doc = json.loads(line_roles.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(doc["features"]) == line_roles.FEATURES
    assert len(doc["weights"]) == len(line_roles.FEATURES)


def test_retraining_reproduces_the_shipped_weights():
    assert_retrain_reproduces("zhnews.line_roles_train")


def test_deck_lines_between_headline_and_dateline_are_the_deck_not_an_article():
    page = "\n\n".join([
        "", "加快经济恢复重振",
        "以政策的确定性应对不确定性，精准帮扶企业达产，全力支持企业发展",
        "加大走访力度，优化企业服务，简化操作流程，更好满足各类企业不同发展需求",
        "本报讯 市委常委会昨晚举行会议，研究部署复工复产和加快经济恢复有关工作。市委书记主持会议并讲话。",
        "会议指出，要统筹疫情防控和经济社会发展，全力做到疫情要防住、经济要稳住、发展要安全。", ""])
    import zhnews

    page_ = zhnews.extract(page)
    assert len(page_.articles) == 1
    a = page_.articles[0]
    assert a.headline == "加快经济恢复重振"
    assert a.deck == ["以政策的确定性应对不确定性，精准帮扶企业达产，全力支持企业发展",
                      "加大走访力度，优化企业服务，简化操作流程，更好满足各类企业不同发展需求"]
    assert a.text.startswith("市委常委会昨晚举行会议") and a.byline.dateline == "本报讯"


def test_an_author_note_stays_in_the_body_and_ends_the_article():
    page = "\n\n".join([
        "", "以高标准市场体系促新发展格局形成",
        "建设高标准市场体系，是加快完善社会主义市场经济体制的重要内容。要坚持平等准入、公正监管、开放有序、诚信守法，形成高效规范、公平竞争的国内统一市场。",
        "（作者为中国宏观经济研究院研究员）",
        "立足新起点 推进立法工作",
        "立法是为国家定规矩、为社会定方圆的神圣工作。要坚持科学立法、民主立法、依法立法，以良法促进发展、保障善治。",
        "（作者为全国人大常委会法工委研究室主任）", ""])
    drafts = layout.segment(page)
    assert [d.heads[0].text for d in drafts] == ["以高标准市场体系促新发展格局形成", "立足新起点 推进立法工作"]
    assert drafts[0].paragraphs[-1][0].text == "（作者为中国宏观经济研究院研究员）"


def test_a_source_or_funding_note_ends_the_article_like_an_author_note():
    page = "\n\n".join([
        "", "如何理解提高社会文明程度",
        "文化是育人化人、塑造社会文明的力量。文化建设与社会文明的共生共存关系，使得文化建设的进展成就能够直接表明社会文明的发展程度。",
        "（文章综合自新华网、人民网、《学习辅导百问》）",
        "发展是解决贫困问题的总钥匙",
        "消除绝对贫困、推动全球减贫事业对促进全球整体的可持续发展和进步至关重要。只有不断推进全球减贫事业，人类社会才能打造包容性、可持续、有韧性的未来。",
        "（本文是国家社会科学基金项目“全球治理体系改革研究”的阶段性成果）",
        "聚焦扩大内需完善现代商贸流通体系",
        "流通体系在国民经济中发挥着基础性作用。现代商贸流通是满足居民消费需求的主要渠道。", ""])
    drafts = layout.segment(page)
    assert [d.heads[0].text for d in drafts] == [
        "如何理解提高社会文明程度", "发展是解决贫困问题的总钥匙", "聚焦扩大内需完善现代商贸流通体系"]
    assert drafts[1].paragraphs[-1][0].text.startswith("（本文是国家社会科学基金项目")


def test_a_page_opening_mid_article_gives_a_continued_article_without_headline():
    import zhnews

    page = "\n\n".join([
        "", "推进，确保各项政策落地见效。会议还研究了其他事项。",
        "稳就业促增收 今年这样发力",
        "本报北京1月27日电（记者 王明）人力资源社会保障部27日举行新闻发布会，介绍今年稳就业促增收有关举措。",
        "据介绍，今年将实施重点群体就业帮扶行动，加大对高校毕业生、农民工等群体的支持力度。", ""])
    arts = zhnews.extract(page).articles
    assert arts[0].continued and not arts[0].headline
    assert arts[0].text.startswith("推进，确保各项政策")
    assert arts[1].headline == "稳就业促增收 今年这样发力" and not arts[1].continued


def test_photo_credit_and_interview_turns_are_not_headings():
    assert [u.kind for u in layout.tokenize("本版图片由受访者提供")] == ["caption"]
    assert not layout.heading_like(layout.tokenize("问：你刚刚宣布了伊朗外长")[0])


def test_long_leadership_headline_in_spaced_parts_heads_its_article():
    import zhnews

    page = "\n\n".join([
        "", "江苏省委常委会深入学习贯彻习近平总书记近期系列重要讲话精神 研究部署有关工作 娄勤俭主持会议",
        "12月8日，省委常委会召开会议，深入学习贯彻习近平总书记近期系列重要讲话精神，研究部署有关工作。省委书记娄勤俭主持会议。",
        "会议指出，要把学习贯彻习近平总书记重要讲话精神作为重大政治任务。",
        "山东省政府召开常务会议 研究部署冬春季疫情防控和安全生产等工作 李干杰主持",
        "12月9日，省政府召开常务会议，研究部署冬春季疫情防控和安全生产工作。省长李干杰主持会议。", ""])
    arts = zhnews.extract(page, date="2020-12-10").articles
    assert [a.headline[:8] for a in arts] == ["江苏省委常委会深", "山东省政府召开常"]
    assert [a.date for a in arts] == ["2020-12-08", "2020-12-09"]


def test_a_column_label_under_a_headline_opens_the_body():
    import zhnews

    page = "\n\n".join([
        "", "冰雪那达慕：赴一场独具风情的民俗盛宴", "【节庆里的中国】",
        "这个冬日，来内蒙古呼伦贝尔赴一场冰雪之约吧！刚刚过去的岁末，第二十一届冰雪那达慕在零下25℃的严寒中燃情启幕。",
        "看，伊敏河的冰面凝银铺玉，化作7万平方米的银色舞台，上万名游客与各族群众一同沉醉在这场冰雪盛宴里。", ""])
    (a,) = zhnews.extract(page).articles
    assert (a.kicker, a.headline, a.subheadline) == (None, "冰雪那达慕：赴一场独具风情的民俗盛宴", None)
    first = a.paragraphs[0]
    assert a.text[first.start:first.end] == "【节庆里的中国】"


def test_summary_paragraphs_between_headline_and_dateline_are_the_deck_of_that_article():
    import zhnews

    page = "\n\n".join([
        "", "共同努力守护好建设好城市家园",
        "在疫情袭来时，大家毅然扛起重担，千方百计守护城市的生命线、守护人民的生活线。党员、团员行动起来，能人、达人站了出来。",
        "坚决克服麻痹思想、厌战情绪、侥幸心理、松劲心态，把各项防控措施从严从紧、从细从实落实下去。",
        "本报讯 昨天下午，市委书记李强主持召开疫情防控和经济社会发展基层代表座谈会，详细听取来自抗疫一线代表的意见建议。",
        "座谈会上，社区书记、医护人员、快递小哥等代表先后发言。", ""])
    (a,) = zhnews.extract(page).articles
    assert a.headline == "共同努力守护好建设好城市家园" and a.byline.dateline == "本报讯"
    assert len(a.deck) == 2 and a.text.startswith("昨天下午，市委书记李强")


def test_a_long_speaker_headline_with_a_comma_starts_an_article():
    import zhnews

    page = "\n\n".join([
        "", "赵克志：坚决遏制电信网络诈骗犯罪",
        "本报北京12月7日讯 记者董凡超 国务委员、公安部部长赵克志今天在国家反诈中心调研。他强调，要坚决遏制电信网络诈骗犯罪高发态势。",
        "公安部党委委员、副部长杜航伟陪同调研。",
        "李强：构建更高水平全民健身公共服务体系，不断提升赛事影响力产业竞争力",
        "把公共体育健身设施建设作为民生实事的重要内容",
        "本报讯（记者 谈燕）市委书记李强昨天下午在调研我市体育健身设施布局和建设时指出，体育是提高人民健康水平的重要途径。", ""])
    arts = zhnews.extract(page).articles
    assert [a.headline for a in arts] == ["赵克志：坚决遏制电信网络诈骗犯罪",
                                          "李强：构建更高水平全民健身公共服务体系，不断提升赛事影响力产业竞争力"]
    assert arts[1].kicker is None and arts[1].byline.reporters == ["谈燕"]


def test_a_line_opening_with_a_connective_goes_on_with_the_paragraph():
    import zhnews

    page = "\n\n".join([
        "", "在联合国旗帜下实现更大团结和进步",
        "联合国成立75年来，国际社会在维护和平、促进发展方面取得了重要进展。各国应当加强团结合作。",
        "正如习近平主席在联合国成立75周年纪念峰会重要讲话",
        "中所指出的，联合国要主持公道，推动国家之间的对话与合作。",
        "会议肯定了全省国防动员和后备力量",
        "建设取得新的明显进展。", ""])
    (a,) = zhnews.extract(page).articles
    assert a.headline == "在联合国旗帜下实现更大团结和进步"
    assert "重要讲话中所指出的" in a.text and "后备力量建设取得" in a.text


def test_an_author_note_before_a_headline_and_dateline_is_not_a_heading():
    import zhnews

    page = "\n\n".join([
        "", "新论：发挥大学科技园创新试验田作用",
        "习近平总书记强调，“创新是引领发展的第一动力”。大学科技园要成为支撑创新的重要力量。",
        "（作者为北京大学科技园副总裁、高级经济师）",
        "新华社评论员：弘扬宪法精神，建设法治中国",
        "新华社北京12月3日电",
        "在深入学习贯彻党的十九届五中全会精神之际，我们迎来第七个国家宪法日。", ""])
    arts = zhnews.extract(page).articles
    assert [(a.kicker, a.headline) for a in arts] == [
        (None, "新论：发挥大学科技园创新试验田作用"), (None, "新华社评论员：弘扬宪法精神，建设法治中国")]
    assert arts[0].text.endswith("（作者为北京大学科技园副总裁、高级经济师）")


def _articles(*paras: str):
    """The articles of a page made of these paragraphs, blank lines between them."""
    import zhnews

    return zhnews.extract("\n\n".join(["", *paras, ""])).articles


def test_a_column_rubric_headline_starts_an_article_and_runs_on_into_nothing():
    arts = _articles("团结合作是抗击疫情最有力的武器",
                     "中非团结合作抗疫也有利于推进构建人类命运共同体。在关键时刻举行的特别峰会，再次彰显了中非患难与共的情谊。",
                     "专题深思：越是开放越要重视安全",
                     "党的十八大以来，以习近平同志为核心的党中央高度重视发展和安全问题。")
    assert [a.headline for a in arts] == ["团结合作是抗击疫情最有力的武器", "专题深思：越是开放越要重视安全"]


# A headline, a short subheadline (a clause, no full stop) and a long lead that
# ends its sentence: the synthetic training pages hardly have subheadlines, so a
# short line under a headline looked like the first piece of a cut lead (the
# continuation model put this one at p .80, where a join is forced without any
# evidence at the break). Rows from the example pages' real subheadlines and
# the `next_heading` feature keep it a subheadline.
SUBHEAD_PAGE = "\n\n".join([
    "", "本市明天起开展新一轮核酸筛查", "每户派一人下楼领取试剂",
    "市卫健委有关负责人说，本市正在推进新一轮核酸筛查工作，主要任务是彻底排查风险人群、切断传播链条，"
    "尽快遏制疫情扩散蔓延，尽早实现社会面清零。这一轮筛查将采取核酸检测与抗原检测相结合的方式，"
    "今天先在全市进行一次抗原检测。",
    "筛查期间，市民朋友要听从社区安排，有序下楼检测，保持一米以上距离。", ""])


def test_a_clause_under_a_headline_stays_the_subheadline():
    import zhnews

    a = zhnews.extract(SUBHEAD_PAGE).articles
    assert len(a) == 1
    assert a[0].headline == "本市明天起开展新一轮核酸筛查"
    assert a[0].subheadline == "每户派一人下楼领取试剂"
    assert a[0].text.startswith("市卫健委有关负责人说")


def test_gold_joins_label_the_break_they_run_across():
    from zhnews.line_roles_train import _crosses

    assert _crosses(["彻底排查风险人群"], "主要任务是彻底排查", "风险人群、切断传播链条。")
    assert not _crosses(["彻底排查风险人群"], "主要任务是彻底排查风险人群", "切断传播链条。")
    assert not _crosses(["切断传播链条"], "主要任务是彻底排查", "风险人群、切断传播链条。")


def test_example_pages_give_continuation_rows_with_their_subheadlines_as_no_cut():
    from zhnews.line_roles_train import EXAMPLES, example_rows

    if not any(EXAMPLES.glob("*.gold.json")):
        import pytest

        pytest.skip("../shared/examples missing")
    _, _, cx, cy = example_rows()
    below = cx[:, line_roles.CONTINUATION_FEATURES.index("below_heading")] > 0
    assert below.sum() >= 10 and cy[below].sum() == 0  # subheadlines and section titles, none cut
    assert cy.sum() >= 1  # a cut piece the rules leave to the model is labelled from the gold `joined`


def test_model_check_allows_only_last_digit_noise():
    """`--check` accepts a retrain that differs in the last rounded digit (numpy's
    sums may run in another order in another process), nothing more."""
    from zhnews.line_roles_train import _same

    shipped = {"weights": [0.123456, -1.0], "trees": [[3, 0.5, 0.000101, -0.2]], "features": ["a", "b"]}
    assert _same(shipped, {"weights": [0.123457, -1.0], "trees": [[3, 0.5, 0.000102, -0.2]], "features": ["a", "b"]})
    assert not _same(shipped, {"weights": [0.12346, -1.0], "trees": [[3, 0.5, 0.000101, -0.2]], "features": ["a", "b"]})
    assert not _same(shipped, {"weights": [0.123456, -1.0], "trees": [[4, 0.5, 0.000101, -0.2]], "features": ["a", "b"]})
    assert not _same(shipped, {"weights": [0.123456, -1.0], "trees": [[3, 0.5, 0.000101, -0.2]], "features": ["a", "c"]})
    assert not _same(shipped, {"weights": [0.123456], "trees": [[3, 0.5, 0.000101, -0.2]], "features": ["a", "b"]})
