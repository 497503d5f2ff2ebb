"""Page → articles: headlines, in-article headings, column-break repair.

The real pages beside the repository teach the rules; the synthetic cases
below are written in the same style to pin each rule down.
"""

from __future__ import annotations

import re

import pytest

import zhnews
from zhnews.layout import continues, heading_like, segment, split_heads, tokenize

from conftest import example_pages, gold_for

WS = re.compile(r"\s+")


def squash(s: str | None) -> str | None:
    return None if s is None else WS.sub("", s.replace("\xa0", " "))


@pytest.mark.parametrize("page", example_pages(), ids=lambda p: p.stem)
def test_articles_and_heads_match_gold(page):
    gold = gold_for(page)
    if gold is None:
        pytest.skip("no gold file")
    got = zhnews.extract(page)
    assert [squash(a.headline) for a in got.articles] == [squash(a["headline"]) for a in gold["articles"]]
    for a, g in zip(got.articles, gold["articles"]):
        assert squash(a.kicker) == squash(g["kicker"]), a.headline
        assert squash(a.subheadline) == squash(g["subheadline"]), a.headline
        body = squash(a.text)
        assert body.startswith(squash(g["body_starts"])), a.headline
        assert body.endswith(squash(g["body_ends"])), a.headline


@pytest.mark.parametrize("page", example_pages(), ids=lambda p: p.stem)
def test_joins_both_ways(page):
    """Every break the gold says the layout made is joined, and no join is
    made where the input had a real paragraph end."""
    gold = gold_for(page)
    if gold is None:
        pytest.skip("no gold file")
    source = page.read_text(encoding="utf-8")
    got = zhnews.extract(page)
    for a, g in zip(got.articles, gold["articles"]):
        paragraphs = [squash(a.text[p.start : p.end]) for p in a.paragraphs]
        for joined in g["joined"]:
            assert any(squash(joined) in p for p in paragraphs), (a.headline, joined)
        for j in a.joins:
            before = source[a.offsets[j - 1]]
            # the character before a join never ends a sentence in the input
            assert before not in "。！？!?", (a.headline, a.text[max(0, j - 10) : j + 10])
        # every input line that ended a sentence ends a paragraph
        ends = {p.end for p in a.paragraphs}
        for i, ch in enumerate(a.text):
            if ch == "\n":
                continue
            src = a.offsets[i]
            nxt = source[src + 1 : src + 2]
            if ch in "。！？" and nxt == "\n":
                assert i + 1 in ends or a.text[i + 1 : i + 2] in ("”", "）"), a.text[max(0, i - 10) : i + 5]


def test_offsets_map_text_back_to_input(extracted_examples):
    for path, page, _ in extracted_examples:
        source = path.read_text(encoding="utf-8")
        for a in page.articles:
            assert len(a.offsets) == len(a.text)
            for i, ch in enumerate(a.text):
                if a.offsets[i] >= 0:
                    assert source[a.offsets[i]] == ch
                else:
                    assert ch == "\n"


PAGE = """
两部门发文推动数据要素市场建设

本报北京3月2日电  （记者王晓东）国家数据局、财政部2日联合印发通知，要求各地加快培育数据要素市场。通知提出，到2027

年底，数据交易规模年均增长20%以上。

国家数据局有关负责人介绍，此次通知明确了三方面任务。

春耕时节看田间

“以前种地靠经验，现在种地靠数据。”在河南周口，种粮大户李建新说。

走进合作社

一台台播种机正在田里作业。

本报记者  张华
"""


def test_synthetic_page_rules():
    page = zhnews.extract(PAGE, date="2026-03-03", outlet="人民日报")
    heads = [a.headline for a in page.articles]
    assert heads == ["两部门发文推动数据要素市场建设", "春耕时节看田间"]
    first, second = page.articles
    assert first.byline.reporters == ["王晓东"] and first.date == "2026-03-02"
    assert "到2027年底" in first.text  # column break inside a number joined
    assert first.text.count("\n") == 1  # two paragraphs
    # a heading inside a feature stays in its body, as its own paragraph
    assert "走进合作社" in second.text
    assert any(p.heading and second.text[p.start : p.end] == "走进合作社" for p in second.paragraphs)
    assert second.byline.reporters == ["张华"]  # closing credit
    assert "张华" not in second.text


