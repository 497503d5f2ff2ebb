"""Where a body starts under its headline (issue 13, benchmarks/bounds_dev.py):
a wire's own title line after the dateline ("新华社北京1月28日电 题：……") under
the page's headline is a deck, also where a column end cut it; summary lines
opening an undated article that the body repeats word for word are decks
(ANNOTATION.md), not a paragraph joined to the first one."""

from zhnews import layout
from zhnews.extraction import extract_text

HEAD = "为“十五五”美丽中国建设开好局起好步——生态环境部解读新一年生态环境保护工作发力点"
BODY = "“十五五”规划建议提出，美丽中国建设取得新的重大进展。生态环境部1月28日举行新闻发布会，介绍相关情况。"


def _page(*lines: str) -> str:
    return "\n\n".join(["", *lines, ""])


def test_a_wire_title_under_the_page_headline_is_a_deck():
    page = _page(HEAD, "新华社北京1月28日电 题：" + HEAD, "新华社记者魏弘毅", BODY)
    (a,) = extract_text(page, annotate=False).articles
    assert a.headline == HEAD
    assert a.text.startswith("“十五五”规划建议提出")
    assert a.deck == ["题：" + HEAD]


def test_a_wire_title_cut_by_a_column_end_stays_a_deck():
    page = _page(HEAD, "新华社北京1月28日电 题：为“十五五”美丽中国建设开好局", "起好步——生态环境部解读新一年生态环境保护工作发力点",
                 "新华社记者魏弘毅", BODY)
    (draft,) = layout.segment(page)
    assert not draft.closed
    (a,) = extract_text(page, annotate=False).articles
    assert a.text.startswith("“十五五”规划建议提出")


def test_a_summary_line_the_body_repeats_is_a_deck():
    deck = "“平”时加强管理，“战”时不要防御过度，而是要根据情况，因时因势开展精准防控"
    page = _page("“平战结合”常态化 秋冬防控动态化（声音）", deck,
                 "新冠肺炎疫情常态化防控，“快速反应、精准防控、动态清零”的策略可能是未来一段时间非常重要的应对措施。",
                 "实事求是，“平”“战”顺滑切换。" + deck + "，出现疫情后要快速反应。")
    (a,) = extract_text(page, annotate=False).articles
    assert a.text.startswith("新冠肺炎疫情常态化防控")
    assert a.deck == [deck]


def test_a_phrase_the_body_repeats_by_chance_stays_body():
    # (the body's copy runs on past the line's end: no summary of a clause)
    page = _page("中国短道速滑队全力备赛米兰冬奥会", "1月29日，中国短道速滑队在", "国家体育总局冬季运动管理中心进行训练。",
                 "1月29日，中国短道速滑队在北京进行公开训练。")
    (a,) = extract_text(page, annotate=False).articles
    assert a.text.startswith("1月29日，中国短道速滑队在国家体育总局")


def test_a_line_opening_with_title_name_and_verb_goes_on_from_the_line_above():
    # (the column cut between an organization and the title after it)
    page = _page("擘画宏伟蓝图 凝聚发展信心", "连日来，国际社会高度关注中国共产党第十九届中央委员会第五次全体会议。",
                 "日本帝京大学经济学部", "教授露口洋介表示，从全会公报中能深切感受到中国特色社会主义制度的优势。")
    (a,) = extract_text(page, annotate=False).articles
    assert "日本帝京大学经济学部教授露口洋介表示" in a.text
    assert layout._opens_with_titled_speaker("教授露口洋介表示，从全会公报中")
    assert not layout._opens_with_titled_speaker("老师们的意思是说，从总量上看")


def test_a_quotation_left_open_after_a_full_stop_goes_on_where_the_line_below_closes_it():
    page = _page("差别试点，建起改革“前哨站”", "习近平总书记强调：“抓好试点对改革全局意义重大。",
                 "要认真谋划深入抓好各项改革试点，多出可复制可推广的经验做法。”", "试点是改革的重要任务。")
    (a,) = extract_text(page, annotate=False).articles
    assert "意义重大。要认真谋划" in a.text
    assert "做法。”\n试点是" in a.text
    # (a quotation over paragraphs opens each again: that paragraph end stays)
    page = _page("差别试点，建起改革“前哨站”", "他说：“抓好试点对改革全局意义重大。", "“要认真谋划深入抓好各项改革试点。”")
    (a,) = extract_text(page, annotate=False).articles
    assert "重大。\n“要认真" in a.text


def test_a_number_cut_before_its_unit_goes_on():
    page = _page("中华文明的生命力", "中华文明经历了5000", "多年的历史变迁，始终保持着旺盛的生机和活力。")
    (a,) = extract_text(page, annotate=False).articles
    assert "经历了5000多年的历史变迁" in a.text


def test_a_line_opening_with_a_lead_adverbial_heads_nothing():
    page = _page("职业索赔如何认定", "在餐馆就餐恶意投放异物并索取财物，构成敲诈勒索罪。", "根据食品安全法和相关司法解释",
                 "规定，经营者销售已超过保质期的预包装食品，属于明知食品不符合食品安全标准。")
    (a,) = extract_text(page, annotate=False).articles
    assert "相关司法解释规定，经营者" in a.text
