"""A comma right after a verb of saying makes a line a sentence, not a heading,
however far in it stands ("省领导指出，党的十九届五中全会总结了"): headlines put
a colon there."""

from zhnews import layout


def test_a_verb_of_saying_before_the_comma_makes_a_sentence():
    assert not layout._heading_text("省领导指出，党的十九届五中全会总结了")
    assert not layout._heading_text("外交部发言人表示，中方坚决反对")


def test_a_headline_with_a_comma_after_another_verb_stays_a_heading():
    assert layout._heading_text("助企纾困，加快恢复经济社会发展活力")
    assert layout._heading_text("保障供应，大型商超拿起数字化工具")


def test_the_cut_sentence_is_joined_not_read_as_a_heading():
    page = "\n\n".join([
        "", "浙江省领导分赴高校宣讲中央全会和省委全会",
        "本报讯 连日来，省领导分赴省内高校，宣讲党的十九届五中全会和省委十四届八次全会精神。",
        "省领导指出，党的十九届五中全会总结了",
        "决胜全面建成小康社会取得的决定性成就，对“十四五”时期经济社会发展作出了全面部署。", ""])
    drafts = layout.segment(page)
    assert len(drafts) == 1 and not any(drafts[0].heading_flags)
    texts = ["".join(u.text for u in p) for p in drafts[0].paragraphs]
    assert any(t.startswith("省领导指出，党的十九届五中全会总结了决胜全面建成小康社会") for t in texts)