def test_heading_versus_column_break():
    units = tokenize("拉杆箱“退休”记\n从企业找政策到政策找企业\n此外，有的群众对醉驾新规理解不到\n位，心存侥幸而触犯法律。")
    head, sub, cut, rest = units
    assert heading_like(head) and not continues(head, sub)
    assert not heading_like(cut)  # a sentence opener "此外，" is not a heading
    assert continues(cut, rest)


def test_rubric_tagged_lines_are_headlines_despite_early_comma_or_length():
    from zhnews.layout import _heading_text

    assert _heading_text("各方发力，才能行稳致远（评论员观察）")  # comma at 4, closed by a tag
    assert _heading_text("把握高质量发展的根本要求（深入学习贯彻习近平新时代中国特色社会主义思想·专家谈）")
    assert not _heading_text("此外，有关部门将加快推进（试行）")  # a sentence opener, then a tag
    assert not _heading_text("他说，这项工作推进顺利。（完）")
    page = zhnews.extract(
        "各方发力，才能行稳致远（评论员观察）\n\n当各方所需、所长相互补位，发展就有了更多新的增长点\n\n"
        "令人振奋的，不一定是大场面，或许是小瞬间。",
        date="2026-03-03",
        outlet="人民日报",
    )
    assert [a.headline for a in page.articles] == ["各方发力，才能行稳致远（评论员观察）"]


def test_word_split_by_column_joins_even_when_short():
    # "意"+"识" is a pair running text writes together: not a heading break
    units = tokenize("要增强保护知识产权的意\n识，从落实国家战略的高度出发。")
    assert continues(units[0], units[1])


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["山西代表团代表接受中外媒体采访", "唐登杰金湘军回答记者提问"], (None, "山西代表团代表接受中外媒体采访", "唐登杰金湘军回答记者提问")),
        (["上海警方提示：市民应配合进行核酸采样检测", "应检未检将被依法处理"], ("上海警方提示：市民应配合进行核酸采样检测", "应检未检将被依法处理", None)),
        (["世博方舱医院今天起分批送走符合条件的出院者", "“我战胜了病毒！ 我要出院了！”"], ("世博方舱医院今天起分批送走符合条件的出院者", "“我战胜了病毒！ 我要出院了！”", None)),
        (["坚定信心 乘势而上", "——写在新春佳节之际"], (None, "坚定信心 乘势而上", "写在新春佳节之际")),
    ],
)
def test_split_heads(lines, expected):
    units = tokenize("\n".join(lines))
    assert split_heads(units) == expected


def test_captions_and_furniture_are_not_articles():
    text = "标题一则新闻\n\n本报讯（记者 李明）3月1日，某地举行活动。\n\n（本报记者 王强摄）\n\n本版责编：张三  版式设计：李四\n"
    drafts = segment(text)
    assert len(drafts) == 1
    page = zhnews.extract(text, date="2026-03-02")
    assert "摄" not in page.articles[0].text and "责编" not in page.articles[0].text


def test_text_copied_from_a_news_website():
    """The furniture of an article web page copied with it: time and source line,
    buttons, editor note, share links. The article, its outlet and date survive."""
    text = (
        "全国春耕备耕有序推进\n"
        "2026年03月05日08:12 | 来源：人民网－人民日报\n"
        "小字号\n"
        "点击播报本文，约\n"
        "本报北京3月4日电  （记者吴立新）记者从农业农村部获悉：当前，全国春耕备耕有序推进，农资供应总体充足。\n"
        "农业农村部有关负责人表示，将加强农资市场监管。\n"
        "（责编：王伟、李明）\n"
        "分享让更多人看到\n"
        "返回顶部\n"
    )
    page = zhnews.extract(text)
    assert page.published == "2026-03-05" and page.outlet == "人民日报"
    (art,) = page.articles
    assert art.headline == "全国春耕备耕有序推进"
    assert art.byline.reporters == ["吴立新"] and art.byline.outlet == "人民日报"
    assert art.text.endswith("将加强农资市场监管。")
    assert [p.name for p in art.people] == ["吴立新"]  # not the web editors


def test_wire_feature_with_title_after_dateline_and_end_mark():
    text = (
        "新华社北京3月5日电 题：春耕正当时——各地春耕备耕见闻\n"
        "新华社记者 王伟 李明\n"
        "惊蛰过后，各地春耕备耕陆续展开。在河南省周口市，农民正忙着给小麦浇水施肥。\n"
        "“今年的墒情不错。”种粮大户张建国说。（完）\n"
    )
    page = zhnews.extract(text, date="2026-03-06")
    (art,) = page.articles
    assert (art.headline, art.subheadline) == ("春耕正当时", "各地春耕备耕见闻")
    assert art.byline.outlet == "新华社" and art.byline.reporters == ["王伟", "李明"]
    assert art.date == "2026-03-05"
    assert art.text.startswith("惊蛰过后") and art.text.endswith("种粮大户张建国说。")  # no （完）
    for p in art.paragraphs:  # offsets still point into the input
        seg = art.text[p.start : p.end].replace("\n", "")
        assert seg in text.replace("\n", "")


