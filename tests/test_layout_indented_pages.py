"""Issue 13: pages copied from print (hard line ends, indented paragraph starts,
no blank lines) and the article-start model; parallel section headings; notes
and credits a line end cut."""

import zhnews
from zhnews import layout, line_roles

A = ["让老字号焕发新活力",
     "近年来，不少老字号企业主动拥抱变化，在产品研发、营销方式和门店形象上下功夫，吸引了越来越多年轻消费者的目光。",
     "老字号承载着一座城市的记忆。面对新的消费需求，守正创新是老字号长久发展的关键，既要守住传统技艺，也要敢于推出新品。",
     "相关部门应进一步完善扶持政策，帮助老字号企业解决融资难、用工难等实际问题，为老字号发展营造良好环境。"]
B = ["基层减负要落到实处，把时间还给群众",
     "基层是各项政策落地的最后一公里。一段时间以来，一些地方填表报数多、督查检查多，让基层干部疲于应付。",
     "为基层减负，关键在于转变作风。上级部门要少发文件、开短会，把更多时间和精力留给基层干部干实事。",
     "只有真正把减负措施落到实处，才能让基层干部轻装上阵，把心思用在为群众办实事上。"]


def indented(articles, width=28):
    lines = []
    for art in articles:
        lines.append(art[0])
        for p in art[1:]:
            lines.append("\u3000\u3000" + p[:width])
            lines += [p[k:k + width] for k in range(width, len(p), width)]
    return "\n".join(lines) + "\n"


def test_undated_articles_on_an_indented_page_are_told_apart_by_the_model():
    # (before: on pages that indent paragraphs only a dateline or credit started an article)
    page = zhnews.extract(indented([A, B]))
    assert [a.headline for a in page.articles] == [A[0], B[0]]


def test_a_wrapped_paragraphs_first_line_is_no_heading():
    text = "\n".join(["冬季运动热度持续攀升",
                      "\u3000\u3000随着气温下降，各地滑雪场陆续开门迎客，冰雪运动爱好者纷纷走上雪道。",
                      "\u3000\u3000不少城市还推出了冰雪主题的文旅活动，带动餐饮、住宿等消费",
                      "持续增长。",
                      "\u3000\u3000业内人士表示，冰雪运动正从小众走向大众，相关装备销售明显增加。"]) + "\n"
    units = layout.tokenize(text)
    assert layout.indent_marks_paragraphs(units)
    k = next(k for k, u in enumerate(units) if u.text.startswith("不少城市"))
    assert layout._wrapped_first_line(units, k, True)
    art, = zhnews.extract(text).articles
    assert any(art.text[p.start:p.end].startswith("不少城市还推出了冰雪主题的文旅活动，带动餐饮、住宿等消费持续增长")
               for p in art.paragraphs)


def test_a_credit_cut_by_a_line_end_heads_nothing():
    for note in ("（本报记者李明、王华、张", "（作者为北京大学经济学院教授、北京大学国民经济研究中心主任"):
        tail = "珊珊采访整理）" if note.startswith("（本报") else "，本报记者郭雪岩采访整理）"
        text = "\n".join(["标题一", "\u3000\u3000正文第一段写了很多很多内容，这里是第一行文字", "继续写下去的第二行文字。",
                          "\u3000\u3000" + note, tail, "标题二", "\u3000\u3000第二篇文章的正文在这里，写了一些内容", "第二行。"]) + "\n"
        assert [a.headline for a in zhnews.extract(text).articles] == ["标题一", "标题二"]
        assert [a.headline for a in zhnews.extract(text.replace("\n", "\n\n")).articles] == ["标题一", "标题二"]


