"""Names alone on their lines are authors' bylines, not headings (layout._mark_name_lines);
a symposium's pieces, each signed by an author listed under the headline, are one
article (layout._symposium_piece); what follows an editor's note's signature goes on in
the same article (layout._editor_signed); numbered photo captions ("图①：") are captions;
a note naming who wrote an article up, cut by a hard line end, is no headline."""

from zhnews import layout


def heads(text: str) -> list[str]:
    return [layout.split_heads(d.heads)[1] for d in layout.segment(text) if d.heads]


def test_the_name_shape():
    assert layout._name_shape("黄  兴")
    assert layout._name_shape("王玉珍")
    assert not layout._name_shape("高质量")  # one word, not a name
    assert not layout._name_shape("赏花")  # two characters without a gap
    assert not layout._name_shape("图片报道")


COMMENTARY = "\n\n".join((
    "公园夜间开放不妨再延长",
    "李  明",
    "入冬以来，不少城市的公园延长了夜间开放时间，市民饭后散步、锻炼有了好去处。",
    "延长开放时间，管理和安保要跟上，照明、巡逻和应急设施也要配齐。",
    "社区食堂要办得长久",
    "张  华",
    "社区食堂开进居民楼下，老人吃饭方便了，年轻人下班也能买上一份热菜。",
    "办得长久，既要控制成本，也要听取居民意见，不断改进菜品和服务。",
))


def test_an_author_line_is_no_subheadline():
    drafts = [d for d in layout.segment(COMMENTARY) if d.heads]
    assert [layout.split_heads(d.heads) for d in drafts][0] == (None, "公园夜间开放不妨再延长", None)
    # (the name stays out of the body, as a byline does)
    assert drafts[0].paragraphs[0][0].text.startswith("入冬以来")


SYMPOSIUM = "\n\n".join((
    "读书让生活更开阔（人文观察）",
    "陈立新",
    "赵  敏",
    "读书的意义在哪里？我们请两位读者谈谈各自的读书经历。",
    "——编  者",
    "“书是我走出山村的桥”",
    "陈立新",
    "我小时候家里没有几本书，村小学的图书角是我最常去的地方。",
    "后来我考上大学，又在图书馆里读了四年，书给了我看世界的眼光。",
    "（作者为某中学语文教师）",
    "“每晚读一页也不错”",
    "赵  敏",
    "工作忙起来，整本读完一本书不容易，我就给自己定下每晚读一页的规矩。",
    "一年下来，书架上竟也多了十几本读完的书。",
    "（作者为某公司职员）",
))


def test_a_symposium_is_one_article():
    assert heads(SYMPOSIUM) == ["读书让生活更开阔（人文观察）"]


def test_numbered_photo_captions():
    assert layout.CAPTION_RE.match("图①：盛开的水仙。")
    assert layout.CAPTION_RE.match("图12：项目现场。")


def test_a_cut_write_up_note_heads_nothing():
    text = "\n".join((
        "\u3000\u3000各地正加紧推进重点项目建设，力争一季度实现良好开局，为全年发展打下基础。",
        "\u3000\u3000（本报记者王明、李华、张强，通讯员赵",
        "刚参与采写）",
        "全国春运工作会议在京召开",
        "\u3000\u3000新华社北京1月9日电  全国春运工作会议9日在京召开。",
        "\u3000\u3000会议指出，今年春运客流预计创历史新高，各地要做好运力保障。",
    ))
    assert heads(text) == ["全国春运工作会议在京召开"]


def test_a_question_in_a_symposiums_last_piece_heads_nothing():
    # (the pieces before closed with their authors' notes: the last piece goes on regardless)
    text = SYMPOSIUM.replace("一年下来，书架上竟也多了十几本读完的书。",
                             "一年下来，书架上竟也多了十几本读完的书。\n\n如果有人问我：为什么要读书？\n\n"
                             "我会说：读书让平凡的日子多了一扇窗。")
    assert heads(text) == ["读书让生活更开阔（人文观察）"]


def test_a_headline_opening_with_a_time_word_after_a_closing_note():
    text = "\n\n".join((
        "边防连队的一天（兵之声）",
        "清晨六点，哨声响起，战士们迅速集合，开始了一天的训练。",
        "（作者为某边防连排长，王明、李华整理）",
        "冬夜，一场演练打响",
        "隆冬北疆，寒风刺骨。紧急集合哨声刺破夜空，某旅冬季野营拉练在山地间展开。",
    ))
    assert heads(text) == ["边防连队的一天（兵之声）", "冬夜，一场演练打响"]
    # (elsewhere the comma after a time word opens a sentence)
    assert not layout._heading_text("冬夜，一场演练打响")


def test_an_indented_line_under_a_flush_headline_is_no_subheadline():
    text = "\n".join((
        "\u3000\u3000此前双方已就访问日程进行了多轮磋商，",
        "并就重点合作领域交换了意见。",
        "某国总理将于下周对我国进行正式访问",
        "\u3000\u3000某某总理",
        "\u3000\u3000应国务院总理邀请，某国总理将于下周对中国进行正式访",
        "问。",
        "\u3000\u3000某某，毕业于某大学，获法学学士学位，曾任律师、检察",
        "长，2020年当选党首。",
    ))
    drafts = [d for d in layout.segment(text) if d.heads]
    assert [layout.split_heads(d.heads) for d in drafts] == [(None, "某国总理将于下周对我国进行正式访问", None)]


def test_a_part_label_after_a_closing_credit_reopens_the_article():
    text = "\n\n".join((
        "让消费更贴心（故事汇）",
        "案例一",
        "清晨的菜市场里，摊主们忙着摆货，扫码支付的提示音此起彼伏。",
        "（本报记者王明、李华整理）",
        "案例二",
        "凌晨五点，补货员已经开始清点货物，手中的补货单连着仓库与遍布城市的零售柜。",
        "每一件商品从出厂到被顾客拿",
        "在手里，背后是整个市场的变化。现在大家不仅要买得方便，还讲究品质和体验。",
    ))
    assert heads(text) == ["让消费更贴心（故事汇）"]


def test_a_hard_wrapped_caption_keeps_its_lines():
    text = "\n".join((
        "海岛水仙迎春开（一朵花读懂一座城）",
        "\u3000\u3000图①：普陀区桃花镇茅山村的水仙花基地，村民",
        "正在采收花球。",
        "\u3000\u3000隆冬时节，海岛上的野生水仙怡然绽放，寒风掠过礁石，",
        "花影婆娑，春的脚步近了。",
        "\u3000\u3000行走于大街小巷，还能看到许多与水仙花相关的文创产品，",
        "设计精巧，深受游客喜爱。",
        "\u3000\u3000每到冬日，退捕渔民们忙着种植水仙、接待游客，产业兴，",
        "出路多。",
    ))
    assert layout.indent_marks_paragraphs(layout.tokenize(text))
    d = [d for d in layout.segment(text) if d.heads][0]
    assert [u.text for p in d.paragraphs for u in p][0].startswith("隆冬时节")