def test_indented_paragraphs_with_hard_line_ends():
    text = (
        "全市召开安全生产工作会议\n"
        "　　本报讯（记者 吴立新）3月5日，全市召开安全生产工作会议，部署下一阶段工作。\n"
        "会议强调，要压实企业主体责任，加强重点行业领域隐患排查整治，坚决遏制\n"
        "重特大事故发生。\n"
        "　　会议指出，今年以来全市安全生产形势总体平稳。\n"
        "　　会议要求，各地各部门要抓好各项工作。\n"
        "春耕备耕有序推进\n"
        "　　本报讯（记者 程晓）全市春耕备耕有序推进。\n"
    )
    page = zhnews.extract(text, date="2026-03-06", outlet="山西日报")
    first, second = page.articles
    assert second.headline == "春耕备耕有序推进"
    paras = [first.text[p.start : p.end] for p in first.paragraphs]
    # a line after a 。 that is not indented goes on with its paragraph
    assert paras[0] == "3月5日，全市召开安全生产工作会议，部署下一阶段工作。会议强调，要压实企业主体责任，加强重点行业领域隐患排查整治，坚决遏制重特大事故发生。"
    assert len(paras) == 3


def test_zero_width_characters_leave_headlines():
    from zhnews.extraction import extract_record

    page = extract_record({"url": "u", "date": "2026-02-01", "title": "\u200b机械装备让现代农业更有“劲”",
                           "paragraphs": ["2025年，我国粮食产量再次站上1.4万亿斤台阶。"]})
    assert page.articles[0].headline == "机械装备让现代农业更有“劲”"
    page = zhnews.extract("\ufeff\u200b春耕正当时\n本报记者 吴立新\n惊蛰过后，各地春耕备耕陆续展开。", date="2026-03-06")
    assert page.articles[0].headline == "春耕正当时"


def test_box_label_under_a_headline_opens_the_body():
    """"核心阅读" / "读者关切" under a headline is a box label, not the headline
    (before: the headline became the kicker and the label the headline), and
    the line after it is a paragraph of its own."""
    page = ("秋粮收购进度过半\n\n"
            "本报北京10月8日电  （记者王明）国家粮食和物资储备局8日发布数据显示，各类粮食企业累计收购秋粮超过一亿吨，收购进度过半。\n\n"
            "负责人表示，将继续加强市场监测，确保农民售粮顺畅。\n\n"
            "劳务经纪人，为村民和企业牵线搭桥（民生一线）\n\n"
            "核心阅读\n\n"
            "帮村民找工作，帮企业招员工，在重庆忠县，一支劳务经纪人队伍活跃在乡村和企业之间。\n\n"
            "“老乡，你家里有几口人？需不需要找工作？”这样的对话，在忠县乡村里随处可以听到。")
    arts = zhnews.extract(page, date="2026-10-09").articles
    assert [a.headline for a in arts] == ["秋粮收购进度过半", "劳务经纪人，为村民和企业牵线搭桥（民生一线）"]
    second = arts[1]
    assert second.kicker is None
    paras = [second.text[p.start:p.end] for p in second.paragraphs]
    assert paras[0] == "核心阅读" and paras[1].startswith("帮村民找工作") and paras[1].endswith("之间。")


def test_photo_between_headline_and_dateline_stays_in_the_article():
    """A caption and its photographer's credit (…摄) between headline and
    dateline: the credit belongs to the photo and closes nothing, so the
    dateline is the same article's (before: an article without a headline)."""
    page = ("李强同芬兰总理会谈\n\n"
            "1月27日下午，国务院总理李强在北京人民大会堂同芬兰总理举行会谈。\n\n"
            "新华社记者  黄敬文摄\n\n"
            "新华社北京1月27日电  （记者董雪）1月27日下午，国务院总理李强在北京人民大会堂同来华进行正式访问的芬兰总理举行会谈。\n\n"
            "李强表示，中方愿同芬方加强各领域合作。")
    arts = zhnews.extract(page, date="2026-01-28").articles
    assert [a.headline for a in arts] == ["李强同芬兰总理会谈"]
    assert arts[0].text.startswith("1月27日下午，国务院总理李强在北京人民大会堂同来华")


