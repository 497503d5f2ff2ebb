"""A line that opens with a sentence of at most SHORT_TAIL_CHARS characters
("过表态。这里我愿重申……") is the tail of a sentence the column cut: the short
line above it runs on into it instead of heading anything."""

from zhnews import layout

PAGE = "\n\n".join([
    "",
    "2019年12月16日外交部发言人耿爽主持例行记者会",
    "问：伊朗外长扎里夫今天表示，伊方愿继续同有关各方保持沟通。中方对此有何评论？",
    "答：最近几天我已就伊核问题多次作",
    "过表态。这里我愿重申，中方始终致力于维护全面协议，呼吁各方保持冷静克制，通过对话协商解决分歧。",
    "最近几天我已就伊核问题多次作",
    "过表态。这里我愿重申，中方始终致力于维护全面协议。",
    "",
])


def test_a_short_line_over_a_sentence_tail_runs_on_into_it():
    drafts = layout.segment(PAGE)
    assert len(drafts) == 1
    texts = ["".join(u.text for u in p) for p in drafts[0].paragraphs]
    assert "最近几天我已就伊核问题多次作过表态。这里我愿重申，中方始终致力于维护全面协议。" in texts
    assert not any(drafts[0].heading_flags)


def test_a_lead_opening_with_a_short_phrase_is_no_tail():
    # (a sentence of 4 is a tail since join16: "接续机制。……" opens a paragraph, but never under a heading-like line)
    assert not layout.SHORT_TAIL_RE.match("健全接续机制。脱贫攻坚中形成的责任体系要延续。")
    assert not layout.SHORT_TAIL_RE.match("近日，记者走访了多家企业。")
    assert layout.SHORT_TAIL_RE.match("举办。南非总统拉马福萨出席。")
