"""A chart's source note ("数据来源：……", no full stop) ends its block: the line after it is not
glued to it, and a headline there can start an article (bylines_dev set 3: the closing note of
the article under such a headline went to the article above)."""

from zhnews import layout

PAGE = "\n\n".join([
    "",
    "陕建控股集团锚定转型航向",
    "本报西安1月29日电  （记者张文豪）岁末年初，一批承载发展重托与民生期盼的重点工程项目捷报频传。",
    "集团锚定目标，将传统模式升级为综合模式，实现企业发展从被动接项目向主动创价值转变。",
    "数据来源：陕西建工控股集团有限公司",
    "开年探“实”",
    "1月20日，“开年第一课”上，习近平总书记强调要树立和践行正确政绩观，坚持从实际出发。",
    "“十五五”开局起步之际，各地各部门抓落实、求实效，重大项目建设加速推进，开局良好。",
    "",
])


def test_headline_after_a_source_note_starts_an_article():
    drafts = layout.segment(PAGE)
    assert [layout.split_heads(d.heads)[1] for d in drafts] == ["陕建控股集团锚定转型航向", "开年探“实”"]
    note = drafts[0].paragraphs[-1]
    assert [u.text for u in note] == ["数据来源：陕西建工控股集团有限公司"]


def test_source_note_before_a_dated_headline_is_no_kicker():
    from zhnews.extraction import extract_text

    page = "\n\n".join([
        "", "重庆市总工会：数字赋能文体活动",
        "近年来，重庆市总工会以数字化改革为引擎，系统谋划文体活动，走出了一条特色路径。",
        "数据来源：重庆市总工会",
        "广东广州发出首张养老服务认证证书",
        "本报广州1月27日电  （记者罗艾桦）近日，广东省广州市首张养老服务认证证书颁出。",
        "该证书的颁发，标志着养老服务认证工作迈出了实质性步伐，为区域养老服务标准衔接提供了样本。", ""])
    arts = extract_text(page, name="rmrb-2026-01-28.txt", date="2026-01-28").to_dict()["articles"]
    assert [(a["kicker"], a["headline"]) for a in arts][-1] == (None, "广东广州发出首张养老服务认证证书")
