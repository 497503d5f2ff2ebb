"""A first line of two phrases across one comma over a shorter one-phrase line is the
kicker over the headline (layout._comma_kicker), even under KICKER_MIN_CHARS."""

import pytest

from zhnews.layout import split_heads, tokenize


@pytest.mark.parametrize(
    "lines, expected",
    [
        # two phrases over one, 1.25x as long: kicker and headline
        (["连续值守三个昼夜，守住万家灯火", "“电网尖兵”雪夜抢修"],
         ("连续值守三个昼夜，守住万家灯火", "“电网尖兵”雪夜抢修", None)),
        # the line under has a comma of its own: headline and 副题
        (["连续值守三个昼夜，守住万家灯火", "抢修队员，雪夜出发"],
         (None, "连续值守三个昼夜，守住万家灯火", "抢修队员，雪夜出发")),
        # not this much shorter: headline and 副题
        (["连续值守三昼夜，守住灯火", "电网尖兵雪夜抢修线路"],
         (None, "连续值守三昼夜，守住灯火", "电网尖兵雪夜抢修线路")),
        # two commas: a sentence, not a kicker of two phrases
        (["值守三昼夜，抢修百余处，守住灯火", "电网尖兵雪夜抢修"],
         (None, "值守三昼夜，抢修百余处，守住灯火", "电网尖兵雪夜抢修")),
    ],
)
def test_comma_kicker(lines, expected):
    assert split_heads(tokenize("\n".join(lines))) == expected
