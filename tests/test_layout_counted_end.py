"""A heading-like line ending on a numeral and its measure word ("……成为一个") runs on
into its noun on the next line (layout.COUNTED_END_RE in `continues`)."""

from zhnews import layout

LINES = (
    "港口物流提速增效",
    "本报天津4月3日电（记者 李华）今年一季度，天津港集装箱吞吐量同比增长，航线网络不断加密，服务能力持续提升。",
    "多年的建设经验表明，天津港已经成为一个",
    "“陆海联动、双向开放”的重要枢纽。港口将继续扩大开放，推动多式联运发展。",
)


def test_a_line_ending_on_a_measure_word_joins_the_line_below():
    units = layout.tokenize(LINES[2] + "\n" + LINES[3])
    assert layout.continues(units[0], units[1])


def test_it_starts_no_article():
    drafts = [d for d in layout.segment("\n\n".join(("",) + LINES + ("",))) if d.heads]
    assert [layout.split_heads(d.heads)[1] for d in drafts] == ["港口物流提速增效"]


def test_a_headline_without_the_measure_word_still_stands():
    units = layout.tokenize("港口物流提速增效\n今年一季度，天津港集装箱吞吐量同比增长。")
    assert not layout.continues(units[0], units[1])