def test_a_parallel_heading_below_is_seen():
    lines = ["古镇焕新颜", "这里的老街吸引了大批游客前来参观。", "拉杆箱“退休”记", "正文一段。",
             "环境执法体检邀约记", "正文二段。", "智慧旅游增动能，服务品质再升级", "正文三段。", "全域旅游展新貌，产业振兴动力足", "正文。"]
    units = layout.tokenize("\n\n".join(lines))
    at = {u.text: k for k, u in enumerate(units)}
    headings = {at[t] for t in lines if t.endswith(("记", "级", "足"))}.__contains__
    assert line_roles.parallel_below(units, at["拉杆箱“退休”记"], at["拉杆箱“退休”记"] + 1, headings)  # same last character
    k = at["智慧旅游增动能，服务品质再升级"]
    assert line_roles.parallel_below(units, k, k + 1, headings)  # same comma, like length
    k = at["环境执法体检邀约记"]
    assert not line_roles.parallel_below(units, k, k + 1, {at["全域旅游展新貌，产业振兴动力足"]}.__contains__)


def _record(source, title, paragraphs):
    return {"source": source, "title": title, "paragraphs": paragraphs, "url": title}


def test_a_broadcast_record_teaches_no_article_starts_but_still_joins():
    from zhnews import line_roles_train

    items = [_record("新闻联播", "某某会议在京闭幕 习近平发表重要讲话",
                     ["会议在人民大会堂闭幕。" * 8, "某某会见外宾", "双方就共同关心的问题交换了意见，一致同意深化合作。" * 4]),
             _record("新闻联播", "全国两会代表通道 共绘发展蓝图",
                     ["代表们走上通道回答记者提问，畅谈履职体会和发展思路，介绍家乡新变化。" * 4, "部长通道", "多位部长回答提问。" * 6])]
    x, y, cx, cy = line_roles_train.rows(items)
    assert len(y) == 0 and len(cy) > 0
    x, y, cx, cy = line_roles_train.rows([{**r, "source": "光明日报"} for r in items])
    assert len(y) > 0


def test_the_rmrb_pages_trained_on_are_not_the_ones_layout_synthetic_measures():
    import sys
    from pathlib import Path

    from zhnews import line_roles_train

    pages = line_roles_train.rmrb_pages(line_roles_train.RMRB_TRAIN_DATES)
    assert pages and {r["date"] for p in pages for r in p} <= line_roles_train.RMRB_TRAIN_DATES
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import layout_synthetic

    measured = layout_synthetic.measure(str(line_roles_train.RMRB))["pages"]
    everything = layout_synthetic.measure(str(line_roles_train.RMRB), all_dates=True)["pages"]
    examples = {k for k in line_roles_train.example_pages() if k[0] in line_roles_train.RMRB_TRAIN_DATES}
    assert examples and not {(p[0]["date"], p[0]["page"]) for p in pages} & examples  # the examples stay unseen
    assert measured + len(pages) + len(examples) == everything


def test_long_wrapped_paragraphs_still_mark_an_indenting_page():
    # a paragraph of ~300 characters wrapped at 30 gives one indented line in ten
    para = "各地持续推进城乡融合发展，" * 23 + "取得明显成效。"
    text = indented([["融合发展的新实践", para, para], ["冬季运动热度持续攀升", para, para]], width=30)
    units = layout.tokenize(text)
    share = sum(u.indented for u in units) / len(units)
    assert share < 0.2 and layout.indent_marks_paragraphs(units)


def test_an_unindented_line_going_on_into_body_text_is_no_heading():
    text = "\n".join(["标题甲", "\u3000\u3000第一段正文写在这里，讲了很多事情，也写了不少的内容",
                      "丰富多样的非遗传承活动，创新城镇社区非遗传播的途径与方式。",
                      "推动非遗深度嵌入社区，依托传统节庆仪式、民俗展演、非遗技艺",
                      "展示等活动，营造多层次的文化互动场域，促进居民间的深度联结",
                      "，以非遗增进社区凝聚力。", "\u3000\u3000第二段正文。", "\u3000\u3000第三段正文写在这里。"]) + "\n"
    units = layout.tokenize(text)
    k = next(k for k, u in enumerate(units) if u.text.startswith("推动非遗"))
    assert layout._wrapped_line(units, k, True)
    art, = zhnews.extract(text).articles
    assert not any(art.text[p.start:p.end] == units[k].text for p in art.paragraphs)
