"""benchmarks/sections_dev.py: its hand-read gold names records that exist, none a
held-out page was built from, every start, end and in-article line occurs in its
record, and the heading score counts a line that heads a predicted article, or
is missing from its article's text, as not kept."""

from conftest import load_script

sections_dev = load_script("benchmarks/sections_dev.py")


def test_gold_strings_occur_in_their_records():
    gold = sections_dev.read_gold()
    assert len(gold) == 40
    pairs = sections_dev.records("dev") + sections_dev.records("check")  # asserts none is held-out
    assert len(pairs) == len(gold) and {g["half"] for g in gold} == {"dev", "check"}
    for r, g in pairs:
        paras = sections_dev.build_pages.clean_paragraphs(r)
        text = "".join(paras)
        assert g["body_starts"] in text and g["body_ends"] in text
        for line in g["inner"]:
            assert line["text"] in paras


def test_heading_score():
    golds = [{"key": "s|d|甲文", "inner": [{"text": "（一）", "in_body": True},
                                            {"text": "分节标题在这里", "in_body": True},
                                            {"text": "图片说明。", "in_body": False}]}]
    gold_articles = [{"headline": "甲文"}]
    pred = [{"headline": "甲文", "text": "正文。\n（一）\n正文。"}, {"headline": "分节标题在这里", "text": "正文。"}]
    kept, total, misses = sections_dev.score_headings(golds, gold_articles, pred)
    assert (kept, total) == (2, 3)
    assert misses == ["starts an article: 分节标题在这里 [甲文]"]
