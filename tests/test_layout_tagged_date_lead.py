"""A line a date and a comma open is a lead's column-cut first line even when a
parenthesis closes it as a rubric tag would (layout._tagged_headline)."""

from zhnews import layout


def test_a_date_lead_closed_by_a_parenthesis_is_no_tagged_headline():
    assert not layout._heading_text("2025年3月1日，《数据安全管理办法》（试行）")
    assert not layout._heading_text("5月8日上午，《全国农业现代化规划》（草案）")


def test_a_tagged_headline_still_reads_as_one():
    assert layout._heading_text("相互补台，才能好戏连台（评论员观察）")


LINES = (
    "数据安全新规落地",
    "本报北京3月2日电（记者 王明）国家有关部门近日发布通知，要求各地加快落实数据分类分级保护制度，推动数据安全管理工作取得实效。",
    "2025年3月1日，《数据安全管理办法》（试行）",
    "正式施行。办法明确了数据处理者的安全保护义务，并对重要数据的识别、备案和风险评估作出规定。",
)


def test_the_cut_lead_joins_its_paragraph():
    drafts = [d for d in layout.segment("\n\n" + "\n\n".join(LINES) + "\n\n") if d.heads]
    assert [layout.split_heads(d.heads)[1] for d in drafts] == ["数据安全新规落地"]


def test_a_span_of_dates_and_a_comma_open_a_lead():
    # "12月5日至6日，自治区党委书记陈全国" / "在和田地区调研……": a lead's first line, no subheadline
    assert not layout._heading_text("12月5日至6日，自治区党委书记陈全国")
    assert not layout._heading_text("2025年3月1日—3日，全国两会代表")
    assert layout._heading_text("12月5日至6日召开的会议精神")
