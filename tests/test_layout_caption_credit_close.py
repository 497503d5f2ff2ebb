"""A photo's credit after its caption's sentence closes the caption: nothing joins across
it (join18, issue 13: on layout_dev a quoted in-article heading under such a caption
was glued to it and to the paragraph below, a false join on every seed)."""

from zhnews import layout
from zhnews.extraction import extract_text


def test_credit_after_a_full_stop_ends_the_line():
    assert layout.ends_sentence("这是1月24日在美国明尼苏达州明尼阿波利斯市拍摄的示威抗议现场。新华社发")
    assert layout.ends_sentence("这是2025年11月5日在美国首都华盛顿拍摄的美国国会大厦。新华社记者胡友松摄")
    assert layout.ends_sentence("游客在景区参观。受访者供图")


def test_no_credit_no_end():
    # a clause before 新华社发 is a sentence a column cut ("……新华社发" / "布了……"), no credit
    assert not layout.ends_sentence("据悉。近年来，新华社发")
    assert not layout.ends_sentence("会议强调，新华社发")
    assert not layout.ends_sentence("他拍摄了这张照片。摄")


PAGE = """\
明州局势引关注 民主党人要求部长下台

新华社北京1月28日电 随着联邦执法人员在明尼苏达州的行动持续引发大规模抗议，美国国会众议院民主党人27日纷纷表示，国土安全部长应引咎辞职。

这是1月24日在美国明尼苏达州明尼阿波利斯市拍摄的示威抗议现场。新华社发

“她该辞职了”

据美国媒体报道，美国会众议院少数党领袖等三名民主党高层27日共同呼吁白宫即刻解雇国土安全部长，否则他们将在众议院启动弹劾程序。
"""


def test_heading_under_a_credited_caption_is_no_piece_of_it():
    arts = extract_text(PAGE).articles
    texts = [a.text for a in arts]
    assert not any("新华社发“她该辞职了”" in t or "新华社发她该辞职" in t for t in texts)
    assert not any("“她该辞职了”据美国" in t for t in texts)


def test_full_line_ending_a_sentence_goes_on_into_a_mid_paragraph_opener():
    # a page hard-wrapped at 12: "……维护开放与安全。" fills the column, "他……" takes up the sentence
    body = ("会议指出，各方要坚持多边主义，要维护开放与安全。他说，中国愿同各方一道，推动合作走深走实，"
            "为世界和平与发展作出新的贡献。会议还研究了其他事项，部署了下一阶段的工作安排，大家一致表示赞同"
            "并将认真抓好落实，确保各项任务按期完成，取得实效。")
    lines = [body[k:k + 12] for k in range(0, len(body), 12)]
    assert lines[1].endswith("。") and lines[2].startswith("他")
    page = "会议在京召开\n\n" + "\n".join(lines) + "\n"
    units = layout.tokenize(page)
    assert layout.column_measure(units) == 12
    arts = extract_text(page).articles
    assert any("维护开放与安全。他说" in a.text for a in arts)


WIRE_UNDER_PHOTO = """
廖锡龙同志逝世

廖锡龙同志遗像

新华社发

新华社北京1月29日电  中国共产党的优秀党员，中央军委原委员、中国人民解放军原总后勤部部长廖锡龙同志，因病于2026年1月23日在北京逝世，享年85岁。
"""


def test_photo_credit_over_a_dateline_is_none_of_it():
    # "新华社发" closes the photo's caption; it is no cut-off start of the dateline below
    # (it was read "新华社发新华社北京1月29日电", place "发新华社北京": bylines_dev set 3 rmrb:341)
    arts = extract_text(WIRE_UNDER_PHOTO).articles
    assert len(arts) == 1
    assert arts[0].headline == "廖锡龙同志逝世"
    assert arts[0].byline.dateline == "新华社北京1月29日电" and arts[0].byline.place == "北京"