def _articles(date: str, *paragraphs: str):
    """The articles of a page made of these paragraphs (blank lines between)."""
    return zhnews.extract("\n\n".join(paragraphs), date=date).articles


@pytest.mark.parametrize("closing", ["（本报伦敦电）", "杨  羽文", "韩  鑫  朱德辉摄影报道"])
def test_signature_and_source_lines_end_an_article(closing):
    """A source note (本报…电), an author's "杨  羽文" or a photo story's
    "…摄影报道" ends the article: the next heading starts another, and the
    line is neither a headline nor body text."""
    arts = _articles("2026-01-28", "古城灯会点亮新春",
                     "春节临近，古城里的灯会吸引了大批游客前来观赏，各色彩灯把街巷装点得流光溢彩。",
                     "游客们穿行在灯海之中，拍照留念，感受浓浓的年味。", closing, "法律援助贵在触达",
                     "法律援助是一项惠民工程，让困难群众打得起官司，是法治社会的应有之义。")
    assert [a.headline for a in arts] == ["古城灯会点亮新春", "法律援助贵在触达"]
    assert closing.replace(" ", "") not in arts[0].text.replace(" ", "").replace("\u3000", "")


def test_photo_credit_lines_are_captions():
    units = tokenize("以上图片均为中国地质调查局广州海洋地质调查局提供\n资料照片\n")
    assert [u.kind for u in units] == ["caption", "caption"]


@pytest.mark.parametrize("label", ["■延伸阅读", "案例二", "——编  者"])
def test_a_label_inside_an_article_starts_nothing(label):
    """Even after a dated article, where any heading starts the next one."""
    page = ("冰雪经济火热起来\n\n"
            "本报哈尔滨1月27日电  （记者王明）今冬以来，各地冰雪旅游持续升温，滑雪场、冰雪乐园迎来大批游客。\n\n"
            f"{label}\n\n"
            "冰雪产业链条长、带动作用强，装备制造、文旅服务等领域都将从中受益。")
    arts = zhnews.extract(page, date="2026-01-28").articles
    assert [a.headline for a in arts] == ["冰雪经济火热起来"]
    paras = [arts[0].text[p.start:p.end] for p in arts[0].paragraphs]
    assert label in paras and paras[-1].startswith("冰雪产业链条长")


def test_a_note_on_several_authors_ends_the_article():
    arts = _articles("2020-12-05", "为全球合作注入动力", "当前，全球经济复苏仍面临诸多挑战，各国需要加强宏观政策协调。",
                     "（作者分别为中国人民大学国际关系学院教授、博士研究生）", "为全球共同抗疫贡献中国力量",
                     "当前，全球疫情仍在蔓延，一些国家面临第二波疫情冲击。")
    assert [a.headline for a in arts] == ["为全球合作注入动力", "为全球共同抗疫贡献中国力量"]
    assert arts[0].text.endswith("博士研究生）")


@pytest.mark.parametrize("note", ["（海洋）", "（新华社）", "（编辑 张三）"])
def test_a_note_after_the_last_sentence_is_no_column_cut(note):
    """"……降级”。（海洋）": the editor's name a news site prints after the last
    sentence; the paragraph was not cut there, so the headline below is not
    glued to it (before: the next article's headline ran on into this one)."""
    arts = _articles("2026-01-29", "美国会民主党人要求国土安全部长下台",
                     "新华社华盛顿1月28日电  美国国会民主党人28日要求国土安全部长下台。",
                     f"特朗普27日还表示，将采取举措让局势“稍微降级”。{note}", "中国驻澳大使：中澳关系重要性远超双边范畴",
                     "新华社堪培拉1月28日电（记者王佳琳）中国驻澳大利亚大使28日表示，中澳关系的重要性远超双边范畴。")
    assert [a.headline for a in arts] == ["美国会民主党人要求国土安全部长下台", "中国驻澳大使：中澳关系重要性远超双边范畴"]
    assert arts[0].text.endswith(note)


def test_a_conditional_can_open_a_headline():
    """如果/只要/只有 open headlines ("如果岩画会说话：……"), unlike the connectives
    that join a line to the sentence before it (此外, 因此, 然而)."""
    arts = _articles("2026-01-28", "如果岩画会说话：我们是石头上的时光叙事者", "【文博新语】",
                     "在地球的各个角落，无论是高山崖壁还是幽深洞穴，都可能藏着一种特殊的文化遗产——岩画。")
    assert [a.headline for a in arts] == ["如果岩画会说话：我们是石头上的时光叙事者"]


