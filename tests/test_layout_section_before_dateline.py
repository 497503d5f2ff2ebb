"""A heading read as a section, at most MAX_LEAD_PARAGRAPHS paragraphs, then a
dateline with no headline of its own: the heading was the next article's
headline and the paragraphs its deck (layout._split_last_section)."""

from zhnews import layout


def _draft(texts_and_flags):
    d = layout.Draft()
    pos = 0
    for text, flag in texts_and_flags:
        d.paragraphs.append([layout.Unit(text, pos, pos + len(text), "line")])
        d.heading_flags.append(flag)
        pos += len(text) + 2
    return d


def test_the_last_heading_run_and_its_paragraphs_come_off():
    d = _draft([("超市便进入“双线”运转，保供能力明显提升。", False),
                ("在“控得住”前提下加快经济恢复重振", True), ("发扬“店小二”精神", True),
                ("各层各级领导干部要主动关心企业、服务企业。要支持企业加快复工复产", False)])
    heads, deck = layout._split_last_section(d)
    assert [h.text for h in heads] == ["在“控得住”前提下加快经济恢复重振", "发扬“店小二”精神"]
    assert [p[0].text for p in deck] == ["各层各级领导干部要主动关心企业、服务企业。要支持企业加快复工复产"]
    assert [p[0].text for p in d.paragraphs] == ["超市便进入“双线”运转，保供能力明显提升。"]


def test_a_section_with_a_long_run_of_paragraphs_or_a_numbered_one_stays():
    long_tail = _draft([("前文。", False), ("小标题", True)] + [("段落。", False)] * (layout.MAX_LEAD_PARAGRAPHS + 1))
    assert layout._split_last_section(long_tail) is None
    numbered = _draft([("前文。", False), ("二、坚持问题导向", True), ("段落。", False)])
    assert layout._split_last_section(numbered) is None


def test_segment_gives_the_dated_article_its_headline_and_deck():
    page = "\n\n".join([
        "", "保障供应，大型商超拿起数字化工具",
        "家乐福古北店店长张瑞卿，已经在店里住了两个多月。超市便进入“双线”运转，保供能力明显提升。",
        "疫情之前，家乐福已尝试通过微信群在线上触达顾客，如今这一做法推广到了各个门店。",
        "在“控得住”前提下加快经济恢复重振",
        "发扬“店小二”精神",
        "各层各级领导干部要主动关心企业、服务企业，深入基层一线。要支持企业加快复工复产",
        "本报讯 市委常委会昨晚举行会议，研究部署复工复产和加快经济恢复有关工作。",
        "会议指出，要统筹疫情防控和经济社会发展。", ""])
    drafts = layout.segment(page)
    heads = [layout.split_heads(d.heads)[1] for d in drafts]
    assert "在“控得住”前提下加快经济恢复重振" in heads
    second = drafts[heads.index("在“控得住”前提下加快经济恢复重振")]
    assert second.dated and second.decks and second.paragraphs[0][0].text.startswith("市委常委会")
