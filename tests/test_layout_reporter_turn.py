"""A reporter's turn at a press conference ("深圳卫视记者：……") is a turn like "问：",
never a heading: a column cut leaving its first piece short enough to look like one
joins it back (join16), as does a line opening the way a sentence does (我们……, 应……邀请，).
A line "<speaker>说。" after a full stop is the tail of the
quotation above, which a column cut there."""

from zhnews import layout

def _page(*lines: str) -> str:
    """A page as the example pages are laid out: a unit a line, blank lines between."""
    return "\n\n" + "\n\n".join(lines) + "\n"


PAGE = _page("2020年4月1日外交部发言人华春莹主持例行记者会", "问：中方对此有何评论？", "答：我们已多次阐明立场。",
             "深圳卫视记者：美国国务卿蓬佩奥",
             "31日在国务院记者会上说，美国对国际抗击新冠肺炎疫情资助的数额最多。你对此有何回应？",
             "华春莹：我们注意到有关报道。")


def test_a_reporters_turn_cut_short_is_joined_back():
    drafts = layout.segment(PAGE)
    assert len(drafts) == 1
    texts = ["".join(u.text for u in p) for p in drafts[0].paragraphs]
    assert any(t.startswith("深圳卫视记者：美国国务卿蓬佩奥31日在国务院记者会上说") for t in texts)
    assert not any(drafts[0].heading_flags)


def test_reporter_turn_shapes():
    assert layout.QA_TURN_RE.match("路透社记者：一、台湾向美等国家捐赠")
    assert layout.QA_TURN_RE.match("《北京日报》记者：据报道，美国密西西比州检察长")
    assert layout.QA_TURN_RE.match("答：是的")  # (问/答 as before, however short)
    assert not layout.QA_TURN_RE.match("（记者：我只是问一下）")  # an aside
    assert not layout.QA_TURN_RE.match("本报记者：王伟")  # a credit says nothing


SPOKEN = _page("大学里的家国情怀", "杨帆是北京理工大学的学生，她参加了今年的社会实践。",
               "“大学赋予青年的，不只是知识积淀，更是锚定家国的使命担当与融入时代的奋进力量。”",
               "杨帆说。", "实践团队走访了十多个村庄。")


def test_a_speaker_line_after_a_quotation_is_its_tail():
    drafts = layout.segment(SPOKEN)
    texts = ["".join(u.text for u in p) for p in drafts[0].paragraphs]
    assert "“大学赋予青年的，不只是知识积淀，更是锚定家国的使命担当与融入时代的奋进力量。”杨帆说。" in texts
    assert "实践团队走访了十多个村庄。" in texts  # (a sentence of its own: a paragraph)


def test_speaker_closes_shapes():
    assert layout._speaker_closes("何建坤表示。此外，……")
    assert not layout._speaker_closes("赵元瑞说，未来希望……")  # a comma: the speech goes on, a paragraph may open so
    assert not layout._speaker_closes("对此，他说。")
    assert not layout._speaker_closes("谢谢。")


def test_a_line_opening_as_a_sentence_does_goes_on():
    a = layout.Unit("我们奉劝美方官员把精力用在做好自身疫情防控工作", 0, 24, "line")
    b = layout.Unit("上，而不是试图到处“甩锅”、转移视线。", 26, 44, "line")
    assert layout.continues(a, b)
    for head in ("应习近平邀请 土耳其总统将访华", "我们为何怀有深深的不舍（快评）", "作为适应手段的技术"):
        assert not (layout.SENTENCE_OPEN_RE.match(head) and not layout._tagged_headline(head))
    assert layout.SENTENCE_OPEN_RE.match("作为湖北交投高路公司孝感项目建设指挥部党总支书记，金明盯")