def test_a_name_cut_after_its_title_is_joined():
    arts = _articles("2022-05-30", "更高效统筹疫情防控和经济社会发展",
                     "本报讯  连日来，市委、市政府每天晚上召开疫情防控工作例会，部署常态化防控重点工作。",
                     "市委副书记、市长、市疫情防控工作领导小组组长龚", "正在会上作工作部署。市政协主席出席会议。")
    assert [a.headline for a in arts] == ["更高效统筹疫情防控和经济社会发展"]
    assert "组长龚正在会上" in arts[0].text


def test_a_column_headline_after_an_unfinished_line_starts_an_article():
    """"思想纵横：……" cannot go on from the line above, even when that line (a
    credit a column cut) ends without a full stop."""
    arts = _articles("2020-12-05", "开拓合作共赢新局面", "各国走向开放、走向合作的大势没有改变。",
                     "（本报北京、开罗电  记者龚鸣、黄培昭", "思想纵横：积极推动文明交流互鉴",
                     "在漫长的历史长河中，人类创造和发展了多姿多彩的文明。")
    assert [a.headline for a in arts] == ["开拓合作共赢新局面", "思想纵横：积极推动文明交流互鉴"]


@pytest.mark.parametrize("line, heading", [("助企纾困，加快恢复经济社会发展活力", True),
                                           ("会议强调，要加快恢复经济社会发展", False),
                                           ("他表示，企业复工进度加快", False)])
def test_an_early_comma_after_a_saying_verb_opens_a_sentence(line, heading):
    """"会议强调，" / "他表示，" open a sentence; a headline's first phrase may
    end on another verb ("助企纾困，……")."""
    assert heading_like(tokenize(line)[0]) is heading


@pytest.mark.parametrize("note", ["（摘编自《科技日报》，原题为《“贴标签式创新”要不得》）", "（相关视频请见人民网“体验”栏目）"])
def test_reprint_and_related_media_notes_end_an_article(note):
    arts = _articles("2026-01-29", "多点“懂我所需”的创新", "从智能理发器到智能眼镜，新产品层出不穷。", note,
                     "让劳动者放心打拼", "劳动保障监察员的日常，是由无数琐碎、细密甚至重复的事项构成的。")
    assert [a.headline for a in arts] == ["多点“懂我所需”的创新", "让劳动者放心打拼"]


def test_a_date_and_a_comma_open_a_lead_not_a_heading():
    assert not heading_like(tokenize("12月7日，中共中央政治局常委、国务院总理、国家")[0])
    assert heading_like(tokenize("12月7日的一堂思政课")[0])


@pytest.mark.parametrize("line", ["座谈会上，普陀区万里街道负责人", "今年以来，全市新增"])
def test_a_place_or_time_before_an_early_comma_opens_a_sentence(line):
    assert not heading_like(tokenize(line)[0])


@pytest.mark.parametrize("line", ["——黑龙江省省长王文涛近日在全省疫情防控工作电视电话会议上说", "――编\xa0\xa0者"])
def test_an_attribution_or_signature_line_is_a_label(line):
    """Who said the quote above, or the editor's signature: never a heading."""
    from zhnews.layout import label_line

    assert label_line(line)
    arts = _articles("2020-12-05", "“平战结合”常态化  秋冬防控动态化（声音）", "本报记者 王明",
                     "要加强排查演练和物资储备，做好应急预案。", line, "疫情防控要坚持人物同防，织密织牢防护网。")
    assert len(arts) == 1


def test_a_production_credit_ends_the_article():
    import zhnews

    page = zhnews.extract("标题\n\n【简介】国资委副主任庞骁刚表示，资产总额连跨三大台阶。\n\n记者：卢佳\n\n新华社国内部出品\n\n"
                          "第二条新闻标题\n\n本报讯 昨天，会议召开。\n")
    assert [a.headline for a in page.articles] == ["标题", "第二条新闻标题"]
    assert page.articles[0].text.endswith("三大台阶。")


LONG_QA_HEADLINE = "外交部发言人就某国议会通过所谓“边境地区人权与安全法案”有关问题答记者问"
LONG_EVENT_HEADLINE = "国家副主席同来访的某国总理在人民大会堂举行会谈并共同出席双边合作文件签字仪式"


def test_a_long_headline_above_a_question_opens_the_article():
    """Issue 13: a 外交部 headline longer than MAX_HEADING_CHARS ("……答记者问") at
    the top of a page is the headline, not body joined to the "问：" line."""
    from zhnews.layout import MAX_HEADING_CHARS

    assert len(LONG_QA_HEADLINE) > MAX_HEADING_CHARS
    arts = _articles("2020-01-30", LONG_QA_HEADLINE, "问：据报道，某国议会日前审议通过了所谓法案。中方对此有何评论？",
                     "答：中方对此表示强烈不满和坚决反对。我们敦促有关方面停止干涉中国内政。")
    assert [a.headline for a in arts] == [LONG_QA_HEADLINE]
    assert arts[0].text.startswith("问：据报道")


def test_a_long_headline_after_a_finished_article_starts_the_next():
    """A long one-clause headline ("……举行会谈并……签字仪式") after a closed article,
    above a lead that starts a sentence of its own, starts an article."""
    arts = _articles("2020-12-08", "开拓合作共赢新局面", "各国走向开放、走向合作的大势没有改变。", "（记者王明）",
                     LONG_EVENT_HEADLINE, "会谈前，国家副主席在人民大会堂北大厅为来访总理举行欢迎仪式。两国领导人一致同意深化各领域合作。")
    assert [a.headline for a in arts] == ["开拓合作共赢新局面", LONG_EVENT_HEADLINE]


@pytest.mark.parametrize("first, second", [
    # a word the column cut ("黑水" / "城，"): one character and a comma end it
    ("本次展览聚焦丝绸之路重要节点——今内蒙古阿拉善盟额济纳旗境内的黑水", "城，集中呈现百余年前出土的珍贵文物。"),
    # a pair running text writes together across the break ("战略" / "定力")
    ("在新征程上全党全国各族人民务必要始终坚定必胜信念保持历史耐心和战略", "定力，也要坚持问题导向和目标导向。"),
    # a word across the break ("即" / "将完成")
    ("西北大学马克思主义学院伍小东副教授编著的《西北联大亲历者口述史》即", "将完成，书中选录了数十篇校园故事。"),
])
def test_a_long_cut_piece_of_a_paragraph_is_no_headline(first, second):
    """The first piece of a paragraph a column cut, as long as a long headline and
    without a comma, still goes on into the second."""
    from zhnews.layout import MAX_HEADING_CHARS

    assert len(first) > MAX_HEADING_CHARS
    arts = _articles("2026-01-28", "开拓合作共赢新局面", "各国走向开放、走向合作的大势没有改变。", first, second)
    assert [a.headline for a in arts] == ["开拓合作共赢新局面"]
    assert first + second in arts[0].text


def test_a_journalists_questions_are_no_long_headline():
    """Several questions on one line ("……？能否……？") end sentences: a turn, not a
    headline, though the answer below opens a body; one long clause there is one."""
    from zhnews.layout import long_headline

    answer = tokenize("答：中方将根据有关国家的需求和疫情形势，继续提供力所能及的帮助。")[0]
    questions = tokenize("下一步中方还计划向哪些国家派遣医疗专家组？能否提供具体日期？中方会考虑哪些因素？")[0]
    assert not long_headline(questions, answer)
    assert long_headline(tokenize(LONG_QA_HEADLINE)[0], tokenize("问：据报道，某国议会日前审议通过了所谓法案。")[0])


def test_a_hard_wrapped_paragraph_line_is_no_long_headline():
    """Text copied from print: an indented first line of a paragraph, as long as a long
    headline, above its unindented second line is not a headline."""
    text = ("共建绿色发展新格局\n"
            "\u3000\u3000绿色发展是对生产方式和生活方式的全方位变革。\n"
            "\u3000\u3000绿色发展理念生动彰显了习近平总书记谋划解决中国式现代化进程中重大问题的前瞻思考\n"
            "和战略远见，具有很强的理论感召力和现实针对性，对于指引我国生态文明建设具有重要意义。\n")
    arts = zhnews.extract(text, date="2026-01-30").articles
    assert [a.headline for a in arts] == ["共建绿色发展新格局"]
    assert "前瞻思考和战略远见" in arts[0].text  # one paragraph, no heading inside


def test_a_headline_gapped_with_two_spaces_may_be_long():
    """"发挥比较优势  坚持稳中求进  推动……" (33 characters with its gaps) is one headline."""
    line = "发挥比较优势  坚持稳中求进  推动我国未来产业发展不断取得新突破"
    units = tokenize(line)
    assert len(units) == 1 and heading_like(units[0])
